"""SITE6xx: problems across the checked pages: duplicate titles, descriptions and H1s."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence

from pipeline.checks.registry import Family, Options, SiteViolation, Violation
from pipeline.facts import Located, PageFacts
from pipeline.findings import Severity


class SiteOptions(Options):
    """Options of the site family."""

    ignore_case: bool = True
    """Compare texts case-insensitively (whitespace runs always count as one space)."""


site = Family("SITE6", "site", SiteOptions)

Pick = Callable[[PageFacts], Located | None]


def _duplicates(
    pages: Sequence[PageFacts], opts: SiteOptions, pick: Pick, what: str
) -> Iterator[SiteViolation]:
    """One problem per page whose picked text another page also has."""
    groups: dict[str, list[tuple[PageFacts, Located]]] = defaultdict(list)
    for page in pages:
        fact = pick(page)
        if fact is None or not fact.text.strip():
            continue
        key = " ".join(fact.text.split())
        groups[key.casefold() if opts.ignore_case else key].append((page, fact))
    for group in groups.values():
        if len(group) < 2:
            continue
        for page, fact in group:
            others = [p.path for p, _ in group if p is not page]
            shown = ", ".join(others[:3]) + (
                f" and {len(others) - 3} more" if len(others) > 3 else ""
            )
            message = f"{what} {fact.text!r} is also used by {shown}"
            yield page, Violation(message, fact, len(group), 1)


@site.site_rule("SITE601", Severity.WARNING)
def duplicate_title(
    pages: Sequence[PageFacts], opts: SiteOptions
) -> Iterator[SiteViolation]:
    """Several pages share one title.

    ## What it does
    Flags every page whose `<title>` another checked page also has.

    ## Why is this bad?
    Results with the same title look like one page twice; search engines
    may pick one and ignore the others, and readers cannot tell them apart.

    ## Example
    ```html
    <title>Herpes and back pain</title>
    ```
    ```html
    <title>Herpes and back pain</title>
    ```

    Use instead:
    ```html
    <title>Herpes and back pain</title>
    ```
    ```html
    <title>Shingles and back pain</title>
    ```
    """
    return _duplicates(pages, opts, lambda p: p.title, "title")


@site.site_rule("SITE602", Severity.WARNING)
def duplicate_meta_description(
    pages: Sequence[PageFacts], opts: SiteOptions
) -> Iterator[SiteViolation]:
    """Several pages share one meta description.

    ## What it does
    Flags every page whose meta description another checked page also has.

    ## Why is this bad?
    A description is the pitch of one page; a shared one (often a template
    default) says nothing about either, and Google tends to replace it.

    ## Example
    ```html
    <meta name="description" content="Welcome to our health blog.">
    ```
    ```html
    <meta name="description" content="Welcome to our health blog.">
    ```

    Use instead:
    ```html
    <meta name="description" content="How herpes viruses cause back pain.">
    ```
    ```html
    <meta name="description" content="How shingles is treated.">
    ```

    ## References
    Definition: the meta descriptions (as LEN103 reads them) of all checked
    pages, whitespace collapsed and, with `ignore-case` (on by default), case
    folded; every page whose description another page also has is reported.

    - Google Search Central, "Control your snippets in search results"
      (https://developers.google.com/search/docs/appearance/snippet):
      descriptions that are identical or similar on every page are not helpful;
      write one per page.
    """
    return _duplicates(pages, opts, lambda p: p.description, "meta description")


@site.site_rule("SITE603", Severity.WARNING)
def duplicate_h1(
    pages: Sequence[PageFacts], opts: SiteOptions
) -> Iterator[SiteViolation]:
    """Several pages share one H1.

    ## What it does
    Flags every page whose first `h1` another checked page also has.

    ## Why is this bad?
    Pages with the same headline compete for the same query and confuse
    readers who land on the wrong one.

    ## Example
    ```html
    <h1>Back pain</h1>
    ```
    ```html
    <h1>Back pain</h1>
    ```

    Use instead:
    ```html
    <h1>Herpes and back pain</h1>
    ```
    ```html
    <h1>Shingles and back pain</h1>
    ```
    """
    return _duplicates(pages, opts, lambda p: next(iter(p.h1s), None), "h1")
