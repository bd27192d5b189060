"""WSGI helpers (Werkzeug's ``werkzeug.wsgi``), one implementation for both twins.

This is a face: it takes the names and ``__all__`` of :mod:`wrappers_pure.wsgi`
and, having no compiled part, serves them as they are, to both twins.
"""

from __future__ import annotations

from wrappers_pure.wsgi import *  # noqa: F403
from wrappers_pure.wsgi import __all__ as __all__
