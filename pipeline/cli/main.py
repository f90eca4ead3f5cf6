"""Every command: parse the flags, call the library, print. Nothing else.

Exit codes: 0 clean · 1 findings at or above `--fail-on` · 2 usage, config,
input or internal error (a crash is never exit 1) · 130 interrupted.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from pipeline.cli.options import (
    config_notes,
    config_option,
    emit,
    gate_options,
    use_color,
)
from pipeline.errors import PipelineError
from pipeline.gate import GateOptions
from pipeline.interrupt import Interrupted, graceful_signals
from pipeline.profiles import PROFILES
from pipeline.snippets import KINDS, Kind
from pipeline.version import __version__

SHOW_SETTINGS_HELP = (
    "Print the effective settings and where each value came from (default, "
    "profile, config file, command line), then exit."
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="seo-pipeline")
def cli() -> None:
    """Generate SEO articles from content files and check any HTML page."""


@cli.command()
@config_option
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
@click.option(
    "--drafts",
    "-D",
    is_flag=True,
    help="Build drafts too (draft: true; Jekyll published: false).",
)
@click.option("--on-bad-row", type=click.Choice(["fail", "skip"]), default="fail",
              show_default=True,
              help="A dataset row with an error fails the build, or is skipped "
                   "(listed as a warning) while the other rows build.")  # fmt: skip
@click.option("--quiet", "-q", is_flag=True, help="Print only the summary.")
@click.option("--show-settings", is_flag=True, help=SHOW_SETTINGS_HELP)
@gate_options
def build(config_path: Path | None, content_dir: Path | None, output_dir: Path | None,
          no_check: bool, no_write: bool, force: bool, drafts: bool, on_bad_row: str,
          quiet: bool, show_settings: bool, gate: GateOptions) -> None:  # fmt: skip
    """Build content files into HTML pages, sitemap.xml and manifest.json."""
    from pipeline.config import load_config
    from pipeline.gate import apply_gate, effective_config
    from pipeline.paths import display_path
    from pipeline.run import build as run_build

    config = load_config(config_path).with_dirs(content_dir, output_dir)
    if show_settings:
        flags = {"content-dir": content_dir, "output-dir": output_dir}
        _show_settings(config, gate, [k for k, v in flags.items() if v is not None])
        return
    config_notes(config.notes)
    config = config.model_copy(update={"checks": effective_config(config.checks, gate)})
    result = run_build(
        config, check=not no_check, force=force, write=not no_write, drafts=drafts,
        on_bad_row="skip" if on_bad_row == "skip" else "fail",
    )  # fmt: skip
    written, pages = result.written, len(result.pages)
    changed = f", {len(written.written)} changed" if written else ""
    removed = (
        f", {len(written.removed)} stale removed" if written and written.removed else ""
    )
    target = (
        "in memory"
        if no_write
        else f"into {display_path(config.site.output_dir, config.root)}/"
    )
    click.echo(
        f"Built {pages} page{'' if pages == 1 else 's'} {target} "
        f"in {result.elapsed_s:.2f} s{changed}{removed}",
        err=gate.report_on_stdout,
    )  # fmt: skip
    if result.drafts_skipped:
        n = len(result.drafts_skipped)
        click.echo(f"Left out {n} draft{'' if n == 1 else 's'} (--drafts builds them): "
                   + ", ".join(result.drafts_skipped), err=gate.report_on_stdout)  # fmt: skip
    for problem in result.rows_skipped:
        click.echo(f"warning: {problem} (row skipped: --on-bad-row skip)", err=True)
    if result.checks is not None:
        site = config.site
        touched = [config.root / r.page.source_path for r in result.pages]
        touched += [site.output_dir / f.rel_path for f in result.files]
        outcome = apply_gate(
            result.checks, gate, config.checks, quiet=quiet, color=use_color(gate),
            inputs=[*touched, *filter(None, [config.source])],
        )  # fmt: skip
        emit(outcome, gate)
        sys.exit(outcome.exit_code)


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@config_option
@gate_options
@click.option("--keyphrase",
              help="Focus keyphrase for every page (enables the KEY7xx rules).")  # fmt: skip
@click.option("--quiet", "-q", is_flag=True, help="Print only the summary.")
@click.option("--stdin-filename", metavar="PATH",
              help="With `-` (HTML on standard input): the path findings name.")  # fmt: skip
@click.option("--show-settings", is_flag=True, help=SHOW_SETTINGS_HELP)
def check(paths: tuple[Path, ...], config_path: Path | None, gate: GateOptions,
          keyphrase: str | None, quiet: bool, stdin_filename: str | None,
          show_settings: bool) -> None:  # fmt: skip
    """Check HTML pages (files, or folders searched for *.html; `-` reads stdin)."""
    from pipeline.config import load_config
    from pipeline.gate import apply_gate, effective_config, read_files
    from pipeline.run import check as run_check
    from pipeline.run import check_stdin

    if show_settings:
        _show_settings(load_config(config_path), gate)
        return
    if not paths:
        raise click.UsageError("give at least one HTML file or folder")
    stdin = Path("-") in paths
    if stdin and len(paths) > 1:
        raise click.UsageError(
            "`-` (standard input) cannot be combined with other paths"
        )
    if stdin_filename is not None and not stdin:
        raise click.UsageError("--stdin-filename needs `-` (HTML on standard input)")
    config = load_config(config_path)
    config_notes(config.notes)
    config = config.model_copy(update={"checks": effective_config(config.checks, gate)})
    if stdin:
        data = click.get_binary_stream("stdin").read()
        result = check_stdin(data, stdin_filename or "-", config, keyphrase=keyphrase)
    else:
        result = run_check(paths, config, keyphrase=keyphrase)
    outcome = apply_gate(
        result, gate, config.checks, quiet=quiet, color=use_color(gate),
        inputs=[*read_files(result), *paths, *filter(None, [config.source])],
    )  # fmt: skip
    emit(outcome, gate, result.notes)
    sys.exit(outcome.exit_code)


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@config_option
@click.option("--diff", "show_diff", is_flag=True,
              help="Print a unified diff of the fixes and change nothing (exit 1 when "
              "there is something to fix).")  # fmt: skip
@click.option("--unsafe-fixes", is_flag=True,
              help="Also apply fixes that change words beyond the description "
              "(a fitted seo_title for an over-long title).")  # fmt: skip
def fix(paths: tuple[Path, ...], config_path: Path | None, show_diff: bool,
        unsafe_fixes: bool) -> None:  # fmt: skip
    """Write safe fixes into content files (default: the content folder).

    Fits over-budget descriptions (the original is kept in
    `description_original`), removes false `description_claimed_length`
    claims and shifts headings that skip a level. Markdown with YAML front
    matter and YAML files only.
    """
    from pipeline.config import load_config
    from pipeline.fix import fix_lines, note_lines, plan_project, write_fixes

    config = load_config(config_path)
    config_notes(config.notes)
    plan = plan_project(paths, config, unsafe=unsafe_fixes)
    if show_diff:
        for file in plan.changed:
            click.echo(file.diff(), nl=False)
    else:
        write_fixes(plan)
    for line in note_lines(plan):
        click.echo(line, err=True)
    for line in fix_lines(plan, diff=show_diff):
        click.echo(line, err=show_diff)
    sys.exit(1 if show_diff and plan.changed else 0)


def _show_settings(
    config: Any, gate: GateOptions, cli_site: Sequence[str] = ()
) -> None:
    from pipeline.gate import effective_config
    from pipeline.settings_report import show_settings

    config_notes(config.notes)
    checks = effective_config(config.checks, gate)
    click.echo(show_settings(config, checks, gate, cli_site=cli_site), nl=False)


@cli.command()
@click.argument("codes", nargs=-1)
@click.option("--format", "fmt", type=click.Choice(["text", "json", "markdown"]),
              default="text", show_default=True, help="Output format.")  # fmt: skip
def rules(codes: tuple[str, ...], fmt: str) -> None:
    """List every rule; with CODE (or a prefix or name), print its documentation."""
    from pipeline.checks import catalog

    if fmt == "json":
        click.echo(catalog.rules_json(codes), nl=False)
    elif fmt == "markdown":
        click.echo(catalog.rules_markdown(), nl=False)
    else:
        click.echo(catalog.rules_text(codes), nl=False)


@cli.command()
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
    type=click.Choice(list(PROFILES)),
    default=None,
    help="Check profile whose budgets apply "
    "(default: the project config's profile and length table).",
)
@config_option
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
@click.option("--format", "fmt", type=click.Choice(["text", "json"]),
              default="text", show_default=True, help="Output format.")  # fmt: skip
@click.option("--exit-zero", is_flag=True,
              help="Exit 0 even when the text does not fit.")  # fmt: skip
def meta(text: str, kind: Kind, profile: str | None, config_path: Path | None,
         do_fit: bool, keyphrase: str | None, fmt: str, exit_zero: bool) -> None:  # fmt: skip
    """Measure TEXT in characters and pixels and show it as a result page cuts it.

    TEXT `-` reads the text from standard input. Exits 1 when TEXT does not
    fit its character or pixel budget (also with --fit), so scripts can gate
    on it; --exit-zero turns that off.
    """
    from pipeline.config import load_config
    from pipeline.profiles import limits_for
    from pipeline.report.measurement import render_json, render_text
    from pipeline.snippets import fit, measure

    if text == "-":
        text = sys.stdin.read()
    if profile is not None:
        limits = limits_for(profile)
    else:
        limits = load_config(config_path).checks.snippet_limits
    measured = measure(text, kind, limits)
    fitted = None
    if do_fit:
        fitted = measure(fit(text, kind, limits, keyphrase), kind, limits)
    render = render_json if fmt == "json" else render_text
    click.echo(render(measured, fitted, limits.profile))
    sys.exit(0 if measured.fits or exit_zero else 1)


@cli.command()
@click.option("--kind", type=click.Choice(["article", "config"]), default="article",
              show_default=True, help="Which model's JSON Schema to print.")  # fmt: skip
def schema(kind: str) -> None:
    """Print the JSON Schema of the content model or the config (for editors)."""
    if kind == "article":
        from pipeline.models import Article

        document: dict[str, Any] = Article.model_json_schema(by_alias=True)
    else:
        from pipeline.config import config_schema

        document = config_schema()
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
@click.option("--force", is_flag=True, help="Overwrite existing content files.")  # fmt: skip
def import_(inputs: Sequence[str], out_dir: Path, force: bool) -> None:
    """Turn plain-text drafts or HTML pages into content files (`-` reads stdin)."""
    from pipeline.importing import ImportFailed, import_files

    failed: ImportFailed | None = None
    try:
        outcomes = import_files(inputs, out_dir, force)
    except ImportFailed as exc:  # the others were written: list them, then fail
        outcomes, failed = exc.outcomes, exc
    for outcome in outcomes:
        click.echo(f"{outcome.source} → {outcome.target}")
        for item in outcome.result.recognised:
            click.echo(f"  recognised: {item}")
        for line, text in outcome.result.unplaced:
            click.echo(f"  not placed (line {line}): {text}", err=True)
    if failed is not None:
        raise failed


@cli.command()
@config_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (only this machine unless you change it).")  # fmt: skip
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True,
              help="Port to listen on; 0 picks a free one.")  # fmt: skip
@click.option("--no-check", is_flag=True, help="Skip the checks and the report.")
@click.option(
    "--drafts", "-D", is_flag=True, help="Serve drafts too (as build --drafts)."
)
def serve(config_path: Path | None, host: str, port: int, no_check: bool,
          drafts: bool) -> None:  # fmt: skip
    """Build and serve the site and its report; rebuild and reload on every save."""
    from pipeline.serve import project_server

    server = project_server(config_path, host=host, port=port, check=not no_check,
                            drafts=drafts, log=lambda line: click.echo(line, err=True))  # fmt: skip
    server.start()
    try:
        click.echo(f"Serving {server.url} (report: {server.url}_report/); Ctrl+C stops")
        server.wait()
    finally:
        server.stop()


@cli.command()
@click.argument("folder", default=".", type=click.Path(file_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Overwrite files that exist.")
def init(folder: Path, force: bool) -> None:
    """Start a site in FOLDER (default: here): config, example article, theme, static/."""
    from pipeline.paths import display_path
    from pipeline.scaffold import init_site

    for path in init_site(folder, force=force).written:
        click.echo(f"created {display_path(path)}")
    where = "" if folder == Path(".") else f"cd {folder} && "
    click.echo(f"Next: {where}seo-pipeline serve")


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point: user errors print one line each and exit 2, never a traceback."""
    try:
        with graceful_signals():
            cli.main(
                args=list(argv) if argv is not None else None,
                prog_name="seo-pipeline",
                standalone_mode=False,
            )
    except Interrupted as exc:
        click.echo(f"interrupted by {exc.signal_name}", err=True)
        return exc.exit_code
    except PipelineError as exc:
        for problem in exc.problems:
            click.echo(f"error: {problem}", err=True)
        return 2
    except (KeyboardInterrupt, click.exceptions.Abort):
        click.echo("interrupted", err=True)
        return 130
    except click.ClickException as exc:
        exc.show()
        return 2
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else 2
    except Exception as exc:  # a bug: still exit 2, with a message, never 1
        click.echo(
            f"internal error: {type(exc).__name__}: {exc} "
            "(please report this with the command you ran)",
            err=True,
        )
        return 2
    return 0
