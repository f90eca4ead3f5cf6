"""The gate: one effective config reaches every report format."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.profiles import PROFILES
from tests.report.conftest import page

PAGE = page()


def project(tmp_path: Path, profile: str, max_chars: int | None) -> Path:
    length = f"\n[tool.seo-pipeline.length]\ndescription-max-chars = {max_chars}\n"
    (tmp_path / "pyproject.toml").write_text(
        f'[tool.seo-pipeline]\nprofile = "{profile}"\n' + (length if max_chars else ""),
        encoding="utf-8",
    )
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    return tmp_path


def run(folder: Path, fmt: str, capsys: pytest.CaptureFixture[str], *extra: str) -> str:
    args = ["check", str(folder / "page.html"), "--config"]
    args += [str(folder / "pyproject.toml"), "--format", fmt, *extra]
    assert main(args) == 1
    return capsys.readouterr().out


@pytest.mark.parametrize("profile", list(PROFILES))
@pytest.mark.parametrize("max_chars", [None, 100])
def test_html_and_json_state_the_same_limits(
    tmp_path: Path,
    profile: str,
    max_chars: int | None,
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder = project(tmp_path, profile, max_chars)
    findings = json.loads(run(folder, "json", capsys))["findings"]
    [too_long] = [f for f in findings if f["code"] == "LEN103"]
    html = run(folder, "html", capsys)
    lede = re.search(r'<p class="lede">(.*?)</p>', html, re.S)
    assert lede is not None
    text = re.sub(r"<[^>]+>", "", lede.group(1)).replace("&nbsp;", " ")
    assert f"with the {profile} profile" in text
    assert f"descriptions at 14 px within {too_long['limit']} characters" in text
    if max_chars:
        assert too_long["limit"] == max_chars


def test_quick_gate_flags_reach_the_html_report_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = project(tmp_path, "yoast", None)
    flag = "--max-description-length=120"
    findings = json.loads(run(folder, "json", capsys, flag))["findings"]
    assert [f["limit"] for f in findings if f["code"] == "LEN103"] == [120]
    assert "within 120 characters" in run(folder, "html", capsys, flag)
