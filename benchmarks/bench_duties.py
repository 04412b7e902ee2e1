"""Duty workloads: duties_for over every body type and day since 2001."""

from __future__ import annotations

import datetime as dt

from benchmarks._runner import Workload


def workloads() -> list[Workload]:
    from engagekit.duties import BodyType, duties_for, registry

    reg = registry()
    start, end = dt.date(2001, 1, 1), dt.date(2025, 12, 31)
    days = [start + dt.timedelta(days=n) for n in range((end - start).days + 1)]
    bodies = list(BodyType)
    # The same data as plain (start, end, bodies, id) tuples, filtered by hand.
    rows = [(d.in_force_from, d.in_force_to or dt.date.max, frozenset(d.bodies), d.id) for d in reg]

    def ours() -> None:
        for body in bodies:
            for day in days:
                duties_for(body, day)

    def baseline() -> None:
        for body in bodies:
            for day in days:
                [i for (s, e, b, i) in rows if s <= day < e and body in b]

    return [
        Workload(
            name=f"duties_for, {len(bodies)} body types x {len(days)} days vs plain tuples",
            ours=ours,
            baseline=baseline,
            target=5.0,
            repeat=3,
            notes="ours also checks the body existed and builds a DutiesInForce result",
        )
    ]
