"""Baselines: matched by rule, path and fingerprint of the offending text;
line shifts keep matching, and only new findings fail."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from pipeline import baseline
from pipeline.cli import main
from pipeline.errors import ConfigError
from tests.report.conftest import LONG, finding, page


def test_round_trip_through_the_file_text() -> None:
    findings = [finding(), finding(code="LEN104"), finding(path="content/b.md")]
    known = baseline.loads(baseline.dumps(baseline.Baseline.of(findings)))
    parts = baseline.split(findings, known)
    assert parts.new == [] and parts.known == findings and parts.fixed == 0


def test_only_the_new_finding_is_new() -> None:
    old = [finding(), finding(code="LEN104")]
    known = baseline.Baseline.of(old)
    added = finding(
        code="LEN101", message="title is 72 characters (max 60)", snippet="A title"
    )
    parts = baseline.split([*old, added], known)
    assert parts.new == [added]
    assert parts.known == old


def test_line_shifts_keep_matching_but_editing_the_text_does_not() -> None:
    known = baseline.Baseline.of([finding(line=3)])
    moved = finding(line=12, column=4, html_line=90)
    assert baseline.split([moved], known).new == []
    edited = finding(snippet=LONG + " Now longer still.")
    assert baseline.split([edited], known).new == [edited]


def test_matching_counts_occurrences() -> None:
    known = baseline.Baseline.of([finding()])
    twice = [finding(line=3), finding(line=9)]
    parts = baseline.split(twice, known)
    assert len(parts.known) == 1 and len(parts.new) == 1


def test_fixed_findings_are_counted() -> None:
    known = baseline.Baseline.of([finding(), finding(code="LEN104")])
    assert baseline.split([finding()], known).fixed == 1


def test_keys_use_forward_slashes() -> None:
    windows = finding(path="content\\a.md")
    assert baseline.key(windows)[1] == "content/a.md"


def test_file_is_sorted_stable_and_has_no_timestamps() -> None:
    findings = [finding(path="content/z.md"), finding(path="content/a.md"), finding()]
    text = baseline.dumps(baseline.Baseline.of(findings))
    assert text == baseline.dumps(baseline.Baseline.of(list(reversed(findings))))
    doc = json.loads(text)
    assert doc["version"] == 1
    assert [r["path"] for r in doc["findings"]] == ["content/a.md", "content/z.md"]
    assert doc["findings"][0]["count"] == 2
    assert set(doc["findings"][0]) == {
        "code",
        "path",
        "fingerprint",
        "count",
        "message",
    }
    assert "time" not in text.lower()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{", "invalid JSON"),
        ("[]", "not a seo-pipeline baseline"),
        ('{"version": 2, "findings": []}', "unsupported baseline version"),
        (
            '{"version": 1, "findings": [{"code": "LEN103"}]}',
            "needs code, path and fingerprint",
        ),
        (
            '{"version": 1, "findings": [{"code": "A", "path": "b", "fingerprint": "c", "count": 0}]}',
            "positive integer",
        ),
    ],
)
def test_malformed_baselines_are_config_errors(text: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        baseline.loads(text, source="b.json")


def test_missing_baseline_file_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read baseline"):
        baseline.load(tmp_path / "nope.json")


# --- through the command line --------------------------------------------------------


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Two legacy pages with too-long descriptions, in a folder without config."""
    root = tmp_path / "site"
    for name in ("a", "b"):
        (root / name).mkdir(parents=True)
        (root / name / "index.html").write_text(page(), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return root


def test_cli_baseline_round_trip(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "site"]) == 1
    capsys.readouterr()
    assert main(["check", "site", "--write-baseline", "seo-baseline.json"]) == 0
    out = capsys.readouterr().out
    assert "findings to the baseline seo-baseline.json." in out
    written = json.loads(Path("seo-baseline.json").read_text(encoding="utf-8"))
    assert {r["code"] for r in written["findings"]} >= {"LEN103"}

    assert main(["check", "site", "--baseline", "seo-baseline.json"]) == 0
    capsys.readouterr()

    # Shift every line of page a: the baselined findings still match.
    a = site / "a" / "index.html"
    a.write_text("\n\n\n" + a.read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["check", "site", "--baseline", "seo-baseline.json"]) == 0
    capsys.readouterr()

    # One new problem on a new page: only it fails, and only it is reported.
    (site / "c").mkdir()
    (site / "c" / "index.html").write_text(
        page(
            description="Short, and new.",
            title="A brand new page that has a title long enough",
        ),
        encoding="utf-8",
    )
    assert (
        main(
            [
                "check",
                "site",
                "--baseline",
                "seo-baseline.json",
                "--format",
                "json",
                "--fail-on",
                "warning",
            ]
        )
        == 1
    )
    report = json.loads(capsys.readouterr().out)
    assert report["findings"], "the new page has findings"
    assert {f["path"] for f in report["findings"]} == {"site/c/index.html"}

    assert main(["check", "site", "--baseline", "seo-baseline.json"]) == 0, (
        "its new findings are warnings"
    )
    capsys.readouterr()


def test_cli_new_error_fails_against_baseline(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "site", "--write-baseline", "base.json"]) == 0
    (site / "c").mkdir()
    (site / "c" / "index.html").write_text(
        page(description=LONG + " Even longer."), encoding="utf-8"
    )
    capsys.readouterr()
    assert main(["check", "site", "--baseline", "base.json", "--format", "github"]) == 1
    lines = capsys.readouterr().out.splitlines()
    errors = [line for line in lines if line.startswith("::error")]
    assert errors == [
        "::error file=site/c/index.html,line=6,col=1,title=LEN103::meta description is 212 characters (max 155)"
    ]


def test_cli_bad_baseline_exits_2(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Path("broken.json").write_text("{", encoding="utf-8")
    assert main(["check", "site", "--baseline", "broken.json"]) == 2
    assert "broken.json:1: invalid JSON" in capsys.readouterr().err


def test_baseline_does_not_change_findings_dataclass() -> None:
    f = finding()
    assert dataclasses.replace(f, line=99).fingerprint == f.fingerprint
