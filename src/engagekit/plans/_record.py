"""What a year of engagement produced, as one value: the engagement record (private)."""

from __future__ import annotations

import datetime as dt

from collections.abc import Mapping
from typing import Any, TypeAlias

import attrs

from engagekit import _data, _display, _lazy, _validate, _value
from engagekit.consultations._consultation import Consultation
from engagekit.consultations._loop import ConsultationLoop
from engagekit.consultations._responses import ResponseSet
from engagekit.duties._bodies import BodyType
from engagekit.errors import InvalidValueError
from engagekit.evidence import Evidence
from engagekit.plans._actions import ActionPlan
from engagekit.plans._feedback import FeedbackLoop
from engagekit.plans._meetings import Meeting
from engagekit.sources import Source


#: What the record holds of a consultation: the consultation alone, its responses
#: (which name it), or its closed loop (which holds its responses).
ConsultationPart: TypeAlias = Consultation | ResponseSet | ConsultationLoop


@attrs.frozen(kw_only=True)
@_value.shared_methods
class ReachCount:
    """How many participants of one group of a protected characteristic took part."""

    characteristic: str = attrs.field(validator=_validate.text)
    group: str = attrs.field(validator=_validate.text)
    count: int = attrs.field(converter=_validate.to_int, validator=_validate.whole_at_least(0))


def _shape(value: Any) -> type:
    """Which kind of consultation entry a value is: a table with a ``consultation``
    is a response set, one whose ``responses`` is a table (a response set) or that
    has ``answers`` or ``outcomes`` is a loop, and any other a consultation."""
    if isinstance(value, Consultation | ResponseSet | ConsultationLoop):
        return type(value)
    if isinstance(value, Mapping):
        if "consultation" in value:
            return ResponseSet
        if isinstance(value.get("responses"), Mapping) or {"answers", "outcomes"} & value.keys():
            return ConsultationLoop
    return Consultation


# Reference data names its consultation entries by shape as io does, so the built-in
# record is read without io (and cattrs).
_data.register_union(ConsultationPart, _shape)


def consultation_of(part: ConsultationPart) -> Consultation:
    """The consultation a record's consultation entry is about."""
    if isinstance(part, ConsultationLoop):
        return part.responses.consultation
    if isinstance(part, ResponseSet):
        return part.consultation
    return part


def _year(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    _validate.whole(instance, attribute, value)
    # The NHS was founded in 1948; the financial year must end on a date Python has.
    if not 1948 <= value <= dt.MAXYEAR - 1:  # type: ignore[operator]
        raise InvalidValueError(
            "EngagementRecord.year",
            value,
            reason=f"must be the first year of a financial year, from 1948 to {dt.MAXYEAR - 1}",
        )


def _body_type(value: object) -> Any:
    return None if value is None else BodyType.parse(value, field="EngagementRecord.body_type")


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class EngagementRecord(_display.Displayable):
    """Everything a body's engagement produced in a year, kept together.

    The record is what [`annual_engagement_report`][engagekit.plans.annual_engagement_report]
    reports on (`annual_engagement_report(2011, record)`), what `engagekit report FILE`
    reads, and one document of [`engagekit.io`][engagekit.io] (JSON or TOML; schema
    `engagement-record`). Its `plan` may be written in either shape a plan file takes
    (`objectives` nesting their actions, or `objective` and `action` rows).

    Attributes:
        body: the body whose year it is, as its annual report names it.
        body_type: the kind of body, for the law its report cites (``None``: the
            commissioner of the day).
        year: the NHS financial year the record is of, by the calendar year it starts
            in (2011 for 2011/12), if it is one year's: a consultation whose dates are
            not recorded is placed in it. ``None``: such a consultation cannot be placed
            in any year, and reports list it apart, uncounted.
        plan: its engagement action plan, if it has one.
        loop: its "You said, we did" feedback loop, if kept.
        meetings: the meetings it held.
        evidence: the evidence of its engagement (the one
            [`Evidence`][engagekit.evidence.Evidence] record).
        consultations: its formal consultations, each as a
            [`Consultation`][engagekit.consultations.Consultation], or as the
            [`ResponseSet`][engagekit.consultations.ResponseSet] of its responses, or
            as the [`ConsultationLoop`][engagekit.consultations.ConsultationLoop]
            closing the loop on them.
        participants: how many people of each group took part, for equality reach.
        source: where the record comes from, if published.

    ``repr`` is one line; ``str()``, a notebook and `engagekit.render`'s ``text``,
    ``html`` and ``markdown`` show its body, its plan and loop in a few words, and its
    meetings, evidence, consultations and participants.

    Raises:
        InvalidTypeError: a field of the wrong type (an item of a list included).
        InvalidValueError: two evidence items, meetings or consultations with one id,
            or one group given twice for a characteristic.
        UnknownChoiceError: ``body_type`` names no body type.

    Examples:
        >>> import datetime as dt
        >>> from engagekit.evidence import Evidence
        >>> from engagekit.plans import EngagementRecord, Meeting
        >>> record = EngagementRecord(
        ...     body="NHS Example CCG",
        ...     body_type="ccg",
        ...     meetings=[Meeting(id="gb-1", date=dt.date(2018, 5, 24), body="governing-body",
        ...                       title="Governing Body in public")],
        ...     evidence=[Evidence(id="survey", kind="survey", what="Survey on access",
        ...                        date=dt.date(2018, 9, 3), limbs=["planning"])],
        ... )
        >>> record
        <EngagementRecord 'NHS Example CCG' with 1 meeting, 1 evidence item and 0 consultations>
        >>> record.body_type
        <BodyType.CCG: 'ccg'>
        >>> EngagementRecord(body="NHS Example CCG", meetings=["gb-1"])
        Traceback (most recent call last):
        ...
        engagekit.errors.InvalidTypeError: EngagementRecord.meetings[0]: got str 'gb-1'; ...
    """

    body: str = attrs.field(validator=_validate.text)
    body_type: BodyType | None = attrs.field(default=None, converter=_body_type)
    year: int | None = attrs.field(default=None, validator=_validate.optional(_year))
    plan: ActionPlan | None = attrs.field(
        default=None, validator=_validate.optional(_validate.instance_of(ActionPlan))
    )
    loop: FeedbackLoop | None = attrs.field(
        default=None, validator=_validate.optional(_validate.instance_of(FeedbackLoop))
    )
    meetings: tuple[Meeting, ...] = attrs.field(
        default=(),
        converter=_validate.to_tuple,
        validator=[_validate.each(Meeting), _validate.unique(lambda m: m.id, "meeting id")],
    )
    evidence: tuple[Evidence, ...] = attrs.field(
        default=(),
        converter=_validate.to_tuple,
        validator=[_validate.each(Evidence), _validate.unique(lambda e: e.id, "evidence id")],
    )
    # A response set is not hashable (it indexes its responses): left out of the hash.
    consultations: tuple[ConsultationPart, ...] = attrs.field(
        default=(),
        converter=_validate.to_tuple,
        validator=_validate.each(Consultation, ResponseSet, ConsultationLoop),
        hash=False,
    )
    participants: tuple[ReachCount, ...] = attrs.field(
        default=(), converter=_validate.to_tuple, validator=_validate.each(ReachCount)
    )
    source: Source | None = attrs.field(
        default=None, validator=_validate.optional(_validate.instance_of(Source))
    )

    def __attrs_post_init__(self) -> None:
        seen: set[str] = set()
        for index, part in enumerate(self.consultations):
            ident = consultation_of(part).id
            if ident is None:
                continue
            if ident in seen:
                raise InvalidValueError(
                    f"EngagementRecord.consultations[{index}]",
                    ident,
                    reason="another consultation has this id",
                )
            seen.add(ident)
        groups: set[tuple[str, str]] = set()
        for index, count in enumerate(self.participants):
            key = (count.characteristic, count.group)
            if key in groups:
                raise InvalidValueError(
                    f"EngagementRecord.participants[{index}]",
                    count.group,
                    reason=f"{count.characteristic!r} has this group twice",
                )
            groups.add(key)

    def __repr__(self) -> str:
        return _display.short_repr(
            self,
            f"EngagementRecord {_display.quoted(self.body)}",
            [
                (len(self.meetings), "meetings"),
                (len(self.evidence), "evidence items"),
                (len(self.consultations), "consultations"),
            ],
        )

    def consultations_between(self, start: dt.date, end: dt.date) -> tuple[ConsultationPart, ...]:
        """The consultations that ran in ``(start, end)`` (inclusive), in the record's order.

        A consultation ran in the period if it was open on any day of it. One whose
        dates are not recorded is placed in the record's ``year``: it ran in the period
        if the period holds that whole financial year. Without a year it is in no
        period: `undated_consultations` lists it.

        Examples:
            >>> import datetime as dt
            >>> from engagekit.consultations import Consultation
            >>> record = EngagementRecord(body="CCG", year=2016, consultations=[
            ...     Consultation(id="beds", start=dt.date(2016, 1, 4), end=dt.date(2016, 3, 28)),
            ...     Consultation(id="hours")])
            >>> [consultation_of(c).id for c in record.consultations_between(
            ...     dt.date(2016, 4, 1), dt.date(2017, 3, 31))]
            ['hours']
            >>> [consultation_of(c).id for c in record.consultations_between(
            ...     dt.date(2015, 4, 1), dt.date(2016, 3, 31))]
            ['beds']
        """
        held = self._year_within(start, end)
        found = []
        for part in self.consultations:
            consultation = consultation_of(part)
            first = consultation.start or consultation.end
            # Only a start or an end: that one day.
            if first is None:
                if held:
                    found.append(part)
            elif first <= end and (consultation.end or first) >= start:
                found.append(part)
        return tuple(found)

    def undated_consultations(self, start: dt.date, end: dt.date) -> tuple[ConsultationPart, ...]:
        """The consultations whose dates are not recorded and that may, or may not, have
        run in ``(start, end)`` (inclusive): every one of them when the record has no
        ``year``, or when the period holds part of the record's year but not all of it.
        A report lists them apart and counts them in no year's figures.

        Examples:
            >>> import datetime as dt
            >>> from engagekit.consultations import Consultation
            >>> record = EngagementRecord(body="CCG", consultations=[Consultation(id="hours")])
            >>> [consultation_of(c).id for c in record.undated_consultations(
            ...     dt.date(2022, 4, 1), dt.date(2023, 3, 31))]
            ['hours']
            >>> dated = attrs.evolve(record, year=2011)
            >>> dated.undated_consultations(dt.date(2022, 4, 1), dt.date(2023, 3, 31))
            ()
            >>> [consultation_of(c).id for c in dated.consultations_between(
            ...     dt.date(2011, 4, 1), dt.date(2012, 3, 31))]
            ['hours']
        """
        if self._year_within(start, end):
            return ()
        if self.year is not None:
            first, last = _financial_year(self.year)
            if first > end or last < start:
                return ()
        return tuple(
            part
            for part in self.consultations
            if consultation_of(part).start is None and consultation_of(part).end is None
        )

    def _year_within(self, start: dt.date, end: dt.date) -> bool:
        """Whether ``(start, end)`` holds the whole of the record's year."""
        if self.year is None:
            return False
        first, last = _financial_year(self.year)
        return start <= first and last <= end


def _financial_year(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 4, 1), dt.date(year + 1, 3, 31)


_lazy.io_hooks(__name__)
