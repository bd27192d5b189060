"""Flask with ``app.response_class`` set to the flavour answers every request
exactly as with Flask's own ``flask.Response``: the same status, header pairs
(in order), body and cookies, on both twins.

Each app is built twice by the same function, once with the flavour and once
with Flask's default class, and the ``both`` fixture sends each the same
request through Flask's test client.
"""

from __future__ import annotations

import typing as t

import flask
import flask.json.provider
import pytest
import werkzeug.exceptions
import werkzeug.wrappers

WR = werkzeug.wrappers.Response


class UpperProvider(flask.json.provider.DefaultJSONProvider):
    """A custom JSON provider: its output shows that Flask used it."""

    def dumps(self, obj: t.Any, **kwargs: t.Any) -> str:
        return super().dumps(obj, **kwargs).upper()


def build(
    response_class: type | None,
    configure: t.Callable[[flask.Flask], None] | None = None,
) -> flask.Flask:
    app = flask.Flask(__name__)
    app.secret_key = "flavour tests"
    if response_class is not None:
        app.response_class = response_class
    if configure is not None:
        configure(app)

    # -- plain returns
    @app.route("/str")
    def text() -> t.Any:
        return "Hällo, <b>World</b>"

    @app.route("/bytes")
    def data() -> t.Any:
        return b"\x00\xffbytes"

    @app.route("/empty")
    def empty() -> t.Any:
        return ""

    @app.route("/iterator")
    def iterator() -> t.Any:
        return iter(["a", "b"])

    # -- tuples
    @app.route("/tuple3")
    def tuple3() -> t.Any:
        return "created", 201, {"X-A": "1", "Content-Type": "text/plain"}

    @app.route("/tuple-status")
    def tuple_status() -> t.Any:
        return "custom", "299 Custom Thing"

    @app.route("/tuple-headers")
    def tuple_headers() -> t.Any:
        return "h", [("X-B", "2"), ("X-B", "3")]

    @app.route("/tuple-response")
    def tuple_response() -> t.Any:
        return flask.make_response("r"), 202, {"X-C": "4"}

    @app.route("/tuple-dict")
    def tuple_dict() -> t.Any:
        return {"a": 1}, 400

    # -- make_response
    @app.route("/make")
    def make() -> t.Any:
        r = flask.make_response("made", 203, [("X-D", "5")])
        r.headers["X-E"] = "6"
        r.mimetype = "text/plain"
        return r

    @app.route("/make-empty")
    def make_empty() -> t.Any:
        r = flask.make_response()
        r.status_code = 204
        return r

    @app.route("/make-json")
    def make_json() -> t.Any:
        return flask.make_response({"z": 1, "a": [1, 2]})

    # -- JSON
    @app.route("/jsonify")
    def jsonify() -> t.Any:
        return flask.jsonify(b=1, a=["ü", None, True])

    @app.route("/jsonify-list")
    def jsonify_list() -> t.Any:
        return flask.jsonify([3, 2, 1])

    @app.route("/dict")
    def as_dict() -> t.Any:
        return {"zeta": 1, "alpha": {"y": 2, "x": 1}}

    @app.route("/list")
    def as_list() -> t.Any:
        return [{"b": 1, "a": 2}, "ü"]

    # -- redirects
    @app.route("/redirect")
    def redirect() -> t.Any:
        return flask.redirect("/str")

    @app.route("/redirect-relative")
    def redirect_relative() -> t.Any:
        return flask.redirect("../other/päth?q=a b", 301)

    @app.route("/redirect-url-for")
    def redirect_url_for() -> t.Any:
        return flask.redirect(flask.url_for("text", x="1"), 307)

    # -- errors
    @app.route("/abort400")
    def abort400() -> t.Any:
        flask.abort(400)

    @app.route("/abort-description")
    def abort_description() -> t.Any:
        flask.abort(403, description="no entry")

    @app.route("/teapot")
    def teapot() -> t.Any:
        flask.abort(418)

    @app.route("/handled")
    def handled() -> t.Any:
        flask.abort(409)

    @app.errorhandler(409)
    def on_409(e: werkzeug.exceptions.HTTPException) -> t.Any:
        return f"conflict handled: {e.code}", 409, {"X-Handled": "1"}

    @app.route("/boom")
    def boom() -> t.Any:
        raise KeyError("boom")

    @app.errorhandler(KeyError)
    def on_key_error(e: KeyError) -> t.Any:
        return flask.jsonify(error=str(e)), 500

    @app.route("/werkzeug-response")
    def werkzeug_response() -> t.Any:
        r = WR("from werkzeug", 202, {"X-W": "1"})
        r.set_cookie("w", "1")
        return r

    @app.route("/wsgi-callable")
    def wsgi_callable() -> t.Any:
        def app_(environ: t.Any, start_response: t.Any) -> t.Any:
            start_response("200 OK", [("Content-Type", "text/x-wsgi"), ("X-F", "7")])
            return [b"wsgi ", b"app"]

        return app_

    @app.route("/post-only", methods=["POST"])
    def post_only() -> t.Any:
        return "posted"

    # -- abort with a response
    @app.route("/abort-response")
    def abort_response() -> t.Any:
        r = app.response_class("aborted with a response", 451, {"X-Abort": "1"})
        r.set_cookie("why", "law")
        flask.abort(r)

    @app.route("/werkzeug-abort-response")
    def werkzeug_abort_response() -> t.Any:
        werkzeug.exceptions.abort(app.response_class("werkzeug abort", 402))

    # -- streaming
    @app.route("/stream")
    def stream() -> t.Any:
        def generate() -> t.Iterator[str]:
            yield "hello "
            yield flask.request.args.get("name", "nobody")
            yield f" from {flask.request.path}"

        return flask.stream_with_context(generate())

    @app.route("/stream-response")
    def stream_response() -> t.Any:
        @flask.stream_with_context
        def generate() -> t.Iterator[bytes]:
            yield b"one "
            yield flask.request.method.encode()

        return app.response_class(generate(), mimetype="text/plain")

    # -- cookies and after_request
    @app.route("/cookies")
    def cookies() -> t.Any:
        r = flask.make_response("cookies")
        r.set_cookie("plain", "v")
        r.set_cookie("full", "a b;c", max_age=60, path="/p", domain="example.com",
                     secure=True, httponly=True, samesite="Lax", partitioned=True)
        r.delete_cookie("gone", path="/x")
        return r

    @app.route("/after")
    def after() -> t.Any:
        flask.g.note = "from the view"
        return "after"

    @app.after_request
    def edit(response: t.Any) -> t.Any:
        response.headers["X-After"] = getattr(flask.g, "note", "none")
        response.headers.add("X-Multi", "1")
        response.headers.add("X-Multi", "2")
        response.vary.add("Accept-Language")
        if flask.request.path == "/after":
            response.set_cookie("after", "yes", samesite="Strict")
            response.delete_cookie("old")
            response.cache_control.no_store = True
        return response

    return app


PATHS = [
    "/str",
    "/bytes",
    "/empty",
    "/iterator",
    "/tuple3",
    "/tuple-status",
    "/tuple-headers",
    "/tuple-response",
    "/tuple-dict",
    "/make",
    "/make-empty",
    "/make-json",
    "/jsonify",
    "/jsonify-list",
    "/dict",
    "/list",
    "/redirect",
    "/redirect-relative",
    "/redirect-url-for",
    "/abort400",
    "/abort-description",
    "/teapot",
    "/handled",
    "/boom",
    "/werkzeug-response",
    "/wsgi-callable",
    "/missing",
    "/post-only",
    "/abort-response",
    "/werkzeug-abort-response",
    "/stream",
    "/stream?name=ü",
    "/stream-response",
    "/cookies",
    "/after",
]


@pytest.mark.parametrize("method", ["GET", "HEAD"])
@pytest.mark.parametrize("path", PATHS)
def test_like_flask_response(
    both: t.Callable[..., tuple[t.Any, t.Any]], path: str, method: str
) -> None:
    ours, theirs = both(build, path, method=method)
    assert ours == theirs


def test_statuses_are_what_the_views_mean(Flavour: type) -> None:  # noqa: N803
    """The comparison above is not vacuous: the answers are the ones meant."""
    client = build(Flavour).test_client()
    statuses = {}
    for path in PATHS:
        if "?" not in path:
            # Closed at once: an unclosed streamed body keeps its request
            # context pushed until the garbage collector finalizes it (later,
            # on PyPy, inside another test's context: "Popped wrong context").
            with client.get(path) as answer:
                statuses[path] = answer.status
    assert statuses["/tuple-status"] == "299 Custom Thing"
    assert statuses["/abort400"] == "400 BAD REQUEST"
    assert statuses["/missing"] == "404 NOT FOUND"
    assert statuses["/post-only"] == "405 METHOD NOT ALLOWED"
    assert statuses["/teapot"] == "418 I'M A TEAPOT"
    assert statuses["/abort-response"] == "451 UNAVAILABLE FOR LEGAL REASONS"
    assert statuses["/werkzeug-abort-response"] == "402 PAYMENT REQUIRED"
    assert statuses["/make-empty"] == "204 NO CONTENT"
    with client.post("/post-only") as got:
        assert got.status_code == 200 and got.text == "posted"
    with client.get("/post-only") as not_allowed:
        assert sorted(not_allowed.headers["Allow"].split(", ")) == ["OPTIONS", "POST"]


@pytest.mark.parametrize(
    "configure",
    [
        pytest.param(lambda app: setattr(app.json, "sort_keys", False), id="unsorted"),
        pytest.param(lambda app: setattr(app.json, "compact", True), id="compact"),
        pytest.param(lambda app: setattr(app.json, "compact", False), id="indented"),
        pytest.param(lambda app: setattr(app.json, "ensure_ascii", False), id="utf8"),
        pytest.param(lambda app: setattr(app.json, "mimetype", "application/vnd.x+json"),
                     id="mimetype"),
        pytest.param(lambda app: setattr(app, "json", UpperProvider(app)), id="provider"),
    ],
)
@pytest.mark.parametrize("path", ["/jsonify", "/jsonify-list", "/dict", "/list", "/make-json",
                                  "/tuple-dict", "/boom"])
def test_json_follows_the_apps_provider(
    Flavour: type,  # noqa: N803
    both: t.Callable[..., tuple[t.Any, t.Any]],
    configure: t.Callable[[flask.Flask], None],
    path: str,
) -> None:
    apps = (build(Flavour, configure), build(None, configure))
    ours, theirs = both(apps, path)
    assert ours == theirs


def test_json_settings_show(
    both: t.Callable[..., tuple[t.Any, t.Any]], Flavour: type  # noqa: N803
) -> None:
    """The comparisons above are not vacuous: the settings change the answer."""
    default = both(build, "/dict")[0]
    for configure, body in [
        (lambda app: setattr(app.json, "sort_keys", False), b'{"zeta":1,"alpha":{"y":2,"x":1}}\n'),
        (
            lambda app: setattr(app, "json", UpperProvider(app)),
            b'{"ALPHA":{"X":1,"Y":2},"ZETA":1}\n',
        ),
        (
            lambda app: setattr(app.json, "compact", False),
            b'{\n  "alpha": {\n    "x": 1,\n    "y": 2\n  },\n  "zeta": 1\n}\n',
        ),
    ]:
        ours = both((build(Flavour, configure), build(None, configure)), "/dict")[0]
        assert ours[2] == body != default[2]


def test_json_provider_in_the_test_client(Flavour: type) -> None:  # noqa: N803
    app = build(Flavour, lambda app: setattr(app.json, "sort_keys", False))
    with app.test_client().get("/dict") as got:
        assert isinstance(got, Flavour)
        assert got.is_json and got.mimetype == "application/json"
        assert got.json == {"zeta": 1, "alpha": {"y": 2, "x": 1}}
        assert got.get_json() == got.json
        assert list(got.json) == ["zeta", "alpha"]
        assert got.text == '{"zeta":1,"alpha":{"y":2,"x":1}}\n'


def test_test_client_reads_our_responses(Flavour: type) -> None:  # noqa: N803
    app = build(Flavour)
    client = app.test_client()
    theirs_client = build(None).test_client()

    def read(r: t.Any) -> tuple[t.Any, ...]:
        return (
            r.text, r.get_data(), r.get_data(as_text=True), r.json, r.is_json,
            r.status_code, r.mimetype, r.location, r.content_length,
        )  # fmt: skip

    for path in ("/str", "/jsonify", "/stream?name=x", "/cookies", "/redirect"):
        # One at a time: a streamed body keeps its request context pushed
        # until the response is closed.
        with client.get(path) as ours:
            assert isinstance(ours, Flavour)
            got = read(ours)
        with theirs_client.get(path) as theirs:
            assert got == read(theirs)
    with client.get("/redirect", follow_redirects=True) as followed:
        assert followed.text == "Hällo, <b>World</b>"
        assert [r.status_code for r in followed.history] == [302]
    client.get("/cookies").close()
    assert client.get_cookie("plain").value == "v"  # type: ignore[union-attr]
    assert client.get_cookie("full", domain="example.com", path="/p") is not None


def test_relative_location_is_sent_as_it_is(Flavour: type) -> None:  # noqa: N803
    with build(Flavour).test_client().get("/redirect-relative") as got:
        assert got.headers["Location"] == "../other/p%C3%A4th?q=a%20b"
        assert got.status_code == 301


def test_response_class_is_the_whole_switch(Flavour: type) -> None:  # noqa: N803
    """Every response Flask makes, whatever the view returned, is the flavour."""
    app = build(Flavour)
    seen: dict[str, type] = {}

    @app.after_request
    def record(response: t.Any) -> t.Any:
        seen[flask.request.path] = type(response)
        return response

    client = app.test_client()
    for path in PATHS:
        with client.get(path.split("?")[0]):
            pass
    assert set(seen.values()) == {Flavour}, seen
    with app.test_request_context():
        assert type(flask.make_response("x")) is Flavour
        assert type(flask.jsonify(1)) is Flavour
        assert type(flask.redirect("/")) is Flavour
        assert type(app.make_response(WR("w"))) is Flavour
        assert type(app.make_response(werkzeug.exceptions.NotFound())) is Flavour


def test_abort_with_our_response_in_a_view(Flavour: type) -> None:  # noqa: N803
    client = build(Flavour).test_client()
    with client.get("/abort-response") as got:
        assert got.status_code == 451
        assert got.text == "aborted with a response"
        assert got.headers["X-Abort"] == "1"
        assert got.headers.getlist("Set-Cookie") == ["why=law; Path=/"]
    with client.get("/werkzeug-abort-response") as got:
        assert (got.status_code, got.text) == (402, "werkzeug abort")


# --- sessions -------------------------------------------------------------------------


def session_app(response_class: type | None) -> flask.Flask:
    app = flask.Flask(__name__)
    app.secret_key = "flavour sessions"
    if response_class is not None:
        app.response_class = response_class

    @app.route("/count")
    def count() -> t.Any:
        flask.session["n"] = flask.session.get("n", 0) + 1
        return str(flask.session["n"])

    @app.route("/read")
    def read() -> t.Any:
        return str(flask.session.get("n"))

    @app.route("/clear")
    def clear() -> t.Any:
        flask.session.clear()
        return "cleared"

    return app


def test_sessions_like_flask_response(
    Flavour: type,  # noqa: N803
    one_clock_second: t.Callable[[t.Callable[[], None]], None],
) -> None:
    def check() -> None:
        ours_client = session_app(Flavour).test_client()
        theirs_client = session_app(None).test_client()
        for path in ("/read", "/count", "/count", "/read", "/clear", "/read", "/count"):
            with ours_client.get(path) as ours, theirs_client.get(path) as theirs:
                assert (ours.status, list(ours.headers.items()), ours.get_data()) == (
                    theirs.status, list(theirs.headers.items()), theirs.get_data()
                ), path
                if path == "/count":
                    assert ours.headers["Vary"] == "Cookie"
                    assert ours.headers["Set-Cookie"].startswith("session=")
                if path == "/clear":
                    assert ours.headers["Vary"] == "Cookie"
                    assert ours.headers["Set-Cookie"].startswith(
                        "session=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0;"
                    )
                if path == "/read":
                    assert ours.headers["Vary"] == "Cookie"
                    assert "Set-Cookie" not in ours.headers
            # The client keeps the same cookies either way.
            assert str(ours_client.get_cookie("session")) == str(
                theirs_client.get_cookie("session")
            )

    # The signed session cookie holds a timestamp in seconds.
    one_clock_second(check)


# --- MAX_COOKIE_SIZE ----------------------------------------------------------------


def cookie_app(response_class: type | None, limit: int) -> flask.Flask:
    app = flask.Flask(__name__)
    app.config["MAX_COOKIE_SIZE"] = limit
    if response_class is not None:
        app.response_class = response_class

    @app.route("/")
    def index() -> t.Any:
        r = flask.make_response("x")
        r.set_cookie("big", "v" * 50)
        return r

    return app


def warnings_of(app: flask.Flask) -> list[str]:
    import warnings

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        app.test_client().get("/").close()
    return [f"{w.category.__name__}: {w.message}" for w in caught]


@pytest.mark.parametrize("limit", [0, 40, 60, 4093])
def test_max_cookie_size_config_is_respected(Flavour: type, limit: int) -> None:  # noqa: N803
    ours = warnings_of(cookie_app(Flavour, limit))
    theirs = warnings_of(cookie_app(None, limit))
    # The cookie is 62 bytes ("big=" + 50 + "; Path=/"); 0 turns the check off.
    assert len(ours) == len(theirs) == (1 if 0 < limit < 62 else 0)
    assert [w.split(":")[0] for w in ours] == [w.split(":")[0] for w in theirs]
    if ours:
        assert "'big' cookie is too large" in ours[0] and str(limit) in ours[0]


def test_max_cookie_size_warning_text_is_flasks(Flavour: type) -> None:  # noqa: N803
    """HOSTILE-INPUT row 12: Werkzeug's words, through Flask's MAX_COOKIE_SIZE."""
    assert warnings_of(cookie_app(Flavour, 40)) == warnings_of(cookie_app(None, 40))
