"""Response-side data structures (pure twin)."""

from __future__ import annotations

from wrappers_pure.headers import Headers as Headers

__all__ = ["Headers"]
