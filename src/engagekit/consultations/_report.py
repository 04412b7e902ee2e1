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
from typing import Any

import attrs

from engagekit import _display, _validate
from engagekit.consultations._consultation import QuestionKind
from engagekit.consultations._loop import ClosureMetrics, ConsultationLoop, ThemeStatuses
from engagekit.consultations._responses import ResponseSet, Tallies
from engagekit.duties.equality import ProtectedCharacteristic, RepresentationReport, representation
from engagekit.errors import InvalidTypeError, InvalidValueError
from engagekit.evidence import Evidence, EvidenceKind


@attrs.frozen(kw_only=True)
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
class ResponseReport(_display.Displayable):
    """A consultation response report: who responded, what they said, what was done.

    Render it with `str()` (Markdown), `engagekit.render.markdown` or
    `engagekit.render.html`; every count it shows goes through one disclosure
    control (counts from 1 to ``suppress_below - 1`` are hidden, with a
    complementary cell where one alone would be derivable).

    Attributes:
        responses: the responses reported on.
        as_of: the date the report is made (the loop's state on that day).
        profile: respondents by channel and by respondent type.
        results: per closed, multiple-choice and scale question, its tallies.
        themes: per free-text question, the themes raised.
        quotes: the quotes chosen for each theme.
        representation: respondents against the population baseline, if one was given.
        not_stated: per characteristic, how many preferred not to say or left it blank.
        loop: what was done about each theme (``None`` without a loop).
        closure: how far the loop is closed (``None`` without a loop).
        suppress_below: the smallest count shown (other than zero).
    """

    responses: ResponseSet
    as_of: dt.date
    profile: Mapping[str, Tallies]
    results: Mapping[str, Tallies]
    themes: Mapping[str, Tallies]
    quotes: tuple[Quote, ...]
    representation: RepresentationReport | None
    not_stated: Mapping[ProtectedCharacteristic, int]
    loop: ThemeStatuses | None
    closure: ClosureMetrics | None
    suppress_below: int

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
        tallies = self.responses.results(question_id)
        from engagekit.consultations._disclose import HIDDEN, shown

        cells = shown([t.count for t in tallies], suppress_below=self.suppress_below)
        if ax is None:
            _, ax = plt.subplots(figsize=(8, 0.5 + 0.4 * len(tallies)))
        labels = [str(t.value) for t in tallies]
        values = [0 if c == HIDDEN else t.count for t, c in zip(tallies, cells, strict=True)]
        ax.barh(labels, values)
        for n, cell in enumerate(cells):
            ax.annotate(
                cell, (values[n], n), xytext=(3, 0), textcoords="offset points", va="center"
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


_NOT_STATED = ("prefer-not-to-say", "not-answered", "other")


def _representation(
    responses: ResponseSet, baseline: Mapping[Any, Mapping[str, float]], suppress_below: int
) -> tuple[RepresentationReport, dict[ProtectedCharacteristic, int]]:
    participants: dict[ProtectedCharacteristic, dict[str, int]] = {}
    not_stated: dict[ProtectedCharacteristic, int] = {}
    for key in baseline:
        characteristic = ProtectedCharacteristic(key)
        tallies = responses.profile(characteristic)
        counts = tallies.as_dict()
        not_stated[characteristic] = sum(int(counts.get(k, 0)) for k in _NOT_STATED)
        participants[characteristic] = {
            str(k): v for k, v in counts.items() if k not in _NOT_STATED and v
        }
    population = {ProtectedCharacteristic(k): v for k, v in baseline.items()}
    return (
        representation(participants, population, suppress_below=suppress_below),
        not_stated,
    )


def response_report(
    responses: ResponseSet,
    *,
    as_of: dt.date | str,
    loop: ConsultationLoop | None = None,
    baseline: Mapping[Any, Mapping[str, float]] | None = None,
    quotes: Mapping[str, Any] | None = None,
    suppress_below: int = 5,
) -> ResponseReport:
    """Build the response report of a consultation.

    Args:
        responses: the responses and the theme catalogue.
        as_of: the date of the report.
        loop: the "you said, we did" loop on the themes, for what was done.
        baseline: population shares (or counts) by characteristic, then by
            monitoring category id (census shares for the area), for who is missing.
        quotes: theme id → the ids of the responses whose tagged answers to quote.
        suppress_below: the smallest count shown (other than zero).

    Raises:
        InvalidValueError: a quote from a response not tagged with the theme, a
            loop over other responses, or a baseline category with respondents but
            no population figure.
        UnknownNameError: an unknown theme or response.

    Examples:
        >>> from engagekit import examples
        >>> report = examples.oxfordshire_synthetic_report()
        >>> report
        <ResponseReport on 'Patient and Public ...' with 24 responses and 6 themes>
        >>> report.closure.closure_rate
        0.6
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
    rep, not_stated = (
        (None, {}) if baseline is None else _representation(responses, baseline, least)
    )
    return ResponseReport(
        responses=responses,
        as_of=day,
        profile={by: responses.profile(by) for by in ("channel", "respondent-type")},
        results=responses.all_results(),
        themes={q.id: responses.theme_counts(q.id) for q in free},
        quotes=_quotes(responses, quotes or {}),
        representation=rep,
        not_stated=not_stated,
        loop=None if loop is None else loop.status(),
        closure=None if loop is None else loop.metrics(day),
        suppress_below=least,
    )
