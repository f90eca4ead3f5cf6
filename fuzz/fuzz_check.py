"""Fuzz `check`: page bytes → facts → every page and site rule.

    python fuzz/fuzz_check.py fuzz/corpus/check -max_total_time=300

A finding is fine; an exception, or a rule that crashed (recorded in
`CheckResult.crashes`), is a bug.
"""

from __future__ import annotations

from _common import run

_CONFIG = None


def prepare() -> None:
    global _CONFIG
    from pipeline.checks.config import CheckConfig
    from pipeline.checks.runner import check_html

    _CONFIG = CheckConfig(jobs=1)
    check_html(b"<html><body><main><p>Warm up.</p></main></body></html>", _CONFIG)


def one_input(data: bytes) -> None:
    from pipeline.checks.config import CheckConfig
    from pipeline.checks.runner import check_html

    result = check_html(data, _CONFIG or CheckConfig(jobs=1), path="fuzz.html")
    crashes = getattr(result, "crashes", ())
    if crashes:
        raise AssertionError(f"rule crashed: {crashes!r}")
    for finding in result.findings:
        if "internal error" in finding.message:
            raise AssertionError(finding.message)


if __name__ == "__main__":
    run(one_input, prepare)
