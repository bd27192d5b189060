"""Pickles made by version 0.1.0 still load, as the objects they were.

``data/pickles-0.1.0.json`` holds real pickles that 0.1.0 (commit 76d7856) made
with both twins, written by ``data/make_legacy_pickles.py`` (see there for what
and how to rerun it), with :func:`describe` of each object as 0.1.0 saw it.
0.1.0 named modules that have moved since (``wrappers_pure._structures``,
``wrappers_pure._values``, ``wrappers_pure.headers``); ``wrappers_pure``
registers modules under those paths (``wrappers_pure/_pickle_paths.py``).

Each pickle must load on the code under test into the class the twin serves
now (compiled entries: whatever :mod:`wrappers` serves, which is the pure class
where the compiled twin is off), with the recorded state; pickling it again
must name only real modules, none of the old paths, and round-trip. A pickle
that names one of 0.1.0's compiled modules (a compiled class pickled by
reference) needs the compiled twin and is deselected by ``--no-compiled``;
the compiled twin's instances name ``wrappers._restore`` and load anywhere.
"""

from __future__ import annotations

import _compat_pickle
import base64
import importlib
import json
import pickle
import pickletools
import sys
import types
import typing as t
from pathlib import Path

import pytest

from package.data.legacy_state import _mro_names
from package.data.legacy_state import describe

FIXTURE_PATH = Path(__file__).resolve().parent / "data" / "pickles-0.1.0.json"
FIXTURE: dict[str, t.Any] = json.loads(FIXTURE_PATH.read_text(encoding="ascii"))
ENTRIES: dict[str, dict[str, t.Any]] = {e["key"]: e for e in FIXTURE["entries"]}

#: The module paths of 0.1.0 that are gone (served by alias modules now).
OLD_PATHS = frozenset(
    {"wrappers_pure._structures", "wrappers_pure._values", "wrappers_pure.headers"}
)

#: ``wrappers_pure.datastructures.__all__`` in 0.1.0 (and ``wrappers.datastructures``).
OLD_DATASTRUCTURES_ALL = [
    "CallbackDict",
    "ContentRange",
    "ContentSecurityPolicy",
    "ETags",
    "HeaderSet",
    "Headers",
    "IfRange",
    "ImmutableDictMixin",
    "ImmutableMultiDict",
    "ImmutableMultiDictMixin",
    "MultiDict",
    "Range",
    "RequestCacheControl",
    "ResponseCacheControl",
    "TypeConversionDict",
    "UpdateDictMixin",
    "WWWAuthenticate",
    "iter_multi_items",
]
#: ``wrappers_pure.exceptions.__all__`` in 0.1.0.
OLD_EXCEPTIONS_ALL = [
    "BadRequest",
    "BadRequestKeyError",
    "HTTPException",
    "RequestedRangeNotSatisfiable",
]
TWINS = ("compiled", "pure")


# --- describe: data/legacy_state.py, shared with data/make_legacy_pickles.py --------


def plain(obj: t.Any) -> t.Any:
    """:func:`describe` of ``obj`` as it reads back from JSON (tuples are lists)."""
    return json.loads(json.dumps(describe(obj)))


# --- pickles ------------------------------------------------------------------------


def imported_modules(data: bytes) -> set[str]:
    """The modules the pickle ``data`` imports when it loads (as it names them)."""
    found = set()
    memo: dict[int, t.Any] = {}
    pushed: list[t.Any] = []

    for opcode, arg, _ in pickletools.genops(data):
        name = opcode.name
        if name == "GLOBAL":
            found.add(arg.partition(" ")[0])
            pushed.append(None)
        elif name == "STACK_GLOBAL":
            found.add(pushed[-2])
            pushed.append(None)
        elif name == "MEMOIZE":
            memo[len(memo)] = pushed[-1]
        elif name in ("PUT", "BINPUT", "LONG_BINPUT"):
            memo[arg] = pushed[-1]
        elif name in ("GET", "BINGET", "LONG_BINGET"):
            pushed.append(memo[arg])
        elif name not in ("PROTO", "FRAME"):
            pushed.append(arg if isinstance(arg, str) else None)

    return found


def pickles_of(entry: dict[str, t.Any]) -> dict[str, str]:
    return ENTRIES[entry.get("same_as", entry["key"])]["pickles"]  # type: ignore[no-any-return]


def blob(key: str, protocol: str) -> bytes:
    return base64.b64decode(pickles_of(ENTRIES[key])[protocol])


def needs_compiled(data: bytes) -> bool:
    """Whether the pickle names one of 0.1.0's compiled modules."""
    return bool(imported_modules(data) & set(FIXTURE["compiled_modules"]))


CASES = [
    (key, protocol)
    for key in sorted(ENTRIES)
    for protocol in sorted(pickles_of(ENTRIES[key]), key=int)
]
PORTABLE = [case for case in CASES if not needs_compiled(blob(*case))]
COMPILED_ONLY = [case for case in CASES if needs_compiled(blob(*case))]


def case_id(case: tuple[str, str]) -> str:
    return f"{case[0]}-{case[1]}"


def expected_target(entry: dict[str, t.Any]) -> t.Any:
    """What the entry's pickle must load as now: the class (or, for a member or
    a sentinel, the object itself) at its public path in the twin's package."""
    if entry["kind"] == "sentinel":
        from wrappers_pure._internal import _missing

        return _missing

    obj: t.Any = importlib.import_module(
        "wrappers" if entry["twin"] == "compiled" else "wrappers_pure"
    )
    for part in entry["public"].split("."):
        obj = getattr(obj, part)

    if entry["kind"] == "member":
        return obj[entry["state"]]

    return obj


def check_is_target(entry: dict[str, t.Any], obj: t.Any) -> None:
    target = expected_target(entry)
    if entry["kind"] == "instance":
        assert type(obj) is target, (type(obj), target)
    else:
        assert obj is target, (obj, target)


def check_repickle(entry: dict[str, t.Any], obj: t.Any) -> None:
    """Pickling ``obj`` again names none of the old paths, nor any other
    module of ours that is an alias (made without an import spec);
    the new pickle loads as the same class with the same state."""
    for protocol in FIXTURE["protocols"]:
        data = pickle.dumps(obj, protocol)
        modules = {
            _compat_pickle.IMPORT_MAPPING.get(m, m) for m in imported_modules(data)
        }
        assert not modules & OLD_PATHS, (protocol, sorted(modules))
        for module in modules:
            if module.partition(".")[0] in ("wrappers", "wrappers_pure"):
                assert sys.modules[module].__spec__ is not None, f"{module} is an alias"

        again = pickle.loads(data)
        if entry["kind"] == "instance":
            assert type(again) is type(obj)
            assert again is not obj
        else:
            assert again is obj
        assert plain(again) == entry["describe"], protocol


def check_live(entry: dict[str, t.Any], obj: t.Any) -> None:
    """A loaded Headers (or the headers of a loaded response or stream) is
    the twin's Headers class and still checks what it is given; a loaded
    response still takes a new body. (Run last: it changes ``obj``.)"""
    names = _mro_names(obj)
    response = None
    if "ResponseStream" in names:
        response = obj.response
    elif "Response" in names:
        response = obj
    headers = (
        response.headers
        if response is not None
        else obj
        if "Headers" in names
        else None
    )

    if headers is not None:
        twin = importlib.import_module(
            "wrappers" if entry["twin"] == "compiled" else "wrappers_pure"
        )
        assert type(headers) is twin.Headers
        with pytest.raises(ValueError):
            headers.add("X-Bad", "a\nb")
        headers.add("X-New", "1")
        assert headers["x-new"] == "1"

    if response is not None:
        response.set_data(b"new body")
        assert response.get_data() == b"new body"
        assert response.headers["Content-Length"] == "8"


def check_entry(key: str, protocol: str) -> None:
    entry = ENTRIES[key]
    obj = pickle.loads(blob(key, protocol))
    check_is_target(entry, obj)
    assert plain(obj) == entry["describe"]
    check_repickle(entry, obj)
    if entry["kind"] == "instance":
        check_live(entry, obj)


# --- loading ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "protocol"), PORTABLE, ids=[case_id(c) for c in PORTABLE]
)
def test_legacy_pickle_loads(key: str, protocol: str) -> None:
    check_entry(key, protocol)


@pytest.mark.parametrize(
    ("key", "protocol"), COMPILED_ONLY, ids=[case_id(c) for c in COMPILED_ONLY]
)
def test_legacy_pickle_of_a_compiled_module_loads(
    compiled_twin: types.ModuleType, key: str, protocol: str
) -> None:
    check_entry(key, protocol)


def test_only_compiled_classes_by_reference_need_the_compiled_twin() -> None:
    """The compiled twin's instances name ``wrappers._restore`` (they load
    without the compiled twin); only its classes pickled by reference name
    its compiled modules."""
    keys = sorted({key for key, _ in COMPILED_ONLY})
    assert keys == ["compiled-Headers.ref", "compiled-Response.ref"]
    for key in (
        "compiled-Headers.attr",
        "compiled-Response.cookie",
        "compiled-ResponseStream.written",
    ):
        for protocol in FIXTURE["protocols"]:
            assert (key, str(protocol)) in PORTABLE


#: One pickle for each path 0.1.0's pickles name, loaded first thing in a new
#: interpreter (nothing of wrappers imported before).
FRESH_KEYS = [
    "pure-MultiDict.repeated",
    "pure-COEP.REQUIRE_CORP",
    "pure-Headers.attr",
    "pure-Response.streamed",
    "pure-_WerkzeugAwareRequestedRangeNotSatisfiable.length",
    "compiled-Headers.attr",
    "compiled-Response.cookie",
    "compiled-RequestedRangeNotSatisfiable.response",
]

LOAD_FIRST = """
import base64, importlib, json, pickle, sys
assert not [m for m in sys.modules if m.split(".")[0] in ("wrappers", "wrappers_pure")]
obj = pickle.loads(base64.b64decode({blob!r}))
target = importlib.import_module({root!r})
for part in {public!r}.split("."):
    target = getattr(target, part)
print(json.dumps({{
    "is_target": type(obj) is target,
    "compiled": importlib.import_module("wrappers").COMPILED,
    "again": base64.b64encode(pickle.dumps(obj)).decode("ascii"),
}}))
"""


@pytest.mark.parametrize("forced_pure", [False, True], ids=["default", "forced-pure"])
@pytest.mark.parametrize("key", FRESH_KEYS)
def test_legacy_pickle_loads_first_thing(
    run_python: t.Callable[..., t.Any], key: str, forced_pure: bool
) -> None:
    entry = ENTRIES[key]
    protocol = str(FIXTURE["default_protocol"])
    code = LOAD_FIRST.format(
        blob=pickles_of(entry)[protocol],
        root="wrappers" if entry["twin"] == "compiled" else "wrappers_pure",
        public=entry["public"],
    )
    env = {"WRAPPERS_NO_EXTENSIONS": "1"} if forced_pure else {}
    out = json.loads(run_python(code, env=env).stdout.strip().splitlines()[-1])

    assert out["is_target"] is True
    if forced_pure:
        assert out["compiled"] is False
    assert plain(pickle.loads(base64.b64decode(out["again"]))) == entry["describe"]


# --- the fixture ----------------------------------------------------------------------


def test_fixture_is_0_1_0() -> None:
    assert FIXTURE["version"] == "0.1.0"
    assert FIXTURE["commit"] == "76d785637172e4fda32ac368328015ffac969322"
    assert FIXTURE["datastructures_all"] == {
        "wrappers": OLD_DATASTRUCTURES_ALL,
        "wrappers_pure": OLD_DATASTRUCTURES_ALL,
    }
    assert FIXTURE["compiled_modules"] == [
        "wrappers._headers",
        "wrappers._http",
        "wrappers._response",
    ]
    assert {2, 5, FIXTURE["default_protocol"]} <= set(FIXTURE["protocols"])


def test_fixture_is_consistent() -> None:
    """Every entry has a pickle per protocol, and its recorded modules are
    what this file's scan finds (the scan decides ``needs_compiled``)."""
    for key, entry in ENTRIES.items():
        assert key == f"{entry['twin']}-{entry['name']}.{entry['state']}"
        if "same_as" in entry:
            source = ENTRIES[entry["same_as"]]
            assert (source["twin"], source["name"], source["state"]) == (
                "pure",
                entry["name"],
                entry["state"],
            )
            assert source["describe"] == entry["describe"]
        pickles = pickles_of(entry)
        assert sorted(pickles, key=int) == [str(p) for p in FIXTURE["protocols"]], key
        modules: set[str] = set()
        for data in pickles.values():
            modules |= imported_modules(base64.b64decode(data))
        assert sorted(modules) == entry["modules"], key


@pytest.mark.parametrize("twin_id", TWINS)
def test_fixture_covers_every_kind(twin_id: str) -> None:
    """Coverage cannot shrink silently: each name of 0.1.0's
    ``datastructures.__all__`` still public now has a by-reference entry on
    both twins, and each of those that is a concrete class an instance entry;
    likewise for the exceptions, the enums and the response classes."""
    import wrappers_pure.datastructures

    entries = [e for e in ENTRIES.values() if e["twin"] == twin_id]
    refs = {e["public"] for e in entries if e["kind"] == "class"}
    instances = {e["public"] for e in entries if e["kind"] == "instance"}
    members = {(e["public"], e["state"]) for e in entries if e["kind"] == "member"}

    names = [
        n for n in OLD_DATASTRUCTURES_ALL if n in wrappers_pure.datastructures.__all__
    ]
    assert names, "0.1.0's data structures are all gone?"
    for name in names:
        assert "datastructures." + name in refs, name
        obj = getattr(wrappers_pure.datastructures, name)
        if isinstance(obj, type) and not name.endswith("Mixin"):
            assert "datastructures." + name in instances, name

    for name in OLD_EXCEPTIONS_ALL:
        assert "exceptions." + name in refs, name
        assert "exceptions." + name in instances, name

    for name in ("Response", "ResponseStream"):
        assert name in refs and name in instances, name

    import wrappers_pure.http

    for enum_name in ("COEP", "COOP"):
        assert "http." + enum_name in refs
        for member in getattr(wrappers_pure.http, enum_name):
            assert ("http." + enum_name, member.name) in members

    assert len({e["state"] for e in entries if e["name"] == "Headers"}) >= 3


def test_fixture_is_small() -> None:
    assert FIXTURE_PATH.stat().st_size < 200_000
