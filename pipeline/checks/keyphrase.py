"""KEY7xx: the focus keyphrase in the title, description, first paragraph,
slug and text, matched the way Yoast's SEO analysis matches it.

These rules run only on pages with a keyphrase (front matter `keyphrase`, or
`--keyphrase`).

What matches (one definition for every KEY rule)
------------------------------------------------
* **Content words.** The keyphrase's words minus the function words of the
  page language (`pipeline.function_words`: en, de, fr, es, it, pt, nl;
  plus the `stopwords` option). A keyphrase of function words only keeps all
  its words; a language without a list keeps all words. As in Yoast
  ("function words are not required"), "herpes back pain" in English needs
  "herpes" and "pain" ("back" is a prepositional adverb, a function word).
* **Words.** Text is split on spaces, hyphens, dashes, slashes and other
  punctuation, so "herpes-related back pain" has the words herpes, related,
  back, pain. Case, diacritics (café = cafe) and apostrophes (women’s =
  women's) are folded; in French and Italian an elided article splits off
  (l'herpès = l herpes).
* **Word forms** (`fold-plurals`, on by default). English: a light stemmer
  matches singular and plural forms -- "pain"/"pains",
  "description"/"descriptions", "virus"/"viruses", "baby"/"babies", and the
  possessive "women's" -- for words of four letters or more; it does not
  match other inflections ("paining", "painful"). Other languages match
  exact words, as yoastseo does without its Premium morphology data.
* **Places.** Title, description and slug contain the keyphrase when they
  have all its content words, in any order. The first paragraph and the
  text are read sentence by sentence (`pipeline.segmentation`): a sentence
  matches when it has every content word, in any order.
* `match = "phrase"`, or a keyphrase in double quotes (as in Yoast), asks
  for the exact word sequence instead.

Density (KEY705/KEY706) follows yoastseo 3.6 (`getKeyphraseCount`,
`getKeyphraseDensity`, `KeyphraseDensityAssessment`): the occurrences in a
matching sentence are the lowest count among the content words; density is
occurrences per 100 words of main text (`PageFacts.word_count`); the
recommended range (0.5–3 %) applies to the density times the keyphrase-length
factor 0.7 + n/3 (n content words), so the range for the unscaled density
narrows as the keyphrase grows.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from pipeline.checks.readability import lang_note
from pipeline.checks.registry import Family, Options, Violation
from pipeline.facts import Located, PageFacts
from pipeline.findings import Severity
from pipeline.function_words import function_words
from pipeline.segmentation import lang_root, split_sentences


class KeyphraseOptions(Options):
    """Options of the keyphrase family."""

    match: Literal["words", "phrase"] = "words"
    """`words`: all content words, any order; `phrase`: the exact sequence."""
    fold_plurals: bool = True
    """Match English singular and plural forms (-s, -es, -ies, possessive 's)."""
    min_density: float = 0.5
    """Lowest density in percent after the keyphrase-length factor (Yoast: 0.5)."""
    max_density: float = 3.0
    """Highest density in percent after the keyphrase-length factor (Yoast: 3)."""
    way_over_density: float = 4.0
    """Density after the length factor that Yoast calls "way more than" the maximum."""
    stopwords: tuple[str, ...] = ()
    """Extra words a match may leave out, on top of the language's function words."""


keyphrase = Family("KEY7", "keyphrase", KeyphraseOptions)


def _needs_keyphrase(page: PageFacts) -> str | None:
    return None if page.keyphrase else "no keyphrase"


def page_lang(page: PageFacts) -> str:
    """The language the page's text is read in: declared, else `default-lang`."""
    return page.text_lang


_SEPARATORS = str.maketrans(
    dict.fromkeys('-‐‑‒–—―−/\\_|·•:;,.!?()[]{}"“”„«»', " ")
    | dict.fromkeys("'’‘ʼ`´′", "")
)
_ELISION_SEPARATORS = str.maketrans(dict.fromkeys("'’‘ʼ`´′", " "))
_ELIDING = frozenset({"fr", "it", "ca"})
_WORD = re.compile(r"\w+")


@lru_cache(maxsize=8192)
def _folded(text: str, lang: str) -> tuple[str, ...]:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    if lang in _ELIDING:
        plain = plain.translate(_ELISION_SEPARATORS)
    return tuple(_WORD.findall(plain.translate(_SEPARATORS)))


@lru_cache(maxsize=65536)
def forms(word: str, lang: str = "en") -> frozenset[str]:
    """The forms a word may stand for: itself and, for an English word of four
    letters or more, the singular it may be the plural (or possessive) of.
    Two words match when their forms meet: "causes" {causes, cause, caus}
    meets "cause"; "viruses" meets "virus"; "babies" meets "baby". Other
    languages match exact words only, as yoastseo does without its (Premium)
    morphology data."""
    found = {word}
    if lang == "en" and len(word) >= 4 and word.endswith("s"):
        found.add(word[:-1])
        if word.endswith("es"):
            found.add(word[:-2])
        if word.endswith("ies"):
            found.add(word[:-3] + "y")
    return frozenset(found)


@lru_cache(maxsize=8192)
def words(text: str, lang: str = "en") -> tuple[str, ...]:
    """Normalised words of `text` (see the module doc): casefolded, diacritics
    and apostrophes dropped, punctuation, hyphens and dashes split."""
    return _folded(text, lang_root(lang) or "en")


def same_word(a: str, b: str, lang: str = "en", fold_plurals: bool = True) -> bool:
    """Whether two normalised words match (equal, or a plural form of one another)."""
    if a == b:
        return True
    return fold_plurals and not forms(a, lang_root(lang)).isdisjoint(
        forms(b, lang_root(lang))
    )


@dataclass(frozen=True, slots=True)
class Needle:
    """A keyphrase ready for matching: its words and its content words."""

    words: tuple[str, ...]
    content: tuple[str, ...]
    exact: bool
    lang: str
    fold_plurals: bool


def needle(phrase: str, opts: KeyphraseOptions, lang: str) -> Needle:
    """The keyphrase's words, content words (function words and `stopwords`
    left out; all words if nothing is left) and whether it must match exactly."""
    root = lang_root(lang) or "en"
    stripped = phrase.strip()
    quoted = len(stripped) > 2 and stripped[0] in '"“„' and stripped[-1] in '"”“'
    all_words = words(stripped, root)
    skip = function_words(root) | set(words(" ".join(opts.stopwords), root))
    content = tuple(dict.fromkeys(w for w in all_words if w not in skip))
    return Needle(
        all_words,
        content or tuple(dict.fromkeys(all_words)),
        quoted or opts.match == "phrase",
        root,
        opts.fold_plurals,
    )


def _same(a: str, b: str, wanted: Needle) -> bool:
    return a == b or (
        wanted.fold_plurals
        and not forms(a, wanted.lang).isdisjoint(forms(b, wanted.lang))
    )


def count_phrase(haystack: Sequence[str], wanted: Needle) -> int:
    """Occurrences of the keyphrase's words as consecutive words of `haystack`."""
    phrase, n = wanted.words, len(wanted.words)
    if not n:
        return 0
    return sum(
        1
        for i in range(len(haystack) - n + 1)
        if all(_same(haystack[i + k], phrase[k], wanted) for k in range(n))
    )


def word_counts(hay: Sequence[str], wanted: Needle) -> tuple[int, ...]:
    """How often each content word occurs in `hay` (in `wanted.content` order)."""
    return tuple(sum(1 for w in hay if _same(w, c, wanted)) for c in wanted.content)


def occurrences(hay: Sequence[str], wanted: Needle) -> int:
    """Keyphrase occurrences in one sentence (Yoast's count): exact sequences,
    or the lowest count among the content words (0 if one is missing)."""
    if wanted.exact:
        return count_phrase(hay, wanted)
    return min(word_counts(hay, wanted), default=0)


def contains(text: str, phrase: str, opts: KeyphraseOptions, lang: str = "en") -> bool:
    """Whether `text` contains the keyphrase (normalised; see the module doc)."""
    return occurrences(words(text, lang), needle(phrase, opts, lang)) > 0


def _missing(
    page: PageFacts, fact: Located | None, what: str, opts: KeyphraseOptions
) -> Iterator[Violation]:
    phrase = page.keyphrase
    if (
        phrase
        and fact is not None
        and not contains(fact.text, phrase, opts, page_lang(page))
    ):
        yield Violation(f"keyphrase {phrase!r} is not in the {what}", fact)


@keyphrase.rule("KEY701", Severity.WARNING, requires=_needs_keyphrase)
def keyphrase_missing_from_title(
    page: PageFacts, opts: KeyphraseOptions
) -> Iterator[Violation]:
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
) -> Iterator[Violation]:
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

    ## References
    Definition: the first `<meta name="description">` in `<head>` contains every
    content word of the keyphrase, in any order, with the matching of KEY705
    (function words may be left out; English plurals fold). Presence only: this
    rule does not count occurrences.

    - Yoast:
      `packages/yoastseo/src/scoring/assessments/seo/MetaDescriptionKeywordAssessment.js`
      and
      `packages/yoastseo/src/languageProcessing/researches/metaDescriptionKeyword.js`
      ("keyphrase in meta description"), the matching this rule follows.
    - Google Search Central, "Control your snippets in search results"
      (https://developers.google.com/search/docs/appearance/snippet): Google
      builds snippets from the page content and sometimes the meta description;
      it publishes no rule about keyphrases in descriptions.
    """
    yield from _missing(page, page.description, "meta description", opts)


@keyphrase.rule("KEY703", Severity.WARNING, requires=_needs_keyphrase)
def keyphrase_missing_from_first_paragraph(
    page: PageFacts, opts: KeyphraseOptions
) -> Iterator[Violation]:
    """The keyphrase is not in one sentence of the first paragraph.

    ## What it does
    Looks for the focus keyphrase in the first paragraph of the main content
    (list items and tables before it do not count). As in Yoast's "keyphrase
    in introduction" assessment (yoastseo, `findKeyphraseInFirstParagraph`),
    one sentence must hold every content word of the keyphrase, in any order;
    function words are not required (KEY705 says what matches).
    The message says when the words are there but spread over sentences.

    ## Why is this bad?
    Readers decide in the first lines whether the page answers their query;
    the introduction should say so in their words.

    ## Example
    ```yaml
    keyphrase: herpes back pain
    ```
    ```html
    <main><h1>Herpes</h1><p>Herpes is a virus. It can hurt.</p></main>
    ```

    Use instead:
    ```html
    <main><h1>Herpes</h1><p>Herpes can cause back pain.</p></main>
    ```

    ## References
    Definition as above, on `PageFacts.first_paragraph` (the first paragraph
    block of the main content), split into sentences by `pipeline.segmentation`
    for the page language.

    - Yoast:
      `packages/yoastseo/src/languageProcessing/researches/findKeywordInFirstParagraph.js`
      and
      `packages/yoastseo/src/scoring/assessments/seo/IntroductionKeywordAssessment.js`.
    """
    first, phrase = page.first_paragraph, page.keyphrase
    if first is None or not phrase:
        return
    lang = page_lang(page)
    wanted = needle(phrase, opts, lang)
    sentences = split_sentences(first.text, lang)
    if any(occurrences(words(s, lang), wanted) for s in sentences):
        return
    counts = word_counts(words(first.text, lang), wanted)
    if not wanted.exact and counts and min(counts) > 0:
        yield Violation(
            f"keyphrase {phrase!r}: its words are in the first paragraph but not"
            f" within one sentence{lang_note(page)}",
            first,
        )
    else:
        yield Violation(
            f"keyphrase {phrase!r} is not in the first paragraph{lang_note(page)}",
            first,
        )


@keyphrase.rule("KEY704", Severity.WARNING, requires=_needs_keyphrase)
def keyphrase_missing_from_slug(
    page: PageFacts, opts: KeyphraseOptions
) -> Iterator[Violation]:
    """The keyphrase's words are not in the slug.

    ## What it does
    Checks that every content word of the keyphrase is in the URL slug, in
    any order; function words of the page language such as "the" or "in"
    (and the `stopwords` option) may be left out, as in Yoast's "keyphrase
    in slug" assessment.

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

    ## References
    Definition: the slug (front matter `slug`, else the last segment of the
    canonical or `og:url` path, else the file name) is split into words as
    KEY705 splits text (on hyphens, slashes and punctuation); each content word
    of the keyphrase must be one of them (English plurals fold).

    - Yoast:
      `packages/yoastseo/src/languageProcessing/researches/keywordCountInSlug.js`
      (earlier `keywordCountInUrl.js`) and
      `packages/yoastseo/src/scoring/assessments/seo/UrlKeywordAssessment.js`
      ("keyphrase in slug").
    """
    phrase = page.keyphrase
    if phrase and page.slug:
        lang = page_lang(page)
        wanted = needle(phrase, opts, lang)
        slug_words = words(page.slug, lang)
        if any(
            not any(_same(w, c, wanted) for w in slug_words) for c in wanted.content
        ):
            yield Violation(
                f"keyphrase {phrase!r} is not in the slug {page.slug!r}", page.slug_pos
            )


def length_factor(content_words: int) -> float:
    """Yoast's keyphrase-length factor: 0.7 + n/3 for n content words
    (yoastseo, `scoring/helpers/assessments/keyphraseLengthFactor.js`)."""
    return 0.7 + content_words / 3


@dataclass(frozen=True, slots=True)
class Density:
    """Keyphrase density of a page's main text, as Yoast computes it."""

    occurrences: int
    words: int
    content_words: int
    matches: tuple[tuple[str, int], ...]
    """Each matching sentence with its occurrences, in document order."""

    @property
    def percent(self) -> float:
        """Occurrences per 100 words of main text (unscaled)."""
        return 100.0 * self.occurrences / self.words if self.words else 0.0

    @property
    def factor(self) -> float:
        return length_factor(self.content_words)

    @property
    def scaled(self) -> float:
        """The density Yoast compares with its range: percent × length factor."""
        return self.percent * self.factor

    def recommended(self, density: float, rounding: Literal["min", "max"]) -> int:
        """Yoast's recommended count for a density bound (at least 2)."""
        count = density * self.words / (100 * self.factor)
        if count < 2:
            return 2
        return int(-(-count // 1)) if rounding == "min" else int(count // 1)


SHORT_TEXT_WORDS = 100
"""Below this many words Yoast judges counts, not density."""

_LAST: list[tuple[PageFacts, str, KeyphraseOptions, Density]] = []


def density(page: PageFacts, opts: KeyphraseOptions) -> Density:
    """The keyphrase density of the page's main text (see the module doc).

    Every main-content block (headings, paragraphs, list items, table cells,
    FAQ) is split into sentences; each sentence with every content word
    counts its lowest content-word count. Computed once per page and options.
    """
    phrase = page.keyphrase or ""
    for cached_page, cached_phrase, cached_opts, result in _LAST:
        if cached_page is page and cached_phrase == phrase and cached_opts == opts:
            return result
    lang = page_lang(page)
    wanted = needle(phrase, opts, lang)
    matches: list[tuple[str, int]] = []
    for block in page.blocks:
        for sentence in split_sentences(block.text, lang):
            found = occurrences(words(sentence, lang), wanted)
            if found:
                matches.append((sentence, found))
    result = Density(
        sum(n for _, n in matches),
        page.word_count,
        len(wanted.content),
        tuple(matches),
    )
    _LAST[:] = [(page, phrase, opts, result)]
    return result


def _summary(d: Density) -> str:
    return (
        f"keyphrase density is {d.percent:.1f} % ({d.occurrences} in {d.words}"
        f" words; Yoast's length factor {d.factor:.2f} for"
        f" {d.content_words} content word{'s' if d.content_words != 1 else ''}"
    )


@keyphrase.rule("KEY705", Severity.WARNING, requires=_needs_keyphrase)
def keyphrase_density_too_low(
    page: PageFacts, opts: KeyphraseOptions
) -> Iterator[Violation]:
    """The keyphrase appears too rarely in the text.

    ## What it does
    Computes the keyphrase density as yoastseo 3.6 does
    (`getKeyphraseCount`, `getKeyphraseDensity`, `KeyphraseDensityAssessment`):
    a sentence matches when it has every content word of the keyphrase, in
    any order, and counts the lowest number of times any of them occurs;
    density is those occurrences per 100 words of main text (headings,
    paragraphs, lists, tables, FAQ; not quotations; words split on spaces,
    hyphens and dashes, the count READ206 and the reports show). Yoast
    multiplies the density by the keyphrase-length factor 0.7 + n/3 (n
    content words) and wants the product at least `min-density` (0.5 %);
    one occurrence is too few on a text of 100 words or more, two are enough
    when Yoast's recommended minimum is two. Texts under 100 words need one
    occurrence.

    What matches: content words are the keyphrase's words minus the
    function words of the page language (lists for en, de, fr, es, it, pt,
    nl; other languages need every word), so "herpes back pain" needs
    "herpes" and "pain" ("back" is a prepositional adverb, as in Yoast's
    list). Case, diacritics and apostrophes are folded; hyphens and dashes
    split words ("herpes-related" has "herpes"); with `fold-plurals`,
    English singular and plural match (-s, -es, -ies and possessives on
    words of four letters or more), other inflections do not ("painful");
    other languages match exact words. A keyphrase in double quotes, or
    `match = "phrase"`, needs the exact word sequence. (yoastseo without its
    Premium morphology matches exact words only and allows 3 %; with it,
    every word form and 3.5 %. This rule adds English plurals and keeps 3 %.)

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

    ## References
    Definition as above (`pipeline.checks.keyphrase.density`).

    - Yoast:
      `packages/yoastseo/src/languageProcessing/researches/keywordCount.js`
      (occurrences per sentence), `getKeywordDensity.js` in the same folder
      (occurrences per 100 words),
      `packages/yoastseo/src/scoring/assessments/seo/KeywordDensityAssessment.js`
      (`parameters.noWordForms.minimum` 0.5; `multipleWordForms` applies with
      Premium morphology; the length factor from
      `packages/yoastseo/src/scoring/helpers/assessments/keyphraseLengthFactor.js`,
      the short-text counts from `recommendedKeywordCount.js` in the same
      folder). In the current source the assessment runs only on texts of 100
      words or more (`isApplicable`); how this rule judges shorter texts is its
      own.
    - Yoast:
      `packages/yoastseo/src/languageProcessing/researches/wordCountInText.js`
      (the word count).
    """
    if not (page.keyphrase and page.blocks):
        return
    d = density(page, opts)
    at = page.first_paragraph or page.at("body")
    if d.words < SHORT_TEXT_WORDS:
        if d.occurrences == 0:
            yield Violation(
                f"{_summary(d)}; a text under {SHORT_TEXT_WORDS} words needs it"
                f" once){lang_note(page)}",
                at,
                round(d.percent, 2),
                0,
            )
        return
    minimum = opts.min_density
    low = d.scaled < minimum or d.occurrences == 1
    if d.occurrences == 2 and d.recommended(minimum, "min") <= 2:
        low = False
    if low:
        limit = minimum / d.factor
        yield Violation(
            f"{_summary(d)}; min {limit:.2f} %, i.e. {minimum:g} % after the factor:"
            f" use it at least {d.recommended(minimum, 'min')} times){lang_note(page)}",
            at,
            round(d.percent, 2),
            round(limit, 2),
        )


@keyphrase.rule("KEY706", Severity.WARNING, requires=_needs_keyphrase)
def keyphrase_density_too_high(
    page: PageFacts, opts: KeyphraseOptions
) -> Iterator[Violation]:
    """The keyphrase is repeated too often.

    ## What it does
    Computes the keyphrase density as KEY705 does (yoastseo 3.6's
    definition) and flags it when the density times Yoast's keyphrase-length
    factor 0.7 + n/3 is over `max-density` (3 %): for a keyphrase of two
    content words that is 2.2 % of the words, for one word 2.9 %. The
    message says when Yoast would call it "way more" than the maximum
    (`way-over-density`, 4 %). Texts under 100 words: more than one
    occurrence (two over 50 words) is too many, as in Yoast.

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

    ## References
    Definition as KEY705. The defaults of `max-density` (3 %) and
    `way-over-density` (4 %) are yoastseo's `parameters.noWordForms.maximum` and
    `overMaximum` (with Premium morphology its maximum is 3.5 %).

    - Yoast:
      `packages/yoastseo/src/scoring/assessments/seo/KeywordDensityAssessment.js`
      and the files KEY705 names.
    - Google Search Central, "Spam policies for Google web search" (keyword
      stuffing):
      https://developers.google.com/search/docs/essentials/spam-policies
    """
    if not (page.keyphrase and page.blocks):
        return
    d = density(page, opts)
    at = page.first_paragraph or page.at("body")
    if d.words < SHORT_TEXT_WORDS:
        most = 2 if d.words > 50 else 1
        if d.occurrences > most:
            yield Violation(
                f"{_summary(d)}; a text under {SHORT_TEXT_WORDS} words should use it"
                f" at most {most} time{'s' if most > 1 else ''}){lang_note(page)}",
                at,
                round(d.percent, 2),
                round(100.0 * most / d.words, 2) if d.words else 0,
            )
        return
    maximum = opts.max_density
    if d.scaled > maximum:
        limit = maximum / d.factor
        how = "way over" if d.scaled > opts.way_over_density else "over"
        yield Violation(
            f"{_summary(d)}; max {limit:.2f} %, i.e. {maximum:g} % after the factor,"
            f" {how} Yoast's range: use it at most {d.recommended(maximum, 'max')}"
            f" times){lang_note(page)}",
            at,
            round(d.percent, 2),
            round(limit, 2),
        )
