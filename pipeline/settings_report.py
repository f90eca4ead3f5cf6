"""`--show-settings`: the effective config, and where each value came from.

Every site setting, check setting and family option, as TOML-like lines
with their origin: `default`, `profile NAME`, `config file` (with its
path in the header) or `command line`. Pure: the command line passes the
loaded config, the effective check config and the flags it was given.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from pipeline.checks.config import CheckConfig
from pipeline.checks.registry import FAMILIES
from pipeline.config import RENAMED, Config, Site, read_table
from pipeline.gate import GateOptions
from pipeline.paths import display_path
from pipeline.profiles import PROFILES
from pipeline.settings import kebab

_WIDTH = 52
_PATHS = ("theme_dir", "content_dir", "output_dir", "static_dir")
_GATE_KEYS = {
    "select": "select",
    "extend_select": "extend-select",
    "ignore": "ignore",
    "profile": "profile",
    "fail_on": "fail-on",
}


def _normalise(table: Mapping[str, Any]) -> dict[str, Any]:
    """Kebab-case keys, old names under their new ones."""
    out: dict[str, Any] = {}
    for key, value in table.items():
        name = kebab(key)
        name = RENAMED.get(name, name)
        out[name] = _normalise(value) if isinstance(value, Mapping) else value
    return out


def _value(value: Any) -> str:
    if value is None:
        return "(not set)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Path):
        return json.dumps(str(value), ensure_ascii=False)
    if isinstance(value, Mapping):
        inner = ", ".join(
            f"{json.dumps(str(k))} = {_value(v)}" for k, v in value.items()
        )
        return "{ " + inner + " }" if inner else "{}"
    if isinstance(value, list | tuple | set | frozenset):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, int | float):
        return str(value)
    return json.dumps(str(value), ensure_ascii=False)


def _line(key: str, value: Any, origin: str) -> str:
    return f"{key} = {_value(value)}".ljust(_WIDTH) + f"  # {origin}"


def show_settings(
    config: Config,
    checks: CheckConfig,
    gate: GateOptions | None = None,
    *,
    cli_site: Collection[str] = (),
) -> str:
    """The report: `config` as loaded, `checks` with the command line's
    overrides (`effective_config`), `gate` the flags, `cli_site` the site
    settings set by flags (`content-dir`, `output-dir`)."""
    gate = gate or GateOptions()
    table = _normalise(read_table(config.source)) if config.source else {}
    source = display_path(config.source) if config.source else None
    lines = [
        "# seo-pipeline settings: value, then where it came from",
        f"# config file: {source or 'none (defaults)'}; profile: {checks.profile}",
    ]
    shown: set[str] = set()
    # Site settings.
    for name in Site.model_fields:
        key = kebab(name)
        value = getattr(config.site, name)
        if isinstance(value, BaseModel):
            continue
        if name in _PATHS and isinstance(value, Path):
            value = Path(display_path(value, config.root))
        origin = (
            "command line"
            if key in cli_site
            else "config file"
            if key in table
            else "default"
        )
        if name == "derived_description_max_chars" and value is None:
            value = checks.snippet_limits.description_max_chars
            origin += " (follows length.description-max-chars)"
        shown.add(key)
        lines.append(_line(key, value, origin))
    # Check settings.
    for name in CheckConfig.model_fields:
        key = kebab(name)
        if name in FAMILIES or name == "severity" or name.replace("_", "-") in FAMILIES:
            continue
        value = getattr(checks, name)
        if isinstance(value, BaseModel) or key in shown:
            continue  # (`default-lang` is a site and a check setting: one value)
        flag = _GATE_KEYS.get(name)
        given = bool(getattr(gate, name, None)) if flag else False
        origin = "config file" if key in table else "default"
        if given:
            joined = name in ("extend_select", "ignore") and key in table
            origin = "config file, command line" if joined else "command line"
        lines.append(_line(key, value, origin))
    # Severity overrides (profile, then the user's table).
    lines += ["", "[severity]"]
    user_severity = {k.upper() for k in table.get("severity", {})}
    profile = PROFILES[checks.profile]
    overrides = checks.severity_overrides
    if not overrides:
        lines.append("# (none: every rule has its default severity)")
    for code, severity in sorted(overrides.items()):
        origin = "config file" if code in user_severity else f"profile {checks.profile}"
        lines.append(_line(code, severity.name.lower(), origin))
    # Family options.
    for family in FAMILIES:
        options = checks.options_for(family)
        file_table = table.get(family, {})
        from_profile = profile.get(family, {})
        lines += ["", f"[{family}]"]
        for name in type(options).model_fields:
            key = kebab(name)
            if family == "length" and key in gate.limits:
                origin = "command line"
            elif key in file_table:
                origin = "config file"
            elif key in from_profile:
                origin = f"profile {checks.profile}"
            else:
                origin = "default"
            lines.append(_line(key, getattr(options, name), origin))
    # Content-file limits.
    lines += ["", "[limits]"]
    limits_table = table.get("limits", {})
    for name in type(config.site.limits).model_fields:
        key = kebab(name)
        origin = "config file" if key in limits_table else "default"
        lines.append(_line(key, getattr(config.site.limits, name), origin))
    return "\n".join(lines) + "\n"
