"""DISCOVER: which HTML files a `check` reads, and what a build said of them.

Folders are searched for `*.html`/`*.htm` (hidden folders, `node_modules`,
seo-pipeline's own `_report` and any file of its HTML report are skipped); a file named explicitly is
always checked if it is an HTML page. Only regular files are read: a
dangling symlink or a named pipe in a folder is skipped and reported, never
waited on. When a checked folder holds a `manifest.json` written by
`build`, each page gets the `PageMeta` the build judged it with.
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from pipeline.checks.runner import PageInput
from pipeline.errors import PipelineError, Problem
from pipeline.pagemeta import NO_META, PageMeta
from pipeline.paths import HTML_SUFFIXES, display_path
from pipeline.write import MANIFEST

SKIP_DIRS: Final = frozenset({"node_modules", "__pycache__", "_report"})
"""Folders never searched (`_report` holds seo-pipeline's own HTML report)."""
_SNIFF_BYTES: Final = 4096
REPORT_MARKER: Final = b'<meta name="generator" content="seo-pipeline report">'
"""What the report templates write in `<head>`; such files are never checked."""
_HTML_MARKERS: Final = (
    b"<!doctype html",
    b"<html",
    b"<head",
    b"<body",
    b"<title",
    b"<meta",
)


@dataclass(frozen=True, slots=True)
class Discovery:
    """The pages to check, and what was passed over (with why)."""

    files: tuple[Path, ...]
    skipped: tuple[Problem, ...] = ()


def html_files(paths: Iterable[str | Path]) -> Discovery:
    """The pages to check under `paths` (files and folders).

    A missing path, a named file that is not an HTML page, or no page at all
    is an input error (exit 2).
    """
    found: list[Path] = []
    skipped: list[Problem] = []
    errors: list[Problem] = []
    given = [Path(p) for p in paths]
    for path in given:
        if path.is_dir():
            _walk(path, found, skipped)
        elif path.is_file():
            problem = _not_html(path)
            if problem:
                errors.append(Problem(path, None, None, problem))
            else:
                found.append(path)
        elif path.is_symlink() or path.exists():
            errors.append(Problem(path, None, None, "not a regular file"))
        else:
            errors.append(Problem(path, None, None, "no such file or folder"))
    if errors:
        raise PipelineError(errors)
    if not found:
        where = ", ".join(str(p) for p in given) or "."
        raise PipelineError(f"no .html files found in {where}")
    return Discovery(tuple(dict.fromkeys(found)), tuple(skipped))


def _walk(folder: Path, found: list[Path], skipped: list[Problem]) -> None:
    for top, dirs, files in os.walk(folder):
        dirs[:] = sorted(
            d for d in dirs if not d.startswith(".") and d not in SKIP_DIRS
        )
        for name in sorted(files):
            if not name.lower().endswith(HTML_SUFFIXES):
                continue
            path = Path(top, name)
            try:
                mode = path.stat().st_mode
            except OSError:
                skipped.append(Problem(path, None, None, "skipped: dangling symlink"))
                continue
            if not stat.S_ISREG(mode):
                skipped.append(Problem(path, None, None, "skipped: not a regular file"))
            elif not _is_own_report(path):
                found.append(path)


def _is_own_report(path: Path) -> bool:
    """seo-pipeline's own HTML report (`-o report.html` and its page files)."""
    try:
        with path.open("rb") as handle:
            head = handle.read(_SNIFF_BYTES)
    except OSError:
        return False
    return REPORT_MARKER in head


def _not_html(path: Path) -> str | None:
    """Why a named file is not an HTML page, or None when it is one."""
    if path.suffix.lower() in HTML_SUFFIXES:
        return None
    try:
        with path.open("rb") as handle:
            head = handle.read(_SNIFF_BYTES)
    except OSError as exc:
        return f"cannot read: {exc.strerror or exc}"
    lowered = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if b"\0" not in head and any(marker in lowered for marker in _HTML_MARKERS):
        return None
    return "not an HTML page (give .html or .htm files, or folders of them)"


def folder_files(folder: Path) -> frozenset[str]:
    """Every file under `folder` (not only pages; hidden folders skipped) as a
    site path: `/images/x.jpg`, `/slug/index.html`. What local images and
    links may point at when the folder is checked (SITE604)."""
    found: set[str] = set()
    for top, dirs, files in os.walk(folder, followlinks=True):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        rel = Path(top).relative_to(folder).as_posix()
        prefix = "/" if rel == "." else f"/{rel}/"
        found.update(f"{prefix}{name}" for name in files)
    return frozenset(found)


def manifest_folders(paths: Iterable[str | Path]) -> list[Path]:
    """For each checked path, the nearest folder at or above it with a manifest."""
    folders: list[Path] = []
    for given in paths:
        path = Path(given).resolve()
        start = path if path.is_dir() else path.parent
        for folder in (start, *start.parents):
            if (folder / MANIFEST).is_file():
                folders.append(folder)
                break
    return list(dict.fromkeys(folders))


def manifest_meta(folders: Iterable[Path]) -> dict[Path, PageMeta]:
    """Each built page's `PageMeta`, by resolved path, from build manifests.

    A manifest that is missing, unreadable or not seo-pipeline's is ignored:
    the pages are then checked as third-party pages.
    """
    metas: dict[Path, PageMeta] = {}
    for folder in folders:
        try:
            data = json.loads((folder / MANIFEST).read_text("utf-8"))
        except (OSError, ValueError):
            continue
        if not isinstance(data, Mapping) or data.get("generator") != "seo-pipeline":
            continue
        rows = data.get("pages")
        for row in rows if isinstance(rows, list) else ():
            if isinstance(row, Mapping) and isinstance(row.get("path"), str):
                meta = row.get("meta")
                if isinstance(meta, Mapping):
                    where = (folder / row["path"]).resolve()
                    metas[where] = PageMeta.from_json(meta)
    return metas


def read_pages(
    files: Sequence[Path],
    *,
    keyphrase: str | None = None,
    metas: Mapping[Path, PageMeta] | None = None,
    base: Path | None = None,
) -> list[PageInput]:
    """Read each file as bytes (decoding is the parser's job: bad UTF-8 is a
    finding, META514, never an input error)."""
    pages = []
    for path in files:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise PipelineError(
                [Problem(path, None, None, f"cannot read: {exc.strerror or exc}")]
            ) from None
        meta = (metas or {}).get(path.resolve(), NO_META).with_keyphrase(keyphrase)
        pages.append(PageInput(display_path(path, base), data, meta))
    return pages
