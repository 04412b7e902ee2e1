"""Plans are strict at every door: loaders, date parameters, choices and reprs."""

from __future__ import annotations

import datetime as dt
import io as stdio
import time

import pytest

from engagekit import examples
from engagekit.errors import DocumentError, InvalidTypeError, InvalidValueError
from engagekit.evidence import Evidence
from engagekit.plans import (
    ActionPlan,
    Actions,
    ChangeStatus,
    Channel,
    FeedbackItem,
    FeedbackItems,
    FeedbackLoop,
    Meeting,
    MetricsByGroup,
    Part,
    Recurrence,
    Response,
    Schedule,
    TargetDate,
    YearStyle,
    annual_engagement_report,
    bank_holidays,
    load_plan,
    plan_from_dict,
    statuses,
    you_said_we_did,
)


D = dt.date


def _paths(error: DocumentError) -> list[str]:
    return [problem.path for problem in error.problems]


class TestLoaderRejectsShapes:
    def test_source_as_text(self) -> None:
        """`source = "…"` (text where a table belongs) names $.source, not AttributeError."""
        document = b'title = "Plan"\nsource = "Somerset CCG strategy"\n'
        with pytest.raises(DocumentError, match=r"\$\.source: must be a table") as info:
            load_plan(stdio.BytesIO(document))
        assert info.value.problems[0].value == "Somerset CCG strategy"

    def test_objective_rows_as_text(self) -> None:
        """`objective = ["1"]` names $.objective[0]."""
        document = b'title = "Plan"\nobjective = ["1"]\n'
        with pytest.raises(DocumentError, match=r"\$\.objective\[0\]") as info:
            load_plan(stdio.BytesIO(document))
        assert _paths(info.value) == ["$.objective[0]"]

    def test_action_rows_as_numbers(self) -> None:
        with pytest.raises(DocumentError, match=r"\$\.action\[0\]") as info:
            plan_from_dict({"title": "Plan", "action": [1, 2]})
        assert _paths(info.value) == ["$.action[0]", "$.action[1]"]

    @pytest.mark.parametrize("document", [None, "  ", 42, ["title"]])
    def test_not_a_table(self, document):
        """A document that is not a table is a DocumentError, never a builtin error."""
        with pytest.raises(DocumentError, match=r"\$: a plan must be a table"):
            plan_from_dict(document)

    def test_status_rows_as_text(self) -> None:
        with pytest.raises(DocumentError, match=r"\$\.status") as info:
            plan_from_dict({"title": "Plan", "status": "in-progress"})
        assert _paths(info.value) == ["$.status"]

    def test_duplicate_objectives_are_rejected_quickly(self) -> None:
        """Repeated objective ids once made loading exponential (a 2.4 KB file took 8.5 s);
        each repeat is now one problem, found in one pass."""
        rows: list[str] = []
        for depth in range(1, 13):
            number = ".".join(["1"] * depth)
            rows.extend(f'[[objective]]\nid = "{number}"\ntitle = "t"\n' for _ in range(4))
        document = ("title = 'Plan'\n" + "".join(rows)).encode()
        begun = time.perf_counter()
        with pytest.raises(DocumentError, match="duplicate objective '1'") as info:
            load_plan(stdio.BytesIO(document))
        assert time.perf_counter() - begun < 5
        assert len(info.value.problems) + info.value.more == 12 * 3

    def test_duplicate_action_ids(self) -> None:
        with pytest.raises(DocumentError, match=r"\$\.action\[1\]\.id: duplicate id '1a'"):
            plan_from_dict(
                {
                    "title": "Plan",
                    "objective": [{"id": "1", "title": "t"}],
                    "action": [
                        {"id": "1a", "objective": "1", "description": "one"},
                        {"id": "1a", "objective": "1", "description": "two"},
                    ],
                }
            )


class TestDatesAsText:
    def test_overdue_accepts_iso_text(self) -> None:
        """`plan.overdue("2012-01-15")` once raised a raw TypeError."""
        plan = examples.somerset_action_plan()
        assert plan.overdue("2012-01-15") == plan.overdue(D(2012, 1, 15))
        assert plan.progress("2012-01-15") == plan.progress(D(2012, 1, 15))

    @pytest.mark.parametrize("value", [20120115, None, dt.datetime(2012, 1, 15)])
    def test_overdue_refuses_other_types(self, value):
        with pytest.raises(InvalidTypeError, match="as_of"):
            examples.somerset_action_plan().overdue(value)

    def test_overdue_refuses_text_that_is_no_date(self) -> None:
        with pytest.raises(InvalidValueError, match="YYYY-MM-DD"):
            examples.somerset_action_plan().overdue("15/01/2012")

    def test_ranges_are_start_and_end(self) -> None:
        plan = examples.somerset_action_plan()
        assert plan.due_between(start="2012-04-01", end="2012-04-30") == plan.due_between(
            D(2012, 4, 1), D(2012, 4, 30)
        )
        quarterly = Recurrence.parse("quarterly")
        assert quarterly.occurrences("2018-04-01", "2019-03-31")[0] == D(2018, 4, 1)

    def test_loop_metrics_accept_text(self) -> None:
        item = FeedbackItem(id="f1", date=D(2015, 5, 1), channel="pals", text="Parking is full")
        loop = FeedbackLoop(items=[item])
        assert loop.metrics("2015-06-01", since="2015-01-01").total == 1
        assert loop.between("2015-01-01", "2015-12-31") == loop
        with pytest.raises(InvalidTypeError, match="standard_days"):
            loop.metrics("2015-06-01", standard_days=2.5)  # type: ignore[arg-type]

    def test_period_pairs_accept_text(self) -> None:
        item = FeedbackItem(id="f1", date=D(2015, 5, 1), channel="survey", text="Evenings")
        document = you_said_we_did(FeedbackLoop(items=[item]), ("2015-04-01", "2016-03-31"))
        assert (document.start, document.end) == (D(2015, 4, 1), D(2016, 3, 31))
        with pytest.raises(InvalidTypeError, match="period"):
            you_said_we_did(FeedbackLoop(items=[item]), "2015")  # type: ignore[arg-type]

    def test_bank_holiday_years_are_whole_numbers(self) -> None:
        pytest.importorskip("holidays")
        with pytest.raises(InvalidTypeError, match="start_year"):
            bank_holidays("2018")  # type: ignore[arg-type]
        with pytest.raises(InvalidValueError, match="end_year"):
            bank_holidays(2019, 2018)


class TestChoicesAsText:
    def test_feedback_choices(self) -> None:
        item = FeedbackItem(
            id="f1", date=D(2015, 5, 1), channel="Friends and family test", kind="question",
            text="When are forums?",
        )  # fmt: skip
        assert item.channel is Channel.FRIENDS_AND_FAMILY_TEST
        response = Response(id="r1", feedback=["f1"], date=D(2015, 6, 1), text="x", change="made")
        assert response.change is ChangeStatus.MADE

    def test_year_style_and_part(self) -> None:
        assert TargetDate.parse("2011 - 2012", years="calendar") == TargetDate.parse(
            "2011 - 2012", years=YearStyle.CALENDAR
        )
        matrix = examples.sutton_responsibilities()
        topic = "annual-engagement-report"
        assert matrix.who(topic, "Approves") == matrix.who(topic, Part.APPROVES)

    def test_whole_numbers_accept_any_integral(self) -> None:
        numpy = pytest.importorskip("numpy")
        assert (
            Recurrence(text="every 2 months", frequency="monthly", interval=numpy.int64(2)).interval
            == 2
        )
        meeting = Meeting(
            id="m", date=D(2015, 1, 1), body="b", title="t", attendance=numpy.int64(3)
        )
        assert type(meeting.attendance) is int
        report = annual_engagement_report(numpy.int64(2015), body="CCG")
        assert report.year == 2015


class TestOneLineReprs:
    def test_collections(self) -> None:
        """`print(plan)` was 19-43 KB of attrs repr; repr is now one short line."""
        plan = examples.oxfordshire_delivery_plan()
        target = plan.action("7.6").target
        assert isinstance(target, Recurrence)
        forums = target.schedule(D(2015, 4, 1), D(2016, 3, 31))
        assert all(o.body is not None for o in forums)
        meetings = [
            Meeting(id=f"m{n}", date=o.date, body=str(o.body), title="Forum")
            for n, o in enumerate(forums)
        ]
        evidence = [Evidence(id="survey", what="Survey", date=D(2015, 6, 1), limbs=["planning"])]
        report = annual_engagement_report(2015, body="CCG", plan=plan, meetings=meetings,
                                          evidence=evidence)  # fmt: skip
        item = FeedbackItem(id="f1", date=D(2015, 5, 1), channel="pals", text="Parking")
        loop = FeedbackLoop(items=[item])
        values = [
            plan, plan.objectives[0], plan.overdue(D(2016, 1, 1)), statuses(), loop, report,
            forums, target.adherence([], D(2015, 4, 1), D(2016, 3, 31)),
            you_said_we_did(loop, (D(2015, 4, 1), D(2016, 3, 31))),
            examples.sutton_stakeholders(), examples.sutton_responsibilities(),
            loop.metrics_by("channel", D(2015, 6, 1)),
        ]  # fmt: skip
        for value in values:
            text = repr(value)
            assert "\n" not in text
            assert len(text) < 200, text
            assert text.startswith("<")

    def test_queries_are_listings(self) -> None:
        plan = examples.somerset_action_plan()
        overdue = plan.overdue(D(2012, 1, 15))
        assert isinstance(overdue, Actions)
        assert repr(overdue) == "<Actions with 6 actions>"
        assert overdue.to_records()[0]["id"] == "1.2c"
        assert str(overdue).splitlines()[0].split() == [
            "id",
            "description",
            "lead",
            "target",
            "due",
        ]
        assert "<table" in overdue._repr_html_()
        assert isinstance(
            Recurrence.parse("quarterly").schedule("2018-04-01", "2019-03-31"), Schedule
        )
        item = FeedbackItem(id="f1", date=D(2015, 5, 1), channel="pals", text="Parking")
        loop = FeedbackLoop(items=[item])
        assert isinstance(loop.past_standard(D(2015, 7, 1), 20), FeedbackItems)
        by_channel = loop.metrics_by("channel", D(2015, 6, 1))
        assert isinstance(by_channel, MetricsByGroup)
        assert by_channel.as_dict()["pals"].total == 1

    def test_str_stays_a_readable_document(self) -> None:
        plan = examples.somerset_action_plan()
        assert str(plan).splitlines()[0] == plan.title
        assert isinstance(plan, ActionPlan)
