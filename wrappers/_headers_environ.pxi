# The environ's headers: the compiled twin of ``EnvironHeaders`` in
# ``wrappers_pure/datastructures/headers.py`` (the key a name maps to, built in C,
# and the C ``getlist``, ``len`` and iteration over the environ), included into
# ``_headers.pyx``.
#
# NOTE: a file of the ``_headers`` kernel, not a module of its own: its class
# derives from ``_HeadersBase`` and its helpers inline the kernel's own ones
# (``_ascii_ieq``, ``_new_headers``), which a call across modules could not.


# -- the environ's headers ---------------------------------------------------------

#: The two headers a WSGI environ holds without the ``HTTP_`` prefix.
cdef frozenset _CONTENT_KEYS = frozenset(("CONTENT_TYPE", "CONTENT_LENGTH"))
#: Their prefixed spellings, which :class:`EnvironHeaders` never yields.
cdef frozenset _PREFIXED_CONTENT_KEYS = frozenset(("HTTP_CONTENT_TYPE", "HTTP_CONTENT_LENGTH"))

#: PERF: names up to this length are mapped to their environ key in a stack
#: buffer; longer ones take the pure computation (the same result).
cdef enum:
    _KEY_BUFFER = 256


cdef object _ascii_str(const unsigned char* data, Py_ssize_t n):
    """A new ASCII ``str`` of the ``n`` bytes at ``data`` (no decoding check)."""
    cdef object rv = PyUnicode_New(n, 127)

    memcpy(PyUnicode_1BYTE_DATA(rv), data, n)
    return rv


cdef object _environ_key(object key):
    """The environ key of the header named ``key``: upper case, ``-`` as
    ``_``, prefixed with ``HTTP_`` but for ``CONTENT_TYPE`` and ``CONTENT_LENGTH``.

    PERF: a plain ASCII ``str`` is mapped in C; everything else takes exactly
    the pure twin's computation (``"ß".upper()`` is ``"SS"``, and a ``str``
    subclass keeps its own methods).
    """
    cdef unsigned char buf[5 + _KEY_BUFFER]
    cdef const unsigned char* src
    cdef unsigned char c
    cdef Py_ssize_t n, i

    if type(key) is str and PyUnicode_IS_ASCII(key):
        n = PyUnicode_GET_LENGTH(key)

        if n <= _KEY_BUFFER:
            src = PyUnicode_1BYTE_DATA(key)
            memcpy(buf, b"HTTP_", 5)

            for i in range(n):
                c = src[i]

                if c == 45:  # "-"
                    c = 95  # "_"
                elif <unsigned char>(c - 97) < 26:
                    c -= 32

                buf[5 + i] = c

            if (n == 12 and memcmp(buf + 5, b"CONTENT_TYPE", 12) == 0) or (
                n == 14 and memcmp(buf + 5, b"CONTENT_LENGTH", 14) == 0
            ):
                return _ascii_str(buf + 5, n)

            return _ascii_str(buf, n + 5)

    name = key.upper().replace("-", "_")

    if name in _CONTENT_KEYS:
        return name

    return f"HTTP_{name}"


cdef object _title_name(object key, Py_ssize_t start):
    """``key[start:].replace("_", "-").title()`` for an environ key.

    PERF: in C for a plain ASCII ``str``, where a letter is cased exactly when
    it is an ASCII letter; the pure computation otherwise.
    """
    cdef Py_ssize_t n, i
    cdef const unsigned char* src
    cdef unsigned char* dst
    cdef unsigned char c
    cdef bint prev_cased = False
    cdef object rv

    if type(key) is str and PyUnicode_IS_ASCII(key):
        n = PyUnicode_GET_LENGTH(key) - start
        src = PyUnicode_1BYTE_DATA(key) + start
        rv = PyUnicode_New(n, 127)
        dst = PyUnicode_1BYTE_DATA(rv)

        for i in range(n):
            c = src[i]

            if <unsigned char>(c - 65) < 26:
                if prev_cased:
                    c += 32

                prev_cased = True
            elif <unsigned char>(c - 97) < 26:
                if not prev_cased:
                    c -= 32

                prev_cased = True
            else:
                if c == 95:  # "_"
                    c = 45  # "-"

                prev_cased = False

            dst[i] = c

        return rv

    return key[start:].replace("_", "-").title()


cdef bint _names_match(object env_key, Py_ssize_t start, object key) noexcept:
    """Whether the header name of the ASCII environ key ``env_key`` (from
    ``start``: ``_`` as ``-``) equals the ASCII ``key`` in any case."""
    cdef Py_ssize_t n = PyUnicode_GET_LENGTH(key), i
    cdef const unsigned char* a
    cdef const unsigned char* b
    cdef unsigned char ca, cb

    if PyUnicode_GET_LENGTH(env_key) - start != n:
        return False

    a = PyUnicode_1BYTE_DATA(env_key) + start
    b = PyUnicode_1BYTE_DATA(key)

    for i in range(n):
        ca = a[i]
        cb = b[i]

        if ca == 95:  # "_"
            ca = 45  # "-"
        elif <unsigned char>(ca - 65) < 26:
            ca += 32

        if <unsigned char>(cb - 65) < 26:
            cb += 32

        if ca != cb:
            return False

    return True


cdef inline bint _is_http_key(object key) noexcept:
    """Whether the plain ASCII ``str`` ``key`` starts with ``HTTP_``."""
    return PyUnicode_GET_LENGTH(key) >= 5 and memcmp(PyUnicode_1BYTE_DATA(key), b"HTTP_", 5) == 0


@cython.auto_pickle(False)
@cython.embedsignature(False)
cdef class _EnvironHeadersBase(_HeadersBase):
    """_EnvironHeadersBase(environ)
--

The compiled state and hot paths of :class:`EnvironHeaders`; use :class:`EnvironHeaders`.
    """
    # NOTE: the first lines above are a text signature, as for _HeadersBase.

    # NOTE: ``environ``, the WSGI environ the headers are read from, is a C
    # field declared in _headers.pxd (read on every lookup).

    def __init__(self, environ):
        self.environ = environ

    def __eq__(self, other):
        """Equal to another view of the same environ object."""
        if not isinstance(other, EnvironHeaders):
            return NotImplemented

        return self.environ is (<_EnvironHeadersBase>other).environ

    __hash__ = None

    cdef object _find(self, object key):
        """Return the environ's value for the header named ``key``, or
        ``_missing`` (also for a ``key`` that is not a ``str``)."""
        cdef PyObject* found
        cdef object environ = self.environ

        if not isinstance(key, str):
            return _missing

        env_key = _environ_key(key)

        # PERF: a plain dict is read without raising KeyError for a missing key.
        if type(environ) is dict:
            found = PyDict_GetItemWithError(environ, env_key)

            if found is NULL:
                return _missing

            return <object>found

        try:
            return environ[env_key]
        except KeyError:
            return _missing

    def __getitem__(self, key):
        """Return the value of the header named ``key``.

        :raise BadRequestKeyError: The header is missing, or ``key`` is not a
            ``str``.
        """
        rv = self._find(key)

        if rv is _missing:
            raise werkzeug_aware(BadRequestKeyError)(key)

        return rv

    def get(self, key, default=None, type=None):
        """Return the value of the header named ``key``, or ``default``.

        :param key: The header name.
        :param default: What to return when the header is missing, or when
            ``type`` raises :exc:`ValueError`.
        :param type: A callable that converts the value, such as :class:`int`.
            A :exc:`ValueError` from it gives ``default``; other exceptions
            propagate.
        """
        rv = self._find(key)

        if rv is _missing:
            return default

        if type is None:
            return rv

        try:
            return type(rv)
        except ValueError:
            return default

    def __contains__(self, key):
        """Whether the header named ``key`` is in the environ."""
        return self._find(key) is not _missing

    def getlist(self, key, type=None):
        """Return every value for ``key`` (any case), in order; ``[]`` if none.

        :param key: The header name.
        :param type: A callable that converts each value; values for which it
            raises :exc:`ValueError` are left out.
        """
        cdef list result, found, checked
        cdef Py_ssize_t pos = 0, i
        cdef PyObject* k
        cdef PyObject* v
        cdef object env_key, value

        # PERF: a plain dict of ASCII keys is scanned in C, each key compared
        # with ``key`` as the name iterating would give it (no names made).
        if (
            not (PyUnicode_CheckExact(key) and PyUnicode_IS_ASCII(key))
            or not PyDict_CheckExact(self.environ)
            or not __wrappers_same_iter(self, _EnvironHeadersBase)
        ):
            return _HeadersBase.getlist(self, key, type)

        found = []
        checked = []

        # NOTE: nothing in the loop runs Python code (the dict cannot change
        # under it); a CONTENT_* value's truth is asked afterwards.
        while PyDict_Next(self.environ, &pos, &k, &v):
            env_key = <object>k

            if not PyUnicode_CheckExact(env_key) or not PyUnicode_IS_ASCII(env_key):
                return _HeadersBase.getlist(self, key, type)

            if _is_http_key(env_key):
                if env_key in _PREFIXED_CONTENT_KEYS or not _names_match(env_key, 5, key):
                    continue
                found.append(<object>v)
                checked.append(False)
            elif env_key in _CONTENT_KEYS and _names_match(env_key, 0, key):
                found.append(<object>v)
                checked.append(True)

        result = []

        for i in range(len(found)):
            value = found[i]

            if checked[i] and not value:
                continue

            if type is None:
                result.append(value)
            else:
                try:
                    result.append(type(value))
                except ValueError:
                    continue

        return result

    def __len__(self):
        """The number of headers iterating yields."""
        cdef Py_ssize_t n = 0

        if not __wrappers_same_iter(self, _EnvironHeadersBase):
            return sum(1 for _ in self)

        # PERF: count without making the names (the pure twin iterates).
        for key, value in self.environ.items():
            if type(key) is str and PyUnicode_IS_ASCII(key):
                if _is_http_key(key):
                    if key not in _PREFIXED_CONTENT_KEYS:
                        n += 1
                elif key in _CONTENT_KEYS and value:
                    n += 1
            elif key.startswith("HTTP_") and key not in _PREFIXED_CONTENT_KEYS:
                n += 1
            elif key in _CONTENT_KEYS and value:
                n += 1

        return n

    def __iter__(self):
        """Iterate over the ``(Title-Case-Name, value)`` pairs, in environ order."""
        for key, value in self.environ.items():
            if (
                (_is_http_key(key) if type(key) is str and PyUnicode_IS_ASCII(key) else key.startswith("HTTP_"))
                and key not in _PREFIXED_CONTENT_KEYS
            ):
                yield _title_name(key, 5), value
            elif key in _CONTENT_KEYS and value:
                yield _title_name(key, 0), value

    def copy(self):
        """Refused: raises :exc:`TypeError` (the view has no copies)."""
        raise TypeError(f"cannot create {type(self).__name__!r} copies")

    def __or__(self, other):
        """Refused: raises :exc:`TypeError` (the view has no copies)."""
        raise TypeError(f"cannot create {type(self).__name__!r} copies")

    def __reduce__(self):
        """Pickle support: ``cls.__new__(cls)`` plus ``(pairs, attributes)``."""
        # NOTE: the pure twin's state: no pairs, and the instance attributes
        # with ``environ`` first (it is a C field here, in the dict there).
        attrs = {"environ": self.environ}
        extra = getattr(self, "__dict__", None)

        if extra:
            attrs.update(extra)

        state = ([], attrs)

        if self.__class__ is EnvironHeaders:
            return (new_public, ("datastructures.EnvironHeaders",), state)

        return (_newobj, (self.__class__,), state)

    def __setstate__(self, state):
        """Restore the state :meth:`__reduce__` gave."""
        pairs, attrs = state

        if attrs:
            attrs = dict(attrs)

            if "environ" in attrs:
                self.environ = attrs.pop("environ")

            if attrs:
                self.__dict__.update(attrs)

        self._list = [(k, v) for k, v in pairs]


class EnvironHeaders(ImmutableHeadersMixin, _EnvironHeadersBase, Headers):
    """A read-only :class:`Headers` view of the request headers in a WSGI
    environ: the ``HTTP_*`` keys, and ``CONTENT_TYPE`` and ``CONTENT_LENGTH``.

    Lookups read the environ each time, so the view follows changes to it.
    ``headers[name]`` and :meth:`get` look up the key the name maps to
    (``"User-Agent"`` -> ``HTTP_USER_AGENT``, any case, ``-`` or ``_``);
    iterating yields ``(Title-Case-Name, value)`` pairs in the environ's order,
    leaving out an empty ``CONTENT_TYPE`` or ``CONTENT_LENGTH`` and the
    ``HTTP_CONTENT_TYPE``/``HTTP_CONTENT_LENGTH`` keys some servers add. Only
    ``str`` names are looked up: an index or a slice is a missing key.

    Every method that would change the headers raises :exc:`TypeError`, and so
    do :meth:`copy` and ``|``. Two views are equal when they read the same
    environ object.

    A missing name raises :exc:`~wrappers_pure.exceptions.BadRequestKeyError`
    (a :exc:`KeyError`, and a 400 when unhandled). Werkzeug 3.1 documents that
    too, but lets the environ's plain :exc:`KeyError` for the prefixed key
    (``'HTTP_X_NAME'``) escape; ``except KeyError`` catches both.

    :param environ: The WSGI environ.
    """

    __hash__ = None
