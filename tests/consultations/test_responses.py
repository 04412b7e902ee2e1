"""Responses checked against their consultation, and what they add up to."""

from __future__ import annotations

import datetime as dt
import re

from typing import Any

import pytest

from engagekit import examples, io
from engagekit.consultations import (
    Consultation,
    ConsultationResponse,
    Question,
    ResponseSet,
    Theme,
)
from engagekit.errors import (
    DocumentError,
    InvalidValueError,
    UnknownChoiceError,
    UnknownNameError,
)


CONSULTATION = Consultation(
    title="Clinic hours",
    start=dt.date(2016, 1, 4),
    end=dt.date(2016, 3, 28),
    questions=[
        Question(id="support", text="Do you agree?", kind="closed", choices=["Yes", "No"]),
        Question(id="when", text="When?", kind="multiple choice", choices=["Eve", "Sat", "Sun"]),
        Question(id="rate", text="Rate us", kind="scale", scale=(1, 5)),
        Question(id="why", text="Why?", kind="free text"),
    ],
)
THEMES = [Theme(id="parking", title="Parking"), Theme(id="buses", title="Buses")]


def _r(rid: str, **kwargs: object) -> ConsultationResponse:
    kwargs.setdefault("channel", "online")
    return ConsultationResponse(id=rid, **kwargs)  # type: ignore[arg-type]


def _set() -> ResponseSet:
    return ResponseSet(
        CONSULTATION,
        [
            _r(
                "1",
                answers={"support": "Yes", "when": ["Eve", "Sat"], "rate": 4, "why": "Cars"},
                themes={"why": ["parking"]},
                respondent_type="staff",
            ),
            _r(
                "2",
                channel="paper",
                answers={"support": "No", "when": ["Sat"], "rate": 2, "why": "No bus"},
                themes={"why": ["buses", "parking"]},
                monitoring={"sex": "female"},
            ),
            _r("3", answers={"support": "Yes"}, monitoring={"sex": "prefer not to say"}),
        ],
        themes=THEMES,
    )


def test_results_count_each_answer_over_those_who_answered():
    """Closed, multiple-choice and scale questions: counts in order, shares of answerers."""
    rs = _set()
    support = rs.results("support")
    assert support.as_dict() == {"Yes": 2, "No": 1}
    assert [round(t.share or 0, 3) for t in support] == [0.667, 0.333]
    when = rs.results("when")
    assert (when.base, when.as_dict()) == (2, {"Eve": 1, "Sat": 2, "Sun": 0})
    assert rs.results("rate").as_dict() == {1: 0, 2: 1, 3: 0, 4: 1, 5: 0}
    assert rs.answered("why") == 2
    with pytest.raises(InvalidValueError, match="free-text question: use theme_counts"):
        rs.results("why")


def test_crosstab_by_channel_and_characteristic():
    """A cross-tab by channel, respondent type or characteristic, with "prefer not to say"."""
    rs = _set()
    tab = rs.crosstab("support", by="channel")
    assert tab.groups == ("online-consultation", "paper-form")
    assert tab.to_records() == [
        {"answer": "Yes", "online-consultation": 2, "paper-form": 0},
        {"answer": "No", "online-consultation": 0, "paper-form": 1},
    ]
    by_sex = rs.crosstab("support", by="sex")
    assert by_sex.count("Yes", "prefer-not-to-say") == 1
    assert by_sex.count("Yes", "not-answered") == 1
    assert rs.crosstab("when", by="respondent-type").count("Sat", "staff") == 1


def test_theme_shares_on_one_question_are_of_those_who_answered_it():
    """10 of the 24 synthetic Oxfordshire responses answered 'deliver' and 7 raised
    'online-reach' on it: the response report shows 7 (70%), but theme_counts gave a
    share of 7/24 (29%), of people who were never asked to code an answer."""
    rs = examples.oxfordshire_synthetic_responses()
    deliver = rs.theme_counts("deliver")
    assert (deliver.base, deliver.count("online-reach")) == (10, 7)
    assert [t.share for t in deliver if t.value == "online-reach"] == [0.7]
    anywhere = rs.theme_counts()
    assert (anywhere.base, anywhere.count("online-reach")) == (24, 11)


def test_theme_counts_per_question_and_per_option():
    """Each respondent counts once per theme; per option counts those who chose it."""
    rs = _set()
    assert rs.theme_counts("why").as_dict() == {"parking": 2, "buses": 1}
    per = rs.theme_counts_by("support", "why")
    assert per["No"].as_dict() == {"parking": 1, "buses": 1}
    assert per["Yes"].base == 2
    assert rs.respondents_by_theme() == {"parking": ("1", "2"), "buses": ("2",)}


def test_profile_counts_prefer_not_to_say_and_blank_apart():
    """Who responded, by characteristic: declining and leaving blank are both counted."""
    profile = _set().profile("sex").as_dict()
    assert profile["female"] == 1
    assert profile["prefer-not-to-say"] == 1
    assert profile["not-answered"] == 1


def test_responses_round_trip_through_the_columns():
    """The set gives back the responses it was given."""
    rs = _set()
    assert rs.response("2").answers["when"] == ("Sat",)
    assert rs == ResponseSet(CONSULTATION, list(rs), themes=THEMES)


def test_an_answer_to_an_unknown_question_is_refused():
    with pytest.raises(UnknownNameError, match="'colour'"):
        ResponseSet(CONSULTATION, [_r("1", answers={"colour": "red"})])


def test_a_choice_the_question_does_not_offer_is_refused():
    with pytest.raises(InvalidValueError, match=r"answers\['support'\]: 'Maybe' is not allowed"):
        ResponseSet(CONSULTATION, [_r("1", answers={"support": "Maybe"})])
    with pytest.raises(InvalidValueError, match="a whole number from 1 to 5"):
        ResponseSet(CONSULTATION, [_r("1", answers={"rate": 9})])


def test_a_duplicate_response_id_is_refused():
    with pytest.raises(InvalidValueError, match="'7' is not allowed: duplicate response id"):
        ResponseSet(CONSULTATION, [_r("7"), _r("7")])


def test_a_date_outside_the_window_is_refused():
    with pytest.raises(InvalidValueError, match="'2016-04-01' is not allowed: is outside"):
        ResponseSet(CONSULTATION, [_r("1", date=dt.date(2016, 4, 1))])


def test_a_theme_outside_the_catalogue_is_refused():
    with pytest.raises(UnknownNameError, match="'traffic'"):
        ResponseSet(
            CONSULTATION,
            [_r("1", answers={"why": "x"}, themes={"why": ["traffic"]})],
            themes=THEMES,
        )
    with pytest.raises(InvalidValueError, match="tags an answer the response did not give"):
        ResponseSet(CONSULTATION, [_r("1", themes={"why": ["parking"]})], themes=THEMES)


def test_a_monitoring_value_outside_the_categories_is_refused():
    with pytest.raises(UnknownChoiceError, match="'Martian' is not allowed"):
        _r("1", monitoring={"ethnicity": "Martian"})


def test_the_synthetic_tutorial_set():
    """The tutorial's synthetic set reads from both shipped exports."""
    rs = examples.oxfordshire_synthetic_responses()
    assert len(rs) == 24
    assert rs.profile("channel").as_dict() == {
        "online-consultation": 14,
        "paper-form": 6,
        "event": 4,
    }
    assert rs.results("support").as_dict() == {
        "Yes": 13,
        "No": 5,
        "Not sure": 4,
        "Prefer not to say": 2,
    }


def _response_set_document() -> dict[str, Any]:
    document: dict[str, Any] = io.to_dict(examples.oxfordshire_synthetic_responses())
    return document


def test_a_response_set_document_reports_each_problem_at_its_response():
    """Problems inside a response were reported at `$[0]...` (their place in the
    list, without `responses`), and the rules the set checks (a duplicate id, an
    answer to no question) at `$`, the first one only."""
    document = _response_set_document()
    first, third = document["responses"][0], document["responses"][2]
    assert (first["id"], third["id"]) == ("TH-1001", "TH-1003")
    first["answers"]["nope"] = "Yes"
    third["answers"]["support"] = "Maybe"
    document["responses"].append(dict(first))
    document["responses"][1]["channel"] = "pigeon"
    with pytest.raises(DocumentError) as refused:
        io.from_dict(document, ResponseSet)
    assert [problem.path for problem in refused.value.problems] == ["$.responses[1].channel"]
    document["responses"][1]["channel"] = "online-consultation"
    with pytest.raises(DocumentError) as refused:
        io.from_dict(document, ResponseSet)
    assert [(p.path, p.message) for p in refused.value.problems] == [
        (
            "$.responses[0]",
            (
                "unknown question (in ConsultationResponse 'TH-1001'.answers) 'nope'; "
                "known: 'support', 'deliver', 'measure', 'comments', 'final'"
            ),
        ),
        (
            "$.responses[2]",
            (
                "ConsultationResponse 'TH-1003'.answers['support']: 'Maybe' is not allowed: "
                "closed question 'support' takes one of 'Yes', 'No', 'Not sure', "
                "'Prefer not to say'"
            ),
        ),
        ("$.responses[24].id", "duplicate response id 'TH-1001' (first at $.responses[0])"),
    ]


def test_a_response_set_document_names_its_unknown_keys_and_its_parts_problems():
    document = _response_set_document()
    document["colour"] = "red"
    document["consultation"]["title"] = 5
    document["themes"].append(dict(document["themes"][0]))
    with pytest.raises(
        DocumentError,
        match=re.escape(
            "<dict>: 2 problems\n"
            "  $.colour: unknown field 'colour' of ResponseSet; allowed: 'consultation', "
            "'themes', 'responses'\n"
            "  $.consultation.title: got int 5; expected text"
        ),
    ):
        io.from_dict(document, ResponseSet)
    del document["colour"]
    document["consultation"]["title"] = "Talking Health"
    with pytest.raises(
        DocumentError,
        match=re.escape(
            "$.themes: ResponseSet.themes: 'report-back' is not allowed: duplicate theme id"
        ),
    ):
        io.from_dict(document, ResponseSet)
