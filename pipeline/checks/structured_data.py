"""SD4xx: JSON-LD structured data: syntax, context, FAQPage, Article, breadcrumbs, vocabulary.

Reads the JSON-LD blocks of `PageFacts` (decoded once by `facts.parse`) and the
visible main text. Nodes are found anywhere: in `@graph`, in top-level arrays
and nested in other nodes; `@type` may be a string or a list, and a node that
only says `{"@id": …}` is resolved to the node declaring that `@id`. Names are
checked against the offline schema.org vocabulary (`pipeline.schemaorg`).
Messages never promise rich results: Google no longer shows FAQ rich results,
but FAQPage is valid schema.org that other consumers read.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from pipeline import schemaorg
from pipeline.checks.registry import Family, Options, Problem
from pipeline.facts import JsonLdBlock, PageFacts, Pos
from pipeline.findings import Severity

Node = Mapping[str, Any]


class StructuredDataOptions(Options):
    """Settings of the structured-data family."""

    article_properties: tuple[str, ...] = (
        "headline",
        "author",
        "datePublished",
        "image",
    )
    """Properties every Article (or subtype) should have: Google's recommended Article properties."""
    min_breadcrumbs: int = 2
    """Fewest ListItems in a BreadcrumbList (Google: at least two)."""
    extra_terms: tuple[str, ...] = ()
    """Type or property names to accept although the shipped schema.org release lacks them."""


structured_data = Family("SD4", "structured-data", StructuredDataOptions)

# Where a missing Article property is edited in a content file (SourceMap anchors).
_ANCHORS = {"headline": "title", "author": "author", "image": "image"}
_ANCHORS |= {"datePublished": "date", "dateModified": "date"}


# --- walking JSON-LD ------------------------------------------------------------


def _listify(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [] if value is None else [value]


def _walk(value: Any, block: JsonLdBlock, out: list[tuple[JsonLdBlock, Node]]) -> None:
    """Every JSON object under `value` in document order (`@context` skipped)."""
    if isinstance(value, dict):
        out.append((block, value))
        for key, child in value.items():
            if key != "@context":
                _walk(child, block, out)
    elif isinstance(value, list):
        for child in value:
            _walk(child, block, out)


@dataclass(frozen=True, slots=True)
class _Graph:
    """A page's JSON-LD walked once: typed nodes (merged by `@id`) and the index."""

    nodes: tuple[tuple[JsonLdBlock, Node], ...]
    index: Mapping[str, Node]


_last: tuple[PageFacts, _Graph] | None = None


def _graph(page: PageFacts) -> _Graph:
    """The page's graph, built once and shared by the rules run on that page.

    PageFacts is immutable, so remembering the last page (by identity) is
    safe; it saves re-walking the JSON-LD in each of the family's rules.
    """
    global _last
    last = _last
    if last is not None and last[0] is page:
        return last[1]
    merged: dict[str, dict[str, Any]] = {}
    declared: list[tuple[JsonLdBlock, Node]] = []
    for block in page.jsonld:
        found: list[tuple[JsonLdBlock, Node]] = []
        if block.error is None:
            _walk(block.data, block, found)
        for _, obj in found:
            ident = obj.get("@id")
            if isinstance(ident, str) and set(obj) - {"@id"}:
                if ident in merged:  # JSON-LD merges nodes with the same @id
                    for key, value in obj.items():
                        merged[ident].setdefault(key, value)
                    continue
                obj = merged[ident] = dict(obj)
            declared.append((block, obj))
    nodes = tuple((b, n) for b, n in declared if "@type" in n)
    graph = _Graph(nodes, merged)
    _last = (page, graph)
    return graph


def _nodes(page: PageFacts) -> tuple[tuple[JsonLdBlock, Node], ...]:
    """Declared nodes with a `@type`, in document order."""
    return _graph(page).nodes


def _index(page: PageFacts) -> Mapping[str, Node]:
    return _graph(page).index


def _resolve(value: Any, index: Mapping[str, Node]) -> Any:
    """A `{"@id": …}` reference → the node declaring that id (if any)."""
    if isinstance(value, dict) and set(value) == {"@id"}:
        return index.get(value["@id"], value)
    return value


def _types(node: Node) -> list[str]:
    names = (schemaorg.local_name(t) for t in _listify(node.get("@type")))
    return [t for t in names if isinstance(t, str)]


def _is_a(node: Any, of: str) -> bool:
    return isinstance(node, dict) and any(
        schemaorg.is_subtype(t, of) for t in _types(node)
    )


def _of_type(page: PageFacts, of: str) -> list[tuple[JsonLdBlock, Node]]:
    return [(b, n) for b, n in _nodes(page) if _is_a(n, of)]


def _present(value: Any) -> bool:
    if isinstance(value, str):
        return bool(value.strip())
    return value not in (None, [], {})


def _label(node: Node) -> str:
    kind = "/".join(str(t) for t in _listify(node.get("@type"))) or "node"
    ident = node.get("@id")
    return f"{kind} {ident!r}" if isinstance(ident, str) else kind


def _text(value: Any) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


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
    index = _index(page)
    for block, faq in _of_type(page, "FAQPage"):
        for i, item in enumerate(_listify(faq.get("mainEntity")), start=1):
            yield block, faq, i, _resolve(item, index)


# --- rules --------------------------------------------------------------------------


@structured_data.rule("SD401", Severity.ERROR)
def jsonld_syntax_error(
    page: PageFacts, opts: StructuredDataOptions
) -> Iterator[Problem]:
    """A JSON-LD block is not valid JSON.

    ## What it does
    Parses every `<script type="application/ld+json">` and reports the first
    syntax error with its line and column in the HTML file.

    ## Why is this bad?
    Consumers drop a block that does not parse, with everything in it. A
    common cause is a literal `</script>` inside a JSON string, which ends the
    script early; write it as `<\\/script>`.

    ## Example
    ```html
    <script type="application/ld+json">{"@context": "https://schema.org", "@type": "Article",}</script>
    ```

    Use instead:
    ```html
    <script type="application/ld+json">{"@context": "https://schema.org", "@type": "Article"}</script>
    ```
    """
    for block in page.jsonld:
        if block.error is not None:
            line, col = block.error_line or block.line, block.error_column
            where = f" at line {line}, column {col}" if line and col else ""
            error = re.sub(r"( starting)? at$", "", block.error)
            if "Unterminated string" in error:
                error += " (a literal </script> in a string ends the script; write <\\/script>)"
            pos = Pos(block.raw, line, col, block.anchor)
            yield Problem(f"json-ld does not parse{where}: {error}", pos)
        elif not isinstance(block.data, dict | list) or any(
            not isinstance(item, dict) for item in _listify(block.data)
        ):
            yield Problem("json-ld must be an object or an array of objects", block)


_SCHEMA_CONTEXTS = {"schema.org", "schema.org/docs/jsonldcontext.json"}


def _is_schema_context(ctx: Any) -> bool:
    if isinstance(ctx, str):
        bare = re.sub(r"^https?://", "", ctx.strip().lower()).rstrip("/")
        return bare in _SCHEMA_CONTEXTS
    if isinstance(ctx, list):
        return any(_is_schema_context(c) for c in ctx)
    return isinstance(ctx, dict) and _is_schema_context(ctx.get("@vocab"))


@structured_data.rule("SD402", Severity.ERROR)
def jsonld_context_not_schema_org(
    page: PageFacts, opts: StructuredDataOptions
) -> Iterator[Problem]:
    """JSON-LD `@context` is missing or is not schema.org.

    ## What it does
    Checks that each top-level JSON-LD object has a schema.org `@context`:
    `http` or `https`, with or without a trailing slash, as a string, in a
    list, or as an object's `@vocab`.

    ## Why is this bad?
    Without the schema.org context, `"@type": "Article"` is not schema.org's
    Article, and consumers of schema.org ignore the block.

    ## Example
    ```html
    <script type="application/ld+json">{"@type": "Article", "headline": "Can herpes cause back pain?"}</script>
    ```

    Use instead:
    ```html
    <script type="application/ld+json">{"@context": "https://schema.org", "@type": "Article", "headline": "Can herpes cause back pain?"}</script>
    ```
    """
    for block in page.jsonld:
        if block.error is not None:
            continue
        for item in _listify(block.data):
            if not isinstance(item, dict):
                continue
            if "@context" not in item:
                yield Problem(
                    "json-ld has no @context (expected https://schema.org)", block
                )
            elif not _is_schema_context(item["@context"]):
                ctx = str(item["@context"])[:80]
                yield Problem(f"json-ld @context is {ctx!r}, not schema.org", block)


@structured_data.rule("SD403", Severity.ERROR)
def faq_page_incomplete(
    page: PageFacts, opts: StructuredDataOptions
) -> Iterator[Problem]:
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
    """
    index = _index(page)
    for block, faq in _of_type(page, "FAQPage"):
        if not _listify(faq.get("mainEntity")):
            yield Problem(f"{_label(faq)} has no mainEntity questions", block)
    for block, _faq, i, item in _questions(page):
        if not _is_a(item, "Question"):
            kind = _label(item) if isinstance(item, dict) else type(item).__name__
            yield Problem(f"faq mainEntity #{i} is {kind}, not a Question", block)
            continue
        name = _text(item.get("name"))
        if name is None:
            yield Problem(f"faq question #{i} has no name", block)
        label = repr(name) if name else f"#{i}"
        answers = [_resolve(a, index) for a in _listify(item.get("acceptedAnswer"))]
        if len(answers) != 1:
            yield Problem(
                f"faq question {label} has {len(answers)} acceptedAnswer (expected 1)",
                block,
            )
        for answer in answers:
            if not isinstance(answer, dict) or _text(answer.get("text")) is None:
                yield Problem(
                    f"acceptedAnswer of faq question {label} has no text", block
                )


@structured_data.rule("SD404", Severity.WARNING)
def multiple_faq_pages(
    page: PageFacts, opts: StructuredDataOptions
) -> Iterator[Problem]:
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
    """
    faqs = _of_type(page, "FAQPage")
    if len(faqs) > 1:
        yield Problem(
            f"page has {len(faqs)} FAQPage nodes (max 1)", faqs[1][0], len(faqs), 1
        )


@structured_data.rule("SD405", Severity.ERROR)
def faq_markup_not_visible(
    page: PageFacts, opts: StructuredDataOptions
) -> Iterator[Problem]:
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
    """
    visible = _visible(page)
    index = _index(page)
    for block, _faq, _i, item in _questions(page):
        if not _is_a(item, "Question") or (name := _text(item.get("name"))) is None:
            continue
        at = Pos(name, block.line, block.column, f"faq:{name}")
        if _norm(name) not in visible:
            yield Problem(f"faq question {name!r} is not visible on the page", at)
        for answer in _listify(item.get("acceptedAnswer")):
            answer = _resolve(answer, index)
            text = _text(answer.get("text")) if isinstance(answer, dict) else None
            if text is not None and _norm(text) not in visible:
                yield Problem(
                    f"answer to faq question {name!r} is not visible on the page", at
                )


@structured_data.rule("SD406", Severity.INFO)
def faq_without_markup(
    page: PageFacts, opts: StructuredDataOptions
) -> Iterator[Problem]:
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
    """
    if not page.faq:
        return
    marked = {
        _norm(name)
        for *_, item in _questions(page)
        if isinstance(item, dict) and (name := _text(item.get("name")))
    }
    if not _of_type(page, "FAQPage"):
        n = len(page.faq)
        what = "1 question" if n == 1 else f"{n} questions"
        yield Problem(f"visible faq ({what}) has no FAQPage json-ld", page.faq[0])
        return
    for entry in page.faq:
        if _norm(entry.question, markup=False) not in marked:
            yield Problem(
                f"visible faq question {entry.question!r} is not in the FAQPage", entry
            )


@structured_data.rule("SD407", Severity.WARNING)
def article_missing_properties(
    page: PageFacts, opts: StructuredDataOptions
) -> Iterator[Problem]:
    """An Article lacks `headline`, `author`, `datePublished` or `image`.

    ## What it does
    Checks every Article node, and every subtype (BlogPosting, NewsArticle,
    MedicalScholarlyArticle …), for the properties Google recommends for
    articles. A reference such as `"author": {"@id": "#org"}` counts.

    ## Why is this bad?
    Consumers show and rank an article by its headline, author, date and
    image; without them they guess from the page, or show nothing.

    ## Example
    ```html
    <script type="application/ld+json">{"@context": "https://schema.org", "@type": "BlogPosting", "headline": "Can herpes cause back pain?"}</script>
    ```

    Use instead:
    ```html
    <script type="application/ld+json">{"@context": "https://schema.org", "@type": "BlogPosting", "headline": "Can herpes cause back pain?", "author": {"@type": "Person", "name": "Dr. A. Lee"}, "datePublished": "2024-05-01", "image": "https://example.com/back.jpg"}</script>
    ```
    """
    for block, node in _of_type(page, "Article"):
        for prop in opts.article_properties:
            if not _present(node.get(prop)):
                at = Pos(
                    block.raw, block.line, block.column, _ANCHORS.get(prop, "jsonld")
                )
                yield Problem(f"{_label(node)} has no {prop}", at)


def _crumb_url(item: Any) -> str | None:
    if isinstance(item, dict):
        item = item.get("@id") or item.get("url")
    return _text(item)


def _breadcrumbs(page: PageFacts) -> Iterator[tuple[JsonLdBlock, list[Any]]]:
    """Each BreadcrumbList with its `itemListElement` entries resolved."""
    index = _index(page)
    for block, crumbs in _of_type(page, "BreadcrumbList"):
        yield (
            block,
            [_resolve(i, index) for i in _listify(crumbs.get("itemListElement"))],
        )


@structured_data.rule("SD408", Severity.ERROR)
def breadcrumb_list_invalid(
    page: PageFacts, opts: StructuredDataOptions
) -> Iterator[Problem]:
    """A BreadcrumbList is misnumbered, or has unnamed or unlinked items.

    ## What it does
    Checks that the entries of a BreadcrumbList are ListItems numbered
    1, 2, 3 … by `position`, each with a `name` (or `item.name`) and an
    `item` URL, which only the last item (the current page) may omit.

    ## Why is this bad?
    A trail with gaps, unnamed steps or links to nowhere cannot be shown as
    a path to the page; consumers drop it.

    ## Example
    ```html
    <script type="application/ld+json">{"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": [{"@type": "ListItem", "position": 1, "name": "Health", "item": "https://example.com/health/"}, {"@type": "ListItem", "position": 3, "name": "Back pain"}]}</script>
    ```

    Use instead:
    ```html
    <script type="application/ld+json">{"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": [{"@type": "ListItem", "position": 1, "name": "Health", "item": "https://example.com/health/"}, {"@type": "ListItem", "position": 2, "name": "Back pain"}]}</script>
    ```
    """
    for block, entries in _breadcrumbs(page):
        for i, entry in enumerate(entries, start=1):
            if not _is_a(entry, "ListItem"):
                yield Problem(f"breadcrumb entry #{i} is not a ListItem", block)
        items = [e for e in entries if _is_a(e, "ListItem")]
        positions = [i.get("position") for i in items]
        if any(isinstance(p, bool) or not isinstance(p, int) for p in positions):
            yield Problem("breadcrumb ListItem without an integer position", block)
            continue
        if sorted(positions) != list(range(1, len(items) + 1)):
            got = ", ".join(map(str, sorted(positions)))
            yield Problem(
                f"breadcrumb positions are {got} (expected 1 to {len(items)})", block
            )
        ordered = sorted(items, key=lambda i: i["position"])
        for n, item in enumerate(ordered, start=1):
            target = item.get("item")
            name = _text(item.get("name")) or (
                _text(target.get("name")) if isinstance(target, dict) else None
            )
            if name is None:
                yield Problem(f"breadcrumb item {n} has no name", block)
            if n < len(ordered) and _crumb_url(target) is None:
                yield Problem(f"breadcrumb item {n} has no item url", block)


def _unknown(name: str, kind: str, extra: tuple[str, ...]) -> str | None:
    """A warning message if `name` is a schema.org name not in the vocabulary."""
    local = schemaorg.local_name(name)
    if local is None or local in extra:
        return None  # an extension IRI or compact IRI (ex:foo), or accepted
    if schemaorg.is_type(local) if kind == "type" else schemaorg.is_property(local):
        return None
    guess = schemaorg.suggest(local, "type" if kind == "type" else "property")
    hint = f"; did you mean {guess!r}?" if guess else ""
    return f"unknown schema.org {kind} {name!r}{hint}"


def _schema_objects(page: PageFacts) -> Iterator[tuple[JsonLdBlock, Node]]:
    """Objects of blocks whose context is schema.org (or missing: SD402's job)."""
    for block in page.jsonld:
        if block.error is not None:
            continue
        for top in _listify(block.data):
            if isinstance(top, dict) and (
                "@context" not in top or _is_schema_context(top["@context"])
            ):
                found: list[tuple[JsonLdBlock, Node]] = []
                _walk(top, block, found)
                yield from found


@structured_data.rule("SD409", Severity.WARNING)
def unknown_schema_org_term(
    page: PageFacts, opts: StructuredDataOptions
) -> Iterator[Problem]:
    """A JSON-LD type or property is not in the schema.org vocabulary.

    ## What it does
    Looks up every `@type` and property name, in `@graph`, nested objects and
    lists, in the shipped schema.org vocabulary and suggests the nearest
    name. Keywords (`@id` …) and extension IRIs (`http://…`, `ex:name`) are
    skipped; `extra-terms` accepts newer names.

    ## Why is this bad?
    JSON-LD is case-sensitive and has no schema: a misspelt `datePublised`
    or `BlogPost` is silently ignored by every consumer.

    ## Example
    ```html
    <script type="application/ld+json">{"@context": "https://schema.org", "@type": "BlogPost", "datePublised": "2024-05-01"}</script>
    ```

    Use instead:
    ```html
    <script type="application/ld+json">{"@context": "https://schema.org", "@type": "BlogPosting", "datePublished": "2024-05-01"}</script>
    ```
    """
    seen: set[tuple[int, str]] = set()
    for block, obj in _schema_objects(page):
        terms = [(t, "type") for t in _listify(obj.get("@type")) if isinstance(t, str)]
        terms += [(k, "property") for k in obj if not k.startswith("@")]
        for name, kind in terms:
            key = (id(block), f"{kind}:{name}")
            if key not in seen and (message := _unknown(name, kind, opts.extra_terms)):
                seen.add(key)
                yield Problem(message, block)


@structured_data.rule("SD410", Severity.INFO)
def property_not_on_type(
    page: PageFacts, opts: StructuredDataOptions
) -> Iterator[Problem]:
    """A schema.org property is used on a type that does not declare it.

    ## What it does
    For nodes whose types are all known, checks that each known property is
    declared on one of the types or their supertypes (`domainIncludes`).

    ## Why is this bad?
    Schema.org allows it, but a property outside its types is usually a
    mix-up (`headline` on a WebPage, `author` on an Organization) that
    consumers ignore. Info only.

    ## Example
    ```html
    <script type="application/ld+json">{"@context": "https://schema.org", "@type": "Person", "name": "Dr. A. Lee", "headline": "Dermatologist"}</script>
    ```

    Use instead:
    ```html
    <script type="application/ld+json">{"@context": "https://schema.org", "@type": "Person", "name": "Dr. A. Lee", "jobTitle": "Dermatologist"}</script>
    ```
    """
    for block, obj in _schema_objects(page):
        types = _types(obj)
        if not types or not all(schemaorg.is_type(t) for t in types):
            continue
        for key in obj:
            prop = schemaorg.local_name(key)
            if key.startswith("@") or prop is None or not schemaorg.is_property(prop):
                continue
            if not any(schemaorg.property_allowed_on(prop, t) for t in types):
                where = ", ".join(sorted(schemaorg.domains(prop))[:4])
                kinds = "/".join(types)
                yield Problem(
                    f"{prop!r} is not a property of {kinds} (it is on {where})", block
                )


@structured_data.rule("SD411", Severity.WARNING)
def breadcrumb_list_too_short(
    page: PageFacts, opts: StructuredDataOptions
) -> Iterator[Problem]:
    """A BreadcrumbList has fewer than two ListItems.

    ## What it does
    Counts the ListItems of every BreadcrumbList.

    ## Why is this bad?
    A trail of one step (the page itself) shows no path; Google's breadcrumb
    guidance asks for at least two ListItems. Set `min-breadcrumbs = 1` if
    your top-level pages carry a one-step trail on purpose.

    ## Example
    ```html
    <script type="application/ld+json">{"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": [{"@type": "ListItem", "position": 1, "name": "Back pain"}]}</script>
    ```

    Use instead:
    ```html
    <script type="application/ld+json">{"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": [{"@type": "ListItem", "position": 1, "name": "Health", "item": "https://example.com/health/"}, {"@type": "ListItem", "position": 2, "name": "Back pain"}]}</script>
    ```
    """
    limit = opts.min_breadcrumbs
    for block, entries in _breadcrumbs(page):
        if (n := sum(_is_a(e, "ListItem") for e in entries)) < limit:
            what = "1 ListItem" if n == 1 else f"{n} ListItems"
            yield Problem(f"breadcrumb list has {what} (min {limit})", block, n, limit)
