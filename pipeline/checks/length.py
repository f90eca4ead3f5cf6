"""LEN1xx: lengths of the title, meta description, H1, URL and JSON-LD headline.

Lengths are grapheme clusters (what a reader counts as characters); widths
are pixels of Arial-metric text (`pipeline.textmetrics`) at the sizes a
result page uses: 20 px for titles, 14 px for descriptions. Google publishes
no limit for either, so the defaults are the tools' conventions, cited per
option; profiles (`yoast`, `screaming-frog`, `rank-math`) swap them.
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import unquote

from pipeline.checks.registry import Family, Options, Violation
from pipeline.facts import PageFacts, Tag
from pipeline.findings import Severity
from pipeline.profiles import DEFAULT_LIMITS
from pipeline.textmetrics import (
    DESCRIPTION_SIZE_PX,
    TITLE_SIZE_PX,
    grapheme_len,
    text_width_px,
    width_is_approximate,
)


class LengthOptions(Options):
    """Thresholds of the length family."""

    title_max_chars: int = DEFAULT_LIMITS.title_max_chars
    """Longest title in characters (Screaming Frog's and Rank Math's 60; Yoast measures pixels)."""
    title_min_chars: int = 30
    """Shortest title in characters (Screaming Frog's "below 30 characters")."""
    title_max_px: int = int(DEFAULT_LIMITS.title_max_px)
    """Widest title in px at 20 px Arial (Rank Math: 580 px; Yoast: 600 px)."""
    title_min_px: int = 0
    """Narrowest title in px (0: off; Screaming Frog uses 200)."""
    description_max_chars: int = DEFAULT_LIMITS.description_max_chars
    """Longest meta description in characters (Screaming Frog's default; Yoast 156)."""
    description_min_chars: int = 70
    """Shortest meta description in characters (Screaming Frog's default; Yoast 120)."""
    description_max_px: int = int(DEFAULT_LIMITS.description_max_px)
    """Widest meta description in px at 14 px Arial (the ~920 px desktop snippet)."""
    description_min_px: int = 0
    """Narrowest meta description in px (0: off; Screaming Frog uses 400)."""
    h1_max_chars: int = 70
    """Longest H1 in characters (Screaming Frog's "over 70 characters")."""
    url_max_chars: int = 75
    """Longest URL path in characters (a common audit heuristic; Google sets none)."""
    headline_max_chars: int = 110
    """Longest JSON-LD `headline` (Google's old Article limit, dropped in 2023)."""


length = Family("LEN1", "length", LengthOptions)


def _px(text: str, size: int) -> int:
    return round(text_width_px(text, size))


def _approx(text: str) -> str:
    return (
        " (approximate: the font lacks some characters)"
        if width_is_approximate(text)
        else ""
    )


@length.rule("LEN101", Severity.WARNING)
def title_too_long(page: PageFacts, opts: LengthOptions) -> Iterator[Violation]:
    """Title has more characters than a result page shows.

    ## What it does
    Counts the characters (grapheme clusters) of the `<title>`.

    ## Why is this bad?
    Result pages cut long titles with an ellipsis, so the end of the title is
    not seen. Google publishes no limit; 60 characters is the common tool
    threshold (Moz, Screaming Frog, Rank Math; Yoast measures pixels). The full
    title is still used for ranking and browser tabs, hence a warning.

    ## Example
    ```html
    <title>Herpes Virus Causes Back Pain: Symptoms, Diagnosis, Treatment and Prevention</title>
    ```

    Use instead:
    ```html
    <title>Can Herpes Cause Back Pain? Symptoms and Treatment</title>
    ```

    ## References
    Definition: characters are extended grapheme clusters
    (`pipeline.textmetrics.grapheme_len`) of the title a browser shows
    (`document.title`: the first `<title>`), whitespace runs collapsed to one
    space; a title of more than `title-max-chars` (60) is reported.

    - Google Search Central, "Influencing your title links in search results"
      (https://developers.google.com/search/docs/appearance/title-link): there
      is no limit on the length of a `<title>`; the title link is truncated as
      needed, typically to fit the device width. So 60 is a tool convention, not
      a Google figure.
    - Screaming Frog SEO Spider (user guide: Page Titles, Meta Description and
      H1 tabs; thresholds in Configuration > Spider > Preferences): default
      filter "Over 60 characters" (and the `screaming-frog` profile).
    - Rank Math, Meta Tag Analyzer (rankmath.com tools): 50-60 characters and
      580 pixels for a title.
    - Moz, "Title Tag" (Moz Learn SEO): titles under 60 characters.
    - Yoast counts no title characters:
      `packages/yoastseo/src/scoring/assessments/seo/PageTitleWidthAssessment.js`
      measures width (400-600 px is good; see LEN102).
    """
    title = page.title
    if title and (n := grapheme_len(title.text)) > opts.title_max_chars:
        limit = opts.title_max_chars
        yield Violation(f"title is {n} characters (max {limit})", title, n, limit)


@length.rule("LEN102", Severity.WARNING)
def title_too_wide(page: PageFacts, opts: LengthOptions) -> Iterator[Violation]:
    """Title is wider in pixels than a result page shows.

    ## What it does
    Measures the `<title>` in pixels as 20 px Arial (the desktop result font
    that SERP preview tools model).

    ## Why is this bad?
    Truncation is by width, not count: the 55 capitals below overflow where
    65 lowercase letters fit. Google publishes no limit, so overflow is a display
    warning; 580 px is the desktop width Rank Math uses (Yoast: 600 px).

    ## Example
    ```html
    <title>HERPES AND BACK PAIN: WHAT DOCTORS WANT YOU TO KNOW NOW</title>
    ```

    Use instead:
    ```html
    <title>Can herpes cause back pain?</title>
    ```

    ## References
    Definition: the width of the title (as LEN101 reads it) is the sum of the
    advance widths of Liberation Sans, metric-compatible with Arial, plus its
    kerning pairs, at 20 px (`pipeline.textmetrics`, `pipeline/data/widths.json`
    from `scripts/gen_widths.py`), rounded to whole pixels; a title wider than
    `title-max-px` (580) is reported. Characters the font lacks get an estimated
    width, and the message says so.

    - Google Search Central, "Influencing your title links in search results"
      (https://developers.google.com/search/docs/appearance/title-link): Google
      publishes no width; titles are truncated to fit the device. 20 px Arial is
      the desktop result style that SERP preview tools model, not a documented
      figure.
    - Rank Math, Meta Tag Analyzer: 580 pixels (the default and the `rank-math`
      profile).
    - Screaming Frog SEO Spider (user guide: Page Titles, Meta Description and
      H1 tabs; thresholds in Configuration > Spider > Preferences): default
      filter "Over 561 pixels" (the `screaming-frog` profile).
    - Yoast:
      `packages/yoastseo/src/scoring/assessments/seo/PageTitleWidthAssessment.js`
      (`maxLength` 600 px, `minLength` 400 px), measured in its own snippet
      preview.
    """
    title = page.title
    if title and (px := _px(title.text, TITLE_SIZE_PX)) > opts.title_max_px:
        limit = opts.title_max_px
        message = f"title is {px} px wide (max {limit} px){_approx(title.text)}"
        yield Violation(message, title, px, limit)


@length.rule("LEN103", Severity.ERROR)
def meta_description_too_long(
    page: PageFacts, opts: LengthOptions
) -> Iterator[Violation]:
    """Meta description has more characters than a snippet shows.

    ## What it does
    Counts the characters (grapheme clusters) of `<meta name="description">`.

    ## Why is this bad?
    A description is written only for the snippet, and whatever is cut is
    lost, so this is an error by default (it fails a CI gate). Google
    publishes no limit; 155 is Screaming Frog's default (Yoast: 156, Rank
    Math: 160).

    ## Example
    ```html
    <meta name="description" content="Discover the connection between the herpes virus and back pain, including symptoms, diagnosis, and treatment options. Learn how to manage herpes-related back pain and reduce its impact on daily life.">
    ```

    Use instead:
    ```html
    <meta name="description" content="Can herpes cause back pain? How shingles and other herpes viruses inflame nerves, the symptoms to watch for, and the treatments that help.">
    ```

    ## References
    Definition: characters are extended grapheme clusters of the `content` of
    the first `<meta name="description">` in `<head>`, whitespace runs
    collapsed; a description of more than `description-max-chars` (155) is
    reported.

    - Google Search Central, "Control your snippets in search results"
      (https://developers.google.com/search/docs/appearance/snippet): Google
      publishes no length for descriptions; 155 is a tool convention.
    - Screaming Frog SEO Spider (user guide: Page Titles, Meta Description and
      H1 tabs; thresholds in Configuration > Spider > Preferences): default
      filter "Over 155 characters".
    - Yoast:
      `packages/yoastseo/src/scoring/assessments/seo/MetaDescriptionLengthAssessment.js`
      (`maximumLength` 156: longer is "too long"; the `yoast` profile).
    - Rank Math: 160 characters, as the `rank-math` profile records it (its
      snippet editor's figure; no Rank Math document is quoted here).
    """
    d = page.description
    if d and (n := grapheme_len(d.text)) > opts.description_max_chars:
        limit = opts.description_max_chars
        yield Violation(
            f"meta description is {n} characters (max {limit})", d, n, limit
        )


@length.rule("LEN104", Severity.WARNING)
def meta_description_too_wide(
    page: PageFacts, opts: LengthOptions
) -> Iterator[Violation]:
    """Meta description is wider in pixels than a snippet shows.

    ## What it does
    Measures `<meta name="description">` in pixels as 14 px Arial (Google's
    snippet font).

    ## Why is this bad?
    Snippets are cut by width, at about 920 px on desktop (the figure Rank
    Math uses; Screaming Frog allows 985). Google publishes no limit, so this
    is a display warning; the `rank-math` profile makes it an error.

    ## Example
    ```html
    <meta name="description" content="WHEN HERPES MAKES YOUR BACK HURT: SHINGLES,
    NERVE PAIN AND MUSCLE WEAKNESS. WHAT MEDICINE, WARMTH AND MOVEMENT DO, AND WHEN
    A DOCTOR MUST SEE YOU.">
    ```

    Use instead:
    ```html
    <meta name="description" content="Can herpes cause back pain? How shingles inflames nerves, and what helps.">
    ```

    ## References
    Definition: the width of the description (as LEN103 reads it) in Liberation
    Sans (Arial metrics) at 14 px, computed as in LEN102; a description wider
    than `description-max-px` (920) is reported.

    - Google Search Central, "Control your snippets in search results"
      (https://developers.google.com/search/docs/appearance/snippet): Google
      publishes no width; 14 px Arial and 920 px are what SERP preview tools
      model (`pipeline/textmetrics.py` names them), not documented figures.
    - Screaming Frog SEO Spider (user guide: Page Titles, Meta Description and
      H1 tabs; thresholds in Configuration > Spider > Preferences): default
      filter "Over 985 pixels" (the `screaming-frog` profile).
    - Rank Math: 920 px, as the `rank-math` profile records it.
    """
    d = page.description
    if d and (px := _px(d.text, DESCRIPTION_SIZE_PX)) > opts.description_max_px:
        limit = opts.description_max_px
        message = f"meta description is {px} px wide (max {limit} px){_approx(d.text)}"
        yield Violation(message, d, px, limit)


def _too_short(
    what: str, tag: Tag, size: int, min_chars: int, min_px: int
) -> Iterator[Violation]:
    if (n := grapheme_len(tag.text)) < min_chars:
        yield Violation(
            f"{what} is {n} characters (min {min_chars})", tag, n, min_chars
        )
    elif min_px and (px := _px(tag.text, size)) < min_px:
        yield Violation(f"{what} is {px} px wide (min {min_px} px)", tag, px, min_px)


@length.rule("LEN105", Severity.WARNING)
def meta_description_too_short(
    page: PageFacts, opts: LengthOptions
) -> Iterator[Violation]:
    """Meta description is shorter than a useful snippet.

    ## What it does
    Flags a non-empty description under the minimum characters (or pixels,
    when `description-min-px` is set).

    ## Why is this bad?
    A very short description wastes the snippet, and Google often replaces
    it with page text. 70 characters is Screaming Frog's default (Yoast: 120).
    A missing description is META504's business.

    ## Example
    ```html
    <meta name="description" content="Herpes and back pain.">
    ```

    Use instead:
    ```html
    <meta name="description" content="Can herpes cause back pain? How shingles inflames nerves, and what helps.">
    ```

    ## References
    Definition: a non-empty description (as LEN103 reads it) of fewer than
    `description-min-chars` (70) grapheme clusters; when that passes and
    `description-min-px` is set (0 by default), one narrower than that many
    pixels at 14 px.

    - Google Search Central, "Control your snippets in search results"
      (https://developers.google.com/search/docs/appearance/snippet): Google
      publishes no minimum; 70 is a tool convention.
    - Screaming Frog SEO Spider (user guide: Page Titles, Meta Description and
      H1 tabs; thresholds in Configuration > Spider > Preferences): default
      filters "Below 70 characters" and "Below 400 pixels" (the `screaming-frog`
      profile).
    - Yoast:
      `packages/yoastseo/src/scoring/assessments/seo/MetaDescriptionLengthAssessment.js`
      (`recommendedMaximumLength` 120: a description of 120 characters or fewer
      is "too short"; the `yoast` profile sets 120, so exactly 120 passes here).
    """
    d = page.description
    if d and d.text.strip():
        size, chars, px = (
            DESCRIPTION_SIZE_PX,
            opts.description_min_chars,
            opts.description_min_px,
        )
        yield from _too_short("meta description", d, size, chars, px)


@length.rule("LEN106", Severity.WARNING)
def title_too_short(page: PageFacts, opts: LengthOptions) -> Iterator[Violation]:
    """Title is shorter than a descriptive result title.

    ## What it does
    Flags a non-empty title under the minimum characters (or pixels, when
    `title-min-px` is set).

    ## Why is this bad?
    A short title leaves room unused that could say what the page offers,
    and Google is more likely to rewrite it. 30 characters is Screaming
    Frog's default.

    ## Example
    ```html
    <title>Back pain</title>
    ```

    Use instead:
    ```html
    <title>Can Herpes Cause Back Pain? Symptoms and Treatment</title>
    ```

    ## References
    Definition: a non-empty title (as LEN101 reads it) of fewer than
    `title-min-chars` (30) grapheme clusters; when that passes and
    `title-min-px` is set (0 by default), one narrower than that many pixels at
    20 px.

    - Google Search Central, "Influencing your title links in search results"
      (https://developers.google.com/search/docs/appearance/title-link): Google
      sets no minimum; it asks for descriptive, concise titles.
    - Screaming Frog SEO Spider (user guide: Page Titles, Meta Description and
      H1 tabs; thresholds in Configuration > Spider > Preferences): default
      filters "Below 30 characters" and "Below 200 pixels" (the `screaming-frog`
      profile).
    """
    t = page.title
    if t and t.text.strip():
        yield from _too_short(
            "title", t, TITLE_SIZE_PX, opts.title_min_chars, opts.title_min_px
        )


@length.rule("LEN107", Severity.WARNING)
def h1_too_long(page: PageFacts, opts: LengthOptions) -> Iterator[Violation]:
    """H1 is longer than a scannable page heading.

    ## What it does
    Counts the characters of every `h1`.

    ## Why is this bad?
    The H1 is the headline readers scan first; long ones get skimmed and wrap
    badly on phones. 70 characters is Screaming Frog's threshold.

    ## Example
    ```html
    <h1>Everything You Need to Know About How the Herpes Virus Can Cause Back Pain</h1>
    ```

    Use instead:
    ```html
    <h1>Can Herpes Cause Back Pain?</h1>
    ```

    ## References
    Definition: grapheme clusters of each `h1`'s text (whitespace collapsed,
    `alt` text of images included); an `h1` of more than `h1-max-chars` (70) is
    reported.

    - Screaming Frog SEO Spider (user guide: Page Titles, Meta Description and
      H1 tabs; thresholds in Configuration > Spider > Preferences): H1 tab,
      default filter "Over 70 characters". No search engine publishes an H1
      length.
    """
    for h in page.h1s:
        if (n := grapheme_len(h.text)) > opts.h1_max_chars:
            limit = opts.h1_max_chars
            yield Violation(f"h1 is {n} characters (max {limit})", h, n, limit)


@length.rule("LEN108", Severity.WARNING)
def url_too_long(page: PageFacts, opts: LengthOptions) -> Iterator[Violation]:
    """URL path is longer than a readable URL.

    ## What it does
    Counts the characters of the page's URL path (from the canonical URL,
    else `og:url`, else the slug or file name).

    ## Why is this bad?
    Long URLs are cut in results and are hard to read and share. Google sets
    no limit; 75 characters is a common audit heuristic.

    ## Example
    ```html
    <link rel="canonical" href="https://example.com/health/everything-you-need-to-know-about-how-the-herpes-virus-causes-back-pain/">
    ```

    Use instead:
    ```html
    <link rel="canonical" href="https://example.com/health/herpes-back-pain/">
    ```

    ## References
    Definition: grapheme clusters of the percent-decoded path of the page's URL
    (canonical URL, else `og:url`, else the slug or file name), without scheme,
    host or query; a path of more than `url-max-chars` (75) is reported.

    - Google Search Central, "URL structure best practices for Google Search":
      https://developers.google.com/search/docs/crawling-indexing/url-structure
      (simple, descriptive URLs; no length limit).
    - 75 is a heuristic no source publishes.
    """
    # As a browser shows it: a Unicode slug counts its letters, not its %XX bytes.
    if (n := grapheme_len(unquote(page.url_path))) > opts.url_max_chars:
        limit = opts.url_max_chars
        yield Violation(
            f"url path is {n} characters (max {limit})", page.slug_pos, n, limit
        )


@length.rule("LEN109", Severity.INFO)
def jsonld_headline_too_long(
    page: PageFacts, opts: LengthOptions
) -> Iterator[Violation]:
    """JSON-LD `headline` is over the old 110-character limit.

    ## What it does
    Counts the characters of every JSON-LD `headline`, wherever the object
    that has it is written: at the top of a block, in `@graph`, or nested
    (an Article under `WebPage.mainEntity`).

    ## Why is this bad?
    Google required Article headlines of at most 110 characters until 2023
    and has dropped the limit, but many validators still flag it. Info only.

    ## Example
    ```html
    <script type="application/ld+json">{"@type": "Article", "headline": "Everything you need to know about how the herpes virus causes back pain, from the first symptoms to the diagnosis"}</script>
    ```

    Use instead:
    ```html
    <script type="application/ld+json">{"@type": "Article", "headline": "Can herpes cause back pain?"}</script>
    ```

    ## References
    Definition: grapheme clusters of every JSON-LD `headline` string, on any
    node of any block; one of more than `headline-max-chars` (110) is reported.

    - Google Search Central, "Article structured data"
      (https://developers.google.com/search/docs/appearance/structured-data/article):
      the current page asks for a concise `headline` and states no maximum; 110
      is the limit of its earlier versions.
    """
    for occ in page.jsonld_graph.walk():
        headline = occ.node.get("headline")
        if (
            isinstance(headline, str)
            and (n := grapheme_len(headline)) > opts.headline_max_chars
        ):
            limit = opts.headline_max_chars
            yield Violation(
                f"json-ld headline is {n} characters (max {limit})", occ.block, n, limit
            )


@length.rule("LEN110", Severity.ERROR)
def incorrect_length_claim(page: PageFacts, opts: LengthOptions) -> Iterator[Violation]:
    """A length the content claims differs from the real one.

    ## What it does
    Compares stated lengths with measured ones (grapheme clusters): a front
    matter `description_claimed_length`, or visible text such as
    `“…” (149 characters)`. It is an error when the claim hides a limit
    overflow: the claimed length is within the title or description limit
    (`title-max-chars`, `description-max-chars`) and the real one is over
    it. Any other wrong claim, an off-by-one included, is a warning. The
    message says how to clear it: correct the number or remove it (for
    the front matter, remove `description_claimed_length`).

    ## Why is this bad?
    A wrong claim misleads editors: a draft that says 149 characters of a
    199-character description gets it published and cut off in the
    snippet. A claim that is merely off (108 claimed, 109 real) misleads no
    one about the limit, hence only a warning.

    ## Example
    ```html
    <p>Meta description: “Discover the connection between the herpes virus and back pain, including symptoms, diagnosis, and treatment options. Learn how to manage herpes-related back pain and reduce its impact on daily life.” (149 characters)</p>
    ```

    Use instead:
    ```html
    <p>Meta description: “How herpes viruses such as shingles inflame nerves and cause back pain, and the treatments that help.” (101 characters)</p>
    ```
    """
    limits = {"description": opts.description_max_chars, "title": opts.title_max_chars}
    for claim in page.claims:
        n = grapheme_len(claim.quoted)
        if n == claim.claimed:
            continue
        subject = {"description": "meta description", "title": "title"}.get(
            claim.subject, "quoted text"
        )
        field = "`description_claimed_length` from the front matter"
        front = claim.anchor == "description_claimed_length"
        message = f"{subject} is {n} characters, not the {claim.claimed} claimed"
        limit = limits.get(claim.subject)
        if limit is not None and claim.claimed <= limit < n:
            clear = f"remove {field} (or correct it)" if front else "correct the claim"
            message += (
                f", which hides that it is over the {limit}-character limit:"
                f" shorten the {subject}, then {clear}"
            )
            yield Violation(message, claim, n, claim.claimed)
        else:
            clear = (
                f"remove {field}, or set it to {n}"
                if front
                else f"correct the number to {n}, or remove it"
            )
            message += f"; {clear}"
            yield Violation(message, claim, n, claim.claimed, Severity.WARNING)
