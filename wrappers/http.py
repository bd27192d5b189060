"""Functions for HTTP header values, from the twin the shim picked.

No function here has a compiled twin yet: all come from :mod:`wrappers_pure.http`.
"""

from __future__ import annotations

from wrappers_pure.http import dump_options_header as dump_options_header
from wrappers_pure.http import quote_header_value as quote_header_value

__all__ = ["dump_options_header", "quote_header_value"]
