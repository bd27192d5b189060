# cython: language_level=3, embedsignature=True, binding=True
"""The WSGI :class:`Response` (compiled twin of ``wrappers_pure/response.py``).

Behaviour is Werkzeug 3.1's ``werkzeug.wrappers.Response``.

NOTE: this module mirrors ``wrappers_pure/response.py``. The typed state and
the hot paths (the body, ``set_data``, the WSGI call, the body iterator, ETags
and conditional responses) live in the ``cdef class`` :class:`_ResponseBase`,
which derives from the compiled sansio base (``_sansio_response.pxd``: the
headers, the status, ``set_cookie``); the public :class:`Response` is an
ordinary Python class over it and the compiled sansio :class:`Response`, so
that it can be patched, takes instance attributes and weak references, allows
``__class__`` assignment between its subclasses, and inherits the cold members
of the sansio level from the pure twin's class.

Every overridable setting (``default_status``, ``default_mimetype``,
``autocorrect_location_header``, ``automatically_set_content_length``,
``implicit_sequence_conversion``, ``max_cookie_size``, ``json_module``) is read
by ordinary attribute lookup each time. Where Werkzeug calls a method or a
property through ``self`` (``set_data``, ``iter_encoded``, ``close``,
``status``, ...), the C code takes a shortcut only while the class still has
this module's own attribute (checked with ``_PyType_Lookup``, which uses the
type cache); a subclass that overrides it gets it called.

The kernel is four files, one topic each, joined by ``include`` (one C module:
the helpers take the C fields of ``_ResponseBase`` and inline into its
methods): this one (the classes, ``__init__`` and the status kinds),
``_response_body.pxi`` (the body and its iterator), ``_response_wsgi.pxi``
(the WSGI call, with the URLs on the wire) and
``_response_conditional.pxi`` (ETags and conditional responses).
"""

cimport cython
from cpython.long cimport PyLong_AsLongAndOverflow
from cpython.object cimport PyObject
from cpython.object cimport PyTypeObject
from cpython.unicode cimport PyUnicode_AsUTF8String

from wrappers._capi cimport PyTuple_GET_ITEM
from wrappers._capi cimport PyTuple_GET_SIZE
from wrappers._capi cimport PyUnicode_1BYTE_DATA
from wrappers._capi cimport PyUnicode_GET_LENGTH
from wrappers._capi cimport PyUnicode_IS_ASCII
from wrappers._capi cimport PyVectorcall_NARGS
from wrappers._capi cimport Py_TYPE
from wrappers._capi cimport _TypeCache
from wrappers._capi cimport __wrappers_call_tp_new
from wrappers._capi cimport __wrappers_next
from wrappers._capi cimport __wrappers_same_iter
from wrappers._capi cimport __wrappers_set_vectorcall
from wrappers._capi cimport __wrappers_tp_init_of
from wrappers._capi cimport __wrappers_tp_new_of
from wrappers._capi cimport __wrappers_type_call
from wrappers._capi cimport _cache_plain
from wrappers._capi cimport _cached_plain
from wrappers._capi cimport _has_own
from wrappers._capi cimport _is_name
from wrappers._capi cimport _no_deleter
from wrappers._capi cimport initproc
from wrappers._capi cimport newfunc
from wrappers._headers cimport _HeadersBase
from wrappers._headers cimport _clean_value
from wrappers._headers cimport _header_get
from wrappers._headers cimport _header_in
from wrappers._headers cimport _list_set
from wrappers._headers cimport _pair_index
from wrappers._headers cimport _plain_headers
from wrappers._headers cimport _set_header
from wrappers._sansio_response cimport _SansioResponseBase
from wrappers._sansio_response cimport _sansio_init
from wrappers._sansio_response cimport _set_status

import copyreg
import functools
import json

from urllib.parse import urljoin

from wrappers._headers import Headers
from wrappers._restore import new_public
from wrappers._sansio_response import Response as _SansioResponse
from wrappers_pure._internal import is_foreign_response
from wrappers_pure._internal import run_app
from wrappers_pure.response import ResponseStream
from wrappers_pure.urls import iri_to_uri
from wrappers_pure.wsgi import get_current_url


#: What __wrappers_next gives for an exhausted iterator.
cdef object _EXHAUSTED = object()


cdef object _newobj = copyreg.__newobj__
cdef tuple _EMPTY_TUPLE = ()


# -- small helpers -------------------------------------------------------------


#: PERF: whether the last Response (sub)class seen overrides none of the
#: attributes the C code takes shortcuts for; valid while the type's version
#: tag is unchanged (any class or base change, a patch included, gives the type
#: a new tag). (``_headers.pyx`` keeps the same for Headers.)
cdef _TypeCache _RESPONSE_CACHE
_RESPONSE_CACHE.tp = NULL


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


include "_response_body.pxi"


# -- the response ------------------------------------------------------------------


cdef enum:
    _BODY = 0          # a body may be sent
    _NO_LENGTH = 1     # 1xx or 204: no body, no Content-Length
    _NOT_MODIFIED = 2  # 304: no body, no entity headers


@cython.auto_pickle(False)
@cython.embedsignature(False)
cdef class _ResponseBase(_SansioResponseBase):
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

    #: The body: a list of bytes for a fixed-length body, any iterable else.
    cdef public object response
    #: Pass :attr:`response` as the WSGI iterable without encoding it.
    cdef public object direct_passthrough
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
    def _on_close(self):
        if self._on_close_list is None:
            self._on_close_list = []

        return self._on_close_list

    @_on_close.setter
    def _on_close(self, value):
        self._on_close_list = value

    @_on_close.deleter
    def _on_close(self):
        _no_deleter(self, "_on_close")

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
        body, status, pairs = run_app(app, environ, buffered)
        return cls(body, status, Headers(pairs))

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
            if is_foreign_response(response):
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
                body, status, pairs = run_app(response, environ, False)
                response = Response(body, status, Headers(pairs))

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

    @data.deleter
    def data(self):
        _no_deleter(self, "data")

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
        self.response = list(self.iter_encoded())
        self.headers["Content-Length"] = str(sum(map(len, self.response)))
        self.add_etag()

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
    _sansio_init(self, status, headers, mimetype, content_type, _own(self, "status", _OWN_STATUS))
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


include "_response_wsgi.pxi"


#: _ResponseBase's own attributes: while a class has them, the C code takes its
#: shortcuts instead of calling them.
cdef object _OWN_STATUS = _SansioResponseBase.__dict__["status"]
cdef object _OWN_STATUS_CODE = _SansioResponseBase.__dict__["status_code"]
cdef object _OWN_SET_DATA = _ResponseBase.__dict__["set_data"]
cdef object _OWN_ITER_ENCODED = _ResponseBase.__dict__["iter_encoded"]
cdef object _OWN_IS_SEQUENCE = _ResponseBase.__dict__["is_sequence"]
cdef object _OWN_CLOSE = _ResponseBase.__dict__["close"]
cdef object _OWN_ON_CLOSE = _ResponseBase.__dict__["_on_close"]
cdef object _OWN_GET_WSGI_HEADERS = _ResponseBase.__dict__["get_wsgi_headers"]
cdef object _OWN_GET_APP_ITER = _ResponseBase.__dict__["get_app_iter"]
cdef object _OWN_GET_DATA = _ResponseBase.__dict__["get_data"]
cdef object _OWN_GET_WSGI_RESPONSE = _ResponseBase.__dict__["get_wsgi_response"]



include "_response_conditional.pxi"


class Response(_ResponseBase, _SansioResponse):
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
    :param headers: A :class:`~wrappers_pure.datastructures.Headers` object (used as
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

    # NOTE: the cold members of the WSGI level, written as in the pure twin
    # (the sansio level's are inherited from it).

    @functools.cached_property
    @cython.embedsignature(False)
    def stream(self):
        """A write-only file-like object that appends to the body."""
        return ResponseStream(self)

    @property
    @cython.embedsignature(False)
    def json(self):
        """The body parsed as JSON when :attr:`is_json`, else None; the same
        as :meth:`get_json` with no arguments."""
        return self.get_json()

    @cython.embedsignature(False)
    def get_json(self, force=False, silent=False):
        """Parse the body with :attr:`json_module` (not cached).

        :param force: Parse even when the mimetype is not JSON (else None is
            returned then).
        :param silent: Return None instead of raising when parsing fails
            with a :exc:`ValueError`.
        """
        if not (force or self.is_json):
            return None

        data = self.get_data()

        try:
            return self.json_module.loads(data)
        except ValueError:
            if not silent:
                raise

            return None


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

__all__ = ["Response"]
