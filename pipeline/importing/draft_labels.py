"""IMPORT drafts: labelled metadata lines (`Meta description (155 chars): …`).

Recognises the label of a `Label: value` line (meta description with its
claimed length, slug, keyphrase, author, dates, language, Q:/A:, editor
notes) and parses a value into the type its front-matter field wants.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from pipeline.importing.common import iso_date, slug_or_none
from pipeline.models import LANG_RE

LABEL_RE = re.compile(
    r"^[*_]{0,2}(?P<label>[^\W\d_][\w' /&-]{0,40}?)\s*(?:\((?P<n>\d+)\s*(?:char\w*|zeichen|caracteres|caractères|caratteri|tekens)\))?"
    r"\s*[*_]{0,2}\s*[:：]\s*[*_]{0,2}\s*(?P<value>.*)$"
)
CLAIMED_RE = re.compile(
    r"\s*(?:[(\[]\s*(?P<a>\d+)\s*(?:characters?|chars?|zeichen|caracteres|caractères|caratteri|tekens)\s*[)\]]|"
    r"[-–—]\s*(?P<b>\d+)\s*(?:characters?|chars?|zeichen|caracteres|caractères|caratteri|tekens))\s*\.?$",
    re.IGNORECASE,
)
QUOTES_OPEN = "\"'“”„«‘‚"
QUOTES_CLOSE = "\"'”“»’‘"

# Labels of metadata lines → front-matter field (None: an editor note, not content).
LABELS: dict[str, str | None] = {
    "title": "title",
    "meta description": "description",
    "description": "description",
    "slug": "slug",
    "url slug": "slug",
    "url": "slug",
    "keyphrase": "keyphrase",
    "focus keyphrase": "keyphrase",
    "focus keyword": "keyphrase",
    "primary keyword": "keyphrase",
    "target keyword": "keyphrase",
    "keyword": "keyphrase",
    "author": "author",
    "written by": "author",
    "date": "date",
    "published": "date",
    "publication date": "date",
    "updated": "updated",
    "last updated": "updated",
    "language": "lang",
    "lang": "lang",
    "tl;dr": "key_points",
    "tldr": "key_points",
    "question": "question",
    "q": "question",
    "answer": "answer",
    "a": "answer",
    "word count": None,
    "seo title": None,
    "title tag": None,
    "meta title": None,
    "tags": None,
    "category": None,
    "categories": None,
    "image": None,
    "image prompt": None,
    "featured image": None,
    "alt text": None,
    "internal links": None,
    "external links": None,
    "reading time": None,
    "target audience": None,
    "tone": None,
    "note to editor": None,
    "editor's note": None,
}
LABEL_NOISE_RE = re.compile(
    r"\b(?:suggested|suggestion|recommended|proposed|proposal)\b", re.I
)


@dataclass(frozen=True, slots=True)
class LabelLine:
    """A `Label: value` line: its target field, its own value, a claimed length.

    target: a front-matter field, `question`, `answer`, or None (an editor note).
    """

    target: str | None
    value: str
    claimed: int | None


def label_kind(stripped: str) -> str | None:
    """The canonical label of a `Label: value` metadata line, if it is one."""
    m = LABEL_RE.match(stripped)
    return _canonical(m["label"]) if m else None


def read_label(stripped: str) -> LabelLine | None:
    """The parts of a labelled line, or None when it is not one."""
    m = LABEL_RE.match(stripped)
    label = _canonical(m["label"]) if m else None
    if m is None or label is None:
        return None
    claimed = int(m["n"]) if m["n"] else None
    return LabelLine(LABELS[label], m["value"].strip(), claimed)


def _canonical(label: str) -> str | None:
    """`Suggested Meta-Description` → `meta description`; `Q3` → `q`; else None."""
    label = LABEL_NOISE_RE.sub("", label.replace("-", " ")).strip().lower()
    label = re.sub(r"\s+", " ", label)
    if label in LABELS:
        return label
    if re.fullmatch(r"q\d+", label):
        return "q"
    if re.fullmatch(r"a\d+", label):
        return "a"
    return None


def description_value(value: str, claimed: int | None) -> tuple[str, int | None]:
    """Unquote a meta description; a trailing `(155 characters)` is its claim."""
    m = CLAIMED_RE.search(value)
    if m:
        value, claimed = value[: m.start()].strip(), int(m["a"] or m["b"])
    return _unquote(value), claimed


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] in QUOTES_OPEN and value[-1] in QUOTES_CLOSE:
        return value[1:-1].strip()
    return value


def parse_value(target: str, value: str) -> Any:
    """A metadata value in the type the model wants, or None if it does not fit."""
    if target in ("date", "updated"):
        return parse_date(value)
    if target == "slug":
        return slug_or_none(value.rstrip("/").rsplit("/", 1)[-1].removesuffix(".html"))
    if target == "lang":
        return value if LANG_RE.match(value) else None
    if target == "author":
        return {"name": value}
    return value


def parse_date(value: str) -> dt.date | None:
    """`2024-05-01`, `May 1, 2024` or `1 May 2024` (full or short month name)."""
    if re.match(r"\d{4}-\d{2}-\d{2}", value):
        return iso_date(value)
    for fmt in ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y"):
        try:
            return dt.datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    return None
