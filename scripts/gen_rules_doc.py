"""Write docs/rules.md from the rule registry (tests fail when it is stale).

Usage: python scripts/gen_rules_doc.py [OUTPUT]   (default: docs/rules.md)
"""

from __future__ import annotations

import sys
from pathlib import Path

from pipeline.checks.catalog import rules_markdown

DEFAULT = Path(__file__).resolve().parent.parent / "docs" / "rules.md"


def main(argv: list[str]) -> int:
    """Write the reference page and say where."""
    target = Path(argv[0]) if argv else DEFAULT
    target.write_text(rules_markdown(), encoding="utf-8", newline="\n")
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
