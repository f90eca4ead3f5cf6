"""KEY7xx: keyphrase placement and density, with Unicode-aware matching.

Most complaints about other analysers are false misses; each one filed
often has a row below: hyphens, dashes, slashes, curly apostrophes,
diacritics, case, plurals, word order, stop words in slugs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from pipeline.checks import CheckConfig, check_html
from pipeline.checks.keyphrase import (
    KeyphraseOptions,
    density,
    needle,
    same_word,
    words,
)
from pipeline.facts import PageFacts, parse
from pipeline.findings import Finding
from pipeline.function_words import LANGUAGES, function_words
from tests.helpers import meta_of, render_file


def run(html: str, code: str, phrase: str | None, **config: Any) -> list[Finding]:
    front = {"keyphrase": phrase} if phrase else {}
    result = check_html(html, CheckConfig(select=[code], **config), meta=meta_of(front))
    return [f for f in result.findings if f.code == code]


def title(text: str) -> str:
    return f"<head><title>{text}</title></head>"


CASES = [
    # (id, html, code, keyphrase, findings)
    ("no keyphrase, no rule", title("Anything"), "KEY701", None, 0),
    ("title misses", title("Shingles and the spine"), "KEY701", "herpes back pain", 1),
    ("title has it", title("Herpes Back Pain: Causes"), "KEY701", "herpes back pain", 0),
    ("hyphen in text", title("Back-pain relief"), "KEY701", "back pain", 0),
    ("hyphen in keyphrase", title("Back pain relief"), "KEY701", "back-pain", 0),
    ("en dash", title("Herpes–back pain explained"), "KEY701", "herpes back pain", 0),
    ("em dash", title("Herpes—back pain"), "KEY701", "herpes back pain", 0),
    ("slash", title("Herpes/back pain FAQ"), "KEY701", "herpes back pain", 0),
    ("curly apostrophe in text", title("Women’s health guide"), "KEY701", "women's health", 0),
    ("curly apostrophe in keyphrase", title("Women's health guide"), "KEY701", "women’s health", 0),
    ("diacritics in text", title("Le café au lait parfait"), "KEY701", "cafe au lait", 0),
    ("diacritics in keyphrase", title("Best cafe in town"), "KEY701", "café", 0),
    ("german umlaut", title("Rückenschmerzen bei Herpes"), "KEY701", "ruckenschmerzen", 0),
    ("case", title("HERPES BACK PAIN"), "KEY701", "Herpes Back Pain", 0),
    ("plural", title("How to write meta descriptions"), "KEY701", "meta description", 0),
    ("word order (words mode)", title("Back pain from herpes"), "KEY701", "herpes back pain", 0),
    ("cyrillic", title("Боль в спине при герпесе"), "KEY701", "боль в спине", 0),
    ("description misses", '<meta name="description" content="Shingles hurts.">', "KEY702", "herpes", 1),
    ("description has it", '<meta name="description" content="Why herpes hurts.">', "KEY702", "herpes", 0),
    ("first paragraph misses", "<main><p>Shingles hurts.</p><p>Herpes back pain.</p></main>", "KEY703", "herpes back pain", 1),
    ("first paragraph has it", "<main><p>Herpes can cause back pain.</p></main>", "KEY703", "herpes back pain", 0),
    ("words spread over sentences", "<main><p>Herpes is a virus. Back pain is common.</p></main>", "KEY703", "herpes back pain", 1),
    ("list before first paragraph", "<main><ul><li>x</li></ul><p>Herpes back pain.</p></main>", "KEY703", "herpes back pain", 0),
    ("slug misses", '<link rel="canonical" href="https://e.x/shingles/">', "KEY704", "herpes back pain", 1),
    ("slug any order", '<link rel="canonical" href="https://e.x/back-pain-herpes/">', "KEY704", "herpes back pain", 0),
    ("slug without stop words", '<link rel="canonical" href="https://e.x/pain-back/">', "KEY704", "pain in the back", 0),
    ("slug with extra words", '<link rel="canonical" href="https://e.x/herpes-virus-back-pain/">', "KEY704", "herpes back pain", 0),
    ("density zero", "<main><p>Shingles hurts a lot.</p></main>", "KEY705", "herpes", 1),
    ("density fine", "<main><p>Herpes" + " word" * 60 + ".</p></main>", "KEY705", "herpes", 0),
    ("density too high", "<main><p>Herpes herpes herpes word.</p></main>", "KEY706", "herpes", 1),
    ("density fine high", "<main><p>Herpes" + " word" * 60 + ".</p></main>", "KEY706", "herpes", 0),
    ("density counts hyphenated use", "<main><p>Herpes-back-pain" + " word" * 60 + ".</p></main>", "KEY705", "herpes back pain", 0),
]  # fmt: skip


@pytest.mark.parametrize(
    ("html", "code", "keyphrase", "expected"),
    [c[1:] for c in CASES],
    ids=[c[0] for c in CASES],
)
def test_keyphrase_rules(
    html: str, code: str, keyphrase: str | None, expected: int
) -> None:
    assert len(run(html, code, keyphrase)) == expected


def test_phrase_mode_wants_the_exact_sequence() -> None:
    phrase_mode = {"keyphrase": {"match": "phrase"}}
    assert run(
        title("Back pain from herpes"), "KEY701", "herpes back pain", **phrase_mode
    )
    assert not run(
        title("Herpes back pains"), "KEY701", "herpes back pain", **phrase_mode
    )


def test_short_text_density_message_has_value_and_limit() -> None:
    [finding] = run(
        '<html lang="en"><main><p>Herpes herpes herpes word.</p></main></html>',
        "KEY706",
        "herpes",
    )
    assert finding.message == (
        "keyphrase density is 75.0 % (3 in 4 words; Yoast's length factor 1.03 for"
        " 1 content word; a text under 100 words should use it at most 1 time)"
    )
    assert (finding.value, finding.limit) == (75.0, 25.0)


def long_text(phrase_uses: int, filler: int = 200) -> str:
    """`phrase_uses` sentences with the keyphrase, padded to about `filler` words."""
    uses = " ".join("Herpes can cause back pain." for _ in range(phrase_uses))
    pad = " ".join("Rest and fluids help the body heal." for _ in range(filler // 7))
    return f'<html lang="en"><main><p>{uses} {pad}</p></main></html>'


def test_density_scaled_by_keyphrase_length() -> None:
    # 6 of 226 words = 2.65 %: fine for a one-word keyphrase (x 1.03 = 2.74 %),
    # too high for two content words (x 1.37 = 3.63 %).
    html = long_text(6)
    assert not run(html, "KEY706", "herpes")
    [finding] = run(html, "KEY706", "herpes back pain")
    assert finding.message == (
        "keyphrase density is 2.7 % (6 in 226 words; Yoast's length factor 1.37 for"
        " 2 content words; max 2.20 %, i.e. 3 % after the factor, over Yoast's"
        " range: use it at most 4 times)"
    )
    assert (finding.value, finding.limit) == (2.65, 2.2)


def test_density_too_low_and_yoast_count_rules() -> None:
    assert run(long_text(0), "KEY705", "herpes back pain")
    assert run(long_text(1), "KEY705", "herpes back pain")  # once is too few
    assert not run(long_text(2), "KEY705", "herpes back pain")  # min is 2 here
    [finding] = run(long_text(1), "KEY705", "herpes back pain")
    assert "use it at least 2 times" in finding.message


def test_density_thresholds_are_options() -> None:
    html = long_text(2)
    assert not run(html, "KEY706", "herpes")
    assert run(html, "KEY706", "herpes", keyphrase={"max-density": 0.5})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Women’s health", ("womens", "health")),
        ("café–crème", ("cafe", "creme")),
        ("e/mail_list", ("e", "mail", "list")),
        ("herpes-related back pain", ("herpes", "related", "back", "pain")),
        ("bus gas", ("bus", "gas")),
    ],
)
def test_normalised_words(text: str, expected: tuple[str, ...]) -> None:
    assert words(text) == expected


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("pain", "pains", True),
        ("description", "descriptions", True),
        ("cause", "causes", True),
        ("virus", "viruses", True),
        ("baby", "babies", True),
        ("womens", "women", True),  # women's, apostrophe folded
        ("herpes", "herpes", True),
        ("pain", "painful", False),
        ("pain", "paint", False),
        ("bus", "bu", False),  # words under four letters keep their -s
    ],
)
def test_english_plural_forms(a: str, b: str, same: bool) -> None:
    assert same_word(a, b) is same
    assert same_word(b, a) is same


@pytest.mark.parametrize(
    ("lang", "phrase", "content"),
    [
        ("en", "herpes back pain", ("herpes", "pain")),  # "back": prepositional adverb
        ("en", "pain in the back", ("pain",)),
        ("en", "the and of", ("the", "and", "of")),  # only function words: keep all
        ("de", "Schmerzen im Rücken", ("schmerzen", "rucken")),
        ("fr", "douleur dans le dos", ("douleur", "dos")),
        ("es", "dolor de la espalda", ("dolor", "espalda")),
        ("it", "dolore alla schiena", ("dolore", "schiena")),
        ("pt", "dor nas costas", ("dor", "costas")),
        ("nl", "pijn in de rug", ("pijn", "rug")),
        ("pl", "ból w plecach", ("bol", "w", "plecach")),  # no list: every word
    ],
)
def test_content_words_per_language(
    lang: str, phrase: str, content: tuple[str, ...]
) -> None:
    assert needle(phrase, KeyphraseOptions(), lang).content == content


def test_every_claimed_language_has_function_words() -> None:
    assert {"en", "de", "fr", "es"} <= LANGUAGES
    for lang in LANGUAGES:
        assert len(function_words(lang)) > 80, lang


@pytest.mark.parametrize(
    ("lang", "html", "phrase", "expected"),
    [
        ("de", "<p>Rückenschmerzen und Herpes: Schmerzen im Rücken sind häufig.</p>", "Schmerzen im Rücken", 0),
        ("fr", "<p>L'herpès cause une douleur dans le dos.</p>", "herpès dos", 0),
        ("fr", "<p>Le virus cause une douleur. Le dos va bien.</p>", "douleur dos", 1),
        ("es", "<p>El herpes causa dolor de espalda.</p>", "dolor espalda", 0),
        ("es", "<p>El herpes causa dolores de espalda.</p>", "dolor espalda", 1),  # exact words, as yoastseo
    ],
)  # fmt: skip
def test_first_paragraph_in_other_languages(
    lang: str, html: str, phrase: str, expected: int
) -> None:
    page = f'<html lang="{lang}"><main>{html}</main></html>'
    assert len(run(page, "KEY703", phrase)) == expected


def test_first_paragraph_words_spread_over_sentences_say_so() -> None:
    [finding] = run(
        "<main><p>Herpes is a virus. Back pain is common.</p></main>",
        "KEY703",
        "herpes back pain",
    )
    assert "not within one sentence" in finding.message


def test_page_without_lang_is_read_in_default_lang_and_says_so() -> None:
    html = "<main><p>Herpes herpes herpes word.</p></main>"
    [finding] = run(html, "KEY706", "herpes")
    assert finding.message.endswith(
        "[no lang declared: read as 'en', the default-lang]"
    )
    [finding] = run(f'<html lang="en">{html}</html>', "KEY706", "herpes")
    assert "no lang declared" not in finding.message
    # German function words when the default is German: "im" is not required
    german = "<main><p>Schmerzen und Rücken.</p></main>"
    assert run(german, "KEY703", "Schmerzen beim Rücken")
    assert not run(german, "KEY703", "Schmerzen beim Rücken", default_lang="de")


def test_quoted_keyphrase_is_an_exact_match() -> None:
    assert not run(title("Back pain from herpes"), "KEY701", "herpes back pain")
    assert run(title("Back pain from herpes"), "KEY701", '"herpes back pain"')


# --- the example article, hand-checked -------------------------------------------

# Every sentence of content/herpes-back-pain.md's main text (headings, key points,
# paragraphs, table cells, FAQ) that has both content words of "herpes back pain"
# ("herpes" and "pain"; "back" is a function word), checked by hand against the
# built page, with its occurrences (the lower of the two word counts). 25 in all.
EXAMPLE_MATCHES = [
    ("Herpes Virus Causes Back Pain", 1),  # the h1
    ("One of the lesser-known effects of the herpes virus is its potential to cause back pain.", 1),
    ("This may seem like an unusual connection, but research has shown that certain types of herpes viruses can lead to inflammation and nerve damage, which can manifest as back pain.", 1),
    ("In this article, we will explore the relationship between the herpes virus and back pain, examining the different types of herpes viruses, their symptoms, and the possible mechanisms by which they can cause back pain.", 2),
    ("The herpes virus can cause back pain through inflammation and nerve damage.", 1),
    ("Herpes viruses can reactivate from latency, leading to symptoms such as back pain.", 1),
    ("Diagnosis of herpes-related back pain can be challenging and requires a combination of clinical evaluation, laboratory tests, and imaging studies.", 1),
    ("Treatment options for herpes-related back pain include antiviral medications, pain management, and physical therapy.", 1),
    ("Types of Herpes Viruses and Their Relationship to Back Pain", 1),
    ("Herpes Simplex Virus (HSV) and Back Pain", 1),
    ("Diagnosis and Treatment of Herpes-Related Back Pain", 1),
    ("Diagnosing herpes-related back pain can be challenging, as the symptoms can be nonspecific and similar to those of other conditions.", 1),
    ("Treatment options for herpes-related back pain include antiviral medications, pain management, and physical therapy.", 1),
    ("Antiviral medications can help reduce the severity and frequency of herpes outbreaks, while pain management strategies such as analgesics and nerve blocks can help alleviate back pain.", 1),
    ("Antiviral Medications for Herpes-Related Back Pain", 1),
    ("These medications can help reduce the severity and frequency of herpes outbreaks, which can in turn reduce the incidence of back pain.", 1),
    ("However, the effectiveness of antiviral medications in treating herpes-related back pain is not well established, and more research is needed to determine their optimal use in this context.", 1),
    ("What is the most common type of herpes virus that causes back pain?", 1),
    ("The most common type of herpes virus that causes back pain is varicella-zoster virus (VZV), which is responsible for shingles and postherpetic neuralgia.", 1),
    ("How is herpes-related back pain diagnosed?", 1),
    ("Diagnosing herpes-related back pain requires a combination of clinical evaluation, laboratory tests, and imaging studies.", 1),
    ("What are the treatment options for herpes-related back pain?", 1),
    ("Treatment options for herpes-related back pain include antiviral medications, pain management, and physical therapy.", 1),
    ("Antiviral medications can help reduce the severity and frequency of herpes outbreaks, while pain management strategies such as analgesics and nerve blocks can help alleviate back pain.", 1),
]  # fmt: skip


@pytest.fixture(scope="module")
def example() -> PageFacts:
    rendered = render_file(
        Path(__file__).parents[2] / "content" / "herpes-back-pain.md"
    )
    return parse(rendered.html, meta=rendered.page.meta)


def test_example_density_matches_yoast_definition(example: PageFacts) -> None:
    d = density(example, KeyphraseOptions())
    assert list(d.matches) == EXAMPLE_MATCHES
    assert d.occurrences == sum(n for _, n in EXAMPLE_MATCHES) == 25
    assert d.words == example.word_count == 780
    assert 2.9 <= d.percent <= 3.4
    assert d.content_words == 2


def test_example_gets_key706_too_high() -> None:
    rendered = render_file(
        Path(__file__).parents[2] / "content" / "herpes-back-pain.md"
    )
    result = check_html(
        rendered.html,
        CheckConfig(select=["KEY7"]),
        meta=meta_of({"keyphrase": "herpes back pain"}),
    )
    codes = [f.code for f in result.findings]
    assert "KEY706" in codes and "KEY705" not in codes
    [finding] = [f for f in result.findings if f.code == "KEY706"]
    assert finding.message.startswith("keyphrase density is 3.2 % (25 in 780 words;")
    assert "way over Yoast's range: use it at most 17 times" in finding.message
    assert finding.value is not None and 2.9 <= finding.value <= 3.4


def test_cli_keyphrase_overrides_front_matter() -> None:
    from pipeline.facts import parse

    facts = parse("<p>x</p>", meta=meta_of({"keyphrase": "a"}).with_keyphrase("b"))
    assert facts.keyphrase == "b"


# --- agreement with yoastseo 3.6 ---------------------------------------------------------

# What yoastseo 3.6.0 (npm) reports for these `<main>` fragments, measured with
# its own researchers: `getKeyphraseCount` (count, keyphraseLength) and
# `getKeyphraseDensity` (textLength). Our counts must be the same. For the
# example page yoastseo also counts the byline (16 tokens, "·" included),
# which our facts leave out as page furniture: 796 words there, 780 here,
# with the same 25 occurrences and the same "at most 17 times".
YOAST_36 = [
    ("de", "de.html", "Schmerzen im Rücken", 4, 2, 105),
    ("fr", "fr.html", "douleur dans le dos", 3, 2, 104),
    ("es", "es.html", "dolor de espalda", 3, 2, 101),
]


@pytest.mark.parametrize(
    ("lang", "name", "phrase", "count", "length", "words"), YOAST_36
)
def test_density_agrees_with_yoastseo(
    lang: str, name: str, phrase: str, count: int, length: int, words: int
) -> None:
    fragment = (Path(__file__).parents[1] / "fixtures" / "keyphrase" / name).read_text(
        encoding="utf-8"
    )
    page = parse(
        f'<html lang="{lang}"><body>{fragment}</body></html>',
        meta=meta_of({"keyphrase": phrase}),
    )
    d = density(page, KeyphraseOptions())
    assert (d.occurrences, d.content_words, d.words) == (count, length, words)
