"""One hostile page never sinks a `check` run (issue 11, items 3 and 10).

Each case here crashed the run, or cost minutes or gigabytes, before its fix:
a canonical `urlsplit` refuses, a tag name that is not a valid regular
expression (found by `fuzz/fuzz_check.py`), 200,000 attributes on one element,
a page far larger than any article, and an exception inside one page's check.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path

import pytest

import pipeline.checks.runner as runner
from pipeline.checks import CheckConfig, PageInput, check_html, check_pages
from pipeline.cli import main
from pipeline.facts import parse
from pipeline.facts_walk import MAX_ATTRIBUTES, cap_attributes
from pipeline.importing.files import import_bytes
from pipeline.urls import split_url

BAD_URL = "https://[oops/page"
GOOD = """<!DOCTYPE html><html lang="en"><head><title>A good page about back pain</title>
</head><body><main><h1>Back pain</h1><p>Shingles can hurt the back.</p></main></body></html>
"""


def hostile_url_page(where: str) -> str:
    head = {
        "canonical": f'<link rel="canonical" href="{BAD_URL}">',
        "og:url": f'<meta property="og:url" content="{BAD_URL}">',
    }[where]
    return (
        f'<!DOCTYPE html><html lang="en"><head><title>Hostile</title>{head}</head>'
        "<body><main><h1>Hostile</h1><p>Text.</p></main></body></html>"
    )


def test_split_url_never_raises_and_keeps_the_parts() -> None:
    parts = split_url(BAD_URL)
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "[oops", "/page")
    assert split_url("https://example.com/a?b#c").query == "b"
    for text in ("http://[::1", "http://a:99999999/x", "//[x]y/", "\n[", ""):
        split_url(text)


@pytest.mark.parametrize("where", ["canonical", "og:url"])
def test_unsplittable_url_is_a_finding_not_a_crash(where: str) -> None:
    html = hostile_url_page(where)
    facts = parse(html, path="blog/hostile.html")
    assert facts.url_path == "/page"
    result = check_html(html)
    assert result.crashes == ()
    assert not [f for f in result.findings if "internal error" in f.message]
    if where == "canonical":
        assert any(
            f.code == "META509" and "not a valid URL" in f.message
            for f in result.findings
        )


def test_import_of_a_page_with_an_unsplittable_canonical() -> None:
    html = hostile_url_page("canonical").replace(
        "<p>Text.</p>", '<p>Text with a <a href="https://[oops/x">link</a>.</p>'
    )
    result = import_bytes("page.html", html.encode())
    assert result.front_matter["title"] == "Hostile"


def test_fuzz_finding_tag_name_with_regex_syntax() -> None:
    """fuzz/fuzz_check.py, 2026-12-01: `<h[ad>` is an element named `h[ad`,
    and the column finder compiled the name into a regular expression."""
    html = (
        '<!DOCTYPE html>\n<html lang="en">\n<h[ad><title>Unclosed tags and stray'
        " markup</title>\n<a(b>x</a(b><p>Text.</p>"
    )
    result = check_html(html)
    assert result.crashes == ()
    assert not [f for f in result.findings if "internal error" in f.message]


def test_one_crashing_page_is_recorded_and_the_run_goes_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real_parse = runner.parse

    def parse_or_crash(html: str | bytes, **kwargs: object) -> object:
        if kwargs.get("path") == "b.html":
            raise RuntimeError("boom in the parser")
        return real_parse(html, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(runner, "parse", parse_or_crash)
    pages = [PageInput(name, GOOD) for name in ("a.html", "b.html", "c.html")]
    result = check_pages(pages, CheckConfig(jobs=1))
    assert result.checked == 3
    assert [(c.path, c.code) for c in result.crashes] == [("b.html", "META591")]
    assert "boom in the parser" in result.crashes[0].error
    crash_findings = [f for f in result.findings if f.code == "META591"]
    assert [(f.path, f.severity.name) for f in crash_findings] == [("b.html", "ERROR")]
    # The other pages were checked as usual.
    assert [p.path for p in result.pages] == ["a.html", "b.html", "c.html"]
    assert result.pages[0].rules_run == result.pages[2].rules_run
    assert len(result.pages[0].rules_run) > 10
    assert result.pages[1].facts.path == "b.html"


def test_crash_isolated_in_worker_processes(monkeypatch: pytest.MonkeyPatch) -> None:
    """With many pages the checks run in worker processes: same isolation."""
    real_parse = runner.parse

    def parse_or_crash(html: str | bytes, **kwargs: object) -> object:
        if kwargs.get("path") == "p-13.html":
            raise MemoryError("pretend the page was too much")
        return real_parse(html, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(runner, "parse", parse_or_crash)
    count = runner.PARALLEL_MIN_PAGES + 6
    pages = [PageInput(f"p-{i}.html", GOOD) for i in range(count)]
    result = check_pages(pages, CheckConfig(jobs=2))
    assert result.checked == count
    assert [(c.path, c.code) for c in result.crashes] == [("p-13.html", "META591")]
    assert sum(f.code == "META591" for f in result.findings) == 1


def test_page_over_max_page_bytes_is_reported_not_parsed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def no_parse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a page over the limit must not be parsed")

    big = GOOD.replace("<p>", "<p>" + "word " * 3000)
    monkeypatch.setattr(runner, "parse", no_parse)
    config = CheckConfig(jobs=1, max_page_bytes=10_000)
    result = check_pages([PageInput("big.html", big)], config)
    assert [(f.code, f.value, f.limit) for f in result.findings] == [
        ("META590", len(big.encode()), 10_000)
    ]
    assert "not parsed" in result.findings[0].message
    assert result.crashes == ()


def test_default_max_page_bytes_is_10_mb() -> None:
    assert CheckConfig().max_page_bytes == 10_000_000
    html = "<html><body><p>" + "x" * 10_000_001 + "</p></body></html>"
    result = check_html(html)
    assert [f.code for f in result.findings] == ["META590"]


def _attributes_page(n: int) -> str:
    attributes = " ".join(f"data-a{i}=x" for i in range(n))
    return (
        '<html lang="en"><head><title>Attributes</title></head><body><main>\n'
        f"<h1>Title</h1><p {attributes}>hello</p>\n<p>After.</p></main></body></html>"
    )


def test_many_attributes_are_capped_with_a_finding() -> None:
    html = _attributes_page(MAX_ATTRIBUTES + 500)
    capped, found = cap_attributes(html)
    assert len(capped) == len(html)  # positions stay true
    assert capped.count("\n") == html.count("\n")
    assert [(p.text, p.line) for p in found] == [(str(MAX_ATTRIBUTES + 500), 2)]
    facts = parse(html)
    assert [b.text for b in facts.blocks][-2:] == ["hello", "After."]
    result = check_html(html)
    [finding] = [f for f in result.findings if f.code == "META592"]
    assert finding.value == MAX_ATTRIBUTES + 500
    assert finding.line == 2
    assert cap_attributes(GOOD) == (GOOD, [])


def _seconds(fn: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(2):
        started = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - started)
    return best


def test_attribute_count_costs_linear_time() -> None:
    """Quadratic in libxml2 before the cap: 200,000 attributes took minutes.
    Time for 4n attributes within 6x the time for n (never an absolute time)."""
    small, large = _attributes_page(20_000), _attributes_page(80_000)
    t_small = _seconds(lambda: parse(small))
    t_large = _seconds(lambda: parse(large))
    assert t_large <= 6 * t_small + 0.05, (t_small, t_large)


def test_check_command_survives_a_hostile_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "good.html").write_text(GOOD, encoding="utf-8")
    (site / "hostile.html").write_text(hostile_url_page("canonical"), encoding="utf-8")
    (site / "og.html").write_text(hostile_url_page("og:url"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code = main(["check", "site", "--format", "json"])
    out, err = capsys.readouterr()
    assert code in (0, 1), err
    report = json.loads(out)
    assert sorted(Path(p["path"]).name for p in report["pages"]) == [
        "good.html",
        "hostile.html",
        "og.html",
    ]
