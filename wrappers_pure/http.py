"""Functions for HTTP header values (pure twin).

The foundation needs only what :class:`~wrappers_pure.headers.Headers` uses for
keyword parameters (``add("Content-Disposition", "attachment", filename=...)``);
the rest of Werkzeug's response-side ``werkzeug.http`` arrives with its own work.
"""

from __future__ import annotations

import typing as t

#: The characters of an RFC 9110 ``token``; a value made only of these needs no quotes.
_TOKEN_CHARS: t.Final = frozenset(
    "!#$%&'*+-.0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ^_`abcdefghijklmnopqrstuvwxyz|~"
)


def quote_header_value(value: t.Any, allow_token: bool = True) -> str:
    """Quote a header value with double quotes unless it is a token.

    The value is converted with :class:`str` first. The empty string gives
    ``""``; ``"`` and ``\\`` are escaped with a backslash inside the quotes.

    :param value: The value to quote.
    :param allow_token: When False, quote even a value that is a token.
    """
    text = str(value)

    if not text:
        return '""'

    if allow_token and _TOKEN_CHARS.issuperset(text):
        return text

    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def dump_options_header(header: str | None, options: t.Mapping[str, t.Any]) -> str:
    """Join a header value and ``key=value`` parameters with ``"; "``.

    ``dump_options_header("text/html", {"charset": "utf-8"})`` gives
    ``'text/html; charset=utf-8'``. Values that are not tokens are quoted; a
    ``None`` value skips its parameter; a key ending in ``*`` is taken to hold an
    already encoded RFC 2231 value and is not quoted.

    :param header: The main value, or None for parameters alone.
    :param options: The parameters, in order.
    """
    parts = [] if header is None else [header]

    for key, value in options.items():
        if value is None:
            continue

        if key.endswith("*"):
            parts.append(f"{key}={value}")
        else:
            parts.append(f"{key}={quote_header_value(value)}")

    return "; ".join(parts)


__all__ = ["dump_options_header", "quote_header_value"]
