"""SITE6xx: duplicates across pages."""

from __future__ import annotations

from typing import Any

import pytest

from pipeline.checks import CheckConfig, PageInput, check_pages


def run(pages: list[str], code: str, **config: Any) -> list[tuple[str, str]]:
    inputs = [PageInput(f"p{i}.html", html) for i, html in enumerate(pages)]
    result = check_pages(inputs, CheckConfig(select=[code], **config))
    return [(f.path, f.message) for f in result.findings if f.code == code]


def desc(text: str) -> str:
    return f'<head><meta name="description" content="{text}"></head>'


CASES = [
    ("same title", ["<title>A</title>", "<title>A</title>"], "SITE601", 2),
    ("title case and spaces", ["<title>Herpes  Pain</title>", "<title>herpes pain</title>"], "SITE601", 2),
    ("different titles", ["<title>A</title>", "<title>B</title>"], "SITE601", 0),
    ("one page", ["<title>A</title>"], "SITE601", 0),
    ("empty titles ignored", ["<title></title>", "<title> </title>"], "SITE601", 0),
    ("same description", [desc("Same."), desc("Same."), desc("Other.")], "SITE602", 2),
    ("different descriptions", [desc("One."), desc("Two.")], "SITE602", 0),
    ("same h1", ["<h1>Back pain</h1>", "<h1>Back pain</h1>"], "SITE603", 2),
    ("different h1", ["<h1>Back pain</h1>", "<h1>Neck pain</h1>"], "SITE603", 0),
]  # fmt: skip


@pytest.mark.parametrize(
    ("pages", "code", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_site_rules(pages: list[str], code: str, expected: int) -> None:
    assert len(run(pages, code)) == expected


def test_message_names_the_other_pages() -> None:
    found = run(["<title>A</title>", "<title>A</title>", "<title>A</title>"], "SITE601")
    assert found[0] == ("p0.html", "title 'A' is also used by p1.html, p2.html")


def test_case_sensitive_option() -> None:
    pages = ["<title>Herpes</title>", "<title>herpes</title>"]
    assert run(pages, "SITE601", site={"ignore-case": False}) == []


def test_suppressed_page_is_not_reported_but_still_compared() -> None:
    pages = [
        "<title>A</title><!-- seo-pipeline: disable=SITE601 -->",
        "<title>A</title>",
    ]
    assert [path for path, _ in run(pages, "SITE601")] == ["p1.html"]
