"""``setup.py`` builds that cannot lie: a failed build is pure and says so.

setuptools reuses ``build/lib*`` across builds, and before issue 13 a rebuild
whose compiler failed printed "installing the pure-Python twin only" and still
shipped the compiled modules of the build before it, in a ``cp3XX`` wheel. Here
a copy of the project is built into a wheel as a user builds it (``pip wheel``
in the tree, so ``build/`` is reused), then rebuilt with a Cython error in one
kernel, then with a compiler that fails: each rebuild must give a pure wheel
(``py3-none-any``, no compiled file) and a banner that says so.

The copy keeps two kernels (``_http`` and ``_dates``, the smallest: a few
seconds each to build) instead of six; what is checked is per module. Needs
what the ``test`` extra installs: setuptools and Cython (the build runs without
isolation, in this interpreter), and a C compiler. CPython only: elsewhere
``setup.py`` builds no compiled module at all.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

#: What the build reads from a checkout (the sdist holds these too).
PROJECT_FILES = ("setup.py", "pyproject.toml", "MANIFEST.in", "README.md", "LICENSE")

#: The kernels the copy keeps.
KERNELS = ("_dates", "_http")

COMPILED_RE = re.compile(r"^wrappers/_\w+\..*(?:so|pyd)$")

pytestmark = pytest.mark.skipif(
    sys.implementation.name != "cpython",
    reason="setup.py builds no compiled module on this interpreter",
)


def _copy_project(dest: Path) -> None:
    for name in PROJECT_FILES:
        shutil.copy2(ROOT / name, dest / name)

    shutil.copytree(
        ROOT / "wrappers_pure",
        dest / "wrappers_pure",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    shutil.copytree(
        ROOT / "wrappers",
        dest / "wrappers",
        ignore=shutil.ignore_patterns(
            "__pycache__", "*.so", "*.pyd", "*.c", "*.html", "*.pyx"
        ),
    )

    for stem in KERNELS:
        shutil.copy2(ROOT / "wrappers" / f"{stem}.pyx", dest / "wrappers" / f"{stem}.pyx")


def _build_wheel(src: Path, out: Path, **env: str) -> tuple[Path, str]:
    """``pip wheel`` the tree at ``src`` into ``out``; return the wheel and the log."""
    child_env = {
        key: value for key, value in os.environ.items() if not key.startswith("WRAPPERS_")
    }
    child_env.update(env, PIP_DISABLE_PIP_VERSION_CHECK="1", PIP_NO_INPUT="1")
    proc = subprocess.run(
        [
            sys.executable, "-m", "pip", "wheel", "-v", "--no-build-isolation",
            "--no-deps", "--no-cache-dir", "--wheel-dir", str(out), ".",
        ],
        cwd=src,
        env=child_env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    log = proc.stdout + proc.stderr
    assert proc.returncode == 0, f"pip wheel failed ({proc.returncode}):\n{log}"
    wheels = list(out.glob("*.whl"))
    assert len(wheels) == 1, (wheels, log)
    return wheels[0], log


def _contents(wheel: Path) -> tuple[list[str], str]:
    """The compiled files in a wheel, and its WHEEL metadata."""
    with zipfile.ZipFile(wheel) as whl:
        names = whl.namelist()
        meta = next(whl.read(n).decode() for n in names if n.endswith(".dist-info/WHEEL"))

    return sorted(n for n in names if COMPILED_RE.match(n)), meta


def _assert_pure(src: Path, wheel: Path, log: str, failure: str) -> None:
    compiled, meta = _contents(wheel)
    assert wheel.name.endswith("-py3-none-any.whl"), wheel.name
    assert compiled == [], f"a pure build shipped compiled modules: {compiled}"
    assert "Root-Is-Purelib: true" in meta and "Tag: py3-none-any" in meta, meta
    assert failure in log, log
    assert "Installing the pure-Python twin only" in log, log
    assert "a wheel is py3-none-any" in log, log
    left = [
        str(p)
        for lib in src.glob("build/lib*")
        for p in lib.rglob("*")
        if p.suffix in (".so", ".pyd")
    ]
    assert left == [], f"compiled modules left in the build folder: {left}"


def test_a_failed_rebuild_is_pure_and_says_so(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    _copy_project(src)
    http = src / "wrappers" / "_http.pyx"
    good = http.read_text(encoding="utf-8")

    # 1. A good build: a binary wheel with both modules.
    wheel, log = _build_wheel(src, tmp_path / "good")
    compiled, meta = _contents(wheel)
    tag = f"cp{sys.version_info[0]}{sys.version_info[1]}"
    assert wheel.name.split("-")[2:4] == [tag, tag], wheel.name
    assert [Path(n).name.split(".")[0] for n in compiled] == list(KERNELS), compiled
    assert "Root-Is-Purelib: false" in meta, meta
    assert "wrappers: compiled twin built: wrappers._dates, wrappers._http" in log, log

    # 2. A Cython error in one kernel: the other one builds, and is left out too.
    http.write_text(good + "\ncdef int _broken = 'not an int'\n", encoding="utf-8")
    wheel, log = _build_wheel(src, tmp_path / "cython-error")
    _assert_pure(src, wheel, log, "Cython could not translate wrappers._http")
    assert re.search(r"could not be built; failed: wrappers\._http$", log, re.M), log

    # 3. A compiler that fails (the kernel fixed again): nothing builds.
    if os.name != "posix":
        return  # MSVC is not chosen through CC

    http.write_text(good, encoding="utf-8")
    wheel, log = _build_wheel(src, tmp_path / "no-compiler", CC="false")
    _assert_pure(src, wheel, log, "could not build wrappers._dates")
    assert re.search(
        r"could not be built; failed: wrappers\._dates, wrappers\._http$", log, re.M
    ), log
