"""The shared shape of every settings model: site, checks and rule options.

TOML keys are kebab-case and Python names snake_case; unknown keys are errors;
settings are immutable; each field's attribute docstring is its documentation.
"""

from __future__ import annotations

from pydantic import ConfigDict


def kebab(name: str) -> str:
    """`description_max_chars` → `description-max-chars` (TOML keys)."""
    return name.replace("_", "-")


SETTINGS = ConfigDict(
    extra="forbid",
    frozen=True,
    use_attribute_docstrings=True,
    alias_generator=kebab,
    populate_by_name=True,
)
"""The `model_config` of every settings model."""
