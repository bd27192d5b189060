# cython: language_level=3, embedsignature=True, binding=True
"""Dates, ages and cookies (compiled twin of ``wrappers_pure/http.py``).

Compiled here: :func:`http_date`, :func:`parse_date`, :func:`dump_age`,
:func:`parse_age`, :func:`dump_cookie` and :func:`parse_cookie`, the functions a
response calls on every request (``Date``, ``Last-Modified``, ``Expires``,
``Set-Cookie``, ``Cookie``, conditional requests).

They stay pure, in :mod:`wrappers_pure.http`, and :mod:`wrappers.http` serves
them from there: :func:`parse_if_range_header` and :func:`is_resource_modified`
(cold, and built from the compiled :func:`parse_date`'s results either way),
and every function of :mod:`wrappers_pure._values` (options, lists, ETags,
ranges, cache-control, CSP: parsed once per request at most, dominated by the
data structures they build).

Behaviour, exceptions and docstrings are the pure twin's, deliberate
differences from Werkzeug included (see :mod:`wrappers_pure.http`).

NOTE: this module follows ``wrappers_pure/http.py`` line for line; the
constants and the cold helpers are imported from there. Where C types are used
(timestamps, table lookups), the values that do not fit take the pure twin's
Python path, so that no ``OverflowError`` or ``TypeError`` of a C conversion
ever changes an outcome.
"""

cimport cython
from cpython.dict cimport PyDict_GetItem
from cpython.dict cimport PyDict_SetItem
from cpython.object cimport PyObject
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
from libc.string cimport memcmp

import warnings
from datetime import date
from datetime import datetime
from datetime import time as dt_time
from datetime import timedelta
from email.utils import parsedate_to_datetime
from time import mktime
from time import struct_time
from time import time as now
from urllib.parse import quote

from wrappers_pure._structures import MultiDict
from wrappers_pure.http import BAD_COOKIE_KEY
from wrappers_pure.http import COOKIE_ESCAPES
from wrappers_pure.http import COOKIE_KEY_CHARS
from wrappers_pure.http import COOKIE_VALUE_CHARS
from wrappers_pure.http import MAX_TIMESTAMP
from wrappers_pure.http import MIN_TIMESTAMP
from wrappers_pure.http import MONTHS
from wrappers_pure.http import SAMESITE_VALUES
from wrappers_pure.http import UTC
from wrappers_pure.http import WEEKDAYS
from wrappers_pure.http import _PATH_CHARS
from wrappers_pure.http import _PATH_SAFE
from wrappers_pure.http import _as_utc
from wrappers_pure.http import _format_datetime
from wrappers_pure.http import _too_large
from wrappers_pure.http import _unslash

import_datetime()


cdef extern from "Python.h":
    bint PyUnicode_IS_ASCII(object o)
    Py_ssize_t PyUnicode_GET_LENGTH(object o)
    unsigned char* PyUnicode_1BYTE_DATA(object o)
    int PyUnicode_KIND(object o)
    void* PyUnicode_DATA(object o)
    Py_UCS4 PyUnicode_READ(int kind, void* data, Py_ssize_t index)
    object PyUnicode_Substring(object s, Py_ssize_t start, Py_ssize_t end)
    object PyUnicode_DecodeASCII(const char* s, Py_ssize_t size, const char* errors)
    Py_ssize_t PyUnicode_FindChar(object s, Py_UCS4 ch, Py_ssize_t start,
                                  Py_ssize_t end, int direction) except -2
    long long PyLong_AsLongLongAndOverflow(object o, int* overflow) except? -1
    double PyFloat_AS_DOUBLE(object o)
    char* PyBytes_AS_STRING(object o)
    Py_ssize_t PyBytes_GET_SIZE(object o)
    object PyUnicode_AsUTF8String(object o)


cdef extern from *:
    """
    /* PERF: a new empty instance of a type (a dict subclass) from its tp_new. */
    static PyObject *__wrappers_tp_new(PyObject *type) {
        PyObject *args = PyTuple_New(0);
        PyObject *result;

        if (args == NULL) {
            return NULL;
        }

        result = ((PyTypeObject *)type)->tp_new((PyTypeObject *)type, args, NULL);
        Py_DECREF(args);
        return result;
    }
    """
    object __wrappers_tp_new(object type)


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


cdef inline double _now() except? -1.0:
    """The current Unix time (``time.time()``)."""
    cdef double seconds = __wrappers_now()

    if seconds < 0:
        return now()

    return seconds


# --- character tables, filled from the pure twin's constants -------------------

cdef unsigned char _KEY_OK[128]
cdef unsigned char _VALUE_OK[128]
cdef unsigned char _PATH_OK[128]
# PERF: a quoted value's escapes: the length and text of each byte's escape.
cdef unsigned char _ESC_LEN[256]
cdef char _ESC_TEXT[256][4]


cdef void _fill_table(unsigned char* table, object chars) noexcept:
    cdef Py_ssize_t i

    for i in range(128):
        table[i] = chr(i) in chars


cdef void _fill_escapes() except *:
    cdef Py_ssize_t b, k
    cdef bytes text

    for b in range(256):
        text = COOKIE_ESCAPES[b].encode("latin1")
        _ESC_LEN[b] = len(text)

        for k in range(len(text)):
            _ESC_TEXT[b][k] = text[k]


_fill_table(_KEY_OK, COOKIE_KEY_CHARS)
_fill_table(_VALUE_OK, COOKIE_VALUE_CHARS)
_fill_table(_PATH_OK, _PATH_CHARS)
_fill_escapes()

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


cdef inline object _format_double(double timestamp):
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
    # formatted from its fields in C (_as_utc leaves its fields as they are).
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
            return _format_datetime(_as_utc(timestamp))

        return _format_datetime(datetime.combine(timestamp, dt_time(), tzinfo=UTC))

    if isinstance(timestamp, struct_time):
        timestamp = mktime(timestamp)

    return _format_datetime(datetime.fromtimestamp(timestamp, UTC))


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


# --- cookies --------------------------------------------------------------------


cdef bint _has_bad_attribute_char(str text) except -1:
    """Whether ``text`` holds ``;`` or a C0 control character or DEL."""
    cdef Py_ssize_t i, n = PyUnicode_GET_LENGTH(text)
    cdef int kind = PyUnicode_KIND(text)
    cdef void* data = PyUnicode_DATA(text)
    cdef Py_UCS4 c

    for i in range(n):
        c = PyUnicode_READ(kind, data, i)

        if c < 0x20 or c == 0x3B or c == 0x7F:
            return True

    return False


cdef int _check_attribute(str name, object text) except -1:
    """Refuse a cookie attribute that could end the attribute or split the header."""
    if _has_bad_attribute_char(<str>text):
        raise ValueError(
            f"The cookie {name} must not contain ';' or control characters."
        )

    return 0


cdef inline bint _all_in(object text, unsigned char* table) noexcept:
    """Whether an exact ``str`` is ASCII and made of the table's characters."""
    cdef Py_ssize_t i, n
    cdef unsigned char* s

    if not PyUnicode_IS_ASCII(text):
        return False

    n = PyUnicode_GET_LENGTH(text)
    s = PyUnicode_1BYTE_DATA(text)

    for i in range(n):
        if not table[s[i]]:
            return False

    return True


cdef str _check_cookie_key(object key):
    """Return ``key`` if it is a valid cookie key (a token); raise otherwise."""
    if not isinstance(key, str):
        # NOTE: Werkzeug's error for a key that is not a string.
        raise AttributeError(f"{type(key).__name__!r} object has no attribute 'encode'")

    if PyUnicode_GET_LENGTH(key) == 0 or not _all_in(key, _KEY_OK):
        raise ValueError(BAD_COOKIE_KEY)

    return <str>key


cdef str _quote_cookie_value(str value):
    """Quote a cookie value that holds characters outside the unquoted set."""
    cdef Py_ssize_t i, n, size
    cdef unsigned char c
    cdef unsigned char* s
    cdef bytes data
    cdef char* out
    cdef bytearray buf
    cdef bint plain = PyUnicode_IS_ASCII(value)

    # PERF: an ASCII value whose only offenders are spaces needs no escapes.
    if plain:
        n = PyUnicode_GET_LENGTH(value)
        s = PyUnicode_1BYTE_DATA(value)

        for i in range(n):
            c = s[i]

            if _ESC_LEN[c] != 1 or c < 0x20:
                plain = False
                break

        if plain:
            return f'"{value}"'

    data = PyUnicode_AsUTF8String(value)
    n = PyBytes_GET_SIZE(data)
    s = <unsigned char*>PyBytes_AS_STRING(data)
    size = 2

    for i in range(n):
        size += _ESC_LEN[s[i]]

    buf = bytearray(size)
    out = buf
    out[0] = b'"'
    size = 1

    for i in range(n):
        c = s[i]

        if _ESC_LEN[c] == 1:
            out[size] = <char>c
            size += 1
        else:
            out[size] = _ESC_TEXT[c][0]
            out[size + 1] = _ESC_TEXT[c][1]

            if _ESC_LEN[c] == 4:
                out[size + 2] = _ESC_TEXT[c][2]
                out[size + 3] = _ESC_TEXT[c][3]

            size += _ESC_LEN[c]

    out[size] = b'"'
    return PyUnicode_DecodeASCII(out, size + 1, NULL)


cdef str _flag(str name, str label, object value):
    """The ``; Label`` or ``; Label=value`` part of an attribute the caller gave."""
    cdef str text

    if value is None or value is False:
        return ""

    if value is True:
        return f"; {label}"

    text = f"{value}"

    if type(value) is not int and type(value) is not float:
        _check_attribute(name, text)

    return f"; {label}={text}"


cdef object _expires_in(object max_age):
    """``http_date(now() + max_age)``, in C when ``max_age`` is a small int."""
    cdef int overflow = 0
    cdef long long seconds
    cdef object text

    if type(max_age) is int:
        seconds = PyLong_AsLongLongAndOverflow(max_age, &overflow)

        # NOTE: below 2**53 the int converts to a double exactly, as in Python.
        if overflow == 0 and -9007199254740992 < seconds < 9007199254740992:
            text = _format_double(_now() + <double>seconds)

            if text is not None:
                return text

    return http_date(now() + max_age)


# NOTE: no signature line in the docstring: the docstrings equal the pure twin's.
@cython.embedsignature(False)
def dump_cookie(
    key,
    value="",
    max_age=None,
    expires=None,
    path="/",
    domain=None,
    secure=False,
    httponly=False,
    sync_expires=True,
    max_size=4093,
    samesite=None,
    partitioned=False,
):
    """Make the value of a ``Set-Cookie`` header.

    A value with characters RFC 6265 does not allow is quoted, with ``\\ooo``
    octal escapes for the bytes of non-ASCII characters and for ``,``, ``;``
    and control characters.

    :param key: The cookie's name: a non-empty RFC 9110 token.
    :param value: The cookie's value.
    :param max_age: How long the cookie lives: seconds or a timedelta. None
        (the default) makes a session cookie.
    :param expires: When the cookie expires: a datetime, a timestamp, or an
        HTTP date string.
    :param path: The path the cookie is sent for; percent-encoded as needed.
        None leaves the attribute out.
    :param domain: The domain the cookie is sent to, with its subdomains. A
        port and leading dots are dropped; non-ASCII is IDNA-encoded.
    :param secure: Send the cookie over HTTPS only.
    :param httponly: Hide the cookie from JavaScript.
    :param sync_expires: With ``max_age`` and no ``expires``, set ``expires``
        to now plus ``max_age`` too.
    :param max_size: Warn when the result is longer than this; 0 never warns.
    :param samesite: ``"Strict"``, ``"Lax"`` or ``"None"`` (any case).
    :param partitioned: Ask for partitioned storage (CHIPS); implies ``secure``.
    :raises ValueError: ``samesite`` is not one of its values; the key is not a
        token; ``domain`` or an ``expires`` string holds ``;`` or a control
        character; an ``expires``/``max_age`` that is out of range.
    """
    cdef str result, secure_text, http_only, partition
    cdef object age
    cdef Py_ssize_t size
    cdef long long limit
    cdef int overflow = 0
    cdef bint too_large

    if path is not None:
        # PERF: a path made of characters quote() keeps is returned unchanged.
        if type(path) is not str or not _all_in(path, _PATH_OK):
            path = quote(path, safe=_PATH_SAFE)

    if domain:
        if isinstance(domain, str):
            _check_attribute("domain", domain)

        domain = domain.partition(":")[0].lstrip(".").encode("idna").decode("ascii")

    if type(max_age) is not int and isinstance(max_age, timedelta):
        max_age = int(max_age.total_seconds())

    if expires is not None:
        if isinstance(expires, str):
            _check_attribute("expires", expires)
        else:
            expires = http_date(expires)
    elif max_age is not None and sync_expires:
        expires = _expires_in(max_age)

    if samesite is not None:
        # PERF: a title-cased value stays as it is.
        if type(samesite) is not str or samesite not in SAMESITE_VALUES:
            samesite = samesite.title()

            if samesite not in SAMESITE_VALUES:
                raise ValueError("SameSite must be 'Strict', 'Lax', or 'None'.")

    if partitioned:
        secure = True

    if type(value) is not str or not _all_in(value, _VALUE_OK):
        if not isinstance(value, str):
            raise TypeError(
                f"expected string or bytes-like object, got {type(value).__name__!r}"
            )

        value = _quote_cookie_value(value)

    key = _check_cookie_key(key)

    # NOTE: Werkzeug's order. None and False leave an attribute out, True
    # writes it bare; other values of the flags are written as ``Name=value``.
    age = max_age if type(max_age) is int else _flag("max_age", "Max-Age", max_age)
    secure_text = "; Secure" if secure is True else _flag("secure", "Secure", secure)
    http_only = (
        "; HttpOnly" if httponly is True else _flag("httponly", "HttpOnly", httponly)
    )
    partition = (
        "" if partitioned is False else _flag("partitioned", "Partitioned", partitioned)
    )
    # PERF: one string built from labels and values, "" for a part left out.
    result = (
        f"{key}={value}"
        f"{'' if domain is None else '; Domain='}{'' if domain is None else domain}"
        f"{'' if expires is None else '; Expires='}"
        f"{'' if expires is None else expires}"
        f"{'; Max-Age=' if type(max_age) is int else ''}"
        f"{age}{secure_text}{http_only}"
        f"{'' if path is None else '; Path='}{'' if path is None else path}"
        f"{'' if samesite is None else '; SameSite='}"
        f"{'' if samesite is None else samesite}{partition}"
    )
    size = PyUnicode_GET_LENGTH(result)

    # PERF: ``max_size and size > max_size`` in C for an int.
    if type(max_size) is int:
        limit = PyLong_AsLongLongAndOverflow(max_size, &overflow)
        too_large = overflow < 0 or (overflow == 0 and limit != 0 and size > limit)
    else:
        too_large = bool(max_size and size > max_size)

    if too_large:
        # NOTE: a compiled function has no frame of its own: level 1 names
        # the caller, as level 2 does in the pure twin.
        warnings.warn(_too_large(key, value, size, max_size), stacklevel=1)

    return result


#: Recently parsed cookie keys and values, by a hash of their text: a cookie
#: header repeats the same names (and often values) request after request, and
#: a string from here skips an allocation and, in the dict, a rehash. Bounded
#: (one string per slot); a slot is replaced by one list assignment.
cdef list _strings = [None] * 256


cdef object _substring(str text, Py_ssize_t start, Py_ssize_t end):
    """``text[start:end]``, from :data:`_strings` when it was seen recently."""
    cdef Py_ssize_t i, n = end - start
    cdef unsigned char* s
    cdef size_t h = 2166136261
    cdef object cached, result

    # PERF: only 1-byte strings of 2 to 64 characters (shorter ones are
    # CPython's own singletons; longer ones are unlikely to repeat).
    if n < 2 or n > 64 or PyUnicode_KIND(text) != 1:
        return PyUnicode_Substring(text, start, end)

    s = PyUnicode_1BYTE_DATA(text) + start

    for i in range(n):
        h = (h ^ s[i]) * 16777619

    cached = _strings[h & 255]

    if (
        cached is not None
        and PyUnicode_GET_LENGTH(cached) == n
        and memcmp(PyUnicode_1BYTE_DATA(cached), s, n) == 0
    ):
        return cached

    result = PyUnicode_Substring(text, start, end)
    _strings[h & 255] = result
    return result


cdef inline object _new_multidict():
    """An empty :class:`MultiDict` from its ``tp_new``, without ``__init__``."""
    return __wrappers_tp_new(MultiDict)


cdef inline bint _space(Py_UCS4 c) noexcept:
    return c == 0x20 or c == 0x09


# NOTE: no signature line in the docstring: the docstrings equal the pure twin's.
@cython.embedsignature(False)
def parse_cookie(header, cls=None):
    """Parse a ``Cookie`` header into a :class:`MultiDict`, keys in order.

    Pairs that cannot be parsed are skipped up to the next ``;``; so is a pair
    with an empty key (``=value``), so that it cannot pose as another cookie.
    Quoted values are unquoted and their escapes decoded.

    :param header: The header as a WSGI (Latin-1) string, or a WSGI environ
        whose ``HTTP_COOKIE`` to parse, or None.
    :param cls: The class to build from the list of ``(key, value)`` pairs;
        :class:`MultiDict` by default.
    """
    cdef int kind
    cdef void* data
    cdef Py_ssize_t n, pos, i, j, key_end, value_start, value_end
    cdef Py_UCS4 c
    cdef bint ok, quoted, multi
    cdef object lists
    cdef list pairs
    cdef PyObject* found
    cdef str key, value, inner, text

    if isinstance(header, dict):
        cookie = header.get("HTTP_COOKIE")
    else:
        cookie = header

    # NOTE: a MultiDict is a dict of value lists, and its __init__ only fills
    # them in: for the default class the lists are put in place directly.
    multi = cls is None or cls is MultiDict

    if not cookie:
        return _new_multidict() if multi else cls()

    # The WSGI string carries the header's bytes as Latin-1; they are UTF-8.
    if type(cookie) is not str or not PyUnicode_IS_ASCII(cookie):
        cookie = cookie.encode("latin1").decode(errors="replace")

    text = cookie
    lists = _new_multidict() if multi else {}
    pairs = []
    kind = PyUnicode_KIND(text)
    data = PyUnicode_DATA(text)
    n = PyUnicode_GET_LENGTH(text)
    pos = 0

    # NOTE: one pass of the pure twin's general parser (_parse_cookie_at).
    while pos < n:
        i = pos

        while i < n and _space(PyUnicode_READ(kind, data, i)):
            i += 1

        j = i

        while j < n:
            c = PyUnicode_READ(kind, data, j)

            if c == 0x20 or c == 0x09 or c == 0x3D or c == 0x22 or c == 0x3B:
                break

            j += 1

        ok = j > i
        quoted = False
        key_end = j
        value_start = value_end = j

        if ok:
            while j < n and _space(PyUnicode_READ(kind, data, j)):
                j += 1

            value_start = value_end = j

            if j < n and PyUnicode_READ(kind, data, j) == 0x3D:
                j += 1

                while j < n and _space(PyUnicode_READ(kind, data, j)):
                    j += 1

                value_start = j

                if j < n and PyUnicode_READ(kind, data, j) == 0x22:
                    j += 1
                    ok = False

                    while j < n:
                        c = PyUnicode_READ(kind, data, j)

                        if c == 0x22:
                            ok = True
                            break

                        if c == 0x5C:
                            # A backslash pairs with the next character, not a newline.
                            if j + 1 >= n or PyUnicode_READ(kind, data, j + 1) == 0x0A:
                                break

                            j += 2
                        else:
                            j += 1

                    if ok:
                        j += 1
                        quoted = True
                else:
                    while j < n:
                        c = PyUnicode_READ(kind, data, j)

                        if c == 0x20 or c == 0x09 or c == 0x22 or c == 0x3B:
                            break

                        j += 1

                value_end = j

            if ok:
                while j < n and _space(PyUnicode_READ(kind, data, j)):
                    j += 1

                if j < n:
                    if PyUnicode_READ(kind, data, j) == 0x3B:
                        j += 1
                    else:
                        ok = False

        if not ok:
            # Skip what cannot be parsed, up to the next ";".
            pos = PyUnicode_FindChar(text, 0x3B, pos, n, 1) + 1

            if pos == 0:
                break

            continue

        key = _substring(text, i, key_end)

        if quoted:
            inner = PyUnicode_Substring(text, value_start + 1, value_end - 1)
            value = _unslash(inner) if "\\" in inner else inner
        else:
            value = _substring(text, value_start, value_end)

        if multi:
            # PERF: the dict C API, bypassing the MultiDict's own methods.
            found = PyDict_GetItem(lists, key)

            if found is NULL:
                PyDict_SetItem(lists, key, [value])
            else:
                (<list>found).append(value)
        else:
            pairs.append((key, value))

        pos = j

    if multi:
        return lists

    return cls(pairs)
