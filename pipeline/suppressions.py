"""SUPPRESSIONS: where a page says not to report a rule, and on which line.

Three forms, read once and handed to the runner:

* `<!-- seo-pipeline: disable=LEN103,HEAD -->` in HTML or in a Markdown body:
  the whole page;
* `<!-- seo-pipeline: disable-next-line=LEN103 -->` in HTML or in a Markdown
  body: findings on the line after the comment (in the HTML file, or in the
  content file for a built page);
* `# seo-pipeline: disable-next-line=LEN103` (or `disable=`) as a comment line
  in front matter or a YAML content file: the field on the next line (the
  content line findings about it point at), or the whole page;
* `seo-pipeline-disable: [LEN103]` in front matter: the whole page.

A Markdown body's comments never reach the built page: the sanitiser drops
HTML comments, so they are read from the content file (`PageMeta`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

COMMENT: Final = re.compile(
    r"<!--\s*seo-pipeline:\s*(disable|disable-next-line)\s*=\s*([^>]*?)\s*-->"
)
LINE_COMMENT: Final = re.compile(
    r"^[ \t]*#[ \t]*seo-pipeline:[ \t]*(disable|disable-next-line)[ \t]*=[ \t]*"
    r"([A-Za-z0-9_, \t-]*?)[ \t]*$"
)
"""The same in YAML or TOML front matter (and YAML content files), as a
`# seo-pipeline: disable-next-line=LEN103` comment line above a field."""


@dataclass(frozen=True, slots=True)
class Suppression:
    """One suppression: its codes as written, where it is, what it covers."""

    codes: tuple[str, ...]
    """Codes, prefixes or rule names, upper-cased (`LEN103`, `HEAD`)."""
    line: int | None
    """Line of the comment or field (where an unused-suppression finding points)."""
    column: int | None = None
    target: int | None = None
    """The line it covers (`disable-next-line`); None: the whole page."""
    text: str = ""
    """The comment or field as written."""

    @property
    def next_line(self) -> bool:
        """A `disable-next-line` comment."""
        return self.target is not None

    def to_json(self) -> list[Any]:
        """`[line, target, codes, text]` for the build manifest."""
        return [self.line, self.target, list(self.codes), self.text]

    @classmethod
    def from_json(cls, data: Any) -> Suppression | None:
        """`to_json`'s form back; anything malformed is dropped (None)."""
        if not isinstance(data, list) or len(data) not in (3, 4):
            return None
        line, target, codes, *rest = data
        text = rest[0] if rest and isinstance(rest[0], str) else ""
        if not all(v is None or _is_int(v) for v in (line, target)):
            return None
        if not isinstance(codes, list) or not all(isinstance(c, str) for c in codes):
            return None
        return cls(tuple(c.upper() for c in codes), line, None, target, text)


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def split_codes(text: str) -> tuple[str, ...]:
    """`"LEN103, head"` → `("LEN103", "HEAD")`."""
    return tuple(c.strip().upper() for c in re.split(r"[,\s]+", text) if c.strip())


def scan(text: str, *, first_line: int = 1) -> tuple[Suppression, ...]:
    """Every suppression comment in `text` (HTML, or a Markdown body whose
    first line is line `first_line` of its file)."""
    found = []
    for match in COMMENT.finditer(text):
        start = match.start()
        line = first_line + text.count("\n", 0, start)
        column = start - (text.rfind("\n", 0, start) + 1) + 1
        end_line = first_line + text.count("\n", 0, match.end())
        target = end_line + 1 if match.group(1) == "disable-next-line" else None
        found.append(
            Suppression(
                split_codes(match.group(2)), line, column, target, match.group(0)
            )
        )
    return tuple(found)


def page_codes(suppressions: Iterable[Suppression]) -> frozenset[str]:
    """The codes of the whole-page suppressions."""
    return frozenset(c for s in suppressions if not s.next_line for c in s.codes)


def matches(code: str, name: str, prefix: str) -> bool:
    """Whether a suppression entry (code, prefix or rule name) covers a rule."""
    return code.startswith(prefix.upper()) or prefix.lower() == name


def from_front_matter(
    codes: Sequence[str], lines: Mapping[str, int]
) -> tuple[Suppression, ...]:
    """The front matter's `seo-pipeline-disable` list, at its line."""
    cleaned = tuple(c.strip().upper() for c in codes if c.strip())
    if not cleaned:
        return ()
    line = lines.get("seo-pipeline-disable") or lines.get("seo_pipeline_disable")
    return (Suppression(cleaned, line, None, None, "seo-pipeline-disable"),)


def scan_lines(lines: Sequence[str], *, first_line: int = 1) -> tuple[Suppression, ...]:
    """`# seo-pipeline: …` comment lines (front matter, YAML content files)."""
    found = []
    for offset, text in enumerate(lines):
        match = LINE_COMMENT.match(text)
        if match is None:
            continue
        line = first_line + offset
        target = line + 1 if match.group(1) == "disable-next-line" else None
        found.append(
            Suppression(
                split_codes(match.group(2)),
                line,
                text.index("#") + 1,
                target,
                text.strip(),
            )
        )
    return tuple(found)


def in_content_file(suffix: str, text: str, body_line: int) -> tuple[Suppression, ...]:
    """The comment-line suppressions of a content file's front matter (Markdown,
    lines 2 to the closing fence) or of a whole YAML file."""
    lines = text.split("\n")
    if suffix in (".yaml", ".yml"):
        return scan_lines(lines)
    if suffix in (".md", ".markdown") and body_line > 2:
        return scan_lines(lines[1 : body_line - 2], first_line=2)
    return ()
