"""Response workloads: a response's whole life, built and served through one WSGI call.

Each op builds a response the way an app does, calls it as a WSGI application
with a fresh copy of a minimal environ (:mod:`workloads.wsgi`), iterates the
body and closes it, as a server would; it returns ``(status, headers, body)``,
which must be identical across implementations. The floor of each workload is a
bare WSGI app, written by hand, that sends the same status, headers and body.

- ``hello``: ``Response("Hello, World!")``;
- ``api``: status 201, headers from a dict, JSON mimetype, ``set_cookie`` with
  attributes, one header set;
- ``stream``: a generator body (str chunks, encoded on the way out);
- ``redirect``: 302 with a ``Location`` header;
- ``conditional``: an HTML body, ``add_etag()``, ``make_conditional(environ)``
  for a request whose ``If-None-Match`` holds that ETag, then the WSGI call
  with the same environ: a 304 with ``ETag`` and ``Date`` and no body. Its
  floor computes the SHA-1 ETag, compares it with ``If-None-Match`` and
  formats ``Date`` once per second, as a hand-written server would. ``Date``
  values are checked for shape and then masked before results are compared
  (each implementation reads the clock).

NOTE: ``stream`` carries the same 10x goal as the others (DESIGN.md), but
its floor is only about 7x faster than Werkzeug (generator, per-chunk encoding
and the WSGI call cost the same for everyone), so no implementation can reach
10x there: at the floor's speed the speedup would be about 7x.

The cookie's ``Expires`` is a fixed date (with ``max_age`` alone it would be
"now + max_age", which changes from second to second and would make the
cross-check flaky); formatting it is still part of the op.
"""

from __future__ import annotations

import datetime
import email.utils
import hashlib
import re
import time
import typing as t

from workloads.base import COMPILED
from workloads.base import PURE
from workloads.base import Impl
from workloads.base import Op
from workloads.base import Workload
from workloads.wsgi import WSGIHeaders
from workloads.wsgi import call_wsgi
from workloads.wsgi import make_environ

#: The goals every response workload carries (DESIGN.md, "Speed").
GOALS: t.Final = {COMPILED: 10.0, PURE: 2.0}

HELLO: t.Final = "Hello, World!"

API_BODY: t.Final = '{"id": 42, "name": "widget", "tags": ["a", "b"]}'
API_HEADERS: t.Final[t.Mapping[str, str]] = {"X-Request-Id": "abc123"}
COOKIE_EXPIRES: t.Final = datetime.datetime(2030, 1, 1, tzinfo=datetime.timezone.utc)
#: What ``set_cookie("session", "8f2c1e", max_age=3600, expires=COOKIE_EXPIRES,
#: secure=True, httponly=True, samesite="Lax")`` produces.
API_COOKIE: t.Final = (
    "session=8f2c1e; Expires=Tue, 01 Jan 2030 00:00:00 GMT; Max-Age=3600; "
    "Secure; HttpOnly; Path=/; SameSite=Lax"
)

STREAM_CHUNKS: t.Final = ("event: tick\n", "data: 1\n\n", "data: 2\n\n", "data: 3\n\n")

REDIRECT_TO: t.Final = "/login?next=%2Fdashboard"
REDIRECT_BODY: t.Final = "Redirecting to /login"

COND_BODY: t.Final = (
    "<!doctype html><html><head><title>Quarterly report</title></head><body>"
    + "<p>Revenue grew in every region this quarter.</p>" * 8
    + "</body></html>"
)
#: The body's ETag as ``add_etag`` makes it: its SHA-1 in hex, quoted.
COND_ETAG: t.Final = '"' + hashlib.sha1(COND_BODY.encode()).hexdigest() + '"'
_DATE_RE: t.Final = re.compile(
    r"(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct"
    r"|Nov|Dec) \d{4} \d\d:\d\d:\d\d GMT\Z"
)


# --- hello ---------------------------------------------------------------------------


def _hello(impl: Impl) -> Op:
    response_cls = impl.Response
    template = make_environ()

    def op() -> object:
        return call_wsgi(response_cls(HELLO), dict(template))

    return op


def _hello_floor() -> Op:
    template = make_environ()

    def app(environ: dict[str, t.Any], start_response: t.Any) -> list[bytes]:
        body = HELLO.encode()
        start_response(
            "200 OK",
            [
                ("Content-Type", "text/plain; charset=utf-8"),
                ("Content-Length", str(len(body))),
            ],
        )
        return [body]

    return lambda: call_wsgi(app, dict(template))


# --- api -------------------------------------------------------------------------------


def _api(impl: Impl) -> Op:
    response_cls = impl.Response
    template = make_environ(path="/api/widgets", method="POST")

    def op() -> object:
        r = response_cls(
            API_BODY, status=201, headers=API_HEADERS, mimetype="application/json"
        )
        r.set_cookie(
            "session",
            "8f2c1e",
            max_age=3600,
            expires=COOKIE_EXPIRES,
            secure=True,
            httponly=True,
            samesite="Lax",
        )
        r.headers.set("Cache-Control", "no-store")
        return call_wsgi(r, dict(template))

    return op


def _api_floor() -> Op:
    template = make_environ(path="/api/widgets", method="POST")

    def app(environ: dict[str, t.Any], start_response: t.Any) -> list[bytes]:
        body = API_BODY.encode()
        headers: WSGIHeaders = [(name, value) for name, value in API_HEADERS.items()]
        headers.append(("Content-Type", "application/json"))
        headers.append(("Content-Length", str(len(body))))
        headers.append(("Set-Cookie", API_COOKIE))
        headers.append(("Cache-Control", "no-store"))
        start_response("201 CREATED", headers)
        return [body]

    return lambda: call_wsgi(app, dict(template))


# --- stream ------------------------------------------------------------------------------


def _generate() -> t.Iterator[str]:
    yield from STREAM_CHUNKS


def _stream(impl: Impl) -> Op:
    response_cls = impl.Response
    template = make_environ(path="/events")

    def op() -> object:
        return call_wsgi(response_cls(_generate()), dict(template))

    return op


def _stream_floor() -> Op:
    template = make_environ(path="/events")

    def app(environ: dict[str, t.Any], start_response: t.Any) -> t.Iterator[bytes]:
        start_response("200 OK", [("Content-Type", "text/plain; charset=utf-8")])
        for chunk in _generate():
            yield chunk.encode()

    return lambda: call_wsgi(app, dict(template))


# --- redirect -------------------------------------------------------------------------------


def _redirect(impl: Impl) -> Op:
    response_cls = impl.Response
    template = make_environ(path="/dashboard")

    def op() -> object:
        r = response_cls(REDIRECT_BODY, status=302, mimetype="text/html")
        r.location = REDIRECT_TO
        return call_wsgi(r, dict(template))

    return op


def _redirect_floor() -> Op:
    template = make_environ(path="/dashboard")

    def app(environ: dict[str, t.Any], start_response: t.Any) -> list[bytes]:
        body = REDIRECT_BODY.encode()
        start_response(
            "302 FOUND",
            [
                ("Content-Type", "text/html; charset=utf-8"),
                ("Content-Length", str(len(body))),
                ("Location", REDIRECT_TO),
            ],
        )
        return [body]

    return lambda: call_wsgi(app, dict(template))


# --- conditional --------------------------------------------------------------------------


def _conditional(impl: Impl) -> Op:
    response_cls = impl.Response
    template = make_environ(path="/report", headers={"If-None-Match": COND_ETAG})

    def op() -> object:
        environ = dict(template)
        r = response_cls(COND_BODY, mimetype="text/html")
        r.add_etag()
        r.make_conditional(environ)
        return call_wsgi(r, environ)

    return op


def _conditional_floor() -> Op:
    template = make_environ(path="/report", headers={"If-None-Match": COND_ETAG})
    clock = [0, ""]

    def app(environ: dict[str, t.Any], start_response: t.Any) -> list[bytes]:
        body = COND_BODY.encode()
        etag = '"' + hashlib.sha1(body).hexdigest() + '"'
        now = int(time.time())

        if now != clock[0]:
            clock[0] = now
            clock[1] = email.utils.formatdate(now, usegmt=True)

        if environ.get("HTTP_IF_NONE_MATCH") == etag:
            start_response("304 NOT MODIFIED", [("ETag", etag), ("Date", clock[1])])
            return []

        start_response(
            "200 OK",
            [
                ("Content-Type", "text/html; charset=utf-8"),
                ("Content-Length", str(len(body))),
                ("ETag", etag),
                ("Date", clock[1]),
            ],
        )
        return [body]

    return lambda: call_wsgi(app, dict(template))


def mask_date(result: t.Any) -> object:
    """``result`` with each ``Date`` value replaced by ``"<date>"``, after
    checking that it is an HTTP date (each implementation reads the clock)."""
    status, headers, body = result
    masked = []

    for name, value in headers:
        if name.lower() == "date":
            value = "<date>" if _DATE_RE.match(value) else f"<bad date {value!r}>"

        masked.append((name, value))

    return status, masked, body


WORKLOADS: list[Workload] = [
    Workload(
        name="hello",
        description='Response("Hello, World!") + WSGI call',
        build=_hello,
        floor=_hello_floor,
        requires=("Response",),
        goals=GOALS,
    ),
    Workload(
        name="api",
        description=(
            "Response(json, 201, dict headers, mimetype) + set_cookie(attrs) "
            "+ headers.set + WSGI call"
        ),
        build=_api,
        floor=_api_floor,
        requires=("Response",),
        goals=GOALS,
    ),
    Workload(
        name="stream",
        description="Response(generator of 4 str chunks) + WSGI call",
        build=_stream,
        floor=_stream_floor,
        requires=("Response",),
        goals=GOALS,
    ),
    Workload(
        name="redirect",
        description="Response(302) + location + WSGI call",
        build=_redirect,
        floor=_redirect_floor,
        requires=("Response",),
        goals=GOALS,
    ),
    Workload(
        name="conditional",
        description=(
            "Response(html) + add_etag + make_conditional(matching If-None-Match) "
            "+ WSGI call -> 304"
        ),
        build=_conditional,
        floor=_conditional_floor,
        requires=("Response",),
        goals=GOALS,
        normalize=mask_date,
    ),
]
