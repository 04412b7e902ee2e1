"""A consultation whose dates are not recorded is counted in the record's year only:
`engagekit report somerset-2011 --year 2022` reported "1 formal consultation" from 2011
in 2022, as every year's report did."""

from __future__ import annotations

import io as stdio

from engagekit import examples
from engagekit.cli import main
from engagekit.consultations import Consultation
from engagekit.plans import EngagementRecord, annual_engagement_report
from engagekit.plans._report import Section


PHARMACY = Consultation(id="pharmacy", title="Community pharmacy opening hours", responses=40)


def _report(command: list[str]) -> str:
    out = stdio.StringIO()
    assert main(command, out=out) == 0
    return out.getvalue()


def test_the_somerset_record_s_consultation_is_2011_12_s_only() -> None:
    record = examples.somerset_engagement_record()
    assert record.year == 2011
    later = annual_engagement_report(2022, record)
    assert later.section("Summary").items == (
        "0 meetings held",
        "0 pieces of evidence of involvement",
        "action plan progress at year end: 24%",
    )
    assert "Consultations" not in [s.title for s in later.sections]
    assert "Consultations without recorded dates" not in [s.title for s in later.sections]
    proposals = later.section("The public involvement duty").sections[1]
    assert proposals.items == ()
    own = annual_engagement_report(2011, record)
    assert "1 formal consultation" in own.section("Summary").items


def test_the_command_line_report_of_2022_has_no_2011_consultation() -> None:
    text = _report(["report", "somerset-2011", "--year", "2022", "--format", "text"])
    assert "formal consultation" not in text
    assert "Consultation process on the PPI Strategy" not in text
    text = _report(["report", "somerset-2011", "--year", "2011", "--format", "text"])
    assert "- 1 formal consultation\n" in text


def test_a_record_without_a_year_lists_it_apart_and_counts_it_nowhere() -> None:
    record = EngagementRecord(body="NHS Example CCG", consultations=[PHARMACY])
    report = annual_engagement_report(2018, record)
    assert report.section("Summary").items == (
        "0 meetings held",
        "0 pieces of evidence of involvement",
        "1 formal consultation with no recorded dates, not counted in the year",
    )
    assert report.section("Consultations without recorded dates") == Section(
        title="Consultations without recorded dates",
        paragraphs=(
            (
                "The record holds formal consultations whose dates are not recorded and that "
                "it does not place in a year, so whether they ran in 2018/19 is not known: "
                "they are not counted in its figures, nor as evidence of the duty or the "
                "Engagement Cycle. Record their dates, or the record's year, to report them "
                "in their year."
            ),
        ),
        items=("Consultation: Community pharmacy opening hours (40 responses)",),
    )
    assert "Consultations" not in [s.title for s in report.sections]
    assert report.section("The public involvement duty").sections[1].items == ()
    stage_2 = report.section("The Engagement Cycle").sections[1]
    assert stage_2.items == ()


def test_parts_given_for_a_year_s_report_are_that_year_s() -> None:
    """The keyword form says what the year produced: its undated consultation ran in it."""
    report = annual_engagement_report(2018, body="NHS Example CCG", consultations=[PHARMACY])
    assert "1 formal consultation" in report.section("Summary").items
    assert report.section("Consultations").tables[0].rows[0][:3] == (
        "Community pharmacy opening hours",
        "dates not recorded",
        "40 responses",
    )
    calendar = annual_engagement_report(
        2018, body="NHS Example CCG", consultations=[PHARMACY], financial=False
    )
    assert calendar.section("Consultations without recorded dates").items == (
        "Consultation: Community pharmacy opening hours (40 responses)",
    )
