"""User-facing errors: one line each, naming the file, the line and the field.

Exception tree::

    PipelineError            anything the user can fix; the CLI prints it and exits 2
    ├── ContentError         a content file is unreadable or invalid (one or more problems)
    ├── ConfigError          the site/check configuration is invalid
    └── OutputError          writing would clobber or escape the output folder
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem in a user file: `file:line: field: message`.

    A problem with the values of one dataset row (CSV, JSON Lines, SQLite)
    has a `row` and reads `file:row N: field: message`, N counted as a
    spreadsheet shows it (see `pipeline.sources.dataset`).
    """

    path: Path | str
    line: int | None
    field: str | None
    message: str
    row: int | None = None

    def __str__(self) -> str:
        if self.row is not None:
            where = f"{self.path}:row {self.row}"
        elif self.line:
            where = f"{self.path}:{self.line}"
        else:
            where = f"{self.path}"
        field = f" {self.field}:" if self.field else ""
        return f"{where}:{field} {self.message}"


class PipelineError(Exception):
    """An error in the user's input, config or environment (never a bug)."""

    def __init__(self, problems: list[Problem] | str) -> None:
        if isinstance(problems, str):
            problems = [Problem("seo-pipeline", None, None, problems)]
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class ContentError(PipelineError):
    """A content file cannot be read or does not validate."""


class ConfigError(PipelineError):
    """The configuration cannot be read or does not validate."""


class OutputError(PipelineError):
    """Writing the output would escape the output folder or clobber a user file."""
