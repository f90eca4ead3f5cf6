"""`seo_title`: the `<title>` when it should differ from the H1 (issue 10).

A real content folder is built in memory: the `<title>`, og:title,
twitter:title, the WebPage name and the manifest say `seo_title`; the H1,
the Article headline and the breadcrumb say `title`; a title finding points
at the `seo_title:` line. Without `seo_title`, everything says `title`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pipeline.models import Article
from pipeline.run import BuildResult, build
from tests.helpers import jsonld_blocks, soup

H1 = "Herpes Virus Causes Back Pain"
SEO_TITLE = (
    "Can Herpes Cause Back Pain? Shingles, Nerve Pain, Symptoms and the Treatments"
)
CONFIG = """[tool.seo-pipeline]
site-name = "Health Notes"
base-url = "https://health-notes.example"
"""


def page(front: str) -> str:
    return (
        f"---\n{front}"
        'description: "How shingles and other herpes viruses inflame the nerves'
        ' of the back, the symptoms to watch for, and the treatments that help."\n'
        "---\n"
        "Shingles can hurt the back. The pain follows a nerve.\n\n"
        "## Symptoms\n\nA rash and a burning pain on one side.\n"
    )


def built(tmp_path: Path, front: str) -> tuple[BuildResult, str, dict[str, Any]]:
    (tmp_path / "pyproject.toml").write_text(CONFIG, encoding="utf-8")
    content = tmp_path / "content"
    content.mkdir()
    (content / "herpes.md").write_text(page(front), encoding="utf-8")
    result = build(tmp_path, write=False)
    [rendered] = result.pages
    [manifest] = [f for f in result.files if f.rel_path == "manifest.json"]
    text = manifest.content
    data = json.loads(text if isinstance(text, str) else text.decode("utf-8"))
    return result, rendered.html, data


def meta(html: str, **attrs: str) -> str:
    tag = soup(html).find("meta", attrs=dict[str, Any](attrs))
    assert tag is not None
    return str(tag["content"])


def graph(html: str) -> dict[str, dict[str, Any]]:
    [block] = jsonld_blocks(html)
    return {node["@type"]: node for node in block["@graph"]}


def test_seo_title_is_the_title_tag_and_title_stays_the_h1(tmp_path: Path) -> None:
    result, html, manifest = built(
        tmp_path, f"title: {H1}\nseo_title: {SEO_TITLE}\nslug: herpes\n"
    )
    doc = soup(html)
    assert doc.title is not None and doc.title.string == SEO_TITLE
    assert [h.get_text() for h in doc.find_all("h1")] == [H1]
    assert meta(html, property="og:title") == SEO_TITLE
    assert meta(html, name="twitter:title") == SEO_TITLE
    nodes = graph(html)
    assert nodes["WebPage"]["name"] == SEO_TITLE
    assert nodes["Article"]["headline"] == H1  # the visible title
    crumbs = nodes["BreadcrumbList"]["itemListElement"]
    assert crumbs[-1]["name"] == H1
    [row] = manifest["pages"]
    assert (row["title"], row["title_length"]) == (SEO_TITLE, len(SEO_TITLE))
    # The checks measure the <title> and point at the line that sets it.
    assert result.checks is not None
    [too_long] = [f for f in result.checks.findings if f.code == "LEN101"]
    assert too_long.value == len(SEO_TITLE)
    assert too_long.line == 3  # seo_title:, not title:
    [report] = result.checks.pages
    assert report.facts.title is not None
    assert report.facts.title.text == SEO_TITLE


def test_without_seo_title_everything_says_title(tmp_path: Path) -> None:
    _, html, manifest = built(tmp_path, f"title: {H1}\n")
    doc = soup(html)
    assert doc.title is not None and doc.title.string == H1
    assert meta(html, property="og:title") == H1
    assert graph(html)["WebPage"]["name"] == H1
    assert manifest["pages"][0]["title"] == H1


def test_seo_title_is_in_the_content_schema() -> None:
    field = Article.model_json_schema()["properties"]["seo_title"]
    assert "defaults to `title`" in field["description"]
    assert "seo_title" not in Article.model_json_schema().get("required", [])
