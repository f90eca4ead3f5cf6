"""SITE604: local images and links that point at nothing in the site."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pipeline.checks import CheckConfig, PageInput, SiteContext, check_pages
from pipeline.checks.runner import NO_FILES
from pipeline.config import load_config
from pipeline.run import build, check

REPO = Path(__file__).resolve().parent.parent.parent
ARTICLE = "content/herpes-back-pain.md"
IMAGE = "/images/herpes-back-pain.jpg"
FILES = frozenset(
    {
        "/index.html",
        "/a/index.html",
        "/a/b.html",
        "/x.html",
        "/docs/my file.pdf",
        "/images/logo.png",
        "/guide.html",
    }
)


def messages(body: str, *, files: frozenset[str] | None = FILES) -> list[str]:
    """SITE604 messages for a page at `/a/index.html` of `files`."""
    html = (
        '<html><head><link rel="canonical" href="https://health-notes.example/a/">'
        f"</head><body>{body}</body></html>"
    )
    page = PageInput("site/a/index.html", html)
    site = SiteContext(
        files, {"site/a/index.html": "/a/index.html"}, frozenset({"example.org"})
    )
    result = check_pages([page], CheckConfig(select=["SITE604"]), site=site)
    return [f.message for f in result.findings if f.code == "SITE604"]


@pytest.mark.parametrize(
    "body",
    [
        '<a href="../x.html">up</a>',
        '<a href="b.html?y=1#z">query and fragment</a>',
        '<a href="/a/">a folder with index.html</a>',
        '<a href="/a">no trailing slash</a>',
        '<a href="/guide">an .html page without its suffix</a>',
        '<a href="/docs/my%20file.pdf">a percent-encoded name</a>',
        '<img src="https://health-notes.example/images/logo.png" alt="">',
        '<img src="//example.org/images/logo.png" alt="">',
        '<a href="https://other.example/missing/">another host</a>',
        '<a href="mailto:a@b.example">mail</a><a href="tel:+4912">call</a>',
        '<a href="javascript:void(0)">js</a><img src="data:image/png;base64,AA" alt="">',
        '<a href="#top">top</a><a href="">self</a><a href="?page=2">self</a>',
        '<a href="/">home</a>',
    ],
)
def test_references_that_resolve_or_are_not_local(body: str) -> None:
    assert messages(body) == []


@pytest.mark.parametrize(
    ("body", "path"),
    [
        ('<a href="../missing.html">up</a>', "/missing.html"),
        ('<a href="c.html?y#z">sibling</a>', "/a/c.html"),
        ('<a href="/docs/my%20other.pdf">file</a>', "/docs/my other.pdf"),
        (
            '<img src="https://health-notes.example/images/x.jpg" alt="">',
            "/images/x.jpg",
        ),
        ('<img src="https://EXAMPLE.org:443/nope.png" alt="">', "/nope.png"),
        ('<img src="pics/x.jpg" alt="">', "/a/pics/x.jpg"),
    ],
)
def test_references_to_nothing(body: str, path: str) -> None:
    (message,) = messages(body)
    assert message.endswith(f"points at nothing in the site ({path})")
    assert message.startswith("<img src>" if "<img" in body else "<a href>")


def test_unknown_files_skip_the_rule() -> None:
    html = '<a href="/missing/">x</a>'
    site = SiteContext(files=None)
    config = CheckConfig(select=["SITE604"])
    result = check_pages([PageInput("one.html", html)], config, site=site)
    assert result.findings == []
    assert result.pages[0].rules_skipped == {"SITE604": NO_FILES}
    assert "SITE604" not in result.pages[0].rules_run


def test_without_a_site_the_checked_pages_are_the_site() -> None:
    pages = [
        PageInput("one.html", '<a href="/two.html">two</a><a href="/three/">3</a>'),
        PageInput("two.html", '<a href="one.html">one</a>'),
    ]
    result = check_pages(pages, CheckConfig(select=["SITE604"]))
    assert [f.message for f in result.findings] == [
        "<a href> '/three/' points at nothing in the site (/three/)"
    ]


def test_the_bundled_example_has_no_broken_reference() -> None:
    result = build(load_config(cwd=REPO), write=False).checks
    assert result is not None
    assert [
        f for f in result.findings if f.code == "SITE604" and f.path == ARTICLE
    ] == []


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The bundled example article and static folder, its image removed."""
    shutil.copy(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    (tmp_path / "content").mkdir()
    shutil.copy(REPO / ARTICLE, tmp_path / ARTICLE)
    shutil.copytree(REPO / "static", tmp_path / "static")
    (tmp_path / "static" / IMAGE.lstrip("/")).unlink()
    monkeypatch.chdir(tmp_path)
    return tmp_path


def image_line(project: Path) -> int:
    """The front matter's `image:` field (its `url:` is on the next line)."""
    lines = (project / ARTICLE).read_text("utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, 1) if text.startswith("image:"))
    assert IMAGE in lines[line]
    return line


def test_a_missing_image_is_one_finding_at_its_content_line(project: Path) -> None:
    result = build(load_config(cwd=project)).checks
    assert result is not None
    found = [(f.path, f.line) for f in result.findings if f.code == "SITE604"]
    assert found == [(ARTICLE, image_line(project))]
    message = next(f.message for f in result.findings if f.code == "SITE604")
    assert message.startswith("<img src> 'https://health-notes.example" + IMAGE)

    checked = check(["output"], load_config(cwd=project))
    again = [(f.path, f.line) for f in checked.findings if f.code == "SITE604"]
    assert again == found


def test_check_of_the_built_output_is_clean_with_the_image(project: Path) -> None:
    shutil.copy(REPO / "static" / IMAGE.lstrip("/"), project / "static/images")
    build(load_config(cwd=project))
    result = check(["output"], load_config(cwd=project))
    assert [f for f in result.findings if f.code == "SITE604"] == []
    assert all("SITE604" in p.rules_run for p in result.pages)


def test_check_of_one_file_skips_the_rule(project: Path) -> None:
    build(load_config(cwd=project))
    page = "output/herpes-virus-back-pain/index.html"
    result = check([page], load_config(cwd=project))
    assert [f for f in result.findings if f.code == "SITE604"] == []
    assert result.pages[0].rules_skipped["SITE604"] == NO_FILES
