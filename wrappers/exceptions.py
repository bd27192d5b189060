"""HTTP exceptions, shared by both twins.

One implementation serves both packages: this module re-exports the classes
of :mod:`wrappers_pure.exceptions` (the very same objects, so ``except`` clauses,
``isinstance`` checks and pickles work across the twins). Their responses are
:class:`wrappers_pure.response.Response` objects.
"""

from __future__ import annotations

from wrappers_pure.exceptions import BadRequest as BadRequest
from wrappers_pure.exceptions import BadRequestKeyError as BadRequestKeyError
from wrappers_pure.exceptions import HTTPException as HTTPException
from wrappers_pure.exceptions import (
    RequestedRangeNotSatisfiable as RequestedRangeNotSatisfiable,
)

__all__ = [
    "BadRequest",
    "BadRequestKeyError",
    "HTTPException",
    "RequestedRangeNotSatisfiable",
]
