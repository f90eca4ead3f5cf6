"""RENDER: Page → HTML through Jinja2 (autoescape on, StrictUndefined).

Templates are looked up in the user's `theme_dir` first, then in the defaults;
`default/<name>` always reaches a default, so a theme can extend and override
single blocks (`{% extends "default/base.html" %}`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import (
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    PrefixLoader,
    StrictUndefined,
    TemplateError,
)

from pipeline.config import Site
from pipeline.derive import WORDS_PER_MINUTE, Page
from pipeline.errors import PipelineError, Problem
from pipeline.facts import parse
from pipeline.jsonld import build_graph
from pipeline.labels import labels_for


@dataclass(frozen=True, slots=True)
class RenderedPage:
    """A page's final HTML and the JSON-LD graph embedded in it."""

    page: Page
    html: str
    jsonld: Mapping[str, Any]


def default_templates() -> Path:
    """The bundled templates: inside the wheel, or the repo's top-level folder."""
    packaged = Path(__file__).parent / "templates"
    return packaged if packaged.is_dir() else Path(__file__).parent.parent / "templates"


@cache
def environment(theme_dir: Path | None) -> Environment:
    """The one Jinja environment for a theme (cached: templates compile once)."""
    default = FileSystemLoader(default_templates())
    loaders: list[Any] = [default, PrefixLoader({"default": default})]
    if theme_dir is not None:
        if not theme_dir.is_dir():
            raise PipelineError(
                [Problem(theme_dir, None, "theme_dir", "folder not found")]
            )
        loaders.insert(0, FileSystemLoader(theme_dir))
    env = Environment(
        loader=ChoiceLoader(loaders),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    # tojson escapes < > & ' as \u003c … so content can never close the <script>.
    env.policies["json.dumps_kwargs"] = {"sort_keys": False, "ensure_ascii": False}
    return env


def render_page(page: Page, site: Site) -> RenderedPage:
    """Render one article with `article.html`.

    The JSON-LD `wordCount` and the reading time state the page's main-text
    word count as the checks and reports count it (`PageFacts.word_count`,
    on the rendered page), so a page says one number everywhere.
    """
    rendered = _render_once(page, site)
    words = parse(rendered.html, path=page.rel_path).word_count
    if words == page.word_count:
        return rendered
    minutes = max(1, round(words / WORDS_PER_MINUTE))
    return _render_once(replace(page, word_count=words, reading_minutes=minutes), site)


def _render_once(page: Page, site: Site) -> RenderedPage:
    graph = build_graph(page, site)
    context = {
        "page": page,
        "site": site,
        "jsonld": graph,
        "labels": labels_for(page.lang),
    }
    html = _render("article.html", site.theme_dir, context, page.source_path)
    return RenderedPage(page, html, graph)


def render_sitemap(entries: Sequence[Mapping[str, str | None]], site: Site) -> str:
    """`sitemap.xml` for the given `loc`/`lastmod` entries."""
    return _render("sitemap.xml", site.theme_dir, {"entries": entries}, "sitemap.xml")


def _render(
    name: str, theme_dir: Path | None, context: dict[str, Any], what: str
) -> str:
    try:
        return environment(theme_dir).get_template(name).render(context)
    except TemplateError as exc:
        # A broken user template is a user error: name the template and line.
        template = getattr(exc, "filename", None) or getattr(exc, "name", None) or name
        line = getattr(exc, "lineno", None)
        raise PipelineError(
            [
                Problem(
                    template,
                    line,
                    None,
                    f"template error while rendering {what}: {exc}",
                )
            ]
        ) from None
