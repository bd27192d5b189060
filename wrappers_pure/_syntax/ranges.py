"""Byte ranges as numbers: the validity rule and the integers of ``Range``
and ``Content-Range`` values (pure; both twins use these).

:mod:`wrappers_pure.http` builds :class:`~wrappers_pure.datastructures.Range`
and :class:`~wrappers_pure.datastructures.ContentRange` with these, and
re-exports :func:`is_byte_range_valid` (Werkzeug's ``werkzeug.http`` name).
"""

from __future__ import annotations

import typing as t

#: :func:`parse_range_header` returns None for a header with more ranges than
#: this (HOSTILE-INPUT 20). Werkzeug would return a :class:`Range` holding all
#: of them, but ``Range.range_for_length`` serves exactly one range and gives
#: None for several, so ``make_conditional`` answers 416 in both cases. 200 is
#: Apache httpd's default ``MaxRanges``.
MAX_RANGES: t.Final = 200


def is_byte_range_valid(
    start: int | None, stop: int | None, length: int | None
) -> bool:
    """Whether ``start``, ``stop`` and ``length`` make a valid byte range.

    ``start`` and ``stop`` are both None (a range of unknown position, valid
    when ``length`` is None or not negative) or both integers with
    ``0 <= start < stop``; with a ``length``, ``start`` must also be below it.

    :param start: The first byte, or None.
    :param stop: One past the last byte, or None.
    :param length: The length of the whole representation, or None.
    """
    if start is None or stop is None:
        if start is not stop:
            return False

        return length is None or length >= 0

    if length is None:
        return 0 <= start < stop

    if start >= stop:
        return False

    return 0 <= start < length


def plain_int(text: str) -> int:
    """Read an integer made only of ASCII digits with an optional leading ``-``.

    Spaces and tabs around it are ignored. Anything else (``+``, ``_``, other
    whitespace, non-ASCII digits, or more digits than :func:`int` accepts) raises
    :exc:`ValueError`.

    :param text: The text to read.
    """
    text = text.strip(" \t")
    digits = text[1:] if text.startswith("-") else text

    if not digits or not digits.isascii() or not digits.isdigit():
        raise ValueError(f"invalid integer: {text!r}")

    return int(text)


__all__ = ["is_byte_range_valid"]
