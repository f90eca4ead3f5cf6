"""CHECK runner: pages in, findings out.

`check_pages` parses each page once (`pipeline.facts.parse`), runs the
selected page rules on its facts, then the site rules on all facts, and turns
every `Violation` into a `pipeline.findings.Finding`: code, name and effective
severity stamped, the location mapped to the content file when the page was
built from one, and suppressions (config, per-file globs, inline comments,
front matter) applied.
"""

from __future__ import annotations

import copy
import os
import pickle
import time
from collections.abc import Mapping, Sequence
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, fields, replace

from pipeline.checks.config import CheckConfig
from pipeline.checks.pool import map_in_workers
from pipeline.checks.registry import (
    REGISTRY,
    Rule,
    SiteContext,
    Violation,
    is_selected,
    resolve_severity,
)
from pipeline.checks.suppression import CODE as UNUSED_SUPPRESSION
from pipeline.checks.suppression import Audit, audit_findings
from pipeline.facts import PageFacts, parse
from pipeline.findings import Finding, Severity, SourceMap
from pipeline.pagemeta import NO_META, PageMeta
from pipeline.suppressions import Suppression, matches

SNIPPET_MAX = 300
"""Default of the `max-page-bytes` setting (10 MB): larger pages are not parsed."""
NO_FILES = "no site around the page (a single file or stdin): its files are unknown"
"""Why a rule that reads the site's files did not run (`rules_skipped`)."""


@dataclass(frozen=True, slots=True)
class PageInput:
    """One page to check: its displayed path, its HTML and what its content
    file said about it (`PageMeta`: keyphrase, claims, source map …)."""

    path: str
    html: str | bytes
    meta: PageMeta = NO_META

    @property
    def source(self) -> SourceMap | None:
        """Where the page's parts came from (None for third-party pages)."""
        return self.meta.source


@dataclass(frozen=True, slots=True)
class Crash:
    """A rule that raised on a page: a bug in seo-pipeline, not in the page."""

    path: str
    code: str
    rule: str
    error: str


@dataclass(frozen=True, slots=True)
class PageReport:
    """What was learnt about one page, and which rules ran on it."""

    path: str
    facts: PageFacts
    source_path: str | None
    rules_run: tuple[str, ...]
    rules_skipped: Mapping[str, str]
    """Code → why it did not run (ignored, suppressed, language)."""


@dataclass(frozen=True, slots=True)
class CheckResult:
    """The outcome of a check run."""

    pages: list[PageReport]
    findings: list[Finding]
    checked: int
    elapsed_s: float
    crashes: tuple[Crash, ...] = ()
    """Rules that raised (each also reported as a finding); exit code 2."""
    notes: tuple[str, ...] = ()
    """What the user should know about the run (files passed over …)."""

    def count(self, severity: Severity) -> int:
        """Number of findings of exactly this severity."""
        return sum(1 for f in self.findings if f.severity is severity)

    def exit_code(self, fail_on: Severity | None) -> int:
        """0 when nothing is at or above `fail_on` (None: never fail), else 1."""
        if fail_on is None:
            return 0
        return 1 if any(f.severity >= fail_on for f in self.findings) else 0


@dataclass(slots=True)
class _Page:
    """One page's outcome: its facts, findings and which rules ran."""

    facts: PageFacts
    ignores: list[str]
    findings: list[Finding] = field(default_factory=list)
    run: list[str] = field(default_factory=list)
    skipped: dict[str, str] = field(default_factory=dict)
    crashes: list[Crash] = field(default_factory=list)


PARALLEL_MIN_PAGES = 64
"""Below this many pages, worker start-up costs more than it saves."""


class PageCache:
    """The page-rule outcome of each page, for a caller that checks one site
    again and again (`seo-pipeline serve`): a page whose path, HTML and meta
    are unchanged is not parsed or checked again; the site rules still run on
    every page. One cache serves one `CheckConfig`; the latest version of
    each path is kept."""

    def __init__(self) -> None:
        self._pages: dict[str, tuple[PageInput, _Page]] = {}

    def run(
        self, pages: Sequence[PageInput], config: CheckConfig, rules: list[Rule]
    ) -> list[_Page]:
        """Page-rule states for `pages`, from the cache where it has them."""
        hits = {id(p): self._pages.get(p.path) for p in pages}
        missing = [
            p
            for p in pages
            if (hit := hits[id(p)]) is None
            or hit[0].html != p.html
            or hit[0].meta != p.meta
        ]
        for page, state in zip(
            missing, _run_pages(missing, config, rules), strict=True
        ):
            self._pages[page.path] = (page, state)
        keep = {p.path for p in pages}
        for path in [path for path in self._pages if path not in keep]:
            del self._pages[path]
        return [_copy(self._pages[p.path][1]) for p in pages]


def _copy(state: _Page) -> _Page:
    """A fresh copy for the site rules to add to: the facts are shared
    (immutable), every other field (a list or dict) is copied one level deep."""
    changes = {f.name: copy.copy(getattr(state, f.name)) for f in fields(state)}
    changes.pop("facts")
    return replace(state, **changes)


def check_pages(
    pages: Sequence[PageInput],
    config: CheckConfig,
    *,
    cache: PageCache | None = None,
    site: SiteContext | None = None,
) -> CheckResult:
    """Check pages with the configured rules; findings sorted for reports.

    Page rules run page by page, in worker processes when there are many
    pages and `jobs` allows (each page is still parsed exactly once); site
    rules then run once over all pages' facts. With a `cache`, only pages
    that changed since its last run are parsed and checked. `site` gives
    the files of the site (SITE604 resolves local references against them):
    None takes the checked pages as the site; `SiteContext(files=None)`
    says they are unknown, and the rules that need them are skipped.
    """
    started = time.perf_counter()
    selected = [
        r for r in REGISTRY.values() if is_selected(r, config.selected, config.ignore)
    ]
    page_rules = sorted((r for r in selected if not r.site), key=lambda r: r.order)
    site_rules = sorted((r for r in selected if r.site), key=lambda r: r.order)
    if cache is None:
        states = _run_pages(pages, config, page_rules)
    else:
        states = cache.run(pages, config, page_rules)
    by_facts = {id(s.facts): (p, s) for p, s in zip(pages, states, strict=True)}
    all_facts = [s.facts for s in states]
    context = site if site is not None else SiteContext(files=None)
    for rule in site_rules:
        severity = resolve_severity(rule, config.severity_overrides)
        options = config.options_for(rule.family.name)
        if rule.needs_files and site is not None and site.files is None:
            for state in states:
                if not _suppressed(rule, state):
                    state.skipped[rule.code] = NO_FILES
            continue
        for state in states:
            if not _suppressed(rule, state):
                state.run.append(rule.code)
        try:
            site_problems = rule.run_site(all_facts, options, context)
        except Exception as exc:  # a rule bug must not hide the other findings
            site_problems = []
            if states:
                site_problems = [(all_facts[0], _crash(rule, exc, states[0]))]
        for facts, problem in site_problems:
            page, state = by_facts[id(facts)]
            if rule.code in state.run:
                state.findings.append(_finding(rule, page, problem, severity))
    findings = sorted((f for s in states for f in s.findings), key=Finding.sort_key)
    reports = [
        PageReport(
            p.path,
            s.facts,
            p.source.path if p.source else None,
            tuple(s.run),
            dict(s.skipped),
        )
        for p, s in zip(pages, states, strict=True)
    ]
    crashes = tuple(c for s in states for c in s.crashes)
    return CheckResult(
        reports, findings, len(states), time.perf_counter() - started, crashes
    )


def _run_pages(
    pages: Sequence[PageInput], config: CheckConfig, rules: list[Rule]
) -> list[_Page]:
    jobs = _jobs(config, len(pages))
    if jobs > 1:
        try:
            return map_in_workers(
                _check_in_worker,
                pages,
                jobs=jobs,
                initializer=_init_worker,
                initargs=(config,),
                chunksize=max(1, min(32, len(pages) // (jobs * 4))),
            )
        except (OSError, BrokenProcessPool, pickle.PicklingError):
            pass  # no processes here (sandbox, odd platform): run in this one
    return [check_page(page, config, rules) for page in pages]


def _jobs(config: CheckConfig, pages: int) -> int:
    if config.jobs == 1 or pages < PARALLEL_MIN_PAGES:
        return 1
    affinity = getattr(os, "sched_getaffinity", None)
    cpus = len(affinity(0)) if affinity else (os.cpu_count() or 1)
    return max(1, min(config.jobs or cpus, cpus))


_WORKER: tuple[CheckConfig, list[Rule]] | None = None


def _init_worker(config: CheckConfig) -> None:
    global _WORKER
    selected = [
        r for r in REGISTRY.values() if is_selected(r, config.selected, config.ignore)
    ]
    _WORKER = (
        config,
        sorted((r for r in selected if not r.site), key=lambda r: r.order),
    )


def _check_in_worker(page: PageInput) -> _Page:
    assert _WORKER is not None
    return check_page(page, *_WORKER)


def check_page(page: PageInput, config: CheckConfig, rules: Sequence[Rule]) -> _Page:
    """Parse one page and run the page rules on it; never raises.

    A page over `max-page-bytes` is reported (META590) instead of parsed, and
    an exception while parsing or checking it becomes a crash record of this
    page (META591, in `CheckResult.crashes`): one hostile page never sinks
    the run.
    """
    limit = config.max_page_bytes
    size = _size(page.html)
    if size > limit:
        message = (
            f"page is {size:,} bytes (max {limit:,}): not parsed, not checked"
            " (the max-page-bytes setting)"
        )
        return _unparsed(page, config, "META590", message, size, limit)
    try:
        return _check_page(page, config, rules)
    except Exception as exc:  # recorded and reported; the run goes on
        error = f"{type(exc).__name__}: {exc}"[:500]
        message = f"internal error while checking this page: {error} (please report)"
        state = _unparsed(page, config, "META591", message)
        state.crashes.append(Crash(page.path, "META591", "page-not-checked", error))
        return state


def _size(html: str | bytes) -> int:
    """Size of the page in bytes (UTF-8 for text), without copying ASCII."""
    if isinstance(html, bytes) or html.isascii():
        return len(html)
    return len(html.encode("utf-8", "surrogatepass"))


def _unparsed(
    page: PageInput,
    config: CheckConfig,
    code: str,
    message: str,
    value: int | None = None,
    limit: int | None = None,
) -> _Page:
    """A page that was not checked: empty facts and one finding saying why."""
    facts = PageFacts(path=page.path)
    source_path = page.source.path if page.source else None
    state = _Page(facts, list(config.ignored_for(page.path, source_path)))
    rule = REGISTRY[code]
    if not _suppressed(rule, state):
        state.run.append(code)
        problem = Violation(message, facts.at("body", facts.root), value, limit)
        severity = resolve_severity(rule, config.severity_overrides)
        state.findings.append(_finding(rule, page, problem, severity))
    return state


def _check_page(page: PageInput, config: CheckConfig, rules: Sequence[Rule]) -> _Page:
    facts = parse(
        page.html, path=page.path, meta=page.meta, default_lang=config.default_lang
    )
    source_path = page.source.path if page.source else None
    state = _Page(facts, [*config.ignored_for(page.path, source_path), *facts.disabled])
    audit = Audit(facts.suppressions, facts.meta.suppressions)
    auditing = any(r.code == UNUSED_SUPPRESSION for r in rules)
    built = page.source is not None
    for rule in rules:
        if _suppressed(rule, state):
            if auditing:
                _shadow_run(rule, facts, config, audit)
            continue
        out_of_scope = rule.requires(facts) if rule.requires else None
        if out_of_scope:
            state.skipped[rule.code] = out_of_scope
            continue
        if not rule.applies_to(facts.text_lang):
            reason = f"no valid method for language {facts.text_lang!r}"
            state.skipped[rule.code] = reason
            skip = Violation(
                f"skipped: {rule.name} has {reason}", facts.at("body", facts.root)
            )
            state.findings.append(_finding(rule, page, skip, Severity.INFO))
            continue
        state.run.append(rule.code)
        overrides = config.severity_overrides
        severity = resolve_severity(rule, overrides)
        options = config.options_for(rule.family.name)
        try:
            problems = rule.run_page(facts, options)
        except Exception as exc:  # a rule bug must not hide the other findings
            problems = [_crash(rule, exc, state)]
        found = (
            _finding(rule, page, p, resolve_severity(rule, overrides, p.severity))
            if p.severity
            else _finding(rule, page, p, severity)
            for p in problems
        )
        state.findings.extend(f for f in found if audit.keep(rule, f, built))
    if UNUSED_SUPPRESSION in state.run:
        rule = REGISTRY[UNUSED_SUPPRESSION]
        state.findings += audit_findings(
            audit,
            rules,
            resolve_severity(rule, config.severity_overrides),
            lambda r, p, sev: _finding(r, page, p, sev),
            lambda r, sup, message, sev: _suppression_finding(
                r, page, sup, message, sev
            ),
        )
    return state


def _shadow_run(
    rule: Rule, facts: PageFacts, config: CheckConfig, audit: Audit
) -> None:
    """Run a rule suppressed for the whole page by a comment or the front
    matter, only to learn whether that suppression is used (META593)."""
    inline = [*audit.html, *audit.content]
    if (
        rule.code == UNUSED_SUPPRESSION
        or rule.site
        or not any(
            s.target is None and any(matches(rule.code, rule.name, c) for c in s.codes)
            for s in inline
        )
    ):
        return
    if (rule.requires and rule.requires(facts)) or not rule.applies_to(facts.text_lang):
        return
    try:
        fired = any(
            True for _ in rule.run_page(facts, config.options_for(rule.family.name))
        )
    except Exception:  # the rule is suppressed here: its crash is not reported
        return
    if fired:
        audit.page_level_fired(rule)


def _suppression_finding(
    rule: Rule, page: PageInput, sup: Suppression, message: str, severity: Severity
) -> Finding:
    """A META593 finding at a suppression in the content file."""
    path = page.source.path if page.source else page.path
    return Finding(
        code=rule.code,
        rule=rule.name,
        severity=severity,
        message=message,
        path=path,
        line=sup.line,
        snippet=sup.text[:SNIPPET_MAX],
        html_path=page.path,
    )


def _suppressed(rule: Rule, state: _Page) -> bool:
    """Ignored for this page (per-file glob, inline comment, front matter)."""
    for prefix in state.ignores:
        p = prefix.strip()
        if p and (rule.code.startswith(p.upper()) or p.lower() == rule.name):
            state.skipped[rule.code] = f"suppressed ({p})"
            return True
    return False


def _crash(rule: Rule, exc: Exception, state: _Page) -> Violation:
    """Record a rule that raised, and the finding that shows it in reports."""
    error = f"{type(exc).__name__}: {exc}"
    state.crashes.append(Crash(state.facts.path, rule.code, rule.name, error))
    message = f"internal error in {rule.name}: {error} (please report)"
    return Violation(message, state.facts.at("body", state.facts.root))


def _finding(
    rule: Rule, page: PageInput, problem: Violation, severity: Severity
) -> Finding:
    at = problem.at
    path = page.path
    line, column = at.line, at.column
    source = page.source
    if source is not None:
        path, line, column = source.path, source.locate(at.anchor), None
    message = problem.message
    if (repair := getattr(at, "repair", None)) is not None:
        # A JSON-LD block read after a lenient repair (SD401): say so.
        message += f" (json-ld block read after repair: {repair})"
    return Finding(
        code=rule.code,
        rule=rule.name,
        severity=severity,
        message=message,
        path=path,
        line=line,
        column=column,
        value=problem.value,
        limit=problem.limit,
        snippet=at.text[:SNIPPET_MAX],
        html_path=page.path,
        html_line=at.line,
        html_column=at.column,
    )


def check_html(
    html: str | bytes,
    config: CheckConfig | None = None,
    *,
    path: str = "page.html",
    meta: PageMeta = NO_META,
) -> CheckResult:
    """Check one HTML string (a convenience for tests and library use)."""
    page = PageInput(path, html, meta)
    return check_pages([page], config or CheckConfig())


def exit_code(result: CheckResult, fail_on: str | Severity | None) -> int:
    """0 or 1 from `--fail-on` (`"error"`, `"warning"`, `"info"`, `"never"`)."""
    if isinstance(fail_on, str):
        fail_on = None if fail_on == "never" else Severity.parse(fail_on)
    return result.exit_code(fail_on)
