"""The whole flow in two functions — read this file first.

    build: content/ ─load→ Article ─derive→ Page ─render→ HTML ─check→ Findings ─write→ output/
    check: *.html ──────────────────────────────────────────────check→ Findings

Every stage is a module that takes plain data and returns plain data; only
`load` and `write` touch the file system.
"""

from __future__ import annotations

import dataclasses
import json
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.config import Config, Site
from pipeline.derive import Page, derive_page
from pipeline.errors import ContentError, OutputError, Problem
from pipeline.render import RenderedPage, render_page, render_sitemap
from pipeline.snippets import limits_of
from pipeline.sources import LoadedArticle, content_files, load_articles
from pipeline.textmetrics import grapheme_len
from pipeline.write import MANIFEST, OutputFile, WriteResult, write_files


@dataclass(frozen=True, slots=True)
class BuildResult:
    """What `build` produced."""

    pages: tuple[RenderedPage, ...]
    files: tuple[OutputFile, ...]
    written: WriteResult | None
    checks: Any
    """The `CheckResult` of the rules, or None with `check=False`."""
    elapsed_s: float


def load_all(folder: Path, root: Path) -> list[LoadedArticle]:
    """Load every content file, reporting the problems of all files at once.

    Problems name files relative to `root` (the project), as the user sees them.
    """
    if not folder.is_dir():
        where = _display(folder, root)
        raise ContentError([Problem(where, None, None, "content folder not found")])
    loaded: list[LoadedArticle] = []
    problems: list[Problem] = []
    for path in content_files(folder):
        try:
            loaded.extend(load_articles(path))
        except ContentError as exc:
            problems.extend(
                dataclasses.replace(p, path=_display(Path(p.path), root))
                for p in exc.problems
            )
    if problems:
        raise ContentError(problems)
    return loaded


def derive_all(
    loaded: Sequence[LoadedArticle], site: Site, root: Path, checks: Any = None
) -> list[Page]:
    """Derive every page; two pages with one slug are an error before any write.

    `checks` (a CheckConfig) gives the profile's snippet budgets for fitting.
    """
    limits = limits_of(checks) if checks is not None else None
    pages = [derive_page(item, site, root=str(root), limits=limits) for item in loaded]
    counts = Counter(page.slug for page in pages)
    clashes = [
        Problem(
            page.source_path,
            page.source_map.locate("slug"),
            "slug",
            f"slug '{page.slug}' is used by {counts[page.slug]} articles",
        )
        for page in pages
        if counts[page.slug] > 1
    ]
    if clashes:
        raise ContentError(clashes)
    return pages


def site_files(
    rendered: Sequence[RenderedPage], site: Site, extra: Sequence[OutputFile] = ()
) -> list[OutputFile]:
    """Pages, `extra` files (the HTML report), `sitemap.xml` and `manifest.json`."""
    files = [OutputFile(r.page.rel_path, r.html) for r in rendered]
    files.extend(extra)
    entries = [
        {
            "loc": site.url_for(f"/{r.page.slug}/"),
            "lastmod": r.page.date_modified.isoformat()
            if r.page.date_modified
            else None,
        }
        for r in sorted(rendered, key=lambda r: r.page.slug)
    ]
    files.append(OutputFile("sitemap.xml", render_sitemap(entries, site)))
    names = sorted([f.rel_path for f in files] + [MANIFEST])
    files.append(OutputFile(MANIFEST, manifest(rendered, names)))
    return files


def manifest(rendered: Sequence[RenderedPage], files: Sequence[str]) -> str:
    """One row per page, and every generated file (so rebuilds clean up safely)."""
    rows = [
        {
            "path": r.page.rel_path,
            "url": r.page.url,
            "title": r.page.article.title,
            "title_length": grapheme_len(r.page.article.title),
            "description": r.page.description,
            "description_length": grapheme_len(r.page.description),
            "description_origin": r.page.description_origin,
            "description_original": r.page.description_original,
            "source": r.page.source_path,
        }
        for r in sorted(rendered, key=lambda r: r.page.rel_path)
    ]
    doc = {
        "version": 1,
        "generator": "seo-pipeline",
        "pages": rows,
        "files": list(files),
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def build(
    config: Config, *, check: bool = True, force: bool = False, write: bool = True
) -> BuildResult:
    """Load → derive → render → check → write, for every content file."""
    started = time.perf_counter()
    site = config.site
    if site.content_dir.resolve().is_relative_to(site.output_dir.resolve()):
        raise OutputError(
            [
                Problem(
                    site.output_dir,
                    None,
                    "output_dir",
                    "must not contain the content folder",
                )
            ]
        )
    loaded = load_all(site.content_dir, config.root)
    pages = derive_all(loaded, site, config.root, config.checks)
    rendered = tuple(render_page(page, site) for page in pages)
    checks = run_checks(rendered, config) if check else None
    report = [] if checks is None else [_html_report(checks, config)]
    files = tuple(site_files(rendered, site, report))
    written = write_files(files, site.output_dir, force=force) if write else None
    return BuildResult(rendered, files, written, checks, time.perf_counter() - started)


def run_checks(rendered: Sequence[RenderedPage], config: Config) -> Any:
    """Run the rules on rendered pages, mapping findings to content lines."""
    from pipeline.checks import PageInput, check_pages

    inputs = [
        PageInput(
            path=_display(config.site.output_dir / r.page.rel_path, config.root),
            html=r.html,
            source=r.page.source_map,
            front_matter=_front_matter(r.page),
        )
        for r in rendered
    ]
    return check_pages(inputs, config.checks)


def check(
    paths: Sequence[Path], config: Config, *, keyphrase: str | None = None
) -> Any:
    """Check existing HTML files (from any generator): discover, read, check."""
    from pipeline.checkcmd import run_check

    return run_check(paths, config.checks, keyphrase=keyphrase)


def _html_report(checks: Any, config: Config) -> OutputFile:
    """The HTML report of the checks, written as `_report/index.html`."""
    from pipeline.report.htmlreport import output_file

    return output_file(checks, config.checks)


def _front_matter(page: Page) -> dict[str, Any]:
    article = page.article
    data = article.model_dump(
        by_alias=True, exclude={"body"}, exclude_none=True, mode="json"
    )
    data["slug"] = page.slug
    data["lang"] = page.lang
    return data


def _display(path: Path, root: Path) -> str:
    try:
        return str(path.resolve().relative_to(root.resolve()))
    except ValueError:
        return str(path)
