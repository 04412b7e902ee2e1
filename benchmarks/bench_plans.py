"""Plans workloads: reading date phrases, and feedback-loop metrics at scale."""

from __future__ import annotations

import contextlib
import datetime as dt
import random
import statistics

from benchmarks._runner import Growth


def _phrases() -> list[str]:
    from engagekit import examples
    from engagekit.plans import TargetDate

    texts = []
    for plan in (
        examples.somerset_action_plan(),
        examples.gpcc_timeline_2011(),
        examples.oxfordshire_delivery_plan(),
    ):
        texts.extend(a.target.text for a in plan.actions() if isinstance(a.target, TargetDate))
    return texts


def _loop_data(
    count: int,
) -> tuple[object, list[tuple[str, dt.date, bool]], dict[str, dt.date], set[str]]:
    from engagekit.plans import (
        ChangeStatus,
        Channel,
        FeedbackItem,
        FeedbackKind,
        FeedbackLoop,
        Response,
    )

    rng = random.Random(20180401)
    start = dt.date(2018, 4, 1)
    items = []
    responses = []
    for n in range(count):
        day = start + dt.timedelta(days=rng.randrange(365))
        concern = rng.random() < 0.7
        items.append(
            FeedbackItem(
                id=f"f{n}",
                date=day,
                channel=Channel.SURVEY,
                text="feedback",
                kind=FeedbackKind.CONCERN if concern else FeedbackKind.COMPLIMENT,
            )
        )
        if rng.random() < 0.8:
            responses.append(
                Response(
                    id=f"r{n}",
                    feedback=(f"f{n}",),
                    date=day + dt.timedelta(days=rng.randrange(60)),
                    text="response",
                    change=ChangeStatus.MADE if rng.random() < 0.3 else ChangeStatus.NONE,
                )
            )
    loop = FeedbackLoop(items=items, responses=responses)
    plain_items = [(i.id, i.date, i.kind is FeedbackKind.CONCERN) for i in items]
    first = {r.feedback[0]: r.date for r in responses}
    changed = {r.feedback[0] for r in responses if r.change is not ChangeStatus.NONE}
    return loop, plain_items, first, changed


def _hand_written(
    items: list[tuple[str, dt.date, bool]],
    first: dict[str, dt.date],
    changed: set[str],
    as_of: dt.date,
    standard: int,
) -> tuple[int, int, int, int, float, int]:
    total = closed = concerns = change = past = 0
    waits = []
    for ident, day, concern in items:
        if day > as_of:
            continue
        total += 1
        answered = first.get(ident)
        if answered is not None and answered <= as_of:
            closed += 1
            waits.append((answered - day).days)
        elif (as_of - day).days > standard:
            past += 1
        if concern:
            concerns += 1
            if ident in changed:
                change += 1
    return total, closed, concerns, change, statistics.median(waits), past


def _dates(size: int):
    from dateutil import parser

    from engagekit.plans import TargetDate

    phrases = _phrases()
    texts = [phrases[n % len(phrases)] for n in range(size)]
    # dateutil cannot read every phrase ("Nov/Dec 2011", "On–going meetings"); the
    # baseline gives it the same strings and its best effort with fuzzy parsing.
    default = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)

    def ours():
        return [TargetDate.parse(text) for text in texts]

    def baseline():
        out = []
        for text in texts:
            with contextlib.suppress(ValueError, OverflowError):
                out.append(parser.parse(text, fuzzy=True, default=default))
        return out

    return ours, baseline


def _metrics(size: int):
    loop, plain, first, changed = _loop_data(size)
    as_of = dt.date(2019, 3, 31)

    def ours():
        return loop.metrics(as_of, standard_days=20)

    def baseline():
        return _hand_written(plain, first, changed, as_of, 20)

    return ours, baseline


def workloads() -> list[Growth]:
    return [
        Growth(
            name="TargetDate.parse on the example plans' date phrases",
            build=_dates,
            sizes=(100, 1_000, 10_000),
            unit="phrases",
            target=5.0,
            compared_with="dateutil.parser.parse(fuzzy=True) on the same phrases",
            notes="the example plans' phrases, repeated to each size",
        ),
        Growth(
            name="FeedbackLoop.metrics",
            build=_metrics,
            sizes=(1_000, 10_000, 100_000),
            quick_sizes=(300, 3_000, 30_000),
            target=3.0,
            compared_with="a hand-written single pass over plain tuples and dicts",
            notes="the baseline starts from pre-built plain tuples and dicts",
        ),
    ]
