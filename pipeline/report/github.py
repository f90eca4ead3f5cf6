"""GitHub Actions workflow commands: one annotation per finding.

    ::error file=content/a.md,line=3,title=LEN103::meta description is 199 characters (max 155)

Errors become `::error`, warnings `::warning`, info `::notice`. Values are
escaped as the Actions toolkit does (`@actions/core`, `command.ts`): `%`,
CR and LF in the message; those plus `:` and `,` in properties. GitHub shows
each annotation on the line of the file it names, so for a built page that is
the line of the content file to edit.
"""

from __future__ import annotations

from pipeline.checks.runner import CheckResult
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


def render(result: CheckResult, context: ReportContext = DEFAULT_CONTEXT) -> str:
    """Every finding as a workflow command, one per line."""
    return "".join(f"{annotation(f)}\n" for f in sorted(result.findings, key=_order))


def _order(finding: Finding) -> tuple[tuple[str, int, int, str, str], str]:
    return finding.sort_key(), finding.snippet
