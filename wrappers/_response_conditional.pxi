# ETags and conditional responses: the compiled twin of the ``add_etag`` and
# ``make_conditional`` part of ``wrappers_pure/response.py``, included into
# ``_response.pyx`` (it works on the C fields of _ResponseBase).
#
# NOTE: ``add_etag`` takes the C path only for a response whose class still has
# its own ``get_data`` and ``set_etag`` and whose headers are a compiled
# Headers object with its own methods; ``make_conditional`` only for a plain
# dict environ and a class with its own hooks, and it leaves ranges, If-Match,
# dates and odd ETags to the general path below, which follows the pure twin's
# method line for line. The results are the same either way. Like the WSGI
# path, they check the class, not the instance: a ``get_data`` or ``set_etag``
# patched onto one instance is not called (README, "Other differences").

import hashlib

from wrappers._dates import http_date as _http_date
from wrappers_pure._internal import RangeBody
from wrappers_pure._internal import environ_of
from wrappers_pure._syntax.tables import ENTITY_HEADERS
from wrappers_pure.exceptions import RequestedRangeNotSatisfiable
from wrappers_pure.exceptions import werkzeug_aware
from wrappers_pure.http import generate_etag as _generate_etag
from wrappers_pure.http import is_resource_modified as _is_resource_modified
from wrappers_pure.http import parse_etags as _parse_etags
from wrappers_pure.http import parse_range_header as _parse_range_header

cdef object _sha1 = hashlib.sha1

#: The pure twin's ``set_etag`` (the class inherits it): while a class has it,
#: ``add_etag`` stores the tag without calling it.
cdef object _OWN_SET_ETAG = _SansioResponse.set_etag

#: The entity headers a 304 response drops (``Expires`` and
#: ``Content-Location`` stay, as ``remove_entity_headers`` keeps them).
cdef frozenset _DROPPED_BY_304 = frozenset(ENTITY_HEADERS - {"expires", "content-location"})


cdef list _without_entity_headers(list lst):
    """The pairs a 304 response sends: ``remove_entity_headers`` on a copy."""
    cdef list kept = []
    cdef tuple pair

    for pair in lst:
        if pair[0].lower() not in _DROPPED_BY_304:
            kept.append(pair)

    return kept


cdef int _add_etag(_ResponseBase self, object overwrite, object weak) except -1:
    """:meth:`Response.add_etag`: the SHA-1 of the body, hashed and stored
    without the method calls while the class has its own ``get_data`` and
    ``set_etag``."""
    cdef object headers = self.headers

    if not (
        _plain_headers(headers)
        and _has_own(self, "get_data", _OWN_GET_DATA)
        and _has_own(self, "set_etag", _OWN_SET_ETAG)
    ):
        if overwrite or "etag" not in headers:
            self.set_etag(_generate_etag(self.get_data()), weak)

        return 0

    if overwrite or _pair_index((<_HeadersBase>headers)._list, "etag") < 0:
        tag = _sha1(_get_data(self, False)).hexdigest()
        value = ('W/"' if weak else '"') + tag + '"'
        _list_set((<_HeadersBase>headers)._list, "etag", ("ETag", value))

    return 0


cdef object _etag_text(str etag):
    """``unquote_etag(etag)[0]`` for a non-empty ``etag``: without ``W/`` and
    without the quotes when it has a quote at each end."""
    cdef Py_ssize_t n = PyUnicode_GET_LENGTH(etag)
    cdef Py_ssize_t start = 0

    if n >= 2 and (etag[0] == u"W" or etag[0] == u"w") and etag[1] == u"/":
        start = 2

    if n - start >= 1 and etag[start] == u'"' and etag[n - 1] == u'"':
        return etag[start + 1 : n - 1]

    return etag[start:]


cdef object _single_tag(object value):
    """The pure twin's ``_single_tag``: the tag of an ``If-None-Match`` value that is one quoted entity tag of
    visible ASCII characters other than ``"`` and ``,`` (``"x"`` or ``W/"x"``),
    else None (then ``parse_etags`` decides)."""
    cdef Py_ssize_t n, i, start = 0
    cdef Py_UCS4 c
    cdef str text

    if type(value) is not str:
        return None

    text = <str>value
    n = PyUnicode_GET_LENGTH(text)

    if n >= 2 and (text[0] == u"W" or text[0] == u"w") and text[1] == u"/":
        start = 2

    if n - start < 3 or text[start] != u'"' or text[n - 1] != u'"':
        return None

    for i in range(start + 1, n - 1):
        c = text[i]

        if c < 0x21 or c > 0x7E or c == 0x22 or c == 0x2C:
            return None

    return text[start + 1 : n - 1]


cdef int _quick_unmodified(object environ, object etag) except -2:
    """The pure twin's ``_quick_unmodified``: what ``not
    is_resource_modified(environ, etag, ...)`` gives, when the request makes
    that plain: 1 (not modified), 0 (modified), or -1 (None there) when the
    request has ``If-Match``, an ``If-Modified-Since`` that decides, or an
    ``If-None-Match`` other than ``*`` or one simple entity tag."""
    if "HTTP_IF_MATCH" in environ:
        return -1

    inm = environ.get("HTTP_IF_NONE_MATCH")

    if inm is None:
        return -1 if "HTTP_IF_MODIFIED_SINCE" in environ else 0

    # A non-empty If-None-Match decides alone when the response has an ETag.
    if type(etag) is not str or not etag:
        return -1

    if inm == "*" and type(inm) is str:
        return 1

    tag = _single_tag(inm)

    if tag is None:
        return -1

    return 1 if tag == _etag_text(etag) else 0


cdef object _make_conditional(
    _ResponseBase self, object request, object accept_ranges, object complete_length
):
    """:meth:`Response.make_conditional` for a plain dict environ and a
    response of a class with its own hooks (the steps of the general path, in
    its order, without the method calls)."""
    cdef int unmodified

    if type(request) is not dict or not _plain_response(self):
        return _general_make_conditional(self, request, accept_ranges, complete_length)

    method = request["REQUEST_METHOD"]

    if not (method == "GET" or method == "HEAD"):
        return self

    if not _header_in(self.headers, "date", "date"):
        _set_header(self.headers, "date", "Date", _http_date(), None)

    if accept_ranges:
        self.accept_ranges = "bytes" if accept_ranges is True else accept_ranges

        if _answer_range(self, request, complete_length):
            return _finish(self)

    headers = self.headers
    etag = _header_get(headers, "etag", "ETag")
    unmodified = _quick_unmodified(request, etag)

    if unmodified < 0:
        unmodified = not _is_resource_modified(
            request, etag, last_modified=_header_get(headers, "last-modified", "Last-Modified")
        )

        if unmodified and _parse_etags(request.get("HTTP_IF_MATCH")):
            _set_status(self, 412)
            unmodified = 0

    if unmodified:
        _set_status(self, 304)

    return _finish(self)


cdef object _finish(_ResponseBase self):
    """The last step of :meth:`Response.make_conditional`: ``Content-Length``
    when the body's length is known and the header is missing."""
    if self.automatically_set_content_length and not _header_in(
        self.headers, "content-length", "content-length"
    ):
        length = self.calculate_content_length()

        if length is not None:
            _set_header(self.headers, "content-length", "Content-Length", str(length), None)

    return self


# -- the general path: the pure twin's method, line for line -------------------------


cdef object _general_make_conditional(
    object self, object request_or_environ, object accept_ranges, object complete_length
):
    """The pure twin's ``make_conditional``, for any environ, request object
    and class."""
    environ = environ_of(request_or_environ)

    if environ["REQUEST_METHOD"] in ("GET", "HEAD"):
        if "date" not in self.headers:
            self.headers["Date"] = _http_date()

        if not _process_range(self, environ, complete_length, accept_ranges):
            etag = self.headers.get("ETag")
            unmodified = _quick_unmodified(environ, etag)

            if unmodified < 0:
                unmodified = not _is_resource_modified(
                    environ, etag, last_modified=self.headers.get("Last-Modified")
                )

                if unmodified and _parse_etags(environ.get("HTTP_IF_MATCH")):
                    self.status_code = 412
                    unmodified = 0

            if unmodified:
                self.status_code = 304

        if self.automatically_set_content_length and "content-length" not in self.headers:
            length = self.calculate_content_length()

            if length is not None:
                self.headers["Content-Length"] = str(length)

    return self


cdef bint _range_wanted(object self, object environ) except -1:
    """Whether the request has a ``Range`` and, if it has an ``If-Range``,
    that the representation it names is still this one."""
    return "HTTP_RANGE" in environ and (
        "HTTP_IF_RANGE" not in environ
        or not _is_resource_modified(
            environ,
            self.headers.get("ETag"),
            last_modified=self.headers.get("Last-Modified"),
            ignore_if_range=False,
        )
    )


cdef bint _process_range(
    object self, object environ, object complete_length, object accept_ranges
) except -1:
    """Set ``Accept-Ranges`` and answer a ``Range`` request with 206; return
    whether it did."""
    if not accept_ranges:
        return False

    self.accept_ranges = "bytes" if accept_ranges is True else accept_ranges
    return _answer_range(self, environ, complete_length)


cdef bint _answer_range(object self, object environ, object complete_length) except -1:
    """Make the response a 206 for a wanted, satisfiable ``Range`` and return
    True; return False when there is none to answer.

    :raises RequestedRangeNotSatisfiable: The range cannot be parsed or satisfied.
    """
    if not (complete_length and _range_wanted(self, environ)):
        return False

    ranges = _parse_range_header(environ.get("HTTP_RANGE"))
    span = content_range = None

    if ranges is not None:
        span = ranges.range_for_length(complete_length)
        content_range = ranges.to_content_range_header(complete_length)

    if span is None or content_range is None:
        raise werkzeug_aware(RequestedRangeNotSatisfiable)(complete_length)

    start, stop = span
    self.content_length = stop - start
    self.content_range = content_range
    self.status_code = 206

    if self.status_code == 206:
        self.response = RangeBody(self.response, start, stop - start)

    return True
