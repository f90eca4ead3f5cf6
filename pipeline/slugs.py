"""Page slugs: the URL path segment (and output folder) of each article.

Latin letters with diacritics fold to ASCII (`Café Crème` → `cafe-creme`), as
before. Letters of scripts that have no ASCII form (Greek, Cyrillic, Chinese,
Arabic, …) are kept, lowercased and NFC-normalised, as Hugo and browsers do:
`Ελληνική κουζίνα` → `ελληνική-κουζίνα`. The folder on disk is named with the
Unicode slug; URLs (canonical, `og:url`, JSON-LD, `sitemap.xml`) carry it
percent-encoded (`/%CE%B5%CE%BB…/`), which browsers show decoded.
"""

from __future__ import annotations

import unicodedata
from urllib.parse import quote

import regex

from pipeline.limits import MAX_SLUG_BYTES

_WORD = r"[\p{Ll}\p{Lm}\p{Lo}\p{M}\p{Nd}]"
SLUG_RE = regex.compile(rf"^{_WORD}+(?:-{_WORD}+)*$")
"""A valid slug: lowercase letters (any script), digits, single hyphens."""

_NOT_WORD = regex.compile(r"[^\p{L}\p{M}\p{N}]+")


def _fold(ch: str) -> str:
    """A Latin letter with diacritics → its ASCII base; any other letter as is."""
    if ch.isascii():
        return ch
    base = "".join(
        c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c)
    )
    return base if base and base.isascii() else ch


def slugify(text: str, max_length: int = 80) -> str:
    """`text` as a slug: see the module doc; cut at a hyphen within `max_length`.

    Never longer than `max_length` characters nor `MAX_SLUG_BYTES` in UTF-8;
    an empty string when `text` has no letters or digits.
    """
    folded = "".join(_fold(ch) for ch in unicodedata.normalize("NFC", text))
    slug = _NOT_WORD.sub("-", folded.lower()).strip("-")
    slug = unicodedata.normalize("NFC", slug)
    while len(slug) > max_length or len(slug.encode()) > MAX_SLUG_BYTES:
        limit = min(max_length, len(slug) - 1)
        head = slug[: limit + 1]
        cut = head.rsplit("-", 1)[0] if "-" in head[1:] else slug[:limit]
        slug = cut.rstrip("-")
    return slug


def check_slug(value: str) -> str:
    """A given slug, NFC-normalised; ValueError naming what is wrong."""
    value = unicodedata.normalize("NFC", value)
    size = len(value.encode())
    if size > MAX_SLUG_BYTES:
        raise ValueError(
            f"is {size} bytes in UTF-8; a slug names a folder, "
            f"so at most {MAX_SLUG_BYTES}"
        )
    if not SLUG_RE.match(value):
        raise ValueError(
            "must be lowercase letters (any script), digits and single hyphens "
            f"(got {value[:80]!r})"
        )
    return value


def url_segment(slug: str) -> str:
    """The slug as it appears in a URL: percent-encoded UTF-8 (RFC 3986)."""
    return quote(slug, safe="-")
