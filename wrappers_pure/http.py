"""Functions for HTTP header values: dates, ages and cookies (pure twin).

This module is ``werkzeug.http``'s response side. It defines the date, age and
cookie functions and :func:`parse_if_range_header` / :func:`is_resource_modified`
(which need :func:`parse_date`); every other header-value function lives in
:mod:`wrappers_pure._values` and is re-exported here, so that this module has
Werkzeug's whole response-side list.

Behaviour is Werkzeug 3.1's, with these deliberate differences (each refuses
input that would smuggle a cookie attribute or split a header):

- :func:`dump_cookie` raises :exc:`ValueError` for a key that is empty or not
  an RFC 9110 token (``;``, ``=``, space, ``,``, ``"``, control characters,
  non-ASCII, ...); for a ``domain`` or an ``expires`` string holding ``;`` or a
  control character; and for an attribute value that is not a number or a bool
  (``max_age="1; Domain=x"``, ``secure="x"``) and renders with one of those.
- :func:`parse_date` never raises: a year too large for the platform gives None
  where Werkzeug raises :exc:`OverflowError`; so does an argument that is not a
  string.
- :func:`parse_cookie` decodes a header that is not valid UTF-8 with U+FFFD
  replacement characters, as Werkzeug's own ``Request.cookies`` does, where
  ``werkzeug.http.parse_cookie`` raises :exc:`UnicodeDecodeError`.

NOTE: the compiled twin ``wrappers/_http.pyx`` follows the date and cookie
functions here line for line and imports the constants below; a change here is
a change there.
"""

from __future__ import annotations

import re
import sys
import typing as t
import warnings
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
from urllib.parse import quote

from wrappers_pure._structures import IfRange
from wrappers_pure._structures import MultiDict
from wrappers_pure.headers import _control_re
from wrappers_pure._values import COEP as COEP
from wrappers_pure._values import COOP as COOP
from wrappers_pure._values import HTTP_STATUS_CODES as HTTP_STATUS_CODES
from wrappers_pure._values import dump_csp_header as dump_csp_header
from wrappers_pure._values import dump_header as dump_header
from wrappers_pure._values import dump_options_header as dump_options_header
from wrappers_pure._values import generate_etag as generate_etag
from wrappers_pure._values import is_byte_range_valid as is_byte_range_valid
from wrappers_pure._values import is_entity_header as is_entity_header
from wrappers_pure._values import is_hop_by_hop_header as is_hop_by_hop_header
from wrappers_pure._values import (
    parse_cache_control_header as parse_cache_control_header,
)
from wrappers_pure._values import (
    parse_content_range_header as parse_content_range_header,
)
from wrappers_pure._values import parse_csp_header as parse_csp_header
from wrappers_pure._values import parse_dict_header as parse_dict_header
from wrappers_pure._values import parse_etags as parse_etags
from wrappers_pure._values import parse_list_header as parse_list_header
from wrappers_pure._values import parse_options_header as parse_options_header
from wrappers_pure._values import parse_range_header as parse_range_header
from wrappers_pure._values import parse_set_header as parse_set_header
from wrappers_pure._values import quote_etag as quote_etag
from wrappers_pure._values import quote_header_value as quote_header_value
from wrappers_pure._values import remove_entity_headers as remove_entity_headers
from wrappers_pure._values import remove_hop_by_hop_headers as remove_hop_by_hop_headers
from wrappers_pure._values import unquote_etag as unquote_etag
from wrappers_pure._values import unquote_header_value as unquote_header_value

if t.TYPE_CHECKING:  # pragma: no cover
    from _typeshed.wsgi import WSGIEnvironment

# --- dates ----------------------------------------------------------------------

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


def _format_datetime(value: datetime) -> str:
    """Format a datetime's own fields; ``value`` must already be in UTC."""
    two = _TWO_DIGITS
    year = value.year
    return (
        f"{WEEKDAYS[value.weekday()]}, {two[value.day]} {MONTHS[value.month - 1]} "
        f"{year if year >= 1000 else f'{year:04d}'} "
        f"{two[value.hour]}:{two[value.minute]}:{two[value.second]} GMT"
    )


def _as_utc(value: datetime) -> datetime:
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
            return _format_datetime(_as_utc(timestamp))

        return _format_datetime(datetime.combine(timestamp, dt_time(), tzinfo=UTC))

    if isinstance(timestamp, struct_time):
        timestamp = mktime(timestamp)

    return _format_datetime(datetime.fromtimestamp(timestamp, UTC))


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


# --- conditional requests -------------------------------------------------------


def parse_if_range_header(value: str | None) -> IfRange:
    """Parse an ``If-Range`` header, a date or an entity tag, into an :class:`IfRange`.

    A weak tag loses its weakness (ranges compare tags strongly).

    :param value: The header value.
    """
    if not value:
        return IfRange()

    parsed = parse_date(value)

    if parsed is not None:
        return IfRange(date=parsed)

    return IfRange(unquote_etag(value)[0])


def is_resource_modified(
    environ: WSGIEnvironment,
    etag: str | None = None,
    data: bytes | None = None,
    last_modified: datetime | str | None = None,
    ignore_if_range: bool = True,
) -> bool:
    """Whether a resource changed, judged by a request's conditional headers.

    ``If-Modified-Since`` is compared with ``last_modified`` (to the second),
    ``If-None-Match`` weakly and ``If-Match`` strongly with ``etag``; with
    ``ignore_if_range`` False and a ``Range`` header, ``If-Range`` takes the
    place of the first two. Unreadable dates are ignored.

    :param environ: The WSGI environment of the request.
    :param etag: The response's entity tag.
    :param data: The response body, to make the tag with :func:`generate_etag`
        instead of giving ``etag``.
    :param last_modified: When the resource last changed: a datetime (naive
        means UTC) or an HTTP date.
    :param ignore_if_range: Whether to ignore the ``If-Range`` header.
    :raises TypeError: Both ``etag`` and ``data`` are given.
    """
    if etag is None and data is not None:
        etag = f'"{generate_etag(data)}"'
    elif data is not None:
        raise TypeError("both data and etag given")

    unmodified = False

    if isinstance(last_modified, str):
        last_modified = parse_date(last_modified)

    # HTTP dates have no fraction of a second: drop it before comparing.
    if last_modified is not None:
        last_modified = _as_utc(last_modified.replace(microsecond=0))

    if_range = None

    # An If-Range without a Range is ignored (RFC 9110, section 13.1.5).
    if not ignore_if_range and environ.get("HTTP_RANGE") is not None:
        if_range = parse_if_range_header(environ.get("HTTP_IF_RANGE"))

    if if_range is not None and if_range.date is not None:
        modified_since: datetime | None = if_range.date
    else:
        modified_since = parse_date(environ.get("HTTP_IF_MODIFIED_SINCE"))

    if modified_since and last_modified and last_modified <= modified_since:
        unmodified = True

    if etag:
        etag = unquote_etag(etag)[0]

        if if_range is not None and if_range.etag is not None:
            unmodified = if_range.etag == etag
        else:
            if_none_match = parse_etags(environ.get("HTTP_IF_NONE_MATCH"))

            if if_none_match:
                unmodified = if_none_match.contains_weak(etag)

            if_match = parse_etags(environ.get("HTTP_IF_MATCH"))

            if if_match:
                unmodified = not if_match.is_strong(etag)

    return not unmodified


# --- cookies --------------------------------------------------------------------

#: The characters of an RFC 9110 ``token``: all a cookie key may hold here.
COOKIE_KEY_CHARS: t.Final = frozenset(
    "!#$%&'*+-.0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ^_`abcdefghijklmnopqrstuvwxyz|~"
)

#: The characters a cookie value may hold without being quoted (Werkzeug's set).
COOKIE_VALUE_CHARS: t.Final = frozenset(
    "!#$%&'()*+-./0123456789:<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`"
    "abcdefghijklmnopqrstuvwxyz{|}~"
)

#: What each byte of a quoted cookie value becomes: ``"`` and ``\\`` get a
#: backslash; bytes 0x00-0x19, ``,``, ``;`` and 0x7F-0xFF become ``\\ooo`` octal
#: escapes; everything else (0x1A-0x1F included, as in Werkzeug) stays.
COOKIE_ESCAPES: t.Final = tuple(
    "\\" + chr(b)
    if b in b'"\\'
    else f"\\{b:03o}"
    if b < 0x1A or b in b",;" or b >= 0x7F
    else chr(b)
    for b in range(256)
)

#: Characters :func:`urllib.parse.quote` leaves alone in a cookie path: its
#: own unreserved set plus Werkzeug's ``safe`` argument.
_PATH_SAFE: t.Final = "%!$&'()*+,/:=@"
_PATH_CHARS: t.Final = frozenset(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~" + _PATH_SAFE
)


def _only(chars: frozenset[str]) -> t.Callable[[str], object]:
    """A test of whether a string holds only ``chars`` (a truthy result if so).

    PERF: CPython checks the set, faster than a regular expression for short
    strings; PyPy iterates a string's characters slowly but compiles regular
    expressions to machine code, so there it is a regular expression.
    """
    if sys.implementation.name == "pypy":  # pragma: no cover (PyPy only)
        return re.compile(f"[{re.escape(''.join(sorted(chars)))}]*").fullmatch

    return chars.issuperset


_only_key_chars: t.Final = _only(COOKIE_KEY_CHARS)
_only_value_chars: t.Final = _only(COOKIE_VALUE_CHARS)
_only_path_chars: t.Final = _only(_PATH_CHARS)

#: The ``SameSite`` values, title-cased.
SAMESITE_VALUES: t.Final = frozenset(("Strict", "Lax", "None"))

# NOTE: ``_control_re`` (C0 controls and DEL, refused in a domain, an expires
# string or an attribute) comes from ``headers``.

#: The message for a cookie key that is not a token.
BAD_COOKIE_KEY: t.Final = (
    "Cookie keys must be non-empty RFC 9110 tokens (no ';', '=', space, ',', '\"', "
    "control or non-ASCII characters)."
)


def _check_attribute(name: str, text: str) -> None:
    """Refuse a cookie attribute that could end the attribute or split the header.

    PERF: ``str.isprintable`` is false for every control character, so the
    regular expression only runs for unusual text.
    """
    if ";" in text or (not text.isprintable() and _control_re.search(text)):
        raise ValueError(
            f"The cookie {name} must not contain ';' or control characters."
        )


def _check_cookie_key(key: t.Any) -> str:
    """Return ``key`` if it is a valid cookie key (a token); raise otherwise."""
    if key.__class__ is not str and not isinstance(key, str):
        # NOTE: Werkzeug's error for a key that is not a string.
        raise AttributeError(f"{type(key).__name__!r} object has no attribute 'encode'")

    # PERF: most keys are letters and digits.
    if not (key.isascii() and key.isalnum()) and (not key or not _only_key_chars(key)):
        raise ValueError(BAD_COOKIE_KEY)

    return key


def _quote_cookie_value(value: str) -> str:
    """Quote a cookie value that holds characters outside :data:`COOKIE_VALUE_CHARS`."""
    # PERF: an ASCII value whose only offenders are spaces needs no escapes.
    if (
        value.isascii()
        and value.isprintable()
        and '"' not in value
        and "\\" not in value
        and "," not in value
        and ";" not in value
    ):
        return f'"{value}"'

    return '"' + "".join(map(COOKIE_ESCAPES.__getitem__, value.encode())) + '"'


def _flag(name: str, label: str, value: t.Any) -> str:
    """The ``; Label`` or ``; Label=value`` part of an attribute the caller gave.

    None and False give ``""``, True the bare label. Numbers are written as
    they are; other values are refused if their text holds ``;`` or a control
    character.
    """
    if value is None or value is False:
        return ""

    if value is True:
        return f"; {label}"

    text = f"{value}"

    if value.__class__ is not int and value.__class__ is not float:
        _check_attribute(name, text)

    return f"; {label}={text}"


def dump_cookie(
    key: str,
    value: str = "",
    max_age: timedelta | int | None = None,
    expires: str | datetime | int | float | None = None,
    path: str | None = "/",
    domain: str | None = None,
    secure: bool = False,
    httponly: bool = False,
    sync_expires: bool = True,
    max_size: int = 4093,
    samesite: str | None = None,
    partitioned: bool = False,
) -> str:
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
    if path is not None:
        # PERF: a path made of characters quote() keeps is returned unchanged.
        if path.__class__ is not str or not _only_path_chars(path):
            path = quote(path, safe=_PATH_SAFE)

    if domain:
        if isinstance(domain, str):
            _check_attribute("domain", domain)

        domain = domain.partition(":")[0].lstrip(".").encode("idna").decode("ascii")

    if isinstance(max_age, timedelta):
        max_age = int(max_age.total_seconds())

    if expires is not None:
        if isinstance(expires, str):
            _check_attribute("expires", expires)
        else:
            expires = http_date(expires)
    elif max_age is not None and sync_expires:
        expires = http_date(now() + max_age)

    if samesite is not None:
        samesite = samesite.title()

        if samesite not in SAMESITE_VALUES:
            raise ValueError("SameSite must be 'Strict', 'Lax', or 'None'.")

    if partitioned:
        secure = True

    if value.__class__ is not str or not (
        (value.isascii() and value.isalnum()) or _only_value_chars(value)
    ):
        if not isinstance(value, str):
            raise TypeError(
                f"expected string or bytes-like object, got {type(value).__name__!r}"
            )

        value = _quote_cookie_value(value)

    key = _check_cookie_key(key)

    # NOTE: Werkzeug's order. None and False leave an attribute out, True
    # writes it bare; other values of the flags are written as ``Name=value``.
    age = max_age if max_age.__class__ is int else _flag("max_age", "Max-Age", max_age)
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
        f"{'; Max-Age=' if max_age.__class__ is int else ''}"
        f"{age}{secure_text}{http_only}"
        f"{'' if path is None else '; Path='}{'' if path is None else path}"
        f"{'' if samesite is None else '; SameSite='}"
        f"{'' if samesite is None else samesite}{partition}"
    )
    size = len(result)

    if max_size and size > max_size:
        warnings.warn(_too_large(key, value, size, max_size), stacklevel=2)

    return result


def _too_large(key: str, value: str, size: int, max_size: int) -> str:
    """The warning for a cookie longer than ``max_size``."""
    value_size = len(value)
    return (
        f"The '{key}' cookie is too large: {size} bytes in all, over the limit of"
        f" {max_size} bytes (its value takes {value_size} bytes, its name and"
        f" attributes {size - value_size}). Browsers may silently ignore cookies"
        " larger than this."
    )


def _unslash(inner: str) -> str:
    """Undo the escapes of a quoted cookie value (without its quotes).

    ``\\ooo`` with a first digit 0-3 is one byte; a backslash before any other
    character except a newline stands for that character. The bytes are then
    decoded as UTF-8, with replacement characters for invalid sequences.
    """
    data = inner.encode()
    out = bytearray()
    i = 0
    n = len(data)

    while i < n:
        j = data.find(b"\\", i)

        if j < 0 or j + 1 >= n:
            out += data[i:]
            break

        out += data[i:j]
        c = data[j + 1]

        if (
            48 <= c <= 51
            and j + 3 < n
            and 48 <= data[j + 2] <= 55
            and 48 <= data[j + 3] <= 55
        ):
            out.append((c - 48) * 64 + (data[j + 2] - 48) * 8 + data[j + 3] - 48)
            i = j + 4
        elif c == 10:  # a backslash before a newline stays
            out.append(92)
            i = j + 1
        else:
            out.append(c)
            i = j + 2

    return out.decode(errors="replace")


def _parse_cookie_at(cookie: str, pos: int, n: int) -> tuple[str, str, int] | None:
    """Parse one ``key=value`` pair of a cookie header starting at ``pos``.

    Returns ``(key, raw value, position after the pair and its ";")`` or None
    when no pair starts here. This is the general parser; quoted values may
    hold ``;``. Spaces and tabs around the key, the ``=`` and the value are
    skipped; the key is at least one character that is not space, tab, ``=``,
    ``"`` or ``;``; the value is a quoted string (with backslash pairs) or a run
    of characters other than space, tab, ``"`` and ``;``.
    """
    i = pos

    while i < n and cookie[i] in " \t":
        i += 1

    j = i

    while j < n and cookie[j] not in ' \t=";':
        j += 1

    if j == i:
        return None

    key = cookie[i:j]

    while j < n and cookie[j] in " \t":
        j += 1

    if j < n and cookie[j] == "=":
        j += 1

        while j < n and cookie[j] in " \t":
            j += 1

        start = j

        if j < n and cookie[j] == '"':
            j += 1

            while j < n:
                c = cookie[j]

                if c == '"':
                    break

                if c == "\\":
                    # A backslash pairs with the next character, not a newline.
                    if j + 1 >= n or cookie[j + 1] == "\n":
                        return None

                    j += 2
                else:
                    j += 1
            else:
                return None

            j += 1
        else:
            while j < n and cookie[j] not in ' \t";':
                j += 1

        value = cookie[start:j]
    else:
        value = ""

    while j < n and cookie[j] in " \t":
        j += 1

    if j == n:
        return key, value, n

    if cookie[j] == ";":
        return key, value, j + 1

    return None


def _new_multidict(lists: dict[str, list[str]]) -> MultiDict[str, str]:
    """A :class:`MultiDict` holding ``lists`` (key to list of values), as is."""
    result: MultiDict[str, str] = MultiDict.__new__(MultiDict)
    dict.update(result, lists)
    return result


def parse_cookie(
    header: WSGIEnvironment | str | None,
    cls: type[MultiDict[str, str]] | None = None,
) -> MultiDict[str, str]:
    """Parse a ``Cookie`` header into a :class:`MultiDict`, keys in order.

    Pairs that cannot be parsed are skipped up to the next ``;``; so is a pair
    with an empty key (``=value``), so that it cannot pose as another cookie.
    Quoted values are unquoted and their escapes decoded.

    :param header: The header as a WSGI (Latin-1) string, or a WSGI environ
        whose ``HTTP_COOKIE`` to parse, or None.
    :param cls: The class to build from the list of ``(key, value)`` pairs;
        :class:`MultiDict` by default.
    """
    if isinstance(header, dict):
        cookie = header.get("HTTP_COOKIE")
    else:
        cookie = header

    # NOTE: a MultiDict is a dict of value lists, and its __init__ only fills
    # them in: for the default class the lists are put in place directly.
    multi = cls is None or cls is MultiDict
    lists: dict[str, list[str]] = {}
    pairs: list[tuple[str, str]] = []

    if not cookie:
        return _new_multidict(lists) if multi else cls()  # type: ignore[misc]

    # The WSGI string carries the header's bytes as Latin-1; they are UTF-8.
    if cookie.__class__ is not str or not cookie.isascii():
        cookie = cookie.encode("latin1").decode(errors="replace")

    if '"' not in cookie:
        # PERF: without quotes, a pair never spans a ";": each segment is
        # ``key``, ``key=token`` or junk (skipped).
        for segment in cookie.split(";"):
            # PERF: the usual separator is "; ".
            if segment[:1] == " ":
                segment = segment[1:]

            if " " in segment or "\t" in segment:
                segment = segment.strip(" \t")
                key, _, value = segment.partition("=")
                key = key.rstrip(" \t")
                value = value.lstrip(" \t")

                if " " in key or "\t" in key or " " in value or "\t" in value:
                    continue
            else:
                key, _, value = segment.partition("=")

            if not key:
                continue

            if multi:
                values = lists.get(key)

                if values is None:
                    lists[key] = [value]
                else:
                    values.append(value)
            else:
                pairs.append((key, value))
    else:
        n = len(cookie)
        pos = 0

        while pos < n:
            found = _parse_cookie_at(cookie, pos, n)

            if found is None:
                # Skip what cannot be parsed, up to the next ";".
                pos = cookie.find(";", pos) + 1

                if pos == 0:
                    break

                continue

            key, value, pos = found

            if value[:1] == '"':
                inner = value[1:-1]
                value = _unslash(inner) if "\\" in inner else inner

            if multi:
                values = lists.get(key)

                if values is None:
                    lists[key] = [value]
                else:
                    values.append(value)
            else:
                pairs.append((key, value))

    if multi:
        return _new_multidict(lists)

    return cls(pairs)  # type: ignore[misc]


__all__ = [
    "COEP",
    "COOP",
    "HTTP_STATUS_CODES",
    "dump_age",
    "dump_cookie",
    "dump_csp_header",
    "dump_header",
    "dump_options_header",
    "generate_etag",
    "http_date",
    "is_byte_range_valid",
    "is_entity_header",
    "is_hop_by_hop_header",
    "is_resource_modified",
    "parse_age",
    "parse_cache_control_header",
    "parse_content_range_header",
    "parse_cookie",
    "parse_csp_header",
    "parse_date",
    "parse_dict_header",
    "parse_etags",
    "parse_if_range_header",
    "parse_list_header",
    "parse_options_header",
    "parse_range_header",
    "parse_set_header",
    "quote_etag",
    "quote_header_value",
    "remove_entity_headers",
    "remove_hop_by_hop_headers",
    "unquote_etag",
    "unquote_header_value",
]
