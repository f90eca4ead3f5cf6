"""IMPORT, shared by drafts and HTML pages: section names, metadata values, state.

Both importers parse slugs and ISO dates the same way and summarise headings
alike; the section names they recognise are `pipeline.vocabulary`'s.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from pipeline.importing.result import plural
from pipeline.slugs import SLUG_RE, slugify


@dataclass
class ImportState:
    """Mutable working state of one import: what goes where so far."""

    front: dict[str, Any] = field(default_factory=dict)
    recognised: list[str] = field(default_factory=list)
    unplaced: list[tuple[int, str]] = field(default_factory=list)


def slug_or_none(candidate: str) -> str | None:
    """`candidate` when it is a valid slug, else its slugified form (None if empty)."""
    return candidate if SLUG_RE.match(candidate) else (slugify(candidate) or None)


def iso_date(value: str) -> dt.date | None:
    """The date `value` starts with (`2024-05-01…`); None if none or invalid."""
    m = re.match(r"\d{4}-\d{2}-\d{2}", value.strip())
    try:
        return dt.date.fromisoformat(m[0]) if m else None
    except ValueError:
        return None


def headings_summary(levels: Sequence[int]) -> list[str]:
    """`3 headings (2 H2, 1 H3)`; nothing without headings."""
    if not levels:
        return []
    by_level = ", ".join(f"{levels.count(lv)} H{lv}" for lv in sorted(set(levels)))
    return [f"{plural(len(levels), 'heading')} ({by_level})"]
