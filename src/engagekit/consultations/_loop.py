"""Closing the loop on a consultation: theme → you said → decision → action → evidence (private)."""

from __future__ import annotations

import datetime as dt
import functools

from collections import Counter
from typing import ClassVar

import attrs

from engagekit import _display, _validate, _value
from engagekit.consultations._responses import ResponseSet, Theme
from engagekit.errors import InvalidValueError
from engagekit.plans._feedback import (
    FeedbackItem,
    FeedbackLoop,
    FeedbackOutcome,
    Lineage,
    LoopMetrics,
    Response,
)
from engagekit.plans._kinds import ChangeStatus, Channel


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class ThemeStatus:
    """One theme of a consultation and what was done about it.

    Attributes:
        theme: the theme.
        respondents: how many responses raised it.
        responses: the "you said, we did" records that answer it.
        decisions: the ids of the decisions it informed.
        actions: the ids of the plan actions it started or fed.
        evidence: the ids of the evidence showing the outcome.

    Examples:
        >>> from engagekit import examples
        >>> examples.oxfordshire_synthetic_loop().status()[0]
        <ThemeStatus 'report-back' with 13 respondents and 1 answer>
    """

    theme: Theme
    respondents: int
    responses: tuple[Response, ...]
    decisions: tuple[str, ...]
    actions: tuple[str, ...]
    evidence: tuple[str, ...]

    def __repr__(self) -> str:
        counts = [(self.respondents, "respondents"), (len(self.responses), "answers")]
        return _display.short_repr(self, f"ThemeStatus {_display.quoted(self.theme.id)}", counts)

    @property
    def answered(self) -> bool:
        """Whether a "you said, we did" record answers it."""
        return bool(self.responses)

    @property
    def change(self) -> ChangeStatus:
        """The furthest change its answers made (none, planned or made)."""
        made = {r.change for r in self.responses}
        for status in (ChangeStatus.MADE, ChangeStatus.PLANNED):
            if status in made:
                return status
        return ChangeStatus.NONE


class ThemeStatuses(_display.Listing[ThemeStatus]):
    """Themes with their respondents and answers, most raised first.

    Examples:
        >>> from engagekit import examples
        >>> loop = examples.oxfordshire_synthetic_loop()
        >>> loop.unanswered(min_respondents=10)
        <ThemeStatuses with 1 theme>
    """

    __slots__ = ()
    noun: ClassVar[str] = "themes"
    columns: ClassVar[tuple[str, ...]] = (
        "theme",
        "respondents",
        "we did",
        "change",
        "decisions",
        "actions",
    )

    def row(self, item: ThemeStatus) -> tuple[object, ...]:
        return (
            item.theme.title,
            item.respondents,
            "; ".join(r.text for r in item.responses),
            item.change,
            ", ".join(item.decisions),
            ", ".join(item.actions),
        )


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class ClosureMetrics(_display.Tabular):
    """How far the loop is closed on a consultation, as of a date.

    Attributes:
        themes: themes raised by at least one response received by the date (dated on
            or before it, or undated).
        answered: of those, themes answered by a "you said, we did" on or before the date.
        closure_rate: ``answered / themes`` (``None`` without themes).
        respondents: responses received by the date that raised at least one theme.
        heard: of those, responses every one of whose themes was answered.
        heard_rate: ``heard / respondents`` (``None`` without them).
        decisions: the decisions the answered themes informed.
        loop: the feedback loop's own metrics over the themes (change rate,
            median days from the close to the answer).
    """

    themes: int
    answered: int
    closure_rate: float | None
    respondents: int
    heard: int
    heard_rate: float | None
    decisions: tuple[str, ...]
    loop: LoopMetrics

    def __repr__(self) -> str:
        themes = _display.counted(self.themes, "themes")
        respondents = _display.counted(self.respondents, "respondents")
        return (
            f"<ClosureMetrics {self.answered} of {themes} answered, "
            f"{self.heard} of {respondents} heard>"
        )

    def _repr_html_(self) -> str:
        return _display.html(self)


def _said_date(responses: ResponseSet) -> dt.date:
    if responses.consultation.end is not None:
        return responses.consultation.end
    dates = [d for d in responses._dates if d is not None]  # noqa: SLF001
    if dates:
        return max(dates)
    raise InvalidValueError(
        "ConsultationLoop.responses",
        responses.consultation.title or "consultation",
        reason="neither the consultation's closing date nor any response date is known: "
        "the loop needs a date for what people said",
    )


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class ConsultationLoop(_display.Displayable, _display.Tabular):
    """A consultation's themes answered by "you said, we did" records, linked on to
    the decisions they informed, the actions taken and the evidence of outcomes.

    Each theme raised by a response becomes one "you said" item of a
    [`FeedbackLoop`][engagekit.plans.FeedbackLoop] (its id is the theme's id, dated the
    day the consultation closed); each answer is an
    [`engagekit.plans.Response`][engagekit.plans.Response] whose ``feedback`` names
    the themes it answers, with the ``decision`` and ``action`` it fed; each outcome
    a [`FeedbackOutcome`][engagekit.plans.FeedbackOutcome] with its evidence. So the
    lineage runs response → theme → you said → decision → action → evidence.
    It shows, and `to_records()` gives, the table of its `status()`.

    Attributes:
        responses: the consultation's responses and theme catalogue.
        answers: the "you said, we did" records; ``feedback`` lists theme ids.
        outcomes: what came of the answers, with the ids of their evidence.

    Raises:
        UnknownNameError: an answer names a theme no response raised.
        InvalidValueError: an answer dated before the consultation closed.

    Examples:
        >>> from engagekit import examples
        >>> loop = examples.oxfordshire_synthetic_loop()
        >>> loop
        <ConsultationLoop with 5 themes, 3 answers and 1 outcome>
        >>> [(t.theme.id, t.respondents) for t in loop.unanswered(min_respondents=5)]
        [('online-reach', 11), ('plain-language', 9)]
        >>> m = loop.metrics("2015-12-31")
        >>> m
        <ClosureMetrics 3 of 5 themes answered, 9 of 24 respondents heard>
        >>> m.themes, m.answered, m.heard, m.respondents
        (5, 3, 9, 24)
    """

    responses: ResponseSet = attrs.field(validator=_validate.instance_of(ResponseSet), hash=False)
    answers: tuple[Response, ...] = attrs.field(
        default=(), converter=_validate.to_tuple, validator=_validate.each(Response)
    )
    outcomes: tuple[FeedbackOutcome, ...] = attrs.field(
        default=(), converter=_validate.to_tuple, validator=_validate.each(FeedbackOutcome)
    )

    def __attrs_post_init__(self) -> None:
        # Building the feedback loop checks every answer and outcome.
        _ = self.feedback_loop

    def __repr__(self) -> str:
        return _display.short_repr(
            self,
            "ConsultationLoop",
            [
                (len(self.feedback_loop.items), "themes"),
                (len(self.answers), "answers"),
                (len(self.outcomes), "outcomes"),
            ],
        )

    @functools.cached_property
    def _raised(self) -> dict[str, tuple[str, ...]]:
        return self.responses.respondents_by_theme()

    @functools.cached_property
    def feedback_loop(self) -> FeedbackLoop:
        """The plans feedback loop the themes, answers and outcomes make."""
        raised = self._raised
        channels = self.responses._channels  # noqa: SLF001
        position = self.responses._position  # noqa: SLF001
        consultation = self.responses.consultation
        day = _said_date(self.responses)
        items = []
        for theme in self.responses.themes:
            ids = raised[theme.id]
            if not ids:
                continue
            used = Counter(channels[position[rid]] for rid in ids)
            channel = max(Channel, key=lambda c: (used.get(c, 0), -list(Channel).index(c)))
            items.append(
                FeedbackItem(
                    id=theme.id,
                    date=day,
                    channel=channel,
                    text=theme.title,
                    theme=theme.id,
                    kind=theme.kind,
                    asked=consultation.id or consultation.title,
                )
            )
        return FeedbackLoop(items=items, responses=self.answers, outcomes=self.outcomes)

    # --- queries -----------------------------------------------------------------

    def status(self) -> ThemeStatuses:
        """Every theme raised, most raised first (then in catalogue order), with its answers."""
        raised = self._raised
        loop = self.feedback_loop
        found = []
        for theme in self.responses.themes:
            if not raised[theme.id]:
                continue
            lineage = loop.trace(theme.id)
            found.append(
                ThemeStatus(
                    theme=theme,
                    respondents=len(raised[theme.id]),
                    responses=lineage.responses,
                    decisions=lineage.decisions,
                    actions=lineage.actions,
                    evidence=lineage.evidence,
                )
            )
        order = {t.id: n for n, t in enumerate(self.responses.themes)}
        found.sort(key=lambda s: (-s.respondents, order[s.theme.id]))
        return ThemeStatuses(found)

    def unanswered(
        self, *, min_respondents: int = 1, as_of: dt.date | str | None = None
    ) -> ThemeStatuses:
        """Themes raised by at least ``min_respondents`` responses that no "you said,
        we did" answers (on or before ``as_of``, when given), most raised first."""
        least = _validate.as_int("min_respondents", min_respondents)
        day = None if as_of is None else _validate.as_date("as_of", as_of)
        return ThemeStatuses(
            s
            for s in self.status()
            if s.respondents >= least and not any(day is None or r.date <= day for r in s.responses)
        )

    def trace(self, response_id: str) -> tuple[Lineage, ...]:
        """What happened to what one respondent said: for each theme their answers
        were tagged with, its lineage (you said → we did → decision → action →
        outcome → evidence), in catalogue order.

        Raises:
            UnknownNameError: no such response.
        """
        response = self.responses.response(response_id)
        tagged = {t for ids in response.themes.values() for t in ids}
        return tuple(
            self.feedback_loop.trace(t.id) for t in self.responses.themes if t.id in tagged
        )

    def informed(self, decision_id: str) -> tuple[Theme, ...]:
        """The themes whose answers name this decision, in catalogue order.

        Raises:
            UnknownNameError: no answer names this decision.
        """
        ids = {item.id for item in self.feedback_loop.informed(decision_id)}
        return tuple(t for t in self.responses.themes if t.id in ids)

    def metrics(self, as_of: dt.date | str) -> ClosureMetrics:
        """How far the loop is closed on ``as_of``: answers after it do not count, nor
        do responses dated after it (an undated response always counts).

        Examples:
            >>> from engagekit import examples
            >>> loop = examples.oxfordshire_synthetic_loop()
            >>> loop.metrics("2015-01-31").respondents, loop.metrics("2015-12-31").respondents
            (11, 24)
        """
        day = _validate.as_date("as_of", as_of)
        dates = self.responses._dates  # noqa: SLF001
        position = self.responses._position  # noqa: SLF001
        answered_by: dict[str, list[Response]] = {}
        for answer in self.answers:
            if answer.date <= day:
                for theme in answer.feedback:
                    answered_by.setdefault(theme, []).append(answer)
        raised: dict[str, list[str]] = {}
        for theme, ids in self._raised.items():
            said = [rid for rid in ids if (when := dates[position[rid]]) is None or when <= day]
            if said:  # a response received after the date had not raised it yet
                raised[theme] = said
        answered = [t for t in raised if t in answered_by]
        themes_of: dict[str, set[str]] = {}
        for theme, said_ids in raised.items():
            for rid in said_ids:
                themes_of.setdefault(rid, set()).add(theme)
        heard = sum(1 for ts in themes_of.values() if all(t in answered_by for t in ts))
        decisions = tuple(
            dict.fromkeys(
                a.decision for t in answered for a in answered_by[t] if a.decision is not None
            )
        )
        return ClosureMetrics(
            themes=len(raised),
            answered=len(answered),
            closure_rate=len(answered) / len(raised) if raised else None,
            respondents=len(themes_of),
            heard=heard,
            heard_rate=heard / len(themes_of) if themes_of else None,
            decisions=decisions,
            loop=self.feedback_loop.metrics(day),
        )
