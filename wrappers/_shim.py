"""The shim's decision: which twin :mod:`wrappers` serves.

Decided once, at import, in this order:

1. ``WRAPPERS_NO_EXTENSIONS`` is set to a truthy value: the pure twin;
2. the interpreter is not CPython (PyPy, GraalPy, ...): the pure twin;
3. importing the compiled modules fails: the pure twin;
4. otherwise: the compiled twin.

When the import fails because :mod:`wrappers` came from a source checkout
(its folder holds the ``.pyx`` sources, which no wheel ships) rather than from
an install, the reason says so: from the repository root, ``python -c "import
wrappers"`` finds the tree before the installed build.

This module imports nothing of the package but ``wrappers_pure._env`` (the one
parser of the environment switches, shared with ``setup.py``). The faces
(``wrappers/http.py`` and the others) read :data:`COMPILED` from here, never
from the half-initialised :mod:`wrappers` package; the compiled modules never
import a face, so trying them here cannot ask for a verdict that does not
exist yet.
"""

from __future__ import annotations

import sys
import typing as t

from wrappers_pure._env import NO_EXTENSIONS
from wrappers_pure._env import env_flag

#: The compiled modules the compiled twin is made of, in import order.
COMPILED_MODULES: t.Final = (
    "wrappers._headers",
    "wrappers._accept",
    "wrappers._dates",
    "wrappers._cookies",
    "wrappers._http",
    "wrappers._query",
    "wrappers._sansio_response",
    "wrappers._response",
    "wrappers._request",
    "wrappers._test",
)


def _choose(
    environ: t.Mapping[str, str] | None = None,
    implementation: str | None = None,
    importer: t.Callable[[str], object] | None = None,
    package_dir: str | None = None,
) -> tuple[bool, str]:
    """Decide which twin to use; return ``(compiled, reason)``.

    The arguments exist for the shim's own tests; the shim calls it with none.

    :param environ: The environment to read; :data:`os.environ` by default.
    :param implementation: The interpreter's name; ``sys.implementation.name``
        by default.
    :param importer: Imports a module by name; :func:`importlib.import_module`
        by default.
    :param package_dir: The folder :mod:`wrappers` was imported from, looked at
        only when an import fails; this module's folder by default.
    """
    if env_flag(NO_EXTENSIONS, environ):
        return False, f"{NO_EXTENSIONS} is set"

    if implementation is None:
        implementation = sys.implementation.name

    if implementation != "cpython":
        return False, f"the interpreter is {implementation}, not CPython"

    if importer is None:
        import importlib

        importer = importlib.import_module

    for name in COMPILED_MODULES:
        try:
            importer(name)
        except ImportError as exc:
            return False, _import_failed(name, exc, package_dir)

    return True, "the compiled modules imported"


def _import_failed(name: str, exc: ImportError, package_dir: str | None) -> str:
    """The reason for the pure twin when the compiled module ``name`` failed."""
    import os

    if package_dir is None:
        package_dir = os.path.dirname(os.path.abspath(__file__))

    source = os.path.join(package_dir, name.rpartition(".")[2] + ".pyx")

    if os.path.isfile(source):
        return (
            f"imported from a source tree at {package_dir}, where {name} is not "
            f"built ({exc}): build it, or run from elsewhere / with -I to import "
            "the installed build"
        )

    return f"the compiled module {name} could not be imported ({exc})"


#: Whether the compiled twin serves the public names.
COMPILED: bool
#: Why (shown by ``python -m wrappers``).
REASON: str
COMPILED, REASON = _choose()
