"""Hypothesis strategies for the plans types."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from engagekit.consultations import Consultation
from engagekit.cycles import EngagementStage, InvolvementLevel
from engagekit.duties import BodyType
from engagekit.plans import (
    Action,
    ActionPlan,
    ChangeStatus,
    Channel,
    EngagementRecord,
    FeedbackItem,
    FeedbackKind,
    FeedbackLoop,
    FeedbackOutcome,
    Meeting,
    Objective,
    ProgressUpdate,
    ReachCount,
    Recurrence,
    Response,
    TargetDate,
)
from engagekit.sources import Source


MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December",
)  # fmt: skip

names = st.text(alphabet="abcdefghijklmnopqrstuvwxyz -", min_size=1, max_size=12).filter(
    lambda s: s.strip()
)
days = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2040, 12, 31))


@st.composite
def day_phrases(draw: st.DrawFn) -> tuple[str, dt.date]:
    """A phrase naming one day, with the day."""
    day = draw(days)
    suffix = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}.get(day.day, "th")
    month = MONTHS[day.month - 1]
    form = draw(st.sampled_from(("dmy", "mdy", "short")))
    if form == "dmy":
        return f"{day.day}{suffix} {month} {day.year}", day
    if form == "mdy":
        return f"{month} {day.day}{suffix} {day.year}", day
    return f"{day.day} {month[:3]} {day.year}", day


@st.composite
def phrases_with_dates(draw: st.DrawFn) -> tuple[str, tuple[dt.date, ...]]:
    """A target-date phrase and some of the days it can mean."""
    day = draw(days)
    month = MONTHS[day.month - 1]
    kind = draw(st.sampled_from(("day", "month", "part", "months", "year", "fy", "quarter")))
    if kind == "day":
        phrase, exact = draw(day_phrases())
        return phrase, (exact,)
    if kind == "month":
        return f"{draw(st.sampled_from((month, month[:3])))} {day.year}", (day,)
    if kind == "part":
        part = "Early" if day.day <= 10 else "Mid" if day.day <= 20 else "End of"
        return f"{part} {month} {day.year}", (day,)
    if kind == "months":
        later = dt.date(day.year, draw(st.integers(day.month, 12)), 1)
        sep = draw(st.sampled_from(("/", " / ", " - ", "–")))
        return f"{month[:3]}{sep}{MONTHS[later.month - 1]} {day.year}", (day, later)
    if kind == "year":
        return str(day.year), (day,)
    if kind == "quarter":
        return f"Q{(day.month - 1) // 3 + 1} {day.year}", (day,)
    first = day.year if day.month >= 4 else day.year - 1
    return f"{first}/{str(first + 1)[-2:]}", (day,)


def target_dates() -> st.SearchStrategy[TargetDate]:
    return st.builds(lambda p: TargetDate.parse(p[0]), phrases_with_dates()) | st.sampled_from(
        [TargetDate.parse(t) for t in ("On-going", "From April 2012?", "By March 2013")]
    )


recurrence_phrases = st.sampled_from(
    (
        "quarterly",
        "bi-monthly",
        "bi-annually",
        "Bi-annual",
        "annually",
        "six times a year",
        "every three months",
        "monthly",
        "weekly",
        "fortnightly",
        "every 4 months",
    )
)


@st.composite
def recurrences(draw: st.DrawFn) -> Recurrence:
    bodies = draw(st.lists(names, max_size=4, unique=True))
    anchor = draw(st.none() | days)
    per_body = draw(st.booleans())
    if bodies and per_body:
        return Recurrence.parse("two in each locality per year", bodies=bodies, anchor=anchor)
    return Recurrence.parse(draw(recurrence_phrases), bodies=bodies, anchor=anchor)


_PROGRESS_OF = {
    "not-started": st.none() | st.just(0),  # no work done, as the status says
    "achieved": st.none() | st.just(100),  # a done status is progress 100
}


@st.composite
def updates(draw: st.DrawFn) -> ProgressUpdate:
    """An update whose progress agrees with its status (see `ProgressUpdate`)."""
    status = draw(st.sampled_from(("not-started", "planned", "in-progress", "ongoing", "achieved")))
    progress = draw(_PROGRESS_OF.get(status, st.none() | st.integers(0, 100)))
    return ProgressUpdate(
        date=draw(days), status=status, progress=progress, note=draw(st.none() | names)
    )


@st.composite
def actions(draw: st.DrawFn, ident: str = "1a") -> Action:
    return Action(
        id=ident,
        description=draw(names),
        lead=draw(st.none() | names),
        target=draw(st.none() | target_dates() | recurrences()),
        evidence=draw(st.lists(names, max_size=2)),
        ideas=draw(st.lists(names, max_size=2)),
        stages=draw(st.lists(st.sampled_from(list(EngagementStage)), max_size=2)),
        levels=draw(st.lists(st.sampled_from(list(InvolvementLevel)), max_size=2)),
        duties=draw(st.lists(names, max_size=2)),
        decisions=draw(st.lists(names, max_size=1)),
        updates=draw(st.lists(updates(), max_size=3)),
        weight=draw(st.integers(0, 5)),
    )


@st.composite
def objectives(draw: st.DrawFn, ident: str = "1", depth: int = 1) -> Objective:
    count = draw(st.integers(0, 3))
    acts = [draw(actions(f"{ident}{chr(97 + i)}")) for i in range(count)]
    children = []
    if depth > 0:
        for i in range(draw(st.integers(0, 2))):
            children.append(draw(objectives(f"{ident}.{i + 1}", depth - 1)))
    return Objective(
        id=ident,
        title=draw(names),
        actions=acts,
        objectives=children,
        weight=draw(st.integers(0, 3)),
    )


@st.composite
def plans(draw: st.DrawFn) -> ActionPlan:
    count = draw(st.integers(1, 3))
    return ActionPlan(
        title=draw(names), objectives=[draw(objectives(str(i + 1))) for i in range(count)]
    )


@st.composite
def loops(draw: st.DrawFn) -> FeedbackLoop:
    count = draw(st.integers(1, 12))
    items = [
        FeedbackItem(
            id=f"f{i}",
            date=draw(days),
            channel=draw(st.sampled_from(list(Channel))),
            text=draw(names),
            theme=draw(st.none() | st.sampled_from(("access", "information", "transport"))),
            kind=draw(st.sampled_from(list(FeedbackKind))),
            tier=draw(st.none() | st.sampled_from(("practice", "locality", "county"))),
        )
        for i in range(count)
    ]
    responses = []
    for n, item in enumerate(items):
        if draw(st.booleans()):
            responses.append(
                Response(
                    id=f"r{n}",
                    feedback=[item.id],
                    date=item.date + dt.timedelta(days=draw(st.integers(0, 90))),
                    text=draw(names),
                    change=draw(st.sampled_from(list(ChangeStatus))),
                    decision=draw(st.none() | st.sampled_from(("d1", "d2"))),
                    action=draw(st.none() | st.sampled_from(("1a", "2b"))),
                )
            )
    outcomes = [
        FeedbackOutcome(
            id=f"o{r.id}", response=r.id, date=r.date, text="done", evidence=["minutes"]
        )
        for r in responses
        if draw(st.booleans())
    ]
    return FeedbackLoop(items=items, responses=responses, outcomes=outcomes)


meetings = st.builds(
    Meeting,
    id=names,
    date=days,
    body=names,
    title=names,
    attendance=st.none() | st.integers(0, 500),
    organisations=st.lists(names, max_size=2),
)


@st.composite
def records(draw: st.DrawFn) -> EngagementRecord:
    """An engagement record: any mix of plan, loop, meetings, evidence, consultations
    (a consultation, its responses or its loop) and participants."""
    from tests.strategies.consultations import consultation_loops, response_sets
    from tests.strategies.decisions import evidence

    pieces = draw(
        st.lists(evidence(on_or_before=dt.date(2020, 3, 31)), max_size=3, unique_by=lambda e: e.id)
    )
    consultation = draw(
        st.none()
        | st.builds(
            Consultation,
            id=st.just("other-consultation"),
            title=names,
            start=st.none() | days,
            responses=st.integers(0, 500),
            considered_in_decision=st.booleans(),
        )
    )
    answered = draw(st.none() | response_sets() | consultation_loops())
    groups = draw(st.lists(st.sampled_from(("16-24", "25-64", "65+")), unique=True, max_size=3))
    return EngagementRecord(
        body=draw(names),
        body_type=draw(st.none() | st.sampled_from(list(BodyType))),
        year=draw(st.none() | st.integers(2010, 2025)),
        plan=draw(st.none() | plans()),
        loop=draw(st.none() | loops()),
        meetings=draw(st.lists(meetings, max_size=3, unique_by=lambda m: m.id)),
        evidence=pieces,
        consultations=[c for c in (consultation, answered) if c is not None],
        participants=[
            ReachCount(characteristic="age", group=g, count=draw(st.integers(0, 50)))
            for g in groups
        ],
        source=draw(st.none() | st.just(Source(title="Annual report", publisher="NHS Example"))),
    )


#: Strategies for the plans types re-exported at the top level, merged into the
#: foundation's round-trip registry.
PLAN_STRATEGIES = {
    EngagementRecord: records(),
    TargetDate: target_dates(),
    Recurrence: recurrences(),
    ActionPlan: plans(),
    FeedbackLoop: loops(),
}
