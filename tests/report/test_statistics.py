"""`--statistics`: counts per rule, most frequent first, in every format."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from pipeline.checks.runner import CheckResult
from pipeline.cli import cli
from pipeline.findings import Severity
from pipeline.report import render
from pipeline.report.context import ReportContext
from pipeline.report.statistics import (
    by_page,
    rule_statistics,
    statistics_table,
)
from tests.report.conftest import finding

STATS = ReportContext(statistics=True)


def result() -> CheckResult:
    findings = [
        finding(code="HEAD303", rule="skipped-heading-level", severity=Severity.WARNING,
                html_path=f"out/{i % 2}.html")
        for i in range(3)
    ] + [finding(html_path="out/0.html")]  # fmt: skip
    return CheckResult([], findings, 2, 0.0)


def test_counts_findings_and_distinct_pages_most_frequent_first() -> None:
    stats = rule_statistics(result().findings)
    assert [s.as_dict() for s in stats] == [
        {"code": "HEAD303", "name": "skipped-heading-level", "severity": "warning",
         "count": 3, "pages": 2},
        {"code": "LEN103", "name": "meta-description-too-long", "severity": "error",
         "count": 1, "pages": 1},
    ]  # fmt: skip


def test_ties_go_to_the_more_severe_rule_then_the_code() -> None:
    findings = [
        finding(code="B1", severity=Severity.INFO),
        finding(code="A1", severity=Severity.INFO),
        finding(code="C1", severity=Severity.ERROR),
    ]
    assert [s.code for s in rule_statistics(findings)] == ["C1", "A1", "B1"]


def test_by_page_groups_by_html_path() -> None:
    grouped = by_page(result().findings)
    assert {k: len(v) for k, v in grouped.items()} == {"out/0.html": 3, "out/1.html": 1}


def test_text_table_replaces_the_findings() -> None:
    out = render("text", result(), STATS)
    lines = out.splitlines()
    assert lines[0].split() == ["Code", "Rule", "Severity", "Findings", "Pages"]
    assert lines[1].split() == ["HEAD303", "skipped-heading-level", "warning", "3", "2"]
    assert lines[2].split() == [
        "LEN103",
        "meta-description-too-long",
        "error",
        "1",
        "1",
    ]
    assert "content/a.md:3" not in out  # no per-finding lines
    assert lines[-1].startswith("1 error, 3 warnings")
    assert statistics_table([]) == "No findings.\n"


def test_json_gains_a_statistics_array_only_when_asked() -> None:
    document = json.loads(render("json", result(), STATS))
    assert document["statistics"] == [
        s.as_dict() for s in rule_statistics(result().findings)
    ]
    assert "statistics" not in json.loads(render("json", result()))


def test_cli_flag_in_every_format(tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    page.write_text("<html><head></head><body><h3>x</h3></body></html>")
    runner = CliRunner()
    text = runner.invoke(cli, ["check", str(page), "--statistics"])
    assert text.exit_code == 1 and text.stdout.split()[:5] == [
        "Code", "Rule", "Severity", "Findings", "Pages",
    ]  # fmt: skip
    as_json = runner.invoke(
        cli, ["check", str(page), "--statistics", "--format", "json"]
    )
    stats = json.loads(as_json.stdout)["statistics"]
    assert stats and sum(s["count"] for s in stats) == len(
        json.loads(as_json.stdout)["findings"]
    )
    counts = [s["count"] for s in stats]
    assert counts == sorted(counts, reverse=True)
    sarif = runner.invoke(
        cli, ["check", str(page), "--statistics", "--format", "sarif"]
    )
    json.loads(sarif.stdout)  # the report stays valid; the table goes to stderr
    assert "Code  " in sarif.stderr and stats[0]["code"] in sarif.stderr
