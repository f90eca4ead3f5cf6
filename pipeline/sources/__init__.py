"""LOAD: one reader per content format → `Record` (raw data + source lines).

`load_article` validates a record into an `Article` and turns pydantic errors
into `file:line: field: message` problems, with did-you-mean for unknown fields.
A dataset row's problems read `file:row N: field: message`. `load_file` keeps
the problems of bad rows (CSV, JSON Lines, page-spec rows) apart from the
file's own, so a build can skip bad rows (`--on-bad-row skip`).
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from pipeline.decode import read_text
from pipeline.errors import ContentError, Problem
from pipeline.limits import Limits
from pipeline.models import Article
from pipeline.sources.bounds import check_values
from pipeline.sources.dataset import Rows, csv_rows, jsonl_rows
from pipeline.sources.frontmatter import read_markdown
from pipeline.sources.pagespec import dataset_of, is_pagespec, read_pagespec
from pipeline.sources.record import Record
from pipeline.sources.structured import read_json, read_yaml
from pipeline.suppressions import in_content_file
from pipeline.validation import problems_of

Reader = Callable[[Path, str, Limits], Record]
DatasetReader = Callable[[Path, str, Limits], Rows]

READERS: dict[str, Reader] = {
    ".md": read_markdown,
    ".markdown": read_markdown,
    ".yaml": read_yaml,
    ".yml": read_yaml,
    ".json": read_json,
}
DATASETS: dict[str, DatasetReader] = {
    ".csv": csv_rows,
    ".jsonl": jsonl_rows,
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
    is skipped without a word. A dataset that a page spec names is read by
    the spec, not listed.
    """
    found, problems = list_content(folder)
    if problems:
        raise ContentError(problems)
    return found


def list_content(folder: Path) -> tuple[list[Path], list[Problem]]:
    """`content_files` and the problems of the names it could not list,
    so a build can report them with every other content problem."""
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
    claimed = {
        data
        for spec in found
        if is_pagespec(spec)
        and (data := _spec_dataset(spec)) is not None
        and not is_pagespec(data)
    }
    return sorted(path for path in found if path.resolve() not in claimed), problems


def _spec_dataset(spec: Path) -> Path | None:
    """The dataset a page spec names (read by the spec, not as articles)."""
    try:
        return dataset_of(spec, _text(spec, _LIMITS.max_file_bytes))
    except ContentError:
        return None


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
    text = _text(path, limits.max_file_bytes)
    record = reader(path, text, limits)
    found = in_content_file(path.suffix.lower(), text, record.body_line)
    return dataclasses.replace(record, suppressions=found) if found else record


def read_rows(path: Path, limits: Limits = _LIMITS) -> Rows:
    """All records of a file (one for an article file, one per row for a
    dataset or page spec) and the problems of its bad rows."""
    if is_pagespec(path):
        return read_pagespec(path, _text(path, limits.max_file_bytes), limits)
    dataset = DATASETS.get(path.suffix.lower())
    if dataset is None:
        return Rows([read(path, limits)])
    return dataset(path, _text(path, limits.max_dataset_bytes), limits)


def read_records(path: Path, limits: Limits = _LIMITS) -> list[Record]:
    """All records of a file: one for an article file, one per row for a dataset."""
    return read_rows(path, limits).raise_problems()


def validate(record: Record, limits: Limits = _LIMITS) -> LoadedArticle:
    """Validate a record into an Article; raise ContentError listing every problem.

    The raw values are checked against `limits` first (sizes, depth, FAQ
    items, control characters, non-finite numbers).
    """
    problems = check_values(record, limits)
    if problems:
        raise ContentError(_of_row(record, problems))
    try:
        article = Article.model_validate(record.data)
    except ValidationError as exc:
        problems = problems_of(exc, Article, record.path, record.line_of)
        problems.sort(key=lambda p: p.line or 0)
        raise ContentError(_of_row(record, problems)) from None
    return LoadedArticle(article, record)


def _of_row(record: Record, problems: list[Problem]) -> list[Problem]:
    """A dataset row's problems name the row: `file:row N: field: message`."""
    if record.row is None:
        return problems
    path = record.row_path or record.path
    return [dataclasses.replace(p, path=path, row=record.row) for p in problems]


def load_article(path: Path, limits: Limits = _LIMITS) -> LoadedArticle:
    """Read and validate one content file."""
    return validate(read(path, limits), limits)


@dataclass(slots=True)
class FileLoad:
    """The articles of one file and the problems of its bad dataset rows."""

    articles: list[LoadedArticle] = field(default_factory=list)
    bad_rows: list[Problem] = field(default_factory=list)


def load_file(path: Path, limits: Limits = _LIMITS) -> FileLoad:
    """Read and validate every article of a file.

    A problem with the file itself raises ContentError; the problems of bad
    dataset rows (every row's, in row order) are returned beside the good
    rows' articles, for the caller to fail on or skip.
    """
    rows = read_rows(path, limits)
    result = FileLoad(bad_rows=list(rows.problems))
    for record in rows.records:
        try:
            result.articles.append(validate(record, limits))
        except ContentError as exc:
            if record.row is None:
                raise
            result.bad_rows.extend(exc.problems)
    result.bad_rows.sort(key=lambda p: p.row or p.line or 0)
    return result


def load_articles(path: Path, limits: Limits = _LIMITS) -> list[LoadedArticle]:
    """Read and validate every article of a file, reporting all problems at once."""
    loaded = load_file(path, limits)
    if loaded.bad_rows:
        raise ContentError(loaded.bad_rows)
    return loaded.articles
