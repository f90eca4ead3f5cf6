"""READ2xx: readability of the visible main text, in the page's language.

Rules read the main-content blocks of `PageFacts`. Sentences come from
`pipeline.readability_scores.segment` (via `PageFacts.sentences`), which splits each
block on its own, so a heading, list item, table cell or FAQ question is never
glued onto a neighbouring sentence; scores are `PageFacts.readability`.

A rule runs only for the languages where its method is valid (the registry's
`languages`); on any other page the runner skips it with an info finding that
says so, rather than scoring with another language's formula. A page that
declares no `lang` is read in the configured `default-lang` ("en" unless set),
and every finding on it says so.

Words are counted one way everywhere (`pipeline.segmentation.text_words`:
split on spaces, hyphens and dashes, as Yoast does), and the main text's
count is `PageFacts.word_count`, the same number the keyphrase density and
the reports use. Quotations (`<blockquote>`) are not the author's text and
are left out, as in Yoast. Word-based rules need words separated by spaces, so
they skip Chinese, Japanese, Thai and the like. The audience (`general` or
`health`) comes from the front matter `audience` of built pages, else from the
`audience` option.
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field, model_validator

from pipeline import readability_scores as rd
from pipeline.checks.registry import Family, Options, Violation
from pipeline.facts import BlockKind, PageFacts, Pos, TextBlock
from pipeline.findings import Severity
from pipeline.segmentation import text_words

# ISO 639-1 languages written with spaces between words, where word counts
# and the word thresholds below mean what they say. Left out on purpose:
# zh, ja, th, lo, km, my, bo (no spaces between words), vi (spaces between
# syllables) and ko (spaces between eojeol, several words each).
WORD_LANGUAGES = frozenset(
    "af am ar az be bg bn bs ca cs cy da de el en eo es et eu fa fi fr fy ga gd "
    "gl gu ha he hi hr hu hy id ig is it jv ka kk kn ky la lb lt lv mi mk ml mn "
    "mr ms mt nb ne nl nn no oc or pa pl ps pt ro ru rw sa sd si sk sl so sq sr "
    "sv sw ta te tg tk tl tr ug uk ur uz xh yi yo zu".split()
)
FRE_LANGUAGES = frozenset(
    lang
    for lang in WORD_LANGUAGES
    if rd.FLESCH_READING_EASE in rd.supported_metrics(lang)
)
GRADE_LANGUAGES = frozenset(
    lang for lang in WORD_LANGUAGES if rd.FK_GRADE in rd.supported_metrics(lang)
)
_PARAGRAPHS = (BlockKind.PARAGRAPH, BlockKind.FAQ_ANSWER)


class ReadabilityOptions(Options):
    """Targets of the readability family; audiences are keys of the target tables."""

    audience: str = "general"
    """Audience of pages whose front matter names none (plain HTML): `general` or `health`."""
    min_reading_ease: dict[str, float] = Field(
        default_factory=lambda: {"general": 50.0, "health": 60.0}
    )
    """Lowest Flesch reading ease per audience (50: "fairly difficult" begins; 60: plain English)."""
    max_grade: dict[str, float] = Field(default_factory=lambda: {"health": 8.0})
    """Highest Flesch-Kincaid grade per audience (health 8: NIH/AMA patient materials)."""
    min_scored_words: int = 100
    """Fewest prose words for a reading-ease or grade score (shorter texts are noise)."""
    long_sentence_words: int = 20
    """A sentence with more words than this is long (Yoast: 20)."""
    max_long_sentence_share: float = 0.25
    """Largest share of long sentences (Yoast: 25 %)."""
    max_paragraph_words: int = 150
    """Longest paragraph in words (Yoast: 150)."""
    max_section_words: int = 300
    """Most words without a subheading (Yoast's subheading distribution: 300)."""
    min_words: int = 300
    """Fewest words of main text (Yoast's text length: 300)."""

    @model_validator(mode="after")
    def _knownaudience_of(self) -> ReadabilityOptions:
        known = set(self.min_reading_ease) | set(self.max_grade)
        if self.audience not in known:
            raise ValueError(
                f"audience {self.audience!r} has no targets (known: {sorted(known)})"
            )
        return self


readability = Family("READ2", "readability", ReadabilityOptions)


def audience_of(page: PageFacts, opts: ReadabilityOptions) -> str:
    """The page's `audience` (content file) when it is a known one, else the option."""
    value = page.meta.audience
    known = set(opts.min_reading_ease) | set(opts.max_grade)
    return value if value is not None and value in known else opts.audience


def lang_note(page: PageFacts) -> str:
    """What a finding on a page without `lang` must say about its language."""
    if not page.lang_assumed:
        return ""
    return f" [no lang declared: read as {page.text_lang!r}, the default-lang]"


def _start(page: PageFacts, block: TextBlock | None = None) -> Pos:
    """Where a whole-text finding points: a block (else the first one)."""
    first = block or (page.blocks[0] if page.blocks else None)
    if first is None:
        return page.at("body", page.root)
    return Pos("", first.line, first.column, first.anchor)


def _scores(page: PageFacts, opts: ReadabilityOptions) -> rd.ReadabilityScores | None:
    scores = page.readability
    if scores is None or scores.prose_words < opts.min_scored_words:
        return None
    return scores


@readability.rule("READ201", Severity.WARNING, languages=FRE_LANGUAGES)
def reading_ease_too_low(
    page: PageFacts, opts: ReadabilityOptions
) -> Iterator[Violation]:
    """Flesch reading ease is below the audience's target.

    ## What it does
    Scores the prose (paragraphs, list items, FAQ answers) with the Flesch
    reading ease formula of the page's language (textstat's constants, e.g.
    Amstad's for German) and compares it with the audience's minimum. For
    an audience with a grade target (`health`), English pages are judged by
    READ202 instead, so one text problem gives one finding.

    ## Why is this bad?
    Long sentences of long words lose readers, above all on phones. On
    Flesch's scale, 50–60 is "fairly difficult" (grades 10–12) and 60–70
    "plain English" (grades 8–9); Yoast's readability analysis (yoastseo 3.6,
    `getFleschReadingScore`) calls scores under 50 "fairly difficult" and
    worse. Our score is textstat's formula on our own sentences and syllable
    table, so it can differ from Yoast's by a few points.

    ## Example
    ```html
    <html lang="en"><main><p>Herpes zoster, the reactivation of latent varicella-zoster virus in the dorsal root ganglia, frequently presents with unilateral dermatomal pain that precedes the characteristic vesicular eruption by several days, which considerably complicates the differential diagnosis of acute back pain. Musculoskeletal, visceral and radicular aetiologies should therefore be considered systematically before antiviral treatment is initiated. Postherpetic neuralgia, which is particularly prevalent among immunocompromised and elderly individuals, can substantially diminish functional capacity and quality of life for months or years. Pharmacological management, encompassing anticonvulsants, tricyclic antidepressants and topical anaesthetic preparations, demonstrates variable effectiveness, so individualised therapeutic strategies remain indispensable. Vaccination with the recombinant adjuvanted vaccine considerably decreases the probability of reactivation in older adults.</p></main></html>
    ```

    Use instead:
    ```html
    <html lang="en"><main><p>Shingles can cause back pain. The pain often comes a few days before the rash. It burns or stings on one side of the body. A doctor can tell it apart from a pulled muscle. Pills that fight the virus work best in the first three days. Start them as soon as you can. Some people still have pain after the rash heals. This is called nerve pain. Drugs and creams can help with it. Ask your doctor which one is right for you. A vaccine lowers the risk of shingles. It is a good idea for most people over fifty. Rest, heat and gentle walks can ease the back while you heal.</p></main></html>
    ```

    ## References
    Definition: Flesch reading ease = a - b × (words / sentences) - c ×
    (syllables / words), with the page language's constants from textstat's
    `LANG_CONFIGS` (en: 206.835, 1.015, 84.6 (Flesch); de: 180, 1, 58.5
    (Amstad); also es, fr, it, nl, ru, hu), on the prose sentences of
    `pipeline.readability_scores` and syllables from the shipped CMU-derived
    table, else pyphen. Under `min-scored-words` (100) prose words no score is
    given. Reported below the audience's `min-reading-ease` (general 50, health
    60).

    - Rudolf Flesch, "A new readability yardstick", Journal of Applied
      Psychology 32 (1948) (the formula and its bands).
    - Toni Amstad, "Wie verständlich sind unsere Zeitungen?" (1978) (the German
      constants).
    - textstat 0.7: https://github.com/textstat/textstat
    - Yoast:
      `packages/yoastseo/src/languageProcessing/researches/getFleschReadingScore.js`
      and
      `packages/yoastseo/src/scoring/assessments/readability/fleschReadingEaseAssessment.js`.
    """
    scores = _scores(page, opts)
    audience = audience_of(page, opts)
    target = opts.min_reading_ease.get(audience)
    if scores is None or target is None:
        return
    if audience in opts.max_grade and scores.fk_grade is not None:
        return  # READ202 judges this page
    fre = scores.flesch_reading_ease
    if fre < target:
        yield Violation(
            f"flesch reading ease is {fre:.0f} (min {target:g} for {audience} readers)"
            + lang_note(page),
            _start(page),
            round(fre, 1),
            target,
        )


@readability.rule("READ202", Severity.WARNING, languages=GRADE_LANGUAGES)
def grade_level_too_high(
    page: PageFacts, opts: ReadabilityOptions
) -> Iterator[Violation]:
    """Flesch–Kincaid grade is above the audience's target.

    ## What it does
    Scores English prose with the Flesch–Kincaid grade formula (fitted for
    English only) and compares it with the audience's maximum grade: 8 for
    `health` by default. The audience comes from the front matter
    `audience`, else the `audience` option.

    ## Why is this bad?
    Patient material above the reader's level is misread. Plain-language
    guidance for patient education materials asks for grade 8 or lower:
    the NIH's *Clear & Simple* and MedlinePlus easy-to-read guidance point
    to grades 6–8, and the AMA (Weiss, *Health Literacy: A Manual for
    Clinicians*) recommends grade 6 or lower. The default, 8, is the upper
    bound both accept.

    ## Example
    ```yaml
    audience: health
    ```
    ```html
    <html lang="en"><main><p>Shingles is caused by the varicella-zoster virus, the same virus that causes chickenpox, which can remain inactive in nerve tissue for decades before reactivating. When it reactivates, it frequently produces a burning or stabbing pain along one side of the back or chest, often several days before the characteristic rash becomes visible. Because the early symptoms resemble a muscle strain or a kidney problem, an accurate diagnosis may initially be difficult. Antiviral medication is most effective when treatment begins within approximately seventy-two hours of the appearance of the rash. Individuals who continue to experience pain after the rash has healed may have postherpetic neuralgia, a complication that requires specialised pain management.</p></main></html>
    ```

    Use instead:
    ```html
    <html lang="en"><main><p>Shingles can cause back pain. The pain often comes a few days before the rash. It burns or stings on one side of the body. A doctor can tell it apart from a pulled muscle. Pills that fight the virus work best in the first three days. Start them as soon as you can. Some people still have pain after the rash heals. This is called nerve pain. Drugs and creams can help with it. Ask your doctor which one is right for you. A vaccine lowers the risk of shingles. It is a good idea for most people over fifty. Rest, heat and gentle walks can ease the back while you heal.</p></main></html>
    ```

    ## References
    Definition: Flesch-Kincaid grade = 0.39 × (words / sentences) + 11.8 ×
    (syllables / words) - 15.59 (textstat's implementation), English pages only,
    on the sentences and syllables of READ201; reported above the audience's
    `max-grade` (health 8).

    - J. P. Kincaid et al., "Derivation of new readability formulas ... for Navy
      enlisted personnel", Research Branch Report 8-75, Naval Technical Training
      Command (1975).
    - NIH, "Clear & Simple" (National Cancer Institute / NIH plain-language
      guidance); MedlinePlus, "How to Write Easy-to-Read Health Materials".
    - Barry D. Weiss, Health Literacy: A Manual for Clinicians (AMA Foundation).
    """
    scores = _scores(page, opts)
    audience = audience_of(page, opts)
    target = opts.max_grade.get(audience)
    if scores is None or scores.fk_grade is None or target is None:
        return
    if (grade := scores.fk_grade) > target:
        yield Violation(
            f"flesch-kincaid grade is {grade:.1f} (max {target:g} for {audience} readers)"
            + lang_note(page),
            _start(page),
            round(grade, 1),
            target,
        )


def long_sentences(page: PageFacts, opts: ReadabilityOptions) -> list[tuple[str, int]]:
    """The sentences READ203 counts as long, with their words (for the report)."""
    counted = ((s, len(text_words(s))) for s in page.sentences)
    return [(s, n) for s, n in counted if n > opts.long_sentence_words]


def long_paragraphs(
    page: PageFacts, opts: ReadabilityOptions
) -> list[tuple[TextBlock, int]]:
    """The paragraphs READ204 reports, with their words (for the report)."""
    counted = (
        (b, len(text_words(b.text))) for b in page.blocks if b.kind in _PARAGRAPHS
    )
    return [(b, n) for b, n in counted if n > opts.max_paragraph_words]


@readability.rule("READ203", Severity.WARNING, languages=WORD_LANGUAGES)
def too_many_long_sentences(
    page: PageFacts, opts: ReadabilityOptions
) -> Iterator[Violation]:
    """Too many sentences are longer than 20 words.

    ## What it does
    Counts the words of every prose sentence (each paragraph, list item and
    FAQ answer split on its own) and flags the page when more than 25 % of
    sentences have more than 20 words.

    ## Why is this bad?
    Readers lose the thread of long sentences. Yoast's readability analysis
    uses the same test (yoastseo 3.6, `SentenceLengthInTextAssessment`:
    `recommendedLength` 20 words, `slightlyTooMany` 25 %): at most 25 % of
    sentences over 20 words. Words are counted as everywhere here (split on
    hyphens and dashes, as Yoast's tokenizer does).

    ## Example
    ```html
    <html lang="en"><main><p>Shingles, which is caused by the same virus as chickenpox, can wake up years later and cause a burning pain along one side of the back. The pain often starts a few days before any rash appears, which is why it is easy to mistake it for a pulled muscle. See a doctor.</p></main></html>
    ```

    Use instead:
    ```html
    <html lang="en"><main><p>Shingles is caused by the chickenpox virus. It can wake up years later. Then it causes a burning pain along one side of the back. The pain often starts before the rash. So it is easy to mistake for a pulled muscle.</p></main></html>
    ```

    ## References
    Definition as above; sentences come from `pipeline.segmentation` (pysbd
    where it supports the language) per block.

    - Yoast:
      `packages/yoastseo/src/scoring/assessments/readability/SentenceLengthInTextAssessment.js`
      (`recommendedLength` 20, `slightlyTooMany` 25 %) and
      `packages/yoastseo/src/scoring/helpers/assessments/checkForTooLongSentences.js`.
    """
    sentences = page.sentences
    if not sentences:
        return
    long = len(long_sentences(page, opts))
    share, limit = long / len(sentences), opts.max_long_sentence_share
    if share > limit:
        yield Violation(
            f"{share:.0%} of sentences have more than {opts.long_sentence_words} words"
            f" ({long} of {len(sentences)}; max {limit:.0%}){lang_note(page)}",
            _start(page),
            round(share, 3),
            limit,
        )


@readability.rule("READ204", Severity.WARNING, languages=WORD_LANGUAGES)
def paragraph_too_long(
    page: PageFacts, opts: ReadabilityOptions
) -> Iterator[Violation]:
    """A paragraph is longer than 150 words.

    ## What it does
    Counts the words of each paragraph (and each FAQ answer paragraph),
    split on spaces, hyphens and dashes as everywhere else.

    ## Why is this bad?
    A wall of text is skipped, above all on a phone screen. Yoast's
    readability analysis flags paragraphs over 150 words (yoastseo 3.6,
    `ParagraphTooLongAssessment`, `recommendedLength` 150).

    ## Example
    ```html
    <html lang="en"><main><p>Shingles can cause back pain. The pain often comes a few days before the rash. It burns or stings on one side of the body. A doctor can tell it apart from a pulled muscle. Pills that fight the virus work best in the first three days. Start them as soon as you can. Some people still have pain after the rash heals. This is called nerve pain. Drugs and creams can help with it. Ask your doctor which one is right for you. A vaccine lowers the risk of shingles. It is a good idea for most people over fifty. Rest, heat and gentle walks can ease the back while you heal. Keep the rash clean and covered. Do not scratch it. Wash your hands often. Stay away from babies and pregnant women until the blisters crust over. Call your doctor at once if the rash is near an eye. Most people feel better in two to four weeks.</p></main></html>
    ```

    Use instead:
    ```html
    <html lang="en"><main><p>Shingles can cause back pain. The pain often comes a few days before the rash. It burns or stings on one side of the body. A doctor can tell it apart from a pulled muscle.</p><p>Pills that fight the virus work best in the first three days. Start them as soon as you can. Some people still have pain after the rash heals. This is called nerve pain. Drugs and creams can help with it. Ask your doctor which one is right for you.</p><p>A vaccine lowers the risk of shingles. It is a good idea for most people over fifty. Rest, heat and gentle walks can ease the back while you heal. Keep the rash clean and covered. Do not scratch it. Wash your hands often.</p><p>Stay away from babies and pregnant women until the blisters crust over. Call your doctor at once if the rash is near an eye. Most people feel better in two to four weeks.</p></main></html>
    ```

    ## References
    Definition: words (split on spaces, hyphens and dashes) of each paragraph
    block and each FAQ answer paragraph; one of more than `max-paragraph-words`
    (150) is reported.

    - Yoast:
      `packages/yoastseo/src/scoring/assessments/readability/ParagraphTooLongAssessment.js`
      and
      `packages/yoastseo/src/languageProcessing/researches/getParagraphLength.js`.
    """
    limit = opts.max_paragraph_words
    for block, n in long_paragraphs(page, opts):
        at = Pos(block.text, block.line, block.column, block.anchor)
        message = f"paragraph has {n} words (max {limit}){lang_note(page)}"
        yield Violation(message, at, n, limit)


@readability.rule("READ205", Severity.WARNING, languages=WORD_LANGUAGES)
def text_without_subheadings(
    page: PageFacts, opts: ReadabilityOptions
) -> Iterator[Violation]:
    """More than 300 words run on without a subheading.

    ## What it does
    Counts the words between subheadings (`h2`–`h6`), including the text
    before the first one, and flags every stretch over 300 words. A page of
    more than 300 words with no subheading at all is one such stretch.

    ## Why is this bad?
    Readers scan by subheadings to find their question; a long stretch
    without one hides its content. Yoast's subheading distribution check
    uses 300 words (yoastseo 3.6, `SubheadingDistributionTooLongAssessment`).

    ## Example
    ```html
    <html lang="en"><main><h1>Shingles and back pain</h1><p>Shingles can cause back pain. The pain often comes a few days before the rash. It burns or stings on one side of the body, in a band that follows a nerve. Many people think they pulled a muscle. Others fear a kidney stone. A doctor can tell them apart by looking at where the pain is and how it feels.</p><p>Shingles comes from the same virus as chickenpox. After you get better from chickenpox, the virus hides in your nerves. It can sleep there for many years. Stress, illness or age can wake it up. Then it travels along the nerve to the skin. That is why the pain and the rash sit on one side only.</p><p>Pills that fight the virus work best in the first three days after the rash shows. Start them as soon as you can. They make the rash heal faster and can make the pain shorter. Your doctor may also suggest pain pills, cool packs or a cream. Rest helps your body fight back.</p><p>Some people still have pain after the rash heals. This is called nerve pain. It can last for weeks, months or even longer. Drugs made for nerve pain can help, and so can some creams and patches. Ask your doctor which one is right for you, and say how the pain affects your sleep.</p><p>A vaccine lowers the risk of shingles and of long nerve pain. It is a good idea for most people over fifty and for adults with a weak immune system. Keep the rash clean and covered. Do not scratch it. Wash your hands often. Stay away from babies and pregnant women until the blisters crust over.</p><p>Call your doctor at once if the rash is near an eye, if you have a high fever, or if the pain is very strong. Most people feel better in two to four weeks. Gentle walks, heat on the sore muscles and good sleep can ease the back while you heal.</p></main></html>
    ```

    Use instead:
    ```html
    <html lang="en"><main><h1>Shingles and back pain</h1><p>Shingles can cause back pain. The pain often comes a few days before the rash. It burns or stings on one side of the body, in a band that follows a nerve. Many people think they pulled a muscle. Others fear a kidney stone. A doctor can tell them apart by looking at where the pain is and how it feels.</p><p>Shingles comes from the same virus as chickenpox. After you get better from chickenpox, the virus hides in your nerves. It can sleep there for many years. Stress, illness or age can wake it up. Then it travels along the nerve to the skin. That is why the pain and the rash sit on one side only.</p><p>Pills that fight the virus work best in the first three days after the rash shows. Start them as soon as you can. They make the rash heal faster and can make the pain shorter. Your doctor may also suggest pain pills, cool packs or a cream. Rest helps your body fight back.</p><h2>Treatment and prevention</h2><p>Some people still have pain after the rash heals. This is called nerve pain. It can last for weeks, months or even longer. Drugs made for nerve pain can help, and so can some creams and patches. Ask your doctor which one is right for you, and say how the pain affects your sleep.</p><p>A vaccine lowers the risk of shingles and of long nerve pain. It is a good idea for most people over fifty and for adults with a weak immune system. Keep the rash clean and covered. Do not scratch it. Wash your hands often. Stay away from babies and pregnant women until the blisters crust over.</p><p>Call your doctor at once if the rash is near an eye, if you have a high fever, or if the pain is very strong. Most people feel better in two to four weeks. Gentle walks, heat on the sore muscles and good sleep can ease the back while you heal.</p></main></html>
    ```

    ## References
    Definition: words of the main-content text blocks between `h2`-`h6` headings
    (the text before the first one included; headings themselves not counted); a
    stretch of more than `max-section-words` (300) is reported.

    - Yoast:
      `packages/yoastseo/src/scoring/assessments/readability/SubheadingDistributionTooLongAssessment.js`
      and
      `packages/yoastseo/src/languageProcessing/researches/getSubheadingTextLengths.js`.
    """
    limit = opts.max_section_words
    start: TextBlock | None = None
    words = 0
    for block in (*page.blocks, None):
        if block is None or (block.kind is BlockKind.HEADING and block.level >= 2):
            if words > limit:
                what = "before the first subheading" if start is None else "after"
                where = f"{what} {start.text!r}" if start is not None else what
                yield Violation(
                    f"{words} words {where} (max {limit}){lang_note(page)}",
                    _start(page, start),
                    words,
                    limit,
                )
            start, words = block, 0
        elif block.kind is not BlockKind.HEADING:
            words += len(text_words(block.text))


@readability.rule("READ206", Severity.WARNING, languages=WORD_LANGUAGES)
def text_too_short(page: PageFacts, opts: ReadabilityOptions) -> Iterator[Violation]:
    """The main text has fewer than 300 words.

    ## What it does
    Counts the words of the visible main content (`PageFacts.word_count`):
    headings, paragraphs, list items, table cells and FAQ items, but not
    quotations (`<blockquote>`). Words are split on spaces, hyphens and
    dashes, as Yoast's text-length assessment (yoastseo 3.6,
    `wordCountInText`) counts them: "herpes-related" is two words. This is
    the count the keyphrase density and the reports use.

    ## Why is this bad?
    A short page rarely answers a question fully, and search engines have
    little to understand it by. Yoast's text-length check
    (`TextLengthAssessment`, `recommendedMinimum` 300) asks for at least
    300 words on a post or page. Use per-file ignores for pages that are
    short on purpose (contact, legal).

    ## Example
    ```html
    <html lang="en"><main><h1>Shingles and back pain</h1><p>Shingles can cause back pain. See a doctor.</p></main></html>
    ```

    Use instead:
    ```html
    <html lang="en"><main><h1>Shingles and back pain</h1><p>Shingles can cause back pain. The pain often comes a few days before the rash. It burns or stings on one side of the body, in a band that follows a nerve. Many people think they pulled a muscle. Others fear a kidney stone. A doctor can tell them apart by looking at where the pain is and how it feels.</p><p>Shingles comes from the same virus as chickenpox. After you get better from chickenpox, the virus hides in your nerves. It can sleep there for many years. Stress, illness or age can wake it up. Then it travels along the nerve to the skin. That is why the pain and the rash sit on one side only.</p><p>Pills that fight the virus work best in the first three days after the rash shows. Start them as soon as you can. They make the rash heal faster and can make the pain shorter. Your doctor may also suggest pain pills, cool packs or a cream. Rest helps your body fight back.</p><h2>Treatment and prevention</h2><p>Some people still have pain after the rash heals. This is called nerve pain. It can last for weeks, months or even longer. Drugs made for nerve pain can help, and so can some creams and patches. Ask your doctor which one is right for you, and say how the pain affects your sleep.</p><p>A vaccine lowers the risk of shingles and of long nerve pain. It is a good idea for most people over fifty and for adults with a weak immune system. Keep the rash clean and covered. Do not scratch it. Wash your hands often. Stay away from babies and pregnant women until the blisters crust over.</p><p>Call your doctor at once if the rash is near an eye, if you have a high fever, or if the pain is very strong. Most people feel better in two to four weeks. Gentle walks, heat on the sore muscles and good sleep can ease the back while you heal.</p></main></html>
    ```

    ## References
    Definition as above (`PageFacts.word_count`); fewer than `min-words` (300)
    is reported.

    - Yoast:
      `packages/yoastseo/src/scoring/assessments/seo/TextLengthAssessment.js`
      and
      `packages/yoastseo/src/languageProcessing/researches/wordCountInText.js`.
    """
    words = page.word_count
    if words < opts.min_words:
        limit = opts.min_words
        yield Violation(
            f"text has {words} words (min {limit}){lang_note(page)}",
            _start(page),
            words,
            limit,
        )
