"""Differential tests: the I/O-free ``twin.sansio.response.Response`` against
``werkzeug.sansio.response.Response``.

On the compiled twin the class is the kernel's (``wrappers._sansio_response``:
a C base for the state and the hot paths, over the pure class for the rest); on
the pure twin it is ``wrappers_pure.sansio.response.Response``. Each runs as it
is and as a trivial subclass.

Hypothesis draws constructor arguments (statuses as int, ``HTTPStatus``, str,
None and wrong types; headers as None, dict, list, tuple, the side's own
Headers; mimetype; content type) and then a sequence of operations (status and
status code setters with good and bad values, ``set_cookie``/``delete_cookie``,
``location``, the header attributes, ``mimetype``/``mimetype_params``,
``is_json``, ETags, a few live header objects), applied to ours and to
Werkzeug's. Every step's value (normalised, see ``support.normalise``), its
exception kind and warnings, the status, the status code, ``repr`` and the
header list (order included) must agree. A status string with a control
character is the documented difference (ours raises ValueError, Werkzeug keeps
it), asserted instead of compared.

Pickles: a compiled Response pickles to the pure twin's state under a name the
shim resolves, so it loads back equal, loads as the pure class in a process
without the compiled twin, and a pure pickle loads as the pure class anywhere.
"""

from __future__ import annotations

import base64
import copy
import datetime as dt
import inspect
import json
import pickle
import sys
import types
import typing as t
from http import HTTPStatus

import pytest
import werkzeug.datastructures
import werkzeug.sansio.response
from hypothesis import example, given, settings
from hypothesis import strategies as st

from support import items, outcome

WSR = werkzeug.sansio.response.Response
WHeaders = werkzeug.datastructures.Headers
UTC = dt.timezone.utc
PROTOCOLS = list(range(pickle.HIGHEST_PROTOCOL + 1))

#: Sizes this file's runs; the rest comes from conftest's hypothesis profile.
SETTINGS = settings(max_examples=150)

#: Module holding this file's subclasses, so that they pickle by reference.
SUBCLASS_MODULE = "_wrappers_tests_sansio_subclasses"


def _subclass(base: type, kind: str) -> type:
    module = sys.modules.setdefault(SUBCLASS_MODULE, types.ModuleType(SUBCLASS_MODULE))
    qualname = f"SubSansioResponse_{kind}"
    cls = getattr(module, qualname, None)

    if cls is None:
        cls = type("SubSansioResponse", (base,), {"__module__": SUBCLASS_MODULE})
        cls.__qualname__ = qualname
        setattr(module, qualname, cls)

    return cls


def _kind(twin: types.ModuleType) -> str:
    return "compiled" if twin.COMPILED else "pure"


@pytest.fixture(scope="session", params=["base", "subclass"])
def SansioResponse(request: pytest.FixtureRequest, twin: types.ModuleType) -> type:
    """``twin.sansio.response.Response``, or a trivial subclass of it."""
    base = twin.sansio.response.Response

    if request.param == "base":
        return base  # type: ignore[no-any-return]

    return _subclass(base, _kind(twin))


class Side(t.NamedTuple):
    response: type
    headers: type
    datastructures: types.ModuleType


def sides(twin: types.ModuleType, cls: type) -> tuple[Side, Side]:
    return (
        Side(cls, twin.Headers, twin.datastructures),
        Side(WSR, WHeaders, werkzeug.datastructures),
    )


def snapshot(r: t.Any) -> tuple[t.Any, ...]:
    return (r.status, r.status_code, items(r.headers), repr(r).split(" ", 1)[1])


# --- the classes ------------------------------------------------------------------


def test_compiled_class_is_the_kernels(
    compiled_twin: types.ModuleType, pure_twin: types.ModuleType
) -> None:
    cls = compiled_twin.sansio.response.Response
    kernel = sys.modules["wrappers._sansio_response"]
    assert cls is kernel.Response
    assert issubclass(cls, kernel._SansioResponseBase)
    assert issubclass(cls, pure_twin.sansio.response.Response)
    assert cls is not pure_twin.sansio.response.Response
    # The WSGI Response is built on the same compiled base.
    assert issubclass(compiled_twin.Response, kernel._SansioResponseBase)


def test_pure_class(pure_twin: types.ModuleType) -> None:
    cls = pure_twin.sansio.response.Response
    assert cls.__module__ == "wrappers_pure.sansio.response"
    assert cls.__mro__ == (cls, object)


def _public(cls: type) -> set[str]:
    return {n for n in dir(cls) if not n.startswith("_")}


def _params(func: t.Any) -> list[tuple[str, t.Any, t.Any]]:
    return [(p.name, p.kind, p.default) for p in inspect.signature(func).parameters.values()]


def test_public_names_and_signatures(twin: types.ModuleType) -> None:
    cls = twin.sansio.response.Response
    # ``headers`` is a class-level descriptor on the compiled class only.
    assert _public(cls) - {"headers"} == _public(WSR)
    assert _params(cls) == _params(WSR)

    for name in ("set_cookie", "delete_cookie", "set_etag", "get_etag"):
        assert _params(getattr(cls, name)) == _params(getattr(WSR, name)), name

    for name in ("default_status", "default_mimetype", "max_cookie_size"):
        assert getattr(cls, name) == getattr(WSR, name), name


# --- construction ------------------------------------------------------------------

STATUS_TEXT = st.lists(
    st.sampled_from(["200", "404", "0", "-1", "999", "1000", " ", "  ", "OK", "Not Found",
                     "\u0662\u0660\u0660", "x", "\u00e9", "\xa0", "2.5", "+1", "\u3000"]),
    max_size=3,
).map("".join)
statuses = st.one_of(
    st.none(),
    st.integers(-2, 1000),
    st.sampled_from([10**30, True, False, HTTPStatus.NO_CONTENT, HTTPStatus.IM_A_TEAPOT]),
    st.sampled_from(["200", "404 Not Found", " 201 ", "299 Custom", "abc", "", "   ", "200 "]),
    STATUS_TEXT,
    st.sampled_from([2.5, b"200 OK", [200], object()]),
)
#: Control characters: our documented stricter rule.
CONTROL_STATUSES = ["200\tOK", "200 OK\r\n", "\x00", "404\x7f", "x\x1fy"]

HEADER_PAIRS = st.lists(
    st.tuples(
        st.sampled_from(["Content-Type", "content-type", "X-A", "Location", "ETag", "Set-Cookie"]),
        st.sampled_from(["text/html", "application/json", "a/b; q=1", "", "\u00e9", "1", '"t"']),
    ),
    max_size=3,
)


@st.composite
def header_inputs(draw: st.DrawFn) -> t.Callable[[Side], t.Any]:
    """A function making the same headers argument for either side."""
    pairs = draw(HEADER_PAIRS)
    kind = draw(st.sampled_from(["none", "list", "tuple", "dict", "headers", "empty-headers", "empty"]))
    empty = draw(st.sampled_from([[], {}, (), ""]))
    makers: dict[str, t.Callable[[Side], t.Any]] = {
        "none": lambda side: None,
        "list": lambda side: list(pairs),
        "tuple": lambda side: tuple(pairs),
        "dict": lambda side: dict(pairs),
        "headers": lambda side: side.headers(pairs),
        "empty-headers": lambda side: side.headers(),
        "empty": lambda side: empty,
    }
    return makers[kind]


mimetypes = st.one_of(
    st.none(),
    st.sampled_from(["text/html", "application/json", "image/svg+xml", "application/xml",
                     "application/vnd.api+json", "image/png", "", "TEXT/plain", "text/x\u00e9"]),
)
content_types = st.one_of(
    st.none(),
    st.sampled_from(["text/html; charset=latin-1", "application/json", "", "a/b; x=\"y z\"", 5]),
)


def construct(side: Side, status: t.Any, make_headers: t.Any, mimetype: t.Any, content_type: t.Any) -> t.Any:
    return side.response(status, make_headers(side), mimetype, content_type)


@SETTINGS
@given(
    status=statuses,
    make_headers=header_inputs(),
    mimetype=mimetypes,
    content_type=content_types,
)
@example(status=None, make_headers=lambda side: side.headers([("content-type", "q/r")]), mimetype=None, content_type=None)
@example(status="", make_headers=lambda side: None, mimetype=None, content_type=None)
def test_construction(
    twin: types.ModuleType,
    SansioResponse: type,
    status: t.Any,
    make_headers: t.Callable[[Side], t.Any],
    mimetype: t.Any,
    content_type: t.Any,
) -> None:
    ours_side, theirs_side = sides(twin, SansioResponse)
    ours = outcome(lambda: snapshot(construct(ours_side, status, make_headers, mimetype, content_type)))
    theirs = outcome(lambda: snapshot(construct(theirs_side, status, make_headers, mimetype, content_type)))
    assert ours == theirs

    if ours[0] == "ok":
        r = construct(ours_side, status, make_headers, mimetype, content_type)
        assert type(r.status) is str and type(r.status_code) is int
        given_headers = make_headers(ours_side)
        r = ours_side.response(headers=given_headers)
        if isinstance(given_headers, twin.Headers):
            assert r.headers is given_headers  # used as it is, like Werkzeug
        else:
            assert type(r.headers) is twin.Headers


@pytest.mark.parametrize("status", CONTROL_STATUSES, ids=repr)
def test_control_characters_in_status_are_refused(
    SansioResponse: type, status: str
) -> None:
    """Documented difference: Werkzeug keeps such a status as given."""
    WSR(status)  # no error there
    with pytest.raises(ValueError):
        SansioResponse(status)
    r = SansioResponse(201)
    with pytest.raises(ValueError):
        r.status = status
    assert (r.status, r.status_code) == ("201 CREATED", 201)


def test_headers_from_werkzeug_are_copied(twin: types.ModuleType, SansioResponse: type) -> None:
    h = WHeaders([("X-A", "1"), ("x-a", "2")])
    r = SansioResponse(headers=h)
    assert type(r.headers) is twin.Headers
    assert items(r.headers) == items(WSR(headers=h).headers)


# --- operations ---------------------------------------------------------------------

FIXED = dt.datetime(2024, 2, 29, 12, 30, 5, tzinfo=UTC)
COOKIE_KWARGS = st.fixed_dictionaries(
    {},
    optional={
        "value": st.sampled_from(["v", "", "a b", "\u00e9", 'q"q', "x" * 5000]),
        "max_age": st.sampled_from([0, 60, dt.timedelta(hours=1), None]),
        "expires": st.sampled_from([0, FIXED, "Thu, 01 Jan 1970 00:00:00 GMT", None]),
        "path": st.sampled_from(["/", None, "/p q", "/\u00e9"]),
        "domain": st.sampled_from([None, "example.com", ".Example.COM", "localhost", "b\u00fccher.de"]),
        "secure": st.booleans(),
        "httponly": st.booleans(),
        "samesite": st.sampled_from([None, "Lax", "strict", "None", "bogus"]),
        "partitioned": st.booleans(),
    },
)
DELETE_KWARGS = st.fixed_dictionaries(
    {},
    optional={
        "path": st.sampled_from(["/", None, "/p"]),
        "domain": st.sampled_from([None, "example.com"]),
        "secure": st.booleans(),
        "httponly": st.booleans(),
        "samesite": st.sampled_from([None, "Lax", "bogus"]),
        "partitioned": st.booleans(),
    },
)
SET_VALUES = st.sampled_from(
    ["/", "/\u2603 x?q=\u00e9#f", "http://\u2603.net/", "", "a\nb", 5, None, "text/html", "12"]
)


def _value(v: t.Any) -> t.Any:
    """Enums (COOP/COEP) by value, as each side has its own classes."""
    return getattr(v, "value", v) if type(v).__name__ in ("COOP", "COEP") else v


def read(attr: str) -> t.Callable[[t.Any, Side], t.Any]:
    return lambda r, side: _value(getattr(r, attr))


def write(attr: str, value: t.Any) -> t.Callable[[t.Any, Side], t.Any]:
    return lambda r, side: setattr(r, attr, value)


def delete(attr: str) -> t.Callable[[t.Any, Side], t.Any]:
    return lambda r, side: delattr(r, attr)


def _edit_params(r: t.Any, side: Side, key: str, value: str) -> t.Any:
    params = r.mimetype_params
    params[key] = value
    return dict(params)


def _cache_control(r: t.Any, side: Side, max_age: t.Any) -> t.Any:
    cc = r.cache_control
    cc.max_age = max_age
    cc.public = True
    return r.cache_control.to_header()


def _vary(r: t.Any, side: Side, value: str) -> t.Any:
    r.vary.add(value)
    return r.vary.to_header()


READ_ATTRS = [
    "status", "status_code", "location", "mimetype", "mimetype_params", "is_json", "content_type",
    "content_length", "age", "date", "expires", "last_modified", "content_location",
    "content_encoding", "content_md5", "accept_ranges", "access_control_allow_origin",
    "access_control_max_age", "access_control_allow_credentials", "cross_origin_opener_policy",
    "cross_origin_embedder_policy",
]
WRITE_ATTRS = ["location", "content_type", "content_location", "content_encoding", "accept_ranges",
               "access_control_allow_origin"]
#: (``status``, ``status_code`` and ``headers``: test_delete_state_attributes.)
DELETE_ATTRS = ["location", "content_type", "content_length", "age", "date", "mimetype", "vary"]

ops = st.one_of(
    st.sampled_from(READ_ATTRS).map(read),
    st.builds(write, st.just("status"), statuses),
    st.builds(write, st.just("status_code"), statuses),
    st.builds(write, st.sampled_from(WRITE_ATTRS), SET_VALUES),
    st.builds(write, st.just("mimetype"), st.sampled_from(["text/html", "application/json", "image/png", "a/b+xml"])),
    st.builds(write, st.just("content_length"), st.sampled_from([0, 12, "7", -1, "x"])),
    st.builds(write, st.just("access_control_max_age"), st.sampled_from([0, 60, "x"])),
    st.builds(write, st.just("age"), st.sampled_from([0, 61, dt.timedelta(seconds=5), "12"])),
    st.builds(write, st.sampled_from(["date", "expires", "last_modified"]), st.sampled_from([FIXED, 0, 1e9, None])),
    st.builds(write, st.just("access_control_allow_credentials"), st.sampled_from([True, False, None, 1])),
    st.sampled_from(DELETE_ATTRS).map(delete),
    st.builds(
        lambda key, kw: lambda r, side: r.set_cookie(key, **kw),
        st.sampled_from(["a", "b", "__Host-x"]),  # refused names: HOSTILE-INPUT row 8
        COOKIE_KWARGS,
    ),
    st.builds(
        lambda key, kw: lambda r, side: r.delete_cookie(key, **kw),
        st.sampled_from(["a", "b"]),
        DELETE_KWARGS,
    ),
    st.builds(
        lambda etag, weak: lambda r, side: r.set_etag(etag, weak),
        st.sampled_from(["abc", "", "\u00e9", 'a"b', "W/x"]),
        st.booleans(),
    ),
    st.just(lambda r, side: r.get_etag()),
    st.builds(
        lambda k, v: lambda r, side: _edit_params(r, side, k, v),
        st.sampled_from(["charset", "q", "x"]),
        st.sampled_from(["utf-8", "1", "a b", "\u00e9"]),
    ),
    st.builds(lambda m: lambda r, side: _cache_control(r, side, m), st.sampled_from([0, 10, None])),
    st.builds(lambda v: lambda r, side: _vary(r, side, v), st.sampled_from(["Cookie", "Accept", "*"])),
    st.builds(
        lambda name, value: lambda r, side: r.headers.add(name, value),
        st.sampled_from(["Content-Type", "Location", "ETag", "Age", "Date", "Cache-Control", "Vary"]),
        st.sampled_from(["text/html; charset=x", "application/problem+json", "/x", '"e"', "W/\"w\"",
                         "5", "junk", "Sun, 06 Nov 1994 08:49:37 GMT", "no-cache", ""]),
    ),
)


@SETTINGS
@given(
    status=statuses.filter(lambda s: isinstance(s, (int, str)) or s is None),
    make_headers=header_inputs(),
    mimetype=mimetypes,
    steps=st.lists(ops, max_size=10),
)
def test_operations(
    twin: types.ModuleType,
    SansioResponse: type,
    status: t.Any,
    make_headers: t.Callable[[Side], t.Any],
    mimetype: t.Any,
    steps: list[t.Callable[[t.Any, Side], t.Any]],
    one_clock_second: t.Callable[[t.Callable[[], None]], None],
) -> None:
    ours_side, theirs_side = sides(twin, SansioResponse)

    def check() -> None:
        try:
            theirs = construct(theirs_side, status, make_headers, mimetype, None)
        except Exception:
            return  # test_construction compares these

        ours = construct(ours_side, status, make_headers, mimetype, None)
        assert snapshot(ours) == snapshot(theirs)

        for number, step in enumerate(steps):
            expected = outcome(lambda: step(theirs, theirs_side))
            assert (number, outcome(lambda: step(ours, ours_side))) == (number, expected)
            assert (number, snapshot(ours)) == (number, snapshot(theirs))

    one_clock_second(check)


@pytest.mark.parametrize(
    "value",
    ["", "   ", None, 2.5, b"200", [200], object(), "abc", "-5 x", 10**30, True, HTTPStatus.GONE],
    ids=repr,
)
@pytest.mark.parametrize("attr", ["status", "status_code"])
def test_status_setters(SansioResponse: type, attr: str, value: t.Any) -> None:
    """Bad values raise Werkzeug's exception kinds and leave the status alone."""
    ours, theirs = SansioResponse(201), WSR(201)
    expected = outcome(lambda: setattr(theirs, attr, value))
    assert outcome(lambda: setattr(ours, attr, value)) == expected
    assert snapshot(ours) == snapshot(theirs)


#: State the compiled class keeps in C fields, not in the instance dict.
C_FIELDS = ["headers", "_status", "_status_code"]


def _check_delete(ours: t.Any, theirs: t.Any, attr: str) -> None:
    expected = outcome(lambda: delattr(theirs, attr))
    assert (attr, outcome(lambda: delattr(ours, attr))) == (attr, expected)
    assert (attr, outcome(lambda: getattr(ours, attr))) == (attr, outcome(lambda: getattr(theirs, attr)))


@pytest.mark.parametrize("attr", ["status", "status_code", "location", "mimetype", "is_json"])
def test_delete_state_attributes(SansioResponse: type, attr: str) -> None:
    """``del`` of each state attribute: the same exception kind, or afterwards
    the same outcome when reading it again."""
    _check_delete(SansioResponse(), WSR(), attr)


@pytest.mark.parametrize("attr", C_FIELDS)
def test_delete_c_fields_on_the_pure_twin(pure_twin: types.ModuleType, attr: str) -> None:
    """The pure twin deletes them as Werkzeug does (the compiled twin:
    ``test_difference_del_of_c_fields``)."""
    _check_delete(pure_twin.sansio.response.Response(), WSR(), attr)


def test_difference_del_of_c_fields(compiled_twin: types.ModuleType) -> None:
    """The compiled twin keeps ``headers``, ``_status`` and ``_status_code`` in
    C fields (README, "Other differences"): ``del r.headers`` leaves None
    (Werkzeug removes the attribute, so reading it raises AttributeError), and
    ``del`` of the private status fields raises AttributeError and changes
    nothing (Werkzeug removes them)."""
    r = compiled_twin.sansio.response.Response(201)
    del r.headers
    assert r.headers is None

    r = compiled_twin.sansio.response.Response(201)

    for attr in ("_status", "_status_code"):
        with pytest.raises(AttributeError, match="has no deleter"):
            delattr(r, attr)

    assert (r.status, r.status_code) == ("201 CREATED", 201)


def test_location_is_stored_as_given(SansioResponse: type) -> None:
    """The I/O-free class does not convert to a URI (the WSGI one does on send)."""
    for r in (SansioResponse(), WSR()):
        r.location = "/\u2603 x?q=\u00e9"
        assert r.location == "/\u2603 x?q=\u00e9"
        assert r.headers["Location"] == "/\u2603 x?q=\u00e9"
        del r.location
        del r.location
        assert r.location is None


def test_repr(SansioResponse: type) -> None:
    name = SansioResponse.__name__
    assert repr(SansioResponse()) == f"<{name} [200 OK]>"
    assert repr(SansioResponse("299 Fine")) == f"<{name} [299 Fine]>"
    assert repr(WSR(HTTPStatus.IM_A_TEAPOT)).split(" ", 1)[1] == repr(
        SansioResponse(HTTPStatus.IM_A_TEAPOT)
    ).split(" ", 1)[1]


def test_settings_overridden_on_a_subclass(twin: types.ModuleType) -> None:
    results = []

    for base in (twin.sansio.response.Response, WSR):
        cls = type("R", (base,), {"default_status": 404, "default_mimetype": "application/json"})
        r = cls()
        results.append(snapshot(r)[:3])

        class WithStatus(base):  # type: ignore[misc,valid-type]
            @property
            def status(self) -> str:
                return "overridden " + str(self._status)

            @status.setter
            def status(self, value: t.Any) -> None:
                base.status.__set__(self, value)  # type: ignore[union-attr]  # property or C getset

        r = WithStatus(201)
        r.status_code = 202
        results.append((r.status, r.status_code))

    assert results[:2] == results[2:]


# --- pickles and copies -----------------------------------------------------------


def _sample(cls: type) -> t.Any:
    r = cls("201 Made", [("X-A", "\u00e9"), ("X-A", "2")], "text/html")
    r.set_cookie("c", "v", samesite="Lax", expires=0)
    r.location = "/\u2603"
    r.extra = {"kept": [1, 2]}
    return r


def _state(r: t.Any) -> tuple[t.Any, ...]:
    return (type(r), *snapshot(r), getattr(r, "extra", None))


@pytest.mark.parametrize("protocol", PROTOCOLS)
def test_pickle_round_trip(SansioResponse: type, protocol: int) -> None:
    r = _sample(SansioResponse)
    loaded = pickle.loads(pickle.dumps(r, protocol))
    assert _state(loaded) == _state(r)
    assert loaded.headers is not r.headers
    loaded.status_code = 404  # still a working object
    loaded.headers["X-B"] = "b"
    assert snapshot(loaded)[:2] == ("404 NOT FOUND", 404)
    assert _state(r)[1:3] == ("201 Made", 201)


def test_copies(SansioResponse: type) -> None:
    for cls in (SansioResponse, WSR):
        r = _sample(cls)
        shallow, deep = copy.copy(r), copy.deepcopy(r)
        assert _state(shallow)[1:] == _state(deep)[1:] == _state(r)[1:]
        assert shallow.headers is r.headers and shallow.extra is r.extra
        assert deep.headers is not r.headers and deep.extra is not r.extra


def test_compiled_pickle_state_is_the_pure_state(
    compiled_twin: types.ModuleType, pure_twin: types.ModuleType
) -> None:
    """The compiled class pickles the attributes a pure instance has, under the
    shim's public name, not the kernel module."""
    compiled = _sample(compiled_twin.sansio.response.Response)
    pure = _sample(pure_twin.sansio.response.Response)
    reduced = compiled.__reduce_ex__(2)
    assert reduced[1] == ("sansio.response.Response",)
    assert {k: (v if k != "headers" else items(v)) for k, v in reduced[2].items()} == {
        k: (v if k != "headers" else items(v)) for k, v in vars(pure).items()
    }
    for protocol in PROTOCOLS:
        assert b"_sansio_response" not in pickle.dumps(compiled, protocol)

    # The pure state applied to a bare compiled instance gives an equal response.
    bare = compiled_twin.sansio.response.Response.__new__(compiled_twin.sansio.response.Response)
    bare.__setstate__(dict(vars(pure)))
    assert snapshot(bare) == snapshot(pure)


def test_subclass_pickle_keeps_class_and_settings(twin: types.ModuleType) -> None:
    cls = _subclass(twin.sansio.response.Response, _kind(twin))
    r = _sample(cls)
    r.max_cookie_size = 10
    loaded = pickle.loads(pickle.dumps(r))
    assert type(loaded) is cls
    assert loaded.max_cookie_size == 10  # type: ignore[attr-defined]
    assert _state(loaded) == _state(r)


LOAD_IN_CHILD = """
import base64, json, pickle, sys
import wrappers, wrappers_pure
out = []
for blob in json.loads({payload!r}):
    r = pickle.loads(base64.b64decode(blob))
    out.append({{
        "module": type(r).__module__,
        "is_shim_class": type(r) is wrappers.sansio.response.Response,
        "is_pure_class": type(r) is wrappers_pure.sansio.response.Response,
        "headers_class": type(r.headers).__module__,
        "status": r.status, "code": r.status_code,
        "headers": [list(p) for p in r.headers.to_wsgi_list()],
        "repr": repr(r), "extra": r.extra,
    }})
print(json.dumps({{"compiled": wrappers.COMPILED, "out": out}}))
"""


def _load_in_child(
    run_python: t.Callable[..., t.Any], r: t.Any, env: dict[str, str] | None = None
) -> dict[str, t.Any]:
    blobs = [base64.b64encode(pickle.dumps(r, p)).decode("ascii") for p in PROTOCOLS]
    proc = run_python(LOAD_IN_CHILD.format(payload=json.dumps(blobs)), env=env)
    return json.loads(proc.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def _check_loaded(result: dict[str, t.Any], r: t.Any) -> None:
    assert (result["status"], result["code"]) == (r.status, r.status_code)
    assert [tuple(p) for p in result["headers"]] == items(r.headers)
    assert result["repr"] == repr(r)
    assert result["extra"] == r.extra


def test_compiled_pickle_loads_compiled(
    compiled_twin: types.ModuleType, run_python: t.Callable[..., t.Any]
) -> None:
    r = _sample(compiled_twin.sansio.response.Response)
    out = _load_in_child(run_python, r)
    assert out["compiled"] is True
    for result in out["out"]:
        assert result["module"] == "wrappers._sansio_response"
        assert result["is_shim_class"] and not result["is_pure_class"]
        _check_loaded(result, r)


def test_compiled_pickle_loads_on_the_pure_twin(
    compiled_twin: types.ModuleType, run_python: t.Callable[..., t.Any]
) -> None:
    r = _sample(compiled_twin.sansio.response.Response)
    out = _load_in_child(run_python, r, env={"WRAPPERS_NO_EXTENSIONS": "1"})
    assert out["compiled"] is False
    for result in out["out"]:
        assert result["is_shim_class"] and result["is_pure_class"]
        assert result["headers_class"].startswith("wrappers_pure.")
        _check_loaded(result, r)


@pytest.mark.parametrize("env", [{}, {"WRAPPERS_NO_EXTENSIONS": "1"}], ids=["default", "forced-pure"])
def test_pure_pickle_loads_as_the_pure_class(
    pure_twin: types.ModuleType, run_python: t.Callable[..., t.Any], env: dict[str, str]
) -> None:
    """A pure pickle names the pure module: it never becomes the compiled class."""
    r = _sample(pure_twin.sansio.response.Response)
    out = _load_in_child(run_python, r, env=env)
    for result in out["out"]:
        assert result["module"] == "wrappers_pure.sansio.response"
        assert result["is_pure_class"]
        assert result["is_shim_class"] is (not out["compiled"])
        _check_loaded(result, r)
