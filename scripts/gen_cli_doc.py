"""Regenerate the README's CLI reference from the commands' own --help.

    python scripts/gen_cli_doc.py          # rewrite README.md in place
    python scripts/gen_cli_doc.py --check  # exit 1 when README.md is stale

The section sits between the `cli-reference:start` / `cli-reference:end` markers.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import click
from click.testing import CliRunner

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pipeline.cli import cli

README = Path(__file__).resolve().parent.parent / "README.md"
START, END = "<!-- cli-reference:start -->", "<!-- cli-reference:end -->"


def reference() -> str:
    runner = CliRunner()
    parts = []
    names = [None, *sorted(cli.commands)] if isinstance(cli, click.Group) else [None]
    for name in names:
        args = [name, "--help"] if name else ["--help"]
        result = runner.invoke(cli, args, prog_name="seo-pipeline", terminal_width=88)
        title = f"seo-pipeline {name}" if name else "seo-pipeline"
        parts.append(f"### `{title}`\n\n```text\n{result.output.rstrip()}\n```\n")
    return "\n".join(parts)


def render(readme: str) -> str:
    block = f"{START}\n{reference()}{END}"
    pattern = re.compile(re.escape(START) + ".*?" + re.escape(END), re.S)
    if not pattern.search(readme):
        raise SystemExit(f"{README}: markers {START} … {END} not found")
    return pattern.sub(lambda _: block, readme)


def main() -> int:
    parser = argparse.ArgumentParser(
        description="Regenerate the README's CLI reference."
    )
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    current = README.read_text(encoding="utf-8")
    updated = render(current)
    if args.check:
        if updated != current:
            print("README.md CLI reference is stale: run python scripts/gen_cli_doc.py")
            return 1
        return 0
    README.write_text(updated, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
