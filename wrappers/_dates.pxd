# NOTE: what ``_cookies.pyx`` takes from ``_dates.pyx`` in C (cimported). Keep
# in step with _dates.pyx.

#: The current Unix time (``time.time()``).
cdef double _now() except? -1.0
#: The HTTP date of a float timestamp of years 1 to 9999, or None when the
#: Python path must decide (NaN, out of range).
cdef object _format_double(double timestamp)
