"""CHECK config: which rules run, how severe they are, and their thresholds.

`CheckConfig` is validated from the `[tool.seo-pipeline]` table (or
`seo-pipeline.toml`); keys are kebab-case in TOML and snake_case in Python
(both are accepted). Each rule family's options live in a sub-table named
after the family (`[tool.seo-pipeline.length]`), validated by the family's
options model. Named profiles are data (`PROFILES`): they set family options
and severities, and the user's own tables override them.
"""

from __future__ import annotations

import difflib
import fnmatch
from collections.abc import Iterable, Mapping
from typing import Any, Literal

from pydantic import (
    BaseModel,
    Field,
    PrivateAttr,
    ValidationError,
    model_validator,
)

from pipeline.checks.registry import FAMILIES, REGISTRY, Options
from pipeline.findings import Severity
from pipeline.settings import SETTINGS, kebab

SeverityName = Literal["info", "warning", "error"]

PROFILES: dict[str, dict[str, Any]] = {
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
"""Named threshold sets: family options plus severity overrides."""


def _did_you_mean(value: str, known: Iterable[str]) -> str:
    guess = difflib.get_close_matches(value, list(known), n=1, cutoff=0.6)
    return f"; did you mean {guess[0]!r}?" if guess else ""


def _selector_known(selector: str) -> bool:
    s = selector.strip()
    return (
        s.upper() == "ALL"
        or any(code.startswith(s.upper()) for code in REGISTRY)
        or any(rule.name == s.lower() for rule in REGISTRY.values())
    )


class CheckConfig(BaseModel):
    """Settings of `seo-pipeline check` (and of the checks `build` runs)."""

    model_config = SETTINGS

    select: list[str] = Field(default_factory=lambda: ["ALL"])
    """Rules to run: codes, code prefixes (`LEN`, `HEAD3`), rule names or `ALL`."""
    extend_select: list[str] = Field(default_factory=list)
    """Rules to run in addition to `select`."""
    ignore: list[str] = Field(default_factory=list)
    """Rules not to run; the most specific prefix wins over `select`."""
    per_file_ignores: dict[str, list[str]] = Field(default_factory=dict)
    """Glob (matched against the page path and its content file) → codes to ignore."""
    profile: str = "default"
    """Threshold profile: default, yoast, screaming-frog or rank-math."""
    fail_on: Literal["info", "warning", "error", "never"] = "error"
    """Lowest severity that makes the exit code 1 (`never`: always 0)."""
    jobs: int = Field(default=0, ge=0)
    """Worker processes for 64 pages or more (0: one per CPU; 1: no workers)."""
    severity: dict[str, SeverityName] = Field(default_factory=dict)
    """Severity overrides by code prefix or rule name (`LEN104 = "error"`)."""
    length: dict[str, Any] = Field(default_factory=dict)
    """Options of the length family (LEN1xx)."""
    readability: dict[str, Any] = Field(default_factory=dict)
    """Options of the readability family (READ2xx)."""
    headings: dict[str, Any] = Field(default_factory=dict)
    """Options of the headings family (HEAD3xx)."""
    structured_data: dict[str, Any] = Field(default_factory=dict)
    """Options of the structured-data family (SD4xx)."""
    metadata: dict[str, Any] = Field(default_factory=dict)
    """Options of the metadata family (META5xx)."""
    site: dict[str, Any] = Field(default_factory=dict)
    """Options of the site family (SITE6xx)."""
    keyphrase: dict[str, Any] = Field(default_factory=dict)
    """Options of the keyphrase family (KEY7xx)."""

    _options: dict[str, Options] = PrivateAttr(default_factory=dict)
    _severity: dict[str, Severity] = PrivateAttr(default_factory=dict)

    @model_validator(mode="after")
    def _resolve(self) -> CheckConfig:
        if self.profile not in PROFILES:
            raise ValueError(
                f"profile: unknown profile {self.profile!r}"
                f"{_did_you_mean(self.profile, PROFILES)} (known: {', '.join(PROFILES)})"
            )
        names = [*self.select, *self.extend_select, *self.ignore]
        names += [c for codes in self.per_file_ignores.values() for c in codes]
        names += list(self.severity)
        for selector in names:
            if not _selector_known(selector):
                known = [*REGISTRY, *(r.name for r in REGISTRY.values())]
                raise ValueError(
                    f"unknown rule selector {selector!r}{_did_you_mean(selector, known)}"
                )
        profile = PROFILES[self.profile]
        severity = {**profile.get("severity", {}), **self.severity}
        self._severity = {k.upper(): Severity.parse(v) for k, v in severity.items()}
        for name, family in FAMILIES.items():
            user = getattr(self, name.replace("-", "_"), None) or {}
            merged = {**profile.get(name, {}), **{kebab(k): v for k, v in user.items()}}
            self._options[name] = _validate_options(name, family.options, merged)
        return self

    def options_for(self, family: str) -> Options:
        """The resolved options of a family (defaults ← profile ← user table)."""
        return self._options[family]

    @property
    def severity_overrides(self) -> Mapping[str, Severity]:
        """Profile severities updated by the user's `severity` table."""
        return self._severity

    @property
    def selected(self) -> list[str]:
        """`select` plus `extend-select`."""
        return [*self.select, *self.extend_select]

    @property
    def fail_threshold(self) -> Severity | None:
        """The severity at or above which the exit code is 1 (None: never)."""
        return None if self.fail_on == "never" else Severity.parse(self.fail_on)

    def ignored_for(self, *paths: str | None) -> list[str]:
        """Codes ignored for a page by `per-file-ignores` (any path may match)."""
        found: list[str] = []
        for pattern, codes in self.per_file_ignores.items():
            for path in paths:
                if path and _glob_match(path, pattern):
                    found.extend(codes)
                    break
        return found


def _glob_match(path: str, pattern: str) -> bool:
    path = path.replace("\\", "/").removeprefix("./")
    return fnmatch.fnmatchcase(path, pattern) or fnmatch.fnmatchcase(
        path, f"*/{pattern.removeprefix('./')}"
    )


def _validate_options(
    family: str, model: type[Options], values: Mapping[str, Any]
) -> Options:
    """Validate a family table; unknown keys get a did-you-mean."""
    known = [kebab(n) for n in model.model_fields]
    for key in values:
        if kebab(key) not in known:
            raise ValueError(
                f"{family}.{key}: unknown option{_did_you_mean(kebab(key), known)}"
                f" (known: {', '.join(known)})"
            )
    try:
        return model.model_validate(dict(values))
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        where = ".".join(str(p) for p in first["loc"])
        raise ValueError(f"{family}.{where}: {first['msg']}") from None
