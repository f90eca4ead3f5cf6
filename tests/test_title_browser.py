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
    seen: dict[str, tuple[object, object]] = {}
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
            if facts.head_end is not None:
                # What ended <head> early is what Chromium put first in <body>.
                kind = facts.head_end.text.split(" ", 1)[0]
                opened[name] = (kind, got["opened"])
    wrong = {name: pair for name, pair in seen.items() if pair[0] != pair[1]}
    assert wrong == {}, f"(facts, chromium) differ: {wrong}"
    assert {n: p for n, p in opened.items() if p[0] != p[1]} == {}
    assert len(opened) == 6, sorted(opened)
    # The cases are not trivial: some titles are really in <body>.
    assert sum(not inside for (_, inside), _ in seen.values()) >= 5
