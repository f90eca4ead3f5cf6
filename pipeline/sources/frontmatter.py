"""Reader for Markdown files with YAML front matter (`---` fenced)."""

from __future__ import annotations

from pathlib import Path

from pipeline.errors import ContentError, Problem
from pipeline.sources.record import Record
from pipeline.sources.structured import parse_yaml

FENCE = "---"


def read_markdown(path: Path, text: str) -> Record:
    """Split front matter from the body; the body becomes the `body` field."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != FENCE:
        raise ContentError(
            [Problem(path, 1, None, "missing front matter: start the file with '---'")]
        )
    try:
        end = next(
            i for i in range(1, len(lines)) if lines[i].strip() in (FENCE, "...")
        )
    except StopIteration:
        raise ContentError(
            [Problem(path, 1, None, "front matter is not closed: add a '---' line")]
        ) from None
    data, field_lines = parse_yaml(path, "\n".join(lines[1:end]), first_line=2)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ContentError([Problem(path, 2, None, "front matter must be a mapping")])
    if "body" in data:
        line = field_lines.get("body", 2)
        raise ContentError(
            [
                Problem(
                    path,
                    line,
                    "body",
                    "not allowed in front matter (write it below ---)",
                )
            ]
        )
    body = "\n".join(lines[end + 1 :])
    field_lines.setdefault("", 1)
    field_lines["body"] = end + 2
    return Record(path, {**data, "body": body}, field_lines, body_line=end + 2)
