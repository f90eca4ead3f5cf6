"""The html report in real Chromium: no console errors, no requests, previews cut right.

Opens the report for the bundled content (as `build` writes it) from a file,
saves a full-page screenshot to ``tests/artifacts/report.png`` (git-ignored;
CI can upload it), and measures each preview title with
``getBoundingClientRect``: no wider than the title budget, and as wide as
``text_width_px`` says (so the preview is laid out in the metric font).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from pipeline.checks.runner import check_html
from pipeline.config import load_config
from pipeline.report.context import ReportContext
from pipeline.report.htmlreport import render
from pipeline.run import build
from pipeline.snippets import measure
from pipeline.textmetrics import text_width_px
from tests.browser import launch_chromium

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parent.parent
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
TOLERANCE_PX = 1.0
LONG_TITLE = (
    "Herpes Virus Causes Back Pain: Symptoms, Diagnosis, Treatment and Prevention"
)

TITLES_JS = """() => Array.from(document.querySelectorAll('.serp-title')).map(e => ({
  device: e.closest('[data-device]').dataset.device,
  text: e.textContent,
  width: e.getBoundingClientRect().width,
  budget: Number(e.dataset.budget || 0),
  font: getComputedStyle(e).fontFamily,
  size: getComputedStyle(e).fontSize,
}))"""


@cache
def bundled_report() -> tuple[str, Any]:
    config = load_config(REPO / "pyproject.toml")
    result = build(config, write=False)
    return render(result.checks, ReportContext(config.checks)), result.checks


class Opened:
    """A report open in a page, with what the page logged and requested."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.errors: list[str] = []
        self.requests: list[str] = []
        page.on(
            "console",
            lambda m: (
                self.errors.append(m.text) if m.type in ("error", "warning") else None
            ),
        )
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("requestfailed", lambda r: self.errors.append(f"failed: {r.url}"))
        page.on("request", lambda r: self.requests.append(r.url))


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with launch_chromium() as launched:
        yield launched


def open_report(browser: Any, html: str, tmp_path: Path, width: int = 1280) -> Opened:
    path = tmp_path / "report.html"
    path.write_text(html, encoding="utf-8")
    page = browser.new_page(viewport={"width": width, "height": 900})
    opened = Opened(page)
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    return opened


def test_report_renders_cleanly_and_is_saved_as_a_screenshot(
    browser: Any, tmp_path: Path
) -> None:
    html, _ = bundled_report()
    opened = open_report(browser, html, tmp_path)
    page = opened.page
    assert opened.errors == []
    assert len(opened.requests) == 1 and opened.requests[0].startswith("file://")
    assert page.title() == "SEO report"
    assert page.locator("section.page").count() == 3
    assert page.locator(".serp-card").count() == 6
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "report.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
    page.close()


def test_preview_titles_fit_the_budget_and_match_the_model(
    browser: Any, tmp_path: Path
) -> None:
    html, checks = bundled_report()
    page = open_report(browser, html, tmp_path).page
    titles = page.evaluate(TITLES_JS)
    assert len(titles) == 6
    expected = [p.facts.title.text for p in checks.pages for _ in ("desktop", "mobile")]
    for shown, full in zip(titles, expected, strict=True):
        assert shown["size"] == "20px"
        assert "Arial" in shown["font"]
        assert shown["budget"] == 580
        assert shown["text"] == full  # the bundled titles fit: shown whole
        assert shown["width"] <= shown["budget"]
        if shown["device"] == "desktop":  # one line: its box is its text
            assert shown["width"] == pytest.approx(
                text_width_px(shown["text"], 20), abs=TOLERANCE_PX
            )
    page.close()


def test_previews_show_the_cut_description(browser: Any, tmp_path: Path) -> None:
    html, checks = bundled_report()
    page = open_report(browser, html, tmp_path).page
    limits = load_config(REPO / "pyproject.toml").checks.snippet_limits
    cards = page.locator("section.page").first
    description = checks.pages[0].facts.description.text
    m = measure(description, "description", limits)
    desktop = cards.locator('.serp-card[data-device="desktop"] .serp-desc')
    mobile = cards.locator('.serp-card[data-device="mobile"] .serp-desc')
    assert desktop.inner_text() == m.desktop
    assert desktop.inner_text().endswith("Learn how to manage…")
    assert mobile.inner_text() == m.mobile
    assert desktop.is_visible() and mobile.is_visible()
    page.close()


def test_a_long_title_is_cut_within_the_budget(browser: Any, tmp_path: Path) -> None:
    html = (
        "<!DOCTYPE html><html lang='en'><head>"
        f"<title>{LONG_TITLE}</title></head><body><h1>x</h1></body></html>"
    )
    report = render(check_html(html))
    page = open_report(browser, report, tmp_path).page
    titles = page.evaluate(TITLES_JS)
    full = page.evaluate(
        """t => { const s = document.createElement('span');
        s.className = 'serp-title'; s.style.whiteSpace = 'nowrap';
        s.textContent = t; document.querySelector('.serp-title-line').append(s);
        const w = s.getBoundingClientRect().width; s.remove(); return w; }""",
        LONG_TITLE,
    )
    assert full > 580  # the whole title would overflow the result column
    for shown in titles:
        assert shown["text"].endswith("…")
        assert LONG_TITLE.startswith(shown["text"].removesuffix("…"))
        assert shown["width"] <= shown["budget"] == 580
    desktop = next(t for t in titles if t["device"] == "desktop")
    assert desktop["width"] == pytest.approx(
        text_width_px(desktop["text"], 20), abs=TOLERANCE_PX
    )
    page.close()


def test_table_sorts_from_the_keyboard(browser: Any, tmp_path: Path) -> None:
    html, _ = bundled_report()
    page = open_report(browser, html, tmp_path).page
    header = page.locator("#overview-table thead th").nth(3)  # Description chars
    button = header.locator("button")
    button.focus()
    page.keyboard.press("Enter")
    assert header.get_attribute("aria-sort") == "ascending"

    def column() -> list[float]:
        cells = page.locator("#overview-table tbody tr td:nth-of-type(3)")
        return [float(c.get_attribute("data-sort") or "nan") for c in cells.all()]

    assert column() == sorted(column())
    page.keyboard.press("Space")
    assert header.get_attribute("aria-sort") == "descending"
    assert column() == sorted(column(), reverse=True)
    others = page.locator("#overview-table thead th[aria-sort=none]")
    assert others.count() == 7
    page.close()


def test_mobile_width_has_no_errors(browser: Any, tmp_path: Path) -> None:
    html, _ = bundled_report()
    opened = open_report(browser, html, tmp_path, width=400)
    assert opened.errors == []
    widths = opened.page.evaluate(TITLES_JS)
    assert all(t["width"] <= t["budget"] for t in widths)
    opened.page.close()


CONTRAST_JS = """() => {
  const rgb = c => (c.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => {
    const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const background = el => {
    for (; el; el = el.parentElement) {
      const c = rgb(getComputedStyle(el).backgroundColor);
      if (c.length === 3 || (c.length === 4 && c[3] === 1)) return c.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const worst = [];
  for (const el of document.body.querySelectorAll('*')) {
    const own = Array.from(el.childNodes).some(n => n.nodeType === 3 && n.textContent.trim());
    const style = getComputedStyle(el);
    if (!own || style.visibility === 'hidden' || el.closest('.skip, .visually-hidden')) continue;
    const a = lum(rgb(style.color)), b = lum(background(el));
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    if (ratio < 4.5) worst.push([el.tagName, el.className, style.color, ratio.toFixed(2)]);
  }
  return worst;
}"""


def test_text_contrast_is_at_least_wcag_aa(browser: Any, tmp_path: Path) -> None:
    html, _ = bundled_report()
    page = open_report(browser, html, tmp_path).page
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    assert page.evaluate(CONTRAST_JS) == []
    page.close()


def test_every_control_is_reachable_by_tab(browser: Any, tmp_path: Path) -> None:
    html, _ = bundled_report()
    page = open_report(browser, html, tmp_path).page
    kinds = ["a[href]", "button:not(:disabled)", "summary", "select", "input"]
    controls = ", ".join(kinds)
    total = page.locator(controls).count()
    assert total > 10
    for _ in range(total):
        page.keyboard.press("Tab")
        page.evaluate("document.activeElement.dataset.tabbed = 'yes'")
    reached = page.locator(", ".join(f"{kind}[data-tabbed]" for kind in kinds))
    assert reached.count() == total
    first = page.locator("[data-tabbed]").first
    assert first.get_attribute("class") == "skip"  # the skip link comes first
    page.close()


def test_copy_button_puts_the_fitted_description_on_the_clipboard(
    browser: Any, tmp_path: Path
) -> None:
    html, _ = bundled_report()
    path = tmp_path / "report.html"
    path.write_text(html, encoding="utf-8")
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(path.as_uri())
    fitted = page.locator(".fitted-text").first.text_content()
    assert fitted
    page.locator("button.copy").first.click()
    status = page.locator(".copy-status").first
    page.wait_for_function(
        "() => document.querySelector('.copy-status').textContent !== ''"
    )
    copied = status.text_content() == "Copied"
    area = page.locator("textarea.copy-area")
    if area.count():  # the fallback: a selected textarea holding the text
        assert area.first.input_value() == fitted
        selected = page.evaluate(
            "() => { const a = document.activeElement;"
            " return a.value.substring(a.selectionStart, a.selectionEnd); }"
        )
        assert selected == fitted
    else:
        assert copied
        assert page.evaluate("() => navigator.clipboard.readText()") == fitted
    assert errors == []
    context.close()


def test_no_horizontal_scroll_at_390_px(browser: Any, tmp_path: Path) -> None:
    html, _ = bundled_report()
    opened = open_report(browser, html, tmp_path, width=390)
    page = opened.page
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    cards = page.evaluate(
        """() => Array.from(document.querySelectorAll('.serp--desktop .serp-card'))
        .map(c => c.getBoundingClientRect().right)"""
    )
    assert cards and all(right <= 390 for right in cards)  # scaled, not cut
    assert opened.errors == []
    page.close()


def test_copy_button_without_the_clipboard_api_selects_the_text(
    browser: Any, tmp_path: Path
) -> None:
    html, _ = bundled_report()
    path = tmp_path / "report.html"
    path.write_text(html, encoding="utf-8")
    page = browser.new_page()
    page.add_init_script(
        "Object.defineProperty(navigator, 'clipboard', {value: undefined})"
    )
    page.goto(path.as_uri())
    fitted = page.locator(".fitted-text").first.text_content()
    page.locator("button.copy").first.click()
    area = page.locator("textarea.copy-area")
    assert area.count() == 1 and area.input_value() == fitted
    selected = page.evaluate(
        "() => { const a = document.activeElement;"
        " return a.value.substring(a.selectionStart, a.selectionEnd); }"
    )
    assert selected == fitted
    assert page.locator(".copy-status").first.text_content() in (
        "Copied",
        "Selected: press Ctrl+C (⌘C) to copy",
    )
    page.close()


def test_a_page_file_fits_390_px_and_copies(browser: Any, tmp_path: Path) -> None:
    from pipeline.report.htmlreport import output_files

    _, checks = bundled_report()
    config = load_config(REPO / "pyproject.toml")
    for f in output_files(checks, ReportContext(config.checks)):
        target = tmp_path / f.rel_path
        target.parent.mkdir(parents=True, exist_ok=True)
        data = f.content.encode() if isinstance(f.content, str) else f.content
        target.write_bytes(data)
    page = browser.new_page(viewport={"width": 390, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto((tmp_path / "_report" / "pages" / "1.html").as_uri())
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.locator("button.copy").first.click()
    page.wait_for_function(
        "() => document.querySelector('.copy-status').textContent !== ''"
    )
    assert errors == []
    page.close()
