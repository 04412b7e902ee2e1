"""The Equality Delivery System models' refusals, gradings and reprs, read whole.

The values are engagekit's own EDS versions (src/engagekit/data/duties/eds.toml, from
the domain reference's section 3.11): EDS2's four goals of 5/4/6/3 outcomes graded
undeveloped (red), developing (amber), achieving (green) or excelling (purple); EDS
2022's three domains of 4/4/3 outcomes scored 0 to 3; the 2011 EDS, which lists six of
its 18 outcomes.
"""

from __future__ import annotations

import re

from collections.abc import Iterator
from types import MappingProxyType
from typing import Any

import attrs
import numpy as np
import pytest

from engagekit.duties.equality import (
    EdsGrading,
    EdsModel,
    EdsOutcome,
    EdsOutcomeGrading,
    EdsRating,
    EdsUnit,
    OutcomeGrade,
    UnitGrade,
    _eds,
    eds_models,
)
from engagekit.errors import (
    InvalidTypeError,
    InvalidValueError,
    UnknownChoiceError,
    UnknownNameError,
)
from engagekit.results import Outcome


@pytest.fixture(autouse=True)
def _fresh_models() -> Iterator[None]:
    """Build the models again in each test: they are cached, and a mutation run tests
    each mutant in a process whose cache the unmutated run had already filled, so the
    code that builds them would never run under a mutant (docs/mutation.md)."""
    _eds._models.cache_clear()
    yield
    _eds._models.cache_clear()


def _eds2() -> EdsModel:
    return eds_models()["eds2"]


def _eds2022() -> EdsModel:
    return eds_models()["eds-2022"]


def _eds2011() -> EdsModel:
    return eds_models()["eds-2011"]


def _message(error: pytest.ExceptionInfo[BaseException]) -> str:
    return str(error.value)


# --- the parts of a model ------------------------------------------------------------


def test_an_outcome_verified_without_wording_is_refused() -> None:
    with pytest.raises(InvalidValueError) as error:
        EdsOutcome(code="3.1", verified=True)
    assert _message(error) == "EdsOutcome.verified: True is not allowed: outcome 3.1 has no wording"
    wording = "People report positive experiences of the NHS"
    verified = EdsOutcome(code="2.3", text=wording, verified=True)
    assert (verified.verified, verified.label) == (True, wording)
    assert EdsOutcome(code="3.1").label == "(wording not in engagekit's sources)"


def test_a_rating_band_must_not_end_below_its_start() -> None:
    with pytest.raises(InvalidValueError) as error:
        EdsRating(name="High", low=17, high=16)
    assert _message(error) == "EdsRating.high: 16 is not allowed: is below low (17)"
    one_score = EdsRating(name="Top", low=33, high=33)
    assert (one_score.low, one_score.high) == (33, 33)


def test_a_unit_lists_no_more_outcomes_than_it_has() -> None:
    outcomes = [EdsOutcome(code="4.1"), EdsOutcome(code="4.2")]
    with pytest.raises(InvalidValueError) as error:
        EdsUnit(number=4, name="Inclusive leadership", outcome_count=1, outcomes=outcomes)
    assert _message(error) == (
        "EdsUnit.outcomes: ['4.1', '4.2'] is not allowed: lists more than the unit's 1 outcomes"
    )
    full = EdsUnit(number=4, name="Inclusive leadership", outcome_count=2, outcomes=outcomes)
    assert [o.code for o in full.outcomes] == ["4.1", "4.2"]
    uncounted = EdsUnit(number=4, name="Inclusive leadership", outcomes=outcomes)
    assert uncounted.outcome_count is None


def test_a_grade_and_its_rank_go_together() -> None:
    source = _eds2().source
    common: dict[str, Any] = {
        "rule": "eds2/goal-1",
        "title": "Better health outcomes",
        "source": source,
    }
    with pytest.raises(InvalidValueError) as error:
        UnitGrade(**common, outcome="met", message="graded achieving", number=1, grade="achieving")
    assert _message(error) == ("UnitGrade.rank: missing: a grade and its rank go together")
    with pytest.raises(InvalidValueError) as error:
        UnitGrade(**common, outcome="met", message="graded achieving", number=1, rank=2)
    assert _message(error) == "UnitGrade.rank: 2 is not allowed: a grade and its rank go together"
    graded = UnitGrade(
        **common, outcome="met", message="graded achieving", number=1, grade="achieving", rank=2
    )
    assert (graded.name, graded.grade, graded.rank) == ("Better health outcomes", "achieving", 2)


def test_an_outcome_grade_and_its_rank_and_score_go_together() -> None:
    source = _eds2022().source
    common: dict[str, Any] = {
        "rule": "eds-2022/1A",
        "title": "outcome 1A",
        "source": source,
        "code": "1A",
    }
    with pytest.raises(InvalidValueError) as error:
        OutcomeGrade(**common, outcome="met", message="graded 2", unit=1, grade="2")
    assert _message(error) == ("OutcomeGrade.rank: missing: a grade and its rank go together")
    with pytest.raises(InvalidValueError) as error:
        OutcomeGrade(**common, outcome="met", message="graded 2", unit=1, rank=2)
    assert _message(error) == (
        "OutcomeGrade.rank: 2 is not allowed: a grade and its rank go together"
    )
    with pytest.raises(InvalidValueError) as error:
        OutcomeGrade(
            **common, outcome="insufficient evidence", message="not graded", unit=1, score=2
        )
    assert _message(error) == (
        "OutcomeGrade.score: 2 is not allowed: an ungraded outcome has no score"
    )
    graded = OutcomeGrade(
        **common, outcome="met", message="graded 2", unit=1, grade="2", rank=2, score=2
    )
    assert (graded.grade, graded.rank, graded.score) == ("2", 2, 2)
    ungraded = OutcomeGrade(**common, outcome="insufficient evidence", message="not graded", unit=1)
    assert (ungraded.grade, ungraded.rank, ungraded.score) == (None, None, None)


# --- a model's own checks --------------------------------------------------------------


def test_a_model_is_graded_by_goal_or_by_domain_only() -> None:
    eds2 = _eds2()
    with pytest.raises(UnknownChoiceError) as error:
        attrs.evolve(eds2, unit="goals")
    assert _message(error) == (
        "EdsModel.unit: 'goals' is not allowed; allowed: 'goal', 'domain' (did you mean 'goal'?)"
    )
    assert error.value.allowed == ("goal", "domain")
    with pytest.raises(UnknownChoiceError) as error:
        attrs.evolve(eds2, unit="chapter")
    assert _message(error) == "EdsModel.unit: 'chapter' is not allowed; allowed: 'goal', 'domain'"
    with pytest.raises(InvalidTypeError) as type_error:
        attrs.evolve(eds2, unit=3)  # type: ignore[arg-type]
    assert str(type_error.value) == "EdsModel.unit: got int 3; expected 'goal' or 'domain'"
    assert (
        repr(attrs.evolve(eds2, unit="domain")) == "<EdsModel eds2 with 4 domains and 18 outcomes>"
    )


def test_a_model_gives_one_colour_and_one_score_per_grade() -> None:
    with pytest.raises(InvalidValueError) as error:
        attrs.evolve(_eds2(), grade_colours=("red", "amber", "green"))
    assert _message(error) == (
        "EdsModel.grade_colours: ['red', 'amber', 'green'] is not allowed: "
        "give one colour per grade (4)"
    )
    with pytest.raises(InvalidValueError) as error:
        attrs.evolve(_eds2022(), scores=(0, 1, 2))
    assert _message(error) == (
        "EdsModel.scores: [0, 1, 2] is not allowed: give one score per grade (4)"
    )
    # EDS2 has colours and no scores; EDS 2022 scores and has no colours.
    assert (_eds2().scores, _eds2022().grade_colours) == ((), ())


def test_a_models_scores_are_a_list_of_whole_numbers() -> None:
    with pytest.raises(InvalidTypeError) as error:
        attrs.evolve(_eds2022(), scores="0123")
    assert _message(error) == "EdsModel.scores: got str '0123'; expected a list"
    with pytest.raises(InvalidTypeError) as error:
        attrs.evolve(_eds2022(), scores=3)
    assert _message(error) == "EdsModel.scores: got int 3; expected a list"
    with pytest.raises(InvalidTypeError) as error:
        attrs.evolve(_eds2022(), scores=["0", "1", "2", "3"])
    assert _message(error) == "EdsModel.scores[0]: got str '0'; expected an int"
    with pytest.raises(InvalidTypeError) as error:
        attrs.evolve(_eds2022(), scores=[False, True, 2, 3])
    assert _message(error) == "EdsModel.scores[0]: got bool False; expected a whole number"
    with pytest.raises(InvalidValueError) as value_error:
        attrs.evolve(_eds2022(), scores=[0, 1, 2, -3])
    assert str(value_error.value) == "EdsModel.scores[3]: -3 is not allowed: must be at least 0"
    scores = attrs.evolve(_eds2022(), scores=[np.int64(0), np.int64(1), 2, 3]).scores
    assert scores == (0, 1, 2, 3)
    assert [type(score) for score in scores] == [int, int, int, int]


def test_a_models_outcome_codes_are_unique_and_no_more_than_its_total() -> None:
    eds2 = _eds2()
    codes = [o.code for o in eds2.outcomes]
    extra = EdsUnit(number=5, name="Repeat", outcomes=[EdsOutcome(code="2.1")])
    with pytest.raises(InvalidValueError) as error:
        attrs.evolve(eds2, units=(*eds2.units, extra))
    assert _message(error) == (
        "EdsModel.units: ['1.1', '1.2', '1.3', '1.4', '1.5', '2.1', ...] is not allowed: "
        "outcome codes repeat"
    )
    assert error.value.value == [*codes, "2.1"]
    with pytest.raises(InvalidValueError) as error:
        attrs.evolve(eds2, total_outcomes=17)
    assert _message(error) == (
        "EdsModel.units: ['1.1', '1.2', '1.3', '1.4', '1.5', '2.1', ...] is not allowed: "
        "lists more than the version's 17 outcomes"
    )
    assert error.value.value == codes
    assert (len(codes), eds2.total_outcomes, eds2.outcomes_complete) == (18, 18, True)


def test_the_models_reprs() -> None:
    assert [repr(m) for m in eds_models().values()] == [
        "<EdsModel eds-2011 with 4 goals and 18 outcomes>",
        "<EdsModel eds2 with 4 goals and 18 outcomes>",
        "<EdsModel eds-2022 with 3 domains and 11 outcomes>",
    ]


def test_an_unknown_outcome_code_names_the_version_and_the_closest_codes() -> None:
    with pytest.raises(UnknownNameError) as error:
        _eds2().outcome("2.5")
    assert _message(error) == (
        "unknown outcome '2.5' of Equality Delivery System 2 (EDS2); "
        "did you mean '3.5', '2.4', '2.3'?"
    )
    with pytest.raises(UnknownNameError) as error:
        _eds2022().outcome("4A")
    assert _message(error) == (
        "unknown outcome '4A' of Equality Delivery System 2022 (EDS 2022); "
        "did you mean '3A', '2A', '1A'?"
    )
    assert _eds2022().outcome("3C").code == "3C"


# --- grading by goal or domain -------------------------------------------------------


def test_grading_eds2_by_goal_reads_each_grade_and_its_colour() -> None:
    eds2 = _eds2()
    grading = eds2.grade({1: "achieving", 2: "developing", 3: "undeveloped"})
    assert repr(grading) == "<EdsGrading eds2 not met with 4 units and 1 ungraded>"
    assert [
        (
            r.rule,
            r.title,
            r.outcome.label,
            r.message,
            r.missing,
            r.source.section,
            r.number,
            r.grade,
            r.rank,
            r.colour,
        )
        for r in grading.reasons
    ] == [
        ("eds2/goal-1", "Better health outcomes", "met", "graded achieving (green)", (),
         "goal 1", 1, "achieving", 2, "green"),
        ("eds2/goal-2", "Improved patient access and experience", "partly met",
         "graded developing (amber)", (), "goal 2", 2, "developing", 1, "amber"),
        ("eds2/goal-3", "Empowered, engaged and included staff", "not met",
         "graded undeveloped (red)", (), "goal 3", 3, "undeveloped", 0, "red"),
        ("eds2/goal-4", "Inclusive leadership", "insufficient evidence", "not graded",
         ("a grade for goal 4",), "goal 4", 4, None, None, None),
    ]  # fmt: skip
    assert all(r.source.url == eds2.source.url for r in grading.reasons)
    assert (grading.model, grading.verified, grading.notes) == ("eds2", True, eds2.notes)
    assert grading.outcome is Outcome.NOT_MET
    assert grading.counts == {"achieving": 1, "developing": 1, "undeveloped": 1}
    assert [r.number for r in grading.ungraded] == [4]
    top = eds2.grade({1: "excelling", 2: "excelling", 3: "achieving", 4: "excelling"})
    assert repr(top) == "<EdsGrading eds2 met with 4 units and 0 ungraded>"
    assert top.reasons[0].message == "graded excelling (purple)"


def test_grading_a_version_without_colours_or_verified_grades() -> None:
    eds2011 = _eds2011()
    grading = eds2011.grade({1: "excelling"})
    assert (
        repr(grading) == "<EdsGrading eds-2011 insufficient evidence with 4 units and 3 ungraded>"
    )
    assert [(r.message, r.colour) for r in grading.reasons] == [
        ("graded excelling", None),
        ("not graded", None),
        ("not graded", None),
        ("not graded", None),
    ]
    eds2022 = _eds2022()
    domains = eds2022.grade({1: "3", 2: "0"})
    assert repr(domains) == "<EdsGrading eds-2022 not met with 3 units and 1 ungraded>"
    assert [(r.rule, r.message, r.source.section) for r in domains.reasons] == [
        ("eds-2022/domain-1", "graded 3", "domain 1"),
        ("eds-2022/domain-2", "graded 0", "domain 2"),
        ("eds-2022/domain-3", "not graded", "domain 3"),
    ]
    assert (domains.verified, domains.notes) == (False, eds2022.notes)
    one = domains.reasons[0]
    assert repr(one) == "<UnitGrade 'eds-2022/domain-1' met: 'graded 3'>"


def test_a_grade_below_the_middle_of_the_scale_is_partly_met() -> None:
    """On a three-grade scale the middle grade is not below the middle: it is met."""
    three = attrs.evolve(_eds2(), grades=("no", "part", "yes"), grade_colours=())
    grading = three.grade({1: "no", 2: "part", 3: "yes"})
    assert [r.outcome for r in grading.reasons] == [
        Outcome.NOT_MET,
        Outcome.MET,
        Outcome.MET,
        Outcome.INSUFFICIENT_EVIDENCE,
    ]


def test_a_version_without_goals_grades_as_not_applicable() -> None:
    empty = attrs.evolve(_eds2011(), units=())
    grading = empty.grade({})
    assert grading.outcome is Outcome.NOT_APPLICABLE
    assert repr(grading) == "<EdsGrading eds-2011 not applicable with 0 units and 0 ungraded>"


def test_a_version_without_outcomes_grades_them_as_not_applicable() -> None:
    """EDS2 does not score its outcomes, so even with none to score it has no overall score."""
    eds2 = _eds2()
    empty = attrs.evolve(eds2, units=(), total_outcomes=0)
    grading = empty.grade_outcomes({})
    assert repr(grading) == "<EdsOutcomeGrading eds2 not applicable with 0 outcomes and 0 ungraded>"
    assert grading.outcome is Outcome.NOT_APPLICABLE
    assert (grading.score, grading.rating, grading.notes) == (None, None, eds2.notes)


def test_grade_refuses_what_is_not_a_number_and_grade_on_the_scale() -> None:
    eds2 = _eds2()
    with pytest.raises(InvalidTypeError) as type_error:
        eds2.grade([(1, "achieving")])  # type: ignore[arg-type]
    assert str(type_error.value) == (
        "grades: got list [(1, 'achieving')]; expected a mapping of number to grade"
    )
    with pytest.raises(InvalidTypeError) as type_error:
        eds2.grade({True: "achieving"})
    assert str(type_error.value) == "goal number: got bool True; expected a whole number"
    with pytest.raises(InvalidTypeError) as type_error:
        eds2.grade({1.0: "achieving"})  # type: ignore[dict-item]
    assert str(type_error.value) == "goal number: got float 1.0; expected a whole number"
    with pytest.raises(InvalidValueError) as error:
        eds2.grade({5: "achieving"})
    assert _message(error) == "goal number: 5 is not allowed; allowed: 1, 2, 3, 4"
    with pytest.raises(InvalidValueError) as error:
        _eds2022().grade({4: "2"})
    assert _message(error) == "domain number: 4 is not allowed; allowed: 1, 2, 3"
    with pytest.raises(InvalidTypeError) as type_error:
        eds2.grade({1: 2})  # type: ignore[dict-item]
    assert str(type_error.value) == "grade for goal 1: got int 2; expected text"
    with pytest.raises(InvalidValueError) as error:
        eds2.grade({2: "outstanding"})
    assert _message(error) == (
        "grade for goal 2: 'outstanding' is not allowed; "
        "allowed: 'undeveloped', 'developing', 'achieving', 'excelling'"
    )
    grading = eds2.grade({np.int64(2): "achieving"})  # type: ignore[dict-item]
    assert [r.grade for r in grading.reasons] == [None, "achieving", None, None]


# --- grading outcome by outcome --------------------------------------------------------


def test_grading_eds2_outcome_by_outcome() -> None:
    eds2 = _eds2()
    grading = eds2.grade_outcomes({"2.1": "excelling", "2.4": "undeveloped", "1.1": "developing"})
    assert repr(grading) == "<EdsOutcomeGrading eds2 not met with 18 outcomes and 15 ungraded>"
    shown = [
        (
            r.rule,
            r.title,
            r.outcome.label,
            r.message,
            r.missing,
            r.source.section,
            r.code,
            r.wording,
            r.unit,
            r.grade,
            r.rank,
            r.colour,
            r.score,
        )
        for r in grading.reasons[:7]
    ]
    no_wording = "(wording not in engagekit's sources)"
    access = (
        "People, carers and communities can readily access hospital, community health or "
        "primary care services and should not be denied access on unreasonable grounds"
    )
    informed = (
        "People are informed and supported to be as involved as they wish to be in "
        "decisions about their care"
    )
    assert shown == [
        ("eds2/1.1", f"outcome 1.1 {no_wording}", "partly met", "graded developing (amber)",
         (), "goal 1, outcome 1.1", "1.1", None, 1, "developing", 1, "amber", None),
        ("eds2/1.2", f"outcome 1.2 {no_wording}", "insufficient evidence", "not graded",
         ("a grade for outcome 1.2",), "goal 1, outcome 1.2", "1.2", None, 1, None, None, None,
         None),
        ("eds2/1.3", f"outcome 1.3 {no_wording}", "insufficient evidence", "not graded",
         ("a grade for outcome 1.3",), "goal 1, outcome 1.3", "1.3", None, 1, None, None, None,
         None),
        ("eds2/1.4", f"outcome 1.4 {no_wording}", "insufficient evidence", "not graded",
         ("a grade for outcome 1.4",), "goal 1, outcome 1.4", "1.4", None, 1, None, None, None,
         None),
        ("eds2/1.5", f"outcome 1.5 {no_wording}", "insufficient evidence", "not graded",
         ("a grade for outcome 1.5",), "goal 1, outcome 1.5", "1.5", None, 1, None, None, None,
         None),
        ("eds2/2.1", access, "met", "graded excelling (purple)", (), "goal 2, outcome 2.1",
         "2.1", access, 2, "excelling", 3, "purple", None),
        ("eds2/2.2", informed, "insufficient evidence", "not graded",
         ("a grade for outcome 2.2",), "goal 2, outcome 2.2", "2.2", informed, 2, None, None,
         None, None),
    ]  # fmt: skip
    assert all(r.source.url == eds2.source.url for r in grading.reasons)
    assert grading.reasons[8].message == "graded undeveloped (red)"
    assert grading.reasons[8].outcome is Outcome.NOT_MET
    assert grading.counts == {"developing": 1, "excelling": 1, "undeveloped": 1}
    assert [r.code for r in grading.ungraded][:3] == ["1.2", "1.3", "1.4"]
    # EDS2 does not score its outcomes: no score, no rating, no note about either.
    assert (grading.score, grading.rating, grading.unit_scores) == (None, None, {})
    assert (grading.model, grading.verified, grading.notes, grading.bands) == (
        "eds2", True, eds2.notes, (),
    )  # fmt: skip


def test_grading_eds2022_scores_outcomes_and_sums_them_once_all_are_scored() -> None:
    eds2022 = _eds2022()
    partial = eds2022.grade_outcomes({"1A": 0, "1B": "1", "2A": 3, "3C": 2})
    assert repr(partial) == "<EdsOutcomeGrading eds-2022 not met with 11 outcomes and 7 ungraded>"
    assert [
        (r.code, r.grade, r.rank, r.score, r.outcome.label, r.message) for r in partial.reasons
    ] == [
        ("1A", "0", 0, 0, "not met", "graded 0"),
        ("1B", "1", 1, 1, "partly met", "graded 1"),
        ("1C", None, None, None, "insufficient evidence", "not graded"),
        ("1D", None, None, None, "insufficient evidence", "not graded"),
        ("2A", "3", 3, 3, "met", "graded 3"),
        ("2B", None, None, None, "insufficient evidence", "not graded"),
        ("2C", None, None, None, "insufficient evidence", "not graded"),
        ("2D", None, None, None, "insufficient evidence", "not graded"),
        ("3A", None, None, None, "insufficient evidence", "not graded"),
        ("3B", None, None, None, "insufficient evidence", "not graded"),
        ("3C", "2", 2, 2, "met", "graded 2"),
    ]
    assert [(r.unit, r.source.section) for r in partial.reasons[3:5]] == [
        (1, "domain 1, outcome 1D"),
        (2, "domain 2, outcome 2A"),
    ]
    assert partial.unit_scores == {1: 1, 2: 3, 3: 2}
    assert partial.counts == {"0": 1, "1": 1, "3": 1, "2": 1}
    # Not every outcome is scored: no overall score and no note about one.
    assert (partial.score, partial.rating, partial.notes) == (None, None, eds2022.notes)
    whole = eds2022.grade_outcomes({o.code: 3 for o in eds2022.outcomes})
    assert (whole.score, whole.rating, whole.unit_scores) == (33, None, {1: 12, 2: 12, 3: 9})
    assert whole.notes == (
        *eds2022.notes,
        "Overall score 33: rating bands not in engagekit's sources; pass them to rate.",
    )
    assert repr(whole) == "<EdsOutcomeGrading eds-2022 met with 11 outcomes and 0 ungraded>"
    assert (whole.verified, whole.model) == (False, "eds-2022")
    zero = eds2022.grade_outcomes({o.code: 0 for o in eds2022.outcomes})
    assert (zero.score, zero.outcome) == (0, Outcome.NOT_MET)
    assert zero.notes[-1] == (
        "Overall score 0: rating bands not in engagekit's sources; pass them to rate."
    )


def test_grading_eds2022_rates_on_the_bands_passed() -> None:
    eds2022 = _eds2022()
    bands = {"Low": (0, 11), "Mid": (12, 21), "High": (22, 33)}
    ones = eds2022.grade_outcomes({o.code: 1 for o in eds2022.outcomes}, bands=bands)
    assert (ones.score, ones.rating) == (11, "Low")
    assert ones.bands == (
        EdsRating(name="Low", low=0, high=11),
        EdsRating(name="Mid", low=12, high=21),
        EdsRating(name="High", low=22, high=33),
    )
    assert ones.notes == (
        *eds2022.notes,
        (
            "Overall score 11, rated Low on the bands passed to grade_outcomes(), "
            "not on bands from engagekit's sources."
        ),
    )
    assert repr(ones) == "<EdsOutcomeGrading eds-2022 partly met with 11 outcomes and 0 ungraded>"
    # The edges of a band: 12 is the first score rated Mid, 21 the last.
    twelve = eds2022.grade_outcomes(
        {o.code: ("2" if o.code == "1A" else "1") for o in eds2022.outcomes}, bands=bands
    )
    assert (twelve.score, twelve.rating) == (12, "Mid")
    twenty_one = eds2022.grade_outcomes(
        {o.code: (1 if o.code == "3C" else 2) for o in eds2022.outcomes}, bands=bands
    )
    assert (twenty_one.score, twenty_one.rating) == (21, "Mid")
    listed = [EdsRating(name="Low", low=0, high=16), EdsRating(name="High", low=17, high=33)]
    high = eds2022.grade_outcomes({o.code: 2 for o in eds2022.outcomes}, bands=listed)
    assert (high.score, high.rating, high.bands) == (22, "High", tuple(listed))
    # Bands with no score yet: kept, and no rating.
    unscored = eds2022.grade_outcomes({"1A": 3}, bands=listed)
    assert (unscored.score, unscored.rating, unscored.bands) == (None, None, tuple(listed))


def test_grade_outcomes_refuses_a_version_that_does_not_list_its_outcomes() -> None:
    with pytest.raises(InvalidValueError) as error:
        _eds2011().grade_outcomes({"2.1": "achieving"})
    assert _message(error) == (
        "grade_outcomes: 'eds-2011' is not allowed: Equality Delivery System (EDS) lists 6 of "
        "its 18 outcomes; grade it by goal with grade()"
    )


def test_grade_outcomes_refuses_what_is_not_a_code_and_grade_on_the_scale() -> None:
    eds2, eds2022 = _eds2(), _eds2022()
    with pytest.raises(InvalidTypeError) as type_error:
        eds2.grade_outcomes([("2.1", "achieving")])  # type: ignore[arg-type]
    assert str(type_error.value) == (
        "grades: got list [('2.1', 'achieving')]; expected a mapping of outcome code to grade"
    )
    with pytest.raises(InvalidTypeError) as type_error:
        eds2.grade_outcomes({2.1: "achieving"})  # type: ignore[dict-item]
    assert str(type_error.value) == "outcome code: got float 2.1; expected text such as '2.1'"
    with pytest.raises(InvalidValueError) as error:
        eds2022.grade_outcomes({"4A": 1})
    assert _message(error) == (
        "outcome code: '4A' is not allowed; allowed: '1A', '1B', '1C', '1D', '2A', '2B', "
        "'2C', '2D', '3A', '3B', '3C' (did you mean '3A', '2A', '1A'?)"
    )
    with pytest.raises(InvalidTypeError) as type_error:
        eds2022.grade_outcomes({"1A": True})
    assert str(type_error.value) == "grade for outcome 1A: got bool True; expected text"
    with pytest.raises(InvalidTypeError) as type_error:
        eds2022.grade_outcomes({"1A": 2.0})  # type: ignore[dict-item]
    assert str(type_error.value) == "grade for outcome 1A: got float 2.0; expected text"
    with pytest.raises(InvalidValueError) as error:
        eds2022.grade_outcomes({"1B": 4})
    assert _message(error) == (
        "grade for outcome 1B: '4' is not allowed; allowed: '0', '1', '2', '3'"
    )
    with pytest.raises(InvalidValueError) as error:
        eds2.grade_outcomes({"2.2": 2})
    assert _message(error) == (
        "grade for outcome 2.2: '2' is not allowed; "
        "allowed: 'undeveloped', 'developing', 'achieving', 'excelling'"
    )
    with pytest.raises(InvalidValueError) as error:
        eds2.grade_outcomes({"2.1": "outstanding"})
    assert _message(error) == (
        "grade for outcome 2.1: 'outstanding' is not allowed; "
        "allowed: 'undeveloped', 'developing', 'achieving', 'excelling'"
    )
    scored = eds2022.grade_outcomes({"2B": np.int64(3)})  # type: ignore[dict-item]
    assert [(r.grade, r.score) for r in scored.reasons if r.grade is not None] == [("3", 3)]


# --- the rating bands --------------------------------------------------------------


def test_bands_are_refused_for_a_version_that_does_not_score() -> None:
    eds2 = _eds2()
    for bands, shown in [
        ({"High": (0, 33)}, "{'High': (0, 33)}"),
        (MappingProxyType({"High": (0, 33)}), "{'High': (0, 33)}"),
        ((EdsRating(name="High", low=0, high=33),), "[EdsRating(name='High', low=0, high=33)]"),
        ("High", "'High'"),
        (b"High", "b'High'"),
    ]:
        with pytest.raises(InvalidValueError) as error:
            eds2.grade_outcomes({}, bands=bands)  # type: ignore[arg-type]
        assert _message(error) == (
            f"bands: {shown} is not allowed: "
            "Equality Delivery System 2 (EDS2) does not score its outcomes"
        )
    with pytest.raises(InvalidValueError) as error:
        eds2.grade_outcomes({}, bands=MappingProxyType({"High": (0, 33)}))
    assert type(error.value.value) is dict
    with pytest.raises(InvalidValueError) as error:
        eds2.grade_outcomes({}, bands=(EdsRating(name="High", low=0, high=33),))
    assert type(error.value.value) is list


@pytest.mark.parametrize(
    ("span", "message"),
    [
        ("03", "bands['Low']: got str '03'; expected (low, high)"),
        (b"03", "bands['Low']: got bytes b'03'; expected (low, high)"),
        (16, "bands['Low']: got int 16; expected (low, high)"),
        ((0,), "bands['Low']: got tuple (0,); expected (low, high)"),
        ((0, 8, 16), "bands['Low']: got tuple (0, 8, 16); expected (low, high)"),
    ],
)
def test_a_band_given_by_name_is_a_low_and_a_high(span: object, message: str) -> None:
    with pytest.raises(InvalidTypeError, match=f"^{re.escape(message)}$"):
        _eds2022().grade_outcomes({}, bands={"Low": span, "High": (17, 33)})  # type: ignore[dict-item]


def test_bands_are_named_by_text_and_listed_as_ratings() -> None:
    eds2022 = _eds2022()
    with pytest.raises(InvalidTypeError) as error:
        eds2022.grade_outcomes({}, bands={1: (0, 33)})  # type: ignore[dict-item]
    assert _message(error) == "bands: got int 1; expected text naming a rating"
    with pytest.raises(InvalidTypeError) as error:
        eds2022.grade_outcomes(
            {},
            bands=[EdsRating(name="Low", low=0, high=16), ("High", 17, 33)],  # type: ignore[list-item]
        )
    assert _message(error) == "bands[1]: got tuple ('High', 17, 33); expected an EdsRating"
    expected = "expected a list of EdsRating or a mapping of rating name to (low, high)"
    for bands, shown in [("Low", "str 'Low'"), (b"Low", "bytes b'Low'"), (33, "int 33")]:
        with pytest.raises(InvalidTypeError) as error:
            eds2022.grade_outcomes({}, bands=bands)  # type: ignore[arg-type]
        assert _message(error) == f"bands: got {shown}; {expected}"
    named = eds2022.grade_outcomes({}, bands={"High": (17, 33), "Low": (0, 16)})
    assert named.bands == (
        EdsRating(name="High", low=17, high=33),
        EdsRating(name="Low", low=0, high=16),
    )


@pytest.mark.parametrize(
    ("bands", "reason"),
    [
        ({}, "give at least one band"),
        ([], "give at least one band"),
        (
            [EdsRating(name="Low", low=0, high=16), EdsRating(name="Low", low=17, high=33)],
            "rating names repeat",
        ),
        ({"Low": (1, 16), "High": (17, 33)}, "bands must run on from 0 without gaps or overlaps (at 1)"),
        ({"Low": (0, 16), "High": (18, 33)}, "bands must run on from 0 without gaps or overlaps (at 18)"),
        ({"Low": (0, 16), "High": (16, 33)}, "bands must run on from 0 without gaps or overlaps (at 16)"),
        ({"Low": (0, 16), "High": (17, 32)}, "bands must end at the top score (33)"),
        ({"Low": (0, 16), "High": (17, 34)}, "bands must end at the top score (33)"),
    ],
)  # fmt: skip
def test_bands_cover_every_score_from_0_to_33_once(bands: object, reason: str) -> None:
    """EDS 2022: 11 outcomes scored at most 3 each, so bands run from 0 to 33."""
    spans = (
        [(name, low, high) for name, (low, high) in bands.items()]
        if isinstance(bands, dict)
        else [(b.name, b.low, b.high) for b in bands]  # type: ignore[attr-defined]
    )
    with pytest.raises(InvalidValueError) as error:
        _eds2022().grade_outcomes({}, bands=bands)  # type: ignore[arg-type]
    assert _message(error) == f"bands: {spans!r} is not allowed: {reason}"
    assert error.value.value == spans


def test_the_top_score_follows_the_versions_highest_score() -> None:
    """Scored 0, 1, 2 or 5, eleven outcomes reach 55."""
    wider = attrs.evolve(_eds2022(), scores=(0, 1, 2, 5))
    with pytest.raises(InvalidValueError) as error:
        wider.grade_outcomes({}, bands={"Low": (0, 16), "High": (17, 33)})
    assert _message(error) == (
        "bands: [('Low', 0, 16), ('High', 17, 33)] is not allowed: "
        "bands must end at the top score (55)"
    )
    rated = wider.grade_outcomes({o.code: 3 for o in wider.outcomes}, bands={"All": (0, 55)})
    assert (rated.score, rated.rating) == (55, "All")


# --- a grading built by hand ---------------------------------------------------------


def test_a_gradings_rating_must_be_the_band_its_score_falls_in() -> None:
    bands = [EdsRating(name="Low", low=0, high=16), EdsRating(name="High", low=17, high=33)]
    common: dict[str, Any] = {
        "model": "eds-2022",
        "outcome": "not applicable",
        "reasons": (),
        "verified": False,
    }
    with pytest.raises(InvalidValueError) as error:
        EdsOutcomeGrading(**common, score=20, rating="Low", bands=bands)
    assert _message(error) == (
        "EdsOutcomeGrading.rating: 'Low' is not allowed: "
        "must be the band of the bands given that score 20 falls in (High)"
    )
    with pytest.raises(InvalidValueError) as error:
        EdsOutcomeGrading(**common, score=20, bands=bands)
    assert _message(error) == (
        "EdsOutcomeGrading.rating: missing: "
        "must be the band of the bands given that score 20 falls in (High)"
    )
    with pytest.raises(InvalidValueError) as error:
        EdsOutcomeGrading(**common, rating="Low", bands=bands)
    assert _message(error) == (
        "EdsOutcomeGrading.rating: 'Low' is not allowed: "
        "must be the band of the bands given that score None falls in (None)"
    )
    rated = EdsOutcomeGrading(**common, score=17, rating="High", bands=bands)
    assert repr(rated) == (
        "<EdsOutcomeGrading eds-2022 not applicable with 0 outcomes and 0 ungraded>"
    )
    unbanded = EdsOutcomeGrading(**common, score=17)
    assert (unbanded.score, unbanded.rating) == (17, None)


def test_a_gradings_outcome_must_be_the_worst_of_its_reasons() -> None:
    with pytest.raises(InvalidValueError) as error:
        EdsGrading(model="eds2", outcome="met", reasons=(), verified=True)
    assert _message(error) == (
        "EdsGrading.outcome: 'met' is not allowed: "
        "must be the worst of its reasons' outcomes (not-applicable)"
    )
    with pytest.raises(InvalidValueError) as error:
        EdsOutcomeGrading(model="eds-2022", outcome="met", reasons=(), verified=False)
    assert _message(error) == (
        "EdsOutcomeGrading.outcome: 'met' is not allowed: "
        "must be the worst of its reasons' outcomes (not-applicable)"
    )
