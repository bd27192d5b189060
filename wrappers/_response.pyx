# cython: language_level=3, embedsignature=True, binding=True
"""The :class:`Response` object (compiled twin of ``wrappers_pure/response.py``).

Behaviour is Werkzeug 3.1's ``werkzeug.wrappers.Response``.

NOTE: this module mirrors ``wrappers_pure/response.py``. The typed state and
the hot paths (construction, ``set_data``, the WSGI call, the body iterator,
``set_cookie``) live in the ``cdef class`` :class:`_ResponseBase`; the public
:class:`Response` is an ordinary Python class over it, so that it can be
patched, takes instance attributes and weak references, and allows
``__class__`` assignment between its subclasses. Cold properties and methods
(header properties, JSON, ``mimetype_params``, ...) are the pure twin's own
objects, taken from its class, so both twins share them line for line.

Every overridable setting (``default_status``, ``default_mimetype``,
``autocorrect_location_header``, ``automatically_set_content_length``,
``implicit_sequence_conversion``, ``max_cookie_size``, ``json_module``) is read
by ordinary attribute lookup each time. Where Werkzeug calls a method or a
property through ``self`` (``set_data``, ``iter_encoded``, ``close``,
``status``, ...), the C code takes a shortcut only while the class still has
this module's own attribute (checked with ``_PyType_Lookup``, which uses the
type cache); a subclass that overrides it gets it called.
"""

cimport cython
from cpython.dict cimport PyDict_GetItemWithError
from cpython.long cimport PyLong_AsLongAndOverflow
from cpython.object cimport PyObject
from cpython.object cimport PyTypeObject
from cpython.unicode cimport PyUnicode_AsUTF8String

from wrappers._capi cimport PyUnicode_1BYTE_DATA
from wrappers._capi cimport PyUnicode_FindChar
from wrappers._capi cimport PyUnicode_GET_LENGTH
from wrappers._capi cimport PyUnicode_IS_ASCII
from wrappers._capi cimport Py_TYPE
from wrappers._capi cimport _PyType_Lookup
from wrappers._capi cimport __wrappers_same_iter
from wrappers._capi cimport _has_own
from wrappers._headers cimport _HeadersBase

import copyreg
import json

from urllib.parse import urljoin

from wrappers._headers import Headers
from wrappers._http import dump_cookie
from wrappers_pure import response as _pure
from wrappers_pure.headers import NEWLINE_IN_VALUE
from wrappers_pure.http import HTTP_STATUS_CODES
from wrappers_pure.response import CONTROL_IN_STATUS
from wrappers_pure.response import ResponseStream
from wrappers_pure.response import _content_type
from wrappers_pure.response import _is_foreign_response
from wrappers_pure.response import _request_url
from wrappers_pure.response import _run_app
from wrappers_pure.response import _url_for_wire


cdef extern from *:
    """
    /* An empty list with room for n items: appending up to n items allocates
       nothing (list_resize keeps an allocation between n/2 and n). */
    static PyObject *__wrappers_list_with_room(Py_ssize_t n) {
        PyObject *lst = PyList_New(n);
        if (lst != NULL) {
            Py_SET_SIZE(lst, 0);
        }
        return lst;
    }
    """
    list __wrappers_list_with_room(Py_ssize_t n)


cdef extern from *:
    """
    /* PERF: the next item of an iterator, or ``exhausted`` (a new reference)
       when it has none, without making a StopIteration; NULL on error. */
    static PyObject *__wrappers_next(PyObject *it, PyObject *exhausted) {
        PyObject *item = (*Py_TYPE(it)->tp_iternext)(it);
        if (item != NULL) {
            return item;
        }
        if (PyErr_Occurred()) {
            if (!PyErr_ExceptionMatches(PyExc_StopIteration)) {
                return NULL;
            }
            PyErr_Clear();
        }
        Py_INCREF(exhausted);
        return exhausted;
    }
    """
    object __wrappers_next(object it, object exhausted)


#: What __wrappers_next gives for an exhausted iterator.
cdef object _EXHAUSTED = object()


cdef extern from *:
    """
    /* The version tag of an object's type, 0 when it has no valid one. CPython
       gives a type a new tag (never reused) whenever it or a base changes. */
    static CYTHON_INLINE unsigned int __wrappers_type_version(PyTypeObject *tp) {
        return PyType_HasFeature(tp, Py_TPFLAGS_VALID_VERSION_TAG) ? tp->tp_version_tag : 0;
    }
    """
    unsigned int __wrappers_type_version(PyTypeObject* tp) noexcept


cdef object _newobj = copyreg.__newobj__

# NOTE: constants and cold helpers (URLs, running an app, the header
# properties) live once, in the pure twin, and are used from there.


# -- small helpers -------------------------------------------------------------


cdef struct _TypeCache:
    PyTypeObject* tp
    unsigned int version
    bint plain


cdef inline bint _cached_plain(_TypeCache* cache, PyTypeObject* tp, bint* found) noexcept:
    """The cached answer for ``tp``, if the cache holds ``tp`` at its current version."""
    cdef unsigned int v = __wrappers_type_version(tp)

    found[0] = v != 0 and cache.tp == tp and cache.version == v
    return cache.plain


cdef inline void _cache_plain(_TypeCache* cache, PyTypeObject* tp, bint plain) noexcept:
    cdef unsigned int v = __wrappers_type_version(tp)

    if v != 0:
        cache.tp = tp
        cache.version = v
        cache.plain = plain


#: PERF: whether the last Response (sub)class seen overrides none of the
#: attributes the C code takes shortcuts for, and the same for Headers; valid
#: while the type's version tag is unchanged (any class or base change, a
#: patch included, gives the type a new tag).
cdef _TypeCache _RESPONSE_CACHE
cdef _TypeCache _HEADERS_CACHE
_RESPONSE_CACHE.tp = NULL
_HEADERS_CACHE.tp = NULL


cdef bint _plain_response(object self) noexcept:
    """Whether ``type(self)`` still has every hook of :class:`_ResponseBase`."""
    cdef bint found = False
    cdef bint plain = _cached_plain(&_RESPONSE_CACHE, Py_TYPE(self), &found)

    if found:
        return plain

    plain = (
        _has_own(self, "status", _OWN_STATUS)
        and _has_own(self, "status_code", _OWN_STATUS_CODE)
        and _has_own(self, "set_data", _OWN_SET_DATA)
        and _has_own(self, "iter_encoded", _OWN_ITER_ENCODED)
        and _has_own(self, "is_sequence", _OWN_IS_SEQUENCE)
        and _has_own(self, "close", _OWN_CLOSE)
        and _has_own(self, "_on_close", _OWN_ON_CLOSE)
        and _has_own(self, "get_wsgi_headers", _OWN_GET_WSGI_HEADERS)
        and _has_own(self, "get_app_iter", _OWN_GET_APP_ITER)
        and _has_own(self, "get_wsgi_response", _OWN_GET_WSGI_RESPONSE)
    )
    _cache_plain(&_RESPONSE_CACHE, Py_TYPE(self), plain)
    return plain


cdef inline bint _own(object self, str name, object own) noexcept:
    """Whether ``type(self).<name>`` is still ``own`` (see :func:`_has_own`)."""
    return _plain_response(self) or _has_own(self, name, own)


cdef inline bint _is_name(object k, str lname) except -1:
    """Whether the header name ``k`` equals the lower-case ASCII ``lname`` in any
    case, exactly as ``k.lower() == lname``."""
    cdef Py_ssize_t n, i
    cdef unsigned char c
    cdef unsigned char* p
    cdef unsigned char* q

    if type(k) is str and PyUnicode_IS_ASCII(k):
        n = PyUnicode_GET_LENGTH(k)

        if n != PyUnicode_GET_LENGTH(lname):
            return False

        p = PyUnicode_1BYTE_DATA(k)
        q = PyUnicode_1BYTE_DATA(lname)

        for i in range(n):
            c = p[i]

            if <unsigned char>(c - 65) < 26:
                c += 32

            if c != q[i]:
                return False

        return True

    # NOTE: a non-ASCII name can lower to ASCII (KELVIN SIGN -> "k").
    return k.lower() == lname


cdef inline object _clean_value(object value):
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


cdef inline bint _plain_headers(object headers) noexcept:
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


cdef extern from *:
    """
    /* PERF: ``base.__new__(cls)`` for a ``cls`` whose tp_new is ``base``'s own
       (what tp_new_wrapper would call, without its argument tuple); None
       when the shortcut does not apply. */
    static PyObject *__wrappers_base_new(PyObject *base, PyObject *cls, PyObject *empty) {
        if (!PyType_Check(cls)
            || ((PyTypeObject *)cls)->tp_new != ((PyTypeObject *)base)->tp_new
            || !PyType_IsSubtype((PyTypeObject *)cls, (PyTypeObject *)base)) {
            Py_INCREF(Py_None);
            return Py_None;
        }
        return ((PyTypeObject *)cls)->tp_new((PyTypeObject *)cls, empty, NULL);
    }

    typedef PyObject *(*__wrappers_vectorcallfunc)(PyObject *, PyObject *const *, size_t, PyObject *);

    /* What calling the type object does when it has no vectorcall of its own:
       the metatype's tp_call (type_call) with a tuple and a dict. */
    static PyObject *__wrappers_type_call(PyObject *tp, PyObject *const *args, size_t nargsf, PyObject *kwnames) {
        Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
        Py_ssize_t nkw = kwnames == NULL ? 0 : PyTuple_GET_SIZE(kwnames);
        Py_ssize_t i;
        PyObject *argtuple, *kwdict = NULL, *result;
        ternaryfunc call = Py_TYPE(tp)->tp_call;

        if (call == NULL) {
            PyErr_Format(PyExc_TypeError, "'%.200s' object is not callable", Py_TYPE(tp)->tp_name);
            return NULL;
        }
        argtuple = PyTuple_New(nargs);
        if (argtuple == NULL) {
            return NULL;
        }
        for (i = 0; i < nargs; i++) {
            Py_INCREF(args[i]);
            PyTuple_SET_ITEM(argtuple, i, args[i]);
        }
        if (nkw) {
            kwdict = PyDict_New();
            if (kwdict == NULL) {
                Py_DECREF(argtuple);
                return NULL;
            }
            for (i = 0; i < nkw; i++) {
                if (PyDict_SetItem(kwdict, PyTuple_GET_ITEM(kwnames, i), args[nargs + i]) < 0) {
                    Py_DECREF(argtuple);
                    Py_DECREF(kwdict);
                    return NULL;
                }
            }
        }
        if (Py_EnterRecursiveCall(" while calling a Python object")) {
            result = NULL;
        } else {
            result = call(tp, argtuple, kwdict);
            Py_LeaveRecursiveCall();
        }
        Py_DECREF(argtuple);
        Py_XDECREF(kwdict);
        return result;
    }

    static CYTHON_INLINE newfunc __wrappers_tp_new_of(PyObject *tp) { return ((PyTypeObject *)tp)->tp_new; }
    /* A new instance of ``tp`` from its own tp_new (no arguments). */
    static CYTHON_INLINE PyObject *__wrappers_call_tp_new(PyObject *tp, PyObject *empty) {
        return ((PyTypeObject *)tp)->tp_new((PyTypeObject *)tp, empty, NULL);
    }
    static CYTHON_INLINE initproc __wrappers_tp_init_of(PyObject *tp) { return ((PyTypeObject *)tp)->tp_init; }
    static CYTHON_INLINE void __wrappers_set_vectorcall(PyObject *tp, __wrappers_vectorcallfunc f) {
        ((PyTypeObject *)tp)->tp_vectorcall = (vectorcallfunc)f;
    }
    """
    ctypedef void* newfunc
    ctypedef void* initproc
    ctypedef object (*__wrappers_vectorcallfunc)(object, PyObject**, size_t, PyObject*)
    object __wrappers_base_new(object base, object cls, object empty)
    object __wrappers_type_call(object tp, PyObject** args, size_t nargsf, PyObject* kwnames)
    newfunc __wrappers_tp_new_of(object tp) noexcept
    object __wrappers_call_tp_new(object tp, object empty)
    initproc __wrappers_tp_init_of(object tp) noexcept
    void __wrappers_set_vectorcall(object tp, __wrappers_vectorcallfunc f) noexcept
    Py_ssize_t PyVectorcall_NARGS(size_t nargsf) noexcept
    Py_ssize_t PyTuple_GET_SIZE(PyObject* o) noexcept
    PyObject* PyTuple_GET_ITEM(PyObject* o, Py_ssize_t i) noexcept


cdef tuple _EMPTY_TUPLE = ()


cdef _HeadersBase _new_headers():
    """``_HeadersBase.__new__(Headers)``, calling its tp_new directly."""
    cdef object cls = Headers
    cdef object rv = __wrappers_base_new(_HeadersBase, cls, _EMPTY_TUPLE)

    if rv is None:
        return _HeadersBase.__new__(cls)

    return <_HeadersBase>rv


#: ``("Content-Length", str(n))`` for small ``n``, made once and shared: tuples
#: and strings are immutable, so every response may hold the same objects.
cdef list _LENGTH_PAIRS = [None] * 2048


cdef inline tuple _length_pair(Py_ssize_t n):
    cdef object pair

    if 0 <= n < 2048:
        pair = _LENGTH_PAIRS[n]

        if pair is None:
            pair = ("Content-Length", str(n))
            _LENGTH_PAIRS[n] = pair

        return <tuple>pair

    return ("Content-Length", str(n))


#: ``("Content-Type", get_content_type(mimetype))`` by mimetype, shared likewise
#: (only values already accepted by Headers; at most 256 of them).
cdef dict _CONTENT_TYPE_PAIRS = {}


cdef tuple _content_type_pair(object mimetype):
    """The ``Content-Type`` pair for ``mimetype`` (Werkzeug's charset rule)."""
    cdef object pair

    if type(mimetype) is str:
        pair = _CONTENT_TYPE_PAIRS.get(mimetype)

        if pair is not None:
            return <tuple>pair

        pair = ("Content-Type", _clean_value(_content_type(mimetype)))

        if len(_CONTENT_TYPE_PAIRS) < 256:
            _CONTENT_TYPE_PAIRS[mimetype] = pair

        return <tuple>pair

    return ("Content-Type", _clean_value(_content_type(mimetype)))


#: ``code -> (phrase, "code PHRASE")``: status lines made once. The phrase is
#: looked up in HTTP_STATUS_CODES each time (it may be changed), and the cached
#: line is used only while that phrase is the same object.
cdef dict _STATUS_LINES = {}


cdef object _status_line(object code):
    """``"{code} {PHRASE}"``, or ``"{code} UNKNOWN"`` for a code without a phrase."""
    cdef object phrase
    cdef object cached

    try:
        phrase = HTTP_STATUS_CODES[code]
    except KeyError:
        return f"{code} UNKNOWN"

    cached = _STATUS_LINES.get(code)

    if cached is not None and (<tuple>cached)[0] is phrase:
        return (<tuple>cached)[1]

    line = f"{code} {phrase.upper()}"

    if type(code) is int and len(_STATUS_LINES) < 1024:
        _STATUS_LINES[code] = (phrase, line)

    return line


cdef tuple _clean_status(object value):
    """``(status line, status code)`` for a status given as int, HTTPStatus or str."""
    cdef object code
    cdef Py_UCS4 c

    if type(value) is int:
        code = value
    elif isinstance(value, int):
        # NOTE: HTTPStatus and bool are int subclasses.
        code = int(value)
    else:
        # NOTE: anything else goes through str's methods, so a wrong type raises
        # what Werkzeug raises (AttributeError, TypeError). Stricter than
        # Werkzeug: a string with a control character (checked before strip).
        if isinstance(value, str):
            for c in <str>value:
                if c < 0x20 or c == 0x7f:
                    raise ValueError(CONTROL_IN_STATUS)

        value = value.strip()

        if not value:
            raise ValueError("Empty status argument")

        code_str, sep, _ = value.partition(" ")

        try:
            code = int(code_str)
        except ValueError:
            return f"0 {value}", 0

        if sep:
            return value, code

    return _status_line(code), code


cdef inline object _encode(object item):
    """An item of the body as the WSGI server gets it: ``str`` encoded as UTF-8,
    anything else as it is (as Werkzeug's ``iter_encoded``)."""
    if type(item) is bytes:
        return item

    if type(item) is str:
        return PyUnicode_AsUTF8String(item)

    if isinstance(item, str):
        return item.encode()

    return item


cdef inline Py_ssize_t _encoded_len(object item) except -1:
    """``len(_encode(item))``, without encoding ASCII text."""
    if type(item) is bytes:
        return len(<bytes>item)

    if type(item) is str and PyUnicode_IS_ASCII(item):
        return PyUnicode_GET_LENGTH(item)

    return len(_encode(item))


#: ASCII characters that Werkzeug's ``iri_to_uri`` leaves as they are in a
#: path and in a query (``?`` only starts or continues the query): letters,
#: digits, ``-._~`` and the "safe" sets it gives :func:`urllib.parse.quote`.
cdef unsigned char _URI_SAFE[128]


cdef int _init_uri_safe() except -1:
    cdef int i

    for i in range(128):
        _URI_SAFE[i] = 0

    for ch in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~%!$&'()*+,/:;=@":
        _URI_SAFE[ord(ch)] = 1

    _URI_SAFE[ord("?")] = 1
    return 0


_init_uri_safe()


cdef inline bint _uri_unchanged(object value) noexcept:
    """Whether Werkzeug's ``iri_to_uri`` returns ``value`` as it is, for the
    common redirect target: an ASCII path starting with one ``/`` made of safe
    characters, with an optional non-empty query, without a fragment.

    NOTE: anything else (absolute URLs, ``//host``, characters to quote, ``#``,
    an empty query) goes to the pure twin's :func:`_url_for_wire`.
    """
    cdef Py_ssize_t n, i
    cdef unsigned char c
    cdef unsigned char* p

    if type(value) is not str or not PyUnicode_IS_ASCII(value):
        return False

    n = PyUnicode_GET_LENGTH(value)

    if n == 0:
        return False

    p = PyUnicode_1BYTE_DATA(value)

    if p[0] != 47 or (n > 1 and p[1] == 47):  # "/" but not "//"
        return False

    for i in range(1, n):
        c = p[i]

        if c >= 128 or not _URI_SAFE[c]:
            return False

    # An empty query ("/a?") is dropped by iri_to_uri (a conservative test:
    # "/a??" takes the slow path too, with the same result).
    return p[n - 1] != 63


cdef inline object _to_uri(object value):
    """The pure twin's ``_url_for_wire(value)`` (Werkzeug's ``iri_to_uri`` with
    a TAB sent as ``%09``), C-fast for plain paths."""
    if _uri_unchanged(value):
        return value

    return _url_for_wire(value)


# -- the body iterator -----------------------------------------------------------

cdef enum:
    _DONE = 0      # exhausted, closed, or the empty body
    _SEQ = 1       # encoding the items of a list or tuple, by index
    _LAZY = 2      # encoding the items of any iterable (iter() on the first next)
    _RAW = 3       # passing through an iterator (a subclass's iter_encoded())


@cython.final
@cython.auto_pickle(False)
cdef class _BodyIterator:
    """The WSGI iterable of a response, and what :meth:`Response.iter_encoded` gives.

    It replaces Werkzeug's ``ClosingIterator`` over the ``iter_encoded()``
    generator with one object of the same observable behaviour: ``str`` items
    are encoded as UTF-8 while iterating, an error ends the encoding as it ends
    a generator, and :meth:`close` ends the iteration, then calls the
    iterable's ``close`` (for a subclass's ``iter_encoded()`` result) and the
    response's :meth:`~Response.close`, on every call.
    """

    cdef object _resp          # the response whose close() to call, or None
    cdef object _seq           # _SEQ: the list or tuple
    cdef Py_ssize_t _pos       # _SEQ: the next index
    cdef object _src           # _LAZY: the iterable, until the first next()
    cdef object _it            # _LAZY after the first next(), _RAW: the iterator
    cdef object _inner_close   # _RAW: the close of the iterable, or None
    cdef int _mode

    def __iter__(self):
        return self

    def __next__(self):
        cdef object item
        cdef object seq

        if self._mode == _SEQ:
            seq = self._seq

            # NOTE: by index, like a list iterator: items appended meanwhile count.
            if type(seq) is list:
                if self._pos < len(<list>seq):
                    item = (<list>seq)[self._pos]
                    self._pos += 1
                else:
                    self._finish()
                    raise StopIteration
            elif self._pos < len(<tuple>seq):
                item = (<tuple>seq)[self._pos]
                self._pos += 1
            else:
                self._finish()
                raise StopIteration

            if type(item) is bytes:
                return item

            try:
                return _encode(item)
            except BaseException:
                self._finish()
                raise

        if self._mode == _LAZY:
            try:
                if self._it is None:
                    self._it = iter(self._src)
                    self._src = None

                item = __wrappers_next(self._it, _EXHAUSTED)

                if item is not _EXHAUSTED:
                    return _encode(item)
            except BaseException:
                # NOTE: as a generator, the iteration ends with any error.
                self._finish()
                raise

            self._finish()
            raise StopIteration

        if self._mode == _RAW:
            return next(self._it)

        raise StopIteration

    cdef inline void _finish(self) noexcept:
        if self._mode != _RAW:
            self._mode = _DONE
            self._seq = None
            self._src = None
            self._it = None

    def close(self):
        """End the iteration and release the body, then call the response's
        :meth:`~Response.close` (each time this is called)."""
        cdef object resp

        if self._mode == _RAW:
            if self._inner_close is not None:
                self._inner_close()
        else:
            self._finish()

        resp = self._resp

        if resp is not None:
            if _own(resp, "close", _OWN_CLOSE):
                _close(<_ResponseBase>resp)
            else:
                resp.close()


cdef _BodyIterator _encoding_iterator(object body, object resp):
    """A :class:`_BodyIterator` encoding the items of ``body``."""
    cdef _BodyIterator it = _BodyIterator.__new__(_BodyIterator)

    it._resp = resp

    if type(body) is list or type(body) is tuple:
        it._seq = body
        it._mode = _SEQ
    else:
        it._src = body
        it._mode = _LAZY

    return it


cdef _BodyIterator _raw_iterator(object iterable, object resp):
    """A :class:`_BodyIterator` over what a subclass's ``iter_encoded`` gave,
    taking its ``close`` as Werkzeug's ``ClosingIterator`` does."""
    cdef _BodyIterator it = _BodyIterator.__new__(_BodyIterator)

    it._resp = resp
    it._it = iter(iterable)
    it._inner_close = getattr(iterable, "close", None)
    it._mode = _RAW
    return it


cdef _BodyIterator _empty_iterator(object resp):
    """A :class:`_BodyIterator` with no items (HEAD, 1xx, 204, 304)."""
    cdef _BodyIterator it = _BodyIterator.__new__(_BodyIterator)

    it._resp = resp
    it._mode = _DONE
    return it


# -- the response ------------------------------------------------------------------


cdef enum:
    _BODY = 0          # a body may be sent
    _NO_LENGTH = 1     # 1xx or 204: no body, no Content-Length
    _NOT_MODIFIED = 2  # 304: no body, no entity headers


@cython.auto_pickle(False)
@cython.embedsignature(False)
cdef class _ResponseBase:
    """_ResponseBase(response=None, status=None, headers=None, mimetype=None, content_type=None, direct_passthrough=False)
--

The compiled state and hot paths of :class:`Response`; use :class:`Response`.
    """
    # NOTE: the first lines above are a text signature (hence embedsignature
    # is off here); they give ``inspect.signature(Response)`` the pure twin's
    # constructor signature.

    # NOTE: the instance attributes of Werkzeug's Response are C fields here,
    # reached through descriptors of the same names, so that Werkzeug's own
    # methods (``type("X", (werkzeug.test.TestResponse, Response), {})``) store
    # into them. They hold any object, as Werkzeug's attributes do.

    #: The response headers (a :class:`Headers` object).
    cdef public object headers
    #: The body: a list of bytes for a fixed-length body, any iterable else.
    cdef public object response
    #: Pass :attr:`response` as the WSGI iterable without encoding it.
    cdef public object direct_passthrough
    cdef object _status_line           # ``_status``
    cdef object _status_code_obj       # ``_status_code``
    cdef object _on_close_list         # ``_on_close``, made on first use

    def __init__(
        self,
        response=None,
        status=None,
        headers=None,
        mimetype=None,
        content_type=None,
        direct_passthrough=False,
    ):
        """__init__(self, response=None, status=None, headers=None, mimetype=None, content_type=None, direct_passthrough=False)
--

Initialize self.  See help(type(self)) for accurate signature."""
        # NOTE: the first lines of the docstrings of the special methods are
        # text signatures, which give ``inspect.signature`` Werkzeug's (and the
        # pure twin's) parameters; the rest is what ``inspect.getdoc`` gives for
        # the pure twin's method.
        _response_init(self, response, status, headers, mimetype, content_type, direct_passthrough)

    # -- private state, under Werkzeug's names -----------------------------------

    @property
    def _status(self):
        return self._status_line

    @_status.setter
    def _status(self, value):
        self._status_line = value

    @property
    def _status_code(self):
        return self._status_code_obj

    @_status_code.setter
    def _status_code(self, value):
        self._status_code_obj = (value)

    @property
    def _on_close(self):
        if self._on_close_list is None:
            self._on_close_list = []

        return self._on_close_list

    @_on_close.setter
    def _on_close(self, value):
        self._on_close_list = value

    # -- status ------------------------------------------------------------------

    def call_on_close(self, func):
        """Have :meth:`close` call ``func``; return ``func`` (so this works as
        a decorator).

        :param func: Called with no arguments.
        """
        self._on_close.append(func)
        return func

    def __repr__(self):
        """__repr__(self)
--

Return repr(self)."""
        if self.is_sequence:
            body_info = f"{sum(map(len, self.iter_encoded()))} bytes"
        else:
            body_info = "streamed" if self.is_streamed else "likely-streamed"

        return f"<{type(self).__name__} {body_info} [{self.status}]>"

    @property
    def status_code(self):
        """The status code, such as ``200``; setting it sets :attr:`status` too."""
        return self._status_code_obj

    @status_code.setter
    def status_code(self, code):
        if _own(self, "status", _OWN_STATUS):
            _set_status(self, code)
        else:
            self.status = code

    @property
    def status(self):
        """The status line, such as ``"200 OK"``.

        Set it to an int, an :class:`~http.HTTPStatus` or a string, as for the
        ``status`` parameter; :attr:`status_code` follows.
        """
        return self._status_line

    @status.setter
    def status(self, value):
        _set_status(self, value)

    # -- cookies -------------------------------------------------------------------

    def set_cookie(
        self,
        key,
        value="",
        max_age=None,
        expires=None,
        path="/",
        domain=None,
        secure=False,
        httponly=False,
        samesite=None,
        partitioned=False,
    ):
        """Add a ``Set-Cookie`` header (see
        :func:`~wrappers_pure.http.dump_cookie`). A warning is issued when it
        is longer than :attr:`max_cookie_size`; it is set anyway.

        :param key: The cookie's name.
        :param value: The cookie's value.
        :param max_age: Seconds (or a :class:`~datetime.timedelta`) until the
            cookie expires; None for a cookie that ends with the browser
            session.
        :param expires: When the cookie expires: a datetime, a UNIX timestamp
            or a date string.
        :param path: The path the cookie is sent for; None for the path of the
            request that set it.
        :param domain: The domain the cookie is sent to (and its subdomains);
            None for the host that set it only.
        :param secure: Send the cookie over HTTPS only.
        :param httponly: Hide the cookie from JavaScript.
        :param samesite: ``"Strict"``, ``"Lax"`` or ``"None"``: when the cookie
            is sent with cross-site requests.
        :param partitioned: Keep the cookie in storage partitioned by the
            top-level site.
        """
        # NOTE: positional, in dump_cookie's parameter order (sync_expires=True).
        cookie = dump_cookie(
            key,
            value,
            max_age,
            expires,
            path,
            domain,
            secure,
            httponly,
            True,
            self.max_cookie_size,
            samesite,
            partitioned,
        )
        headers = self.headers

        if _plain_headers(headers):
            (<_HeadersBase>headers)._list.append(("Set-Cookie", _clean_value(cookie)))
        else:
            headers.add("Set-Cookie", cookie)

    def delete_cookie(
        self,
        key,
        path="/",
        domain=None,
        secure=False,
        httponly=False,
        samesite=None,
        partitioned=False,
    ):
        """Tell the client to delete a cookie: set it empty and expired. The
        other parameters must match those the cookie was set with.

        :param key: The cookie's name.
        :param path: The path it was set for.
        :param domain: The domain it was set for.
        :param secure: Send the deletion over HTTPS only.
        :param httponly: Hide it from JavaScript.
        :param samesite: As for :meth:`set_cookie`.
        :param partitioned: As for :meth:`set_cookie`.
        """
        self.set_cookie(
            key,
            expires=0,
            max_age=0,
            path=path,
            domain=domain,
            secure=secure,
            httponly=httponly,
            samesite=samesite,
            partitioned=partitioned,
        )

    # -- body ----------------------------------------------------------------------

    @classmethod
    def from_app(cls, app, environ, buffered=False):
        """Call a WSGI application and return its response as an instance of
        this class.

        :param app: The WSGI application.
        :param environ: The WSGI environ (or a request object with one) to
            call it with; a copy is passed.
        :param buffered: Read the whole body into a list (and close the
            application's iterable) right away. Otherwise the body is read as
            it is sent, after what the application passed to ``write``.
        """
        return cls(*_run_app(app, environ, buffered))

    @classmethod
    def force_type(cls, response, environ=None):
        """Return ``response`` as an instance of this class.

        A response of this implementation has its class changed in place and
        is returned. A response object of another implementation (such as
        Werkzeug's) is taken over: its status, headers (copied), body, direct
        passthrough and close callbacks. Any other WSGI application is called
        with ``environ`` and its response returned.

        :param response: A response object or a WSGI application.
        :param environ: The WSGI environ to call an application with.
        :raises TypeError: An application without an environ.
        """
        if not isinstance(response, Response):
            if _is_foreign_response(response):
                rv = Response(None, response.status)
                rv.headers = Headers(response.headers)
                rv.response = response.response
                rv.direct_passthrough = bool(
                    getattr(response, "direct_passthrough", False)
                )
                rv._on_close = list(getattr(response, "_on_close", ()))
                response = rv
            elif environ is None:
                raise TypeError(
                    "cannot convert WSGI application into response"
                    " objects without an environ"
                )
            else:
                response = Response(*_run_app(response, environ, False))

        response.__class__ = cls
        return response

    def get_data(self, as_text=False):
        """Return the whole body as bytes, reading a streamed body into a
        list first (see :attr:`implicit_sequence_conversion`).

        :param as_text: Return it decoded from UTF-8 instead.
        """
        return _get_data(self, as_text)

    def set_data(self, value):
        """Replace the body with ``value`` (a string is encoded as UTF-8) and
        set ``Content-Length`` (see :attr:`automatically_set_content_length`).

        :param value: The new body, a string or bytes.
        """
        _set_data(self, value)

    @property
    def data(self):
        """The body as bytes: :meth:`get_data` to read, :meth:`set_data` to write."""
        # NOTE: as Werkzeug's ``property(get_data, set_data)``, this uses this
        # class's get_data and set_data even where a subclass overrides them.
        return _get_data(self, False)

    @data.setter
    def data(self, value):
        _set_data(self, value)

    def add_etag(self, overwrite=False, weak=False):
        """Set an ``ETag`` made from the body (its SHA-1 in hex), unless the
        response already has one.

        This reads the whole body (see :meth:`get_data`).

        :param overwrite: Replace an existing ``ETag``.
        :param weak: Send it as a weak tag.
        """
        _add_etag(self, overwrite, weak)

    def make_conditional(self, request_or_environ, accept_ranges=False, complete_length=None):
        """Answer the request's conditional headers, changing this response in
        place, and return it.

        Only for a GET or HEAD request: set ``Date`` when missing; with
        ``accept_ranges``, send ``Accept-Ranges`` and, for a satisfiable single
        ``Range`` (still wanted per ``If-Range``), make this a 206 response
        holding that part of the body; else make it a 304 when ``If-None-Match``
        or ``If-Modified-Since`` says the client's copy is current, or when an
        ``If-Match`` does not hold the ETag; a request with ``If-Match`` never
        gets 304: where it would, it gets 412. ``Content-Length`` is set when the
        body's length is known. The body itself is dropped on the way out (see
        :meth:`get_app_iter`). Give the response an ``ETag`` (:meth:`add_etag`)
        or ``Last-Modified`` first, or only ``Date`` is set.

        A body that is seekable (``seekable()``, ``seek`` and ``tell``, such as a
        file) is seeked to the range; any other body is read up to it.

        :param request_or_environ: A WSGI environ, or a request object with an
            ``environ`` attribute.
        :param accept_ranges: The ``Accept-Ranges`` value: True for ``bytes``, a
            string for that unit, False to ignore ``Range``.
        :param complete_length: The whole body's length in bytes, needed to answer
            a ``Range``; ranges are not processed when it is None or 0.
        :raises wrappers_pure.exceptions.RequestedRangeNotSatisfiable: The
            ``Range`` header cannot be parsed or satisfied; its response is a 416
            with ``Content-Range: bytes */complete_length``.
        """
        return _make_conditional(self, request_or_environ, accept_ranges, complete_length)

    def calculate_content_length(self):
        """Return the body's length in bytes, or None when it is streamed and
        cannot be read into a list.
        """
        try:
            self._ensure_sequence()
        except RuntimeError:
            return None

        return _encoded_length(self)

    def _ensure_sequence(self, mutable=False):
        """Make sure the body is a list or tuple, reading a streamed body into
        a list when allowed; raise :exc:`RuntimeError` when it is not.

        :param mutable: Make sure it is a list.
        """
        if self.is_sequence:
            if mutable and not isinstance(self.response, list):
                self.response = list(self.response)

            return

        if self.direct_passthrough:
            raise RuntimeError(
                "Attempted implicit sequence conversion but the"
                " response object is in direct passthrough mode."
            )

        if not self.implicit_sequence_conversion:
            raise RuntimeError(
                "The response object required the iterable to be a"
                " sequence, but the implicit conversion was disabled."
                " Call make_sequence() yourself."
            )

        self.make_sequence()

    def make_sequence(self):
        """Read a streamed body into a list of bytes; the old iterable's
        ``close`` is then called when the response is closed.
        """
        if not self.is_sequence:
            close = getattr(self.response, "close", None)
            self.response = list(self.iter_encoded())

            if close is not None:
                self.call_on_close(close)

    def iter_encoded(self):
        """Return an iterator over the body, strings encoded as UTF-8.

        Sending the response iterates this unless :attr:`direct_passthrough`
        is set.
        """
        return _encoding_iterator(self.response, None)

    @property
    def is_streamed(self):
        """Whether the body has no length (a generator, for instance)."""
        try:
            len(self.response)
        except (TypeError, AttributeError):
            return True

        return False

    @property
    def is_sequence(self):
        """Whether the body is a list or tuple (its length is known)."""
        body = self.response
        return type(body) is list or type(body) is tuple or isinstance(body, (tuple, list))

    def close(self):
        """Close the body if it has a ``close`` method, then call the functions
        given to :meth:`call_on_close`. Leaving a ``with`` block calls this.
        """
        _close(self)

    def __enter__(self):
        """Return the response itself (``with`` closes it at the end)."""
        return self

    def __exit__(self, exc_type, exc_value, tb):
        """Close the response (see :meth:`close`)."""
        self.close()

    def freeze(self):
        """Prepare the response for pickling: read the body into a list of
        bytes (even with :attr:`direct_passthrough` or without
        :attr:`implicit_sequence_conversion`), set ``Content-Length``, and add
        an ``ETag`` when there is none.
        """
        # NOTE: the pure twin's own method (cold; it uses only public names).
        _PURE_FREEZE(self)

    # -- WSGI ----------------------------------------------------------------------

    def get_wsgi_headers(self, environ):
        """Return a new Headers object with the headers to send for ``environ``.

        ``Location`` and ``Content-Location`` are made valid URIs (non-ASCII
        characters percent-encoded, host names IDNA-encoded; a TAB becomes
        ``%09``), ``Location`` made absolute when
        :attr:`autocorrect_location_header` is set; ``Content-Length`` is
        removed for 1xx and 204, entity headers for 304, and set when the body
        is a list or tuple and no length was given.

        :param environ: The WSGI environ of the request.
        """
        cdef _HeadersBase rv = _HeadersBase.__new__(Headers)

        rv._list = _wsgi_headers(self, environ)
        return rv

    def get_app_iter(self, environ):
        """Return the iterable to give the server for ``environ``: empty for a
        HEAD request and for 1xx, 204 and 304; the body as it is with
        :attr:`direct_passthrough`; else the encoded body. Except for the
        direct passthrough, its ``close`` closes the response.

        :param environ: The WSGI environ of the request.
        """
        return _app_iter(self, environ)

    def get_wsgi_response(self, environ):
        """Return ``(app_iter, status, headers)`` for ``environ``: what
        :meth:`get_app_iter`, :attr:`status` and :meth:`get_wsgi_headers`
        (as a list of pairs) give.

        :param environ: The WSGI environ of the request.
        """
        return _wsgi_response(self, environ)

    def __call__(self, environ, start_response):
        """__call__(self, environ, start_response)
--

Send the response as a WSGI application: call ``start_response``
        with the status and headers, return the body iterable.

        :param environ: The WSGI environ of the request.
        :param start_response: The server's ``start_response``.
        """
        cdef list headers

        if (
            _own(self, "get_wsgi_response", _OWN_GET_WSGI_RESPONSE)
            and _own(self, "get_wsgi_headers", _OWN_GET_WSGI_HEADERS)
            and _own(self, "get_app_iter", _OWN_GET_APP_ITER)
        ):
            # PERF: get_wsgi_response inlined, without its tuple.
            headers = _wsgi_headers(self, environ)
            app_iter = _app_iter(self, environ)
            status = self._status_line if _own(self, "status", _OWN_STATUS) else self.status
            start_response(status, headers)
            return app_iter

        if _own(self, "get_wsgi_response", _OWN_GET_WSGI_RESPONSE):
            app_iter, status, headers = _wsgi_response(self, environ)
        else:
            app_iter, status, headers = self.get_wsgi_response(environ)

        start_response(status, headers)
        return app_iter

    # -- header properties (hot ones; the others are the pure twin's) ---------------

    @property
    def location(self):
        """The ``Location`` header: where a redirect points (or where a
        created resource is). It is sent as a URI (see :meth:`get_wsgi_headers`).
        """
        # NOTE: the pure twin's header property, with a C setter.
        return self.headers.get("Location")

    @location.setter
    def location(self, value):
        _set_header(self.headers, "location", "Location", value, None)

    @location.deleter
    def location(self):
        self.headers.pop("Location", None)

    # -- copies and pickles ----------------------------------------------------------

    def __copy__(self):
        """A shallow copy: it shares the headers, body and close callbacks."""
        cdef _ResponseBase rv
        cls = self.__class__
        rv = cls.__new__(cls)
        rv.headers = self.headers
        rv.response = self.response
        rv.direct_passthrough = self.direct_passthrough
        rv._status_line = self._status_line
        rv._status_code_obj = self._status_code_obj
        rv._on_close_list = self._on_close
        attrs = getattr(self, "__dict__", None)

        if attrs:
            rv.__dict__.update(attrs)

        return rv

    def __reduce_ex__(self, protocol):
        """Pickle support: ``cls.__new__(cls)`` plus the state dict described
        in this module's docstring.
        """
        # NOTE: the state is the pure twin's, key for key, so that a pickle
        # loads on either twin. The public class is named through the shim
        # (``wrappers.Response``), never as ``wrappers._response``.
        attrs = getattr(self, "__dict__", None)
        state = {
            "status": self._status_line,
            "status_code": self._status_code_obj,
            "headers": list(self.headers),
            "response": self.response,
            "direct_passthrough": self.direct_passthrough,
            "on_close": self._on_close,
            "attrs": dict(attrs) if attrs else {},
        }

        if self.__class__ is Response:
            from wrappers._restore import new_public

            return (new_public, ("Response",), state)

        return (_newobj, (self.__class__,), state)

    def __setstate__(self, state):
        """Restore the state :meth:`__reduce_ex__` gave."""
        attrs = state["attrs"]

        if attrs:
            self.__dict__.update(attrs)

        self.headers = Headers(state["headers"])
        self._status_line = state["status"]
        self._status_code_obj = (state["status_code"])
        self.response = state["response"]
        self.direct_passthrough = state["direct_passthrough"]
        self._on_close_list = list(state["on_close"])



# NOTE: the hot internals are module-level C functions rather than cdef methods,
# so that instances carry no vtable pointer.



cdef int _response_init(
    _ResponseBase self,
    object response,
    object status,
    object headers,
    object mimetype,
    object content_type,
    object direct_passthrough,
) except -1:
    """The body of ``Response.__init__``."""
    cdef _HeadersBase h = None
    cdef bint fresh = False

    if isinstance(headers, Headers):
        self.headers = headers
    elif not headers:
        # PERF: Headers() without the call; its list starts empty, with
        # room for the usual Content-Type and Content-Length (appending to
        # a plain empty list would reserve 4 places): less memory.
        h = _new_headers()
        h._list = __wrappers_list_with_room(2)
        self.headers = h
        fresh = True
    else:
        self.headers = Headers(headers)

    if content_type is None:
        if mimetype is None and (fresh or "content-type" not in self.headers):
            mimetype = self.default_mimetype

        if mimetype is not None:
            pair = _content_type_pair(mimetype)

            if fresh:
                h._list.append(pair)
            else:
                _set_header(self.headers, "content-type", "Content-Type", pair[1], pair)
    else:
        _set_header(self.headers, "content-type", "Content-Type", content_type, None)

    if status is None:
        status = self.default_status

    if _own(self, "status", _OWN_STATUS):
        _set_status(self, status)
    else:
        self.status = status

    self.direct_passthrough = direct_passthrough
    self._on_close_list = None

    if response is None:
        self.response = []
    elif isinstance(response, (str, bytes, bytearray)):
        if _own(self, "set_data", _OWN_SET_DATA):
            _set_data(self, response)
        else:
            self.set_data(response)
    else:
        self.response = response

    return 0


cdef int _kind(_ResponseBase self) except -1:
    """What the status allows: ``_BODY``, ``_NO_LENGTH`` or ``_NOT_MODIFIED``.

    Reads ``self.status_code`` as Werkzeug does (directly while it is ours).
    """
    cdef int overflow = 0
    cdef long c

    if _own(self, "status_code", _OWN_STATUS_CODE):
        status = self._status_code_obj

        # PERF: C comparisons for an int (one too large is none of these).
        if type(status) is int:
            c = PyLong_AsLongAndOverflow(status, &overflow)

            if overflow or not (100 <= c < 200 or c == 204 or c == 304):
                return _BODY

            return _NOT_MODIFIED if c == 304 else _NO_LENGTH
    else:
        status = self.status_code

    if 100 <= status < 200 or status == 204:
        return _NO_LENGTH

    if status == 304:
        return _NOT_MODIFIED

    return _BODY


cdef int _set_status(_ResponseBase self, object value) except -1:
    cdef object codes
    cdef object cached
    cdef PyObject* phrase

    # PERF: an int whose status line is cached, while its phrase in
    # HTTP_STATUS_CODES (a plain dict) is still the one the line was made
    # from: what _status_line would give, without its try and tuple.
    if type(value) is int:
        codes = HTTP_STATUS_CODES
        cached = _STATUS_LINES.get(value)

        if cached is not None and type(codes) is dict:
            phrase = PyDict_GetItemWithError(codes, value)

            if phrase != NULL and phrase == <PyObject*>(<tuple>cached)[0]:
                self._status_line = (<tuple>cached)[1]
                self._status_code_obj = value
                return 0

    line, code = _clean_status(value)
    self._status_line = line
    self._status_code_obj = (code)
    return 0


cdef object _get_data(_ResponseBase self, object as_text):
    cdef object body

    self._ensure_sequence()

    if _own(self, "iter_encoded", _OWN_ITER_ENCODED):
        body = self.response

        if type(body) is list and len(<list>body) == 1 and type((<list>body)[0]) is bytes:
            rv = (<list>body)[0]
        else:
            rv = b"".join(_encoding_iterator(body, None))
    else:
        rv = b"".join(self.iter_encoded())

    if as_text:
        return rv.decode()

    return rv


cdef int _set_data(_ResponseBase self, object value) except -1:
    if type(value) is str:
        value = PyUnicode_AsUTF8String(value)
    elif isinstance(value, str):
        value = value.encode()

    self.response = [value]

    if self.automatically_set_content_length:
        _set_header(
            self.headers,
            "content-length",
            "Content-Length",
            None,
            _length_pair(len(value)),
        )

    return 0


cdef Py_ssize_t _encoded_length(_ResponseBase self) except -1:
    """``sum(len(x) for x in self.iter_encoded())``."""
    cdef Py_ssize_t total = 0
    cdef object body

    if _own(self, "iter_encoded", _OWN_ITER_ENCODED):
        body = self.response

        if type(body) is list:
            for item in <list>body:
                total += _encoded_len(item)

            return total

        if type(body) is tuple:
            for item in <tuple>body:
                total += _encoded_len(item)

            return total

        for x in _encoding_iterator(body, None):
            total += len(x)

        return total

    for x in self.iter_encoded():
        total += len(x)

    return total


cdef bint _is_sequence(_ResponseBase self) except -1:
    if _own(self, "is_sequence", _OWN_IS_SEQUENCE):
        body = self.response
        return type(body) is list or type(body) is tuple or isinstance(body, (tuple, list))

    return bool(self.is_sequence)


cdef int _close(_ResponseBase self) except -1:
    body = self.response

    if type(body) is not list and type(body) is not tuple and hasattr(body, "close"):
        body.close()

    funcs = self._on_close_list if _own(self, "_on_close", _OWN_ON_CLOSE) else self._on_close

    if funcs is not None:
        for func in funcs:
            func()

    return 0


cdef list _wsgi_headers(_ResponseBase self, object environ):
    """The pair list of :meth:`get_wsgi_headers`, made without the Headers object."""
    cdef list lst
    cdef Py_ssize_t i, n, klen
    cdef tuple pair
    cdef int kind
    cdef object location = None
    cdef object content_location = None
    cdef object content_length = None

    h = self.headers

    if isinstance(h, _HeadersBase) and __wrappers_same_iter(h, _HeadersBase):
        # PERF: the pairs of a Headers object are checked already.
        lst = list((<_HeadersBase>h)._list)
    else:
        lst = (<_HeadersBase>Headers(h))._list

    kind = _kind(self)
    n = len(lst)

    # NOTE: the last value of each wins, as in Werkzeug's loop.
    for i in range(n):
        pair = <tuple>lst[i]
        k = pair[0]

        if type(k) is str and PyUnicode_IS_ASCII(k):
            klen = PyUnicode_GET_LENGTH(k)

            if klen == 14:
                if _is_name(k, "content-length"):
                    content_length = pair[1]
            elif klen == 8:
                if _is_name(k, "location"):
                    location = pair[1]
            elif klen == 16:
                if _is_name(k, "content-location"):
                    content_location = pair[1]
        else:
            ik = k.lower()

            if ik == "location":
                location = pair[1]
            elif ik == "content-location":
                content_location = pair[1]
            elif ik == "content-length":
                content_length = pair[1]

    if location is not None:
        location = _to_uri(location)

        if self.autocorrect_location_header:
            location = urljoin(_request_url(environ), location)

        _list_set(lst, "location", ("Location", _clean_value(location)))

    if content_location is not None:
        _list_set(
            lst,
            "content-location",
            ("Content-Location", _clean_value(_to_uri(content_location))),
        )

    if kind == _NO_LENGTH:
        if content_length is not None:
            lst[:] = [p for p in lst if not _is_name(p[0], "content-length")]
    elif kind == _NOT_MODIFIED:
        lst = _without_entity_headers(lst)

    # NOTE: the pure twin's order (the cheap tests first); Werkzeug reads the
    # two attributes first, which makes no difference for plain attributes.
    if (
        kind == _BODY
        and content_length is None
        and self.automatically_set_content_length
        and _is_sequence(self)
    ):
        # NOTE: no Content-Length is in the list here: append.
        lst.append(_length_pair(_encoded_length(self)))

    return lst


cdef object _app_iter(_ResponseBase self, object environ):
    cdef int kind = _kind(self)

    if environ["REQUEST_METHOD"] == "HEAD" or kind != _BODY:
        return _empty_iterator(self)

    if self.direct_passthrough:
        return self.response

    if _own(self, "iter_encoded", _OWN_ITER_ENCODED):
        return _encoding_iterator(self.response, self)

    return _raw_iterator(self.iter_encoded(), self)


cdef tuple _wsgi_response(_ResponseBase self, object environ):
    cdef list headers
    cdef object rv = None

    if _own(self, "get_wsgi_headers", _OWN_GET_WSGI_HEADERS):
        headers = _wsgi_headers(self, environ)
    else:
        headers = None
        rv = self.get_wsgi_headers(environ)

    if _own(self, "get_app_iter", _OWN_GET_APP_ITER):
        app_iter = _app_iter(self, environ)
    else:
        app_iter = self.get_app_iter(environ)

    status = self._status_line if _own(self, "status", _OWN_STATUS) else self.status

    if headers is None:
        return app_iter, status, rv.to_wsgi_list()

    return app_iter, status, headers


#: _ResponseBase's own attributes: while a class has them, the C code takes its
#: shortcuts instead of calling them.
cdef object _OWN_STATUS = _ResponseBase.__dict__["status"]
cdef object _OWN_STATUS_CODE = _ResponseBase.__dict__["status_code"]
cdef object _OWN_SET_DATA = _ResponseBase.__dict__["set_data"]
cdef object _OWN_ITER_ENCODED = _ResponseBase.__dict__["iter_encoded"]
cdef object _OWN_IS_SEQUENCE = _ResponseBase.__dict__["is_sequence"]
cdef object _OWN_CLOSE = _ResponseBase.__dict__["close"]
cdef object _OWN_ON_CLOSE = _ResponseBase.__dict__["_on_close"]
cdef object _OWN_GET_WSGI_HEADERS = _ResponseBase.__dict__["get_wsgi_headers"]
cdef object _OWN_GET_APP_ITER = _ResponseBase.__dict__["get_app_iter"]
cdef object _OWN_GET_DATA = _ResponseBase.__dict__["get_data"]
cdef object _OWN_GET_WSGI_RESPONSE = _ResponseBase.__dict__["get_wsgi_response"]
cdef object _OWN_HSET = _HeadersBase.__dict__["set"]
cdef object _PURE_FREEZE = _pure.Response.__dict__["freeze"]
cdef object _OWN_HADD = _HeadersBase.__dict__["add"]
cdef object _OWN_HSETITEM = _HeadersBase.__dict__["__setitem__"]
cdef object _OWN_HGET = _HeadersBase.__dict__["get"]
cdef object _OWN_HCONTAINS = _HeadersBase.__dict__["__contains__"]


include "_conditional.pxi"


cdef object _PURE = _pure.Response.__dict__


class Response(_ResponseBase):
    """An HTTP response: status, headers and body, and a WSGI application
    that sends them.

    The body is a string (encoded as UTF-8) or bytes, a list or tuple of
    strings or bytes (a body of known length), or any other iterable of
    strings or bytes (a streamed body, such as a generator). Calling the
    response with ``environ`` and ``start_response`` starts the WSGI response
    and returns the body iterable; it can be called again and gives the same
    result.

    :param response: The body; None (the default) for an empty one.
    :param status: An int (the reason phrase is added), an
        :class:`~http.HTTPStatus`, or a string such as ``"404 Not Found"``.
        :attr:`default_status` when None. Stricter than Werkzeug: a string
        with a control character (CR, LF, ...) raises :exc:`ValueError`.
    :param headers: A :class:`~wrappers_pure.headers.Headers` object (used as
        it is), or anything ``Headers`` accepts (a mapping, pairs, another
        Headers object), copied into a new one.
    :param mimetype: The media type without parameters; ``text/*``, ``*+xml``
        and a few other text types get ``; charset=utf-8``.
        :attr:`default_mimetype` when neither this, ``content_type`` nor a
        ``Content-Type`` header is given.
    :param content_type: The whole ``Content-Type`` value; wins over
        ``mimetype``.
    :param direct_passthrough: Give the body to the server as it is, without
        encoding strings or wrapping it (for an iterable of bytes such as a
        file wrapper).
    """

    #: The status used when none is given.
    default_status = 200

    #: The mimetype used when neither a mimetype nor a content type is given.
    default_mimetype = "text/plain"

    #: :meth:`set_cookie` warns when a ``Set-Cookie`` value gets longer than
    #: this (the cookie is still set); 0 turns the check off.
    max_cookie_size = 4093

    #: Make a relative ``Location`` absolute, joined to the request's URL, when
    #: the response is sent. Off by default: relative redirects are sent.
    autocorrect_location_header = False

    #: Set ``Content-Length`` when the body's length is known (a string,
    #: bytes, a list or a tuple).
    automatically_set_content_length = True

    #: When False, what needs the whole body (:meth:`get_data`, ...) raises
    #: :exc:`RuntimeError` for a streamed body instead of reading it into a
    #: list; call :meth:`make_sequence` yourself then.
    implicit_sequence_conversion = True

    #: What :meth:`get_json` parses with: an object with ``loads`` (and
    #: ``dumps``) like the :mod:`json` module.
    json_module = json

    # NOTE: the cold attributes are the pure twin's own objects (the same
    # code and docstrings); they use only public names and ``headers``.
    stream = _PURE["stream"]
    is_json = _PURE["is_json"]
    json = _PURE["json"]
    get_json = _PURE["get_json"]
    mimetype = _PURE["mimetype"]
    mimetype_params = _PURE["mimetype_params"]
    age = _PURE["age"]
    content_type = _PURE["content_type"]
    content_length = _PURE["content_length"]
    content_location = _PURE["content_location"]
    content_encoding = _PURE["content_encoding"]
    content_md5 = _PURE["content_md5"]
    date = _PURE["date"]
    expires = _PURE["expires"]
    last_modified = _PURE["last_modified"]
    retry_after = _PURE["retry_after"]
    accept_ranges = _PURE["accept_ranges"]
    access_control_allow_credentials = _PURE["access_control_allow_credentials"]
    access_control_allow_origin = _PURE["access_control_allow_origin"]
    access_control_max_age = _PURE["access_control_max_age"]
    cross_origin_opener_policy = _PURE["cross_origin_opener_policy"]
    cross_origin_embedder_policy = _PURE["cross_origin_embedder_policy"]
    cache_control = _PURE["cache_control"]
    vary = _PURE["vary"]
    content_language = _PURE["content_language"]
    allow = _PURE["allow"]
    content_range = _PURE["content_range"]
    www_authenticate = _PURE["www_authenticate"]
    content_security_policy = _PURE["content_security_policy"]
    content_security_policy_report_only = _PURE["content_security_policy_report_only"]
    access_control_allow_headers = _PURE["access_control_allow_headers"]
    access_control_allow_methods = _PURE["access_control_allow_methods"]
    access_control_expose_headers = _PURE["access_control_expose_headers"]
    set_etag = _PURE["set_etag"]
    get_etag = _PURE["get_etag"]


# -- calling the class ---------------------------------------------------------------

#: The parameter names of ``__init__``, in order (interned: call sites pass
#: interned keyword names, compared by identity; others take the slow path).
cdef tuple _INIT_NAMES = (
    "response", "status", "headers", "mimetype", "content_type", "direct_passthrough",
)
cdef newfunc _BASE_NEW = __wrappers_tp_new_of(_ResponseBase)
cdef initproc _BASE_INIT = __wrappers_tp_init_of(_ResponseBase)


cdef object _response_vectorcall(object tp, PyObject** args, size_t nargsf, PyObject* kwnames):
    """PERF: ``Response(...)`` without the argument tuple and keyword dict that
    calling a class makes: the class's tp_new, then the body of ``__init__``.

    Only while ``Response`` still has the inherited ``__new__`` and
    ``__init__`` (a patch changes its slots), and only for arguments given
    plainly (at most six, keywords by their interned names, none twice);
    anything else is a normal class call, with its own errors.
    """
    cdef Py_ssize_t nargs = PyVectorcall_NARGS(nargsf)
    cdef Py_ssize_t i, j, nkw
    cdef PyObject* values[6]
    cdef PyObject* key
    cdef _ResponseBase self

    if (
        __wrappers_tp_new_of(tp) != _BASE_NEW
        or __wrappers_tp_init_of(tp) != _BASE_INIT
        or nargs > 6
    ):
        return __wrappers_type_call(tp, args, nargsf, kwnames)

    for i in range(6):
        values[i] = NULL

    for i in range(nargs):
        values[i] = args[i]

    if kwnames != NULL:
        nkw = PyTuple_GET_SIZE(kwnames)

        for j in range(nkw):
            key = PyTuple_GET_ITEM(kwnames, j)

            for i in range(6):
                if key == PyTuple_GET_ITEM(<PyObject*>_INIT_NAMES, i):
                    break
            else:
                return __wrappers_type_call(tp, args, nargsf, kwnames)

            if values[i] != NULL:
                return __wrappers_type_call(tp, args, nargsf, kwnames)

            values[i] = args[nargs + j]

    # NOTE: tp_new is _ResponseBase's (checked above); type_call would call it
    # with the argument tuple, which it does not read.
    self = <_ResponseBase>__wrappers_call_tp_new(tp, _EMPTY_TUPLE)
    _response_init(
        self,
        <object>values[0] if values[0] != NULL else None,
        <object>values[1] if values[1] != NULL else None,
        <object>values[2] if values[2] != NULL else None,
        <object>values[3] if values[3] != NULL else None,
        <object>values[4] if values[4] != NULL else None,
        <object>values[5] if values[5] != NULL else False,
    )
    return self


if __wrappers_tp_new_of(Response) == _BASE_NEW and __wrappers_tp_init_of(Response) == _BASE_INIT:
    __wrappers_set_vectorcall(Response, _response_vectorcall)


__all__ = ["Response", "ResponseStream"]
