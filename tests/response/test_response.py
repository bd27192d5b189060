"""Behaviour of ``Response``, on both twins and on a subclass, checked against Werkzeug.

Most tests build our response and Werkzeug's ``werkzeug.wrappers.Response``
from the same arguments, do the same thing to both and compare what comes back:
attribute values, the exception type, the header list (order included) and, for
WSGI calls, the status line, the header list and the body bytes. The few rules
where we are stricter than Werkzeug are pinned by the ``test_stricter_*`` tests.
"""

from __future__ import annotations

import base64
import copy
import datetime
import gc
import inspect
import json
import pickle
import types
import typing as t
import warnings
import weakref
from http import HTTPStatus

import pytest
import werkzeug.datastructures
import werkzeug.http
import werkzeug.test
import werkzeug.wrappers
import werkzeug.wrappers.response

from support import Wire, call_wsgi, exc_kind, items

WR = werkzeug.wrappers.Response
WRS = werkzeug.wrappers.response.ResponseStream
WH = werkzeug.datastructures.Headers
UTC = datetime.timezone.utc
PROTOCOLS = list(range(pickle.HIGHEST_PROTOCOL + 1))

#: Class-level settings and Werkzeug's defaults for them.
SETTINGS: dict[str, t.Any] = {
    "default_status": 200,
    "default_mimetype": "text/plain",
    "autocorrect_location_header": False,
    "automatically_set_content_length": True,
    "implicit_sequence_conversion": True,
    "max_cookie_size": 4093,
    "json_module": json,
}


# --- helpers ------------------------------------------------------------------


def environ(
    method: str = "GET", path: str = "/", base_url: str = "http://localhost/"
) -> dict[str, t.Any]:
    """A complete WSGI environ from Werkzeug's builder."""
    return werkzeug.test.create_environ(path, base_url, method=method)


def call(app: t.Any, env: dict[str, t.Any] | None = None) -> Wire:
    """Call ``app`` as a WSGI server would (:func:`support.call_wsgi`), with a
    fresh :func:`environ` when ``env`` is None."""
    return call_wsgi(app, environ() if env is None else env)


def outcome(func: t.Callable[[], t.Any]) -> tuple[str, t.Any]:
    try:
        return ("returns", func())
    except Exception as exc:
        return ("raises", exc_kind(exc))


def pair(
    Response: type, attrs: dict[str, t.Any] | None = None
) -> tuple[type, type]:  # noqa: N803
    """Our class and Werkzeug's, both with the same class attributes ``attrs``."""
    if not attrs:
        return Response, WR
    return (
        type("OursWithSettings", (Response,), dict(attrs)),
        type("TheirsWithSettings", (WR,), dict(attrs)),
    )


def both(
    Response: type,  # noqa: N803
    *args: t.Any,
    attrs: dict[str, t.Any] | None = None,
    **kwargs: t.Any,
) -> tuple[t.Any, t.Any]:
    """Build ours and Werkzeug's from the same arguments.

    An argument that is a function is called once for each, so that each gets a
    fresh body (a generator can be consumed once).
    """
    ours_cls, theirs_cls = pair(Response, attrs)

    def fresh(value: t.Any) -> t.Any:
        return value() if isinstance(value, types.FunctionType) else value

    return (
        ours_cls(*map(fresh, args), **{k: fresh(v) for k, v in kwargs.items()}),
        theirs_cls(*map(fresh, args), **{k: fresh(v) for k, v in kwargs.items()}),
    )


def assert_same_state(ours: t.Any, theirs: t.Any) -> None:
    assert ours.status == theirs.status
    assert ours.status_code == theirs.status_code
    assert items(ours.headers) == items(theirs.headers)


class Closing:
    """An iterable with ``close`` that counts how often it was closed."""

    def __init__(self, chunks: t.Iterable[t.Any]) -> None:
        self.chunks = list(chunks)
        self.closed = 0
        self.iterated = 0

    def __iter__(self) -> t.Iterator[t.Any]:
        self.iterated += 1
        return iter(self.chunks)

    def close(self) -> None:
        self.closed += 1


# --- API surface ------------------------------------------------------------------

#: The methods of issue 4, whose signatures must be Werkzeug's.
METHODS = [
    "__init__",
    "__repr__",
    "__call__",
    "__enter__",
    "__exit__",
    "set_cookie",
    "delete_cookie",
    "get_data",
    "set_data",
    "calculate_content_length",
    "make_sequence",
    "iter_encoded",
    "call_on_close",
    "close",
    "freeze",
    "get_wsgi_headers",
    "get_app_iter",
    "get_wsgi_response",
    "get_json",
    "force_type",
    "from_app",
]

#: The properties of issue 4.
PROPERTIES = [
    "status",
    "status_code",
    "data",
    "is_sequence",
    "is_streamed",
    "stream",
    "is_json",
    "json",
    "mimetype",
    "mimetype_params",
    "content_type",
    "content_length",
    "content_encoding",
    "content_location",
    "content_md5",
    "location",
    "age",
    "date",
    "expires",
    "last_modified",
    "retry_after",
    "accept_ranges",
    "access_control_allow_origin",
    "access_control_allow_credentials",
    "access_control_max_age",
    "cross_origin_embedder_policy",
    "cross_origin_opener_policy",
]

STREAM_METHODS = ["__init__", "write", "writelines", "close", "flush", "isatty", "tell"]


def shape(func: t.Any) -> list[tuple[str, t.Any, t.Any]]:
    """A signature without annotations: names, kinds and defaults."""
    return [
        (p.name, p.kind, p.default) for p in inspect.signature(func).parameters.values()
    ]


@pytest.mark.parametrize("name", METHODS)
def test_method_signatures_are_werkzeugs(twin: types.ModuleType, name: str) -> None:
    ours = getattr(twin.Response, name)
    theirs = getattr(WR, name)
    assert shape(ours) == shape(theirs)
    if not name.startswith("__") or name == "__call__":
        assert inspect.getdoc(ours), f"{name} has no docstring"


@pytest.mark.parametrize("name", ["force_type", "from_app"])
def test_classmethods(twin: types.ModuleType, name: str) -> None:
    assert isinstance(inspect.getattr_static(twin.Response, name), classmethod)


@pytest.mark.parametrize("name", PROPERTIES)
def test_properties_exist(twin: types.ModuleType, name: str) -> None:
    descriptor = inspect.getattr_static(twin.Response, name)
    assert hasattr(descriptor, "__get__"), name
    assert inspect.getdoc(getattr(twin.Response, name)), f"{name} has no docstring"


@pytest.mark.parametrize("name", STREAM_METHODS)
def test_response_stream_signatures(twin: types.ModuleType, name: str) -> None:
    assert shape(getattr(twin.ResponseStream, name)) == shape(getattr(WRS, name))


def test_positional_arguments(Response: type) -> None:  # noqa: N803
    body = [b"a"]
    r = Response(body, 404, {"X-A": "1"}, "text/html", None, True)
    assert r.response is body
    assert r.status == "404 NOT FOUND"
    assert r.headers["X-A"] == "1"
    assert r.content_type == "text/html; charset=utf-8"
    assert r.direct_passthrough is True
    with pytest.raises(TypeError):
        Response(body, 404, {}, "text/html", None, True, "extra")


# --- construction -------------------------------------------------------------

BODIES: dict[str, t.Callable[[], t.Any]] = {
    "none": lambda: None,
    "empty-str": lambda: "",
    "str": lambda: "Hällo, ☃",
    "bytes": lambda: b"bytes\x00\xff",
    "bytearray": lambda: bytearray(b"ba"),
    "list-mixed": lambda: ["a", b"b", "ü"],
    "tuple": lambda: ("x", "y"),
    "empty-list": lambda: [],
    "generator": lambda: (c for c in [b"g1", "g2"]),
    "iterator": lambda: iter([b"i1", b"i2"]),
    "iterable": lambda: Closing([b"c1", "c2"]),
}


@pytest.mark.parametrize("kind", list(BODIES))
def test_body_kinds(Response: type, kind: str) -> None:  # noqa: N803
    make = BODIES[kind]
    ours, theirs = both(Response, make)
    assert_same_state(ours, theirs)
    assert ours.is_sequence is theirs.is_sequence
    assert ours.is_streamed is theirs.is_streamed
    assert repr(ours).split(" ", 1)[1] == repr(theirs).split(" ", 1)[1]
    if theirs.is_sequence:
        assert ours.response == theirs.response
        assert type(ours.response) is type(theirs.response)
    assert ours.get_data() == theirs.get_data()
    assert items(ours.headers) == items(theirs.headers)
    assert ours.is_sequence is theirs.is_sequence
    assert call(*both(Response, make)[:1]) == call(both(Response, make)[1])


def test_default_body_is_an_empty_list(Response: type) -> None:  # noqa: N803
    r = Response()
    assert r.response == []
    assert r.get_data() == b""
    assert "Content-Length" not in r.headers
    assert call(r) == Wire(
        "200 OK",
        [("Content-Type", "text/plain; charset=utf-8"), ("Content-Length", "0")],
        b"",
    )


def test_str_body_is_utf8_with_content_length(Response: type) -> None:  # noqa: N803
    r = Response("Hello, World!")
    assert r.response == [b"Hello, World!"]
    assert r.headers["Content-Length"] == "13"
    assert r.content_length == 13
    assert call(r) == Wire(
        "200 OK",
        [("Content-Type", "text/plain; charset=utf-8"), ("Content-Length", "13")],
        b"Hello, World!",
    )


STATUSES: list[t.Any] = [
    200,
    404,
    "200",
    "404 Not Found",
    "299 Custom Reason",
    " 201 ",
    "  418  ",
    "abc",
    "abc def",
    HTTPStatus.CREATED,
    HTTPStatus.NOT_FOUND,
    999,
    0,
    -1,
    1000,
    10**30,
    True,
    "599",
    "700 Weird",
    "-5 minus",
]


@pytest.mark.parametrize("status", STATUSES, ids=repr)
def test_status_kinds(Response: type, status: t.Any) -> None:  # noqa: N803
    ours, theirs = both(Response, status=status)
    assert ours.status == theirs.status
    assert type(ours.status) is str
    assert ours.status_code == theirs.status_code
    assert type(ours.status_code) is int
    assert repr(ours).split(" ", 1)[1] == repr(theirs).split(" ", 1)[1]

    ours, theirs = Response(), WR()
    ours.status = status
    theirs.status = status
    assert (ours.status, ours.status_code) == (theirs.status, theirs.status_code)


def test_unknown_code_gets_unknown(Response: type) -> None:  # noqa: N803
    assert Response(status=799).status == "799 UNKNOWN"
    assert Response(status="799").status == "799 UNKNOWN"
    assert Response(status=HTTPStatus.IM_A_TEAPOT).status == "418 I'M A TEAPOT"


@pytest.mark.parametrize(
    "status", ["", "   ", None, 1.5, b"200", [200], object()], ids=repr
)
def test_bad_status_raises_like_werkzeug(
    Response: type, status: t.Any
) -> None:  # noqa: N803
    def set_ours() -> None:
        Response().status = status

    def set_theirs() -> None:
        WR().status = status

    expected = outcome(set_theirs)
    assert expected[0] == "raises"
    assert outcome(set_ours) == expected
    if status is not None:  # None means "the default" in the constructor
        assert outcome(lambda: Response(status=status)) == outcome(
            lambda: WR(status=status)
        )


def test_empty_status_is_a_value_error(Response: type) -> None:  # noqa: N803
    with pytest.raises(ValueError):
        Response(status="")
    r = Response(status=201)
    with pytest.raises(ValueError):
        r.status = "  "
    assert (r.status, r.status_code) == ("201 CREATED", 201)


def test_status_and_code_in_step(Response: type) -> None:  # noqa: N803
    r = Response()
    r.status_code = 404
    assert (r.status, r.status_code) == ("404 NOT FOUND", 404)
    r.status = "201 Made"
    assert (r.status, r.status_code) == ("201 Made", 201)
    r.status = HTTPStatus.NO_CONTENT
    assert (r.status, r.status_code) == ("204 NO CONTENT", 204)
    r.status_code = 799
    assert r.status == "799 UNKNOWN"
    r.status = "x"
    assert (r.status, r.status_code) == ("0 x", 0)
    assert repr(r).endswith("[0 x]>")


def test_repr(Response: type) -> None:  # noqa: N803
    name = Response.__name__
    assert repr(Response("abc", 404)) == f"<{name} 3 bytes [404 NOT FOUND]>"
    assert repr(Response(iter([b"a"]))) == f"<{name} streamed [200 OK]>"
    assert repr(Response(["ü"])) == f"<{name} 2 bytes [200 OK]>"

    class LenIterable:
        def __len__(self) -> int:
            return 1

        def __iter__(self) -> t.Iterator[bytes]:
            return iter([b"x"])

    assert repr(Response(LenIterable())) == f"<{name} likely-streamed [200 OK]>"


def test_headers_own_class_is_kept(
    twin: types.ModuleType, Response: type
) -> None:  # noqa: N803
    h = twin.Headers([("X-A", "1")])
    r = Response("x", headers=h)
    assert r.headers is h
    assert items(h) == [
        ("X-A", "1"),
        ("Content-Type", "text/plain; charset=utf-8"),
        ("Content-Length", "1"),
    ]


HEADER_INPUTS: dict[str, t.Callable[[], t.Any]] = {
    "werkzeug-headers": lambda: WH([("X-A", "1"), ("x-a", "2")]),
    "dict": lambda: {"X-A": "1", "X-B": "2"},
    "dict-of-lists": lambda: {"X-A": ["1", "2"], "X-B": "3"},
    "list": lambda: [("X-A", "1"), ("Set-Cookie", "a=1"), ("Set-Cookie", "b=2")],
    "tuple": lambda: (("X-A", "1"),),
    "empty-list": lambda: [],
    "empty-dict": lambda: {},
    "none": lambda: None,
    "content-type-given": lambda: {"Content-Type": "application/x-custom"},
    "int-and-none-values": lambda: {"X-Int": 5, "X-None": None},
    "nul-and-unicode-values": lambda: [("X-Nul", "a\x00b"), ("X-Uni", "ü☃")],
}


@pytest.mark.parametrize("kind", list(HEADER_INPUTS))
def test_header_kinds(
    twin: types.ModuleType, Response: type, kind: str
) -> None:  # noqa: N803
    make = HEADER_INPUTS[kind]
    ours, theirs = both(Response, b"body", headers=make)
    assert items(ours.headers) == items(theirs.headers)
    assert isinstance(ours.headers, twin.Headers)
    assert call(ours) == call(theirs)


def test_foreign_headers_are_copied_into_ours(
    twin: types.ModuleType, Response: type
) -> None:  # noqa: N803
    foreign = WH([("X-A", "1")])
    r = Response(headers=foreign)
    assert isinstance(r.headers, twin.Headers)
    r.headers.add("X-B", "2")
    assert items(foreign) == [("X-A", "1")]


@pytest.mark.parametrize(
    "headers",
    [{"X": "a\nb"}, {"X": "a\rb"}, [("X", "a\r\nSet-Cookie: x=1")]],
    ids=["lf", "cr", "crlf"],
)
def test_newline_in_constructor_header_value(
    Response: type, headers: t.Any
) -> None:  # noqa: N803
    with pytest.raises(ValueError):
        WR(headers=headers)
    with pytest.raises(ValueError):
        Response(headers=headers)


MIMETYPES = [
    "text/html",
    "text/plain",
    "text/csv",
    "application/json",
    "application/problem+json",
    "application/xml",
    "application/javascript",
    "application/ecmascript",
    "application/xhtml+xml",
    "application/sql",
    "application/octet-stream",
    "application/x-www-form-urlencoded",
    "image/png",
    "multipart/form-data",
    "text/html; charset=latin1",
    "Text/HTML",
    "",
]


@pytest.mark.parametrize("mimetype", MIMETYPES)
def test_mimetype_charset_rule(Response: type, mimetype: str) -> None:  # noqa: N803
    ours, theirs = both(Response, "x", mimetype=mimetype)
    assert items(ours.headers) == items(theirs.headers)
    assert ours.mimetype == theirs.mimetype
    assert ours.content_type == theirs.content_type

    ours, theirs = Response(), WR()
    ours.mimetype = mimetype
    theirs.mimetype = mimetype
    assert items(ours.headers) == items(theirs.headers)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"content_type": "foo/bar"},
        {"content_type": "text/html", "mimetype": "application/json"},
        {"mimetype": "text/html", "headers": {"Content-Type": "x/y"}},
        {"headers": {"Content-Type": "x/y"}},
        {"content_type": "a/b", "headers": [("content-type", "x/y")]},
        {"content_type": ""},
    ],
    ids=repr,
)
def test_content_type_precedence(
    Response: type, kwargs: dict[str, t.Any]
) -> None:  # noqa: N803
    ours, theirs = both(Response, **kwargs)
    assert items(ours.headers) == items(theirs.headers)


def test_direct_passthrough(Response: type) -> None:  # noqa: N803
    body = Closing([b"a", b"b"])
    r = Response(body, direct_passthrough=True)
    assert r.direct_passthrough is True
    assert Response().direct_passthrough is False
    seen: list[t.Any] = []
    app_iter = r(environ(), lambda s, h, e=None: seen.append((s, h)))
    assert app_iter is body
    assert seen == [("200 OK", [("Content-Type", "text/plain; charset=utf-8")])]
    with pytest.raises(RuntimeError):
        r.get_data()
    assert r.calculate_content_length() is None
    r.freeze()  # ignores direct_passthrough, as Werkzeug's does
    assert r.get_data() == b"ab"


# --- class-level settings -------------------------------------------------------


def test_default_settings_are_werkzeugs(Response: type) -> None:  # noqa: N803
    for name, value in SETTINGS.items():
        assert getattr(Response, name) == value, name
        assert getattr(WR, name) == value, name
        assert getattr(Response(), name) == value, name


SETTING_OVERRIDES: list[dict[str, t.Any]] = [
    {"default_status": 404},
    {"default_status": "299 Custom"},
    {"default_mimetype": "text/html"},
    {"default_mimetype": "application/json"},
    {"default_mimetype": None},
    {"autocorrect_location_header": True},
    {"automatically_set_content_length": False},
    {"implicit_sequence_conversion": False},
]


@pytest.mark.parametrize("attrs", SETTING_OVERRIDES, ids=repr)
@pytest.mark.parametrize("body", ["str", "none", "generator", "list-mixed"])
def test_settings_overridden_on_a_subclass(
    Response: type,  # noqa: N803
    attrs: dict[str, t.Any],
    body: str,
) -> None:
    make = BODIES[body]
    ours, theirs = both(Response, make, attrs=attrs)
    assert_same_state(ours, theirs)
    for name in attrs:
        assert getattr(ours, name) == attrs[name]
    ours.location = theirs.location = "/next ü"
    env = environ(path="/a/b")
    assert call(ours, env) == call(theirs, dict(env))


@pytest.mark.parametrize("attrs", SETTING_OVERRIDES, ids=repr)
def test_settings_overridden_on_the_class(
    Response: type,  # noqa: N803
    attrs: dict[str, t.Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name, value in attrs.items():
        monkeypatch.setattr(Response, name, value)
    theirs_cls = type("Theirs", (WR,), dict(attrs))
    ours, theirs = Response(iter([b"a"])), theirs_cls(iter([b"a"]))
    ours.location = theirs.location = "rel"
    assert_same_state(ours, theirs)
    assert outcome(ours.get_data) == outcome(theirs.get_data)
    env = environ(path="/a/b")
    assert call(ours, env) == call(theirs, dict(env))


def test_class_setting_restored(Response: type) -> None:  # noqa: N803
    # The previous test patched the class; the patches must be gone.
    for name, value in SETTINGS.items():
        assert getattr(Response, name) == value, name


def test_settings_are_read_on_each_use(
    Response: type,  # noqa: N803
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    r = Response("x")
    monkeypatch.setattr(Response, "automatically_set_content_length", False)
    r.set_data("abc")
    assert r.headers["Content-Length"] == "1"
    monkeypatch.setattr(Response, "implicit_sequence_conversion", False)
    s = Response(iter([b"a"]))
    with pytest.raises(RuntimeError):
        s.get_data()
    monkeypatch.setattr(Response, "implicit_sequence_conversion", True)
    assert s.get_data() == b"a"


def test_settings_on_the_instance(Response: type) -> None:  # noqa: N803
    r = Response(iter([b"a"]))
    r.implicit_sequence_conversion = False
    with pytest.raises(RuntimeError):
        r.get_data()
    r.max_cookie_size = 10
    with pytest.warns(UserWarning):
        r.set_cookie("k", "v" * 20)
    assert Response.max_cookie_size == 4093


def test_max_cookie_size_as_a_property(Response: type) -> None:  # noqa: N803
    """Flask replaces ``max_cookie_size`` with a property."""
    calls: list[int] = []

    class Sub(Response):  # type: ignore[misc,valid-type]
        @property
        def max_cookie_size(self) -> int:  # type: ignore[override]
            calls.append(1)
            return 10

    r = Sub()
    with pytest.warns(UserWarning):
        r.set_cookie("k", "v" * 20)
    assert calls


def test_json_module_override(Response: type) -> None:  # noqa: N803
    class FakeJSON:
        @staticmethod
        def loads(data: t.Any) -> t.Any:
            return ("fake", data)

        @staticmethod
        def dumps(obj: t.Any) -> str:
            return "fake"

    class Sub(Response):  # type: ignore[misc,valid-type]
        json_module = FakeJSON

    r = Sub('{"a": 1}', mimetype="application/json")
    assert r.json == ("fake", b'{"a": 1}')
    assert Response('{"a": 1}', mimetype="application/json").json == {"a": 1}


# --- body API -------------------------------------------------------------------


def test_data_get_set(Response: type) -> None:  # noqa: N803
    r = Response()
    r.data = "ü"
    assert r.response == [b"\xc3\xbc"]
    assert r.headers["Content-Length"] == "2"
    assert r.data == b"\xc3\xbc"
    assert r.get_data(as_text=True) == "ü"
    assert r.get_data(True) == "ü"
    r.set_data(b"xyz")
    assert r.get_data() == b"xyz"
    assert r.content_length == 3
    r.set_data(bytearray(b"q"))
    assert r.response == [bytearray(b"q")]
    assert r.content_length == 1
    with pytest.raises(UnicodeDecodeError):
        Response(b"\xff").get_data(as_text=True)


@pytest.mark.parametrize("value", [5, None, 1.5, ["a"]], ids=repr)
def test_set_data_bad_types(Response: type, value: t.Any) -> None:  # noqa: N803
    ours, theirs = Response(), WR()
    expected = outcome(lambda: theirs.set_data(value))
    assert outcome(lambda: ours.set_data(value)) == expected


def test_set_data_without_content_length(Response: type) -> None:  # noqa: N803
    ours, theirs = both(
        Response, "abc", attrs={"automatically_set_content_length": False}
    )
    assert items(ours.headers) == items(theirs.headers)
    assert "Content-Length" not in ours.headers
    ours.set_data("x")
    assert "Content-Length" not in ours.headers
    theirs.set_data("x")
    assert (
        call(ours)
        == call(theirs)
        == Wire("200 OK", [("Content-Type", "text/plain; charset=utf-8")], b"x")
    )


def test_iter_encoded(Response: type) -> None:  # noqa: N803
    r = Response(["a", b"b", "ü", bytearray(b"c")])
    it = r.iter_encoded()
    assert iter(it) is it
    assert list(it) == [b"a", b"b", b"\xc3\xbc", bytearray(b"c")]
    assert r.response == ["a", b"b", "ü", bytearray(b"c")]


def test_make_sequence_registers_close(Response: type) -> None:  # noqa: N803
    body = Closing([b"a", "ü"])
    r = Response(body)
    assert r.is_streamed and not r.is_sequence
    r.make_sequence()
    assert r.is_sequence and not r.is_streamed
    assert r.response == [b"a", b"\xc3\xbc"]
    assert body.closed == 0
    r.make_sequence()  # no-op on a sequence
    assert body.iterated == 1
    r.close()
    assert body.closed == 1


def test_is_sequence_and_is_streamed(Response: type) -> None:  # noqa: N803
    assert Response([b"a"]).is_sequence
    assert Response((b"a",)).is_sequence
    r = Response(iter([b"a"]))
    assert not r.is_sequence and r.is_streamed

    class LenIterable:
        def __len__(self) -> int:
            return 1

        def __iter__(self) -> t.Iterator[bytes]:
            return iter([b"x"])

    r = Response(LenIterable())
    assert not r.is_sequence and not r.is_streamed


def test_calculate_content_length(Response: type) -> None:  # noqa: N803
    assert Response(["ab", "ü"]).calculate_content_length() == 4
    r = Response(iter([b"abc"]))
    assert r.calculate_content_length() == 3
    assert r.is_sequence
    assert (
        Response(iter([b"a"]), direct_passthrough=True).calculate_content_length()
        is None
    )

    class NoImplicit(Response):  # type: ignore[misc,valid-type]
        implicit_sequence_conversion = False

    assert NoImplicit(iter([b"a"])).calculate_content_length() is None
    assert NoImplicit([b"ab"]).calculate_content_length() == 2


def test_runtime_error_when_implicit_conversion_is_off(
    Response: type,
) -> None:  # noqa: N803
    class NoImplicit(Response):  # type: ignore[misc,valid-type]
        implicit_sequence_conversion = False

    class TheirNoImplicit(WR):
        implicit_sequence_conversion = False

    ops: list[t.Callable[[t.Any], t.Any]] = [
        lambda r: r.get_data(),
        lambda r: r.data,
        lambda r: r.json,
        lambda r: r.get_json(force=True),
        lambda r: r.stream.write(b"x"),
        lambda r: r.stream.tell(),
    ]
    for op in ops:
        body = [b'{"a": 1}']
        ours = NoImplicit(iter(body), mimetype="application/json")
        theirs = TheirNoImplicit(iter(body), mimetype="application/json")
        with pytest.raises(RuntimeError):
            op(ours)
        assert outcome(lambda: op(theirs)) == ("raises", "RuntimeError")
        assert ours.is_streamed

    r = NoImplicit(iter([b"a"]))
    r.make_sequence()
    assert r.get_data() == b"a"
    s = NoImplicit(iter([b"b"]))
    s.freeze()
    assert s.get_data() == b"b"


def test_response_stream(twin: types.ModuleType, Response: type) -> None:  # noqa: N803
    r = Response("ab")
    s = r.stream
    assert isinstance(s, twin.ResponseStream)
    assert s is r.stream
    assert s.response is r
    assert s.mode == "wb+"
    assert s.encoding == "utf-8"
    assert s.closed is False
    assert s.isatty() is False
    assert s.write(b"cd") == 2
    assert "Content-Length" not in r.headers
    assert s.tell() == 4
    s.writelines([b"1", b"2"])
    s.flush()
    assert r.get_data() == b"abcd12"
    assert r.response == [b"ab", b"cd", b"1", b"2"]
    s.close()
    assert s.closed is True
    for op in (lambda: s.write(b"x"), s.flush, s.isatty):
        with pytest.raises(ValueError):
            op()
    assert s.tell() == 6
    assert call(r) == Wire(
        "200 OK",
        [("Content-Type", "text/plain; charset=utf-8"), ("Content-Length", "6")],
        b"abcd12",
    )


def test_response_stream_on_a_generator_and_a_tuple(
    Response: type,
) -> None:  # noqa: N803
    r = Response(iter([b"a"]))
    r.stream.write(b"b")
    assert type(r.response) is list
    assert r.get_data() == b"ab"
    r = Response((b"a",))
    r.stream.write(b"b")
    assert r.response == [b"a", b"b"]


def test_response_stream_class(
    twin: types.ModuleType, Response: type
) -> None:  # noqa: N803
    r = Response()
    s = twin.ResponseStream(r)
    assert s.response is r
    s.write(b"x")
    assert r.get_data() == b"x"


def test_close_and_call_on_close(Response: type) -> None:  # noqa: N803
    body = Closing([b"a"])
    r = Response(body)
    order: list[str] = []

    def first() -> None:
        order.append("first")

    assert r.call_on_close(first) is first
    r.call_on_close(lambda: order.append("second"))
    r.close()
    assert body.closed == 1
    assert order == ["first", "second"]


def test_close_with_a_body_without_close(Response: type) -> None:  # noqa: N803
    called: list[int] = []
    r = Response([b"a"])
    r.call_on_close(lambda: called.append(1))
    r.close()
    assert called == [1]


def test_context_manager(Response: type) -> None:  # noqa: N803
    body = Closing([b"a"])
    with Response(body) as r:
        assert isinstance(r, Response)
        assert body.closed == 0
    assert body.closed == 1

    body = Closing([b"a"])
    with pytest.raises(KeyError):
        with Response(body):
            raise KeyError("x")
    assert body.closed == 1


def test_wsgi_call_closes_the_inner_iterable_once(Response: type) -> None:  # noqa: N803
    body = Closing([b"a", "b"])
    r = Response(body)
    callbacks: list[int] = []
    r.call_on_close(lambda: callbacks.append(1))
    assert call(r) == Wire(
        "200 OK", [("Content-Type", "text/plain; charset=utf-8")], b"ab"
    )
    assert body.closed == 1
    assert callbacks == [1]


def test_close_runs_when_the_body_raises_mid_stream(
    Response: type,
) -> None:  # noqa: N803
    finalised: list[str] = []

    def gen() -> t.Iterator[bytes]:
        try:
            yield b"a"
            raise KeyError("boom")
        finally:
            finalised.append("gen")

    r = Response(gen())
    r.call_on_close(lambda: finalised.append("callback"))
    with pytest.raises(KeyError):
        call(r)
    assert finalised == ["gen", "callback"]


@pytest.mark.parametrize(
    "body", [[1, 2], [b"a", None], ["a", 5]], ids=["ints", "none", "str-int"]
)
def test_bad_body_items_raise_type_error_and_close(
    Response: type, body: list[t.Any]
) -> None:  # noqa: N803
    wrapped = Closing(body)
    r = Response(wrapped)
    closed: list[int] = []
    r.call_on_close(lambda: closed.append(1))
    with pytest.raises(TypeError):
        call(r)
    assert wrapped.closed == 1
    assert closed == [1]
    theirs = WR(Closing(body))
    assert outcome(lambda: call(theirs)) == ("raises", "TypeError")


def test_mixed_str_and_bytes_body(Response: type) -> None:  # noqa: N803
    ours, theirs = both(Response, lambda: ["a", b"b", "ü"])
    assert call(ours) == call(theirs)
    ours, theirs = both(Response, lambda: iter(["a", b"b", "ü"]))
    assert call(ours) == call(theirs)


# --- JSON -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "mimetype",
    [
        "application/json",
        "application/problem+json",
        "application/vnd.api+json",
        "application/jsonx",
        "text/json",
        "text/plain",
        "application/+json",
        "application/json; charset=utf-8",
    ],
)
def test_is_json(Response: type, mimetype: str) -> None:  # noqa: N803
    ours, theirs = both(Response, "{}", content_type=mimetype)
    assert ours.is_json is theirs.is_json
    assert ours.json == theirs.json


def test_is_json_without_content_type(Response: type) -> None:  # noqa: N803
    r = Response()
    del r.headers["Content-Type"]
    assert r.mimetype is None
    assert r.is_json is False
    assert r.json is None


def test_get_json(Response: type) -> None:  # noqa: N803
    r = Response('{"a": [1, "ü"]}', mimetype="application/json")
    assert r.json == {"a": [1, "ü"]}
    assert r.get_json() == {"a": [1, "ü"]}
    text = Response('{"a": 1}')
    assert text.get_json() is None
    assert text.get_json(force=True) == {"a": 1}
    bad = Response("{nope", mimetype="application/json")
    with pytest.raises(ValueError):
        bad.get_json()
    with pytest.raises(ValueError):
        bad.json
    assert bad.get_json(silent=True) is None
    assert Response("{nope").get_json(force=True, silent=True) is None


# --- simple header properties -----------------------------------------------------

AWARE = datetime.datetime(2020, 1, 2, 3, 4, 5, tzinfo=UTC)
OTHER_TZ = datetime.datetime(
    2020, 1, 2, 5, 4, 5, tzinfo=datetime.timezone(datetime.timedelta(hours=2))
)
NAIVE = datetime.datetime(2020, 1, 2, 3, 4, 5)

#: (property, values to set). Each value is set on ours and on Werkzeug's; the
#: outcome, the header list and the value read back must agree.
PROPERTY_VALUES: dict[str, list[t.Any]] = {
    "mimetype": ["text/html", "application/json", "image/png", "a/b; x=y"],
    "content_type": ["text/html; charset=latin1", "x/y", None],
    "content_length": [0, 10, 10**20, "12", None, -1],
    "content_encoding": ["gzip", "", None],
    "content_location": ["/x ü", "http://ex.com/ä", None],
    "content_md5": ["Q2hlY2sgSW50ZWdyaXR5IQ==", None],
    "location": ["/x", "http://ex.com/ä b", "\\\\evil", "", None, "/a\nb"],
    "age": [0, 5, 3600, datetime.timedelta(seconds=70), None, -1, "7", 1.5],
    "date": [AWARE, NAIVE, OTHER_TZ, 0, 1577934245.5, datetime.date(2020, 1, 2), None],
    "expires": [AWARE, NAIVE, 0, None, "Thu, 02 Jan 2020 03:04:05 GMT"],
    "last_modified": [AWARE, OTHER_TZ, 1e9, None],
    "accept_ranges": ["bytes", "none", None],
    "access_control_allow_origin": ["*", "https://ex.com", None],
    "access_control_allow_credentials": [True, False, None, "yes", 1],
    "access_control_max_age": [30, 0, "15", None],
    "cross_origin_opener_policy": [
        werkzeug.http.COOP.SAME_ORIGIN,
        werkzeug.http.COOP.UNSAFE_NONE,
        "same-origin",
        None,
    ],
    "cross_origin_embedder_policy": [
        werkzeug.http.COEP.REQUIRE_CORP,
        werkzeug.http.COEP.UNSAFE_NONE,
        None,
    ],
}

#: Raw header values to read through each property.
RAW_VALUES: dict[str, tuple[str, list[str]]] = {
    "content_length": ("Content-Length", ["5", "abc", "-3", " 7 ", "1" * 30]),
    "age": ("Age", ["5", "abc", "-1", "1.5", "99999999999999999999"]),
    "date": ("Date", ["Thu, 02 Jan 2020 03:04:05 GMT", "junk", "0"]),
    "expires": ("Expires", ["Sunday, 06-Nov-94 08:49:37 GMT", "-1", ""]),
    "last_modified": ("Last-Modified", ["Sun Nov  6 08:49:37 1994", "x"]),
    "access_control_max_age": ("Access-Control-Max-Age", ["10", "x", ""]),
    "access_control_allow_credentials": (
        "Access-Control-Allow-Credentials",
        ["true", "false", ""],
    ),
    "cross_origin_opener_policy": (
        "Cross-Origin-Opener-Policy",
        ["same-origin", "same-origin-allow-popups", "bogus", ""],
    ),
    "cross_origin_embedder_policy": (
        "Cross-Origin-Embedder-Policy",
        ["require-corp", "bogus"],
    ),
    "mimetype": ("Content-Type", ["text/html; charset=utf-8", " a/b ;x=1", ""]),
    "retry_after": ("Retry-After", ["Thu, 02 Jan 2020 03:04:05 GMT", "junk"]),
}


def _comparable(value: t.Any) -> t.Any:
    # Enum members of the twin and of Werkzeug compare by their value.
    return getattr(value, "value", value)


@pytest.mark.parametrize(
    ("name", "value"),
    [(name, value) for name, values in PROPERTY_VALUES.items() for value in values],
    ids=repr,
)
def test_header_property_set_get(
    twin: types.ModuleType,
    Response: type,  # noqa: N803
    name: str,
    value: t.Any,
) -> None:
    ours, theirs = Response(), WR()
    ours_value = value
    if isinstance(value, (werkzeug.http.COOP, werkzeug.http.COEP)):
        ours_value = getattr(twin.http, type(value).__name__)(value.value)
    expected = outcome(lambda: setattr(theirs, name, value))
    assert outcome(lambda: setattr(ours, name, ours_value)) == expected
    assert items(ours.headers) == items(theirs.headers)
    got = getattr(ours, name)
    assert _comparable(got) == _comparable(getattr(theirs, name))
    assert type(got).__name__ == type(getattr(theirs, name)).__name__
    if isinstance(got, datetime.datetime):
        assert got.tzinfo is not None


@pytest.mark.parametrize(
    ("name", "raw"),
    [(name, raw) for name, (_, raws) in RAW_VALUES.items() for raw in raws],
    ids=repr,
)
def test_header_property_reads_raw_values(
    Response: type, name: str, raw: str
) -> None:  # noqa: N803
    header = RAW_VALUES[name][0]
    ours, theirs = Response(), WR()
    ours.headers[header] = raw
    theirs.headers[header] = raw
    ours_value = outcome(lambda: getattr(ours, name))
    theirs_value = outcome(lambda: getattr(theirs, name))
    if name == "retry_after" and isinstance(theirs_value[1], datetime.datetime):
        assert ours_value[1].tzinfo is not None
    assert ours_value[0] == theirs_value[0]
    assert _comparable(ours_value[1]) == _comparable(theirs_value[1])


@pytest.mark.parametrize(
    "name", [n for n in PROPERTY_VALUES if n != "access_control_allow_credentials"]
)
def test_header_property_delete(Response: type, name: str) -> None:  # noqa: N803
    ours, theirs = Response(), WR()
    for r in (ours, theirs):
        r.headers["X-Keep"] = "1"
    value = PROPERTY_VALUES[name][0]
    if isinstance(value, (werkzeug.http.COOP, werkzeug.http.COEP)):
        header = "-".join(part.title() for part in name.split("_"))
        ours.headers[header] = theirs.headers[header] = value.value
    else:
        setattr(ours, name, value)
        setattr(theirs, name, value)
    assert outcome(lambda: delattr(ours, name)) == outcome(
        lambda: delattr(theirs, name)
    )
    assert items(ours.headers) == items(theirs.headers)
    # Deleting again (header absent) behaves the same too.
    assert outcome(lambda: delattr(ours, name)) == outcome(
        lambda: delattr(theirs, name)
    )


def test_date_properties_return_aware_datetimes(Response: type) -> None:  # noqa: N803
    r = Response()
    r.date = NAIVE
    r.expires = OTHER_TZ
    r.last_modified = 0
    assert r.headers["Date"] == "Thu, 02 Jan 2020 03:04:05 GMT"
    assert r.headers["Expires"] == "Thu, 02 Jan 2020 03:04:05 GMT"
    assert r.headers["Last-Modified"] == "Thu, 01 Jan 1970 00:00:00 GMT"
    assert r.date == AWARE and r.date.tzinfo is not None
    assert r.expires == AWARE and r.expires.tzinfo is not None
    assert r.last_modified == datetime.datetime(1970, 1, 1, tzinfo=UTC)


def test_retry_after(Response: type) -> None:  # noqa: N803
    r = Response()
    assert r.retry_after is None
    before = datetime.datetime.now(UTC)
    r.retry_after = 120
    after = datetime.datetime.now(UTC)
    assert r.headers["Retry-After"] == "120"
    value = r.retry_after
    assert isinstance(value, datetime.datetime) and value.tzinfo is not None
    assert before + datetime.timedelta(seconds=119) <= value
    assert value <= after + datetime.timedelta(seconds=121)
    r.retry_after = AWARE
    assert r.headers["Retry-After"] == "Thu, 02 Jan 2020 03:04:05 GMT"
    assert r.retry_after == AWARE
    r.retry_after = NAIVE
    assert r.retry_after == AWARE
    r.retry_after = "abc"
    assert r.headers["Retry-After"] == "abc"
    assert r.retry_after is None
    r.retry_after = None
    assert "Retry-After" not in r.headers
    r.retry_after = None  # absent: no error
    with pytest.raises(ValueError):
        r.retry_after = "1\n2"


def test_age_seconds_and_timedelta(Response: type) -> None:  # noqa: N803
    r = Response()
    r.age = 5
    assert r.headers["Age"] == "5"
    assert r.age == datetime.timedelta(seconds=5)
    r.age = datetime.timedelta(minutes=2)
    assert r.headers["Age"] == "120"
    with pytest.raises(ValueError):
        r.age = -1


def test_mimetype_params_is_live(Response: type) -> None:  # noqa: N803
    ours, theirs = Response(mimetype="text/html"), WR(mimetype="text/html")
    for r in (ours, theirs):
        params = r.mimetype_params
        assert params == {"charset": "utf-8"}
        params["charset"] = "latin1"
        params["q"] = "a b"
        params.update(x="1")
        del params["q"]
        params.setdefault("y", "2")
        params.pop("x")
    assert items(ours.headers) == items(theirs.headers)
    assert ours.content_type == "text/html; charset=latin1; y=2"
    assert ours.mimetype_params == {"charset": "latin1", "y": "2"}
    assert isinstance(ours.mimetype_params, dict)


def test_mimetype_params_without_content_type(Response: type) -> None:  # noqa: N803
    ours, theirs = Response(), WR()
    for r in (ours, theirs):
        del r.headers["Content-Type"]
        assert r.mimetype_params == {}
        r.mimetype_params["a"] = "b"
    assert items(ours.headers) == items(theirs.headers)


def test_header_property_newlines_are_refused(Response: type) -> None:  # noqa: N803
    r = Response()
    for name in (
        "location",
        "content_type",
        "content_encoding",
        "access_control_allow_origin",
    ):
        with pytest.raises(ValueError):
            setattr(r, name, "a\r\nX-Evil: 1")
    with pytest.raises(ValueError):
        r.mimetype = "text/html\nX: y"
    assert items(r.headers) == [("Content-Type", "text/plain; charset=utf-8")]


# --- cookies --------------------------------------------------------------------

COOKIE_CALLS: list[tuple[tuple[t.Any, ...], dict[str, t.Any]]] = [
    (("a",), {}),
    (("a", "b"), {}),
    (
        ("a", "b"),
        {
            "max_age": 60,
            "expires": AWARE,
            "path": "/p",
            "domain": "example.com",
            "secure": True,
            "httponly": True,
            "samesite": "lax",
            "partitioned": True,
        },
    ),
    (("c", 'd e;f,"g\\ü'), {"max_age": datetime.timedelta(hours=1), "path": None}),
    (("e", "v"), {"expires": 0}),
    (("e", "v"), {"expires": 1577934245.5}),
    (("e", "v"), {"expires": NAIVE}),
    (("e", "v"), {"expires": "Thu, 02 Jan 2020 03:04:05 GMT"}),
    (("s", "v"), {"samesite": "none"}),
    (("s", "v"), {"samesite": "LAX"}),
    (("s", "v"), {"samesite": "Strict"}),
    (("s", "v"), {"samesite": "bogus"}),
    (("m", "v"), {"max_age": 10**12}),
    (("m", "v"), {"max_age": 10**20}),
    (("m", "v"), {"max_age": -5}),
    (("d", "v"), {"domain": ".Example.COM"}),
    (("d", "v"), {"domain": "localhost"}),
    (("p", "v"), {"partitioned": True}),
    (("k",), {"value": "v", "secure": True}),
]


@pytest.mark.parametrize(("args", "kwargs"), COOKIE_CALLS, ids=repr)
def test_set_cookie(
    Response: type,  # noqa: N803
    args: tuple[t.Any, ...],
    kwargs: dict[str, t.Any],
    one_clock_second: t.Callable[[t.Callable[[], None]], None],
) -> None:
    def check() -> None:
        ours, theirs = Response(), WR()
        expected = outcome(lambda: theirs.set_cookie(*args, **kwargs))
        assert outcome(lambda: ours.set_cookie(*args, **kwargs)) == expected
        assert items(ours.headers) == items(theirs.headers)

    one_clock_second(check)


@pytest.mark.parametrize(
    "kwargs",
    [
        {},
        {"path": "/p", "domain": "example.com"},
        {"secure": True, "httponly": True, "samesite": "Strict", "partitioned": True},
        {"path": None},
        {"samesite": "bogus"},
    ],
    ids=repr,
)
def test_delete_cookie(Response: type, kwargs: dict[str, t.Any]) -> None:  # noqa: N803
    ours, theirs = Response(), WR()
    expected = outcome(lambda: theirs.delete_cookie("a", **kwargs))
    assert outcome(lambda: ours.delete_cookie("a", **kwargs)) == expected
    assert items(ours.headers) == items(theirs.headers)


def test_cookies_accumulate_in_order(Response: type) -> None:  # noqa: N803
    r = Response()
    r.set_cookie("a", "1")
    r.set_cookie("b", "2")
    r.delete_cookie("a")
    assert r.headers.getlist("Set-Cookie") == [
        "a=1; Path=/",
        "b=2; Path=/",
        "a=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/",
    ]


def test_max_cookie_size_warning(Response: type) -> None:  # noqa: N803
    r = Response()
    with pytest.warns(UserWarning, match="too large"):
        r.set_cookie("big", "x" * 5000)
    assert r.headers.getlist("Set-Cookie")[0].startswith("big=xxx")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        r.set_cookie("small", "x" * 4000)


def test_max_cookie_size_on_a_subclass(Response: type) -> None:  # noqa: N803
    class Small(Response):  # type: ignore[misc,valid-type]
        max_cookie_size = 10

    class Off(Response):  # type: ignore[misc,valid-type]
        max_cookie_size = 0

    with pytest.warns(UserWarning):
        Small().set_cookie("k", "v" * 20)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        Small().set_cookie("k")
        Off().set_cookie("k", "v" * 9000)


def test_max_cookie_size_patched_on_the_class(
    Response: type,  # noqa: N803
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(Response, "max_cookie_size", 1)
    with pytest.warns(UserWarning):
        Response().set_cookie("k", "v")
    monkeypatch.undo()
    assert Response.max_cookie_size == 4093
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        Response().set_cookie("k", "v")


# --- WSGI ----------------------------------------------------------------------

WSGI_STATUSES = [100, 101, 199, 200, 201, 204, 206, 301, 302, 304, 404, 500, 999]

ENTITY_HEADERS = {
    "Content-Encoding": "gzip",
    "Expires": "x",
    "Last-Modified": "y",
    "Content-Language": "en",
    "X-A": "1",
    "Allow": "GET",
    "Content-Range": "bytes 0-1/2",
    "Content-Type": "text/plain",
    "ETag": '"e"',
}


@pytest.mark.parametrize("status", WSGI_STATUSES)
@pytest.mark.parametrize("method", ["GET", "HEAD", "POST"])
@pytest.mark.parametrize("body", ["str", "none", "generator", "list-mixed", "iterable"])
def test_wsgi_call_matches_werkzeug(
    Response: type,  # noqa: N803
    status: int,
    method: str,
    body: str,
) -> None:
    make = BODIES[body]
    ours, theirs = both(Response, make, status=status, headers=ENTITY_HEADERS)
    env = environ(method)
    got = call(ours, env)
    assert got == call(theirs, dict(env))
    if method == "HEAD" or 100 <= status < 200 or status in (204, 304):
        assert got.body == b""


@pytest.mark.parametrize("status", WSGI_STATUSES)
@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Content-Length": "99"},
        {"content-length": "abc"},
        ENTITY_HEADERS,
        {"Location": "/x", "Content-Location": "/y ü"},
    ],
    ids=["none", "app-length", "bad-length", "entity", "locations"],
)
def test_get_wsgi_headers(
    twin: types.ModuleType,
    Response: type,  # noqa: N803
    status: int,
    headers: dict[str, str],
) -> None:
    for make in (BODIES["list-mixed"], BODIES["generator"]):
        ours, theirs = Response(make(), status), WR(make(), status)
        for name, value in headers.items():
            ours.headers.add(name, value)
            theirs.headers.add(name, value)
        env = environ()
        got = ours.get_wsgi_headers(env)
        assert isinstance(got, twin.Headers)
        assert got is not ours.headers
        assert items(got) == items(theirs.get_wsgi_headers(dict(env)))
        assert items(ours.headers) == items(theirs.headers), "must not change self"


def test_content_length_rules(Response: type) -> None:  # noqa: N803
    env = environ()
    for status in (100, 199, 204):
        r = Response("abc", status)
        assert "Content-Length" not in r.get_wsgi_headers(env)
    r = Response("abc", 304, headers={"Content-Type": "a/b", "X-A": "1"})
    assert items(r.get_wsgi_headers(env)) == [("X-A", "1")]
    r = Response(iter([b"abc"]))
    assert "Content-Length" not in r.get_wsgi_headers(env)
    r = Response(["ab", "ü"])
    assert r.get_wsgi_headers(env)["Content-Length"] == "4"
    r = Response("abc")
    r.headers["Content-Length"] = "10"
    assert r.get_wsgi_headers(env)["Content-Length"] == "10"


LOCATIONS = [
    "/x",
    "/t ü?q=ä#f",
    "rel/x",
    "../up",
    "?q",
    "",
    "\\\\evil",
    "/a\\b",
    "//evil",
    "javascript:x",
    "http://ü.example/ä",
    "https://ex.com:8443/a b",
    "/a\x00b",
    "/a\x0bb\x7f",
    "/%41 %zz %",
    "/ä%20",
    "/x#ü",
    "mailto:ä@ex.com",
]


@pytest.mark.parametrize("location", LOCATIONS, ids=repr)
@pytest.mark.parametrize("autocorrect", [False, True])
def test_location_on_the_wire(
    Response: type,  # noqa: N803
    location: str,
    autocorrect: bool,
) -> None:
    attrs = {"autocorrect_location_header": autocorrect}
    ours, theirs = both(Response, "moved", status=302, attrs=attrs)
    ours.location = theirs.location = location
    ours.headers["Content-Location"] = theirs.headers["Content-Location"] = location
    for env in (
        environ(path="/a/b"),
        environ(path="/ä/b", base_url="https://ex.com:8443/root/"),
    ):
        assert call(ours, env) == call(theirs, dict(env))
    assert ours.location == location, "the stored header stays as set"


def test_relative_redirects_by_default(Response: type) -> None:  # noqa: N803
    r = Response(status=302)
    r.location = "/next"
    wire = call(r, environ(path="/a/b"))
    assert ("Location", "/next") in wire.headers


def test_autocorrect_makes_absolute(Response: type) -> None:  # noqa: N803
    class Absolute(Response):  # type: ignore[misc,valid-type]
        autocorrect_location_header = True

    r = Absolute(status=302)
    r.location = "next"
    wire = call(r, environ(path="/a/b", base_url="http://ex.com/"))
    assert ("Location", "http://ex.com/a/next") in wire.headers


@pytest.mark.parametrize("status", [100, 204, 304, 200])
def test_get_app_iter_empty_for_head_and_bodiless(
    Response: type, status: int
) -> None:  # noqa: N803
    for method in ("GET", "HEAD"):
        body = Closing([b"body"])
        r = Response(body, status)
        app_iter = r.get_app_iter(environ(method))
        chunks = list(app_iter)
        if method == "HEAD" or status != 200:
            assert chunks == []
        else:
            assert chunks == [b"body"]
        app_iter.close()  # type: ignore[attr-defined]
        assert body.closed == 1


def test_head_on_a_generator_does_not_consume_it(Response: type) -> None:  # noqa: N803
    started: list[int] = []
    closed: list[int] = []

    def gen() -> t.Iterator[bytes]:
        started.append(1)
        yield b"never sent"

    g = gen()
    r = Response(g)
    r.call_on_close(lambda: closed.append(1))
    wire = call(r, environ("HEAD"))
    assert wire.body == b""
    assert started == []
    assert closed == [1]
    assert g.gi_frame is None, "the generator was closed"


@pytest.mark.parametrize("status", [204, 304])
def test_bodiless_status_drops_a_streamed_body(
    Response: type, status: int
) -> None:  # noqa: N803
    started: list[int] = []

    def gen() -> t.Iterator[bytes]:
        started.append(1)
        yield b"never sent"

    ours, theirs = Response(gen(), status), WR(gen(), status)
    assert call(ours) == call(theirs)
    assert call(ours).body == b""
    assert started == []


def test_get_wsgi_response(Response: type) -> None:  # noqa: N803
    r = Response("hi", 201, {"X-A": "1"})
    app_iter, status, headers = r.get_wsgi_response(environ())
    assert status == "201 CREATED"
    assert type(headers) is list
    assert headers == [
        ("X-A", "1"),
        ("Content-Type", "text/plain; charset=utf-8"),
        ("Content-Length", "2"),
    ]
    assert list(app_iter) == [b"hi"]
    app_iter.close()  # type: ignore[attr-defined]


@pytest.mark.parametrize("body", ["str", "bytes", "list-mixed", "tuple", "none"])
def test_called_many_times_gives_the_same_bytes(
    Response: type, body: str
) -> None:  # noqa: N803
    r = Response(BODIES[body](), headers={"X-A": "1"})
    r.set_cookie("c", "v")
    first = call(r)
    for method in ("GET", "GET", "HEAD", "GET"):
        wire = call(r, environ(method))
        if method == "GET":
            assert wire == first
        else:
            assert wire == first._replace(body=b"")
    theirs = WR(BODIES[body](), headers={"X-A": "1"})
    theirs.set_cookie("c", "v")
    assert first == call(theirs)


def test_streamed_body_is_consumed_once(Response: type) -> None:  # noqa: N803
    ours, theirs = both(Response, lambda: iter([b"a", b"b"]))
    assert call(ours) == call(theirs)
    assert call(ours) == call(theirs)  # both exhausted now, both empty


def _app_with_write(environ: dict[str, t.Any], start_response: t.Any) -> list[bytes]:
    write = start_response("201 CREATED", [("X-A", "1")])
    write(b"written;")
    return [b"returned"]


def _app_generator(
    environ: dict[str, t.Any], start_response: t.Any
) -> t.Iterator[bytes]:
    start_response("404 NOT FOUND", [("Content-Type", "text/html"), ("X-B", "2")])
    yield b"a"
    yield b"b"


def _app_empty(environ: dict[str, t.Any], start_response: t.Any) -> list[bytes]:
    start_response("204 NO CONTENT", [])
    return []


class _ClosingApp:
    def __init__(self) -> None:
        self.closed = 0

    def __call__(self, environ: dict[str, t.Any], start_response: t.Any) -> t.Any:
        start_response("200 OK", [("X-C", "3")])
        return self._body()

    def _body(self) -> t.Any:
        outer = self

        class Body:
            def __iter__(self) -> t.Iterator[bytes]:
                return iter([b"x", b"y"])

            def close(self) -> None:
                outer.closed += 1

        return Body()


@pytest.mark.parametrize(
    "app", [_app_with_write, _app_generator, _app_empty], ids=lambda a: a.__name__
)
@pytest.mark.parametrize("buffered", [False, True])
def test_from_app(Response: type, app: t.Any, buffered: bool) -> None:  # noqa: N803
    env = environ()
    ours = Response.from_app(app, env, buffered=buffered)
    # Werkzeug 3.1 drops what the app passed to ``write`` when buffered; we keep
    # it (see test_from_app_buffered_keeps_written_data), so compare with
    # Werkzeug's unbuffered result there.
    theirs = WR.from_app(app, dict(env), buffered=buffered and app is not _app_with_write)
    assert type(ours) is Response
    assert_same_state(ours, theirs)
    assert ours.get_data() == theirs.get_data()
    assert call(ours) == call(theirs)


def test_from_app_buffered_keeps_written_data(Response: type) -> None:  # noqa: N803
    """Werkzeug 3.1.9 loses the ``write()`` data of a buffered app; we keep it."""
    assert WR.from_app(_app_with_write, environ(), buffered=True).get_data() == b"returned"
    for buffered in (False, True):
        r = Response.from_app(_app_with_write, environ(), buffered=buffered)
        assert r.get_data() == b"written;returned", buffered


def test_from_app_positional_and_close(Response: type) -> None:  # noqa: N803
    app = _ClosingApp()
    r = Response.from_app(app, environ())
    assert r.get_data() == b"xy"
    r.close()
    assert app.closed == 1
    app = _ClosingApp()
    r = Response.from_app(app, environ(), True)
    assert app.closed == 1
    assert r.get_data() == b"xy"


def test_force_type_on_our_own_response(
    Response: type, twin: types.ModuleType
) -> None:  # noqa: N803
    class Sub(Response):  # type: ignore[misc,valid-type]
        pass

    r = twin.Response("x", 201)
    forced = Sub.force_type(r)
    assert forced is r
    assert type(forced) is Sub
    assert forced.status == "201 CREATED"
    assert forced.get_data() == b"x"


def test_force_type_on_a_werkzeug_response(Response: type) -> None:  # noqa: N803
    theirs = WR("body", 404, {"X-A": "1"})
    theirs.set_cookie("c", "v")
    forced = Response.force_type(theirs)
    assert isinstance(forced, Response)
    assert forced.status == "404 NOT FOUND"
    assert items(forced.headers) == [
        ("X-A", "1"),
        ("Content-Type", "text/plain; charset=utf-8"),
        ("Content-Length", "4"),
        ("Set-Cookie", "c=v; Path=/"),
    ]
    assert forced.get_data() == b"body"
    assert call(forced) == call(WR.force_type(theirs))


def test_force_type_on_a_wsgi_app(Response: type) -> None:  # noqa: N803
    env = environ()
    forced = Response.force_type(_app_generator, env)
    assert isinstance(forced, Response)
    reference = WR.force_type(_app_generator, dict(env))
    assert_same_state(forced, reference)
    assert call(forced) == call(reference)
    with pytest.raises(TypeError):
        Response.force_type(_app_generator)


# --- freeze, pickle, copy --------------------------------------------------------


@pytest.mark.parametrize("body", ["str", "list-mixed", "generator", "iterable", "none"])
def test_freeze(Response: type, body: str) -> None:  # noqa: N803
    ours, theirs = both(Response, BODIES[body], headers={"X-A": "1"})
    ours.freeze()
    theirs.freeze()
    assert items(ours.headers) == items(theirs.headers)
    assert "ETag" in ours.headers
    assert type(ours.response) is list
    assert ours.response == theirs.response
    assert call(ours) == call(theirs)


def test_freeze_keeps_an_existing_etag(Response: type) -> None:  # noqa: N803
    ours, theirs = both(Response, "x", headers={"ETag": '"mine"'})
    ours.freeze()
    theirs.freeze()
    assert ours.headers["ETag"] == '"mine"'
    assert items(ours.headers) == items(theirs.headers)


def _same_response(a: t.Any, b: t.Any) -> None:
    assert type(a) is type(b)
    assert a is not b
    assert (a.status, a.status_code) == (b.status, b.status_code)
    assert items(a.headers) == items(b.headers)
    assert a.headers is not b.headers
    assert a.get_data() == b.get_data()
    assert a.direct_passthrough == b.direct_passthrough
    assert call(a) == call(b)


@pytest.mark.parametrize("protocol", PROTOCOLS)
def test_pickle_after_freeze(Response: type, protocol: int) -> None:  # noqa: N803
    r = Response(iter(["a", b"b"]), 201, {"X-A": "1"}, mimetype="text/html")
    r.set_cookie("c", "v")
    r.freeze()
    r.extra = {"k": [1]}
    loaded = pickle.loads(pickle.dumps(r, protocol))
    _same_response(loaded, r)
    assert loaded.extra == {"k": [1]}
    loaded.headers.add("X-New", "1")
    assert "X-New" not in r.headers
    with pytest.raises(ValueError):
        loaded.headers.add("X", "a\nb")


@pytest.mark.parametrize("protocol", PROTOCOLS)
def test_pickle_of_a_sequence_body(Response: type, protocol: int) -> None:  # noqa: N803
    for body in ("str", "list-mixed", "none", "tuple"):
        r = Response(BODIES[body](), status="299 Custom")
        _same_response(pickle.loads(pickle.dumps(r, protocol)), r)


def test_pickle_of_a_streaming_response_fails_like_werkzeug(
    Response: type,
) -> None:  # noqa: N803
    ours, theirs = both(Response, BODIES["generator"])
    assert outcome(lambda: pickle.dumps(ours)) == outcome(lambda: pickle.dumps(theirs))
    assert outcome(lambda: pickle.dumps(ours))[0] == "raises"
    assert outcome(lambda: copy.deepcopy(ours)) == outcome(
        lambda: copy.deepcopy(theirs)
    )


def test_pickle_keeps_subclass_settings(twin: types.ModuleType) -> None:
    cls = _module_level_subclass(twin)
    r = cls("x")
    loaded = pickle.loads(pickle.dumps(r))
    assert type(loaded) is cls
    assert loaded.get_data() == b"x"
    assert loaded.headers["Content-Type"] == "text/html; charset=utf-8"


def _module_level_subclass(twin: types.ModuleType) -> type:
    name = f"HTMLResponse_{'compiled' if twin.COMPILED else 'pure'}"
    cls = globals().get(name)
    if cls is None:
        cls = type(
            name,
            (twin.Response,),
            {"__module__": __name__, "default_mimetype": "text/html"},
        )
        globals()[name] = cls
    return cls


def test_copy(Response: type) -> None:  # noqa: N803
    r = Response("abc", 201, {"X-A": "1"})
    r.extra = 1
    c = copy.copy(r)
    assert type(c) is Response
    assert c is not r
    assert (c.status, c.status_code) == (r.status, r.status_code)
    assert items(c.headers) == items(r.headers)
    assert c.get_data() == b"abc"
    assert c.extra == 1
    assert call(c) == call(r)


def test_deepcopy(Response: type) -> None:  # noqa: N803
    r = Response(["a", "b"], 201, {"X-A": "1"})
    r.extra = [1]
    c = copy.deepcopy(r)
    _same_response(c, r)
    c.headers.add("X-B", "2")
    c.set_data("zz")
    c.extra.append(2)
    c.status_code = 500
    assert items(r.headers) == [
        ("X-A", "1"),
        ("Content-Type", "text/plain; charset=utf-8"),
    ]
    assert r.get_data() == b"ab"
    assert r.extra == [1]
    assert r.status_code == 201


def test_deepcopy_memo(Response: type) -> None:  # noqa: N803
    r = Response("x")
    r.me = r
    a, b = copy.deepcopy([r, r])
    assert a is b and a.me is a


LOAD_RESPONSES_IN_CHILD = """
import base64, json, pickle
import wrappers
import wrappers_pure
out = []
for blob in json.loads({payload!r}):
    r = pickle.loads(base64.b64decode(blob))
    seen = []
    def start_response(status, headers, exc_info=None):
        seen.append([status, [list(h) for h in headers]])
    it = r({{"REQUEST_METHOD": "GET", "SERVER_NAME": "localhost", "SERVER_PORT": "80",
            "wsgi.url_scheme": "http", "PATH_INFO": "/", "SCRIPT_NAME": ""}}, start_response)
    body = b"".join(it)
    it.close()
    out.append({{
        "is_shim": type(r) is wrappers.Response,
        "is_pure": type(r) is wrappers_pure.Response,
        "status": r.status, "code": r.status_code,
        "headers": [list(h) for h in r.headers.to_wsgi_list()],
        "wire": seen, "body": base64.b64encode(body).decode(),
        "extra": getattr(r, "extra", None),
    }})
print(json.dumps({{"compiled": wrappers.COMPILED, "out": out}}))
"""


def _frozen(twin: types.ModuleType) -> t.Any:
    r = twin.Response(iter(["ü", b"b"]), 201, {"X-A": "1"})
    r.set_cookie("c", "v", samesite="Lax")
    r.freeze()
    r.extra = "kept"
    return r


def _load_in_child(
    run_python: t.Callable[..., t.Any], r: t.Any, env: dict[str, str] | None = None
) -> dict[str, t.Any]:
    blobs = [base64.b64encode(pickle.dumps(r, p)).decode("ascii") for p in PROTOCOLS]
    code = LOAD_RESPONSES_IN_CHILD.format(payload=json.dumps(blobs))
    proc = run_python(code, env=env)
    return json.loads(proc.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def _check_child(out: dict[str, t.Any], r: t.Any) -> None:
    assert len(out["out"]) == len(PROTOCOLS)
    wire = call(r)
    for result in out["out"]:
        assert result["status"] == r.status
        assert result["code"] == r.status_code
        assert [tuple(h) for h in result["headers"]] == items(r.headers)
        assert result["wire"] == [[wire.status, [list(h) for h in wire.headers]]]
        assert base64.b64decode(result["body"]) == wire.body
        assert result["extra"] == "kept"


def test_compiled_pickle_loads_with_only_the_pure_twin(
    compiled_twin: types.ModuleType, run_python: t.Callable[..., t.Any]
) -> None:
    r = _frozen(compiled_twin)
    data = pickle.dumps(r)
    assert b"wrappers._response" not in data
    out = _load_in_child(run_python, r, env={"WRAPPERS_NO_EXTENSIONS": "1"})
    assert out["compiled"] is False
    for result in out["out"]:
        assert result["is_shim"] and result["is_pure"]
    _check_child(out, r)


def test_compiled_pickle_loads_compiled(
    compiled_twin: types.ModuleType, run_python: t.Callable[..., t.Any]
) -> None:
    r = _frozen(compiled_twin)
    out = _load_in_child(run_python, r)
    assert out["compiled"] is True
    for result in out["out"]:
        assert result["is_shim"] and not result["is_pure"]
    _check_child(out, r)


@pytest.mark.parametrize(
    "env", [{}, {"WRAPPERS_NO_EXTENSIONS": "1"}], ids=["default", "forced-pure"]
)
def test_pure_pickle_loads_in_a_normal_process(
    pure_twin: types.ModuleType,
    run_python: t.Callable[..., t.Any],
    env: dict[str, str],
) -> None:
    r = _frozen(pure_twin)
    out = _load_in_child(run_python, r, env=env)
    for result in out["out"]:
        assert result["is_pure"]
    _check_child(out, r)


def test_compiled_and_pure_pickles_agree(
    compiled_twin: types.ModuleType, pure_twin: types.ModuleType
) -> None:
    """Both twins' pickles load (here, each into its own twin) to equal responses."""
    a = pickle.loads(pickle.dumps(_frozen(compiled_twin)))
    b = pickle.loads(pickle.dumps(_frozen(pure_twin)))
    assert (a.status, items(a.headers), a.get_data()) == (
        b.status,
        items(b.headers),
        b.get_data(),
    )
    assert call(a) == call(b)


# --- subclassing and patching -----------------------------------------------------


def test_instances_take_arbitrary_attributes(Response: type) -> None:  # noqa: N803
    r = Response()
    r.anything = 1
    r.__dict__["other"] = 2
    assert r.anything == 1 and r.other == 2
    assert vars(r)["anything"] == 1


def test_weakref(Response: type) -> None:  # noqa: N803
    r = Response("x")
    ref = weakref.ref(r)
    assert ref() is r
    del r
    for _ in range(3):  # PyPy may need more than one pass
        gc.collect()
    assert ref() is None


def test_class_assignment(Response: type, twin: types.ModuleType) -> None:  # noqa: N803
    class Sub(twin.Response):  # type: ignore[misc,name-defined]
        default_mimetype = "text/html"

        def extra(self) -> str:
            return "sub"

    r = Response("x", 201)
    r.__class__ = Sub
    assert type(r) is Sub
    assert r.extra() == "sub"
    assert (r.status, r.get_data()) == ("201 CREATED", b"x")
    r.__class__ = twin.Response
    assert call(r).body == b"x"


def test_subclass_overrides_methods(Response: type) -> None:  # noqa: N803
    class Sub(Response):  # type: ignore[misc,valid-type]
        def get_wsgi_headers(self, environ: t.Any) -> t.Any:
            headers = super().get_wsgi_headers(environ)
            headers["X-Sub"] = "1"
            return headers

        def iter_encoded(self) -> t.Iterator[bytes]:
            for chunk in super().iter_encoded():
                yield chunk.upper()

    wire = call(Sub("abc"))
    assert ("X-Sub", "1") in wire.headers
    assert wire.body == b"ABC"


def test_subclass_init_with_extra_arguments(Response: type) -> None:  # noqa: N803
    class Sub(Response):  # type: ignore[misc,valid-type]
        def __init__(self, *args: t.Any, tag: str = "", **kwargs: t.Any) -> None:
            super().__init__(*args, **kwargs)
            self.tag = tag

    r = Sub("x", 202, tag="t")
    assert (r.tag, r.status_code, r.get_data()) == ("t", 202, b"x")


def test_fields_accept_assignment(
    twin: types.ModuleType, Response: type
) -> None:  # noqa: N803
    r = Response()
    r.headers = WH([("X-A", "1")])
    r.response = [b"a", "b"]
    r.status = "202 OK"
    r.direct_passthrough = False
    assert call(r) == Wire("202 OK", [("X-A", "1"), ("Content-Length", "2")], b"ab")
    r.headers = twin.Headers()
    r.response = (b"x",)
    assert call(r).body == b"x"


# --- stricter than Werkzeug -------------------------------------------------------

BAD_STATUSES = [
    "200\r\nX-Evil: 1",
    "200 OK\r\n",
    "200 OK\n",
    "200\rOK",
    "200 O\x00K",
    "200 O\x01K",
    "\n200",
    "abc\r\ndef",
]


@pytest.mark.parametrize("status", BAD_STATUSES, ids=repr)
def test_stricter_status_with_control_characters(
    Response: type, status: str
) -> None:  # noqa: N803
    with pytest.raises(ValueError):
        Response(status=status)
    r = Response(status=201)
    with pytest.raises(ValueError):
        r.status = status
    assert (r.status, r.status_code) == ("201 CREATED", 201)


@pytest.mark.parametrize(
    ("location", "expected"),
    [
        ("/\t/evil", "/%09/evil"),
        ("/a\tb", "/a%09b"),
        ("\t//evil", "%09//evil"),
    ],
    ids=repr,
)
def test_stricter_location_tab_is_percent_encoded(
    Response: type,  # noqa: N803
    location: str,
    expected: str,
) -> None:
    r = Response(status=302)
    r.location = location
    wire = call(r, environ(path="/a/b"))
    assert dict(wire.headers)["Location"] == expected


def test_stricter_location_tab_with_autocorrect(Response: type) -> None:  # noqa: N803
    class Absolute(Response):  # type: ignore[misc,valid-type]
        autocorrect_location_header = True

    r = Absolute(status=302)
    r.location = "/\t/evil"
    wire = call(r, environ(path="/a/b", base_url="http://ex.com/"))
    location = dict(wire.headers)["Location"]
    assert location == "http://ex.com/%09/evil"


# --- headers objects that are not plain Headers, and str subclasses ---------------


def test_content_length_with_headers_that_override_setitem(
    twin: types.ModuleType, Response: type  # noqa: N803
) -> None:
    """A Headers subclass overriding ``__setitem__`` (or a foreign Headers) gets
    the real Content-Length from ``set_data``, as Werkzeug's does."""

    class Ours(twin.Headers):  # type: ignore[name-defined,misc]
        def __setitem__(self, key: t.Any, value: t.Any) -> None:
            super().__setitem__(key, value)

    class Theirs(werkzeug.datastructures.Headers):
        def __setitem__(self, key: t.Any, value: t.Any) -> None:
            super().__setitem__(key, value)

    ours, theirs = Response("hi", headers=Ours()), WR("hi", headers=Theirs())
    assert items(ours.headers) == items(theirs.headers)
    assert ours.headers["Content-Length"] == "2"

    ours.headers, theirs.headers = werkzeug.datastructures.Headers(), werkzeug.datastructures.Headers()
    ours.set_data(b"abc")
    theirs.set_data(b"abc")
    assert items(ours.headers) == items(theirs.headers) == [("Content-Length", "3")]
    ours.data = theirs.data = "four"
    assert items(ours.headers) == items(theirs.headers) == [("Content-Length", "4")]


def test_str_subclass_header_values_are_kept(Response: type) -> None:  # noqa: N803
    """A str subclass is stored as it is, not through its ``__str__``."""

    class S(str):
        def __str__(self) -> str:
            return "other"

    ours, theirs = Response("x", content_type=S("text/x")), WR("x", content_type=S("text/x"))
    assert items(ours.headers) == items(theirs.headers)
    assert ours.headers["Content-Type"] == "text/x"
    ours.location = S("/a")
    theirs.location = S("/a")
    assert items(ours.headers) == items(theirs.headers)
    assert ours.headers["Location"] == "/a"
