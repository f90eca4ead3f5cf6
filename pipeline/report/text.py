"""The `text` report: one line per finding, then a summary line.

content/post.md:3: LEN103 error: meta description is 199 characters (max 155) [meta-description-too-long]
"""

from __future__ import annotations

from pipeline.checks.runner import CheckResult
from pipeline.findings import Finding, Severity

_COLORS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}


def _where(f: Finding) -> str:
    parts = [f.path]
    if f.line is not None:
        parts.append(str(f.line))
        if f.column is not None:
            parts.append(str(f.column))
    return ":".join(parts)


def format_finding(f: Finding, *, color: bool = False) -> str:
    """`path:line:col: CODE severity: message [rule]` (+ the HTML place if mapped)."""
    severity = f.severity.label
    if color:
        severity = f"\x1b[{_COLORS[f.severity]}m{severity}\x1b[0m"
    line = f"{_where(f)}: {f.code} {severity}: {f.message} [{f.rule}]"
    if f.html_path and f.html_path != f.path:
        html = f.html_path + (f":{f.html_line}" if f.html_line else "")
        line += f" (in {html})"
    return line


def summary_line(result: CheckResult) -> str:
    """`Checked 3 pages: 1 error, 2 warnings, 0 info.`"""
    pages = f"{result.checked} page{'s' if result.checked != 1 else ''}"
    if not result.findings:
        return f"Checked {pages}: no findings."
    errors, warnings = result.count(Severity.ERROR), result.count(Severity.WARNING)
    counts = (
        f"{errors} error{'s' if errors != 1 else ''}, "
        f"{warnings} warning{'s' if warnings != 1 else ''}, "
        f"{result.count(Severity.INFO)} info"
    )
    return f"Checked {pages}: {counts}."


def render(
    result: CheckResult, *, color: bool = False, summary_only: bool = False
) -> str:
    """The findings, one per line, then the summary line."""
    lines = (
        []
        if summary_only
        else [format_finding(f, color=color) for f in result.findings]
    )
    lines.append(summary_line(result))
    return "\n".join(lines) + "\n"
