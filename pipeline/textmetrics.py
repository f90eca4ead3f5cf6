"""Pixel-true text widths for search result titles and snippets.

Widths come from Liberation Sans (metric-compatible with Arial, the face of
Google result pages), shipped as ``pipeline/data/widths.json`` by
``scripts/gen_widths.py``: advance widths plus the font's GPOS ``kern`` pairs,
which Chromium applies by default.  Widths model what a browser lays out in a
page (pairs across spaces, such as "A " or " T", are kerned too); canvas
``measureText`` differs there because it shapes word by word.

Text is prepared the way a browser treats a block's inline text with
``white-space: normal``: runs of ASCII whitespace (space, tab, CR, LF, FF)
collapse to one space and leading/trailing whitespace is dropped; other
spaces (no-break, em space...) are kept.  Non-ASCII text is NFC-normalised
(as HarfBuzz composes base + combining mark when the font has the precomposed
glyph) and default-ignorable characters (ZWJ, variation selectors, soft
hyphen...) are invisible.  Characters the font lacks get 1 em when East Asian
wide/fullwidth and the font's average width otherwise; see
:func:`width_is_approximate`.
"""

from __future__ import annotations

import functools
import json
import operator
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from itertools import repeat
from typing import Any, Final

import regex

__all__ = [
    "DESCRIPTION_BUDGET_PX",
    "DESCRIPTION_SIZE_PX",
    "MOBILE_DESCRIPTION_BUDGET_PX",
    "TITLE_BUDGET_PX",
    "TITLE_SIZE_PX",
    "grapheme_len",
    "text_width_px",
    "truncate_to_chars",
    "truncate_to_px",
    "width_is_approximate",
]

# Google result typography (desktop): titles in Arial 20 px, snippets 14 px.
TITLE_SIZE_PX: Final = 20
DESCRIPTION_SIZE_PX: Final = 14

# Google publishes no length limit; these budgets are common SEO-tool practice,
# not a Google figure.  Titles: Screaming Frog flags > 561 px, Rank Math and
# most SERP previews use 580-600 px; 600 px is the usual outer bound of the
# desktop title column.  Descriptions: Screaming Frog 985 px, Rank Math and
# most SERP previews 920 px (about 155-160 characters) on desktop.
TITLE_BUDGET_PX: Final = 600
DESCRIPTION_BUDGET_PX: Final = 920
# Mobile snippets show about 120 characters; SERP preview tools commonly model
# that as 680 px at 14 px (e.g. SEO Snapshot's and SemlyPro's previews: 920 px
# desktop, 680 px mobile).  Again tool practice, not a published limit.
MOBILE_DESCRIPTION_BUDGET_PX: Final = 680

_DATA_PACKAGE: Final = "pipeline"
_DATA_PATH: Final = ("data", "widths.json")

# Only runs that need rewriting: 2+ whitespace characters, or a non-space one.
_WS_RUN: Final = re.compile(r"[ \t\n\r\f]{2,}|[\t\n\r\f]")
_ASCII_WS: Final = " \t\n\r\f"
_IGNORABLE: Final = regex.compile(r"\p{Default_Ignorable_Code_Point}+")
_GRAPHEME: Final = regex.compile(r"\X")
# Stripped before an ellipsis: spaces, sentence and separator punctuation,
# dashes, opening brackets/quotes.  Closing brackets/quotes, %, + etc. stay.
_TRAILING: Final = regex.compile(r"[\s\p{Pd}\p{Ps}\p{Pi},.;:!?…‥·•|/\\&]+\Z")


class _Widths(dict[str, int]):
    """Advance widths by character; looks up missing characters lazily."""

    def __init__(
        self, widths: dict[str, int], units_per_em: int, fallback: int
    ) -> None:
        super().__init__(widths)
        self.units_per_em = units_per_em
        self.fallback = fallback
        self.approximate: set[str] = set()

    def __missing__(self, char: str) -> int:
        units, approximate = self._guess(char)
        self[char] = units
        if approximate:
            self.approximate.add(char)
        return units

    def is_guess(self, char: str) -> bool:
        """True if ``char`` is not in the font and its width is a guess."""
        if char not in self:
            self.__missing__(char)
        return char in self.approximate

    def _guess(self, char: str) -> tuple[int, bool]:
        """Width of a character the font lacks, and whether it is a guess."""
        if unicodedata.category(char) in ("Mn", "Me", "Cc", "Cf"):
            return 0, False
        parts = unicodedata.normalize("NFD", char)
        if parts != char and all(p in self for p in parts):
            return sum(self[p] for p in parts), False
        if unicodedata.east_asian_width(char) in ("W", "F"):
            return self.units_per_em, True
        return self.fallback, True


@dataclass(frozen=True, slots=True)
class _Face:
    units_per_em: int
    widths: _Widths
    kern: dict[str, int]


def _unpack_widths(runs: list[list[int]]) -> dict[str, int]:
    return {chr(run[0] + i): width for run in runs for i, width in enumerate(run[1:])}


def _unpack_kern(kern: dict[str, list[int]]) -> dict[str, int]:
    return {
        chr(int(left)) + chr(flat[i]): flat[i + 1]
        for left, flat in kern.items()
        for i in range(0, len(flat), 2)
    }


@functools.cache
def _table() -> dict[str, Any]:
    """The parsed widths.json (loaded once)."""
    ref = resources.files(_DATA_PACKAGE).joinpath(*_DATA_PATH)
    data: dict[str, Any] = json.loads(ref.read_text(encoding="utf-8"))
    return data


@functools.cache
def _face(bold: bool) -> _Face:
    data = _table()
    weight = data["weights"]["bold" if bold else "regular"]
    upm = int(data["units_per_em"])
    widths = _Widths(_unpack_widths(weight["widths"]), upm, weight["fallback_width"])
    return _Face(upm, widths, _unpack_kern(weight["kern"]))


def _collapse_space(text: str) -> str:
    """Collapse ASCII whitespace runs to one space and trim, like a browser."""
    return _WS_RUN.sub(" ", text).strip(_ASCII_WS)


def _prepare(text: str) -> str:
    text = _collapse_space(text)
    if text.isascii():
        return text
    return str(_IGNORABLE.sub("", unicodedata.normalize("NFC", text)))


def _units(text: str, face: _Face) -> int:
    """Width of prepared text in font units, kerning included."""
    total = sum(map(face.widths.__getitem__, text))
    if len(text) > 1:
        # Combining accents are base glyphs in this font's GDEF, so a mark
        # between two letters breaks their pair, as it does in Chromium.
        keys = map(operator.add, text, text[1:])
        total += sum(map(face.kern.get, keys, repeat(0)))
    return total


def grapheme_len(text: str) -> int:
    """Number of user-perceived characters (extended grapheme clusters)."""
    return len(_GRAPHEME.findall(text))


def text_width_px(text: str, size_px: float, bold: bool = False) -> float:
    """Rendered width of ``text`` in CSS px at ``size_px`` (Arial metrics)."""
    face = _face(bold)
    return _units(_prepare(text), face) * size_px / face.units_per_em


def width_is_approximate(text: str, bold: bool = False) -> bool:
    """True if the font lacks a character of ``text`` and a guess was used."""
    widths = _face(bold).widths
    return any(map(widths.is_guess, set(_prepare(text))))


def _strip_trailing(text: str) -> str:
    return str(_TRAILING.sub("", text))


def _truncate(text: str, ellipsis: str, fits: Callable[[str], bool]) -> str:
    """Longest word-boundary prefix that fits with ``ellipsis`` appended."""
    words = _collapse_space(text).split(" ")
    for count in range(len(words) - 1, 0, -1):
        head = _strip_trailing(" ".join(words[:count]))
        if head and fits(head + ellipsis):
            return head + ellipsis
    # The first word alone does not fit: cut it between grapheme clusters.
    clusters = _GRAPHEME.findall(words[0])
    for count in range(len(clusters) - 1, 0, -1):
        head = _strip_trailing("".join(clusters[:count]))
        if head and fits(head + ellipsis):
            return head + ellipsis
    return ellipsis if fits(ellipsis) else ""


def truncate_to_px(
    text: str,
    budget_px: float,
    size_px: float = DESCRIPTION_SIZE_PX,
    bold: bool = False,
    ellipsis: str = "…",
) -> str:
    """Cut ``text`` at a word boundary so that it plus ``ellipsis`` fits.

    ``size_px`` defaults to the snippet size (14 px); pass ``TITLE_SIZE_PX``
    for titles.

    Text that fits is returned unchanged.  Otherwise whitespace is collapsed,
    the text is cut after the last whole word that leaves room for the
    ellipsis, and trailing punctuation/spaces before the ellipsis are dropped
    (as result pages do: "symptoms, …" becomes "symptoms…").  A word is cut
    between characters only when the first word alone does not fit.
    """

    def fits(candidate: str) -> bool:
        return text_width_px(candidate, size_px, bold) <= budget_px

    if fits(text):
        return text
    return _truncate(text, ellipsis, fits)


def truncate_to_chars(text: str, max_chars: int, ellipsis: str = "…") -> str:
    """Like :func:`truncate_to_px`, with a budget in grapheme clusters."""

    def fits(candidate: str) -> bool:
        return grapheme_len(candidate) <= max_chars

    if fits(text):
        return text
    return _truncate(text, ellipsis, fits)
