"""The service-change tests' rules, conditions and refusals, read whole (mutation testing).

The four tests apply from 21 June 2010 and the bed-closure test from 1 April 2017; the
first test's wording changed on 1 April 2013, from GP commissioners to clinical
commissioners.
"""

from __future__ import annotations

import pytest

from engagekit.decisions import (
    BedCondition,
    Impact,
    ServiceChangeTest,
    TestAssessment,
    applicable_tests,
)
from engagekit.decisions import (
    tests_in_force as in_force,
)
from engagekit.errors import InvalidTypeError, InvalidValueError


_FOUR = (
    ServiceChangeTest.GP_SUPPORT,
    ServiceChangeTest.ENGAGEMENT,
    ServiceChangeTest.EVIDENCE_BASE,
    ServiceChangeTest.PATIENT_CHOICE,
)


class TestRules:
    def test_each_tests_rules_newest_first(self) -> None:
        assert {t.value: [r.id for r in t.rules] for t in ServiceChangeTest} == {
            "gp-support": ["test.commissioner-support", "test.gp-support"],
            "engagement": ["test.engagement"],
            "evidence-base": ["test.evidence-base"],
            "patient-choice": ["test.patient-choice"],
            "bed-closures": ["test.bed-closures"],
        }

    def test_the_wording_of_the_day(self) -> None:
        assert ServiceChangeTest.GP_SUPPORT.rule_on("2012-03-31").id == "test.gp-support"
        assert ServiceChangeTest.GP_SUPPORT.rule_on("2013-04-01").id == "test.commissioner-support"

    def test_the_newest_wording_before_a_test_applied(self) -> None:
        assert ServiceChangeTest.BED_CLOSURES.rule_on("2016-01-01").id == "test.bed-closures"
        assert ServiceChangeTest.GP_SUPPORT.rule_on("2009-01-01").id == "test.commissioner-support"

    def test_a_day_that_is_not_iso_text(self) -> None:
        with pytest.raises(InvalidValueError) as exc:
            ServiceChangeTest.ENGAGEMENT.rule_on("1 April 2017")
        assert str(exc.value) == "on: '1 April 2017' is not allowed: must be a date, YYYY-MM-DD"

    def test_in_force_on_a_day_that_does_not_exist(self) -> None:
        with pytest.raises(InvalidValueError) as exc:
            in_force("2017-02-30")
        assert str(exc.value) == (
            "on: '2017-02-30' is not allowed: must be a real date (day is out of range for month)"
        )


class TestConditions:
    def test_a_lone_condition_is_not_a_list(self) -> None:
        with pytest.raises(InvalidTypeError) as exc:
            TestAssessment(test="bed closures", rating="met", conditions="efficiency")
        assert str(exc.value) == "TestAssessment.conditions: got str 'efficiency'; expected a list"

    def test_only_the_bed_closure_test_has_conditions(self) -> None:
        with pytest.raises(InvalidValueError) as exc:
            TestAssessment(
                test="engagement", rating="met", conditions=["efficiency", "new treatments"]
            )
        assert str(exc.value) == (
            "TestAssessment.conditions: ['new-treatments', 'efficiency'] is not allowed: only "
            "the bed-closure test has conditions, not 'engagement'"
        )

    def test_the_bed_closure_test_is_met_only_with_a_condition(self) -> None:
        with pytest.raises(InvalidValueError) as exc:
            TestAssessment(test="bed closures", rating="met")
        assert str(exc.value) == (
            "TestAssessment.conditions: [] is not allowed: the bed-closure test is met only by "
            "naming one or more of its conditions; allowed: 'alternative-provision', "
            "'new-treatments', 'efficiency'"
        )

    def test_a_bed_closure_test_not_met_needs_none(self) -> None:
        assessment = TestAssessment(test="bed closures", rating="not met")
        assert assessment.conditions == ()
        met = TestAssessment(test="bed closures", rating="met", conditions=["efficiency"])
        assert met.conditions == (BedCondition.EFFICIENCY,)


class TestApplicable:
    def test_any_change_to_delivery_by_default(self) -> None:
        """Not substantial (a relocation with no effect on access), yet a reconfiguration."""
        assert applicable_tests(Impact(kind="relocation"), "2019-03-14") == _FOUR

    def test_only_a_substantial_change_when_asked(self) -> None:
        relocation = Impact(kind="relocation")
        assert applicable_tests(relocation, "2019-03-14", only_when_substantial=True) == ()
        assert (
            applicable_tests(relocation, "2019-03-14", only_when_substantial=True, substantial=True)
            == _FOUR
        )

    def test_the_bed_closure_test_only_for_bed_closures(self) -> None:
        beds = Impact(kind="variation", bed_closures=True, delivery_changes=False)
        assert applicable_tests(beds, "2018-01-10") == (ServiceChangeTest.BED_CLOSURES,)
        assert applicable_tests(beds, "2017-03-31") == ()

    def test_an_impact_that_is_not_an_impact(self) -> None:
        with pytest.raises(InvalidTypeError) as exc:
            applicable_tests("closure", "2018-01-10")  # type: ignore[arg-type]
        assert str(exc.value) == "impact: got str 'closure'; expected an Impact"
