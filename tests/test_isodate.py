"""ISO 8601 dates as schema.org's Date and DateTime use them (pipeline.isodate)."""

from __future__ import annotations

import itertools

import pytest

from pipeline.isodate import problem


@pytest.mark.parametrize(
    "value",
    [
        "1977",  # reduced precision: a year (schema.org's Role examples)
        "2013-05",  # a year and month
        "2013-05-08",
        "2016-02-29",  # a leap day
        "2000-02-29",
        "2013-09-14T21:30",  # schema.org's Event example: no seconds, no zone
        "2013-09-14T21",  # reduced to the hour
        "2009-05-08T19:30:00",
        "2009-05-08T19:30:00-08:00",
        "2009-05-08T19:30:00+0530",
        "2009-05-08T19:30+05",
        "2014-10-10T00:00:00.000Z",
        "2014-10-10T00:00:00,5Z",
        "2016-12-31T23:59:60Z",  # a leap second
        "2013-05-08T24:00",  # the end of the day
        " 2013-05-08 ",  # surrounding space is not part of the value
        "0000-02-29",
        "2016-04-21Z",  # xsd:date with a zone
        "2016-04-21-06:00",
    ],
)
def test_valid(value: str) -> None:
    assert problem(value) is None


@pytest.mark.parametrize(
    ("value", "why"),
    [
        ("2013-13", "there is no month 13"),
        ("2013-00", "there is no month 00"),
        ("1977-02-30", "1977-02 has no day 30"),
        ("2015-02-29", "2015-02 has no day 29"),
        ("2013-04-31", "2013-04 has no day 31"),
        ("2013-05-00", "2013-05 has no day 00"),
        ("2013-05-08T25:00", "there is no hour 25"),
        ("2013-05-08T12:60", "there is no minute 60"),
        ("2013-05-08T12:30:61", "there is no second 61"),
        ("2013-05-08T24:30", "24:00 is the only time in hour 24"),
        ("2013-05-08T12:00+15:00", "there is no UTC offset +15:00"),
        ("2013-05-08+15:00", "there is no UTC offset +15:00"),
        ("2013-05-08 21:30", "date and time must be separated by 'T'"),
    ],
)
def test_invalid_with_reason(value: str, why: str) -> None:
    assert problem(value) == why


@pytest.mark.parametrize(
    "value",
    [
        "11/02/2026",
        "November 2, 2026",
        "2013-5-8",
        "13",
        "2013-05-08T",
        "",
        "2013-05T10:00",
        "P1D",
    ],
)
def test_not_iso_8601(value: str) -> None:
    assert problem(value) is not None


def test_never_raises_on_digit_soup() -> None:
    for parts in itertools.product(
        ["0000", "9999"], ["00", "02", "13", "99"], ["00", "29", "31", "99"]
    ):
        problem("-".join(parts))
        problem("-".join(parts) + "T99:99:99+99:99")
