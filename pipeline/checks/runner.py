"""CHECK runner: pages in, findings out.

`check_pages` parses each page once (`pipeline.facts.parse`), runs the
selected page rules on its facts, then the site rules on all facts, and turns
every `Problem` into a `pipeline.findings.Finding`: code, name and effective
severity stamped, the location mapped to the content file when the page was
built from one, and suppressions (config, per-file globs, inline comments,
front matter) applied.
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from pipeline.checks.config import CheckConfig
from pipeline.checks.registry import (
    REGISTRY,
    Problem,
    Rule,
    is_selected,
    resolve_severity,
)
from pipeline.facts import PageFacts, parse
from pipeline.findings import Finding, Severity, SourceMap

SNIPPET_MAX = 300


@dataclass(frozen=True, slots=True)
class PageInput:
    """One page to check: its displayed path, its HTML and, for built pages,
    where its parts came from and its front matter."""

    path: str
    html: str | bytes
    source: SourceMap | None = None
    front_matter: Mapping[str, Any] = field(default_factory=dict)


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
    """Per-page state while running."""

    input: PageInput
    facts: PageFacts
    ignores: list[str]
    run: list[str] = field(default_factory=list)
    skipped: dict[str, str] = field(default_factory=dict)


def check_pages(pages: Sequence[PageInput], config: CheckConfig) -> CheckResult:
    """Check pages with the configured rules; findings sorted for reports."""
    started = time.perf_counter()
    selected = [
        r for r in REGISTRY.values() if is_selected(r, config.selected, config.ignore)
    ]
    page_rules = sorted((r for r in selected if not r.site), key=lambda r: r.order)
    site_rules = sorted((r for r in selected if r.site), key=lambda r: r.order)
    states: list[_Page] = []
    findings: list[Finding] = []
    for page in pages:
        facts = parse(page.html, path=page.path, front_matter=page.front_matter)
        source_path = page.source.path if page.source else None
        ignores = [*config.ignored_for(page.path, source_path), *facts.disabled]
        state = _Page(page, facts, ignores)
        states.append(state)
        for rule in page_rules:
            if _suppressed(rule, state):
                continue
            out_of_scope = rule.requires(facts) if rule.requires else None
            if out_of_scope:
                state.skipped[rule.code] = out_of_scope
                continue
            if not rule.applies_to(facts.lang):
                reason = f"no valid method for language {facts.lang or 'unknown'!r}"
                state.skipped[rule.code] = reason
                at = facts.at("body", facts.root)
                skip = Problem(f"skipped: {rule.name} has {reason}", at)
                findings.append(_finding(rule, state, skip, Severity.INFO))
                continue
            state.run.append(rule.code)
            severity = resolve_severity(rule, config.severity_overrides)
            options = config.options_for(rule.family.name)
            try:
                problems = rule.run_page(facts, options)
            except Exception as exc:  # a rule bug must not hide the other findings
                problems = [_crash(rule, exc, facts)]
            findings.extend(_finding(rule, state, p, severity) for p in problems)
    by_facts = {id(s.facts): s for s in states}
    all_facts = [s.facts for s in states]
    for rule in site_rules:
        severity = resolve_severity(rule, config.severity_overrides)
        options = config.options_for(rule.family.name)
        for state in states:
            if not _suppressed(rule, state):
                state.run.append(rule.code)
        try:
            site_problems = rule.run_site(all_facts, options)
        except Exception as exc:  # a rule bug must not hide the other findings
            site_problems = (
                [(all_facts[0], _crash(rule, exc, all_facts[0]))] if all_facts else []
            )
        for facts, problem in site_problems:
            state = by_facts[id(facts)]
            if rule.code in state.run:
                findings.append(_finding(rule, state, problem, severity))
    findings.sort(key=Finding.sort_key)
    reports = [
        PageReport(
            s.input.path,
            s.facts,
            s.input.source.path if s.input.source else None,
            tuple(s.run),
            dict(s.skipped),
        )
        for s in states
    ]
    return CheckResult(reports, findings, len(states), time.perf_counter() - started)


def _suppressed(rule: Rule, state: _Page) -> bool:
    """Ignored for this page (per-file glob, inline comment, front matter)."""
    for prefix in state.ignores:
        p = prefix.strip()
        if p and (rule.code.startswith(p.upper()) or p.lower() == rule.name):
            state.skipped[rule.code] = f"suppressed ({p})"
            return True
    return False


def _crash(rule: Rule, exc: Exception, facts: PageFacts) -> Problem:
    message = (
        f"internal error in {rule.name}: {type(exc).__name__}: {exc} (please report)"
    )
    return Problem(message, facts.at("body", facts.root))


def _finding(rule: Rule, state: _Page, problem: Problem, severity: Severity) -> Finding:
    at = problem.at
    path = state.input.path
    line, column = at.line, at.column
    source = state.input.source
    if source is not None:
        path, line, column = source.path, source.locate(at.anchor), None
    return Finding(
        code=rule.code,
        rule=rule.name,
        severity=severity,
        message=problem.message,
        path=path,
        line=line,
        column=column,
        value=problem.value,
        limit=problem.limit,
        snippet=at.text[:SNIPPET_MAX],
        html_path=state.input.path,
        html_line=at.line,
        html_column=at.column,
    )


def check_html(
    html: str | bytes,
    config: CheckConfig | None = None,
    *,
    path: str = "page.html",
    front_matter: Mapping[str, Any] | None = None,
) -> CheckResult:
    """Check one HTML string (a convenience for tests and library use)."""
    page = PageInput(path, html, front_matter=front_matter or {})
    return check_pages([page], config or CheckConfig())


def exit_code(result: CheckResult, fail_on: str | Severity | None) -> int:
    """0 or 1 from `--fail-on` (`"error"`, `"warning"`, `"info"`, `"never"`)."""
    if isinstance(fail_on, str):
        fail_on = None if fail_on == "never" else Severity.parse(fail_on)
    return result.exit_code(fail_on)
