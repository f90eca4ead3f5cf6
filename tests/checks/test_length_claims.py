"""LEN110: an error when a wrong length claim hides a limit overflow, a warning
otherwise, and the message says how to clear it (issue 10)."""

from __future__ import annotations

import pytest

from pipeline.checks import CheckConfig, check_html
from pipeline.findings import Finding, Severity
from pipeline.pagemeta import PageMeta

SEED = (
    "Discover the connection between the herpes virus and back pain, including "
    "symptoms, diagnosis, and treatment options. Learn how to manage herpes-related "
    "back pain and reduce its impact on daily life."
)  # 199 characters, claimed 149 by the draft
FIXED = "x" * 109


def described(text: str) -> str:
    return f'<html><head><meta name="description" content="{text}"></head></html>'


def run(html: str, claimed: int | None = None, **config: object) -> list[Finding]:
    meta = PageMeta(description_claimed_length=claimed)
    result = check_html(html, CheckConfig(select=["LEN110"], **config), meta=meta)
    return [f for f in result.findings if f.code == "LEN110"]


def test_front_matter_claim_hiding_the_overflow_is_an_error() -> None:
    [finding] = run(described(SEED), 149)
    assert finding.severity is Severity.ERROR
    assert finding.message == (
        "meta description is 199 characters, not the 149 claimed, which hides that"
        " it is over the 155-character limit: shorten the meta description, then"
        " remove `description_claimed_length` from the front matter (or correct it)"
    )
    assert (finding.value, finding.limit) == (199, 149)


def test_off_by_one_front_matter_claim_is_a_warning_that_says_how_to_clear_it() -> None:
    [finding] = run(described(FIXED), 108)
    assert finding.severity is Severity.WARNING
    assert finding.message == (
        "meta description is 109 characters, not the 108 claimed;"
        " remove `description_claimed_length` from the front matter, or set it to 109"
    )


def test_stale_claim_after_the_description_was_fixed_is_a_warning() -> None:
    # The description now fits (109 <= 155) but the old claim (149) remains.
    [finding] = run(described(FIXED), 149)
    assert finding.severity is Severity.WARNING
    assert "remove `description_claimed_length`" in finding.message


def test_claim_over_the_limit_is_not_hiding_anything() -> None:
    # Claimed 170, real 199: both over the limit, LEN103 already says it.
    [finding] = run(described(SEED), 170)
    assert finding.severity is Severity.WARNING


@pytest.mark.parametrize(
    ("html", "severity", "advice"),
    [
        (f"<p>Meta description suggestion: “{SEED}” (149 characters)</p>",
         Severity.ERROR, "correct the claim"),
        (f"<p>Meta description: “{FIXED}” (108 characters)</p>",
         Severity.WARNING, "correct the number to 109, or remove it"),
        (f"<p>Title: “{'y' * 64}” (58 characters)</p>", Severity.ERROR, "shorten the title"),
        (f"<p>A quote: “{'z' * 200}” (20 characters)</p>", Severity.WARNING, "correct the number"),
    ],
)  # fmt: skip
def test_claims_in_text(html: str, severity: Severity, advice: str) -> None:
    [finding] = run(html)
    assert finding.severity is severity
    assert advice in finding.message


def test_limit_follows_the_profile() -> None:
    # Yoast's limit is 156: a 156-character description claimed as 150 hides nothing
    # under yoast, but is over the default 155.
    html = described("w" * 156)
    assert run(html, 150)[0].severity is Severity.ERROR
    assert run(html, 150, profile="yoast")[0].severity is Severity.WARNING


def test_configured_severity_wins_over_the_problem_severity() -> None:
    html = described(FIXED)
    [finding] = run(html, 108, severity={"LEN110": "error"})
    assert finding.severity is Severity.ERROR
    [finding] = run(described(SEED), 149, severity={"LEN110": "info"})
    assert finding.severity is Severity.INFO


def test_correct_claim_is_silent() -> None:
    assert run(described(FIXED), 109) == []


def test_the_bundled_example_still_gives_the_error() -> None:
    from pathlib import Path

    from pipeline.config import load_config
    from pipeline.run import build

    repo = Path(__file__).resolve().parents[2]
    result = build(load_config(repo / "pyproject.toml"), write=False)
    assert result.checks is not None
    claims = [f for f in result.checks.findings if f.code == "LEN110"]
    [finding] = [f for f in claims if f.path.endswith("herpes-back-pain.md")]
    assert finding.severity is Severity.ERROR
    assert (finding.value, finding.limit) == (199, 149)
    assert finding.line == 4  # the description_claimed_length: line to remove
    assert "remove `description_claimed_length`" in finding.message
