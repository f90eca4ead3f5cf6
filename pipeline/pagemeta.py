"""PageMeta: what a page's content file knows that its HTML does not say.

The hand-off from BUILD to CHECK. `derive` makes one from the `Article`
(keyphrase, audience, the claimed description length, suppressions, the
source map), the command line makes one from `--keyphrase`, and `build`
records each page's in `manifest.json`, so `check output/` judges a built
page exactly as `build` did.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pipeline.findings import SourceMap
from pipeline.suppressions import Suppression


@dataclass(frozen=True, slots=True)
class PageMeta:
    """Facts about a page from outside its HTML; every field is optional."""

    slug: str | None = None
    """The content's slug (else the page's canonical URL or file name is used)."""
    keyphrase: str | None = None
    """Focus keyphrase: enables the KEY7xx rules."""
    audience: str | None = None
    """Readability audience (`general`, `health`, `kids` …), over the config's."""
    description_claimed_length: int | None = None
    """The length a draft claimed for its description (LEN110 checks it)."""
    disabled: frozenset[str] = frozenset()
    """Rule codes or prefixes suppressed for this page (front matter)."""
    source: SourceMap | None = None
    """Where the page's parts came from in its content file."""
    unmapped: tuple[str, ...] = ()
    """Front-matter keys of another generator that nothing uses (kept in `extra`)."""
    suppressions: tuple[Suppression, ...] = ()
    """The content file's suppressions at their content lines: comments in the
    Markdown body (`disable=`, `disable-next-line=`) and `seo-pipeline-disable`."""

    def with_keyphrase(self, keyphrase: str | None) -> PageMeta:
        """A copy whose keyphrase is `keyphrase` when given (the `--keyphrase` flag)."""
        phrase = (keyphrase or "").strip()
        if not phrase:
            return self
        return dataclasses.replace(self, keyphrase=phrase)

    def to_json(self) -> dict[str, Any]:
        """The manifest form: only the fields that are set."""
        data: dict[str, Any] = {}
        for name in ("slug", "keyphrase", "audience", "description_claimed_length"):
            value = getattr(self, name)
            if value is not None:
                data[name] = value
        if self.disabled:
            data["disabled"] = sorted(self.disabled)
        if self.unmapped:
            data["unmapped"] = list(self.unmapped)
        if self.suppressions:
            data["suppressions"] = [s.to_json() for s in self.suppressions]
        if self.source is not None:
            data["source"] = {
                "path": self.source.path,
                "lines": dict(self.source.lines),
            }
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> PageMeta:
        """Read `to_json`'s form back; wrong types are dropped, never trusted."""
        source = data.get("source")
        source_map = None
        if isinstance(source, Mapping) and isinstance(source.get("path"), str):
            lines = source.get("lines")
            source_map = SourceMap(
                source["path"],
                {
                    str(k): v
                    for k, v in (lines.items() if isinstance(lines, Mapping) else ())
                    if isinstance(v, int) and not isinstance(v, bool)
                },
            )
        disabled = data.get("disabled")
        unmapped = data.get("unmapped")
        kept = data.get("suppressions")
        suppressions = tuple(
            s
            for s in map(Suppression.from_json, kept if isinstance(kept, list) else ())
            if s is not None
        )
        claimed = data.get("description_claimed_length")
        return cls(
            slug=_text(data.get("slug")),
            keyphrase=_text(data.get("keyphrase")),
            audience=_text(data.get("audience")),
            description_claimed_length=claimed
            if isinstance(claimed, int) and not isinstance(claimed, bool)
            else None,
            disabled=frozenset(
                str(c).strip().upper() for c in disabled if str(c).strip()
            )
            if isinstance(disabled, list)
            else frozenset(),
            source=source_map,
            unmapped=tuple(str(k) for k in unmapped)
            if isinstance(unmapped, list)
            else (),
            suppressions=suppressions,
        )


def _text(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


NO_META = PageMeta()
"""The meta of a page nothing is known about (a third-party page)."""

__all__ = ["NO_META", "PageMeta"]
