"""IMPORT HTML pages: HTML elements → Markdown (blocks and inline text).

Paragraphs, headings (H1 demoted to H2), lists, tables, quotes, code,
rules, emphasis, links and images; text is escaped. Page chrome is skipped;
embeds (forms, iframes, video…) have no Markdown form and are reported as
lost, never dropped silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from bs4 import BeautifulSoup, Tag
from bs4.element import NavigableString, PreformattedString

from pipeline.importing.result import gfm_table

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
BREAK = "\x00"


@dataclass
class MarkdownBody:
    """Body Markdown and what the conversion met on the way."""

    text: str = ""
    headings: list[int] = field(default_factory=list)
    """Levels of the headings written, in order."""
    tables: list[int] = field(default_factory=list)
    """Body rows of each table written."""
    lost: list[tuple[str, str]] = field(default_factory=list)
    """(text, probe to find it in the source) of elements Markdown cannot hold."""


def html_to_markdown(container: Tag) -> MarkdownBody:
    """Block-level Markdown for the children of `container`."""
    body = MarkdownBody()
    body.text = "\n\n".join(_blocks(body, container))
    return body


def inline_markdown(node: Tag | NavigableString) -> str:
    """Inline Markdown of a node on one line (breaks as spaces)."""
    return collapse(_inline(node, False)).strip()


def fragment_markdown(text: str) -> str:
    """Plain text or a simple HTML fragment (a JSON-LD answer) as inline Markdown."""
    if "<" not in text:
        return escape(collapse(text)).strip()
    body = BeautifulSoup(text, "lxml").body
    return inline_markdown(body) if body else escape(text)


def attr(tag: Tag | Any, name: str) -> str:
    """An attribute as text (`class` lists joined); "" when absent or not a tag."""
    value = tag.get(name) if isinstance(tag, Tag) else None
    if isinstance(value, list):
        return " ".join(value)
    return value or ""


def plain_text(node: Tag | NavigableString) -> str:
    """The visible text of a node, whitespace collapsed."""
    text = node.get_text(" ") if isinstance(node, Tag) else str(node)
    return " ".join(text.split())


def escape(text: str) -> str:
    """Backslash-escape the characters Markdown would read as inline markup."""
    return re.sub(r"([\\`*_\[\]<])", r"\\\1", text)


def collapse(text: str) -> str:
    """Every whitespace run → one space (ends kept)."""
    return re.sub(r"\s+", " ", text)


# --- blocks --------------------------------------------------------------------


def _blocks(body: MarkdownBody, container: Tag) -> list[str]:
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
            run.append(escape(collapse(str(child))))
            continue
        if not isinstance(child, Tag):
            continue
        if child.name in INLINE:
            run.append(_inline(child, True))
            continue
        flush()
        out.extend(_block(body, child))
    flush()
    return out


def _block(body: MarkdownBody, tag: Tag) -> list[str]:
    name = tag.name
    if name == "p":
        text = _paragraph(_inline(tag, True))
        return [text] if text else []
    if name in HEADINGS:
        text = _inline(tag, False).strip()
        level = max(2, int(name[1]))
        body.headings.append(level)
        return [f"{'#' * level} {text}"] if text else []
    if name in ("ul", "ol"):
        listing = _list(tag, "")
        return [listing] if listing else []
    if name == "table":
        return _table(body, tag)
    if name == "blockquote":
        inner = "\n\n".join(_blocks(body, tag))
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
        src = attr(tag, "src") or attr(tag, "data") or attr(tag, "action")
        body.lost.append((f"<{name}> {text or src}".strip(), src or text))
        return []
    if name in CHROME or name in ("head", "meta", "link"):
        return []
    return _blocks(body, tag)  # div, section, figure, dl, details, unknown: containers


def _list(tag: Tag, indent: str) -> str:
    lines: list[str] = []
    number = int(attr(tag, "start")) if attr(tag, "start").isdigit() else 1
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
        item = collapse("".join(text)).strip()
        lines.append(f"{indent}{marker} {item}".rstrip())
        lines.extend(n for n in nested if n)
    return "\n".join(lines)


def _table(body: MarkdownBody, table: Tag) -> list[str]:
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
        body.tables.append(len(rows) - 1)
    return [b for b in out if b]


def _paragraph(text: str) -> str:
    """Collapse spaces, turn breaks into Markdown hard breaks, guard block markers."""
    lines = [collapse(line).strip() for line in text.split(BREAK)]
    text = "\\\n".join(line for line in lines if line)
    if re.match(r"^(?:[#>+=-]|\d+[.)](?:\s|$))", text):
        text = (
            re.sub(r"^(\d+)([.)])", r"\1\\\2", text)
            if text[0].isdigit()
            else "\\" + text
        )
    return text


# --- inline --------------------------------------------------------------------


def _inline(node: Tag | NavigableString, breaks: bool) -> str:
    """Inline Markdown of a node: emphasis, links, code, images; text escaped."""
    if isinstance(node, PreformattedString):
        return ""
    if isinstance(node, NavigableString):
        return escape(collapse(str(node)))
    name = node.name
    if name in CHROME or name in EMBEDS:
        return ""
    if name == "br":
        return BREAK if breaks else " "
    if name == "img":
        alt = escape(attr(node, "alt"))
        return f"![{alt}]({_url(attr(node, 'src'))})" if attr(node, "src") else alt
    if name == "code":
        code = collapse(node.get_text())
        tick = "``" if "`" in code else "`"
        return f"{tick}{code}{tick}" if code.strip() else code
    inner = "".join(_inline(child, breaks) for child in node.children)  # type: ignore[arg-type]
    if name in ("strong", "b"):
        return _wrap("**", inner)
    if name in ("em", "i"):
        return _wrap("*", inner)
    if name in ("del", "s"):
        return _wrap("~~", inner)
    if name == "a" and attr(node, "href") and inner.strip():
        href = attr(node, "href").strip()
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
