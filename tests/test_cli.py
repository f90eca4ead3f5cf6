"""The command line: exit codes 0/1/2, one-line errors, nothing written on failure."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.cli import main

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures" / "content"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the bundled site (content + config) in a temporary folder."""
    shutil.copytree(REPO / "content", tmp_path / "content")
    table = (
        (REPO / "pyproject.toml")
        .read_text(encoding="utf-8")
        .split("[tool.seo-pipeline]", 1)[1]
    )
    (tmp_path / "seo-pipeline.toml").write_text(table, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_build_writes_pages_sitemap_manifest(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["build"])
    out = capsys.readouterr().out
    assert "Built 3 pages into output/" in out
    assert code == 1  # the example's 199-character description is an error
    assert "LEN" in out
    out_dir = project / "output"
    assert (out_dir / "herpes-virus-back-pain" / "index.html").is_file()
    sitemap = (out_dir / "sitemap.xml").read_text()
    assert "<loc>https://health-notes.example/herpes-virus-back-pain/</loc>" in sitemap
    assert "<lastmod>2026-11-20</lastmod>" in sitemap
    manifest = json.loads((out_dir / "manifest.json").read_text())
    row = next(
        r for r in manifest["pages"] if r["path"] == "herpes-virus-back-pain/index.html"
    )
    assert row["description_length"] == 199
    assert row["source"] == "content/herpes-back-pain.md"
    assert "sitemap.xml" in manifest["files"]


def test_bad_front_matter_exits_2_and_writes_nothing(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copy(FIXTURES / "unknown-field.md", project / "content" / "unknown-field.md")
    shutil.copy(FIXTURES / "bad-type.md", project / "content" / "bad-type.md")
    assert main(["build"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert (
        "error: content/unknown-field.md:3: descripton: unknown field; did you mean 'description'?"
        in err
    )
    assert any(line.startswith("error: content/bad-type.md:3: date:") for line in err)
    assert "Traceback" not in "\n".join(err)
    assert not (project / "output").exists()


def test_duplicate_slugs_are_an_error_before_writing(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (project / "content" / "herpes-back-pain.md").read_text()
    (project / "content" / "copy.md").write_text(text)
    assert main(["build"]) == 2
    assert (
        "slug 'herpes-virus-back-pain' is used by 2 articles" in capsys.readouterr().err
    )
    assert not (project / "output").exists()


def test_rebuild_keeps_user_files_and_removes_stale_pages(project: Path) -> None:
    main(["build"])
    (project / "output" / "robots.txt").write_text("User-agent: *\n")
    (project / "content" / "winter-running-checklist.yaml").unlink()
    main(["build"])
    assert (project / "output" / "robots.txt").is_file()
    assert not (project / "output" / "winter-running-checklist").exists()


def test_build_needs_no_network(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"network access attempted: {args}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    assert main(["build"]) in (0, 1)
    assert (project / "output" / "herpes-virus-back-pain" / "index.html").is_file()


def test_unknown_config_key_is_exit_2(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "seo-pipeline.toml").write_text('site-nme = "x"\n')
    assert main(["build"]) == 2
    assert (
        "site-nme: unknown setting; did you mean 'site-name'?"
        in capsys.readouterr().err
    )


def test_schema_prints_the_content_model(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["required"] == ["title"]
    assert "seo-pipeline-disable" in schema["properties"]
    assert schema["additionalProperties"] is False


def test_console_script_and_module_entry_points(project: Path) -> None:
    exe = shutil.which("seo-pipeline")
    assert exe is not None, "console script not installed"
    for cmd in ([exe, "--version"], [sys.executable, "-m", "pipeline", "--version"]):
        proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
        assert proc.returncode == 0 and "seo-pipeline" in proc.stdout


def test_usage_error_is_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", "--no-such-flag"]) == 2
    assert "No such option" in capsys.readouterr().err


def test_version_and_help_load_neither_rules_nor_textstat() -> None:
    """Start-up cost is import cost: `--version`, `--help` never import the checks."""
    import subprocess
    import sys

    probe = (
        "import sys; from pipeline.cli import main\n"
        "for args in (['--version'], ['--help'], ['check', '--help']):\n"
        "    try: main(args)\n"
        "    except SystemExit: pass\n"
        "heavy = [m for m in ('pipeline.checks', 'textstat', 'nltk', 'jinja2', 'lxml')"
        " if m in sys.modules]\n"
        "print(heavy)"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip().splitlines()[-1] == "[]"


def test_the_checks_never_import_nltk() -> None:
    import subprocess
    import sys

    probe = (
        "import sys, pipeline.checks as c\n"
        "c.check_html('<html lang=en><title>A title</title><p>Some words here.</p>')\n"
        "print([m for m in ('nltk', 'scipy') if m in sys.modules])"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"
