"""pipeline.snippets: measuring, previews and fitting to pixel + character budgets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.checks.config import PROFILES
from pipeline.checks.length import LengthOptions
from pipeline.config import Site
from pipeline.derive import derive_page
from pipeline.snippets import (
    DANGLING,
    MIN_FILL,
    SnippetLimits,
    fit,
    limits_for,
    measure,
)
from pipeline.sources import load_article
from pipeline.textmetrics import (
    MOBILE_DESCRIPTION_BUDGET_PX,
    grapheme_len,
    text_width_px,
)

TITLE = "Herpes Virus Causes Back Pain"
DESCRIPTION = (
    "Discover the connection between the herpes virus and back pain, including "
    "symptoms, diagnosis, and treatment options. Learn how to manage "
    "herpes-related back pain and reduce its impact on daily life."
)
FIRST_SENTENCE = (
    "Discover the connection between the herpes virus and back pain, including "
    "symptoms, diagnosis, and treatment options."
)
LIMITS = SnippetLimits()


def fits(text: str, limits: SnippetLimits = LIMITS, size: int = 14) -> bool:
    return (
        grapheme_len(text) <= limits.description_max_chars
        and text_width_px(text, size) <= limits.description_max_px
    )


# --- limits come from the check profiles ---------------------------------------


def test_default_limits_are_the_length_rule_defaults() -> None:
    defaults = LengthOptions()
    limits = limits_for("default")
    assert limits.title_max_chars == defaults.title_max_chars
    assert limits.title_max_px == defaults.title_max_px
    assert limits.description_max_chars == defaults.description_max_chars
    assert limits.description_max_px == defaults.description_max_px
    assert limits.mobile_description_max_px == MOBILE_DESCRIPTION_BUDGET_PX
    assert limits == SnippetLimits()  # the fallback dataclass agrees


@pytest.mark.parametrize("profile", list(PROFILES))
def test_every_profile_has_limits(profile: str) -> None:
    limits = limits_for(profile)
    overrides = PROFILES[profile].get("length", {})
    for key in ("title-max-px", "description-max-chars", "description-max-px"):
        if key in overrides:
            assert getattr(limits, key.replace("-", "_")) == overrides[key]


def test_unknown_profile_is_a_value_error_with_a_suggestion() -> None:
    with pytest.raises(ValueError, match="did you mean 'yoast'"):
        limits_for("yoats")


# --- measure -------------------------------------------------------------------


def test_measure_the_example_description() -> None:
    m = measure(DESCRIPTION, "description", LIMITS)
    assert m.chars == 199
    assert m.px == pytest.approx(text_width_px(DESCRIPTION, 14))
    assert m.px > 920
    assert (m.max_chars, m.max_px, m.size_px) == (155, 920, 14)
    assert not m.fits and not m.fits_chars and not m.fits_px
    assert not m.approximate
    # Cut where the pixels say, at a word, with an ellipsis.
    assert m.desktop.endswith("Learn how to manage…")
    assert text_width_px(m.desktop, 14) <= 920
    assert text_width_px(m.mobile, 14) <= MOBILE_DESCRIPTION_BUDGET_PX
    assert len(m.mobile) < len(m.desktop)
    assert DESCRIPTION.startswith(m.mobile.removesuffix("…"))


def test_measure_a_title_that_fits() -> None:
    m = measure(TITLE, "title", LIMITS)
    assert (m.chars, m.size_px, m.max_px) == (29, 20, 580)
    assert m.px == pytest.approx(text_width_px(TITLE, 20))
    assert m.fits and m.desktop == m.mobile == TITLE


def test_measure_collapses_whitespace_like_a_browser() -> None:
    m = measure("  Two\n\twords  ", "title", LIMITS)
    assert m.text == "Two words" and m.chars == 9


def test_wide_letters_overflow_before_the_character_limit() -> None:
    m = measure("W" * 40, "title", LIMITS)
    assert m.fits_chars and not m.fits_px
    assert m.desktop.endswith("…")
    assert text_width_px(m.desktop, 20) <= 580


def test_unknown_glyphs_are_flagged_approximate() -> None:
    m = measure("Back pain \U0001d4d1\U0001d4ea\U0001d4ec\U0001d4f4", "title", LIMITS)
    assert m.approximate
    assert json.loads(json.dumps(m.as_dict()))["approximate"] is True


def test_as_dict_is_json_ready() -> None:
    doc = measure(DESCRIPTION, "description", LIMITS).as_dict()
    assert doc["chars"] == 199 and doc["max_px"] == 920 and doc["fits"] is False
    assert set(doc["preview"]) == {"desktop", "mobile"}


# --- fit -----------------------------------------------------------------------


def test_fit_the_example_description_to_a_whole_sentence() -> None:
    fitted = fit(DESCRIPTION, "description", LIMITS)
    assert fitted == FIRST_SENTENCE
    assert grapheme_len(fitted) <= 155 and text_width_px(fitted, 14) <= 920


def test_text_that_fits_is_returned_unchanged() -> None:
    assert fit(FIRST_SENTENCE, "description", LIMITS) == FIRST_SENTENCE
    assert fit(TITLE, "title", LIMITS) == TITLE


def test_the_pixel_budget_binds_before_the_character_budget() -> None:
    wide = "WWW MMM " * 12 + "end."
    assert grapheme_len(wide) <= 155
    fitted = fit(wide, "description", LIMITS)
    assert fitted.endswith("…")
    assert fits(fitted)


def test_the_character_budget_binds_before_the_pixel_budget() -> None:
    narrow = "ill lit fil " * 20
    limits = LIMITS.replace(description_max_chars=60)
    fitted = fit(narrow, "description", limits)
    assert grapheme_len(fitted) <= 60
    assert fitted.endswith("…")


def test_keyphrase_picks_the_lead_sentence() -> None:
    blocks = (
        "Cold mornings are a fine time to run if you plan for them well.",
        "Winter running gear keeps you warm, dry and easy to see on dark roads.",
        "Warm up inside first, then start slowly and build up your pace over time.",
    )
    fitted = fit(blocks, "description", LIMITS, keyphrase="winter running gear")
    assert fitted.startswith("Winter running gear keeps you warm")
    assert fits(fitted)
    without = fit(blocks, "description", LIMITS)
    assert without.startswith("Cold mornings")


def test_keyphrase_words_in_any_order_count_after_the_exact_phrase() -> None:
    blocks = (
        "Back pain from a herpes infection is rare but real for many adults.",
        "This is the opening sentence that does not mention the topic at all.",
        "Herpes back pain usually follows the line of one nerve on one side.",
    )
    fitted = fit(blocks, "description", LIMITS, keyphrase="herpes back pain")
    assert fitted.startswith("Herpes back pain usually")


def test_short_whole_sentences_lose_to_a_fuller_cut() -> None:
    long_sentence = (
        "The herpes virus is a widespread and complex group of viruses that can "
        "cause a variety of symptoms and conditions, from mild skin lesions to "
        "serious neurological disorders in adults"
    )
    fitted = fit((long_sentence + ".", "It hurts."), "description", LIMITS)
    assert fitted.endswith("…")
    assert fits(fitted)
    assert fitted.startswith("The herpes virus is a widespread")
    ratio = max(grapheme_len(fitted) / 155, text_width_px(fitted, 14) / 920)
    assert ratio >= MIN_FILL


@pytest.mark.parametrize("budget", [40, 50, 57, 60, 71, 80, 100, 120])
def test_a_cut_never_dangles_or_splits_a_word(budget: int) -> None:
    text = (
        "Treatment for the pain of shingles and of the nerves in the back with or "
        "without the help of a doctor is a matter for the patient and the family"
    )
    limits = LIMITS.replace(description_max_chars=budget)
    fitted = fit(text, "description", limits)
    assert fitted.endswith("…")
    body = fitted.removesuffix("…")
    assert text.startswith(body)
    assert text[len(body)] == " "  # ends on a whole word
    assert body.split()[-1].casefold() not in DANGLING
    assert grapheme_len(fitted) <= budget


def test_cut_drops_trailing_punctuation() -> None:
    text = "Symptoms, diagnosis, treatment, recovery, prevention, and outlook " * 4
    fitted = fit(text, "description", LIMITS.replace(description_max_chars=60))
    assert fitted.endswith("…") and not fitted.endswith(",…")


def test_title_is_cut_at_a_separator_when_that_is_full_enough() -> None:
    title = (
        "Back Pain Relief Exercises You Can Do at Home | Health Notes Editorial Team"
    )
    assert (
        fit(title, "title", LIMITS) == "Back Pain Relief Exercises You Can Do at Home"
    )


def test_title_without_a_good_separator_gets_a_word_cut() -> None:
    title = "Why Your Lower Back Hurts When You Wake Up in the Morning and What To Do"
    fitted = fit(title, "title", LIMITS)
    assert fitted.endswith("…")
    assert text_width_px(fitted, 20) <= 580 and grapheme_len(fitted) <= 60
    assert fitted.removesuffix("…").split()[-1].casefold() not in DANGLING


def test_empty_input_gives_empty_text() -> None:
    assert fit((), "description", LIMITS) == ""
    assert fit(("  ", ""), "description", LIMITS) == ""


# --- build fitting ---------------------------------------------------------------


def _page(tmp_path: Path, front: str, body: str, site: Site) -> object:
    path = tmp_path / "a.md"
    path.write_text(f"---\ntitle: A Test\n{front}---\n{body}\n", encoding="utf-8")
    return derive_page(load_article(path), site)


def test_writer_text_is_never_rewritten_by_default(tmp_path: Path) -> None:
    page = _page(tmp_path, f'description: "{DESCRIPTION}"\n', "Intro.", Site())
    assert page.description == DESCRIPTION  # type: ignore[attr-defined]
    assert page.description_original is None  # type: ignore[attr-defined]
    assert page.description_origin == "front matter"  # type: ignore[attr-defined]


def test_over_budget_description_is_fitted_when_enabled(tmp_path: Path) -> None:
    site = Site(fit_descriptions=True)
    page = _page(tmp_path, f'description: "{DESCRIPTION}"\n', "Intro.", site)
    assert page.description == FIRST_SENTENCE  # type: ignore[attr-defined]
    assert page.description_original == DESCRIPTION  # type: ignore[attr-defined]
    assert "fitted" in page.description_origin  # type: ignore[attr-defined]


def test_description_that_fits_is_kept_even_when_fitting_is_on(tmp_path: Path) -> None:
    site = Site(fit_descriptions=True)
    page = _page(tmp_path, f'description: "{FIRST_SENTENCE}"\n', "Intro.", site)
    assert page.description == FIRST_SENTENCE  # type: ignore[attr-defined]
    assert page.description_original is None  # type: ignore[attr-defined]


def test_missing_description_uses_intro_and_key_points(tmp_path: Path) -> None:
    front = (
        "keyphrase: winter running\n"
        "key_points:\n"
        "  - Winter running is safe when you dress in layers and stay visible.\n"
    )
    intro = "Cold mornings are fine. Plan ahead and wear layers you can take off."
    page = _page(tmp_path, front, intro, Site())
    description = page.description  # type: ignore[attr-defined]
    assert description.startswith("Winter running is safe")
    assert fits(description)
    assert page.description_origin == "derived from the intro"  # type: ignore[attr-defined]


def test_site_character_budget_applies(tmp_path: Path) -> None:
    site = Site(description_max_chars=60, fit_descriptions=True)
    page = _page(tmp_path, f'description: "{DESCRIPTION}"\n', "", site)
    assert grapheme_len(page.description) <= 60  # type: ignore[attr-defined]


def test_manifest_keeps_the_original_beside_the_fitted(tmp_path: Path) -> None:
    from pipeline.config import load_config
    from pipeline.run import build

    repo = Path(__file__).resolve().parent.parent
    config = load_config(repo / "pyproject.toml")
    site = config.site.model_copy(
        update={"fit_descriptions": True, "output_dir": tmp_path / "out"}
    )
    result = build(config.model_copy(update={"site": site}), check=False)
    manifest = next(f for f in result.files if f.rel_path == "manifest.json")
    rows = {r["path"]: r for r in json.loads(manifest.content)["pages"]}
    row = rows["herpes-virus-back-pain/index.html"]
    assert row["description"] == FIRST_SENTENCE
    assert row["description_original"] == DESCRIPTION
    assert row["description_length"] == 117
    others = [r for p, r in rows.items() if p != "herpes-virus-back-pain/index.html"]
    assert all(r["description_original"] is None for r in others)


def test_build_fits_derived_descriptions_to_the_profile_pixel_budget(
    tmp_path: Path,
) -> None:
    """The check config's pixel budget (profile ← length table) reaches derive."""
    from pipeline.config import load_config
    from pipeline.run import build
    from pipeline.textmetrics import text_width_px

    (tmp_path / "content").mkdir()
    intro = " ".join(f"Wide Wombat Warehouse Management part {n}." for n in "ABCDEF")
    (tmp_path / "content" / "a.md").write_text(
        f"---\ntitle: Wide\n---\n{intro}\n", encoding="utf-8"
    )

    def derived(config_text: str) -> str:
        (tmp_path / "seo-pipeline.toml").write_text(config_text, encoding="utf-8")
        (page,) = build(load_config(cwd=tmp_path), write=False).pages
        return page.page.description

    wide = derived("description-max-chars = 400\n")
    narrow = derived(
        "description-max-chars = 400\n[length]\ndescription-max-px = 500\n"
    )
    assert text_width_px(wide, 14) <= 920
    assert text_width_px(narrow, 14) <= 500
    assert len(narrow) < len(wide)
