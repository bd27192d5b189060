"""Every module of both twins imports alone, in a fresh interpreter.

Each module of the layer table (``tests/package/layers.py``; the compiled
kernels too, but not ``wrappers._capi``, which is C declarations only) is
imported first thing in a child ``python -I -W error``: it must import without
a warning and without printing anything, from the same build this process
tests. A module of the pure twin must load nothing of :mod:`wrappers`; and
whatever module is imported first, a later ``import wrappers`` must still pick
the compiled twin (the shim is not fooled by import order).

The kernels' tests and the import-order ones take ``compiled_twin``, so
``--no-compiled`` deselects them (PyPy has no compiled modules). The children
run in parallel, once for the whole file.
"""

from __future__ import annotations

import concurrent.futures
import importlib.util
import json
import os
import subprocess
import sys
import types
import typing as t
from pathlib import Path

import pytest

import wrappers
import wrappers_pure
from package.layers import LAYERS, tree_modules

TREE = tree_modules()
TABLE = [module for layer in LAYERS for module in layer.modules]
#: Modules that are no import: ``.pxd`` files without a ``.pyx``.
DECLARATIONS = [m for m in TABLE if {p.suffix for p in TREE.get(m, [])} == {".pxd"}]
#: The compiled modules.
KERNELS = [m for m in TABLE if any(p.suffix == ".pyx" for p in TREE.get(m, []))]
PLAIN = [m for m in TABLE if m not in DECLARATIONS and m not in KERNELS]
IMPORTABLE = PLAIN + KERNELS

MARK = "--- import result ---"

CHILD = """
import sys
sys.path[:0] = [p for p in {dirs!r} if p not in sys.path]
import {name}
import json
loaded = sorted(m for m in sys.modules if m.split(".")[0] == "wrappers")
import wrappers
print({mark!r})
print(json.dumps({{
    "file": sys.modules[{name!r}].__file__,
    "wrappers_loaded": loaded,
    "compiled": wrappers.COMPILED,
    "reason": wrappers._REASON,
}}))
"""


class Child(t.NamedTuple):
    returncode: int
    #: What the import printed (nothing, if all is well).
    printed: str
    stderr: str
    result: dict[str, t.Any]


def _dirs() -> list[str]:
    """Where this process imported the two packages from."""
    dirs = []
    for module in (wrappers, wrappers_pure):
        parent = str(Path(str(module.__file__)).resolve().parent.parent)
        if parent not in dirs:
            dirs.append(parent)
    return dirs


def _child_env() -> dict[str, str]:
    """The environment for the children, taken in the main thread (pytest
    changes ``PYTEST_CURRENT_TEST`` while the worker threads run: reading
    :data:`os.environ` there races with it)."""
    return {k: v for k, v in os.environ.items() if k != "WRAPPERS_NO_EXTENSIONS"}


def _import_alone(name: str, cwd: Path, env: dict[str, str]) -> Child:
    code = CHILD.format(dirs=_dirs(), name=name, mark=MARK)
    proc = subprocess.run(
        [sys.executable, "-I", "-W", "error", "-c", code],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    printed, _, result = proc.stdout.partition(MARK + "\n")
    return Child(proc.returncode, printed, proc.stderr, json.loads(result) if result else {})


@pytest.fixture(scope="module")
def fresh(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> t.Iterator[dict[str, concurrent.futures.Future[Child]]]:
    """Module name -> its child's outcome (the children start on first use)."""
    cwd = tmp_path_factory.mktemp("import-alone")
    names = PLAIN if request.config.getoption("--no-compiled") else IMPORTABLE
    env = _child_env()
    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
        yield {name: pool.submit(_import_alone, name, cwd, env) for name in names}


def _imported(fresh: dict[str, concurrent.futures.Future[Child]], name: str) -> Child:
    child = fresh[name].result()
    shown = f"--- printed\n{child.printed}\n--- stderr\n{child.stderr}"
    assert child.returncode == 0, f"python -I -W error -c 'import {name}' failed\n{shown}"
    assert child.printed == "" and child.stderr == "", f"importing {name} printed\n{shown}"
    spec = importlib.util.find_spec(name)
    assert spec is not None and spec.origin is not None
    assert child.result["file"] == spec.origin, "the child imported another build"
    return child


def test_the_lists_are_not_empty() -> None:
    assert DECLARATIONS == ["wrappers._capi"]
    assert "wrappers._headers" in KERNELS and "wrappers._response" in KERNELS
    assert "wrappers.__main__" in PLAIN and "wrappers_pure" in PLAIN


def test_main_module_runs_only_as_a_script() -> None:
    """``import wrappers.__main__`` (below) must not run the self-check."""
    source = Path(TREE["wrappers.__main__"][0]).read_text(encoding="utf-8")
    assert '\nif __name__ == "__main__":\n' in source


@pytest.mark.parametrize(
    ("name", "why"),
    [("wrappers_pure._no_such_module", "failed"), ("this", "printed")],
)
def test_check_catches_a_failing_and_a_noisy_import(tmp_path: Path, name: str, why: str) -> None:
    """A module that is not there fails the check; so does one that prints
    (``this`` prints the Zen of Python)."""
    future: concurrent.futures.Future[Child] = concurrent.futures.Future()
    future.set_result(_import_alone(name, tmp_path, _child_env()))
    with pytest.raises(AssertionError, match=why):
        _imported({name: future}, name)


@pytest.mark.parametrize("name", PLAIN)
def test_module_imports_alone(
    fresh: dict[str, concurrent.futures.Future[Child]], name: str
) -> None:
    _imported(fresh, name)


@pytest.mark.parametrize("name", KERNELS)
def test_kernel_imports_alone(
    compiled_twin: types.ModuleType,
    fresh: dict[str, concurrent.futures.Future[Child]],
    name: str,
) -> None:
    _imported(fresh, name)


@pytest.mark.parametrize("name", [m for m in PLAIN if m.split(".")[0] == "wrappers_pure"])
def test_pure_module_loads_nothing_of_wrappers(
    fresh: dict[str, concurrent.futures.Future[Child]], name: str
) -> None:
    assert _imported(fresh, name).result["wrappers_loaded"] == []


@pytest.mark.parametrize("name", IMPORTABLE)
def test_import_order_does_not_fool_the_shim(
    compiled_twin: types.ModuleType,
    fresh: dict[str, concurrent.futures.Future[Child]],
    name: str,
) -> None:
    """``import <name>`` first, then ``import wrappers``: the compiled twin."""
    child = _imported(fresh, name)
    assert child.result["compiled"] is True, child.result["reason"]
