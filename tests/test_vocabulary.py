"""One FAQ vocabulary: the importer, the facts walk and SD406 know the same headings."""

from __future__ import annotations

import pytest

from pipeline.checks import CheckConfig, PageInput, check_pages
from pipeline.facts import parse
from pipeline.importing.draft import parse_draft
from pipeline.importing.html_page import parse_html_page
from pipeline.labels import LABELS
from pipeline.vocabulary import (
    FAQ_HEADING,
    FAQ_HEADING_START,
    FAQ_HEADINGS,
    KEY_POINTS_HEADING,
)

QUESTION = "¿El herpes causa dolor de espalda?"
ANSWER = "Sí, el herpes zóster puede causar dolor de espalda."
# Every FAQ heading the default templates print, and a few written by hand.
TEMPLATE_FAQ = sorted({labels["faq"] for labels in LABELS.values()})
HEADINGS = [*TEMPLATE_FAQ, "FAQ", "Foire aux questions", "Domande frequenti"]


def faq_page(heading: str, lang: str = "es") -> str:
    """A page whose FAQ is a bare heading (no `faq` class) and no FAQPage JSON-LD."""
    return (
        f'<html lang="{lang}"><head><title>Dolor de espalda</title></head><body>'
        f"<main><h1>Dolor de espalda</h1><p>Introducción al tema.</p>"
        f"<h2>{heading}</h2><h3>{QUESTION}</h3><p>{ANSWER}</p></main></body></html>"
    )


def sd406(html: str) -> list[str]:
    config = CheckConfig(select=["SD406"])
    return [
        f.message for f in check_pages([PageInput("page.html", html)], config).findings
    ]


def test_spanish_faq_without_markup_is_reported() -> None:
    html = faq_page("Preguntas frecuentes")
    assert sd406(html) == ["visible faq (1 question) has no FAQPage json-ld"]


def test_importer_recognises_the_same_spanish_heading() -> None:
    result = parse_html_page(faq_page("Preguntas frecuentes"), "page.html")
    assert result.front_matter["faq"] == [{"question": QUESTION, "answer": ANSWER}]
    assert "Preguntas frecuentes" not in result.body
    draft = f"Dolor de espalda\n\nIntro.\n\nPreguntas frecuentes\n\n{QUESTION}\n\n{ANSWER}\n"
    assert parse_draft(draft, "draft.txt").front_matter["faq"] == [
        {"question": QUESTION, "answer": ANSWER}
    ]


@pytest.mark.parametrize("heading", HEADINGS)
def test_every_stage_reads_the_heading_as_a_faq(heading: str) -> None:
    html = faq_page(heading)
    facts = parse(html)
    assert [(e.question, e.answer) for e in facts.faq] == [(QUESTION, ANSWER)]
    assert len(sd406(html)) == 1
    imported = parse_html_page(html, "page.html")
    assert [item["question"] for item in imported.front_matter["faq"]] == [QUESTION]


def test_a_section_with_another_heading_is_no_faq() -> None:
    html = faq_page("Preguntas sobre el precio")
    assert parse(html).faq == ()
    assert sd406(html) == []
    assert "faq" not in parse_html_page(html, "page.html").front_matter


def test_template_labels_are_in_the_vocabulary() -> None:
    for labels in LABELS.values():
        assert FAQ_HEADING.fullmatch(labels["faq"]), labels["faq"]
        assert FAQ_HEADING_START.match(labels["faq"]), labels["faq"]
        assert KEY_POINTS_HEADING.fullmatch(labels["key_points"]), labels["key_points"]
    assert set(LABELS) <= set(FAQ_HEADINGS)


@pytest.mark.parametrize(
    ("heading", "whole", "start"),
    [
        ("FAQ", True, True),
        ("FAQs: shingles", False, True),
        ("Preguntas frecuentes sobre el herpes", False, True),
        ("Questions & answers", True, True),
        ("FAQTool", False, False),
        ("Frequently asked questionnaire", False, False),
        ("Our FAQ", False, False),
    ],
)
def test_whole_heading_and_heading_start(
    heading: str, whole: bool, start: bool
) -> None:
    assert bool(FAQ_HEADING.fullmatch(heading)) is whole
    assert bool(FAQ_HEADING_START.match(heading)) is start
