"""Timing: warm up, calibrate short batches, then many shuffled round-robin rounds.

A loaded machine (a 2-core box where others are compiling) slows everything
down by different amounts from one moment to the next. Timing one
implementation for a second and then the next one lets that drift decide the
ratio. Here every round times one short batch (about :attr:`Settings.batch_seconds`)
of each implementation, back to back, in an order shuffled afresh each round
(seeded, so a run can be repeated); many rounds follow. A burst of load then
hits all implementations alike, and the ratio of two implementations is taken
*within* each round (paired), where they ran within a few tens of milliseconds
of each other. :mod:`harness.stats` summarises the rounds (min, median,
percentiles); goals are judged on the median of the paired ratios.

Unlike plain ``timeit``, the garbage collector stays on while timing: the ops
allocate, collecting is part of their real cost, and on PyPy a disabled GC lets
memory grow and makes the rounds erratic.
"""

from __future__ import annotations

import random
import sys
import time
import timeit
import typing as t
from dataclasses import dataclass

from harness import stats
from workloads.base import Op

#: True on PyPy, whose JIT needs a long warm-up before its numbers mean anything.
IS_PYPY: t.Final = sys.implementation.name == "pypy"

#: ``Timer`` setup code: runs after ``timeit`` has disabled the GC, and undoes it.
_GC_ON: t.Final = "import gc; gc.enable()"

#: Default rounds, and with ``--quick``.
ROUNDS: t.Final = 60
QUICK_ROUNDS: t.Final = 15
#: Default length of one timed batch, in seconds, and with ``--quick``.
BATCH_SECONDS: t.Final = 0.01
QUICK_BATCH_SECONDS: t.Final = 0.005
#: Default seed of the per-round shuffle.
SEED: t.Final = 1


@dataclass(frozen=True)
class Settings:
    """How hard to time."""

    #: Timed rounds; each round times one batch of every implementation.
    repeat: int = ROUNDS
    #: Fast pass: fewer rounds, shorter batches and warm-up.
    quick: bool = False
    #: Minimum warm-up per op, in seconds and in calls (both must be reached).
    warmup_seconds: float = 0.05
    warmup_calls: int = 200
    #: Target length of one timed batch (one implementation, one round).
    batch_seconds: float = BATCH_SECONDS
    #: Seed of the per-round shuffle of the order.
    seed: int = SEED

    @classmethod
    def for_interpreter(
        cls,
        repeat: int | None,
        quick: bool,
        warmup_seconds: float | None,
        batch_seconds: float | None = None,
        seed: int | None = None,
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
            repeat = QUICK_ROUNDS if quick else ROUNDS

        if warmup_seconds is not None:
            seconds = warmup_seconds

        if batch_seconds is None:
            batch_seconds = QUICK_BATCH_SECONDS if quick else BATCH_SECONDS

        return cls(
            repeat=repeat,
            quick=quick,
            warmup_seconds=seconds,
            warmup_calls=calls,
            batch_seconds=batch_seconds,
            seed=SEED if seed is None else seed,
        )


@dataclass(frozen=True)
class Timing:
    """The result of timing one op: one per-op time per round."""

    #: Calls per timed batch.
    loops: int
    #: Per-op time of each round, in nanoseconds, in round order (round ``i`` of
    #: every implementation of a workload ran in the same round: paired).
    rounds_ns: tuple[float, ...]

    @property
    def best_ns(self) -> float:
        """The minimum per-op time over the rounds."""
        return min(self.rounds_ns)

    @property
    def median_ns(self) -> float:
        """The median per-op time over the rounds: what the table leads with."""
        return stats.median(self.rounds_ns)

    def percentile_ns(self, q: float) -> float:
        """The ``q``-th percentile (0-100) of the per-op times."""
        return stats.percentile(self.rounds_ns, q)


def warm_up(op: Op, settings: Settings) -> None:
    """Call ``op`` until both the warm-up time and call count are reached."""
    calls = 0
    deadline = time.perf_counter() + settings.warmup_seconds

    while calls < settings.warmup_calls or time.perf_counter() < deadline:
        for _ in range(50):
            op()

        calls += 50


def calibrate(timer: timeit.Timer, settings: Settings) -> int:
    """Return the loop count that makes one batch last about ``batch_seconds``.

    Grows the loop count until a batch takes a tenth of the target, then
    scales from the fastest of three trial batches (the least disturbed).
    """
    target = settings.batch_seconds
    loops = 1

    while True:
        seconds = timer.timeit(loops)

        if seconds >= target / 10 or loops >= 1 << 30:
            break

        loops *= 2 if seconds > target / 100 else 10

    per_op = min([seconds] + [timer.timeit(loops) for _ in range(2)]) / loops
    return max(1, round(target / per_op)) if per_op > 0 else loops


def time_side_by_side(
    ops: t.Mapping[str, Op], settings: Settings
) -> dict[str, Timing]:
    """Time every op in ``ops`` in shuffled round-robin rounds of short batches.

    Returns each op's :class:`Timing`; ``rounds_ns[i]`` of every op comes from
    the same round ``i``.
    """
    timers: dict[str, timeit.Timer] = {}
    loops: dict[str, int] = {}

    for key, op in ops.items():
        warm_up(op, settings)
        timers[key] = timeit.Timer(op, setup=_GC_ON)
        loops[key] = calibrate(timers[key], settings)

        if IS_PYPY:
            # One untimed batch, so that the JIT also compiles timeit's loop.
            timers[key].timeit(loops[key])

    keys = list(ops)
    rounds: dict[str, list[float]] = {key: [] for key in keys}
    shuffle = random.Random(settings.seed).shuffle

    for _ in range(settings.repeat):
        order = list(keys)
        shuffle(order)

        for key in order:
            seconds = timers[key].timeit(loops[key])
            rounds[key].append(seconds / loops[key] * 1e9)

    return {key: Timing(loops[key], tuple(rounds[key])) for key in keys}
