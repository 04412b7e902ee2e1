"""Action plans: objectives, actions, statuses, progress and what is overdue (private)."""

from __future__ import annotations

import datetime as dt
import functools

from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any

import attrs

from engagekit import _data, _validate, io
from engagekit.cycles import EngagementStage, InvolvementLevel
from engagekit.errors import DocumentError, EngagekitError, InvalidValueError, UnknownNameError
from engagekit.plans._dates import TargetDate
from engagekit.plans._recurrence import Recurrence
from engagekit.sources import Source


Target = TargetDate | Recurrence


def parse_target(text: str, *, bodies: Iterable[str] = ()) -> Target:
    """Read a target as written: a recurrence ("Quarterly") or else a target date.

    ``bodies`` are passed to :meth:`Recurrence.parse` (the bodies that each hold it).

    Raises:
        ParseError: the text is neither (the message is the target date's).

    Example:
        >>> parse_target("Bi-annual").interval
        6
        >>> parse_target("Nov/Dec 2011").end
        datetime.date(2011, 12, 31)
    """
    from engagekit.errors import ParseError

    try:
        return Recurrence.parse(text, bodies=bodies)
    except ParseError:
        return TargetDate.parse(text)


def _progress(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 100:
        raise InvalidValueError(
            f"{type(instance).__name__}.{attribute.name}",
            value,
            reason="progress must lie between 0 and 100",
        )


def _weight(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
        raise InvalidValueError(
            f"{type(instance).__name__}.{attribute.name}", value, reason="must be a number >= 0"
        )


@attrs.frozen(kw_only=True)
class Status:
    """A status an action can be in, with the progress it implies by default.

    Attributes:
        id: the slug used in plans and updates ("in-progress").
        name: the name shown to readers.
        progress: the default progress, 0 to 100.
        done: whether the action is finished in this status.
        counts: whether the action counts in roll-ups (``False`` for cancelled).
    """

    id: str = attrs.field(validator=_validate.text)
    name: str = attrs.field(validator=_validate.text)
    progress: float = attrs.field(validator=_progress)
    done: bool = attrs.field(default=False, validator=_validate.instance_of(bool))
    counts: bool = attrs.field(default=True, validator=_validate.instance_of(bool))


@attrs.frozen(kw_only=True)
class StatusCatalogue:
    """The statuses a plan uses, by id.

    Example:
        >>> statuses()["in-progress"].progress
        50.0
    """

    status: tuple[Status, ...] = attrs.field(
        converter=_validate.to_tuple,
        validator=[_validate.each(Status), _validate.unique(lambda s: s.id, "status id")],
    )

    def __getitem__(self, status_id: str) -> Status:
        return _validate.find_by(self.status, "id", status_id, "status")

    def __contains__(self, status_id: object) -> bool:
        return any(s.id == status_id for s in self.status)

    def __iter__(self) -> Iterator[Status]:
        return iter(self.status)


@functools.cache
def statuses() -> StatusCatalogue:
    """engagekit's default status catalogue (``data/plan_statuses.toml``)."""
    return _data.load_builtin("plan_statuses.toml", StatusCatalogue)


@attrs.frozen(kw_only=True)
class ProgressUpdate:
    """A dated report of an action's status and, optionally, its progress.

    Attributes:
        date: when the update was made.
        status: a status id from the plan's catalogue.
        progress: 0 to 100; when ``None`` the status's default progress applies.
        note: what was reported.
    """

    date: dt.date = attrs.field(validator=_validate.a_date)
    status: str = attrs.field(validator=_validate.text)
    progress: float | None = attrs.field(default=None, validator=_progress)
    note: str | None = attrs.field(default=None, validator=_validate.optional_text)


def _update_key(update: object) -> tuple[dt.date, str]:
    if isinstance(update, ProgressUpdate):
        return (update.date, update.status)
    return (dt.date.min, "")


def _sorted_updates(value: Iterable[ProgressUpdate]) -> tuple[ProgressUpdate, ...]:
    return tuple(sorted(_validate.to_tuple(value), key=_update_key))


@attrs.frozen(kw_only=True)
class Action:
    """One action of a plan, as the source writes it.

    Attributes:
        id: the action's id; the sources number objectives only, so engagekit gives
            each action its objective's number and a letter ("1.2a").
        description: what will be done.
        lead: the role that leads it (a role, never a person).
        target: when: a :class:`TargetDate` or a :class:`Recurrence`, or ``None``
            where the source gives none.
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
    """

    id: str = attrs.field(validator=_validate.text)
    description: str = attrs.field(validator=_validate.text)
    lead: str | None = attrs.field(default=None, validator=_validate.optional_text)
    target: Target | None = attrs.field(
        default=None,
        validator=attrs.validators.optional(_validate.instance_of(TargetDate, Recurrence)),
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

    def latest(self, as_of: dt.date) -> ProgressUpdate | None:
        """The last update made on or before ``as_of``."""
        found = None
        for update in self.updates:
            if update.date <= as_of:
                found = update
        return found

    def status(self, as_of: dt.date, catalogue: StatusCatalogue | None = None) -> Status:
        """The action's status on ``as_of`` (not started before any update).

        Raises:
            UnknownNameError: an update names a status the catalogue lacks.
        """
        catalogue = catalogue or statuses()
        update = self.latest(as_of)
        return catalogue[update.status if update else "not-started"]

    def progress(self, as_of: dt.date, catalogue: StatusCatalogue | None = None) -> float:
        """Progress 0 to 100 on ``as_of``: the last update's, else its status's default."""
        update = self.latest(as_of)
        if update is not None and update.progress is not None:
            return update.progress
        return self.status(as_of, catalogue).progress

    @property
    def due(self) -> dt.date | None:
        """The day the target falls due (see :attr:`TargetDate.due`); ``None`` if recurring."""
        return self.target.due if isinstance(self.target, TargetDate) else None

    def is_overdue(self, as_of: dt.date, catalogue: StatusCatalogue | None = None) -> bool:
        """Whether the target has passed on ``as_of`` and the action is not done.

        A target open at the end ("From Jan 1st 2012") asks the action to have
        started: it is overdue once its start has passed with no progress. Other
        dated targets are overdue once their last day has passed unless the status
        is done or progress is 100. Recurring and undated actions are never overdue
        (see :meth:`Recurrence.adherence`).
        """
        due = self.due
        if due is None or due >= as_of or not isinstance(self.target, TargetDate):
            return False
        status = self.status(as_of, catalogue)
        if not status.counts or status.done:
            return False
        progress = self.progress(as_of, catalogue)
        if self.target.end is None:
            return progress <= 0
        return progress < 100

    def _repr_html_(self) -> str:
        from engagekit import render

        return render.html(self)


def _each_objective(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    _validate.each(Objective)(instance, attribute, value)


@attrs.frozen(kw_only=True)
class Objective:
    """An objective, numbered as in the source ("1", "1.1"), with its actions.

    Attributes:
        id: the number.
        title: the objective as written.
        actions: its actions.
        objectives: the objectives numbered under it ("1.1" under "1").
        weight: its weight in its parent's progress (default 1).
    """

    id: str = attrs.field(validator=_validate.text)
    title: str = attrs.field(validator=_validate.text)
    actions: tuple[Action, ...] = attrs.field(
        default=(),
        converter=_validate.to_tuple,
        validator=[_validate.each(Action), _validate.unique(lambda a: a.id, "action id")],
    )
    objectives: tuple[Objective, ...] = attrs.field(
        default=(), converter=_validate.to_tuple, validator=_each_objective
    )
    weight: float = attrs.field(default=1, validator=_weight)

    def all_actions(self) -> tuple[Action, ...]:
        """Its actions and those of the objectives under it, in source order."""
        found = list(self.actions)
        for child in self.objectives:
            found.extend(child.all_actions())
        return tuple(found)

    def progress(self, as_of: dt.date, catalogue: StatusCatalogue | None = None) -> float | None:
        """Weighted mean progress of its actions and sub-objectives on ``as_of``.

        ``sum(w_i * p_i) / sum(w_i)`` over the children (actions and
        sub-objectives) that count: a child with weight 0, a cancelled action, or
        a sub-objective with nothing to count is left out. ``None`` when nothing
        counts. The result lies between the smallest and largest child progress.
        """
        catalogue = catalogue or statuses()
        pairs: list[tuple[float, float]] = []
        for action in self.actions:
            if action.weight > 0 and action.status(as_of, catalogue).counts:
                pairs.append((action.weight, action.progress(as_of, catalogue)))
        for child in self.objectives:
            value = child.progress(as_of, catalogue)
            if value is not None and child.weight > 0:
                pairs.append((child.weight, value))
        return _weighted(pairs)


def _weighted(pairs: Iterable[tuple[float, float]]) -> float | None:
    total = 0.0
    weights = 0.0
    for weight, value in pairs:
        total += weight * value
        weights += weight
    return total / weights if weights else None


@attrs.frozen(kw_only=True)
class ActionPlan:
    """An action plan: numbered objectives, their actions, and how far they have got.

    Attributes:
        title: the plan's title as written.
        objectives: the top-level objectives ("1" to "6"), each holding its own.
        body: the organisation that owns the plan, if given.
        source: where the plan comes from.
        statuses: the status catalogue; ``None`` for engagekit's default.

    Example:
        >>> from engagekit import examples
        >>> plan = examples.somerset_action_plan()
        >>> plan.action("5.1a").target.text
        'Nov/Dec 2011'
        >>> print(*(a.id for a in plan.overdue(dt.date(2012, 1, 15))))
        1.2c 2.1a 3.1a 3.2a 3.3a 3.4a 5.1a
    """

    title: str = attrs.field(validator=_validate.text)
    objectives: tuple[Objective, ...] = attrs.field(
        converter=_validate.to_tuple, validator=_validate.each(Objective)
    )
    body: str | None = attrs.field(default=None, validator=_validate.optional_text)
    source: Source | None = attrs.field(
        default=None, validator=attrs.validators.optional(_validate.instance_of(Source))
    )
    statuses: StatusCatalogue | None = attrs.field(
        default=None,
        validator=attrs.validators.optional(_validate.instance_of(StatusCatalogue)),
    )

    def __attrs_post_init__(self) -> None:
        seen: set[str] = set()
        for objective in self.all_objectives():
            if objective.id in seen:
                raise InvalidValueError(
                    "ActionPlan.objectives", objective.id, reason="duplicate id"
                )
            seen.add(objective.id)
        for action in self.actions():
            if action.id in seen:
                raise InvalidValueError("ActionPlan.actions", action.id, reason="duplicate id")
            seen.add(action.id)
            for update in action.updates:
                self.catalogue[update.status]

    @property
    def catalogue(self) -> StatusCatalogue:
        """The plan's status catalogue (engagekit's default unless it brings one)."""
        return self.statuses or statuses()

    def all_objectives(self) -> tuple[Objective, ...]:
        """Every objective, depth first in source order."""
        found: list[Objective] = []

        def walk(items: Iterable[Objective]) -> None:
            for item in items:
                found.append(item)
                walk(item.objectives)

        walk(self.objectives)
        return tuple(found)

    def actions(self) -> tuple[Action, ...]:
        """Every action, in source order."""
        found: list[Action] = []
        for objective in self.objectives:
            found.extend(objective.all_actions())
        return tuple(found)

    def action(self, action_id: str) -> Action:
        """The action with this id.

        Raises:
            UnknownNameError: naming the closest ids.
        """
        for action in self.actions():
            if action.id == action_id:
                return action
        raise UnknownNameError("action", action_id, choices=[a.id for a in self.actions()])

    def objective(self, objective_id: str) -> Objective:
        """The objective with this number.

        Raises:
            UnknownNameError: naming the closest numbers.
        """
        for objective in self.all_objectives():
            if objective.id == objective_id:
                return objective
        raise UnknownNameError(
            "objective", objective_id, choices=[o.id for o in self.all_objectives()]
        )

    def objective_of(self, action_id: str) -> Objective:
        """The objective an action sits directly under."""
        for objective in self.all_objectives():
            if any(a.id == action_id for a in objective.actions):
                return objective
        raise UnknownNameError("action", action_id, choices=[a.id for a in self.actions()])

    def overdue(self, as_of: dt.date) -> tuple[Action, ...]:
        """The actions overdue on ``as_of`` (see :meth:`Action.is_overdue`), in plan order."""
        return tuple(a for a in self.actions() if a.is_overdue(as_of, self.catalogue))

    def due_between(self, first: dt.date, last: dt.date) -> tuple[Action, ...]:
        """The actions whose dated target falls due from ``first`` to ``last`` inclusive.

        Raises:
            InvalidValueError: ``last`` is before ``first``.
        """
        if last < first:
            raise InvalidValueError("due_between", (first, last), reason="last is before first")
        return tuple(a for a in self.actions() if a.due is not None and first <= a.due <= last)

    def progress(self, as_of: dt.date) -> float | None:
        """The plan's progress on ``as_of``: the weighted mean of its objectives'.

        Uses the same formula as :meth:`Objective.progress`, one level up.

        Example:
            >>> from engagekit import examples
            >>> examples.somerset_action_plan().progress(dt.date(2012, 1, 1))
            0.0
        """
        pairs = []
        for objective in self.objectives:
            value = objective.progress(as_of, self.catalogue)
            if value is not None and objective.weight > 0:
                pairs.append((objective.weight, value))
        return _weighted(pairs)

    def with_update(self, action_id: str, update: ProgressUpdate) -> ActionPlan:
        """A copy of the plan with ``update`` added to an action.

        Raises:
            UnknownNameError: no such action, or the update's status is unknown.
        """
        self.action(action_id)
        self.catalogue[update.status]

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

    def _repr_html_(self) -> str:
        from engagekit import render

        return render.html(self)


# --- plan files ------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class _ObjectiveRow:
    id: str
    title: str
    weight: float = 1


@attrs.frozen(kw_only=True)
class _ActionRow:
    id: str
    objective: str
    description: str
    lead: str | None = None
    target: str | None = None
    evidence: tuple[str, ...] = ()
    ideas: tuple[str, ...] = ()
    stages: tuple[EngagementStage, ...] = ()
    levels: tuple[InvolvementLevel, ...] = ()
    duties: tuple[str, ...] = ()
    decisions: tuple[str, ...] = ()
    links: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    updates: tuple[ProgressUpdate, ...] = ()
    weight: float = 1
    bodies: tuple[str, ...] = ()


_PLAN_KEYS = {"title", "body", "source", "objective", "action", "status", "engagekit"}


def plan_from_dict(data: Mapping[str, Any], *, origin: str = "<plan>") -> ActionPlan:
    """Build an :class:`ActionPlan` from a plan document's rows, reporting every bad row.

    The document has a ``title``, optional ``body`` and ``source``, a list of
    ``objective`` rows (``id``, ``title``; an objective "1.1" sits under "1") and a
    list of ``action`` rows (``id``, ``objective``, ``description``, ``lead``,
    ``target`` as written, ``evidence``, ``ideas``, ``stages``, ``levels``,
    ``duties``, ``decisions``, ``links``, ``notes``, ``updates``, ``weight``,
    ``bodies`` for a recurrence held by each of several bodies). It may bring its
    own ``status`` rows.

    Raises:
        DocumentError: listing every bad row (an unreadable target, an unknown
            objective, a progress outside 0-100 …) with its key path.

    Example:
        >>> plan = plan_from_dict({
        ...     "title": "Plan",
        ...     "objective": [{"id": "1", "title": "Seek feedback"}],
        ...     "action": [
        ...         {"id": "1a", "objective": "1", "description": "Survey", "target": "Quarterly"},
        ...         {"id": "1b", "objective": "7", "description": "Forum", "target": "Sometime"},
        ...     ],
        ... })
        Traceback (most recent call last):
        ...
        engagekit.errors.DocumentError: <plan>: 3 problems
          $.action[1].objective: unknown objective '7'; known: '1'
          $.action[1].target: cannot read 'Sometime': no date found
          $.action[1]: 'Forum' is not placed in the plan
    """
    problems: list[str] = []
    resolved, found = _data.resolve_citations(dict(data), origin)
    problems.extend(found)
    extra = set(resolved) - _PLAN_KEYS
    if extra:
        problems.append("$: unknown field(s) " + ", ".join(repr(k) for k in sorted(extra)))
    title = resolved.get("title")
    if not isinstance(title, str) or not title.strip():
        problems.append(f"$.title: {title!r} is not allowed: must be a non-empty string")
    source = _part(resolved.get("source"), Source | None, "$.source", problems)
    body = resolved.get("body")
    catalogue: StatusCatalogue | None = None
    if "status" in resolved:
        catalogue = _part({"status": resolved["status"]}, StatusCatalogue, "$", problems)
    known_statuses = catalogue or statuses()

    rows: list[_ObjectiveRow] = []
    for index, raw in enumerate(_list(resolved.get("objective", []), "$.objective", problems)):
        row = _part(raw, _ObjectiveRow, f"$.objective[{index}]", problems)
        if row is not None:
            rows.append(row)
    by_id = {row.id: row for row in rows}
    for index, row in enumerate(rows):
        if "." in row.id and row.id.rsplit(".", 1)[0] not in by_id:
            problems.append(
                f"$.objective[{index}].id: {row.id!r} has no parent objective "
                f"{row.id.rsplit('.', 1)[0]!r}"
            )
    actions: dict[str, list[Action]] = {row.id: [] for row in rows}
    for index, raw in enumerate(_list(resolved.get("action", []), "$.action", problems)):
        path = f"$.action[{index}]"
        row = _part(raw, _ActionRow, path, problems)
        if row is None:
            continue
        placed = True
        if row.objective not in by_id:
            known = ", ".join(repr(k) for k in by_id) or "none"
            problems.append(
                f"{path}.objective: unknown objective {row.objective!r}; known: {known}"
            )
            placed = False
        target: Target | None = None
        if row.target is not None:
            try:
                target = parse_target(row.target, bodies=row.bodies)
            except EngagekitError as exc:
                problems.append(f"{path}.target: {exc}")
                placed = False
        for number, update in enumerate(row.updates):
            if update.status not in known_statuses:
                problems.append(
                    f"{path}.updates[{number}].status: unknown status {update.status!r}"
                )
                placed = False
        try:
            action = Action(
                id=row.id,
                description=row.description,
                lead=row.lead,
                target=target,
                evidence=row.evidence,
                ideas=row.ideas,
                stages=row.stages,
                levels=row.levels,
                duties=row.duties,
                decisions=row.decisions,
                links=row.links,
                notes=row.notes,
                updates=row.updates,
                weight=row.weight,
            )
        except EngagekitError as exc:
            problems.append(f"{path}: {exc}")
            continue
        if placed:
            actions[row.objective].append(action)
        else:
            problems.append(f"{path}: {row.description!r} is not placed in the plan")
    if problems:
        raise DocumentError(origin, problems)

    def build(row: _ObjectiveRow) -> Objective:
        children = [r for r in rows if "." in r.id and r.id.rsplit(".", 1)[0] == row.id]
        return Objective(
            id=row.id,
            title=row.title,
            actions=actions[row.id],
            objectives=[build(child) for child in children],
            weight=row.weight,
        )

    try:
        return ActionPlan(
            title=str(title),
            objectives=[build(row) for row in rows if "." not in row.id],
            body=body,
            source=source,
            statuses=catalogue,
        )
    except EngagekitError as exc:
        raise DocumentError(origin, [f"$: {exc}"]) from None


def _list(value: Any, path: str, problems: list[str]) -> list[Any]:
    if isinstance(value, list):
        return value
    problems.append(f"{path}: {value!r} is not allowed: must be a list of tables")
    return []


def _part(value: Any, cls: Any, path: str, problems: list[str]) -> Any:
    try:
        return io.from_dict(value, cls, origin=path)
    except DocumentError as exc:
        for problem in exc.problems:
            problems.append(f"{path}{problem.path[1:]}: {problem.message}")
        return None


def load_plan(source: str | Path | IO[bytes]) -> ActionPlan:
    """Read an action plan from a TOML plan file (see :func:`plan_from_dict`).

    Raises:
        ParseError: the file cannot be read or is not TOML.
        DocumentError: every bad row, with its key path.
    """
    origin = str(source) if isinstance(source, str | Path) else getattr(source, "name", "<toml>")
    return plan_from_dict(io.read_toml(source, origin=origin), origin=origin)
