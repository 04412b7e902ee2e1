"""The consultation record, its questions, and the equality-monitoring categories."""

from __future__ import annotations

import datetime as dt

import pytest

from engagekit.consultations import (
    OTHER,
    PREFER_NOT_TO_SAY,
    Consultation,
    Question,
    QuestionKind,
    RespondentType,
    monitoring_scheme,
    monitoring_schemes,
)
from engagekit.decisions import check_consultation
from engagekit.duties.equality import ProtectedCharacteristic
from engagekit.errors import InvalidValueError, UnknownChoiceError, UnknownNameError
from engagekit.plans import Channel


def test_question_kinds_take_their_own_answers():
    """Each kind of question accepts only its own kind of answer."""
    closed = Question(id="q", text="Agree?", kind="closed", choices=["Yes", "No"])
    multi = Question(id="m", text="Which?", kind="checkbox", choices=["Bus", "Car", "Walk"])
    scale = Question(id="s", text="Rate", kind="likert", scale=[1, 5])
    free = Question(id="f", text="Why?", kind="open")
    assert (closed.accepts("Yes"), closed.accepts("yes")) == (True, False)
    assert (multi.accepts(("Bus", "Walk")), multi.accepts(("Bus", "Bus"))) == (True, False)
    assert (scale.accepts(5), scale.accepts(6), scale.accepts(True)) == (True, False, False)
    assert (free.accepts("Because"), free.accepts("  ")) == (True, False)
    assert scale.values == (1, 2, 3, 4, 5)
    assert multi.kind is QuestionKind.MULTIPLE_CHOICE


def test_bad_questions_are_refused():
    """A closed question needs two choices; a scale needs (low, high); free text no choices."""
    with pytest.raises(InvalidValueError, match="at least two choices"):
        Question(id="q", text="Agree?", kind="closed", choices=["Yes"])
    with pytest.raises(InvalidValueError, match="lowest first"):
        Question(id="s", text="Rate", kind="scale", scale=[5, 1])
    with pytest.raises(InvalidValueError, match="free text question offers no choices"):
        Question(id="f", text="Why?", kind="free text", choices=["a", "b"])
    with pytest.raises(InvalidValueError, match="duplicate choice"):
        Question(id="q", text="Agree?", kind="closed", choices=["Yes", "Yes"])


def test_consultation_keeps_the_gunning_fields_and_adds_the_record():
    """The one Consultation: dates and status for Gunning, and what was asked and how."""
    c = Consultation(
        title="Clinic hours",
        start=dt.date(2016, 1, 4),
        end=dt.date(2016, 3, 28),
        proposal_status="open",
        options=["Weekday evenings", "Saturday mornings"],
        questions=[Question(id="why", text="Why?", kind="free text")],
        channels=["online survey", "paper", "drop-in"],
        respondent_types=["individual", "PPG"],
    )
    assert c.weeks == 12.0
    assert c.channels == (Channel.ONLINE_CONSULTATION, Channel.PAPER_FORM, Channel.EVENT)
    assert c.respondent_types == (RespondentType.INDIVIDUAL, RespondentType.PATIENT_GROUP)
    assert c.question("why").text == "Why?"
    with pytest.raises(UnknownNameError, match="whyy"):
        c.question("whyy")
    with pytest.raises(InvalidValueError, match="duplicate question id"):
        Consultation(questions=[c.questions[0], c.questions[0]])


def test_decisions_reexports_the_same_consultation():
    """decisions.Consultation is consultations.Consultation: one concept."""
    from engagekit import decisions

    assert decisions.Consultation is Consultation


def test_gunning_reports_unknown_dates_as_insufficient_evidence():
    """Without dates or status, formative stage and adequate time cannot be judged."""
    check = check_consultation(Consultation(title="Draft strategy"), on="2015-06-01")
    outcomes = {r.rule: r.outcome.value for r in check.reasons}
    assert outcomes["gunning.formative-stage"] == "insufficient-evidence"
    assert outcomes["gunning.adequate-time"] == "insufficient-evidence"
    assert "the date it opened" in check.reasons[0].message


def test_every_characteristic_has_a_scheme_with_prefer_not_to_say_and_other():
    """All nine characteristics, each with "prefer not to say" and "other" as answers."""
    schemes = monitoring_schemes()
    assert [s.characteristic for s in schemes] == list(ProtectedCharacteristic)
    for scheme in schemes:
        assert scheme.ids[-1] == PREFER_NOT_TO_SAY
        assert OTHER in scheme.ids
        assert scheme.source.publisher


def test_ethnicity_follows_the_gss_england_and_wales_categories():
    """19 categories of the GSS harmonised standard (with Roma), then prefer not to say."""
    scheme = monitoring_scheme("ethnicity")
    assert len(scheme.categories) == 20
    assert scheme.label("white-roma") == "White: Roma"
    assert scheme.source.date == "2025-03-18"
    assert scheme.parse("Pakistani") == "asian-pakistani"
    assert scheme.parse("Any other ethnic group") == OTHER


def test_monitoring_aliases_and_prefer_not_to_say_are_read():
    """Labels and common aliases are read; declining is an answer, not an error."""
    assert monitoring_scheme("sexuality").parse("straight") == "straight-or-heterosexual"
    assert monitoring_scheme("sex").parse("Prefer not to answer") == PREFER_NOT_TO_SAY
    assert monitoring_scheme("age").parse("75+") == "75-and-over"
    assert monitoring_scheme("religion").parse("none") == "no-religion"


def test_a_monitoring_value_outside_the_categories_is_refused():
    """A value that is no category, label or alias raises, naming the characteristic."""
    with pytest.raises(UnknownChoiceError, match=r"monitoring\.sex: 'Non-binary' is not allowed"):
        monitoring_scheme("sex").parse("Non-binary")
