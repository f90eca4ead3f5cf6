"""Every generated page passes the W3C Nu Html Checker (vnu-jar, run with Java)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.helpers import render_file

REPO = Path(__file__).resolve().parent.parent
VNU = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def vnu(paths: list[Path]) -> list[dict]:
    java = shutil.which("java")
    if java is None or not VNU.is_file():
        pytest.fail(
            "the W3C checker is not installed: run `bash scripts/setup-tests.sh`"
        )
    proc = subprocess.run(
        [
            java,
            "-jar",
            str(VNU),
            "--format",
            "json",
            "--also-check-css",
            *map(str, paths),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    return json.loads(proc.stderr or proc.stdout)["messages"]


@pytest.mark.vnu
def test_every_generated_page_is_valid_html(tmp_path: Path) -> None:
    hostile = Path(__file__).parent / "fixtures" / "content" / "xss.md"
    sources = [*sorted((REPO / "content").glob("*.*")), hostile]
    paths = []
    for source in sources:
        target = tmp_path / f"{source.stem}.html"
        target.write_text(render_file(source).html, encoding="utf-8")
        paths.append(target)
    messages = vnu(paths)
    errors = [
        m for m in messages if m.get("type") == "error" or m.get("subType") == "fatal"
    ]
    assert errors == [], json.dumps(errors, indent=2)
    assert len(paths) >= 4


@pytest.mark.vnu
def test_checker_really_reports_errors(tmp_path: Path) -> None:
    """Guard against a silently broken checker run: invalid HTML must be reported."""
    bad = tmp_path / "bad.html"
    bad.write_text("<!DOCTYPE html><html><head></head><body><p><div></p></body></html>")
    assert any(m.get("type") == "error" for m in vnu([bad]))
