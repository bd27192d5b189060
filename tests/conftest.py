"""One suite, two twins.

Every behavioural test takes the twin it runs on as a fixture:

- ``twin``: the package under test, parametrized over ``compiled`` (the
  :mod:`wrappers` package when the shim picked the compiled modules) and
  ``pure`` (:mod:`wrappers_pure`). The compiled parameter ERRORS when the
  compiled twin is not importable; only ``--no-compiled`` deselects it.
- ``Headers``: ``twin.Headers`` and a trivial Python subclass of it, so that
  every Headers test also runs on a subclass.
- ``Response``: ``twin.Response`` and a trivial Python subclass of it, likewise.
- ``Request``: ``twin.Request`` and a trivial Python subclass of it, likewise.
- ``compiled_twin`` / ``pure_twin``: both at once, for tests that compare the
  twins with each other (deselected by ``--no-compiled``).
- ``one_clock_second``: runs a comparison again when it failed while the wall
  clock's second changed (values made from "now" differ by a second then).
- ``run_python``: runs code in a fresh interpreter that imports the same
  :mod:`wrappers` and :mod:`wrappers_pure` as this process.

Hypothesis runs under one profile, ``wrappers``, for every file: no deadline
(shared CI machines are noisy), no example database (nothing is written into
the work tree), and derandomized when ``CI`` is set (``ci/test.sh`` sets it), so
that the gate is repeatable; plain ``pytest`` runs draw new examples each time.
Each file's own ``settings`` only sizes its runs.

The session refuses to start when :mod:`wrappers` resolved to the source tree
while a compiled extension sits in it (a stale in-place build would shadow the
code under test), or when the two packages come from different directories.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import types
import typing as t
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile(
    "wrappers",
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=bool(os.environ.get("CI")),
)
settings.load_profile("wrappers")

TWIN_IDS = ("compiled", "pure")
HEADERS_KINDS = ("base", "subclass")
RESPONSE_KINDS = ("base", "subclass")
REQUEST_KINDS = ("base", "subclass")

#: Globs of compiled extension files that must never sit in the source tree
#: while the tests import from it.
EXTENSION_GLOBS = ("*.so", "*.pyd", "*.dylib")

#: Module that holds the per-twin ``SubHeaders`` classes, so that they pickle by
#: reference like any module-level class.
SUBCLASS_MODULE = "_wrappers_tests_subclasses"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--no-compiled",
        action="store_true",
        default=False,
        help="deselect the compiled twin's tests (quick runs from the source tree)",
    )


def _no_compiled(config: pytest.Config) -> bool:
    return bool(config.getoption("--no-compiled"))


# --- where the packages come from -------------------------------------------


class _Origin(t.NamedTuple):
    wrappers_dir: Path | None
    pure_dir: Path | None
    error: str | None


def _origin() -> _Origin:
    try:
        import wrappers
        import wrappers_pure
    except Exception as exc:  # reported in the header; the fixtures error later
        return _Origin(None, None, f"{type(exc).__name__}: {exc}")

    return _Origin(
        Path(wrappers.__file__).resolve().parent,
        Path(wrappers_pure.__file__).resolve().parent,
        None,
    )


def pytest_configure(config: pytest.Config) -> None:
    origin = _origin()
    config.stash[_origin_key] = origin

    if origin.error is not None:
        return

    assert origin.wrappers_dir is not None and origin.pure_dir is not None
    source_pkg = (Path(str(config.rootpath)) / "wrappers").resolve()

    if origin.wrappers_dir == source_pkg:
        stale = sorted(
            str(p) for pattern in EXTENSION_GLOBS for p in source_pkg.glob(pattern)
        )
        if stale:
            raise pytest.UsageError(
                "wrappers was imported from the source tree, which holds compiled "
                f"extension files {stale}: a stale in-place build would be tested "
                "instead of the code. Delete them and test an installed build "
                "(pip install . then pytest), or run the pure twin only from the "
                "source tree with --no-compiled."
            )

    if origin.wrappers_dir.parent != origin.pure_dir.parent:
        raise pytest.UsageError(
            f"wrappers ({origin.wrappers_dir}) and wrappers_pure ({origin.pure_dir}) "
            "were imported from different places; the suite would test a mix of two "
            "builds."
        )


_origin_key = pytest.StashKey[_Origin]()


def pytest_report_header(config: pytest.Config) -> list[str]:
    origin = config.stash[_origin_key]

    if origin.error is not None:
        return [f"wrappers: IMPORT FAILED: {origin.error}"]

    import wrappers

    return [
        f"wrappers imported from: {origin.wrappers_dir}",
        f"wrappers_pure imported from: {origin.pure_dir}",
        f"wrappers.COMPILED: {wrappers.COMPILED} ({wrappers._REASON})",
        "compiled twin tests: "
        + ("deselected (--no-compiled)" if _no_compiled(config) else "on"),
    ]


# --- parametrization ----------------------------------------------------------


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "twin" in metafunc.fixturenames:
        metafunc.parametrize("twin", TWIN_IDS, indirect=True, scope="session")


def pytest_collection_modifyitems(
    config: pytest.Config, items: list[pytest.Item]
) -> None:
    if not _no_compiled(config):
        return

    keep, drop = [], []

    for item in items:
        callspec = getattr(item, "callspec", None)
        uses_compiled = (
            callspec is not None and callspec.params.get("twin") == "compiled"
        ) or "compiled_twin" in getattr(item, "fixturenames", ())
        (drop if uses_compiled else keep).append(item)

    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = keep


def _load_compiled() -> types.ModuleType:
    import wrappers

    if wrappers.COMPILED is not True:
        pytest.fail(
            "the compiled twin is not available: wrappers.COMPILED is "
            f"{wrappers.COMPILED!r} because {wrappers._REASON}. Build and install "
            "it, or pass --no-compiled to test the pure twin only.",
            pytrace=False,
        )

    return wrappers


def _load_pure() -> types.ModuleType:
    import wrappers_pure

    return wrappers_pure


@pytest.fixture(scope="session")
def twin(request: pytest.FixtureRequest) -> types.ModuleType:
    """The twin under test: the compiled :mod:`wrappers` or :mod:`wrappers_pure`."""
    if request.param == "compiled":
        return _load_compiled()

    if request.param == "pure":
        return _load_pure()

    raise AssertionError(f"unknown twin {request.param!r}")


@pytest.fixture(scope="session")
def compiled_twin() -> types.ModuleType:
    """The compiled twin; errors when it is not available."""
    return _load_compiled()


@pytest.fixture(scope="session")
def pure_twin() -> types.ModuleType:
    """The pure twin."""
    return _load_pure()


def _subclass_module() -> types.ModuleType:
    module = sys.modules.get(SUBCLASS_MODULE)

    if module is None:
        module = types.ModuleType(SUBCLASS_MODULE)
        sys.modules[SUBCLASS_MODULE] = module

    return module


def make_subclass(twin: types.ModuleType, base: type, name: str) -> type:
    """Return a trivial subclass ``name`` of ``base`` that pickles by reference."""
    module = _subclass_module()
    kind = "compiled" if twin.COMPILED else "pure"
    qualname = f"{name}_{kind}"
    cls = getattr(module, qualname, None)

    if cls is None:
        cls = type(name, (base,), {"__module__": SUBCLASS_MODULE})
        cls.__qualname__ = qualname
        setattr(module, qualname, cls)

    return cls


@pytest.fixture(scope="session", params=HEADERS_KINDS)
def Headers(request: pytest.FixtureRequest, twin: types.ModuleType) -> type:  # noqa: N802
    """``twin.Headers``, or ``SubHeaders``, a trivial Python subclass of it."""
    if request.param == "base":
        return twin.Headers  # type: ignore[no-any-return]

    return make_subclass(twin, twin.Headers, "SubHeaders")


@pytest.fixture(scope="session", params=RESPONSE_KINDS)
def Response(request: pytest.FixtureRequest, twin: types.ModuleType) -> type:  # noqa: N802
    """``twin.Response``, or ``SubResponse``, a trivial Python subclass of it."""
    if request.param == "base":
        return twin.Response  # type: ignore[no-any-return]

    return make_subclass(twin, twin.Response, "SubResponse")


@pytest.fixture(scope="session", params=REQUEST_KINDS)
def Request(request: pytest.FixtureRequest, twin: types.ModuleType) -> type:  # noqa: N802
    """``twin.Request``, or ``SubRequest``, a trivial Python subclass of it."""
    if request.param == "base":
        return twin.Request  # type: ignore[no-any-return]

    return make_subclass(twin, twin.Request, "SubRequest")


# --- the wall clock -------------------------------------------------------------


def _on_one_clock_second(check: t.Callable[[], None]) -> None:
    """Run ``check``; if it raises AssertionError and the wall clock's second
    changed while it ran, run it again, up to three times.

    For comparisons whose two sides read "now" (a cookie's Expires made from
    ``max_age``, ``Date`` or ``Expires`` set to None): built a moment apart, they
    differ by one second when a second boundary falls between them.
    """
    for _ in range(3):
        start = int(time.time())
        try:
            check()
            return
        except AssertionError:
            if int(time.time()) == start:
                raise
    check()


@pytest.fixture(scope="session")
def one_clock_second() -> t.Callable[[t.Callable[[], None]], None]:
    """Return ``run(check)``: see :func:`_on_one_clock_second`."""
    return _on_one_clock_second


# --- subprocesses ---------------------------------------------------------------


def _python_path() -> str:
    import wrappers
    import wrappers_pure

    dirs: list[str] = []

    for module in (wrappers, wrappers_pure):
        parent = str(Path(module.__file__).resolve().parent.parent)
        if parent not in dirs:
            dirs.append(parent)

    return os.pathsep.join(dirs)


@pytest.fixture(scope="session")
def run_python(
    tmp_path_factory: pytest.TempPathFactory,
) -> t.Callable[..., subprocess.CompletedProcess[str]]:
    """Return ``run(code, env=None, cwd=None)``: run ``code`` with ``sys.executable``.

    The child runs in an empty directory (or ``cwd``, which ``python -c`` puts
    first on ``sys.path``) with ``PYTHONPATH`` set to the directories this
    process imported :mod:`wrappers` and :mod:`wrappers_pure` from, and without
    ``WRAPPERS_NO_EXTENSIONS`` unless ``env`` sets it. A non-zero exit fails the
    calling test with the child's output.
    """
    empty = tmp_path_factory.mktemp("subprocess-cwd")
    python_path = _python_path()

    def run(
        code: str, env: dict[str, str] | None = None, cwd: Path | None = None
    ) -> subprocess.CompletedProcess[str]:
        child_env = dict(os.environ)
        child_env.pop("WRAPPERS_NO_EXTENSIONS", None)
        child_env["PYTHONPATH"] = python_path
        child_env.update(env or {})
        proc = subprocess.run(
            [sys.executable, "-c", code],
            cwd=empty if cwd is None else cwd,
            env=child_env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        if proc.returncode != 0:
            pytest.fail(
                f"child python exited with {proc.returncode}\n--- code\n{code}\n"
                f"--- stdout\n{proc.stdout}\n--- stderr\n{proc.stderr}",
                pytrace=False,
            )
        return proc

    return run
