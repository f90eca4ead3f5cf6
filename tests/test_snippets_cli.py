"""`seo-pipeline meta`: figures, previews and the fitted version, as text and JSON."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import cli
from pipeline.textmetrics import grapheme_len, text_width_px

DESCRIPTION = (
    "Discover the connection between the herpes virus and back pain, including "
    "symptoms, diagnosis, and treatment options. Learn how to manage "
    "herpes-related back pain and reduce its impact on daily life."
)


def meta(*args: str, stdin: str | None = None) -> str:
    result = CliRunner().invoke(cli, ["meta", *args], input=stdin)
    assert result.exit_code in (0, 1), result.output  # 1: does not fit
    return result.output


def test_text_output_on_the_example_description() -> None:
    out = meta(DESCRIPTION, "--fit")
    px = f"{text_width_px(DESCRIPTION, 14):.1f}"
    assert re.search(r"characters\s+199 / 155\s+over by 44", out)
    assert re.search(rf"pixels\s+{re.escape(px)} / 920 px at 14 px\s+over by", out)
    assert "desktop     Discover" in out and "Learn how to manage…" in out
    assert "mobile      Discover" in out
    fitted = re.search(r"^  text\s+(.+)$", out, re.M)
    assert fitted is not None
    text = fitted.group(1)
    assert grapheme_len(text) <= 155 and text_width_px(text, 14) <= 920
    assert text.endswith("options.")
    assert DESCRIPTION.startswith(text)


def test_json_output_with_fit() -> None:
    doc = json.loads(meta(DESCRIPTION, "--fit", "--format", "json"))
    assert doc["profile"] == "default" and doc["kind"] == "description"
    assert doc["chars"] == 199 and doc["max_chars"] == 155 and doc["max_px"] == 920
    assert doc["px"] == round(text_width_px(DESCRIPTION, 14), 1)
    assert doc["fits"] is False
    assert doc["preview"]["desktop"].endswith("…")
    fitted = doc["fitted"]
    assert fitted["fits"] is True
    assert fitted["chars"] <= 155 and fitted["px"] <= 920
    assert not fitted["text"].endswith("…")


def test_json_without_fit_has_no_fitted_key() -> None:
    doc = json.loads(
        meta("Herpes Virus Causes Back Pain", "--kind", "title", "--format", "json")
    )
    assert "fitted" not in doc
    assert (doc["chars"], doc["size_px"], doc["max_px"]) == (29, 20, 580)
    assert doc["fits"] is True


def test_profile_changes_the_budgets() -> None:
    doc = json.loads(
        meta(DESCRIPTION, "--profile", "screaming-frog", "--format", "json")
    )
    assert doc["profile"] == "screaming-frog" and doc["max_px"] == 985
    doc = json.loads(meta(DESCRIPTION, "--profile", "rank-math", "--format", "json"))
    assert doc["max_chars"] == 160


def test_unknown_profile_is_a_usage_error() -> None:
    result = CliRunner().invoke(cli, ["meta", "x", "--profile", "nope"])
    assert result.exit_code == 2
    assert "yoast" in result.output


def test_stdin_and_keyphrase() -> None:
    out = meta(
        "-", "--fit", "--keyphrase", "daily life", "--format", "json", stdin=DESCRIPTION
    )
    doc = json.loads(out)
    assert doc["chars"] == 199
    assert doc["fitted"]["text"].startswith("Learn how to manage")
    assert doc["fitted"]["fits"] is True


def test_text_that_fits_says_so() -> None:
    out = meta("Short and sweet.", "--fit")
    assert "fitted (unchanged: it fits)" in out
    assert "over by" not in out


def test_approximate_widths_are_marked() -> None:
    out = meta("Back pain \U0001d4d1\U0001d4ea\U0001d4ec\U0001d4f4", "--kind", "title")
    assert "≈" in out and "approximate" in out


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_installed_command(fmt: str) -> None:
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "pipeline",
            "meta",
            DESCRIPTION,
            "--fit",
            "--format",
            fmt,
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert proc.returncode == 1, proc.stderr  # the text does not fit
    assert "199" in proc.stdout


def test_project_config_sets_the_budgets(tmp_path: Path) -> None:
    config = tmp_path / "seo-pipeline.toml"
    config.write_text(
        'profile = "screaming-frog"\n[length]\ndescription-max-chars = 150\n',
        encoding="utf-8",
    )
    doc = json.loads(meta(DESCRIPTION, "--config", str(config), "--format", "json"))
    assert doc["profile"] == "screaming-frog"
    assert (doc["max_chars"], doc["max_px"]) == (150, 985)
    doc = json.loads(
        meta(
            DESCRIPTION,
            "--config",
            str(config),
            "--profile",
            "yoast",
            "--format",
            "json",
        )
    )
    assert (doc["profile"], doc["max_chars"], doc["max_px"]) == ("yoast", 156, 920)
