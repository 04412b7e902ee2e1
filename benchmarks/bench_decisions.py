"""Decision workloads: evaluating decisions against the cost of constructing them."""

from __future__ import annotations

import datetime as dt
import random

from benchmarks._runner import Workload


N = 100_000


def _parts(count: int) -> list[dict[str, object]]:
    from engagekit.cycles import ParticipationLevel
    from engagekit.decisions import (
        AccessEffect,
        Assessment,
        Audience,
        ChangeKind,
        Criterion,
        Evidence,
        EvidenceKind,
        Impact,
    )
    from engagekit.ratings import Rating

    rng = random.Random(3)
    impacts = [
        Impact(kind=kind, access=access, people_affected=people)
        for kind in ChangeKind
        for access in ((), (AccessEffect.TRAVEL,))
        for people in (100, 5000)
    ]
    keys = [(Criterion.ACCEPTABLE, a) for a in Audience] + [
        (Criterion.AFFORDABLE, None),
        (Criterion.SAFE_AND_EFFECTIVE, None),
    ]
    out = []
    for n in range(count):
        day = dt.date(2012, 1, 1) + dt.timedelta(days=n % 3000)
        evidence = (
            Evidence(
                id="engagement",
                kind=EvidenceKind.ENGAGEMENT_ACTIVITY,
                date=day,
                what="Engagement event",
                level=rng.choice(list(ParticipationLevel)),
            ),
            Evidence(id="appraisal", kind=EvidenceKind.FINANCIAL_APPRAISAL, date=day, what="£"),
        )
        assessments = tuple(
            Assessment(
                criterion=c,
                audience=a,
                rating=rng.choice(list(Rating)),
                evidence=("engagement",) if c is Criterion.ACCEPTABLE else ("appraisal",),
            )
            for c, a in keys
        )
        out.append(
            {
                "title": f"Decision {n}",
                "body": "Governing Body",
                "on": day,
                "impact": rng.choice(impacts),
                "evidence": evidence,
                "assessments": assessments,
            }
        )
    return out


def workloads() -> list[Workload]:
    from engagekit.decisions import Decision, evaluate

    parts = _parts(N)
    built = [Decision(**p) for p in parts]  # type: ignore[arg-type]

    def ours() -> None:
        for decision in built:
            evaluate(decision)

    def baseline() -> None:
        for p in parts:
            Decision(**p)  # type: ignore[arg-type]

    return [
        Workload(
            name=f"evaluate {N:,} decisions vs constructing them",
            ours=ours,
            baseline=baseline,
            target=10.0,
            repeat=3,
            notes="three criteria, five assessments, one impact each; the issue's target",
        )
    ]
