"""`to_records()` on every tabular result: flat records of plain values, with the
table's columns, that pandas reads as they are."""

from __future__ import annotations

import datetime as dt

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from engagekit import ENGAGEMENT_CYCLE, EscalationNetwork, evaluate, examples, render
from engagekit import io as io_
from engagekit.consultations import (
    ConsultationLoop,
)
from engagekit.cycles import commissioning_cycles, ladders
from engagekit.decisions import Decision, compare, required_engagement
from engagekit.disclosure import Disclosure, OneWay, TwoWay, count_table, protect
from engagekit.duties import BodyType, Checklist, duties_for, registry
from engagekit.duties.equality import eds_models, representation
from engagekit.errors import InvalidTypeError
from engagekit.escalation import FlowStage
from engagekit.plans import (
    ChangeStatus,
    Channel,
    FeedbackItem,
    FeedbackLoop,
    FeedbackOutcome,
    Response,
    TargetDate,
    annual_engagement_report,
    you_said_we_did,
)
from engagekit.techniques import catalogue, select
from tests.samples import csv_import


PLAIN = (str, int, float, bool, dt.date, type(None))

EPCN = Path(__file__).parent / "escalation" / "data" / "epcn-sample.csv"


def _ods() -> Any:
    return EscalationNetwork.from_ods(examples.data_file("epraccur-extract.csv"))


def _loop() -> FeedbackLoop:
    """The feedback of docs/how-to/publish-you-said-we-did.md."""
    return FeedbackLoop(
        items=[
            FeedbackItem(
                id="f1",
                date=dt.date(2018, 5, 3),
                channel=Channel.PUBLIC_MEETING,
                text="Evening appointments wanted",
                theme="access",
                asked="What would improve access?",
            ),
            FeedbackItem(
                id="f2",
                date=dt.date(2018, 6, 1),
                channel=Channel.COMPLAINT,
                text="Letter sent to the wrong address",
                theme="information",
            ),
        ],
        responses=[
            Response(
                id="r1",
                feedback=["f1"],
                date=dt.date(2018, 9, 1),
                decision="extended-hours",
                text="Evening clinics started",
                change=ChangeStatus.MADE,
            )
        ],
        outcomes=[
            FeedbackOutcome(
                id="o1",
                response="r1",
                date=dt.date(2018, 12, 1),
                text="300 evening appointments",
                evidence=["Governing Body minutes"],
            )
        ],
    )


def _representation() -> Any:
    return representation(
        {"age": {"16-24": 12, "25-64": 150, "65+": 45}},
        {"age": {"16-24": 0.14, "25-64": 0.62, "65+": 0.24}},
    )


def _consultation_loop() -> ConsultationLoop:
    return examples.oxfordshire_synthetic_loop()


def _requirement() -> Any:
    """What the example clinic move (12,000 people, a relocation) must engage on."""
    decision = io_.load_toml(examples.data_file("clinic-move.toml"), Decision)
    return required_engagement(decision.impact, on=decision.on)


def _protected() -> Disclosure:
    """The two tables of docs/concepts/disclosure.md, protected together."""
    by_age = OneWay(name="Age", counts={"16-24": 2, "25-64": 31, "65+": 42})
    by_channel = TwoWay(
        rows="Age",
        columns="Channel",
        counts={
            "16-24": {"online": 2},
            "25-64": {"online": 20, "paper": 11},
            "65+": {"online": 12, "paper": 30},
        },
    )
    return protect([by_age, by_channel])


#: Each tabular value, and the columns its records have, in order.
TABULAR: dict[str, tuple[Callable[[], Any], tuple[str, ...]]] = {
    "verdict": (
        lambda: evaluate(examples.somerset_rheumatology_decision()),
        ("outcome", "rule", "title", "judgement", "force", "evidence", "missing", "source"),
    ),
    "options": (
        lambda: compare(examples.somerset_patient_transport_decision()),
        ("option",),  # then one column per criterion, then status and outcome
    ),
    "checklist": (
        lambda: Checklist.for_body(BodyType.ICB, on="2024-06-30"),
        ("requirement", "text", "citation", "force", "verified"),
    ),
    "compliance": (
        lambda: Checklist.for_body(BodyType.CCG, on="2018-06-01").assess([], as_of="2018-06-01"),
        ("outcome", "requirement", "verified", "citation", "force", "evidence", "reasons"),
    ),
    "duties in force": (
        lambda: duties_for("ccg", "2018-06-01"),
        ("id", "duty", "force", "citation", "in force", "verified"),
    ),
    "duty": (
        lambda: registry().get("nhs-act-s14z2"),
        ("requirement", "text", "applies", "verified"),
    ),
    "duty timeline": (
        registry,
        ("id", "in force", "citation", "force", "duty", "binds", "verified"),
    ),
    "duty changes": (
        lambda: registry().changes_between("2022-06-01", "2022-07-31"),
        ("on", "change", "duty or body", "title"),
    ),
    "plan": (
        examples.somerset_action_plan,
        ("action", "description", "lead", "target"),
    ),
    "overdue": (
        lambda: examples.somerset_action_plan().overdue("2012-01-15"),
        ("id", "description", "lead", "target", "due"),
    ),
    "feedback": (_loop, ("item", "date", "channel", "theme", "you said")),
    "feedback metrics": (
        lambda: _loop().metrics(dt.date(2019, 3, 31), standard_days=20),
        ("measure", "value"),
    ),
    "metrics by theme": (
        lambda: _loop().metrics_by("theme", dt.date(2019, 3, 31)),
        ("group", "total", "closed", "closure rate", "concerns", "changed", "change rate"),
    ),
    "you said we did": (
        lambda: you_said_we_did(_loop(), TargetDate.parse("2018/19")),
        ("theme", "we asked", "you said", "we did", "the outcome was"),
    ),
    "stakeholders": (
        examples.sutton_stakeholders,
        ("stakeholder group", "activity", "owner / lead"),
    ),
    "responsibilities": (examples.sutton_responsibilities, ("topic", "roles")),
    "representation": (
        _representation,
        (
            "characteristic",
            "category",
            "participants",
            "share",
            "population",
            "difference",
            "interval low",
            "interval high",
            "under-represented",
        ),
    ),
    "eds grading": (
        lambda: eds_models()["eds2"].grade_outcomes({"2.4": "developing"}),
        ("outcome", "wording", "grade", "result"),
    ),
    "consultation tallies": (
        lambda: examples.oxfordshire_synthetic_responses().profile("channel"),
        ("value", "count", "share"),
    ),
    "consultation closure": (
        lambda: _consultation_loop().metrics("2015-12-31"),
        ("measure", "value", "share"),
    ),
    "consultation loop": (_consultation_loop, ("theme", "respondents", "we did", "change")),
    "consultation crosstab": (
        lambda: examples.oxfordshire_synthetic_responses().crosstab("support", by="channel"),
        ("answer", "online-consultation", "paper-form", "event"),
    ),
    "consultation import": (csv_import, ("line", "column", "value", "message")),
    "response report": (
        examples.oxfordshire_synthetic_report,
        ("section", "table", "category", "responses", "share"),
    ),
    "count table": (lambda: _protected()[0], ("Age", "count", "share")),
    "cross table": (lambda: _protected()[1], ("Age \\ Channel", "online", "paper", "total")),
    "network summary": (
        lambda: examples.sutton().summary(),
        ("tier", "kind", "bodies", "for example"),
    ),
    "route": (
        lambda: examples.sutton().route("sutton-practice-21"),
        ("id", "name", "kind", "tier"),
    ),
    "network tiers": (examples.sutton, ("tier", "bodies", "kinds")),
    "coverage": (
        lambda: examples.sutton().coverage(),
        ("measure", "count", "share", "filled"),
    ),
    "gaps": (lambda: examples.sutton().gaps(), ("gap", "body")),
    "feedback flow": (
        examples.sutton_feedback_flow,
        ("listen", "discuss", "inform", "feedback"),
    ),
    "ods import": (_ods, ("skipped because", "rows")),
    "pcn import": (lambda: EscalationNetwork.from_pcn(EPCN), ("skipped because", "rows")),
    "body duties": (
        lambda: _ods().network.duties("2024-06-30").of("L85901"),
        ("duty", "title"),
    ),
    "technique": (
        lambda: catalogue()["nominal-group"],
        ("aspect", "detail"),
    ),
    "stage": (lambda: ENGAGEMENT_CYCLE[3], ("aspect", "what the stage asks")),
    "engagement requirement": (_requirement, ("what", "needed")),
    "techniques": (
        catalogue,
        ("technique", "id", "method", "levels", "figures"),
    ),
    "technique matches": (
        lambda: select(level="collaborate", participants=1000),
        ("technique", "id", "method", "score", "reasons"),
    ),
    "engagement cycle": (
        lambda: ENGAGEMENT_CYCLE,
        ("#", "stage", "who", "things to think about"),
    ),
    "commissioning cycle": (
        lambda: commissioning_cycles()["engagement-cycle"],
        ("stage", "engagement stages", "methods of engagement"),
    ),
    "ladder": (
        lambda: ladders()["arnstein"],
        ("#", "rung", "group", "participation level", "summary"),
    ),
}


@pytest.mark.parametrize("name", sorted(TABULAR))
def test_records_make_a_data_frame_with_the_tables_columns(name):
    """`pandas.DataFrame(result.to_records())` has the table's columns and one row per
    table row, and every cell is a plain value."""
    build, columns = TABULAR[name]
    value = build()
    found = value.to_records()
    frame = pd.DataFrame(found)
    assert len(frame) == len(found) > 0
    assert tuple(frame.columns[: len(columns)]) == columns
    assert all(tuple(record) == tuple(frame.columns) for record in found)
    bad = {
        (column, type(cell).__name__)
        for record in found
        for column, cell in record.items()
        if not isinstance(cell, PLAIN)
    }
    assert bad == set()
    assert value.to_records() == found  # stable


def test_verdict_records_hold_each_reason_as_written():
    """Somerset's rheumatology verdict: one record per reason, choices as their values,
    evidence ids joined."""
    frame = pd.DataFrame(TABULAR["verdict"][0]().to_records())
    acceptable = frame[frame["rule"] == "triangle.acceptable"].iloc[0]
    assert acceptable["outcome"] == "met"
    assert acceptable["force"] == "local-practice"
    assert acceptable["evidence"] == "fhc-minutes; ra-society-views"
    assert acceptable["source"].startswith("NHS Somerset and Somerset Clinical Commissioning")


def test_options_records_rate_each_option_on_each_criterion():
    """The patient transport options appraisal: one column per criterion, its rating
    value in each cell, and the table's status."""
    frame = pd.DataFrame(TABULAR["options"][0]().to_records()).set_index("option")
    assert list(frame.index) == ["link-recommendations", "current-plans"]
    assert frame.loc["current-plans", "acceptable to patients"] == "partly-met"
    assert frame.loc["link-recommendations", "affordable"] == "unknown"
    assert frame.loc["current-plans", "status"] == "dominated by link-recommendations"
    assert list(frame.columns)[-2:] == ["status", "outcome"]


def test_compliance_records_count_breaches_like_the_report():
    """A CCG with no evidence on 1 June 2018: statute rows are not met, and pandas
    counts the same breaches the report does."""
    report = TABULAR["compliance"][0]()
    frame = pd.DataFrame(report.to_records())
    first = frame.iloc[0]
    assert (first["requirement"], first["citation"], first["force"]) == (
        "nhs-act-s14t/have-regard",
        "s14T",
        "statute",
    )
    assert first["reasons"] == "not met: no evidence"
    binding = frame["force"].isin(["statute", "regulations"]) & (frame["outcome"] == "not-met")
    assert int(binding.sum()) == len(report.breaches)


def test_plan_records_keep_dates_as_dates():
    """Somerset's overdue actions on 15 January 2012: the due date is a `datetime.date`
    that pandas turns into a timestamp; a missing lead is None."""
    frame = pd.DataFrame(TABULAR["overdue"][0]().to_records())
    assert frame.loc[0, "id"] == "1.2c"
    assert frame.loc[0, "due"] == dt.date(2011, 12, 31)
    assert frame.loc[0, "lead"] is None
    assert frame.loc[0, "target"] == "Dec 2011 / Sept 2012"
    assert pd.to_datetime(frame["due"]).max() <= pd.Timestamp("2012-01-15")
    plan = pd.DataFrame(TABULAR["plan"][0]().to_records())
    assert len(plan) == len(examples.somerset_action_plan().all_actions())
    assert plan.loc[0, "action"] == "1.1a"


def test_feedback_records_are_the_how_to_figures():
    """The feedback loop of the how-to: measures as numbers (a rate from 0 to 1)."""
    metrics = pd.DataFrame(TABULAR["feedback metrics"][0]().to_records()).set_index("measure")
    assert metrics.loc["Loop-closure rate", "value"] == 0.5
    assert metrics.loc["Median days to respond", "value"] == 121.0
    assert metrics.loc["Past the response standard", "value"] == 1
    yswd = pd.DataFrame(TABULAR["you said we did"][0]().to_records())
    assert list(yswd["theme"]) == ["access", "information"]
    assert yswd.loc[0, "we did"] == "Evening clinics started"
    assert yswd.loc[1, "we did"] == ""
    items = pd.DataFrame(TABULAR["feedback"][0]().to_records())
    assert list(items["channel"]) == ["public-meeting", "complaint"]


def test_representation_records_split_the_interval():
    """16-24 year olds: 12 of 207 participants against 14% of the population, under-
    represented (the whole interval is below 0)."""
    frame = pd.DataFrame(TABULAR["representation"][0]().to_records()).set_index("category")
    young = frame.loc["16-24"]
    assert young["characteristic"] == "age"
    assert young["participants"] == 12
    assert young["share"] == pytest.approx(12 / 207)
    assert young["population"] == 0.14
    assert young["interval low"] < young["interval high"] < 0
    assert bool(young["under-represented"]) is True


def test_duty_and_network_records():
    """The duty timeline gives the duty's id and force; a route gives body ids and
    tier values."""
    s14z2 = pd.DataFrame(registry().get("nhs-act-s14z2").to_records()).set_index("requirement")
    assert s14z2.loc["a", "applies"] == "always"
    assert s14z2.loc["b", "applies"] == "service-impact"
    timeline = pd.DataFrame(registry().to_records()).set_index("id")
    assert timeline.loc["rra-1976-s71", "in force"] == "2001-04-02 to 2011-04-04"
    assert timeline.loc["rra-1976-s71", "force"] == "statute"
    changes = pd.DataFrame(TABULAR["duty changes"][0]().to_records())
    assert changes.loc[0, "on"] == dt.date(2022, 7, 1)
    assert changes.loc[0, "change"] == "body abolished"
    route = pd.DataFrame(TABULAR["route"][0]().to_records())
    assert route.loc[0, "id"] == "sutton-locality-sutton-and-cheam"
    assert route.loc[0, "tier"] == "locality"


def test_network_records_are_its_tables_rows():
    """Sutton's network: one record per tier with the tier's value, a count and the
    kinds; coverage as figures (shares from 0 to 1, filled seats unknown); the import
    of the example ODS extract: rows skipped by reason."""
    tiers = pd.DataFrame(examples.sutton().to_records()).set_index("tier")
    assert list(tiers.index) == ["place", "locality", "practice"]
    assert tiers.loc["locality", "bodies"] == 3
    assert tiers.loc["practice", "kinds"] == "25 practices, 25 patient participation groups"
    coverage = pd.DataFrame(examples.sutton().coverage().to_records()).set_index("measure")
    assert coverage.loc["Represented on the next tier", "count"] == 24
    assert coverage.loc["Represented on the next tier", "share"] == 0.96
    assert coverage.loc["Seats on Sutton CCG Patient Reference Group", "count"] == 75
    assert coverage.loc["Seats on Sutton CCG Patient Reference Group", "filled"] is None
    skipped = _ods().to_records()
    assert skipped == [
        {"skipped because": "in Wales", "rows": 1},
        {"skipped because": "prescribing setting 2", "rows": 1},
        {"skipped because": "status C", "rows": 1},
    ]
    assert EscalationNetwork.from_pcn(EPCN).to_records() == [
        {"skipped because": "membership ended", "rows": 2}
    ]
    bound = _ods().network.duties("2024-06-30").of("L85901").to_records()
    assert bound[0] == {
        "duty": "contract-involvement",
        "title": "Involve people and communities (contractual responsibility of providers)",
    }


def test_feedback_flow_records_put_each_stage_in_its_column():
    """Sutton's feedback flow: row n holds each stage's nth item, as the chart's
    columns do; a stage with fewer items has None below its last."""
    flow = examples.sutton_feedback_flow()
    frame = pd.DataFrame(flow.to_records())
    stages = flow.stages()
    assert len(frame) == max(len(items) for items in stages.values()) == 15
    assert frame.loc[0, "listen"] == "Sutton Patient Reference Group"
    assert frame.loc[1, "discuss"] == "Diversity and Engagement Meetings"
    assert list(frame["feedback"].dropna()) == [i.name for i in stages[FlowStage.FEEDBACK]]
    assert pd.isna(frame.loc[14, "feedback"])
    assert flow.to_records()[14]["feedback"] is None
    shown = render.markdown(flow).splitlines()
    assert shown[:3] == [
        "## Sutton CCG feedback flow",
        "",
        "| Listen | Discuss | Inform | Feedback |",
    ]
    assert len(shown) == 4 + len(frame)  # heading, blank line, header, rule, one per record
    assert shown[4].startswith("| Sutton Patient Reference Group | Commissioning Meetings |")


def test_protected_tables_give_their_rows_with_hidden_figures_as_none():
    """The disclosure page's tables: the count table's rows and its total, the cross
    table's rows and its totals row, each hidden figure None, as the tables show."""
    age, by_channel = _protected()
    assert age.to_records() == [
        {"Age": "16-24", "count": None, "share": None},
        {"Age": "25-64", "count": 31, "share": pytest.approx(31 / 75)},
        {"Age": "65+", "count": None, "share": None},
        {"Age": "Total", "count": 75, "share": 1.0},
    ]
    assert len(age.to_records()) == len(render.markdown(age).split("\n\n")[0].splitlines()) - 2
    assert by_channel.to_records() == [
        {"Age \\ Channel": "16-24", "online": None, "paper": 0, "total": None},
        {"Age \\ Channel": "25-64", "online": 20, "paper": 11, "total": 31},
        {"Age \\ Channel": "65+", "online": None, "paper": 30, "total": None},
        {"Age \\ Channel": "Total", "online": 34, "paper": 41, "total": 75},
    ]
    sex = count_table(
        {"Female": 40, "Male": 31, "Prefer not to say": 3},
        name="Sex",
        not_stated=["Prefer not to say"],
    )
    frame = pd.DataFrame(sex.to_records()).set_index("Sex")
    assert list(frame.index) == ["Female", "Male", "Stated", "Prefer not to say", "Total"]
    assert frame.loc["Stated", "count"] == 71
    assert frame.loc["Female", "share"] == pytest.approx(40 / 71)
    assert pd.isna(frame.loc["Total", "count"])


def test_consultation_records():
    """The Oxfordshire tutorial consultation: the report's tables of responses under
    their headings, a hidden count None; the cross-tab's counts by channel; the
    loop's themes; an import's findings by line."""
    report = pd.DataFrame(examples.oxfordshire_synthetic_report().to_records())
    channel = report[report["table"] == "Channel"].set_index("category")
    # The report's tables name channels by their labels, as they are shown.
    assert list(channel.index) == ["online consultation", "paper form", "event"]
    assert channel.loc["online consultation", "responses"] == 14
    assert channel.loc["online consultation", "section"] == "Who responded and how"
    assert pd.isna(channel.loc["event", "responses"])
    online = report[report["category"] == "Reach more people online"].iloc[0]
    assert (online["table"], online["responses"], online["share"]) == ("Theme", 7, 0.7)
    assert online["section"].startswith("Do you have any other suggestions")
    crosstab = examples.oxfordshire_synthetic_responses().crosstab("support", by="channel")
    assert crosstab.to_records()[0] == {
        "answer": "Yes",
        "online-consultation": 9,
        "paper-form": 3,
        "event": 1,
    }
    loop = _consultation_loop().to_records()
    assert (loop[0]["theme"], loop[0]["respondents"], loop[0]["change"]) == (
        "Tell people what happened to their views",
        13,
        "planned",
    )
    assert [(f["line"], f["column"]) for f in csv_import().to_records()] == [(3, "Q1"), (4, "Ref")]


def test_response_set_records_are_its_responses():
    """A response set's records are the responses: one row each, every answer,
    theme and monitoring answer in its own column, unanswered as None."""
    from engagekit import _display

    responses = examples.oxfordshire_synthetic_responses()
    frame = pd.DataFrame(responses.to_records()).set_index("id")
    assert len(frame) == len(responses) == 24
    assert list(frame.columns[:6]) == [
        "channel",
        "respondent_type",
        "date",
        "answer: support",
        "answer: deliver",
        "themes: deliver",
    ]
    first = frame.loc["TH-1001"]
    assert (first["channel"], first["date"]) == ("online-consultation", dt.date(2015, 3, 9))
    assert first["themes: comments"] == "online-reach; report-back"
    assert first["monitoring: religion-or-belief"] == "hindu"
    assert pd.isna(frame.loc["TH-1004", "answer: deliver"])
    support = frame["answer: support"].value_counts().to_dict()
    assert support == responses.results("support").as_dict()
    assert _display.records(responses) == responses.to_records()


def test_detail_tables_give_one_record_per_aspect():
    """A technique, a stage of the engagement cycle and an engagement requirement are
    tables of labelled values: one record per label, choices as values, yes/no as
    booleans, lists joined by "; "."""
    nominal = pd.DataFrame(catalogue()["nominal-group"].to_records()).set_index("aspect")
    assert nominal.loc["Method", "detail"] == "forums-for-debate"
    assert nominal.loc["session length", "detail"] == "about three hours"
    assert nominal.loc["Source", "detail"].endswith("Appendix 1, Forums for debate")
    stage = pd.DataFrame(ENGAGEMENT_CYCLE[3].to_records()).set_index("aspect")
    assert stage.loc["Who", "what the stage asks"] == "patients; carers"
    assert list(stage.index) == [
        "Purpose",
        "Who",
        "If this stage is done well",
        "Things to think about",
        "Source",
    ]
    needed = pd.DataFrame(_requirement().to_records()).set_index("what")
    assert needed.loc["Limbs", "needed"] == "planning; proposals; decisions"
    assert needed.loc["Minimum level", "needed"] == "involve"
    assert needed.loc["Formal consultation", "needed"] is True
    assert needed.loc["Suggested techniques", "needed"].split("; ")[:2] == [
        "twenty-first-century-town-meeting",
        "deliberative-events",
    ]


def test_a_value_without_a_table_has_no_records():
    """Only tabular values give records; anything else is a type error."""
    from engagekit import _display

    with pytest.raises(InvalidTypeError, match="to_records.*a tabular engagekit value"):
        _display.records(examples.somerset_rheumatology_decision())


def test_records_load_the_packages_renderers_first():
    """`to_records()` as the first thing done with a value works: the package's
    `_render` module, where its records are registered, is imported for it (a fresh
    interpreter, nothing rendered before)."""
    import subprocess
    import sys

    code = (
        "from engagekit import examples\n"
        "print(examples.somerset_action_plan().to_records()[0]['action'])\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert (done.returncode, done.stdout, done.stderr) == (0, "1.1a\n", "")


def test_two_columns_of_one_name_are_refused_not_merged():
    """A record keyed twice by one name would silently lose a cell: refused instead."""
    from engagekit import _display
    from engagekit.errors import InvalidValueError

    with pytest.raises(InvalidValueError, match="'total' is not allowed: two columns"):
        _display.rows_to_records(("age", "total", "total"), [("16-24", 1, 2)])


def test_annual_report_records_are_every_table_row_under_its_section():
    """Somerset's 2011/12 record: the Actions section's two tables (completed, then
    overdue) and the Consultations table, each row keyed by its table's headers."""
    report = annual_engagement_report(2011, examples.somerset_engagement_record())
    found = report.to_records()
    assert found == [
        {"section": title, "table": number, **row}
        for title in ("Actions", "Consultations")
        for number, table in enumerate(report.section(title).tables, 1)
        for row in table.to_records()
    ]
    assert [r["section"] for r in found].count("Actions") == 7
    assert found[0] == {
        "section": "Actions",
        "table": 1,
        "completed": "2.1a",
        "action": "Test groups approve a strategy that is adopted by the Board",
        "on": "2011-12-05",
    }
    assert [(r["table"], r["overdue"]) for r in found[1:3]] == [(2, "1.2c"), (2, "3.1a")]
    frame = pd.DataFrame(r for r in found if r["table"] == 2).dropna(axis="columns")
    assert list(frame.columns) == ["section", "table", "overdue", "action", "target"]
