"""Reader for Markdown files with front matter.

Three front-matter styles are read, so archives from other generators build
as they are:

- `---` YAML (this tool's own format, Jekyll, Hugo);
- `+++` TOML (Hugo);
- Pelican's Markdown metadata: `Key: value` lines up to the first blank line
  (recognised when one of them is `Title:`).

Fields of Jekyll, Hugo and Pelican are mapped onto the content model by
`pipeline.sources.dialects`.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from pipeline.errors import ContentError, Problem
from pipeline.limits import Limits
from pipeline.sources.dialects import detect, normalise
from pipeline.sources.record import Record
from pipeline.sources.structured import parse_yaml

FENCE = "---"
TOML_FENCE = "+++"
_LIMITS = Limits()

_META_LINE = re.compile(r"^([A-Za-z][A-Za-z0-9_-]*):[ \t]*(.*)$")
_TOML_AT = re.compile(r"\s*\(at line (\d+), column \d+\)$")
_LONG_DIGITS = re.compile(r"\d{4301,}")
_TOML_END = re.compile(r"\s*\(at end of document\)$")
_TOML_KEY = re.compile(r"""^\s*("[^"]*"|'[^']*'|[A-Za-z0-9_-]+)\s*=""")
_TOML_TABLE = re.compile(r"^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$")


def read_markdown(path: Path, text: str, limits: Limits = _LIMITS) -> Record:
    """Split front matter from the body; the body becomes the `body` field."""
    lines = text.split("\n")
    first = lines[0].strip() if lines else ""
    if first == TOML_FENCE:
        return _fenced(path, lines, TOML_FENCE, limits)
    if first == FENCE:
        return _fenced(path, lines, FENCE, limits)
    pelican = _pelican(path, lines)
    if pelican is not None:
        return pelican
    raise ContentError(
        [Problem(path, 1, None, "missing front matter: start the file with '---'")]
    )


def _fenced(path: Path, lines: list[str], fence: str, limits: Limits) -> Record:
    closers = (fence,) if fence == TOML_FENCE else (fence, "...")
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() in closers)
    except StopIteration:
        raise ContentError(
            [
                Problem(
                    path, 1, None, f"front matter is not closed: add a '{fence}' line"
                )
            ]
        ) from None
    source = "\n".join(lines[1:end])
    if fence == TOML_FENCE:
        data, field_lines = _parse_toml(path, source, first_line=2)
        dialect: str | None = "hugo"
    else:
        data, field_lines = parse_yaml(path, source, first_line=2, limits=limits)
        if data is None:
            data = {}
        if not isinstance(data, dict):
            raise ContentError(
                [Problem(path, 2, None, "front matter must be a mapping")]
            )
        dialect = detect(data)
    if "body" in data:
        line = field_lines.get("body", 2)
        raise ContentError(
            [
                Problem(
                    path,
                    line,
                    "body",
                    f"not allowed in front matter (write it below {fence})",
                )
            ]
        )
    return _record(path, data, field_lines, lines, end + 1, dialect)


def _record(
    path: Path,
    data: dict[str, Any],
    field_lines: dict[str, int],
    lines: list[str],
    body_start: int,
    dialect: str | None,
) -> Record:
    """The record of a file whose body starts at 0-based line `body_start`."""
    if dialect is not None:
        data, field_lines = normalise(data, field_lines, dialect)
    body = "\n".join(lines[body_start:])
    field_lines.setdefault("", 1)
    field_lines["body"] = body_start + 1
    return Record(
        path,
        {**data, "body": body},
        field_lines,
        body_line=body_start + 1,
        dialect=dialect,
    )


def _parse_toml(
    path: Path, text: str, first_line: int
) -> tuple[dict[str, Any], dict[str, int]]:
    """TOML front matter (Hugo `+++`) and the line of each key and table."""
    lines = _toml_lines(text, first_line)

    def fail(line: int, reason: str) -> ContentError:
        keys = [k for k, at in lines.items() if at == line and k]
        field = max(keys, key=lambda k: k.count("."), default=None)
        return ContentError([Problem(path, line, field, f"invalid TOML: {reason}")])

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        found = _TOML_AT.search(message)
        if found:
            line = first_line + int(found.group(1)) - 1
        else:  # "(at end of document)"
            line = first_line + text.rstrip("\n").count("\n")
        raise fail(line, _TOML_END.sub("", _TOML_AT.sub("", message))) from None
    except RecursionError:
        raise fail(first_line, "nested too deeply") from None
    except ValueError as exc:  # an integer over 4,300 digits
        long = _LONG_DIGITS.search(text)
        if long is None:
            raise fail(first_line, str(exc)) from None
        line = first_line + text.count("\n", 0, long.start())
        raise fail(line, "integer too long (at most 4300 digits)") from None
    return data, lines


def _toml_lines(text: str, first_line: int) -> dict[str, int]:
    """Dotted key → line, for `key = …` lines and `[table]` headers."""
    lines: dict[str, int] = {"": first_line}
    table = ""
    for number, raw in enumerate(text.split("\n"), start=first_line):
        header = _TOML_TABLE.match(raw)
        if header:
            table = ".".join(p.strip().strip("\"'") for p in header.group(1).split("."))
            lines.setdefault(table, number)
            continue
        key = _TOML_KEY.match(raw)
        if key:
            name = key.group(1).strip("\"'")
            lines.setdefault(f"{table}.{name}" if table else name, number)
    return lines


def _pelican(path: Path, lines: list[str]) -> Record | None:
    """Pelican / Python-Markdown metadata: `Key: value` lines, then a blank line.

    Keys are case-insensitive; an indented line continues the previous value.
    Only a block that has a `Title:` line is taken as metadata.
    """
    data: dict[str, str] = {}
    field_lines: dict[str, int] = {}
    key = ""
    end = len(lines)
    for i, raw in enumerate(lines):
        if not raw.strip():
            end = i + 1
            break
        match = _META_LINE.match(raw)
        if match:
            key = match.group(1).lower()
            if key in data:
                raise ContentError([Problem(path, i + 1, key, "duplicate key")])
            data[key] = match.group(2).strip()
            field_lines[key] = i + 1
        elif key and raw.startswith(("    ", "\t")):
            data[key] = f"{data[key]}\n{raw.strip()}".strip()
        else:
            return None
    if "title" not in data:
        return None
    return _record(path, dict(data), field_lines, lines, end, "pelican")
