"""SARIF output, validated against the official OASIS SARIF 2.1.0 JSON schema
(vendored in tests/fixtures/sarif, see its README for the source)."""

from __future__ import annotations

import dataclasses
import json
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from pipeline.checks.registry import REGISTRY
from pipeline.checks.runner import CheckResult
from pipeline.findings import Severity
from pipeline.report import sarif
from pipeline.report.context import ReportContext
from tests.report.conftest import REPO, finding

SCHEMA_FILE = REPO / "tests" / "fixtures" / "sarif" / "sarif-schema-2.1.0.json"


@pytest.fixture(scope="module")
def validator() -> jsonschema.protocols.Validator:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def valid(validator: jsonschema.protocols.Validator, text: str) -> dict[str, Any]:
    doc = json.loads(text)
    errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:10])
    return doc


def test_the_vendored_schema_is_the_official_one() -> None:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert (
        schema["title"]
        == "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema"
    )
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    assert schema["properties"]["version"]["enum"] == ["2.1.0"]


def test_the_validator_is_not_vacuous(
    validator: jsonschema.protocols.Validator, example: CheckResult
) -> None:
    doc = json.loads(sarif.render(example))
    doc["runs"][0]["results"][0]["level"] = "fatal"
    assert list(validator.iter_errors(doc))
    doc = json.loads(sarif.render(example))
    doc["runs"][0]["tool"]["driver"]["rules"][0]["defaultConfiguration"]["level"] = (
        "severe"
    )
    assert list(validator.iter_errors(doc))


def test_example_is_valid_sarif(
    validator: jsonschema.protocols.Validator, example: CheckResult
) -> None:
    doc = valid(validator, sarif.render(example))
    assert doc["version"] == "2.1.0"
    assert len(doc["runs"]) == 1
    assert len(doc["runs"][0]["results"]) == len(example.findings)


def test_html_check_and_empty_results_are_valid(
    validator: jsonschema.protocols.Validator, html_result: CheckResult
) -> None:
    valid(validator, sarif.render(html_result))
    valid(validator, sarif.render(dataclasses.replace(html_result, findings=[])))
    stamped = sarif.render(
        html_result,
        ReportContext(generated_at=datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)),
    )
    invocation = valid(validator, stamped)["runs"][0]["invocations"][0]
    assert invocation["endTimeUtc"] == "2026-01-02T03:04:05.000Z"
    assert invocation["startTimeUtc"] <= invocation["endTimeUtc"]


def test_rules_are_described_in_the_driver(example: CheckResult) -> None:
    run = json.loads(sarif.render(example))["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    ids = [r["id"] for r in rules]
    assert ids == sorted(ids)
    for rule in rules:
        registered = REGISTRY[rule["id"]]
        assert rule["name"] == registered.name
        assert rule["shortDescription"]["text"] == registered.summary
        assert rule["helpUri"].startswith("https://")
        assert (
            rule["defaultConfiguration"]["level"] == sarif.LEVELS[registered.severity]
        )
    for res in run["results"]:
        assert rules[res["ruleIndex"]]["id"] == res["ruleId"]
    len103 = next(r for r in rules if r["id"] == "LEN103")
    assert len103["defaultConfiguration"]["level"] == "error"
    assert len103["helpUri"].endswith("docs/rules.md#len103-meta-description-too-long")


def _github_anchor(heading: str) -> str:
    """GitHub's heading slug: lowercase, punctuation dropped, spaces to hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def test_help_uris_point_at_headings_of_the_rules_doc(example: CheckResult) -> None:
    doc = (REPO / "docs" / "rules.md").read_text(encoding="utf-8")
    anchors = {
        _github_anchor(h) for h in re.findall(r"^#+ (.+)$", doc, flags=re.MULTILINE)
    }
    run = json.loads(sarif.render(example))["runs"][0]
    for rule in run["tool"]["driver"]["rules"]:
        assert rule["helpUri"].rsplit("#", 1)[1] in anchors, rule["id"]


def test_built_pages_point_at_the_content_file_line(example: CheckResult) -> None:
    results = json.loads(sarif.render(example))["runs"][0]["results"]
    len103 = next(r for r in results if r["ruleId"] == "LEN103")
    location = len103["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {
        "uri": "content/herpes-back-pain.md",
        "uriBaseId": "%SRCROOT%",
    }
    assert location["region"] == {"startLine": 3}
    assert len103["level"] == "error"
    assert len103["message"]["text"] == "meta description is 199 characters (max 155)"
    assert len103["properties"] == {"value": 199, "limit": 155}
    html = len103["relatedLocations"][0]["physicalLocation"]
    assert html["artifactLocation"]["uri"] == "output/herpes-virus-back-pain/index.html"
    assert html["region"]["startLine"] >= 1
    assert len(len103["partialFingerprints"][sarif.FINGERPRINT_KEY]) == 16


def test_plain_html_has_line_and_column(html_result: CheckResult) -> None:
    results = json.loads(sarif.render(html_result))["runs"][0]["results"]
    len103 = next(r for r in results if r["ruleId"] == "LEN103")
    location = len103["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "site/herpes/index.html"
    assert location["region"] == {"startLine": 6, "startColumn": 1}
    assert "relatedLocations" not in len103


def test_levels_and_odd_paths(
    validator: jsonschema.protocols.Validator, html_result: CheckResult
) -> None:
    findings = [
        finding(severity=Severity.INFO, path="content/with space#1.md"),
        finding(severity=Severity.WARNING, path="/abs/site/page.html", line=None),
        finding(code="XYZ999", path="./content/b.md"),
    ]
    doc = valid(
        validator, sarif.render(dataclasses.replace(html_result, findings=findings))
    )
    results = doc["runs"][0]["results"]
    by_level = {r["level"]: r for r in results}
    assert set(by_level) == {"note", "warning", "error"}
    note = by_level["note"]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert note["uri"] == "content/with%20space%231.md"
    absolute = by_level["warning"]["locations"][0]["physicalLocation"]
    assert absolute == {"artifactLocation": {"uri": "file:///abs/site/page.html"}}
    unknown = by_level["error"]
    assert "ruleIndex" not in unknown
    assert (
        unknown["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        == "content/b.md"
    )


def test_output_is_deterministic(example: CheckResult) -> None:
    first = sarif.render(example)
    shuffled = dataclasses.replace(
        example, findings=list(reversed(example.findings)), elapsed_s=99.0
    )
    assert sarif.render(shuffled) == first
    assert "TimeUtc" not in first


def test_written_as_utf8_text_without_bom(
    tmp_path: Path, html_result: CheckResult
) -> None:
    out = sarif.render(html_result)
    assert not out.startswith("\ufeff")
    assert out.endswith("}\n")
