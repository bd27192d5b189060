"""The request's host and URL without I/O (Werkzeug's ``werkzeug.sansio.utils``),
one implementation for both twins.

This is a face: it takes the names and ``__all__`` of
:mod:`wrappers_pure.sansio.utils` and, having no compiled part, serves them as
they are, to both twins.
"""

from __future__ import annotations

from wrappers_pure.sansio.utils import *  # noqa: F403
from wrappers_pure.sansio.utils import __all__ as __all__
