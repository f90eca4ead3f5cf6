"""GATE: turn a check result into a report, a baseline and an exit code.

Click-free: the command line parses its flags into one `GateOptions` and
prints what `apply_gate` returns. Exit codes: 0 nothing new at or above
`fail-on`, 1 something is, 2 a rule crashed (a bug in seo-pipeline is never
exit 1, and never hides the report).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Final

from pipeline.errors import ConfigError, PipelineError, Problem

if TYPE_CHECKING:
    from pipeline.checks.config import CheckConfig
    from pipeline.checks.runner import CheckResult

# The rules, pydantic and the renderers are imported where they are used, so
# that the command line's `--help` and `--version` start without them.

FAIL_ON: Final = ("error", "warning", "info", "never")

QUICK_GATES: Final[Mapping[str, tuple[str, str]]] = {
    "max_description_length": (
        "description-max-chars",
        "Longest meta description in characters (LEN103).",
    ),
    "min_description_length": (
        "description-min-chars",
        "Shortest meta description in characters (LEN105).",
    ),
    "max_title_length": ("title-max-chars", "Longest title in characters (LEN101)."),
    "max_title_px": ("title-max-px", "Widest title in pixels at 20 px Arial (LEN102)."),
    "max_description_px": (
        "description-max-px",
        "Widest meta description in pixels at 14 px Arial (LEN104).",
    ),
}
"""Quick-gate flag (snake case) → (option of the length family, help)."""


@dataclass(frozen=True, slots=True)
class GateOptions:
    """The gating choices of one run (the command line's flags, parsed)."""

    format: str = "text"
    output: Path | None = None
    """File for the report; None: standard output."""
    fail_on: str | None = None
    baseline: Path | None = None
    write_baseline: Path | None = None
    timestamps: bool = False
    select: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    profile: str | None = None
    limits: Mapping[str, int] = dataclasses.field(default_factory=dict)
    """Quick-gate values by length-family option (`description-max-chars`)."""
    statistics: bool = False
    """Counts per rule (`--statistics`)."""
    github_max_annotations: int = 10
    """Annotations per severity in the github format."""

    @property
    def report_on_stdout(self) -> bool:
        """A machine-readable report goes to stdout (so other output must not)."""
        return self.output is None and self.format != "text"


@dataclass(frozen=True, slots=True)
class GateOutcome:
    """Everything the command line prints or returns after a check."""

    report: str
    """The rendered report (already written when `written_to` is set)."""
    summary: str
    """The one-line summary."""
    notes: tuple[str, ...]
    """Baseline notes for the user."""
    exit_code: int
    written_to: Path | None
    crashes: tuple[str, ...]
    """One line per rule that raised (`path: CODE: internal error in rule: …`)."""


def split_list(values: Sequence[str]) -> list[str]:
    """`("LEN103,LEN104", "HEAD")` → `["LEN103", "LEN104", "HEAD"]`."""
    return [v.strip() for value in values for v in value.split(",") if v.strip()]


def effective_config(config: CheckConfig | None, gate: GateOptions) -> CheckConfig:
    """The loaded check config with the gate's overrides on top.

    `select` replaces the configured selection; `extend-select` and `ignore`
    add to theirs; the quick gates override the length family's options (and
    so any profile's); `profile` and `fail-on` replace.
    """
    from pydantic import ValidationError

    from pipeline.checks.config import CheckConfig
    from pipeline.validation import message_of

    base = config if config is not None else CheckConfig()
    changes: dict[str, object] = {
        "extend_select": [*base.extend_select, *split_list(gate.extend_select)],
        "ignore": [*base.ignore, *split_list(gate.ignore)],
    }
    if gate.select:
        changes["select"] = split_list(gate.select)
    if gate.profile is not None:
        changes["profile"] = gate.profile
    if gate.fail_on is not None:
        changes["fail_on"] = gate.fail_on
    if gate.limits:
        changes["length"] = dict(gate.limits)
    try:
        return base.with_overrides(**changes)
    except ValidationError as exc:
        raise ConfigError(
            [
                Problem(
                    "command line", None, _flag(e["loc"]), message_of(e, CheckConfig)
                )
                for e in exc.errors(include_url=False)
            ]
        ) from None


def _flag(loc: tuple[int | str, ...]) -> str | None:
    """The command-line flag behind a config error's location (`--select`)."""
    if not loc:
        return None
    return "--" + str(loc[0]).replace("_", "-")


def read_files(result: CheckResult) -> list[Path]:
    """The files a check result was read from: pages and their content files."""
    files = [Path(page.path) for page in result.pages]
    files += [Path(page.source_path) for page in result.pages if page.source_path]
    return files


def _target(path: Path | None, inputs: Sequence[Path]) -> Path | None:
    from pipeline.write import safe_report_target

    return None if path is None else safe_report_target(path, inputs=inputs)


def write_report(path: Path, report: str) -> None:
    """Write a report atomically: the old file or the whole new one, never half."""
    from pipeline.write import atomic_write

    try:
        atomic_write(path, report)
    except OSError as exc:
        raise PipelineError(
            [Problem(path, None, None, f"cannot write report: {exc.strerror or exc}")]
        ) from None


def apply_gate(
    result: CheckResult,
    gate: GateOptions,
    config: CheckConfig,
    *,
    quiet: bool = False,
    color: bool = False,
    now: Callable[[], datetime] = lambda: datetime.now(UTC),
    inputs: Sequence[Path] | None = None,
) -> GateOutcome:
    """Baseline, render, write `gate.output`; the exit code.

    `config` is the effective config (`effective_config`): the same one
    every format states its limits from. A report or baseline file never
    replaces a device, pipe, link or folder, nor one of `inputs`: the files
    the run read or wrote (default: the checked pages and their content
    files, by the paths the result shows, relative to the working folder).
    """
    import pipeline.baseline as baselines
    from pipeline.report import render
    from pipeline.report.context import ReportContext
    from pipeline.report.text import summary_line

    inputs = read_files(result) if inputs is None else inputs
    output = _target(gate.output, inputs)
    baseline_out = _target(gate.write_baseline, inputs)
    notes: list[str] = []
    if gate.write_baseline is not None:
        if baseline_out is None:
            raise PipelineError("--write-baseline needs a file name, not -")
        written = baselines.Baseline.of(result.findings)
        write_report(gate.write_baseline, baselines.dumps(written))
        notes.append(
            f"Wrote {len(written)} findings to the baseline {gate.write_baseline}."
        )
    shown = result
    if gate.baseline is not None or gate.write_baseline is not None:
        known = (
            baselines.load(gate.baseline)
            if gate.baseline is not None
            else baselines.Baseline.of(result.findings)
        )
        parts = baselines.split(result.findings, known)
        shown = dataclasses.replace(result, findings=parts.new)
        notes.append(
            f"{len(parts.known)} baselined findings not shown; {len(parts.new)} new."
            + (f" {parts.fixed} baselined findings are gone." if parts.fixed else "")
        )
    context = ReportContext(
        config=config,
        generated_at=now() if gate.timestamps else None,
        color=color and gate.format == "text" and gate.output is None,
        summary_only=quiet and gate.format == "text",
        statistics=gate.statistics,
        github_max_annotations=gate.github_max_annotations,
    )
    if gate.format == "html" and output is not None:  # an index and page files
        from pipeline.report.htmlfiles import write_beside

        report = write_beside(output, shown, context, inputs)
    else:
        report = render(gate.format, shown, context)
        if output is not None:
            write_report(output, report)
    if gate.format == "github":
        from pipeline.report.github import append_step_summary

        append_step_summary(shown)
    if gate.statistics and gate.format not in ("text", "json"):
        from pipeline.report.statistics import rule_statistics, statistics_table

        notes.append(statistics_table(rule_statistics(shown.findings)).rstrip("\n"))
    crashes = tuple(
        f"{c.path}: {c.code}: internal error in {c.rule}: {c.error}"
        for c in result.crashes
    )
    code = 2 if crashes else shown.exit_code(config.fail_threshold)
    return GateOutcome(report, summary_line(shown), tuple(notes), code, output, crashes)
