"""Save → browser-update latency of `seo-pipeline serve` on a generated site.

    python benchmarks/bench_serve.py                # 500 pages, 10 saves
    python benchmarks/bench_serve.py --pages 2000 --saves 20 --no-check

Makes a temporary project with PAGES small content files, starts the server
(in this process, on 127.0.0.1 and a free port), opens one page in Debian's
chromium (Playwright, `/usr/bin/chromium`), then SAVES times rewrites that
page's content file and measures from just before the write until the open
page shows the new text (the watcher notices the save, the one file is
re-loaded, derived and rendered, the browser gets the reload event and
fetches the page). Prints each latency, the median and the worst.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

ARTICLE = """---
title: Notes on topic number {i} for the weekly reader
description: A short page about topic {i}, what it is, why it matters and how to start with it this week.
date: 2026-11-02
---
{intro}

## What topic {i} is

It is a plain thing. Most people learn it in an afternoon, and the first steps need no tools.

## How to start

Start small. Read one page a day, and write down what you learnt in a notebook.
"""


def article(i: int, intro: str | None = None) -> str:
    """The text of generated page `i` (with its intro replaced by `intro`)."""
    intro = intro or (
        f"Topic {i} is a small subject with a short history. "
        "This page says what it is and how to begin."
    )
    return ARTICLE.format(i=i, intro=intro)


def make_site(folder: Path, pages: int) -> Path:
    """A project with `pages` small content files; returns its config file."""
    content = folder / "content"
    content.mkdir(parents=True, exist_ok=True)
    config = folder / "seo-pipeline.toml"
    config.write_text(
        'site-name = "Bench"\nbase-url = "https://bench.example"\n', "utf-8"
    )
    for i in range(pages):
        (content / f"page-{i:04d}.md").write_text(article(i), "utf-8")
    return config


def slug(i: int) -> str:
    """The URL folder of generated page `i`."""
    return f"notes-on-topic-number-{i}-for-the-weekly-reader"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=500)
    parser.add_argument("--saves", type=int, default=10)
    parser.add_argument("--no-check", action="store_true")
    args = parser.parse_args(argv)

    from playwright.sync_api import sync_playwright

    from pipeline.config import load_config
    from pipeline.serve import Server
    from tests.browser import CHROMIUM, CHROMIUM_ARGS

    with tempfile.TemporaryDirectory() as tmp:
        config = make_site(Path(tmp), args.pages)
        server = Server(
            lambda: load_config(config),
            config_file=config,
            port=0,
            check=not args.no_check,
            log=lambda line: print(f"  serve: {line}"),
        )
        started = time.perf_counter()
        server.start()
        print(
            f"first build of {args.pages} pages: {time.perf_counter() - started:.2f} s"
        )
        target = args.pages // 2
        source = Path(tmp) / "content" / f"page-{target:04d}.md"
        latencies = []
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
                )
                page = browser.new_page()
                page.goto(f"{server.url}{slug(target)}/")
                time.sleep(1.0)  # the event stream is open
                for n in range(args.saves):
                    marker = f"Saved version {n} of this page."
                    t0 = time.perf_counter()
                    source.write_text(article(target, marker), "utf-8")
                    page.wait_for_function(
                        "m => document.body && document.body.innerText.includes(m)",
                        arg=marker,
                        timeout=10_000,
                        polling="raf",
                    )
                    latencies.append(time.perf_counter() - t0)
                    print(f"save {n + 1}: {latencies[-1] * 1000:.0f} ms")
                    time.sleep(0.5)
                browser.close()
        finally:
            server.stop()
    print(
        f"{args.pages} pages, {args.saves} saves: median "
        f"{statistics.median(latencies) * 1000:.0f} ms, worst "
        f"{max(latencies) * 1000:.0f} ms (save → page shows the change)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
