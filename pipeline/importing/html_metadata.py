"""IMPORT HTML pages: front matter from `<head>`, JSON-LD and the H1.

Title, meta description, slug (canonical URL), language, dates, author,
keyphrase, schema type and the lead image, each noted in `recognised`.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from bs4 import BeautifulSoup, Tag

from pipeline import jsonld_parse
from pipeline.facts_types import JsonLdBlock
from pipeline.importing.common import ImportState, iso_date, slug_or_none
from pipeline.importing.html_markdown import attr, plain_text
from pipeline.jsonld_graph import JsonLdGraph, Node, types_of
from pipeline.jsonld_graph import build as build_graph
from pipeline.models import LANG_RE
from pipeline.urls import split_url

ARTICLE_TYPES = ("Article", "BlogPosting", "NewsArticle", "MedicalWebPage", "WebPage")


def jsonld_graph(
    soup: BeautifulSoup,
) -> tuple[JsonLdGraph, list[tuple[str, str]]]:
    """The page's JSON-LD as the checker reads it (`pipeline.jsonld_graph`: `@graph`
    and arrays flattened, keys and types resolved through `@context`, nodes
    merged by `@id`; scripts read with `pipeline.jsonld_parse`, so a block the
    checker repairs is imported too), and the scripts that cannot be read, as
    (message, the script's text to find its line by)."""
    blocks: list[JsonLdBlock] = []
    errors: list[tuple[str, str]] = []
    for script in soup.find_all("script", type="application/ld+json"):
        text = script.get_text()
        parsed = jsonld_parse.parse(text)  # strict JSON, else the checker's repair
        if parsed.error:  # reported even when repaired, as SD401 does
            reason = parsed.error.removeprefix("invalid JSON: ")
            if parsed.repair and parsed.data is not None:
                reason += f"; read with {parsed.repair}"
            errors.append((f"invalid JSON-LD ({reason}): {text[:80]}", text.strip()))
        if parsed.data is None:  # (valid JSON `null` is no error and no node)
            continue
        blocks.append(
            JsonLdBlock(
                text, parsed.data, parsed.error, None, None, repair=parsed.repair
            )
        )
    return build_graph(blocks), errors


def find_node(graph: JsonLdGraph, *kinds: str) -> Node | None:
    """The first node of the first of `kinds` present (exact types, not subtypes)."""
    for kind in kinds:
        for _block, node in graph.nodes:
            if kind in types_of(node):
                return node
    return None


def _meta(soup: BeautifulSoup, key: str) -> str:
    tag = soup.find("meta", attrs={"name": key}) or soup.find("meta", property=key)
    return attr(tag, "content").strip() if isinstance(tag, Tag) else ""


def take_title(
    state: ImportState, soup: BeautifulSoup, main: Tag, graph: JsonLdGraph
) -> None:
    """The H1 (removed from the body), else og:title, headline or `<title>`.

    The `<title>` is kept as `seo_title` when it differs from that title, so
    the rebuilt page has the same `<title>` (nothing is dropped silently).
    """
    h1 = main.find("h1") or soup.find("h1")
    article = find_node(graph, *ARTICLE_TYPES) or {}
    head_title = _document_title(soup)
    if isinstance(h1, Tag) and h1.get_text(strip=True):
        title = plain_text(h1)
        h1.decompose()
    else:
        title = _meta(soup, "og:title") or str(article.get("headline", ""))
        title = title or head_title
    if title:
        state.front["title"] = title
        state.recognised.append("title")
    if title and head_title and head_title != " ".join(title.split()):
        state.front["seo_title"] = head_title
        state.recognised.append("seo_title (the <title>, which differs from the H1)")


def _document_title(soup: BeautifulSoup) -> str:
    """The page's `<title>` as a browser shows it: the first one outside SVG
    and MathML, whitespace collapsed."""
    for tag in soup.find_all("title"):
        if isinstance(tag, Tag) and not tag.find_parent(["svg", "math"]):
            return " ".join(tag.get_text(" ").split())
    return ""


def head_metadata(state: ImportState, soup: BeautifulSoup, graph: JsonLdGraph) -> None:
    """Description, slug, language, dates, author, keyphrase and schema type."""
    article = (
        find_node(graph, "Article", "BlogPosting", "NewsArticle", "MedicalWebPage")
        or {}
    )
    front, seen = state.front, state.recognised
    description = _meta(soup, "description") or _meta(soup, "og:description")
    if description:
        front["description"] = description
        seen.append(f"meta description ({len(description)} chars)")
    canonical = soup.find("link", rel="canonical")
    slug = _slug_from_url(attr(canonical, "href"))
    if slug:
        front["slug"] = slug
        seen.append(f"slug: {slug} (from the canonical URL)")
    html_tag = soup.find("html")
    lang = attr(html_tag, "lang").strip() or str(article.get("inLanguage", ""))
    if LANG_RE.match(lang):
        front["lang"] = lang
        seen.append(f"lang: {lang}")
    published = _date(
        article.get("datePublished") or _meta(soup, "article:published_time")
    )
    modified = _date(
        article.get("dateModified") or _meta(soup, "article:modified_time")
    )
    if published:
        front["date"] = published
        seen.append(f"date: {published.isoformat()}")
    if modified and modified != published:
        front["updated"] = modified
        seen.append(f"updated: {modified.isoformat()}")
    author = _author(article.get("author"))
    if author:
        front["author"] = author
        seen.append(f"author: {author['name']}")
    if isinstance(article.get("keywords"), str) and article["keywords"].strip():
        front["keyphrase"] = article["keywords"].strip()
        seen.append(f"keyphrase: {front['keyphrase']}")
    if find_node(graph, "MedicalWebPage"):
        front["schema_type"] = "MedicalWebPage"
    elif "BlogPosting" in types_of(article):
        front["schema_type"] = "BlogPosting"
    if "schema_type" in front:
        seen.append(f"schema type: {front['schema_type']}")


def _slug_from_url(url: str) -> str | None:
    path = split_url(url.strip()).path.rstrip("/")
    last = re.sub(r"/index$", "", re.sub(r"\.html?$", "", path)).rsplit("/", 1)[-1]
    return slug_or_none(last)


def _date(value: Any) -> dt.date | None:
    return iso_date(value) if isinstance(value, str) else None


def _author(value: Any) -> dict[str, str] | None:
    """A named author; `{"@id": …}` references (the publisher) are not authors."""
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, str) and value.strip():
        return {"name": value.strip()}
    if not isinstance(value, dict) or not str(value.get("name", "")).strip():
        return None
    author = {"name": str(value["name"]).strip()}
    if isinstance(value.get("url"), str):
        author["url"] = value["url"]
    if "Organization" in types_of(value):
        author["type"] = "Organization"
    return author


def take_image(state: ImportState, soup: BeautifulSoup, main: Tag) -> None:
    """The lead image: og:image, with alt and size from its `<img>` when shown."""
    url = _meta(soup, "og:image")
    if not url:
        return
    img = next((i for i in main.find_all("img") if attr(i, "src") == url), None)
    alt = attr(img, "alt").strip() or _meta(soup, "og:image:alt")
    if not alt:
        return
    image: dict[str, Any] = {"url": _site_path(url, soup), "alt": alt}
    for key in ("width", "height"):
        size = attr(img, key) or _meta(soup, f"og:image:{key}")
        if size.isdigit() and int(size) > 0:
            image[key] = int(size)
    state.front["image"] = image
    state.recognised.append("lead image")
    if isinstance(img, Tag):
        figure = img.find_parent("figure")
        empty = isinstance(figure, Tag) and not figure.get_text(strip=True)
        (figure if empty and isinstance(figure, Tag) else img).decompose()


def _site_path(url: str, soup: BeautifulSoup) -> str:
    """An absolute URL on the page's own host → a site path."""
    canonical = split_url(attr(soup.find("link", rel="canonical"), "href"))
    parts = split_url(url)
    if canonical.netloc and parts.netloc == canonical.netloc:
        return parts.path + (f"?{parts.query}" if parts.query else "")
    return url
