"""The one typed context every report format receives."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from pipeline.checks.config import CheckConfig
from pipeline.findings import Severity


@dataclass(frozen=True, slots=True)
class ReportContext:
    """What a renderer may need beyond the findings.

    Every format gets the same context, so every format states the same
    limits (profile and length table come from `config`).
    """

    config: CheckConfig = field(default_factory=CheckConfig)
    """The effective check settings (profile, budgets, readability targets)."""
    generated_at: dt.datetime | None = None
    """Time to stamp into the report; None keeps the output byte-identical."""
    color: bool = False
    """Colour for a terminal (text format only)."""
    summary_only: bool = False
    """Only the summary line (text format, `--quiet`)."""
    statistics: bool = False
    """Counts per rule (`--statistics`): the text format prints them instead
    of the findings, the JSON report adds a `statistics` array."""
    github_max_annotations: int = 10
    """Annotations per severity in the github format (GitHub shows 10 errors
    and 10 warnings per step); the rest are counted in one last notice."""

    @property
    def fail_on(self) -> Severity | None:
        """Lowest severity that fails the run (None: never)."""
        return self.config.fail_threshold


DEFAULT_CONTEXT = ReportContext()
