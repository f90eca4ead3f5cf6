"""REPORT: one pure function per output format, `render(result, context) -> str`.

`FORMATS` maps a `--format` name to its renderer; a new format is a module
with a `render(result: CheckResult, context: ReportContext) -> str` and one
line here. Every renderer gets the same `ReportContext` (the effective
config, fail-on, timestamp, colour, summary-only), so every format states
the same limits.
"""

from __future__ import annotations

from collections.abc import Callable

from pipeline.checks.runner import CheckResult
from pipeline.report import github, gitlab, htmlreport, jsonreport, junit, sarif, text
from pipeline.report.context import DEFAULT_CONTEXT, ReportContext

Renderer = Callable[[CheckResult, ReportContext], str]

FORMATS: dict[str, Renderer] = {
    "text": text.render,
    "json": jsonreport.render,
    "sarif": sarif.render,
    "junit": junit.render,
    "github": github.render,
    "gitlab": gitlab.render,
    "html": htmlreport.render,
}
"""Output formats of `seo-pipeline check --format`."""


def render(
    fmt: str, result: CheckResult, context: ReportContext = DEFAULT_CONTEXT
) -> str:
    """Render `result` in the format named `fmt` (a key of `FORMATS`)."""
    return FORMATS[fmt](result, context)


__all__ = ["DEFAULT_CONTEXT", "FORMATS", "Renderer", "ReportContext", "render"]
