"""The twins expose the same API, and it is Werkzeug's.

Cross-twin comparisons need the compiled twin (``compiled_twin``) and are
deselected by ``--no-compiled``; comparisons with Werkzeug run on each twin.
Every public module (``SUBMODULES``) is compared, and each name of its
``__all__`` with Werkzeug's object of that name (``WERKZEUG_MODULES``).
"""

from __future__ import annotations
import __future__

import importlib
import inspect
import sys
import types
import typing as t
import weakref

import pytest
import werkzeug.datastructures
import werkzeug.exceptions
import werkzeug.http
import werkzeug.sansio.response
import werkzeug.sansio.utils
import werkzeug.test
import werkzeug.urls
import werkzeug.user_agent
import werkzeug.utils
import werkzeug.wrappers.response
import werkzeug.wsgi

import wrappers
import wrappers_pure

#: The public modules both twins have (dotted below the package).
SUBMODULES = (
    "datastructures",
    "http",
    "exceptions",
    "urls",
    "utils",
    "wsgi",
    "response",
    "sansio.response",
    "sansio.utils",
    "user_agent",
    "test",
)

#: Our public module -> Werkzeug's module of the same names.
WERKZEUG_MODULES = {
    "datastructures": werkzeug.datastructures,
    "http": werkzeug.http,
    "exceptions": werkzeug.exceptions,
    "urls": werkzeug.urls,
    "utils": werkzeug.utils,
    "wsgi": werkzeug.wsgi,
    "response": werkzeug.wrappers.response,
    "sansio.response": werkzeug.sansio.response,
    "sansio.utils": werkzeug.sansio.utils,
    "user_agent": werkzeug.user_agent,
    "test": werkzeug.test,
}

#: ``(module, name)`` -> why our object legitimately differs from Werkzeug's
#: in kind or signature (an entry that no longer differs fails).
WERKZEUG_DIFFERENCES: dict[tuple[str, str], str] = {
    # Until wrappers_pure/request.py exists: tests/test/test_test_module.py
    # compares every other member of the class with Werkzeug's.
}

WZ_HEADERS = werkzeug.datastructures.Headers

#: Dunder methods Werkzeug's Headers defines itself (not inherited from object).
WZ_OWN_DUNDERS = sorted(
    name
    for name, value in vars(WZ_HEADERS).items()
    if name.startswith("__")
    and name.endswith("__")
    and (callable(value) or value is None)
    and name not in {"__init_subclass__", "__subclasshook__", "__class_getitem__"}
)

WZ_PUBLIC = sorted(name for name in dir(WZ_HEADERS) if not name.startswith("_"))

_SENTINEL = "<sentinel>"


def _submodule(package: types.ModuleType, name: str) -> types.ModuleType:
    """``package``'s submodule ``name`` (dotted: ``"sansio.response"``)."""
    return importlib.import_module(f"{package.__name__}.{name}")


def _public(obj: t.Any) -> set[str]:
    return {name for name in dir(obj) if not name.startswith("_")}


def _all(module: types.ModuleType) -> list[str]:
    """The public names of ``module``: its ``__all__``, or else every name
    not starting with ``_`` that is not a module, a ``__future__`` feature or
    a type variable."""
    names = getattr(module, "__all__", None)
    if names is not None:
        return sorted(names)

    return sorted(
        name
        for name, value in vars(module).items()
        if not name.startswith("_")
        and not isinstance(value, (types.ModuleType, __future__._Feature, t.TypeVar))
    )


def _default(value: t.Any) -> t.Any:
    if value is inspect.Parameter.empty:
        return value
    if value is None or isinstance(value, (bool, int, float, str, bytes, tuple)):
        return value
    # A private "no default given" marker: any object of its own kind.
    return _SENTINEL


def _sig(func: t.Any) -> t.Any:
    try:
        sig = inspect.signature(func)
    except (TypeError, ValueError):
        return "<no signature>"
    return [(p.name, p.kind, _default(p.default)) for p in sig.parameters.values()]


# --- module level -------------------------------------------------------------


def test_top_level_names(compiled_twin: types.ModuleType) -> None:
    assert sorted(_all(compiled_twin)) == sorted(_all(wrappers_pure))

    for name in _all(wrappers_pure):
        assert hasattr(compiled_twin, name), name
        assert hasattr(wrappers_pure, name), name


def test_top_level_names_of_the_shim() -> None:
    """Whatever twin the shim picked, it has the pure twin's public names."""
    assert sorted(_all(wrappers)) == sorted(_all(wrappers_pure))

    for name in _all(wrappers_pure):
        assert hasattr(wrappers, name), name

    for name in SUBMODULES:
        for package in (wrappers, wrappers_pure):
            attr: t.Any = package
            for part in name.split("."):
                attr = getattr(attr, part)
            assert attr is _submodule(package, name), f"{package.__name__}.{name}"


@pytest.mark.parametrize("submodule", SUBMODULES)
def test_submodule_names_of_the_shim(submodule: str) -> None:
    """Whatever twin the shim picked, its submodules have the pure twin's names."""
    ours = _submodule(wrappers, submodule)
    pure = _submodule(wrappers_pure, submodule)
    assert _all(ours) == _all(pure)

    for name in _all(pure):
        assert hasattr(ours, name), f"{submodule}.{name}"


@pytest.mark.parametrize("submodule", SUBMODULES)
def test_submodule_names(compiled_twin: types.ModuleType, submodule: str) -> None:
    ours = _submodule(compiled_twin, submodule)
    pure = _submodule(wrappers_pure, submodule)
    assert sorted(_all(ours)) == sorted(_all(pure))

    for name in _all(pure):
        assert hasattr(ours, name), f"{submodule}.{name}"


def test_version_and_flag(compiled_twin: types.ModuleType) -> None:
    assert compiled_twin.__version__ == wrappers_pure.__version__
    assert compiled_twin.COMPILED is True
    assert wrappers_pure.COMPILED is False


def test_headers_is_reexported(twin: types.ModuleType) -> None:
    assert twin.datastructures.Headers is twin.Headers


def test_compiled_twin_uses_the_compiled_class(compiled_twin: types.ModuleType) -> None:
    assert compiled_twin.Headers is not wrappers_pure.Headers
    assert compiled_twin.Headers.__module__ == "wrappers._headers"
    assert not issubclass(compiled_twin.Headers, wrappers_pure.Headers)


def _public_classes_and_functions(
    module: types.ModuleType,
) -> t.Iterator[tuple[str, t.Any]]:
    for submodule in (None, *SUBMODULES):
        mod = module if submodule is None else _submodule(module, submodule)
        for name in _all(mod):
            obj = getattr(mod, name)
            if isinstance(obj, type) or callable(obj):
                yield (f"{submodule or ''}.{name}", obj)


#: Instance attributes the compiled twin keeps in C fields behind class
#: descriptors (so they show in ``dir()`` of the class); the pure twin keeps
#: them in the instance dict, as Werkzeug does. (The top-level Response is
#: ``response.Response``.)
_RESPONSE_C_FIELDS = {"headers", "response", "direct_passthrough"}
C_FIELD_ATTRIBUTES = {
    ".Response": _RESPONSE_C_FIELDS,
    "response.Response": _RESPONSE_C_FIELDS,
    "sansio.response.Response": {"headers"},
    # The environ is read on every lookup.
    "datastructures.EnvironHeaders": {"environ"},
    # The Request's constructor arguments; the environ-derived attributes are
    # lazy on both twins (class descriptors in the pure twin too).
    ".Request": {"environ", "shallow"},
    "request.Request": {"environ", "shallow"},
}


def test_public_attributes_of_classes(compiled_twin: types.ModuleType) -> None:
    pure = dict(_public_classes_and_functions(wrappers_pure))
    ours = dict(_public_classes_and_functions(compiled_twin))
    assert sorted(pure) == sorted(ours)

    for name, pure_obj in pure.items():
        if isinstance(pure_obj, type):
            assert isinstance(ours[name], type), name
            extra = C_FIELD_ATTRIBUTES.get(name, set())
            assert _public(ours[name]) - extra == _public(pure_obj), name


def test_signatures_equal_across_twins(compiled_twin: types.ModuleType) -> None:
    pure = dict(_public_classes_and_functions(wrappers_pure))
    ours = dict(_public_classes_and_functions(compiled_twin))
    checked = 0

    for name, pure_obj in pure.items():
        if isinstance(pure_obj, type):
            for attr in sorted(_public(pure_obj)):
                pure_attr = getattr(pure_obj, attr)
                if not callable(pure_attr):
                    continue
                assert _sig(getattr(ours[name], attr)) == _sig(pure_attr), (
                    f"{name}.{attr}"
                )
                checked += 1
        else:
            assert _sig(ours[name]) == _sig(pure_obj), name
            checked += 1

    assert checked >= len(WZ_PUBLIC)


# --- against Werkzeug ---------------------------------------------------------


def _kind(obj: t.Any) -> str:
    if isinstance(obj, type):
        return "class"
    if callable(obj):
        return "function"
    return type(obj).__name__


def _interpreters_own(cls: type, attr: str) -> bool:
    """Whether Werkzeug's ``cls`` inherits ``attr`` from the standard library
    on an interpreter other than CPython: its signature is then that
    interpreter's (PyPy's ``io.RawIOBase.read`` is ``(self, size=<sentinel>)``,
    CPython's ``(self, size=-1, /)``), and ours, written out, keeps CPython's."""
    if sys.implementation.name == "cpython":
        return False

    for base in cls.__mro__:
        if attr in vars(base):
            return base.__module__ in _STDLIB_IO

    return False


#: The modules Werkzeug's classes inherit interpreter-made members from.
_STDLIB_IO: t.Final = frozenset({"io", "_io", "_pyio", "builtins"})


def werkzeug_differences(
    submodule: str,
    ours: types.ModuleType,
    theirs: types.ModuleType,
    allowed: t.Mapping[tuple[str, str], str] = WERKZEUG_DIFFERENCES,
) -> list[str]:
    """How the names of ``ours.__all__`` differ from Werkzeug's objects of the
    same names (but the ``allowed`` ones): missing, another kind, another
    signature; for a class, other public members or another signature of a
    method."""
    problems = []

    for name in _all(ours):
        key = f"{submodule}.{name}"
        if (submodule, name) in allowed:
            continue
        if not hasattr(theirs, name):
            problems.append(f"{key}: not in {theirs.__name__}")
            continue
        obj, wz = getattr(ours, name), getattr(theirs, name)
        if _kind(obj) != _kind(wz):
            problems.append(f"{key}: a {_kind(obj)}, Werkzeug's is a {_kind(wz)}")
        elif _kind(obj) != "class":
            if callable(obj) and _sig(obj) != _sig(wz):
                problems.append(f"{key}: signature {_sig(obj)}, Werkzeug's {_sig(wz)}")
        else:
            extra = C_FIELD_ATTRIBUTES.get(key, set())
            if _public(obj) - extra != _public(wz):
                problems.append(
                    f"{key}: public members differ: ours only "
                    f"{sorted(_public(obj) - extra - _public(wz))}, Werkzeug's only "
                    f"{sorted(_public(wz) - _public(obj))}"
                )
            for attr in sorted(_public(obj) & _public(wz)):
                member, wz_member = getattr(obj, attr), getattr(wz, attr)
                if _interpreters_own(wz, attr):
                    continue
                if callable(wz_member) and _sig(member) != _sig(wz_member):
                    problems.append(
                        f"{key}.{attr}: signature {_sig(member)}, Werkzeug's {_sig(wz_member)}"
                    )

    return problems


@pytest.mark.parametrize("submodule", SUBMODULES)
def test_module_matches_werkzeug(twin: types.ModuleType, submodule: str) -> None:
    """Every name of a public module is Werkzeug's: the same kind, the same
    signature (for a class: its public members and their signatures)."""
    assert sorted(WERKZEUG_MODULES) == sorted(SUBMODULES)
    ours, theirs = _submodule(twin, submodule), WERKZEUG_MODULES[submodule]
    problems = werkzeug_differences(submodule, ours, theirs)
    assert not problems, "\n".join(problems)

    every = werkzeug_differences(submodule, ours, theirs, allowed={})
    for module, name in WERKZEUG_DIFFERENCES:
        if module == submodule:
            assert any(p.startswith(f"{module}.{name}") for p in every), (
                f"{module}.{name} is Werkzeug's now: remove it from WERKZEUG_DIFFERENCES"
            )


def test_werkzeug_check_catches_a_difference() -> None:
    ours: t.Any = types.ModuleType("ours")
    theirs: t.Any = types.ModuleType("theirs")

    def f(a: int, b: int = 1) -> None: ...

    def g(a: int, c: int = 1) -> None: ...

    class K:
        def m(self, x: int) -> None: ...

    class L:
        def m(self, x: int, y: int) -> None: ...

        def extra(self) -> None: ...

    ours.__all__ = ["f", "K", "missing", "kind"]
    ours.f, ours.K, ours.missing, ours.kind = f, L, f, f
    theirs.f, theirs.K, theirs.kind = g, K, K
    problems = werkzeug_differences("m", ours, theirs)
    assert [p.split(":")[0] for p in problems] == ["m.K", "m.K.m", "m.f", "m.kind", "m.missing"]
    theirs.f, theirs.K, theirs.missing, theirs.kind = f, L, f, f
    assert werkzeug_differences("m", ours, theirs) == []



@pytest.mark.parametrize("name", WZ_PUBLIC)
def test_headers_public_name_exists(twin: types.ModuleType, name: str) -> None:
    assert hasattr(twin.Headers, name)


@pytest.mark.parametrize("name", WZ_OWN_DUNDERS)
def test_headers_dunder_exists(twin: types.ModuleType, name: str) -> None:
    assert name in dir(twin.Headers)
    if getattr(WZ_HEADERS, name) is None:
        assert getattr(twin.Headers, name) is None
    else:
        assert callable(getattr(twin.Headers, name))


def test_headers_has_no_extra_public_names(twin: types.ModuleType) -> None:
    assert _public(twin.Headers) == set(WZ_PUBLIC)


@pytest.mark.parametrize(
    "name",
    [n for n in WZ_PUBLIC if callable(getattr(WZ_HEADERS, n))],
)
def test_headers_signature_matches_werkzeug(twin: types.ModuleType, name: str) -> None:
    assert _sig(getattr(twin.Headers, name)) == _sig(getattr(WZ_HEADERS, name))


def test_pop_default_is_a_private_sentinel(twin: types.ModuleType) -> None:
    default = inspect.signature(twin.Headers.pop).parameters["default"].default
    assert default is not inspect.Parameter.empty
    assert _default(default) == _SENTINEL


@pytest.mark.parametrize("name", ["quote_header_value", "dump_options_header"])
def test_http_signature_matches_werkzeug(twin: types.ModuleType, name: str) -> None:
    assert _sig(getattr(twin.http, name)) == _sig(getattr(werkzeug.http, name))


def test_bad_request_key_error_is_key_error(twin: types.ModuleType) -> None:
    assert issubclass(twin.exceptions.BadRequestKeyError, KeyError)


# --- the class is an ordinary, patchable Python class -------------------------


def test_headers_is_plain_python_class(twin: types.ModuleType) -> None:
    cls = twin.Headers
    assert type(cls) is type
    h = cls()
    assert isinstance(h.__dict__, dict)
    ref = weakref.ref(h)
    assert ref() is h
    h.anything = 1
    assert h.anything == 1
    assert vars(h)["anything"] == 1


def test_headers_class_attributes_settable(twin: types.ModuleType) -> None:
    cls = twin.Headers
    assert not hasattr(cls, "foo")
    cls.foo = 1  # type: ignore[attr-defined]
    try:
        assert cls().foo == 1
    finally:
        del cls.foo  # type: ignore[attr-defined]
    assert not hasattr(cls, "foo")


def test_headers_method_patchable(twin: types.ModuleType) -> None:
    cls = twin.Headers
    original = cls.__dict__.get("to_wsgi_list")
    cls.to_wsgi_list = lambda self: ["patched"]  # type: ignore[method-assign]
    try:
        assert cls().to_wsgi_list() == ["patched"]
    finally:
        if original is None:
            del cls.to_wsgi_list
        else:
            cls.to_wsgi_list = original  # type: ignore[method-assign]
    assert cls([("a", "b")]).to_wsgi_list() == [("a", "b")]


def test_headers_class_assignment(twin: types.ModuleType) -> None:
    sub = type("Sub", (twin.Headers,), {})
    h = twin.Headers([("a", "b")])
    h.__class__ = sub
    assert type(h) is sub
    assert list(h) == [("a", "b")]


@pytest.mark.parametrize(
    "name",
    sorted(n for n in WZ_PUBLIC if callable(getattr(WZ_HEADERS, n))),
)
def test_docstrings(twin: types.ModuleType, name: str) -> None:
    doc = getattr(twin.Headers, name).__doc__
    assert doc and doc.strip(), name


def test_docstrings_of_class_and_functions(twin: types.ModuleType) -> None:
    assert twin.Headers.__doc__ and twin.Headers.__doc__.strip()
    for func in (twin.http.quote_header_value, twin.http.dump_options_header):
        assert func.__doc__ and func.__doc__.strip(), func.__name__


def test_docstrings_equal_across_twins(
    compiled_twin: types.ModuleType, pure_twin: types.ModuleType
) -> None:
    """The twins document every public method alike (they mirror each other)."""
    pure = pure_twin.Headers
    names = sorted(
        name
        for name, value in vars(pure).items()
        if callable(value) and (not name.startswith("_") or name.startswith("__"))
    )
    assert names
    for name in names:
        ours = inspect.getdoc(getattr(compiled_twin.Headers, name))
        assert ours == inspect.getdoc(getattr(pure, name)), name
    assert inspect.getdoc(compiled_twin.Headers) == inspect.getdoc(pure)


def test_every_public_docstring_equal_across_twins(
    compiled_twin: types.ModuleType, pure_twin: types.ModuleType
) -> None:
    """Every public class, function, method and property of every module is
    documented, and alike in both twins (Headers, Response, the http functions)."""
    pure = dict(_public_classes_and_functions(pure_twin))
    ours = dict(_public_classes_and_functions(compiled_twin))
    checked = 0

    for name, pure_obj in pure.items():
        doc = inspect.getdoc(pure_obj)
        assert doc and doc.strip(), name
        assert inspect.getdoc(ours[name]) == doc, name
        checked += 1

        if not isinstance(pure_obj, type):
            continue

        for attr in sorted(_public(pure_obj)):
            pure_attr = inspect.getattr_static(pure_obj, attr)
            if not (callable(pure_attr) or isinstance(pure_attr, property)):
                continue
            ours_attr = inspect.getattr_static(ours[name], attr)
            want = inspect.getdoc(pure_attr)
            assert inspect.getdoc(ours_attr) == want, f"{name}.{attr}"
            checked += 1

    assert checked > 100
