"""Duty workloads: ``duties_for`` against a bisect over the same table in plain tuples."""

from __future__ import annotations

import bisect
import datetime as dt
import random

from benchmarks._runner import Growth


def _plain_table():
    """Per body type: (its existence window, segment starts, duties per segment).

    Built from plain ``(from, to, bodies, duty)`` rows of the registry, as a
    programmer holding the data in tuples would, untimed.
    """
    from engagekit.duties import BodyType, duties_for, registry

    rows = [(d.in_force_from, d.in_force_to or dt.date.max, d.bodies, d) for d in registry()]
    table = {}
    for body in BodyType:
        mine = [r for r in rows if body in r[2]]
        points = sorted({r[0] for r in mine} | {r[1] for r in mine if r[1] != dt.date.max})
        starts = [dt.date.min, *points]
        in_force = [tuple(d for s, e, _, d in mine if s <= day < e) for day in starts]
        existed = (body.existed_from or dt.date.min, body.existed_to or dt.date.max)
        # The same messages as ours, held as the text around the day.
        probe = next(
            (d for d in (dt.date(1900, 1, 1), dt.date(2200, 1, 1)) if not body.exists_on(d)), None
        )
        absent = duties_for(body, probe).reason if probe is not None else None
        around = tuple(absent.split(probe.isoformat())) if absent and probe else ("", "")
        article = "an" if body.label[:1] in "aeiou" or body.label.startswith("NHS") else "a"
        table[body] = (*existed, tuple(points), tuple(in_force), around, f"{article} {body.label}")
    return table


def _queries(size: int):
    from engagekit.duties import BodyType, duties_for, registry

    rng = random.Random(size)
    start = dt.date(2001, 1, 1)
    bodies = list(BodyType)
    queries = [
        (rng.choice(bodies), start + dt.timedelta(days=rng.randrange(9131))) for _ in range(size)
    ]
    table = _plain_table()
    right = bisect.bisect_right
    earliest = min(d.in_force_from for d in registry())
    before = f": the earliest law engagekit encodes began on {earliest.isoformat()}"

    def ours():
        return [duties_for(body, day) for body, day in queries]

    def baseline():
        out = []
        for body, day in queries:
            start, end, points, in_force, around, label = table[body]
            if not start <= day < end:
                out.append((body, day, (), f"{around[0]}{day.isoformat()}{around[1]}"))
                continue
            found = in_force[right(points, day)]
            if found:
                out.append((body, day, found, None))
            else:
                reason = f"no duty in this registry binds {label} on {day.isoformat()}"
                out.append((body, day, (), reason + before if day < earliest else reason))
        return out

    assert [(r.body, r.on, r.duties, r.reason) for r in ours()] == baseline()
    return ours, baseline


def workloads() -> list[Growth]:
    return [
        Growth(
            name="duties_for over random body types and days since 2001",
            build=_queries,
            sizes=(1_000, 10_000, 100_000),
            unit="queries",
            target=5.0,
            compared_with="bisect over the same segment table held in plain tuples, with "
            "the body-existed check and the same reason text when empty",
            notes="ours builds a DutiesInForce result; the baseline a plain tuple",
            quick_sizes=(300, 3_000, 30_000),
        )
    ]
