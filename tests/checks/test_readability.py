"""READ2xx: segmentation on real HTML, language gating, audiences, thresholds."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

import pipeline.checks.readability as read
from pipeline.checks import CheckConfig, PageInput, check_pages
from pipeline.checks.runner import CheckResult
from pipeline.facts import parse
from pipeline.findings import Finding, Severity
from tests.helpers import meta_of

HARD = (
    "Herpes zoster, the reactivation of latent varicella-zoster virus in the dorsal"
    " root ganglia, frequently presents with unilateral dermatomal pain that precedes"
    " the characteristic vesicular eruption by several days, which considerably"
    " complicates the differential diagnosis of acute back pain. Musculoskeletal,"
    " visceral and radicular aetiologies should therefore be considered"
    " systematically before antiviral treatment is initiated. Postherpetic neuralgia,"
    " which is particularly prevalent among immunocompromised and elderly"
    " individuals, can substantially diminish functional capacity and quality of life"
    " for months or years. Pharmacological management, encompassing anticonvulsants,"
    " tricyclic antidepressants and topical anaesthetic preparations, demonstrates"
    " variable effectiveness, so individualised therapeutic strategies remain"
    " indispensable. Vaccination with the recombinant adjuvanted vaccine considerably"
    " decreases the probability of reactivation in older adults."
)  # 111 words, FRE -37, grade 24
MEDIUM = (
    "Shingles is caused by the same virus as chickenpox, which can stay inactive in"
    " the nerves for many years. When the virus becomes active again, it often causes"
    " a burning pain along one side of the back, usually a few days before a rash"
    " appears. Because the early pain feels like a pulled muscle or a kidney problem,"
    " the diagnosis can be difficult at first. Antiviral medicine works best when"
    " treatment starts within three days of the rash. People who still have pain"
    " after the rash has healed may have nerve pain, which needs its own treatment."
    " A vaccine reduces the risk of shingles and is recommended for most adults over"
    " fifty."
)  # 112 words, FRE 65.5, grade 8.8
EASY = (
    "Shingles can cause back pain. The pain often comes a few days before the rash."
    " It burns or stings on one side of the body. A doctor can tell it apart from a"
    " pulled muscle. Pills that fight the virus work best in the first three days."
    " Start them as soon as you can. Some people still have pain after the rash heals."
    " This is called nerve pain. Drugs and creams can help with it. Ask your doctor"
    " which one is right for you. A vaccine lowers the risk of shingles. It is a good"
    " idea for most people over fifty. Rest, heat and gentle walks can ease the back"
    " while you heal."
)  # 113 words, FRE 98, grade 1.7
GERMAN = (
    "Gürtelrose kann Rückenschmerzen verursachen. Der Schmerz beginnt oft einige Tage"
    " vor dem Ausschlag. Er brennt oder sticht auf einer Seite des Körpers. Ein Arzt"
    " kann ihn von einer Zerrung unterscheiden. Tabletten gegen das Virus wirken am"
    " besten in den ersten drei Tagen. Beginnen Sie so früh wie möglich damit. Manche"
    " Menschen haben noch Schmerzen, wenn der Ausschlag verheilt ist. Das nennt man"
    " Nervenschmerz. Medikamente und Salben können helfen. Fragen Sie Ihren Arzt,"
    " welches Mittel für Sie richtig ist. Eine Impfung senkt das Risiko. Sie ist für"
    " die meisten Menschen über fünfzig sinnvoll. Ruhe, Wärme und leichte"
    " Spaziergänge tun dem Rücken gut."
)  # 101 words, FRE (Amstad) 74


def page(body: str, lang: str | None = "en") -> str:
    attr = f' lang="{lang}"' if lang else ""
    return f"<!doctype html><html{attr}><head><title>t</title></head><body><main>{body}</main></body></html>"


def words(n: int, word: str = "pain") -> str:
    """`n` words in sentences of 10 words."""
    chunks = [
        " ".join([word.title()] + [word] * (min(10, n - i) - 1)) + "."
        for i in range(0, n, 10)
    ]
    return " ".join(chunks)


def check(
    html: str,
    select: str = "READ2",
    front_matter: dict[str, Any] | None = None,
    **options: Any,
) -> CheckResult:
    config = CheckConfig(select=[select], readability=options)
    return check_pages([PageInput("p.html", html, meta_of(front_matter))], config)


def found(html: str, code: str, **kwargs: Any) -> list[Finding]:
    return [f for f in check(html, code, **kwargs).findings if f.code == code]


def fires(html: str, code: str, **kwargs: Any) -> bool:
    return bool(found(html, code, **kwargs))


# --- segmentation on real HTML ---------------------------------------------------


def test_heading_is_not_glued_to_the_next_paragraph() -> None:
    facts = parse(
        page(
            "<h1>Shingles and back pain</h1>"
            "<h2>Why shingles hurts</h2><p>The virus sits in a nerve. It burns.</p>"
            "<ul><li>Rest</li><li>Heat on the sore back</li></ul>"
            "<table><tr><td>Onset</td><td>2 days</td></tr></table>"
            "<p>See a doctor early.</p>"
        )
    )
    assert facts.sentences == (
        "The virus sits in a nerve.",
        "It burns.",
        "Rest",
        "Heat on the sore back",
        "See a doctor early.",
    )


def test_headings_do_not_make_sentences_long() -> None:
    # Glued to its heading, the 18-word sentence would be a 26-word one.
    sentence = "The pain of shingles often starts on one side of the back a few days before the rash."
    html = page(f"<h2>Why shingles hurts so much in the back</h2><p>{sentence}</p>")
    assert not fires(html, "READ203")
    assert fires(
        page(f"<p>Why shingles hurts so much in the back {sentence}</p>"), "READ203"
    )


def test_faq_question_is_its_own_block() -> None:
    facts = parse(
        page("<h2>FAQ</h2><h3>Can herpes cause back pain</h3><p>Yes, shingles can.</p>")
    )
    assert facts.sentences == ("Yes, shingles can.",)


# --- languages -----------------------------------------------------------------------

CODES = ["READ201", "READ202", "READ203", "READ204", "READ205", "READ206"]


@pytest.mark.parametrize(
    ("lang", "run", "skipped"),
    [
        ("en", CODES, []),
        ("en-GB", CODES, []),
        ("de", ["READ201", "READ203", "READ204", "READ205", "READ206"], ["READ202"]),
        ("pl", ["READ203", "READ204", "READ205", "READ206"], ["READ201", "READ202"]),
        ("ja", [], CODES),
        ("zh-Hans", [], CODES),
        ("th", [], CODES),
        (None, CODES, []),  # undeclared: read as the default-lang, "en"
    ],
)
def test_rules_without_a_valid_method_are_skipped(
    lang: str | None, run: list[str], skipped: list[str]
) -> None:
    result = check(page(f"<p>{EASY}</p>", lang))
    [report] = result.pages
    assert sorted(report.rules_run) == run
    assert sorted(report.rules_skipped) == skipped
    infos = {f.code: f for f in result.findings if f.message.startswith("skipped")}
    assert sorted(infos) == skipped
    for finding in infos.values():
        assert finding.severity is Severity.INFO
        assert "no valid method for language" in finding.message


def test_page_without_lang_is_read_in_the_default_lang_and_says_so() -> None:
    html = page(f"<p>{HARD}</p>", None)
    result = check(html)
    [report] = result.pages
    assert sorted(report.rules_run) == CODES
    [finding] = [f for f in result.findings if f.code == "READ201"]
    assert finding.message.endswith(
        "[no lang declared: read as 'en', the default-lang]"
    )
    facts = parse(html)
    assert (facts.lang, facts.text_lang, facts.lang_assumed) == (None, "en", True)
    # the same page under default-lang = "de": German formula, no grade
    german = check_pages(
        [PageInput("p.html", html)], CheckConfig(select=["READ2"], default_lang="de")
    )
    [report] = german.pages
    assert sorted(report.rules_skipped) == ["READ202"]
    assert "no valid method for language 'de'" in next(
        f.message for f in german.findings if f.code == "READ202"
    )
    declared = check(page(f"<p>{HARD}</p>", "en"))
    assert all("no lang declared" not in f.message for f in declared.findings)


def test_json_report_says_the_language_was_assumed() -> None:
    from pipeline.report import jsonreport

    [undeclared] = check(page(f"<p>{EASY}</p>", None)).pages
    [declared] = check(page(f"<p>{EASY}</p>", "en")).pages
    summary = jsonreport.page_summary(undeclared)
    assert (summary["lang"], summary["text_lang"], summary["lang_assumed"]) == (
        None,
        "en",
        True,
    )
    assert jsonreport.page_summary(declared)["lang_assumed"] is False
    assert (
        summary["flesch_reading_ease"]
        == jsonreport.page_summary(declared)["flesch_reading_ease"]
    )


# --- quotations and the one word count ------------------------------------------------


def test_blockquote_is_not_the_authors_text() -> None:
    quote = f"<blockquote><p>{HARD}</p></blockquote>"
    with_quote = parse(page(f"<p>{EASY}</p>{quote}"))
    without = parse(page(f"<p>{EASY}</p>"))
    assert with_quote.word_count == without.word_count == 113
    assert with_quote.sentences == without.sentences
    assert with_quote.readability == without.readability
    assert not fires(page(f"<p>{EASY}</p>{quote}"), "READ201")
    assert fires(page(f"<p>{EASY}</p><p>{HARD}</p>"), "READ201")


def test_one_word_count_for_every_rule_and_report() -> None:
    from pathlib import Path

    from pipeline.checks.keyphrase import KeyphraseOptions, density
    from pipeline.report import jsonreport
    from pipeline.report.htmlreport import render
    from tests.helpers import render_file

    rendered = render_file(
        Path(__file__).parents[2] / "content" / "herpes-back-pain.md"
    )
    facts = parse(rendered.html, meta=rendered.page.meta)
    assert facts.word_count == 780
    assert density(facts, KeyphraseOptions()).words == 780
    result = check_pages(
        [PageInput("p.html", rendered.html, rendered.page.meta)],
        CheckConfig(select=["READ206", "KEY7"], readability={"min-words": 1000}),
    )
    [short] = [f for f in result.findings if f.code == "READ206"]
    assert short.message == "text has 780 words (min 1000)"
    [key] = [f for f in result.findings if f.code == "KEY706"]
    assert "25 in 780 words" in key.message
    [report] = result.pages
    assert jsonreport.page_summary(report)["word_count"] == 780
    assert "<dt>Words</dt><dd>780</dd>" in render(result)


@pytest.mark.parametrize(
    "name",
    [
        "herpes-back-pain.md",
        "meta-descriptions-that-fit.md",
        "winter-running-checklist.yaml",
    ],
)
def test_built_pages_state_the_same_word_count(name: str) -> None:
    """The JSON-LD `wordCount` of a built page is the count the checks use."""
    from pathlib import Path

    from tests.helpers import jsonld_blocks, render_file

    rendered = render_file(Path(__file__).parents[2] / "content" / name)
    [block] = jsonld_blocks(rendered.html)
    counts = {n["wordCount"] for n in block["@graph"] if "wordCount" in n}
    assert counts == {parse(rendered.html).word_count}


def test_japanese_page_is_never_scored() -> None:
    text = "帯状疱疹は背中の痛みの原因になります。" * 40
    result = check(page(f"<p>{text}</p>", "ja"))
    assert all(f.message.startswith("skipped") for f in result.findings)


def test_german_uses_its_own_reading_ease_formula() -> None:
    assert not fires(page(f"<p>{GERMAN}</p>", "de"), "READ201")
    facts = parse(page(f"<p>{GERMAN}</p>", "de"))
    assert facts.readability is not None
    assert facts.readability.fk_grade is None  # the grade is English-only


def test_language_sets() -> None:
    assert {"en"} == read.GRADE_LANGUAGES
    assert {"en", "de", "fr", "es", "it", "nl", "ru"} <= read.FRE_LANGUAGES
    assert read.FRE_LANGUAGES <= read.WORD_LANGUAGES
    assert not {"ja", "zh", "th", "ko", "vi"} & read.WORD_LANGUAGES


# --- audiences ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "audience", "expected"),
    [
        (HARD, "general", {"READ201"}),
        (MEDIUM, "general", set()),  # FRE 65 >= 50; no grade target
        (EASY, "general", set()),
        (HARD, "health", {"READ202"}),  # grade 24 > 8; READ201 defers to the grade
        (MEDIUM, "health", {"READ202"}),  # grade 8.8 > 8
        (EASY, "health", set()),
    ],
)
def test_audience_targets(text: str, audience: str, expected: set[str]) -> None:
    html = page(f"<p>{text}</p>")
    via_front_matter = check(html, front_matter={"audience": audience})
    via_option = check(html, audience=audience)
    for result in (via_front_matter, via_option):
        codes = {f.code for f in result.findings} & {"READ201", "READ202"}
        assert codes == expected


def test_front_matter_audience_wins_over_the_option() -> None:
    html = page(f"<p>{MEDIUM}</p>")
    assert fires(html, "READ202", audience="health")
    assert not fires(
        html, "READ202", audience="health", front_matter={"audience": "general"}
    )
    # an unknown front matter audience falls back to the option
    assert fires(html, "READ202", audience="health", front_matter={"audience": "kids"})


def test_health_reading_ease_applies_where_there_is_no_grade() -> None:
    hard_de = (
        "Die " + " ".join(["Gesundheitsversorgungsstrukturen"] * 30) + ". " + GERMAN
    )
    html = page(f"<p>{hard_de}</p>", "de")
    assert fires(html, "READ201", front_matter={"audience": "health"})


def test_messages_and_values() -> None:
    [finding] = found(page(f"<p>{MEDIUM}</p>"), "READ202", audience="health")
    assert finding.message == "flesch-kincaid grade is 8.8 (max 8 for health readers)"
    assert (finding.value, finding.limit) == (8.8, 8.0)
    [finding] = found(page(f"<p>{HARD}</p>"), "READ201")
    assert finding.message == "flesch reading ease is -37 (min 50 for general readers)"


def test_short_texts_are_not_scored() -> None:
    short = "Herpes zoster reactivation precipitates dermatomal neuropathic pain."
    assert not fires(page(f"<p>{short}</p>"), "READ201")
    assert fires(page(f"<p>{short}</p>"), "READ201", min_scored_words=5)


def test_unknown_audience_is_a_config_error() -> None:
    with pytest.raises(ValidationError, match="audience 'kids' has no targets"):
        read.ReadabilityOptions(audience="kids")
    read.ReadabilityOptions(audience="kids", max_grade={"kids": 5})


# --- long sentences, paragraphs, subheadings, text length ------------------------------


@pytest.mark.parametrize(
    ("sentences", "expected"),
    [
        ([20, 5, 5, 5], False),  # 20 words is not over 20
        ([21, 5, 5, 5], False),  # 25 % is not over 25 %
        ([21, 21, 5, 5], True),
        ([21], True),
        ([5, 5, 5], False),
    ],
)
def test_long_sentences(sentences: list[int], expected: bool) -> None:
    text = " ".join(" ".join(["Word"] + ["word"] * (n - 1)) + "." for n in sentences)
    assert fires(page(f"<p>{text}</p>"), "READ203") is expected


def test_list_items_are_sentences_of_their_own() -> None:
    items = "".join(f"<li>{' '.join(['step'] * 8)}</li>" for _ in range(4))
    assert not fires(page(f"<ul>{items}</ul>"), "READ203")


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (f"<p>{words(150)}</p>", []),
        (f"<p>{words(151)}</p>", ["paragraph has 151 words (max 150)"]),
        (f"<ul><li>{words(200)}</li></ul>", []),  # a list item is not a paragraph
        (
            f"<h2>FAQ</h2><h3>Why?</h3><p>{words(160)}</p>",
            ["paragraph has 160 words (max 150)"],
        ),
        (f"<p>{words(100)}</p><p>{words(100)}</p>", []),
    ],
)
def test_long_paragraphs(body: str, expected: list[str]) -> None:
    assert [f.message for f in found(page(body), "READ204")] == expected


def test_long_paragraph_points_at_its_line() -> None:
    html = page(f"<p>short.</p>\n\n<p>{words(151)}</p>")
    [finding] = found(html, "READ204")
    assert finding.line == 3


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (f"<h1>T</h1><p>{words(300)}</p>", []),
        (
            f"<h1>T</h1><p>{words(301)}</p>",
            ["301 words before the first subheading (max 300)"],
        ),
        (f"<p>{words(200)}</p><h2>Two</h2><p>{words(200)}</p>", []),
        (
            f"<p>{words(100)}</p><h2>Two</h2><p>{words(200)}</p><ul><li>{words(150)}</li></ul>",
            ["350 words after 'Two' (max 300)"],
        ),
        (
            f"<p>{words(310)}</p><h3>Three</h3><p>{words(320)}</p>",
            [
                "310 words before the first subheading (max 300)",
                "320 words after 'Three' (max 300)",
            ],
        ),
    ],
)
def test_subheading_distribution(body: str, expected: list[str]) -> None:
    assert [f.message for f in found(page(body), "READ205")] == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (f"<p>{words(299)}</p>", ["text has 299 words (min 300)"]),
        (f"<p>{words(300)}</p>", []),
        (f"<h1>{words(5)}</h1><p>{words(295)}</p>", []),  # headings count
        (
            f"<p>{words(290)}</p><p>pain-free pain-free pain-free pain-free pain-free</p>",
            [],
        ),  # hyphens split
        (
            f"<p>{words(299)}</p><blockquote><p>{words(50)}</p></blockquote>",
            ["text has 299 words (min 300)"],
        ),
        ("", ["text has 0 words (min 300)"]),
    ],
)
def test_text_too_short(body: str, expected: list[str]) -> None:
    assert [f.message for f in found(page(body), "READ206")] == expected


def test_thresholds_are_options() -> None:
    html = page(f"<p>{words(120)}</p>")
    assert fires(html, "READ204", max_paragraph_words=100)
    assert fires(html, "READ205", max_section_words=100)
    assert not fires(html, "READ206", min_words=100)
    assert fires(
        page("<p>One two three four five six.</p>"), "READ203", long_sentence_words=5
    )
