"""The HTTP exceptions (Werkzeug's ``werkzeug.exceptions``), one implementation
for both twins: ``except`` clauses, ``isinstance`` checks and pickles work
across them.

This is a face: it takes the names and ``__all__`` of
:mod:`wrappers_pure.exceptions` and, having no compiled part, serves them as
they are, to both twins.
"""

from __future__ import annotations

from wrappers_pure.exceptions import *  # noqa: F403
from wrappers_pure.exceptions import __all__ as __all__
