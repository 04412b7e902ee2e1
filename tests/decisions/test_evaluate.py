"""evaluate, required_engagement, check_consultation and compare on real and worked examples."""

from __future__ import annotations

import datetime as dt

from typing import Any

import attrs
import pytest

from engagekit import examples
from engagekit.cycles import ParticipationLevel
from engagekit.decisions import (
    DEFAULT_POLICY,
    AccessEffect,
    Assessment,
    Audience,
    ChangeKind,
    Consultation,
    Criterion,
    Decision,
    Evidence,
    EvidenceKind,
    Impact,
    Information,
    Option,
    Outcome,
    ProposalStatus,
    check_consultation,
    compare,
    evaluate,
    required_engagement,
)
from engagekit.ratings import Rating


def _ready_decision(**changes: Any) -> Decision:
    day = dt.date(2015, 6, 1)
    evidence = [
        Evidence(
            id="panel",
            kind=EvidenceKind.ENGAGEMENT_ACTIVITY,
            date=day,
            what="Patient panel",
            level=ParticipationLevel.CONSULT,
        ),
        Evidence(id="budget", kind=EvidenceKind.FINANCIAL_APPRAISAL, date=day, what="Costed"),
        Evidence(id="audit", kind=EvidenceKind.CLINICAL_EVIDENCE, date=day, what="Audit"),
    ]
    assessments = [
        Assessment(
            criterion=Criterion.ACCEPTABLE, audience=a, rating=Rating.MET, evidence=["panel"]
        )
        for a in Audience
    ] + [
        Assessment(criterion=Criterion.AFFORDABLE, rating=Rating.MET, evidence=["budget"]),
        Assessment(criterion=Criterion.SAFE_AND_EFFECTIVE, rating=Rating.MET, evidence=["audit"]),
    ]
    decision = Decision(
        title="Extend clinic hours",
        body="Governing Body",
        on=day,
        impact=Impact(kind=ChangeKind.VARIATION, people_affected=300, delivery_changes=False),
        evidence=evidence,
        assessments=assessments,
    )
    return attrs.evolve(decision, **changes)


def test_ready_decision() -> None:
    """Every criterion met on evidence, engagement proportionate: ready to decide."""
    verdict = evaluate(_ready_decision())
    assert verdict.outcome is Outcome.MET
    assert verdict.ok
    assert verdict.requirement.minimum_level is ParticipationLevel.INFORM
    assert all(r.source.title for r in verdict.reasons)
    assert "READY TO DECIDE" in str(verdict)


def test_partly_met_gives_conditions_unless_the_policy_blocks_it() -> None:
    """'Partly met' is ready with conditions by default; a stricter policy makes it not ready."""
    base = _ready_decision()
    partly = Assessment(
        criterion=Criterion.SAFE_AND_EFFECTIVE, rating=Rating.PARTLY_MET, evidence=["audit"]
    )
    decision = attrs.evolve(base, assessments=(*base.assessments[:4], partly))
    assert evaluate(decision).outcome is Outcome.PARTLY_MET
    strict = attrs.evolve(DEFAULT_POLICY, partly_met_blocks=[Criterion.SAFE_AND_EFFECTIVE])
    assert evaluate(decision, policy=strict).outcome is Outcome.NOT_MET


def test_unassessed_or_unevidenced_is_insufficient() -> None:
    """A criterion unassessed, or resting on no evidence, is insufficient evidence."""
    base = _ready_decision()
    verdict = evaluate(attrs.evolve(base, assessments=base.assessments[:4]))
    assert verdict.outcome is Outcome.INSUFFICIENT_EVIDENCE
    assert verdict.gaps[0].missing == ("an assessment: clinically safe and effective",)
    bare = Assessment(criterion=Criterion.SAFE_AND_EFFECTIVE, rating=Rating.MET)
    verdict = evaluate(attrs.evolve(base, assessments=(*base.assessments[:4], bare)))
    assert verdict.outcome is Outcome.INSUFFICIENT_EVIDENCE
    relaxed = attrs.evolve(DEFAULT_POLICY, require_evidence=False)
    assert (
        evaluate(
            attrs.evolve(base, assessments=(*base.assessments[:4], bare)), policy=relaxed
        ).outcome
        is Outcome.MET
    )


def test_under_engagement_is_not_ready() -> None:
    """A substantial relocation informed only by leaflet is not ready (proportionality)."""
    verdict = evaluate(examples.unproportionate_service_change())
    assert verdict.outcome is Outcome.NOT_MET
    assert verdict.requirement.minimum_level is ParticipationLevel.INVOLVE
    assert verdict.requirement.substantial
    level = verdict.reason("proportionality.level")
    assert level is not None
    assert level.missing == ("engagement at the Involve level or above",)


def test_required_engagement_for_each_kind_of_change() -> None:
    """Minimum levels rise with the change; 'substantial' follows the policy's values."""
    quiet = required_engagement(Impact(kind=ChangeKind.VARIATION, delivery_changes=False))
    assert [limb.value for limb in quiet.limbs] == ["planning"]
    assert quiet.minimum_level is ParticipationLevel.INFORM
    new = required_engagement(Impact(kind=ChangeKind.NEW_SERVICE))
    assert new.minimum_level is ParticipationLevel.CONSULT
    assert not new.substantial
    moved = required_engagement(Impact(kind=ChangeKind.RELOCATION, access=[AccessEffect.TRAVEL]))
    assert moved.substantial
    assert moved.formal_consultation
    assert moved.scrutiny_consultation
    assert moved.minimum_level is ParticipationLevel.INVOLVE
    assert moved.techniques
    local = attrs.evolve(DEFAULT_POLICY, substantial_people=5000)
    big = Impact(kind=ChangeKind.REDUCTION, people_affected=6000)
    assert not required_engagement(big).substantial
    assert required_engagement(big, policy=local).substantial


def test_scrutiny_and_equality_follow_the_decision_date() -> None:
    """Health scrutiny: S.I. 2002/3048 reg 4 from 1 January 2003, reg 23 of S.I. 2013/218
    from 1 April 2013; the 2010 Act's equality duty from 5 April 2011."""
    impact = Impact(kind=ChangeKind.CLOSURE, access=[AccessEffect.LOCATION])
    assert not required_engagement(impact, on=dt.date(2002, 12, 31)).scrutiny_consultation
    for day, rule_id in (
        (dt.date(2003, 1, 1), "scrutiny.substantial-variation-2002"),
        (dt.date(2012, 6, 1), "scrutiny.substantial-variation-2002"),
        (dt.date(2013, 3, 31), "scrutiny.substantial-variation-2002"),
        (dt.date(2013, 4, 1), "scrutiny.substantial-variation"),
    ):
        found = required_engagement(impact, on=day)
        assert found.scrutiny_consultation, day
        assert rule_id in [g.rule for g in found.grounds], day
    in_2012 = required_engagement(impact, on=dt.date(2012, 6, 1))
    scrutiny = next(g for g in in_2012.grounds if g.rule.startswith("scrutiny."))
    assert "S.I. 2002/3048 reg 4" in scrutiny.message
    assert scrutiny.source.section == "Regulation 4"
    # The race, disability and gender duties until 4 April 2011; s149 from 5 April 2011.
    before = required_engagement(impact, on=dt.date(2011, 4, 4))
    assert before.equality_impact_assessment
    assert [g.rule for g in before.grounds if g.rule.startswith("equality.")] == [
        "equality.race-2001",
        "equality.disability-2006",
        "equality.gender-2007",
    ]
    after = required_engagement(impact, on=dt.date(2011, 4, 5))
    assert [g.rule for g in after.grounds if g.rule.startswith("equality.")] == [
        "equality.due-regard"
    ]


def _consultation(**changes: Any) -> Consultation:
    c = Consultation(
        start=dt.date(2016, 1, 4),
        end=dt.date(2016, 3, 28),
        proposal_status=ProposalStatus.PREFERRED_OPTION,
        published=[
            Information.PROPOSAL,
            Information.REASONS,
            Information.OPTIONS_CONSIDERED,
            Information.REASONS_FOR_REJECTION,
        ],
        responses=412,
        report_published=dt.date(2016, 4, 11),
        considered_in_decision=True,
    )
    return attrs.evolve(c, **changes)


def test_gunning_all_met() -> None:
    """Formative, reasons (with Moseley's options), 12 weeks, report before decision."""
    check = check_consultation(_consultation(), on=dt.date(2016, 5, 5), options_considered=3)
    assert check.outcome is Outcome.MET
    assert [r.rating for r in check.reasons] == [Rating.MET] * 4


@pytest.mark.parametrize(
    ("changes", "decided", "rule", "rating"),
    [
        (
            {"proposal_status": ProposalStatus.SETTLED},
            dt.date(2016, 5, 5),
            "gunning.formative-stage",
            Rating.NOT_MET,
        ),
        ({}, dt.date(2016, 3, 1), "gunning.formative-stage", Rating.NOT_MET),
        (
            {"published": [Information.PROPOSAL]},
            dt.date(2016, 5, 5),
            "gunning.sufficient-reasons",
            Rating.NOT_MET,
        ),
        (
            {"end": dt.date(2016, 2, 29)},
            dt.date(2016, 5, 5),
            "gunning.adequate-time",
            Rating.PARTLY_MET,
        ),
        (
            {"report_published": None},
            dt.date(2016, 5, 5),
            "gunning.conscientious-consideration",
            Rating.NOT_MET,
        ),
        (
            {"considered_in_decision": False},
            dt.date(2016, 5, 5),
            "gunning.conscientious-consideration",
            Rating.NOT_MET,
        ),
        ({}, dt.date(2016, 4, 1), "gunning.conscientious-consideration", Rating.NOT_MET),
    ],
)
def test_gunning_failures(
    changes: dict[str, object], decided: dt.date, rule: str, rating: Rating
) -> None:
    """Each principle fails for its own reason and names the rule."""
    check = check_consultation(_consultation(**changes), on=decided, options_considered=2)
    found = next(r for r in check.reasons if r.rule == rule)
    assert found.rating is rating


def test_shorter_consultation_is_a_policy_matter() -> None:
    """Eight weeks is partly met under the 12-week default, met under an 8-week local policy."""
    short = _consultation(end=dt.date(2016, 2, 29))
    default = check_consultation(short, on=dt.date(2016, 5, 5))
    assert "not a legal minimum" in default.reasons[2].message
    local = attrs.evolve(DEFAULT_POLICY, consultation_weeks=8)
    assert (
        check_consultation(short, on=dt.date(2016, 5, 5), policy=local).reasons[2].rating
        is Rating.MET
    )


def test_evaluate_includes_consultation_and_report_evidence() -> None:
    """A consultation's Gunning checks join the verdict, citing the response report."""
    base = _ready_decision(on=dt.date(2016, 5, 5))
    report = Evidence(
        id="report",
        kind=EvidenceKind.CONSULTATION_REPORT,
        date=dt.date(2016, 4, 11),
        what="Response report",
    )
    decision = attrs.evolve(base, consultation=_consultation(), evidence=(*base.evidence, report))
    verdict = evaluate(decision)
    conscientious = verdict.reason("gunning.conscientious-consideration")
    assert conscientious is not None
    assert conscientious.evidence == ("report",)


def test_options_gate_is_non_compensatory() -> None:
    """An unsafe option fails its gate however cheap and popular it is."""
    day = dt.date(2015, 6, 1)

    def option(ident: str, safe: Rating, cost: Rating) -> Option:
        return Option(
            id=ident,
            title=ident,
            assessments=[
                *(
                    Assessment(criterion=Criterion.ACCEPTABLE, audience=a, rating=Rating.MET)
                    for a in Audience
                ),
                Assessment(criterion=Criterion.AFFORDABLE, rating=cost),
                Assessment(criterion=Criterion.SAFE_AND_EFFECTIVE, rating=safe),
            ],
        )

    decision = Decision(
        title="Options",
        body="Board",
        on=day,
        impact=Impact(kind=ChangeKind.VARIATION),
        options=[
            option("cheap-unsafe", Rating.NOT_MET, Rating.MET),
            option("dear-safe", Rating.MET, Rating.PARTLY_MET),
            option("worse", Rating.MET, Rating.NOT_MET),
        ],
    )
    table = compare(decision)
    assert table.row("cheap-unsafe").failed == ("safe and effective",)
    assert table.row("worse").dominated_by == ("dear-safe",)
    assert table.candidates == ("dear-safe",)
    assert evaluate(decision, option="cheap-unsafe").outcome is Outcome.NOT_MET
    assert "fails: safe and effective" in str(table)
    assert "<table" in table._repr_html_()


def test_rheumatology_example() -> None:
    """Somerset's Flexible Healthcare rheumatology pathway: lay members, six-week standard."""
    decision = examples.somerset_rheumatology_decision()
    assert "six weeks" in decision.title
    assert decision.achieved_level is ParticipationLevel.COLLABORATE
    verdict = evaluate(decision)
    assert verdict.outcome is Outcome.INSUFFICIENT_EVIDENCE
    # Dated 31 December 2010: the race, disability and gender equality duties applied
    # (the issue: "an example states that no equality assessment was asked for before 2011").
    assert [r.rule for r in verdict.missing] == [
        "triangle.affordable",
        "equality.race-2001",
        "equality.disability-2006",
        "equality.gender-2007",
    ]
    assert [r.rule for r in verdict.conditions] == ["triangle.acceptable"]
    assert "no equality impact assessment is asked for" not in (
        examples.somerset_rheumatology_decision.__doc__ or ""
    )
    assert verdict.reason("proportionality.level").outcome is Outcome.MET  # type: ignore[union-attr]


def test_patient_transport_example() -> None:
    """Somerset LINk's Patient Transport Project: over 350 patient stories."""
    decision = examples.somerset_patient_transport_decision()
    stories = decision.evidence[0]
    assert stories.count == 350
    assert stories.technique == "story-telling"
    table = compare(decision)
    assert table.row("current-plans").dominated_by == ("link-recommendations",)


def test_outputs() -> None:
    """Verdicts, requirements and checks render as text, HTML, Markdown and plain data."""
    import engagekit.decisions

    from engagekit import render
    from engagekit.decisions import __all__ as names

    verdict = evaluate(examples.unproportionate_service_change())
    html = verdict._repr_html_()
    assert "<table" in html
    assert "S.I. 2013/218" in html
    assert render.markdown(verdict).startswith("## Move the community minor injuries unit")
    assert verdict.to_dict()["outcome"] == "not-met"
    assert "Regulation 23" in str(verdict)
    req = verdict.requirement
    assert "minimum participation level: Involve" in str(req)
    assert "<table" in req._repr_html_()
    assert req.to_dict()["minimum_level"] == "involve"
    check = check_consultation(_consultation(), on=dt.date(2016, 5, 5))
    assert "Gunning principles" in str(check)
    assert "<table" in check._repr_html_()
    assert check.to_dict()["outcome"] == "met"
    assert compare(examples.somerset_patient_transport_decision()).to_dict()["rows"][0]["option"]
    for name in names:
        assert getattr(engagekit.decisions, name) is not None
