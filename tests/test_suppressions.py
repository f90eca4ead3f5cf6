"""Line-level suppressions (`disable-next-line`) in HTML and Markdown bodies, and
META593 for a suppression that names no rule or suppresses nothing."""

from __future__ import annotations

import os
from pathlib import Path

from click.testing import CliRunner

from pipeline.checks import CheckConfig, PageInput, check_pages
from pipeline.cli import cli
from pipeline.pagemeta import PageMeta
from pipeline.suppressions import Suppression, scan

LONG = (
    "Discover the connection between the herpes virus and back pain, including "
    "symptoms, diagnosis, and treatment options. Learn how to manage "
    "herpes-related back pain and reduce its impact on daily life."
)


def page(head_extra: str = "", body_extra: str = "") -> str:
    return (
        '<html lang="en"><head><title>Winter running: a beginner\'s checklist</title>\n'
        f"{head_extra}"
        f'<meta name="description" content="{LONG}">\n'
        "</head><body><main><h1>Winter running</h1>\n"
        f"{body_extra}"
        "<h2>Gear</h2>\n<h4>Gloves</h4>\n<p>Text.</p></main></body></html>"
    )


def findings(html: str, *codes: str) -> list[tuple[str, int | None, str]]:
    result = check_pages(
        [PageInput("a.html", html)], CheckConfig(select=[*codes, "META593"])
    )
    return [(f.code, f.line, f.message) for f in result.findings]


def test_scan_reads_both_forms_with_lines() -> None:
    text = "x\n<!-- seo-pipeline: disable-next-line=LEN103, head -->\ny\n" + (
        "<!--seo-pipeline:disable=KEY-->"
    )
    assert scan(text, first_line=10) == (
        Suppression(("LEN103", "HEAD"), 11, 1, 12,
                    "<!-- seo-pipeline: disable-next-line=LEN103, head -->"),
        Suppression(("KEY",), 13, 1, None, "<!--seo-pipeline:disable=KEY-->"),
    )  # fmt: skip


def test_html_next_line_suppresses_only_that_line() -> None:
    assert [c for c, _, _ in findings(page(), "LEN103", "HEAD303")] == [
        "LEN103",
        "HEAD303",
    ]
    quiet = page("<!-- seo-pipeline: disable-next-line=LEN103 -->\n")
    assert findings(quiet, "LEN103") == []
    elsewhere = page("", "<!-- seo-pipeline: disable-next-line=LEN103 -->\n")
    got = findings(elsewhere, "LEN103")
    assert [c for c, _, _ in got] == ["LEN103", "META593"]
    assert got[1][2] == (
        "unused suppression: `LEN103` in a `disable-next-line=` comment "
        "suppressed nothing on line 5"
    )


def test_unknown_codes_are_reported_at_the_comment() -> None:
    html = page("<!-- seo-pipeline: disable=LEN13 -->\n")
    assert findings(html, "LEN103") == [
        ("META593", 2, "unknown rule `LEN13` in a `disable=` comment"),
        ("LEN103", 3, "meta description is 199 characters (max 155)"),
    ]


def test_page_level_suppression_is_used_only_if_the_rule_would_fire() -> None:
    used = page("<!-- seo-pipeline: disable=LEN103,skipped-heading-level -->\n")
    assert findings(used, "LEN103", "HEAD303") == []
    unused = page("<!-- seo-pipeline: disable=LEN101 -->\n")
    assert [(c, m) for c, _, m in findings(unused, "LEN101")] == [
        ("META593", "unused suppression: `LEN101` in a `disable=` comment "
         "suppressed nothing on this page"),
    ]  # fmt: skip
    # A rule that does not run is not judged (ruff reports only enabled codes).
    assert findings(page("<!-- seo-pipeline: disable=LEN101 -->\n")) == []


def test_meta593_itself_can_be_suppressed() -> None:
    html = page("<!-- seo-pipeline: disable=LEN13,META593 -->\n")
    assert findings(html) == []


def _site(tmp_path: Path, front: str, body: str) -> Path:
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "a.md").write_text(
        f"---\ntitle: Winter running basics\ndescription: {LONG}\n{front}---\n{body}"
    )
    return tmp_path


def _build(site: Path, *args: str) -> tuple[int, str]:
    old = Path.cwd()
    os.chdir(site)
    try:
        result = CliRunner().invoke(cli, ["build", "--format", "github", *args])
    finally:
        os.chdir(old)
    return result.exit_code, result.stdout


def test_markdown_body_comments_suppress_and_are_not_published(tmp_path: Path) -> None:
    body = (
        "Intro text.\n\n## Gear\n\n"
        "<!-- seo-pipeline: disable-next-line=HEAD303 -->\n"
        "#### Gloves\n\nText.\n\n## Care\n\n#### Washing\n"
    )
    site = _site(tmp_path, "", body)
    code, out = _build(site, "--select", "HEAD303,META593")
    assert code == 0
    lines = [line for line in out.splitlines() if line.startswith("::")]
    assert lines == [
        "::warning file=content/a.md,line=16,title=HEAD303::h4 follows h2 (skips h3)"
    ]  # line 10 (`#### Gloves`, after the comment) is not reported
    html = (site / "output" / "winter-running-basics" / "index.html").read_text()
    assert "seo-pipeline" not in html and "<!--" not in html.split("<body")[1]
    # `check output/` reads the suppressions back from the manifest.
    old = Path.cwd()
    os.chdir(site)
    try:
        again = CliRunner().invoke(
            cli,
            ["check", "output", "--select", "HEAD303,META593", "--format", "github"],
        )
    finally:
        os.chdir(old)
    assert [x for x in again.stdout.splitlines() if x.startswith("::")] == lines


def test_front_matter_and_body_problems_point_at_content_lines(tmp_path: Path) -> None:
    site = _site(
        tmp_path,
        "seo-pipeline-disable: [LEN999, LEN103]\n",
        "Intro.\n\n<!-- seo-pipeline: disable-next-line=HEAD303 -->\n\n## Gear\n",
    )
    code, out = _build(site, "--select", "LEN103,HEAD303,META593")
    found = sorted(line for line in out.splitlines() if line.startswith("::"))
    assert code == 0, out
    assert found == [
        "::warning file=content/a.md,line=4,title=META593::unknown rule `LEN999` "
        "in `seo-pipeline-disable`",
        "::warning file=content/a.md,line=8,title=META593::unused suppression: "
        "`HEAD303` in a `disable-next-line=` comment suppressed nothing on line 9",
    ]
    old = Path.cwd()
    os.chdir(site)
    try:  # `check output/` says the same, from the manifest
        again = CliRunner().invoke(
            cli, ["check", "output", "--format", "github",
                  "--select", "LEN103,HEAD303,META593"],
        )  # fmt: skip
    finally:
        os.chdir(old)
    assert sorted(x for x in again.stdout.splitlines() if x.startswith("::")) == found


def test_page_meta_keeps_suppressions_in_the_manifest() -> None:
    meta = PageMeta(suppressions=(Suppression(("LEN103",), 5, None, 6, "<!-- x -->"),))
    assert PageMeta.from_json(meta.to_json()).suppressions == meta.suppressions
    assert (
        PageMeta.from_json({"suppressions": [[1, "x", ["A"]], "bad"]}).suppressions
        == ()
    )


def test_front_matter_comment_suppresses_the_next_field(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "a.md").write_text(
        "---\ntitle: Winter running basics\n"
        "# seo-pipeline: disable-next-line=LEN103\n"
        f"description: {LONG}\n"
        "# seo-pipeline: disable-next-line=LEN101\n"
        "slug: winter\n---\nIntro.\n"
    )
    (tmp_path / "content" / "b.yaml").write_text(
        "title: Winter gear basics\n"
        "  # seo-pipeline: disable-next-line=LEN103, LEN104\n"
        f"description: {LONG}\n"
        "body: Intro.\n"
    )
    code, out = _build(tmp_path, "--select", "LEN101,LEN103,LEN104,META593")
    found = sorted(line for line in out.splitlines() if line.startswith("::"))
    assert found == [
        "::warning file=content/a.md,line=4,title=LEN104::meta description is 1258 px "
        "wide (max 920 px)",  # only LEN103 was named for this line
        "::warning file=content/a.md,line=5,title=META593::unused suppression: "
        "`LEN101` in a `disable-next-line=` comment suppressed nothing on line 6",
    ]  # b.yaml: both rules suppressed, nothing reported
    assert code == 0


def test_lines_are_the_files_when_the_body_starts_with_blank_lines(
    tmp_path: Path,
) -> None:
    site = _site(
        tmp_path,
        "",
        "\n\nIntro text.\n\n## Gear\n\n#### Gloves\n\n"
        "<!-- seo-pipeline: disable-next-line=HEAD303 -->\n## Care\n\n#### Washing\n",
    )
    code, out = _build(site, "--select", "HEAD303,META593")
    found = sorted(line for line in out.splitlines() if line.startswith("::"))
    assert found == [  # the comment (line 13) is above `## Care`, not a finding
        "::warning file=content/a.md,line=11,title=HEAD303::h4 follows h2 (skips h3)",
        "::warning file=content/a.md,line=13,title=META593::unused suppression: "
        "`HEAD303` in a `disable-next-line=` comment suppressed nothing on line 14",
        "::warning file=content/a.md,line=16,title=HEAD303::h4 follows h2 (skips h3)",
    ]
    assert code == 0
