"""HTTP exceptions. They live only in the pure twin and serve both."""

from __future__ import annotations

from wrappers_pure.exceptions import BadRequestKeyError as BadRequestKeyError

__all__ = ["BadRequestKeyError"]
