"""The module paths of version 0.1.0 that its pickles name, served by the
modules that hold those objects now.

A pickle names each class by its module and qualified name. 0.1.0 kept the
data structures in ``wrappers_pure._structures``, the ``COEP``/``COOP`` enums
in ``wrappers_pure._values`` and :class:`Headers` (and the ``_missing``
sentinel) in ``wrappers_pure.headers``. :func:`register` puts a module object
under each old name in :data:`sys.modules` holding exactly the names those
pickles can reference, so that they still load; nothing imports these paths
otherwise. Pickles made now name the new modules. (``wrappers._restore``,
``wrappers_pure.response`` and ``wrappers_pure.exceptions`` kept their paths.)
"""

from __future__ import annotations

import sys
import types
import typing as t

from wrappers_pure import datastructures
from wrappers_pure import http
from wrappers_pure._internal import _missing

#: Old module path -> the names it held that a pickle can reference.
OLD_PATHS: t.Final = {
    "wrappers_pure._structures": {
        **{name: getattr(datastructures, name) for name in datastructures.__all__},
        "_missing": _missing,
    },
    "wrappers_pure._values": {"COEP": http.COEP, "COOP": http.COOP},
    "wrappers_pure.headers": {"Headers": datastructures.Headers, "_missing": _missing},
}


def register() -> None:
    """Put a module for each of :data:`OLD_PATHS` in :data:`sys.modules` (once)."""
    for path, names in OLD_PATHS.items():
        if path in sys.modules:
            continue

        module = types.ModuleType(path, f"0.1.0's {path}, kept for its pickles.")
        module.__dict__.update(names)
        sys.modules[path] = module
