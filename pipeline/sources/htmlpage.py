"""IMPORT HTML pages: HTML → `ImportResult` (front matter + Markdown body).

Metadata comes from `<head>` and JSON-LD; the body is the main content
(`main`, else `article`, else `body`) without page chrome, converted to
Markdown. The H1, the key-points list and the FAQ go to the front matter.
Text inside elements Markdown cannot hold (forms, embeds…) is reported in
`unplaced`, never dropped silently.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, Tag, UnicodeDammit
from bs4.element import NavigableString, PreformattedString

from pipeline.mdrender import slugify as _slugify
from pipeline.models import LANG_RE, SLUG_RE
from pipeline.sources.draft import FAQ_RE, KEY_POINTS_RE
from pipeline.sources.imported import ImportResult, gfm_table, tables_summary
from pipeline.sources.imported import plural as _plural

CHROME = ("nav", "header", "footer", "aside", "script", "style", "noscript", "template")
INLINE = frozenset(
    "a abbr b bdi bdo br cite code data del dfn em font i img ins kbd label mark picture "
    "q s samp small span strong sub sup time u var wbr".split()
)
EMBEDS = frozenset(
    "audio button canvas embed form iframe input map math object select svg textarea "
    "video".split()
)
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
KEY_POINTS_CLASS = re.compile(
    r"key[-_ ]?(?:points|takeaways|facts)|takeaways|tl-?dr", re.I
)
FAQ_CLASS = re.compile(r"(?:^|[-_ ])faqs?(?:$|[-_ ])|frequently-asked", re.I)
BYLINE_CLASS = re.compile(
    r"byline|meta|author|date|posted|published|updated|reading", re.I
)
ARTICLE_TYPES = ("Article", "BlogPosting", "NewsArticle", "MedicalWebPage", "WebPage")
BREAK = "\x00"


@dataclass
class _Page:
    """Mutable working state of one conversion (local to `parse_html_page`)."""

    html: str
    front: dict[str, Any] = field(default_factory=dict)
    recognised: list[str] = field(default_factory=list)
    unplaced: list[tuple[int, str]] = field(default_factory=list)
    headings: list[int] = field(default_factory=list)
    tables: list[int] = field(default_factory=list)

    def lose(self, text: str, probe: str = "") -> None:
        """Report text that has no place in the content file (found by `probe`)."""
        text = " ".join(text.split())
        if text:
            self.unplaced.append((_line_of(self.html, probe or text), text))


def decode_html(data: bytes) -> str:
    """Bytes → text, honouring a BOM or `<meta charset>` (UTF-8 when unsure)."""
    dammit = UnicodeDammit(data, ["utf-8"], is_html=True)
    text = dammit.unicode_markup if dammit.unicode_markup is not None else ""
    return text.removeprefix("\ufeff")


def parse_html_page(html: str, source: str) -> ImportResult:
    """Recognise title, metadata, key points, FAQ and body of an HTML page."""
    soup = BeautifulSoup(html, "lxml")
    page = _Page(html)
    nodes = _jsonld_nodes(soup, page)
    main = soup.find("main") or soup.find("article") or soup.body or soup
    assert isinstance(main, Tag)
    _title(page, soup, main, nodes)
    _head_metadata(page, soup, nodes)
    _image(page, soup, main)
    key_points = _key_points(page, main)
    faq = _faq(page, main, nodes)
    if main.name in ("main", "article"):
        _report_boxed_paragraphs(page, main)
    for tag in main.find_all(CHROME):
        tag.decompose()
    body = "\n\n".join(_blocks(page, main))
    if key_points:
        page.front["key_points"] = key_points
        page.recognised.append(_plural(len(key_points), "key point"))
    if faq:
        page.front["faq"] = faq
    _count(page)
    return ImportResult(page.front, body, page.recognised, page.unplaced)


def _report_boxed_paragraphs(page: _Page, main: Tag) -> None:
    """Paragraphs in the article's own header/footer/aside are content, not chrome;
    report them (bylines and dates excepted) since the body leaves them out."""
    for box in main.find_all(["header", "footer", "aside"]):
        for para in box.find_all("p"):
            byline = BYLINE_CLASS.search(_attr(para, "class")) or para.find("time")
            if not byline:
                page.lose(_plain(para))


# --- metadata ------------------------------------------------------------------


def _jsonld_nodes(soup: BeautifulSoup, page: _Page) -> list[dict[str, Any]]:
    """Every JSON-LD object on the page, `@graph` and lists flattened."""
    nodes: list[dict[str, Any]] = []
    for script in soup.find_all("script", type="application/ld+json"):
        try:
            data = json.loads(script.get_text())
        except json.JSONDecodeError as exc:
            page.lose(f"invalid JSON-LD ({exc.msg}): {script.get_text()[:80]}")
            continue
        stack = [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                nodes.append(item)
                if isinstance(item.get("@graph"), list):
                    stack.extend(item["@graph"])
    return nodes


def _types(node: dict[str, Any]) -> set[str]:
    kind = node.get("@type", [])
    return {kind} if isinstance(kind, str) else {k for k in kind if isinstance(k, str)}


def _find(nodes: list[dict[str, Any]], *kinds: str) -> dict[str, Any] | None:
    for kind in kinds:
        for node in nodes:
            if kind in _types(node):
                return node
    return None


def _meta(soup: BeautifulSoup, key: str) -> str:
    tag = soup.find("meta", attrs={"name": key}) or soup.find("meta", property=key)
    return _attr(tag, "content").strip() if isinstance(tag, Tag) else ""


def _attr(tag: Tag | Any, name: str) -> str:
    value = tag.get(name) if isinstance(tag, Tag) else None
    if isinstance(value, list):
        return " ".join(value)
    return value or ""


def _title(
    page: _Page, soup: BeautifulSoup, main: Tag, nodes: list[dict[str, Any]]
) -> None:
    h1 = main.find("h1") or soup.find("h1")
    article = _find(nodes, *ARTICLE_TYPES) or {}
    if isinstance(h1, Tag) and h1.get_text(strip=True):
        title = _plain(h1)
        h1.decompose()
    else:
        title = _meta(soup, "og:title") or str(article.get("headline", ""))
        title = title or (soup.title.get_text(" ", strip=True) if soup.title else "")
    if title:
        page.front["title"] = title
        page.recognised.append("title")


def _head_metadata(
    page: _Page, soup: BeautifulSoup, nodes: list[dict[str, Any]]
) -> None:
    article = (
        _find(nodes, "Article", "BlogPosting", "NewsArticle", "MedicalWebPage") or {}
    )
    front, seen = page.front, page.recognised
    description = _meta(soup, "description") or _meta(soup, "og:description")
    if description:
        front["description"] = description
        seen.append(f"meta description ({len(description)} chars)")
    canonical = soup.find("link", rel="canonical")
    slug = _slug_from_url(_attr(canonical, "href"))
    if slug:
        front["slug"] = slug
        seen.append(f"slug: {slug} (from the canonical URL)")
    html_tag = soup.find("html")
    lang = _attr(html_tag, "lang").strip() or str(article.get("inLanguage", ""))
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
    if _find(nodes, "MedicalWebPage"):
        front["schema_type"] = "MedicalWebPage"
    elif "BlogPosting" in _types(article):
        front["schema_type"] = "BlogPosting"
    if "schema_type" in front:
        seen.append(f"schema type: {front['schema_type']}")


def _slug_from_url(url: str) -> str | None:
    path = urlsplit(url.strip()).path.rstrip("/")
    last = re.sub(r"/index$", "", re.sub(r"\.html?$", "", path)).rsplit("/", 1)[-1]
    if not last:
        return None
    return last if SLUG_RE.match(last) else (_slugify(last) or None)


def _date(value: Any) -> dt.date | None:
    if not isinstance(value, str):
        return None
    m = re.match(r"\d{4}-\d{2}-\d{2}", value.strip())
    try:
        return dt.date.fromisoformat(m[0]) if m else None
    except ValueError:
        return None


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
    if "Organization" in _types(value):
        author["type"] = "Organization"
    return author


def _image(page: _Page, soup: BeautifulSoup, main: Tag) -> None:
    """The lead image: og:image, with alt and size from its `<img>` when shown."""
    url = _meta(soup, "og:image")
    if not url:
        return
    img = next((i for i in main.find_all("img") if _attr(i, "src") == url), None)
    alt = _attr(img, "alt").strip() or _meta(soup, "og:image:alt")
    if not alt:
        return
    image: dict[str, Any] = {"url": _site_path(url, soup), "alt": alt}
    for key in ("width", "height"):
        size = _attr(img, key) or _meta(soup, f"og:image:{key}")
        if size.isdigit() and int(size) > 0:
            image[key] = int(size)
    page.front["image"] = image
    page.recognised.append("lead image")
    if isinstance(img, Tag):
        figure = img.find_parent("figure")
        empty = isinstance(figure, Tag) and not figure.get_text(strip=True)
        (figure if empty and isinstance(figure, Tag) else img).decompose()


def _site_path(url: str, soup: BeautifulSoup) -> str:
    """An absolute URL on the page's own host → a site path."""
    canonical = urlsplit(_attr(soup.find("link", rel="canonical"), "href"))
    parts = urlsplit(url)
    if canonical.netloc and parts.netloc == canonical.netloc:
        return parts.path + (f"?{parts.query}" if parts.query else "")
    return url


# --- key points and FAQ --------------------------------------------------------


def _key_points(page: _Page, main: Tag) -> list[str]:
    """A key-points box (by class/id, or a matching heading over a list)."""
    for tag in main.find_all(["section", "div", "aside", "ul", "ol"]):
        marker = " ".join([_attr(tag, "class"), _attr(tag, "id")])
        items = tag.find_all("li")
        if KEY_POINTS_CLASS.search(marker) and items:
            points = [_plain(li) for li in items if _plain(li)]
            for para in tag.find_all("p"):  # a note in the box has no place
                if not para.find_parent("li"):
                    page.lose(_plain(para))
            tag.decompose()
            return points
    for heading in main.find_all([*HEADINGS, "p", "strong"]):
        listing = heading.find_next_sibling()
        name = _plain(heading).rstrip(":")
        is_list = isinstance(listing, Tag) and listing.name in ("ul", "ol")
        if KEY_POINTS_RE.fullmatch(name) and is_list and isinstance(listing, Tag):
            points = [_plain(li) for li in listing.find_all("li") if _plain(li)]
            heading.decompose()
            listing.decompose()
            return points
    return []


def _faq(page: _Page, main: Tag, nodes: list[dict[str, Any]]) -> list[dict[str, str]]:
    """FAQ from JSON-LD FAQPage first, then the visible section (which is removed)."""
    section = _faq_section(main)
    visible, stray = _visible_faq(section)
    items: list[dict[str, str]] = []
    node = _find(nodes, "FAQPage")
    for question, answer in _jsonld_faq(node):
        shown = visible.pop(_norm(question), None)
        answer = _fragment(answer)
        if shown and _norm(shown[2]) == _norm(answer):
            answer = shown[1]  # the visible answer keeps its inline markup
        items.append({"question": question, "answer": answer})
    from_jsonld = len(items)
    items += [{"question": q, "answer": md} for q, md, _ in visible.values()]
    for text in stray:
        page.lose(text)
    for tag in section:
        tag.decompose()
    shown_only = len(items) - from_jsonld
    if from_jsonld and shown_only:
        origin = f"{from_jsonld} from the JSON-LD, {shown_only} only on the page"
    else:
        origin = "from the JSON-LD" if from_jsonld else "from the page"
    if items:
        page.recognised.append(f"{_plural(len(items), 'FAQ item')} ({origin})")
    return items


def _fragment(text: str) -> str:
    """A JSON-LD answer (plain text or simple HTML) as inline Markdown."""
    if "<" not in text:
        return _escape(_collapse(text)).strip()
    body = BeautifulSoup(text, "lxml").body
    return _collapse(_inline(body, False)).strip() if body else _escape(text)


def _jsonld_faq(node: dict[str, Any] | None) -> Iterator[tuple[str, str]]:
    entities = node.get("mainEntity", []) if node else []
    for entity in entities if isinstance(entities, list) else [entities]:
        if not isinstance(entity, dict):
            continue
        accepted = entity.get("acceptedAnswer")
        accepted = accepted[0] if isinstance(accepted, list) and accepted else accepted
        answer = accepted.get("text") if isinstance(accepted, dict) else None
        question = entity.get("name")
        if isinstance(question, str) and isinstance(answer, str) and question.strip():
            yield " ".join(question.split()), answer.strip()


def _faq_section(main: Tag) -> list[Tag]:
    """The elements of the visible FAQ: a `.faq` box, or an FAQ heading and what follows."""
    boxes: list[Tag] = []
    for tag in main.find_all(["section", "div", "dl"]):
        marker = " ".join([_attr(tag, "class"), _attr(tag, "id")])
        if FAQ_CLASS.search(marker) and not any(b in tag.parents for b in boxes):
            boxes.append(tag)  # the outermost `.faq` boxes (a list of `.faq-item`s)
    if boxes:
        return boxes
    for heading in main.find_all(HEADINGS):
        if FAQ_RE.fullmatch(_plain(heading).rstrip(":")):
            elements = [heading]
            for sibling in heading.find_next_siblings():
                if sibling.name in HEADINGS and sibling.name <= (heading.name or "h6"):
                    break
                elements.append(sibling)
            return elements
    return []


Shown = dict[str, tuple[str, str, str]]
"""Visible FAQ by normalised question: (question, answer Markdown, answer text)."""


def _visible_faq(section: list[Tag]) -> tuple[Shown, list[str]]:
    """Question/answer pairs of the visible FAQ, and text that fits neither."""
    answers: Shown = {}
    stray: list[str] = []
    question: str | None = None
    parts: list[tuple[str, str]] = []

    def flush() -> None:
        if question is not None and parts:
            answers[_norm(question)] = (
                question,
                " ".join(p[0] for p in parts),
                " ".join(p[1] for p in parts),
            )
        elif question is not None:
            stray.append(question)

    leaves = [leaf for tag in section for leaf in _leaves(tag)]
    for n, (kind, node) in enumerate(leaves):
        text = _plain(node)
        if not text:
            continue
        if n == 0 and kind == "heading" and FAQ_RE.fullmatch(text.rstrip(":")):
            continue
        if kind == "heading" or _is_question_leaf(node, text):
            flush()
            question, parts = re.sub(r"^Q[:.]\s*", "", text), []
        elif question is None:
            stray.append(text)
        else:
            markdown = _inline(node, False) if isinstance(node, Tag) else _escape(text)
            markdown = _collapse(markdown).strip()
            parts.append(
                (re.sub(r"^A[:.]\s*", "", markdown), re.sub(r"^A[:.]\s*", "", text))
            )
    flush()
    return answers, stray


def _leaves(node: Tag) -> Iterator[tuple[str, Tag | NavigableString]]:
    """Headings and text blocks of an FAQ section, in order."""
    if node.name in (*HEADINGS, "dt", "summary"):
        yield "heading", node
        return
    if node.name in ("p", "dd", "li", "blockquote", "ul", "ol", "table"):
        yield "text", node
        return
    for child in node.children:
        if isinstance(child, Tag):
            if child.name in INLINE:
                yield "text", child
            else:
                yield from _leaves(child)
        elif (
            isinstance(child, NavigableString)
            and not isinstance(child, PreformattedString)
            and child.strip()
        ):
            yield "text", child


def _is_question_leaf(node: Tag | NavigableString, text: str) -> bool:
    if re.match(r"^Q[:.]\s", text):
        return True
    if not text.endswith("?") or re.search(r"[.!?]\s", text[:-1]):
        return False
    if isinstance(node, Tag):
        strong = node.find(["strong", "b"])
        whole = isinstance(strong, Tag) and _plain(strong) == text
        return whole or "question" in _attr(node, "class")
    return False


# --- body → Markdown -----------------------------------------------------------


def _blocks(page: _Page, container: Tag) -> list[str]:
    """Block-level Markdown for the children of `container`."""
    out: list[str] = []
    run: list[str] = []

    def flush() -> None:
        text = _paragraph("".join(run))
        if text:
            out.append(text)
        run.clear()

    for child in container.children:
        if isinstance(child, PreformattedString):
            continue
        if isinstance(child, NavigableString):
            run.append(_escape(_collapse(str(child))))
            continue
        if not isinstance(child, Tag):
            continue
        if child.name in INLINE:
            run.append(_inline(child, True))
            continue
        flush()
        out.extend(_block(page, child))
    flush()
    return out


def _block(page: _Page, tag: Tag) -> list[str]:
    name = tag.name
    if name == "p":
        text = _paragraph(_inline(tag, True))
        return [text] if text else []
    if name in HEADINGS:
        text = _inline(tag, False).strip()
        level = max(2, int(name[1]))
        page.headings.append(level)
        return [f"{'#' * level} {text}"] if text else []
    if name in ("ul", "ol"):
        listing = _list(tag, "")
        return [listing] if listing else []
    if name == "table":
        return _table(page, tag)
    if name == "blockquote":
        inner = "\n\n".join(_blocks(page, tag))
        return (
            ["\n".join(f"> {line}".rstrip() for line in inner.split("\n"))]
            if inner
            else []
        )
    if name == "pre":
        code = tag.get_text().strip("\n")
        fence = "````" if "```" in code else "```"
        return [f"{fence}\n{code}\n{fence}"] if code.strip() else []
    if name == "hr":
        return ["***"]
    if name in EMBEDS:
        text = tag.get_text(" ", strip=True)
        src = _attr(tag, "src") or _attr(tag, "data") or _attr(tag, "action")
        page.lose(f"<{name}> {text or src}".strip(), src or text)
        return []
    if name in CHROME or name in ("head", "meta", "link"):
        return []
    return _blocks(page, tag)  # div, section, figure, dl, details, unknown: containers


def _list(tag: Tag, indent: str) -> str:
    lines: list[str] = []
    number = int(_attr(tag, "start")) if _attr(tag, "start").isdigit() else 1
    for li in tag.find_all("li", recursive=False):
        marker = f"{number}." if tag.name == "ol" else "-"
        number += 1
        text: list[str] = []
        nested: list[str] = []
        for child in li.children:
            if isinstance(child, Tag) and child.name in ("ul", "ol"):
                nested.append(_list(child, indent + " " * (len(marker) + 1)))
            elif isinstance(child, Tag) and child.name not in INLINE:
                text.append(" " + _inline(child, False) + " ")
            elif isinstance(child, Tag | NavigableString):
                text.append(_inline(child, False))
        item = _collapse("".join(text)).strip()
        lines.append(f"{indent}{marker} {item}".rstrip())
        lines.extend(n for n in nested if n)
    return "\n".join(lines)


def _table(page: _Page, table: Tag) -> list[str]:
    rows = [
        [
            _inline(cell, False).strip()
            for cell in tr.find_all(["th", "td"], recursive=False)
        ]
        for tr in table.find_all("tr")
        if tr.find_parent("table") is table
    ]
    rows = [row for row in rows if row]
    caption = table.find("caption")
    out = [_paragraph(_inline(caption, True))] if isinstance(caption, Tag) else []
    if rows:
        out.append(gfm_table(rows))
        page.tables.append(len(rows) - 1)
    return [b for b in out if b]


def _inline(node: Tag | NavigableString, breaks: bool) -> str:
    """Inline Markdown of a node: emphasis, links, code, images; text escaped."""
    if isinstance(node, PreformattedString):
        return ""
    if isinstance(node, NavigableString):
        return _escape(_collapse(str(node)))
    name = node.name
    if name in CHROME or name in EMBEDS:
        return ""
    if name == "br":
        return BREAK if breaks else " "
    if name == "img":
        alt = _escape(_attr(node, "alt"))
        return f"![{alt}]({_url(_attr(node, 'src'))})" if _attr(node, "src") else alt
    if name == "code":
        code = _collapse(node.get_text())
        tick = "``" if "`" in code else "`"
        return f"{tick}{code}{tick}" if code.strip() else code
    inner = "".join(_inline(child, breaks) for child in node.children)  # type: ignore[arg-type]
    if name in ("strong", "b"):
        return _wrap("**", inner)
    if name in ("em", "i"):
        return _wrap("*", inner)
    if name in ("del", "s"):
        return _wrap("~~", inner)
    if name == "a" and _attr(node, "href") and inner.strip():
        href = _attr(node, "href").strip()
        if not href.lower().startswith("javascript:"):
            lead, core, trail = _split_space(inner)
            return f"{lead}[{core}]({_url(href)}){trail}"
    if name not in INLINE:  # a block inside inline content (li > p, td > div)
        return f" {inner} "
    return inner


def _wrap(marker: str, inner: str) -> str:
    lead, core, trail = _split_space(inner)
    return f"{lead}{marker}{core}{marker}{trail}" if core else inner


def _split_space(text: str) -> tuple[str, str, str]:
    core = text.strip()
    if not core:
        return text, "", ""
    lead = " " if text[0].isspace() else ""
    trail = " " if text[-1].isspace() else ""
    return lead, core, trail


def _url(url: str) -> str:
    url = url.strip()
    return f"<{url}>" if re.search(r"[\s()<>]", url) else url


def _paragraph(text: str) -> str:
    """Collapse spaces, turn breaks into Markdown hard breaks, guard block markers."""
    lines = [_collapse(line).strip() for line in text.split(BREAK)]
    text = "\\\n".join(line for line in lines if line)
    if re.match(r"^(?:[#>+=-]|\d+[.)](?:\s|$))", text):
        text = (
            re.sub(r"^(\d+)([.)])", r"\1\\\2", text)
            if text[0].isdigit()
            else "\\" + text
        )
    return text


def _escape(text: str) -> str:
    return re.sub(r"([\\`*_\[\]<])", r"\\\1", text)


def _collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def _plain(node: Tag | NavigableString) -> str:
    text = node.get_text(" ") if isinstance(node, Tag) else str(node)
    return " ".join(text.split())


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[*_`\\]", "", text).split()).casefold()


def _line_of(html: str, text: str) -> int:
    """The source line where `text` (or its first words) appears; 0 if not found."""
    for probe in (text[:60], " ".join(text.split()[:4])):
        at = html.find(probe) if probe else -1
        if at >= 0:
            return html.count("\n", 0, at) + 1
    return 0


def _count(page: _Page) -> None:
    if page.headings:
        levels = ", ".join(
            f"{page.headings.count(lv)} H{lv}" for lv in sorted(set(page.headings))
        )
        page.recognised.append(f"{_plural(len(page.headings), 'heading')} ({levels})")
    page.recognised += tables_summary(page.tables)
