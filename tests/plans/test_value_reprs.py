"""One-line reprs of the feedback loop's records, and an objective's fact sheet.

A response, an outcome and the loop's metrics printed every attrs field; an
objective printed one line but showed nothing more in a notebook. Each now reads as
one line, and an objective shows its actions as a table.
"""

from __future__ import annotations

import datetime as dt

import attrs

from engagekit import examples, render
from engagekit.plans import (
    Action,
    FeedbackItem,
    FeedbackLoop,
    FeedbackOutcome,
    Meeting,
    Objective,
    ProgressUpdate,
    Recurrence,
    Response,
    Table,
    TargetDate,
    annual_engagement_report,
    you_said_we_did,
)


CELL = ' style="text-align:left;vertical-align:top"'


def test_responses_and_outcomes_are_one_line() -> None:
    loop = examples.oxfordshire_synthetic_loop()
    assert [repr(r) for r in loop.answers[:2]] == [
        (
            "<Response 'wd-report-back' 2015-04-20 answering ('report-back',), change planned,"
            " decision='occg-strategy-approval', action='7.15':"
            " 'A response report after every consultat…'>"
        ),
        (
            "<Response 'wd-localities' 2015-04-20 answering ('locality-meetings',), change planned,"
            " decision='occg-strategy-approval', action='7.6':"
            " 'Two public meetings a year in each loca…'>"
        ),
    ]
    assert repr(loop.outcomes[0]) == (
        "<FeedbackOutcome 'o-report-back' of 'wd-report-back' 2015-06-01:"
        " 'This response report, published [synthe…', evidence=('occg-response-report',)>"
    )
    bare = Response(id="r1", feedback=["f1"], date=dt.date(2018, 9, 1), text="Noted")
    assert repr(bare) == "<Response 'r1' 2018-09-01 answering ('f1',), change none: 'Noted'>"
    outcome = FeedbackOutcome(id="o1", response="r1", date=dt.date(2018, 12, 1), text="Done")
    assert repr(outcome) == "<FeedbackOutcome 'o1' of 'r1' 2018-12-01: 'Done'>"


def test_loop_metrics_are_one_line() -> None:
    loop = examples.oxfordshire_synthetic_loop()
    assert repr(loop.metrics("2015-12-31").loop) == (
        "<LoopMetrics 3 of 5 items closed, 2 of 3 concerns changed,"
        " median 36 days to respond, 0 past the standard>"
    )
    assert repr(loop.metrics("2015-01-31").loop) == (
        "<LoopMetrics 0 of 0 items closed, 0 of 0 concerns changed, 0 past the standard>"
    )


def test_an_objective_is_a_fact_sheet_with_its_actions() -> None:
    plan = examples.somerset_action_plan()
    objective = plan.objective("5.1")
    assert repr(objective) == "<Objective '5.1' with 1 action and 0 objectives>"
    assert str(objective) == render.text(objective)
    assert str(objective).splitlines() == [
        "5.1. Undertake a Consultation process on the PPI Strategy and Action Plan",
        "=========================================================================",
        "Id: 5.1",
        "Actions (1):",
        "  5.1a  Shape / Recommendations to Board [Nov/Dec 2011]",
    ]
    assert render.text(plan.objective("1")).splitlines()[2:5] == [
        "Id: 1",
        "Objectives under it: 1.1, 1.2, 1.3, 1.4",
        "Actions (11):",
    ]
    assert render.markdown(objective).splitlines() == [
        "## 5.1. Undertake a Consultation process on the PPI Strategy and Action Plan",
        "",
        "| Aspect | Detail |",
        "|---|---|",
        "| Id | 5.1 |",
        "",
        "### Actions",
        "",
        "| Action | Description | Lead | Target |",
        "|---|---|---|---|",
        "| 5.1a | Shape / Recommendations to Board |  | Nov/Dec 2011 |",
    ]
    shown = objective._repr_html_()
    assert shown == render.html(objective)
    assert shown.startswith(
        '<div class="engagekit"><table class="engagekit"><caption>5.1. Undertake a'
        " Consultation process on the PPI Strategy and Action Plan</caption>"
    )
    assert f"<td{CELL}>Shape / Recommendations to Board</td>" in shown


def test_markup_in_an_objective_stays_text() -> None:
    objective = Objective(
        id="1",
        title="<script>alert(1)</script>",
        actions=[Action(id="1a", description="Ask <b>everyone</b> & report")],
        weight=2,
    )
    shown = objective._repr_html_()
    assert "<script>" not in shown
    assert "<b>" not in shown
    assert "<caption>1. &lt;script&gt;alert(1)&lt;/script&gt;</caption>" in shown
    assert f"<td{CELL}>Ask &lt;b&gt;everyone&lt;/b&gt; &amp; report</td>" in shown
    assert f'<tr><th scope="row"{CELL}>Weight</th><td{CELL}>2</td></tr>' in shown


def test_feedback_items_and_their_lineage_are_one_line() -> None:
    loop = examples.oxfordshire_synthetic_loop().feedback_loop
    assert [repr(item) for item in loop.items[:2]] == [
        (
            "<FeedbackItem 'report-back' 2015-03-15 online-consultation concern,"
            " theme='report-back', asked='occg-strategy-2015':"
            " 'Tell people what happened to their views'>"
        ),
        (
            "<FeedbackItem 'plain-language' 2015-03-15 online-consultation concern,"
            " theme='plain-language', asked='occg-strategy-2015': 'Use plain language'>"
        ),
    ]
    assert repr(loop.trace("report-back")) == (
        "<Lineage of 'report-back' closed: theme='report-back', responses=('wd-report-back',),"
        " decisions=('occg-strategy-approval',), actions=('7.15',),"
        " outcomes=('o-report-back',), evidence=('occg-response-report',)>"
    )
    assert repr(loop.trace("plain-language")) == (
        "<Lineage of 'plain-language' open: theme='plain-language'>"
    )


def test_a_feedback_item_shows_what_sets_it_apart() -> None:
    """Items that differ in kind, body or tier read differently; long text is cut."""
    item = FeedbackItem(id="f1", date=dt.date(2018, 5, 1), channel="pals", text="x")
    assert repr(item) == "<FeedbackItem 'f1' 2018-05-01 pals concern: 'x'>"
    placed = attrs.evolve(item, kind="compliment", body="L85901", tier="practice")
    assert repr(placed) == (
        "<FeedbackItem 'f1' 2018-05-01 pals compliment, body='L85901', tier='practice': 'x'>"
    )
    long = attrs.evolve(item, text="Parking at the clinic is full by nine every weekday")
    assert repr(long).endswith(": 'Parking at the clinic is full by nine e…'>")
    bare = FeedbackLoop(items=[item]).trace("f1")
    assert repr(bare) == "<Lineage of 'f1' open>"


def test_targets_and_updates_of_a_plan_are_one_line() -> None:
    somerset = examples.somerset_action_plan()
    assert [repr(somerset.action(a).target) for a in ("6.2a", "3.1a", "1.3c", "1.4a", "5.2a")] == [
        "<TargetDate 'From April 2012?' from 2012-04-01 (month), uncertain=True>",
        "<TargetDate 'From Jan 1st 2012' from 2012-01-01 (day)>",
        "<TargetDate 'On–going meetings' open (ongoing), note='meetings'>",
        "<TargetDate 'Current' open (ongoing)>",
        (
            "<TargetDate 'Initial report April 2012 then at AGM' 2012-04-01 to 2012-04-30"
            " (month), label='Initial report', note='then at AGM'>"
        ),
    ]
    assert (
        repr(TargetDate.parse("27th April 2011"))
        == "<TargetDate '27th April 2011' 2011-04-27 (day)>"
    )
    assert (
        repr(TargetDate.parse("By March 2012"))
        == "<TargetDate 'By March 2012' by 2012-03-31 (month)>"
    )
    assert repr(somerset.action("5.2a").updates[0]) == (
        "<ProgressUpdate 2012-07-31 'achieved': 'First report published July 2012'>"
    )
    assert repr(ProgressUpdate(date=dt.date(2012, 1, 2), status="in-progress", progress=99.5)) == (
        "<ProgressUpdate 2012-01-02 'in-progress' 99.5%>"
    )
    oxfordshire = examples.oxfordshire_delivery_plan()
    assert [repr(oxfordshire.action(a).target) for a in ("7.7a", "7.7b", "7.6")] == [
        "<Recurrence 'six times a year' monthly every 2, bodies=('governing-body',)>",
        "<Recurrence 'every year' yearly, bodies=('oxfordshire-ccg',)>",
        (
            "<Recurrence 'two in each locality per year' monthly every 6, bodies=('locality-1',"
            " 'locality-2', 'locality-3', 'locality-4', 'locality-5', 'locality-6')>"
        ),
    ]
    assert repr(Recurrence.parse("Monthly from April 2012")) == (
        "<Recurrence 'Monthly from April 2012' monthly, anchor=datetime.date(2012, 4, 1)>"
    )


def test_a_meeting_shows_its_close_out_record() -> None:
    """Meetings that differ only in their close-out record read differently."""
    meeting = Meeting(
        id="gb-5",
        date=dt.date(2015, 5, 20),
        body="governing-body",
        title="Governing Body in public",
    )
    assert repr(meeting) == (
        "<Meeting 'gb-5' 2015-05-20 'governing-body' 'Governing Body in public'>"
    )
    closed = attrs.evolve(meeting, public=False, attendance=40, minutes="gb-minutes-2015-05")
    assert repr(closed) == (
        "<Meeting 'gb-5' 2015-05-20 'governing-body' 'Governing Body in public', public=False,"
        " attendance=40, minutes='gb-minutes-2015-05'>"
    )


def test_stakeholder_groups_and_responsibilities_are_one_line() -> None:
    groups = examples.sutton_stakeholders().groups
    assert [repr(g) for g in groups[:3:2]] == [
        (
            "<StakeholderGroup 'Patients, Public, Carers and service users'"
            " with 0 members, 12 activities and 1 owner>"
        ),
        "<StakeholderGroup 'Providers and Health Partners' with 10 members, 6 activities and 3 owners>",
    ]
    roles = examples.sutton_responsibilities().roles
    assert repr(roles[0].responsibilities[0]) == (
        "<Responsibility accountable 'Ensure that patient, carers and the public have opportuniti…',"
        " topics=('public-involvement',)>"
    )


def test_report_sections_tables_and_you_said_we_did_entries_are_one_line() -> None:
    report = annual_engagement_report(2011, examples.somerset_engagement_record())
    assert [repr(s) for s in report.sections[:2]] == [
        "<Section 'Summary' with 1 paragraph, 4 items, 0 tables and 0 sections>",
        "<Section 'The public involvement duty' with 2 paragraphs, 0 items, 0 tables and 3 sections>",
    ]
    calendar = report.sections[3]
    assert calendar.title == "Meetings against the calendar"
    assert [repr(t).startswith("<Table (") for t in calendar.tables] == [True, True]
    table = Table(headers=["Stage", "Evidence"], rows=[[1, "JSNA engagement"], [2, "Survey"]])
    assert repr(table) == "<Table ('Stage', 'Evidence') with 2 rows>"
    loop = examples.oxfordshire_synthetic_loop().feedback_loop
    document = you_said_we_did(loop, (dt.date(2015, 1, 1), dt.date(2015, 12, 31)))
    assert [repr(e) for e in document.entries[:3]] == [
        (
            "<YouSaidWeDidEntry 'locality-meetings', change planned,"
            " with 1 question, 1 comment, 1 response and 0 outcomes>"
        ),
        (
            "<YouSaidWeDidEntry 'measure-diversity', change made,"
            " with 1 question, 1 comment, 1 response and 0 outcomes>"
        ),
        (
            "<YouSaidWeDidEntry 'online-reach', change none,"
            " with 1 question, 1 comment, 0 responses and 0 outcomes>"
        ),
    ]
