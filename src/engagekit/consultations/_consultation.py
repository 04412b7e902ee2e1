"""The consultation record: what was asked, of whom, how, and when (private)."""

from __future__ import annotations

import datetime as dt

from typing import Any

import attrs

from engagekit import _display, _validate, _value
from engagekit.choices import Choice, aliases
from engagekit.errors import InvalidValueError, UnknownNameError
from engagekit.plans._kinds import Channel
from engagekit.sources import Source


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


@aliases(
    {
        "single choice": "closed",
        "choice": "closed",
        "radio": "closed",
        "checkbox": "multiple-choice",
        "checkboxes": "multiple-choice",
        "multiple": "multiple-choice",
        "rating": "scale",
        "likert": "scale",
        "open": "free-text",
        "text": "free-text",
        "comment": "free-text",
    }
)
class QuestionKind(Choice):
    """What kind of answer a consultation question takes.

    Examples:
        >>> QuestionKind("checkbox"), QuestionKind("open").label
        (<QuestionKind.MULTIPLE_CHOICE: 'multiple-choice'>, 'free text')
    """

    CLOSED = "closed"
    MULTIPLE_CHOICE = "multiple-choice"
    SCALE = "scale"
    FREE_TEXT = "free-text"


@aliases(
    {
        "member of the public": "individual",
        "resident": "individual",
        "public": "individual",
        "organization": "organisation",
        "nhs staff": "staff",
        "employee": "staff",
        "patient": "individual",
        "ppg": "patient-group",
        "patient participation group": "patient-group",
        "voluntary sector": "voluntary-organisation",
        "charity": "voluntary-organisation",
        "councillor": "elected-representative",
        "mp": "elected-representative",
    }
)
class RespondentType(Choice):
    """Who a response came from, in the capacity they responded in.

    Examples:
        >>> RespondentType("PPG").label, RespondentType("charity").value
        ('patient group', 'voluntary-organisation')
    """

    INDIVIDUAL = "individual"
    CARER = "carer"
    STAFF = "staff"
    PATIENT_GROUP = "patient-group"
    ORGANISATION = "organisation"
    VOLUNTARY_ORGANISATION = "voluntary-organisation"
    ELECTED_REPRESENTATIVE = "elected-representative"
    OTHER = "other"
    NOT_KNOWN = "not-known"


def kind_takes_choices(kind: QuestionKind) -> bool:
    """Whether questions of this kind offer choices (closed and multiple choice do)."""
    return kind in (QuestionKind.CLOSED, QuestionKind.MULTIPLE_CHOICE)


def _choices(instance: Question, attribute: attrs.Attribute[Any], value: Any) -> None:
    _validate.each_text(instance, attribute, value)
    kind: object = instance.kind
    where = f"Question {instance.id!r}.choices"
    if kind in (QuestionKind.CLOSED, QuestionKind.MULTIPLE_CHOICE) and len(value) < 2:
        raise InvalidValueError(
            where, value, reason="a closed question offers at least two choices"
        )
    if isinstance(kind, QuestionKind) and not kind_takes_choices(kind) and value:
        raise InvalidValueError(where, value, reason=f"a {kind.label} question offers no choices")
    _validate.unique(lambda c: c, "choice")(instance, attribute, value)


def _scale(instance: Question, attribute: attrs.Attribute[Any], value: object) -> None:
    where = f"Question {instance.id!r}.scale"
    if instance.kind is not QuestionKind.SCALE:
        if value is not None:
            raise InvalidValueError(where, value, reason="only a scale question has a scale")
        return
    if (
        not isinstance(value, tuple)
        or len(value) != 2
        or not all(isinstance(v, int) and not isinstance(v, bool) for v in value)
        or value[0] >= value[1]
    ):
        raise InvalidValueError(
            where,
            value,
            reason="a scale question needs (lowest, highest) whole numbers, lowest first",
        )


def _optional_pair(value: object) -> Any:
    if isinstance(value, list):
        return tuple(value)
    return value


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class Question(_display.Displayable):
    """One question of a consultation.

    Its ``repr`` is one line (its id, the start of its text, its kind); ``str``, a
    notebook and [`engagekit.render`][] show it as a fact sheet.

    Attributes:
        id: the question's id (what answers and the import mapping refer to).
        text: the question as it was asked.
        kind: closed (one choice), multiple choice, scale or free text.
        choices: what a closed or multiple-choice question offers, in its order.
        scale: ``(lowest, highest)`` for a scale question.
        answered: how many people answered it, where a platform reported that count
            (``None`` when not reported; the responses, when loaded, are counted).

    Examples:
        >>> q = Question(id="support", text="Do you support the proposal?", kind="closed",
        ...              choices=["Yes", "No", "Not sure"])
        >>> q.accepts("Not sure"), q.accepts("Maybe")
        (True, False)
        >>> q
        <Question 'support' 'Do you support the proposal?' (closed) with 3 choices>
        >>> Question(id="why", text="Why?", kind="free text", choices=["a", "b"])
        Traceback (most recent call last):
        ...
        engagekit.errors.InvalidValueError: Question 'why'.choices: ... offers no choices
    """

    id: str = attrs.field(validator=_validate.identifier)
    text: str = attrs.field(validator=_validate.text)
    kind: QuestionKind = attrs.field(converter=QuestionKind)
    choices: tuple[str, ...] = attrs.field(
        default=(), converter=_validate.to_tuple, validator=_choices
    )
    scale: tuple[int, int] | None = attrs.field(
        default=None, converter=_optional_pair, validator=_scale
    )
    answered: int | None = attrs.field(
        default=None,
        converter=_validate.to_int,
        validator=_validate.optional(_validate.whole_at_least(0)),
    )

    def __repr__(self) -> str:
        noun = f"Question {_display.quoted(self.id)} {_display.quoted(self.text, 40)}"
        if self.scale is not None:
            return f"<{noun} (scale {self.scale[0]} to {self.scale[1]})>"
        counts = [(len(self.choices), "choices")] if self.choices else []
        return _display.short_repr(self, f"{noun} ({self.kind.label})", counts)

    @property
    def closed(self) -> bool:
        """Whether answers are choices from a list (closed or multiple choice)."""
        return self.kind in (QuestionKind.CLOSED, QuestionKind.MULTIPLE_CHOICE)

    @property
    def values(self) -> tuple[object, ...]:
        """Every answer a closed or scale question can have, in order (empty for free text)."""
        if self.scale is not None:
            return tuple(range(self.scale[0], self.scale[1] + 1))
        return self.choices

    def accepts(self, answer: object) -> bool:
        """Whether ``answer`` is a valid answer: one of the choices (a tuple of them for
        multiple choice), a whole number on the scale, or text."""
        kind = self.kind
        if kind is QuestionKind.CLOSED:
            return answer in self.choices
        if kind is QuestionKind.MULTIPLE_CHOICE:
            return (
                isinstance(answer, tuple)
                and all(a in self.choices for a in answer)
                and len(set(answer)) == len(answer)
            )
        if kind is QuestionKind.SCALE:
            low, high = self.scale or (0, 0)
            return (
                isinstance(answer, int) and not isinstance(answer, bool) and low <= answer <= high
            )
        return isinstance(answer, str) and bool(answer.strip())


def _end_after_start(
    instance: Consultation, attribute: attrs.Attribute[Any], value: object
) -> None:
    _validate.optional_date(instance, attribute, value)
    start: object = instance.start
    if isinstance(start, dt.date) and isinstance(value, dt.date) and value < start:
        raise InvalidValueError(
            "Consultation.end",
            value.isoformat(),
            reason=f"a consultation cannot end before it starts ({start.isoformat()})",
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
            reason=f"a response report cannot precede the consultation ({start})",
        )


def _published(value: object) -> Any:
    return _validate.members(Information, value, "Consultation.published")


def _channels(value: object) -> Any:
    return _validate.members(Channel, value, "Consultation.channels")


def _respondent_types(value: object) -> Any:
    return _validate.members(RespondentType, value, "Consultation.respondent_types")


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class Consultation(_display.Displayable):
    """A formal public consultation on a proposal: what was asked, of whom, how and when.

    The one consultation record of engagekit: the Gunning check
    ([`check_consultation`][engagekit.decisions.check_consultation]) reads its dates,
    status, published information and report; the responses people gave are kept in a
    [`ResponseSet`][engagekit.consultations.ResponseSet] over it.

    Attributes:
        start: the day it opened (``None`` if not known).
        end: the day it closed (not before ``start``; ``None`` if not known).
        proposal_status: how settled the proposal was when it opened (``None`` if
            not known).
        published: what information consultees were given.
        responses: how many responses it received, as reported (a
            [`ResponseSet`][engagekit.consultations.ResponseSet] counts the loaded ones).
        report_published: when the report on the responses was published, if it was.
        considered_in_decision: whether the decision (its papers or minutes) refers
            to the response report.
        summary: what was consulted on.
        id: a short id that feedback, "you said, we did" records and evidence refer to.
        title: its title.
        body: the body consulting.
        proposal: the proposal, in a sentence or two.
        options: the options consulted on, if there were several.
        questions: the questions asked, in order.
        channels: the ways people could respond.
        respondent_types: who was invited to respond.
        source: where the consultation is documented.

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
        >>> q = Question(id="why", text="Why?", kind="free text")
        >>> Consultation(title="Clinic hours", questions=[q, q])
        Traceback (most recent call last):
        ...
        engagekit.errors.InvalidValueError: Consultation.questions[1]: 'why' is not allowed: ...
    """

    start: dt.date | None = attrs.field(default=None, validator=_validate.optional_date)
    end: dt.date | None = attrs.field(default=None, validator=_end_after_start)
    proposal_status: ProposalStatus | None = attrs.field(
        default=None, converter=attrs.converters.optional(ProposalStatus)
    )
    published: tuple[Information, ...] = attrs.field(default=(), converter=_published)
    responses: int = attrs.field(
        default=0, converter=_validate.to_int, validator=_validate.whole_at_least(0)
    )
    report_published: dt.date | None = attrs.field(default=None, validator=_report_after_start)
    considered_in_decision: bool = attrs.field(default=False, validator=_validate.flag)
    summary: str | None = attrs.field(default=None, validator=_validate.optional_text)
    id: str | None = attrs.field(default=None, validator=_validate.optional(_validate.identifier))
    title: str | None = attrs.field(default=None, validator=_validate.optional_text)
    body: str | None = attrs.field(default=None, validator=_validate.optional_text)
    proposal: str | None = attrs.field(default=None, validator=_validate.optional_text)
    options: tuple[str, ...] = attrs.field(
        default=(), converter=_validate.to_tuple, validator=_validate.each_text
    )
    questions: tuple[Question, ...] = attrs.field(
        default=(),
        converter=_validate.to_tuple,
        validator=[_validate.each(Question), _validate.unique(lambda q: q.id, "question id")],
    )
    channels: tuple[Channel, ...] = attrs.field(default=(), converter=_channels)
    respondent_types: tuple[RespondentType, ...] = attrs.field(
        default=(), converter=_respondent_types
    )
    source: Source | None = attrs.field(
        default=None, validator=_validate.optional(_validate.instance_of(Source))
    )

    def __repr__(self) -> str:
        noun = (
            "Consultation"
            if self.title is None
            else f"Consultation {_display.quoted(self.title, 80)}"
        )
        return _display.short_repr(self, noun, [(len(self.questions), "questions")])

    @property
    def days(self) -> int | None:
        """How many days it ran (end minus start), ``None`` if a date is not known."""
        if self.start is None or self.end is None:
            return None
        return (self.end - self.start).days

    @property
    def weeks(self) -> float | None:
        """How many weeks it ran, to one decimal place (``None`` if not known)."""
        days = self.days
        return None if days is None else round(days / 7, 1)

    def question(self, question_id: str) -> Question:
        """The question with this id.

        Raises:
            UnknownNameError: naming the closest ids.
        """
        for q in self.questions:
            if q.id == question_id:
                return q
        raise UnknownNameError("question", question_id, choices=[q.id for q in self.questions])

    def open_on(self, day: dt.date) -> bool:
        """Whether ``day`` falls inside the window it was open (unknown ends are open)."""
        return (self.start is None or day >= self.start) and (self.end is None or day <= self.end)
