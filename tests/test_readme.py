"""The README cannot lie: its commands, config and content examples are tested."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from pipeline.config import load_config
from pipeline.sources import load_article

REPO = Path(__file__).resolve().parent.parent
README = (REPO / "README.md").read_text(encoding="utf-8")


def blocks(lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", README, re.S)


def test_the_test_command_is_what_ci_runs() -> None:
    first, second = blocks("bash")[:2]
    # one line, and a virtual environment first: Debian's and Ubuntu's system pip
    # refuses to install outside one (PEP 668)
    assert first.strip() == (
        "python3 -m venv .venv && . .venv/bin/activate && pip install -e . "
        "&& seo-pipeline build"
    )
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert second.strip() in ci


def test_cli_reference_is_current() -> None:
    proc = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "gen_cli_doc.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_config_examples_load(tmp_path: Path) -> None:
    examples = [b for b in blocks("toml") if b.startswith("[tool.seo-pipeline]")]
    assert len(examples) >= 2
    for i, example in enumerate(examples):
        folder = tmp_path / str(i)
        folder.mkdir()
        (folder / "pyproject.toml").write_text(example, encoding="utf-8")
        load_config(cwd=folder)  # raises ConfigError if the README is wrong


def test_content_example_validates(tmp_path: Path) -> None:
    (example,) = blocks("markdown")
    path = tmp_path / "example.md"
    path.write_text(example, encoding="utf-8")
    article = load_article(path).article
    assert article.schema_type == "MedicalWebPage"
    assert article.faq and article.key_points


def test_pre_commit_snippet_pins_nothing_that_does_not_exist() -> None:
    """No release is tagged: the snippet pins a commit SHA, not a missing tag."""
    (snippet,) = [b for b in blocks("yaml") if b.startswith("# .pre-commit-config")]
    revs = re.findall(r"^\s*rev:\s*(\S+)", snippet, re.M)
    assert revs and all(re.fullmatch(r"[0-9a-f]{40}", rev) for rev in revs)
    hooks = (REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert "v0.1.0" not in hooks
