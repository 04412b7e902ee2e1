"""Workload definition and the timing loop shared by every benchmark module."""

from __future__ import annotations

import gc
import math
import statistics
import time

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Workload:
    """One workload: our code and its baseline, doing the same job.

    ``target`` is the largest acceptable ratio ours / baseline (``None`` to report
    only). ``minimum_speedup`` instead asks the baseline to be at least that many
    times slower than ours (a ratio of at most ``1 / minimum_speedup``).
    """

    name: str
    ours: Callable[[], object]
    baseline: Callable[[], object]
    target: float | None = None
    repeat: int = 7
    setup: Callable[[], object] | None = None
    notes: str = ""
    extra: dict[str, object] = field(default_factory=dict)


def _seconds(func: Callable[[], object], *, collect: bool = False) -> float:
    # As timeit does, keep the garbage collector out of the timed call: a collection
    # triggered by one side's allocations would otherwise land on whichever runs next.
    # Growth workloads keep it on (``collect``), as users run them: collections over
    # what a call retains are part of how its time grows.
    if collect:
        start = time.perf_counter()
        func()
        return time.perf_counter() - start
    gc.disable()
    try:
        start = time.perf_counter()
        func()
        return time.perf_counter() - start
    finally:
        gc.enable()


def interleaved_medians(
    ours: Callable[[], object], baseline: Callable[[], object], repeat: int
) -> tuple[float, float]:
    """Median wall times of ``ours`` and ``baseline``, run alternately after a warm-up.

    Alternating the two keeps a change in the machine's load from landing on one
    side only, so the ratio is steadier than timing each side in a block.
    """
    ours()
    baseline()
    ours_times, baseline_times = [], []
    for _ in range(repeat):
        ours_times.append(_seconds(ours))
        baseline_times.append(_seconds(baseline))
    return statistics.median(ours_times), statistics.median(baseline_times)


def measure(workload: Workload, *, quick: bool = False) -> dict[str, object]:
    """Time ``workload`` (ours and baseline interleaved in the same run)."""
    if workload.setup is not None:
        workload.setup()
    repeat = 3 if quick else workload.repeat
    ours, baseline = interleaved_medians(workload.ours, workload.baseline, repeat)
    ratio = ours / baseline if baseline > 0 else float("inf")
    passed = None if workload.target is None else ratio <= workload.target
    return {
        "workload": workload.name,
        "ours_s": ours,
        "baseline_s": baseline,
        "ratio": ratio,
        "target": workload.target,
        "passed": passed,
        "notes": workload.notes,
        **workload.extra,
    }


Pair = tuple[Callable[[], object], Callable[[], object]]


@dataclass(frozen=True)
class Growth:
    """One workload at several sizes: how its time grows, and against what baseline.

    ``build(size)`` prepares the input of that size (untimed) and returns the
    ``(ours, baseline)`` pair of calls doing the same job on it. ``sizes`` should span
    at least 100x. ``max_exponent`` bounds the fitted growth exponent of ours (the
    slope of log time against log size); ``target`` bounds the median paired ratio
    ours / baseline at the largest size (``None`` to report only).

    At the largest sizes the machine's memory and allocator make even a one-pass
    baseline grow faster than linearly (exponents of 1.15-1.25 are seen here). So the
    growth check passes when ours is within ``max_exponent`` or, failing that, grows no
    faster than the plain linear baseline timed in the same run (its exponent plus
    ``BASELINE_SLACK``). A quadratic path would show an exponent near 2 either way.
    """

    name: str
    build: Callable[[int], Pair]
    sizes: tuple[int, ...]
    unit: str = "items"
    target: float | None = None
    max_exponent: float = 1.15
    repeat: int = 5
    notes: str = ""


#: How much faster than the same run's linear baseline ours may grow and still pass.
BASELINE_SLACK = 0.05


def exponent(sizes: list[int], seconds: list[float]) -> float:
    """Least-squares slope of log(seconds) against log(size): 1 is linear, 2 quadratic."""
    xs = [math.log(n) for n in sizes]
    ys = [math.log(max(t, 1e-9)) for t in seconds]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    den = sum((x - mx) ** 2 for x in xs)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / den


def measure_growth(workload: Growth, *, quick: bool = False) -> dict[str, object]:
    """Time ``workload`` at each size, ours and baseline alternating, GC on.

    The input of each size is built untimed and frozen (``gc.freeze``) while the
    calls are timed with the collector on. Reports per size the medians and the
    median, min and max of the paired ratios;
    then the growth exponents fitted to each size's fastest run. ``quick`` runs
    fewer repeats and checks only the exponent.
    """
    repeat = 3 if quick else workload.repeat
    rows = []
    for size in workload.sizes:
        ours, baseline = workload.build(size)
        ours()
        baseline()
        # The prepared input is frozen out of the collector's reach: collections then
        # traverse what the calls allocate, not the (size-dependent) input held by the
        # harness, which would make both sides look super-linear.
        gc.collect()
        gc.freeze()
        ours_times, base_times = [], []
        try:
            for _ in range(repeat):
                ours_times.append(_seconds(ours, collect=True))
                base_times.append(_seconds(baseline, collect=True))
        finally:
            gc.unfreeze()
        ratios = [
            o / b if b > 0 else float("inf") for o, b in zip(ours_times, base_times, strict=True)
        ]
        rows.append(
            {
                "size": size,
                "ours_s": statistics.median(ours_times),
                "baseline_s": statistics.median(base_times),
                "ours_min_s": min(ours_times),
                "baseline_min_s": min(base_times),
                "ratio": statistics.median(ratios),
                "ratio_min": min(ratios),
                "ratio_max": max(ratios),
            }
        )
        del ours, baseline
        gc.collect()
    sizes = [int(r["size"]) for r in rows]
    # The exponent is fitted to the fastest run at each size: on a shared machine the
    # minimum is the least disturbed by other load (as timeit advises).
    ours_exp = exponent(sizes, [float(r["ours_min_s"]) for r in rows])
    base_exp = exponent(sizes, [float(r["baseline_min_s"]) for r in rows])
    last = float(rows[-1]["ratio"])
    grows_ok = ours_exp <= max(workload.max_exponent, base_exp + BASELINE_SLACK)
    ratio_ok = True if quick or workload.target is None else last <= workload.target
    return {
        "workload": workload.name,
        "unit": workload.unit,
        "sizes": rows,
        "exponent": ours_exp,
        "baseline_exponent": base_exp,
        "max_exponent": workload.max_exponent,
        "ours_s": rows[-1]["ours_s"],
        "baseline_s": rows[-1]["baseline_s"],
        "ratio": last,
        "target": workload.target,
        "passed": grows_ok and ratio_ok,
        "notes": workload.notes,
    }
