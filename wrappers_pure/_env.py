"""Environment switches shared by the build (``setup.py``) and the import shim.

This module must stay importable on its own, by file path, with nothing but the
standard library: ``setup.py`` loads it before the package is installed, so that
the build and the shim read ``WRAPPERS_NO_EXTENSIONS`` and
``WRAPPERS_REQUIRE_EXTENSIONS`` with one parser and can never disagree (for
example about ``=0``).
"""

from __future__ import annotations

import os
import typing as t

#: Values that mean "not set", compared after stripping and lower-casing.
FALSE_VALUES: t.Final = frozenset({"", "0", "false", "no", "off"})

#: Set to a truthy value to refuse the compiled twin, at build time and at run time.
NO_EXTENSIONS: t.Final = "WRAPPERS_NO_EXTENSIONS"

#: Set to a truthy value to make a failed compile fail the build (CI, wheels).
REQUIRE_EXTENSIONS: t.Final = "WRAPPERS_REQUIRE_EXTENSIONS"

#: Set to a truthy value to build the compiled twin with line tracing (coverage).
CYTHON_TRACING: t.Final = "WRAPPERS_CYTHON_TRACING"


def env_flag(name: str, environ: t.Mapping[str, str] | None = None) -> bool:
    """Return whether the environment variable ``name`` is set to a truthy value.

    Unset, empty, ``0``, ``false``, ``no`` and ``off`` (any case, surrounding
    white space ignored) mean "not set"; any other value means "set".

    :param name: The variable's name.
    :param environ: The mapping to read; :data:`os.environ` when not given.
    """
    if environ is None:
        environ = os.environ

    return environ.get(name, "").strip().lower() not in FALSE_VALUES
