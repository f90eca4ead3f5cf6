"""JSON-LD term resolution (pipeline.jsonld_context) as JSON-LD 1.1 processors do it."""

from __future__ import annotations

from typing import Any

import pytest

from pipeline.jsonld_context import Context, is_schema_org_context, schema_org

SDO = "http://schema.org/"


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("type", "@type"),  # the schema.org context's keyword aliases
        ("id", "@id"),
        ("@type", "@type"),
        ("name", SDO + "name"),  # @vocab
        ("query-input", SDO + "query-input"),
        ("schema:name", SDO + "name"),  # the context's prefix
        ("dcterms:title", "http://purl.org/dc/terms/title"),
        ("https://schema.org/name", "https://schema.org/name"),  # absolute IRI
        ("urn:isbn:123", "urn:isbn:123"),
        ("HTML", "http://www.w3.org/1999/02/22-rdf-syntax-ns#HTML"),
    ],
)
def test_schema_org_remote_context(term: str, expected: str) -> None:
    assert schema_org().expand(term) == expected


@pytest.mark.parametrize(
    "ctx",
    [
        "https://schema.org",
        "https://schema.org/",
        "http://schema.org",
        "http://schema.org/",
        "HTTPS://SCHEMA.ORG/",
        "https://schema.org/docs/jsonldcontext.json",
        ["https://schema.org", {"ex": "https://example.org/"}],
        [{"ex": "https://example.org/"}, "http://schema.org/"],
        {"@vocab": "https://schema.org/"},
        {"@vocab": "http://schema.org"},
        {"schema": "https://schema.org/"},
        {"headline": "https://schema.org/headline"},
    ],
)
def test_contexts_that_bring_in_schema_org(ctx: Any) -> None:
    assert is_schema_org_context(ctx)
    assert Context().extend(ctx).schema_org


@pytest.mark.parametrize(
    "ctx",
    [
        "https://schema.com",
        "https://example.org/ctx",
        {"@vocab": "https://example.org/"},
        None,
        3,
    ],
)
def test_contexts_that_do_not(ctx: Any) -> None:
    assert not is_schema_org_context(ctx)


def test_local_definitions_prefixes_and_aliases() -> None:
    ctx = Context().extend(
        [
            {"@vocab": "https://schema.org"},  # no slash: read as the vocabulary
            {
                "s": "http://schema.org/",
                "kind": "@type",
                "title": "s:name",
                "gone": None,
            },
        ]
    )
    assert ctx.expand("kind") == "@type"
    assert ctx.schema_term("title") == "name"
    assert ctx.schema_term("s:Person") == "Person"
    assert ctx.schema_term("headline") == "headline"
    assert ctx.expand("gone") is None  # explicitly undefined


def test_null_resets_and_unknown_remote_contexts_are_opaque() -> None:
    ctx = schema_org().extend(None)
    assert ctx.expand("name") is None and not ctx.schema_org
    mixed = Context().extend(["https://schema.org", "https://w3id.org/security/v2"])
    assert mixed.schema_org and mixed.opaque == ("https://w3id.org/security/v2",)


def test_term_definition_cycles_end() -> None:
    ctx = Context().extend({"a": "b", "b": "a"})
    assert ctx.expand("a") is None
