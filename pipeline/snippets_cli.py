"""`seo-pipeline meta`: measure a title or description, preview its cut, fit it.

Plumbing only: the figures come from `pipeline.snippets`.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from pipeline.snippets import (
    KINDS,
    Kind,
    Measurement,
    SnippetLimits,
    fit,
    limits_for,
    limits_of,
    measure,
)


def _profiles() -> list[str]:
    from pipeline.checks.config import PROFILES

    return list(PROFILES)


@click.command()
@click.argument("text")
@click.option(
    "--kind",
    type=click.Choice(KINDS),
    default="description",
    show_default=True,
    help="What the text is: a <title> (20 px) or a meta description (14 px).",
)
@click.option(
    "--profile",
    type=click.Choice(_profiles()),
    default=None,
    help="Check profile whose budgets apply "
    "(default: the project config's profile and length table).",
)
@click.option(
    "--config",
    "config_path",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Config file (default: nearest seo-pipeline.toml or pyproject.toml).",
)
@click.option(
    "--fit",
    "do_fit",
    is_flag=True,
    help="Also propose the longest whole-sentence or word-boundary version that fits.",
)
@click.option(
    "--keyphrase",
    default=None,
    help="With --fit: lead with a sentence that holds this keyphrase.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Output format.",
)
def meta(
    text: str,
    kind: Kind,
    profile: str | None,
    config_path: Path | None,
    do_fit: bool,
    keyphrase: str | None,
    fmt: str,
) -> None:
    """Measure TEXT in characters and pixels and show it as a result page cuts it.

    TEXT `-` reads the text from standard input.
    """
    if text == "-":
        text = sys.stdin.read()
    limits = _limits(profile, config_path)
    profile = limits.profile
    measured = measure(text, kind, limits)
    fitted = (
        measure(fit(text, kind, limits, keyphrase), kind, limits) if do_fit else None
    )
    if fmt == "json":
        doc: dict[str, Any] = {"profile": profile, **measured.as_dict()}
        if fitted is not None:
            doc["fitted"] = fitted.as_dict()
        click.echo(json.dumps(doc, ensure_ascii=False, indent=2))
        return
    click.echo(render_text(measured, fitted, profile))


def _limits(profile: str | None, config_path: Path | None) -> SnippetLimits:
    """A named profile's budgets, else what the project config resolves."""
    if profile is not None:
        return limits_for(profile)
    from pipeline.config import load_config

    return limits_of(load_config(config_path).checks)


def render_text(measured: Measurement, fitted: Measurement | None, profile: str) -> str:
    """The human-readable report of `meta`."""
    lines = [f"{measured.kind} (profile {profile})"]
    lines += _figures(measured)
    lines.append(f"  desktop     {measured.desktop}")
    if measured.mobile != measured.desktop or measured.kind == "description":
        lines.append(f"  mobile      {measured.mobile}")
    if measured.approximate:
        lines.append("  note        approximate: the font lacks some characters")
    if fitted is not None:
        same = " (unchanged: it fits)" if fitted.text == measured.text else ""
        lines.append(f"fitted{same}")
        lines.append(f"  text        {fitted.text}")
        lines += _figures(fitted)
    return "\n".join(lines)


def _figures(m: Measurement) -> list[str]:
    approx = "≈" if m.approximate else ""
    chars = f"{m.chars} / {m.max_chars}"
    px = f"{approx}{m.px:.1f} / {m.max_px:g} px at {m.size_px} px"
    return [
        f"  characters  {chars:<14}{_verdict(m.chars, m.max_chars, '')}",
        f"  pixels      {px:<30}{_verdict(m.px, m.max_px, ' px')}",
    ]


def _verdict(value: float, limit: float, unit: str) -> str:
    if value <= limit:
        return "fits"
    return (
        f"over by {value - limit:.1f}{unit}" if unit else f"over by {value - limit:g}"
    )
