"""The imports between the modules of the two twins, read from the source text.

Nothing is imported or compiled: ``.py`` files are parsed with :mod:`ast`;
Cython files (``.pyx``, ``.pxd``, ``.pxi``) are read line by line, string
literals and comments blanked out, for ``import X``, ``from X import ...``,
``cimport X`` and ``from X cimport ...`` (indented ones too). Only imports of
the package's own modules (``wrappers...``, ``wrappers_pure...``) are kept.

Each import is classified by where it is made:

- :data:`TOP_LEVEL`: runs when the module is imported (module level, also
  inside ``if COMPILED and not t.TYPE_CHECKING:``, ``try``, a class body);
- :data:`TYPE_CHECKING`: under ``if t.TYPE_CHECKING:``, for type checkers only;
- :data:`DEFERRED`: in a function or method body, runs when that is called.

``from pkg import name`` is an import of the module ``pkg.name`` when that is a
module of the tree, else of ``pkg`` (taking the attribute ``name``).
"""

from __future__ import annotations

import ast
import re
import typing as t
from pathlib import Path

from package.layers import PACKAGES, repo_root, tree_modules

TOP_LEVEL = "top-level"
TYPE_CHECKING = "TYPE_CHECKING"
DEFERRED = "deferred"


class Import(t.NamedTuple):
    """One imported name (one alias of an import statement)."""

    #: The file, relative to the repository root (``"<string>"`` for a snippet).
    path: str
    line: int
    #: The importing module (a ``.pxi`` imports as the ``.pyx`` including it).
    importer: str
    #: The imported module.
    imported: str
    #: What a from-import takes from ``imported``: a name, ``"*"``, or None
    #: when the module itself is imported.
    name: str | None
    #: The name the import binds in the importer.
    bound: str
    kind: str

    @property
    def where(self) -> str:
        return f"{self.path}:{self.line}"

    def __str__(self) -> str:
        taken = "" if self.name is None else f" ({self.name})"
        return f"{self.where}: {self.importer} -> {self.imported}{taken} [{self.kind}]"


def is_ours(module: str) -> bool:
    """Whether ``module`` is one of the package's own (``wrappers...``,
    ``wrappers_pure...``)."""
    return module.split(".")[0] in PACKAGES


def _from(
    base: str, name: str, bound: str, modules: t.Collection[str]
) -> tuple[str, str | None, str]:
    if name != "*" and f"{base}.{name}" in modules:
        return f"{base}.{name}", None, bound
    return base, name, bound


# --- Python: ast ------------------------------------------------------------------


def _is_type_checking(test: ast.expr) -> bool:
    if isinstance(test, ast.Name):
        return test.id == "TYPE_CHECKING"
    return (
        isinstance(test, ast.Attribute)
        and test.attr == "TYPE_CHECKING"
        and isinstance(test.value, ast.Name)
        and test.value.id in ("t", "typing")
    )


def python_imports(
    source: str,
    importer: str,
    modules: t.Collection[str],
    path: str = "<string>",
    is_package: bool = False,
) -> list[Import]:
    """The package-module imports of the Python module ``importer``.

    :param modules: The modules of the tree (to resolve ``from pkg import name``).
    :param is_package: ``importer`` is a package (for relative imports).
    """
    found: list[Import] = []
    package = importer if is_package else importer.rpartition(".")[0]

    def add(node: ast.stmt, imported: str, name: str | None, bound: str, kind: str) -> None:
        if is_ours(imported):
            found.append(Import(path, node.lineno, importer, imported, name, bound, kind))

    def visit(node: ast.AST, kind: str) -> None:
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            for child in node.body:
                visit(child, TYPE_CHECKING)
            for child in node.orelse:
                visit(child, kind)
            return

        if isinstance(node, ast.Import):
            for alias in node.names:
                add(node, alias.name, None, alias.asname or alias.name.split(".")[0], kind)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                parts = parts[: len(parts) - (node.level - 1)]
                base = ".".join(parts + ([base] if base else []))
            for alias in node.names:
                add(node, *_from(base, alias.name, alias.asname or alias.name, modules), kind)

        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            kind = DEFERRED if kind == TOP_LEVEL else kind

        for inner in ast.iter_child_nodes(node):
            visit(inner, kind)

    visit(ast.parse(source, filename=path), TOP_LEVEL)
    return found


# --- Cython: logical lines ----------------------------------------------------------


class Line(t.NamedTuple):
    """One logical line of Cython (or Python) source."""

    number: int
    indent: int
    #: The code, stripped, string literals emptied (``""``), comments removed.
    code: str
    #: The text of the string literals on the line, in order.
    strings: list[str]


def logical_lines(source: str) -> list[Line]:
    """Split ``source`` into logical lines (bracketed and backslash-continued
    lines joined), with the text of string literals and comments taken out of
    the code, so that neither a docstring nor a comment reads as code."""
    lines: list[Line] = []
    code: list[str] = []
    strings: list[str] = []
    number = start = 1
    depth = 0
    blank = True  # nothing but whitespace in the logical line yet
    i, n = 0, len(source)

    def end() -> None:
        text = "".join(code)
        if not blank:
            indent = len(text) - len(text.lstrip())
            lines.append(Line(start, indent, text.strip(), list(strings)))
        code.clear()
        strings.clear()

    while i < n:
        c = source[i]

        if blank and c not in " \t\f\n#\\":
            blank, start = False, number

        if c == "#":
            while i < n and source[i] != "\n":
                i += 1
        elif c in "'\"":
            quote = c * 3 if source.startswith(c * 3, i) else c
            j = i + len(quote)
            while j < n and not source.startswith(quote, j):
                if source[j] == "\n" and len(quote) == 1:
                    break  # unterminated: the line's end ends it
                j += 2 if source[j] == "\\" else 1
            strings.append(source[i + len(quote) : j])
            number += source.count("\n", i, j)
            code.append(quote[0] * 2)
            i = j + len(quote) if source.startswith(quote, j) else j
        elif c == "\\" and source.startswith("\n", i + 1):
            code.append(" ")
            number += 1
            i += 2
        elif c == "\n":
            number += 1
            i += 1
            if depth:
                code.append(" ")
            else:
                end()
                blank = True
        else:
            if c in "([{":
                depth += 1
            elif c in ")]}":
                depth = max(depth - 1, 0)
            code.append(c)
            i += 1

    end()
    return lines


_TC_HEADER = re.compile(r"^if\s+((t|typing)\.)?TYPE_CHECKING\s*:$")
_FUNCTION = re.compile(r"^(async\s+def|def|cpdef|cdef)\b")
_NOT_FUNCTION = re.compile(
    r"^c(p)?def\s+((public|api|packed|readonly)\s+)*(class|extern|struct|union|enum|cppclass)\b"
)
_FROM = re.compile(r"^from\s+(\.*[\w.]*)\s+c?import\s+(.+)$")
_IMPORT = re.compile(r"^c?import\s+(.+)$")
_ALIAS = re.compile(r"^([\w.]+|\*)(?:\s+as\s+(\w+))?$")


def _header(code: str) -> str | None:
    """The kind a block header gives its body, or None for other blocks."""
    if _TC_HEADER.match(code):
        return TYPE_CHECKING
    # A function: def, or a cdef/cpdef with a parameter list (not a cdef
    # class, extern block, struct, ... nor a plain ``cdef:`` block).
    function = code.startswith(("def", "async")) or "(" in code
    if _FUNCTION.match(code) and not _NOT_FUNCTION.match(code) and function:
        return DEFERRED
    return None


def _aliases(text: str) -> list[tuple[str, str | None]]:
    names = []
    for part in text.strip().strip("()").split(","):
        if part.strip():
            match = _ALIAS.match(part.strip())
            if match is None:
                raise ValueError(f"cannot read the import of {part.strip()!r}")
            names.append((match.group(1), match.group(2)))
    return names


def cython_imports(
    source: str,
    importer: str,
    modules: t.Collection[str],
    path: str = "<string>",
) -> list[Import]:
    """The package-module imports and cimports of a Cython file of ``importer``."""
    found: list[Import] = []
    blocks: list[tuple[int, str | None]] = []  # (indent, kind) of open blocks

    for line in logical_lines(source):
        while blocks and blocks[-1][0] >= line.indent:
            blocks.pop()
        kinds = {kind for _, kind in blocks}
        kind = (
            TYPE_CHECKING
            if TYPE_CHECKING in kinds
            else DEFERRED
            if DEFERRED in kinds
            else TOP_LEVEL
        )

        if line.code.endswith(":"):
            blocks.append((line.indent, _header(line.code)))
            continue

        taken: list[tuple[str, str | None, str]] = []
        match = _FROM.match(line.code)
        if match is not None:
            base = match.group(1)
            for name, alias in _aliases(match.group(2)):
                taken.append(_from(base, name, alias or name, modules))
        else:
            match = _IMPORT.match(line.code)
            if match is not None:
                for name, alias in _aliases(match.group(1)):
                    taken.append((name, None, alias or name.split(".")[0]))

        for imported, taken_name, bound in taken:
            if is_ours(imported):
                found.append(Import(path, line.number, importer, imported, taken_name, bound, kind))

    return found


# --- the tree -------------------------------------------------------------------------


def file_imports(path: Path, importer: str, modules: t.Collection[str], root: Path) -> list[Import]:
    """The package-module imports in one file of the module ``importer``."""
    source = path.read_text(encoding="utf-8")
    shown = path.relative_to(root).as_posix()

    if path.suffix == ".py":
        return python_imports(
            source, importer, modules, shown, is_package=path.name == "__init__.py"
        )

    return cython_imports(source, importer, modules, shown)


def scan_tree(root: Path | None = None) -> list[Import]:
    """Every package-module import in the source tree of both twins."""
    root = repo_root() if root is None else root
    modules = tree_modules(root)
    return [
        found
        for module, files in sorted(modules.items())
        for path in files
        for found in file_imports(path, module, modules, root)
    ]
