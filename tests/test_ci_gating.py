"""End to end: the CI gate as a pipeline runs it (the installed `seo-pipeline`
entry point in a subprocess where it matters, `main()` in process elsewhere).

Covers `build --format github` on the example, quick gates without a config
file, exit codes 0/1/2, `--output`, and byte-identical reports across runs.
"""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from pipeline.checks.registry import REGISTRY
from pipeline.cli import main
from tests.report.conftest import LONG, REPO, page

EXE = shutil.which("seo-pipeline") or ""


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    """The installed command line (falls back to `python -m pipeline`)."""
    cmd = [EXE, *args] if EXE else [sys.executable, "-m", "pipeline", *args]
    env = {**os.environ, "NO_COLOR": "1"}
    return subprocess.run(
        cmd, cwd=cwd, capture_output=True, check=False, timeout=120, env=env
    )


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the bundled example project (config + content), nothing built."""
    shutil.copy(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    shutil.copytree(REPO / "content", tmp_path / "content")
    return tmp_path


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A folder of HTML pages with no config file anywhere above it that matters."""
    root = tmp_path / "site"
    root.mkdir()
    (root / "long.html").write_text(page(), encoding="utf-8")
    (root / "ok.html").write_text(
        page(
            description="Can herpes cause back pain? How shingles inflames a nerve, the symptoms to watch for, and the treatments that help."
        ),
        encoding="utf-8",
    )
    (tmp_path / "seo-pipeline.toml").write_text("", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    yield root


# --- the example article ------------------------------------------------------------


def test_build_format_github_annotates_the_description_line(project: Path) -> None:
    proc = run("build", "--format", "github", "--no-write", cwd=project)
    assert proc.returncode == 1, proc.stderr
    stdout = proc.stdout.decode()
    expected = (
        "::error file=content/herpes-back-pain.md,line=3,title=LEN103::"
        "meta description is 199 characters (max 155)"
    )
    assert expected in stdout.splitlines()
    assert (
        (project / "content" / "herpes-back-pain.md")
        .read_text(encoding="utf-8")
        .splitlines()[2]
        .startswith("description:")
    )
    assert all(line.startswith("::") for line in stdout.splitlines()), (
        "stdout is only workflow commands"
    )
    assert b"Built 3 pages in memory" in proc.stderr
    assert not (project / "output").exists(), "--no-write writes nothing"


def test_build_machine_format_on_stdout_is_pure(project: Path) -> None:
    proc = run("build", "--format", "json", "--output-dir", "public", cwd=project)
    assert proc.returncode == 1
    report = json.loads(proc.stdout)
    assert any(f["code"] == "LEN103" and f["line"] == 3 for f in report["findings"])
    assert (project / "public" / "herpes-virus-back-pain" / "index.html").is_file()


SOURCE_MAPPED = """---
title: A Test Article About Back Pain and Its Causes
description: "A short description of back pain causes, symptoms and the treatments that help, written for a test of the source maps in reports."
faq:
  - question: Is this a question?
    answer: Yes it is.
  - question: Does this answer run on?
    answer: "{answer}"
---
An intro paragraph about back pain. It has two sentences.

## First section

Some text here.

#### Too deep

More text.
"""


def test_reports_point_at_heading_and_faq_item_lines(tmp_path: Path) -> None:
    """A heading finding lands on the heading's body line, a FAQ-answer finding on
    the FAQ item's line of the front matter, in every format that has lines."""
    (tmp_path / "seo-pipeline.toml").write_text('site-name = "T"\n', encoding="utf-8")
    (tmp_path / "content").mkdir()
    answer = " ".join(f"Sentence {i} is short and clear." for i in range(40))
    text = SOURCE_MAPPED.format(answer=answer)
    (tmp_path / "content" / "test.md").write_text(text, encoding="utf-8")
    lines = text.splitlines()
    heading = lines.index("#### Too deep") + 1
    faq_item = lines.index("  - question: Does this answer run on?") + 1

    github = run(
        "build", "--no-write", "--format", "github", cwd=tmp_path
    ).stdout.decode()
    assert (
        f"::warning file=content/test.md,line={heading},title=HEAD303::h4 follows h2 (skips h3)"
        in github
    )
    assert f"file=content/test.md,line={faq_item},title=READ204::" in github

    sarif = json.loads(
        run("build", "--no-write", "--format", "sarif", cwd=tmp_path).stdout
    )
    where = {
        r["ruleId"]: r["locations"][0]["physicalLocation"]["region"]["startLine"]
        for r in sarif["runs"][0]["results"]
    }
    assert where["HEAD303"] == heading
    assert where["READ204"] == faq_item


# --- quick gates, no config file --------------------------------------------------------


def test_quick_gate_on_description_length(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        main(["check", "--select", "LEN103", "--max-description-length", "155", "site"])
        == 1
    )
    out = capsys.readouterr().out
    assert "site/long.html:6:1: LEN103" in out
    assert "(max 155)" in out
    assert "LEN104" not in out and "META" not in out, "--select runs only LEN103"
    assert (
        main(["check", "--select", "LEN103", "--max-description-length", "200", "site"])
        == 0
    )
    assert (
        main(["check", "--select", "LEN103", "--max-description-length", "198", "site"])
        == 1
    )


@pytest.mark.parametrize(
    ("flags", "code"),
    [
        (
            ["--max-title-length", "20", "--select", "LEN101", "--fail-on", "warning"],
            "LEN101",
        ),
        (
            ["--max-title-px", "100", "--select", "LEN102", "--fail-on", "warning"],
            "LEN102",
        ),
        (
            [
                "--max-description-px",
                "300",
                "--select",
                "LEN104",
                "--fail-on",
                "warning",
            ],
            "LEN104",
        ),
        (
            [
                "--min-description-length",
                "250",
                "--select",
                "LEN105",
                "--fail-on",
                "warning",
            ],
            "LEN105",
        ),
    ],
)
def test_each_quick_gate(
    site: Path, capsys: pytest.CaptureFixture[str], flags: list[str], code: str
) -> None:
    assert main(["check", *flags, "--format", "json", "site"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert {f["code"] for f in report["findings"]} == {code}


def test_quick_gate_beats_profile_and_profile_applies(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        main(
            ["check", "--select", "LEN103", "--profile", "rank-math", "site/long.html"]
        )
        == 1
    )
    assert "(max 160)" in capsys.readouterr().out
    args = [
        "check",
        "--select",
        "LEN103",
        "--profile",
        "rank-math",
        "--max-description-length",
        "199",
    ]
    assert main([*args, "site/long.html"]) == 0


def test_select_accepts_comma_lists_and_ignore_adds(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--select", "LEN103,LEN104", "--format", "json", "site"]) == 1
    assert {f["code"] for f in json.loads(capsys.readouterr().out)["findings"]} == {
        "LEN103",
        "LEN104",
    }
    assert main(["check", "--select", "LEN", "--ignore", "LEN103", "site"]) == 0


# --- exit codes ------------------------------------------------------------------------


def test_fail_on_levels(site: Path) -> None:
    warning_only = ["check", "--select", "LEN104", "site"]
    assert main(warning_only) == 0
    assert main([*warning_only, "--fail-on", "warning"]) == 1
    assert main([*warning_only, "--fail-on", "info"]) == 1
    assert main(["check", "site", "--fail-on", "never"]) == 0
    assert main(["check", "site/ok.html", "--select", "LEN1"]) == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check", "site", "--select", "LEN999"], "unknown rule selector"),
        (["check", "site", "--format", "yaml"], "Invalid value for '--format'"),
        (
            ["check", "site", "--max-description-length", "0"],
            "--max-description-length",
        ),
        (["check", "no-such-folder"], "no such file or folder"),
        (["check", "site", "--baseline", "missing.json"], "cannot read baseline"),
    ],
)
def test_usage_and_input_errors_exit_2(
    site: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    assert main(args) == 2
    assert message in capsys.readouterr().err


def test_a_rule_that_crashes_is_exit_2_never_1(
    site: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def boom(*_: object) -> list[object]:
        raise RuntimeError("kaboom")

    rule = REGISTRY["LEN104"]
    monkeypatch.setitem(REGISTRY, "LEN104", dataclasses.replace(rule, check=boom))
    assert main(["check", "site", "--fail-on", "never"]) == 2
    err = capsys.readouterr().err
    assert "internal error in meta-description-too-wide: RuntimeError: kaboom" in err


def test_an_internal_error_outside_rules_is_exit_2(
    site: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import pipeline.report as report

    def broken(*_: object, **__: object) -> str:
        raise KeyError("renderer bug")

    monkeypatch.setattr(report, "render", broken)
    assert main(["check", "site"]) == 2
    assert "internal error: KeyError" in capsys.readouterr().err


# --- --output ----------------------------------------------------------------------------


def test_output_writes_the_report_and_prints_the_summary(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = Path("reports/seo.sarif")
    assert main(["check", "site", "--format", "sarif", "--output", str(target)]) == 1
    out = capsys.readouterr().out
    assert "(2 pages checked in " in out
    assert "Wrote the sarif report to reports/seo.sarif." in out
    assert "runs" not in out
    doc = json.loads(target.read_text(encoding="utf-8"))
    assert doc["version"] == "2.1.0"
    assert sorted(p.name for p in target.parent.iterdir()) == ["seo.sarif"], (
        "no temp file left"
    )


def test_output_text_has_no_colour_codes(site: Path) -> None:
    assert main(["check", "site", "-o", "report.txt"]) == 1
    text = Path("report.txt").read_text(encoding="utf-8")
    assert "\x1b[" not in text
    assert "LEN103" in text


def test_output_failure_is_exit_2_and_keeps_the_old_file(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Path("report.json").write_text("old report\n", encoding="utf-8")
    # A folder path through a file: the write fails before anything is replaced.
    bad = ["check", "site", "--format", "json", "--output", "report.json/inner.json"]
    assert main(bad) == 2
    assert "cannot write" in capsys.readouterr().err
    assert Path("report.json").read_text(encoding="utf-8") == "old report\n"
    assert main(["check", "site", "--format", "json", "--output", "report.json"]) == 1
    assert json.loads(Path("report.json").read_text(encoding="utf-8"))["findings"]


# --- determinism ----------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["json", "sarif", "junit", "github", "gitlab"])
def test_reports_are_byte_identical_across_runs(project: Path, fmt: str) -> None:
    """Two separate processes: one prints the report, one writes it with --output."""
    first = run("build", "--no-write", "--format", fmt, cwd=project)
    second = run(
        "build", "--no-write", "--format", fmt, "--output", "r.out", cwd=project
    )
    assert first.returncode == second.returncode == 1
    assert first.stdout
    assert (project / "r.out").read_bytes() == first.stdout


def test_timestamps_only_when_asked(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["check", "site", "--format", "junit"])
    plain = capsys.readouterr().out
    main(["check", "site", "--format", "junit", "--timestamps"])
    stamped = capsys.readouterr().out
    assert "timestamp=" not in plain and "timestamp=" in stamped
    main(["check", "site", "--format", "sarif", "--timestamps"])
    assert "endTimeUtc" in capsys.readouterr().out


def test_long_description_is_the_one_from_the_issue() -> None:
    assert len(LONG) == 199
