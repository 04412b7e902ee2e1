"""What changed in the law between two days: DutyChange, BodyChange, DutyChanges (private).

Apart from the duties-in-force results, which every `duties_for` builds: a first
call of `registry()` or `duties_for` needs none of these.
"""

from __future__ import annotations

import datetime as dt

from typing import Any

import attrs

from engagekit import _validate, _value
from engagekit._display import Displayable, Tabular, short_repr
from engagekit.choices import Choice
from engagekit.duties._bodies import BodyType
from engagekit.duties._model import Duty
from engagekit.errors import InvalidValueError


class DutyChangeKind(Choice):
    """How a duty changed: it started, ended, or was replaced by a new version."""

    STARTED = "started"
    CHANGED = "changed"
    ENDED = "ended"


def _optional_duty(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        _validate.instance_of(Duty)(instance, attribute, value)


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class DutyChange:
    """One change in the law: a duty started, ended, or changed version on a day.

    Its ``repr`` is one line: the duty, the change and the day.

    ``before`` is the version that stopped applying (``None`` if the duty started);
    ``after`` the version that began (``None`` if it ended). Which of them must be
    given follows from ``kind``, and both are versions of ``duty_id``.

    Examples:
        >>> import datetime as dt
        >>> from engagekit.duties import registry
        >>> DutyChange(kind="started", duty_id="nhs-act-s14z45", on=dt.date(2022, 7, 1))
        Traceback (most recent call last):
        ...
        engagekit.errors.InvalidValueError: DutyChange.after: missing: a duty that ...
    """

    kind: DutyChangeKind = attrs.field(converter=DutyChangeKind)
    duty_id: str = attrs.field(validator=_validate.identifier)
    on: dt.date = attrs.field(validator=_validate.a_date)
    before: Duty | None = attrs.field(default=None, validator=_optional_duty)
    after: Duty | None = attrs.field(default=None, validator=_optional_duty)

    def __attrs_post_init__(self) -> None:
        needs_before = self.kind is not DutyChangeKind.STARTED
        needs_after = self.kind is not DutyChangeKind.ENDED
        for name, needed, version in (
            ("before", needs_before, self.before),
            ("after", needs_after, self.after),
        ):
            if needed and version is None:
                what = "stopped applying" if name == "before" else "began"
                raise InvalidValueError(
                    f"DutyChange.{name}",
                    None,
                    reason=f"a duty that {self.kind.value} needs the version that {what}",
                )
            if not needed and version is not None:
                raise InvalidValueError(
                    f"DutyChange.{name}",
                    version.id,
                    reason=f"a duty that {self.kind.value} has no version {name} the change",
                )
            if version is not None and version.id != self.duty_id:
                raise InvalidValueError(
                    f"DutyChange.{name}.id", version.id, reason=f"must be {self.duty_id!r}"
                )

    def __repr__(self) -> str:
        return f"<DutyChange {self.duty_id!r} {self.kind.value} on {self.on.isoformat()}>"

    @property
    def title(self) -> str:
        """The title of the version that applies after the change (or before it, if ended)."""
        duty = self.after if self.after is not None else self.before
        return duty.title if duty is not None else self.duty_id


@attrs.frozen(kw_only=True)
@_value.shared_methods
class BodyChange:
    """A kind of body that came into being or ceased to exist on a day."""

    body: BodyType = attrs.field(converter=BodyType)
    on: dt.date = attrs.field(validator=_validate.a_date)
    started: bool = attrs.field(validator=_validate.flag)


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class DutyChanges(Displayable, Tabular):
    """What changed after ``start`` up to and including ``end``.

    Examples:
        >>> import datetime as dt
        >>> from engagekit.duties import registry
        >>> moved = registry().changes_between(dt.date(2022, 6, 30), dt.date(2022, 7, 1))
        >>> "nhs-act-s14z2" in [c.duty_id for c in moved.ended]
        True
        >>> "nhs-act-s14z45" in [c.duty_id for c in moved.started]
        True
        >>> [(b.body.value, b.started) for b in moved.bodies]
        [('ccg', False), ('icb', True)]
    """

    start: dt.date = attrs.field(validator=_validate.a_date)
    end: dt.date = attrs.field(validator=_validate.a_date)
    changes: tuple[DutyChange, ...] = attrs.field(
        converter=_validate.to_tuple, validator=_validate.each(DutyChange)
    )
    bodies: tuple[BodyChange, ...] = attrs.field(
        default=(), converter=_validate.to_tuple, validator=_validate.each(BodyChange)
    )

    def __attrs_post_init__(self) -> None:
        if self.end < self.start:
            raise InvalidValueError(
                "DutyChanges.end",
                self.end.isoformat(),
                reason=f"must not be before start ({self.start.isoformat()})",
            )

    def _of(self, kind: DutyChangeKind) -> tuple[DutyChange, ...]:
        return tuple(c for c in self.changes if c.kind is kind)

    @property
    def started(self) -> tuple[DutyChange, ...]:
        """Duties that came into force."""
        return self._of(DutyChangeKind.STARTED)

    @property
    def ended(self) -> tuple[DutyChange, ...]:
        """Duties that stopped applying."""
        return self._of(DutyChangeKind.ENDED)

    @property
    def changed(self) -> tuple[DutyChange, ...]:
        """Duties replaced by a new version."""
        return self._of(DutyChangeKind.CHANGED)

    def __len__(self) -> int:
        return len(self.changes)

    def __repr__(self) -> str:
        noun = f"DutyChanges from {self.start.isoformat()} to {self.end.isoformat()}"
        return short_repr(
            self, noun, [(len(self.changes), "changes"), (len(self.bodies), "body changes")]
        )
