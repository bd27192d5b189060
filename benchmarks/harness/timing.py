"""Timing: warm up, calibrate with ``Timer.autorange``, interleave, keep the best.

All implementations of one workload are timed in the same process and in
interleaved rounds (each round times every implementation once, in an order that
rotates from round to round), so that drift in the machine's speed spreads over
all columns instead of favouring whichever ran first. The reported figure is the
minimum per-op time over the rounds: the run least disturbed by everything else
on the machine.

Unlike plain ``timeit``, the garbage collector stays on while timing: the ops
allocate, collecting is part of their real cost, and on PyPy a disabled GC lets
memory grow and makes the rounds erratic.
"""

from __future__ import annotations

import sys
import time
import timeit
import typing as t
from dataclasses import dataclass

from workloads.base import Op

#: True on PyPy, whose JIT needs a long warm-up before its numbers mean anything.
IS_PYPY: t.Final = sys.implementation.name == "pypy"


#: ``Timer`` setup code: runs after ``timeit`` has disabled the GC, and undoes it.
_GC_ON: t.Final = "import gc; gc.enable()"


@dataclass(frozen=True)
class Settings:
    """How hard to time."""

    #: Timed rounds per implementation; the best is reported.
    repeat: int = 7
    #: Fast pass: loops a quarter as long as ``autorange`` picks.
    quick: bool = False
    #: Minimum warm-up per op, in seconds and in calls (both must be reached).
    warmup_seconds: float = 0.05
    warmup_calls: int = 200

    @classmethod
    def for_interpreter(
        cls, repeat: int | None, quick: bool, warmup_seconds: float | None
    ) -> Settings:
        """Defaults for this interpreter; given values override them.

        PyPy gets a warm-up of at least 20,000 calls and 2 s per op (5,000 and
        0.5 s with ``quick``) so that the op is JIT-compiled before timing.
        """
        if IS_PYPY:
            seconds, calls = (0.5, 5_000) if quick else (2.0, 20_000)
        else:
            seconds, calls = (0.01, 50) if quick else (0.05, 200)

        if repeat is None:
            repeat = 3 if quick else 7

        if warmup_seconds is not None:
            seconds = warmup_seconds

        return cls(
            repeat=repeat, quick=quick, warmup_seconds=seconds, warmup_calls=calls
        )


@dataclass(frozen=True)
class Timing:
    """The result of timing one op."""

    #: Calls per timed round.
    loops: int
    #: Per-op time of each round, in nanoseconds, in the order they ran.
    rounds_ns: tuple[float, ...]

    @property
    def best_ns(self) -> float:
        """The minimum per-op time: what the table reports."""
        return min(self.rounds_ns)

    @property
    def median_ns(self) -> float:
        """The median per-op time, to judge how noisy the rounds were."""
        ordered = sorted(self.rounds_ns)
        middle = len(ordered) // 2

        if len(ordered) % 2:
            return ordered[middle]

        return (ordered[middle - 1] + ordered[middle]) / 2


def warm_up(op: Op, settings: Settings) -> None:
    """Call ``op`` until both the warm-up time and call count are reached."""
    calls = 0
    deadline = time.perf_counter() + settings.warmup_seconds

    while calls < settings.warmup_calls or time.perf_counter() < deadline:
        for _ in range(50):
            op()

        calls += 50


def calibrate(timer: timeit.Timer, settings: Settings) -> int:
    """Return the loop count for one round, from ``Timer.autorange``."""
    loops, _ = timer.autorange()

    if settings.quick:
        loops = max(1, loops // 4)

    return loops


def time_side_by_side(ops: t.Mapping[str, Op], settings: Settings) -> dict[str, Timing]:
    """Time every op in ``ops`` in interleaved rounds; return each one's timing."""
    timers: dict[str, timeit.Timer] = {}
    loops: dict[str, int] = {}

    for key, op in ops.items():
        warm_up(op, settings)
        timers[key] = timeit.Timer(op, setup=_GC_ON)
        loops[key] = calibrate(timers[key], settings)

        if IS_PYPY:
            # One untimed round, so that the JIT also compiles timeit's loop.
            timers[key].timeit(loops[key])

    keys = list(ops)
    rounds: dict[str, list[float]] = {key: [] for key in keys}

    for index in range(settings.repeat):
        shift = index % len(keys) if keys else 0

        for key in keys[shift:] + keys[:shift]:
            seconds = timers[key].timeit(loops[key])
            rounds[key].append(seconds / loops[key] * 1e9)

    return {key: Timing(loops[key], tuple(rounds[key])) for key in keys}
