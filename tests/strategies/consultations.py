"""Hypothesis strategies for the consultations types."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from engagekit.consultations import Consultation as ConsultationRecord
from engagekit.consultations import (
    ConsultationLoop,
    ConsultationResponse,
    Question,
    QuestionKind,
    RespondentType,
    ResponseSet,
    Theme,
    monitoring_scheme,
)
from engagekit.duties.equality import ProtectedCharacteristic
from engagekit.plans import ChangeStatus, Channel, Response


START = dt.date(2016, 1, 4)
END = dt.date(2016, 3, 28)
CHOICES = ("Yes", "No", "Not sure")
THEMES = (Theme(id="parking", title="Parking"), Theme(id="buses", title="Buses"))
text = st.text(alphabet="abcdefghij ", min_size=1, max_size=8).filter(lambda s: s.strip())


def _consultation() -> ConsultationRecord:
    return ConsultationRecord(
        id="clinic-hours",
        title="Clinic hours",
        start=START,
        end=END,
        proposal_status="open",
        questions=[
            Question(id="support", text="Agree?", kind="closed", choices=CHOICES),
            Question(id="rate", text="Rate", kind=QuestionKind.SCALE, scale=(1, 5)),
            Question(id="why", text="Why?", kind="free text"),
        ],
        channels=["online survey", "paper"],
    )


@st.composite
def consultation_responses(draw: st.DrawFn, rid: str = "1") -> ConsultationResponse:
    answers: dict[str, object] = {}
    if draw(st.booleans()):
        answers["support"] = draw(st.sampled_from(CHOICES))
    if draw(st.booleans()):
        answers["rate"] = draw(st.integers(1, 5))
    themes: dict[str, list[str]] = {}
    if draw(st.booleans()):
        answers["why"] = draw(text)
        themes["why"] = draw(st.lists(st.sampled_from(["parking", "buses"]), unique=True))
    characteristic = draw(st.sampled_from(list(ProtectedCharacteristic)))
    category = draw(st.sampled_from(monitoring_scheme(characteristic).ids))
    return ConsultationResponse(
        id=rid,
        channel=draw(st.sampled_from([Channel.ONLINE_CONSULTATION, Channel.PAPER_FORM])),
        respondent_type=draw(st.sampled_from(list(RespondentType))),
        date=draw(st.one_of(st.none(), st.dates(START, END))),
        answers=answers,
        themes=themes,
        monitoring={characteristic: category},
    )


@st.composite
def response_sets(draw: st.DrawFn) -> ResponseSet:
    count = draw(st.integers(0, 4))
    responses = [draw(consultation_responses(str(n))) for n in range(count)]
    return ResponseSet(_consultation(), responses, themes=THEMES)


@st.composite
def consultation_loops(draw: st.DrawFn) -> ConsultationLoop:
    responses = draw(response_sets())
    raised = [t for t, ids in responses.respondents_by_theme().items() if ids]
    answers: list[Response] = []
    wanted: bool = draw(st.booleans())
    if raised and wanted:
        answers.append(
            Response(
                id="wd-1",
                feedback=draw(st.lists(st.sampled_from(raised), min_size=1, unique=True)),
                date=END + dt.timedelta(days=draw(st.integers(0, 60))),
                text=draw(text),
                change=draw(st.sampled_from(list(ChangeStatus))),
                decision=draw(st.one_of(st.none(), st.just("d-1"))),
            )
        )
    return ConsultationLoop(responses=responses, answers=answers)


STRATEGIES = {
    ConsultationLoop: consultation_loops(),
}
