"""Properties of evaluate, compare and the decision types (issue 3, Acceptance)."""

from __future__ import annotations

import datetime as dt

import attrs

from hypothesis import given
from hypothesis import strategies as st

from engagekit import io
from engagekit.cycles import ParticipationLevel
from engagekit.decisions import (
    Assessment,
    Comparison,
    Consultation,
    ConsultationCheck,
    Criterion,
    Decision,
    EngagementRequirement,
    Evidence,
    EvidenceKind,
    Impact,
    Outcome,
    Policy,
    Verdict,
    check_consultation,
    compare,
    dominates,
    evaluate,
    required_engagement,
)
from engagekit.decisions import _evaluate as evaluate_module
from engagekit.ratings import Rating
from tests.strategies.decisions import (
    consultations,
    decisions,
    evidence,
    impacts,
    policies,
)


@given(decisions(), policies())
def test_evaluation_is_deterministic(decision: Decision, policy: Policy) -> None:
    """Equal inputs give equal verdicts, reasons in the same order.

    Comparing two calls in one process would pass on a shared cache whatever it held:
    the second verdict is built from empty caches. Determinism across processes and
    hash seeds is tests/robustness/test_determinism.py's.
    """
    verdict = evaluate(decision, policy=policy)
    evaluate_module._REASONS.clear()
    evaluate_module._PLANS.clear()
    assert evaluate(decision, policy=policy) == verdict
    # The evaluation builds its reasons without re-checking them: each must be what the
    # validating constructor builds from the same values.
    assert all(attrs.evolve(reason) == reason for reason in verdict.reasons)
    assert bool(verdict) is verdict.ok is verdict.outcome.ok
    copy = io.loads(io.dumps(decision), Decision)
    assert evaluate(copy, policy=policy) == evaluate(decision, policy=policy)


def _with_more_evidence(decision: Decision, extra: Evidence) -> Decision:
    extra = attrs.evolve(extra, id="extra-evidence")
    assessments = tuple(
        attrs.evolve(a, evidence=(*a.evidence, extra.id)) for a in decision.assessments
    )
    tests = tuple(attrs.evolve(t, evidence=(*t.evidence, extra.id)) for t in decision.tests)
    return attrs.evolve(
        decision,
        evidence=(*decision.evidence, extra),
        assessments=assessments,
        tests=tests,
    )


@given(st.data(), decisions(), policies())
def test_adding_evidence_never_makes_ready_insufficient(
    data: st.DataObject, decision: Decision, policy: Policy
) -> None:
    """Adding a piece of evidence (and citing it everywhere) never turns ready into insufficient."""
    before = evaluate(decision, policy=policy)
    extra = data.draw(evidence(on_or_before=decision.on))
    after = evaluate(_with_more_evidence(decision, extra), policy=policy)
    if before.outcome is Outcome.MET:
        assert after.outcome is not Outcome.INSUFFICIENT_EVIDENCE
    assert after.outcome.severity <= before.outcome.severity


@given(decisions(), policies())
def test_not_met_safety_always_gives_not_ready(decision: Decision, policy: Policy) -> None:
    """A NOT_MET safety rating is never outweighed (non-compensatory)."""
    others = tuple(
        a for a in decision.assessments if a.criterion is not Criterion.SAFE_AND_EFFECTIVE
    )
    unsafe = Assessment(criterion=Criterion.SAFE_AND_EFFECTIVE, rating=Rating.NOT_MET)
    verdict = evaluate(attrs.evolve(decision, assessments=(*others, unsafe)), policy=policy)
    assert verdict.outcome is Outcome.NOT_MET
    assert any(r.rule == "triangle.safe-and-effective" for r in verdict.failures)
    assert not verdict


@given(decisions(), policies())
def test_not_met_affordability_always_gives_not_ready(decision: Decision, policy: Policy) -> None:
    """An unaffordable decision is not ready, however cheap or safe anything else is."""
    others = tuple(a for a in decision.assessments if a.criterion is not Criterion.AFFORDABLE)
    broke = Assessment(criterion=Criterion.AFFORDABLE, rating=Rating.NOT_MET)
    verdict = evaluate(attrs.evolve(decision, assessments=(*others, broke)), policy=policy)
    assert verdict.outcome is Outcome.NOT_MET


@given(decisions(max_options=4), policies())
def test_dominated_options_are_never_better_everywhere(decision: Decision, policy: Policy) -> None:
    """An option is never better on every column than an option that dominates it."""
    if not decision.options:
        return
    table = compare(decision, policy=policy)
    rows = {r.option: r for r in table.rows}
    for row in table.rows:
        for winner in row.dominated_by:
            theirs = rows[winner].ratings
            assert dominates(theirs, row.ratings)
            assert not dominates(row.ratings, theirs)
            assert not all(
                mine.rank > other.rank for mine, other in zip(row.ratings, theirs, strict=True)
            )
        assert row.option not in row.dominated_by
    for option in table.candidates:
        assert not rows[option].failed
        assert not rows[option].dominated


@given(decisions(), policies())
def test_more_engagement_than_required_is_fine(decision: Decision, policy: Policy) -> None:
    """Engaging at Empower never fails the proportionality level."""
    empower = Evidence(
        id="empower-event",
        kind=EvidenceKind.ENGAGEMENT_ACTIVITY,
        date=decision.on,
        what="Citizens' jury with delegated budget",
        level=ParticipationLevel.EMPOWER,
    )
    verdict = evaluate(
        attrs.evolve(decision, evidence=(*decision.evidence, empower)), policy=policy
    )
    reason = verdict.reason("proportionality.level")
    assert reason is not None
    assert reason.outcome is Outcome.MET


@given(impacts(), policies())
def test_requirement_levels_follow_the_limbs(impact: Impact, policy: Policy) -> None:
    """Planning always applies; proposals and decisions only when delivery changes."""
    req = required_engagement(impact, policy=policy)
    assert req.limbs[0].value == "planning"
    assert (len(req.limbs) == 3) == impact.affects_delivery
    if not impact.affects_delivery:
        assert req.minimum_level is policy.level_planning
        assert not req.substantial
    if req.formal_consultation or req.scrutiny_consultation:
        assert req.substantial


# --- round trips -----------------------------------------------------------------------


@given(decisions())
def test_decision_round_trips(decision: Decision) -> None:
    """A Decision (and everything in it) dumps and loads back equal."""
    assert io.loads(io.dumps(decision), Decision) == decision
    assert io.from_dict(io.to_dict(decision), Decision) == decision


@given(decisions(), policies())
def test_results_round_trip(decision: Decision, policy: Policy) -> None:
    """Verdict, EngagementRequirement and Comparison round-trip through engagekit.io."""
    verdict = evaluate(decision, policy=policy)
    assert io.loads(io.dumps(verdict), Verdict) == verdict
    assert io.loads(io.dumps(verdict.requirement), EngagementRequirement) == verdict.requirement
    if decision.options:
        table = compare(decision, policy=policy)
        assert io.loads(io.dumps(table), Comparison) == table


@given(policies())
def test_policy_round_trips(policy: Policy) -> None:
    """A Policy round-trips, so a local policy can live in a file."""
    assert io.loads(io.dumps(policy), Policy) == policy


@given(consultations(), st.dates(min_value=dt.date(2008, 1, 1), max_value=dt.date(2027, 1, 1)))
def test_consultation_check_round_trips(consultation: Consultation, day: dt.date) -> None:
    """Consultation and ConsultationCheck round-trip; the check has one reason per principle."""
    assert io.loads(io.dumps(consultation), Consultation) == consultation
    check = check_consultation(consultation, on=day)
    assert len(check.reasons) == 4
    assert io.loads(io.dumps(check), ConsultationCheck) == check
