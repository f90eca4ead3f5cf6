"""Rule docs that lean on an outside authority name their sources.

Every rule whose documentation cites Yoast, Google, schema.org, Screaming
Frog, Rank Math, Moz, the W3C/WHATWG, an RFC, ISO 8601, the Open Graph
protocol or a readability formula ends with a `## References` section that
names at least one source (a URL, a yoastseo source file, or a quoted
document title), after `Use instead:` and its examples. The sections must
not disturb the parsers of the docs: the executed examples
(`tests/checks/test_registry.py`), the HTML report's advice and the
generated `docs/rules.md`.
"""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest

from pipeline.checks import REGISTRY
from pipeline.checks.catalog import rules_markdown, rules_text
from pipeline.checks.registry import Rule
from pipeline.report.htmlreport import advice
from tests.checks.test_registry import BLOCK, examples

HEADING = "\n## References\n"
FENCE = re.compile(r"```.*?```", re.S)

AUTHORITY = re.compile(
    r"Yoast|Google|schema\.org|Screaming Frog|Rank Math|\bMoz\b|Lighthouse"
    r"|\bW3C\b|WHATWG|\bWCAG\b|\bRFC \d+|JSON-LD 1\.1|ISO 8601|Open Graph"
    r"|Flesch|Kincaid|Amstad|\bNIH\b|MedlinePlus|\bAMA\b|\bBing\b"
)
"""Outside authorities a rule doc may lean on (matched outside code blocks)."""

SOURCE = re.compile(
    r"https?://\S+"  # a URL
    r"|packages/yoastseo/src/\S+\.js"  # a yoastseo source file
    r"|\"[^\"\n]{6,}\""  # a quoted document title
    r"|\bRFC \d+|\bISO \d+|\bIEEE \d+"  # a numbered standard
)


def _prose(doc: str) -> str:
    """The doc without its code blocks and without its References section."""
    return FENCE.sub("", doc.split(HEADING, 1)[0])


def _cites(rule: Rule) -> bool:
    return AUTHORITY.search(_prose(rule.doc)) is not None


CITING = sorted(code for code, rule in REGISTRY.items() if _cites(rule))


def test_the_authorities_are_found() -> None:
    # A guard against a pattern that silently matches nothing.
    assert {"LEN101", "KEY705", "SD409", "META512", "READ201"} <= set(CITING)


@pytest.mark.parametrize("code", CITING)
def test_a_citing_rule_names_its_sources(code: str) -> None:
    doc = REGISTRY[code].doc
    assert HEADING in doc, f"{code} cites an outside authority but has no References"
    references = doc.split(HEADING, 1)[1]
    assert SOURCE.search(references), f"{code}: References names no source"


@pytest.mark.parametrize(
    "code", sorted(c for c, r in REGISTRY.items() if HEADING in r.doc)
)
def test_references_is_the_last_section_after_use_instead(code: str) -> None:
    doc = REGISTRY[code].doc
    before, references = doc.split(HEADING, 1)
    assert "Use instead:" in before, f"{code}: References before Use instead"
    use_instead = before.split("Use instead:", 1)[1]
    assert "\n## " not in use_instead, f"{code}: a section between them"
    assert "\n## " not in references, f"{code}: a section after References"
    assert "```" not in references, f"{code}: a code block in References"
    assert references.strip(), f"{code}: empty References"


@pytest.mark.parametrize(
    "code", sorted(c for c, r in REGISTRY.items() if HEADING in r.doc)
)
def test_references_leave_the_examples_and_advice_alone(code: str) -> None:
    rule = REGISTRY[code]
    use_instead = rule.doc.split("Use instead:", 1)[1].split(HEADING, 1)[0]
    fixed = [body for kind, body in BLOCK.findall(use_instead) if kind == "html"]
    _bad, good = examples(rule)
    assert [p.html for p in good] == fixed
    shown = advice(code)
    assert shown is not None
    assert shown.example == fixed[0].strip()
    why = "".join(text for text, _code in shown.why)
    assert "References" not in why and "Definition" not in why


def test_example_parsing_stops_at_a_following_section() -> None:
    # The parsers split sections at "\n## ": a block in a section after
    # `Use instead:` is neither an executed example nor the report's advice.
    doc = (
        "Summary.\n\n## What it does\nx\n\n## Why is this bad?\ny\n\n"
        "## Example\n```html\n<p>bad</p>\n```\n\nUse instead:\n"
        "```html\n<p>good</p>\n```\n\n## References\n"
        "- A source: https://example.org/spec\n```html\n<p>not an example</p>\n```\n"
    )
    fake = SimpleNamespace(doc=doc)
    bad, good = examples(fake)  # type: ignore[arg-type]
    assert [p.html for p in bad] == ["<p>bad</p>"]
    assert [p.html for p in good] == ["<p>good</p>"]


def test_references_reach_the_cli_and_the_rules_page() -> None:
    code = CITING[0]
    text = rules_text([code])
    assert "## References" in text
    page = rules_markdown()
    # docs/rules.md demotes rule-doc sections to level 4 under the rule's heading.
    section = page.split(f"### {code} ", 1)[1].split("\n### ", 1)[0]
    assert "\n#### References\n" in section
    assert "\n## References" not in page
