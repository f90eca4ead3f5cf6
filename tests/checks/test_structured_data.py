"""SD4xx: each rule firing and not firing on small JSON-LD pages."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import pipeline.checks.structured_data  # noqa: F401  (registers SD4xx)
from pipeline.checks import REGISTRY, CheckConfig, PageInput, check_pages
from pipeline.findings import Finding, Severity

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "jsonld"
CTX = "https://schema.org"


def ld(*objects: Any, raw: str | None = None) -> str:
    """A page whose head holds one JSON-LD script per object."""
    scripts = [raw] if raw is not None else [json.dumps(o) for o in objects]
    return "".join(f'<script type="application/ld+json">{s}</script>' for s in scripts)


def run(html: str, select: str = "SD4", **options: Any) -> list[Finding]:
    config = CheckConfig(select=[select], structured_data=options)
    return check_pages([PageInput("page.html", html)], config).findings


def codes(html: str, **options: Any) -> list[str]:
    return sorted({f.code for f in run(html, **options)})


def messages(html: str, code: str, **options: Any) -> list[str]:
    return [f.message for f in run(html, code, **options)]


def faq(*questions: Any) -> dict[str, Any]:
    return {"@context": CTX, "@type": "FAQPage", "mainEntity": list(questions)}


def q(name: str | None, *answers: Any) -> dict[str, Any]:
    node: dict[str, Any] = {"@type": "Question"}
    if name is not None:
        node["name"] = name
    if len(answers) == 1:
        node["acceptedAnswer"] = answers[0]
    elif answers:
        node["acceptedAnswer"] = list(answers)
    return node


def a(text: str | None) -> dict[str, Any]:
    return {"@type": "Answer"} | ({"text": text} if text is not None else {})


VISIBLE_FAQ = (
    "<main><h2>FAQ</h2><h3>Can herpes cause back pain?</h3>"
    "<p>Yes, shingles can cause back pain.</p></main>"
)
GOOD_FAQ = faq(
    q("Can herpes cause back pain?", a("Yes, shingles can cause back pain."))
)


# --- SD401 jsonld-syntax-error -------------------------------------------------


def test_syntax_error_reports_its_position_in_the_html_file() -> None:
    html = (
        "<html><head>\n"
        '  <script type="application/ld+json">{"@context": "https://schema.org",\n'
        '    "@type": "Article",\n'
        '    "headline": "x",,\n'
        "  }</script></head></html>"
    )
    [finding] = run(html)
    assert finding.code == "SD401"
    assert (finding.line, finding.column) == (4, 21)  # the second comma
    assert "line 4, column 21" in finding.message
    assert finding.severity is Severity.ERROR


def test_syntax_error_on_the_script_line_counts_from_the_tag() -> None:
    html = '<html><head>\n<script type="application/ld+json">{"a": 1,}</script>'
    [finding] = run(html, "SD401")
    # `<script type="application/ld+json">` is 35 characters; `}` is the 9th.
    assert (finding.line, finding.column) == (2, 35 + 9)


def test_literal_script_end_tag_in_a_string_cuts_the_block() -> None:
    html = (FIXTURES / "broken-script-end.html").read_text(encoding="utf-8")
    [finding] = run(html)
    assert finding.code == "SD401"
    assert "Unterminated string" in finding.message
    assert r"<\/script>" in finding.message  # the fix is in the message
    assert finding.line == 9


def test_escaped_script_end_tag_parses() -> None:
    html = (FIXTURES / "broken-script-end.html").read_text(encoding="utf-8")
    fixed = html.replace("Why </script>", r"Why <\/script>")
    assert "SD401" not in codes(fixed)


@pytest.mark.parametrize(
    ("raw", "fires"),
    [
        ('"just a string"', True),
        ("42", True),
        ('[{"@context": "https://schema.org", "@type": "Thing"}, 3]', True),
        ("", True),  # an empty block does not parse either
        ('{"@context": "https://schema.org", "@type": "Thing"}', False),
        ('[{"@context": "https://schema.org", "@type": "Thing"}]', False),
    ],
)
def test_syntax_error_and_shape(raw: str, fires: bool) -> None:
    assert ("SD401" in codes(ld(raw=raw))) is fires


REPAIRABLE = [
    (
        '{"@context": "https://schema.org", "@type": "Artcle",}',
        "trailing commas removed",
    ),
    (
        '{"@context": "https://schema.org", // generated\n "@type": "Artcle"}',
        "comments removed",
    ),
    (
        '<!-- {"@context": "https://schema.org", "@type": "Artcle"} -->',
        "an HTML comment",
    ),
    (
        '{"@context": "https://schema.org", "@type": "Artcle", "name": "a\nb"}',
        "control characters in strings escaped",
    ),
]


@pytest.mark.parametrize(("raw", "repair"), REPAIRABLE)
def test_repaired_block_is_checked_by_the_other_rules(raw: str, repair: str) -> None:
    found = {f.code: f.message for f in run(ld(raw=raw))}
    assert set(found) == {"SD401", "SD409"}
    assert "is not strict JSON" in found["SD401"]
    assert repair in found["SD401"]
    assert "checked by the other rules" in found["SD401"]
    # The other rule's finding says the block needed repair.
    assert found["SD409"].startswith("unknown schema.org type 'Artcle'")
    assert "(json-ld block read after repair: " in found["SD409"]
    assert repair in found["SD409"]


def test_unrepairable_block_silences_the_other_rules() -> None:
    raw = '{"@context": "https://schema.org" "@type": "Artcle"}'  # a missing comma
    found = run(ld(raw=raw))
    assert [f.code for f in found] == ["SD401"]
    assert "does not parse" in found[0].message


def test_nan_is_not_valid_json() -> None:
    raw = '{"@context": "https://schema.org", "@type": "Product", "weight": NaN}'
    [finding] = run(ld(raw=raw), "SD401")
    assert "NaN is not a JSON value" in finding.message
    assert "NaN/Infinity read as numbers" in finding.message


@pytest.mark.parametrize(
    ("raw", "why"),
    [
        ("null", "the block is null"),
        ("false", "the block is false"),
        ("42", "the block is a number"),
        ('"text"', "the block is a string"),
        (
            '[{"@context": "https://schema.org", "@type": "Thing"}, 3]',
            "its array holds a number",
        ),
    ],
)
def test_valid_json_that_is_not_json_ld_says_so(raw: str, why: str) -> None:
    [finding] = run(ld(raw=raw))
    assert finding.message == (
        f"json-ld block is valid JSON but not JSON-LD: {why}"
        " (a JSON-LD document is an object or an array of objects)"
    )
    assert "not valid JSON" not in finding.message


def test_duplicate_keys_are_reported() -> None:
    raw = '{"@context": "https://schema.org", "@type": "Article", "headline": "a", "headline": "b"}'
    assert messages(ld(raw=raw), "SD414") == [
        "json-ld has duplicate key 'headline': JSON parsers may read it differently"
    ]
    assert "SD401" not in codes(ld(raw=raw))  # valid JSON


def test_huge_integer_is_a_finding_not_a_crash() -> None:
    raw = (
        '{"@context": "https://schema.org", "@type": "Product", "sku": '
        + "7" * 5000
        + "}"
    )
    found = run(ld(raw=raw))
    assert [(f.code, f.message) for f in found] == [
        (
            "SD414",
            "json-ld has an integer of 5,000 digits beyond what JSON parsers can hold:"
            " JSON parsers may read it differently",
        )
    ]


# --- SD402 jsonld-context-not-schema-org ----------------------------------------


@pytest.mark.parametrize(
    ("context", "fires"),
    [
        ("https://schema.org", False),
        ("https://schema.org/", False),
        ("http://schema.org", False),
        ("http://schema.org/", False),
        ("HTTPS://Schema.org", False),
        ("https://schema.org/docs/jsonldcontext.json", False),
        (["https://schema.org", {"ex": "http://example.com/"}], False),
        ({"@vocab": "https://schema.org/"}, False),
        ([{"@vocab": "http://schema.org/"}], False),
        ("https://example.org", True),
        ("https://schema.org.evil.example", True),
        ({"ex": "http://example.com/"}, True),
        ([], True),
    ],
)
def test_context(context: Any, fires: bool) -> None:
    html = ld({"@context": context, "@type": "Thing", "name": "x"})
    assert ("SD402" in codes(html)) is fires


def test_missing_context_fires_once_per_top_level_object() -> None:
    html = ld(
        [{"@type": "Thing"}, {"@context": CTX, "@type": "Thing"}, {"@type": "Thing"}]
    )
    assert (
        messages(html, "SD402")
        == ["json-ld has no @context (expected https://schema.org)"] * 2
    )


def test_graph_needs_the_context_only_at_the_top() -> None:
    html = ld({"@context": CTX, "@graph": [{"@type": "Thing"}, {"@type": "Person"}]})
    assert "SD402" not in codes(html)


# --- SD403 faq-page-incomplete ---------------------------------------------------


@pytest.mark.parametrize(
    ("node", "expected"),
    [
        (GOOD_FAQ, []),
        (faq(), ["FAQPage has no mainEntity questions"]),
        (
            faq({"@type": "Answer", "text": "x"}),
            ["faq mainEntity #1 is Answer, not a Question"],
        ),
        (faq(q(None, a("x"))), ["faq question #1 has no name"]),
        (
            faq(q("Why?")),
            ["faq question 'Why?' has 0 acceptedAnswer (expected 1)"],
        ),
        (
            faq(q("Why?", a("Because."), a("Also because."))),
            ["faq question 'Why?' has 2 acceptedAnswer (expected 1)"],
        ),
        (
            faq(q("Why?", a(None))),
            ["acceptedAnswer of faq question 'Why?' has no text"],
        ),
        (
            faq(q("Why?", a("  "))),
            ["acceptedAnswer of faq question 'Why?' has no text"],
        ),
        (faq("Why?"), ["faq mainEntity #1 is str, not a Question"]),
    ],
    ids=[
        "complete",
        "no-questions",
        "not-a-question",
        "no-name",
        "no-answer",
        "two-answers",
        "answer-without-text",
        "blank-answer",
        "string-entity",
    ],
)
def test_faq_page_incomplete(node: dict[str, Any], expected: list[str]) -> None:
    assert sorted(messages(ld(node), "SD403")) == sorted(expected)


def test_faq_questions_referenced_by_id_are_resolved() -> None:
    graph: dict[str, Any] = {
        "@context": CTX,
        "@graph": [
            {"@type": "FAQPage", "mainEntity": [{"@id": "#q1"}]},
            {
                "@type": "Question",
                "@id": "#q1",
                "name": "Why?",
                "acceptedAnswer": {"@id": "#a1"},
            },
            {"@type": "Answer", "@id": "#a1", "text": "Because."},
        ],
    }
    assert messages(ld(graph), "SD403") == []
    del graph["@graph"][2]["text"]
    assert messages(ld(graph), "SD403") == [
        "acceptedAnswer of faq question 'Why?' has no text"
    ]


# --- SD404 multiple-faq-pages ----------------------------------------------------


def test_two_faq_pages() -> None:
    assert messages(ld(GOOD_FAQ, GOOD_FAQ), "SD404") == [
        "page has 2 FAQPage nodes (max 1)"
    ]


def test_one_faq_page_declared_in_two_blocks_with_one_id_counts_once() -> None:
    first = GOOD_FAQ | {"@id": "https://example.com/#faq"}
    second = {"@context": CTX, "@type": "FAQPage", "@id": "https://example.com/#faq"}
    assert messages(ld(first, second), "SD404") == []


def test_faq_page_as_a_subtype_list_counts() -> None:
    other = {"@context": CTX, "@type": ["FAQPage", "MedicalWebPage"], "mainEntity": []}
    assert "SD404" in codes(ld(GOOD_FAQ, other))


# --- SD405 faq-markup-not-visible / SD406 faq-without-markup --------------------


@pytest.mark.parametrize(
    ("answer", "visible"),
    [
        ("Yes, shingles can cause back pain.", True),
        ("<p>Yes, <b>shingles</b> can\n cause   back pain.</p>", True),
        ("YES, SHINGLES CAN CAUSE BACK PAIN.", True),
        ("Yes, shingles can cause back pain.", True),
        ("Yes, shingles can cause back pain &amp; more.", False),
        ("No, never.", False),
    ],
)
def test_answer_visibility(answer: str, visible: bool) -> None:
    node = faq(q("Can herpes cause back pain?", a(answer)))
    found = messages(VISIBLE_FAQ + ld(node), "SD405")
    assert (found == []) is visible
    if not visible:
        assert found == [
            "answer to faq question 'Can herpes cause back pain?' is not visible on the page"
        ]


@pytest.mark.parametrize(
    "answer",
    [
        "Take 1 tablet if pain < 5 and > 2 days.",
        "Take 1 tablet if pain &lt; 5 and &gt; 2 days.",
    ],
)
def test_comparison_signs_are_not_taken_for_tags(answer: str) -> None:
    visible = (
        "<main><h2>FAQ</h2><h3>How much?</h3>"
        "<p>Take 1 tablet if pain &lt; 5 and &gt; 2 days.</p></main>"
    )
    assert messages(visible + ld(faq(q("How much?", a(answer)))), "SD405") == []


def test_invisible_question() -> None:
    node = faq(q("Is herpes curable?", a("Yes, shingles can cause back pain.")))
    assert messages(VISIBLE_FAQ + ld(node), "SD405") == [
        "faq question 'Is herpes curable?' is not visible on the page"
    ]


def test_faq_hidden_from_readers_is_not_visible() -> None:
    hidden = VISIBLE_FAQ.replace("<h2>FAQ", "<div hidden><h2>FAQ").replace(
        "</main>", "</div></main>"
    )
    assert len(messages(hidden + ld(GOOD_FAQ), "SD405")) == 2


def test_faq_finding_points_at_the_faq_anchor() -> None:
    node = faq(q("Is herpes curable?", a("No.")))
    [finding, _] = run(VISIBLE_FAQ + ld(node), "SD405")
    assert finding.snippet == "Is herpes curable?"


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        (VISIBLE_FAQ, ["visible faq (1 question) has no FAQPage json-ld"]),
        (VISIBLE_FAQ + ld(GOOD_FAQ), []),
        (
            VISIBLE_FAQ.replace(
                "</main>", "<h3>Is it contagious?</h3><p>Yes.</p></main>"
            )
            + ld(GOOD_FAQ),
            ["visible faq question 'Is it contagious?' is not in the FAQPage"],
        ),
        ("<main><p>No questions here.</p></main>", []),
    ],
    ids=["no-markup", "marked-up", "partly-marked-up", "no-faq"],
)
def test_faq_without_markup(html: str, expected: list[str]) -> None:
    findings = run(html, "SD406")
    assert [f.message for f in findings] == expected
    assert all(f.severity is Severity.INFO for f in findings)


def test_no_rule_doc_or_message_promises_rich_results() -> None:
    for code, rule in REGISTRY.items():
        if code.startswith("SD4"):
            assert "rich result" not in rule.doc.lower(), code
    pages = [VISIBLE_FAQ, VISIBLE_FAQ + ld(faq(), faq(q("Why?")))]
    pages += [p.read_text(encoding="utf-8") for p in FIXTURES.glob("*.html")]
    for html in pages:
        assert all("rich" not in f.message.lower() for f in run(html))


# --- SD407 article-missing-properties -------------------------------------------

FULL_ARTICLE = {
    "headline": "Can herpes cause back pain?",
    "author": {"@type": "Person", "name": "A. Lee"},
    "datePublished": "2024-05-01",
    "image": "https://example.com/a.jpg",
}


@pytest.mark.parametrize(
    ("type_", "drop", "expected"),
    [
        ("Article", [], []),
        ("Article", ["image"], ["Article has no image"]),
        (
            "BlogPosting",
            ["author", "datePublished"],
            ["BlogPosting has no author", "BlogPosting has no datePublished"],
        ),
        ("NewsArticle", ["headline"], ["NewsArticle has no headline"]),
        (
            "MedicalScholarlyArticle",
            ["image"],
            ["MedicalScholarlyArticle has no image"],
        ),
        (
            ["Article", "MedicalWebPage"],
            ["image"],
            ["Article/MedicalWebPage has no image"],
        ),
        ("WebPage", ["image", "author"], []),  # not an Article
        (
            "https://schema.org/Report",
            ["image"],
            ["Report has no image"],
        ),
    ],
)
def test_article_properties(type_: Any, drop: list[str], expected: list[str]) -> None:
    node = {"@context": CTX, "@type": type_} | {
        k: v for k, v in FULL_ARTICLE.items() if k not in drop
    }
    assert sorted(messages(ld(node), "SD407")) == sorted(expected)


def test_article_author_by_reference_and_blank_values() -> None:
    node = {"@context": CTX, "@type": "Article"} | FULL_ARTICLE
    assert messages(ld(node | {"author": {"@id": "#org"}}), "SD407") == []
    assert messages(ld(node | {"headline": " "}), "SD407") == [
        "Article has no headline"
    ]
    assert messages(ld(node | {"image": []}), "SD407") == ["Article has no image"]


def test_article_properties_option() -> None:
    node = {"@context": CTX, "@type": "Article"} | FULL_ARTICLE
    found = messages(ld(node), "SD407", article_properties=["dateModified"])
    assert found == ["Article has no dateModified"]


def test_article_in_a_graph_with_merged_ids() -> None:
    html = (FIXTURES / "graph-clean.html").read_text(encoding="utf-8")
    assert run(html) == []
    split = {"@context": CTX, "@type": "Article", "@id": "#a", "headline": "H"}
    rest = {
        "@context": CTX,
        "@id": "#a",
        "author": "A",
        "datePublished": "2024",
        "image": "i",
    }
    assert messages(ld(split, rest), "SD407") == []


# --- SD408 breadcrumb-list-invalid ----------------------------------------------


def crumbs(*items: dict[str, Any]) -> str:
    return ld(
        {"@context": CTX, "@type": "BreadcrumbList", "itemListElement": list(items)}
    )


def li(
    position: Any, name: str | None = "Step", item: Any = "https://example.com/"
) -> dict[str, Any]:
    node: dict[str, Any] = {"@type": "ListItem", "position": position}
    if name is not None:
        node["name"] = name
    if item is not None:
        node["item"] = item
    return node


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        (crumbs(li(1), li(2, item=None)), []),
        (crumbs(li(2, item=None), li(1)), []),  # order by position
        (
            crumbs(
                li(1, name=None, item={"@id": "https://e.x/", "name": "Home"}), li(2)
            ),
            [],
        ),
        (
            crumbs(li(1), {"@type": "Thing", "name": "x"}),
            ["breadcrumb entry #2 is not a ListItem"],
        ),
        (crumbs(li(1), li(3)), ["breadcrumb positions are 1, 3 (expected 1 to 2)"]),
        (crumbs(li(0), li(1)), ["breadcrumb positions are 0, 1 (expected 1 to 2)"]),
        (crumbs(li(1), li(1)), ["breadcrumb positions are 1, 1 (expected 1 to 2)"]),
        (crumbs(li(1), li("2")), ["breadcrumb ListItem without an integer position"]),
        (crumbs(li(1, name=None), li(2)), ["breadcrumb item 1 has no name"]),
        (crumbs(li(1, item=None), li(2)), ["breadcrumb item 1 has no item url"]),
        (
            crumbs(li(1, item={"name": "Home"}), li(2)),
            ["breadcrumb item 1 has no item url"],
        ),
    ],
    ids=[
        "valid",
        "unordered",
        "item-name",
        "not-a-list-item",
        "gap",
        "from-zero",
        "duplicate",
        "string-position",
        "no-name",
        "no-url",
        "item-without-url",
    ],
)
def test_breadcrumbs(html: str, expected: list[str]) -> None:
    assert messages(html, "SD408") == expected


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        (crumbs(li(1), li(2)), []),
        (crumbs(li(1)), ["breadcrumb list has 1 ListItem (min 2)"]),
        (crumbs(), ["breadcrumb list has 0 ListItems (min 2)"]),
        (crumbs(li(1), {"@type": "Thing"}), ["breadcrumb list has 1 ListItem (min 2)"]),
    ],
)
def test_breadcrumbs_too_short(html: str, expected: list[str]) -> None:
    assert messages(html, "SD411") == expected
    assert all(f.severity is Severity.WARNING for f in run(html, "SD411"))


def test_breadcrumbs_option() -> None:
    assert messages(crumbs(li(1)), "SD411", min_breadcrumbs=1) == []


# --- SD409 unknown-schema-org-term / SD410 property-not-on-type -----------------


def test_vocabulary_walks_graph_lists_and_nested_objects() -> None:
    html = (FIXTURES / "typos.html").read_text(encoding="utf-8")
    assert sorted(messages(html, "SD409")) == [
        "unknown schema.org property 'datePublised'; did you mean 'datePublished'?",
        "unknown schema.org property 'nmae'; did you mean 'name'?",
        "unknown schema.org type 'BlogPost'; did you mean 'BlogPosting'?",
        "unknown schema.org type 'Persn'; did you mean 'Person'?",
    ]


@pytest.mark.parametrize(
    ("node", "expected"),
    [
        ({"@type": "Article", "headline": "x"}, []),
        ({"@type": "schema:Article", "schema:headline": "x"}, []),
        ({"@type": "https://schema.org/Article"}, []),
        (
            {"@type": "faqpage"},
            ["unknown schema.org type 'faqpage'; did you mean 'FAQPage'?"],
        ),
        (
            {"@type": "Thing", "Name": "x"},
            ["unknown schema.org property 'Name'; did you mean 'name'?"],
        ),
        ({"@type": "Thing", "zzqx": 1}, ["unknown schema.org property 'zzqx'"]),
        ({"@type": "Thing", "@language": "en", "@reverse": {}}, []),
        ({"@type": "http://example.com/Gadget", "http://example.com/p": 1}, []),
        ({"@type": "Thing", "name": {"@value": "x", "@language": "en"}}, []),
    ],
)
def test_vocabulary_terms(node: dict[str, Any], expected: list[str]) -> None:
    assert messages(ld({"@context": CTX} | node), "SD409") == expected


def test_vocabulary_extra_terms_and_foreign_context() -> None:
    node = {"@context": CTX, "@type": "Gadget", "gizmoCount": "x"}
    assert len(messages(ld(node), "SD409")) == 2
    assert messages(ld(node), "SD409", extra_terms=["Gadget", "gizmoCount"]) == []
    foreign = {"@context": "https://example.org/ctx", "@type": "Widget"}
    assert messages(ld(foreign), "SD409") == []  # not schema.org: SD402's job


def test_repeated_unknown_term_is_reported_once_per_block() -> None:
    node = {
        "@context": CTX,
        "@graph": [{"@type": "Thing", "nmae": i} for i in range(5)],
    }
    assert len(messages(ld(node), "SD409")) == 1


@pytest.mark.parametrize(
    ("node", "expected"),
    [
        ({"@type": "Person", "name": "x", "jobTitle": "y"}, []),
        ({"@type": "BlogPosting", "headline": "x"}, []),  # inherited
        ({"@type": ["Person", "Article"], "headline": "x"}, []),  # any of the types
        (
            {"@type": "Person", "headline": "x"},
            ["'headline' is not a property of Person (it is on CreativeWork)"],
        ),
        ({"@type": "Persn", "headline": "x"}, []),  # unknown type: SD409's job
        ({"name": "untyped", "headline": "x"}, []),
    ],
)
def test_property_not_on_type(node: dict[str, Any], expected: list[str]) -> None:
    assert messages(ld({"@context": CTX} | node), "SD410") == expected


def test_bundled_style_graph_is_clean() -> None:
    html = (FIXTURES / "graph-clean.html").read_text(encoding="utf-8")
    assert [(f.code, f.message) for f in run(html)] == []


# --- issue 10: terms resolved as JSON-LD consumers do -------------------------------

VOCAB_RULES = ("SD402", "SD409", "SD410", "META512")


def vocab_findings(html: str) -> list[Finding]:
    config = CheckConfig(select=list(VOCAB_RULES))
    return check_pages([PageInput("page.html", html)], config).findings


def test_valid_markup_of_every_case_gives_no_finding() -> None:
    """Aliases, prefixes, http/https, arrays of contexts, @vocab, Role,
    -input/-output, pending and extension terms, reduced-precision dates."""
    html = (FIXTURES / "valid-terms.html").read_text(encoding="utf-8")
    assert [(f.code, f.message) for f in vocab_findings(html)] == []
    # The pending terms are known and only noted as info.
    pending = run(html, "SD413")
    assert sorted(f.message for f in pending) == [
        "schema.org property 'eventSchedule' is a pending term (proposed, not yet in the core vocabulary)",
        "schema.org property 'repeatFrequency' is a pending term (proposed, not yet in the core vocabulary)",
        "schema.org property 'schema:jobTitle' is a pending term (proposed, not yet in the core vocabulary)",
        "schema.org type 'Schedule' is a pending term (proposed, not yet in the core vocabulary)",
    ]
    assert all(f.severity is Severity.INFO for f in pending)


def test_matching_invalid_markup_gives_exactly_the_expected_findings() -> None:
    html = (FIXTURES / "invalid-terms.html").read_text(encoding="utf-8")
    found = sorted((f.code, f.message) for f in vocab_findings(html))
    assert found == [
        (
            "META512",
            "json-ld birthDate '1977-02-30' is not an ISO 8601 date (1977-02 has no day 30)",
        ),
        (
            "META512",
            "json-ld datePublished '2013-13' is not an ISO 8601 date (there is no month 13)",
        ),
        (
            "META512",
            "json-ld endDate 2013 is not an ISO 8601 date (a date is written as a string)",
        ),
        (
            "META512",
            "json-ld startDate '11/02/2026' is not an ISO 8601 date "
            "(expected YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm[:ss][zone])",
        ),
        ("SD402", "json-ld @context is 'https://schema.com', not schema.org"),
        (
            "SD409",
            "unknown schema.org property 'headlne'; did you mean 'headline'?",
        ),
        ("SD409", "unknown schema.org property 'nosuch-input'"),
        (
            "SD409",
            "unknown schema.org property 'schema:nmae'; did you mean 'name'?",
        ),
        ("SD409", "unknown schema.org type 'Artcle'; did you mean 'Article'?"),
        ("SD409", "unknown schema.org type 'schema:Persn'; did you mean 'Person'?"),
        (
            "SD410",
            "'actor' is not a property of OrganizationRole "
            "(it is on Clip, CreativeWorkSeason, Episode, Event)",
        ),
        ("SD410", "'headline' is not a property of Person (it is on CreativeWork)"),
        ("SD410", "'query-input' is not a property of WebSite (it is on SearchAction)"),
    ]


SCHEMAORG_EXAMPLES = sorted((FIXTURES / "schemaorg-examples").glob("*.html"))


def test_schemaorg_examples_are_committed() -> None:
    assert len(SCHEMAORG_EXAMPLES) >= 5
    readme = (FIXTURES / "schemaorg-examples" / "README.md").read_text("utf-8")
    assert "CC BY-SA 3.0" in readme


@pytest.mark.parametrize("path", SCHEMAORG_EXAMPLES, ids=lambda p: p.stem)
def test_schemaorg_examples_give_no_vocabulary_or_date_finding(path: Path) -> None:
    """schema.org's own examples are valid: no SD409, SD410 or META512."""
    config = CheckConfig(select=["SD409", "SD410", "META512"])
    html = path.read_text(encoding="utf-8")
    result = check_pages([PageInput(path.name, html)], config)
    assert [(f.code, f.message) for f in result.findings] == []


@pytest.mark.parametrize(
    ("node", "expected"),
    [
        ({"@type": "Person", "name": "x", "colleagues": "y"}, ["colleagues"]),
        ({"@type": "UserBlocks"}, ["UserBlocks"]),
        ({"@type": "Person", "colleague": "y"}, []),
    ],
)
def test_superseded_terms_name_the_replacement(
    node: dict[str, Any], expected: list[str]
) -> None:
    found = messages(ld({"@context": CTX} | node), "SD412")
    assert len(found) == len(expected)
    for message, term in zip(found, expected, strict=True):
        assert f"{term!r} is superseded by" in message


def test_superseded_message() -> None:
    node = {"@context": CTX, "@type": "Person", "colleagues": "y"}
    assert messages(ld(node), "SD412") == [
        "schema.org property 'colleagues' is superseded by 'colleague'"
    ]
    assert messages(ld(node), "SD409") == []  # known, not unknown


def test_attic_terms_are_retired_not_unknown() -> None:
    node = {"@context": CTX, "@type": "StupidType"}
    assert messages(ld(node), "SD409") == []
    assert messages(ld(node), "SD412") == [
        "schema.org type 'StupidType' is retired (in schema.org's attic)"
    ]


def test_opaque_remote_context_silences_unknown_terms_only() -> None:
    node = {
        "@context": ["https://schema.org", "https://w3id.org/security/v2"],
        "@type": "Person",
        "proof": {"@type": "Ed25519Signature2020"},
        "colleagues": "x",
    }
    assert messages(ld(node), "SD409") == []  # may be defined by the other context
    assert len(messages(ld(node), "SD412")) == 1


def test_type_alias_makes_the_page_type_known_to_other_rules() -> None:
    node = {"@context": CTX, "type": "BlogPosting", "headline": "x"}
    assert messages(ld(node), "SD407") == [
        "BlogPosting has no author",
        "BlogPosting has no datePublished",
        "BlogPosting has no image",
    ]
