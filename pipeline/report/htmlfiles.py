"""Write the html report's files beside a report file (`check -o report.html`).

`build` writes `htmlreport.output_files` into the output folder with the rest
of the site; a report file named on the command line gets its page files in
a folder of its own beside it, `<stem>_files/` (`report.html` →
`report_files/1.html` …, `report_files/report.css`), as a browser saves a
complete page. Every file is written atomically; the index goes last, so it
never links to a page file that is not there yet. Page files of an earlier,
larger run (`<n>.html` past the last page) are removed from that folder;
nothing else in it is touched.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Sequence
from pathlib import Path

from pipeline.checks.runner import CheckResult
from pipeline.errors import PipelineError, Problem
from pipeline.report.context import ReportContext
from pipeline.report.htmlreport import output_files, page_files_folder
from pipeline.write import atomic_write

_PAGE_FILE = re.compile(r"^[1-9][0-9]*\.html$")


def write_beside(
    output: Path,
    result: CheckResult,
    context: ReportContext,
    inputs: Sequence[Path] = (),
) -> str:
    """Write the index to `output` and its page files beside it; the index.

    `inputs` (the files the run read) are never overwritten.
    """
    folder = page_files_folder(output.name)
    files = output_files(result, context, index=output.name, pages=folder)
    read = {_resolved(p) for p in inputs}
    for f in files[1:]:
        target = output.parent / f.rel_path
        if _resolved(target) in read:
            raise PipelineError(
                [
                    Problem(
                        target,
                        None,
                        None,
                        "is one of the input files; refusing to overwrite it "
                        "with a report",
                    )
                ]
            )
        _write(target, f.content)
    _remove_stale(output.parent / folder, {posixpath_name(f.rel_path) for f in files})
    index = files[0].content
    assert isinstance(index, str)
    _write(output, index)
    return index


def posixpath_name(rel_path: str) -> str:
    """The last part of a `/`-separated path."""
    return rel_path.rsplit("/", 1)[-1]


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path.absolute()


def _write(target: Path, content: str | bytes) -> None:
    try:
        atomic_write(target, content)
    except OSError as exc:
        raise PipelineError(
            [Problem(target, None, None, f"cannot write report: {exc.strerror or exc}")]
        ) from None


def _remove_stale(folder: Path, current: set[str]) -> None:
    try:
        names = os.listdir(folder)
    except OSError:
        return
    for name in names:
        if _PAGE_FILE.match(name) and name not in current:
            with contextlib.suppress(OSError):
                os.unlink(folder / name)


__all__ = ["write_beside"]
