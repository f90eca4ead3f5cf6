"""`import_files`: files and stdin in, content files out; then build and round trip."""

from __future__ import annotations

import io
import re
import sys
from pathlib import Path

import pytest
from bs4 import Tag

from pipeline.checks.config import CheckConfig
from pipeline.config import Config
from pipeline.errors import ContentError
from pipeline.importing import ImportFailed, import_files, is_html
from pipeline.run import BuildResult, build
from pipeline.sources import load_article
from tests.helpers import (
    SITE,
    jsonld_blocks,
    render_file,
    sentences,
    soup,
    visible_text,
)

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SEED = FIXTURES / "drafts" / "herpes-back-pain.txt"
DRAFTS = sorted((FIXTURES / "drafts").glob("*.txt"))
SEED_FILE = "herpes-virus-causes-back-pain.md"


def build_site(content: Path, out: Path) -> BuildResult:
    site = SITE.model_copy(update={"content_dir": content, "output_dir": out})
    return build(Config(site=site, checks=CheckConfig(), root=content.parent))


def built_html(result: BuildResult, slug: str) -> str:
    (page,) = [r for r in result.pages if r.page.slug == slug]
    return page.html


def heading_tree(html: str) -> list[tuple[str, str]]:
    doc = soup(html)
    return [
        (h.name, h.get_text(" ", strip=True)) for h in doc.find_all(["h1", "h2", "h3"])
    ]


# --- files in, files out -------------------------------------------------------------


def test_imports_the_seed(tmp_path: Path) -> None:
    (outcome,) = import_files([str(SEED)], tmp_path, force=False)
    assert outcome.source == str(SEED)
    assert outcome.target == tmp_path / SEED_FILE
    assert "3 FAQ items" in outcome.result.recognised
    article = load_article(outcome.target).article
    assert article.title == "Herpes Virus Causes Back Pain"
    assert len(article.description or "") == 199
    assert article.description_claimed_length == 149
    assert [p.name for p in tmp_path.iterdir()] == [SEED_FILE]  # no temp files left


def test_never_overwrites_without_force(tmp_path: Path) -> None:
    target = tmp_path / SEED_FILE
    target.write_text("mine", encoding="utf-8")
    with pytest.raises(ImportFailed) as info:
        import_files([str(SEED)], tmp_path, force=False)
    assert info.value.outcomes == []
    (message,) = str(info.value).splitlines()
    assert message == f"{target}: exists; use --force to overwrite it"
    assert target.read_text(encoding="utf-8") == "mine"
    import_files([str(SEED)], tmp_path, force=True)
    assert target.read_text(encoding="utf-8").startswith("---\ntitle: Herpes")


def test_one_failed_input_is_reported_and_the_others_written(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("\n\n", encoding="utf-8")
    missing = tmp_path / "missing.txt"
    out = tmp_path / "content"
    with pytest.raises(ImportFailed) as info:
        import_files([str(SEED), str(empty), str(missing)], out, force=False)
    assert [p.path for p in info.value.problems] == [str(empty), str(missing)]
    assert [o.target.name for o in info.value.outcomes] == [SEED_FILE]
    assert [p.name for p in out.iterdir()] == [SEED_FILE]


def test_two_inputs_with_one_slug_get_numbered_slugs(tmp_path: Path) -> None:
    copy = tmp_path / "copy.txt"
    copy.write_bytes(SEED.read_bytes())
    first, second = import_files([str(SEED), str(copy)], tmp_path / "out", False)
    assert first.target.name == SEED_FILE
    assert second.target.name == SEED_FILE.replace(".md", "-2.md")
    assert load_article(second.target).article.slug == (
        "herpes-virus-causes-back-pain-2"
    )


def test_stdin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(SEED.read_bytes()), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    (outcome,) = import_files(["-"], tmp_path, force=False)
    assert outcome.source == "-"
    assert outcome.target.name == SEED_FILE


def test_stdin_errors_name_stdin(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(b"ok\n\xff\n"), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    with pytest.raises(ContentError, match="<stdin>:2: not valid UTF-8"):
        import_files(["-"], tmp_path, force=False)


@pytest.mark.parametrize(
    ("name", "data", "html"),
    [
        ("page.html", b"Plain words", True),
        ("page.HTM", b"", True),
        ("page.txt", b"\xef\xbb\xbf  <!DOCTYPE html><html></html>", True),
        ("-", b"<html lang='en'><body></body></html>", True),
        ("draft.txt", b"Title\n\n<p>not a page</p>", False),
    ],
)
def test_html_is_recognised(name: str, data: bytes, html: bool) -> None:
    assert is_html(name, data) is html


def test_html_page_without_title_is_an_error(tmp_path: Path) -> None:
    page = tmp_path / "untitled.html"
    page.write_text("<html><body><p>Text only.</p></body></html>", encoding="utf-8")
    with pytest.raises(ContentError, match=r"untitled\.html: title: no title found"):
        import_files([str(page)], tmp_path / "out", force=False)


def test_imports_html_pages(tmp_path: Path) -> None:
    pages = sorted(str(p) for p in (FIXTURES / "html").glob("*.html"))
    outcomes = import_files(pages, tmp_path, force=False)
    assert sorted(o.target.name for o in outcomes) == [
        "detartrer-bouilloire.md",
        "repotting-a-monstera.md",
    ]
    for outcome in outcomes:
        load_article(outcome.target)


# --- import, then build ------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_build(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    root = tmp_path_factory.mktemp("seed")
    import_files([str(SEED)], root / "content", force=False)
    return build_site(root / "content", root / "output")


def test_built_seed_shows_every_sentence(seed_build: BuildResult) -> None:
    text = visible_text(
        built_html(seed_build, "herpes-virus-causes-back-pain")
    ).casefold()
    checked = 0
    for line in SEED.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("Meta description"):
            continue  # the description is the page's <meta>, checked below
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


def test_built_seed_has_the_example_heading_tree(
    seed_build: BuildResult, repo: Path
) -> None:
    html = built_html(seed_build, "herpes-virus-causes-back-pain")
    example = render_file(repo / "content" / "herpes-back-pain.md").html
    assert heading_tree(html) == heading_tree(example)
    doc = soup(html)
    content_h2 = [
        h.get_text(strip=True)
        for h in doc.find_all("h2")
        if not h.find_parent(class_="key-points")
    ]
    assert len(doc.find_all("h1")) == 1
    assert content_h2 == [
        "Types of Herpes Viruses and Their Relationship to Back Pain",
        "Diagnosis and Treatment of Herpes-Related Back Pain",
        "Frequently asked questions",
    ]
    tree = heading_tree(html)
    h3_parents = {}
    parent = ""
    for level, text in tree:
        if level == "h2":
            parent = text
        elif level == "h3":
            h3_parents[text] = parent
    assert h3_parents["Herpes Simplex Virus (HSV) and Back Pain"].startswith("Types of")
    assert h3_parents["Antiviral Medications for Herpes-Related Back Pain"].startswith(
        "Diagnosis"
    )


def test_built_seed_has_faq_table_and_key_points(seed_build: BuildResult) -> None:
    html = built_html(seed_build, "herpes-virus-causes-back-pain")
    doc = soup(html)
    assert len(doc.select(".faq .faq-item")) == 3
    (graph,) = jsonld_blocks(html)
    (faq,) = [n for n in graph["@graph"] if n["@type"] == "FAQPage"]
    assert len(faq["mainEntity"]) == 3
    (table,) = doc.find_all("table")
    assert isinstance(table, Tag)
    assert len(table.select("tbody tr")) == 3
    assert len(doc.select(".key-points li")) == 5


def test_built_seed_description_and_false_claim(seed_build: BuildResult) -> None:
    doc = soup(built_html(seed_build, "herpes-virus-causes-back-pain"))
    meta = doc.find("meta", attrs={"name": "description"})
    assert isinstance(meta, Tag)
    assert len(str(meta["content"])) == 199
    claims = [f for f in seed_build.checks.findings if f.code == "LEN110"]
    assert [f.message for f in claims] == [
        "meta description is 199 characters, not the 149 claimed, which hides that"
        " it is over the 155-character limit: shorten the meta description, then"
        " remove `description_claimed_length` from the front matter (or correct it)"
    ]
    assert claims[0].path.endswith(SEED_FILE)


def test_true_claims_are_not_reported(tmp_path: Path) -> None:
    import_files(
        [str(FIXTURES / "drafts" / "wrapped-tail-qa.txt")], tmp_path / "c", False
    )
    result = build_site(tmp_path / "c", tmp_path / "o")
    assert [f for f in result.checks.findings if f.code == "LEN110"] == []


# --- round trip: build → import the built HTML → build -----------------------------------


def page_facts(html: str) -> tuple[list[tuple[str, str]], list[tuple[str, ...]], str]:
    doc = soup(html)
    faq = [
        tuple(part.get_text(" ", strip=True) for part in item.select("h3, .faq-answer"))
        for item in doc.select(".faq .faq-item")
    ]
    meta = doc.find("meta", attrs={"name": "description"})
    assert isinstance(meta, Tag)
    return heading_tree(html), faq, str(meta["content"])


def test_round_trip_keeps_headings_faq_and_description(tmp_path: Path) -> None:
    first = build_site(*_imported(tmp_path / "one", [str(p) for p in DRAFTS]))
    pages = [str(tmp_path / "one" / "output" / r.page.rel_path) for r in first.pages]
    second = build_site(*_imported(tmp_path / "two", pages))
    assert len(first.pages) == len(second.pages) == len(DRAFTS)
    for page in first.pages:
        again = built_html(second, page.page.slug)
        assert page_facts(again) == page_facts(page.html), page.page.slug
        assert _main_text(again) == _main_text(page.html), page.page.slug


def _imported(root: Path, inputs: list[str]) -> tuple[Path, Path]:
    import_files(inputs, root / "content", force=False)
    return root / "content", root / "output"


def _main_text(html: str) -> str:
    doc = soup(html)
    main = doc.find("main")
    assert isinstance(main, Tag)
    text = visible_text(str(main))
    return re.sub(r"\d+ min read", "", text)
