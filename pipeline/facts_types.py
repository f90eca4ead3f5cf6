"""The located facts a page is made of: headings, tags, text blocks, JSON-LD blocks…

Plain frozen values with their HTML line/column and a content-file `anchor`
(see `pipeline.findings.SourceMap`). They sit below everything that makes or
reads them: the walker (`pipeline.facts_walk`) fills them, the JSON-LD view
(`pipeline.jsonld_graph`) reads them, and `pipeline.facts.parse` gathers them
into `PageFacts`. `pipeline.facts` re-exports every name, so rules import them
from there.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Protocol

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
    "Pos",
    "Tag",
    "TextBlock",
]


class Located(Protocol):
    """Anything a problem can point at: its text and where it is."""

    @property
    def text(self) -> str: ...
    @property
    def line(self) -> int | None: ...
    @property
    def column(self) -> int | None: ...
    @property
    def anchor(self) -> str: ...


@dataclass(frozen=True, slots=True)
class Pos:
    """A bare location (for what is missing: it points where it should be)."""

    text: str = ""
    line: int | None = None
    column: int | None = None
    anchor: str = "body"


class BlockKind(StrEnum):
    """What a main-content text block is; readability segments by kind."""

    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    TABLE_CELL = "table_cell"
    HEADING = "heading"
    FAQ_QUESTION = "faq_question"
    FAQ_ANSWER = "faq_answer"


@dataclass(frozen=True, slots=True)
class TextBlock:
    """One block of visible main-content text (whitespace collapsed)."""

    kind: BlockKind
    text: str
    line: int | None
    column: int | None
    anchor: str = "body"
    level: int = 0
    """Heading level (1–6) for headings, else 0."""


@dataclass(frozen=True, slots=True)
class Heading:
    """An `h1`–`h6` anywhere in the page, in document order."""

    level: int
    text: str
    line: int | None
    column: int | None
    in_main: bool
    anchor: str = "body"


@dataclass(frozen=True, slots=True)
class Tag:
    """A `<title>`, a meta description or a canonical `<link>`."""

    text: str
    line: int | None
    column: int | None
    anchor: str
    in_head: bool


@dataclass(frozen=True, slots=True)
class MetaTag:
    """A `<meta>` with `name` or `property` (key lowercased) and `content`."""

    key: str
    text: str
    line: int | None
    column: int | None
    in_head: bool
    anchor: str = "body"


@dataclass(frozen=True, slots=True)
class Link:
    """An `<a href>`; `text` is its visible text."""

    href: str
    text: str
    rel: str
    line: int | None
    column: int | None
    anchor: str = "body"


@dataclass(frozen=True, slots=True)
class Image:
    """An `<img>`; `alt` is None when the attribute is missing."""

    src: str
    alt: str | None
    line: int | None
    column: int | None
    anchor: str = "image"

    @property
    def text(self) -> str:
        return self.src


@dataclass(frozen=True, slots=True)
class JsonLdBlock:
    """A `<script type="application/ld+json">`: parsed `data` or an `error`.

    `data` is the decoded JSON (treat it as read-only). On a syntax error,
    `error` is the decoder's message and `error_line`/`error_column` are its
    position in the HTML file; if the block could still be read the way
    lenient consumers read it (`pipeline.jsonld_parse`), `data` is that
    reading and `repair` says what was repaired, else `data` is None.
    `issues` are RFC 8259 interoperability problems (duplicate keys, numbers
    beyond binary64).
    """

    raw: str
    data: Any
    error: str | None
    line: int | None
    column: int | None
    error_line: int | None = None
    error_column: int | None = None
    anchor: str = "jsonld"
    repair: str | None = None
    issues: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        return self.raw


@dataclass(frozen=True, slots=True)
class FaqEntry:
    """A visible question and its answer (the text of the blocks that follow)."""

    question: str
    answer: str
    line: int | None
    column: int | None
    anchor: str

    @property
    def text(self) -> str:
        return self.question


@dataclass(frozen=True, slots=True)
class LengthClaim:
    """A length the content states for some text, e.g. `“…” (149 characters)`.

    `subject` is `description`, `title` or `text` (unknown); `quoted` is the
    text the claim is about.
    """

    subject: str
    quoted: str
    claimed: int
    line: int | None
    column: int | None
    anchor: str

    @property
    def text(self) -> str:
        return self.quoted


@dataclass(frozen=True, slots=True)
class EncodingIssue:
    """Bytes that were not valid UTF-8, or U+FFFD already in the text."""

    message: str
    line: int | None
    column: int | None
    anchor: str = "body"
    text: str = ""
