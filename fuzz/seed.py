"""Write the seed corpora of the fuzz targets from the test fixtures.

python fuzz/seed.py /tmp/fuzz        # → /tmp/fuzz/check, /tmp/fuzz/import
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"


def main(out: Path) -> None:
    pages = sorted(FIXTURES.glob("pages/**/*.html")) + sorted(
        FIXTURES.glob("html/*.html")
    )
    drafts = [*sorted(FIXTURES.glob("drafts/*.txt")), FIXTURES / "seed-draft.txt"]
    seeds = {
        "check": [p.read_bytes() for p in pages],
        "import": [b"\x00" + p.read_bytes() for p in pages]
        + [b"\x01" + p.read_bytes() for p in drafts if p.is_file()],
    }
    for name, inputs in seeds.items():
        folder = out / name
        folder.mkdir(parents=True, exist_ok=True)
        for data in inputs:
            (folder / hashlib.sha1(data).hexdigest()).write_bytes(data)
        print(f"{folder}: {len(inputs)} seeds")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/seo-pipeline-fuzz"))
