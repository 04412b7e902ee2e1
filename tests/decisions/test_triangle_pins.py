"""The triangle's assessments and a change's impact: refusals read whole, reprs pinned.

The options are those of Somerset LINk's Patient Transport Project: the LINk's
recommendations (met for patients and the public, unknown for staff, cost and safety)
and the plans as they stood.
"""

from __future__ import annotations

import math

import pytest

from engagekit import examples
from engagekit.decisions import (
    Assessment,
    Audience,
    ChangeKind,
    Criterion,
    Impact,
    Option,
)
from engagekit.errors import InvalidTypeError, InvalidValueError, UnknownChoiceError
from engagekit.ratings import Rating


def _recommendations() -> Option:
    return examples.somerset_patient_transport_decision().options[0]


class TestAssessment:
    def test_acceptability_needs_an_audience(self) -> None:
        with pytest.raises(InvalidValueError) as info:
            Assessment(criterion=Criterion.ACCEPTABLE, rating=Rating.MET)
        assert str(info.value) == (
            "Assessment.audience: missing: acceptability is judged separately "
            "for patients, staff and the public; allowed: 'patients', 'staff', 'public'"
        )

    def test_only_acceptability_has_an_audience(self) -> None:
        with pytest.raises(InvalidValueError) as info:
            Assessment(criterion="affordable", audience="staff", rating="met")
        assert str(info.value) == (
            "Assessment.audience: 'staff' is not allowed: only acceptability has an "
            "audience, not 'affordable'"
        )
        with pytest.raises(InvalidValueError) as info:
            Assessment(criterion="safe", audience=Audience.PUBLIC, rating="unknown")
        assert str(info.value) == (
            "Assessment.audience: 'public' is not allowed: only acceptability has an "
            "audience, not 'safe-and-effective'"
        )

    def test_labels(self) -> None:
        assessments = _recommendations().assessments
        assert [a.label for a in assessments] == [
            "acceptable to patients",
            "acceptable to public",
            "acceptable to staff",
            "affordable",
            "safe and effective",
        ]
        assert assessments[1].key == (Criterion.ACCEPTABLE, Audience.PUBLIC)
        assert assessments[3].key == (Criterion.AFFORDABLE, None)


class TestOption:
    def test_repr(self) -> None:
        assert repr(_recommendations()) == "<Option 'link-recommendations' with 5 assessments>"
        one = Option(
            id="current-plans",
            title="Develop patient transport on the plans as they stood",
            assessments=[
                Assessment(criterion="acceptable", audience="patients", rating="partly met")
            ],
        )
        assert repr(one) == "<Option 'current-plans' with 1 assessment>"

    def test_assessments_must_be_assessments(self) -> None:
        with pytest.raises(InvalidTypeError) as info:
            Option(id="current-plans", title="Plans", assessments=["partly met"])
        assert str(info.value) == (
            "Option.assessments[0]: got str 'partly met'; expected an Assessment"
        )

    def test_each_criterion_and_audience_once(self) -> None:
        first = _recommendations().assessments[0]
        with pytest.raises(InvalidValueError) as info:
            Option(id="current-plans", title="Plans", assessments=[first, first])
        assert str(info.value) == (
            "Option.assessments[1]: 'acceptable to patients' is not allowed: this criterion "
            "(and audience) is already assessed; assess each once"
        )

    def test_rating_by_name(self) -> None:
        option = _recommendations()
        assert option.rating("acceptability", "public") is Rating.MET
        assert option.rating(Criterion.ACCEPTABLE, Audience.STAFF) is Rating.UNKNOWN
        assert option.rating("acceptable") is Rating.UNKNOWN
        assert option.assessment("acceptable", "patients") is option.assessments[0]
        assert option.assessment("affordable") is option.assessments[3]

    def test_an_unknown_criterion(self) -> None:
        with pytest.raises(UnknownChoiceError) as info:
            _recommendations().rating("cheap")
        assert str(info.value) == (
            "criterion: 'cheap' is not allowed; allowed: 'acceptable', 'affordable', "
            "'safe-and-effective'"
        )

    def test_an_unknown_audience(self) -> None:
        with pytest.raises(UnknownChoiceError) as info:
            _recommendations().rating("acceptable", "governors")
        assert str(info.value) == (
            "audience: 'governors' is not allowed; allowed: 'patients', 'staff', 'public'"
        )


class TestImpact:
    def test_cost_is_a_number_of_pounds(self) -> None:
        """Not a word for an unknown cost (that is None), nor a flag."""
        with pytest.raises(InvalidTypeError) as info:
            Impact(kind=ChangeKind.CLOSURE, cost="unknown")  # type: ignore[arg-type]
        assert str(info.value) == "Impact.cost: got str 'unknown'; expected a number of pounds"
        with pytest.raises(InvalidTypeError) as info:
            Impact(kind=ChangeKind.CLOSURE, cost=True)
        assert str(info.value) == "Impact.cost: got bool True; expected a number of pounds"

    @pytest.mark.parametrize("cost", [math.nan, math.inf, -math.inf])
    def test_cost_is_a_finite_number(self, cost: float) -> None:
        """A NaN or infinite cost would read as a cost in every comparison made of it."""
        with pytest.raises(InvalidValueError, match=r"^Impact\.cost: .* must be a finite number"):
            Impact(kind=ChangeKind.CLOSURE, cost=cost)
