"""seo-pipeline: generate SEO articles and check any HTML page.

The flow is in `pipeline.run` (`build`, `check`), gating in `pipeline.gate`;
the command line in `pipeline.cli`. The names below are the public Python API; they are imported
on first use, so `import pipeline` stays cheap for the command line.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from pipeline.version import __version__

_EXPORTS = {
    "Article": "pipeline.models",
    "CheckConfig": "pipeline.checks.config",
    "CheckResult": "pipeline.checks.runner",
    "Config": "pipeline.config",
    "Finding": "pipeline.findings",
    "GateOptions": "pipeline.gate",
    "PageInput": "pipeline.checks.runner",
    "PageMeta": "pipeline.pagemeta",
    "ReportContext": "pipeline.report.context",
    "apply_gate": "pipeline.gate",
    "PipelineError": "pipeline.errors",
    "Severity": "pipeline.findings",
    "Site": "pipeline.config",
    "build": "pipeline.run",
    "check": "pipeline.run",
    "check_pages": "pipeline.checks.runner",
    "load_config": "pipeline.config",
    "text_width_px": "pipeline.textmetrics",
    "truncate_to_px": "pipeline.textmetrics",
}

__all__ = [
    "Article",
    "CheckConfig",
    "CheckResult",
    "Config",
    "Finding",
    "GateOptions",
    "PageInput",
    "PageMeta",
    "PipelineError",
    "ReportContext",
    "Severity",
    "Site",
    "__version__",
    "apply_gate",
    "build",
    "check",
    "check_pages",
    "load_config",
    "text_width_px",
    "truncate_to_px",
]

if TYPE_CHECKING:
    from pipeline.checks.config import CheckConfig
    from pipeline.checks.runner import CheckResult, PageInput, check_pages
    from pipeline.config import Config, Site, load_config
    from pipeline.errors import PipelineError
    from pipeline.findings import Finding, Severity
    from pipeline.gate import GateOptions, apply_gate
    from pipeline.models import Article
    from pipeline.pagemeta import PageMeta
    from pipeline.report.context import ReportContext
    from pipeline.run import build, check
    from pipeline.textmetrics import text_width_px, truncate_to_px


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'pipeline' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
