"""Helpers for testing WSGI applications, for the twin the shim picked
(Werkzeug's ``werkzeug.test``: :class:`EnvironBuilder`, :func:`create_environ`,
:func:`run_wsgi_app`, :func:`encode_multipart`,
:func:`stream_encode_multipart`).

This is a face: it takes the names and ``__all__`` of :mod:`wrappers_pure.test`
and, when :data:`wrappers._shim.COMPILED` is true, swaps in the compiled ones
(``wrappers._test``: the :class:`EnvironBuilder` whose ``request_class`` is the
compiled Request).
"""

from __future__ import annotations

import typing as t

from wrappers._shim import COMPILED
from wrappers_pure.test import *  # noqa: F403
from wrappers_pure.test import __all__ as __all__

if COMPILED and not t.TYPE_CHECKING:
    from wrappers._test import *  # noqa: F403
