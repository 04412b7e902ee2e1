"""What actually happened: meetings and their close-out records (private)."""

from __future__ import annotations

import datetime as dt

from collections.abc import Iterable

import attrs

from engagekit import _display, _validate, _value


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class Meeting:
    """A meeting held, with its close-out record.

    Its ``repr`` is one line: its id, date, body and title, then each other field
    that is not its default.

    Attributes:
        id: the meeting's id.
        date: when it was held.
        body: the body that held it (a string id, e.g. an escalation network body).
        title: what it was ("Governing Body meeting in public").
        public: whether it was held in public.
        attendance: how many attended, if counted.
        organisations: the organisations present.
        minutes: where the minutes are (a link or reference), if published.
        actions: ids of plan actions arising from it.
        feedback: ids of feedback items raised at it.

    Examples:
        >>> m = Meeting(id="gb-2015-05", date=dt.date(2015, 5, 28),
        ...             body="governing-body", title="Governing Body in public", attendance=40)
        >>> m.closed_out
        False
        >>> m
        <Meeting 'gb-2015-05' 2015-05-28 'governing-body' 'Governing Body in public', attendance=40>
    """

    id: str = attrs.field(validator=_validate.text)
    date: dt.date = attrs.field(validator=_validate.a_date)
    body: str = attrs.field(validator=_validate.text)
    title: str = attrs.field(validator=_validate.text)
    public: bool = attrs.field(default=True, validator=_validate.flag)
    attendance: int | None = attrs.field(
        default=None,
        converter=_validate.to_int,
        validator=_validate.optional(_validate.whole_at_least(0)),
    )
    organisations: tuple[str, ...] = attrs.field(
        default=(), converter=_validate.to_tuple, validator=_validate.each_text
    )
    minutes: str | None = attrs.field(default=None, validator=_validate.optional_text)
    actions: tuple[str, ...] = attrs.field(
        default=(), converter=_validate.to_tuple, validator=_validate.each_text
    )
    feedback: tuple[str, ...] = attrs.field(
        default=(), converter=_validate.to_tuple, validator=_validate.each_text
    )

    def __repr__(self) -> str:
        head = (
            f"Meeting {_display.quoted(self.id)} {self.date.isoformat()} {self.body!r}"
            f" {_display.quoted(self.title)}"
        )
        extra = _display.non_defaults(self, skip=("id", "date", "body", "title"))
        return f"<{', '.join([head, *extra])}>"

    @property
    def closed_out(self) -> bool:
        """Whether the close-out record is complete: attendance counted and minutes published."""
        return self.attendance is not None and self.minutes is not None

    def _repr_html_(self) -> str:
        return _display.html(self)


def held(
    meetings: Iterable[Meeting], *, bodies: Iterable[str] = ()
) -> tuple[tuple[dt.date, str], ...]:
    """``(date, body)`` pairs of the meetings held by ``bodies`` (all if none), sorted.

    Pass them to `Recurrence.adherence`.
    """
    wanted = frozenset(bodies)
    return tuple(sorted((m.date, m.body) for m in meetings if not wanted or m.body in wanted))
