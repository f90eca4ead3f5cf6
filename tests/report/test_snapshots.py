"""One shared set of findings, one snapshot per output format (ruff's model).

The result below is fixed data (findings written out, facts parsed from one
fixture page), so a snapshot changes only when a renderer does — or a rule's
documented summary that SARIF and the HTML report quote. Review the diff and
run `pytest --update-golden` when the change is intended.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from pipeline.checks import CheckConfig
from pipeline.checks.runner import CheckResult, PageReport
from pipeline.facts import parse
from pipeline.findings import Finding, Severity
from pipeline.report import FORMATS, render
from pipeline.report.context import ReportContext

REPO = Path(__file__).resolve().parents[2]
PAGE = REPO / "tests" / "fixtures" / "report" / "page.html"
SNAPSHOTS = REPO / "tests" / "golden" / "report"
SUFFIX = {"text": "txt", "json": "json", "sarif": "json", "junit": "xml",
          "github": "txt", "gitlab": "json", "html": "html"}  # fmt: skip


def shared_result() -> CheckResult:
    """Two pages, findings of every severity, one mapped to a content file."""
    built = "output/herpes/index.html"
    third = "site/about.html"
    facts = parse(PAGE.read_bytes(), path=built)
    other = parse(PAGE.read_bytes(), path=third)
    findings = [
        Finding("LEN103", "meta-description-too-long", Severity.ERROR,
                "meta description is 199 characters (max 155)",
                "content/herpes.md", 3, None, 199, 155,
                "Discover the connection <between> the herpes virus & back pain",
                built, 6, 1),
        Finding("LEN104", "meta-description-too-wide", Severity.WARNING,
                "meta description is 1258 px wide (max 920 px)",
                "content/herpes.md", 3, None, 1258, 920, "", built, 6, 1),
        Finding("HEAD303", "skipped-heading-level", Severity.WARNING,
                'heading level skips from h2 to h4: "Tips & \\"tricks\\""',
                third, 14, 1, None, None, "Tips & \"tricks\"", third, 14, 1),
        Finding("READ201", "reading-ease-too-low", Severity.INFO,
                "Flesch reading ease 28.8 is below 60 for health readers",
                third, 11, 1, 28.8, 60, "", third, 11, 1),
    ]  # fmt: skip
    pages = [
        PageReport(built, facts, "content/herpes.md",
                   ("LEN103", "LEN104", "HEAD303", "READ201"), {}),
        PageReport(third, other, None, ("LEN103", "LEN104", "HEAD303", "READ201"),
                   {"KEY701": "no keyphrase"}),
    ]  # fmt: skip
    return CheckResult(pages, findings, 2, 0.125)


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_format_snapshot(fmt: str, golden: Callable[[Path, str], None]) -> None:
    context = ReportContext(
        CheckConfig(profile="rank-math"),
        generated_at=datetime(2026, 12, 1, 8, 0, tzinfo=UTC),
    )
    golden(SNAPSHOTS / f"{fmt}.{SUFFIX[fmt]}", render(fmt, shared_result(), context))


def test_every_format_has_a_snapshot() -> None:
    assert {p.stem for p in SNAPSHOTS.iterdir()} == set(FORMATS)
