"""The facts' title is what real Chromium's `document.title` says.

Each page is written to a temp folder and opened from a file in headless
Chromium (scripting on, as in browsers and Google's renderer). The page's
`document.title`, whether its first `<title>` ended up in `<head>`, and the
element that opened `<body>` early are compared with `pipeline.facts.parse`.
No network: every request other than the page's own file is aborted.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.facts import parse
from tests.browser import launch_chromium

pytestmark = pytest.mark.browser

HEAD_END_JS = """() => {
  const title = document.querySelector('title');
  const inHead = !!(title && document.head && document.head.contains(title));
  const first = document.body && document.body.firstChild;
  const opened = !first ? null : first.nodeType === 1
    ? '<' + first.tagName.toLowerCase() + '>' : 'text';
  return {title: document.title, inHead: inHead, opened: opened};
}"""

# name -> page. Every page is a case the parser handles by the HTML standard's
# "in head" rules, where an element that does not belong in <head> ends it.
PAGES = {
    "iframe before title": (
        "<!doctype html><html><head><meta charset='utf-8'>\n"
        "<iframe src='about:blank'></iframe>\n<title>After the iframe</title>\n"
        "</head><body><h1>H</h1></body></html>"
    ),
    "img before title": (
        "<!doctype html><html><head><img src='data:,' alt=''>"
        "<title>After the img</title></head><body></body></html>"
    ),
    "div before title": (
        "<!doctype html><html><head><div>x</div><title>After the div</title>"
        "</head><body></body></html>"
    ),
    "text before title": (
        "<!doctype html><html><head>stray<title>After text</title></head>"
        "<body></body></html>"
    ),
    "second title after an iframe": (
        "<!doctype html><html><head><title>First</title>"
        "<iframe src='about:blank'></iframe><title>Second</title></head><body></body></html>"
    ),
    "svg title comes first": (
        "<!doctype html><html><head></head><body><svg><title>Icon</title></svg>"
        "<title>Real</title></body></html>"
    ),
    "noscript title in head": (
        "<!doctype html><html><head><noscript><title>No script</title></noscript>"
        "<title>Scripted</title></head><body></body></html>"
    ),
    "template title": (
        "<!doctype html><html><head><template><title>Template</title></template>"
        "<title>Document</title></head><body></body></html>"
    ),
    "title written in body": (
        "<!doctype html><html><head></head><body><p>Intro</p>"
        "<title>In body</title></body></html>"
    ),
    "whitespace and markup-like text": (
        "<!doctype html><html><head><title>\n  A  <b>bold</b>\n &amp; more </title>"
        "</head><body></body></html>"
    ),
    "no head or body tags": "<title>Bare</title><p>Text</p>",
    # lxml keeps these in <head>; a browser ends <head> at them.
    "object in head": "<head><object></object><title>After the object</title></head>",
    "hidden input in head": "<head><input type=hidden><title>After input</title></head>",
    "textarea in head": (
        "<head><textarea><title>no</title></textarea><title>After</title></head>"
    ),
    "body before html": (
        "<body><p>x</p></body><html><head><title>Late</title></head></html>"
    ),
    # Foreign content: SVG/MathML titles do not count, but HTML integration
    # points (foreignObject, MathML text elements) hold HTML titles.
    "svg foreignObject": (
        "<body><svg><foreignObject><title>FO</title></foreignObject></svg>"
        "<title>Z</title></body>"
    ),
    "math mi": "<body><math><mi><title>MI</title></mi></math><title>Z</title></body>",
    "svg breakout": "<body><svg><p>p</p><title>Out</title></svg></body>",
    "frameset": "<html><head></head><frameset><title>F</title></frameset></html>",
    "title in table": "<body><table><title>T</title><tr><td>x</td></tr></table></body>",
    "br in head": "<head><br><title>BR</title></head>",
    # lxml opens <body> at these; a browser keeps them in <head>.
    "noscript first, no head tag": (
        "<noscript><img src='data:,'></noscript><title>T</title><p>x</p>"
    ),
    "title between </head> and <body>": (
        "<html><head></head><title>Between</title><body><p>x</p></body></html>"
    ),
    "title after </body>": (
        "<html><head></head><body><p>x</p></body><title>After</title></html>"
    ),
    # libxml2 drops what follows </html> and ignores stray end tags in <head>.
    "title after </html>": (
        "<html><head></head><body><p>x</p></body></html>\n<title>Late</title>"
    ),
    "stray </html> in head": "<html><head></html>\n<title>Stray</title>",
    "stray </body> in head": "<head><meta charset=utf-8></body><title>T</title>",
    "</body> in a head script": (
        "<head><script>var s = '</body>';</script><title>Kept</title></head>"
    ),
    "iframe after </head>": (
        "<!doctype html><html><head><title>Head</title></head>"
        "<iframe src='about:blank'></iframe><body></body></html>"
    ),
}


def _open(browser: object, path: Path) -> dict[str, object]:
    page = browser.new_page(java_script_enabled=True)  # type: ignore[attr-defined]
    try:
        url = path.as_uri()
        page.route(
            "**/*",
            lambda route: (
                route.continue_() if route.request.url == url else route.abort()
            ),
        )
        page.goto(url)
        result: dict[str, object] = page.evaluate(HEAD_END_JS)
        return result
    finally:
        page.close()


def test_facts_title_is_document_title(tmp_path: Path) -> None:
    seen: dict[str, tuple[tuple[str, bool], tuple[object, object]]] = {}
    opened: dict[str, tuple[object, object]] = {}
    with launch_chromium() as browser:
        for i, (name, html) in enumerate(PAGES.items()):
            path = tmp_path / f"page-{i}.html"
            path.write_text(html, encoding="utf-8")
            got = _open(browser, path)
            facts = parse(path.read_bytes(), path=str(path))
            title = facts.title
            ours = (title.text if title else "", title.in_head if title else False)
            seen[name] = (ours, (got["title"], got["inHead"]))
            end = facts.head_end
            if end is not None and end.text != "<body>" and end.text[:2] != "</":
                # What ended <head> early is what Chromium put first in <body>
                # (not so for a <body> tag written before <head>, or a stray
                # end tag such as </body>, which puts nothing in <body>).
                opened[name] = (end.text.split(" ", 1)[0], got["opened"])
    wrong = {name: pair for name, pair in seen.items() if pair[0] != pair[1]}
    assert wrong == {}, f"(facts, chromium) differ: {wrong}"
    assert {n: p for n, p in opened.items() if p[0] != p[1]} == {}
    assert len(opened) >= 10, sorted(opened)
    # The cases are not trivial: some titles are really in <body>.
    assert sum(not inside for (_, inside), _ in seen.values()) >= 5
