"""Readers for datasets: one article per CSV row or JSON Lines line.

For programmatic pages: thousands of articles from one file. Column names are
the content fields; dotted names build nested values (`author.name`,
`image.url`, `faq.0.question`, `faq.0.answer`), and a list-of-text field
(`key_points`, `seo-pipeline-disable`) may be one cell with one item per line.
Empty cells are omitted, so optional fields may be left blank. Every field of a
row maps to the row's line, so findings point at it.

A problem with one row's values is reported as `file:row N: field: message`,
N being the row as a spreadsheet numbers it: in a CSV file the header is row
1, so the first data row is row 2 and row N is line N unless a quoted cell
spans lines; in JSON Lines row N is line N. A problem with the file itself
(its header, an unterminated quote, invalid JSON on a line) stays at its line.
Every row's problems are reported in one run, and `Rows` keeps them apart
from the good rows so a build may skip the bad ones (`--on-bad-row skip`).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.errors import ContentError, Problem
from pipeline.limits import Limits
from pipeline.sources.record import Record
from pipeline.sources.structured import parse_json

LINE_LISTS = frozenset({"key_points", "seo-pipeline-disable"})
_LIMITS = Limits()


@dataclass(frozen=True, slots=True)
class Row:
    """One data row: its number as a spreadsheet shows it, its first line, its cells."""

    row: int
    line: int
    cells: dict[str, Any]


@dataclass(slots=True)
class Rows:
    """What a dataset reader read: good records and the problems of bad rows.

    File-level problems are raised as `ContentError` instead.
    """

    records: list[Record] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def raise_problems(self) -> list[Record]:
        """The records, or a ContentError listing every bad row."""
        if self.problems:
            raise ContentError(self.problems)
        return self.records


def row_problem(path: Path, row: Row, field_name: str | None, message: str) -> Problem:
    """A problem with the values of `row`: `file:row N: field: message`."""
    return Problem(path, row.line, field_name, message, row=row.row)


def _empty(path: Path, line: int) -> ContentError:
    return ContentError(
        [Problem(path, line, None, "dataset has 0 rows (it would add no pages)")]
    )


def csv_table(
    path: Path, text: str, limits: Limits = _LIMITS
) -> tuple[list[Row], list[Problem]]:
    """Every data row of a CSV file with all its cells (blank ones too), and
    the problems of rows that cannot be read (more cells than columns).

    Quoting is strict: an unterminated quote is an error at the line where its
    cell starts, not a cell that silently swallows the rest of the file.
    File-level problems (header, quoting) are raised.
    """
    # csv's own cell limit (128 KiB by default) would refuse a long body with a
    # vaguer message than the content limits give (which name the field).
    longest = max(
        limits.max_body_chars, limits.max_description_chars, limits.max_text_chars
    )
    if csv.field_size_limit() <= longest:
        csv.field_size_limit(longest + 1)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader)
    except StopIteration:
        raise _empty(path, 1) from None
    except csv.Error as exc:
        raise ContentError([Problem(path, 1, None, f"invalid CSV: {exc}")]) from None
    names = [name.strip() for name in header]
    duplicates = sorted({n for n in names if names.count(n) > 1 and n})
    if duplicates:
        raise ContentError([Problem(path, 1, duplicates[0], "duplicate column")])
    for name in names:
        if name.count(".") + 1 >= limits.max_depth:
            raise ContentError(
                [
                    Problem(
                        path,
                        1,
                        name[:80],
                        f"nested more than {limits.max_depth} levels deep "
                        "(limit max-depth)",
                    )
                ]
            )
    rows: list[Row] = []
    problems: list[Problem] = []
    first, number = reader.line_num + 1, 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            reason, column_name = str(exc), None
            if reason == "unexpected end of data":
                reason = "a quoted cell is not closed (unterminated '\"')"
                column = _open_cell(text, first)
                if column is not None and column < len(names):
                    column_name = names[column] or None
            raise ContentError(
                [*problems, Problem(path, first, column_name, f"invalid CSV: {reason}")]
            ) from None
        line, first, number = first, reader.line_num + 1, number + 1
        if not any(cell.strip() for cell in cells):
            continue  # blank line
        row = Row(number, line, {})
        if len(cells) > len(names):
            problems.append(
                row_problem(
                    path, row, None, f"{len(cells)} cells but {len(names)} columns"
                )
            )
            continue
        values = dict(zip(names, cells, strict=False))
        values.update((n, "") for n in names[len(cells) :])
        rows.append(Row(number, line, {n: c for n, c in values.items() if n}))
    if not rows and not problems:
        raise _empty(path, first)
    return rows, problems


def csv_rows(path: Path, text: str, limits: Limits = _LIMITS) -> Rows:
    """One record per CSV row (header row first; quoted cells may span lines);
    blank cells are left out, dotted column names build nested values."""
    table, problems = csv_table(path, text, limits)
    rows = Rows(problems=problems)
    for row in table:
        cells = {n: c for n, c in row.cells.items() if c.strip()}
        try:
            rows.records.append(_record(path, row, cells))
        except ContentError as exc:
            rows.problems.extend(exc.problems)
    return rows


def read_csv(path: Path, text: str, limits: Limits = _LIMITS) -> list[Record]:
    """One record per CSV row; a ContentError lists every bad row."""
    return csv_rows(path, text, limits).raise_problems()


def _open_cell(text: str, line: int) -> int | None:
    """Index of the cell whose quote is never closed, in the row at `line`."""
    start = 0
    for _ in range(line - 1):
        start = text.find("\n", start) + 1
        if start == 0:
            return None
    cell, quoted, at_start, i = 0, False, True, start
    opened: int | None = None
    while i < len(text):
        ch = text[i]
        if quoted:
            if ch == '"':
                if text.startswith('"', i + 1):
                    i += 1  # an escaped quote
                else:
                    quoted = False
        elif ch == '"' and at_start:
            quoted, opened = True, cell
        elif ch == ",":
            cell, at_start = cell + 1, True
            i += 1
            continue
        elif ch == "\n":
            cell = 0
        at_start = False
        i += 1
    return opened if quoted else None


def jsonl_table(
    path: Path, text: str, limits: Limits = _LIMITS
) -> tuple[list[Row], list[Problem]]:
    """One row per non-blank line, each a JSON object (strict: see `parse_json`).

    A line that is not valid JSON is a problem at its line; one that is not
    an object is a problem of its row. Both leave the other lines readable.
    """
    rows: list[Row] = []
    problems: list[Problem] = []
    last = 1
    for line, raw in enumerate(text.split("\n"), start=1):
        if not raw.strip():
            continue
        last = line
        try:
            data, _ = parse_json(path, raw, line, limits, index=False)
        except ContentError as exc:
            problems.extend(exc.problems)
            continue
        row = Row(line, line, data if isinstance(data, dict) else {})
        if not isinstance(data, dict):
            problems.append(
                row_problem(path, row, None, "each line must be a JSON object")
            )
            continue
        rows.append(row)
    if not rows and not problems:
        raise _empty(path, last)
    return rows, problems


def jsonl_rows(path: Path, text: str, limits: Limits = _LIMITS) -> Rows:
    """One record per JSON Lines object."""
    table, problems = jsonl_table(path, text, limits)
    records = [
        Record(
            path,
            row.cells,
            _all_lines(row.cells, row.line),
            body_line=row.line,
            row=row.row,
        )
        for row in table
    ]
    return Rows(records, problems)


def read_jsonl(path: Path, text: str, limits: Limits = _LIMITS) -> list[Record]:
    """One record per non-blank line; a ContentError lists every bad line."""
    return jsonl_rows(path, text, limits).raise_problems()


def _record(path: Path, row: Row, cells: dict[str, str]) -> Record:
    data: dict[str, Any] = {}
    for name, value in cells.items():
        cell: Any = value
        if name in LINE_LISTS:
            cell = [item.strip() for item in value.splitlines() if item.strip()]
        _assign(path, row, data, name.split("."), cell)
    return Record(
        path, _lists(data), _all_lines(data, row.line), body_line=row.line, row=row.row
    )


def _assign(
    path: Path, row: Row, data: dict[str, Any], keys: list[str], value: Any
) -> None:
    node = data
    for key in keys[:-1]:
        child = node.setdefault(key, {})
        if not isinstance(child, dict):
            raise ContentError(
                [
                    row_problem(
                        path, row, ".".join(keys), "conflicts with another column"
                    )
                ]
            )
        node = child
    node[keys[-1]] = value


def _lists(value: Any) -> Any:
    """`{"0": a, "1": b}` → `[a, b]`, recursively (from `faq.0.question` columns)."""
    if not isinstance(value, dict):
        return value
    converted = {k: _lists(v) for k, v in value.items()}
    if converted and all(k.isdigit() for k in converted):
        return [converted[k] for k in sorted(converted, key=_numeric)]
    return converted


def _numeric(digits: str) -> tuple[int, str]:
    """Numeric order of a digit string without `int()` (which refuses 4,300+ digits)."""
    significant = digits.lstrip("0")
    return len(significant), significant


def _all_lines(data: Any, line: int, prefix: str = "") -> dict[str, int]:
    lines = {prefix: line}
    items = (
        data.items()
        if isinstance(data, dict)
        else enumerate(data)
        if isinstance(data, list)
        else ()
    )
    for key, value in items:
        dotted = f"{prefix}.{key}" if prefix else str(key)
        lines |= _all_lines(value, line, dotted)
    return lines
