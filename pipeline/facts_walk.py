"""The one walk over a parsed page that `pipeline.facts.parse` relies on.

Private to `facts`: it visits every element once, in document order, and
fills plain lists that `parse` freezes into `PageFacts`.
"""

from __future__ import annotations

import functools
import re
from typing import Any, NamedTuple

from lxml import html as lhtml

from pipeline import jsonld_parse
from pipeline.facts_types import (
    BlockKind,
    FaqEntry,
    Heading,
    Image,
    JsonLdBlock,
    LengthClaim,
    Link,
    MetaTag,
    Pos,
    Tag,
    TextBlock,
)
from pipeline.vocabulary import FAQ_HEADING_START, KEY_POINTS_CLASS

MAX_DEPTH = 200
"""Deeper elements are read as plain text (no recursion limit on odd pages)."""
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd",
    "details", "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure",
    "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr",
    "li", "main", "menu", "nav", "ol", "p", "section", "summary", "table", "tbody",
    "td", "tfoot", "th", "thead", "tr", "ul",
})  # fmt: skip
_HEAD_TAGS = frozenset({"title", "meta", "link", "script", "base", "style"})
# Never content: code, embedded documents, form controls and widgets.
_SKIP = frozenset({
    "noscript", "template", "svg", "math", "iframe", "object", "canvas", "select",
    "textarea", "button", "head", "pre",
})  # fmt: skip
_NOT_MAIN = frozenset({"nav", "header", "footer", "aside"})
_WS = re.compile(r"[ \t\n\r\f]+")
# Page furniture inside main content: not the article's text.
_FURNITURE = re.compile(
    r"(?:^|[\s_-])(breadcrumbs?|toc|table-of-contents|post-meta|entry-meta|byline"
    r"|share|sharing|social|related|comments?|cookies?|newsletter)(?:$|[\s_-])",
    re.I,
)
_TEXT_TAGS = frozenset(
    {"h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "td", "th", "a", "span"}
)
_CLAIM = re.compile(
    r"[“\"«„]([^”\"»“]{8,600})[”\"»]\s*\(\s*(\d{1,5})\s*(?:characters|chars?)\s*\)",
    re.I,
)


def collapse(text: str) -> str:
    """Collapse ASCII whitespace like a browser does (no-break spaces are kept)."""
    return _WS.sub(" ", text).strip(" \t\n\r\f")


def locate_line_col(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of a string index."""
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


@functools.lru_cache(maxsize=64)
def _tag_re(tag: str) -> re.Pattern[str]:
    return re.compile(rf"<{tag}(?=[\s/>])", re.I)


class _Ctx(NamedTuple):
    in_main: bool
    container: BlockKind | None
    faq: int
    anchor: str


class _Raw(NamedTuple):
    kind: BlockKind
    text: str
    line: int | None
    column: int | None
    anchor: str
    level: int
    faq: int
    hint: bool


class Walker:
    """Collects the facts of one page; call `walk(root)` once."""

    def __init__(self, source: str) -> None:
        self._source = source
        self._lines: list[str] | None = None
        self._cursor: dict[tuple[int, str], int] = {}
        self._roots: list[Any] = []
        self._faq_ids = 0
        self._link_chars = 0
        self._depth = 0
        self._raw: list[_Raw] = []
        self.lang: str | None = None
        self.root_pos = Pos(line=1, column=1)
        self.head_pos = Pos(line=1, column=1)
        self.titles: list[Tag] = []
        self.descriptions: list[Tag] = []
        self.metas: list[MetaTag] = []
        self.canonicals: list[Tag] = []
        self.headings: list[Heading] = []
        self.blocks: list[TextBlock] = []
        self.faq: list[FaqEntry] = []
        self.jsonld: list[JsonLdBlock] = []
        self.links: list[Link] = []
        self.images: list[Image] = []
        self.claims: list[LengthClaim] = []

    # -- locations -------------------------------------------------------
    def _col(self, el: Any, tag: str) -> int | None:
        """Column of `el`'s start tag: the next `<tag` on its source line."""
        line = el.sourceline
        if line is None:
            return None
        if self._lines is None:
            self._lines = self._source.split("\n")
        if line > len(self._lines):
            return None
        key = (line, tag)
        match = _tag_re(tag).search(self._lines[line - 1], self._cursor.get(key, 0))
        if match is None:
            return None
        self._cursor[key] = match.end()
        return match.start() + 1

    def _pos(self, el: Any, tag: str, anchor: str = "body") -> Pos:
        return Pos("", el.sourceline, self._col(el, tag), anchor)

    # -- the walk --------------------------------------------------------
    def walk(self, root: Any) -> None:
        """Visit the whole document once."""
        self.lang = (root.get("lang") or "").strip() or None
        self.root_pos = self._pos(root, "html")
        head = root.find("head")
        if head is not None:
            self.head_pos = self._pos(head, "head")
            for el in head.iter(*_HEAD_TAGS):
                self._head_tag(el, True)
        body = root.find("body")
        if body is None:
            return
        mains = body.findall(".//main")[:1] or [
            a
            for a in body.iter("article")
            if next(a.iterancestors("article"), None) is None
        ]
        self._roots = mains
        self._visit(body, body.tag, _Ctx(not mains, None, 0, "body"))
        self._finish_blocks()

    def _head_tag(self, el: Any, in_head: bool) -> None:
        tag = el.tag
        if tag == "title":
            text = collapse(el.text_content())
            self.titles.append(
                Tag(text, el.sourceline, self._col(el, tag), "title", in_head)
            )
        elif tag == "meta":
            key = el.get("name") or el.get("property") or el.get("http-equiv") or ""
            key = key.strip().lower()
            if not key:
                return
            content = collapse(el.get("content") or "")
            line, col = el.sourceline, self._col(el, tag)
            anchor = (
                "description" if key in {"description", "og:description"} else "body"
            )
            self.metas.append(MetaTag(key, content, line, col, in_head, anchor))
            if key == "description":
                self.descriptions.append(
                    Tag(content, line, col, "description", in_head)
                )
        elif tag == "link":
            rel = (el.get("rel") or "").lower().split()
            if "canonical" in rel:
                href = (el.get("href") or "").strip()
                self.canonicals.append(
                    Tag(href, el.sourceline, self._col(el, tag), "slug", in_head)
                )
        elif tag == "script":
            kind = (el.get("type") or "").split(";")[0].strip().lower()
            if kind == "application/ld+json":
                self._jsonld(el)

    def _jsonld(self, el: Any) -> None:
        raw = el.text or ""
        line, col = el.sourceline, self._col(el, "script")
        parsed = jsonld_parse.parse(raw)  # strict JSON, else a lenient repair
        err_line, err_col = line, col
        if parsed.line is not None and parsed.column is not None:
            err_line = (line or 1) + parsed.line - 1
            err_col = parsed.column
            if parsed.line == 1 and col is not None and self._lines is not None:
                start = self._lines[(line or 1) - 1].find(">", col - 1)
                err_col = start + 1 + parsed.column if start >= 0 else None
        if parsed.error is None:
            err_line = err_col = None
        self.jsonld.append(
            JsonLdBlock(
                raw,
                parsed.data,
                parsed.error,
                line,
                col,
                err_line,
                err_col,
                repair=parsed.repair,
                issues=parsed.issues,
            )
        )

    def _enter(self, el: Any, tag: str, ctx: _Ctx) -> _Ctx:
        in_main, container, faq, anchor = ctx
        if self._roots:
            if any(el is r for r in self._roots):
                in_main = True
            elif tag == "nav":
                in_main = False
        elif tag in _NOT_MAIN:
            in_main = False
        if el.get("role") == "navigation":
            in_main = False
        marks = f"{el.get('class') or ''} {el.get('id') or ''}"
        if marks != " ":
            # A heading's id such as "herpes-related-back-pain" must not read
            # as "related posts": on text elements only the class counts.
            furniture = el.get("class") or "" if tag in _TEXT_TAGS else marks
            if in_main and furniture and _FURNITURE.search(furniture):
                in_main = False
            if "faq" in marks.lower():
                self._faq_ids += 1
                faq = faq or self._faq_ids
            if KEY_POINTS_CLASS.search(marks):
                anchor = "key_points"
        if tag == "li":
            container = BlockKind.LIST_ITEM
        elif tag in ("td", "th"):
            container = BlockKind.TABLE_CELL
        if (in_main, container, faq, anchor) == ctx:
            return ctx
        return _Ctx(in_main, container, faq, anchor)

    def _visit(self, el: Any, tag: str, ctx: _Ctx) -> None:
        if self._depth >= MAX_DEPTH:
            self._flatten(el, ctx)
            return
        self._depth += 1
        try:
            self._visit_element(el, tag, ctx)
        finally:
            self._depth -= 1

    def _flatten(self, el: Any, ctx: _Ctx) -> None:
        """Past `MAX_DEPTH`, a subtree is one paragraph (its structure is lost)."""
        text = collapse(el.text_content())
        if ctx.in_main and text:
            line, col = el.sourceline, None
            self._raw.append(
                _Raw(BlockKind.PARAGRAPH, text, line, col, ctx.anchor, 0, 0, False)
            )

    def _visit_element(self, el: Any, tag: str, ctx: _Ctx) -> None:
        ctx = self._enter(el, tag, ctx)
        level = _HEADINGS.get(tag, 0)
        parts: list[str] = []
        deferred: list[Any] = []
        links_before = self._link_chars
        hint = self._gather(el, ctx, parts, deferred, level > 0)
        text = collapse("".join(parts))
        if not level and text and self._link_chars - links_before >= len(text):
            text = ""  # only links: a menu, a table of contents, tags, not prose
        if level or text:
            line, col = el.sourceline, self._col(el, tag)
            if level:
                anchor = f"heading:{text}"
                self.headings.append(
                    Heading(level, text, line, col, ctx.in_main, anchor)
                )
                kind = BlockKind.HEADING
            else:
                anchor = ctx.anchor
                kind = ctx.container or BlockKind.PARAGRAPH
            if ctx.in_main and text:
                hint = hint or tag in ("summary", "dt")
                self._raw.append(
                    _Raw(kind, text, line, col, anchor, level, ctx.faq, hint)
                )
        for child in deferred:
            self._visit(child, child.tag, ctx)

    def _gather(
        self, el: Any, ctx: _Ctx, parts: list[str], deferred: list[Any], alt: bool
    ) -> bool:
        """Append `el`'s inline text to `parts`; defer block children."""
        hint = False
        if el.text:
            parts.append(el.text)
        for child in el:
            tag = child.tag
            if not isinstance(tag, str):
                pass
            elif tag in _HEAD_TAGS:
                self._head_tag(child, False)
            elif tag in _SKIP or child.get("hidden") is not None:
                pass
            elif tag in _BLOCKS:
                deferred.append(child)
            elif tag == "br":
                parts.append(" ")
            elif tag == "img":
                image_alt = child.get("alt")
                src = child.get("src") or child.get("data-src") or ""
                self.images.append(
                    Image(src, image_alt, child.sourceline, self._col(child, tag))
                )
                if alt and image_alt:
                    parts.append(image_alt)
            elif self._depth >= MAX_DEPTH:
                parts.append(child.text_content())
            else:
                start = len(parts)
                hint = "question" in (child.get("class") or "").lower() or hint
                self._depth += 1
                hint = self._gather(child, ctx, parts, deferred, alt) or hint
                self._depth -= 1
                if tag == "a" and child.get("href") is not None:
                    text = collapse("".join(parts[start:]))
                    self._link_chars += len(text)
                    line, col = child.sourceline, self._col(child, tag)
                    rel = child.get("rel") or ""
                    self.links.append(Link(child.get("href"), text, rel, line, col))
            if child.tail:
                parts.append(child.tail)
        return hint

    # -- post-pass: FAQ items and length claims --------------------------
    def _finish_blocks(self) -> None:
        kinds = [b.kind for b in self._raw]
        anchors = [b.anchor for b in self._raw]
        faq_level = 0  # > 0 while under a "FAQ" heading of that level
        question: int | None = None
        answers: list[int] = []

        def flush() -> None:
            nonlocal question
            if question is not None and answers:
                q = self._raw[question]
                for i in answers:
                    kinds[i] = BlockKind.FAQ_ANSWER
                    anchors[i] = f"faq:{q.text}"
                if q.kind is not BlockKind.HEADING:
                    kinds[question] = BlockKind.FAQ_QUESTION
                answer = " ".join(self._raw[i].text for i in answers)
                self.faq.append(
                    FaqEntry(q.text, answer, q.line, q.column, f"faq:{q.text}")
                )
            question = None
            answers.clear()

        scope = 0
        for i, raw in enumerate(self._raw):
            if raw.level and FAQ_HEADING_START.match(raw.text):
                flush()
                faq_level, scope = raw.level, raw.faq
                continue
            if raw.level and faq_level and raw.level <= faq_level:
                flush()
                faq_level = 0
            if raw.faq != scope:
                flush()
                scope = raw.faq
            if not (raw.faq or faq_level):
                flush()
                continue
            if raw.level or raw.hint or raw.text.endswith("?"):
                flush()
                question = i
            elif question is not None:
                answers.append(i)
        flush()
        for raw, kind, anchor in zip(self._raw, kinds, anchors, strict=True):
            self.blocks.append(
                TextBlock(kind, raw.text, raw.line, raw.column, anchor, raw.level)
            )
            if "(" in raw.text:
                self._claims(raw)

    def _claims(self, raw: _Raw) -> None:
        for match in _CLAIM.finditer(raw.text):
            before = raw.text[max(0, match.start() - 80) : match.start()].lower()
            subject = (
                "description"
                if "description" in before
                else "title"
                if "title" in before
                else "text"
            )
            anchor = subject if subject != "text" else raw.anchor
            quoted, claimed = match.group(1).strip(), int(match.group(2))
            self.claims.append(
                LengthClaim(subject, quoted, claimed, raw.line, raw.column, anchor)
            )


def parse_tree(text: str, parser: lhtml.HTMLParser) -> Any:
    """`lxml.html.document_fromstring`, typed loosely (lxml has no stubs here)."""
    return lhtml.document_fromstring(text, parser=parser)
