"""The layers of the package: the one place they are written down.

Both twins are stacked in one-way layers. :data:`LAYERS` lists them from the
bottom up, and each layer its modules, so that together they give one order of
every module of :mod:`wrappers_pure` and :mod:`wrappers` (a package by its own
name, not ``__init__``). The rule:

    A module imports only modules that come EARLIER in that order: from a
    lower layer, or from earlier in its own layer's list.

It holds for every import: at module level, under ``if t.TYPE_CHECKING:``, and
in a function body alike (importing a parent package implicitly, as any import
of a submodule does, is not counted). The only upward imports are the named
:data:`EXCEPTIONS`, and each of them is made in a function body or for type
checkers only, never at import time.

A compiled module (``wrappers/_*.pyx``) is one module with its ``.pxd`` (same
stem) and the ``.pxi`` files it ``include``s; a ``.pxd`` without a ``.pyx``
(``wrappers._capi``) is a module of declarations only.

``tests/package/test_layers.py`` checks the source tree against this table:
every module file is in it (a new file must be given a place), and every
import obeys the rule.
"""

from __future__ import annotations

import os
import re
import typing as t
from pathlib import Path


class Layer(t.NamedTuple):
    name: str
    description: str
    modules: list[str]


#: The layers, from the bottom up; each one's modules in their order.
LAYERS: list[Layer] = [
    Layer(
        "L0 base",
        "standard library only: environment switches, shared helpers, IRIs",
        [
            "wrappers_pure._env",
            "wrappers_pure._internal",
            "wrappers_pure.urls",
            "wrappers._capi",
            "wrappers._shim",
            "wrappers._restore",
            "wrappers.urls",
        ],
    ),
    Layer(
        "L1 header grammar",
        "header values as str, int and datetime, in and out; no data structures",
        [
            "wrappers_pure._syntax",
            "wrappers_pure._syntax.tables",
            "wrappers_pure._syntax.quoting",
            "wrappers_pure._syntax.etags",
            "wrappers_pure._syntax.ranges",
            "wrappers_pure._syntax.dates",
            "wrappers_pure._syntax.cookies",
            "wrappers_pure._syntax.qvalues",
            "wrappers_pure._syntax.query",
            "wrappers._dates",
            "wrappers._cookies",
            "wrappers._query",
        ],
    ),
    Layer(
        "L2 exceptions",
        "the HTTP exceptions, one implementation for both twins",
        [
            "wrappers_pure.exceptions",
            "wrappers.exceptions",
        ],
    ),
    Layer(
        "L3 data structures",
        "Headers, MultiDict, ETags, Range, Cache-Control, CSP, WWW-Authenticate",
        [
            "wrappers_pure.datastructures.mixins",
            "wrappers_pure.datastructures.structures",
            "wrappers_pure.datastructures.combined",
            "wrappers_pure.datastructures.headers",
            "wrappers_pure.datastructures.etag",
            "wrappers_pure.datastructures.range",
            "wrappers_pure.datastructures.cache_control",
            "wrappers_pure.datastructures.csp",
            "wrappers_pure.datastructures.auth",
            "wrappers_pure.datastructures.accept",
            "wrappers_pure.datastructures.file_storage",
            "wrappers_pure.datastructures",
            "wrappers._headers",
            "wrappers._accept",
            "wrappers.datastructures",
        ],
    ),
    Layer(
        "L4 http and utils",
        "header values parsed into data structures and back; response helpers",
        [
            "wrappers_pure.http",
            "wrappers_pure.utils",
            "wrappers_pure.user_agent",
            "wrappers._http",
            "wrappers.http",
            "wrappers.utils",
            "wrappers.user_agent",
        ],
    ),
    Layer(
        "L5 sansio",
        "the I/O-free Response and Request, and the request's host and URL",
        [
            "wrappers_pure.sansio",
            "wrappers_pure.sansio.utils",
            "wrappers_pure.sansio._live_headers",
            "wrappers_pure.sansio.response",
            "wrappers_pure.sansio.request",
            "wrappers._sansio_response",
            "wrappers.sansio",
            "wrappers.sansio.utils",
            "wrappers.sansio.response",
            "wrappers.sansio.request",
        ],
    ),
    Layer(
        "L6 wsgi",
        "WSGI helpers",
        [
            "wrappers_pure.wsgi",
            "wrappers.wsgi",
        ],
    ),
    Layer(
        "L7 response and request",
        "the WSGI Response and Request",
        [
            "wrappers_pure.response",
            "wrappers_pure.request",
            "wrappers._response",
            "wrappers._request",
            "wrappers.response",
            "wrappers.request",
        ],
    ),
    Layer(
        "L8 test",
        "the test helpers: EnvironBuilder, create_environ, run_wsgi_app, multipart encoding",
        [
            "wrappers_pure.test",
            "wrappers._test",
            "wrappers.test",
        ],
    ),
    Layer(
        "L9 flask",
        "the Flask flavour: Flask's Response on ours (imports Flask and Werkzeug)",
        [
            "wrappers_pure.flask",
            "wrappers._flask",
            "wrappers.flask",
        ],
    ),
    Layer(
        "L10 package",
        "the packages, the import shim's choice, the demo and `python -m wrappers`",
        [
            "wrappers_pure._pickle_paths",
            "wrappers_pure",
            "wrappers",
            "wrappers._demo",
            "wrappers.__main__",
        ],
    ),
]

#: The only upward imports, ``(importer, imported) -> why``. Each must be made
#: in a function body or under ``if t.TYPE_CHECKING:``, never at import time.
EXCEPTIONS: dict[tuple[str, str], str] = {
    ("wrappers_pure.exceptions", "wrappers_pure.response"): (
        "HTTPException.get_response builds a Response, as in Werkzeug"
    ),
    ("wrappers_pure.request", "wrappers_pure.test"): (
        "Request.from_values builds its environ with the test module's "
        "EnvironBuilder, as in Werkzeug"
    ),
    ("wrappers._restore", "wrappers"): (
        "new_public looks up a public class by name when a pickle is loaded "
        "(importing a submodule the package does not, such as wrappers.flask)"
    ),
}

#: Every module in the order of the rule: module -> its position.
ORDER: dict[str, int] = {
    module: index for index, module in enumerate(m for layer in LAYERS for m in layer.modules)
}

#: Module -> the name of its layer.
LAYER_OF: dict[str, str] = {m: layer.name for layer in LAYERS for m in layer.modules}

#: The packages whose modules the table places, under the repository root.
PACKAGES = ("wrappers_pure", "wrappers")

#: The file suffixes that make modules.
SUFFIXES = (".py", ".pyx", ".pxd", ".pxi")

_INCLUDE = re.compile(r"""^include\s+["']([^"']+)["']""", re.MULTILINE)


def repo_root() -> Path:
    """The repository checkout these tests live in (tests/package/ -> root)."""
    return Path(__file__).resolve().parents[2]


def tree_modules(root: Path | None = None) -> dict[str, list[Path]]:
    """Every module of the two twins in the source tree, by dotted name, with
    the files it is made of: a ``.py``; or a ``.pyx``, the ``.pxd`` of its stem
    and the ``.pxi`` files it includes; or a ``.pxd`` alone.

    :param root: The repository root; :func:`repo_root` by default.
    :raises ValueError: A ``.pxi`` is included by no ``.pyx``, or by several.
    """
    root = repo_root() if root is None else root
    files = sorted(
        path
        for package in PACKAGES
        for path in (root / package).rglob("*")
        if path.suffix in SUFFIXES and "__pycache__" not in path.parts
    )
    modules: dict[str, list[Path]] = {}
    owner: dict[Path, list[str]] = {p: [] for p in files if p.suffix == ".pxi"}

    for path in files:
        parts = list(path.relative_to(root).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        name = ".".join(parts)

        if path.suffix in (".py", ".pyx"):
            modules.setdefault(name, []).insert(0, path)
        elif path.suffix == ".pxd":
            modules.setdefault(name, []).append(path)

        if path.suffix == ".pyx":
            for include in _INCLUDE.findall(path.read_text(encoding="utf-8")):
                included = Path(os.path.normpath(path.parent / include))
                if included in owner:
                    owner[included].append(name)

    for pxi, names in sorted(owner.items()):
        if len(names) != 1:
            raise ValueError(
                f"{pxi.relative_to(root)} must be included by exactly one .pyx, "
                f"is by {names or 'none'}"
            )
        modules[names[0]].append(pxi)

    return modules
