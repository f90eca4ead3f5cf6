"""PARSE: HTML → `PageFacts`, the only HTML parse of a page.

`parse()` reads a page once with `lxml.html` (it keeps source lines, which bs4
on the lxml builder does not) and walks the tree once, collecting everything
the rules read: title and meta tags, the headings outline, the main-content
text blocks by kind, FAQ items, JSON-LD blocks, links and images. Rules never
see the tree. Each fact carries its HTML line/column and an `anchor` that a
`pipeline.findings.SourceMap` resolves to a content-file line.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import unquote

import lxml.html
from lxml import etree

from pipeline.decode import decode_html
from pipeline.facts_types import (
    BlockKind,
    EncodingIssue,
    FaqEntry,
    Heading,
    Image,
    JsonLdBlock,
    LengthClaim,
    Link,
    Located,
    MetaTag,
    Pos,
    Tag,
    TextBlock,
)
from pipeline.facts_walk import Walker, cap_attributes, locate_line_col, parse_tree
from pipeline.jsonld_graph import JsonLdGraph, listify
from pipeline.jsonld_graph import build as build_jsonld_graph
from pipeline.pagemeta import NO_META, PageMeta
from pipeline.segmentation import main_word_count
from pipeline.suppressions import Suppression, page_codes, scan
from pipeline.urls import split_url

if TYPE_CHECKING:
    # Imported where used: pipeline.readability_scores loads its tables (~0.9 s) on import.
    from pipeline.readability_scores import ReadabilityScores

__all__ = [
    "BlockKind",
    "EncodingIssue",
    "FaqEntry",
    "Heading",
    "Image",
    "JsonLdBlock",
    "LengthClaim",
    "Link",
    "Located",
    "MetaTag",
    "PageFacts",
    "Pos",
    "Tag",
    "TextBlock",
    "decode_html",
    "parse",
]


_START = Pos(line=1, column=1)
_SLUG = Pos(anchor="slug")


@dataclass(frozen=True)
class PageFacts:
    """Everything the rules may know about one page. Immutable.

    Tuples are in document order. `blocks` and `faq` cover the main content
    only: `main`, else top-level `article`s, else `body` without
    `nav`/`header`/`footer`/`aside`; `script`, `style`, `template`,
    `noscript`, `svg` and `nav` are never content.
    """

    path: str
    lang: str | None = None
    root: Pos = _START
    head: Pos = _START
    head_end: Pos | None = None
    """What ended `<head>` early (text `<iframe>`, `<img>`…), where it is; None
    when `<head>` ran to the page's own `</head>` or `<body>`."""
    titles: tuple[Tag, ...] = ()
    descriptions: tuple[Tag, ...] = ()
    metas: tuple[MetaTag, ...] = ()
    canonicals: tuple[Tag, ...] = ()
    headings: tuple[Heading, ...] = ()
    blocks: tuple[TextBlock, ...] = ()
    faq: tuple[FaqEntry, ...] = ()
    jsonld: tuple[JsonLdBlock, ...] = ()
    links: tuple[Link, ...] = ()
    images: tuple[Image, ...] = ()
    url_path: str = ""
    """Path of the page URL (canonical, else og:url, else `/<slug>`)."""
    slug: str = ""
    """Last path segment without `.html` (front matter `slug` wins)."""
    slug_pos: Pos = _SLUG
    keyphrase: str | None = None
    claims: tuple[LengthClaim, ...] = ()
    disabled: frozenset[str] = frozenset()
    """Codes/prefixes suppressed by an HTML comment or front matter."""
    suppressions: tuple[Suppression, ...] = ()
    """The HTML's suppression comments (`disable=`, `disable-next-line=`) at
    their HTML lines (`pipeline.suppressions`)."""
    encoding_issue: EncodingIssue | None = None
    dropped_attributes: tuple[Pos, ...] = ()
    """Elements with over `facts_walk.MAX_ATTRIBUTES` attributes (the rest were
    not read); `text` is the element's attribute count."""
    meta: PageMeta = NO_META
    """What the content file said about the page (`PageMeta`)."""
    default_lang: str = "en"
    """Language the text is read in when the page declares none (`default-lang`)."""

    @property
    def title(self) -> Tag | None:
        """The title a browser shows (`document.title`): the first `<title>` in
        the document, also when the parser moved it into `<body>`."""
        return self.titles[0] if self.titles else None

    @property
    def description(self) -> Tag | None:
        """The meta description search engines read: the first in `<head>`."""
        return next((d for d in self.descriptions if d.in_head), None)

    @property
    def h1s(self) -> tuple[Heading, ...]:
        """Every `h1` in the page."""
        return tuple(h for h in self.headings if h.level == 1)

    @property
    def main_headings(self) -> tuple[Heading, ...]:
        """The headings inside the main content."""
        return tuple(h for h in self.headings if h.in_main)

    @functools.cached_property
    def og(self) -> Mapping[str, MetaTag]:
        """Open Graph tags by property (`og:title` …), first one wins."""
        found: dict[str, MetaTag] = {}
        for meta in self.metas:
            if meta.key.startswith("og:"):
                found.setdefault(meta.key, meta)
        return found

    @functools.cached_property
    def jsonld_types(self) -> tuple[str, ...]:
        """Sorted `@type`s of the top-level JSON-LD objects (and `@graph` members)."""
        types: set[str] = set()
        for occ in self.jsonld_graph.walk():
            if occ.top_level:
                value = occ.node.get("@type")
                types.update(t for t in listify(value) if isinstance(t, str))
        return tuple(sorted(types))

    @functools.cached_property
    def jsonld_graph(self) -> JsonLdGraph:
        """The JSON-LD as one graph: every object, nodes merged by `@id`, and
        references resolved (`pipeline.jsonld_graph`). Computed once, shared
        by the rules that read JSON-LD."""
        return build_jsonld_graph(self.jsonld)

    @functools.cached_property
    def first_paragraph(self) -> TextBlock | None:
        """The first paragraph block of the main content."""
        return next((b for b in self.blocks if b.kind is BlockKind.PARAGRAPH), None)

    @property
    def text_lang(self) -> str:
        """The language the text is read in: `lang`, else `default_lang`."""
        return self.lang or self.default_lang

    @property
    def lang_assumed(self) -> bool:
        """True when the page declares no language and `default_lang` is assumed."""
        return not self.lang

    @functools.cached_property
    def word_count(self) -> int:
        """Words of the main text (every block; quotations are not blocks):
        the one count every rule and report uses (`segmentation.text_words`)."""
        return main_word_count(b.text for b in self.blocks)

    @functools.cached_property
    def sentences(self) -> tuple[str, ...]:
        """Sentences of the prose blocks (paragraphs, list items, FAQ answers)."""
        from pipeline.readability_scores import segment

        blocks = ((b.kind.value, b.text) for b in self.blocks)
        return tuple(segment(blocks, lang=self.text_lang))

    @functools.cached_property
    def readability(self) -> ReadabilityScores | None:
        """Scores of `sentences` in `text_lang`; None when the language has no
        valid formula or there is no prose. Computed once, shared by the
        readability rules and the reports."""
        from pipeline.readability_scores import score

        return score(self.sentences, self.text_lang)

    def at(self, anchor: str, where: Located | None = None) -> Pos:
        """A location for something missing: `where` (else `<head>`) with `anchor`."""
        base = where or self.head
        return Pos("", base.line, base.column, anchor)


_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
_EMPTY_DOC = "<html><head></head><body></body></html>"
_PARSER = lxml.html.HTMLParser(huge_tree=True, remove_comments=True, remove_pis=True)


def parse(
    html: str | bytes,
    *,
    path: str = "",
    meta: PageMeta = NO_META,
    default_lang: str = "en",
) -> PageFacts:
    """Parse one page into `PageFacts`.

    `meta` (built pages, the `--keyphrase` flag) gives the slug, keyphrase,
    claimed description length and suppressions that the HTML cannot say;
    `default_lang` is the language a page without `lang` is read in.
    """
    issue: EncodingIssue | None = None
    if isinstance(html, bytes):
        html, issue = decode_html(html)
    if issue is None and "\ufffd" in html:
        line, col = locate_line_col(html, html.index("\ufffd"))
        issue = EncodingIssue(
            "text contains U+FFFD replacement characters (damaged encoding)", line, col
        )
    text = _XML_DECL.sub("", html, count=1) if html.lstrip().startswith("<?") else html
    text, dropped = cap_attributes(text)
    try:
        root = parse_tree(text if text.strip() else _EMPTY_DOC, _PARSER)
    except (etree.ParserError, ValueError):
        root = parse_tree(_EMPTY_DOC, _PARSER)
    walker = Walker(text)
    walker.walk(root)

    canonical = next((c for c in walker.canonicals if c.in_head), None)
    og_url = next((m for m in walker.metas if m.key == "og:url"), None)
    url_src: Tag | MetaTag | None = canonical or og_url
    url_path = split_url(url_src.text).path if url_src else ""
    slug = meta.slug or _slug_of(url_path) or _slug_of(path.replace("\\", "/"))
    if not url_path:
        url_path = f"/{slug}" if slug else ""
    slug_pos = Pos(
        slug,
        url_src.line if url_src else None,
        url_src.column if url_src else None,
        "slug",
    )

    claims = list(walker.claims)
    claimed = meta.description_claimed_length
    description = next((d for d in walker.descriptions if d.in_head), None)
    if claimed is not None and description is not None:
        claims.insert(
            0,
            LengthClaim(
                "description",
                description.text,
                claimed,
                description.line,
                description.column,
                "description_claimed_length",  # the front-matter field to fix
            ),
        )

    comments = scan(html)
    disabled = page_codes(comments) | meta.disabled
    return PageFacts(
        path=path,
        lang=walker.lang,
        root=walker.root_pos,
        head=walker.head_pos,
        head_end=walker.head_end,
        titles=tuple(walker.titles),
        descriptions=tuple(walker.descriptions),
        metas=tuple(walker.metas),
        canonicals=tuple(walker.canonicals),
        headings=tuple(walker.headings),
        blocks=tuple(walker.blocks),
        faq=tuple(walker.faq),
        jsonld=tuple(walker.jsonld),
        links=tuple(walker.links),
        images=tuple(walker.images),
        url_path=url_path,
        slug=slug,
        slug_pos=slug_pos,
        keyphrase=meta.keyphrase,
        claims=tuple(claims),
        disabled=frozenset(d for d in disabled if d),
        suppressions=comments,
        encoding_issue=issue,
        dropped_attributes=tuple(dropped),
        meta=meta,
        default_lang=default_lang,
    )


def _slug_of(path: str) -> str:
    """`/blog/my-post/` → `my-post`; `site/about.html` → `about`."""
    parts = [p for p in path.split("/") if p]
    if parts and parts[-1].lower() in {"index.html", "index.htm"}:
        parts.pop()
    if not parts:
        return ""
    last = unquote(parts[-1])  # a Unicode slug, as written in the content file
    return last.rsplit(".", 1)[0] if last.lower().endswith((".html", ".htm")) else last
