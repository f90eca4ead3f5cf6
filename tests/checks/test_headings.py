"""HEAD3xx: each rule firing and not firing, on small pages."""

from __future__ import annotations

from typing import Any

import pytest

from pipeline.checks import CheckConfig, check_html
from pipeline.findings import Finding


def run(html: str, code: str, **config: Any) -> list[Finding]:
    result = check_html(html, CheckConfig(select=[code], **config))
    return [f for f in result.findings if f.code == code]


CASES = [
    ("no h1", "<main><h2>A</h2><p>x</p></main>", "HEAD301", {}, 1),
    ("empty page has no h1", "", "HEAD301", {}, 1),
    ("h1 present", "<main><h1>A</h1></main>", "HEAD301", {}, 0),
    ("h1 in header counts", "<header><h1>Site</h1></header><main><p>x</p></main>", "HEAD301", {}, 0),
    ("two h1", "<h1>A</h1><h1>B</h1>", "HEAD302", {}, 1),
    ("three h1 give two findings", "<h1>A</h1><h1>B</h1><h1>C</h1>", "HEAD302", {}, 2),
    ("one h1", "<h1>A</h1><h2>B</h2>", "HEAD302", {}, 0),
    ("h2 to h4", "<h1>A</h1><h2>B</h2><h4>C</h4>", "HEAD303", {}, 1),
    ("h1 to h3", "<h1>A</h1><h3>C</h3>", "HEAD303", {}, 1),
    ("back up is fine", "<h1>A</h1><h2>B</h2><h3>C</h3><h2>D</h2>", "HEAD303", {}, 0),
    ("sidebar skip ignored", "<main><h1>A</h1><h2>B</h2></main><aside><h5>W</h5></aside>", "HEAD303", {}, 0),
    ("sidebar skip when asked", "<main><h1>A</h1></main><aside><h4>W</h4></aside>", "HEAD303", {"headings": {"main-content-only": False}}, 1),
    ("empty h2", "<h1>A</h1><h2>  </h2>", "HEAD304", {}, 1),
    ("image-only h1 with alt", '<h1><img src="l.png" alt="Acme"></h1>', "HEAD304", {}, 0),
    ("image-only h1 without alt", '<h1><img src="l.png"></h1>', "HEAD304", {}, 1),
    ("heading with text", "<h1>A</h1>", "HEAD304", {}, 0),
    ("twin h2", "<h1>A</h1><h2>Symptoms</h2><h2>symptoms</h2>", "HEAD305", {}, 1),
    ("same h3 under different h2", "<h1>A</h1><h2>HSV</h2><h3>Symptoms</h3><h2>VZV</h2><h3>Symptoms</h3>", "HEAD305", {}, 0),
    ("different h2", "<h1>A</h1><h2>Early</h2><h2>Late</h2>", "HEAD305", {}, 0),
    ("h2 first in main", "<main><h2>B</h2><h1>A</h1></main>", "HEAD306", {}, 1),
    ("h1 first in main", "<header><h2>Menu</h2></header><main><h1>A</h1><h2>B</h2></main>", "HEAD306", {}, 0),
    ("h1 equals title", "<title>Herpes  and back pain</title><h1>herpes and back pain</h1>", "HEAD307", {}, 1),
    ("h1 differs from title", "<title>Herpes and back pain | Site</title><h1>Herpes and back pain</h1>", "HEAD307", {}, 0),
]  # fmt: skip


@pytest.mark.parametrize(
    ("html", "code", "config", "expected"),
    [c[1:] for c in CASES],
    ids=[c[0] for c in CASES],
)
def test_heading_rules(
    html: str, code: str, config: dict[str, Any], expected: int
) -> None:
    assert len(run(html, code, **config)) == expected


def test_skip_message_names_levels() -> None:
    [finding] = run("<h1>A</h1>\n<h2>B</h2>\n<h4>C</h4>", "HEAD303")
    assert finding.message == "h4 follows h2 (skips h3)"
    assert (finding.line, finding.column) == (3, 1)


def test_info_severity_for_h1_same_as_title() -> None:
    [finding] = run("<title>A page</title><h1>A page</h1>", "HEAD307")
    assert finding.severity.label == "info"
