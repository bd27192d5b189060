"""Tables of HTTP: status codes and reason phrases, header name groups, and
the ``Cross-Origin-*`` policy values (pure; both twins use these).

Behaviour is Werkzeug 3.1's ``werkzeug.http`` for these names;
:mod:`wrappers_pure.http` re-exports every name of ``__all__``.
"""

from __future__ import annotations

import typing as t
from enum import Enum


class _HeaderPairs(t.Protocol):
    """What the ``remove_*_headers`` functions edit: a list of ``(name, value)``
    pairs or a Headers object (iterable, with slice assignment)."""

    def __iter__(self) -> t.Iterator[tuple[str, str]]: ...

    def __setitem__(self, key: slice, value: list[tuple[str, str]], /) -> None: ...

#: Headers that describe the entity rather than the message (lower case).
ENTITY_HEADERS: t.Final = frozenset(
    (
        "allow",
        "content-encoding",
        "content-language",
        "content-length",
        "content-location",
        "content-md5",
        "content-range",
        "content-type",
        "expires",
        "last-modified",
    )
)

#: HTTP/1.1 hop-by-hop headers (lower case).
HOP_BY_HOP_HEADERS: t.Final = frozenset(
    (
        "connection",
        "keep-alive",
        "proxy-authenticate",
        "proxy-authorization",
        "te",
        "trailer",
        "transfer-encoding",
        "upgrade",
    )
)

#: :func:`parse_range_header` returns None for a header with more ranges than
#: this (HOSTILE-INPUT 20). Werkzeug would return a :class:`Range` holding all
#: of them, but ``Range.range_for_length`` serves exactly one range and gives
#: None for several, so ``make_conditional`` answers 416 in both cases. 200 is

#: Status code -> reason phrase, the same table as Werkzeug's.
HTTP_STATUS_CODES: dict[int, str] = {
    100: "Continue",
    101: "Switching Protocols",
    102: "Processing",
    103: "Early Hints",
    200: "OK",
    201: "Created",
    202: "Accepted",
    203: "Non Authoritative Information",
    204: "No Content",
    205: "Reset Content",
    206: "Partial Content",
    207: "Multi Status",
    208: "Already Reported",
    226: "IM Used",
    300: "Multiple Choices",
    301: "Moved Permanently",
    302: "Found",
    303: "See Other",
    304: "Not Modified",
    305: "Use Proxy",
    306: "Switch Proxy",
    307: "Temporary Redirect",
    308: "Permanent Redirect",
    400: "Bad Request",
    401: "Unauthorized",
    402: "Payment Required",
    403: "Forbidden",
    404: "Not Found",
    405: "Method Not Allowed",
    406: "Not Acceptable",
    407: "Proxy Authentication Required",
    408: "Request Timeout",
    409: "Conflict",
    410: "Gone",
    411: "Length Required",
    412: "Precondition Failed",
    413: "Request Entity Too Large",
    414: "Request URI Too Long",
    415: "Unsupported Media Type",
    416: "Requested Range Not Satisfiable",
    417: "Expectation Failed",
    418: "I'm a teapot",
    421: "Misdirected Request",
    422: "Unprocessable Entity",
    423: "Locked",
    424: "Failed Dependency",
    425: "Too Early",
    426: "Upgrade Required",
    428: "Precondition Required",
    429: "Too Many Requests",
    431: "Request Header Fields Too Large",
    449: "Retry With",
    451: "Unavailable For Legal Reasons",
    500: "Internal Server Error",
    501: "Not Implemented",
    502: "Bad Gateway",
    503: "Service Unavailable",
    504: "Gateway Timeout",
    505: "HTTP Version Not Supported",
    506: "Variant Also Negotiates",
    507: "Insufficient Storage",
    508: "Loop Detected",
    510: "Not Extended",
    511: "Network Authentication Failed",
}


class COEP(Enum):
    """The values of the ``Cross-Origin-Embedder-Policy`` header.

    A plain :class:`~enum.Enum`, as in Werkzeug: a member is not equal to its
    string; ``COEP("require-corp")`` looks one up and ``.value`` gives the text.
    """

    UNSAFE_NONE = "unsafe-none"
    REQUIRE_CORP = "require-corp"


class COOP(Enum):
    """The values of the ``Cross-Origin-Opener-Policy`` header.

    A plain :class:`~enum.Enum`, as in Werkzeug: a member is not equal to its
    string; ``COOP("same-origin")`` looks one up and ``.value`` gives the text.
    """

    UNSAFE_NONE = "unsafe-none"
    SAME_ORIGIN_ALLOW_POPUPS = "same-origin-allow-popups"
    SAME_ORIGIN = "same-origin"


# --- entity and hop-by-hop headers ---------------------------------------------


def is_entity_header(header: str) -> bool:
    """Tell whether a header name is an entity header (``Content-Type``,
    ``Content-Length``, ``Expires``, ...), ignoring case.

    :param header: The header name.
    """
    return header.lower() in ENTITY_HEADERS


def is_hop_by_hop_header(header: str) -> bool:
    """Tell whether a header name is an HTTP/1.1 hop-by-hop header
    (``Connection``, ``Keep-Alive``, ``Transfer-Encoding``, ...), ignoring case.

    :param header: The header name.
    """
    return header.lower() in HOP_BY_HOP_HEADERS


def remove_entity_headers(
    headers: _HeaderPairs,
    allowed: t.Iterable[str] = ("expires", "content-location"),
) -> None:
    """Remove the entity headers from a list of pairs or a
    :class:`~wrappers_pure.datastructures.Headers`, in place.

    By default ``Expires`` and ``Content-Location`` are kept, since a 304
    response should still send them (RFC 2616, 10.3.5).

    :param headers: The headers to edit.
    :param allowed: Names (any case) of entity headers to keep.
    """
    keep = set()

    for name in allowed:
        keep.add(name.lower())

    kept = []

    for key, value in headers:
        if not is_entity_header(key) or key.lower() in keep:
            kept.append((key, value))

    headers[:] = kept


def remove_hop_by_hop_headers(headers: _HeaderPairs) -> None:
    """Remove the HTTP/1.1 hop-by-hop headers from a list of pairs or a
    :class:`~wrappers_pure.datastructures.Headers`, in place.

    :param headers: The headers to edit.
    """
    kept = []

    for key, value in headers:
        if not is_hop_by_hop_header(key):
            kept.append((key, value))

    headers[:] = kept


__all__ = [
    "COEP",
    "COOP",
    "HTTP_STATUS_CODES",
    "is_entity_header",
    "is_hop_by_hop_header",
    "remove_entity_headers",
    "remove_hop_by_hop_headers",
]
