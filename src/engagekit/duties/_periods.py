"""The law of each period: the involvement duty of the day, and the law timeline."""

from __future__ import annotations

import datetime as dt

from collections.abc import Iterable
from typing import ClassVar

import attrs

from engagekit import _display, _validate, _value
from engagekit._display import Listing
from engagekit.duties._bodies import BodyLike, BodyType, as_body_type
from engagekit.duties._involvement import INVOLVEMENT_DUTIES, commissioner_on
from engagekit.duties._model import Duty, _date
from engagekit.duties._registry import DutyRegistry, _builtin
from engagekit.errors import InvalidTypeError, InvalidValueError


def involvement_duty(
    body: BodyLike | None, on: dt.date | str, *, registry: DutyRegistry | None = None
) -> Duty | None:
    """The version of the public involvement duty that bound ``body`` on ``on``.

    Args:
        body: the kind of body (a [`BodyType`][engagekit.duties.BodyType], its text,
            or a body with a ``body_type``); ``None`` means the commissioner of the
            day (see [`commissioner_on`][engagekit.duties.commissioner_on]).
        on: the day (a date or ``YYYY-MM-DD`` text).
        registry: the registry to ask (default: the built-in duties).

    Returns:
        The duty version, or ``None`` if no involvement duty bound such a body that
            day (before 1 January 2003, when s11 of the Health and Social Care Act 2001
            came into force in England, or a kind of body no involvement duty binds).

    Examples:
        >>> print(involvement_duty(None, "2011-06-01").citation)
        National Health Service Act 2006, s242(1B)
        >>> print(involvement_duty("ccg", "2018-06-01").citation)
        National Health Service Act 2006, s14Z2(2)
        >>> print(involvement_duty(None, "2023-01-01").citation)
        National Health Service Act 2006, s14Z45
        >>> involvement_duty(None, "2002-12-31") is None
        True
        >>> print(involvement_duty(None, "2003-01-01").citation)
        Health and Social Care Act 2001, s11
    """
    day = _date("on", on)
    kind = commissioner_on(day) if body is None else as_body_type(body)
    reg = _builtin() if registry is None else registry
    found = reg.duties_for(kind, day)
    ids = found.ids
    for duty_id in INVOLVEMENT_DUTIES:
        if duty_id in ids:
            return next(d for d in found if d.id == duty_id)
    return None


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class TimelineRow:
    """The duties that bound one kind of body on one day: a row of a
    [`LawTimeline`][engagekit.duties.LawTimeline].

    Its ``repr`` is one line: the body, the day and how many duties (and why there
    are none, when there are none).

    Attributes:
        body: the kind of body.
        on: the day.
        duties: the duty versions in force, in registry order.
        reason: why there are none, when there are none (no such bodies existed, or
            the day is before the earliest law engagekit encodes).
    """

    body: BodyType = attrs.field(converter=BodyType)
    on: dt.date = attrs.field(validator=_validate.a_date)
    duties: tuple[Duty, ...] = attrs.field(
        converter=_validate.to_tuple, validator=_validate.each(Duty)
    )
    reason: str | None = attrs.field(default=None, validator=_validate.optional_text)

    def __repr__(self) -> str:
        noun = f"TimelineRow {self.body.value} on {self.on.isoformat()}"
        shown = _display.short_repr(self, noun, [(len(self.duties), "duties")])
        if self.reason is None:
            return shown
        return f"{shown[:-1]}: {_display.quoted(self.reason)}>"

    @property
    def ids(self) -> tuple[str, ...]:
        """The ids of the duties in force, in registry order."""
        return tuple(d.id for d in self.duties)

    @property
    def text(self) -> str:
        """The duty versions as one line (``id@first day``), or why there are none."""
        if self.duties:
            return ", ".join(f"{d.id}@{d.in_force_from.isoformat()}" for d in self.duties)
        return f"none: {self.reason}" if self.reason else "none"


class LawTimeline(Listing[TimelineRow]):
    """For each kind of body, the duties in force on each boundary day of the law.

    What [`law_timeline`][engagekit.duties.law_timeline] returns: one row per body
    and day, shown as a table (body, day, duties).
    """

    __slots__ = ()

    noun: ClassVar[str] = "rows"
    columns: ClassVar[tuple[str, ...]] = ("body", "on", "duties")

    def row(self, item: TimelineRow) -> tuple[object, ...]:
        """The body, the day and the duties in force (or why there are none)."""
        return (item.body.value, item.on.isoformat(), item.text)

    def for_body(self, body: BodyLike) -> LawTimeline:
        """The rows of one kind of body.

        Examples:
            >>> rows = law_timeline(through="2013-04-01").for_body("ccg")
            >>> [(r.on.isoformat(), len(r.duties)) for r in rows][-2:]
            [('2013-03-31', 0), ('2013-04-01', 9)]
        """
        kind = as_body_type(body)
        return LawTimeline(r for r in self if r.body is kind)

    def lines(self) -> tuple[str, ...]:
        """Each row as one line of text: ``"<body> <day> <duties>"`` (for snapshots)."""
        return tuple(f"{r.body.value} {r.on.isoformat()} {r.text}" for r in self)


TIMELINE_START = dt.date(2001, 1, 1)
"""The first day of engagekit's timeline."""


def _boundaries(reg: DutyRegistry, start: dt.date, end: dt.date) -> list[dt.date]:
    points: set[dt.date] = {start, end}
    for duty in reg:
        points.add(duty.in_force_from)
        if duty.in_force_to is not None:
            points.add(duty.in_force_to)
    for body in BodyType:
        for day in (body.existed_from, body.existed_to):
            if day is not None:
                points.add(day)
    days: set[dt.date] = set()
    for day in points:
        for candidate in (day - dt.timedelta(days=1), day):
            if start <= candidate <= end:
                days.add(candidate)
    return sorted(days)


def law_timeline(
    *,
    through: dt.date | str,
    bodies: Iterable[BodyLike] | None = None,
    start: dt.date | str = TIMELINE_START,
    registry: DutyRegistry | None = None,
) -> LawTimeline:
    """The duties in force for each kind of body on every boundary of the law.

    The days are ``start``, ``through``, and each day on which a duty version or a
    kind of body began or ended, with the day before it, so that every change in the
    law shows as a pair of rows. A row with no duties says why (no such bodies
    existed, or the day is before the earliest law in the registry), so that it does
    not read as "no duties".

    Args:
        through: the last day (usually today: engagekit never reads the clock).
        bodies: the kinds of body (default: every [`BodyType`][engagekit.duties.BodyType]).
        start: the first day (default 1 January 2001).
        registry: the registry to read (default: the built-in duties).

    Raises:
        InvalidValueError: ``through`` is before ``start``.
        InvalidTypeError: a date or body of the wrong type.

    Examples:
        >>> timeline = law_timeline(through="2009-01-01", bodies=["pct"])
        >>> timeline  # doctest: +ELLIPSIS
        <LawTimeline with ... rows>
        >>> print(timeline[0].reason.split(": ")[1])
        the earliest law engagekit encodes began on 2001-04-02
        >>> for line in timeline.lines()[2:6]:
        ...     print(line)
        pct 2001-04-02 rra-1976-s71@2001-04-02
        pct 2002-09-30 rra-1976-s71@2001-04-02
        pct 2002-10-01 rra-1976-s71@2001-04-02
        pct 2002-12-31 rra-1976-s71@2001-04-02
        >>> row = timeline[6]
        >>> row.on, row.ids
        (datetime.date(2003, 1, 1), ('hsca-2001-s11', 'rra-1976-s71', 'scrutiny-reg-4-2002'))
    """
    first = _date("start", start)
    last = _date("through", through)
    if last < first:
        raise InvalidValueError(
            "through", last.isoformat(), reason=f"must not be before start ({first.isoformat()})"
        )
    if registry is not None and not isinstance(registry, DutyRegistry):
        raise InvalidTypeError("registry", registry, expected="a DutyRegistry")
    reg = _builtin() if registry is None else registry
    kinds = tuple(BodyType) if bodies is None else tuple(as_body_type(b) for b in bodies)
    days = _boundaries(reg, first, last)
    rows = []
    for kind in kinds:
        for day in days:
            found = reg.duties_for(kind, day)
            rows.append(TimelineRow(body=kind, on=day, duties=tuple(found), reason=found.reason))
    return LawTimeline(rows)
