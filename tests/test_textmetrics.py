"""pipeline.textmetrics: grapheme counts, pixel widths, truncation, data file."""

from __future__ import annotations

import importlib.util
import json
from importlib import resources
from pathlib import Path
from types import ModuleType

import pytest

from pipeline import textmetrics as tm
from pipeline.textmetrics import (
    DESCRIPTION_SIZE_PX,
    grapheme_len,
    text_width_px,
    truncate_to_chars,
    truncate_to_px,
    width_is_approximate,
)

ROOT = Path(__file__).resolve().parent.parent
TITLE = "Herpes Virus Causes Back Pain"
DESCRIPTION = (
    "Discover the connection between the herpes virus and back pain, including "
    "symptoms, diagnosis, and treatment options. Learn how to manage "
    "herpes-related back pain and reduce its impact on daily life."
)
UPM = 2048  # Liberation Sans unitsPerEm
FONT_DIR = Path("/usr/share/fonts/truetype/liberation2")


def px(units: int, size: float) -> float:
    return units * size / UPM


# --- grapheme_len -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", 0),
        ("abc", 3),
        ("café", 4),  # precomposed é
        ("cafe\u0301", 4),  # e + combining acute: one cluster
        ("a\u0323\u0302", 1),  # two combining marks
        ("👨\u200d👩\u200d👧\u200d👦", 1),  # ZWJ family
        ("👍🏽", 1),  # emoji + skin tone modifier
        ("❤\ufe0f", 1),  # variation selector
        ("🇩🇪🇫🇷", 2),  # two regional-indicator flags
        ("🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f", 1),
        ("日本語", 3),
        ("\u1100\u1161\u11a8", 1),  # Hangul jamo syllable
        ("\r\n", 1),
        ("a b", 3),
        (DESCRIPTION, 199),
    ],
)
def test_grapheme_len(text: str, expected: int) -> None:
    assert grapheme_len(text) == expected


# --- text_width_px --------------------------------------------------------------

# Font units by hand from hmtx / GPOS kern of Liberation Sans 2.1.5:
# regular A=1366 V=1366 T=1251 o=1139 Y=1366 a=1139 H=1479 i=455 e=1139
# r=682 p=1139 s=1024 space=569 W=1933 …=2048; bold A=1479 V=1366.
# Kerning: AV -152, To -227, Ya -152, "A " -113 (regular); AV -152 (bold).


@pytest.mark.parametrize(
    ("text", "size", "bold", "units"),
    [
        ("", 20, False, 0),
        ("Hi", 20, False, 1479 + 455),
        ("AV", 20, False, 1366 + 1366 - 152),
        ("To", 20, False, 1251 + 1139 - 227),
        ("Ya", 20, False, 1366 + 1139 - 152),
        ("AV", 20, True, 1479 + 1366 - 152),
        ("A V", 20, False, 1366 + 569 + 1366 - 113),
        ("Herpes", 14, False, 1479 + 1139 + 682 + 1139 + 1139 + 1024),
        ("W…", 20, False, 1933 + 2048),
        (TITLE, 20, False, 29103),
    ],
)
def test_width_from_font_units(text: str, size: int, bold: bool, units: int) -> None:
    assert text_width_px(text, size, bold) == pytest.approx(px(units, size))


def test_width_scales_linearly_and_bold_is_wider() -> None:
    assert text_width_px(TITLE, 40) == pytest.approx(2 * text_width_px(TITLE, 20))
    assert text_width_px(TITLE, 20, bold=True) > text_width_px(TITLE, 20)


def test_kerning_matters_on_real_titles() -> None:
    title = "Your Travel Guide: Visit Tokyo, Vancouver & Warsaw Today"
    space = px(569, 20)  # a lone space measures 0: whitespace is trimmed
    unkerned = sum(text_width_px(ch, 20) or space for ch in title)
    assert unkerned - text_width_px(title, 20) > 5


@pytest.mark.parametrize(
    ("messy", "clean"),
    [
        ("a  b", "a b"),
        ("\ta\n\r\fb ", "a b"),
        ("  Herpes   Virus\n", "Herpes Virus"),
        ("e\u0301te\u0301", "été"),  # NFC, as HarfBuzz composes
        ("a\u200db\u00adc\ufe0f", "abc"),  # default ignorables are invisible
    ],
)
def test_width_normalisation(messy: str, clean: str) -> None:
    assert text_width_px(messy, 20) == text_width_px(clean, 20)


def test_combining_mark_breaks_kerning_pair() -> None:
    # U+0330 has no precomposed form with A; it is a zero-width base glyph in
    # the font's GDEF, so Chromium does not kern A/V across it.
    assert text_width_px("A\u0330V", 20) == pytest.approx(px(1366 + 1366, 20))


def test_nbsp_is_not_collapsed() -> None:
    assert text_width_px("a\u00a0\u00a0b", 20) > text_width_px("a b", 20)


def test_missing_characters() -> None:
    # Wide (CJK) characters count 1 em, others the font's average width.
    assert text_width_px("日本", 20) == pytest.approx(40.0)
    assert text_width_px("\u0d05", 20) == pytest.approx(px(1187, 20))
    assert text_width_px("\u0d05", 20, bold=True) == pytest.approx(px(1248, 20))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", False),
        (TITLE, False),
        ("Crème brûlée à la française — «déjà vu»", False),
        ("Привет, Ελλάδα", False),  # Cyrillic and Greek are in the font
        ("cafe\u0301", False),
        ("a\u200db", False),
        ("日本語", True),
        ("Back pain 👍", True),
        ("\u0d05", True),  # Malayalam
    ],
)
def test_width_is_approximate(text: str, expected: bool) -> None:
    assert width_is_approximate(text) is expected
    assert width_is_approximate(text, bold=True) is expected


# --- truncate_to_px ---------------------------------------------------------------


def is_word_prefix(head: str, text: str) -> bool:
    """``head`` is whole words of ``text``, minus trailing punctuation."""
    words = text.split(" ")
    return any(
        tm._strip_trailing(" ".join(words[:n])) == head for n in range(len(words))
    )


@pytest.mark.parametrize(
    ("budget", "expected"),
    [
        (
            tm.DESCRIPTION_BUDGET_PX,
            "Discover the connection between the herpes virus and back pain, "
            "including symptoms, diagnosis, and treatment options. Learn how to "
            "manage…",
        ),
        (
            tm.MOBILE_DESCRIPTION_BUDGET_PX,
            "Discover the connection between the herpes virus and back pain, "
            "including symptoms, diagnosis, and…",
        ),
    ],
)
def test_truncate_example_description(budget: int, expected: str) -> None:
    size = tm.DESCRIPTION_SIZE_PX
    assert text_width_px(DESCRIPTION, size) > budget
    result = truncate_to_px(DESCRIPTION, budget, size)
    assert result == expected
    assert text_width_px(result, size) <= budget
    assert is_word_prefix(result.removesuffix("…"), DESCRIPTION)
    # Maximal: one more word would not fit.
    n = len(result.removesuffix("…").split(" "))
    longer = tm._strip_trailing(" ".join(DESCRIPTION.split(" ")[: n + 1])) + "…"
    assert text_width_px(longer, size) > budget


@pytest.mark.parametrize("budget", [75, 120, 200, 333.3, 500, 700, 919, 1256])
@pytest.mark.parametrize("bold", [False, True])
def test_truncate_fits_and_never_cuts_words(budget: float, bold: bool) -> None:
    result = truncate_to_px(DESCRIPTION, budget, 14, bold)
    assert result.endswith("…")
    assert text_width_px(result, 14, bold) <= budget
    assert is_word_prefix(result.removesuffix("…"), DESCRIPTION)


def test_truncate_unchanged_when_it_fits() -> None:
    messy = "  Herpes   Virus  "
    assert truncate_to_px(messy, 600, 20) is messy
    assert truncate_to_px(TITLE, tm.TITLE_BUDGET_PX, tm.TITLE_SIZE_PX) is TITLE
    assert truncate_to_px("", 0, 20) == ""


def test_truncate_exact_boundaries() -> None:
    width = text_width_px(TITLE, 20)
    assert truncate_to_px(TITLE, width, 20) == TITLE
    cut = truncate_to_px(TITLE, width - 0.001, 20)
    assert cut == "Herpes Virus Causes Back…"
    # A budget of exactly that width keeps the same cut; a hair less drops a word.
    exact = text_width_px(cut, 20)
    assert truncate_to_px(TITLE, exact, 20) == cut
    assert truncate_to_px(TITLE, exact - 0.001, 20) == "Herpes Virus Causes…"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Back pain, symptoms and treatment", "Back pain…"),
        ("Back pain — symptoms and treatment", "Back pain…"),
        ("Back pain: symptoms and treatment", "Back pain…"),
        ("Back pain | Health Site Name", "Back pain…"),
        ("Back pain (shingles) is common", "Back pain (shingles)…"),
        ("Back pain 100% curable with care", "Back pain 100%…"),
    ],
)
def test_truncate_strips_trailing_punctuation(text: str, expected: str) -> None:
    budget = text_width_px(expected, 20)
    assert truncate_to_px(text, budget, 20) == expected


def test_truncate_custom_ellipsis() -> None:
    budget = text_width_px("Herpes Virus ...", 20)
    assert truncate_to_px(TITLE, budget, 20, ellipsis=" ...") == "Herpes Virus ..."
    budget = text_width_px("Herpes Virus", 20)
    assert truncate_to_px(TITLE, budget, 20, ellipsis="") == "Herpes Virus"


def test_truncate_cuts_inside_a_word_only_when_the_first_word_is_too_long() -> None:
    text = "Pneumonoultramicroscopicsilicovolcanoconiosis explained"
    result = truncate_to_px(text, 150, 20)
    assert result.endswith("…")
    assert text_width_px(result, 20) <= 150
    assert text.startswith(result.removesuffix("…"))
    assert len(result) > 5
    # Never splits a grapheme cluster.
    result = truncate_to_px("e\u0301" * 40, 30, 20)
    assert result.removesuffix("…") == "e\u0301" * grapheme_len(result[:-1])


def test_truncate_budget_smaller_than_ellipsis() -> None:
    assert truncate_to_px(TITLE, 5, 20) == ""
    assert truncate_to_px(TITLE, text_width_px("…", 20), 20) == "…"


# --- truncate_to_chars --------------------------------------------------------------


def test_truncate_to_chars_example() -> None:
    assert truncate_to_chars(DESCRIPTION, 199) is DESCRIPTION
    result = truncate_to_chars(DESCRIPTION, 198)
    assert result.endswith("…")
    assert grapheme_len(result) <= 198
    assert truncate_to_chars(DESCRIPTION, 160) == (
        "Discover the connection between the herpes virus and back pain, "
        "including symptoms, diagnosis, and treatment options. Learn how to "
        "manage herpes-related back…"
    )
    assert truncate_to_chars(DESCRIPTION, 120) == (
        "Discover the connection between the herpes virus and back pain, "
        "including symptoms, diagnosis, and treatment options…"
    )


@pytest.mark.parametrize("limit", range(1, 60, 3))
def test_truncate_to_chars_fits_and_never_cuts_words(limit: int) -> None:
    result = truncate_to_chars(TITLE + " " + DESCRIPTION, limit)
    assert grapheme_len(result) <= limit
    head = result.removesuffix("…")
    assert is_word_prefix(head, TITLE + " " + DESCRIPTION) or (
        limit < len("Herpes…") and "Herpes".startswith(head)
    )


def test_truncate_to_chars_counts_graphemes() -> None:
    text = "👨\u200d👩\u200d👧 family 🇩🇪 trip guide"
    assert truncate_to_chars(text, grapheme_len(text)) is text
    assert truncate_to_chars(text, 11) == "👨\u200d👩\u200d👧 family 🇩🇪…"
    assert truncate_to_chars(text, 10) == "👨\u200d👩\u200d👧 family…"
    assert truncate_to_chars("🇩🇪🇫🇷🇮🇹🇪🇸", 3) == "🇩🇪🇫🇷…"
    assert truncate_to_chars("abc", 0) == ""


# --- constants and data file --------------------------------------------------------


def test_serp_constants() -> None:
    assert (tm.TITLE_SIZE_PX, tm.DESCRIPTION_SIZE_PX) == (20, 14)
    assert (tm.TITLE_BUDGET_PX, tm.DESCRIPTION_BUDGET_PX) == (600, 920)
    assert tm.MOBILE_DESCRIPTION_BUDGET_PX < tm.DESCRIPTION_BUDGET_PX


def shipped_text() -> str:
    return (resources.files("pipeline") / "data" / "widths.json").read_text("utf-8")


def test_shipped_data_is_attributed_and_complete() -> None:
    data = json.loads(shipped_text())
    assert data["family"] == "Liberation Sans"
    assert data["license"] == "SIL Open Font License, Version 1.1"
    assert "Red Hat" in data["attribution"]
    assert data["units_per_em"] == UPM
    for weight in ("regular", "bold"):
        entry = data["weights"][weight]
        assert entry["version"].startswith("Version 2.")
        assert entry["fallback_width"] > 0
        assert sum(len(run) - 1 for run in entry["widths"]) > 2000
        assert sum(len(v) // 2 for v in entry["kern"].values()) > 500
    assert (
        shipped_text() == json.dumps(data, sort_keys=True, separators=(",", ":")) + "\n"
    )


def load_generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "gen_widths", ROOT / "scripts" / "gen_widths.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_generator_reproduces_shipped_data() -> None:
    fonts = [FONT_DIR / f"LiberationSans-{w}.ttf" for w in ("Regular", "Bold")]
    missing = [str(p) for p in fonts if not p.is_file()]
    if missing:
        pytest.skip(f"font missing (apt-get install fonts-liberation2): {missing}")
    gen = load_generator()  # needs fontTools (the dev extra)
    assert sorted(gen.FONT_FILES.values()) == sorted(fonts)
    assert gen.generate() == shipped_text(), "stale: run scripts/gen_widths.py"
    assert gen.generate() == gen.generate()


def test_truncate_to_px_defaults_to_the_snippet_size() -> None:
    text = (
        "Discover the connection between the herpes virus and back pain, including "
        "symptoms, diagnosis, and treatment options. Learn how to manage "
        "herpes-related back pain and reduce its impact on daily life."
    )
    assert truncate_to_px(text, 920) == truncate_to_px(text, 920, DESCRIPTION_SIZE_PX)
    assert truncate_to_px(text, 920, ellipsis="...").endswith("manage...")
