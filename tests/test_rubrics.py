"""The frameworks' own rubrics: the Engagement Cycle's key elements, EDS2 and EDS 2022."""

from __future__ import annotations

import attrs
import pytest

from engagekit import ENGAGEMENT_CYCLE, io, render
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


WOLVERHAMPTON_GOAL_2 = {
    "2.1": (
        "People, carers and communities can readily access hospital, community health or "
        "primary care services and should not be denied access on unreasonable grounds"
    ),
    "2.2": (
        "People are informed and supported to be as involved as they wish to be in decisions "
        "about their care"
    ),
    "2.3": "People report positive experiences of the NHS",
    "2.4": "People’s complaints about services are handled respectfully and efficiently",
}

ALL_CODES_2022 = ["1A", "1B", "1C", "1D", "2A", "2B", "2C", "2D", "3A", "3B", "3C"]

#: Bands a caller passes (made up for the test: engagekit's sources hold none).
CALLER_BANDS = {"Lower": (0, 16), "Upper": (17, 33)}


class TestEdsWordingsOnlyFromSources:
    def test_eds2_words_only_goal_2(self) -> None:
        """Only goal 2's wording is in a source (The Royal Wolverhampton NHS Trust's EDS2
        page); the other 14 outcomes keep their codes and have no wording."""
        eds2 = eds_models()["eds2"]
        worded = {o.code: o.text for o in eds2.outcomes if o.text is not None}
        assert worded == WOLVERHAMPTON_GOAL_2
        unworded = [o.code for o in eds2.outcomes if o.text is None]
        assert unworded == [
            "1.1", "1.2", "1.3", "1.4", "1.5",
            "3.1", "3.2", "3.3", "3.4", "3.5", "3.6",
            "4.1", "4.2", "4.3",
        ]  # fmt: skip
        assert "Royal Wolverhampton" in (eds2.outcome("2.1").note or "")
        assert eds2.outcome("4.3").label == "(wording not in engagekit's sources)"

    def test_eds_2011_words_what_the_studylib_template_gives(self) -> None:
        """The CCG grading template (studylib, domain reference §3.11) gives 1.1 and 1.2;
        goal 2 is the domain reference's paraphrase."""
        eds2011 = eds_models()["eds-2011"]
        assert [o.code for o in eds2011.outcomes] == ["1.1", "1.2", "2.1", "2.2", "2.3", "2.4"]
        assert eds2011.outcome("1.1").text == (
            "Services are commissioned, designed and procured to meet the health needs of "
            "local communities, promote well-being, and reduce health inequalities"
        )
        assert "studylib.net/doc/7150693" in (eds2011.outcome("1.2").note or "")

    def test_eds_2022_has_no_wording_at_all(self) -> None:
        eds22 = eds_models()["eds-2022"]
        assert [o.code for o in eds22.outcomes] == ALL_CODES_2022
        assert [o.text for o in eds22.outcomes] == [None] * 11
        assert all("not in engagekit's sources" in (o.note or "") for o in eds22.outcomes)

    def test_no_wording_is_claimed_as_verified_or_recalled(self) -> None:
        """No primary copy of any EDS version was found, and nothing is from memory."""
        for model in eds_models().values():
            assert not any("recall" in n for n in model.notes)
            for outcome in model.outcomes:
                assert outcome.verified is False
                assert outcome.note
                assert "recall" not in outcome.note

    def test_a_verified_outcome_needs_a_wording(self) -> None:
        with pytest.raises(InvalidValueError, match="outcome 1.2 has no wording"):
            EdsOutcome(code="1.2", verified=True)


class TestEds2ByOutcome:
    def test_eighteen_outcomes_in_four_goals(self) -> None:
        """ "At the heart of the EDS2 is a set of 18 outcomes grouped into four goals"; the
        5/4/6/3 split is not verified (domain reference §3.11)."""
        eds2 = eds_models()["eds2"]
        assert eds2.outcomes_complete
        assert [len(u.outcomes) for u in eds2.units] == [5, 4, 6, 3]
        assert [u.count_verified for u in eds2.units] == [False, True, False, False]

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
        assert first.wording is None
        assert first.title == "outcome 1.1 (wording not in engagekit's sources)"
        assert first.outcome is Outcome.MET
        complaints = grading.reasons[8]
        assert (complaints.code, complaints.outcome) == ("2.4", Outcome.NOT_MET)
        assert complaints.wording == WOLVERHAMPTON_GOAL_2["2.4"]
        assert grading.outcome is Outcome.NOT_MET
        assert (grading.score, grading.rating, grading.bands) == (None, None, ())
        assert grading.verified is True
        assert io.loads(io.dumps(grading), EdsOutcomeGrading) == grading

    def test_text_shows_wording_or_says_there_is_none(self) -> None:
        eds2 = eds_models()["eds2"]
        lines = str(eds2.grade_outcomes({"2.3": "excelling"})).splitlines()
        assert "  1.1 (wording not in engagekit's sources): not graded [insufficient evidence]" in (
            lines
        )
        assert "  2.3 People report positive experiences of the NHS: excelling [met]" in lines
        table = render.markdown(eds2.grade_outcomes({}))
        assert "| 3.2 | (wording not in engagekit's sources) | not graded |" in table

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

    def test_eds2_takes_no_rating_bands(self) -> None:
        """EDS2 grades outcomes without scores, so there is nothing for bands to rate."""
        eds2 = eds_models()["eds2"]
        with pytest.raises(InvalidValueError, match=r"bands: .*does not score its outcomes"):
            eds2.grade_outcomes({}, bands=CALLER_BANDS)

    def test_the_2011_edition_is_graded_by_goal_only(self) -> None:
        """EDS (2011) lists 6 of its 18 outcomes, so it cannot be graded outcome by outcome."""
        eds2011 = eds_models()["eds-2011"]
        assert not eds2011.outcomes_complete
        with pytest.raises(InvalidValueError, match="lists 6 of its 18 outcomes"):
            eds2011.grade_outcomes({})


class TestEds2022Scored:
    def test_eleven_outcomes_in_three_domains(self) -> None:
        """EDS 2022: 3 domains, 11 outcomes (domain reference §3.11); the 4/4/3 split and
        the 0-3 scores are not verified."""
        eds22 = eds_models()["eds-2022"]
        assert [u.name for u in eds22.units] == [
            "Commissioned or provided services",
            "Workforce health and well-being",
            "Inclusive leadership",
        ]
        assert [u.count_verified for u in eds22.units] == [False, False, False]
        assert eds22.scores == (0, 1, 2, 3)
        assert eds22.grades_verified is False
        assert not hasattr(eds22, "ratings")

    @pytest.mark.parametrize(("each", "score"), [(0, 0), (1, 11), (2, 22), (3, 33)])
    def test_scores_add_up_and_no_rating_without_bands(self, each, score) -> None:
        eds22 = eds_models()["eds-2022"]
        grading = eds22.grade_outcomes({o.code: each for o in eds22.outcomes})
        assert grading.score == score
        assert grading.rating is None
        assert grading.bands == ()
        assert grading.unit_scores == {1: 4 * each, 2: 4 * each, 3: 3 * each}
        assert grading.notes[-1] == (
            f"Overall score {score}: rating bands not in engagekit's sources; pass them to rate."
        )
        assert grading.verified is False

    def test_mixed_scores_sum(self) -> None:
        eds22 = eds_models()["eds-2022"]
        scores = dict(zip(ALL_CODES_2022, [3, 2, 1, 0, 3, 3, 2, 2, 1, 1, 0], strict=True))
        grading = eds22.grade_outcomes(scores)
        assert grading.score == 18
        assert grading.unit_scores == {1: 6, 2: 10, 3: 2}

    def test_rated_only_on_the_bands_given(self) -> None:
        eds22 = eds_models()["eds-2022"]
        codes = ALL_CODES_2022
        low = eds22.grade_outcomes(
            {c: (2 if i < 8 else 0) for i, c in enumerate(codes)}, bands=CALLER_BANDS
        )
        high = eds22.grade_outcomes(
            {c: (2 if i < 9 else 0) for i, c in enumerate(codes)}, bands=CALLER_BANDS
        )
        assert (low.score, low.rating) == (16, "Lower")
        assert (high.score, high.rating) == (18, "Upper")
        assert [(b.name, b.low, b.high) for b in high.bands] == [
            ("Lower", 0, 16),
            ("Upper", 17, 33),
        ]
        assert "not on bands from engagekit's sources" in high.notes[-1]
        assert high.verified is False
        assert io.loads(io.dumps(high), EdsOutcomeGrading) == high

    def test_bands_as_eds_ratings(self) -> None:
        eds22 = eds_models()["eds-2022"]
        bands = [EdsRating(name="Top", low=33, high=33), EdsRating(name="Rest", low=0, high=32)]
        grading = eds22.grade_outcomes(dict.fromkeys(ALL_CODES_2022, 3), bands=bands)
        assert (grading.score, grading.rating) == (33, "Top")

    def test_no_overall_score_until_every_outcome_is_scored(self) -> None:
        eds22 = eds_models()["eds-2022"]
        grading = eds22.grade_outcomes({"1A": "3", "2B": 1}, bands=CALLER_BANDS)
        assert (grading.score, grading.rating) == (None, None)
        assert grading.unit_scores == {1: 3, 2: 1}
        assert grading.outcome is Outcome.INSUFFICIENT_EVIDENCE
        with pytest.raises(InvalidValueError, match="'4'"):
            eds22.grade_outcomes({"1A": 4})

    def test_text_names_the_score_and_the_missing_bands(self) -> None:
        eds22 = eds_models()["eds-2022"]
        text = str(eds22.grade_outcomes({o.code: 2 for o in eds22.outcomes}))
        head = text.splitlines()[0]
        assert head.startswith(
            "eds-2022 grading by outcome: met; score 22 (rating bands not in engagekit's "
            "sources; pass them to rate)"
        )
        assert "(grading scheme not verified)" in head
        assert "  1A (wording not in engagekit's sources): 2 [met]" in text.splitlines()
        rated = str(eds22.grade_outcomes({o.code: 2 for o in eds22.outcomes}, bands=CALLER_BANDS))
        assert "score 22, rated Upper (on the bands given)" in rated.splitlines()[0]


class TestEdsBandChecks:
    def test_bands_must_cover_the_scores(self) -> None:
        """Bands must run from 0 to the top score (11 × 3) without gaps or overlaps."""
        eds22 = eds_models()["eds-2022"]
        with pytest.raises(InvalidValueError, match=r"without gaps or overlaps \(at 9\)"):
            eds22.grade_outcomes({}, bands={"Low": (0, 7), "High": (9, 33)})
        with pytest.raises(InvalidValueError, match=r"without gaps or overlaps \(at 5\)"):
            eds22.grade_outcomes({}, bands={"Low": (0, 7), "High": (5, 33)})
        with pytest.raises(InvalidValueError, match=r"must end at the top score \(33\)"):
            eds22.grade_outcomes({}, bands={"All": (0, 30)})
        with pytest.raises(InvalidValueError, match="give at least one band"):
            eds22.grade_outcomes({}, bands={})
        with pytest.raises(InvalidValueError, match="rating names repeat"):
            eds22.grade_outcomes(
                {},
                bands=[EdsRating(name="A", low=0, high=9), EdsRating(name="A", low=10, high=33)],
            )
        with pytest.raises(InvalidValueError, match="is below low"):
            EdsRating(name="Odd", low=5, high=4)

    def test_bands_of_the_wrong_type(self) -> None:
        eds22 = eds_models()["eds-2022"]
        with pytest.raises(InvalidTypeError, match=r"bands\['Low'\].*\(low, high\)"):
            eds22.grade_outcomes({}, bands={"Low": 7})  # type: ignore[dict-item]
        with pytest.raises(InvalidTypeError, match=r"bands\[0\].*an EdsRating"):
            eds22.grade_outcomes({}, bands=[(0, 33)])  # type: ignore[list-item]
        with pytest.raises(InvalidTypeError, match="bands"):
            eds22.grade_outcomes({}, bands="0-33")  # type: ignore[arg-type]

    def test_a_rating_must_match_its_bands(self) -> None:
        """A grading cannot carry a rating that the bands given do not give its score."""
        eds22 = eds_models()["eds-2022"]
        grading = eds22.grade_outcomes(dict.fromkeys(ALL_CODES_2022, 1), bands=CALLER_BANDS)
        with pytest.raises(InvalidValueError, match="rating: 'Upper'"):
            attrs.evolve(grading, rating="Upper")
        with pytest.raises(InvalidValueError, match="rating: 'Developing activity'"):
            attrs.evolve(grading, rating="Developing activity", bands=())


class TestEdsModelChecks:
    def test_a_unit_cannot_list_more_outcomes_than_it_has(self) -> None:
        outcome = EdsOutcome(code="4.1")
        other = EdsOutcome(code="4.2")
        with pytest.raises(InvalidValueError, match="more than the unit's 1 outcomes"):
            EdsUnit(
                number=4, name="Inclusive leadership", outcome_count=1, outcomes=(outcome, other)
            )

    def test_models_round_trip(self) -> None:
        for model in eds_models().values():
            assert io.loads(io.dumps(model), EdsModel) == model
