"""Programmatic pages: a page spec turns every row of a dataset into an article.

A page spec is a YAML file named `<name>.pagespec.yaml` in the content folder::

    data: cities.csv            # CSV, JSON Lines, or a SQLite database (.db,
                                # .sqlite, .sqlite3), in this file's folder
                                # or below it
    table: cities               # SQLite only: a table, or
    query: SELECT * FROM cities WHERE open = 1   # a read-only query
    page:                       # the article fields, as for a .yaml content file
      slug: "emergency-plumbers-{{ city | slug }}"
      title: "Emergency plumbers in {{ city }}"
      description: "{{ blurb }}"
      body: |
        {{ intro }}
        ## Call-out fees in {{ city }}
        …
      faq:
        - question: "How fast can a plumber reach {{ city }}?"
          answer: "{{ response_minutes }} minutes on average."
      schema_type: Article

Every string under `page` is a Jinja template over the row's columns (and
`row`, the row as a mapping, for column names that are not identifiers, and
`row_number`), rendered in a sandbox (`ImmutableSandboxedEnvironment`,
`StrictUndefined`: a column the spec names but the row lacks is an error).
`*` and `**` are bounded (`MAX_REPEAT`), so a row's number cannot make a
template build gigabytes; the sandbox's own `range` limit bounds loops.
Values are not escaped here: the pipeline sanitises the Markdown body and
autoescapes every template, as for any content file. A field that renders
empty is left out, as a blank CSV cell is (a blank `description` is then
derived from the intro), and so is a FAQ item whose question renders empty.

A problem with one row is `file:row N: field: message`, N numbered as in
`pipeline.sources.dataset` (for SQLite, the Nth row of the table or query);
a problem with the spec itself (an unknown key, a template that does not
parse, a missing table) is at the spec's line and fails the build whatever
`--on-bad-row` says. Findings on a page point at its row's line in a CSV or
JSON Lines file, and at the spec's field lines for SQLite rows.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import StrictUndefined, Template, TemplateError, TemplateSyntaxError
from jinja2.exceptions import SecurityError
from jinja2.runtime import Context
from jinja2.sandbox import ImmutableSandboxedEnvironment

from pipeline.decode import read_text
from pipeline.errors import ContentError, Problem
from pipeline.limits import Limits
from pipeline.models import Article
from pipeline.slugs import slugify
from pipeline.sources.dataset import Row, Rows, csv_table, jsonl_table, row_problem
from pipeline.sources.record import Record
from pipeline.sources.structured import parse_yaml
from pipeline.suggest import did_you_mean

SUFFIXES = (".pagespec.yaml", ".pagespec.yml")
SQLITE_SUFFIXES = frozenset({".db", ".sqlite", ".sqlite3"})
DATA_SUFFIXES = frozenset({".csv", ".jsonl"}) | SQLITE_SUFFIXES
SPEC_KEYS = ("data", "table", "query", "page")
QUERY_SECONDS = 30.0
"""A SQLite query that runs longer is stopped (an error at the spec's `query`)."""
_LIMITS = Limits()


def is_pagespec(path: Path) -> bool:
    """Whether `path` is named like a page spec."""
    return path.name.lower().endswith(SUFFIXES)


@dataclass(frozen=True, slots=True)
class PageSpec:
    """A parsed page spec: where the rows come from and the page templates."""

    path: Path
    data: Path
    table: str | None
    query: str | None
    page: dict[str, Any]
    """The `page` mapping with every string compiled to a `Template`."""
    lines: dict[str, int]
    """Lines of the spec's keys, dotted (`page.title`)."""


MAX_REPEAT = 100_000
"""Longest text or list `*` may build, and the largest `**` exponent: a row's
number must not make a template allocate gigabytes (`{{ "-" * width }}`)."""


class _Sandbox(ImmutableSandboxedEnvironment):
    """The Jinja sandbox, with `*` and `**` bounded (see `MAX_REPEAT`)."""

    intercepted_binops = frozenset({"*", "**"})

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        if operator == "**":
            if isinstance(right, int | float) and abs(right) > 1_000:
                raise SecurityError(f"exponent {right} is over the limit of 1000")
            return left**right
        for seq, times in ((left, right), (right, left)):
            if (
                isinstance(seq, str | list | tuple)
                and isinstance(times, int)
                and len(seq) * times > MAX_REPEAT
            ):
                raise SecurityError(
                    f"repeating would build {len(seq) * times:,} items, over the "
                    f"limit of {MAX_REPEAT:,}"
                )
        return left * right


@cache
def environment() -> ImmutableSandboxedEnvironment:
    """The one sandboxed Jinja environment for page specs."""
    env = _Sandbox(
        undefined=StrictUndefined, autoescape=False, keep_trailing_newline=True
    )
    env.filters["slug"] = slugify
    return env


def _problem(spec: Path, lines: dict[str, int], key: str, message: str) -> Problem:
    return Problem(spec, lines.get(key) or lines.get("") or 1, key, message)


def parse_spec(path: Path, text: str, limits: Limits = _LIMITS) -> PageSpec:
    """Parse and check a page spec; every problem of the spec at once."""
    data, lines = parse_yaml(path, text, limits=limits)
    if not isinstance(data, dict):
        raise ContentError([Problem(path, 1, None, "a page spec must be a mapping")])
    problems = [
        _problem(
            path,
            lines,
            str(key),
            "unknown key"
            + (did_you_mean(str(key), list(SPEC_KEYS)) or "")
            + f" (a page spec has {', '.join(SPEC_KEYS)}; page fields go under"
            " `page`)",
        )
        for key in data
        if key not in SPEC_KEYS
    ]
    source = data.get("data")
    where = Path()
    if not isinstance(source, str) or not source.strip():
        problems.append(
            _problem(
                path, lines, "data", "required: the dataset file (CSV, JSONL, SQLite)"
            )
        )
    else:
        where = path.parent / source.strip()
        if where.suffix.lower() not in DATA_SUFFIXES:
            known = ", ".join(sorted(DATA_SUFFIXES))
            problems.append(
                _problem(path, lines, "data", f"unknown dataset format (use {known})")
            )
        elif not where.resolve().is_relative_to(path.parent.resolve()):
            problems.append(
                _problem(
                    path,
                    lines,
                    "data",
                    "must be in the spec's folder or below it "
                    f"(got {source.strip()!r})",
                )
            )
        elif not where.is_file():
            problems.append(_problem(path, lines, "data", f"file not found: {source}"))
    table, query = data.get("table"), data.get("query")
    sqlite = where.suffix.lower() in SQLITE_SUFFIXES
    for key, value in (("table", table), ("query", query)):
        if value is not None and (not isinstance(value, str) or not value.strip()):
            problems.append(_problem(path, lines, key, "must be a non-empty text"))
        elif value is not None and not sqlite:
            problems.append(
                _problem(path, lines, key, "only for a SQLite database (.db, .sqlite)")
            )
    if sqlite and (table is None) == (query is None):
        problems.append(
            _problem(path, lines, "data", "a SQLite dataset needs `table` or `query`")
        )
    page = data.get("page")
    compiled: dict[str, Any] = {}
    if not isinstance(page, dict) or not page:
        problems.append(
            _problem(path, lines, "page", "required: a mapping of the page's fields")
        )
    else:
        fields = {
            name
            for key, info in Article.model_fields.items()
            for name in (key, info.alias)
            if name
        }
        problems.extend(
            _problem(
                path,
                lines,
                f"page.{key}",
                "unknown field" + (did_you_mean(str(key), sorted(fields)) or ""),
            )
            for key in page
            if key not in fields
        )
        compiled = _compile(path, page, "page", lines, problems)
    if problems:
        raise ContentError(problems)
    return PageSpec(
        path,
        where,
        table.strip() if isinstance(table, str) else None,
        query.strip() if isinstance(query, str) else None,
        compiled,
        lines,
    )


def _compile(
    path: Path, value: Any, dotted: str, lines: dict[str, int], problems: list[Problem]
) -> Any:
    if isinstance(value, str):
        try:
            return environment().from_string(value)
        except TemplateSyntaxError as exc:
            line = (lines.get(dotted) or 1) + max(0, (exc.lineno or 1) - 1)
            if not value.startswith("\n") and "\n" in value:
                line += 1  # a block scalar starts on the line after its key
            problems.append(
                Problem(path, line, dotted, f"invalid template: {exc.message}")
            )
            return value
    if isinstance(value, dict):
        return {
            k: _compile(path, v, f"{dotted}.{k}", lines, problems)
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [
            _compile(path, v, f"{dotted}.{i}", lines, problems)
            for i, v in enumerate(value)
        ]
    return value


def read_pagespec(path: Path, text: str, limits: Limits = _LIMITS) -> Rows:
    """One record per row of the spec's dataset; bad rows kept apart in `Rows`."""
    spec = parse_spec(path, text, limits)
    rows, problems, row_path = _rows(spec, limits)
    result = Rows(problems=problems)
    for row in rows:
        try:
            result.records.append(render_row(spec, row, row_path))
        except ContentError as exc:
            result.problems.extend(exc.problems)
    return result


def dataset_of(path: Path, text: str, limits: Limits = _LIMITS) -> Path | None:
    """The dataset a spec names, or None when the spec cannot say (its
    problems are reported when it is loaded)."""
    try:
        return parse_spec(path, text, limits).data.resolve()
    except ContentError:
        return None


def _rows(spec: PageSpec, limits: Limits) -> tuple[list[Row], list[Problem], Path]:
    suffix = spec.data.suffix.lower()
    size = spec.data.stat().st_size
    if size > limits.max_dataset_bytes:
        raise ContentError(
            [
                Problem(
                    spec.data,
                    None,
                    None,
                    f"file is {size:,} bytes, over the limit of "
                    f"{limits.max_dataset_bytes:,} (limit max-dataset-bytes)",
                )
            ]
        )
    if suffix in SQLITE_SUFFIXES:
        return _sqlite_rows(spec), [], spec.data
    text = read_text(spec.data)
    reader = csv_table if suffix == ".csv" else jsonl_table
    rows, problems = reader(spec.data, text, limits)
    return rows, problems, spec.data


def _sqlite_rows(spec: PageSpec) -> list[Row]:
    """Rows of a table or query, read through a read-only connection."""
    key = "table" if spec.table else "query"
    sql = (
        f'SELECT * FROM "{spec.table.replace(chr(34), chr(34) * 2)}"'
        if spec.table
        else spec.query or ""
    )
    uri = spec.data.resolve().as_uri() + "?mode=ro"
    deadline = time.monotonic() + QUERY_SECONDS
    try:
        with closing(sqlite3.connect(uri, uri=True)) as conn:
            conn.set_progress_handler(lambda: int(time.monotonic() > deadline), 10_000)
            conn.execute("PRAGMA query_only = ON")
            cursor = conn.execute(sql)
            names = [d[0] for d in cursor.description or ()]
            rows = [
                Row(number, 1, dict(zip(names, values, strict=True)))
                for number, values in enumerate(cursor, start=1)
            ]
    except sqlite3.Error as exc:
        reason = str(exc)
        if reason == "interrupted":
            reason = f"stopped after {QUERY_SECONDS:.0f} s"
        where = f"{spec.data.name}: " if key == "table" else ""
        raise ContentError(
            [_problem(spec.path, spec.lines, key, f"SQLite: {where}{reason}")]
        ) from None
    if not rows:
        raise ContentError(
            [_problem(spec.path, spec.lines, key, "0 rows (it would add no pages)")]
        )
    return rows


def render_row(spec: PageSpec, row: Row, row_path: Path) -> Record:
    """The article of one row: every template rendered, empty fields left out."""
    context = {**{k: v for k, v in row.cells.items() if k.isidentifier()}}
    context["row"] = dict(row.cells)
    context["row_number"] = row.row
    problems: list[Problem] = []
    data = _render(spec.page, context, "", problems, row, row_path)
    if problems:
        raise ContentError(problems)
    data = data if isinstance(data, dict) else {}
    faq = data.get("faq")
    if isinstance(faq, list):
        kept = [
            item for item in faq if not isinstance(item, dict) or item.get("question")
        ]
        if kept:
            data["faq"] = kept
        else:
            del data["faq"]
    sqlite = row_path.suffix.lower() in SQLITE_SUFFIXES
    if sqlite:
        # No lines in a database: findings point at the spec's templates.
        lines = {
            dotted.removeprefix("page."): line
            for dotted, line in spec.lines.items()
            if dotted.startswith("page.")
        }
        lines[""] = spec.lines.get("page", 1)
        body_line = lines.get("body", 0) + 1 if "body" in lines else lines[""]
        return Record(
            spec.path, data, lines, body_line=body_line, row=row.row, row_path=row_path
        )
    lines = dict.fromkeys(_paths(data), row.line)
    lines[""] = row.line
    return Record(row_path, data, lines, body_line=row.line, row=row.row)


def _render(
    value: Any,
    context: dict[str, Any],
    dotted: str,
    problems: list[Problem],
    row: Row,
    row_path: Path,
) -> Any:
    if isinstance(value, Template):
        try:
            text = value.render(context)
        except TemplateError as exc:
            problems.append(row_problem(row_path, row, dotted or None, _why(exc, row)))
            return ""
        except (ArithmeticError, ValueError, TypeError) as exc:
            problems.append(row_problem(row_path, row, dotted or None, str(exc)))
            return ""
        return text.strip()
    if isinstance(value, dict):
        out: dict[str, Any] = {}
        for key, item in value.items():
            rendered = _render(
                item,
                context,
                f"{dotted}.{key}" if dotted else str(key),
                problems,
                row,
                row_path,
            )
            if rendered != "" and rendered != [] and rendered is not None:
                out[key] = rendered
        return out
    if isinstance(value, list):
        items = [
            _render(item, context, f"{dotted}.{i}", problems, row, row_path)
            for i, item in enumerate(value)
        ]
        return [item for item in items if item not in ("", {}, [])]
    return value


def _why(exc: TemplateError, row: Row) -> str:
    message = exc.message or type(exc).__name__
    if "is undefined" in message:
        columns = ", ".join(sorted(row.cells)) or "none"
        return f"{message} (the row's columns: {columns})"
    return message


def _paths(value: Any, prefix: str = "") -> Iterator[str]:
    items = (
        value.items()
        if isinstance(value, dict)
        else enumerate(value)
        if isinstance(value, list)
        else ()
    )
    for key, item in items:
        dotted = f"{prefix}.{key}" if prefix else str(key)
        yield dotted
        yield from _paths(item, dotted)
