"""A progress update whose progress contradicts its status ("achieved" at 40 per cent)
is refused wherever it meets a status catalogue, naming the field and both values."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from engagekit import examples, io
from engagekit.errors import DocumentError, InvalidValueError
from engagekit.plans import (
    Action,
    ActionPlan,
    ActionStatus,
    ActionStatusCatalogue,
    Objective,
    ProgressUpdate,
    plan_from_dict,
    statuses,
)


D = dt.date
ACHIEVED_40 = (
    "the status 'achieved' means done, which is progress 100; give progress 100 (or "
    "none), or a status that is not done"
)
NOT_STARTED_30 = (
    "the status 'not-started' means no progress; give progress 0 (or none), or a status "
    "that says the work has begun"
)


def _update(status: str, progress: float | None) -> ProgressUpdate:
    return ProgressUpdate(date=D(2011, 12, 5), status=status, progress=progress)


def _plan(*updates: ProgressUpdate) -> ActionPlan:
    action = Action(id="2.1a", description="Test blueprint", updates=updates)
    return ActionPlan(
        title="Plan", objectives=[Objective(id="2", title="Design", actions=[action])]
    )


class TestRefused:
    def test_achieved_at_40_in_a_plan(self) -> None:
        """The bug: it was accepted, read as done and as 40 per cent at once."""
        message = f"ActionPlan action '2.1a' updates[0].progress: 40 is not allowed: {ACHIEVED_40}"
        with pytest.raises(InvalidValueError, match=f"^{re.escape(message)}$") as info:
            _plan(_update("achieved", 40))
        assert (info.value.field, info.value.value) == (
            "ActionPlan action '2.1a' updates[0].progress",
            40,
        )

    def test_not_started_with_progress_in_a_plan(self) -> None:
        message = (
            f"ActionPlan action '2.1a' updates[1].progress: 30 is not allowed: {NOT_STARTED_30}"
        )
        with pytest.raises(InvalidValueError, match=f"^{re.escape(message)}$"):
            _plan(
                _update("planned", 10),
                ProgressUpdate(date=D(2012, 1, 5), status="not-started", progress=30),
            )

    def test_with_update(self) -> None:
        plan = _plan()
        message = f"update.progress: 99.5 is not allowed: {ACHIEVED_40}"
        with pytest.raises(InvalidValueError, match=f"^{re.escape(message)}$"):
            plan.with_update("2.1a", _update("achieved", 99.5))
        assert plan.with_update("2.1a", _update("achieved", 100)).progress("2012-01-01") == 100

    def test_plan_rows_name_the_update(self) -> None:
        """A plan file reports it at the update's progress, with the value found."""
        with pytest.raises(DocumentError) as info:
            plan_from_dict(
                {
                    "title": "Plan",
                    "objective": [{"id": "2", "title": "Design"}],
                    "action": [
                        {
                            "id": "2.1a",
                            "objective": "2",
                            "updates": [
                                {"date": D(2011, 12, 5), "status": "achieved", "progress": 40}
                            ],
                        }
                    ],
                }
            )
        assert [(p.path, p.message, p.value) for p in info.value.problems] == [
            (
                "$.action[0].updates[0].progress",
                f"ProgressUpdate.progress: 40 is not allowed: {ACHIEVED_40}",
                40,
            )
        ]

    def test_io_reading_a_plan(self) -> None:
        plan = _plan(_update("achieved", 100))
        text = io.dumps(plan).replace('"progress": 100', '"progress": 40')
        assert '"progress": 40' in text
        with pytest.raises(DocumentError, match=re.escape(ACHIEVED_40)):
            io.loads(text, ActionPlan)

    def test_an_action_or_objective_queried_alone(self) -> None:
        """An action outside a plan meets its catalogue when queried: it is refused then."""
        action = Action(id="2.1a", updates=[_update("achieved", 40)])
        message = f"Action '2.1a' updates[0].progress: 40 is not allowed: {ACHIEVED_40}"
        with pytest.raises(InvalidValueError, match=f"^{re.escape(message)}$"):
            action.progress("2012-01-01")
        with pytest.raises(InvalidValueError, match=f"^{re.escape(message)}$"):
            action.status("2012-01-01")
        with pytest.raises(InvalidValueError, match=f"^{re.escape(message)}$"):
            Objective(id="2", title="Design", actions=[action]).progress("2012-01-01")

    def test_a_custom_done_status_is_held_to_100(self) -> None:
        signed_off = ActionStatus(id="signed-off", name="Signed off", progress=100, done=True)
        catalogue = ActionStatusCatalogue(status=[*statuses(), signed_off])
        action = Action(id="2.1a", updates=[_update("signed-off", 90)])
        with pytest.raises(InvalidValueError, match="the status 'signed-off' means done"):
            ActionPlan(
                title="Plan",
                objectives=[Objective(id="2", title="Design", actions=[action])],
                statuses=catalogue,
            )

    @pytest.mark.parametrize(
        ("fields", "message"),
        [
            (
                {"id": "closed", "name": "Closed", "progress": 80, "done": True},
                (
                    "ActionStatus.progress: 80 is not allowed: the status 'closed' means "
                    "done, which is progress 100; give progress 100 (or none), or a status "
                    "that is not done"
                ),
            ),
            (
                {"id": "not-started", "name": "Not started", "progress": 5},
                (
                    "ActionStatus.progress: 5 is not allowed: the status 'not-started' means "
                    "no progress; give progress 0 (or none), or a status that says the work "
                    "has begun"
                ),
            ),
        ],
    )
    def test_a_status_that_contradicts_its_own_progress(
        self, fields: dict[str, object], message: str
    ) -> None:
        with pytest.raises(InvalidValueError, match=f"^{re.escape(message)}$"):
            ActionStatus(**fields)  # type: ignore[arg-type]


class TestAccepted:
    @pytest.mark.parametrize(
        ("status", "progress"),
        [
            ("achieved", None),
            ("achieved", 100),
            ("not-started", 0),
            ("not-started", None),
            ("in-progress", 100),  # the work done, awaiting sign-off: both can be true
            ("cancelled", 40),  # stopped part way
            ("planned", 0),
            ("ongoing", 75),
        ],
    )
    def test_pairs_that_can_both_be_true(self, status: str, progress: float | None) -> None:
        plan = _plan(_update(status, progress))
        assert plan.action("2.1a").updates[0].progress == progress

    def test_a_progress_update_alone_does_not_know_its_catalogue(self) -> None:
        """The update's status is an id in a catalogue it is not given: it is checked
        where it meets one, not when made."""
        assert _update("achieved", 40).progress == 40

    def test_the_shipped_plans_load(self) -> None:
        """No seed plan carries a contradictory pair."""
        for plan in (
            examples.somerset_action_plan(),
            examples.gpcc_timeline_2011(),
            examples.oxfordshire_delivery_plan(),
        ):
            assert plan.progress("2013-01-01") is not None
