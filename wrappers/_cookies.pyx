# cython: language_level=3, embedsignature=True, binding=True
"""``Set-Cookie`` values (compiled twin of ``wrappers_pure/_syntax/cookies.py``).

Compiled here: :func:`dump_cookie`, which ``Response.set_cookie`` calls.
Behaviour, exceptions and docstrings are the pure twin's, deliberate
differences from Werkzeug included (see :mod:`wrappers_pure._syntax.cookies`).
:func:`~wrappers.http.parse_cookie` is in ``_http.pyx``, as the pure one is in
``wrappers_pure/http.py``.

NOTE: this module follows ``wrappers_pure/_syntax/cookies.py`` line for line; the
constants and the cold helpers are imported from there.
"""

cimport cython

from wrappers._capi cimport PyBytes_AS_STRING
from wrappers._capi cimport PyBytes_GET_SIZE
from wrappers._capi cimport PyLong_AsLongLongAndOverflow
from wrappers._capi cimport PyUnicode_1BYTE_DATA
from wrappers._capi cimport PyUnicode_AsUTF8String
from wrappers._capi cimport PyUnicode_DATA
from wrappers._capi cimport PyUnicode_DecodeASCII
from wrappers._capi cimport PyUnicode_FindChar
from wrappers._capi cimport PyUnicode_GET_LENGTH
from wrappers._capi cimport PyUnicode_IS_ASCII
from wrappers._capi cimport PyUnicode_KIND
from wrappers._capi cimport PyUnicode_READ
from wrappers._dates cimport _format_double
from wrappers._dates cimport _now

import warnings
from datetime import timedelta
from time import time as now
from urllib.parse import quote

from wrappers._dates import http_date
from wrappers_pure._syntax.cookies import BAD_COOKIE_KEY
from wrappers_pure._syntax.cookies import COOKIE_ESCAPES
from wrappers_pure._syntax.cookies import COOKIE_KEY_REFUSED
from wrappers_pure._syntax.cookies import COOKIE_VALUE_CHARS
from wrappers_pure._syntax.cookies import PATH_CHARS
from wrappers_pure._syntax.cookies import PATH_SAFE
from wrappers_pure._syntax.cookies import SAMESITE_VALUES
from wrappers_pure._syntax.cookies import too_large_message


# --- character tables, filled from the pure twin's constants -------------------

cdef unsigned char _KEY_BAD[128]
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


_fill_table(_KEY_BAD, COOKIE_KEY_REFUSED)
_fill_table(_VALUE_OK, COOKIE_VALUE_CHARS)
_fill_table(_PATH_OK, PATH_CHARS)
_fill_escapes()


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
    """Return ``key`` as it is written in the header; raise if it could break it.

    An ASCII key is written as it is; a non-ASCII one as its UTF-8 bytes read
    as Latin-1, as Werkzeug does (a lone surrogate raises Werkzeug's
    :exc:`UnicodeEncodeError`).
    """
    cdef Py_ssize_t i, n
    cdef int kind
    cdef void* data
    cdef Py_UCS4 c

    if not isinstance(key, str):
        # NOTE: Werkzeug's error for a key that is not a string.
        raise AttributeError(f"{type(key).__name__!r} object has no attribute 'encode'")

    n = PyUnicode_GET_LENGTH(key)

    if n == 0:
        raise ValueError(BAD_COOKIE_KEY)

    kind = PyUnicode_KIND(key)
    data = PyUnicode_DATA(key)

    for i in range(n):
        c = PyUnicode_READ(kind, data, i)

        if c < 128 and _KEY_BAD[c]:
            raise ValueError(BAD_COOKIE_KEY)

    if PyUnicode_IS_ASCII(key):
        return <str>key

    return PyUnicode_AsUTF8String(key).decode("latin-1")


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
    cdef str result, secure_text, http_only, partition, wire_key
    cdef object age
    cdef Py_ssize_t size
    cdef long long limit
    cdef int overflow = 0
    cdef bint too_large

    if path is not None:
        # PERF: a path made of characters quote() keeps is returned unchanged.
        if type(path) is not str or not _all_in(path, _PATH_OK):
            path = quote(path, safe=PATH_SAFE)

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

    wire_key = _check_cookie_key(key)

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
        f"{wire_key}={value}"
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
        warnings.warn(too_large_message(key, value, size, max_size), stacklevel=1)

    return result


__all__ = ["dump_cookie"]
