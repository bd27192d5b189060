"""The data structures, from the twin the shim picked (Werkzeug's
``werkzeug.datastructures``).

This is a face: it takes the names and ``__all__`` of
:mod:`wrappers_pure.datastructures` and, when :data:`wrappers._shim.COMPILED`
is true, swaps in the compiled ones (each kernel's ``__all__``:
``wrappers._headers``; the Accept classes of ``wrappers._accept``).
"""

from __future__ import annotations

import typing as t

from wrappers._shim import COMPILED
from wrappers_pure.datastructures import *  # noqa: F403
from wrappers_pure.datastructures import __all__ as __all__

if COMPILED and not t.TYPE_CHECKING:
    from wrappers._headers import *  # noqa: F403
    from wrappers._accept import Accept  # noqa: F401
    from wrappers._accept import CharsetAccept  # noqa: F401
    from wrappers._accept import LanguageAccept  # noqa: F401
    from wrappers._accept import MIMEAccept  # noqa: F401
