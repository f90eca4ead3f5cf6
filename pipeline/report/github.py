"""GitHub Actions workflow commands: annotations, and a Markdown job summary.

    ::error file=content/a.md,line=3,title=LEN103::meta description is 199 characters (max 155)

Errors become `::error`, warnings `::warning`, info `::notice`. Values are
escaped as the Actions toolkit does (`@actions/core`, `command.ts`): `%`,
CR and LF in the message; those plus `:` and `,` in properties. GitHub shows
each annotation on the line of the file it names, so for a built page that is
the line of the content file to edit.

GitHub shows at most 10 error, 10 warning and 10 notice annotations per step
(and 50 per job) and drops the rest without a word. So the report writes at
most `ReportContext.github_max_annotations` (default 10, `--github-max-
annotations N`) of each severity, errors first, then one last `::notice`
saying how many findings it left out (when that notice would be the 11th,
one notice fewer is written). `step_summary` is the Markdown the command line
appends to `$GITHUB_STEP_SUMMARY`: counts by rule and the worst pages.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Final

from pipeline.checks.runner import CheckResult
from pipeline.errors import PipelineError, Problem
from pipeline.findings import Finding, Severity
from pipeline.report.context import DEFAULT_CONTEXT, ReportContext

COMMANDS = {
    Severity.ERROR: "error",
    Severity.WARNING: "warning",
    Severity.INFO: "notice",
}


def escape_data(value: str) -> str:
    """Escape a command's message (`escapeData` in the toolkit)."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """Escape a property value (`escapeProperty` in the toolkit)."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def annotation(finding: Finding) -> str:
    """The workflow command of one finding."""
    props = [("file", finding.path.replace("\\", "/"))]
    if finding.line is not None:
        props.append(("line", str(finding.line)))
        if finding.column is not None:
            props.append(("col", str(finding.column)))
    props.append(("title", finding.code))
    joined = ",".join(f"{k}={escape_property(v)}" for k, v in props)
    return f"::{COMMANDS[finding.severity]} {joined}::{escape_data(finding.message)}"


GITHUB_LIMIT: Final = 10
"""Annotations of each severity GitHub shows for one step."""
WORST_PAGES: Final = 10
"""Pages listed in the job summary."""


def render(result: CheckResult, context: ReportContext = DEFAULT_CONTEXT) -> str:
    """The first findings of each severity as workflow commands, errors first,
    then a notice with how many were left out (if any)."""
    shown, left_out = select(result.findings, context.github_max_annotations)
    lines = [f"{annotation(f)}\n" for f in shown]
    if left_out:
        lines.append(
            f"::notice title=seo-pipeline::{escape_data(omitted(left_out, result))}\n"
        )
    return "".join(lines)


def select(findings: Sequence[Finding], limit: int) -> tuple[list[Finding], int]:
    """At most `limit` findings of each severity, errors first (each severity in
    report order), and how many are left out. When some are, one notice fewer
    is kept, so that the notice saying so is within GitHub's 10."""
    ordered = sorted(findings, key=lambda f: (-f.severity, _order(f)))
    per: dict[Severity, int] = {}
    for f in ordered:
        per[f.severity] = per.get(f.severity, 0) + 1
    keep = {s: min(n, limit) for s, n in per.items()}
    left_out = sum(per.values()) > sum(keep.values())
    if left_out and 0 < limit <= GITHUB_LIMIT and keep.get(Severity.INFO) == limit:
        keep[Severity.INFO] -= 1
    shown: list[Finding] = []
    taken: dict[Severity, int] = {}
    for f in ordered:
        if taken.get(f.severity, 0) < keep[f.severity]:
            taken[f.severity] = taken.get(f.severity, 0) + 1
            shown.append(f)
    return shown, len(findings) - len(shown)


def omitted(left_out: int, result: CheckResult) -> str:
    """The last notice's text."""
    noun = "finding" if left_out == 1 else "findings"
    return (
        f"{left_out} more {noun} not annotated ({len(result.findings)} in all; "
        "GitHub shows at most 10 errors, 10 warnings and 10 notices per step). "
        "See the job summary, or run with --format text for every finding."
    )


def step_summary(result: CheckResult) -> str:
    """The job summary: totals, counts by rule, and the worst pages (Markdown)."""
    from pipeline.report.statistics import by_page, rule_statistics

    counts = {s: result.count(s) for s in sorted(Severity, reverse=True)}
    out = [
        "## seo-pipeline",
        "",
        f"{result.checked} page{'' if result.checked == 1 else 's'} checked: "
        + ", ".join(_plural(n, s.label) for s, n in counts.items())
        + ".",
        "",
    ]
    stats = rule_statistics(result.findings)
    if stats:
        out += [
            "| Severity | Code | Rule | Findings | Pages |",
            "| --- | --- | --- | ---: | ---: |",
        ]
        out += [
            f"| {s.severity.label} | {s.code} | {_cell(s.name)} | {s.count} | {s.pages} |"
            for s in stats
        ]
        out.append("")
        grouped = by_page(result.findings)
        pages = _worst(grouped)
        out += [
            f"Worst pages ({len(pages)} of {len(grouped)} with findings):",
            "",
            "| Page | Errors | Warnings | Info |",
            "| --- | ---: | ---: | ---: |",
        ]
        out += [f"| {_cell(path)} | {e} | {w} | {i} |" for path, (e, w, i) in pages]
        out.append("")
    return "\n".join(out) + "\n"


def _plural(n: int, label: str) -> str:
    return f"{n} {label}" + ("s" if n != 1 and label != "info" else "")


def _worst(
    grouped: Mapping[str, Sequence[Finding]],
) -> list[tuple[str, tuple[int, int, int]]]:
    def counts(findings: Sequence[Finding]) -> tuple[int, int, int]:
        return (
            sum(f.severity is Severity.ERROR for f in findings),
            sum(f.severity is Severity.WARNING for f in findings),
            sum(f.severity is Severity.INFO for f in findings),
        )

    ranked = sorted(
        ((path, counts(fs)) for path, fs in grouped.items()),
        key=lambda item: (tuple(-n for n in item[1]), item[0]),
    )
    return ranked[:WORST_PAGES]


_MARKDOWN = str.maketrans(
    {c: f"\\{c}" for c in "\\`*_{}[]()#+!|~"}
    | {"&": "&amp;", "<": "&lt;", ">": "&gt;", "\n": " ", "\r": " "}
)


def _cell(text: str) -> str:
    """Text as a literal Markdown table cell: punctuation escaped, no HTML."""
    return text.translate(_MARKDOWN)


def append_step_summary(
    result: CheckResult, environ: Mapping[str, str] = os.environ
) -> Path | None:
    """Append the job summary to `$GITHUB_STEP_SUMMARY` when it is set (never
    overwriting what earlier steps wrote); the file, or None."""
    target = environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        return None
    path = Path(target)
    try:
        with path.open("a", encoding="utf-8", newline="\n") as handle:
            handle.write(step_summary(result))
    except OSError as exc:
        raise PipelineError(
            [Problem(path, None, None, f"cannot write the job summary: {exc.strerror}")]
        ) from None
    return path


def _order(finding: Finding) -> tuple[tuple[str, int, int, str, str], str]:
    return finding.sort_key(), finding.snippet
