"""Checklists and compliance reports with evidence."""

from __future__ import annotations

import datetime as dt
import io as stdio

import pytest

from engagekit import Rating
from engagekit.duties import (
    BodyType,
    Checklist,
    EvidenceItem,
    EvidenceKind,
    FinancialYear,
    FindingStatus,
    Trigger,
    load_evidence,
)
from engagekit.errors import DocumentError, InvalidValueError, UnknownNameError


ON = dt.date(2024, 6, 30)


def annual(day: dt.date, *supports: str, partial: bool = False) -> EvidenceItem:
    return EvidenceItem(
        what=f"Annual report published {day.isoformat()}",
        date=day,
        kind=EvidenceKind.ANNUAL_REPORT,
        supports=supports,
        partial=partial,
    )


def test_one_item_per_requirement_in_force():
    """An ICB's checklist has every requirement of every duty in force, and no CCG ones."""
    checklist = Checklist.for_body(BodyType.ICB, on=ON)
    assert "nhs-act-s14z45/a" in checklist.ids
    assert "nhs-act-s14z58/hwb-consultation" in checklist.ids
    assert not any(i.startswith("nhs-act-s14z2/") for i in checklist.ids)
    assert len(checklist) == len(set(checklist.ids))


def test_empty_checklist_says_why():
    """No CCGs in 2023, so nothing to check, and the checklist says why."""
    checklist = Checklist.for_body(BodyType.CCG, on=dt.date(2023, 1, 1))
    assert len(checklist) == 0
    assert checklist.reason is not None
    assert "no clinical commissioning groups" in checklist.reason


def test_last_years_annual_report_does_not_count():
    """Last year's report (FY 2023/24) does not meet this year's (2024/25) duty, and says why."""
    report = Checklist.for_body(BodyType.ICB, on=ON).assess(
        [annual(dt.date(2023, 6, 29), "nhs-act-s14z58/explain-duties")], as_of=ON
    )
    finding = report.finding("nhs-act-s14z58/explain-duties")
    assert finding.status is FindingStatus.NOT_MET
    assert finding.evidence == ()
    assert len(finding.set_aside) == 1
    assert any("2023/24 financial year" in r and "2024/25" in r for r in finding.reasons)


def test_this_years_report_meets_and_cites():
    """A report dated in the assessment's financial year meets the requirement."""
    report = Checklist.for_body(BodyType.ICB, on=ON).assess(
        [annual(dt.date(2024, 6, 27), "nhs-act-s14z58/explain-duties")], as_of=ON
    )
    finding = report.finding("nhs-act-s14z58/explain-duties")
    assert finding.status is FindingStatus.MET
    assert str(finding.citation) == "National Health Service Act 2006, s14Z58(2)(a)"
    assert finding.verified


def test_evidence_after_as_of_and_before_duty_do_not_count():
    """Evidence dated after the assessment date, or before the duty began, is set aside."""
    report = Checklist.for_body(BodyType.ICB, on=ON).assess(
        [
            EvidenceItem(
                what="Future plan", date=dt.date(2024, 7, 1), supports=["nhs-act-s14z45/a"]
            ),
            EvidenceItem(
                what="CCG-era plan", date=dt.date(2021, 1, 1), supports=["nhs-act-s14z45/a"]
            ),
        ],
        as_of=ON,
    )
    reasons = " ".join(report.finding("nhs-act-s14z45/a").reasons)
    assert "dated after the assessment date" in reasons
    assert "before this duty came into force (2022-07-01)" in reasons


def test_partial_evidence_is_partly_met():
    """Evidence marked partial gives 'partly met'."""
    report = Checklist.for_body(BodyType.ICB, on=ON).assess(
        [annual(dt.date(2024, 6, 27), "nhs-act-s14z58/review-jhws", partial=True)], as_of=ON
    )
    assert report.finding("nhs-act-s14z58/review-jhws").status is FindingStatus.PARTLY_MET


def test_limbs_b_and_c_not_applicable_when_services_untouched():
    """With no impact on delivery or range stated, limbs (b) and (c) are not applicable."""
    report = Checklist.for_body(BodyType.ICB, on=ON).assess([], as_of=ON, conditions=())
    for key in ("b", "c"):
        finding = report.finding(f"nhs-act-s14z45/{key}")
        assert finding.status is FindingStatus.NOT_APPLICABLE
        assert "manner in which services are delivered" in finding.reasons[0]
    assert report.finding("nhs-act-s14z45/a").status is FindingStatus.NOT_MET


def test_limbs_apply_when_condition_holds():
    """With SERVICE_IMPACT stated, limbs (b) and (c) apply."""
    report = Checklist.for_body(BodyType.ICB, on=ON).assess(
        [], as_of=ON, conditions=[Trigger.SERVICE_IMPACT]
    )
    assert report.finding("nhs-act-s14z45/b").status is FindingStatus.NOT_MET
    assert report.conditions == (Trigger.SERVICE_IMPACT,)


def test_gaps_first_and_summary_counts():
    """Findings are ordered not met, partly met, met, not applicable; counts add up."""
    report = Checklist.for_body(BodyType.ICB, on=ON).assess(
        [
            annual(dt.date(2024, 6, 27), "nhs-act-s14z58/explain-duties"),
            annual(dt.date(2024, 6, 27), "nhs-act-s14z58/review-jhws", partial=True),
        ],
        as_of=ON,
        conditions=(),
    )
    order = [f.status for f in report.findings]
    ranks = [list(FindingStatus).index(s) for s in order]
    assert ranks == sorted(ranks)
    counts = report.counts
    assert sum(counts.values()) == len(report)
    assert counts[FindingStatus.MET] == 1
    assert counts[FindingStatus.PARTLY_MET] == 1
    assert report.outcome is Rating.NOT_MET
    assert report.summary.startswith(f"{counts[FindingStatus.NOT_MET]} not met")


def test_unverified_records_are_flagged_in_reports():
    """Findings for unverified records say so, in the finding and in the text report."""
    report = Checklist.for_body(BodyType.ICB, on=ON).assess([], as_of=ON)
    finding = report.finding("guidance-working-in-partnership-2022/1-voices-at-centre")
    assert not finding.verified
    assert any("not verified" in r for r in finding.reasons)
    assert "[unverified]" in str(report)


def test_unknown_requirement_id_names_closest():
    """Evidence for an unknown requirement id raises with the closest ids."""
    checklist = Checklist.for_body(BodyType.ICB, on=ON)
    with pytest.raises(UnknownNameError) as info:
        checklist.assess([EvidenceItem(what="x", date=ON, supports=["nhs-act-s14z45/d"])], as_of=ON)
    assert "nhs-act-s14z45/a" in info.value.suggestions
    assert "nhs-act-s14z45/d" in str(info.value)


def test_bad_as_of_and_bad_evidence():
    """as_of must be a date; evidence must be EvidenceItem values."""
    checklist = Checklist.for_body(BodyType.ICB, on=ON)
    with pytest.raises(InvalidValueError, match="as_of"):
        checklist.assess([], as_of="2024-06-30")  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError, match=r"evidence\[0\]"):
        checklist.assess(["minutes"], as_of=ON)  # type: ignore[list-item]


def test_evidence_needs_a_requirement():
    """An evidence item supporting nothing is bad input naming the field."""
    with pytest.raises(InvalidValueError, match=r"EvidenceItem\.supports"):
        EvidenceItem(what="Minutes", date=ON, supports=[])


def test_load_evidence_reports_bad_kind():
    """An unknown evidence kind is reported with its key path and value."""
    text = b'[[evidence]]\nwhat = "x"\ndate = 2024-01-01\nkind = "memo"\nsupports = ["a/b"]\n'
    with pytest.raises(DocumentError) as info:
        load_evidence(stdio.BytesIO(text))
    assert "$.evidence[0].kind" in str(info.value)
    assert "'memo'" in str(info.value)


def test_financial_year_helper():
    """NHS financial years run 1 April to 31 March."""
    assert FinancialYear.containing(dt.date(2024, 3, 31)).label == "2023/24"
    assert FinancialYear.containing(dt.date(2024, 4, 1)).label == "2024/25"
    assert FinancialYear.parse("2022-23") == FinancialYear(2022)
    with pytest.raises(InvalidValueError, match=r"2022/24"):
        FinancialYear.parse("2022/24")
    with pytest.raises(InvalidValueError, match="start_year"):
        FinancialYear(True)  # type: ignore[arg-type]
