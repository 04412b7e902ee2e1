"""Reading action plans from plan documents (TOML or JSON files, or mappings) (private).

A plan has one document shape, the one `engagekit.io` writes (`objectives`, each
with its `actions` and nested `objectives`), read and written by every function and
command. Plan files may also be written row by row, as the source plans are tables
(the shipped plans are): objective rows numbered "1", "1.1" …, and action rows
naming their objective. `io.from_dict(data, ActionPlan)` and every loader read
both; every bad row is reported at once, each problem with its key path; rejection
is linear in the size of the document.
"""

from __future__ import annotations

import itertools
import re

from collections.abc import Mapping
from typing import IO, TYPE_CHECKING, Any

import attrs

from engagekit import _data, _value
from engagekit.cycles import EngagementStage, InvolvementLevel
from engagekit.errors import DocumentError, EngagekitError, Problem, close_matches, short_repr
from engagekit.plans._actions import (
    Action,
    ActionPlan,
    Objective,
    ProgressUpdate,
    Target,
    check_update,
    parse_target,
)
from engagekit.plans._statuses import ActionStatusCatalogue, statuses
from engagekit.sources import Source


if TYPE_CHECKING:
    from pathlib import Path


@attrs.frozen(kw_only=True)
@_value.shared_methods
class _ObjectiveRow:
    id: str
    title: str
    weight: float = 1


@attrs.frozen(kw_only=True)
@_value.shared_methods
class _ActionRow:
    id: str
    objective: str
    description: str | None = None
    lead: str | None = None
    target: str | None = None
    more_targets: tuple[str, ...] = ()
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

#: Keys only the `engagekit.io` shape of a plan has; a plan without them is read as rows.
_IO_KEYS = frozenset({"objectives", "statuses"})


def _is_rows(data: Mapping[str, Any]) -> bool:
    """Whether a plan document is written as rows (the plan-file shape)."""
    return not (_IO_KEYS & data.keys())


def _parent(objective_id: str) -> str | None:
    return objective_id.rsplit(".", 1)[0] if "." in objective_id else None


def plan_from_dict(data: Mapping[str, Any], *, origin: str = "<plan>") -> ActionPlan:
    """Build an `ActionPlan` from a plan document, reporting every bad row.

    The document is either what `engagekit.io.to_dict` gives for a plan (its
    ``objectives`` nest their ``actions`` and sub-``objectives``; read by
    `engagekit.io.from_dict`), or a plan file written as rows: a
    ``title``, optional ``body`` and ``source``, a list of
    ``objective`` rows (``id``, ``title``; an objective "1.1" sits under "1") and a
    list of ``action`` rows (``id``, ``objective``, ``description`` (left out
    where the source's Action column is empty), ``lead``, ``target`` as written,
    ``more_targets`` (further targets of the same action, as written),
    ``evidence``, ``ideas``, ``stages``, ``levels``, ``duties``, ``decisions``,
    ``links``, ``notes``, ``updates``, ``weight``,
    ``bodies`` for a recurrence held by each of several bodies). It may bring its
    own ``status`` rows.

    Raises:
        DocumentError: listing every bad row (an unreadable target, an unknown
            objective, a repeated id, a progress outside 0-100, a string where a
            table belongs …) with its key path.

    Examples:
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
        engagekit.errors.DocumentError: <plan>: 2 problems
          $.action[1].objective: unknown objective '7'; known: '1'
          $.action[1].target: cannot read 'Sometime': no date found
    """
    if not isinstance(data, Mapping):
        raise DocumentError(origin, [Problem("$", "a plan must be a table", data)])
    if not _is_rows(data):
        from engagekit import io

        return io.from_dict(dict(data), ActionPlan, origin=origin)
    resolved, citing = _data.resolve(dict(data), origin)
    problems: list[Problem] = []
    for key in sorted(set(resolved) - _PLAN_KEYS, key=str):
        problems.append(_unknown_key(key, resolved[key]))
    title = resolved.get("title")
    if not isinstance(title, str) or not title.strip():
        problems.append(Problem("$.title", "must be a non-empty string", title))
    source = None
    if resolved.get("source") is not None:
        source = _part(resolved["source"], Source, "$.source", problems)
    body = resolved.get("body")
    if body is not None and (not isinstance(body, str) or not body.strip()):
        problems.append(Problem("$.body", "must be a non-empty string", body))
    catalogue: ActionStatusCatalogue | None = None
    if "status" in resolved:
        if isinstance(resolved["status"], list):
            catalogue = _part(resolved, ActionStatusCatalogue, "$", problems, only=("status",))
        else:
            _list(resolved["status"], "$.status", problems)
    known_statuses = catalogue or statuses()

    rows: list[_ObjectiveRow] = []
    # Each objective's index among the document's rows, for the key path of its problems.
    index_of: dict[str, int] = {}
    # The ids of objective rows with a problem of their own: an action naming one is
    # not also reported as naming an unknown objective.
    broken: set[str] = set()
    for index, raw in enumerate(_list(resolved.get("objective", []), "$.objective", problems)):
        path = f"$.objective[{index}]"
        row = _part(raw, _ObjectiveRow, path, problems)
        if row is not None:
            try:  # the row's own rules (a weight at least 0), at the row's field
                Objective(id=row.id, title=row.title, weight=row.weight)
            except EngagekitError as exc:
                problems.append(_at_field(exc, path, _ObjectiveRow))
                row = None
        if row is None:
            if isinstance(raw, Mapping) and isinstance(raw.get("id"), str):
                broken.add(raw["id"])
            continue
        if row.id in index_of:
            problems.append(Problem(f"{path}.id", f"duplicate objective {row.id!r}", row.id))
            continue
        index_of[row.id] = index
        rows.append(row)
    children: dict[str, list[_ObjectiveRow]] = {}
    for row in rows:
        parent = _parent(row.id)
        if parent is None:
            continue
        if parent not in index_of:
            problems.append(
                Problem(
                    f"$.objective[{index_of[row.id]}].id",
                    f"{row.id!r} has no parent objective {parent!r}",
                    row.id,
                )
            )
        children.setdefault(parent, []).append(row)
    actions: dict[str, list[Action]] = {row.id: [] for row in rows}
    objectives_unreadable = not isinstance(resolved.get("objective", []), list)
    action_ids: set[str] = set()
    for index, raw in enumerate(_list(resolved.get("action", []), "$.action", problems)):
        path = f"$.action[{index}]"
        row = _part(raw, _ActionRow, path, problems)
        if row is None:
            continue
        if objectives_unreadable:
            broken.add(row.objective)  # the objective rows could not be read at all
        action = _action(row, path, known_statuses, index_of, problems, broken=broken)
        if action is None:
            continue
        if action.id in action_ids or action.id in index_of:
            problems.append(Problem(f"{path}.id", f"duplicate id {action.id!r}", action.id))
            continue
        action_ids.add(action.id)
        actions[row.objective].append(action)
    problems = _data.beside_citations(citing, problems)
    if problems:
        raise DocumentError(origin, problems)

    def build(row: _ObjectiveRow) -> Objective:
        return Objective(
            id=row.id,
            title=row.title,
            actions=actions[row.id],
            objectives=[build(child) for child in children.get(row.id, ())],
            weight=row.weight,
        )

    try:
        return ActionPlan(
            title=str(title),
            objectives=[build(row) for row in rows if _parent(row.id) is None],
            body=body,
            source=source,
            statuses=catalogue,
        )
    except EngagekitError as exc:
        raise DocumentError(origin, [Problem("$", str(exc))]) from None


def _action(
    row: _ActionRow,
    path: str,
    known_statuses: ActionStatusCatalogue,
    objectives: Mapping[str, int],
    problems: list[Problem],
    *,
    broken: set[str],
) -> Action | None:
    before = len(problems)
    if row.objective in broken:
        return None  # its objective's row has a problem, reported there
    if row.objective not in objectives:
        known = ", ".join(repr(k) for k in itertools.islice(objectives, 12)) or "none"
        more = ", …" if len(objectives) > 12 else ""
        problems.append(
            Problem(
                f"{path}.objective",
                f"unknown objective {row.objective!r}; known: {known}{more}",
                row.objective,
            )
        )
    target: Target | None = None
    if row.target is not None:
        try:
            target = parse_target(row.target, bodies=row.bodies)
        except EngagekitError as exc:
            problems.append(Problem(f"{path}.target", str(exc), row.target))
    further: list[Target] = []
    for number, text in enumerate(row.more_targets):
        try:
            further.append(parse_target(text, bodies=row.bodies))
        except EngagekitError as exc:
            problems.append(Problem(f"{path}.more_targets[{number}]", str(exc), text))
    for number, update in enumerate(row.updates):
        if update.status not in known_statuses:
            try:
                known_statuses[update.status]
            except EngagekitError as exc:  # it names the statuses there are, or the closest
                problems.append(
                    Problem(f"{path}.updates[{number}].status", str(exc), update.status)
                )
            continue
        try:
            check_update(update, known_statuses, "ProgressUpdate.progress")
        except EngagekitError as exc:  # "achieved" at 40 per cent
            problems.append(
                Problem(f"{path}.updates[{number}].progress", str(exc), update.progress)
            )
    try:
        action = Action(
            id=row.id,
            description=row.description,
            lead=row.lead,
            target=target,
            more_targets=further,
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
        problems.append(_at_field(exc, path, _ActionRow))
        return None
    # A row with a problem, each recorded above, is left out of the plan.
    return action if len(problems) == before else None


_FIELD = re.compile(r"(?:\w+\.)?(\w+)((?:\[\d+\])*)\Z")


def _at_field(exc: EngagekitError, path: str, row_type: type) -> Problem:
    """A constructor's error about a row, at the row's field it names
    (``Objective.weight`` at ``$.objective[0].weight``), else at the row."""
    field = getattr(exc, "field", None)
    match = _FIELD.match(field) if isinstance(field, str) else None
    if match and match.group(1) in attrs.fields_dict(row_type):
        path = f"{path}.{match.group(1)}{match.group(2)}"
    return Problem(path, str(exc), getattr(exc, "value", None))


def _unknown_key(key: object, value: object) -> Problem:
    allowed = sorted(_PLAN_KEYS - {"engagekit"})
    message = f"unknown field {short_repr(key)} of a plan; allowed: " + ", ".join(
        repr(name) for name in allowed
    )
    near = close_matches(key, allowed) if isinstance(key, str) else ()
    if near:
        message += " (did you mean " + ", ".join(repr(name) for name in near) + "?)"
    plain = isinstance(key, str) and re.fullmatch(r"[A-Za-z_][A-Za-z0-9_-]*", key)
    return Problem(f"$.{key}" if plain else f"$[{short_repr(key)}]", message, value)


def _list(value: Any, path: str, problems: list[Problem]) -> list[Any]:
    if isinstance(value, list):
        return value
    problems.append(Problem(path, "must be a list of tables", value))
    return []


def _part(
    value: Any, cls: Any, path: str, problems: list[Problem], *, only: tuple[str, ...] = ()
) -> Any:
    if not isinstance(value, Mapping):
        problems.append(Problem(path, "must be a table", value))
        return None
    if only:
        value = {key: value[key] for key in only}
    try:
        # Its problems are taken under ``path``; the origin they name is not shown.
        return _data.from_dict(value, cls)
    except DocumentError as exc:
        for problem in exc.problems:
            problems.append(Problem(f"{path}{problem.path[1:]}", problem.message, problem.value))
        return None


def load_plan(source: str | Path | IO[bytes]) -> ActionPlan:
    """Read an action plan from a plan file (see `plan_from_dict`).

    A path ending `.json` is read as JSON (what `engagekit.io.dump` writes), any
    other path or a binary file object as TOML; either may hold the `engagekit.io`
    shape or the rows of a plan file. `engagekit.io.load(path, ActionPlan)` reads
    the same documents.

    Raises:
        ParseError: the file cannot be read or is not TOML (or JSON).
        DocumentError: every bad row, with its key path.

    Examples:
        >>> import io
        >>> load_plan(io.BytesIO(b'title = "Plan"\\nsource = "Somerset"'))
        Traceback (most recent call last):
        ...
        engagekit.errors.DocumentError: <toml>: 1 problem
          $.source: must be a table
    """
    from pathlib import Path

    from engagekit import io

    if isinstance(source, str | Path):
        json = Path(source).suffix.lower() == ".json"
        return io.load(source, ActionPlan, format="json" if json else "toml")
    # As a path: the engagekit.io document (with its header) or the plan file's rows.
    return io.load_toml(source, ActionPlan)
