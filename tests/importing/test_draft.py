"""Plain-text drafts → content files: the seed, the variant drafts, and no text lost."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from pipeline.decode import decode_text
from pipeline.errors import ContentError
from pipeline.importing.draft import parse_draft
from pipeline.importing.result import ImportResult
from pipeline.sources import validate
from pipeline.sources.frontmatter import read_markdown

DRAFTS = Path(__file__).resolve().parent.parent / "fixtures" / "drafts"
SEED = DRAFTS / "herpes-back-pain.txt"
ALL_DRAFTS = sorted(DRAFTS.glob("*.txt"))

# Lines of a draft that are instructions about the page, not its text.
LABEL = re.compile(
    r"^\W*(?:title|slug|focus keyphrase|author|date|word count|tags|"
    r"(?:suggested )?meta[- ]description(?: suggestion)?)\W*:\s*",
    re.IGNORECASE,
)
MARKERS = re.compile(
    r"^\s*(?:#{1,6}\s+|[-*]\s+|[•+]\s*|\d+[.)]\s+|>\s*|(?:Q|A|Answer):\s*)"
)
CLAIM = re.compile(r"\s*\(\d+ \w+\)\s*$")
# Headings the importer turns into structure (the page prints its own labels).
STRUCTURE = re.compile(
    r"(?:key points|key takeaways|summary|tl;dr|faqs?|frequently asked questions|"
    r"puntos clave|preguntas frecuentes|das wichtigste in kürze|"
    r"häufig gestellte fragen):?",
    re.IGNORECASE,
)


def imported(path: Path) -> ImportResult:
    return parse_draft(decode_text(path.read_bytes(), str(path)), str(path))


def flatten(value: Any) -> list[str]:
    """Every string inside nested front-matter values."""
    if isinstance(value, dict):
        return [s for v in value.values() for s in flatten(v)]
    if isinstance(value, list):
        return [s for v in value for s in flatten(v)]
    return [str(value)]


def plain(text: str) -> str:
    """Text without Markdown emphasis, quotes normalised, whitespace collapsed."""
    return " ".join(
        re.sub(r"\*\*|__|(?<!\w)\*|\*(?!\w)|`", "", text).split()
    ).casefold()


def draft_pieces(text: str) -> list[str]:
    """The sentences and table cells of a draft, without markup and labels."""
    pieces: list[str] = []
    for line in text.splitlines():
        line = CLAIM.sub("", LABEL.sub("", MARKERS.sub("", line.strip())))
        line = line.strip().strip("\"'“”„«»‘’").strip()
        if (
            not line
            or set(line) <= set("-|: *")
            or STRUCTURE.fullmatch(line.strip("*_"))
        ):
            continue
        if line.count("|") >= 1 and not line.endswith((".", "?")):
            pieces += [c.strip() for c in line.strip("|").split("|") if c.strip()]
        else:
            pieces += [s for s in re.split(r"(?<=[.?!])\s+", line) if s]
    return pieces


def missing_pieces(path: Path, result: ImportResult) -> list[str]:
    """Draft text found neither in the content file nor in the unplaced report."""
    hay = plain(
        " ".join(
            [
                result.body,
                *flatten(result.front_matter),
                *(t for _, t in result.unplaced),
            ]
        )
    )
    text = decode_text(path.read_bytes())
    return [p for p in draft_pieces(text) if plain(p) not in hay]


def headings(markdown: str) -> list[tuple[int, str]]:
    return [
        (len(m[1]), m[2])
        for m in re.finditer(r"^(#{2,6}) (.+)$", markdown, re.MULTILINE)
    ]


# --- the example draft -----------------------------------------------------------


def test_seed_is_the_shared_example_draft() -> None:
    shared = Path("/work/shared/seeds/herpes-back-pain.txt")
    if shared.exists():
        assert SEED.read_bytes() == shared.read_bytes()


def test_seed_heading_tree_matches_the_hand_made_content() -> None:
    result = imported(SEED)
    assert result.front_matter["title"] == "Herpes Virus Causes Back Pain"
    assert headings(result.body) == [
        (2, "Types of Herpes Viruses and Their Relationship to Back Pain"),
        (3, "Herpes Simplex Virus (HSV) and Back Pain"),
        (2, "Diagnosis and Treatment of Herpes-Related Back Pain"),
        (3, "Antiviral Medications for Herpes-Related Back Pain"),
    ]


def test_seed_body_equals_the_hand_made_content(repo: Path) -> None:
    hand_made = (repo / "content" / "herpes-back-pain.md").read_text(encoding="utf-8")
    assert imported(SEED).body == hand_made.split("---\n", 2)[2].strip()


def test_seed_parts() -> None:
    result = imported(SEED)
    front = result.front_matter
    assert len(front["key_points"]) == 5
    assert front["key_points"][0].startswith("The herpes virus can cause back pain")
    assert [f["question"][:20] for f in front["faq"]] == [
        "What is the most com",
        "How is herpes-relate",
        "What are the treatme",
    ]
    assert len(front["description"]) == 199
    assert front["description_claimed_length"] == 149
    assert front["lang"] == "en"
    assert "slug" not in front  # the build derives it from the title
    table = [line for line in result.body.splitlines() if line.startswith("|")]
    assert len(table) == 2 + 3  # header, separator, 3 data rows
    assert result.recognised == [
        "title",
        "intro (1 paragraph)",
        "5 key points",
        "4 headings (2 H2, 2 H3)",
        "1 table (3 rows)",
        "3 FAQ items",
        "meta description (199 chars, claimed 149)",
        "lang: en (guessed from the text)",
    ]
    assert result.unplaced == []


def test_every_seed_sentence_is_kept() -> None:
    result = imported(SEED)
    assert len(draft_pieces(SEED.read_text(encoding="utf-8"))) > 50
    assert missing_pieces(SEED, result) == []


# --- every fixture draft ---------------------------------------------------------


@pytest.mark.parametrize("path", ALL_DRAFTS, ids=lambda p: p.stem)
def test_golden(path: Path, golden: Callable[[Path, str], None]) -> None:
    golden(path.with_name(path.stem + ".expected.md"), imported(path).to_markdown())


@pytest.mark.parametrize("path", ALL_DRAFTS, ids=lambda p: p.stem)
def test_output_loads_as_a_content_file(path: Path) -> None:
    text = imported(path).to_markdown()
    loaded = validate(read_markdown(Path(f"{path.stem}.md"), text))
    assert loaded.article.body.strip()


@pytest.mark.parametrize("path", ALL_DRAFTS, ids=lambda p: p.stem)
def test_no_text_is_lost(path: Path) -> None:
    assert missing_pieces(path, imported(path)) == []


EXPECTED = {
    # stem: (key points, FAQ items, table data rows, H2, H3, description length,
    #        claimed length, lang, unplaced lines)
    "herpes-back-pain": (5, 3, [3], 2, 2, 199, 149, "en", []),
    "takeaways-qa-pairs": (3, 2, [3], 2, 0, 127, 127, "en", []),
    "summary-answer-prefix": (3, 3, [4], 2, 2, 126, 150, "en", []),
    "crlf-tldr": (3, 2, [], 2, 0, 120, 118, "en", []),
    "bom-plain-faq": (3, 2, [], 2, 0, 137, None, "en", []),
    "de-bom-crlf": (3, 2, [], 2, 0, 129, 131, "de", []),
    "es-guillemets": (3, 2, [3], 2, 0, 124, 118, "es", []),
    "no-faq-metadata": (0, 0, [], 2, 1, None, None, "en", [33]),
    "markdown-draft": (3, 2, [2], 2, 1, 123, 124, "en", [41, 42]),
    "wrapped-tail-qa": (3, 2, [], 2, 0, 121, 121, "en", []),
}


def test_expected_covers_every_fixture() -> None:
    assert sorted(EXPECTED) == [p.stem for p in ALL_DRAFTS]
    assert len(ALL_DRAFTS) - 1 >= 8  # the seed plus at least 8 variants


@pytest.mark.parametrize("stem", sorted(EXPECTED))
def test_variant_parts(stem: str) -> None:
    points, faq, tables, h2, h3, length, claimed, lang, unplaced = EXPECTED[stem]
    result = imported(DRAFTS / f"{stem}.txt")
    front = result.front_matter
    assert len(front.get("key_points", [])) == points
    assert len(front.get("faq", [])) == faq
    rows = [
        len(t.splitlines()) - 2 for t in result.body.split("\n\n") if t.startswith("|")
    ]
    assert rows == tables
    levels = [level for level, _ in headings(result.body)]
    assert (levels.count(2), levels.count(3)) == (h2, h3)
    assert (len(front["description"]) if "description" in front else None) == length
    assert front.get("description_claimed_length") == claimed
    assert front.get("lang") == lang
    assert [line for line, _ in result.unplaced] == unplaced


def test_bom_and_crlf_are_invisible() -> None:
    crlf = imported(DRAFTS / "de-bom-crlf.txt")
    assert crlf.front_matter["title"] == "Kräuter auf der Fensterbank ziehen"
    assert "\r" not in crlf.to_markdown()
    lf = (DRAFTS / "de-bom-crlf.txt").read_bytes().removeprefix(b"\xef\xbb\xbf")
    same = parse_draft(lf.decode().replace("\r\n", "\n"), "lf")
    assert same.to_markdown() == crlf.to_markdown()


# --- recognisers, one variant at a time ---------------------------------------------

INTRO = "Title Line\n\nAn intro paragraph that says what the article is about.\n\n"


def parse(text: str) -> ImportResult:
    return parse_draft(text, "draft.txt")


@pytest.mark.parametrize(
    "table",
    [
        "A | B\n---|---\n1 | 2\n3 | 4",
        "| A | B |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |",
        "A | B |\n1 | 2 |\n3 | 4 |",
        "| A | B\n| 1 | 2\n| 3 | 4",
        "A|B\n:--|--:\n1|2\n3|4",
    ],
    ids=["bare", "piped", "trailing-no-separator", "leading", "aligned"],
)
def test_pipe_tables(table: str) -> None:
    result = parse(INTRO + "Numbers\n" + table + "\n")
    assert "| A | B |\n| --- | --- |\n| 1 | 2 |\n| 3 | 4 |" in result.body
    assert "1 table (2 rows)" in result.recognised


def test_a_single_pipe_line_is_prose() -> None:
    result = parse(INTRO + "Read this | or that, whichever you prefer.\n")
    assert "Read this | or that, whichever you prefer." in result.body
    assert not any("table" in r for r in result.recognised)


@pytest.mark.parametrize(
    "block",
    [
        "Is it safe?\n+Yes, it is safe.\nHow long?\n+About an hour.",
        "Is it safe?\nA: Yes, it is safe.\nHow long?\nAnswer: About an hour.",
        "Q: Is it safe?\nA: Yes, it is safe.\n\nQ: How long?\nA: About an hour.",
        "FAQ\nIs it safe?\nYes, it is safe.\nHow long?\nAbout an hour.",
        "Frequently Asked Questions:\n\n**Is it safe?**\n\nYes, it is safe.\n\n"
        "**How long?**\n\nAbout an hour.",
        "## FAQ\n\n### Is it safe?\n\nYes, it is safe.\n\n### How long?\n\nAbout an hour.",
        "Is it safe?\nYes, it is safe.\n\nHow long?\nAbout an hour.",
        "FAQs\n1. Is it safe?\nYes, it is safe.\n2. How long?\nAbout an hour.",
    ],
    ids=[
        "plus",
        "a-answer",
        "q-a",
        "heading-plain",
        "bold",
        "markdown",
        "tail",
        "numbered",
    ],
)
def test_faq_styles(block: str) -> None:
    result = parse(INTRO + "Section\nSome body text here.\n\n" + block + "\n")
    assert result.front_matter["faq"] == [
        {"question": "Is it safe?", "answer": "Yes, it is safe."},
        {"question": "How long?", "answer": "About an hour."},
    ]
    assert "safe" not in result.body
    assert result.unplaced == []


def test_a_rhetorical_question_in_the_body_stays_in_the_body() -> None:
    text = (
        INTRO
        + "Why does it matter?\nBecause it does. Read on.\n\nNext Step\nMore text.\n"
    )
    result = parse(text)
    assert "faq" not in result.front_matter
    assert "Why does it matter?\n\nBecause it does. Read on." in result.body


def test_multi_paragraph_answer_is_joined() -> None:
    text = INTRO + "FAQ\nIs it safe?\n+Yes.\nIt has been tested for years.\n"
    result = parse(text)
    assert result.front_matter["faq"] == [
        {"question": "Is it safe?", "answer": "Yes. It has been tested for years."}
    ]


@pytest.mark.parametrize(
    ("line", "description", "claimed"),
    [
        (
            "Meta description suggestion: “Short text.” (11 characters)",
            "Short text.",
            11,
        ),
        (
            'Meta description suggestion: "Short text." (12 characters)',
            "Short text.",
            12,
        ),
        ("Meta description: 'Short text.' (11 chars)", "Short text.", 11),
        ("Suggested meta description: Short text.", "Short text.", None),
        ("**Meta Description:** “Short text.” — 11 characters", "Short text.", 11),
        ("Meta description (11 characters): “Short text.”", "Short text.", 11),
        ("Meta description:\n“Short text.” (9 characters)", "Short text.", 9),
        ("Meta description: “He said “no” twice.”", "He said “no” twice.", None),
    ],
)
def test_meta_description_variants(
    line: str, description: str, claimed: int | None
) -> None:
    result = parse(INTRO + line + "\n")
    assert result.front_matter["description"] == description
    assert result.front_matter.get("description_claimed_length") == claimed
    assert "Short" not in result.body and "twice" not in result.body


@pytest.mark.parametrize(
    ("heading", "bullet"),
    [
        ("Key Points", "- "),
        ("Key Takeaways", "• "),
        ("Summary", "* "),
        ("TL;DR", "- "),
        ("TL;DR:", "- "),
        ("**Key takeaways:**", "* "),
        ("## Key Points", "- "),
    ],
)
def test_key_points_variants(heading: str, bullet: str) -> None:
    text = (
        INTRO
        + f"{heading}\n{bullet}First point.\n{bullet}Second point.\n\nBody\nText.\n"
    )
    result = parse(text)
    assert result.front_matter["key_points"] == ["First point.", "Second point."]
    assert "First point" not in result.body


def test_summary_followed_by_prose_is_a_section() -> None:
    result = parse(INTRO + "Summary\nIn the end, it all works out.\n")
    assert "## Summary\n\nIn the end, it all works out." in result.body
    assert "key_points" not in result.front_matter


def test_heading_right_under_a_heading_is_h3() -> None:
    result = parse(INTRO + "Symptoms\nEarly Signs\nA mild fever comes first.\n")
    assert headings(result.body) == [(2, "Symptoms"), (3, "Early Signs")]


def test_unrelated_short_section_stays_h2() -> None:
    text = (
        INTRO
        + "Choosing Apples\n\nCrisp apples such as Braeburn keep their shape.\n"
        + "Storage Tips\nKeep them in a cool, dark place.\n"
    )
    assert headings(parse(text).body) == [(2, "Choosing Apples"), (2, "Storage Tips")]


def test_markdown_levels_are_kept_and_shifted() -> None:
    text = "# Title\n\nIntro text here.\n\n# Part One\n\nText.\n\n## Detail\n\nMore.\n"
    assert headings(parse(text).body) == [(2, "Part One"), (3, "Detail")]


def test_metadata_lines() -> None:
    text = (
        "Title: The Real Title\nBy Jane Doe\nSlug: My Custom Slug\n"
        "Keyphrase: real title\nPublished: March 3, 2026\nLast updated: 2026-04-01\n"
        "Language: en-GB\n\nIntro text.\n"
    )
    front = parse(text).front_matter
    assert front["title"] == "The Real Title"
    assert front["author"] == {"name": "Jane Doe"}
    assert front["slug"] == "my-custom-slug"
    assert front["keyphrase"] == "real title"
    assert str(front["date"]) == "2026-03-03" and str(front["updated"]) == "2026-04-01"
    assert front["lang"] == "en-GB"


def test_unusable_values_and_notes_are_reported_not_dropped() -> None:
    text = (
        INTRO + "Date: next Tuesday\nWord count: 900\n+An answer without a question.\n"
    )
    result = parse(text)
    assert "date" not in result.front_matter
    assert result.unplaced == [
        (5, "next Tuesday"),
        (6, "Word count: 900"),
        (7, "An answer without a question."),
    ]


def test_second_meta_description_is_reported() -> None:
    result = parse(INTRO + "Meta description: First.\nMeta description: Second.\n")
    assert result.front_matter["description"] == "First."
    assert result.unplaced == [(6, "Second.")]


def test_hard_wrapped_paragraphs_are_joined() -> None:
    text = (
        "Wrapped Title\n\nThis paragraph was wrapped by an editor\nat a short width, "
        "so its lines\nbreak in the middle of sentences.\n\nNext Part\n\nAnd it goes\non here.\n"
    )
    result = parse(text)
    assert (
        "This paragraph was wrapped by an editor at a short width, so its lines "
        "break in the middle of sentences." in result.body
    )
    assert headings(result.body) == [(2, "Next Part")]


def test_language_is_left_out_when_unsure() -> None:
    assert "lang" not in parse("Title\n\nShort text.\n").front_matter


def test_empty_draft_is_an_error() -> None:
    with pytest.raises(ContentError, match=r"draft\.txt:1: title: the draft is empty"):
        parse("\n\n  \n")


def test_invalid_utf8_names_the_line() -> None:
    with pytest.raises(ContentError, match=r"in\.txt:2: not valid UTF-8"):
        decode_text(b"Title\n\xff\xfe bad\n", "in.txt")


def test_several_tables_are_summarised() -> None:
    text = INTRO + "Part\nA | B\n1 | 2\n3 | 4\n\nMore text.\n\nC | D\n5 | 6\n"
    assert "2 tables (2, 1 rows)" in parse(text).recognised


@pytest.mark.parametrize(
    ("text", "author", "body"),
    [
        ("T\nby Jane Doe\n\nIntro.\n", "Jane Doe", "Intro."),
        ("T\n\nBy now you know.\n", None, "By now you know."),
        ("T\n\nIntro.\n\nThanks for reading\nThe Team\n", None, None),
    ],
    ids=["byline", "sentence-starting-with-by", "sign-off"],
)
def test_byline_and_short_closing_lines(
    text: str, author: str | None, body: str | None
) -> None:
    result = parse(text)
    assert result.front_matter["title"] == "T"
    assert result.front_matter.get("author", {}).get("name") == author
    if body is not None:
        assert result.body == body
    assert not headings(result.body)
