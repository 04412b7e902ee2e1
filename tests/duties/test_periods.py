"""The NHS Constitution and individual-participation duties, and the law of each period."""

from __future__ import annotations

import datetime as dt

import pytest

from engagekit.duties import (
    BodyType,
    commissioner_on,
    duties_for,
    involvement_duty,
    registry,
)
from engagekit.errors import UnknownChoiceError


def test_health_act_2009_s2_bodies_by_period():
    """s2(2) as enacted: 'Strategic Health Authorities; Primary Care Trusts; National
    Health Service trusts; ... NHS foundation trusts'; from 1 April 2013 '(ca) the
    National Health Service Commissioning Board; (cb) clinical commissioning groups;
    (cc) local authorities' (legislation.gov.uk)."""
    enacted = registry().get("health-act-2009-s2", on="2010-06-01")
    assert set(enacted.bodies) == {
        BodyType.SHA,
        BodyType.PCT,
        BodyType.NHS_TRUST,
        BodyType.FOUNDATION_TRUST,
    }
    assert enacted.source.force is not None
    assert enacted.source.force.value == "statute"
    amended = registry().get("health-act-2009-s2", on="2013-04-01")
    assert {BodyType.NHS_ENGLAND, BodyType.CCG, BodyType.LOCAL_AUTHORITY} <= set(amended.bodies)
    assert BodyType.PCT not in amended.bodies
    assert "health-act-2009-s2" not in duties_for("pct", "2010-01-18").ids
    assert "health-act-2009-s2" in duties_for("pct", "2010-01-19").ids


def test_individual_participation_duties():
    """'CCGs and NHS England have duties to promote the involvement of patients in their
    own health and care, (sections 14U and 13H respectively)'; ICBs from 1 July 2022."""
    assert "nhs-act-s14u" in duties_for("ccg", "2018-06-01").ids
    assert "nhs-act-s13h" in duties_for("nhs-england", "2018-06-01").ids
    icb = duties_for("icb", "2023-01-01").ids
    assert "nhs-act-s14z36" in icb
    assert not registry().get("nhs-act-s14z36").verified
    assert registry().get("nhs-act-s14u").in_force_to == dt.date(2022, 7, 1)


def test_promote_the_nhs_constitution():
    """s13C and s14P: 'act with a view to securing that health services are provided in a
    way which promotes the NHS Constitution'."""
    assert registry().get("nhs-act-s13c").citation.section == "13C"
    assert registry().get("nhs-act-s14p").verified
    assert "nhs-act-s14z32" in duties_for("icb", "2024-01-01").ids


def test_every_new_record_states_its_force_and_cites_legislation_gov_uk():
    for duty_id in (
        "health-act-2009-s2",
        "nhs-act-s13c",
        "nhs-act-s13h",
        "nhs-act-s14p",
        "nhs-act-s14u",
        "nhs-act-s14z32",
        "nhs-act-s14z36",
    ):
        for version in registry().versions(duty_id):
            assert version.source.force is not None, duty_id
            assert version.source.force.binding, duty_id
            assert version.citation.url is not None, duty_id
            assert version.citation.url.startswith("https://www.legislation.gov.uk/"), duty_id


def test_commissioner_and_involvement_duty_of_the_day():
    assert commissioner_on("2013-03-31") is BodyType.PCT
    assert commissioner_on("2013-04-01") is BodyType.CCG
    assert commissioner_on("2022-07-01") is BodyType.ICB
    assert str(involvement_duty(None, "2004-01-01").citation) == (  # type: ignore[union-attr]
        "Health and Social Care Act 2001, s11"
    )
    assert involvement_duty("nhs-england", "2020-01-01").id == "nhs-act-s13q"  # type: ignore[union-attr]
    assert involvement_duty("gp-practice", "2020-01-01") is None
    with pytest.raises(UnknownChoiceError, match="'pcx'"):
        involvement_duty("pcx", "2020-01-01")


def test_a_day_before_the_earliest_law_says_so():
    """Not an empty list that reads as 'no duties': the reason names the earliest law."""
    found = duties_for("nhs-trust", "2001-01-01")
    assert len(found) == 0
    assert found.reason == (
        "no duty in this registry binds an NHS trust on 2001-01-01: "
        "the earliest law engagekit encodes began on 2001-04-02"
    )
    assert registry().earliest == dt.date(2001, 4, 2)
