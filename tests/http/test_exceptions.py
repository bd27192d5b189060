"""HTTP exceptions: ``twin.exceptions`` against ``werkzeug.exceptions``.

One implementation (in the pure twin) serves both packages, so every test runs
through ``twin.exceptions`` on each twin. The classes must agree with
Werkzeug 3.1.9's on their public API and signatures, ``str``/``repr``/``name``/
``description``, the HTML error page (byte for byte, MarkupSafe's escaping
included), the header list, ``get_response()`` (status, headers, body), the
WSGI call, pickling and ``BadRequestKeyError``'s KeyError behaviour.

``get_response()`` builds a :class:`wrappers_pure.response.Response` on both
twins (the one implementation imports the pure Response).
"""

from __future__ import annotations

import copy
import inspect
import pickle
import types
import typing as t

import pytest
import werkzeug.datastructures
import werkzeug.exceptions as wz
import werkzeug.test
import werkzeug.wrappers
from hypothesis import example
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st
from markupsafe import Markup

CLASS_NAMES = (
    "HTTPException",
    "BadRequest",
    "BadRequestKeyError",
    "RequestedRangeNotSatisfiable",
    "SecurityError",
    "ClientDisconnected",
    "RequestEntityTooLarge",
    "UnsupportedMediaType",
)
METHODS = (
    "__init__",
    "get_description",
    "get_body",
    "get_headers",
    "get_response",
    "__call__",
)

#: Sizes this file's runs; the rest comes from conftest's hypothesis profile.
SETTINGS = settings(max_examples=150)

#: Descriptions that exercise the escaping: every HTML special, both quotes,
#: newlines (and CR, VT, U+2028, which are not turned into ``<br>``),
#: entities that must be escaped again, non-ASCII.
DESCRIPTIONS = [
    None,
    "",
    "plain",
    "<script>alert('x')</script>",
    "a \"quoted\" & <b>bold</b> 'single'",
    "&amp; &lt; &#39; already escaped",
    "line1\nline2\n\nline4\n",
    "\n",
    "cr\r\nlf and\rcr",
    "vt\x0b ff\x0c nel\x85 ls\u2028 ps\u2029",
    "nul\x00 del\x7f",
    "üñíçødé ☃ 日本語 \U0001f600",
    "<br>",
    "%s {} {0} %(x)s",
]

DESCRIPTION_PIECES = st.one_of(
    st.sampled_from(list("&<>'\"\n\r\t ;#=/üé☃") + ["<br>", "&amp;", "&#34;", "\r\n"]),
    st.characters(codec="utf-8", exclude_categories=("Cs",)),
)
descriptions = st.one_of(
    st.none(), st.lists(DESCRIPTION_PIECES, max_size=25).map("".join)
)


def _public(obj: t.Any) -> set[str]:
    return {name for name in dir(obj) if not name.startswith("_")}


def _sig(func: t.Any) -> list[tuple[str, t.Any, t.Any]]:
    sig = inspect.signature(func)
    return [(p.name, p.kind, p.default) for p in sig.parameters.values()]


def _outcome(func: t.Callable[[], t.Any]) -> tuple[str, t.Any]:
    try:
        return ("ok", func())
    except Exception as exc:  # the type is what must agree
        return ("raise", type(exc).__name__)


def _wire(app: t.Any, method: str = "GET") -> tuple[str, list[tuple[str, str]], bytes]:
    """Call ``app`` through Werkzeug's test client: status, header list, body."""
    resp = werkzeug.test.Client(app).open("/", method=method)
    return resp.status, list(resp.headers.items()), resp.get_data()


def _call(
    app: t.Any, environ: dict[str, t.Any]
) -> tuple[str, list[t.Any], bytes, bool]:
    """Call ``app`` with a hand-made ``start_response``."""
    seen: list[t.Any] = []

    def start_response(
        status: str, headers: list[t.Any], exc_info: t.Any = None
    ) -> t.Any:
        seen.append((status, list(headers)))
        return lambda data: None

    body = app(environ, start_response)
    try:
        data = b"".join(body)
    finally:
        closed = hasattr(body, "close")
        if closed:
            body.close()
    ((status, headers),) = seen
    return status, headers, data, closed


def _response_state(resp: t.Any) -> tuple[t.Any, ...]:
    return resp.status, resp.status_code, list(resp.headers.items()), resp.get_data()


def _make_both(
    twin: types.ModuleType, name: str, *args: t.Any, **kwargs: t.Any
) -> tuple[t.Any, t.Any]:
    return getattr(twin.exceptions, name)(*args, **kwargs), getattr(wz, name)(
        *args, **kwargs
    )


def _assert_same_rendering(ours: t.Any, theirs: t.Any) -> None:
    assert str(ours) == str(theirs)
    assert repr(ours) == repr(theirs)
    assert ours.name == theirs.name
    assert ours.code == theirs.code
    assert ours.description == theirs.description
    assert ours.get_description() == theirs.get_description()
    assert ours.get_body() == theirs.get_body()
    assert type(ours.get_body()) is str
    assert ours.get_headers() == theirs.get_headers()
    assert ours.args == theirs.args


# --- the module and the classes ---------------------------------------------------


def test_all_lists_the_classes(twin: types.ModuleType) -> None:
    assert sorted(twin.exceptions.__all__) == sorted(CLASS_NAMES)
    for name in twin.exceptions.__all__:
        assert hasattr(twin.exceptions, name)


def test_one_implementation_serves_both_twins(
    twin: types.ModuleType, pure_twin: types.ModuleType
) -> None:
    for name in CLASS_NAMES:
        assert getattr(twin.exceptions, name) is getattr(pure_twin.exceptions, name)


@pytest.mark.parametrize("name", CLASS_NAMES)
def test_public_members_match_werkzeug(twin: types.ModuleType, name: str) -> None:
    ours = getattr(twin.exceptions, name)
    theirs = getattr(wz, name)
    assert _public(ours) == _public(theirs)
    assert _public(ours("x") if name != "RequestedRangeNotSatisfiable" else ours()) == (
        _public(theirs("x") if name != "RequestedRangeNotSatisfiable" else theirs())
    )


@pytest.mark.parametrize("name", CLASS_NAMES)
@pytest.mark.parametrize("method", METHODS)
def test_signatures_match_werkzeug(
    twin: types.ModuleType, name: str, method: str
) -> None:
    ours = getattr(getattr(twin.exceptions, name), method)
    theirs = getattr(getattr(wz, name), method)
    assert _sig(ours) == _sig(theirs)


@pytest.mark.parametrize("name", CLASS_NAMES)
def test_class_signature_matches_werkzeug(twin: types.ModuleType, name: str) -> None:
    assert _sig(getattr(twin.exceptions, name)) == _sig(getattr(wz, name))


def test_hierarchy(twin: types.ModuleType) -> None:
    ex = twin.exceptions
    assert issubclass(ex.HTTPException, Exception)
    assert issubclass(ex.BadRequest, ex.HTTPException)
    assert issubclass(ex.BadRequestKeyError, ex.BadRequest)
    assert issubclass(ex.BadRequestKeyError, KeyError)
    assert issubclass(ex.RequestedRangeNotSatisfiable, ex.HTTPException)
    assert not issubclass(ex.RequestedRangeNotSatisfiable, ex.BadRequest)
    assert issubclass(ex.ClientDisconnected, ex.BadRequest)
    for name in ("RequestEntityTooLarge", "UnsupportedMediaType"):
        assert getattr(ex, name).__bases__ == (ex.HTTPException,)
    for name in CLASS_NAMES:
        ours = [c.__name__ for c in getattr(ex, name).__mro__]
        assert ours == [c.__name__ for c in getattr(wz, name).__mro__], name
    # The same shape as Werkzeug's method resolution order.
    ours = [c.__name__ for c in ex.BadRequestKeyError.__mro__]
    theirs = [c.__name__ for c in wz.BadRequestKeyError.__mro__]
    assert ours == theirs


@pytest.mark.parametrize("name", CLASS_NAMES)
def test_class_attributes_match_werkzeug(twin: types.ModuleType, name: str) -> None:
    ours = getattr(twin.exceptions, name)
    theirs = getattr(wz, name)
    assert ours.code == theirs.code
    if name != "BadRequestKeyError":  # a property on the class there
        assert ours.description == theirs.description
    if name == "BadRequestKeyError":
        assert ours.show_exception is theirs.show_exception is False


@pytest.mark.parametrize("name", CLASS_NAMES)
def test_docstrings(twin: types.ModuleType, name: str) -> None:
    cls = getattr(twin.exceptions, name)
    assert inspect.getdoc(cls)
    for member in (
        "get_description",
        "get_body",
        "get_headers",
        "get_response",
        "name",
    ):
        assert inspect.getdoc(getattr(cls, member))


# --- rendering ------------------------------------------------------------------


@pytest.mark.parametrize("name", CLASS_NAMES)
@pytest.mark.parametrize("description", DESCRIPTIONS, ids=repr)
def test_rendering_matches_werkzeug(
    twin: types.ModuleType, name: str, description: str | None
) -> None:
    if name == "BadRequestKeyError":
        ours, theirs = _make_both(twin, name, "key", description)
    else:
        ours, theirs = _make_both(twin, name, description=description)
    _assert_same_rendering(ours, theirs)


@pytest.mark.parametrize(
    "description",
    [
        Markup("<b>trusted</b>\nsecond line & more"),
        Markup("it&#39;s"),
        5,
        3.5,
        b"bytes <x>",
        ["<li>", 1],
    ],
    ids=repr,
)
def test_non_str_descriptions_match_werkzeug(
    twin: types.ModuleType, description: t.Any
) -> None:
    ours, theirs = _make_both(twin, "BadRequest", description)
    _assert_same_rendering(ours, theirs)


class _Html:
    """An object with ``__html__`` (trusted, not escaped) and a different ``str``."""

    def __init__(self, html: t.Any) -> None:
        self.html = html

    def __html__(self) -> t.Any:
        return self.html

    def __str__(self) -> str:
        return "<str form>"


class _Str(str):
    """A str subclass with its own ``__str__``: escaping goes through it."""

    def __str__(self) -> str:
        return "<from __str__> & 'q'"


@pytest.mark.parametrize(
    "description",
    [
        _Html("<i>raw</i>\n<u>"),
        _Html(Markup("<m>")),
        _Html(_Html("<nested>")),
        _Html(42),
        _Str("plain <text>"),
    ],
    ids=lambda d: type(d).__name__,
)
def test_html_protocol_matches_markupsafe(
    twin: types.ModuleType, description: t.Any
) -> None:
    ours, theirs = _make_both(twin, "HTTPException", description)
    assert ours.get_description() == theirs.get_description()
    assert ours.get_body() == theirs.get_body()
    assert str(ours) == str(theirs)


@given(description=descriptions)
@example(description="\"'&<>\n")
@example(description="\ud800")
@SETTINGS
def test_random_descriptions_match_werkzeug(
    twin: types.ModuleType, description: str | None
) -> None:
    for name in CLASS_NAMES:
        ours = getattr(twin.exceptions, name)(description=description)
        theirs = getattr(wz, name)(description=description)
        if name == "BadRequestKeyError":
            ours.show_exception = theirs.show_exception = True
        _assert_same_rendering(ours, theirs)
        assert _outcome(lambda: _response_state(ours.get_response({}))) == _outcome(
            lambda: _response_state(theirs.get_response({}))
        )


@pytest.mark.parametrize(
    ("code", "name"),
    [(None, "x"), (418, "x"), (599, "x"), (200, "x"), (0, "x"), (999, "x")],
)
def test_subclass_codes_match_werkzeug(
    twin: types.ModuleType, code: int | None, name: str
) -> None:
    ours = type(
        "Custom", (twin.exceptions.HTTPException,), {"code": code, "description": "d"}
    )()
    theirs = type("Custom", (wz.HTTPException,), {"code": code, "description": "d"})()
    _assert_same_rendering(ours, theirs)
    assert _outcome(lambda: _response_state(ours.get_response())) == _outcome(
        lambda: _response_state(theirs.get_response())
    )
    assert _wire(ours) == _wire(theirs)


def test_overridden_name_is_escaped(twin: types.ModuleType) -> None:
    def make(base: type) -> t.Any:
        return type("Named", (base,), {"code": 499, "name": "<Tea & 'Pot'>"})()

    ours, theirs = make(twin.exceptions.HTTPException), make(wz.HTTPException)
    _assert_same_rendering(ours, theirs)
    assert "&lt;Tea &amp; &#39;Pot&#39;&gt;" in ours.get_body()


def test_get_body_passes_environ_only_to_get_description(
    twin: types.ModuleType,
) -> None:
    def make(base: type) -> t.Any:
        class Spy(base):  # type: ignore[misc,valid-type]
            calls: list[t.Any] = []

            def get_description(
                self, environ: t.Any = None, scope: t.Any = None
            ) -> str:
                self.calls.append((environ, scope))
                return f"<p>{environ and environ.get('PATH_INFO')}</p>"

        return Spy()

    environ = {"PATH_INFO": "/p"}
    scope = {"type": "http"}
    ours, theirs = make(twin.exceptions.BadRequest), make(wz.BadRequest)
    assert ours.get_body(environ, scope) == theirs.get_body(environ, scope)
    assert ours.calls == theirs.calls == [(environ, None)]
    assert repr(ours) == repr(theirs) == "<Spy '400: Bad Request'>"


def test_get_headers_gives_a_fresh_list(twin: types.ModuleType) -> None:
    exc = twin.exceptions.BadRequest()
    headers = exc.get_headers()
    headers.append(("X", "y"))
    assert exc.get_headers() == [("Content-Type", "text/html; charset=utf-8")]
    assert type(headers) is list


# --- RequestedRangeNotSatisfiable ---------------------------------------------------


@pytest.mark.parametrize(
    "kwargs",
    [
        {},
        {"length": None},
        {"length": 0},
        {"length": 10},
        {"length": 10**20},
        {"length": 10, "units": "items"},
        {"length": None, "units": "items"},
        {"length": 5, "units": ""},
        {"length": "7"},
        {"description": "custom <range>"},
        {"length": 3, "description": "a\nb"},
    ],
    ids=repr,
)
def test_range_not_satisfiable_matches_werkzeug(
    twin: types.ModuleType, kwargs: dict[str, t.Any]
) -> None:
    ours, theirs = _make_both(twin, "RequestedRangeNotSatisfiable", **kwargs)
    _assert_same_rendering(ours, theirs)
    assert ours.length == theirs.length
    assert ours.units == theirs.units
    assert _response_state(ours.get_response()) == _response_state(
        theirs.get_response()
    )
    assert _wire(ours) == _wire(theirs)


def test_range_not_satisfiable_positional(twin: types.ModuleType) -> None:
    ours, theirs = _make_both(
        twin, "RequestedRangeNotSatisfiable", 100, "bytes", "desc"
    )
    _assert_same_rendering(ours, theirs)
    assert ours.get_headers() == [
        ("Content-Type", "text/html; charset=utf-8"),
        ("Content-Range", "bytes */100"),
    ]
    resp = ours.get_response()
    assert resp.status_code == 416
    assert resp.headers["Content-Range"] == "bytes */100"


def test_range_not_satisfiable_length_set_later(twin: types.ModuleType) -> None:
    exc = twin.exceptions.RequestedRangeNotSatisfiable()
    exc.length = 9
    exc.units = "lines"
    assert exc.get_headers()[-1] == ("Content-Range", "lines */9")


# --- get_response and the WSGI call ---------------------------------------------------


@pytest.mark.parametrize("name", CLASS_NAMES)
def test_get_response_matches_werkzeug(twin: types.ModuleType, name: str) -> None:
    ours, theirs = _make_both(twin, name)
    environ = werkzeug.test.EnvironBuilder("/x").get_environ()
    for args in ((), (None,), (environ,), (None, {"type": "http"})):
        assert _response_state(ours.get_response(*args)) == _response_state(
            theirs.get_response(*args)
        )


def test_get_response_is_a_pure_response(
    twin: types.ModuleType, pure_twin: types.ModuleType
) -> None:
    resp = twin.exceptions.BadRequest().get_response()
    assert type(resp) is pure_twin.Response
    assert resp.mimetype == "text/html"
    assert resp.content_length == len(resp.get_data())


def test_get_response_accepts_request_objects(twin: types.ModuleType) -> None:
    environ = werkzeug.test.EnvironBuilder("/x").get_environ()
    request = werkzeug.wrappers.Request(environ)
    holder = types.SimpleNamespace(environ=environ)
    seen: list[t.Any] = []

    class Spy(twin.exceptions.BadRequest):  # type: ignore[misc,name-defined]
        def get_headers(self, environ: t.Any = None, scope: t.Any = None) -> t.Any:
            seen.append(environ)
            return super().get_headers(environ, scope)

    for obj in (environ, request, holder):
        assert Spy().get_response(obj).status_code == 400
    assert all(e is environ for e in seen)


@pytest.mark.parametrize(
    "bad",
    ["not an environ", 5, [("a", "b")], types.SimpleNamespace(environ="str")],
    ids=repr,
)
def test_get_response_rejects_non_environ_like_werkzeug(
    twin: types.ModuleType, bad: t.Any
) -> None:
    with pytest.raises(AssertionError) as ours:
        twin.exceptions.BadRequest().get_response(bad)
    with pytest.raises(AssertionError) as theirs:
        wz.BadRequest().get_response(bad)
    assert str(ours.value) == str(theirs.value)


def test_response_passthrough(twin: types.ModuleType) -> None:
    for response in (
        twin.Response("custom", status=418),
        werkzeug.wrappers.Response("foreign", status=401),
    ):
        for name in CLASS_NAMES:
            cls = getattr(twin.exceptions, name)
            exc = cls(response=response)
            assert exc.response is response
            assert exc.get_response() is response
            assert exc.get_response("not even an environ") is response
            status, headers, data = _wire(exc)
            assert status == response.status
            assert data == response.get_data()
        # BadRequestKeyError passes extra arguments on to HTTPException.
        exc = twin.exceptions.BadRequestKeyError("k", "desc", response)
        assert exc.get_response() is response
        assert exc.description == "desc"


@pytest.mark.parametrize("name", CLASS_NAMES)
@pytest.mark.parametrize("method", ["GET", "HEAD", "POST"])
def test_wsgi_call_matches_werkzeug(
    twin: types.ModuleType, name: str, method: str
) -> None:
    ours, theirs = _make_both(twin, name)
    assert _wire(ours, method) == _wire(theirs, method)


def test_wsgi_call_with_start_response(twin: types.ModuleType) -> None:
    environ = werkzeug.test.EnvironBuilder("/x").get_environ()
    ours, theirs = _make_both(twin, "RequestedRangeNotSatisfiable", 50)
    result = _call(ours, dict(environ))
    assert result[:3] == _call(theirs, dict(environ))[:3]
    status, headers, data, _ = result
    assert status == "416 REQUESTED RANGE NOT SATISFIABLE"
    assert ("Content-Range", "bytes */50") in headers
    assert ("Content-Length", str(len(data))) in headers


def test_app_returning_the_exception(twin: types.ModuleType) -> None:
    """The usual pattern: catch the HTTPException and answer with it."""

    def make_app(exceptions: t.Any) -> t.Any:
        def view(environ: t.Any) -> t.Any:
            raise exceptions.BadRequestKeyError("missing")

        def app(environ: t.Any, start_response: t.Any) -> t.Any:
            try:
                return view(environ)
            except exceptions.HTTPException as exc:
                return exc(environ, start_response)

        return app

    assert _wire(make_app(twin.exceptions)) == _wire(make_app(wz))


def test_missing_header_renders_as_bad_request(twin: types.ModuleType) -> None:
    with pytest.raises(twin.exceptions.HTTPException) as info:
        twin.Headers()["X-Missing"]
    with pytest.raises(wz.HTTPException) as wz_info:
        werkzeug.datastructures.Headers()["X-Missing"]
    _assert_same_rendering(info.value, wz_info.value)
    assert _wire(info.value) == _wire(wz_info.value)


# --- BadRequestKeyError -------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [(), (None,), ("key",), (0,), (("a", "b"),), ("k", "description"), (None, "d")],
    ids=repr,
)
def test_bad_request_key_error_matches_werkzeug(
    twin: types.ModuleType, args: tuple[t.Any, ...]
) -> None:
    ours, theirs = _make_both(twin, "BadRequestKeyError", *args)
    _assert_same_rendering(ours, theirs)
    assert KeyError.__str__(ours) == KeyError.__str__(theirs)
    ours.show_exception = theirs.show_exception = True
    _assert_same_rendering(ours, theirs)
    assert _wire(ours) == _wire(theirs)


def test_bad_request_key_error_is_caught_as_key_error(twin: types.ModuleType) -> None:
    with pytest.raises(KeyError) as info:
        raise twin.exceptions.BadRequestKeyError("name")
    assert info.value.args == ("name",)
    assert isinstance(info.value, twin.exceptions.BadRequest)
    assert info.value.code == 400

    try:
        {}["x"]
    except twin.exceptions.BadRequestKeyError:  # pragma: no cover
        pytest.fail("a plain KeyError is not a BadRequestKeyError")
    except KeyError:
        pass


def test_bad_request_key_error_show_exception(twin: types.ModuleType) -> None:
    default = wz.BadRequest.description
    exc = twin.exceptions.BadRequestKeyError("name")
    assert exc.description == default
    exc.show_exception = True
    assert exc.description == f"{default}\nKeyError: 'name'"
    assert "<br>KeyError: &#39;name&#39;</p>" in exc.get_body()
    exc.description = "replaced"
    assert exc.description == "replaced\nKeyError: 'name'"
    exc.show_exception = False
    assert exc.description == "replaced"
    # On a subclass, for every instance.
    sub = type("Shown", (twin.exceptions.BadRequestKeyError,), {"show_exception": True})
    assert sub().description == f"{default}\nKeyError: "
    assert twin.exceptions.BadRequestKeyError("k").show_exception is False


def test_bad_request_key_error_description_setter_matches_werkzeug(
    twin: types.ModuleType,
) -> None:
    ours, theirs = _make_both(twin, "BadRequestKeyError", "k")
    for exc in (ours, theirs):
        exc.description = "new\n<text>"
    _assert_same_rendering(ours, theirs)
    assert ours.__dict__ == {"response": None, "_description": "new\n<text>"}
    assert ours.__dict__ == theirs.__dict__


# --- instance state, pickling, copying ------------------------------------------------


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("HTTPException", ()),
        ("HTTPException", ("desc",)),
        ("BadRequest", ("d\n<x>",)),
        ("BadRequestKeyError", ("key",)),
        ("BadRequestKeyError", ("key", "desc")),
        ("BadRequestKeyError", ()),
        ("RequestedRangeNotSatisfiable", ()),
        ("RequestedRangeNotSatisfiable", (10, "items", "d")),
        ("ClientDisconnected", ()),
        ("RequestEntityTooLarge", ("too <big>",)),
        ("UnsupportedMediaType", ()),
    ],
    ids=repr,
)
@pytest.mark.parametrize("protocol", range(pickle.HIGHEST_PROTOCOL + 1))
def test_pickle_like_werkzeug(
    twin: types.ModuleType, name: str, args: tuple[t.Any, ...], protocol: int
) -> None:
    ours, theirs = _make_both(twin, name, *args)
    assert ours.__dict__ == theirs.__dict__
    ours_back = pickle.loads(pickle.dumps(ours, protocol))
    theirs_back = pickle.loads(pickle.dumps(theirs, protocol))
    assert type(ours_back) is type(ours)
    assert ours_back.__dict__ == theirs_back.__dict__ == ours.__dict__
    _assert_same_rendering(ours_back, theirs_back)
    for clone in (copy.copy(ours), copy.deepcopy(ours)):
        assert type(clone) is type(ours)
        assert clone.__dict__ == ours.__dict__
        _assert_same_rendering(clone, theirs)


def test_pickle_keeps_show_exception(twin: types.ModuleType) -> None:
    exc = twin.exceptions.BadRequestKeyError("k")
    exc.show_exception = True
    back = pickle.loads(pickle.dumps(exc))
    assert back.show_exception is True
    assert back.description.endswith("KeyError: 'k'")


def test_pickle_with_response(twin: types.ModuleType) -> None:
    exc = twin.exceptions.BadRequest(response=twin.Response("body", status=400))
    back = pickle.loads(pickle.dumps(exc))
    assert back.get_response().get_data() == b"body"
    assert back.get_response().status_code == 400


def test_description_on_instance_only(twin: types.ModuleType) -> None:
    cls = twin.exceptions.BadRequest
    before = cls.description
    exc = cls("mine")
    assert exc.description == "mine"
    assert cls.description == before
    assert cls().description == before
    assert cls(None).__dict__ == {"response": None}
    assert cls("").description == ""


# --- raised by Response.make_conditional ---------------------------------------------


@pytest.mark.parametrize(
    "header", ["bytes=50-60", "bytes=10-", "items=0-3", "bytes=abc"]
)
def test_make_conditional_raises_range_not_satisfiable(
    twin: types.ModuleType, Response: type, header: str  # noqa: N803
) -> None:
    builder = werkzeug.test.EnvironBuilder("/", headers={"Range": header})
    environ = builder.get_environ()
    with pytest.raises(twin.exceptions.RequestedRangeNotSatisfiable) as ours:
        Response(b"x" * 10).make_conditional(
            dict(environ), accept_ranges=True, complete_length=10
        )
    with pytest.raises(wz.RequestedRangeNotSatisfiable) as theirs:
        werkzeug.wrappers.Response(b"x" * 10).make_conditional(
            dict(environ), accept_ranges=True, complete_length=10
        )
    _assert_same_rendering(ours.value, theirs.value)
    assert (ours.value.length, ours.value.units) == (10, "bytes")
    assert _response_state(ours.value.get_response()) == _response_state(
        theirs.value.get_response()
    )
    assert (
        _call(ours.value, dict(environ))[:3] == _call(theirs.value, dict(environ))[:3]
    )


# --- werkzeug_aware: what make_conditional raises inside Werkzeug-based apps ----------

AWARE_PROBE = """
import pickle, sys
from wrappers import exceptions as e
from wrappers_pure.exceptions import werkzeug_aware
cls = werkzeug_aware(e.RequestedRangeNotSatisfiable)
print("loaded" if "werkzeug.exceptions" in sys.modules else "not loaded")
print(cls is e.RequestedRangeNotSatisfiable)
import werkzeug.exceptions
cls = werkzeug_aware(e.RequestedRangeNotSatisfiable)
print(cls is e.RequestedRangeNotSatisfiable)
print(issubclass(cls, werkzeug.exceptions.RequestedRangeNotSatisfiable))
print(pickle.dumps(cls(7)).hex())
"""

UNPICKLE_PROBE = """
import pickle, sys
exc = pickle.loads(bytes.fromhex(sys.argv[1] if len(sys.argv) > 1 else {data!r}))
import werkzeug.exceptions
from wrappers import exceptions as e
print(type(exc).__name__, exc.length, isinstance(exc, e.RequestedRangeNotSatisfiable),
      isinstance(exc, werkzeug.exceptions.HTTPException))
"""


def test_werkzeug_aware_only_while_werkzeug_is_loaded(
    run_python: t.Callable[..., t.Any],
) -> None:
    """Without Werkzeug loaded the class is this module's own; with it, a
    subclass that is also Werkzeug's class, and its instances pickle (and
    unpickle in a process that has not made the class yet)."""
    lines = run_python(AWARE_PROBE).stdout.split()
    assert lines[:4] == ["not", "loaded", "True", "False"]
    assert lines[4] == "True"
    out = run_python(UNPICKLE_PROBE.format(data=lines[5])).stdout.split()
    assert out == ["RequestedRangeNotSatisfiable", "7", "True", "True"]


def test_werkzeug_aware_class_behaves_as_ours(twin: types.ModuleType) -> None:
    from wrappers_pure.exceptions import werkzeug_aware

    ours = twin.exceptions.RequestedRangeNotSatisfiable
    cls = werkzeug_aware(ours)
    assert cls is werkzeug_aware(ours)
    assert issubclass(cls, ours) and issubclass(cls, wz.RequestedRangeNotSatisfiable)
    exc = cls(12, units="items", description="nope")
    plain = ours(12, units="items", description="nope")
    assert (exc.length, exc.units, exc.description, exc.response) == (
        12,
        "items",
        "nope",
        None,
    )
    assert str(exc) == str(plain)
    assert repr(exc) == repr(plain)
    assert exc.get_headers() == plain.get_headers()
    assert type(exc.get_response()) is type(plain.get_response())
    assert exc.get_response().get_data() == plain.get_response().get_data()
    copied = pickle.loads(pickle.dumps(exc))
    assert type(copied) is cls
    assert copied.__dict__ == exc.__dict__


def test_make_conditional_raises_a_class_flask_answers(twin: types.ModuleType) -> None:
    environ = {"REQUEST_METHOD": "GET", "HTTP_RANGE": "bytes=50-"}
    r = twin.Response(b"0123456789")
    with pytest.raises(wz.HTTPException) as info:
        r.make_conditional(environ, accept_ranges=True, complete_length=10)
    assert isinstance(info.value, twin.exceptions.RequestedRangeNotSatisfiable)
    assert info.value.length == 10


def test_werkzeug_aware_when_werkzeug_name_is_ours(
    twin: types.ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When ``werkzeug.exceptions`` already serves our class under the name (an
    app aliasing it, or ``ci/upstream.py`` running Werkzeug's tests on us), the
    416 is our class itself: there is nothing to mix in (``type(name, (ours,
    ours))`` would raise ``TypeError: duplicate base class``)."""
    import wrappers_pure.exceptions as pure_exceptions
    from wrappers_pure.exceptions import werkzeug_aware

    ours = twin.exceptions.RequestedRangeNotSatisfiable
    attr = "_WerkzeugAwareRequestedRangeNotSatisfiable"
    monkeypatch.delitem(vars(pure_exceptions), attr, raising=False)
    monkeypatch.setattr(wz, "RequestedRangeNotSatisfiable", ours)

    assert werkzeug_aware(ours) is ours
    environ = {"REQUEST_METHOD": "GET", "HTTP_RANGE": "bytes=50-"}
    with pytest.raises(ours) as info:
        twin.Response(b"0123456789").make_conditional(
            environ, accept_ranges=True, complete_length=10
        )
    assert type(info.value) is ours and info.value.length == 10
    assert attr not in vars(pure_exceptions)  # not remembered for later

    monkeypatch.undo()
    assert issubclass(werkzeug_aware(ours), wz.RequestedRangeNotSatisfiable)


@pytest.mark.parametrize(
    "name", ["ClientDisconnected", "RequestEntityTooLarge", "UnsupportedMediaType"]
)
def test_werkzeug_aware_request_side_classes(twin: types.ModuleType, name: str) -> None:
    """The request side raises these through ``werkzeug_aware``: the class is
    ours and Werkzeug's at once, renders as ours (and as Werkzeug's), and a
    Flask-style ``except werkzeug.exceptions.HTTPException`` answers it with
    its own status."""
    from wrappers_pure.exceptions import werkzeug_aware

    ours = getattr(twin.exceptions, name)
    cls = werkzeug_aware(ours)
    assert cls is werkzeug_aware(ours)
    assert issubclass(cls, ours) and issubclass(cls, getattr(wz, name))
    exc, theirs = cls("why <not>"), getattr(wz, name)("why <not>")
    _assert_same_rendering(exc, theirs)
    assert _wire(exc) == _wire(theirs)
    try:
        raise exc
    except wz.HTTPException as caught:
        assert caught.code == ours.code
    back = pickle.loads(pickle.dumps(exc))
    assert type(back) is cls and back.__dict__ == exc.__dict__


def test_request_side_codes_and_pages(twin: types.ModuleType) -> None:
    ex = twin.exceptions
    assert (ex.ClientDisconnected.code, ex.RequestEntityTooLarge.code) == (400, 413)
    assert ex.UnsupportedMediaType.code == 415
    body = ex.RequestEntityTooLarge().get_body()
    assert body == (
        "<!doctype html>\n<html lang=en>\n<title>413 Request Entity Too Large</title>\n"
        "<h1>Request Entity Too Large</h1>\n"
        "<p>The data value transmitted exceeds the capacity limit.</p>\n"
    )
    assert str(ex.UnsupportedMediaType()) == (
        "415 Unsupported Media Type: The server does not support the media type"
        " transmitted in the request."
    )
    assert repr(ex.ClientDisconnected()) == "<ClientDisconnected '400: Bad Request'>"
