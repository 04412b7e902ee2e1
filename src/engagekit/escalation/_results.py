"""The results of a network's queries: routes, cascades, coverage, gaps, duties (private).

Each is a [`Listing`][engagekit._display.Listing] (iterate it, index it, print it as a
table, `to_records()` for pandas) or a small frozen value with the same display; the
`repr` of each is one short line, however large the network.
"""

from __future__ import annotations

import datetime as dt

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, NamedTuple

import attrs

from engagekit import _display, _validate, _value
from engagekit.escalation._bodies import Body
from engagekit.escalation._tiers import Tier


if TYPE_CHECKING:
    from engagekit.duties import BodyType, Duty


_count = _validate.whole_at_least(0)
_optional_count = _validate.optional(_count)


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


class Route(_display.Listing[Body]):
    """The bodies a voice passes through, in order, from the next body up.

    Examples:
        >>> from engagekit.examples import sutton
        >>> route = sutton().route("sutton-practice-07-ppg")
        >>> route
        <Route with 3 bodies>
        >>> [b.id for b in route][-1]
        'sutton-governing-body'
        >>> print(str(route).splitlines()[0].split())
        ['id', 'name', 'kind', 'tier']
        >>> route.to_records()[0]["name"]
        'Sutton CCG Patient Reference Group'
    """

    noun = "bodies"
    columns = ("id", "name", "kind", "tier")

    def row(self, item: Body) -> tuple[object, ...]:
        """The body's id, name, kind and tier."""
        return (item.id, item.name, item.kind, item.tier)


class Cascade(_display.Listing[Body]):
    """The bodies a message reaches on the way down: by tier from the highest, in id
    order within a tier.

    Examples:
        >>> from engagekit.examples import oxfordshire
        >>> reached = oxfordshire().cascade("occg-governing-body")
        >>> reached
        <Cascade with 37 bodies>
        >>> {tier.value: len(bodies) for tier, bodies in reached.by_tier().items()}
        {'place': 1, 'locality': 12, 'practice': 24}
    """

    noun = "bodies"
    columns = ("tier", "id", "name", "kind")

    def row(self, item: Body) -> tuple[object, ...]:
        """The body's tier, id, name and kind."""
        return (item.tier, item.id, item.name, item.kind)

    def by_tier(self) -> dict[Tier, tuple[Body, ...]]:
        """The bodies reached, grouped by tier from the highest down."""
        groups: dict[Tier, list[Body]] = {}
        for body in self:
            groups.setdefault(body.tier, []).append(body)
        return {tier: tuple(bodies) for tier, bodies in groups.items()}


class BodyDuties(NamedTuple):
    """The statutory duties that bind one body of a network on a date (a row of
    [`NetworkDuties`][engagekit.escalation.NetworkDuties]).

    Attributes:
        body: the body.
        body_type: its statutory body type on that date, or `None` for a body that is
            not a statutory body (a patient group, a forum).
        duties: the duties in force for it, in registry order.
        reason: why there are none, when there are none.
    """

    body: Body
    body_type: BodyType | None = None
    duties: tuple[Duty, ...] = ()
    reason: str | None = None

    def __repr__(self) -> str:
        return _display.short_repr(
            self, f"BodyDuties {self.body.id!r}", [(len(self.duties), "duties")]
        )

    def __str__(self) -> str:
        return _display.text(self)

    def _repr_html_(self) -> str:
        return _display.html(self)

    def to_records(self) -> list[_display.Record]:
        """The table's rows as dicts of plain values: one per duty, `duty` (its id)
        and `title`."""
        return _display.records(self)


class NetworkDuties(_display.Listing[BodyDuties]):
    """Which statutory duties bind each body of a network on a date, body by body.

    Attributes:
        on: the date the duties were in force.

    Examples:
        >>> from engagekit.examples import oxfordshire
        >>> bound = oxfordshire().duties(on="2018-06-01")
        >>> bound
        <NetworkDuties on 2018-06-01 with 39 bodies>
        >>> bound.of("oxfordshire-practice-01").body_type
        <BodyType.GP_PRACTICE: 'gp-practice'>
        >>> bound.of("healthwatch-oxfordshire").body_type is None
        True
    """

    __slots__ = ("on",)

    noun = "bodies"
    columns = ("body", "name", "body type", "duties")

    def __init__(self, items: Iterable[BodyDuties] = (), *, on: dt.date) -> None:
        super().__init__(items)
        self.on = on

    def row(self, item: BodyDuties) -> tuple[object, ...]:
        """The body's id, name, statutory type and the ids of its duties."""
        ids = ", ".join(d.id for d in item.duties) or (item.reason or "")
        return (item.body.id, item.body.name, item.body_type, ids)

    def of(self, body: str | Body) -> BodyDuties:
        """The duties of one body, by id.

        Raises:
            UnknownNameError: no body has this id.
        """
        key = body.id if isinstance(body, Body) else body
        return _find(self, key)

    def __repr__(self) -> str:
        return _display.short_repr(
            self, f"NetworkDuties on {self.on.isoformat()}", [(len(self), "bodies")]
        )


def _find(duties: NetworkDuties, key: object) -> BodyDuties:
    for item in duties:
        if item.body.id == key:
            return item
    from engagekit.errors import UnknownNameError

    raise UnknownNameError("body", key, choices=[i.body.id for i in duties][:2000])


@attrs.frozen(kw_only=True)
@_value.shared_methods
class SeatCount:
    """The seats of one body: how many there are and, if known, how many are filled.

    Attributes:
        body: the body's id.
        seats: how many seats it has.
        filled: how many are filled, if known.
        name: the body's name, which tables show (its id when there is none).

    Examples:
        >>> seat = SeatCount(body="sutton-prg", seats=75, name="Sutton CCG Patient Reference Group")
        >>> seat.filled is None, seat.label
        (True, 'Sutton CCG Patient Reference Group')
    """

    body: str = attrs.field(validator=_validate.text)
    seats: int = attrs.field(converter=_validate.to_int, validator=_count)
    filled: int | None = attrs.field(
        default=None, converter=_validate.to_int, validator=_optional_count
    )
    name: str | None = attrs.field(default=None, validator=_validate.optional_text)

    @property
    def label(self) -> str:
        """The body's name, or its id when it has none."""
        return self.name or self.body


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class Coverage(_display.Displayable, _display.Tabular):
    """How well a network's practices are represented, as counts and shares.

    Iterating a coverage gives its seat counts; `to_records()` gives its table
    (`measure`, `count`, `share` of the practices, seats `filled`) as dicts.

    Attributes:
        practices: the number of practices.
        with_patient_group: practices with a patient participation group.
        represented: practices whose patient group has representation on a body
            of a higher tier (a vertical link whose ``representatives`` is not 0).
        seats: every body with a known number of seats, in order of id.

    Examples:
        >>> c = Coverage(practices=25, with_patient_group=25, represented=24,
        ...              seats=(SeatCount(body="sutton-prg", seats=75),))
        >>> c.share_represented, c.seats_available, c.seats_filled
        (0.96, 75, None)
    """

    practices: int = attrs.field(converter=_validate.to_int, validator=_count)
    with_patient_group: int = attrs.field(converter=_validate.to_int, validator=_count)
    represented: int = attrs.field(converter=_validate.to_int, validator=_count)
    seats: tuple[SeatCount, ...] = attrs.field(
        default=(), converter=_validate.to_tuple, validator=_validate.each(SeatCount)
    )

    def __repr__(self) -> str:
        return _display.short_repr(
            self,
            "Coverage",
            [
                (self.practices, "practices"),
                (self.represented, "represented"),
                (len(self.seats), "seat counts"),
            ],
        )

    def __iter__(self) -> Iterator[SeatCount]:
        return iter(self.seats)

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


#: Each kind of gap: its field, its label in the `(gap, body id)` pairs and records,
#: and its heading in the text, HTML and Markdown tables.
_GAP_KINDS = (
    ("no_patient_group", "no patient group", "Practices with no patient group"),
    ("unrepresented", "not represented", "Practices not represented on the next tier"),
    ("no_route", "no route to the top", "Bodies with no route to the top"),
    ("empty_forums", "forum with no members", "Forums with no members"),
)


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class Gaps(_display.Displayable, _display.Tabular):
    """Where the patient voice has no way through, each as body ids in id order.

    Iterating gives `(gap, body id)` pairs; `len` is the number of pairs;
    `to_records()` gives them as dicts.

    Attributes:
        no_patient_group: practices with no patient participation group.
        unrepresented: practices with a patient group that has no representation
            on a higher tier.
        no_route: bodies on the vertical structure (and forums) whose route does
            not reach the top.
        empty_forums: forums and patient groups with no members: ``members`` is 0,
            or unknown and no link of any kind comes to them.

    Examples:
        >>> gaps = Gaps(unrepresented=("ppg-25",))
        >>> gaps.is_empty, list(gaps)
        (False, [('not represented', 'ppg-25')])
        >>> gaps
        <Gaps with 1 unrepresented>
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

    def __repr__(self) -> str:
        counts = [
            (len(self.no_patient_group), "missing patient groups"),
            (len(self.unrepresented), "unrepresented"),
            (len(self.no_route), "dead ends"),
            (len(self.empty_forums), "empty forums"),
        ]
        return _display.short_repr(self, "Gaps", [c for c in counts if c[0]])

    def __iter__(self) -> Iterator[tuple[str, str]]:
        for field, label, _heading in _GAP_KINDS:
            for body_id in getattr(self, field):
                yield (label, body_id)

    def __len__(self) -> int:
        return (
            len(self.no_patient_group)
            + len(self.unrepresented)
            + len(self.no_route)
            + len(self.empty_forums)
        )

    @property
    def is_empty(self) -> bool:
        """Whether no gap was found."""
        return not (
            self.no_patient_group or self.unrepresented or self.no_route or self.empty_forums
        )
