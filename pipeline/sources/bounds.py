"""Raw content values against `Limits`, before validation.

One iterative walk over a record's data: nesting depth, the size of every
text value (title, description and body have their own limits), the number
of FAQ items, control characters (a NUL has no place in a page) and numbers
that are not finite. Each problem names its line and field.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from typing import Any

from pipeline.errors import Problem
from pipeline.limits import Limits
from pipeline.sources.record import Record

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

_LINE_BODIES = (".md", ".markdown", ".yaml", ".yml")
"""Files whose body text maps line for line onto the file (not JSON strings)."""

_FIELD_LIMITS = {
    "title": ("max_title_chars", "max-title-chars"),
    "description": ("max_description_chars", "max-description-chars"),
    "body": ("max_body_chars", "max-body-chars"),
}


def check_values(record: Record, limits: Limits) -> list[Problem]:
    """Every value of `record` that is over a limit or not allowed in content."""
    problems: list[Problem] = []

    def problem(dotted: str, message: str, line: int | None = None) -> None:
        where = line if line is not None else record.line_of(dotted)
        problems.append(Problem(record.path, where, dotted or None, message))

    faq = record.data.get("faq")
    if isinstance(faq, list) and len(faq) > limits.max_faq_items:
        problem(
            "faq",
            f"{len(faq)} questions, over the limit of {limits.max_faq_items} "
            "(limit max-faq-items)",
        )
        return problems
    stack: list[tuple[str, Any, int]] = [("", record.data, 1)]
    while stack and len(problems) < 20:
        dotted, value, depth = stack.pop()
        if isinstance(value, dict | list):
            if depth > limits.max_depth:
                problem(
                    dotted,
                    f"nested more than {limits.max_depth} levels deep (limit max-depth)",
                )
                continue
            items = value.items() if isinstance(value, dict) else enumerate(value)
            children = [
                (f"{dotted}.{key}" if dotted else str(key), item, depth + 1)
                for key, item in items
            ]
            stack.extend(reversed(children))
        elif isinstance(value, str):
            _check_text(record, dotted, value, limits, problem)
        elif isinstance(value, float) and not math.isfinite(value):
            problem(dotted, f"{value} is not a number a page can show")
    return problems


def _check_text(
    record: Record,
    dotted: str,
    value: str,
    limits: Limits,
    problem: Callable[..., None],
) -> None:
    attr, key = _FIELD_LIMITS.get(dotted, ("max_text_chars", "max-text-chars"))
    most: int = getattr(limits, attr)
    if len(value) > most:
        problem(
            dotted,
            f"{len(value):,} characters, over the limit of {most:,} (limit {key})",
        )
        return
    bad = _CONTROL.search(value)
    if bad:
        line = None
        if dotted == "body" and record.path.suffix.lower() in _LINE_BODIES:
            line = record.body_line + value.count("\n", 0, bad.start())
        char = f"U+{ord(bad.group()):04X}"
        problem(dotted, f"control character {char} is not allowed in text", line)
