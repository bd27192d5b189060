"""The import shim: which twin :mod:`wrappers` serves, and why.

These tests import :mod:`wrappers` and :mod:`wrappers_pure` as the modules
under test; the re-import tests run in a child interpreter.
"""

from __future__ import annotations

import json
import shutil
import sys
import typing as t
from pathlib import Path

import pytest

import wrappers
import wrappers._shim
from wrappers_pure import _env

ENV = "WRAPPERS_NO_EXTENSIONS"

TRUTHY = ["1", "true", "yes", "on", "TRUE", "Yes", " 1 ", "2", "y", "anything"]
FALSY = ["0", "false", "", "  ", "no", "off", "FALSE", "False", " 0 ", "\t0\n", "OFF"]


def _ok_importer(calls: list[str]) -> t.Callable[[str], object]:
    def importer(name: str) -> object:
        calls.append(name)
        return object()

    return importer


@pytest.fixture(scope="module")
def expect_compiled(request: pytest.FixtureRequest) -> bool:
    """Whether a fresh ``import wrappers`` (no env var) must pick the compiled twin.

    Without ``--no-compiled`` the compiled twin is required. With it, whatever
    is importable here decides.
    """
    if not request.config.getoption("--no-compiled"):
        return True

    return wrappers._shim._choose(environ={})[0]


# --- the environment parser ---------------------------------------------------


@pytest.mark.parametrize("value", TRUTHY)
def test_env_flag_truthy(value: str) -> None:
    assert _env.env_flag(ENV, {ENV: value}) is True


@pytest.mark.parametrize("value", FALSY)
def test_env_flag_falsy(value: str) -> None:
    assert _env.env_flag(ENV, {ENV: value}) is False


def test_env_flag_unset() -> None:
    assert _env.env_flag(ENV, {}) is False
    assert _env.env_flag(ENV, {"OTHER": "1"}) is False


def test_env_flag_reads_os_environ_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV, "1")
    assert _env.env_flag(ENV) is True
    monkeypatch.setenv(ENV, "0")
    assert _env.env_flag(ENV) is False
    monkeypatch.delenv(ENV)
    assert _env.env_flag(ENV) is False


def test_env_flag_reads_the_named_variable() -> None:
    assert _env.env_flag("A_VAR", {"A_VAR": "1", ENV: "0"}) is True
    assert _env.env_flag(ENV, {"A_VAR": "1", ENV: "0"}) is False


def test_env_names() -> None:
    assert _env.NO_EXTENSIONS == ENV
    assert _env.REQUIRE_EXTENSIONS == "WRAPPERS_REQUIRE_EXTENSIONS"


@pytest.mark.parametrize("value", TRUTHY + FALSY)
def test_shim_uses_the_one_parser(value: str) -> None:
    """The shim forces pure exactly when ``env_flag`` says the variable is set."""
    compiled, _ = wrappers._shim._choose(
        environ={ENV: value}, implementation="cpython", importer=_ok_importer([])
    )
    assert compiled is (not _env.env_flag(ENV, {ENV: value}))


# --- the decision function ----------------------------------------------------


@pytest.mark.parametrize("value", ["1", "true", "yes"])
def test_choose_forced_pure(value: str) -> None:
    calls: list[str] = []
    compiled, reason = wrappers._shim._choose(
        environ={ENV: value}, implementation="cpython", importer=_ok_importer(calls)
    )
    assert compiled is False
    assert ENV in reason
    assert calls == [], "a forced pure choice must not import the compiled modules"


@pytest.mark.parametrize("value", ["0", "false", "", "  "])
def test_choose_not_forced(value: str) -> None:
    calls: list[str] = []
    compiled, reason = wrappers._shim._choose(
        environ={ENV: value}, implementation="cpython", importer=_ok_importer(calls)
    )
    assert compiled is True
    assert isinstance(reason, str) and reason
    assert "wrappers._headers" in calls


def test_choose_empty_environ_is_not_forced() -> None:
    compiled, _ = wrappers._shim._choose(
        environ={}, implementation="cpython", importer=_ok_importer([])
    )
    assert compiled is True


@pytest.mark.parametrize("implementation", ["pypy", "graalpy", "ironpython"])
def test_choose_not_cpython(implementation: str) -> None:
    calls: list[str] = []
    compiled, reason = wrappers._shim._choose(
        environ={}, implementation=implementation, importer=_ok_importer(calls)
    )
    assert compiled is False
    assert implementation in reason
    assert calls == []


def test_choose_env_wins_over_implementation() -> None:
    compiled, reason = wrappers._shim._choose(
        environ={ENV: "1"}, implementation="pypy", importer=_ok_importer([])
    )
    assert compiled is False
    assert ENV in reason


@pytest.mark.parametrize("failing", ["wrappers._headers"])
def test_choose_import_error(failing: str) -> None:
    def importer(name: str) -> object:
        if name == failing:
            raise ImportError(f"no module named {name!r} (test)")
        return object()

    compiled, reason = wrappers._shim._choose(
        environ={}, implementation="cpython", importer=importer
    )
    assert compiled is False
    assert failing in reason


def test_choose_import_error_subclass() -> None:
    def importer(name: str) -> object:
        raise ModuleNotFoundError(name)

    compiled, reason = wrappers._shim._choose(
        environ={}, implementation="cpython", importer=importer
    )
    assert compiled is False
    assert "wrappers._headers" in reason


def _failing_importer(name: str) -> object:
    raise ModuleNotFoundError(f"No module named {name!r}", name=name)


def test_choose_import_error_in_a_source_tree(tmp_path: Path) -> None:
    """A checkout (the .pyx beside the shim) gets a reason that says what to do."""
    (tmp_path / "_headers.pyx").write_text("# a kernel's source\n")
    compiled, reason = wrappers._shim._choose(
        environ={},
        implementation="cpython",
        importer=_failing_importer,
        package_dir=str(tmp_path),
    )
    assert compiled is False
    assert f"imported from a source tree at {tmp_path}" in reason
    assert "wrappers._headers is not built" in reason
    assert "No module named 'wrappers._headers'" in reason
    assert "build it, or run from elsewhere / with -I" in reason


def test_choose_import_error_outside_a_source_tree(tmp_path: Path) -> None:
    """An install (no .pyx: wheels never ship them) keeps the plain reason."""
    compiled, reason = wrappers._shim._choose(
        environ={},
        implementation="cpython",
        importer=_failing_importer,
        package_dir=str(tmp_path),
    )
    assert compiled is False
    assert "source tree" not in reason
    assert reason == (
        "the compiled module wrappers._headers could not be imported "
        "(No module named 'wrappers._headers')"
    )


def test_choose_defaults_agree_with_import_state(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(ENV, raising=False)
    compiled, reason = wrappers._shim._choose()
    assert isinstance(compiled, bool)
    assert isinstance(reason, str) and reason

    monkeypatch.setenv(ENV, "1")
    assert wrappers._shim._choose() == (False, wrappers._shim._choose(environ={ENV: "1"})[1])


def test_module_state() -> None:
    assert isinstance(wrappers.COMPILED, bool)
    assert isinstance(wrappers._REASON, str) and wrappers._REASON
    if wrappers.COMPILED:
        assert wrappers.Headers.__module__ == "wrappers._headers"
    else:
        assert wrappers.Headers.__module__ == "wrappers_pure.datastructures.headers"
    assert wrappers.datastructures.Headers is wrappers.Headers


# --- re-import in a child interpreter -----------------------------------------

PROBE = """
import json, sys
import wrappers
h = wrappers.Headers([("Content-Type", "text/plain")])
h.add("X-A", "1")
print(json.dumps({
    "compiled": wrappers.COMPILED,
    "reason": wrappers._REASON,
    "module": wrappers.Headers.__module__,
    "ds_same": wrappers.datastructures.Headers is wrappers.Headers,
    "file": wrappers.__file__,
    "items": list(h),
    "lookup": h["content-type"],
}))
"""


def _probe(
    run_python: t.Callable[..., t.Any],
    env: dict[str, str] | None = None,
    cwd: Path | None = None,
) -> dict[str, t.Any]:
    proc = run_python(PROBE, env=env, cwd=cwd)
    return json.loads(proc.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def _check_working(result: dict[str, t.Any]) -> None:
    assert result["file"] == wrappers.__file__, "the child imported another wrappers"
    assert result["ds_same"] is True
    assert result["items"] == [["Content-Type", "text/plain"], ["X-A", "1"]]
    assert result["lookup"] == "text/plain"


@pytest.mark.parametrize("value", ["1", "true", "yes"])
def test_reimport_forced_pure(run_python: t.Callable[..., t.Any], value: str) -> None:
    result = _probe(run_python, {ENV: value})
    assert result["compiled"] is False
    assert result["module"] == "wrappers_pure.datastructures.headers"
    assert ENV in result["reason"]
    _check_working(result)


@pytest.mark.parametrize("value", [None, "0", "false", ""])
def test_reimport_not_forced(
    run_python: t.Callable[..., t.Any], expect_compiled: bool, value: str | None
) -> None:
    result = _probe(run_python, {} if value is None else {ENV: value})
    assert result["compiled"] is expect_compiled, result["reason"]
    expected_module = (
        "wrappers._headers" if expect_compiled else "wrappers_pure.datastructures.headers"
    )
    assert result["module"] == expected_module
    _check_working(result)


BLOCKED = (
    """
import json, sys
import importlib.abc

class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == "wrappers._headers":
            raise ImportError("blocked by the test: " + name)
        return None

sys.meta_path.insert(0, Block())
"""
    + PROBE
)


def test_blocked_compiled_module_falls_back(run_python: t.Callable[..., t.Any]) -> None:
    proc = run_python(BLOCKED)
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result["compiled"] is False
    if sys.implementation.name == "cpython":
        assert "wrappers._headers" in result["reason"]
    else:  # the shim never tries the compiled modules there
        assert sys.implementation.name in result["reason"]
    assert result["module"] == "wrappers_pure.datastructures.headers"
    _check_working(result)


def test_source_tree_shadowing_the_install_is_named(
    run_python: t.Callable[..., t.Any], tmp_path: Path
) -> None:
    """``python -c "import wrappers"`` from a checkout imports the tree's
    ``wrappers`` (no compiled modules in it) before the installed build; the
    reason names the tree and the way out.

    The checkout is made here: the installed package's Python files and one
    ``.pyx``, which is what marks a source tree.
    """
    installed = Path(wrappers.__file__).resolve().parent
    tree = tmp_path.resolve() / "checkout"  # as the child's getcwd() sees it
    shutil.copytree(
        installed,
        tree / "wrappers",
        ignore=shutil.ignore_patterns("*.so", "*.pyd", "__pycache__"),
    )
    (tree / "wrappers" / "_headers.pyx").write_text("# a kernel's source\n")

    result = _probe(run_python, cwd=tree)
    assert result["file"] == str(tree / "wrappers" / "__init__.py")
    assert result["compiled"] is False

    if sys.implementation.name == "cpython":
        assert result["reason"].startswith(
            f"imported from a source tree at {tree / 'wrappers'}, where "
            "wrappers._headers is not built ("
        ), result["reason"]
        assert result["reason"].endswith(
            "build it, or run from elsewhere / with -I to import the installed build"
        )
    else:  # the shim never tries the compiled modules there
        assert sys.implementation.name in result["reason"]


def test_pure_imports_nothing_from_wrappers(run_python: t.Callable[..., t.Any]) -> None:
    code = """
import sys
import wrappers_pure
import wrappers_pure.datastructures, wrappers_pure.http, wrappers_pure.exceptions
h = wrappers_pure.Headers([("a", "b")])
h.add("c", "d", x="y z")
str(h); repr(h); h.copy()
bad = sorted(m for m in sys.modules if m == "wrappers" or m.startswith("wrappers."))
print(repr(bad))
"""
    proc = run_python(code)
    assert proc.stdout.strip() == "[]"


def test_env_module_loads_by_path(run_python: t.Callable[..., t.Any]) -> None:
    """``_env`` must load standalone by file path (setup.py does that)."""
    code = f"""
import importlib.util, sys
spec = importlib.util.spec_from_file_location("standalone_env", {_env.__file__!r})
mod = importlib.util.module_from_spec(spec)
spec.loader.exec_module(mod)
assert mod.env_flag("X", {{"X": "1"}}) is True
assert mod.env_flag("X", {{"X": "0"}}) is False
print(sorted(m for m in sys.modules if m.startswith("wrappers")))
"""
    proc = run_python(code)
    assert proc.stdout.strip() == "[]"
