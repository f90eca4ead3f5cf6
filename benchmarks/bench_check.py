"""Throughput of `seo-pipeline check` on realistic built pages, against a bare parse.

    python benchmarks/bench_check.py [--pages 1000] [--runs 3]

Generates N realistic articles (benchmarks/articles.py: about 1,030 words,
headings, a table, lists, inline markup, an FAQ; fixed seed), builds them with
`pipeline.run.build(check=False)` into a temporary folder (so the pages are the
tool's own HTML: head metadata, JSON-LD, the FAQ section), then times, best of
--runs, in this process:

* baseline: `lxml.html.fromstring` on every page (the floor of any parse);
* facts: `pipeline.facts.parse` on every page (the one parse plus the walk);
* check: discover + read + parse + every rule, as `seo-pipeline check` does,
  in one process and then with the default worker processes (one per CPU);
* json: rendering the JSON report of that result.

and prints pages/second for each, with ratios against the baseline measured
in the same run (so the figures compare across machines). For the command as
users run it (a subprocess, start-up included), see bench_build.py.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import lxml.html

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from articles import SEED, generate, write  # noqa: E402

from pipeline.checks import CheckConfig, check_pages  # noqa: E402
from pipeline.discover import html_files, read_pages  # noqa: E402
from pipeline.facts import parse  # noqa: E402
from pipeline.report import jsonreport  # noqa: E402
from pipeline.run import build  # noqa: E402


def built_pages(folder: Path, pages: int, seed: int) -> Path:
    """Generate `pages` articles into `folder`/content and build them (no checks)."""
    write(list(generate(pages, seed)), folder / "content", "ours")
    (folder / "seo-pipeline.toml").write_text(
        'site-name = "Bench"\nbase-url = "https://bench.example"\n'
        'content-dir = "content"\noutput-dir = "output"\n'
    )
    build(folder, check=False)
    return folder / "output"


def best_of(runs: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    """Generate, build, time, print."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args()

    config = CheckConfig()  # jobs=0: one worker process per CPU
    serial = CheckConfig(jobs=1)
    with tempfile.TemporaryDirectory() as tmp:
        output = built_pages(Path(tmp), args.pages, args.seed)
        files = sorted(
            p for p in output.glob("*/index.html") if p.parent.name[0] != "_"
        )
        data = [p.read_bytes() for p in files]
        assert len(data) == args.pages, (len(data), args.pages)

        baseline = best_of(args.runs, lambda: [lxml.html.fromstring(d) for d in data])
        facts = best_of(args.runs, lambda: [parse(d) for d in data])

        def run_check(cfg: CheckConfig = config) -> object:
            found = html_files([output]).files
            return check_pages(read_pages(found, base=output), cfg)

        check_1 = best_of(args.runs, lambda: run_check(serial))
        check = best_of(args.runs, run_check)
        result = run_check()
        report = best_of(args.runs, lambda: jsonreport.render(result))  # type: ignore[arg-type]

    size = sum(len(d) for d in data) // len(data)
    n = args.pages
    print(
        f"{n} pages built from generated articles, {size:,} bytes of HTML each on average"
    )
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
