"""Which duties bound which bodies on which dates: the issue's acceptance dates."""

from __future__ import annotations

import datetime as dt

from engagekit.duties import BodyType, Checklist, duties_for, registry


def test_ccg_2018_bound_by_s14z2_and_psed_not_s14z45():
    """A CCG on 1 June 2018: s14Z2 and the PSED, not s14Z45.

    s14Z2 in force 1 February 2013 (HSCA 2012 s26); PSED from 5 April 2011; s14Z45
    from 1 July 2022 (domain reference §3.1, §3.9).
    """
    found = duties_for(BodyType.CCG, dt.date(2018, 6, 1))
    assert "nhs-act-s14z2" in found.ids
    assert "equality-act-s149" in found.ids
    assert "nhs-act-s14z45" not in found.ids
    assert found.reason is None


def test_the_2012_act_duties_start_on_their_commencement_orders_days():
    """S.I. 2012/1831 art 2(2) appoints 1 October 2012 for ss13A-13D, 13F-13J, 14P-14R
    and 14T-14Y; S.I. 2012/2657 art 2(4) appoints 1 February 2013 for ss13O, 13Q and
    14Z2. NHS England (the Board, established 1 October 2012) is bound that day;
    engagekit's CCGs exist from 1 April 2013, so a CCG's duties show from then."""
    ids = ["nhs-act-s13c", "nhs-act-s13h", "nhs-act-s13q", "nhs-act-s14p"]
    ids += ["nhs-act-s14t", "nhs-act-s14u", "nhs-act-s14z2", "nhs-act-s14z15"]
    starts = {duty: registry().get(duty).in_force_from for duty in ids}
    october, february = dt.date(2012, 10, 1), dt.date(2013, 2, 1)
    assert starts == {
        "nhs-act-s13c": october,
        "nhs-act-s13h": october,
        "nhs-act-s13q": february,
        "nhs-act-s14p": october,
        "nhs-act-s14t": october,
        "nhs-act-s14u": october,
        "nhs-act-s14z2": february,
        "nhs-act-s14z15": dt.date(2013, 4, 1),
    }
    board = duties_for(BodyType.NHS_ENGLAND, october).ids
    assert {"nhs-act-s13c", "nhs-act-s13h"} <= set(board)
    assert "nhs-act-s13q" not in duties_for(BodyType.NHS_ENGLAND, dt.date(2013, 1, 31)).ids
    assert "nhs-act-s13q" in duties_for(BodyType.NHS_ENGLAND, february).ids
    before = duties_for(BodyType.CCG, dt.date(2013, 3, 1))
    assert len(before) == 0
    assert before.reason is not None
    assert "no clinical commissioning groups existed on 2013-03-01" in before.reason


def test_icb_2023_bound_by_s14z45_not_s14z2():
    """An ICB on 1 January 2023: s14Z45 (from 1 July 2022), not s14Z2 (CCGs abolished)."""
    found = duties_for(BodyType.ICB, dt.date(2023, 1, 1))
    assert "nhs-act-s14z45" in found.ids
    assert "nhs-act-s14z2" not in found.ids
    assert "nhs-act-s14z58" in found.ids


def test_pct_2010_bound_by_s242_as_substituted():
    """A PCT on 1 January 2010: s242 as substituted from 3 November 2008 (LGPIHA 2007 s233)."""
    found = duties_for(BodyType.PCT, dt.date(2010, 1, 1))
    s242 = next(d for d in found if d.id == "nhs-act-s242")
    assert s242.in_force_from == dt.date(2008, 11, 3)
    assert s242.citation.subsection == "(1B)"
    assert "as substituted" in s242.title


def test_nhs_trust_2020_still_bound_by_s242():
    """An NHS trust in 2020 is still bound by s242: it continued for providers after 2013."""
    found = duties_for(BodyType.NHS_TRUST, dt.date(2020, 6, 1))
    assert "nhs-act-s242" in found.ids
    assert not next(d for d in found if d.id == "nhs-act-s242").verified  # [P] in the reference


def test_ccg_2023_is_empty_and_says_why():
    """duties_for(CCG, 2023-01-01) is empty: CCGs were abolished on 1 July 2022."""
    found = duties_for(BodyType.CCG, dt.date(2023, 1, 1))
    assert len(found) == 0
    assert found.reason is not None
    assert "no clinical commissioning groups existed on 2023-01-01" in found.reason
    assert "2022-06-30" in found.reason


def test_ccg_last_and_icb_first_day():
    """The CCG -> ICB boundary is 1 July 2022: 30 June is the CCGs' last day."""
    assert "nhs-act-s14z2" in duties_for(BodyType.CCG, dt.date(2022, 6, 30)).ids
    assert len(duties_for(BodyType.CCG, dt.date(2022, 7, 1))) == 0
    assert "nhs-act-s14z45" in duties_for(BodyType.ICB, dt.date(2022, 7, 1)).ids
    assert len(duties_for(BodyType.ICB, dt.date(2022, 6, 30))) == 0


def test_s242_before_and_after_substitution():
    """s242 as enacted until 2 November 2008, as substituted from 3 November 2008 (Somerset:
    'Section 242 of the NHS Act 2006 which came into force in November 2008')."""
    before = registry().get("nhs-act-s242", on=dt.date(2008, 11, 2))
    after = registry().get("nhs-act-s242", on=dt.date(2008, 11, 3))
    assert before.citation.subsection == "(2)"
    assert after.citation.subsection == "(1B)"
    assert after.guidance == ("guidance-real-involvement-2008",)


def test_psed_starts_5_april_2011():
    """s149 in force 5 April 2011, not 1 October 2010 when the Act commenced."""
    assert "equality-act-s149" not in duties_for(BodyType.PCT, dt.date(2011, 4, 4)).ids
    assert "equality-act-s149" in duties_for(BodyType.PCT, dt.date(2011, 4, 5)).ids


def test_bed_test_from_1_april_2017_not_3_march():
    """The bed test was announced 3 March 2017 and applies from 1 April 2017."""
    march = registry().get("service-change-tests", on=dt.date(2017, 3, 3))
    april = registry().get("service-change-tests", on=dt.date(2017, 4, 1))
    assert "5-bed-closures" not in [r.key for r in march.requirements]
    assert april.requirement("5-bed-closures").trigger.value == "bed-closures"


def test_scrutiny_reg_23_changes_31_january_2024():
    """S.I. 2024/16 amended reg 23 from 31 January 2024 ('come into force on 31st January
    2024'). The reg 23(5A) it inserted ('R must take into consideration any direction given
    to it under paragraph 3(1) of Schedule 10A to the 2006 Act') binds R '(namely NHS
    England or an integrated care board)' (its Explanatory Note, legislation.gov.uk), so it
    is a record of its own: a trust's consultation duty goes on without it."""
    before = registry().get("scrutiny-reg-23", on=dt.date(2024, 1, 30))
    after = registry().get("scrutiny-reg-23", on=dt.date(2024, 1, 31))
    assert [r.key for r in before.requirements] == ["consult-la", "dates"]
    assert [r.key for r in after.requirements] == ["consult-la", "dates"]
    assert set(after.bodies) == {
        BodyType.ICB,
        BodyType.NHS_ENGLAND,
        BodyType.NHS_TRUST,
        BodyType.FOUNDATION_TRUST,
    }
    directions = registry().get("scrutiny-reg-23-5a")
    assert (directions.in_force_from, directions.in_force_to) == (dt.date(2024, 1, 31), None)
    assert set(directions.bodies) == {BodyType.ICB, BodyType.NHS_ENGLAND}
    assert str(directions.requirement("sos-directions").citation) == "S.I. 2013/218, reg 23(5A)"
    assert directions.requirement("sos-directions").trigger.value == "substantial-change"
    for body in (BodyType.ICB, BodyType.NHS_ENGLAND):
        assert "scrutiny-reg-23-5a" not in duties_for(body, dt.date(2024, 1, 30)).ids
        assert "scrutiny-reg-23-5a" in duties_for(body, dt.date(2024, 1, 31)).ids
    for body in (BodyType.NHS_TRUST, BodyType.FOUNDATION_TRUST):
        found = duties_for(body, dt.date(2024, 1, 31)).ids
        assert "scrutiny-reg-23" in found
        assert "scrutiny-reg-23-5a" not in found


def test_only_commissioners_are_asked_for_the_secretary_of_states_directions():
    """An ICB's checklist asks for reg 23(5A); an NHS trust's does not."""
    icb = [item.id for item in Checklist.for_body("icb", on="2024-06-30")]
    trust = [item.id for item in Checklist.for_body("nhs-trust", on="2024-06-30")]
    assert "scrutiny-reg-23-5a/sos-directions" in icb
    assert "scrutiny-reg-23/consult-la" in icb
    assert "scrutiny-reg-23-5a/sos-directions" not in trust
    assert "scrutiny-reg-23/consult-la" in trust


def test_hsca_2001_s11_from_1_january_2003_and_ends_1_march_2007():
    """HSCA 2001 s11 was 'not in force at Royal Assent' (11 May 2001): 'S. 11 in force at
    1.1.2003 for E. by S.I. 2003/53, art. 3(a)' (legislation.gov.uk's annotation, read in
    the legalize-uk copy of the Statute Law Database text, so the record stays
    unverified). It became NHS Act 2006 s242, and the consolidation 'comes into force on
    1st March 2007' (NHS (Consequential Provisions) Act 2006 s8(2))."""
    s11 = registry().get("hsca-2001-s11")
    assert s11.in_force_from == dt.date(2003, 1, 1)
    assert s11.in_force_to == dt.date(2007, 3, 1)
    assert not s11.year_only
    assert not s11.verified
    assert s11.period == "2003-01-01 to 2007-02-28"
    assert s11.citation.url == "https://www.legislation.gov.uk/ukpga/2001/15/section/11/2006-01-01"
    assert "S.I. 2003/53, art. 3(a)" in s11.notes[0]
    assert "not seen on legislation.gov.uk itself" in s11.notes[0]
    # Royal Assent is not commencement: no s11 duty from 11 May 2001 to 31 December 2002.
    for day in (dt.date(2001, 5, 11), dt.date(2002, 12, 1), dt.date(2002, 12, 31)):
        found = duties_for(BodyType.PCT, day).ids
        assert "hsca-2001-s11" not in found, day
        assert found == ("rra-1976-s71",), day
    assert "hsca-2001-s11" in duties_for(BodyType.PCT, dt.date(2003, 1, 1)).ids
    assert "hsca-2001-s11" in duties_for(BodyType.NHS_TRUST, dt.date(2003, 1, 1)).ids
    assert "hsca-2001-s11" not in duties_for(BodyType.NHS_TRUST, dt.date(2002, 12, 31)).ids


def test_s242_as_enacted_from_1_march_2007():
    """The NHS Act 2006 came into force on 1 March 2007, so s242 replaces s11 that day:
    28 February 2007 is s11's last day, not 31 December 2005."""
    last = duties_for(BodyType.PCT, dt.date(2007, 2, 28)).ids
    first = duties_for(BodyType.PCT, dt.date(2007, 3, 1)).ids
    assert "hsca-2001-s11" in last
    assert "nhs-act-s242" not in last
    assert "nhs-act-s242" in first
    assert "hsca-2001-s11" not in first
    s242 = registry().get("nhs-act-s242", on=dt.date(2007, 3, 1))
    assert s242.period == "2007-03-01 to 2008-11-02"
    assert not s242.year_only


def test_strategic_health_authorities_from_1_october_2002():
    """NHS Reform and Health Care Professions Act 2002 s1 (health authorities renamed
    strategic health authorities) 'wholly in force at 1.10.2002' (legislation.gov.uk)."""
    before = duties_for(BodyType.SHA, dt.date(2002, 9, 30))
    assert len(before) == 0
    assert before.reason is not None
    assert "no strategic health authorities existed on 2002-09-30" in before.reason
    assert "2002-10-01" in before.reason
    # SHAs existed before s11 came into force for England: from 1 October 2002 the race
    # equality duty bound them, and s11 only from 1 January 2003.
    assert duties_for(BodyType.SHA, dt.date(2002, 10, 1)).ids == ("rra-1976-s71",)
    assert "hsca-2001-s11" in duties_for(BodyType.SHA, dt.date(2003, 1, 1)).ids
    assert BodyType.SHA.existed_from == dt.date(2002, 10, 1)


def test_foundation_trusts_from_1_april_2004():
    """S.I. 2004/759 art 2: '1st April 2004 is the appointed day' for the foundation trust
    provisions of the Health and Social Care (Community Health and Standards) Act 2003."""
    before = duties_for(BodyType.FOUNDATION_TRUST, dt.date(2004, 3, 31))
    assert len(before) == 0
    assert before.reason is not None
    assert "no NHS foundation trusts existed on 2004-03-31" in before.reason
    assert "hsca-2001-s11" in duties_for(BodyType.FOUNDATION_TRUST, dt.date(2004, 4, 1)).ids
    assert BodyType.FOUNDATION_TRUST.existed_from == dt.date(2004, 4, 1)


def test_2017_guidance_ten_actions_in_sutton_order():
    """The 2017 guidance's ten actions, in the order NHS Sutton CCG's strategy lists them."""
    actions = [r.text for r in registry().get("guidance-participation-2017").requirements]
    assert actions == [
        "Involve the public in governance.",
        "Explain public involvement in commissioning plans and business plans.",
        "Demonstrate public involvement in annual reports.",
        "Promote and publicise public involvement.",
        "Assess, plan and take action to involve.",
        "Feed back and evaluate.",
        "Implement assurance and improvement systems.",
        "Advance equality and reduce health inequalities.",
        "Provide support for effective involvement.",
        "Hold providers to account.",
    ]


def test_three_limbs_with_triggers():
    """s14Z2(2): limb (a) always; (b) and (c) only on an impact on delivery or range (§3.2)."""
    duty = registry().get("nhs-act-s14z2")
    assert [(r.key, r.trigger.value) for r in duty.requirements[:3]] == [
        ("a", "always"),
        ("b", "service-impact"),
        ("c", "service-impact"),
    ]


def test_icb_annual_report_keeps_hwb_consultation_separate():
    """s14Z58(3): the HWB consultation attaches to the JHWS review, a separate requirement."""
    duty = registry().get("nhs-act-s14z58")
    keys = [r.key for r in duty.requirements]
    assert "explain-duties" in keys
    assert "hwb-consultation" in keys
    hwb, explain = (duty.requirement(k).citation for k in ("hwb-consultation", "explain-duties"))
    assert hwb is not None
    assert explain is not None
    assert (hwb.subsection, explain.subsection) == ("(3)", "(2)(a)")


def test_every_guidance_reference_resolves():
    """Every duty's guidance ids name statutory guidance (have regard) in the registry."""
    reg = registry()
    for duty in reg:
        for guidance_id in duty.guidance:
            assert reg.get(guidance_id).force.value == "statutory-guidance"


def test_every_unverified_record_says_why():
    """Unverified duties carry a note explaining what is not verified."""
    unverified = [duty for duty in registry() if not duty.verified]
    assert unverified  # the registry keeps facts it could not verify, marked as such
    assert [duty.id for duty in unverified if not duty.notes] == []


def test_health_scrutiny_reg_4_from_1_january_2003():
    """S.I. 2002/3048 reg 4 ('consultation of committees by local NHS bodies on proposals
    for substantial developments ... or ... substantial variations', legislation.gov.uk
    Explanatory Note), in force 1 January 2003, binds SHAs, PCTs and NHS trusts until
    reg 23 of S.I. 2013/218 takes over on 1 April 2013."""
    assert "scrutiny-reg-4-2002" in duties_for(BodyType.PCT, dt.date(2010, 1, 1)).ids
    assert "scrutiny-reg-4-2002" not in duties_for(BodyType.PCT, dt.date(2002, 12, 31)).ids
    assert "scrutiny-reg-4-2002" in duties_for(BodyType.PCT, dt.date(2003, 1, 1)).ids
    trust_2013 = duties_for(BodyType.NHS_TRUST, dt.date(2013, 3, 31)).ids
    assert "scrutiny-reg-4-2002" in trust_2013
    assert "scrutiny-reg-23" not in trust_2013
    trust_after = duties_for(BodyType.NHS_TRUST, dt.date(2013, 4, 1)).ids
    assert "scrutiny-reg-23" in trust_after
    assert "scrutiny-reg-4-2002" not in trust_after
    reg4 = registry().get("scrutiny-reg-4-2002")
    assert reg4.requirement("consult-osc").trigger.value == "substantial-change"
    assert set(reg4.bodies) == {BodyType.SHA, BodyType.PCT, BodyType.NHS_TRUST}
    assert reg4.citation.url == "https://www.legislation.gov.uk/uksi/2002/3048/regulation/4/made"


def test_equality_duties_before_the_psed():
    """The PSED replaced the race (RRA 1976 s71), disability (DDA 1995 s49A) and gender
    (SDA 1975 s76A) equality duties on 5 April 2011; s49A was in force '4.12.2006'
    (legislation.gov.uk annotation to DDA 1995 Part 5A)."""
    pct_2010 = duties_for(BodyType.PCT, dt.date(2010, 1, 1)).ids
    assert {"rra-1976-s71", "dda-1995-s49a", "sda-1975-s76a"} <= set(pct_2010)
    assert "equality-act-s149" not in pct_2010
    last = duties_for(BodyType.PCT, dt.date(2011, 4, 4)).ids
    first = duties_for(BodyType.PCT, dt.date(2011, 4, 5)).ids
    assert "rra-1976-s71" in last
    assert "equality-act-s149" not in last
    assert "equality-act-s149" in first
    assert not {"rra-1976-s71", "dda-1995-s49a", "sda-1975-s76a"} & set(first)
    assert "dda-1995-s49a" not in duties_for(BodyType.NHS_TRUST, dt.date(2006, 12, 3)).ids
    assert "dda-1995-s49a" in duties_for(BodyType.NHS_TRUST, dt.date(2006, 12, 4)).ids
    assert registry().get("dda-1995-s49a").verified
    # The race and gender commencement days come from secondary sources.
    assert not registry().get("rra-1976-s71").verified
    assert not registry().get("sda-1975-s76a").verified


def test_transforming_participation_from_its_launch_on_25_september_2013():
    """Transforming Participation was in force from 1 September 2013, 24 days before
    NHS England launched it (Wednesday 25 September 2013, as One East Midlands
    reported it): a CCG's checklist in early September listed guidance not yet issued."""
    guidance = "guidance-transforming-participation-2013"
    assert guidance not in duties_for(BodyType.CCG, dt.date(2013, 9, 1)).ids
    assert guidance not in duties_for(BodyType.NHS_ENGLAND, dt.date(2013, 9, 24)).ids
    assert guidance in duties_for(BodyType.CCG, dt.date(2013, 9, 25)).ids
    assert registry().get(guidance).in_force_from == dt.date(2013, 9, 25)


def test_reg_23_asks_for_the_decision_and_comment_dates_in_both_versions():
    """S.I. 2013/218 reg 23(1)(b)-(d) as made: give the authority the proposed decision
    date and the date for its comments, tell it of changes and publish them; S.I.
    2024/16 omitted only paragraphs (6) to (11). Read in a copy of the made text, so
    unverified. reg 33(1)(a) revoked the 2002 Regulations, from 1 April 2013."""
    for day in (dt.date(2013, 4, 1), dt.date(2024, 1, 31)):
        dates = registry().get("scrutiny-reg-23", on=day).requirement("dates")
        assert dates.citation is not None
        assert dates.citation.reference == "reg 23(1)(b)-(d)"
        assert dates.text.startswith("When consulting, give the local authority the date by")
        assert not dates.verified
    reg4 = registry().get("scrutiny-reg-4-2002")
    assert reg4.in_force_to == dt.date(2013, 4, 1)
    assert any("reg 33(1) says 'The following Regulations are revoked" in n for n in reg4.notes)


def test_a_foundation_trusts_scrutiny_duty_is_reg_4a_from_1_april_2004():
    """S.I. 2004/696 Sch 1 para 46 (in force 1 April 2004, art 1(1)(b)) took foundation
    trusts out of reg 4 of the 2002 Regulations and inserted reg 4A: consult the
    committee on an application to vary the trust's authorisation. S.I. 2013/218 (reg
    33(1)(a)) revoked both from 1 April 2013, when reg 23 took over."""
    first = duties_for(BodyType.FOUNDATION_TRUST, dt.date(2004, 4, 1)).ids
    assert "scrutiny-reg-4a-2002" in first
    assert "scrutiny-reg-4-2002" not in first
    assert "scrutiny-reg-4a-2002" not in duties_for(BodyType.NHS_TRUST, dt.date(2010, 1, 1)).ids
    last = duties_for(BodyType.FOUNDATION_TRUST, dt.date(2013, 3, 31)).ids
    after = duties_for(BodyType.FOUNDATION_TRUST, dt.date(2013, 4, 1)).ids
    assert ("scrutiny-reg-4a-2002" in last, "scrutiny-reg-4a-2002" in after) == (True, False)
    assert "scrutiny-reg-23" in after
    consult = registry().get("scrutiny-reg-4a-2002").requirement("consult-osc")
    assert consult.citation is not None
    assert consult.citation.reference == "reg 4A(2)"
    assert consult.note == (
        "Applies only to an application to vary the trust's authorisation, not to every "
        "substantial change: reg 4A(1)."
    )
