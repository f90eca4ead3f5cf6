"""REPORT: one pure function per output format, `render(result) -> str`.

`FORMATS` maps a `--format` name to its renderer; a new format is a module
with a `render(result: CheckResult) -> str` and one line here.
"""

from __future__ import annotations

from collections.abc import Callable

from pipeline.checks.runner import CheckResult
from pipeline.report import github, gitlab, htmlreport, jsonreport, junit, sarif, text

Renderer = Callable[[CheckResult], str]

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

__all__ = ["FORMATS", "Renderer"]
