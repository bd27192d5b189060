"""Query strings (``application/x-www-form-urlencoded`` text) into pairs.

What Werkzeug 3.1's ``Request.args`` does with ``urllib.parse.parse_qsl``
(``keep_blank_values=True``; its ``werkzeug.url_quote`` error handler), as one
function the compiled twin has a kernel of (``wrappers/_query.pyx``):

- the text splits on ``&`` only; empty pieces are skipped; a piece without
  ``=`` is a key with the value ``""``; the first ``=`` ends the key;
- ``+`` means a space; ``%XX`` escapes are decoded as UTF-8, and bytes that are
  not valid UTF-8 come back percent-encoded (upper-case hex), as Werkzeug's
  error handler gives them: ``a=%ff`` is ``("a", "%FF")``;
- raw bytes that are not UTF-8 (a WSGI ``QUERY_STRING`` is Latin-1 text of
  the request's bytes) become U+FFFD (``replace``), where Werkzeug's
  ``query_string.decode()`` raises :exc:`UnicodeDecodeError`, a 500 for the
  client's bytes: HOSTILE-INPUT row R10, stricter than Werkzeug.
"""

from __future__ import annotations

import codecs
import typing as t
from urllib.parse import quote
from urllib.parse import unquote

#: The name of the codec error handler that percent-encodes undecodable bytes.
URL_QUOTE_ERRORS: t.Final = "wrappers.url_quote"


def _url_quote_errors(exc: UnicodeError) -> tuple[str, int]:
    """Re-quote the bytes a decoder could not decode (``%FF``)."""
    assert isinstance(exc, UnicodeDecodeError)
    return quote(exc.object[exc.start : exc.end], safe=""), exc.end


codecs.register_error(URL_QUOTE_ERRORS, _url_quote_errors)


def query_text(query: bytes | str) -> str:
    """The text of a query string given as bytes (UTF-8, U+FFFD for what is
    not) or as str (returned as it is)."""
    if isinstance(query, str):
        return query

    try:
        return query.decode()
    except UnicodeDecodeError:
        return query.decode(errors="replace")


def unquote_part(text: str) -> str:
    """One key or value: ``+`` as a space, ``%XX`` escapes decoded."""
    if "+" in text:
        text = text.replace("+", " ")

    if "%" in text:
        text = unquote(text, "utf-8", URL_QUOTE_ERRORS)

    return text


def parse_query_lists(text: str) -> dict[str, list[str]]:
    """Parse a query string into ``{key: [value, ...]}``, keys in the order
    of their first appearance (a :class:`MultiDict`'s layout)."""
    lists: dict[str, list[str]] = {}

    if not text:
        return lists

    for piece in text.split("&"):
        if not piece:
            continue

        key, _, value = piece.partition("=")

        if "%" in piece or "+" in piece:
            key = unquote_part(key)
            value = unquote_part(value)

        values = lists.get(key)

        if values is None:
            lists[key] = [value]
        else:
            values.append(value)

    return lists


def parse_query_pairs(text: str) -> list[tuple[str, str]]:
    """Parse a query string into its ``(key, value)`` pairs, in order."""
    pairs: list[tuple[str, str]] = []

    if not text:
        return pairs

    for piece in text.split("&"):
        if not piece:
            continue

        key, _, value = piece.partition("=")

        if "%" in piece or "+" in piece:
            key = unquote_part(key)
            value = unquote_part(value)

        pairs.append((key, value))

    return pairs


__all__: list[str] = []
