"""The one date parser of the library and the command line.

Dates a user types (--since, --until, --as-of, --at, --published) are ISO: YYYY-MM-DD, or YYYY-MM
and YYYY as ranges (a range's first day where a window starts, its last day where it ends).
Dates found in article metadata may also be ISO date-times, feed dates (RFC 2822) or spelled
with a month name ('7 June 2023', 'June 7, 2023'). Numeric day-month orders such as 07/06/2023
or 07.06.2023 are refused, never guessed: the same string is 7 June in Europe and July 6 in the
United States. Every refusal is a DateError naming what was read and why."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from email.utils import parsedate

from .errors import InputError

_ISO = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")
_ISO_DATETIME = re.compile(r"(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?")
_NUMERIC_ORDER = re.compile(r"\d{1,4}[./]\d{1,2}[./]\d{1,4}")
_MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name} | \
          {name.lower(): number for number, name in enumerate(calendar.month_abbr) if name} | {"sept": 9}
_DAY_MONTH_YEAR = re.compile(r"(?:[A-Za-z]+,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\.?,?\s+(\d{4})")
_MONTH_DAY_YEAR = re.compile(r"(?:[A-Za-z]+,?\s+)?([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})")
FORMS = "YYYY-MM-DD, YYYY-MM or YYYY"


class DateError(InputError):
    """A date that is not one: unreadable, ambiguous or not on the calendar."""


def _error(what: str, problem: str) -> DateError:
    """The error naming what was read ('since', a file's 'date'); without a name, the problem alone
    (the command line names the option itself)."""
    return DateError(f"{what}: {problem}" if what else problem)


def parse_day(value: str, what: str = "date") -> str:
    """One calendar day in ISO form (YYYY-MM-DD)."""
    year, month, day = _iso_parts(value, what)
    if month is None or day is None:
        raise _error(what, f"{value!r} is not a day; use YYYY-MM-DD")
    return _checked(year, month, day, value, what).isoformat()


def parse_bound(value: str, what: str = "date", end: bool = False) -> str:
    """A window's bound: a day, or the first (end=False) or last (end=True) day of a month or year."""
    year, month, day = _iso_parts(value, what)
    if month is None:
        return _checked(year, 12 if end else 1, 31 if end else 1, value, what).isoformat()
    if day is None:
        last = calendar.monthrange(year, month)[1] if 1 <= month <= 12 else 1
        return _checked(year, month, last if end else 1, value, what).isoformat()
    return _checked(year, month, day, value, what).isoformat()


def article_date(value: str, what: str = "date") -> str:
    """A date from article metadata: ISO date or date-time, a feed date, or a spelled-out month."""
    text = value.strip()
    match = _ISO_DATETIME.fullmatch(text)
    if match:
        return parse_day(match.group(1), what)
    if _ISO.fullmatch(text):
        return parse_day(text, what)
    if _NUMERIC_ORDER.fullmatch(text):
        raise _error(what, f"{value!r} is ambiguous (day or month first?); use YYYY-MM-DD")
    spelled = _spelled(text, value, what)
    if spelled:
        return spelled
    parts = parsedate(text)
    if parts and parts[0] > 0:
        return _checked(parts[0], parts[1], parts[2], value, what).isoformat()
    raise _error(what, f"{value!r} is not a date; use YYYY-MM-DD")


def parse_age(value: str, what: str = "age") -> timedelta:
    """A span such as 2y, 18m, 6w or 30d (years of 365 days, months of 30)."""
    match = re.fullmatch(r"\s*(\d+)\s*([ymwd])\s*", value.lower())
    if not match or int(match.group(1)) == 0:
        raise _error(what, f"{value!r} is not an age; use a number and y, m, w or d (e.g. 2y, 18m, 30d)")
    days = {"y": 365, "m": 30, "w": 7, "d": 1}[match.group(2)]
    return timedelta(days=int(match.group(1)) * days)


def days_before(day: str, span: timedelta) -> str:
    return (date.fromisoformat(day) - span).isoformat()


def _iso_parts(value: str, what: str) -> tuple[int, int | None, int | None]:
    text = value.strip() if isinstance(value, str) else ""
    match = _ISO.fullmatch(text)
    if not match:
        hint = " is ambiguous (day or month first?)" if _NUMERIC_ORDER.fullmatch(text) else " is not a date"
        raise _error(what, f"{value!r}{hint}; use {FORMS}")
    year, month, day = match.groups()
    return int(year), int(month) if month else None, int(day) if day else None


def _checked(year: int, month: int, day: int, value: str, what: str) -> date:
    if not 1 <= month <= 12:
        raise _error(what, f"{value!r} is not a calendar date (month {month} does not exist)")
    if year < 1:
        raise _error(what, f"{value!r} is not a calendar date (year {year})")
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        raise _error(what, f"{value!r} is not a calendar date "
                           f"({calendar.month_name[month]} {year} has {last} days)")
    return date(year, month, day)


def _spelled(text: str, value: str, what: str) -> str | None:
    for pattern, order in ((_DAY_MONTH_YEAR, (0, 1, 2)), (_MONTH_DAY_YEAR, (1, 0, 2))):
        match = pattern.fullmatch(text)
        if match:
            groups = match.groups()
            day, month_name, year = (groups[i] for i in order)
            month = _MONTHS.get(month_name.lower().rstrip("."))
            if month:
                return _checked(int(year), month, int(day), value, what).isoformat()
    return None
