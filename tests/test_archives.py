"""Real archives: `#` headings in a body are findings at their line (not build
errors), `shift-headings` demotes them, and every content error of a run is
reported at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.config import load_config
from pipeline.mdrender import render_body
from pipeline.run import build
from tests.helpers import soup

HUGO_POST = """\
+++
title = "Winter running for beginners"
date = 2019-01-14T08:00:00+01:00
draft = false
summary = "How to start running in winter without getting cold, hurt or bored, with a simple plan for the first weeks and the kit you need."
{extra}+++
Running in winter is easier than it looks when you dress in layers.

# Dress in layers

Wear a base layer, a warm mid layer and a windproof shell.

## Shoes

Trail shoes grip better on ice.

###### Small print

Check with your doctor first.
"""


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "content").mkdir()
    (tmp_path / "seo-pipeline.toml").write_text('site-name = "Test"\n')
    monkeypatch.chdir(tmp_path)
    return tmp_path


def write_post(project: Path, extra: str = "", name: str = "post.md") -> Path:
    path = project / "content" / name
    path.write_text(HUGO_POST.format(extra=extra), encoding="utf-8")
    return path


def levels(html: str) -> list[tuple[str, str]]:
    doc = soup(html)
    return [
        (h.name, h.get_text())
        for h in doc.find_all(["h1", "h2", "h3", "h4", "h5", "h6"])
        if h.get_text() in {"Winter running for beginners", "Dress in layers", "Shoes"}
        or h.get_text() == "Small print"
    ]


def test_a_hash_heading_is_a_finding_at_its_content_line(project: Path) -> None:
    write_post(project)
    result = build(load_config(cwd=project), write=False)
    (page,) = result.pages
    assert levels(page.html) == [
        ("h1", "Winter running for beginners"),
        ("h1", "Dress in layers"),
        ("h2", "Shoes"),
        ("h6", "Small print"),
    ]
    assert result.checks is not None
    (finding,) = [f for f in result.checks.findings if f.code == "HEAD302"]
    assert (finding.path, finding.line) == ("content/post.md", 9)
    assert finding.message == "page has 2 h1 elements (max 1)"


def test_shift_headings_in_the_config_demotes_every_body_heading(
    project: Path,
) -> None:
    (project / "seo-pipeline.toml").write_text(
        'site-name = "Test"\nshift-headings = 1\n', encoding="utf-8"
    )
    write_post(project)
    result = build(load_config(cwd=project), write=False)
    (page,) = result.pages
    assert levels(page.html) == [
        ("h1", "Winter running for beginners"),
        ("h2", "Dress in layers"),
        ("h3", "Shoes"),
        ("h6", "Small print"),  # H6 stays H6: there is no H7
    ]
    assert result.checks is not None
    codes = {f.code for f in result.checks.findings}
    assert "HEAD302" not in codes  # one H1 now (HEAD303: the post skips to ######)


def test_front_matter_shift_headings_overrides_the_config(project: Path) -> None:
    write_post(project, "shift-headings = 1\n")
    (page,) = build(load_config(cwd=project), write=False, check=False).pages
    assert levels(page.html)[1] == ("h2", "Dress in layers")
    (project / "seo-pipeline.toml").write_text(
        'site-name = "Test"\nshift-headings = 1\n', encoding="utf-8"
    )
    write_post(project, "shift-headings = 0\n")
    (page,) = build(load_config(cwd=project), write=False, check=False).pages
    assert levels(page.html)[1] == ("h1", "Dress in layers")


def test_shift_is_bounded() -> None:
    body = render_body("# A\n\n## B\n\n##### E\n", shift=2)
    assert [(h.level, h.text) for h in body.headings] == [(3, "A"), (4, "B"), (6, "E")]
    assert "<h6" in body.sections_html and "<h7" not in body.sections_html


def test_shift_headings_is_validated(project: Path) -> None:
    write_post(project, "shift-headings = 9\n")
    assert main(["build"]) == 2


def test_every_content_error_of_a_run_is_reported(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_post(project, name="a-good.md")
    content = project / "content"
    (content / "b.md").write_text("---\ntitle: B\ndate: 2024-02-30\n---\nText.\n")
    (content / "c.md").write_text("---\ntitel: C\n---\nText.\n")
    (content / "d.csv").write_text(
        "title,date\nOne,2026-01-01\nTwo,not-a-date\n,2026-01-02\nFour,1,2\n"
    )
    (content / "e.jsonl").write_text('{"title": "E"}\n[1]\n{"titel": "F"}\n')
    assert main(["build"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err == [
        "error: content/b.md:3: date: Input should be a valid date or datetime,"
        " day value is outside expected range",
        "error: content/c.md:2: title: required field is missing",
        "error: content/c.md:2: titel: unknown field; did you mean 'title'?",
        "error: content/d.csv:row 3: date: Input should be a valid date or"
        " datetime, invalid character in year",
        "error: content/d.csv:row 4: title: required field is missing",
        "error: content/d.csv:row 5: 3 cells but 2 columns",
        "error: content/e.jsonl:row 2: each line must be a JSON object",
        "error: content/e.jsonl:row 3: title: required field is missing",
        "error: content/e.jsonl:row 3: titel: unknown field; did you mean 'title'?",
    ]
    assert not (project / "output").exists()


def test_bad_dataset_rows_can_be_skipped(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "content" / "d.csv").write_text(
        "title,body\nFirst page title here,Text.\n,No title.\nThird,Text.\n"
    )
    assert main(["build", "--on-bad-row", "skip", "--fail-on", "never"]) == 0
    captured = capsys.readouterr()
    assert "Built 2 pages into output/" in captured.out
    assert (
        "warning: content/d.csv:row 3: title: required field is missing "
        "(row skipped: --on-bad-row skip)"
    ) in captured.err.splitlines()
    # A file that is broken as a whole is never skipped.
    (project / "content" / "e.md").write_text("---\ntitel: E\n---\n")
    assert main(["build", "--on-bad-row", "skip"]) == 2


def test_a_broken_link_and_a_bad_file_are_reported_together(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content = project / "content"
    (content / "gone.md").symlink_to(project / "nowhere.md")
    (content / "c.md").write_text("---\ntitel: C\n---\nText.\n")
    assert main(["build"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err == [
        "error: content/gone.md: broken symbolic link (target missing)",
        "error: content/c.md:2: title: required field is missing",
        "error: content/c.md:2: titel: unknown field; did you mean 'title'?",
    ]


def test_an_archive_builds_with_one_finding_per_hash_heading_post(
    project: Path,
) -> None:
    for i in range(30):
        extra = f'slug = "post-{i}"\n'
        text = HUGO_POST.format(extra=extra)
        if i % 5:  # 6 of 30 posts keep their '#' sections
            text = text.replace("\n# Dress", "\n## Dress")
        (project / "content" / f"post-{i:02}.md").write_text(text, encoding="utf-8")
    result = build(load_config(cwd=project), write=False)
    assert len(result.pages) == 30
    assert result.checks is not None
    multiple = sorted(
        (f.path, f.line) for f in result.checks.findings if f.code == "HEAD302"
    )
    assert multiple == [(f"content/post-{i:02}.md", 10) for i in range(0, 30, 5)]
