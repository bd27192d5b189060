"""Memory per live response: Werkzeug, the compiled twin and the pure twin.

Usage::

    python benchmarks/memory.py [--count N] [--repeat N] [--json PATH] [--check-goals]

For each implementation, keeps ``N`` (10,000 by default) ``Response("Hello,
World!")`` objects alive at once and measures with :mod:`tracemalloc` how many
bytes they hold together: everything each object allocated (the instance, its
``__dict__``, its ``Headers`` and their list of pairs, the body list and the
encoded bytes, ...), divided by ``N``. The list that holds them is allocated
before the measurement starts, and a few objects are made and dropped first so
that one-off caches do not count. Repeated ``--repeat`` times; the smallest
figure is reported (allocation is deterministic, so the rounds normally agree).

Like ``run.py``, run it with the interpreter whose installed ``wrappers`` you
want to measure, from a directory that does not shadow it; the compiled column
is n/a unless ``wrappers.COMPILED`` is True. Goal: compiled <= 0.5 of
Werkzeug's bytes per object. On PyPy, tracemalloc does not exist: the script
says so and exits 0.

Exit status: 0; 1 with ``--check-goals`` when the compiled twin was measured
and missed the goal; 2 for bad arguments.
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

#: The body every measured response holds.
BODY: t.Final = "Hello, World!"
#: Highest allowed ratio of bytes per object to Werkzeug's.
GOALS: t.Final[dict[str, float]] = {COMPILED: 0.5}
#: Objects made and dropped before measuring, to fill one-off caches.
WARMUP: t.Final = 100


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


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        description=(
            "Bytes per live Response('Hello, World!') for Werkzeug, the compiled "
            "twin and the pure twin (tracemalloc)."
        )
    )
    parser.add_argument("--count", type=int, default=10_000, metavar="N")
    parser.add_argument("--repeat", type=int, default=3, metavar="N")
    parser.add_argument("--json", metavar="PATH", help="also write the results as JSON")
    parser.add_argument(
        "--check-goals",
        action="store_true",
        help="exit 1 when the compiled twin was measured and is above its goal",
    )
    return parser


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

    results: dict[str, dict[str, t.Any]] = {}

    for key in (WERKZEUG, COMPILED, PURE):
        slot = discovery.slots[key]
        response_cls = None if slot.impl is None else slot.impl.Response

        if response_cls is None:
            reason = slot.reason or f"{key} has no Response"
            results[key] = {"bytes_per_object": None, "reason": reason}
            continue

        rounds = [
            bytes_per_object(response_cls, args.count) for _ in range(args.repeat)
        ]
        results[key] = {"bytes_per_object": min(rounds), "rounds": rounds}

    base = results[WERKZEUG]["bytes_per_object"]
    failed = False
    print(f"\n{args.count:,} live Response({BODY!r}) objects, best of {args.repeat}:\n")
    print(f"{'implementation':<15} {'bytes/object':>13} {'vs werkzeug':>12}  goal")
    print(f"{'-' * 15} {'-' * 13} {'-' * 12}  {'-' * 20}")

    for key, result in results.items():
        value = result["bytes_per_object"]
        goal = GOALS.get(key)
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

    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(
                {
                    "schema": 1,
                    "python": discovery.info.get("python"),
                    "count": args.count,
                    "body": BODY,
                    "results": results,
                    "warnings": discovery.warnings,
                },
                f,
                indent=2,
            )

    return 1 if args.check_goals and failed else 0


if __name__ == "__main__":
    sys.exit(main())
