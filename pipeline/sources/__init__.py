"""LOAD: one reader per content format → `Record` (raw data + source lines).

`load_article` validates a record into an `Article` and turns pydantic errors
into `file:line: field: message` problems, with did-you-mean for unknown fields.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, get_args

from pydantic import BaseModel, ValidationError

from pipeline.decode import read_text
from pipeline.errors import ContentError, Problem
from pipeline.models import Article
from pipeline.sources.dataset import read_csv, read_jsonl
from pipeline.sources.frontmatter import read_markdown
from pipeline.sources.record import Record
from pipeline.sources.structured import read_json, read_yaml

Reader = Callable[[Path, str], Record]
DatasetReader = Callable[[Path, str], list[Record]]

READERS: dict[str, Reader] = {
    ".md": read_markdown,
    ".markdown": read_markdown,
    ".yaml": read_yaml,
    ".yml": read_yaml,
    ".json": read_json,
}
DATASETS: dict[str, DatasetReader] = {
    ".csv": read_csv,
    ".jsonl": read_jsonl,
}


@dataclass(frozen=True, slots=True)
class LoadedArticle:
    """A validated article and where each of its fields came from."""

    article: Article
    record: Record


def content_files(folder: Path) -> list[Path]:
    """Every content file under `folder`, sorted, skipping hidden and `_` files."""
    return sorted(
        p
        for p in folder.rglob("*")
        if (p.suffix.lower() in READERS or p.suffix.lower() in DATASETS)
        and p.is_file()
        and not any(part.startswith((".", "_")) for part in p.relative_to(folder).parts)
    )


def read(path: Path) -> Record:
    """Read one content file with the reader its extension selects."""
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        known = ", ".join(sorted(READERS))
        raise ContentError([Problem(path, None, None, f"unknown format (use {known})")])
    return reader(path, read_text(path))


def read_records(path: Path) -> list[Record]:
    """All records of a file: one for an article file, one per row for a dataset."""
    dataset = DATASETS.get(path.suffix.lower())
    return dataset(path, read_text(path)) if dataset else [read(path)]


def validate(record: Record) -> LoadedArticle:
    """Validate a record into an Article; raise ContentError listing every problem."""
    try:
        article = Article.model_validate(record.data)
    except ValidationError as exc:
        problems = sorted(_problems(record, exc), key=lambda p: p.line or 0)
        raise ContentError(problems) from None
    return LoadedArticle(article, record)


def load_article(path: Path) -> LoadedArticle:
    """Read and validate one content file."""
    return validate(read(path))


def load_articles(path: Path) -> list[LoadedArticle]:
    """Read and validate every article of a file, reporting all problems at once."""
    loaded, problems = [], []
    for record in read_records(path):
        try:
            loaded.append(validate(record))
        except ContentError as exc:
            problems.extend(exc.problems)
    if problems:
        raise ContentError(problems)
    return loaded


def _known_fields(loc: list[str]) -> list[str]:
    """Field names allowed where `loc` points (walks nested models and lists)."""
    model: type[BaseModel] = Article
    for part in loc[:-1]:
        if part.isdigit():
            continue
        field = model.model_fields.get(part)
        nested = _model_in(field.annotation) if field else None
        if nested is None:
            return []
        model = nested
    return [field.alias or name for name, field in model.model_fields.items()]


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def _problems(record: Record, exc: ValidationError) -> Iterable[Problem]:
    for error in exc.errors(include_url=False):
        loc = [str(part) for part in error["loc"]]
        field = ".".join(loc) or None
        line = record.line_of(field)
        message = error["msg"]
        if error["type"] == "extra_forbidden":
            known = _known_fields(loc)
            guess = difflib.get_close_matches(loc[-1], known, n=1, cutoff=0.6)
            if guess:
                message = f"unknown field; did you mean '{guess[0]}'?"
            else:
                message = f"unknown field (allowed: {', '.join(sorted(known))})"
        elif error["type"] == "missing":
            message = "required field is missing"
        elif message.startswith("Value error, "):
            message = message.removeprefix("Value error, ")
        yield Problem(record.path, line, field, message)
