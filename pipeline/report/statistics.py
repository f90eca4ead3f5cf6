"""Counts per rule (`--statistics`, ruff's flag) and findings indexed by page.

    LEN103  meta-description-too-long  error    1,204 findings  1,204 pages

One pass over the findings: every report that summarises (the text table,
the JSON `statistics` array, the HTML issues-by-rule view, the GitHub job
summary) shares these figures, so they always agree.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pipeline.findings import Finding, Severity


@dataclass(frozen=True, slots=True)
class RuleStat:
    """How often one rule fired."""

    code: str
    name: str
    severity: Severity
    """The most severe of its findings (one rule has one effective severity)."""
    count: int
    """Findings."""
    pages: int
    """Distinct pages with at least one finding (by HTML path)."""

    def as_dict(self) -> dict[str, Any]:
        """The JSON report's `statistics[]` entry."""
        return {
            "code": self.code,
            "name": self.name,
            "severity": self.severity.label,
            "count": self.count,
            "pages": self.pages,
        }


def page_key(finding: Finding) -> str:
    """The page a finding belongs to: its HTML file (the content file if none)."""
    return finding.html_path or finding.path


def rule_statistics(findings: Iterable[Finding]) -> list[RuleStat]:
    """Counts per rule, most frequent first (then most severe, then by code)."""
    counts: dict[str, int] = defaultdict(int)
    pages: dict[str, set[str]] = defaultdict(set)
    names: dict[str, str] = {}
    severities: dict[str, Severity] = {}
    for f in findings:
        counts[f.code] += 1
        pages[f.code].add(page_key(f))
        names.setdefault(f.code, f.rule)
        severities[f.code] = max(severities.get(f.code, f.severity), f.severity)
    stats = [
        RuleStat(code, names[code], severities[code], n, len(pages[code]))
        for code, n in counts.items()
    ]
    stats.sort(key=lambda s: (-s.count, -s.severity, s.code))
    return stats


def by_page(findings: Iterable[Finding]) -> Mapping[str, Sequence[Finding]]:
    """Findings grouped by page (`page_key`), each group in the given order."""
    grouped: dict[str, list[Finding]] = defaultdict(list)
    for f in findings:
        grouped[page_key(f)].append(f)
    return grouped


def statistics_table(stats: Sequence[RuleStat]) -> str:
    """The terminal table: code, name, severity, findings, pages (aligned)."""
    if not stats:
        return "No findings.\n"
    rows = [("Code", "Rule", "Severity", "Findings", "Pages")]
    rows += [
        (s.code, s.name, s.severity.label, f"{s.count:,}", f"{s.pages:,}")
        for s in stats
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(5)]
    lines = []
    for row in rows:
        left = [row[i].ljust(widths[i]) for i in range(3)]
        right = [row[i].rjust(widths[i]) for i in range(3, 5)]
        lines.append("  ".join([*left, *right]).rstrip())
    return "\n".join(lines) + "\n"


__all__ = ["RuleStat", "by_page", "page_key", "rule_statistics", "statistics_table"]
