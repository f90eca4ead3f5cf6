"""The rule catalogue: every registered rule and family option, as text, JSON
or the Markdown reference page (`docs/rules.md`, generated from the registry).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from pipeline.checks.registry import FAMILIES, REGISTRY, Rule
from pipeline.errors import PipelineError
from pipeline.profiles import PROFILES


def _rules(codes: Sequence[str] = ()) -> list[Rule]:
    rules = sorted(REGISTRY.values(), key=lambda r: r.order)
    if not codes:
        return rules
    wanted = [c.upper() for c in codes]
    chosen = [
        r for r in rules if any(r.code.startswith(c) for c in wanted) or r.name in codes
    ]
    if not chosen:
        raise PipelineError(f"no rule matches {', '.join(codes)}")
    return chosen


def rules_text(codes: Sequence[str] = ()) -> str:
    """A table of rules; with codes, their full documentation."""
    rules = _rules(codes)
    if codes:
        return (
            "\n\n".join(
                f"{r.code} {r.name} ({r.severity.label}{', opt-in' * r.opt_in})"
                f"\n\n{r.doc}"
                for r in rules
            )
            + "\n"
        )
    width = max(len(r.name) for r in rules)
    lines = [f"{'CODE':<8} {'NAME':<{width}} {'SEVERITY':<8} SUMMARY"]
    lines += [
        f"{r.code:<8} {r.name:<{width}} {r.severity.label:<8} "
        f"{'(opt-in) ' * r.opt_in}{r.summary}"
        for r in rules
    ]
    return "\n".join(lines) + "\n"


def _options(family: str) -> list[dict[str, Any]]:
    model = FAMILIES[family].options
    return [
        {"name": name.replace("_", "-"), "default": field.get_default(call_default_factory=True),
         "description": field.description or ""}
        for name, field in model.model_fields.items()
    ]  # fmt: skip


def rules_json(codes: Sequence[str] = ()) -> str:
    """Rules and family options as JSON (`seo-pipeline rules --format json`)."""
    rules = _rules(codes)
    document = {
        "version": 1,
        "rules": [
            {"code": r.code, "name": r.name, "family": r.family.name,
             "severity": r.severity.label, "scope": "site" if r.site else "page",
             "opt_in": r.opt_in,
             "languages": sorted(r.languages) if r.languages is not None else None,
             "summary": r.summary, "doc": r.doc}
            for r in rules
        ],
        "families": [
            {"name": f.name, "prefix": f.prefix, "options": _options(f.name)}
            for f in sorted(FAMILIES.values(), key=lambda f: f.prefix[-1])
        ],
        "profiles": PROFILES,
    }  # fmt: skip
    return json.dumps(document, indent=2, ensure_ascii=False, default=list) + "\n"


def rules_markdown() -> str:
    """The reference page `docs/rules.md` (generated; a test keeps it current)."""
    out = [
        "# Rules",
        "",
        "Generated from the rule registry by `scripts/gen_rules_doc.py`; do not edit.",
        "Codes are stable: a code is never renumbered or reused.",
        "",
        "| Code | Name | Default severity | Summary |",
        "| --- | --- | --- | --- |",
    ]
    rules = _rules()
    out += [
        f"| {r.code} | `{r.name}` | {r.severity.label}{' (opt-in)' * r.opt_in}"
        f" | {r.summary} |"
        for r in rules
    ]
    out += ["", "## Profiles", "", "| Profile | Settings |", "| --- | --- |"]
    for name, profile in PROFILES.items():
        settings = "; ".join(
            f"{table}: " + ", ".join(f"`{k}` = {v!r}" for k, v in values.items())
            for table, values in profile.items()
        )
        out.append(f"| `{name}` | {settings or 'the documented defaults'} |")
    for family in sorted(FAMILIES.values(), key=lambda f: f.prefix[-1]):
        out += ["", f"## {family.name} ({family.prefix}xx)", ""]
        out += [f"Options, in `[tool.seo-pipeline.{family.name}]`:", ""]
        out += ["| Option | Default | Description |", "| --- | --- | --- |"]
        out += [
            f"| `{o['name']}` | `{json.dumps(o['default'], default=list)}` | {o['description']} |"
            for o in _options(family.name)
        ]
        for rule in family.rules:
            doc = rule.doc.replace("\n## ", "\n#### ")
            body = doc.split("\n", 1)[1].strip() if "\n" in doc else ""
            langs = (
                f" Languages: {', '.join(sorted(rule.languages))}."
                if rule.languages
                else ""
            )
            out += ["", f"### {rule.code} `{rule.name}`", ""]
            opt_in = (
                f" Opt-in: off by default, even under `ALL`; turn it on with"
                f' `extend-select = ["{rule.code}"]` or `--extend-select {rule.code}`.'
                if rule.opt_in
                else ""
            )
            out += [
                f"{rule.summary} Default severity: **{rule.severity.label}**."
                f"{langs}{opt_in}"
            ]
            out += ["", body]
    return "\n".join(out).rstrip() + "\n"
