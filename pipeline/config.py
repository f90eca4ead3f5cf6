"""CONFIG: one validated model, read from `seo-pipeline.toml` or `pyproject.toml`.

Site settings live at the top of `[tool.seo-pipeline]` (or at the top level of
`seo-pipeline.toml`); the check settings (`select`, `ignore`, profiles …) sit in
the same table and are validated by `pipeline.checks.config.CheckConfig`.
Relative paths are resolved against the folder of the config file.

`ConfigFile` is the shape of the whole table (site settings and check settings
side by side): `seo-pipeline schema --kind config` publishes its JSON Schema.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from pipeline.checks.config import CheckConfig
from pipeline.errors import ConfigError, Problem
from pipeline.limits import Limits
from pipeline.settings import SETTINGS, kebab
from pipeline.suggest import did_you_mean
from pipeline.validation import message_of

CONFIG_FILES = ("seo-pipeline.toml", "pyproject.toml")
RENAMED = {"description-max-chars": "derived-description-max-chars"}
"""Old top-level site keys → their new names (read, with a deprecation note).
`description-max-chars` named both this budget and the length rule's limit
(`[length] description-max-chars`); now it names only the rule's."""


class Site(BaseModel):
    """Site-wide settings used by every generated page."""

    model_config = SETTINGS

    site_name: str = "My Site"
    """Name of the site (og:site_name, the Organization, the footer)."""
    base_url: str | None = None
    """Absolute site URL, e.g. `https://example.com`; makes canonical URLs absolute."""
    publisher: str | None = None
    """Publisher name for JSON-LD; defaults to `site_name`."""
    logo: str | None = None
    """Publisher logo URL (absolute, or a path under `base_url`)."""
    default_lang: str = "en"
    """Language of articles that set no `lang`."""
    theme_dir: Path | None = None
    """Folder of templates that override the defaults by file name."""
    content_dir: Path = Path("content")
    """Where `build` looks for content files."""
    output_dir: Path = Path("output")
    """Where `build` writes pages; nothing is written outside it."""
    static_dir: Path = Path("static")
    """Files copied into the output folder unchanged (images, `robots.txt` …)."""
    derived_description_max_chars: int | None = Field(default=None, ge=50, le=400)
    """Character budget of a meta description the build derives from the intro
    (or fits, with `fit-descriptions`). Default: the length rule's limit
    (`[length] description-max-chars`, after the profile and
    `--max-description-length`), so what the build writes passes the gate.
    Was `description-max-chars` at the top level (still read, with a note)."""
    fit_descriptions: bool = False
    """Rewrite over-budget descriptions to fit (off: a writer's text is never changed)."""
    shift_headings: int = Field(default=0, ge=0, le=5)
    """Demote every body heading by this many levels (`1`: `#` → H2; H6 stays
    H6), for archives whose sections start at `#`; front matter may override."""
    limits: Limits = Field(default_factory=Limits)
    """How big and how deep a content file may be (`[tool.seo-pipeline.limits]`)."""

    @model_validator(mode="before")
    @classmethod
    def _renamed(cls, data: Any) -> Any:
        """The old name of `derived-description-max-chars` (see `RENAMED`)."""
        if isinstance(data, dict):
            for old, new in RENAMED.items():
                if old in data or old.replace("-", "_") in data:
                    data = dict(data)
                    value = data.pop(old, data.pop(old.replace("-", "_"), None))
                    data.setdefault(new, value)
        return data

    @field_validator("base_url")
    @classmethod
    def _absolute(cls, value: str | None) -> str | None:
        if value is not None:
            if not value.startswith(("http://", "https://")):
                raise ValueError(f"must start with http:// or https:// (got {value!r})")
            value = value.rstrip("/")
        return value

    @property
    def publisher_name(self) -> str:
        """The publisher shown in JSON-LD."""
        return self.publisher or self.site_name

    def url_for(self, path: str) -> str:
        """Absolute URL of a site path when `base_url` is set, else the root-relative path."""
        if path.startswith(("http://", "https://")):
            return path
        path = "/" + path.lstrip("/")
        return f"{self.base_url}{path}" if self.base_url else path


class Config(BaseModel):
    """Everything a run needs: the site, the checks, and where the config came from."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    site: Site = Site()
    checks: CheckConfig = Field(default_factory=CheckConfig)
    root: Path = Path(".")
    source: Path | None = None
    notes: tuple[str, ...] = ()
    """Deprecation notes about the config file (`file:line: key: message`)."""

    def with_dirs(
        self, content_dir: Path | None = None, output_dir: Path | None = None
    ) -> Config:
        """A copy with the content and/or output folder replaced (CLI flags)."""
        update: dict[str, Any] = {}
        if content_dir is not None:
            update["content_dir"] = content_dir.resolve()
        if output_dir is not None:
            update["output_dir"] = output_dir.resolve()
        if not update:
            return self
        return self.model_copy(update={"site": self.site.model_copy(update=update)})


class ConfigFile(Site, CheckConfig):
    """The whole settings table: every site and check setting, side by side.

    Only its JSON Schema is used (`seo-pipeline schema --kind config`);
    `load_config` validates the two halves separately.
    """

    model_config = SETTINGS


def config_schema() -> dict[str, Any]:
    """The JSON Schema of `[tool.seo-pipeline]` / `seo-pipeline.toml`."""
    schema = ConfigFile.model_json_schema(by_alias=True)
    schema["title"] = "seo-pipeline configuration"
    return schema


def find_config(start: Path) -> Path | None:
    """The nearest config file at or above `start`, `seo-pipeline.toml` first."""
    for folder in (start, *start.parents):
        for name in CONFIG_FILES:
            candidate = folder / name
            if candidate.is_file() and (
                name != "pyproject.toml" or _has_table(candidate)
            ):
                return candidate
    return None


def _has_table(pyproject: Path) -> bool:
    """Whether a pyproject.toml configures seo-pipeline. A broken one that
    mentions `[tool.seo-pipeline]` counts, so its error is reported (with its
    line) instead of the build silently running on defaults."""
    try:
        text = pyproject.read_text("utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    try:
        return "seo-pipeline" in tomllib.loads(text).get("tool", {})
    except tomllib.TOMLDecodeError:
        return re.search(r"^\s*\[\s*tool\.seo-pipeline", text, re.M) is not None


def read_table(path: Path) -> dict[str, Any]:
    """The raw settings table of a config file."""
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(
            [Problem(path, _toml_line(exc), None, f"invalid TOML: {exc}")]
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError([Problem(path, None, None, f"cannot read: {exc}")]) from None
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("seo-pipeline", {})
        return dict(table) if isinstance(table, dict) else {}
    return data


def _toml_line(exc: tomllib.TOMLDecodeError) -> int | None:
    lineno = getattr(exc, "lineno", None)  # Python 3.14+
    if isinstance(lineno, int):
        return lineno
    found = re.search(r"\(at line (\d+)", str(exc))  # older: only in the message
    return int(found.group(1)) if found else None


def load_config(path: Path | None = None, *, cwd: Path | None = None) -> Config:
    """Load and validate the config; without a file, defaults rooted at `cwd`."""
    cwd = (cwd or Path.cwd()).resolve()
    source = path.resolve() if path else find_config(cwd)
    table = read_table(source) if source else {}
    root = source.parent if source else cwd
    site_keys = {f.alias or n for n, f in Site.model_fields.items()} | set(
        Site.model_fields
    )
    check_keys = _aliases(CheckConfig)
    where = source or Path("config")
    notes = []
    for key in list(table):
        new = RENAMED.get(kebab(key))
        if new is not None:
            notes.append(
                f"{where}:{key_line(where, key) or 1}: {key}: deprecated, renamed "
                f"`{new}` (the budget of derived descriptions); the length "
                "rule's limit is `[length] description-max-chars`"
            )
            value = table.pop(key)
            table.setdefault(new, value)
    unknown = [k for k in table if k not in site_keys and k not in check_keys]
    if unknown:
        known = sorted({kebab(k) for k in site_keys | check_keys})
        raise ConfigError([_unknown(where, key, known) for key in unknown])
    try:
        site = Site.model_validate({k: v for k, v in table.items() if k in site_keys})
        checks = CheckConfig.model_validate(
            {k: v for k, v in table.items() if k in check_keys}
        )
    except ValidationError as exc:
        raise ConfigError(
            [
                Problem(
                    where,
                    key_line(where, tuple(str(p) for p in e["loc"][:2]))
                    if e["loc"]
                    else None,
                    ".".join(str(p) for p in e["loc"]),
                    message_of(e, ConfigFile),
                )
                for e in exc.errors(include_url=False)
            ]
        ) from None
    site = site.model_copy(
        update={
            "content_dir": root / site.content_dir,
            "output_dir": root / site.output_dir,
            "static_dir": root / site.static_dir,
            "theme_dir": root / site.theme_dir if site.theme_dir else None,
        }
    )
    return Config(
        site=site, checks=checks, root=root, source=source, notes=tuple(notes)
    )


def _aliases(model: type[BaseModel]) -> set[str]:
    names: set[str] = set()
    for name, field in model.model_fields.items():
        names |= {name, kebab(name)}
        if field.alias:
            names.add(field.alias)
    return names


def _unknown(path: Path, key: str, known: list[str]) -> Problem:
    hint = did_you_mean(kebab(key), known) or f" (known: {', '.join(known)})"
    return Problem(path, key_line(path, key), key, "unknown setting" + hint)


def key_line(path: Path, key: str | tuple[str, ...]) -> int | None:
    """The line where a setting is written in a config file (TOML gives no
    positions): `key` is a top-level key or a path such as `("length", "x")`,
    found as `x = …` under `[length]` / `[tool.seo-pipeline.length]`, or as
    the table header itself."""
    parts = (key,) if isinstance(key, str) else key
    try:
        lines = path.read_text("utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    prefix = "tool.seo-pipeline" if path.name == "pyproject.toml" else ""
    tables = [".".join(filter(None, (prefix, *parts[:n]))) for n in range(len(parts))]
    wanted, name = tables[-1], parts[-1]
    pattern = re.compile(rf"""^\s*["']?{re.escape(name)}["']?\s*=""")
    header = re.compile(r"^\s*\[\s*([^\]]+?)\s*\]")
    current: str | None = prefix if not prefix else None
    fallback = None
    for number, line in enumerate(lines, start=1):
        found = header.match(line)
        if found:
            current = found.group(1).replace('"', "")
            if len(parts) > 1 and current == ".".join(filter(None, (prefix, *parts))):
                fallback = fallback or number
        elif current == wanted and pattern.match(line):
            return number
    return fallback
