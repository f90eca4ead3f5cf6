"""Sentences and words of running text, in linear time, per language.

Sentences
---------
:func:`split_sentences` uses pysbd (rule-based sentence boundary detection,
offline, 22 languages) where pysbd supports the language, and a small
hand-written splitter (:func:`fallback_split`) everywhere else. Two fixes
are applied to pysbd's output, because pysbd splits inside some common
abbreviations of its own languages: a piece that starts with a lowercase
letter is joined to the one before it (Spanish "p. | ej. el herpes"), and
so is a piece after a title or reference abbreviation of the language
(French "Le Dr. | Martin", "Voir p. | 12"). German "z. B." stays one
sentence and "am 3. Oktober" does not split, but "S. 14. Was hilft?" does:
pysbd reads a number and period before a capital as an ordinal, so a German
piece is split again where a capitalised function word ("Was", "Die")
follows one.

Linear time. pysbd's cost grows with the square of its input (8,000 short
sentences in one paragraph take minutes), so a long text is cut into chunks
of about :data:`CHUNK_CHARS` characters at *safe* boundaries only -- terminal
punctuation after an ordinary word of three or more letters that is not an
abbreviation of the language, followed by a capital letter -- and pysbd runs
on each chunk. A chunk that finds no safe boundary within
:data:`PYSBD_MAX_CHARS` (a run of "Go. Go. Go.") is split by the fallback
splitter, which is linear.

Words
-----
:func:`text_words` splits on whitespace, hyphens and dashes, as Yoast's
tokenizer does ("herpes-related" is two words), and keeps every token with a
letter or digit. :func:`main_word_count` is the one word count of a page's
main text that every rule and report uses.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, Final

from pipeline.function_words import function_words

if TYPE_CHECKING:
    import pysbd

__all__ = [
    "CHUNK_CHARS",
    "PYSBD_LANGUAGES",
    "PYSBD_MAX_CHARS",
    "fallback_split",
    "lang_root",
    "main_word_count",
    "split_sentences",
    "text_words",
]

#: Target size of the pieces handed to pysbd.
CHUNK_CHARS: Final = 1500
#: Longest piece handed to pysbd; longer pieces use the fallback splitter.
PYSBD_MAX_CHARS: Final = 3000
#: Languages pysbd 0.3 segments (ISO 639-1).
PYSBD_LANGUAGES: Final = frozenset(
    "am ar bg da de el en es fa fr hi hy it ja kk mr my nl pl ru sk ur zh".split()
)


def lang_root(lang: str | None) -> str:
    """`de-AT`, `de_at`, `DE` → `de`; empty for None."""
    return (lang or "").strip().replace("_", "-").split("-")[0].lower()


# --- words --------------------------------------------------------------------

# Yoast's word separators (whitespace, no-break space, hyphen, en/em dash,
# square brackets) plus the Unicode hyphens and the horizontal bar.
_WORD_SPLIT: Final = re.compile(
    r"[\s\u00a0\-\u2010\u2011\u2012\u2013\u2014\u2015\[\]]+"
)
_HAS_WORD: Final = re.compile(r"[^\W_]")


def text_words(text: str) -> list[str]:
    """Words of running text: split on whitespace, hyphens and dashes; tokens
    without a letter or digit (punctuation, symbols) are not words."""
    return [t for t in _WORD_SPLIT.split(text) if _HAS_WORD.search(t)]


def main_word_count(texts: Iterable[str]) -> int:
    """Words of several blocks of text (see :func:`text_words`)."""
    return sum(len(text_words(t)) for t in texts)


# --- abbreviations that do not end a sentence ----------------------------------

# Titles and Latin abbreviations that (practically) never end a sentence.
_NEVER_FINAL: Final[dict[str, frozenset[str]]] = {
    "en": frozenset(
        "mr mrs ms dr prof sr jr st mt vs e.g i.e cf viz approx ca fig figs eq".split()
    ),
    "de": frozenset(
        "dr prof hr fr frl med dipl ing bzw ca vgl evtl ggf inkl zzgl bzgl sog "
        "z.b z d.h u.a u.ä o.ä i.d.r i.a s.o s.u usf".split()
    ),
    "fr": frozenset(
        "m mm mme mmes mlle mlles dr pr me mgr st ste cf p.ex ex env c.-à-d "
        "av bd vol chap".split()
    ),
    "es": frozenset(
        "sr sra sres srta dr dra d dña ud uds vd vds lic ing prof p.ej ej aprox "
        "pág págs cap núm av avda vol".split()
    ),
    "it": frozenset("sig sigg dott dr prof ing avv ecc es pag cap vol".split()),
    "pt": frozenset("sr sra srta dr dra prof eng pág cap vol ex".split()),
    "nl": frozenset("dhr mevr mr dr prof ir ing bijv bv vgl ca resp o.a d.w.z".split()),
}
# Abbreviations that do not end a sentence when a number follows ("No. 5").
_BEFORE_NUMBER: Final[dict[str, frozenset[str]]] = {
    "en": frozenset("no nos p pp vol ch sec art op".split()),
    "de": frozenset("nr s abb abs art kap bd tab ziff".split()),
    "fr": frozenset("p pp n no art chap fig vol t".split()),
    "es": frozenset("p pp n no nº núm art cap fig vol".split()),
    "it": frozenset("p pp n art cap fig vol".split()),
    "pt": frozenset("p pp n nº art cap fig vol".split()),
    "nl": frozenset("p pp nr art fig blz".split()),
}
_OPENERS: Final = "\"'“‘«([{¿¡„"
_CLOSERS: Final = "\"'”’»)]}"


def _last_token(text: str, end: int) -> str:
    """The whitespace-delimited token ending at `end` (lowercase, no final '.',
    no opening quotes), found by scanning back only over that token."""
    start = text.rfind(" ", 0, end) + 1
    return text[start:end].lstrip(_OPENERS).rstrip(_CLOSERS).rstrip(".").lower()


def _holds(prev: str, nxt: str, lang: str) -> bool:
    """Whether a piece ending in `prev` must be joined to the piece `nxt`."""
    if not nxt:
        return False
    first = nxt.lstrip(_OPENERS)[:1]
    if first.islower():  # "p. | ej. el herpes"
        return True
    if first == "-" and nxt[1:2].isalpha():  # "c. | -à-d. deux" (not "- item")
        return True
    if not prev.rstrip(_CLOSERS).endswith("."):
        return False
    token = _last_token(prev, len(prev))
    if token in _NEVER_FINAL.get(lang, frozenset()):
        return True
    return first.isdigit() and token in _BEFORE_NUMBER.get(lang, frozenset())


# --- fallback splitter (linear) -------------------------------------------------

# A run of terminal punctuation, optional closing quotes/brackets, then a space.
_CANDIDATE: Final = re.compile(r"[.!?…]+[\"'”’»)\]}]*(?= )")
_FOLLOWING: Final = re.compile(r" *[\"'“‘«(\[{¿¡„]*")
_NEXT_WORD: Final = re.compile(r"[^\W_]*")
# U.S, e.g, a.m, Ph.D (the final period is the candidate itself).
_INITIALISM: Final = re.compile(r"(?:[^\W\d_]{1,2}\.)+[^\W\d_]{1,2}")
# After an initialism ("U.S."), only these capitalised words start a sentence:
# "in the U.S. The drug..." splits, "U.S. Food and Drug..." does not.
_SENTENCE_STARTERS: Final = frozenset(
    {"a", "after", "all", "also", "an", "and", "as", "at", "before", "but"}
    | {"during", "for", "he", "her", "here", "his", "how", "however", "i", "if"}
    | {"in", "it", "its", "many", "most", "my", "no", "not", "now", "of", "on"}
    | {"one", "our", "she", "so", "some", "that", "the", "their", "there"}
    | {"these", "they", "this", "those", "to", "we", "what", "when", "where"}
    | {"which", "while", "who", "why", "with", "you", "your"}
)


def _is_boundary(text: str, candidate: re.Match[str], lang: str) -> bool:
    """Decide whether a terminal-punctuation candidate ends a sentence.

    Looks only at the token before and the characters right after the
    candidate, so a whole text is decided in linear time.
    """
    after = _FOLLOWING.match(text, candidate.end())
    pos = after.end() if after else candidate.end()
    if pos >= len(text):
        return True
    if text[pos].islower():  # "e.g. the", "approx. five", "Yahoo! is"
        return False
    if candidate.group().rstrip(_CLOSERS) != ".":
        return True  # "?", "!", "..." before a capital or digit
    prev = _last_token(text, candidate.start() + 1)
    if prev in _NEVER_FINAL.get(lang, _NEVER_FINAL["en"]):
        return False
    if text[pos].isdigit() and prev in _BEFORE_NUMBER.get(lang, _BEFORE_NUMBER["en"]):
        return False
    if _INITIALISM.fullmatch(prev):
        word = _NEXT_WORD.match(text, pos)
        return word is not None and word.group().lower() in _SENTENCE_STARTERS
    return True


def _fallback_pieces(flat: str, lang: str) -> Iterator[str]:
    start = 0
    for candidate in _CANDIDATE.finditer(flat):
        if _is_boundary(flat, candidate, lang):
            yield flat[start : candidate.end()]
            start = candidate.end()
    yield flat[start:]


def fallback_split(text: str, lang: str = "en") -> list[str]:
    """The hand-written splitter, in linear time (used where pysbd is not).

    Splits after ``.``/``!``/``?``/``…`` (plus closing quotes or brackets)
    followed by a space and a non-lowercase character. Decimals ("3.5")
    never split (no space), nor do titles and Latin abbreviations ("Dr.",
    "e.g.", "vs."), "No. 5"-style references, or an initialism such as "U.S."
    unless a common sentence-opening word follows it. Known limit: a lone
    initial ("J. Smith") splits, because "vitamin C." ending a sentence is
    commoner in our content.
    """
    flat = " ".join(text.split())
    return [p.strip() for p in _fallback_pieces(flat, lang) if _HAS_WORD.search(p)]


# --- pysbd ----------------------------------------------------------------------


@lru_cache(maxsize=32)
def _segmenter(lang: str) -> pysbd.Segmenter:
    import pysbd  # imported on first use: it compiles many regular expressions

    _give_pysbd_a_pattern_cache()
    return pysbd.Segmenter(language=lang, clean=False)


class _CachedRe:
    """The `re` module for pysbd, with a compiled-pattern cache that fits it.

    pysbd builds a pattern per abbreviation per call and passes pattern
    strings to `re.sub`/`re.search`; with a few thousand distinct patterns,
    the standard library's cache (512 entries) thrashes and pysbd spends a
    third of its time recompiling. Same functions, same results, bigger cache.
    """

    def __getattr__(self, name: str) -> object:
        return getattr(re, name)

    @staticmethod
    @lru_cache(maxsize=16_384)
    def compile(pattern: str | re.Pattern[str], flags: int = 0) -> re.Pattern[str]:
        return re.compile(pattern, flags)

    def search(self, pattern: str, string: str, flags: int = 0) -> re.Match[str] | None:
        return self.compile(pattern, flags).search(string)

    def match(self, pattern: str, string: str, flags: int = 0) -> re.Match[str] | None:
        return self.compile(pattern, flags).match(string)

    def findall(self, pattern: str, string: str, flags: int = 0) -> list[object]:
        return self.compile(pattern, flags).findall(string)

    def finditer(
        self, pattern: str, string: str, flags: int = 0
    ) -> Iterator[re.Match[str]]:
        return self.compile(pattern, flags).finditer(string)

    def split(
        self, pattern: str, string: str, maxsplit: int = 0, flags: int = 0
    ) -> list[str]:
        return self.compile(pattern, flags).split(string, maxsplit)

    def sub(
        self,
        pattern: str,
        repl: str | Callable[[re.Match[str]], str],
        string: str,
        count: int = 0,
        flags: int = 0,
    ) -> str:
        return self.compile(pattern, flags).sub(repl, string, count)


@lru_cache(maxsize=1)
def _give_pysbd_a_pattern_cache() -> None:
    """Point every pysbd module's `re` at `_CachedRe` (once per process)."""
    import importlib
    import pkgutil

    import pysbd

    cached = _CachedRe()
    for info in pkgutil.walk_packages(pysbd.__path__, "pysbd."):
        try:
            module = importlib.import_module(info.name)
        except ImportError:
            continue
        if getattr(module, "re", None) is re:
            module.re = cached  # type: ignore[attr-defined]


@lru_cache(maxsize=32)
def _pysbd_abbreviations(lang: str) -> frozenset[str]:
    from pysbd.languages import Language

    abbr = Language.get_language_code(lang).Abbreviation
    words = {a.strip().lower() for a in abbr.ABBREVIATIONS}
    return frozenset(words | _NEVER_FINAL.get(lang, frozenset()))


_SAFE_TOKEN: Final = re.compile(r"[^\W\d_]{3,}")


def _chunks(flat: str, lang: str) -> Iterator[str]:
    """Cut `flat` into pieces of about CHUNK_CHARS at safe sentence ends."""
    if len(flat) <= CHUNK_CHARS:
        yield flat
        return
    abbreviations = _pysbd_abbreviations(lang)
    start = 0
    for candidate in _CANDIDATE.finditer(flat, CHUNK_CHARS):
        end = candidate.end()
        if end - start < CHUNK_CHARS:
            continue
        mark = candidate.group().rstrip(_CLOSERS)
        if mark not in {".", "!", "?"} or end + 1 >= len(flat):
            continue
        if not flat[end + 1].isupper():
            continue
        if mark == ".":
            token = _last_token(flat, candidate.start() + 1)
            if not _SAFE_TOKEN.fullmatch(token) or token in abbreviations:
                continue
        yield flat[start : end + 1]
        start = end + 1
    yield flat[start:]


_ELLIPSIS: Final = re.compile(r"…[\"'”’»)\]}]* (?=[\"'“‘«(\[{¿¡„]*(.))")


def _split_ellipses(piece: str) -> Iterator[str]:
    """Split after "…" before a capital, as pysbd does after "..." (it keeps
    the single character "…" inside a sentence)."""
    start = 0
    for match in _ELLIPSIS.finditer(piece):
        if match.group(1).isupper():
            yield piece[start : match.end()]
            start = match.end()
    yield piece[start:]


# German: pysbd reads "14. Was" as an ordinal before a noun ("am 3. Oktober");
# a capitalised function word (article, pronoun) after it starts a sentence.
_GERMAN_ORDINAL: Final = re.compile(r"(?<=\d\.) (?=([^\W\d_]+))")


def _split_german_ordinals(piece: str) -> Iterator[str]:
    starters = function_words("de")
    start = 0
    for match in _GERMAN_ORDINAL.finditer(piece):
        word = match.group(1)
        if word[0].isupper() and word.lower() in starters:
            yield piece[start : match.start()]
            start = match.end()
    yield piece[start:]


def _pysbd_split(flat: str, lang: str) -> list[str]:
    segmenter = _segmenter(lang)
    pieces: list[str] = []
    for chunk in _chunks(flat, lang):
        if len(chunk) > PYSBD_MAX_CHARS:
            pieces.extend(_fallback_pieces(chunk, lang))
            continue
        for segment in segmenter.segment(chunk):
            text = str(segment)
            parts = _split_ellipses(text) if "…" in text else (text,)
            if lang == "de":
                parts = (p for part in parts for p in _split_german_ordinals(part))
            pieces.extend(parts)
    return pieces


def split_sentences(text: str, lang: str | None = "en") -> list[str]:
    """Split prose in language `lang` into sentences, in linear time.

    pysbd where it supports the language, else :func:`fallback_split`; see
    the module docstring. Whitespace is collapsed and fragments without any
    letter or digit are dropped. Results are cached per process (the
    readability and keyphrase rules split the same blocks).
    """
    return list(_split_cached(text, lang_root(lang) or "en"))


@lru_cache(maxsize=4096)
def _split_cached(text: str, root: str) -> tuple[str, ...]:
    return tuple(_split(text, root))


def _split(text: str, root: str) -> list[str]:
    flat = " ".join(text.split())
    if not flat:
        return []
    raw = _pysbd_split(flat, root) if root in PYSBD_LANGUAGES else None
    if raw is None:
        raw = list(_fallback_pieces(flat, root))
    # Pieces keep their whitespace, so joining two restores the original text.
    merged: list[list[str]] = []
    for piece in raw:
        if merged and (
            not piece.strip() or _holds(merged[-1][-1].strip(), piece.strip(), root)
        ):
            merged[-1].append(piece)
        else:
            merged.append([piece])
    sentences = ("".join(parts).strip() for parts in merged)
    return [s for s in sentences if _HAS_WORD.search(s)]
