"""Golden files for the example article's HTML and JSON-LD.

They change only with `pytest --update-golden`; review the diff before committing.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.helpers import render_file

GOLDEN = Path(__file__).parent / "golden"


@pytest.mark.parametrize(
    "name",
    [
        "herpes-back-pain.md",
        "meta-descriptions-that-fit.md",
        "winter-running-checklist.yaml",
    ],
)
def test_bundled_content_matches_golden(
    name: str, repo: Path, golden: Callable[[Path, str], None]
) -> None:
    rendered = render_file(repo / "content" / name)
    stem = name.rsplit(".", 1)[0]
    golden(GOLDEN / stem / "index.html", rendered.html)
    golden(
        GOLDEN / stem / "jsonld.json",
        json.dumps(rendered.jsonld, ensure_ascii=False, indent=2) + "\n",
    )
