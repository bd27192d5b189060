"""Run one workload against every implementation: build, cross-check, time."""

from __future__ import annotations

import functools
import typing as t
from dataclasses import dataclass
from dataclasses import field

from harness.impls import Slot
from harness.timing import Settings
from harness.timing import Timing
from harness.timing import time_side_by_side
from workloads.base import COMPILED
from workloads.base import FLOOR
from workloads.base import IMPL_KEYS
from workloads.base import WERKZEUG
from workloads.base import Op
from workloads.base import Workload

#: Cell states.
OK: t.Final = "ok"
NA: t.Final = "n/a"
ERROR: t.Final = "error"
MISMATCH: t.Final = "mismatch"

#: How much of a differing result to quote.
_QUOTE: t.Final = 160


@dataclass
class Cell:
    """One implementation's outcome for one workload."""

    key: str
    status: str = OK
    #: Why the cell is not plainly OK.
    reason: str = ""
    timing: Timing | None = None

    @property
    def best_ns(self) -> float | None:
        return None if self.timing is None else self.timing.best_ns


@dataclass(frozen=True)
class GoalResult:
    """A goal of the workload and whether this run met it."""

    key: str
    target: float
    speedup: float | None
    #: None when the implementation was not measured.
    met: bool | None


@dataclass
class WorkloadResult:
    """Everything measured for one workload."""

    workload: Workload
    cells: dict[str, Cell] = field(default_factory=dict)

    def ns(self, key: str) -> float | None:
        cell = self.cells.get(key)
        return None if cell is None else cell.best_ns

    def speedup(self, key: str) -> float | None:
        """Werkzeug's time over ``key``'s: above 1 means faster than Werkzeug."""
        base, mine = self.ns(WERKZEUG), self.ns(key)
        return None if base is None or mine is None else base / mine

    def floor_ratio(self, key: str = COMPILED) -> float | None:
        """``key``'s time over the floor's: 1.0 means as fast as the floor."""
        floor, mine = self.ns(FLOOR), self.ns(key)
        return None if floor is None or mine is None else mine / floor

    def goals(self) -> list[GoalResult]:
        results = []

        for key, target in self.workload.goals.items():
            speedup = self.speedup(key)
            cell = self.cells.get(key)

            if speedup is None:
                met = None
            else:
                met = speedup >= target and cell is not None and cell.status == OK

            results.append(GoalResult(key, target, speedup, met))

        return results


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= _QUOTE else text[: _QUOTE - 3] + "..."


def _build(
    workload: Workload, slots: t.Mapping[str, Slot]
) -> tuple[dict[str, Op], dict[str, Cell]]:
    ops: dict[str, Op] = {}
    cells: dict[str, Cell] = {}

    for key in IMPL_KEYS:
        if key == FLOOR:
            if workload.floor is None:
                continue

            factory: t.Callable[[], Op] = workload.floor
        else:
            slot = slots[key]
            impl = slot.impl

            if impl is None:
                cells[key] = Cell(key, NA, slot.reason)
                continue

            missing = impl.missing(workload.requires)

            if missing:
                cells[key] = Cell(key, NA, f"{key} has no {', '.join(missing)}")
                continue

            factory = functools.partial(workload.build, impl)

        try:
            ops[key] = factory()
        except Exception as exc:  # reported in the table
            cells[key] = Cell(key, ERROR, f"build failed: {type(exc).__name__}: {exc}")
            continue

        cells[key] = Cell(key)

    return ops, cells


def _cross_check(
    workload: Workload, ops: dict[str, Op], cells: dict[str, Cell]
) -> None:
    """Call each op once; mark errors, and results that differ from Werkzeug's."""
    normalize = workload.normalize or (lambda value: value)
    results: dict[str, object] = {}

    for key, op in list(ops.items()):
        try:
            results[key] = normalize(op())
        except Exception as exc:  # reported in the table
            cells[key] = Cell(key, ERROR, f"{type(exc).__name__}: {exc}")
            del ops[key]

    reference = next((key for key in (WERKZEUG, FLOOR) if key in results), None)

    if reference is None:
        return

    expected = results[reference]

    for key, value in results.items():
        if key != reference and value != expected:
            got, want = _short(value), _short(expected)
            cells[key].status = MISMATCH
            cells[key].reason = f"result differs from {reference}'s: {got} != {want}"


def run_workload(
    workload: Workload, slots: t.Mapping[str, Slot], settings: Settings
) -> WorkloadResult:
    """Build, cross-check and time ``workload`` on every available implementation."""
    ops, cells = _build(workload, slots)
    _cross_check(workload, ops, cells)

    for key, timing in time_side_by_side(ops, settings).items():
        cells[key].timing = timing

    return WorkloadResult(
        workload, {key: cells[key] for key in IMPL_KEYS if key in cells}
    )
