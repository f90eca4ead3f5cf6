"""Reading JSON-LD scripts: strict JSON, the lenient repair, interoperability issues."""

from __future__ import annotations

import math

import pytest

from pipeline.jsonld_parse import parse


def test_strict_json_is_read_as_is() -> None:
    parsed = parse('{"@type": "Article", "headline": "x"}')
    assert parsed.data == {"@type": "Article", "headline": "x"}
    assert (parsed.error, parsed.repair, parsed.issues) == (None, None, ())


@pytest.mark.parametrize(
    ("raw", "data", "repair", "where"),
    [
        (
            '{"@type": "Article",}',
            {"@type": "Article"},
            "trailing commas removed",
            (1, 21),
        ),
        ('{"a": [1, 2,\n]}', {"a": [1, 2]}, "trailing commas removed", (2, 1)),
        (
            '{"@type": "Thing", // a note\n "name": "x"}',
            {"@type": "Thing", "name": "x"},
            "comments removed",
            (1, 20),
        ),
        ('/* c */ {"a": 1}', {"a": 1}, "comments removed", (1, 1)),
        (
            '//<![CDATA[\n{"@type": "Thing"}\n//]]>',
            {"@type": "Thing"},
            "comments removed",
            (1, 1),
        ),
        (
            '<!-- {"@type": "Thing"} -->',
            {"@type": "Thing"},
            "an HTML comment <!-- --> around it removed",
            (1, 1),
        ),
        ('\ufeff{"a": 1}', {"a": 1}, "a byte order mark removed", (1, 1)),
        (
            '{"name": "line\nbreak\tand tab"}',
            {"name": "line\nbreak\tand tab"},
            "control characters in strings escaped",
            (1, 15),
        ),
    ],
)
def test_lenient_repair(
    raw: str, data: object, repair: str, where: tuple[int, int]
) -> None:
    parsed = parse(raw)
    assert parsed.data == data
    assert parsed.repair == repair
    assert parsed.error is not None and parsed.error.startswith("invalid JSON: ")
    assert (parsed.line, parsed.column) == where


def test_nan_and_infinity_are_not_json_but_readable() -> None:
    parsed = parse('{"a": NaN, "b": -Infinity, "c": "NaN"}')
    assert parsed.error == "invalid JSON: NaN is not a JSON value"
    assert (parsed.line, parsed.column) == (1, 7)
    assert parsed.repair == "NaN/Infinity read as numbers"
    assert math.isnan(parsed.data["a"]) and parsed.data["b"] == -math.inf
    assert parsed.data["c"] == "NaN"


@pytest.mark.parametrize(
    "raw",
    [
        '{"a": 1 "b": 2}',  # a missing comma: where?
        "{'a': 1}",  # single quotes
        "{a: 1}",  # an unquoted key
        '{"a": "unterminated',
        '{"a": 1} /* unterminated',
        "",
    ],
)
def test_ambiguous_text_is_not_repaired(raw: str) -> None:
    parsed = parse(raw)
    assert parsed.data is None and parsed.repair is None
    assert parsed.error is not None


def test_comment_markers_inside_strings_are_text() -> None:
    raw = '{"url": "http://x.example/a//b", "t": "/* not a comment */", "u": "a,]"}'
    parsed = parse(raw)
    assert parsed.error is None
    assert parsed.data["t"] == "/* not a comment */"


@pytest.mark.parametrize("raw", ["null", "false", "3", '"text"', "[1, 2]"])
def test_valid_json_that_is_not_json_ld_is_no_syntax_error(raw: str) -> None:
    parsed = parse(raw)
    assert parsed.error is None and parsed.repair is None


def test_duplicate_keys_keep_the_last_value_and_are_noted() -> None:
    parsed = parse('{"a": 1, "b": {"c": 1, "c": 2}, "a": 3}')
    assert parsed.data == {"a": 3, "b": {"c": 2}}
    assert parsed.issues == ("duplicate key 'c'", "duplicate key 'a'")


def test_huge_integer_does_not_crash_and_is_noted() -> None:
    parsed = parse('{"n": ' + "9" * 5000 + ', "m": -' + "1" * 4301 + "}")
    assert parsed.error is None
    assert parsed.data == {"n": math.inf, "m": -math.inf}
    assert parsed.issues == (
        "an integer of 5,000 digits beyond what JSON parsers can hold",
        "an integer of 4,301 digits beyond what JSON parsers can hold",
    )


def test_nesting_too_deep_is_an_error_not_a_crash() -> None:
    parsed = parse("[" * 100_000)
    assert parsed.data is None
    assert parsed.error == "invalid JSON: nested too deeply"
