"""URLs from untrusted pages, split without ever raising.

`urllib.parse.urlsplit` raises `ValueError` on text such as
`https://[oops/page` (an unclosed IPv6 bracket) or a bad port. A page's
canonical, `og:url`, links and JSON-LD `url`s are page data: one odd value
must become a finding, never a crash. `split_url` falls back to the generic
regular expression of RFC 3986 (appendix B), which matches every string.
"""

from __future__ import annotations

import re
from urllib.parse import SplitResult, urlsplit

__all__ = ["split_url"]

# RFC 3986, appendix B: every string matches (each part may be empty).
_RFC3986 = re.compile(
    r"^(?:([^:/?#]+):)?(?://([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$"
)


def split_url(url: str) -> SplitResult:
    """`urlsplit(url)`, or for a URL it refuses, the RFC 3986 parts.

    Never raises: a malformed host such as `[oops` is kept verbatim in
    `netloc`, so callers that check `netloc`/`scheme` still see the value.
    """
    try:
        return urlsplit(url)
    except ValueError:
        match = _RFC3986.match(url.replace("\n", " ").replace("\r", " "))
        assert match is not None  # the pattern matches every string
        scheme, netloc, path, query, fragment = match.groups(default="")
        return SplitResult(scheme.lower(), netloc, path, query, fragment)
