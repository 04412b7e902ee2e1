"""The frameworks' own rubrics: the Engagement Cycle's key elements, EDS2 and EDS 2022."""

from __future__ import annotations

import attrs
import pytest

from engagekit import ENGAGEMENT_CYCLE
from engagekit.cycles import Judgement, KeyElement, principle_sets
from engagekit.errors import InvalidValueError, UnknownNameError
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
