"""Cookies workloads: making a ``Set-Cookie`` value and parsing a ``Cookie`` header.

``cookies`` is the goal-bearing workload: one op does what a response setting a
session cookie and a request reading three cookies do. ``dump_cookie`` with
``max_age`` also formats ``Expires`` (now plus ``max_age``), so its text
changes every second; the op's result is compared across implementations with
the ``Expires`` attribute taken out, and ``parse_cookie``'s ``MultiDict`` (one
class per implementation) by its items.

``cookies.dump`` and ``cookies.parse`` (opt-in, no goals) time the two halves.
"""

from __future__ import annotations

import typing as t

from workloads.base import COMPILED
from workloads.base import PURE
from workloads.base import Impl
from workloads.base import Op
from workloads.base import Workload

#: The cookie set: a session id, with the attributes a login sets.
KEY: t.Final = "session"
VALUE: t.Final = "abc 123"
OPTIONS: t.Final[t.Mapping[str, t.Any]] = {
    "max_age": 3600,
    "httponly": True,
    "secure": True,
    "samesite": "Lax",
}

#: The ``Cookie`` header read.
HEADER: t.Final = "a=b; session=abc123; theme=dark"


def _without_expires(set_cookie: str) -> str:
    """``set_cookie`` without its ``Expires=...`` attribute (it follows the clock)."""
    return "; ".join(
        part for part in set_cookie.split("; ") if not part.startswith("Expires=")
    )


def _items(parsed: t.Any) -> object:
    """A parsed cookie header as its list of ``(key, value)`` pairs."""
    return list(parsed.items(multi=True))


def _normalize(result: t.Any) -> object:
    set_cookie, parsed = result
    return _without_expires(set_cookie), _items(parsed)


def _cookies(impl: Impl) -> Op:
    dump_cookie = impl.http.dump_cookie
    parse_cookie = impl.http.parse_cookie
    options = dict(OPTIONS)

    def op() -> object:
        return dump_cookie(KEY, VALUE, **options), parse_cookie(HEADER)

    return op


def _dump(impl: Impl) -> Op:
    dump_cookie = impl.http.dump_cookie
    options = dict(OPTIONS)
    return lambda: dump_cookie(KEY, VALUE, **options)


def _parse(impl: Impl) -> Op:
    parse_cookie = impl.http.parse_cookie
    return lambda: parse_cookie(HEADER)


WORKLOADS: list[Workload] = [
    Workload(
        name="cookies",
        description=(
            "dump_cookie('session', 'abc 123', max_age, httponly, secure, samesite) "
            "+ parse_cookie('a=b; session=abc123; theme=dark')"
        ),
        build=_cookies,
        requires=("http",),
        goals={COMPILED: 10.0, PURE: 2.0},
        normalize=_normalize,
    ),
    Workload(
        name="cookies.dump",
        description=(
            "dump_cookie('session', 'abc 123', max_age, httponly, secure, samesite)"
        ),
        build=_dump,
        requires=("http",),
        normalize=_without_expires,
        default=False,
    ),
    Workload(
        name="cookies.parse",
        description="parse_cookie('a=b; session=abc123; theme=dark')",
        build=_parse,
        requires=("http",),
        normalize=_items,
        default=False,
    ),
]
