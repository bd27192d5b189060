# NOTE: the typed part of the compiled Headers, for ``cimport`` by the other
# compiled modules (``wrappers/_response.pyx``). Keep in step with _headers.pyx.

cdef class _HeadersBase:
    #: The ``(name, value)`` pairs, in order.
    cdef list _list

    cdef list _pairs(self)
    cdef object _find(self, object key)
    cdef int _extend(self, object arg) except -1
    cdef int _remove(self, object key) except -1
