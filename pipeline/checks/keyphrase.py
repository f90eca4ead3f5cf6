"""KEY7xx: the focus keyphrase in the title, description, first paragraph and slug.

These rules run only on pages with a keyphrase (front matter `keyphrase`, or
`--keyphrase`). Matching is Unicode-aware, because most complaints about
other analysers are false misses: case, diacritics (café = cafe), hyphens,
en/em dashes, slashes and underscores (back-pain = back pain), curly or
straight apostrophes (women’s = women's) and a plural -s (description =
descriptions) are all normalised away. By default a place "contains" the
keyphrase when it has all its words except stop words, in any order (within
one sentence for the first paragraph), as Yoast does; `match = "phrase"`
asks for the exact word sequence. Density always counts the exact sequence.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator, Sequence
from typing import Literal

from pipeline.checks.registry import Family, Options, Problem
from pipeline.facts import BlockKind, Located, PageFacts
from pipeline.findings import Severity
from pipeline.readability import split_sentences


class KeyphraseOptions(Options):
    """Options of the keyphrase family."""

    match: Literal["words", "phrase"] = "words"
    """`words`: all words but stop words, any order; `phrase`: the exact sequence."""
    fold_plurals: bool = True
    """Treat a final -s as the same word (descriptions = description, women's = women)."""
    min_density: float = 0.5
    """Lowest keyphrase density in percent (Yoast's lower bound)."""
    max_density: float = 3.0
    """Highest keyphrase density in percent (Yoast's upper bound)."""
    stopwords: tuple[str, ...] = (
        "a", "an", "and", "at", "by", "for", "from", "in", "is", "of", "on", "or",
        "the", "to", "with",
    )  # fmt: skip
    """Keyphrase words a match may leave out in `words` mode and in slugs (English)."""


keyphrase = Family("KEY7", "keyphrase", KeyphraseOptions)


def _needs_keyphrase(page: PageFacts) -> str | None:
    return None if page.keyphrase else "no keyphrase"


_SEPARATORS = str.maketrans(
    dict.fromkeys('-‐‑‒–—―−/\\_|·•:;,.!?()[]{}"“”„«»', " ")
    | dict.fromkeys("'’‘ʼ`´′", "")
)
_WORD = re.compile(r"\w+")
_CONTENT = {BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.TABLE_CELL,
            BlockKind.HEADING, BlockKind.FAQ_QUESTION, BlockKind.FAQ_ANSWER}  # fmt: skip


@functools.lru_cache(maxsize=4096)
def words(text: str, fold_plurals: bool = True) -> tuple[str, ...]:
    """Normalised words: casefolded, diacritics and apostrophes dropped, dashes
    split, and (with `fold_plurals`) a final -s dropped from words over 3 letters."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    found = _WORD.findall(plain.translate(_SEPARATORS))
    if fold_plurals:
        found = [w[:-1] if len(w) > 3 and w.endswith("s") else w for w in found]
    return tuple(found)


def count_phrase(haystack: Sequence[str], phrase: Sequence[str]) -> int:
    """Occurrences of `phrase` as consecutive words of `haystack`."""
    n = len(phrase)
    if not n:
        return 0
    first = phrase[0]
    return sum(
        1
        for i, w in enumerate(haystack)
        if w == first and tuple(haystack[i : i + n]) == tuple(phrase)
    )


def contains(text: str, phrase: str, opts: KeyphraseOptions) -> bool:
    """Whether `text` contains the keyphrase (normalised; see the module doc)."""
    hay, needle = words(text, opts.fold_plurals), words(phrase, opts.fold_plurals)
    if opts.match == "words":
        stop = set(words(" ".join(opts.stopwords), opts.fold_plurals))
        return {w for w in needle if w not in stop} <= set(hay)
    return count_phrase(hay, needle) > 0


def _missing(
    page: PageFacts, fact: Located | None, what: str, opts: KeyphraseOptions
) -> Iterator[Problem]:
    phrase = page.keyphrase
    if phrase and fact is not None and not contains(fact.text, phrase, opts):
        yield Problem(f"keyphrase {phrase!r} is not in the {what}", fact)


@keyphrase.rule("KEY701", Severity.WARNING, requires=_needs_keyphrase)
def keyphrase_missing_from_title(
    page: PageFacts, opts: KeyphraseOptions
) -> Iterator[Problem]:
    """The keyphrase is not in the title.

    ## What it does
    Looks for the focus keyphrase in the `<title>`.

    ## Why is this bad?
    The title is the strongest on-page signal of what the page is about, and
    searchers scan results for their own words.

    ## Example
    ```yaml
    keyphrase: herpes back pain
    ```
    ```html
    <title>Can shingles hurt your spine?</title>
    ```

    Use instead:
    ```html
    <title>Herpes Back Pain: What Causes It</title>
    ```
    """
    yield from _missing(page, page.title, "title", opts)


@keyphrase.rule("KEY702", Severity.WARNING, requires=_needs_keyphrase)
def keyphrase_missing_from_description(
    page: PageFacts, opts: KeyphraseOptions
) -> Iterator[Problem]:
    """The keyphrase is not in the meta description.

    ## What it does
    Looks for the focus keyphrase in `<meta name="description">`.

    ## Why is this bad?
    Google bolds the searched words in snippets; a description without them
    is less likely to be shown and clicked.

    ## Example
    ```yaml
    keyphrase: herpes back pain
    ```
    ```html
    <meta name="description" content="How shingles inflames nerves.">
    ```

    Use instead:
    ```html
    <meta name="description" content="What causes herpes back pain, and what helps.">
    ```
    """
    yield from _missing(page, page.description, "meta description", opts)


@keyphrase.rule("KEY703", Severity.WARNING, requires=_needs_keyphrase)
def keyphrase_missing_from_first_paragraph(
    page: PageFacts, opts: KeyphraseOptions
) -> Iterator[Problem]:
    """The keyphrase is not in the first paragraph.

    ## What it does
    Looks for the focus keyphrase in one sentence of the first paragraph of
    the main content (list items and tables before it do not count).

    ## Why is this bad?
    Readers decide in the first lines whether the page answers their query;
    the introduction should say so in their words.

    ## Example
    ```yaml
    keyphrase: herpes back pain
    ```
    ```html
    <main><h1>Herpes</h1><p>Shingles can hurt.</p></main>
    ```

    Use instead:
    ```html
    <main><h1>Herpes</h1><p>Herpes back pain is common with shingles.</p></main>
    ```
    """
    first, phrase = page.first_paragraph, page.keyphrase
    sentences = split_sentences(first.text) if first is not None else []
    if (
        first is not None
        and phrase
        and not any(contains(s, phrase, opts) for s in sentences)
    ):
        yield Problem(f"keyphrase {phrase!r} is not in the first paragraph", first)


@keyphrase.rule("KEY704", Severity.WARNING, requires=_needs_keyphrase)
def keyphrase_missing_from_slug(
    page: PageFacts, opts: KeyphraseOptions
) -> Iterator[Problem]:
    """The keyphrase's words are not in the slug.

    ## What it does
    Checks that every word of the keyphrase, except stop words such as
    "the" or "in" (`stopwords`), is in the URL slug, in any order.

    ## Why is this bad?
    The URL is shown in results and shared links; the query words in it
    confirm the page's topic.

    ## Example
    ```yaml
    keyphrase: herpes back pain
    ```
    ```html
    <link rel="canonical" href="https://example.com/shingles-spine/">
    ```

    Use instead:
    ```html
    <link rel="canonical" href="https://example.com/herpes-virus-back-pain/">
    ```
    """
    phrase = page.keyphrase
    if phrase and page.slug:
        stop = set(words(" ".join(opts.stopwords), opts.fold_plurals))
        needed = {w for w in words(phrase, opts.fold_plurals) if w not in stop}
        if not needed <= set(words(page.slug, opts.fold_plurals)):
            yield Problem(
                f"keyphrase {phrase!r} is not in the slug {page.slug!r}", page.slug_pos
            )


def _density(page: PageFacts, opts: KeyphraseOptions) -> tuple[float, int, int]:
    """(density in percent, occurrences, words) of the keyphrase in the main content."""
    text: list[str] = []
    for block in page.blocks:
        if block.kind in _CONTENT:
            text.extend(words(block.text, opts.fold_plurals))
    found = count_phrase(text, words(page.keyphrase or "", opts.fold_plurals))
    return (100.0 * found / len(text) if text else 0.0), found, len(text)


@keyphrase.rule("KEY705", Severity.WARNING, requires=_needs_keyphrase)
def keyphrase_density_too_low(
    page: PageFacts, opts: KeyphraseOptions
) -> Iterator[Problem]:
    """The keyphrase appears too rarely in the text.

    ## What it does
    Computes keyphrase occurrences per 100 words of main content (Yoast's
    density) and flags less than `min-density` (0.5 %).

    ## Why is this bad?
    A page that rarely uses its topic's words is unlikely to be about them,
    for readers as much as for search engines.

    ## Example
    ```yaml
    keyphrase: herpes back pain
    ```
    ```html
    <main><p>Shingles can hurt the spine for weeks.</p></main>
    ```

    Use instead:
    ```html
    <main><p>Herpes back pain comes from shingles, a reactivation of the
    chickenpox virus in a nerve root. The pain often starts before the rash,
    follows a band on one side of the back, and eases within a few weeks with
    antiviral treatment and rest.</p></main>
    ```
    """
    if page.keyphrase and page.blocks:
        density, found, total = _density(page, opts)
        if density < opts.min_density:
            limit = opts.min_density
            message = f"keyphrase density is {density:.1f} % ({found} in {total} words; min {limit} %)"
            yield Problem(
                message,
                page.first_paragraph or page.at("body"),
                round(density, 2),
                limit,
            )


@keyphrase.rule("KEY706", Severity.WARNING, requires=_needs_keyphrase)
def keyphrase_density_too_high(
    page: PageFacts, opts: KeyphraseOptions
) -> Iterator[Problem]:
    """The keyphrase is repeated too often.

    ## What it does
    Computes keyphrase occurrences per 100 words of main content and flags
    more than `max-density` (3 %, Yoast's upper bound).

    ## Why is this bad?
    Repeating a phrase reads badly and looks like keyword stuffing, which
    Google's spam policies name.

    ## Example
    ```yaml
    keyphrase: herpes back pain
    ```
    ```html
    <main><p>Herpes back pain? Herpes back pain is herpes back pain.</p></main>
    ```

    Use instead:
    ```html
    <main><p>Herpes back pain comes from shingles, a reactivation of the
    chickenpox virus in a nerve root. The pain often starts before the rash,
    follows a band on one side of the back, and eases within a few weeks with
    antiviral treatment and rest.</p></main>
    ```
    """
    if page.keyphrase and page.blocks:
        density, found, total = _density(page, opts)
        if density > opts.max_density:
            limit = opts.max_density
            message = f"keyphrase density is {density:.1f} % ({found} in {total} words; max {limit} %)"
            yield Problem(
                message,
                page.first_paragraph or page.at("body"),
                round(density, 2),
                limit,
            )
