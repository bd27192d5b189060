"""The source tree keeps the layer table of ``tests/package/layers.py``.

Read from the source text of both twins (``.py`` by :mod:`ast`, ``.pyx``,
``.pxd`` and ``.pxi`` line by line; see ``tests/package/scan.py``):

- every module file has a place in the table, and every place a file;
- every import points down the table (or is a named exception, made in a
  function body or for type checkers only), whatever its kind;
- every named exception is still made, and never at import time;
- the imports made at import time form no cycle.

Each checker is a plain function, and each is also fed a small bad example,
so that a checker that cannot fail fails here.
"""

from __future__ import annotations

import collections
import shutil
import typing as t
from pathlib import Path

import pytest

from package.layers import (
    EXCEPTIONS,
    LAYER_OF,
    LAYERS,
    ORDER,
    PACKAGES,
    repo_root,
    tree_modules,
)
from package.scan import (
    DEFERRED,
    TOP_LEVEL,
    TYPE_CHECKING,
    Import,
    cython_imports,
    python_imports,
    scan_tree,
)

Pair = tuple[str, str]


@pytest.fixture(scope="module")
def tree() -> dict[str, list[Path]]:
    return tree_modules()


@pytest.fixture(scope="module")
def imports() -> list[Import]:
    return scan_tree()


def _fail(problems: list[str], what: str) -> None:
    if problems:
        pytest.fail(f"{len(problems)} {what}:\n  " + "\n  ".join(problems), pytrace=False)


# --- the checkers -----------------------------------------------------------------


def table_problems(table: t.Sequence[str], tree: t.Mapping[str, t.Sequence[Path]]) -> list[str]:
    """What is wrong between the table's list of modules and the tree's."""
    problems = [
        f"{module} is listed {count} times in the table"
        for module, count in sorted(collections.Counter(table).items())
        if count > 1
    ]
    problems += [
        f"{module} ({', '.join(p.name for p in tree[module])}) has no place in "
        "tests/package/layers.py: add it to the layer its imports allow"
        for module in sorted(set(tree) - set(table))
    ]
    problems += [
        f"{module} is in the table, but no file of the tree makes it"
        for module in sorted(set(table) - set(tree))
    ]
    return problems


def _place(module: str, order: t.Mapping[str, int]) -> str:
    return f"{module} ({LAYER_OF.get(module, '?')}, #{order[module]})"


def rule_violations(
    imports: t.Iterable[Import],
    order: t.Mapping[str, int],
    exceptions: t.Mapping[Pair, str],
) -> list[str]:
    """Every import that does not point down ``order``, unless it is one of
    ``exceptions`` made in a function body or for type checkers only."""
    problems = []

    for found in imports:
        unknown = [m for m in (found.importer, found.imported) if m not in order]
        if unknown:
            problems.append(f"{found}: {', '.join(unknown)} not in the layer table")
            continue

        if order[found.imported] < order[found.importer]:
            continue

        named = (found.importer, found.imported) in exceptions
        if named and found.kind != TOP_LEVEL:
            continue

        why = (
            "a named exception, but made at import time"
            if named
            else "imports itself"
            if found.importer == found.imported
            else "points up"
        )
        problems.append(
            f"{found.where}: {_place(found.importer, order)} imports "
            f"{_place(found.imported, order)} [{found.kind}]: {why}"
        )

    return problems


def exception_problems(imports: t.Iterable[Import], exceptions: t.Mapping[Pair, str]) -> list[str]:
    """Named exceptions that are not made any more, or made at import time."""
    made: dict[Pair, list[Import]] = collections.defaultdict(list)
    for found in imports:
        made[found.importer, found.imported].append(found)

    problems = []
    for pair, reason in exceptions.items():
        if not made[pair]:
            problems.append(
                f"{pair[0]} -> {pair[1]} ({reason}) is named but not made any more: "
                "remove it from EXCEPTIONS"
            )
        problems += [
            f"{found}: the named exception must be deferred or TYPE_CHECKING-only"
            for found in made[pair]
            if found.kind == TOP_LEVEL
        ]
    return problems


def unnamed_upward_lazy(
    imports: t.Iterable[Import],
    order: t.Mapping[str, int],
    exceptions: t.Mapping[Pair, str],
) -> list[str]:
    """Deferred and TYPE_CHECKING-only imports that point up and are not named
    (such an import hides a dependency the table does not show)."""
    return [
        str(found)
        for found in imports
        if found.kind != TOP_LEVEL
        and found.importer in order
        and found.imported in order
        and order[found.imported] >= order[found.importer]
        and (found.importer, found.imported) not in exceptions
    ]


def find_cycle(graph: t.Mapping[str, t.Iterable[str]]) -> list[str] | None:
    """A cycle of ``graph`` as ``[a, b, ..., a]``, or None for a DAG (a
    depth-first search; a node met again while on the path closes a cycle)."""
    done: set[str] = set()
    path: list[str] = []
    on_path: set[str] = set()

    def visit(node: str) -> list[str] | None:
        path.append(node)
        on_path.add(node)
        for succ in sorted(graph.get(node, ())):
            if succ in on_path:
                return path[path.index(succ) :] + [succ]
            if succ not in done:
                cycle = visit(succ)
                if cycle is not None:
                    return cycle
        path.pop()
        on_path.discard(node)
        done.add(node)
        return None

    for start in sorted(graph):
        if start not in done:
            cycle = visit(start)
            if cycle is not None:
                return cycle
    return None


def import_graph(imports: t.Iterable[Import]) -> dict[str, set[str]]:
    """importer -> the modules it imports at import time."""
    graph: dict[str, set[str]] = collections.defaultdict(set)
    for found in imports:
        if found.kind == TOP_LEVEL:
            graph[found.importer].add(found.imported)
    return dict(graph)


# --- the tree against the table -------------------------------------------------------


def test_table_is_well_formed() -> None:
    names = [layer.name for layer in LAYERS]
    assert len(set(names)) == len(names)
    for layer in LAYERS:
        assert layer.description and layer.modules, layer.name
    assert set(ORDER) == set(LAYER_OF)


def test_every_module_has_one_place(tree: dict[str, list[Path]]) -> None:
    table = [module for layer in LAYERS for module in layer.modules]
    _fail(table_problems(table, tree), "differences between the tree and the layer table")


def test_every_import_points_down(imports: list[Import]) -> None:
    _fail(rule_violations(imports, ORDER, EXCEPTIONS), "imports break the layer rule")


def test_named_exceptions_are_made_and_lazy(imports: list[Import]) -> None:
    _fail(exception_problems(imports, EXCEPTIONS), "problems with the named exceptions")


def test_lazy_upward_imports_are_named(imports: list[Import]) -> None:
    lazy = [found for found in imports if found.kind != TOP_LEVEL]
    assert lazy, "the scan found no deferred or TYPE_CHECKING import at all"
    _fail(
        unnamed_upward_lazy(lazy, ORDER, EXCEPTIONS),
        "deferred or TYPE_CHECKING imports point up without a name in EXCEPTIONS",
    )


def test_import_time_graph_is_acyclic(imports: list[Import]) -> None:
    graph = import_graph(imports)
    cycle = find_cycle(graph)
    if cycle is not None:
        edges = [
            next(
                str(found)
                for found in imports
                if found.kind == TOP_LEVEL and (found.importer, found.imported) == (a, b)
            )
            for a, b in zip(cycle, cycle[1:])
        ]
        pytest.fail(
            "import cycle at import time: " + " -> ".join(cycle) + "\n  " + "\n  ".join(edges),
            pytrace=False,
        )


def test_scan_sees_every_kind_of_file(imports: list[Import], tree: dict[str, list[Path]]) -> None:
    """The scan reads the Cython files too: cimports of a .pxd, imports of a
    .pxi counted for the kernel that includes it."""
    seen = {(found.importer, found.imported, Path(found.path).suffix) for found in imports}
    assert ("wrappers._response", "wrappers._headers", ".pyx") in seen
    assert ("wrappers._response", "wrappers._sansio_response", ".pyx") in seen
    assert ("wrappers._cookies", "wrappers._capi", ".pyx") in seen
    assert any(i == "wrappers._response" and s == ".pxi" for i, _, s in seen)
    assert (repo_root() / "wrappers/_response_conditional.pxi") in tree["wrappers._response"]
    assert tree["wrappers._capi"] == [repo_root() / "wrappers/_capi.pxd"]
    kinds = collections.Counter(found.kind for found in imports)
    assert kinds[TOP_LEVEL] > 100 and kinds[DEFERRED] and kinds[TYPE_CHECKING]


# --- the checkers catch bad examples ----------------------------------------------------

FAKE = {"wrappers_pure.low": 0, "wrappers_pure.mid": 1, "wrappers_pure.high": 2}


def test_table_problems_catches_a_bad_table(tmp_path: Path) -> None:
    tree = {name: [tmp_path / f"{name}.py"] for name in ("a", "b", "c")}
    problems = table_problems(["a", "b", "b", "gone"], tree)
    assert len(problems) == 3
    assert "b is listed 2 times" in problems[0]
    assert problems[1].startswith("c (c.py) has no place")
    assert "gone is in the table" in problems[2]
    assert table_problems(["a", "b", "c"], tree) == []


def test_tree_modules_places_pxd_and_pxi(tmp_path: Path) -> None:
    pkg = tmp_path / "wrappers"
    (pkg / "sub").mkdir(parents=True)
    (tmp_path / "wrappers_pure").mkdir()
    for name, text in {
        "__init__.py": "",
        "sub/__init__.py": "",
        "sub/face.py": "",
        "_k.pyx": 'x = 1\ninclude "_k_part.pxi"\n',
        "_k.pxd": "",
        "_k_part.pxi": "",
        "_decl.pxd": "",
    }.items():
        (pkg / name).write_text(text)
    modules = tree_modules(tmp_path)
    assert sorted(modules) == [
        "wrappers",
        "wrappers._decl",
        "wrappers._k",
        "wrappers.sub",
        "wrappers.sub.face",
    ]
    assert [p.name for p in modules["wrappers._k"]] == ["_k.pyx", "_k.pxd", "_k_part.pxi"]

    (pkg / "_lost.pxi").write_text("")
    with pytest.raises(ValueError, match="_lost.pxi must be included by exactly one"):
        tree_modules(tmp_path)


def test_rule_catches_an_upward_import() -> None:
    source = (
        "import typing as t\n"
        "from wrappers_pure.low import thing\n"
        "from wrappers_pure.high import other\n"
        "if t.TYPE_CHECKING:\n"
        "    from wrappers_pure.high import Hint\n"
        "def f():\n"
        "    import wrappers_pure.high\n"
        "import wrappers_pure.mid\n"
    )
    found = python_imports(source, "wrappers_pure.mid", FAKE, "fake.py")
    problems = rule_violations(found, FAKE, {})
    assert [p.split(": ")[0] for p in problems] == [
        "fake.py:3",
        "fake.py:5",
        "fake.py:7",
        "fake.py:8",
    ]
    assert "[top-level]: points up" in problems[0]
    assert "[TYPE_CHECKING]: points up" in problems[1]
    assert "[deferred]: points up" in problems[2]
    assert "imports itself" in problems[3]

    named = {("wrappers_pure.mid", "wrappers_pure.high"): "test"}
    problems = rule_violations(found, FAKE, named)
    assert [p.split(": ")[0] for p in problems] == ["fake.py:3", "fake.py:8"]
    assert "a named exception, but made at import time" in problems[0]

    unknown = python_imports("import wrappers_pure.nowhere\n", "wrappers_pure.mid", FAKE)
    assert "not in the layer table" in rule_violations(unknown, FAKE, {})[0]


def test_rule_catches_an_upward_cimport() -> None:
    source = (
        '"""A docstring that says: import wrappers_pure.high"""\n'
        "cimport cython\n"
        "from libc.math cimport fabs\n"
        "from wrappers_pure.low cimport fast  # import wrappers_pure.high\n"
        "from wrappers_pure.high cimport Base\n"
        "cdef class K(Base):\n"
        "    cdef int f(self, int x) except -1:\n"
        "        from wrappers_pure.high import (\n"
        "            later,\n"
        "        )\n"
        "        return 0\n"
        "cdef extern from *:\n"
        '    """\n'
        "    import wrappers_pure.high\n"
        '    """\n'
        "    int g()\n"
        "import wrappers_pure.low as low\n"
    )
    found = cython_imports(source, "wrappers_pure.mid", FAKE, "fake.pyx")
    assert [(i.line, i.imported, i.name, i.kind) for i in found] == [
        (4, "wrappers_pure.low", "fast", TOP_LEVEL),
        (5, "wrappers_pure.high", "Base", TOP_LEVEL),
        (8, "wrappers_pure.high", "later", DEFERRED),
        (17, "wrappers_pure.low", None, TOP_LEVEL),
    ]
    assert found[-1].bound == "low"
    problems = rule_violations(found, FAKE, {})
    assert [p.split(": ")[0] for p in problems] == ["fake.pyx:5", "fake.pyx:8"]


def test_scan_kinds_of_python_imports() -> None:
    source = (
        "import typing as t\n"
        "from typing import TYPE_CHECKING\n"
        "from wrappers_pure import low\n"
        "from wrappers_pure import __all__\n"
        "try:\n"
        "    import wrappers_pure.low\n"
        "except ImportError:\n"
        "    pass\n"
        "if COMPILED and not t.TYPE_CHECKING:\n"
        "    from wrappers_pure.low import *\n"
        "if TYPE_CHECKING:\n"
        "    from wrappers_pure.low import A\n"
        "else:\n"
        "    from wrappers_pure.low import B\n"
        "class C:\n"
        "    from wrappers_pure.low import D\n"
        "    def m(self):\n"
        "        from wrappers_pure.low import E\n"
        "        if t.TYPE_CHECKING:\n"
        "            from wrappers_pure.low import F\n"
        "from . import low as again\n"
    )
    modules = set(FAKE) | {"wrappers_pure"}
    found = python_imports(source, "wrappers_pure.mid", modules)
    assert [(i.line, i.imported, i.name, i.bound, i.kind) for i in found] == [
        (3, "wrappers_pure.low", None, "low", TOP_LEVEL),
        (4, "wrappers_pure", "__all__", "__all__", TOP_LEVEL),
        (6, "wrappers_pure.low", None, "wrappers_pure", TOP_LEVEL),
        (10, "wrappers_pure.low", "*", "*", TOP_LEVEL),
        (12, "wrappers_pure.low", "A", "A", TYPE_CHECKING),
        (14, "wrappers_pure.low", "B", "B", TOP_LEVEL),
        (16, "wrappers_pure.low", "D", "D", TOP_LEVEL),
        (18, "wrappers_pure.low", "E", "E", DEFERRED),
        (20, "wrappers_pure.low", "F", "F", TYPE_CHECKING),
        (21, "wrappers_pure.low", None, "again", TOP_LEVEL),
    ]


def test_exception_check_catches_stale_and_eager_exceptions() -> None:
    named = {("wrappers_pure.low", "wrappers_pure.high"): "test"}
    lazy = python_imports(
        "def f():\n    import wrappers_pure.high\n", "wrappers_pure.low", FAKE, "fake.py"
    )
    eager = python_imports("import wrappers_pure.high\n", "wrappers_pure.low", FAKE, "fake.py")
    assert exception_problems(lazy, named) == []
    assert "not made any more" in exception_problems([], named)[0]
    assert "must be deferred or TYPE_CHECKING-only" in exception_problems(lazy + eager, named)[0]


def test_lazy_check_catches_an_unnamed_upward_import() -> None:
    source = (
        "def f():\n    import wrappers_pure.high\n    import wrappers_pure.low\n"
        "if TYPE_CHECKING:\n    import wrappers_pure.high\n"
    )
    found = python_imports(source, "wrappers_pure.mid", FAKE, "fake.py")
    assert [p.split(": ")[0] for p in unnamed_upward_lazy(found, FAKE, {})] == [
        "fake.py:2",
        "fake.py:5",
    ]
    assert (
        unnamed_upward_lazy(found, FAKE, {("wrappers_pure.mid", "wrappers_pure.high"): "t"}) == []
    )


def test_find_cycle_catches_a_cycle() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"x": {"y"}, "y": {"z", "w"}, "w": {"y"}}) == ["w", "y", "w"]
    assert find_cycle({"s": {"s"}}) == ["s", "s"]
    assert find_cycle({"a": {"b", "c"}, "b": {"c"}, "c": set(), "d": {"a", "c"}}) is None


def test_graph_counts_only_import_time_imports() -> None:
    source = "import wrappers_pure.high\ndef f():\n    import wrappers_pure.mid\n"
    found = python_imports(source, "wrappers_pure.low", FAKE)
    assert import_graph(found) == {"wrappers_pure.low": {"wrappers_pure.high"}}


def test_checks_catch_violations_in_a_copy_of_the_tree(tmp_path: Path) -> None:
    """The whole chain (files, scan, rule, cycles) on the real tree with three
    faults put in: a new module, an upward import at import time in the pure
    twin's shared helpers, and a deferred one in a kernel."""
    for package in PACKAGES:
        shutil.copytree(repo_root() / package, tmp_path / package)
    (tmp_path / "wrappers_pure/new_module.py").write_text("")
    with open(tmp_path / "wrappers_pure/_internal.py", "a") as helpers:
        helpers.write("\nimport wrappers_pure.response\n")
    with open(tmp_path / "wrappers/_headers.pyx", "a") as kernel:
        kernel.write("\n\ndef _later():\n    from wrappers.response import Response\n")

    tree = tree_modules(tmp_path)
    table = [module for layer in LAYERS for module in layer.modules]
    assert [p.split(" ")[0] for p in table_problems(table, tree)] == ["wrappers_pure.new_module"]

    imports = scan_tree(tmp_path)
    problems = rule_violations(imports, ORDER, EXCEPTIONS)
    assert [p.split(": ")[0].split(":")[0] for p in problems] == [
        "wrappers/_headers.pyx",
        "wrappers_pure/_internal.py",
    ]
    assert "[deferred]: points up" in problems[0]
    assert "[top-level]: points up" in problems[1]
    assert len(unnamed_upward_lazy(imports, ORDER, EXCEPTIONS)) == 1
    cycle = find_cycle(import_graph(imports))
    assert cycle is not None and "wrappers_pure._internal" in cycle
