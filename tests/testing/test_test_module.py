"""``twin.test``: the builder's behaviour one case at a time, ``run_wsgi_app``
on a few applications (against Werkzeug's), and the API against Werkzeug's."""

from __future__ import annotations

import base64
import inspect
import io
import sys
import types
import typing as t

import pytest
import werkzeug.datastructures
import werkzeug.test

from support import normalise

WT = werkzeug.test


# --- the API ---------------------------------------------------------------------


def _sig(obj: t.Any) -> list[tuple[str, t.Any, t.Any]]:
    return [(p.name, p.kind, p.default) for p in inspect.signature(obj).parameters.values()]


def test_environ_builder_members_are_werkzeugs(twin: types.ModuleType) -> None:
    """What test_parity's WERKZEUG_DIFFERENCES entry skips for now: every
    public member but ``request_class``, and its signature."""
    ours, theirs = twin.test.EnvironBuilder, WT.EnvironBuilder
    public = {n for n in dir(theirs) if not n.startswith("_")}
    assert {n for n in dir(ours) if not n.startswith("_")} == public

    for name in sorted(public - {"request_class"}):
        mine, wz = getattr(ours, name), getattr(theirs, name)
        if callable(wz):
            assert _sig(mine) == _sig(wz), name
        else:
            assert type(mine) is type(wz), name

    assert ours.server_protocol == "HTTP/1.1" and ours.wsgi_version == (1, 0)


def test_request_class_is_the_twins_request(twin: types.ModuleType) -> None:
    builder = twin.test.EnvironBuilder("/x?a=1")
    assert twin.test.EnvironBuilder.request_class is twin.Request

    request = builder.get_request()
    assert type(request) is twin.Request
    assert request.args["a"] == "1"
    assert type(twin.Request.from_values("/y")) is twin.Request

    class Seen:
        def __init__(self, environ: dict[str, t.Any]) -> None:
            self.environ = environ

    assert builder.get_request(Seen).environ["PATH_INFO"] == "/x"

    class Sub(twin.test.EnvironBuilder):
        request_class = Seen

    assert isinstance(Sub().get_request(), Seen)
    builder.request_class = Seen
    assert isinstance(builder.get_request(), Seen)


def test_json_dumps_is_overridable(twin: types.ModuleType) -> None:
    class Sub(twin.test.EnvironBuilder):
        json_dumps = staticmethod(lambda obj: "[1]")

    environ = Sub(json={"a": 1}).get_environ()
    assert environ["wsgi.input"].read() == b"[1]"
    assert environ["CONTENT_TYPE"] == "application/json"


# --- the builder ---------------------------------------------------------------------


def test_defaults(twin: types.ModuleType) -> None:
    environ = twin.test.create_environ()
    assert environ["wsgi.errors"] is sys.stderr
    assert environ["wsgi.input"].read() == b""
    assert "CONTENT_TYPE" not in environ and "CONTENT_LENGTH" not in environ
    assert (environ["SERVER_NAME"], environ["SERVER_PORT"], environ["HTTP_HOST"]) == (
        "localhost",
        "80",
        "localhost",
    )
    assert environ["REQUEST_METHOD"] == "GET" and environ["PATH_INFO"] == "/"


def test_paths_and_base_url(twin: types.ModuleType) -> None:
    environ = twin.test.create_environ("/s%C3%BC/é?a=%20b", "https://xn--n3h.net:8443/ap p/")
    assert environ["PATH_INFO"] == "/sü/é".encode().decode("latin1")
    assert environ["SCRIPT_NAME"] == "/ap p"
    assert environ["QUERY_STRING"] == "a=%20b"
    assert environ["REQUEST_URI"] == environ["RAW_URI"] == "/s%C3%BC/é?a=%20b".encode().decode(
        "latin1"
    )
    assert (environ["SERVER_NAME"], environ["SERVER_PORT"]) == ("xn--n3h.net", "8443")
    assert environ["wsgi.url_scheme"] == "https"

    builder = twin.test.EnvironBuilder(base_url="https://h/")
    assert (builder.server_port, builder.base_url) == (443, "https://h/")
    builder.base_url = None
    assert (builder.url_scheme, builder.host, builder.script_root) == ("http", "localhost", "")

    with pytest.raises(ValueError):
        twin.test.EnvironBuilder("/?a=1", query_string="b=2")


def test_query_string_and_args(twin: types.ModuleType) -> None:
    builder = twin.test.EnvironBuilder(query_string={"a": ["1", "2"], "b": "é ?"})
    assert builder.query_string == "a=1&a=2&b=%C3%A9+?"
    builder.args.add("c", "3")
    assert builder.get_environ()["QUERY_STRING"].endswith("&c=3")

    builder.query_string = "raw"
    with pytest.raises(AttributeError):
        builder.args
    builder.args = twin.datastructures.MultiDict([("x", "1")])
    assert builder.query_string == "x=1"


def test_headers_are_joined_and_content_headers_moved(twin: types.ModuleType) -> None:
    headers = [("X-A", "1"), ("x-a", "2"), ("Content-Type", "text/x"), ("Content-Length", "2")]
    environ = twin.test.create_environ(headers=headers)
    assert environ["HTTP_X_A"] == "1, 2"
    # The content_length argument (None) removes the header's, as in Werkzeug.
    assert environ["CONTENT_TYPE"] == "text/x" and "CONTENT_LENGTH" not in environ
    assert "CONTENT_LENGTH" not in WT.create_environ(headers=headers)
    environ = twin.test.create_environ(headers=headers, content_length=7)
    assert environ["CONTENT_LENGTH"] == "7"  # given, kept (no input stream to measure)
    assert "HTTP_CONTENT_TYPE" not in environ and "HTTP_CONTENT_LENGTH" not in environ


def test_data_and_input_stream(twin: types.ModuleType) -> None:
    environ = twin.test.create_environ(data="é", content_type="text/plain")
    assert environ["wsgi.input"].read() == "é".encode()
    assert environ["CONTENT_LENGTH"] == "2"

    stream = io.BytesIO(b"0123456789")
    stream.seek(4)
    environ = twin.test.create_environ(input_stream=stream)
    assert environ["CONTENT_LENGTH"] == "6" and environ["wsgi.input"].read() == b"456789"

    with pytest.raises(TypeError):
        twin.test.EnvironBuilder(input_stream=io.BytesIO(), data=b"x")
    with pytest.raises(TypeError):
        twin.test.EnvironBuilder(json={}, data=b"x")

    builder = twin.test.EnvironBuilder(input_stream=io.BytesIO(b""))
    with pytest.raises(AttributeError):
        builder.form
    builder.form = twin.datastructures.MultiDict({"a": "b"})
    assert builder.input_stream is None
    assert builder.get_environ()["wsgi.input"].read() == b"a=b"


def test_form_and_files(twin: types.ModuleType, tmp_path: t.Any) -> None:
    path = tmp_path / "up.txt"
    path.write_bytes(b"from disk")
    builder = twin.test.EnvironBuilder(
        method="POST",
        data={"a": ["1", "2"], "f": (io.BytesIO(b"abc"), "x.png"), "p": str(path)},
    )
    builder.files.add_file("g", str(path))
    assert builder.mimetype == "multipart/form-data"
    assert builder.form.getlist("a") == ["1", "2"]
    f = builder.files["f"]
    assert (f.filename, f.content_type, f.name) == ("x.png", "image/png", "f")
    g = builder.files["g"]
    assert (g.filename, g.content_type) == (str(path), "text/plain")

    environ = builder.get_environ()
    body = environ["wsgi.input"].read()
    boundary = environ["CONTENT_TYPE"].split('boundary="')[1][:-1]
    assert len(body) == int(environ["CONTENT_LENGTH"])
    assert body.endswith(f"\r\n--{boundary}--\r\n".encode())
    assert b"from disk" in body and b'filename="x.png"' in body

    builder.close()
    assert builder.closed and g.stream.closed
    builder.close()  # once is enough


def test_mimetype_and_params(twin: types.ModuleType) -> None:
    builder = twin.test.EnvironBuilder(mimetype="text/html")
    assert builder.content_type == "text/html; charset=utf-8"
    params = builder.mimetype_params
    assert params == {"charset": "utf-8"}
    params["charset"] = "latin-1"
    assert builder.content_type == "text/html; charset=latin-1"
    builder.content_type = None
    assert builder.mimetype is None and builder.content_length is None
    builder.content_length = 5
    assert builder.headers["Content-Length"] == "5"


def test_auth(twin: types.ModuleType) -> None:
    environ = twin.test.create_environ(auth=("é", "p:w"))
    token = base64.b64encode("é:p:w".encode()).decode()
    assert environ["HTTP_AUTHORIZATION"] == f"Basic {token}"

    class Bearer:
        def to_header(self) -> str:
            return "Bearer abc"

    assert twin.test.create_environ(auth=Bearer())["HTTP_AUTHORIZATION"] == "Bearer abc"
    wz_auth = werkzeug.datastructures.Authorization("digest", {"username": "u", "realm": "r"})
    assert (
        twin.test.create_environ(auth=wz_auth)["HTTP_AUTHORIZATION"]
        == WT.create_environ(auth=wz_auth)["HTTP_AUTHORIZATION"]
    )


def test_environ_base_and_overrides(twin: types.ModuleType) -> None:
    environ = twin.test.create_environ(
        environ_base={"REQUEST_METHOD": "X", "A": 1}, environ_overrides={"PATH_INFO": "/o"}
    )
    assert (environ["REQUEST_METHOD"], environ["A"], environ["PATH_INFO"]) == ("GET", 1, "/o")


def test_server_port_of_a_bad_port(twin: types.ModuleType) -> None:
    builder = twin.test.EnvironBuilder()
    builder.host = "h:abc"
    assert (builder.server_name, builder.server_port) == ("h", 80)


# --- run_wsgi_app ----------------------------------------------------------------------


class Closing:
    """An app iterable with a close() that counts."""

    def __init__(self, items: list[bytes]) -> None:
        self.items = items
        self.closed = 0

    def __iter__(self) -> t.Iterator[bytes]:
        return iter(self.items)

    def close(self) -> None:
        self.closed += 1


def _apps() -> dict[str, t.Callable[[], t.Any]]:
    """name -> a factory of (app, its iterable or None)."""

    def listing() -> t.Any:
        def app(environ: t.Any, start_response: t.Any) -> t.Any:
            start_response("200 OK", [("X-A", "1")])
            return [b"a", b"b"]

        return app, None

    def closing() -> t.Any:
        body = Closing([b"x", b"y"])

        def app(environ: t.Any, start_response: t.Any) -> t.Any:
            start_response("201 Created", [("X-B", "2"), ("X-B", "3")])
            return body

        return app, body

    def generator() -> t.Any:
        state = {"closed": 0}

        def app(environ: t.Any, start_response: t.Any) -> t.Any:
            def gen() -> t.Iterator[bytes]:
                try:
                    yield b""
                    start_response("404 NOT FOUND", [])
                    yield b"late"
                    yield b"r"
                finally:
                    state["closed"] += 1

            return gen()

        return app, state

    def writer() -> t.Any:
        def app(environ: t.Any, start_response: t.Any) -> t.Any:
            write = start_response("200 OK", [("Content-Type", "text/plain")])
            write(b"written ")
            return [b"returned"]

        return app, None

    return {"listing": listing, "closing": closing, "generator": generator, "writer": writer}


def _closed(extra: t.Any) -> t.Any:
    if isinstance(extra, Closing):
        return extra.closed
    if isinstance(extra, dict):
        return extra["closed"]
    return None


@pytest.mark.parametrize("name", sorted(_apps()))
def test_run_wsgi_app_unbuffered_matches_werkzeug(twin: types.ModuleType, name: str) -> None:
    def run(run_wsgi_app: t.Any) -> t.Any:
        app, extra = _apps()[name]()
        app_iter, status, headers = run_wsgi_app(app, {"PATH_INFO": "/"})
        before = _closed(extra)
        body = b"".join(app_iter)
        close = getattr(app_iter, "close", None)
        if close is not None:
            close()
        return status, normalise(headers), body, before, _closed(extra)

    ours = run(twin.test.run_wsgi_app)
    assert ours == run(WT.run_wsgi_app)
    assert type(run(twin.test.run_wsgi_app)[1]) is tuple  # normalised Headers


@pytest.mark.parametrize("name", ["listing", "closing", "generator"])
def test_run_wsgi_app_buffered_matches_werkzeug(twin: types.ModuleType, name: str) -> None:
    def run(run_wsgi_app: t.Any) -> t.Any:
        app, extra = _apps()[name]()
        app_iter, status, headers = run_wsgi_app(app, {}, buffered=True)
        closed = _closed(extra)  # closed already
        return status, normalise(headers), list(app_iter), closed

    assert run(twin.test.run_wsgi_app) == run(WT.run_wsgi_app)


def test_run_wsgi_app_buffered_keeps_written_data(twin: types.ModuleType) -> None:
    """A documented difference: Werkzeug 3.1.9 drops what the app wrote when
    ``buffered`` (as Response.from_app here, which shares the runner)."""
    app, _ = _apps()["writer"]()
    app_iter, status, headers = twin.test.run_wsgi_app(app, {}, buffered=True)
    assert b"".join(app_iter) == b"written returned"
    assert b"".join(WT.run_wsgi_app(app, {}, buffered=True)[0]) == b"returned"
    # NOTE: the pure twin's Headers on both twins (the test module is shared).
    assert type(headers).__name__ == "Headers" and headers["content-type"] == "text/plain"


def test_run_wsgi_app_copies_the_environ(twin: types.ModuleType) -> None:
    seen = []

    def app(environ: t.Any, start_response: t.Any) -> t.Any:
        environ["CHANGED"] = True
        seen.append(environ)
        start_response("200 OK", [])
        return []

    environ = twin.test.create_environ()
    twin.test.run_wsgi_app(app, environ)
    assert "CHANGED" not in environ and seen[0]["PATH_INFO"] == "/"


def test_run_wsgi_app_reraises_exc_info(twin: types.ModuleType) -> None:
    def app(environ: t.Any, start_response: t.Any) -> t.Any:
        try:
            raise KeyError("boom")
        except KeyError:
            start_response("500 ERROR", [], sys.exc_info())
        return []

    with pytest.raises(KeyError, match="boom"):
        twin.test.run_wsgi_app(app, {})
