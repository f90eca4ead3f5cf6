"""GitLab Code Quality report: a JSON array of issues (the Code Climate subset
GitLab reads: `description`, `check_name`, `fingerprint`, `severity`,
`location.path`, `location.lines.begin`).

GitLab compares fingerprints between the merge request and its target branch
to show which issues are new, so each fingerprint is stable across line
shifts (it extends `Finding.fingerprint`) and unique within a report (a
repeat of the same text on the same page gets its occurrence number).
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter

from pipeline.checks.runner import CheckResult
from pipeline.findings import Finding, Severity
from pipeline.report.context import DEFAULT_CONTEXT, ReportContext

SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}
"""Code Quality severities: info, minor, major, critical, blocker."""


def issue(finding: Finding, occurrence: int = 0) -> dict[str, object]:
    """The Code Quality issue of one finding (`occurrence`: its repeat number)."""
    seed = f"{finding.fingerprint}\0{occurrence}"
    return {
        "type": "issue",
        "check_name": finding.code,
        "description": f"{finding.code} {finding.message}",
        "categories": ["Style"],
        "severity": SEVERITIES[finding.severity],
        "fingerprint": hashlib.sha256(seed.encode()).hexdigest()[:32],
        "location": {
            "path": finding.path.replace("\\", "/"),
            "lines": {"begin": finding.line or 1},
        },
    }


def render(result: CheckResult, context: ReportContext = DEFAULT_CONTEXT) -> str:
    """The report as pretty-printed JSON (an empty array when clean)."""
    seen: Counter[str] = Counter()
    issues = []
    for finding in sorted(result.findings, key=lambda f: (f.sort_key(), f.snippet)):
        issues.append(issue(finding, seen[finding.fingerprint]))
        seen[finding.fingerprint] += 1
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"
