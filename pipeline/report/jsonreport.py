"""The `json` report: facts per page plus findings, for machines.

Schema (version 1; documented in the README, "The JSON report")::

    {"version": 1, "pages": [PAGE...], "findings": [FINDING...], "summary": SUMMARY}

Output is deterministic (no timings, sorted findings), so it can be diffed.
"""

from __future__ import annotations

import json
from typing import Any

from pipeline.checks.runner import CheckResult, PageReport
from pipeline.findings import Finding, Severity
from pipeline.report.context import DEFAULT_CONTEXT, ReportContext
from pipeline.textmetrics import (
    DESCRIPTION_SIZE_PX,
    TITLE_SIZE_PX,
    grapheme_len,
    text_width_px,
)

VERSION = 1


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def page_summary(report: PageReport) -> dict[str, Any]:
    """The facts of one page as the report shows them."""
    facts = report.facts
    title = facts.title.text if facts.title else None
    description = facts.description.text if facts.description else None
    scores = facts.readability
    return {
        "path": report.path,
        "source": report.source_path,
        "lang": facts.lang,
        "text_lang": facts.text_lang,
        "lang_assumed": facts.lang_assumed,
        "title": title,
        "title_length": grapheme_len(title) if title is not None else None,
        "title_px": _round(text_width_px(title, TITLE_SIZE_PX)) if title else None,
        "description": description,
        "description_length": grapheme_len(description)
        if description is not None
        else None,
        "description_px": _round(text_width_px(description, DESCRIPTION_SIZE_PX))
        if description
        else None,
        "h1_count": len(facts.h1s),
        "headings": [[h.level, h.text] for h in facts.headings],
        "word_count": facts.word_count,
        "sentence_count": len(facts.sentences),
        "flesch_reading_ease": _round(scores.flesch_reading_ease) if scores else None,
        "fk_grade": _round(scores.fk_grade) if scores else None,
        "jsonld_types": list(facts.jsonld_types),
        "rules_run": list(report.rules_run),
        "rules_skipped": dict(sorted(report.rules_skipped.items())),
    }


def finding_dict(finding: Finding) -> dict[str, Any]:
    """One finding as the report shows it."""
    return {
        "code": finding.code,
        "rule": finding.rule,
        "severity": finding.severity.label,
        "message": finding.message,
        "path": finding.path,
        "line": finding.line,
        "column": finding.column,
        "value": finding.value,
        "limit": finding.limit,
        "html_path": finding.html_path,
        "html_line": finding.html_line,
        "html_column": finding.html_column,
        "fingerprint": finding.fingerprint,
    }


def summary(result: CheckResult) -> dict[str, int]:
    """Counts of pages and findings by severity."""
    return {
        "pages": result.checked,
        "findings": len(result.findings),
        **{s.label: result.count(s) for s in sorted(Severity, reverse=True)},
    }


def render(result: CheckResult, context: ReportContext = DEFAULT_CONTEXT) -> str:
    """The whole report as indented JSON (UTF-8 text, not ASCII-escaped)."""
    document: dict[str, Any] = {
        "version": VERSION,
        "pages": [page_summary(p) for p in result.pages],
        "findings": [finding_dict(f) for f in result.findings],
        "summary": summary(result),
    }
    if context.statistics:
        from pipeline.report.statistics import rule_statistics

        stats = rule_statistics(result.findings)
        document["statistics"] = [s.as_dict() for s in stats]
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
