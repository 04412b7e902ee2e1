"""Checklists and compliance reports pinned to their exact words and boundaries: which
evidence counts, what each finding says, trigger conditions, reports on the previous
financial year, reprs and refusals (mutation testing's survivors in duties/_checklist.py,
docs/mutation.md)."""

from __future__ import annotations

import datetime as dt
import io as stdio
import json
import re

from pathlib import Path

import attrs
import pytest

from engagekit.duties import (
    Checklist,
    Finding,
    Requirement,
    Trigger,
    load_duties,
    load_evidence,
    registry,
)
from engagekit.duties._checklist import ChecklistItem
from engagekit.errors import (
    InvalidTypeError,
    InvalidValueError,
    UnknownChoiceError,
    UnknownNameError,
)
from engagekit.evidence import Evidence
from engagekit.results import Outcome
from engagekit.sources import LegalForce


def _ccg_2019() -> Checklist:
    return Checklist.for_body("ccg", on="2019-04-01")


def test_reprs_name_the_body_the_day_and_the_count() -> None:
    checklist = _ccg_2019()
    assert repr(checklist) == "<Checklist for a CCG on 2019-04-01 with 32 items>"
    report = checklist.assess([], as_of="2019-04-01")
    assert repr(report) == (
        "<ComplianceReport not met for a CCG as of 2019-04-01 with 32 findings>"
    )


def test_an_item_refuses_a_requirement_of_another_duty() -> None:
    """s14T (have regard to reducing inequalities) has one requirement, 'have-regard'."""
    checklist = _ccg_2019()
    s14t = next(i for i in checklist.items if i.duty.id == "nhs-act-s14t")
    s14z15 = next(i for i in checklist.items if i.id == "nhs-act-s14z15/explain-involvement")
    message = (
        "ChecklistItem.requirement: 'explain-involvement' is not allowed: "
        "is not a requirement of 'nhs-act-s14t'; allowed: 'have-regard'"
    )
    with pytest.raises(InvalidValueError, match=f"^{re.escape(message)}$"):
        ChecklistItem(duty=s14t.duty, requirement=s14z15.requirement)


def test_a_finding_cites_exactly_the_evidence_it_used() -> None:
    finding = _ccg_2019().assess([], as_of="2019-04-01").reasons[0]
    assert (finding.rule, finding.evidence, finding.used) == ("nhs-act-s14t/have-regard", (), ())
    message = "Finding.evidence: ['x'] is not allowed: must be the ids of the evidence used ([])"
    with pytest.raises(InvalidValueError, match=f"^{re.escape(message)}$"):
        attrs.evolve(finding, evidence=("x",))


# --- Which evidence counts, and the finding's words (_why_not, _judge, _wanted) --------
#
# Dates are the registry's: s14Z2 and s14P bound CCGs from 1 April 2013 to 30 June 2022;
# the 2017 participation guidance from 6 April 2017, its action 3 (annual reports) for
# the financial year; the Standard Contract's EDS terms bind trusts for the financial
# year; s14Z58 (ICB annual report) from 1 July 2022, on the previous financial year.

UNVERIFIED = "this record is not verified against a primary source: check before relying on it"
SERVICE_IMPACT = (
    "implementation would have an impact on the manner in which services are delivered to "
    "individuals or on the range of health services available to them"
)
SUBSTANTIAL = (
    "a substantial development of the health service or a substantial variation in the "
    "provision of services is proposed"
)


def _evidence(ident: str, day: str, *supports: str, partial: bool = False) -> Evidence:
    return Evidence(
        id=ident,
        what=ident.replace("-", " ").capitalize(),
        date=dt.date.fromisoformat(day),
        supports=supports,
        partial=partial,
    )


def _words(finding: Finding) -> tuple[str, str, tuple[str, ...], tuple[str, ...]]:
    return (finding.outcome.value, finding.message, finding.notes, finding.missing)


def test_evidence_counts_from_the_day_in_force_to_the_assessment_date() -> None:
    """The day s14Z2 came into force and the assessment date itself both count; the day
    before and the day after do not, and each is set aside with its reason."""
    evidence = [
        _evidence("plan-a", "2013-01-31", "nhs-act-s14z2/a"),
        _evidence("plan-b", "2013-02-01", "nhs-act-s14z2/a"),
        _evidence("plan-c", "2019-04-01", "nhs-act-s14z2/a"),
        _evidence("plan-d", "2019-04-02", "nhs-act-s14z2/a"),
    ]
    finding = _ccg_2019().assess(evidence, as_of="2019-04-01").finding("nhs-act-s14z2/a")
    assert _words(finding) == (
        "met",
        "met: 'Plan b' (2013-02-01); 'Plan c' (2019-04-01)",
        (
            (
                "'Plan a' (2013-01-31) does not count: it is dated before this duty came into "
                "force (2013-02-01)"
            ),
            "'Plan d' (2019-04-02) does not count: it is dated after the assessment date",
        ),
        (),
    )
    assert finding.evidence == ("plan-b", "plan-c")
    assert [e.id for e in finding.used] == ["plan-b", "plan-c"]
    assert [e.id for e in finding.set_aside] == ["plan-a", "plan-d"]
    assert finding.duty_title == "Public involvement by clinical commissioning groups"
    assert finding.title.startswith("Involve the public in the planning of the commissioning")
    assert finding.points == (finding.message, *finding.notes)


def test_evidence_from_the_day_a_duty_ceased_does_not_count() -> None:
    """CCGs' s14Z2 duty ceased on 1 July 2022: a CCG checklist of 30 June 2022, assessed in
    September, counts the plan of 30 June and sets aside the one of 1 July."""
    evidence = [
        _evidence("plan-a", "2022-06-30", "nhs-act-s14z2/a"),
        _evidence("plan-b", "2022-07-01", "nhs-act-s14z2/a"),
    ]
    report = Checklist.for_body("ccg", on="2022-06-30").assess(evidence, as_of="2022-09-30")
    finding = report.finding("nhs-act-s14z2/a")
    assert _words(finding) == (
        "met",
        "met: 'Plan a' (2022-06-30)",
        ("'Plan b' (2022-07-01) does not count: this duty ceased to apply on 2022-07-01",),
        (),
    )
    assert report.on == dt.date(2022, 6, 30)
    assert report.as_of == dt.date(2022, 9, 30)


def test_full_evidence_meets_and_partial_evidence_alone_partly_meets() -> None:
    evidence = [
        _evidence("draft-leaflet", "2018-01-01", "nhs-act-s14p/promote", partial=True),
        _evidence("leaflet", "2018-02-01", "nhs-act-s14p/promote"),
        _evidence("survey", "2018-01-01", "nhs-act-s14t/have-regard", partial=True),
    ]
    report = _ccg_2019().assess(evidence, as_of="2019-04-01")
    met = report.finding("nhs-act-s14p/promote")
    assert _words(met) == ("met", "met: 'Leaflet' (2018-02-01)", (), ())
    assert met.evidence == ("draft-leaflet", "leaflet")
    partly = report.finding("nhs-act-s14t/have-regard")
    assert _words(partly) == (
        "partly-met",
        "partly met: the evidence shows it only in part: 'Survey' (2018-01-01)",
        (),
        ("evidence that shows it fully met",),
    )
    assert partly.evidence == ("survey",)
    assert report.summary == "30 not met, 1 partly met, 1 met"


def test_a_record_naming_a_requirement_twice_counts_once() -> None:
    minutes = Evidence(
        id="minutes",
        what="Governing body minutes",
        date=dt.date(2019, 1, 1),
        supports=["nhs-act-s14z2/a", "nhs-act-s14z2/a"],
    )
    finding = _ccg_2019().assess([minutes], as_of="2019-04-01").finding("nhs-act-s14z2/a")
    assert finding.message == "met: 'Governing body minutes' (2019-01-01)"
    assert finding.evidence == ("minutes",)


def test_a_gap_is_a_breach_only_against_law() -> None:
    """Statute: 'not met'; the 2017 statutory guidance: a departure that needs recorded
    reasons; the Standard Contract: a breach of contract, not of law. With evidence set
    aside, the message says none of it counts."""
    evidence = [
        _evidence("old-charter", "2017-04-05", "guidance-participation-2017/1-governance"),
        _evidence("old-plan", "2013-01-31", "nhs-act-s14z2/a"),
    ]
    report = _ccg_2019().assess(evidence, as_of="2019-04-01")
    assert _words(report.finding("nhs-act-s14z2/a"))[:2] == (
        "not-met",
        "not met: no evidence that counts",
    )
    assert _words(report.finding("nhs-act-s14p/promote")) == (
        "not-met",
        "not met: no evidence",
        (),
        ("evidence dated from 2012-10-01 to 2019-04-01 that supports nhs-act-s14p/promote",),
    )
    assert _words(report.finding("guidance-participation-2017/1-governance")) == (
        "not-met",
        (
            "not followed (no evidence that counts): departure needs recorded reasons, "
            "not a breach of law"
        ),
        (
            (
                "'Old charter' (2017-04-05) does not count: it is dated before this duty came "
                "into force (2017-04-06)"
            ),
        ),
        (
            (
                "evidence dated from 2017-04-06 to 2019-04-01 that supports "
                "guidance-participation-2017/1-governance"
            ),
        ),
    )
    assert report.finding("guidance-participation-2017/2-plans").message == (
        "not followed (no evidence): departure needs recorded reasons, not a breach of law"
    )


def test_an_annual_requirement_counts_only_the_assessment_years_evidence() -> None:
    """Action 3 of the 2017 guidance (annual reports) on 1 April 2019, the first day of
    2019/20: evidence of that day counts, the day before (2018/19) does not."""
    evidence = [
        _evidence("annual-report-a", "2019-03-31", "guidance-participation-2017/3-annual-reports"),
        _evidence("annual-report-b", "2019-04-01", "guidance-participation-2017/3-annual-reports"),
    ]
    checklist = _ccg_2019()
    met = checklist.assess(evidence, as_of="2019-04-01").finding(
        "guidance-participation-2017/3-annual-reports"
    )
    assert met.evidence == ("annual-report-b",)
    assert met.notes == (
        (
            "'Annual report a' (2019-03-31) does not count: it is dated in the 2018/19 financial "
            "year, and this annual requirement needs evidence from 2019/20 (the year of the "
            "assessment date)"
        ),
    )
    gap = checklist.assess(evidence[:1], as_of="2019-04-01").finding(
        "guidance-participation-2017/3-annual-reports"
    )
    assert gap.missing == (
        (
            "evidence dated in the 2019/20 financial year that supports "
            "guidance-participation-2017/3-annual-reports"
        ),
    )


def test_a_contract_term_for_the_year_is_not_law() -> None:
    """The Standard Contract's EDS terms (SC13.5) for a trust on 30 June 2024."""
    eds = _evidence("eds-review", "2024-03-31", "contract-eds/implement-eds")
    report = Checklist.for_body("nhs-trust", on="2024-06-30").assess(
        [eds], as_of="2024-06-30", conditions=()
    )
    assert _words(report.finding("contract-eds/implement-eds")) == (
        "not-met",
        "not followed (no evidence that counts): breach of contract, not a breach of law",
        (
            (
                "'Eds review' (2024-03-31) does not count: it is dated in the 2023/24 financial "
                "year, and this annual requirement needs evidence from 2024/25 (the year of the "
                "assessment date)"
            ),
        ),
        ("evidence dated in the 2024/25 financial year that supports contract-eds/implement-eds",),
    )
    # Gaps first, each group in checklist order: the four not applicable (no service
    # impact, no substantial change stated) come last. Reg 23(5A) (the Secretary of
    # State's directions) binds NHS England and ICBs alone, so a trust is not asked for it.
    assert [f.rule for f in report][-5:] == [
        "health-act-2009-s2/have-regard",
        "nhs-act-s242/b",
        "nhs-act-s242/c",
        "scrutiny-reg-23/consult-la",
        "scrutiny-reg-23/dates",
    ]
    assert "scrutiny-reg-23-5a/sos-directions" not in [f.rule for f in report]
    assert report.summary == "19 not met, 4 not applicable"


# --- Trigger conditions (_judge, _triggers) -------------------------------------------


def test_unstated_conditions_are_assessed_as_applying() -> None:
    report = _ccg_2019().assess([], as_of="2019-04-01")
    assert report.conditions is None
    assert _words(report.finding("nhs-act-s14z2/b")) == (
        "not-met",
        "not met: no evidence",
        (
            (
                f"applies only when {SERVICE_IMPACT}; conditions were not stated, so it is "
                "assessed as applying"
            ),
        ),
        ("evidence dated from 2013-02-01 to 2019-04-01 that supports nhs-act-s14z2/b",),
    )
    assert report.finding("scrutiny-reg-23/consult-la").notes == (
        (
            f"applies only when {SUBSTANTIAL}; conditions were not stated, so it is assessed "
            "as applying"
        ),
        UNVERIFIED,
    )
    assert report.finding("service-change-tests/1-commissioner-support").message == (
        "not followed (no evidence): departure from national policy, not a breach of law"
    )


def test_a_substantial_change_alone_implies_service_impact() -> None:
    report = _ccg_2019().assess([], as_of="2019-04-01", conditions=["substantial-change"])
    assert report.conditions == (Trigger.SUBSTANTIAL_CHANGE,)
    assert report.finding("nhs-act-s14z2/b").notes == (
        (
            f"applies: {SERVICE_IMPACT}, since a substantial development or variation changes "
            "how services are delivered"
        ),
    )
    assert report.finding("scrutiny-reg-23/consult-la").notes == (
        f"applies: {SUBSTANTIAL}",
        UNVERIFIED,
    )
    test_1 = report.finding("service-change-tests/1-commissioner-support")
    assert _words(test_1) == (
        "not-applicable",
        (
            "not applicable: applies only when a service change or reconfiguration is proposed, "
            "and that was not stated to hold"
        ),
        (UNVERIFIED,),
        (),
    )
    assert (test_1.evidence, test_1.used, test_1.set_aside) == ((), (), ())


def test_stated_conditions_apply_as_stated() -> None:
    """With service impact stated too, s14Z2(2)(b) applies in its own words; the bed
    test (not stated) is the one not applicable finding, listed last."""
    checklist = _ccg_2019()
    report = checklist.assess(
        [],
        as_of="2019-04-01",
        conditions=["service-change", "substantial-change", "service impact", "service-impact"],
    )
    assert report.conditions == (
        Trigger.SERVICE_IMPACT,
        Trigger.SUBSTANTIAL_CHANGE,
        Trigger.SERVICE_CHANGE,
    )
    assert report.finding("nhs-act-s14z2/b").notes == (f"applies: {SERVICE_IMPACT}",)
    assert report.finding("service-change-tests/1-commissioner-support").notes == (
        "applies: a service change or reconfiguration is proposed",
        UNVERIFIED,
    )
    bed = "service-change-tests/5-bed-closures"
    assert report.finding(bed).message == (
        "not applicable: applies only when the proposal involves significant bed closures, "
        "and that was not stated to hold"
    )
    assert [f.rule for f in report] == [i for i in checklist.ids if i != bed] + [bed]
    assert report.summary == "31 not met, 1 not applicable"


def test_conditions_must_be_a_list_of_triggers() -> None:
    checklist = _ccg_2019()
    for value, shown in (
        ("service-impact", "str 'service-impact'"),
        (b"service-impact", "bytes b'service-impact'"),
        ({"service-impact": True}, "dict {'service-impact': True}"),
        (5, "int 5"),
    ):
        message = f"conditions: got {shown}; expected a list of conditions"
        with pytest.raises(InvalidTypeError, match=f"^{re.escape(message)}$"):
            checklist.assess([], as_of="2019-04-01", conditions=value)  # type: ignore[arg-type]
    with pytest.raises(UnknownChoiceError, match=r"^conditions\[1\]: 'sometimes' is not allowed"):
        checklist.assess([], as_of="2019-04-01", conditions=["always", "sometimes"])
    report = checklist.assess([], as_of="2019-04-01")
    message = "conditions: got str 'always'; expected a list of conditions"
    with pytest.raises(InvalidTypeError, match=f"^{re.escape(message)}$"):
        attrs.evolve(report, conditions="always")
    assert attrs.evolve(report, conditions=["always"]).conditions == (Trigger.ALWAYS,)


# --- The evidence given (Checklist.assess) ---------------------------------------------


def test_evidence_must_be_a_list_of_records_with_distinct_ids() -> None:
    checklist = _ccg_2019()
    minutes = _evidence("minutes", "2019-01-01", "nhs-act-s14z2/a")
    for value, shown in (
        ("minutes", "str 'minutes'"),
        (b"minutes", "bytes b'minutes'"),
        ({"minutes": "2019-01-01"}, "dict {'minutes': '2019-01-01'}"),
        (5, "int 5"),
    ):
        message = f"evidence: got {shown}; expected a list of Evidence"
        with pytest.raises(InvalidTypeError, match=f"^{re.escape(message)}$"):
            checklist.assess(value, as_of="2019-04-01")  # type: ignore[arg-type]
    message = "evidence[1]: got str 'minutes'; expected an Evidence record"
    with pytest.raises(InvalidTypeError, match=f"^{re.escape(message)}$"):
        checklist.assess([minutes, "minutes"], as_of="2019-04-01")  # type: ignore[list-item]
    message = "evidence[1].id: 'minutes' is not allowed: duplicate id"
    with pytest.raises(InvalidValueError, match=f"^{re.escape(message)}$"):
        checklist.assess((minutes, minutes), as_of="2019-04-01")
    stray = _evidence("stray", "2019-01-01", "nhs-act-s14z2/d")
    message = (
        "unknown requirement 'nhs-act-s14z2/d' of the clinical commissioning group "
        "checklist on 2019-04-01, cited at evidence[1].supports[0]; did you mean "
        "'nhs-act-s14z2/c', 'nhs-act-s14z2/b', 'nhs-act-s14z2/a'?"
    )
    with pytest.raises(UnknownNameError, match=f"^{re.escape(message)}$"):
        checklist.assess(iter([minutes, stray]), as_of="2019-04-01")


# --- Reports on the previous financial year (_following_year) ---------------------------


def test_a_report_on_the_previous_year_is_judged_on_this_years_evidence() -> None:
    """s14Z58 on 30 June 2024 (2024/25): a report dated in 2024/25 meets it and is the
    only evidence used (the one dated in 2023/24 is set aside), the report dated in
    2023/24 (on 2022/23) is on record, and one dated in 2022/23 does not count."""
    evidence = [
        _evidence("report-2021-22", "2023-03-31", "nhs-act-s14z58/explain-duties"),
        _evidence("report-2022-23", "2023-04-01", "nhs-act-s14z58/explain-duties"),
        _evidence("review-2022-23", "2023-06-27", "nhs-act-s14z58/review-jhws"),
        _evidence("review-2023-24", "2024-06-27", "nhs-act-s14z58/review-jhws"),
    ]
    report = Checklist.for_body("icb", on="2024-06-30").assess(evidence, as_of="2024-06-30")
    due = report.finding("nhs-act-s14z58/explain-duties")
    assert _words(due) == (
        "not-applicable",
        "not yet due: the report on 2023/24 is due by 2025-03-31",
        (
            (
                "'Report 2021 22' (2023-03-31) does not count: it is dated in the 2022/23 "
                "financial year; on 2024-06-30 the report judged is the one on 2023/24, prepared "
                "in 2024/25 (and the one before it, prepared in 2023/24)"
            ),
            "the report on 2022/23 is on record: 'Report 2022 23' (2023-04-01)",
        ),
        (),
    )
    assert due.evidence == ("report-2022-23",)
    assert [e.id for e in due.set_aside] == ["report-2021-22"]
    met = report.finding("nhs-act-s14z58/review-jhws")
    # The review dated in 2023/24 no longer counts once this year's is on record: it is
    # set aside, with why, not dropped.
    assert _words(met) == (
        "met",
        "met: 'Review 2023 24' (2024-06-27)",
        (
            (
                "'Review 2022 23' (2023-06-27) does not count: it is dated in the 2023/24 "
                "financial year, and the report prepared in 2024/25 is on record"
            ),
        ),
        (),
    )
    assert met.evidence == ("review-2023-24",)
    assert [e.id for e in met.set_aside] == ["review-2022-23"]


def test_the_first_report_under_a_duty_is_due_a_year_after_its_first_year() -> None:
    """ICBs from 1 July 2022: on 31 March 2023 and on 1 April 2023 the first report (on
    2022/23) is due by 31 March 2024, and no earlier report was ever due."""
    on_31_march = Checklist.for_body("icb", on="2023-03-31").assess([], as_of="2023-03-31")
    assert on_31_march.finding("nhs-act-s14z58/explain-duties").message == (
        "not yet due: the first report under this duty, on 2022/23, is due by 2024-03-31"
    )
    on_1_april = Checklist.for_body("icb", on="2023-04-01").assess([], as_of="2023-04-01")
    assert _words(on_1_april.finding("nhs-act-s14z58/explain-duties")) == (
        "not-applicable",
        "not yet due: the report on 2022/23 is due by 2024-03-31",
        (),
        (),
    )


def test_a_report_falls_due_once_the_duty_covered_a_whole_year() -> None:
    """CCGs' s14Z15 from 1 April 2013: on 1 April 2014 the report on 2013/14 is not yet
    due; a year later, with no report on 2013/14 on record, it is a gap."""
    key = "nhs-act-s14z15/explain-involvement"
    early = Checklist.for_body("ccg", on="2014-04-01").assess([], as_of="2014-04-01")
    assert _words(early.finding(key)) == (
        "not-applicable",
        "not yet due: the report on 2013/14 is due by 2015-03-31",
        (UNVERIFIED,),
        (),
    )
    late = Checklist.for_body("ccg", on="2015-04-01").assess([], as_of="2015-04-01")
    assert _words(late.finding(key)) == (
        "not-met",
        (
            "not met: the report on 2013/14, due by 2015-03-31, is not on record; the report on "
            "2014/15 is due by 2016-03-31"
        ),
        (UNVERIFIED,),
        (
            (
                "evidence dated in the 2014/15 financial year (the report on 2013/14, due by "
                "2015-03-31) that supports nhs-act-s14z15/explain-involvement"
            ),
        ),
    )


def test_a_report_stays_due_for_the_year_in_which_a_duty_ceased() -> None:
    """s14Z15 ceased with CCGs on 1 July 2022. Assessed on 1 June 2023, the report on
    2021/22 (due by 31 March 2023) is still a gap; on 1 June 2024 nothing more is due
    under it."""
    key = "nhs-act-s14z15/explain-involvement"
    checklist = Checklist.for_body("ccg", on="2022-06-30")
    assert checklist.assess([], as_of="2023-06-01").finding(key).message == (
        "not met: the report on 2021/22, due by 2023-03-31, is not on record; the report on "
        "2022/23 is due by 2024-03-31"
    )
    assert checklist.assess([], as_of="2024-06-01").finding(key).outcome is Outcome.NOT_APPLICABLE


# --- The report as a whole (ComplianceReport) -------------------------------------------


def test_a_report_lists_counts_and_unverified_findings() -> None:
    checklist = _ccg_2019()
    report = checklist.assess(
        [_evidence("leaflet", "2018-02-01", "nhs-act-s14p/promote")],
        as_of="2019-04-01",
        conditions=(),
    )
    assert list(report.counts.items()) == [
        (Outcome.NOT_MET, 22),
        (Outcome.INSUFFICIENT_EVIDENCE, 0),
        (Outcome.PARTLY_MET, 0),
        (Outcome.MET, 1),
        (Outcome.NOT_APPLICABLE, 9),
    ]
    assert report.summary == "22 not met, 1 met, 9 not applicable"
    assert list(report) == list(report.reasons) == list(report.findings)
    assert len(report) == len(checklist) == 32
    assert list(checklist) == list(checklist.items)
    assert [f.rule for f in report.unverified] == [
        "nhs-act-s14z15/explain-involvement",
        "nhs-act-s14z15/hwb-consultation",
        "nhs-act-s14z15/publish-and-present",
        "nhs-act-s14z2/constitution",
        "nhs-act-s14u/promote-involvement",
        "nhs-act-s14u/guidance",
        "scrutiny-reg-23/consult-la",
        "scrutiny-reg-23/dates",
        "service-change-tests/1-commissioner-support",
        "service-change-tests/2-engagement",
        "service-change-tests/3-clinical-evidence",
        "service-change-tests/4-patient-choice",
        "service-change-tests/5-bed-closures",
    ]
    # s14Z2 is verified, its 'constitution' requirement is not; s242 (for trusts from
    # 1 July 2022) is not, its limbs are.
    constitution = next(i for i in checklist if i.id == "nhs-act-s14z2/constitution")
    assert (constitution.duty.verified, constitution.verified) == (True, False)
    s242 = Checklist.for_body("nhs-trust", on="2024-06-30").items[0]
    assert (s242.id, s242.requirement.verified, s242.verified) == ("nhs-act-s242/a", True, False)


def test_a_report_with_nothing_to_check_is_not_applicable() -> None:
    """No CCGs in 2023: an empty checklist's report is not applicable, and ok."""
    report = Checklist.for_body("ccg", on="2023-01-01").assess([], as_of="2023-01-01")
    assert report.outcome is Outcome.NOT_APPLICABLE
    assert report.ok
    assert report.summary == "nothing to check"
    assert set(report.counts.values()) == {0}
    assert repr(report) == (
        "<ComplianceReport not applicable for a CCG as of 2023-01-01 with 0 findings>"
    )


def test_an_item_cites_its_requirement_or_else_its_duty() -> None:
    items = {i.id: i for i in _ccg_2019()}
    assert str(items["nhs-act-s14z2/b"].citation) == "National Health Service Act 2006, s14Z2(2)(b)"
    assert (
        str(items["nhs-act-s14t/have-regard"].citation) == "National Health Service Act 2006, s14T"
    )


def test_a_report_refuses_an_outcome_other_than_its_worst_findings() -> None:
    report = _ccg_2019().assess([], as_of="2019-04-01")
    message = (
        "ComplianceReport.outcome: 'met' is not allowed: must be the worst of its reasons' "
        "outcomes (not-met)"
    )
    with pytest.raises(InvalidValueError, match=f"^{re.escape(message)}$"):
        attrs.evolve(report, outcome="met")


def test_an_evidence_file_named_in_capitals_is_read_as_json(tmp_path: Path) -> None:
    path = tmp_path / "EVIDENCE.JSON"
    record = {
        "id": "minutes",
        "what": "Governing body minutes",
        "date": "2019-01-01",
        "supports": ["nhs-act-s14z2/a"],
    }
    path.write_text(json.dumps({"evidence": [record]}), encoding="utf-8")
    (minutes,) = load_evidence(path)
    assert (minutes.id, minutes.date) == ("minutes", dt.date(2019, 1, 1))


def test_a_finding_is_looked_up_by_requirement_id() -> None:
    report = _ccg_2019().assess([], as_of="2019-04-01")
    message = "unknown requirement 'nhs-act-s14z2/d'; did you mean"
    with pytest.raises(UnknownNameError, match=f"^{re.escape(message)}"):
        report.finding("nhs-act-s14z2/d")
    message = "as_of: '1 April 2019' is not allowed"
    with pytest.raises(InvalidValueError, match=f"^{re.escape(message)}"):
        _ccg_2019().assess([], as_of="1 April 2019")


def test_a_checklist_asks_the_registry_it_is_given() -> None:
    """A registry of s14T alone gives a CCG one item on 1 April 2019."""
    only_s14t = registry().filter(lambda duty: duty.id == "nhs-act-s14t")
    checklist = Checklist.for_body("ccg", on="2019-04-01", registry=only_s14t)
    assert checklist.ids == ("nhs-act-s14t/have-regard",)


def test_a_requirement_of_its_own_force_is_judged_by_it() -> None:
    """A local promise recorded beside the ICB's statutory s14Z45 duty: a gap against it
    is a departure from local practice, not a breach of statute."""
    s14z45 = registry().get("nhs-act-s14z45")
    promise = Requirement(
        key="forum", text="Hold a public forum each quarter.", force="local practice"
    )
    duty = attrs.evolve(s14z45, requirements=(*s14z45.requirements, promise))
    checklist = Checklist(
        body="icb", on=dt.date(2024, 6, 30), items=[ChecklistItem(duty=duty, requirement=promise)]
    )
    finding = checklist.assess([], as_of="2024-06-30").finding("nhs-act-s14z45/forum")
    assert finding.message == (
        "not followed (no evidence): departure from local practice, not a breach of law"
    )
    assert finding.source.force is LegalForce.LOCAL_PRACTICE


# A local duty (as a body would load with load_duties) to report each year on the year
# before, in force from 31 March 2023, the last day of 2022/23, to 31 March 2025.
_LOCAL_REPORT = b"""
[[duty]]
id = "local-engagement-report"
title = "Annual engagement report"
summary = "Report each year on the engagement of the year before."
force = "local-practice"
citation = { instrument = "Example ICB constitution", section = "Part 5" }
bodies = ["icb"]
in_force_from = 2023-03-31
in_force_to = 2025-04-01
verified = true
reviewed_on = 2024-01-15
source = { title = "Constitution", publisher = "NHS Example ICB" }
[[duty.requirements]]
key = "report"
text = "Publish a report on the previous year's engagement."
window = "following-year"
"""


def test_a_report_is_due_for_every_year_a_duty_touched() -> None:
    """In force on the last day of 2022/23, the duty asks for a report on 2022/23 (not a
    first report on a later year), due by 31 March 2024. In force up to the last day of
    2024/25, it asks for no report prepared in 2025/26."""
    local = load_duties(stdio.BytesIO(_LOCAL_REPORT))
    checklist = Checklist.for_body("icb", on="2023-03-31", registry=local)
    key = "local-engagement-report/report"
    assert _words(checklist.assess([], as_of="2023-04-01").finding(key)) == (
        "not-applicable",
        "not yet due: the report on 2022/23 is due by 2024-03-31",
        (),
        (),
    )
    # A local duty: its missed report is a departure from local practice, not a breach.
    missed = checklist.assess([], as_of="2024-04-01").finding(key)
    assert missed.message == (
        "not followed (the report on 2022/23, due by 2024-03-31, is not on record): "
        "departure from local practice, not a breach of law; the report on 2023/24 is due "
        "by 2025-03-31"
    )
    assert (missed.outcome.value, missed.breach) == ("not-met", False)
    after = checklist.assess([], as_of="2026-06-01").finding(key)
    assert after.outcome is Outcome.NOT_APPLICABLE


def test_a_report_duty_that_ceased_asks_for_no_later_report() -> None:
    """CCGs' s14Z15 ceased to apply on 1 July 2022: assessed on 1 June 2024 a CCG owes
    no report on 2023/24, and the finding says why rather than "not yet due"."""
    checklist = Checklist.for_body("ccg", on="2022-06-30")
    finding = checklist.assess([], as_of="2024-06-01").finding("nhs-act-s14z15/explain-involvement")
    assert (finding.outcome.value, finding.message) == (
        "not-applicable",
        "not applicable: this duty ceased to apply on 2022-07-01, so no report on 2023/24 is due",
    )
