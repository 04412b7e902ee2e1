"""Run every benchmark workload and print ratios against its baseline.

Usage: ``python -m benchmarks [--quick] [--only NAME] [--json PATH]``.

Every module ``benchmarks/bench_*.py`` defines ``workloads()``, a list of
``Workload`` (one size) and ``Growth`` (several sizes, with a fitted growth
exponent) values. Both sides of each workload are timed in this same run (medians of
several runs), and the results are written as JSON (default
``benchmarks/results.json``). The exit status is 1 if a workload misses its target
(for growth workloads: its exponent, and with no ``--quick`` its ratio at the
largest size).
"""

from __future__ import annotations

import argparse
import importlib
import json
import pkgutil
import sys

from pathlib import Path
from typing import Any

from benchmarks._runner import BASELINE_SLACK, Growth, measure, measure_growth


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks")
    parser.add_argument("--quick", action="store_true", help="fewer repeats")
    parser.add_argument("--only", help="run workloads whose name contains this text")
    parser.add_argument("--json", default=str(Path(__file__).with_name("results.json")))
    args = parser.parse_args(argv)

    package = Path(__file__).parent
    results = []
    print(f"{'workload':<58} {'ours':>10} {'baseline':>10} {'ratio':>7} {'target':>7}  ok")
    for info in sorted(pkgutil.iter_modules([str(package)]), key=lambda m: m.name):
        if not info.name.startswith("bench_"):
            continue
        module = importlib.import_module(f"benchmarks.{info.name}")
        for workload in module.workloads():
            if args.only and args.only not in workload.name:
                continue
            if isinstance(workload, Growth):
                result = measure_growth(workload, quick=args.quick)
                results.append(result)
                _print_growth(result)
                continue
            result = measure(workload, quick=args.quick)
            results.append(result)
            target = f"{result['target']:.2f}" if result["target"] is not None else "-"
            ok = {True: "yes", False: "NO", None: "-"}[result["passed"]]
            print(
                f"{workload.name:<58} {result['ours_s'] * 1e3:>8.2f}ms "
                f"{result['baseline_s'] * 1e3:>8.2f}ms {result['ratio']:>7.2f} {target:>7}  {ok}"
            )
            for key, value in result.items():
                if key not in {
                    "workload",
                    "ours_s",
                    "baseline_s",
                    "ratio",
                    "target",
                    "passed",
                    "notes",
                }:
                    print(f"    {key}: {value}")
    Path(args.json).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"results written to {args.json}")
    return 1 if any(r["passed"] is False for r in results) else 0


def _print_growth(result: dict[str, Any]) -> None:
    print(f"{result['workload']}")
    for row in result["sizes"]:
        label = f"  n = {row['size']:,} {result['unit']}"
        spread = f"({row['ratio_min']:.2f}-{row['ratio_max']:.2f})"
        print(
            f"{label:<58} {row['ours_s'] * 1e3:>8.2f}ms {row['baseline_s'] * 1e3:>8.2f}ms "
            f"{row['ratio']:>7.2f} {spread}"
        )
    target = f"ratio <= {result['target']:.2f}, " if result["target"] is not None else ""
    ok = "yes" if result["passed"] else "NO"
    print(
        f"  growth exponent {result['exponent']:.2f} (baseline {result['baseline_exponent']:.2f});"
        f" target {target}exponent <= {result['max_exponent']:.2f}"
        f" or the baseline's + {BASELINE_SLACK:.2f}  {ok}"
    )


if __name__ == "__main__":
    sys.exit(main())
