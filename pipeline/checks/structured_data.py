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

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any, Literal

from pipeline import schemaorg
from pipeline.checks.registry import Violation
from pipeline.checks.structured_data_family import (
    StructuredDataOptions as StructuredDataOptions,  # re-exported: the family's options
)
from pipeline.checks.structured_data_family import structured_data
from pipeline.facts import JsonLdBlock, PageFacts, Pos
from pipeline.findings import Severity
from pipeline.jsonld_context import is_schema_org_context, schema_name
from pipeline.jsonld_graph import is_a, listify, node_label, text_of, types_of
from pipeline.suggest import hint

# Where a missing Article property is edited in a content file (SourceMap anchors).
_ANCHORS = {"headline": "title", "author": "author", "image": "image"}
_ANCHORS |= {"datePublished": "date", "dateModified": "date"}


def _present(value: Any) -> bool:
    if isinstance(value, str):
        return bool(value.strip())
    return value not in (None, [], {})


# --- rules --------------------------------------------------------------------------


def _not_json_ld(data: Any) -> str | None:
    """Why valid JSON is not a JSON-LD document (None if it is one)."""
    if isinstance(data, list):
        bad = next((i for i in data if not isinstance(i, dict)), _NOTHING)
        return None if bad is _NOTHING else f"its array holds {_describe(bad)}"
    return None if isinstance(data, dict) else f"the block is {_describe(data)}"


_NOTHING = object()


def _describe(value: Any) -> str:
    if value is None or isinstance(value, bool):
        return json.dumps(value)
    if isinstance(value, int | float):
        return "a number"
    return "a string" if isinstance(value, str) else "an array"


@structured_data.rule("SD401", Severity.ERROR)
def jsonld_syntax_error(
    page: PageFacts, opts: StructuredDataOptions
) -> Iterator[Violation]:
    """A JSON-LD block is not valid JSON, or is JSON but not JSON-LD.

    ## What it does
    Parses every `<script type="application/ld+json">` as strict JSON
    (RFC 8259; JSON-LD 1.1 §9: "A JSON-LD document MUST be valid JSON text",
    https://www.w3.org/TR/json-ld11/#json-ld-grammar) and reports the first
    syntax error with its line and column in the HTML file. `NaN` and
    `Infinity` are not JSON. When the block can still be read the way
    lenient consumers read it, without guessing (raw control characters in
    strings, `//` or `/* */` comments, trailing commas, an `<!-- -->` wrapper),
    the message says what was repaired, and the other rules check that
    reading and say so in their findings. Valid JSON that is not a JSON-LD
    document (`null`, `false`, a number or string, an array of non-objects:
    JSON-LD 1.1 §9 wants an object or an array of objects) is reported as
    exactly that.

    ## Why is this bad?
    Strict consumers drop a block that does not parse, with everything in
    it, and lenient ones differ in what they forgive. A common cause is a
    literal `</script>` inside a JSON string, which ends the script early;
    write it as `<\\/script>`.

    ## Example
    ```html
    <script type="application/ld+json">{"@context": "https://schema.org", "@type": "Article",}</script>
    ```

    Use instead:
    ```html
    <script type="application/ld+json">{"@context": "https://schema.org", "@type": "Article"}</script>
    ```

    ## References
    - RFC 8259, The JavaScript Object Notation (JSON) Data Interchange Format:
      https://www.rfc-editor.org/rfc/rfc8259
    - JSON-LD 1.1, §9 JSON-LD Grammar:
      https://www.w3.org/TR/json-ld11/#json-ld-grammar
    - HTML Standard, WHATWG
      (https://html.spec.whatwg.org/multipage/scripting.html), "Restrictions for
      contents of script elements": why `</script>` ends the block.
    """
    for block in page.jsonld:
        if block.error is not None:
            line, col = block.error_line or block.line, block.error_column
            where = f" at line {line}, column {col}" if line and col else ""
            error = re.sub(r"( starting)? at$", "", block.error)
            if "Unterminated string" in error:
                error += " (a literal </script> in a string ends the script; write <\\/script>)"
            pos = Pos(block.raw, line, col, block.anchor)
            if block.repair is not None and block.data is not None:
                yield Violation(
                    f"json-ld is not strict JSON{where}: {error}; read as lenient"
                    f" consumers do ({block.repair}) and checked by the other rules",
                    pos,
                )
            else:
                yield Violation(f"json-ld does not parse{where}: {error}", pos)
        elif (why := _not_json_ld(block.data)) is not None:
            yield Violation(
                f"json-ld block is valid JSON but not JSON-LD: {why}"
                " (a JSON-LD document is an object or an array of objects)",
                block,
            )


@structured_data.rule("SD402", Severity.ERROR)
def jsonld_context_not_schema_org(
    page: PageFacts, opts: StructuredDataOptions
) -> Iterator[Violation]:
    """JSON-LD `@context` is missing or is not schema.org.

    ## What it does
    Checks that each top-level JSON-LD object has a schema.org `@context`
    (JSON-LD 1.1 §3.1, https://www.w3.org/TR/json-ld11/#the-context): the
    remote context `https://schema.org` that schema.org publishes
    (https://schema.org/docs/jsonldcontext.json), `http` or `https`, with or
    without a trailing slash, as a string, in an array of contexts, or an
    object whose `@vocab` is schema.org.

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

    ## References
    - JSON-LD 1.1, §3.1 The Context:
      https://www.w3.org/TR/json-ld11/#the-context
    - schema.org's context: https://schema.org/docs/jsonldcontext.json ;
      schema.org for developers: https://schema.org/docs/developers.html
    """
    for block in page.jsonld:
        if block.data is None:
            continue  # did not parse (SD401); a repaired block is checked
        for item in listify(block.data):
            if not isinstance(item, dict):
                continue
            if "@context" not in item:
                yield Violation(
                    "json-ld has no @context (expected https://schema.org)", block
                )
            elif not is_schema_org_context(item["@context"]):
                ctx = str(item["@context"])[:80]
                yield Violation(f"json-ld @context is {ctx!r}, not schema.org", block)


@structured_data.rule("SD407", Severity.WARNING)
def article_missing_properties(
    page: PageFacts, opts: StructuredDataOptions
) -> Iterator[Violation]:
    """An Article lacks `headline`, `author`, `datePublished` or `image`.

    ## What it does
    Checks every Article node, and every subtype (BlogPosting, NewsArticle,
    MedicalScholarlyArticle …), for the properties Google recommends for
    articles (`article-properties`; Google Search Central, "Article
    structured data", recommended properties `author`, `datePublished`,
    `headline`, `image`:
    https://developers.google.com/search/docs/appearance/structured-data/article).
    A reference such as `"author": {"@id": "#org"}` counts.

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

    ## References
    - Google Search Central, "Article structured data"
      (https://developers.google.com/search/docs/appearance/structured-data/article):
      recommended properties `author`, `datePublished`, `headline`, `image`.
    - schema.org Article and its subtypes: https://schema.org/Article
    """
    for block, node in page.jsonld_graph.of_type("Article"):
        for prop in opts.article_properties:
            if not _present(node.get(prop)):
                at = replace(block, anchor=_ANCHORS.get(prop, "jsonld"))
                yield Violation(f"{node_label(node)} has no {prop}", at)


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
) -> Iterator[Violation]:
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

    ## References
    Definition: the `itemListElement` entries of each BreadcrumbList are
    ListItems whose `position` values are 1, 2, 3 … in order; each has a `name`
    (or `item.name`) and an `item` URL, except that the last may omit `item`.

    - schema.org BreadcrumbList: https://schema.org/BreadcrumbList (positions
      are integers beginning with 1).
    - Google Search Central, "Breadcrumb (BreadcrumbList) structured data":
      https://developers.google.com/search/docs/appearance/structured-data/breadcrumb
      (`item` may be omitted on the last ListItem).
    """
    for block, entries in _breadcrumbs(page):
        for i, entry in enumerate(entries, start=1):
            if not is_a(entry, "ListItem"):
                yield Violation(f"breadcrumb entry #{i} is not a ListItem", block)
        items = [e for e in entries if is_a(e, "ListItem")]
        positions = [i.get("position") for i in items]
        if any(isinstance(p, bool) or not isinstance(p, int) for p in positions):
            yield Violation("breadcrumb ListItem without an integer position", block)
            continue
        if sorted(positions) != list(range(1, len(items) + 1)):
            got = ", ".join(map(str, sorted(positions)))
            yield Violation(
                f"breadcrumb positions are {got} (expected 1 to {len(items)})", block
            )
        ordered = sorted(items, key=lambda i: i["position"])
        for n, item in enumerate(ordered, start=1):
            target = item.get("item")
            name = text_of(item.get("name")) or (
                text_of(target.get("name")) if isinstance(target, dict) else None
            )
            if name is None:
                yield Violation(f"breadcrumb item {n} has no name", block)
            if n < len(ordered) and _crumb_url(target) is None:
                yield Violation(f"breadcrumb item {n} has no item url", block)


_ANNOTATION = re.compile(r"^(?P<base>.+)-(?:input|output)$")


def _annotated(name: str) -> str | None:
    """`query-input` → `query`: the property an Action input/output annotation
    is about, when that is a schema.org property (https://schema.org/docs/actions.html)."""
    m = _ANNOTATION.match(name)
    return m["base"] if m and schemaorg.is_property(m["base"]) else None


@dataclass(frozen=True, slots=True)
class _Term:
    """A schema.org type or property as written in a block, and what it resolves to."""

    block: JsonLdBlock
    kind: Literal["type", "property"]
    written: str
    name: str
    """The schema.org local name it resolves to."""
    opaque: bool
    """Whether a remote context that cannot be read offline is in effect."""


_TERMS_MEMO: list[tuple[PageFacts, tuple[_Term, ...]]] = []
"""The last page's terms: SD409, SD412 and SD413 read the same list."""


def _terms(page: PageFacts) -> tuple[_Term, ...]:
    """Every schema.org type and property of the page, once per block and
    spelling, resolved through the active `@context` as JSON-LD consumers do
    (`type` → `@type`, `schema:name`, `https://schema.org/name`, prefixes,
    `@vocab`). Objects under a context that is not schema.org are skipped:
    their names belong to another vocabulary."""
    if _TERMS_MEMO and _TERMS_MEMO[0][0] is page:
        return _TERMS_MEMO[0][1]
    found: list[_Term] = []
    seen: set[tuple[int, int, str, str]] = set()
    for occ in page.jsonld_graph.walk():
        ctx = occ.context
        if not ctx.schema_org:
            continue
        block, where = occ.block, id(occ.block)
        for key, value in occ.raw.items():
            if key == "@context" or (where, id(ctx), "p", key) in seen:
                continue
            expanded = ctx.expand(key)
            if expanded == "@type":
                for t in value if isinstance(value, list) else [value]:
                    mark = (where, id(ctx), "t", t)
                    if not isinstance(t, str) or mark in seen:
                        continue
                    seen.add(mark)
                    if (name := schema_name(ctx.expand(t))) is not None:
                        found.append(_Term(block, "type", t, name, bool(ctx.opaque)))
                continue
            seen.add((where, id(ctx), "p", key))
            if expanded is None or expanded.startswith("@"):
                continue
            if (name := schema_name(expanded)) is not None:
                found.append(_Term(block, "property", key, name, bool(ctx.opaque)))
    # The same spelling under two equal contexts of one block: once.
    unique = {(id(t.block), t.kind, t.written, t.name, t.opaque): t for t in found}
    terms = tuple(unique.values())
    _TERMS_MEMO[:] = [(page, terms)]
    return terms


def _known(term: _Term, extra: tuple[str, ...]) -> bool:
    name = term.name
    if name in extra or term.written in extra:
        return True
    if term.kind == "type":
        return schemaorg.is_type(name)
    return schemaorg.is_property(name) or _annotated(name) is not None


@structured_data.rule("SD409", Severity.WARNING)
def unknown_schema_org_term(
    page: PageFacts, opts: StructuredDataOptions
) -> Iterator[Violation]:
    """A JSON-LD type or property is not in the schema.org vocabulary.

    ## What it does
    Resolves every `@type` and property name, in `@graph`, nested objects and
    lists, the way a JSON-LD 1.1 processor does (https://www.w3.org/TR/json-ld11/):
    through the page's `@context`, so that `type` and `id` are the aliases the
    schema.org context defines for `@type` and `@id`, `schema:name` uses the
    `schema:` prefix, `http://` and `https://schema.org/` are the same
    vocabulary, and arrays of contexts and inner contexts apply. A name that
    resolves into schema.org is looked up in the shipped schema.org 30.0
    vocabulary (https://schema.org/docs/developers.html: core, pending and
    extension terms), and the nearest name is suggested. Valid and not
    reported: keywords (`@id` …), other vocabularies' terms (`dcterms:title`,
    `http://…`), Action input/output annotations `<property>-input` and
    `<property>-output` such as `query-input` (https://schema.org/docs/actions.html),
    names an unreadable remote context may define, and `extra-terms`.
    Pending and superseded terms are known: SD413 and SD412 report them.

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

    ## References
    - JSON-LD 1.1, W3C Recommendation (https://www.w3.org/TR/json-ld11/): term
      resolution through `@context`.
    - schema.org 30.0 release (`schemaorg-all-https.jsonld`,
      `schemaorgcontext.jsonld` of the schemaorg/schemaorg repository's
      `data/releases/30.0/`), compiled by `scripts/gen_schemaorg.py`;
      https://schema.org/docs/developers.html
    - schema.org Actions, input and output annotations:
      https://schema.org/docs/actions.html
    """
    for term in _terms(page):
        if term.opaque or _known(term, opts.extra_terms):
            continue
        guess = hint(schemaorg.suggest(term.name, term.kind))
        yield Violation(
            f"unknown schema.org {term.kind} {term.written!r}{guess}", term.block
        )


def _misplaced(key: str, types: tuple[str, ...]) -> str | None:
    """The known property `key` stands for (itself, or the property of an
    `-input`/`-output` annotation) if none of `types` declares it; else None."""
    prop = key if schemaorg.is_property(key) else _annotated(key)
    if prop is None or any(schemaorg.property_allowed_on(prop, t) for t in types):
        return None  # unknown (SD409's finding) or in place
    return prop


def _is_role(types: tuple[str, ...]) -> bool:
    return any(schemaorg.is_subtype(t, "Role") for t in types)


@structured_data.rule("SD410", Severity.INFO)
def property_not_on_type(
    page: PageFacts, opts: StructuredDataOptions
) -> Iterator[Violation]:
    """A schema.org property is used on a type that does not declare it.

    ## What it does
    For nodes whose types are all known, checks that each known property is
    declared on one of the types or their supertypes (schema.org's
    `domainIncludes`, https://schema.org/docs/datamodel.html). Names are
    resolved through the `@context` as in SD409. Two documented patterns are
    valid: a Role (`Role`, `OrganizationRole`, `PerformanceRole` …) carries
    the property it qualifies, as in `"member": {"@type": "OrganizationRole",
    "member": {…}, "startDate": "1979"}` (https://schema.org/Role), and an
    Action input/output annotation `query-input` counts as its property
    `query` (https://schema.org/docs/actions.html).

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

    ## References
    - schema.org data model (`domainIncludes`):
      https://schema.org/docs/datamodel.html
    - schema.org Role: https://schema.org/Role ; Actions:
      https://schema.org/docs/actions.html
    - JSON-LD 1.1, W3C Recommendation (https://www.w3.org/TR/json-ld11/)
    """
    allowed: dict[tuple[tuple[str, ...], str], str | None] = {}
    for occ in page.jsonld_graph.walk():
        if not occ.context.schema_org:
            continue
        types = types_of(occ.node)
        if not types or not all(schemaorg.is_type(t) for t in types):
            continue
        for key in occ.node:
            if key.startswith("@") or ":" in key:
                continue  # keywords and other vocabularies' IRIs
            if (types, key) not in allowed:
                allowed[types, key] = _misplaced(key, types)
            prop = allowed[types, key]
            if prop is None:
                continue
            if prop == occ.via and _is_role(types):
                continue  # the Role pattern
            where = ", ".join(sorted(schemaorg.domains(prop))[:4])
            kinds = "/".join(types)
            yield Violation(
                f"{key!r} is not a property of {kinds} (it is on {where})", occ.block
            )


@structured_data.rule("SD411", Severity.WARNING)
def breadcrumb_list_too_short(
    page: PageFacts, opts: StructuredDataOptions
) -> Iterator[Violation]:
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

    ## References
    Definition: ListItem entries of each BreadcrumbList's `itemListElement`;
    fewer than `min-breadcrumbs` (2) is reported.

    - Google Search Central, "Breadcrumb (BreadcrumbList) structured data":
      https://developers.google.com/search/docs/appearance/structured-data/breadcrumb
    """
    limit = opts.min_breadcrumbs
    for block, entries in _breadcrumbs(page):
        if (n := sum(is_a(e, "ListItem") for e in entries)) < limit:
            what = "1 ListItem" if n == 1 else f"{n} ListItems"
            yield Violation(
                f"breadcrumb list has {what} (min {limit})", block, n, limit
            )


@structured_data.rule("SD412", Severity.WARNING)
def superseded_schema_org_term(
    page: PageFacts, opts: StructuredDataOptions
) -> Iterator[Violation]:
    """A schema.org type or property is superseded by another, or retired.

    ## What it does
    Looks up every schema.org type and property (resolved as in SD409) for
    schema.org's `supersededBy` (https://schema.org/supersededBy: "Relates a
    term (i.e. a property, class or enumeration) to one that supersedes it")
    and names the replacement; a term moved to schema.org's attic
    (https://attic.schema.org, retired terms) without one is reported too.

    ## Why is this bad?
    Consumers follow the current vocabulary: a superseded term is read, if at
    all, only for compatibility, and documentation and tools describe the
    replacement.

    ## Example
    ```html
    <script type="application/ld+json">{"@context": "https://schema.org", "@type": "Person", "name": "Dr. A. Lee", "colleagues": "https://example.com/b-kim"}</script>
    ```

    Use instead:
    ```html
    <script type="application/ld+json">{"@context": "https://schema.org", "@type": "Person", "name": "Dr. A. Lee", "colleague": "https://example.com/b-kim"}</script>
    ```

    ## References
    - schema.org supersededBy: https://schema.org/supersededBy ; the attic:
      https://attic.schema.org ; the shipped schema.org 30.0 vocabulary
      (`scripts/gen_schemaorg.py`).
    """
    for term in _terms(page):
        if newer := schemaorg.superseded_by(term.name):
            yield Violation(
                f"schema.org {term.kind} {term.written!r} is superseded by {newer!r}",
                term.block,
            )
        elif schemaorg.part(term.name) == "attic":
            yield Violation(
                f"schema.org {term.kind} {term.written!r} is retired "
                "(in schema.org's attic)",
                term.block,
            )


@structured_data.rule("SD413", Severity.INFO)
def pending_schema_org_term(
    page: PageFacts, opts: StructuredDataOptions
) -> Iterator[Violation]:
    """A schema.org type or property is a pending term.

    ## What it does
    Reports every schema.org type and property (resolved as in SD409) that
    belongs to schema.org's pending area (https://pending.schema.org: "a
    staging area for work-in-progress terms which have yet to be accepted
    into the core vocabulary"). Core and extension terms (health-lifesci,
    auto, bib) are not reported. Info only: pending terms are valid
    vocabulary.

    ## Why is this bad?
    It is not: a pending term may still change or be dropped, and consumers
    may not read it yet. Check the term's page before relying on it.

    ## Example
    ```html
    <script type="application/ld+json">{"@context": "https://schema.org", "@type": "Event", "name": "Open day", "eventSchedule": {"@type": "Schedule", "repeatFrequency": "P1W"}}</script>
    ```

    Use instead:
    ```html
    <script type="application/ld+json">{"@context": "https://schema.org", "@type": "Event", "name": "Open day", "startDate": "2026-11-02"}</script>
    ```

    ## References
    - schema.org pending area: https://pending.schema.org ; the shipped
      schema.org 30.0 vocabulary (`schema:isPartOf`,
      `scripts/gen_schemaorg.py`).
    """
    for term in _terms(page):
        if schemaorg.part(term.name) == "pending":
            yield Violation(
                f"schema.org {term.kind} {term.written!r} is a pending term "
                "(proposed, not yet in the core vocabulary)",
                term.block,
            )


@structured_data.rule("SD414", Severity.WARNING)
def jsonld_ambiguous_json(
    page: PageFacts, opts: StructuredDataOptions
) -> Iterator[Violation]:
    """A JSON-LD block has duplicate keys or numbers parsers cannot hold.

    ## What it does
    Reports what RFC 8259 names as interoperability problems of otherwise
    valid JSON (https://www.rfc-editor.org/rfc/rfc8259): duplicate names in
    one object (§4: "The names within an object SHOULD be unique"; this tool,
    like JavaScript's `JSON.parse`, keeps the last value) and numbers beyond
    IEEE 754 binary64 (§6), such as an integer of thousands of digits.

    ## Why is this bad?
    Parsers disagree on them: some keep the first duplicate, some the last,
    some reject the block; a huge number becomes infinity, an error, or a
    rounded value. What consumers read is then a matter of luck.

    ## Example
    ```html
    <script type="application/ld+json">{"@context": "https://schema.org", "@type": "Article", "headline": "Draft", "headline": "Can herpes cause back pain?"}</script>
    ```

    Use instead:
    ```html
    <script type="application/ld+json">{"@context": "https://schema.org", "@type": "Article", "headline": "Can herpes cause back pain?"}</script>
    ```

    ## References
    - RFC 8259, §4 Objects and §6 Numbers:
      https://www.rfc-editor.org/rfc/rfc8259
    - IEEE 754-2019, binary64 (the double precision RFC 8259 names for
      interoperable numbers).
    """
    for block in page.jsonld:
        for issue in block.issues:
            yield Violation(
                f"json-ld has {issue}: JSON parsers may read it differently", block
            )
