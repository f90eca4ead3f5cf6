"""CHECK config: which rules run, how severe they are, and their thresholds.

`CheckConfig` is validated from the `[tool.seo-pipeline]` table (or
`seo-pipeline.toml`); keys are kebab-case in TOML and snake_case in Python
(both are accepted). Each rule family's options live in a sub-table named
after the family (`[tool.seo-pipeline.length]`), typed by the family's
options model, so the config's JSON Schema names every option. Named profiles
(`pipeline.profiles`) set family options and severities; the options the user
writes override them.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable, Mapping
from typing import Any, Literal

from pydantic import (
    BaseModel,
    Field,
    PrivateAttr,
    ValidationError,
    field_validator,
    model_validator,
)

from pipeline.checks.headings import HeadingsOptions
from pipeline.checks.keyphrase import KeyphraseOptions
from pipeline.checks.length import LengthOptions
from pipeline.checks.metadata import MetadataOptions
from pipeline.checks.readability import ReadabilityOptions
from pipeline.checks.registry import FAMILIES, REGISTRY, Options
from pipeline.checks.site import SiteOptions
from pipeline.checks.structured_data_family import StructuredDataOptions
from pipeline.findings import Severity
from pipeline.profiles import PROFILES, SnippetLimits, check_profile
from pipeline.settings import SETTINGS, kebab
from pipeline.suggest import did_you_mean

SeverityName = Literal["info", "warning", "error"]

MAX_PAGE_BYTES = 10_000_000
"""Default of `max-page-bytes`: 10 MB, far above real pages (a 5 MB page is rare)."""

__all__ = ["PROFILES", "CheckConfig", "SeverityName"]


def _selector_known(selector: str) -> bool:
    s = selector.strip()
    return (
        s.upper() == "ALL"
        or any(code.startswith(s.upper()) for code in REGISTRY)
        or any(rule.name == s.lower() for rule in REGISTRY.values())
    )


def _check_selectors(selectors: Iterable[str]) -> None:
    for selector in selectors:
        if not _selector_known(selector):
            known = [*REGISTRY, *(r.name for r in REGISTRY.values())]
            raise ValueError(
                f"unknown rule selector {selector!r}{did_you_mean(selector, known)}"
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
    profile: str = Field(default="default", json_schema_extra={"enum": list(PROFILES)})
    """Threshold profile: default, yoast, screaming-frog or rank-math."""
    fail_on: Literal["info", "warning", "error", "never"] = "error"
    """Lowest severity that makes the exit code 1 (`never`: always 0)."""
    default_lang: str = "en"
    """Language of pages that declare none: READ and KEY rules read them in it, and say so."""
    max_page_bytes: int = Field(default=MAX_PAGE_BYTES, ge=1)
    """Largest page checked, in bytes; a larger one is reported (META590), not parsed."""
    jobs: int = Field(default=0, ge=0)
    """Worker processes for 64 pages or more (0: one per CPU; 1: no workers)."""
    severity: dict[str, SeverityName] = Field(default_factory=dict)
    """Severity overrides by code prefix or rule name (`LEN104 = "error"`)."""
    length: LengthOptions = Field(default_factory=LengthOptions)
    """Options of the length family (LEN1xx)."""
    readability: ReadabilityOptions = Field(default_factory=ReadabilityOptions)
    """Options of the readability family (READ2xx)."""
    headings: HeadingsOptions = Field(default_factory=HeadingsOptions)
    """Options of the headings family (HEAD3xx)."""
    structured_data: StructuredDataOptions = Field(
        default_factory=StructuredDataOptions
    )
    """Options of the structured-data family (SD4xx)."""
    metadata: MetadataOptions = Field(default_factory=MetadataOptions)
    """Options of the metadata family (META5xx)."""
    site: SiteOptions = Field(default_factory=SiteOptions)
    """Options of the site family (SITE6xx)."""
    keyphrase: KeyphraseOptions = Field(default_factory=KeyphraseOptions)
    """Options of the keyphrase family (KEY7xx)."""

    _options: dict[str, Options] = PrivateAttr(default_factory=dict)
    _severity: dict[str, Severity] = PrivateAttr(default_factory=dict)

    @field_validator("profile")
    @classmethod
    def _known_profile(cls, value: str) -> str:
        return check_profile(value)

    @field_validator("select", "extend_select", "ignore")
    @classmethod
    def _known_selectors(cls, value: list[str]) -> list[str]:
        _check_selectors(value)
        return value

    @field_validator("severity")
    @classmethod
    def _known_severity_keys(cls, value: dict[str, str]) -> dict[str, str]:
        _check_selectors(value)
        return value

    @field_validator("per_file_ignores")
    @classmethod
    def _known_ignores(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        _check_selectors([c for codes in value.values() for c in codes])
        return value

    @model_validator(mode="after")
    def _resolve(self) -> CheckConfig:
        profile = PROFILES[self.profile]
        severity = {**profile.get("severity", {}), **self.severity}
        self._severity = {k.upper(): Severity.parse(v) for k, v in severity.items()}
        for name, family in FAMILIES.items():
            self._options[name] = _resolve_options(
                name, family.options, profile.get(name, {}), self.user_options(name)
            )
        return self

    def user_options(self, family: str) -> dict[str, Any]:
        """The options the user wrote for a family (kebab-case keys)."""
        table = getattr(self, family.replace("-", "_"), None)
        if not isinstance(table, BaseModel):
            return {}
        return {kebab(k): getattr(table, k) for k in sorted(table.model_fields_set)}

    def options_for(self, family: str) -> Options:
        """The resolved options of a family (defaults ← profile ← user table)."""
        return self._options[family]

    def with_overrides(self, **changes: Any) -> CheckConfig:
        """A new config: `changes` replace settings, family tables merge by key.

        `changes["length"] = {"description-max-chars": 100}` keeps the user's
        other length options; lists and scalars replace.
        """
        data: dict[str, Any] = {}
        for name in type(self).model_fields:
            value = getattr(self, name)
            if isinstance(value, Options):
                data[name] = self.user_options(name)
            elif name in self.model_fields_set:
                data[name] = value
        for key, value in changes.items():
            if isinstance(data.get(key), dict) and isinstance(value, Mapping):
                data[key] = {**data[key], **value}
            else:
                data[key] = value
        return CheckConfig.model_validate(data)

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

    @property
    def snippet_limits(self) -> SnippetLimits:
        """The title and description budgets these settings resolve to."""
        options = self.options_for("length")
        assert isinstance(options, LengthOptions)
        return SnippetLimits(
            profile=self.profile,
            title_max_chars=options.title_max_chars,
            title_max_px=options.title_max_px,
            description_max_chars=options.description_max_chars,
            description_max_px=options.description_max_px,
        )

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


def _resolve_options(
    family: str,
    model: type[Options],
    profile: Mapping[str, Any],
    user: Mapping[str, Any],
) -> Options:
    """Defaults ← the profile's table ← the user's options, validated together."""
    try:
        return model.model_validate({**profile, **user})
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        where = ".".join(str(p) for p in first["loc"])
        raise ValueError(f"{family}.{where}: {first['msg']}") from None
