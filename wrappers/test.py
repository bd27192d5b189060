"""Helpers for testing WSGI applications, for the twin the shim picked
(Werkzeug's ``werkzeug.test``: :class:`EnvironBuilder`, :func:`create_environ`,
:func:`run_wsgi_app`, :func:`encode_multipart`,
:func:`stream_encode_multipart`).

This is a face: it takes the names and ``__all__`` of :mod:`wrappers_pure.test`
and, having no compiled part, serves them as they are, to both twins.

NOTE: ``EnvironBuilder.request_class`` is the pure twin's Request. Once the
compiled Request exists (kernel ``wrappers._request``), the compiled twin's
builder makes it instead: under ``if COMPILED and not t.TYPE_CHECKING:``
import it from the kernel and subclass, ``class EnvironBuilder(EnvironBuilder):
request_class = Request`` (and name ``EnvironBuilder`` in ``OWN_NAMES`` of
``tests/package/test_joints.py``).
"""

from __future__ import annotations

from wrappers_pure.test import *  # noqa: F403
from wrappers_pure.test import __all__ as __all__
