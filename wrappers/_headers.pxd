# NOTE: the typed part of the compiled Headers and the pair-list helpers, for
# ``cimport`` by the other compiled modules (the responses). Keep in step with
# _headers.pyx.

cdef class _HeadersBase:
    #: The ``(name, value)`` pairs, in order.
    cdef list _list

    cdef list _pairs(self)
    cdef object _find(self, object key)
    cdef int _extend(self, object arg) except -1
    cdef int _remove(self, object key) except -1


cdef class _EnvironHeadersBase(_HeadersBase):
    #: The WSGI environ the headers are read from.
    cdef public object environ


#: ``value`` as a Headers object stores it: ``str``, free of CR and LF.
cdef object _clean_value(object value)
#: Whether ``headers`` is a compiled Headers whose class still has its own
#: ``set``, ``add``, ``__setitem__``, ``get`` and ``__contains__``.
cdef bint _plain_headers(object headers) noexcept
#: ``Headers.set`` on a pair list (``lname`` is the lower-case name).
cdef int _list_set(list lst, str lname, tuple pair) except -1
#: ``headers[name] = value``, on the pair list when ``_plain_headers``.
cdef int _set_header(object headers, str lname, str name, object value, tuple pair) except -1
#: The index of the first pair named ``lname``, or -1.
cdef Py_ssize_t _pair_index(list lst, str lname) except -2
#: ``headers.get(name)``, from the pair list when ``_plain_headers``.
cdef object _header_get(object headers, str lname, str name)
#: ``name in headers``, from the pair list when ``_plain_headers``.
cdef bint _header_in(object headers, str lname, str name) except -1
#: ``_HeadersBase.__new__(Headers)``, through its tp_new.
cdef _HeadersBase _new_headers()
