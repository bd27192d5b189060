"""The pure-Python twin of :mod:`wrappers`.

It has the same public names and behaves the same as the compiled twin; it is
what :mod:`wrappers` serves on PyPy, where no compiler was available, or when
``WRAPPERS_NO_EXTENSIONS`` is set. It imports nothing from :mod:`wrappers`.
"""

from __future__ import annotations

from wrappers_pure import datastructures as datastructures
from wrappers_pure import exceptions as exceptions
from wrappers_pure import http as http
from wrappers_pure.headers import Headers as Headers
from wrappers_pure.response import Response as Response
from wrappers_pure.response import ResponseStream as ResponseStream

__version__ = "0.1.0"

#: Always False here; :data:`wrappers.COMPILED` says which twin the shim picked.
COMPILED = False

__all__ = ["COMPILED", "Headers", "Response", "ResponseStream", "__version__"]
