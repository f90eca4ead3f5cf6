"""Baselines: adopt a gate on a site that already has findings.

`--write-baseline FILE` records today's findings; `--baseline FILE` then fails
only on findings that are not in it. A finding is matched by rule code, path
and `Finding.fingerprint` (a hash of the offending text, not of the line), so
edits that shift lines keep matching, while editing the offending text itself
makes it new again. Matching counts occurrences: if the baseline holds one
finding with a fingerprint and the page now has two, one of them is new.

The file is JSON, sorted, without timestamps, so it diffs cleanly in review::

    {"version": 1, "tool": "seo-pipeline", "findings": [
      {"code": "LEN103", "path": "content/a.md", "fingerprint": "…",
       "count": 1, "message": "meta description is 199 characters (max 155)"}]}
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.errors import ConfigError, Problem
from pipeline.findings import Finding

VERSION = 1

Key = tuple[str, str, str]
"""(code, path, fingerprint): what identifies a baselined finding."""


def key(finding: Finding) -> Key:
    """The baseline identity of a finding (paths with forward slashes)."""
    return (finding.code, _posix(finding.path), finding.fingerprint)


@dataclass(frozen=True, slots=True)
class Baseline:
    """Known findings, counted by key."""

    counts: Mapping[Key, int]
    messages: Mapping[Key, str]
    """A readable message per key (for reviewers; matching ignores it)."""

    @classmethod
    def of(cls, findings: Iterable[Finding]) -> Baseline:
        """A baseline that accepts exactly these findings."""
        counts: Counter[Key] = Counter()
        messages: dict[Key, str] = {}
        for finding in findings:
            k = key(finding)
            counts[k] += 1
            messages.setdefault(k, finding.message)
        return cls(dict(counts), messages)

    def __len__(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True, slots=True)
class Split:
    """Findings divided by a baseline."""

    new: list[Finding]
    known: list[Finding]
    fixed: int
    """Baselined findings no longer found (the baseline can be rewritten)."""


def split(findings: Sequence[Finding], baseline: Baseline) -> Split:
    """Divide findings into new and baselined ones, keeping their order."""
    left = Counter(baseline.counts)
    new: list[Finding] = []
    known: list[Finding] = []
    for finding in findings:
        k = key(finding)
        if left[k] > 0:
            left[k] -= 1
            known.append(finding)
        else:
            new.append(finding)
    return Split(new, known, sum(n for n in left.values() if n > 0))


def dumps(baseline: Baseline) -> str:
    """The baseline file's text: sorted, stable, newline-terminated."""
    rows = [
        {
            "code": code,
            "path": path,
            "fingerprint": fingerprint,
            "count": count,
            "message": baseline.messages.get((code, path, fingerprint), ""),
        }
        for (code, path, fingerprint), count in sorted(baseline.counts.items())
    ]
    doc = {"version": VERSION, "tool": "seo-pipeline", "findings": rows}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def loads(text: str, *, source: Path | str = "baseline") -> Baseline:
    """Parse a baseline file; a malformed one is a `ConfigError` (exit 2)."""
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise _error(source, exc.lineno, f"invalid JSON: {exc.msg}") from None
    if not isinstance(doc, dict) or not isinstance(doc.get("findings"), list):
        raise _error(source, None, "not a seo-pipeline baseline (no findings list)")
    if doc.get("version") != VERSION:
        raise _error(
            source, None, f"unsupported baseline version {doc.get('version')!r}"
        )
    counts: Counter[Key] = Counter()
    messages: dict[Key, str] = {}
    for index, row in enumerate(doc["findings"]):
        k, count, message = _row(row, source, index)
        counts[k] += count
        messages.setdefault(k, message)
    return Baseline(dict(counts), messages)


def load(path: Path) -> Baseline:
    """Read a baseline file; unreadable or malformed is a `ConfigError`."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else str(exc)
        raise _error(path, None, f"cannot read baseline: {reason}") from None
    return loads(text, source=path)


def _row(row: Any, source: Path | str, index: int) -> tuple[Key, int, str]:
    fields = ("code", "path", "fingerprint")
    if not isinstance(row, dict) or not all(
        isinstance(row.get(f), str) for f in fields
    ):
        raise _error(
            source, None, f"findings[{index}]: needs code, path and fingerprint"
        )
    count = row.get("count", 1)
    if not isinstance(count, int) or isinstance(count, bool) or count < 1:
        raise _error(
            source, None, f"findings[{index}].count: must be a positive integer"
        )
    message = row.get("message", "")
    k = (row["code"], _posix(row["path"]), row["fingerprint"])
    return k, count, message if isinstance(message, str) else ""


def _posix(path: str) -> str:
    return path.replace("\\", "/").removeprefix("./")


def _error(source: Path | str, line: int | None, message: str) -> ConfigError:
    return ConfigError([Problem(source, line, None, message)])
