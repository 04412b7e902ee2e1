"""The "You said, we did" document and the annual report's arguments, summary and edges
(mutation testing's survivors in plans/_report.py)."""

from __future__ import annotations

import datetime as dt
import re

import attrs
import pytest

from engagekit import examples
from engagekit.consultations import Consultation
from engagekit.cycles import EngagementStage
from engagekit.errors import (
    InvalidTypeError,
    InvalidValueError,
    UnknownChoiceError,
    UnknownNameError,
)
from engagekit.evidence import Evidence
from engagekit.plans import (
    ActionPlan,
    AnnualEngagementReport,
    ChangeStatus,
    Channel,
    FeedbackItem,
    FeedbackLoop,
    FeedbackOutcome,
    Meeting,
    Objective,
    ReachCount,
    Response,
    TargetDate,
    YouSaidWeDid,
    YouSaidWeDidEntry,
    annual_engagement_report,
    you_said_we_did,
)


D = dt.date

#: Oxfordshire's 2015/16, the year its delivery plan covers.
YEAR_START, YEAR_END = D(2015, 4, 1), D(2016, 3, 31)


def _loop() -> FeedbackLoop:
    """An illustration around the 2015/16 year: feedback on its first and last days, one
    item (and its answer and outcome) from the day before it, an answer after it."""
    items = [
        FeedbackItem(id="f0", date=D(2015, 3, 31), channel=Channel.PUBLIC_MEETING,
                     text="Meetings clash with work", theme="access"),
        FeedbackItem(id="f1", date=YEAR_START, channel=Channel.PUBLIC_MEETING,
                     text="Evening meetings would let working people come", theme="access",
                     asked="When should forums meet?"),
        FeedbackItem(id="f2", date=YEAR_END, channel=Channel.ONLINE_CONSULTATION,
                     text="The website is hard to search", theme="information",
                     kind="suggestion"),
        FeedbackItem(id="f3", date=D(2015, 6, 1), channel=Channel.SURVEY,
                     text="Parking at the clinic is full by nine"),
    ]  # fmt: skip
    responses = [
        Response(id="r0", feedback=["f0"], date=D(2015, 4, 10),
                 text="Forum dates are published a year ahead"),
        Response(id="r1", feedback=["f1"], date=D(2015, 6, 15),
                 text="Forums alternate day and evening", change=ChangeStatus.MADE),
        Response(id="r2", feedback=["f2"], date=D(2016, 4, 1), text="A new search page",
                 change=ChangeStatus.PLANNED),
    ]  # fmt: skip
    outcomes = [
        FeedbackOutcome(id="o0", response="r0", date=D(2015, 5, 1),
                        text="The forum calendar is online"),
        FeedbackOutcome(id="o1", response="r1", date=YEAR_END,
                        text="Evening forums drew 40 people"),
    ]  # fmt: skip
    return FeedbackLoop(items=items, responses=responses, outcomes=outcomes)


def _entry(theme: str | None, *you_said: str) -> YouSaidWeDidEntry:
    return YouSaidWeDidEntry(
        theme=theme, we_asked=(), you_said=you_said, we_did=(), outcome=(),
        change=ChangeStatus.NONE,
    )  # fmt: skip


def _document(*themes: str) -> YouSaidWeDid:
    return YouSaidWeDid(
        title="You said, we did",
        start=YEAR_START,
        end=YEAR_END,
        entries=[_entry(theme, "Evening meetings, please") for theme in themes],
    )


class TestYouSaidWeDidDocument:
    def test_repr_counts_its_themes(self) -> None:
        """One theme is "1 theme"; none and two are "themes"."""
        assert repr(_document()) == "<YouSaidWeDid 2015-04-01 to 2016-03-31 with 0 themes>"
        assert repr(_document("access")) == "<YouSaidWeDid 2015-04-01 to 2016-03-31 with 1 theme>"
        assert repr(_document("access", "information")) == (
            "<YouSaidWeDid 2015-04-01 to 2016-03-31 with 2 themes>"
        )

    def test_one_day_is_a_period(self) -> None:
        day = YouSaidWeDid(title="You said, we did", start=YEAR_END, end=YEAR_END, entries=[])
        assert (day.start, day.end) == (YEAR_END, YEAR_END)

    def test_end_before_start_is_refused(self) -> None:
        with pytest.raises(InvalidValueError) as raised:
            YouSaidWeDid(title="You said, we did", start=YEAR_END, end=YEAR_START, entries=[])
        assert str(raised.value) == (
            "YouSaidWeDid.end: datetime.date(2015, 4, 1) is not allowed: "
            "is before the start 2016-03-31"
        )


class TestYouSaidWeDid:
    def test_the_year_s_feedback_by_theme(self) -> None:
        """Feedback of the year's first and last days counts; the day before does not, and
        an answer after the year does not; an outcome of the last day does. Themes are
        sorted, feedback filed under none last."""
        document = you_said_we_did(_loop(), TargetDate.parse("2015/16"))
        assert document.title == "You said, we did"
        assert (document.start, document.end) == (YEAR_START, YEAR_END)
        assert document.entries == (
            YouSaidWeDidEntry(
                theme="access",
                we_asked=("When should forums meet?",),
                you_said=("Evening meetings would let working people come",),
                we_did=("Forums alternate day and evening",),
                outcome=("Evening forums drew 40 people",),
                change=ChangeStatus.MADE,
            ),
            _entry("information", "The website is hard to search"),
            _entry(None, "Parking at the clinic is full by nine"),
        )

    def test_a_title_of_its_own(self) -> None:
        document = you_said_we_did(_loop(), (YEAR_START, YEAR_END), title="What we heard")
        assert document.title == "What we heard"
        assert len(document.entries) == 3


class TestPeriod:
    @pytest.mark.parametrize("text", ["By March 2012", "From Jan 1st 2012"])
    def test_an_open_target_date_is_refused(self, text: str) -> None:
        with pytest.raises(InvalidValueError) as raised:
            you_said_we_did(_loop(), TargetDate.parse(text))
        assert str(raised.value) == f"period: {text!r} is not allowed: must have a start and an end"

    @pytest.mark.parametrize(
        ("period", "got"),
        [
            ("2015/16", "str '2015/16'"),
            (
                [YEAR_START, YEAR_END],
                "list [datetime.date(2015, 4, 1), datetime.date(2016, 3, 31)]",
            ),
            (
                (YEAR_START, D(2015, 12, 31), YEAR_END),
                (
                    "tuple (datetime.date(2015, 4, 1), datetime.date(2015, 12, 31), "
                    "datetime.date(2016, 3, 31))"
                ),
            ),
        ],
    )
    def test_only_a_pair_is_a_period(self, period: object, got: str) -> None:
        """A list of two dates, or a tuple of three, is not a (start, end) pair."""
        with pytest.raises(InvalidTypeError) as raised:
            you_said_we_did(_loop(), period)  # type: ignore[arg-type]
        assert str(raised.value) == (
            f"period: got {got}; expected a TargetDate or a (start, end) pair of dates"
        )

    def test_each_end_of_the_pair_is_named(self) -> None:
        with pytest.raises(InvalidValueError) as start:
            you_said_we_did(_loop(), ("2015-13-01", YEAR_END))
        assert str(start.value) == (
            "period start: '2015-13-01' is not allowed: must be a real date "
            "(month must be in 1..12)"
        )
        with pytest.raises(InvalidValueError) as end:
            you_said_we_did(_loop(), (YEAR_START, "2016-02-30"))
        assert str(end.value) == (
            "period end: '2016-02-30' is not allowed: must be a real date "
            "(day is out of range for month)"
        )

    def test_end_before_start_is_refused(self) -> None:
        with pytest.raises(InvalidValueError) as raised:
            you_said_we_did(_loop(), (YEAR_END, YEAR_START))
        assert str(raised.value) == (
            "period: (datetime.date(2016, 3, 31), datetime.date(2015, 4, 1)) is not allowed: "
            "end is before start"
        )

    def test_one_day_is_a_period(self) -> None:
        """The first day of the year alone, as text: the feedback given that day."""
        document = you_said_we_did(_loop(), ("2015-04-01", "2015-04-01"))
        assert (document.start, document.end) == (YEAR_START, YEAR_START)
        assert [e.you_said for e in document.entries] == [
            ("Evening meetings would let working people come",)
        ]


def _report(start: dt.date, end: dt.date) -> AnnualEngagementReport:
    return AnnualEngagementReport(
        title="Oxfordshire CCG: annual engagement report 2015/16",
        body="Oxfordshire CCG",
        year=2015,
        start=start,
        end=end,
        sections=[],
    )


class TestAnnualEngagementReportDocument:
    def test_repr(self) -> None:
        report = annual_engagement_report(2015, body="Oxfordshire CCG")
        assert repr(report) == (
            "<AnnualEngagementReport 'Oxfordshire CCG' 2015-04-01 to 2016-03-31 with 5 sections>"
        )

    def test_one_day_is_a_period(self) -> None:
        report = _report(YEAR_END, YEAR_END)
        assert (report.start, report.end) == (YEAR_END, YEAR_END)

    def test_end_before_start_is_refused(self) -> None:
        with pytest.raises(InvalidValueError) as raised:
            _report(YEAR_END, YEAR_START)
        assert str(raised.value) == (
            "AnnualEngagementReport.end: datetime.date(2015, 4, 1) is not allowed: "
            "is before the start 2016-03-31"
        )

    def test_an_unknown_section_names_the_closest(self) -> None:
        report = annual_engagement_report(2015, body="Oxfordshire CCG")
        with pytest.raises(UnknownNameError) as raised:
            report.section("Sumary")
        assert str(raised.value) == "unknown section 'Sumary'; did you mean 'Summary'?"


class TestAnnualReportArguments:
    @pytest.mark.parametrize("year", [1948, 9998])
    def test_the_first_and_last_years(self, year: int) -> None:
        """1948, the NHS's founding; 9998, whose financial year ends in the last year a
        date can hold."""
        report = annual_engagement_report(year, body="NHS Example")
        assert (report.start, report.end) == (D(year, 4, 1), D(year + 1, 3, 31))

    @pytest.mark.parametrize("year", [1947, 9999])
    def test_years_outside_them_are_refused(self, year: int) -> None:
        with pytest.raises(InvalidValueError) as raised:
            annual_engagement_report(year, body="NHS Example")
        assert str(raised.value) == (
            f"year: {year} is not allowed: must be a year from 1948 to 9998"
        )

    def test_a_year_as_text_is_refused(self) -> None:
        with pytest.raises(InvalidTypeError) as raised:
            annual_engagement_report("2015", body="NHS Example")  # type: ignore[arg-type]
        assert str(raised.value) == "year: got str '2015'; expected a whole number"

    def test_standard_days(self) -> None:
        """A whole number of days; text is refused, and so is a negative number, with a
        loop or without one. With a loop the summary counts what is past the standard:
        the June item unanswered, not the one given on the year's last day."""
        report = annual_engagement_report(2015, body="NHS Example", loop=_loop(), standard_days=20)
        items = report.section("Summary").items
        assert items[-3:] == (
            "3 pieces of feedback, 1 answered",
            "1 of 2 concerns led to a change planned or made",
            (
                "1 piece of feedback unanswered at year end and more than 20 days old "
                "(the response standard)"
            ),
        )
        unset = annual_engagement_report(2015, body="NHS Example", loop=_loop())
        assert (
            unset.section("Summary").items[-1] == "1 of 2 concerns led to a change planned or made"
        )
        with pytest.raises(InvalidValueError) as no_loop:
            annual_engagement_report(2015, body="NHS Example", standard_days=-1)
        assert str(no_loop.value) == "standard_days: -1 is not allowed: must be 0 or more"
        with pytest.raises(InvalidTypeError) as text:
            annual_engagement_report(2015, body="NHS Example", standard_days="20")  # type: ignore[arg-type]
        assert str(text.value) == "standard_days: got str '20'; expected a whole number"
        with pytest.raises(InvalidValueError) as negative:
            annual_engagement_report(2015, body="NHS Example", loop=_loop(), standard_days=-1)
        assert str(negative.value) == "standard_days: -1 is not allowed: must be 0 or more"

    def test_a_body_or_a_record_is_needed(self) -> None:
        with pytest.raises(InvalidValueError) as raised:
            annual_engagement_report(2015)
        assert str(raised.value) == "body: missing: give the body, or a record"

    def test_a_body_type_is_read_as_the_body_type(self) -> None:
        with pytest.raises(UnknownChoiceError, match=re.escape("body_type: 'xyz' is not allowed;")):
            annual_engagement_report(2015, body="NHS Example", body_type="xyz")
        with pytest.raises(InvalidTypeError) as raised:
            annual_engagement_report(2015, body="NHS Example", body_type=3)  # type: ignore[arg-type]
        assert str(raised.value) == (
            "body_type: got int 3; expected a BodyType, its name as text, or a body with a "
            "body_type"
        )

    def test_a_record_must_be_an_engagement_record(self) -> None:
        with pytest.raises(InvalidTypeError) as raised:
            annual_engagement_report(2011, "Somerset")  # type: ignore[arg-type]
        assert str(raised.value) == "record: got str 'Somerset'; expected an EngagementRecord"

    @pytest.mark.parametrize(
        ("name", "value"),
        [
            ("body", "NHS Somerset"),
            ("plan", examples.somerset_action_plan()),
            ("loop", FeedbackLoop(items=[])),
            ("body_type", "ccg"),
            (
                "meetings",
                [Meeting(id="m1", date=D(2011, 5, 1), body="NHS Somerset", title="Board")],
            ),
            (
                "evidence",
                [
                    Evidence(
                        id="e1",
                        kind="survey",
                        date=D(2011, 5, 1),
                        what="A survey",
                        limbs=["planning"],
                    )
                ],
            ),
            ("consultations", [Consultation(id="c1", title="Community hospital beds")]),
            ("participants", [ReachCount(characteristic="age", group="under 25", count=5)]),
        ],
    )
    def test_a_record_with_a_part_is_refused_naming_the_part(
        self, name: str, value: object
    ) -> None:
        with pytest.raises(InvalidValueError) as raised:
            annual_engagement_report(2011, examples.somerset_engagement_record(), **{name: value})  # type: ignore[arg-type]
        assert str(raised.value) == (
            f"{name}: 'given with a record' is not allowed: "
            "give the record or its parts, not both: the record holds them"
        )


def _with_stage(plan: ActionPlan, action: str, stage: EngagementStage) -> ActionPlan:
    """``plan`` with ``action`` tagged as serving ``stage`` (the sources tag none)."""

    def tagged(objective: Objective) -> Objective:
        return attrs.evolve(
            objective,
            actions=[
                attrs.evolve(a, stages=[stage]) if a.id == action else a for a in objective.actions
            ],
            objectives=[tagged(o) for o in objective.objectives],
        )

    return attrs.evolve(plan, objectives=[tagged(o) for o in plan.objectives])


class TestAnnualReportContent:
    def test_a_calendar_year(self) -> None:
        report = annual_engagement_report(2015, body="Oxfordshire CCG", financial=False)
        assert report.title == "Oxfordshire CCG: annual engagement report 2015"
        assert (report.start, report.end) == (D(2015, 1, 1), D(2015, 12, 31))
        assert report.section("Summary").paragraphs == (
            "How Oxfordshire CCG involved patients and the public in 2015.",
        )

    def test_the_first_and_last_days_count(self) -> None:
        """Meetings and evidence of 1 April and 31 March are the year's; of the days
        either side, not."""
        days = [D(2015, 3, 31), YEAR_START, YEAR_END, D(2016, 4, 1)]
        meetings = [
            Meeting(id=f"m{n}", date=day, body="Oxfordshire CCG", title="Governing Body")
            for n, day in enumerate(days)
        ]
        evidence = [
            Evidence(id=f"e{n}", kind="survey", date=day, what=f"Talking Health survey {n}",
                     limbs=["planning"], stage=EngagementStage.PLAN_AND_TRANSFORM)
            for n, day in enumerate(days)
        ]  # fmt: skip
        report = annual_engagement_report(
            2015, body="Oxfordshire CCG", meetings=meetings, evidence=evidence
        )
        assert report.section("Summary").items == (
            "2 meetings held",
            "2 pieces of evidence of involvement",
        )
        (planning, _, _) = report.section("The public involvement duty").sections
        assert planning.items == (
            "2015-04-01: Talking Health survey 1",
            "2016-03-31: Talking Health survey 2",
        )

    def test_the_summary_of_the_plan_and_the_loop(self) -> None:
        """Feedback of the year only (not the day before it), answers by its end; one of
        the two concerns led to a change."""
        report = annual_engagement_report(
            2015, body="Oxfordshire CCG", plan=examples.somerset_action_plan(), loop=_loop()
        )
        assert report.section("Summary").items == (
            "0 meetings held",
            "0 pieces of evidence of involvement",
            "action plan progress at year end: 24%",
            "3 pieces of feedback, 1 answered",
            "1 of 2 concerns led to a change planned or made",
        )

    def test_one_piece_of_feedback_and_one_concern(self) -> None:
        """The feedback of the year's first day alone: "1 piece", "1 concern"."""
        loop = _loop().between(YEAR_START, YEAR_START)
        report = annual_engagement_report(2015, body="Oxfordshire CCG", loop=loop)
        assert report.section("Summary").items[2:] == (
            "1 piece of feedback, 1 answered",
            "1 of 1 concern led to a change planned or made",
        )

    def test_no_concerns_no_change_line(self) -> None:
        """Only a suggestion in the year: no concerns, so no line on changes."""
        loop = _loop().between(YEAR_END, YEAR_END)
        report = annual_engagement_report(2015, body="Oxfordshire CCG", loop=loop)
        assert report.section("Summary").items[2:] == ("1 piece of feedback, 0 answered",)

    def test_the_cycle_lists_the_plan_s_actions_at_year_end(self) -> None:
        """Somerset's 2.1a, were it tagged stage 2, reads done (100%) at the end of 2011/12."""
        plan = _with_stage(
            examples.somerset_action_plan(), "2.1a", EngagementStage.PLAN_AND_TRANSFORM
        )
        report = annual_engagement_report(2011, body="Somerset CCG", plan=plan)
        stages = report.section("The Engagement Cycle").sections
        assert [s.items for s in stages] == [
            (),
            ("Action 2.1a: Test groups approve a strategy that is adopted by the Board (100%)",),
            (),
            (),
            (),
        ]
