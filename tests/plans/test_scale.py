"""Formerly quadratic paths, checked for their result on large inputs.

Each of these once rescanned a whole list per element: adherence per expected
occurrence, "You said, we did" per theme, `informed` per response, plan lookups per
call, plan loading per bad row. The inputs are large enough that a quadratic path
would take many seconds; the assertions are about the results, never the time (the
benchmarks measure that).
"""

from __future__ import annotations

import datetime as dt

from typing import Any

import pytest

from engagekit import render
from engagekit.errors import DocumentError, UnknownNameError
from engagekit.plans import (
    ChangeStatus,
    Channel,
    FeedbackItem,
    FeedbackLoop,
    FeedbackOutcome,
    Response,
    annual_engagement_report,
    plan_from_dict,
    you_said_we_did,
)


D = dt.date
ITEMS = 30_000
THEMES = 1_000
DECISIONS = 300
START = D(2018, 4, 1)
END = D(2019, 3, 31)


def _answered(n: int) -> bool:
    return n % 3 != 0


def _decision(n: int) -> str:
    return f"d{(n // 3) % DECISIONS}"


def _response_date(n: int) -> dt.date:
    return START + dt.timedelta(days=n % 365 + 10)


@pytest.fixture(scope="module")
def loop() -> FeedbackLoop:
    """30,000 items over 1,000 themes; two in three answered, one answer in five followed up."""
    items = [
        FeedbackItem(
            id=f"f{n}",
            date=START + dt.timedelta(days=n % 365),
            channel=Channel.SURVEY,
            text=f"said {n}",
            theme=f"t{n % THEMES:04d}",
            asked=f"asked {n % 7}",
        )
        for n in range(ITEMS)
    ]
    responses = [
        Response(
            id=f"r{n}",
            feedback=[f"f{n}"],
            date=_response_date(n),
            text=f"did {n}",
            change=ChangeStatus.MADE if n % 2 else ChangeStatus.NONE,
            decision=_decision(n),
        )
        for n in range(ITEMS)
        if _answered(n)
    ]
    outcomes = [
        FeedbackOutcome(id=f"o{n}", response=f"r{n}", date=_response_date(n), text=f"came {n}")
        for n in range(ITEMS)
        if _answered(n) and n % 5 == 0
    ]
    return FeedbackLoop(items=items, responses=responses, outcomes=outcomes)


class TestFeedbackLoop:
    def test_informed_for_every_decision(self, loop: FeedbackLoop) -> None:
        """Each of 300 decisions is informed by exactly the items whose response names it."""
        for k in range(DECISIONS):
            found = [i.id for i in loop.informed(f"d{k}")]
            assert found == [
                f"f{3 * m + r}" for m in range(k, ITEMS // 3, DECISIONS) for r in (1, 2)
            ]

    def test_unknown_decision(self, loop: FeedbackLoop) -> None:
        """A decision no response names is refused, with the closest ones."""
        with pytest.raises(UnknownNameError, match="'d3000'"):
            loop.informed("d3000")

    def test_item_and_trace_for_every_item(self, loop: FeedbackLoop) -> None:
        """All 30,000 items are found and traced by id."""
        for n in range(ITEMS):
            lineage = loop.trace(f"f{n}")
            assert loop.item(f"f{n}").text == f"said {n}"
            assert [r.id for r in lineage.responses] == ([f"r{n}"] if _answered(n) else [])
            assert lineage.decisions == ((_decision(n),) if _answered(n) else ())
            assert [o.id for o in lineage.outcomes] == (
                [f"o{n}"] if _answered(n) and n % 5 == 0 else []
            )
        with pytest.raises(UnknownNameError, match="'f30000'"):
            loop.item("f30000")


class TestDocuments:
    def test_you_said_we_did_groups_every_theme(self, loop: FeedbackLoop) -> None:
        """1,000 themes, each with its 30 items, their answers by the year end and outcomes."""
        doc = you_said_we_did(loop, (START, END))
        assert [e.theme for e in doc.entries] == [f"t{t:04d}" for t in range(THEMES)]
        for t in (0, 1, 499, 999):
            entry = doc.entries[t]
            mine = range(t, ITEMS, THEMES)
            answered = [n for n in mine if _answered(n) and _response_date(n) <= END]
            assert entry.you_said == tuple(f"said {n}" for n in mine)
            assert entry.we_did == tuple(f"did {n}" for n in answered)
            assert entry.outcome == tuple(f"came {n}" for n in answered if n % 5 == 0)
            assert entry.we_asked == tuple(dict.fromkeys(f"asked {n % 7}" for n in mine))
            made = any(n % 2 for n in answered)
            assert entry.change is (ChangeStatus.MADE if made else ChangeStatus.NONE)

    def test_annual_report_html_has_every_theme(self, loop: FeedbackLoop) -> None:
        """The annual report's HTML carries the "You said, we did" row of every theme."""
        report = annual_engagement_report(2018, body="Sutton CCG", loop=loop)
        rows = report.section("You said, we did").tables[0].rows
        assert len(rows) == THEMES
        assert rows[7][0] == "t0007"
        page = render.html(report)
        assert page.count("<tr>") == THEMES + 1 + sum(
            len(t.rows) + 1 for s in report.sections[:-1] for t in _tables(s) if t.rows
        )
        assert ">said 29999</td>" not in page  # cells join a theme's items
        assert "said 7; said 1007; said 2007" in page


def _tables(section: Any) -> list[Any]:
    found = list(section.tables)
    for child in section.sections:
        found.extend(_tables(child))
    return found


OBJECTIVES = 10_000


def _plan_document(objectives: int) -> dict[str, Any]:
    rows = []
    actions = []
    for n in range(objectives):
        top, sub = divmod(n, 10)
        number = f"{top + 1}" if sub == 0 else f"{top + 1}.{sub}"
        rows.append({"id": number, "title": f"Objective {number}"})
        actions.append({"id": f"{number}a", "objective": number, "description": f"Act on {number}"})
    return {"title": "A large plan", "objective": rows, "action": actions}


class TestPlans:
    def test_load_and_look_up_ten_thousand_objectives(self) -> None:
        """A plan of 10,000 objectives loads, and every action and objective is found by id."""
        plan = plan_from_dict(_plan_document(OBJECTIVES))
        assert len(plan.objectives) == OBJECTIVES // 10
        assert len(plan.all_objectives()) == OBJECTIVES
        assert len(plan.all_actions()) == OBJECTIVES
        for objective in plan.all_objectives():
            action = plan.action(f"{objective.id}a")
            assert action.description == f"Act on {objective.id}"
            assert plan.objective_of(action.id) is objective
            assert plan.objective(objective.id) is objective
        assert [o.id for o in plan.objective("1000").objectives][-1] == "1000.9"
        with pytest.raises(UnknownNameError, match="'1001a'"):
            plan.action("1001a")

    def test_every_bad_row_of_ten_thousand_reported(self) -> None:
        """10,000 actions under unknown objectives: each is reported once, under its
        objective, with no second line saying it was left out."""
        document = _plan_document(OBJECTIVES)
        for action in document["action"]:
            action["objective"] = "x" + action["objective"]
        with pytest.raises(DocumentError, match="unknown objective 'x1'") as caught:
            plan_from_dict(document)
        problems = caught.value.problems
        assert len(problems) + caught.value.more == OBJECTIVES
        assert problems[0].path == "$.action[0].objective"
        assert problems[0].message.startswith("unknown objective 'x1'; known: '1', '1.1'")
        assert problems[0].message.endswith("'2', '2.1', …")
        assert problems[1].path == "$.action[1].objective"
        assert not [p for p in problems if "not placed" in p.message]
