"""JUnit XML, validated against the Jenkins/Surefire `junit-10.xsd` (vendored in
tests/fixtures/junit) and read the way CI test-report parsers read it:
`testsuites > testsuite > testcase`, a failure is a `failure` child, counts in
the `tests`/`failures`/`errors`/`skipped` attributes."""

from __future__ import annotations

import dataclasses
import xml.etree.ElementTree as ET
from datetime import UTC, datetime

import pytest
from lxml import etree

from pipeline.checks.config import CheckConfig
from pipeline.checks.runner import CheckResult, check_html
from pipeline.report import junit
from pipeline.report.context import ReportContext
from tests.report.conftest import REPO, page, synthetic

XSD = REPO / "tests" / "fixtures" / "junit" / "junit-10.xsd"


@pytest.fixture(scope="module")
def schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(XSD)))


def valid(schema: etree.XMLSchema, text: str) -> ET.Element:
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    doc = etree.fromstring(text.encode("utf-8"))
    assert schema.validate(doc), schema.error_log
    return ET.fromstring(text.encode("utf-8"))


def test_example_validates_and_has_a_case_per_page_and_family(
    schema: etree.XMLSchema, example: CheckResult
) -> None:
    root = valid(schema, junit.render(example))
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == sorted(
        p.source_path or p.path for p in example.pages
    )
    for suite in suites:
        cases = suite.findall("testcase")
        names = [c.get("name") for c in cases]
        assert names == sorted(set(names)), "one case per family, sorted"
        assert {"length", "headings", "metadata"} <= set(names)
        assert all(c.get("classname") == suite.get("name") for c in cases)
        assert int(suite.get("tests", "")) == len(cases)
        assert int(suite.get("failures", "")) == sum(
            1 for c in cases if c.find("failure") is not None
        )
    assert int(root.get("tests", "")) == sum(int(s.get("tests", "")) for s in suites)
    assert int(root.get("failures", "")) == sum(
        int(s.get("failures", "")) for s in suites
    )


def test_failures_match_the_gate(example: CheckResult) -> None:
    root = ET.fromstring(junit.render(example))
    failed = [
        (s.get("name"), c.get("name"))
        for s in root.iter("testsuite")
        for c in s.iter("testcase")
        if c.find("failure") is not None
    ]
    assert failed == [("content/herpes-back-pain.md", "length")]
    case = root.find(
        "testsuite[@name='content/herpes-back-pain.md']/testcase[@name='length']"
    )
    assert case is not None
    failure = case.find("failure")
    assert failure is not None
    assert failure.get("type") == "LEN103"
    assert failure.get("message", "").startswith(
        "content/herpes-back-pain.md:3: LEN103 meta description is 199 characters (max 155)"
    )
    assert "LEN110" in (failure.text or "")
    out = case.find("system-out")
    assert out is not None and "LEN104" in (out.text or ""), (
        "warnings are listed, not failed"
    )


def test_fail_on_changes_what_fails(example: CheckResult) -> None:
    def failures(fail_on: str) -> int:
        context = ReportContext(CheckConfig(fail_on=fail_on))  # type: ignore[arg-type]
        return int(ET.fromstring(junit.render(example, context)).get("failures", ""))

    assert failures("never") == 0
    assert failures("error") == 1
    assert failures("warning") > 1
    assert failures("info") >= failures("warning")


def test_suppressed_family_is_a_skipped_case(schema: etree.XMLSchema) -> None:
    config = CheckConfig(per_file_ignores={"*.html": ["LEN"]})
    result = check_html(page(), config, path="site/index.html")
    root = valid(schema, junit.render(result))
    case = root.find("testsuite/testcase[@name='length']")
    assert case is not None
    skipped = case.find("skipped")
    assert skipped is not None and "LEN103: suppressed" in skipped.get("message", "")
    suite = root.find("testsuite")
    assert suite is not None
    skipped_cases = [c for c in suite.iter("testcase") if c.find("skipped") is not None]
    assert suite.get("skipped") == str(len(skipped_cases))


def test_html_page_suite_and_control_characters(
    schema: etree.XMLSchema, html_result: CheckResult
) -> None:
    nasty = synthetic(
        html_result, message='bad \x00\x08 bytes & <tags> "quoted" \ud800'
    )
    root = valid(schema, junit.render(nasty))
    suite = root.find("testsuite")
    assert suite is not None and suite.get("name") == "site/herpes/index.html"
    text = ET.tostring(root, encoding="unicode")
    assert "bad \ufffd\ufffd bytes &amp; &lt;tags&gt;" in text


def test_deterministic_without_timestamps(example: CheckResult) -> None:
    first = junit.render(example)
    again = junit.render(
        dataclasses.replace(
            example, findings=list(reversed(example.findings)), elapsed_s=42.0
        )
    )
    assert first == again
    assert "time=" not in first and "timestamp=" not in first


def test_timestamps_when_asked(schema: etree.XMLSchema, example: CheckResult) -> None:
    moment = datetime(2026, 11, 24, 8, 0, tzinfo=UTC)
    root = valid(schema, junit.render(example, ReportContext(generated_at=moment)))
    assert root.get("time") is not None
    assert root.find("testsuite").get("timestamp") == "2026-11-24T08:00:00+00:00"  # type: ignore[union-attr]


def test_built_suites_record_the_html_page(example: CheckResult) -> None:
    root = ET.fromstring(junit.render(example))
    prop = root.find(
        "testsuite[@name='content/herpes-back-pain.md']/properties/property[@name='html']"
    )
    assert (
        prop is not None
        and prop.get("value") == "output/herpes-virus-back-pain/index.html"
    )
