"""Check what a built wheel of cywrappers holds, before anyone publishes it.

Usage::

    python ci/check_wheel.py [--sdist FILE.tar.gz | --project DIR] WHEEL [WHEEL ...]

- Every wheel: the tags of its file name are exactly the ``Tag:`` lines of its
  ``WHEEL`` file, and it holds both packages (``wrappers`` and
  ``wrappers_pure``) and no source file (``.c``, ``.pyx``, ``.pxd``, ``.pxi``,
  annotation ``.html``).
- A binary wheel (any tag but ``py3-none-any``) must hold one compiled module
  (``.so`` or ``.pyd``) for each ``wrappers/_*.pyx`` of the project, built for
  the wheel's own CPython version, and be tagged ``cpXY-cpXY-PLATFORM`` with a
  platform an installer accepts from an index: never a bare ``linux_*`` (an
  unrepaired build: ``auditwheel repair`` gives it its ``manylinux`` or
  ``musllinux`` tag). Its ELF modules carry no debug sections (release builds
  are stripped, see ``setup.py``).
- A pure wheel (``py3-none-any``) must hold no compiled module and say
  ``Root-Is-Purelib: true``.
- Size: a binary wheel at most :data:`MAX_BINARY_BYTES`, a pure one at most
  :data:`MAX_PURE_BYTES` (about twice what they are; an unstripped binary
  wheel is 2.2 MB). Raise the limit here when the growth is real.

Sources, the ``.pxd`` declarations included, ship in the sdist only: nothing
outside this project cimports ``wrappers``, so a ``.pxd`` in a wheel would only
be a file that can go stale against the compiled module next to it.

The ``.pyx`` stems are read from the sdist when ``--sdist`` is given, else from
the project folder (by default the checkout this script is in). Exits nonzero
with a plain message naming each problem. Standard library only.
"""

from __future__ import annotations

import argparse
import re
import struct
import sys
import tarfile
import zipfile
from pathlib import Path
from pathlib import PurePosixPath

PURE_TAG = "py3-none-any"

#: The largest wheels accepted, in bytes (CPython 3.11 on x86_64 Linux, issue
#: 13: the binary wheel 472 KB, the pure one 116 KB).
MAX_BINARY_BYTES = 1_000_000
MAX_PURE_BYTES = 250_000

#: ``cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64`` and the like.
BINARY_TAG_RE = re.compile(r"^cp(?P<ver>\d+)-cp(?P=ver)-(?P<plat>[a-z0-9_.]+)$")

#: ``wrappers/_headers.cpython-311-x86_64-linux-gnu.so``,
#: ``wrappers/_headers.cp311-win_amd64.pyd``, ``wrappers/_headers.pyd``, ...
COMPILED_RE = re.compile(
    r"^wrappers/(?P<stem>_[A-Za-z0-9_]+)(?P<suffix>\.[^/]*)?\.(?:so|pyd)$"
)
SOURCE_SUFFIXES = (".c", ".pyx", ".pxd", ".pxi", ".html")


def stems_from_project(project: Path) -> list[str]:
    """The stems of ``wrappers/_*.pyx`` in a project folder."""
    return sorted(path.stem for path in (project / "wrappers").glob("_*.pyx"))


def stems_from_sdist(sdist: Path) -> list[str]:
    """The stems of ``<root>/wrappers/_*.pyx`` in an sdist (``.tar.gz``)."""
    stems = []

    with tarfile.open(sdist) as tar:
        for name in tar.getnames():
            parts = PurePosixPath(name).parts

            if (
                len(parts) == 3
                and parts[1] == "wrappers"
                and parts[2].startswith("_")
                and parts[2].endswith(".pyx")
            ):
                stems.append(PurePosixPath(parts[2]).stem)

    return sorted(stems)


def wheel_tag(path: Path) -> str:
    """The ``python-abi-platform`` tag of a wheel, from its file name."""
    # name-version(-build)?-python-abi-platform.whl
    parts = path.name[: -len(".whl")].split("-")

    if not path.name.endswith(".whl") or len(parts) < 5:
        raise ValueError(f"{path.name} is not a wheel file name")

    return "-".join(parts[-3:])


def expand_tags(tag: str) -> set[str]:
    """The tags a compressed tag set stands for (``py3-none-a.b``: two tags)."""
    python, abi, platform = tag.split("-")
    return {
        f"{p}-{a}-{x}"
        for p in python.split(".")
        for a in abi.split(".")
        for x in platform.split(".")
    }


def elf_debug_sections(data: bytes) -> list[str]:
    """The ``.debug*`` sections of an ELF file: ``[]`` for a stripped one, and for
    a file that is not ELF (Mach-O and PE keep debug data in separate files).

    :raises ValueError: The section table cannot be read.
    """
    if data[:4] != b"\x7fELF" or data[4] not in (1, 2) or data[5] not in (1, 2):
        return []

    order = "<" if data[5] == 1 else ">"
    # ELF64 or ELF32: where the section table is, and where a section header
    # keeps its name (an offset into the names section) and its file offset.
    if data[4] == 2:
        table_at, sizes_at, word, offset_at = 0x28, 0x3A, "Q", 0x18
    else:
        table_at, sizes_at, word, offset_at = 0x20, 0x2E, "I", 0x10

    try:
        (table,) = struct.unpack_from(order + word, data, table_at)
        entry_size, count, names_index = struct.unpack_from(order + "HHH", data, sizes_at)

        def header(index: int) -> tuple[int, int]:
            base = table + index * entry_size
            (name,) = struct.unpack_from(order + "I", data, base)
            (offset,) = struct.unpack_from(order + word, data, base + offset_at)
            return name, offset

        _, names_offset = header(names_index)
        names = []

        for index in range(count):
            start = names_offset + header(index)[0]
            names.append(data[start : data.index(b"\0", start)].decode("latin-1"))
    except (struct.error, ValueError) as exc:
        raise ValueError(f"unreadable ELF section table ({exc})") from exc

    return [name for name in names if name.startswith(".debug")]


def check_wheel(path: Path, stems: list[str]) -> list[str]:
    """Return the problems found in one wheel (empty when it is fine)."""
    problems: list[str] = []
    tag = wheel_tag(path)

    with zipfile.ZipFile(path) as whl:
        names = whl.namelist()
        wheel_meta = next(
            (whl.read(n).decode() for n in names if n.endswith(".dist-info/WHEEL")), ""
        )
        debug = {
            name: sections
            for name in names
            if COMPILED_RE.match(name)
            and (sections := elf_debug_sections(whl.read(name)))
        }

    meta_tags = {
        line.partition(":")[2].strip()
        for line in wheel_meta.splitlines()
        if line.startswith("Tag:")
    }

    if meta_tags != expand_tags(tag):
        problems.append(
            f"the file name says {sorted(expand_tags(tag))}, its WHEEL file says "
            f"{sorted(meta_tags)}"
        )

    size = path.stat().st_size
    limit = MAX_PURE_BYTES if tag == PURE_TAG else MAX_BINARY_BYTES

    if size > limit:
        problems.append(
            f"{size:,} bytes, over the {limit:,} allowed (unstripped modules? see "
            "MAX_*_BYTES in ci/check_wheel.py)"
        )

    for name, sections in debug.items():
        problems.append(
            f"{name} carries debug sections ({', '.join(sections[:3])}, ...): "
            "release builds are stripped"
        )

    sources = [n for n in names if n.endswith(SOURCE_SUFFIXES)]
    compiled = {}

    for name in names:
        match = COMPILED_RE.match(name)

        if match:
            compiled[match["stem"]] = name
        elif name.endswith((".so", ".pyd")):
            problems.append(f"unexpected compiled file {name}")

    if sources:
        problems.append(
            "holds source files that belong in the sdist only: " + ", ".join(sources)
        )

    for package in ("wrappers/__init__.py", "wrappers_pure/__init__.py"):
        if package not in names:
            problems.append(f"{package} is missing")

    pure_meta = "Root-Is-Purelib: true" in wheel_meta

    if tag == PURE_TAG:
        if compiled:
            problems.append(
                "a pure wheel must hold no compiled module, found: "
                + ", ".join(compiled.values())
            )
        if not pure_meta:
            problems.append(
                "tagged py3-none-any but its WHEEL file says Root-Is-Purelib is not true"
            )
        return problems

    if pure_meta:
        problems.append(f"tagged {tag} but its WHEEL file says Root-Is-Purelib: true")

    binary_tag = BINARY_TAG_RE.match(tag)

    if not binary_tag:
        problems.append(f"tagged {tag}, not cpXY-cpXY-PLATFORM")
    elif any(plat.startswith("linux_") for plat in binary_tag["plat"].split(".")):
        problems.append(
            f"tagged {tag}: a bare linux_* platform, which no index accepts; "
            "repair it with `auditwheel repair` for its manylinux/musllinux tag"
        )

    if not stems:
        problems.append(
            "no wrappers/_*.pyx found to check the compiled modules against"
        )

    for stem in stems:
        if stem not in compiled:
            problems.append(
                f"the compiled module wrappers/{stem} (.so/.pyd) is missing"
            )

    for stem in sorted(set(compiled) - set(stems)):
        problems.append(
            f"compiled module {compiled[stem]} has no wrappers/{stem}.pyx source"
        )

    # A cp311 wheel must carry modules built for 3.11 (tagged ones, at least).
    version = re.match(r"cp(\d)(\d+)-", tag)

    if version:
        expected = (f"cpython-{version[1]}{version[2]}", f"cp{version[1]}{version[2]}")

        for name in compiled.values():
            suffix = COMPILED_RE.match(name)["suffix"] or ""  # type: ignore[index]

            if suffix and not any(mark in suffix for mark in expected):
                problems.append(f"{name} was not built for the wheel's Python ({tag})")

    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    source = parser.add_mutually_exclusive_group()
    source.add_argument(
        "--sdist", type=Path, help="read the .pyx stems from this sdist"
    )
    source.add_argument(
        "--project",
        type=Path,
        default=Path(__file__).resolve().parent.parent,
        help="read the .pyx stems from this project folder (default: this checkout)",
    )
    parser.add_argument("wheels", nargs="+", type=Path, metavar="WHEEL")
    args = parser.parse_args(argv)

    stems = (
        stems_from_sdist(args.sdist) if args.sdist else stems_from_project(args.project)
    )
    failed = 0

    for path in args.wheels:
        try:
            problems = check_wheel(path, stems)
        except (OSError, ValueError, zipfile.BadZipFile) as exc:
            problems = [f"cannot be read: {exc}"]

        if problems:
            failed += 1
            print(f"FAIL {path.name}:", file=sys.stderr)
            for problem in problems:
                print(f"  - {problem}", file=sys.stderr)
        else:
            kind = "pure" if wheel_tag(path) == PURE_TAG else "binary"
            detail = (
                ""
                if kind == "pure"
                else f", {len(stems)} compiled modules: {', '.join(stems)}"
            )
            size = path.stat().st_size
            print(f"ok   {path.name}: {kind} wheel, {size / 1e3:,.0f} kB{detail}")

    if failed:
        print(
            f"check_wheel: {failed} of {len(args.wheels)} wheel(s) failed the check",
            file=sys.stderr,
        )
        return 1

    return 0


if __name__ == "__main__":
    sys.exit(main())
