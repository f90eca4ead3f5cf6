"""The html report at 2,000 pages in real Chromium: quick to open, usable at once.

The report is written as `check -o report.html` writes it (an index and one
file per page in `report_files/`), for a check result of 2,000 pages
(`tests/report/scale.py`: a few dozen generated pages checked with the real
rules, repeated under 2,000 paths). Then, in Chromium: no console errors, no
request but the files themselves, a small index that renders only its first
page of rows, the issues by rule with every rule and its counts, filters
by rule, severity and path, sorting and paging, and a page's details opened
from its row. `benchmarks/bench_report.py` measures load and filter times (2,000 and 20,000).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from pipeline.report.context import ReportContext
from pipeline.report.htmlfiles import write_beside
from pipeline.report.statistics import by_page, rule_statistics
from tests.browser import launch_chromium
from tests.report.scale import scaled_result
from tests.test_report_browser import CONTRAST_JS, Opened

if TYPE_CHECKING:
    from pipeline.checks.runner import CheckResult

pytestmark = pytest.mark.browser

PAGES = 2_000
ROWS_JS = """() => Array.from(document.querySelectorAll('#overview-table tbody tr'))
  .map(tr => Array.from(tr.cells).map(c => c.getAttribute('data-sort')))"""


@pytest.fixture(scope="module")
def result() -> CheckResult:
    return scaled_result(PAGES)


@pytest.fixture(scope="module")
def report(result: CheckResult, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("scale") / "report.html"
    write_beside(target, result, ReportContext())
    return target


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with launch_chromium() as launched:
        yield launched


def open_index(browser: Any, report: Path) -> Opened:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    opened = Opened(page)
    page.goto(report.as_uri(), wait_until="load")
    return opened


def choose(page: Any, name: str, value: str) -> dict[str, Any]:
    """Set a filter as a user does; the table as redrawn."""
    return page.evaluate(  # type: ignore[no-any-return]
        """([name, value]) => {
          const control = document.querySelector(`#filters [name=${name}]`);
          control.value = value;
          control.dispatchEvent(new Event('input', {bubbles: true}));
          return {status: document.getElementById('pages-status').textContent,
                  rows: document.querySelectorAll('#overview-table tbody tr').length};
        }""",
        [name, value],
    )


def test_writes_an_index_and_one_file_per_page(report: Path) -> None:
    files = report.parent / "report_files"
    assert len(list(files.glob("*.html"))) == PAGES
    assert (files / "report.css").is_file()
    assert report.stat().st_size < 1_000_000  # ~0.4 MB: rows, not details


def test_opens_cleanly_with_one_page_of_rows(browser: Any, report: Path) -> None:
    """Speed is measured by `benchmarks/bench_report.py` (load time at 2,000 and
    20,000 pages), never here: a loaded CI machine would make a timed test lie."""
    opened = open_index(browser, report)
    page = opened.page
    first = choose(
        page,
        "rule",
        page.locator("#rules-table tbody tr").first.get_attribute("id")[5:],
    )
    assert first["rows"] > 0
    assert opened.errors == []
    assert opened.requests == [report.as_uri()]
    assert page.locator("#overview-table tbody tr").count() == 100
    page.close()


def test_issues_by_rule_lists_every_rule_with_its_counts(
    browser: Any, report: Path, result: CheckResult
) -> None:
    page = open_index(browser, report).page
    rows = page.locator("#rules-table tbody tr")
    stats = rule_statistics(result.findings)
    assert rows.count() == len(stats) > 5
    shown = [
        (
            r.get_attribute("id"),
            r.locator("td.num").nth(0).inner_text(),
            r.locator("td.num a").inner_text(),
        )
        for r in rows.all()
    ]
    expected = [(f"rule-{s.code}", f"{s.count:,}", f"{s.pages:,}") for s in stats]
    assert [(i, n, p.split()[0]) for i, n, p in shown] == expected
    page.close()


def test_a_rule_link_lists_its_pages(
    browser: Any, report: Path, result: CheckResult
) -> None:
    page = open_index(browser, report).page
    stats = rule_statistics(result.findings)
    rare = stats[-1]  # the least frequent rule: fewer pages than all
    assert rare.pages < PAGES
    page.locator(f'#rules-table a[data-rule="{rare.code}"]').click()
    status = page.locator("#pages-status").inner_text()
    shown = min(rare.pages, 100)
    assert status == f"Pages 1–{shown:,} of {rare.pages:,}"
    assert page.locator("#filters [name=rule]").input_value() == rare.code
    findings = by_page(result.findings)
    for row in page.evaluate(ROWS_JS):
        assert rare.code in {f.code for f in findings[row[0]]}
    page.close()


def test_severity_and_path_filters(
    browser: Any, report: Path, result: CheckResult
) -> None:
    page = open_index(browser, report).page
    findings = by_page(result.findings)
    with_errors = sum(
        1
        for p in result.pages
        if any(f.severity.label == "error" for f in findings.get(p.path, ()))
    )
    assert choose(page, "severity", "error")["status"].endswith(f"of {with_errors:,}")
    clean = sum(1 for p in result.pages if not findings.get(p.path))
    status = choose(page, "severity", "clean")["status"]
    assert status == (
        f"Pages 1–{min(clean, 100):,} of {clean:,}" if clean else "No pages match"
    )
    choose(page, "severity", "")
    in_section = [p.path for p in result.pages if "/section-7/" in p.path]
    status = choose(page, "path", "SECTION-7/")["status"]  # case-insensitive
    assert status == f"Pages 1–{min(len(in_section), 100)} of {len(in_section)}"
    assert all("/section-7/" in row[0] for row in page.evaluate(ROWS_JS))
    assert choose(page, "path", "no-such-page")["status"] == "No pages match"
    page.close()


def test_sorting_and_paging_cover_every_page(browser: Any, report: Path) -> None:
    page = open_index(browser, report).page
    header = page.locator("#overview-table thead th").nth(7)  # Findings
    header.locator("button").focus()
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")
    assert header.get_attribute("aria-sort") == "descending"
    seen: list[float] = []
    pages = 0
    while True:
        seen += [float(row[7]) for row in page.evaluate(ROWS_JS)]
        pages += 1
        if page.locator("#pages-next").is_disabled():
            break
        page.locator("#pages-next").click()
    assert pages == PAGES // 100 and len(seen) == PAGES
    assert seen == sorted(seen, reverse=True)
    assert (
        page.locator("#pages-status").inner_text() == f"Pages 1,901–2,000 of {PAGES:,}"
    )
    page.locator("#pages-prev").click()
    assert page.locator("#pages-status").inner_text().startswith("Pages 1,801–1,900")
    page.close()


def test_a_page_opens_its_details(
    browser: Any, report: Path, result: CheckResult
) -> None:
    opened = open_index(browser, report)
    page = opened.page
    link = page.locator("#overview-table tbody th a").nth(4)
    path = link.inner_text()
    link.click()
    page.wait_for_load_state("load")
    assert page.url == (report.parent / "report_files" / "5.html").as_uri()
    assert page.locator("h1").count() == 1
    assert path in page.locator("section.page .where").first.inner_text()
    n = len(by_page(result.findings)[path])
    assert page.locator("ul.findings > li").count() == n
    assert page.locator(".serp-card").count() == 2
    font = page.evaluate(
        "getComputedStyle(document.querySelector('.serp-desc')).fontSize"
    )
    assert font == "14px"  # the shared stylesheet applies
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    assert page.evaluate(CONTRAST_JS) == []
    fix = page.locator("ul.findings .where a").first
    code = fix.get_attribute("href").rsplit("#rule-", 1)[1]
    fix.click()
    page.wait_for_load_state("load")
    assert page.url.endswith(f"report.html#rule-{code}")
    assert page.locator(f"#rule-{code} details summary").inner_text() == "How to fix"
    assert opened.errors == []
    page.close()
