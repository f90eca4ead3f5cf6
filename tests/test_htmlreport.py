"""The html report: structure, self-containment, previews cut by width, escaping."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from pipeline.checks import CheckConfig, CheckResult
from pipeline.checks.runner import check_html
from pipeline.config import Config, load_config
from pipeline.report import renderer
from pipeline.report.context import ReportContext
from pipeline.report.htmlreport import REPORT_PATH, advice, render
from pipeline.run import build
from pipeline.snippets import measure
from pipeline.textmetrics import text_width_px

REPO = Path(__file__).resolve().parent.parent
DESCRIPTION = (
    "Discover the connection between the herpes virus and back pain, including "
    "symptoms, diagnosis, and treatment options. Learn how to manage "
    "herpes-related back pain and reduce its impact on daily life."
)
LONG_TITLE = (
    "Herpes Virus Causes Back Pain: Symptoms, Diagnosis, Treatment and Prevention"
)
PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{title}</title>
<meta name="description" content="{description}">
</head><body><main><h1>Heading</h1><h3>Skipped a level</h3>
<p>Short text here.</p></main></body></html>"""


@cache
def bundled() -> tuple[Config, CheckResult]:
    config = load_config(REPO / "pyproject.toml")
    result = build(config, write=False)
    assert result.checks is not None
    return config, result.checks


@cache
def bundled_report() -> str:
    config, checks = bundled()
    return render(checks, ReportContext(config.checks))


def doc(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "lxml")


def one_page(title: str, description: str = "A short description.") -> str:
    html = PAGE.format(title=title, description=description)
    return render(check_html(html, path="page.html"))


def sections(soup: BeautifulSoup) -> list[Tag]:
    return soup.select("section.page")


# --- a single self-contained document -------------------------------------------


def test_registered_as_a_format() -> None:
    assert renderer("html") is render


def test_is_a_complete_document() -> None:
    html = bundled_report()
    assert html.startswith("<!DOCTYPE html>")
    soup = doc(html)
    assert soup.html is not None and soup.html.get("lang") == "en"
    assert soup.title is not None and soup.title.string == "SEO report"
    assert soup.find("meta", charset="utf-8") is not None
    assert len(soup.find_all("h1")) == 1


def test_loads_nothing_from_anywhere() -> None:
    soup = doc(bundled_report())
    for tag in soup.find_all(src=True):
        pytest.fail(f"resource with src: {tag}")
    for tag in soup.find_all(["link", "iframe", "object", "embed", "img", "video"]):
        pytest.fail(f"external resource element: {tag}")
    for tag in soup.find_all(href=True):
        assert tag["href"].startswith("#"), tag
    styles = " ".join(s.get_text() for s in soup.find_all("style"))
    assert "@import" not in styles and "url(" not in styles
    inline = " ".join(t.get("style", "") for t in soup.find_all(style=True))
    assert "url(" not in inline
    scripts = soup.find_all("script")
    # the rows, the copy buttons' script, the table's script
    assert [s.get("type") for s in scripts] == ["application/json", None, None]
    assert not any(s.get("src") for s in scripts)
    for script in scripts[1:]:
        assert not re.search(r"fetch\(|XMLHttpRequest|import\(", script.get_text())
    for tag in soup.find_all(True):  # no inline event handlers
        assert not [a for a in tag.attrs if a.lower().startswith("on")], tag


def test_is_deterministic() -> None:
    config, checks = bundled()
    assert render(checks, ReportContext(config.checks)) == bundled_report()


# --- overview -----------------------------------------------------------------


def test_overview_table_is_sortable_with_buttons() -> None:
    soup = doc(bundled_report())
    table = soup.select_one("table.sortable")
    assert table is not None and table.caption is not None
    heads = table.select("thead th")
    names = [th.get_text(strip=True) for th in heads]
    assert names == [
        "Page",
        "Title chars",
        "Title px",
        "Description chars",
        "Description px",
        "FRE",
        "Grade",
        "Findings",
    ]
    for th in heads:
        assert th.get("scope") == "col"
        assert th.get("aria-sort") == "none"
        button = th.find("button")
        assert button is not None and button.get("type") == "button"
    _, checks = bundled()
    rows = table.select("tbody tr")
    assert len(rows) == checks.checked == 3
    for row in rows:
        assert row.th is not None and row.th.get("scope") == "row"
        link = row.th.find("a")
        assert link is not None and soup.find(id=link["href"][1:]) is not None
        assert all(td.has_attr("data-sort") for td in row.find_all("td"))


def test_overview_figures_of_the_example() -> None:
    soup = doc(bundled_report())
    row = next(
        r
        for r in soup.select("tbody tr")
        if "herpes-virus-back-pain" in r.th.get_text()
    )
    cells = [td["data-sort"] for td in row.find_all("td")]
    assert cells[0] == "29"
    assert cells[2] == "199"
    assert float(cells[3]) == pytest.approx(text_width_px(DESCRIPTION, 14), abs=0.05)
    assert "over" in row.find_all("td")[2].get_text()


# --- previews -----------------------------------------------------------------


def test_each_page_has_desktop_and_mobile_previews() -> None:
    soup = doc(bundled_report())
    config, checks = bundled()
    limits = config.checks.snippet_limits
    assert len(sections(soup)) == 3
    for section, page in zip(sections(soup), checks.pages, strict=True):
        facts = page.facts
        assert facts.title is not None and facts.description is not None
        title = measure(facts.title.text, "title", limits)
        description = measure(facts.description.text, "description", limits)
        for device, cut in (
            ("desktop", description.desktop),
            ("mobile", description.mobile),
        ):
            card = section.select_one(f'.serp-card[data-device="{device}"]')
            assert card is not None
            shown = card.select_one(".serp-title")
            assert shown is not None and shown.get_text() == title.desktop
            assert float(shown["data-budget"]) == limits.title_max_px
            desc = card.select_one(".serp-desc")
            assert desc is not None and desc.get_text() == cut
        figures = section.select("figure.serp figcaption")
        assert [f.get_text() for f in figures] == ["Desktop", "Mobile"]


def test_example_description_is_cut_where_the_pixels_say() -> None:
    soup = doc(bundled_report())
    section = sections(soup)[0]
    desktop = section.select_one('.serp-card[data-device="desktop"] .serp-desc')
    assert desktop is not None
    text = desktop.get_text()
    assert text.endswith("Learn how to manage…")
    assert text_width_px(text, 14) <= 920
    hidden = [p.get_text(" ", strip=True) for p in section.select(".hidden-part")]
    assert any(
        "herpes-related back pain and reduce its impact on daily life." in h
        for h in hidden
    )


def test_long_title_is_cut_and_the_hidden_part_shown() -> None:
    soup = doc(one_page(LONG_TITLE))
    titles = soup.select(".serp-title")
    assert len(titles) == 2
    for t in titles:
        assert t.get_text().endswith("…")
        assert LONG_TITLE.startswith(t.get_text().removesuffix("…"))
        assert text_width_px(t.get_text(), 20) <= 580
    notes = " ".join(p.get_text() for p in soup.select(".hidden-part"))
    assert "The title is cut" in notes and "Prevention" in notes


def test_missing_title_and_description_are_said_plainly() -> None:
    html = "<!DOCTYPE html><html lang='en'><head></head><body><p>Hi.</p></body></html>"
    soup = doc(render(check_html(html)))
    assert soup.select_one(".serp-title.serp-missing") is not None
    assert soup.select_one(".serp-desc.serp-missing") is not None
    assert "No meta description." in soup.get_text()


def test_profile_budgets_apply() -> None:
    config = CheckConfig(profile="screaming-frog")
    html = PAGE.format(title=LONG_TITLE, description=DESCRIPTION)
    soup = doc(render(check_html(html, config), ReportContext(config)))
    title = soup.select_one(".serp-title")
    assert title is not None and float(title["data-budget"]) == 561
    assert "screaming-frog" in soup.get_text()
    desc = soup.select_one('.serp-card[data-device="desktop"] .serp-desc')
    assert desc is not None
    assert (
        desc.get_text()
        == measure(DESCRIPTION, "description", config.snippet_limits).desktop
    )


# --- outline, readability, findings, JSON-LD ----------------------------------


def test_outline_is_indented_and_marks_problems() -> None:
    soup = doc(one_page("A Fine Title for a Test Page"))
    items = soup.select("ol.outline li")
    assert [li.select_one(".tag").get_text() for li in items] == ["H1", "H3"]
    assert "l3" in items[1]["class"]
    assert any(c.startswith("problem-") for c in items[1]["class"])
    assert "HEAD" in items[1].get_text()


def test_outline_of_the_example() -> None:
    _, checks = bundled()
    section = sections(doc(bundled_report()))[0]
    items = section.select("ol.outline li")
    assert len(items) == len(checks.pages[0].facts.headings)
    for li, heading in zip(items, checks.pages[0].facts.headings, strict=True):
        assert f"l{heading.level}" in li["class"]
        assert heading.text in li.get_text()


def test_readability_figures_and_target() -> None:
    _, checks = bundled()
    scores = checks.pages[0].facts.readability
    assert scores is not None
    section = sections(doc(bundled_report()))[0]
    text = section.get_text(" ", strip=True)
    assert f"Flesch Reading Ease {scores.flesch_reading_ease:.1f}" in text
    assert "for health readers" in text  # the example's front matter audience
    assert "target ≤ 8" in text
    band = section.select_one(".band")
    assert band is not None and band.get("role") == "img" and band.get("aria-label")


def test_findings_link_to_the_fix_advice_of_their_rule() -> None:
    _, checks = bundled()
    soup = doc(bundled_report())
    for section, page in zip(sections(soup), checks.pages, strict=True):
        # errors, then warnings, then info (Lighthouse's order), stable within
        mine = sorted(
            (f for f in checks.findings if f.html_path == page.path),
            key=lambda f: -f.severity,
        )
        items = section.select("ul.findings > li")
        assert len(items) == len(mine)
        for li, finding in zip(items, mine, strict=True):
            assert finding.code in li.get_text()
            assert finding.severity.label in li["class"]
            link = li.select_one(".where a")
            assert link is not None and link["href"] == f"#rule-{finding.code}"
            rule = soup.find(id=f"rule-{finding.code}")
            assert rule is not None
            details = rule.find("details")
            assert details is not None and details.summary.get_text() == "How to fix"
    assert "LEN103" in sections(soup)[0].get_text()


def test_advice_comes_from_the_rule_doc() -> None:
    found = advice("LEN103")
    assert found is not None
    assert found.why and found.example.startswith("<meta")
    assert advice("NOPE999") is None


def test_jsonld_is_pretty_printed() -> None:
    _, checks = bundled()
    section = sections(doc(bundled_report()))[0]
    blocks = section.select("details pre code")
    data = [b.data for b in checks.pages[0].facts.jsonld]
    shown = [
        json.loads(b.get_text())
        for b in blocks
        if b.get_text().lstrip().startswith("{")
    ]
    assert shown[-len(data) :] == data
    assert "\n  " in blocks[-1].get_text()


def test_invalid_jsonld_shows_the_error() -> None:
    html = (
        "<html lang='en'><head><title>Broken JSON-LD page title here</title>"
        '<script type="application/ld+json">{"@type": "Article",}</script>'
        "</head><body><h1>x</h1></body></html>"
    )
    soup = doc(render(check_html(html)))
    details = [d for d in soup.find_all("details") if "invalid JSON" in d.get_text()]
    assert details and details[0].has_attr("open")


# --- accessibility and escaping ---------------------------------------------------


def test_every_meter_has_a_label_and_ids_are_unique() -> None:
    soup = doc(bundled_report())
    ids = [t["id"] for t in soup.find_all(id=True)]
    assert len(ids) == len(set(ids))
    meters = soup.find_all("meter")
    assert meters
    for meter in meters:
        assert soup.find("label", attrs={"for": meter["id"]}) is not None
    skip = soup.select_one("a.skip")
    assert skip is not None and soup.find(id=skip["href"][1:]) is not None


def test_page_text_is_escaped() -> None:
    evil = "<script>alert(1)</script><img src=x onerror=alert(2)>"
    html = one_page(evil.replace("<", "&lt;").replace(">", "&gt;"), description=evil)
    soup = doc(html)
    assert len(soup.find_all("script")) == 3  # the rows (JSON) and two scripts
    assert soup.find("img") is None
    assert "<script>alert(1)" not in html


def test_embedded_rows_cannot_close_their_script() -> None:
    evil = "</script><script>alert(1)</script>&'"
    html = render(check_html(PAGE.format(title="T", description="d"), path=evil))
    data = doc(html).find("script", id="report-data")
    assert data is not None
    raw = html.split('id="report-data">', 1)[1].split("</script>", 1)[0]
    assert not re.search(r"[<>&']", raw)
    assert json.loads(data.get_text())["rows"][0][1] == evil


# --- build writes it ---------------------------------------------------------------


def test_build_writes_the_report(tmp_path: Path) -> None:
    config = load_config(REPO / "pyproject.toml")
    out = tmp_path / "out"
    config = config.model_copy(
        update={"site": config.site.model_copy(update={"output_dir": out})}
    )
    build(config)
    report = out / REPORT_PATH
    assert report.is_file()
    index = doc(report.read_text(encoding="utf-8"))
    assert sections(index) == []  # the details are files of their own
    links = [a["href"] for a in index.select("#overview-table tbody th a")]
    assert links == ["pages/1.html", "pages/2.html", "pages/3.html"]
    first = doc((report.parent / links[0]).read_text(encoding="utf-8"))
    assert "Herpes Virus Causes Back Pain" in first.get_text()
    assert [s["href"] for s in first.find_all("link")] == ["report.css"]
    [script] = first.find_all("script")  # copy buttons; nothing loaded
    assert not script.get("src") and "fetch(" not in script.get_text()
    assert (report.parent / "pages" / "report.css").is_file()
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert {REPORT_PATH, "_report/pages/1.html", "_report/pages/report.css"} <= set(
        manifest["files"]
    )
    build(config, check=False)  # no checks, no report: the stale one is removed
    assert not report.exists()
    assert not (report.parent / "pages").exists()


@pytest.mark.vnu
def test_report_is_valid_html(tmp_path: Path) -> None:
    from tests.test_vnu import vnu

    path = tmp_path / "report.html"
    path.write_text(bundled_report(), encoding="utf-8")
    errors = [m for m in vnu([path]) if m.get("type") == "error"]
    assert errors == [], json.dumps(errors, indent=2)


@pytest.mark.vnu
def test_linked_files_are_valid_html(tmp_path: Path) -> None:
    from pipeline.report.htmlfiles import write_beside
    from tests.test_vnu import vnu

    config, checks = bundled()
    index = tmp_path / "report.html"
    write_beside(index, checks, ReportContext(config.checks))
    paths = [index, *sorted((tmp_path / "report_files").glob("*.html"))]
    assert len(paths) == 4
    errors = [m for m in vnu(paths) if m.get("type") == "error"]
    assert errors == [], json.dumps(errors, indent=2)


def test_check_command_writes_an_html_report(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from pipeline.cli import cli

    page = tmp_path / "page.html"
    page.write_text(PAGE.format(title=LONG_TITLE, description=DESCRIPTION), "utf-8")
    out = tmp_path / "report.html"
    result = CliRunner().invoke(
        cli, ["check", str(page), "--format", "html", "--output", str(out)]
    )
    assert result.exit_code in (0, 1), result.output
    soup = doc(out.read_text(encoding="utf-8"))
    assert sections(soup) == []
    link = soup.select_one("#overview-table tbody th a")
    assert link is not None and link["href"] == "report_files/1.html"
    details = doc((tmp_path / "report_files" / "1.html").read_text(encoding="utf-8"))
    assert len(sections(details)) == 1
    assert details.select_one(".serp-title").get_text().endswith("…")
    assert details.select_one("nav a")["href"] == "../report.html"
    stale = tmp_path / "report_files" / "7.html"  # from an earlier, larger run
    stale.write_text("old", encoding="utf-8")
    keep = tmp_path / "report_files" / "notes.txt"
    keep.write_text("mine", encoding="utf-8")
    CliRunner().invoke(cli, ["check", str(page), "--format", "html", "-o", str(out)])
    assert not stale.exists() and keep.exists()


def test_check_command_prints_one_document_to_stdout(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from pipeline.cli import cli

    page = tmp_path / "page.html"
    page.write_text(PAGE.format(title=LONG_TITLE, description=DESCRIPTION), "utf-8")
    result = CliRunner().invoke(cli, ["check", str(page), "--format", "html"])
    assert result.exit_code in (0, 1), result.output
    soup = doc(result.stdout)
    assert len(sections(soup)) == 1
    assert soup.select_one("#overview-table tbody th a")["href"] == "#page-1"
    assert not (tmp_path / "report_files").exists()
