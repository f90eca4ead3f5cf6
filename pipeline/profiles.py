"""PROFILES: the named threshold sets, and the snippet budgets they resolve to.

Data below both the build and the checks: `derive` fits descriptions to a
profile's budgets and the length rules measure against the same numbers, so
neither stage imports the other's configuration.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final, Literal

from pipeline.suggest import did_you_mean
from pipeline.textmetrics import MOBILE_DESCRIPTION_BUDGET_PX

Kind = Literal["title", "description"]

PROFILES: Final[Mapping[str, Mapping[str, Mapping[str, Any]]]] = {
    "default": {},
    # Yoast SEO's snippet preview: green between 120 and 156 characters.
    "yoast": {"length": {"description-min-chars": 120, "description-max-chars": 156}},
    # Screaming Frog SEO Spider's default preferences (Config > Spider > Preferences).
    "screaming-frog": {
        "length": {
            "title-min-chars": 30,
            "title-max-chars": 60,
            "title-min-px": 200,
            "title-max-px": 561,
            "description-min-chars": 70,
            "description-max-chars": 155,
            "description-min-px": 400,
            "description-max-px": 985,
        }
    },
    # Rank Math's snippet editor: over its pixel budget is shown as a failure.
    "rank-math": {
        "length": {
            "title-max-chars": 60,
            "title-max-px": 580,
            "description-max-chars": 160,
            "description-max-px": 920,
        },
        "severity": {"LEN102": "error", "LEN104": "error"},
    },
}
"""Named threshold sets: family options (by family table) plus severity overrides."""


@dataclass(frozen=True, slots=True)
class SnippetLimits:
    """Character and pixel budgets of a result snippet (one check profile).

    The defaults are the `default` profile's, and the length family's option
    defaults (`pipeline.checks.length.LengthOptions`) are these same numbers.
    """

    profile: str = "default"
    title_max_chars: int = 60
    title_max_px: float = 580
    description_max_chars: int = 155
    description_max_px: float = 920
    mobile_description_max_px: float = MOBILE_DESCRIPTION_BUDGET_PX
    """Not in the profiles: the common 680 px SERP-preview model of mobile."""

    def max_chars(self, kind: Kind) -> int:
        """Character budget of a title or description."""
        return self.title_max_chars if kind == "title" else self.description_max_chars

    def max_px(self, kind: Kind, *, mobile: bool = False) -> float:
        """Pixel budget of a title or description (desktop, or mobile)."""
        if kind == "title":
            return self.title_max_px
        return self.mobile_description_max_px if mobile else self.description_max_px

    def replace(self, **changes: Any) -> SnippetLimits:
        """A copy with some budgets changed (e.g. the site's character budget)."""
        return dataclasses.replace(self, **changes)


DEFAULT_LIMITS: Final = SnippetLimits()

_BUDGETS: Final = (
    "title-max-chars",
    "title-max-px",
    "description-max-chars",
    "description-max-px",
)


def check_profile(name: str) -> str:
    """`name` when it is a profile; else `ValueError` with a did-you-mean."""
    if name not in PROFILES:
        raise ValueError(
            f"unknown profile {name!r}{did_you_mean(name, PROFILES)}"
            f" (known: {', '.join(PROFILES)})"
        )
    return name


def limits_for(
    profile: str = "default", length: Mapping[str, Any] | None = None
) -> SnippetLimits:
    """The snippet budgets of a profile, with a user's length table on top.

    `length` holds length-family options by their kebab-case names
    (`description-max-chars`); options that are not budgets are ignored.
    Raises `ValueError` for an unknown profile.
    """
    table = {**PROFILES[check_profile(profile)].get("length", {}), **(length or {})}
    values = {key.replace("-", "_"): table[key] for key in _BUDGETS if key in table}
    return SnippetLimits(profile=profile, **values)
