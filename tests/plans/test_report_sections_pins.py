"""The annual engagement report's sections, read whole: the law of the year, the duty's
limbs, the Engagement Cycle, the meeting calendar, actions, consultations, "You said,
we did" and equality reach.

The plans, consultations, feedback and meetings here are illustrations (an "NHS Example
CCG" year), not taken from a source; the law cited is engagekit's registry.
"""

from __future__ import annotations

import datetime as dt

import attrs

from engagekit import examples
from engagekit.consultations import Consultation
from engagekit.cycles import EngagementStage
from engagekit.duties import BodyType
from engagekit.evidence import Evidence
from engagekit.plans import (
    AnnualEngagementReport,
    EngagementRecord,
    FeedbackItem,
    FeedbackLoop,
    Meeting,
    ReachCount,
    Response,
    TargetDate,
    annual_engagement_report,
)
from engagekit.plans._actions import Action, ActionPlan, Objective, ProgressUpdate
from engagekit.plans._feedback import FeedbackOutcome
from engagekit.plans._report import Section, Table, _law_of_the_year


D = dt.date

BODY = "NHS Example CCG"

#: The duty section's note on legal force, as every year with a duty reads it.
DUTY_FORCE = (
    "Legal force: statute. A limb that applied and has no evidence is a gap against the law "
    "(limbs (b) and (c) apply only where a change would have an impact on how services are "
    "delivered or the range available: under section 242 from 3 November 2008, and under "
    "sections 14Z2 and 14Z45 from their start)."
)
S14Z2 = "National Health Service Act 2006, s14Z2(2)"
S14Z45 = "National Health Service Act 2006, s14Z45(2)"
S242_1B = "National Health Service Act 2006, s242(1B)"
S242_2 = "National Health Service Act 2006, s242(2)"


def _law(year: int, body_type: str | None = None) -> tuple[str, ...]:
    report = annual_engagement_report(year, body=BODY, body_type=body_type)
    return report.section("The public involvement duty").paragraphs


def _parts(*parts: str) -> str:
    return (
        "Arrangements for the public to be involved in each limb of the duty, as the law "
        f"stood in each part of the year ({'; '.join(parts)})."
    )


def _one(citation: str) -> str:
    return f"Arrangements for the public to be involved in each limb of the duty ({citation})."


class TestTheLawOfTheYear:
    def test_a_year_of_two_laws_lists_them_in_the_order_they_applied(self) -> None:
        """2008/09: s242(2) as enacted to 2 November 2008, s242(1B) from 3 November."""
        assert _law(2008) == (
            _parts(
                f"{S242_2}, 2008-04-01 to 2008-11-02",
                f"{S242_1B}, 2008-11-03 to 2009-03-31",
            ),
            DUTY_FORCE,
        )

    def test_the_year_ccgs_gave_way_to_icbs(self) -> None:
        assert _law(2022) == (
            _parts(f"{S14Z2}, 2022-04-01 to 2022-06-30", f"{S14Z45}, 2022-07-01 to 2023-03-31"),
            DUTY_FORCE,
            (
                "The report on the year is prepared under National Health Service Act 2006, "
                "s14Z58 (ICB annual report)."
            ),
        )

    def test_a_duty_in_force_for_part_of_the_year_gives_its_days(self) -> None:
        """A CCG's 2022/23: s14Z2 bound it until CCGs were abolished on 1 July 2022."""
        assert _law(2022, "ccg")[0] == _one(
            "National Health Service Act 2006, s14Z2(2), 2022-04-01 to 2022-06-30"
        )

    def test_one_text_in_force_all_year_is_cited_once(self) -> None:
        """An NHS trust's s242(1B) was re-enacted on 1 July 2022 in the same words: one
        citation for the year, not two halves."""
        assert _law(2022, "nhs-trust") == (_one(S242_1B), DUTY_FORCE)

    def test_a_duty_in_force_across_the_commissioners_change_is_cited_once(self) -> None:
        """NHS England's s13Q ran through 1 July 2022; its report is prepared under s13U."""
        assert _law(2022, "nhs-england") == (
            _one("National Health Service Act 2006, s13Q(2)"),
            DUTY_FORCE,
            (
                "The report on the year is prepared under National Health Service Act 2006, "
                "s13U (NHS England annual report: public involvement)."
            ),
        )

    def test_the_report_is_prepared_under_the_law_of_the_day_after_the_year(self) -> None:
        """2012/13 ended on 31 March 2013; s13U and s14Z15 began on 1 April 2013. s13Q
        bound NHS England from 1 February 2013 (S.I. 2012/2657 art 2(4)), within the year."""
        assert _law(2012, "nhs-england") == (
            _one("National Health Service Act 2006, s13Q(2), 2013-02-01 to 2013-03-31"),
            DUTY_FORCE,
            (
                "The report on the year is prepared under National Health Service Act 2006, "
                "s13U (NHS England annual report: public involvement)."
            ),
        )
        # s14Z2 was in force from 1 February 2013 too, but engagekit's CCGs exist from
        # 1 April 2013: nothing bound a CCG in 2012/13.
        assert _law(2012, "ccg")[0] == (
            "No public involvement duty is encoded for this period: no clinical commissioning "
            "groups existed on 2012-04-01: they existed from 2013-04-01 to 2022-06-30."
        )
        assert _law(2012, "ccg")[1] == (
            "The report on the year is prepared under National Health Service Act 2006, "
            "s14Z15 (CCG annual report: public involvement)."
        )

    def test_a_duty_that_ended_the_day_the_year_began_is_not_cited(self) -> None:
        """PCTs' s242(1B) was in force to 31 March 2013: none for a PCT in 2013/14."""
        assert _law(2013, "pct") == (
            (
                "No public involvement duty is encoded for this period: no primary care trusts "
                "existed on 2013-04-01: they ceased to exist on 2013-04-01."
            ),
        )

    def test_a_period_over_both_changes_of_commissioner(self) -> None:
        """A period longer than a year (no report covers one) splits at both changes."""
        assert _law_of_the_year(D(2012, 4, 1), D(2023, 3, 31), None, financial=False) == (
            _parts(
                f"{S242_1B}, 2012-04-01 to 2013-03-31",
                f"{S14Z2}, 2013-04-01 to 2022-06-30",
                f"{S14Z45}, 2022-07-01 to 2023-03-31",
            ),
            DUTY_FORCE,
        )

    def test_one_text_over_several_versions_keeps_its_first_day(self) -> None:
        assert _law_of_the_year(
            D(2007, 4, 1), D(2023, 3, 31), BodyType.NHS_TRUST, financial=False
        ) == (
            _parts(f"{S242_2}, 2007-04-01 to 2008-11-02", f"{S242_1B}, 2008-11-03 to 2023-03-31"),
            DUTY_FORCE,
        )

    def test_a_period_ending_the_day_icbs_began_cites_their_duty_for_that_day(self) -> None:
        assert _law_of_the_year(D(2022, 4, 1), D(2022, 7, 1), None, financial=False) == (
            _parts(f"{S14Z2}, 2022-04-01 to 2022-06-30", f"{S14Z45}, 2022-07-01 to 2022-07-01"),
            DUTY_FORCE,
        )


def _plan() -> ActionPlan:
    """Three actions: one achieved on the year's first day, one under way and overdue,
    one achieved the day before the year began."""
    return ActionPlan(
        title="Engagement plan 2018/19",
        objectives=[
            Objective(
                id="1",
                title="Seek feedback",
                actions=[
                    Action(
                        id="1a",
                        description="Run the patient survey",
                        target=TargetDate.parse("June 2018"),
                        stages=[EngagementStage.IDENTIFY_NEEDS, EngagementStage.MONITOR],
                        updates=[ProgressUpdate(date=D(2018, 4, 1), status="achieved")],
                    ),
                    Action(
                        id="1b",
                        description="Hold a stakeholder event",
                        target=TargetDate.parse("September 2018"),
                        stages=[EngagementStage.PLAN_AND_TRANSFORM],
                        updates=[
                            ProgressUpdate(date=D(2018, 6, 1), status="in-progress", progress=40)
                        ],
                    ),
                    Action(
                        id="1c",
                        description="Publish the response",
                        target=TargetDate.parse("March 2018"),
                        updates=[ProgressUpdate(date=D(2018, 3, 31), status="achieved")],
                    ),
                ],
            )
        ],
    )


SURVEY = Evidence(
    id="survey-2018",
    what="Survey of patients",
    date=D(2018, 5, 2),
    link="https://example.org/survey",
    limbs=["planning"],
    stage=EngagementStage.IDENTIFY_NEEDS,
)


def _planned(body: str = BODY) -> AnnualEngagementReport:
    return annual_engagement_report(2018, body=body, plan=_plan(), evidence=[SURVEY])


class TestLimbsAndStages:
    def test_the_duty_section_whole(self) -> None:
        """Evidence shows with its link; a limb with none says so."""
        assert _planned().section("The public involvement duty") == Section(
            title="The public involvement duty",
            paragraphs=(
                _one(S14Z2),
                DUTY_FORCE,
                (
                    "The report on the year is prepared under National Health Service Act "
                    "2006, s14Z15 (CCG annual report: public involvement)."
                ),
            ),
            sections=(
                Section(
                    title="The planning of services",
                    items=("2018-05-02: Survey of patients <https://example.org/survey>",),
                ),
                Section(
                    title=(
                        "The development and consideration of proposals for changes which, if "
                        "implemented, would have an impact on services"
                    ),
                    paragraphs=("No evidence recorded.",),
                ),
                Section(
                    title="Decisions which, when implemented, would have an impact on services",
                    paragraphs=("No evidence recorded.",),
                ),
            ),
        )

    def test_the_cycle_section_whole(self) -> None:
        """Each action under each of its stages with its progress at year end (an achieved
        action's from its status); a stage with nothing says so."""
        stages = list(EngagementStage)
        assert _planned().section("The Engagement Cycle") == Section(
            title="The Engagement Cycle",
            paragraphs=(
                (
                    "Legal force: none. The Engagement Cycle is a framework of good practice, "
                    "not law: a stage with nothing recorded is not a breach."
                ),
            ),
            sections=(
                Section(
                    title=f"Stage 1: {stages[0].title}",
                    items=(
                        "2018-05-02: Survey of patients <https://example.org/survey>",
                        "Action 1a: Run the patient survey (100%)",
                    ),
                ),
                Section(
                    title=f"Stage 2: {stages[1].title}",
                    items=("Action 1b: Hold a stakeholder event (40%)",),
                ),
                Section(title=f"Stage 3: {stages[2].title}", paragraphs=("Nothing recorded.",)),
                Section(title=f"Stage 4: {stages[3].title}", paragraphs=("Nothing recorded.",)),
                Section(
                    title=f"Stage 5: {stages[4].title}",
                    items=("Action 1a: Run the patient survey (100%)",),
                ),
            ),
        )
        assert stages[1].title == (
            "Working with the public (as citizens and taxpayers) to plan and transform services"
        )


class TestActions:
    def test_the_actions_section_whole(self) -> None:
        """Completed: done by year end and last updated in the year (on its first day
        counts); an update in the year that is not done, or done before it, does not."""
        assert _planned().section("Actions") == Section(
            title="Actions",
            paragraphs=(
                (
                    "Legal force: local practice (NHS Example CCG's own action plan), not law: "
                    "an overdue action is a departure from the body's own plan, not a breach."
                ),
            ),
            tables=(
                Table(
                    headers=("Completed", "Action", "On"),
                    rows=[("1a", "Run the patient survey", "2018-04-01")],
                ),
                Table(
                    headers=("Overdue", "Action", "Target"),
                    rows=[("1b", "Hold a stakeholder event", "September 2018")],
                ),
            ),
        )

    def test_no_plan(self) -> None:
        report = annual_engagement_report(2018, body=BODY)
        assert report.section("Actions") == Section(
            title="Actions", paragraphs=("No action plan given.",)
        )

    def test_the_article_before_a_word_in_lower_case_is_lowered(self) -> None:
        def note(body: str) -> str:
            return _planned(body).section("Actions").paragraphs[0].split(" own action plan")[0]

        assert note("The integrated care board") == (
            "Legal force: local practice (the integrated care board's"
        )
        assert note("The eHealth partnership") == (
            "Legal force: local practice (the eHealth partnership's"
        )
        assert note("The Royal Marsden") == "Legal force: local practice (The Royal Marsden's"
        assert note("NHS Somerset") == "Legal force: local practice (NHS Somerset's"


class TestCalendar:
    def test_the_calendar_section_whole(self) -> None:
        """Oxfordshire's 2015/16 commitments; the meetings an illustration (one before the
        year, left out; one without attendance or minutes)."""
        meetings = [
            Meeting(
                id="gb-1",
                date=D(2015, 5, 28),
                body="Governing Body",
                title="Governing Body in public",
                attendance=12,
                minutes="https://example.org/gb-1",
            ),
            Meeting(id="plf-1", date=D(2015, 5, 28), body="City", title="Public Locality Forum"),
            Meeting(id="old", date=D(2015, 3, 1), body="City", title="Before the year"),
        ]
        report = annual_engagement_report(
            2015, body="Oxfordshire CCG", plan=examples.oxfordshire_delivery_plan(),
            meetings=meetings,
        )  # fmt: skip
        assert report.section("Meetings against the calendar") == Section(
            title="Meetings against the calendar",
            tables=(
                Table(
                    headers=("Action", "Commitment", "Expected", "Held", "Missed", "Late"),
                    rows=[
                        (
                            "7.6",
                            (
                                "Hold twelve public meetings (two in each Locality) per year with "
                                "the Public Locality Forums. (two in each locality per year)"
                            ),
                            "12",
                            "0",
                            "12",
                            "0",
                        ),
                        (
                            "7.7a",
                            (
                                "Hold OCCG Governing Body meetings in public six times a year. "
                                "(six times a year)"
                            ),
                            "6",
                            "0",
                            "6",
                            "0",
                        ),
                        (
                            "7.7b",
                            "Hold an annual public meeting every year. (every year)",
                            "1",
                            "0",
                            "1",
                            "0",
                        ),
                    ],
                ),
                Table(
                    headers=("Date", "Body", "Meeting", "Attendance", "Minutes"),
                    rows=[
                        ("2015-05-28", "City", "Public Locality Forum", "", "not published"),
                        (
                            "2015-05-28",
                            "Governing Body",
                            "Governing Body in public",
                            "12",
                            "https://example.org/gb-1",
                        ),
                    ],
                ),
            ),
        )

    def test_a_plan_without_a_calendar(self) -> None:
        meeting = Meeting(id="gb-1", date=D(2018, 5, 24), body="gb", title="Governing Body")
        report = annual_engagement_report(2018, body=BODY, plan=_plan(), meetings=[meeting])
        assert report.section("Meetings against the calendar") == Section(
            title="Meetings against the calendar",
            paragraphs=("No meeting calendar in the plan.",),
            tables=(
                Table(headers=("Action", "Commitment", "Expected", "Held", "Missed", "Late")),
                Table(
                    headers=("Date", "Body", "Meeting", "Attendance", "Minutes"),
                    rows=[("2018-05-24", "gb", "Governing Body", "", "not published")],
                ),
            ),
        )


BEDS = Consultation(
    id="beds",
    title="Community hospital beds",
    start=D(2018, 6, 4),
    end=D(2018, 8, 31),
    responses=412,
    report_published=D(2019, 3, 31),
    considered_in_decision=True,
)
#: Ran the year before; its response report was published on the year's first day.
WALK_IN = Consultation(
    id="walk-in",
    title="Walk-in centre hours",
    start=D(2017, 11, 1),
    end=D(2018, 1, 31),
    responses=57,
    report_published=D(2018, 4, 1),
    considered_in_decision=True,
)
#: Named by their proposal, summary or id alone, each with one date or none.
MINOR_INJURIES = Consultation(
    id="minor-injuries", proposal="Move the minor injuries unit", start=D(2018, 9, 3)
)
TRANSPORT = Consultation(id="transport", summary="Patient transport", end=D(2018, 12, 14))
PHARMACY = Consultation(id="pharmacy")


def _consulted() -> AnnualEngagementReport:
    record = EngagementRecord(
        body=BODY, year=2018, consultations=[WALK_IN, BEDS, MINOR_INJURIES, TRANSPORT, PHARMACY]
    )
    return annual_engagement_report(2018, record)


class TestConsultations:
    def test_the_consultations_section_whole(self) -> None:
        assert _consulted().section("Consultations") == Section(
            title="Consultations",
            paragraphs=(
                (
                    "Formal consultations that ran in the year (or whose dates are not "
                    "recorded, in a record of the year). Each is evidence of limb (b) of the "
                    "duty and of stage 2 of the Engagement Cycle; its response report, when "
                    "published in the year and considered in the decision, of limb (c)."
                ),
            ),
            tables=(
                Table(
                    headers=(
                        "Consultation",
                        "Ran",
                        "Responses",
                        "Response report",
                        "Considered in decision",
                        "Loop closed at year end",
                    ),
                    rows=[
                        (
                            "Community hospital beds",
                            "2018-06-04 to 2018-08-31",
                            "412 responses",
                            "2019-03-31",
                            "yes",
                            "",
                        ),
                        (
                            "Move the minor injuries unit",
                            "opened 2018-09-03",
                            "responses not recorded",
                            "not published",
                            "not recorded",
                            "",
                        ),
                        (
                            "Patient transport",
                            "closed 2018-12-14",
                            "responses not recorded",
                            "not published",
                            "not recorded",
                            "",
                        ),
                        (
                            "pharmacy",
                            "dates not recorded",
                            "responses not recorded",
                            "not published",
                            "not recorded",
                            "",
                        ),
                    ],
                ),
            ),
        )

    def test_response_reports_are_listed_as_they_were_published(self) -> None:
        """The record holds the beds consultation first; its report came out last."""
        record = EngagementRecord(body=BODY, consultations=[BEDS, WALK_IN])
        limbs = annual_engagement_report(2018, record).section("The public involvement duty")
        assert [item[:10] for item in limbs.sections[2].items] == ["2018-04-01", "2019-03-31"]

    def test_reports_published_on_one_day_keep_the_record_s_order(self) -> None:
        """Not sorted by their names: the walk-in centre's (W) comes before the beds' (C)."""
        same_day = attrs.evolve(WALK_IN, id="beds-2017", title="Community hospital beds")
        record = EngagementRecord(body=BODY, consultations=[WALK_IN, same_day])
        limbs = annual_engagement_report(2018, record).section("The public involvement duty")
        assert limbs.sections[2].items == (
            (
                "2018-04-01: Response report on the consultation Walk-in centre hours, "
                "considered in the decision"
            ),
            (
                "2018-04-01: Response report on the consultation Community hospital beds, "
                "considered in the decision"
            ),
        )

    def test_the_limbs_they_show(self) -> None:
        """Limb (b) for each that ran; limb (c) for a considered response report published
        in the year, its first and last days included."""
        limbs = _consulted().section("The public involvement duty").sections
        assert [limb.items for limb in limbs[1:]] == [
            (
                "2018-06-04 to 2018-08-31: Consultation: Community hospital beds (412 responses)",
                (
                    "opened 2018-09-03: Consultation: Move the minor injuries unit "
                    "(responses not recorded)"
                ),
                "closed 2018-12-14: Consultation: Patient transport (responses not recorded)",
                "dates not recorded: Consultation: pharmacy (responses not recorded)",
            ),
            (
                (
                    "2018-04-01: Response report on the consultation Walk-in centre hours, "
                    "considered in the decision"
                ),
                (
                    "2019-03-31: Response report on the consultation Community hospital beds, "
                    "considered in the decision"
                ),
            ),
        ]

    def test_an_untitled_consultation(self) -> None:
        record = EngagementRecord(body=BODY, year=2018, consultations=[Consultation()])
        row = annual_engagement_report(2018, record).section("Consultations").tables[0].rows[0]
        assert row[:2] == ("untitled consultation", "dates not recorded")


def _loop() -> FeedbackLoop:
    items = [
        FeedbackItem(id="f1", date=D(2018, 5, 1), channel="survey", theme="access",
                     text="Evening meetings, please", asked="When should forums meet?"),
        FeedbackItem(id="f2", date=D(2018, 5, 2), channel="survey", theme="access",
                     text="Post the papers a week ahead", asked="How should we publish papers?"),
        FeedbackItem(id="f3", date=D(2018, 6, 1), channel="survey",
                     text="The car park is too small"),
    ]  # fmt: skip
    responses = [
        Response(id="r1", feedback=["f1", "f2"], date=D(2018, 7, 1),
                 text="Forums now alternate day and evening", change="made"),
        Response(id="r2", feedback=["f2"], date=D(2018, 7, 2),
                 text="Papers go out seven days before"),
    ]  # fmt: skip
    outcomes = [
        FeedbackOutcome(id="o1", response="r1", date=D(2018, 9, 1), text="Attendance rose"),
        FeedbackOutcome(id="o2", response="r2", date=D(2018, 9, 2), text="Fewer late papers"),
    ]
    return FeedbackLoop(items=items, responses=responses, outcomes=outcomes)


class TestYouSaidWeDid:
    def test_the_section_whole(self) -> None:
        """Each column joined with "; "; unfiled feedback is "other"; unanswered says so."""
        report = annual_engagement_report(2018, body=BODY, loop=_loop())
        assert report.section("You said, we did") == Section(
            title="You said, we did",
            tables=(
                Table(
                    headers=("Theme", "We asked", "You said", "We did", "The outcome was"),
                    rows=[
                        (
                            "access",
                            "When should forums meet?; How should we publish papers?",
                            "Evening meetings, please; Post the papers a week ahead",
                            "Forums now alternate day and evening; Papers go out seven days before",
                            "Attendance rose; Fewer late papers",
                        ),
                        ("other", "", "The car park is too small", "not yet answered", ""),
                    ],
                ),
            ),
        )


class TestEqualityReach:
    def test_the_section_whole_with_its_own_threshold(self) -> None:
        """Below 3 suppressed: 4 shows (the default, 5, would hide it)."""
        participants = [
            ReachCount(characteristic="age", group="under 25", count=4),
            ReachCount(characteristic="age", group="25 and over", count=16),
        ]
        report = annual_engagement_report(
            2015, body="Oxfordshire CCG", participants=participants, suppress_below=3
        )
        assert report.section("Equality reach") == Section(
            title="Equality reach",
            paragraphs=(
                (
                    "* suppressed: fewer than 3 participants, or a figure that would reveal "
                    "such a count. Shares are of those who stated a group."
                ),
            ),
            sections=(
                Section(
                    title="age",
                    tables=(
                        Table(
                            headers=("Group", "Participants", "Share"),
                            rows=[
                                ("under 25", "4", "20%"),
                                ("25 and over", "16", "80%"),
                                ("Total", "20", "100%"),
                            ],
                        ),
                    ),
                ),
            ),
        )

    def test_a_characteristic_no_one_took_part_in_shows_no_share(self) -> None:
        """Its shares read "*" (suppressed) and its total's a bare "0": there is no share."""
        participants = [
            ReachCount(characteristic="sex", group="Female", count=0),
            ReachCount(characteristic="sex", group="Male", count=0),
            ReachCount(characteristic="age", group="under 25", count=4),
            ReachCount(characteristic="age", group="25 and over", count=16),
        ]
        reach = annual_engagement_report(
            2015, body="Oxfordshire CCG", participants=participants, suppress_below=3
        ).section("Equality reach")
        assert reach.paragraphs == (
            (
                "* suppressed: fewer than 3 participants, or a figure that would reveal "
                "such a count. Shares are of those who stated a group (– where no one took "
                "part)."
            ),
        )
        sex, age = reach.sections
        assert sex.tables[0].rows == (
            ("Female", "0", "–"),
            ("Male", "0", "–"),
            ("Total", "0", "–"),
        )
        assert age.tables[0].rows[-1] == ("Total", "20", "100%")
