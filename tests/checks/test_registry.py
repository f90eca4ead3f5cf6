"""Registry invariants, and every rule's documentation examples executed."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from pipeline.checks import FAMILIES, REGISTRY, CheckConfig, PageInput, check_pages
from pipeline.checks.registry import CODE_RE, NAME_RE, Rule
from tests.helpers import meta_of

REPO = Path(__file__).resolve().parents[2]
SECTIONS = ("## What it does", "## Why is this bad?", "## Example", "Use instead:")
BLOCK = re.compile(r"```(html|yaml)\n(.*?)\n```", re.S)
PREFIXES = {"LEN1", "READ2", "HEAD3", "SD4", "META5", "SITE6", "KEY7"}


def examples(rule: Rule) -> tuple[list[PageInput], list[PageInput]]:
    """The pages of the `## Example` and `Use instead:` sections of a rule doc."""
    doc = rule.doc
    bad_text = doc.split("## Example", 1)[1].split("Use instead:", 1)[0]
    good_text = re.split(r"\n## ", doc.split("Use instead:", 1)[1])[0]

    def pages(text: str, default: dict[str, object]) -> tuple[list[PageInput], dict]:
        front: dict[str, object] = dict(default)
        found = []
        for kind, body in BLOCK.findall(text):
            if kind == "yaml":
                front = yaml.safe_load(body)
            else:
                found.append(body)
        return [
            PageInput(f"example-{i}.html", html, meta_of(front))
            for i, html in enumerate(found)
        ], front

    bad, front = pages(bad_text, {})
    good, _ = pages(good_text, front)
    return bad, good


def fired(rule: Rule, pages: list[PageInput], **settings: object) -> list[str]:
    result = check_pages(pages, CheckConfig(select=[rule.code], **settings))  # type: ignore[arg-type]
    return [f.message for f in result.findings if f.code == rule.code]


@pytest.mark.parametrize("code", sorted(REGISTRY))
def test_doc_has_the_four_sections(code: str) -> None:
    doc = REGISTRY[code].doc
    for section in SECTIONS:
        assert section in doc, f"{code} doc lacks {section!r}"
    assert REGISTRY[code].summary.strip()


# Limits on hostile pages: their Examples are shown at a scaled-down limit
# (a 10 MB page does not fit in a doc); META591 fires only on an internal
# error. All three are tested at full size in tests/test_hostile_pages.py.
SCALED_LIMITS = {"META592": ("pipeline.facts_walk", "MAX_ATTRIBUTES", 3)}
SCALED_SETTINGS: dict[str, dict[str, object]] = {"META590": {"max_page_bytes": 90}}
NOT_SHOWABLE = {"META591"}
"""Fires only when checking a page raises (a bug): tests/test_hostile_pages.py."""


@pytest.mark.parametrize("code", sorted(set(REGISTRY) - NOT_SHOWABLE))
def test_doc_examples_are_true(code: str, monkeypatch: pytest.MonkeyPatch) -> None:
    if code in SCALED_LIMITS:
        module, name, value = SCALED_LIMITS[code]
        monkeypatch.setattr(f"{module}.{name}", value)
    rule = REGISTRY[code]
    settings = SCALED_SETTINGS.get(code, {})
    bad, good = examples(rule)
    assert bad, f"{code}: no html block under ## Example"
    assert good, f"{code}: no html block under Use instead:"
    assert fired(rule, bad, **settings), f"{code}: the Example does not fire the rule"
    assert fired(rule, good, **settings) == [], (
        f"{code}: the Use-instead example fires the rule"
    )


@pytest.mark.parametrize("code", sorted(REGISTRY))
def test_code_and_name(code: str) -> None:
    rule = REGISTRY[code]
    match = CODE_RE.match(code)
    assert match is not None
    assert match["family"] == rule.family.prefix
    assert rule.family.prefix in PREFIXES
    assert NAME_RE.match(rule.name)


def test_names_are_unique() -> None:
    names = [r.name for r in REGISTRY.values()]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_every_option_is_documented(family: str) -> None:
    for name, field in FAMILIES[family].options.model_fields.items():
        assert field.description, f"{family}.{name} has no docstring"


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_every_family_has_a_config_table(family: str) -> None:
    assert family.replace("-", "_") in CheckConfig.model_fields


def test_rules_doc_is_up_to_date() -> None:
    from pipeline.checks.catalog import rules_markdown

    current = (REPO / "docs" / "rules.md").read_text(encoding="utf-8")
    assert current == rules_markdown(), (
        "docs/rules.md is stale: run scripts/gen_rules_doc.py"
    )


def test_rules_doc_script_runs(tmp_path: Path) -> None:
    out = tmp_path / "rules.md"
    script = REPO / "scripts" / "gen_rules_doc.py"
    subprocess.run([sys.executable, str(script), str(out)], check=True)
    assert out.read_text(encoding="utf-8").startswith("# Rules")


# --- selection, severity and config -------------------------------------------


@pytest.mark.parametrize(
    ("select", "ignore", "expected"),
    [
        (["ALL"], [], True),
        (["LEN"], [], True),
        (["HEAD"], [], False),
        (["LEN"], ["LEN1"], False),
        (["LEN103"], ["LEN1"], True),
        (["LEN1"], ["LEN103"], False),
        (["LEN103"], ["LEN103"], False),
        (["meta-description-too-long"], ["LEN"], True),
        (["ALL"], ["meta-description-too-long"], False),
    ],
)
def test_most_specific_selector_wins(
    select: list[str], ignore: list[str], expected: bool
) -> None:
    from pipeline.checks.registry import is_selected

    assert is_selected(REGISTRY["LEN103"], select, ignore) is expected


def test_extend_select_adds_to_select() -> None:
    config = CheckConfig(select=["HEAD"], extend_select=["LEN103"])
    result = check_pages([PageInput("a.html", "<title>x</title>")], config)
    assert {f.code for f in result.findings} <= {
        c for c in REGISTRY if c.startswith("HEAD")
    } | {"LEN103"}
    assert "HEAD301" in {f.code for f in result.findings}


def test_severity_override_most_specific_prefix_wins() -> None:
    from pipeline.checks.registry import resolve_severity
    from pipeline.findings import Severity

    overrides = {"LEN": Severity.INFO, "LEN103": Severity.WARNING}
    assert resolve_severity(REGISTRY["LEN103"], overrides) is Severity.WARNING
    assert resolve_severity(REGISTRY["LEN101"], overrides) is Severity.INFO


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"profile": "yost"}, "did you mean 'yoast'"),
        ({"length": {"title-max-char": 1}}, "did you mean 'title-max-chars'"),
        ({"select": ["LNE1"]}, "unknown rule selector 'LNE1'"),
        ({"severity": {"LEN103": "fatal"}}, "severity"),
        ({"length": {"title-max-chars": "many"}}, "valid integer"),
        ({"fail-on": "sometimes"}, "fail-on"),
    ],
)
def test_config_errors(data: dict[str, object], message: str) -> None:
    """Raised by the model; worded for users (did-you-mean) by `pipeline.validation`."""
    from pydantic import ValidationError

    from pipeline.validation import message_of

    with pytest.raises(ValidationError) as caught:
        CheckConfig.model_validate(data)
    errors = caught.value.errors(include_url=False)
    words = [str(caught.value), *(message_of(e, CheckConfig) for e in errors)]
    assert any(re.search(message, text) for text in words), words


def test_config_accepts_kebab_and_snake_keys() -> None:
    kebab = CheckConfig.model_validate(
        {"fail-on": "warning", "length": {"title-max-chars": 50}}
    )
    snake = CheckConfig.model_validate(
        {"fail_on": "warning", "length": {"title_max_chars": 50}}
    )
    assert kebab.options_for("length") == snake.options_for("length")
    assert kebab.fail_on == snake.fail_on == "warning"


def test_user_options_override_the_profile() -> None:
    config = CheckConfig.model_validate(
        {"profile": "yoast", "length": {"description-max-chars": 140}}
    )
    options = config.options_for("length")
    assert options.model_dump()["description_max_chars"] == 140
    assert options.model_dump()["description_min_chars"] == 120
