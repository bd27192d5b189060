"""Helpers for request and response classes (Werkzeug's ``werkzeug.utils``), one
implementation for both twins.

This is a face: it takes the names and ``__all__`` of
:mod:`wrappers_pure.utils` and, having no compiled part, serves them as they
are, to both twins.
"""

from __future__ import annotations

from wrappers_pure.utils import *  # noqa: F403
from wrappers_pure.utils import __all__ as __all__
