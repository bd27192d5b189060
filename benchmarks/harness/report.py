"""Render results: the text table and the JSON file."""

from __future__ import annotations

import datetime
import json
import sys
import typing as t

from harness.impls import Discovery
from harness.runner import MISMATCH
from harness.runner import NA
from harness.runner import OK
from harness.runner import Cell
from harness.runner import WorkloadResult
from harness.timing import Settings
from workloads.base import COMPILED
from workloads.base import FLOOR
from workloads.base import IMPL_KEYS
from workloads.base import PURE
from workloads.base import WERKZEUG

#: Version of the JSON layout; bump when a key changes meaning.
JSON_SCHEMA: t.Final = 1

#: A spread above this marks the row as noisy.
NOISE_THRESHOLD: t.Final = 0.10


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


def _ratio(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}x"


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

    if cell.status == OK and cell.best_ns is not None:
        return format_ns(cell.best_ns)

    if cell.status == MISMATCH and cell.best_ns is not None:
        return f"{format_ns(cell.best_ns)} !{notes.mark(f'{cell.key}: {cell.reason}')}"

    if cell.status == NA:
        return f"n/a {notes.mark(f'{cell.key}: n/a ({cell.reason})')}"

    return f"{cell.status} {notes.mark(f'{cell.key}: {cell.reason}')}"


def _noise(result: WorkloadResult) -> float:
    """The largest relative gap between median and best round in the row."""
    gaps = [
        cell.timing.median_ns / cell.timing.best_ns - 1
        for cell in result.cells.values()
        if cell.timing is not None and cell.timing.best_ns > 0
    ]
    return max(gaps, default=0.0)


def _spread_text(result: WorkloadResult) -> str:
    noise = _noise(result)
    return f"{noise:+.0%}" + (" noisy" if noise > NOISE_THRESHOLD else "")


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

        parts.append(f"{goal.key}>={goal.target:g}x {verdict}")

    return ", ".join(parts) or "-"


def render_table(results: t.Sequence[WorkloadResult]) -> str:
    """The results as an aligned text table, with footnotes and a legend."""
    notes = _Notes()
    header = [
        "workload",
        FLOOR,
        WERKZEUG,
        COMPILED,
        PURE,
        "compiled vs wz",
        "pure vs wz",
        "compiled/floor",
        "spread",
        "goal",
    ]
    rows = [header]

    for result in results:
        rows.append(
            [result.workload.name]
            + [_cell_text(result.cells.get(key), notes) for key in IMPL_KEYS]
            + [
                _ratio(result.speedup(COMPILED)),
                _ratio(result.speedup(PURE)),
                _ratio(result.floor_ratio(COMPILED)),
                _spread_text(result),
                _goal_text(result),
            ]
        )

    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines = []

    for index, row in enumerate(rows):
        cells = [row[0].ljust(widths[0])]
        cells += [text.rjust(width) for text, width in zip(row[1:-1], widths[1:-1])]
        cells.append(row[-1])
        lines.append("  ".join(cells).rstrip())

        if index == 0:
            lines.append("  ".join("-" * width for width in widths))

    lines.append("")
    lines.append(
        "Best of the timed rounds, per op. 'X vs wz' = Werkzeug's time / X's time "
        "(higher is faster);"
    )
    lines.append(
        "'compiled/floor' = compiled's time / the hand-written floor's "
        "(1.00x = as fast as plain lists/bare WSGI);"
    )
    lines.append(
        "'spread' = how much slower the median round was than the best, worst "
        f"column; over {NOISE_THRESHOLD:.0%} the machine was busy: rerun, or "
        "raise --repeat."
    )

    for number, text in enumerate(notes.texts, 1):
        lines.append(f"[{number}] {text}")

    return "\n".join(lines)


def render_info(discovery: Discovery, settings: Settings) -> str:
    """The header printed above the table: what ran, and how it was timed."""
    info = discovery.info
    python = info["python"]
    werkzeug = info.get("werkzeug")
    wrappers = info.get("wrappers", {})
    pure = info.get("wrappers_pure", {})
    lines = [
        f"Python     {python['implementation']} {python['version']} "
        f"({python['executable']})",
        f"           {python['full_version']}",
        f"platform   {python['platform']}",
        "werkzeug   "
        + (
            f"{werkzeug['version']} ({werkzeug['file']})"
            if werkzeug
            else "not importable"
        ),
        f"wrappers   {wrappers.get('file')}",
        f"           COMPILED={wrappers.get('COMPILED')!r}: {wrappers.get('reason')}",
    ]

    if wrappers.get("headers_file"):
        lines.append(f"           Headers from {wrappers['headers_file']}")

    lines.append(f"pure twin  {pure.get('file') or pure.get('reason')}")
    lines.append(
        f"timing     best of {settings.repeat} interleaved rounds; loops from "
        f"timeit.Timer.autorange{' / 4 (--quick)' if settings.quick else ''}; "
        f"warm-up >= {settings.warmup_calls} calls and "
        f"{settings.warmup_seconds:g} s per op"
    )
    return "\n".join(lines)


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

    if cell.timing is not None:
        data.update(
            best_ns=cell.timing.best_ns,
            median_ns=cell.timing.median_ns,
            rounds_ns=list(cell.timing.rounds_ns),
            loops=cell.timing.loops,
        )

    return data


def to_json(
    results: t.Sequence[WorkloadResult], discovery: Discovery, settings: Settings
) -> dict[str, t.Any]:
    """Machine-readable results: environment, settings and every measurement."""
    return {
        "schema": JSON_SCHEMA,
        "created": datetime.datetime.now(datetime.timezone.utc).isoformat(),
        "python": discovery.info["python"],
        "werkzeug": discovery.info.get("werkzeug"),
        "wrappers": discovery.info.get("wrappers"),
        "wrappers_COMPILED": discovery.info.get("wrappers", {}).get("COMPILED"),
        "wrappers_pure": discovery.info.get("wrappers_pure"),
        "warnings": discovery.warnings,
        "settings": {
            "repeat": settings.repeat,
            "quick": settings.quick,
            "warmup_seconds": settings.warmup_seconds,
            "warmup_calls": settings.warmup_calls,
        },
        "workloads": [
            {
                "name": result.workload.name,
                "description": result.workload.description,
                "noise": _noise(result),
                "implementations": {
                    key: _cell_json(cell) for key, cell in result.cells.items()
                },
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
                    }
                    for goal in result.goals()
                ],
            }
            for result in results
        ],
    }


def write_json(path: str, data: t.Mapping[str, t.Any]) -> None:
    with open(path, "w", encoding="utf-8") as file:
        json.dump(data, file, indent=2)
        file.write("\n")
