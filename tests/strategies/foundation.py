"""Strategies for the foundation's public types."""

from __future__ import annotations

import string

from typing import Any

from hypothesis import strategies as st

from engagekit import LegalForce, Rating, Source
from engagekit.cycles import (
    CaseStudy,
    CommissioningCycle,
    CommissioningStage,
    Consideration,
    EngagementCycle,
    EngagementStage,
    FeedLink,
    InvolvementDetails,
    InvolvementKind,
    InvolvementLevel,
    Judgement,
    KeyElement,
    Ladder,
    LevelDetails,
    MethodDetails,
    MethodOfEngagement,
    ParticipationLevel,
    Principle,
    PrincipleScore,
    PrincipleSet,
    RubricResult,
    Rung,
    StageDetails,
)
from engagekit.results import Outcome, Reason
from engagekit.techniques import Figure, Match, Quantity, Technique, TechniqueCatalogue, Unit


words = st.text(
    alphabet=string.ascii_letters + string.digits + " -'’–é,.&()", min_size=1, max_size=40
).filter(lambda s: s.strip() != "")
slugs = st.from_regex(r"[a-z][a-z0-9-]{0,20}", fullmatch=True)
partial_dates = st.dates().map(lambda d: d.isoformat()) | st.integers(1900, 2100).map(str)
urls = slugs.map(lambda s: f"https://example.org/{s}")

sources = st.builds(
    Source,
    title=words,
    publisher=words,
    date=st.none() | partial_dates,
    section=st.none() | words,
    url=st.none() | urls,
    note=st.none() | words,
    force=st.none() | st.sampled_from(list(LegalForce)),
)


def _members(enum_type: Any) -> Any:
    return st.lists(st.sampled_from(list(enum_type)), min_size=1, max_size=4)


@st.composite
def figures(draw):
    low = draw(st.none() | st.integers(0, 5000).map(float))
    high = draw(st.none() | st.integers(0, 5000).map(float))
    if low is not None and high is not None and low > high:
        low, high = high, low
    return Figure(
        quantity=draw(st.sampled_from(list(Quantity))),
        low=low,
        high=high,
        unit=draw(st.sampled_from(list(Unit))),
        text=draw(words),
    )


@st.composite
def techniques(draw, technique_id=None):
    seldom = draw(st.booleans())
    return Technique(
        id=technique_id or draw(slugs),
        name=draw(words),
        method=draw(st.sampled_from(list(MethodOfEngagement))),
        levels=draw(_members(ParticipationLevel)),
        heading=draw(st.none() | words),
        description=draw(words),
        variants=draw(st.lists(words, max_size=3)),
        figures=draw(st.lists(figures(), max_size=2)),
        seldom_heard=seldom,
        seldom_heard_note=draw(words) if seldom else None,
        stages=draw(st.lists(st.sampled_from(list(EngagementStage)), max_size=3)),
        source=draw(sources),
    )


@st.composite
def technique_catalogues(draw):
    ids = draw(st.lists(slugs, unique=True, max_size=5))
    return TechniqueCatalogue(techniques=[draw(techniques(technique_id=i)) for i in ids])


considerations = st.builds(Consideration, heading=words, points=st.lists(words, max_size=3))


@st.composite
def stage_details(draw, stage=None):
    return StageDetails(
        stage=stage or draw(st.sampled_from(list(EngagementStage))),
        title=draw(words),
        purpose=draw(words),
        who=draw(st.lists(words, min_size=1, max_size=3)),
        benefits=draw(st.lists(words, max_size=3)),
        considerations=draw(st.lists(considerations, max_size=3)),
        recommended_methods=draw(st.lists(words, max_size=3)),
        source=draw(sources),
    )


@st.composite
def feed_links(draw):
    a, b = draw(
        st.lists(st.sampled_from(list(EngagementStage)), min_size=2, max_size=2, unique=True)
    )
    return FeedLink(from_stage=a, to_stage=b, description=draw(words), source=draw(sources))


@st.composite
def key_elements(draw, number=1):
    return KeyElement(number=number, title=draw(words), summary=draw(words), source=draw(sources))


@st.composite
def engagement_cycles(draw):
    count = draw(st.integers(0, 10))
    return EngagementCycle(
        name=draw(words),
        centre=draw(words),
        stages=[draw(stage_details(stage=s)) for s in EngagementStage],
        elements=[draw(key_elements(number=n)) for n in range(1, count + 1)],
        feeds=draw(st.lists(feed_links(), max_size=3)),
        source=draw(sources),
    )


commissioning_stages = st.builds(
    CommissioningStage,
    id=slugs,
    name=words,
    description=words,
    engagement_stages=st.lists(st.sampled_from(list(EngagementStage)), max_size=3),
    methods=st.lists(st.sampled_from(list(MethodOfEngagement)), max_size=4),
    source=sources,
)


@st.composite
def commissioning_cycles(draw):
    stages = draw(st.lists(commissioning_stages, min_size=2, max_size=5, unique_by=lambda s: s.id))
    return CommissioningCycle(
        id=draw(slugs),
        name=draw(words),
        stages=stages,
        centre=draw(st.none() | words),
        note=draw(st.none() | words),
        source=draw(sources),
    )


@st.composite
def ladders(draw):
    groups = draw(st.lists(words, min_size=1, max_size=3, unique=True))
    count = draw(st.integers(1, 8))
    levels = sorted(
        draw(
            st.lists(
                st.none() | st.sampled_from(list(ParticipationLevel)),
                min_size=count,
                max_size=count,
            )
        ),
        key=lambda lv: 0 if lv is None else lv.rank,
    )
    names = draw(st.lists(words, min_size=count, max_size=count, unique=True))
    rungs = [
        Rung(
            number=i + 1,
            name=names[i],
            group=draw(st.sampled_from(groups)),
            summary=draw(words),
            level=levels[i],
        )
        for i in range(count)
    ]
    return Ladder(
        id=draw(slugs), name=draw(words), groups=groups, rungs=rungs, source=draw(sources)
    )


level_details = st.builds(
    LevelDetails,
    level=st.sampled_from(list(ParticipationLevel)),
    goal=words,
    promise=words,
    source=sources,
)
method_details = st.builds(
    MethodDetails,
    method=st.sampled_from(list(MethodOfEngagement)),
    description=words,
    source=sources,
)
case_studies = st.builds(CaseStudy, title=words, summary=words, facts=st.lists(words, max_size=3))
involvement_details = st.builds(
    InvolvementDetails,
    level=st.sampled_from(list(InvolvementLevel)),
    name=words,
    description=words,
    kind=st.sampled_from(list(InvolvementKind)),
    case_study=case_studies,
    source=sources,
)
principles = st.builds(Principle, id=slugs, name=words, description=words, note=st.none() | words)
principle_sets = st.builds(
    PrincipleSet,
    id=slugs,
    name=words,
    principles=st.lists(principles, max_size=5, unique_by=lambda p: p.id),
    source=sources,
)
judgements = st.builds(Judgement, rating=st.sampled_from(list(Rating)), reason=words)


@st.composite
def principle_scores(draw):
    principle = draw(principles)
    rating = draw(st.sampled_from(list(Rating)))
    return PrincipleScore(
        rule=f"{draw(slugs)}/{principle.id}",
        title=principle.name,
        outcome=rating.outcome,
        message=draw(words),
        evidence=draw(st.lists(slugs, max_size=2)),
        source=draw(sources),
        principle=principle,
        rating=rating,
    )


@st.composite
def rubric_results(draw):
    reasons = draw(st.lists(principle_scores(), max_size=4))
    return RubricResult(
        principles=draw(slugs),
        outcome=Outcome.worst(r.outcome for r in reasons),
        reasons=reasons,
    )


#: One strategy per public type; the round-trip property runs over all of them.
STRATEGIES = {
    Source: sources,
    LegalForce: st.sampled_from(list(LegalForce)),
    Figure: figures(),
    Technique: techniques(),
    Match: st.builds(
        Match,
        technique=techniques(),
        score=st.integers(0, 6),
        reasons=st.lists(words, max_size=3).map(tuple),
    ),
    TechniqueCatalogue: technique_catalogues(),
    Consideration: considerations,
    StageDetails: stage_details(),
    FeedLink: feed_links(),
    KeyElement: key_elements(),
    EngagementCycle: engagement_cycles(),
    CommissioningStage: commissioning_stages,
    CommissioningCycle: commissioning_cycles(),
    Rung: st.builds(
        Rung,
        number=st.integers(1, 8),
        name=words,
        group=words,
        summary=words,
        level=st.none() | st.sampled_from(list(ParticipationLevel)),
    ),
    Ladder: ladders(),
    LevelDetails: level_details,
    MethodDetails: method_details,
    CaseStudy: case_studies,
    InvolvementDetails: involvement_details,
    Principle: principles,
    PrincipleSet: principle_sets,
    Judgement: judgements,
    PrincipleScore: principle_scores(),
    RubricResult: rubric_results(),
    Rating: st.sampled_from(list(Rating)),
    ParticipationLevel: st.sampled_from(list(ParticipationLevel)),
    EngagementStage: st.sampled_from(list(EngagementStage)),
    MethodOfEngagement: st.sampled_from(list(MethodOfEngagement)),
    InvolvementLevel: st.sampled_from(list(InvolvementLevel)),
    InvolvementKind: st.sampled_from(list(InvolvementKind)),
    Quantity: st.sampled_from(list(Quantity)),
    Unit: st.sampled_from(list(Unit)),
    Reason: st.builds(
        Reason,
        rule=slugs,
        title=words,
        outcome=st.sampled_from(list(Outcome)),
        message=words,
        evidence=st.lists(slugs, max_size=3).map(tuple),
        missing=st.lists(words, max_size=2).map(tuple),
        source=sources,
    ),
}

# The plans area's top-level types (engagekit.TargetDate, Recurrence, ActionPlan,
# FeedbackLoop) bring their own strategies.
from tests.strategies.plans import PLAN_STRATEGIES  # noqa: E402


STRATEGIES.update(PLAN_STRATEGIES)
