"""SARIF 2.1.0: the format code-scanning services read (GitHub, Azure DevOps).

One run; its driver lists every rule that ran or reported (`tool.driver.rules`:
id, name, short description, help URI to the rule's docs anchor, default
level, the full doc as help), and each finding is a result with a physical
location: the content file line for a built page, else the HTML line and
column. A built page's HTML position is kept as a related location.
`partialFingerprints` carry `Finding.fingerprint`, so services track a result
across line shifts. The output is deterministic: no timestamps unless
`generated_at` is given.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import PurePosixPath, PureWindowsPath
from typing import Any
from urllib.parse import quote

from pipeline.checks.registry import REGISTRY, Rule
from pipeline.checks.runner import CheckResult
from pipeline.findings import Finding, Severity
from pipeline.report.context import DEFAULT_CONTEXT, ReportContext
from pipeline.version import __version__

SCHEMA_URI = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/"
    "sarif-schema-2.1.0.json"
)
HOMEPAGE = "https://example.invalid/seo-pipeline"
RULES_DOC_URL = f"{HOMEPAGE}/blob/main/docs/rules.md"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
FINGERPRINT_KEY = "seoPipeline/v1"


def help_uri(rule: Rule) -> str:
    """The rule's anchor in docs/rules.md (its `## CODE name` heading)."""
    return f"{RULES_DOC_URL}#{rule.code.lower()}-{rule.name}"


def descriptor(rule: Rule) -> dict[str, Any]:
    """A `reportingDescriptor` for `tool.driver.rules`."""
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.summary},
        "help": {"text": rule.doc, "markdown": rule.doc},
        "helpUri": help_uri(rule),
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"tags": ["seo", rule.family.name]},
    }


def artifact(path: str) -> dict[str, str]:
    """An `artifactLocation`: relative paths against `%SRCROOT%`, absolute as file URIs."""
    if PureWindowsPath(path).is_absolute() and not path.startswith("/"):
        return {"uri": PureWindowsPath(path).as_uri()}
    posix = path.replace("\\", "/")
    if PurePosixPath(posix).is_absolute():
        return {"uri": PurePosixPath(posix).as_uri()}
    return {"uri": quote(posix.removeprefix("./")), "uriBaseId": "%SRCROOT%"}


def physical(path: str, line: int | None, column: int | None) -> dict[str, Any]:
    """A `physicalLocation` with a region when the line is known."""
    location: dict[str, Any] = {"artifactLocation": artifact(path)}
    if line is not None and line >= 1:
        region: dict[str, int] = {"startLine": line}
        if column is not None and column >= 1:
            region["startColumn"] = column
        location["region"] = region
    return location


def sarif_result(finding: Finding, rule_index: int | None) -> dict[str, Any]:
    """A SARIF `result` for one finding."""
    out: dict[str, Any] = {"ruleId": finding.code}
    if rule_index is not None:
        out["ruleIndex"] = rule_index
    out["level"] = LEVELS[finding.severity]
    out["message"] = {"text": finding.message}
    out["locations"] = [
        {"physicalLocation": physical(finding.path, finding.line, finding.column)}
    ]
    if finding.html_path and finding.html_path != finding.path:
        out["relatedLocations"] = [
            {
                "id": 1,
                "message": {"text": "generated HTML"},
                "physicalLocation": physical(
                    finding.html_path, finding.html_line, finding.html_column
                ),
            }
        ]
    out["partialFingerprints"] = {FINGERPRINT_KEY: finding.fingerprint}
    props = {
        k: v
        for k, v in (("value", finding.value), ("limit", finding.limit))
        if v is not None
    }
    if props:
        out["properties"] = props
    return out


def render(result: CheckResult, context: ReportContext = DEFAULT_CONTEXT) -> str:
    """The SARIF log as pretty-printed JSON."""
    findings = sorted(result.findings, key=lambda f: (f.sort_key(), f.snippet))
    codes = {c for page in result.pages for c in page.rules_run}
    codes |= {f.code for f in findings}
    rules = [REGISTRY[c] for c in sorted(codes) if c in REGISTRY]
    index = {rule.code: i for i, rule in enumerate(rules)}
    invocation: dict[str, Any] = {"executionSuccessful": not result.crashes}
    generated_at = context.generated_at
    if generated_at is not None:
        started = generated_at - timedelta(seconds=result.elapsed_s)
        invocation["startTimeUtc"] = _utc(started)
        invocation["endTimeUtc"] = _utc(generated_at)
    run = {
        "tool": {
            "driver": {
                "name": "seo-pipeline",
                "version": __version__,
                "semanticVersion": __version__,
                "informationUri": HOMEPAGE,
                "rules": [descriptor(rule) for rule in rules],
            }
        },
        "invocations": [invocation],
        "columnKind": "unicodeCodePoints",
        "results": [sarif_result(f, index.get(f.code)) for f in findings],
        "properties": {"pagesChecked": result.checked},
    }
    log = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"
