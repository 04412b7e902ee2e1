"""What an options appraisal says, pinned exactly (mutation testing's survivors).

The appraisal used is Somerset LINk's Patient Transport Project (two options: the LINk's
recommendations, met for patients and the public, and the plans as they stood, only
partly met for them; staff, cost and safety unassessed in both). The rheumatology
pathway has no options, so it cannot be appraised.
"""

from __future__ import annotations

import attrs
import pytest

from engagekit import examples
from engagekit.decisions import (
    DEFAULT_POLICY,
    Audience,
    Column,
    Comparison,
    Criterion,
    OptionRow,
    Outcome,
    compare,
    dominates,
)
from engagekit.errors import (
    InvalidTypeError,
    InvalidValueError,
    UnknownChoiceError,
    UnknownNameError,
)
from engagekit.ratings import Rating


M, P, N, U = Rating.MET, Rating.PARTLY_MET, Rating.NOT_MET, Rating.UNKNOWN


def _transport() -> Comparison:
    return compare(examples.somerset_patient_transport_decision())


class TestDominates:
    @pytest.mark.parametrize(
        ("a", "b", "expected"),
        [
            ((M, P), (M, N), True),
            ((M, N), (P, M), False),
            ((M, M), (M, M), False),
            ((P,), (P,), False),
            ((M, M), (U, N), False),
            ((U, N), (M, M), False),
            ((M, U), (P, M), False),
            ((U, M), (U, N), True),
            ((U, U), (U, U), False),
            ((M, U, P), (P, U, P), True),
            ((P, U, M), (P, U, N), True),
            ((P, U, N), (P, U, M), False),
        ],
    )
    def test_never_worse_and_better_somewhere(
        self, a: tuple[Rating, ...], b: tuple[Rating, ...], expected: bool
    ) -> None:
        """Unknown in both is a tie, even before the column that decides; in one, no verdict."""
        assert dominates(a, b) is expected

    def test_the_transport_options(self) -> None:
        """The LINk's recommendations dominate the plans as they stood, not the other way."""
        table = _transport()
        recommendations, current = (r.ratings for r in table.rows)
        assert recommendations == (M, U, M, U, U)
        assert current == (P, U, P, U, U)
        assert dominates(recommendations, current) is True
        assert dominates(current, recommendations) is False
        assert dominates(recommendations, recommendations) is False

    def test_ratings_as_text(self) -> None:
        """Text is read as ratings, mixed with members or not."""
        assert dominates(("unknown", "met"), ("unknown", "not met")) is True
        assert dominates(["met", Rating.PARTLY_MET], ("met", "partly-met")) is False
        assert dominates([Rating.MET, "partly met"], ("partly met", Rating.NOT_MET)) is True
        assert dominates(("not met",), ("partly met",)) is False

    def test_an_unknown_rating_word_is_refused(self) -> None:
        with pytest.raises(UnknownChoiceError, match=r"^Rating: 'good' is not allowed"):
            dominates(("met",), ("good",))

    def test_lengths_must_agree(self) -> None:
        with pytest.raises(InvalidValueError) as info:
            dominates((M, M), (M, M, M))
        assert str(info.value) == "ratings: (2, 3) is not allowed: must be the same length"

    def test_a_lone_string_is_not_a_list_of_ratings(self) -> None:
        """'met' has three letters, as ('met', 'met', 'met') has three ratings."""
        with pytest.raises(InvalidTypeError) as info:
            dominates("met", (M, M, M))
        assert str(info.value) == "ratings: got str 'met'; expected a list of ratings"
        with pytest.raises(InvalidTypeError) as info:
            dominates((M, M, M), "met")
        assert str(info.value) == "ratings: got str 'met'; expected a list of ratings"


class TestCompare:
    def test_the_transport_appraisal(self) -> None:
        table = _transport()
        assert [c.label for c in table.columns] == [
            "acceptable to patients",
            "acceptable to staff",
            "acceptable to public",
            "affordable",
            "safe and effective",
        ]
        assert table.title == "Develop patient transport services across Somerset"
        assert table.policy == "engagekit default"
        assert [(r.option, r.outcome, r.failed, r.dominated_by) for r in table.rows] == [
            ("link-recommendations", Outcome.INSUFFICIENT_EVIDENCE, (), ()),
            ("current-plans", Outcome.INSUFFICIENT_EVIDENCE, (), ("link-recommendations",)),
        ]
        assert table.candidates == ("link-recommendations",)
        assert table.rows[1].dominated is True
        assert table.rows[0].dominated is False

    def test_the_policy_decides_the_columns_and_is_named(self) -> None:
        """A policy that asks only patients and the public drops the staff column."""
        policy = attrs.evolve(
            DEFAULT_POLICY,
            name="patients and public only",
            acceptability_audiences=[Audience.PATIENTS, Audience.PUBLIC],
        )
        table = compare(examples.somerset_patient_transport_decision(), policy=policy)
        assert table.policy == "patients and public only"
        assert table.columns == (
            Column(criterion=Criterion.ACCEPTABLE, audience=Audience.PATIENTS),
            Column(criterion=Criterion.ACCEPTABLE, audience=Audience.PUBLIC),
            Column(criterion=Criterion.AFFORDABLE),
            Column(criterion=Criterion.SAFE_AND_EFFECTIVE),
        )
        assert [r.ratings for r in table.rows] == [(M, M, U, U), (P, P, U, U)]

    def test_a_not_met_rating_fails_its_column(self) -> None:
        """The plans as they stood, judged unacceptable to the public, fail that gate alone."""
        decision = examples.somerset_patient_transport_decision()
        current = decision.options[1]
        unacceptable = attrs.evolve(
            current,
            assessments=[
                attrs.evolve(a, rating=Rating.NOT_MET) if a.audience is Audience.PUBLIC else a
                for a in current.assessments
            ],
        )
        table = compare(attrs.evolve(decision, options=[decision.options[0], unacceptable]))
        row = table.row("current-plans")
        assert row.ratings == (P, U, N, U, U)
        assert row.failed == ("acceptable to public",)
        assert row.outcome is Outcome.NOT_MET
        assert row.dominated_by == ("link-recommendations",)
        assert table.candidates == ("link-recommendations",)

    def test_only_a_decision(self) -> None:
        title = examples.somerset_patient_transport_decision().title
        with pytest.raises(InvalidTypeError) as info:
            compare(title)  # type: ignore[arg-type]
        assert str(info.value) == (
            "decision: got str 'Develop patient transport services across Somerset'; "
            "expected a Decision"
        )

    def test_a_decision_without_options(self) -> None:
        """The rheumatology pathway was decided on its own assessments: nothing to compare."""
        with pytest.raises(InvalidValueError) as info:
            compare(examples.somerset_rheumatology_decision())
        assert str(info.value) == (
            "Decision.options: [] is not allowed: an options appraisal needs at least one option"
        )


class TestComparison:
    def test_repr(self) -> None:
        assert repr(_transport()) == (
            "<Comparison 'Develop patient transport services across Somerset' "
            "with 2 options and 5 columns>"
        )

    def test_repr_of_one_option_cuts_a_long_title_to_80_characters_with_an_ellipsis(self) -> None:
        decision = examples.somerset_patient_transport_decision()
        option = decision.options[0]
        title = f"{decision.title}: {option.title}"
        table = compare(attrs.evolve(decision, title=title, options=[option]))
        assert len(title) > 80
        assert repr(table) == (
            '<Comparison "Develop patient transport services across Somerset: Include the '
            "LINk's recommen…\" with 1 option and 5 columns>"
        )

    def test_row_of_an_unknown_option(self) -> None:
        table = _transport()
        assert table.row("current-plans") is table.rows[1]
        with pytest.raises(UnknownNameError) as info:
            table.row("current-plan")
        assert str(info.value) == "unknown option 'current-plan'; did you mean 'current-plans'?"
        with pytest.raises(UnknownNameError) as info:
            table.row("status-quo")
        assert str(info.value) == (
            "unknown option 'status-quo'; known: 'link-recommendations', 'current-plans'"
        )

    def test_a_row_may_fail_only_a_column_of_the_table(self) -> None:
        table = _transport()
        row = attrs.evolve(table.rows[0], failed=["affordability"])
        with pytest.raises(InvalidValueError) as info:
            Comparison(title=table.title, columns=table.columns, rows=[row, table.rows[1]])
        assert str(info.value) == (
            "Comparison.rows[0].failed: 'affordability' is not allowed: no such column; "
            "allowed: 'acceptable to patients', 'acceptable to public', 'acceptable to staff', "
            "'affordable', 'safe and effective' (did you mean 'affordable'?)"
        )

    def test_a_row_is_not_dominated_by_itself(self) -> None:
        table = _transport()
        row = attrs.evolve(table.rows[0], dominated_by=["link-recommendations"])
        with pytest.raises(InvalidValueError) as info:
            Comparison(title=table.title, columns=table.columns, rows=[row, table.rows[1]])
        assert str(info.value) == (
            "Comparison.rows[0].dominated_by: 'link-recommendations' is not allowed: must be "
            "the id of another option in the comparison; allowed: 'current-plans'"
        )


class TestOptionRow:
    def test_ratings_must_be_a_list(self) -> None:
        """One rating given as text is refused, not read letter by letter."""
        with pytest.raises(InvalidTypeError) as info:
            OptionRow(option="current-plans", title="Plans", ratings="met", outcome="met")
        assert str(info.value) == "OptionRow.ratings: got str 'met'; expected a list"
        with pytest.raises(InvalidTypeError) as info:
            OptionRow(option="current-plans", title="Plans", ratings=3, outcome="met")
        assert str(info.value) == "OptionRow.ratings: got int 3; expected a list"

    def test_ratings_are_read_from_text(self) -> None:
        row = OptionRow(
            option="current-plans", title="Plans", ratings=["partly met", "unknown"], outcome="met"
        )
        assert row.ratings == (P, U)
