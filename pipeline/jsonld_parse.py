"""Reading a JSON-LD `<script>`: strict JSON first, then a lenient repair.

`parse(raw)` decodes the text of a `<script type="application/ld+json">` as
strict JSON (RFC 8259, which JSON-LD 1.1 requires: "A JSON-LD document MUST be
valid JSON text", https://www.w3.org/TR/json-ld11/#json-ld-grammar). When that
fails it repairs what lenient consumers (browsers' and crawlers' forgiving
readers, JSON5) accept, as long as the repair is unambiguous:

* raw control characters (a line break, a tab) inside a string are escaped;
* `//` and `/* */` comments outside strings are removed (this also covers the
  `//<![CDATA[` … `//]]>` wrapper);
* a comma before `}` or `]` (a trailing comma) is removed;
* an HTML comment `<!--` … `-->` around the whole JSON is removed, and so is
  a byte order mark before it;
* `NaN`, `Infinity` and `-Infinity` are read as numbers.

Anything else (a missing comma, single quotes, unquoted keys) is left as an
error: guessing there could invent data. A repaired block keeps its `error`
(SD401 reports it) and carries the repaired `data` and a `repair` note, so the
other rules still run and say the block needed repair.

Strict or repaired, decoding also notes what RFC 8259 calls interoperability
problems (`issues`): duplicate keys in an object ("The names within an object
SHOULD be unique", §4; the last value is kept, as JavaScript's `JSON.parse`
does) and numbers beyond what IEEE 754 binary64 holds (§6), among them
integers of more than 4,300 digits, which Python refuses to convert: they are
read as infinity instead of crashing the run.
"""

from __future__ import annotations

import json
import math
import re
import sys
from dataclasses import dataclass
from typing import Any

__all__ = ["Parsed", "parse"]

_CONSTANTS = {"NaN": math.nan, "Infinity": math.inf, "-Infinity": -math.inf}
_CONSTANT_RE = re.compile(r"-?Infinity|NaN")
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


@dataclass(frozen=True, slots=True)
class Parsed:
    """A decoded block: `data` (None if it could not be read), the strict
    parse's `error` with its 1-based `line`/`column` in the script text, the
    `repair` applied when `data` comes from the lenient reading, and `issues`."""

    data: Any
    error: str | None = None
    line: int | None = None
    column: int | None = None
    repair: str | None = None
    issues: tuple[str, ...] = ()


class _NotJson(ValueError):
    """A NaN/Infinity constant in the strict parse."""


def _int_limit() -> int:
    get = getattr(sys, "get_int_max_str_digits", None)
    limit = get() if get is not None else 0
    return limit if limit > 0 else 4300


class _Decoder:
    """`json.loads` with hooks that record duplicate keys and huge numbers."""

    def __init__(self, *, constants: bool) -> None:
        self.constants = constants
        self.duplicates: list[str] = []
        self.huge: list[str] = []

    def pairs(self, items: list[tuple[str, Any]]) -> dict[str, Any]:
        obj: dict[str, Any] = {}
        for key, value in items:
            if key in obj and key not in self.duplicates:
                self.duplicates.append(key)
            obj[key] = value
        return obj

    def integer(self, text: str) -> int | float:
        digits = len(text.lstrip("-"))
        if digits > _int_limit():
            self.huge.append(f"an integer of {digits:,} digits")
            return -math.inf if text.startswith("-") else math.inf
        return int(text)

    def real(self, text: str) -> float:
        value = float(text)
        if math.isinf(value):
            self.huge.append(f"the number {text[:20]}{'…' if len(text) > 20 else ''}")
        return value

    def constant(self, name: str) -> float:
        if not self.constants:
            raise _NotJson(name)
        return _CONSTANTS[name]

    def loads(self, text: str) -> Any:
        return json.loads(
            text,
            object_pairs_hook=self.pairs,
            parse_int=self.integer,
            parse_float=self.real,
            parse_constant=self.constant,
        )

    @property
    def issues(self) -> tuple[str, ...]:
        found = [f"duplicate key {key!r}" for key in self.duplicates]
        found += [f"{what} beyond what JSON parsers can hold" for what in self.huge]
        return tuple(found)


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _constant_offset(text: str) -> int | None:
    """Where the first NaN/Infinity outside a string is."""
    i, n = 0, len(text)
    while i < n:
        if text[i] == '"':
            i += 1
            while i < n and text[i] != '"':
                i += 2 if text[i] == "\\" else 1
        elif m := _CONSTANT_RE.match(text, i):
            return m.start()
        i += 1
    return None


def _strip_comments_and_controls(text: str) -> tuple[str, set[str]] | None:
    """Comments removed and control characters in strings escaped, reading
    strings as JSON does; None if a string or comment never ends."""
    out: list[str] = []
    done: set[str] = set()
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == '"':
            j, buf = i + 1, ['"']
            while True:
                if j >= n:
                    return None
                ch = text[j]
                if ch == "\\":
                    buf.append(text[j : j + 2])
                    j += 2
                    continue
                j += 1
                if ch == '"':
                    buf.append('"')
                    break
                if ord(ch) < 0x20:
                    buf.append(_ESCAPES.get(ch, f"\\u{ord(ch):04x}"))
                    done.add("control characters in strings escaped")
                else:
                    buf.append(ch)
            out.append("".join(buf))
            i = j
        elif text.startswith("//", i):
            end = text.find("\n", i)
            i = n if end < 0 else end
            done.add("comments removed")
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)
            if end < 0:
                return None
            i = end + 2
            out.append(" ")
            done.add("comments removed")
        else:
            out.append(c)
            i += 1
    return "".join(out), done


def _strip_trailing_commas(text: str) -> tuple[str, bool]:
    """Commas directly (whitespace aside) before `}` or `]`, outside strings."""
    out: list[str] = []
    removed = False
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == '"':
            j = i + 1
            while j < n and text[j] != '"':
                j += 2 if text[j] == "\\" else 1
            out.append(text[i : j + 1])
            i = j + 1
            continue
        if c == ",":
            k = i + 1
            while k < n and text[k] in " \t\r\n":
                k += 1
            if k < n and text[k] in "}]":
                removed = True
                i += 1
                continue
        out.append(c)
        i += 1
    return "".join(out), removed


def _repair(text: str) -> tuple[Any, str, tuple[str, ...]] | None:
    """The lenient reading: data, what was repaired, issues; None if ambiguous."""
    done: list[str] = []
    body = text.strip()
    if body.startswith("\ufeff"):
        body = body[1:].strip()
        done.append("a byte order mark removed")
    if body.startswith("<!--") and body.endswith("-->"):
        body = body[4:-3]
        done.append("an HTML comment <!-- --> around it removed")
    stripped = _strip_comments_and_controls(body)
    if stripped is None:
        return None
    body, fixes = stripped
    done += sorted(fixes)
    body, commas = _strip_trailing_commas(body)
    if commas:
        done.append("trailing commas removed")
    decoder = _Decoder(constants=True)
    try:
        data = decoder.loads(body)
    except (ValueError, RecursionError):
        return None
    if _constant_offset(body) is not None:
        done.append("NaN/Infinity read as numbers")
    if not done:
        return None
    return data, ", ".join(done), decoder.issues


def parse(raw: str) -> Parsed:
    """Decode a JSON-LD script's text (see the module docstring)."""
    decoder = _Decoder(constants=False)
    line: int | None
    column: int | None
    try:
        return Parsed(decoder.loads(raw), issues=decoder.issues)
    except json.JSONDecodeError as exc:
        error, line, column = f"invalid JSON: {exc.msg}", exc.lineno, exc.colno
    except _NotJson as exc:
        offset = _constant_offset(raw)
        line, column = _line_col(raw, offset) if offset is not None else (None, None)
        error = f"invalid JSON: {exc.args[0]} is not a JSON value"
    except RecursionError:
        return Parsed(None, "invalid JSON: nested too deeply")
    except ValueError as exc:  # any other refusal of the decoder
        return Parsed(None, f"invalid JSON: {exc}")
    repaired = _repair(raw)
    if repaired is None:
        return Parsed(None, error, line, column)
    data, repair, issues = repaired
    return Parsed(data, error, line, column, repair, issues)
