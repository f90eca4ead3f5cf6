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

from pipeline.checks.runner import CheckResult
from pipeline.findings import Severity
from pipeline.report import github
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
        assert len(out) == len(result.findings)
        for line, f in zip(
            out,
            sorted(result.findings, key=lambda f: (f.sort_key(), f.snippet)),
            strict=True,
        ):
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
    line = lines(result)[0]
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
