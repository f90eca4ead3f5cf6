"""JSON-LD term resolution: what a key or a `@type` means under its `@context`.

A small, offline subset of the JSON-LD 1.1 context processing algorithm
(https://www.w3.org/TR/json-ld11-api/#context-processing-algorithm) and IRI
expansion (https://www.w3.org/TR/json-ld11-api/#iri-expansion), enough to read
schema.org markup the way JSON-LD consumers do:

* the remote context `https://schema.org` (and `http://`, with or without a
  trailing slash, and `…/docs/jsonldcontext.json`) is the one schema.org
  serves, shipped reduced in the vocabulary table: `@vocab`
  `http://schema.org/`, the keyword aliases `type` → `@type` and `id` → `@id`,
  and prefixes such as `schema:` and `dcterms:`;
* a local context object: `@vocab`, prefixes (`{"schema": "https://schema.org/"}`),
  term definitions (`"name": "schema:name"`, `{"@id": …}`), keyword aliases
  (`"type": "@type"`) and `null` (removes a definition, or, as a whole context,
  resets it);
* arrays of contexts, applied in order, and contexts nested in inner objects.

`Context.expand(term)` gives a keyword, an absolute IRI, or None when the term
is undefined (JSON-LD drops such keys). Other remote contexts cannot be read
offline: `Context.opaque` says one is in effect, so that a term it might define
is not called unknown. `http://schema.org/` and `https://schema.org/` are the
same vocabulary (schema.org's FAQ: both are accepted), so `schema_name()`
maps either to the local name.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from pipeline import schemaorg

__all__ = ["Context", "is_schema_org_context", "schema_name", "schema_org"]

SCHEMA_ORG_URLS = {"schema.org", "schema.org/docs/jsonldcontext.json"}
_SCHEMA_IRI = re.compile(r"^https?://schema\.org/?$", re.IGNORECASE)
_SCHEMA_PREFIX = re.compile(r"^https?://schema\.org/", re.IGNORECASE)
_MAX_DEPTH = 8  # term → compact IRI → … chains longer than this are cycles


def _is_schema_url(value: str) -> bool:
    bare = re.sub(r"^https?://", "", value.strip().lower()).rstrip("/")
    return bare in SCHEMA_ORG_URLS


def is_schema_org_context(ctx: Any) -> bool:
    """Whether a `@context` value brings in schema.org: the remote context as a
    string (http or https, with or without a trailing slash), in an array of
    contexts, or an object whose `@vocab`, a prefix (`{"schema":
    "https://schema.org/"}`) or a term maps into schema.org."""
    return Context().extend(ctx).schema_org


@functools.lru_cache(maxsize=8192)
def schema_name(iri: str | None) -> str | None:
    """`https://schema.org/Article` or `http://schema.org/Article` → `Article`;
    None for other IRIs, keywords and None."""
    if iri is None or iri.startswith("@"):
        return None
    for prefix in ("https://schema.org/", "http://schema.org/"):
        if iri.startswith(prefix):
            return iri[len(prefix) :] or None
    return None


@dataclass(frozen=True, slots=True)
class Context:
    """An active context: term definitions, `@vocab`, unreadable remote contexts."""

    terms: Mapping[str, str | None] = field(default_factory=dict)
    """Term → keyword, IRI or compact IRI; None: explicitly undefined."""
    vocab: str | None = None
    opaque: tuple[str, ...] = ()
    """Remote contexts in effect that are not schema.org (unknown offline)."""
    schema_org: bool = False
    """Whether schema.org's context (or a schema.org `@vocab`) is in effect."""
    _memo: dict[tuple[str, bool], str | None] = field(
        default_factory=dict, compare=False, hash=False, repr=False
    )
    """Expansions already made (a page repeats the same keys many times)."""

    def extend(self, local: Any) -> Context:
        """This context with a `@context` value applied (JSON-LD 1.1 §4.1)."""
        ctx = self
        for item in local if isinstance(local, list) else [local]:
            ctx = ctx._apply(item)
        return ctx

    def _apply(self, item: Any) -> Context:
        if item is None:
            return Context()  # `"@context": null` resets the active context
        if isinstance(item, str):
            if _is_schema_url(item):
                remote = schemaorg.remote_context()
                vocab = remote.pop("@vocab", None)
                return Context(
                    {**self.terms, **remote}, vocab, self.opaque, schema_org=True
                )
            return Context(
                self.terms, self.vocab, (*self.opaque, item), self.schema_org
            )
        if not isinstance(item, dict):
            return self
        terms = dict(self.terms)
        vocab, schema_org = self.vocab, self.schema_org
        if "@vocab" in item:
            raw = item["@vocab"]
            if raw is None:
                vocab = None
            elif isinstance(raw, str):
                # `https://schema.org` without the slash: consumers read it as
                # the vocabulary, not as the prefix of `https://schema.orgname`.
                vocab = "https://schema.org/" if _SCHEMA_IRI.match(raw) else raw
                schema_org = schema_org or schema_name(vocab + "x") is not None
        for term, definition in item.items():
            if term.startswith("@"):
                continue
            if definition is None:
                terms[term] = None
            elif isinstance(definition, str):
                terms[term] = definition
            elif isinstance(definition, dict):
                ident = definition.get("@id", definition.get("@reverse"))
                if "@id" in definition or "@reverse" in definition:
                    terms[term] = ident if isinstance(ident, str) else None
                else:
                    terms[term] = term  # `{"@type": "@id"}`: `@vocab`-relative
            target = terms[term]
            if target is not None and _SCHEMA_PREFIX.match(target):
                schema_org = True  # a prefix or term into schema.org
        return Context(terms, vocab, self.opaque, schema_org)

    def expand(self, term: str, *, vocab: bool = True) -> str | None:
        """A key (or a `@type` value) → keyword or absolute IRI; None if undefined.

        Follows JSON-LD 1.1 IRI expansion: keywords stay; a defined term maps
        to its definition (itself expanded); `prefix:suffix` uses a defined
        prefix, else is an absolute IRI; anything else is relative to `@vocab`.
        """
        key = (term, vocab)
        try:
            return self._memo[key]
        except KeyError:
            found = self._memo[key] = self._expand(term, vocab, 0)
            return found

    def _expand(self, term: str, vocab: bool, depth: int) -> str | None:
        if term.startswith("@"):
            return term
        if depth > _MAX_DEPTH:
            return None
        if term in self.terms:
            target = self.terms[term]
            if target is None:
                return None
            if target != term:
                return self._expand(target, vocab, depth + 1)
            # A term defined as itself (`{"@type": "@id"}` with no `@id`).
        if ":" in term:
            return self._expand_compact(term, depth)
        if vocab and self.vocab is not None:
            return self.vocab + term
        return None

    def _expand_compact(self, term: str, depth: int) -> str | None:
        prefix, _, suffix = term.partition(":")
        if prefix == "_" or suffix.startswith("//"):
            return term  # a blank node or an absolute IRI
        base = self.terms.get(prefix)
        if isinstance(base, str) and not base.startswith("@") and base != prefix:
            if "://" not in base:
                base = self._expand(base, False, depth + 1) or base
            return base + suffix
        return term  # an IRI with a scheme of its own (`urn:`, `ex:`)

    def schema_term(self, term: str, *, vocab: bool = True) -> str | None:
        """The schema.org local name `term` resolves to, else None."""
        return schema_name(self.expand(term, vocab=vocab))


@functools.cache
def schema_org() -> Context:
    """The context a page means by `"@context": "https://schema.org"`
    (built on first use: it reads the vocabulary table)."""
    return Context().extend("https://schema.org")
