"""The WSGI Request (Werkzeug's ``werkzeug.wrappers.request``), from the twin the
shim picked.

This is a face: it takes the names and ``__all__`` of
:mod:`wrappers_pure.request` and, when :data:`wrappers._shim.COMPILED` is true,
swaps in the compiled ones (each kernel's ``__all__``: ``wrappers._request``).
"""

from __future__ import annotations

import typing as t

from wrappers._shim import COMPILED
from wrappers_pure.request import *  # noqa: F403
from wrappers_pure.request import __all__ as __all__

if COMPILED and not t.TYPE_CHECKING:
    from wrappers._request import *  # noqa: F403
