"""Run one workload against every implementation: build, cross-check, time."""

from __future__ import annotations

import functools
import os
import typing as t
from dataclasses import dataclass
from dataclasses import field

from harness import stats
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

    @property
    def median_ns(self) -> float | None:
        return None if self.timing is None else self.timing.median_ns


@dataclass(frozen=True)
class GoalResult:
    """A goal of the workload and whether this run met it (by the median ratio)."""

    key: str
    target: float
    #: The median of the paired per-round speedups over Werkzeug.
    speedup: float | None
    #: None when the implementation was not measured.
    met: bool | None
    #: The fraction of rounds whose own speedup met the target.
    share: float | None = None
    #: The 10th and 90th percentiles of the per-round speedups.
    p10: float | None = None
    p90: float | None = None


@dataclass
class WorkloadResult:
    """Everything measured for one workload."""

    workload: Workload
    cells: dict[str, Cell] = field(default_factory=dict)
    #: ``os.getloadavg()`` just before and just after timing (None where absent).
    load_before: tuple[float, float, float] | None = None
    load_after: tuple[float, float, float] | None = None

    def timing(self, key: str) -> Timing | None:
        cell = self.cells.get(key)
        return None if cell is None else cell.timing

    def ns(self, key: str) -> float | None:
        """``key``'s median per-op time over the rounds."""
        timing = self.timing(key)
        return None if timing is None else timing.median_ns

    def ratio_rounds(self, numerator: str, denominator: str) -> list[float] | None:
        """``numerator``'s time over ``denominator``'s, round by round (paired:
        both batches of a round ran back to back)."""
        top, bottom = self.timing(numerator), self.timing(denominator)

        if top is None or bottom is None:
            return None

        return [a / b for a, b in zip(top.rounds_ns, bottom.rounds_ns)]

    def speedup_rounds(self, key: str) -> list[float] | None:
        """Werkzeug's time over ``key``'s, per round: above 1 means faster."""
        return self.ratio_rounds(WERKZEUG, key)

    def speedup(self, key: str) -> float | None:
        """The median of the per-round speedups of ``key`` over Werkzeug."""
        rounds = self.speedup_rounds(key)
        return None if not rounds else stats.median(rounds)

    def floor_ratio(self, key: str = COMPILED) -> float | None:
        """The median per-round ratio of ``key``'s time to the floor's: 1.0 means
        as fast as the floor."""
        rounds = self.ratio_rounds(key, FLOOR)
        return None if not rounds else stats.median(rounds)

    def goals(self) -> list[GoalResult]:
        results = []

        for key, target in self.workload.goals.items():
            rounds = self.speedup_rounds(key)
            cell = self.cells.get(key)

            if not rounds:
                results.append(GoalResult(key, target, None, None))
                continue

            speedup = stats.median(rounds)
            met = speedup >= target and cell is not None and cell.status == OK
            results.append(
                GoalResult(
                    key,
                    target,
                    speedup,
                    met,
                    share=stats.share_at_least(rounds, target),
                    p10=stats.percentile(rounds, 10),
                    p90=stats.percentile(rounds, 90),
                )
            )

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

            if impl.missing(workload.requires):
                cells[key] = Cell(key, NA, impl.missing_reason(workload.requires))
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

    if FLOOR in ops and len(ops) == 1:
        # Nothing to compare the floor with: do not time it alone.
        del ops[FLOOR]
        cells[FLOOR] = Cell(FLOOR, NA, "no implementation to compare with")

    _cross_check(workload, ops, cells)
    load_before = _load()

    for key, timing in time_side_by_side(ops, settings).items():
        cells[key].timing = timing

    return WorkloadResult(
        workload,
        {key: cells[key] for key in IMPL_KEYS if key in cells},
        load_before=load_before,
        load_after=_load(),
    )


def _load() -> tuple[float, float, float] | None:
    try:
        return os.getloadavg()
    except (AttributeError, OSError):  # not on every platform
        return None
