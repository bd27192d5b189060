# cython: language_level=3, embedsignature=True, binding=True
"""The ``Accept`` header family (compiled twin of
``wrappers_pure/datastructures/accept.py``) and its parser
(``wrappers_pure/http.py``'s :func:`parse_accept_header`).

Each public class here is an ordinary Python subclass of its pure twin:
``MIMEAccept(pure MIMEAccept, Accept)``, so that the pure subclass's own members
(``accept_html``, ``LanguageAccept.best_match``, ``_value_matches``) come first
and :class:`Accept`'s compiled ``quality``, ``__contains__``, ``index`` and
``best_match`` sit between them and the pure :class:`Accept`.

The compiled methods match in C while the class keeps the pure twin's stock
``_value_matches`` (and, for ``best_match``, ``_specificity`` and
``_best_single_match``) and ``__iter__``, and every item is a ``(str,
quality)`` tuple; otherwise they call the pure method. A pair the C matcher
does not cover (non-ASCII text, media types with parameters, charsets, a
candidate that is not a ``str``) is asked of ``self._value_matches``, the stock
one, so every answer (and every exception) is the pure twin's.

:func:`parse_accept_header` scans headers of the common grammar (token
characters, ``/``, ``;``, ``=``, ``,``, spaces and tabs; no ``*`` in a
parameter name, no ``%`` in a parameter value) in C, and gives any other
header to the pure ``parse_qvalue_items``: the pairs are the same for every
header.

Pickles name the public class through the shim (``wrappers._restore``), so a
pickle made here loads where only the pure twin exists.
"""

cimport cython
from cpython.float cimport PyFloat_FromDouble
from cpython.list cimport PyList_GET_ITEM
from cpython.list cimport PyList_GET_SIZE
from cpython.list cimport PyList_SetSlice
from cpython.object cimport PyObject
from cpython.object cimport PyTypeObject
from cpython.tuple cimport PyTuple_GET_ITEM
from cpython.tuple cimport PyTuple_GET_SIZE

from wrappers._capi cimport PyFloat_AS_DOUBLE
from wrappers._capi cimport PyLong_AsLongLongAndOverflow
from wrappers._capi cimport PyUnicode_1BYTE_DATA
from wrappers._capi cimport PyUnicode_GET_LENGTH
from wrappers._capi cimport PyUnicode_IS_ASCII
from wrappers._capi cimport PyUnicode_Substring
from wrappers._capi cimport _PyType_Lookup
from wrappers._capi cimport _has_own

from wrappers._restore import call_public
from wrappers_pure._syntax.quoting import TOKEN_CHARS
from wrappers_pure._syntax.quoting import dump_options_header
from wrappers_pure._syntax.qvalues import parse_qvalue_items
from wrappers_pure.datastructures.accept import Accept as _PureAccept
from wrappers_pure.datastructures.accept import CharsetAccept as _PureCharsetAccept
from wrappers_pure.datastructures.accept import LanguageAccept as _PureLanguageAccept
from wrappers_pure.datastructures.accept import MIMEAccept as _PureMIMEAccept


cdef extern from "Python.h":
    double PyOS_string_to_double(const char* s, char** endptr,
                                 PyObject* overflow_exception) except? -1.0


# -- which matching a class does -------------------------------------------------

cdef enum:
    K_GENERIC = 0
    K_PLAIN = 1
    K_MIME = 2
    K_LANG = 3
    K_CHARSET = 4

cdef object _LIST_ITER = list.__iter__
cdef object _LIST_NEW = list.__new__
cdef object _INIT = _PureAccept.__init__
cdef object _BSM = _PureAccept._best_single_match
cdef object _SPEC_PLAIN = _PureAccept._specificity
cdef object _SPEC_MIME = _PureMIMEAccept._specificity
cdef object _VM_PLAIN = _PureAccept._value_matches
cdef object _VM_MIME = _PureMIMEAccept._value_matches
cdef object _VM_LANG = _PureLanguageAccept._value_matches
cdef object _VM_CHARSET = _PureCharsetAccept._value_matches

#: The int quality of an item without ``q`` (Werkzeug's ``1``).
cdef object _ONE = 1


cdef int _kind(object self, bint for_best):
    """The stock matching ``type(self)`` has, or K_GENERIC if it overrides
    ``_value_matches`` or ``__iter__`` (or, ``for_best``, ``_specificity`` or
    ``_best_single_match``)."""
    cdef int kind

    if not _has_own(self, "__iter__", _LIST_ITER):
        return K_GENERIC

    if _has_own(self, "_value_matches", _VM_MIME):
        kind = K_MIME
    elif _has_own(self, "_value_matches", _VM_PLAIN):
        kind = K_PLAIN
    elif _has_own(self, "_value_matches", _VM_LANG):
        kind = K_LANG
    elif _has_own(self, "_value_matches", _VM_CHARSET):
        kind = K_CHARSET
    else:
        return K_GENERIC

    if for_best:
        if not _has_own(self, "_best_single_match", _BSM):
            return K_GENERIC
        if not _has_own(self, "_specificity", _SPEC_MIME if kind == K_MIME else _SPEC_PLAIN):
            return K_GENERIC

    return kind


cdef inline bint _quality_ok(object q):
    """Whether ``q`` converts to a double that compares as ``q`` does."""
    cdef int overflow = 0
    cdef long long v

    if type(q) is float:
        return True

    if type(q) is int:
        v = PyLong_AsLongLongAndOverflow(q, &overflow)
        return overflow == 0 and -9007199254740992 <= v <= 9007199254740992

    return False


cdef bint _pairs_ok(list items, bint numeric):
    """Whether every item is a ``(str, quality)`` tuple (``numeric``: with a
    float or a small int quality)."""
    cdef Py_ssize_t i
    cdef object pair

    for i in range(PyList_GET_SIZE(items)):
        pair = <object>PyList_GET_ITEM(items, i)

        if type(pair) is not tuple or PyTuple_GET_SIZE(pair) != 2:
            return False

        if type(<object>PyTuple_GET_ITEM(pair, 0)) is not str:
            return False

        if numeric and not _quality_ok(<object>PyTuple_GET_ITEM(pair, 1)):
            return False

    return True


cdef inline double _as_double(object q):
    """A float, or an int that :func:`_quality_ok` passed, as a double."""
    cdef int overflow = 0

    if type(q) is float:
        return PyFloat_AS_DOUBLE(q)
    return <double>PyLong_AsLongLongAndOverflow(q, &overflow)


# -- matching one candidate against one client item --------------------------------

cdef inline unsigned char _low(unsigned char c) noexcept:
    return c + 32 if 65 <= c <= 90 else c


cdef inline bint _ieq(const unsigned char* a, Py_ssize_t n,
                      const unsigned char* b, Py_ssize_t m) noexcept:
    """ASCII case-insensitive equality."""
    cdef Py_ssize_t i

    if n != m:
        return False

    for i in range(n):
        if a[i] != b[i] and _low(a[i]) != _low(b[i]):
            return False

    return True


cdef inline bint _is_star(const unsigned char* s, Py_ssize_t n) noexcept:
    return n == 1 and s[0] == 42


cdef Py_ssize_t _mime_slash(const unsigned char* s, Py_ssize_t n) noexcept:
    """The index of the one ``/`` of a media type without ``;``; -1 if it has
    no ``/``; -2 if it has ``;`` or a second ``/`` (the general split)."""
    cdef Py_ssize_t i, slash = -1

    for i in range(n):
        if s[i] == 47:
            if slash >= 0:
                return -2
            slash = i
        elif s[i] == 59:
            return -2

    return slash


cdef int _match(int kind, object value, str item) noexcept:
    """The stock ``_value_matches(value, item)`` of ``kind``: 1 or 0, or -1
    when this pair needs the Python method.

    NOTE: each branch follows the order of the pure twin's checks, so that a
    pair it would raise for (an invalid media type) always gets -1.
    """
    cdef const unsigned char* v
    cdef const unsigned char* s
    cdef Py_ssize_t n, m, i, vslash, islash, vsn, isn
    cdef unsigned char a, b
    cdef bint vst, vss, ist, iss

    m = PyUnicode_GET_LENGTH(item)

    if kind != K_MIME:
        if m == 1 and PyUnicode_IS_ASCII(item) and PyUnicode_1BYTE_DATA(item)[0] == 42:
            return 1

        if kind == K_CHARSET or type(value) is not str:
            return -1

        if not PyUnicode_IS_ASCII(item) or not PyUnicode_IS_ASCII(value):
            return -1

        n = PyUnicode_GET_LENGTH(value)

        if n != m:
            return 0

        v = PyUnicode_1BYTE_DATA(value)
        s = PyUnicode_1BYTE_DATA(item)

        for i in range(n):
            a = _low(v[i])
            b = _low(s[i])

            if kind == K_LANG:
                if a == 95:
                    a = 45
                if b == 95:
                    b = 45

            if a != b:
                return 0

        return 1

    # media types
    if not PyUnicode_IS_ASCII(item):
        return -1

    s = PyUnicode_1BYTE_DATA(item)
    islash = _mime_slash(s, m)

    if islash == -1:
        return 0

    if type(value) is not str or not PyUnicode_IS_ASCII(value):
        return -1

    n = PyUnicode_GET_LENGTH(value)
    v = PyUnicode_1BYTE_DATA(value)
    vslash = _mime_slash(v, n)

    if vslash < 0 or islash < 0:
        # no "/" in the value (an error), or parameters: the general split
        return -1

    vsn = n - vslash - 1
    isn = m - islash - 1
    vst = _is_star(v, vslash)
    vss = _is_star(v + vslash + 1, vsn)

    if vst and not vss:
        return -1

    ist = _is_star(s, islash)
    iss = _is_star(s + islash + 1, isn)

    if ist and not iss:
        return 0

    if (ist and iss) or (vst and vss):
        return 1

    if not _ieq(v, vslash, s, islash):
        return 0

    if iss or vss:
        return 1

    return _ieq(v + vslash + 1, vsn, s + islash + 1, isn)


cdef Py_ssize_t _first(object self, int kind, object value) except -2:
    """The index of the first item matching ``value``, or -1."""
    cdef list items = <list>self
    cdef Py_ssize_t i
    cdef str item
    cdef int r

    i = 0
    while i < PyList_GET_SIZE(items):
        item = <str>PyTuple_GET_ITEM(<object>PyList_GET_ITEM(items, i), 0)
        r = _match(kind, value, item)

        if r < 0:
            r = 1 if self._value_matches(value, item) else 0

        if r:
            return i

        i += 1

    return -1


# -- specificity -----------------------------------------------------------------

#: Specificity tuples by code, ordered as the tuples compare: (F,) < (F, F) <
#: (F, T) < (T,) < (T, F) < (T, T); code -1 is best_match's start, (-1,).
cdef tuple _SPECS = ((False,), (False, False), (False, True), (True,), (True, False), (True, True))
cdef tuple _START = (-1,)


cdef int _spec_code(int kind, str item) noexcept:
    """The code of ``_specificity(item)`` (see :data:`_SPECS`), or -2 if it is
    not one of those."""
    cdef const unsigned char* s
    cdef Py_ssize_t n, slash
    cdef bint a, b

    n = PyUnicode_GET_LENGTH(item)

    if kind != K_MIME:
        if n == 1 and PyUnicode_IS_ASCII(item) and PyUnicode_1BYTE_DATA(item)[0] == 42:
            return 0
        return 3

    if not PyUnicode_IS_ASCII(item):
        return -2

    s = PyUnicode_1BYTE_DATA(item)
    slash = _mime_slash(s, n)

    if slash == -2:
        return -2

    if slash == -1:
        return 0 if _is_star(s, n) else 3

    a = not _is_star(s, slash)
    b = not _is_star(s + slash + 1, n - slash - 1)
    return (4 if a else 1) + b


cdef object _spec_of(object self, int code, object item):
    if code == -1:
        return _START
    if code == -2:
        return self._specificity(item)
    return _SPECS[code]


cdef object _best_match(object self, int kind, object matches, object default):
    """:meth:`Accept.best_match` for a stock ``kind`` over checked pairs."""
    cdef list items = <list>self
    cdef object result = default
    cdef object server_item, pair, client_item, best_item = None
    cdef double best_q = -1, q
    cdef int best_code = -1, code
    cdef Py_ssize_t i
    cdef bint better

    for server_item in matches:
        i = _first(self, kind, server_item)

        if i < 0:
            continue

        pair = <object>PyList_GET_ITEM(items, i)
        client_item = <object>PyTuple_GET_ITEM(pair, 0)
        q = _as_double(<object>PyTuple_GET_ITEM(pair, 1))

        if q <= 0 or q < best_q:
            continue

        code = _spec_code(kind, client_item)

        if q > best_q:
            better = True
        elif code >= -1 and best_code >= -1:
            better = code > best_code
        else:
            better = _spec_of(self, code, client_item) > _spec_of(self, best_code, best_item)

        if better:
            result = server_item
            best_q = q
            best_code = code
            best_item = client_item

    return result


# -- the classes -------------------------------------------------------------------


class Accept(_PureAccept):
    __doc__ = _PureAccept.__doc__

    @cython.embedsignature(False)
    def quality(self, key):
        """The quality of the first item matching ``key``, or ``0``."""
        cdef int kind = _kind(self, False)
        cdef Py_ssize_t i

        if kind == K_GENERIC or not _pairs_ok(<list>self, False):
            return _PureAccept.quality(self, key)

        i = _first(self, kind, key)

        if i < 0:
            return 0

        return <object>PyTuple_GET_ITEM(<object>PyList_GET_ITEM(<list>self, i), 1)

    @cython.embedsignature(False)
    def __contains__(self, value):
        cdef int kind = _kind(self, False)

        if kind == K_GENERIC or not _pairs_ok(<list>self, False):
            return _PureAccept.__contains__(self, value)

        return _first(self, kind, value) >= 0

    @cython.embedsignature(False)
    def index(self, key):
        """The position of the first item matching ``key`` (a string), or of
        the pair ``key``; :exc:`ValueError` if there is none.
        """
        cdef int kind
        cdef Py_ssize_t i

        if not isinstance(key, str):
            return list.index(self, key)

        kind = _kind(self, False)

        if kind == K_GENERIC or not _pairs_ok(<list>self, False):
            return _PureAccept.index(self, key)

        i = _first(self, kind, key)

        if i < 0:
            raise ValueError(key)

        return i

    @cython.embedsignature(False)
    def best_match(self, matches, default=None):
        """The server value of ``matches`` the client prefers: the highest
        quality, then the most specific client item; the first of ``matches``
        wins a tie. ``default`` if none is acceptable (quality above 0).

        :param matches: The values the server can offer.
        :param default: What to return when none matches.
        """
        cdef int kind = _kind(self, True)

        if kind == K_GENERIC or not _pairs_ok(<list>self, True):
            return _PureAccept.best_match(self, matches, default)

        return _best_match(self, kind, matches, default)

    @cython.embedsignature(False)
    def __reduce_ex__(self, protocol):
        # NOTE: as the pure twin (``cls(list(self))``), but a public class is
        # named through the shim, so the pickle loads on either twin.
        name = _PUBLIC.get(type(self))

        if name is not None:
            return (call_public, (name, list(self)))

        return (type(self), (list(self),))


class MIMEAccept(_PureMIMEAccept, Accept):
    __doc__ = _PureMIMEAccept.__doc__


class LanguageAccept(_PureLanguageAccept, Accept):
    __doc__ = _PureLanguageAccept.__doc__


class CharsetAccept(_PureCharsetAccept, Accept):
    __doc__ = _PureCharsetAccept.__doc__


cdef dict _PUBLIC = {
    Accept: "datastructures.Accept",
    MIMEAccept: "datastructures.MIMEAccept",
    LanguageAccept: "datastructures.LanguageAccept",
    CharsetAccept: "datastructures.CharsetAccept",
}


# -- the parser --------------------------------------------------------------------

#: Character classes of the common grammar: 1 a token character, 2 another
#: character the scanner reads (``/ ; = , space tab``); 0 means the pure parser.
cdef unsigned char _CLASS[256]


cdef void _init_classes() noexcept:
    cdef int c

    for c in range(256):
        _CLASS[c] = 0

    for ch in TOKEN_CHARS:
        _CLASS[ord(ch)] = 1

    for ch in "/;=, \t":
        _CLASS[ord(ch)] = 2


_init_classes()


cdef inline bint _blank(unsigned char c) noexcept:
    return c == 32 or c == 9


cdef int _q_value(str text, const unsigned char* s, Py_ssize_t a, Py_ssize_t b,
                  double* out) except -1:
    """Read ``s[a:b]`` as a quality: 1 and ``*out`` if it matches
    ``-?\\d+(\\.\\d+)?`` and lies in [0, 1], else 0 (the item is dropped)."""
    cdef Py_ssize_t i = a, digits
    cdef char buf[64]
    cdef double q

    if i < b and s[i] == 45:
        i += 1

    digits = i
    while i < b and 48 <= s[i] <= 57:
        i += 1

    if i == digits:
        return 0

    if i < b:
        if s[i] != 46:
            return 0

        i += 1
        digits = i
        while i < b and 48 <= s[i] <= 57:
            i += 1

        if i == digits or i < b:
            return 0

    if b - a < 64:
        for i in range(b - a):
            buf[i] = <char>s[a + i]
        buf[b - a] = 0
        q = PyOS_string_to_double(buf, NULL, NULL)
    else:
        q = float(PyUnicode_Substring(text, a, b))

    if q < 0 or q > 1:
        return 0

    out[0] = q
    return 1


cdef int _item(str text, const unsigned char* s, Py_ssize_t a, Py_ssize_t b,
               list result) except -2:
    """Append the pair of the list item ``s[a:b]`` to ``result`` (or nothing, for
    an empty item or an invalid ``q``); -1 if the item needs the pure parser.

    NOTE: follows parse_options_header on a value without quotes: the value up
    to the first ``;``; then, at each part, ``key=`` and a token value (else
    nothing), up to the next ``;``; later keys replace earlier ones.
    """
    cdef Py_ssize_t semi, ve, seg, k, v0, v1, qa = -1, qb = -1, i
    cdef dict options = None
    cdef double q = 1
    cdef object value, quality

    while a < b and _blank(s[a]):
        a += 1

    while b > a and _blank(s[b - 1]):
        b -= 1

    if a == b:
        return 0

    semi = a
    while semi < b and s[semi] != 59:
        semi += 1

    ve = semi
    while ve > a and _blank(s[ve - 1]):
        ve -= 1

    seg = semi + 1
    while seg < b and _blank(s[seg]):
        seg += 1

    if semi == b or ve == a or seg >= b:
        result.append((PyUnicode_Substring(text, a, ve), _ONE))
        return 0

    while True:
        k = seg
        while k < b and _CLASS[s[k]] == 1:
            k += 1

        v1 = seg

        if k > seg and k < b and s[k] == 61:
            v0 = k + 1
            v1 = v0
            while v1 < b and _CLASS[s[v1]] == 1:
                v1 += 1

            if v1 > v0:
                for i in range(seg, k):
                    if s[i] == 42:  # "*": an RFC 2231 marker, maybe
                        return -1
                for i in range(v0, v1):
                    if s[i] == 37:  # "%": maybe "%22"
                        return -1

                if k == seg + 1 and (s[seg] | 32) == 113:
                    qa = v0
                    qb = v1
                else:
                    if options is None:
                        options = {}
                    options[PyUnicode_Substring(text, seg, k).lower()] = (
                        PyUnicode_Substring(text, v0, v1)
                    )

        while v1 < b and s[v1] != 59:
            v1 += 1

        if v1 >= b:
            break

        seg = v1 + 1
        while seg < b and _blank(s[seg]):
            seg += 1

    if qa >= 0:
        if not _q_value(text, s, qa, qb, &q):
            return 0
        quality = PyFloat_FromDouble(q)
    else:
        quality = _ONE

    value = PyUnicode_Substring(text, a, ve)

    if options:
        value = dump_options_header(value, options)

    result.append((value, quality))
    return 0


cdef object _scan(str text):
    """``parse_qvalue_items(text)``, or None if ``text`` is outside the common
    grammar. Linear in the length of ``text``."""
    cdef const unsigned char* s
    cdef Py_ssize_t n, start, pos
    cdef list result = []

    if not PyUnicode_IS_ASCII(text):
        return None

    n = PyUnicode_GET_LENGTH(text)
    s = PyUnicode_1BYTE_DATA(text)

    for pos in range(n):
        if _CLASS[s[pos]] == 0:
            return None

    start = 0
    pos = 0
    while pos <= n:
        if pos == n or s[pos] == 44:
            if _item(text, s, start, pos, result) < 0:
                return None
            start = pos + 1
        pos += 1

    return result


cdef inline bint _type_has(object cls, str name, object own) noexcept:
    return _PyType_Lookup(<PyTypeObject*>cls, <PyObject*>name) == <PyObject*>own


cdef object _build(object cls, list pairs):
    """``cls(pairs)``, sorted in C when ``cls`` keeps the stock constructor and
    specificity and the pairs are few and of simple specificity."""
    cdef Py_ssize_t n = PyList_GET_SIZE(pairs), i, j
    cdef int kind, codes[32]
    cdef double qs[32]
    cdef PyObject* order[32]
    cdef int c
    cdef double q
    cdef object pair, obj
    cdef list ordered

    if (
        n > 32
        or not isinstance(cls, type)
        or not issubclass(cls, _PureAccept)
        or not _type_has(cls, "__init__", _INIT)
        or not _type_has(cls, "__new__", _LIST_NEW)
    ):
        return cls(pairs)

    if _type_has(cls, "_specificity", _SPEC_MIME):
        kind = K_MIME
    elif _type_has(cls, "_specificity", _SPEC_PLAIN):
        kind = K_PLAIN
    else:
        return cls(pairs)

    # NOTE: a stable sort, most specific and best first, as sorted(...,
    # reverse=True) by (specificity, quality): an item moves before the ones
    # strictly below it only.
    for i in range(n):
        pair = <object>PyList_GET_ITEM(pairs, i)
        c = _spec_code(kind, <str>PyTuple_GET_ITEM(pair, 0))

        if c < 0:
            return cls(pairs)

        q = _as_double(<object>PyTuple_GET_ITEM(pair, 1))
        j = i

        while j > 0 and (codes[j - 1] < c or (codes[j - 1] == c and qs[j - 1] < q)):
            codes[j] = codes[j - 1]
            qs[j] = qs[j - 1]
            order[j] = order[j - 1]
            j -= 1

        codes[j] = c
        qs[j] = q
        order[j] = <PyObject*>pair

    ordered = [<object>order[i] for i in range(n)]
    obj = list.__new__(cls)
    obj.provided = True
    PyList_SetSlice(obj, 0, 0, ordered)
    return obj


# NOTE: no signature line in the docstring: the docstrings equal the pure twin's.
@cython.embedsignature(False)
def parse_accept_header(value, cls=None):
    """Parse an ``Accept``-style header (``Accept``, ``Accept-Charset``,
    ``Accept-Encoding``, ``Accept-Language``) into an :class:`Accept` object,
    sorted by specificity and quality.

    Items whose ``q`` is not a number from 0 to 1 are skipped; other
    parameters stay on the value (``text/html; level=1``). An empty or missing
    header gives ``cls(None)``, whose ``provided`` is false.

    :param value: The header value.
    :param cls: The :class:`Accept` class to build (:class:`MIMEAccept` for
        ``Accept``, ...); :class:`Accept` by default.
    """
    cdef object pairs = None

    if cls is None:
        cls = Accept

    if not value:
        return cls(None)

    if type(value) is str:
        pairs = _scan(<str>value)

    if pairs is None:
        pairs = parse_qvalue_items(value)

    return _build(cls, pairs)


__all__ = ["Accept", "CharsetAccept", "LanguageAccept", "MIMEAccept", "parse_accept_header"]
