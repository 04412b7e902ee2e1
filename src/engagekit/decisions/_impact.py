"""What a change does: its kind, reach and effect on access (private)."""

from __future__ import annotations

import math
import numbers

from typing import Any

import attrs

from engagekit import _display, _validate, _value
from engagekit.choices import Choice, aliases
from engagekit.errors import InvalidTypeError, InvalidValueError
from engagekit.evidence import Limb


@aliases(
    {
        "new": "new-service",
        "service variation": "variation",
        "reduced service": "reduction",
        "move": "relocation",
        "relocate": "relocation",
        "close": "closure",
        "decommission": "decommissioning",
    }
)
class ChangeKind(Choice):
    """The kind of service change a decision makes.

    Examples:
        >>> ChangeKind("Relocation")
        <ChangeKind.RELOCATION: 'relocation'>
        >>> ChangeKind.NEW_SERVICE.label
        'new service'
        >>> ChangeKind.NEW_SERVICE.changes_range, ChangeKind.RELOCATION.changes_range
        (True, False)
    """

    NEW_SERVICE = "new-service"
    VARIATION = "variation"
    REDUCTION = "reduction"
    RELOCATION = "relocation"
    CLOSURE = "closure"
    DECOMMISSIONING = "decommissioning"

    @property
    def changes_range(self) -> bool:
        """Whether this kind of change alters the range of services available.

        A new service adds to the range; a reduction, closure or decommissioning
        takes from it. A variation or a relocation changes how a service is
        delivered, not the range.
        """
        return self in _RANGE_CHANGES


_RANGE_CHANGES = frozenset(
    {ChangeKind.NEW_SERVICE, ChangeKind.REDUCTION, ChangeKind.CLOSURE, ChangeKind.DECOMMISSIONING}
)


@aliases({"opening times": "opening-hours", "hours": "opening-hours", "transport": "travel"})
class AccessEffect(Choice):
    """How a change affects access to a service.

    Examples:
        >>> [e.value for e in AccessEffect]
        ['location', 'opening-hours', 'travel']
        >>> AccessEffect("Opening hours").label
        'opening hours'
    """

    LOCATION = "location"
    OPENING_HOURS = "opening-hours"
    TRAVEL = "travel"


def _access(value: object) -> Any:
    return _validate.members(AccessEffect, value, "Impact.access")


def _cost(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, numbers.Real)):
        raise InvalidTypeError("Impact.cost", value, expected="a number of pounds")
    if value is not None and not math.isfinite(value):
        raise InvalidValueError("Impact.cost", value, reason="must be a finite number of pounds")


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class Impact:
    """What a change would do to the people who use services.

    Its ``repr`` is one line: the kind of change and each field given otherwise
    than by default.

    Attributes:
        kind: new service, variation, reduction, relocation, closure or
            decommissioning (a `ChangeKind` or its value as text).
        people_affected: roughly how many people would be affected, if known.
        permanent: ``False`` for a temporary change.
        access: its effects on access: location, opening hours, travel.
        protected_groups: groups with protected characteristics it would affect
            (free text, e.g. ``"older people"``, ``"disabled people"``).
        bed_closures: whether it involves significant bed closures.
        cost: the change in annual cost in pounds (negative for a saving), if known.
        delivery_changes: whether implementation would change the manner in which
            services are delivered or the range available (which engages limbs (b)
            and (c) of the involvement duty). ``None`` (the default) infers it: yes
            for a change of range (see `ChangeKind.changes_range`), a relocation,
            or any effect on access.

    Examples:
        >>> i = Impact(kind=ChangeKind.VARIATION, people_affected=40)
        >>> i.affects_delivery
        False
        >>> i
        <Impact variation: people_affected=40>
        >>> Impact(kind="variation", people_affected=40, access=["opening hours"]).affects_delivery
        True
        >>> Impact(kind="closur", people_affected=10)
        Traceback (most recent call last):
        ...
        engagekit.errors.UnknownChoiceError: ChangeKind: 'closur' is not allowed; allowed: ...
        >>> Impact(kind="closure", permanent="false")
        Traceback (most recent call last):
        ...
        engagekit.errors.InvalidTypeError: Impact.permanent: got str 'false'; expected true or false
    """

    kind: ChangeKind = attrs.field(converter=ChangeKind)
    people_affected: int | None = attrs.field(
        default=None,
        converter=_validate.to_int,
        validator=_validate.optional(_validate.whole_at_least(0)),
    )
    permanent: bool = attrs.field(default=True, validator=_validate.flag)
    access: tuple[AccessEffect, ...] = attrs.field(default=(), converter=_access)
    protected_groups: tuple[str, ...] = attrs.field(
        default=(), converter=_validate.to_tuple, validator=_validate.each_text
    )
    bed_closures: bool = attrs.field(default=False, validator=_validate.flag)
    cost: float | None = attrs.field(default=None, validator=_cost)
    delivery_changes: bool | None = attrs.field(
        default=None, validator=_validate.optional(_validate.flag)
    )

    def __repr__(self) -> str:
        changed = _display.non_defaults(self, skip=["kind"])
        noun = f"Impact {self.kind.value}"
        return f"<{noun}: {', '.join(changed)}>" if changed else f"<{noun}>"

    @property
    def affects_delivery(self) -> bool:
        """Whether the change engages limbs (b) and (c) of the involvement duty."""
        if self.delivery_changes is not None:
            return self.delivery_changes
        return (
            self.kind.changes_range
            or self.kind is ChangeKind.RELOCATION
            or bool(self.access)
            or self.bed_closures
        )

    @property
    def limbs(self) -> tuple[Limb, ...]:
        """The limbs of the involvement duty the change engages."""
        if self.affects_delivery:
            return (Limb.PLANNING, Limb.PROPOSALS, Limb.DECISIONS)
        return (Limb.PLANNING,)
