"""IRIs and URIs (Werkzeug's ``werkzeug.urls``), one implementation for both
twins.

This is a face: it takes the names and ``__all__`` of :mod:`wrappers_pure.urls`
and, having no compiled part, serves them as they are, to both twins.
"""

from __future__ import annotations

from wrappers_pure.urls import *  # noqa: F403
from wrappers_pure.urls import __all__ as __all__
