"""Flask workloads: one small Flask app, served with each implementation's Response.

The same app (four views) is built once per implementation with Flask's own
classes, and ``app.response_class`` set to that implementation's flavour:

- ``werkzeug`` column: ``flask.Response``, Flask's own class (on Werkzeug's);
- ``compiled``: ``wrappers.flask.Response`` (the compiled twin's flavour);
- ``pure``: ``wrappers_pure.flask.Response``;
- ``floor``: a bare WSGI callable answering the same bytes.

One op is one request: ``app.wsgi_app(environ, start_response)`` on a fresh
copy of a prepared environ, the body iterated and closed
(:func:`workloads.wsgi.call_wsgi`), as a server does. Everything Flask does per
request (contexts, routing, the session interface, ``make_response``) is in
the time, for every column alike; only the Response class differs.

- ``flask.hello``: ``return "Hello, World!"``;
- ``flask.json``: ``return {...}`` (Flask's JSON provider);
- ``flask.cookie``: ``make_response("ok")`` + ``set_cookie`` with attributes
  (a fixed ``Expires``, so results compare across implementations);
- ``flask.file304``: ``send_file(path, mimetype="text/plain")`` for a request
  whose ``If-None-Match`` holds the file's ETag: a 304. The file is a temporary
  file made at set-up; its ETag is read from a first, unconditional request to
  the same app. ``Date`` is checked to be an HTTP date and masked before
  results are compared. The floor stats the file, builds the same ETag and
  answers the same 304; it never opens the file (Flask's ``send_file`` does,
  and the response closes it).

Goals (issue 12): the compiled flavour >= 1.3x Flask's own class on
``flask.hello`` and >= 1.5x on ``flask.cookie``. The pure flavour and the other
two views are reported without goals.

When ``wrappers.flask`` (or ``wrappers_pure.flask``) does not exist in the
installed build, that column is n/a with the reason; when Flask is not
installed, every Flask row is.
"""

from __future__ import annotations

import atexit
import datetime
import email.utils
import json
import os
import tempfile
import time
import typing as t
import zlib

from workloads.base import COMPILED
from workloads.base import Impl
from workloads.base import Op
from workloads.base import Workload
from workloads.responses import mask_date
from workloads.wsgi import WSGIApp
from workloads.wsgi import call_wsgi
from workloads.wsgi import make_environ

HELLO: t.Final = "Hello, World!"
JSON_DATA: t.Final[t.Mapping[str, t.Any]] = {
    "id": 42,
    "name": "widget",
    "tags": ["a", "b"],
}
COOKIE_BODY: t.Final = "ok"
COOKIE_EXPIRES: t.Final = datetime.datetime(2030, 1, 1, tzinfo=datetime.timezone.utc)
#: What the cookie view's ``set_cookie`` produces.
COOKIE: t.Final = (
    "session=8f2c1e; Expires=Tue, 01 Jan 2030 00:00:00 GMT; Max-Age=3600; "
    "Secure; HttpOnly; Path=/; SameSite=Lax"
)
#: The bytes of the file ``flask.file304`` serves.
FILE_BODY: t.Final = b"The quarterly report, as plain text.\n" * 32

#: The request paths of the four views.
PATHS: t.Final = {"hello": "/", "json": "/json", "cookie": "/cookie", "file": "/file"}

_apps: dict[t.Any, t.Any] = {}
_file: list[str] = []


def _file_path() -> str:
    """The temporary file ``flask.file304`` serves, made on first use."""
    if not _file:
        fd, path = tempfile.mkstemp(prefix="wrappers-bench-", suffix=".txt")

        with os.fdopen(fd, "wb") as file:
            file.write(FILE_BODY)

        _file.append(path)
        atexit.register(os.unlink, path)

    return _file[0]


def _app(response_class: t.Any) -> t.Any:
    """The Flask app whose ``response_class`` is ``response_class`` (one per class)."""
    if response_class in _apps:
        return _apps[response_class]

    import flask

    app = flask.Flask(__name__)
    app.response_class = response_class
    path = _file_path()

    @app.route(PATHS["hello"])
    def hello() -> t.Any:
        return HELLO

    @app.route(PATHS["json"])
    def api() -> t.Any:
        return dict(JSON_DATA)

    @app.route(PATHS["cookie"])
    def cookie() -> t.Any:
        response = flask.make_response(COOKIE_BODY)
        response.set_cookie(
            "session",
            "8f2c1e",
            max_age=3600,
            expires=COOKIE_EXPIRES,
            secure=True,
            httponly=True,
            samesite="Lax",
        )
        return response

    @app.route(PATHS["file"])
    def file() -> t.Any:
        return flask.send_file(path, mimetype="text/plain")

    _apps[response_class] = app
    return app


def _open_fds() -> int | None:
    try:
        return len(os.listdir("/proc/self/fd"))
    except OSError:  # not Linux
        return None


def _checked(op: Op) -> Op:
    """``op``, after checking that 100 calls leave no file descriptor open
    (``send_file`` opens the file; closing the response must close it)."""
    before = _open_fds()

    for _ in range(100):
        op()

    after = _open_fds()

    if before is not None and after is not None and after > before:
        raise RuntimeError(f"{after - before} file descriptors left open by 100 requests")

    return op


def _view(view: str) -> t.Callable[[Impl], Op]:
    def build(impl: Impl) -> Op:
        wsgi_app = _app(impl.FlaskResponse).wsgi_app
        template = make_environ(PATHS[view])

        if view == "file":
            # This app's own ETag for the file, from an unconditional request.
            _, headers, _ = call_wsgi(wsgi_app, dict(template))
            etag = dict(headers)["ETag"]
            template = make_environ(PATHS[view], headers={"If-None-Match": etag})

        def op() -> object:
            return call_wsgi(wsgi_app, dict(template))

        return _checked(op)

    return build


# --- floors: bare WSGI callables answering the same bytes -----------------------------


def _text_headers(body: bytes, content_type: str) -> list[tuple[str, str]]:
    return [("Content-Type", content_type), ("Content-Length", str(len(body)))]


def _hello_floor() -> Op:
    template = make_environ(PATHS["hello"])

    def app(environ: dict[str, t.Any], start_response: t.Any) -> list[bytes]:
        body = HELLO.encode()
        start_response("200 OK", _text_headers(body, "text/html; charset=utf-8"))
        return [body]

    return _floor(app, template)


def _json_floor() -> Op:
    template = make_environ(PATHS["json"])

    def app(environ: dict[str, t.Any], start_response: t.Any) -> list[bytes]:
        text = json.dumps(dict(JSON_DATA), separators=(",", ":"), sort_keys=True)
        body = (text + "\n").encode()
        start_response("200 OK", _text_headers(body, "application/json"))
        return [body]

    return _floor(app, template)


def _cookie_floor() -> Op:
    template = make_environ(PATHS["cookie"])

    def app(environ: dict[str, t.Any], start_response: t.Any) -> list[bytes]:
        body = COOKIE_BODY.encode()
        headers = _text_headers(body, "text/html; charset=utf-8")
        headers.append(("Set-Cookie", COOKIE))
        start_response("200 OK", headers)
        return [body]

    return _floor(app, template)


def _file_floor() -> Op:
    path = _file_path()
    disposition = f"inline; filename={os.path.basename(path)}"
    check = zlib.adler32(path.encode()) & 0xFFFFFFFF
    clock = [0, ""]

    def etag() -> str:
        stat = os.stat(path)
        return f'"{stat.st_mtime}-{stat.st_size}-{check}"'

    template = make_environ(PATHS["file"], headers={"If-None-Match": etag()})

    def app(environ: dict[str, t.Any], start_response: t.Any) -> list[bytes]:
        tag = etag()
        now = int(time.time())

        if now != clock[0]:
            clock[0] = now
            clock[1] = email.utils.formatdate(now, usegmt=True)

        if environ.get("HTTP_IF_NONE_MATCH") != tag:
            raise AssertionError("the floor only answers the 304")

        start_response(
            "304 NOT MODIFIED",
            [
                ("Content-Disposition", disposition),
                ("Cache-Control", "no-cache"),
                ("ETag", tag),
                ("Date", clock[1]),
                ("Accept-Ranges", "bytes"),
            ],
        )
        return []

    return _floor(app, template)


def _floor(app: WSGIApp, template: dict[str, t.Any]) -> Op:
    return lambda: call_wsgi(app, dict(template))


WORKLOADS: list[Workload] = [
    Workload(
        name="flask.hello",
        description="Flask app, text view 'Hello, World!': app.wsgi_app + body",
        build=_view("hello"),
        floor=_hello_floor,
        requires=("FlaskResponse",),
        goals={COMPILED: 1.3},
    ),
    Workload(
        name="flask.json",
        description="Flask app, JSON view (a dict of 3): app.wsgi_app + body",
        build=_view("json"),
        floor=_json_floor,
        requires=("FlaskResponse",),
    ),
    Workload(
        name="flask.cookie",
        description="Flask app, make_response + set_cookie(attrs): app.wsgi_app + body",
        build=_view("cookie"),
        floor=_cookie_floor,
        requires=("FlaskResponse",),
        goals={COMPILED: 1.5},
    ),
    Workload(
        name="flask.file304",
        description=(
            "Flask app, send_file + If-None-Match (its ETag) -> 304: "
            "app.wsgi_app + body"
        ),
        build=_view("file"),
        floor=_file_floor,
        requires=("FlaskResponse",),
        normalize=mask_date,
    ),
]
