#!/usr/bin/env bash
# Build the distributions of cywrappers, always FROM THE SDIST (so a file missing
# from the sdist breaks the build instead of the users), and check each wheel
# with ci/check_wheel.py. Used by .github/workflows/wheels.yml; works locally.
#
#   bash ci/build_wheels.sh sdist               dist/cywrappers-X.tar.gz
#   bash ci/build_wheels.sh pure   [SDIST]      + dist/cywrappers-X-py3-none-any.whl (WRAPPERS_NO_EXTENSIONS=1)
#   bash ci/build_wheels.sh local  [SDIST]      + a binary wheel for $PYTHON in dist/ (WRAPPERS_REQUIRE_EXTENSIONS=1)
#   bash ci/build_wheels.sh binary [SDIST] [-- CIBUILDWHEEL ARGS]
#                                               binary wheels with cibuildwheel in wheelhouse/
#                                               (config: [tool.cibuildwheel] in pyproject.toml)
#   bash ci/build_wheels.sh check  SDIST WHEEL...   only run the check
#
# Without SDIST, the sdist is built first from this checkout. Needs $PYTHON
# (default python3) with `build` installed, and `cibuildwheel` for `binary`:
#   python3 -m pip install build cibuildwheel
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PYTHON="${PYTHON:-python3}"
DIST="$ROOT/dist"
WHEELHOUSE="$ROOT/wheelhouse"

usage() { sed -n '2,17p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
fail() { printf 'ci/build_wheels.sh: FAILED: %s\n' "$*" >&2; exit 1; }
section() { printf '\n======== %s\n' "$*"; }

need() {
    "$PYTHON" -c "import $1" 2>/dev/null \
        || fail "$PYTHON cannot import $1: run \`$PYTHON -m pip install $2\`"
}

build_sdist() {
    need build build
    section "sdist from $ROOT"
    rm -rf "$DIST" "$ROOT"/build/lib* "$ROOT"/build/temp* "$ROOT"/build/bdist* "$ROOT"/*.egg-info
    "$PYTHON" -m build --sdist --outdir "$DIST" "$ROOT"
    local sdists=("$DIST"/*.tar.gz)
    [ "${#sdists[@]}" = 1 ] && [ -f "${sdists[0]}" ] || fail "expected one sdist in $DIST"
    SDIST="${sdists[0]}"
    list_sdist "$SDIST"
}

# The sdist must carry the .pyx sources (and the .pxd they cimport: a missing
# one fails the wheel build from the sdist) and no generated C.
list_sdist() {
    "$PYTHON" - "$1" <<'EOF'
import sys, tarfile
with tarfile.open(sys.argv[1]) as tar:
    names = tar.getnames()
pyx = [n for n in names if n.endswith(".pyx")]
pxd = [n for n in names if n.endswith((".pxd", ".pxi"))]
gen = [n for n in names if n.endswith((".c", ".so", ".pyd", ".html"))]
print(f"{sys.argv[1]}: {len(names)} entries; .pyx: {', '.join(pyx) or 'NONE'}; "
      f".pxd/.pxi: {', '.join(pxd) or 'none'}")
if gen:
    sys.exit(f"the sdist holds generated files: {', '.join(gen)}")
if not pyx:
    sys.exit("the sdist holds no .pyx source")
EOF
}

# wheel_from_sdist SDIST: build one wheel from the unpacked sdist into dist/.
wheel_from_sdist() {
    need build build
    local tmp rc=0
    tmp="$(mktemp -d)"
    tar -xzf "$1" -C "$tmp"
    "$PYTHON" -m build --wheel --outdir "$DIST" "$tmp"/*/ || rc=$?
    rm -rf "$tmp"
    return "$rc"
}

check() {
    section "check wheels"
    "$PYTHON" "$ROOT/ci/check_wheel.py" --sdist "$@"
}

mode="${1:-}"
[ -n "$mode" ] || { usage >&2; exit 2; }
shift
SDIST=""

case "$mode" in
    -h | --help)
        usage
        ;;
    sdist)
        build_sdist
        ;;
    pure)
        if [ $# -gt 0 ]; then SDIST="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"; list_sdist "$SDIST"; else build_sdist; fi
        section "pure wheel from $(basename "$SDIST") (WRAPPERS_NO_EXTENSIONS=1)"
        rm -f "$DIST"/*.whl
        WRAPPERS_NO_EXTENSIONS=1 WRAPPERS_REQUIRE_EXTENSIONS=0 wheel_from_sdist "$SDIST"
        wheels=("$DIST"/*-py3-none-any.whl)
        [ -f "${wheels[0]}" ] || fail "no py3-none-any wheel in $DIST: $(ls "$DIST")"
        check "$SDIST" "$DIST"/*.whl
        ;;
    local)
        if [ $# -gt 0 ]; then SDIST="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"; list_sdist "$SDIST"; else build_sdist; fi
        section "binary wheel for $("$PYTHON" -c 'import sys; print(sys.executable)') from $(basename "$SDIST")"
        rm -f "$DIST"/*.whl
        WRAPPERS_REQUIRE_EXTENSIONS=1 WRAPPERS_NO_EXTENSIONS=0 WRAPPERS_CYTHON_TRACING=0 wheel_from_sdist "$SDIST"
        check "$SDIST" "$DIST"/*.whl
        ;;
    binary)
        if [ $# -gt 0 ] && [ "$1" != "--" ]; then
            SDIST="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"; shift; list_sdist "$SDIST"
        else
            build_sdist
        fi
        [ "${1:-}" = "--" ] && shift
        need cibuildwheel cibuildwheel
        section "binary wheels with cibuildwheel from $(basename "$SDIST")"
        rm -rf "$WHEELHOUSE"
        # cibuildwheel reads [tool.cibuildwheel] from the sdist's pyproject.toml
        # (it sets WRAPPERS_REQUIRE_EXTENSIONS=1 and tests every wheel).
        "$PYTHON" -m cibuildwheel --output-dir "$WHEELHOUSE" "$@" "$SDIST"
        check "$SDIST" "$WHEELHOUSE"/*.whl
        ;;
    check)
        [ $# -ge 2 ] || fail "usage: ci/build_wheels.sh check SDIST WHEEL..."
        check "$@"
        ;;
    *)
        usage >&2
        exit 2
        ;;
esac
