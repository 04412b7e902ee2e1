"""Oxfordshire CCG's draft-strategy consultation, and a synthetic response set (private).

The consultation is built from the seed (Oxfordshire CCG, *Patient and Public
Engagement Strategy 2015-2019*, consultation draft): its questions in its own words
and how many people answered each (31, 39 and 32; none for the last, whose wording
the extracted text does not give). Its dates, and whether the proposal was settled,
are not in the source and are left unknown.

Everything else here is SYNTHETIC, made for the tutorial and labelled so: one closed
question added to show closed-question analysis, 24 responses (14 online, 6 on paper,
4 from events) with their themes and equality monitoring, and the "you said, we did"
answers. None of it is what anyone said to Oxfordshire CCG.
"""

from __future__ import annotations

import datetime as dt

from typing import TYPE_CHECKING

import attrs

from engagekit.consultations import Consultation, Question, Theme
from engagekit.sources import LegalForce, Source


if TYPE_CHECKING:
    from engagekit.consultations import ConsultationLoop, ResponseReport, ResponseSet

# The CSV reader, the "you said, we did" loop and the report are imported by the
# examples that use them, so the first call of the consultation alone loads none.


_SOURCE = Source(
    title="Patient and Public Engagement Strategy 2015-2019 (consultation draft)",
    publisher="Oxfordshire Clinical Commissioning Group",
    date="2015",
    section="sections 7-9, the consultation questions",
    force=LegalForce.LOCAL_PRACTICE,
)

#: Marks every synthetic value.
SYNTHETIC = "[synthetic, for the tutorial]"


def oxfordshire_consultation() -> Consultation:
    """Oxfordshire CCG's consultation on its draft engagement strategy, as the seed gives it.

    The draft was itself a consultation on Oxfordshire's online platform: after
    sections 7, 8 and 9 it asks a question, and says how many people answered it.

    Examples:
        >>> c = oxfordshire_consultation()
        >>> [(q.id, q.answered) for q in c.questions]
        [('deliver', 31), ('measure', 39), ('comments', 32), ('final', 0)]
        >>> c.questions[1].text
        'How would you measure the success of this strategy?'
        >>> c.start is None, c.channels[0].value
        (True, 'online-consultation')
    """
    return Consultation(
        id="occg-strategy-2015",
        title="Patient and Public Engagement Strategy 2015-2019 (consultation draft)",
        body="Oxfordshire Clinical Commissioning Group",
        proposal="OCCG's draft Patient and Public Engagement Strategy 2015-2019: how it "
        "will deliver the strategy (22 actions), measure its success and monitor it.",
        questions=[
            Question(
                id="deliver",
                text="Do you have any other suggestions as to how we can deliver the "
                "strategy in a measurable way?",
                kind="free text",
                answered=31,
            ),
            Question(
                id="measure",
                text="How would you measure the success of this strategy?",
                kind="free text",
                answered=39,
            ),
            Question(
                id="comments",
                text="Do you have any additional comments or suggestions about the "
                "strategy, its implementation and measurement?",
                kind="free text",
                answered=32,
            ),
            Question(
                id="final",
                text="The draft's last question (its wording is not in the source's "
                "extracted text; the platform reports no responses to it)",
                kind="free text",
                answered=0,
            ),
        ],
        channels=["online consultation"],
        source=_SOURCE,
    )


def oxfordshire_tutorial_consultation() -> Consultation:
    """The Oxfordshire consultation with one SYNTHETIC closed question added for the
    tutorial (``support``), and paper forms and events as channels.

    Examples:
        >>> oxfordshire_tutorial_consultation().questions[0].text
        'Overall, do you support the draft strategy? [synthetic, for the tutorial]'
    """
    real = oxfordshire_consultation()
    support = Question(
        id="support",
        text=f"Overall, do you support the draft strategy? {SYNTHETIC}",
        kind="closed",
        choices=["Yes", "No", "Not sure", "Prefer not to say"],
    )
    return attrs.evolve(
        real,
        questions=[support, *real.questions],
        channels=["online consultation", "paper form", "event"],
        respondent_types=["individual", "organisation", "staff", "patient group"],
    )


def oxfordshire_themes() -> tuple[Theme, ...]:
    """The SYNTHETIC theme catalogue the tutorial's free-text answers are coded with.

    Examples:
        >>> [t.id for t in oxfordshire_themes()][:2]
        ['report-back', 'plain-language']
    """
    return (
        Theme(id="report-back", title="Tell people what happened to their views"),
        Theme(id="plain-language", title="Use plain language"),
        Theme(id="locality-meetings", title="Meet people in their localities"),
        Theme(id="online-reach", title="Reach more people online", kind="suggestion"),
        Theme(id="measure-diversity", title="Measure who takes part", kind="suggestion"),
        Theme(id="seldom-heard", title="Reach seldom-heard groups"),
    )


def oxfordshire_synthetic_responses() -> ResponseSet:
    """24 SYNTHETIC responses to the Oxfordshire consultation, for the tutorial.

    Read from the two shipped example exports with the shipped mappings: an online
    survey export (``oxfordshire-online-synthetic.csv``, mapping ``"online-survey"``)
    and a paper-form transcription (``oxfordshire-paper-synthetic.csv``, mapping
    ``"paper-form"``). Not what anyone said to Oxfordshire CCG.

    Examples:
        >>> rs = oxfordshire_synthetic_responses()
        >>> len(rs), rs.answered("measure")
        (24, 16)
    """
    import io as stdio

    from engagekit import _data
    from engagekit.consultations import load_mapping, read_responses

    consultation = oxfordshire_tutorial_consultation()
    themes = oxfordshire_themes()
    sets = []
    for name, mapping in (
        ("oxfordshire-online-synthetic.csv", "online-survey"),
        ("oxfordshire-paper-synthetic.csv", "paper-form"),
    ):
        text = _data.builtin_bytes(f"consultations/{name}").decode("utf-8")
        with stdio.StringIO(text, newline="") as handle:
            read = read_responses(
                handle, load_mapping(mapping), consultation, themes=themes, origin=name
            )
        sets.append(read.raise_for_findings())
    return sets[0].merged_with(sets[1])


def oxfordshire_synthetic_loop() -> ConsultationLoop:
    """SYNTHETIC "you said, we did" answers to the tutorial's themes, linked to
    Oxfordshire's delivery actions 15 and 21 (``7.15``, ``7.21`` in
    [`oxfordshire_delivery_plan`][engagekit.examples.oxfordshire_delivery_plan]).

    Examples:
        >>> loop = oxfordshire_synthetic_loop()
        >>> [t.id for t in loop.informed("occg-strategy-approval")]
        ['report-back', 'locality-meetings', 'measure-diversity']
        >>> [(t.theme.id, t.respondents) for t in loop.unanswered(min_respondents=5)]
        [('online-reach', 11), ('plain-language', 9)]
    """
    from engagekit.consultations import ConsultationLoop
    from engagekit.plans import ChangeStatus, FeedbackOutcome, Response

    responses = oxfordshire_synthetic_responses()
    day = dt.date(2015, 4, 20)
    answers = [
        Response(
            id="wd-report-back",
            feedback=["report-back"],
            date=day,
            text="A response report after every consultation, published on Talking Health "
            f"and sent to respondents {SYNTHETIC}",
            change=ChangeStatus.PLANNED,
            decision="occg-strategy-approval",
            action="7.15",
        ),
        Response(
            id="wd-localities",
            feedback=["locality-meetings"],
            date=day,
            text=f"Two public meetings a year in each locality {SYNTHETIC}",
            change=ChangeStatus.PLANNED,
            decision="occg-strategy-approval",
            action="7.6",
        ),
        Response(
            id="wd-diversity",
            feedback=["measure-diversity"],
            date=day,
            text=f"Equality monitoring in every survey, reported against the census {SYNTHETIC}",
            change=ChangeStatus.MADE,
            decision="occg-strategy-approval",
            action="7.21",
        ),
    ]
    outcomes = [
        FeedbackOutcome(
            id="o-report-back",
            response="wd-report-back",
            date=dt.date(2015, 6, 1),
            text=f"This response report, published {SYNTHETIC}",
            evidence=["occg-response-report"],
        )
    ]
    return ConsultationLoop(responses=responses, answers=answers, outcomes=outcomes)


#: SYNTHETIC population shares for the tutorial's "who is missing" table.
_BASELINE = {
    "age": {
        "16-24": 0.14,
        "25-34": 0.15,
        "35-44": 0.15,
        "45-54": 0.16,
        "55-64": 0.13,
        "65-74": 0.11,
        "75-and-over": 0.08,
        "under-16": 0.08,
    },
    "sex": {"female": 0.51, "male": 0.49},
}


def oxfordshire_synthetic_report() -> ResponseReport:
    """The tutorial's response report (Oxfordshire's actions 15 and 21) on the
    SYNTHETIC responses, with a SYNTHETIC population baseline.

    Examples:
        >>> report = oxfordshire_synthetic_report()
        >>> [q.theme for q in report.quotes]
        ['report-back']
    """
    from engagekit.consultations import response_report

    loop = oxfordshire_synthetic_loop()
    return response_report(
        loop.responses,
        as_of="2015-06-01",
        loop=loop,
        baseline=_BASELINE,
        quotes={"report-back": ["TH-1002"]},
    )
