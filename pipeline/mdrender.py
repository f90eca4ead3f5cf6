"""Markdown → safe HTML (markdown-it-py + nh3), keeping the source line of headings.

Raw HTML in content is allowed by the parser and then sanitised by nh3 to an
allow-list of HTML5 elements and attributes: no scripts, event handlers,
`javascript:` URLs or obsolete presentational markup survive.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

import lxml.html
import nh3
from markdown_it import MarkdownIt
from markdown_it.token import Token

ALLOWED_TAGS = frozenset(
    [
        "a",
        "abbr",
        "b",
        "blockquote",
        "br",
        "caption",
        "cite",
        "code",
        "col",
        "colgroup",
        "dd",
        "del",
        "details",
        "dfn",
        "div",
        "dl",
        "dt",
        "em",
        "figcaption",
        "figure",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "i",
        "img",
        "ins",
        "kbd",
        "li",
        "mark",
        "ol",
        "p",
        "pre",
        "q",
        "s",
        "samp",
        "small",
        "span",
        "strong",
        "sub",
        "summary",
        "sup",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "time",
        "tr",
        "u",
        "ul",
        "var",
        "wbr",
    ]
)
ALLOWED_ATTRIBUTES: dict[str, set[str]] = {
    "*": {"title", "lang", "dir"},
    "a": {"href", "hreflang"},
    "img": {"src", "alt", "width", "height", "loading"},
    "h1": {"id"},
    "h2": {"id"},
    "h3": {"id"},
    "h4": {"id"},
    "h5": {"id"},
    "h6": {"id"},
    "th": {"colspan", "rowspan", "scope", "style"},
    "td": {"colspan", "rowspan", "style"},
    "ol": {"start", "reversed"},
    "time": {"datetime"},
    "blockquote": {"cite"},
    "q": {"cite"},
    "del": {"cite", "datetime"},
    "ins": {"cite", "datetime"},
    "abbr": {"title"},
}
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})


@dataclass(frozen=True, slots=True)
class BodyHeading:
    """A body heading: its level (1–6), plain text, id and content line.

    A level-1 heading in a body is kept (archives write sections that way):
    the page then has more than one H1, which HEAD302 reports at this line.
    """

    level: int
    text: str
    id: str
    line: int


@dataclass(frozen=True, slots=True)
class Body:
    """The rendered Markdown body."""

    intro_html: str
    """The paragraphs (and anything else) before the first heading."""
    sections_html: str
    """Everything from the first heading on."""
    headings: tuple[BodyHeading, ...]
    intro: tuple[str, ...]
    """Plain text of the paragraphs before the first heading."""
    intro_line: int | None
    """Content line of the first intro paragraph."""


@cache
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])


_IMG_WITHOUT_ALT = re.compile(r"<img(?![^>]*\salt=)")


def sanitize(html: str) -> str:
    """Keep only allow-listed elements, attributes and URL schemes.

    An `img` from raw HTML without `alt` gets `alt=""` so the page stays valid
    HTML; nh3 escapes `>` inside attribute values, so the pattern is safe.
    """
    clean = nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        clean_content_tags={"script", "style"},
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=set(URL_SCHEMES),
        filter_style_properties={"text-align"},
        link_rel=None,  # no target=_blank survives, so rel=noopener has no use
    )
    return _IMG_WITHOUT_ALT.sub('<img alt=""', clean)


def slugify(text: str, max_length: int = 80) -> str:
    """ASCII, lowercase, hyphen-separated; cut at a hyphen within `max_length`."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) > max_length:
        slug = slug[: max_length + 1].rsplit("-", 1)[0]
    return slug


def inline_text(children: Sequence[Token] | None) -> str:
    """Visible text of inline tokens (what a reader sees, without markup)."""
    parts: list[str] = []
    for tok in children or ():
        if tok.type in ("text", "code_inline"):
            parts.append(tok.content)
        elif tok.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif tok.type == "image":
            parts.append(tok.content)
    return " ".join("".join(parts).split())


def text_of(html: str) -> str:
    """Visible text of a sanitised fragment, whitespace folded."""
    if "<" not in html and "&" not in html:
        return " ".join(html.split())
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    return " ".join(root.text_content().split())


def render_inline(markdown: str) -> tuple[str, str]:
    """Inline Markdown → (sanitised HTML, its visible text)."""
    md = _parser()
    html = sanitize(md.renderer.render(md.parseInline(markdown), md.options, {}))
    return html, text_of(html)


def render_body(markdown: str, *, first_line: int = 1, shift: int = 0) -> Body:
    """Render the body; headings get ids and keep their content line.

    `shift` demotes every heading by that many levels (`shift-headings`, for
    archives whose sections start at `#`); a heading never goes below H6.
    A `#` heading left at level 1 is rendered as an `h1`, not refused: the
    checks report the second H1 at its line (HEAD302).
    """
    md = _parser()
    tokens = md.parse(markdown)
    headings: list[BodyHeading] = []
    intro: list[str] = []
    intro_line: int | None = None
    used: set[str] = set()
    for i, tok in enumerate(tokens):
        line = first_line + (tok.map[0] if tok.map else 0)
        if tok.type in ("heading_open", "heading_close") and shift:
            tok.tag = f"h{min(6, int(tok.tag[1]) + shift)}"
        if tok.type == "heading_open":
            level = int(tok.tag[1])
            text = inline_text(tokens[i + 1].children)
            hid = _unique(slugify(text, 60) or "section", used)
            tok.attrSet("id", hid)
            headings.append(BodyHeading(level, text, hid, line))
        elif (
            tok.type == "inline"
            and not headings
            and tokens[i - 1].type == "paragraph_open"
        ):
            intro.append(inline_text(tok.children))
            intro_line = intro_line or line
    split = next(
        (i for i, t in enumerate(tokens) if t.type == "heading_open"), len(tokens)
    )
    intro_html = sanitize(md.renderer.render(tokens[:split], md.options, {}))
    sections_html = sanitize(md.renderer.render(tokens[split:], md.options, {}))
    return Body(intro_html, sections_html, tuple(headings), tuple(intro), intro_line)


def _unique(base: str, used: set[str]) -> str:
    candidate, n = base, 2
    while candidate in used:
        candidate, n = f"{base}-{n}", n + 1
    used.add(candidate)
    return candidate
