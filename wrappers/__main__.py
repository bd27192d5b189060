"""``python -m wrappers``: say which twin is active and why, then check it works.

The self-check drives the active twin's public objects through a short, real
workload (headers, dates, cookies, whole responses called as WSGI apps,
conditional ones: 304, 206 and 416, and requests read from WSGI environs: the
URL, query, cookies, Accept matching, credentials, JSON bodies and their errors),
compares every result with the pure twin's (the two must agree), and exits with
status 1 if anything differs or fails.

``python -m wrappers --serve`` then serves the demo application
(:mod:`wrappers._demo`) on 127.0.0.1 with the standard library's WSGI server;
``--serve --flask`` serves the same pages through a Flask application that uses
the Flask flavour (:mod:`wrappers.flask`), and exits with status 2 when Flask is
not installed.
"""

from __future__ import annotations

import argparse
import io
import pickle
import platform
import sys
import typing as t

import wrappers
import wrappers_pure


def _exercise(ns: t.Any) -> list[tuple[str, object]]:
    """Run a Headers workload on the twin ``ns``; return ``(step, result)`` pairs."""
    out: list[tuple[str, object]] = []
    h = ns.Headers({"Content-Type": "text/html; charset=utf-8", "X-Request-Id": "abc123"})
    h.add("Set-Cookie", "session=1; Path=/; HttpOnly")
    h.add("Set-Cookie", "theme=dark; Path=/")
    h.set("Cache-Control", "no-cache")
    h.add("Content-Disposition", "attachment", filename="report 2026.pdf")
    out.append(("get, any case", h.get("content-type")))
    out.append(("membership", "x-request-id" in h))
    out.append(("getlist", h.getlist("set-cookie")))
    out.append(("get with type", ns.Headers([("Content-Length", "42")]).get("content-length", type=int)))
    out.append(("to_wsgi_list", h.to_wsgi_list()))
    out.append(("header block", str(h)))

    for label, call in [
        ("newline in a value", lambda: h.add("X-Evil", "a\r\nSet-Cookie: x=1")),
        ("newline in a name", lambda: h.add("X-Evil\r\nSet-Cookie", "x=1")),
        ("missing key", lambda: h["X-Missing"]),
    ]:
        try:
            call()
        except (ValueError, KeyError) as exc:
            out.append((label, f"refused: {type(exc).__name__}"))
        else:
            out.append((label, "ACCEPTED"))

    out.append(("unchanged after refusals", len(h)))
    out.append(("pickle round trip", list(pickle.loads(pickle.dumps(h)))))
    return out


def _environ(method: str = "GET", **headers: str) -> dict[str, t.Any]:
    """A WSGI environ for ``method /`` with the given ``HTTP_*`` keys."""
    return {
        "REQUEST_METHOD": method,
        "SCRIPT_NAME": "",
        "PATH_INFO": "/",
        "QUERY_STRING": "",
        "SERVER_NAME": "localhost",
        "SERVER_PORT": "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": "localhost",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(),
        "wsgi.errors": sys.stderr,
        **headers,
    }


def _call(
    resp: t.Any, method: str = "GET", environ: dict[str, t.Any] | None = None
) -> tuple[str, list[tuple[str, str]], bytes]:
    """Call ``resp`` as a WSGI app; return ``(status, headers, body)``, the
    ``Date`` value masked (each twin reads the clock)."""
    seen: list[t.Any] = []
    environ = _environ(method) if environ is None else environ
    app_iter = resp(environ, lambda status, headers, exc_info=None: seen.extend((status, headers)))

    try:
        body = b"".join(app_iter)
    finally:
        if hasattr(app_iter, "close"):
            app_iter.close()

    headers = [(k, "<date>" if k == "Date" else v) for k, v in seen[1]]
    return seen[0], headers, body


def _exercise_http(ns: t.Any) -> list[tuple[str, object]]:
    """Run the date, cookie and response workloads on ``ns``."""
    http = ns.http
    out: list[tuple[str, object]] = []
    out.append(("http_date", http.http_date(1700000000.0)))
    out.append(("parse_date", http.parse_date("Tue, 14 Nov 2023 22:13:20 GMT")))
    out.append(("parse_date of junk", http.parse_date("yesterday-ish")))
    out.append(
        (
            "dump_cookie",
            http.dump_cookie(
                "session", "abc 123", max_age=3600, expires=1700000000, httponly=True, samesite="Lax"
            ),
        )
    )
    out.append(("parse_cookie", sorted(http.parse_cookie('a=b; s="x\\073y"').items(multi=True))))

    try:
        http.dump_cookie("bad;name", "x")
    except ValueError as exc:
        out.append(("cookie name with ';'", f"refused: {type(exc).__name__}"))
    else:
        out.append(("cookie name with ';'", "ACCEPTED"))

    out.append(("hello response", _call(ns.Response("Hello, World!"))))
    out.append(("HEAD drops the body", _call(ns.Response("Hello, World!"), "HEAD")))
    api = ns.Response('{"id": 1}', status=201, headers={"X-Request-Id": "r1"}, mimetype="application/json")
    api.set_cookie("session", "abc", max_age=60, expires=1700000000, httponly=True, samesite="Strict")
    api.headers["Cache-Control"] = "no-store"
    out.append(("api response", _call(api)))
    out.append(("streamed response", _call(ns.Response(iter(["a", "b", "c"])))))
    redirect = ns.Response("moved", status=302)
    redirect.location = "/dést\tination?q=1 2"
    out.append(("redirect response", _call(redirect)))

    for label, request in [
        ("conditional: matching If-None-Match", {"HTTP_IF_NONE_MATCH": "ETAG"}),
        ("conditional: Range", {"HTTP_RANGE": "bytes=7-11"}),
        ("conditional: Range beyond the end", {"HTTP_RANGE": "bytes=99-"}),
    ]:
        page = ns.Response("Hello, conditional World!")
        page.cache_control.max_age = 60
        page.add_etag()
        environ = _environ(**{k: v.replace("ETAG", page.headers["ETag"]) for k, v in request.items()})

        try:
            page.make_conditional(environ, accept_ranges=True, complete_length=25)
        except ns.exceptions.RequestedRangeNotSatisfiable as exc:
            page = exc.get_response(environ)

        out.append((label, _call(page, environ=environ)))

    try:
        ns.Response("x", status="200 OK\r\nX-Evil: 1")
    except ValueError as exc:
        out.append(("status with CR/LF", f"refused: {type(exc).__name__}"))
    else:
        out.append(("status with CR/LF", "ACCEPTED"))

    return out


def _request_environ(**extra: t.Any) -> dict[str, t.Any]:
    """A browser's GET to ``http://example.com/shop/items?...``, with ``extra``."""
    environ = _environ(
        HTTP_HOST="example.com",
        HTTP_USER_AGENT="Mozilla/5.0 (X11; Linux x86_64)",
        HTTP_ACCEPT="text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
        HTTP_ACCEPT_LANGUAGE="de-CH, de;q=0.9, en;q=0.5",
        HTTP_COOKIE='session=abc123; theme="dark blue"; theme=light',
        HTTP_AUTHORIZATION="Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==",
        HTTP_IF_MODIFIED_SINCE="Tue, 14 Nov 2023 22:13:20 GMT",
    )
    environ.update(
        SCRIPT_NAME="/shop",
        PATH_INFO="/items/caf\xc3\xa9",
        QUERY_STRING="q=red+shoes&page=2&tag=a&tag=%C3%A9&bad=%ff",
    )
    environ.update(extra)
    return environ


def _exercise_request(ns: t.Any) -> list[tuple[str, object]]:
    """Read requests on ``ns``: attributes, negotiation, bodies, errors."""
    out: list[tuple[str, object]] = []
    r = ns.Request(_request_environ())
    out.append(("request line", (r.method, r.root_path, r.path, r.full_path)))
    out.append(("request URLs", (r.url, r.base_url, r.root_url, r.host_url, r.host)))
    out.append(("request args", sorted(r.args.items(multi=True))))
    out.append(("request cookies", sorted(r.cookies.items(multi=True))))
    out.append(("request headers", (r.headers["User-Agent"], r.headers.get("X-Missing"))))
    out.append(
        (
            "request negotiation",
            (
                r.accept_mimetypes.best_match(["application/json", "text/html"]),
                r.accept_languages.best_match(["en", "de"]),
                r.accept_mimetypes.quality("image/png"),
            ),
        )
    )
    auth = r.authorization
    out.append(("request credentials", (auth.type, auth.username, auth.password) if auth else None))
    out.append(("request If-Modified-Since", r.if_modified_since))

    body = b'{"items": [1, 2, 3], "name": "caf\xc3\xa9"}'
    post = ns.Request(
        _request_environ(
            REQUEST_METHOD="POST",
            CONTENT_TYPE="application/json",
            CONTENT_LENGTH=str(len(body)),
            **{"wsgi.input": io.BytesIO(body)},
        )
    )
    out.append(("request JSON body", (post.is_json, post.get_json(), post.get_data() == body)))

    for label, extra in [
        ("request JSON of another type", {"CONTENT_TYPE": "text/plain"}),
        ("request invalid JSON", {"CONTENT_TYPE": "application/json"}),
    ]:
        bad = ns.Request(
            _request_environ(
                REQUEST_METHOD="POST", CONTENT_LENGTH="5", **{"wsgi.input": io.BytesIO(b"{nope")}, **extra
            )
        )
        try:
            bad.get_json()
        except ns.exceptions.HTTPException as exc:
            out.append((label, exc.code))
        else:
            out.append((label, "ACCEPTED"))

    untrusted = ns.Request(_request_environ())
    untrusted.trusted_hosts = ["example.org"]
    try:
        untrusted.host
    except ns.exceptions.SecurityError as exc:
        out.append(("request untrusted host", exc.code))
    else:
        out.append(("request untrusted host", "ACCEPTED"))

    built = ns.Request.from_values("/a?x=1", base_url="https://example.com:8443/app")
    out.append(("request from_values", (built.url, built.is_secure, built.args["x"])))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m wrappers",
        description="Show which twin of wrappers is active and run a self-check.",
    )
    parser.add_argument(
        "--serve",
        action="store_true",
        help="after the self-check, serve the demo app until interrupted",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default: %(default)s)")
    parser.add_argument(
        "--port", type=int, default=8000, help="port to bind, 0 for any free one (default: %(default)s)"
    )
    parser.add_argument(
        "--max-requests",
        type=int,
        default=None,
        metavar="N",
        help="with --serve: stop after N requests (default: serve until Ctrl-C)",
    )
    parser.add_argument(
        "--flask",
        action="store_true",
        help="with --serve: serve the demo through a Flask app using wrappers.flask.Response "
        "(needs Flask: pip install cywrappers[flask])",
    )
    args = parser.parse_args(argv)

    if args.flask and not args.serve:
        parser.error("--flask serves the demo through Flask: use it with --serve")

    flavour = None

    if args.flask:
        try:
            import wrappers.flask as flavour
        except ImportError as exc:
            print(f"python -m wrappers --flask: {exc}", file=sys.stderr)
            return 2

    twin = "compiled (Cython)" if wrappers.COMPILED else "pure Python"
    print(f"wrappers {wrappers.__version__} on {platform.python_implementation()} {platform.python_version()}")
    print(f"active twin: {twin}, because {wrappers._REASON}")
    for name in ("Headers", "Response"):
        cls = getattr(wrappers, name)
        print(f"{name} class: {cls.__module__}.{cls.__qualname__}")
    print()

    active = _exercise(wrappers) + _exercise_http(wrappers) + _exercise_request(wrappers)
    reference = (
        _exercise(wrappers_pure) + _exercise_http(wrappers_pure) + _exercise_request(wrappers_pure)
    )
    failures = 0

    for (step, got), (_, want) in zip(active, reference):
        ok = got == want and got != "ACCEPTED"
        failures += not ok
        shown = repr(got)
        shown = shown if len(shown) <= 70 else shown[:67] + "..."
        print(f"  [{'ok' if ok else 'FAIL'}] {step}: {shown}")

    print()

    if failures:
        print(f"self-check: {failures} of {len(active)} checks FAILED")
        return 1

    print(f"self-check: all {len(active)} checks passed (the active twin agrees with the pure twin)")

    if args.serve:
        from wrappers._demo import make_app
        from wrappers._demo import make_flask_app
        from wrappers._demo import serve

        kind = "compiled" if wrappers.COMPILED else "pure"
        print()

        if flavour is None:
            app = make_app(wrappers, kind)
            cls = wrappers.Response
            print(f"demo app: {twin} twin, Response class {cls.__module__}.{cls.__qualname__}")
        else:
            app = make_flask_app(wrappers, flavour, kind)
            cls = flavour.Response
            print(
                f"demo app through Flask: {twin} twin, "
                f"app.response_class = {cls.__module__}.{cls.__qualname__}"
            )

        serve(
            app,
            host=args.host,
            port=args.port,
            max_requests=args.max_requests,
            announce=lambda line: print(line, flush=True),
        )

    return 0


if __name__ == "__main__":
    sys.exit(main())
