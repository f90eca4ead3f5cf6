"""Benchmark `build` throughput on generated content, as a ratio to a baseline.

    python benchmarks/bench_build.py [--pages 1000] [--words 1000]

The baseline, timed in the same run over the same bodies, is the irreducible
work of any Markdown site generator: markdown-it + nh3 on each body. The ratio
tells how much the rest of the pipeline (validation, derive, JSON-LD, Jinja,
writes, and optionally the checks) costs on top of it. No timings are asserted
in tests; this script prints them.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pipeline.config import Site, load_config
from pipeline.mdrender import _parser, sanitize
from pipeline.run import build

WORDS = (
    "the virus can cause pain in the back and nerves doctors use tests to find "
    "the cause treatment may include rest medicine and physical therapy most "
    "people feel better within weeks"
).split()


def article(i: int, words: int, rng: random.Random) -> str:
    paragraphs, remaining = [], words
    while remaining > 0:
        n = min(remaining, rng.randint(40, 90))
        sentence_words = [rng.choice(WORDS) for _ in range(n)]
        text = " ".join(sentence_words).capitalize()
        paragraphs.append(text.replace(" the ", ". The ", 3) + ".")
        remaining -= n
    body = []
    for j, para in enumerate(paragraphs):
        if j and j % 3 == 0:
            body.append(f"## Section {j // 3} of page {i}\n")
        body.append(para + "\n")
    return (
        f"---\ntitle: Generated page number {i} about back pain\nslug: page-{i}\n"
        f"date: 2026-01-{1 + i % 28:02d}\n"
        "faq:\n  - question: What causes it?\n    answer: Usually a virus.\n---\n"
        + "\n".join(body)
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--words", type=int, default=1000)
    parser.add_argument(
        "--check", action="store_true", help="also run the checks during build"
    )
    args = parser.parse_args()
    rng = random.Random(42)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "content").mkdir()
        bodies = []
        for i in range(args.pages):
            text = article(i, args.words, rng)
            (root / "content" / f"page-{i}.md").write_text(text, encoding="utf-8")
            bodies.append(text.split("---\n", 2)[2])
        (root / "seo-pipeline.toml").write_text('base-url = "https://bench.example"\n')
        config = load_config(cwd=root)

        md = _parser()
        started = time.perf_counter()
        for body in bodies:
            sanitize(md.render(body))
        baseline = time.perf_counter() - started

        started = time.perf_counter()
        result = build(config, check=args.check)
        elapsed = time.perf_counter() - started
        assert len(result.pages) == args.pages
        assert isinstance(config.site, Site)

    print(
        f"pages: {args.pages} x ~{args.words} words, checks {'on' if args.check else 'off'}"
    )
    print(f"baseline (markdown-it + nh3 only): {args.pages / baseline:8.1f} pages/s")
    print(f"seo-pipeline build:                 {args.pages / elapsed:8.1f} pages/s")
    print(f"ratio build/baseline time:          {elapsed / baseline:8.2f}x")


if __name__ == "__main__":
    main()
