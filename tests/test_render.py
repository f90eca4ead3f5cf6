"""Rendering: the example page's structure, JSON-LD equals the visible FAQ, safety."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.config import Site
from pipeline.derive import derive_page
from pipeline.errors import PipelineError
from pipeline.render import render_page
from pipeline.sources import load_article
from tests.helpers import (
    SITE,
    jsonld_blocks,
    render_file,
    sentences,
    soup,
    visible_text,
)

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def example(repo_root: Path) -> str:
    return render_file(repo_root / "content" / "herpes-back-pain.md").html


@pytest.fixture(scope="module")
def repo_root() -> Path:
    return Path(__file__).resolve().parent.parent


def graph_nodes(html: str) -> dict[str, dict]:
    (block,) = jsonld_blocks(html)
    assert block["@context"] == "https://schema.org"
    return {node["@type"]: node for node in block["@graph"]}


def test_example_structure(example: str) -> None:
    doc = soup(example)
    assert [h.get_text() for h in doc.find_all("h1")] == [
        "Herpes Virus Causes Back Pain"
    ]
    assert len(doc.select("section.key-points li")) == 5
    (table,) = doc.find_all("table")
    assert table.thead is not None
    assert len(table.tbody.find_all("tr")) == 3
    questions = [h.get_text() for h in doc.select("section.faq h3")]
    assert questions == [
        "What is the most common type of herpes virus that causes back pain?",
        "How is herpes-related back pain diagnosed?",
        "What are the treatment options for herpes-related back pain?",
    ]
    assert doc.html["lang"] == "en"
    assert doc.select_one("main > article") is not None
    assert doc.select_one("nav[aria-label] ol li") is not None
    description = doc.find("meta", attrs={"name": "description"})["content"]
    assert len(description) == 199
    assert (
        doc.find("link", rel="canonical")["href"]
        == "https://health-notes.example/herpes-virus-back-pain/"
    )


def test_faqpage_equals_visible_faq(example: str) -> None:
    doc = soup(example)
    visible = [
        (
            item.h3.get_text(" ", strip=True),
            item.select_one(".faq-answer").get_text(" ", strip=True),
        )
        for item in doc.select("section.faq .faq-item")
    ]
    faq = graph_nodes(example)["FAQPage"]
    marked_up = [(q["name"], q["acceptedAnswer"]["text"]) for q in faq["mainEntity"]]
    assert marked_up == visible
    assert len(visible) == 3


def test_graph_has_every_node(example: str) -> None:
    nodes = graph_nodes(example)
    assert set(nodes) == {
        "MedicalWebPage",
        "Article",
        "FAQPage",
        "BreadcrumbList",
        "Organization",
    }
    article = nodes["Article"]
    for key in (
        "headline",
        "description",
        "author",
        "datePublished",
        "dateModified",
        "image",
        "publisher",
    ):
        assert key in article, key
    crumbs = nodes["BreadcrumbList"]["itemListElement"]
    assert [c["position"] for c in crumbs] == [1, 2]
    assert nodes["Organization"]["name"] == "Health Notes"


def test_every_seed_sentence_is_visible(example: str) -> None:
    """Every line of the draft but the meta-description instruction is on the page."""
    seed = (FIXTURES / "seed-draft.txt").read_text(encoding="utf-8")
    text = visible_text(example).casefold()
    lines = [
        line
        for line in seed.splitlines()
        if line.strip() and not line.startswith("Meta description")
    ]
    checked = 0
    for line in lines:
        cleaned = line.lstrip("-+ ").strip()
        parts = (
            [c.strip() for c in cleaned.split("|")]
            if "|" in cleaned
            else sentences(cleaned)
        )
        for part in parts:
            if part and set(part) != {"-"}:
                assert part.casefold() in text, part
                checked += 1
    assert checked > 40


def test_blogposting_with_images(repo_root: Path) -> None:
    html = render_file(repo_root / "content" / "meta-descriptions-that-fit.md").html
    nodes = graph_nodes(html)
    assert "BlogPosting" in nodes and "WebPage" in nodes and "FAQPage" not in nodes
    images = soup(html).find_all("img")
    assert len(images) == 3 and all(img.get("alt") for img in images)
    assert [c["name"] for c in nodes["BreadcrumbList"]["itemListElement"]] == [
        "Home",
        "How to Write Meta Descriptions That Fit the Snippet",
    ]


def test_custom_breadcrumbs_keep_their_order_and_urls(tmp_path: Path) -> None:
    path = tmp_path / "post.md"
    path.write_text(
        "---\ntitle: Winter Running Shoes\nbreadcrumbs:\n  - name: Home\n    url: /\n"
        "  - name: Guides\n    url: /guides/\n  - name: Winter Running Shoes\n---\n"
        "Grip matters more than cushioning on ice.\n",
        encoding="utf-8",
    )
    html = render_file(path).html
    items = graph_nodes(html)["BreadcrumbList"]["itemListElement"]
    assert [(c["position"], c["name"], c.get("item")) for c in items] == [
        (1, "Home", "https://health-notes.example/"),
        (2, "Guides", "https://health-notes.example/guides/"),
        (
            3,
            "Winter Running Shoes",
            "https://health-notes.example/winter-running-shoes/",
        ),
    ]
    links = [a["href"] for a in soup(html).select("nav a")]
    assert "https://health-notes.example/guides/" in links


def test_hostile_content_cannot_break_out(tmp_path: Path) -> None:
    html = render_file(FIXTURES / "content" / "xss.md").html
    doc = soup(html)
    scripts = doc.find_all("script")
    assert len(scripts) == 1 and scripts[0]["type"] == "application/ld+json"
    assert "<script>alert" not in html
    assert "</script><script>" not in html
    assert 'href="javascript:' not in html and doc.select("a[href^=javascript]") == []
    assert "onerror" not in html and "onclick" not in html
    assert doc.find("iframe") is None
    assert doc.h1.get_text() == 'Tricky <b>title</b> & "quotes"'
    (block,) = jsonld_blocks(html)
    faq = next(n for n in block["@graph"] if n["@type"] == "FAQPage")
    assert (
        faq["mainEntity"][0]["name"]
        == "Is </script><script>alert(1)</script> dangerous?"
    )
    raw_json = scripts[0].string
    assert "\\u003c/script\\u003e" in raw_json


def test_theme_dir_overrides_by_name_and_extends_default(
    tmp_path: Path, repo_root: Path
) -> None:
    (tmp_path / "partials").mkdir()
    (tmp_path / "partials" / "byline.html").write_text(
        '<p class="mine">{{ page.article.title }}</p>\n'
    )
    (tmp_path / "base.html").write_text(
        '{% extends "default/base.html" %}{% block footer %}<footer>custom</footer>{% endblock %}'
    )
    site = Site(base_url="https://x.example", theme_dir=tmp_path)
    html = render_page(
        derive_page(load_article(repo_root / "content" / "herpes-back-pain.md"), site),
        site,
    ).html
    assert '<p class="mine">Herpes Virus Causes Back Pain</p>' in html
    assert "<footer>custom</footer>" in html
    assert "application/ld+json" in html  # the rest of the default base survives


def test_template_errors_are_user_errors(tmp_path: Path, repo_root: Path) -> None:
    (tmp_path / "article.html").write_text("{{ page.no_such_field }}")
    site = Site(theme_dir=tmp_path)
    with pytest.raises(PipelineError, match="template error"):
        render_page(
            derive_page(
                load_article(repo_root / "content" / "herpes-back-pain.md"), site
            ),
            site,
        )


def test_autoescape_everywhere() -> None:
    from pipeline.render import environment

    env = environment(None)
    assert env.autoescape is True
    assert env.from_string("{{ x }}").render(x="<b>&") == "&lt;b&gt;&amp;"


def test_site_without_base_url_gives_root_relative_urls(repo_root: Path) -> None:
    html = render_file(
        repo_root / "content" / "winter-running-checklist.yaml", Site()
    ).html
    assert (
        soup(html).find("link", rel="canonical")["href"] == "/winter-running-checklist/"
    )
    assert SITE.url_for("/a/") == "https://health-notes.example/a/"
