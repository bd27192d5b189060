"""The WSGI Request (Werkzeug's ``werkzeug.wrappers.request``), from the twin the
shim picked.

This is a face: it takes the names and ``__all__`` of
:mod:`wrappers_pure.request` and, when :data:`wrappers._shim.COMPILED` is true,
swaps in the compiled ones (each kernel's ``__all__``).
"""

from __future__ import annotations

from wrappers_pure.request import *  # noqa: F403
from wrappers_pure.request import __all__ as __all__
