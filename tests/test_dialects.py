"""Archives from other generators: Jekyll, Hugo (YAML and TOML) and Pelican front
matter build as they are; their fields map onto the content model, unknown
keys are kept in `extra`; non-Latin titles keep Unicode slugs."""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import shutil
from pathlib import Path
from urllib.parse import unquote

import pytest

from pipeline.cli import main
from pipeline.errors import ContentError
from pipeline.sources import load_article

DIALECTS = Path(__file__).parent / "fixtures" / "content" / "dialects"


@pytest.fixture
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The four dialect fixtures built as one site; returns the output folder."""
    project = tmp_path_factory.mktemp("dialects")
    shutil.copytree(DIALECTS, project / "content")
    (project / "seo-pipeline.toml").write_text(
        'site-name = "Archive"\nbase-url = "https://archive.example"\n'
    )
    import os

    old = Path.cwd()
    os.chdir(project)
    try:
        code = main(["build", "--fail-on", "never"])
    finally:
        os.chdir(old)
    assert code == 0
    return project / "output"


def page_facts(output: Path, slug: str) -> dict[str, str]:
    text = (output / slug / "index.html").read_text()
    title = re.search(r"<title>([^<]*)</title>", text)
    description = re.search(r'<meta name="description" content="([^"]*)"', text)
    published = re.search(r'"datePublished": "([^"]*)"', text)
    modified = re.search(r'"dateModified": "([^"]*)"', text)
    assert title and description and published and modified, slug
    return {
        "title": html.unescape(title.group(1)),
        "description": html.unescape(description.group(1)),
        "published": published.group(1),
        "modified": modified.group(1),
    }


@pytest.mark.parametrize(
    ("slug", "title", "description", "published", "modified"),
    [
        (
            "welcome-to-jekyll",  # from `permalink: /welcome-to-jekyll/`
            "Welcome to Jekyll!",
            "You’ll find this post in your _posts directory. Go ahead and edit it "
            "and re-build the site to see your changes.",  # from `excerpt`
            "2014-03-02",  # `2014-03-02 14:33:00 +0100`
            "2014-03-02",
        ),
        (
            "creating-a-new-theme",
            "Creating a New Theme",
            "A tutorial that walks through creating a new Hugo theme from scratch, "
            "one template at a time.",  # from `summary`
            "2014-09-28",  # TOML `2014-09-28T00:00:00-07:00`
            "2015-01-12",  # `lastmod`
        ),
        (
            "migrate-to-hugo",
            "Migrate to Hugo",
            "Tools that convert content from WordPress, Jekyll, Ghost and other "
            "platforms into Hugo content files.",
            "2017-03-02",
            "2017-04-15",
        ),
        (
            "my-super-post",  # Pelican `Slug:`
            "My super title",
            "Short version for index and feeds, written by hand and kept under one "
            "hundred and sixty characters.",  # Pelican `Summary:`
            "2010-12-03",  # `2010-12-03 10:20`
            "2010-12-05",  # `Modified:`
        ),
    ],
)
def test_dialect_posts_build_to_pages(
    built: Path,
    slug: str,
    title: str,
    description: str,
    published: str,
    modified: str,
) -> None:
    assert page_facts(built, slug) == {
        "title": title,
        "description": description,
        "published": published,
        "modified": modified,
    }


def test_fields_map_and_unknown_keys_stay_in_extra() -> None:
    jekyll = load_article(DIALECTS / "jekyll-post.md")
    assert jekyll.record.dialect == "jekyll"
    assert jekyll.article.categories == ["jekyll", "update"]
    assert jekyll.article.tags == ["blogging", "ruby"]
    assert jekyll.article.slug == "welcome-to-jekyll"
    assert jekyll.article.extra == {"layout": "post", "comments": True}
    assert jekyll.record.lines["extra.layout"] == 2
    assert jekyll.record.lines["description"] == 7  # the `excerpt:` line
    assert jekyll.unmapped == (("layout", 2), ("comments", 9))

    hugo = load_article(DIALECTS / "hugo-toml-post.md")
    assert hugo.record.dialect == "hugo"
    assert hugo.article.updated == dt.date(2015, 1, 12)
    assert not hugo.article.draft
    assert hugo.article.extra == {
        "aliases": ["/posts/new-theme/"],
        "weight": 10,
        "params": {"featured": True},
    }
    assert hugo.record.lines["extra.aliases"] == 10
    assert hugo.record.lines["extra.params"] == 13
    assert hugo.record.lines["description"] == 7
    assert hugo.record.body_line == 16

    pelican = load_article(DIALECTS / "pelican-post.md")
    assert pelican.record.dialect == "pelican"
    assert pelican.article.categories == ["Python"]
    assert pelican.article.tags == ["pelican", "publishing"]
    assert pelican.article.author is not None
    assert pelican.article.author.name == "Alexis Metaireau"
    assert pelican.article.extra == {"template": "article"}
    assert pelican.record.body_line == 11


@pytest.mark.parametrize("more", ["", "draft: true\ntags: [a]\ncategories: [b]\n"])
def test_own_format_still_rejects_unknown_fields(tmp_path: Path, more: str) -> None:
    path = tmp_path / "a.md"
    path.write_text(f"---\ntitle: T\n{more}descripton: typo\n---\nBody.\n")
    with pytest.raises(ContentError, match="did you mean 'description'"):
        load_article(path)


def test_one_key_of_another_generator_makes_unknown_keys_extra(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("---\ntitle: T\nsummary: S\nheader_image: x.png\n---\nBody.\n")
    loaded = load_article(path)
    assert loaded.article.description == "S"
    assert loaded.article.extra == {"header_image": "x.png"}
    assert loaded.record.lines["extra.header_image"] == 4


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        ("---\ntitle: T\npublished: false\nlayout: post\n---\nB\n", "draft", True),
        ("+++\ntitle = 'T'\ndraft = true\n+++\nB\n", "draft", True),
        ("Title: T\nStatus: draft\n\nB\n", "draft", True),
        ("Title: T\nAuthor: Ann Lee\n\nB\n", "author", "Ann Lee"),
        ("Title: T\nTags: a b, c\n\nB\n", "tags", ["a b", "c"]),
        ("---\ntitle: T\nlayout: post\ntags: a b\n---\nB\n", "tags", ["a", "b"]),
        (
            "---\ntitle: T\nsummary: S\ndescription: D\nlastmod: 2020-01-02\n---\nB\n",
            "description",
            "D",
        ),
        (
            "---\ntitle: T\nlayout: x\ndate: 2014-03-02 23:59:00 -0800\n---\nB\n",
            "date",
            dt.date(2014, 3, 2),
        ),
    ],
)
def test_dialect_values(tmp_path: Path, text: str, field: str, value: object) -> None:
    path = tmp_path / "a.md"
    path.write_text(text)
    article = load_article(path).article
    got = getattr(article, field)
    if field == "author":
        got = got.name
    assert got == value


def test_toml_errors_name_their_line(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("+++\ntitle = 'T'\ndate = \ntags = []\n+++\nB\n")
    with pytest.raises(ContentError, match=r"a\.md:3: date: invalid TOML: "):
        load_article(path)


def test_plain_text_is_not_taken_for_pelican(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("Note: this file has no front matter\n\nBody.\n")
    with pytest.raises(ContentError, match="missing front matter"):
        load_article(path)


TITLES = {
    "greek.md": ("Ελληνική κουζίνα για αρχάριους", "ελληνική-κουζίνα-για-αρχάριους"),
    "russian.md": ("Русская кухня — борщ", "русская-кухня-борщ"),
    "chinese.md": ("如何学习中文", "如何学习中文"),
    "arabic.md": ("المطبخ العربي", "المطبخ-العربي"),
    "french.md": ("Crème brûlée", "creme-brulee"),
}


def test_non_latin_titles_keep_unicode_slugs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    content = tmp_path / "content"
    content.mkdir()
    for name, (title, _) in TITLES.items():
        (content / name).write_text(f"---\ntitle: {title}\n---\nBody text.\n")
    (tmp_path / "seo-pipeline.toml").write_text(
        'site-name = "S"\nbase-url = "https://s.example"\n'
    )
    monkeypatch.chdir(tmp_path)
    assert main(["build", "--fail-on", "never"]) == 0
    # URL length counts letters as shown, not the %XX bytes of the encoded URL
    assert "LEN108" not in capsys.readouterr().out
    manifest = json.loads((tmp_path / "output" / "manifest.json").read_text())
    urls = {row["title"]: row["url"] for row in manifest["pages"]}
    sitemap = (tmp_path / "output" / "sitemap.xml").read_text()
    for title, slug in TITLES.values():
        assert (tmp_path / "output" / slug / "index.html").is_file(), slug
        url = urls[title]
        assert url.isascii(), url  # percent-encoded in URLs
        assert unquote(url) == f"https://s.example/{slug}/"
        assert f"<loc>{url}</loc>" in sitemap
    assert len(set(urls.values())) == len(TITLES)


def test_a_given_unicode_slug_is_accepted_and_uppercase_refused(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("---\ntitle: T\nslug: борщ-рецепт\n---\nB\n")
    assert load_article(path).article.slug == "борщ-рецепт"
    path.write_text("---\ntitle: T\nslug: Борщ\n---\nB\n")
    with pytest.raises(ContentError, match=r"a\.md:3: slug: must be lowercase"):
        load_article(path)


def test_checked_pages_read_a_percent_encoded_slug_as_unicode() -> None:
    from pipeline.facts import parse

    canonical = "https://x.example/%CE%B5%CE%BB%CE%BB%CE%B7%CE%BD%CE%B9%CE%BA%CE%AC/"
    page = parse(f'<html><head><link rel="canonical" href="{canonical}"></head></html>')
    assert page.slug == "ελληνικά"  # so KEY704 finds a Greek keyphrase in it
