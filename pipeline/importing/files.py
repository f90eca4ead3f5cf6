"""IMPORT edge: read drafts and HTML pages, write one content file per input.

Each input is imported on its own: one that cannot be read, parsed or
validated (or whose content file exists, without `force`) is reported with its
`file:line: field: message` and the others are still written; `import_files`
then raises `ImportFailed`, which carries what was written (the CLI lists it,
then the problems, and exits 2). Inputs whose slugs clash (three archive pages
titled "Home") get numbered slugs, `home`, `home-2`, `home-3`, in input order.
Writes are atomic.
"""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from pipeline.decode import decode_html, decode_text
from pipeline.errors import ContentError, OutputError, Problem
from pipeline.importing.draft import parse_draft
from pipeline.importing.html_page import parse_html_page
from pipeline.importing.result import ImportResult
from pipeline.paths import HTML_SUFFIXES
from pipeline.sources import validate
from pipeline.sources.frontmatter import read_markdown
from pipeline.write import atomic_write

STDIN = "-"


@dataclass(frozen=True, slots=True)
class ImportOutcome:
    """One input, the content file written for it, and what was recognised."""

    source: str
    target: Path
    result: ImportResult


class ImportFailed(ContentError):
    """Some inputs could not be imported; `outcomes` are the ones written."""

    def __init__(self, problems: list[Problem], outcomes: list[ImportOutcome]) -> None:
        super().__init__(problems)
        self.outcomes = outcomes


def import_files(
    inputs: Sequence[str], out_dir: Path, force: bool
) -> list[ImportOutcome]:
    """Import every input into `out_dir/<slug>.md`; see the module doc.

    Raises `ImportFailed` (with the written outcomes) when any input failed,
    after writing the others; `OutputError` when `out_dir` is not a folder.
    """
    if out_dir.exists() and not out_dir.is_dir():
        raise OutputError([Problem(out_dir, None, None, "is not a folder")])
    results: list[tuple[str, ImportResult]] = []
    problems: list[Problem] = []
    for name in inputs:
        try:
            results.append((name, import_bytes(name, read_input(name))))
        except ContentError as exc:
            problems.extend(exc.problems)
    written: list[ImportOutcome] = []
    for outcome in _plan(results, out_dir):
        if outcome.target.exists() and not force:
            problems.append(
                Problem(
                    outcome.target, None, None, "exists; use --force to overwrite it"
                )
            )
            continue
        try:
            atomic_write(outcome.target, outcome.result.to_markdown())
        except OutputError as exc:
            problems.extend(exc.problems)
            continue
        except OSError as exc:
            problems.append(
                Problem(outcome.target, None, None, exc.strerror or str(exc))
            )
            continue
        written.append(outcome)
    if problems:
        raise ImportFailed(problems, written)
    return written


def _plan(
    results: Sequence[tuple[str, ImportResult]], out_dir: Path
) -> list[ImportOutcome]:
    """One target per input; a slug already taken in this batch gets `-2`, `-3`…"""
    taken: set[str] = set()
    planned = []
    for name, result in results:
        slug = base = result.slug()
        n = 1
        while slug in taken:
            n += 1
            slug = f"{base}-{n}"
        taken.add(slug)
        if slug != base:
            note = f"slug {slug} ({base} is taken by another input)"
            result = dataclasses.replace(
                result,
                front_matter={**result.front_matter, "slug": slug},
                recognised=[*result.recognised, note],
            )
        planned.append(ImportOutcome(name, out_dir / f"{slug}.md", result))
    return planned


def read_input(name: str) -> bytes:
    """The bytes of a file, or of stdin for `-`."""
    if name == STDIN:
        return sys.stdin.buffer.read()
    try:
        return Path(name).read_bytes()
    except OSError as exc:
        raise ContentError(
            [Problem(name, None, None, exc.strerror or str(exc))]
        ) from None


def is_html(name: str, data: bytes) -> bool:
    """By extension, else by a document that starts with `<!doctype` or `<html`."""
    if Path(name).suffix.lower() in HTML_SUFFIXES:
        return True
    head = data.removeprefix(b"\xef\xbb\xbf").lstrip()[:20].lower()
    return head.startswith((b"<!doctype", b"<html"))


def import_bytes(name: str, data: bytes) -> ImportResult:
    """Parse one input and check that its content file will load."""
    display = "<stdin>" if name == STDIN else name
    if is_html(name, data):
        result = parse_html_page(decode_page(data, display), display)
        if not result.front_matter.get("title"):
            message = "no title found (no <h1>, og:title or <title>)"
            raise ContentError([Problem(display, None, "title", message)])
    else:
        result = parse_draft(decode_text(data, display), display)
    validate(read_markdown(Path(display), result.to_markdown()))
    return result


def decode_page(data: bytes, display: str) -> str:
    """An HTML page as text (see `pipeline.decode.decode_html`); bytes that are
    neither UTF-8 nor in the charset the page declares are an error, as in a
    draft, rather than U+FFFD written into the content file."""
    text, issue = decode_html(data)
    if issue is not None:
        message = (
            f"not valid UTF-8 at column {issue.column} and no other charset declared; "
            'declare it (<meta charset="…">) or save the page as UTF-8'
        )
        raise ContentError([Problem(display, issue.line, None, message)])
    return text
