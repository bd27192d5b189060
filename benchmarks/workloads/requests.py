"""Request workloads: reading an incoming request with ``Request(environ)``.

Every op builds a new request from a fresh copy of a prepared environ
(``dict(template)``, as a server hands each request a new dict), because a
request caches what it parses (``args``, ``headers``, ``cookies``,
``accept_mimetypes``, the JSON body): timing one request object over and over
would time its caches. The floor does the same copy and reads the environ by
hand.

Goal-bearing workloads:

- ``request``: ``Request(environ)`` for a realistic browser GET, then
  ``method``, ``path``, ``args.get("q")``, ``headers["User-Agent"]``,
  ``cookies.get("session")`` and ``url``. Floor: the same six values read
  from the environ with ``str`` methods.
- ``request.accept``: ``Request(environ)`` +
  ``accept_mimetypes.best_match([json, html, xml])`` over a browser's
  ``Accept`` header. Floor: a hand-written q-value split and match.
- ``request.json``: ``Request(environ).get_json()`` of a 200-byte JSON body
  (a POST with a new ``BytesIO`` each op, for every column). Floor:
  ``json.loads(environ["wsgi.input"].read(CONTENT_LENGTH))``.
- ``request.from_values``: ``Request.from_values("/path?a=1&b=2",
  headers={...}, method="GET")`` (test-client style: builds the environ
  itself). No floor.

Opt-in breakdowns (``--all`` or ``--workload 'request.*'``), no goals: each
is ``Request(dict(template))`` plus one property on the new request, so the
property's own cost is the row minus ``request.init`` (for ``get_json``:
minus ``request.post_init``).
"""

from __future__ import annotations

import io
import json
import typing as t

from workloads.base import COMPILED
from workloads.base import PURE
from workloads.base import Impl
from workloads.base import Op
from workloads.base import Workload
from workloads.wsgi import make_environ

#: The browser ``Accept`` header of the ``request.accept`` workload.
BROWSER_ACCEPT: t.Final = (
    "text/html,application/xhtml+xml,application/xml;q=0.9,"
    "image/avif,image/webp,*/*;q=0.8"
)
#: What the server offers, in its order of preference.
OFFERED: t.Final = ("application/json", "text/html", "application/xml")

#: A realistic browser GET: what Firefox sends for a search page.
GET_HEADERS: t.Final[t.Mapping[str, str]] = {
    "Host": "example.com",
    "User-Agent": (
        "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0"
    ),
    "Accept": BROWSER_ACCEPT,
    "Accept-Language": "en-GB,en;q=0.5",
    "Accept-Encoding": "gzip, deflate, br, zstd",
    "Referer": "https://example.com/",
    "Cookie": "theme=dark; session=3f2a9c0e7b1d4e5f; _ga=GA1.2.1234567890.1700000000",
    "Connection": "keep-alive",
    "Upgrade-Insecure-Requests": "1",
    "Sec-Fetch-Dest": "document",
    "Sec-Fetch-Mode": "navigate",
    "Sec-Fetch-Site": "same-origin",
}
GET_PATH: t.Final = "/search/results"
GET_QUERY: t.Final = "q=wrappers&page=2&sort=desc"

#: The 200-byte JSON body of ``request.json``.
JSON_BODY: t.Final = (
    b'{"user": {"id": 12345, "name": "Ada Lovelace", "email": "ada@example.com"}, '
    b'"items": [{"sku": "A-100", "qty": 2}, {"sku": "B-205", "qty": 1}], '
    b'"note": "leave at door", "express": true, "coupon": null}'
)
assert len(JSON_BODY) == 200, len(JSON_BODY)

#: ``Request.from_values`` arguments.
FROM_VALUES_PATH: t.Final = "/path?a=1&b=2"
FROM_VALUES_HEADERS: t.Final[t.Mapping[str, str]] = {
    "User-Agent": "bench-client/1.0",
    "Accept": "application/json",
    "Cookie": "session=abc123",
    "X-Request-Id": "9f8e7d6c",
}


def get_environ() -> dict[str, t.Any]:
    """The template environ of the GET workloads (copied for each op)."""
    return make_environ(GET_PATH, query=GET_QUERY, headers=GET_HEADERS)


def post_environ() -> dict[str, t.Any]:
    """The template environ of ``request.json`` (``wsgi.input`` is replaced for
    each op)."""
    return make_environ(
        "/api/orders",
        method="POST",
        headers={
            "Host": "example.com",
            "Content-Type": "application/json",
            "User-Agent": "bench-client/1.0",
            "Accept": "application/json",
        },
        body=JSON_BODY,
    )


# --- request: construction and the common reads ------------------------------


def _request(impl: Impl) -> Op:
    request_cls = impl.Request
    template = get_environ()

    def op() -> object:
        request = request_cls(dict(template))
        return (
            request.method,
            request.path,
            request.args.get("q"),
            request.headers["User-Agent"],
            request.cookies.get("session"),
            request.url,
        )

    return op


def _cookie_value(header: str, name: str) -> str | None:
    for part in header.split(";"):
        key, sep, value = part.strip().partition("=")

        if sep and key == name:
            return value

    return None


def _query_value(query: str, name: str) -> str | None:
    for part in query.split("&"):
        key, sep, value = part.partition("=")

        if key == name:
            return value

    return None


def _request_floor() -> Op:
    template = get_environ()

    def op() -> object:
        environ = dict(template)
        path = environ["PATH_INFO"]
        query = environ["QUERY_STRING"]
        url = (
            f"{environ['wsgi.url_scheme']}://{environ['HTTP_HOST']}"
            f"{environ['SCRIPT_NAME']}{path}"
        )
        return (
            environ["REQUEST_METHOD"],
            path,
            _query_value(query, "q"),
            environ["HTTP_USER_AGENT"],
            _cookie_value(environ.get("HTTP_COOKIE", ""), "session"),
            f"{url}?{query}" if query else url,
        )

    return op


# --- request.accept -----------------------------------------------------------


def _accept(impl: Impl) -> Op:
    request_cls = impl.Request
    template = get_environ()
    offered = list(OFFERED)

    def op() -> object:
        return request_cls(dict(template)).accept_mimetypes.best_match(offered)

    return op


def _parse_accept(header: str) -> list[tuple[str, str, float]]:
    """``(type, subtype, q)`` per item of an ``Accept`` header."""
    items = []

    for item in header.split(","):
        value, _, params = item.partition(";")
        quality = 1.0

        for param in params.split(";"):
            key, sep, number = param.strip().partition("=")

            if sep and key == "q":
                quality = float(number)

        main, _, sub = value.strip().lower().partition("/")
        items.append((main, sub, quality))

    return items


def _best_match(items: list[tuple[str, str, float]], offered: list[str]) -> str | None:
    """The offered type whose most specific matching item has the highest q
    (the first one on a tie)."""
    best, best_quality = None, 0.0

    for candidate in offered:
        main, _, sub = candidate.partition("/")
        quality, specificity = 0.0, -1

        for item_main, item_sub, item_quality in items:
            if item_main == main and item_sub == sub:
                rank = 2
            elif item_main == main and item_sub == "*":
                rank = 1
            elif item_main == "*" and item_sub == "*":
                rank = 0
            else:
                continue

            if rank > specificity:
                quality, specificity = item_quality, rank

        if quality > best_quality:
            best, best_quality = candidate, quality

    return best


def _accept_floor() -> Op:
    template = get_environ()
    offered = list(OFFERED)

    def op() -> object:
        environ = dict(template)
        return _best_match(_parse_accept(environ.get("HTTP_ACCEPT", "")), offered)

    return op


# --- request.json -------------------------------------------------------------


def _json(impl: Impl) -> Op:
    request_cls = impl.Request
    template = post_environ()
    body = JSON_BODY
    bytes_io = io.BytesIO

    def op() -> object:
        environ = dict(template)
        environ["wsgi.input"] = bytes_io(body)
        return request_cls(environ).get_json()

    return op


def _json_floor() -> Op:
    template = post_environ()
    body = JSON_BODY
    bytes_io = io.BytesIO
    loads = json.loads

    def op() -> object:
        environ = dict(template)
        environ["wsgi.input"] = bytes_io(body)

        if environ.get("CONTENT_TYPE", "").partition(";")[0].strip() != (
            "application/json"
        ):
            return None

        length = int(environ.get("CONTENT_LENGTH") or 0)
        return loads(environ["wsgi.input"].read(length))

    return op


def _post_init(impl: Impl) -> Op:
    request_cls = impl.Request
    template = post_environ()
    body = JSON_BODY
    bytes_io = io.BytesIO

    def op() -> object:
        environ = dict(template)
        environ["wsgi.input"] = bytes_io(body)
        return request_cls(environ).method

    return op


# --- request.from_values ------------------------------------------------------


def _from_values(impl: Impl) -> Op:
    from_values = impl.Request.from_values
    headers = dict(FROM_VALUES_HEADERS)

    def op() -> object:
        return from_values(FROM_VALUES_PATH, headers=headers, method="GET")

    return op


def _request_summary(request: t.Any) -> object:
    """A ``from_values`` request as plain values (each implementation returns
    its own class)."""
    return (
        request.method,
        request.path,
        request.url,
        list(request.args.items(multi=True)),
        sorted(request.headers.items()),
        request.cookies.get("session"),
    )


# --- opt-in, one property at a time -------------------------------------------


def _one(read: t.Callable[[t.Any], object]) -> t.Callable[[Impl], Op]:
    """A build function: ``read(Request(dict(template)))`` per op."""

    def build(impl: Impl) -> Op:
        request_cls = impl.Request
        template = get_environ()
        return lambda: read(request_cls(dict(template)))

    return build


def _accept_items(accept: t.Any) -> object:
    return [(value, quality) for value, quality in accept]


def _property(name: str, description: str, read: t.Callable[[t.Any], object],
              normalize: t.Callable[[t.Any], object] | None = None) -> Workload:
    return Workload(
        name=f"request.{name}",
        description=f"Request(environ) + {description}",
        build=_one(read),
        requires=("Request",),
        normalize=normalize,
        default=False,
    )


WORKLOADS: list[Workload] = [
    Workload(
        name="request",
        description=(
            "Request(environ) of a browser GET + method, path, args.get('q'), "
            "headers['User-Agent'], cookies.get('session'), url"
        ),
        build=_request,
        floor=_request_floor,
        requires=("Request",),
        goals={COMPILED: 10.0, PURE: 2.0},
    ),
    Workload(
        name="request.accept",
        description=(
            "Request(environ).accept_mimetypes.best_match([json, html, xml]) "
            "over a browser Accept header"
        ),
        build=_accept,
        floor=_accept_floor,
        requires=("Request",),
        goals={COMPILED: 10.0, PURE: 2.0},
    ),
    Workload(
        name="request.json",
        description=(
            "Request(environ).get_json() of a 200-byte JSON POST body (new BytesIO)"
        ),
        build=_json,
        floor=_json_floor,
        requires=("Request",),
        goals={COMPILED: 3.0, PURE: 1.5},
    ),
    Workload(
        name="request.from_values",
        description=(
            "Request.from_values('/path?a=1&b=2', headers={4 headers}, method='GET')"
        ),
        build=_from_values,
        requires=("Request",),
        goals={COMPILED: 5.0, PURE: 2.0},
        normalize=_request_summary,
    ),
    _property("init", "nothing else (the base to subtract)", lambda r: None),
    _property("method", "method", lambda r: r.method),
    _property("path", "path", lambda r: r.path),
    _property("args", "args.get('q')", lambda r: r.args.get("q")),
    _property("headers", "headers['User-Agent']", lambda r: r.headers["User-Agent"]),
    _property("cookies", "cookies.get('session')", lambda r: r.cookies.get("session")),
    _property("url", "url", lambda r: r.url),
    _property(
        "accept_parse",
        "accept_mimetypes (parse only)",
        lambda r: r.accept_mimetypes,
        normalize=_accept_items,
    ),
    Workload(
        name="request.post_init",
        description=(
            "Request(environ) of the request.json POST (new BytesIO) + method: "
            "the base to subtract from request.json"
        ),
        build=_post_init,
        requires=("Request",),
        default=False,
    ),
]
