"""Action plans: reprs, refusals read whole, due-day and done-status boundaries of
`is_overdue`, weights in the roll-up, and the order of updates."""

from __future__ import annotations

import datetime as dt
import re

from collections.abc import Callable

import attrs
import pytest

from engagekit import examples
from engagekit.errors import InvalidTypeError, InvalidValueError, UnknownNameError
from engagekit.plans import (
    Action,
    ActionPlan,
    ActionStatus,
    ActionStatusCatalogue,
    Objective,
    ProgressUpdate,
    TargetDate,
    statuses,
)


D = dt.date


def _dec_2011(*updates: ProgressUpdate) -> Action:
    """Somerset's 2.1a (target "Dec 2011", due 31 December 2011) with these updates."""
    action = examples.somerset_action_plan().action("2.1a")
    return attrs.evolve(action, updates=updates)


def _from_jan_2012(*updates: ProgressUpdate) -> Action:
    """Somerset's 3.1a (target "From Jan 1st 2012", open at the end) with these updates."""
    action = examples.somerset_action_plan().action("3.1a")
    return attrs.evolve(action, updates=updates)


class TestReprs:
    def test_an_action_names_its_id_its_text_cut_to_40_and_counts(self) -> None:
        plan = examples.somerset_action_plan()
        assert repr(plan.action("1.2c")) == (
            "<Action '1.2c' 'Hold Bi-annual congress or Forums' with 2 targets and 0 updates>"
        )
        assert repr(plan.action("2.1a")) == (
            "<Action '2.1a' 'Test groups approve a strategy that is …' with 1 target and 1 update>"
        )
        assert repr(plan.action("4.4a")) == (
            "<Action '4.4a' '(no action given)' with 0 targets and 0 updates>"
        )

    def test_an_objective_counts_its_actions_and_objectives(self) -> None:
        plan = examples.somerset_action_plan()
        assert repr(plan.objective("1")) == "<Objective '1' with 0 actions and 4 objectives>"
        assert repr(plan.objective("2")) == "<Objective '2' with 0 actions and 1 objective>"
        assert repr(plan.objective("5.1")) == "<Objective '5.1' with 1 action and 0 objectives>"
        assert repr(examples.oxfordshire_delivery_plan().objectives[0]) == (
            "<Objective '7' with 23 actions and 0 objectives>"
        )

    def test_a_plan_names_its_title_and_counts(self) -> None:
        assert repr(examples.somerset_action_plan()) == (
            "<ActionPlan 'Draft Patient and Public Engagement Action Plan v8'"
            " with 28 objectives and 29 actions>"
        )


class TestRefusals:
    def test_more_targets_without_a_first_target(self) -> None:
        with pytest.raises(InvalidValueError) as exc:
            Action(id="1.2c", more_targets=[TargetDate.parse("Sept 2012")])
        assert str(exc.value) == (
            "Action.more_targets: ['Sept 2012'] is not allowed: give the first target as `target`"
        )

    def test_a_sub_objective_that_is_not_an_objective(self) -> None:
        with pytest.raises(InvalidTypeError) as exc:
            Objective(id="1", title="Seek feedback", objectives=["1.1"])
        assert str(exc.value) == "Objective.objectives[0]: got str '1.1'; expected an Objective"

    def test_a_repeated_objective_id(self) -> None:
        first = Objective(id="1", title="Seek feedback")
        with pytest.raises(InvalidValueError) as exc:
            ActionPlan(title="Plan", objectives=[first, Objective(id="1", title="Report back")])
        assert str(exc.value) == "ActionPlan.objectives: '1' is not allowed: duplicate id"

    def test_an_action_with_an_objectives_id(self) -> None:
        """Objectives and actions share one set of ids."""
        objective = Objective(id="5.1", title="Board", actions=[Action(id="5.1")])
        with pytest.raises(InvalidValueError) as exc:
            ActionPlan(title="Plan", objectives=[objective])
        assert str(exc.value) == "ActionPlan.actions: '5.1' is not allowed: duplicate id"

    def test_a_repeated_action_id(self) -> None:
        first = Objective(id="1", title="Seek feedback", actions=[Action(id="1a")])
        second = Objective(id="2", title="Report back", actions=[Action(id="1a")])
        with pytest.raises(InvalidValueError) as exc:
            ActionPlan(title="Plan", objectives=[first, second])
        assert str(exc.value) == "ActionPlan.actions: '1a' is not allowed: duplicate id"

    def test_an_unknown_action(self) -> None:
        plan = examples.somerset_action_plan()
        message = "unknown action '5.1'; did you mean '5.1a', '6.1a', '5.4a'?"
        with pytest.raises(UnknownNameError) as exc:
            plan.action("5.1")
        assert str(exc.value) == message
        with pytest.raises(UnknownNameError) as exc:
            plan.objective_of("5.1")
        assert str(exc.value) == message

    def test_an_unknown_objective(self) -> None:
        plan = examples.somerset_action_plan()
        with pytest.raises(UnknownNameError) as exc:
            plan.objective("5.1a")
        assert str(exc.value) == "unknown objective '5.1a'; did you mean '5.1', '6.1', '5.4'?"

    @pytest.mark.parametrize(
        "call",
        [
            lambda plan: plan.overdue("15/01/2012"),
            lambda plan: plan.progress("15/01/2012"),
            lambda plan: plan.objective("5.1").progress("15/01/2012"),
            lambda plan: plan.action("5.1a").latest("15/01/2012"),
            lambda plan: plan.action("5.1a").status("15/01/2012"),
            lambda plan: plan.action("5.1a").progress("15/01/2012"),
            lambda plan: plan.action("5.1a").is_overdue("15/01/2012"),
        ],
    )
    def test_a_date_not_in_iso_form_is_refused_as_as_of(
        self, call: Callable[[ActionPlan], object]
    ) -> None:
        with pytest.raises(InvalidValueError) as exc:
            call(examples.somerset_action_plan())
        assert str(exc.value) == "as_of: '15/01/2012' is not allowed: must be a date, YYYY-MM-DD"

    def test_due_between_names_the_bad_bound(self) -> None:
        plan = examples.somerset_action_plan()
        with pytest.raises(InvalidValueError) as exc:
            plan.due_between("2011-12", "2012-01-31")
        assert str(exc.value) == "start: '2011-12' is not allowed: must be a date, YYYY-MM-DD"
        with pytest.raises(InvalidValueError) as exc:
            plan.due_between("2011-12-01", "2012-1-31")
        assert str(exc.value) == "end: '2012-1-31' is not allowed: must be a date, YYYY-MM-DD"

    def test_due_between_an_end_before_the_start(self) -> None:
        with pytest.raises(InvalidValueError) as exc:
            examples.somerset_action_plan().due_between("2012-01-31", "2011-12-01")
        assert str(exc.value) == (
            "due_between: (datetime.date(2012, 1, 31), datetime.date(2011, 12, 1))"
            " is not allowed: end is before start"
        )


class TestQueries:
    def test_due_between_one_day(self) -> None:
        """A window of one day holds the actions due that day."""
        due = examples.somerset_action_plan().due_between("2011-12-31", "2011-12-31")
        assert [a.id for a in due] == ["1.2c", "2.1a", "5.1a"]

    def test_an_objectives_actions_then_those_under_it(self) -> None:
        plan = examples.somerset_action_plan()
        assert [a.id for a in plan.objective("1").all_actions()] == [
            "1.1a", "1.2a", "1.2b", "1.2c", "1.2d", "1.2e", "1.3a", "1.3b", "1.3c", "1.4a", "1.4b",
        ]  # fmt: skip
        mixed = Objective(id="5", title="Feedback", actions=[plan.action("5.1a")],
                          objectives=[plan.objective("5.2"), plan.objective("5.3")])  # fmt: skip
        assert [a.id for a in mixed.all_actions()] == ["5.1a", "5.2a", "5.3a"]

    def test_the_table_joins_an_actions_targets(self) -> None:
        records = examples.somerset_action_plan().actions().to_records()
        by_id = {r["id"]: r for r in records}
        assert by_id["1.2c"]["target"] == "Dec 2011 / Sept 2012"
        assert by_id["5.1a"]["target"] == "Nov/Dec 2011"
        assert by_id["1.1a"]["target"] is None

    def test_the_latest_update_on_a_day(self) -> None:
        action = examples.somerset_action_plan().action("5.2a")
        assert action.latest("2012-07-30") is None
        latest = action.latest(D(2012, 7, 31))
        assert latest is not None
        assert latest.note == "First report published July 2012"


class TestUpdates:
    def test_updates_are_kept_oldest_first(self) -> None:
        planned = ProgressUpdate(date=D(2011, 11, 1), status="planned")
        achieved = ProgressUpdate(date=D(2011, 12, 5), status="achieved")
        action = _dec_2011(achieved, planned)
        assert action.updates == (planned, achieved)
        assert action.latest("2011-11-30") == planned

    def test_a_bad_update_is_reported_where_it_was_given(self) -> None:
        """The updates are sorted only once every one is an update."""
        planned = ProgressUpdate(date=D(2011, 11, 1), status="planned")
        achieved = ProgressUpdate(date=D(2011, 12, 5), status="achieved")
        with pytest.raises(InvalidTypeError) as exc:
            _dec_2011(achieved, planned, "Original task complete.")  # type: ignore[arg-type]
        assert str(exc.value) == (
            "Action.updates[2]: got str 'Original task complete.'; expected a ProgressUpdate"
        )


class TestOverdue:
    def test_not_overdue_on_its_due_day(self) -> None:
        action = _dec_2011()
        assert not action.is_overdue("2011-12-31")
        assert action.is_overdue("2012-01-01")

    def test_a_cancelled_action_is_never_overdue(self) -> None:
        assert not _dec_2011(ProgressUpdate(date=D(2011, 11, 1), status="cancelled")).is_overdue(
            "2012-01-15"
        )

    def test_a_done_status_is_not_overdue(self) -> None:
        update = ProgressUpdate(date=D(2011, 12, 5), status="achieved")
        assert not _dec_2011(update).is_overdue("2012-01-15")
        update = ProgressUpdate(date=D(2011, 12, 5), status="achieved", progress=100)
        assert not _dec_2011(update).is_overdue("2012-01-15")

    def test_a_done_status_below_100_is_refused_not_read(self) -> None:
        """'achieved' at 80 per cent was read as done (not overdue) and as 80 (in the
        roll-ups) at once; it says two things, so it is refused naming both."""
        update = ProgressUpdate(date=D(2011, 12, 5), status="achieved", progress=80)
        message = (
            "Action '2.1a' updates[0].progress: 80 is not allowed: the status 'achieved' "
            "means done, which is progress 100; give progress 100 (or none), or a status "
            "that is not done"
        )
        for query in (_dec_2011(update).is_overdue, _dec_2011(update).progress):
            with pytest.raises(InvalidValueError, match=f"^{re.escape(message)}$"):
                query("2012-01-15")

    def test_progress_of_100_is_not_overdue_before_the_status_says_done(self) -> None:
        update = ProgressUpdate(date=D(2011, 12, 5), status="in-progress", progress=100)
        assert not _dec_2011(update).is_overdue("2012-01-15")
        update = ProgressUpdate(date=D(2011, 12, 5), status="in-progress", progress=99.5)
        assert _dec_2011(update).is_overdue("2012-01-15")

    def test_an_open_ended_target_asks_only_for_a_start(self) -> None:
        assert _from_jan_2012().is_overdue("2012-01-15")
        update = ProgressUpdate(date=D(2012, 1, 2), status="in-progress", progress=1)
        assert not _from_jan_2012(update).is_overdue("2012-01-15")

    def test_the_catalogue_given_decides(self) -> None:
        signed_off = ActionStatus(id="signed-off", name="Signed off", progress=100, done=True)
        catalogue = ActionStatusCatalogue(status=[*statuses(), signed_off])
        action = _dec_2011(ProgressUpdate(date=D(2011, 12, 5), status="signed-off"))
        assert not action.is_overdue("2012-01-15", catalogue)
        assert action.status("2012-01-15", catalogue) == signed_off
        assert action.progress("2012-01-15", catalogue) == 100
        short = _dec_2011(ProgressUpdate(date=D(2011, 12, 5), status="signed-off", progress=90))
        with pytest.raises(InvalidValueError, match="'signed-off' means done"):
            short.progress("2012-01-15", catalogue)
        with pytest.raises(UnknownNameError, match="unknown status 'signed-off'"):
            action.is_overdue("2012-01-15")


class TestWeights:
    def test_an_action_weighted_0_is_left_out_before_its_status_is_read(self) -> None:
        """Its status may be one the catalogue lacks: it is not looked up."""
        done = ProgressUpdate(date=D(2011, 12, 5), status="achieved")
        unweighted = Action(id="5.1b", weight=0,
                            updates=[ProgressUpdate(date=D(2011, 12, 5), status="signed-off")])  # fmt: skip
        objective = Objective(id="5.1", title="Board", actions=[_dec_2011(done), unweighted])
        assert objective.progress("2012-01-15") == 100
