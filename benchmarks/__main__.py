"""Run every benchmark workload and print how it compares with its baseline and grows.

Usage: ``python -m benchmarks [--quick] [--only TEXT] [--json PATH] [--docs-only]``.

Every module ``benchmarks/bench_*.py`` defines ``workloads()``, a list of ``Growth``
(one job at three or more sizes, with a fitted growth exponent) and ``Workload`` (one
fixed job, such as the import) values; see ``benchmarks/_runner.py`` and
``benchmarks/README.md``. A full run writes ``benchmarks/results.json`` and, when it
ran every workload, regenerates ``docs/performance.md`` from it. ``--quick`` runs the
growth workloads only, at smaller sizes, checks their exponents only and writes
``benchmarks/results-quick.json``. ``--docs-only`` regenerates the docs page from the
results file without timing anything. The exit status is 1 if a workload misses its
target.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import json
import os
import pkgutil
import platform
import sys
import time

from pathlib import Path
from typing import Any

from benchmarks._docs import DOCS_PAGE, extras_text, write_page
from benchmarks._runner import RATIO_SLACK, Growth, measure, measure_growth


HERE = Path(__file__).parent
RESULTS = HERE / "results.json"
QUICK_RESULTS = HERE / "results-quick.json"


def _workloads() -> list[Any]:
    found = []
    for info in sorted(pkgutil.iter_modules([str(HERE)]), key=lambda m: m.name):
        if info.name.startswith("bench_"):
            module = importlib.import_module(f"benchmarks.{info.name}")
            found.extend(module.workloads())
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks")
    parser.add_argument(
        "--quick", action="store_true", help="growth workloads only; check exponents only"
    )
    parser.add_argument(
        "--only", help="run workloads whose name contains this text (several: comma-separated)"
    )
    parser.add_argument("--json", help="where to write the results")
    parser.add_argument(
        "--docs-only",
        action="store_true",
        help=f"regenerate {DOCS_PAGE} from the results file and stop",
    )
    args = parser.parse_args(argv)
    out = Path(args.json) if args.json else (QUICK_RESULTS if args.quick else RESULTS)
    if args.docs_only:
        write_page(json.loads(out.read_text(encoding="utf-8")))
        print(f"{DOCS_PAGE} written from {out}")
        return 0

    began = time.perf_counter()
    results = []
    print(f"{'workload / size':<60} {'ours':>10} {'baseline':>10} {'ratio':>7} {'spread':>13}")
    wanted = [part.strip().lower() for part in (args.only or "").split(",") if part.strip()]
    for workload in _workloads():
        if wanted and not any(part in workload.name.lower() for part in wanted):
            continue
        if isinstance(workload, Growth):
            result = measure_growth(workload, quick=args.quick)
            _print_growth(result, quick=args.quick)
        elif args.quick:
            continue
        else:
            result = measure(workload)
            _print_fixed(result)
        results.append(result)
        sys.stdout.flush()
    document = {
        "generated": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "quick": args.quick,
        "complete": not args.only,
        "python": platform.python_version(),
        "machine": f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs",
        "seconds": round(time.perf_counter() - began, 1),
        "workloads": results,
    }
    out.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
    print(f"results written to {out} ({document['seconds']} s)")
    if not args.quick and not args.only and out == RESULTS:
        write_page(document)
        print(f"{DOCS_PAGE} regenerated")
    failed = [r["workload"] for r in results if r["passed"] is False]
    for name in failed:
        print(f"MISSED: {name}")
    return 1 if failed else 0


def _ms(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    if seconds < 1e-3:
        return f"{seconds * 1e6:.2f}us"
    return f"{seconds * 1e3:.2f}ms"


def _verdict(passed: bool | None) -> str:
    return {True: "ok", False: "MISSED", None: "report only"}[passed]


def _print_fixed(result: dict[str, Any]) -> None:
    print(result["workload"])
    spread = f"({result['ratio_min']:.2f}-{result['ratio_max']:.2f})" if "ratio" in result else ""
    ratio = f"{result['ratio']:.2f}" if "ratio" in result else "-"
    print(
        f"  {'fixed':<58} {_ms(result['ours_s']):>10} {_ms(result.get('baseline_s')):>10}"
        f" {ratio:>7} {spread:>13}"
    )
    limits = []
    if result["target"] is not None:
        limits.append(f"ratio <= {result['target']:g}")
    if result["budget_s"] is not None:
        limits.append(f"ours <= {result['budget_s'] * 1e3:g} ms")
    print(f"  target {', '.join(limits) or 'none'}: {_verdict(result['passed'])}")


def _print_growth(result: dict[str, Any], *, quick: bool = False) -> None:
    print(result["workload"])
    for row in result["sizes"]:
        label = f"  n = {row['size']:,} {result['unit']}"
        spread = f"({row['ratio_min']:.2f}-{row['ratio_max']:.2f})"
        memory = ""
        if "ours_peak_bytes" in row:
            memory = (
                f"  peak {row['ours_peak_bytes'] / 1e6:.2f} MB"
                f" vs {row['baseline_peak_bytes'] / 1e6:.2f} MB"
            )
        print(
            f"{label:<60} {_ms(row['ours_s']):>10} {_ms(row['baseline_s']):>10}"
            f" {row['ratio']:>7.2f} {spread:>13}{memory}"
        )
        for name, ref in row.get("references", {}).items():
            print(f"      {name}: {_ms(ref['seconds'])} (ours is {ref['ratio']:.2f}x)")
    if result.get("extras"):
        print(f"      at n = {result['sizes'][-1]['size']:,}: {extras_text(result)}")
    target = ""
    if result["target"] and not quick:  # a quick run checks the exponent only
        target = f"ratio <= {result['target']:g} at the largest size, "
    print(
        f"  growth exponent {result['exponent']:.2f} (baseline {result['baseline_exponent']:.2f},"
        f" ratio {result['ratio_exponent']:+.2f}); target {target}exponent"
        f" <= {result['max_exponent']:.2f} or ratio exponent <= {RATIO_SLACK:.2f}:"
        f" {_verdict(result['passed'])}"
    )


if __name__ == "__main__":
    sys.exit(main())
