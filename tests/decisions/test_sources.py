"""The rules carry the sources' own values: the four tests, the bed test, the limbs, Gunning."""

from __future__ import annotations

import datetime as dt

import pytest

from engagekit.decisions import (
    AccessEffect,
    BedCondition,
    ChangeKind,
    Criterion,
    GunningPrinciple,
    Impact,
    Limb,
    ServiceChangeTest,
    applicable_tests,
    rule,
    rules,
)
from engagekit.decisions import tests_in_force as in_force
from engagekit.sources import LegalForce


def test_the_four_tests_quote_oxfordshire_appendix_1() -> None:
    """Oxfordshire CCG strategy 2015-19, Appendix 1: 'The Secretary of State set out four
    key tests for service change within the revised Operating Framework for 2010-11 ...
    Support from GP commissioners; Strengthened public and patient engagement; Clarity on
    the clinical evidence base; Consistency with current and prospective patient choice'.
    The rules cite the framework (national policy) and keep Oxfordshire as a secondary
    source."""
    tests = [t for t in ServiceChangeTest if t is not ServiceChangeTest.BED_CLOSURES]
    titles = [t.rule_on(dt.date(2011, 5, 1)).title for t in tests]
    assert titles == [
        "Support from GP commissioners",
        "Strengthened public and patient engagement",
        "Clarity on the clinical evidence base",
        "Consistency with current and prospective patient choice",
    ]
    for test in tests:
        source = test.rule_on(dt.date(2011, 5, 1)).source
        assert source.title == "The Revised Operating Framework for the NHS in England 2010/11"
        assert source.publisher == "Department of Health"
        assert source.force is LegalForce.NATIONAL_POLICY
        secondary = test.rule_on(dt.date(2011, 5, 1)).secondary
        oxfordshire = [s for s in secondary if s.publisher.startswith("Oxfordshire")]
        assert oxfordshire[0].section == "Appendix 1: Duty to involve & statutory obligations"


def test_the_2010_wording_is_not_applied_to_ccgs_or_icbs() -> None:
    """'Support from GP commissioners' is the 2010 wording (Revised Operating Framework,
    before CCGs existed): it applies to decisions up to 31 March 2013, and later decisions
    get the clinical-commissioner wording, marked unverified in its note."""
    gp = ServiceChangeTest.GP_SUPPORT
    assert gp.rule_on(dt.date(2013, 3, 31)).id == "test.gp-support"
    assert gp.rule_on(dt.date(2013, 4, 1)).id == "test.commissioner-support"
    in_2024 = gp.rule_on(dt.date(2024, 6, 1))
    assert "GP commissioners" not in in_2024.title
    assert in_2024.source.note is not None
    assert "Not verified" in in_2024.source.note
    assert gp.applies_from == dt.date(2010, 6, 21)
    assert in_force(dt.date(2013, 4, 1))[0] is gp


def test_four_tests_apply_from_the_revised_operating_framework() -> None:
    """domain.md §3.7: Revised Operating Framework 2010/11 published 21 June 2010."""
    assert in_force(dt.date(2010, 6, 20)) == ()
    assert len(in_force(dt.date(2010, 6, 21))) == 4
    dated = rule("test.four-tests-date")
    assert dated.source.publisher == "Department of Health"
    assert [s.publisher for s in dated.secondary] == ["Lexology"]


def test_bed_closure_test_applies_from_1_april_2017() -> None:
    """domain.md §3.7: announced 3 March 2017, applies from 1 April 2017."""
    assert ServiceChangeTest.BED_CLOSURES.applies_from == dt.date(2017, 4, 1)
    assert ServiceChangeTest.BED_CLOSURES not in in_force(dt.date(2017, 3, 31))
    assert ServiceChangeTest.BED_CLOSURES in in_force(dt.date(2017, 4, 1))
    assert "3 March 2017" in rule("test.bed-closures").statement
    assert "at least one of three conditions" in rule("test.bed-closures").statement
    assert len(BedCondition) == 3
    assert BedCondition.EFFICIENCY.rule.statement.endswith("Getting It Right First Time.")


def test_bed_test_needs_bed_closures_and_the_date() -> None:
    """The bed test applies only to significant bed closures decided from 1 April 2017."""
    beds = Impact(kind=ChangeKind.CLOSURE, bed_closures=True)
    assert (
        applicable_tests(beds, dt.date(2017, 3, 31), substantial=True)
        == tuple(ServiceChangeTest)[:4]
    )
    assert ServiceChangeTest.BED_CLOSURES in applicable_tests(beds, dt.date(2018, 1, 1))
    no_beds = Impact(kind=ChangeKind.CLOSURE, access=[AccessEffect.LOCATION])
    assert ServiceChangeTest.BED_CLOSURES not in applicable_tests(no_beds, dt.date(2018, 1, 1))


def test_three_limbs_of_the_involvement_duty() -> None:
    """domain.md §3.2: (a) planning always; (b) proposals and (c) decisions on impact."""
    assert [limb.letter for limb in Limb] == ["a", "b", "c"]
    assert "always applies" in Limb.PLANNING.rule.statement
    # (b) names the impact; (c) refers back to it ("such an impact").
    assert "impact on the manner in which services are delivered" in Limb.PROPOSALS.rule.statement
    assert "would have such an impact" in Limb.DECISIONS.rule.statement
    assert Limb.PROPOSALS.rule.source.section == "s14Z2(2)(b)"


def test_triangle_criteria_cite_somerset_figure_2() -> None:
    """Somerset 2012, Figure 2: acceptable, affordable, clinically safe and effective."""
    assert [c.title for c in Criterion] == [
        "Acceptable to patients, staff and the public",
        "Affordable",
        "Clinically safe and effective",
    ]
    for criterion in Criterion:
        assert criterion.rule.source.section == "Figure 2, The decision making triangle"
        assert criterion.rule.source.date == "2012"
    assert "proportionality" in rule("triangle.proportionate").statement.lower()


def test_scrutiny_rule_says_substantial_is_undefined() -> None:
    """domain.md §3.10: reg 23 of S.I. 2013/218; 'substantial' is not defined."""
    scrutiny = rule("scrutiny.substantial-variation")
    assert scrutiny.source.section == "Regulation 23"
    assert "S.I. 2013/218" in scrutiny.source.title
    assert "do not define 'substantial'" in scrutiny.statement
    assert scrutiny.applies_from == dt.date(2013, 4, 1)


def test_gunning_principles_and_moseley() -> None:
    """domain.md §3.8: the four principles; Moseley on options considered and rejected."""
    assert [p.title for p in GunningPrinciple] == [
        "Consult at a formative stage",
        "Give sufficient reasons",
        "Allow adequate time",
        "Take the responses conscientiously into account",
    ]
    assert "Moseley" in rule("gunning.sufficient-reasons").statement
    assert "no fixed number of weeks" in rule("gunning.adequate-time").statement


def test_every_rule_cites_a_known_document() -> None:
    """Every rule resolves its citation into a whole Source."""
    assert len(rules()) >= 25
    for r in rules():
        assert r.source.title
        assert r.source.publisher


def test_unknown_rule_names_close_matches() -> None:
    """Looking up a misspelt rule suggests the right one."""
    with pytest.raises(LookupError, match=r"test\.gp-support"):
        rule("test.gp-suport")
