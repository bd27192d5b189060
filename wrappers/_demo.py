"""The demo WSGI application behind ``python -m wrappers --serve``.

Every page is built with the active twin's :class:`~wrappers.Response` and says
which twin served it:

- ``/``: a plain-text page listing the endpoints;
- ``/json``: a JSON body (``application/json``) with what the twin's Request
  read: the path, the query arguments, the URL, the preferred media type;
- ``/cookies``: sets two cookies and shows the ones the browser sent (the
  Request's ``cookies``);
- ``/stream``: a streamed body, produced by a generator;
- ``/redirect``: a ``302 Found`` back to ``/``;
- ``/report``: a cacheable page with an ``ETag`` and ``Cache-Control``,
  answered conditionally: ``304`` for a matching ``If-None-Match``, ``206`` for
  a ``Range`` (``416`` for one it cannot satisfy);
- anything else: ``404 Not Found``.

:func:`make_flask_app` serves the same pages through a Flask application whose
``response_class`` is the twin's Flask flavour (``python -m wrappers --serve
--flask``).
"""

from __future__ import annotations

import json
import typing as t

if t.TYPE_CHECKING:
    from wsgiref.types import StartResponse
    from wsgiref.types import WSGIApplication
    from wsgiref.types import WSGIEnvironment

#: The endpoints, in the order the index lists them.
ENDPOINTS: t.Final = (
    ("/", "this page"),
    ("/json", "a JSON body"),
    ("/cookies", "sets cookies and shows the ones sent back"),
    ("/stream", "a streamed body from a generator"),
    ("/redirect", "a 302 redirect back to /"),
    ("/report", "ETag + Cache-Control; 304 for If-None-Match, 206 for Range"),
)


def make_views(
    response_class: t.Any, ns: t.Any, twin: str, served_by: str
) -> dict[str, t.Callable[[WSGIEnvironment], t.Any]]:
    """Return the demo's pages: path -> view, each taking the WSGI environ and
    returning a ``response_class`` instance.

    :param response_class: The Response class the pages are built with.
    :param ns: A module or namespace with ``Request`` and ``exceptions`` (the
        twin, or a look-alike).
    :param twin: How to name the twin on the pages, e.g. ``"compiled"``.
    :param served_by: How the pages say who served them (:func:`serving`).
    """
    request_class = ns.Request
    # The text pages say they are plain text: Flask's flavour defaults to HTML.
    text = "text/plain"

    def index(environ: WSGIEnvironment) -> t.Any:
        lines = [f"Hello from wrappers, {served_by}.", "", "Endpoints:"]
        lines.extend(f"  {path:<10} {what}" for path, what in ENDPOINTS)
        return response_class("\n".join(lines) + "\n", mimetype=text)

    def json_page(environ: WSGIEnvironment) -> t.Any:
        request = request_class(environ)
        body = {
            "twin": twin,
            "message": "Hello, World!",
            "path": request.path,
            "args": request.args.to_dict(flat=False),
            "url": request.url,
            "prefers": request.accept_mimetypes.best_match(["application/json", "text/html"]),
        }
        return response_class(json.dumps(body), status=200, mimetype="application/json")

    def cookies(environ: WSGIEnvironment) -> t.Any:
        sent = request_class(environ).cookies
        lines = [f"Cookies ({served_by}).", "", "Sent by your client:"]
        lines.extend(f"  {key} = {value!r}" for key, value in sent.items(multi=True))

        if not sent:
            lines.append("  (none yet: reload this page)")

        resp = response_class("\n".join(lines) + "\n", mimetype=text)
        resp.set_cookie("demo_visit", "1", max_age=3600, httponly=True, samesite="Lax")
        resp.set_cookie("demo_twin", twin, path="/cookies")
        return resp

    def stream(environ: WSGIEnvironment) -> t.Any:
        def generate() -> t.Iterator[str]:
            yield f"Streaming ({served_by}).\n"
            for n in range(1, 6):
                yield f"chunk {n} of 5\n"

        return response_class(generate(), mimetype=text)

    def redirect(environ: WSGIEnvironment) -> t.Any:
        resp = response_class(f"Redirecting to /, {served_by}.\n", status=302, mimetype=text)
        resp.location = "/"
        return resp

    def report(environ: WSGIEnvironment) -> t.Any:
        lines = [f"Quarterly report ({served_by}).", ""]
        lines.extend(f"  line {n:02}: revenue grew in region {n}" for n in range(1, 21))
        resp = response_class("\n".join(lines) + "\n", mimetype=text)
        resp.cache_control.public = True
        resp.cache_control.max_age = 60
        resp.vary.add("Accept-Encoding")
        resp.add_etag()

        try:
            return resp.make_conditional(
                environ, accept_ranges=True, complete_length=len(resp.get_data())
            )
        except ns.exceptions.RequestedRangeNotSatisfiable as exc:
            return exc.get_response(environ)

    return {
        "/": index,
        "/json": json_page,
        "/cookies": cookies,
        "/stream": stream,
        "/redirect": redirect,
        "/report": report,
    }


def serving(twin: str, through: str | None = None) -> str:
    """How the pages say who served them."""
    via = f" through {through}" if through else ""
    return f"served by wrappers ({twin} twin){via}"


def make_app(ns: t.Any, twin: str) -> WSGIApplication:
    """Return the demo WSGI application built on the twin ``ns``.

    :param ns: A module or namespace with ``Response``, ``Request`` and
        ``exceptions`` (the :mod:`wrappers` package, :mod:`wrappers_pure`, or a
        look-alike).
    :param twin: How to name the twin on the pages, e.g. ``"compiled"``.
    """
    response_class = ns.Response
    by = serving(twin)
    routes = make_views(response_class, ns, twin, by)

    def app(environ: WSGIEnvironment, start_response: StartResponse) -> t.Iterable[bytes]:
        view = routes.get(environ.get("PATH_INFO") or "/")

        if view is None:
            resp = response_class(f"Not Found ({by}).\n", status=404)
        else:
            resp = view(environ)

        return resp(environ, start_response)  # type: ignore[no-any-return]

    return app


def make_flask_app(ns: t.Any, flavour: t.Any, twin: str) -> t.Any:
    """Return the demo as a Flask application whose ``response_class`` is the
    Flask flavour ``flavour.Response``: the same pages, routed by Flask.

    :param ns: The twin (``http`` and ``exceptions``), as for :func:`make_app`.
    :param flavour: The twin's :mod:`wrappers.flask` module.
    :param twin: How to name the twin on the pages.
    """
    import flask

    app = flask.Flask("wrappers._demo")
    app.response_class = flavour.Response
    by = serving(twin, "Flask")

    for path, view in make_views(flavour.Response, ns, twin, by).items():
        # NOTE: the default argument binds each view to its own rule.
        def endpoint(view: t.Callable[[WSGIEnvironment], t.Any] = view) -> t.Any:
            return view(flask.request.environ)

        app.add_url_rule(path, view.__name__, endpoint)

    @app.errorhandler(404)
    def not_found(exc: t.Any) -> t.Any:
        return app.response_class(f"Not Found ({by}).\n", status=404, mimetype="text/plain")

    return app


def serve(
    app: WSGIApplication,
    host: str = "127.0.0.1",
    port: int = 8000,
    max_requests: int | None = None,
    announce: t.Callable[[str], None] = print,
) -> None:
    """Serve ``app`` with the standard library's :mod:`wsgiref` server.

    :param app: The WSGI application.
    :param host: The address to bind.
    :param port: The port to bind; 0 picks a free one.
    :param max_requests: Stop after this many requests; None serves until
        interrupted.
    :param announce: Called with one line giving the address being served.
    """
    from wsgiref.simple_server import WSGIRequestHandler
    from wsgiref.simple_server import make_server

    class QuietHandler(WSGIRequestHandler):
        def log_message(self, format: str, *args: t.Any) -> None:
            announce(f"{self.address_string()} - {format % args}")

    with make_server(host, port, app, handler_class=QuietHandler) as server:
        bound_host, bound_port = server.server_address[:2]
        announce(f"serving on http://{bound_host}:{bound_port}/ (Ctrl-C stops)")

        if max_requests is None:
            try:
                server.serve_forever()
            except KeyboardInterrupt:
                announce("stopped")
        else:
            for _ in range(max_requests):
                server.handle_request()
