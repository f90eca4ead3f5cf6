"""SD4xx: JSON-LD structured data: syntax, context, FAQPage, Article, breadcrumbs, vocabulary.

Reads the JSON-LD blocks of `PageFacts` (decoded once by `facts.parse`) and the
visible main text. Nodes are found anywhere: in `@graph`, in top-level arrays
and nested in other nodes; `@type` may be a string or a list, and a node that
only says `{"@id": …}` is resolved to the node declaring that `@id`. Names are
checked against the offline schema.org vocabulary (`pipeline.schemaorg`).
Messages never promise rich results: Google no longer shows FAQ rich results,
but FAQPage is valid schema.org that other consumers read.

The graph is the page's shared `PageFacts.jsonld_graph` (`pipeline.jsonld_graph`).
The family and its options are in `structured_data_family`; the FAQPage rules
SD403–SD406 are in `structured_data_faq`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from pipeline import schemaorg
from pipeline.checks.registry import Problem
from pipeline.checks.structured_data_family import (
    StructuredDataOptions as StructuredDataOptions,  # re-exported: the family's options
)
from pipeline.checks.structured_data_family import structured_data
from pipeline.facts import JsonLdBlock, PageFacts, Pos
from pipeline.findings import Severity
from pipeline.jsonld_graph import Node, is_a, listify, node_label, text_of, types_of

# Where a missing Article property is edited in a content file (SourceMap anchors).
_ANCHORS = {"headline": "title", "author": "author", "image": "image"}
_ANCHORS |= {"datePublished": "date", "dateModified": "date"}


def _present(value: Any) -> bool:
    if isinstance(value, str):
        return bool(value.strip())
    return value not in (None, [], {})


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
            not isinstance(item, dict) for item in listify(block.data)
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
        for item in listify(block.data):
            if not isinstance(item, dict):
                continue
            if "@context" not in item:
                yield Problem(
                    "json-ld has no @context (expected https://schema.org)", block
                )
            elif not _is_schema_context(item["@context"]):
                ctx = str(item["@context"])[:80]
                yield Problem(f"json-ld @context is {ctx!r}, not schema.org", block)


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
    for block, node in page.jsonld_graph.of_type("Article"):
        for prop in opts.article_properties:
            if not _present(node.get(prop)):
                at = Pos(
                    block.raw, block.line, block.column, _ANCHORS.get(prop, "jsonld")
                )
                yield Problem(f"{node_label(node)} has no {prop}", at)


def _crumb_url(item: Any) -> str | None:
    if isinstance(item, dict):
        item = item.get("@id") or item.get("url")
    return text_of(item)


def _breadcrumbs(page: PageFacts) -> Iterator[tuple[JsonLdBlock, list[Any]]]:
    """Each BreadcrumbList with its `itemListElement` entries resolved."""
    graph = page.jsonld_graph
    for block, crumbs in page.jsonld_graph.of_type("BreadcrumbList"):
        yield (
            block,
            [graph.resolve(i) for i in listify(crumbs.get("itemListElement"))],
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
            if not is_a(entry, "ListItem"):
                yield Problem(f"breadcrumb entry #{i} is not a ListItem", block)
        items = [e for e in entries if is_a(e, "ListItem")]
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
            name = text_of(item.get("name")) or (
                text_of(target.get("name")) if isinstance(target, dict) else None
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
    """Objects (outside `@context`) under top-level objects whose context is
    schema.org (or missing: SD402's job), in document order."""
    for occ in page.jsonld_graph.walk():
        top = occ.top
        if top is not None and (
            "@context" not in top or _is_schema_context(top["@context"])
        ):
            yield occ.block, occ.node


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
        terms = [(t, "type") for t in listify(obj.get("@type")) if isinstance(t, str)]
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
        types = types_of(obj)
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
        if (n := sum(is_a(e, "ListItem") for e in entries)) < limit:
            what = "1 ListItem" if n == 1 else f"{n} ListItems"
            yield Problem(f"breadcrumb list has {what} (min {limit})", block, n, limit)
