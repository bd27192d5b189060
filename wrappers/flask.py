"""The Flask flavour (Flask 3.1's ``flask.Response``) on the twin the shim
picked: ``app.response_class = wrappers.flask.Response``.

This is a face: it takes the names and ``__all__`` of
:mod:`wrappers_pure.flask` (which raises :exc:`ImportError` naming
``pip install cywrappers[flask]`` when Flask is missing) and, when
:data:`wrappers._shim.COMPILED` is true, swaps in the compiled ones
(``wrappers._flask``, which the shim does not import: it needs Flask).
"""

from __future__ import annotations

import typing as t

from wrappers._shim import COMPILED
from wrappers_pure.flask import *  # noqa: F403
from wrappers_pure.flask import __all__ as __all__

if COMPILED and not t.TYPE_CHECKING:
    from wrappers._flask import *  # noqa: F403
