"""`seo-pipeline check` and `rules`: discovery, exit codes, reports, hostile input."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from pipeline.checks import REGISTRY, CheckConfig, check_pages
from pipeline.checks.catalog import rules_json, rules_markdown, rules_text
from pipeline.cli import main
from pipeline.config import load_config
from pipeline.discover import read_pages
from pipeline.run import build
from tests.helpers import write

REPO = Path(__file__).resolve().parent.parent
PAGES = REPO / "tests" / "fixtures" / "pages"

CLEAN = """<!DOCTYPE html><html lang="en"><head>
<title>Can herpes cause back pain? Symptoms and treatment</title>
<meta name="description" content="How shingles and other herpes viruses inflame nerves, the symptoms to watch for, and the treatments that help.">
<link rel="canonical" href="https://example.com/herpes-back-pain/">
<meta property="og:title" content="Can herpes cause back pain?"><meta property="og:type" content="article">
<meta property="og:image" content="https://example.com/i.jpg"><meta property="og:url" content="https://example.com/herpes-back-pain/">
</head><body><main><h1>Can herpes cause back pain?</h1><p>Yes. Shingles can hurt the back.</p></main></body></html>
"""


def cli(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    *args: str,
) -> tuple[int, str, str]:
    monkeypatch.chdir(tmp_path)
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


# --- exit codes ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("pages", "args", "expected"),
    [
        ({"ok.html": CLEAN}, [], 0),
        ({"bad.html": CLEAN.replace("<title>", "<title>x").replace("How shingles", "x" * 200)}, [], 1),
        ({"warn.html": CLEAN.replace('<html lang="en">', "<html>")}, [], 0),
        ({"warn.html": CLEAN.replace('<html lang="en">', "<html>")}, ["--fail-on", "warning"], 1),
        ({"bad.html": "<p>no title</p>"}, ["--fail-on", "never"], 0),
        ({"bad.html": "<p>no title</p>"}, ["--ignore", "META501,HEAD301,SD,READ"], 0),
        ({"bad.html": CLEAN.replace("<head>", "<head><!-- seo-pipeline: disable=META507,READ -->").replace(' lang="en"', "")}, ["--fail-on", "warning"], 0),
        ({"latin1.html": b"<html lang='en'><head><title>Caf\xe9</title></head></html>"}, [], 1),
    ],
    ids=["clean", "error", "warning passes", "fail-on warning", "fail-on never", "ignored", "inline suppression", "invalid utf-8 is a finding"],
)  # fmt: skip
def test_exit_codes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
                    pages: dict[str, str | bytes], args: list[str], expected: int) -> None:  # fmt: skip
    for name, text in pages.items():
        write(tmp_path, name, text)
    code, out, err = cli(tmp_path, monkeypatch, capsys, "check", ".", *args)
    assert code == expected, out + err
    assert "Traceback" not in out + err


@pytest.mark.parametrize(
    "args",
    [
        ["check", "missing-folder"],
        ["check"],
        ["check", ".", "--select", "LNE1"],
        ["check", ".", "--profile", "yost"],
    ],
    ids=["missing path", "no path", "unknown selector", "unknown profile"],
)
def test_usage_and_input_errors_exit_2(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
) -> None:
    write(tmp_path, "ok.html", CLEAN)
    code, out, err = cli(tmp_path, monkeypatch, capsys, *args)
    assert code == 2
    assert "Traceback" not in out + err


def test_config_errors_exit_2_with_did_you_mean(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path, "ok.html", CLEAN)
    write(tmp_path, "seo-pipeline.toml", "[length]\ndescription-max-char = 150\n")
    code, _, err = cli(tmp_path, monkeypatch, capsys, "check", ".")
    assert code == 2
    assert "did you mean 'description-max-chars'" in err


def test_config_file_options_and_per_file_ignores(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path, "blog/a.html", CLEAN)
    write(tmp_path, "legacy/b.html", CLEAN)
    write(tmp_path, "pyproject.toml", '[tool.seo-pipeline]\nfail-on = "warning"\n'
          '[tool.seo-pipeline.length]\ndescription-max-chars = 50\n'
          '[tool.seo-pipeline.per-file-ignores]\n"legacy/*" = ["LEN103"]\n')  # fmt: skip
    code, out, _ = cli(
        tmp_path, monkeypatch, capsys, "check", ".", "--select", "LEN103"
    )
    assert code == 1
    assert "blog/a.html" in out and "(max 50)" in out
    assert "legacy/b.html" not in out


# --- reports ------------------------------------------------------------------


def test_json_report_schema(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path, "a.html", CLEAN.replace("How shingles", "x" * 200))
    code, out, _ = cli(
        tmp_path, monkeypatch, capsys, "check", "a.html", "--format", "json"
    )
    assert code == 1
    report = json.loads(out)
    assert set(report) == {"version", "pages", "findings", "summary"}
    assert report["version"] == 1
    [page] = report["pages"]
    for key in ["path", "title", "title_length", "title_px", "description", "description_length", "description_px",
                "h1_count", "headings", "word_count", "sentence_count", "flesch_reading_ease", "fk_grade",
                "jsonld_types", "rules_run", "rules_skipped"]:  # fmt: skip
        assert key in page
    assert page["headings"] == [[1, "Can herpes cause back pain?"]]
    assert page["rules_skipped"]["KEY701"] == "no keyphrase"
    finding = next(f for f in report["findings"] if f["code"] == "LEN103")
    for key in [
        "code",
        "rule",
        "severity",
        "message",
        "path",
        "line",
        "column",
        "value",
        "limit",
    ]:
        assert key in finding
    assert (finding["severity"], finding["path"], finding["line"]) == (
        "error",
        "a.html",
        3,
    )
    assert report["summary"]["error"] >= 1


def test_text_report_line_format(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path, "a.html", CLEAN.replace("How shingles", "x" * 200))
    _, out, _ = cli(
        tmp_path, monkeypatch, capsys, "check", "a.html", "--select", "LEN103"
    )
    lines = out.splitlines()
    assert lines[0] == "a.html"  # grouped by file
    assert (
        lines[1]
        == "  a.html:3:1: LEN103 meta description is 298 characters (max 155) (298/155) [error meta-description-too-long]"
    )
    assert re.fullmatch(
        r"1 error, 0 warnings, 0 info in 1 file \(1 page checked in \d+\.\d\d s\)",
        lines[-1],
    )


# --- rules --------------------------------------------------------------------


def test_rules_text_json_markdown_list_every_rule() -> None:
    text = rules_text()
    data = json.loads(rules_json())
    assert {r["code"] for r in data["rules"]} == set(REGISTRY)
    for code in REGISTRY:
        assert code in text
    assert rules_markdown() == (REPO / "docs" / "rules.md").read_text(encoding="utf-8")


def test_rules_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = cli(tmp_path, monkeypatch, capsys, "rules", "LEN103")
    assert code == 0
    assert out.startswith("LEN103 meta-description-too-long (error)")
    assert "## Why is this bad?" in out
    code, out, _ = cli(tmp_path, monkeypatch, capsys, "rules", "--format", "json")
    assert code == 0 and json.loads(out)["version"] == 1


# --- real pages and the example article ---------------------------------------


def test_generator_and_broken_fixtures_never_crash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = cli(
        tmp_path, monkeypatch, capsys, "check", str(PAGES), "--format", "json"
    )
    assert code in (0, 1), err
    report = json.loads(out)
    assert len(report["pages"]) == len(list(PAGES.rglob("*.html")))
    assert not [
        f for f in report["findings"] if f["message"].startswith("internal error")
    ]
    codes = {(Path(f["path"]).name, f["code"]) for f in report["findings"]}
    assert ("invalid-utf8.html", "META514") in codes


def test_huge_page_gives_findings(tmp_path: Path) -> None:
    """A page over 5 MB (more than `max-file-bytes`, the largest content file a
    build reads) is read, parsed and checked to its end. The bulk is an inline
    JSON state script, as Next.js pages carry; the findings come from the text
    after it (lines 4 and 5), which a reader or parser that stopped early would
    miss. How fast the rules are on millions of words is for `benchmarks/`."""
    state = json.dumps({"props": {"pageProps": {"items": ["x" * 90] * 54_000}}})
    words = " ".join(["Plain words make a long paragraph here."] * 26)
    html = (
        "<html lang='en'><head><title>Huge</title></head><body>\n"
        f'<script id="__NEXT_DATA__" type="application/json">{state}</script>\n'
        f"<main>\n<h2>After the state</h2>\n<p>{words}</p>\n</main>\n</body></html>\n"
    )
    assert len(html.encode()) > 5_000_000
    page = write(tmp_path, "huge.html", html)
    config = CheckConfig(select=["LEN106", "HEAD301", "READ204"])
    result = check_pages(read_pages([page]), config)
    assert result.checked == 1
    assert [(f.code, f.line, f.message) for f in result.findings] == [
        ("LEN106", 1, "title is 4 characters (min 30)"),
        ("HEAD301", 4, "page has no h1"),
        ("READ204", 5, "paragraph has 182 words (max 150)"),
    ]


def test_example_article_description_is_too_long_in_chars_and_px(
    tmp_path: Path,
) -> None:
    write(
        tmp_path,
        "seo-pipeline.toml",
        f'content-dir = "{(REPO / "content").as_posix()}"\noutput-dir = "out"\n',
    )
    result = build(load_config(tmp_path / "seo-pipeline.toml"), write=False).checks
    found = {
        f.code: f for f in result.findings
        if f.path.endswith("herpes-back-pain.md") and f.code in ("LEN103", "LEN104")
    }  # fmt: skip
    assert found["LEN103"].message == "meta description is 199 characters (max 155)"
    assert found["LEN103"].severity.label == "error"
    assert found["LEN104"].message.startswith(
        "meta description is 1258 px wide (max 920 px"
    )
    assert found["LEN103"].line == 3  # the description line of the content file
