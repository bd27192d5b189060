# cython: language_level=3, embedsignature=True, binding=True
"""The ``Cookie`` header's parser (compiled twin of ``wrappers_pure/http.py``'s
:func:`parse_cookie`, the one function of that module that is hot: a request
with cookies parses them once).

Behaviour, exceptions and docstrings are the pure twin's, deliberate
differences from Werkzeug included. Every other function of
:mod:`wrappers.http` is the pure twin's (parsed at most once per request, and
dominated by the data structures they build) or comes from ``_dates.pyx`` and
``_cookies.pyx``.

NOTE: this module follows ``wrappers_pure/http.py``'s :func:`parse_cookie`
line for line (its general parser, ``parse_cookie_at``, in one pass).
"""

cimport cython
from cpython.dict cimport PyDict_GetItem
from cpython.dict cimport PyDict_SetItem
from cpython.object cimport PyObject
from libc.string cimport memcmp

from wrappers._capi cimport PyUnicode_1BYTE_DATA
from wrappers._capi cimport PyUnicode_DATA
from wrappers._capi cimport PyUnicode_FindChar
from wrappers._capi cimport PyUnicode_GET_LENGTH
from wrappers._capi cimport PyUnicode_IS_ASCII
from wrappers._capi cimport PyUnicode_KIND
from wrappers._capi cimport PyUnicode_READ
from wrappers._capi cimport PyUnicode_Substring

from wrappers_pure._syntax.cookies import unslash
from wrappers_pure.datastructures import ImmutableMultiDict
from wrappers_pure.datastructures import MultiDict


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


cdef inline object _new_multidict(object cls):
    """An empty ``cls`` (MultiDict or ImmutableMultiDict) from its ``tp_new``,
    without ``__init__``."""
    return __wrappers_tp_new(cls)


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
    multi = cls is None or cls is MultiDict or cls is ImmutableMultiDict

    if cls is None:
        cls = MultiDict

    if not cookie:
        return _new_multidict(cls) if multi else cls()

    # The WSGI string carries the header's bytes as Latin-1; they are UTF-8.
    if type(cookie) is not str or not PyUnicode_IS_ASCII(cookie):
        cookie = cookie.encode("latin1").decode(errors="replace")

    text = cookie
    lists = _new_multidict(cls) if multi else {}
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
            value = unslash(inner) if "\\" in inner else inner
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


__all__ = ["parse_cookie"]
