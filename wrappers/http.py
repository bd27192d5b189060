"""Functions for HTTP header values, from the twin the shim picked.

Compiled (from :mod:`wrappers._http` when :data:`wrappers.COMPILED` is True):
:func:`http_date`, :func:`parse_date`, :func:`dump_age`, :func:`parse_age`,
:func:`dump_cookie` and :func:`parse_cookie`. Everything else always comes from
:mod:`wrappers_pure.http`: :func:`parse_if_range_header`,
:func:`is_resource_modified`, and the header-value, ETag, range, cache-control,
CSP and status-code functions and tables it re-exports (they are parsed or
built at most once per request, and dominated by the data structures they make).
"""

from __future__ import annotations

import typing as t

from wrappers import COMPILED
from wrappers_pure.http import COEP as COEP
from wrappers_pure.http import COOP as COOP
from wrappers_pure.http import HTTP_STATUS_CODES as HTTP_STATUS_CODES
from wrappers_pure.http import dump_csp_header as dump_csp_header
from wrappers_pure.http import dump_header as dump_header
from wrappers_pure.http import dump_options_header as dump_options_header
from wrappers_pure.http import generate_etag as generate_etag
from wrappers_pure.http import is_byte_range_valid as is_byte_range_valid
from wrappers_pure.http import is_entity_header as is_entity_header
from wrappers_pure.http import is_hop_by_hop_header as is_hop_by_hop_header
from wrappers_pure.http import is_resource_modified as is_resource_modified
from wrappers_pure.http import (
    parse_cache_control_header as parse_cache_control_header,
)
from wrappers_pure.http import (
    parse_content_range_header as parse_content_range_header,
)
from wrappers_pure.http import parse_csp_header as parse_csp_header
from wrappers_pure.http import parse_dict_header as parse_dict_header
from wrappers_pure.http import parse_etags as parse_etags
from wrappers_pure.http import parse_if_range_header as parse_if_range_header
from wrappers_pure.http import parse_list_header as parse_list_header
from wrappers_pure.http import parse_options_header as parse_options_header
from wrappers_pure.http import parse_range_header as parse_range_header
from wrappers_pure.http import parse_set_header as parse_set_header
from wrappers_pure.http import quote_etag as quote_etag
from wrappers_pure.http import quote_header_value as quote_header_value
from wrappers_pure.http import remove_entity_headers as remove_entity_headers
from wrappers_pure.http import remove_hop_by_hop_headers as remove_hop_by_hop_headers
from wrappers_pure.http import unquote_etag as unquote_etag
from wrappers_pure.http import unquote_header_value as unquote_header_value

if t.TYPE_CHECKING or not COMPILED:
    from wrappers_pure.http import dump_age as dump_age
    from wrappers_pure.http import dump_cookie as dump_cookie
    from wrappers_pure.http import http_date as http_date
    from wrappers_pure.http import parse_age as parse_age
    from wrappers_pure.http import parse_cookie as parse_cookie
    from wrappers_pure.http import parse_date as parse_date
else:
    from wrappers._http import dump_age
    from wrappers._http import dump_cookie
    from wrappers._http import http_date
    from wrappers._http import parse_age
    from wrappers._http import parse_cookie
    from wrappers._http import parse_date

__all__ = [
    "COEP",
    "COOP",
    "HTTP_STATUS_CODES",
    "dump_age",
    "dump_cookie",
    "dump_csp_header",
    "dump_header",
    "dump_options_header",
    "generate_etag",
    "http_date",
    "is_byte_range_valid",
    "is_entity_header",
    "is_hop_by_hop_header",
    "is_resource_modified",
    "parse_age",
    "parse_cache_control_header",
    "parse_content_range_header",
    "parse_cookie",
    "parse_csp_header",
    "parse_date",
    "parse_dict_header",
    "parse_etags",
    "parse_if_range_header",
    "parse_list_header",
    "parse_options_header",
    "parse_range_header",
    "parse_set_header",
    "quote_etag",
    "quote_header_value",
    "remove_entity_headers",
    "remove_hop_by_hop_headers",
    "unquote_etag",
    "unquote_header_value",
]
