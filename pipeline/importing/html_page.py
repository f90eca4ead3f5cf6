"""IMPORT HTML pages: HTML → `ImportResult` (front matter + Markdown body).

Metadata comes from `<head>` and JSON-LD; the body is the main content
(`main`, else `article`, else `body`) without page chrome, converted to
Markdown. The H1, the key-points list and the FAQ go to the front matter.
Text inside elements Markdown cannot hold (forms, embeds…) is reported in
`unplaced`, never dropped silently.

Metadata: `html_metadata`; FAQ: `html_faq`; body: `html_markdown`; this
module assembles them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bs4 import BeautifulSoup, Tag

from pipeline.importing.common import ImportState, headings_summary
from pipeline.importing.html_faq import take_faq
from pipeline.importing.html_markdown import (
    CHROME,
    HEADINGS,
    attr,
    html_to_markdown,
    plain_text,
)
from pipeline.importing.html_metadata import (
    head_metadata,
    jsonld_graph,
    take_image,
    take_title,
)
from pipeline.importing.result import ImportResult, plural, tables_summary
from pipeline.vocabulary import KEY_POINTS_CLASS, KEY_POINTS_HEADING

BYLINE_CLASS = re.compile(
    r"byline|meta|author|date|posted|published|updated|reading", re.I
)


@dataclass(kw_only=True)
class _Page(ImportState):
    """Mutable working state of one conversion (local to `parse_html_page`)."""

    html: str

    def lose(self, text: str, probe: str = "") -> None:
        """Report text that has no place in the content file (found by `probe`)."""
        text = " ".join(text.split())
        if text:
            self.unplaced.append((_line_of(self.html, probe or text), text))


def parse_html_page(html: str, source: str) -> ImportResult:
    """Recognise title, metadata, key points, FAQ and body of an HTML page."""
    soup = BeautifulSoup(html, "lxml")
    page = _Page(html=html)
    graph, errors = jsonld_graph(soup)
    for error, script in errors:
        page.lose(error, script)
    main = soup.find("main") or soup.find("article") or soup.body or soup
    assert isinstance(main, Tag)
    take_title(page, soup, main, graph)
    head_metadata(page, soup, graph)
    take_image(page, soup, main)
    key_points = _key_points(page, main)
    faq = take_faq(main, graph)
    for text in faq.stray:
        page.lose(text)
    if faq.note:
        page.recognised.append(faq.note)
    if main.name in ("main", "article"):
        _report_boxed_paragraphs(page, main)
    for tag in main.find_all(CHROME):
        tag.decompose()
    body = html_to_markdown(main)
    for text, probe in body.lost:
        page.lose(text, probe)
    if key_points:
        page.front["key_points"] = key_points
        page.recognised.append(plural(len(key_points), "key point"))
    if faq.items:
        page.front["faq"] = faq.items
    page.recognised += headings_summary(body.headings)
    page.recognised += tables_summary(body.tables)
    return ImportResult(page.front, body.text, page.recognised, page.unplaced)


def _report_boxed_paragraphs(page: _Page, main: Tag) -> None:
    """Paragraphs in the article's own header/footer/aside are content, not chrome;
    report them (bylines and dates excepted) since the body leaves them out."""
    for box in main.find_all(["header", "footer", "aside"]):
        for para in box.find_all("p"):
            byline = BYLINE_CLASS.search(attr(para, "class")) or para.find("time")
            if not byline:
                page.lose(plain_text(para))


def _key_points(page: _Page, main: Tag) -> list[str]:
    """A key-points box (by class/id, or a matching heading over a list)."""
    for tag in main.find_all(["section", "div", "aside", "ul", "ol"]):
        marker = " ".join([attr(tag, "class"), attr(tag, "id")])
        items = tag.find_all("li")
        if KEY_POINTS_CLASS.search(marker) and items:
            points = [plain_text(li) for li in items if plain_text(li)]
            for para in tag.find_all("p"):  # a note in the box has no place
                if not para.find_parent("li"):
                    page.lose(plain_text(para))
            tag.decompose()
            return points
    for heading in main.find_all([*HEADINGS, "p", "strong"]):
        listing = heading.find_next_sibling()
        name = plain_text(heading).rstrip(":")
        is_list = isinstance(listing, Tag) and listing.name in ("ul", "ol")
        if KEY_POINTS_HEADING.fullmatch(name) and is_list and isinstance(listing, Tag):
            points = [plain_text(li) for li in listing.find_all("li") if plain_text(li)]
            heading.decompose()
            listing.decompose()
            return points
    return []


def _line_of(html: str, text: str) -> int:
    """The source line where `text` (or its first words) appears; 0 if not found."""
    for probe in (text[:60], " ".join(text.split()[:4])):
        at = html.find(probe) if probe else -1
        if at >= 0:
            return html.count("\n", 0, at) + 1
    return 0
