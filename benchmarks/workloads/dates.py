"""Dates workloads: formatting and parsing HTTP dates.

``dates`` is the goal-bearing workload: one op formats a timestamp with
``http_date`` and parses an RFC 1123 date with ``parse_date``, what a response
does for ``Date``/``Last-Modified``/``Expires`` and a conditional request's
``If-Modified-Since``.

Both twins keep small, bounded caches (the last second formatted; in the pure
twin, recent RFC 1123 strings parsed), and this op repeats its inputs, as a
server repeats a ``Date`` within a second and a client repeats a resource's
``Last-Modified``. ``dates.fresh`` (opt-in, no goals) gives every call a
different second and a different date string, so it measures the uncached
paths.
"""

from __future__ import annotations

import typing as t

from workloads.base import COMPILED
from workloads.base import PURE
from workloads.base import Impl
from workloads.base import Op
from workloads.base import Workload

#: The timestamp formatted, and the date parsed (the same instant).
TIMESTAMP: t.Final = 1700000000.0
DATE: t.Final = "Tue, 14 Nov 2023 22:13:20 GMT"

#: How many distinct inputs ``dates.fresh`` cycles through (more than any cache
#: holds, so that every call misses).
FRESH: t.Final = 4096


def _dates(impl: Impl) -> Op:
    http_date = impl.http.http_date
    parse_date = impl.http.parse_date

    def op() -> object:
        return http_date(TIMESTAMP), parse_date(DATE)

    return op


def _fresh(impl: Impl) -> Op:
    """Each call a new second and a new date string, cycling through FRESH."""
    http_date = impl.http.http_date
    parse_date = impl.http.parse_date
    # The strings are made by the standard library, the same for everyone.
    timestamps = [TIMESTAMP + 86461 * i for i in range(FRESH)]
    dates = [_rfc1123(ts) for ts in timestamps]
    state = [0]

    def op() -> object:
        i = state[0] = (state[0] + 1) % FRESH
        return http_date(timestamps[i]), parse_date(dates[i])

    return op


def _rfc1123(timestamp: float) -> str:
    import email.utils

    return email.utils.formatdate(timestamp, usegmt=True)


WORKLOADS: list[Workload] = [
    Workload(
        name="dates",
        description=(
            "http_date(1700000000.0) + parse_date('Tue, 14 Nov 2023 22:13:20 GMT')"
        ),
        build=_dates,
        requires=("http",),
        goals={COMPILED: 10.0, PURE: 2.0},
    ),
    Workload(
        name="dates.fresh",
        description="http_date + parse_date, a different second and string each call",
        build=_fresh,
        requires=("http",),
        default=False,
    ),
]
