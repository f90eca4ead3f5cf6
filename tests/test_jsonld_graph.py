"""The shared JSON-LD view: objects, nodes merged by `@id`, references, types."""

from __future__ import annotations

import json
from typing import Any

import pytest

from pipeline.checks import CheckConfig, check_html
from pipeline.facts import JsonLdBlock, parse
from pipeline.jsonld_graph import (
    JsonLdGraph,
    build,
    is_a,
    listify,
    node_label,
    text_of,
    types_of,
)

CTX = "https://schema.org"


def block(data: Any, error: str | None = None) -> JsonLdBlock:
    return JsonLdBlock(json.dumps(data), data, error, 1, 1)


def graph(*data: Any) -> JsonLdGraph:
    return build(block(d) for d in data)


def page(*data: Any) -> str:
    scripts = "".join(
        f'<script type="application/ld+json">{json.dumps(d)}</script>' for d in data
    )
    return f"<html><head>{scripts}</head><body><p>x</p></body></html>"


# --- objects and walk -----------------------------------------------------------


def test_objects_in_document_order_with_their_paths() -> None:
    data = {
        "@context": {"@vocab": CTX, "author": {"@type": "@id"}},
        "@graph": [
            {"@type": "Article", "author": {"@type": "Person", "name": "A"}},
            {"@type": "WebPage", "breadcrumb": [[{"@type": "Thing"}]]},
        ],
    }
    g = graph(data)
    assert [o.path for o in g.objects] == [
        (),
        ("@context",),
        ("@context", "author"),
        ("@graph", 0),
        ("@graph", 0, "author"),
        ("@graph", 1),
        ("@graph", 1, "breadcrumb", 0, 0),
    ]
    assert [o.in_context for o in g.objects] == [False, True, True] + [False] * 4
    assert [o.path for o in g.walk()] == [o.path for o in g.objects if not o.in_context]
    assert list(g.walk(context=True)) == list(g.objects)
    assert all(o.raw is _at(data, o.path) for o in g.objects)
    assert all(o.node == o.raw for o in g.objects)  # nothing to resolve here


def _at(data: Any, path: tuple[str | int, ...]) -> Any:
    for key in path:
        data = data[key]
    return data


def test_top_is_the_top_level_object_of_an_occurrence() -> None:
    first, second = {"@type": "Thing", "x": {"@type": "Thing"}}, {"@type": "Person"}
    g = graph([first, second, [{"@type": "Thing"}]], {"@type": "Article"})
    tops = [o.top for o in g.objects]
    assert tops[:3] == [first, first, second]
    assert tops[3] is None  # under an array item that is not an object
    assert tops[4] == {"@type": "Article"}


def test_top_level_objects_are_block_objects_array_items_and_graph_members() -> None:
    g = graph(
        {"@type": "WebPage", "@graph": [{"@type": "Article"}], "mainEntity": {"a": 1}},
        [{"@type": "Person", "knows": {"@type": "Person"}}, [{"@type": "Thing"}]],
        [{"@graph": [{"@type": "FAQPage", "mainEntity": [{"@type": "Question"}]}]}],
    )
    top = [(o.path, o.top_level) for o in g.walk()]
    assert top == [
        ((), True),
        (("@graph", 0), True),
        (("mainEntity",), False),
        ((0,), True),
        ((0, "knows"), False),
        ((1, 0), False),  # an object in an array in an array: not a block object
        ((0,), True),
        ((0, "@graph", 0), True),
        ((0, "@graph", 0, "mainEntity", 0), False),
    ]


def test_jsonld_types_are_the_top_level_types_only() -> None:
    nested = {"@type": "WebPage", "mainEntity": {"@type": "Article"}}
    facts = parse(page(nested, {"@graph": [{"@type": ["FAQPage", "WebPage"]}]}))
    assert facts.jsonld_types == ("FAQPage", "WebPage")


def test_blocks_that_did_not_parse_add_nothing() -> None:
    g = build([block(None, error="invalid JSON: x"), block("text"), block(42)])
    assert (g.objects, g.nodes, dict(g.index)) == ((), (), {})


def test_deep_nesting_is_walked_without_recursion() -> None:
    data: dict[str, Any] = {"@type": "Thing"}
    for _ in range(5000):
        data = {"@type": "Thing", "about": [data]}
    deep = JsonLdBlock("", data, None, 1, 1)  # deeper than json.loads accepts
    assert len(build([deep]).objects) == 5001


# --- nodes merged by @id, index, resolve ------------------------------------------


def test_nodes_are_typed_and_merged_by_id_across_blocks() -> None:
    g = graph(
        {"@context": CTX, "@id": "#a", "name": "First"},  # untyped until merged
        {"@context": CTX, "@type": "Thing", "name": "no id"},
        {"@context": CTX, "@id": "#a", "@type": "Person", "name": "Second"},
    )
    assert [(b.raw.count("no id"), dict(n)) for b, n in g.nodes] == [
        (0, {"@context": CTX, "@id": "#a", "name": "First", "@type": "Person"}),
        (1, {"@context": CTX, "@type": "Thing", "name": "no id"}),
    ]
    assert g.index["#a"]["name"] == "First"  # the first value of a property wins


def test_merged_nodes_are_copies() -> None:
    first = {"@id": "#a", "@type": "Person"}
    g = graph(first, {"@id": "#a", "name": "Added"})
    assert g.index["#a"] == {"@id": "#a", "@type": "Person", "name": "Added"}
    assert first == {"@id": "#a", "@type": "Person"}  # the block's data is untouched


def test_index_and_resolve() -> None:
    g = graph(
        {
            "@graph": [
                {"@type": "FAQPage", "mainEntity": [{"@id": "#q"}, {"@id": "#gone"}]},
                {"@type": "Question", "@id": "#q", "name": "Why?"},
                {"@id": "#note", "text": "untyped"},
            ]
        }
    )
    assert set(g.index) == {"#q", "#note"}  # a bare {"@id"} declares nothing
    assert g.resolve({"@id": "#q"})["name"] == "Why?"
    assert g.resolve({"@id": "#note"}) == {"@id": "#note", "text": "untyped"}
    assert g.resolve({"@id": "#gone"}) == {"@id": "#gone"}
    assert g.resolve({"@id": "#q", "name": "own"}) == {"@id": "#q", "name": "own"}
    assert g.resolve("#q") == "#q"
    assert [dict(n)["@type"] for _, n in g.of_type("WebPage")] == ["FAQPage"]
    assert [n.get("@id") for _, n in g.nodes] == [None, "#q"]


def test_nodes_in_context_are_not_declarations() -> None:
    g = graph({"@context": {"@vocab": CTX, "x": {"@id": "#a", "@type": "@id"}}})
    assert (g.nodes, dict(g.index)) == ((), {})
    assert [o.path for o in g.objects] == [(), ("@context",), ("@context", "x")]


# --- types and values ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "types"),
    [
        ("Article", ("Article",)),
        (["BlogPosting", "https://schema.org/Person"], ("BlogPosting", "Person")),
        (["ex:Thing", "https://example.org/X", "Thing"], ("Thing",)),
        ([3, None, {"@id": "x"}, "Thing"], ("Thing",)),
        (7, ()),
        (None, ()),
    ],
)
def test_types_of(value: Any, types: tuple[str, ...]) -> None:
    assert types_of({"@type": value}) == types


def test_is_a_follows_the_schema_org_hierarchy() -> None:
    assert is_a({"@type": "MedicalScholarlyArticle"}, "Article")
    assert is_a({"@type": ["WebPage", "FAQPage"]}, "FAQPage")
    assert not is_a({"@type": "Person"}, "Organization")
    assert not is_a("Article", "Article")
    assert not is_a({"@type": 3}, "Thing")


def test_value_helpers() -> None:
    assert (listify(None), listify("a"), listify(["a"])) == ([], ["a"], ["a"])
    assert (text_of("  x "), text_of("  "), text_of(3)) == ("x", None, None)
    assert node_label({"@type": ["Article", "BlogPosting"], "@id": "#a"}) == (
        "Article/BlogPosting '#a'"
    )
    assert node_label({}) == "node"


# --- on PageFacts ---------------------------------------------------------------


def test_page_facts_computes_the_graph_once() -> None:
    facts = parse(page({"@context": CTX, "@type": "Article", "headline": "H"}))
    first = facts.jsonld_graph
    assert facts.jsonld_graph is first
    [(found_block, node)] = first.nodes
    assert found_block is facts.jsonld[0] and node["headline"] == "H"


def test_a_non_string_type_is_ignored_not_a_rule_crash() -> None:
    html = page({"@context": CTX, "@type": 3, "author": {"@type": "Person"}})
    result = check_html(html, CheckConfig(select=["SD4", "META5"]))
    assert not [f for f in result.findings if "internal error" in f.message]
