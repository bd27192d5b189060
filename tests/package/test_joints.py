"""How the compiled twin (``wrappers/``) may use the pure one (``wrappers_pure/``).

Read from every file of ``wrappers/`` (``.py``, ``.pyx``, ``.pxd``, ``.pxi``;
see ``tests/package/scan.py``), each import of a ``wrappers_pure`` module:

(a) of a private module only from ``wrappers_pure._env``,
    ``wrappers_pure._internal`` and ``wrappers_pure._syntax`` (and below);
(b) of a public module only public names (``__all__`` and ``__version__``
    too), and ``*`` only in a face;

and of the compiled twin's own modules:

(c) a kernel (``wrappers/_*.pyx``, ``.pxd``, ``.pxi``) never imports a face
    or :mod:`wrappers` itself;
(d) a face imports only ``wrappers._shim``, its own pure module and kernels
    (a face package also the faces inside it);
(e) no compiled file reads ``__dict__[...]`` (or ``vars()``) of a name it
    imported from ``wrappers_pure``: a member of a pure class is inherited,
    never lifted out.

Faces are the public modules of ``wrappers/`` (``wrappers.http``, ...,
``wrappers.sansio.response``, and the packages ``wrappers`` and
``wrappers.sansio``); kernels its compiled modules; ``_restore``, ``_shim``,
``_demo`` and ``__main__`` are helpers (``_restore``'s ``import wrappers`` is a
named exception of the layer table). Each checker is also fed a bad example.

(f), at run time (needs the compiled twin; ``--no-compiled`` deselects it):
every face has its pure module's ``__all__``, and serves under each name
either the pure object itself or the object of a kernel's ``__all__``.
"""

from __future__ import annotations

import importlib
import re
import sys
import types
import typing as t
from pathlib import Path

import pytest

from package.layers import repo_root, tree_modules
from package.scan import (
    Import,
    cython_imports,
    logical_lines,
    python_imports,
    scan_tree,
)

TREE = tree_modules()
COMPILED_TREE = {m: files for m, files in TREE.items() if m.split(".")[0] == "wrappers"}

#: The private modules of the pure twin the compiled twin may import.
SHARED_PRIVATE = ("wrappers_pure._env", "wrappers_pure._internal", "wrappers_pure._syntax")
#: Private-looking names that are public.
PUBLIC_DUNDERS = ("__all__", "__version__")
CYTHON = (".pyx", ".pxd", ".pxi")


def _is_face(files: t.Sequence[Path]) -> bool:
    main = files[0]
    return main.suffix == ".py" and (main.name == "__init__.py" or not main.stem.startswith("_"))


FACES = sorted(m for m, files in COMPILED_TREE.items() if _is_face(files))
KERNELS = sorted(m for m, files in COMPILED_TREE.items() if files[0].suffix in CYTHON)
HELPERS = sorted(set(COMPILED_TREE) - set(FACES) - set(KERNELS))


def pure_of(face: str) -> str:
    """The pure module a face serves: ``wrappers.X`` -> ``wrappers_pure.X``."""
    return "wrappers_pure" + face[len("wrappers") :]


@pytest.fixture(scope="module")
def imports() -> list[Import]:
    return [found for found in scan_tree() if found.importer in COMPILED_TREE]


def _fail(problems: list[str], what: str) -> None:
    if problems:
        pytest.fail(f"{len(problems)} {what}:\n  " + "\n  ".join(problems), pytrace=False)


def _of_pure(imports: t.Iterable[Import]) -> list[Import]:
    return [found for found in imports if found.imported.split(".")[0] == "wrappers_pure"]


def _shared_private(module: str) -> bool:
    return any(module == m or module.startswith(m + ".") for m in SHARED_PRIVATE)


def _private(module: str) -> bool:
    return any(part.startswith("_") for part in module.split(".")[1:])


# --- the checkers -----------------------------------------------------------------


def private_module_problems(imports: t.Iterable[Import]) -> list[str]:
    """(a) Imports of private pure modules other than the shared ones."""
    return [
        f"{found}: a private module of the pure twin; only "
        f"{', '.join(SHARED_PRIVATE)} (and below) are shared"
        for found in _of_pure(imports)
        if _private(found.imported) and not _shared_private(found.imported)
    ]


def private_name_problems(imports: t.Iterable[Import], faces: t.Collection[str]) -> list[str]:
    """(b) Private names taken from public pure modules; ``*`` outside a face."""
    problems = []
    for found in _of_pure(imports):
        if found.name is None or _private(found.imported):
            continue
        if found.name == "*":
            if found.importer not in faces:
                problems.append(f"{found}: only a face star-imports a pure module")
        elif found.name.startswith("_") and found.name not in PUBLIC_DUNDERS:
            problems.append(f"{found}: a private name of a public module")
    return problems


def kernel_problems(imports: t.Iterable[Import], faces: t.Collection[str]) -> list[str]:
    """(c) Imports of a face, or of :mod:`wrappers`, in a compiled file."""
    return [
        f"{found}: a kernel never imports a face (the face asks the shim, which "
        "imports the kernels)"
        for found in imports
        if Path(found.path).suffix in CYTHON and found.imported in faces
    ]


def face_problems(
    imports: t.Iterable[Import], faces: t.Collection[str], kernels: t.Collection[str]
) -> list[str]:
    """(d) Imports of a face other than the shim, its pure module and kernels
    (and, for a face package, the faces inside it)."""
    problems = []
    for found in imports:
        face = found.importer
        if face not in faces:
            continue
        inside = (
            {f for f in faces if f.startswith(face + ".")}
            if found.path.endswith("__init__.py")
            else set()
        )
        allowed = {"wrappers._shim", pure_of(face), *kernels, *inside}
        if found.imported not in allowed:
            problems.append(
                f"{found}: a face imports only wrappers._shim, {pure_of(face)} and kernels"
            )
    return problems


def dict_problems(sources: t.Mapping[str, str], pure_names: t.Collection[str]) -> list[str]:
    """(e) ``X.__dict__[`` (or ``vars(X)``) in compiled sources, where ``X``
    (or what ``X.a.b`` starts with) is a name imported from the pure twin.

    :param sources: File name -> Cython source text.
    """
    if not pure_names:
        return []
    names = "|".join(re.escape(name) for name in sorted(pure_names))
    pattern = re.compile(
        rf"(?<![\w.])({names})(?:\s*\.\s*\w+)*\s*\.\s*__dict__\s*\[|\bvars\s*\(\s*({names})\b"
    )
    return [
        f"{path}:{line.number}: {match.group(0)}...: reads a pure class's __dict__ "
        "(inherit the member instead)"
        for path, source in sources.items()
        for line in logical_lines(source)
        for match in pattern.finditer(line.code)
    ]


def served_problems(
    face: types.ModuleType,
    pure: types.ModuleType,
    kernels: t.Mapping[str, types.ModuleType],
    own: t.Collection[str] = (),
) -> list[str]:
    """(f) What ``face`` serves that is neither ``pure``'s object nor a kernel's.

    :param kernels: Kernel name -> module.
    :param own: Names the face may serve as its own (the shim's verdict).
    """
    problems = []
    if getattr(face, "__all__", None) != getattr(pure, "__all__", None):
        problems.append(f"{face.__name__}.__all__ is not {pure.__name__}.__all__")

    for name in getattr(pure, "__all__", ()):
        obj = getattr(face, name, None)
        if name in own or (hasattr(pure, name) and obj is getattr(pure, name)):
            continue
        home = getattr(obj, "__module__", None)
        kernel = kernels.get(str(home))
        if kernel is not None and name in kernel.__all__ and getattr(kernel, name) is obj:
            continue
        problems.append(
            f"{face.__name__}.{name} is {obj!r} (from {home}): neither "
            f"{pure.__name__}.{name} nor a kernel's"
        )
    return problems


# --- the tree ---------------------------------------------------------------------


def test_the_lists() -> None:
    assert "wrappers" in FACES and "wrappers.sansio.response" in FACES
    assert "wrappers._headers" in KERNELS and "wrappers._capi" in KERNELS
    assert HELPERS == ["wrappers.__main__", "wrappers._demo", "wrappers._restore", "wrappers._shim"]
    for face in FACES:
        assert pure_of(face) in TREE, face


def test_private_pure_modules_are_the_shared_ones(imports: list[Import]) -> None:
    assert any(_shared_private(found.imported) for found in imports)
    _fail(private_module_problems(imports), "imports of private pure modules")


def test_public_pure_modules_give_public_names(imports: list[Import]) -> None:
    _fail(private_name_problems(imports, FACES), "private names of public pure modules")


def test_kernels_import_no_face(imports: list[Import]) -> None:
    assert any(Path(found.path).suffix == ".pxi" for found in imports)
    _fail(kernel_problems(imports, FACES), "imports of a face by a kernel")


def test_faces_import_the_shim_their_pure_module_and_kernels(imports: list[Import]) -> None:
    _fail(face_problems(imports, FACES, KERNELS), "imports of a face")


def test_no_compiled_file_reads_a_pure_dict(imports: list[Import]) -> None:
    problems = []
    for module in KERNELS:
        pure_names = {found.bound for found in _of_pure(imports) if found.importer == module}
        sources = {
            path.relative_to(repo_root()).as_posix(): path.read_text(encoding="utf-8")
            for path in TREE[module]
        }
        problems += dict_problems(sources, pure_names)
    _fail(problems, "reads of a pure class's __dict__")


# --- the checkers catch bad examples ----------------------------------------------------

MODULES = {
    "wrappers_pure.http",
    "wrappers_pure.sansio.response",
    "wrappers_pure._syntax.dates",
    "wrappers_pure._pickle_paths",
    "wrappers.sansio.response",
}


def _py(source: str, importer: str, path: str = "wrappers/fake.py") -> list[Import]:
    return python_imports(source, importer, MODULES, path)


def _pyx(source: str, importer: str = "wrappers._fake") -> list[Import]:
    return cython_imports(source, importer, MODULES, "wrappers/_fake.pyx")


def test_private_module_check_catches_a_private_module() -> None:
    found = _pyx(
        "from wrappers_pure._syntax.dates import MONTHS\n"
        "from wrappers_pure._internal import _missing\n"
        "from wrappers_pure.sansio._live_headers import LiveSet\n"
        "from wrappers_pure import _pickle_paths\n"
        "cimport wrappers_pure._secret\n"
    )
    problems = private_module_problems(found)
    assert [p.split(": ")[0] for p in problems] == [
        "wrappers/_fake.pyx:3",
        "wrappers/_fake.pyx:4",
        "wrappers/_fake.pyx:5",
    ]


def test_private_name_check_catches_a_private_name_and_a_star() -> None:
    source = (
        "from wrappers_pure.http import parse_date, _quick_unmodified\n"
        "from wrappers_pure import __all__, __version__, _hidden\n"
        "from wrappers_pure._internal import _missing\n"
        "from wrappers_pure.http import *\n"
    )
    in_kernel = private_name_problems(_pyx(source), faces={"wrappers.http"})
    assert [p.split(" -> ")[1] for p in in_kernel] == [
        "wrappers_pure.http (_quick_unmodified) [top-level]: a private name of a public module",
        "wrappers_pure (_hidden) [top-level]: a private name of a public module",
        "wrappers_pure.http (*) [top-level]: only a face star-imports a pure module",
    ]
    in_face = private_name_problems(_py(source, "wrappers.http"), faces={"wrappers.http"})
    assert len(in_face) == 2


def test_kernel_check_catches_a_face_import() -> None:
    faces = {"wrappers", "wrappers.http"}
    found = _pyx(
        "import wrappers\n"
        "from wrappers.http import parse_date\n"
        "from wrappers._restore import new_public\n"
    )
    assert [p.split(":")[1] for p in kernel_problems(found, faces)] == ["1", "2"]
    # The same in a helper (.py) is the layer table's business, not this check's.
    assert kernel_problems(_py("import wrappers\n", "wrappers._restore"), faces) == []


def test_face_check_catches_a_stray_import() -> None:
    faces = {"wrappers", "wrappers.http", "wrappers.sansio", "wrappers.sansio.response"}
    kernels = {"wrappers._http"}
    source = (
        "from wrappers._shim import COMPILED\n"
        "from wrappers_pure.http import *\n"
        "from wrappers._http import *\n"
        "from wrappers_pure.datastructures import Headers\n"
        "from wrappers._restore import new_public\n"
        "from wrappers.sansio import response\n"
    )
    problems = face_problems(_py(source, "wrappers.http"), faces, kernels)
    assert [p.split(":")[1] for p in problems] == ["4", "5", "6"]
    package = _py(source, "wrappers.sansio", "wrappers/sansio/__init__.py")
    assert [p.split(":")[1] for p in face_problems(package, faces, kernels)] == ["2", "4", "5"]


def test_dict_check_catches_a_pure_dict_read() -> None:
    source = (
        "from wrappers_pure.sansio.response import Response as _Pure\n"
        "import wrappers_pure.http\n"
        "cdef class _Own:\n"
        '    """_Pure.__dict__["x"] in a docstring is no read"""\n'
        "    pass\n"
        'cdef object _A = _Own.__dict__["status"]\n'
        'cdef object _B = _Pure.__dict__["status"]\n'
        'cdef object _C = _Pure.headers . __dict__ ["x"]\n'
        "cdef object _D = vars(_Pure)\n"
        'cdef object _E = wrappers_pure.http.Thing.__dict__["x"]\n'
        'cdef object _F = self._Pure.__dict__["x"]\n'
    )
    names = {found.bound for found in _of_pure(_pyx(source))}
    assert names == {"_Pure", "wrappers_pure"}
    problems = dict_problems({"wrappers/_fake.pyx": source}, names)
    assert [p.split(": ")[0] for p in problems] == [
        f"wrappers/_fake.pyx:{n}" for n in (7, 8, 9, 10)
    ]
    assert dict_problems({"wrappers/_fake.pyx": source}, set()) == []


def test_served_check_catches_a_stray_object() -> None:
    pure: t.Any = types.ModuleType("wrappers_pure.fake")
    pure.__all__ = ["f", "g", "h", "FLAG"]
    for name in pure.__all__:
        setattr(pure, name, object())
    kernel: t.Any = types.ModuleType("wrappers._fake")
    kernel.__all__ = ["g"]

    def g() -> None: ...

    g.__module__ = kernel.__name__
    kernel.g = g

    face: t.Any = types.ModuleType("wrappers.fake")
    face.__all__ = list(pure.__all__)
    face.f, face.g, face.h, face.FLAG = pure.f, g, object(), True
    problems = served_problems(face, pure, {kernel.__name__: kernel})
    assert [p.split(" is ")[0] for p in problems] == ["wrappers.fake.h", "wrappers.fake.FLAG"]
    assert len(served_problems(face, pure, {kernel.__name__: kernel}, own={"FLAG"})) == 1

    kernel.__all__ = []
    assert (
        "wrappers.fake.g"
        in served_problems(face, pure, {kernel.__name__: kernel}, own={"FLAG", "h"})[0]
    )

    face.__all__ = ["f"]
    assert "__all__ is not" in served_problems(face, pure, {})[0]


# --- (f) at run time --------------------------------------------------------------

#: Names a face serves as its own, with the reason.
OWN_NAMES: dict[str, dict[str, str]] = {
    "wrappers": {"COMPILED": "the shim's verdict (wrappers_pure.COMPILED is always False)"},
}

#: Kernels the shim does not import (they are not in its ``COMPILED_MODULES``):
#: only their face does, on demand, with the reason.
ON_DEMAND_KERNELS: dict[str, str] = {
    "wrappers._flask": "imports Flask, which `import wrappers` never does; wrappers.flask imports it",
}


@pytest.mark.parametrize("face", FACES)
def test_faces_serve_pure_or_kernel_objects(
    compiled_twin: types.ModuleType, imports: list[Import], face: str
) -> None:
    ours = importlib.import_module(face)
    pure = importlib.import_module(pure_of(face))
    kernels = {name: sys.modules[name] for name in KERNELS if name in sys.modules}
    compiled = {m for m in KERNELS if any(p.suffix == ".pyx" for p in TREE[m])}
    shim_modules = set(sys.modules["wrappers._shim"].COMPILED_MODULES)
    assert shim_modules == compiled - set(ON_DEMAND_KERNELS)
    assert shim_modules <= set(kernels)
    _fail(served_problems(ours, pure, kernels, OWN_NAMES.get(face, {})), f"names {face} serves")

    for name in OWN_NAMES.get(face, {}):
        assert getattr(ours, name) is getattr(sys.modules["wrappers._shim"], name)

    # Each kernel the face star-imports serves all its names through it.
    for found in imports:
        if found.importer == face and found.imported in compiled and found.name == "*":
            assert found.imported in kernels, f"{face} did not import {found.imported}"
            kernel = kernels[found.imported]
            assert kernel.__all__, found.imported
            for name in kernel.__all__:
                assert getattr(ours, name) is getattr(kernel, name), f"{face}.{name}"
