"""GitLab Code Quality JSON: the fields GitLab documents as required
(`description`, `check_name`, `fingerprint`, `severity`, `location.path`,
`location.lines.begin`), checked with a JSON schema written from that list."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

import jsonschema

from pipeline.checks.runner import CheckResult
from pipeline.report import gitlab
from tests.report.conftest import finding

CODE_QUALITY = {
    "type": "array",
    "items": {
        "type": "object",
        "required": [
            "description",
            "check_name",
            "fingerprint",
            "severity",
            "location",
        ],
        "properties": {
            "description": {"type": "string", "minLength": 1},
            "check_name": {"type": "string", "minLength": 1},
            "fingerprint": {"type": "string", "minLength": 1},
            "severity": {"enum": ["info", "minor", "major", "critical", "blocker"]},
            "location": {
                "type": "object",
                "required": ["path", "lines"],
                "properties": {
                    "path": {"type": "string", "minLength": 1},
                    "lines": {
                        "type": "object",
                        "required": ["begin"],
                        "properties": {"begin": {"type": "integer", "minimum": 1}},
                    },
                },
            },
        },
    },
}


def issues(result: CheckResult) -> list[dict[str, Any]]:
    doc = json.loads(gitlab.render(result))
    jsonschema.validate(doc, CODE_QUALITY)
    assert isinstance(doc, list)
    return doc


def test_example_issues(example: CheckResult) -> None:
    doc = issues(example)
    assert len(doc) == len(example.findings)
    len103 = next(i for i in doc if i["check_name"] == "LEN103")
    assert len103["location"] == {
        "path": "content/herpes-back-pain.md",
        "lines": {"begin": 3},
    }
    assert len103["severity"] == "major"
    assert "meta description is 199 characters (max 155)" in len103["description"]
    assert len({i["fingerprint"] for i in doc}) == len(doc)


def test_fingerprints_survive_line_shifts_and_stay_unique(
    html_result: CheckResult,
) -> None:
    one = finding()
    shifted = dataclasses.replace(one, line=40)
    a = issues(dataclasses.replace(html_result, findings=[one]))
    b = issues(dataclasses.replace(html_result, findings=[shifted]))
    assert a[0]["fingerprint"] == b[0]["fingerprint"]
    twice = issues(dataclasses.replace(html_result, findings=[one, shifted]))
    assert len({i["fingerprint"] for i in twice}) == 2


def test_missing_line_is_line_one(html_result: CheckResult) -> None:
    doc = issues(dataclasses.replace(html_result, findings=[finding(line=None)]))
    assert doc[0]["location"]["lines"]["begin"] == 1


def test_clean_is_an_empty_array_and_deterministic(example: CheckResult) -> None:
    assert gitlab.render(dataclasses.replace(example, findings=[])) == "[]\n"
    assert gitlab.render(example) == gitlab.render(
        dataclasses.replace(example, findings=list(reversed(example.findings)))
    )
