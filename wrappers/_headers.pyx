# cython: language_level=3, embedsignature=True, binding=True
"""The :class:`Headers` data structure and :class:`EnvironHeaders`, its
read-only view of a WSGI environ (compiled twin of
``wrappers_pure/datastructures/headers.py``).

Behaviour is Werkzeug 3.1's ``werkzeug.datastructures.Headers``, with one
deliberate difference: header *names* are checked too. A name must be a
:class:`str` (else :exc:`TypeError`) and must not contain CR, LF, NUL or any
other C0 control character or DEL (else :exc:`ValueError`), because such a name
would split or smuggle a header on the wire. Values are checked as Werkzeug
checks them: ``\\r`` or ``\\n`` raise :exc:`ValueError`.

NOTE: this module follows ``wrappers_pure/datastructures/headers.py`` line for
line; the constants, the sentinel and the cold helpers are the pure twin's
(``wrappers_pure._internal``, ``wrappers_pure._syntax.quoting``). The typed
state and the hot paths live in the ``cdef class`` :class:`_HeadersBase`; the
public :class:`Headers` is an ordinary Python class over it, so that it can be
patched, takes instance attributes and weak references, and allows
``__class__`` assignment between its subclasses. :class:`EnvironHeaders` is
built the same way, over :class:`_EnvironHeadersBase` and :class:`Headers`.

The kernel is two files joined by ``include`` (one C module): this one
(:class:`Headers`) and ``_headers_environ.pxi`` (:class:`EnvironHeaders`).
"""

cimport cython
from cpython.dict cimport PyDict_GetItemWithError
from cpython.dict cimport PyDict_CheckExact
from cpython.dict cimport PyDict_Next
from cpython.unicode cimport PyUnicode_CheckExact
from cpython.object cimport PyObject
from cpython.object cimport PyTypeObject

from wrappers._capi cimport PyUnicode_1BYTE_DATA
from wrappers._capi cimport PyUnicode_FindChar
from wrappers._capi cimport PyUnicode_GET_LENGTH
from wrappers._capi cimport PyUnicode_IS_ASCII
from wrappers._capi cimport Py_TYPE
from wrappers._capi cimport _PyType_Lookup
from wrappers._capi cimport __wrappers_same_iter
from wrappers._capi cimport _TypeCache
from wrappers._capi cimport _cache_plain
from wrappers._capi cimport _cached_plain
from wrappers._capi cimport _has_own
from wrappers._capi cimport _is_name
from wrappers._capi cimport __wrappers_base_new

import collections.abc as cabc
import copyreg

from wrappers._restore import new_public
from wrappers_pure._internal import MULTI_VALUE
from wrappers_pure._internal import NEWLINE_IN_VALUE
from wrappers_pure._internal import _missing
from wrappers_pure._internal import iter_items
from wrappers_pure._internal import name_error
from wrappers_pure._syntax.quoting import with_options
from wrappers_pure.datastructures.mixins import ImmutableHeadersMixin
from wrappers_pure.exceptions import BadRequestKeyError
from wrappers_pure.exceptions import werkzeug_aware


cdef extern from "Python.h":
    object PyUnicode_New(Py_ssize_t size, Py_UCS4 maxchar)


cdef extern from "string.h":
    void* memcpy(void* dest, const void* src, size_t n) noexcept
    int memcmp(const void* a, const void* b, size_t n) noexcept


cdef object _Mapping = cabc.Mapping
cdef object _Iterable = cabc.Iterable
cdef object _newobj = copyreg.__newobj__


cdef inline bint _ascii_ieq(object a, object b) noexcept:
    """Whether two ASCII strings are equal ignoring case.

    For ASCII, this is exactly ``a.lower() == b.lower()``, without allocating.
    """
    cdef Py_ssize_t n = PyUnicode_GET_LENGTH(a)
    cdef Py_ssize_t i
    cdef unsigned char ca, cb
    cdef unsigned char* pa
    cdef unsigned char* pb

    if n != PyUnicode_GET_LENGTH(b):
        return False

    pa = PyUnicode_1BYTE_DATA(a)
    pb = PyUnicode_1BYTE_DATA(b)

    for i in range(n):
        ca = pa[i]
        cb = pb[i]

        if ca != cb:
            if <unsigned char>(ca - 65) < 26:
                ca += 32

            if <unsigned char>(cb - 65) < 26:
                cb += 32

            if ca != cb:
                return False

    return True


cdef inline bint _is_fast_name(object key) noexcept:
    """Whether ``key`` is a plain ASCII ``str``, compared by :func:`_ascii_ieq`."""
    return type(key) is str and PyUnicode_IS_ASCII(key)


cdef inline bint _matches(object k, object key, bint fast, object ikey) except -1:
    """``k.lower() == key.lower()``, the way the pure twin compares names.

    ``fast`` says that ``key`` is a plain ASCII ``str``; otherwise ``ikey`` is
    ``key.lower()``, computed once by the caller.
    """
    if fast:
        if _is_fast_name(k):
            return _ascii_ieq(k, key)

        # NOTE: a non-ASCII name can lower to ASCII (KELVIN SIGN -> "k").
        return k.lower() == key.lower()

    return k.lower() == ikey


cdef inline bint _has_newline(object value) except -1:
    """Whether the ``str`` ``value`` holds a CR or LF (memchr for most strings)."""
    cdef Py_ssize_t n = PyUnicode_GET_LENGTH(value)

    return (
        PyUnicode_FindChar(value, 10, 0, n, 1) != -1
        or PyUnicode_FindChar(value, 13, 0, n, 1) != -1
    )


cdef inline object _str_value(object value):
    """Convert a header value to ``str`` and refuse CR and LF in it (Werkzeug's rule)."""
    if not isinstance(value, str):
        value = str(value)

    if _has_newline(value):
        raise ValueError(NEWLINE_IN_VALUE)

    return value


cdef inline int _check_name(object key) except -1:
    """Raise unless ``key`` is a ``str`` free of control characters."""
    cdef Py_UCS4 c

    if not isinstance(key, str):
        raise name_error(key)

    for c in <str>key:
        if c < 0x20 or c == 0x7f:
            raise name_error(key)

    return 0


cdef inline object _checked_value(object key, object value, dict options):
    """The value to store for ``key``: options rendered, converted, both checked."""
    if options:
        value = with_options(value, options)

    value = _str_value(value)
    _check_name(key)
    return value


@cython.auto_pickle(False)
@cython.embedsignature(False)
cdef class _HeadersBase:
    """_HeadersBase(defaults=None)
--

The compiled state and hot paths of :class:`Headers`; use :class:`Headers`.
    """
    # NOTE: the first lines above are a text signature (hence embedsignature
    # is off here); they give ``inspect.signature(Headers)`` the pure twin's
    # constructor signature.

    # NOTE: the typed fields and cdef methods are declared in _headers.pxd.

    def __cinit__(self):
        # Every instance has a list, also one made by ``__new__`` (unpickling).
        self._list = []

    def __init__(self, defaults=None):
        if self._list:
            self._list = []

        if defaults is not None:
            # NOTE: as in Werkzeug, the items go through ``extend`` and ``add``
            # when a subclass (or a patch) overrides them; else straight in.
            if _has_own(self, "extend", _OWN_EXTEND) and _has_own(self, "add", _OWN_ADD):
                self._extend(defaults)
            else:
                self.extend(defaults)

    cdef list _pairs(self):
        """The list to read pairs from: ``_list`` itself, unless a subclass
        overrides ``__iter__``, then a list made by iterating ``self``.

        NOTE: the pure twin iterates ``self`` in these places (as Werkzeug
        does); this gives the same result without the iterator when ``__iter__``
        is ours.
        """
        if __wrappers_same_iter(self, _HeadersBase):
            return self._list

        return list(self)

    # -- lookups -------------------------------------------------------------

    cdef object _find(self, object key):
        """Return the first value stored under ``key`` (any case), or ``_missing``.

        A ``key`` without ``lower()`` raises :exc:`AttributeError`, as in Werkzeug.
        """
        cdef bint fast = _is_fast_name(key)
        cdef object ikey = None if fast else key.lower()
        cdef tuple pair

        for pair in self._list:
            if _matches(pair[0], key, fast, ikey):
                return pair[1]

        return _missing

    def __getitem__(self, key):
        """Return the first value for a name, the pair at an index, or a new
        Headers object of the same class for a slice."""
        if isinstance(key, str):
            rv = self._find(key)

            if rv is _missing:
                raise werkzeug_aware(BadRequestKeyError)(key)

            return rv

        if isinstance(key, int):
            return self._list[key]

        return self.__class__(self._list[key])

    def __eq__(self, other):
        """Equal to a Headers object of the same class with the same set of
        ``(name, value)`` pairs, names compared without case; order and
        repetition do not count (as in Werkzeug)."""
        if other.__class__ is not self.__class__:
            return NotImplemented

        return {(k.lower(), v) for k, v in (<_HeadersBase>other)._list} == {
            (k.lower(), v) for k, v in self._list
        }

    def get(self, key, default=None, type=None):
        """Return the first value for ``key`` (any case), or ``default``.

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

    def getlist(self, key, type=None):
        """Return every value for ``key`` (any case), in order; ``[]`` if none.

        :param key: The header name.
        :param type: A callable that converts each value; values for which it
            raises :exc:`ValueError` are left out.
        """
        cdef bint fast = _is_fast_name(key)
        cdef object ikey = None if fast else key.lower()
        cdef list result = []
        cdef tuple pair

        for pair in self._pairs():
            if _matches(pair[0], key, fast, ikey):
                if type is None:
                    result.append(pair[1])
                else:
                    try:
                        result.append(type(pair[1]))
                    except ValueError:
                        continue

        return result

    def get_all(self, name):
        """Return every value for ``name``; :mod:`wsgiref`'s name for :meth:`getlist`."""
        return self.getlist(name)

    def items(self, lower=False):
        """Iterate over the ``(name, value)`` pairs.

        :param lower: Give the names in lower case.
        """
        for key, value in self:
            yield (key.lower() if lower else key), value

    def keys(self, lower=False):
        """Iterate over the names, once per header (repeated names repeat).

        :param lower: Give the names in lower case.
        """
        for key, _ in self.items(lower):
            yield key

    def values(self):
        """Iterate over the values."""
        for _, value in self.items():
            yield value

    def __contains__(self, key):
        """Whether a header named ``key`` (any case) is present."""
        return self._find(key) is not _missing

    def __iter__(self):
        """Iterate over the ``(name, value)`` pairs."""
        return iter(self._list)

    def __len__(self):
        """The number of headers (a repeated name counts each time)."""
        return len(self._list)

    # -- additions -----------------------------------------------------------

    cdef int _extend(self, object arg) except -1:
        """Append every pair of ``arg`` (see ``_iter_items``), checking each.

        Pairs are appended one by one, so when one is refused the earlier ones
        stay, as in Werkzeug.
        """
        cdef list lst = self._list

        # PERF: a plain dict or list, the common cases, skip the generator.
        if type(arg) is dict:
            for key, value in (<dict>arg).items():
                if type(value) is not str or _has_newline(value):
                    if isinstance(value, MULTI_VALUE):
                        self._extend([(key, v) for v in value])
                        continue

                    value = _str_value(value)

                _check_name(key)
                lst.append((key, value))
        else:
            for key, value in (arg if type(arg) is list else iter_items(arg)):
                value = _str_value(value)
                _check_name(key)
                lst.append((key, value))

        return 0

    def extend(self, arg=None, /, **kwargs):
        """Add the headers of ``arg`` and of the keyword arguments, keeping those
        already present (:meth:`update` replaces them instead).

        :param arg: A Headers object, a mapping (a list, tuple or set value gives
            one header per item), a multi-dict, or an iterable of pairs.
        :param kwargs: More headers, as names and values.
        """
        if _has_own(self, "add", _OWN_ADD):
            if arg is not None:
                self._extend(arg)

            if kwargs:
                self._extend(kwargs)

            return

        # NOTE: an overridden ``add`` sees every header, as in Werkzeug.
        if arg is not None:
            for key, value in iter_items(arg):
                self.add(key, value)

        for key, value in iter_items(kwargs):
            self.add(key, value)

    def add(self, key, value, /, **kwargs):
        """Append a header, keeping any others of the same name.

        Keyword arguments become header parameters, with ``_`` in their names
        turned into ``-`` (``filename_star`` gives ``filename*``), rendered as
        :func:`~wrappers_pure.http.dump_options_header` renders them::

            h.add("Content-Disposition", "attachment", filename="foo.png")

        :param key: The header name; trusted application input.
        :param value: The value; converted with :class:`str`. A CR or LF raises
            :exc:`ValueError`.
        """
        self._list.append((key, _checked_value(key, value, kwargs)))

    def add_header(self, key, value, /, **kwargs):
        """Append a header; :mod:`wsgiref`'s name for :meth:`add`."""
        self.add(key, value, **kwargs)

    def set(self, key, value, /, **kwargs):
        """Replace every header named ``key`` (any case) with one header.

        The new header takes the place of the first old one, or goes at the
        end when there was none. Keyword arguments work as for :meth:`add`.

        :param key: The header name; trusted application input.
        :param value: The value; converted with :class:`str`. A CR or LF raises
            :exc:`ValueError`.
        """
        cdef list lst = self._list
        cdef Py_ssize_t idx, j, n
        cdef bint fast
        cdef object ikey

        value = _checked_value(key, value, kwargs)

        # Replace the first header of this name and drop the others, or append.
        fast = _is_fast_name(key)
        ikey = None if fast else key.lower()
        n = len(lst)

        for idx in range(n):
            if _matches((<tuple>lst[idx])[0], key, fast, ikey):
                lst[idx] = (key, value)

                # PERF: rebuild the tail only when it has another header of
                # this name.
                for j in range(idx + 1, len(lst)):
                    if _matches((<tuple>lst[j])[0], key, fast, ikey):
                        lst[idx + 1 :] = [
                            p
                            for p in lst[idx + 1 :]
                            if not _matches(p[0], key, fast, ikey)
                        ]
                        break

                return

        lst.append((key, value))

    def setlist(self, key, values):
        """Replace every header named ``key`` with one header per value.

        An empty ``values`` removes the header.

        :param key: The header name.
        :param values: The values; each checked like a value given to :meth:`add`.
        """
        if values:
            it = iter(values)
            self.set(key, next(it))

            for value in it:
                self.add(key, value)
        else:
            self.remove(key)

    def setdefault(self, key, default):
        """Return the first value for ``key``; if there is none, set the header
        to ``default`` first and return the value stored.

        :param key: The header name.
        :param default: The value to set when the header is missing.
        """
        # NOTE: a name that could never be stored is refused before the lookup
        # (TypeError or ValueError, not the lookup's AttributeError).
        _check_name(key)
        rv = self._find(key)

        if rv is _missing:
            self.set(key, default)
            rv = self._find(key)

        return rv

    def setlistdefault(self, key, default):
        """Return every value for ``key``; if there is none, set the header to
        the values of ``default`` first.

        The list returned is new: changing it does not change the headers.

        :param key: The header name.
        :param default: The values to set when the header is missing.
        """
        _check_name(key)

        if key not in self:
            self.setlist(key, default)

        return self.getlist(key)

    def __setitem__(self, key, value):
        """Set a header by name (like :meth:`set`), a pair by index, or pairs
        by slice."""
        if isinstance(key, str):
            self.set(key, value)
        elif isinstance(key, int):
            name = value[0]
            pair = (name, _str_value(value[1]))
            _check_name(name)
            self._list[key] = pair
        else:
            pairs = []

            for k, v in value:
                v = _str_value(v)
                _check_name(k)
                pairs.append((k, v))

            self._list[key] = pairs

    def update(self, arg=None, /, **kwargs):
        """Replace headers with those of ``arg`` and of the keyword arguments
        (:meth:`extend` keeps the old ones instead).

        For a Headers object or a multi-dict (anything with ``getlist`` and
        ``keys``) every name gets all its values (:meth:`setlist`); for a
        mapping a list, tuple or set value sets several headers and any other
        value one; for an iterable of pairs each pair is :meth:`set` in turn.
        """
        if arg is not None:
            if hasattr(arg, "getlist") and hasattr(arg, "keys"):
                for key in arg.keys():
                    self.setlist(key, arg.getlist(key))
            elif isinstance(arg, _Mapping):
                for key, value in arg.items():
                    if isinstance(value, MULTI_VALUE):
                        self.setlist(key, value)
                    else:
                        self.set(key, value)
            else:
                for key, value in arg:
                    self.set(key, value)

        for key, value in kwargs.items():
            if isinstance(value, MULTI_VALUE):
                self.setlist(key, value)
            else:
                self.set(key, value)

    def __or__(self, other):
        """A copy updated with the mapping ``other`` (see :meth:`update`)."""
        if not isinstance(other, _Mapping):
            return NotImplemented

        rv = self.copy()
        rv.update(other)
        return rv

    def __ior__(self, other):
        """Update in place from a mapping or an iterable of pairs (see :meth:`update`)."""
        if not isinstance(other, (_Mapping, _Iterable)):
            return NotImplemented

        self.update(other)
        return self

    # -- removals ------------------------------------------------------------

    def __delitem__(self, key):
        """Remove every header of a name (no error if there is none), or the
        pairs at an index or slice."""
        if isinstance(key, str):
            self._remove(key)
        else:
            del self._list[key]

    def remove(self, key):
        """Remove every header named ``key`` (any case); no error if there is none.

        :param key: The header name.
        """
        self._remove(key)

    cdef int _remove(self, object key) except -1:
        """Remove every header named ``key``, without going through a subclass."""
        cdef bint fast = _is_fast_name(key)
        cdef object ikey = None if fast else key.lower()

        self._list[:] = [p for p in self._list if not _matches(p[0], key, fast, ikey)]
        return 0

    def pop(self, key=None, default=_missing):
        """Remove and return a header.

        :param key: A name: remove every header of that name and return the
            first value. An index: remove and return that pair. None (the
            default): remove and return the last pair.
        :param default: Returned for a missing name; without it a missing name
            raises a :exc:`KeyError` subclass. (Missing indexes always raise
            :exc:`IndexError`.)
        """
        if key is None:
            return self._list.pop()

        if isinstance(key, int):
            return self._list.pop(key)

        rv = self._find(key)

        if rv is _missing:
            if default is not _missing:
                return default

            raise werkzeug_aware(BadRequestKeyError)(key)

        self.remove(key)
        return rv

    def popitem(self):
        """Remove and return the last ``(name, value)`` pair."""
        return self._list.pop()

    def clear(self):
        """Remove every header."""
        self._list.clear()

    # -- output and copies ---------------------------------------------------

    def to_wsgi_list(self):
        """Return the headers as a new list of ``(name, value)`` pairs, the form
        WSGI's ``start_response`` takes."""
        # PERF: copy the list unless a subclass iterates differently.
        if __wrappers_same_iter(self, _HeadersBase):
            return self._list[:]

        return list(self)

    def copy(self):
        """Return a new object of the same class with the same headers."""
        return self.__class__(self._list)

    def __copy__(self):
        """The same as :meth:`copy`."""
        return self.copy()

    def __reduce__(self):
        """Pickle support: ``cls.__new__(cls)`` plus ``(pairs, attributes)``."""
        # NOTE: both twins pickle as ``cls.__new__(cls)`` plus the state
        # ``(pairs, other instance attributes or None)``, so that the pickle of
        # a subclass loads on either twin. The public class is named through
        # the shim (``wrappers.Headers``), never as ``wrappers._headers``, so the
        # pickle loads where only the pure twin is there.
        attrs = getattr(self, "__dict__", None)
        state = (list(self._list), dict(attrs) if attrs else None)

        if self.__class__ is Headers:
            return (new_public, ("Headers",), state)

        return (_newobj, (self.__class__,), state)

    def __setstate__(self, state):
        """Restore the state :meth:`__reduce__` gave."""
        pairs, attrs = state

        if attrs:
            self.__dict__.update(attrs)

        self._list = [(k, v) for k, v in pairs]

    def __str__(self):
        """The header block as sent on the wire: ``Name: value`` lines, each
        ended by CRLF, then an empty line."""
        return "".join([f"{k}: {v}\r\n" for k, v in self.to_wsgi_list()]) + "\r\n"

    def __repr__(self):
        return f"{type(self).__name__}({list(self)!r})"


#: _HeadersBase's own ``extend`` and ``add``: while a class has them, the
#: constructor and ``extend`` check and store items directly instead of calling them.
cdef object _OWN_EXTEND = _HeadersBase.extend
cdef object _OWN_ADD = _HeadersBase.add


class Headers(_HeadersBase):
    """An ordered multi-dict of HTTP headers with case-insensitive names.

    It behaves like a dict for lookups, but keeps the order headers were added
    in, can hold the same name several times (``Set-Cookie``), and iterating it
    yields ``(name, value)`` pairs, which is what a WSGI server wants.

    ``headers[name]`` raises a :exc:`KeyError` subclass for a missing name
    (:mod:`wsgiref`'s Headers would return None); ``get`` returns a default.

    :param defaults: Initial headers: a Headers object, a mapping (a list, tuple
        or set value gives one header per item), a multi-dict, or an iterable
        of ``(name, value)`` pairs. They are checked like headers added later.

    Values that are not strings are converted with :class:`str`. A value with
    ``\\r`` or ``\\n`` raises :exc:`ValueError`, as in Werkzeug. Stricter than
    Werkzeug: a name that is not a ``str`` raises :exc:`TypeError`, and a name
    with a control character (CR, LF, NUL, TAB, ... or DEL) raises
    :exc:`ValueError`.
    """

    __hash__ = None


# -- the pair list, for the other compiled modules (cimported: _headers.pxd) --------
# NOTE: the response edits the pair list of a Headers object directly on its hot
# paths, while the object's class still has its own methods; these are those
# methods on the list, and the test of whether the shortcut applies.

#: PERF: whether the last Headers (sub)class seen overrides none of the methods
#: the shortcuts stand in for; valid while the type's version tag is unchanged.
cdef _TypeCache _HEADERS_CACHE
_HEADERS_CACHE.tp = NULL

cdef object _OWN_HSET = _HeadersBase.__dict__["set"]
cdef object _OWN_HADD = _HeadersBase.__dict__["add"]
cdef object _OWN_HSETITEM = _HeadersBase.__dict__["__setitem__"]
cdef object _OWN_HGET = _HeadersBase.__dict__["get"]
cdef object _OWN_HCONTAINS = _HeadersBase.__dict__["__contains__"]
cdef tuple _EMPTY_TUPLE = ()


cdef object _clean_value(object value):
    """The value a Headers object stores for ``value``: ``str``, free of CR/LF."""
    cdef Py_ssize_t n

    # A str subclass is kept as it is, as Headers and Werkzeug keep it.
    if not isinstance(value, str):
        value = str(value)

    n = PyUnicode_GET_LENGTH(value)

    if (
        PyUnicode_FindChar(value, 10, 0, n, 1) != -1
        or PyUnicode_FindChar(value, 13, 0, n, 1) != -1
    ):
        raise ValueError(NEWLINE_IN_VALUE)

    return value


cdef bint _plain_headers(object headers) noexcept:
    """Whether ``headers`` is our compiled Headers with its own ``set``,
    ``add``, ``__setitem__``, ``get`` and ``__contains__`` (then its pair list
    may be read and written directly)."""
    cdef bint found = False
    cdef bint plain

    if not isinstance(headers, _HeadersBase):
        return False

    plain = _cached_plain(&_HEADERS_CACHE, Py_TYPE(headers), &found)

    if found:
        return plain

    plain = (
        _has_own(headers, "set", _OWN_HSET)
        and _has_own(headers, "add", _OWN_HADD)
        and _has_own(headers, "__setitem__", _OWN_HSETITEM)
        and _has_own(headers, "get", _OWN_HGET)
        and _has_own(headers, "__contains__", _OWN_HCONTAINS)
    )
    _cache_plain(&_HEADERS_CACHE, Py_TYPE(headers), plain)
    return plain


cdef int _list_set(list lst, str lname, tuple pair) except -1:
    """``Headers.set`` on a pair list: replace the first header named ``lname``
    (any case) with ``pair`` and drop the others, or append ``pair``."""
    cdef Py_ssize_t i, j

    for i in range(len(lst)):
        if _is_name((<tuple>lst[i])[0], lname):
            lst[i] = pair

            for j in range(i + 1, len(lst)):
                if _is_name((<tuple>lst[j])[0], lname):
                    lst[i + 1 :] = [p for p in lst[i + 1 :] if not _is_name(p[0], lname)]
                    break

            return 0

    lst.append(pair)
    return 0


cdef int _set_header(object headers, str lname, str name, object value, tuple pair) except -1:
    """``headers[name] = value``; ``pair`` is ``(name, value)`` when the value is
    known to be clean already (else None)."""
    if _plain_headers(headers):
        if pair is None:
            pair = (name, _clean_value(value))

        _list_set((<_HeadersBase>headers)._list, lname, pair)
    else:
        headers[name] = value if pair is None else pair[1]

    return 0


cdef Py_ssize_t _pair_index(list lst, str lname) except -2:
    """The index of the first pair named ``lname`` (any case), or -1."""
    cdef Py_ssize_t i

    for i in range(len(lst)):
        if _is_name((<tuple>lst[i])[0], lname):
            return i

    return -1


cdef object _header_get(object headers, str lname, str name):
    """``headers.get(name)``, read from the pair list of a plain Headers object."""
    cdef Py_ssize_t i

    if _plain_headers(headers):
        i = _pair_index((<_HeadersBase>headers)._list, lname)
        return None if i < 0 else (<tuple>(<_HeadersBase>headers)._list[i])[1]

    return headers.get(name)


cdef bint _header_in(object headers, str lname, str name) except -1:
    """``name in headers``, read from the pair list of a plain Headers object."""
    if _plain_headers(headers):
        return _pair_index((<_HeadersBase>headers)._list, lname) >= 0

    return name in headers


cdef _HeadersBase _new_headers():
    """``_HeadersBase.__new__(Headers)``, calling its tp_new directly."""
    cdef object cls = Headers
    cdef object rv = __wrappers_base_new(_HeadersBase, cls, _EMPTY_TUPLE)

    if rv is None:
        return _HeadersBase.__new__(cls)

    return <_HeadersBase>rv


include "_headers_environ.pxi"


__all__ = ["EnvironHeaders", "Headers"]
