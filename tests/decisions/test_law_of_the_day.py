"""Decisions judged by the law of their date: s242 before 2008, equality before 2011.

Each test quotes the source the rule rests on (see the decision rules' data).
"""

from __future__ import annotations

import datetime as dt

import attrs

from engagekit.decisions import (
    DEFAULT_POLICY,
    AccessEffect,
    ChangeKind,
    Impact,
    required_engagement,
)
from engagekit.evidence import Limb


#: A change that leaves delivery and range as they are: only limb (a) today.
_NO_IMPACT = Impact(kind=ChangeKind.VARIATION, people_affected=40, delivery_changes=False)


def test_before_3_november_2008_every_limb_applies_whatever_the_impact():
    """LGPIHA 2007 s233 inserted s242(1C)-(1D): '(1B)(b) applies to a proposal only if
    implementation of the proposal would have an impact on' delivery or range. Before
    3 November 2008 the duty had no such condition."""
    before = required_engagement(_NO_IMPACT, on=dt.date(2008, 11, 2))
    assert before.limbs == (Limb.PLANNING, Limb.PROPOSALS, Limb.DECISIONS)
    unconditional = [g for g in before.grounds if g.rule == "limb.all-matters-before-2008"]
    assert len(unconditional) == 2
    assert "whatever the impact" in unconditional[0].message
    after = required_engagement(_NO_IMPACT, on=dt.date(2008, 11, 3))
    assert after.limbs == (Limb.PLANNING,)
    assert required_engagement(_NO_IMPACT).limbs == (Limb.PLANNING,)


def test_limbs_cite_the_involvement_duty_of_the_day():
    """s242(2) as enacted from 1 March 2007, s242(1B) from 3 November 2008, s14Z2(2) for
    CCGs from 1 April 2013, s14Z45(2) for ICBs from 1 July 2022."""
    impact = Impact(kind=ChangeKind.RELOCATION, access=[AccessEffect.TRAVEL])
    for day, section in (
        (dt.date(2008, 1, 1), "s242(2)(b)"),
        (dt.date(2011, 6, 1), "s242(1B)(b)"),
        (dt.date(2018, 6, 1), "s14Z2(2)(b)"),
        (dt.date(2023, 6, 1), "s14Z45(2)(b)"),
    ):
        found = required_engagement(impact, on=day)
        assert found.grounds[1].source.section == section, day


def test_equality_duties_before_5_april_2011():
    """Race Relations Act 1976 s71 (from 2 April 2001), Disability Discrimination Act
    1995 s49A (in force 4 December 2006, S.I. 2005/2774) and Sex Discrimination Act 1975
    s76A (from 6 April 2007); the public sector equality duty replaced them on 5 April 2011."""
    impact = Impact(kind=ChangeKind.CLOSURE, protected_groups=["disabled people"])

    def equality(day: dt.date) -> list[str]:
        found = required_engagement(impact, on=day)
        return [g.rule for g in found.grounds if g.rule.startswith("equality.")]

    assert equality(dt.date(2001, 4, 1)) == []
    assert equality(dt.date(2001, 4, 2)) == ["equality.race-2001"]
    assert equality(dt.date(2006, 12, 4)) == ["equality.race-2001", "equality.disability-2006"]
    assert equality(dt.date(2010, 6, 1)) == [
        "equality.race-2001",
        "equality.disability-2006",
        "equality.gender-2007",
    ]
    assert equality(dt.date(2011, 4, 5)) == ["equality.due-regard"]
    ground = required_engagement(impact, on=dt.date(2010, 6, 1)).grounds
    disability = next(g for g in ground if g.rule == "equality.disability-2006")
    assert disability.source.section == "s49A(1)"
    assert (
        disability.source.url
        == "https://www.legislation.gov.uk/ukpga/1995/50/section/49A/2006-12-04"
    )


def test_a_permanent_closure_is_substantial_without_a_stated_access_effect():
    """A closure removes access at that site (County Durham CCG: impact on access,
    location): 50,000 people, no access effect stated, is substantial by default."""
    closure = Impact(kind=ChangeKind.CLOSURE, people_affected=50_000)
    assert DEFAULT_POLICY.is_substantial(closure)
    found = required_engagement(closure, on=dt.date(2024, 6, 1))
    assert found.substantial
    assert found.scrutiny_consultation
    lenient = attrs.evolve(DEFAULT_POLICY, closure_removes_access=False)
    assert not lenient.is_substantial(closure)


def test_a_date_before_the_earliest_involvement_duty_says_so():
    """s11 of the Health and Social Care Act 2001 is the earliest involvement duty encoded:
    'S. 11 in force at 1.1.2003 for E. by S.I. 2003/53, art. 3(a)', not at Royal Assent
    (11 May 2001). An earlier decision is told so, not silently judged by today's law."""
    found = required_engagement(_NO_IMPACT, on=dt.date(2000, 6, 1))
    assert "engagekit encodes no involvement duty on 2000-06-01" in found.grounds[0].message
    assert "came into force in England on 2003-01-01" in found.grounds[0].message
    later = required_engagement(_NO_IMPACT, on=dt.date(2003, 1, 1))
    assert "encodes no involvement duty" not in later.grounds[0].message


def test_between_royal_assent_and_commencement_no_involvement_duty_applied():
    """From 11 May 2001 to 31 December 2002 no involvement duty was in force in England:
    the limbs are shown as the law now stands (limb (a) alone for a change with no
    impact), and said so. From 1 January 2003 s11 applied to all three whatever the
    impact, each limb citing it."""
    for day in (dt.date(2001, 5, 11), dt.date(2002, 12, 31)):
        found = required_engagement(_NO_IMPACT, on=day)
        assert found.limbs == (Limb.PLANNING,), day
        assert f"engagekit encodes no involvement duty on {day.isoformat()}" in (
            found.grounds[0].message
        )
        assert found.grounds[0].source.section == "s14Z2(2)(a)"
        assert not [g for g in found.grounds if g.rule == "limb.all-matters-before-2008"]
    first = required_engagement(_NO_IMPACT, on=dt.date(2003, 1, 1))
    assert first.limbs == (Limb.PLANNING, Limb.PROPOSALS, Limb.DECISIONS)
    assert [g.source.section for g in first.grounds[:3]] == ["s11"] * 3
    assert [g.rule for g in first.grounds[1:3]] == ["limb.all-matters-before-2008"] * 2
