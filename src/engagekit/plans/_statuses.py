"""The statuses an action can be in, and the catalogue of them a plan uses (private)."""

from __future__ import annotations

import functools

from collections.abc import Iterator

import attrs

from engagekit import _data, _display, _validate, _value
from engagekit.errors import InvalidValueError


@attrs.frozen(kw_only=True)
@_value.shared_methods
class ActionStatus:
    """A status an action can be in, with the progress it implies by default.

    Attributes:
        id: the slug used in plans and updates ("in-progress").
        name: the name shown to readers.
        progress: the default progress, 0 to 100.
        done: whether the action is finished in this status.
        counts: whether the action counts in roll-ups (``False`` for cancelled).

    Examples:
        >>> ActionStatus(id="paused", name="Paused", progress=25).counts
        True
    """

    id: str = attrs.field(validator=_validate.identifier)
    name: str = attrs.field(validator=_validate.text)
    progress: float = attrs.field(validator=_validate.number_between(0, 100))
    done: bool = attrs.field(default=False, validator=_validate.flag)
    counts: bool = attrs.field(default=True, validator=_validate.flag)

    def __attrs_post_init__(self) -> None:
        reason = contradiction(self, self.progress)
        if reason is not None:
            raise InvalidValueError("ActionStatus.progress", self.progress, reason=reason)


NOT_STARTED = "not-started"
"""The status every action has before its first update."""


def contradiction(status: ActionStatus, progress: float | None) -> str | None:
    """Why ``progress`` contradicts ``status``, or ``None`` if it does not.

    A status that is done (``achieved``) means the action is finished: progress
    below 100 says it is not. ``not-started`` means no work is done: progress
    above 0 says some is. Other pairs (progress 100 while "in-progress", awaiting
    sign-off; some progress on a cancelled action) can both be true.
    """
    if progress is None:
        return None
    if status.done and progress < 100:
        return (
            f"the status {status.id!r} means done, which is progress 100; give progress "
            "100 (or none), or a status that is not done"
        )
    if status.id == NOT_STARTED and progress > 0:
        return (
            f"the status {status.id!r} means no progress; give progress 0 (or none), "
            "or a status that says the work has begun"
        )
    return None


def _unique_id(status: ActionStatus) -> str:
    return status.id


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class ActionStatusCatalogue:
    """The statuses a plan uses, by id.

    Examples:
        >>> statuses()["in-progress"].progress
        50
        >>> statuses()
        <ActionStatusCatalogue with 6 statuses>
    """

    status: tuple[ActionStatus, ...] = attrs.field(
        converter=_validate.to_tuple,
        validator=[_validate.each(ActionStatus), _validate.unique(_unique_id, "status id")],
    )

    def __getitem__(self, status_id: str) -> ActionStatus:
        return _validate.find_by(self.status, "id", status_id, "status")

    def __contains__(self, status_id: object) -> bool:
        return any(s.id == status_id for s in self.status)

    def __iter__(self) -> Iterator[ActionStatus]:
        return iter(self.status)

    def __len__(self) -> int:
        return len(self.status)

    def __repr__(self) -> str:
        return _display.short_repr(self, "ActionStatusCatalogue", [(len(self.status), "statuses")])


@functools.cache
def statuses() -> ActionStatusCatalogue:
    """engagekit's default status catalogue (``data/plan_statuses.toml``).

    Examples:
        >>> [s.id for s in statuses() if s.done]
        ['achieved']
    """
    return _data.load_builtin("plan_statuses.toml", ActionStatusCatalogue)
