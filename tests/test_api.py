"""The public Python API: `__all__` is complete and every name resolves."""

from __future__ import annotations

from pathlib import Path

import pipeline


def test_every_exported_name_resolves() -> None:
    for name in pipeline.__all__:
        assert getattr(pipeline, name) is not None, name


def test_build_and_check_from_python(tmp_path: Path, repo: Path) -> None:
    import shutil

    shutil.copytree(repo / "content", tmp_path / "content")
    (tmp_path / "seo-pipeline.toml").write_text('base-url = "https://example.com"\n')
    config = pipeline.load_config(cwd=tmp_path)
    result = pipeline.build(config)
    assert len(result.pages) == 3
    codes = {f.code for f in result.checks.findings}
    assert "LEN103" in codes
    checked = pipeline.check([tmp_path / "output"], config)
    assert checked.checked == 3
    assert {f.code for f in checked.findings} >= {"LEN103", "LEN104"}


def test_all_lists_exactly_the_lazy_exports() -> None:
    assert set(pipeline.__all__) == {*pipeline._EXPORTS, "__version__"}


def test_the_version_is_the_packages(repo: Path) -> None:
    import tomllib

    project = tomllib.loads((repo / "pyproject.toml").read_text("utf-8"))["project"]
    assert pipeline.__version__ == project["version"]
