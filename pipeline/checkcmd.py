"""The `check` and `rules` commands: find pages, run the rules, report, exit code.

The functions are plain and testable; the two click commands at the bottom
only parse options and call them (`cli.add_command(check)` registers them).
Exit codes: 0 nothing at or above `--fail-on`, 1 something is, 2 usage,
config or input error.

Invalid UTF-8 is not an input error: the page is decoded with U+FFFD and the
`damaged-encoding` rule (META514) reports the first bad byte's line and
column, so one bad file never stops a site-wide check and still fails CI.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import click

from pipeline.checks import FAMILIES, PROFILES, REGISTRY, CheckConfig, Rule
from pipeline.checks.runner import CheckResult, PageInput, check_pages
from pipeline.errors import PipelineError, Problem
from pipeline.report.options import GateOptions, effective_config, finish, gate_options

HTML_SUFFIXES = (".html", ".htm")
# `_report` holds seo-pipeline's own HTML report (build writes output/_report/).
SKIP_DIRS = {"node_modules", "__pycache__", "_report"}


def html_files(paths: Iterable[Path]) -> list[Path]:
    """The pages to check: files as given, `*.html`/`*.htm` under folders.

    Hidden folders, `node_modules` and seo-pipeline's own `_report` folder
    are skipped (a file named explicitly is always checked). A missing path is an input
    error (exit 2), and so is finding no page at all.
    """
    found: list[Path] = []
    missing: list[Problem] = []
    for path in paths:
        if path.is_file():
            found.append(path)
        elif path.is_dir():
            for folder, dirs, files in os.walk(path):
                dirs[:] = sorted(
                    d for d in dirs if not d.startswith(".") and d not in SKIP_DIRS
                )
                found.extend(
                    Path(folder, f)
                    for f in sorted(files)
                    if f.lower().endswith(HTML_SUFFIXES)
                )
        else:
            missing.append(Problem(path, None, None, "no such file or folder"))
    if missing:
        raise PipelineError(missing)
    if not found:
        where = ", ".join(str(p) for p in paths) or "."
        raise PipelineError(f"no .html files found in {where}")
    return list(dict.fromkeys(found))


def display_path(path: Path, base: Path | None = None) -> str:
    """`path` relative to `base` (the working folder) when under it, with `/`."""
    base = base or Path.cwd()
    try:
        return path.resolve().relative_to(base.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def read_pages(
    files: Sequence[Path], *, keyphrase: str | None = None, base: Path | None = None
) -> list[PageInput]:
    """Read each file as bytes (decoding is the parser's job, see the module doc)."""
    pages = []
    front = {"keyphrase": keyphrase} if keyphrase else {}
    for path in files:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise PipelineError(
                [Problem(path, None, None, f"cannot read: {exc.strerror or exc}")]
            ) from None
        pages.append(PageInput(display_path(path, base), data, front_matter=front))
    return pages


def run_check(
    paths: Sequence[Path], config: CheckConfig, *, keyphrase: str | None = None
) -> CheckResult:
    """Discover, read and check pages."""
    return check_pages(read_pages(html_files(paths), keyphrase=keyphrase), config)


# --- rules ------------------------------------------------------------------


def _rules(codes: Sequence[str] = ()) -> list[Rule]:
    rules = sorted(REGISTRY.values(), key=lambda r: r.order)
    if not codes:
        return rules
    wanted = [c.upper() for c in codes]
    chosen = [
        r for r in rules if any(r.code.startswith(c) for c in wanted) or r.name in codes
    ]
    if not chosen:
        raise PipelineError(f"no rule matches {', '.join(codes)}")
    return chosen


def rules_text(codes: Sequence[str] = ()) -> str:
    """A table of rules; with codes, their full documentation."""
    rules = _rules(codes)
    if codes:
        return (
            "\n\n".join(
                f"{r.code} {r.name} ({r.severity.label})\n\n{r.doc}" for r in rules
            )
            + "\n"
        )
    width = max(len(r.name) for r in rules)
    lines = [f"{'CODE':<8} {'NAME':<{width}} {'SEVERITY':<8} SUMMARY"]
    lines += [
        f"{r.code:<8} {r.name:<{width}} {r.severity.label:<8} {r.summary}"
        for r in rules
    ]
    return "\n".join(lines) + "\n"


def _options(family: str) -> list[dict[str, Any]]:
    model = FAMILIES[family].options
    return [
        {"name": name.replace("_", "-"), "default": field.get_default(call_default_factory=True),
         "description": field.description or ""}
        for name, field in model.model_fields.items()
    ]  # fmt: skip


def rules_json(codes: Sequence[str] = ()) -> str:
    """Rules and family options as JSON (`seo-pipeline rules --format json`)."""
    rules = _rules(codes)
    document = {
        "version": 1,
        "rules": [
            {"code": r.code, "name": r.name, "family": r.family.name,
             "severity": r.severity.label, "scope": "site" if r.site else "page",
             "languages": sorted(r.languages) if r.languages is not None else None,
             "summary": r.summary, "doc": r.doc}
            for r in rules
        ],
        "families": [
            {"name": f.name, "prefix": f.prefix, "options": _options(f.name)}
            for f in sorted(FAMILIES.values(), key=lambda f: f.prefix[-1])
        ],
        "profiles": PROFILES,
    }  # fmt: skip
    return json.dumps(document, indent=2, ensure_ascii=False, default=list) + "\n"


def rules_markdown() -> str:
    """The reference page `docs/rules.md` (generated; a test keeps it current)."""
    out = [
        "# Rules",
        "",
        "Generated from the rule registry by `scripts/gen_rules_doc.py`; do not edit.",
        "Codes are stable: a code is never renumbered or reused.",
        "",
        "| Code | Name | Default severity | Summary |",
        "| --- | --- | --- | --- |",
    ]
    rules = _rules()
    out += [
        f"| {r.code} | `{r.name}` | {r.severity.label} | {r.summary} |" for r in rules
    ]
    out += ["", "## Profiles", "", "| Profile | Settings |", "| --- | --- |"]
    for name, profile in PROFILES.items():
        settings = "; ".join(
            f"{table}: " + ", ".join(f"`{k}` = {v!r}" for k, v in values.items())
            for table, values in profile.items()
        )
        out.append(f"| `{name}` | {settings or 'the documented defaults'} |")
    for family in sorted(FAMILIES.values(), key=lambda f: f.prefix[-1]):
        out += ["", f"## {family.name} ({family.prefix}xx)", ""]
        out += [f"Options, in `[tool.seo-pipeline.{family.name}]`:", ""]
        out += ["| Option | Default | Description |", "| --- | --- | --- |"]
        out += [
            f"| `{o['name']}` | `{json.dumps(o['default'], default=list)}` | {o['description']} |"
            for o in _options(family.name)
        ]
        for rule in family.rules:
            doc = rule.doc.replace("\n## ", "\n#### ")
            body = doc.split("\n", 1)[1].strip() if "\n" in doc else ""
            langs = (
                f" Languages: {', '.join(sorted(rule.languages))}."
                if rule.languages
                else ""
            )
            out += ["", f"### {rule.code} `{rule.name}`", ""]
            out += [
                f"{rule.summary} Default severity: **{rule.severity.label}**.{langs}"
            ]
            out += ["", body]
    return "\n".join(out).rstrip() + "\n"


# --- click commands -----------------------------------------------------------


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--config",
    "config_path",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Config file (default: nearest seo-pipeline.toml or pyproject.toml).",
)
@gate_options
@click.option(
    "--keyphrase", help="Focus keyphrase for every page (enables the KEY7xx rules)."
)
def check(
    paths: tuple[Path, ...],
    config_path: Path | None,
    gate: GateOptions,
    keyphrase: str | None,
) -> None:
    """Check HTML pages (files, or folders searched for *.html)."""
    from pipeline.config import load_config

    if not paths:
        raise click.UsageError("give at least one HTML file or folder")
    loaded = load_config(config_path).checks
    config = effective_config(loaded if isinstance(loaded, CheckConfig) else None, gate)
    result = run_check(paths, config, keyphrase=keyphrase)
    sys.exit(finish(result, gate, config))


@click.command()
@click.argument("codes", nargs=-1)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "markdown"]),
    default="text",
    show_default=True,
    help="Output format.",
)
def rules(codes: tuple[str, ...], fmt: str) -> None:
    """List every rule; with CODE (or a prefix or name), print its documentation."""
    if fmt == "json":
        click.echo(rules_json(codes), nl=False)
    elif fmt == "markdown":
        click.echo(rules_markdown(), nl=False)
    else:
        click.echo(rules_text(codes), nl=False)
