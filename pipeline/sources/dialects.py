"""Front matter of Jekyll, Hugo and Pelican, mapped onto the content model.

A YAML front matter is read as a *dialect* when it has a key only another
generator writes (`layout`, `permalink`, `lastmod`, `aliases`, …); TOML front
matter (`+++`) is Hugo's and `Key: value` metadata is Pelican's. In a dialect
file, keys are matched case-insensitively and mapped:

| Content field | Read from |
| --- | --- |
| `description` | `description`, `summary`, `excerpt` |
| `date` | `date` (a time and zone are allowed: `2014-03-02 14:33:00 +0100`) |
| `updated` | `updated`, `lastmod`, `modified`, `last_modified_at` |
| `slug` | `slug`, or a one-segment `permalink` such as `/about/` |
| `author` | `author`, the first of `authors` |
| `tags` | `tags` (a list, or one string split on commas, else spaces) |
| `categories` | `categories`, `category` |
| `draft` | `draft`, `published: false`, Pelican `Status: draft` |

Every other key that is not a content field is kept, as read, in `extra`, and
the build lists it (nothing is dropped silently). Without a dialect key,
unknown fields stay errors with a did-you-mean, so typos are caught.
"""

from __future__ import annotations

import re
from typing import Any

from pipeline.models import Article

JEKYLL_KEYS = frozenset(
    {"layout", "permalink", "categories", "category", "excerpt", "published"}
)
HUGO_KEYS = frozenset(
    {
        "draft",
        "aliases",
        "lastmod",
        "summary",
        "publishdate",
        "expirydate",
        "weight",
        "keywords",
        "series",
        "images",
        "params",
        "menu",
        "outputs",
        "cascade",
        "linktitle",
        "headless",
        "isCJKLanguage",
    }
)

_ALIASES: dict[str, tuple[str, ...]] = {
    "description": ("description", "summary", "excerpt"),
    "updated": ("updated", "lastmod", "modified", "last_modified_at"),
    "author": ("author", "authors"),
    "categories": ("categories", "category"),
    "draft": ("draft", "published", "status"),
}
_SOURCE_OF = {alias: field for field, names in _ALIASES.items() for alias in names}
_FIELDS = frozenset(
    (info.alias or name) for name, info in Article.model_fields.items()
) - {"body", "extra"}
_PERMALINK = re.compile(r"^/?([^/:]+)/?$")


_HUGO_ONLY = frozenset(k.lower() for k in HUGO_KEYS) - _FIELDS
_OTHERS_ONLY = (JEKYLL_KEYS | frozenset(_SOURCE_OF)) - _FIELDS


def detect(data: dict[str, Any]) -> str | None:
    """`hugo`, `jekyll` or None (this tool's own format) for YAML front matter.

    Only keys that are not content fields count: a file of this tool's own
    format that uses `draft` or `tags` keeps its strict unknown-field errors.
    """
    keys = {str(k).lower() for k in data}
    if keys & _HUGO_ONLY:
        return "hugo"
    if keys & _OTHERS_ONLY:
        return "jekyll"
    return None


def normalise(
    data: dict[str, Any], lines: dict[str, int], dialect: str
) -> tuple[dict[str, Any], dict[str, int]]:
    """Map a dialect's front matter onto content fields; the rest into `extra`.

    `lines` (dotted path → line) is rewritten to match, so errors and findings
    point at the key as written (`summary:` for a description).
    """
    out: dict[str, Any] = {}
    given = data.get("extra")
    extra: dict[str, Any] = dict(given) if isinstance(given, dict) else {}
    new_lines: dict[str, int] = {"": lines.get("", 1)}
    if "extra" in lines:
        new_lines["extra"] = lines["extra"]

    def move(source: str, target: str) -> None:
        for dotted, line in lines.items():
            if dotted == source or dotted.startswith(source + "."):
                new_lines[target + dotted[len(source) :]] = line

    def keep(key: str, value: Any) -> None:
        extra[key] = value
        move(key, f"extra.{key}")

    # Own field names first, then their aliases in table order, so `description`
    # wins over `summary`, and a second source of one field goes to `extra`.
    def rank(key: str) -> tuple[int, int]:
        lowered = key.lower()
        if lowered in _FIELDS:
            return (0, 0)
        field = _SOURCE_OF.get(lowered)
        if field is None:
            return (2, 0)
        return (1, _ALIASES[field].index(lowered))

    for key in sorted((k for k in data if k != "extra"), key=lambda k: rank(str(k))):
        value = data[key]
        name = str(key)
        lowered = name.lower()
        field = lowered if lowered in _FIELDS else _SOURCE_OF.get(lowered)
        if field == "slug" or (lowered == "permalink" and "slug" not in out):
            field, value = _slug_from(lowered, value)
        mapped = _convert(field, lowered, value, dialect) if field else None
        if field is None or field in out or mapped is None:
            keep(name, value)
            continue
        out[field] = mapped
        move(name, field)
    if extra:
        out["extra"] = extra
        kept = [lines[k] for k in extra if k in lines]
        new_lines.setdefault("extra", min(kept, default=new_lines[""]))
    return out, new_lines


def _slug_from(key: str, value: Any) -> tuple[str | None, Any]:
    if key == "slug":
        return "slug", value
    match = _PERMALINK.match(str(value)) if isinstance(value, str) else None
    return ("slug", match.group(1)) if match else (None, value)


def _convert(field: str, key: str, value: Any, dialect: str) -> Any:
    """The value for `field`, or None to keep `key` in `extra` instead."""
    if field == "draft":
        if key == "published":
            return not value if isinstance(value, bool) else None
        if key == "status":
            text = str(value).strip().lower()
            return {"draft": True, "published": False}.get(text)
        return _boolean(value)
    if field in ("tags", "categories"):
        return _words(value, dialect)
    if field == "author" and key == "authors":
        names = _words(value, "pelican")
        return names[0] if len(names) == 1 else None
    return value


def _boolean(value: Any) -> Any:
    if isinstance(value, str) and value.strip().lower() in (
        "true",
        "yes",
        "false",
        "no",
    ):
        return value.strip().lower() in ("true", "yes")
    return value


def _words(value: Any, dialect: str) -> Any:
    """A list as is; a string split on commas (Pelican, or any with a comma), else
    on spaces (Jekyll's `tags: a b`)."""
    if isinstance(value, list):
        return value
    if not isinstance(value, str):
        return value
    if dialect == "pelican" or "," in value:
        return [w.strip() for w in value.split(",") if w.strip()]
    return value.split()
