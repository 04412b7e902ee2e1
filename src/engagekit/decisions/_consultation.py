"""A formal public consultation, as the Gunning principles look at it (private)."""

from __future__ import annotations

import datetime as dt

from typing import Any

import attrs

from engagekit import _validate
from engagekit.choices import Choice, aliases
from engagekit.errors import InvalidValueError


@aliases({"preferred": "preferred-option", "decided": "settled", "no preferred option": "open"})
class ProposalStatus(Choice):
    """How settled the proposal was when the consultation opened.

    ``OPEN`` (no preferred option) and ``PREFERRED_OPTION`` (a preferred option
    still open to change) are formative; ``SETTLED`` (the outcome already decided)
    is not.

    Examples:
        >>> ProposalStatus.PREFERRED_OPTION.formative, ProposalStatus.SETTLED.formative
        (True, False)
    """

    OPEN = "open"
    PREFERRED_OPTION = "preferred-option"
    SETTLED = "settled"

    @property
    def formative(self) -> bool:
        """Whether a proposal in this state is still at a formative stage."""
        return self is not ProposalStatus.SETTLED


class Information(Choice):
    """What a consultation published for consultees.

    ``OPTIONS_CONSIDERED`` and ``REASONS_FOR_REJECTION`` answer *Moseley*: fairness
    may require telling consultees about the alternatives considered and why they
    were rejected.

    Examples:
        >>> Information("options considered").label
        'options considered'
    """

    PROPOSAL = "proposal"
    REASONS = "reasons"
    OPTIONS_CONSIDERED = "options-considered"
    REASONS_FOR_REJECTION = "reasons-for-rejection"
    IMPACT_ASSESSMENT = "impact-assessment"
    COSTS = "costs"


def _end_after_start(
    instance: Consultation, attribute: attrs.Attribute[Any], value: object
) -> None:
    _validate.a_date(instance, attribute, value)
    start: object = instance.start
    if isinstance(start, dt.date) and isinstance(value, dt.date) and value < start:
        raise InvalidValueError(
            "Consultation.end",
            value.isoformat(),
            reason=f"a consultation cannot end before it starts ({instance.start.isoformat()})",
        )


def _report_after_start(
    instance: Consultation, attribute: attrs.Attribute[Any], value: object
) -> None:
    _validate.optional_date(instance, attribute, value)
    start: object = instance.start
    if isinstance(value, dt.date) and isinstance(start, dt.date) and value < start:
        raise InvalidValueError(
            "Consultation.report_published",
            value.isoformat(),
            reason=f"a response report cannot precede the consultation ({instance.start})",
        )


def _published(value: object) -> Any:
    return _validate.members(Information, value, "Consultation.published")


@attrs.frozen(kw_only=True)
class Consultation:
    """A formal public consultation on a proposal.

    Attributes:
        start: the day it opened.
        end: the day it closed (not before ``start``).
        proposal_status: how settled the proposal was when it opened.
        published: what information consultees were given.
        responses: how many responses it received.
        report_published: when the report on the responses was published, if it was.
        considered_in_decision: whether the decision (its papers or minutes) refers
            to the response report.
        summary: what was consulted on.

    Examples:
        >>> import datetime as dt
        >>> c = Consultation(start=dt.date(2016, 1, 4), end=dt.date(2016, 3, 28),
        ...                  proposal_status="open", published=["proposal", "reasons"])
        >>> c.weeks
        12.0
        >>> Consultation(start=dt.date(2016, 3, 1), end=dt.date(2016, 2, 1),
        ...              proposal_status=ProposalStatus.OPEN)
        Traceback (most recent call last):
        ...
        engagekit.errors.InvalidValueError: Consultation.end: '2016-02-01' is not allowed: a ...
    """

    start: dt.date = attrs.field(validator=_validate.a_date)
    end: dt.date = attrs.field(validator=_end_after_start)
    proposal_status: ProposalStatus = attrs.field(converter=ProposalStatus)
    published: tuple[Information, ...] = attrs.field(default=(), converter=_published)
    responses: int = attrs.field(
        default=0, converter=_validate.to_int, validator=_validate.whole_at_least(0)
    )
    report_published: dt.date | None = attrs.field(default=None, validator=_report_after_start)
    considered_in_decision: bool = attrs.field(default=False, validator=_validate.flag)
    summary: str | None = attrs.field(default=None, validator=_validate.optional_text)

    @property
    def days(self) -> int:
        """How many days it ran (end minus start)."""
        return (self.end - self.start).days

    @property
    def weeks(self) -> float:
        """How many weeks it ran, to one decimal place."""
        return round(self.days / 7, 1)
