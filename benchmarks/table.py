"""Render recorded runs (``run.py --json``) as the Markdown table of the README.

Usage::

    python benchmarks/table.py [--workload PATTERN ...] [--all] RUN.json [RUN.json ...]

Prints, for each file, a line saying where and how it was measured (machine,
CPU, load average, Python, the command), then one table of every workload of
every file: the median time per op of each column, and the median of the
per-round (paired) ratios with their p10-p90 range, and each goal judged by
that median. Rows: the workloads ``run.py`` runs by default, plus the opt-in
ones a ``--workload`` pattern names (``--all``: every workload in the files).
Standard library only; runs on any Python 3.9+.
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import shlex
import sys
import typing as t

COLUMNS: t.Final = ("floor", "werkzeug", "compiled", "pure")


def _figures(value: float) -> str:
    if value >= 99.95:
        return f"{value:.0f}"

    if value >= 9.995:
        return f"{value:.1f}"

    return f"{value:.2f}"


def _time(ns: float | None) -> str:
    if ns is None:
        return "-"

    if ns < 999.5:
        return f"{_figures(ns)} ns"

    if ns < 999_500:
        return f"{_figures(ns / 1000)} µs"

    return f"{_figures(ns / 1e6)} ms"


def _ratio(summary: t.Mapping[str, float] | None) -> str:
    if not summary:
        return "n/a"

    return (
        f"{summary['median']:.2f}x "
        f"({_figures(summary['p10'])}-{_figures(summary['p90'])})"
    )


def _cell(workload: t.Mapping[str, t.Any], key: str) -> str:
    cell = workload["implementations"].get(key)

    if cell is None:
        return "-"

    if cell["status"] == "ok":
        return _time(cell.get("median_ns"))

    if cell["status"] == "n/a":
        return "n/a"

    return f"{cell['status']}"


def _goals(workload: t.Mapping[str, t.Any]) -> str:
    parts = []

    for goal in workload["goals"]:
        if goal["met"] is None:
            verdict = "n/a"
        else:
            verdict = "met" if goal["met"] else "**missed**"
            verdict += f" ({goal['share_of_rounds']:.0%} of rounds)"

        parts.append(f"{goal['implementation']} ≥ {goal['min_speedup']:g}x: {verdict}")

    return "; ".join(parts) or "(no goal)"


def _interpreter(run: t.Mapping[str, t.Any]) -> str:
    python = run["python"]
    name = {"cpython": "CPython", "pypy": "PyPy"}.get(
        python["implementation"], python["implementation"]
    )
    text = f"{name} {python['version']}"

    if python["implementation"] == "pypy":
        # "... [PyPy 7.3.11 with GCC ...]": the PyPy version.
        full = python["full_version"]
        marker = full.find("[PyPy ")

        if marker >= 0:
            text += f" ({full[marker + 6:].split()[0]})"

    return text


def _load(values: t.Sequence[float] | None) -> str:
    return "unknown" if not values else ", ".join(f"{v:.2f}" for v in values)


def _command(argv: t.Sequence[str]) -> str:
    """The recorded command, without ``--note`` (shown apart) and with paths
    inside the repository shown from ``benchmarks/``."""
    parts: list[str] = []
    skip = False

    for arg in argv:
        if skip:
            skip = False
            continue

        if arg == "--note":
            skip = True
            continue

        if arg.startswith("--note="):
            continue

        marker = arg.rfind("/benchmarks/")

        if arg.startswith("/") and marker >= 0:
            arg = arg[marker + 1 :]

        parts.append(shlex.quote(arg))

    return " ".join(parts)


def describe(run: t.Mapping[str, t.Any], path: str) -> str:
    """One paragraph: where, when and how ``run`` was measured."""
    machine = run.get("machine", {})
    settings = run["settings"]
    usable = machine.get("cpus_usable")
    cpus = f"{machine.get('cpus')} CPUs" + (f", {usable} usable" if usable else "")
    text = (
        f"`{path}`: {_interpreter(run)} on {machine.get('cpu')} ({cpus}), "
        f"{machine.get('platform')}; load average (1, 5, 15 min) "
        f"{_load(machine.get('loadavg_start'))} at the start, "
        f"{_load(machine.get('loadavg_end'))} at the end; {run['created'][:16]} UTC. "
        f"{settings['method'][0].upper()}{settings['method'][1:]}. "
        f"Command: `{_command(run.get('command', []))}`."
    )

    if run.get("note"):
        text += f" Note: {run['note']}"

    return text


def render(
    runs: t.Sequence[tuple[str, t.Mapping[str, t.Any]]],
    patterns: t.Sequence[str] = (),
    everything: bool = False,
) -> str:
    lines = [describe(run, path) + "\n" for path, run in runs]
    lines.append(
        "| workload | interpreter | floor | Werkzeug | compiled | pure "
        "| compiled vs Werkzeug | pure vs Werkzeug | goal, by the median ratio |"
    )
    lines.append("|---|---|---|---|---|---|---|---|---|")

    for _, run in runs:
        interpreter = _interpreter(run)

        for workload in run["workloads"]:
            shown = (
                everything
                or workload.get("default", True)
                or any(fnmatch.fnmatchcase(workload["name"], p) for p in patterns)
            )

            if not shown:
                continue

            ratios = workload["ratios"]
            compiled_ran = workload["implementations"].get("compiled", {}).get(
                "status"
            ) in ("ok", "mismatch")
            lines.append(
                "| "
                + " | ".join(
                    [
                        f"`{workload['name']}`",
                        interpreter,
                        *(_cell(workload, key) for key in COLUMNS),
                        _ratio(ratios.get("compiled_vs_werkzeug")),
                        _ratio(ratios.get("pure_vs_werkzeug")),
                        _goals(workload) if compiled_ran or interpreter[:4] != "PyPy"
                        else _goals_pure_only(workload),
                    ]
                )
                + " |"
            )

    return "\n".join(lines)


def _goals_pure_only(workload: t.Mapping[str, t.Any]) -> str:
    """On PyPy there is no compiled twin: show only the goals that apply."""
    pure = [g for g in workload["goals"] if g["implementation"] != "compiled"]
    return _goals({**workload, "goals": pure})


def main(argv: t.Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("json", nargs="+", help="files written by run.py --json")
    parser.add_argument(
        "--workload",
        action="append",
        default=[],
        metavar="PATTERN",
        help="also show these opt-in workloads (shell patterns)",
    )
    parser.add_argument("--all", action="store_true", help="show every workload")
    args = parser.parse_args(argv)
    runs = []

    for path in args.json:
        with open(path, encoding="utf-8") as file:
            run = json.load(file)

        if run.get("schema") != 2:
            print(f"{path}: schema {run.get('schema')!r}, expected 2", file=sys.stderr)
            return 2

        runs.append((path, run))

    print(render(runs, args.workload, args.all))
    return 0


if __name__ == "__main__":
    sys.exit(main())
