"""The one walk over a parsed page that `pipeline.facts.parse` relies on.

Private to `facts`: it visits every element once, in document order, and
fills plain lists that `parse` freezes into `PageFacts`.
"""

from __future__ import annotations

import functools
import re
from array import array
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
MAX_ATTRIBUTES = 1000
"""Attributes of one element that are read; the rest are blanked before parsing
(libxml2 compares each attribute with every earlier one: quadratic)."""
_ATTR = r"""(?>[\s/]++[^\s/>="']++(?>\s*+=\s*+(?>"[^"]*+"|'[^']*+'|[^\s>]++))?+)"""


@functools.lru_cache(maxsize=4)
def _many_attributes(limit: int) -> re.Pattern[str]:
    """A start tag with more than `limit` attributes; group 1: the rest."""
    return re.compile(rf"<[A-Za-z][^\s/>]*+(?>{_ATTR}{{{limit}}})((?>{_ATTR}++))")


_ONE_ATTRIBUTE = re.compile(_ATTR)
_NOT_NEWLINE = re.compile(r"[^\n]")
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd",
    "details", "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure",
    "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr",
    "li", "main", "menu", "nav", "ol", "p", "section", "summary", "table", "tbody",
    "td", "tfoot", "th", "thead", "tr", "ul",
})  # fmt: skip
_HEAD_TAGS = frozenset({"title", "meta", "link", "script", "base", "style"})
# A `<title>` under these is no HTML title element in a browser's DOM:
# `template` content is not in the document, with scripting on (browsers,
# Google's renderer) `noscript` holds raw text, and a frameset ignores it;
# iframe/textarea/xmp content is already text in lxml.
_NO_TITLE_INSIDE = frozenset({"template", "noscript", "frameset"})
# Foreign content (the HTML standard's tree construction): inside `svg` or
# `math` a `<title>` is an SVG/MathML element, except under an integration
# point or after a start tag that breaks out of foreign content.
_SVG_HTML_POINTS = frozenset({"foreignobject", "desc", "title"})
_MATH_TEXT_POINTS = frozenset({"mi", "mo", "mn", "ms", "mtext"})
_BREAKOUT = frozenset({
    "b", "big", "blockquote", "body", "br", "center", "code", "dd", "div", "dl",
    "dt", "em", "embed", "h1", "h2", "h3", "h4", "h5", "h6", "head", "hr", "i",
    "img", "li", "listing", "menu", "meta", "nobr", "ol", "p", "pre", "ruby", "s",
    "small", "span", "strong", "strike", "sub", "sup", "table", "tt", "u", "ul",
    "var",
})  # fmt: skip
# The elements HTML allows in `<head>` (the HTML standard, and Google's "Use
# valid HTML to specify page metadata"); any other ends `<head>` where it is.
_HEAD_ELEMENTS = _HEAD_TAGS | {"noscript", "template"}
_HEAD_CLOSED = re.compile(r"</head\s*>|<body(?=[\s/>])", re.I)
_HEAD_END_TAG = re.compile(r"</head\s*>", re.I)
_HTML_END = re.compile(r"</html[ \t]*>", re.I)  # no newline: lines stay true
# Before <body>, the end tags </body>, </html> and </br> end <head> in a
# browser (lxml ignores them); raw text and comments are skipped to find them.
_HEAD_SCAN = re.compile(
    r"<(script|style|title|textarea|xmp|iframe|noembed|noframes|noscript|plaintext)"
    r"(?=[\s/>])|<!--|</(body|html|br)\s*>|<body(?=[\s/>])",
    re.I,
)
_BODY_TAG = re.compile(r"<body(?=[\s/>])", re.I)
# What a browser still puts in `<head>` after `</head>` (until `<body>` or
# content): the HTML standard's "after head" insertion mode.
_AFTER_HEAD = frozenset({
    "base", "link", "meta", "script", "style", "template", "title",
})  # fmt: skip
# Never content: code, embedded documents, form controls and widgets.
_SKIP = frozenset({
    "noscript", "template", "svg", "math", "iframe", "object", "canvas", "select",
    "textarea", "button", "head", "pre",
})  # fmt: skip
_NOT_MAIN = frozenset({"nav", "header", "footer", "aside"})
_NEWLINE = re.compile("\n")
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


def cap_attributes(source: str) -> tuple[str, list[Pos]]:
    """`source` with the attributes past `MAX_ATTRIBUTES` of any element
    blanked (spaces; newlines kept, so lines and columns stay true), and
    where that happened (`Pos.text`: the element's attribute count).

    Linear: one scan, possessive patterns (no backtracking); pages without
    such an element are returned as they are."""
    found: list[Pos] = []
    pieces: list[str] = []
    last = 0
    limit = MAX_ATTRIBUTES
    for match in _many_attributes(limit).finditer(source):
        start, end = match.span(1)
        extra = sum(1 for _ in _ONE_ATTRIBUTE.finditer(source, start, end))
        line, column = locate_line_col(source, match.start())
        found.append(Pos(str(limit + extra), line, column, "body"))
        pieces += [source[last:start], _NOT_NEWLINE.sub(" ", source[start:end])]
        last = end
    if not found:
        return source, []
    pieces.append(source[last:])
    return "".join(pieces), found


def locate_line_col(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of a string index."""
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


@functools.lru_cache(maxsize=64)
def _tag_re(tag: str) -> re.Pattern[str]:
    return re.compile(rf"<{re.escape(tag)}(?=[\s/>])", re.I)


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
        self._starts: array[int] | None = None  # line start offsets (no copy)
        self._cursor: dict[tuple[int, str], int] = {}
        self._roots: list[Any] = []
        self._faq_ids = 0
        self._link_chars = 0
        self._depth = 0
        self._raw: list[_Raw] = []
        self.lang: str | None = None
        self.root_pos = Pos(line=1, column=1)
        self.head_pos = Pos(line=1, column=1)
        # <body> children a browser keeps in <head>, by id; the values keep
        # lxml's proxies alive, so an id is never reused for another element.
        self._head_run: dict[int, Any] = {}
        self._stray: tuple[int, str] | None = None
        self._order: Any = None  # for `_nth_on_line`
        self._seen: dict[int, tuple[Any, int]] = {}
        self._per_line: dict[tuple[Any, int | None], int] = {}
        self._matched: dict[tuple[str, int], tuple[int, int, int]] = {}
        self._html_children: dict[int, tuple[Any, int]] | None = None
        self._body_at = 0
        self._breakouts: dict[int, tuple[Any, dict[int, Any]]] = {}
        self.head_end: Pos | None = None
        """What ended `<head>` before `</head>` or `<body>` (text: `<iframe>`)."""
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
    def _col(self, el: Any, tag: str, *, advance: bool = True) -> int | None:
        """Column of `el`'s start tag: the next `<tag` on its source line
        (`advance=False` peeks without moving past it)."""
        line = el.sourceline
        if line is None:
            return None
        span = self._line_span(line)
        if span is None:
            return None
        start, end = span
        key = (line, tag)
        cursor = self._cursor.get(key, start)
        match = _tag_re(tag).search(self._source, cursor, end)
        if match is None:
            return None
        if advance:
            self._cursor[key] = match.end()
        return match.start() - start + 1

    def _line_span(self, line: int) -> tuple[int, int] | None:
        """Start and end index of a 1-based source line (None: no such line).

        Offsets, not `split("\\n")`: a copy of a 50 MB page per page is what
        made one-line pages cost gigabytes."""
        if self._starts is None:
            self._starts = array("q", [0])
            self._starts.extend(m.end() for m in _NEWLINE.finditer(self._source))
        if line < 1 or line > len(self._starts):
            return None
        start = self._starts[line - 1]
        end = self._starts[line] - 1 if line < len(self._starts) else len(self._source)
        return start, end

    def _pos(self, el: Any, tag: str, anchor: str = "body") -> Pos:
        return Pos("", el.sourceline, self._col(el, tag), anchor)

    # -- the walk --------------------------------------------------------
    def walk(self, root: Any) -> None:
        """Visit the whole document once."""
        self.lang = (root.get("lang") or "").strip() or None
        self.root_pos = self._pos(root, "html")
        head = root.find("head")
        body = root.find("body")
        self._stray = _stray_end_tag(self._source)
        cut = self._head_cut(root, head, body)
        closer: Any = None
        if body is not None and cut is None:
            closer = self._leading_head(body)
        # In a frameset page a browser drops what comes after the frameset.
        frameset = root.find("frameset")
        dropped = None if frameset is None else self._index(frameset)
        self._titles(root, head, cut, dropped)
        if head is not None:
            self.head_pos = self._pos(head, "head")
            for i, child in enumerate(head):
                for el in child.iter(*_HEAD_TAGS):
                    self._head_tag(el, cut is None or i < cut)
        for child in root:
            # lxml leaves head elements written between </head> and <body>
            # beside them; browsers put them in <head>.
            if child is body:
                break
            if child.tag in _AFTER_HEAD and child.tag != "title":
                self._head_tag(child, cut is None and not self._after_stray(child))
        if body is None:
            return
        if self.head_end is None and closer is not None:
            self.head_end = self._early_head_end(body, closer)
        mains = body.findall(".//main")[:1] or [
            a
            for a in body.iter("article")
            if next(a.iterancestors("article"), None) is None
        ]
        self._roots = mains
        self._visit(body, body.tag, _Ctx(not mains, None, 0, "body"))
        self._finish_blocks()

    def _head_cut(self, root: Any, head: Any, body: Any) -> int | None:
        """Index of the first child of lxml's `<head>` where a browser has
        already ended `<head>` (0: none of it is head), else None; sets
        `head_end` to what ended it.

        lxml keeps some elements in `<head>` (`<object>`, `<input>`,
        `<textarea>`…) that end it in a browser, and keeps a `<head>` that
        comes after `<body>` (browsers ignore that start tag)."""
        if head is None:
            return None
        if body is not None and root.index(head) > root.index(body):
            self.head_end = self._located("<body>", body)
            return 0
        for i, child in enumerate(head):
            tag = child.tag
            if self._after_stray(child):
                self.head_end = self._stray_pos()
                return i
            if isinstance(tag, str) and tag not in _HEAD_ELEMENTS:
                self.head_end = self._located(f"<{tag}>", child)
                return i
        return None

    def _after_stray(self, el: Any) -> bool:
        """Whether `el` comes after a stray `</body>`/`</html>`/`</br>`."""
        if self._stray is None:
            return False
        at = self._index(el)
        return at is not None and at > self._stray[0]

    def _stray_pos(self) -> Pos | None:
        if self._stray is None:
            return None
        line, col = locate_line_col(self._source, self._stray[0])
        return Pos(self._stray[1], line, col)

    def _located(self, what: str, el: Any) -> Pos:
        """`Pos(what)` at `el`'s start tag (its line alone when not found)."""
        index = self._index(el)
        if index is None:
            return Pos(what, el.sourceline, None)
        line, col = locate_line_col(self._source, index)
        return Pos(what, line, col)

    def _titles(
        self, root: Any, head: Any, cut: int | None, dropped: int | None = None
    ) -> None:
        """Every `<title>` the DOM has, in document order, wherever the parser
        put it: the first is `document.title` (the HTML standard's "first
        title element in the document"), even when an element that does not
        belong in `<head>` pushed it into `<body>`."""
        body = root.find("body")
        for el in root.iter("title"):
            col = self._col(el, "title")  # advances the column cursor in order
            ancestors = list(el.iterancestors())  # innermost first
            foreign = _foreign_root(ancestors)
            if foreign is False:
                continue
            if foreign is not None:
                key = id(foreign)
                if key not in self._breakouts:
                    self._breakouts[key] = (foreign, _titles_after_breakout(foreign))
                if id(el) not in self._breakouts[key][1]:
                    continue  # an SVG or MathML title
            at = None if col is None else self._offset(el.sourceline or 1) + col - 1
            if dropped is not None and at is not None and at > dropped:
                continue  # after a <frameset>
            top = ancestors[-3] if len(ancestors) > 2 else el  # <html>'s grandchild
            in_head = False
            if head is not None and len(ancestors) >= 2 and ancestors[-2] is head:
                in_head = cut is None or head.index(top) < cut
            elif id(top) in self._head_run:
                in_head = True
            elif len(ancestors) == 1:  # beside lxml's <head> and <body>
                before_body = body is None or self._before_body(el)
                in_head = cut is None and before_body and not self._after_stray(el)
            text = collapse(el.text_content())
            self.titles.append(Tag(text, el.sourceline, col, "title", in_head))

    def _before_body(self, el: Any) -> bool:
        """Whether a child of `<html>` comes before lxml's `<body>`."""
        if self._html_children is None:
            html = el.getparent()
            self._html_children = {id(c): (c, i) for i, c in enumerate(html)}
            body = html.find("body")
            self._body_at = len(html) if body is None else html.index(body)
        mine = self._html_children.get(id(el))
        return mine is not None and mine[1] < self._body_at

    def _nth_on_line(self, el: Any) -> int | None:
        """How many elements of `el`'s tag start before it on its line.

        One document-order pass shared by all calls (linear, not one pass
        per call); iter() unfiltered: lxml refuses a tag name with control
        characters as a filter (fuzz/regressions/check-control-char-tag-name.html).
        """
        if self._order is None:
            self._order = el.getroottree().iter()
        seen = self._seen
        while id(el) not in seen:
            other = next(self._order, None)
            if other is None:
                return None
            key = (other.tag, other.sourceline)
            seen[id(other)] = (other, self._per_line.get(key, 0))
            self._per_line[key] = seen[id(other)][1] + 1
        return int(seen[id(el)][1])

    def _index(self, el: Any) -> int | None:
        """String index of `el`'s start tag in the source (None: unknown): the
        n-th `<tag` on its line, n counted over the tree (no cursor needed)."""
        line, tag = el.sourceline, el.tag
        span = self._line_span(line) if line is not None else None
        if span is None:
            return None
        nth = self._nth_on_line(el)
        if nth is None:
            return None
        # Continue from the last match found on this line for this tag (calls
        # come in document order: linear even when the page is one line).
        done, found, end = self._matched.get((tag, line), (-1, -1, span[0]))
        if done > nth:
            done, found, end = -1, -1, span[0]
        pattern = _tag_re(tag)
        while done < nth:
            match = pattern.search(self._source, end, span[1])
            if match is None:
                return None
            done, found, end = done + 1, match.start(), match.end()
            self._matched[(tag, line)] = (done, found, end)
        return found

    def _leading_head(self, body: Any) -> Any:
        """Fill `_head_run` with the first children of lxml's `<body>` that a
        browser keeps in `<head>`, and return what follows them: the element
        or text (a str) that opened the body, else None.

        libxml2 opens the body at a `<noscript>` when `<head>` was not
        written, and at head elements written after `</head>`; browsers put
        both in `<head>` until `<body>` or content comes."""
        text = collapse(body.text or "")
        if text:
            return text
        never = len(self._source)
        found = _BODY_TAG.search(self._source)
        body_tag = found.start() if found else never
        found = _HEAD_END_TAG.search(self._source)
        head_end_tag = found.start() if found else never
        stray = self._stray[0] if self._stray is not None else never
        for child in body:
            tag = child.tag
            if not isinstance(tag, str):
                continue
            if tag not in _AFTER_HEAD and tag != "noscript":
                return child
            at = self._index(child)
            if at is None or at > body_tag or at > stray:
                return child
            if tag == "noscript" and at > head_end_tag:
                return child  # after </head>, <noscript> opens the body
            self._head_run[id(child)] = child
            tail = collapse(child.tail or "")
            if tail:
                return tail
        return None

    def _early_head_end(self, body: Any, closer: Any) -> Pos | None:
        """Where the element (or text) `closer` that opened the body ended
        `<head>` before the page's own `</head>` or `<body>`: browsers and
        Google close `<head>` at the first thing that does not belong there."""
        before: int | None
        if isinstance(closer, str):
            word = closer.split(" ", 1)[0][:40]  # collapsed text: find its start
            before = self._source.find(word, self._offset(body.sourceline or 1))
            what = f"text “{closer[:40]}”"
        else:
            before, what = self._index(closer), f"<{closer.tag}>"
        if before is None or before < 0:
            return None
        if self._stray is not None and self._stray[0] < before:
            return self._stray_pos()
        line, col = locate_line_col(self._source, before)
        if _HEAD_CLOSED.search(self._source, 0, before):
            return None  # `<head>` was closed by the page itself
        return Pos(what, line, col)

    def _offset(self, line: int) -> int:
        """String index of the start of a 1-based source line."""
        span = self._line_span(line)
        return span[0] if span is not None else len(self._source)

    def _head_tag(self, el: Any, in_head: bool) -> None:
        tag = el.tag
        if tag == "title":
            pass  # collected by `_titles`, with the ones a parser moved
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
            span = self._line_span(line or 1)
            if parsed.line == 1 and col is not None and span is not None:
                start = self._source.find(">", span[0] + col - 1, span[1])
                err_col = start - span[0] + 1 + parsed.column if start >= 0 else None
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
        if el.get("role") == "navigation" or tag == "blockquote":
            in_main = False  # a quotation is not the author's text (as in Yoast)
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
                self._head_tag(child, id(child) in self._head_run)
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


@functools.lru_cache(maxsize=16)
def _end_tag_re(tag: str) -> re.Pattern[str]:
    return re.compile(rf"</{tag}\s*>", re.I)


def _stray_end_tag(source: str) -> tuple[int, str] | None:
    """Index and text of the first `</body>`, `</html>` or `</br>` before any
    `<body>` tag, outside raw text and comments (it ends `<head>` in a
    browser), else None. Linear: raw-text elements are jumped over."""
    pos = 0
    while (match := _HEAD_SCAN.search(source, pos)) is not None:
        raw, stray = match.group(1), match.group(2)
        if raw:
            if raw.lower() == "plaintext":
                return None
            end = _end_tag_re(raw.lower()).search(source, match.end())
            if end is None:
                return None
            pos = end.end()
        elif match.group().startswith("<!--"):
            close = source.find("-->", match.end())
            if close < 0:
                return None
            pos = close + 3
        elif stray:
            return match.start(), f"</{stray.lower()}>"
        else:
            return None  # <body>: the head is over anyway
    return None


def _foreign_root(ancestors: list[Any]) -> Any:
    """For a `<title>` with these ancestors (innermost first): False when a
    browser's DOM has no such title element (template, noscript, frameset),
    the `<svg>`/`<math>` whose SVG/MathML title it is, or None for an HTML
    title (which `document.title` reads)."""
    space, root = "html", None
    for el in reversed(ancestors):
        tag = el.tag
        if not isinstance(tag, str):
            continue
        if tag in _NO_TITLE_INSIDE:
            return False
        if space == "html":
            if tag in ("svg", "math"):
                space, root = tag, el
        elif _breaks_out(el) or _html_inside(space, tag, el):
            space, root = "html", None
    return root


def _titles_after_breakout(root: Any) -> dict[int, Any]:
    """The `<title>`s in a foreign `root` that follow a start tag ending
    foreign content (a browser leaves the `<svg>` there; lxml keeps it, and
    what follows, inside), by id; one pass per root."""
    space = root.tag
    found: dict[int, Any] = {}
    out = False
    for el in root.iterdescendants():
        if out and el.tag == "title":
            found[id(el)] = el
        elif not out and _breaks_out(el):
            out = not any(
                _html_inside(space, a.tag, a)
                for a in el.iterancestors()
                if a is not root and root in a.iterancestors()
            )
    return found


def _breaks_out(el: Any) -> bool:
    """A start tag that ends foreign content (the HTML standard's list)."""
    tag = el.tag
    if tag == "font":
        return any(el.get(a) is not None for a in ("color", "face", "size"))
    return isinstance(tag, str) and tag in _BREAKOUT


def _html_inside(space: str, tag: str, el: Any) -> bool:
    """Whether a foreign element is an HTML integration point (its children
    are HTML): SVG `foreignObject`/`desc`/`title`, MathML text elements, and
    MathML `annotation-xml` that declares HTML."""
    if space == "svg":
        return tag in _SVG_HTML_POINTS
    if tag == "annotation-xml":
        encoding = (el.get("encoding") or "").lower()
        return encoding in ("text/html", "application/xhtml+xml")
    return tag in _MATH_TEXT_POINTS


def parse_tree(text: str, parser: lhtml.HTMLParser) -> Any:
    """`lxml.html.document_fromstring`, typed loosely (lxml has no stubs here).

    `</html>` end tags are blanked first (same length, so lines and columns
    hold): libxml2 drops everything after one, where browsers put it in the
    body (a `<title>`, JSON-LD or a whole article written after `</html>`)."""
    if "</" in text:
        text = _HTML_END.sub(lambda m: " " * len(m.group()), text)
    root = lhtml.document_fromstring(text, parser=parser)
    body = root.find("body")
    if body is not None:
        # What lxml leaves after <body> (written after `</body>`) is body
        # content in a browser's DOM.
        for child in list(root)[root.index(body) + 1 :]:
            if child.tag not in ("head", "frameset"):
                body.append(child)
    return root
