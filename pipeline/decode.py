"""Bytes → text for every reader: the one place that knows BOMs, UTF-8 and charsets.

- `decode_text` (content files and drafts): UTF-8 with or without BOM, `\\n`
  line endings; invalid bytes are an error at their line.
- `decode_html` (HTML pages, checked or imported): a BOM (UTF-8 or UTF-16),
  else strict UTF-8, else the charset the page declares (`<meta charset>`,
  `http-equiv`, `<?xml encoding?>`), else UTF-8 with U+FFFD replacement and
  an `EncodingIssue` at the first bad byte.
"""

from __future__ import annotations

import re
from pathlib import Path

from pipeline.errors import ContentError, Problem
from pipeline.facts_types import EncodingIssue

_CHARSET = re.compile(
    rb"""(?:<meta[^>]+charset|<\?xml[^>]+encoding)\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""",
    re.I,
)
_UTF8 = {"utf8", "unicode11utf8"}


def normalise_newlines(text: str) -> str:
    """Drop a leading BOM and turn CRLF / CR into LF."""
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def byte_position(data: bytes, index: int) -> tuple[int, int]:
    """1-based (line, column) of the byte at `index`, counting bytes in the line."""
    line = data.count(b"\n", 0, index) + 1
    return line, index - (data.rfind(b"\n", 0, index) + 1) + 1


def decode_text(data: bytes, source: str | Path = "-") -> str:
    """UTF-8 (with or without BOM) → text; invalid bytes are an error at their line."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line, _ = byte_position(data, exc.start)
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


def decode_html(data: bytes) -> tuple[str, EncodingIssue | None]:
    """Decode page bytes: BOM, else strict UTF-8, else a declared charset.

    Invalid UTF-8 with no other declared charset is decoded with U+FFFD
    replacement and reported as an `EncodingIssue` (a finding, not a crash:
    one bad byte should not stop a site-wide check, and its position is kept).
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), None
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        start = exc.start
    declared = _CHARSET.search(data[:4096])
    if declared:
        name = declared.group(1).decode("ascii").lower()
        if name.replace("-", "").replace("_", "") not in _UTF8:
            try:
                return data.decode(name, errors="replace"), None
            except LookupError:
                pass
    line, column = byte_position(data, start)
    issue = EncodingIssue(
        f"not valid UTF-8 at line {line}, column {column} "
        f"(byte 0x{data[start]:02x}); decoded with U+FFFD",
        line,
        column,
    )
    return data.decode("utf-8", errors="replace"), issue
