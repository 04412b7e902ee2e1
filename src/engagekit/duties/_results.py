"""What the duty registry's questions return: duties in force, and changes in the law."""

from __future__ import annotations

import datetime as dt

from typing import ClassVar

import attrs

from engagekit import _validate, _value
from engagekit._display import Listing, short_repr
from engagekit.duties._bodies import BodyType
from engagekit.duties._model import Duty
from engagekit.errors import InvalidValueError
from engagekit.sources import LegalForce


def _duty_row(duty: Duty) -> tuple[object, ...]:
    return (duty.id, duty.title, duty.force.label, str(duty.citation), duty.period, duty.verified)


_COLUMNS = ("id", "duty", "force", "citation", "in force", "verified")


class DutyList(Listing[Duty]):
    """Duty versions a registry query found: a read-only sequence shown as a table.

    Examples:
        >>> import datetime as dt
        >>> from engagekit.duties import registry
        >>> found = registry().in_force_on(dt.date(2010, 1, 1))
        >>> found  # doctest: +ELLIPSIS
        <DutyList with ... duties>
        >>> "nhs-act-s242" in found.ids
        True
    """

    __slots__ = ()

    noun: ClassVar[str] = "duties"
    columns: ClassVar[tuple[str, ...]] = _COLUMNS

    def row(self, item: Duty) -> tuple[object, ...]:
        """The duty's id, title, legal force, citation, period and whether it is verified."""
        return _duty_row(item)

    @property
    def ids(self) -> tuple[str, ...]:
        """The ids of the duties, in order."""
        return tuple(d.id for d in self)


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class DutiesInForce(Listing[Duty]):
    """The duties that bound a kind of body on a day: what
    [`duties_for`][engagekit.duties.duties_for] returns.

    It is a read-only sequence of [`Duty`][engagekit.duties.Duty] (iterate, ``len``,
    index, ``in`` by duty or id), shown as a table, and says why when it is empty.

    Attributes:
        body: the kind of body.
        on: the day.
        duties: the duties in force for it that day, in registry order.
        reason: why there are none, when there are none.

    Examples:
        >>> import datetime as dt
        >>> from engagekit.duties import duties_for
        >>> none = duties_for("CCG", dt.date(2023, 1, 1))
        >>> none
        <DutiesInForce for a CCG on 2023-01-01 with 0 duties>
        >>> print(none.reason)  # doctest: +NORMALIZE_WHITESPACE
        no clinical commissioning groups existed on 2023-01-01:
        they existed from 2013-04-01 to 2022-06-30
    """

    noun: ClassVar[str] = "duties"
    columns: ClassVar[tuple[str, ...]] = _COLUMNS

    body: BodyType = attrs.field(converter=BodyType)
    on: dt.date = attrs.field(validator=_validate.a_date)
    duties: tuple[Duty, ...] = attrs.field(
        converter=_validate.to_tuple, validator=_validate.each(Duty)
    )
    reason: str | None = attrs.field(default=None, validator=_validate.optional_text)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_items", self.duties)
        if not self.duties and self.reason is None:
            raise InvalidValueError(
                "DutiesInForce.reason", None, reason="say why no duty bound the body"
            )

    def row(self, item: Duty) -> tuple[object, ...]:
        """The duty's id, title, legal force, citation, period and whether it is verified."""
        return _duty_row(item)

    def __contains__(self, item: object) -> bool:
        if isinstance(item, str):
            return any(d.id == item for d in self.duties)
        return item in self.duties

    def __repr__(self) -> str:
        noun = f"DutiesInForce for {self.body.with_article} on {self.on.isoformat()}"
        return short_repr(self, noun, [(len(self.duties), "duties")])

    @property
    def ids(self) -> tuple[str, ...]:
        """The ids of the duties, in order."""
        return tuple(d.id for d in self.duties)

    @property
    def unverified(self) -> tuple[Duty, ...]:
        """The duties whose records are not verified against a primary source."""
        return tuple(d for d in self.duties if not d.verified)

    @property
    def law(self) -> tuple[Duty, ...]:
        """The duties that are law (statute, regulations): the only ones a gap breaches.

        Examples:
            >>> from engagekit.duties import duties_for
            >>> found = duties_for("icb", "2024-06-30")
            >>> "service-change-tests" in found.ids, "service-change-tests" in [
            ...     d.id for d in found.law]
            (True, False)
        """
        return tuple(d for d in self.duties if d.force.binding)

    def by_force(self) -> dict[LegalForce, tuple[Duty, ...]]:
        """The duties grouped by legal force, strongest first (statute, regulations,
        case law, statutory guidance, contract, national policy, local practice,
        engagekit's convention); forces no duty has are left out.

        Examples:
            >>> from engagekit.duties import duties_for
            >>> groups = duties_for("ccg", "2018-06-01").by_force()
            >>> [force.value for force in groups]  # doctest: +NORMALIZE_WHITESPACE
            ['statute', 'regulations', 'statutory-guidance', 'national-policy']
            >>> [d.id for d in groups[LegalForce.STATUTORY_GUIDANCE]]
            ['guidance-participation-2017']
        """
        return {
            force: found
            for force in LegalForce
            if (found := tuple(d for d in self.duties if d.force is force))
        }


def trusted_duties_in_force(
    body: BodyType, on: dt.date, duties: tuple[Duty, ...], reason: str | None = None
) -> DutiesInForce:
    """A `DutiesInForce` from values the registry has already checked, without re-checking.

    ``duties_for`` runs in loops over many days; its body type, date and duties are
    valid by construction, so re-validating them would triple its cost. The result
    equals the one the constructor builds from the same values.
    """
    made: DutiesInForce = _new(DutiesInForce)
    _set_body(made, body)
    _set_on(made, on)
    _set_duties(made, duties)
    _set_reason(made, reason)
    _set_items(made, duties)
    return made


# The slots' own setters: quicker than ``object.__setattr__`` by name.
_new = object.__new__
_set_body = DutiesInForce.__dict__["body"].__set__
_set_on = DutiesInForce.__dict__["on"].__set__
_set_duties = DutiesInForce.__dict__["duties"].__set__
_set_reason = DutiesInForce.__dict__["reason"].__set__
_set_items = next(
    k.__dict__["_items"] for k in DutiesInForce.__mro__ if "_items" in k.__dict__
).__set__
