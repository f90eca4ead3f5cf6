"""The pre-commit hooks in `.pre-commit-hooks.yaml`.

The manifest is checked with pre-commit's own loader, each hook's entry is
run the way pre-commit runs it (with the installed `seo-pipeline`), and one
end-to-end test runs the real thing: `pre-commit try-repo` on a page with a
199-character description fails, then passes once the description is fixed.

That test installs this repository into a pre-commit-managed virtualenv
(`language: python`: pip installs the package and its dependencies from the
package index), once per run: `try-repo` keeps its hook environments in a
temporary store, so the two runs cost two installs (about 7 s each with a warm
pip cache; the first install on a fresh machine downloads the dependencies).
It is the only test that does this; the others run each hook's entry with the
installed `seo-pipeline`, as a `language: system` hook would.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from identify.identify import tags_from_path
from pre_commit.clientlib import load_manifest

from tests.report.conftest import LONG, REPO, page

MANIFEST = REPO / ".pre-commit-hooks.yaml"
FIXED = (
    "Can herpes cause back pain? How shingles inflames a nerve, the symptoms to "
    "watch for, and the treatments that help."
)
GIT_ENV = {
    "GIT_AUTHOR_NAME": "test",
    "GIT_AUTHOR_EMAIL": "test@example.invalid",
    "GIT_COMMITTER_NAME": "test",
    "GIT_COMMITTER_EMAIL": "test@example.invalid",
    "GIT_CONFIG_NOSYSTEM": "1",
}


def hooks() -> dict[str, dict[str, object]]:
    return {h["id"]: h for h in load_manifest(str(MANIFEST))}


def git(*args: str, cwd: Path) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    proc = subprocess.run(
        ["git", *args],
        cwd=cwd,
        env={**env, **GIT_ENV},
        capture_output=True,
        text=True,
        check=True,
    )
    return proc.stdout.strip()


def test_manifest_is_valid_for_pre_commit() -> None:
    found = hooks()
    assert set(found) == {"seo-pipeline-check", "seo-pipeline-content"}
    for hook in found.values():
        assert hook["language"] == "python", "users of a hook repo expect python hooks"
        assert str(hook["entry"]).startswith("seo-pipeline ")
        assert hook["require_serial"] is True, "site rules need every page in one run"


def test_check_hook_selects_html_files(tmp_path: Path) -> None:
    hook = hooks()["seo-pipeline-check"]
    assert hook["types"] == ["html"]
    for name in ("index.html", "page.htm"):
        (tmp_path / name).write_text(page(), encoding="utf-8")
        assert "html" in tags_from_path(str(tmp_path / name))
    assert hook.get("pass_filenames", True) is True


def test_content_hook_selects_content_files() -> None:
    hook = hooks()["seo-pipeline-content"]
    assert hook["pass_filenames"] is False
    pattern = re.compile(str(hook["files"]))
    types = set(hook["types_or"])  # type: ignore[arg-type]
    for name in (
        "content/herpes-back-pain.md",
        "content/winter-running-checklist.yaml",
    ):
        assert pattern.search(name)
        assert types & tags_from_path(str(REPO / name)), name
    assert not pattern.search("docs/ci.md")


def _entry(hook_id: str) -> list[str]:
    return shlex.split(str(hooks()[hook_id]["entry"])) + [
        str(a) for a in hooks()[hook_id]["args"]
    ]  # type: ignore[union-attr]


def test_check_hook_entry_gates_a_page(tmp_path: Path) -> None:
    """What pre-commit runs: `entry args files…` (here with the installed command)."""
    (tmp_path / "seo-pipeline.toml").write_text("", encoding="utf-8")
    target = tmp_path / "page.html"
    target.write_text(page(LONG), encoding="utf-8")
    cmd = [*_entry("seo-pipeline-check"), "page.html"]
    failed = subprocess.run(
        cmd, cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert failed.returncode == 1, failed.stderr
    assert "page.html:6:1: LEN103" in failed.stdout
    target.write_text(page(FIXED), encoding="utf-8")
    passed = subprocess.run(
        cmd, cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert passed.returncode == 0, passed.stdout + passed.stderr


def test_content_hook_entry_points_at_content_lines(tmp_path: Path) -> None:
    shutil.copy(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    shutil.copytree(REPO / "content", tmp_path / "content")
    proc = subprocess.run(
        _entry("seo-pipeline-content"),
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 1
    assert "content/herpes-back-pain.md:3:1: LEN103" in proc.stdout
    assert not (tmp_path / "output").exists(), "the content hook writes nothing"


# --- the real thing ------------------------------------------------------------------


def _try_repo(site: Path, home: Path) -> subprocess.CompletedProcess[str]:
    """`pre-commit try-repo <this repo> seo-pipeline-check --files page.html`.

    With uncommitted changes, try-repo first commits them in a temporary
    shadow clone, so the working tree is what gets installed."""
    pre_commit = shutil.which("pre-commit")
    assert pre_commit, "pre-commit is in the test extra"
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))
    }
    env.update(GIT_ENV, PRE_COMMIT_HOME=str(home), NO_COLOR="1")
    cmd = [pre_commit, "try-repo", str(REPO), "seo-pipeline-check"]
    return subprocess.run(
        [*cmd, "--files", "page.html"],
        cwd=site,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )


def test_pre_commit_try_repo_fails_then_passes(tmp_path: Path) -> None:
    started = time.perf_counter()
    site = tmp_path / "site"
    site.mkdir()
    git("init", "-q", cwd=site)
    (site / "page.html").write_text(page(LONG), encoding="utf-8")
    git("add", "page.html", cwd=site)
    home = tmp_path / "pre-commit-home"

    first = _try_repo(site, home)
    first_s = time.perf_counter() - started
    assert first.returncode == 1, first.stdout + first.stderr
    assert "seo-pipeline check (HTML pages)" in first.stdout
    assert "Failed" in first.stdout
    assert (
        "page.html:6:1: LEN103 meta description is 199 characters (max 155) (199/155) [error"
        in first.stdout
    )

    (site / "page.html").write_text(page(FIXED), encoding="utf-8")
    second_started = time.perf_counter()
    second = _try_repo(site, home)
    rerun_s = time.perf_counter() - second_started
    assert second.returncode == 0, second.stdout + second.stderr
    assert "Passed" in second.stdout
    print(
        f"\npre-commit try-repo: failing run {first_s:.1f} s, passing run {rerun_s:.1f} s"
    )


@pytest.mark.parametrize("hook_id", ["seo-pipeline-check", "seo-pipeline-content"])
def test_hook_args_accept_gating_flags(hook_id: str, tmp_path: Path) -> None:
    """Users pass `args: [--max-description-length=200]` etc.; the entries take them."""
    shutil.copy(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    shutil.copytree(REPO / "content", tmp_path / "content")
    (tmp_path / "page.html").write_text(page(LONG), encoding="utf-8")
    files = ["page.html"] if hook_id == "seo-pipeline-check" else []
    cmd = [*_entry(hook_id), "--select=LEN103", "--max-description-length=200", *files]
    proc = subprocess.run(
        cmd, cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
