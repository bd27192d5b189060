"""Behaviour of ``Headers``, on both twins and on a subclass, checked against Werkzeug.

Most tests build our ``Headers`` and Werkzeug's from the same input, run the
same operation on both, and compare what comes back (return value or the kind
of exception) and the resulting list of items. The few rules where we are
stricter than Werkzeug (header names) are pinned on their own.
"""

from __future__ import annotations

import collections.abc as cabc
import copy
import types
import typing as t
import weakref

import pytest
import werkzeug.datastructures
import werkzeug.http

from support import exc_kind

WH = werkzeug.datastructures.Headers
MultiDict = werkzeug.datastructures.MultiDict

ITEMS = [
    ("Content-Type", "text/plain"),
    ("X-A", "1"),
    ("x-a", "2"),
    ("Set-Cookie", "c=1"),
]


# --- comparing with Werkzeug --------------------------------------------------


def normalise(value: t.Any, classes: tuple[type, ...]) -> t.Any:
    if isinstance(value, classes):
        return ("<Headers>", list(value))
    if isinstance(value, cabc.Iterator):
        return ("<iterator>", list(value))
    return value


def outcome(
    func: t.Callable[[], t.Any], classes: tuple[type, ...] = (WH,)
) -> tuple[str, t.Any]:
    try:
        result = func()
    except Exception as exc:
        return ("raises", exc_kind(exc))
    return ("returns", normalise(result, classes))


def same(
    Headers: type,  # noqa: N803
    op: t.Callable[[t.Any], t.Any],
    init: t.Callable[[], t.Any] | None = None,
) -> tuple[t.Any, tuple[str, t.Any]]:
    """Run ``op`` on ours and on Werkzeug's Headers built from ``init()``.

    Asserts that both return equal (normalised) results or raise the same kind
    of exception, and end with the same items. Returns ``(ours, outcome)``.
    """
    ours = Headers() if init is None else Headers(init())
    theirs = WH() if init is None else WH(init())
    assert list(ours) == list(theirs)

    results: list[t.Any] = []

    def record(h: t.Any) -> t.Callable[[], t.Any]:
        def call() -> t.Any:
            rv = op(h)
            results.append(rv)
            return rv

        return call

    got = outcome(record(ours), (Headers,))
    expected = outcome(record(theirs), (WH,))
    assert got == expected
    assert list(ours) == list(theirs)

    if got[0] == "returns" and isinstance(results[1], WH):
        assert type(results[0]) is Headers, (
            "a new Headers must be of the caller's class"
        )

    return ours, got


def items_init() -> list[tuple[str, str]]:
    return list(ITEMS)


# --- construction -------------------------------------------------------------

CONSTRUCTOR_INPUTS: dict[str, t.Callable[[], t.Any]] = {
    "none": lambda: None,
    "empty-list": lambda: [],
    "empty-dict": lambda: {},
    "list-of-pairs": lambda: [("A", "1"), ("b", "2"), ("a", "3")],
    "tuple-of-pairs": lambda: (("A", "1"), ("b", "2")),
    "list-of-lists": lambda: [["A", "1"], ["b", "2"]],
    "pairs-as-strings": lambda: ["ab", "cd"],
    "dict-scalars": lambda: {"A": "1", "b": 2, "c": None},
    "dict-list": lambda: {"A": ["1", "2"], "b": "x"},
    "dict-tuple": lambda: {"A": ("1", 2), "b": ()},
    "dict-set": lambda: {"A": {"only"}, "b": set()},
    "dict-mixed": lambda: {"A": ["1"], "b": ("2", "3"), "c": "4", "d": 5},
    "werkzeug-headers": lambda: WH([("A", "1"), ("a", "2")]),
    "multidict": lambda: MultiDict([("A", "1"), ("A", "2"), ("b", "3")]),
    "generator": lambda: ((f"K{i}", i) for i in range(3)),
    "iterator-of-pairs": lambda: iter([("A", "1")]),
    "ints-and-none": lambda: [("A", 5), ("B", None), ("C", 1.5), ("D", True)],
    "int": lambda: 5,
    "list-of-3-tuples": lambda: [("a", "b", "c")],
    "list-of-1-tuples": lambda: [("a",)],
    "newline-value": lambda: [("a", "1"), ("b", "x\ny")],
}


@pytest.mark.parametrize("name", CONSTRUCTOR_INPUTS)
def test_constructor(Headers: type, name: str) -> None:  # noqa: N803
    make = CONSTRUCTOR_INPUTS[name]
    got = outcome(lambda: list(Headers(make())))
    expected = outcome(lambda: list(WH(make())))
    assert got == expected


def test_constructor_defaults_keyword(Headers: type) -> None:  # noqa: N803
    h = Headers(defaults=[("A", "1")])
    assert list(h) == [("A", "1")]
    assert list(Headers(defaults=None)) == []


def test_constructor_from_same_twin(Headers: type, twin: types.ModuleType) -> None:  # noqa: N803
    source = twin.Headers(ITEMS)
    h = Headers(source)
    assert list(h) == list(WH(WH(ITEMS)))
    h.add("new", "1")
    assert len(source) == len(ITEMS), "the new object must not share the list"

    sub = Headers(Headers(ITEMS))
    assert list(sub) == ITEMS


def test_items_are_str_tuples(Headers: type) -> None:  # noqa: N803
    h = Headers([["A", 1], ("B", None)])
    for item in h:
        assert type(item) is tuple
        assert [type(x) for x in item] == [str, str]
    assert list(h) == [("A", "1"), ("B", "None")]


# --- reading ------------------------------------------------------------------

GETITEM_KEYS = [
    "Content-Type",
    "content-type",
    "CONTENT-TYPE",
    "x-a",
    "X-A",
    "missing",
    "",
    0,
    1,
    -1,
    -4,
    3,
    4,
    -5,
    True,
    False,
    slice(None),
    slice(1, 3),
    slice(None, None, 2),
    slice(None, None, -1),
    slice(-2, None),
    slice(10, 20),
    slice(None, None, 0),
    None,
    1.5,
    b"X-A",
    ("X-A",),
]


@pytest.mark.parametrize("key", GETITEM_KEYS, ids=repr)
def test_getitem(Headers: type, key: t.Any) -> None:  # noqa: N803
    same(Headers, lambda h: h[key], items_init)


def test_getitem_missing_raises_bad_request_key_error(
    Headers: type,
    twin: types.ModuleType,  # noqa: N803
) -> None:
    h = Headers(ITEMS)
    with pytest.raises(twin.exceptions.BadRequestKeyError) as info:
        h["missing"]
    assert isinstance(info.value, KeyError)
    with pytest.raises(KeyError):
        Headers()["x"]


def test_getitem_slice_returns_same_class(Headers: type) -> None:  # noqa: N803
    h = Headers(ITEMS)
    part = h[1:3]
    assert type(part) is Headers
    assert list(part) == ITEMS[1:3]
    part.add("new", "1")
    assert len(h) == len(ITEMS)
    assert type(h[:0]) is Headers and len(h[:0]) == 0


@pytest.mark.parametrize(
    "key", ["x-a", "X-A", "missing", "content-type", 5, None, b"X-A"], ids=repr
)
@pytest.mark.parametrize("default", ["<absent>", None, "dflt", 0])
def test_get(Headers: type, key: t.Any, default: t.Any) -> None:  # noqa: N803
    if default == "<absent>":
        same(Headers, lambda h: h.get(key), items_init)
    else:
        same(Headers, lambda h: h.get(key, default), items_init)
        same(Headers, lambda h: h.get(key, default=default), items_init)


def _raise_zero(value: str) -> t.Any:
    return 1 / 0


def _raise_key(value: str) -> t.Any:
    raise KeyError(value)


def _raise_type(value: str) -> t.Any:
    raise TypeError(value)


TYPES = {
    "int": int,
    "float": float,
    "len": len,
    "upper": str.upper,
    "fromhex": bytes.fromhex,
    "zero": _raise_zero,
    "keyerror": _raise_key,
    "typeerror": _raise_type,
}


@pytest.mark.parametrize("type_name", TYPES)
@pytest.mark.parametrize("key", ["Content-Length", "X-Num", "missing"])
def test_get_with_type(Headers: type, type_name: str, key: str) -> None:  # noqa: N803
    conv = TYPES[type_name]

    def init() -> list[tuple[str, str]]:
        return [("Content-Length", "42"), ("X-Num", "abc"), ("X-Num", "7")]

    same(Headers, lambda h: h.get(key, type=conv), init)
    same(Headers, lambda h: h.get(key, -1, conv), init)


def test_get_with_type_examples(Headers: type) -> None:  # noqa: N803
    h = Headers([("Content-Length", "42"), ("X", "abc")])
    assert h.get("content-length", type=int) == 42
    assert h.get("x", type=int) is None
    assert h.get("x", "d", type=int) == "d"
    with pytest.raises(ZeroDivisionError):
        h.get("x", type=_raise_zero)


@pytest.mark.parametrize("type_name", [None, *TYPES])
@pytest.mark.parametrize("key", ["x-num", "X-NUM", "missing", 5])
def test_getlist(Headers: type, type_name: str | None, key: t.Any) -> None:  # noqa: N803
    def init() -> list[tuple[str, str]]:
        return [("X-Num", "1"), ("x-num", "abc"), ("Other", "2"), ("X-NUM", "3")]

    if type_name is None:
        same(Headers, lambda h: h.getlist(key), init)
        same(Headers, lambda h: h.get_all(key), init)
    else:
        conv = TYPES[type_name]
        same(Headers, lambda h: h.getlist(key, conv), init)
        same(Headers, lambda h: h.getlist(key, type=conv), init)


def test_getlist_drops_failed_conversions(Headers: type) -> None:  # noqa: N803
    h = Headers([("N", "1"), ("n", "x"), ("N", "3")])
    assert h.getlist("n", type=int) == [1, 3]
    assert h.getlist("missing") == []
    assert h.get_all("N") == ["1", "x", "3"]


@pytest.mark.parametrize(
    "key", ["x-a", "X-A", "missing", "", 5, None, b"X-A", 1.5, ("x-a",)], ids=repr
)
def test_contains(Headers: type, key: t.Any) -> None:  # noqa: N803
    same(Headers, lambda h: key in h, items_init)
    same(Headers, lambda h: key not in h, items_init)


@pytest.mark.parametrize("lower", [False, True])
def test_items_keys_values(Headers: type, lower: bool) -> None:  # noqa: N803
    same(Headers, lambda h: list(h.items(lower)), items_init)
    same(Headers, lambda h: list(h.items(lower=lower)), items_init)
    same(Headers, lambda h: list(h.keys(lower)), items_init)
    same(Headers, lambda h: list(h.keys(lower=lower)), items_init)
    same(Headers, lambda h: list(h.values()), items_init)


@pytest.mark.parametrize("method", ["items", "keys", "values"])
def test_items_keys_values_are_lazy(Headers: type, method: str) -> None:  # noqa: N803
    for h in (Headers([("A", "1")]), WH([("A", "1")])):
        view = getattr(h, method)()
        h.add("Late", "2")
        h.add("late", "3")
        assert not isinstance(view, (list, tuple))
        iterator = iter(view)
        first = next(iterator)
        assert first in {("A", "1"), "A", "1"}
        assert len([first, *iterator]) == 3


def test_iter_len_bool(Headers: type) -> None:  # noqa: N803
    same(Headers, lambda h: list(iter(h)), items_init)
    same(Headers, len, items_init)
    same(Headers, bool, items_init)
    same(Headers, bool)
    same(Headers, len)
    assert isinstance(iter(Headers(ITEMS)), cabc.Iterator)


#: (stored name, looked-up name): pairs where str.lower(), casefold() and an
#: ASCII-only lower() disagree. Matching is str.lower() equality, as in Werkzeug.
FOLD_PAIRS = [
    ("ß", "ss"),
    ("ß", "SS"),
    ("SS", "ß"),
    ("\u212a", "k"),
    ("k", "\u212a"),
    ("\u0130", "i\u0307"),
    ("\u0130", "i"),
    ("ǅ", "ǆ"),
    ("Σ", "σ"),
    ("Σ", "ς"),
    ("ﬁ", "FI"),
    ("Ü", "ü"),
    ("É", "é"),
    ("X-Ä", "x-ä"),
]


@pytest.mark.parametrize(("stored", "looked_up"), FOLD_PAIRS, ids=repr)
def test_case_folding_like_werkzeug(Headers: type, stored: str, looked_up: str) -> None:  # noqa: N803
    def init() -> list[tuple[str, str]]:
        return [(stored, "1"), ("Other", "2")]

    same(Headers, lambda h: looked_up in h, init)
    same(Headers, lambda h: h.get(looked_up), init)
    same(Headers, lambda h: h[looked_up], init)
    same(Headers, lambda h: h.getlist(looked_up), init)
    same(Headers, lambda h: h.pop(looked_up, None), init)
    same(Headers, lambda h: h.remove(looked_up), init)
    same(Headers, lambda h: h.set(looked_up, "3"), init)
    same(Headers, lambda h: h.setdefault(looked_up, "3"), init)
    expected = WH([(looked_up, "1")]) == WH([(stored, "1")])
    assert (Headers([(looked_up, "1")]) == Headers([(stored, "1")])) is expected
    same(Headers, lambda h: list(h.items(lower=True)), init)


# --- writing ------------------------------------------------------------------


@pytest.mark.parametrize("method", ["add", "add_header", "set"])
@pytest.mark.parametrize("key", ["x-a", "X-A", "New", "content-type", "set-cookie", ""])
def test_add_and_set(Headers: type, method: str, key: str) -> None:  # noqa: N803
    same(Headers, lambda h: getattr(h, method)(key, "v"), items_init)
    same(Headers, lambda h: getattr(h, method)(key, 5), items_init)
    same(Headers, lambda h: getattr(h, method)(key, "v"))


def test_set_replaces_first_and_removes_rest(Headers: type) -> None:  # noqa: N803
    h = Headers([("A", "1"), ("B", "2"), ("a", "3"), ("C", "4"), ("A", "5")])
    h.set("a", "new")
    assert list(h) == [("a", "new"), ("B", "2"), ("C", "4")]
    h.set("D", "d")
    assert list(h)[-1] == ("D", "d")


def test_add_returns_none(Headers: type) -> None:  # noqa: N803
    h = Headers()
    assert h.add("a", "b") is None
    assert h.add_header("a", "b") is None
    assert h.set("a", "b") is None


def test_add_positional_only(Headers: type) -> None:  # noqa: N803
    """``key`` and ``value`` are positional-only, so they can be options too."""

    def op(h: t.Any) -> None:
        h.add("X", "v", key="k", value="w")
        h.set("Y", "v", key="k")
        h.add_header("Z", "v", value="w")

    ours, _ = same(Headers, op)
    assert ours["x"] == "v; key=k; value=w"
    for method in ("add", "set", "add_header"):
        with pytest.raises(TypeError):
            getattr(Headers(), method)(key="X", value="v")


OPTIONS: dict[str, tuple[t.Any, dict[str, t.Any]]] = {
    "filename": ("attachment", {"filename": "foo.png"}),
    "filename-spaces": ("attachment", {"filename": "my file.png"}),
    "filename_star": ("attachment", {"filename_star": "UTF-8''a%20b"}),
    "key-ending-with-star": ("attachment", {"filename*": "UTF-8''a%20b c"}),
    "underscores": ("v", {"a_b_c": "1", "x": "2"}),
    "none-option-skipped": ("v", {"a": None, "b": "1"}),
    "only-none-options": ("v", {"a": None}),
    "quote-needed": ("v", {"a": 'x"y', "b": "x\\y", "c": "", "d": "ü", "e": "a;b"}),
    "token-chars": ("v", {"a": "!#$%&'*+-.^_`|~09AZaz"}),
    "int-option": ("v", {"max_age": 5}),
    "main-none": (None, {"a": "b c"}),
    "main-int": (5, {"a": "b"}),
    "main-int-none-option": (5, {"a": None}),
    "main-bytes": (b"x", {"a": "b"}),
    "newline-in-option": ("v", {"a": "x\ny"}),
    "newline-in-starred": ("v", {"a*": "x\ny"}),
}


@pytest.mark.parametrize("method", ["add", "add_header", "set"])
@pytest.mark.parametrize("case", OPTIONS)
def test_keyword_options(Headers: type, method: str, case: str) -> None:  # noqa: N803
    value, options = OPTIONS[case]
    same(Headers, lambda h: getattr(h, method)("X-H", value, **options), items_init)


def test_keyword_options_examples(Headers: type) -> None:  # noqa: N803
    h = Headers()
    h.add("Content-Disposition", "attachment", filename="foo.png")
    h.add("Content-Type", "text/html", charset="utf-8")
    assert h["content-disposition"] == "attachment; filename=foo.png"
    assert h.get_all("content-type") == ["text/html; charset=utf-8"]


@pytest.mark.parametrize(
    "values",
    [["1", "2"], [], ("x",), {"only"}, [1, None], ["a", "b\nc", "d"], ["a\nb"]],
    ids=repr,
)
@pytest.mark.parametrize("key", ["x-a", "NEW"])
def test_setlist(Headers: type, values: t.Any, key: str) -> None:  # noqa: N803
    same(Headers, lambda h: h.setlist(key, values), items_init)
    same(Headers, lambda h: h.setlist(key, iter(values)), items_init)
    same(Headers, lambda h: h.setlist(key, (v for v in values)), items_init)


def test_setlist_empty_removes(Headers: type) -> None:  # noqa: N803
    h = Headers(ITEMS)
    h.setlist("X-A", [])
    assert "x-a" not in h
    assert list(h) == [ITEMS[0], ITEMS[3]]


@pytest.mark.parametrize("key", ["x-a", "X-A", "New"])
@pytest.mark.parametrize("default", ["v", 5, None, "x\ny", ""], ids=repr)
def test_setdefault(Headers: type, key: str, default: t.Any) -> None:  # noqa: N803
    same(Headers, lambda h: h.setdefault(key, default), items_init)


def test_setdefault_returns_stored_string(Headers: type) -> None:  # noqa: N803
    h = Headers([("A", "1")])
    assert h.setdefault("a", "zzz") == "1"
    rv = h.setdefault("B", 5)
    assert rv == "5" and type(rv) is str
    assert list(h) == [("A", "1"), ("B", "5")]


@pytest.mark.parametrize("key", ["x-a", "New"])
@pytest.mark.parametrize(
    "default", [["v", "w"], [], (5, None), ["a", "b\nc"]], ids=repr
)
def test_setlistdefault(Headers: type, key: str, default: t.Any) -> None:  # noqa: N803
    same(Headers, lambda h: h.setlistdefault(key, default), items_init)
    same(Headers, lambda h: h.setlistdefault(key, iter(default)), items_init)


def test_setlistdefault_returns_a_copy(Headers: type) -> None:  # noqa: N803
    h = Headers([("A", "1")])
    got = h.setlistdefault("a", ["x"])
    assert got == ["1"]
    got.append("2")
    assert h.getlist("a") == ["1"]
    got = h.setlistdefault("b", ["x", 2])
    assert got == ["x", "2"]
    got.clear()
    assert h.getlist("b") == ["x", "2"]


SETITEM_CASES: list[tuple[t.Any, t.Any]] = [
    ("x-a", "new"),
    ("X-A", 5),
    ("New", None),
    ("x-a", "bad\r"),
    (0, ("K", "v")),
    (-1, ("K", 5)),
    (2, ["K", "v"]),
    (0, "KV"),
    (0, ("K", "v", "extra")),
    (0, ("K",)),
    (0, ("K", "a\nb")),
    (10, ("K", "v")),
    (-10, ("K", "v")),
    (True, ("K", "v")),
    (slice(0, 2), [("K", "v"), ("L", 5)]),
    (slice(1, 1), [("K", "v")]),
    (slice(None), []),
    (slice(None), "<generator>"),
    (slice(0, 4, 2), [("K", "v"), ("L", "w")]),
    (slice(0, 4, 2), [("K", "v")]),
    (slice(0, 2), [("K", "v"), ("L", "a\nb")]),
    (slice(0, 2), [("K", "v", "x")]),
    (None, "v"),
    (None, [("K", "v")]),
    (1.5, "v"),
]


@pytest.mark.parametrize(("key", "value"), SETITEM_CASES, ids=repr)
def test_setitem(Headers: type, key: t.Any, value: t.Any) -> None:  # noqa: N803
    if value == "<generator>":

        def op(h: t.Any) -> None:
            h[key] = ((k, v) for k, v in [("K", "v"), ("L", 5)])

    else:

        def op(h: t.Any) -> None:
            h[key] = value

    same(Headers, op, items_init)


DELITEM_KEYS = [
    "x-a",
    "X-A",
    "missing",
    "content-type",
    0,
    -1,
    3,
    4,
    -5,
    slice(1, 3),
    slice(None, None, 2),
    slice(None),
    slice(5, 9),
    None,
    1.5,
    b"X-A",
]


@pytest.mark.parametrize("key", DELITEM_KEYS, ids=repr)
def test_delitem(Headers: type, key: t.Any) -> None:  # noqa: N803
    def op(h: t.Any) -> None:
        del h[key]

    same(Headers, op, items_init)


@pytest.mark.parametrize(
    "key", ["x-a", "X-A", "missing", "", 5, None, b"X-A"], ids=repr
)
def test_remove(Headers: type, key: t.Any) -> None:  # noqa: N803
    same(Headers, lambda h: h.remove(key), items_init)


def test_remove_missing_is_silent(Headers: type) -> None:  # noqa: N803
    h = Headers(ITEMS)
    assert h.remove("missing") is None
    assert list(h) == ITEMS


POP_ARGS: list[tuple[t.Any, ...]] = [
    (),
    (None,),
    (0,),
    (-1,),
    (2,),
    (4,),
    (-5,),
    ("x-a",),
    ("X-A",),
    ("missing",),
    ("missing", "dflt"),
    ("missing", None),
    ("x-a", "dflt"),
    (b"X-A",),
    (b"X-A", "d"),
    (1.5,),
    (True,),
]


@pytest.mark.parametrize("args", POP_ARGS, ids=repr)
def test_pop(Headers: type, args: tuple[t.Any, ...]) -> None:  # noqa: N803
    same(Headers, lambda h: h.pop(*args), items_init)
    same(Headers, lambda h: h.pop(*args))


def test_pop_keywords(Headers: type) -> None:  # noqa: N803
    same(Headers, lambda h: h.pop(key="x-a"), items_init)
    same(Headers, lambda h: h.pop(key="missing", default=7), items_init)
    same(Headers, lambda h: h.pop("missing", default=None), items_init)


def test_pop_missing_raises_bad_request_key_error(
    Headers: type,
    twin: types.ModuleType,  # noqa: N803
) -> None:
    h = Headers(ITEMS)
    with pytest.raises(twin.exceptions.BadRequestKeyError):
        h.pop("missing")
    sentinel = object()
    assert h.pop("missing", sentinel) is sentinel
    assert list(h) == ITEMS


def test_popitem(Headers: type) -> None:  # noqa: N803
    same(Headers, lambda h: h.popitem(), items_init)
    same(Headers, lambda h: h.popitem())
    with pytest.raises(IndexError):
        Headers().popitem()


def test_clear(Headers: type) -> None:  # noqa: N803
    same(Headers, lambda h: h.clear(), items_init)
    h = Headers(ITEMS)
    h.clear()
    assert list(h) == [] and len(h) == 0


EXTEND_ARGS: dict[str, t.Callable[[], tuple[tuple[t.Any, ...], dict[str, t.Any]]]] = {
    "nothing": lambda: ((), {}),
    "none": lambda: ((None,), {}),
    "pairs": lambda: (([("x-a", "n"), ("New", 1)],), {}),
    "dict": lambda: (({"x-a": "n", "New": [1, 2], "T": ("a",), "S": {"s"}},), {}),
    "kwargs": lambda: ((), {"New": "1", "x_a": ["2", "3"], "T": ("a",)}),
    "pairs-and-kwargs": lambda: (([("A", "1")],), {"B": "2"}),
    "werkzeug-headers": lambda: ((WH([("x-a", "n"), ("X-A", "m")]),), {}),
    "multidict": lambda: ((MultiDict([("x-a", "n"), ("x-a", "m"), ("B", "b")]),), {}),
    "generator": lambda: ((((k, v) for k, v in [("G", "1"), ("g", "2")]),), {}),
    "newline-midway": lambda: (([("A", "1"), ("B", "x\ny"), ("C", "3")],), {}),
    "newline-in-dict-list": lambda: (({"A": ["1", "x\ny", "3"], "B": "2"},), {}),
    "newline-in-kwargs": lambda: (([("A", "1")],), {"B": "x\ny"}),
    "not-iterable": lambda: ((5,), {}),
    "bad-pair": lambda: (([("A", "1"), ("B",)],), {}),
}


@pytest.mark.parametrize("case", EXTEND_ARGS)
def test_extend(Headers: type, case: str) -> None:  # noqa: N803
    def op(h: t.Any) -> t.Any:
        args, kwargs = EXTEND_ARGS[case]()
        return h.extend(*args, **kwargs)

    same(Headers, op, items_init)


UPDATE_ARGS: dict[str, t.Callable[[], tuple[tuple[t.Any, ...], dict[str, t.Any]]]] = {
    **EXTEND_ARGS,
    "dict-list-replaces": lambda: (({"X-A": ["n", "m"], "Content-Type": "t"},), {}),
    "dict-empty-list-removes": lambda: (({"x-a": []},), {}),
    "pairs-duplicate-key": lambda: (([("x-a", "1"), ("X-A", "2")],), {}),
    "kwargs-list": lambda: ((), {"x_a": ["1", "2"], "Content_Type": "t"}),
}


@pytest.mark.parametrize("case", UPDATE_ARGS)
def test_update(Headers: type, case: str) -> None:  # noqa: N803
    def op(h: t.Any) -> t.Any:
        args, kwargs = UPDATE_ARGS[case]()
        return h.update(*args, **kwargs)

    same(Headers, op, items_init)


def test_update_with_same_class(Headers: type) -> None:  # noqa: N803
    """A Headers argument replaces each of its keys with all of its values."""

    def other(cls: type) -> t.Any:
        return cls([("x-a", "1"), ("New", "2"), ("X-A", "3")])

    ours = Headers(ITEMS)
    ours.update(other(Headers))
    theirs = WH(ITEMS)
    theirs.update(other(WH))
    assert list(ours) == list(theirs)

    ours = Headers(ITEMS)
    ours |= other(Headers)
    assert list(ours) == list(theirs)


def test_update_keyword_arg_name(Headers: type) -> None:  # noqa: N803
    """``arg`` is positional-only, so it can be a header name."""
    same(Headers, lambda h: h.update(arg="1"), items_init)
    same(Headers, lambda h: h.extend(arg="1"), items_init)


OR_OPERANDS: dict[str, t.Callable[[], t.Any]] = {
    "dict": lambda: {"x-a": "n", "New": ["1", 2]},
    "empty-dict": lambda: {},
    "multidict": lambda: MultiDict([("x-a", "n"), ("x-a", "m")]),
    "pairs": lambda: [("x-a", "n")],
    "int": lambda: 5,
    "none": lambda: None,
    "str": lambda: "ab",
    "newline": lambda: {"A": "1", "B": "x\ny"},
}


@pytest.mark.parametrize("case", OR_OPERANDS)
def test_or(Headers: type, case: str) -> None:  # noqa: N803
    same(Headers, lambda h: h | OR_OPERANDS[case](), items_init)


def test_or_returns_new_object_of_same_class(Headers: type) -> None:  # noqa: N803
    h = Headers(ITEMS)
    h.extra = "attr"
    result = h | {"x-a": "n"}
    assert type(result) is Headers
    assert result is not h
    assert list(h) == ITEMS
    with pytest.raises(TypeError):
        h | [("a", "b")]
    with pytest.raises(TypeError):
        h | Headers(ITEMS)


@pytest.mark.parametrize("case", OR_OPERANDS)
def test_ior(Headers: type, case: str) -> None:  # noqa: N803
    def op(h: t.Any) -> t.Any:
        before = h
        h |= OR_OPERANDS[case]()
        assert h is before
        return None

    same(Headers, op, items_init)


def test_ior_with_pairs(Headers: type) -> None:  # noqa: N803
    h = Headers(ITEMS)
    h |= [("x-a", "n"), ("New", "1")]
    w = WH(ITEMS)
    w |= [("x-a", "n"), ("New", "1")]
    assert list(h) == list(w)


def test_ror_not_supported(Headers: type) -> None:  # noqa: N803
    same(Headers, lambda h: {"a": "b"} | h, items_init)
    same(Headers, lambda h: [("a", "b")] | h, items_init)


# --- copies, output, comparison -----------------------------------------------


def test_to_wsgi_list_returns_new_list(Headers: type) -> None:  # noqa: N803
    h = Headers(ITEMS)
    out = h.to_wsgi_list()
    assert type(out) is list
    assert out == ITEMS
    out.append(("Z", "z"))
    out[0] = ("Q", "q")
    assert list(h) == ITEMS
    assert h.to_wsgi_list() is not h.to_wsgi_list()
    same(Headers, lambda h: h.to_wsgi_list(), items_init)


@pytest.mark.parametrize("how", ["method", "copy.copy"])
def test_copy(Headers: type, how: str) -> None:  # noqa: N803
    h = Headers(ITEMS)
    c = h.copy() if how == "method" else copy.copy(h)
    assert type(c) is Headers
    assert c is not h
    assert list(c) == ITEMS
    c.add("New", "1")
    c["x-a"] = "changed"
    assert list(h) == ITEMS


def test_copy_attributes_like_werkzeug(Headers: type) -> None:  # noqa: N803
    """``copy()``/``copy.copy`` build a new object from the items, like Werkzeug."""
    for how in (lambda h: h.copy(), copy.copy):
        ours = Headers(ITEMS)
        ours.foo = 1
        theirs = WH(ITEMS)
        theirs.foo = 1
        assert hasattr(how(ours), "foo") == hasattr(how(theirs), "foo")


STR_CASES = [
    [],
    [("A", "b"), ("C", "d")],
    [("X", "")],
    [("", "v")],
    [("Ü", "☃"), ("K", "\x00\x0b")],
]


@pytest.mark.parametrize("items", STR_CASES, ids=repr)
def test_str(Headers: type, items: list[tuple[str, str]]) -> None:  # noqa: N803
    assert str(Headers(items)) == str(WH(items))


def test_str_exact(Headers: type) -> None:  # noqa: N803
    assert str(Headers([("A", "b"), ("C", "d")])) == "A: b\r\nC: d\r\n\r\n"
    assert str(Headers()) == "\r\n"


@pytest.mark.parametrize("items", STR_CASES, ids=repr)
def test_repr(Headers: type, items: list[tuple[str, str]]) -> None:  # noqa: N803
    expected = repr(WH(items))
    assert expected.startswith("Headers(")
    assert repr(Headers(items)) == Headers.__name__ + expected[len("Headers") :]


def test_repr_uses_class_name(Headers: type) -> None:  # noqa: N803
    text = repr(Headers([("A", "b")]))
    assert text == f"{Headers.__name__}([('A', 'b')])"
    if Headers.__name__ == "SubHeaders":
        assert text.startswith("SubHeaders(")


EQ_CASES = [
    ([("A", "b")], [("A", "b")]),
    ([("A", "b")], [("a", "b")]),
    ([("A", "b")], [("A", "B")]),
    ([("A", "b"), ("C", "d")], [("C", "d"), ("A", "b")]),
    ([("A", "b"), ("a", "b")], [("A", "b")]),
    ([("A", "b")], []),
    ([], []),
    ([("A", "b"), ("A", "c")], [("A", "c"), ("a", "b")]),
]


@pytest.mark.parametrize(("left", "right"), EQ_CASES, ids=repr)
def test_eq(Headers: type, left: list[t.Any], right: list[t.Any]) -> None:  # noqa: N803
    expected = WH(left) == WH(right)
    assert (Headers(left) == Headers(right)) is expected
    assert (Headers(left) != Headers(right)) is (not expected)
    assert (Headers(right) == Headers(left)) is expected


def test_eq_other_types(Headers: type, twin: types.ModuleType) -> None:  # noqa: N803
    h = Headers([("A", "b")])
    assert h != [("A", "b")]
    assert h != {"A": "b"}
    assert h != WH([("A", "b")])
    assert WH([("A", "b")]) != h
    assert h != MultiDict([("A", "b")])
    assert h.__eq__([("A", "b")]) is NotImplemented
    other_class = (
        type("Other", (twin.Headers,), {}) if Headers is twin.Headers else twin.Headers
    )
    assert h != other_class([("A", "b")])
    assert other_class([("A", "b")]) != h


def test_unhashable(Headers: type) -> None:  # noqa: N803
    assert Headers.__hash__ is None
    with pytest.raises(TypeError):
        hash(Headers())
    assert not isinstance(Headers(), cabc.Hashable)


def test_instance_attributes_and_weakrefs(Headers: type) -> None:  # noqa: N803
    h = Headers()
    h.anything = [1]
    assert h.anything == [1]
    ref = weakref.ref(h)
    assert ref() is h
    proxy = weakref.proxy(h)
    proxy.add("a", "b")
    assert list(h) == [("a", "b")]


def test_not_a_mapping(Headers: type) -> None:  # noqa: N803
    """Like Werkzeug's, it is neither a Mapping nor a MutableMapping."""
    for abc in (cabc.Mapping, cabc.MutableMapping, cabc.Sequence):
        assert isinstance(Headers(), abc) == isinstance(WH(), abc)
    assert isinstance(Headers(), cabc.Iterable)
    assert isinstance(Headers(), cabc.Sized)
    assert isinstance(Headers(), cabc.Container)


# --- subclass hooks: which public methods the others go through ------------


#: Public methods a subclass may override; Werkzeug's other methods reach some
#: of them through ``self`` (``extend`` through ``add``, ``__str__`` through
#: ``to_wsgi_list`` and ``__iter__``...). A subclass sees the same calls on ours.
HOOKS = [
    "add",
    "set",
    "setlist",
    "remove",
    "getlist",
    "copy",
    "extend",
    "update",
    "items",
    "keys",
    "to_wsgi_list",
    "__iter__",
    "__contains__",
]


def recording_subclass(base: type) -> type:
    def make(name: str) -> t.Callable[..., t.Any]:
        def method(self: t.Any, *args: t.Any, **kwargs: t.Any) -> t.Any:
            if not self.__dict__.get("_quiet"):
                type(self).log.append(name)
            return getattr(super(cls, self), name)(*args, **kwargs)

        return method

    cls = type("Recording", (base,), {name: make(name) for name in HOOKS})
    cls.log = []
    return cls


HOOK_OPS: dict[str, t.Callable[[t.Any], t.Any]] = {
    "constructor": lambda h: type(h)([("A", "1"), ("b", "2")]),
    "constructor-dict": lambda h: type(h)({"A": ["1", "2"]}),
    "add": lambda h: h.add("N", "1"),
    "add_header": lambda h: h.add_header("N", "1", x="y"),
    "set": lambda h: h.set("x-a", "1"),
    "setitem-key": lambda h: h.__setitem__("x-a", "1"),
    "setitem-int": lambda h: h.__setitem__(0, ("N", "1")),
    "setlist": lambda h: h.setlist("x-a", ["1", "2"]),
    "setlist-empty": lambda h: h.setlist("x-a", []),
    "setdefault-new": lambda h: h.setdefault("N", "1"),
    "setdefault-old": lambda h: h.setdefault("x-a", "1"),
    "setlistdefault-new": lambda h: h.setlistdefault("N", ["1"]),
    "setlistdefault-old": lambda h: h.setlistdefault("x-a", ["1"]),
    "extend": lambda h: h.extend([("N", "1")], M="2"),
    "update-dict": lambda h: h.update({"x-a": ["1", "2"], "N": "3"}),
    "update-pairs": lambda h: h.update([("x-a", "1")]),
    "update-kwargs": lambda h: h.update(N="1", M=["2"]),
    "update-same-class": lambda h: h.update(type(h)([("x-a", "1")])),
    "or": lambda h: h | {"x-a": "1"},
    "ior": lambda h: h.__ior__({"x-a": "1"}),
    "pop-key": lambda h: h.pop("x-a"),
    "pop-missing": lambda h: h.pop("missing", None),
    "pop-index": lambda h: h.pop(0),
    "popitem": lambda h: h.popitem(),
    "remove": lambda h: h.remove("x-a"),
    "delitem-key": lambda h: h.__delitem__("x-a"),
    "get": lambda h: h.get("x-a"),
    "getitem": lambda h: h["x-a"],
    "getlist": lambda h: h.getlist("x-a"),
    "get_all": lambda h: h.get_all("x-a"),
    "contains": lambda h: "x-a" in h,
    "items": lambda h: list(h.items()),
    "keys": lambda h: list(h.keys(lower=True)),
    "values": lambda h: list(h.values()),
    "iter": lambda h: list(h),
    "len": len,
    "to_wsgi_list": lambda h: h.to_wsgi_list(),
    "str": str,
    "repr": lambda h: repr(h).replace(type(h).__name__, "X", 1),
    "copy": lambda h: h.copy(),
    "copy.copy": copy.copy,
    "eq": lambda h: h == h.copy(),
    "slice": lambda h: h[0:2],
    "clear": lambda h: h.clear(),
}


@pytest.mark.parametrize("op", HOOK_OPS)
def test_overridden_methods_are_used_like_werkzeug(
    Headers: type,  # noqa: N803
    op: str,
) -> None:
    ours_cls = recording_subclass(Headers)
    theirs_cls = recording_subclass(WH)
    logs = []

    for cls in (ours_cls, theirs_cls):
        h = cls.__new__(cls)
        h._quiet = True
        h.__init__(ITEMS)
        del h._quiet
        cls.log.clear()
        result = outcome(lambda: HOOK_OPS[op](h), (cls,))
        logs.append((result, list(h), list(cls.log)))

    assert logs[0] == logs[1]


def test_overridden_iter_shapes_the_output(Headers: type) -> None:  # noqa: N803
    """A subclass that overrides ``__iter__`` (as Werkzeug's EnvironHeaders does)
    changes what the iterating methods return, as on Werkzeug."""

    def shouting(base: type) -> type:
        def __iter__(self: t.Any) -> t.Iterator[tuple[str, str]]:  # noqa: N807
            for key, value in base.__iter__(self):
                yield key.upper(), value + "!"

        return type("Shouting", (base,), {"__iter__": __iter__})

    ours = shouting(Headers)(ITEMS)
    theirs = shouting(WH)(ITEMS)
    for op in (
        "iter",
        "items",
        "keys",
        "values",
        "getlist",
        "get_all",
        "to_wsgi_list",
        "str",
        "repr",
        "len",
        "get",
        "getitem",
        "contains",
        "copy",
        "eq",
    ):
        got = outcome(lambda: HOOK_OPS[op](ours), (type(ours),))
        expected = outcome(lambda: HOOK_OPS[op](theirs), (type(theirs),))
        assert got == expected, op


# --- hostile input (HOSTILE-INPUT rows 1-5) -----------------------------------


def _single(k: t.Any, v: t.Any) -> dict[str, t.Callable[[t.Any], t.Any]]:
    """Every write path that takes one name and one value."""
    return {
        "constructor-pairs": lambda h: list(type(h)([(k, v)])),
        "constructor-dict": lambda h: list(type(h)({k: v})),
        "constructor-dict-list": lambda h: list(type(h)({k: [v]})),
        "add": lambda h: h.add(k, v),
        "add_header": lambda h: h.add_header(k, v),
        "set": lambda h: h.set(k, v),
        "setlist": lambda h: h.setlist(k, [v]),
        "setlist-two": lambda h: h.setlist(k, ["ok", v]),
        "setdefault": lambda h: h.setdefault(k, v),
        "setlistdefault": lambda h: h.setlistdefault(k, [v]),
        "setitem-key": lambda h: h.__setitem__(k, v),
        "setitem-int": lambda h: h.__setitem__(0, (k, v)),
        "setitem-slice": lambda h: h.__setitem__(slice(0, 1), [(k, v)]),
        "extend-pairs": lambda h: h.extend([(k, v)]),
        "extend-dict": lambda h: h.extend({k: v}),
        "extend-kwargs": lambda h: h.extend(**{k: v}),
        "update-pairs": lambda h: h.update([(k, v)]),
        "update-dict": lambda h: h.update({k: v}),
        "update-dict-list": lambda h: h.update({k: [v, v]}),
        "update-kwargs": lambda h: h.update(**{k: v}),
        "or": lambda h: list(h | {k: v}),
        "ior-dict": lambda h: h.__ior__({k: v}),
        "ior-pairs": lambda h: h.__ior__([(k, v)]),
    }


WRITE_PATHS = list(_single("k", "v"))
KWARGS_PATHS = {"extend-kwargs", "update-kwargs"}

HOSTILE_VALUES = [
    "a\rb",
    "a\nb",
    "\r\n",
    "x\r",
    "\nx",
    "a\x00b",
    "\x00",
    "\x0b",
    "\x0c",
    "\x1b",
    "\x7f",
    "\t",
    "a\x85b",
    "a\u2028b",
    "a\u2029b",
    "\x1c\x1d\x1e",
    "☃",
    "\U0001f600",
    "\udcff",
    "",
    " padded ",
    5,
    0,
    -1,
    True,
    None,
    1.5,
    b"x",
    b"a\nb",
    ["l"],
]


@pytest.mark.parametrize("path", WRITE_PATHS)
@pytest.mark.parametrize("value", HOSTILE_VALUES, ids=repr)
@pytest.mark.parametrize("name", ["X-Name", "keep"])
def test_hostile_values_like_werkzeug(
    Headers: type,
    path: str,
    value: t.Any,
    name: str,  # noqa: N803
) -> None:
    def init() -> list[tuple[str, str]]:
        return [("Keep", "1"), ("Other", "2")]

    same(Headers, lambda h: _single(name, value)[path](h), init)


@pytest.mark.parametrize("value", ["a\rb", "a\nb", "\r\n", "x\r"], ids=repr)
@pytest.mark.parametrize(
    "path",
    sorted(
        set(WRITE_PATHS)
        - {"constructor-pairs", "constructor-dict", "constructor-dict-list"}
    ),
)
def test_newline_in_value_stores_nothing(Headers: type, path: str, value: str) -> None:  # noqa: N803
    h = Headers([("Keep", "1")])
    with pytest.raises(ValueError):
        _single("X-Name", value)[path](h)
    if path != "setlist-two":
        assert list(h) == [("Keep", "1")]


@pytest.mark.parametrize(
    "value", ["\x0b", "\x0c", "\x85", "\u2028", "\x00", "\x1f", "\x7f"], ids=repr
)
def test_not_newlines_accepted(Headers: type, value: str) -> None:  # noqa: N803
    h = Headers()
    h.add("A", f"x{value}y")
    h["B"] = value
    assert list(h) == [("A", f"x{value}y"), ("B", value)]


# --- stricter than Werkzeug: header names -------------------------------------

BAD_NAME_VALUE = [
    "\r",
    "\n",
    "X\r\nInjected: 1",
    "X-A\n",
    "\x00",
    "a\x00b",
    "\t",
    "X\tY",
    "\x01",
    "\x08",
    "\x0b",
    "\x0c",
    "\x1b",
    "\x1f",
    "\x7f",
    "X\x7f",
]

BAD_NAME_TYPE = [5, None, b"X-A", ("X",), 1.5]

GOOD_NAMES = [
    " ",
    "X Y",
    "a:b",
    ":",
    "Ünï",
    "☃",
    "\x85",
    "\u2028",
    "\x80\x9f",
    "",
    "\udcff",
    "x" * 1000,
]


@pytest.mark.parametrize("path", WRITE_PATHS)
@pytest.mark.parametrize("name", BAD_NAME_VALUE, ids=repr)
def test_control_character_in_name_refused(Headers: type, path: str, name: str) -> None:  # noqa: N803
    h = Headers([("Keep", "1")])
    with pytest.raises(ValueError):
        _single(name, "v")[path](h)
    assert list(h) == [("Keep", "1")]


@pytest.mark.parametrize(
    "path", sorted(set(WRITE_PATHS) - KWARGS_PATHS - {"setitem-key"})
)
@pytest.mark.parametrize("name", BAD_NAME_TYPE, ids=repr)
def test_non_str_name_refused(Headers: type, path: str, name: t.Any) -> None:  # noqa: N803
    h = Headers([("Keep", "1")])
    with pytest.raises(TypeError):
        _single(name, "v")[path](h)
    assert list(h) == [("Keep", "1")]


@pytest.mark.parametrize("path", WRITE_PATHS)
@pytest.mark.parametrize("name", GOOD_NAMES, ids=repr)
def test_unusual_names_accepted_like_werkzeug(
    Headers: type, path: str, name: str
) -> None:  # noqa: N803
    def init() -> list[tuple[str, str]]:
        return [("Keep", "1")]

    ours, result = same(Headers, lambda h: _single(name, "v")[path](h), init)
    assert result[0] == "returns"


def test_bad_name_in_the_middle_of_a_multi_item_write(Headers: type) -> None:  # noqa: N803
    """Multi-item writes add item by item, like Werkzeug: earlier items stay."""
    for op in (
        lambda h: h.extend([("A", "1"), ("B\n", "2"), ("C", "3")]),
        lambda h: h.update([("A", "1"), ("B\n", "2"), ("C", "3")]),
        lambda h: h.extend({"A": "1", "B\x00": "2", "C": "3"}),
    ):
        h = Headers()
        with pytest.raises(ValueError):
            op(h)
        assert list(h) == [("A", "1")]
    h = Headers([("Keep", "1")])
    with pytest.raises(ValueError):
        h[0:1] = [("A", "1"), ("B\r", "2")]
    assert list(h) == [("Keep", "1")], (
        "slice assignment is all or nothing, like Werkzeug"
    )


def test_names_are_kept_as_given(Headers: type) -> None:  # noqa: N803
    h = Headers()
    h.add("X-MiXeD", "1")
    h["x-mixed"] = "2"
    assert list(h) == [("x-mixed", "2")]
    assert list(h.keys()) == ["x-mixed"]


# --- large input --------------------------------------------------------------


def test_ten_thousand_headers(Headers: type) -> None:  # noqa: N803
    n = 10_000
    items = [(f"X-{i}", str(i)) for i in range(n)]
    h = Headers(items)
    assert len(h) == n
    assert h["x-9999"] == "9999"
    assert h["X-0"] == "0"
    assert "x-5000" in h
    assert h.get("x-10000") is None
    assert h[n - 1] == ("X-9999", "9999")
    assert len(h[::2]) == n // 2
    assert h.to_wsgi_list() == items
    assert str(h).count("\r\n") == n + 1


def test_ten_thousand_values_of_one_name(Headers: type) -> None:  # noqa: N803
    n = 10_000
    h = Headers()
    for i in range(n):
        h.add("Set-Cookie" if i % 2 else "set-cookie", f"c{i}=1")
    assert len(h.getlist("SET-COOKIE")) == n
    h.set("set-cookie", "only")
    assert list(h) == [("set-cookie", "only")]
    h.setlist("X", range(n))
    assert h.getlist("x", type=int) == list(range(n))
    h.remove("x")
    assert len(h) == 1


def test_one_megabyte_value(Headers: type) -> None:  # noqa: N803
    value = "v" * (1 << 20)
    h = Headers([("Big", value)])
    assert h["big"] == value


# --- the http helpers ---------------------------------------------------------

QUOTE_VALUES = [
    "",
    "abc",
    "a b",
    'a"b',
    "a\\b",
    "a;b",
    "a,b",
    "a=b",
    "!#$%&'*+-.^_`|~",
    "ü",
    "\x00",
    "a\tb",
    "(x)",
    "[x]",
    "{x}",
    "a/b",
    "@",
    "?",
    5,
    0,
    None,
    1.5,
    b"x",
]


@pytest.mark.parametrize("value", QUOTE_VALUES, ids=repr)
@pytest.mark.parametrize("allow_token", [True, False])
def test_quote_header_value(
    twin: types.ModuleType, value: t.Any, allow_token: bool
) -> None:
    got = outcome(lambda: twin.http.quote_header_value(value, allow_token))
    expected = outcome(lambda: werkzeug.http.quote_header_value(value, allow_token))
    assert got == expected
    got = outcome(lambda: twin.http.quote_header_value(value, allow_token=allow_token))
    assert got == expected


def test_quote_header_value_default(twin: types.ModuleType) -> None:
    for value in QUOTE_VALUES:
        assert twin.http.quote_header_value(value) == werkzeug.http.quote_header_value(
            value
        )


DUMP_CASES: list[tuple[t.Any, dict[str, t.Any]]] = [
    ("text/html", {"charset": "utf-8"}),
    ("text/html", {}),
    (None, {"a": "b c"}),
    (None, {}),
    ("x", {"a": None}),
    ("x", {"a": None, "b": "1", "c": None}),
    ("x", {"f*": "UTF-8''%20 x"}),
    ("x", {"f": "UTF-8''%20 x"}),
    ("x", {"a": 5, "b": 0, "c": 1.5}),
    ("x", {"a": ""}),
    ("x", {"a": 'q"q', "b": "s\\s"}),
    ("", {"a": "b"}),
    ("x", {"a_b": "1"}),
    (5, {"a": "b"}),
    (5, {}),
    (5, {"a": None}),
    (b"x", {"a": "b"}),
    ("x", {"a": "x\ny"}),
]


@pytest.mark.parametrize(("header", "options"), DUMP_CASES, ids=repr)
def test_dump_options_header(
    twin: types.ModuleType, header: t.Any, options: dict[str, t.Any]
) -> None:
    got = outcome(lambda: twin.http.dump_options_header(header, options))
    expected = outcome(lambda: werkzeug.http.dump_options_header(header, options))
    assert got == expected


def test_dump_options_header_keeps_option_order(twin: types.ModuleType) -> None:
    options = {"z": "1", "a": "2", "m": "3"}
    assert twin.http.dump_options_header("v", options) == "v; z=1; a=2; m=3"
