"""CLI conventions of ruff, markdownlint and Vale: NO_COLOR / FORCE_COLOR,
`check -q`, `check -` with `--stdin-filename`, and `meta`'s exit code."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import cli
from pipeline.cli.options import use_color
from pipeline.gate import GateOptions

LONG = (
    "Discover the connection between the herpes virus and back pain, including "
    "symptoms, diagnosis, and treatment options. Learn how to manage "
    "herpes-related back pain and reduce its impact on daily life."
)
PAGE = (
    "<!doctype html><html lang=en><head><title>A page about winter running</title>"
    f'<meta name="description" content="{LONG}"></head>'
    "<body><h1>Winter running</h1><p>Run.</p></body></html>"
)


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, False),  # not a terminal under pytest
        ({"FORCE_COLOR": "1"}, True),
        ({"FORCE_COLOR": ""}, False),
        ({"NO_COLOR": "1", "FORCE_COLOR": "1"}, False),
        ({"NO_COLOR": ""}, False),
    ],
)
def test_use_color_follows_the_environment(env: dict[str, str], expected: bool) -> None:
    assert use_color(GateOptions(), env) is expected
    assert use_color(GateOptions(format="json"), env) is False
    assert use_color(GateOptions(output=Path("r.txt")), env) is False


def _check(tmp_path: Path, *args: str, env: dict[str, str] | None = None) -> str:
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "pipeline", "check", str(page), "--select", "LEN103",
         *args],
        capture_output=True, text=True, check=False, timeout=120, cwd=tmp_path,
        env={"PATH": "/usr/bin:/bin", **(env or {})},
    )  # fmt: skip
    assert proc.returncode == 1, proc.stderr
    return proc.stdout


def test_force_color_colours_a_pipe_and_no_color_wins(tmp_path: Path) -> None:
    assert "\x1b[" in _check(tmp_path, env={"FORCE_COLOR": "1"})
    assert "\x1b[" not in _check(tmp_path, env={"FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert "\x1b[" not in _check(tmp_path)


def test_check_quiet_prints_only_the_summary(tmp_path: Path) -> None:
    out = _check(tmp_path, "-q")
    assert "LEN103" not in out
    assert out.strip().startswith("1 error")


def test_check_reads_stdin_with_a_filename() -> None:
    result = CliRunner().invoke(
        cli,
        ["check", "-", "--stdin-filename", "site/a.html", "--select", "LEN103"],
        input=PAGE.encode(),
    )
    assert result.exit_code == 1, result.output
    assert "site/a.html:1:" in result.output and "LEN103" in result.output
    plain = CliRunner().invoke(cli, ["check", "-", "--select", "LEN103"], input=PAGE)
    assert plain.exit_code == 1 and "-:1:" in plain.output


def test_stdin_per_file_ignores_use_the_filename(tmp_path: Path) -> None:
    config = tmp_path / "seo-pipeline.toml"
    config.write_text('[per-file-ignores]\n"legacy/*.html" = ["LEN"]\n')
    result = CliRunner().invoke(
        cli,
        ["check", "-", "--stdin-filename", "legacy/a.html", "--config", str(config),
         "--select", "LEN103"],
        input=PAGE,
    )  # fmt: skip
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(
    "args",
    [["-", "page.html"], ["page.html", "--stdin-filename", "a.html"]],
)
def test_stdin_usage_errors(args: list[str]) -> None:
    from pipeline.cli.main import main

    assert main(["check", *args]) == 2


def test_meta_exits_1_when_the_text_does_not_fit() -> None:
    runner = CliRunner()
    assert runner.invoke(cli, ["meta", LONG]).exit_code == 1
    assert runner.invoke(cli, ["meta", LONG, "--fit"]).exit_code == 1
    assert runner.invoke(cli, ["meta", LONG, "--exit-zero"]).exit_code == 0
    assert runner.invoke(cli, ["meta", "Short and sweet."]).exit_code == 0
    long_title = "A title " * 12
    assert runner.invoke(cli, ["meta", long_title, "--kind", "title"]).exit_code == 1
