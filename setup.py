"""Build script: the compiled twin when it can be built, the pure twin always.

Metadata lives in ``pyproject.toml``; this file only decides about the
extension modules, one per ``wrappers/_*.pyx`` (found by glob).

- ``WRAPPERS_NO_EXTENSIONS`` set, an interpreter that is not CPython, or no
  importable Cython: no extension modules at all, so the wheel is
  ``py3-none-any`` and ``wrappers`` serves the pure twin.
- Otherwise every ``wrappers/_*.pyx`` is translated by Cython and compiled. If
  that fails (no compiler, a compiler error, a Cython error), the install goes
  on with the pure twin only and says so loudly, unless
  ``WRAPPERS_REQUIRE_EXTENSIONS`` is set (CI, wheel builds): then it fails.
  That variable also fails a CPython build that would be pure for any other
  reason (no Cython, or ``WRAPPERS_NO_EXTENSIONS`` set too); on PyPy it is
  ignored, as no compiled twin exists there.
- ``WRAPPERS_CYTHON_TRACING`` set: line tracing for coverage, with debug
  symbols. Never in release builds: it halves the speed. Release builds carry
  no debug symbols (compiled with ``-g0``, linked with ``-s`` where the linker
  is GNU-like and not Apple's), which makes the modules about 7x smaller.

A build never ships what an earlier build left behind: ``build`` empties its
``build/lib*`` folder first (``bdist_wheel`` its assembly folder too), and
``build_ext`` deletes every compiled module it is about to make (in
``build/lib*`` and, with ``--inplace``, in the source tree) before making it,
so a module that fails to build this time is missing rather than stale. When any module fails, the ones that did build are deleted too (the
shim needs them all), and the wheel is a pure one: ``py3-none-any``, with no
compiled file in it.

The switches are parsed by ``wrappers_pure/_env.py``, loaded here by file path
(the packages themselves are not importable before they are installed), so the
build and the import shim read them with one parser.
"""

from __future__ import annotations

import importlib.util
import platform
import shutil
import sys
from pathlib import Path

from setuptools import Extension
from setuptools import setup
from setuptools.command.bdist_wheel import bdist_wheel
from setuptools.command.build import build
from setuptools.command.build_ext import build_ext
from setuptools.errors import BaseError
from setuptools.errors import CCompilerError
from setuptools.errors import ExecError
from setuptools.errors import PlatformError

HERE = Path(__file__).resolve().parent

#: What a failed compile can raise: a compiler error, a compiler that could not
#: be run (or is missing), no compiler for the platform (MSVC), and what the
#: MSVC lookup raises when it finds a broken installation.
BUILD_ERRORS = (CCompilerError, ExecError, PlatformError, OSError, ValueError)


def _load_env():
    """Load ``wrappers_pure/_env.py`` by path, without importing the packages."""
    path = HERE / "wrappers_pure" / "_env.py"
    spec = importlib.util.spec_from_file_location("_wrappers_build_env", path)
    assert spec is not None and spec.loader is not None, path
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_env = _load_env()
NO_EXTENSIONS: str = _env.NO_EXTENSIONS
REQUIRE_EXTENSIONS: str = _env.REQUIRE_EXTENSIONS
CYTHON_TRACING: str = _env.CYTHON_TRACING
REQUIRED = _env.env_flag(REQUIRE_EXTENSIONS)
TRACING = _env.env_flag(CYTHON_TRACING)


#: The name of every compiled module file of the package: ``_headers.cpython-
#: 311-x86_64-linux-gnu.so``, ``_headers.cp311-win_amd64.pyd``, ...
COMPILED_GLOBS = ("_*.so", "_*.pyd")

#: Release builds: no debug information (``-g0`` comes after the ``-g`` of the
#: interpreter's CFLAGS, so it wins; it also makes compiling about 40% faster),
#: and ``-s`` strips the symbol table at link time. For ``unix``-type compilers
#: (gcc, clang; MSVC keeps debug information out of the .pyd anyway).
RELEASE_COMPILE_ARGS = ("-g0",)
RELEASE_LINK_ARGS = ("-s",)

#: The Extension fields that cythonize may change (see BuildExt._cythonize).
_EXTENSION_FIELDS = (
    "sources",
    "include_dirs",
    "define_macros",
    "undef_macros",
    "library_dirs",
    "libraries",
    "runtime_library_dirs",
    "extra_objects",
    "extra_compile_args",
    "extra_link_args",
    "depends",
    "language",
)


def _banner(*lines: str) -> None:
    """Print a message nobody can miss (``pip install -v`` shows build output)."""
    bar = "*" * 79
    text = "\n".join(["", bar, *(f"* {line}" for line in lines), bar, ""])
    print(text, file=sys.stderr, flush=True)


def _pure_only(reason: str, *, cpython: bool) -> None:
    """Say that the install is pure and why; fail instead when it must not be.

    ``WRAPPERS_REQUIRE_EXTENSIONS`` applies on CPython only: other interpreters
    never get the compiled twin, so there is nothing to require there.
    """
    if REQUIRED and cpython:
        sys.exit(
            f"wrappers: the compiled twin is required ({REQUIRE_EXTENSIONS} is set) "
            f"but will not be built: {reason}"
        )
    lines = [
        f"wrappers: building no compiled twin: {reason}.",
        "Installing the pure-Python twin only (it works, it is slower).",
    ]
    if REQUIRED:
        lines.append(f"({REQUIRE_EXTENSIONS} is ignored: it applies on CPython only.)")
    _banner(*lines)


def _pyx_sources() -> list[str]:
    """Every ``wrappers/_*.pyx``, relative to the project root, sorted."""
    return sorted(
        path.relative_to(HERE).as_posix() for path in HERE.glob("wrappers/_*.pyx")
    )


def _why_pure() -> str | None:
    """The reason to build no extension modules, or None to build them."""
    if _env.env_flag(NO_EXTENSIONS):
        return f"{NO_EXTENSIONS} is set"

    implementation = platform.python_implementation()

    if implementation != "CPython":
        return f"the interpreter is {implementation}, not CPython"

    try:
        import Cython.Build  # noqa: F401
    except ImportError as exc:
        return f"Cython cannot be imported ({exc})"

    if not _pyx_sources():
        return "no wrappers/_*.pyx sources were found"

    return None


def _extensions() -> list[Extension]:
    """One extension module per ``wrappers/_*.pyx`` (the sources stay .pyx).

    The .pyx are translated to C by :class:`BuildExt` at build time, into the
    build folder, so no generated .c lands in the source tree or the sdist.

    No ``depends`` is needed for the ``.pxd`` files: cythonize reads each
    module's cimports and regenerates its .c when a cimported ``.pxd`` is newer
    (``_response.pyx`` cimports ``_headers.pxd``), and build_ext then recompiles
    the module because its .c is newer than its .so. Touching
    ``wrappers/_headers.pxd`` rebuilds ``_headers`` and ``_response`` only.
    """
    macros = [("CYTHON_TRACE", "1"), ("CYTHON_TRACE_NOGIL", "1")] if TRACING else []
    return [
        Extension(
            name=source[: -len(".pyx")].replace("/", "."),
            sources=[source],
            define_macros=list(macros),
        )
        for source in _pyx_sources()
    ]


class Build(build):
    """``build``, starting from an empty ``build/lib*`` folder every time.

    setuptools reuses that folder across builds, and everything in it goes into
    the wheel: a compiled module an earlier build left there (this build failed
    to make it) or a ``.py`` file deleted from the tree since would ship.
    """

    def run(self) -> None:
        lib = Path(self.build_lib).resolve()
        base = Path(self.build_base).resolve()

        # Only a folder of build/ itself (never a --build-lib pointed elsewhere).
        if lib.is_dir() and base in lib.parents:
            shutil.rmtree(lib)

        super().run()


class BuildExt(build_ext):
    """Cythonize and compile each extension; on failure fall back to pure.

    Every module is compiled in every build: the module file is deleted before
    it is built (in ``build/lib*``, and in the source tree with ``--inplace``),
    so nothing an earlier build made can stand in for one that failed now.

    A failure is reported in a banner and the other extensions go on, so that
    the banner names every failure; then, as the shim needs them all, the
    modules that did build are deleted too and the install is pure (the wheel
    ``py3-none-any``, see :class:`BdistWheel`). With
    ``WRAPPERS_REQUIRE_EXTENSIONS`` set, the first failure fails the build.
    """

    def initialize_options(self) -> None:
        super().initialize_options()
        self._failed: list[str] = []

    def run(self) -> None:
        inplace = self.inplace
        names = [ext.name for ext in self.extensions]
        self._remove_compiled(names, inplace, "left by an earlier build")

        try:
            super().run()
        except BUILD_ERRORS as exc:
            # Raised outside one extension's build (setting up the compiler).
            self._fail("all extension modules", exc)
            self.extensions = []

        if self._failed:
            # Pure: no compiled module anywhere this build writes them, and none
            # declared, so that install and bdist_wheel treat it as pure.
            self._remove_compiled(names, inplace, "the install is pure")
            self.distribution.ext_modules = []
            _banner(
                "wrappers: the compiled twin could not be built; failed: "
                + ", ".join(self._failed),
                "Installing the pure-Python twin only (it works, it is slower):",
                "no compiled module is installed, and a wheel is py3-none-any.",
                f"Set {REQUIRE_EXTENSIONS}=1 to make this an error.",
            )

    def build_extensions(self) -> None:
        super().build_extensions()

        if self._failed:
            # Nothing to copy in place or to list as an output (see run).
            self.extensions = []
        elif self.extensions:
            names = ", ".join(ext.name for ext in self.extensions)
            print(
                f"wrappers: compiled twin built: {names}", file=sys.stderr, flush=True
            )

    def _remove_compiled(self, names: list[str], inplace: bool, why: str) -> None:
        """Delete the package's compiled modules where this build writes them.

        In ``build/lib*/wrappers`` (a folder of the build's own): every compiled
        module, whatever its name. In the source tree (``--inplace``, editable
        installs): only the files this interpreter's build would write, so an
        in-place build for another Python stays.
        """
        paths = [
            path
            for pattern in COMPILED_GLOBS
            for path in Path(self.build_lib, "wrappers").glob(pattern)
        ]

        if inplace:
            package_dir = self.get_finalized_command("build_py").get_package_dir(
                "wrappers"
            )
            paths += [
                Path(package_dir, Path(self.get_ext_filename(name)).name)
                for name in names
            ]

        removed = [path for path in paths if path.exists()]

        for path in removed:
            path.unlink()

        for folder in sorted({str(path.parent) for path in removed}):
            files = sorted(path.name for path in removed if str(path.parent) == folder)
            print(
                f"wrappers: removed from {folder} ({why}): {', '.join(files)}",
                file=sys.stderr,
                flush=True,
            )

    def build_extension(self, ext: Extension) -> None:
        try:
            self._cythonize(ext)
        except Exception as exc:  # noqa: BLE001 (any Cython error)
            self._fail(ext.name, exc, what="Cython could not translate")
            return

        if not TRACING and self.compiler.compiler_type == "unix":
            ext.extra_compile_args.extend(RELEASE_COMPILE_ARGS)
            if sys.platform != "darwin":  # Apple's linker ignores -s, with a warning
                ext.extra_link_args.extend(RELEASE_LINK_ARGS)

        try:
            super().build_extension(ext)
        except BUILD_ERRORS as exc:
            self._fail(ext.name, exc)

    def _cythonize(self, ext: Extension) -> None:
        """Translate the extension's .pyx sources to C in the build folder."""
        from Cython.Build import cythonize

        directives = {
            "language_level": 3,
            "embedsignature": True,
            "binding": True,
        }

        if TRACING:
            directives["linetrace"] = True

        # A separate folder for traced C, so a traced and a release build never
        # reuse each other's generated files.
        build_dir = Path(self.build_temp, "cython-trace" if TRACING else "cython")
        (translated,) = cythonize(
            [ext],
            compiler_directives=directives,
            build_dir=str(build_dir),
            quiet=True,
        )
        # Keep the original object (setuptools set private fields on it); take
        # what cythonize changed: the sources, and any `# distutils:` settings.
        for attr in _EXTENSION_FIELDS:
            setattr(ext, attr, getattr(translated, attr))

    def _fail(
        self, name: str, exc: BaseException, what: str = "could not build"
    ) -> None:
        reason = f"{what} {name}: {type(exc).__name__}: {exc}"

        if REQUIRED:
            raise BaseError(
                f"wrappers: the compiled twin could not be built: {reason} "
                f"({REQUIRE_EXTENSIONS} is set, so this is an error)"
            ) from exc

        self._failed.append(name)
        _banner(f"wrappers: {reason}")


class BdistWheel(bdist_wheel):
    """``bdist_wheel`` that tags a wheel by what the build made.

    setuptools decides between a pure and a platform wheel before anything is
    built, from the extensions declared; when :class:`BuildExt` fell back to
    pure, the wheel holds no compiled module and must say so: ``py3-none-any``,
    ``Root-Is-Purelib: true``. The folder the wheel is assembled in starts
    empty too (setuptools removes it after a build, but not after one that
    was interrupted).
    """

    def run(self) -> None:
        if Path(self.bdist_dir).is_dir():
            shutil.rmtree(self.bdist_dir)

        super().run()

    def run_command(self, command: str) -> None:
        # bdist_wheel.run builds, then picks purelib or platlib and the tag from
        # root_is_pure: the one place to correct it in between.
        super().run_command(command)

        if command == "build" and not self.distribution.has_ext_modules():
            self.root_is_pure = True


def main() -> None:
    # The same commands for a pure build: it starts from empty folders too.
    cmdclass = {"build": Build, "build_ext": BuildExt, "bdist_wheel": BdistWheel}
    reason = _why_pure()

    if reason is not None:
        _pure_only(reason, cpython=platform.python_implementation() == "CPython")
        setup(ext_modules=[], cmdclass=cmdclass)
        return

    if TRACING:
        _banner(
            f"wrappers: {CYTHON_TRACING} is set: building with line tracing.",
            "This build is for coverage only; it is much slower. Never release it.",
        )

    setup(ext_modules=_extensions(), cmdclass=cmdclass)


if __name__ == "__main__":
    main()
