"""The `text` report: findings grouped by file, then a summary line.

    content/herpes-back-pain.md
      content/herpes-back-pain.md:3:1: LEN103 meta description is 199 characters (max 155) (199/155) [error meta-description-too-long]

    2 errors, 5 warnings, 3 info in 3 files (3 pages checked in 0.04 s)

Colour (rich) only when asked for, i.e. when stdout is a terminal; messages are
plain `Text`, never parsed as rich markup.
"""

from __future__ import annotations

import io
from itertools import groupby

from rich.console import Console
from rich.text import Text

from pipeline.checks.readability import ReadabilityOptions, audience_of
from pipeline.checks.runner import CheckResult
from pipeline.findings import Finding, Severity
from pipeline.report.context import DEFAULT_CONTEXT, ReportContext

_STYLES = {
    Severity.ERROR: "bold red",
    Severity.WARNING: "yellow",
    Severity.INFO: "cyan",
}


def _where(f: Finding) -> str:
    parts = [f.path]
    if f.line is not None:
        parts += [str(f.line), str(f.column or 1)]
    return ":".join(parts)


def _value_limit(f: Finding) -> str:
    if f.value is None or f.limit is None:
        return ""
    return f" ({_num(f.value)}/{_num(f.limit)})"


def _num(value: float | int | str) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def finding_text(f: Finding) -> Text:
    """`path:line:col: CODE message (value/limit) [severity rule]`, styled."""
    line = Text(f"{_where(f)}: ")
    line.append(f.code, style=_STYLES[f.severity])
    line.append(f" {f.message}{_value_limit(f)} ")
    line.append(f"[{f.severity.label} {f.rule}]", style="dim")
    if f.html_path and f.html_path != f.path:
        html = f.html_path + (f":{f.html_line}" if f.html_line else "")
        line.append(f" (in {html})", style="dim")
    return line


def format_finding(f: Finding) -> str:
    """One finding as a plain line."""
    return finding_text(f).plain


def summary_line(result: CheckResult) -> str:
    """`N errors, N warnings, N info in N files (N pages checked in T s)`."""
    files = len({f.path for f in result.findings})
    counts = ", ".join(
        f"{n} {label}"
        for n, label in (
            (
                result.count(Severity.ERROR),
                "errors" if result.count(Severity.ERROR) != 1 else "error",
            ),
            (
                result.count(Severity.WARNING),
                "warnings" if result.count(Severity.WARNING) != 1 else "warning",
            ),
            (result.count(Severity.INFO), "info"),
        )
    )
    pages = f"{result.checked} page{'s' if result.checked != 1 else ''}"
    where = f"{files} file{'s' if files != 1 else ''}"
    return f"{counts} in {where} ({pages} checked in {result.elapsed_s:.2f} s)"


def _judged_with(result: CheckResult, context: ReportContext) -> dict[str, str]:
    """Per reported path: the keyphrase and audience its page was judged with,
    for pages whose content file (or `--keyphrase`) set them."""
    options = context.config.options_for("readability")
    assert isinstance(options, ReadabilityOptions)
    judged: dict[str, str] = {}
    for page in result.pages:
        meta = page.facts.meta
        audience = audience_of(page.facts, options)
        parts = [f"keyphrase {meta.keyphrase!r}"] if meta.keyphrase else []
        if audience != options.audience:
            parts.append(f"audience {audience!r}")
        if not parts:
            continue
        judged[page.source_path or page.path] = ", ".join(parts)
    return judged


def render(result: CheckResult, context: ReportContext = DEFAULT_CONTEXT) -> str:
    """The findings grouped by file, then the summary line."""
    color = context.color
    out = io.StringIO()
    console = Console(
        file=out,
        force_terminal=color,
        no_color=not color,
        width=10_000,
        highlight=False,
        soft_wrap=True,
    )
    if context.statistics and not context.summary_only:
        from pipeline.report.statistics import rule_statistics, statistics_table

        console.print(Text(statistics_table(rule_statistics(result.findings))))
    elif not context.summary_only:
        judged = _judged_with(result, context)
        for path, group in groupby(result.findings, key=lambda f: f.path):
            console.print(Text(path, style="bold underline"))
            if path in judged:
                console.print(Text(f"  judged with {judged[path]}", style="dim"))
            for finding in group:
                console.print(Text("  ") + finding_text(finding))
            console.print()
    console.print(summary_line(result), style="bold" if color else None)
    return out.getvalue()
