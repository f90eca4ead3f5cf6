"""Readers for YAML and JSON content files (same fields as front matter).

Both parsers are guarded before the expensive step: YAML alias expansions are
counted and recursive aliases refused before anything is constructed (an
alias bomb is refused in microseconds), nesting depth is checked before any
recursive code runs, and integers too long to convert, `NaN`/`Infinity`,
duplicate keys and impossible dates are errors at their line.
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path
from typing import Any, NoReturn

import yaml

from pipeline.errors import ContentError, Problem
from pipeline.limits import Limits
from pipeline.sources.record import Record

MAX_INT_DIGITS = 4_300
"""Python refuses to convert longer integers (CVE-2020-10735); so do we."""

_LIMITS = Limits()

# libyaml is ~10x faster; fall back to the pure-Python loader without it.
_Base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):  # type: ignore[misc]
    """SafeLoader that keeps timestamps as text and refuses overlong integers.

    Dates are validated by the model, which names the field of an impossible
    date such as 2024-02-30 (YAML's own timestamp constructor would crash).
    """


def _timestamp_as_text(loader: Any, node: yaml.ScalarNode) -> str:
    return str(node.value)


def _bounded_int(loader: Any, node: yaml.ScalarNode) -> int:
    digits = sum(ch.isdigit() for ch in str(node.value))
    if digits > MAX_INT_DIGITS:
        raise yaml.constructor.ConstructorError(
            None,
            None,
            f"integer has {digits} digits (at most {MAX_INT_DIGITS})",
            node.start_mark,
        )
    return int(yaml.SafeLoader.construct_yaml_int(loader, node))


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_as_text)
_Loader.add_constructor("tag:yaml.org,2002:int", _bounded_int)


def _fail(path: Path, line: int | None, field: str | None, message: str) -> NoReturn:
    raise ContentError([Problem(path, line, field, message)])


def parse_yaml(
    path: Path, text: str, first_line: int = 1, limits: Limits = _LIMITS
) -> tuple[Any, dict[str, int]]:
    """Parse YAML into data and a dotted-path → line map.

    Duplicate keys, recursive aliases, more than `limits.max_yaml_aliases`
    alias expansions and nesting deeper than `limits.max_depth` are errors.
    """
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = first_line + mark.line if mark else first_line
        reason = exc.problem or "invalid YAML"
        _fail(path, line, None, f"invalid YAML: {reason}")
    except yaml.reader.ReaderError as exc:  # a NUL or other control character
        offset = max(exc.position, 0)
        line = first_line + text.count("\n", 0, offset)
        start = text.rfind("\n", 0, offset) + 1
        key = _KEY_AT.match(text, start)
        char = f"U+{exc.character:04X}" if isinstance(exc.character, int) else "byte"
        _fail(
            path,
            line,
            key.group(1) if key else None,
            f"control character {char} is not allowed",
        )
    except yaml.YAMLError as exc:
        _fail(path, first_line, None, f"invalid YAML: {exc}")
    if node is None:
        return {}, {}
    lines = _index(path, node, first_line, limits)
    loader = _Loader("")
    try:
        data = loader.construct_document(node)
    except yaml.constructor.ConstructorError as exc:
        mark = exc.problem_mark
        line = first_line + mark.line if mark else first_line
        _fail(path, line, _field_at(lines, line), f"invalid YAML: {exc.problem}")
    except (ValueError, OverflowError) as exc:  # a scalar the constructor rejects
        _fail(path, first_line, None, f"invalid YAML: {exc}")
    finally:
        loader.dispose()
    return data, lines


_KEY_AT = re.compile(r"[ \t]*(?:-[ \t]+)?([A-Za-z0-9_-]+)[ \t]*:")


def _field_at(lines: dict[str, int], line: int) -> str | None:
    """The most specific field whose key or item is on `line`."""
    found = [dotted for dotted, at in lines.items() if at == line and dotted]
    return max(found, key=lambda d: d.count("."), default=None)


def _index(path: Path, root: yaml.Node, first: int, limits: Limits) -> dict[str, int]:
    """Dotted path → line of every key and item, walking the expanded tree.

    Iterative, so depth never meets the recursion limit. A node met again is
    an alias expansion: counted (the bound that stops alias bombs), and one
    that contains itself is refused as recursive. Inside an expansion, lines
    are those of the alias (where the reader looks), not of the anchor.
    """
    out: dict[str, int] = {}
    seen: set[int] = set()
    expansions = 0
    # (node, dotted path, depth, line, ids on the path, inside an alias)
    Item = tuple[yaml.Node, str, int, int, frozenset[int], bool]
    stack: list[Item] = [
        (root, "", 1, first + root.start_mark.line, frozenset(), False)
    ]
    while stack:
        node, prefix, depth, key_line, ancestors, aliased = stack.pop()
        out.setdefault(prefix, key_line)
        if not isinstance(node, yaml.CollectionNode):
            continue
        field = prefix or None
        if id(node) in ancestors:
            _fail(path, key_line, field, "recursive YAML alias (refers to itself)")
        if id(node) in seen:
            aliased = True
            expansions += 1
            if expansions > limits.max_yaml_aliases:
                _fail(
                    path,
                    key_line,
                    field,
                    f"YAML aliases expand more than {limits.max_yaml_aliases} "
                    "times (limit max-yaml-aliases; an alias bomb?)",
                )
        seen.add(id(node))
        if depth > limits.max_depth:
            _fail(
                path,
                key_line,
                field,
                f"nested more than {limits.max_depth} levels deep (limit max-depth)",
            )
        inner = ancestors | {id(node)}
        children: list[Item] = []
        if isinstance(node, yaml.MappingNode):
            keys: set[str] = set()
            for key_node, value_node in node.value:
                key = str(key_node.value)
                line = key_line if aliased else first + key_node.start_mark.line
                dotted = f"{prefix}.{key}" if prefix else key
                if key in keys:
                    _fail(path, line, dotted, "duplicate key")
                keys.add(key)
                out[dotted] = line
                children.append((value_node, dotted, depth + 1, line, inner, aliased))
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                dotted = f"{prefix}.{i}" if prefix else str(i)
                # An alias's node starts before its container: point at the alias.
                at = item.start_mark
                alias = at.index < node.start_mark.index
                line = key_line if aliased or alias else first + at.line
                out.setdefault(dotted, line)
                children.append((item, dotted, depth + 1, line, inner, aliased))
        stack.extend(reversed(children))
    return out


def _mapping(path: Path, data: Any) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise ContentError([Problem(path, 1, None, "must be a mapping of fields")])
    return data


def read_yaml(path: Path, text: str, limits: Limits = _LIMITS) -> Record:
    """A `.yaml` content file: all fields, with the Markdown in `body`."""
    data, lines = parse_yaml(path, text, limits=limits)
    # A `body: |` block scalar starts on the line after its key.
    body_line = lines["body"] + 1 if "body" in lines else 1
    return Record(path, _mapping(path, data), lines, body_line=body_line)


# --- JSON ----------------------------------------------------------------

_TOKEN = re.compile(r'"[^"\\\n]*(?:\\.[^"\\\n]*)*"|[{}\[\]:,]|[^\s{}\[\]:,"]+|"')


_FLOAT = re.compile(r"\d+(?:\.\d+)?[eE][-+]?\d+|\d+\.\d+")


class _JsonRefusal(Exception):
    """Raised by json.loads hooks; mapped to a problem at a line."""


def _refuse_constant(name: str) -> NoReturn:
    raise _JsonRefusal(f"{name} is not a number JSON allows")


def _bounded_json_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_INT_DIGITS:
        raise _JsonRefusal(f"integer too long (at most {MAX_INT_DIGITS} digits)")
    return int(text)


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise _JsonRefusal(f"number {text[:20]} is out of range")
    return value


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for key, value in pairs:
        if key in data:
            raise _JsonRefusal(f"duplicate key {key!r}")
        data[key] = value
    return data


def scan_json(
    path: Path, text: str, first_line: int = 1, limits: Limits = _LIMITS
) -> dict[str, int]:
    """Check JSON text before parsing; return a dotted-path → line map.

    Linear and non-recursive: nesting deeper than `limits.max_depth`,
    duplicate keys, `NaN`/`Infinity` and integers over 4,300 digits are errors
    at their line. Malformed JSON is left to `json.loads` to describe.
    """
    out: dict[str, int] = {"": first_line}
    # Each open container: [path, is_object, keys seen, next index, pending key]
    stack: list[list[Any]] = []
    line = first_line
    pos = 0
    expect_key = False
    for match in _TOKEN.finditer(text):
        line += text.count("\n", pos, match.start())
        pos = match.start()
        token = match.group()
        top = stack[-1] if stack else None
        if token in "{[":
            where = _value_path(top, out, line)
            if len(stack) + 1 > limits.max_depth:
                _fail(
                    path,
                    line,
                    where or None,
                    f"nested more than {limits.max_depth} levels deep (limit max-depth)",
                )
            stack.append([where, token == "{", set(), 0, None])
            expect_key = token == "{"
        elif token in "}]":
            if stack:
                stack.pop()
            expect_key = False
        elif token == ",":
            if top is not None and top[1]:
                expect_key = True
            elif top is not None:
                top[3] += 1
        elif token == ":":
            expect_key = False
        elif token.startswith('"') and expect_key and top is not None:
            try:
                key = json.loads(token)
            except json.JSONDecodeError:
                key = token.strip('"')
            dotted = f"{top[0]}.{key}" if top[0] else str(key)
            if key in top[2]:
                _fail(path, line, dotted, "duplicate key")
            top[2].add(key)
            top[4] = dotted
            out[dotted] = line
            expect_key = False
        elif token.startswith('"'):
            _value_path(top, out, line)
        else:
            field = _value_path(top, out, line) or None
            bare = token.lstrip("-")
            if bare in ("NaN", "Infinity"):
                _fail(path, line, field, f"{token} is not a number JSON allows")
            if _FLOAT.fullmatch(bare) and math.isinf(float(bare)):
                _fail(path, line, field, f"number {token[:20]} is out of range")
            if bare.isdigit() and len(bare) > MAX_INT_DIGITS:
                _fail(
                    path,
                    line,
                    field,
                    f"integer has {len(bare)} digits (at most {MAX_INT_DIGITS})",
                )
    return out


def _value_path(top: list[Any] | None, out: dict[str, int], line: int) -> str:
    """Dotted path of the value starting here (and record an array item's line)."""
    if top is None:
        return ""
    if top[1]:
        return str(top[4] or top[0])
    dotted = f"{top[0]}.{top[3]}" if top[0] else str(top[3])
    out.setdefault(dotted, line)
    return dotted


def parse_json(
    path: Path,
    text: str,
    first_line: int = 1,
    limits: Limits = _LIMITS,
    *,
    index: bool = True,
) -> tuple[Any, dict[str, int]]:
    """Strict JSON: duplicate keys, `NaN`/`Infinity`, overlong integers, numbers
    that overflow and nesting deeper than `limits.max_depth` are errors.

    Parsed by `json.loads` with hooks (fast); when a hook refuses a value or
    the nesting is too deep, `scan_json` finds the line. With `index`, also
    returns the dotted-path → line map (else an empty one: a JSON Lines row
    is all on one line).
    """
    try:
        data = json.loads(
            text,
            object_pairs_hook=_no_duplicates,
            parse_constant=_refuse_constant,
            parse_int=_bounded_json_int,
            parse_float=_finite_float,
        )
    except json.JSONDecodeError as exc:
        scan_json(path, text, first_line, limits)  # a deeper problem first
        line = first_line + exc.lineno - 1
        where = "" if first_line == 1 else f" (column {exc.colno})"
        _fail(path, line, None, f"invalid JSON: {exc.msg}{where}")
    except (_JsonRefusal, RecursionError) as exc:
        scan_json(path, text, first_line, limits)  # raises at the line
        reason = "nested too deeply" if isinstance(exc, RecursionError) else exc
        _fail(path, first_line, None, f"invalid JSON: {reason}")
    if index or _deeper_than(data, limits.max_depth):
        return data, scan_json(path, text, first_line, limits)
    return data, {}


def _deeper_than(data: Any, most: int) -> bool:
    """Whether lists and mappings nest more than `most` levels (iterative)."""
    stack: list[tuple[Any, int]] = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict):
            value = list(value.values())
        elif not isinstance(value, list):
            continue
        if depth > most:
            return True
        stack.extend(
            (item, depth + 1) for item in value if isinstance(item, dict | list)
        )
    return False


def read_json(path: Path, text: str, limits: Limits = _LIMITS) -> Record:
    """A `.json` content file: all fields, with the Markdown in `body`."""
    data, lines = parse_json(path, text, limits=limits)
    return Record(path, _mapping(path, data), lines)
