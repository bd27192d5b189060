"""Response-side data structures, from the twin the shim picked."""

from __future__ import annotations

import typing as t

from wrappers import COMPILED

if t.TYPE_CHECKING or not COMPILED:
    from wrappers_pure.datastructures import Headers as Headers
else:
    from wrappers._headers import Headers

__all__ = ["Headers"]
