"""Shared fixtures: golden files (rewritten only with --update-golden) and paths."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED = FIXTURES / "seed-draft.txt"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite golden files under tests/golden and tests/fixtures instead of comparing",
    )


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Callable[[Path, str], None]:
    """Compare text with a golden file; `pytest --update-golden` rewrites it."""
    update = request.config.getoption("--update-golden")

    def check(path: Path, actual: str) -> None:
        if update:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(actual, encoding="utf-8", newline="\n")
        if not path.exists():
            pytest.fail(
                f"{path} is missing; run pytest --update-golden and review the diff"
            )
        expected = path.read_text(encoding="utf-8")
        assert actual == expected, (
            f"{path} differs; run pytest --update-golden if intended"
        )

    return check


@pytest.fixture
def repo() -> Path:
    """The repository root (holds the bundled content and config)."""
    return REPO
