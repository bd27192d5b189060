"""Render results: the text table and the JSON file."""

from __future__ import annotations

import datetime
import json
import os
import re
import sys
import typing as t

from harness import stats
from harness.impls import Discovery
from harness.runner import MISMATCH
from harness.runner import NA
from harness.runner import OK
from harness.runner import Cell
from harness.runner import WorkloadResult
from harness.timing import Settings
from harness.timing import Timing
from workloads.base import COMPILED
from workloads.base import FLOOR
from workloads.base import IMPL_KEYS
from workloads.base import PURE
from workloads.base import WERKZEUG

#: Version of the JSON layout; bump when a key changes meaning.
JSON_SCHEMA: t.Final = 2


def _micro() -> str:
    """``µ`` where the terminal can print it, else ``u``."""
    encoding = getattr(sys.stdout, "encoding", None) or "ascii"

    try:
        "\u00b5".encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return "u"

    return "\u00b5"


def _three_figures(value: float) -> str:
    """``1.60``, ``12.3``, ``456``: three significant figures, zeros kept."""
    if value >= 99.95:
        return f"{value:.0f}"

    if value >= 9.995:
        return f"{value:.1f}"

    return f"{value:.2f}"


def format_ns(ns: float) -> str:
    """``812 ns``, ``3.41 µs``, ``1.20 ms``: three significant figures."""
    if ns < 999.5:
        return f"{_three_figures(ns)} ns"

    if ns < 999_500:
        return f"{_three_figures(ns / 1_000)} {_micro()}s"

    return f"{_three_figures(ns / 1_000_000)} ms"


class _Notes:
    """Numbered footnotes; the same text gets the same number."""

    def __init__(self) -> None:
        self.texts: list[str] = []

    def mark(self, text: str) -> str:
        if text not in self.texts:
            self.texts.append(text)

        return f"[{self.texts.index(text) + 1}]"


def _cell_text(cell: Cell | None, notes: _Notes) -> str:
    if cell is None:
        return "-"

    timing = cell.timing

    if cell.status in (OK, MISMATCH) and timing is not None:
        text = (
            f"{format_ns(timing.median_ns)} (min {format_ns(timing.best_ns)}, "
            f"IQR {_iqr(timing):.0%})"
        )

        if cell.status == MISMATCH:
            text += f" !{notes.mark(f'{cell.key}: {cell.reason}')}"

        return text

    if cell.status == NA:
        return f"n/a {notes.mark(f'{cell.key}: n/a ({cell.reason})')}"

    return f"{cell.status} {notes.mark(f'{cell.key}: {cell.reason}')}"


def _iqr(timing: Timing) -> float:
    """The interquartile range of the rounds, relative to their median."""
    median = timing.median_ns
    spread = timing.percentile_ns(75) - timing.percentile_ns(25)
    return spread / median if median > 0 else 0.0


def _noise(result: WorkloadResult) -> float:
    """The widest relative IQR of the row's columns."""
    return max(
        (_iqr(cell.timing) for cell in result.cells.values() if cell.timing),
        default=0.0,
    )


def _ratio_text(rounds: t.Sequence[float] | None) -> str:
    """``12.77x [11.9-13.5]``: the median of per-round ratios [p10-p90]."""
    if not rounds:
        return "-"

    low, mid, high = (stats.percentile(rounds, q) for q in (10, 50, 90))
    return f"{mid:.2f}x [{_short_ratio(low)}-{_short_ratio(high)}]"


def _short_ratio(value: float) -> str:
    return _three_figures(value)


def _goal_text(result: WorkloadResult) -> str:
    parts = []

    for goal in result.goals():
        cell = result.cells.get(goal.key)

        if cell is not None and cell.status == MISMATCH:
            verdict = "WRONG RESULT"
        elif goal.met is None:
            verdict = "n/a"
        else:
            verdict = "met" if goal.met else "MISSED"

            if goal.share is not None:
                verdict += f" ({goal.share:.0%} of rounds)"

        parts.append(f"{goal.key}>={goal.target:g}x {verdict}")

    return ", ".join(parts) or "-"


def _align(rows: list[list[str]], free_last: bool = True) -> list[str]:
    """Rows of cells as aligned lines: first column left, last column left and
    unpadded when ``free_last``, the others right-aligned; a rule under the
    header row."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    right = slice(1, -1) if free_last else slice(1, None)
    lines = []

    for index, row in enumerate(rows):
        cells = [row[0].ljust(widths[0])]
        cells += [text.rjust(width) for text, width in zip(row[right], widths[right])]

        if free_last:
            cells.append(row[-1])

        lines.append("  ".join(cells).rstrip())

        if index == 0:
            lines.append("  ".join("-" * width for width in widths))

    return lines


def render_table(results: t.Sequence[WorkloadResult]) -> str:
    """The results as two aligned text tables (times, paired ratios), with
    footnotes and a legend."""
    notes = _Notes()
    rounds = max(
        (len(c.timing.rounds_ns) for r in results for c in r.cells.values() if c.timing),
        default=0,
    )
    times = [["workload", *IMPL_KEYS]]
    ratios = [
        ["workload", "compiled vs wz", "pure vs wz", "compiled/floor", "goals (median ratio)"]
    ]

    for result in results:
        name = result.workload.name
        times.append(
            [name] + [_cell_text(result.cells.get(key), notes) for key in IMPL_KEYS]
        )
        ratios.append(
            [
                name,
                _ratio_text(result.speedup_rounds(COMPILED)),
                _ratio_text(result.speedup_rounds(PURE)),
                _ratio_text(result.ratio_rounds(COMPILED, FLOOR)),
                _goal_text(result),
            ]
        )

    lines = [f"Time per op: median of {rounds} rounds (min, IQR as % of the median)"]
    lines += _align(times, free_last=False)
    lines += ["", "Ratios, paired per round: median [p10-p90] over the rounds"]
    lines += _align(ratios)
    lines += [
        "",
        "'X vs wz' = Werkzeug's time / X's time in the same round (higher is "
        "faster); 'compiled/floor' = compiled's",
        "time / the floor's in the same round (1.00x = as fast as plain lists / "
        "bare WSGI). A goal is met when the",
        "MEDIAN ratio meets it; '% of rounds' is how many rounds met it on their "
        "own. For flask.* rows 'werkzeug' is",
        "Flask's own flask.Response (on Werkzeug's) and the twins are their "
        "flask.Response flavours.",
    ]

    for number, text in enumerate(notes.texts, 1):
        lines.append(f"[{number}] {text}")

    return "\n".join(lines)


def render_info(discovery: Discovery, settings: Settings) -> str:
    """The header printed above the table: what ran, and how it was timed."""
    info = discovery.info
    python = info["python"]
    machine = info.get("machine", {})
    werkzeug = info.get("werkzeug")
    flask = info.get("flask")
    wrappers = info.get("wrappers", {})
    pure = info.get("wrappers_pure", {})
    load = machine.get("loadavg_start")
    lines = [
        f"Python     {python['implementation']} {python['version']} "
        f"({python['executable']})",
        f"           {python['full_version']}",
        f"platform   {python['platform']}",
        f"machine    {machine.get('cpu')}, {machine.get('cpus')} CPUs "
        f"({machine.get('cpus_usable')} usable); load average "
        + (" ".join(f"{x:.2f}" for x in load) if load else "unknown"),
        "werkzeug   "
        + (
            f"{werkzeug['version']} ({werkzeug['file']})"
            if werkzeug
            else "not importable"
        ),
        "flask      "
        + (f"{flask['version']} ({flask['file']})" if flask else "not importable"),
        f"wrappers   {wrappers.get('file')}",
        f"           COMPILED={wrappers.get('COMPILED')!r}: {wrappers.get('reason')}",
    ]

    if wrappers.get("headers_file"):
        lines.append(f"           Headers from {wrappers['headers_file']}")

    lines.append(f"pure twin  {pure.get('file') or pure.get('reason')}")
    lines.append(f"timing     {method_text(settings)}")
    return "\n".join(lines)


def method_text(settings: Settings) -> str:
    """How the run was timed, in one paragraph."""
    return (
        f"{settings.repeat} rounds; each round times one batch of about "
        f"{settings.batch_seconds * 1000:g} ms of every implementation, in an "
        f"order shuffled each round (seed {settings.seed}); ratios per round; "
        f"warm-up >= {settings.warmup_calls} calls and "
        f"{settings.warmup_seconds:g} s per op"
    )


def render_warnings(discovery: Discovery) -> str:
    """Loud warnings, or an empty string."""
    if not discovery.warnings:
        return ""

    bar = "!" * 78
    lines = [bar]
    lines += [f"!! WARNING: {warning}" for warning in discovery.warnings]
    lines.append(bar)
    return "\n".join(lines)


def _cell_json(cell: Cell) -> dict[str, t.Any]:
    data: dict[str, t.Any] = {"status": cell.status, "reason": cell.reason or None}
    timing = cell.timing

    if timing is not None:
        summary = stats.summary(timing.rounds_ns)
        data.update(
            best_ns=summary["min"],
            median_ns=summary["median"],
            p10_ns=summary["p10"],
            p25_ns=summary["p25"],
            p75_ns=summary["p75"],
            p90_ns=summary["p90"],
            max_ns=summary["max"],
            loops=timing.loops,
            rounds_ns=[round(ns, 3) for ns in timing.rounds_ns],
        )

    return data


def _ratios_json(result: WorkloadResult) -> dict[str, t.Any]:
    pairs = {
        f"{key}_vs_werkzeug": result.speedup_rounds(key) for key in (COMPILED, PURE, FLOOR)
    }
    pairs.update(
        {f"{key}_vs_floor": result.ratio_rounds(key, FLOOR) for key in (COMPILED, PURE)}
    )
    return {
        name: None if not rounds else stats.summary(rounds)
        for name, rounds in pairs.items()
    }


def to_json(
    results: t.Sequence[WorkloadResult],
    discovery: Discovery,
    settings: Settings,
    command: t.Sequence[str] = (),
    note: str | None = None,
) -> dict[str, t.Any]:
    """Machine-readable results: environment, settings and every measurement."""
    machine = dict(discovery.info.get("machine", {}))

    try:
        machine["loadavg_end"] = list(os.getloadavg())
    except (AttributeError, OSError):
        machine["loadavg_end"] = None

    return {
        "schema": JSON_SCHEMA,
        "created": datetime.datetime.now(datetime.timezone.utc).isoformat(),
        "command": list(command),
        "note": note,
        "machine": machine,
        "python": discovery.info["python"],
        "werkzeug": discovery.info.get("werkzeug"),
        "flask": discovery.info.get("flask"),
        "wrappers": discovery.info.get("wrappers"),
        "wrappers_COMPILED": discovery.info.get("wrappers", {}).get("COMPILED"),
        "wrappers_pure": discovery.info.get("wrappers_pure"),
        "warnings": discovery.warnings,
        "settings": {
            "repeat": settings.repeat,
            "quick": settings.quick,
            "warmup_seconds": settings.warmup_seconds,
            "warmup_calls": settings.warmup_calls,
            "batch_seconds": settings.batch_seconds,
            "seed": settings.seed,
            "method": method_text(settings),
        },
        "workloads": [
            {
                "name": result.workload.name,
                "description": result.workload.description,
                "default": result.workload.default,
                "loadavg_before": result.load_before,
                "loadavg_after": result.load_after,
                "noise": _noise(result),
                "implementations": {
                    key: _cell_json(cell) for key, cell in result.cells.items()
                },
                "ratios": _ratios_json(result),
                "speedup_vs_werkzeug": {
                    key: result.speedup(key) for key in (COMPILED, PURE, FLOOR)
                },
                "compiled_vs_floor": result.floor_ratio(COMPILED),
                "goals": [
                    {
                        "implementation": goal.key,
                        "min_speedup": goal.target,
                        "speedup": goal.speedup,
                        "met": goal.met,
                        "share_of_rounds": goal.share,
                        "p10": goal.p10,
                        "p90": goal.p90,
                    }
                    for goal in result.goals()
                ],
            }
            for result in results
        ],
    }


#: A JSON list of numbers as ``json.dumps(indent=2)`` writes it, one per line.
_NUMBER_LIST: t.Final = re.compile(r"\[\n\s*(-?[\d.eE+-]+(?:,\n\s*-?[\d.eE+-]+)*)\n\s*\]")


def write_json(path: str, data: t.Mapping[str, t.Any]) -> None:
    """Write ``data`` indented, with lists of numbers (the rounds) on one line."""
    text = json.dumps(data, indent=2)
    text = _NUMBER_LIST.sub(
        lambda match: "[" + re.sub(r",\n\s*", ", ", match.group(1)) + "]", text
    )

    with open(path, "w", encoding="utf-8") as file:
        file.write(text + "\n")
