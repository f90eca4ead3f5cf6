"""The library flow (`pipeline.run`): build and check from Python, and the
hand-off between them through `manifest.json`."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from pipeline.findings import Finding
from pipeline.pagemeta import PageMeta
from pipeline.run import build, check

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The bundled example site, copied (its own pyproject.toml config)."""
    shutil.copytree(REPO / "content", tmp_path / "content")
    shutil.copy(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def key(finding: Finding) -> tuple[object, ...]:
    return (finding.code, finding.severity, finding.path, finding.line, finding.message)


def test_check_of_the_output_reproduces_the_builds_findings(project: Path) -> None:
    built = build(str(project))
    assert built.checks is not None
    checked = check(str(project / "output"), str(project / "pyproject.toml"))
    assert checked.checked == len(built.pages) == 3
    assert sorted(map(key, checked.findings)) == sorted(map(key, built.checks.findings))
    # the keyphrase and the claimed length only live in the content file
    codes = {f.code for f in checked.findings}
    assert "LEN110" in codes and any(c.startswith("KEY7") for c in codes)


def test_the_manifest_records_each_pages_meta(project: Path) -> None:
    build(project)
    rows = json.loads((project / "output" / "manifest.json").read_text())["pages"]
    metas = {row["path"]: PageMeta.from_json(row["meta"]) for row in rows}
    herpes = metas["herpes-virus-back-pain/index.html"]
    assert herpes.keyphrase == "herpes back pain"
    assert herpes.description_claimed_length == 149
    assert herpes.source is not None
    assert herpes.source.path == "content/herpes-back-pain.md"
    assert herpes.source.locate("description") == 3


def test_a_page_checked_alone_still_finds_its_manifest(project: Path) -> None:
    build(project)
    page = project / "output" / "herpes-virus-back-pain" / "index.html"
    result = check([page], project)
    [report] = result.pages
    assert report.facts.meta.keyphrase == "herpes back pain"
    assert any(f.code == "LEN110" and f.path.endswith(".md") for f in result.findings)


def test_the_keyphrase_flag_overrides_the_manifest(project: Path) -> None:
    build(project)
    result = check(project / "output", project, keyphrase="winter running")
    assert {r.facts.meta.keyphrase for r in result.pages} == {"winter running"}


def test_a_foreign_manifest_is_ignored(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<title>x</title><p>Hello.</p>")
    (site / "manifest.json").write_text(
        json.dumps(
            {
                "generator": "other",
                "pages": [{"path": "index.html", "meta": {"keyphrase": "spoofed"}}],
            }
        )
    )
    [report] = check(site, tmp_path).pages
    assert report.facts.meta == PageMeta()


def test_build_accepts_a_config_file_path(project: Path) -> None:
    result = build(project / "pyproject.toml", write=False)
    assert result.written is None
    assert len(result.pages) == 3
    assert not (project / "output").exists()


def test_the_text_report_says_what_each_page_was_judged_with(project: Path) -> None:
    from pipeline.report import render
    from pipeline.report.context import ReportContext

    built = build(project, write=False)
    assert built.checks is not None
    text = render("text", built.checks, ReportContext(built.config.checks))
    block = text.split("content/herpes-back-pain.md\n", 1)[1]
    assert block.startswith(
        "  judged with keyphrase 'herpes back pain', audience 'health'"
    )


def test_drafts_are_left_out_unless_asked(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from pipeline.cli import main

    draft = project / "content" / "next-week.md"
    draft.write_text(
        "---\ntitle: Next week's post\ndraft: true\n---\n\nNot ready yet.\n",
        encoding="utf-8",
    )
    result = build(project, write=False, check=False)
    assert result.drafts_skipped == ("content/next-week.md",)
    assert "next-week-s-post" not in {r.page.slug for r in result.pages}
    with_drafts = build(project, write=False, check=False, drafts=True)
    assert "next-week-s-post" in {r.page.slug for r in with_drafts.pages}
    monkeypatch.chdir(project)
    main(["build", "--no-write", "--no-check"])
    assert "Left out 1 draft (--drafts builds them): content/next-week.md" in (
        capsys.readouterr().out
    )


def test_unmapped_front_matter_keys_are_info_at_their_line(project: Path) -> None:
    (project / "content" / "jekyll.md").write_text(
        "---\nlayout: post\ntitle: Welcome to Jekyll\ncomments: true\n---\n\nHello.\n",
        encoding="utf-8",
    )
    result = build(project, write=False)
    assert result.checks is not None
    found = [
        (f.line, f.severity.label, f.message)
        for f in result.checks.findings
        if f.code == "META515"
    ]
    assert found == [
        (2, "info", "front matter key 'layout' is not used (kept in `extra`)"),
        (4, "info", "front matter key 'comments' is not used (kept in `extra`)"),
    ]
