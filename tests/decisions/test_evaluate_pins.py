"""What `evaluate` decides at its edges, each pinned both ways (mutation testing's survivors).

The built-in examples are Somerset LINk's Patient Transport Project (dated 1 January
2012, engagement at Consult, options from the case study) and the worked relocation of a
community minor injuries unit (14 March 2019, a substantial change informed by leaflet).
"""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from engagekit import examples
from engagekit.cycles import ParticipationLevel
from engagekit.decisions import (
    DEFAULT_POLICY,
    Audience,
    Consultation,
    Criterion,
    Decision,
    Evidence,
    EvidenceKind,
    Information,
    Outcome,
    ProposalStatus,
    ServiceChangeTest,
    TestAssessment,
    evaluate,
)
from engagekit.decisions import _evaluate as evaluate_module
from engagekit.errors import InvalidTypeError, UnknownNameError
from engagekit.ratings import Rating


def _triangle(verdict: object) -> list[tuple[str, Audience | None, Rating]]:
    reasons = getattr(verdict, "reasons", ())
    return [(r.rule, r.audience, r.rating) for r in reasons if r.rule.startswith("triangle.")]


class TestOption:
    def test_an_option_is_judged_on_its_own_assessments(self) -> None:
        """'current-plans' is partly acceptable to patients and public; the proposal is met."""
        decision = examples.somerset_patient_transport_decision()
        proposal = evaluate(decision)
        current = evaluate(decision, option="current-plans")
        assert proposal.option is None
        assert current.option == "current-plans"
        assert _triangle(proposal)[:3:2] == [
            ("triangle.acceptable", Audience.PATIENTS, Rating.MET),
            ("triangle.acceptable", Audience.PUBLIC, Rating.MET),
        ]
        assert _triangle(current)[:3:2] == [
            ("triangle.acceptable", Audience.PATIENTS, Rating.PARTLY_MET),
            ("triangle.acceptable", Audience.PUBLIC, Rating.PARTLY_MET),
        ]
        assert [r.outcome for r in current.reasons[:3:2]] == [Outcome.PARTLY_MET] * 2

    def test_the_recommended_option_matches_the_proposal(self) -> None:
        """The LINk's recommendations are the proposal: the same triangle ratings."""
        decision = examples.somerset_patient_transport_decision()
        linked = evaluate(decision, option="link-recommendations")
        assert _triangle(linked) == _triangle(evaluate(decision))
        assert linked.outcome is Outcome.INSUFFICIENT_EVIDENCE

    def test_an_unknown_option_is_named(self) -> None:
        decision = examples.somerset_patient_transport_decision()
        with pytest.raises(UnknownNameError, match="no-such-option"):
            evaluate(decision, option="no-such-option")


class TestFormalConsultation:
    def test_substantial_change_without_consultation_is_not_ready(self) -> None:
        """The relocation needs formal consultation and has none."""
        verdict = evaluate(examples.unproportionate_service_change())
        assert verdict.requirement.formal_consultation
        reason = verdict.reason("proportionality.consultation")
        assert reason is not None
        assert (reason.outcome, reason.rating) == (Outcome.NOT_MET, Rating.NOT_MET)
        assert reason.message == (
            "a substantial change, and no formal public consultation was held"
        )
        assert reason.missing == ("a formal public consultation",)
        assert reason.title == "Formal consultation for significant change"

    def test_substantial_change_with_consultation_meets_the_rule(self) -> None:
        """The same relocation with a twelve-week consultation on record meets it."""
        decision = examples.unproportionate_service_change()
        consultation = _TWELVE_WEEKS
        report = Evidence(
            id="response-report",
            kind=EvidenceKind.CONSULTATION_REPORT,
            date=dt.date(2019, 2, 14),
            what="Consultation response report",
        )
        verdict = evaluate(
            attrs.evolve(decision, consultation=consultation, evidence=(*decision.evidence, report))
        )
        gunning = [(r.rule, r.evidence) for r in verdict.reasons if r.rule.startswith("gunning.")]
        assert gunning == [
            ("gunning.formative-stage", ()),
            ("gunning.sufficient-reasons", ()),
            ("gunning.adequate-time", ()),
            ("gunning.conscientious-consideration", ("response-report",)),
        ]
        reason = verdict.reason("proportionality.consultation")
        assert reason is not None
        assert (reason.outcome, reason.rating) == (Outcome.MET, Rating.MET)
        assert reason.message == "a formal public consultation was held"
        assert reason.missing == ()
        assert verdict.reason("gunning.formative-stage") is not None

    def test_no_consultation_rule_when_none_is_expected(self) -> None:
        """Patient transport is not substantial: no formal-consultation reason at all."""
        verdict = evaluate(examples.somerset_patient_transport_decision())
        assert not verdict.requirement.formal_consultation
        assert verdict.reason("proportionality.consultation") is None


class TestEngagementLevel:
    def test_exactly_the_minimum_level_is_proportionate(self) -> None:
        """Patient transport reached Consult, the level it needs: met, citing that engagement."""
        verdict = evaluate(examples.somerset_patient_transport_decision())
        assert verdict.requirement.minimum_level is ParticipationLevel.CONSULT
        assert verdict.achieved_level is ParticipationLevel.CONSULT
        level = verdict.reason("proportionality.level")
        assert level is not None
        assert (level.outcome, level.rating) == (Outcome.MET, Rating.MET)
        assert level.message == "engagement reached Consult; the change needs at least Consult"
        assert level.evidence == ("patient-stories", "link-recommendations")
        assert level.missing == ()
        assert level.title == "Proportionate engagement"

    def test_one_level_below_is_not(self) -> None:
        """The relocation reached Consult and needs Involve: not met, citing every level seen."""
        verdict = evaluate(examples.unproportionate_service_change())
        level = verdict.reason("proportionality.level")
        assert level is not None
        assert (level.outcome, level.rating) == (Outcome.NOT_MET, Rating.NOT_MET)
        assert level.message == "engagement reached Consult; the change needs at least Involve"
        assert level.evidence == ("leaflet", "staff-briefing")
        assert level.title == "Proportionate engagement"

    def test_no_engagement_on_record(self) -> None:
        """Without any engagement evidence the level reason says so."""
        decision = examples.unproportionate_service_change()
        unlevelled = tuple(attrs.evolve(e, level=None) for e in decision.evidence)
        verdict = evaluate(attrs.evolve(decision, evidence=unlevelled))
        level = verdict.reason("proportionality.level")
        assert level is not None
        assert level.outcome is Outcome.NOT_MET
        assert level.message == "no engagement on record; the change needs at least Involve"
        assert level.evidence == ()
        assert level.missing == ("engagement at the Involve level or above",)


class TestEvidenceRules:
    def test_scrutiny_and_equality_messages(self) -> None:
        """Scrutiny missing blocks; the equality impact assessment on record meets s149(1)."""
        verdict = evaluate(examples.unproportionate_service_change())
        scrutiny = verdict.reason("scrutiny.substantial-variation")
        assert scrutiny is not None
        assert (scrutiny.outcome, scrutiny.rating) == (Outcome.NOT_MET, Rating.NOT_MET)
        assert scrutiny.missing == (
            "a record of consulting the local authority's health scrutiny committee",
        )
        equality = verdict.reason("equality.due-regard")
        assert equality is not None
        assert (equality.outcome, equality.rating) == (Outcome.MET, Rating.MET)
        assert equality.evidence == ("eia",)
        assert equality.message == (
            "an equality impact assessment is on record as the record of due regard "
            "(s149(1) requires due regard to equality, not an assessment)"
        )

    def test_missing_equality_assessment_is_insufficient_evidence(self) -> None:
        """Patient transport has no equality impact assessment: insufficient, rated unknown."""
        verdict = evaluate(examples.somerset_patient_transport_decision())
        equality = verdict.reason("equality.due-regard")
        assert equality is not None
        assert (equality.outcome, equality.rating) == (
            Outcome.INSUFFICIENT_EVIDENCE,
            Rating.UNKNOWN,
        )
        assert equality.message.startswith("no equality impact assessment on record: s149(1)")
        assert equality.missing == (
            "a record of due regard to equality (an equality impact assessment)",
        )

    @pytest.mark.parametrize(
        ("added", "rule", "message"),
        [
            # An Involve activity meets the relocation's level and is the only evidence cited.
            (
                Evidence(
                    id="co-design-panel",
                    kind=EvidenceKind.ENGAGEMENT_ACTIVITY,
                    date=dt.date(2019, 1, 10),
                    what="Patient panel",
                    level=ParticipationLevel.INVOLVE,
                ),
                "proportionality.level",
                "engagement reached Involve; the change needs at least Involve",
            ),
            # A record of consulting scrutiny meets the scrutiny rule.
            (
                Evidence(
                    id="hosc-letter",
                    kind=EvidenceKind.SCRUTINY_CONSULTATION,
                    date=dt.date(2019, 2, 1),
                    what="Letter to the health scrutiny committee",
                ),
                "scrutiny.substantial-variation",
                "the health scrutiny committee was consulted",
            ),
        ],
        ids=["engagement-at-the-level", "scrutiny-consulted"],
    )
    def test_added_evidence_meets_the_rule_and_alone_is_cited(
        self, added: Evidence, rule: str, message: str
    ) -> None:
        """The relocation falls short on both rules; one record of the missing kind meets each."""
        decision = examples.unproportionate_service_change()
        verdict = evaluate(attrs.evolve(decision, evidence=(*decision.evidence, added)))
        reason = verdict.reason(rule)
        assert reason is not None
        assert reason.outcome is Outcome.MET
        assert reason.message == message
        assert reason.evidence == (added.id,)


class TestJudgements:
    def test_messages_for_each_rating(self) -> None:
        """The relocation's reasons carry their ratings' words and notes."""
        verdict = evaluate(examples.unproportionate_service_change())
        by_rule = {(r.rule, r.audience): r for r in verdict.reasons}
        patients = by_rule["triangle.acceptable", Audience.PATIENTS]
        assert patients.message == "rated unknown (patients were told, not asked)"
        assert patients.missing == ("evidence to judge: acceptable to patients",)
        assert patients.title == "Acceptable to patients"
        assert by_rule["test.engagement", None].message == (
            "not met (information only); nothing else can make up for it"
        )
        choice = by_rule["test.patient-choice", None]
        assert (choice.outcome, choice.message) == (
            Outcome.PARTLY_MET,
            "partly met (one site instead of two)",
        )
        assert by_rule["triangle.affordable", None].message == "met"

    def test_unassessed_and_unevidenced_wording(self) -> None:
        """Dropping the affordability assessment, or its evidence, says what is missing."""
        decision = examples.unproportionate_service_change()
        kept = tuple(a for a in decision.assessments if a.criterion is not Criterion.AFFORDABLE)
        verdict = evaluate(attrs.evolve(decision, assessments=kept))
        affordable = verdict.reason("triangle.affordable")
        assert affordable is not None
        assert affordable.outcome is Outcome.INSUFFICIENT_EVIDENCE
        assert affordable.message == "not assessed: Affordable"
        assert affordable.missing == ("an assessment: affordable",)
        bare = tuple(
            attrs.evolve(a, evidence=()) if a.criterion is Criterion.AFFORDABLE else a
            for a in decision.assessments
        )
        verdict = evaluate(attrs.evolve(decision, assessments=bare))
        affordable = verdict.reason("triangle.affordable")
        assert affordable is not None
        assert affordable.message == "rated met but rests on no evidence"
        assert affordable.missing == ("evidence behind: affordable",)

    def test_blocked_partly_met_wording(self) -> None:
        """A policy that does not accept 'partly met' for patient choice says so."""
        strict = attrs.evolve(DEFAULT_POLICY, partly_met_blocks=[Criterion.ACCEPTABLE])
        decision = examples.somerset_patient_transport_decision()
        verdict = evaluate(decision, option="current-plans", policy=strict)
        patients = verdict.reasons[0]
        assert patients.outcome is Outcome.NOT_MET
        assert patients.message.endswith("; the policy does not accept partly met here")

    def test_service_change_tests_are_judged_on_their_assessments(self) -> None:
        """The relocation's four test assessments give four reasons naming their test."""
        verdict = evaluate(examples.unproportionate_service_change())
        tests = [(r.rule, r.test, r.outcome, r.evidence) for r in verdict.reasons if r.test]
        assert tests == [
            (
                "test.commissioner-support",
                ServiceChangeTest.GP_SUPPORT,
                Outcome.MET,
                ("gp-letter",),
            ),
            ("test.engagement", ServiceChangeTest.ENGAGEMENT, Outcome.NOT_MET, ("leaflet",)),
            (
                "test.evidence-base",
                ServiceChangeTest.EVIDENCE_BASE,
                Outcome.MET,
                ("clinical-review",),
            ),
            (
                "test.patient-choice",
                ServiceChangeTest.PATIENT_CHOICE,
                Outcome.PARTLY_MET,
                ("clinical-review",),
            ),
        ]

    def test_a_test_resting_on_no_evidence(self) -> None:
        """GP support with its letter removed is insufficient, unless the policy waives evidence."""
        decision = examples.unproportionate_service_change()
        bare = tuple(
            attrs.evolve(t, evidence=()) if t.test is ServiceChangeTest.GP_SUPPORT else t
            for t in decision.tests
        )
        unevidenced = attrs.evolve(decision, tests=bare)
        support = evaluate(unevidenced).reason("test.commissioner-support")
        assert support is not None
        assert support.outcome is Outcome.INSUFFICIENT_EVIDENCE
        assert support.message == "rated met but rests on no evidence"
        relaxed = attrs.evolve(DEFAULT_POLICY, require_evidence=False)
        support = evaluate(unevidenced, policy=relaxed).reason("test.commissioner-support")
        assert support is not None
        assert support.outcome is Outcome.MET

    def test_wrong_types_are_named(self) -> None:
        decision = examples.unproportionate_service_change()
        with pytest.raises(InvalidTypeError, match="decision"):
            evaluate("decision.toml")  # type: ignore[arg-type]
        with pytest.raises(InvalidTypeError, match="policy"):
            evaluate(decision, policy="strict")  # type: ignore[arg-type]

    def test_cached_reasons_equal_freshly_built_ones(self) -> None:
        """Reasons shared from the cache equal those built from an empty cache."""
        decision = examples.unproportionate_service_change()
        cached = evaluate(decision)
        evaluate_module._REASONS.clear()
        evaluate_module._PLANS.clear()
        fresh = evaluate(decision)
        assert fresh == cached
        assert fresh.to_dict() == cached.to_dict()


class TestWholeMessages:
    def test_wrong_types_say_what_was_expected(self) -> None:
        decision = examples.unproportionate_service_change()
        with pytest.raises(InvalidTypeError, match=r"^decision: got str 'x'; expected a Decision$"):
            evaluate("x")  # type: ignore[arg-type]
        with pytest.raises(
            InvalidTypeError, match=r"^policy: got str 'strict'; expected a Policy$"
        ):
            evaluate(decision, policy="strict")  # type: ignore[arg-type]

    def test_missing_scrutiny_and_equality_messages_in_full(self) -> None:
        scrutiny = evaluate(examples.unproportionate_service_change()).reason(
            "scrutiny.substantial-variation"
        )
        assert scrutiny is not None
        assert scrutiny.message == (
            "a substantial change, and no record of consulting the health scrutiny committee"
        )
        equality = evaluate(examples.somerset_patient_transport_decision()).reason(
            "equality.due-regard"
        )
        assert equality is not None
        assert equality.message == (
            "no equality impact assessment on record: s149(1) requires due regard to "
            "equality, not an equality impact assessment; the policy asks for one as the "
            "record of that regard"
        )


class TestPolicyReachesEveryPart:
    def test_the_verdict_names_its_policy(self) -> None:
        decision = examples.somerset_patient_transport_decision()
        assert evaluate(decision).policy == "engagekit default"
        named = attrs.evolve(DEFAULT_POLICY, name="no equality assessment")
        assert evaluate(decision, policy=named).policy == "no equality assessment"

    def test_the_requirement_follows_the_policy(self) -> None:
        """Without an assessment asked for service changes, patient transport has no equality rule."""
        decision = examples.somerset_patient_transport_decision()
        assert evaluate(decision).reason("equality.due-regard") is not None
        relaxed = attrs.evolve(DEFAULT_POLICY, eia_for_service_change=False)
        verdict = evaluate(decision, policy=relaxed)
        assert not verdict.requirement.equality_impact_assessment
        assert [r.rule for r in verdict.reasons] == [
            "triangle.acceptable",
            "triangle.acceptable",
            "triangle.acceptable",
            "triangle.affordable",
            "triangle.safe-and-effective",
            "proportionality.level",
        ]

    def test_the_consultation_is_judged_under_the_policy(self) -> None:
        """The relocation's twelve-week consultation falls short of a 13-week policy."""
        decision = attrs.evolve(
            examples.unproportionate_service_change(), consultation=_TWELVE_WEEKS
        )
        longer = attrs.evolve(DEFAULT_POLICY, consultation_weeks=13)
        time = evaluate(decision, policy=longer).reason("gunning.adequate-time")
        assert time is not None
        assert time.outcome is Outcome.PARTLY_MET
        assert time.message == (
            "ran 12 weeks, shorter than the policy default of 13 (a planning default, not a "
            "legal minimum): record why the time was adequate"
        )

    @pytest.mark.parametrize(
        ("decision", "outcome", "message"),
        [
            # No options: only the proposal and its reasons need publishing.
            (
                examples.unproportionate_service_change(),
                Outcome.MET,
                "published proposal, reasons",
            ),
            # Two options: the options and why the others were rejected too.
            (
                examples.somerset_patient_transport_decision(),
                Outcome.NOT_MET,
                "not published: options considered, reasons for rejection",
            ),
        ],
        ids=["no-options", "two-options"],
    )
    def test_the_options_considered_decide_what_must_be_published(
        self, decision: Decision, outcome: Outcome, message: str
    ) -> None:
        consulted = attrs.evolve(decision, consultation=_TWELVE_WEEKS)
        reasons = evaluate(consulted).reason("gunning.sufficient-reasons")
        assert reasons is not None
        assert (reasons.outcome, reasons.message) == (outcome, message)


_TWELVE_WEEKS = Consultation(
    start=dt.date(2018, 11, 1),
    end=dt.date(2019, 1, 24),
    proposal_status=ProposalStatus.PREFERRED_OPTION,
    published=[Information.PROPOSAL, Information.REASONS],
    report_published=dt.date(2019, 2, 14),
    considered_in_decision=True,
)


def test_the_rules_in_force_on_the_decisions_date_are_cited() -> None:
    """The relocation moved back to 16 March 2010: the 2002 scrutiny Regulations and the
    race, disability and gender duties apply, and no service-change test is in force yet."""
    decision = examples.unproportionate_service_change()
    back = dt.timedelta(days=9 * 365)
    earlier = attrs.evolve(
        decision,
        on=decision.on - back,
        evidence=tuple(attrs.evolve(e, date=e.date - back) for e in decision.evidence),
    )
    verdict = evaluate(earlier)
    assert earlier.on == dt.date(2010, 3, 16)
    assert [r.rule for r in verdict.reasons][5:] == [
        "proportionality.level",
        "proportionality.consultation",
        "scrutiny.substantial-variation-2002",
        "equality.race-2001",
        "equality.disability-2006",
        "equality.gender-2007",
    ]
    scrutiny = verdict.reason("scrutiny.substantial-variation-2002")
    assert scrutiny is not None
    assert scrutiny.outcome is Outcome.NOT_MET


def test_the_bed_closure_conditions_met_follow_the_judgement() -> None:
    """The relocation closing beds, its bed-closure test met on two of the three conditions."""
    decision = examples.unproportionate_service_change()
    beds = TestAssessment(
        test="bed-closures",
        rating="met",
        conditions=["alternative provision", "efficiency"],
        evidence=("clinical-review",),
    )
    closing = attrs.evolve(
        decision,
        impact=attrs.evolve(decision.impact, bed_closures=True),
        tests=(*decision.tests, beds),
    )
    reason = evaluate(closing).reason("test.bed-closures")
    assert reason is not None
    assert reason.outcome is Outcome.MET
    assert reason.message == (
        "met; conditions met: sufficient alternative provision, a credible plan to use beds better"
    )


def test_two_judgements_differing_only_in_conditions_keep_their_own_words() -> None:
    """Reasons are shared between verdicts by what fixes them; the conditions met are
    part of that, so a second decision meeting other conditions is not given the
    first one's words."""
    decision = examples.unproportionate_service_change()

    def closing(*conditions: str) -> Decision:
        beds = TestAssessment(
            test="bed-closures",
            rating="met",
            conditions=list(conditions),
            evidence=("clinical-review",),
        )
        return attrs.evolve(
            decision,
            impact=attrs.evolve(decision.impact, bed_closures=True),
            tests=(*decision.tests, beds),
        )

    first = evaluate(closing("alternative provision")).reason("test.bed-closures")
    second = evaluate(closing("efficiency")).reason("test.bed-closures")
    assert first is not None
    assert second is not None
    assert first.message == "met; conditions met: sufficient alternative provision"
    assert second.message == "met; conditions met: a credible plan to use beds better"
