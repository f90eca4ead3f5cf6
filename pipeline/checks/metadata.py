"""META5xx: title, description, lang, canonical, Open Graph, alt text, JSON-LD dates and authors."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any
from urllib.parse import urlsplit

from pipeline import isodate, schemaorg
from pipeline.checks.registry import Family, Options, Violation
from pipeline.facts import PageFacts, Pos
from pipeline.findings import Severity
from pipeline.jsonld_graph import is_a, listify


class MetadataOptions(Options):
    """Options of the metadata family."""

    open_graph: tuple[str, ...] = ("og:title", "og:type", "og:image", "og:url")
    """Open Graph properties every page needs (the four the OG protocol requires)."""
    date_properties: tuple[str, ...] = (
        "datePublished", "dateModified", "dateCreated", "uploadDate",
        "startDate", "endDate", "validFrom", "validThrough",
    )  # fmt: skip
    """JSON-LD properties that must hold ISO 8601 dates."""


metadata = Family("META5", "metadata", MetadataOptions)


@metadata.rule("META501", Severity.ERROR)
def missing_title(page: PageFacts, opts: MetadataOptions) -> Iterator[Violation]:
    """Page has no `<title>`, or an empty one.

    ## What it does
    Flags a page with no non-empty `<title>` element.

    ## Why is this bad?
    The title is the clickable headline of the search result and the name of
    the browser tab; without one, Google invents it from the page.

    ## Example
    ```html
    <html><head><meta charset="utf-8"></head><body><p>Text.</p></body></html>
    ```

    Use instead:
    ```html
    <html><head><title>Can herpes cause back pain?</title></head></html>
    ```

    ## References
    Definition: no `<title>` element anywhere in the document has text after
    whitespace collapsing.

    - Google Search Central, "Influencing your title links in search results"
      (https://developers.google.com/search/docs/appearance/title-link): "Make
      sure every page on your site has a title specified in the `<title>`
      element".
    - HTML Standard, WHATWG
      (https://html.spec.whatwg.org/multipage/semantics.html), "The title
      element".
    """
    if not any(t.text.strip() for t in page.titles):
        yield Violation("page has no title", page.at("title"), 0, 1)


@metadata.rule("META502", Severity.WARNING)
def multiple_titles(page: PageFacts, opts: MetadataOptions) -> Iterator[Violation]:
    """Page has more than one `<title>`.

    ## What it does
    Flags every `<title>` after the first (SVG titles are not counted).

    ## Why is this bad?
    HTML allows one; browsers and crawlers use the first, so the others are
    dead text, often from a theme and a plugin both printing one.

    ## Example
    ```html
    <head><title>Herpes and back pain</title><title>My Blog</title></head>
    ```

    Use instead:
    ```html
    <head><title>Herpes and back pain | My Blog</title></head>
    ```

    ## References
    Definition: every HTML `<title>` after the first (in or outside `<head>`;
    SVG titles are other elements and not counted).

    - HTML Standard, WHATWG
      (https://html.spec.whatwg.org/multipage/semantics.html), "The title
      element": at most one per document; `document.title` is the first.
    """
    for extra in page.titles[1:]:
        n = len(page.titles)
        yield Violation(f"page has {n} title elements (max 1)", extra, n, 1)


@metadata.rule("META503", Severity.ERROR)
def title_outside_head(page: PageFacts, opts: MetadataOptions) -> Iterator[Violation]:
    """A `<title>` is in the `<body>`.

    ## What it does
    Flags `<title>` elements outside `<head>` (SVG titles are not counted),
    and names what put them there: when an element that does not belong in
    `<head>` (an `<iframe>`, an `<img>`, a `<div>`) or stray text comes
    before `</head>`, the HTML parser ends `<head>` at it, and everything
    after it lands in `<body>`. Only `title`, `meta`, `link`, `script`,
    `style`, `base`, `noscript` and `template` belong in `<head>`.

    ## Why is this bad?
    Google documents that it treats such an element as the end of `<head>`
    and does not read the head elements after it ("Use valid HTML to specify
    page metadata", Google Search Central), so the title, description,
    canonical and robots tags that follow may be ignored. Browsers still
    show the first `<title>` as `document.title`, which is why the title
    rules measure it. A title written in `<body>` is invalid HTML too.

    ## Example
    ```html
    <html><head><meta charset="utf-8"><iframe src="https://tracker.example/ns.html"></iframe><title>Can herpes cause back pain?</title></head><body></body></html>
    ```

    Use instead:
    ```html
    <html><head><meta charset="utf-8"><title>Can herpes cause back pain?</title></head><body><iframe src="https://tracker.example/ns.html"></iframe></body></html>
    ```

    ## References
    - Google Search Central, "Use valid HTML to specify page metadata":
      https://developers.google.com/search/docs/crawling-indexing/valid-page-metadata
      (the elements valid in `<head>`, and "Once Google detects one of these
      invalid elements, it assumes the end of the `<head>` element").
    - HTML Standard, WHATWG
      (https://html.spec.whatwg.org/multipage/parsing.html), the "in head"
      insertion mode, which ends `<head>` at the first element that does not
      belong there.
    """
    end = page.head_end
    for t in page.titles:
        if t.in_head:
            continue
        if end is not None:
            where = f" on line {end.line}" if end.line is not None else ""
            message = (
                f"title is outside <head>: the {end.text}{where} ended <head>"
                " (only title, meta, link, script, style, base, noscript and"
                " template belong there); Google stops reading <head> at it,"
                " browsers still show this title"
            )
            yield Violation(message, t, end.text)
        else:
            yield Violation(
                "title is outside <head>, in <body>: invalid HTML, and search"
                " engines read page metadata from <head>",
                t,
            )


@metadata.rule("META504", Severity.WARNING)
def missing_meta_description(
    page: PageFacts, opts: MetadataOptions
) -> Iterator[Violation]:
    """Page has no meta description, or an empty one.

    ## What it does
    Flags a page without a non-empty `<meta name="description">`.

    ## Why is this bad?
    Without one, the snippet is whatever text Google picks from the page.
    Google may rewrite a description anyway, hence a warning.

    ## Example
    ```html
    <head><title>Herpes and back pain</title></head>
    ```

    Use instead:
    ```html
    <head><meta name="description" content="How shingles inflames nerves."></head>
    ```

    ## References
    Definition: no `<meta name="description">` (in or outside `<head>`) has a
    non-empty `content` after whitespace collapsing.

    - Google Search Central, "Control your snippets in search results"
      (https://developers.google.com/search/docs/appearance/snippet): Google
      uses the page's content, and the meta description when it describes the
      page better.
    """
    if not any(d.text.strip() for d in page.descriptions):
        yield Violation("page has no meta description", page.at("description"), 0, 1)


@metadata.rule("META505", Severity.WARNING)
def multiple_meta_descriptions(
    page: PageFacts, opts: MetadataOptions
) -> Iterator[Violation]:
    """Page has more than one meta description.

    ## What it does
    Flags every `<meta name="description">` after the first.

    ## Why is this bad?
    Which one a crawler uses is undefined; two plugins (or a theme and a
    plugin) both printing one is the usual cause.

    ## Example
    ```html
    <head><meta name="description" content="One."><meta name="description" content="Two."></head>
    ```

    Use instead:
    ```html
    <head><meta name="description" content="One."></head>
    ```
    """
    for extra in page.descriptions[1:]:
        n = len(page.descriptions)
        yield Violation(f"page has {n} meta descriptions (max 1)", extra, n, 1)


@metadata.rule("META506", Severity.ERROR)
def meta_description_outside_head(
    page: PageFacts, opts: MetadataOptions
) -> Iterator[Violation]:
    """A meta description is in the `<body>`.

    ## What it does
    Flags `<meta name="description">` elements outside `<head>`.

    ## Why is this bad?
    Metadata in the body is invalid HTML, and search engines may ignore it.

    ## Example
    ```html
    <html><head></head><body><meta name="description" content="Text."></body></html>
    ```

    Use instead:
    ```html
    <html><head><meta name="description" content="Text."></head><body></body></html>
    ```

    ## References
    Definition: a `<meta name="description">` element that the HTML parser
    places outside `<head>`.

    - HTML Standard, WHATWG
      (https://html.spec.whatwg.org/multipage/semantics.html), "The meta
      element": a `name` meta is metadata content, allowed in `<head>`.
    - Google Search Central, "Use valid HTML to specify page metadata":
      https://developers.google.com/search/docs/crawling-indexing/valid-page-metadata
    """
    for d in page.descriptions:
        if not d.in_head:
            yield Violation("meta description is outside <head>", d)


@metadata.rule("META507", Severity.WARNING)
def missing_html_lang(page: PageFacts, opts: MetadataOptions) -> Iterator[Violation]:
    """The `<html>` element has no `lang`.

    ## What it does
    Flags a page whose `<html>` has no (or an empty) `lang` attribute.

    ## Why is this bad?
    Screen readers pick their voice from it (WCAG 3.1.1), browsers their
    hyphenation and translation offers, and readability rules their formula.

    ## Example
    ```html
    <html><head><title>Herpes</title></head></html>
    ```

    Use instead:
    ```html
    <html lang="en"><head><title>Herpes</title></head></html>
    ```

    ## References
    Definition: the `<html>` element has no `lang` attribute, or an empty or
    blank one. The value is not validated as a BCP 47 tag.

    - WCAG 2.2, success criterion 3.1.1 Language of Page:
      https://www.w3.org/TR/WCAG22/
    - HTML Standard, WHATWG (https://html.spec.whatwg.org/multipage/dom.html),
      "The lang and xml:lang attributes".
    """
    if not page.lang:
        yield Violation("html element has no lang attribute", page.root)


@metadata.rule("META508", Severity.WARNING)
def missing_canonical(page: PageFacts, opts: MetadataOptions) -> Iterator[Violation]:
    """Page has no canonical URL.

    ## What it does
    Flags a page without `<link rel="canonical">`.

    ## Why is this bad?
    The canonical tells search engines which URL to index when the page is
    reachable under several (tracking parameters, trailing slashes, http).

    ## Example
    ```html
    <head><title>Herpes</title></head>
    ```

    Use instead:
    ```html
    <head><link rel="canonical" href="https://example.com/herpes/"></head>
    ```
    """
    if not page.canonicals:
        yield Violation("page has no canonical link", page.at("slug"))


@metadata.rule("META509", Severity.ERROR)
def invalid_canonical(page: PageFacts, opts: MetadataOptions) -> Iterator[Violation]:
    """The canonical is relative, has a fragment, is outside `<head>` or repeated.

    ## What it does
    Flags a canonical link that is not one absolute URL without `#fragment`
    in `<head>`.

    ## Why is this bad?
    Google ignores canonicals in the body and conflicting ones, and
    recommends absolute URLs; a fragment never names another page.

    ## Example
    ```html
    <head><link rel="canonical" href="/herpes/#top"></head>
    ```

    Use instead:
    ```html
    <head><link rel="canonical" href="https://example.com/herpes/"></head>
    ```

    ## References
    Definition: more than one `<link rel="canonical">`; a canonical `href` that
    does not parse as a URL, is not absolute `http(s)` with a host, or contains
    `#`; a canonical outside `<head>`.

    - Google Search Central, "How to specify a canonical with rel="canonical"
      and other methods":
      https://developers.google.com/search/docs/crawling-indexing/consolidate-duplicate-urls
      (absolute URLs recommended; `rel="canonical"` is used only in `<head>`; do
      not give one page conflicting canonicals).
    - RFC 6596, The Canonical Link Relation:
      https://www.rfc-editor.org/rfc/rfc6596
    """
    if len(page.canonicals) > 1:
        n = len(page.canonicals)
        yield Violation(
            f"page has {n} canonical links (max 1)", page.canonicals[1], n, 1
        )
    for c in page.canonicals:
        try:
            parts = urlsplit(c.text)
        except ValueError:  # e.g. "https://[oops/page": page data, never a crash
            yield Violation(f"canonical {c.text!r} is not a valid URL", c)
            continue
        if parts.scheme not in ("http", "https") or not parts.netloc:
            yield Violation(f"canonical {c.text!r} is not an absolute URL", c)
        if "#" in c.text:
            yield Violation(f"canonical {c.text!r} has a fragment", c)
        if not c.in_head:
            yield Violation("canonical link is outside <head>", c)


@metadata.rule("META510", Severity.WARNING)
def missing_open_graph_tag(
    page: PageFacts, opts: MetadataOptions
) -> Iterator[Violation]:
    """A required Open Graph tag is missing.

    ## What it does
    Flags each of `og:title`, `og:type`, `og:image` and `og:url` (the
    `open-graph` option) that the page lacks or leaves empty.

    ## Why is this bad?
    The Open Graph protocol requires these four; without them, link previews
    on social networks and chat apps guess or show nothing.

    ## Example
    ```html
    <head><meta property="og:title" content="Herpes and back pain"></head>
    ```

    Use instead:
    ```html
    <head>
      <meta property="og:title" content="Herpes and back pain">
      <meta property="og:type" content="article">
      <meta property="og:image" content="https://example.com/herpes.jpg">
      <meta property="og:url" content="https://example.com/herpes/">
    </head>
    ```

    ## References
    Definition: each property named in the `open-graph` option (default
    `og:title`, `og:type`, `og:image`, `og:url`) has no `<meta>` (by `property`
    or `name`) with non-blank `content`.

    - The Open Graph protocol, "Basic Metadata" (the four required properties):
      https://ogp.me/
    """
    og = page.og
    for key in opts.open_graph:
        tag = og.get(key)
        if tag is None or not tag.text.strip():
            yield Violation(f"{key} is missing", page.at("body"))


@metadata.rule("META511", Severity.WARNING)
def image_missing_alt(page: PageFacts, opts: MetadataOptions) -> Iterator[Violation]:
    """An image has no `alt` attribute.

    ## What it does
    Flags every `<img>` without an `alt` attribute (`alt=""` is fine: it
    marks a decorative image).

    ## Why is this bad?
    Screen readers read the file name instead (WCAG 1.1.1), and image search
    has no text for the image.

    ## Example
    ```html
    <p><img src="/herpes-back-pain.jpg"></p>
    ```

    Use instead:
    ```html
    <p><img src="/herpes-back-pain.jpg" alt="Person holding their lower back"></p>
    ```

    ## References
    Definition: an `<img>` element with no `alt` attribute; an empty `alt=""`
    passes. The text of the alternative is not judged.

    - WCAG 2.2, success criterion 1.1.1 Non-text Content:
      https://www.w3.org/TR/WCAG22/
    - HTML Standard, WHATWG
      (https://html.spec.whatwg.org/multipage/images.html), "Requirements for
      providing text to act as an alternative for images".
    """
    for img in page.images:
        if img.alt is None:
            yield Violation(f"image {img.src!r} has no alt attribute", img)


def _date_problem(value: Any) -> str | None:
    """Why a JSON-LD date value is not ISO 8601 (None if it is): a string, a
    value object's `@value`, or each item of a list is checked."""
    if isinstance(value, dict) and "@value" in value:
        value = value["@value"]
    if isinstance(value, str):
        return isodate.problem(value)
    if isinstance(value, bool) or value is None or isinstance(value, int | float):
        return "a date is written as a string"
    return None  # a node object: not a literal date


@metadata.rule("META512", Severity.ERROR)
def invalid_jsonld_date(page: PageFacts, opts: MetadataOptions) -> Iterator[Violation]:
    """A JSON-LD date is not ISO 8601.

    ## What it does
    Checks `datePublished`, `dateModified` and the other `date-properties`,
    and every schema.org property whose values are all `Date` or `DateTime`
    by its `rangeIncludes` (`birthDate`, `foundingDate` …), anywhere in
    JSON-LD (names resolved through the `@context`, so `schema:startDate`
    counts) for an ISO 8601 date or date-time, as schema.org
    defines `Date` ("a date value in ISO 8601 date format",
    https://schema.org/Date) and `DateTime` ("[-]CCYY-MM-DDThh:mm:ss[Z|(+|-)hh:mm]",
    ISO 8601 §5.4, https://schema.org/DateTime). ISO 8601-1 reduced precision
    is valid, as in schema.org's own examples: `"1979"`, `"2013-05"`,
    `"2013-09-14T21:30"`, with or without a zone. The date must exist:
    `"2013-13"` and `"1977-02-30"` are reported.

    ## Why is this bad?
    Consumers read dates by ISO 8601, and Google's Article guidelines require
    it; "November 2, 2026" or "11/02/2026" is not read as a date, or is
    read as the wrong one.

    ## Example
    ```html
    <script type="application/ld+json">{"@type": "Article", "datePublished": "11/02/2026"}</script>
    ```

    Use instead:
    ```html
    <script type="application/ld+json">{"@type": "Article", "datePublished": "2026-11-02"}</script>
    ```

    ## References
    - schema.org Date: https://schema.org/Date ; DateTime:
      https://schema.org/DateTime ; the `rangeIncludes` of each property from
      the shipped schema.org 30.0 vocabulary (`pipeline/data/schemaorg.json`,
      `scripts/gen_schemaorg.py`).
    - ISO 8601-1:2019, Date and time, Part 1: Basic rules (calendar dates,
      reduced precision, time of day and UTC offsets).
    - Google Search Central, "Article structured data"
      (https://developers.google.com/search/docs/appearance/structured-data/article):
      `datePublished`, `dateModified` in ISO 8601 format.
    """
    names = set(opts.date_properties)
    for occ in page.jsonld_graph.walk():
        for key in occ.node:
            if key not in names and not schemaorg.is_date_property(key):
                continue
            for value in listify(occ.node[key]):
                if (why := _date_problem(value)) is not None:
                    yield Violation(
                        f"json-ld {key} {value!r} is not an ISO 8601 date ({why})",
                        occ.block,
                    )


def _author_problem(value: Any, nodes: Mapping[str, Mapping[str, Any]]) -> str | None:
    if isinstance(value, str):
        return (
            f"json-ld author {value!r} is a bare string, not a Person or Organization"
        )
    if not isinstance(value, dict):
        return f"json-ld author {value!r} is not a Person or Organization"
    if "@type" not in value and isinstance(value.get("@id"), str):
        target = nodes.get(value["@id"])
        if target is None:
            return None  # a reference to a node outside the page: cannot tell
        value = {**target, **value}
    if not is_a(value, "Person") and not is_a(value, "Organization"):
        types = value.get("@type")
        return f"json-ld author has @type {types!r}, not Person or Organization"
    name = value.get("name")
    if not isinstance(name, str) or not name.strip():
        return "json-ld author has no name"
    return None


@metadata.rule("META513", Severity.WARNING)
def author_not_person_or_organization(
    page: PageFacts, opts: MetadataOptions
) -> Iterator[Violation]:
    """A JSON-LD `author` is a bare string or has no type or name.

    ## What it does
    Checks every JSON-LD `author` is a Person or Organization (or subtype)
    with a `name`. An `@id` reference is followed to the node it names when
    that node is on the page (Yoast's graph does this).

    ## Why is this bad?
    Google's Article guidelines ask for `author` as a Person or Organization
    with a `name`; a bare string is not understood as an author.

    ## Example
    ```html
    <script type="application/ld+json">{"@type": "Article", "author": "Editorial Team"}</script>
    ```

    Use instead:
    ```html
    <script type="application/ld+json">
    {"@type": "Article", "author": {"@type": "Organization", "name": "Editorial Team"}}
    </script>
    ```

    ## References
    Definition: an `author` value on any JSON-LD node that is a string, or a
    node that is not a Person or Organization (or a subtype, by the shipped
    schema.org vocabulary), or has no non-blank `name`. An `{"@id": …}`
    reference is followed to a typed node of that `@id` on the page; a reference
    to a node elsewhere is not judged.

    - Google Search Central, "Article structured data"
      (https://developers.google.com/search/docs/appearance/structured-data/article):
      `author`: Person or Organization; `author.name`.
    - schema.org author: https://schema.org/author
    """
    # References resolve to the last declaration of an `@id` that has a `@type`,
    # as written (not `jsonld_graph.index`, which merges declarations).
    objects = page.jsonld_graph.objects
    nodes = {
        o.node["@id"]: o.node
        for o in objects
        if isinstance(o.node.get("@id"), str) and "@type" in o.node
    }
    for occ in objects:
        if "author" in occ.node:
            authors = occ.node["author"]
            for author in authors if isinstance(authors, list) else [authors]:
                if message := _author_problem(author, nodes):
                    yield Violation(message, occ.block)


@metadata.rule("META514", Severity.ERROR)
def damaged_encoding(page: PageFacts, opts: MetadataOptions) -> Iterator[Violation]:
    """The page is not valid UTF-8, or shows U+FFFD replacement characters.

    ## What it does
    Flags bytes that are not valid UTF-8 (with no other declared charset),
    and text that already contains `�` (U+FFFD).

    ## Why is this bad?
    Readers and search engines see `�` in place of letters. The page is
    still checked (decoded with replacement), and the finding gives the
    position of the first bad byte.

    ## Example
    ```html
    <p>Herpes-related back pain is common in people over 50 � here is why.</p>
    ```

    Use instead:
    ```html
    <p>Herpes-related back pain is common in people over 50 – here is why.</p>
    ```
    """
    issue = page.encoding_issue
    if issue is not None:
        yield Violation(issue.message, issue)


@metadata.rule("META515", Severity.INFO)
def unmapped_front_matter(
    page: PageFacts, opts: MetadataOptions
) -> Iterator[Violation]:
    """A front-matter key of another generator that nothing uses.

    ## What it does
    Lists the keys of a Jekyll, Hugo or Pelican front matter (`layout`,
    `comments`, `weight` …) that have no meaning in seo-pipeline's content
    model. They are kept in the article's `extra` map (themes can read them),
    and this finding points at each one's line in the content file.

    ## Why is this bad?
    It is not an error: archives carry such keys. But a key you expected to
    matter — a `permalink` you thought sets the URL, a `robots` you thought
    reaches the page — silently does nothing, and this is where you learn it.

    ## Example
    ```yaml
    layout: post
    ```

    ```html
    <title>Winter running checklist</title>
    ```

    Use instead: remove the key, or map it to a field of the content model
    (`slug`, `description`, `tags` …; see the README's content format).
    ```yaml
    {}
    ```

    ```html
    <title>Winter running checklist</title>
    ```
    """
    for key in page.meta.unmapped:
        yield Violation(
            f"front matter key {key!r} is not used (kept in `extra`)",
            Pos(key, None, None, f"extra:{key}"),
        )
