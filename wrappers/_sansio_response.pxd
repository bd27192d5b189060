# NOTE: the typed part of the compiled sansio Response, for ``cimport`` by
# ``_response.pyx`` (the WSGI Response derives from it). Keep in step with
# _sansio_response.pyx.

cdef class _SansioResponseBase:
    #: The response headers (a :class:`Headers` object).
    cdef public object headers
    cdef object _status_line           # ``_status``
    cdef object _status_code_obj       # ``_status_code``


#: The body of ``__init__`` (``own_status``: the class still has the C
#: ``status`` property, so the status is set without calling it).
cdef int _sansio_init(
    _SansioResponseBase self,
    object status,
    object headers,
    object mimetype,
    object content_type,
    bint own_status,
) except -1
#: ``self.status = value`` without the property.
cdef int _set_status(_SansioResponseBase self, object value) except -1
