"""HTTP dates and ages: formatting and parsing (pure twin of
``wrappers/_dates.pyx``).

Behaviour is Werkzeug 3.1's ``werkzeug.http`` for :func:`http_date`,
:func:`parse_date`, :func:`dump_age` and :func:`parse_age`, with one deliberate
difference: :func:`parse_date` never raises (a year too large for the platform
gives None where Werkzeug raises :exc:`OverflowError`; so does an argument
that is not a string). :mod:`wrappers_pure.http` re-exports every name of
``__all__``.

NOTE: the compiled twin follows this module line for line and imports the
constants below (and :func:`as_utc`, :func:`format_datetime`); a change here is
a change there.
"""

from __future__ import annotations

import typing as t
from datetime import date
from datetime import datetime
from datetime import time as dt_time
from datetime import timedelta
from datetime import timezone
from email.utils import parsedate_to_datetime
from math import modf
from time import mktime
from time import struct_time
from time import time as now

#: The UTC time zone; ``timezone(timedelta(0))`` is this very object.
UTC: t.Final = timezone.utc

#: English day names, Monday first (``datetime.weekday()`` order).
WEEKDAYS: t.Final = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")

#: English month names, January first.
MONTHS: t.Final = (
    "Jan", "Feb", "Mar", "Apr", "May", "Jun",
    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
)  # fmt: skip

#: Month number by name, for the fast path of :func:`parse_date` (exact case).
_MONTH_NUMBERS: t.Final = {name: i for i, name in enumerate(MONTHS, 1)}

#: ``"00"`` to ``"99"``, to format two-digit fields without ``%``.
_TWO_DIGITS: t.Final = tuple(f"{i:02d}" for i in range(100))

#: The number of each of ``"00"`` to ``"99"``, to parse two-digit fields
#: without :class:`int` (which also takes spaces, signs and other digits).
_NUMBERS: t.Final = {text: i for i, text in enumerate(_TWO_DIGITS)}

#: The range of timestamps that have a four-digit year (years 1 to 9999); the
#: fast path formats these, the rest go through :mod:`datetime` for its
#: exceptions. NOTE: the compiled twin uses the same bounds.
MIN_TIMESTAMP: t.Final = -62135596800
MAX_TIMESTAMP: t.Final = 253402300799

#: ``date.toordinal()`` of 1970-01-01.
_EPOCH_ORDINAL: t.Final = 719163

#: The last timestamp :func:`http_date` formatted: ``(second, text)``. One
#: immutable tuple, replaced whole, so a concurrent reader never sees a
#: half-updated cache (``Date`` headers and cookie expiries repeat per second).
_last_date: tuple[int, str] = (MIN_TIMESTAMP - 1, "")

#: The size bound of :data:`_parsed_dates`.
PARSED_DATES_MAX: t.Final = 64

#: Recent RFC 1123 dates :func:`parse_date` parsed, by their exact text. Bounded:
#: emptied when full. The datetimes are immutable, so sharing them is safe.
_parsed_dates: dict[str, datetime] = {}


def _format_seconds(seconds: int) -> str:
    """Format a timestamp of years 1 to 9999 as ``Tue, 14 Nov 2023 22:13:20 GMT``."""
    global _last_date
    cached = _last_date

    if cached[0] == seconds:
        return cached[1]

    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, secs = divmod(rest, 60)
    day = date.fromordinal(days + _EPOCH_ORDINAL)
    year = day.year
    two = _TWO_DIGITS
    text = (
        f"{WEEKDAYS[(days + 3) % 7]}, {two[day.day]} {MONTHS[day.month - 1]} "
        f"{year if year >= 1000 else f'{year:04d}'} "
        f"{two[hours]}:{two[minutes]}:{two[secs]} GMT"
    )
    _last_date = (seconds, text)
    return text


def format_datetime(value: datetime) -> str:
    """Format a datetime's own fields; ``value`` must already be in UTC."""
    two = _TWO_DIGITS
    year = value.year
    return (
        f"{WEEKDAYS[value.weekday()]}, {two[value.day]} {MONTHS[value.month - 1]} "
        f"{year if year >= 1000 else f'{year:04d}'} "
        f"{two[value.hour]}:{two[value.minute]}:{two[value.second]} GMT"
    )


def as_utc(value: datetime) -> datetime:
    """A naive datetime taken as UTC; an aware one converted to UTC."""
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)

    if value.tzinfo != UTC:
        return value.astimezone(UTC)

    return value


def http_date(
    timestamp: datetime | date | int | float | struct_time | None = None,
) -> str:
    """Format a date and time as an HTTP date: ``Tue, 14 Nov 2023 22:13:20 GMT``.

    A naive :class:`~datetime.datetime` is taken to be in UTC and an aware one
    is converted to UTC; a :class:`~datetime.date` means midnight UTC; an int or
    float is a Unix timestamp; a :class:`~time.struct_time` is in local time.

    :param timestamp: What to format; None (the default) means now.
    :raises ValueError: The year is outside 1 to 9999, or the timestamp is NaN.
    :raises OverflowError: The timestamp is beyond what the platform represents.
    """
    if timestamp is None:
        timestamp = now()

    cls = timestamp.__class__

    # PERF: exact int and float within years 1 to 9999 are formatted by hand;
    # anything else takes the path that raises datetime's own exceptions.
    if cls is float:
        if MIN_TIMESTAMP <= timestamp <= MAX_TIMESTAMP:  # type: ignore[operator]
            # (False for NaN.) NOTE: the second datetime.fromtimestamp puts
            # it in: the fraction rounded to microseconds, half to even, a
            # rounded-up 1000000 carried into the seconds, a negative one
            # borrowing a second.
            fraction, whole = modf(timestamp)  # type: ignore[arg-type]
            micro = round(fraction * 1e6)
            seconds = int(whole)

            if micro >= 1000000:
                seconds += 1
            elif micro < 0:
                seconds -= 1

            if MIN_TIMESTAMP <= seconds <= MAX_TIMESTAMP:
                return _format_seconds(seconds)
    elif cls is int:
        if MIN_TIMESTAMP <= timestamp <= MAX_TIMESTAMP:  # type: ignore[operator]
            return _format_seconds(timestamp)  # type: ignore[arg-type]

    if isinstance(timestamp, date):
        if isinstance(timestamp, datetime):
            return format_datetime(as_utc(timestamp))

        return format_datetime(datetime.combine(timestamp, dt_time(), tzinfo=UTC))

    if isinstance(timestamp, struct_time):
        timestamp = mktime(timestamp)

    return format_datetime(datetime.fromtimestamp(timestamp, UTC))


def parse_date(value: str | None) -> datetime | None:
    """Parse an HTTP date into an aware :class:`~datetime.datetime`, or None.

    RFC 1123 (``Tue, 14 Nov 2023 22:13:20 GMT``), RFC 850 and asctime dates are
    understood, and whatever else :func:`email.utils.parsedate_to_datetime`
    parses. A date without a time zone is taken to be in UTC; one with an offset
    keeps it. Anything that is not a valid date gives None; this never raises.

    :param value: The header value.
    """
    if value is None:
        return None

    # PERF: the RFC 1123 form every HTTP server sends, parsed by position. It
    # gives exactly what the general parser gives for the same string.
    if value.__class__ is str:
        cached = _parsed_dates.get(value)

        if cached is not None:
            return cached

        if (
            len(value) == 29
            and value[25:] == " GMT"
            and value[3:5] == ", "
            and value[7] == value[11] == value[16] == " "
            and value[19] == value[22] == ":"
            and value[:3].isalpha()
            and value.isascii()
        ):
            try:
                # A KeyError means not two ASCII digits, or not a month name.
                month = _MONTH_NUMBERS[value[8:11]]
                year = _NUMBERS[value[12:14]] * 100 + _NUMBERS[value[14:16]]
                day = _NUMBERS[value[5:7]]
                hour = _NUMBERS[value[17:19]]
                minute = _NUMBERS[value[20:22]]
                second = _NUMBERS[value[23:25]]
            except KeyError:
                pass
            else:
                # A year below 100 is a two-digit year to the general parser.
                if year >= 100:
                    try:
                        parsed = datetime(
                            year, month, day, hour, minute, second, 0, UTC
                        )
                    except ValueError:
                        return None

                    if len(_parsed_dates) >= PARSED_DATES_MAX:
                        _parsed_dates.clear()

                    _parsed_dates[value] = parsed
                    return parsed

    try:
        result = parsedate_to_datetime(value)
    except Exception:  # NOTE: Werkzeug lets OverflowError and others through.
        return None

    if result.tzinfo is None:
        return result.replace(tzinfo=UTC)

    return result


def parse_age(value: str | None = None) -> timedelta | None:
    """Parse an ``Age`` header (whole seconds) into a :class:`~datetime.timedelta`.

    An empty value, a value that is not an integer, a negative one and one too
    large for a timedelta give None.

    :param value: The header value.
    """
    if not value:
        return None

    try:
        seconds = int(value)
    except ValueError:
        return None

    if seconds < 0:
        return None

    try:
        return timedelta(seconds=seconds)
    except OverflowError:
        return None


def dump_age(age: timedelta | int | None = None) -> str | None:
    """Format an age as a whole number of seconds, or None for None.

    :param age: A number of seconds (converted with :class:`int`) or a
        :class:`~datetime.timedelta` (fractions of a second are dropped).
    :raises ValueError: The age is negative.
    """
    if age is None:
        return None

    if isinstance(age, timedelta):
        age = int(age.total_seconds())
    else:
        age = int(age)

    if age < 0:
        raise ValueError("age cannot be negative")

    return str(age)


__all__ = ["dump_age", "http_date", "parse_age", "parse_date"]
