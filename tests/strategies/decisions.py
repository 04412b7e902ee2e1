"""Hypothesis strategies for engagekit.decisions, one per public type."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from engagekit.cycles import EngagementStage, ParticipationLevel
from engagekit.decisions import (
    AccessEffect,
    Assessment,
    Audience,
    BedCondition,
    ChangeKind,
    Column,
    Comparison,
    Consultation,
    ConsultationCheck,
    Criterion,
    Decision,
    EngagementRequirement,
    Evidence,
    EvidenceKind,
    Ground,
    GunningPrinciple,
    Impact,
    Information,
    Limb,
    Option,
    OptionRow,
    Outcome,
    Policy,
    ProposalStatus,
    Reason,
    Rule,
    ServiceChangeTest,
    TestAssessment,
    Verdict,
    check_consultation,
    compare,
    evaluate,
    rules,
)
from engagekit.ratings import Rating


DECISION_DAYS = st.dates(min_value=dt.date(2008, 1, 1), max_value=dt.date(2026, 12, 31))
EVIDENCE_IDS = st.sampled_from(["minutes", "survey", "eia", "stories", "audit", "budget", "ia"])
WORDS = st.text(alphabet="abcdefghij klmnop", min_size=1, max_size=20).filter(str.strip)

KEYS: list[tuple[Criterion, Audience | None]] = [
    (Criterion.ACCEPTABLE, Audience.PATIENTS),
    (Criterion.ACCEPTABLE, Audience.STAFF),
    (Criterion.ACCEPTABLE, Audience.PUBLIC),
    (Criterion.AFFORDABLE, None),
    (Criterion.SAFE_AND_EFFECTIVE, None),
]


def impacts() -> st.SearchStrategy[Impact]:
    return st.builds(
        Impact,
        kind=st.sampled_from(ChangeKind),
        people_affected=st.none() | st.integers(0, 100_000),
        permanent=st.booleans(),
        access=st.lists(st.sampled_from(AccessEffect), max_size=3),
        protected_groups=st.lists(st.sampled_from(["older people", "disabled people"]), max_size=2),
        bed_closures=st.booleans(),
        cost=st.none() | st.integers(-1_000_000, 1_000_000),
        delivery_changes=st.none() | st.booleans(),
    )


@st.composite
def evidence(draw: st.DrawFn, *, on_or_before: dt.date, ident: str | None = None) -> Evidence:
    return Evidence(
        id=ident if ident is not None else draw(EVIDENCE_IDS),
        kind=draw(st.sampled_from(EvidenceKind)),
        date=draw(
            st.dates(min_value=on_or_before - dt.timedelta(days=800), max_value=on_or_before)
        ),
        what=draw(WORDS),
        level=draw(st.none() | st.sampled_from(ParticipationLevel)),
        audiences=draw(st.lists(st.sampled_from(Audience), max_size=3)),
        count=draw(st.none() | st.integers(0, 1000)),
        technique=draw(st.none() | st.sampled_from(["story-telling", "focus-groups"])),
    )


@st.composite
def assessment_sets(draw: st.DrawFn, ids: list[str]) -> tuple[Assessment, ...]:
    keys = draw(st.lists(st.sampled_from(KEYS), unique=True, max_size=5))
    return tuple(
        Assessment(
            criterion=c,
            audience=a,
            rating=draw(st.sampled_from(Rating)),
            evidence=draw(st.lists(st.sampled_from(ids), unique=True, max_size=2)) if ids else (),
            notes=draw(st.none() | WORDS),
        )
        for c, a in keys
    )


@st.composite
def test_assessments(draw: st.DrawFn, ids: list[str]) -> tuple[TestAssessment, ...]:
    tests = draw(st.lists(st.sampled_from(ServiceChangeTest), unique=True, max_size=5))
    out = []
    for test in tests:
        rating = draw(st.sampled_from(Rating))
        conditions: list[BedCondition] = []
        if test is ServiceChangeTest.BED_CLOSURES:
            conditions = draw(
                st.lists(
                    st.sampled_from(BedCondition),
                    unique=True,
                    min_size=1 if rating is Rating.MET else 0,
                    max_size=3,
                )
            )
        out.append(
            TestAssessment(
                test=test,
                rating=rating,
                evidence=draw(st.lists(st.sampled_from(ids), unique=True, max_size=2))
                if ids
                else (),
                conditions=conditions,
            )
        )
    return tuple(out)


@st.composite
def consultations(draw: st.DrawFn, around: dt.date | None = None) -> Consultation:
    centre = around or draw(DECISION_DAYS)
    start = draw(st.dates(min_value=centre - dt.timedelta(days=300), max_value=centre))
    end = start + dt.timedelta(days=draw(st.integers(0, 150)))
    report = draw(st.none() | st.integers(0, 200))
    return Consultation(
        start=start,
        end=end,
        proposal_status=draw(st.sampled_from(ProposalStatus)),
        published=draw(st.lists(st.sampled_from(Information), max_size=6)),
        responses=draw(st.integers(0, 5000)),
        report_published=None if report is None else start + dt.timedelta(days=report),
        considered_in_decision=draw(st.booleans()),
        summary=draw(st.none() | WORDS),
    )


@st.composite
def options(draw: st.DrawFn, ids: list[str], ident: str) -> Option:
    return Option(
        id=ident,
        title=draw(WORDS),
        summary=draw(st.none() | WORDS),
        assessments=draw(assessment_sets(ids)),
    )


@st.composite
def decisions(draw: st.DrawFn, *, max_options: int = 3) -> Decision:
    day = draw(DECISION_DAYS)
    ids = draw(st.lists(EVIDENCE_IDS, unique=True, max_size=5))
    items = [draw(evidence(on_or_before=day, ident=i)) for i in ids]
    n_options = draw(st.integers(0, max_options))
    return Decision(
        title=draw(WORDS),
        body=draw(st.sampled_from(["Governing Body", "Clinical Executive", "Board"])),
        on=day,
        impact=draw(impacts()),
        evidence=items,
        assessments=draw(assessment_sets(ids)),
        options=[draw(options(ids, f"option-{n}")) for n in range(n_options)],
        tests=draw(test_assessments(ids)),
        consultation=draw(st.none() | consultations(around=day)),
        summary=draw(st.none() | WORDS),
    )


def policies() -> st.SearchStrategy[Policy]:
    levels = st.lists(st.sampled_from(ParticipationLevel), min_size=3, max_size=3).map(sorted)
    return st.builds(
        lambda lv, **kw: Policy(
            level_planning=lv[0], level_service_change=lv[1], level_substantial=lv[2], **kw
        ),
        levels,
        name=WORDS,
        acceptability_audiences=st.lists(st.sampled_from(Audience), min_size=1, max_size=3),
        require_evidence=st.booleans(),
        partly_met_blocks=st.lists(st.sampled_from(Criterion), max_size=3),
        substantial_kinds=st.lists(st.sampled_from(ChangeKind), max_size=6),
        substantial_access=st.lists(st.sampled_from(AccessEffect), max_size=3),
        substantial_people=st.none() | st.integers(1, 50_000),
        temporary_can_be_substantial=st.booleans(),
        bed_closures_substantial=st.booleans(),
        consult_when_substantial=st.booleans(),
        eia_for_service_change=st.booleans(),
        consultation_weeks=st.integers(1, 20),
        required_information=st.lists(st.sampled_from(Information), max_size=6),
        tests_only_when_substantial=st.booleans(),
        technique_stage=st.sampled_from(EngagementStage),
        suggested_techniques=st.integers(0, 5),
    )


def _evidence_alone() -> st.SearchStrategy[Evidence]:
    return DECISION_DAYS.flatmap(lambda day: evidence(on_or_before=day))


def _verdicts() -> st.SearchStrategy[Verdict]:
    return st.builds(lambda d, p: evaluate(d, policy=p), decisions(), policies())


def _comparisons() -> st.SearchStrategy[Comparison]:
    return decisions().filter(lambda d: bool(d.options)).map(compare)


def _checks() -> st.SearchStrategy[ConsultationCheck]:
    return st.builds(lambda c, day: check_consultation(c, on=day), consultations(), DECISION_DAYS)


#: One strategy per public type of engagekit.decisions, for the round-trip property.
STRATEGIES: dict[type, st.SearchStrategy[object]] = {
    **{
        cls: st.sampled_from(list(cls))
        for cls in (
            AccessEffect,
            Audience,
            BedCondition,
            ChangeKind,
            Criterion,
            EvidenceKind,
            GunningPrinciple,
            Information,
            Limb,
            Outcome,
            ProposalStatus,
            ServiceChangeTest,
        )
    },
    Impact: impacts(),
    Evidence: _evidence_alone(),
    Assessment: decisions().flatmap(
        lambda d: st.sampled_from(d.assessments) if d.assessments else st.nothing()
    ),
    TestAssessment: st.just(["audit"]).flatmap(test_assessments).filter(bool).map(lambda t: t[0]),
    Option: options(["audit", "budget"], "an-option"),
    Consultation: consultations(),
    Decision: decisions(),
    Policy: policies(),
    Verdict: _verdicts(),
    Reason: _verdicts().map(lambda v: v.reasons[0]),
    EngagementRequirement: _verdicts().map(lambda v: v.requirement),
    Ground: _verdicts().map(lambda v: v.requirement.grounds[0]),
    Comparison: _comparisons(),
    OptionRow: _comparisons().map(lambda c: c.rows[0]),
    Column: _comparisons().map(lambda c: c.columns[0]),
    ConsultationCheck: _checks(),
    Rule: st.deferred(lambda: st.sampled_from(rules().items)),
}
