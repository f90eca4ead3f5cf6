"""One translation of pydantic's validation errors into user-facing `Problem`s.

Content files and config files both go through it, so an unknown key gets the
same did-you-mean and a missing field the same wording everywhere.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, get_args

from pydantic import BaseModel, ValidationError

from pipeline.errors import Problem
from pipeline.suggest import closest


def known_fields(model: type[BaseModel], loc: Sequence[str]) -> list[str]:
    """Keys allowed where `loc` points (walks nested models, lists and maps)."""
    for part in loc[:-1]:
        field = _field(model, part)
        nested = _model_in(field.annotation) if field else None
        if nested is None:
            if part.isdigit() or field is None:
                continue
            return []
        model = nested
    return [field.alias or name for name, field in model.model_fields.items()]


def _field(model: type[BaseModel], key: str) -> Any:
    for name, field in model.model_fields.items():
        if key in (name, field.alias):
            return field
    return None


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def message_of(error: Any, model: type[BaseModel]) -> str:
    """The one-line message of one pydantic error dict."""
    loc = [str(part) for part in error["loc"]]
    message = str(error["msg"])
    if error["type"] == "extra_forbidden":
        known = known_fields(model, loc)
        guess = closest(loc[-1], known) if loc else None
        if guess:
            return f"unknown field; did you mean '{guess}'?"
        return f"unknown field (allowed: {', '.join(sorted(known))})"
    if error["type"] == "missing":
        return "required field is missing"
    return message.removeprefix("Value error, ")


def problems_of(
    exc: ValidationError,
    model: type[BaseModel],
    path: Path | str,
    line_of: Callable[[str | None], int | None] = lambda field: None,
) -> list[Problem]:
    """Every error of `exc` as `path:line: field: message`."""
    problems = []
    for error in exc.errors(include_url=False):
        field = ".".join(str(part) for part in error["loc"]) or None
        problems.append(Problem(path, line_of(field), field, message_of(error, model)))
    return problems
