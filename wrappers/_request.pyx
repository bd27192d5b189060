# cython: language_level=3, embedsignature=True, binding=True
"""The WSGI Request (compiled twin of ``wrappers_pure/request.py``).

The typed state and the hot paths live in the ``cdef class``
:class:`_RequestBase`; the public :class:`Request` is an ordinary Python class
over it and the pure twin's Request (``class Request(_RequestBase,
wrappers_pure.request.Request)``), so that everything cold (the conditional
headers, Accept, JSON, ``from_values``, ...) is inherited, and subclasses,
patches and ``__dict__`` work as in Werkzeug.

What is hot, in C: building the object (it stores the environ and nothing
else), ``method``, ``path``, ``root_path``, ``scheme``, ``query_string``,
``headers`` (the compiled :class:`EnvironHeaders`), ``args`` (the compiled
query parser, the MultiDict filled in place), ``cookies`` (read straight from
``HTTP_COOKIE``), ``host`` and ``url`` (a C check that the parts need no
quoting and no IRI decoding, else the pure functions), ``full_path``. Each is
computed on first use and kept in a C field; assigning stores, ``del``
forgets. When a subclass overrides one of the attributes the shortcuts read
(``headers``, ``query_string``, ``scheme``, ``server``, ``host``,
``root_path``, ``path``), the shortcuts read it as an attribute instead.
"""

cimport cython

import json as _json_module
from cpython.bytes cimport PyBytes_AS_STRING
from cpython.bytes cimport PyBytes_GET_SIZE
from cpython.dict cimport PyDict_GetItem
from cpython.object cimport PyObject

from wrappers._capi cimport PyTuple_GET_ITEM
from wrappers._capi cimport PyTuple_GET_SIZE
from wrappers._capi cimport PyUnicode_1BYTE_DATA
from wrappers._capi cimport PyUnicode_GET_LENGTH
from wrappers._capi cimport PyUnicode_IS_ASCII
from wrappers._capi cimport PyUnicode_Substring
from wrappers._capi cimport PyVectorcall_NARGS
from wrappers._capi cimport Py_TYPE
from wrappers._capi cimport _TypeCache
from wrappers._capi cimport __wrappers_call_tp_new
from wrappers._capi cimport __wrappers_set_vectorcall
from wrappers._capi cimport __wrappers_tp_init_of
from wrappers._capi cimport __wrappers_tp_new_of
from wrappers._capi cimport __wrappers_type_call
from wrappers._capi cimport _cache_plain
from wrappers._capi cimport _cached_plain
from wrappers._capi cimport _has_own
from wrappers._capi cimport initproc
from wrappers._capi cimport newfunc
from wrappers._headers cimport _EnvironHeadersBase
from wrappers._query cimport query_fill
from wrappers._query cimport query_pairs

from wrappers._accept import CharsetAccept
from wrappers._accept import LanguageAccept
from wrappers._accept import MIMEAccept
from wrappers._accept import parse_accept_header
from wrappers._headers import EnvironHeaders
from wrappers._http import parse_cookie
from wrappers_pure._internal import lazy
from wrappers_pure._syntax.query import query_text
from wrappers_pure._syntax.quoting import parse_options_header
from wrappers_pure.datastructures import ImmutableMultiDict
from wrappers_pure.datastructures import MultiDict
from wrappers_pure.request import Request as _PureRequest
from wrappers_pure.sansio.utils import get_current_url
from wrappers_pure.sansio.utils import get_host
from wrappers_pure.wsgi import LimitedStream
from wrappers_pure.wsgi import get_input_stream


cdef class _Unset:
    """The type of "not computed yet" in a C field."""


cdef object _unset = _Unset()
#: The standard library's json (``Request.json_module`` by default).
cdef object _json = _json_module


@cython.final
cdef class _ReadBody:
    """In ``_stream``: the body was read whole by :func:`_read_body`, without
    a stream; ``stream`` makes the LimitedStream it would have been."""
    cdef object input
    cdef Py_ssize_t length

#: What get_json has parsed: ``(normal, silent)``, Ellipsis for "not yet".
cdef tuple _NO_JSON = (Ellipsis, Ellipsis)
cdef tuple _EMPTY_TUPLE = ()


# -- reading the environ ---------------------------------------------------------------


cdef inline object _env_get(object environ, str key, object default):
    """``environ.get(key, default)``, a dict lookup for a dict."""
    cdef PyObject* found

    if type(environ) is dict:
        found = PyDict_GetItem(environ, key)
        return default if found is NULL else <object>found

    return environ.get(key, default)


cdef object _upper(object value):
    """``value.upper()``, the same object when it is upper-case ASCII already."""
    cdef Py_ssize_t i, n
    cdef const unsigned char* p

    if type(value) is str and PyUnicode_IS_ASCII(value):
        n = PyUnicode_GET_LENGTH(value)
        p = PyUnicode_1BYTE_DATA(value)

        for i in range(n):
            if <unsigned char>(p[i] - 97) < 26:
                return value.upper()

        return value

    return value.upper()


cdef object _lower(object value):
    """``value.lower()``, the same object when it is lower-case ASCII already."""
    cdef Py_ssize_t i, n
    cdef const unsigned char* p

    if type(value) is str and PyUnicode_IS_ASCII(value):
        n = PyUnicode_GET_LENGTH(value)
        p = PyUnicode_1BYTE_DATA(value)

        for i in range(n):
            if <unsigned char>(p[i] - 65) < 26:
                return value.lower()

        return value

    return value.lower()


cdef object _decode_path(object value):
    """A WSGI path (Latin-1 text of the bytes) as UTF-8 text."""
    if type(value) is str and PyUnicode_IS_ASCII(value):
        return value

    return value.encode("latin1").decode(errors="replace")


cdef object _leading_slash(object value):
    """``"/" + value.lstrip("/")``, the same object when it has one ``/``."""
    cdef Py_ssize_t n, i
    cdef const unsigned char* p

    if type(value) is str and PyUnicode_IS_ASCII(value):
        n = PyUnicode_GET_LENGTH(value)
        p = PyUnicode_1BYTE_DATA(value)

        if n >= 1 and p[0] == 0x2F and (n == 1 or p[1] != 0x2F):
            return value

    return "/" + value.lstrip("/")


cdef object _trailing_strip(object value):
    """``value.rstrip("/")``, the same object when it has no trailing ``/``."""
    cdef Py_ssize_t n

    if type(value) is str:
        n = PyUnicode_GET_LENGTH(value)

        if n == 0:
            return value

        if PyUnicode_IS_ASCII(value) and PyUnicode_1BYTE_DATA(value)[n - 1] != 0x2F:
            return value

    return value.rstrip("/")


# -- which characters need nothing done ----------------------------------------------------

#: Per byte: 1 a path character that quote() and the IRI decoding leave as they
#: are; 2 the same for a query (the path's and ``?``); 4 a host name character
#: that needs no lower-casing and no IDNA decoding (a-z 0-9 . -).
cdef unsigned char _PLAIN[256]


cdef void _init_tables() noexcept:
    cdef int c
    cdef bytes path_extra = b"-._~!$&'()*+,/:;=@"

    for c in range(256):
        _PLAIN[c] = 0

    for c in range(48, 58):
        _PLAIN[c] = 1 | 2 | 4
    for c in range(97, 123):
        _PLAIN[c] = 1 | 2 | 4
    for c in range(65, 91):
        _PLAIN[c] = 1 | 2

    for c in path_extra:
        _PLAIN[c] |= 1 | 2

    _PLAIN[0x3F] |= 2  # ?
    _PLAIN[0x2E] |= 4  # .
    _PLAIN[0x2D] |= 4  # -


_init_tables()


cdef bint _all_plain(object text, unsigned char bit) noexcept:
    """Whether every character of ``text`` (a str) has ``bit`` in :data:`_PLAIN`."""
    cdef Py_ssize_t i, n
    cdef const unsigned char* p

    if type(text) is not str or not PyUnicode_IS_ASCII(text):
        return False

    n = PyUnicode_GET_LENGTH(text)
    p = PyUnicode_1BYTE_DATA(text)

    for i in range(n):
        if not (_PLAIN[p[i]] & bit):
            return False

    return True


cdef bint _plain_host(object host) noexcept:
    """Whether ``host`` is ``name[:port]`` that the IRI conversion keeps as it
    is: lower-case a-z, digits, ``.``, ``-``, no ``xn--`` label, a port of
    digits."""
    cdef Py_ssize_t i, n
    cdef const unsigned char* p
    cdef unsigned char c
    cdef bint port = False

    if type(host) is not str or not PyUnicode_IS_ASCII(host):
        return False

    n = PyUnicode_GET_LENGTH(host)
    p = PyUnicode_1BYTE_DATA(host)

    if n == 0:
        return False

    for i in range(n):
        c = p[i]

        if port:
            if not (48 <= c <= 57):
                return False
        elif c == 0x3A:
            port = True
        elif not (_PLAIN[c] & 4):
            return False
        elif c == 0x2D and i >= 2 and p[i - 1] == 0x2D and p[i - 2] == 0x6E:
            # "xn--": a punycode label, decoded by the IRI conversion.
            return False

    return True


cdef object _fast_host(object host_header, object scheme):
    """The pure ``get_host(scheme, host_header)`` without trusted hosts, for a
    ``Host`` value of name characters and a port; None when another case
    (the pure function then decides)."""
    cdef Py_ssize_t n, end, i, colon = -1
    cdef const unsigned char* p
    cdef unsigned char c
    cdef long port

    if type(host_header) is not str or not PyUnicode_IS_ASCII(host_header):
        return None

    n = PyUnicode_GET_LENGTH(host_header)
    p = PyUnicode_1BYTE_DATA(host_header)
    end = n

    if scheme == "http" or scheme == "ws":
        if n >= 3 and p[n - 3] == 0x3A and p[n - 2] == 0x38 and p[n - 1] == 0x30:
            end = n - 3
    elif scheme == "https" or scheme == "wss":
        if n >= 4 and p[n - 4] == 0x3A and p[n - 3] == 0x34 and p[n - 2] == 0x34 and p[n - 1] == 0x33:
            end = n - 4
    else:
        return None

    for i in range(end):
        c = p[i]

        if c == 0x3A:
            colon = i
            break

        if not (_PLAIN[c] & 4) and not (65 <= c <= 90):
            return None

    if colon == 0 or end == 0:
        return None

    if colon > 0:
        # ":" then 1-5 digits, no leading zero, at most 65535.
        if end - colon - 1 < 1 or end - colon - 1 > 5 or p[colon + 1] == 0x30:
            return None

        port = 0

        for i in range(colon + 1, end):
            c = p[i]

            if not (48 <= c <= 57):
                return None

            port = port * 10 + (c - 48)

        if port > 65535:
            return None

    if end == n:
        return host_header

    return PyUnicode_Substring(host_header, 0, end)


# -- the request ---------------------------------------------------------------------------


#: PERF: whether the last Request (sub)class seen overrides none of the
#: attributes the C code reads directly (see the module docstring).
cdef _TypeCache _REQUEST_CACHE
_REQUEST_CACHE.tp = NULL


@cython.auto_pickle(False)
@cython.embedsignature(False)
cdef class _RequestBase:
    """_RequestBase(environ, populate_request=True, shallow=False)
--

The compiled state and hot paths of :class:`Request`; use :class:`Request`.
    """

    cdef object _environ
    cdef public object shallow
    cdef object _method
    cdef object _scheme
    cdef object _server
    cdef object _root_path
    cdef object _path
    cdef object _query_string
    cdef object _headers
    cdef object _remote_addr
    cdef object _args
    cdef object _cookies
    cdef object _host
    cdef object _url
    cdef object _full_path
    cdef object _content_type
    cdef object _stream
    cdef object _data
    cdef object _json

    def __cinit__(self, *args, **kwargs):
        self._environ = None
        self.shallow = False
        self._method = _unset
        self._scheme = _unset
        self._server = _unset
        self._root_path = _unset
        self._path = _unset
        self._query_string = _unset
        self._headers = _unset
        self._remote_addr = _unset
        self._args = _unset
        self._cookies = _unset
        self._host = _unset
        self._url = _unset
        self._full_path = _unset
        self._content_type = _unset
        self._stream = _unset
        self._data = None
        self._json = _NO_JSON

    def __init__(self, environ, populate_request=True, shallow=False):
        """__init__(self, environ, populate_request=True, shallow=False)
--

Initialize self.  See help(type(self)) for accurate signature."""
        _request_init(self, environ, populate_request, shallow)

    # -- the environ ----------------------------------------------------------------------

    @property
    def environ(self):
        """The WSGI environ."""
        return self._environ

    @environ.setter
    def environ(self, value):
        self._environ = value

    # -- the sansio attributes ------------------------------------------------------------

    @property
    def method(self):
        """The request method, upper-cased (``GET`` when the environ has none)."""
        if self._method is _unset:
            self._method = _upper(_env_get(self._environ, "REQUEST_METHOD", "GET"))

        return self._method

    @method.setter
    def method(self, value):
        self._method = value

    @method.deleter
    def method(self):
        self._method = _unset

    @property
    def scheme(self):
        """The URL scheme, ``wsgi.url_scheme`` (``http`` when missing)."""
        if self._scheme is _unset:
            self._scheme = _env_get(self._environ, "wsgi.url_scheme", "http")

        return self._scheme

    @scheme.setter
    def scheme(self, value):
        self._scheme = value

    @scheme.deleter
    def scheme(self):
        self._scheme = _unset

    @property
    def server(self):
        """``(SERVER_NAME, SERVER_PORT)``; the port None when not a number."""
        if self._server is _unset:
            self._server = _server_of(self._environ)

        return self._server

    @server.setter
    def server(self, value):
        self._server = value

    @server.deleter
    def server(self):
        self._server = _unset

    @property
    def root_path(self):
        """``SCRIPT_NAME`` as text, without a trailing ``/``."""
        if self._root_path is _unset:
            self._root_path = _trailing_strip(
                _decode_path(_env_get(self._environ, "SCRIPT_NAME", None) or "")
            )

        return self._root_path

    @root_path.setter
    def root_path(self, value):
        self._root_path = value

    @root_path.deleter
    def root_path(self):
        self._root_path = _unset

    @property
    def path(self):
        """``PATH_INFO`` as text, with exactly one leading ``/``."""
        if self._path is _unset:
            self._path = _leading_slash(
                _decode_path(_env_get(self._environ, "PATH_INFO", None) or "")
            )

        return self._path

    @path.setter
    def path(self, value):
        self._path = value

    @path.deleter
    def path(self):
        self._path = _unset

    @property
    def query_string(self):
        """``QUERY_STRING`` as the request's bytes."""
        if self._query_string is _unset:
            self._query_string = _env_get(self._environ, "QUERY_STRING", "").encode("latin1")

        return self._query_string

    @query_string.setter
    def query_string(self, value):
        self._query_string = value

    @query_string.deleter
    def query_string(self):
        self._query_string = _unset

    @property
    def headers(self):
        """The request headers, an :class:`EnvironHeaders` over the environ."""
        if self._headers is _unset:
            self._headers = _new_environ_headers(self._environ)

        return self._headers

    @headers.setter
    def headers(self, value):
        self._headers = value

    @headers.deleter
    def headers(self):
        self._headers = _unset

    @property
    def remote_addr(self):
        """``REMOTE_ADDR``: the client's address."""
        if self._remote_addr is _unset:
            self._remote_addr = _env_get(self._environ, "REMOTE_ADDR", None)

        return self._remote_addr

    @remote_addr.setter
    def remote_addr(self, value):
        self._remote_addr = value

    @remote_addr.deleter
    def remote_addr(self):
        self._remote_addr = _unset

    # -- parsed on first use ---------------------------------------------------------------

    @property
    def args(self):
        """The parsed query string, a :attr:`parameter_storage_class`.

        Keys and values are decoded as UTF-8; escapes of bytes that are not
        UTF-8 stay percent-encoded, as Werkzeug leaves them; raw bytes that are
        not UTF-8 become U+FFFD (where Werkzeug raises a
        :exc:`UnicodeDecodeError`).
        """
        if self._args is _unset:
            self._args = _args_of(self)

        return self._args

    @args.setter
    def args(self, value):
        self._args = value

    @args.deleter
    def args(self):
        self._args = _unset

    @property
    def cookies(self):
        """The ``Cookie`` header's cookies, a :attr:`dict_storage_class`."""
        if self._cookies is _unset:
            self._cookies = _cookies_of(self)

        return self._cookies

    @cookies.setter
    def cookies(self, value):
        self._cookies = value

    @cookies.deleter
    def cookies(self):
        self._cookies = _unset

    @property
    def host(self):
        """The host (and port, when not the scheme's default) the request was
        sent to, checked against :attr:`trusted_hosts`.

        :raises wrappers_pure.exceptions.SecurityError: The host is not trusted.
        """
        if self._host is _unset:
            self._host = _host_of(self)

        return self._host

    @host.setter
    def host(self, value):
        self._host = value

    @host.deleter
    def host(self):
        self._host = _unset

    @property
    def url(self):
        """The full URL, as an IRI: scheme, host, root path, path, query."""
        if self._url is _unset:
            self._url = _url_of(self)

        return self._url

    @url.setter
    def url(self, value):
        self._url = value

    @url.deleter
    def url(self):
        self._url = _unset

    @property
    def full_path(self):
        """The path and the query string: ``/a?b=c`` (``/a?`` without one)."""
        if self._full_path is _unset:
            if _plain_request(self):
                self._full_path = f"{_path(self)}?{_query_text(self)}"
            else:
                self._full_path = f"{self.path}?{query_text(self.query_string)}"

        return self._full_path

    @full_path.setter
    def full_path(self, value):
        self._full_path = value

    @full_path.deleter
    def full_path(self):
        self._full_path = _unset

    # -- the body --------------------------------------------------------------------------

    @property
    @cython.embedsignature(False)
    def stream(self):
        """The body as a stream that gives no more than ``Content-Length``
        bytes and no more than :attr:`max_content_length` (a larger body
        raises a 413); see :func:`~wrappers_pure.wsgi.get_input_stream`.

        :raises RuntimeError: The request is ``shallow``.
        """
        if type(self._stream) is _ReadBody:
            self._stream = _spent_stream(<_ReadBody>self._stream)
        elif self._stream is _unset:
            if self.shallow:
                raise RuntimeError(
                    "This request was created with 'shallow=True', reading"
                    " from the input stream is disabled."
                )

            self._stream = get_input_stream(
                self._environ, max_content_length=self.max_content_length
            )

        return self._stream

    @stream.setter
    def stream(self, value):
        self._stream = value

    @stream.deleter
    def stream(self):
        self._stream = _unset

    @property
    def _cached_data(self):
        # NOTE: the pure twin's instance attribute, in a C field (None: none).
        if self._data is None:
            raise AttributeError("_cached_data")

        return self._data

    @_cached_data.setter
    def _cached_data(self, value):
        self._data = value

    @_cached_data.deleter
    def _cached_data(self):
        self._data = None

    @property
    def _cached_json(self):
        # NOTE: the pure twin's attribute (a class attribute until set).
        return self._json

    @_cached_json.setter
    def _cached_json(self, value):
        self._json = value

    @_cached_json.deleter
    def _cached_json(self):
        self._json = _NO_JSON

    @cython.embedsignature(False)
    def get_data(self, cache=True, as_text=False, parse_form_data=False):
        """Read the body from :attr:`stream`.

        :param cache: Keep the bytes, so that later calls (and
            :meth:`get_json`) give them again.
        :param as_text: Decode them as UTF-8 (U+FFFD for what is not).
        :param parse_form_data: Parse a form body first (form parsing comes with
            the Request's second part; until then the body is read as it is).
        """
        return _get_data(self, cache, as_text)

    @cython.embedsignature(False)
    def get_json(self, force=False, silent=False, cache=True):
        """Parse the body as JSON with :attr:`json_module`.

        :param force: Parse whatever the content type (else it must be JSON,
            see :attr:`is_json`).
        :param silent: Give None instead of calling
            :meth:`on_json_loading_failed` (wrong content type, invalid JSON).
        :param cache: Keep the result for the next call.

        JSON nested past the interpreter's recursion limit is invalid JSON here
        (a 400), where Werkzeug lets the :exc:`RecursionError` through (a 500).
        """
        if cache and self._json[silent] is not Ellipsis:
            return self._json[silent]

        if not (force or (_is_json(self) if _own_json_path(self) else self.is_json)):
            if not silent:
                return self.on_json_loading_failed(None)

            return None

        if _own_json_path(self):
            data = _get_data(self, cache, False)
        else:
            data = self.get_data(cache=cache)

        module = self.json_module

        try:
            try:
                if module is _json and type(data) is bytes and _utf8_json(data):
                    # PERF: what json.loads does with these bytes (its
                    # detect_encoding gives UTF-8), without that Python step;
                    # a UnicodeDecodeError is the one json.loads would raise.
                    data = (<bytes>data).decode("utf-8", "surrogatepass")

                rv = module.loads(data)
            except RecursionError:
                raise ValueError("JSON nested too deeply") from None
        except ValueError as e:
            if silent:
                rv = None

                if cache:
                    self._json = (self._json[0], rv)
            else:
                rv = self.on_json_loading_failed(e)

                if cache:
                    self._json = (rv, self._json[1])
        else:
            if cache:
                self._json = (rv, rv)

        return rv

    # -- the content type ------------------------------------------------------------------

    @property
    def _parsed_content_type(self):
        # NOTE: the pure twin's instance attribute (set by
        # _parse_content_type), in a C field.
        if self._content_type is _unset:
            raise AttributeError("_parsed_content_type")

        return self._content_type

    @_parsed_content_type.setter
    def _parsed_content_type(self, value):
        self._content_type = value

    @_parsed_content_type.deleter
    def _parsed_content_type(self):
        self._content_type = _unset

    @cython.embedsignature(False)
    def _parse_content_type(self):
        if self._content_type is _unset:
            self._content_type = _content_type_of(self)

    @property
    def mimetype(self):
        """The media type of ``Content-Type``, lower-cased, without parameters."""
        if self._content_type is _unset:
            self._content_type = _content_type_of(self)

        return _lower(self._content_type[0])

    @property
    def mimetype_params(self):
        """The parameters of ``Content-Type`` (``{"charset": "utf-8"}``)."""
        if self._content_type is _unset:
            self._content_type = _content_type_of(self)

        return self._content_type[1]

    @property
    def is_json(self):
        """Whether :attr:`mimetype` is JSON: ``application/json`` or
        ``application/*+json``."""
        return _is_json(self)


cdef object _OWN_HEADERS = _RequestBase.__dict__["headers"]
cdef object _OWN_QUERY_STRING = _RequestBase.__dict__["query_string"]
cdef object _OWN_SCHEME = _RequestBase.__dict__["scheme"]
cdef object _OWN_SERVER = _RequestBase.__dict__["server"]
cdef object _OWN_HOST = _RequestBase.__dict__["host"]
cdef object _OWN_ROOT_PATH = _RequestBase.__dict__["root_path"]
cdef object _OWN_PATH = _RequestBase.__dict__["path"]
cdef object _OWN_STREAM = _RequestBase.__dict__["stream"]
cdef object _OWN_IS_JSON = _RequestBase.__dict__["is_json"]
cdef object _OWN_GET_DATA = _RequestBase.__dict__["get_data"]
cdef object _OWN_MIMETYPE = _RequestBase.__dict__["mimetype"]


cdef bint _plain_request(object self) noexcept:
    """Whether ``type(self)`` still has the attributes the shortcuts read."""
    cdef bint found = False
    cdef bint plain = _cached_plain(&_REQUEST_CACHE, Py_TYPE(self), &found)

    if found:
        return plain

    plain = (
        _has_own(self, "headers", _OWN_HEADERS)
        and _has_own(self, "query_string", _OWN_QUERY_STRING)
        and _has_own(self, "scheme", _OWN_SCHEME)
        and _has_own(self, "server", _OWN_SERVER)
        and _has_own(self, "host", _OWN_HOST)
        and _has_own(self, "root_path", _OWN_ROOT_PATH)
        and _has_own(self, "path", _OWN_PATH)
        and _has_own(self, "stream", _OWN_STREAM)
    )
    _cache_plain(&_REQUEST_CACHE, Py_TYPE(self), plain)
    return plain


cdef int _request_init(_RequestBase self, object environ, object populate_request, object shallow) except -1:
    self._environ = environ
    self.shallow = shallow

    if populate_request and not shallow:
        environ["werkzeug.request"] = self

    return 0


cdef object _new_environ_headers(object environ):
    """``EnvironHeaders(environ)``, without the class call (the class keeps
    the inherited ``__new__`` and ``__init__``, which only store the environ)."""
    cdef _EnvironHeadersBase headers

    if __wrappers_tp_init_of(EnvironHeaders) != _HEADERS_INIT:
        return EnvironHeaders(environ)

    headers = <_EnvironHeadersBase>__wrappers_call_tp_new(EnvironHeaders, _EMPTY_TUPLE)
    headers.environ = environ
    return headers


cdef object _content_type_of(_RequestBase self):
    """``parse_options_header`` of the ``Content-Type`` header (``""`` when
    missing); a value without ``;`` is just stripped, as that function does."""
    cdef Py_ssize_t n, i
    cdef const unsigned char* p

    if _plain_request(self) and self._headers is _unset:
        value = _env_get(self._environ, "CONTENT_TYPE", "")
    else:
        value = self.headers.get("Content-Type", "")

    if type(value) is str and PyUnicode_IS_ASCII(value):
        n = PyUnicode_GET_LENGTH(value)
        p = PyUnicode_1BYTE_DATA(value)

        for i in range(n):
            if p[i] == 0x3B:  # ;
                break
        else:
            return (value.strip(" \t"), {})

    return parse_options_header(value)


#: The largest body :func:`_read_body` reads in one call (the pure
#: LimitedStream.readall reads up to this much at once too).
cdef Py_ssize_t _ONE_READ = 65536


cdef object _spent_stream(_ReadBody body):
    """The LimitedStream the pure twin's ``stream`` is after reading the whole
    body: over ``wsgi.input``, at its limit."""
    stream = LimitedStream(body.input, body.length)
    # NOTE: the position of the pure twin's own class (its only state besides
    # the arguments); tests compare the two streams after get_data.
    stream._pos = body.length
    return stream


cdef object _read_body(_RequestBase self):
    """PERF: the body for ``get_data``, read with one ``wsgi.input.read``
    instead of through a LimitedStream, when the pure twin's ``stream`` would
    be ``LimitedStream(wsgi.input, Content-Length)`` and that length is plain
    digits, at most 64 KiB and within ``max_content_length``; None otherwise
    (``stream`` then reads it). A short or failing read goes on through that
    LimitedStream, in the state the pure twin's would be in."""
    cdef object environ = self._environ
    cdef PyObject* found
    cdef Py_ssize_t n, i, length = 0
    cdef const unsigned char* p
    cdef _ReadBody body

    if self.shallow or type(environ) is not dict:
        return None

    if (
        PyDict_GetItem(environ, "wsgi.input_terminated") is not NULL
        or PyDict_GetItem(environ, "HTTP_TRANSFER_ENCODING") is not NULL
    ):
        return None

    found = PyDict_GetItem(environ, "CONTENT_LENGTH")

    if found is NULL:
        return None

    value = <object>found

    if type(value) is not str or not PyUnicode_IS_ASCII(value):
        return None

    n = PyUnicode_GET_LENGTH(value)
    p = PyUnicode_1BYTE_DATA(value)

    if n == 0 or n > 6:
        return None

    for i in range(n):
        if not (48 <= p[i] <= 57):
            return None

        length = length * 10 + (p[i] - 48)

    if length == 0 or length > _ONE_READ:
        return None

    limit = self.max_content_length

    if limit is not None and not (type(limit) is int and length <= limit):
        return None

    found = PyDict_GetItem(environ, "wsgi.input")

    if found is NULL:
        return None

    stream_in = <object>found

    try:
        data = stream_in.read(length)
    except (OSError, ValueError) as error:
        stream = LimitedStream(stream_in, length)
        self._stream = stream
        stream.on_disconnect(error=error)
        return b""

    if type(data) is bytes and PyBytes_GET_SIZE(data) == length:
        body = _ReadBody.__new__(_ReadBody)
        body.input = stream_in
        body.length = length
        self._stream = body
        return data

    # A short (or odd) read: on as the pure twin's readall goes on.
    stream = LimitedStream(stream_in, length)
    self._stream = stream

    if not data:
        stream.on_disconnect()
        return b""

    stream._pos = len(data)
    return bytes(data) + stream.read()


cdef object _get_data(_RequestBase self, object cache, object as_text):
    """The body of ``get_data`` (see the method)."""
    rv = self._data

    if rv is None:
        if self._stream is _unset and _plain_request(self):
            rv = _read_body(self)

        if rv is None:
            rv = self.stream.read()

        if cache:
            self._data = rv

    if as_text:
        return rv.decode(errors="replace")

    return rv


cdef bint _is_json(_RequestBase self) except -1:
    """``is_json``: from ``self.mimetype``, in C while it is our own."""
    if _has_own(self, "mimetype", _OWN_MIMETYPE):
        if self._content_type is _unset:
            self._content_type = _content_type_of(self)

        mt = _lower(self._content_type[0])
    else:
        mt = self.mimetype

    return mt == "application/json" or (
        mt.startswith("application/") and mt.endswith("+json")
    )


cdef inline bint _own_json_path(_RequestBase self) noexcept:
    """Whether ``get_json`` may call the C ``is_json`` and ``get_data``: the
    class has not replaced them."""
    return _has_own(self, "is_json", _OWN_IS_JSON) and _has_own(self, "get_data", _OWN_GET_DATA)


cdef bint _utf8_json(bytes data) noexcept:
    """Whether :func:`json.detect_encoding` gives ``utf-8`` for ``data``: no
    BOM (its first byte is not 0xEF, 0xFE or 0xFF) and no NUL in its first
    four bytes (empty data is left to json)."""
    cdef Py_ssize_t n = PyBytes_GET_SIZE(data), i
    cdef const unsigned char* p = <const unsigned char*>PyBytes_AS_STRING(data)

    if n == 0 or p[0] == 0xEF or p[0] == 0xFE or p[0] == 0xFF:
        return False

    for i in range(n if n < 4 else 4):
        if p[i] == 0:
            return False

    return True


cdef object _server_of(object environ):
    name = _env_get(environ, "SERVER_NAME", None)

    if name is None:
        return None

    try:
        port = int(_env_get(environ, "SERVER_PORT", None))
    except (TypeError, ValueError):
        port = None

    return (name, port)


# NOTE: the readers below take the C field (computing it) for a plain class.

cdef inline object _path(_RequestBase self):
    if self._path is _unset:
        return self.path
    return self._path


cdef inline object _scheme(_RequestBase self):
    if self._scheme is _unset:
        return self.scheme
    return self._scheme


cdef inline object _root_path(_RequestBase self):
    if self._root_path is _unset:
        return self.root_path
    return self._root_path


cdef object _query_text(_RequestBase self):
    """The query string as text, without the bytes round trip when it is
    still the environ's ASCII ``QUERY_STRING``."""
    cdef object value

    if self._query_string is _unset:
        value = _env_get(self._environ, "QUERY_STRING", "")

        if type(value) is str and PyUnicode_IS_ASCII(value):
            return value

        return query_text(self.query_string)

    return query_text(self._query_string)


cdef object _args_of(_RequestBase self):
    cls = self.parameter_storage_class

    if _plain_request(self):
        text = _query_text(self)
    else:
        text = query_text(self.query_string)

    if cls is ImmutableMultiDict or cls is MultiDict:
        result = __wrappers_call_tp_new(cls, _EMPTY_TUPLE)
        query_fill(text, result)
        return result

    return cls(query_pairs(text))


cdef object _cookies_of(_RequestBase self):
    cdef object values

    # NOTE: every environ key that names the header counts (HTTP_COOKIE and
    # HTTP_Cookie both do), as in Werkzeug: the compiled getlist scans in C.
    values = self.headers.getlist("Cookie")

    if len(values) == 1 and type(values[0]) is str:
        header = values[0]
    else:
        header = ";".join(values)

    if not (<str>header).isascii():
        # As the pure twin: the text is parsed as it is (parse_cookie decodes
        # a WSGI string's bytes as UTF-8 first, so it gets the text's bytes).
        header = (<str>header).encode("utf-8", "surrogatepass").decode("latin1")

    return parse_cookie(header, cls=self.dict_storage_class)


cdef object _host_of(_RequestBase self):
    cdef object header, found
    trusted = self.trusted_hosts

    if _plain_request(self):
        if self._headers is _unset:
            header = _env_get(self._environ, "HTTP_HOST", None)
        else:
            header = self._headers.get("host")

        if not trusted and header is not None:
            found = _fast_host(header, _scheme(self))

            if found is not None:
                return found

        return get_host(_scheme(self), header, self.server, trusted)

    return get_host(self.scheme, self.headers.get("host"), self.server, trusted)


cdef object _url_of(_RequestBase self):
    cdef object scheme, host, root, path, query

    if _plain_request(self):
        scheme = _scheme(self)
        host = self.host
        root = _root_path(self)
        path = _path(self)
        query = _query_text(self)

        if (
            (scheme == "http" or scheme == "https" or scheme == "ws" or scheme == "wss")
            and type(scheme) is str
            and _plain_host(host)
            and _all_plain(root, 1)
            # NOTE: a root path without its leading "/" runs on into the host
            # ("h:8080" + "a": the port "8080a", which the IRI conversion
            # refuses with ValueError): the general path.
            and (not PyUnicode_GET_LENGTH(root) or PyUnicode_1BYTE_DATA(root)[0] == 0x2F)
            and _all_plain(path, 1)
            and _all_plain(query, 2)
        ):
            # Nothing to quote and nothing the IRI conversion would decode:
            # the pure get_current_url's result, joined directly.
            if PyUnicode_GET_LENGTH(root) and PyUnicode_1BYTE_DATA(root)[PyUnicode_GET_LENGTH(root) - 1] == 0x2F:
                root = root.rstrip("/")

            path = path.lstrip("/")

            if query:
                return f"{scheme}://{host}{root}/{path}?{query}"

            return f"{scheme}://{host}{root}/{path}"

        return get_current_url(scheme, host, root, path, self.query_string)

    return get_current_url(self.scheme, self.host, self.root_path, self.path, self.query_string)


class Request(_RequestBase, _PureRequest):
    """A WSGI request: Werkzeug's ``Request``.

    :param environ: The WSGI environ.
    :param populate_request: Store this object in the environ as
        ``environ["werkzeug.request"]`` (not when ``shallow``).
    :param shallow: Refuse to read the body (:attr:`stream` raises
        :exc:`RuntimeError`); for middleware that must not consume it.
    """

    # NOTE: as the pure twin's, with the compiled parser and Accept classes.

    @lazy
    @cython.embedsignature(False)
    def accept_mimetypes(self):
        """The ``Accept`` header, a :class:`MIMEAccept`."""
        return parse_accept_header(self.headers.get("Accept"), MIMEAccept)

    @lazy
    @cython.embedsignature(False)
    def accept_charsets(self):
        """The ``Accept-Charset`` header, a :class:`CharsetAccept`."""
        return parse_accept_header(self.headers.get("Accept-Charset"), CharsetAccept)

    @lazy
    @cython.embedsignature(False)
    def accept_encodings(self):
        """The ``Accept-Encoding`` header, an :class:`Accept`."""
        return parse_accept_header(self.headers.get("Accept-Encoding"))

    @lazy
    @cython.embedsignature(False)
    def accept_languages(self):
        """The ``Accept-Language`` header, a :class:`LanguageAccept`."""
        return parse_accept_header(self.headers.get("Accept-Language"), LanguageAccept)


# -- calling the class ---------------------------------------------------------------

cdef tuple _INIT_NAMES = ("environ", "populate_request", "shallow")
cdef newfunc _BASE_NEW = __wrappers_tp_new_of(_RequestBase)
cdef initproc _HEADERS_INIT = __wrappers_tp_init_of(_EnvironHeadersBase)
cdef initproc _BASE_INIT = __wrappers_tp_init_of(_RequestBase)


cdef object _request_vectorcall(object tp, PyObject** args, size_t nargsf, PyObject* kwnames):
    """PERF: ``Request(environ)`` without the argument tuple and keyword dict
    that calling a class makes: the class's tp_new, then the body of
    ``__init__``. Only while the class has the inherited ``__new__`` and
    ``__init__``, and for arguments given plainly; anything else is a normal
    class call, with its own errors."""
    cdef Py_ssize_t nargs = PyVectorcall_NARGS(nargsf)
    cdef Py_ssize_t i, j, nkw
    cdef PyObject* values[3]
    cdef PyObject* key
    cdef _RequestBase self

    if (
        __wrappers_tp_new_of(tp) != _BASE_NEW
        or __wrappers_tp_init_of(tp) != _BASE_INIT
        or nargs > 3
    ):
        return __wrappers_type_call(tp, args, nargsf, kwnames)

    for i in range(3):
        values[i] = NULL

    for i in range(nargs):
        values[i] = args[i]

    if kwnames != NULL:
        nkw = PyTuple_GET_SIZE(kwnames)

        for j in range(nkw):
            key = PyTuple_GET_ITEM(kwnames, j)

            for i in range(3):
                if key == PyTuple_GET_ITEM(<PyObject*>_INIT_NAMES, i):
                    break
            else:
                return __wrappers_type_call(tp, args, nargsf, kwnames)

            if values[i] != NULL:
                return __wrappers_type_call(tp, args, nargsf, kwnames)

            values[i] = args[nargs + j]

    if values[0] == NULL:
        return __wrappers_type_call(tp, args, nargsf, kwnames)

    self = <_RequestBase>__wrappers_call_tp_new(tp, _EMPTY_TUPLE)
    _request_init(
        self,
        <object>values[0],
        <object>values[1] if values[1] != NULL else True,
        <object>values[2] if values[2] != NULL else False,
    )
    return self


if __wrappers_tp_new_of(Request) == _BASE_NEW and __wrappers_tp_init_of(Request) == _BASE_INIT:
    __wrappers_set_vectorcall(Request, _request_vectorcall)

__all__ = ["Request"]
