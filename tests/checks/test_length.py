"""LEN1xx: each rule firing and not firing, on small pages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from pipeline.checks import CheckConfig, check_html
from pipeline.findings import Finding, Severity
from tests.helpers import meta_of

SEED_DESCRIPTION = (
    "Discover the connection between the herpes virus and back pain, including "
    "symptoms, diagnosis, and treatment options. Learn how to manage herpes-related "
    "back pain and reduce its impact on daily life."
)


def run(
    html: str, code: str, front: dict[str, Any] | None = None, **config: Any
) -> list[Finding]:
    result = check_html(html, CheckConfig(select=[code], **config), meta=meta_of(front))
    return [f for f in result.findings if f.code.startswith(code)]


def title(text: str) -> str:
    return f"<html><head><title>{text}</title></head></html>"


def description(text: str) -> str:
    return f'<html><head><meta name="description" content="{text}"></head></html>'


CASES = [
    # (id, html, code, config, expected number of findings)
    ("title 61 chars", title("x" * 61), "LEN101", {}, 1),
    ("title 60 chars", title("x" * 60), "LEN101", {}, 0),
    ("title graphemes not code points", title("é" * 60), "LEN101", {}, 0),
    ("title emoji family is one", title("👨‍👩‍👧" * 60), "LEN101", {}, 0),
    ("title option", title("x" * 40), "LEN101", {"length": {"title-max-chars": 30}}, 1),
    ("title wide capitals", title("W" * 40), "LEN102", {}, 1),
    ("title narrow letters", title("i" * 59), "LEN102", {}, 0),
    ("description seed 199", description(SEED_DESCRIPTION), "LEN103", {}, 1),
    ("description 155", description("x" * 155), "LEN103", {}, 0),
    ("description yoast 156", description("x" * 156), "LEN103", {"profile": "yoast"}, 0),
    ("description seed px", description(SEED_DESCRIPTION), "LEN104", {}, 1),
    ("description short px", description("Short and sweet."), "LEN104", {}, 0),
    ("description too short", description("Herpes."), "LEN105", {}, 1),
    ("description empty is META504's", description(""), "LEN105", {}, 0),
    ("description yoast min", description("x" * 100), "LEN105", {"profile": "yoast"}, 1),
    ("description sf min px", description("i" * 80), "LEN105", {"profile": "screaming-frog"}, 1),
    ("title too short", title("Herpes"), "LEN106", {}, 1),
    ("title long enough", title("Can herpes cause back pain? Yes"), "LEN106", {}, 0),
    ("h1 too long", f"<h1>{'word ' * 15}</h1>", "LEN107", {}, 1),
    ("h1 fine", "<h1>Herpes and back pain</h1>", "LEN107", {}, 0),
    ("h2 not measured", f"<h2>{'word ' * 15}</h2>", "LEN107", {}, 0),
    ("url too long", f'<link rel="canonical" href="https://e.x/{"a" * 80}/">', "LEN108", {}, 1),
    ("url short", '<link rel="canonical" href="https://e.x/herpes/">', "LEN108", {}, 0),
    ("headline 111", f'<script type="application/ld+json">{{"headline": "{"x" * 111}"}}</script>', "LEN109", {}, 1),
    ("headline in graph", f'<script type="application/ld+json">{{"@graph": [{{"headline": "{"x" * 111}"}}]}}</script>', "LEN109", {}, 1),
    ("headline 110", f'<script type="application/ld+json">{{"headline": "{"x" * 110}"}}</script>', "LEN109", {}, 0),
    ("claim in text wrong", "<p>Description: “A short one here.” (149 characters)</p>", "LEN110", {}, 1),
    ("claim in text right", "<p>Description: “A short one here.” (17 characters)</p>", "LEN110", {}, 0),
    ("claim with straight quotes", '<p>Title: "Exactly eighteen chars" (3 chars)</p>', "LEN110", {}, 1),
]  # fmt: skip


@pytest.mark.parametrize(
    ("html", "code", "config", "expected"),
    [c[1:] for c in CASES],
    ids=[c[0] for c in CASES],
)
def test_length_rules(
    html: str, code: str, config: dict[str, Any], expected: int
) -> None:
    assert len(run(html, code, **config)) == expected


def test_seed_description_reports_value_and_limit_in_chars_and_px() -> None:
    findings = run(description(SEED_DESCRIPTION), "LEN1")
    by_code = {f.code: f for f in findings}
    assert by_code["LEN103"].message == "meta description is 199 characters (max 155)"
    assert (by_code["LEN103"].value, by_code["LEN103"].limit) == (199, 155)
    assert by_code["LEN103"].severity is Severity.ERROR
    assert by_code["LEN104"].message.startswith(
        "meta description is 1258 px wide (max 920 px"
    )
    assert by_code["LEN104"].severity is Severity.WARNING


def test_rank_math_profile_makes_pixel_overflow_an_error() -> None:
    [finding] = run(description(SEED_DESCRIPTION), "LEN104", profile="rank-math")
    assert finding.severity is Severity.ERROR


def test_severity_override_by_prefix() -> None:
    [finding] = run(title("x" * 70), "LEN101", severity={"LEN1": "error"})
    assert finding.severity is Severity.ERROR


def test_claimed_length_from_front_matter() -> None:
    front = {"description_claimed_length": 149}
    [finding] = run(description(SEED_DESCRIPTION), "LEN110", front)
    assert finding.message.startswith(
        "meta description is 199 characters, not the 149 claimed"
    )
    assert finding.severity is Severity.ERROR  # the claim hides the overflow
    assert (
        run(
            description(SEED_DESCRIPTION), "LEN110", {"description_claimed_length": 199}
        )
        == []
    )


def test_claim_in_seed_draft_text() -> None:
    html = f"<p>Meta description suggestion: “{SEED_DESCRIPTION}” (149 characters)</p>"
    [finding] = run(html, "LEN110")
    assert (finding.value, finding.limit) == (199, 149)
    assert finding.message.startswith("meta description is 199")


def test_approximate_width_is_said() -> None:
    [finding] = run(title("漢" * 40), "LEN102")
    assert "approximate" in finding.message


def test_headline_nested_under_webpage_main_entity() -> None:
    """LEN109 reads the page's one JSON-LD view: an Article nested under
    `WebPage.mainEntity` is measured like a top-level one."""
    page = Path(__file__).parent.parent / "fixtures/jsonld/webpage-main-entity.html"
    found = run(page.read_text(encoding="utf-8"), "LEN109")
    assert [(f.message, f.line, f.value, f.limit) for f in found] == [
        ("json-ld headline is 128 characters (max 110)", 11, 128, 110)
    ]
