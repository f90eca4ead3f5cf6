"""HTML → PageFacts: one table per field, generator fixtures and hostile input."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.facts import BlockKind, PageFacts, decode_html, parse
from tests.helpers import meta_of

PAGES = Path(__file__).parent / "fixtures" / "pages"


def kinds(facts: PageFacts) -> list[tuple[str, str]]:
    return [(b.kind.value, b.text) for b in facts.blocks]


# --- head -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("html", "title", "in_head"),
    [
        ("<head><title>  Herpes \n  and pain </title></head>", "Herpes and pain", True),
        ("<title>Implied head</title><p>x</p>", "Implied head", True),
        ("<head><title>A &amp; B</title></head>", "A & B", True),
        ("<body><p>x</p><title>Late</title></body>", "Late", False),
    ],
)
def test_title(html: str, title: str, in_head: bool) -> None:
    [found] = parse(html).titles
    assert (found.text, found.in_head) == (title, in_head)


def test_meta_tags_and_open_graph() -> None:
    facts = parse(
        '<head><meta name="Description" content=" Two\n  lines "><meta property="og:title" '
        'content="T"><meta property="og:title" content="second"><meta charset="utf-8"></head>'
    )
    assert facts.description is not None and facts.description.text == "Two lines"
    assert facts.og["og:title"].text == "T"
    assert [m.key for m in facts.metas] == ["description", "og:title", "og:title"]


@pytest.mark.parametrize(
    ("html", "lang"),
    [
        ('<html lang="en-GB"><p>x</p></html>', "en-GB"),
        ("<html><p>x</p></html>", None),
        ('<html lang=" ">', None),
    ],
)
def test_lang(html: str, lang: str | None) -> None:
    assert parse(html).lang == lang


@pytest.mark.parametrize(
    ("html", "path", "front", "slug", "url_path"),
    [
        (
            '<link rel="canonical" href="https://e.x/blog/post-one/">',
            "",
            {},
            "post-one",
            "/blog/post-one/",
        ),
        (
            '<meta property="og:url" content="https://e.x/a.html">',
            "",
            {},
            "a",
            "/a.html",
        ),
        ("<p>x</p>", "site/blog/my-post/index.html", {}, "my-post", "/my-post"),
        ("<p>x</p>", "about.html", {}, "about", "/about"),
        (
            "<p>x</p>",
            "x.html",
            {"slug": "from-front-matter"},
            "from-front-matter",
            "/from-front-matter",
        ),
    ],
)
def test_slug_and_url_path(
    html: str, path: str, front: dict[str, str], slug: str, url_path: str
) -> None:
    facts = parse(html, path=path, meta=meta_of(front))
    assert (facts.slug, facts.url_path) == (slug, url_path)


# --- outline and blocks -------------------------------------------------------


def test_headings_outline_with_positions_and_main_flag() -> None:
    html = "<body>\n<header><h1>Site</h1></header>\n<main><h1>Post</h1>\n  <h2>Part <em>one</em></h2></main>\n</body>"
    facts = parse(html)
    assert [(h.level, h.text, h.in_main, h.line) for h in facts.headings] == [
        (1, "Site", False, 2),
        (1, "Post", True, 3),
        (2, "Part one", True, 4),
    ]
    assert facts.headings[2].column == 3
    assert facts.headings[2].anchor == "heading:Part one"


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<main><p>A <b>b</b>c.</p></main><footer><p>F</p></footer>", [("paragraph", "A bc.")]),
        ("<body><nav><p>N</p></nav><p>Body.</p><aside><p>S</p></aside></body>", [("paragraph", "Body.")]),
        ("<article><h1>T</h1><p>x</p></article><p>outside</p>", [("heading", "T"), ("paragraph", "x")]),
        ("<main><ul><li>One<ul><li>Two</li></ul></li></ul></main>", [("list_item", "One"), ("list_item", "Two")]),
        ("<main><li><p>In a list</p></li></main>", [("list_item", "In a list")]),
        ("<main><table><tr><th>H</th><td>C<br>D</td></tr></table></main>", [("table_cell", "H"), ("table_cell", "C D")]),
        ("<main><div>Loose text</div></main>", [("paragraph", "Loose text")]),
        ("<main><p>x</p><pre>code()</pre><script>s()</script><style>p{}</style></main>", [("paragraph", "x")]),
        ("<main><p hidden>secret</p><p>shown</p></main>", [("paragraph", "shown")]),
        ('<main><ul><li><a href="/a">Home</a></li></ul><p>Text <a href="/b">link</a>.</p></main>', [("paragraph", "Text link.")]),
        ('<main><div class="breadcrumbs">Home » Post</div><p>Text.</p></main>', [("paragraph", "Text.")]),
        ("<main><h1>Heading</h1>\n<p>Para</p></main>", [("heading", "Heading"), ("paragraph", "Para")]),
    ],
    ids=["main only", "body without furniture", "article", "nested list", "p in li", "cells",
         "div text", "no code or scripts", "hidden", "link-only blocks", "breadcrumbs", "heading"],
)  # fmt: skip
def test_blocks(html: str, expected: list[tuple[str, str]]) -> None:
    assert kinds(parse(html)) == expected


def test_key_points_anchor() -> None:
    facts = parse('<main><ul class="key-points"><li>Point</li></ul></main>')
    assert facts.blocks[0].anchor == "key_points"


# --- FAQ ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "html",
    [
        # A heading "FAQ" followed by question headings.
        "<main><h2>FAQ</h2><h3>Is it contagious?</h3><p>No.</p><p>Really.</p><h3>Why?</h3><p>A virus.</p></main>",
        # Frequently Asked Questions heading.
        "<main><h2>Frequently Asked Questions</h2><h3>Is it contagious?</h3><p>No. Really.</p><h3>Why?</h3><p>A virus.</p></main>",
        # A container whose class says faq, with details/summary.
        '<main><section class="faq"><details><summary>Is it contagious?</summary><p>No. Really.</p></details>'
        "<details><summary>Why?</summary><p>A virus.</p></details></section></main>",
        # Yoast's FAQ block.
        '<main><div class="schema-faq"><div class="schema-faq-section"><strong class="schema-faq-question">Is it contagious?</strong>'
        ' <p class="schema-faq-answer">No. Really.</p></div><div class="schema-faq-section"><strong class="schema-faq-question">Why?</strong>'
        ' <p class="schema-faq-answer">A virus.</p></div></div></main>',
        # A definition list in a faq section.
        '<main><div id="faq"><dl><dt>Is it contagious?</dt><dd>No. Really.</dd><dt>Why?</dt><dd>A virus.</dd></dl></div></main>',
    ],
    ids=["faq heading", "long heading", "details", "yoast", "dl"],
)
def test_faq_detection(html: str) -> None:
    facts = parse(html)
    assert [(q.question, q.answer) for q in facts.faq] == [
        ("Is it contagious?", "No. Really."),
        ("Why?", "A virus."),
    ]
    assert facts.faq[0].anchor == "faq:Is it contagious?"
    answers = [b for b in facts.blocks if b.kind is BlockKind.FAQ_ANSWER]
    assert answers and all(b.anchor.startswith("faq:") for b in answers)


def test_faq_section_ends_at_next_section_heading() -> None:
    facts = parse(
        "<main><h2>FAQ</h2><h3>Q?</h3><p>A.</p><h2>Sources</h2><p>Book.</p></main>"
    )
    assert [(q.question, q.answer) for q in facts.faq] == [("Q?", "A.")]
    assert facts.blocks[-1].kind is BlockKind.PARAGRAPH


def test_no_faq_without_marker() -> None:
    assert parse("<main><h2>Why?</h2><p>Because.</p></main>").faq == ()


# --- JSON-LD, links, images, claims, suppressions ---------------------------


def test_jsonld_parsed_graph_and_errors() -> None:
    html = (
        '<head>\n<script type="application/ld+json">{"@graph": [{"@type": "Article"}, {"@type": ["WebPage", "FAQPage"]}]}</script>\n'
        '<script type="application/ld+json">\n{"@type": "Article",\n "x": ,}\n</script>\n'
        '<script type="application/json">{"not": "ld"}</script></head>'
    )
    facts = parse(html)
    assert len(facts.jsonld) == 2
    assert facts.jsonld_types == ("Article", "FAQPage", "WebPage")
    broken = facts.jsonld[1]
    assert (
        broken.data is None and broken.error and broken.error.startswith("invalid JSON")
    )
    assert (broken.error_line, broken.error_column) == (5, 7)


def test_links_and_images() -> None:
    facts = parse(
        '<p><a href="/x" rel="nofollow">Go <b>on</b></a><img src="a.jpg"><img src="b.jpg" alt=""></p>'
    )
    assert [(link.href, link.text, link.rel) for link in facts.links] == [
        ("/x", "Go on", "nofollow")
    ]
    assert [(i.src, i.alt) for i in facts.images] == [("a.jpg", None), ("b.jpg", "")]


def test_length_claims() -> None:
    facts = parse(
        '<p>Meta description: “Short text here.” (149 characters)</p><p>Title: "Eight ch" (8 chars)</p>'
    )
    assert [(c.subject, c.quoted, c.claimed) for c in facts.claims] == [
        ("description", "Short text here.", 149),
        ("title", "Eight ch", 8),
    ]


def test_suppressions_from_comment_and_front_matter() -> None:
    facts = parse(
        "<!-- seo-pipeline: disable=LEN101, head3 --><p>x</p>",
        meta=meta_of({"seo-pipeline-disable": ["META5"]}),
    )
    assert facts.disabled == {"LEN101", "HEAD3", "META5"}


# --- encodings and hostile input --------------------------------------------


@pytest.mark.parametrize(
    ("data", "text", "issue"),
    [
        ("café".encode(), "café", False),
        (b"\xef\xbb\xbfcaf\xc3\xa9", "café", False),
        ("café".encode("utf-16"), "café", False),
        (
            b'<meta charset="windows-1252">caf\xe9',
            '<meta charset="windows-1252">café',
            False,
        ),
        (b"caf\xe9", "caf\ufffd", True),
        (b'<meta charset="utf-8">caf\xe9', '<meta charset="utf-8">caf\ufffd', True),
    ],
)
def test_decode(data: bytes, text: str, issue: bool) -> None:
    decoded, found = decode_html(data)
    assert decoded == text
    assert (found is not None) == issue


@pytest.mark.parametrize(
    "html",
    ["", "   ", "\x00", "<", "<?xml version='1.0' encoding='utf-8'?><html><title>x</title></html>",
     "<html><body>" + "<div>" * 3000 + "deep" + "</div>" * 3000, "<p>" + "x" * 100 + "</p>" * 50],
    ids=["empty", "blank", "nul", "lone bracket", "xml declaration", "deep nesting", "stray closers"],
)  # fmt: skip
def test_hostile_input_never_raises(html: str) -> None:
    assert isinstance(parse(html), PageFacts)


def test_five_megabytes_of_text() -> None:
    paragraph = "<p>" + "Plain words in a very long page. " * 40 + "</p>\n"
    html = (
        "<html><body><main>"
        + paragraph * (5_000_000 // len(paragraph))
        + "</main></body></html>"
    )
    facts = parse(html)  # how fast: benchmarks/bench_units.py
    assert len(facts.blocks) == 5_000_000 // len(paragraph)
    assert facts.blocks[-1].text == paragraph[3:-5].strip()


@pytest.mark.parametrize(
    "path", sorted(PAGES.rglob("*.html")), ids=lambda p: f"{p.parent.name}/{p.name}"
)
def test_fixture_pages_parse(path: Path) -> None:
    facts = parse(path.read_bytes(), path=path.name)
    if path.parent.name != "broken":
        assert facts.title is not None
        assert facts.h1s and facts.blocks


def test_generators_main_content() -> None:
    wp = parse((PAGES / "wordpress" / "shingles-back-pain.html").read_bytes())
    assert wp.faq[0].question == "Is shingles contagious?"
    assert "Health Notes" not in [b.text for b in wp.blocks]
    hugo = parse((PAGES / "hugo" / "winter-running.html").read_bytes())
    assert not any(
        "Table of Contents" in b.text or "1 min" in b.text for b in hugo.blocks
    )
    assert [h.text for h in hugo.headings] == [
        "Running in Winter: A Checklist",
        "What to wear",
        "Warming up",
    ]
    nxt = parse((PAGES / "nextjs" / "meal-prep.html").read_bytes())
    assert nxt.headings[1].line == 1 and (nxt.headings[1].column or 0) > 1000


def test_heading_ids_that_contain_furniture_words_stay_in_main_content() -> None:
    """A heading id like `herpes-related-back-pain` is not a "related posts" box,
    while a paragraph classed `byline` is still furniture."""
    html = (
        "<!DOCTYPE html><html lang=en><head><title>t</title></head><body><main>"
        '<h1>Title</h1><h2 id="diagnosis-of-herpes-related-back-pain">Diagnosis</h2>'
        '<p class="byline">By Dana</p>'
        '<p>Body text.</p><h3 id="share-your-story">Share</h3><p>More text.</p>'
        '<div class="related-posts"><p>Elsewhere.</p></div></main></body></html>'
    )
    facts = parse(html)
    texts = [b.text for b in facts.blocks]
    assert texts == ["Title", "Diagnosis", "Body text.", "Share", "More text."]
