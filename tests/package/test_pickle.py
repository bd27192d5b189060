"""Pickle and copy of ``Headers``, on both twins and on subclasses.

A pickle must name an implementation-neutral path: a pickle made by the
compiled twin loads where only the pure twin exists, and the other way round.
"""

from __future__ import annotations

import base64
import copy
import json
import pickle
import pickletools
import sys
import types
import typing as t

import pytest
import werkzeug.datastructures

WH = werkzeug.datastructures.Headers

PROTOCOLS = list(range(pickle.HIGHEST_PROTOCOL + 1))
ITEMS = [
    ("Content-Type", "text/html; charset=utf-8"),
    ("Set-Cookie", "a=1"),
    ("set-cookie", "b=2"),
    ("X-Uni", "ü☃\x00\x0b"),
    ("X-Empty", ""),
    ("Set-Cookie", "a=1"),
]


def pickled_globals(data: bytes) -> set[tuple[str, str]]:
    """The ``(module, name)`` pairs a pickle imports when it loads."""
    found: set[tuple[str, str]] = set()
    memo: dict[int, t.Any] = {}
    pushed: list[t.Any] = []

    for opcode, arg, _ in pickletools.genops(data):
        name = opcode.name
        if name == "GLOBAL":
            module, _, attr = arg.partition(" ")
            found.add((module, attr))
            pushed.append(None)
        elif name == "STACK_GLOBAL":
            found.add((pushed[-2], pushed[-1]))
            pushed.append(None)
        elif name == "MEMOIZE":
            memo[len(memo)] = pushed[-1] if pushed else None
        elif name in {"PUT", "BINPUT", "LONG_BINPUT"}:
            memo[arg] = pushed[-1] if pushed else None
        elif name in {"GET", "BINGET", "LONG_BINGET"}:
            pushed.append(memo.get(arg))
        elif isinstance(arg, str) and "UNICODE" in name:
            pushed.append(arg)
        else:
            pushed.append(None)

    return found


def modules_of(data: bytes) -> set[str]:
    return {module for module, _ in pickled_globals(data)}


# --- round trips --------------------------------------------------------------


@pytest.mark.parametrize("protocol", PROTOCOLS)
def test_round_trip(Headers: type, protocol: int) -> None:  # noqa: N803
    h = Headers(ITEMS)
    h.foo = 1
    h.bar = {"nested": [1, 2]}
    data = pickle.dumps(h, protocol)
    loaded = pickle.loads(data)

    assert type(loaded) is Headers
    assert loaded is not h
    assert list(loaded) == ITEMS
    assert loaded == h
    assert loaded.foo == 1
    assert loaded.bar == {"nested": [1, 2]}
    assert loaded["content-type"] == "text/html; charset=utf-8"
    loaded.add("New", "1")
    assert len(h) == len(ITEMS), "the loaded object must not share the list"


@pytest.mark.parametrize("protocol", PROTOCOLS)
def test_round_trip_empty(Headers: type, protocol: int) -> None:  # noqa: N803
    loaded = pickle.loads(pickle.dumps(Headers(), protocol))
    assert type(loaded) is Headers
    assert list(loaded) == []
    assert not hasattr(loaded, "foo")
    loaded.add("a", "b")
    assert list(loaded) == [("a", "b")]


@pytest.mark.parametrize("protocol", PROTOCOLS)
def test_loaded_object_still_checks_input(Headers: type, protocol: int) -> None:  # noqa: N803
    loaded = pickle.loads(pickle.dumps(Headers(ITEMS), protocol))
    with pytest.raises(ValueError):
        loaded.add("X", "a\nb")
    with pytest.raises(ValueError):
        loaded.add("X\n", "a")
    assert list(loaded) == ITEMS


def test_shared_references_survive(Headers: type) -> None:  # noqa: N803
    h = Headers(ITEMS)
    payload = [h, h, {"h": h}]
    for protocol in PROTOCOLS:
        a, b, c = pickle.loads(pickle.dumps(payload, protocol))
        assert a is b is c["h"]


def test_self_reference_in_attribute(Headers: type) -> None:  # noqa: N803
    h = Headers(ITEMS)
    h.me = h
    for protocol in PROTOCOLS:
        loaded = pickle.loads(pickle.dumps(h, protocol))
        assert loaded.me is loaded
        assert list(loaded) == ITEMS


# A module-level subclass of each twin's Headers, defined when the twin is known
# (a fixture), but registered as a global of this module so that pickle finds it.
def module_level_subclass(base: type, twin_name: str) -> type:
    name = f"ModuleSub_{twin_name}"
    cls = globals().get(name)
    if cls is None:
        cls = type(name, (base,), {"__module__": __name__, "extra": "class attr"})
        globals()[name] = cls
    assert sys.modules[__name__].__dict__[name] is cls
    return cls


@pytest.mark.parametrize("protocol", PROTOCOLS)
def test_module_level_subclass(twin: types.ModuleType, protocol: int) -> None:
    cls = module_level_subclass(twin.Headers, "compiled" if twin.COMPILED else "pure")
    h = cls(ITEMS)
    h.foo = "x"
    data = pickle.dumps(h, protocol)
    assert (__name__, cls.__qualname__) in pickled_globals(data)
    loaded = pickle.loads(data)
    assert type(loaded) is cls
    assert list(loaded) == ITEMS
    assert loaded.foo == "x"
    assert loaded.extra == "class attr"


# --- copies -------------------------------------------------------------------


def test_deepcopy(Headers: type) -> None:  # noqa: N803
    h = Headers(ITEMS)
    h.foo = [1]
    c = copy.deepcopy(h)
    assert type(c) is Headers
    assert c is not h
    assert list(c) == ITEMS
    assert c == h
    assert c.foo == [1] and c.foo is not h.foo
    c.add("New", "1")
    c.foo.append(2)
    assert list(h) == ITEMS
    assert h.foo == [1]


def test_deepcopy_memo(Headers: type) -> None:  # noqa: N803
    h = Headers(ITEMS)
    h.me = h
    a, b = copy.deepcopy([h, h])
    assert a is b
    assert a.me is a


def test_copy_copy(Headers: type) -> None:  # noqa: N803
    h = Headers(ITEMS)
    c = copy.copy(h)
    assert type(c) is Headers
    assert c is not h
    assert list(c) == ITEMS
    c.add("New", "1")
    assert list(h) == ITEMS


def test_copies_agree_with_werkzeug_on_attributes(Headers: type) -> None:  # noqa: N803
    """deepcopy keeps instance attributes (as Werkzeug's does); copy.copy and
    copy() give a fresh object built from the items (as Werkzeug's do)."""
    ours = Headers(ITEMS)
    theirs = WH(ITEMS)
    ours.foo = theirs.foo = 1
    for how in (copy.copy, copy.deepcopy, lambda h: h.copy()):
        assert hasattr(how(ours), "foo") == hasattr(how(theirs), "foo")


# --- what a pickle names ------------------------------------------------------


@pytest.mark.parametrize("protocol", PROTOCOLS)
def test_compiled_pickle_names_the_shim(
    compiled_twin: types.ModuleType, protocol: int
) -> None:
    data = pickle.dumps(compiled_twin.Headers(ITEMS), protocol)
    modules = modules_of(data)
    assert "wrappers._headers" not in modules
    assert b"wrappers._headers" not in data
    assert not any(m.startswith("wrappers_pure") for m in modules), modules
    assert any(m == "wrappers" or m.startswith("wrappers.") for m in modules), modules


@pytest.mark.parametrize("protocol", PROTOCOLS)
def test_pure_pickle_names_the_pure_twin(
    pure_twin: types.ModuleType, protocol: int
) -> None:
    data = pickle.dumps(pure_twin.Headers(ITEMS), protocol)
    modules = modules_of(data)
    assert any(m.startswith("wrappers_pure") for m in modules), modules
    assert not any(m == "wrappers" or m.startswith("wrappers.") for m in modules), (
        modules
    )


LOAD_IN_CHILD = """
import base64, json, pickle, sys
import wrappers
import wrappers_pure
results = []
for blob in json.loads({payload!r}):
    obj = pickle.loads(base64.b64decode(blob))
    results.append({{
        "class": type(obj).__module__ + "." + type(obj).__qualname__,
        "is_shim_headers": type(obj) is wrappers.Headers,
        "is_pure_headers": type(obj) is wrappers_pure.Headers,
        "items": list(obj),
        "attrs": {{k: v for k, v in vars(obj).items() if not k.startswith("_")}},
        "lookup": obj.get("content-type"),
    }})
print(json.dumps({{"compiled": wrappers.COMPILED, "results": results}}))
"""


def _payload(objects: list[t.Any]) -> str:
    blobs = [
        base64.b64encode(pickle.dumps(obj, protocol)).decode("ascii")
        for obj in objects
        for protocol in PROTOCOLS
    ]
    return json.dumps(blobs)


def _expected_items() -> list[list[str]]:
    return [list(pair) for pair in ITEMS]


def test_compiled_pickle_loads_with_only_the_pure_twin(
    compiled_twin: types.ModuleType, run_python: t.Callable[..., t.Any]
) -> None:
    h = compiled_twin.Headers(ITEMS)
    h.foo = 1
    code = LOAD_IN_CHILD.format(payload=_payload([h]))
    proc = run_python(code, env={"WRAPPERS_NO_EXTENSIONS": "1"})
    out = json.loads(proc.stdout.strip().splitlines()[-1])

    assert out["compiled"] is False
    assert len(out["results"]) == len(PROTOCOLS)
    for result in out["results"]:
        assert result["is_shim_headers"] is True
        assert result["class"] == "wrappers_pure.datastructures.headers.Headers"
        assert result["items"] == _expected_items()
        assert result["attrs"] == {"foo": 1}
        assert result["lookup"] == "text/html; charset=utf-8"


def test_compiled_pickle_loads_compiled(
    compiled_twin: types.ModuleType, run_python: t.Callable[..., t.Any]
) -> None:
    h = compiled_twin.Headers(ITEMS)
    code = LOAD_IN_CHILD.format(payload=_payload([h]))
    out = json.loads(run_python(code).stdout.strip().splitlines()[-1])

    assert out["compiled"] is True
    for result in out["results"]:
        assert result["is_shim_headers"] is True
        assert result["class"] == "wrappers._headers.Headers"
        assert result["items"] == _expected_items()


@pytest.mark.parametrize(
    "env", [{}, {"WRAPPERS_NO_EXTENSIONS": "1"}], ids=["default", "forced-pure"]
)
def test_pure_pickle_loads_in_a_normal_process(
    pure_twin: types.ModuleType, run_python: t.Callable[..., t.Any], env: dict[str, str]
) -> None:
    h = pure_twin.Headers(ITEMS)
    h.foo = 1
    code = LOAD_IN_CHILD.format(payload=_payload([h]))
    out = json.loads(run_python(code, env=env).stdout.strip().splitlines()[-1])

    for result in out["results"]:
        assert result["is_pure_headers"] is True
        assert result["items"] == _expected_items()
        assert result["attrs"] == {"foo": 1}
