"""LIVE: the site as `serve` keeps it, rebuilt file by file as content changes.

`LiveSite` holds every content file's last good pages. `update()` re-reads
only content files whose size or modification time changed (and new ones),
loads, derives and renders their articles, and writes the whole file set
through `pipeline.write.write_files`, which rewrites only files whose bytes
changed, keeps the manifest and removes stale files. A change to the config
or the theme rebuilds everything. The checks and the HTML report run on the
latest pages in a worker process (`CheckWorker`, driven by a thread here),
checking only the pages that changed, so a page is never held up by them.

A content error never stops the server: the file keeps its last good pages,
and the problems (`file:line: field: message`) are published for the browser
overlay until the file is fixed.
"""

from __future__ import annotations

import dataclasses
import multiprocessing
import os
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import cast

from pipeline.checks.pool import _start_worker
from pipeline.checks.registry import SiteContext
from pipeline.checks.runner import PageCache, PageInput, check_pages
from pipeline.config import Config
from pipeline.derive import derive_page
from pipeline.errors import ContentError, OutputError, PipelineError, Problem
from pipeline.paths import display_path
from pipeline.render import RenderedPage, environment, render_page
from pipeline.report.context import ReportContext
from pipeline.report.htmlreport import output_files
from pipeline.run import built_site, site_files
from pipeline.serve.hub import Hub
from pipeline.sources import content_files, load_articles
from pipeline.static import static_files
from pipeline.write import (
    MANIFEST,
    OutputFile,
    WriteResult,
    previous_files,
    safe_target,
    write_files,
)

Log = Callable[[str], None]
MAX_SHOWN = 50
"""Problems shown in the overlay and the log; then how many more."""
CHECK_DELAY_S = 0.3
"""The checks start once no page has changed for this long."""
REPORT_FOLDER = "_report/"
"""Where `build` writes the HTML report (`pipeline.report.htmlreport`)."""


@dataclass(slots=True)
class _Source:
    """One content file: its stat signature, last good pages, current problems."""

    signature: tuple[int, int]
    rendered: list[RenderedPage] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Update:
    """What one `update()` did."""

    pages: int
    rebuilt: int
    """Content files loaded, derived and rendered again."""
    written: WriteResult | None
    problems: tuple[Problem, ...]
    elapsed_s: float


def url_of(rel_path: str) -> str:
    """The URL path of an output file: `a/index.html` → `/a/`."""
    if rel_path == "index.html" or rel_path.endswith("/index.html"):
        rel_path = rel_path[: -len("index.html")]
    return "/" + rel_path


class LiveSite:
    """The served site: content files → pages in memory → `output/`."""

    def __init__(
        self,
        load: Callable[[], Config],
        hub: Hub,
        *,
        check: bool = True,
        force: bool = False,
        drafts: bool = False,
        log: Log = lambda line: None,
    ) -> None:
        self._load = load
        self.drafts = drafts
        self.hub = hub
        self.force = force
        self.log = log
        self.config: Config | None = None
        self._sources: dict[Path, _Source] = {}
        self._static: list[OutputFile] = []
        self._report: list[OutputFile] = []
        self._problems: tuple[Problem, ...] = ()
        self._files: dict[str, str | bytes] = {}
        self._current: list[OutputFile] = []
        self._page_paths: set[str] = set()
        self._lock = threading.RLock()
        self._write_lock = threading.Lock()
        self._changed_at = 0.0
        self._check = check
        self._check_wanted = threading.Event()
        self._stopping = threading.Event()
        self._checker: threading.Thread | None = None
        self._worker = CheckWorker()

    # -- what the HTTP server reads -------------------------------------------

    def file(self, rel_path: str) -> str | bytes | None:
        """A generated file's current content (pages, report, static), else None.

        Never waits for a rebuild: the mapping is replaced whole, never changed
        in place, so a reader sees the old set or the new one.
        """
        return self._files.get(rel_path)

    @property
    def problems(self) -> tuple[Problem, ...]:
        """The current content, config or template problems (empty when fine)."""
        with self._lock:
            return self._problems

    @property
    def base_url(self) -> str | None:
        """The site's `base-url` (None before the config first loaded, or unset)."""
        config = self.config
        return config.site.base_url if config else None

    @property
    def output_dir(self) -> Path | None:
        """Where the site is written (None before the config first loaded)."""
        config = self.config
        return config.site.output_dir if config else None

    # -- building --------------------------------------------------------------

    def update(self, *, full: bool = False, static: bool = False) -> Update:
        """Bring the site up to date with the files on disk.

        `full` (config or theme changed, or first build) reloads the config
        and rebuilds every page; `static` re-reads the static folder.
        Otherwise only content files that changed are rebuilt. The browser
        is told as soon as the new pages are in memory; then they are written.
        """
        started = time.perf_counter()
        changed: list[str] = []
        with self._lock:
            if full or self.config is None:
                try:
                    config = self._load()
                    _check_folders(config)
                except PipelineError as exc:
                    return self._fail(exc.problems, started)
                if self.config is None:  # serve the last report until a new one
                    self._report = previous_report(config.site.output_dir)
                self.config = config
                for source in self._sources.values():  # rebuild all, keep last good
                    source.signature = (-1, -1)
                environment.cache_clear()  # templates are compiled once per theme
                static = True
            config = self.config
            problems: list[Problem] = []
            if static:
                try:
                    self._static = static_files(
                        config.site.static_dir, config.site.output_dir, config.root
                    )
                except PipelineError as exc:
                    problems.extend(exc.problems)
            rebuilt, scan_problems = self._scan(config)
            problems.extend(scan_problems)
            pages = self.pages()
            clashes = _slug_clashes(pages)
            problems.extend(clashes)
            for source in self._sources.values():
                problems.extend(source.problems)
            problems = list(dict.fromkeys(problems))  # a theme error, once
            early: list[str] = []
            if not clashes and (rebuilt or static or full):
                # The pages first: the browser reloads while the sitemap and
                # the manifest (tens of ms on 500 pages) are made.
                early = self._set_pages(pages)
                self._tell(problems, early)
                try:
                    changed = [*early, *self._set_files(pages)]
                except PipelineError as exc:
                    problems.extend(exc.problems)
                    changed = early
            self._problems = tuple(problems)
            if changed:
                self._changed_at = time.monotonic()
                self._check_wanted.set()
        self._tell(problems, [rel for rel in changed if rel not in early])
        written = None
        if changed:
            try:
                written = self._flush()
            except PipelineError as exc:
                with self._lock:
                    self._problems = (*self._problems, *exc.problems)
                    problems = list(self._problems)
                self._tell(problems, [])
        return Update(
            len(pages),
            rebuilt,
            written,
            tuple(problems),
            time.perf_counter() - started,
        )

    def _tell(self, problems: Sequence[Problem], changed: Sequence[str]) -> None:
        """Publish the problems (the overlay) and the URLs to reload."""
        self.hub.publish("problems", {"problems": shown(problems)})
        if not changed:
            return
        assets = [rel for rel in changed if not rel.endswith(".html")]
        paths = ["*"] if assets else [url_of(rel) for rel in changed]
        self.hub.publish("reload", {"paths": paths})

    def _set_pages(self, pages: Sequence[RenderedPage]) -> list[str]:
        """Serve the new pages now (before the whole file set); those that changed."""
        old = self._files
        fresh = {r.page.rel_path: r.html for r in pages}
        gone = sorted(rel for rel in self._page_paths if rel not in fresh)
        changed = [rel for rel, html in fresh.items() if not _same(old.get(rel), html)]
        files = dict(old)
        for rel in gone:
            files.pop(rel, None)
        files.update((rel, fresh[rel]) for rel in changed)
        self._files, self._page_paths = files, set(fresh)
        return [*changed, *gone]

    def _set_files(self, pages: Sequence[RenderedPage]) -> list[str]:
        """Make the current file set the one served; the files that changed."""
        config = self.config
        assert config is not None
        files = site_files(pages, config.site, self._report, self._static)
        old = self._files
        new = {f.rel_path: f.content for f in files}
        self._files, self._current = new, files
        quiet = {MANIFEST, "sitemap.xml"}
        changed = [
            rel
            for rel, content in new.items()
            if rel not in quiet and not _same(old.get(rel), content)
        ]
        changed.extend(rel for rel in old if rel not in new and rel not in quiet)
        return changed

    def _flush(self) -> WriteResult | None:
        """Write the current file set through `write_files` (one writer at a time)."""
        with self._write_lock:
            with self._lock:
                files, config = self._current, self.config
            if not files or config is None:
                return None
            return write_files(files, config.site.output_dir, force=self.force)

    def pages(self) -> list[RenderedPage]:
        """Every current page, in content-file order (drafts only with `drafts`)."""
        with self._lock:
            return [
                page
                for _, source in sorted(self._sources.items())
                for page in source.rendered
                if self.drafts or not page.page.article.draft
            ]

    def _fail(self, problems: Sequence[Problem], started: float) -> Update:
        self._problems = tuple(problems)
        self.hub.publish("problems", {"problems": shown(problems)})
        pages = len(self.pages())
        return Update(pages, 0, None, tuple(problems), time.perf_counter() - started)

    def _scan(self, config: Config) -> tuple[int, list[Problem]]:
        """Rebuild the content files that changed; drop the removed ones."""
        site, root = config.site, config.root
        if not site.content_dir.is_dir():  # keep the last good pages
            where = display_path(site.content_dir, root)
            return 0, [Problem(where, None, None, "content folder not found")]
        try:
            paths = content_files(site.content_dir)
        except ContentError as exc:
            return 0, [_shown(p, root) for p in exc.problems]
        rebuilt = 0
        seen: set[Path] = set()
        for path in paths:
            seen.add(path)
            try:
                info = os.stat(path)
                signature = (info.st_mtime_ns, info.st_size)
            except OSError:
                signature = (0, -1)
            source = self._sources.get(path)
            if source is not None and source.signature == signature:
                continue
            rebuilt += 1
            fresh = _Source(signature, source.rendered if source else [])
            try:
                loaded = load_articles(path, site.limits)
                snippet_limits = config.checks.snippet_limits
                fresh.rendered = [
                    render_page(
                        derive_page(item, site, root=str(root), limits=snippet_limits),
                        site,
                    )
                    for item in loaded
                ]
            except PipelineError as exc:  # keep the last good pages
                fresh.problems = [_shown(p, root) for p in exc.problems]
            self._sources[path] = fresh
        gone = [path for path in self._sources if path not in seen]
        for path in gone:
            del self._sources[path]
        return rebuilt + len(gone), []

    # -- the checks, in the background ----------------------------------------

    def start_checks(self) -> None:
        """Run the checks and the report after every change, in a thread."""
        if not self._check or self._checker is not None:
            return
        self._checker = threading.Thread(
            target=self._check_loop, name="seo-pipeline-checks", daemon=True
        )
        self._checker.start()

    def stop(self) -> None:
        """Stop the checks thread and its worker process."""
        self._stopping.set()
        self._check_wanted.set()
        self._worker.stop()
        if self._checker is not None:
            self._checker.join(timeout=30)

    def check_now(self) -> None:
        """Run the checks and write the report in this thread."""
        self._run_checks()

    def _check_loop(self) -> None:
        while True:
            self._check_wanted.wait()
            if self._stopping.is_set():
                return
            self._check_wanted.clear()
            # Let the browser fetch the new page first, and a burst of saves settle.
            while time.monotonic() - self._changed_at < CHECK_DELAY_S:
                if self._stopping.wait(CHECK_DELAY_S):
                    return
            try:
                self._run_checks()
            except Exception as exc:  # a bug: say so, keep serving
                self.log(f"internal error in the checks: {type(exc).__name__}: {exc}")

    def _run_checks(self) -> None:
        with self._lock:
            config = self.config
            pages = self.pages()
            static = list(self._static)
        if config is None:
            return
        started = time.perf_counter()
        inputs = [
            PageInput(
                path=display_path(
                    config.site.output_dir / r.page.rel_path, config.root
                ),
                html=r.html,
                meta=r.page.meta,
            )
            for r in pages
        ]
        site = built_site(pages, inputs, config, static)
        outcome = self._worker.run(config, inputs, site)
        if outcome is None:  # stopped
            return
        report, counts = outcome
        with self._lock:
            if self._stopping.is_set():
                return
            # Pages that changed meanwhile are reported by the next run
            # (`_check_wanted` is set again); this report is still newer.
            self._report = list(report)
            changed = self._set_files(self.pages())
        summary = ", ".join(
            f"{counts.get(name, 0)} {name}{'s' if counts.get(name, 0) != 1 else ''}"
            for name in ("error", "warning")
        )
        self.log(
            f"Checked {len(pages)} page{'' if len(pages) == 1 else 's'} in "
            f"{time.perf_counter() - started:.2f} s: {summary}, "
            f"{counts.get('info', 0)} info"
        )
        if changed:
            self.hub.publish("reload", {"paths": [url_of(rel) for rel in changed]})
        try:
            self._flush()
        except PipelineError as exc:
            self.log("\n".join(f"error: {p}" for p in exc.problems))


class CheckWorker:
    """The checks and the report in one worker process, started on first use.

    There they hold no lock of the server's and take no time from its
    threads (one interpreter runs one thread at a time): the browser gets
    its page while 500 pages are checked. The process keeps a `PageCache`,
    so a run after one save parses and checks that page alone. It is
    started with `spawn` (a fresh interpreter, never a fork of a threaded
    server), ends when asked, and on its own when this process goes away
    (its pipe closes).
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._process: BaseProcess | None = None
        self._conn: Connection | None = None
        self._stopped = False

    def run(
        self, config: Config, inputs: list[PageInput], site: SiteContext
    ) -> tuple[list[OutputFile], dict[str, int]] | None:
        """The report files and the findings per severity; None once stopped."""
        with self._lock:
            if self._stopped:
                return None
            if self._conn is None or self._process is None:
                context = multiprocessing.get_context("spawn")
                mine, theirs = context.Pipe()
                self._process = context.Process(
                    target=check_worker,
                    args=(theirs, os.getpid()),
                    name="seo-pipeline-checks",
                    daemon=True,
                )
                self._process.start()
                theirs.close()
                self._conn = mine
            conn = self._conn
        try:
            conn.send((config, inputs, site))
            kind, answer = conn.recv()
        except (EOFError, OSError):  # stopped, or the worker died: a new one next
            with self._lock:
                self._conn = self._process = None
            return None
        if kind != "ok":
            raise RuntimeError(answer)
        return cast(tuple[list[OutputFile], dict[str, int]], answer)

    def stop(self) -> None:
        """End the worker process (also in the middle of a run)."""
        with self._lock:
            self._stopped = True
            process, conn = self._process, self._conn
            self._process = self._conn = None
        if conn is not None:
            conn.close()
        if process is not None:
            process.terminate()
            process.join(timeout=10)


def check_worker(conn: Connection, parent: int) -> None:
    """The worker process: (config, pages) in, (report files, counts) out.

    Like the check runner's workers it ignores Ctrl-C (the server handles
    it), dies with its parent and lets go of the terminal.
    """
    _start_worker(parent, None, ())
    cache: tuple[Config | None, PageCache] = (None, PageCache())
    while True:
        try:
            config, inputs, site = conn.recv()
        except (EOFError, OSError):
            return
        try:
            if cache[0] != config:  # one cache per config
                cache = (config, PageCache())
            checks = config.checks.model_copy(update={"jobs": 1})
            result = check_pages(inputs, checks, cache=cache[1], site=site)
            report = output_files(result, ReportContext(config.checks))
            counts = Counter(f.severity.name.lower() for f in result.findings)
            answer: tuple[str, object] = ("ok", (report, dict(counts)))
        except Exception as exc:  # a bug: tell the server, keep serving
            answer = ("error", f"{type(exc).__name__}: {exc}")
        try:
            conn.send(answer)
        except (EOFError, OSError):
            return


def previous_report(output_dir: Path) -> list[OutputFile]:
    """The report files an earlier build generated, as they are on disk."""
    files = []
    for rel in sorted(previous_files(output_dir)):
        if rel.startswith(REPORT_FOLDER):
            try:
                files.append(OutputFile(rel, safe_target(output_dir, rel).read_bytes()))
            except (OSError, PipelineError):
                continue
    return files


def shown(problems: Sequence[Problem], limit: int = MAX_SHOWN) -> list[str]:
    """The problems as lines, at most `limit` of them and a line saying how many more."""
    lines = [str(p) for p in problems[:limit]]
    if len(problems) > limit:
        lines.append(f"… and {len(problems) - limit} more")
    return lines


def _same(old: str | bytes | None, new: str | bytes) -> bool:
    return old is new or old == new


def _check_folders(config: Config) -> None:
    """The content and output folders must not hold each other (as in `build`)."""
    site = config.site
    content, output = site.content_dir.resolve(), site.output_dir.resolve()
    if content.is_relative_to(output) or output.is_relative_to(content):
        where = display_path(site.output_dir, config.root)
        raise OutputError(
            [
                Problem(
                    where,
                    None,
                    "output_dir",
                    "must not contain the content folder nor be inside it",
                )
            ]
        )


def _shown(problem: Problem, root: Path) -> Problem:
    return dataclasses.replace(problem, path=display_path(problem.path, root))


def _slug_clashes(pages: Iterable[RenderedPage]) -> list[Problem]:
    pages = list(pages)
    counts = Counter(r.page.slug for r in pages)
    return [
        Problem(
            r.page.source_path,
            r.page.source_map.locate("slug"),
            "slug",
            f"slug '{r.page.slug}' is used by {counts[r.page.slug]} articles",
        )
        for r in pages
        if counts[r.page.slug] > 1
    ]
