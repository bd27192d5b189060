"""Entity tags as text: quoting, unquoting, scanning a list of them, and
making one from data (pure; both twins use these).

Behaviour is Werkzeug 3.1's ``werkzeug.http`` for the public names;
:mod:`wrappers_pure.http` re-exports every name of ``__all__`` and builds
:class:`~wrappers_pure.datastructures.ETags` from :func:`next_etag`'s results
(``parse_etags``).
"""

from __future__ import annotations

import re
import typing as t
from hashlib import sha1

#: An unquoted ETag: anything up to a quote, space, tab or comma.
_etag_run_re: t.Final = re.compile(r'[^" \t,]+')


def quote_etag(etag: str, weak: bool = False) -> str:
    """Wrap an ETag in double quotes, with a ``W/`` prefix when it is weak.

    :param etag: The ETag, which must not contain ``"`` (:exc:`ValueError`).
    :param weak: Mark the ETag as weak.
    """
    if '"' in etag:
        raise ValueError("invalid etag")

    if weak:
        return f'W/"{etag}"'

    return f'"{etag}"'


@t.overload
def unquote_etag(etag: str) -> tuple[str, bool]: ...


@t.overload
def unquote_etag(etag: None) -> tuple[None, None]: ...


def unquote_etag(etag: str | None) -> tuple[str, bool] | tuple[None, None]:
    """Split an ETag into its text and weakness.

    ``unquote_etag('W/"x"')`` gives ``('x', True)`` and ``unquote_etag('"x"')``
    gives ``('x', False)``. A ``W/`` or ``w/`` prefix marks it weak; the quotes
    are removed when there are quotes at both ends, and an unquoted ETag is
    returned as it is. None or ``""`` give ``(None, None)``.

    :param etag: The ETag to unquote.
    """
    if not etag:
        return None, None

    if etag.startswith(("W/", "w/")):
        body = etag[2:]

        if body.startswith('"') and body.endswith('"'):
            return body[1:-1], True

        return body, True

    if etag.startswith('"') and etag.endswith('"'):
        return etag[1:-1], False

    return etag, False


def next_etag(value: str, pos: int) -> tuple[int, bool, str | None] | None:
    """Read one ETag of a comma-separated list, starting at ``pos``.

    An ETag is an optional ``W/`` or ``w/``, then a quoted string or a run of
    characters other than ``"``, space, tab and comma, surrounded by optional
    spaces or tabs and followed by a comma or the end. An empty quoted string
    reads as None.

    :param value: The header value.
    :param pos: Where to start.
    :return: ``(end, weak, tag)``, with ``end`` just past the comma, or None
        when there is no valid ETag at ``pos``.
    """
    length = len(value)

    while pos < length and value[pos] in " \t":
        pos += 1

    weak = False

    if value.startswith(("W/", "w/"), pos):
        # A bare "W/" (followed by nothing, a space, a tab or a comma) is an
        # unquoted tag of its own rather than a weak marker.
        if pos + 2 < length and value[pos + 2] not in " \t,":
            weak = True
            pos += 2

    tag: str | None

    if pos < length and value[pos] == '"':
        close = value.find('"', pos + 1)

        if close < 0:
            return None

        tag = value[pos + 1 : close] or None
        end = close + 1
    else:
        run = _etag_run_re.match(value, pos)

        if run is None:
            return None

        tag = run.group()
        end = run.end()

    while end < length and value[end] in " \t":
        end += 1

    if end == length:
        return end, weak, tag

    if value[end] == ",":
        return end + 1, weak, tag

    return None



def generate_etag(data: bytes) -> str:
    """Make an ETag for some data: the hex SHA-1 digest of the bytes.

    :param data: The data to hash.
    """
    # PERF: digest().hex() gives hexdigest()'s text; on PyPy it is about
    # 0.7 us faster per call (about the same on CPython).
    return sha1(data).digest().hex()


__all__ = ["generate_etag", "quote_etag", "unquote_etag"]
