"""Readers for YAML and JSON content files (same fields as front matter)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

from pipeline.errors import ContentError, Problem
from pipeline.sources.record import Record

# libyaml is ~10x faster; fall back to the pure-Python loader without it.
_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_yaml(
    path: Path, text: str, first_line: int = 1
) -> tuple[Any, dict[str, int]]:
    """Parse YAML into data and a dotted-path → line map; duplicate keys are errors."""
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = first_line + mark.line if mark else first_line
        reason = exc.problem or "invalid YAML"
        raise ContentError(
            [Problem(path, line, None, f"invalid YAML: {reason}")]
        ) from None
    if node is None:
        return {}, {}
    lines: dict[str, int] = {}
    _index(path, node, "", first_line, lines)
    loader = _Loader("")
    try:
        data = loader.construct_document(node)
    except yaml.constructor.ConstructorError as exc:
        mark = exc.problem_mark
        line = first_line + mark.line if mark else first_line
        raise ContentError(
            [Problem(path, line, None, f"invalid YAML: {exc.problem}")]
        ) from None
    finally:
        loader.dispose()
    return data, lines


def _index(
    path: Path, node: yaml.Node, prefix: str, first: int, out: dict[str, int]
) -> None:
    out.setdefault(prefix, first + node.start_mark.line)
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = str(key_node.value)
            if key in seen:
                line = first + key_node.start_mark.line
                raise ContentError([Problem(path, line, key, "duplicate key")])
            seen.add(key)
            dotted = f"{prefix}.{key}" if prefix else key
            out[dotted] = first + key_node.start_mark.line
            _index(path, value_node, dotted, first, out)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            dotted = f"{prefix}.{i}" if prefix else str(i)
            out[dotted] = first + item.start_mark.line
            _index(path, item, dotted, first, out)


def _mapping(path: Path, data: Any) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise ContentError([Problem(path, 1, None, "must be a mapping of fields")])
    return data


def read_yaml(path: Path, text: str) -> Record:
    """A `.yaml` content file: all fields, with the Markdown in `body`."""
    data, lines = parse_yaml(path, text)
    # A `body: |` block scalar starts on the line after its key.
    body_line = lines["body"] + 1 if "body" in lines else 1
    return Record(path, _mapping(path, data), lines, body_line=body_line)


def read_json(path: Path, text: str) -> Record:
    """A `.json` content file: all fields, with the Markdown in `body`."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ContentError(
            [Problem(path, exc.lineno, None, f"invalid JSON: {exc.msg}")]
        ) from None
    try:  # JSON is (nearly) YAML: reuse the YAML composer for line numbers only
        _, lines = parse_yaml(path, text)
    except ContentError:
        lines = {}
    return Record(path, _mapping(path, data), lines)
