"""The ``User-Agent`` header object (Werkzeug's ``werkzeug.user_agent``), one
implementation for both twins.

This is a face: it takes the names and ``__all__`` of
:mod:`wrappers_pure.user_agent` and, having no compiled part, serves them as
they are, to both twins.
"""

from __future__ import annotations

from wrappers_pure.user_agent import *  # noqa: F403
from wrappers_pure.user_agent import __all__ as __all__
