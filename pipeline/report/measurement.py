"""The `meta` report: a title or description measured against its budgets,
its result-page previews, and the fitted version."""

from __future__ import annotations

import json
from typing import Any

from pipeline.snippets import Measurement


def render_json(measured: Measurement, fitted: Measurement | None, profile: str) -> str:
    """The measurement as JSON (`seo-pipeline meta --format json`)."""
    doc: dict[str, Any] = {"profile": profile, **measured.as_dict()}
    if fitted is not None:
        doc["fitted"] = fitted.as_dict()
    return json.dumps(doc, ensure_ascii=False, indent=2)


def render_text(measured: Measurement, fitted: Measurement | None, profile: str) -> str:
    """The human-readable report of `meta`."""
    lines = [f"{measured.kind} (profile {profile})"]
    lines += _figures(measured)
    lines.append(f"  desktop     {measured.desktop}")
    if measured.mobile != measured.desktop or measured.kind == "description":
        lines.append(f"  mobile      {measured.mobile}")
    if measured.approximate:
        lines.append("  note        approximate: the font lacks some characters")
    if fitted is not None:
        same = " (unchanged: it fits)" if fitted.text == measured.text else ""
        lines.append(f"fitted{same}")
        lines.append(f"  text        {fitted.text}")
        lines += _figures(fitted)
    return "\n".join(lines)


def _figures(m: Measurement) -> list[str]:
    approx = "≈" if m.approximate else ""
    chars = f"{m.chars} / {m.max_chars}"
    px = f"{approx}{m.px:.1f} / {m.max_px:g} px at {m.size_px} px"
    return [
        f"  characters  {chars:<14}{_verdict(m.chars, m.max_chars, '')}",
        f"  pixels      {px:<30}{_verdict(m.px, m.max_px, ' px')}",
    ]


def _verdict(value: float, limit: float, unit: str) -> str:
    if value <= limit:
        return "fits"
    return (
        f"over by {value - limit:.1f}{unit}" if unit else f"over by {value - limit:g}"
    )
