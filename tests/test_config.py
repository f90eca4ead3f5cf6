"""The config model and its published JSON Schema (`schema --kind config`).

The schema is exact: the project's own `[tool.seo-pipeline]` table and every
TOML example in the README and docs validate against it, and a typo at any
depth fails it — as it fails `load_config`.
"""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from pipeline.cli import main
from pipeline.config import load_config
from pipeline.errors import ConfigError

REPO = Path(__file__).resolve().parent.parent
DOCS = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]


@pytest.fixture(scope="module")
def validator() -> jsonschema.protocols.Validator:
    from pipeline.config import config_schema

    schema = config_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def table(text: str) -> dict[str, Any]:
    data = tomllib.loads(text)
    section = data.get("tool", {}).get("seo-pipeline")
    return dict(section) if isinstance(section, dict) else data


def examples() -> list[tuple[str, str]]:
    found = []
    for doc in DOCS:
        for block in re.findall(r"```toml\n(.*?)```", doc.read_text("utf-8"), re.S):
            if "seo-pipeline" in block or doc.name != "README.md":
                found.append((f"{doc.name}:{len(found)}", block))
    return found


def test_the_cli_prints_the_same_schema(capsys: pytest.CaptureFixture[str]) -> None:
    from pipeline.config import config_schema

    assert main(["schema", "--kind", "config"]) == 0
    assert json.loads(capsys.readouterr().out) == json.loads(
        json.dumps(config_schema())
    )


def test_the_projects_own_config_validates(
    validator: jsonschema.protocols.Validator,
) -> None:
    own = table((REPO / "pyproject.toml").read_text("utf-8"))
    assert own, "the repository's pyproject.toml has a [tool.seo-pipeline] table"
    validator.validate(own)


@pytest.mark.parametrize(("where", "text"), examples())
def test_every_documented_example_validates_and_loads(
    where: str, text: str, validator: jsonschema.protocols.Validator, tmp_path: Path
) -> None:
    data = table(text)
    errors = [e.message for e in validator.iter_errors(data)]
    assert errors == [], where
    if "[tool.seo-pipeline" in text:
        (tmp_path / "pyproject.toml").write_text(text, encoding="utf-8")
        load_config(cwd=tmp_path)


@pytest.mark.parametrize(
    "bad",
    [
        {"site-nme": "x"},
        {"profile": "rankmath"},
        {"length": {"descripton-max-chars": 100}},
        {"length": {"description-max-chars": "long"}},
        {"readability": {"audience": 3}},
        {"limits": {"max-file-byte": 10}},
        {"fail-on": "sometimes"},
    ],
)
def test_a_typo_fails_the_schema_and_the_loader(
    bad: dict[str, Any], validator: jsonschema.protocols.Validator, tmp_path: Path
) -> None:
    assert list(validator.iter_errors(bad)), bad
    lines = ["[tool.seo-pipeline]"]
    nested = []
    for key, value in bad.items():
        if isinstance(value, dict):
            nested.append(f"[tool.seo-pipeline.{key}]")
            nested += [f"{k} = {json.dumps(v)}" for k, v in value.items()]
        else:
            lines.append(f"{key} = {json.dumps(value)}")
    (tmp_path / "pyproject.toml").write_text("\n".join(lines + nested) + "\n")
    with pytest.raises(ConfigError):
        load_config(cwd=tmp_path)


def test_unknown_family_option_has_a_did_you_mean_and_its_line(tmp_path: Path) -> None:
    (tmp_path / "seo-pipeline.toml").write_text(
        "[length]\ntitle-max-chars = 50\ndescripton-max-chars = 100\n"
    )
    with pytest.raises(ConfigError) as caught:
        load_config(cwd=tmp_path)
    [problem] = caught.value.problems
    assert problem.field == "length.descripton-max-chars"
    assert "did you mean 'description-max-chars'" in problem.message


def test_a_broken_pyproject_with_our_table_is_an_error_not_defaults(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.seo-pipeline]\nbase-url = "https://example.com"\nprofile = yoast\n'
    )
    monkeypatch.chdir(tmp_path)
    assert main(["build", "--no-write"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: {tmp_path / 'pyproject.toml'}:3: invalid TOML")


def test_a_broken_pyproject_of_another_tool_is_not_ours(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.black]\nline-length = = 3\n")
    assert load_config(cwd=tmp_path).source is None
