"""Responses to a consultation, the theme catalogue, and what they add up to (private)."""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import types

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, ClassVar, Union

import attrs

from engagekit import _display, _lazy, _validate, _value
from engagekit.consultations._consultation import (
    Consultation,
    Question,
    QuestionKind,
    RespondentType,
)
from engagekit.duties.equality import ProtectedCharacteristic
from engagekit.errors import InvalidTypeError, InvalidValueError, UnknownNameError
from engagekit.plans._kinds import Channel, FeedbackKind


#: An answer: a choice (closed), the choices (multiple choice), a number (scale) or text.
Answer = Union[str, int, tuple[str, ...]]  # noqa: UP007  (a runtime alias)


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class Theme(_display.Displayable):
    """A theme of the catalogue people coded the free-text answers with.

    Themes are coded by people, not by engagekit: the catalogue names them, and each
    response's free-text answers carry the ids of the themes a coder tagged. Its
    ``repr`` is one line; ``str``, a notebook and [`engagekit.render`][] show it as a
    fact sheet.

    Attributes:
        id: the theme's id.
        title: the theme in a few words.
        description: what belongs under it, for coders.
        kind: whether it raises a concern, suggests, praises or asks (a concern by
            default), as the feedback loop counts them.

    Examples:
        >>> Theme(id="parking", title="Parking at the clinic").title
        'Parking at the clinic'
        >>> Theme(id="parking", title="Parking at the clinic", kind="suggestion")
        <Theme 'parking' 'Parking at the clinic' (suggestion)>
    """

    id: str = attrs.field(validator=_validate.identifier)
    title: str = attrs.field(validator=_validate.text)
    description: str | None = attrs.field(default=None, validator=_validate.optional_text)
    kind: FeedbackKind = attrs.field(default=FeedbackKind.CONCERN, converter=FeedbackKind)

    def __repr__(self) -> str:
        noun = f"Theme {_display.quoted(self.id)} {_display.quoted(self.title, 40)}"
        return f"<{noun} ({self.kind.label})>"


def _answers(value: object) -> Any:
    if not isinstance(value, Mapping):
        raise InvalidTypeError(
            "ConsultationResponse.answers", value, expected="a mapping of question id to answer"
        )
    answers: dict[str, Answer] = {}
    for key, answer in value.items():
        if not isinstance(key, str):
            raise InvalidTypeError(
                "ConsultationResponse.answers", key, expected="a question id (text)"
            )
        answers[key] = tuple(answer) if isinstance(answer, list) else answer
    return types.MappingProxyType(answers)


def _tags(value: object) -> Any:
    if not isinstance(value, Mapping):
        raise InvalidTypeError(
            "ConsultationResponse.themes", value, expected="a mapping of question id to theme ids"
        )
    tags: dict[str, tuple[str, ...]] = {}
    for key, ids in value.items():
        if isinstance(ids, str) or not isinstance(ids, Iterable):
            raise InvalidTypeError(
                f"ConsultationResponse.themes[{key!r}]", ids, expected="a list of theme ids"
            )
        tags[str(key)] = tuple(dict.fromkeys(ids))
    return types.MappingProxyType(tags)


def _monitoring(value: object) -> Any:
    if not isinstance(value, Mapping):
        raise InvalidTypeError(
            "ConsultationResponse.monitoring",
            value,
            expected="a mapping of characteristic to category",
        )
    # The schemes' module is read with the first monitoring answer: a record that only
    # names its consultations, as most do, never needs it.
    from engagekit.consultations._monitoring import monitoring_scheme

    found: dict[ProtectedCharacteristic, str] = {}
    for key, answer in value.items():
        characteristic = ProtectedCharacteristic(key)
        found[characteristic] = monitoring_scheme(characteristic).parse(
            answer, field=f"ConsultationResponse.monitoring[{characteristic.value!r}]"
        )
    return types.MappingProxyType(found)


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class ConsultationResponse:
    """One respondent's response to a consultation.

    Its ``repr`` is one line: its id, channel, respondent type and date, and how
    many answers, tagged answers and monitoring answers it holds.

    Attributes:
        id: the response's id, unique in the consultation (a platform's response id).
        channel: how it came in (online survey, paper form, event, letter …).
        respondent_type: in what capacity they responded.
        date: when it was received, if known.
        answers: question id → answer: a choice (closed), a tuple of choices
            (multiple choice), a whole number (scale) or text (free text).
        themes: question id → the ids of the themes a coder tagged its free-text
            answer with.
        monitoring: protected characteristic → monitoring category id (labels and
            the common aliases are read as their category: ``"straight"`` is
            ``straight-or-heterosexual``; "prefer not to say" and "other" are answers).

    Examples:
        >>> r = ConsultationResponse(id="17", channel="paper", respondent_type="individual",
        ...              answers={"support": "Yes"}, monitoring={"sexuality": "Prefer not to say"})
        >>> r.channel.value, [(k.value, v) for k, v in r.monitoring.items()]
        ('paper-form', [('sexual-orientation', 'prefer-not-to-say')])
        >>> r  # doctest: +NORMALIZE_WHITESPACE
        <ConsultationResponse '17' paper-form individual with 1 answer, 0 themed answers
         and 1 monitoring answer>
    """

    id: str = attrs.field(validator=_validate.text)
    channel: Channel = attrs.field(converter=Channel)
    respondent_type: RespondentType = attrs.field(
        default=RespondentType.NOT_KNOWN, converter=RespondentType
    )
    date: dt.date | None = attrs.field(default=None, validator=_validate.optional_date)
    answers: Mapping[str, Answer] = attrs.field(factory=dict, converter=_answers, hash=False)
    themes: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict, converter=_tags, hash=False)
    monitoring: Mapping[ProtectedCharacteristic, str] = attrs.field(
        factory=dict, converter=_monitoring, hash=False
    )

    def __repr__(self) -> str:
        head = f"ConsultationResponse {_display.quoted(self.id)} {self.channel.value}"
        head += f" {self.respondent_type.value}"
        if self.date is not None:
            head += f" {self.date.isoformat()}"
        counts = [
            (len(self.answers), "answers"),
            (len(self.themes), "themed answers"),
            (len(self.monitoring), "monitoring answers"),
        ]
        return _display.short_repr(self, head, counts)


def _offered(question: Question) -> str:
    if question.kind is QuestionKind.SCALE and question.scale is not None:
        return f"a whole number from {question.scale[0]} to {question.scale[1]}"
    if question.closed:
        listed = ", ".join(repr(c) for c in question.choices)
        many = " (a list of them)" if question.kind is QuestionKind.MULTIPLE_CHOICE else ""
        return f"one of {listed}{many}"
    return "text"


def _check(
    response: ConsultationResponse, consultation: Consultation, themes: Mapping[str, Theme]
) -> None:
    questions = {q.id: q for q in consultation.questions}
    where = f"ConsultationResponse {response.id!r}"
    for qid, answer in response.answers.items():
        question = questions.get(qid)
        if question is None:
            raise UnknownNameError(f"question (in {where}.answers)", qid, choices=questions)
        if not question.accepts(answer):
            raise InvalidValueError(
                f"{where}.answers[{qid!r}]",
                answer,
                reason=f"{question.kind.label} question {qid!r} takes {_offered(question)}",
            )
    for qid, tagged in response.themes.items():
        question = questions.get(qid)
        if question is None:
            raise UnknownNameError(f"question (in {where}.themes)", qid, choices=questions)
        if qid not in response.answers:
            raise InvalidValueError(
                f"{where}.themes[{qid!r}]",
                tagged,
                reason="tags an answer the response did not give",
            )
        for theme in tagged:
            if theme not in themes:
                raise UnknownNameError(f"theme (in {where}.themes)", theme, choices=themes)
    if response.date is not None and not consultation.open_on(response.date):
        raise InvalidValueError(
            f"{where}.date",
            response.date.isoformat(),
            reason=f"is outside the consultation ({_window(consultation)})",
        )


def _window(consultation: Consultation) -> str:
    start = consultation.start.isoformat() if consultation.start else "?"
    end = consultation.end.isoformat() if consultation.end else "?"
    return f"open {start} to {end}"


@attrs.frozen(kw_only=True)
@_value.shared_methods
class Tally:
    """How many responses gave one value (an answer, a channel, a category, a theme).

    Attributes:
        value: what was counted.
        count: how many responses.
        share: ``count`` over the tally's base (``None`` when the base is 0).
    """

    value: object
    count: int
    share: float | None


class Tallies(_display.Listing[Tally]):
    """Counts and shares of values over a base, in a fixed order (the question's
    choices, a choice's members, a catalogue's themes).

    Attributes:
        title: what was counted.
        base: the number the shares are of (those who answered).

    Examples:
        >>> from engagekit import examples
        >>> results = examples.oxfordshire_synthetic_responses().results("support")
        >>> results
        <Tallies with 4 values>
        >>> results.base, results.count("Yes")
        (24, 13)
    """

    __slots__ = ("base", "title")
    noun: ClassVar[str] = "values"
    columns: ClassVar[tuple[str, ...]] = ("value", "count", "share")
    percent: ClassVar[frozenset[str]] = frozenset({"share"})

    def __init__(self, items: Iterable[Tally] = (), *, base: int = 0, title: str = "") -> None:
        super().__init__(items)
        self.base = base
        self.title = title

    @property
    def caption(self) -> str:  # type: ignore[override]
        """What was counted and the base of the shares ("Respondents by channel (shares
        of 24)"), the table's caption and heading; empty without a title."""
        if not self.title:
            return ""
        return f"{self.title[:1].upper()}{self.title[1:]} (shares of {self.base:,})"

    def row(self, item: Tally) -> tuple[object, ...]:
        share = None if item.share is None else round(item.share, 3)
        return (item.value, item.count, share)

    def count(self, value: object) -> int:
        """How many responses gave ``value`` (0 if none did)."""
        for item in self:
            if item.value == value:
                return item.count
        return 0

    def as_dict(self) -> dict[object, int]:
        """The counts, by value."""
        return {item.value: item.count for item in self}


def _tallies(counter: Mapping[Any, int], order: Iterable[Any], base: int, title: str) -> Tallies:
    seen = list(order)
    extra = [k for k in counter if k not in set(seen)]
    return Tallies(
        (
            Tally(
                value=v, count=counter.get(v, 0), share=counter.get(v, 0) / base if base else None
            )
            for v in [*seen, *sorted(extra, key=str)]
        ),
        base=base,
        title=title,
    )


@attrs.frozen(kw_only=True)
@_value.shared_methods
class CrossTab(_display.Displayable, _display.Tabular):
    """A question's answers cross-tabulated by a respondent grouping.

    Attributes:
        question: the question.
        by: what the columns group by (``respondent-type``, ``channel`` or a
            characteristic's value).
        rows: the answers, in the question's order.
        groups: the groups, in their order.
        counts: ``counts[row][group]``, how many in that group gave that answer.

    Examples:
        >>> from engagekit import examples
        >>> tab = examples.oxfordshire_synthetic_responses().crosstab("support", by="channel")
        >>> tab.count("Yes", "paper-form"), tab.groups
        (3, ('online-consultation', 'paper-form', 'event'))
    """

    question: Question
    by: str
    rows: tuple[object, ...]
    groups: tuple[str, ...]
    counts: tuple[tuple[int, ...], ...]

    def __repr__(self) -> str:
        return _display.short_repr(
            self,
            f"CrossTab of {self.question.id!r} by {self.by}",
            [(len(self.rows), "answers"), (len(self.groups), "groups")],
        )

    def count(self, answer: object, group: str) -> int:
        """How many in ``group`` gave ``answer``.

        Raises:
            UnknownNameError: no such answer or group.
        """
        if answer not in self.rows:
            raise UnknownNameError("answer", answer, choices=[str(r) for r in self.rows])
        if group not in self.groups:
            raise UnknownNameError("group", group, choices=self.groups)
        return self.counts[self.rows.index(answer)][self.groups.index(group)]

    def totals(self) -> tuple[int, ...]:
        """Each group's total over the rows."""
        return tuple(sum(col) for col in zip(*self.counts, strict=True)) if self.counts else ()


_BY = ("respondent-type", "channel")


class ResponseSet(_display.Displayable):
    """The responses to one consultation, checked against it, and the themes coded.

    Every response is checked as it is added: an answer to an unknown question, a
    choice a closed question does not offer, a number off the scale, a duplicate
    response id, a date outside the consultation window, a theme that is not in the
    catalogue, or a monitoring answer outside the categories raises an engagekit
    error naming the response and the field. The set is read-only; analysis methods
    count over it in one pass per question.

    Args:
        consultation: the consultation responded to.
        responses: the responses, in order.
        themes: the theme catalogue the free-text answers were coded with.

    Raises:
        InvalidValueError: a response that does not fit the consultation, or a
            repeated response or theme id.
        UnknownNameError: an unknown question or theme.

    Examples:
        >>> from engagekit.consultations import Consultation, Question
        >>> c = Consultation(title="Clinic hours", questions=[
        ...     Question(id="support", text="Do you agree?", kind="closed", choices=["Yes", "No"])])
        >>> from engagekit.consultations import ConsultationResponse as R
        >>> rs = ResponseSet(c, [R(id="1", channel="online", answers={"support": "Yes"}),
        ...                      R(id="2", channel="paper", answers={"support": "No"})])
        >>> rs, rs.results("support").as_dict()
        (<ResponseSet with 2 responses and 0 themes>, {'Yes': 1, 'No': 1})
        >>> ResponseSet(c, [R(id="1", channel="online", answers={"support": "Maybe"})])
        Traceback (most recent call last):
        ...
        engagekit.errors.InvalidValueError: ConsultationResponse '1'.answers['support']: 'Maybe' ...
    """

    __slots__ = (
        "__dict__",
        "_answers",
        "_channels",
        "_dates",
        "_ids",
        "_monitoring",
        "_tags",
        "_types",
        "consultation",
        "themes",
    )

    def __init__(
        self,
        consultation: Consultation,
        responses: Iterable[ConsultationResponse] = (),
        *,
        themes: Iterable[Theme] = (),
    ) -> None:
        if not isinstance(consultation, Consultation):
            raise InvalidTypeError(
                "ResponseSet.consultation", consultation, expected="a Consultation"
            )
        catalogue = _catalogue(themes)
        given_value: object = responses
        if isinstance(given_value, str | bytes) or not isinstance(given_value, Iterable):
            raise InvalidTypeError(
                "ResponseSet.responses", responses, expected="a list of ConsultationResponse"
            )
        given = tuple(responses)
        seen: set[str] = set()
        for response in given:
            if not isinstance(response, ConsultationResponse):
                raise InvalidTypeError(
                    "ResponseSet.responses", response, expected="a ConsultationResponse"
                )
            if response.id in seen:
                raise InvalidValueError(
                    "ResponseSet.responses", response.id, reason="duplicate response id"
                )
            seen.add(response.id)
            _check(response, consultation, catalogue)
        qids = [q.id for q in consultation.questions]
        self._fill(
            consultation,
            catalogue,
            ids=[r.id for r in given],
            dates=[r.date for r in given],
            channels=[r.channel for r in given],
            types=[r.respondent_type for r in given],
            answers={q: [r.answers.get(q) for r in given] for q in qids},
            tags={q: [r.themes.get(q, ()) for r in given] for q in qids},
            monitoring={c: [r.monitoring.get(c) for r in given] for c in ProtectedCharacteristic},
        )

    def _fill(
        self,
        consultation: Consultation,
        catalogue: Mapping[str, Theme],
        *,
        ids: Sequence[str],
        dates: Sequence[dt.date | None],
        channels: Sequence[Channel],
        types: Sequence[RespondentType],
        answers: Mapping[str, Sequence[Any]],
        tags: Mapping[str, Sequence[tuple[str, ...]]],
        monitoring: Mapping[ProtectedCharacteristic, Sequence[str | None]],
    ) -> None:
        # A tuple given is kept as it is (`tuple()` of a tuple copies nothing): the
        # CSV reader passes its columns so.
        self.consultation = consultation
        self.themes: tuple[Theme, ...] = tuple(catalogue.values())
        self._ids = tuple(ids)
        self._dates = tuple(dates)
        self._channels = tuple(channels)
        self._types = tuple(types)
        self._answers = {q: tuple(col) for q, col in answers.items()}
        self._tags = {q: tuple(col) for q, col in tags.items()}
        self._monitoring = {c: tuple(col) for c, col in monitoring.items()}

    @classmethod
    def _trusted(
        cls, consultation: Consultation, catalogue: Mapping[str, Theme], **columns: Any
    ) -> ResponseSet:
        """A set from columns already checked (by the CSV reader) (private)."""
        self = cls.__new__(cls)
        self._fill(consultation, catalogue, **columns)
        return self

    def merged_with(self, other: ResponseSet) -> ResponseSet:
        """This set followed by ``other``'s responses (the same consultation and theme
        catalogue), as when an online export and a paper transcription are read apart.

        Raises:
            InvalidValueError: another consultation or catalogue, or a repeated id.
        """
        if not isinstance(other, ResponseSet):
            raise InvalidTypeError("other", other, expected="a ResponseSet")
        if other.consultation != self.consultation:
            raise InvalidValueError("other", other, reason="answers another consultation")
        if other.themes != self.themes:
            raise InvalidValueError("other", other, reason="uses another theme catalogue")
        repeated = set(self._ids).intersection(other._ids)
        if repeated:
            raise InvalidValueError(
                "other", min(repeated), reason="duplicate response id in both sets"
            )
        return ResponseSet._trusted(
            self.consultation,
            {t.id: t for t in self.themes},
            ids=[*self._ids, *other._ids],
            dates=[*self._dates, *other._dates],
            channels=[*self._channels, *other._channels],
            types=[*self._types, *other._types],
            answers={q: [*col, *other._answers[q]] for q, col in self._answers.items()},
            tags={q: [*col, *other._tags[q]] for q, col in self._tags.items()},
            monitoring={c: [*col, *other._monitoring[c]] for c, col in self._monitoring.items()},
        )

    # --- the collection ----------------------------------------------------------

    def __len__(self) -> int:
        return len(self._ids)

    def __iter__(self) -> Iterator[ConsultationResponse]:
        return iter(self.responses)

    def __repr__(self) -> str:
        return _display.short_repr(
            self, "ResponseSet", [(len(self), "responses"), (len(self.themes), "themes")]
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ResponseSet):
            return NotImplemented
        return (
            self.consultation == other.consultation
            and self.themes == other.themes
            and self.responses == other.responses
        )

    __hash__ = None  # type: ignore[assignment]

    def to_records(self) -> list[_display.Record]:
        """One flat record for each response, in order: ``pandas.DataFrame(x.to_records())``.

        Unlike the tables of results, a response set's records are the responses
        themselves (its text and HTML show a summary). The columns: ``id``,
        ``channel``, ``respondent_type`` and ``date``; then for each question, in
        the consultation's order, ``answer: ID`` (a multiple choice joined by
        ``"; "``, `None` if unanswered) and, for a free-text question or one with
        themes coded, ``themes: ID`` (the theme ids, joined by ``"; "``); then
        ``monitoring: NAME`` for each protected characteristic (`None` where not
        asked or not answered).

        Examples:
            >>> from engagekit import examples
            >>> first = examples.oxfordshire_synthetic_responses().to_records()[0]
            >>> first["id"], first["channel"], first["answer: support"]
            ('TH-1001', 'online-consultation', 'Yes')
            >>> first["themes: comments"], first["monitoring: age"]
            ('online-reach; report-back', '75-and-over')
        """
        columns: list[tuple[str, tuple[Any, ...]]] = [
            ("id", self._ids),
            ("channel", self._channels),
            ("respondent_type", self._types),
            ("date", self._dates),
        ]
        for question in self.consultation.questions:
            columns.append((f"answer: {question.id}", self._answers[question.id]))
            tags = self._tags[question.id]
            if question.kind is QuestionKind.FREE_TEXT or any(tags):
                columns.append((f"themes: {question.id}", tags))
        columns.extend((f"monitoring: {c.value}", values) for c, values in self._monitoring.items())
        plain = _display.plain
        names = [name for name, _ in columns]
        return [
            dict(zip(names, (plain(v) if v != () else None for v in row), strict=True))
            for row in zip(*(values for _, values in columns), strict=True)
        ]

    @functools.cached_property
    def responses(self) -> tuple[ConsultationResponse, ...]:
        """The responses, as
        [`ConsultationResponse`][engagekit.consultations.ConsultationResponse] records."""
        out = []
        for i, rid in enumerate(self._ids):
            answers = {q: col[i] for q, col in self._answers.items() if col[i] is not None}
            tags = {q: col[i] for q, col in self._tags.items() if col[i]}
            monitoring = {c: col[i] for c, col in self._monitoring.items() if col[i] is not None}
            out.append(
                ConsultationResponse(
                    id=rid,
                    channel=self._channels[i],
                    respondent_type=self._types[i],
                    date=self._dates[i],
                    answers=answers,
                    themes=tags,
                    monitoring=monitoring,
                )
            )
        return tuple(out)

    @property
    def ids(self) -> tuple[str, ...]:
        """The response ids, in order."""
        return self._ids

    def response(self, response_id: str) -> ConsultationResponse:
        """The response with this id.

        Raises:
            UnknownNameError: naming the closest ids.
        """
        try:
            return self.responses[self._position[response_id]]
        except (KeyError, TypeError):
            raise UnknownNameError("response", response_id, choices=self._ids[:1000]) from None

    @functools.cached_property
    def _position(self) -> dict[str, int]:
        return {rid: i for i, rid in enumerate(self._ids)}

    def theme(self, theme_id: str) -> Theme:
        """The catalogue's theme with this id.

        Raises:
            UnknownNameError: naming the closest ids.
        """
        for theme in self.themes:
            if theme.id == theme_id:
                return theme
        raise UnknownNameError("theme", theme_id, choices=[t.id for t in self.themes])

    # --- who responded and how ---------------------------------------------------

    def profile(self, by: str | ProtectedCharacteristic) -> Tallies:
        """How many responded by channel, respondent type or monitoring category.

        Args:
            by: ``"channel"``, ``"respondent-type"`` or a protected characteristic;
                for a characteristic, those who left it blank count as ``not-answered``.

        Examples:
            >>> from engagekit import examples
            >>> rs = examples.oxfordshire_synthetic_responses()
            >>> rs.profile("channel").as_dict()
            {'online-consultation': 14, 'paper-form': 6, 'event': 4}
            >>> rs.profile("sexual orientation").count("prefer-not-to-say")
            4
        """
        values, order = self._grouping(by)
        counter = Counter(values)
        base = len(values)
        return _tallies(counter, order, base, f"respondents by {self._by_name(by)}")

    def _by_name(self, by: str | ProtectedCharacteristic) -> str:
        if isinstance(by, str) and by in _BY:
            return by
        return ProtectedCharacteristic(by).value

    def _grouping(
        self, by: str | ProtectedCharacteristic
    ) -> tuple[tuple[str, ...], tuple[str, ...]]:
        if by == "channel":
            used = set(self._channels)
            order = [c for c in Channel if c in used or c in self.consultation.channels]
            return tuple(c.value for c in self._channels), tuple(c.value for c in order)
        if by == "respondent-type":
            used_types = set(self._types)
            order_types = [
                t
                for t in RespondentType
                if t in used_types or t in self.consultation.respondent_types
            ]
            return tuple(t.value for t in self._types), tuple(t.value for t in order_types)
        if not isinstance(by, str | ProtectedCharacteristic):
            raise InvalidTypeError(
                "by", by, expected="'channel', 'respondent-type' or a characteristic"
            )
        try:
            characteristic = ProtectedCharacteristic(by)
        except ValueError:
            raise InvalidValueError(
                "by",
                by,
                reason="group by 'channel', 'respondent-type' or a protected characteristic",
            ) from None
        from engagekit.consultations._monitoring import monitoring_scheme

        scheme = monitoring_scheme(characteristic)
        column = self._monitoring[characteristic]
        return (
            tuple("not-answered" if v is None else v for v in column),
            (*scheme.ids, "not-answered"),
        )

    # --- results per question ----------------------------------------------------

    def _column(self, question_id: str) -> tuple[Question, tuple[Any, ...]]:
        question = self.consultation.question(question_id)
        return question, self._answers[question.id]

    def answered(self, question_id: str) -> int:
        """How many responses answered a question."""
        _, column = self._column(question_id)
        return len(column) - column.count(None)

    def results(self, question_id: str) -> Tallies:
        """The counts and shares of each answer to a closed, multiple-choice or scale
        question; the share is of those who answered it (for multiple choice the
        shares add up to more than 1).

        Raises:
            UnknownNameError: no such question.
            InvalidValueError: a free-text question (count its themes instead).
        """
        question, column = self._column(question_id)
        if question.kind is QuestionKind.FREE_TEXT:
            raise InvalidValueError(
                "question", question_id, reason="is a free-text question: use theme_counts"
            )
        counter = _count(question, column)
        base = len(column) - column.count(None)
        return _tallies(counter, question.values, base, question.text)

    def all_results(self) -> dict[str, Tallies]:
        """`results` for every closed, multiple-choice and scale question, by id."""
        return {
            q.id: self.results(q.id)
            for q in self.consultation.questions
            if q.kind is not QuestionKind.FREE_TEXT
        }

    def crosstab(self, question_id: str, *, by: str | ProtectedCharacteristic) -> CrossTab:
        """A closed or scale question's answers by channel, respondent type or characteristic.

        A multiple-choice answer counts once under each choice made.
        """
        question, column = self._column(question_id)
        if question.kind is QuestionKind.FREE_TEXT:
            raise InvalidValueError(
                "question", question_id, reason="is a free-text question: use theme_counts"
            )
        groups, order = self._grouping(by)
        if question.kind is QuestionKind.MULTIPLE_CHOICE:
            pairs: Counter[tuple[Any, str]] = Counter(
                (choice, g) for a, g in zip(column, groups, strict=True) if a for choice in a
            )
        else:
            pairs = Counter(zip(column, groups, strict=True))
        seen_groups = {g for _, g in pairs}
        used = tuple(g for g in order if g in seen_groups)
        rows = question.values
        return CrossTab(
            question=question,
            by=self._by_name(by),
            rows=rows,
            groups=used,
            counts=tuple(tuple(pairs.get((r, g), 0) for g in used) for r in rows),
        )

    # --- themes -------------------------------------------------------------------

    def respondents_by_theme(self) -> dict[str, tuple[str, ...]]:
        """The ids of the responses that raised each theme (on any question), in the
        catalogue's order; a theme nobody raised maps to ``()``."""
        raised: dict[str, dict[str, None]] = {t.id: {} for t in self.themes}
        for column in self._tags.values():
            for rid, tagged in zip(self._ids, column, strict=True):
                for theme in tagged:
                    raised[theme][rid] = None
        return {t: tuple(ids) for t, ids in raised.items()}

    def theme_counts(self, question_id: str | None = None) -> Tallies:
        """How many responses raised each theme: on one question, or on any.

        On one question the shares are of those who answered it, as the results of a
        closed question are (and as a response report shows them); on any question,
        of every response.

        Args:
            question_id: count the themes tagged on this question only.

        Examples:
            >>> from engagekit import examples
            >>> rs = examples.oxfordshire_synthetic_responses()
            >>> rs.theme_counts("measure").count("report-back")
            11
            >>> rs.theme_counts("measure").base, rs.answered("measure")
            (16, 16)
        """
        columns = self._theme_columns(question_id)
        counter: Counter[str] = Counter()
        if columns:
            for cells in zip(*columns, strict=True):
                counter.update(set(itertools.chain.from_iterable(cells)))
        base = len(self) if question_id is None else self.answered(question_id)
        return _tallies(
            counter, [t.id for t in self.themes], base, "respondents raising each theme"
        )

    def _theme_columns(self, question_id: str | None) -> list[tuple[tuple[str, ...], ...]]:
        if question_id is None:
            return list(self._tags.values())
        return [self._tags[self.consultation.question(question_id).id]]

    def theme_counts_by(self, by: str, question_id: str | None = None) -> dict[object, Tallies]:
        """`theme_counts` for each option of a closed or scale question: the themes
        raised by those who chose it (shares of those who chose it).

        Args:
            by: the id of a closed, multiple-choice or scale question.
            question_id: count the themes tagged on this question only.

        Raises:
            InvalidValueError: ``by`` is a free-text question.

        Examples:
            >>> from engagekit import examples
            >>> rs = examples.oxfordshire_synthetic_responses()
            >>> rs.theme_counts_by("support", "measure")["No"].count("report-back")
            4
        """
        columns = self._theme_columns(question_id)
        question, answers = self._column(by)
        if question.kind is QuestionKind.FREE_TEXT:
            raise InvalidValueError("by", by, reason="is a free-text question")
        per: dict[object, Counter[str]] = {v: Counter() for v in question.values}
        bases: Counter[object] = Counter()
        for answer, *cells in zip(answers, *columns, strict=True):
            if answer is None:
                continue
            raised = set(itertools.chain.from_iterable(cells))
            for choice in answer if isinstance(answer, tuple) else (answer,):
                bases[choice] += 1
                per[choice].update(raised)
        order = [t.id for t in self.themes]
        return {
            v: _tallies(per[v], order, bases[v], f"themes raised by those answering {v!r}")
            for v in question.values
        }


def _count(question: Question, column: tuple[Any, ...]) -> Counter[Any]:
    if question.kind is QuestionKind.MULTIPLE_CHOICE:
        counter: Counter[Any] = Counter(itertools.chain.from_iterable(a for a in column if a))
    else:
        counter = Counter(column)
        counter.pop(None, None)
    return counter


def _catalogue(themes: Iterable[Theme]) -> dict[str, Theme]:
    given: object = themes
    if isinstance(given, str | bytes) or not isinstance(given, Iterable):
        raise InvalidTypeError("ResponseSet.themes", themes, expected="a list of Theme")
    catalogue: dict[str, Theme] = {}
    for theme in themes:
        if not isinstance(theme, Theme):
            raise InvalidTypeError("ResponseSet.themes", theme, expected="a Theme")
        if theme.id in catalogue:
            raise InvalidValueError("ResponseSet.themes", theme.id, reason="duplicate theme id")
        catalogue[theme.id] = theme
    return catalogue


# engagekit.io reads these types through hooks of their own (see engagekit._lazy).
_lazy.io_hooks(__name__)
