"""Cookies as text: writing a ``Set-Cookie`` value, and the pieces of
reading a ``Cookie`` header (pure twin of ``wrappers/_cookies.pyx``).

Behaviour is Werkzeug 3.1's ``werkzeug.http.dump_cookie``, with these
deliberate differences (each refuses input that would smuggle a cookie
attribute or split a header): :func:`dump_cookie` raises :exc:`ValueError`
for a key that is empty or holds ``;``, ``=``, ``,``, ``"``, ASCII whitespace,
a control character or DEL; for a ``domain`` or an ``expires`` string holding
``;`` or a control character; and for an attribute value that is not a number
or a bool (``max_age="1; Domain=x"``, ``secure="x"``) and renders with one of
those. Every other key is written as Werkzeug writes it: other separators
(``:``, ``[``, ``/``, ``@``, ...) as they are, a non-ASCII key as its UTF-8
bytes read as Latin-1 (``fö`` -> ``fÃ¶``, which ``parse_cookie`` reads back).

:func:`~wrappers_pure.http.parse_cookie`, which builds a
:class:`~wrappers_pure.datastructures.MultiDict`, lives in
:mod:`wrappers_pure.http` and uses :func:`parse_cookie_at` and :func:`unslash`
from here.

NOTE: the compiled twin follows this module line for line and imports the
constants below (and :func:`too_large_message`, :func:`unslash`); a change here is a
change there.
"""

from __future__ import annotations

import re
import sys
import typing as t
import warnings
from datetime import datetime
from datetime import timedelta
from time import time as now
from urllib.parse import quote

from wrappers_pure._internal import control_re
from wrappers_pure._syntax.dates import http_date

#: The characters a cookie key must not hold (all ASCII): ``=`` ends the name,
#: ``;`` and ``,`` end the cookie, whitespace is trimmed or split on, ``"``
#: starts a quoted string, and the control characters (C0, DEL) can split the
#: header. Anything else, non-ASCII included, cannot break the header.
COOKIE_KEY_REFUSED: t.Final = frozenset(';=,"' + "".join(map(chr, range(0x21))) + "\x7f")

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
PATH_SAFE: t.Final = "%!$&'()*+,/:=@"
PATH_CHARS: t.Final = frozenset(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~" + PATH_SAFE
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


def _none_of(chars: frozenset[str]) -> t.Callable[[str], bool]:
    """A test of whether a string holds none of ``chars``.

    PERF: as :func:`_only`, the set's own method on CPython and a regular
    expression on PyPy.
    """
    if sys.implementation.name == "pypy":  # pragma: no cover (PyPy only)
        search = re.compile(f"[{re.escape(''.join(sorted(chars)))}]").search
        return lambda text: search(text) is None

    return chars.isdisjoint


_no_refused_key_char: t.Final = _none_of(COOKIE_KEY_REFUSED)
_only_value_chars: t.Final = _only(COOKIE_VALUE_CHARS)
_only_path_chars: t.Final = _only(PATH_CHARS)

#: The ``SameSite`` values, title-cased.
SAMESITE_VALUES: t.Final = frozenset(("Strict", "Lax", "None"))

# NOTE: ``control_re`` (C0 controls and DEL, refused in a domain, an expires
# string or an attribute) comes from ``_internal``.

#: The message for a cookie key that could break the header.
BAD_COOKIE_KEY: t.Final = (
    "Cookie keys must not be empty or hold ';', '=', ',', '\"', whitespace or "
    "control characters."
)


def _check_attribute(name: str, text: str) -> None:
    """Refuse a cookie attribute that could end the attribute or split the header.

    PERF: ``str.isprintable`` is false for every control character, so the
    regular expression only runs for unusual text.
    """
    if ";" in text or (not text.isprintable() and control_re.search(text)):
        raise ValueError(
            f"The cookie {name} must not contain ';' or control characters."
        )


def _check_cookie_key(key: t.Any) -> str:
    """Return ``key`` as it is written in the header; raise if it could break it.

    An ASCII key is written as it is; a non-ASCII one as its UTF-8 bytes read
    as Latin-1, as Werkzeug does (a lone surrogate raises Werkzeug's
    :exc:`UnicodeEncodeError`).
    """
    if key.__class__ is not str and not isinstance(key, str):
        # NOTE: Werkzeug's error for a key that is not a string.
        raise AttributeError(f"{type(key).__name__!r} object has no attribute 'encode'")

    # PERF: most keys are letters and digits.
    if key.isascii() and key.isalnum():
        return key

    if not key or not _no_refused_key_char(key):
        raise ValueError(BAD_COOKIE_KEY)

    return key if key.isascii() else key.encode().decode("latin-1")


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

    :param key: The cookie's name: not empty, without ``;``, ``=``, ``,``,
        ``"``, whitespace or control characters. A non-ASCII name is written
        as its UTF-8 bytes read as Latin-1, as Werkzeug does.
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
    :raises ValueError: ``samesite`` is not one of its values; the key is empty
        or holds one of the characters above; ``domain`` or an ``expires`` string holds ``;`` or a control
        character; an ``expires``/``max_age`` that is out of range.
    """
    if path is not None:
        # PERF: a path made of characters quote() keeps is returned unchanged.
        if path.__class__ is not str or not _only_path_chars(path):
            path = quote(path, safe=PATH_SAFE)

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

    wire_key = _check_cookie_key(key)

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
        f"{wire_key}={value}"
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
        warnings.warn(too_large_message(key, value, size, max_size), stacklevel=2)

    return result


def too_large_message(key: str, value: str, size: int, max_size: t.Any) -> str:
    """The warning for a cookie longer than ``max_size``: Werkzeug's words
    (apps and tests filter warnings by their text). ``value`` is the value as
    written (quoted if it was), ``key`` the key as given."""
    value_size = len(value)
    return (
        f"The '{key}' cookie is too large: the value was {value_size} bytes but the"
        f" header required {size - value_size} extra bytes. The final size"
        f" was {size} bytes but the limit is {max_size} bytes. Browsers may"
        " silently ignore cookies larger than this."
    )


def unslash(inner: str) -> str:
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


def parse_cookie_at(cookie: str, pos: int, n: int) -> tuple[str, str, int] | None:
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


__all__ = ["dump_cookie"]
