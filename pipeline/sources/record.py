"""The raw output of every reader: data plus the source line of each field."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.suppressions import Suppression


@dataclass(frozen=True, slots=True)
class Record:
    """Raw content data as read from a file, before validation.

    `lines` maps dotted field paths (`title`, `faq.0.answer`) to 1-based lines;
    `body_line` is the file line of the first body line (Markdown only);
    `dialect` is the generator whose front matter was mapped (`jekyll`,
    `hugo`, `pelican`), None for this tool's own format. A dataset row has
    its `row` number (problems read `file:row N: …`) and, when its values
    come from another file than `path` names (a SQLite database read
    through a page spec), that file as `row_path`.
    """

    path: Path
    data: dict[str, Any]
    lines: dict[str, int] = field(default_factory=dict)
    body_line: int = 1
    dialect: str | None = None
    row: int | None = None
    row_path: Path | None = None
    suppressions: tuple[Suppression, ...] = ()
    """`# seo-pipeline: disable-next-line=…` comment lines of the front matter
    or YAML file, at their lines (`pipeline.suppressions`)."""

    def line_of(self, dotted: str | None) -> int | None:
        """The line of a field, else of its nearest parent, else None."""
        key = dotted or ""
        while key:
            if key in self.lines:
                return self.lines[key]
            key = key.rpartition(".")[0]
        return self.lines.get("", None)
