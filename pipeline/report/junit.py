"""JUnit XML: one test suite per page, one test case per rule family.

CI test-report views (GitLab, Jenkins, Azure DevOps, GitHub test-report
actions) read `testsuites > testsuite > testcase` with `failure` children.
A test case fails when its family found something at or above `fail_on`, so
the report agrees with the exit code; findings below it are listed in the
case's `system-out`. A family whose every rule was skipped on the page (an
unsupported language, an inline suppression) is a skipped case. The output
validates against the Jenkins/Surefire `junit-10.xsd` and is deterministic:
`time` and `timestamp` only appear when `generated_at` is given.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Sequence
from datetime import UTC, datetime

from pipeline.checks.registry import REGISTRY
from pipeline.checks.runner import CheckResult, PageReport
from pipeline.findings import Finding, Severity
from pipeline.report.context import DEFAULT_CONTEXT, ReportContext

_INVALID_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
"""Characters XML 1.0 cannot carry, even escaped (replaced by U+FFFD)."""


def line_of(finding: Finding) -> str:
    """`path:line:col: CODE message` (the text report's line)."""
    where = finding.path
    if finding.line is not None:
        where += f":{finding.line}"
        if finding.column is not None:
            where += f":{finding.column}"
    text = f"{where}: {finding.code} {finding.message} [{finding.severity.label}]"
    return _INVALID_XML.sub("\ufffd", text)


def _family(code: str) -> str:
    rule = REGISTRY.get(code)
    return rule.family.name if rule else code.rstrip("0123456789").lower()


def _case(
    page_name: str,
    family: str,
    findings: Sequence[Finding],
    skipped: Sequence[str],
    ran: bool,
    fail_on: Severity | None,
    timed: bool,
) -> tuple[ET.Element, bool, bool]:
    """A test case; returns (element, failed, skipped)."""
    case = ET.Element("testcase", {"name": family, "classname": page_name})
    if timed:
        case.set("time", "0")
    failing = [f for f in findings if fail_on is not None and f.severity >= fail_on]
    passing = [f for f in findings if fail_on is None or f.severity < fail_on]
    if failing:
        first = line_of(failing[0])
        more = f" (+{len(failing) - 1} more)" if len(failing) > 1 else ""
        failure = ET.SubElement(
            case, "failure", {"type": failing[0].code, "message": first + more}
        )
        failure.text = "\n".join(line_of(f) for f in failing)
    elif not ran:
        ET.SubElement(case, "skipped", {"message": "; ".join(skipped)})
    if passing:
        ET.SubElement(case, "system-out").text = "\n".join(line_of(f) for f in passing)
    return case, bool(failing), not failing and not ran


def _suite(
    page: PageReport,
    findings: Sequence[Finding],
    fail_on: Severity | None,
    generated_at: datetime | None,
) -> tuple[ET.Element, int, int, int]:
    name = page.source_path or page.path
    by_family: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        by_family[_family(finding.code)].append(finding)
    ran = {_family(c) for c in page.rules_run}
    skipped: dict[str, list[str]] = defaultdict(list)
    for code, reason in sorted(page.rules_skipped.items()):
        skipped[_family(code)].append(f"{code}: {reason}")
    families = sorted(ran | set(by_family) | set(skipped))
    suite = ET.Element("testsuite", {"name": name})
    counts = [0, 0, 0]  # tests, failures, skipped
    for family in families:
        case, failed, was_skipped = _case(
            name,
            family,
            by_family.get(family, []),
            skipped.get(family, []),
            family in ran,
            fail_on,
            generated_at is not None,
        )
        suite.append(case)
        counts[0] += 1
        counts[1] += failed
        counts[2] += was_skipped
    suite.set("tests", str(counts[0]))
    suite.set("failures", str(counts[1]))
    suite.set("errors", "0")
    suite.set("skipped", str(counts[2]))
    suite.set("file", name)
    if page.source_path:
        suite.insert(0, _properties({"html": page.path}))
    if generated_at is not None:
        suite.set("time", "0")
        suite.set(
            "timestamp", generated_at.astimezone(UTC).isoformat(timespec="seconds")
        )
    return suite, counts[0], counts[1], counts[2]


def _properties(values: dict[str, str]) -> ET.Element:
    props = ET.Element("properties")
    for key, value in sorted(values.items()):
        ET.SubElement(props, "property", {"name": key, "value": value})
    return props


def render(result: CheckResult, context: ReportContext = DEFAULT_CONTEXT) -> str:
    """The JUnit XML document (UTF-8 declaration, two-space indent)."""
    fail_on, generated_at = context.fail_on, context.generated_at
    by_page: dict[str, list[Finding]] = defaultdict(list)
    for finding in sorted(result.findings, key=lambda f: (f.sort_key(), f.snippet)):
        by_page[finding.html_path or finding.path].append(finding)
    root = ET.Element("testsuites", {"name": "seo-pipeline"})
    tests = failures = 0
    pages = sorted(result.pages, key=lambda p: (p.source_path or p.path, p.path))
    for page in pages:
        suite, n, failed, _ = _suite(
            page, by_page.get(page.path, []), fail_on, generated_at
        )
        root.append(suite)
        tests += n
        failures += failed
    root.set("tests", str(tests))
    root.set("failures", str(failures))
    root.set("errors", "0")
    if generated_at is not None:
        root.set("time", f"{result.elapsed_s:.3f}")
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{body}\n'
