"""IMPORT result: what a draft or an HTML page yields, before it becomes a content file.

`ImportResult.to_markdown()` gives Markdown with YAML front matter that
`pipeline.sources.load_article` reads back without errors.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import yaml

from pipeline.models import Article
from pipeline.slugs import SLUG_RE, slugify


def _field_order() -> list[str]:
    """Front-matter keys in the model's field order (aliases where defined)."""
    return [
        f.alias or name for name, f in Article.model_fields.items() if name != "body"
    ]


FIELD_ORDER: tuple[str, ...] = tuple(_field_order())


@dataclass(frozen=True, slots=True)
class ImportResult:
    """A content file in the making, and what the importer saw on the way.

    `front_matter` holds `Article` fields only, in the model's order (enforced,
    empty values dropped). `unplaced` lists `(line, text)` the importer could
    not place: that text is neither in `front_matter` nor in `body`.
    """

    front_matter: dict[str, Any]
    body: str
    recognised: list[str] = field(default_factory=list)
    unplaced: list[tuple[int, str]] = field(default_factory=list)

    def __post_init__(self) -> None:
        ordered = ordered_front_matter(self.front_matter)
        object.__setattr__(self, "front_matter", ordered)

    def to_markdown(self) -> str:
        """Serialise as `---` fenced YAML front matter followed by the Markdown body."""
        yaml_text = yaml.dump(
            self.front_matter,
            Dumper=_Dumper,
            allow_unicode=True,
            sort_keys=False,
            width=float("inf"),
            default_flow_style=False,
        )
        body = self.body.strip("\n")
        return f"---\n{yaml_text}---\n{body}\n" if body else f"---\n{yaml_text}---\n"

    def slug(self) -> str:
        """The file name stem: the given slug, else one derived from the title."""
        given = self.front_matter.get("slug")
        if isinstance(given, str) and SLUG_RE.match(given):
            return given
        return slugify(str(self.front_matter.get("title", ""))) or "article"


def ordered_front_matter(data: dict[str, Any]) -> dict[str, Any]:
    """Keep only `Article` fields, in the model's order; drop empty values."""
    unknown = set(data) - set(FIELD_ORDER)
    if unknown:
        raise ValueError(f"not Article fields: {', '.join(sorted(unknown))}")
    return {k: data[k] for k in FIELD_ORDER if data.get(k) not in (None, "", [], {})}


def gfm_table(rows: Sequence[Sequence[str]]) -> str:
    """A GFM pipe table; the first row is the header, short rows are padded."""
    width = max(len(row) for row in rows)
    padded = [
        [*(c.replace("|", "\\|") for c in row), *[""] * (width - len(row))]
        for row in rows
    ]
    lines = [padded[0], ["---"] * width, *padded[1:]]
    return "\n".join("| " + " | ".join(cells) + " |" for cells in lines)


def plural(n: int, noun: str) -> str:
    """`1 row`, `3 rows`."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def tables_summary(rows: Sequence[int]) -> list[str]:
    """`1 table (3 rows)`, `2 tables (3, 4 rows)`; nothing without tables."""
    if not rows:
        return []
    if len(rows) == 1:
        return [f"1 table ({plural(rows[0], 'row')})"]
    counts = ", ".join(map(str, rows)) if len(rows) <= 5 else f"{sum(rows)} in all"
    return [f"{len(rows)} tables ({counts} rows)"]


class _Dumper(yaml.SafeDumper):
    """SafeDumper that indents list items under their key, like hand-written YAML."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)
