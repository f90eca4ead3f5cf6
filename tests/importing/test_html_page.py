"""HTML pages → content files: metadata, body Markdown, key points, FAQ, round trip."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from pipeline.errors import ContentError
from pipeline.importing.files import decode_page
from pipeline.importing.html_page import parse_html_page
from pipeline.importing.result import ImportResult
from pipeline.models import Article
from pipeline.sources import load_article, validate
from pipeline.sources.frontmatter import read_markdown
from tests.helpers import render_file, soup
from tests.importing.test_draft import flatten, plain

HTML = Path(__file__).resolve().parent.parent / "fixtures" / "html"
DRAFT_GOLDEN = sorted((HTML.parent / "drafts").glob("*.expected.md"))
PAGES = sorted(HTML.glob("*.html"))
# Headings of the key-points and FAQ boxes: the page prints its own labels there.
LABELS = {"FAQ", "À retenir", "Questions fréquentes"}


def imported(path: Path) -> ImportResult:
    return parse_html_page(decode_page(path.read_bytes(), str(path)), str(path))


def page(body: str, head: str = "") -> ImportResult:
    html = f"<html><head>{head}</head><body><main><h1>T</h1>{body}</main></body></html>"
    return parse_html_page(html, "page.html")


# --- fixture pages -----------------------------------------------------------------


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.stem)
def test_golden(path: Path, golden: Callable[[Path, str], None]) -> None:
    golden(path.with_name(path.stem + ".expected.md"), imported(path).to_markdown())


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.stem)
def test_output_loads_as_a_content_file(path: Path) -> None:
    validate(read_markdown(Path(path.stem + ".md"), imported(path).to_markdown()))


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.stem)
def test_no_content_text_is_lost(path: Path) -> None:
    """Every text of the main content is in the content file or reported."""
    doc = soup(path.read_text(encoding="utf-8"))
    main = doc.find("main") or doc.find("article") or doc.body
    assert main is not None
    for chrome in main.find_all(
        ["nav", "header", "footer", "aside", "script", "style"]
    ):
        chrome.decompose()
    result = imported(path)
    hay = plain(
        " ".join(
            [
                result.body,
                *flatten(result.front_matter),
                *(t for _, t in result.unplaced),
            ]
        )
    )
    texts = [" ".join(s.split()) for s in main.stripped_strings if s not in LABELS]
    assert len(texts) > 10
    assert [t for t in texts if plain(t) not in hay] == []


def test_blog_page() -> None:
    result = imported(HTML / "blog-visible-faq.html")
    front = result.front_matter
    assert front["title"] == "Repotting a Monstera"
    assert front["slug"] == "repotting-a-monstera"
    assert front["lang"] == "en-GB"
    assert (str(front["date"]), str(front["updated"])) == ("2024-05-02", "2024-06-10")
    assert front["author"] == {
        "name": "Sam Reed",
        "url": "https://blog.example/about/sam",
    }
    assert front["schema_type"] == "BlogPosting"
    assert front["keyphrase"] == "repot monstera"
    assert [f["question"] for f in front["faq"]] == [
        "When is the best time to repot?",
        "Should I water right after repotting?",
    ]
    assert front["faq"][1]["answer"].endswith(
        "Then let the top few centimetres dry out."
    )
    assert "FAQ" not in result.body and "best time" not in result.body
    for chrome in ("Popular posts", "Pothos", "Green Flat Blog", "Plants"):
        assert chrome not in result.body
    assert "2. Loosen the outer roots with your fingers.\n   - Cut away" in result.body
    assert "> Never repot" in result.body
    assert "![Monstera roots circling the pot](/img/monstera-roots.jpg)" in result.body
    assert "for a week.\\\nThen feed it" in result.body
    assert "[peat-free compost](https://blog.example/soil/)" in result.body
    assert result.unplaced == []
    assert "2 FAQ items (from the page)" in result.recognised
    assert "1 table (2 rows)" in result.recognised


def test_page_without_main_uses_body_and_jsonld_faq() -> None:
    result = imported(HTML / "jsonld-faq-body-fallback.html")
    front = result.front_matter
    assert front["description"].startswith("Détartrer une bouilloire au vinaigre")
    assert front["slug"] == "detartrer-bouilloire"
    assert "author" not in front  # an @id reference to the publisher is no author
    assert front["image"] == {
        "url": "/img/bouilloire.jpg",
        "alt": "Une bouilloire en inox sur un plan de travail",
    }
    assert front["key_points"] == [
        "Le vinaigre blanc dissout le calcaire en une heure.",
        "Rincez deux fois avant de refaire du thé.",
    ]
    assert [f["answer"] for f in front["faq"]] == [
        "Une fois par mois en eau dure, **tous les trois mois** en eau douce.",
        "Non, s'il est rincé soigneusement après usage.",
        "Il marche aussi bien et ne laisse aucune odeur.",
    ]
    assert "3 FAQ items (2 from the JSON-LD, 1 only on the page)" in result.recognised
    assert result.unplaced == [
        (30, "<iframe> https://video.example/embed/123"),
        (31, "<form> Recevez nos astuces chaque semaine"),
    ]
    assert "Accueil" not in result.body and "Maison Pratique" not in result.body


# --- small pages ----------------------------------------------------------------------


def test_jsonld_is_read_as_the_checker_reads_it() -> None:
    """Prefixed keys and types, nested nodes and `@id` references, as in SD4xx."""
    graph = {
        "@context": {"@vocab": "https://schema.org/", "s": "https://schema.org/"},
        "@graph": [
            {
                "@type": "WebPage",
                "mainEntity": {
                    "@type": "s:BlogPosting",
                    "s:datePublished": "2024-05-01",
                    "keywords": "descale kettle",
                },
            },
            {
                "@type": "FAQPage",
                "mainEntity": [{"@id": "#q1"}],
            },
            {
                "@id": "#q1",
                "@type": "Question",
                "name": "How often?",
                "acceptedAnswer": {"@id": "#a1"},
            },
            {"@id": "#a1", "@type": "Answer", "text": "Once a month."},
        ],
    }
    head = f'<script type="application/ld+json">{json.dumps(graph)}</script>'
    front = page("<p>Intro.</p>", head).front_matter
    assert front["schema_type"] == "BlogPosting"
    assert front["date"].isoformat() == "2024-05-01"
    assert front["keyphrase"] == "descale kettle"
    assert front["faq"] == [{"question": "How often?", "answer": "Once a month."}]


def test_deeply_nested_jsonld_is_reported_not_a_crash() -> None:
    head = '<script type="application/ld+json">' + "[" * 100_000 + "</script>"
    result = page("<p>x</p>", head)
    ((_, text),) = result.unplaced
    assert text.startswith("invalid JSON-LD (nested too deeply): [[[")


def test_text_that_looks_like_markdown_is_escaped() -> None:
    body = page(
        "<p>Use *stars* and [brackets] and snake_case and <code>a*b</code>.</p>"
    ).body
    assert body == r"Use \*stars\* and \[brackets\] and snake\_case and `a*b`."


@pytest.mark.parametrize(
    ("html", "markdown"),
    [
        ("<p>1. Not a list</p>", r"1\. Not a list"),
        ("<p># Not a heading</p>", r"\# Not a heading"),
        ("<p>- Not a bullet</p>", r"\- Not a bullet"),
        ("<p><strong>Bold </strong>text</p>", "**Bold** text"),
        ('<p><a href="/a b">link</a></p>', "[link](</a b>)"),
        ("<p><code>x`y</code></p>", "``x`y``"),
        ('<ol start="3"><li>c</li><li>d</li></ol>', "3. c\n4. d"),
        (
            "<table><tr><td>a</td><td>b|c</td></tr></table>",
            "| a | b\\|c |\n| --- | --- |",
        ),
        ("<h4>Deep</h4><p>x</p>", "#### Deep\n\nx"),
        ("<div>loose <em>text</em><p>para</p></div>", "loose *text*\n\npara"),
        ("<pre>code\n  block</pre>", "```\ncode\n  block\n```"),
    ],
)
def test_conversion(html: str, markdown: str) -> None:
    assert page(html).body == markdown


def test_second_h1_becomes_h2() -> None:
    assert page("<p>a</p><h1>Again</h1><p>b</p>").body == "a\n\n## Again\n\nb"


def test_invalid_jsonld_is_reported() -> None:
    head = '<script type="application/ld+json">{"@type": "FAQPage",</script>'
    result = page("<p>x</p>", head)
    assert len(result.unplaced) == 1
    assert result.unplaced[0][1].startswith("invalid JSON-LD")


def test_faq_intro_text_is_reported() -> None:
    result = page(
        "<p>Intro.</p><h2>FAQ</h2><p>Answers to common questions.</p>"
        "<h3>Why?</h3><p>Because.</p>"
    )
    assert result.front_matter["faq"] == [{"question": "Why?", "answer": "Because."}]
    assert [t for _, t in result.unplaced] == ["Answers to common questions."]
    assert result.body == "Intro."


@pytest.mark.parametrize(
    ("canonical", "slug"),
    [
        ("https://x.example/a/b/my-post/", "my-post"),
        ("https://x.example/My_Post.html", "my-post"),
        ("https://x.example/", None),
        ("/guides/fit/index.html", "fit"),
    ],
)
def test_slug_from_canonical(canonical: str, slug: str | None) -> None:
    result = page("<p>x</p>", f'<link rel="canonical" href="{canonical}">')
    assert result.front_matter.get("slug") == slug


@pytest.mark.parametrize(
    ("data", "text"),
    [
        (
            '<html><head><meta charset="windows-1252"></head><body>café</body></html>'.encode(
                "cp1252"
            ),
            '<html><head><meta charset="windows-1252"></head><body>café</body></html>',
        ),
        (
            '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">é'.encode(
                "latin-1"
            ),
            '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">é',
        ),
        (
            b'<?xml version="1.0" encoding="iso-8859-1"?><html>caf\xe9</html>',
            '<?xml version="1.0" encoding="iso-8859-1"?><html>café</html>',
        ),
        (b"\xef\xbb\xbf<html>\xc3\xa9</html>", "<html>é</html>"),
        ("<html>café</html>".encode("utf-16"), "<html>café</html>"),
    ],
    ids=["meta-charset", "http-equiv", "xml-declaration", "utf8-bom", "utf16-bom"],
)
def test_decode_page_honours_bom_and_declared_charset(data: bytes, text: str) -> None:
    assert decode_page(data, "page.html") == text


def test_undeclared_non_utf8_bytes_are_an_error_at_their_position() -> None:
    data = b"<html><body>\n<p>caf\xe9</p></body></html>"
    with pytest.raises(ContentError) as raised:
        decode_page(data, "page.html")
    assert str(raised.value) == (
        "page.html:2: not valid UTF-8 at column 7 and no other charset declared; "
        'declare it (<meta charset="…">) or save the page as UTF-8'
    )


# --- round trip through the renderer ----------------------------------------------------


def content_files() -> list[Path]:
    repo = Path(__file__).resolve().parents[2]
    return [repo / "content" / "herpes-back-pain.md", *DRAFT_GOLDEN]


@pytest.mark.parametrize("path", content_files(), ids=lambda p: p.name.split(".")[0])
def test_rendered_page_imports_back_to_its_content(path: Path, tmp_path: Path) -> None:
    source = load_article(path)
    rendered = render_file(path)
    back = parse_html_page(rendered.html, "page.html")
    article = source.article
    front = back.front_matter
    assert back.body == article.body.strip()
    assert front["title"] == article.title
    assert front["description"] == rendered.page.description
    assert front.get("key_points", []) == article.key_points
    assert front.get("faq", []) == [f.model_dump() for f in article.faq]
    assert front.get("date") == article.date
    assert front.get("lang") == rendered.page.lang
    assert front["slug"] == rendered.page.slug
    assert back.unplaced == []
    copy = tmp_path / "back.md"
    copy.write_text(back.to_markdown(), encoding="utf-8")
    again = load_article(copy).article
    assert re.findall(r"^#+ .+$", again.body, re.M) == re.findall(
        r"^#+ .+$", article.body, re.M
    )


def test_paragraphs_boxed_in_the_article_are_reported_but_not_bylines() -> None:
    html = (
        "<html><body><article><header><h1>T</h1><p class='dek'>A subtitle.</p>"
        "<p class='byline'>By Ann</p><p>On <time>2024-01-01</time></p></header>"
        "<p>Body.</p><aside><p>A callout.</p></aside></article>"
        "<aside><p>Site sidebar.</p></aside></body></html>"
    )
    result = parse_html_page(html, "page.html")
    assert [t for _, t in result.unplaced] == ["A subtitle.", "A callout."]
    assert result.body == "Body."


def test_note_in_the_key_points_box_is_reported() -> None:
    result = page(
        '<p>Intro.</p><div class="key-points"><h2>Key points</h2>'
        "<ul><li>One.</li><li>Two.</li></ul><p>Sources: our survey.</p></div>"
    )
    assert result.front_matter["key_points"] == ["One.", "Two."]
    assert [t for _, t in result.unplaced] == ["Sources: our survey."]
    assert result.body == "Intro."


def test_front_matter_keys_follow_the_model() -> None:
    order = [f.alias or n for n, f in Article.model_fields.items()]
    for path in PAGES:
        keys = list(imported(path).front_matter)
        assert keys == sorted(keys, key=order.index)
    with pytest.raises(ValueError, match="not Article fields: titel"):
        ImportResult({"titel": "x"}, "")


def test_jsonld_the_checker_repairs_is_imported() -> None:
    """A trailing comma and a comment: read as `pipeline.jsonld_parse` reads them."""
    head = (
        '<script type="application/ld+json">{"@context": "https://schema.org",'
        ' // the article\n "@type": "BlogPosting", "keywords": "repot monstera",}'
        "</script>"
    )
    result = page("<p>x</p>", head)
    assert result.front_matter["keyphrase"] == "repot monstera"
    ((_, note),) = result.unplaced  # the page's JSON-LD is still reported
    assert note.startswith(
        "invalid JSON-LD (Expecting property name enclosed in double quotes; read"
        " with comments removed, trailing commas removed): "
    )


def test_json_null_is_no_error() -> None:
    result = page("<p>x</p>", '<script type="application/ld+json">null</script>')
    assert result.unplaced == []
