"""SD403–SD406: FAQPage markup against the page's visible FAQ.

Part of the structured-data family (`structured_data_family`; importing
`pipeline.checks` registers these rules with the rest of SD4xx). Questions
and answers are the FAQPage's `mainEntity` items, with `@id` references
resolved through the page's `PageFacts.jsonld_graph`.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterator
from typing import Any

from pipeline.checks.registry import Violation
from pipeline.checks.structured_data_family import (
    StructuredDataOptions,
    structured_data,
)
from pipeline.facts import JsonLdBlock, PageFacts, Pos
from pipeline.findings import Severity
from pipeline.jsonld_graph import Node, is_a, listify, node_label, text_of

# --- visible text -----------------------------------------------------------------

_TAG = re.compile(r"</?[A-Za-z][^>]*>")
_PUNCT = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


def _norm(text: str, *, markup: bool = True) -> str:
    """Compare form: NFKC, casefolded, no whitespace; for JSON-LD text (`markup`)
    also HTML tags stripped and entities decoded (visible text has neither)."""
    if markup:
        text = html.unescape(_TAG.sub(" ", text))
    text = unicodedata.normalize("NFKC", text).translate(_PUNCT).casefold()
    return "".join(text.split())


def _visible(page: PageFacts) -> str:
    return "\n".join(_norm(b.text, markup=False) for b in page.blocks)


def _questions(page: PageFacts) -> Iterator[tuple[JsonLdBlock, Node, int, Any]]:
    """(block, FAQPage, 1-based index, resolved mainEntity item) for every FAQPage."""
    graph = page.jsonld_graph
    for block, faq in graph.of_type("FAQPage"):
        for i, item in enumerate(listify(faq.get("mainEntity")), start=1):
            yield block, faq, i, graph.resolve(item)


# --- rules --------------------------------------------------------------------------


@structured_data.rule("SD403", Severity.ERROR)
def faq_page_incomplete(
    page: PageFacts, opts: StructuredDataOptions
) -> Iterator[Violation]:
    """A FAQPage lacks its Questions, a name, or exactly one accepted answer.

    ## What it does
    Checks that every FAQPage has `mainEntity` Questions, each with a `name`
    and exactly one `acceptedAnswer` that has a `text`.

    ## Why is this bad?
    A question without its answer text (or with several accepted answers) is
    not a FAQ entry; consumers of FAQPage skip it or the whole page.

    ## Example
    ```html
    <script type="application/ld+json">{"@context": "https://schema.org", "@type": "FAQPage", "mainEntity": [{"@type": "Question", "name": "Can herpes cause back pain?"}]}</script>
    ```

    Use instead:
    ```html
    <script type="application/ld+json">{"@context": "https://schema.org", "@type": "FAQPage", "mainEntity": [{"@type": "Question", "name": "Can herpes cause back pain?", "acceptedAnswer": {"@type": "Answer", "text": "Yes, shingles can."}}]}</script>
    ```

    ## References
    Definition: each FAQPage node's `mainEntity` resolves to Question nodes;
    each Question has a non-blank `name` and exactly one `acceptedAnswer` whose
    Answer has a non-blank `text`.

    - schema.org FAQPage: https://schema.org/FAQPage ; Question:
      https://schema.org/Question ; acceptedAnswer:
      https://schema.org/acceptedAnswer (schema.org itself allows several
      accepted answers).
    - "Exactly one" and the Answer's `text` follow Google's FAQ structured data
      documentation (Google Search Central, "FAQ (FAQPage, Question, Answer)
      structured data"); Google has limited where it shows FAQ results since
      2023, so this is now a convention of consumers rather than a Google
      requirement.
    """
    graph = page.jsonld_graph
    for block, faq in page.jsonld_graph.of_type("FAQPage"):
        if not listify(faq.get("mainEntity")):
            yield Violation(f"{node_label(faq)} has no mainEntity questions", block)
    for block, _faq, i, item in _questions(page):
        if not is_a(item, "Question"):
            kind = node_label(item) if isinstance(item, dict) else type(item).__name__
            yield Violation(f"faq mainEntity #{i} is {kind}, not a Question", block)
            continue
        name = text_of(item.get("name"))
        if name is None:
            yield Violation(f"faq question #{i} has no name", block)
        label = repr(name) if name else f"#{i}"
        answers = [graph.resolve(a) for a in listify(item.get("acceptedAnswer"))]
        if len(answers) != 1:
            yield Violation(
                f"faq question {label} has {len(answers)} acceptedAnswer (expected 1)",
                block,
            )
        for answer in answers:
            if not isinstance(answer, dict) or text_of(answer.get("text")) is None:
                yield Violation(
                    f"acceptedAnswer of faq question {label} has no text", block
                )


@structured_data.rule("SD404", Severity.WARNING)
def multiple_faq_pages(
    page: PageFacts, opts: StructuredDataOptions
) -> Iterator[Violation]:
    """A page declares more than one FAQPage.

    ## What it does
    Counts the FAQPage nodes of the page (nodes sharing an `@id` count once).

    ## Why is this bad?
    A page is one FAQPage; two of them (often one from a theme and one from a
    plugin) contradict each other, and consumers pick one or neither.

    ## Example
    ```html
    <script type="application/ld+json">{"@context": "https://schema.org", "@type": "FAQPage", "mainEntity": []}</script>
    <script type="application/ld+json">{"@context": "https://schema.org", "@type": "FAQPage", "mainEntity": []}</script>
    ```

    Use instead:
    ```html
    <script type="application/ld+json">{"@context": "https://schema.org", "@type": "FAQPage", "mainEntity": []}</script>
    ```

    ## References
    Definition: FAQPage nodes on the page, counting nodes that share an `@id`
    once; more than one is reported.

    - schema.org FAQPage: https://schema.org/FAQPage . No source limits a page
      to one FAQPage; one per page is this tool's rule.
    """
    faqs = page.jsonld_graph.of_type("FAQPage")
    if len(faqs) > 1:
        yield Violation(
            f"page has {len(faqs)} FAQPage nodes (max 1)", faqs[1][0], len(faqs), 1
        )


@structured_data.rule("SD405", Severity.ERROR)
def faq_markup_not_visible(
    page: PageFacts, opts: StructuredDataOptions
) -> Iterator[Violation]:
    """A FAQPage question or answer is not visible on the page.

    ## What it does
    Looks for each FAQPage question and answer text in the visible main
    content, ignoring whitespace, case and HTML tags in the answer.

    ## Why is this bad?
    Google's structured data guidelines require marked-up content to be
    visible to readers; markup that says something the page does not is
    treated as spam.

    ## Example
    ```html
    <main><h2>FAQ</h2><h3>Can herpes cause back pain?</h3><p>Yes, shingles can.</p></main>
    <script type="application/ld+json">{"@context": "https://schema.org", "@type": "FAQPage", "mainEntity": [{"@type": "Question", "name": "Is herpes curable?", "acceptedAnswer": {"@type": "Answer", "text": "No."}}]}</script>
    ```

    Use instead:
    ```html
    <main><h2>FAQ</h2><h3>Can herpes cause back pain?</h3><p>Yes, shingles can.</p></main>
    <script type="application/ld+json">{"@context": "https://schema.org", "@type": "FAQPage", "mainEntity": [{"@type": "Question", "name": "Can herpes cause back pain?", "acceptedAnswer": {"@type": "Answer", "text": "<p>Yes, <b>shingles</b> can.</p>"}}]}</script>
    ```

    ## References
    Definition: each FAQPage Question `name` and accepted Answer `text` (HTML
    tags stripped and entities decoded) must occur in the visible main-content
    text, both compared NFKC-normalised, case folded, with curly quotes made
    straight and all whitespace removed.

    - Google Search Central, "General structured data guidelines"
      (https://developers.google.com/search/docs/appearance/structured-data/sd-policies):
      "Don't mark up content that is not visible to readers of the page".
    """
    visible = _visible(page)
    graph = page.jsonld_graph
    for block, _faq, _i, item in _questions(page):
        if not is_a(item, "Question") or (name := text_of(item.get("name"))) is None:
            continue
        at = Pos(name, block.line, block.column, f"faq:{name}")
        if _norm(name) not in visible:
            yield Violation(f"faq question {name!r} is not visible on the page", at)
        for answer in listify(item.get("acceptedAnswer")):
            answer = graph.resolve(answer)
            text = text_of(answer.get("text")) if isinstance(answer, dict) else None
            if text is not None and _norm(text) not in visible:
                yield Violation(
                    f"answer to faq question {name!r} is not visible on the page", at
                )


@structured_data.rule("SD406", Severity.INFO)
def faq_without_markup(
    page: PageFacts, opts: StructuredDataOptions
) -> Iterator[Violation]:
    """A visible FAQ (or one of its questions) has no FAQPage markup.

    ## What it does
    Finds visible FAQ sections and questions that no FAQPage node marks up.

    ## Why is this bad?
    FAQPage markup states the questions and answers in a form machines read
    reliably (assistants, other search engines, site search). Info only:
    the page is fine without it.

    ## Example
    ```html
    <main><h2>FAQ</h2><h3>Can herpes cause back pain?</h3><p>Yes, shingles can.</p></main>
    ```

    Use instead:
    ```html
    <main><h2>FAQ</h2><h3>Can herpes cause back pain?</h3><p>Yes, shingles can.</p></main>
    <script type="application/ld+json">{"@context": "https://schema.org", "@type": "FAQPage", "mainEntity": [{"@type": "Question", "name": "Can herpes cause back pain?", "acceptedAnswer": {"@type": "Answer", "text": "Yes, shingles can."}}]}</script>
    ```

    ## References
    Definition: the visible FAQ (`PageFacts.faq`: the questions under a heading
    that matches a FAQ label of any language in
    `pipeline.vocabulary.FAQ_HEADINGS`, the list the importer uses) when the
    page has no FAQPage (one finding), else each visible question that no
    FAQPage Question `name` matches (compared as in SD405).

    - schema.org FAQPage: https://schema.org/FAQPage . Adding markup is this
      tool's suggestion, not a requirement of any source.
    """
    if not page.faq:
        return
    marked = {
        _norm(name)
        for *_, item in _questions(page)
        if isinstance(item, dict) and (name := text_of(item.get("name")))
    }
    if not page.jsonld_graph.of_type("FAQPage"):
        n = len(page.faq)
        what = "1 question" if n == 1 else f"{n} questions"
        yield Violation(f"visible faq ({what}) has no FAQPage json-ld", page.faq[0])
        return
    for entry in page.faq:
        if _norm(entry.question, markup=False) not in marked:
            yield Violation(
                f"visible faq question {entry.question!r} is not in the FAQPage", entry
            )
