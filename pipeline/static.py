"""STATIC: the files of `static-dir` (default `static/`), copied into the output unchanged.

`static_files` reads them as `OutputFile`s with bytes content, so they go
through `pipeline.write.write_files` like every generated file: written
atomically, listed in `manifest.json`, and removed from the output when they
are removed from `static/`. `with_static` adds them to a build's files and
refuses a static file that would replace a generated one (a page, the report,
`sitemap.xml`, `manifest.json`): that is an error, never a silent overwrite.

Hidden files and folders (`.gitkeep`, `.DS_Store`, `.git/`) are not copied.
Symbolic links are followed; a broken one, or a name that is not a regular
file (a pipe, a device), is an error, as in the content folder.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Sequence
from pathlib import Path

from pipeline.errors import OutputError, Problem
from pipeline.paths import display_path
from pipeline.write import OutputFile

__all__ = ["static_files", "with_static"]


def static_files(
    folder: Path | None, output_dir: Path, root: Path | None = None
) -> list[OutputFile]:
    """Every file under `folder` as an `OutputFile` (path relative to `folder`).

    A missing folder gives no files. `root` is the project folder problems
    are shown relative to. The folder must not contain the output folder nor
    sit inside it (the output would be copied into itself).
    """
    if folder is None or not folder.is_dir():
        return []
    root = root or Path.cwd()
    here, out = folder.resolve(), output_dir.resolve()
    if here == out or out.is_relative_to(here) or here.is_relative_to(out):
        raise OutputError(
            [
                Problem(
                    display_path(folder, root),
                    None,
                    "static_dir",
                    "must not contain the output folder nor be inside it "
                    f"({display_path(output_dir, root)})",
                )
            ]
        )
    found: list[OutputFile] = []
    problems: list[Problem] = []
    for top, dirs, names in os.walk(folder, followlinks=True):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            if name.startswith("."):
                continue
            path = Path(top) / name
            rel = path.relative_to(folder).as_posix()
            try:
                mode = os.stat(path).st_mode
                if not stat.S_ISREG(mode):
                    raise OSError(0, "not a regular file")
                found.append(OutputFile(rel, path.read_bytes()))
            except OSError as exc:
                reason = (
                    "broken symbolic link"
                    if path.is_symlink() and not path.exists()
                    else f"cannot copy: {exc.strerror or exc}"
                )
                problems.append(Problem(display_path(path, root), None, None, reason))
    if problems:
        raise OutputError(problems)
    return found


def with_static(
    generated: Sequence[OutputFile],
    static: Sequence[OutputFile],
    reserved: Sequence[str] = (),
    folder: Path | str = "static",
) -> list[OutputFile]:
    """`generated` followed by `static`; a static file with the path of a
    generated one (or of a `reserved` name such as `manifest.json`) is an error."""
    taken = {f.rel_path for f in generated} | set(reserved)
    folders = {parent for rel in taken for parent in _parents(rel)}
    clashes: list[Problem] = []
    for f in static:
        clash = next(
            (p for p in (f.rel_path, *_parents(f.rel_path)) if p in taken), None
        )
        if clash is None and f.rel_path in folders:
            clash = f"folder {f.rel_path}/"
        if clash is not None:
            clashes.append(
                Problem(
                    f"{display_path(folder)}/{f.rel_path}",
                    None,
                    None,
                    f"would replace the generated {clash}; rename or remove it",
                )
            )
    if clashes:
        raise OutputError(clashes)
    return [*generated, *static]


def _parents(rel_path: str) -> list[str]:
    """`a/b/c.png` → `["a", "a/b"]`."""
    parts = rel_path.split("/")[:-1]
    return ["/".join(parts[: n + 1]) for n in range(len(parts))]
