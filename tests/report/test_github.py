"""GitHub Actions workflow commands, parsed with the exact command grammar.

The grammar is what the runner accepts (actions/runner `ActionCommand.TryParseV2`)
and what the toolkit writes (`@actions/core` `command.ts`):

    ::<command> <key>=<value>,<key>=<value>::<message>

Message data escapes `%`, CR and LF as `%25`, `%0D`, `%0A`; property values
also escape `:` and `,` as `%3A` and `%2C`. No other character is escaped, and
a raw CR, LF (or, in a property, `:`/`,`) would end or split the command.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from pathlib import Path

from pipeline.checks.runner import CheckResult
from pipeline.findings import Severity
from pipeline.report import github
from pipeline.report.context import ReportContext
from tests.report.conftest import finding, synthetic

COMMAND = re.compile(
    r"^::(?P<command>error|warning|notice)"
    r"(?: (?P<props>[^:\r\n]*))?"
    r"::(?P<message>[^\r\n]*)$"
)
PROPERTY = re.compile(
    r"^(?P<key>file|line|endLine|col|endColumn|title)=(?P<value>[^,:\r\n]*)$"
)
STRAY_IN_DATA = re.compile(r"%(?!25|0D|0A)")
STRAY_IN_PROPERTY = re.compile(r"%(?!25|0D|0A|3A|2C)")
UNESCAPE_DATA = {"%0D": "\r", "%0A": "\n", "%25": "%"}
UNESCAPE_PROP = {**UNESCAPE_DATA, "%3A": ":", "%2C": ","}


def _unescape(value: str, table: dict[str, str]) -> str:
    return re.sub("|".join(table), lambda m: table[m.group(0)], value)


def parse(line: str) -> tuple[str, dict[str, str], str]:
    """Parse one workflow command strictly; fail on anything the grammar rejects."""
    match = COMMAND.match(line)
    assert match, f"not a workflow command: {line!r}"
    props: dict[str, str] = {}
    for part in (match["props"] or "").split(","):
        prop = PROPERTY.match(part)
        assert prop, f"bad property {part!r} in {line!r}"
        assert prop["key"] not in props, f"repeated property in {line!r}"
        assert not STRAY_IN_PROPERTY.search(prop["value"]), f"stray % in {part!r}"
        props[prop["key"]] = _unescape(prop["value"], UNESCAPE_PROP)
    assert not STRAY_IN_DATA.search(match["message"]), f"stray % in {line!r}"
    return match["command"], props, _unescape(match["message"], UNESCAPE_DATA)


def lines(result: CheckResult) -> list[str]:
    out = github.render(result)
    assert out.endswith("\n") or out == ""
    return out.splitlines()


def test_example_annotation_is_on_the_description_line(example: CheckResult) -> None:
    commands = [parse(line) for line in lines(example)]
    assert (
        "error",
        {"file": "content/herpes-back-pain.md", "line": "3", "title": "LEN103"},
        "meta description is 199 characters (max 155)",
    ) in commands
    expected = (
        "::error file=content/herpes-back-pain.md,line=3,title=LEN103::"
        "meta description is 199 characters (max 155)"
    )
    assert expected in lines(example)


def test_every_line_parses_and_round_trips(
    example: CheckResult, html_result: CheckResult
) -> None:
    for result in (example, html_result):
        out = lines(result)
        per_severity = Counter(f.severity for f in result.findings)
        assert max(per_severity.values()) <= 10  # none left out
        assert len(out) == len(result.findings)
        expected = sorted(
            result.findings, key=lambda f: (-f.severity, f.sort_key(), f.snippet)
        )
        for line, f in zip(out, expected, strict=True):
            command, props, message = parse(line)
            assert command == github.COMMANDS[f.severity]
            assert props["file"] == f.path
            assert props["title"] == f.code
            assert message == f.message


def test_plain_html_carries_line_and_column(html_result: CheckResult) -> None:
    _, props, _ = parse(next(line for line in lines(html_result) if "LEN103" in line))
    assert props == {
        "file": "site/herpes/index.html",
        "line": "6",
        "col": "1",
        "title": "LEN103",
    }


def test_escaping_follows_the_toolkit(html_result: CheckResult) -> None:
    nasty = "50% of 3:1, then\r\nnext %0A line"
    path = "site/a:b,c%d/index.html"
    result = synthetic(html_result, message=nasty, path=path)
    line = next(line for line in lines(result) if "%0D" in line)
    assert "\r" not in line and "\n" not in line
    assert line.endswith("::50%25 of 3:1, then%0D%0Anext %250A line")
    assert "file=site/a%3Ab%2Cc%25d/index.html," in line
    _, props, message = parse(line)
    assert message == nasty
    assert props["file"] == path


def test_severities_map_to_commands() -> None:
    for severity, command in (
        (Severity.ERROR, "error"),
        (Severity.WARNING, "warning"),
        (Severity.INFO, "notice"),
    ):
        assert github.annotation(finding(severity=severity)).startswith(f"::{command} ")


def test_a_finding_without_a_line_names_only_the_file() -> None:
    line = github.annotation(finding(line=None, column=7))
    assert parse(line)[1] == {"file": "content/a.md", "title": "LEN103"}


def test_windows_paths_use_forward_slashes() -> None:
    assert (
        parse(github.annotation(finding(path="content\\a.md")))[1]["file"]
        == "content/a.md"
    )


def test_no_findings_no_output(html_result: CheckResult) -> None:
    assert github.render(dataclasses.replace(html_result, findings=[])) == ""


# --- at most N annotations per severity, then one notice ------------------------


def many(errors: int, warnings: int, notices: int) -> CheckResult:
    findings = [
        finding(
            severity=severity, path=f"content/{severity.label}-{i:03d}.md", html_path=""
        )
        for severity, n in (
            (Severity.INFO, notices),
            (Severity.WARNING, warnings),
            (Severity.ERROR, errors),
        )
        for i in range(n)
    ]
    return CheckResult([], findings, len(findings), 0.0)


def render_with(result: CheckResult, limit: int = 10) -> list[str]:
    out = github.render(result, ReportContext(github_max_annotations=limit))
    assert out.endswith("\n") or out == ""
    return out.splitlines()


def commands(out: list[str]) -> list[str]:
    return [parse(line)[0] for line in out]


def test_at_most_ten_of_each_severity_errors_first_then_a_notice() -> None:
    out = render_with(many(25, 13, 40))
    assert commands(out) == ["error"] * 10 + ["warning"] * 10 + ["notice"] * 10
    kept = [parse(line)[1]["file"] for line in out[:10]]
    assert kept == [f"content/error-{i:03d}.md" for i in range(10)]  # report order
    command, props, message = parse(out[-1])
    assert command == "notice" and props == {"title": "seo-pipeline"}
    # 9 notices are findings, the 10th says what was left out: 15 + 3 + 31
    assert message.startswith("49 more findings not annotated (78 in all; ")
    assert "10 errors, 10 warnings and 10 notices per step" in message


def test_the_notice_is_there_only_when_something_was_left_out() -> None:
    assert commands(render_with(many(10, 10, 10))) == (
        ["error"] * 10 + ["warning"] * 10 + ["notice"] * 10
    )
    out = render_with(many(11, 0, 0))
    assert commands(out) == ["error"] * 10 + ["notice"]
    assert parse(out[-1])[2].startswith("1 more finding not annotated (11 in all;")


def test_the_limit_is_configurable() -> None:
    out = render_with(many(3, 3, 3), limit=2)
    assert commands(out) == ["error"] * 2 + ["warning"] * 2 + ["notice"] * 2
    assert parse(out[-1])[2].startswith("4 more findings")  # one notice fewer
    assert commands(render_with(many(3, 3, 3), limit=0)) == ["notice"]
    assert len(render_with(many(30, 0, 0), limit=50)) == 30


def test_cli_flag_limits_annotations(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from pipeline.cli import cli

    pages = []
    for i in range(3):
        page = tmp_path / f"p{i}.html"
        page.write_text("<html><head></head><body><h3>x</h3></body></html>")
        pages.append(str(page))
    args = ["check", *pages, "--format", "github"]
    runner = CliRunner()
    full = runner.invoke(cli, [*args, "--github-max-annotations", "100"]).output
    short = runner.invoke(cli, [*args, "--github-max-annotations", "1"]).output
    n = len([line for line in full.splitlines() if line.startswith("::")])
    cut = [line for line in short.splitlines() if line.startswith("::")]
    assert n > 4 and len(cut) <= 4
    assert parse(cut[-1])[2].startswith(f"{n - len(cut) + 1} more findings")


# --- the job summary ------------------------------------------------------------


def test_job_summary_is_appended_to_github_step_summary(
    example: CheckResult, tmp_path: Path
) -> None:
    target = tmp_path / "summary.md"
    target.write_text("earlier step\n", encoding="utf-8")
    env = {"GITHUB_STEP_SUMMARY": str(target)}
    assert github.append_step_summary(example, env) == target
    github.append_step_summary(example, env)
    text = target.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n## seo-pipeline\n")
    assert text.count("## seo-pipeline") == 2  # appended, never overwritten
    assert "| error | LEN103 | meta-description-too-long | 1 | 1 |" in text
    assert "Worst pages" in text
    assert github.append_step_summary(example, {}) is None


def test_job_summary_counts_by_rule_and_worst_pages() -> None:
    result = many(3, 2, 1)
    text = github.step_summary(result)
    assert "6 pages checked: 3 errors, 2 warnings, 1 info." in text
    rows = [line for line in text.splitlines() if line.startswith("| ")]
    assert rows[0] == "| Severity | Code | Rule | Findings | Pages |"
    assert rows[2] == "| error | LEN103 | meta-description-too-long | 6 | 6 |"
    worst = rows[rows.index("| Page | Errors | Warnings | Info |") + 2 :]
    assert worst == [
        "| content/error-000.md | 1 | 0 | 0 |",
        "| content/error-001.md | 1 | 0 | 0 |",
        "| content/error-002.md | 1 | 0 | 0 |",
        "| content/warning-000.md | 0 | 1 | 0 |",
        "| content/warning-001.md | 0 | 1 | 0 |",
        "| content/info-000.md | 0 | 0 | 1 |",
    ]


def test_job_summary_escapes_markdown_and_html() -> None:
    evil = "content/<img src=x onerror=alert(1)>|*x*|`y`.md"
    result = CheckResult([], [finding(path=evil, html_path="")], 1, 0.0)
    text = github.step_summary(result)
    assert "<img" not in text and "|*x*|" not in text
    row = next(line for line in text.splitlines() if "img" in line)
    cells = re.split(r"(?<!\\)\|", row)
    assert len(cells) == 6  # | page | e | w | i | : nothing split the cell


def test_cli_writes_the_job_summary(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from pipeline.cli import cli

    page = tmp_path / "p.html"
    page.write_text("<html><head></head><body><h3>x</h3></body></html>")
    summary = tmp_path / "step-summary.md"
    result = CliRunner().invoke(
        cli,
        ["check", str(page), "--format", "github"],
        env={"GITHUB_STEP_SUMMARY": str(summary)},
    )
    assert result.exit_code in (0, 1), result.output
    assert "## seo-pipeline" in summary.read_text(encoding="utf-8")
