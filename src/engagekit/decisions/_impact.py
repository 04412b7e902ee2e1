"""What a change does: its kind, reach and effect on access (private)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs

from engagekit import _validate
from engagekit.choices import Choice
from engagekit.errors import InvalidValueError


if TYPE_CHECKING:
    from engagekit.decisions._rules import Rule


class ChangeKind(Choice):
    """The kind of change a decision makes.

    Examples:
        >>> ChangeKind.parse("Relocation")
        <ChangeKind.RELOCATION: 'relocation'>
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
    def label(self) -> str:
        """The kind in words, e.g. ``"new service"``."""
        return self.value.replace("-", " ")

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


class AccessEffect(Choice):
    """How a change affects access to a service.

    Examples:
        >>> [e.value for e in AccessEffect]
        ['location', 'opening-hours', 'travel']
    """

    LOCATION = "location"
    OPENING_HOURS = "opening-hours"
    TRAVEL = "travel"

    @property
    def label(self) -> str:
        """The effect in words, e.g. ``"opening hours"``."""
        return self.value.replace("-", " ")


class Limb(Choice):
    """The three limbs of the public involvement duty.

    The same structure appears in NHS Act 2006 s242(1B), s13Q, s14Z2(2) (CCGs) and
    s14Z45 (ICBs): users must be involved in (a) planning the commissioning
    arrangements, always; (b) developing and considering proposals for change and
    (c) decisions affecting the arrangements' operation, only where implementation
    would have an impact on the manner in which services are delivered or the range
    of services available.

    Examples:
        >>> Limb.PROPOSALS.rule.source.section
        's14Z2(2)(b)'
        >>> Limb.PLANNING.always_applies, Limb.DECISIONS.always_applies
        (True, False)
    """

    PLANNING = "planning"
    PROPOSALS = "proposals"
    DECISIONS = "decisions"

    @property
    def letter(self) -> str:
        """The limb's letter in the statute: ``"a"``, ``"b"`` or ``"c"``."""
        return {Limb.PLANNING: "a", Limb.PROPOSALS: "b", Limb.DECISIONS: "c"}[self]

    @property
    def always_applies(self) -> bool:
        """Only the planning limb applies whatever the change."""
        return self is Limb.PLANNING

    @property
    def rule(self) -> Rule:
        """The cited rule for this limb."""
        from engagekit.decisions._rules import rule

        return rule(f"limb.{self.value}")


def _count(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InvalidValueError(
            f"Impact.{attribute.name}", value, reason="must be a whole number of people ≥ 0"
        )


def _groups(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    _validate.each_text(instance, attribute, value)


@attrs.frozen(kw_only=True)
class Impact:
    """What a change would do to the people who use services.

    Attributes:
        kind: new service, variation, reduction, relocation, closure or
            decommissioning.
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
            for a change of range (see :attr:`ChangeKind.changes_range`), a
            relocation, or any effect on access.

    Examples:
        >>> i = Impact(kind=ChangeKind.VARIATION, people_affected=40)
        >>> i.affects_delivery
        False
        >>> Impact(kind=ChangeKind.VARIATION, people_affected=40,
        ...        access=[AccessEffect.OPENING_HOURS]).affects_delivery
        True
        >>> Impact(kind="closure", people_affected=10)
        Traceback (most recent call last):
        ...
        engagekit.errors.InvalidValueError: Impact.kind: 'closure' is not allowed; allowed: ...
    """

    kind: ChangeKind = attrs.field(validator=_validate.member_of(ChangeKind))
    people_affected: int | None = attrs.field(default=None, validator=_count)
    permanent: bool = attrs.field(default=True, validator=_validate.instance_of(bool))
    access: tuple[AccessEffect, ...] = attrs.field(
        default=(), converter=_validate.to_sorted_members, validator=_validate.each(AccessEffect)
    )
    protected_groups: tuple[str, ...] = attrs.field(
        default=(), converter=_validate.to_tuple, validator=_groups
    )
    bed_closures: bool = attrs.field(default=False, validator=_validate.instance_of(bool))
    cost: float | None = attrs.field(
        default=None, validator=attrs.validators.optional(_validate.instance_of(int, float))
    )
    delivery_changes: bool | None = attrs.field(
        default=None, validator=attrs.validators.optional(_validate.instance_of(bool))
    )

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
