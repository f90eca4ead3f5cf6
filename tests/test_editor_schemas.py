"""The JSON Schemas shipped for editors (`editors/`) equal `seo-pipeline schema`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import cli

EDITORS = Path(__file__).resolve().parent.parent / "editors"


@pytest.mark.parametrize(
    ("kind", "name"),
    [
        ("article", "seo-pipeline-article.schema.json"),
        ("config", "seo-pipeline-config.schema.json"),
    ],
)
def test_shipped_schema_equals_the_command(kind: str, name: str) -> None:
    result = CliRunner().invoke(cli, ["schema", "--kind", kind])
    assert result.exit_code == 0, result.output
    shipped = (EDITORS / name).read_text("utf-8")
    assert shipped == result.output, (
        f"editors/{name} is stale: run python scripts/gen_editor_schemas.py"
    )
    assert json.loads(shipped)["type"] == "object"


def test_article_schema_validates_the_example_front_matter() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    import yaml

    schema = json.loads((EDITORS / "seo-pipeline-article.schema.json").read_text())
    root = Path(__file__).resolve().parent.parent
    text = (root / "content" / "herpes-back-pain.md").read_text("utf-8")
    front = yaml.safe_load(text.split("---\n")[1])
    front = json.loads(json.dumps(front, default=str))  # dates as ISO text
    jsonschema.validate(front, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**front, "titel": "typo"}, schema)
    winter = yaml.safe_load(
        (root / "content" / "winter-running-checklist.yaml").read_text()
    )
    jsonschema.validate(json.loads(json.dumps(winter, default=str)), schema)
