"""Paths as the user sees them: displayed relative to a base folder, HTML by suffix."""

from __future__ import annotations

from pathlib import Path

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
"""File names taken for HTML pages (`check` folders, `import` inputs)."""


def display_path(path: str | Path, base: str | Path | None = None) -> str:
    """`path` relative to `base` (default: the working folder) when under it.

    Always with `/` separators; a path outside `base` is shown as given.
    """
    path = Path(path)
    root = Path(base) if base is not None else Path.cwd()
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except (ValueError, OSError):
        return path.as_posix()
