# The WSGI call: the compiled twin of ``get_wsgi_headers``, ``get_app_iter`` and
# ``get_wsgi_response`` of ``wrappers_pure/response.py``, with the fast path of
# ``wrappers_pure.urls.iri_to_uri`` for ``Location`` and ``Content-Location``,
# included into ``_response.pyx`` (it works on the C fields of _ResponseBase).
#
# NOTE: the URL helpers give exactly what ``iri_to_uri`` gives; they skip
# calling it for a value that it would leave unchanged.


# -- URLs on the wire ------------------------------------------------------------


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
    an empty query) goes to :func:`_url_for_wire`.
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


cdef object _url_for_wire(object value):
    """``Location`` / ``Content-Location`` as sent: ``iri_to_uri``, with a TAB
    sent as ``%09`` (stricter: URL parsing would drop it). The pure twin's
    ``_url_for_wire``."""
    if "\t" in value:
        value = value.replace("\t", "%09")

    return iri_to_uri(value)


cdef object _request_url(object environ):
    """The request's URL without the query string, as a URI (what an
    autocorrected ``Location`` is joined to). The pure twin's ``_request_url``."""
    return iri_to_uri(get_current_url(environ, strip_querystring=True))


cdef inline object _to_uri(object value):
    """:func:`_url_for_wire`, C-fast for plain paths."""
    if _uri_unchanged(value):
        return value

    return _url_for_wire(value)


# -- the WSGI response -------------------------------------------------------------


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
