"""Opt-in rules (HEAD307): off under the default `ALL` and under prefixes, on
when named by code or rule name, and marked as opt-in wherever rules are
listed (issue 10)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.checks import REGISTRY, CheckConfig, check_html
from pipeline.checks.catalog import rules_json, rules_markdown, rules_text
from pipeline.checks.registry import is_selected

SAME = "<html><head><title>Herpes and back pain</title></head><body><h1>Herpes and back pain</h1></body></html>"
REPO = Path(__file__).resolve().parents[2]


def fired(**config: object) -> bool:
    result = check_html(SAME, CheckConfig(**config))
    return any(f.code == "HEAD307" for f in result.findings)


def test_head307_is_the_opt_in_rule() -> None:
    assert REGISTRY["HEAD307"].opt_in
    assert not REGISTRY["HEAD301"].opt_in


@pytest.mark.parametrize(
    ("config", "expected"),
    [
        ({}, False),  # the default selection: ALL
        ({"select": ["ALL"]}, False),
        ({"select": ["HEAD"]}, False),
        ({"select": ["HEAD30"]}, False),
        ({"extend_select": ["HEAD307"]}, True),
        ({"select": ["HEAD307"]}, True),
        ({"select": ["h1-same-as-title"]}, True),
        ({"extend_select": ["head307"]}, True),
        ({"extend_select": ["HEAD307"], "ignore": ["HEAD307"]}, False),
    ],
)
def test_selection(config: dict[str, object], expected: bool) -> None:
    assert fired(**config) is expected


def test_other_rules_still_follow_prefixes() -> None:
    rule = REGISTRY["HEAD301"]
    assert is_selected(rule, ["ALL"], [])
    assert is_selected(rule, ["HEAD"], [])


def test_extend_select_from_the_command_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from pipeline.cli import main

    (tmp_path / "page.html").write_text(SAME, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    argv = ["check", "page.html", "--format", "json", "--fail-on", "never"]
    main(argv)
    off = json.loads(capsys.readouterr().out)
    main([*argv, "--extend-select", "HEAD307"])
    on = json.loads(capsys.readouterr().out)
    assert "HEAD307" not in off["pages"][0]["rules_run"]
    assert [f["code"] for f in on["findings"] if f["code"] == "HEAD307"] == ["HEAD307"]


def test_listings_mark_it() -> None:
    [row] = [line for line in rules_text().splitlines() if line.startswith("HEAD307")]
    assert "(opt-in)" in row
    assert rules_text(["HEAD307"]).startswith("HEAD307 h1-same-as-title (info, opt-in)")
    data = json.loads(rules_json())
    flags = {r["code"]: r["opt_in"] for r in data["rules"]}
    assert flags["HEAD307"] is True and flags["HEAD301"] is False
    markdown = rules_markdown()
    assert "| HEAD307 | `h1-same-as-title` | info (opt-in) |" in markdown
    assert "Opt-in: off by default" in markdown
    assert "| HEAD307 | `h1-same-as-title` | info (opt-in) |" in (
        REPO / "docs" / "rules.md"
    ).read_text(encoding="utf-8")
