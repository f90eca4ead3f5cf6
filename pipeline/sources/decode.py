"""Bytes → text for every reader: UTF-8 (BOM dropped), `\\n` line endings."""

from __future__ import annotations

from pathlib import Path

from pipeline.errors import ContentError, Problem


def normalise_newlines(text: str) -> str:
    """Drop a leading BOM and turn CRLF / CR into LF."""
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def decode_text(data: bytes, source: str | Path = "-") -> str:
    """UTF-8 (with or without BOM) → text; invalid bytes are an error at their line."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ContentError([Problem(source, line, None, "not valid UTF-8")]) from None
    return normalise_newlines(text)


def read_text(path: Path) -> str:
    """A content file as text (see `decode_text`); unreadable files are errors."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ContentError(
            [Problem(path, None, None, exc.strerror or str(exc))]
        ) from None
    return decode_text(data, path)
