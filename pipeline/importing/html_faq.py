"""IMPORT HTML pages: the FAQ, from JSON-LD `FAQPage` and the visible section.

JSON-LD items come first; a visible answer that says the same keeps its
inline markup. Questions shown only on the page follow. The visible
section is removed from the body.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from bs4 import Tag
from bs4.element import NavigableString, PreformattedString

from pipeline.importing.html_markdown import (
    HEADINGS,
    INLINE,
    attr,
    fragment_markdown,
    inline_markdown,
    plain_text,
)
from pipeline.importing.html_metadata import find_node
from pipeline.importing.result import plural
from pipeline.jsonld_graph import JsonLdGraph, listify
from pipeline.vocabulary import FAQ_HEADING

FAQ_CLASS = re.compile(r"(?:^|[-_ ])faqs?(?:$|[-_ ])|frequently-asked", re.I)

Shown = dict[str, tuple[str, str, str]]
"""Visible FAQ by normalised question: (question, answer Markdown, answer text)."""


@dataclass(frozen=True, slots=True)
class PageFaq:
    """FAQ items, visible text that is neither question nor answer, and a note
    for `recognised` (None without items)."""

    items: list[dict[str, str]]
    stray: list[str]
    note: str | None


def take_faq(main: Tag, graph: JsonLdGraph) -> PageFaq:
    """FAQ from JSON-LD FAQPage first, then the visible section (which is removed)."""
    section = _faq_section(main)
    visible, stray = _visible_faq(section)
    items: list[dict[str, str]] = []
    for question, answer in _jsonld_faq(graph):
        shown = visible.pop(_norm(question), None)
        answer = fragment_markdown(answer)
        if shown and _norm(shown[2]) == _norm(answer):
            answer = shown[1]  # the visible answer keeps its inline markup
        items.append({"question": question, "answer": answer})
    from_jsonld = len(items)
    items += [{"question": q, "answer": md} for q, md, _ in visible.values()]
    for tag in section:
        tag.decompose()
    shown_only = len(items) - from_jsonld
    if from_jsonld and shown_only:
        origin = f"{from_jsonld} from the JSON-LD, {shown_only} only on the page"
    else:
        origin = "from the JSON-LD" if from_jsonld else "from the page"
    note = f"{plural(len(items), 'FAQ item')} ({origin})" if items else None
    return PageFaq(items, stray, note)


def _jsonld_faq(graph: JsonLdGraph) -> Iterator[tuple[str, str]]:
    """(question, answer text) of the first FAQPage, `@id` references resolved."""
    node = find_node(graph, "FAQPage")
    for entity in listify(node.get("mainEntity")) if node else []:
        entity = graph.resolve(entity)
        if not isinstance(entity, dict):
            continue
        accepted = entity.get("acceptedAnswer")
        accepted = accepted[0] if isinstance(accepted, list) and accepted else accepted
        accepted = graph.resolve(accepted)
        answer = accepted.get("text") if isinstance(accepted, dict) else None
        question = entity.get("name")
        if isinstance(question, str) and isinstance(answer, str) and question.strip():
            yield " ".join(question.split()), answer.strip()


def _faq_section(main: Tag) -> list[Tag]:
    """The elements of the visible FAQ: a `.faq` box, or an FAQ heading and what follows."""
    boxes: list[Tag] = []
    for tag in main.find_all(["section", "div", "dl"]):
        marker = " ".join([attr(tag, "class"), attr(tag, "id")])
        if FAQ_CLASS.search(marker) and not any(b in tag.parents for b in boxes):
            boxes.append(tag)  # the outermost `.faq` boxes (a list of `.faq-item`s)
    if boxes:
        return boxes
    for heading in main.find_all(HEADINGS):
        if FAQ_HEADING.fullmatch(plain_text(heading).rstrip(":")):
            elements = [heading]
            for sibling in heading.find_next_siblings():
                if sibling.name in HEADINGS and sibling.name <= (heading.name or "h6"):
                    break
                elements.append(sibling)
            return elements
    return []


def _visible_faq(section: list[Tag]) -> tuple[Shown, list[str]]:
    """Question/answer pairs of the visible FAQ, and text that fits neither."""
    answers: Shown = {}
    stray: list[str] = []
    question: str | None = None
    parts: list[tuple[str, str]] = []

    def flush() -> None:
        if question is not None and parts:
            answers[_norm(question)] = (
                question,
                " ".join(p[0] for p in parts),
                " ".join(p[1] for p in parts),
            )
        elif question is not None:
            stray.append(question)

    leaves = [leaf for tag in section for leaf in _leaves(tag)]
    for n, (kind, node) in enumerate(leaves):
        text = plain_text(node)
        if not text:
            continue
        if n == 0 and kind == "heading" and FAQ_HEADING.fullmatch(text.rstrip(":")):
            continue
        if kind == "heading" or _is_question_leaf(node, text):
            flush()
            question, parts = re.sub(r"^Q[:.]\s*", "", text), []
        elif question is None:
            stray.append(text)
        else:
            markdown = inline_markdown(node)
            parts.append(
                (re.sub(r"^A[:.]\s*", "", markdown), re.sub(r"^A[:.]\s*", "", text))
            )
    flush()
    return answers, stray


def _leaves(node: Tag) -> Iterator[tuple[str, Tag | NavigableString]]:
    """Headings and text blocks of an FAQ section, in order."""
    if node.name in (*HEADINGS, "dt", "summary"):
        yield "heading", node
        return
    if node.name in ("p", "dd", "li", "blockquote", "ul", "ol", "table"):
        yield "text", node
        return
    for child in node.children:
        if isinstance(child, Tag):
            if child.name in INLINE:
                yield "text", child
            else:
                yield from _leaves(child)
        elif (
            isinstance(child, NavigableString)
            and not isinstance(child, PreformattedString)
            and child.strip()
        ):
            yield "text", child


def _is_question_leaf(node: Tag | NavigableString, text: str) -> bool:
    if re.match(r"^Q[:.]\s", text):
        return True
    if not text.endswith("?") or re.search(r"[.!?]\s", text[:-1]):
        return False
    if isinstance(node, Tag):
        strong = node.find(["strong", "b"])
        whole = isinstance(strong, Tag) and plain_text(strong) == text
        return whole or "question" in attr(node, "class")
    return False


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[*_`\\]", "", text).split()).casefold()
