"""ISO 8601 dates and date-times as schema.org's `Date` and `DateTime` use them.

schema.org defines `Date` as "a date value in ISO 8601 date format"
(https://schema.org/Date) and `DateTime` as "a combination of date and time of
day in the form [-]CCYY-MM-DDThh:mm:ss[Z|(+|-)hh:mm] (see Chapter 5.4 of ISO
8601)" (https://schema.org/DateTime); its own examples use reduced precision
(`"1979"`, `"2013-05"`, `"2013-09-14T21:30"`). `problem()` accepts what ISO
8601-1 allows in the extended format:

* a calendar date, complete or with reduced precision: `YYYY`, `YYYY-MM`,
  `YYYY-MM-DD`;
* optionally, after a complete date, `T` and a time of day with reduced
  precision: `hh`, `hh:mm`, `hh:mm:ss`, with a decimal fraction of the last
  unit (`.` or `,`), and a zone: `Z`, `±hh`, `±hh:mm` (or `±hhmm`); a zone
  directly after a complete date (`2016-04-21+02:00`) is the lexical form
  of XML Schema's `xsd:date` (https://www.w3.org/TR/xmlschema11-2/#date),
  the usual RDF date type, and is accepted too;
* the values must exist: month 01–12, a day that the month has in that year
  (`1977-02-30` does not), hour 00–23 (`24:00`, the end of a day, too),
  minute 00–59, second 00–60 (a leap second), offset up to ±14:00.

`problem()` returns None for a valid value and otherwise a short reason.
"""

from __future__ import annotations

import calendar
import re

__all__ = ["problem"]

_PATTERN = re.compile(
    r"""^(?P<year>\d{4})
    (?:-(?P<month>\d{2})
      (?:-(?P<day>\d{2})
        (?:T(?P<hour>\d{2})
          (?::(?P<minute>\d{2})
            (?::(?P<second>\d{2}))?
          )?
          (?P<fraction>[.,]\d+)?
        )?
        (?P<zone>Z|[+-](?P<zh>\d{2})(?::?(?P<zm>\d{2}))?)?
      )?
    )?$""",
    re.VERBOSE,
)


def problem(value: str) -> str | None:
    """Why `value` is not an ISO 8601 date or date-time; None if it is one."""
    text = value.strip()
    m = _PATTERN.match(text)
    if m is None:
        if re.match(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}", text):
            return "date and time must be separated by 'T'"
        return "expected YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm[:ss][zone]"
    year = int(m["year"])
    if m["month"] is not None and not 1 <= (month := int(m["month"])) <= 12:
        return f"there is no month {month:02d}"
    if m["day"] is not None:
        day, last = int(m["day"]), calendar.monthrange(year, int(m["month"]))[1]
        if not 1 <= day <= last:
            return f"{m['year']}-{m['month']} has no day {day:02d}"
    if m["hour"] is not None:
        hour = int(m["hour"])
        minute = int(m["minute"] or 0)
        second = int(m["second"] or 0)
        if m["fraction"] is not None and m["minute"] is None and hour == 24:
            return "hour 24 takes no fraction"
        if hour == 24 and (minute or second or m["fraction"]):
            return "24:00 is the only time in hour 24"
        if hour > 24:
            return f"there is no hour {hour:02d}"
        if minute > 59:
            return f"there is no minute {minute:02d}"
        if second > 60:
            return f"there is no second {second:02d}"
    if m["zone"] not in (None, "Z"):
        zh, zm = int(m["zh"]), int(m["zm"] or 0)
        if zh > 14 or zm > 59 or (zh == 14 and zm):
            return f"there is no UTC offset {m['zone']}"
    return None
