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
    assert raw["release"] == "30.0"
    for section in ("types", "properties", "parts", "superseded", "context"):
        assert list(raw[section]) == sorted(raw[section])
    assert all(v == sorted(v) for v in raw["types"].values())
    for entry in raw["properties"].values():
        assert entry["domains"] == sorted(entry["domains"])
        assert entry["ranges"] == sorted(entry["ranges"])
    # Every supertype, domain, range and replacement named is itself a known term.
    known = set(raw["types"])
    assert {t for sup in raw["types"].values() for t in sup} <= known
    assert {t for e in raw["properties"].values() for t in e["domains"]} <= known
    assert {t for e in raw["properties"].values() for t in e["ranges"]} <= known
    assert set(raw["superseded"].values()) <= known | set(raw["properties"])
    assert set(raw["parts"]) <= known | set(raw["properties"])
    assert "creativecommons.org/licenses/by-sa/3.0" in (
        DATA / "SCHEMAORG-LICENSE"
    ).read_text(encoding="utf-8")


REPO = Path(__file__).resolve().parent.parent
SOURCE = REPO / "tests" / "fixtures" / "schemaorg-30.0"


def test_table_is_the_generators_output_from_the_committed_release(
    tmp_path: Path,
) -> None:
    """Regenerate from the committed copy of schema.org 30.0 and compare byte
    for byte: the shipped table and licence note are exactly the script's output."""
    outputs = []
    for run in ("a", "b"):
        table, licence = tmp_path / f"{run}.json", tmp_path / f"{run}-LICENSE"
        cmd = [sys.executable, str(REPO / "scripts" / "gen_schemaorg.py"), str(SOURCE)]
        cmd += ["--output", str(table), "--license-output", str(licence)]
        subprocess.run(cmd, check=True, capture_output=True)
        outputs.append((table.read_bytes(), licence.read_bytes()))
    assert outputs[0] == outputs[1]  # deterministic
    assert outputs[0][0] == (DATA / "schemaorg.json").read_bytes(), (
        "stale: run python scripts/gen_schemaorg.py tests/fixtures/schemaorg-30.0"
    )
    assert outputs[0][1] == (DATA / "SCHEMAORG-LICENSE").read_bytes()
    check = [sys.executable, str(REPO / "scripts" / "gen_schemaorg.py"), str(SOURCE)]
    assert subprocess.run([*check, "--check"], capture_output=True).returncode == 0


def test_generator_check_detects_a_stale_table(tmp_path: Path) -> None:
    stale = tmp_path / "schemaorg.json"
    stale.write_text("{}\n", encoding="utf-8")
    cmd = [sys.executable, str(REPO / "scripts" / "gen_schemaorg.py"), str(SOURCE)]
    cmd += ["--output", str(stale), "--license-output", str(tmp_path / "L")]
    done = subprocess.run([*cmd, "--check"], capture_output=True, text=True)
    assert done.returncode == 1
    assert "stale" in done.stderr


def test_committed_release_copy_is_attributed() -> None:
    readme = (SOURCE / "README.md").read_text(encoding="utf-8")
    assert "CC BY-SA 3.0" in readme and "schema.org" in readme


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("Article", None),  # core
        ("query", None),
        ("MedicalCondition", "health-lifesci"),
        ("Vehicle", None),
        ("CarUsageType", "auto"),
        ("Audiobook", "bib"),
        ("StupidType", "attic"),
        ("https://schema.org/MedicalCondition", "health-lifesci"),
        ("Nope", None),
    ],
)
def test_part(term: str, expected: str | None) -> None:
    assert schemaorg.part(term) == expected


def test_pending_terms_are_known_and_marked() -> None:
    raw = json.loads((DATA / "schemaorg.json").read_text(encoding="utf-8"))
    pending = [t for t, p in raw["parts"].items() if p == "pending"]
    assert len(pending) > 300
    for term in pending:
        assert schemaorg.is_type(term) or schemaorg.is_property(term), term
        assert schemaorg.part(term) == "pending"


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("option", "actionOption"),
        ("interactionCount", "interactionStatistic"),
        ("ProductReturnPolicy", "MerchantReturnPolicy"),
        ("actionOption", None),
        ("headline", None),
    ],
)
def test_superseded_by(term: str, expected: str | None) -> None:
    assert schemaorg.superseded_by(term) == expected


def test_ranges() -> None:
    assert schemaorg.ranges("startDate") == {"Date", "DateTime"}
    assert "EntryPoint" in schemaorg.ranges("target")
    assert schemaorg.ranges("nope") == frozenset()


def test_remote_context_aliases_and_prefixes() -> None:
    ctx = schemaorg.remote_context()
    assert ctx["type"] == "@type" and ctx["id"] == "@id"
    assert ctx["schema"] == "http://schema.org/"
    assert ctx["@vocab"] == "http://schema.org/"
    assert ctx["dcterms"] == "http://purl.org/dc/terms/"
    assert "name" not in ctx  # resolved by @vocab, not listed


def test_vocabulary_30_adds_terms_the_issue_names() -> None:
    for term in ("OrganizationRole", "PerformanceRole", "PropertyValueSpecification"):
        assert schemaorg.is_type(term)
    assert schemaorg.release() == "30.0"


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
    graph.append(
        {
            "@id": "schema:draft",
            "@type": "rdf:Property",
            "schema:domainIncludes": {"@id": "schema:Thing"},
            "schema:rangeIncludes": [{"@id": "schema:Text"}, {"@id": "ex:Other"}],
            "schema:isPartOf": {"@id": "https://pending.schema.org"},
        }
    )
    context = {
        "@context": {
            "type": "@type",
            "@vocab": "http://schema.org/",
            "schema": "http://schema.org/",
            "headline": {"@id": "schema:headline"},
            "HTML": {"@id": "rdf:HTML"},
        }
    }
    vocab = gen.build(graph, "99.0", context)
    assert vocab["types"] == {"CreativeWork": ["Thing"], "Text": [], "Thing": []}
    assert vocab["properties"] == {
        "draft": {"domains": ["Thing"], "ranges": ["Text"]},
        "headline": {"domains": ["CreativeWork"], "ranges": []},
        "old": {"domains": ["CreativeWork"], "ranges": []},
    }
    assert vocab["superseded"] == {"old": "headline"}
    assert vocab["parts"] == {"draft": "pending"}
    assert vocab["context"] == {
        "@vocab": "http://schema.org/",
        "HTML": "rdf:HTML",
        "schema": "http://schema.org/",
        "type": "@type",
    }
    assert "ShareAlike 3.0" in vocab["attribution"]
    text = gen.dump(vocab)
    assert json.loads(text) == vocab
    again = gen.build(list(reversed(graph)), "99.0", context)
    assert gen.dump(again) == text  # deterministic


@pytest.mark.parametrize(
    ("path", "version"),
    [
        ("tests/fixtures/schemaorg-30.0", "30.0"),
        ("schemaorg/data/releases/29.0", "29.0"),
        ("data/releases", None),
    ],
)
def test_generator_reads_the_release_from_the_folder(
    path: str, version: str | None
) -> None:
    match = _generator().VERSION.search(path)
    assert (match["version"] if match else None) == version
