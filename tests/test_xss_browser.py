"""Browser-executed XSS suite: hostile content never runs in a built page or a report.

Content files and third-party pages are untrusted (SECURITY.md). A corpus of
filter-evasion vectors (OWASP XSS cheat sheet styles: script tags, event
handlers, `javascript:`/`data:` URLs, SVG and MathML, broken, nested and
entity-encoded tags, `</script>` and `</title>` break-outs, mutation-XSS
shapes, template syntax) is placed in every content field of built pages, and
in every part of third-party pages checked with `check --format html`. Every
built page, the build's report and the check report are then loaded in one
headless Chromium with a trap installed before any page script runs:
`alert`, `confirm`, `prompt` and `print` record a hit, and so does any
`dialog`. Each page is also focused, tabbed through, hovered and clicked (for
`onfocus`, `onmouseover`, `onclick` overlays) and its DOM is scanned for what
could run later: `on*` attributes, scripts other than JSON-LD (and the
report's own sort script), `javascript:`/`vbscript:`/`data:text/html` URLs,
frames, objects, `<base>` and refresh `<meta>`. Template syntax must come out
as text: `{{ 7777*3 }}` never becomes 23331.

Fast: all pages are batched into one build and one check run, and one
browser (one tab) visits them all.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from pipeline.cli import main
from tests.browser import launch_chromium

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser

B64_SCRIPT = "PHNjcmlwdD5hbGVydCgxNik8L3NjcmlwdD4="  # <script>alert(16)</script>
B64_SCRIPT_39 = "PHNjcmlwdD5hbGVydCgzOSk8L3NjcmlwdD4="  # <script>alert(39)</script>

VECTORS: list[str] = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=data:text/javascript,alert(2)></SCRIPT>",
    "<img src=x onerror=alert(3)>",
    '<IMG SRC="javascript:alert(4);">',
    "<IMG SRC=javascript:alert(5)>",
    "<IMG SRC=JaVaScRiPt:alert(6)>",
    "<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;"
    "&#97;&#108;&#101;&#114;&#116;&#40;&#55;&#41;>",
    '<a href="javascript:alert(8)">click me</a>',
    '<a href="jav&#x09;ascript:alert(9)">tab-split scheme</a>',
    "<svg onload=alert(10)>",
    "<svg><script>alert(11)</script></svg>",
    "<body onload=alert(12)>",
    '<iframe src="javascript:alert(13)"></iframe>',
    '<iframe srcdoc="<script>parent.alert(14)</script>"></iframe>',
    '<object data="data:text/html,<script>alert(15)</script>"></object>',
    f'<embed src="data:text/html;base64,{B64_SCRIPT}">',
    '"><script>alert(17)</script>',
    "'><script>alert(18)</script>",
    "</script><script>alert(19)</script>",
    "</title><script>alert(20)</script>",
    "</textarea><script>alert(21)</script>",
    "<input autofocus onfocus=alert(22)>",
    "<details open ontoggle=alert(23)>",
    "<video><source onerror=alert(24)></video>",
    "<audio src=x onerror=alert(25)>",
    "<marquee onstart=alert(26)>x</marquee>",
    "<style>@import 'javascript:alert(27)';</style>",
    '<div style="background:url(javascript:alert(28))">x</div>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(29)>",
    '<noscript><p title="</noscript><img src=x onerror=alert(30)>">',
    "<<SCRIPT>alert(31);//<</SCRIPT>",
    "<scr<script>ipt>alert(32)</scr</script>ipt>",
    '<IMG """><SCRIPT>alert(33)</SCRIPT>">',
    '<IMG SRC="jav\tascript:alert(34);">',
    '<META HTTP-EQUIV="refresh" CONTENT="0;url=javascript:alert(35);">',
    '<BASE HREF="javascript:alert(36);//">',
    '<form action="javascript:alert(37)"><button>go</button></form>',
    '<button formaction="javascript:alert(38)">go</button>',
    f'<a href="data:text/html;base64,{B64_SCRIPT_39}">data link</a>',
    "<img src=x:alert(40) onerror=eval(src)>",
    "{{ 7777*3 }}",
    "{% for x in range(3) %}SSTI{% endfor %}",
    "${alert(43)}",
    "{{constructor.constructor('alert(44)')()}}",
    '<x onclick=alert(45) style="display:block;position:fixed;inset:0">overlay</x>',
    '<a href="&#14;javascript:alert(46)">control-char scheme</a>',
    "\\u003cscript\\u003ealert(47)\\u003c/script\\u003e",
    "&lt;script&gt;alert(48)&lt;/script&gt;",
    "%3Cscript%3Ealert(49)%3C/script%3E",
    "<!--<script>alert(50)</script>-->",
    "<![CDATA[<script>alert(51)</script>]]>",
    "<img src=1 onerror=alert&#40;52&#41;>",
    "<svg><animate onbegin=alert(53) attributeName=x dur=1s>",
    '<svg><a xlink:href="javascript:alert(54)"><text x=20 y=20>svg link</text></a></svg>',
    "<isindex type=image src=1 onerror=alert(55)>",
    '<link rel=import href="data:text/html,<script>alert(56)</script>">',
    '"onmouseover="alert(58)" style="display:block;position:fixed;inset:0"',
    "' autofocus onfocus='alert(59)' x='",
    "javascript:alert(60)",
    "data:text/html,<script>alert(61)</script>",
    '<script type="application/ld+json">{"x":"</script><script>alert(62)</script>"}'
    "</script>",
    '<img src="x" onerror="&#97;lert(63)">',
    '<p id=p64></p><script>p64.innerHTML="<img src=x onerror=alert(64)>"</script>',
    "<svg/onload=alert(65)>",
    "<img src=`x`onerror=alert(66)>",
    '<a href="  JAVASCRIPT:alert(67)">spaced upper scheme</a>',
    '<a href="vbscript:alert(68)">vbscript</a>',
    "<sCrIpT>alert(69)</ScRiPt>",
    "<script\x0c>alert(70)</script>",
]
CONTENT_VECTORS = [
    v for v in VECTORS if not any(c < " " and c not in "\t\n" for c in v)
]
"""Content files refuse control characters (a load error), so those vectors
only go into third-party pages."""
TEMPLATE_RESULTS = ("23331", "SSTISSTI")
"""What `{{ 7777*3 }}` and the `{% for %}` loop would print if rendered."""

TRAP_JS = """
(() => {
  const hits = [];
  Object.defineProperty(window, '__xssHits', { value: hits });
  for (const name of ['alert', 'confirm', 'prompt', 'print']) {
    window[name] = (arg) => { hits.push(name + ':' + String(arg)); };
  }
})();
"""

SCAN_JS = """() => {
  const bad = [];
  const urlAttrs = ['href', 'src', 'action', 'formaction', 'data', 'xlink:href',
                    'poster', 'background', 'srcdoc', 'lowsrc', 'dynsrc'];
  const danger = /^(javascript|vbscript|data:text\\/html|data:text\\/javascript|data:image\\/svg)/;
  for (const el of document.querySelectorAll('*')) {
    const tag = el.tagName.toLowerCase();
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on')) bad.push(`<${tag} ${name}=${attr.value}>`);
      if (urlAttrs.includes(name)) {
        const value = attr.value.replace(/[\\x00-\\x20]/g, '').toLowerCase();
        if (danger.test(value) || (name === 'srcdoc' && value))
          bad.push(`<${tag} ${name}=${attr.value}>`);
      }
    }
    if (['iframe', 'frame', 'object', 'embed', 'base', 'applet'].includes(tag))
      bad.push(`<${tag}>`);
    if (tag === 'meta' && (el.getAttribute('http-equiv') || '').toLowerCase() === 'refresh')
      bad.push('<meta http-equiv=refresh>');
    if (tag === 'script') {
      const type = (el.getAttribute('type') || '').toLowerCase();
      // Data blocks (JSON-LD, the report's page rows) are never run; an
      // inline script must be one a bundled template holds verbatim.
      const data = ['application/ld+json', 'application/json'].includes(type);
      if (el.src) bad.push(`<script src=${el.src}>`);
      else if (!data) bad.push('SCRIPT:' + el.textContent);
    }
  }
  return bad;
}"""


TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


@cache
def template_sources() -> tuple[str, ...]:
    return tuple(p.read_text(encoding="utf-8") for p in TEMPLATES.rglob("*.html"))


def own_script(found: str) -> bool:
    """An inline script written verbatim in a bundled template (the report's
    own code; templates are trusted), not one that came from content."""
    if not found.startswith("SCRIPT:"):
        return False
    code = found.removeprefix("SCRIPT:").strip()
    return bool(code) and any(code in source for source in template_sources())


def field_values(i: int) -> dict[str, str]:
    """Vector for each content field of article `i`: every field cycles through
    the whole corpus over the articles, offset so one article mixes vectors."""
    fields = [
        "title",
        "description",
        "keyphrase",
        "author",
        "author_url",
        "image_url",
        "image_alt",
        "crumb_name",
        "crumb_url",
        "faq_q",
        "faq_a",
        "key_point",
        "heading",
        "para",
        "raw",
        "link_text",
        "link_url",
        "cell",
        "code",
    ]
    n = len(CONTENT_VECTORS)
    return {name: CONTENT_VECTORS[(i + 7 * k) % n] for k, name in enumerate(fields)}


def article(i: int) -> dict[str, Any]:
    v = field_values(i)
    body = "\n\n".join(
        [
            f"Intro paragraph number {i} says {v['para']} and goes on.",
            v["raw"],
            f"## {v['heading']}",
            f"A [{v['link_text']}]({v['link_url']}) and an ![{v['image_alt']}]({v['image_url']}).",
            f"| Column | Value |\n| --- | --- |\n| {v['cell']} | plain |",
            f"Inline `{v['code']}` code and <b>{v['para']}</b>.",
            "## Frequently asked questions",
            f"### {v['faq_q']}?",
            v["faq_a"],
        ]
    )
    return {
        "title": f"Article {i}: {v['title']}",
        "slug": f"xss-{i}",
        "lang": "en",
        "date": "2026-11-02",
        "description": f"Description {i}: {v['description']}",
        "keyphrase": v["keyphrase"],
        "author": {"name": v["author"], "url": v["author_url"]},
        "image": {"url": v["image_url"], "alt": v["image_alt"]},
        "key_points": [v["key_point"], f"A plain point {i}."],
        "faq": [{"question": v["faq_q"], "answer": v["faq_a"]}],
        "breadcrumbs": [
            {"name": "Home", "url": "/"},
            {"name": v["crumb_name"], "url": v["crumb_url"]},
            {"name": f"Article {i}"},
        ],
        "body": body,
    }


def hostile_page(i: int) -> str:
    """A third-party page with vector `i` (and its neighbours) everywhere a
    report might quote it: head tags, headings, text, links, images, JSON-LD."""
    n = len(VECTORS)
    v = [VECTORS[(i + k) % n] for k in range(8)]
    ld = json.dumps(
        {
            "@context": "https://schema.org",
            "@type": "Article",
            "headline": v[5],
            "author": {"@type": "Person", "name": v[6]},
        }
    )
    # The raw vectors are markup here on purpose (the page itself is hostile);
    # the JSON-LD block is also closed early by "</script>" in some vectors.
    return (
        f"<!DOCTYPE html><html lang='en'><head><title>{v[0]}</title>"
        f'<meta name="description" content="{v[1]}">'
        f'<link rel="canonical" href="{v[2]}">'
        f'<meta property="og:title" content="{v[3]}">'
        f'<meta property="og:url" content="{v[2]}">'
        f'<script type="application/ld+json">{ld}</script>'
        f'<script type="application/ld+json">{{"@type": "FAQPage", "name": "{v[7]}"</script>'
        f"</head><body><main><h1>{v[4]}</h1>"
        f"<p>{v[5]} “{v[6]}” (12 characters) in a long enough paragraph.</p>"
        f"<h2>{v[7]}</h2><p>{v[0]}</p>"
        f'<a href="{v[2]}">{v[3]}</a><img src="{v[1]}" alt="{v[4]}">'
        f"<h2>FAQ</h2><h3>{v[6]}?</h3><p>{v[7]}</p>"
        "</main></body></html>"
    )


HOSTILE_NAMES = [
    "<img src=x onerror=alert(101)>.html",
    "\"'><svg onload=alert(102)>.html",
    "{{ 7777*3 }}.html",
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with launch_chromium() as launched:
        yield launched


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project whose every article carries vectors in every field, built."""
    root = tmp_path_factory.mktemp("xss-site")
    content = root / "content"
    content.mkdir()
    for i in range(len(CONTENT_VECTORS)):
        (content / f"xss-{i}.json").write_text(json.dumps(article(i)), encoding="utf-8")
    (root / "seo-pipeline.toml").write_text(
        'site-name = "XSS <script>alert(90)</script>"\n'
        'content-dir = "content"\noutput-dir = "output"\n',
        encoding="utf-8",
    )
    with contextlib.chdir(root):  # `build` reads the config of the working folder
        code = main(["build"])
    assert code in (0, 1), f"build exited {code}"
    return root / "output"


@pytest.fixture(scope="module")
def checked(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`check --format html` over hostile third-party pages (and file names)."""
    root = tmp_path_factory.mktemp("xss-check")
    pages = root / "pages"
    pages.mkdir()
    for i in range(len(VECTORS)):
        (pages / f"page-{i}.html").write_text(hostile_page(i), encoding="utf-8")
    for k, name in enumerate(HOSTILE_NAMES):
        (pages / name).write_text(hostile_page(k * 11), encoding="utf-8")
    report = root / "report.html"
    with contextlib.chdir(root):
        code = main(["check", "pages", "--format", "html", "-o", str(report)])
    assert code in (0, 1), f"check exited {code}"
    assert report.is_file()
    return report


class Visit:
    """One tab with the trap installed; `open(path)` returns what fired."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.dialogs: list[str] = []
        page.on("dialog", self._dialog)
        page.add_init_script(TRAP_JS)
        # Nothing may leave the machine: anything but file:// is refused.
        page.route(
            "**/*",
            lambda route: (
                route.continue_()
                if route.request.url.startswith(("file:", "data:", "about:"))
                else route.abort()
            ),
        )

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(f"{dialog.type}:{dialog.message}")
        dialog.dismiss()

    def open(self, path: Path) -> tuple[list[str], list[str], str]:
        page = self.page
        self.dialogs.clear()
        page.goto(path.as_uri(), wait_until="load")
        page.keyboard.press("Tab")
        page.keyboard.press("Tab")
        size = page.viewport_size or {"width": 800, "height": 600}
        for x, y in ((5, 5), (size["width"] // 2, size["height"] // 2)):
            page.mouse.move(x, y)
            page.mouse.click(x, y)
        page.wait_for_timeout(60)
        if page.url != path.as_uri():  # a click navigated: that is a finding
            return [f"navigated to {page.url}"], [], ""
        hits = page.evaluate("() => window.__xssHits ? [...window.__xssHits] : []")
        bad = [b[:200] for b in page.evaluate(SCAN_JS) if not own_script(b)]
        html = page.content()
        return hits + self.dialogs, bad, html


def test_corpus_is_large_and_varied() -> None:
    assert len(VECTORS) >= 50
    assert len(CONTENT_VECTORS) >= 50
    assert len(set(VECTORS)) == len(VECTORS)
    kinds = {
        "script": "<script",
        "handler": "onerror=",
        "js-url": "javascript:",
        "data-url": "data:text/html",
        "svg": "<svg",
        "encoded": "&#",
        "jsonld-breakout": "</script>",
        "template": "{{",
        "template-tag": "{%",
    }
    for kind, marker in kinds.items():
        assert any(marker in v.lower() for v in VECTORS), kind


def test_built_pages_and_build_report_run_no_payload(
    built: Path, browser: Browser
) -> None:
    pages = sorted(built.glob("xss-*.html")) + sorted(built.glob("xss-*/index.html"))
    assert len(pages) == len(CONTENT_VECTORS), sorted(p.name for p in built.iterdir())
    report = built / "_report" / "index.html"
    assert report.is_file()
    details = sorted((built / "_report" / "pages").glob("*.html"))  # one per page
    assert len(details) == len(pages)
    context = browser.new_context(java_script_enabled=True)
    visit = Visit(context.new_page())
    failures: dict[str, Any] = {}
    try:
        for path in [*pages, report, *details]:
            hits, bad, html = visit.open(path)
            rendered = [r for r in TEMPLATE_RESULTS if r in html]
            if hits or bad or rendered:
                failures[path.name] = {"ran": hits, "dom": bad, "template": rendered}
        # The vectors did reach the pages, as text: the title shows one verbatim.
        visit.open(pages[0])
        assert visit.page.title().startswith(f"Article 0: {CONTENT_VECTORS[0]}")
    finally:
        context.close()
    assert not failures, json.dumps(failures, indent=1)[:4000]


def test_check_html_report_runs_no_payload(checked: Path, browser: Browser) -> None:
    context = browser.new_context(java_script_enabled=True)
    visit = Visit(context.new_page())
    details = sorted((checked.parent / "report_files").glob("*.html"))
    assert len(details) == len(VECTORS) + len(HOSTILE_NAMES)  # one per page
    try:
        hits, bad, html = visit.open(checked)
        for path in details:  # each page's details: the hostile text lives here
            more_hits, more_bad, _ = visit.open(path)
            hits, bad = [*hits, *more_hits], [*bad, *more_bad]
    finally:
        context.close()
    assert not hits, hits
    assert not bad, bad
    assert not [r for r in TEMPLATE_RESULTS if r in html]
    # The report did show the hostile pages (as text), including odd file names.
    assert "page-0.html" in html
    assert "onerror=alert(101)" in html.replace("&lt;", "<").replace("&gt;", ">")


def test_trap_fires_on_a_real_payload(tmp_path: Path, browser: Browser) -> None:
    """The trap and the DOM scan are live: an unescaped vector is caught."""
    page = tmp_path / "naked.html"
    page.write_text(
        "<html><body>" + VECTORS[2] + VECTORS[7] + "<script>var quiet = 1;</script>"
        "</body></html>",
        encoding="utf-8",
    )
    context = browser.new_context()
    visit = Visit(context.new_page())
    try:
        hits, bad, _ = visit.open(page)
    finally:
        context.close()
    assert hits == ["alert:3"]
    assert any("onerror" in b for b in bad)
    assert any("javascript:alert(8)" in b for b in bad)
    assert "SCRIPT:var quiet = 1;" in bad  # a script no template holds
