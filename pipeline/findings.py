"""The values that flow from CHECK to REPORT: severities, findings, source maps.

Every rule yields problems about a page; the check runner turns them into
`Finding`s, mapping each one back to the content file line when the page was
built from a content file (`SourceMap`), else to the HTML line and column.
"""

from __future__ import annotations

import enum
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field


class Severity(enum.IntEnum):
    """How bad a finding is; `--fail-on` compares against this order."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        """Lowercase name used in config, CLI flags and reports."""
        return self.name.lower()

    @classmethod
    def parse(cls, value: str) -> Severity:
        """`"warning"` → `Severity.WARNING` (case-insensitive)."""
        try:
            return cls[value.strip().upper()]
        except KeyError:
            raise ValueError(
                f"unknown severity {value!r} (use info, warning or error)"
            ) from None


@dataclass(frozen=True, slots=True)
class SourceMap:
    """Where the parts of a built page came from in its content file.

    `lines` maps anchors to 1-based lines of `path`. Anchors are plain strings:
    a front-matter field (`title`, `description`, `slug`, `image`, `author`,
    `date`, `key_points`, `faq`), `heading:<text>` for a heading, `faq:<question>`
    for a FAQ item, and `body` for the first body line (the fallback).
    """

    path: str
    lines: Mapping[str, int] = field(default_factory=dict)

    def locate(self, anchor: str | None) -> int | None:
        """The content line of an anchor, falling back to its family then the body."""
        if anchor is None:
            return None
        if anchor in self.lines:
            return self.lines[anchor]
        family = anchor.partition(":")[0]
        return self.lines.get(family, self.lines.get("body"))


@dataclass(frozen=True, slots=True)
class Finding:
    """One reported problem: the stable rule code plus where to fix it.

    `path`/`line`/`column` point at what the user must edit: the content file
    when the page was built from one, else the HTML file. The HTML position is
    always kept in `html_path`/`html_line`/`html_column`.
    """

    code: str
    rule: str
    severity: Severity
    message: str
    path: str
    line: int | None = None
    column: int | None = None
    value: float | int | str | None = None
    limit: float | int | str | None = None
    snippet: str = ""
    html_path: str = ""
    html_line: int | None = None
    html_column: int | None = None

    @property
    def fingerprint(self) -> str:
        """Stable identity for baselines: rule, path and offending text, not line."""
        text = " ".join(self.snippet.split()) or self.message
        digest = hashlib.sha256(f"{self.code}\0{self.path}\0{text}".encode())
        return digest.hexdigest()[:16]

    def sort_key(self) -> tuple[str, int, int, str, str]:
        """Deterministic report order: file, line, column, code, message."""
        return (self.path, self.line or 0, self.column or 0, self.code, self.message)
