"""A `<title>` pushed into `<body>`: the facts keep it, the title rules measure
it, and META503 names what ended `<head>` (issue 10).

Chromium's `document.title` for the same kind of pages is compared in
tests/test_title_browser.py.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.checks import CheckConfig, check_html
from pipeline.facts import parse

LONG_TITLE = (
    "Herpes Virus Causes Back Pain: Symptoms, Diagnosis, Treatment and Prevention"
)
IFRAME_PAGE = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<iframe src="https://www.googletagmanager.com/ns.html?id=GTM-X"></iframe>
<title>{LONG_TITLE}</title>
<meta name="description" content="How herpes viruses inflame nerves and cause back pain.">
</head><body><main><h1>Herpes and back pain</h1><p>Shingles can hurt.</p></main></body></html>
"""


def test_json_report_has_the_title_and_meta503_names_the_iframe(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from pipeline.cli import main

    page = tmp_path / "page.html"
    page.write_text(IFRAME_PAGE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code = main(["check", "page.html", "--format", "json", "--fail-on", "never"])
    out = capsys.readouterr().out
    assert code == 0
    report = json.loads(out)
    [summary] = report["pages"]
    assert summary["title"] == LONG_TITLE
    assert summary["title_length"] == len(LONG_TITLE)
    assert {"LEN101", "LEN102", "META503"} <= set(summary["rules_run"])
    by_code = {f["code"]: f for f in report["findings"]}
    assert by_code["LEN101"]["value"] == len(LONG_TITLE)
    assert by_code["LEN101"]["line"] == 3
    meta503 = by_code["META503"]
    assert meta503["line"] == 3  # the title
    assert "the <iframe> on line 2 ended <head>" in meta503["message"]
    assert "browsers ignore" not in meta503["message"]
    assert meta503["severity"] == "error"


@pytest.mark.parametrize(
    ("html", "ended_by", "line", "column"),
    [
        (
            "<html><head>\n<iframe></iframe><title>T</title></head></html>",
            "<iframe>",
            2,
            1,
        ),
        (
            "<html><head><meta charset=utf-8><img src=x><title>T</title></head>",
            "<img>",
            1,
            33,
        ),
        (
            "<head><link rel=icon href=x>\n  <div>x</div><title>T</title></head>",
            "<div>",
            2,
            3,
        ),
        (
            "<head><title>A</title>\nstray text<title>T</title></head>",
            "text “stray text”",
            2,
            1,
        ),
        # Omitted </head> and <body> tags are valid HTML; the <p> opens the body.
        ("<title>T</title><p>Text</p>", "<p>", 1, 17),
    ],
)
def test_what_ended_head(html: str, ended_by: str, line: int, column: int) -> None:
    end = parse(html).head_end
    assert end is not None
    assert (end.text, end.line, end.column) == (ended_by, line, column)


@pytest.mark.parametrize(
    "html",
    [
        "<html><head><title>T</title></head><body><iframe></iframe></body></html>",
        "<html><head><title>T</title></head>\n<iframe></iframe><body></body></html>",
        "<html><head></head><body><p>x</p><title>T</title></body></html>",
        "<html><head><noscript><img src=x></noscript><title>T</title></head></html>",
        "<html><head><title>T</title></head></html>",
    ],
)
def test_head_closed_by_the_page_itself(html: str) -> None:
    assert parse(html).head_end is None


@pytest.mark.parametrize(
    ("html", "title", "in_head"),
    [
        ("<head><iframe></iframe><title>Pushed</title></head>", "Pushed", False),
        (
            "<head><title>First</title><img src=x><title>Second</title></head>",
            "First",
            True,
        ),
        (
            "<body><svg><title>Icon</title></svg><title>Real</title></body>",
            "Real",
            False,
        ),
        (
            "<head><noscript><title>N</title></noscript><title>S</title></head>",
            "S",
            True,
        ),
        (
            "<head><template><title>N</title></template><title>D</title></head>",
            "D",
            True,
        ),
    ],
)
def test_title_is_document_title(html: str, title: str, in_head: bool) -> None:
    found = parse(html).title
    assert found is not None
    assert (found.text, found.in_head) == (title, in_head)


def test_svg_title_on_the_same_line_does_not_shift_the_column() -> None:
    html = "<body><svg><title>S</title></svg><title>Real</title></body>"
    [title] = parse(html).titles
    assert title.column == html.index("<title>Real") + 1


def test_meta503_without_an_early_end_says_the_title_is_in_body() -> None:
    html = "<html><head></head><body><p>x</p><title>Late</title></body></html>"
    result = check_html(html, CheckConfig(select=["META503"]))
    [finding] = result.findings
    assert "in <body>" in finding.message
    assert "ended <head>" not in finding.message


def test_title_rules_measure_a_pushed_title() -> None:
    html = f"<html><head><iframe></iframe><title>{LONG_TITLE}</title></head></html>"
    result = check_html(html, CheckConfig(select=["LEN101", "META501"]))
    assert [f.code for f in result.findings] == ["LEN101"]


@pytest.mark.parametrize(
    ("html", "ended_by"),
    [
        # lxml keeps these inside <head>; browsers end <head> at them.
        ("<head><object></object><title>T</title></head>", "<object>"),
        ("<head><input type=hidden><title>T</title></head>", "<input>"),
        # A <head> written after <body> content is ignored by browsers.
        ("<body><p>x</p></body><html><head><title>T</title></head></html>", "<body>"),
    ],
)
def test_head_ended_where_lxml_did_not_end_it(html: str, ended_by: str) -> None:
    facts = parse(html)
    assert facts.head_end is not None and facts.head_end.text == ended_by
    assert facts.title is not None and not facts.title.in_head
    [finding] = check_html(html, CheckConfig(select=["META503"])).findings
    assert f"the {ended_by} on line 1 ended <head>" in finding.message


def test_metadata_after_the_end_of_head_is_not_in_head() -> None:
    html = (
        '<head><meta name="description" content="Before."><object></object>'
        '<meta name="description" content="After."><link rel="canonical" href="/x">'
        "</head>"
    )
    facts = parse(html)
    assert [d.in_head for d in facts.descriptions] == [True, False]
    assert [c.in_head for c in facts.canonicals] == [False]
    assert facts.description is not None and facts.description.text == "Before."


@pytest.mark.parametrize(
    ("html", "in_head"),
    [
        # No <head> tag: a <noscript> is still a head element (lxml opens the
        # body at it), so the title after it is in <head>.
        ("<noscript><img src=x></noscript><title>T</title><p>x</p>", True),
        # After </head>, head elements go back into <head> until <body>.
        ("<html><head></head><title>T</title><body><p>x</p></body></html>", True),
        ("<html><head></head><body><p>x</p></body><title>T</title></html>", False),
        ("<head></head><body><title>T</title></body>", False),
    ],
)
def test_head_elements_lxml_moves_out_of_head(html: str, in_head: bool) -> None:
    title = parse(html).title
    assert title is not None and title.in_head is in_head


def test_metadata_between_head_and_body_is_read() -> None:
    html = (
        '<html><head></head><meta name="description" content="Between.">'
        '<link rel="canonical" href="https://e.x/a/"><body><p>x</p></body></html>'
    )
    facts = parse(html)
    assert facts.description is not None and facts.description.text == "Between."
    assert [c.in_head for c in facts.canonicals] == [True]


@pytest.mark.parametrize(
    ("html", "ended_by"),
    [
        ("<head><meta charset=utf-8></body><title>T</title></head>", "</body>"),
        ("<html><head></html>\n<title>T</title>", "</html>"),
        ("<head></br><title>T</title>", "</br>"),
    ],
)
def test_stray_end_tags_end_head(html: str, ended_by: str) -> None:
    facts = parse(html)
    assert facts.title is not None and not facts.title.in_head
    assert facts.head_end is not None and facts.head_end.text == ended_by


@pytest.mark.parametrize(
    "html",
    [
        "<head><script>var s = '</body>';</script><title>T</title></head>",
        "<head><!-- </body> --><title>T</title></head>",
        "<head><style>/* </html> */</style><title>T</title></head>",
    ],
)
def test_end_tags_in_raw_text_and_comments_do_not_end_head(html: str) -> None:
    facts = parse(html)
    assert facts.title is not None and facts.title.in_head
    assert facts.head_end is None


def test_content_after_html_end_tag_is_read() -> None:
    html = (
        "<html><head></head><body><p>First.</p></body></html>\n"
        '<title>Late</title><script type="application/ld+json">{"@type": "Article"}'
        "</script><p>After the end.</p>"
    )
    facts = parse(html)
    assert facts.title is not None and facts.title.text == "Late"
    assert (facts.title.line, facts.title.column) == (2, 1)
    assert [b.data for b in facts.jsonld] == [{"@type": "Article"}]
    assert [b.text for b in facts.blocks] == ["First.", "After the end."]
