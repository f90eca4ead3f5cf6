"""CHECK: what a hostile page can cost, and what is reported instead.

Third-party pages are untrusted input (see SECURITY.md). The runner
(`pipeline.checks.runner.check_page`) reports a page over `max-page-bytes`
instead of parsing it (META590), and turns an exception while parsing or
checking one page into a crash record of that page (META591) so the run goes
on with every other page. The facts walk reads at most `MAX_ATTRIBUTES`
attributes of one element (META592): libxml2 checks each new attribute
against all earlier ones, so 200,000 attributes cost minutes.

These rules belong to the metadata family; the first two are reported by the
runner itself, so their functions yield nothing.
"""

from __future__ import annotations

from collections.abc import Iterator

from pipeline import facts_walk
from pipeline.checks.metadata import MetadataOptions, metadata
from pipeline.checks.registry import Severity, Violation
from pipeline.facts import PageFacts
from pipeline.facts_walk import MAX_ATTRIBUTES

__all__ = ["MAX_ATTRIBUTES"]


@metadata.rule("META590", Severity.ERROR)
def page_too_large(page: PageFacts, opts: MetadataOptions) -> Iterator[Violation]:
    """The page is larger than `max-page-bytes` (default 10 MB), so it was not checked.

    ## What it does
    Reports a page whose HTML is over the `max-page-bytes` setting instead
    of parsing it. The runner checks the size before anything else; no other
    rule runs on the page.

    ## Why is this bad?
    Parsing costs memory many times the page size (a 50 MB page took
    gigabytes). Real article pages are well under 1 MB; a page of 10 MB is
    almost always a dump, a mistake or hostile input. Search engines also
    stop reading: Googlebot reads the first 15 MB of an HTML file.

    ## Example
    ```html
    <html><body><p>… 50 MB of text on one line, a data dump or a generated page, …</p></body></html>
    ```

    Use instead:
    ```html
    <html><body><main><h1>One article</h1><p>Its text.</p></main></body></html>
    ```

    ## References
    Definition: the page's size in bytes (as read, or UTF-8 for text given as a
    string) is over `max-page-bytes`. 10 MB is this tool's limit.

    - Google Search Central, "Googlebot":
      https://developers.google.com/search/docs/crawling-indexing/googlebot
      (Googlebot reads the first 15 MB of an HTML file).
    """
    return iter(())


@metadata.rule("META591", Severity.ERROR)
def page_not_checked(page: PageFacts, opts: MetadataOptions) -> Iterator[Violation]:
    """seo-pipeline failed while checking this page (an internal error); the rest of the run went on.

    ## What it does
    Reports a page whose parsing or checking raised an exception: a bug in
    seo-pipeline, not necessarily in the page. The run continues with every
    other page and still writes its report; the crash is also listed in
    `CheckResult.crashes`. Please report it with the page attached (see
    SECURITY.md when the page could be hostile).

    ## Why is this bad?
    The page's findings are unknown: it was not checked.

    ## Example
    ```html
    <html><head><link rel="canonical" href="https://[oops/page"></head></html>
    ```

    Use instead:
    ```html
    <html><head><link rel="canonical" href="https://example.com/page/"></head></html>
    ```
    """
    return iter(())


@metadata.rule("META592", Severity.WARNING)
def too_many_attributes(page: PageFacts, opts: MetadataOptions) -> Iterator[Violation]:
    """An element has more attributes than seo-pipeline reads (1,000).

    ## What it does
    Flags an element with more than 1,000 attributes; the ones after the
    first 1,000 are ignored (read as blank space, so line and column numbers
    stay true).

    ## Why is this bad?
    No real page needs that many attributes on one element; generated or
    hostile markup does, and parsers slow down with each one (libxml2 took
    over a minute on 200,000).

    ## Example
    ```html
    <p data-a0="x" data-a1="x" … data-a199999="x">Text</p>
    ```

    Use instead:
    ```html
    <p class="note">Text</p>
    ```
    """
    for pos in page.dropped_attributes:
        yield Violation(
            f"element has {int(pos.text):,} attributes "
            f"(max {facts_walk.MAX_ATTRIBUTES:,}); the rest were ignored",
            pos,
            int(pos.text),
            facts_walk.MAX_ATTRIBUTES,
        )
