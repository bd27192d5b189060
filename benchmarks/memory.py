"""Memory per live object: Werkzeug, the compiled twin and the pure twin.

Usage::

    python benchmarks/memory.py [--count N] [--repeat N] [--object KIND] [--json PATH] [--check-goals]

Two objects are measured (``--object response``, ``--object request``, or both,
the default):

- ``response``: keeps ``N`` (10,000 by default) ``Response("Hello, World!")``
  objects alive at once and measures with :mod:`tracemalloc` how many bytes they
  hold together: everything each object allocated (the instance, its
  ``__dict__``, its ``Headers`` and their list of pairs, the body list and the
  encoded bytes, ...), divided by ``N``. Goal: compiled <= 0.5 of Werkzeug's.
- ``request``: ``N`` live ``Request(environ)`` objects for the browser GET of
  the ``request`` workload (``workloads/requests.py``), each after that
  workload's reads (``method``, ``path``, ``args.get("q")``,
  ``headers["User-Agent"]``, ``cookies.get("session")``, ``url``), so what they
  cached counts. The ``N`` environ copies are made before the measurement
  starts: what is counted is what the request added (itself, its caches, and
  whatever it stored in or grew of its environ). No goal; the ratio to
  Werkzeug is shown.

The lists that hold the objects are allocated before the measurement starts,
and a few objects are made and dropped first so that one-off caches do not
count. Each is repeated ``--repeat`` times; the smallest figure is reported
(allocation is deterministic, so the rounds normally agree).

Like ``run.py``, run it with the interpreter whose installed ``wrappers`` you
want to measure, from a directory that does not shadow it; the compiled column
is n/a unless ``wrappers.COMPILED`` is True. On PyPy, tracemalloc does not
exist: the script says so and exits 0.

Exit status: 0; 1 with ``--check-goals`` when the compiled twin was measured
and missed a goal; 2 for bad arguments.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys
import typing as t

_HERE = os.path.dirname(os.path.abspath(__file__))

if not sys.path or os.path.abspath(sys.path[0] or os.curdir) != _HERE:
    sys.path.insert(0, _HERE)

from harness.impls import discover  # noqa: E402
from workloads.base import COMPILED  # noqa: E402
from workloads.base import PURE  # noqa: E402
from workloads.base import WERKZEUG  # noqa: E402
from workloads.requests import get_environ  # noqa: E402

#: The body every measured response holds.
BODY: t.Final = "Hello, World!"
#: Highest allowed ratio of bytes per object to Werkzeug's, per object kind.
GOALS: t.Final[dict[str, dict[str, float]]] = {
    "response": {COMPILED: 0.5},
    "request": {},
}
#: Objects made and dropped before measuring, to fill one-off caches.
WARMUP: t.Final = 100
#: The object kinds, in report order.
KINDS: t.Final = ("response", "request")


def bytes_per_object(response_cls: t.Any, count: int) -> float:
    """Bytes held by ``count`` live ``response_cls(BODY)`` objects, per object."""
    import tracemalloc

    body = BODY

    for _ in range(WARMUP):
        response_cls(body)

    keep: list[t.Any] = [None] * count
    gc.collect()
    tracemalloc.start()

    try:
        before = tracemalloc.get_traced_memory()[0]

        for i in range(count):
            keep[i] = response_cls(body)

        gc.collect()
        after = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()

    # Sanity: the objects are what we think they are.
    sample = keep[0]
    assert sample.get_data() == body.encode(), sample
    del keep
    return (after - before) / count


def _read(request: t.Any) -> tuple[t.Any, ...]:
    """The reads of the ``request`` workload."""
    return (
        request.method,
        request.path,
        request.args.get("q"),
        request.headers["User-Agent"],
        request.cookies.get("session"),
        request.url,
    )


def bytes_per_request(request_cls: t.Any, count: int) -> float:
    """Bytes added by ``count`` live ``request_cls(environ)`` objects after the
    ``request`` workload's reads, per object; the environ copies are not counted."""
    import tracemalloc

    template = get_environ()

    for _ in range(WARMUP):
        _read(request_cls(dict(template)))

    environs = [dict(template) for _ in range(count)]
    keep: list[t.Any] = [None] * count
    gc.collect()
    tracemalloc.start()

    try:
        before = tracemalloc.get_traced_memory()[0]

        for i in range(count):
            request = request_cls(environs[i])
            _read(request)
            keep[i] = request

        del request
        gc.collect()
        after = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()

    # Sanity: the objects are what we think they are, and the reads were cached
    # on them (a second read returns the same values).
    sample = keep[0]
    assert sample.args.get("q") == "wrappers", sample
    assert _read(sample)[3].startswith("Mozilla/5.0"), sample
    del keep, environs
    return (after - before) / count


def _measure(kind: str, impl: t.Any, count: int) -> float | None:
    if kind == "response":
        cls = None if impl is None else impl.Response
        return None if cls is None else bytes_per_object(cls, count)

    cls = None if impl is None else impl.Request
    return None if cls is None else bytes_per_request(cls, count)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        description=(
            "Bytes per live Response('Hello, World!') and per live Request(environ) "
            "for Werkzeug, the compiled twin and the pure twin (tracemalloc)."
        )
    )
    parser.add_argument("--count", type=int, default=10_000, metavar="N")
    parser.add_argument("--repeat", type=int, default=3, metavar="N")
    parser.add_argument(
        "--object",
        choices=(*KINDS, "all"),
        default="all",
        help="which object to measure (default: all)",
    )
    parser.add_argument("--json", metavar="PATH", help="also write the results as JSON")
    parser.add_argument(
        "--check-goals",
        action="store_true",
        help="exit 1 when the compiled twin was measured and is above a goal",
    )
    return parser


def _report(
    kind: str, results: dict[str, dict[str, t.Any]], count: int, repeat: int
) -> bool:
    """Print one kind's table; fill in ratios and goals; return True if a goal
    was missed."""
    base = results[WERKZEUG]["bytes_per_object"]
    failed = False
    what = f"Response({BODY!r}) objects," if kind == "response" else (
        "Request(environ) objects after the `request` workload's reads,"
    )
    print(f"\n{count:,} live {what} best of {repeat}:\n")
    print(f"{'implementation':<15} {'bytes/object':>13} {'vs werkzeug':>12}  goal")
    print(f"{'-' * 15} {'-' * 13} {'-' * 12}  {'-' * 20}")

    for key, result in results.items():
        value = result["bytes_per_object"]
        goal = GOALS[kind].get(key)
        goal_text = "" if goal is None else f"<= {goal:.2f}x"

        if value is None:
            print(f"{key:<15} {'n/a':>13} {'-':>12}  {goal_text} ({result['reason']})")
            continue

        ratio = None if not base else value / base
        result["ratio_to_werkzeug"] = ratio

        if goal is not None and ratio is not None:
            met = ratio <= goal
            result["goal"] = {"max_ratio": goal, "met": met}
            failed = failed or not met
            goal_text += " met" if met else " MISSED"

        ratio_text = "-" if ratio is None else f"{ratio:.2f}x"
        print(f"{key:<15} {value:>13,.0f} {ratio_text:>12}  {goal_text}")

    return failed


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)

    if args.count < 1 or args.repeat < 1:
        print("--count and --repeat must be at least 1", file=sys.stderr)
        return 2

    if sys.implementation.name != "cpython":
        print(
            f"tracemalloc is not available on {sys.implementation.name}; "
            "memory is measured on CPython only."
        )
        return 0

    discovery = discover()

    for warning in discovery.warnings:
        print(f"!! WARNING: {warning}")

    kinds = KINDS if args.object == "all" else (args.object,)
    objects: dict[str, dict[str, dict[str, t.Any]]] = {}
    failed = False

    for kind in kinds:
        results: dict[str, dict[str, t.Any]] = {}

        for key in (WERKZEUG, COMPILED, PURE):
            slot = discovery.slots[key]
            cls_name = "Response" if kind == "response" else "Request"

            if getattr(slot.impl, cls_name, None) is None:
                reason = slot.reason or f"{key} has no {cls_name}"
                results[key] = {"bytes_per_object": None, "reason": reason}
                continue

            rounds = [
                t.cast(float, _measure(kind, slot.impl, args.count))
                for _ in range(args.repeat)
            ]
            results[key] = {"bytes_per_object": min(rounds), "rounds": rounds}

        failed = _report(kind, results, args.count, args.repeat) or failed
        objects[kind] = results

    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(
                {
                    "schema": 2,
                    "python": discovery.info.get("python"),
                    "count": args.count,
                    "body": BODY,
                    "objects": objects,
                    # schema 1's key: the response figures, when measured.
                    "results": objects.get("response"),
                    "warnings": discovery.warnings,
                },
                f,
                indent=2,
            )

    return 1 if args.check_goals and failed else 0


if __name__ == "__main__":
    sys.exit(main())
