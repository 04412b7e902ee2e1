"""What a `Decision` shows and refuses, read whole (mutation testing's survivors).

The built-in examples are Somerset LINk's Patient Transport Project (1 January 2012,
two pieces of evidence, five assessments, two options) and the worked relocation of a
community minor injuries unit (14 March 2019, six pieces of evidence and the four
service-change tests).
"""

from __future__ import annotations

import datetime as dt
import re

import attrs
import pytest

from engagekit import examples
from engagekit.decisions import (
    Audience,
    Criterion,
    Decision,
    Evidence,
    EvidenceKind,
    Impact,
    ServiceChangeTest,
    TestAssessment,
    evaluate,
)
from engagekit.errors import (
    InvalidTypeError,
    InvalidValueError,
    UnknownChoiceError,
    UnknownNameError,
)
from engagekit.ratings import Rating


class TestRepr:
    def test_the_transport_decision(self) -> None:
        assert repr(examples.somerset_patient_transport_decision()) == (
            "<Decision 'Develop patient transport services across Somerset' on 2012-01-01 "
            "with 2 evidence, 5 assessments and 2 options>"
        )

    def test_the_relocation(self) -> None:
        assert repr(examples.unproportionate_service_change()) == (
            "<Decision 'Move the community minor injuries unit to the district hospital' "
            "on 2019-03-14 with 6 evidence, 5 assessments and 0 options>"
        )

    def test_a_long_title_is_cut_to_80_characters_with_an_ellipsis(self) -> None:
        title = (
            "Rheumatology pathway: see possible inflammatory arthritis within six weeks "
            "of referral, in every locality"
        )
        decision = Decision(
            title=title,
            body="Governing Body",
            on=dt.date(2010, 12, 31),
            impact=Impact(kind="new service"),
        )
        assert repr(decision) == (
            "<Decision 'Rheumatology pathway: see possible inflammatory arthritis within six "
            "weeks of r…' on 2010-12-31 with 0 evidence, 0 assessments and 0 options>"
        )


class TestLookups:
    def test_an_assessment_by_criterion_and_audience_as_text(self) -> None:
        decision = examples.somerset_patient_transport_decision()
        staff = decision.assessment("acceptable", "staff")
        public = decision.assessment(Criterion.ACCEPTABLE, Audience.PUBLIC)
        affordable = decision.assessment("affordable")
        assert staff is not None
        assert (staff.audience, staff.rating) == (Audience.STAFF, Rating.UNKNOWN)
        assert public is not None
        assert (public.rating, public.evidence) == (Rating.MET, ("link-recommendations",))
        assert affordable is not None
        assert (affordable.criterion, affordable.audience) == (Criterion.AFFORDABLE, None)

    def test_no_assessment_of_an_unjudged_audience(self) -> None:
        decision = examples.unproportionate_service_change()
        assert decision.assessment("acceptable", "patients") is not None
        assert decision.assessment("safe and effective", "staff") is None

    def test_a_test_by_its_value_or_alias(self) -> None:
        decision = examples.unproportionate_service_change()
        engagement = decision.test("public and patient engagement")
        choice = decision.test("patient-choice")
        assert engagement is not None
        assert (engagement.test, engagement.rating) == (
            ServiceChangeTest.ENGAGEMENT,
            Rating.NOT_MET,
        )
        assert choice is not None
        assert choice.notes == "one site instead of two"
        assert decision.test(ServiceChangeTest.GP_SUPPORT) is decision.tests[0]
        assert decision.test("bed closures") is None

    def test_an_unknown_test_is_named_as_the_argument(self) -> None:
        decision = examples.unproportionate_service_change()
        with pytest.raises(UnknownChoiceError) as exc:
            decision.test("four tests")
        assert str(exc.value) == (
            "test: 'four tests' is not allowed; allowed: 'gp-support', 'engagement', "
            "'evidence-base', 'patient-choice', 'bed-closures'"
        )

    def test_a_test_that_is_not_text(self) -> None:
        decision = examples.unproportionate_service_change()
        with pytest.raises(InvalidTypeError) as exc:
            decision.test(4)  # type: ignore[arg-type]
        assert (
            str(exc.value) == "test: got int 4; expected a ServiceChangeTest or its value as text"
        )

    def test_evidence_of_a_kind_by_its_value(self) -> None:
        decision = examples.unproportionate_service_change()
        engagement = decision.evidence_of("engagement activity")
        assert [e.id for e in engagement] == ["leaflet", "staff-briefing"]
        assert [e.id for e in decision.evidence_of(EvidenceKind.CLINICAL_EVIDENCE)] == [
            "clinical-review"
        ]
        assert decision.evidence_of("survey") == ()

    def test_an_unknown_evidence_kind_is_named_as_the_argument(self) -> None:
        decision = examples.unproportionate_service_change()
        with pytest.raises(
            UnknownChoiceError, match=r"^kind: 'leaflets' is not allowed; allowed: "
        ):
            decision.evidence_of("leaflets")

    def test_an_unknown_option(self) -> None:
        decision = examples.somerset_patient_transport_decision()
        assert decision.option("current-plans").id == "current-plans"
        with pytest.raises(UnknownNameError) as exc:
            decision.option("do-nothing")
        assert str(exc.value) == (
            "unknown option 'do-nothing'; known: 'link-recommendations', 'current-plans'"
        )

    def test_an_option_of_a_decision_without_options_says_there_are_none(self) -> None:
        """It said only "unknown option 'do-nothing'", as if a list had been left out."""
        decision = examples.somerset_rheumatology_decision()
        assert decision.options == ()
        message = "unknown option 'do-nothing' of this decision, which lists no options"
        with pytest.raises(UnknownNameError, match=f"^{re.escape(message)}$"):
            decision.option("do-nothing")
        with pytest.raises(UnknownNameError, match=f"^{re.escape(message)}$"):
            evaluate(decision, option="do-nothing")


class TestRefusals:
    def test_a_test_citing_evidence_the_decision_lacks(self) -> None:
        decision = examples.unproportionate_service_change()
        minutes = TestAssessment(test="engagement", rating="met", evidence=["minutes"])
        with pytest.raises(InvalidValueError) as exc:
            attrs.evolve(decision, tests=[decision.tests[0], minutes])
        assert str(exc.value) == (
            "Decision.tests[1].evidence: 'minutes' is not allowed: no evidence with this id "
            "in Decision.evidence; allowed: 'business-case', 'clinical-review', 'eia', "
            "'gp-letter', 'leaflet', 'staff-briefing'"
        )

    def test_an_assessment_citing_evidence_the_decision_lacks(self) -> None:
        decision = examples.somerset_patient_transport_decision()
        stories = attrs.evolve(decision.assessments[0], evidence=["stories"])
        with pytest.raises(InvalidValueError) as exc:
            attrs.evolve(decision, assessments=[stories])
        assert str(exc.value) == (
            "Decision.assessments[0].evidence: 'stories' is not allowed: no evidence with "
            "this id in Decision.evidence; allowed: 'link-recommendations', 'patient-stories' "
            "(did you mean 'patient-stories'?)"
        )

    def test_an_option_citing_evidence_the_decision_lacks(self) -> None:
        decision = examples.somerset_patient_transport_decision()
        current = decision.options[1]
        wrong = attrs.evolve(current.assessments[1], evidence=["recommendations"])
        changed = attrs.evolve(current, assessments=[current.assessments[0], wrong])
        with pytest.raises(InvalidValueError) as exc:
            attrs.evolve(decision, options=[decision.options[0], changed])
        assert str(exc.value).startswith(
            "Decision.options[1].assessments[1].evidence: 'recommendations' is not allowed: "
            "no evidence with this id in Decision.evidence; allowed: 'link-recommendations', "
            "'patient-stories'"
        )

    def test_evidence_dated_after_the_decision(self) -> None:
        decision = examples.somerset_patient_transport_decision()
        late = Evidence(id="survey", kind="survey", date=dt.date(2012, 1, 2), what="A survey")
        with pytest.raises(InvalidValueError) as exc:
            attrs.evolve(decision, evidence=[*decision.evidence, late])
        assert str(exc.value) == (
            "Decision.evidence[2].date: '2012-01-02' is not allowed: evidence 'survey' is "
            "dated after the decision it supports (2012-01-01)"
        )

    def test_a_test_judged_twice(self) -> None:
        decision = examples.unproportionate_service_change()
        again = TestAssessment(test="engagement", rating="met", evidence=["leaflet"])
        with pytest.raises(
            InvalidValueError,
            match=re.escape(
                "Decision.tests[4]: 'engagement' is not allowed: duplicate service-change test "
                "assessment (first at [1])"
            )
            + "$",
        ):
            attrs.evolve(decision, tests=[*decision.tests, again])

    def test_a_test_that_is_not_an_assessment(self) -> None:
        decision = examples.unproportionate_service_change()
        with pytest.raises(InvalidTypeError) as exc:
            attrs.evolve(decision, tests=[decision.tests[0], "engagement"])
        assert (
            str(exc.value) == "Decision.tests[1]: got str 'engagement'; expected a TestAssessment"
        )
