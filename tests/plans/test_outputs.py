"""Reports, stakeholders and roles, meetings, io round trips, renderers and the CLI."""

from __future__ import annotations

import datetime as dt
import io as stdio

import pytest

from hypothesis import given

from engagekit import examples, io, render
from engagekit.cli import main
from engagekit.cycles import EngagementStage
from engagekit.errors import InvalidValueError, UnknownNameError
from engagekit.evidence import Evidence
from engagekit.plans import (
    Adherence,
    AnnualEngagementReport,
    FeedbackLoop,
    Meeting,
    Part,
    ReachCount,
    Recurrence,
    TargetDate,
    annual_engagement_report,
    held,
    statuses,
)
from tests.strategies.plans import loops, meetings, plans, recurrences, target_dates


D = dt.date


def _oxfordshire_report() -> AnnualEngagementReport:
    plan = examples.oxfordshire_delivery_plan()
    target = plan.action("7.6").target
    assert isinstance(target, Recurrence)
    forums = target.schedule(D(2015, 4, 1), D(2016, 3, 31))
    held_meetings = [
        Meeting(id=f"plf-{n}", date=o.date + dt.timedelta(days=3), body=str(o.body),
                title="Public Locality Forum", attendance=30, minutes="published")
        for n, o in enumerate(forums) if n != 4
    ]  # fmt: skip
    evidence = [
        Evidence(id="talking-health-2015", kind="survey", date=D(2015, 6, 1),
                 what="Talking Health survey on the strategy",
                 limbs=["planning"], stage=EngagementStage.PLAN_AND_TRANSFORM),
    ]  # fmt: skip
    reach = [ReachCount(characteristic="age", group="under 25", count=5),
             ReachCount(characteristic="age", group="25 and over", count=15)]  # fmt: skip
    return annual_engagement_report(
        2015, body="Oxfordshire CCG", plan=plan, meetings=held_meetings,
        evidence=evidence, participants=reach,
    )  # fmt: skip


class TestAnnualReport:
    def test_sections(self) -> None:
        """The report has the duty's limbs, the cycle's stages, the calendar and reach."""
        report = _oxfordshire_report()
        assert [s.title for s in report.sections] == [
            "Summary", "The public involvement duty", "The Engagement Cycle",
            "Meetings against the calendar", "Actions", "Equality reach",
        ]  # fmt: skip
        duty = report.section("The public involvement duty")
        assert duty.sections[0].items == ("2015-06-01: Talking Health survey on the strategy",)
        assert (report.start, report.end) == (D(2015, 4, 1), D(2016, 3, 31))

    def test_summary_counts_read_as_english(self) -> None:
        """One piece of evidence is "1 piece", not "1 pieces"."""
        items = _oxfordshire_report().section("Summary").items
        assert items[:2] == ("11 meetings held", "1 piece of evidence of involvement")

    def test_calendar_adherence(self) -> None:
        """Twelve locality forums expected, eleven held, each three days after its date."""
        rows = _oxfordshire_report().section("Meetings against the calendar").tables[0].rows
        forum = next(r for r in rows if r[0] == "7.6")
        assert forum[2:] == ("12", "11", "1", "11")
        governing_body = next(r for r in rows if r[0] == "7.7a")
        assert governing_body[2:4] == ("6", "0")

    def test_equality_reach(self) -> None:
        """Shares per characteristic, with the total."""
        reach = _oxfordshire_report().section("Equality reach")
        assert reach.sections[0].tables[0].rows == (
            ("under 25", "5", "25%"),
            ("25 and over", "15", "75%"),
            ("Total", "20", "100%"),
        )

    def test_equality_reach_suppresses_small_groups(self) -> None:
        """Issue 14: a lone "gay or lesbian — 1 — 100%" is no longer printed."""
        reach = [
            ReachCount(characteristic="sexual orientation", group="gay or lesbian", count=1),
            ReachCount(characteristic="sexual orientation", group="heterosexual", count=0),
            ReachCount(characteristic="age", group="under 25", count=3),
            ReachCount(characteristic="age", group="25 to 64", count=31),
            ReachCount(characteristic="age", group="65 and over", count=42),
            ReachCount(characteristic="age", group="Prefer not to say", count=6),
        ]
        report = annual_engagement_report(2015, body="Oxfordshire CCG", participants=reach)
        orientation, age = report.section("Equality reach").sections
        assert orientation.tables[0].rows == (
            ("gay or lesbian", "*", "*"),
            ("heterosexual", "0", "*"),
            ("Total", "*", "*"),
        )
        assert age.tables[0].rows == (
            ("under 25", "*", "*"),
            ("25 to 64", "*", "*"),
            ("65 and over", "42", "55%"),
            ("Prefer not to say", "6", "7%"),
            ("Total", "82", "100%"),
        )
        assert "gay or lesbian | 1 |" not in render.markdown(report)
        with pytest.raises(InvalidValueError, match=r"participants\[1\]"):
            annual_engagement_report(2015, body="Oxfordshire CCG", participants=reach[:1] * 2)

    def test_markdown_and_html(self) -> None:
        """Markdown has headings and tables; HTML is a standalone page."""
        report = _oxfordshire_report()
        markdown = render.markdown(report)
        assert markdown.startswith("# Oxfordshire CCG: annual engagement report 2015/16")
        assert "## Meetings against the calendar" in markdown
        page = render.html(report)
        assert page.startswith("<!DOCTYPE html>")
        assert page.rstrip().endswith("</html>")
        assert report._repr_html_().startswith("<article")

    def test_calendar_year(self) -> None:
        """financial=False covers the calendar year."""
        report = annual_engagement_report(2018, body="Sutton CCG", financial=False)
        assert (report.start, report.end) == (D(2018, 1, 1), D(2018, 12, 31))

    def test_bad_year(self) -> None:
        """A year before the NHS existed is refused, naming the value."""
        with pytest.raises(InvalidValueError, match="year: 1900"):
            annual_engagement_report(1900, body="x")

    def test_year_past_the_calendar(self) -> None:
        """Year 9999's financial year would end in 10000, which no date can hold."""
        with pytest.raises(InvalidValueError, match="from 1948 to 9998"):
            annual_engagement_report(9999, body="x")


class TestStakeholders:
    def test_accountable_for_annual_report(self) -> None:
        """Sutton: the COO ensures the Annual Engagement Report is prepared; the GB approves it."""
        matrix = examples.sutton_responsibilities()
        assert matrix.accountable_for("annual-engagement-report") == ("Chief Operating Officer",)
        assert matrix.who("annual-engagement-report", Part.APPROVES) == ("Governing Body",)
        with pytest.raises(UnknownNameError, match="annual-report"):
            matrix.who("annual-report")

    def test_stakeholder_table(self) -> None:
        """Sutton's table: six groups; NHS England, Sutton Council and Scrutiny monitor formally."""
        table = examples.sutton_stakeholders()
        assert len(table.groups) == 6
        assert "NHS England" in table.group("Providers and Health Partners").members
        assert [i.name for i in table.monitoring_bodies()] == [
            "NHS England", "Sutton Council", "Scrutiny Committee",
        ]  # fmt: skip


class TestMeetings:
    def test_close_out(self) -> None:
        """A meeting is closed out once attendance is counted and minutes are published."""
        meeting = Meeting(id="m", date=D(2018, 5, 1), body="prg", title="PRG", attendance=18,
                          minutes="https://example.org/minutes")  # fmt: skip
        assert meeting.closed_out
        assert held([meeting], bodies=["other"]) == ()

    def test_negative_attendance(self) -> None:
        """Attendance below zero is refused, naming the field."""
        with pytest.raises(InvalidValueError, match=r"Meeting.attendance: -3"):
            Meeting(id="m", date=D(2018, 5, 1), body="prg", title="PRG", attendance=-3)


class TestRoundTrip:
    @given(target_dates())
    def test_target_dates(self, value):
        """TargetDate round-trips through engagekit.io."""
        assert io.loads(io.dumps(value), TargetDate) == value

    @given(recurrences())
    def test_recurrences(self, value):
        """Recurrence round-trips through engagekit.io."""
        assert io.loads(io.dumps(value), Recurrence) == value

    @given(plans())
    def test_plans(self, value):
        """ActionPlan round-trips through engagekit.io."""
        assert io.loads(io.dumps(value), type(value)) == value

    @given(loops())
    def test_loops(self, value):
        """FeedbackLoop round-trips through engagekit.io."""
        assert io.loads(io.dumps(value), FeedbackLoop) == value

    @given(meetings)
    def test_meetings(self, value):
        """Meeting round-trips through engagekit.io."""
        assert io.loads(io.dumps(value), Meeting) == value

    @pytest.mark.parametrize(
        "value",
        [
            examples.somerset_action_plan(),
            examples.gpcc_timeline_2011(),
            examples.oxfordshire_delivery_plan(),
            examples.sutton_stakeholders(),
            examples.sutton_responsibilities(),
            statuses(),
            Recurrence.parse("quarterly").adherence([D(2018, 4, 2)], D(2018, 4, 1), D(2019, 3, 31)),
        ],
        ids=lambda v: type(v).__name__,
    )
    def test_examples(self, value):
        """Every example and result value round-trips."""
        assert io.loads(io.dumps(value), type(value)) == value

    def test_report(self) -> None:
        """The annual report document model round-trips."""
        report = _oxfordshire_report()
        assert io.loads(io.dumps(report), AnnualEngagementReport) == report

    def test_target_as_phrase(self) -> None:
        """A target may be written as its phrase; an unknown target field is reported."""
        assert io.from_dict("End of May 2011", TargetDate) == TargetDate.parse("End of May 2011")
        bad = {"text": "x", "precision": "day", "colour": "red"}
        with pytest.raises(ValueError, match="colour"):
            io.from_dict(bad, TargetDate)

    def test_adherence_repr_html(self) -> None:
        """Results have an HTML repr."""
        result: Adherence = Recurrence.parse("quarterly").adherence(
            [D(2018, 4, 2)], D(2018, 4, 1), D(2019, 3, 31)
        )
        assert "1 of 4 held" in result._repr_html_()
        assert "every 3 months (4 a year)" in Recurrence.parse("quarterly")._repr_html_()
        assert "<table" in examples.somerset_action_plan()._repr_html_()
        assert "<table" in examples.sutton_responsibilities()._repr_html_()
        assert "part-of-month" in TargetDate.parse("End of May 2011")._repr_html_()


class TestCommandLine:
    def _run(self, *argv: str) -> tuple[int, str]:
        out = stdio.StringIO()
        return main(list(argv), out), out.getvalue()

    def test_dates(self) -> None:
        """`engagekit dates` shows how phrases are read."""
        code, text = self._run("dates", "End of May 2011", "Quarterly")
        assert code == 0
        assert "'End of May 2011': 2011-05-21 to 2011-05-31 (part-of-month)" in text
        assert "every 3 months" in text

    def test_dates_unreadable(self, capsys):
        """An unreadable phrase exits 2 with one line on stderr quoting it."""
        code, _ = self._run("dates", "Dec 5th")
        assert code == 2
        assert "cannot read 'Dec 5th'" in capsys.readouterr().err

    def test_plan_overdue(self, tmp_path):
        """`engagekit plan FILE --as-of --overdue` lists overdue actions and exits 1."""
        from importlib import resources

        path = tmp_path / "plan.toml"
        path.write_bytes(
            resources.files("engagekit.data").joinpath("plan_somerset_v8.toml").read_bytes()
        )
        code, text = self._run("plan", str(path), "--as-of", "2012-01-15", "--overdue")
        assert code == 1
        assert "Overdue on 2012-01-15: 6" in text
        code, text = self._run("plan", str(path), "--as-of", "2011-06-01")
        assert code == 0
        assert "Progress on 2011-06-01: 0%" in text

    def test_report(self, tmp_path):
        """`engagekit report FILE --year --format html` writes a standalone page."""
        from importlib import resources

        path = tmp_path / "plan.toml"
        path.write_bytes(
            resources.files("engagekit.data").joinpath("plan_oxfordshire_2015.toml").read_bytes()
        )
        code, text = self._run("report", str(path), "--year", "2015", "--format", "html")
        assert code == 0
        assert text.startswith("<!DOCTYPE html>")
        code, text = self._run("report", str(path), "--year", "2015")
        assert (
            "# Oxfordshire Clinical Commissioning Group: annual engagement report 2015/16" in text
        )

    def test_demo_section(self) -> None:
        """`engagekit demo` shows Somerset's overdue actions as of 15 January 2012."""
        code, text = self._run("demo")
        assert code == 0
        assert "ACTION PLANS: Somerset CCG's Action Plan v8" in text
        assert "5.1a   [Nov/Dec 2011]" in text


class TestResultRoundTrips:
    @given(loops())
    def test_loop_results(self, loop):
        """LoopMetrics, Lineage and the You said, we did document round-trip."""
        from engagekit.plans import Lineage, LoopMetrics, YouSaidWeDid, you_said_we_did

        as_of = D(2041, 1, 1)
        metrics = loop.metrics(as_of)
        assert io.loads(io.dumps(metrics), LoopMetrics) == metrics
        lineage = loop.trace(loop.items[0].id)
        assert io.loads(io.dumps(lineage), Lineage) == lineage
        document = you_said_we_did(loop, (D(2000, 1, 1), as_of))
        assert io.loads(io.dumps(document), YouSaidWeDid) == document


def test_annual_report_cites_the_law_of_its_year():
    """s14Z2 was inserted by the Health and Social Care Act 2012 (fully in force 1 April
    2013): the 2011/12 report cites s242(1B); ICB years cite s14Z45(2) and s14Z58."""
    from engagekit.plans import annual_engagement_report

    def law(year: int, **kwargs: object) -> tuple[str, ...]:
        report = annual_engagement_report(year, body="NHS Example", **kwargs)  # type: ignore[arg-type]
        return report.section("The public involvement duty").paragraphs

    assert law(2011) == (
        (
            "Arrangements for the public to be involved in each limb of the duty "
            "(National Health Service Act 2006, s242(1B))."
        ),
        (
            "Legal force: statute. A limb that applied and has no evidence is a gap against "
            "the law (limbs (b) and (c) apply only where a change would have an impact on how "
            "services are delivered or the range available: under section 242 from 3 November "
            "2008, and under sections 14Z2 and 14Z45 from their start)."
        ),
    )
    assert "s14Z2" not in " ".join(law(2011))
    assert law(2018)[0].endswith("(National Health Service Act 2006, s14Z2(2)).")
    assert "s14Z15" in law(2018)[2]
    icb = " ".join(law(2023))
    assert "s14Z45(2)" in icb
    assert "s14Z58" in icb
    assert "s14Z2" not in icb
    # 2022/23: CCGs to 30 June 2022, ICBs from 1 July 2022.
    assert (
        "s14Z2(2), 2022-04-01 to 2022-06-30; National Health Service Act 2006, s14Z45(2), "
        "2022-07-01 to 2023-03-31"
    ) in law(2022)[0]
    # Before 3 November 2008, s242(2) as enacted; s11 of the 2001 Act before March 2007.
    assert "Health and Social Care Act 2001, s11" in law(2005)[0]
    assert "s242(1B)" in " ".join(law(2018, body_type="nhs-trust"))
    assert law(2000) == (
        (
            "No public involvement duty is encoded for this period: no duty in this registry "
            "binds a primary care trust on 2000-04-01: the earliest law engagekit encodes began "
            "on 2001-04-02."
        ),
    )
    # A kind of body in a year when none existed says so, not "no duties".
    assert law(2015, body_type="icb") == (
        (
            "No public involvement duty is encoded for this period: no integrated care boards "
            "existed on 2015-04-01: the first were established on 2022-07-01."
        ),
    )
