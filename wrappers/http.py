"""Functions for HTTP header values, from the twin the shim picked (Werkzeug's
``werkzeug.http``).

This is a face: it takes the names and ``__all__`` of :mod:`wrappers_pure.http`
and, when :data:`wrappers._shim.COMPILED` is true, swaps in the compiled ones
(each kernel's ``__all__``: ``wrappers._dates`` ``wrappers._cookies``
``wrappers._http``; ``parse_accept_header`` of ``wrappers._accept``).
"""

from __future__ import annotations

import typing as t

from wrappers._shim import COMPILED
from wrappers_pure.http import *  # noqa: F403
from wrappers_pure.http import __all__ as __all__

if COMPILED and not t.TYPE_CHECKING:
    from wrappers._dates import *  # noqa: F403
    from wrappers._cookies import *  # noqa: F403
    from wrappers._http import *  # noqa: F403
    from wrappers._accept import parse_accept_header  # noqa: F401
