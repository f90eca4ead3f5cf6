"""Check results the report tests render: the bundled example site (built in
memory, so findings point at content-file lines) and plain HTML pages."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from pipeline.checks.runner import CheckResult, check_html
from pipeline.config import load_config
from pipeline.findings import Finding, Severity
from pipeline.run import build

REPO = Path(__file__).resolve().parents[2]

LONG = (
    "Discover the connection between the herpes virus and back pain, including "
    "symptoms, diagnosis, and treatment options. Learn how to manage herpes-related "
    "back pain and reduce its impact on daily life."
)


def page(
    description: str = LONG,
    title: str = "Can Herpes Cause Back Pain? Symptoms and Treatment",
) -> str:
    """A small, otherwise clean English page."""
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{title}</title>
<meta name="description" content="{description}">
<link rel="canonical" href="https://example.com/herpes-back-pain/">
</head>
<body>
<main>
<h1>Can Herpes Cause Back Pain?</h1>
<p>Shingles is caused by the same virus as chickenpox. It can inflame a nerve in the back.</p>
</main>
</body>
</html>
"""


@pytest.fixture(scope="session")
def example() -> CheckResult:
    """The bundled example content, built in memory (nothing written)."""
    result = build(load_config(cwd=REPO), write=False).checks
    assert isinstance(result, CheckResult)
    return result


@pytest.fixture(scope="session")
def html_result() -> CheckResult:
    """A plain HTML page: findings carry HTML lines and columns."""
    return check_html(page(), path="site/herpes/index.html")


def synthetic(result: CheckResult, **changes: object) -> CheckResult:
    """The result with its first finding changed (for escaping tests)."""
    first = dataclasses.replace(result.findings[0], **changes)  # type: ignore[arg-type]
    return dataclasses.replace(result, findings=[first, *result.findings[1:]])


def finding(**changes: object) -> Finding:
    """A finding with test defaults."""
    base = Finding(
        code="LEN103",
        rule="meta-description-too-long",
        severity=Severity.ERROR,
        message="meta description is 199 characters (max 155)",
        path="content/a.md",
        line=3,
        snippet=LONG,
        html_path="output/a/index.html",
        html_line=7,
        html_column=1,
    )
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]
