#!/usr/bin/env bash
# The test command of the project: `bash ci/test.sh` (CI runs it through .ci/run).
#
#   bash ci/test.sh            CPython (compiled + pure twins, Werkzeug's and Flask's own suites, mypy), then PyPy (pure twin)
#   bash ci/test.sh --no-pypy  CPython only, for quick local runs
#   (anything after `--` goes to both pytest runs, e.g. `-- -x -k headers`)
#
# Each run installs the project from the source tree (not editable) into a
# fresh venv under build/ci/ and runs the suite from the repo root against that
# installed build. Needs: python3 (CPython >= 3.9) with venv and a C compiler;
# PyPy is installed with apt-get when missing (Debian, as root).
# Environment: PYTHON (default python3), PYPY (default pypy3).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="$ROOT/build/ci"
PYTHON="${PYTHON:-python3}"
PYPY="${PYPY:-pypy3}"
RUN_PYPY=1
PYTEST_ARGS=()

usage() { sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }

while [ $# -gt 0 ]; do
    case "$1" in
        --no-pypy) RUN_PYPY=0 ;;
        -h | --help) usage; exit 0 ;;
        --) shift; PYTEST_ARGS=("$@"); break ;;
        *) echo "ci/test.sh: unknown argument: $1" >&2; usage >&2; exit 2 ;;
    esac
    shift
done

START=$SECONDS
section() { printf '\n======== %s  [%ss]\n' "$*" "$((SECONDS - START))"; }
fail() { printf '\nci/test.sh: FAILED: %s\n' "$*" >&2; exit 1; }

export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_INPUT=1 PIP_PROGRESS_BAR=off
# Hypothesis draws the same examples on every run of the gate (tests/conftest.py
# derandomizes when CI is set); plain `pytest` runs keep drawing new ones.
export CI="${CI:-1}"
# The build switches come from this script, never from the caller's shell.
unset WRAPPERS_NO_EXTENSIONS WRAPPERS_REQUIRE_EXTENSIONS WRAPPERS_CYTHON_TRACING \
    WRAPPERS_CI_EXPECT_COMPILED PYTHONPATH

cd "$ROOT"

# Remove whatever an earlier build left in the tree: an in-place .so/.c would
# shadow or confuse the code under test, and setuptools reuses build/lib* and
# build/temp* (a stale file there would end up in the wheel).
clean_tree() {
    rm -f wrappers/*.so wrappers/*.pyd wrappers/*.c wrappers/*.html
    rm -rf build/lib* build/temp* build/bdist* ./*.egg-info
}

# check_install VENV_PYTHON EXPECTED_COMPILED(1|0): from an empty folder (so the
# source tree cannot shadow anything), the installed wrappers must be the one in
# the venv's site-packages, with COMPILED as expected.
check_install() {
    local empty="$BUILD/empty"
    mkdir -p "$empty"
    (cd "$empty" && WRAPPERS_CI_EXPECT_COMPILED="$2" "$1" - "$ROOT" <<'EOF'
import os, sys, sysconfig
from pathlib import Path

root = Path(sys.argv[1]).resolve()
import wrappers, wrappers_pure

where = Path(wrappers.__file__).resolve().parent
site = {Path(sysconfig.get_paths()[k]).resolve() for k in ("purelib", "platlib")}
print(f"python:            {sys.executable} ({sys.implementation.name} {sys.version.split()[0]})")
print(f"wrappers:          {where}")
print(f"wrappers_pure:     {Path(wrappers_pure.__file__).resolve().parent}")
print(f"wrappers.COMPILED: {wrappers.COMPILED} ({wrappers._REASON})")
if where == root / "wrappers" or where.parent not in site:
    sys.exit(f"wrappers was imported from {where}, not from the venv's site-packages")
expected = os.environ["WRAPPERS_CI_EXPECT_COMPILED"] == "1"
if wrappers.COMPILED != expected:
    sys.exit(f"wrappers.COMPILED is {wrappers.COMPILED}, expected {expected}: {wrappers._REASON}")
EOF
    ) || fail "the installed build is not the expected one (see above)"
}

# run_pytest VENV EXPECTED_COMPILED [pytest args...]: from the repo root, with
# the pyproject config (--import-mode=importlib keeps the tree off sys.path).
run_pytest() {
    local venv="$1" expected="$2" rc=0
    shift 2
    PYTHONPATH="$ROOT/ci" WRAPPERS_CI_EXPECT_COMPILED="$expected" \
        "$venv/bin/pytest" -c "$ROOT/pyproject.toml" --rootdir "$ROOT" \
        -p pytest_installed "$@" ${PYTEST_ARGS[@]+"${PYTEST_ARGS[@]}"} || rc=$?
    case "$rc" in
        0) ;;
        5) fail "pytest collected no tests (exit code 5)" ;;
        *) fail "pytest exited with code $rc" ;;
    esac
}

# ---------------------------------------------------------------- CPython
section "CPython: interpreter"
command -v "$PYTHON" >/dev/null || fail "$PYTHON not found (set PYTHON=/path/to/python3)"
"$PYTHON" - <<'EOF' || fail "$PYTHON must be CPython >= 3.9"
import sys
print(sys.executable, sys.version.split()[0], sys.implementation.name)
sys.exit(not (sys.implementation.name == "cpython" and sys.version_info >= (3, 9)))
EOF

section "CPython: fresh venv in build/ci/cpython"
clean_tree
rm -rf "$BUILD/cpython"
mkdir -p "$BUILD"
"$PYTHON" -m venv "$BUILD/cpython"
"$BUILD/cpython/bin/python" -m pip install -q --upgrade pip

section "CPython: pip install .[test] (WRAPPERS_REQUIRE_EXTENSIONS=1)"
WRAPPERS_REQUIRE_EXTENSIONS=1 "$BUILD/cpython/bin/python" -m pip install -q "$ROOT[test]" \
    || fail "pip install of the compiled build failed (see the build output above)"
clean_tree
check_install "$BUILD/cpython/bin/python" 1

section "CPython: pytest (compiled and pure twins)"
run_pytest "$BUILD/cpython" 1

# ---- upstream suites: Werkzeug 3.1.9's and Flask 3.1.3's own tests on both twins
# (ci/upstream.py; their sdists are downloaded once into build/upstream/).
section "CPython: Werkzeug's and Flask's own test suites on both twins (ci/upstream.py)"
UPSTREAM_START=$SECONDS
"$BUILD/cpython/bin/python" "$ROOT/ci/upstream.py" --twin both \
    || fail "Werkzeug's or Flask's own tests failed on our twins (see above; ci/README.md)"
echo "ci/test.sh: upstream suites took $((SECONDS - UPSTREAM_START))s"
# ---- end of upstream suites

section "CPython: mypy --strict on the pure twin (what type checkers see)"
"$BUILD/cpython/bin/python" -m pip install -q mypy || fail "pip install mypy failed"
"$BUILD/cpython/bin/python" -m mypy --config-file "$ROOT/pyproject.toml" \
    || fail "mypy found type errors in wrappers_pure"

# ---------------------------------------------------------------- PyPy
if [ "$RUN_PYPY" = 1 ]; then
    section "PyPy: interpreter"

    apt_install_pypy() {
        if ! command -v apt-get >/dev/null; then
            fail "$PYPY is missing and apt-get is not available: install PyPy 3 (with venv) or run with --no-pypy"
        fi
        if [ "$(id -u)" != 0 ]; then
            fail "$PYPY is missing and installing it needs root (apt-get install pypy3 pypy3-venv), or run with --no-pypy"
        fi
        echo "installing pypy3 and pypy3-venv with apt-get"
        DEBIAN_FRONTEND=noninteractive apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq pypy3 pypy3-venv >/dev/null
    }

    command -v "$PYPY" >/dev/null || apt_install_pypy
    command -v "$PYPY" >/dev/null || fail "$PYPY is still not on PATH after apt-get install pypy3"
    "$PYPY" -c 'import sys; print(sys.executable, sys.version.replace("\n", " "))'

    section "PyPy: fresh venv in build/ci/pypy"
    rm -rf "$BUILD/pypy"
    if ! "$PYPY" -m venv "$BUILD/pypy" 2>/dev/null; then
        # Debian ships venv support for PyPy in a separate package.
        rm -rf "$BUILD/pypy"
        apt_install_pypy
        "$PYPY" -m venv "$BUILD/pypy" || fail "$PYPY -m venv does not work"
    fi
    "$BUILD/pypy/bin/python" -m pip install -q --upgrade pip

    section "PyPy: pip install .[test] (pure: not CPython)"
    clean_tree
    "$BUILD/pypy/bin/python" -m pip install -q "$ROOT[test]" \
        || fail "pip install on PyPy failed (see the output above)"
    clean_tree
    check_install "$BUILD/pypy/bin/python" 0

    section "PyPy: pytest (pure twin; --no-compiled)"
    run_pytest "$BUILD/pypy" 0 --no-compiled
else
    section "PyPy: skipped (--no-pypy)"
fi

section "ci/test.sh: all passed"
