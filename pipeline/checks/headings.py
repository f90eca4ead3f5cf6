"""HEAD3xx: the heading outline: one H1, no skipped levels, no empty or twin headings."""

from __future__ import annotations

from collections.abc import Iterator

from pipeline.checks.registry import Family, Options, Violation
from pipeline.facts import Heading, PageFacts
from pipeline.findings import Severity


class HeadingsOptions(Options):
    """Options of the headings family."""

    main_content_only: bool = True
    """Check levels and duplicates in the main content only (not nav, sidebars)."""


headings = Family("HEAD3", "headings", HeadingsOptions)


def _outline(page: PageFacts, opts: HeadingsOptions) -> tuple[Heading, ...]:
    return page.main_headings if opts.main_content_only else page.headings


def _same(text: str) -> str:
    return " ".join(text.casefold().split())


@headings.rule("HEAD301", Severity.ERROR)
def missing_h1(page: PageFacts, opts: HeadingsOptions) -> Iterator[Violation]:
    """Page has no `h1`.

    ## What it does
    Flags a page without any `h1` element.

    ## Why is this bad?
    The H1 tells readers, screen-reader users and search engines what the
    page is about; every SEO tool reports its absence.

    ## Example
    ```html
    <body><h2>Can herpes cause back pain?</h2><p>Yes, shingles can.</p></body>
    ```

    Use instead:
    ```html
    <body><h1>Can herpes cause back pain?</h1><p>Yes, shingles can.</p></body>
    ```
    """
    if not page.h1s:
        first = next(iter(page.headings), None)
        yield Violation("page has no h1", page.at("title", first or page.root), 0, 1)


@headings.rule("HEAD302", Severity.WARNING)
def multiple_h1(page: PageFacts, opts: HeadingsOptions) -> Iterator[Violation]:
    """Page has more than one `h1`.

    ## What it does
    Flags every `h1` after the first.

    ## Why is this bad?
    HTML allows several, but one H1 that names the page is the clearer
    outline, and audit tools (Screaming Frog, Yoast) report more than one.

    ## Example
    ```html
    <h1>Herpes and back pain</h1><p>Intro.</p><h1>Treatment</h1><p>Text.</p>
    ```

    Use instead:
    ```html
    <h1>Herpes and back pain</h1><p>Intro.</p><h2>Treatment</h2><p>Text.</p>
    ```

    ## References
    Definition: every `h1` of the document after the first is reported, in or
    outside the main content. Having one is this tool's convention, not an HTML
    rule.

    - HTML Standard, WHATWG
      (https://html.spec.whatwg.org/multipage/sections.html), "The h1, h2, h3,
      h4, h5, and h6 elements": several `h1` elements are valid.
    - Yoast:
      `packages/yoastseo/src/scoring/assessments/seo/SingleH1Assessment.js`
      ("Single title") flags an H1 in the post text unless it is the only one
      and comes first; it sees the post body, not the theme's H1, so its count
      can differ from this page-wide one.
    - Screaming Frog SEO Spider (user guide: Page Titles, Meta Description and
      H1 tabs; thresholds in Configuration > Spider > Preferences): H1 tab,
      filter "Multiple".
    """
    h1s = page.h1s
    for extra in h1s[1:]:
        yield Violation(f"page has {len(h1s)} h1 elements (max 1)", extra, len(h1s), 1)


@headings.rule("HEAD303", Severity.WARNING)
def skipped_heading_level(
    page: PageFacts, opts: HeadingsOptions
) -> Iterator[Violation]:
    """A heading skips a level on the way down (h2 → h4).

    ## What it does
    Flags a heading more than one level below the heading before it.

    ## Why is this bad?
    Screen-reader users navigate by the outline; a jump suggests a missing
    section (WCAG 1.3.1, and the W3C heading tutorial). Going back up any
    number of levels is fine.

    ## Example
    ```html
    <h1>Herpes and back pain</h1><h2>Types</h2><h4>HSV</h4>
    ```

    Use instead:
    ```html
    <h1>Herpes and back pain</h1><h2>Types</h2><h3>HSV</h3>
    ```

    ## References
    Definition: in document order, over the main-content headings (all headings
    with `main-content-only = false`), a heading whose level is more than one
    below the level of the heading before it. Any rise is fine, and the first
    heading may have any level.

    - W3C WAI tutorial "Headings":
      https://www.w3.org/WAI/tutorials/page-structure/headings/ (skipped ranks
      can be confusing and should be avoided where possible).
    - WCAG 2.2, success criterion 1.3.1 Info and Relationships:
      https://www.w3.org/TR/WCAG22/ ; technique H69:
      https://w3.org/WAI/WCAG22/Techniques/html/H69 ("Skipping levels in the
      sequence of headings may create the impression that the structure of the
      document has not been properly thought through").
    """
    previous = 0
    for h in _outline(page, opts):
        if previous and h.level > previous + 1:
            message = f"h{h.level} follows h{previous} (skips h{previous + 1})"
            yield Violation(message, h, h.level, previous + 1)
        previous = h.level


@headings.rule("HEAD304", Severity.WARNING)
def empty_heading(page: PageFacts, opts: HeadingsOptions) -> Iterator[Violation]:
    """A heading has no text.

    ## What it does
    Flags `h1`–`h6` elements with no text (an image's `alt` counts as text).

    ## Why is this bad?
    Screen readers announce an empty heading, and the outline gets a hole.
    Empty headings are usually leftovers of a template or an editor.

    ## Example
    ```html
    <h1>Herpes and back pain</h1><h2> </h2><p>Text.</p>
    ```

    Use instead:
    ```html
    <h1>Herpes and back pain</h1><p>Text.</p>
    ```
    """
    for h in page.headings:
        if not h.text.strip():
            yield Violation(f"h{h.level} is empty", h)


@headings.rule("HEAD305", Severity.WARNING)
def duplicate_sibling_heading(
    page: PageFacts, opts: HeadingsOptions
) -> Iterator[Violation]:
    """Two sibling headings have the same text.

    ## What it does
    Flags a heading whose text (case-insensitive) repeats a heading of the
    same level under the same parent heading.

    ## Why is this bad?
    Identical section names are ambiguous in a table of contents, in
    fragment links and for screen-reader navigation.

    ## Example
    ```html
    <h1>Herpes</h1><h2>Symptoms</h2><p>a</p><h2>Symptoms</h2><p>b</p>
    ```

    Use instead:
    ```html
    <h1>Herpes</h1><h2>Early symptoms</h2><p>a</p><h2>Late symptoms</h2><p>b</p>
    ```
    """
    parents: list[int] = []  # stack of outline indices
    seen: set[tuple[int, int, str]] = set()
    outline = _outline(page, opts)
    for i, h in enumerate(outline):
        while parents and outline[parents[-1]].level >= h.level:
            parents.pop()
        key = (parents[-1] if parents else -1, h.level, _same(h.text))
        if h.text.strip() and key in seen:
            yield Violation(f"duplicate h{h.level} {h.text!r} under the same parent", h)
        seen.add(key)
        parents.append(i)


@headings.rule("HEAD306", Severity.WARNING)
def first_heading_not_h1(page: PageFacts, opts: HeadingsOptions) -> Iterator[Violation]:
    """The first heading of the main content is not the `h1`.

    ## What it does
    Flags main content whose first heading is an `h2`–`h6`.

    ## Why is this bad?
    The H1 should open the content it names; a section heading before it
    usually means a misplaced title or a template heading in the content.

    ## Example
    ```html
    <main><h2>Key points</h2><p>Text.</p><h1>Herpes and back pain</h1></main>
    ```

    Use instead:
    ```html
    <main><h1>Herpes and back pain</h1><h2>Key points</h2><p>Text.</p></main>
    ```
    """
    first = next(iter(page.main_headings), None)
    if first is not None and first.level != 1:
        yield Violation(
            f"first heading is h{first.level}, not h1", first, first.level, 1
        )


@headings.rule("HEAD307", Severity.INFO, opt_in=True)
def h1_same_as_title(page: PageFacts, opts: HeadingsOptions) -> Iterator[Violation]:
    """The `h1` repeats the `<title>` word for word.

    ## What it does
    Flags an H1 identical to the title (case and spacing ignored). Off by
    default: it runs only when selected by its code or name
    (`extend-select = ["HEAD307"]`, `--extend-select HEAD307`); `ALL` and
    `HEAD` leave it off.

    ## Why is this bad?
    It is not: no search engine's documentation calls a title that matches
    the H1 a problem, and Google lists the main visual title and `<h1>`
    elements among the sources of the title link it shows ("Influencing
    your title links in search results", Google Search Central). It is a
    style preference (the title written for the result page, the H1 for the
    reader, a variation covering another phrasing), hence opt-in and info
    only. A built page gets a distinct `<title>` from the front matter's
    `seo_title`; the H1 stays `title`.

    ## Example
    ```html
    <title>Can herpes cause back pain?</title><h1>Can herpes cause back pain?</h1>
    ```

    Use instead:
    ```html
    <title>Can herpes cause back pain?</title><h1>Herpes and back pain</h1>
    ```

    ## References
    Definition as above: the `h1` and the title compared after case folding and
    whitespace collapsing.

    - Google Search Central, "Influencing your title links in search results"
      (https://developers.google.com/search/docs/appearance/title-link): the
      sources Google uses for a title link include the `<title>` element, the
      main visual title and heading elements.
    """
    title = page.title
    if title and title.text.strip():
        for h in page.h1s:
            if _same(h.text) == _same(title.text):
                yield Violation("h1 is the same as the title", h)
