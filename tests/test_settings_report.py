"""`--show-settings`: the effective config, and where each value came from."""

from __future__ import annotations

import os
import re
from pathlib import Path

from click.testing import CliRunner

from pipeline.cli import cli

CONFIG = (
    'profile = "yoast"\n'
    'site-name = "Health Notes"\n'
    'ignore = ["READ206"]\n'
    "[length]\n"
    "title-max-chars = 65\n"
    "[severity]\n"
    'LEN104 = "error"\n'
)


def _run(tmp_path: Path, *args: str) -> tuple[int, str]:
    (tmp_path / "seo-pipeline.toml").write_text(CONFIG)
    old = Path.cwd()
    os.chdir(tmp_path)
    try:
        result = CliRunner().invoke(cli, list(args))
    finally:
        os.chdir(old)
    return result.exit_code, result.stdout


def _origins(out: str) -> dict[str, tuple[str, str]]:
    table, found = "", {}
    for line in out.splitlines():
        if line.startswith("["):
            table = line.strip("[]") + "."
        elif (m := re.match(r"^(\S+) = (.*?)\s+# (.*)$", line)) is not None:
            found[table + m.group(1)] = (m.group(2), m.group(3))
    return found


def test_each_value_names_its_origin(tmp_path: Path) -> None:
    code, out = _run(
        tmp_path, "check", "--show-settings", "--max-description-px", "900",
        "--ignore", "READ205",
    )  # fmt: skip
    assert code == 0
    assert out.startswith("# seo-pipeline settings")
    assert "config file: seo-pipeline.toml; profile: yoast" in out
    got = _origins(out)
    assert got["site-name"] == ('"Health Notes"', "config file")
    assert got["base-url"] == ("(not set)", "default")
    assert got["profile"] == ('"yoast"', "config file")
    assert got["ignore"] == ('["READ206", "READ205"]', "config file, command line")
    assert got["severity.LEN104"] == ('"error"', "config file")
    assert got["length.title-max-chars"] == ("65", "config file")
    assert got["length.description-max-chars"] == ("156", "profile yoast")
    assert got["length.description-max-px"] == ("900", "command line")
    assert got["length.h1-max-chars"] == ("70", "default")
    assert got["derived-description-max-chars"] == (
        "156",
        "default (follows length.description-max-chars)",
    )
    assert list(got).count("default-lang") == 1


def test_command_line_profile_and_folders(tmp_path: Path) -> None:
    code, out = _run(
        tmp_path, "build", "--show-settings", "--profile", "rank-math",
        "--content", "drafts",
    )  # fmt: skip
    assert code == 0
    got = _origins(out)
    assert got["profile"] == ('"rank-math"', "command line")
    assert got["length.description-max-chars"] == ("160", "profile rank-math")
    assert got["severity.LEN102"] == ('"error"', "profile rank-math")
    assert got["content-dir"] == ('"drafts"', "command line")
    assert not (tmp_path / "output").exists()  # nothing was built


def test_without_a_config_file_everything_is_default(tmp_path: Path) -> None:
    old = Path.cwd()
    os.chdir(tmp_path)
    try:
        out = CliRunner().invoke(cli, ["check", "--show-settings"]).stdout
    finally:
        os.chdir(old)
    assert "config file: none (defaults)" in out
    assert {origin for _, origin in _origins(out).values()} <= {
        "default",
        "default (follows length.description-max-chars)",
    }
