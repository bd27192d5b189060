"""The Request, attribute by attribute, on both twins (and a trivial subclass).

Every environ is built by hand (:func:`support.make_environ`), never with a
twin's own ``EnvironBuilder`` (except to test ``from_values``). The expected
values are Werkzeug 3.1.9's; ``test_request_differential.py`` compares the
same attributes with Werkzeug on random environs, and
``test_request_hostile.py`` pins the bad-input rows.
"""

from __future__ import annotations

import base64
import datetime as dt
import io
import json
import types
import typing as t

import pytest

from support import make_environ

UTC = dt.timezone.utc


def basic(user: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()


# --- the environ and construction -------------------------------------------------


def test_environ_is_kept_and_populated(Request: type) -> None:
    environ = make_environ()
    request = Request(environ)
    assert request.environ is environ
    assert environ["werkzeug.request"] is request
    assert request.shallow is False


def test_populate_request_false(Request: type) -> None:
    environ = make_environ()
    request = Request(environ, populate_request=False)
    assert "werkzeug.request" not in environ
    assert request.environ is environ


def test_shallow_refuses_the_body(Request: type) -> None:
    environ = make_environ(method="POST", body=b"abc")
    request = Request(environ, shallow=True)
    assert request.shallow is True
    assert "werkzeug.request" not in environ  # shallow never populates
    with pytest.raises(RuntimeError, match="shallow"):
        request.stream
    with pytest.raises(RuntimeError):
        request.get_data()
    with pytest.raises(RuntimeError):
        request.data
    # everything that does not read the body still works
    assert request.method == "POST"
    assert request.content_length == 3
    assert environ["wsgi.input"].read() == b"abc"


def test_values_are_kept_once_read(Request: type) -> None:
    # what was read stays what it was, even if the environ changes later
    # (Werkzeug reads these in __init__; ours on first use, then keeps them)
    environ = make_environ("/a", "x=1")
    request = Request(environ)
    assert request.path == "/a"
    assert request.args["x"] == "1"
    environ["PATH_INFO"] = "/b"
    environ["QUERY_STRING"] = "x=2"
    assert request.path == "/a"
    assert request.args["x"] == "1"


# --- method, scheme, server, paths ---------------------------------------------------


@pytest.mark.parametrize(
    ("given", "expected"),
    [("GET", "GET"), ("post", "POST"), ("Patch", "PATCH"), (None, "GET"), ("", "")],
)
def test_method(Request: type, given: str | None, expected: str) -> None:
    assert Request(make_environ(REQUEST_METHOD=given)).method == expected


@pytest.mark.parametrize(
    ("scheme", "secure"),
    [("http", False), ("https", True), ("ws", False), ("wss", True), ("HTTPS", False)],
)
def test_scheme_and_is_secure(Request: type, scheme: str, secure: bool) -> None:
    request = Request(make_environ(**{"wsgi.url_scheme": scheme}))
    assert request.scheme == scheme
    assert request.is_secure is secure


def test_scheme_defaults_to_http(Request: type) -> None:
    request = Request(make_environ(**{"wsgi.url_scheme": None}))
    assert request.scheme == "http"
    assert request.is_secure is False


@pytest.mark.parametrize(
    ("name", "port", "expected"),
    [
        ("localhost", "80", ("localhost", 80)),
        ("example.com", "8080", ("example.com", 8080)),
        ("example.com", " 81 ", ("example.com", 81)),
        ("example.com", "", ("example.com", None)),
        ("example.com", "abc", ("example.com", None)),
        ("example.com", None, ("example.com", None)),
        ("/run/app.sock", "", ("/run/app.sock", None)),
        (None, "80", None),
    ],
)
def test_server(
    Request: type, name: str | None, port: str | None, expected: t.Any
) -> None:
    request = Request(make_environ(SERVER_NAME=name, SERVER_PORT=port))
    assert request.server == expected


@pytest.mark.parametrize(
    ("script_name", "root_path"),
    [
        ("", ""),
        (None, ""),
        ("/", ""),
        ("/app", "/app"),
        ("/app/", "/app"),
        ("/app///", "/app"),
        ("/caf\xc3\xa9", "/caf\xe9"),  # UTF-8 bytes as Latin-1 text
        ("/\xff\xfe", "/\ufffd\ufffd"),  # not UTF-8: replaced
        ("/a%2Fb", "/a%2Fb"),  # escapes stay as they are
    ],
)
def test_root_path_and_script_root(
    Request: type, script_name: str | None, root_path: str
) -> None:
    request = Request(make_environ(SCRIPT_NAME=script_name))
    assert request.root_path == root_path
    assert request.script_root == root_path


@pytest.mark.parametrize(
    ("path_info", "path"),
    [
        ("", "/"),
        (None, "/"),
        ("/", "/"),
        ("a", "/a"),
        ("//a//b/", "/a//b/"),
        ("/\xe2\x98\x83", "/\u2603"),
        ("/\xc3", "/\ufffd"),
        ("/%41%", "/%41%"),
    ],
)
def test_path(Request: type, path_info: str | None, path: str) -> None:
    assert Request(make_environ(PATH_INFO=path_info)).path == path


@pytest.mark.parametrize(
    ("path", "query", "full_path"),
    [
        ("/a", "", "/a?"),
        ("/a", "b=c&d", "/a?b=c&d"),
        ("/", "x=%C3%A9", "/?x=%C3%A9"),
        ("/", "x=\xc3\xa9", "/?x=\xe9"),  # UTF-8 bytes, decoded
        ("/\xe2\x98\x83", "a=1", "/\u2603?a=1"),
    ],
)
def test_full_path(Request: type, path: str, query: str, full_path: str) -> None:
    assert Request(make_environ(path, query)).full_path == full_path


@pytest.mark.parametrize(
    ("query", "expected"),
    [("", b""), ("a=%C3%A9", b"a=%C3%A9"), ("a=\xe9", b"a=\xe9"), ("+ ", b"+ ")],
)
def test_query_string_is_bytes(Request: type, query: str, expected: bytes) -> None:
    request = Request(make_environ(query=query))
    assert request.query_string == expected
    assert type(request.query_string) is bytes


def test_query_string_missing(Request: type) -> None:
    assert Request(make_environ(QUERY_STRING=None)).query_string == b""


# --- args ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "pairs"),
    [
        ("", []),
        ("a=1", [("a", "1")]),
        ("a=1&a=2&b=3", [("a", "1"), ("a", "2"), ("b", "3")]),
        ("a&b=&=c", [("a", ""), ("b", ""), ("", "c")]),
        ("a+b=c+d", [("a b", "c d")]),
        ("a%20b=%2B%26%3D", [("a b", "+&=")]),
        ("x=%C3%A9%E2%98%83", [("x", "\xe9\u2603")]),
        ("x=%FF%fe", [("x", "%FF%FE")]),  # escapes of non-UTF-8 stay escaped
        ("x=%zz%4", [("x", "%zz%4")]),
        ("a=1;b=2", [("a", "1;b=2")]),  # only & separates
        ("&&a=1&&", [("a", "1")]),
        ("x=\xc3\xa9", [("x", "\xe9")]),  # raw UTF-8 in the WSGI string
        ("a==b", [("a", "=b")]),
    ],
)
def test_args(Request: type, twin: types.ModuleType, query: str, pairs: list) -> None:
    args = Request(make_environ(query=query)).args
    assert isinstance(args, twin.datastructures.ImmutableMultiDict)
    assert list(args.items(multi=True)) == pairs


def test_args_access(Request: type, twin: types.ModuleType) -> None:
    request = Request(make_environ(query="a=1&a=2&n=5"))
    args = request.args
    assert args["a"] == "1"
    assert args.getlist("a") == ["1", "2"]
    assert args.get("n", type=int) == 5
    assert request.args is args  # computed once
    with pytest.raises(KeyError) as info:
        args["missing"]
    assert isinstance(info.value, twin.exceptions.BadRequest)
    assert info.value.code == 400
    with pytest.raises(TypeError):
        args["a"] = "x"
    with pytest.raises(TypeError):
        args.add("b", "x")


def test_parameter_storage_class_multidict(Request: type, twin: types.ModuleType) -> None:
    sub = type("R", (Request,), {"parameter_storage_class": twin.datastructures.MultiDict})
    args = sub(make_environ(query="a=1&a=2")).args
    assert type(args) is twin.datastructures.MultiDict
    args["b"] = "3"  # mutable
    assert list(args.items(multi=True)) == [("a", "1"), ("a", "2"), ("b", "3")]


def test_parameter_storage_class_custom(Request: type, twin: types.ModuleType) -> None:
    seen = []

    class Recording(twin.datastructures.MultiDict):  # type: ignore[misc,name-defined]
        def __init__(self, mapping: t.Any = None) -> None:
            mapping = list(mapping or ())
            seen.append(mapping)
            super().__init__(mapping)

    sub = type("R", (Request,), {"parameter_storage_class": Recording})
    args = sub(make_environ(query="b=2&a=1&b=3")).args
    assert type(args) is Recording
    assert seen == [[("b", "2"), ("a", "1"), ("b", "3")]]
    assert list(args.items(multi=True)) == [("b", "2"), ("b", "3"), ("a", "1")]


# --- headers and cookies --------------------------------------------------------------


def test_headers(Request: type, twin: types.ModuleType) -> None:
    environ = make_environ(
        headers=[("X-Thing", "one"), ("Content-Type", "text/plain"), ("Host", "h")],
        body=b"xy",
    )
    headers = Request(environ).headers
    assert isinstance(headers, twin.datastructures.EnvironHeaders)
    assert headers["x-thing"] == "one"
    assert headers["Content-Type"] == "text/plain"
    assert headers["Content-Length"] == "2"
    assert headers.get("Missing") is None
    assert ("X-Thing", "one") in list(headers.items())
    assert headers.environ is environ
    with pytest.raises(TypeError):
        headers["X-New"] = "v"
    with pytest.raises(KeyError):
        headers["Missing"]


@pytest.mark.parametrize(
    ("cookie", "pairs"),
    [
        (None, []),
        ("", []),
        ("a=b", [("a", "b")]),
        ("a=b; c=d", [("a", "b"), ("c", "d")]),
        ("a=1; a=2", [("a", "1"), ("a", "2")]),
        ('a="b c"; d="\\"e\\""', [("a", "b c"), ("d", '"e"')]),
        ('a="b\\073c"', [("a", "b;c")]),
        ("=__Host-x=bad; ok=1", [("ok", "1")]),
        ("; ;a=1", [("a", "1")]),
        # the WSGI string is used as it is (Latin-1 text, not decoded again)
        ("a=\xc3\xa9", [("a", "\xc3\xa9")]),
        ("a=\xff", [("a", "\xff")]),
        ("noequals; x=1", [("noequals", ""), ("x", "1")]),
    ],
)
def test_cookies(Request: type, twin: types.ModuleType, cookie: str | None, pairs: list) -> None:
    request = Request(make_environ(HTTP_COOKIE=cookie))
    cookies = request.cookies
    assert isinstance(cookies, twin.datastructures.ImmutableMultiDict)
    assert list(cookies.items(multi=True)) == pairs
    assert request.cookies is cookies


def test_dict_storage_class(Request: type, twin: types.ModuleType) -> None:
    sub = type("R", (Request,), {"dict_storage_class": twin.datastructures.MultiDict})
    cookies = sub(make_environ(HTTP_COOKIE="a=1; a=2")).cookies
    assert type(cookies) is twin.datastructures.MultiDict
    assert cookies.getlist("a") == ["1", "2"]


# --- URLs and the host --------------------------------------------------------------------


def test_urls(Request: type) -> None:
    environ = make_environ(
        "/p/q", "a=1&b=%20", headers=[("Host", "example.com:8080")], SCRIPT_NAME="/app/"
    )
    request = Request(environ)
    assert request.host == "example.com:8080"
    assert request.url == "http://example.com:8080/app/p/q?a=1&b=%20"
    assert request.base_url == "http://example.com:8080/app/p/q"
    assert request.root_url == "http://example.com:8080/app/"
    assert request.url_root == "http://example.com:8080/app/"
    assert request.host_url == "http://example.com:8080/"


def test_url_with_unicode_and_reserved(Request: type) -> None:
    request = Request(
        make_environ("/\xe2\x98\x83 x/%2F", "q=\xc3\xa9&r=a b", headers=[("Host", "h")])
    )
    assert request.url == "http://h/\u2603%20x/%2F?q=\xe9&r=a%20b"
    assert request.base_url == "http://h/\u2603%20x/%2F"


@pytest.mark.parametrize(
    ("scheme", "host_header", "name", "port", "host"),
    [
        ("http", "example.com", "localhost", "80", "example.com"),
        ("http", "example.com:80", "localhost", "80", "example.com"),
        ("https", "example.com:443", "localhost", "80", "example.com"),
        ("https", "example.com:80", "localhost", "80", "example.com:80"),
        ("ws", "example.com:80", "localhost", "80", "example.com"),
        ("wss", "example.com:443", "localhost", "80", "example.com"),
        ("http", None, "localhost", "80", "localhost"),
        ("http", None, "localhost", "8000", "localhost:8000"),
        ("https", None, "srv", "443", "srv"),
        ("http", None, "::1", "8000", "[::1]:8000"),
        ("http", None, "/tmp/sock", "", ""),  # a Unix socket
        ("http", None, None, None, ""),
        ("http", "bad host", "localhost", "80", ""),  # invalid characters
        ("http", "example.com:99999", "localhost", "80", ""),
        ("http", "[::1]:8080", "localhost", "80", "[::1]:8080"),
        ("http", "", "localhost", "80", ""),
    ],
)
def test_host(
    Request: type,
    scheme: str,
    host_header: str | None,
    name: str | None,
    port: str | None,
    host: str,
) -> None:
    environ = make_environ(
        HTTP_HOST=host_header, SERVER_NAME=name, SERVER_PORT=port, **{"wsgi.url_scheme": scheme}
    )
    assert Request(environ).host == host


@pytest.mark.parametrize(
    ("script_name", "host", "url"),
    [("a", "h", "http://ha/"), ("a", "h:8080", ValueError), ("a:9", "h", "http://ha:9/")],
)
def test_url_root_path_without_slash(
    Request: type, script_name: str, host: str, url: t.Any
) -> None:
    # the root path runs on into the host, as in Werkzeug (the compiled
    # shortcut gave "http://h:8080a/" where the IRI conversion refuses the port)
    request = Request(make_environ(SCRIPT_NAME=script_name, HTTP_HOST=host))
    if url is ValueError:
        with pytest.raises(ValueError):
            request.url
    else:
        assert request.url == url


def test_trusted_hosts(Request: type, twin: types.ModuleType) -> None:
    sub = type("R", (Request,), {"trusted_hosts": ["example.com", ".example.org"]})
    assert sub(make_environ(HTTP_HOST="example.com")).host == "example.com"
    assert sub(make_environ(HTTP_HOST="example.com:8080")).host == "example.com:8080"
    assert sub(make_environ(HTTP_HOST="a.example.org")).url == "http://a.example.org/"
    assert sub(make_environ(HTTP_HOST="example.org")).host == "example.org"

    for bad in ("evil.com", "example.com.evil.com", "bad host", ""):
        request = sub(make_environ(HTTP_HOST=bad))
        with pytest.raises(twin.exceptions.SecurityError) as info:
            request.host
        assert isinstance(info.value, twin.exceptions.BadRequest)
        assert info.value.code == 400
        with pytest.raises(twin.exceptions.SecurityError):
            request.url
        with pytest.raises(twin.exceptions.SecurityError):
            request.host_url
        # repr does not raise
        assert "invalid URL" in repr(request)


def test_trusted_hosts_set_on_the_instance(Request: type, twin: types.ModuleType) -> None:
    request = Request(make_environ(HTTP_HOST="evil.com"))
    request.trusted_hosts = ["example.com"]
    with pytest.raises(twin.exceptions.SecurityError):
        request.host


# --- the client ----------------------------------------------------------------------------


def test_remote_addr_and_access_route(Request: type, twin: types.ModuleType) -> None:
    request = Request(make_environ())
    assert request.remote_addr == "127.0.0.1"
    assert list(request.access_route) == ["127.0.0.1"]
    assert isinstance(request.access_route, twin.datastructures.ImmutableList)

    forwarded = Request(make_environ(HTTP_X_FORWARDED_FOR="1.2.3.4, 5.6.7.8 ,x"))
    assert list(forwarded.access_route) == ["1.2.3.4", "5.6.7.8", "x"]
    assert forwarded.remote_addr == "127.0.0.1"

    nobody = Request(make_environ(REMOTE_ADDR=None))
    assert nobody.remote_addr is None
    assert list(nobody.access_route) == []
    with pytest.raises(TypeError):
        nobody.access_route.append("x")


def test_list_storage_class(Request: type) -> None:
    sub = type("R", (Request,), {"list_storage_class": list})
    route = sub(make_environ(HTTP_X_FORWARDED_FOR="a, b")).access_route
    assert type(route) is list
    assert route == ["a", "b"]


def test_environ_properties(Request: type) -> None:
    request = Request(
        make_environ(
            REMOTE_USER="alice",
            **{"wsgi.multithread": True, "wsgi.multiprocess": False, "wsgi.run_once": True},
        )
    )
    assert request.remote_user == "alice"
    assert request.is_multithread is True
    assert request.is_multiprocess is False
    assert request.is_run_once is True

    bare = Request({"wsgi.input": io.BytesIO()})
    assert bare.remote_user is None
    assert bare.is_multithread is None

    for name in ("remote_user", "is_multithread", "is_multiprocess", "is_run_once"):
        with pytest.raises(AttributeError):
            setattr(request, name, "x")


def test_user_agent(Request: type, twin: types.ModuleType) -> None:
    ua = "Mozilla/5.0 (X11; Linux x86_64) Firefox/120.0"
    request = Request(make_environ(HTTP_USER_AGENT=ua))
    assert isinstance(request.user_agent, twin.user_agent.UserAgent)
    assert request.user_agent.string == ua
    assert str(request.user_agent) == ua
    assert request.user_agent.to_header() == ua
    # Werkzeug's UserAgent is truthy only when a subclass found a browser
    assert bool(request.user_agent) is False
    assert request.user_agent.browser is None
    assert Request(make_environ()).user_agent.string == ""


def test_user_agent_class(Request: type, twin: types.ModuleType) -> None:
    class MyAgent(twin.user_agent.UserAgent):  # type: ignore[misc,name-defined]
        def __init__(self, string: str) -> None:
            super().__init__(string)
            self.browser = "mine" if "Mine" in string else None

    sub = type("R", (Request,), {"user_agent_class": MyAgent})
    agent = sub(make_environ(HTTP_USER_AGENT="Mine/1")).user_agent
    assert type(agent) is MyAgent
    assert agent.browser == "mine"


@pytest.mark.parametrize(
    ("header", "kind", "parameters", "token"),
    [
        (basic("aladdin", "open sesame"), "basic", {"username": "aladdin", "password": "open sesame"}, None),
        (basic("u", ""), "basic", {"username": "u", "password": ""}, None),
        (basic("u", "p:q"), "basic", {"username": "u", "password": "p:q"}, None),
        ("Bearer abc.def", "bearer", {}, "abc.def"),
        ("Bearer abc==", "bearer", {}, "abc=="),
        (
            'Digest username="Mufasa", realm="x@y", nonce="n", uri="/d", response="r"',
            "digest",
            {"username": "Mufasa", "realm": "x@y", "nonce": "n", "uri": "/d", "response": "r"},
            None,
        ),
        ("Custom", "custom", {}, ""),
    ],
)
def test_authorization(
    Request: type,
    twin: types.ModuleType,
    header: str,
    kind: str,
    parameters: dict,
    token: str | None,
) -> None:
    auth = Request(make_environ(HTTP_AUTHORIZATION=header)).authorization
    assert isinstance(auth, twin.datastructures.Authorization)
    assert auth.type == kind
    assert dict(auth.parameters) == parameters
    assert auth.token == token
    if kind == "basic":
        assert auth.username == parameters["username"]
        assert auth.password == parameters["password"]
        assert auth.to_header() == header


@pytest.mark.parametrize("header", [None, "", "Basic !!!!", "Basic " + base64.b64encode(b"\xff:x").decode()])
def test_authorization_none(Request: type, header: str | None) -> None:
    assert Request(make_environ(HTTP_AUTHORIZATION=header)).authorization is None


# --- content headers ---------------------------------------------------------------------


def test_content_headers(Request: type) -> None:
    request = Request(
        make_environ(
            method="POST",
            body=b"{}",
            headers=[
                ("Content-Type", "Application/JSON; Charset=UTF-8; x=\"a b\""),
                ("Content-Encoding", "gzip"),
                ("Content-MD5", "Q2hlY2sgSW50ZWdyaXR5IQ=="),
                ("Referer", "http://example.com/from"),
                ("Origin", "https://example.org"),
                ("Max-Forwards", "7"),
                ("Date", "Wed, 21 Oct 2015 07:28:00 GMT"),
                ("Pragma", "no-cache, x"),
                ("Access-Control-Request-Headers", "X-A, x-b"),
                ("Access-Control-Request-Method", "PUT"),
            ],
        )
    )
    assert request.content_type == "Application/JSON; Charset=UTF-8; x=\"a b\""
    assert request.mimetype == "application/json"
    assert request.mimetype_params == {"charset": "UTF-8", "x": "a b"}
    assert request.content_length == 2
    assert request.content_encoding == "gzip"
    assert request.content_md5 == "Q2hlY2sgSW50ZWdyaXR5IQ=="
    assert request.referrer == "http://example.com/from"
    assert request.origin == "https://example.org"
    assert request.max_forwards == 7
    assert request.date == dt.datetime(2015, 10, 21, 7, 28, tzinfo=UTC)
    assert list(request.pragma) == ["no-cache", "x"]
    assert "No-Cache" in request.pragma
    assert list(request.access_control_request_headers) == ["X-A", "x-b"]
    assert "x-a" in request.access_control_request_headers
    assert request.access_control_request_method == "PUT"
    assert request.is_json is True


def test_content_headers_missing(Request: type, twin: types.ModuleType) -> None:
    request = Request(make_environ())
    for name in (
        "content_type",
        "content_length",
        "content_encoding",
        "content_md5",
        "referrer",
        "date",
        "max_forwards",
        "origin",
        "access_control_request_headers",
        "access_control_request_method",
    ):
        assert getattr(request, name) is None, name
    assert request.mimetype == ""
    assert request.mimetype_params == {}
    assert isinstance(request.pragma, twin.datastructures.HeaderSet)
    assert not request.pragma
    assert request.is_json is False


def test_header_properties_are_read_only(Request: type) -> None:
    request = Request(make_environ(CONTENT_TYPE="text/plain"))
    for name in ("content_type", "referrer", "origin", "date", "max_forwards"):
        with pytest.raises(AttributeError):
            setattr(request, name, "x")


@pytest.mark.parametrize(
    ("value", "expected"),
    [("5", 5), ("0", 0), (" 12 ", 12), ("abc", 0), ("-5", 0), ("1_0", 0), ("+5", 0), ("", 0)],
)
def test_content_length(Request: type, value: str, expected: int) -> None:
    assert Request(make_environ(CONTENT_LENGTH=value)).content_length == expected


def test_content_length_chunked(Request: type) -> None:
    request = Request(make_environ(CONTENT_LENGTH="5", HTTP_TRANSFER_ENCODING="chunked"))
    assert request.content_length is None


@pytest.mark.parametrize(("value", "expected"), [("abc", None), ("-1", -1), ("", None)])
def test_max_forwards_invalid(Request: type, value: str, expected: int | None) -> None:
    assert Request(make_environ(HTTP_MAX_FORWARDS=value)).max_forwards == expected


@pytest.mark.parametrize(
    ("mimetype", "is_json"),
    [
        ("application/json", True),
        ("APPLICATION/JSON", True),
        ("application/vnd.api+json", True),
        ("application/json; charset=utf-8", True),
        ("application/+json", True),
        ("text/json", False),
        ("application/jsonx", False),
        ("application/json-seq", False),
        ("json", False),
    ],
)
def test_is_json(Request: type, mimetype: str, is_json: bool) -> None:
    assert Request(make_environ(CONTENT_TYPE=mimetype)).is_json is is_json


# --- content negotiation ---------------------------------------------------------------


def test_accept_headers(Request: type, twin: types.ModuleType) -> None:
    ds = twin.datastructures
    request = Request(
        make_environ(
            HTTP_ACCEPT="text/html, application/json;q=0.9, */*;q=0.1",
            HTTP_ACCEPT_CHARSET="utf-8, iso-8859-1;q=0.5",
            HTTP_ACCEPT_ENCODING="gzip, br;q=0.8, identity;q=0",
            HTTP_ACCEPT_LANGUAGE="de-AT, en;q=0.7",
        )
    )
    mimetypes = request.accept_mimetypes
    assert isinstance(mimetypes, ds.MIMEAccept)
    assert mimetypes.best == "text/html"
    assert mimetypes["application/json"] == 0.9
    assert mimetypes.quality("image/png") == 0.1
    assert mimetypes.best_match(["application/json", "image/png"]) == "application/json"
    assert mimetypes.accept_html is True
    assert mimetypes.accept_json is True

    assert isinstance(request.accept_charsets, ds.CharsetAccept)
    assert request.accept_charsets.best_match(["iso-8859-1", "utf-8"]) == "utf-8"
    assert request.accept_charsets["UTF8"] == 1  # normalised names

    encodings = request.accept_encodings
    assert type(encodings) is ds.Accept
    assert list(encodings.values()) == ["gzip", "br", "identity"]
    assert encodings["identity"] == 0

    languages = request.accept_languages
    assert isinstance(languages, ds.LanguageAccept)
    assert languages.best_match(["en", "de"]) == "en"  # an exact match first
    assert languages.best_match(["de"]) == "de"  # then the primary tag
    assert languages.best_match(["de_AT"]) == "de_AT"
    assert languages.best_match(["fr"]) is None
    assert languages["en"] == 0.7
    assert languages["de"] == 0


def test_accept_headers_missing(Request: type, twin: types.ModuleType) -> None:
    request = Request(make_environ())
    assert not request.accept_mimetypes
    assert request.accept_mimetypes.best_match(["text/html"]) is None
    assert request.accept_mimetypes.best_match(["text/html"], "x") == "x"
    assert request.accept_mimetypes.best is None
    assert request.accept_mimetypes.provided is False
    assert isinstance(request.accept_mimetypes, twin.datastructures.MIMEAccept)
    assert isinstance(request.accept_languages, twin.datastructures.LanguageAccept)
    assert not request.accept_languages
    assert not request.accept_charsets
    assert not request.accept_encodings


# --- caching and conditions -----------------------------------------------------------------


def test_cache_control(Request: type, twin: types.ModuleType) -> None:
    request = Request(make_environ(HTTP_CACHE_CONTROL="no-cache, max-age=60, no-transform"))
    cc = request.cache_control
    assert isinstance(cc, twin.datastructures.RequestCacheControl)
    assert cc.max_age == 60
    assert cc.no_cache is True
    assert cc.no_transform is True
    assert cc.no_store is False
    assert cc.max_stale is None
    empty = Request(make_environ()).cache_control
    assert isinstance(empty, twin.datastructures.RequestCacheControl)
    assert empty.max_age is None
    assert not empty


def test_etags(Request: type, twin: types.ModuleType) -> None:
    request = Request(
        make_environ(HTTP_IF_MATCH='"a", W/"b"', HTTP_IF_NONE_MATCH="*")
    )
    assert isinstance(request.if_match, twin.datastructures.ETags)
    assert request.if_match.contains("a")
    assert not request.if_match.contains("b")
    assert request.if_match.contains_weak("b")
    assert request.if_none_match.star_tag is True
    assert "anything" in request.if_none_match
    missing = Request(make_environ())
    assert not missing.if_match
    assert not missing.if_none_match
    assert missing.if_match.star_tag is False


def test_conditional_dates(Request: type) -> None:
    request = Request(
        make_environ(
            HTTP_IF_MODIFIED_SINCE="Sun, 06 Nov 1994 08:49:37 GMT",
            HTTP_IF_UNMODIFIED_SINCE="Sunday, 06-Nov-94 08:49:37 GMT",
        )
    )
    expected = dt.datetime(1994, 11, 6, 8, 49, 37, tzinfo=UTC)
    assert request.if_modified_since == expected
    assert request.if_modified_since.tzinfo is not None
    assert request.if_unmodified_since == expected
    for junk in ("", "yesterday", "Sun, 31 Feb 1994 08:49:37 GMT"):
        assert Request(make_environ(HTTP_IF_MODIFIED_SINCE=junk)).if_modified_since is None
    assert Request(make_environ()).if_unmodified_since is None


def test_if_range(Request: type, twin: types.ModuleType) -> None:
    by_etag = Request(make_environ(HTTP_IF_RANGE='"abc"')).if_range
    assert isinstance(by_etag, twin.datastructures.IfRange)
    assert by_etag.etag == "abc"
    assert by_etag.date is None
    by_date = Request(make_environ(HTTP_IF_RANGE="Sun, 06 Nov 1994 08:49:37 GMT")).if_range
    assert by_date.etag is None
    assert by_date.date == dt.datetime(1994, 11, 6, 8, 49, 37, tzinfo=UTC)
    empty = Request(make_environ()).if_range
    assert empty.etag is None and empty.date is None
    assert empty.to_header() == ""


def test_range(Request: type, twin: types.ModuleType) -> None:
    rng = Request(make_environ(HTTP_RANGE="bytes=0-99, 200-")).range
    assert isinstance(rng, twin.datastructures.Range)
    assert rng.units == "bytes"
    assert rng.ranges == [(0, 100), (200, None)]
    assert rng.range_for_length(1000) is None  # multiple ranges
    single = Request(make_environ(HTTP_RANGE="bytes=-5")).range
    assert single.range_for_length(20) == (15, 20)
    for junk in (None, "", "bytes=5-1", "bytes=abc", "bytes=0-3;"):
        assert Request(make_environ(HTTP_RANGE=junk)).range is None


# --- the body ---------------------------------------------------------------------------------


def test_stream_and_input_stream(Request: type) -> None:
    body = io.BytesIO(b"hello world, and more")
    request = Request(make_environ(method="POST", CONTENT_LENGTH="5", **{"wsgi.input": body}))
    assert request.input_stream is body
    assert request.stream is request.stream
    assert request.stream.read() == b"hello"
    assert request.stream.read() == b""


def test_stream_without_content_length_is_empty(Request: type) -> None:
    body = io.BytesIO(b"unbounded")
    request = Request(make_environ(method="POST", **{"wsgi.input": body}))
    assert request.get_data() == b""


def test_stream_input_terminated(Request: type) -> None:
    body = io.BytesIO(b"chunked body")
    request = Request(
        make_environ(
            method="POST",
            HTTP_TRANSFER_ENCODING="chunked",
            **{"wsgi.input": body, "wsgi.input_terminated": True},
        )
    )
    assert request.content_length is None
    assert request.get_data() == b"chunked body"


def test_get_data(Request: type) -> None:
    request = Request(make_environ(method="PUT", body="h\xe9llo \xff".encode("latin1")))
    assert request.get_data() == b"h\xe9llo \xff"
    assert request.get_data() == b"h\xe9llo \xff"  # cached
    assert request.get_data(as_text=True) == "h\ufffdllo \ufffd"
    assert request.data == b"h\xe9llo \xff"


def test_get_data_as_text_utf8(Request: type) -> None:
    request = Request(make_environ(method="PUT", body="h\xe9\u2603".encode()))
    assert request.get_data(as_text=True) == "h\xe9\u2603"


@pytest.mark.parametrize("content_type", [None, "application/json", "application/octet-stream"])
def test_get_data_parse_form_data_of_a_body_that_is_no_form(
    Request: type, content_type: str | None
) -> None:
    # not a form: parsing first leaves the body to read (form bodies are
    # the second part of the Request)
    request = Request(make_environ(method="POST", body=b"raw", CONTENT_TYPE=content_type))
    assert request.get_data(parse_form_data=True) == b"raw"
    assert request.get_data(parse_form_data=True, as_text=True) == "raw"


def test_get_data_without_cache(Request: type) -> None:
    request = Request(make_environ(method="POST", body=b"once"))
    assert request.get_data(cache=False) == b"once"
    assert request.get_data(cache=False) == b""
    assert request.get_data() == b""


def test_data_of_a_get(Request: type) -> None:
    request = Request(make_environ(body=b"abc"))
    assert request.data == b"abc"
    assert request.data is request.data


def test_max_content_length_before_reading(Request: type, twin: types.ModuleType) -> None:
    sub = type("R", (Request,), {"max_content_length": 10})
    body = io.BytesIO(b"x" * 20)
    request = sub(make_environ(method="POST", CONTENT_LENGTH="20", **{"wsgi.input": body}))
    with pytest.raises(twin.exceptions.RequestEntityTooLarge) as info:
        request.get_data()
    assert info.value.code == 413
    assert body.tell() == 0  # not a byte read
    small = sub(make_environ(method="POST", body=b"x" * 10))
    assert small.get_data() == b"x" * 10


def test_max_content_length_on_the_instance(Request: type, twin: types.ModuleType) -> None:
    request = Request(make_environ(method="POST", body=b"x" * 20))
    request.max_content_length = 5
    with pytest.raises(twin.exceptions.RequestEntityTooLarge):
        request.stream


# --- JSON ---------------------------------------------------------------------------------------


def json_request(Request: type, body: bytes, mimetype: str = "application/json") -> t.Any:
    return Request(make_environ(method="POST", body=body, CONTENT_TYPE=mimetype))


def test_get_json(Request: type) -> None:
    request = json_request(Request, b'{"a": [1, 2.5, null, "\\u00e9"]}')
    value = request.get_json()
    assert value == {"a": [1, 2.5, None, "\xe9"]}
    assert request.get_json() is value  # cached
    assert request.json is value
    assert request.get_data() == b'{"a": [1, 2.5, null, "\\u00e9"]}'


def test_get_json_utf16_and_bom(Request: type) -> None:
    assert json_request(Request, '{"a": "\xe9"}'.encode("utf-16")).get_json() == {"a": "\xe9"}
    assert json_request(Request, b'\xef\xbb\xbf{"a": 1}').get_json() == {"a": 1}


def test_get_json_plus_json(Request: type) -> None:
    assert json_request(Request, b"[1]", "application/problem+json").get_json() == [1]


def test_get_json_wrong_type(Request: type, twin: types.ModuleType) -> None:
    request = json_request(Request, b'{"a": 1}', "text/plain")
    with pytest.raises(twin.exceptions.UnsupportedMediaType) as info:
        request.get_json()
    assert info.value.code == 415
    with pytest.raises(twin.exceptions.UnsupportedMediaType):
        request.json
    assert request.get_json(silent=True) is None
    assert request.get_json(force=True) == {"a": 1}


def test_get_json_no_content_type(Request: type, twin: types.ModuleType) -> None:
    request = Request(make_environ(method="POST", body=b"1"))
    with pytest.raises(twin.exceptions.UnsupportedMediaType):
        request.get_json()


@pytest.mark.parametrize("body", [b"{", b"", b"nope", b'{"a": 1} x', b'"\xff"', b"[1,]"])
def test_get_json_invalid(Request: type, twin: types.ModuleType, body: bytes) -> None:
    request = json_request(Request, body)
    with pytest.raises(twin.exceptions.BadRequest) as info:
        request.get_json()
    assert info.value.code == 400
    assert "Failed to decode JSON object" in info.value.description
    assert not isinstance(info.value, twin.exceptions.UnsupportedMediaType)
    assert request.get_json(silent=True) is None


def test_get_json_caching_rules(Request: type, twin: types.ModuleType) -> None:
    # silent and normal results are cached apart
    request = json_request(Request, b"{bad")
    assert request.get_json(silent=True) is None
    with pytest.raises(twin.exceptions.BadRequest):
        request.get_json()
    assert request.get_json(silent=True) is None

    # cache=False neither uses nor stores a parse, nor keeps the body
    request = json_request(Request, b"[1]")
    assert request.get_json(cache=False) == [1]
    with pytest.raises(twin.exceptions.BadRequest):
        request.get_json()  # the body was read and not kept: b"" is invalid

    # a cached parse is reused even with force/silent changes of the same slot
    request = json_request(Request, b"[2]")
    first = request.get_json()
    assert request.get_json(force=True) is first
    assert request.get_json(silent=True) is first


def test_on_json_loading_failed_override(Request: type) -> None:
    calls: list[t.Any] = []

    class R(Request):  # type: ignore[misc,valid-type]
        def on_json_loading_failed(self, e: ValueError | None) -> t.Any:
            calls.append(e)
            return {"fallback": True}

    bad = R(make_environ(method="POST", body=b"{", CONTENT_TYPE="application/json"))
    assert bad.get_json() == {"fallback": True}
    assert isinstance(calls[0], ValueError)
    assert bad.get_json() == {"fallback": True}  # cached: not called again
    assert len(calls) == 1

    wrong = R(make_environ(method="POST", body=b"{}", CONTENT_TYPE="text/plain"))
    assert wrong.json == {"fallback": True}
    assert calls[1] is None


def test_json_module(Request: type) -> None:
    seen: list[t.Any] = []

    class Loader:
        @staticmethod
        def loads(data: t.Any, **kwargs: t.Any) -> t.Any:
            seen.append(data)
            return json.loads(data, parse_int=str)

    sub = type("R", (Request,), {"json_module": Loader})
    assert json_request(sub, b"[12]").get_json() == ["12"]
    assert seen == [b"[12]"]


# --- lifecycle ----------------------------------------------------------------------------------


def test_close_and_with(Request: type) -> None:
    environ = make_environ()
    with Request(environ) as request:
        assert isinstance(request, Request)
        assert request.path == "/"
    request.close()  # again: no files, nothing to do


def test_application(Request: type, twin: types.ModuleType) -> None:
    seen: list[t.Any] = []

    @Request.application
    def app(request: t.Any) -> t.Any:
        seen.append(request)
        if request.args.get("fail"):
            raise twin.exceptions.BadRequest()
        return twin.Response(f"hi {request.path}")

    assert app.__name__ == "app"
    statuses: list[str] = []

    def start_response(status: str, headers: t.Any, exc_info: t.Any = None) -> t.Any:
        statuses.append(status)
        return lambda data: None

    body = b"".join(app(make_environ("/x"), start_response))
    assert body == b"hi /x"
    assert statuses[-1] == "200 OK"
    assert type(seen[-1]) is Request
    b"".join(app(make_environ("/x", "fail=1"), start_response))
    assert statuses[-1].startswith("400")


def test_application_on_a_method(Request: type, twin: types.ModuleType) -> None:
    class App:
        prefix = "m"

        @Request.application
        def __call__(self, request: t.Any) -> t.Any:
            return twin.Response(self.prefix + request.path)

    out = App()(make_environ("/y"), lambda s, h, e=None: None)
    assert b"".join(out) == b"m/y"


def test_from_values(Request: type, twin: types.ModuleType) -> None:
    request = Request.from_values(
        "/p?a=1",
        base_url="https://example.com/root/",
        method="POST",
        data=b'{"k": 2}',
        content_type="application/json",
        headers={"X-Thing": "v", "Cookie": "c=d"},
    )
    assert type(request) is Request
    assert request.method == "POST"
    assert request.url == "https://example.com/root/p?a=1"
    assert request.root_path == "/root"
    assert request.args["a"] == "1"
    assert request.headers["X-Thing"] == "v"
    assert request.cookies["c"] == "d"
    assert request.get_json() == {"k": 2}
    assert request.content_length == 8


def test_from_values_query_dict(Request: type) -> None:
    request = Request.from_values(query_string={"a": ["1", "2"], "b": "\xe9"})
    assert request.args.getlist("a") == ["1", "2"]
    assert request.args["b"] == "\xe9"
    assert request.full_path == "/?a=1&a=2&b=%C3%A9"


# --- assigning and deleting ---------------------------------------------------------------------


def test_assigned_values_are_used(Request: type, twin: types.ModuleType) -> None:
    # Werkzeug's values are plain attributes: every one can be replaced, and
    # everything computed later follows the new value.
    request = Request(make_environ("/a", "x=1", headers=[("Host", "h"), ("Cookie", "c=1")]))
    request.method = "DELETE"
    request.scheme = "https"
    request.root_path = "/mount"
    request.path = "/b"
    request.query_string = b"y=2"
    request.headers = twin.datastructures.Headers([("Host", "other:443"), ("Cookie", "c=2")])
    request.remote_addr = "10.0.0.1"
    assert request.method == "DELETE"
    assert request.args.to_dict() == {"y": "2"}
    assert request.cookies["c"] == "2"
    assert request.host == "other"
    assert request.url == "https://other/mount/b?y=2"
    assert request.full_path == "/b?y=2"
    assert request.is_secure is True
    assert list(request.access_route) == ["10.0.0.1"]
    assert repr(request) == f"<{Request.__name__} 'https://other/mount/b?y=2' [DELETE]>"


def test_server_assigned(Request: type) -> None:
    request = Request(make_environ(HTTP_HOST=None))
    request.server = ("srv", 81)
    assert request.host == "srv:81"


def test_cached_values_assign_and_delete(Request: type, twin: types.ModuleType) -> None:
    request = Request(make_environ("/a", "x=1", headers=[("Host", "h")]))
    assert request.args["x"] == "1"
    request.args = twin.datastructures.MultiDict({"z": "9"})
    assert request.args.to_dict() == {"z": "9"}
    del request.args
    assert request.args.to_dict() == {"x": "1"}

    assert request.url == "http://h/a?x=1"
    request.query_string = b"q=2"
    assert request.url == "http://h/a?x=1"  # kept until deleted
    del request.url
    assert request.url == "http://h/a?q=2"

    request.host = "forced"
    assert request.host == "forced"
    assert request.base_url == "http://forced/a"  # first computed now
    request.path = "/other"
    del request.base_url
    assert request.base_url == "http://forced/other"

    assert request.cookies.to_dict() == {}
    del request.cookies
    request.headers = twin.datastructures.Headers([("Cookie", "k=v")])
    assert request.cookies["k"] == "v"

    request.custom = 1  # instances have a __dict__
    assert request.custom == 1
    assert "custom" in vars(request)


def test_json_cache_can_be_reset(Request: type) -> None:
    request = json_request(Request, b"[1]")
    assert request.get_json() == [1]
    request._cached_json = (Ellipsis, Ellipsis)
    assert request.get_json() == [1]  # parsed again from the cached body


# --- subclasses that override with properties ---------------------------------------------------


def test_subclass_overrides_headers(Request: type, twin: types.ModuleType) -> None:
    class R(Request):  # type: ignore[misc,valid-type]
        @property
        def headers(self) -> t.Any:
            return twin.datastructures.Headers(
                [("Host", "override.example"), ("Cookie", "k=v"), ("Accept", "text/x")]
            )

        @headers.setter
        def headers(self, value: t.Any) -> None:
            pass

    request = R(make_environ("/p", headers=[("Host", "environ.example"), ("Cookie", "k=env")]))
    assert request.host == "override.example"
    assert request.url == "http://override.example/p"
    assert request.cookies["k"] == "v"
    assert request.accept_mimetypes.best == "text/x"


def test_subclass_overrides_query_string(Request: type) -> None:
    class R(Request):  # type: ignore[misc,valid-type]
        @property
        def query_string(self) -> bytes:
            return b"from=property&x=%C3%A9"

        @query_string.setter
        def query_string(self, value: bytes) -> None:
            pass

    request = R(make_environ("/p", "from=environ", HTTP_HOST="h"))
    assert request.args.to_dict() == {"from": "property", "x": "\xe9"}
    assert request.full_path == "/p?from=property&x=%C3%A9"
    assert request.url == "http://h/p?from=property&x=\xe9"  # an IRI


def test_subclass_overrides_path_and_root(Request: type) -> None:
    class R(Request):  # type: ignore[misc,valid-type]
        @property
        def path(self) -> str:
            return "/over"

        @path.setter
        def path(self, value: str) -> None:
            pass

        @property
        def root_path(self) -> str:
            return "/root"

        @root_path.setter
        def root_path(self, value: str) -> None:
            pass

    request = R(make_environ("/orig", "a=1", HTTP_HOST="h", SCRIPT_NAME="/s"))
    assert request.path == "/over"
    assert request.full_path == "/over?a=1"
    assert request.url == "http://h/root/over?a=1"
    assert request.base_url == "http://h/root/over"
    assert request.script_root == "/root"


def test_subclass_overrides_host_scheme_server(Request: type) -> None:
    class R(Request):  # type: ignore[misc,valid-type]
        @property
        def host(self) -> str:
            return "fixed.example"

    request = R(make_environ("/x", HTTP_HOST="client.example"))
    assert request.host == "fixed.example"
    assert request.url == "http://fixed.example/x"
    assert request.host_url == "http://fixed.example/"

    class S(Request):  # type: ignore[misc,valid-type]
        @property
        def scheme(self) -> str:
            return "https"

        @scheme.setter
        def scheme(self, value: str) -> None:
            pass

        @property
        def server(self) -> t.Any:
            return ("srv.example", 443)

        @server.setter
        def server(self, value: t.Any) -> None:
            pass

    request = S(make_environ("/y", HTTP_HOST=None))
    assert request.is_secure is True
    assert request.host == "srv.example"
    assert request.url == "https://srv.example/y"


def test_subclass_overrides_args_with_cached_property(
    Request: type, twin: types.ModuleType
) -> None:
    class R(Request):  # type: ignore[misc,valid-type]
        @twin.utils.cached_property
        def args(self) -> t.Any:
            return twin.datastructures.MultiDict({"fixed": "1"})

    request = R(make_environ(query="a=2"))
    assert request.args.to_dict() == {"fixed": "1"}


# --- repr ------------------------------------------------------------------------------------------


def test_repr(Request: type) -> None:
    request = Request(make_environ("/a b", "x=1", method="post", HTTP_HOST="h"))
    assert repr(request) == f"<{Request.__name__} 'http://h/a%20b?x=1' [POST]>"
    sub = type("Named", (Request,), {})
    assert repr(sub(make_environ())) == "<Named 'http://localhost/' [GET]>"


# --- the sansio Request, for a server that is not WSGI --------------------------------------------


def test_sansio_request(twin: types.ModuleType) -> None:
    SansIO = twin.sansio.request.Request
    headers = twin.Headers(
        [("Host", "example.com"), ("Cookie", "a=b"), ("Accept", "text/html"), ("X-Forwarded-For", "9.9.9.9")]
    )
    request = SansIO("get", "https", ("example.com", 443), "/root/", "//p", b"q=1&q=2", headers, "1.2.3.4")
    assert request.method == "GET"
    assert request.root_path == "/root"
    assert request.path == "/p"
    assert request.query_string == b"q=1&q=2"
    assert request.headers is headers
    assert request.remote_addr == "1.2.3.4"
    assert request.args.getlist("q") == ["1", "2"]
    assert request.cookies["a"] == "b"
    assert request.host == "example.com"
    assert request.url == "https://example.com/root/p?q=1&q=2"
    assert request.full_path == "/p?q=1&q=2"
    assert request.is_secure is True
    assert list(request.access_route) == ["9.9.9.9"]
    assert request.accept_mimetypes.best == "text/html"
    assert repr(request) == "<Request 'https://example.com/root/p?q=1&q=2' [GET]>"
    assert not hasattr(request, "environ")


def test_sansio_request_cookie_text_is_not_decoded_again(twin: types.ModuleType) -> None:
    # a non-WSGI server's header text need not be Latin-1 (Werkzeug parses
    # it as it is; re-decoding it as a WSGI string raised UnicodeEncodeError)
    headers = twin.Headers([("Cookie", 'a=\u2603; b="\\303\\251 \u2603"')])
    request = twin.sansio.request.Request("GET", "http", None, "", "/", b"", headers, None)
    assert request.cookies.to_dict() == {"a": "\u2603", "b": "\xe9 \u2603"}


def test_sansio_request_without_server(twin: types.ModuleType) -> None:
    request = twin.sansio.request.Request("POST", "http", None, "", "", b"", twin.Headers(), None)
    assert request.host == ""
    assert request.path == "/"
    assert request.url == "http:///"
    assert list(request.access_route) == []


# --- working with the Response --------------------------------------------------------------------


def test_make_conditional_accepts_the_request(Request: type, twin: types.ModuleType) -> None:
    response = twin.Response(b"0123456789")
    response.set_etag("v1")
    fresh = Request(make_environ(HTTP_IF_NONE_MATCH='"v1"'))
    assert response.make_conditional(fresh).status_code == 304

    response = twin.Response(b"0123456789")
    response.set_etag("v1")
    ranged = Request(make_environ(HTTP_RANGE="bytes=2-4"))
    result = response.make_conditional(ranged, accept_ranges=True, complete_length=10)
    assert result.status_code == 206
    assert result.headers["Content-Range"] == "bytes 2-4/10"

    response = twin.Response(b"0123456789")
    response.set_etag("v1")
    stale = Request(make_environ(HTTP_IF_NONE_MATCH='"v0"'))
    assert response.make_conditional(stale).status_code == 200


# --- inside Flask ---------------------------------------------------------------------------------


def flask_app(Request: type) -> t.Any:
    flask = pytest.importorskip("flask")
    app = flask.Flask(__name__)

    @app.route("/json", methods=["POST"])
    def view_json() -> t.Any:
        ours = Request(flask.request.environ, populate_request=False)
        return {"got": ours.get_json()}

    @app.route("/host")
    def view_host() -> t.Any:
        sub = type("R", (Request,), {"trusted_hosts": ["good.example"]})
        return sub(flask.request.environ, populate_request=False).host

    return app


def test_flask_turns_our_errors_into_responses(Request: type) -> None:
    client = flask_app(Request).test_client()

    with client.post("/json", data=b'{"a": 1}', content_type="application/json") as r:
        assert r.status_code == 200
        assert r.get_json() == {"got": {"a": 1}}
    with client.post("/json", data=b'{"a": 1}', content_type="text/plain") as r:
        assert r.status_code == 415
    with client.post("/json", data=b"{nope", content_type="application/json") as r:
        assert r.status_code == 400
        assert b"Failed to decode JSON object" in r.data
    with client.get("/host", headers={"Host": "good.example"}) as r:
        assert r.status_code == 200
        assert r.data == b"good.example"
    with client.get("/host", headers={"Host": "evil.example"}) as r:
        assert r.status_code == 400


@pytest.mark.parametrize(
    ("header", "expected"),
    [('""', [("", 1)]), ('a, ""', [("a", 1), ("", 1)]), ('"";q=0.5', [('""', 0.5)])],
)
def test_accept_quoted_empty_item(Request: type, header: str, expected: list) -> None:
    # a quoted empty string is an item (Werkzeug's parse_list_header unquotes
    # after dropping blank items); the twins dropped it
    request = Request(make_environ(HTTP_ACCEPT_LANGUAGE=header, HTTP_ACCEPT=header))
    assert [tuple(item) for item in request.accept_languages] == expected
    assert [tuple(item) for item in request.accept_mimetypes] == expected
