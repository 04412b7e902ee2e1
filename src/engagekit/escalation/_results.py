"""The result values of coverage and gap reports (private)."""

from __future__ import annotations

from typing import Any

import attrs

from engagekit import _validate
from engagekit.errors import InvalidValueError


def _count(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InvalidValueError(
            f"{type(instance).__name__}.{attribute.name}",
            value,
            reason="must be a whole number at least 0",
        )


def _optional_count(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        _count(instance, attribute, value)


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


@attrs.frozen(kw_only=True)
class SeatCount:
    """The seats of one body: how many there are and, if known, how many are filled.

    Examples:
        >>> SeatCount(body="sutton-prg", seats=75).filled is None
        True
    """

    body: str = attrs.field(validator=_validate.text)
    seats: int = attrs.field(validator=_count)
    filled: int | None = attrs.field(default=None, validator=_optional_count)


@attrs.frozen(kw_only=True)
class Coverage:
    """How well a network's practices are represented, as counts and shares.

    Attributes:
        practices: the number of practices.
        with_patient_group: practices with a patient participation group.
        represented: practices whose patient group has representation on a body
            of a higher tier (a vertical link whose ``representatives`` is not 0).
        seats: every body with a known number of seats, by id.

    Examples:
        >>> c = Coverage(practices=25, with_patient_group=25, represented=24,
        ...              seats=(SeatCount(body="sutton-prg", seats=75),))
        >>> c.share_represented, c.seats_available, c.seats_filled
        (0.96, 75, None)
    """

    practices: int = attrs.field(validator=_count)
    with_patient_group: int = attrs.field(validator=_count)
    represented: int = attrs.field(validator=_count)
    seats: tuple[SeatCount, ...] = attrs.field(
        default=(), converter=_validate.to_tuple, validator=_validate.each(SeatCount)
    )

    @property
    def share_with_patient_group(self) -> float | None:
        """The share of practices with a patient group (``None`` with no practices)."""
        return _share(self.with_patient_group, self.practices)

    @property
    def share_represented(self) -> float | None:
        """The share of practices represented on the next tier (``None`` with no practices)."""
        return _share(self.represented, self.practices)

    @property
    def seats_available(self) -> int:
        """Seats on every body with a known number of seats."""
        return sum(s.seats for s in self.seats)

    @property
    def seats_filled(self) -> int | None:
        """Seats filled, or ``None`` if any body's filled seats are not known."""
        if any(s.filled is None for s in self.seats):
            return None
        return sum(s.filled or 0 for s in self.seats)


@attrs.frozen(kw_only=True)
class Gaps:
    """Where the patient voice has no way through, each as body ids in id order.

    Attributes:
        no_patient_group: practices with no patient participation group.
        unrepresented: practices with a patient group that has no representation
            on a higher tier.
        no_route: bodies on the vertical structure (and forums) whose route does
            not reach the top.
        empty_forums: forums and patient groups with no members: ``members`` is 0,
            or unknown and no link of any kind comes to them.

    Examples:
        >>> Gaps(unrepresented=("ppg-25",)).is_empty
        False
    """

    no_patient_group: tuple[str, ...] = attrs.field(
        default=(), converter=_validate.to_tuple, validator=_validate.each_text
    )
    unrepresented: tuple[str, ...] = attrs.field(
        default=(), converter=_validate.to_tuple, validator=_validate.each_text
    )
    no_route: tuple[str, ...] = attrs.field(
        default=(), converter=_validate.to_tuple, validator=_validate.each_text
    )
    empty_forums: tuple[str, ...] = attrs.field(
        default=(), converter=_validate.to_tuple, validator=_validate.each_text
    )

    @property
    def is_empty(self) -> bool:
        """Whether no gap was found."""
        return not (
            self.no_patient_group or self.unrepresented or self.no_route or self.empty_forums
        )
