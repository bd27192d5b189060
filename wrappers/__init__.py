"""A fast, Werkzeug-compatible HTTP layer: the import shim.

:mod:`wrappers._shim` decides once, at import, which twin serves the public
names: the compiled one (Cython) where it was built, the pure one
(:mod:`wrappers_pure`) on PyPy, without a compiler, or with
``WRAPPERS_NO_EXTENSIONS`` set. :data:`COMPILED` tells which. This package
takes the pure twin's names and swaps in the compiled ones, module by module
(the faces: :mod:`wrappers.http`, :mod:`wrappers.datastructures`, ...).
``wrappers_pure`` is what type checkers see.
"""

from __future__ import annotations

import typing as t

from wrappers_pure import *  # noqa: F403
from wrappers_pure import __all__ as __all__
from wrappers_pure import __version__ as __version__
from wrappers._shim import COMPILED as COMPILED
from wrappers._shim import REASON as _REASON  # noqa: F401 (shown by `python -m wrappers`)

if COMPILED and not t.TYPE_CHECKING:
    # NOTE: only Headers; the kernel's EnvironHeaders is served by wrappers.datastructures.
    from wrappers._headers import Headers as Headers
    from wrappers._response import *  # noqa: F403
    from wrappers._request import *  # noqa: F403

from wrappers import datastructures as datastructures  # noqa: E402
from wrappers import exceptions as exceptions  # noqa: E402
from wrappers import http as http  # noqa: E402
from wrappers import request as request  # noqa: E402
from wrappers import response as response  # noqa: E402
from wrappers import sansio as sansio  # noqa: E402
from wrappers import test as test  # noqa: E402
from wrappers import urls as urls  # noqa: E402
from wrappers import user_agent as user_agent  # noqa: E402
from wrappers import utils as utils  # noqa: E402
from wrappers import wsgi as wsgi  # noqa: E402
from wrappers.sansio import request as _sansio_request  # noqa: E402,F401
from wrappers.sansio import response as _sansio_response  # noqa: E402,F401
from wrappers.sansio import utils as _sansio_utils  # noqa: E402,F401
