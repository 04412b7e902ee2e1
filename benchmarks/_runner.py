"""Workload definitions and the timing loop shared by every benchmark module.

Two kinds of workload:

- [`Growth`][]: one job at three or more sizes spanning at least 100x. ``build(size)``
  prepares the input (untimed) and returns the ``(ours, baseline)`` pair of calls doing
  the same job on it, optionally with a third item, a dict of named reference calls
  (a floor such as numpy) that are timed alongside and reported only. ``extras(size)``
  may add further named measurements at the largest size (a single run's seconds,
  memory against a reference), reported only.
- [`Workload`][]: one fixed job with no size to vary: the import and the first call of
  a catalogue, each a single shot in a fresh interpreter (a second call in the same
  process would find everything loaded). ``baseline`` may be ``None`` (then
  ``budget_s`` bounds our time alone).

Both sides run alternately in the same process, with garbage collection on, as users
run them. Times are CPU seconds (see `clock`): on a shared machine, the time spent
waiting for a core is not the code's. Each side's sample repeats its call enough times
to last at least ``MIN_SAMPLE_S`` (small sizes are otherwise lost in the timer's noise), and the
reported time is per call. The ratio is the median of the paired ratios (ours over the
baseline timed next to it), with their min and max.
"""

from __future__ import annotations

import gc
import math
import resource
import statistics
import time
import tracemalloc

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any


Call = Callable[[], object]
Pair = tuple[Call, Call]


#: The largest growth exponent of the paired ratio (ours / baseline) that still passes
#: when ours is not within ``max_exponent`` on its own: over 100x the ratio may grow
#: by at most 100 ** 0.1 (about 1.6x). n log n against a linear baseline shows about
#: 0.13 at these sizes, a quadratic path about 1.
RATIO_SLACK = 0.1
#: Each timed sample repeats its call until it lasts at least this long.
MIN_SAMPLE_S = 0.02


@dataclass(frozen=True)
class Workload:
    """One fixed job: our code and its baseline (or an absolute budget).

    ``target`` is the largest acceptable ratio ours / baseline (``None`` to report
    only); ``budget_s`` the largest acceptable time of ours, in seconds.
    """

    name: str
    ours: Call
    baseline: Call | None = None
    target: float | None = None
    repeat: int = 7
    setup: Call | None = None
    notes: str = ""
    extra: dict[str, object] = field(default_factory=dict)
    compared_with: str = ""
    budget_s: float | None = None
    #: Time each call alone (no repeats within a sample), e.g. a fresh interpreter.
    single: bool = False
    #: ``ours`` returns the seconds it measured itself (the first call of a
    #: catalogue, timed inside a fresh interpreter); implies ``single``.
    self_timed: bool = False


@dataclass(frozen=True)
class Growth:
    """One job at several sizes: how its time grows, and against what baseline.

    ``build(size)`` prepares the input of that size (untimed) and returns the
    ``(ours, baseline)`` pair of calls doing the same job on it, or
    ``(ours, baseline, references)`` with a dict of further named calls reported
    alongside (a floor). ``sizes`` must span at least 100x. ``max_exponent`` bounds
    the fitted growth exponent of ours (the slope of log time against log size);
    ``target`` bounds the median paired ratio ours / baseline at the largest size
    (``None`` to report only). ``quick_sizes`` (default ``sizes``) are used by
    ``--quick``. ``extras``, when given, is called once with the largest size after
    a full run's timing (not in ``--quick``) and returns further named values to
    report with the result (such as a single run's seconds, or memory against a
    reference structure); they are reported, not judged.

    At the largest sizes the machine's memory and allocator make even a one-pass
    baseline grow faster than linearly (exponents of 1.15-1.25 are seen here, and more
    on a loaded machine). So the growth check passes when ours is within
    ``max_exponent`` or, failing that, grows no faster than the plain linear baseline
    timed next to it: the median paired ratio's own growth exponent is at most
    ``RATIO_SLACK``. Paired ratios cancel the load both sides share, where two
    separately fitted exponents do not. A quadratic path fails either way.
    """

    name: str
    build: Callable[[int], Any]
    sizes: tuple[int, ...]
    unit: str = "items"
    target: float | None = None
    max_exponent: float = 1.15
    repeat: int = 5
    notes: str = ""
    compared_with: str = ""
    quick_sizes: tuple[int, ...] | None = None
    extras: Callable[[int], Mapping[str, object]] | None = None

    def __post_init__(self) -> None:
        for sizes in (self.sizes, self.quick_sizes):
            if sizes is not None and (len(sizes) < 3 or max(sizes) < 100 * min(sizes)):
                msg = f"{self.name}: sizes {sizes} must be three or more spanning 100x"
                raise ValueError(msg)


def exponent(sizes: list[int], seconds: list[float]) -> float:
    """Least-squares slope of log(seconds) against log(size): 1 is linear, 2 quadratic."""
    xs = [math.log(n) for n in sizes]
    ys = [math.log(max(t, 1e-9)) for t in seconds]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    den = sum((x - mx) ** 2 for x in xs)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / den


def clock() -> float:
    """CPU seconds used by this process and the children it has waited for.

    The machine is shared: wall time would count the time spent waiting for a core
    while others run, which has nothing to do with the code. A single-threaded call
    on an idle machine takes about its CPU time. Children count so that a workload
    starting a fresh interpreter is measured the same way.
    """
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def _calls_per_sample(func: Call) -> int:
    start = clock()
    func()
    once = clock() - start
    return max(1, math.ceil(MIN_SAMPLE_S / max(once, 1e-7)))


def _sample(func: Call, calls: int) -> float:
    """Seconds per call of ``func``, over ``calls`` calls, garbage collection on."""
    start = clock()
    for _ in range(calls):
        func()
    return (clock() - start) / calls


def _peak_bytes(func: Call) -> int:
    """Peak memory (tracemalloc) allocated by one call of ``func``."""
    gc.collect()
    tracemalloc.start()
    try:
        func()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak


def _paired(
    sides: Mapping[str, Call], repeat: int, *, single: bool = False
) -> dict[str, list[float]]:
    """Per-call times of every side, run in turn ``repeat`` times after a warm-up."""
    calls = {name: 1 if single else _calls_per_sample(func) for name, func in sides.items()}
    times: dict[str, list[float]] = {name: [] for name in sides}
    for _ in range(repeat):
        for name, func in sides.items():
            times[name].append(_sample(func, calls[name]))
    return times


def _ratios(ours: list[float], base: list[float]) -> list[float]:
    return [o / b if b > 0 else math.inf for o, b in zip(ours, base, strict=True)]


def measure(workload: Workload, *, quick: bool = False) -> dict[str, Any]:
    """Time a fixed ``workload`` (ours and baseline alternating in the same run)."""
    if workload.setup is not None:
        workload.setup()
    repeat = 3 if quick else workload.repeat
    if workload.self_timed:
        times = {"ours": [float(workload.ours()) for _ in range(repeat)]}  # type: ignore[arg-type]
    else:
        sides = {"ours": workload.ours}
        if workload.baseline is not None:
            sides["baseline"] = workload.baseline
        times = _paired(sides, repeat, single=workload.single)
    ours = statistics.median(times["ours"])
    row: dict[str, Any] = {"ours_s": ours, "ours_min_s": min(times["ours"])}
    checks = []
    if workload.baseline is not None:
        ratios = _ratios(times["ours"], times["baseline"])
        row |= {
            "baseline_s": statistics.median(times["baseline"]),
            "ratio": statistics.median(ratios),
            "ratio_min": min(ratios),
            "ratio_max": max(ratios),
        }
        if workload.target is not None:
            checks.append(row["ratio"] <= workload.target)
    if workload.budget_s is not None:
        checks.append(ours <= workload.budget_s)
    return {
        "workload": workload.name,
        "kind": "fixed",
        "compared_with": workload.compared_with,
        **row,
        "target": workload.target,
        "budget_s": workload.budget_s,
        "passed": all(checks) if checks else None,
        "notes": workload.notes,
        **workload.extra,
    }


def measure_growth(workload: Growth, *, quick: bool = False) -> dict[str, Any]:
    """Time ``workload`` at each size, ours and baseline alternating, GC on.

    The input of each size is built untimed and frozen (``gc.freeze``) while the
    calls are timed with the collector on: collections then traverse what the calls
    allocate and retain, not the harness's (size-dependent) input, which would make
    both sides look super-linear. Reports per size the medians, the median, min and
    max of the paired ratios and (without ``quick``) each side's peak memory; then
    the growth exponents fitted to each size's fastest run, and the workload's
    ``extras`` at the largest size. ``quick`` uses ``quick_sizes``, measures no
    memory and no extras, and checks only the exponent.
    """
    # Quick runs keep the repeats (the fitted exponent needs a clean fastest run at
    # each size) and save time on smaller sizes and no memory measurement instead.
    repeat = workload.repeat
    sizes = (workload.quick_sizes or workload.sizes) if quick else workload.sizes
    rows = []
    for size in sizes:
        built = workload.build(size)
        ours, baseline = built[0], built[1]
        references: dict[str, Call] = dict(built[2]) if len(built) > 2 else {}
        del built
        gc.collect()
        gc.freeze()
        try:
            times = _paired({"ours": ours, "baseline": baseline, **references}, repeat)
        finally:
            gc.unfreeze()
        ratios = _ratios(times["ours"], times["baseline"])
        row: dict[str, Any] = {
            "size": size,
            "ours_s": statistics.median(times["ours"]),
            "baseline_s": statistics.median(times["baseline"]),
            "ours_min_s": min(times["ours"]),
            "baseline_min_s": min(times["baseline"]),
            "ratio": statistics.median(ratios),
            "ratio_min": min(ratios),
            "ratio_max": max(ratios),
        }
        if references:
            row["references"] = {
                name: {
                    "seconds": statistics.median(times[name]),
                    "ratio": statistics.median(_ratios(times["ours"], times[name])),
                }
                for name in references
            }
        if not quick:
            row["ours_peak_bytes"] = _peak_bytes(ours)
            row["baseline_peak_bytes"] = _peak_bytes(baseline)
        rows.append(row)
        del ours, baseline, references
        gc.collect()
    extras = {} if quick or workload.extras is None else dict(workload.extras(sizes[-1]))
    measured = [int(r["size"]) for r in rows]
    # The exponent is fitted to the fastest run at each size: on a shared machine the
    # minimum is the least disturbed by other load (as timeit advises).
    ours_exp = exponent(measured, [float(r["ours_min_s"]) for r in rows])
    base_exp = exponent(measured, [float(r["baseline_min_s"]) for r in rows])
    ratio_exp = exponent(measured, [float(r["ratio"]) for r in rows])
    last = float(rows[-1]["ratio"])
    grows_ok = ours_exp <= workload.max_exponent or ratio_exp <= RATIO_SLACK
    ratio_ok = True if quick or workload.target is None else last <= workload.target
    return {
        "workload": workload.name,
        "kind": "growth",
        "compared_with": workload.compared_with,
        "unit": workload.unit,
        "sizes": rows,
        "exponent": ours_exp,
        "baseline_exponent": base_exp,
        "ratio_exponent": ratio_exp,
        "max_exponent": workload.max_exponent,
        "ours_s": rows[-1]["ours_s"],
        "baseline_s": rows[-1]["baseline_s"],
        "ratio": last,
        "ratio_min": rows[-1]["ratio_min"],
        "ratio_max": rows[-1]["ratio_max"],
        "target": workload.target,
        "exponent_passed": grows_ok,
        "passed": grows_ok and ratio_ok,
        "notes": workload.notes,
        **({"extras": extras} if extras else {}),
    }
