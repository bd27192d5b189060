"""``Response`` inside Werkzeug's and Flask's machinery, on both twins.

- Werkzeug's and Flask's test clients wrap the response class in
  ``type("...", (werkzeug.test.TestResponse, Response), {})``, which runs
  Werkzeug's ``__init__`` on our object;
- ``werkzeug.test.Client`` and ``wsgiref.validate.validator`` take our response
  as a WSGI application (the suite turns any warning into an error);
- Flask with ``app.response_class`` set to a subclass of ours serves strings,
  ``jsonify``, redirects, the session cookie and streamed bodies exactly as it
  does with its own ``flask.Response``.
"""

from __future__ import annotations

import types
import typing as t
from wsgiref.util import setup_testing_defaults
from wsgiref.validate import validator

import flask
import pytest
import werkzeug.datastructures
import werkzeug.test
import werkzeug.wrappers

from support import call_wsgi, items

WR = werkzeug.wrappers.Response
WH = werkzeug.datastructures.Headers
TestResponse = werkzeug.test.TestResponse


# --- the TestResponse mix --------------------------------------------------------


def mix(Response: type) -> type:  # noqa: N803
    return type("WrapperTestResponse", (TestResponse, Response), {})


def test_test_response_mix_builds(Response: type) -> None:  # noqa: N803
    cls = mix(Response)
    headers = WH([("Content-Type", "application/json"), ("X-A", "1")])
    r = cls([b'{"a": ', b"1}"], "201 CREATED", headers, request=None)
    reference = type("Ref", (TestResponse, WR), {})(
        [b'{"a": ', b"1}"], "201 CREATED", WH(headers), request=None
    )

    assert isinstance(r, Response)
    assert isinstance(r, TestResponse)
    assert (r.status, r.status_code) == ("201 CREATED", 201)
    assert items(r.headers) == items(headers)
    assert r.get_data() == b'{"a": 1}'
    assert r.text == '{"a": 1}'
    assert r.json == {"a": 1}
    assert r.is_json
    assert r.mimetype == "application/json"
    assert r.history == ()
    assert r.request is None

    env = werkzeug.test.create_environ()
    assert call_wsgi(r, env) == call_wsgi(reference, dict(env))


def test_test_response_mix_fields_accept_werkzeugs_values(
    Response: type,
) -> None:  # noqa: N803
    cls = mix(Response)
    body = iter([b"a", b"b"])
    r = cls(body, "299 Custom", WH(), request=None)
    assert r.status == "299 Custom"
    assert r.default_mimetype is None
    assert "Content-Type" not in r.headers
    assert r.is_streamed
    r.set_cookie("c", "v")
    r.location = "/x"
    assert r.headers.getlist("Set-Cookie") == ["c=v; Path=/"]
    assert r.get_data() == b"ab"
    r.status_code = 302
    assert r.status == "302 FOUND"
    r.close()


# --- Werkzeug's test client -------------------------------------------------------


def test_client_with_our_response_as_the_app(Response: type) -> None:  # noqa: N803
    r = Response("Hello ü", 201, {"X-A": "1"})
    r.set_cookie("c", "v")
    client = werkzeug.test.Client(r)
    got = client.get("/")
    assert got.status == "201 CREATED"
    assert got.get_data() == "Hello ü".encode()
    assert items(got.headers) == [
        ("X-A", "1"),
        ("Content-Type", "text/plain; charset=utf-8"),
        ("Content-Length", "8"),
        ("Set-Cookie", "c=v; Path=/"),
    ]
    assert client.get_cookie("c").value == "v"  # type: ignore[union-attr]
    head = client.head("/")
    assert head.get_data() == b""
    assert head.headers["Content-Length"] == "8"


def test_client_with_our_response_wrapper(Response: type) -> None:  # noqa: N803
    def app(environ: dict[str, t.Any], start_response: t.Any) -> t.Any:
        path = environ["PATH_INFO"]
        if path == "/start":
            r = Response("moving", 302)
            r.location = "/end"
        else:
            r = Response(iter([b"arrived at ", path.encode()]))
        return r(environ, start_response)

    client = werkzeug.test.Client(app, response_wrapper=Response)
    got = client.get("/start")
    assert isinstance(got, Response)
    assert isinstance(got, TestResponse)
    assert got.status_code == 302
    assert got.location == "/end"

    followed = client.get("/start", follow_redirects=True)
    assert isinstance(followed, Response)
    assert followed.status_code == 200
    assert followed.get_data() == b"arrived at /end"
    assert [h.status_code for h in followed.history] == [302]
    assert isinstance(followed.history[0], Response)


def test_client_with_a_wsgi_app_through_force_type(
    Response: type,
) -> None:  # noqa: N803
    def app(environ: dict[str, t.Any], start_response: t.Any) -> t.Any:
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [b"raw"]

    forced = Response.force_type(app, werkzeug.test.create_environ())
    client = werkzeug.test.Client(forced)
    assert client.get("/").get_data() == b"raw"


# --- wsgiref.validate ----------------------------------------------------------------


def validated(
    app: t.Any, method: str = "GET"
) -> tuple[str, list[tuple[str, str]], bytes]:
    env: dict[str, t.Any] = {"QUERY_STRING": ""}
    setup_testing_defaults(env)
    env["REQUEST_METHOD"] = method
    return call_wsgi(validator(app), env)


def _redirect(Response: type) -> t.Any:  # noqa: N803
    r = Response("moved", 302)
    r.location = "/ä b"
    return r


def _not_modified(Response: type) -> t.Any:  # noqa: N803
    return Response("body", 304, {"ETag": '"x"', "X-A": "1"})


def _no_content(Response: type) -> t.Any:  # noqa: N803
    r = Response(status=204)
    del r.headers["Content-Type"]
    return r


def _with_cookie(Response: type) -> t.Any:  # noqa: N803
    r = Response("x", mimetype="text/html")
    r.set_cookie("a", "b c", httponly=True, samesite="Lax")
    return r


VALIDATED: dict[str, t.Callable[[type], t.Any]] = {
    "hello": lambda R: R("Hello, World!"),
    "bytes": lambda R: R(b"\x00\xff", mimetype="application/octet-stream"),
    "stream": lambda R: R(c for c in [b"a", "b"]),
    "list": lambda R: R(["a", b"b"]),
    "json": lambda R: R('{"a": 1}', 201, mimetype="application/json"),
    "redirect": _redirect,
    "not-modified": _not_modified,
    "no-content": _no_content,
    "cookie": _with_cookie,
    "frozen": lambda R: (lambda r: (r.freeze(), r)[1])(R(iter([b"f"]))),
}


@pytest.mark.parametrize("kind", list(VALIDATED))
@pytest.mark.parametrize("method", ["GET", "HEAD"])
def test_wsgiref_validator_accepts_our_response(
    Response: type,  # noqa: N803
    kind: str,
    method: str,
) -> None:
    ours = validated(VALIDATED[kind](Response), method)
    theirs = validated(VALIDATED[kind](WR), method)
    assert ours == theirs


# --- Flask ----------------------------------------------------------------------


def flask_app(response_class: type | None) -> flask.Flask:
    app = flask.Flask(__name__)
    app.secret_key = "test secret"
    if response_class is not None:
        app.response_class = response_class

    @app.route("/text")
    def text() -> t.Any:
        return "Hällo, <b>World</b>"

    @app.route("/status")
    def status() -> t.Any:
        return "created", 201, {"X-A": "1"}

    @app.route("/json")
    def json_view() -> t.Any:
        return flask.jsonify(a=1, b=["ü"])

    @app.route("/dict")
    def dict_view() -> t.Any:
        return {"x": 2}

    @app.route("/redirect")
    def redirect() -> t.Any:
        return flask.redirect("/text")

    @app.route("/session")
    def session() -> t.Any:
        flask.session["n"] = flask.session.get("n", 0) + 1
        return str(flask.session["n"])

    @app.route("/stream")
    def stream() -> t.Any:
        def generate() -> t.Iterator[str]:
            yield "one "
            yield "two"

        return app.response_class(flask.stream_with_context(generate()))

    @app.route("/cookie")
    def cookie() -> t.Any:
        r = flask.make_response("c")
        r.set_cookie(
            "k", "v", max_age=60, samesite="Strict", partitioned=True, secure=True
        )
        return r

    @app.route("/werkzeug")
    def werkzeug_response() -> t.Any:
        return WR("from werkzeug", 202)

    return app


def html_subclass(Response: type) -> type:  # noqa: N803
    return type("HTMLResponse", (Response,), {"default_mimetype": "text/html"})


def comparable(r: t.Any) -> tuple[t.Any, ...]:
    return (r.status, items(r.headers), r.get_data())


FLASK_PATHS = [
    "/text",
    "/status",
    "/json",
    "/dict",
    "/redirect",
    "/stream",
    "/cookie",
    "/werkzeug",
]


@pytest.mark.parametrize("path", FLASK_PATHS)
def test_flask_serves_like_flask_response(
    Response: type,  # noqa: N803
    path: str,
    one_clock_second: t.Callable[[t.Callable[[], None]], None],
) -> None:
    cls = html_subclass(Response)

    def check() -> None:
        # Read and close each response before the next request: a streamed body
        # keeps Flask's request context pushed until it is closed.
        with flask_app(cls).test_client().get(path) as ours:
            assert isinstance(ours, cls)
            got = comparable(ours)
        with flask_app(None).test_client().get(path) as theirs:
            assert got == comparable(theirs)

    one_clock_second(check)


def test_flask_details(Response: type) -> None:  # noqa: N803
    cls = html_subclass(Response)
    app = flask_app(cls)
    client = app.test_client()

    text = client.get("/text")
    assert text.content_type == "text/html; charset=utf-8"
    assert text.get_data(as_text=True) == "Hällo, <b>World</b>"

    data = client.get("/json")
    assert data.is_json
    assert data.json == {"a": 1, "b": ["ü"]}

    redirect = client.get("/redirect")
    assert redirect.status_code == 302
    assert redirect.location == "/text"
    followed = client.get("/redirect", follow_redirects=True)
    assert followed.get_data(as_text=True) == "Hällo, <b>World</b>"

    with client.get("/stream") as stream:
        assert stream.get_data() == b"one two"
        assert "Content-Length" not in stream.headers

    with app.test_request_context():
        made = flask.make_response("x")
        assert type(made) is cls
        forced = app.make_response(WR("w"))
        assert isinstance(forced, cls)
        assert forced.get_data() == b"w"


def test_flask_session_cookie(
    Response: type,  # noqa: N803
    one_clock_second: t.Callable[[t.Callable[[], None]], None],
) -> None:
    # Flask's session interface does response.vary.add("Cookie").
    cls = html_subclass(Response)

    def check() -> None:
        # Fresh clients on each try: the session counts requests.
        ours_client = flask_app(cls).test_client()
        theirs_client = flask_app(None).test_client()
        for expected in ("1", "2", "3"):
            ours = ours_client.get("/session")
            theirs = theirs_client.get("/session")
            assert ours.get_data(as_text=True) == expected
            assert comparable(ours) == comparable(theirs)
            assert ours.headers["Vary"] == "Cookie"
            assert "session=" in ours.headers["Set-Cookie"]

    # The signed session cookie holds a timestamp in seconds.
    one_clock_second(check)


def test_flask_streamed_response_closes(Response: type) -> None:  # noqa: N803
    cls = html_subclass(Response)
    app = flask.Flask(__name__)
    app.response_class = cls
    closed: list[str] = []

    @app.route("/")
    def index() -> t.Any:
        def generate() -> t.Iterator[bytes]:
            try:
                yield b"a"
                yield b"b"
            finally:
                closed.append("generator")

        r = app.response_class(generate())
        r.call_on_close(lambda: closed.append("callback"))
        return r

    got = app.test_client().get("/")
    assert got.get_data() == b"ab"
    got.close()
    assert "generator" in closed and "callback" in closed


def test_flask_max_cookie_size_config(
    Response: type, twin: types.ModuleType
) -> None:  # noqa: N803
    """A Flask-style subclass reading MAX_COOKIE_SIZE from the app config."""

    class FlaskLike(Response):  # type: ignore[misc,valid-type]
        default_mimetype = "text/html"

        @property
        def max_cookie_size(self) -> int:  # type: ignore[override]
            if flask.current_app:
                return flask.current_app.config["MAX_COOKIE_SIZE"]  # type: ignore[no-any-return]
            return super().max_cookie_size  # type: ignore[no-any-return]

    app = flask.Flask(__name__)
    app.response_class = FlaskLike
    app.config["MAX_COOKIE_SIZE"] = 20

    @app.route("/")
    def index() -> t.Any:
        r = flask.make_response("x")
        r.set_cookie("k", "v" * 40)
        return r

    with pytest.warns(UserWarning, match="too large"):
        got = app.test_client().get("/")
    assert got.headers["Set-Cookie"].startswith("k=vvvv")
    assert FlaskLike().max_cookie_size == 4093


# --- Flask's send_file: ETag, conditional and range requests -----------------------

FILE_DATA = bytes(range(256)) * 4


def send_file_app(response_class: type | None, path: str) -> flask.Flask:
    app = flask.Flask(__name__)
    if response_class is not None:
        app.response_class = response_class

    @app.route("/file")
    def file_view() -> t.Any:
        return flask.send_file(path, mimetype="application/octet-stream", max_age=60)

    return app


def without_date(r: t.Any) -> tuple[t.Any, ...]:
    headers = [(k, v) for k, v in items(r.headers) if k.lower() != "date"]
    return (r.status, headers, r.get_data())


def send_file_requests(etag: str, last_modified: str) -> list[dict[str, str]]:
    return [
        {},
        {"If-None-Match": etag},
        {"If-None-Match": '"other"'},
        {"If-Modified-Since": last_modified},
        {"Range": "bytes=2-5"},
        {"Range": "bytes=-10"},
        {"Range": "bytes=2000-"},
        {"Range": "bytes=0-1,5-6"},
        {"Range": "bytes=2-5", "If-Range": etag},
        {"Range": "bytes=2-5", "If-Range": '"other"'},
        {"Range": "bytes=2-5", "If-None-Match": etag},
        {"If-Match": '"other"', "If-None-Match": etag},
    ]


@pytest.mark.parametrize("method", ["GET", "HEAD"])
def test_flask_send_file_like_flask_response(
    Response: type,  # noqa: N803
    tmp_path: t.Any,
    method: str,
    one_clock_second: t.Callable[[t.Callable[[], None]], None],
) -> None:
    """Flask's send_file (cache_control, set_etag, make_conditional with
    accept_ranges and complete_length, a file body) through our class gives
    Flask's own answers: 200, 304, 206 with the right slice, If-Range, 412,
    and 416 (Flask answers the RequestedRangeNotSatisfiable that
    make_conditional raises, since it is also Werkzeug's class)."""
    path = tmp_path / "data.bin"
    path.write_bytes(FILE_DATA)
    cls = html_subclass(Response)
    ours_client = send_file_app(cls, str(path)).test_client()
    theirs_client = send_file_app(None, str(path)).test_client()

    with theirs_client.get("/file") as first:
        etag = first.headers["ETag"]
        last_modified = first.headers["Last-Modified"]

    statuses = []
    for headers in send_file_requests(etag, last_modified):

        def check(headers: dict[str, str] = headers) -> None:
            with ours_client.open("/file", method=method, headers=headers) as ours:
                assert isinstance(ours, cls)
                # The 416 is the exception's own error page, without Date.
                assert ("Date" in ours.headers) == (ours.status_code != 416)
                got = without_date(ours)
            with theirs_client.open("/file", method=method, headers=headers) as theirs:
                assert got == without_date(theirs), headers
            statuses.append(got[0][:3])

        # send_file's Expires is "now + max_age" on each side.
        one_clock_second(check)

    assert statuses == [
        "200", "304", "200", "304", "206", "206", "416", "416",
        "206", "200", "206", "412",
    ]  # fmt: skip
    if method == "GET":
        with ours_client.get("/file", headers={"Range": "bytes=2-5"}) as part:
            assert part.get_data() == FILE_DATA[2:6]
            assert part.headers["Content-Range"] == f"bytes 2-5/{len(FILE_DATA)}"
