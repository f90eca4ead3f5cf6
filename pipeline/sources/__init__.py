"""LOAD: one reader per content format → `Record` (raw data + source lines).

`load_article` validates a record into an `Article` and turns pydantic errors
into `file:line: field: message` problems, with did-you-mean for unknown fields.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from pipeline.decode import read_text
from pipeline.errors import ContentError, Problem
from pipeline.limits import Limits
from pipeline.models import Article
from pipeline.sources.bounds import check_values
from pipeline.sources.dataset import read_csv, read_jsonl
from pipeline.sources.frontmatter import read_markdown
from pipeline.sources.record import Record
from pipeline.sources.structured import read_json, read_yaml
from pipeline.validation import problems_of

Reader = Callable[[Path, str, Limits], Record]
DatasetReader = Callable[[Path, str, Limits], list[Record]]

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
_LIMITS = Limits()


@dataclass(frozen=True, slots=True)
class LoadedArticle:
    """A validated article and where each of its fields came from."""

    article: Article
    record: Record

    @property
    def unmapped(self) -> tuple[tuple[str, int], ...]:
        """Keys kept in `extra` (another generator's front matter), with their line."""
        fallback = self.record.line_of("extra") or 1
        return tuple(
            (key, self.record.lines.get(f"extra.{key}", fallback))
            for key in self.article.extra
        )


def _is_content(path: Path) -> bool:
    suffix = path.suffix.lower()
    return suffix in READERS or suffix in DATASETS


def content_files(folder: Path) -> list[Path]:
    """Every content file under `folder`, sorted, skipping hidden and `_` files.

    Symbolic links are followed, to files and to folders (a folder reached
    twice through links is read once). A link that leads nowhere, or a content
    name that is not a regular file (a pipe, a device), is an error: nothing
    is skipped without a word.
    """
    found: list[Path] = []
    problems: list[Problem] = []
    visited: set[tuple[int, int]] = set()
    for top, dirs, files in os.walk(folder, followlinks=True):
        here = Path(top)
        try:
            info = here.stat()
        except OSError:
            continue
        if (info.st_dev, info.st_ino) in visited:
            dirs[:] = []  # a link back to a folder already read
            continue
        visited.add((info.st_dev, info.st_ino))
        dirs[:] = sorted(d for d in dirs if not d.startswith((".", "_")))
        for name in files:
            path = here / name
            if name.startswith((".", "_")) or not _is_content(path):
                continue
            if path.is_file():
                found.append(path)
            elif path.is_symlink() and not path.exists():
                problems.append(
                    Problem(path, None, None, "broken symbolic link (target missing)")
                )
            else:
                problems.append(Problem(path, None, None, "not a regular file"))
    if problems:
        raise ContentError(problems)
    return sorted(found)


def _text(path: Path, max_bytes: int) -> str:
    """The file's text, refused before reading when over `max_bytes`."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ContentError(
            [Problem(path, None, None, exc.strerror or str(exc))]
        ) from None
    if size > max_bytes:
        kind = (
            "max-dataset-bytes" if path.suffix.lower() in DATASETS else "max-file-bytes"
        )
        raise ContentError(
            [
                Problem(
                    path,
                    None,
                    None,
                    f"file is {size:,} bytes, over the limit of {max_bytes:,} "
                    f"(limit {kind})",
                )
            ]
        )
    return read_text(path)


def read(path: Path, limits: Limits = _LIMITS) -> Record:
    """Read one content file with the reader its extension selects."""
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        known = ", ".join(sorted(READERS))
        raise ContentError([Problem(path, None, None, f"unknown format (use {known})")])
    return reader(path, _text(path, limits.max_file_bytes), limits)


def read_records(path: Path, limits: Limits = _LIMITS) -> list[Record]:
    """All records of a file: one for an article file, one per row for a dataset."""
    dataset = DATASETS.get(path.suffix.lower())
    if dataset is None:
        return [read(path, limits)]
    return dataset(path, _text(path, limits.max_dataset_bytes), limits)


def validate(record: Record, limits: Limits = _LIMITS) -> LoadedArticle:
    """Validate a record into an Article; raise ContentError listing every problem.

    The raw values are checked against `limits` first (sizes, depth, FAQ
    items, control characters, non-finite numbers).
    """
    problems = check_values(record, limits)
    if problems:
        raise ContentError(problems)
    try:
        article = Article.model_validate(record.data)
    except ValidationError as exc:
        problems = problems_of(exc, Article, record.path, record.line_of)
        problems.sort(key=lambda p: p.line or 0)
        raise ContentError(problems) from None
    return LoadedArticle(article, record)


def load_article(path: Path, limits: Limits = _LIMITS) -> LoadedArticle:
    """Read and validate one content file."""
    return validate(read(path, limits), limits)


def load_articles(path: Path, limits: Limits = _LIMITS) -> list[LoadedArticle]:
    """Read and validate every article of a file, reporting all problems at once."""
    loaded, problems = [], []
    for record in read_records(path, limits):
        try:
            loaded.append(validate(record, limits))
        except ContentError as exc:
            problems.extend(exc.problems)
    if problems:
        raise ContentError(problems)
    return loaded
