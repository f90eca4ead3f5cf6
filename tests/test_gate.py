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


# --- report targets: -o and --write-baseline never replace what is not a report --


@pytest.fixture
def checked(tmp_path: Path) -> Path:
    return project(tmp_path, "default", None)


def test_dash_writes_the_report_to_stdout(
    checked: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(checked)
    assert main(["check", "page.html", "--format", "json", "-o", "-"]) == 1
    assert json.loads(capsys.readouterr().out)["findings"]
    assert not (checked / "-").exists()


@pytest.mark.parametrize("kind", ["fifo", "symlink", "folder", "device", "input"])
@pytest.mark.parametrize("flag", ["-o", "--write-baseline"])
def test_special_targets_are_refused_untouched(
    checked: Path, kind: str, flag: str, capsys: pytest.CaptureFixture[str]
) -> None:
    import os
    import stat

    target = checked / "target"
    page = checked / "page.html"
    if kind == "fifo":
        os.mkfifo(target)
    elif kind == "symlink":
        (checked / "real.json").write_text("keep")
        target.symlink_to(checked / "real.json")
    elif kind == "folder":
        target.mkdir()
    elif kind == "device":
        os.mknod(target, 0o600 | stat.S_IFCHR, os.makedev(1, 3))  # like /dev/null
    else:
        target = page
    before = os.lstat(target)
    assert main(["check", str(page), flag, str(target)]) == 2
    err = capsys.readouterr().err
    assert str(target) in err
    if kind != "folder":  # click refuses a folder itself, as a usage error
        assert err.startswith(f"error: {target}") and err.count("\n") == 1
    after = os.lstat(target)
    assert (after.st_mode, after.st_ino, after.st_size) == (
        before.st_mode,
        before.st_ino,
        before.st_size,
    )
    if kind == "input":
        assert page.read_text(encoding="utf-8") == PAGE


def test_build_refuses_to_write_a_report_over_a_content_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    repo = Path(__file__).resolve().parent.parent
    shutil.copytree(repo / "content", tmp_path / "content")
    shutil.copy(repo / "pyproject.toml", tmp_path / "pyproject.toml")
    content = tmp_path / "content" / "herpes-back-pain.md"
    before = content.read_bytes()
    monkeypatch.chdir(tmp_path)
    code = main(["build", "--no-write", "--format", "json", "-o", str(content)])
    assert code == 2
    assert "is one of the input files" in capsys.readouterr().err
    assert content.read_bytes() == before


def test_build_from_a_subfolder_never_writes_a_report_over_a_built_page(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    repo = Path(__file__).resolve().parent.parent
    shutil.copytree(repo / "content", tmp_path / "content")
    shutil.copy(repo / "pyproject.toml", tmp_path / "pyproject.toml")
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path / "sub")
    config = ["--config", "../pyproject.toml"]
    assert main(["build", *config]) == 1
    page = tmp_path / "output" / "herpes-virus-back-pain" / "index.html"
    before = page.read_bytes()
    args = [
        "build",
        *config,
        "--format",
        "json",
        "-o",
        "../output/herpes-virus-back-pain/index.html",
    ]
    assert main(args) == 2
    assert "is one of the input files" in capsys.readouterr().err
    assert page.read_bytes() == before
