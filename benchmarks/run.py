"""Time the workloads on the floor, Werkzeug, the compiled twin and the pure twin.

Usage (see benchmarks/README.md)::

    python benchmarks/run.py [--quick] [--repeat N] [--batch-ms MS] [--seed N]
                             [--workload NAME ...] [--all] [--list]
                             [--json PATH] [--note TEXT] [--warmup SECONDS]
                             [--check-goals] [--require-compiled]

Each workload is timed in many short rounds; each round times one batch of
every implementation (floor, Werkzeug, compiled, pure) in a freshly shuffled
order. Ratios are taken per round and summarised by their median and
p10-p90; a goal is met when the median ratio meets it.

Run it with the interpreter whose installed ``wrappers`` you want to measure,
from a directory that does not shadow it (``cd /tmp``): this script only puts
its own directory, ``benchmarks/``, on ``sys.path``, never the repository root.

Exit status: 0; 1 with ``--check-goals`` when a goal was missed or a result was
wrong; 2 for bad arguments; 3 with ``--require-compiled`` when the compiled twin
is not active.
"""

from __future__ import annotations

import argparse
import fnmatch
import os
import sys
import typing as t

_HERE = os.path.dirname(os.path.abspath(__file__))

# ``python benchmarks/run.py`` already puts benchmarks/ first; make sure of it for
# other ways of starting this file, and never add the repository root.
if not sys.path or os.path.abspath(sys.path[0] or os.curdir) != _HERE:
    sys.path.insert(0, _HERE)

from harness import report  # noqa: E402
from harness.impls import discover  # noqa: E402
from harness.runner import ERROR  # noqa: E402
from harness.runner import MISMATCH  # noqa: E402
from harness.runner import WorkloadResult  # noqa: E402
from harness.runner import run_workload  # noqa: E402
from harness.timing import Settings  # noqa: E402
from workloads import Workload  # noqa: E402
from workloads import load_workloads  # noqa: E402
from workloads.base import COMPILED  # noqa: E402

EXIT_GOALS: t.Final = 1
EXIT_USAGE: t.Final = 2
EXIT_NOT_COMPILED: t.Final = 3


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        description=(
            "Time each workload on the hand-written floor, Werkzeug, the compiled "
            "twin (wrappers) and the pure twin (wrappers_pure), in one process."
        )
    )
    parser.add_argument(
        "--repeat",
        type=int,
        metavar="N",
        help=(
            "timed rounds; each round times one batch of every implementation "
            "(default 60, 15 with --quick)"
        ),
    )
    parser.add_argument(
        "--batch-ms",
        type=float,
        metavar="MS",
        help="length of one timed batch in milliseconds (default 10, 5 with --quick)",
    )
    parser.add_argument(
        "--seed",
        type=int,
        metavar="N",
        help="seed of the per-round shuffle of the order (default 1)",
    )
    parser.add_argument(
        "--note",
        metavar="TEXT",
        help="a note stored in the JSON file (the machine's load, what else ran)",
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="fast pass: fewer rounds, shorter batches and warm-up",
    )
    parser.add_argument(
        "--workload",
        action="append",
        metavar="NAME",
        help="run only this workload; repeatable; shell patterns allowed ('headers.*')",
    )
    parser.add_argument(
        "--all",
        action="store_true",
        help="also run the opt-in workloads (the per-op breakdowns)",
    )
    parser.add_argument(
        "--list", action="store_true", help="list the workloads and exit"
    )
    parser.add_argument(
        "--json", metavar="PATH", help="also write the results as JSON to PATH"
    )
    parser.add_argument(
        "--warmup",
        type=float,
        metavar="SECONDS",
        help="minimum warm-up per op (default 0.05 s on CPython, 2 s on PyPy)",
    )
    parser.add_argument(
        "--check-goals",
        action="store_true",
        help=(
            "exit 1 if a measured goal is missed or an implementation gave a "
            "wrong result"
        ),
    )
    parser.add_argument(
        "--require-compiled",
        action="store_true",
        help="exit 3 before timing if wrappers.COMPILED is not True",
    )
    return parser


def select(
    workloads: t.Sequence[Workload], patterns: t.Sequence[str] | None, everything: bool
) -> list[Workload]:
    """The workloads to run, in registry order.

    :raises ValueError: A pattern matches no workload.
    """
    if not patterns:
        return [w for w in workloads if w.default or everything]

    for pattern in patterns:
        if not any(fnmatch.fnmatchcase(w.name, pattern) for w in workloads):
            raise ValueError(f"no workload matches {pattern!r}")

    return [
        w for w in workloads if any(fnmatch.fnmatchcase(w.name, p) for p in patterns)
    ]


def _failed(results: t.Sequence[WorkloadResult]) -> list[str]:
    problems = []

    for result in results:
        name = result.workload.name

        for goal in result.goals():
            if goal.met is False:
                problems.append(f"{name}: {goal.key} goal >= {goal.target:g}x missed")

        for cell in result.cells.values():
            if cell.status in (ERROR, MISMATCH):
                problems.append(f"{name}: {cell.key} {cell.status}")

    return problems


def main(argv: t.Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    workloads = load_workloads()

    if args.list:
        for workload in workloads:
            optional = "" if workload.default else " (opt-in)"
            print(f"{workload.name:24} {workload.description}{optional}")

        return 0

    if args.repeat is not None and args.repeat < 1:
        print("--repeat must be at least 1", file=sys.stderr)
        return EXIT_USAGE

    if args.batch_ms is not None and not args.batch_ms > 0:
        print("--batch-ms must be positive", file=sys.stderr)
        return EXIT_USAGE

    try:
        selected = select(workloads, args.workload, args.all)
    except ValueError as exc:
        print(f"{exc}; --list shows the names", file=sys.stderr)
        return EXIT_USAGE

    settings = Settings.for_interpreter(
        args.repeat,
        args.quick,
        args.warmup,
        batch_seconds=None if args.batch_ms is None else args.batch_ms / 1000,
        seed=args.seed,
    )
    discovery = discover()
    warnings = report.render_warnings(discovery)

    if warnings:
        print(warnings, file=sys.stderr, flush=True)

    print(report.render_info(discovery, settings), flush=True)

    if args.require_compiled and discovery.slots[COMPILED].impl is None:
        print(
            f"--require-compiled: {discovery.slots[COMPILED].reason}", file=sys.stderr
        )
        return EXIT_NOT_COMPILED

    results = []

    for workload in selected:
        print(f"... {workload.name}", file=sys.stderr, flush=True)
        results.append(run_workload(workload, discovery.slots, settings))

    print()
    print(report.render_table(results))

    if warnings:
        # Again below the table, where nobody can miss it.
        print(file=sys.stderr)
        print(warnings, file=sys.stderr, flush=True)

    if args.json:
        command = [os.path.basename(sys.executable), *sys.argv]
        data = report.to_json(results, discovery, settings, command, args.note)
        report.write_json(args.json, data)
        print(f"\nJSON written to {args.json}")

    if args.check_goals:
        problems = _failed(results)

        for problem in problems:
            print(f"FAILED: {problem}", file=sys.stderr)

        if problems:
            return EXIT_GOALS

    return 0


if __name__ == "__main__":
    sys.exit(main())
