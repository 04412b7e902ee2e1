"""Workload definition and the timing loop shared by every benchmark module."""

from __future__ import annotations

import gc
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


def _seconds(func: Callable[[], object]) -> float:
    # As timeit does, keep the garbage collector out of the timed call: a collection
    # triggered by one side's allocations would otherwise land on whichever runs next.
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
