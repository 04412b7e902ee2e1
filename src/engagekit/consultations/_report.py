"""The consultation response report (private).

What Oxfordshire's action 15 asks for after each consultation (the responses
analysed, and how they will inform the project) and action 21 closes ("You said, we
did": how the feedback was used): who responded and how, the results per question,
the themes with counts and quotes the user chose, who is missing against a
population baseline, and what was done about each theme.
"""

from __future__ import annotations

import datetime as dt

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import attrs

from engagekit import _display, _validate, _value
from engagekit.consultations._consultation import QuestionKind, RespondentType
from engagekit.consultations._loop import ClosureMetrics, ConsultationLoop, ThemeStatuses
from engagekit.consultations._monitoring import PREFER_NOT_TO_SAY, monitoring_scheme
from engagekit.consultations._responses import ResponseSet, Tallies
from engagekit.disclosure import MARK, SUPPRESS_BELOW, CountTable, Disclosure, OneWay, protect
from engagekit.duties.equality import (
    ProtectedCharacteristic,
    RepresentationReport,
    representation,
)
from engagekit.errors import InvalidTypeError, InvalidValueError
from engagekit.plans._kinds import Channel


if TYPE_CHECKING:
    from engagekit.evidence import Evidence


@attrs.frozen(kw_only=True)
@_value.shared_methods
class Quote:
    """A free-text answer the report quotes for a theme, as the user chose it.

    Attributes:
        theme: the theme's id.
        response: the id of the response quoted.
        question: the free-text question whose answer is quoted.
        text: the answer, word for word.
    """

    theme: str
    response: str
    question: str
    text: str


@attrs.frozen(kw_only=True, repr=False, eq=False)
class ResponseReport(_display.Displayable, _display.Tabular):
    """A consultation response report: who responded, what they said, what was done.

    Render it with `str()` (Markdown), `engagekit.render.markdown` or
    `engagekit.render.html`. Every count it shows goes through
    `engagekit.disclosure.protect`, all the report's
    tables together (`disclosure`): counts from 1 to ``suppress_below - 1`` are
    hidden, and enough others that no hidden count can be worked out from the rest.

    `to_records()` gives one record per row of the report's tables of responses (who
    responded by channel and as what, each question's answers or themes, who raised
    a theme): the heading it is under (`section`), the table's first column
    (`table`), the `category`, its `responses` and its `share`, each ``None`` where
    the report hides it. The representation table and the "You said, we did" table
    have columns of their own: ``representation.to_records()`` and
    ``loop.to_records()`` give them (before this report's own hiding).

    Attributes:
        responses: the responses reported on.
        as_of: the date the report is made (the loop's state on that day).
        profile: respondents by channel and by respondent type.
        answered: how many responses answered each question, by question id.
        results: per closed, multiple-choice and scale question, its tallies.
        themes: per free-text question, the themes raised.
        quotes: the quotes chosen for each theme.
        participants: respondents by characteristic (of the baseline) and category
            label, with those who preferred not to say, answered "other" without a
            population figure, or left it blank.
        population: the baseline by characteristic and category label.
        representation: respondents against the baseline, from
            [`representation`][engagekit.duties.equality.representation] (confidence
            intervals, under-representation, its own disclosure control), or ``None``
            without a baseline.
        loop: what was done about each theme (``None`` without a loop).
        closure: how far the loop is closed (``None`` without a loop).
        suppress_below: the smallest count shown (other than zero).
    """

    responses: ResponseSet
    as_of: dt.date
    profile: Mapping[str, Tallies]
    answered: Mapping[str, int]
    results: Mapping[str, Tallies]
    themes: Mapping[str, Tallies]
    quotes: tuple[Quote, ...]
    participants: Mapping[ProtectedCharacteristic, Mapping[str, int]]
    population: Mapping[ProtectedCharacteristic, Mapping[str, float]]
    representation: RepresentationReport | None
    loop: ThemeStatuses | None
    closure: ClosureMetrics | None
    suppress_below: int

    def tables(self) -> tuple[OneWay, ...]:
        """Every counts table the report shows, before disclosure control, in order.

        Examples:
            >>> from engagekit import examples
            >>> [t.name for t in examples.oxfordshire_synthetic_report().tables()][:3]
            ['Channel', 'Responding as', 'Answered']
        """
        return _tables(self)

    def disclosure(self) -> Disclosure:
        """The report's tables after disclosure control, protected together.

        Examples:
            >>> from engagekit import examples
            >>> shown = examples.oxfordshire_synthetic_report().disclosure()
            >>> shown[0].counts, shown[0].total
            ((14, 6, None), None)
        """
        return protect(self.tables(), suppress_below=self.suppress_below)

    def __repr__(self) -> str:
        title = self.responses.consultation.title or "consultation"
        return _display.short_repr(
            self,
            f"ResponseReport on {title!r}",
            [(len(self.responses), "responses"), (len(self.responses.themes), "themes")],
        )

    def evidence(
        self, evidence_id: str, *, date: dt.date | str | None = None, link: str | None = None
    ) -> Evidence:
        """This report as the [`Evidence`][engagekit.evidence.Evidence] a decision cites.

        Args:
            evidence_id: the evidence id.
            date: when it was published (the report's ``as_of`` by default).
            link: where it is published.

        Examples:
            >>> from engagekit import examples
            >>> report = examples.oxfordshire_synthetic_report()
            >>> ev = report.evidence("occg-response-report", link="https://example.org/report")
            >>> ev.kind.value, ev.count
            ('consultation-report', 24)
        """
        # imported here: most reports are read, not cited, and evidence is a large module
        from engagekit.evidence import Evidence, EvidenceKind

        day = self.as_of if date is None else _validate.as_date("date", date)
        title = self.responses.consultation.title or "the consultation"
        return Evidence(
            id=evidence_id,
            kind=EvidenceKind.CONSULTATION_REPORT,
            what=f"Consultation response report on {title}: {len(self.responses)} responses "
            "analysed, with the themes raised and what was done about each",
            date=day,
            link=link,
            count=len(self.responses),
        )

    def chart(self, question_id: str, ax: Any = None) -> Any:
        """A bar chart of one question's results (hidden counts are left out and
        labelled); returns the matplotlib ``Axes``. Needs the ``plot`` extra.

        Raises:
            InvalidValueError: matplotlib is not installed, or the question is free text.
            UnknownNameError: no such question.
        """
        try:
            import matplotlib.pyplot as plt
        except ImportError:
            raise InvalidValueError(
                "chart", "matplotlib", reason="needs matplotlib: pip install 'engagekit[plot]'"
            ) from None
        question = self.responses.consultation.question(question_id)
        names = [t.name for t in self.tables()]
        name = _question_table(question.id)
        if name not in names:
            raise InvalidValueError(
                "question", question_id, reason="is a free-text question: it has no chart"
            )
        table = self.disclosure()[names.index(name)]
        if not isinstance(table, CountTable):  # pragma: no cover  (the tables are one-way)
            raise InvalidTypeError("table", table, expected="a CountTable")
        if ax is None:
            _, ax = plt.subplots(figsize=(8, 0.5 + 0.4 * len(table.categories)))
        values = [n or 0 for n in table.counts]
        ax.barh(list(table.categories), values)
        for index, count in enumerate(table.counts):
            label = MARK if count is None else str(count)
            ax.annotate(
                label,
                (values[index], index),
                xytext=(3, 0),
                textcoords="offset points",
                va="center",
            )
        ax.invert_yaxis()
        ax.set_title(self.responses.consultation.question(question_id).text, fontsize=10)
        return ax


def _quotes(responses: ResponseSet, chosen: Mapping[str, Any]) -> tuple[Quote, ...]:
    if not isinstance(chosen, Mapping):
        raise InvalidTypeError("quotes", chosen, expected="a mapping of theme id to response ids")
    out = []
    for theme_id, ids in chosen.items():
        responses.theme(theme_id)
        if isinstance(ids, str) or not isinstance(ids, list | tuple):
            raise InvalidTypeError(f"quotes[{theme_id!r}]", ids, expected="a list of response ids")
        for rid in ids:
            response = responses.response(rid)
            tagged = [q for q, themes in response.themes.items() if theme_id in themes]
            if not tagged:
                raise InvalidValueError(
                    f"quotes[{theme_id!r}]",
                    rid,
                    reason=f"response {rid!r} has no answer tagged with theme {theme_id!r}",
                )
            for qid in tagged:
                out.append(
                    Quote(
                        theme=theme_id, response=rid, question=qid, text=str(response.answers[qid])
                    )
                )
    return tuple(out)


#: The monitoring answers that state no category: shares are of those who stated one.
NOT_ANSWERED = "Not answered"


def _question_table(question_id: str) -> str:
    return f"Question {question_id}"


def _tables(report: ResponseReport) -> tuple[OneWay, ...]:
    c = report.responses.consultation
    titles = {t.id: t.title for t in report.responses.themes}
    tables = [
        # The profiles count choices' values ("online-consultation"); a report shows
        # their labels ("online consultation"), as it shows monitoring categories.
        OneWay(
            name="Channel",
            counts={Channel(t.value).label: t.count for t in report.profile["channel"]},
        ),
        OneWay(
            name="Responding as",
            counts={
                RespondentType(t.value).label: t.count for t in report.profile["respondent-type"]
            },
        ),
        OneWay(name="Answered", counts=dict(report.answered)),
    ]
    if report.closure is not None and report.closure.respondents:
        m = report.closure
        tables.append(
            OneWay(
                name="Respondents who raised a theme",
                counts={
                    "every theme answered": m.heard,
                    "a theme not answered": m.respondents - m.heard,
                },
            )
        )
    for q in c.questions:
        if q.id in report.results:
            tables.append(
                OneWay(
                    name=_question_table(q.id),
                    counts={str(t.value): t.count for t in report.results[q.id]},
                )
            )
        elif q.id in report.themes:
            raised = {titles[str(t.value)]: t.count for t in report.themes[q.id] if t.count}
            if raised:
                tables.append(OneWay(name=f"Themes of question {q.id}", counts=raised))
    # Built as `representation` builds its own, so that the same counts share keys.
    for characteristic, counts in report.participants.items():
        base = report.population[characteristic]
        others = [c for c in counts if c not in base]
        ordered = {c: counts.get(c, 0) for c in base} | {c: counts[c] for c in others}
        tables.append(OneWay(name=characteristic.label, counts=ordered, not_stated=others))
    if report.loop is not None:
        tables.append(
            OneWay(name="Themes raised", counts={s.theme.title: s.respondents for s in report.loop})
        )
    return tuple(tables)


def _baseline(
    responses: ResponseSet, baseline: Mapping[Any, Mapping[str, float]]
) -> tuple[
    dict[ProtectedCharacteristic, dict[str, int]], dict[ProtectedCharacteristic, dict[str, float]]
]:
    """Respondents and population by characteristic and category label (private)."""
    if not isinstance(baseline, Mapping):
        raise InvalidTypeError(
            "baseline", baseline, expected="a mapping of characteristic to shares"
        )
    participants: dict[ProtectedCharacteristic, dict[str, int]] = {}
    population: dict[ProtectedCharacteristic, dict[str, float]] = {}
    for key, shares in baseline.items():
        characteristic = ProtectedCharacteristic(key)
        scheme = monitoring_scheme(characteristic)
        if not isinstance(shares, Mapping):
            raise InvalidTypeError(
                f"baseline[{key!r}]", shares, expected="a mapping of category to share"
            )
        figures: dict[str, float] = {}
        for category, share in shares.items():
            where = f"baseline[{key!r}][{category!r}]"
            found = scheme.parse(category, field=where)
            if found == PREFER_NOT_TO_SAY:
                raise InvalidValueError(
                    where, category, reason="a population has no share that preferred not to say"
                )
            given: object = share
            if isinstance(given, bool) or not isinstance(given, int | float) or given < 0:
                raise InvalidValueError(where, share, reason="must be a share or count ≥ 0")
            figures[scheme.label(found)] = float(given)
        population[characteristic] = figures
        counts: dict[str, int] = {}
        for tally in responses.profile(characteristic):
            label = (
                NOT_ANSWERED if tally.value == "not-answered" else scheme.label(str(tally.value))
            )
            if tally.count or label in figures:
                counts[label] = tally.count
        participants[characteristic] = counts
    return participants, population


def response_report(
    responses: ResponseSet,
    *,
    as_of: dt.date | str,
    loop: ConsultationLoop | None = None,
    baseline: Mapping[Any, Mapping[str, float]] | None = None,
    quotes: Mapping[str, Any] | None = None,
    suppress_below: int = SUPPRESS_BELOW,
    confidence: float = 0.95,
) -> ResponseReport:
    """Build the response report of a consultation (Oxfordshire's action 15).

    Args:
        responses: the responses and the theme catalogue.
        as_of: the date of the report.
        loop: the "you said, we did" loop on the themes, for what was done.
        baseline: population shares (or counts) by characteristic, then by
            monitoring category (census shares for the area), for who is missing.
        quotes: theme id → the ids of the responses whose tagged answers to quote.
        suppress_below: the smallest count shown (other than zero).
        confidence: the confidence level of each representation interval.

    Raises:
        InvalidValueError: a quote from a response not tagged with the theme, a
            loop over other responses, or a baseline share that is negative or a
            category outside the monitoring categories.
        UnknownNameError: an unknown theme or response.

    Examples:
        >>> from engagekit import examples
        >>> report = examples.oxfordshire_synthetic_report()
        >>> report
        <ResponseReport on 'Patient and Public ...' with 24 responses and 6 themes>
        >>> report.closure.closure_rate
        0.6
        >>> response_report(report.responses, as_of="2015-06-01", baseline={"sex": {"nb": 1}})
        Traceback (most recent call last):
        ...
        engagekit.errors.UnknownChoiceError: baseline['sex']['nb']: 'nb' is not allowed; ...
    """
    if not isinstance(responses, ResponseSet):
        raise InvalidTypeError("responses", responses, expected="a ResponseSet")
    day = _validate.as_date("as_of", as_of)
    least = _validate.as_int("suppress_below", suppress_below)
    if least < 1:
        raise InvalidValueError("suppress_below", least, reason="must be a whole number ≥ 1")
    if loop is not None:
        if not isinstance(loop, ConsultationLoop):
            raise InvalidTypeError("loop", loop, expected="a ConsultationLoop")
        if loop.responses is not responses and loop.responses != responses:
            raise InvalidValueError("loop", loop, reason="is a loop over other responses")
    free = [q for q in responses.consultation.questions if q.kind is QuestionKind.FREE_TEXT]
    participants, population = ({}, {}) if baseline is None else _baseline(responses, baseline)
    rep = None
    if participants:
        rep = representation(
            participants,
            population,
            suppress_below=least,
            confidence=confidence,
            not_stated=[
                c for k, counts in participants.items() for c in counts if c not in population[k]
            ],
        )
    return ResponseReport(
        responses=responses,
        as_of=day,
        profile={by: responses.profile(by) for by in ("channel", "respondent-type")},
        answered={q.id: responses.answered(q.id) for q in responses.consultation.questions},
        results=responses.all_results(),
        themes={q.id: responses.theme_counts(q.id) for q in free},
        quotes=_quotes(responses, quotes or {}),
        participants=participants,
        population=population,
        representation=rep,
        loop=None if loop is None else loop.status(),
        closure=None if loop is None else loop.metrics(day),
        suppress_below=least,
    )
