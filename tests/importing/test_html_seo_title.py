"""The HTML importer keeps the `<title>` as `seo_title` when it differs from the H1."""

from __future__ import annotations

from pathlib import Path

from pipeline.derive import derive_page
from pipeline.importing.html_page import parse_html_page
from pipeline.render import render_page
from pipeline.sources import validate
from pipeline.sources.frontmatter import read_markdown
from tests.helpers import SITE


def _import(head: str, body: str = "<h1>Repotting a Monstera</h1><p>Text.</p>") -> str:
    html = f"<html><head>{head}</head><body><main>{body}</main></body></html>"
    return parse_html_page(html, "page.html").to_markdown()


def test_a_different_title_is_kept_and_round_trips(tmp_path: Path) -> None:
    markdown = _import("<title>Repotting a Monstera |\n  Green Flat Blog</title>")
    assert (
        "title: Repotting a Monstera\nseo_title: Repotting a Monstera | Green Flat Blog\n"
        in (markdown)
    )
    loaded = validate(read_markdown(tmp_path / "a.md", markdown))
    assert loaded.article.title == "Repotting a Monstera"
    rendered = render_page(derive_page(loaded, SITE), SITE)
    assert "<title>Repotting a Monstera | Green Flat Blog</title>" in rendered.html
    assert "<h1>Repotting a Monstera</h1>" in rendered.html


def test_the_same_title_is_not_repeated() -> None:
    markdown = _import("<title> Repotting  a Monstera </title>")
    assert "seo_title" not in markdown


def test_svg_titles_are_not_the_page_title() -> None:
    body = (
        "<h1>Repotting a Monstera</h1><svg><title>Leaf icon</title></svg><p>Text.</p>"
    )
    assert "seo_title" not in _import("", body)


def test_without_h1_the_og_title_is_the_title_and_the_title_tag_kept() -> None:
    markdown = _import(
        '<meta property="og:title" content="Repotting a Monstera">'
        "<title>Monstera repotting guide – Green Flat</title>",
        "<p>Text.</p>",
    )
    assert "title: Repotting a Monstera\n" in markdown
    assert "seo_title: Monstera repotting guide – Green Flat\n" in markdown
