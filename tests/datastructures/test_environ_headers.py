"""``EnvironHeaders``: the read-only Headers view of a WSGI environ, on both
twins (and a trivial subclass), against Werkzeug's.

The hypothesis differential draws environs with ``HTTP_*`` keys (odd names
too: digits, lower case, non-ASCII, empty), ``CONTENT_*`` keys with empty and
non-empty values, the prefixed ``HTTP_CONTENT_*`` spellings and unrelated keys,
and looks names up in random case with ``-`` or ``_``; values, iteration order,
``len`` and exception kinds must be Werkzeug's.

One deliberate difference is pinned: a missing name raises
``BadRequestKeyError`` (a ``KeyError``) where Werkzeug lets the environ's plain
``KeyError`` escape.
"""

from __future__ import annotations

import copy
import gc
import pickle
import sys
import types
import typing as t
import weakref

import pytest
import werkzeug.datastructures
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import make_subclass
from support import outcome

WEH = werkzeug.datastructures.EnvironHeaders
PROTOCOLS = list(range(pickle.HIGHEST_PROTOCOL + 1))

ENVIRON = {
    "REQUEST_METHOD": "GET",
    "PATH_INFO": "/",
    "SERVER_NAME": "localhost",
    "HTTP_HOST": "localhost",
    "HTTP_USER_AGENT": "Mozilla/5.0",
    "HTTP_COOKIE": "a=b",
    "CONTENT_TYPE": "text/plain",
    "CONTENT_LENGTH": "",
    "HTTP_CONTENT_TYPE": "ignored",
    "HTTP_X_FORWARDED_FOR": "1.2.3.4",
    "HTTP_X_1A": "digits",
    "wsgi.url_scheme": "http",
}


@pytest.fixture(scope="session", params=["base", "subclass"])
def EnvironHeaders(request: pytest.FixtureRequest, twin: types.ModuleType) -> type:  # noqa: N802
    """``twin.datastructures.EnvironHeaders``, or a trivial subclass of it."""
    cls = twin.datastructures.EnvironHeaders

    if request.param == "base":
        return cls  # type: ignore[no-any-return]

    return make_subclass(twin, cls, "SubEnvironHeaders")


def lookups(h: t.Any, name: t.Any) -> list[tuple[t.Any, ...]]:
    return [
        outcome(lambda: h[name]),
        outcome(lambda: h.get(name)),
        outcome(lambda: h.get(name, "dflt")),
        outcome(lambda: h.get(name, -1, type=int)),
        outcome(lambda: name in h),
        outcome(lambda: h.getlist(name)),
        outcome(lambda: h.get_all(name)),
    ]


def views(h: t.Any) -> list[tuple[t.Any, ...]]:
    return [
        outcome(lambda: list(h)),
        outcome(lambda: len(h)),
        outcome(lambda: bool(h)),
        outcome(lambda: list(h.items())),
        outcome(lambda: list(h.items(lower=True))),
        outcome(lambda: list(h.keys())),
        outcome(lambda: list(h.keys(lower=True))),
        outcome(lambda: list(h.values())),
        outcome(lambda: h.to_wsgi_list()),
        outcome(lambda: str(h)),
        outcome(lambda: repr(h).split("(", 1)[1]),
    ]


# --- reading --------------------------------------------------------------------------


def test_reads_the_environ(EnvironHeaders: type) -> None:  # noqa: N803
    h = EnvironHeaders(ENVIRON)
    assert h["User-Agent"] == "Mozilla/5.0"
    assert h["user-agent"] == h["USER_AGENT"] == h["uSeR_aGeNt"] == "Mozilla/5.0"
    assert h.get("Cookie") == "a=b"
    assert h["Content-Type"] == "text/plain"
    # An empty CONTENT_LENGTH is found by name but not yielded.
    assert h["Content-Length"] == ""
    assert "Content-Length" in h
    assert h.get("content-length", type=int) is None
    assert list(h) == [
        ("Host", "localhost"),
        ("User-Agent", "Mozilla/5.0"),
        ("Cookie", "a=b"),
        ("Content-Type", "text/plain"),
        ("X-Forwarded-For", "1.2.3.4"),
        ("X-1A", "digits"),
    ]
    assert len(h) == 6
    assert h.getlist("x-forwarded-for") == ["1.2.3.4"]
    assert h.to_wsgi_list() == list(h)
    assert str(h).startswith("Host: localhost\r\nUser-Agent: Mozilla/5.0\r\n")
    assert repr(h) == f"{type(h).__name__}({list(h)!r})"
    assert h.environ is ENVIRON


def test_same_as_werkzeug(EnvironHeaders: type) -> None:  # noqa: N803
    ours, theirs = EnvironHeaders(ENVIRON), WEH(ENVIRON)
    assert views(ours) == views(theirs)

    for name in ["Host", "user-agent", "CONTENT_TYPE", "Content-Length", "Http-Content-Type",
                 "X-1a", "missing", "", 0, 1, None, slice(0, 1), b"Host"]:  # fmt: skip
        assert lookups(ours, name) == lookups(theirs, name), name


def test_follows_the_environ(EnvironHeaders: type) -> None:  # noqa: N803
    environ = {"HTTP_A": "1"}
    h = EnvironHeaders(environ)
    environ["HTTP_B"] = "2"
    assert h["b"] == "2" and len(h) == 2
    del environ["HTTP_A"]
    assert "a" not in h and list(h) == [("B", "2")]


def test_index_and_slice_are_missing_keys(twin: types.ModuleType, EnvironHeaders: type) -> None:  # noqa: N803
    h = EnvironHeaders({"HTTP_A": "1"})

    for key in (0, -1, slice(None), 1.5, None):
        with pytest.raises(twin.exceptions.BadRequestKeyError):
            h[key]

        assert h.get(key, "d") == "d"
        assert key not in h


def test_missing_name_is_bad_request_key_error(
    twin: types.ModuleType, EnvironHeaders: type  # noqa: N803
) -> None:
    h = EnvironHeaders({})

    with pytest.raises(twin.exceptions.BadRequestKeyError) as info:
        h["X-Missing"]

    assert isinstance(info.value, KeyError)
    assert info.value.code == 400
    assert info.value.args == ("X-Missing",)

    # Werkzeug 3.1.9: the environ's own KeyError, for the prefixed key.
    with pytest.raises(KeyError) as wz:
        WEH({})["X-Missing"]

    assert type(wz.value) is KeyError
    assert wz.value.args == ("HTTP_X_MISSING",)


def test_get_type_semantics_are_headers(EnvironHeaders: type) -> None:  # noqa: N803
    h = EnvironHeaders({"HTTP_N": "12", "HTTP_X": "abc"})
    assert h.get("n", type=int) == 12
    assert h.get("x", 0, type=int) == 0

    def boom(value: str) -> int:
        raise TypeError(value)

    # Only ValueError gives the default, as in Headers.get.
    with pytest.raises(TypeError):
        h.get("n", type=boom)

    assert h.getlist("n", type=int) == [12]
    assert h.getlist("x", type=int) == []


def test_non_ascii_and_odd_names(EnvironHeaders: type) -> None:  # noqa: N803
    environ = {
        "HTTP_SS": "sharp s",
        "HTTP_SUPER": "long s",
        "HTTP_X_\xe9": "latin-1",
        "HTTP_": "empty",
        "HTTP_A__B": "two underscores",
        "HTTP_" + "A" * 300: "long",
    }
    ours, theirs = EnvironHeaders(environ), WEH(environ)
    names = ["\xdf", "SS", "\u017fuper", "x-\xe9", "X-\xc9", "", "a--b", "A_-B", "a" * 300,
             "A" * 256, "\u0130", "\u212a", "x-\udcff", "\x00"]  # fmt: skip

    for name in names:
        assert lookups(ours, name) == lookups(theirs, name), repr(name)

    assert ours["\xdf"] == "sharp s"  # "ß".upper() is "SS"
    assert ours["\u017fuper"] == "long s"  # LONG S upper-cases to ASCII "S"
    assert ours["a" * 300] == "long"
    assert views(ours) == views(theirs)


def test_str_subclass_names_keep_their_methods(EnvironHeaders: type) -> None:  # noqa: N803
    class Loud(str):
        def upper(self) -> str:
            return "SHOUT"

    h = EnvironHeaders({"HTTP_SHOUT": "yes", "HTTP_QUIET": "no"})
    assert h[Loud("quiet")] == "yes"
    assert WEH(h.environ)[Loud("quiet")] == "yes"


def test_environ_that_is_not_a_dict(EnvironHeaders: type) -> None:  # noqa: N803
    class Environ(dict):  # type: ignore[type-arg]
        def __getitem__(self, key: str) -> t.Any:
            return super().__getitem__(key) + "!"

    environ = Environ(HTTP_A="1")
    h = EnvironHeaders(environ)
    assert h["a"] == "1!" == WEH(environ)["a"]
    assert h.get("b") is None

    with pytest.raises(TypeError):
        EnvironHeaders(None)["a"]


def test_non_string_environ_keys(EnvironHeaders: type) -> None:  # noqa: N803
    environ: dict[t.Any, str] = {"HTTP_A": "1", 5: "x"}
    ours, theirs = EnvironHeaders(environ), WEH(environ)
    assert views(ours) == views(theirs)
    assert views(ours)[0] == ("raise", "AttributeError", [])
    assert ours["a"] == "1"


def test_len_follows_an_overridden_iter(twin: types.ModuleType) -> None:
    class Fewer(twin.datastructures.EnvironHeaders):  # type: ignore[name-defined,misc]
        def __iter__(self) -> t.Iterator[tuple[str, str]]:
            yield ("Only", "one")

    h = Fewer({"HTTP_A": "1", "HTTP_B": "2"})
    assert len(h) == 1
    assert h.to_wsgi_list() == [("Only", "one")]
    assert h.getlist("only") == ["one"]


# --- read-only ----------------------------------------------------------------------


MUTATORS: list[tuple[str, tuple[t.Any, ...], dict[str, t.Any]]] = [
    ("add", ("X", "1"), {}),
    ("add", ("X", "1"), {"a": "b"}),
    ("add_header", ("X", "1"), {}),
    ("set", ("X", "1"), {}),
    ("setlist", ("X", ["1"]), {}),
    ("extend", ({"X": "1"},), {}),
    ("update", ({"X": "1"},), {}),
    ("remove", ("A",), {}),
    ("pop", (), {}),
    ("pop", ("A",), {}),
    ("pop", ("A", None), {}),
    ("popitem", (), {}),
    ("setdefault", ("A", "1"), {}),
    ("setlistdefault", ("A", ["1"]), {}),
    ("insert", (0, ("X", "1")), {}),
    ("__setitem__", ("A", "1"), {}),
    ("__delitem__", ("A",), {}),
    ("__ior__", ({"X": "1"},), {}),
    ("__or__", ({"X": "1"},), {}),
    ("copy", (), {}),
    ("__copy__", (), {}),
]


@pytest.mark.parametrize(("method", "args", "kwargs"), MUTATORS)
def test_mutators_raise_type_error(
    EnvironHeaders: type,  # noqa: N803
    method: str,
    args: tuple[t.Any, ...],
    kwargs: dict[str, t.Any],
) -> None:
    environ = {"HTTP_A": "1"}
    ours, theirs = EnvironHeaders(environ), WEH(environ)
    got = outcome(lambda: getattr(ours, method)(*args, **kwargs))
    assert got == ("raise", "TypeError", [])
    assert got == outcome(lambda: getattr(theirs, method)(*args, **kwargs))
    assert environ == {"HTTP_A": "1"}


def test_operators_raise(EnvironHeaders: type) -> None:  # noqa: N803
    h = EnvironHeaders({"HTTP_A": "1"})

    with pytest.raises(TypeError, match="immutable"):
        h["A"] = "2"

    with pytest.raises(TypeError, match="immutable"):
        del h["A"]

    with pytest.raises(TypeError, match="copies"):
        h | {}

    with pytest.raises(TypeError, match="immutable"):
        h |= {}

    with pytest.raises(TypeError, match="copies"):
        copy.copy(h)


def test_clear_does_nothing_as_in_werkzeug(EnvironHeaders: type) -> None:  # noqa: N803
    environ = {"HTTP_A": "1"}
    h = EnvironHeaders(environ)
    assert h.clear() is None
    assert WEH(environ).clear() is None
    assert list(h) == [("A", "1")]


# --- equality, class, pickling ------------------------------------------------------


def test_equality_is_the_same_environ(EnvironHeaders: type, twin: types.ModuleType) -> None:  # noqa: N803
    environ = {"HTTP_A": "1"}
    h = EnvironHeaders(environ)
    assert h == EnvironHeaders(environ)
    assert h == twin.datastructures.EnvironHeaders(environ)
    assert h != EnvironHeaders(dict(environ))
    assert h != twin.Headers([("A", "1")])
    assert twin.Headers([("A", "1")]) != h
    assert h != WEH(environ)

    with pytest.raises(TypeError):
        hash(h)


def test_is_a_headers_object(twin: types.ModuleType, EnvironHeaders: type) -> None:  # noqa: N803
    h = EnvironHeaders({})
    assert isinstance(h, twin.Headers)
    assert isinstance(h, twin.datastructures.Headers)
    assert isinstance(h, twin.datastructures.ImmutableHeadersMixin)
    assert issubclass(twin.datastructures.EnvironHeaders, twin.Headers)
    assert type(EnvironHeaders) is type


def test_plain_python_class(EnvironHeaders: type) -> None:  # noqa: N803
    h = EnvironHeaders({"HTTP_A": "1"})
    h.extra = 1
    assert vars(h)["extra"] == 1
    assert weakref.ref(h)() is h
    h.environ = {"HTTP_B": "2"}
    assert list(h) == [("B", "2")]
    EnvironHeaders.marker = 5  # type: ignore[attr-defined]

    try:
        assert h.marker == 5
    finally:
        del EnvironHeaders.marker  # type: ignore[attr-defined]


def test_a_subclass_can_override_lookups(twin: types.ModuleType) -> None:
    class Defaulting(twin.datastructures.EnvironHeaders):  # type: ignore[name-defined,misc]
        def get(self, key: str, default: t.Any = "none", type: t.Any = None) -> t.Any:
            return super().get(key, default, type)

    h = Defaulting({"HTTP_A": "1"})
    assert h.get("a") == "1"
    assert h.get("b") == "none"
    sub = type("Sub", (twin.datastructures.EnvironHeaders,), {})
    h2 = twin.datastructures.EnvironHeaders({"HTTP_A": "1"})
    h2.__class__ = sub
    assert h2["a"] == "1"


@pytest.mark.parametrize("protocol", PROTOCOLS)
def test_pickle_round_trip(EnvironHeaders: type, protocol: int) -> None:  # noqa: N803
    h = EnvironHeaders({"HTTP_A": "1", "CONTENT_TYPE": "x"})
    h.extra = [1]
    loaded = pickle.loads(pickle.dumps(h, protocol))
    assert type(loaded) is type(h)
    assert loaded.environ == h.environ and loaded.environ is not h.environ
    assert loaded.extra == [1]
    assert list(loaded) == list(h)
    assert loaded["a"] == "1"


def test_deepcopy(EnvironHeaders: type) -> None:  # noqa: N803
    environ = {"HTTP_A": "1"}
    h = EnvironHeaders(environ)
    c = copy.deepcopy(h)
    assert type(c) is type(h)
    assert c.environ == environ and c.environ is not environ
    assert c != h
    w = copy.deepcopy(WEH(environ))
    assert list(w) == list(c)


def test_compiled_pickle_loads_on_the_pure_twin(
    compiled_twin: types.ModuleType, pure_twin: types.ModuleType, run_python: t.Any
) -> None:
    h = compiled_twin.datastructures.EnvironHeaders({"HTTP_A": "1"})
    data = pickle.dumps(h, 2)
    assert b"wrappers._headers" not in data
    code = (
        "import pickle, sys, wrappers, wrappers_pure; "
        f"h = pickle.loads({data!r}); "
        "assert wrappers.COMPILED is False; "
        "assert type(h) is wrappers_pure.datastructures.EnvironHeaders, type(h); "
        "print(list(h))"
    )
    out = run_python(code, env={"WRAPPERS_NO_EXTENSIONS": "1"}).stdout
    assert "[('A', '1')]" in out


# --- differential against Werkzeug ----------------------------------------------------


NAME_CHARS = st.sampled_from(list("ABCXYZ_19ab-") + ["\xe9", "\xdf", "\u017f", "\u0130"])
HTTP_KEYS = st.builds(lambda s: "HTTP_" + s, st.text(NAME_CHARS, max_size=8))
OTHER_KEYS = st.sampled_from(
    ["CONTENT_TYPE", "CONTENT_LENGTH", "HTTP_CONTENT_TYPE", "HTTP_CONTENT_LENGTH",
     "SERVER_NAME", "wsgi.input", "HTTP", "http_x", "QUERY_STRING"]  # fmt: skip
)
VALUES = st.sampled_from(["", "1", "text/html", "x, y", "0", " 12 "])
ENVIRONS = st.dictionaries(st.one_of(HTTP_KEYS, OTHER_KEYS), VALUES, max_size=8)


@st.composite
def cased_name(draw: st.DrawFn, environ: dict[str, str]) -> str:
    """A name for a key of ``environ`` (or a random one), in random case, with
    ``-`` or ``_``."""
    keys = [k for k in environ if k.startswith("HTTP_")] + ["CONTENT_TYPE", "CONTENT_LENGTH"]
    base = draw(st.one_of(st.sampled_from(keys), st.text(NAME_CHARS, max_size=8)))
    if base.startswith("HTTP_") and draw(st.booleans()):
        base = base[5:]
    chars = []
    for c in base:
        if c == "_" and draw(st.booleans()):
            c = "-"
        chars.append(c.lower() if draw(st.booleans()) else c)
    return "".join(chars)


@given(st.data())
@settings(max_examples=150)
def test_differential(EnvironHeaders: type, data: st.DataObject) -> None:  # noqa: N803
    environ = data.draw(ENVIRONS)
    ours, theirs = EnvironHeaders(environ), WEH(environ)
    assert views(ours) == views(theirs)

    for _ in range(4):
        name = data.draw(cased_name(environ))
        assert lookups(ours, name) == lookups(theirs, name), repr(name)


# --- the compiled twin's references ---------------------------------------------------


def _exercise(cls: t.Any, environ: dict[str, t.Any], name: str) -> None:
    h = cls(environ)
    h[name]
    h.get(name)
    h.get(name, type=int)
    h.get("Missing-" + name, name)
    assert name in h and "missing" not in h
    h.getlist(name)
    list(h)
    len(h)
    h.to_wsgi_list()
    h == cls(environ)  # noqa: B015
    pickle.loads(pickle.dumps(h))
    copy.deepcopy(h)

    for call in (lambda: h["missing"], lambda: h[0], lambda: h.add(name, name), h.copy):
        try:
            call()
        except (KeyError, TypeError):
            pass
        else:  # pragma: no cover - each call above must fail
            raise AssertionError("expected an error")


@pytest.mark.skipif(not hasattr(sys, "getrefcount"), reason="no reference counts here")
def test_no_reference_leaks(compiled_twin: types.ModuleType) -> None:
    cls = compiled_twin.datastructures.EnvironHeaders
    # Fresh objects (not interned), so only this test references them.
    name = "".join(["X-", "Leak", "-Name"])
    value = "".join(["leak ", "value"])
    odd = "".join(["\xdf", "x"])
    environ = {"HTTP_X_LEAK_NAME": value, "HTTP_SSX": value, "CONTENT_TYPE": value}
    # Warm-up: the interpreter's free lists and caches settle (a few hundred
    # blocks, once); a leak grows the counts on every call after that.
    for _ in range(500):
        _exercise(cls, environ, name)
        _exercise(cls, environ, odd)

    gc.collect()
    before = [sys.getrefcount(o) for o in (name, value, odd, environ)]
    blocks = sys.getallocatedblocks()

    for _ in range(2000):
        _exercise(cls, environ, name)
        _exercise(cls, environ, odd)

    gc.collect()
    assert [sys.getrefcount(o) for o in (name, value, odd, environ)] == before
    # A leak of one block a call would be 4,000 or more; the allocator's own
    # noise is up to about 150 blocks.
    assert sys.getallocatedblocks() - blocks < 1000


@pytest.mark.parametrize(
    ("name", "type_"),
    [("Cookie", None), ("COOKIE", None), ("x-a", None), ("X_A", None), ("n", int),
     ("Content-Type", None), ("content-length", int), ("Content-Length", None), ("", None)],
)
def test_getlist_every_key_that_names_the_header(
    EnvironHeaders: type, name: str, type_: t.Any  # noqa: N803
) -> None:
    """getlist follows iteration: every environ key whose header name matches
    counts (``HTTP_COOKIE`` and ``HTTP_cookie`` both name ``Cookie``), in
    environ order; ``HTTP_CONTENT_*`` never, empty ``CONTENT_*`` values not."""
    environ = {
        "HTTP_COOKIE": "a=1",
        "HTTP_X_A": "x1",
        "HTTP_cookie": "b=2",
        "HTTP_N": "7",
        "HTTP_n": "seven",
        "CONTENT_TYPE": "text/plain",
        "HTTP_CONTENT_TYPE": "ignored",
        "CONTENT_LENGTH": "",
        "HTTP_X-A": "x2",
        "HTTP_": "empty name",
    }
    ours = EnvironHeaders(environ).getlist(name, type_)
    assert ours == WEH(environ).getlist(name, type_)
    assert ours == [v for k, v in WEH(environ) if k.lower() == name.lower()] or type_ is not None
