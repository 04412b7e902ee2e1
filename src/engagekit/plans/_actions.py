"""Action plans: objectives, actions, progress and what is overdue (private).

The status catalogue lives in ``_statuses``, the plan-file loader in ``_load``.
"""

from __future__ import annotations

import datetime as dt
import functools

from collections.abc import Iterable
from typing import Any

import attrs

from engagekit import _display, _lazy, _validate, _value
from engagekit.cycles import EngagementStage, InvolvementLevel
from engagekit.errors import InvalidValueError, ParseError, UnknownNameError
from engagekit.plans._dates import TargetDate
from engagekit.plans._recurrence import Recurrence, _starts_with_recurrence
from engagekit.plans._statuses import (
    ActionStatus,
    ActionStatusCatalogue,
    contradiction,
    statuses,
)
from engagekit.sources import Source


Target = TargetDate | Recurrence
"""What an action's target is: a date or period ("Nov/Dec 2011") or a recurrence ("Quarterly")."""

NO_ACTION = "(no action given)"


def parse_target(text: str, *, bodies: Iterable[str] = ()) -> Target:
    """Read a target as written: a recurrence ("Quarterly") or else a target date.

    ``bodies`` are passed to `Recurrence.parse` (the bodies that each hold it).

    A recurrence followed by its start ("Monthly from April 2012") is a recurrence
    anchored at that start (see `Recurrence.parse`), never a date labelled "Monthly".

    Raises:
        ParseError: the text is neither (the message is the target date's), or is a
            recurrence with a start it cannot read (the message is the recurrence's).

    Examples:
        >>> parse_target("Bi-annual").interval
        6
        >>> parse_target("Nov/Dec 2011").end
        datetime.date(2011, 12, 31)
        >>> parse_target("Monthly from April 2012").anchor
        datetime.date(2012, 4, 1)
    """
    try:
        return Recurrence.parse(text, bodies=bodies)
    except ParseError:
        if _starts_with_recurrence(text):
            raise
        return TargetDate.parse(text)


_progress = _validate.number_between(0, 100)
_weight = _validate.number_between(0)


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class ProgressUpdate:
    """A dated report of an action's status and, optionally, its progress.

    Its ``repr`` is one line: its date, status, progress (if given) and the start
    of its note.

    Attributes:
        date: when the update was made.
        status: a status id from the plan's catalogue.
        progress: 0 to 100; when ``None`` the status's default progress applies.
            It must not contradict the status: a status that is done ("achieved")
            is progress 100, "not-started" is 0. The update does not know the
            catalogue, so this is checked where it meets one: `ActionPlan`, plan
            files, `ActionPlan.with_update`, and the `Action` and `Objective` queries.
        note: what was reported.

    Examples:
        >>> update = ProgressUpdate(date=dt.date(2012, 1, 2), status="in-progress", progress=30)
        >>> update.progress
        30
        >>> update
        <ProgressUpdate 2012-01-02 'in-progress' 30%>
    """

    date: dt.date = attrs.field(validator=_validate.a_date)
    status: str = attrs.field(validator=_validate.text)
    progress: float | None = attrs.field(default=None, validator=_validate.optional(_progress))
    note: str | None = attrs.field(default=None, validator=_validate.optional_text)

    def __repr__(self) -> str:
        head = f"ProgressUpdate {self.date.isoformat()} {self.status!r}"
        if self.progress is not None:
            head += f" {self.progress:g}%"
        return f"<{head}: {_display.quoted(self.note, 40)}>" if self.note else f"<{head}>"


def check_update(update: ProgressUpdate, catalogue: ActionStatusCatalogue, field: str) -> None:
    """Refuse an update whose progress contradicts its status in ``catalogue``
    ("achieved" at 40 per cent); a status the catalogue lacks is reported elsewhere.

    Raises:
        InvalidValueError: naming ``field``, the progress and the status.
    """
    if update.progress is None or update.status not in catalogue:
        return
    reason = contradiction(catalogue[update.status], update.progress)
    if reason is not None:
        raise InvalidValueError(field, update.progress, reason=reason)


def _check_updates(
    action: Action, catalogue: ActionStatusCatalogue | None
) -> ActionStatusCatalogue:
    """The catalogue a query reads `action` by (the built-in one if none is given),
    once each of its updates is checked against it (see `check_update`)."""
    catalogue = catalogue or statuses()
    for number, update in enumerate(action.updates):
        check_update(update, catalogue, f"Action {action.id!r} updates[{number}].progress")
    return catalogue


def _update_key(update: ProgressUpdate) -> tuple[dt.date, str]:
    return (update.date, update.status)


def _sorted_updates(value: object) -> object:
    value = _validate.to_tuple(value)
    if not isinstance(value, tuple) or not all(isinstance(u, ProgressUpdate) for u in value):
        return value  # the validator reports it, at the place it was given
    return tuple(sorted(value, key=_update_key))


_target = _validate.optional(_validate.instance_of(TargetDate, Recurrence))


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class Action(_display.Displayable):
    """One action of a plan, as the source writes it.

    Attributes:
        id: the action's id; the sources number objectives only, so engagekit gives
            each action its objective's number and a letter ("1.2a").
        description: what will be done, or ``None`` where the source's Action
            column is empty for the row (see `Action.text`).
        lead: the role that leads it (a role, never a person).
        target: when: a `TargetDate` or a `Recurrence`, or ``None`` where the source
            gives none.
        more_targets: further targets the source gives the same action, in order
            (Somerset's row 1.2 holds one congress action for "Dec 2011" and
            "Sept 2012"); `Action.targets` gives them all.
        evidence: the evidence expected that it was done.
        ideas: ideas for implementation.
        stages: the Engagement Cycle stages it serves.
        levels: Somerset's levels of involvement it works at.
        duties: ids of statutory duties or requirements it helps meet (string ids;
            see the duties module for their meaning).
        decisions: ids of decisions it carries out (string ids).
        links: ids of other actions or objectives the source links it to.
        notes: remarks the source writes beside it.
        updates: dated progress updates, oldest first.
        weight: its weight in its objective's progress (default 1).

    Examples:
        >>> action = Action(id="1a", description="Survey", target=TargetDate.parse("May 2011"))
        >>> action.is_overdue("2011-06-01"), action.is_overdue(dt.date(2011, 5, 15))
        (True, False)
    """

    id: str = attrs.field(validator=_validate.text)
    description: str | None = attrs.field(default=None, validator=_validate.optional_text)
    lead: str | None = attrs.field(default=None, validator=_validate.optional_text)
    target: Target | None = attrs.field(default=None, validator=_target)
    more_targets: tuple[Target, ...] = attrs.field(
        default=(),
        converter=_validate.to_tuple,
        validator=_validate.each(TargetDate, Recurrence),
    )
    evidence: tuple[str, ...] = attrs.field(
        default=(), converter=_validate.to_tuple, validator=_validate.each_text
    )
    ideas: tuple[str, ...] = attrs.field(
        default=(), converter=_validate.to_tuple, validator=_validate.each_text
    )
    stages: tuple[EngagementStage, ...] = attrs.field(
        default=(), converter=_validate.to_sorted_members, validator=_validate.each(EngagementStage)
    )
    levels: tuple[InvolvementLevel, ...] = attrs.field(
        default=(),
        converter=_validate.to_sorted_members,
        validator=_validate.each(InvolvementLevel),
    )
    duties: tuple[str, ...] = attrs.field(
        default=(), converter=_validate.to_tuple, validator=_validate.each_text
    )
    decisions: tuple[str, ...] = attrs.field(
        default=(), converter=_validate.to_tuple, validator=_validate.each_text
    )
    links: tuple[str, ...] = attrs.field(
        default=(), converter=_validate.to_tuple, validator=_validate.each_text
    )
    notes: tuple[str, ...] = attrs.field(
        default=(), converter=_validate.to_tuple, validator=_validate.each_text
    )
    updates: tuple[ProgressUpdate, ...] = attrs.field(
        default=(),
        converter=_sorted_updates,
        validator=_validate.each(ProgressUpdate),
    )
    weight: float = attrs.field(default=1, validator=_weight)

    def __repr__(self) -> str:
        return _display.short_repr(
            self,
            f"Action {_display.quoted(self.id)} {_display.quoted(self.text, 40)}",
            [(len(self.targets), "targets"), (len(self.updates), "updates")],
        )

    def __attrs_post_init__(self) -> None:
        if self.more_targets and self.target is None:
            raise InvalidValueError(
                "Action.more_targets",
                [t.text for t in self.more_targets],
                reason="give the first target as `target`",
            )

    @property
    def text(self) -> str:
        """The description, or "(no action given)" where the source gives none."""
        return self.description if self.description is not None else NO_ACTION

    @property
    def targets(self) -> tuple[Target, ...]:
        """Every target the source gives, in order (`target` first)."""
        return () if self.target is None else (self.target, *self.more_targets)

    @property
    def dues(self) -> tuple[dt.date, ...]:
        """The due dates of its dated targets, in order."""
        return tuple(t.due for t in self.targets if isinstance(t, TargetDate) and t.due)

    def latest(self, as_of: dt.date | str) -> ProgressUpdate | None:
        """The last update made on or before ``as_of`` (a date or ``YYYY-MM-DD``)."""
        return latest_update(self, _validate.as_date("as_of", as_of))

    def status(
        self, as_of: dt.date | str, catalogue: ActionStatusCatalogue | None = None
    ) -> ActionStatus:
        """The action's status on ``as_of`` (not started before any update).

        Raises:
            UnknownNameError: an update names a status the catalogue lacks.
            InvalidValueError: an update's progress contradicts its status (see
                `ProgressUpdate`).
        """
        day = _validate.as_date("as_of", as_of)
        catalogue = _check_updates(self, catalogue)
        return status_on(self, day, catalogue)

    def progress(
        self, as_of: dt.date | str, catalogue: ActionStatusCatalogue | None = None
    ) -> float:
        """Progress 0 to 100 on ``as_of``: the last update's, else its status's default.

        Raises:
            UnknownNameError: an update names a status the catalogue lacks.
            InvalidValueError: an update's progress contradicts its status (see
                `ProgressUpdate`).
        """
        day = _validate.as_date("as_of", as_of)
        catalogue = _check_updates(self, catalogue)
        return progress_on(self, day, catalogue)

    @property
    def due(self) -> dt.date | None:
        """The date the target falls due (see `TargetDate.due`); ``None`` if recurring."""
        return self.target.due if isinstance(self.target, TargetDate) else None

    def is_overdue(
        self, as_of: dt.date | str, catalogue: ActionStatusCatalogue | None = None
    ) -> bool:
        """Whether the target has passed on ``as_of`` and the action is not done.

        A target open at the end ("From Jan 1st 2012") asks the action to have
        started: it is overdue once its start has passed with no progress. Other
        dated targets are overdue once their last day has passed unless the status
        is done or progress is 100. Recurring and undated actions are never overdue
        (see `Recurrence.adherence`).

        Raises:
            InvalidValueError: an update's progress contradicts its status (see
                `ProgressUpdate`).
        """
        day = _validate.as_date("as_of", as_of)
        catalogue = _check_updates(self, catalogue)
        return overdue_on(self, day, catalogue)


# The checked forms of these are the methods; plan queries call these once the date
# has been read, so that a plan of many actions reads its date once.


def latest_update(action: Action, as_of: dt.date) -> ProgressUpdate | None:
    """The last update of ``action`` made on or before ``as_of``."""
    found = None
    for update in action.updates:
        if update.date <= as_of:
            found = update
    return found


def status_on(action: Action, as_of: dt.date, catalogue: ActionStatusCatalogue) -> ActionStatus:
    """The status of ``action`` on ``as_of``."""
    update = latest_update(action, as_of)
    return catalogue[update.status if update else "not-started"]


def progress_on(action: Action, as_of: dt.date, catalogue: ActionStatusCatalogue) -> float:
    """The progress of ``action`` on ``as_of``."""
    update = latest_update(action, as_of)
    if update is not None and update.progress is not None:
        return update.progress
    return status_on(action, as_of, catalogue).progress


def overdue_on(action: Action, as_of: dt.date, catalogue: ActionStatusCatalogue) -> bool:
    """Whether ``action`` is overdue on ``as_of``."""
    target = action.target
    if not isinstance(target, TargetDate):
        return False
    due = target.due
    if due is None or due >= as_of:
        return False
    status = status_on(action, as_of, catalogue)
    if not status.counts or status.done:
        return False
    progress = progress_on(action, as_of, catalogue)
    if target.end is None:
        return progress <= 0
    return progress < 100


class Actions(_display.Listing[Action]):
    """Actions a plan query found (`ActionPlan.overdue`, `ActionPlan.due_between`), in
    plan order: iterate it, index it, or show it as a table.

    Examples:
        >>> from engagekit import examples
        >>> examples.somerset_action_plan().overdue("2012-01-15")
        <Actions with 6 actions>
    """

    __slots__ = ()
    noun = "actions"
    columns = ("id", "description", "lead", "target", "due")

    def row(self, item: Action) -> tuple[object, ...]:
        target = " / ".join(t.text for t in item.targets) or None
        return (item.id, item.text, item.lead, target, item.due)


def _each_objective(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    _validate.each(Objective)(instance, attribute, value)


def _action_id(action: Action) -> str:
    return action.id


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class Objective(_display.Displayable):
    """An objective, numbered as in the source ("1", "1.1"), with its actions.

    Its ``repr`` is one line; ``str``, a notebook and [`engagekit.render`][] show it
    as a fact sheet with a table of its actions (those of the objectives under it
    too).

    Attributes:
        id: the number.
        title: the objective as written.
        actions: its actions.
        objectives: the objectives numbered under it ("1.1" under "1").
        weight: its weight in its parent's progress (default 1).

    Examples:
        >>> survey = Action(id="1a", description="Survey")
        >>> Objective(id="1", title="Seek feedback", actions=[survey])
        <Objective '1' with 1 action and 0 objectives>
    """

    id: str = attrs.field(validator=_validate.text)
    title: str = attrs.field(validator=_validate.text)
    actions: tuple[Action, ...] = attrs.field(
        default=(),
        converter=_validate.to_tuple,
        validator=[_validate.each(Action), _validate.unique(_action_id, "action id")],
    )
    objectives: tuple[Objective, ...] = attrs.field(
        default=(), converter=_validate.to_tuple, validator=_each_objective
    )
    weight: float = attrs.field(default=1, validator=_weight)

    def __repr__(self) -> str:
        return _display.short_repr(
            self,
            f"Objective {_display.quoted(self.id)}",
            [(len(self.actions), "actions"), (len(self.objectives), "objectives")],
        )

    def all_actions(self) -> tuple[Action, ...]:
        """Its actions and those of the objectives under it, in source order."""
        found: list[Action] = []
        _collect(self, [], found, {})
        return tuple(found)

    def progress(
        self, as_of: dt.date | str, catalogue: ActionStatusCatalogue | None = None
    ) -> float | None:
        """Weighted mean progress of its actions and sub-objectives on ``as_of``.

        ``sum(w_i * p_i) / sum(w_i)`` over the children (actions and
        sub-objectives) that count: a child with weight 0, a cancelled action, or
        a sub-objective with nothing to count is left out. ``None`` when nothing
        counts. The result lies between the smallest and largest child progress.

        Raises:
            InvalidValueError: an update's progress contradicts its status (see
                `ProgressUpdate`).
        """
        day = _validate.as_date("as_of", as_of)
        catalogue = catalogue or statuses()
        for action in self.all_actions():
            _check_updates(action, catalogue)
        return objective_progress(self, day, catalogue)


def _collect(
    objective: Objective,
    objectives: list[Objective],
    actions: list[Action],
    home: dict[str, Objective],
) -> None:
    """Walk ``objective`` depth first, appending to the lists (one visit per value)."""
    objectives.append(objective)
    actions.extend(objective.actions)
    for action in objective.actions:
        home.setdefault(action.id, objective)
    for child in objective.objectives:
        _collect(child, objectives, actions, home)


class _PlanIndex:
    """Every objective and action of a plan, and each by id, from one walk (private)."""

    __slots__ = ("action", "actions", "home", "objective", "objectives")

    def __init__(self, roots: Iterable[Objective]) -> None:
        objectives: list[Objective] = []
        actions: list[Action] = []
        self.home: dict[str, Objective] = {}
        for root in roots:
            _collect(root, objectives, actions, self.home)
        self.objectives = tuple(objectives)
        self.actions = tuple(actions)
        self.objective: dict[str, Objective] = {}
        for objective in objectives:
            self.objective.setdefault(objective.id, objective)
        self.action: dict[str, Action] = {}
        for action in actions:
            self.action.setdefault(action.id, action)


def objective_progress(
    objective: Objective, as_of: dt.date, catalogue: ActionStatusCatalogue
) -> float | None:
    """The progress of ``objective`` on ``as_of`` (see `Objective.progress`)."""
    pairs: list[tuple[float, float]] = []
    for action in objective.actions:
        if action.weight > 0 and status_on(action, as_of, catalogue).counts:
            pairs.append((action.weight, progress_on(action, as_of, catalogue)))
    for child in objective.objectives:
        value = objective_progress(child, as_of, catalogue)
        if value is not None:
            pairs.append((child.weight, value))
    return _weighted(pairs)


def _weighted(pairs: Iterable[tuple[float, float]]) -> float | None:
    # A weight of 0 adds nothing to either sum: its child is left out.
    total = 0.0
    weights = 0.0
    for weight, value in pairs:
        total += weight * value
        weights += weight
    return total / weights if weights else None


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class ActionPlan(_display.Displayable, _display.Tabular):
    """An action plan: numbered objectives, their actions, and how far they have got.

    Attributes:
        title: the plan's title as written.
        objectives: the top-level objectives ("1" to "6"), each holding its own.
        body: the organisation that owns the plan, if given.
        source: where the plan comes from.
        statuses: the status catalogue; ``None`` for engagekit's default.

    Raises:
        InvalidValueError: an objective or action id repeats, or an update's
            progress contradicts its status (see `ProgressUpdate`).
        UnknownNameError: an update names a status the catalogue lacks.

    Examples:
        >>> from engagekit import examples
        >>> plan = examples.somerset_action_plan()
        >>> plan  # doctest: +ELLIPSIS
        <ActionPlan 'Draft Patient and Public ... v8' with 28 objectives and 29 actions>
        >>> plan.action("5.1a").target.text
        'Nov/Dec 2011'
        >>> print(*(a.id for a in plan.overdue("2012-01-15")))
        1.2c 3.1a 3.2a 3.3a 3.4a 5.1a
    """

    title: str = attrs.field(validator=_validate.text)
    objectives: tuple[Objective, ...] = attrs.field(
        converter=_validate.to_tuple, validator=_validate.each(Objective)
    )
    body: str | None = attrs.field(default=None, validator=_validate.optional_text)
    source: Source | None = attrs.field(
        default=None, validator=_validate.optional(_validate.instance_of(Source))
    )
    statuses: ActionStatusCatalogue | None = attrs.field(
        default=None,
        validator=_validate.optional(_validate.instance_of(ActionStatusCatalogue)),
    )

    @functools.cached_property
    def _index(self) -> _PlanIndex:
        return _PlanIndex(self.objectives)

    def __attrs_post_init__(self) -> None:
        seen: set[str] = set()
        for objective in self.all_objectives():
            if objective.id in seen:
                raise InvalidValueError(
                    "ActionPlan.objectives", objective.id, reason="duplicate id"
                )
            seen.add(objective.id)
        catalogue = self.catalogue
        for action in self.all_actions():
            if action.id in seen:
                raise InvalidValueError("ActionPlan.actions", action.id, reason="duplicate id")
            seen.add(action.id)
            for number, update in enumerate(action.updates):
                catalogue[update.status]
                check_update(
                    update, catalogue, f"ActionPlan action {action.id!r} updates[{number}].progress"
                )

    def __repr__(self) -> str:
        return _display.short_repr(
            self,
            f"ActionPlan {_display.quoted(self.title)}",
            [(len(self.all_objectives()), "objectives"), (len(self.all_actions()), "actions")],
        )

    @property
    def catalogue(self) -> ActionStatusCatalogue:
        """The plan's status catalogue (engagekit's default unless it brings one)."""
        return self.statuses or statuses()

    def all_objectives(self) -> tuple[Objective, ...]:
        """Every objective, depth first in source order."""
        return self._index.objectives

    def all_actions(self) -> tuple[Action, ...]:
        """Every action, in source order, as a plain tuple."""
        return self._index.actions

    def actions(self) -> Actions:
        """Every action, in source order."""
        return Actions(self.all_actions())

    def action(self, action_id: str) -> Action:
        """The action with this id (looked up in an index built once per plan).

        Raises:
            UnknownNameError: naming the closest ids.
        """
        try:
            return self._index.action[action_id]
        except (KeyError, TypeError):
            raise UnknownNameError("action", action_id, choices=self._index.action) from None

    def objective(self, objective_id: str) -> Objective:
        """The objective with this number.

        Raises:
            UnknownNameError: naming the closest numbers.
        """
        try:
            return self._index.objective[objective_id]
        except (KeyError, TypeError):
            raise UnknownNameError(
                "objective", objective_id, choices=self._index.objective
            ) from None

    def objective_of(self, action_id: str) -> Objective:
        """The objective an action sits directly under.

        Raises:
            UnknownNameError: no such action.
        """
        try:
            return self._index.home[action_id]
        except (KeyError, TypeError):
            raise UnknownNameError("action", action_id, choices=self._index.action) from None

    def overdue(self, as_of: dt.date | str) -> Actions:
        """The actions overdue on ``as_of`` (see `Action.is_overdue`), in plan order.

        ``as_of`` is a date or ``YYYY-MM-DD`` text.

        Raises:
            InvalidTypeError: ``as_of`` is neither.
            InvalidValueError: the text is not a date.
        """
        day = _validate.as_date("as_of", as_of)
        catalogue = self.catalogue
        return Actions(a for a in self.all_actions() if overdue_on(a, day, catalogue))

    def due_between(self, start: dt.date | str, end: dt.date | str) -> Actions:
        """The actions with a dated target falling due from ``start`` to ``end`` inclusive.

        Raises:
            InvalidValueError: ``end`` is before ``start``.
        """
        first = _validate.as_date("start", start)
        last = _validate.as_date("end", end)
        if last < first:
            raise InvalidValueError("due_between", (first, last), reason="end is before start")
        return Actions(a for a in self.all_actions() if any(first <= due <= last for due in a.dues))

    def progress(self, as_of: dt.date | str) -> float | None:
        """The plan's progress on ``as_of``: the weighted mean of its objectives'.

        Uses the same formula as `Objective.progress`, one level up.

        Examples:
            >>> from engagekit import examples
            >>> examples.somerset_action_plan().progress(dt.date(2011, 12, 1))
            0.0
            >>> round(examples.somerset_action_plan().progress(dt.date(2012, 1, 1)), 1)
            16.7
        """
        day = _validate.as_date("as_of", as_of)
        catalogue = self.catalogue
        pairs = []
        for objective in self.objectives:
            value = objective_progress(objective, day, catalogue)
            if value is not None:
                pairs.append((objective.weight, value))
        return _weighted(pairs)

    def with_update(self, action_id: str, update: ProgressUpdate) -> ActionPlan:
        """A copy of the plan with ``update`` added to an action.

        Raises:
            UnknownNameError: no such action, or the update's status is unknown.
            InvalidValueError: the update's progress contradicts its status.
        """
        self.action(action_id)
        self.catalogue[update.status]
        check_update(update, self.catalogue, "update.progress")

        def rebuild(objective: Objective) -> Objective:
            actions = tuple(
                attrs.evolve(a, updates=(*a.updates, update)) if a.id == action_id else a
                for a in objective.actions
            )
            return attrs.evolve(
                objective,
                actions=actions,
                objectives=tuple(rebuild(o) for o in objective.objectives),
            )

        return attrs.evolve(self, objectives=tuple(rebuild(o) for o in self.objectives))


# engagekit.io reads these types through hooks of their own (see engagekit._lazy).
_lazy.io_hooks(__name__)
