"""The html report says what to do on this page, not only the rule's generic doc.

On the bundled example (built from Markdown) and on small HTML pages: the
fitted description beside the overflowing one, the long sentences and
paragraphs quoted with their words counted (as READ203/READ204 count them),
fixes in Markdown terms for Markdown pages, rule docs' Markdown rendered,
findings ordered errors → warnings → info (collapsed), one "fix these first"
list, and no "fits" next to a "too short" warning.
"""

from __future__ import annotations

import itertools

from bs4 import BeautifulSoup, Tag

from pipeline.checks import CheckConfig
from pipeline.checks.readability import ReadabilityOptions, long_sentences
from pipeline.checks.runner import check_html
from pipeline.facts import parse
from pipeline.findings import Severity
from pipeline.report.htmlreport import advice, fix_first, markdown_fix, render
from pipeline.report.statistics import rule_statistics
from pipeline.segmentation import text_words
from pipeline.snippets import fit
from tests.test_htmlreport import bundled, bundled_report


def doc(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "lxml")


def herpes() -> Tag:
    section = doc(bundled_report()).select("section.page")[0]
    assert "Herpes" in section.h2.get_text()
    return section


def test_the_fitted_description_is_next_to_the_overflowing_one() -> None:
    config, checks = bundled()
    page = checks.pages[0]
    description = page.facts.description
    assert description is not None
    expected = fit(
        description.text,
        "description",
        config.checks.snippet_limits,
        page.facts.meta.keyphrase,
    )
    fitted = herpes().select(".fitted")
    assert len(fitted) == 1  # once, though LEN103 and LEN104 both fire
    item = fitted[0].find_parent("li")
    assert item is not None and "LEN103" in item.get_text()
    text = fitted[0].select_one(".fitted-text")
    assert text is not None and text.get_text() == expected
    button = fitted[0].select_one("button.copy")
    assert button is not None and button["data-copy"] == text["id"]
    assert len(expected) <= 155 < len(description.text)


def test_long_sentences_are_quoted_with_their_words() -> None:
    _, checks = bundled()
    facts = checks.pages[0].facts
    expected = long_sentences(facts, ReadabilityOptions())
    assert expected and all(n > 20 for _, n in expected)
    [item] = [li for li in herpes().select("ul.findings > li") if "READ203" in li.text]
    quoted = item.select("ol.quotes > li")
    assert len(quoted) == min(len(expected), 20)
    for li, (sentence, words) in zip(quoted, expected, strict=False):
        assert li.mark is not None and li.mark.get_text() == sentence
        assert li.select_one(".words").get_text() == f"{words} words"
        assert len(text_words(sentence)) == words


LONG = " ".join(["Shingles can cause a dull ache in the back."] * 20)  # 180 words


def test_a_long_paragraph_is_quoted_with_its_word_count() -> None:
    html = (
        '<!DOCTYPE html><html lang="en"><head><title>Shingles and back pain, '
        "explained</title></head><body><main><h1>Shingles</h1>"
        f"<p>Short one.</p><p>{LONG}</p></main></body></html>"
    )
    result = check_html(html, path="p.html", config=CheckConfig(select=["READ204"]))
    [finding] = result.findings
    assert finding.code == "READ204" and finding.value == 180
    soup = doc(render(result))
    [item] = soup.select("ul.findings > li")
    [quote] = item.select("ol.quotes > li")
    assert quote.mark.get_text() == LONG
    assert quote.select_one(".words").get_text() == "180 words"
    # an HTML page gets no Markdown advice
    assert item.select(".md-fix") == []


def test_markdown_pages_get_the_fix_in_markdown_terms() -> None:
    section = herpes()
    items = {li.code.get_text(): li for li in section.select("ul.findings > li")}
    fix = items["LEN103"].select_one(".md-fix")
    assert fix is not None and "description:" in fix.get_text()
    assert "<meta" not in fix.get_text()
    assert "## Heading" in markdown_fix("HEAD302") and "<h2>" not in markdown_fix(
        "HEAD302"
    )
    assert "### " in markdown_fix("HEAD303")
    assert "](/" in markdown_fix("LINK801")  # link rules: a Markdown link
    assert markdown_fix("SD409") == ""


def test_rule_docs_markdown_is_rendered_not_shown_literally() -> None:
    found = advice("HEAD301")
    assert found is not None
    assert str(found.summary_html) == "Page has no <code>h1</code>."
    soup = doc(bundled_report())
    for details in soup.select("#rules-table details"):
        text = details.p.get_text()
        assert "`" not in text and "**" not in text
    # raw HTML in a doc stays text: markdown-it runs with HTML off
    assert "<h1>" not in str(advice("HEAD302").summary_html)


def test_findings_are_ordered_by_severity_with_info_collapsed() -> None:
    html = (
        '<!DOCTYPE html><html lang="en"><head><title>Shingles and back pain, '
        "explained well</title></head><body><main>"
        "<h1>Shingles and back pain, explained well</h1><h3>Skip</h3>"
        f"<p>{LONG}</p></main></body></html>"
    )
    config = CheckConfig(severity={"META510": "info", "META508": "error"})
    result = check_html(html, path="p.html", config=config)
    severities = {f.severity for f in result.findings}
    assert Severity.INFO in severities and Severity.WARNING in severities
    soup = doc(render(result))
    labels = [li["class"][0] for li in soup.select("section.page ul.findings > li")]
    order = {"error": 0, "warning": 1, "info": 2}
    assert labels == sorted(labels, key=order.__getitem__)
    info = soup.select_one("section.page details.info-findings")
    assert info is not None and not info.has_attr("open")
    assert all(li["class"][0] == "info" for li in info.select("li"))


def test_one_fix_these_first_list() -> None:
    _, checks = bundled()
    stats = rule_statistics(checks.findings)
    first = fix_first(stats)
    assert [s.severity for s in first] == sorted(
        (s.severity for s in first), reverse=True
    )
    assert all(s.severity >= Severity.WARNING for s in first)
    for a, b in itertools.pairwise(first):
        if a.severity == b.severity:
            assert a.pages >= b.pages
    soup = doc(bundled_report())
    items = soup.select("ol.fix-first > li")
    assert [li.code.get_text() for li in items] == [s.code for s in first]
    assert items[0].a["href"] == f"#rule-{first[0].code}"


def test_a_title_warned_too_short_is_not_said_to_fit() -> None:
    section = herpes()
    _, checks = bundled()
    assert any(
        f.code == "LEN106" and f.html_path == checks.pages[0].path
        for f in checks.findings
    )
    gauge = section.select_one(".gauge:has(#page-1-tc)")
    assert gauge is not None
    assert "too short (min 30)" in gauge.get_text()
    assert "fits" not in gauge.get_text()


def test_a_title_without_the_warning_still_fits() -> None:
    html = (
        '<!DOCTYPE html><html lang="en"><head><title>Short</title></head>'
        "<body><main><h1>Short</h1><p>Text.</p></main></body></html>"
    )
    soup = doc(
        render(check_html(html, path="p.html", config=CheckConfig(ignore=["LEN106"])))
    )
    assert "fits" in soup.select_one(".gauge:has(#page-1-tc)").get_text()


def test_parse_is_the_one_the_rules_see() -> None:
    # the quotes come from the same facts the rules read
    facts = parse('<html lang="en"><main><p>' + LONG + "</p></main></html>")
    assert long_sentences(facts, ReadabilityOptions()) == []  # 9-word sentences
