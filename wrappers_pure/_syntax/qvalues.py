"""Quality lists: the items of an ``Accept``, ``Accept-Charset``,
``Accept-Encoding`` or ``Accept-Language`` header as ``(value, quality)``
pairs (pure; both twins use it).

Text in, a list of pairs out, in header order: :func:`parse_qvalue_items` is
what Werkzeug 3.1's ``parse_accept_header`` does before it hands the pairs to
an :class:`~wrappers_pure.datastructures.Accept` class (which sorts them):

- the header is split into items as :func:`parse_list_header` does, and each
  item into a value and parameters as :func:`parse_options_header` does;
- a ``q`` parameter must match ``-?\\d+(\\.\\d+)?`` and lie in ``[0, 1]``, or
  the item is dropped; without one the quality is the int ``1``;
- the other parameters are put back after the value with
  :func:`dump_options_header` (``text/html; level=1``).

PERF: an item of the common shape (``type/subtype`` with at most one
``;q=...``, no quotes) is read by one regular expression; anything else takes
the general path above. The compiled twin (``wrappers/_accept.pyx``) scans the
common grammar in C and calls :func:`parse_qvalue_items` for any header it does
not cover, so both twins give the same pairs for every header.
"""

from __future__ import annotations

import re
import typing as t

from wrappers_pure._syntax.quoting import TOKEN_CLASS
from wrappers_pure._syntax.quoting import dump_options_header
from wrappers_pure._syntax.quoting import parse_list_header
from wrappers_pure._syntax.quoting import parse_options_header

#: A valid quality value (RFC 9110 is stricter; this is Werkzeug's rule).
q_value_re: t.Final = re.compile(r"-?\d+(\.\d+)?", re.ASCII)

#: An item of the common shape: a value of token characters and ``/`` with at
#: most one ``;q=`` parameter, spaces and tabs around. Group 1 is the value,
#: group 2 the quality text (None without one).
#: NOTE: every string this matches gives, on the general path, the value of
#: group 1 and the ``q`` of group 2; the general path decides everything else.
_simple_item_re: t.Final = re.compile(
    f"[ \\t]*([{TOKEN_CLASS}/]+)[ \\t]*(?:;[ \\t]*[qQ]=(-?[0-9]+(?:\\.[0-9]+)?)[ \\t]*)?",
    re.ASCII,
)


def _general_item(item: str) -> tuple[str, float] | None:
    """One list item's pair by the general path, or None if its ``q`` is invalid."""
    value, options = parse_options_header(item)
    q: float

    if "q" in options:
        q_str = options.pop("q").strip(" \t")

        if q_value_re.fullmatch(q_str) is None:
            return None

        q = float(q_str)

        if q < 0 or q > 1:
            return None
    else:
        q = 1

    if options:
        value = dump_options_header(value, options)

    return value, q


def parse_qvalue_items(value: str) -> list[tuple[str, float]]:
    """The ``(value, quality)`` pairs of a quality-list header, in header order.

    Items with an invalid quality are left out; an item without ``q`` has the
    quality ``1`` (an int, as in Werkzeug). Time is linear in the header's
    length.

    :param value: The header value (not empty).
    """
    result: list[tuple[str, float]] = []
    simple = _simple_item_re.fullmatch
    items: t.Iterable[str]

    # NOTE: without a quote, parse_list_header is a split at commas (and the
    # stripping and dropping of empty items, done here per item).
    if '"' in value:
        items = parse_list_header(value)
    else:
        items = value.split(",")

    for item in items:
        m = simple(item)

        if m is not None:
            q_str = m.group(2)

            if q_str is None:
                result.append((m.group(1), 1))
                continue

            q = float(q_str)

            if 0 <= q <= 1:
                result.append((m.group(1), q))

            continue

        item = item.strip(" \t")

        if item:
            pair = _general_item(item)

            if pair is not None:
                result.append(pair)

    return result


__all__: list[str] = []
