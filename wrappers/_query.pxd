# NOTE: the query-string parser for ``cimport`` by the other compiled modules
# (the Request). Keep in step with _query.pyx.

#: ``parse_query_lists(text)``: ``{key: [value, ...]}``.
cdef dict query_lists(str text)
#: ``parse_query_pairs(text)``: ``[(key, value), ...]``.
cdef list query_pairs(str text)
