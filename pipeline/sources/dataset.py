"""Readers for datasets: one article per CSV row or JSON Lines line.

For programmatic pages: thousands of articles from one file. Column names are
the content fields; dotted names build nested values (`author.name`,
`image.url`, `faq.0.question`, `faq.0.answer`), and a list-of-text field
(`key_points`, `seo-pipeline-disable`) may be one cell with one item per line.
Empty cells are omitted, so optional fields may be left blank. Every field of a
row maps to the row's line, so errors and findings point at it.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from pipeline.errors import ContentError, Problem
from pipeline.limits import Limits
from pipeline.sources.record import Record
from pipeline.sources.structured import parse_json

LINE_LISTS = frozenset({"key_points", "seo-pipeline-disable"})
_LIMITS = Limits()


def _empty(path: Path, line: int) -> ContentError:
    return ContentError(
        [Problem(path, line, None, "dataset has 0 rows (it would add no pages)")]
    )


def read_csv(path: Path, text: str, limits: Limits = _LIMITS) -> list[Record]:
    """One record per CSV row (header row first; quoted cells may span lines).

    Quoting is strict: an unterminated quote is an error at the line where its
    cell starts, not a cell that silently swallows the rest of the file.
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
    records, problems = [], []
    first = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            reason, field = str(exc), None
            if reason == "unexpected end of data":
                reason = "a quoted cell is not closed (unterminated '\"')"
                column = _open_cell(text, first)
                if column is not None and column < len(names):
                    field = names[column] or None
            problems.append(Problem(path, first, field, f"invalid CSV: {reason}"))
            break
        line, first = first, reader.line_num + 1
        if not any(cell.strip() for cell in row):
            continue  # blank line
        if len(row) > len(names):
            problems.append(
                Problem(path, line, None, f"{len(row)} cells but {len(names)} columns")
            )
            continue
        cells = {n: c for n, c in zip(names, row, strict=False) if n and c.strip()}
        try:
            records.append(_record(path, line, cells))
        except ContentError as exc:
            problems.extend(exc.problems)
    if problems:
        raise ContentError(problems)
    if not records:
        raise _empty(path, first)
    return records


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


def read_jsonl(path: Path, text: str, limits: Limits = _LIMITS) -> list[Record]:
    """One record per non-blank line, each a JSON object (strict: see `parse_json`)."""
    records, problems = [], []
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
        if not isinstance(data, dict):
            problems.append(
                Problem(path, line, None, "each line must be a JSON object")
            )
            continue
        records.append(Record(path, data, _all_lines(data, line), body_line=line))
    if problems:
        raise ContentError(problems)
    if not records:
        raise _empty(path, last)
    return records


def _record(path: Path, line: int, cells: dict[str, str]) -> Record:
    data: dict[str, Any] = {}
    for name, value in cells.items():
        cell: Any = value
        if name in LINE_LISTS:
            cell = [item.strip() for item in value.splitlines() if item.strip()]
        _assign(path, line, data, name.split("."), cell)
    return Record(path, _lists(data), _all_lines(data, line), body_line=line)


def _assign(
    path: Path, line: int, data: dict[str, Any], keys: list[str], value: Any
) -> None:
    node = data
    for key in keys[:-1]:
        child = node.setdefault(key, {})
        if not isinstance(child, dict):
            raise ContentError(
                [Problem(path, line, ".".join(keys), "conflicts with another column")]
            )
        node = child
    node[keys[-1]] = value


def _lists(value: Any) -> Any:
    """`{"0": a, "1": b}` → `[a, b]`, recursively (from `faq.0.question` columns)."""
    if not isinstance(value, dict):
        return value
    converted = {k: _lists(v) for k, v in value.items()}
    if converted and all(k.isdigit() for k in converted):
        return [converted[k] for k in sorted(converted, key=int)]
    return converted


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
