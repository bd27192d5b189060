# cython: language_level=3, embedsignature=True, binding=True
"""The I/O-free :class:`Response` (compiled twin of
``wrappers_pure/sansio/response.py``).

Behaviour is Werkzeug 3.1's ``werkzeug.sansio.response.Response``.

NOTE: this module mirrors ``wrappers_pure/sansio/response.py``. The typed
state (``headers``, the status) and the hot paths (construction, ``status``,
``set_cookie``, ``location``) live in the ``cdef class``
:class:`_SansioResponseBase`; the public :class:`Response` is an ordinary
Python class over it and the pure twin's class, from which it inherits every
cold member (the header attributes, the live header objects, ``mimetype``,
ETags, ...). ``_response.pyx`` builds the WSGI Response on the same base
(``_sansio_response.pxd``).

Every overridable setting (``default_status``, ``default_mimetype``,
``max_cookie_size``) is read by ordinary attribute lookup each time. Where
Werkzeug goes through ``self.status``, the C code takes a shortcut only while
the class still has this module's own property.
"""

cimport cython
from cpython.dict cimport PyDict_GetItemWithError
from cpython.object cimport PyObject

from wrappers._capi cimport _has_own
from wrappers._capi cimport _no_deleter
from wrappers._capi cimport __wrappers_list_with_room
from wrappers._headers cimport _HeadersBase
from wrappers._headers cimport _clean_value
from wrappers._headers cimport _new_headers
from wrappers._headers cimport _plain_headers
from wrappers._headers cimport _set_header

import copyreg

from wrappers._cookies import dump_cookie
from wrappers._headers import Headers
from wrappers._restore import new_public
from wrappers_pure._internal import CONTROL_IN_STATUS
from wrappers_pure._syntax.tables import HTTP_STATUS_CODES
from wrappers_pure.sansio.response import Response as _PureResponse
from wrappers_pure.utils import get_content_type

cdef object _newobj = copyreg.__newobj__


# -- the status line ---------------------------------------------------------------


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


cdef int _set_status(_SansioResponseBase self, object value) except -1:
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


# -- the content type --------------------------------------------------------------


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

        pair = ("Content-Type", _clean_value(get_content_type(mimetype, "utf-8")))

        if len(_CONTENT_TYPE_PAIRS) < 256:
            _CONTENT_TYPE_PAIRS[mimetype] = pair

        return <tuple>pair

    return ("Content-Type", _clean_value(get_content_type(mimetype, "utf-8")))


# -- the response -------------------------------------------------------------------


@cython.auto_pickle(False)
@cython.embedsignature(False)
cdef class _SansioResponseBase:
    """_SansioResponseBase(status=None, headers=None, mimetype=None, content_type=None)
--

The compiled state and hot paths of :class:`Response`; use :class:`Response`.
    """
    # NOTE: the first lines above are a text signature (hence embedsignature
    # is off here); they give ``inspect.signature(Response)`` the pure twin's
    # constructor signature. The fields are declared in _sansio_response.pxd.

    def __init__(self, status=None, headers=None, mimetype=None, content_type=None):
        """__init__(self, status=None, headers=None, mimetype=None, content_type=None)
--

Initialize self.  See help(type(self)) for accurate signature."""
        _sansio_init(self, status, headers, mimetype, content_type, _has_own(self, "status", _OWN_STATUS))

    # -- private state, under Werkzeug's names -----------------------------------

    @property
    def _status(self):
        return self._status_line

    @_status.setter
    def _status(self, value):
        self._status_line = value

    @_status.deleter
    def _status(self):
        _no_deleter(self, "_status")

    @property
    def _status_code(self):
        return self._status_code_obj

    @_status_code.setter
    def _status_code(self, value):
        self._status_code_obj = (value)

    @_status_code.deleter
    def _status_code(self):
        _no_deleter(self, "_status_code")

    # -- status ------------------------------------------------------------------

    @property
    def status_code(self):
        """The status code, such as ``200``; setting it sets :attr:`status` too."""
        return self._status_code_obj

    @status_code.setter
    def status_code(self, code):
        if _has_own(self, "status", _OWN_STATUS):
            _set_status(self, code)
        else:
            self.status = code

    @status_code.deleter
    def status_code(self):
        _no_deleter(self, "status_code")

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

    @status.deleter
    def status(self):
        _no_deleter(self, "status")

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

    # -- header attributes (the hot one; the others are the pure twin's) ---------

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

    def __reduce_ex__(self, protocol):
        """Pickle support: ``cls.__new__(cls)`` and the instance's attributes,
        the state an ordinary Python object of the pure twin's class has."""
        # NOTE: the same state as the pure twin's (its default pickling), so
        # that a pickle loads on either twin. The public class is named through
        # the shim (``wrappers.sansio.response.Response``).
        attrs = getattr(self, "__dict__", None)
        state = {
            "headers": self.headers,
            "_status": self._status_line,
            "_status_code": self._status_code_obj,
        }

        if attrs:
            state.update(attrs)

        if self.__class__ is Response:
            return (new_public, ("sansio.response.Response",), state)

        return (_newobj, (self.__class__,), state)

    def __setstate__(self, state):
        """Restore the state :meth:`__reduce_ex__` gave."""
        state = dict(state)
        self.headers = state.pop("headers")
        self._status_line = state.pop("_status")
        self._status_code_obj = state.pop("_status_code")

        if state:
            self.__dict__.update(state)


cdef int _sansio_init(
    _SansioResponseBase self,
    object status,
    object headers,
    object mimetype,
    object content_type,
    bint own_status,
) except -1:
    """The body of ``Response.__init__``; ``own_status`` says that the class
    still has this module's ``status`` property."""
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

    if own_status:
        _set_status(self, status)
    else:
        self.status = status

    return 0


#: _SansioResponseBase's own ``status``: while a class has it, the C code sets
#: the status without the property.
cdef object _OWN_STATUS = _SansioResponseBase.__dict__["status"]


class Response(_SansioResponseBase, _PureResponse):
    # NOTE: the pure twin's docstring, and every cold member by inheritance.
    __doc__ = _PureResponse.__doc__


__all__ = ["Response"]
