# cython: language_level=3, embedsignature=True, binding=True
"""Query strings into pairs (compiled twin of ``wrappers_pure/_syntax/query.py``).

One pass over the text in C: pieces split at ``&``, keys at the first ``=``,
substrings taken straight from the text; a piece with ``+`` or ``%`` is
decoded into a byte buffer and read as UTF-8. Text that is not ASCII, or
escapes that do not decode as UTF-8, go through the pure twin's ``unquote_part``
(the same ``urllib.parse.unquote`` with the ``wrappers.url_quote`` error
handler), so results never differ.
"""

from cpython.bytes cimport PyBytes_AS_STRING
from cpython.bytes cimport PyBytes_FromStringAndSize
from cpython.dict cimport PyDict_GetItem
from cpython.dict cimport PyDict_SetItem
from cpython.object cimport PyObject
from cpython.unicode cimport PyUnicode_DecodeUTF8

from wrappers._capi cimport PyUnicode_1BYTE_DATA
from wrappers._capi cimport PyUnicode_GET_LENGTH
from wrappers._capi cimport PyUnicode_IS_ASCII
from wrappers._capi cimport PyUnicode_Substring

from wrappers_pure._syntax.query import unquote_part

__all__ = []


cdef inline int _hex(unsigned char c) noexcept:
    if 48 <= c <= 57:
        return c - 48
    if 65 <= c <= 70:
        return c - 55
    if 97 <= c <= 102:
        return c - 87
    return -1


cdef object _decode(str text, Py_ssize_t start, Py_ssize_t end, bint special):
    """``text[start:end]`` with ``+`` as a space and ``%XX`` decoded (``text``
    is ASCII)."""
    cdef const unsigned char* data
    cdef bytes buf
    cdef char* out
    cdef Py_ssize_t i, n
    cdef unsigned char c
    cdef int hi, lo

    if not special:
        return PyUnicode_Substring(text, start, end)

    data = PyUnicode_1BYTE_DATA(text)
    buf = PyBytes_FromStringAndSize(NULL, end - start)
    out = PyBytes_AS_STRING(buf)
    n = 0
    i = start

    while i < end:
        c = data[i]

        if c == 0x2B:  # +
            out[n] = b" "
        elif c == 0x25 and i + 2 < end:  # %XX
            hi = _hex(data[i + 1])
            lo = _hex(data[i + 2])

            if hi < 0 or lo < 0:
                out[n] = <char>c
            else:
                out[n] = <char>(hi * 16 + lo)
                i += 2
        else:
            out[n] = <char>c

        n += 1
        i += 1

    try:
        return PyUnicode_DecodeUTF8(out, n, NULL)
    except UnicodeDecodeError:
        # Bytes that are not UTF-8 come back percent-encoded: the pure way.
        return unquote_part(PyUnicode_Substring(text, start, end))


cdef int _scan(str text, dict lists, list pairs) except -1:
    """Parse ``text`` into ``lists`` (key -> values) or, when ``lists`` is
    None, into ``pairs``."""
    cdef Py_ssize_t n = PyUnicode_GET_LENGTH(text)
    cdef Py_ssize_t start = 0, i, eq
    cdef const unsigned char* data
    cdef unsigned char c
    cdef bint special
    cdef object key, value

    if not PyUnicode_IS_ASCII(text):
        # NOTE: the rare case (a WSGI query string is ASCII unless the client
        # sent raw non-ASCII bytes): the pure twin's loop.
        for piece in text.split("&"):
            if not piece:
                continue

            key, _, value = piece.partition("=")

            if "%" in piece or "+" in piece:
                key = unquote_part(key)
                value = unquote_part(value)

            _store(lists, pairs, key, value)

        return 0

    data = PyUnicode_1BYTE_DATA(text)

    while start <= n:
        i = start
        eq = -1
        special = False

        while i < n:
            c = data[i]

            if c == 0x26:  # &
                break

            if c == 0x3D and eq < 0:  # =
                eq = i
            elif c == 0x25 or c == 0x2B:  # % +
                special = True

            i += 1

        if i > start:
            if eq < 0:
                key = _decode(text, start, i, special)
                value = ""
            else:
                key = _decode(text, start, eq, special)
                value = _decode(text, eq + 1, i, special)

            _store(lists, pairs, key, value)

        start = i + 1

    return 0


cdef inline int _store(dict lists, list pairs, object key, object value) except -1:
    cdef PyObject* found

    if lists is None:
        pairs.append((key, value))
        return 0

    found = PyDict_GetItem(lists, key)

    if found is NULL:
        PyDict_SetItem(lists, key, [value])
    else:
        (<list>found).append(value)

    return 0


cdef dict query_lists(str text):
    """:func:`parse_query_lists` for other kernels (``_query.pxd``)."""
    cdef dict lists = {}

    if text:
        _scan(text, lists, None)

    return lists


cdef list query_pairs(str text):
    """:func:`parse_query_pairs` for other kernels (``_query.pxd``)."""
    cdef list pairs = []

    if text:
        _scan(text, None, pairs)

    return pairs


def parse_query_lists(str text):
    """Parse a query string into ``{key: [value, ...]}``, keys in the order
    of their first appearance (a :class:`MultiDict`'s layout)."""
    return query_lists(text)


def parse_query_pairs(str text):
    """Parse a query string into its ``(key, value)`` pairs, in order."""
    return query_pairs(text)


def query_text(query):
    """The text of a query string given as bytes (UTF-8, U+FFFD for what is
    not) or as str (returned as it is)."""
    if type(query) is str:
        return query

    if isinstance(query, str):
        return query

    try:
        return query.decode()
    except UnicodeDecodeError:
        return query.decode(errors="replace")
