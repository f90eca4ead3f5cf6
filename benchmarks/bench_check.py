"""Throughput of `seo-pipeline check` on generated pages, against a bare parse.

    python benchmarks/bench_check.py [--pages 1000] [--words 1000]

Writes N pages of about W words (head metadata, JSON-LD, an outline of
sections with paragraphs, lists and a table, a FAQ) to a temporary folder,
then times, best of three:

* baseline: `lxml.html.fromstring` on every page (the floor of any parse);
* facts: `pipeline.facts.parse` on every page (the one parse plus the walk);
* check: discover + read + parse + every rule, as `seo-pipeline check` does,
  in one process and then with the default worker processes (one per CPU);
* json: rendering the JSON report of that result.

and prints pages/second for each, with ratios against the baseline measured
in the same run (so the figures compare across machines).
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import lxml.html

from pipeline.checks import CheckConfig, check_pages
from pipeline.discover import html_files, read_pages
from pipeline.facts import parse
from pipeline.report import jsonreport

WORDS = (
    "virus nerve pain back spine shingles rash treatment doctor symptom week "
    "antiviral rest heat movement sleep the a of and to in is with for on that "
    "can may often usually which people most after before during"
).split()


def sentence(rng: random.Random) -> str:
    n = rng.randint(8, 22)
    text = " ".join(rng.choice(WORDS) for _ in range(n))
    return text[0].upper() + text[1:] + "."


def paragraph(rng: random.Random, words: int) -> str:
    out: list[str] = []
    while sum(s.count(" ") + 1 for s in out) < words:
        out.append(sentence(rng))
    return " ".join(out)


def page(i: int, words: int, rng: random.Random) -> str:
    """One page of about `words` words in a typical article layout."""
    sections = []
    per_section = words // 5
    for s in range(4):
        items = "".join(f"<li>{sentence(rng)}</li>" for _ in range(3))
        sections.append(
            f"<h2>Section {s} of page {i}</h2>\n"
            f"<p>{paragraph(rng, per_section // 2)}</p>\n"
            f"<h3>Detail {s}</h3>\n<p>{paragraph(rng, per_section // 2 - 30)}</p>\n"
            f"<ul>\n{items}\n</ul>\n"
        )
    faq = "".join(
        f"<h3>Question {q} about page {i}?</h3>\n<p>{paragraph(rng, 30)}</p>\n"
        for q in range(3)
    )
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Generated page {i}: herpes and back pain explained</title>
<meta name="description" content="Page {i}: {paragraph(rng, 20)}">
<link rel="canonical" href="https://example.com/pages/page-{i}/">
<meta property="og:title" content="Generated page {i}">
<meta property="og:type" content="article">
<meta property="og:image" content="https://example.com/img/{i}.jpg">
<meta property="og:url" content="https://example.com/pages/page-{i}/">
<script type="application/ld+json">{{"@context": "https://schema.org", "@type": "Article",
"headline": "Generated page {i}", "datePublished": "2026-11-02",
"author": {{"@type": "Organization", "name": "Editorial Team"}}}}</script>
</head>
<body>
<header><nav><a href="/">Home</a> <a href="/about/">About</a></nav></header>
<main>
<h1>Generated page {i}</h1>
<p>{paragraph(rng, 60)}</p>
<img src="/img/{i}.jpg" alt="Illustration {i}">
{"".join(sections)}
<table><tr><th>Type</th><th>Effect</th></tr><tr><td>HSV</td><td>Rash</td></tr></table>
<section class="faq"><h2>FAQ</h2>
{faq}</section>
</main>
<footer><p>Copyright</p></footer>
</body>
</html>
"""


def best_of(runs: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    """Generate, time, print."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--words", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    rng = random.Random(42)
    pages = [page(i, args.words, rng) for i in range(args.pages)]
    config = CheckConfig()  # jobs=0: one worker process per CPU
    serial = CheckConfig(jobs=1)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for i, html in enumerate(pages):
            (folder / f"page-{i}.html").write_text(html, encoding="utf-8")
        data = [p.encode() for p in pages]

        baseline = best_of(args.runs, lambda: [lxml.html.fromstring(d) for d in data])
        facts = best_of(args.runs, lambda: [parse(d) for d in data])

        def run_check(cfg: CheckConfig = config) -> object:
            return check_pages(read_pages(html_files([folder]).files, base=folder), cfg)

        check_1 = best_of(args.runs, lambda: run_check(serial))
        check = best_of(args.runs, run_check)
        result = run_check()
        report = best_of(args.runs, lambda: jsonreport.render(result))  # type: ignore[arg-type]

    words = sum(len(p.split()) for p in pages) // len(pages)
    n = args.pages
    print(f"{n} pages, ~{words} whitespace-separated tokens each (markup included)")
    print(f"{'stage':<34} {'seconds':>8} {'pages/s':>9} {'x baseline':>11}")
    for name, seconds in [
        ("baseline: lxml.html.fromstring", baseline),
        ("facts: pipeline.facts.parse", facts),
        ("check, 1 process", check_1),
        ("check: read + parse + all rules", check),
        ("json report of the check result", report),
    ]:
        print(
            f"{name:<34} {seconds:>8.3f} {n / seconds:>9.0f} {seconds / baseline:>10.1f}x"
        )
    print(
        f"check throughput: {n / check:.0f} pages/s ({check / baseline:.1f}x the bare parse time)"
    )


if __name__ == "__main__":
    main()
