"""The I/O-free Request (Werkzeug's ``werkzeug.sansio.request``), from the twin
the shim picked.

This is a face: it takes the names and ``__all__`` of
:mod:`wrappers_pure.sansio.request` (one implementation: both twins' WSGI
Requests are built on it).
"""

from __future__ import annotations

from wrappers_pure.sansio.request import *  # noqa: F403
from wrappers_pure.sansio.request import __all__ as __all__
