"""Checklists and compliance reports with evidence."""

from __future__ import annotations

import datetime as dt
import io as stdio

import pytest

from engagekit.duties import BodyType, Checklist, FinancialYear, Trigger, load_evidence
from engagekit.errors import (
    DocumentError,
    InvalidTypeError,
    InvalidValueError,
    UnknownChoiceError,
    UnknownNameError,
)
from engagekit.evidence import Evidence, EvidenceKind
from engagekit.results import Outcome


ON = dt.date(2024, 6, 30)


def annual(day: dt.date, *supports: str, partial: bool = False) -> Evidence:
    return Evidence(
        id=f"annual-report-{day.isoformat()}-{len(supports)}-{partial}",
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


def test_the_report_judged_is_the_one_on_the_last_complete_year():
    """s14Z58(1): an ICB 'must, in each financial year, prepare a report ... on how it has
    discharged its functions in the previous financial year'. On 30 June 2024 the report
    judged is the one on 2023/24, due by 31 March 2025: not yet due."""
    report = Checklist.for_body(BodyType.ICB, on=ON).assess(
        [annual(dt.date(2023, 6, 29), "nhs-act-s14z58/explain-duties")], as_of=ON
    )
    finding = report.finding("nhs-act-s14z58/explain-duties")
    assert finding.outcome is Outcome.NOT_APPLICABLE
    assert finding.message == "not yet due: the report on 2023/24 is due by 2025-03-31"
    assert any("the report on 2022/23 is on record" in n for n in finding.notes)


def test_1_april_does_not_flip_the_annual_report_to_not_met():
    """The report on 2022/23 was prepared in 2023/24; on 1 April 2024 the next report
    (on 2023/24) is not due until 31 March 2025."""
    evidence = [annual(dt.date(2023, 6, 29), "nhs-act-s14z58/explain-duties")]
    key = "nhs-act-s14z58/explain-duties"
    day_before = Checklist.for_body(BodyType.ICB, on="2024-03-31").assess(
        evidence, as_of="2024-03-31"
    )
    assert day_before.finding(key).outcome is Outcome.MET
    day_of = Checklist.for_body(BodyType.ICB, on="2024-04-01").assess(evidence, as_of="2024-04-01")
    assert day_of.finding(key).outcome is Outcome.NOT_APPLICABLE


def test_an_overdue_report_is_not_met_with_its_due_date():
    """No report on 2022/23 (due by 31 March 2024) on record on 1 April 2024: a gap."""
    report = Checklist.for_body(BodyType.ICB, on="2024-04-01").assess([], as_of="2024-04-01")
    finding = report.finding("nhs-act-s14z58/explain-duties")
    assert finding.outcome is Outcome.NOT_MET
    assert finding.message == (
        "not met: the report on 2022/23, due by 2024-03-31, is not on record; "
        "the report on 2023/24 is due by 2025-03-31"
    )
    assert finding.missing == (
        (
            "evidence dated in the 2023/24 financial year (the report on 2022/23, due by "
            "2024-03-31) that supports nhs-act-s14z58/explain-duties"
        ),
    )


def test_an_older_report_does_not_count():
    """A report dated in 2022/23 (on 2021/22) says nothing about the reports due later."""
    report = Checklist.for_body(BodyType.ICB, on=ON).assess(
        [annual(dt.date(2022, 12, 1), "nhs-act-s14z58/explain-duties")], as_of=ON
    )
    finding = report.finding("nhs-act-s14z58/explain-duties")
    assert finding.outcome is Outcome.NOT_MET
    assert len(finding.set_aside) == 1
    assert any("2022/23 financial year" in n for n in finding.notes)


def test_no_report_is_due_before_the_first_year_of_the_duty():
    """ICBs were established on 1 July 2022: their first report, on 2022/23, is due by
    31 March 2024."""
    report = Checklist.for_body(BodyType.ICB, on="2022-12-01").assess([], as_of="2022-12-01")
    finding = report.finding("nhs-act-s14z58/explain-duties")
    assert finding.outcome is Outcome.NOT_APPLICABLE
    assert finding.message == (
        "not yet due: the first report under this duty, on 2022/23, is due by 2024-03-31"
    )


def test_this_years_report_meets_and_cites():
    """A report dated in the assessment's financial year (the report on the last complete
    year) meets the requirement."""
    report = Checklist.for_body(BodyType.ICB, on=ON).assess(
        [annual(dt.date(2024, 6, 27), "nhs-act-s14z58/explain-duties")], as_of=ON
    )
    finding = report.finding("nhs-act-s14z58/explain-duties")
    assert finding.outcome is Outcome.MET
    assert finding.source.title == "National Health Service Act 2006"
    assert finding.source.section == "s14Z58(2)(a)"
    assert finding.source.publisher == "UK Parliament"
    assert finding.evidence == (finding.used[0].id,)
    assert finding.verified


def test_evidence_after_as_of_and_before_duty_do_not_count():
    """Evidence dated after the assessment date, or before the duty began, is set aside."""
    report = Checklist.for_body(BodyType.ICB, on=ON).assess(
        [
            Evidence(
                id="future-plan",
                what="Future plan",
                date=dt.date(2024, 7, 1),
                supports=["nhs-act-s14z45/a"],
            ),
            Evidence(
                id="ccg-plan",
                what="CCG-era plan",
                date=dt.date(2021, 1, 1),
                supports=["nhs-act-s14z45/a"],
            ),
        ],
        as_of=ON,
    )
    reasons = " ".join(report.finding("nhs-act-s14z45/a").points)
    assert "dated after the assessment date" in reasons
    assert "before this duty came into force (2022-07-01)" in reasons


def test_partial_evidence_is_partly_met():
    """Evidence marked partial gives 'partly met'."""
    report = Checklist.for_body(BodyType.ICB, on=ON).assess(
        [annual(dt.date(2024, 6, 27), "nhs-act-s14z58/review-jhws", partial=True)], as_of=ON
    )
    assert report.finding("nhs-act-s14z58/review-jhws").outcome is Outcome.PARTLY_MET


def test_limbs_b_and_c_not_applicable_when_services_untouched():
    """With no impact on delivery or range stated, limbs (b) and (c) are not applicable."""
    report = Checklist.for_body(BodyType.ICB, on=ON).assess([], as_of=ON, conditions=())
    for key in ("b", "c"):
        finding = report.finding(f"nhs-act-s14z45/{key}")
        assert finding.outcome is Outcome.NOT_APPLICABLE
        assert "manner in which services are delivered" in finding.message
    assert report.finding("nhs-act-s14z45/a").outcome is Outcome.NOT_MET


def test_limbs_apply_when_condition_holds():
    """With SERVICE_IMPACT stated, limbs (b) and (c) apply."""
    report = Checklist.for_body(BodyType.ICB, on=ON).assess(
        [], as_of=ON, conditions=[Trigger.SERVICE_IMPACT]
    )
    assert report.finding("nhs-act-s14z45/b").outcome is Outcome.NOT_MET
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
    severities = [f.outcome.severity for f in report.reasons]
    assert severities == sorted(severities, reverse=True)
    counts = report.counts
    assert sum(counts.values()) == len(report)
    assert counts[Outcome.MET] == 1
    assert counts[Outcome.PARTLY_MET] == 1
    assert report.outcome is Outcome.NOT_MET
    assert not report.ok
    assert not report
    assert report.gaps == report.reasons[: len(report.gaps)]
    assert report.summary.startswith(f"{counts[Outcome.NOT_MET]} not met")


def test_unverified_records_are_flagged_in_reports():
    """Findings for unverified records say so, in the finding and in the text report."""
    report = Checklist.for_body(BodyType.ICB, on=ON).assess([], as_of=ON)
    finding = report.finding("guidance-working-in-partnership-2022/1-voices-at-centre")
    assert not finding.verified
    assert any("not verified" in r for r in finding.notes)
    assert "[unverified]" in str(report)


def test_unknown_requirement_id_names_closest():
    """Evidence for an unknown requirement id raises with the closest ids."""
    checklist = Checklist.for_body(BodyType.ICB, on=ON)
    with pytest.raises(UnknownNameError, match="nhs-act-s14z45/d") as info:
        checklist.assess(
            [Evidence(id="x", what="x", date=ON, supports=["nhs-act-s14z45/d"])], as_of=ON
        )
    assert "nhs-act-s14z45/a" in info.value.suggestions
    assert "nhs-act-s14z45/d" in str(info.value)


def test_bad_as_of_and_bad_evidence():
    """as_of is a date or YYYY-MM-DD text; evidence must be Evidence records."""
    checklist = Checklist.for_body(BodyType.ICB, on=ON)
    assert checklist.assess([], as_of="2024-06-30") == checklist.assess([], as_of=ON)
    with pytest.raises(InvalidValueError, match="as_of"):
        checklist.assess([], as_of="30/06/2024")
    with pytest.raises(InvalidTypeError, match="as_of"):
        checklist.assess([], as_of=20240630)  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match=r"evidence\[0\]"):
        checklist.assess(["minutes"], as_of=ON)  # type: ignore[list-item]
    with pytest.raises(InvalidTypeError, match="evidence"):
        checklist.assess("minutes", as_of=ON)  # type: ignore[arg-type]


def test_duplicate_evidence_ids_are_refused():
    """Two records with one id would make a finding's evidence ids ambiguous."""
    item = annual(dt.date(2024, 6, 27), "nhs-act-s14z58/explain-duties")
    with pytest.raises(InvalidValueError, match="duplicate"):
        Checklist.for_body(BodyType.ICB, on=ON).assess([item, item], as_of=ON)


def test_conditions_accept_text():
    """Conditions may be named as text; unknown ones are refused."""
    checklist = Checklist.for_body(BodyType.ICB, on=ON)
    report = checklist.assess([], as_of=ON, conditions=["service impact"])
    assert report.conditions == (Trigger.SERVICE_IMPACT,)
    with pytest.raises(UnknownChoiceError, match="conditions"):
        checklist.assess([], as_of=ON, conditions=["sometimes"])


def test_load_evidence_reports_bad_kind():
    """An unknown evidence kind is reported with its key path and value."""
    text = (
        b'[[evidence]]\nid = "x"\nwhat = "x"\ndate = 2024-01-01\nkind = "memo"\n'
        b'supports = ["a/b"]\n'
    )
    with pytest.raises(DocumentError, match=r"\$\.evidence\[0\]\.kind.*'memo'") as info:
        load_evidence(stdio.BytesIO(text))
    assert "$.evidence[0].kind" in str(info.value)
    assert "'memo'" in str(info.value)


def test_load_evidence_refuses_a_document_reference_as_link():
    """link is an http(s) URL only; a document reference belongs in what or note."""
    text = (
        b'[[evidence]]\nid = "x"\nwhat = "x"\ndate = 2024-01-01\n'
        b'link = "Board papers, item 7"\nsupports = ["a/b"]\n'
    )
    with pytest.raises(DocumentError, match="http"):
        load_evidence(stdio.BytesIO(text))


def test_load_evidence_refuses_duplicate_ids():
    """Duplicate ids are refused at load time."""
    entry = b'[[evidence]]\nid = "x"\nwhat = "x"\ndate = 2024-01-01\nsupports = ["a/b"]\n'
    with pytest.raises(DocumentError, match="duplicate"):
        load_evidence(stdio.BytesIO(entry + entry))


def test_load_evidence_reads_json_of_the_same_shape(tmp_path):
    """A `.json` evidence file holds what the TOML holds, bare or in io's envelope."""
    import json

    from engagekit import io
    from engagekit.cli._duties import _demo_evidence

    evidence = _demo_evidence()
    records = [io.to_dict(e) for e in evidence]
    bare = tmp_path / "evidence.json"
    bare.write_text(json.dumps({"evidence": records}), encoding="utf-8")
    assert load_evidence(bare) == evidence
    wrapped = tmp_path / "wrapped.json"
    wrapped.write_text(
        json.dumps(
            {"engagekit": {"format": 1, "type": "EvidenceFile"}, "data": {"evidence": records}}
        ),
        encoding="utf-8",
    )
    assert load_evidence(str(wrapped)) == evidence
    records[1]["kind"] = "memo"
    bare.write_text(json.dumps({"evidence": records}), encoding="utf-8")
    with pytest.raises(DocumentError, match=r"evidence\.json.*\n.*\$\.evidence\[1\]\.kind.*'memo'"):
        load_evidence(bare)


def test_an_evidence_file_of_the_wrong_shape_is_named_in_words(tmp_path):
    """The message names an evidence file, not the private type that reads it."""
    listed = tmp_path / "evidence.json"
    listed.write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(
        DocumentError, match=r"got a list \[1, 2\]; expected a table of evidence file fields"
    ):
        load_evidence(listed)


def test_financial_year_helper():
    """NHS financial years run 1 April to 31 March."""
    assert FinancialYear.containing(dt.date(2024, 3, 31)).label == "2023/24"
    assert FinancialYear.containing(dt.date(2024, 4, 1)).label == "2024/25"
    assert FinancialYear.parse("2022-23") == FinancialYear(2022)
    with pytest.raises(InvalidValueError, match=r"2022/24"):
        FinancialYear.parse("2022/24")
    with pytest.raises(InvalidTypeError, match="start_year"):
        FinancialYear(True)
    with pytest.raises(InvalidTypeError, match="financial year"):
        FinancialYear.parse(2022)  # type: ignore[arg-type]
    assert FinancialYear.containing("2024-04-01") == FinancialYear(2024)
    assert FinancialYear.parse("2022/2023") == FinancialYear(2022)


def test_a_substantial_change_engages_limbs_b_and_c():
    """A substantial development or variation changes how services are delivered, so
    s14Z2(2)(b) and (c) apply alongside reg 23 and the four tests."""
    from engagekit.duties import Checklist as _Checklist

    report = _Checklist.for_body("ccg", on="2018-06-01").assess(
        [], as_of="2018-06-01", conditions=["substantial-change"]
    )
    for key in ("nhs-act-s14z2/b", "nhs-act-s14z2/c", "scrutiny-reg-23/consult-la"):
        assert report.finding(key).outcome.label == "not met", key
    assert any(
        "changes how services are delivered" in n for n in report.finding("nhs-act-s14z2/b").notes
    )


def test_s242_as_enacted_applies_limbs_b_and_c_whatever_the_conditions():
    """Before 3 November 2008 s242(2) had no impact condition on limbs (b) and (c)."""
    from engagekit.duties import Checklist as _Checklist

    report = _Checklist.for_body("pct", on="2008-01-01").assess(
        [], as_of="2008-01-01", conditions=[]
    )
    assert report.finding("nhs-act-s242/b").outcome.label == "not met"
    later = _Checklist.for_body("pct", on="2009-01-01").assess(
        [], as_of="2009-01-01", conditions=[]
    )
    assert later.finding("nhs-act-s242/b").outcome.label == "not applicable"


def test_an_assessment_date_before_the_day_checked_is_refused():
    """An ICB's 2024 duties assessed as of 2012 was accepted, and every piece of
    evidence set aside as dated after the assessment date: a report of gaps that are
    not. The refusal names both dates and says why."""
    checklist = Checklist.for_body(BodyType.ICB, on=ON)
    evidence = [annual(dt.date(2024, 6, 27), "nhs-act-s14z58/explain-duties")]
    with pytest.raises(InvalidValueError, match=r"^as_of: '2012-06-01' is not allowed: ") as exc:
        checklist.assess(evidence, as_of="2012-06-01")
    assert exc.value.value == "2012-06-01"  # the value given, unchanged
    assert exc.value.reason == (
        "is before on=2024-06-30: the duties in force on a day can only be assessed on or "
        "after it, as evidence dated after the assessment date does not count (give "
        "as_of=2024-06-30 or later, or on=2012-06-01 to check the duties of that day)"
    )
    with pytest.raises(InvalidValueError, match=r"is before on=2024-06-30"):
        checklist.assess(evidence, as_of=ON - dt.timedelta(days=1))
    # The day itself, and any later day, are assessments of the same duties.
    met = checklist.assess(evidence, as_of=ON).finding("nhs-act-s14z58/explain-duties")
    assert met.outcome is Outcome.MET


def test_a_primary_care_trust_s_2012_duties_can_be_assessed_years_later():
    """The other way round is a later look at the same duties: a PCT's 2012 checklist
    assessed as of 2024 is accepted."""
    checklist = Checklist.for_body("pct", on="2012-06-01")
    assert "nhs-act-s242/a" in checklist.ids
    report = checklist.assess([], as_of="2024-06-30")
    assert (report.on, report.as_of) == (dt.date(2012, 6, 1), dt.date(2024, 6, 30))


def test_a_report_assessed_before_its_day_cannot_be_built_or_loaded():
    """`ComplianceReport` takes both dates too: built directly (or loaded from a
    document), as_of before on is refused in the same words."""
    from engagekit import io
    from engagekit.duties import ComplianceReport

    report = Checklist.for_body(BodyType.ICB, on=ON).assess([], as_of=ON)
    with pytest.raises(
        InvalidValueError, match=r"^ComplianceReport\.as_of: .*is before on=2024-06-30"
    ):
        ComplianceReport(
            body=report.body,
            on=report.on,
            as_of=dt.date(2012, 6, 1),
            outcome=report.outcome,
            reasons=report.reasons,
        )
    document = io.to_dict(report)
    document["as_of"] = "2012-06-01"
    with pytest.raises(DocumentError, match=r"\$\.as_of: .*is before on=2024-06-30"):
        io.from_dict(document, ComplianceReport)
