"""The CI-gating options shared by `check` and `build`, and the one function
that applies them.

    @click.command()
    @gate_options
    def check(paths, gate: GateOptions): ...
        config = effective_config(loaded.checks, gate)
        result = ...
        sys.exit(finish(result, gate, config))

`gate_options` adds `--format`, `--output`, `--fail-on`, `--baseline`,
`--write-baseline`, `--timestamps`, `--select`/`--extend-select`/`--ignore`,
`--profile` and the quick gates (`--max-description-length` …), and hands the
command one `GateOptions` value. `finish` renders the chosen format, writes
`--output` atomically, prints the summary, applies the baseline and returns
the exit code: 0 nothing new at or above `--fail-on`, 1 something is,
2 a rule crashed (an internal error is never exit 1).
"""

from __future__ import annotations

import dataclasses
import functools
import inspect
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar, cast

import click
from pydantic import ValidationError

from pipeline import baseline as baselines
from pipeline.checks.config import PROFILES, CheckConfig
from pipeline.checks.runner import CheckResult
from pipeline.errors import ConfigError, PipelineError, Problem
from pipeline.findings import Finding
from pipeline.settings import kebab
from pipeline.write import atomic_write

F = TypeVar("F", bound=Callable[..., Any])

FAIL_ON = ("error", "warning", "info", "never")

QUICK_GATES: dict[str, tuple[str, str]] = {
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
"""Flag (snake case) → (option of the length family, help)."""

CRASH_PREFIX = "internal error in "
"""How the runner words a finding that stands for a rule that raised."""


@dataclass(frozen=True, slots=True)
class GateOptions:
    """The parsed gating options of one command invocation."""

    format: str = "text"
    output: Path | None = None
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

    @property
    def report_on_stdout(self) -> bool:
        """A machine-readable report goes to stdout (so other output must not)."""
        return self.output is None and self.format != "text"


def _formats() -> list[str]:
    from pipeline.report import FORMATS

    return list(FORMATS)


def gate_options(command: F) -> F:
    """Add the gating options to a click command; it receives `gate: GateOptions`."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        values = {k[5:]: kwargs.pop(k) for k in list(kwargs) if k.startswith("gate_")}
        limits = {
            option: values.pop(flag)
            for flag, (option, _) in QUICK_GATES.items()
            if values.get(flag) is not None
        }
        for flag in QUICK_GATES:
            values.pop(flag, None)
        gate = GateOptions(limits=limits, **values)
        return command(*args, gate=gate, **kwargs)

    options = [
        click.option(
            "--format",
            "gate_format",
            type=click.Choice(_formats()),
            default="text",
            show_default=True,
            help="Report format.",
        ),
        click.option(
            "-o",
            "--output",
            "gate_output",
            type=click.Path(dir_okay=False, path_type=Path),
            help="Write the report to FILE (atomically); the terminal gets the summary.",
        ),
        click.option(
            "--fail-on",
            "gate_fail_on",
            type=click.Choice(FAIL_ON),
            help="Lowest severity that makes the exit code 1 (default: error; "
            "never: always 0).",
        ),
        click.option(
            "--baseline",
            "gate_baseline",
            type=click.Path(dir_okay=False, path_type=Path),
            help="Fail only on findings that are not in this baseline file.",
        ),
        click.option(
            "--write-baseline",
            "gate_write_baseline",
            type=click.Path(dir_okay=False, path_type=Path),
            help="Record the current findings in a baseline file (then exit 0).",
        ),
        click.option(
            "--timestamps",
            "gate_timestamps",
            is_flag=True,
            help="Put times in SARIF and JUnit reports (off: byte-identical output).",
        ),
        click.option(
            "--select",
            "gate_select",
            multiple=True,
            metavar="CODES",
            help="Rules to run instead of the configured ones: codes, prefixes "
            "(LEN, LEN10), names, ALL; comma-separated or repeated.",
        ),
        click.option(
            "--extend-select",
            "gate_extend_select",
            multiple=True,
            metavar="CODES",
            help="Rules to run in addition to the selection.",
        ),
        click.option(
            "--ignore",
            "gate_ignore",
            multiple=True,
            metavar="CODES",
            help="Rules not to run (added to the configured ignore).",
        ),
        click.option(
            "--profile",
            "gate_profile",
            type=click.Choice(sorted(PROFILES)),
            help="Threshold profile.",
        ),
    ]
    options += [
        click.option(
            "--" + flag.replace("_", "-"),
            "gate_" + flag,
            type=click.IntRange(min=1),
            metavar="N",
            help=help_text,
        )
        for flag, (_, help_text) in QUICK_GATES.items()
    ]
    decorated: Callable[..., Any] = wrapper
    for option in reversed(options):
        decorated = option(decorated)
    return cast(F, decorated)


def split_list(values: Sequence[str]) -> list[str]:
    """`("LEN103,LEN104", "HEAD")` → `["LEN103", "LEN104", "HEAD"]`."""
    return [v.strip() for value in values for v in value.split(",") if v.strip()]


def effective_config(config: CheckConfig | None, gate: GateOptions) -> CheckConfig:
    """The loaded check config with the command-line overrides on top.

    `--select` replaces the configured selection; `--extend-select` and
    `--ignore` add to theirs; the quick gates override the length family's
    options (and so any profile's); `--profile` and `--fail-on` replace.
    """
    base = config if config is not None else CheckConfig()
    data = base.model_dump()
    if gate.select:
        data["select"] = split_list(gate.select)
    data["extend_select"] = [*base.extend_select, *split_list(gate.extend_select)]
    data["ignore"] = [*base.ignore, *split_list(gate.ignore)]
    if gate.profile is not None:
        data["profile"] = gate.profile
    if gate.fail_on is not None:
        data["fail_on"] = gate.fail_on
    if gate.limits:
        length = {kebab(k): v for k, v in base.length.items()}
        data["length"] = {**length, **gate.limits}
    try:
        return CheckConfig.model_validate(data)
    except ValidationError as exc:
        raise ConfigError(
            [
                Problem(
                    "command line",
                    None,
                    None,
                    e["msg"].removeprefix("Value error, "),
                )
                for e in exc.errors(include_url=False)
            ]
        ) from None


def render(
    fmt: str,
    result: CheckResult,
    *,
    fail_on: Any = None,
    generated_at: datetime | None = None,
    color: bool = False,
    summary_only: bool = False,
) -> str:
    """Render a result in a format, passing each renderer the context it takes."""
    from pipeline.report import FORMATS

    renderer = cast(Callable[..., str], FORMATS[fmt])
    context: dict[str, Any] = {
        "fail_on": fail_on,
        "generated_at": generated_at,
        "color": color,
        "summary_only": summary_only,
    }
    accepted = inspect.signature(renderer).parameters
    return renderer(result, **{k: v for k, v in context.items() if k in accepted})


def summary(result: CheckResult) -> str:
    """The one-line summary (the text report's last line)."""
    from pipeline.report import text

    return text.summary_line(result)


def write_report(path: Path, report: str) -> None:
    """Write `--output` atomically: the old file or the whole new one, never half."""
    try:
        atomic_write(path, report)
    except OSError as exc:
        raise PipelineError(
            [Problem(path, None, None, f"cannot write report: {exc.strerror or exc}")]
        ) from None


def crashed(findings: Sequence[Finding]) -> list[Finding]:
    """Findings that stand for a rule that raised (a bug, not a page problem)."""
    return [f for f in findings if f.message.startswith(CRASH_PREFIX)]


def finish(
    result: CheckResult,
    gate: GateOptions,
    config: CheckConfig,
    *,
    quiet: bool = False,
    color: bool | None = None,
    now: Callable[[], datetime] = lambda: datetime.now(UTC),
) -> int:
    """Baseline, render, write or print, summarise; return the exit code."""
    notes: list[str] = []
    if gate.write_baseline is not None:
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
            f"{len(parts.known)} baselined findings not shown; "
            f"{len(parts.new)} new."
            + (f" {parts.fixed} baselined findings are gone." if parts.fixed else "")
        )
    threshold = config.fail_threshold
    generated_at = now() if gate.timestamps else None
    if color is None:
        color = gate.output is None and sys.stdout.isatty()
    report = render(
        gate.format,
        shown,
        fail_on=threshold,
        generated_at=generated_at,
        color=color and gate.format == "text",
        summary_only=quiet and gate.format == "text",
    )
    if gate.output is not None:
        write_report(gate.output, report)
        click.echo(summary(shown))
        click.echo(f"Wrote the {gate.format} report to {gate.output}.")
    elif gate.format == "text":
        click.echo(report, nl=False)
    else:
        click.echo(report, nl=False)
        click.echo(summary(shown), err=True)
    for note in notes:
        click.echo(note, err=gate.report_on_stdout)
    bugs = crashed(result.findings)
    if bugs:
        for bug in bugs:
            click.echo(f"error: {bug.path}: {bug.code}: {bug.message}", err=True)
        return 2
    return shown.exit_code(threshold)
