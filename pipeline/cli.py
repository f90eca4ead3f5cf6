"""The command line: argument plumbing only; the work happens in `pipeline.run`.

Exit codes: 0 clean · 1 findings at or above `--fail-on` · 2 usage, config,
input or internal error (a crash is never exit 1).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from pipeline import __version__
from pipeline.checkcmd import check, rules
from pipeline.config import Config, load_config
from pipeline.errors import PipelineError
from pipeline.report.options import GateOptions, effective_config, finish, gate_options
from pipeline.snippets_cli import meta

CONFIG_OPTION = click.option(
    "--config",
    "config_path",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Config file (default: nearest seo-pipeline.toml or pyproject.toml).",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="seo-pipeline")
def cli() -> None:
    """Generate SEO articles from content files and check any HTML page."""


@cli.command()
@CONFIG_OPTION
@click.option(
    "--content",
    "content_dir",
    type=click.Path(path_type=Path),
    help="Content folder (default: content_dir from config, else ./content).",
)
@click.option(
    "--output-dir",
    "output_dir",
    type=click.Path(path_type=Path),
    help="Output folder (default: output_dir from config, else ./output).",
)
@click.option("--no-check", is_flag=True, help="Skip the checks; only build.")
@click.option(
    "--no-write",
    is_flag=True,
    help="Build and check in memory; write no file (pre-commit, CI gates).",
)
@click.option(
    "--force",
    is_flag=True,
    help="Overwrite files in the output folder that an earlier build did not generate.",
)
@click.option("--quiet", "-q", is_flag=True, help="Print only the summary.")
@gate_options
def build(
    config_path: Path | None,
    content_dir: Path | None,
    output_dir: Path | None,
    no_check: bool,
    no_write: bool,
    force: bool,
    quiet: bool,
    gate: GateOptions,
) -> None:
    """Build content files into HTML pages, sitemap.xml and manifest.json."""
    from pipeline.run import build as run_build

    config = _with_dirs(load_config(config_path), content_dir, output_dir)
    checks = effective_config(config.checks, gate)
    config = config.model_copy(update={"checks": checks})
    result = run_build(config, check=not no_check, force=force, write=not no_write)
    site = config.site
    written = result.written
    changed = f", {len(written.written)} changed" if written else ""
    removed = (
        f", {len(written.removed)} stale removed" if written and written.removed else ""
    )
    target = "in memory" if no_write else f"into {_rel(site.output_dir, config.root)}/"
    click.echo(
        f"Built {len(result.pages)} page{'' if len(result.pages) == 1 else 's'} {target} "
        f"in {result.elapsed_s:.2f} s{changed}{removed}",
        err=gate.report_on_stdout,
    )
    if result.checks is not None:
        code = finish(result.checks, gate, checks, quiet=quiet)
        if code:
            sys.exit(code)


@cli.command()
@click.option(
    "--kind",
    type=click.Choice(["article", "config"]),
    default="article",
    show_default=True,
    help="Which model's JSON Schema to print.",
)
def schema(kind: str) -> None:
    """Print the JSON Schema of the content model (for editor validation)."""
    from pipeline.models import Article

    if kind == "article":
        document = Article.model_json_schema(by_alias=True)
    else:
        from pipeline.checks.config import CheckConfig
        from pipeline.config import Site

        document = {
            "title": "seo-pipeline configuration",
            "allOf": [
                Site.model_json_schema(by_alias=True),
                CheckConfig.model_json_schema(by_alias=True),
            ],
        }
    click.echo(json.dumps(document, indent=2, ensure_ascii=False))


@cli.command(name="import")
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "-o",
    "--output",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("content"),
    show_default=True,
    help="Folder for the content files.",
)
@click.option("--force", is_flag=True, help="Overwrite existing content files.")
def import_(inputs: Sequence[str], out_dir: Path, force: bool) -> None:
    """Turn plain-text drafts or HTML pages into content files (`-` reads stdin)."""
    from pipeline.importing import import_files

    for outcome in import_files(inputs, out_dir, force):
        click.echo(f"{outcome.source} → {outcome.target}")
        for item in outcome.result.recognised:
            click.echo(f"  recognised: {item}")
        for line, text in outcome.result.unplaced:
            click.echo(f"  not placed (line {line}): {text}", err=True)


def _with_dirs(config: Config, content: Path | None, output: Path | None) -> Config:
    update: dict[str, Any] = {}
    if content is not None:
        update["content_dir"] = content.resolve()
    if output is not None:
        update["output_dir"] = output.resolve()
    if not update:
        return config
    return config.model_copy(update={"site": config.site.model_copy(update=update)})


def _rel(path: Path, root: Path) -> str:
    try:
        return str(path.resolve().relative_to(root.resolve()))
    except ValueError:
        return str(path)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point: user errors print one line each and exit 2, never a traceback."""
    try:
        cli.main(
            args=list(argv) if argv is not None else None,
            prog_name="seo-pipeline",
            standalone_mode=False,
        )
    except PipelineError as exc:
        for problem in exc.problems:
            click.echo(f"error: {problem}", err=True)
        return 2
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        return 2
    except click.ClickException as exc:
        exc.show()
        return 2
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else 2
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a bug: still exit 2, with a message, never 1
        click.echo(
            f"internal error: {type(exc).__name__}: {exc} "
            "(please report this with the command you ran)",
            err=True,
        )
        return 2
    return 0


cli.add_command(meta)
cli.add_command(check)
cli.add_command(rules)
