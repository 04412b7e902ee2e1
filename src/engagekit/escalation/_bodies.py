"""Bodies (the nodes) and links (the edges) of an escalation network (private)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from engagekit import _display, _validate, _value
from engagekit.errors import InvalidValueError
from engagekit.escalation._tiers import BodyKind, LinkKind, Tier
from engagekit.sources import Source


if TYPE_CHECKING:
    from engagekit.duties import BodyType


_ID = _validate.ID_PATTERN.match

T = TypeVar("T", bound=attrs.AttrsInstance)


_count = _validate.optional(_validate.whole_at_least(0))


def _check_fields(instance: Any, checks: dict[str, Any]) -> None:
    """Run the detailed checks of ``instance``'s fields; the first failure raises."""
    for field in attrs.fields(type(instance)):
        for check in checks.get(field.name, ()):
            check(instance, field, getattr(instance, field.name))


def _to_count(value: object) -> Any:
    # Any whole number (numpy.int64 too) becomes an int; the checks report the rest.
    return value if value is None or type(value) is int else _validate.to_int(value)


def _to_body_kind(value: object) -> BodyKind:
    return value if type(value) is BodyKind else BodyKind.parse(value, field="Body.kind")


def _to_tier(value: object) -> Tier:
    return value if type(value) is Tier else Tier.parse(value, field="Body.tier")


def _to_link_kind(value: object) -> LinkKind:
    return value if type(value) is LinkKind else LinkKind.parse(value, field="Link.kind")


_BODY_CHECKS: dict[str, Any] = {
    "id": (_validate.identifier,),
    "name": (_validate.text,),
    "seats": (_count,),
    "members": (_count,),
    "membership": (_validate.optional_text,),
    "meetings_per_year": (_count,),
    "placeholder": (_validate.flag,),
    "source": (_validate.optional(_validate.instance_of(Source)),),
}


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class Body:
    """A group, committee, board or organisation that hears the patient voice.

    Its ``repr`` is one line (its id, name, kind and tier, and whether the name is a
    placeholder), so lists of bodies read as lists; ``str`` is its name; a notebook and
    [`engagekit.render`][] show it as a fact sheet.

    Attributes:
        id: a stable id, unique within a network (an ODS code, or a slug).
        name: the body's name.
        kind: what sort of body it is (a `BodyKind`, or its value or alias as text).
        tier: the level it sits at (a `Tier`, or its value or alias as text).
        seats: seats available on the body, if it has a fixed size.
        members: seats filled (or members), if known.
        membership: the membership rule in words, e.g. "up to 3 members per practice".
        meetings_per_year: how often it meets, if the source says.
        placeholder: `True` when the source gives a count but not this body's name,
            so the name is engagekit's label ("Sutton practice 07"), not a real one.
        source: where the body is described.

    Bodies use slots and are immutable; equal fields make equal bodies.

    Examples:
        >>> prg = Body(id="sutton-prg", name="Sutton CCG Patient Reference Group",
        ...            kind=BodyKind.PATIENT_REFERENCE_GROUP, tier=Tier.PLACE,
        ...            seats=75, membership="up to 3 members elected per practice")
        >>> prg.tier, prg.seats
        (<Tier.PLACE: 'place'>, 75)
        >>> Body(id="L85001", name="Health Centre", kind="practice", tier="practice")
        <Body 'L85001' 'Health Centre' (practice, practice tier)>
        >>> Body(id="x", name="X", kind=BodyKind.HEALTH_FORUM, tier=Tier.LOCALITY,
        ...      seats=3, members=4)  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        engagekit.errors.InvalidValueError: Body.members: 4 is not allowed: more members than ...
    """

    id: str
    name: str
    kind: BodyKind = attrs.field(converter=_to_body_kind)
    tier: Tier = attrs.field(converter=_to_tier)
    seats: int | None = attrs.field(default=None, converter=_to_count)
    members: int | None = attrs.field(default=None, converter=_to_count)
    membership: str | None = None
    meetings_per_year: int | None = attrs.field(default=None, converter=_to_count)
    placeholder: bool = False
    source: Source | None = None

    def __attrs_post_init__(self) -> None:
        # One combined check keeps building an England-sized network fast; on any
        # doubt the detailed per-field checks run and name the field and value.
        # Bound as plain objects: the checks are for values the annotations rule out.
        # The id and count checks are written out (not called) for the same reason.
        body_id: object = self.id
        name: object = self.name
        membership: object = self.membership
        flag: object = self.placeholder
        seats, members, meetings = self.seats, self.members, self.meetings_per_year
        if not (
            type(body_id) is str
            and (
                (body_id.isalnum() and body_id.isascii() and len(body_id) <= 200)
                or _ID(body_id) is not None
            )
            and type(name) is str
            and name.strip()
            and (seats is None or (type(seats) is int and seats >= 0))
            and (members is None or (type(members) is int and members >= 0))
            and (meetings is None or (type(meetings) is int and meetings >= 0))
            and (membership is None or (type(membership) is str and membership.strip()))
            and type(flag) is bool
            and (self.source is None or isinstance(self.source, Source))
        ):
            _check_fields(self, _BODY_CHECKS)
        if self.members is not None and self.seats is not None and self.members > self.seats:
            raise InvalidValueError(
                "Body.members", self.members, reason=f"more members than seats ({self.seats})"
            )

    def __repr__(self) -> str:
        shown = f"{self.kind.value}, {self.tier.value} tier"
        if self.placeholder:
            shown += ", placeholder name"
        # The id in full: it is what tells two bodies apart.
        return f"<Body {self.id!r} {_display.quoted(self.name)} ({shown})>"

    def __str__(self) -> str:
        return self.name

    def _repr_html_(self) -> str:
        return _display.html(self)

    @property
    def body_type(self) -> BodyType | None:
        """The statutory body type whose duties bind this body, or `None` (see
        [`BodyKind.body_type`][engagekit.escalation.BodyKind.body_type]).

        Examples:
            >>> Body(id="L85001", name="Health Centre", kind="practice", tier="practice").body_type
            <BodyType.GP_PRACTICE: 'gp-practice'>
        """
        return self.kind.body_type


_LINK_CHECKS: dict[str, Any] = {
    "source": (_validate.identifier,),
    "target": (_validate.identifier,),
    "primary": (_validate.flag,),
    "representatives": (_count,),
}


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class Link:
    """A typed link from one body to another, by id.

    Its ``repr`` is one line showing every field: the two ids, the kind, and the
    primary mark and the representatives where given.

    Attributes:
        source: the id of the body the voice comes from.
        target: the id of the body that hears it.
        kind: escalates to, reports to (both vertical) or informs (lateral).
        primary: for a body with several vertical links, marks the one its route
            follows. A body with one vertical link needs no mark.
        representatives: how many members the source body has on the target
            (e.g. a PPG's members on the Patient Reference Group), if known; ``0``
            records an empty seat.

    Examples:
        >>> Link(source="ppg-01", target="sutton-prg", representatives=3).kind
        <LinkKind.ESCALATES_TO: 'escalates-to'>
        >>> Link(source="ppg-01", target="sutton-prg", representatives=3)
        <Link 'ppg-01' escalates-to 'sutton-prg' (3 representatives)>
    """

    source: str
    target: str
    kind: LinkKind = attrs.field(default=LinkKind.ESCALATES_TO, converter=_to_link_kind)
    primary: bool = False
    representatives: int | None = attrs.field(default=None, converter=_to_count)

    def __repr__(self) -> str:
        marks = ["primary"] if self.primary else []
        if self.representatives is not None:
            marks.append(_display.counted(self.representatives, "representatives"))
        shown = f" ({', '.join(marks)})" if marks else ""
        return f"<Link {self.source!r} {self.kind.value} {self.target!r}{shown}>"

    def __attrs_post_init__(self) -> None:
        source: object = self.source
        target: object = self.target
        primary: object = self.primary
        seats = self.representatives
        if not (
            type(source) is str
            and type(target) is str
            and ((source.isalnum() and source.isascii() and len(source) <= 200) or _ID(source))
            and ((target.isalnum() and target.isascii() and len(target) <= 200) or _ID(target))
            and type(primary) is bool
            and (seats is None or (type(seats) is int and seats >= 0))
        ):
            _check_fields(self, _LINK_CHECKS)
        if self.source == self.target:
            raise InvalidValueError(
                "Link.target", self.target, reason="a body cannot link to itself (a cycle of one)"
            )


def trusted_factory(cls: type[T], *given: str) -> Callable[..., T]:
    """A function making instances of the slotted, frozen attrs class `cls` from the
    fields `given` (positionally, in that order), with no converter or validator run;
    the other fields take their plain defaults.

    For readers that build thousands of values whose every field they have checked
    themselves (`from_ods`): an unrolled function setting each slot directly costs
    a small part of the checked constructor.

    Each value is made as an instance of a twin of `cls` that adds no slot and
    keeps Python's own attribute setting, so each field is one plain store, and is
    then given its class: a frozen `cls` instance, equal to the checked
    constructor's, with nothing left of the twin.
    """
    fields = attrs.fields(cls)
    names = [field.name for field in fields]
    unknown = set(given) - set(names)
    if unknown:
        raise ValueError(f"{cls.__name__} has no field {sorted(unknown)}")
    twin = type(
        f"_Unfrozen{cls.__name__}",
        (cls,),
        {
            "__slots__": (),
            "__module__": cls.__module__,
            "__setattr__": object.__setattr__,
            "__delattr__": object.__delattr__,
        },
    )
    namespace: dict[str, Any] = {"_new": object.__new__, "_twin": twin, "_cls": cls}
    lines = [f"def make({', '.join(given)}):", "    made = _new(_twin)"]
    for field in fields:
        if field.name in given:
            value = field.name
        else:
            if isinstance(field.default, attrs.Factory):  # type: ignore[arg-type]
                raise ValueError(f"{cls.__name__}.{field.name} has a factory default")
            namespace[f"_default_{field.name}"] = field.default
            value = f"_default_{field.name}"
        lines.append(f"    made.{field.name} = {value}")
    lines += ["    made.__class__ = _cls", "    return made"]
    exec("\n".join(lines), namespace)  # noqa: S102  (generated from field names only)
    made: Callable[..., T] = namespace["make"]
    return made
