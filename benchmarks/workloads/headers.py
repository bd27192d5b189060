"""Headers workloads: the operations a response does on its headers.

``headers`` is the goal-bearing workload: one op builds a ``Headers`` from a
dict and does what a typical response does to it before it is sent.

The ``headers.*`` workloads split it into single operations, to show which one
dominates. They are opt-in (``--workload 'headers.*'`` or ``--all``) and carry
no goals. ``headers.init``, ``headers.add`` and ``headers.set`` each include the
construction (a mutating op needs a fresh object), so subtract ``headers.init``
to get the cost of ``add`` (twice) or ``set``; the read-only ones run on a
``Headers`` prepared once, in the state the ``headers`` op leaves it in.
"""

from __future__ import annotations

import typing as t

from workloads.base import COMPILED
from workloads.base import PURE
from workloads.base import Impl
from workloads.base import Op
from workloads.base import Workload

#: What the Headers are built from.
INITIAL: t.Final[t.Mapping[str, str]] = {
    "Content-Type": "text/html; charset=utf-8",
    "X-Request-Id": "abc123",
}
COOKIE_A: t.Final = "session=8f2c1e; Path=/; HttpOnly; SameSite=Lax"
COOKIE_B: t.Final = "theme=dark; Path=/; Max-Age=31536000"


def _headers(impl: Impl) -> Op:
    headers_cls = impl.Headers
    initial = INITIAL

    def op() -> object:
        h = headers_cls(initial)
        h.add("Set-Cookie", COOKIE_A)
        h.add("Set-Cookie", COOKIE_B)
        h.set("Cache-Control", "no-cache")
        content_type = h.get("content-type")
        has_id = "x-request-id" in h
        cookies = h.getlist("set-cookie")
        return content_type, has_id, cookies, h.to_wsgi_list()

    return op


def _headers_floor() -> Op:
    """The same job on a plain list of ``(name, value)`` tuples.

    Case-insensitive matching lower-cases each stored name, as Werkzeug does;
    ``set`` replaces the first match and drops the others, or appends.
    """
    initial = INITIAL

    def op() -> object:
        h = list(initial.items())
        h.append(("Set-Cookie", COOKIE_A))
        h.append(("Set-Cookie", COOKIE_B))

        for i, item in enumerate(h):
            if item[0].lower() == "cache-control":
                h[i] = ("Cache-Control", "no-cache")
                h[i + 1 :] = [x for x in h[i + 1 :] if x[0].lower() != "cache-control"]
                break
        else:
            h.append(("Cache-Control", "no-cache"))

        content_type = None

        for name, value in h:
            if name.lower() == "content-type":
                content_type = value
                break

        has_id = False

        for name, _ in h:
            if name.lower() == "x-request-id":
                has_id = True
                break

        cookies = [value for name, value in h if name.lower() == "set-cookie"]
        return content_type, has_id, cookies, list(h)

    return op


def _items(h: t.Any) -> object:
    """Compare a returned Headers by its items (twins' classes differ)."""
    return h.to_wsgi_list()


def _prepared(impl: Impl) -> t.Any:
    """A Headers in the state the ``headers`` op leaves it in."""
    h = impl.Headers(INITIAL)
    h.add("Set-Cookie", COOKIE_A)
    h.add("Set-Cookie", COOKIE_B)
    h.set("Cache-Control", "no-cache")
    return h


def _init(impl: Impl) -> Op:
    headers_cls = impl.Headers
    initial = INITIAL
    return lambda: headers_cls(initial)


def _add(impl: Impl) -> Op:
    headers_cls = impl.Headers
    initial = INITIAL

    def op() -> object:
        h = headers_cls(initial)
        h.add("Set-Cookie", COOKIE_A)
        h.add("Set-Cookie", COOKIE_B)
        return h

    return op


def _set(impl: Impl) -> Op:
    headers_cls = impl.Headers
    initial = INITIAL

    def op() -> object:
        h = headers_cls(initial)
        h.set("Cache-Control", "no-cache")
        return h

    return op


def _get(impl: Impl) -> Op:
    get = _prepared(impl).get
    return lambda: get("content-type")


def _contains(impl: Impl) -> Op:
    h = _prepared(impl)
    return lambda: "x-request-id" in h


def _getlist(impl: Impl) -> Op:
    getlist = _prepared(impl).getlist
    return lambda: getlist("set-cookie")


def _to_wsgi_list(impl: Impl) -> Op:
    to_wsgi_list = _prepared(impl).to_wsgi_list
    return to_wsgi_list  # type: ignore[no-any-return]


WORKLOADS: list[Workload] = [
    Workload(
        name="headers",
        description=(
            "Headers(dict of 2), add Set-Cookie x2, set, get (case-insensitive), "
            "in, getlist, to_wsgi_list"
        ),
        build=_headers,
        floor=_headers_floor,
        goals={COMPILED: 5.0, PURE: 1.5},
    ),
    Workload(
        "headers.init",
        "Headers(dict of 2)",
        build=_init,
        normalize=_items,
        default=False,
    ),
    Workload(
        "headers.add",
        "Headers(dict of 2) + add x2",
        build=_add,
        normalize=_items,
        default=False,
    ),
    Workload(
        "headers.set",
        "Headers(dict of 2) + set (absent)",
        build=_set,
        normalize=_items,
        default=False,
    ),
    Workload(
        "headers.get", "get('content-type'), 5 entries", build=_get, default=False
    ),
    Workload(
        "headers.in", "'x-request-id' in h, 5 entries", build=_contains, default=False
    ),
    Workload(
        "headers.getlist",
        "getlist('set-cookie'), 5 entries",
        build=_getlist,
        default=False,
    ),
    Workload(
        "headers.to_wsgi_list",
        "to_wsgi_list(), 5 entries",
        build=_to_wsgi_list,
        default=False,
    ),
]
