"""How fast the HTML report is written and opens in Chromium at N pages.

    python benchmarks/bench_report.py            # 20,000 pages
    python benchmarks/bench_report.py 2000 20000

For each N: a check result of N pages (`tests/report/scale.py`: a few dozen
generated pages checked with the real rules, repeated under N paths), the
time `htmlreport.output_files` takes, the files and their sizes, then the
index opened from disk in Debian's chromium (headless, via Playwright):
time to the `load` event (navigation start to `loadEventEnd`), time to the
first filter's result (a rule chosen in the filter, until the table is
redrawn), and time to open a page's details file. Prints one line per N
(`output_files_cpu_s` is CPU time: wall time varies with the machine's load).
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from pipeline.report.htmlreport import output_files  # noqa: E402
from tests.browser import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from tests.report.scale import scaled_result  # noqa: E402

LOAD_JS = """() => {
  const t = performance.getEntriesByType('navigation')[0];
  return {load: t.loadEventEnd, dcl: t.domContentLoadedEventEnd,
          fcp: (performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime};
}"""

FILTER_JS = """() => {
  const select = document.querySelector('#filters select[name=rule]');
  select.selectedIndex = 1;
  const started = performance.now();
  select.dispatchEvent(new Event('input', {bubbles: true}));
  const rows = document.querySelectorAll('#overview-table tbody tr').length;
  return {ms: performance.now() - started, rows: rows,
          status: document.getElementById('pages-status').textContent};
}"""


def _size(content: str | bytes) -> int:
    return len(content if isinstance(content, bytes) else content.encode())


def measure(n: int, browser: object) -> dict[str, float | int | str]:
    started = time.perf_counter()
    result = scaled_result(n)
    made = time.perf_counter() - started
    started, cpu = time.perf_counter(), time.process_time()
    files = output_files(result)
    written_s = time.perf_counter() - started
    written_cpu = time.process_time() - cpu
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for f in files:
            target = root / f.rel_path
            target.parent.mkdir(parents=True, exist_ok=True)
            content = f.content
            target.write_bytes(
                content if isinstance(content, bytes) else content.encode()
            )
        index = root / files[0].rel_path
        page = browser.new_page(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on(
            "console",
            lambda m: errors.append(m.text) if m.type in ("error", "warning") else None,
        )
        wall = time.perf_counter()
        page.goto(index.as_uri(), wait_until="load")
        wall_s = time.perf_counter() - wall
        timing = page.evaluate(LOAD_JS)
        filtered = page.evaluate(FILTER_JS)
        opened = time.perf_counter()
        page.locator("#overview-table tbody th a").first.click()
        page.wait_for_load_state("load")
        detail_s = time.perf_counter() - opened
        title = page.title()
        page.close()
    return {
        "pages": n,
        "findings": len(result.findings),
        "fixture_s": round(made, 1),
        "output_files_s": round(written_s, 1),
        "output_files_cpu_s": round(written_cpu, 1),
        "files": len(files),
        "index_MB": round(_size(files[0].content) / 1e6, 2),
        "all_MB": round(sum(_size(f.content) for f in files) / 1e6, 1),
        "load_ms": round(timing["load"]),
        "fcp_ms": round(timing["fcp"] or 0),
        "goto_wall_ms": round(wall_s * 1000),
        "first_filter_ms": round(filtered["ms"]),
        "filter_status": filtered["status"],
        "detail_open_ms": round(detail_s * 1000),
        "detail_title": title,
        "errors": len(errors),
    }


def main(argv: list[str]) -> None:
    from playwright.sync_api import sync_playwright

    sizes = [int(a) for a in argv] or [20_000]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
        )
        try:
            for n in sizes:
                print(measure(n, browser), flush=True)
        finally:
            browser.close()


if __name__ == "__main__":
    main(sys.argv[1:])
