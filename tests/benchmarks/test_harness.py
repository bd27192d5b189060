"""The benchmark harness (``benchmarks/``): its statistics, the goal verdict by
the median of paired ratios, and one tiny real run of ``run.py`` and ``table.py``.

No timing is asserted: the run is a smoke test of the method and of the JSON
file the README's table is made from.
"""

from __future__ import annotations

import importlib
import json
import os
import statistics
import subprocess
import sys
import types
import typing as t
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"

#: The top-level module names the harness brings (it runs with benchmarks/ first
#: on sys.path); taken out of sys.modules again after each test.
_HARNESS_MODULES = ("harness", "workloads", "memory")


@pytest.fixture
def harness() -> t.Iterator[types.SimpleNamespace]:
    sys.path.insert(0, str(BENCHMARKS))

    try:
        yield types.SimpleNamespace(
            stats=importlib.import_module("harness.stats"),
            runner=importlib.import_module("harness.runner"),
            timing=importlib.import_module("harness.timing"),
            base=importlib.import_module("workloads.base"),
        )
    finally:
        sys.path.remove(str(BENCHMARKS))

        for name in list(sys.modules):
            if name.split(".")[0] in _HARNESS_MODULES:
                del sys.modules[name]


@pytest.mark.parametrize(
    "values",
    [[1.0], [3.0, 1.0], [5.0, 1.0, 4.0, 2.0, 3.0], [float(i * i % 17) for i in range(40)]],
)
def test_percentiles_match_statistics_inclusive(
    harness: types.SimpleNamespace, values: list[float]
) -> None:
    stats = harness.stats
    assert stats.median(values) == pytest.approx(statistics.median(values))
    assert stats.percentile(values, 0) == min(values)
    assert stats.percentile(values, 100) == max(values)

    if len(values) > 1:
        quartiles = statistics.quantiles(values, n=4, method="inclusive")
        assert stats.percentile(values, 25) == pytest.approx(quartiles[0])
        assert stats.percentile(values, 75) == pytest.approx(quartiles[2])


def _result(
    harness: types.SimpleNamespace, rounds: dict[str, list[float]], goal: float
) -> t.Any:
    base, runner, timing = harness.base, harness.runner, harness.timing
    workload = base.Workload(
        "w", "a test workload", build=lambda impl: lambda: None, goals={"compiled": goal}
    )
    cells = {
        key: runner.Cell(key, timing=timing.Timing(1, tuple(values)))
        for key, values in rounds.items()
    }
    return runner.WorkloadResult(workload, cells)


def test_ratios_are_paired_per_round_and_goals_judged_on_the_median(
    harness: types.SimpleNamespace,
) -> None:
    # Round 3 was slowed down for both (load): paired, it is still a 10x round.
    rounds = {
        "werkzeug": [100.0, 100.0, 300.0, 100.0, 100.0],
        "compiled": [12.5, 12.5, 30.0, 8.0, 12.5],
    }
    result = _result(harness, rounds, goal=10.0)
    assert result.speedup_rounds("compiled") == [8.0, 8.0, 10.0, 12.5, 8.0]
    assert result.speedup("compiled") == 8.0
    # The best rounds (100 / 8) would say 12.5x; the median says 8x: missed.
    (goal,) = result.goals()
    assert goal.met is False
    assert goal.speedup == 8.0
    assert goal.share == pytest.approx(2 / 5)
    # A median that meets the target meets the goal, even if some rounds did not.
    (goal,) = _result(harness, rounds, goal=8.0).goals()
    assert goal.met is True
    assert goal.share == 1.0


def test_rounds_are_shuffled_and_seeded(harness: types.SimpleNamespace) -> None:
    order: list[str] = []

    def op(key: str) -> t.Callable[[], None]:
        return lambda: order.append(key)

    # A batch far shorter than one call: every batch is one call.
    settings = harness.timing.Settings(
        repeat=30, warmup_seconds=0, warmup_calls=0, batch_seconds=1e-12, seed=5
    )
    ops = {key: op(key) for key in ("a", "b", "c")}
    timings = harness.timing.time_side_by_side(ops, settings)
    assert {key: (value.loops, len(value.rounds_ns)) for key, value in timings.items()} == {
        "a": (1, 30),
        "b": (1, 30),
        "c": (1, 30),
    }
    # The timed part: 30 rounds of 3 batches, each round a permutation.
    timed = order[-90:]
    rounds = [tuple(timed[i : i + 3]) for i in range(0, 90, 3)]
    assert all(sorted(r) == ["a", "b", "c"] for r in rounds)
    assert len(set(rounds)) > 1
    # The same seed gives the same orders.
    order.clear()
    harness.timing.time_side_by_side(ops, settings)
    assert [tuple(order[-90:][i : i + 3]) for i in range(0, 90, 3)] == rounds


def test_run_and_table_end_to_end(tmp_path: Path) -> None:
    out = tmp_path / "run.json"
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)  # what the installed build gives, nothing else
    proc = subprocess.run(
        [
            sys.executable,
            str(BENCHMARKS / "run.py"),
            "--workload",
            "hello",
            "--workload",
            "flask.cookie",
            "--workload",
            "request",
            "--repeat",
            "3",
            "--batch-ms",
            "1",
            "--warmup",
            "0",
            "--json",
            str(out),
            "--note",
            "a test",
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "paired per round" in proc.stdout
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["schema"] == 2
    assert data["note"] == "a test"
    assert data["settings"]["repeat"] == 3
    assert data["machine"]["cpus"] == os.cpu_count()
    names = [workload["name"] for workload in data["workloads"]]
    assert names == ["hello", "flask.cookie", "request"]
    compiled_expected = data["wrappers_COMPILED"] is True

    for workload in data["workloads"]:
        cells = workload["implementations"]
        keys = {"floor", "werkzeug", "pure"} | ({"compiled"} if compiled_expected else set())

        for key in keys:
            assert cells[key]["status"] == "ok", (workload["name"], key, cells[key])
            assert len(cells[key]["rounds_ns"]) == 3

        ratio = workload["ratios"]["pure_vs_werkzeug"]
        assert ratio["min"] <= ratio["median"] <= ratio["max"]
        assert workload["speedup_vs_werkzeug"]["pure"] == ratio["median"]

    table = subprocess.run(
        [sys.executable, str(BENCHMARKS / "table.py"), str(out)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert table.returncode == 0, table.stderr
    assert "| `flask.cookie` |" in table.stdout
    assert "a test" in table.stdout


# --- the request workloads (workloads/requests.py) ----------------------------


def _request_impls(harness: types.SimpleNamespace, twin: t.Any) -> tuple[t.Any, t.Any]:
    """The Werkzeug and the twin ``Impl`` a request workload is built with."""
    import werkzeug.wrappers

    impl = harness.base.Impl
    return (
        impl("werkzeug", Request=werkzeug.wrappers.Request),
        impl("twin", Request=twin.Request),
    )


def _requests_family(harness: types.SimpleNamespace) -> t.Any:
    return importlib.import_module("workloads.requests")


def test_request_workloads_are_registered(harness: types.SimpleNamespace) -> None:
    workloads = importlib.import_module("workloads").load_workloads()
    by_name = {workload.name: workload for workload in workloads}
    goals = {
        "request": {"compiled": 10.0, "pure": 2.0},
        "request.accept": {"compiled": 10.0, "pure": 2.0},
        "request.json": {"compiled": 3.0, "pure": 1.5},
        "request.from_values": {"compiled": 5.0, "pure": 2.0},
    }

    for name, goal in goals.items():
        assert by_name[name].default is True
        assert dict(by_name[name].goals) == goal
        assert by_name[name].requires == ("Request",)

    opt_in = [w for w in workloads if w.name.startswith("request.") and not w.default]
    assert {w.name for w in opt_in} >= {"request.init", "request.url", "request.post_init"}
    assert all(not w.goals for w in opt_in)


def test_request_floors_give_werkzeugs_results(harness: types.SimpleNamespace) -> None:
    import werkzeug.wrappers

    family = _requests_family(harness)
    impl = harness.base.Impl("werkzeug", Request=werkzeug.wrappers.Request)
    expected = {
        "request": (
            "GET",
            "/search/results",
            "wrappers",
            family.GET_HEADERS["User-Agent"],
            "3f2a9c0e7b1d4e5f",
            "http://example.com/search/results?q=wrappers&page=2&sort=desc",
        ),
        "request.accept": "text/html",
        "request.json": __import__("json").loads(family.JSON_BODY),
    }
    assert len(family.JSON_BODY) == 200

    for workload in family.WORKLOADS:
        if workload.floor is None:
            continue

        floor, werkzeug_op = workload.floor(), workload.build(impl)
        # Twice: each op must start from a fresh environ (and a fresh body).
        for _ in range(2):
            assert floor() == werkzeug_op() == expected[workload.name], workload.name


@pytest.mark.parametrize(
    ("offered", "best"),
    [
        (["application/json"], "application/json"),  # only */*;q=0.8 matches
        (["image/png", "application/xml"], "application/xml"),  # 0.9 beats 0.8
        (["image/webp", "text/html"], "image/webp"),  # q=1 tie: the first
        (["text/plain"], "text/plain"),
    ],
)
def test_accept_floor_agrees_with_werkzeug(
    harness: types.SimpleNamespace, offered: list[str], best: str
) -> None:
    from werkzeug.datastructures import MIMEAccept
    from werkzeug.http import parse_accept_header

    family = _requests_family(harness)
    accept = parse_accept_header(family.BROWSER_ACCEPT, MIMEAccept)
    items = family._parse_accept(family.BROWSER_ACCEPT)
    assert accept.best_match(offered) == family._best_match(items, offered) == best


def test_request_workloads_run_on_the_twin(
    harness: types.SimpleNamespace, twin: types.ModuleType
) -> None:
    family = _requests_family(harness)
    werkzeug_impl, twin_impl = _request_impls(harness, twin)

    for workload in family.WORKLOADS:
        normalize = workload.normalize or (lambda value: value)
        want_op, got_op = workload.build(werkzeug_impl), workload.build(twin_impl)
        want = normalize(want_op())

        for _ in range(2):  # a second op works on new objects just the same
            assert normalize(got_op()) == want, workload.name


@pytest.mark.skipif(
    sys.implementation.name != "cpython", reason="tracemalloc is CPython's"
)
def test_memory_per_request(harness: types.SimpleNamespace, twin: types.ModuleType) -> None:
    memory = importlib.import_module("memory")
    werkzeug_impl, twin_impl = _request_impls(harness, twin)
    ours = memory.bytes_per_request(twin_impl.Request, 50)
    theirs = memory.bytes_per_request(werkzeug_impl.Request, 50)
    # A live request after the reads holds at least itself and its parsed args.
    assert 100 < ours < 100_000
    assert 100 < theirs < 100_000
