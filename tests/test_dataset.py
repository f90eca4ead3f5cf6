"""Datasets: one article per CSV row or JSON line, errors and findings at the row."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.config import Site
from pipeline.derive import derive_page
from pipeline.errors import ContentError
from pipeline.sources import content_files, load_articles

DATASETS = Path(__file__).parent / "fixtures" / "datasets"


def test_csv_rows_become_articles() -> None:
    first, second = load_articles(DATASETS / "glossary.csv")
    assert first.article.title == "Shingles"
    assert (
        first.article.author is not None
        and first.article.author.name == "Editorial Team"
    )
    assert first.article.key_points == [
        "Shingles comes from the chickenpox virus.",
        "It often starts with pain before the rash.",
    ]
    assert first.article.faq[0].question == "Is shingles contagious?"
    assert first.article.schema_type == "MedicalWebPage"
    assert second.article.description is None  # blank cells are omitted
    assert second.article.faq == []
    assert first.record.line_of("faq.0.answer") == 2
    assert second.record.line_of("title") == 8


def test_dataset_rows_render_with_row_lines() -> None:
    loaded = load_articles(DATASETS / "glossary.csv")
    page = derive_page(loaded[1], Site())
    assert page.slug == "sciatica"
    assert page.description.startswith("Sciatica is pain")
    assert page.source_map.locate("description") == 8
    assert page.source_map.locate("title") == 8
    assert page.source_map.locate("lang") == 8
    assert page.source_map.locate("heading:Causes") == 10


def test_jsonl_lines_become_articles() -> None:
    lumbago, disc = load_articles(DATASETS / "terms.jsonl")
    assert lumbago.article.slug == "lumbago"
    assert disc.article.faq[0].answer.startswith("A *cushion*")
    assert disc.record.line_of("faq.0.answer") == 3


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("bad.csv", "title,date\nOk,2026-01-01\nBad,not-a-date\n", ":row 3: date:"),
        (
            "bad.csv",
            "title,titel\nA,B\n",
            ":row 2: titel: unknown field; did you mean 'title'?",
        ),
        ("bad.csv", "title,title\nA,B\n", ":1: title: duplicate column"),
        ("bad.csv", "title\nA,B,C\n", ":row 2: 3 cells but 1 columns"),
        (
            "bad.csv",
            "description\nNo title here\n",
            ":row 2: title: required field is missing",
        ),
        ("bad.jsonl", '{"title": "A"}\n{"title": \n', ":2: invalid JSON"),
        (
            "bad.jsonl",
            '{"title": "A"}\n[1, 2]\n',
            ":row 2: each line must be a JSON object",
        ),
    ],
)
def test_bad_rows_name_file_row_field(
    tmp_path: Path, name: str, text: str, expected: str
) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as info:
        load_articles(path)
    assert any(expected in str(p) for p in info.value.problems), info.value.problems


def test_datasets_are_content_files(tmp_path: Path) -> None:
    for name in ("a.csv", "b.jsonl", "c.md", "d.txt"):
        (tmp_path / name).write_text("", encoding="utf-8")
    assert [p.name for p in content_files(tmp_path)] == ["a.csv", "b.jsonl", "c.md"]


def test_a_thousand_rows_build(tmp_path: Path) -> None:
    from pipeline.config import load_config
    from pipeline.run import build

    rows = ["title,body"] + [
        f"Generated page {i},Text of page {i}." for i in range(1000)
    ]
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "pages.csv").write_text(
        "\n".join(rows) + "\n", encoding="utf-8"
    )
    config = load_config(cwd=tmp_path)
    result = build(config, check=False)
    assert len(result.pages) == 1000
    assert (tmp_path / "output" / "generated-page-999" / "index.html").is_file()


def test_a_long_csv_cell_is_held_to_the_content_limits(tmp_path: Path) -> None:
    from pipeline.limits import Limits

    rows = tmp_path / "rows.csv"
    long_body = "word " * 40_000  # over csv's own 128 KiB cell limit
    rows.write_text(f'title,body\nLong,"{long_body}"\nShort,"A body."\n')
    assert len(load_articles(rows)) == 2
    with pytest.raises(ContentError) as info:
        load_articles(rows, Limits(max_body_chars=100_000))
    assert [str(p) for p in info.value.problems] == [
        f"{rows}:row 2: body: 200,000 characters, over the limit of 100,000 "
        "(limit max-body-chars)"
    ]


def test_a_huge_numeric_column_index_is_no_crash(tmp_path: Path) -> None:
    """Found by hypothesis: `faq.<4,400 digits>.question` made int() raise."""
    from pipeline.errors import ContentError
    from pipeline.sources import load_articles

    index = "9" * 4400
    path = tmp_path / "rows.csv"
    path.write_text(
        f"title,body,faq.{index}.question,faq.{index}.answer\n"
        "Winter running,Run slowly in the cold.,Is it safe?,Yes.\n",
        encoding="utf-8",
    )
    try:
        [loaded] = load_articles(path)
    except ContentError as exc:  # refused in one line is fine too
        assert all("\n" not in str(p) for p in exc.problems)
    else:
        assert [item.question for item in loaded.article.faq] == ["Is it safe?"]
