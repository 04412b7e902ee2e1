"""Action plans: the three example plans, overdue and due actions, progress roll-up."""

from __future__ import annotations

import datetime as dt
import io as stdio

import attrs
import pytest

from hypothesis import given
from hypothesis import strategies as st

from engagekit import examples
from engagekit.errors import DocumentError, InvalidTypeError, InvalidValueError, UnknownNameError
from engagekit.plans import (
    Action,
    ActionPlan,
    Objective,
    ProgressUpdate,
    Recurrence,
    TargetDate,
    load_plan,
    plan_from_dict,
)
from tests.strategies.plans import days, objectives, plans


D = dt.date


class TestSomerset:
    def test_objectives_as_numbered(self) -> None:
        """Action Plan v8 (Somerset strategy, Appendix 2) numbers objectives 1-6 and 1.1 …"""
        plan = examples.somerset_action_plan()
        assert [o.id for o in plan.objectives] == ["1", "2", "3", "4", "5", "6"]
        assert [o.id for o in plan.objective("1").objectives] == ["1.1", "1.2", "1.3", "1.4"]
        assert plan.objective_of("5.1a").id == "5.1"

    def test_targets_are_the_sources_text(self) -> None:
        """Targets keep the Target Date column's own words (5.1 'Nov/Dec 2011', 6.3 'Quarterly')."""
        plan = examples.somerset_action_plan()
        assert plan.action("5.1a").target == TargetDate.parse("Nov/Dec 2011")
        assert isinstance(plan.action("6.3a").target, Recurrence)
        target = plan.action("6.4a").target
        assert isinstance(target, Recurrence)
        assert target.text == "Bi Annually"
        assert plan.action("1.1a").target is None

    def test_no_person_is_named(self) -> None:
        """The initials the source gives as 2.1's lead are not reproduced."""
        plan = examples.somerset_action_plan()
        assert "TH/SH/MG/HK" not in repr(plan)
        assert plan.action("2.1a").lead is None

    def test_overdue(self) -> None:
        """As of 15 January 2012, six dated actions are overdue; 2.1 is 'Original task complete.'"""
        plan = examples.somerset_action_plan()
        assert [a.id for a in plan.overdue(D(2012, 1, 15))] == [
            "1.2c", "3.1a", "3.2a", "3.3a", "3.4a", "5.1a",
        ]  # fmt: skip
        assert plan.overdue(D(2011, 10, 1)) == ()

    def test_progress_clears_overdue(self) -> None:
        """A started open-ended action is not overdue, and adds to the plan's progress."""
        plan = examples.somerset_action_plan()
        assert plan.progress(D(2012, 1, 15)) == pytest.approx(100 / 6)
        assert plan.action("3.1a").progress(D(2012, 1, 15)) == 0
        plan = plan.with_update("3.1a", ProgressUpdate(date=D(2012, 1, 2), status="in-progress"))
        overdue = [a.id for a in plan.overdue(D(2012, 1, 15))]
        assert overdue == ["1.2c", "3.2a", "3.3a", "3.4a", "5.1a"]
        # "In progress" counts as 50 by default: the plan's mean rises from 16.67 to 18.75.
        assert plan.action("3.1a").progress(D(2012, 1, 15)) == 50
        assert plan.progress(D(2012, 1, 15)) == pytest.approx(18.75)

    def test_due_between(self) -> None:
        """Actions due in April 2012: 5.2 (initial report) and 6.2 ("From April 2012?")."""
        plan = examples.somerset_action_plan()
        due = [a.id for a in plan.due_between(D(2012, 4, 1), D(2012, 4, 30))]
        assert due == ["5.2a", "6.2a"]
        with pytest.raises(InvalidValueError, match="end is before start"):
            plan.due_between(D(2012, 5, 1), D(2012, 4, 1))


class TestOtherPlans:
    def test_gpcc_timeline(self) -> None:
        """The GP consortia Time Line's thirteen dated actions, first 27 April 2011."""
        plan = examples.gpcc_timeline_2011()
        assert len(plan.actions()) == 13
        assert plan.actions()[0].due == D(2011, 4, 27)
        target = plan.action("1i").target
        assert isinstance(target, TargetDate)
        assert target.precision.value == "financial-year"

    def test_oxfordshire(self) -> None:
        """Oxfordshire's 22 delivery actions (7 split in two) and its meeting recurrences."""
        plan = examples.oxfordshire_delivery_plan()
        assert len(plan.objective("7").actions) == 23
        forums = plan.action("7.6").target
        assert isinstance(forums, Recurrence)
        assert len(forums.bodies) == 6
        assert forums.per_year == 12
        boards = plan.action("7.7a").target
        assert isinstance(boards, Recurrence)
        assert boards.per_year == 6


class TestProgress:
    def test_weighted_formula(self) -> None:
        """Objective progress is sum(w*p)/sum(w) over counted children."""
        objective = Objective(
            id="1",
            title="t",
            actions=[
                Action(id="a", description="x", weight=3,
                       updates=[ProgressUpdate(date=D(2020, 1, 1), status="achieved")]),
                Action(id="b", description="y", weight=1),
                Action(id="c", description="z",
                       updates=[ProgressUpdate(date=D(2020, 1, 1), status="cancelled")]),
            ],
        )  # fmt: skip
        assert objective.progress(D(2020, 2, 1)) == 75
        assert objective.progress(D(2019, 2, 1)) == 0

    def test_update_progress_overrides_status(self) -> None:
        """An update's own progress wins over its status's default."""
        action = Action(
            id="a",
            description="x",
            updates=[ProgressUpdate(date=D(2020, 1, 1), status="in-progress", progress=30)],
        )
        assert action.progress(D(2020, 1, 1)) == 30

    @given(objectives(), days)
    def test_roll_up_between_children(self, objective, as_of):
        """Roll-up progress lies between its children's minimum and maximum."""
        value = objective.progress(as_of)
        children = [
            a.progress(as_of)
            for a in objective.actions
            if a.weight > 0 and a.status(as_of).counts
        ] + [
            p for o in objective.objectives
            if o.weight > 0 and (p := o.progress(as_of)) is not None
        ]  # fmt: skip
        if not children:
            assert value is None
        else:
            assert min(children) - 1e-9 <= value <= max(children) + 1e-9

    @given(plans(), days)
    def test_plan_progress_in_range(self, plan, as_of):
        """Plan progress lies between its objectives' (within 0-100); None when nothing counts."""
        value = plan.progress(as_of)
        counted = [
            p for o in plan.objectives
            if o.weight > 0 and (p := o.progress(as_of)) is not None
        ]  # fmt: skip
        if counted:
            assert value is not None
            assert min(counted) - 1e-9 <= value <= max(counted) + 1e-9
            assert 0 <= value <= 100
        else:
            assert value is None


class TestBadInput:
    @pytest.mark.parametrize("value", [-1, 101, 140.5, float("nan")])
    def test_progress_out_of_range(self, value):
        """Progress outside 0-100 is refused, naming the field and value."""
        with pytest.raises(InvalidValueError, match=r"ProgressUpdate\.progress") as info:
            ProgressUpdate(date=D(2020, 1, 1), status="in-progress", progress=value)
        assert "ProgressUpdate.progress" in str(info.value)
        assert repr(value) in str(info.value)

    @pytest.mark.parametrize("value", [True, "50"])
    def test_progress_of_the_wrong_type(self, value):
        """A bool or text where progress belongs is a type error, not a number."""
        with pytest.raises(InvalidTypeError, match="ProgressUpdate.progress"):
            ProgressUpdate(date=D(2020, 1, 1), status="in-progress", progress=value)

    def test_unknown_status(self) -> None:
        """An update naming a status the catalogue lacks is refused with close matches."""
        action = Action(
            id="a", description="x", updates=[ProgressUpdate(date=D(2020, 1, 1), status="done!")]
        )
        with pytest.raises(UnknownNameError, match="done!"):
            ActionPlan(title="p", objectives=[Objective(id="1", title="t", actions=[action])])

    def test_duplicate_ids(self) -> None:
        """Two actions with one id are refused."""
        objective = Objective(id="1", title="t", actions=[Action(id="1a", description="x")])
        other = attrs.evolve(objective, id="2")
        with pytest.raises(InvalidValueError, match="'1a'"):
            ActionPlan(title="p", objectives=[objective, other])

    def test_every_bad_row_is_reported(self) -> None:
        """A plan file with several bad rows reports each of them at once."""
        document = b"""
title = "Plan"
[[objective]]
id = "1"
title = "Seek feedback"
[[objective]]
id = "2.1"
title = "Orphan"
[[action]]
id = "1a"
objective = "1"
description = "Survey"
target = "Quarterly"
[[action]]
id = "1b"
objective = "7"
description = "Forum"
target = "Dec 2011"
[[action]]
id = "1c"
objective = "1"
description = "Newsletter"
target = "Dec 5th"
[[action]]
id = "1d"
objective = "1"
description = "Report"
updates = [{ date = 2012-01-01, status = "in-progress", progress = 140 }]
[[action]]
id = "1e"
objective = "1"
description = "Review"
colour = "red"
"""
        with pytest.raises(
            DocumentError, match=r"\$\.objective\[1\]\.id: '2\.1' has no parent objective '2'"
        ) as info:
            load_plan(stdio.BytesIO(document))
        text = "\n".join(str(problem) for problem in info.value.problems)
        assert "$.objective[1].id: '2.1' has no parent objective '2'" in text
        assert "$.action[1].objective: unknown objective '7'" in text
        assert "$.action[2].target: cannot read 'Dec 5th'" in text
        assert "$.action[3].updates[0].progress: ProgressUpdate.progress: 140" in text
        assert "$.action[4].colour: unknown field 'colour'; allowed: 'id'" in text

    def test_plan_file_with_source_citation(self) -> None:
        """A plan file cites a document from data/sources.toml by id."""
        plan = plan_from_dict(
            {
                "title": "Plan",
                "source": {"document": "sutton-2018", "section": "Appendix"},
                "objective": [{"id": "1", "title": "t"}],
            }
        )
        assert plan.source is not None
        assert plan.source.publisher == "NHS Sutton Clinical Commissioning Group"

    @given(
        st.sampled_from(["somerset_action_plan", "gpcc_timeline_2011", "oxfordshire_delivery_plan"])
    )
    def test_examples_are_fresh_equal_values(self, name):
        """Each example builder returns an equal, immutable value every call."""
        builder = getattr(examples, name)
        assert builder() == builder()
