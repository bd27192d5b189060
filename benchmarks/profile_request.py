"""Where a request's time goes: per-property costs and a cProfile of the pure twin.

Usage::

    python benchmarks/profile_request.py [--number N] [--repeat N] [--profile WORKLOAD]

Prints, for Werkzeug, the compiled twin (when ``wrappers.COMPILED``) and the
pure twin, the cost of each piece of the request workloads
(``workloads/requests.py``), measured with :mod:`timeit` (the best of
``--repeat`` runs of ``--number`` calls, garbage collector on):

- ``construction``: ``Request(dict(environ))`` minus the environ copy;
- ``method``, ``path``, ``args``, ``headers[...]``, ``cookies``, ``url``,
  ``accept parse``: ``Request(dict(environ))`` + that one read, minus
  construction and the copy (every read is cached on the request, so each
  needs a new one);
- ``best_match``: the ``request.accept`` op minus ``accept parse`` and
  construction;
- ``get_json``: the ``request.json`` op minus the POST request's
  construction (environ copy, new ``BytesIO``);
- ``from_values``: the whole ``request.from_values`` op.

The differences are of minimums of separate runs, so a small piece can come
out a little below zero on a loaded machine; read them to a few tenths of a
microsecond. ``--profile NAME`` also runs that workload's op under
:mod:`cProfile` on the pure twin and prints its 25 most expensive functions
by own time (``tottime``).

Like ``run.py``, run it with the interpreter whose installed ``wrappers`` you
want to measure, from a directory that does not shadow it.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import sys
import timeit
import typing as t

_HERE = os.path.dirname(os.path.abspath(__file__))

if not sys.path or os.path.abspath(sys.path[0] or os.curdir) != _HERE:
    sys.path.insert(0, _HERE)

from harness.impls import discover  # noqa: E402
from workloads import requests as family  # noqa: E402
from workloads.base import COMPILED  # noqa: E402
from workloads.base import PURE  # noqa: E402
from workloads.base import WERKZEUG  # noqa: E402
from workloads.base import Impl  # noqa: E402

#: The reads of the ``request`` workload, one at a time.
READS: t.Final[dict[str, t.Callable[[t.Any], object]]] = {
    "method": lambda r: r.method,
    "path": lambda r: r.path,
    "args.get('q')": lambda r: r.args.get("q"),
    "headers['User-Agent']": lambda r: r.headers["User-Agent"],
    "cookies.get('session')": lambda r: r.cookies.get("session"),
    "url": lambda r: r.url,
    "accept parse": lambda r: r.accept_mimetypes,
}


def _best(op: t.Callable[[], object], number: int, repeat: int) -> float:
    """The best per-call time of ``op`` in ns."""
    timer = timeit.Timer(op, "import gc; gc.enable()")
    return min(timer.repeat(repeat=repeat, number=number)) / number * 1e9


def pieces(impl: Impl, number: int, repeat: int) -> dict[str, float]:
    """The per-piece costs (ns) of ``impl``'s request, as the module docstring says."""
    request_cls = impl.Request
    template = family.get_environ()
    copy = _best(lambda: dict(template), number, repeat)
    init = _best(lambda: request_cls(dict(template)), number, repeat)
    result = {"construction": init - copy}

    for name, read in READS.items():
        result[name] = (
            _best(lambda read=read: read(request_cls(dict(template))), number, repeat)
            - init
        )

    whole = {
        workload.name: _best(workload.build(impl), number, repeat)
        for workload in family.WORKLOADS
        if workload.name in ("request", "request.accept", "request.json",
                             "request.from_values", "request.post_init")
    }
    result["best_match"] = (
        whole["request.accept"] - init - result["accept parse"]
    )
    result["get_json"] = whole["request.json"] - whole["request.post_init"]
    result["from_values"] = whole["request.from_values"]
    result["= request (whole op)"] = whole["request"]
    result["= request.accept (whole op)"] = whole["request.accept"]
    result["= request.json (whole op)"] = whole["request.json"]
    return result


def _profile(impl: Impl, name: str, calls: int = 20_000, top: int = 25) -> str:
    workload = next(w for w in family.WORKLOADS if w.name == name)
    op = workload.build(impl)
    profiler = cProfile.Profile()
    profiler.enable()

    for _ in range(calls):
        op()

    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("tottime").print_stats(top)
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--number", type=int, default=2000, metavar="N")
    parser.add_argument("--repeat", type=int, default=7, metavar="N")
    parser.add_argument(
        "--profile",
        action="append",
        default=[],
        metavar="WORKLOAD",
        help="cProfile this request workload on the pure twin (repeatable)",
    )
    args = parser.parse_args(argv)
    discovery = discover()

    for warning in discovery.warnings:
        print(f"!! WARNING: {warning}")

    columns: dict[str, dict[str, float]] = {}

    for key in (WERKZEUG, COMPILED, PURE):
        impl = discovery.slots[key].impl

        if impl is None or impl.Request is None:
            print(f"{key}: n/a ({discovery.slots[key].reason or 'no Request'})")
            continue

        columns[key] = pieces(impl, args.number, args.repeat)

    if WERKZEUG not in columns:
        print("Werkzeug is needed as the reference", file=sys.stderr)
        return 2

    names = list(columns[WERKZEUG])
    keys = list(columns)
    print(f"\nper piece, best of {args.repeat} x {args.number} calls (ns; x = Werkzeug / it)\n")
    print(f"{'piece':<30}" + "".join(f"{key:>20}" for key in keys))

    for name in names:
        base = columns[WERKZEUG][name]
        cells = []

        for key in keys:
            value = columns[key][name]
            ratio = f" ({base / value:5.1f}x)" if key != WERKZEUG and value > 50 else ""
            cells.append(f"{value:>12,.0f}{ratio:>8}")

        print(f"{name:<30}" + "".join(f"{cell:>20}" for cell in cells))

    pure = discovery.slots[PURE].impl

    for name in args.profile:
        if pure is None or pure.Request is None:
            print(f"no pure Request to profile {name}")
            continue

        print(f"\ncProfile of {name} on the pure twin, by own time:\n")
        print(_profile(pure, name))

    return 0


if __name__ == "__main__":
    sys.exit(main())
