"""REPORT: one pure function per output format, `render(result, context) -> str`.

`FORMATS` names each `--format` and the module whose `render(result:
CheckResult, context: ReportContext) -> str` draws it; a new format is such a
module and one line here. Every renderer gets the same `ReportContext` (the
effective config, fail-on, timestamp, colour, summary-only), so every format
states the same limits. Renderers are imported on first use, so the command
line starts without them.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from pipeline.checks.runner import CheckResult
    from pipeline.report.context import ReportContext

Renderer = Callable[["CheckResult", "ReportContext"], str]

FORMATS: Final[Mapping[str, str]] = {
    "text": "pipeline.report.text",
    "json": "pipeline.report.jsonreport",
    "sarif": "pipeline.report.sarif",
    "junit": "pipeline.report.junit",
    "github": "pipeline.report.github",
    "gitlab": "pipeline.report.gitlab",
    "html": "pipeline.report.htmlreport",
}
"""Output formats of `--format`, text first, and the module of each."""


def renderer(fmt: str) -> Renderer:
    """The `render` function of the format named `fmt`."""
    module = importlib.import_module(FORMATS[fmt])
    function: Renderer = module.render
    return function


def render(fmt: str, result: CheckResult, context: ReportContext | None = None) -> str:
    """Render `result` in the format named `fmt` (a key of `FORMATS`)."""
    from pipeline.report.context import DEFAULT_CONTEXT

    return renderer(fmt)(result, context or DEFAULT_CONTEXT)


__all__ = ["FORMATS", "Renderer", "render", "renderer"]
