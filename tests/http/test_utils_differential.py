"""Differential tests: ``twin.utils.get_content_type`` and ``header_property``
against ``werkzeug.utils``.

``get_content_type`` gets random mimetypes made of the pieces its rule looks
at (``text/``, ``+xml``, the registered text types of other top-level types,
their near misses in case and spacing) and random charsets, plus wrong types;
the result or the exception class must be Werkzeug 3.1.9's.

``header_property`` is put on a small class whose ``headers`` is the side's own
Headers (``twin.Headers`` or ``werkzeug.datastructures.Headers``), with load and
dump functions, defaults and ``read_only``; the same sequence of reads, writes
and deletes must give the same values, exceptions (class names) and header
lists. A load function raising ValueError or TypeError gives the default; any
other exception passes through.
"""

from __future__ import annotations

import inspect
import types
import typing as t

import pytest
import werkzeug.datastructures
import werkzeug.utils
from hypothesis import example, given, settings
from hypothesis import strategies as st

from support import exc_kind

WUTILS = werkzeug.utils
WHeaders = werkzeug.datastructures.Headers

#: Sizes this file's runs; the rest comes from conftest's hypothesis profile.
SETTINGS = settings(max_examples=300)


def run(func: t.Callable[[], t.Any]) -> tuple[t.Any, ...]:
    try:
        return ("ok", func())
    except Exception as exc:
        return ("raise", type(exc).__name__, exc_kind(exc))


# --- get_content_type --------------------------------------------------------------

MIME_PIECES = st.sampled_from(
    ["text/", "Text/", "text", "/", "application/", "image/", "+xml", "+XML", "+xml ", "xml",
     "html", "plain", "json", "+json", "javascript", "ecmascript", "sql", "xml-dtd",
     "xml-external-parsed-entity", " ", ";", "charset=x", "\u00e9", "*", "\x00"]
)
mimetypes = st.one_of(
    st.sampled_from(
        ["text/html", "text/plain", "application/javascript", "application/ecmascript",
         "application/sql", "application/xml", "application/xml-dtd",
         "application/xml-external-parsed-entity", "image/svg+xml", "application/atom+xml",
         "application/json", "application/octet-stream", "Application/XML", " text/html",
         "application/javascript; x=1", "text/", "+xml", "", "application/xhtml+xml"]
    ),
    st.lists(MIME_PIECES, max_size=5).map("".join),
)
charsets = st.one_of(st.sampled_from(["utf-8", "latin-1", "", "UTF-8; x=y"]), st.text(max_size=6))


@SETTINGS
@given(mimetype=mimetypes, charset=charsets)
@example(mimetype="text/html", charset="utf-8")
@example(mimetype="application/xml-dtd", charset="x")
def test_get_content_type(twin: types.ModuleType, mimetype: str, charset: str) -> None:
    ours = run(lambda: twin.utils.get_content_type(mimetype, charset))
    assert ours == run(lambda: WUTILS.get_content_type(mimetype, charset))


@pytest.mark.parametrize(
    ("mimetype", "charset"),
    [(None, "utf-8"), (b"text/html", "utf-8"), ("text/html", None), ("text/html", 5), (5, "x"),
     ("image/png", None)],
)
def test_get_content_type_wrong_types(
    twin: types.ModuleType, mimetype: t.Any, charset: t.Any
) -> None:
    ours = run(lambda: twin.utils.get_content_type(mimetype, charset))
    assert ours == run(lambda: WUTILS.get_content_type(mimetype, charset))


# --- header_property ------------------------------------------------------------------


def _int_or_key_error(value: str) -> int:
    if value == "key":
        raise KeyError(value)  # not swallowed: only ValueError and TypeError are
    return int(value)


def _load_list(value: str) -> list[str]:
    return value.split(",")


def _dump_list(value: t.Any) -> str:
    return ",".join(value)  # TypeError for a list holding non-str


#: name -> (header, args after the name); each side builds its property from it.
PROPERTIES: dict[str, tuple[str, dict[str, t.Any]]] = {
    "plain": ("X-Plain", {}),
    "with_default": ("X-Default", {"default": "dflt"}),
    "number": ("X-Number", {"default": -1, "load_func": int, "dump_func": str}),
    "strict_number": ("X-Strict", {"load_func": _int_or_key_error}),
    "listed": ("X-List", {"default": [], "load_func": _load_list, "dump_func": _dump_list}),
    "read_only": ("X-Read-Only", {"default": "ro", "read_only": True, "doc": "A doc."}),
    "writable": ("X-Writable", {"read_only": False}),
    "same_header": ("x-plain", {"load_func": str.upper}),
}


def make_class(utils: types.ModuleType, headers_cls: type) -> type:
    namespace: dict[str, t.Any] = {
        name: utils.header_property(header, **kwargs)
        for name, (header, kwargs) in PROPERTIES.items()
    }

    def __init__(self: t.Any, pairs: list[tuple[str, str]]) -> None:
        self.headers = headers_cls(pairs)

    namespace["__init__"] = __init__
    return type("Holder", (), namespace)


def werkzeug_class() -> type:
    return make_class(WUTILS, WHeaders)


def our_class(twin: types.ModuleType) -> type:
    return make_class(twin.utils, twin.Headers)


HEADER_NAMES = st.sampled_from([h for h, _ in PROPERTIES.values()] + ["X-NUMBER", "x-list"])
HEADER_VALUES = st.one_of(
    st.sampled_from(["", "1", "-7", " 42 ", "1.5", "abc", "key", "a,b", "\u0663", "\u00e9"]),
    st.text(max_size=5),
)
VALUES = st.one_of(
    HEADER_VALUES,
    st.integers(-5, 5),
    st.none(),
    st.lists(st.sampled_from(["a", "b", "\u00e9"]), max_size=3),
    st.lists(st.integers(0, 2), min_size=1, max_size=2),
    st.sampled_from(["a\nb", "a\rb", "a\x00b"]),
)
OPS = st.one_of(
    st.tuples(st.just("get"), st.sampled_from(sorted(PROPERTIES))),
    st.tuples(st.just("set"), st.sampled_from(sorted(PROPERTIES)), VALUES),
    st.tuples(st.just("del"), st.sampled_from(sorted(PROPERTIES))),
    st.tuples(st.just("add"), HEADER_NAMES, HEADER_VALUES),
)


def apply(obj: t.Any, op: tuple[t.Any, ...]) -> t.Any:
    if op[0] == "get":
        return getattr(obj, op[1])
    if op[0] == "set":
        setattr(obj, op[1], op[2])
        return None
    if op[0] == "del":
        delattr(obj, op[1])
        return None
    obj.headers.add(op[1], op[2])
    return None


def state(obj: t.Any) -> list[tuple[str, str]]:
    return list(obj.headers.items())


@SETTINGS
@given(
    pairs=st.lists(st.tuples(HEADER_NAMES, HEADER_VALUES), max_size=4),
    ops=st.lists(OPS, max_size=12),
)
@example(pairs=[("X-Number", "abc")], ops=[("get", "number")])
@example(pairs=[("X-Strict", "key")], ops=[("get", "strict_number")])
@example(pairs=[], ops=[("set", "read_only", "x"), ("del", "read_only"), ("get", "read_only")])
@example(pairs=[("X-Plain", "a"), ("x-plain", "b")], ops=[("get", "plain"), ("get", "same_header"), ("del", "plain"), ("get", "plain")])
def test_header_property_ops(
    twin: types.ModuleType, pairs: list[tuple[str, str]], ops: list[tuple[t.Any, ...]]
) -> None:
    made = run(lambda: our_class(twin)(pairs))
    made_w = run(lambda: werkzeug_class()(pairs))

    if made[0] == "raise" or made_w[0] == "raise":  # a newline in a value
        assert made == made_w
        return

    ours = our_class(twin)(pairs)
    theirs = werkzeug_class()(pairs)

    for op in ops:
        assert (op, run(lambda: apply(ours, op))) == (op, run(lambda: apply(theirs, op)))
        assert state(ours) == state(theirs)


@pytest.mark.parametrize(
    ("pairs", "name", "expected"),
    [
        ([], "plain", None),
        ([], "with_default", "dflt"),
        ([], "number", -1),
        ([("X-Number", "12")], "number", 12),
        ([("x-number", " 12 ")], "number", 12),
        ([("X-Number", "twelve")], "number", -1),  # ValueError: the default
        ([("X-List", "a,b")], "listed", ["a", "b"]),
        ([("X-Plain", "a"), ("X-Plain", "b")], "plain", "a"),  # the first one
        ([("X-Plain", "")], "with_default", "dflt"),  # a different header
        ([("X-Default", "")], "with_default", ""),  # present, if empty
    ],
)
def test_header_property_reads(
    twin: types.ModuleType, pairs: list[tuple[str, str]], name: str, expected: t.Any
) -> None:
    assert getattr(werkzeug_class()(pairs), name) == expected
    assert getattr(our_class(twin)(pairs), name) == expected


def test_header_property_load_errors(twin: types.ModuleType) -> None:
    """ValueError and TypeError give the default; KeyError passes through."""

    def type_error(value: str) -> t.Any:
        raise TypeError(value)

    for utils, headers_cls in ((twin.utils, twin.Headers), (WUTILS, WHeaders)):
        holder = type(
            "H",
            (),
            {
                "te": utils.header_property("X", "d", type_error),
                "ke": utils.header_property("X", "d", _int_or_key_error),
            },
        )()
        holder.headers = headers_cls([("X", "key")])
        assert holder.te == "d"
        with pytest.raises(KeyError):
            holder.ke


def test_header_property_read_only(twin: types.ModuleType) -> None:
    for cls in (our_class(twin), werkzeug_class()):
        obj = cls([("X-Read-Only", "v")])
        with pytest.raises(AttributeError, match="read only property"):
            obj.read_only = "w"
        with pytest.raises(AttributeError, match="read only property"):
            del obj.read_only
        assert obj.read_only == "v"
        assert state(obj) == [("X-Read-Only", "v")]


def test_header_property_write_and_delete(twin: types.ModuleType) -> None:
    for cls in (our_class(twin), werkzeug_class()):
        obj = cls([("X-Number", "1"), ("x-number", "2"), ("X-Other", "o")])
        obj.number = 7  # replaces every line, in the first one's place
        assert state(obj) == [("X-Number", "7"), ("X-Other", "o")]
        del obj.number
        del obj.number  # a missing header is no error
        assert state(obj) == [("X-Other", "o")]
        assert obj.number == -1
        with pytest.raises(ValueError):
            obj.plain = "a\nb"
        assert state(obj) == [("X-Other", "o")]


def test_header_property_descriptor(twin: types.ModuleType) -> None:
    ours, theirs = our_class(twin), werkzeug_class()

    for name, (header, kwargs) in PROPERTIES.items():
        a, b = ours.__dict__[name], theirs.__dict__[name]
        assert getattr(ours, name) is a and getattr(theirs, name) is b
        assert repr(a) == repr(b) == f"<header_property {header}>"
        assert (a.name, a.default, a.load_func, a.dump_func, a.read_only, a.__doc__) == (
            b.name, b.default, b.load_func, b.dump_func, b.read_only, b.__doc__,
        )
        assert a.read_only is kwargs.get("read_only", False)

    assert twin.utils.header_property.read_only is WUTILS.header_property.read_only is False
    assert twin.utils.header_property[str] is not None  # generic, like Werkzeug's


def test_header_property_on_a_plain_dict(twin: types.ModuleType) -> None:
    """``lookup`` gives whatever ``headers`` is; with a dict, a key whose value
    is None is present (Werkzeug asks ``in`` and then ``[]``)."""
    results = []

    for utils in (twin.utils, WUTILS):
        holder = type(
            "H",
            (),
            {
                "raw": utils.header_property("X", "d"),
                "loaded": utils.header_property("X", "d", str),
                "missing": utils.header_property("x", "d"),
            },
        )()
        holder.headers = {"X": None}
        results.append((holder.raw, holder.loaded, holder.missing))

    assert results[1] == (None, "None", "d")  # Werkzeug
    assert results[0] == results[1]


def test_header_property_custom_lookup(twin: types.ModuleType) -> None:
    """A subclass may read another mapping by overriding ``lookup``."""
    results = []

    for utils, headers_cls in ((twin.utils, twin.Headers), (WUTILS, WHeaders)):

        class TrailerProperty(utils.header_property):  # type: ignore[name-defined,misc]
            def lookup(self, obj: t.Any) -> t.Any:
                return obj.trailers

        holder = type("H", (), {"t": TrailerProperty("X", "d", int, str)})()
        holder.headers = headers_cls([("X", "1")])
        holder.trailers = headers_cls([("X", "2")])
        before = holder.t
        holder.t = 5
        results.append((before, list(holder.headers.items()), list(holder.trailers.items())))

    assert results[0] == results[1] == (2, [("X", "1")], [("X", "5")])


def _params(func: t.Any) -> list[tuple[str, t.Any, t.Any]]:
    return [(p.name, p.kind, p.default) for p in inspect.signature(func).parameters.values()]


def test_signatures_match_werkzeug(twin: types.ModuleType) -> None:
    assert _params(twin.utils.get_content_type) == _params(WUTILS.get_content_type)
    assert _params(twin.utils.header_property) == _params(WUTILS.header_property)
    assert _params(twin.utils.environ_property) == _params(WUTILS.environ_property)
    assert _params(twin.utils.cached_property) == _params(WUTILS.cached_property)


def test_all(twin: types.ModuleType) -> None:
    assert sorted(twin.utils.__all__) == [
        "cached_property",
        "environ_property",
        "get_content_type",
        "header_property",
    ]


@pytest.mark.parametrize("source", ["twin", "werkzeug"])
def test_cached_property(twin: types.ModuleType, source: str) -> None:
    cached_property = twin.utils.cached_property if source == "twin" else WUTILS.cached_property
    calls = []

    class Thing:
        @cached_property
        def value(self) -> int:
            """The value."""
            calls.append(1)
            return len(calls)

    thing = Thing()
    assert Thing.value.__doc__ == "The value."
    assert Thing.value.__name__ == "value"
    assert isinstance(Thing.value, property)
    assert (thing.value, thing.value) == (1, 1)
    assert thing.__dict__["value"] == 1
    thing.value = 5
    assert thing.value == 5
    del thing.value
    assert thing.value == 2
    with pytest.raises(KeyError):
        del Thing().value

    class Slotted:
        __slots__ = ("_cache_value",)

        @cached_property
        def value(self) -> str:
            return "computed"

    slotted = Slotted()
    assert slotted.value == "computed"
    slotted.value = "set"
    assert slotted.value == "set"


@pytest.mark.parametrize("source", ["twin", "werkzeug"])
def test_environ_property(twin: types.ModuleType, source: str) -> None:
    environ_property = twin.utils.environ_property if source == "twin" else WUTILS.environ_property

    class Req:
        def __init__(self, environ: dict[str, t.Any]) -> None:
            self.environ = environ

        user = environ_property("REMOTE_USER")
        port = environ_property("SERVER_PORT", 0, int)
        writable = environ_property("X", read_only=False)

    req = Req({"REMOTE_USER": "bob", "SERVER_PORT": "abc"})
    assert req.user == "bob"
    assert req.port == 0
    assert Req({"SERVER_PORT": "81"}).port == 81
    assert Req({}).user is None
    with pytest.raises(AttributeError):
        req.user = "eve"
    with pytest.raises(AttributeError):
        del req.user
    req.writable = "1"
    assert req.environ["X"] == "1"
    del req.writable
    assert "X" not in req.environ
