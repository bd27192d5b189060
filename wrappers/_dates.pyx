# cython: language_level=3, embedsignature=True, binding=True
"""HTTP dates and ages (compiled twin of ``wrappers_pure/_syntax/dates.py``).

Compiled here: :func:`http_date`, :func:`parse_date`, :func:`dump_age` and
:func:`parse_age`, which a response calls on every request (``Date``,
``Last-Modified``, ``Expires``, cookie expiries, conditional requests).
Behaviour, exceptions and docstrings are the pure twin's, deliberate
differences from Werkzeug included.

NOTE: this module follows ``wrappers_pure/_syntax/dates.py`` line for line; the
constants and the cold helpers are imported from there. Where C types are used
(timestamps), the values that do not fit take the pure twin's Python path, so
that no ``OverflowError`` or ``TypeError`` of a C conversion ever changes an
outcome. ``_dates.pxd`` lets ``_cookies.pyx`` format expiry dates in C.
"""

cimport cython
from cpython.datetime cimport PyDateTime_CheckExact
from cpython.datetime cimport datetime_day
from cpython.datetime cimport datetime_hour
from cpython.datetime cimport datetime_minute
from cpython.datetime cimport datetime_month
from cpython.datetime cimport datetime_new
from cpython.datetime cimport datetime_second
from cpython.datetime cimport datetime_tzinfo
from cpython.datetime cimport datetime_year
from cpython.datetime cimport import_datetime
from libc.math cimport fabs
from libc.math cimport modf
from libc.math cimport round as c_round

from wrappers._capi cimport PyFloat_AS_DOUBLE
from wrappers._capi cimport PyLong_AsLongLongAndOverflow
from wrappers._capi cimport PyUnicode_1BYTE_DATA
from wrappers._capi cimport PyUnicode_DecodeASCII
from wrappers._capi cimport PyUnicode_GET_LENGTH
from wrappers._capi cimport PyUnicode_IS_ASCII

from datetime import date
from datetime import datetime
from datetime import time as dt_time
from datetime import timedelta
from email.utils import parsedate_to_datetime
from time import mktime
from time import struct_time
from time import time as now

from wrappers_pure._syntax.dates import MAX_TIMESTAMP
from wrappers_pure._syntax.dates import MIN_TIMESTAMP
from wrappers_pure._syntax.dates import MONTHS
from wrappers_pure._syntax.dates import UTC
from wrappers_pure._syntax.dates import WEEKDAYS
from wrappers_pure._syntax.dates import as_utc
from wrappers_pure._syntax.dates import format_datetime

import_datetime()


cdef extern from *:
    """
    /* PERF: the wall clock without a call to time.time() (the same clock:
       CLOCK_REALTIME); -1.0 where it is not available, and the caller falls
       back to time.time(). */
    #if !defined(_WIN32)
    #include <time.h>
    #endif

    #if !defined(_WIN32) && defined(CLOCK_REALTIME)
    static double __wrappers_now(void) {
        struct timespec ts;

        if (clock_gettime(CLOCK_REALTIME, &ts) != 0) {
            return -1.0;
        }

        return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
    }
    #else
    static double __wrappers_now(void) { return -1.0; }
    #endif
    """
    double __wrappers_now() noexcept nogil


cdef double _now() except? -1.0:
    """The current Unix time (``time.time()``)."""
    cdef double seconds = __wrappers_now()

    if seconds < 0:
        return now()

    return seconds


cdef const char* _WEEKDAY_TEXT = b"MonTueWedThuFriSatSun"
cdef const char* _MONTH_TEXT = b"JanFebMarAprMayJunJulAugSepOctNovDec"

# NOTE: the same names as the pure twin's constants, checked at import.
assert "".join(WEEKDAYS).encode() == _WEEKDAY_TEXT
assert "".join(MONTHS).encode() == _MONTH_TEXT

cdef long long _MIN_TS = MIN_TIMESTAMP
cdef long long _MAX_TS = MAX_TIMESTAMP

#: The last timestamp formatted: ``(second, text)``, one tuple replaced whole.
cdef tuple _last_date = (MIN_TIMESTAMP - 1, "")

#: Returned by the fast path of parse_date for "not the RFC 1123 form".
cdef object _NOT_FAST = object()


# --- dates ----------------------------------------------------------------------


cdef inline long long _round_seconds(double timestamp) noexcept:
    """The whole second ``datetime.fromtimestamp`` puts ``timestamp`` in.

    NOTE: CPython's own rounding: the fraction to microseconds, half to even.
    """
    cdef double whole
    cdef double fraction = modf(timestamp, &whole)
    cdef double micro = fraction * 1e6
    cdef double rounded = c_round(micro)
    cdef long long seconds = <long long>whole

    if fabs(micro - rounded) == 0.5:
        rounded = 2.0 * c_round(micro / 2.0)

    if rounded >= 1e6:
        seconds += 1
    elif rounded < 0:
        seconds -= 1

    return seconds


cdef inline void _two(char* out, int value) noexcept:
    out[0] = <char>(48 + value // 10)
    out[1] = <char>(48 + value % 10)


cdef str _format_seconds(long long seconds):
    """Format a timestamp of years 1 to 9999 (the caller checks) as an HTTP date."""
    global _last_date
    cdef tuple cached = _last_date
    cdef long long days, rest, era, doe, yoe, doy, mp, year, month, day
    cdef char buf[29]
    cdef int weekday
    cdef str text

    if <long long>cached[0] == seconds:
        return <str>cached[1]

    days = seconds // 86400
    rest = seconds - days * 86400
    weekday = <int>((days + 3) % 7)
    # Civil date from a day count (H. Hinnant's algorithm).
    days += 719468
    era = days // 146097
    doe = days - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    day = doy - (153 * mp + 2) // 5 + 1
    month = mp + 3 if mp < 10 else mp - 9
    year = yoe + era * 400 + (1 if month <= 2 else 0)

    buf[0] = _WEEKDAY_TEXT[weekday * 3]
    buf[1] = _WEEKDAY_TEXT[weekday * 3 + 1]
    buf[2] = _WEEKDAY_TEXT[weekday * 3 + 2]
    buf[3] = b","
    buf[4] = b" "
    _two(buf + 5, <int>day)
    buf[7] = b" "
    buf[8] = _MONTH_TEXT[(month - 1) * 3]
    buf[9] = _MONTH_TEXT[(month - 1) * 3 + 1]
    buf[10] = _MONTH_TEXT[(month - 1) * 3 + 2]
    buf[11] = b" "
    _two(buf + 12, <int>(year // 100))
    _two(buf + 14, <int>(year % 100))
    buf[16] = b" "
    _two(buf + 17, <int>(rest // 3600))
    buf[19] = b":"
    _two(buf + 20, <int>(rest % 3600 // 60))
    buf[22] = b":"
    _two(buf + 23, <int>(rest % 60))
    buf[25] = b" "
    buf[26] = b"G"
    buf[27] = b"M"
    buf[28] = b"T"
    text = PyUnicode_DecodeASCII(buf, 29, NULL)
    _last_date = (seconds, text)
    return text


cdef inline long long _fields_seconds(
    long long year, long long month, long long day,
    long long hour, long long minute, long long second,
) noexcept:
    """The Unix time of a UTC date and time (years 1 to 9999), the inverse of
    the civil-date step of :func:`_format_seconds` (H. Hinnant's algorithm)."""
    cdef long long era, yoe, doy, doe

    if month <= 2:
        year -= 1

    era = year // 400
    yoe = year - era * 400
    doy = (153 * (month - 3 if month > 2 else month + 9) + 2) // 5 + day - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return (era * 146097 + doe - 719468) * 86400 + hour * 3600 + minute * 60 + second


cdef object _format_double(double timestamp):
    """The text for a float timestamp, or None when the slow path must decide."""
    cdef long long seconds

    if _MIN_TS <= timestamp <= _MAX_TS:  # False for NaN
        seconds = _round_seconds(timestamp)

        if _MIN_TS <= seconds <= _MAX_TS:
            return _format_seconds(seconds)

    return None


# NOTE: no signature line in the docstring: the docstrings equal the pure twin's.
@cython.embedsignature(False)
def http_date(timestamp=None):
    """Format a date and time as an HTTP date: ``Tue, 14 Nov 2023 22:13:20 GMT``.

    A naive :class:`~datetime.datetime` is taken to be in UTC and an aware one
    is converted to UTC; a :class:`~datetime.date` means midnight UTC; an int or
    float is a Unix timestamp; a :class:`~time.struct_time` is in local time.

    :param timestamp: What to format; None (the default) means now.
    :raises ValueError: The year is outside 1 to 9999, or the timestamp is NaN.
    :raises OverflowError: The timestamp is beyond what the platform represents.
    """
    cdef long long seconds
    cdef int overflow = 0
    cdef object text

    if timestamp is None:
        text = _format_double(_now())

        if text is not None:
            return text

        timestamp = now()

    # PERF: exact int and float within years 1 to 9999 are formatted in C;
    # anything else takes the path that raises datetime's own exceptions.
    if type(timestamp) is float:
        text = _format_double(PyFloat_AS_DOUBLE(timestamp))

        if text is not None:
            return text
    elif type(timestamp) is int:
        seconds = PyLong_AsLongLongAndOverflow(timestamp, &overflow)

        if overflow == 0 and _MIN_TS <= seconds <= _MAX_TS:
            return _format_seconds(seconds)

    # PERF: an exact datetime, naive or in UTC (``timezone.utc`` itself), is
    # formatted from its fields in C (as_utc leaves its fields as they are).
    if PyDateTime_CheckExact(timestamp):
        tz = datetime_tzinfo(timestamp)

        if tz is None or tz is UTC:
            return _format_seconds(_fields_seconds(
                datetime_year(timestamp),
                datetime_month(timestamp),
                datetime_day(timestamp),
                datetime_hour(timestamp),
                datetime_minute(timestamp),
                datetime_second(timestamp),
            ))

    if isinstance(timestamp, date):
        if isinstance(timestamp, datetime):
            return format_datetime(as_utc(timestamp))

        return format_datetime(datetime.combine(timestamp, dt_time(), tzinfo=UTC))

    if isinstance(timestamp, struct_time):
        timestamp = mktime(timestamp)

    return format_datetime(datetime.fromtimestamp(timestamp, UTC))


cdef inline bint _digit(unsigned char c) noexcept:
    return 48 <= c <= 57


cdef inline bint _alpha(unsigned char c) noexcept:
    return 65 <= c <= 90 or 97 <= c <= 122


cdef object _parse_rfc1123(str value):
    """``Tue, 14 Nov 2023 22:13:20 GMT`` parsed by position.

    Returns the datetime, None for an impossible date, or ``_NOT_FAST`` when
    the text is not in this exact form (the general parser decides then).
    NOTE: the pure twin's fast path accepts exactly the same strings.
    """
    cdef unsigned char* s
    cdef int month = 0
    cdef int k, year

    if PyUnicode_GET_LENGTH(value) != 29 or not PyUnicode_IS_ASCII(value):
        return _NOT_FAST

    s = PyUnicode_1BYTE_DATA(value)

    if not (
        s[3] == b"," and s[4] == b" " and s[7] == b" " and s[11] == b" "
        and s[16] == b" " and s[19] == b":" and s[22] == b":" and s[25] == b" "
        and s[26] == b"G" and s[27] == b"M" and s[28] == b"T"
        and _alpha(s[0]) and _alpha(s[1]) and _alpha(s[2])
        and _digit(s[5]) and _digit(s[6]) and _digit(s[12]) and _digit(s[13])
        and _digit(s[14]) and _digit(s[15]) and _digit(s[17]) and _digit(s[18])
        and _digit(s[20]) and _digit(s[21]) and _digit(s[23]) and _digit(s[24])
    ):
        return _NOT_FAST

    for k in range(12):
        if (
            s[8] == _MONTH_TEXT[k * 3]
            and s[9] == _MONTH_TEXT[k * 3 + 1]
            and s[10] == _MONTH_TEXT[k * 3 + 2]
        ):
            month = k + 1
            break
    else:
        return _NOT_FAST

    year = (s[12] - 48) * 1000 + (s[13] - 48) * 100 + (s[14] - 48) * 10 + s[15] - 48

    # A year below 100 is a two-digit year to the general parser.
    if year < 100:
        return _NOT_FAST

    try:
        return datetime_new(
            year,
            month,
            (s[5] - 48) * 10 + s[6] - 48,
            (s[17] - 48) * 10 + s[18] - 48,
            (s[20] - 48) * 10 + s[21] - 48,
            (s[23] - 48) * 10 + s[24] - 48,
            0,
            UTC,
        )
    except ValueError:
        return None


# NOTE: no signature line in the docstring: the docstrings equal the pure twin's.
@cython.embedsignature(False)
def parse_date(value):
    """Parse an HTTP date into an aware :class:`~datetime.datetime`, or None.

    RFC 1123 (``Tue, 14 Nov 2023 22:13:20 GMT``), RFC 850 and asctime dates are
    understood, and whatever else :func:`email.utils.parsedate_to_datetime`
    parses. A date without a time zone is taken to be in UTC; one with an offset
    keeps it. Anything that is not a valid date gives None; this never raises.

    :param value: The header value.
    """
    cdef object result

    if value is None:
        return None

    if type(value) is str:
        result = _parse_rfc1123(<str>value)

        if result is not _NOT_FAST:
            return result

    try:
        result = parsedate_to_datetime(value)
    except Exception:  # NOTE: Werkzeug lets OverflowError and others through.
        return None

    if result.tzinfo is None:
        return result.replace(tzinfo=UTC)

    return result


# NOTE: no signature line in the docstring: the docstrings equal the pure twin's.
@cython.embedsignature(False)
def parse_age(value=None):
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


# NOTE: no signature line in the docstring: the docstrings equal the pure twin's.
@cython.embedsignature(False)
def dump_age(age=None):
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
