"""The I/O-free objects and helpers (pure twin): Werkzeug 3.1's
``werkzeug.sansio``. A server that does not speak WSGI builds these from what
it parsed itself; the WSGI objects of :mod:`wrappers_pure.response` derive
from them.

- :mod:`~wrappers_pure.sansio.utils`: the request's host and URL;
- :mod:`~wrappers_pure.sansio.response`: :class:`~wrappers_pure.sansio.response.Response`
  (status, headers, cookies, header attributes and live header objects);
- :mod:`~wrappers_pure.sansio.request`: :class:`~wrappers_pure.sansio.request.Request`
  (the method, URL, headers and client, and what is parsed from them).
"""
