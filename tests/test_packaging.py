"""The wheel ships the default templates and data, and finds them when installed."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_wheel_contains_templates_and_data_and_runs_from_it(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(REPO),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("seo_pipeline-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for required in (
        "pipeline/templates/article.html",
        "pipeline/templates/base.html",
        "pipeline/templates/partials/faq.html",
        "pipeline/data/widths.json",
        "pipeline/data/syllables.txt.gz",
        "pipeline/py.typed",
    ):
        assert required in names, required
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    probe = (
        "import pipeline.render as r, pathlib; "
        "p = r.default_templates(); print(p); assert (p / 'article.html').is_file()"
    )
    proc = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=tmp_path,
        env={"PYTHONPATH": str(site)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == str(site / "pipeline" / "templates")
