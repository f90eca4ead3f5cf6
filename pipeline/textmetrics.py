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
import itertools
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
    "graphemes_within",
    "max_kern_px",
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
_TRAILING_CHAR: Final = regex.compile(r"[\s\p{Pd}\p{Ps}\p{Pi},.;:!?…‥·•|/\\&]")


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


def max_kern_px(size_px: float, bold: bool = False) -> float:
    """The largest kerning adjustment of any pair, in CSS px (an upper bound
    of what joining two texts can take off their summed widths)."""
    face = _face(bold)
    largest = max((abs(k) for k in face.kern.values()), default=0)
    return largest * size_px / face.units_per_em


def _strip_trailing(text: str) -> str:
    """``text`` without trailing spaces/punctuation (``_TRAILING_CHAR``).

    Scans back from the end: a regular expression anchored at ``\\Z`` retries
    at every position of a long punctuation run (quadratic)."""
    end = len(text)
    while end and _TRAILING_CHAR.match(text, end - 1):
        end -= 1
    return text[:end]


def _longest(count: int, ok: Callable[[int], bool]) -> int:
    """Largest ``n`` in ``1..count`` with ``ok(n)``, else 0, for an ``ok`` that
    is true up to some ``n`` and false after it. Galloping then bisection:
    ``ok`` only sees prefixes up to twice the answer, a few times each, so a
    long text costs what its fitting part costs, not its square."""
    if count < 1 or not ok(1):
        return 0
    low, high = 1, 2
    while high <= count and ok(high):
        low, high = high, high * 2
    high = min(high, count + 1)  # ok(high) is false, or high is past the end
    while high - low > 1:
        mid = (low + high) // 2
        if ok(mid):
            low = mid
        else:
            high = mid
    return low


def _truncate(text: str, ellipsis: str, fits: Callable[[str], bool]) -> str:
    """Longest word-boundary prefix that fits with ``ellipsis`` appended.

    A longer prefix is never narrower nor shorter (stripping only removes
    its tail), so the longest fitting prefix is found by `_longest`."""
    words = _collapse_space(text).split(" ")

    def word_head(count: int) -> str:
        return _strip_trailing(" ".join(words[:count]))

    count = _longest(len(words) - 1, lambda n: fits(word_head(n) + ellipsis))
    head = word_head(count) if count else ""
    if head:
        return head + ellipsis
    # The first word alone does not fit: cut it between grapheme clusters,
    # read lazily (a 400 KB "word" is not split into clusters to cut 100).
    first = words[0]
    clusters = _GRAPHEME.finditer(first)
    ends: list[int] = []

    def cluster_head(count: int) -> str | None:
        """The first `count` clusters, stripped; None when the word has no
        more than `count` clusters (so no cut there)."""
        while len(ends) <= count:
            match = next(clusters, None)
            if match is None:
                return None
            ends.append(match.end())
        return _strip_trailing(first[: ends[count - 1]])

    def cluster_fits(count: int) -> bool:
        head = cluster_head(count)
        return head is not None and fits(head + ellipsis)

    count = _longest(len(first) - 1, cluster_fits)
    head = (cluster_head(count) or "") if count else ""
    if head:
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
        return graphemes_within(candidate, max_chars)

    if fits(text):
        return text
    return _truncate(text, ellipsis, fits)


def graphemes_within(text: str, limit: int) -> bool:
    """``grapheme_len(text) <= limit``, reading at most ``limit + 1`` clusters."""
    if len(text) <= limit:
        return True  # a cluster holds one code point or more
    clusters = _GRAPHEME.finditer(text)
    return next(itertools.islice(clusters, limit, None), None) is None
