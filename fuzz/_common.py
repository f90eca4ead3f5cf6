"""Shared set-up of the fuzz targets (see fuzz/README.md)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def run(target: Callable[[bytes], None], prepare: Callable[[], None]) -> None:
    """Run `target` under atheris (libFuzzer flags come from the command line)."""
    import atheris

    # Coverage of seo-pipeline's own code only (instrumenting every loaded
    # module takes minutes): import it under instrumentation, and warm up
    # there too, so modules imported on first use are instrumented as well.
    with atheris.instrument_imports(include=["pipeline"]):
        import pipeline.checks
        import pipeline.importing.files  # noqa: F401

        prepare()
    atheris.Setup(sys.argv, target)
    atheris.Fuzz()
