"""One meaning per setting name: `description-max-chars` is the length rule's
limit; the budget of derived descriptions is `derived-description-max-chars`
and follows the rule's limit unless set."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import cli
from pipeline.config import Site, load_config
from pipeline.textmetrics import grapheme_len

INTRO = (
    "Winter running keeps your base fitness through the dark months. Cold air "
    "is dry, so drink before you are thirsty. Layers trap warm air and let you "
    "shed heat as you warm up. Reflective gear matters more than speed after "
    "dusk. Short runs on icy days beat long runs you skip."
)


def _site(tmp_path: Path, config: str) -> Path:
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "a.md").write_text(
        f"---\ntitle: Winter running basics for beginners\n---\n{INTRO}\n"
    )
    (tmp_path / "seo-pipeline.toml").write_text(config)
    return tmp_path


def _build(site: Path, *args: str) -> tuple[int, str, str]:
    old = Path.cwd()
    os.chdir(site)
    try:
        result = CliRunner().invoke(
            cli, ["build", "--format", "json", "--select", "LEN103", *args]
        )
    finally:
        os.chdir(old)
    return result.exit_code, result.stdout, result.stderr


def _description(site: Path) -> str:
    import json

    manifest = json.loads((site / "output" / "manifest.json").read_text())
    html = (site / "output" / manifest["pages"][0]["path"]).read_text()
    start = html.index('<meta name="description" content="') + 34
    return str(html[start : html.index('"', start)])


@pytest.mark.parametrize(
    ("config", "args", "most"),
    [
        ("[length]\ndescription-max-chars = 100\n", (), 100),
        ("", ("--max-description-length", "90"), 90),
        ('profile = "yoast"\n', (), 156),
        ("derived-description-max-chars = 80\n", (), 80),
    ],
)
def test_derived_description_follows_the_gate(
    tmp_path: Path, config: str, args: tuple[str, ...], most: int
) -> None:
    site = _site(tmp_path, config)
    code, _, err = _build(site, *args)
    assert code == 0, err  # the derived description passes LEN103
    description = _description(site)
    assert 0.6 * most <= grapheme_len(description) <= most


def test_old_top_level_key_still_works_with_a_note(tmp_path: Path) -> None:
    site = _site(tmp_path, 'site-name = "x"\ndescription-max-chars = 80\n')
    config = load_config(cwd=site)
    assert config.site.derived_description_max_chars == 80
    assert config.notes == (
        f"{site / 'seo-pipeline.toml'}:2: description-max-chars: deprecated, renamed "
        "`derived-description-max-chars` (the budget of derived descriptions); the "
        "length rule's limit is `[length] description-max-chars`",
    )
    code, _, err = _build(site)
    assert code == 0
    assert "warning: " in err and "description-max-chars: deprecated" in err
    assert grapheme_len(_description(site)) <= 80


def test_python_callers_may_use_the_old_name() -> None:
    assert Site(description_max_chars=60).derived_description_max_chars == 60
    assert Site().derived_description_max_chars is None
