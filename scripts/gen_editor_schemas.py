"""Write the JSON Schemas editors validate content and config files with.

    python scripts/gen_editor_schemas.py          # rewrite editors/*.schema.json
    python scripts/gen_editor_schemas.py --check  # exit 1 when a file is stale

Each file is exactly what `seo-pipeline schema` prints (`--kind article`,
`--kind config`); `tests/test_editor_schemas.py` keeps them equal.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from click.testing import CliRunner

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pipeline.cli import cli

EDITORS = Path(__file__).resolve().parent.parent / "editors"
FILES = {
    "article": EDITORS / "seo-pipeline-article.schema.json",
    "config": EDITORS / "seo-pipeline-config.schema.json",
}


def schema(kind: str) -> str:
    """`seo-pipeline schema --kind KIND`, as printed."""
    result = CliRunner().invoke(cli, ["schema", "--kind", kind])
    if result.exit_code != 0:
        raise SystemExit(result.output)
    return result.output


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report stale files")
    args = parser.parse_args()
    stale = []
    for kind, path in FILES.items():
        text = schema(kind)
        if path.exists() and path.read_text("utf-8") == text:
            continue
        stale.append(path)
        if not args.check:
            path.parent.mkdir(exist_ok=True)
            path.write_text(text, "utf-8")
    for path in stale:
        print(f"{'stale' if args.check else 'wrote'}: {path.name}")
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
