"""SITE6xx: problems across the checked pages: duplicate titles, descriptions and
H1s, and local images and links that point at nothing in the site."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from urllib.parse import unquote, urljoin

from pipeline.checks.registry import (
    Family,
    Options,
    SiteContext,
    SiteViolation,
    Violation,
)
from pipeline.facts import Located, PageFacts, Pos
from pipeline.facts_types import Image
from pipeline.findings import Severity
from pipeline.urls import split_url


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


_WEB_SCHEMES = frozenset({"", "http", "https"})


def _host(url: str) -> str:
    """The host name of an absolute URL, lowercased, without port ('' if none)."""
    netloc = split_url(url).netloc.rpartition("@")[2]
    if netloc.startswith("["):
        return netloc.partition("]")[0].lower() + "]"
    return netloc.partition(":")[0].lower().rstrip(".")


def local_path(url: str, base: str, hosts: frozenset[str]) -> str | None:
    """The decoded site path `url` points at from a page at site path `base`;
    None when it is not a file of this site (another host, `mailto:`, `#top`)."""
    url = url.strip()
    if not url or url.startswith("#"):
        return None
    parts = split_url(url)
    if parts.scheme.lower() not in _WEB_SCHEMES:
        return None  # mailto:, tel:, javascript:, data: …
    if parts.netloc or url.startswith("//"):
        if _host(url if parts.scheme else f"http:{url}") not in hosts:
            return None
        path = parts.path or "/"
    elif parts.scheme:
        return None  # "http:foo": no host, nothing to resolve
    else:
        base = base if base.startswith("/") else f"/{base}"
        path = split_url(urljoin(f"http://site{base}", url)).path or "/"
    return unquote(path)


def _found(path: str, files: frozenset[str]) -> bool:
    """Whether a server would answer `path` from `files` (`/a/` → `/a/index.html`;
    `/a` → `/a/`, `/a/index.html` or `/a.html`)."""
    if path in files:
        return True
    if path.endswith("/"):
        return f"{path}index.html" in files
    return bool({f"{path}/", f"{path}/index.html", f"{path}.html"} & files)


def pages_as_files(pages: Sequence[PageFacts]) -> frozenset[str]:
    """The checked pages themselves as the site's files (their URL paths and
    file paths): the universe when no output folder is known."""
    found: set[str] = set()
    for page in pages:
        if page.url_path:
            found.add(unquote(page.url_path))
        path = page.path.replace("\\", "/")
        if path and not path.startswith("/") and ".." not in path.split("/"):
            found.add(f"/{path}")
    return frozenset(found)


def _image_at(image: Image, og_image: Located | None) -> Located:
    """An image where a content file has it: the page's own image (`og:image`,
    the front matter's `image`), else the body (a Markdown image)."""
    if og_image is not None and og_image.text.strip() == image.src.strip():
        return image
    return Pos(image.src, image.line, image.column, "body")


@site.site_rule("SITE604", Severity.WARNING, needs_files=True)
def broken_local_reference(
    pages: Sequence[PageFacts], opts: SiteOptions, context: SiteContext
) -> Iterator[SiteViolation]:
    """A local image or link points at nothing in the site.

    ## What it does
    Flags every `<img src>` and `<a href>` of this site (a relative URL, a
    root-relative path, or an absolute URL on the page's canonical host or
    the `base-url` host) whose file is not in the site: resolved against the
    page's own URL, query and fragment dropped, percent-decoded, it is found
    when the path, `path/index.html` or `path.html` exists. Links to other
    hosts, `mailto:`, `tel:`, `javascript:`, `data:` and `#fragment` links are
    not checked, nor a link to the site root `/` (the home page of a site
    that seo-pipeline adds articles to is often made elsewhere).

    The site's files are those `build` writes (pages, static files, sitemap),
    or for `check` of a folder every file under it (hidden folders aside); a
    single file or stdin has no site around it, and the rule is skipped.
    Called from Python without files, the checked pages are the site.

    ## Why is this bad?
    A broken image shows as an empty box and a broken link as a 404: readers
    lose trust, and crawlers waste their budget on pages that do not exist.

    ## Example
    ```html
    <a href="/shingles-and-back-pain/">Shingles and back pain</a>
    ```

    Use instead:
    ```html
    <a href="/shingles-and-back-pain/">Shingles and back pain</a>
    ```
    ```html
    <link rel="canonical" href="https://health-notes.example/shingles-and-back-pain/">
    <title>Shingles and back pain</title>
    ```
    """
    files = context.files if context.files is not None else pages_as_files(pages)
    for page in pages:
        canonical = next((c for c in page.canonicals if c.in_head), None)
        hosts = context.hosts | ({_host(canonical.text)} if canonical else set())
        hosts = frozenset(h for h in hosts if h)
        base = context.locations.get(page.path) or page.url_path or "/"
        og_image = page.og.get("og:image")
        refs: list[tuple[str, str, Located]] = [
            *(("<img src>", i.src, _image_at(i, og_image)) for i in page.images),
            *(("<a href>", link.href, link) for link in page.links),
        ]
        for element, url, fact in refs:
            path = local_path(url, base, hosts)
            if path is None or path == "/" or _found(path, files):
                continue
            message = f"{element} {url!r} points at nothing in the site ({path})"
            yield page, Violation(message, fact, path)
