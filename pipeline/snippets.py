"""SNIPPETS: how a title or meta description looks in a result page, and fitting.

Pure functions over `pipeline.textmetrics` (pixel widths of Arial-metric
Liberation Sans, grapheme counts, word-boundary truncation):

* :func:`measure` counts characters and pixels against a budget and cuts the
  desktop and mobile previews where a result page would.
* :func:`fit` proposes the longest text that fits *both* the character and
  the pixel budget: whole sentences first (a keyphrase-bearing one leading
  when a keyphrase is set), else a word-boundary cut with "…" that never ends
  on a dangling article, conjunction or preposition.

Budgets come from the check profiles (`pipeline.profiles`), so `meta`,
`build` and the length rules agree on the numbers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final

from pipeline.profiles import Kind, SnippetLimits, limits_for
from pipeline.textmetrics import (
    DESCRIPTION_SIZE_PX,
    TITLE_SIZE_PX,
    grapheme_len,
    graphemes_within,
    max_kern_px,
    text_width_px,
    truncate_to_chars,
    truncate_to_px,
    width_is_approximate,
)

__all__ = [
    "KINDS",
    "MIN_FILL",
    "Kind",
    "Measurement",
    "SnippetLimits",
    "fit",
    "fit_first",
    "limits_for",
    "measure",
]

KINDS: Final[tuple[Kind, ...]] = ("title", "description")
ELLIPSIS: Final = "…"

MIN_FILL: Final = 0.6
"""Whole sentences win over a cut text only if they fill this share of the budget."""
MAX_LEADS: Final = 32
"""Sentences tried as the lead before falling back to a cut: with every lead
tried, a long text of sentences just too long to pair was quadratic."""

# Words a cut text must not end on (English): articles, conjunctions,
# prepositions, possessive determiners and list openers.
DANGLING: Final = frozenset(
    "a an the and or nor but so yet for as than that which who whose whether if "
    "because while when where although though of to in on at by from with into "
    "onto upon over under about above below after before between among through "
    "during without within via per like including such its their our your my his "
    "her this these those".split()
)
_TITLE_SEPARATOR: Final = re.compile(r"\s+[|·•–—-]\s+|:\s+")
# Only runs that need rewriting (2+ characters, or one that is not a space):
# replacing every single space rebuilt the whole text for nothing.
_ASCII_SPACE: Final = re.compile(r"[ \t\n\r\f]{2,}|[\t\n\r\f]")
_WORD: Final = re.compile(r"\w+")
_TAIL: Final = " \t,;:–—-‒/([{“‘«\"'&"


def size_px(kind: Kind) -> int:
    """Font size of the kind on a result page: 20 px titles, 14 px snippets."""
    return TITLE_SIZE_PX if kind == "title" else DESCRIPTION_SIZE_PX


@dataclass(frozen=True, slots=True)
class Measurement:
    """A text measured against its budget, with the previews as they would be cut."""

    text: str
    kind: Kind
    chars: int
    px: float
    max_chars: int
    max_px: float
    size_px: int
    approximate: bool
    """True when the font lacks a character and its width was guessed."""
    desktop: str
    """The text as a desktop result page shows it (cut at `max_px`)."""
    mobile: str
    """The text as a mobile result page shows it (descriptions: 680 px)."""

    @property
    def fits_chars(self) -> bool:
        """Within the character budget."""
        return self.chars <= self.max_chars

    @property
    def fits_px(self) -> bool:
        """Within the pixel budget."""
        return self.px <= self.max_px

    @property
    def fits(self) -> bool:
        """Within both budgets."""
        return self.fits_chars and self.fits_px

    def as_dict(self) -> dict[str, Any]:
        """Plain data for JSON output."""
        return {
            "kind": self.kind,
            "text": self.text,
            "chars": self.chars,
            "max_chars": self.max_chars,
            "px": round(self.px, 1),
            "max_px": self.max_px,
            "size_px": self.size_px,
            "approximate": self.approximate,
            "fits_chars": self.fits_chars,
            "fits_px": self.fits_px,
            "fits": self.fits,
            "preview": {"desktop": self.desktop, "mobile": self.mobile},
        }


def clean(text: str) -> str:
    """Collapse ASCII whitespace runs and trim, as a browser lays text out."""
    return _ASCII_SPACE.sub(" ", text).strip()


def measure(text: str, kind: Kind, limits: SnippetLimits) -> Measurement:
    """Characters, pixels and previews of a title or description."""
    text = clean(text)
    size = size_px(kind)
    max_px = limits.max_px(kind)
    return Measurement(
        text=text,
        kind=kind,
        chars=grapheme_len(text),
        px=text_width_px(text, size),
        max_chars=limits.max_chars(kind),
        max_px=max_px,
        size_px=size,
        approximate=width_is_approximate(text),
        desktop=truncate_to_px(text, max_px, size),
        mobile=truncate_to_px(text, limits.max_px(kind, mobile=True), size),
    )


@dataclass(frozen=True, slots=True)
class _Budget:
    max_chars: int
    max_px: float
    size: int

    def fits(self, text: str) -> bool:
        return (
            graphemes_within(text, self.max_chars)
            and text_width_px(text, self.size) <= self.max_px
        )

    def fill(self, text: str) -> float:
        """How full the tighter budget is (1.0: exactly full)."""
        return max(
            grapheme_len(text) / self.max_chars,
            text_width_px(text, self.size) / self.max_px,
        )


def fit(
    source: str | Sequence[str],
    kind: Kind,
    limits: SnippetLimits,
    keyphrase: str | None = None,
) -> str:
    """The longest version of `source` that fits both budgets of `kind`.

    `source` is one text, returned unchanged (whitespace collapsed) when it
    fits, or blocks to compose from, in source order (e.g. the intro's
    paragraphs, then the key points). Otherwise, in order:

    1. whole sentences: a lead sentence followed by the other sentences, in
       source order, that still fit; taken when it fills at least `MIN_FILL`
       of the tighter budget. With a keyphrase, only sentences holding it
       lead (the exact phrase first, then all its words; earliest first)
       when any does. A title is instead cut at its last separator
       (`|`, `–`, `-`, `:`) that fits.
    2. a word-boundary cut (of the first lead's order) with "…", never
       ending on a cut word or a dangling article, conjunction or preposition.
    """
    blocks = [clean(source)] if isinstance(source, str) else [clean(b) for b in source]
    blocks = [b for b in blocks if b]
    if not blocks:
        return ""
    budget = _Budget(limits.max_chars(kind), limits.max_px(kind), size_px(kind))
    whole = " ".join(blocks)
    if kind == "title":
        return whole if budget.fits(whole) else _fit_title(whole, budget)
    if len(blocks) == 1 and budget.fits(whole):
        return whole
    pool = _sentences(blocks)
    leads = _lead_order(pool, keyphrase)
    sizes = _Sizes(pool, budget)
    tried = 0
    for lead in leads:
        if not sizes.fits[lead]:
            continue
        if tried == MAX_LEADS:
            break
        tried += 1
        chosen = _fill(pool, lead, budget, sizes)
        if budget.fill(chosen) >= MIN_FILL:
            return chosen
    first = leads[0]
    ordered = " ".join([pool[first], *(s for i, s in enumerate(pool) if i != first)])
    return _cut(ordered, budget)


def fit_first(
    sources: Sequence[str | Sequence[str]],
    kind: Kind,
    limits: SnippetLimits,
    keyphrase: str | None = None,
) -> str:
    """:func:`fit` the first source that yields whole sentences, else cut the first.

    For a writer's over-budget description: their own sentences win, then
    the intro and key points; a cut of the writer's text is the last resort.
    """
    fitted = [fit(source, kind, limits, keyphrase) for source in sources]
    whole = [text for text in fitted if text and not text.endswith(ELLIPSIS)]
    return whole[0] if whole else next((t for t in fitted if t), "")


def _fit_title(title: str, budget: _Budget) -> str:
    """The longest part before a separator that fits, else a word-boundary cut.

    Parts grow with the separator's position, so the scan stops at the first
    that does not fit: no part longer than that is ever measured."""
    best = ""
    for match in _TITLE_SEPARATOR.finditer(title):
        head = title[: match.start()]
        if not head:
            continue
        if not budget.fits(head):
            break
        best = head
    if best and budget.fill(best) >= MIN_FILL:
        return best
    return _cut(title, budget)


def _sentences(blocks: Sequence[str]) -> list[str]:
    """Sentences of every block in order, duplicates dropped."""
    from pipeline.readability_scores import split_sentences  # textstat: import on use

    seen: set[str] = set()
    pool: list[str] = []
    for block in blocks:
        for sentence in split_sentences(block) or [block]:
            key = sentence.casefold()
            if key not in seen:
                seen.add(key)
                pool.append(sentence.strip())
    return pool


def _lead_order(pool: Sequence[str], keyphrase: str | None) -> list[int]:
    """Indexes of sentences in the order they are tried as the lead."""
    order = list(range(len(pool)))
    words = _words(keyphrase or "")
    if not words:
        return order

    def rank(index: int) -> int:
        tokens = _words(pool[index])
        n = len(words)
        if any(tokens[i : i + n] == words for i in range(len(tokens) - n + 1)):
            return 0
        return 1 if set(words) <= set(tokens) else 2

    ranks = {index: rank(index) for index in order}
    with_phrase = [i for i in sorted(order, key=ranks.__getitem__) if ranks[i] < 2]
    return with_phrase or order


def _words(text: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(text)]


class _Sizes:
    """Each sentence measured once: whether it fits alone, its characters and
    pixels; and a bound of what joining two texts with a space can save."""

    def __init__(self, pool: Sequence[str], budget: _Budget) -> None:
        self.chars = [grapheme_len(s) for s in pool]
        self.px = [text_width_px(s, budget.size) for s in pool]
        self.fits = [
            c <= budget.max_chars and p <= budget.max_px
            for c, p in zip(self.chars, self.px, strict=True)
        ]
        # "a" + " " + "b" is at least chars(a) + chars(b) - 1 graphemes (the
        # space can join a cluster on either side) and px(a) + px(b) less two
        # kerning pairs wide.
        self.px_slack = 2 * max_kern_px(budget.size)


def _fill(pool: Sequence[str], lead: int, budget: _Budget, sizes: _Sizes) -> str:
    """The lead sentence plus every later-listed sentence that still fits.

    A sentence is measured joined to the others only when its own size, with
    the most that joining can save, leaves it a chance: linear in the pool."""
    chosen = pool[lead]
    chars, px = sizes.chars[lead], sizes.px[lead]
    for index, sentence in enumerate(pool):
        if index == lead or not sizes.fits[index]:
            continue
        if chars + sizes.chars[index] - 1 > budget.max_chars:
            continue
        if px + sizes.px[index] - sizes.px_slack > budget.max_px:
            continue
        candidate = f"{chosen} {sentence}"
        if budget.fits(candidate):
            chosen = candidate
            chars = grapheme_len(chosen)
            px = text_width_px(chosen, budget.size)
    return chosen


def _cut(text: str, budget: _Budget) -> str:
    """Word-boundary cut with "…" that fits both budgets and ends on a real word."""
    by_px = truncate_to_px(text, budget.max_px, budget.size, ellipsis=ELLIPSIS)
    by_chars = truncate_to_chars(text, budget.max_chars, ellipsis=ELLIPSIS)
    cut = min(by_px, by_chars, key=grapheme_len)  # word prefixes nest
    if cut == text or not cut.endswith(ELLIPSIS):
        return cut
    words = cut.removesuffix(ELLIPSIS).split(" ")
    while len(words) > 1 and words[-1].strip(_TAIL + ".!?").casefold() in DANGLING:
        words.pop()
    return " ".join(words).rstrip(_TAIL + ".!?") + ELLIPSIS
