"""The whole flow in two functions — read this file first.

    build: content/ ─load→ Article ─derive→ Page ─render→ HTML ─check→ Findings ─write→ output/
    check: *.html ─discover→ PageInput ────────────────────────check→ Findings

Every stage is a module that takes plain data and returns plain data; only
`load`, `discover` and `write` touch the file system. The command line
(`pipeline.cli`) parses flags, calls these two functions and `pipeline.gate`,
and prints.
"""

from __future__ import annotations

import dataclasses
import json
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from pipeline.checks import CheckResult, PageInput, SiteContext, check_pages
from pipeline.config import Config, Site, load_config
from pipeline.derive import Page, derive_page
from pipeline.discover import (
    folder_files,
    html_files,
    manifest_folders,
    manifest_meta,
    read_pages,
)
from pipeline.errors import ContentError, OutputError, Problem
from pipeline.limits import Limits
from pipeline.paths import display_path
from pipeline.profiles import SnippetLimits
from pipeline.render import RenderedPage, render_page, render_sitemap
from pipeline.report.context import ReportContext
from pipeline.report.htmlreport import output_files
from pipeline.sources import LoadedArticle, list_content, load_file
from pipeline.static import static_files, with_static
from pipeline.textmetrics import grapheme_len
from pipeline.write import MANIFEST, OutputFile, WriteResult, write_files

MANIFEST_VERSION = 2
"""2: each page row carries the `meta` its checks were run with."""


@dataclass(frozen=True, slots=True)
class BuildResult:
    """What `build` produced."""

    pages: tuple[RenderedPage, ...]
    files: tuple[OutputFile, ...]
    written: WriteResult | None
    checks: CheckResult | None
    """The findings of the rules; None with `check=False`."""
    elapsed_s: float
    config: Config
    """The config the build ran with."""
    drafts_skipped: tuple[str, ...] = ()
    """Content files left out because they are drafts."""
    rows_skipped: tuple[Problem, ...] = ()
    """Bad dataset rows left out (`on_bad_row="skip"`), one problem each."""


def as_config(config: Config | str | Path | None) -> Config:
    """A `Config` as given, else loaded from a config file or project folder."""
    if isinstance(config, Config):
        return config
    if config is None:
        return load_config()
    path = Path(config)
    if path.is_dir():
        return load_config(cwd=path)
    return load_config(path)


def load_all(
    folder: Path,
    root: Path,
    limits: Limits | None = None,
    *,
    on_bad_row: Literal["fail", "skip"] = "fail",
    skipped: list[Problem] | None = None,
) -> list[LoadedArticle]:
    """Load every content file, reporting the problems of all files at once.

    Problems name files relative to `root` (the project), as the user sees them.
    A bad dataset row fails the load with the rest (`on_bad_row="fail"`), or
    is left out and its problems appended to `skipped` (`"skip"`).
    """
    limits = limits or Limits()
    if not folder.is_dir():
        where = display_path(folder, root)
        raise ContentError([Problem(where, None, None, "content folder not found")])
    loaded: list[LoadedArticle] = []
    paths, unlisted = list_content(folder)
    # A broken link is named as it is written, not as it resolves.
    listing = [
        dataclasses.replace(
            p, path=f"{display_path(Path(p.path).parent, root)}/{Path(p.path).name}"
        )
        for p in unlisted
    ]
    problems: list[Problem] = []
    left_out: list[Problem] = []
    for path in paths:
        try:
            found = load_file(path, limits)
        except ContentError as exc:
            problems.extend(exc.problems)
            continue
        loaded.extend(found.articles)
        (left_out if on_bad_row == "skip" else problems).extend(found.bad_rows)
    if listing or problems:
        raise ContentError([*listing, *(_shown(p, root) for p in problems)])
    if skipped is not None:
        skipped.extend(_shown(p, root) for p in left_out)
    return loaded


def _shown(problem: Problem, root: Path) -> Problem:
    return dataclasses.replace(problem, path=display_path(problem.path, root))


def derive_all(
    loaded: Sequence[LoadedArticle],
    site: Site,
    root: Path,
    limits: SnippetLimits | None = None,
) -> list[Page]:
    """Derive every page; two pages with one slug are an error before any write.

    `limits` are the profile's snippet budgets, for fitting descriptions.
    """
    pages, problems = [], []
    for item in loaded:
        try:
            pages.append(derive_page(item, site, root=str(root), limits=limits))
        except ContentError as exc:  # every page's problems, not the first's
            problems.extend(exc.problems)
    if problems:
        raise ContentError(problems)
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
    rendered: Sequence[RenderedPage],
    site: Site,
    extra: Sequence[OutputFile] = (),
    static: Sequence[OutputFile] = (),
) -> list[OutputFile]:
    """Pages, `extra` files (the HTML report), `static` files (copied from
    `static-dir`; one that would replace a generated file is an error),
    `sitemap.xml` and `manifest.json`."""
    files = [OutputFile(r.page.rel_path, r.html) for r in rendered]
    files.extend(extra)
    files = with_static(files, static, ("sitemap.xml", MANIFEST), site.static_dir)
    entries = [
        {
            "loc": r.page.url,  # percent-encoded for a non-ASCII slug
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
    """One row per page (with the `meta` its checks used), and every generated
    file (so rebuilds clean up safely)."""
    rows = [
        {
            "path": r.page.rel_path,
            "url": r.page.url,
            "title": r.page.seo_title,
            "title_length": grapheme_len(r.page.seo_title),
            "description": r.page.description,
            "description_length": grapheme_len(r.page.description),
            "description_origin": r.page.description_origin,
            "description_original": r.page.description_original,
            "source": r.page.source_path,
            "meta": r.page.meta.to_json(),
        }
        for r in sorted(rendered, key=lambda r: r.page.rel_path)
    ]
    doc = {
        "version": MANIFEST_VERSION,
        "generator": "seo-pipeline",
        "pages": rows,
        "files": list(files),
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def build(
    config: Config | str | Path | None = None,
    *,
    check: bool = True,
    force: bool = False,
    write: bool = True,
    drafts: bool = False,
    on_bad_row: Literal["fail", "skip"] = "fail",
) -> BuildResult:
    """Load → derive → render → check → write, for every content file.

    `config` is a `Config`, a config file or a project folder (default: the
    config found from the working folder). Drafts (`draft: true`, Jekyll's
    `published: false`, Pelican's `Status: draft`) are left out, as Hugo and
    Jekyll do, unless `drafts` is true. A bad dataset row fails the build
    (`on_bad_row="fail"`) or is left out and listed in `rows_skipped`
    (`"skip"`).
    """
    started = time.perf_counter()
    config = as_config(config)
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
    if site.output_dir.resolve().is_relative_to(site.content_dir.resolve()):
        raise OutputError(
            [
                Problem(
                    site.output_dir,
                    None,
                    "output_dir",
                    "must not be inside the content folder "
                    f"({site.content_dir}): its files would be read as content",
                )
            ]
        )
    bad_rows: list[Problem] = []
    loaded = load_all(
        site.content_dir,
        config.root,
        site.limits,
        on_bad_row=on_bad_row,
        skipped=bad_rows,
    )
    skipped = tuple(
        display_path(item.record.path, config.root)
        for item in loaded
        if item.article.draft and not drafts
    )
    loaded = [item for item in loaded if drafts or not item.article.draft]
    pages = derive_all(loaded, site, config.root, config.checks.snippet_limits)
    rendered = tuple(render_page(page, site) for page in pages)
    static = static_files(site.static_dir, site.output_dir, config.root)
    checks = run_checks(rendered, config, static) if check else None
    report = (
        [] if checks is None else output_files(checks, ReportContext(config.checks))
    )
    files = tuple(site_files(rendered, site, report, static))
    written = write_files(files, site.output_dir, force=force) if write else None
    elapsed = time.perf_counter() - started
    return BuildResult(
        rendered, files, written, checks, elapsed, config, skipped, tuple(bad_rows)
    )


def run_checks(
    rendered: Sequence[RenderedPage],
    config: Config,
    static: Sequence[OutputFile] = (),
) -> CheckResult:
    """Run the rules on rendered pages, mapping findings to content lines.

    The site's files (what local images and links may point at) are the
    pages, the `static` files, `sitemap.xml` and `manifest.json`.
    """
    inputs = [
        PageInput(
            path=display_path(config.site.output_dir / r.page.rel_path, config.root),
            html=r.html,
            meta=r.page.meta,
        )
        for r in rendered
    ]
    site = built_site(rendered, inputs, config, static)
    return check_pages(inputs, config.checks, site=site)


def built_site(
    rendered: Sequence[RenderedPage],
    inputs: Sequence[PageInput],
    config: Config,
    static: Sequence[OutputFile] = (),
) -> SiteContext:
    """The files a build writes (pages, `static` files, `sitemap.xml`,
    `manifest.json`) as site paths, and where each checked page is."""
    names = [r.page.rel_path for r in rendered] + [f.rel_path for f in static]
    return SiteContext(
        files=frozenset(f"/{n}" for n in [*names, "sitemap.xml", MANIFEST]),
        locations={
            page.path: f"/{r.page.rel_path}"
            for page, r in zip(inputs, rendered, strict=True)
        },
        hosts=site_hosts(config),
    )


def site_hosts(config: Config) -> frozenset[str]:
    """The site's own host name (from `base-url`), for absolute local URLs."""
    base = config.site.base_url
    host = urlsplit(base).hostname if base else None
    return frozenset({host.lower()} if host else ())


def check(
    paths: Sequence[str | Path] | str | Path,
    config: Config | str | Path | None = None,
    *,
    keyphrase: str | None = None,
) -> CheckResult:
    """Check HTML files from any generator: discover, read, check.

    `paths` are files or folders. Pages that a build listed in a folder's
    `manifest.json` are judged with the same `PageMeta` as in the build;
    `keyphrase` (the `--keyphrase` flag) overrides every page's.
    """
    if isinstance(paths, str | Path):
        paths = [paths]
    config = as_config(config)
    found = html_files(paths)
    metas = manifest_meta(manifest_folders(paths))
    pages = read_pages(found.files, keyphrase=keyphrase, metas=metas)
    result = check_pages(pages, config.checks, site=folder_site(paths, pages, config))
    notes = tuple(str(problem) for problem in found.skipped)
    return dataclasses.replace(result, notes=notes) if notes else result


def folder_site(
    paths: Sequence[str | Path], pages: Sequence[PageInput], config: Config
) -> SiteContext:
    """The files of the checked folders, for local references (SITE604).

    Each folder is a site: its files are site paths relative to it, and a
    page's own URL is its path in its folder. A single file has no site
    around it (`files=None`: the rule is skipped).
    """
    folders = [Path(p) for p in paths]
    if not folders or not all(f.is_dir() for f in folders):
        return SiteContext(files=None)
    files: set[str] = set()
    locations: dict[str, str] = {}
    roots = [f.resolve() for f in folders]
    for folder in roots:
        files |= folder_files(folder)
    for page in pages:
        where = Path(page.path).resolve()
        root = next((r for r in roots if where.is_relative_to(r)), None)
        if root is not None:
            locations[page.path] = "/" + where.relative_to(root).as_posix()
    return SiteContext(frozenset(files), locations, site_hosts(config))


def check_stdin(
    html: bytes,
    path: str = "-",
    config: Config | str | Path | None = None,
    *,
    keyphrase: str | None = None,
) -> CheckResult:
    """Check one page given as bytes (`check -` reads standard input).

    `path` names it in findings, reports and `per-file-ignores`
    (`--stdin-filename`); the file itself is never read.
    """
    from pipeline.pagemeta import NO_META

    meta = NO_META.with_keyphrase(keyphrase)
    page = PageInput(path, html, meta)
    return check_pages([page], as_config(config).checks, site=SiteContext(files=None))
