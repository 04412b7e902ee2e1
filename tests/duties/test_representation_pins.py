"""Representation against a population baseline, pinned (mutation testing).

The participants and the population are those of the consultation example
(`engagekit.examples.oxfordshire_synthetic_report`: 24 respondents' age and sex against
a SYNTHETIC census baseline), and the figures of `representation`'s own example. Every
refusal is read whole: its field, the value it got and what it expected.
"""

from __future__ import annotations

import re

from collections.abc import Mapping
from typing import Any

import pytest

from engagekit.duties.equality import (
    ProtectedCharacteristic,
    RepresentationFinding,
    RepresentationReport,
    representation,
    wilson_interval,
)
from engagekit.duties.equality._representation import RULE, SOURCE
from engagekit.errors import InvalidTypeError, InvalidValueError, UnknownChoiceError
from engagekit.examples import oxfordshire_synthetic_report
from engagekit.results import Outcome


AGE = ProtectedCharacteristic.AGE
SEX = ProtectedCharacteristic.SEX

#: `representation`'s own example: the young are under-represented.
AGES = {"16-24": 12, "25-64": 150, "65+": 45}
AGE_SHARES = {"16-24": 0.14, "25-64": 0.62, "65+": 0.24}


#: The example's participants and population, by characteristic then category.
_Example = tuple[
    Mapping[ProtectedCharacteristic, Mapping[str, int]],
    Mapping[ProtectedCharacteristic, Mapping[str, float]],
]


@pytest.fixture(scope="module")
def example() -> _Example:
    report = oxfordshire_synthetic_report()
    return report.participants, report.population


def _refusal(error: type[Exception], message: str, call: Any) -> None:
    with pytest.raises(error) as exc:
        call()
    assert str(exc.value) == message


# --- The findings -------------------------------------------------------------------------


def test_an_internal_analysis_of_the_example_shows_every_count_at_90_percent(
    example: _Example,
) -> None:
    participants, population = example
    report = representation(participants, population, suppress_below=1, confidence=0.9)
    assert repr(report) == "<RepresentationReport met with 12 categories and 0 under-represented>"
    assert (report.outcome, report.suppress_below, report.confidence) == (Outcome.MET, 1, 0.9)
    assert [(f.characteristic, f.category, f.participants, f.message) for f in report] == [
        (AGE, "16 to 24", 1, ("1 of 23 participants (4.3%) against 14.0% of the population: "
         "difference -9.7% (-13.0% to +3.3%), not under-represented")),
        (AGE, "25 to 34", 2, ("2 of 23 participants (8.7%) against 15.0% of the population: "
         "difference -6.3% (-12.1% to +8.2%), not under-represented")),
        (AGE, "35 to 44", 1, ("1 of 23 participants (4.3%) against 15.0% of the population: "
         "difference -10.7% (-14.0% to +2.3%), not under-represented")),
        (AGE, "45 to 54", 4, ("4 of 23 participants (17.4%) against 16.0% of the population: "
         "difference +1.4% (-7.9% to +17.6%), not under-represented")),
        (AGE, "55 to 64", 3, ("3 of 23 participants (13.0%) against 13.0% of the population: "
         "difference +0.0% (-7.7% to +15.5%), not under-represented")),
        (AGE, "65 to 74", 10, ("10 of 23 participants (43.5%) against 11.0% of the population: "
         "difference +32.5% (+17.1% to +49.3%), not under-represented")),
        (AGE, "75 and over", 2, ("2 of 23 participants (8.7%) against 8.0% of the population: "
         "difference +0.7% (-5.1% to +15.2%), not under-represented")),
        (AGE, "Under 16", 0, ("0 of 23 participants (0.0%) against 8.0% of the population: "
         "difference -8.0% (-8.0% to +2.5%), not under-represented")),
        (AGE, "Prefer not to say", 1,
         "1 answered 'Prefer not to say': counted, not compared with the population"),
        (SEX, "Female", 11, ("11 of 23 participants (47.8%) against 51.0% of the population: "
         "difference -3.2% (-19.2% to +13.3%), not under-represented")),
        (SEX, "Male", 12, ("12 of 23 participants (52.2%) against 49.0% of the population: "
         "difference +3.2% (-13.3% to +19.2%), not under-represented")),
        (SEX, "Prefer not to say", 1,
         "1 answered 'Prefer not to say': counted, not compared with the population"),
    ]  # fmt: skip
    young = report.reasons[0]
    low, high = wilson_interval(1, 23, confidence=0.9)
    assert young.low == pytest.approx(low - 0.14)
    assert young.high == pytest.approx(high - 0.14)
    assert young.difference == pytest.approx(1 / 23 - 0.14)
    assert young.ratio == pytest.approx((1 / 23) / 0.14)
    assert (young.outcome, young.under_represented, young.missing) == (Outcome.MET, False, ())
    declined = report.reasons[8]
    assert (declined.stated, declined.share, declined.population_share) == (False, 1 / 24, None)
    assert (declined.outcome, declined.suppressed) == (Outcome.NOT_APPLICABLE, False)


def test_the_published_example_hides_small_counts_and_says_why(
    example: _Example,
) -> None:
    participants, population = example
    report = representation(participants, population)
    assert report.suppress_below == 5
    assert repr(report) == (
        "<RepresentationReport insufficient evidence with 12 categories and 0 under-represented>"
    )
    hidden = report.reasons[0]
    assert (hidden.participants, hidden.share, hidden.suppressed) == (None, None, True)
    assert hidden.message == (
        "the count is suppressed so that no small count can be identified: not judged"
    )
    assert hidden.missing == ("a count that can be published",)
    assert hidden.outcome is Outcome.INSUFFICIENT_EVIDENCE
    declined = report.reasons[8]
    assert declined.message == (
        "suppressed answered 'Prefer not to say': counted, not compared with the population"
    )
    assert (declined.participants, declined.suppressed, declined.stated) == (None, True, False)


def test_a_shown_count_whose_base_is_hidden_is_not_judged() -> None:
    # Three said they are male and none female: 0 is shown, but the 3 who answered are not.
    report = representation({"sex": {"Female": 0, "Male": 3}}, {"sex": {"Female": 51, "Male": 49}})
    female, male = report.reasons
    assert (female.participants, female.share, female.suppressed) == (0, None, False)
    assert female.message == (
        "the number who answered is suppressed, so the share is too so that no small count "
        "can be identified: not judged"
    )
    assert female.missing == ("a count that can be published",)
    assert (male.participants, male.suppressed) == (None, True)
    assert male.message == (
        "the count is suppressed so that no small count can be identified: not judged"
    )
    assert report.outcome is Outcome.INSUFFICIENT_EVIDENCE


def test_an_under_represented_group_names_the_level_of_its_interval() -> None:
    report = representation({"age": AGES}, {"age": AGE_SHARES}, confidence=0.9)
    young = report.reasons[0]
    assert young.message == (
        "12 of 207 participants (5.8%) against 14.0% of the population: difference -8.2% "
        "(-10.3% to -4.9%), under-represented: the 90% interval lies below the population"
    )
    assert (young.outcome, young.under_represented) == (Outcome.NOT_MET, True)
    assert report.under_represented == (young,)
    assert report.outcome is Outcome.NOT_MET
    assert (
        repr(report) == "<RepresentationReport not met with 3 categories and 1 under-represented>"
    )


def test_an_interval_reaching_the_population_share_exactly_is_not_under_represented() -> None:
    # None of 20: the upper end of the interval is exactly the population's share.
    high = wilson_interval(0, 20)[1]
    report = representation(
        {"age": {"16-24": 0, "25-64": 20}}, {"age": {"16-24": high, "25-64": 1 - high}}
    )
    young = report.reasons[0]
    assert young.population_share == high
    assert young.high == 0.0
    assert (young.under_represented, young.outcome) == (False, Outcome.MET)


def test_a_category_the_population_does_not_have_is_not_compared() -> None:
    report = representation(
        {"sex": {"Female": 11, "Male": 12}}, {"sex": {"Female": 0.51, "Male": 0}}, suppress_below=1
    )
    male = report.reasons[1]
    assert male.message == "12 participants; no one in the population baseline"
    assert (male.share, male.population_share, male.ratio) == (12 / 23, 0.0, None)
    assert (male.outcome, male.under_represented) == (Outcome.NOT_APPLICABLE, None)


def test_a_population_of_zeros_gives_every_category_a_share_of_nought() -> None:
    report = representation(
        {"sex": {"Female": 11, "Male": 12}}, {"sex": {"Female": 0, "Male": 0}}, suppress_below=1
    )
    assert [(f.population_share, f.message) for f in report] == [
        (0.0, "11 participants; no one in the population baseline"),
        (0.0, "12 participants; no one in the population baseline"),
    ]


def test_when_no_one_stated_a_category_there_is_no_share() -> None:
    report = representation(
        {"sex": {"Female": 0, "Male": 0, "Prefer not to say": 6}},
        {"sex": {"Female": 0.51, "Male": 0.49}},
    )
    female = report.reasons[0]
    assert (female.message, female.participants, female.share) == ("no one answered", 0, None)
    assert female.outcome is Outcome.NOT_APPLICABLE
    declined = report.reasons[2]
    assert declined.message == (
        "6 answered 'Prefer not to say': counted, not compared with the population"
    )
    assert declined.share == 1.0


def test_a_not_stated_answer_listed_first_leaves_the_categories_after_it_counted() -> None:
    report = representation(
        {"sex": {"Prefer not to say": 6, "Female": 11, "Male": 12}},
        {"sex": {"Female": 0.51, "Male": 0.49}},
    )
    assert [(f.category, f.participants) for f in report] == [
        ("Female", 11),
        ("Male", 12),
        ("Prefer not to say", 6),
    ]


def test_no_participants_is_not_applicable() -> None:
    report = representation({}, {})
    assert report.outcome is Outcome.NOT_APPLICABLE
    assert repr(report) == (
        "<RepresentationReport not applicable with 0 categories and 0 under-represented>"
    )


# --- Wilson's interval --------------------------------------------------------------------


def test_wilson_s_interval_stays_within_nought_and_one() -> None:
    assert wilson_interval(9, 9)[1] == 1.0
    assert wilson_interval(0, 2)[0] == 0.0
    assert wilson_interval(1, 1) == pytest.approx((0.20654931437723745, 1.0))


def test_wilson_interval_refusals_are_read_whole() -> None:
    wilson: Any = wilson_interval  # called with values of the wrong type
    cases: list[tuple[type[Exception], str, Any]] = [
        (InvalidTypeError, "count: got str '31'; expected a whole number",
         lambda: wilson("31", 75)),
        (InvalidTypeError, "base: got str '75'; expected a whole number",
         lambda: wilson(31, "75")),
        (InvalidValueError, "base: 0 is not allowed: must be at least 1",
         lambda: wilson(0, 0)),
        (InvalidValueError, "count: 76 is not allowed: must lie between 0 and 75",
         lambda: wilson(76, 75)),
        (InvalidValueError, "count: -1 is not allowed: must lie between 0 and 75",
         lambda: wilson(-1, 75)),
        (InvalidTypeError, "confidence: got str '95%'; expected a number",
         lambda: wilson(31, 75, "95%")),
        (InvalidValueError, "confidence: -0.95 is not allowed: must lie between 0 and 1",
         lambda: wilson(31, 75, -0.95)),
        (InvalidValueError, "confidence: 0 is not allowed: must lie between 0 and 1",
         lambda: wilson(31, 75, 0)),
        (InvalidValueError, "confidence: 1 is not allowed: must lie between 0 and 1",
         lambda: wilson(31, 75, 1)),
    ]  # fmt: skip
    for error, message, call in cases:
        _refusal(error, message, call)


# --- representation's refusals ------------------------------------------------------------


def test_settings_refusals_are_read_whole(
    example: _Example,
) -> None:
    p, b = example
    untyped: Any = representation  # called with values of the wrong type
    cases: list[tuple[type[Exception], str, Any]] = [
        (InvalidTypeError, "suppress_below: got str '5'; expected a whole number",
         lambda: untyped(p, b, suppress_below="5")),
        (InvalidValueError, "suppress_below: 0 is not allowed: must be a whole number ≥ 1",
         lambda: untyped(p, b, suppress_below=0)),
        (InvalidTypeError, "confidence: got str '95%'; expected a number",
         lambda: untyped(p, b, confidence="95%")),
        (InvalidValueError, "confidence: 0 is not allowed: must lie between 0 and 1",
         lambda: untyped(p, b, confidence=0)),
        (InvalidValueError, "confidence: 1.0 is not allowed: must lie between 0 and 1",
         lambda: untyped(p, b, confidence=1.0)),
        (InvalidValueError, "confidence: 1.5 is not allowed: must lie between 0 and 1",
         lambda: untyped(p, b, confidence=1.5)),
        (InvalidTypeError, "not_stated: got str 'Rather not say'; expected a list of answers",
         lambda: untyped(p, b, not_stated="Rather not say")),
        (InvalidTypeError, "not_stated: got str ' '; expected category text",
         lambda: untyped(p, b, not_stated=[" "])),
        (InvalidTypeError, "not_stated: got int 3; expected category text",
         lambda: untyped(p, b, not_stated=[3])),
    ]  # fmt: skip
    for error, message, call in cases:
        _refusal(error, message, call)


def test_the_confidence_is_checked_with_no_one_to_judge() -> None:
    # Each judged finding's interval checks it again, so this reaches the first check alone.
    for confidence in (1.0, 1.5):
        with pytest.raises(InvalidValueError) as exc:
            representation({}, {}, confidence=confidence)
        assert str(exc.value) == (
            f"confidence: {confidence} is not allowed: must lie between 0 and 1"
        )


def test_table_refusals_name_where_the_bad_value_is() -> None:
    sexes = {"sex": {"Female": 0.51, "Male": 0.49}}
    untyped: Any = representation  # called with values of the wrong type
    cases: list[tuple[type[Exception], str, Any]] = [
        (InvalidTypeError, "participants: got list [('sex', 11)]; expected a mapping",
         lambda: untyped([("sex", 11)], sexes)),
        (InvalidTypeError, "participants['sex']: got list [11, 12]; expected a mapping",
         lambda: untyped({"sex": [11, 12]}, sexes)),
        (InvalidTypeError, "population: got list [('sex', 0.51)]; expected a mapping",
         lambda: untyped({"sex": {"Female": 11}}, [("sex", 0.51)])),
        (InvalidTypeError, "population['sex']: got list [0.51, 0.49]; expected a mapping",
         lambda: untyped({"sex": {"Female": 11}}, {"sex": [0.51, 0.49]})),
        (InvalidValueError,
         ("population['race']: missing: the participants have answers for it, so it "
         "needs a population baseline"),
         lambda: untyped({"race": {"White British": 20}}, sexes)),
        (InvalidTypeError,
         "participants['sex']['Female']: got str '11'; expected a whole number",
         lambda: untyped({"sex": {"Female": "11", "Male": 12}}, sexes)),
        (InvalidTypeError,
         "participants['sex']['Female']: got bool True; expected a whole number",
         lambda: untyped({"sex": {"Female": True, "Male": 12}}, sexes)),
        (InvalidValueError,
         "participants['sex']['Female']: -11 is not allowed: must be a whole number ≥ 0",
         lambda: untyped({"sex": {"Female": -11, "Male": 12}}, sexes)),
        (InvalidTypeError, "population['sex']['Female']: got str '51%'; expected a number",
         lambda: untyped({"sex": {"Female": 11}}, {"sex": {"Female": "51%"}})),
        (InvalidTypeError, "population['sex']['Female']: got bool True; expected a number",
         lambda: untyped({"sex": {"Female": 11}}, {"sex": {"Female": True}})),
        (InvalidValueError,
         "population['sex']['Female']: -0.51 is not allowed: must be a number ≥ 0",
         lambda: untyped({"sex": {"Female": 11}}, {"sex": {"Female": -0.51}})),
        (InvalidValueError,
         "population['sex']['Female']: nan is not allowed: must be a number ≥ 0",
         lambda: untyped({"sex": {"Female": 11}}, {"sex": {"Female": float("nan")}})),
        (InvalidTypeError, "population['sex']: got str ' '; expected category text",
         lambda: untyped({"sex": {"Female": 11}}, {"sex": {"Female": 0.51, " ": 0.49}})),
        (InvalidTypeError, "population['sex']: got int 2; expected category text",
         lambda: untyped({"sex": {"Female": 11}}, {"sex": {"Female": 0.51, 2: 0.49}})),
        (InvalidValueError,
         ("participants['sex']: 'Non-binary' is not allowed: category has no population "
         "figure and is not a not-stated answer; allowed: 'Female', 'Male', "
         "'Prefer not to say', 'Prefer not to answer', 'Not stated'"),
         lambda: untyped({"sex": {"Female": 11, "Non-binary": 5}}, sexes)),
    ]  # fmt: skip
    for error, message, call in cases:
        _refusal(error, message, call)


def test_an_unknown_characteristic_is_refused_naming_the_nine() -> None:
    with pytest.raises(UnknownChoiceError) as exc:
        representation({"wealth": {"high": 30}}, {"wealth": {"high": 1}})
    assert str(exc.value) == (
        "characteristic: 'wealth' is not allowed; allowed: 'age', 'disability', "
        "'gender-reassignment', 'marriage-and-civil-partnership', 'pregnancy-and-maternity', "
        "'race', 'religion-or-belief', 'sex', 'sexual-orientation'"
    )


# --- A finding built by hand --------------------------------------------------------------


def _older(**changes: object) -> RepresentationFinding:
    """The example's 65 to 74 year olds: 10 of 23 against 11% of the population."""
    fields: dict[str, Any] = {
        "rule": RULE,
        "title": "age: 65 to 74",
        "source": SOURCE,
        "characteristic": "age",
        "category": "65 to 74",
        "outcome": Outcome.MET,
        "message": "10 of 23 participants (43.5%) against 11.0% of the population",
        "participants": 10,
        "share": 10 / 23,
        "population_share": 0.11,
        "ratio": (10 / 23) / 0.11,
        "under_represented": False,
        "suppressed": False,
    }
    return RepresentationFinding(**(fields | changes))


def test_a_finding_s_figures_are_refused_naming_the_field() -> None:
    cases: list[tuple[type[Exception], str, dict[str, object]]] = [
        (InvalidValueError,
         "RepresentationFinding.share: -0.1 is not allowed: must be a number at least 0",
         {"share": -0.1}),
        (InvalidValueError,
         ("RepresentationFinding.population_share: -0.11 is not allowed: must be a number "
         "at least 0"),
         {"population_share": -0.11}),
        (InvalidTypeError, "RepresentationFinding.difference: got float nan; expected a number",
         {"difference": float("nan")}),
        (InvalidTypeError, "RepresentationFinding.difference: got bool True; expected a number",
         {"difference": True}),
        (InvalidTypeError, "RepresentationFinding.low: got str '0.171'; expected a number",
         {"low": "0.171"}),
        (InvalidValueError,
         ("RepresentationFinding.participants: 10 is not allowed: a suppressed count is not "
         "shown"),
         {"suppressed": True}),
        (InvalidValueError,
         ("RepresentationFinding.share: 0.43478260869565216 is not allowed: the share of a "
         "suppressed count is not shown"),
         {"suppressed": True, "participants": None}),
    ]  # fmt: skip
    for error, message, changes in cases:
        with pytest.raises(error, match=f"^{re.escape(message)}$"):
            _older(**changes)
    older = _older(difference=0.3248, low=0.1707, high=0.4926)
    assert (older.difference, older.low, older.high) == (0.3248, 0.1707, 0.4926)
    assert RepresentationReport(outcome="met", reasons=[older], suppress_below=5).reasons == (
        older,
    )


@pytest.mark.parametrize(
    ("confidence", "error", "message"),
    [
        (0, InvalidValueError, "RepresentationReport.confidence: 0 is not allowed: must lie between 0 and 1"),
        (1, InvalidValueError, "RepresentationReport.confidence: 1 is not allowed: must lie between 0 and 1"),
        (1.5, InvalidValueError, "RepresentationReport.confidence: 1.5 is not allowed: must lie between 0 and 1"),
        (True, InvalidTypeError, "RepresentationReport.confidence: got bool True; expected a number"),
    ],
)  # fmt: skip
def test_a_report_refuses_a_confidence_level_representation_refuses(
    confidence: float, error: type[Exception], message: str
) -> None:
    """A report's confidence lies strictly between 0 and 1, as `representation` and
    `wilson_interval` ask: 0 or 1 gives no interval."""
    with pytest.raises(error, match=f"^{re.escape(message)}$"):
        RepresentationReport(
            outcome="not-applicable", reasons=[], suppress_below=5, confidence=confidence
        )
    report = RepresentationReport(
        outcome="not-applicable", reasons=[], suppress_below=5, confidence=0.9
    )
    assert report.confidence == 0.9
