"""Derivation: slugs, fitted descriptions, source maps."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.config import Site
from pipeline.derive import derive_page, fit_description
from pipeline.slugs import slugify
from pipeline.sources import load_article


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Herpes Virus Causes Back Pain", "herpes-virus-causes-back-pain"),
        ("Crème brûlée: 3 façons!", "creme-brulee-3-facons"),
        ("  --Hello__World--  ", "hello-world"),
        ("../../etc/passwd", "etc-passwd"),
        ("日本語", "日本語"),
        ("Straße & Café", "straße-cafe"),
        ("Ελληνικά!", "ελληνικά"),
        ("★ ☆ —", ""),
    ],
)
def test_slugify(title: str, slug: str) -> None:
    assert slugify(title) == slug


def test_slugify_cuts_at_a_hyphen() -> None:
    slug = slugify("word " * 40, max_length=20)
    assert slug == "word-word-word-word"


def test_slugify_cuts_unspaced_scripts_and_fits_a_folder_name() -> None:
    assert slugify("中" * 100) == "中" * 80  # no hyphen to cut at: a hard cut
    wide = slugify("𠀀" * 100)  # four bytes each in UTF-8
    assert len(wide.encode()) <= 255 and wide == "𠀀" * 63
    assert slugify("a" * 81) == "a" * 80


INTRO = (
    "The herpes virus is a widespread and complex group of viruses that can cause a variety of "
    "symptoms. One of the lesser-known effects is back pain. This may seem unusual.",
)


def test_fit_takes_whole_sentences() -> None:
    assert fit_description(INTRO, 155) == (
        "The herpes virus is a widespread and complex group of viruses that can cause a variety "
        "of symptoms. One of the lesser-known effects is back pain."
    )


@pytest.mark.parametrize("budget", [40, 57, 60, 71, 100])
def test_fit_cuts_at_a_word_and_never_dangles(budget: int) -> None:
    fitted = fit_description(
        (
            "The herpes virus is a widespread and complex group of viruses that can cause a variety of symptoms and conditions",
        ),
        budget,
    )
    assert len(fitted) <= budget + 1
    assert fitted.endswith("…")
    body = fitted.removesuffix("…")
    assert body.split()[-1] not in {"a", "and", "of", "that", "the", "to"}
    assert (
        "The herpes virus is a widespread and complex group of viruses that can cause a variety of symptoms"
    ).startswith(body)


def test_fit_keeps_short_text() -> None:
    assert fit_description(("Short and sweet.",), 155) == "Short and sweet."


def test_missing_description_is_derived(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text(
        "---\ntitle: A Test\n---\n" + INTRO[0] + "\n\n## Next\n\nMore.\n",
        encoding="utf-8",
    )
    page = derive_page(load_article(path), Site())
    assert page.description_origin == "derived from the intro"
    assert page.description.startswith("The herpes virus")
    assert len(page.description) <= 155
    assert page.source_map.locate("description") == 4
    assert page.slug == "a-test"


def test_source_map_points_at_content_lines(repo: Path) -> None:
    page = derive_page(load_article(repo / "content" / "herpes-back-pain.md"), Site())
    sm = page.source_map
    assert sm.path.endswith("content/herpes-back-pain.md")
    assert sm.locate("description") == 3
    assert sm.locate("title") == 2
    assert sm.locate("heading:Herpes Simplex Virus (HSV) and Back Pain") == 40
    assert sm.locate("faq:How is herpes-related back pain diagnosed?") == 29
    assert sm.locate("heading:Key points") == 20
    assert sm.locate("heading:Unknown heading") == 34  # falls back to the body
