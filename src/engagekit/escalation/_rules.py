"""The structural rules of an escalation network and the errors that name them (private).

Each function raises a `GraphStructureError` naming the bodies involved; the index
builder calls them where it finds a broken rule. Messages name ids, never a whole
network.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import NoReturn

from engagekit.errors import GraphStructureError, close_matches
from engagekit.escalation._bodies import Body


def at(items: Sequence[object], item: object, name: str) -> str:
    """Where ``item`` is in the network's ``name`` (``"links[82]"``), for the error of a
    document read: only ever called when a rule is broken, so the search costs nothing
    in a network that is built."""
    position = next(i for i, each in enumerate(items) if each is item)
    return f"{name}[{position}]"


#: Above this many bodies an unknown id gets no suggestions (they would cost too much).
SUGGEST_UP_TO = 5000


def unknown_end(
    source: str, target: str, index: Mapping[str, Body], at: str | None = None
) -> NoReturn:
    """A link names a body that is not in the network."""
    end = source if source not in index else target
    near = close_matches(end, index) if len(index) < SUGGEST_UP_TO else ()
    hint = f" (did you mean {', '.join(repr(n) for n in near)}?)" if near else ""
    raise GraphStructureError(
        f"link names an unknown body {end!r}{hint}", path=(source, target), field=at
    )


def primary_lateral(source: str, target: str, at: str | None = None) -> NoReturn:
    """Only a vertical link can be primary."""
    raise GraphStructureError(
        "only a vertical link can be primary; 'informs' is lateral",
        path=(source, target),
        field=at,
    )


def given_twice(source: str, target: str, *, lateral: bool, at: str | None = None) -> NoReturn:
    """Two bodies share at most one vertical and one lateral link."""
    reason = (
        "link given twice (informs)"
        if lateral
        else "vertical link given twice (two bodies share at most one)"
    )
    raise GraphStructureError(reason, path=(source, target), field=at)


def down_a_tier(source: Body, target: Body, at: str | None = None) -> NoReturn:
    """A vertical link never goes down a tier."""
    raise GraphStructureError(
        f"vertical link goes down a tier ({source.tier.value} -> {target.tier.value})",
        path=(source.id, target.id),
        field=at,
    )


def two_primaries(source: str, first: str, second: str, at: str | None = None) -> NoReturn:
    """A body marks at most one link primary."""
    raise GraphStructureError(
        f"body {source!r} marks two links primary", path=(source, first, second), field=at
    )


def no_primary(body_id: str, parents: Iterable[str]) -> NoReturn:
    """A body with several vertical links marks one primary."""
    ids = list(parents)
    shown = ", ".join(map(repr, ids[:5])) + (f" and {len(ids) - 5} more" if len(ids) > 5 else "")
    raise GraphStructureError(
        f"body {body_id!r} escalates to {shown} and none is marked primary",
        path=(body_id, ids[0]),
    )


def check_acyclic(edges: list[tuple[str, str]]) -> None:
    """Vertical links within a tier form no cycle.

    A depth-first search over the same-tier links only (usually a handful), so that
    building a network never needs networkx.
    """
    following: dict[str, list[str]] = {}
    for source, target in edges:
        following.setdefault(source, []).append(target)
    done: set[str] = set()
    for start, targets in following.items():
        if start in done:
            continue
        path = [start]
        on_path = {start}
        stack = [iter(targets)]
        while stack:
            for step in stack[-1]:
                if step in on_path:
                    cycle = [*path[path.index(step) :], step]
                    raise GraphStructureError("vertical links form a cycle", path=cycle)
                if step not in done:
                    path.append(step)
                    on_path.add(step)
                    stack.append(iter(following.get(step, ())))
                    break
            else:
                finished = path.pop()
                on_path.discard(finished)
                done.add(finished)
                stack.pop()


def check_practices_reach_top(
    practices: Iterable[str],
    index: Mapping[str, Body],
    primary: Mapping[str, str],
    root: Mapping[str, str],
    top: tuple[str, ...],
) -> None:
    """Every practice's route ends at a body at the top.

    ``top`` is never empty when there is a practice: the same-tier links form no cycle,
    so some body of the highest tier has no vertical link up.
    """
    tops = set(top)
    for practice in practices:
        if root[practice] in tops:
            continue
        path = walk(practice, primary)
        last = index[path[-1]]
        shown = ", ".join(map(repr, top[:5]))
        if len(top) > 5:
            shown += f" and {len(top) - 5} more"
        raise GraphStructureError(
            f"practice {practice!r} has no route to the top (its route ends at "
            f"{last.id!r}, tier {last.tier.value}; the top is {shown})",
            path=path,
        )


def walk(start: str, primary: Mapping[str, str]) -> tuple[str, ...]:
    """The ids on ``start``'s route, ``start`` first."""
    path = [start]
    current = primary.get(start)
    while current is not None:
        path.append(current)
        current = primary.get(current)
    return tuple(path)
