"""The fuzz targets (fuzz/) run as plain functions: on the seed corpus, on
every input a fuzz run ever failed on (fuzz/regressions/), and on the
hostile inputs of issue 11. No atheris needed: this keeps the targets
working between fuzz runs, and keeps fixed findings fixed."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
FUZZ = REPO / "fuzz"
REGRESSIONS = sorted((FUZZ / "regressions").iterdir())


@pytest.fixture(scope="module", autouse=True)
def fuzz_on_path() -> Iterator[None]:
    sys.path.insert(0, str(FUZZ))
    try:
        yield
    finally:
        sys.path.remove(str(FUZZ))


def seeds(name: str, tmp_path: Path) -> list[bytes]:
    import seed  # fuzz/seed.py

    seed.main(tmp_path)
    return [p.read_bytes() for p in sorted((tmp_path / name).iterdir())]


def test_check_target_on_seeds_and_regressions(tmp_path: Path) -> None:
    import fuzz_check

    fuzz_check.prepare()
    inputs = seeds("check", tmp_path)
    assert len(inputs) >= 10
    for data in [*inputs, *(p.read_bytes() for p in REGRESSIONS)]:
        fuzz_check.one_input(data)


@pytest.mark.parametrize(
    "data",
    [
        b'<link rel="canonical" href="https://[oops/page">',
        b'<meta property="og:url" content="https://[oops/page">',
        b"<h[ad><title>x</title><a(b>y</a(b>",
        b'<script type="application/ld+json">{"n": ' + b"9" * 5000 + b"}</script>",
        b"<p " + b" ".join(b"a%d=x" % i for i in range(3000)) + b">x</p>",
        b"\xff\xfe<\x00p\x00>\x00",
        b"",
    ],
)
def test_check_target_on_hostile_pages(data: bytes) -> None:
    import fuzz_check

    fuzz_check.one_input(data)


def test_import_target_on_seeds(tmp_path: Path) -> None:
    import fuzz_import

    fuzz_import.prepare()
    inputs = seeds("import", tmp_path)
    assert len(inputs) >= 20
    for data in inputs:
        fuzz_import.one_input(data)
    fuzz_import.one_input(
        b"\x00<html><head><link rel=canonical href='https://[oops/p'>"
    )


def test_check_target_fails_on_a_crash(monkeypatch: pytest.MonkeyPatch) -> None:
    """The target reports what it should: a rule that raises is a failure."""
    import fuzz_check

    from pipeline.checks import REGISTRY

    rule = REGISTRY["META501"]

    def boom(*args: object) -> list[object]:
        raise RuntimeError("rule bug")

    monkeypatch.setattr(
        type(rule), "run_page", lambda self, *a: boom() if self is rule else []
    )
    with pytest.raises(AssertionError, match="rule crashed"):
        fuzz_check.one_input(b"<html><title>x</title></html>")
