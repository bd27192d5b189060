"""A fast, Werkzeug-compatible HTTP response layer.

This package is the import shim. It decides once, at import, which twin serves
the public names, in this order:

1. ``WRAPPERS_NO_EXTENSIONS`` is set to a truthy value: the pure twin;
2. the interpreter is not CPython (PyPy, GraalPy, ...): the pure twin;
3. importing the compiled modules fails: the pure twin;
4. otherwise: the compiled twin.

:data:`COMPILED` tells which one was picked. ``wrappers_pure`` is the pure twin
as a package of its own; it is what type checkers see.
"""

from __future__ import annotations

import sys
import typing as t

from wrappers_pure import __version__
from wrappers_pure._env import NO_EXTENSIONS
from wrappers_pure._env import env_flag

#: The compiled modules the compiled twin is made of, in import order.
COMPILED_MODULES: t.Final = ("wrappers._headers", "wrappers._http", "wrappers._response")


def _choose(
    environ: t.Mapping[str, str] | None = None,
    implementation: str | None = None,
    importer: t.Callable[[str], object] | None = None,
) -> tuple[bool, str]:
    """Decide which twin to use; return ``(compiled, reason)``.

    The arguments exist for the shim's own tests; the shim calls it with none.

    :param environ: The environment to read; :data:`os.environ` by default.
    :param implementation: The interpreter's name; ``sys.implementation.name``
        by default.
    :param importer: Imports a module by name; :func:`importlib.import_module`
        by default.
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
            return False, f"the compiled module {name} could not be imported ({exc})"

    return True, "the compiled modules imported"


COMPILED: bool
_REASON: str
COMPILED, _REASON = _choose()

if t.TYPE_CHECKING:
    from wrappers_pure import Headers as Headers
    from wrappers_pure import Response as Response
    from wrappers_pure import ResponseStream as ResponseStream
elif COMPILED:
    from wrappers._headers import Headers
    from wrappers._response import Response
    from wrappers._response import ResponseStream
else:
    from wrappers_pure import Headers
    from wrappers_pure import Response
    from wrappers_pure import ResponseStream

from wrappers import datastructures as datastructures  # noqa: E402
from wrappers import exceptions as exceptions  # noqa: E402
from wrappers import http as http  # noqa: E402

__all__ = ["COMPILED", "Headers", "Response", "ResponseStream", "__version__"]
