"""Click options shared by several commands, and printing a gate's outcome."""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar, cast

import click

from pipeline.gate import FAIL_ON, QUICK_GATES, GateOptions, GateOutcome
from pipeline.profiles import PROFILES
from pipeline.report import FORMATS

F = TypeVar("F", bound=Callable[..., Any])

config_option = click.option(
    "--config",
    "config_path",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Config file (default: nearest seo-pipeline.toml or pyproject.toml).",
)


def config_notes(notes: Sequence[str]) -> None:
    """Print the config's deprecation notes (standard error)."""
    for note in notes:
        click.echo(f"warning: {note}", err=True)


def gate_options(command: F) -> F:
    """Add the gating flags to a command; it receives one `gate: GateOptions`."""

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
        if values.get("output") == Path("-"):
            values["output"] = None
        return command(*args, gate=GateOptions(limits=limits, **values), **kwargs)

    options = [
        click.option("--format", "gate_format", type=click.Choice(list(FORMATS)),
                     default="text", show_default=True, help="Report format."),
        click.option("-o", "--output", "gate_output",
                     type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
                     help="Write the report to FILE (atomically; - for standard "
                     "output); the terminal gets the summary."),
        click.option("--fail-on", "gate_fail_on", type=click.Choice(FAIL_ON),
                     help="Lowest severity that makes the exit code 1 (default: "
                     "error; never: always 0)."),
        click.option("--baseline", "gate_baseline",
                     type=click.Path(dir_okay=False, path_type=Path),
                     help="Fail only on findings that are not in this baseline file."),
        click.option("--write-baseline", "gate_write_baseline",
                     type=click.Path(dir_okay=False, path_type=Path),
                     help="Record the current findings in a baseline file (then exit 0)."),
        click.option("--timestamps", "gate_timestamps", is_flag=True,
                     help="Put times in SARIF and JUnit reports (off: byte-identical "
                     "output)."),
        click.option("--select", "gate_select", multiple=True, metavar="CODES",
                     help="Rules to run instead of the configured ones: codes, prefixes "
                     "(LEN, LEN10), names, ALL; comma-separated or repeated."),
        click.option("--extend-select", "gate_extend_select", multiple=True,
                     metavar="CODES", help="Rules to run in addition to the selection."),
        click.option("--ignore", "gate_ignore", multiple=True, metavar="CODES",
                     help="Rules not to run (added to the configured ignore)."),
        click.option("--profile", "gate_profile", type=click.Choice(sorted(PROFILES)),
                     help="Threshold profile."),
        click.option("--statistics", "gate_statistics", is_flag=True,
                     help="Counts per rule (code, name, severity, findings, pages), "
                     "most frequent first: a table instead of the findings (text), a "
                     "statistics array (json), else a table on the terminal."),
        click.option("--github-max-annotations", "gate_github_max_annotations",
                     type=click.IntRange(min=0), default=10, show_default=True,
                     metavar="N", help="With --format github: annotations per "
                     "severity, errors first (GitHub shows 10 errors and 10 warnings "
                     "per step); one last notice counts the rest."),
    ]  # fmt: skip
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


def use_color(gate: GateOptions, environ: Mapping[str, str] | None = None) -> bool:
    """Colour only for a text report on standard output: on a terminal, or
    whenever `FORCE_COLOR` is set (non-empty); never when `NO_COLOR` is set
    (non-empty, https://no-color.org), which wins."""
    env = os.environ if environ is None else environ
    if gate.output is not None or gate.format != "text" or env.get("NO_COLOR"):
        return False
    return bool(env.get("FORCE_COLOR")) or sys.stdout.isatty()


def emit(outcome: GateOutcome, gate: GateOptions, notes: tuple[str, ...] = ()) -> None:
    """Print the report (unless written to a file), the summary and the notes
    (`notes`: warnings about the run, always on standard error).

    A machine-readable report owns standard output; everything else then
    goes to standard error.
    """
    if outcome.written_to is not None:
        click.echo(outcome.summary)
        click.echo(f"Wrote the {gate.format} report to {outcome.written_to}.")
    elif gate.format == "text":  # click strips colour off a pipe unless forced
        click.echo(outcome.report, nl=False, color=use_color(gate) or None)
    else:
        click.echo(outcome.report, nl=False)
        click.echo(outcome.summary, err=True)
    for warning in notes:
        click.echo(f"warning: {warning}", err=True)
    for note in outcome.notes:
        click.echo(note, err=gate.report_on_stdout)
    for crash in outcome.crashes:
        click.echo(f"error: {crash} (please report this)", err=True)
