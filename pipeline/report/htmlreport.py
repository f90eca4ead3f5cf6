"""The `html` report: an overview, the issues by rule, and every page's details.

Screaming Frog's model, so that it opens at once at any number of pages: the
index shows the totals, each rule with its count and its pages, and the
pages in a table with filters (severity, rule, path), sorting and paging; the
rows are JSON in the page (`|tojson`), drawn 100 at a time by a small inline
script, the first 100 as plain HTML. A page's details open on demand:

- `output_files(result, context)`: the index and one small file per page
  beside it (`_report/index.html`, `_report/pages/<n>.html`, one shared
  `_report/pages/report.css`). What `build` writes, and `check --format html
  -o FILE` (the page files then go to `<FILE stem>_files/`).
- `render(result, context)`: one self-contained document, every page's details
  inline after the index (the report on standard output; small runs).

Both render `templates/report.html` with the project's Jinja environment
(autoescape on) and load nothing from the network: no fonts, scripts or
images, and no `fetch` (blocked for `file://` pages anyway).

Per page: Google-style result previews for desktop and mobile, cut exactly
where `pipeline.snippets.measure` cuts them; the heading outline with the
findings on each heading; readability against its target band; the findings
with the fix advice of their rule's documentation; the JSON-LD, pretty-printed.
"""

from __future__ import annotations

import json
import posixpath
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from typing import Any, Final

from jinja2 import Template
from markdown_it import MarkdownIt
from markupsafe import Markup

from pipeline.checks.config import CheckConfig
from pipeline.checks.length import LengthOptions
from pipeline.checks.readability import (
    ReadabilityOptions,
    audience_of,
    long_paragraphs,
    long_sentences,
)
from pipeline.checks.registry import REGISTRY
from pipeline.checks.runner import CheckResult, PageReport
from pipeline.facts import PageFacts
from pipeline.findings import Finding, Severity
from pipeline.report.context import DEFAULT_CONTEXT, ReportContext
from pipeline.report.statistics import by_page, rule_statistics
from pipeline.snippets import (
    ELLIPSIS,
    Kind,
    Measurement,
    SnippetLimits,
    fit,
    measure,
)
from pipeline.urls import split_url
from pipeline.write import OutputFile

REPORT_PATH: Final = "_report/index.html"
"""Where `build` writes the report's index, relative to the output folder."""
PAGES_FOLDER: Final = "pages"
"""The folder of the per-page files, beside the index (`_report/pages/`)."""
STYLESHEET: Final = "report.css"
"""The one stylesheet of the per-page files, in their folder."""
PAGE_SIZE: Final = 100
"""Rows of the pages table drawn at a time (the first ones as plain HTML)."""
TITLE: Final = "SEO report"

_SECTION: Final = re.compile(r"^## +(.+?)\s*$", re.M)
_FENCE: Final = re.compile(r"```[a-z]*\n(.*?)```", re.S)
_MARKDOWN: Final = MarkdownIt("commonmark", {"html": False})
"""Rule docs are Markdown: rendered with raw HTML off (their `<h1>` is text)."""
NO_MARKUP: Final = Markup("")
QUOTES_SHOWN: Final = 20
"""Long sentences quoted per page at most (the count says how many more)."""


@dataclass(frozen=True, slots=True)
class Snippet:
    """A title or description as measured, with the part a result page hides."""

    m: Measurement
    hidden: str
    """Text after the desktop cut (empty when it fits)."""
    hidden_mobile: str
    """Text after the mobile cut."""
    short_chars: int | None = None
    """The minimum in characters when the page is reported as too short by
    it (LEN105/LEN106), so the meter says "too short", not "fits"."""
    short_px: int | None = None
    """The minimum in pixels, likewise."""


Inline = tuple[tuple[str, bool], ...]
"""Text as (part, is_code) pairs: Markdown `code` spans from rule docs."""


@dataclass(frozen=True, slots=True)
class Advice:
    """How to fix a finding, from its rule's documentation."""

    summary: Inline
    why: Inline
    example: str
    summary_html: Markup = NO_MARKUP
    """The summary, its Markdown rendered (no raw HTML)."""
    why_html: Markup = NO_MARKUP
    """Why it matters, its Markdown rendered (no raw HTML)."""


@dataclass(frozen=True, slots=True)
class Quote:
    """A long sentence or paragraph of the page, with its words counted."""

    text: str
    words: int


@dataclass(frozen=True, slots=True)
class FindingView:
    """A finding with where to edit and how to fix it."""

    f: Finding
    where: str
    advice: Advice | None
    quotes: tuple[Quote, ...] = ()
    """READ203/READ204: the long sentences or the long paragraph, quoted."""
    more: int = 0
    """Long sentences not quoted (past `QUOTES_SHOWN`)."""
    fitted: str = ""
    """LEN103/LEN104: the description fitted to the budgets, to copy."""
    markdown: Markup = NO_MARKUP
    """The fix in the content file's Markdown terms (pages built from `.md`)."""


@dataclass(frozen=True, slots=True)
class OutlineItem:
    """A heading in the outline, with the findings that point at its line."""

    level: int
    text: str
    in_main: bool
    line: int | None
    problems: tuple[FindingView, ...]


@dataclass(frozen=True, slots=True)
class Readability:
    """Readability figures against the audience's targets (READ2xx options)."""

    fre: float
    grade: float | None
    words: int
    sentences: int
    long_ratio: float
    audience: str
    fre_min: float | None
    """Lowest reading ease for the audience: the target band is fre_min–100."""
    grade_max: float | None
    long_max: float
    scored: bool
    """Enough words for the scores to count (`min-scored-words`)."""

    @property
    def fre_ok(self) -> bool:
        """At or above the audience's minimum reading ease (or no minimum)."""
        return self.fre_min is None or self.fre >= self.fre_min

    @property
    def grade_ok(self) -> bool:
        """At or below the audience's maximum grade (or no grade target)."""
        return (
            self.grade is None or self.grade_max is None or self.grade <= self.grade_max
        )

    @property
    def long_ok(self) -> bool:
        """Share of long sentences within its maximum."""
        return self.long_ratio <= self.long_max


@dataclass(frozen=True, slots=True)
class JsonLdView:
    """One JSON-LD block: pretty-printed, or raw with its syntax error."""

    types: str
    text: str
    error: str | None
    line: int | None


@dataclass(frozen=True, slots=True)
class PageView:
    """Everything the report shows for one page."""

    anchor: str
    path: str
    source: str | None
    lang: str | None
    site_name: str
    url_host: str
    url_trail: tuple[str, ...]
    title: Snippet | None
    description: Snippet | None
    readability: Readability | None
    outline: tuple[OutlineItem, ...]
    heading_notes: tuple[FindingView, ...]
    findings: tuple[FindingView, ...]
    counts: dict[str, int]
    jsonld: tuple[JsonLdView, ...]
    lang_assumed: bool = False
    """The page declares no `lang`: `lang` is the configured default-lang."""

    @property
    def by_severity(self) -> list[tuple[str, list[FindingView]]]:
        """The findings grouped by severity, errors first (Lighthouse's order);
        empty groups left out, each group in the findings' order."""
        return [
            (s.label, group)
            for s in sorted(Severity, reverse=True)
            if (group := [v for v in self.findings if v.f.severity is s])
        ]


def render(
    result: CheckResult,
    context: ReportContext = DEFAULT_CONTEXT,
    *,
    title: str = TITLE,
) -> str:
    """The report as one self-contained HTML document (details inline).

    `context.config` gives the budgets (profile, length table) and
    readability targets. `generated_at` is shown when given (left out by
    default, so the same input gives the same bytes).
    """
    views = _views(result, context.config)
    rows = [_row(n, v, f"#{v.anchor}") for n, v in enumerate(views, 1)]
    return _index(result, context, rows, views, title=title)


def output_files(
    result: CheckResult,
    context: ReportContext = DEFAULT_CONTEXT,
    *,
    index: str = REPORT_PATH,
    pages: str | None = None,
    title: str = TITLE,
) -> list[OutputFile]:
    """The report as linked files: `index`, then a stylesheet and one file per
    page in the folder `pages` (default: `pages/` beside the index).

    Paths are relative to one folder (the output folder for `build`), with
    `/` separators; the index links its pages by relative URLs, so the files
    can be moved together. Each page's view is dropped once its file and
    index row are made, so memory holds the files, not every view.
    """
    folder = posixpath.dirname(index)
    pages = pages if pages is not None else posixpath.join(folder, PAGES_FOLDER)
    to_pages = _relative(pages, folder)
    to_index = _relative(index, pages)
    template = _template("report/page.html")
    reading = _reading_options(context.config)
    findings = by_page(result.findings)
    count = len(result.pages)
    rows: list[list[Any]] = []
    files = [OutputFile(posixpath.join(pages, STYLESHEET), stylesheet())]
    for n, report in enumerate(result.pages, 1):
        view = _page(n, report, findings.get(report.path, ()), context.config, reading)
        name = f"{n}.html"
        rows.append(_row(n, view, posixpath.join(to_pages, name)))
        html = template.render(
            p=view,
            title=title,
            stylesheet=STYLESHEET,
            index=to_index,
            previous=f"{n - 1}.html" if n > 1 else "",
            next=f"{n + 1}.html" if n < count else "",
        )
        # UTF-8 bytes: half the memory of a str with any character past U+00FF
        files.append(OutputFile(posixpath.join(pages, name), html.encode()))
    return [OutputFile(index, _index(result, context, rows, (), title=title)), *files]


def page_files_folder(report_name: str) -> str:
    """Where `check -o FILE` puts the page files: `<stem>_files` beside FILE."""
    stem = posixpath.splitext(report_name)[0] or report_name
    return f"{stem}_files"


def stylesheet() -> str:
    """The report's CSS (inline in the index, a file beside the page files)."""
    return _template("report/report.css").render()


def _relative(target: str, folder: str) -> str:
    return posixpath.relpath(target, folder or ".")


@cache
def _template(name: str) -> Template:
    from pipeline.render import environment

    return environment(None).get_template(name)


def _views(result: CheckResult, config: CheckConfig) -> list[PageView]:
    """Every page's view; the findings are indexed by page once."""
    reading = _reading_options(config)
    findings = by_page(result.findings)
    return [
        _page(i, report, findings.get(report.path, ()), config, reading)
        for i, report in enumerate(result.pages, 1)
    ]


def _index(
    result: CheckResult,
    context: ReportContext,
    rows: list[list[Any]],
    inline: Sequence[PageView],
    *,
    title: str,
) -> str:
    """The index; `inline`: the pages whose details follow (single document)."""
    config, generated_at = context.config, context.generated_at
    stats = rule_statistics(result.findings)
    position = {s.code: i for i, s in enumerate(stats)}
    for row in rows:  # rule codes → indexes into `rules`
        row[-1] = sorted(position[code] for code in row[-1] if code in position)
    totals = {s.label: result.count(s) for s in sorted(Severity, reverse=True)}
    return _template("report.html").render(
        title=title,
        pages=inline,
        rows=rows,
        rows_shown=min(PAGE_SIZE, len(rows)),
        page_size=PAGE_SIZE,
        data={"rules": [s.code for s in stats], "rows": rows},
        rules=stats,
        first=fix_first(stats),
        advice={s.code: advice(s.code) for s in stats},
        page_counts=_page_counts(rows),
        limits=config.snippet_limits,
        totals=totals,
        checked=result.checked,
        generated_at=generated_at.isoformat(timespec="seconds") if generated_at else "",
    )


def fix_first(stats: Sequence[Any]) -> list[Any]:
    """The "fix these first" list: rules with errors, then warnings, most pages
    affected first (then most findings, then the code)."""
    worth = [s for s in stats if s.severity >= Severity.WARNING]
    return sorted(worth, key=lambda s: (-s.severity, -s.pages, -s.count, s.code))


def _page_counts(rows: Sequence[Sequence[Any]]) -> list[tuple[str, str, int]]:
    """(filter value, label, pages) for the overview and the severity filter."""
    return [
        ("error", "with errors", sum(1 for r in rows if r[12])),
        ("warning", "with warnings", sum(1 for r in rows if r[13])),
        ("info", "with info", sum(1 for r in rows if r[14])),
        ("clean", "without findings", sum(1 for r in rows if not r[11])),
    ]


def _px(value: float) -> float:
    return round(value, 1)


def _row(number: int, view: PageView, href: str) -> list[Any]:
    """One page in the pages table, as JSON and as the template's first rows:

    `[n, path, href, title chars, title px, title flags, description chars,
    description px, description flags, reading ease, grade, findings, errors,
    warnings, info, [rule codes, made indexes into the rules by `_index`]]`; flags: 1 over in characters, 2 over in
    pixels; a missing title or description has null figures.
    """
    row: list[Any] = [number, view.path, href]
    for snippet in (view.title, view.description):
        if snippet is None:
            row += [None, None, 0]
        else:
            m = snippet.m
            row += [m.chars, _px(m.px), (not m.fits_chars) + 2 * (not m.fits_px)]
    r = view.readability
    row.append(None if r is None else round(r.fre, 1))
    row.append(None if r is None or r.grade is None else round(r.grade, 1))
    row.append(len(view.findings))
    row += [view.counts["error"], view.counts["warning"], view.counts["info"]]
    row.append(sorted({v.f.code for v in view.findings}))  # indexes in `_index`
    return row


def _reading_options(config: CheckConfig) -> ReadabilityOptions:
    """The readability targets (defaults if the family was not registered)."""
    try:
        options = config.options_for("readability")
    except KeyError:
        return ReadabilityOptions()
    assert isinstance(options, ReadabilityOptions)
    return options


def _page(
    index: int,
    report: PageReport,
    findings: Sequence[Finding],
    config: CheckConfig,
    reading: ReadabilityOptions,
) -> PageView:
    facts = report.facts
    limits = config.snippet_limits
    markdown = _built_from_markdown(report)
    views = [_finding_view(f, markdown) for f in findings]
    views = _with_page_fixes(views, facts, limits, reading)
    outline, notes = _outline(facts, views)
    host, trail = _url_parts(facts)
    og_site = next((m.text for m in facts.metas if m.key == "og:site_name"), "")
    return PageView(
        anchor=f"page-{index}",
        path=report.path,
        source=report.source_path,
        lang=facts.text_lang,
        lang_assumed=facts.lang_assumed,
        site_name=og_site or host or "Site",
        url_host=host,
        url_trail=trail,
        title=_short(
            _snippet(facts.title.text if facts.title else None, "title", limits),
            "LEN106",
            findings,
            config,
        ),
        description=_short(
            _snippet(
                facts.description.text if facts.description else None,
                "description",
                limits,
            ),
            "LEN105",
            findings,
            config,
        ),
        readability=_readability(facts, reading),
        outline=outline,
        heading_notes=notes,
        findings=tuple(views),
        counts={
            s.label: sum(f.severity is s for f in findings)
            for s in sorted(Severity, reverse=True)
        },
        jsonld=tuple(_jsonld(facts)),
    )


def _snippet(text: str | None, kind: Kind, limits: SnippetLimits) -> Snippet | None:
    if text is None:
        return None
    m = measure(text, kind, limits)
    return Snippet(m, _hidden(m.text, m.desktop), _hidden(m.text, m.mobile))


def _short(
    snippet: Snippet | None,
    code: str,
    findings: Sequence[Finding],
    config: CheckConfig,
) -> Snippet | None:
    """Mark a title or description the page is warned about as too short
    (`code`: LEN105 or LEN106), with the minimum LEN105/LEN106 applied."""
    if snippet is None or not any(f.code == code for f in findings):
        return snippet
    try:
        opts = config.options_for("length")
    except KeyError:
        opts = LengthOptions()
    assert isinstance(opts, LengthOptions)
    if code == "LEN106":
        min_chars, min_px = opts.title_min_chars, opts.title_min_px
    else:
        min_chars, min_px = opts.description_min_chars, opts.description_min_px
    m = snippet.m
    short_chars = min_chars if m.chars < min_chars else None
    short_px = min_px if short_chars is None and min_px and m.px < min_px else None
    return replace(snippet, short_chars=short_chars, short_px=short_px)


def _hidden(text: str, cut: str) -> str:
    """What a cut hides: the rest of `text` after the shown part."""
    if cut == text:
        return ""
    shown = cut.removesuffix(ELLIPSIS)
    return text[len(shown) :].strip() if text.startswith(shown) else text


def _url_parts(facts: PageFacts) -> tuple[str, tuple[str, ...]]:
    """Host and path segments, as a result page shows a URL (`host › a › b`)."""
    canonical = next((c.text for c in facts.canonicals if c.in_head), "")
    og_url = next((m.text for m in facts.metas if m.key == "og:url"), "")
    parts = split_url(canonical or og_url)
    host = parts.netloc if parts.scheme in ("http", "https") else ""
    path = parts.path if host else (facts.url_path or facts.path)
    trail = tuple(s for s in path.split("/") if s and s != "index.html")
    return host, trail


def _readability(facts: PageFacts, opts: ReadabilityOptions) -> Readability | None:
    scores = facts.readability
    if scores is None:
        return None
    audience = audience_of(facts, opts)
    return Readability(
        fre=scores.flesch_reading_ease,
        grade=scores.fk_grade,
        words=facts.word_count,
        sentences=scores.sentence_count,
        long_ratio=scores.long_sentence_ratio,
        audience=audience,
        fre_min=opts.min_reading_ease.get(audience),
        grade_max=opts.max_grade.get(audience),
        long_max=opts.max_long_sentence_share,
        scored=scores.prose_words >= opts.min_scored_words,
    )


def _about_headings(view: FindingView) -> bool:
    """Heading rules (HEAD3xx) and rules named for headings (`h1-too-long`)."""
    f = view.f
    return f.code.startswith("HEAD") or "h1" in f.rule or "heading" in f.rule


def _outline(
    facts: PageFacts, views: Sequence[FindingView]
) -> tuple[tuple[OutlineItem, ...], tuple[FindingView, ...]]:
    """Headings with their findings; heading findings on no heading are notes."""
    about = [v for v in views if _about_headings(v)]
    lines = {h.line for h in facts.headings if h.line is not None}
    items = tuple(
        OutlineItem(
            h.level,
            h.text,
            h.in_main,
            h.line,
            tuple(
                sorted(
                    (
                        v
                        for v in about
                        if h.line is not None and v.f.html_line == h.line
                    ),
                    key=lambda v: -v.f.severity,
                )
            ),
        )
        for h in facts.headings
    )
    notes = tuple(v for v in about if v.f.html_line not in lines)
    return items, notes


def _finding_view(f: Finding, markdown: bool = False) -> FindingView:
    where = f.path + (f":{f.line}" if f.line is not None else "")
    hint = markdown_fix(f.code) if markdown else Markup("")
    return FindingView(f, where, advice(f.code), markdown=hint)


def _built_from_markdown(report: PageReport) -> bool:
    """The page was built from a Markdown content file (`facts.meta.source`)."""
    source = report.facts.meta.source
    return source is not None and source.path.lower().endswith((".md", ".markdown"))


def _with_page_fixes(
    views: list[FindingView],
    facts: PageFacts,
    limits: SnippetLimits,
    reading: ReadabilityOptions,
) -> list[FindingView]:
    """What to do on this page: the fitted description beside LEN103/LEN104,
    the long sentences quoted in READ203 and the long paragraph in READ204
    (found as the rules find them: `readability.long_sentences`/`long_paragraphs`)."""
    codes = {v.f.code for v in views}
    fitted = ""
    if codes & {"LEN103", "LEN104"} and facts.description is not None:
        fitted = fit(
            facts.description.text, "description", limits, facts.meta.keyphrase
        )
    over = [v for v in views if v.f.code in ("LEN103", "LEN104")]
    holder = max(over, key=lambda v: v.f.severity) if fitted and over else None
    sentences: tuple[Quote, ...] = ()
    more = 0
    if "READ203" in codes:
        found = long_sentences(facts, reading)
        sentences = tuple(Quote(t, n) for t, n in found[:QUOTES_SHOWN])
        more = max(0, len(found) - QUOTES_SHOWN)
    paragraphs = long_paragraphs(facts, reading) if "READ204" in codes else []
    out = []
    for v in views:
        code = v.f.code
        if v is holder:  # shown once (LEN103 and LEN104 often pair): first shown
            v = replace(v, fitted=fitted)
        elif code == "READ203":
            v = replace(v, quotes=sentences, more=more)
        elif code == "READ204":
            block = next(
                (
                    (b, n)
                    for b, n in paragraphs
                    if v.f.snippet and b.text.startswith(v.f.snippet)
                ),
                None,
            )
            if block is not None:
                v = replace(v, quotes=(Quote(block[0].text, block[1]),))
        out.append(v)
    return out


_MARKDOWN_FIXES: Final = {
    "HEAD301": "The H1 is the page title: set `title:` in the front matter.",
    "HEAD302": (
        "Only the title is an H1: start body sections at `## Heading`, not "
        "`# Heading` (or set `shift-headings: 1` in the front matter)."
    ),
    "HEAD303": (
        "Go down one level at a time: after `## Section` comes `### Part`, not "
        "`#### Part` (`seo-pipeline fix` shifts skipped levels)."
    ),
    "HEAD304": "Give the heading words: `## What it costs`, not a bare `##`.",
    "HEAD305": "Rename one of the two sibling `##` headings with the same text.",
    "HEAD306": "Start the body with the intro or a `## Heading`, not `###`.",
    "HEAD307": (
        "Set `seo_title:` in the front matter (the `<title>`), so it differs "
        "from `title:` (the H1)."
    ),
    "LEN101": "Shorten `seo_title:` (or `title:`, the default) in the front matter.",
    "LEN102": "Shorten `seo_title:` (or `title:`, the default) in the front matter.",
    "LEN106": "Lengthen `seo_title:` (or `title:`, the default) in the front matter.",
    "LEN103": (
        "Replace `description:` in the front matter with the fitted one "
        "(or run `seo-pipeline fix`)."
    ),
    "LEN104": (
        "Replace `description:` in the front matter with the fitted one "
        "(or run `seo-pipeline fix`)."
    ),
    "LEN105": "Lengthen `description:` in the front matter.",
    "LEN107": "Shorten `title:` in the front matter (the H1).",
    "LEN108": "Shorten `slug:` in the front matter.",
    "LEN110": (
        "Correct or remove the claimed length (`description_claimed_length:`) "
        "in the front matter, or the sentence that claims it."
    ),
    "META501": "Set `title:` (or `seo_title:`) in the front matter.",
    "META504": (
        "Set `description:` in the front matter (or leave it out to derive it "
        "from the intro)."
    ),
    "META511": "Describe each image: `![A runner on an icy path](/images/run.jpg)`.",
    "KEY701": "Put the keyphrase in `seo_title:` (or `title:`) in the front matter.",
    "KEY702": "Put the keyphrase in `description:` in the front matter.",
    "KEY703": "Use the keyphrase in a sentence of the intro, before the first `##`.",
    "KEY704": "Put the keyphrase's words in `slug:` in the front matter.",
    "META507": "Set `lang:` in the front matter (or `default-lang` in the config).",
    "META515": "Remove the unused key from the front matter, or map it to a field.",
    "SITE601": "Give this page a `seo_title:` (or `title:`) of its own.",
    "SITE602": "Give this page a `description:` of its own in the front matter.",
    "SITE603": "Give this page a `title:` (its H1) of its own in the front matter.",
    "READ204": "Split the paragraph: a blank line between two lines starts a new one.",
    "READ205": "Add a `## Subheading` (or `###`) at least every 300 words.",
}
"""How to fix a rule's finding in a Markdown content file, where its rule doc's
example is HTML. Link rules (`LINK…`) share one."""
_MARKDOWN_LINK: Final = (
    "Point the Markdown link or image at a page or a file of `static/`: "
    "`[text](/guide/)`, `![alt](/images/photo.jpg)`."
)


def markdown_fix(code: str) -> Markup:
    """The fix for `code` in Markdown terms, rendered; empty when none is known."""
    text = _MARKDOWN_FIXES.get(code) or (
        _MARKDOWN_LINK if code.startswith("LINK") else ""
    )
    return _render_markdown(text)


def _render_markdown(text: str) -> Markup:
    """Inline Markdown (rule docs, hints: trusted) as HTML; raw HTML stays text."""
    return Markup(_MARKDOWN.renderInline(text)) if text else Markup("")


@cache
def advice(code: str) -> Advice | None:
    """Summary, why it matters and the fixed example, from the rule's docstring."""
    rule = REGISTRY.get(code)
    if rule is None:
        return None
    sections = _sections(rule.doc)
    why = " ".join(sections.get("Why is this bad?", "").split())
    example = sections.get("Example", "")
    fixed = example.split("Use instead:", 1)[1] if "Use instead:" in example else ""
    code_block = _FENCE.search(fixed)
    return Advice(
        _inline(rule.summary),
        _inline(why),
        code_block.group(1).strip() if code_block else "",
        _render_markdown(rule.summary),
        _render_markdown(why),
    )


def _inline(text: str) -> Inline:
    """Split Markdown `code` spans out of a line of documentation."""
    parts = text.split("`")
    if len(parts) % 2 == 0:  # an unmatched backtick: keep the text as it is
        return ((text, False),)
    return tuple((part, i % 2 == 1) for i, part in enumerate(parts) if part)


def _sections(doc: str) -> dict[str, str]:
    parts = _SECTION.split(doc)
    return {parts[i]: parts[i + 1].strip() for i in range(1, len(parts) - 1, 2)}


def _jsonld(facts: PageFacts) -> list[JsonLdView]:
    views = []
    for block in facts.jsonld:
        if block.error is not None:
            views.append(JsonLdView("", block.raw.strip(), block.error, block.line))
            continue
        nodes = block.data if isinstance(block.data, list) else [block.data]
        graph = [
            n
            for node in nodes
            if isinstance(node, dict)
            for n in (node.get("@graph") or [node])
            if isinstance(n, dict)
        ]
        types = sorted({str(t) for n in graph for t in _as_list(n.get("@type"))})
        pretty = json.dumps(block.data, indent=2, ensure_ascii=False)
        views.append(JsonLdView(", ".join(types), pretty, None, block.line))
    return views


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]
