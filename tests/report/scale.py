"""A check result of any size, fast: a few real pages checked, then repeated.

`scaled_result(n)` checks `VARIANTS` small generated pages with the real
rules (long and missing titles and descriptions, skipped heading levels,
broken JSON-LD …), then repeats their facts and findings under `n` distinct
paths. The report sees what it would see for `n` checked pages, at the cost of
checking a few dozen. Used by the report's browser test (2,000 pages) and
`benchmarks/bench_report.py` (20,000 pages).
"""

from __future__ import annotations

import dataclasses
import random
from functools import cache

from pipeline.checks import CheckConfig
from pipeline.checks.runner import CheckResult, PageInput, PageReport, check_pages
from pipeline.findings import Finding

VARIANTS = 40
WORDS = (
    "garden soil compost water light seed autumn winter pruning roses tomato "
    "harvest mulch drainage frost shade climber hedge lawn bulbs pots balcony "
    "herbs basil watering feed planting spacing pests aphids slugs netting"
).split()


def _words(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n))


def _page(i: int) -> str:
    rng = random.Random(i)
    title = _words(rng, rng.choice([3, 6, 9, 14])).title()
    description = _words(rng, rng.choice([8, 20, 30, 45]))
    meta = (
        ""
        if i % 7 == 3
        else f'<meta name="description" content="{description.capitalize()}.">'
    )
    title_tag = "" if i % 11 == 5 else f"<title>{title} &amp; more</title>"
    levels = [rng.choice([2, 2, 3, 4]) for _ in range(rng.randint(1, 5))]
    headings = "".join(f"<h{n}>{_words(rng, 3).title()}</h{n}>" for n in levels)
    prose = "".join(
        f"<p>{'. '.join(_words(rng, rng.randint(6, 30)).capitalize() for _ in range(3))}.</p>"
        for _ in range(rng.randint(1, 6))
    )
    jsonld = (
        '<script type="application/ld+json">{"@context": "https://schema.org", '
        f'"@type": "Article", "headline": "{title}"{"," if i % 5 == 2 else ""}}}</script>'
    )
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">{title_tag}{meta}'
        f'<link rel="canonical" href="https://garden.example/p{i}/">{jsonld}</head>'
        f"<body><main><h1>{title}</h1>{prose}{headings}{prose}</main></body></html>"
    )


@cache
def _variants() -> CheckResult:
    inputs = [PageInput(f"site/v{i}/index.html", _page(i)) for i in range(VARIANTS)]
    return check_pages(inputs, CheckConfig(jobs=1))


def scaled_result(n: int) -> CheckResult:
    """`n` pages (and their findings) made of the checked variants."""
    base = _variants()
    by_path: dict[str, list[Finding]] = {p.path: [] for p in base.pages}
    for f in base.findings:
        by_path[f.html_path or f.path].append(f)
    pages: list[PageReport] = []
    findings: list[Finding] = []
    for i in range(n):
        variant = base.pages[i % len(base.pages)]
        path = f"site/section-{i % 23}/page-{i:05d}/index.html"
        pages.append(dataclasses.replace(variant, path=path))
        findings += [
            dataclasses.replace(f, path=path, html_path=path)
            for f in by_path[variant.path]
        ]
    findings.sort(key=lambda f: f.sort_key())
    return CheckResult(pages, findings, n, base.elapsed_s)
