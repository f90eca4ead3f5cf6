"""The offline schema.org vocabulary: names, inheritance, domains, did-you-mean."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import pytest

from pipeline import schemaorg

DATA = resources.files("pipeline") / "data"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Thing", True),
        ("Article", True),
        ("FAQPage", True),
        ("MedicalWebPage", True),
        ("BreadcrumbList", True),
        ("Text", True),  # data types count as types
        ("https://schema.org/Article", True),
        ("http://schema.org/Article", True),
        ("schema:Article", True),
        ("article", False),  # case matters
        ("Artcle", False),
        ("headline", False),  # a property, not a type
        ("http://example.com/Article", False),
        ("", False),
    ],
)
def test_is_type(name: str, expected: bool) -> None:
    assert schemaorg.is_type(name) is expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("headline", True),
        ("mainEntity", True),
        ("acceptedAnswer", True),
        ("interactionCount", True),  # superseded, still a property
        ("https://schema.org/name", True),
        ("Headline", False),
        ("Article", False),
        ("datePublised", False),
    ],
)
def test_is_property(name: str, expected: bool) -> None:
    assert schemaorg.is_property(name) is expected


@pytest.mark.parametrize(
    ("name", "of", "expected"),
    [
        ("NewsArticle", "Article", True),
        ("BlogPosting", "Article", True),
        ("MedicalScholarlyArticle", "Article", True),
        ("MedicalScholarlyArticle", "CreativeWork", True),
        ("FAQPage", "WebPage", True),
        ("FAQPage", "Thing", True),
        ("Article", "Article", True),  # reflexive, like issubclass
        ("WebPage", "Article", False),
        ("Person", "CreativeWork", False),
        ("Nope", "Thing", False),
        ("Article", "Nope", False),
    ],
)
def test_is_subtype(name: str, of: str, expected: bool) -> None:
    assert schemaorg.is_subtype(name, of) is expected


@pytest.mark.parametrize(
    ("prop", "type_", "expected"),
    [
        ("headline", "CreativeWork", True),
        ("headline", "BlogPosting", True),  # inherited from CreativeWork
        ("name", "ListItem", True),  # declared on Thing
        ("acceptedAnswer", "Question", True),
        ("position", "ListItem", True),
        ("headline", "Person", False),
        ("acceptedAnswer", "Answer", False),
        ("nope", "Thing", False),
        ("name", "Nope", False),
    ],
)
def test_property_allowed_on(prop: str, type_: str, expected: bool) -> None:
    assert schemaorg.property_allowed_on(prop, type_) is expected


@pytest.mark.parametrize(
    ("name", "kind", "expected"),
    [
        ("Artcle", "type", "Article"),
        ("faqpage", "type", "FAQPage"),
        ("BlogPostng", "type", "BlogPosting"),
        ("headlin", "property", "headline"),
        ("datePublised", "property", "datePublished"),
        ("acceptedanswer", "property", "acceptedAnswer"),
        ("zzzzqqq", "type", None),
        ("http://example.com/x", "property", None),
    ],
)
def test_suggest(
    name: str, kind: Literal["type", "property"], expected: str | None
) -> None:
    assert schemaorg.suggest(name, kind) == expected


def test_local_name() -> None:
    assert schemaorg.local_name("https://schema.org/Article") == "Article"
    assert schemaorg.local_name("schema:Article") == "Article"
    assert schemaorg.local_name("Article") == "Article"
    assert schemaorg.local_name("http://example.com/Thing") is None


def test_data_is_compact_sorted_and_attributed() -> None:
    text = (DATA / "schemaorg.json").read_text(encoding="utf-8")
    assert len(text.encode()) < 300_000
    raw = json.loads(text)
    assert (
        "CC BY-SA 3.0" in raw["attribution"] or "ShareAlike 3.0" in raw["attribution"]
    )
    assert tuple(int(p) for p in raw["release"].split(".")) >= (12, 0)
    for section in ("types", "properties"):
        assert list(raw[section]) == sorted(raw[section])
        assert all(v == sorted(v) for v in raw[section].values())
    # Every supertype and domain named is itself a known type.
    known = set(raw["types"])
    assert {t for sup in raw["types"].values() for t in sup} <= known
    assert {t for dom in raw["properties"].values() for t in dom} <= known
    assert "creativecommons.org/licenses/by-sa/3.0" in (
        DATA / "SCHEMAORG-LICENSE"
    ).read_text(encoding="utf-8")


def test_every_type_reaches_a_root() -> None:
    raw = json.loads((DATA / "schemaorg.json").read_text(encoding="utf-8"))
    roots = {name for name, sup in raw["types"].items() if not sup}
    assert {"Thing", "Text", "DataType"} <= roots
    for name in raw["types"]:
        assert schemaorg.ancestors(name) & roots, name


def test_loading_needs_no_network_or_schemaorg_package(tmp_path: Path) -> None:
    code = (
        "import socket, sys\n"
        "sys.modules['schemaorg'] = None\n"
        "def boom(*a, **k): raise OSError('network used')\n"
        "socket.socket.connect = boom\n"
        "socket.create_connection = boom\n"
        "from pipeline import schemaorg\n"
        "assert schemaorg.is_subtype('NewsArticle', 'Thing')\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=tmp_path)


def _generator() -> Any:
    path = Path(__file__).resolve().parent.parent / "scripts" / "gen_schemaorg.py"
    spec = importlib.util.spec_from_file_location("gen_schemaorg", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_generator_reduces_a_release_graph() -> None:
    gen = _generator()
    graph = [
        {"@id": "schema:Thing", "@type": "rdfs:Class"},
        {"@id": "schema:Text", "@type": ["rdfs:Class", "schema:DataType"]},
        {
            "@id": "schema:CreativeWork",
            "@type": "rdfs:Class",
            "rdfs:subClassOf": {"@id": "schema:Thing"},
        },
        {"@id": "schema:InStock", "@type": "schema:ItemAvailability"},  # a member
        {
            "@id": "schema:headline",
            "@type": "rdf:Property",
            "schema:domainIncludes": [{"@id": "schema:CreativeWork"}],
        },
        {
            "@id": "schema:old",
            "@type": "rdf:Property",
            "schema:supersededBy": {"@id": "schema:headline"},
        },
    ]
    vocab = gen.build(graph, "99.0")
    assert vocab["types"] == {"CreativeWork": ["Thing"], "Text": [], "Thing": []}
    assert vocab["properties"] == {
        "headline": ["CreativeWork"],
        "old": ["CreativeWork"],
    }
    assert "ShareAlike 3.0" in vocab["attribution"]
    text = gen.dump(vocab)
    assert json.loads(text) == vocab
    assert gen.dump(gen.build(list(reversed(graph)), "99.0")) == text  # deterministic


@pytest.mark.parametrize(
    ("path", "version"),
    [
        (
            "schemaorg-0.1.1/schemaorg/data/releases/12.0/schemaorg-current-https.jsonld",
            "12.0",
        ),
        ("schemaorg-29.0/data/releases/29.0/schemaorg-current-https.jsonld", "29.0"),
        ("data/releases/29.0/schemaorg-all-https.jsonld", None),
    ],
)
def test_generator_finds_release_files(path: str, version: str | None) -> None:
    match = _generator().RELEASE_FILE.search(path)
    assert (match["version"] if match else None) == version
