"""Speeds that unit tests used to assert, measured here instead (best of N).

    python benchmarks/bench_units.py [--runs 3]

A timed assertion fails on a loaded machine and proves nothing on a fast one,
so the unit tests check behaviour only and this script prints the times next
to the budgets the tests once asserted:

* pixel width: `text_width_px` on 1,000 descriptions of 160 characters
  (budget 50 ms; was `test_measuring_is_fast`);
* parse: `pipeline.facts.parse` on 5 MB of paragraphs (budget 30 s; was
  `test_five_megabytes_of_text`);
* check: every default rule on a 5 MB page of ~950,000 words (was
  `test_huge_page_gives_findings`, which took about 36 s).

It exits 1 when a time is over its budget, so CI can run it where timings
are meaningful.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pipeline.checks import CheckConfig, check_html
from pipeline.facts import parse
from pipeline.textmetrics import text_width_px

DESCRIPTION = (
    "Discover the connection between the herpes virus and back pain, including "
    "symptoms, diagnosis, and treatment options. Learn how to manage "
    "herpes-related back pain and reduce its impact on daily life."
)


def best_of(runs: int, work: Callable[[], object]) -> float:
    """The fastest of `runs` timings of `work`, in seconds."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return min(times)


def widths() -> list[str]:
    """1,000 different 160-character descriptions."""
    words = DESCRIPTION.split()
    texts = [(" ".join(words[i % 7 :] * 2))[:160] for i in range(1000)]
    assert all(len(t) == 160 for t in texts)
    return texts


def five_mb_of_paragraphs() -> str:
    paragraph = "<p>" + "Plain words in a very long page. " * 40 + "</p>\n"
    count = 5_000_000 // len(paragraph)
    return "<html><body><main>" + paragraph * count + "</main></body></html>"


def five_mb_of_prose() -> str:
    text = "<p>" + "A sentence of plain words. " * 50 + "</p>\n"
    return (
        "<html lang='en'><head><title>Huge</title></head><body><main>"
        + text * 3800
        + "</main></body></html>"
    )


def main() -> int:
    """Time, print, and say whether every time is within its budget."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    texts = widths()
    text_width_px("warm up", 14)
    paragraphs = five_mb_of_paragraphs()
    prose = five_mb_of_prose()
    rows: list[tuple[str, float, float | None]] = [
        (
            "text_width_px, 1,000 x 160 chars",
            best_of(args.runs, lambda: [text_width_px(t, 14) for t in texts]),
            0.050,
        ),
        (
            "facts.parse, 5 MB of paragraphs",
            best_of(args.runs, lambda: parse(paragraphs)),
            30.0,
        ),
        (
            "check, 5 MB page, all rules",
            best_of(1, lambda: check_html(prose, CheckConfig())),
            None,
        ),
    ]
    over = False
    print(f"{'measure':<36} {'seconds':>9} {'budget':>8}")
    for name, seconds, budget in rows:
        late = budget is not None and seconds > budget
        over |= late
        shown = f"{budget:>8.3f}" if budget is not None else f"{'-':>8}"
        print(f"{name:<36} {seconds:>9.3f} {shown}{'  OVER' if late else ''}")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
