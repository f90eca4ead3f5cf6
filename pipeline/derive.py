"""DERIVE: Article + Site → Page, the fully resolved view a template renders.

Pure: slugs, URLs, the meta description (given, or fitted from the intro),
reading time, breadcrumbs, FAQ answers as HTML and text, and the source map
that lets checks point back at content lines.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from pipeline.config import Site
from pipeline.findings import SourceMap
from pipeline.labels import labels_for
from pipeline.mdrender import Body, BodyHeading, render_body, render_inline
from pipeline.models import Article
from pipeline.pagemeta import PageMeta
from pipeline.paths import display_path
from pipeline.profiles import SnippetLimits, limits_for
from pipeline.slugs import slugify, url_segment
from pipeline.snippets import fit, fit_first, measure
from pipeline.sources import LoadedArticle
from pipeline.suppressions import Suppression, from_front_matter, page_codes, scan

WORDS_PER_MINUTE = 230
"""Average adult silent reading speed for non-fiction (Brysbaert, 2019: 238 wpm)."""


@dataclass(frozen=True, slots=True)
class FaqView:
    """A FAQ item ready to render: the answer as safe HTML and as plain text."""

    question: str
    answer_html: str
    answer_text: str
    anchor: str


@dataclass(frozen=True, slots=True)
class Crumb:
    """One breadcrumb step with a resolved URL (None for the current page)."""

    name: str
    url: str | None


@dataclass(frozen=True, slots=True)
class Page:
    """Everything the templates and the writer need for one article."""

    article: Article
    source_path: str
    slug: str
    rel_path: str
    url: str
    lang: str
    description: str
    description_origin: str
    body: Body
    faq: tuple[FaqView, ...]
    breadcrumbs: tuple[Crumb, ...]
    image_url: str | None
    word_count: int
    reading_minutes: int
    date_published: dt.date | None
    date_modified: dt.date | None
    source_map: SourceMap
    description_original: str | None = None
    """The writer's description when `fit_descriptions` replaced it, else None."""
    suppressions: tuple[Suppression, ...] = ()
    """Suppressions in the content file (body comments, `seo-pipeline-disable`)."""

    @property
    def meta(self) -> PageMeta:
        """What the checks must know that the HTML does not say (`PageMeta`)."""
        article = self.article
        return PageMeta(
            slug=self.slug,
            keyphrase=(article.keyphrase or "").strip() or None,
            audience=article.audience,
            description_claimed_length=article.description_claimed_length,
            disabled=page_codes(self.suppressions)
            | frozenset(
                c.strip().upper() for c in article.seo_pipeline_disable if c.strip()
            ),
            source=self.source_map,
            unmapped=tuple(article.extra),
            suppressions=self.suppressions,
        )

    @property
    def seo_title(self) -> str:
        """The `<title>`: the front matter's `seo_title`, else `title` (the H1)."""
        return self.article.seo_title or self.article.title

    @property
    def toc(self) -> tuple[BodyHeading, ...]:
        """The H2 headings, for a table of contents."""
        return tuple(h for h in self.body.headings if h.level == 2)


def fit_description(
    paragraphs: tuple[str, ...], max_chars: int, *, keyphrase: str | None = None
) -> str:
    """The longest text from `paragraphs` within `max_chars` and the pixel budget.

    Whole sentences first (leading with the keyphrase when set), else a
    word-boundary cut with `…` that never ends on a dangling word; see
    `pipeline.snippets.fit`. The pixel budget is the default profile's.
    """
    limits = limits_for().replace(description_max_chars=max_chars)
    return fit(paragraphs, "description", limits, keyphrase)


@cache
def _default_limits() -> SnippetLimits:
    return limits_for()


def count_words(text: str) -> int:
    """Words as a reader counts them (runs of letters/digits, with inner '-' or ''')."""
    return len(re.findall(r"\w+(?:[-'’]\w+)*", text))


def derive_page(
    loaded: LoadedArticle,
    site: Site,
    *,
    root: str = "",
    limits: SnippetLimits | None = None,
) -> Page:
    """Resolve one validated article into a renderable Page.

    `limits` are the check profile's snippet budgets (default profile when
    omitted); the character budget of a derived description is the site's.
    """
    article, record = loaded.article, loaded.record
    source_path = display_path(record.path, root) if root else str(record.path)
    shift = (
        site.shift_headings
        if article.shift_headings is None
        else article.shift_headings
    )
    # `article.body` is stripped: its first line is the file's first non-blank one.
    raw = str(record.data.get("body", ""))
    first_line = record.body_line + raw[: len(raw) - len(raw.lstrip())].count("\n")
    body = render_body(article.body, first_line=first_line, shift=shift)
    slug = article.slug or slugify(article.title) or "page"
    rel_path = f"{slug}/index.html"
    url = site.url_for(f"/{url_segment(slug)}/")
    # A writer's description is used as written unless it is over budget and
    # `fit_descriptions` is on; then the original is kept beside the fitted one.
    sources, original = (*body.intro, *article.key_points), None
    budget = limits or _default_limits()
    if site.derived_description_max_chars is not None:
        budget = budget.replace(
            description_max_chars=site.derived_description_max_chars
        )
    if not article.description:
        description = fit(sources, "description", budget, article.keyphrase)
        origin = "derived from the " + ("intro" if body.intro else "key points")
    elif (
        site.fit_descriptions
        and not measure(article.description, "description", budget).fits
    ):
        original = article.description
        description = fit_first(
            (original, sources), "description", budget, article.keyphrase
        )
        origin = "fitted to the budget from the front matter"
    else:
        description, origin = article.description, "front matter"
    faq = tuple(_faq_view(item.question, item.answer) for item in article.faq)
    text = " ".join(
        (
            article.body,
            *article.key_points,
            *(f"{f.question} {f.answer_text}" for f in faq),
        )
    )
    words = count_words(text)
    return Page(
        article=article,
        source_path=source_path,
        slug=slug,
        rel_path=rel_path,
        url=url,
        lang=article.lang or site.default_lang,
        description=description,
        description_origin=origin,
        body=body,
        faq=faq,
        breadcrumbs=_crumbs(article, site, url),
        image_url=site.url_for(article.image.url) if article.image else None,
        word_count=words,
        reading_minutes=max(1, round(words / WORDS_PER_MINUTE)),
        date_published=article.date,
        date_modified=article.updated or article.date,
        source_map=_source_map(
            loaded, source_path, body, article.lang or site.default_lang
        ),
        description_original=original,
        suppressions=(
            *from_front_matter(article.seo_pipeline_disable, record.lines),
            *record.suppressions,
            *scan(article.body, first_line=first_line),
        ),
    )


def _faq_view(question: str, answer: str) -> FaqView:
    html, text = render_inline(answer)
    return FaqView(question, html, text, f"faq:{question}")


def _crumbs(article: Article, site: Site, url: str) -> tuple[Crumb, ...]:
    if article.breadcrumbs:
        steps = [
            Crumb(c.name, site.url_for(c.url) if c.url else None)
            for c in article.breadcrumbs
        ]
        return tuple(steps)
    return (Crumb("Home", site.url_for("/")), Crumb(article.title, None))


def _source_map(loaded: LoadedArticle, path: str, body: Body, lang: str) -> SourceMap:
    record, article = loaded.record, loaded.article
    lines: dict[str, int] = {}
    for key in (
        "title",
        "description",
        "description_claimed_length",
        "slug",
        "lang",
        "image",
        "author",
        "date",
        "updated",
        "keyphrase",
        "key_points",
        "faq",
        "breadcrumbs",
    ):
        line = record.lines.get(key)
        if line:
            lines[key] = line
    lines["body"] = record.body_line
    for key, line in loaded.unmapped:
        lines[f"extra:{key}"] = line
    lines.setdefault("slug", lines.get("title", 1))
    lines.setdefault("lang", record.lines.get("", 1))
    if "description" not in lines and body.intro_line:
        lines["description"] = body.intro_line  # derived from the intro
    lines[f"heading:{article.title}"] = lines.get("title", 1)
    if record.lines.get("seo_title"):
        # `<title>` findings (anchor `title`) point at the field that makes it.
        lines["title"] = record.lines["seo_title"]
    labels = labels_for(lang)
    if "key_points" in lines:
        lines[f"heading:{labels['key_points']}"] = lines["key_points"]
    if "faq" in lines:
        lines[f"heading:{labels['faq']}"] = lines["faq"]
    for heading in body.headings:
        lines.setdefault(f"heading:{heading.text}", heading.line)
    for i, item in enumerate(article.faq):
        line = record.lines.get(f"faq.{i}")
        if line:
            lines.setdefault(f"faq:{item.question}", line)
            lines.setdefault(f"heading:{item.question}", line)
    return SourceMap(path, lines)
