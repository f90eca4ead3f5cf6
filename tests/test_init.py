"""`seo-pipeline init [DIR]`: a new site that builds, never over existing files."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from pipeline.cli import main
from pipeline.config import load_config
from pipeline.run import build
from pipeline.scaffold import banner_png, init_site

FILES = [
    "seo-pipeline.toml",
    "content/welcome.md",
    "theme/README.md",
    "static/images/welcome.png",
    ".pre-commit-config.yaml",
]


def test_init_then_build_exits_0(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    site = tmp_path / "my-site"
    assert main(["init", str(site)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines() == [
        *(f"created {site / name}" for name in FILES),
        f"Next: cd {site} && seo-pipeline serve",
    ]
    monkeypatch.chdir(site)
    assert main(["build"]) == 0  # no finding at error or warning level
    captured = capsys.readouterr()
    assert "Built 1 page into output/" in captured.err + captured.out
    assert "0 errors, 0 warnings" in captured.err + captured.out
    built = site / "output" / "welcome-to-your-new-site-and-how-it-works" / "index.html"
    assert "Welcome to Your New Site" in built.read_text("utf-8")
    assert (site / "output" / "images" / "welcome.png").read_bytes() == banner_png()


def test_init_in_the_working_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["init"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "created seo-pipeline.toml"
    assert lines[-1] == "Next: seo-pipeline serve"
    config = load_config(cwd=tmp_path)
    assert config.source == tmp_path / "seo-pipeline.toml"
    assert config.site.theme_dir == tmp_path / "theme"
    assert config.site.static_dir == tmp_path / "static"
    result = build(config)
    assert result.checks is not None and result.checks.findings == []


def test_existing_files_are_listed_and_nothing_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "welcome.md").write_text("mine", "utf-8")
    (tmp_path / "seo-pipeline.toml").write_text("# mine\n", "utf-8")
    assert main(["init", str(tmp_path)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err == [
        f"error: {tmp_path / 'seo-pipeline.toml'}: exists; use --force to overwrite",
        f"error: {tmp_path / 'content' / 'welcome.md'}: exists; use --force to overwrite",
    ]
    assert (tmp_path / "content" / "welcome.md").read_text("utf-8") == "mine"
    assert not (tmp_path / "theme").exists()
    assert not (tmp_path / ".pre-commit-config.yaml").exists()


def test_force_overwrites(tmp_path: Path) -> None:
    (tmp_path / "seo-pipeline.toml").write_text("# mine\n", "utf-8")
    assert main(["init", "--force", str(tmp_path)]) == 0
    assert "site-name" in (tmp_path / "seo-pipeline.toml").read_text("utf-8")


def test_force_never_replaces_a_folder_or_link(tmp_path: Path) -> None:
    (tmp_path / "seo-pipeline.toml").mkdir()
    with pytest.raises(Exception, match="not a regular file"):
        init_site(tmp_path, force=True)


def test_the_theme_readme_is_not_a_template_problem(tmp_path: Path) -> None:
    init_site(tmp_path)
    theme = tmp_path / "theme"
    (theme / "base.html").write_text(
        '{% extends "default/base.html" %}{% block footer %}<footer>Mine</footer>'
        "{% endblock %}",
        "utf-8",
    )
    build(load_config(cwd=tmp_path), check=False)
    page = next((tmp_path / "output").glob("*/index.html"))
    assert "<footer>Mine</footer>" in page.read_text("utf-8")


def test_the_pre_commit_config_is_valid(tmp_path: Path) -> None:
    init_site(tmp_path)
    config = yaml.safe_load((tmp_path / ".pre-commit-config.yaml").read_text("utf-8"))
    (hook,) = config["repos"][0]["hooks"]
    assert hook["entry"] == "seo-pipeline build --no-write"
    pre_commit = shutil.which("pre-commit")
    command = [pre_commit] if pre_commit else [sys.executable, "-m", "pre_commit"]
    proc = subprocess.run(
        [*command, "validate-config", ".pre-commit-config.yaml"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_the_banner_is_a_png() -> None:
    data = banner_png(8, 4)
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    assert data[16:24] == (8).to_bytes(4, "big") + (4).to_bytes(4, "big")


def test_init_is_ready_for_serve(tmp_path: Path) -> None:
    import http.client

    from pipeline.serve import Server

    init_site(tmp_path)
    server = Server(
        lambda: load_config(cwd=tmp_path),
        config_file=tmp_path / "seo-pipeline.toml",
        port=0,
        log=lambda line: None,
    )
    first = server.start()
    try:
        assert first.problems == () and first.pages == 1
        port = int(server.url.rstrip("/").rsplit(":", 1)[1])
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        conn.request("GET", "/welcome-to-your-new-site-and-how-it-works/")
        response = conn.getresponse()
        assert response.status == 200
        assert b"seo-pipeline-live" in response.read()
        conn.close()
    finally:
        server.stop()
