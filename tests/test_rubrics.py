"""The frameworks' own rubrics: the Engagement Cycle's key elements, EDS2 and EDS 2022."""

from __future__ import annotations

import attrs
import pytest

from engagekit import ENGAGEMENT_CYCLE, io
from engagekit.cycles import Judgement, KeyElement, principle_sets
from engagekit.duties.equality import (
    EdsModel,
    EdsOutcome,
    EdsOutcomeGrading,
    EdsRating,
    EdsUnit,
    eds_models,
)
from engagekit.errors import InvalidTypeError, InvalidValueError, UnknownNameError
from engagekit.ratings import Rating
from engagekit.results import Outcome, Result
from engagekit.sources import LegalForce, Source


SUTTON = Source(title="Patient and Public Engagement Strategy", publisher="NHS Sutton CCG")


class TestEngagementCycleRubric:
    def test_ten_key_elements_in_the_sources_order(self) -> None:
        """Sutton Appendix Two: "There are ten key elements are: 1. Be clear on the vision,
        and build a share understanding ... 10. Provide learning and support to patients,
        carers and the public"."""
        rubric = ENGAGEMENT_CYCLE.rubric()
        assert len(rubric) == 10
        assert [p.name for p in rubric][0] == (
            "Be clear on the vision, and build a shared understanding"
        )
        assert [p.name for p in rubric][9] == (
            "Provide learning and support to patients, carers and the public"
        )
        assert rubric["governance"].name == "Embed engagement in governance arrangements"
        assert rubric["structures"].note == "Key element 6 of 10."

    def test_is_a_shipped_principle_set(self) -> None:
        """The rubric is listed with the other principle sets, under the same id."""
        assert principle_sets()["engagement-cycle"] == ENGAGEMENT_CYCLE.rubric()

    def test_its_source_is_local_practice_not_law(self) -> None:
        """A gap against the Engagement Cycle is not a breach: Sutton's adopted framework."""
        source = ENGAGEMENT_CYCLE.rubric().source
        assert source.force is LegalForce.LOCAL_PRACTICE
        assert not source.force.binding
        assert source.section == "Appendix Two, Engagement strategy, culture and systems"

    def test_a_strategy_scored_against_it_is_a_result(self) -> None:
        """Every element is judged; all met is met, one partly met is partly met."""
        rubric = ENGAGEMENT_CYCLE.rubric()
        judgements = {p.id: Judgement(rating="met", reason="In the strategy") for p in rubric}
        full = rubric.score(judgements)
        assert isinstance(full, Result)
        assert full.outcome is Outcome.MET
        assert (full.points, full.max_points) == (20, 20)
        judgements["resources"] = Judgement(rating="partly met", reason="No budget line")
        partly = rubric.score(judgements)
        assert partly.outcome is Outcome.PARTLY_MET
        assert [g.rule for g in partly.gaps] == ["engagement-cycle/resources"]
        assert partly.gaps[0].rating is Rating.PARTLY_MET

    def test_an_unknown_element_is_refused(self) -> None:
        """A judgement for an element the cycle does not have names the nearest ids."""
        with pytest.raises(UnknownNameError, match="governance"):
            ENGAGEMENT_CYCLE.rubric().score({"governence": Judgement(rating="met", reason="x")})

    def test_element_ids_default_to_their_number_and_must_be_unique(self) -> None:
        """A user's element without an id gets "element-<n>"; repeated ids are refused."""
        element = KeyElement(number=3, title="Roles", summary="Who does what", source=SUTTON)
        assert element.id == "element-3"
        twice = (
            attrs.evolve(ENGAGEMENT_CYCLE.elements[0], id="same"),
            attrs.evolve(ENGAGEMENT_CYCLE.elements[1], id="same"),
        )
        with pytest.raises(InvalidValueError, match="element ids must be unique"):
            attrs.evolve(ENGAGEMENT_CYCLE, elements=twice)


class TestEds2ByOutcome:
    def test_eighteen_outcomes_in_four_goals(self) -> None:
        """ "At the heart of the EDS is a set of 18 outcomes grouped into four goals"
        (Morecambe Bay CCG); goal 2's four as the Royal Wolverhampton page gives them."""
        eds2 = eds_models()["eds2"]
        assert eds2.outcomes_complete
        assert [len(u.outcomes) for u in eds2.units] == [5, 4, 6, 3]
        assert [o.code for o in eds2.units[1].outcomes] == ["2.1", "2.2", "2.3", "2.4"]
        assert eds2.outcome("2.3").text == "People report positive experiences of the NHS"
        assert "Royal Wolverhampton" in (eds2.outcome("2.1").note or "")

    def test_no_outcome_wording_is_claimed_as_verified(self) -> None:
        """No primary copy of EDS2 or EDS 2022 was found: every wording says so."""
        for model in eds_models().values():
            for outcome in model.outcomes:
                assert outcome.verified is False
                assert outcome.note

    def test_graded_per_outcome_on_the_four_grades(self) -> None:
        """ "It is against these outcomes that performance is analysed, graded": Undeveloped
        (red), Developing (amber), Achieving (green), Excelling (purple)."""
        eds2 = eds_models()["eds2"]
        grading = eds2.grade_outcomes({"1.1": "achieving", "2.4": "undeveloped"})
        assert isinstance(grading, Result)
        assert len(grading.reasons) == 18
        assert len(grading.ungraded) == 16
        first = grading.reasons[0]
        assert (first.rule, first.grade, first.colour) == ("eds2/1.1", "achieving", "green")
        assert first.outcome is Outcome.MET
        complaints = grading.reasons[8]
        assert (complaints.code, complaints.outcome) == ("2.4", Outcome.NOT_MET)
        assert grading.outcome is Outcome.NOT_MET
        assert (grading.score, grading.rating) == (None, None)
        assert grading.verified is True
        assert io.loads(io.dumps(grading), EdsOutcomeGrading) == grading

    def test_all_achieving_is_met(self) -> None:
        eds2 = eds_models()["eds2"]
        grading = eds2.grade_outcomes({o.code: "achieving" for o in eds2.outcomes})
        assert grading.outcome is Outcome.MET
        assert grading.counts == {"achieving": 18}

    def test_bad_grades_and_codes_are_refused(self) -> None:
        eds2 = eds_models()["eds2"]
        with pytest.raises(InvalidValueError, match="'outstanding'"):
            eds2.grade_outcomes({"1.1": "outstanding"})
        with pytest.raises(InvalidValueError, match="outcome code: '1A'"):
            eds2.grade_outcomes({"1A": "achieving"})
        with pytest.raises(InvalidTypeError, match="outcome code"):
            eds2.grade_outcomes({1: "achieving"})  # type: ignore[dict-item]
        with pytest.raises(InvalidTypeError, match="grades"):
            eds2.grade_outcomes(["1.1"])  # type: ignore[arg-type]

    def test_the_2011_edition_is_graded_by_goal_only(self) -> None:
        """EDS (2011) lists 6 of its 18 outcomes, so it cannot be graded outcome by outcome."""
        eds2011 = eds_models()["eds-2011"]
        assert not eds2011.outcomes_complete
        with pytest.raises(InvalidValueError, match="lists 6 of its 18 outcomes"):
            eds2011.grade_outcomes({})


class TestEds2022Scored:
    def test_eleven_outcomes_in_three_domains(self) -> None:
        """EDS 2022: "three domains", "11 Outcomes, where evidence is considered and
        scored, leading to an overall rating" (Wrightington, Wigan and Leigh's page)."""
        eds22 = eds_models()["eds-2022"]
        assert [u.name for u in eds22.units] == [
            "Commissioned or provided services",
            "Workforce health and well-being",
            "Inclusive leadership",
        ]
        assert [o.code for o in eds22.outcomes] == [
            "1A", "1B", "1C", "1D", "2A", "2B", "2C", "2D", "3A", "3B", "3C",
        ]  # fmt: skip
        assert eds22.scores == (0, 1, 2, 3)
        assert eds22.ratings_verified is False

    @pytest.mark.parametrize(
        ("each", "score", "rating"),
        [
            (0, 0, "Undeveloped activity"),
            (1, 11, "Developing activity"),
            (2, 22, "Achieving activity"),
            (3, 33, "Excelling activity"),
        ],
    )
    def test_scores_add_into_the_overall_rating(self, each, score, rating) -> None:
        eds22 = eds_models()["eds-2022"]
        grading = eds22.grade_outcomes({o.code: each for o in eds22.outcomes})
        assert (grading.score, grading.rating) == (score, rating)
        assert grading.unit_scores == {1: 4 * each, 2: 4 * each, 3: 3 * each}
        assert grading.verified is False

    def test_band_edges(self) -> None:
        """7 is the top of Undeveloped, 8 the bottom of Developing, 32 the top of Achieving."""
        eds22 = eds_models()["eds-2022"]
        codes = [o.code for o in eds22.outcomes]
        seven = eds22.grade_outcomes({c: (1 if i < 7 else 0) for i, c in enumerate(codes)})
        eight = eds22.grade_outcomes({c: (1 if i < 8 else 0) for i, c in enumerate(codes)})
        assert (seven.score, seven.rating) == (7, "Undeveloped activity")
        assert (eight.score, eight.rating) == (8, "Developing activity")
        top = eds22.grade_outcomes({c: (2 if i == 0 else 3) for i, c in enumerate(codes)})
        assert (top.score, top.rating) == (32, "Achieving activity")

    def test_no_overall_score_until_every_outcome_is_scored(self) -> None:
        eds22 = eds_models()["eds-2022"]
        grading = eds22.grade_outcomes({"1A": "3", "2B": 1})
        assert (grading.score, grading.rating) == (None, None)
        assert grading.unit_scores == {1: 3, 2: 1}
        assert grading.outcome is Outcome.INSUFFICIENT_EVIDENCE
        with pytest.raises(InvalidValueError, match="'4'"):
            eds22.grade_outcomes({"1A": 4})

    def test_text_names_the_score_and_rating(self) -> None:
        eds22 = eds_models()["eds-2022"]
        text = str(eds22.grade_outcomes({o.code: 2 for o in eds22.outcomes}))
        assert text.startswith("eds-2022 grading by outcome: met; score 22, rated Achieving")
        assert "(grading scheme not verified)" in text.splitlines()[0]


class TestEdsModelChecks:
    def test_rating_bands_must_cover_the_scores(self) -> None:
        """Bands must run from 0 to the top score without gaps."""
        eds22 = eds_models()["eds-2022"]
        with pytest.raises(InvalidValueError, match="without gaps or overlaps"):
            attrs.evolve(
                eds22,
                ratings=(
                    EdsRating(name="Low", low=0, high=7),
                    EdsRating(name="High", low=9, high=33),
                ),
            )
        with pytest.raises(InvalidValueError, match="must end at the top score"):
            attrs.evolve(eds22, ratings=(EdsRating(name="All", low=0, high=30),))
        with pytest.raises(InvalidValueError, match="is below low"):
            EdsRating(name="Odd", low=5, high=4)

    def test_a_unit_cannot_list_more_outcomes_than_it_has(self) -> None:
        outcome = EdsOutcome(code="4.1", text="Boards demonstrate commitment")
        other = EdsOutcome(code="4.2", text="Papers identify impacts")
        with pytest.raises(InvalidValueError, match="more than the unit's 1 outcomes"):
            EdsUnit(
                number=4, name="Inclusive leadership", outcome_count=1, outcomes=(outcome, other)
            )

    def test_models_round_trip(self) -> None:
        for model in eds_models().values():
            assert io.loads(io.dumps(model), EdsModel) == model
