"""One-line reprs of the reference records behind the cycles, levels and principles.

A level of involvement printed its case study and source in full, a commissioning
stage its description, engagement stages, methods and source, a key element its
summary and source; each record now reads as one line naming it.
"""

from __future__ import annotations

from engagekit import ENGAGEMENT_CYCLE, cycles
from engagekit.cycles import InvolvementLevel, MethodOfEngagement, ParticipationLevel


def test_levels_of_involvement_and_their_case_studies() -> None:
    levels = cycles.involvement_levels()
    assert repr(levels[InvolvementLevel.SERVICE]) == (
        "<InvolvementDetails 'service' 'Service level involvement' (collective)>"
    )
    assert repr(levels[InvolvementLevel.INDIVIDUAL]) == (
        "<InvolvementDetails 'individual' 'Individual involvement' (individual)>"
    )
    assert repr(levels[InvolvementLevel.INDIVIDUAL].case_study) == (
        "<CaseStudy 'Personal Health Budgets' with 2 facts>"
    )


def test_commissioning_stages_and_methods() -> None:
    stage = next(iter(cycles.commissioning_cycles().values())).stages[0]
    assert repr(stage) == (
        "<CommissioningStage 'assess-needs' 'Assess needs' with 1 engagement stage and 4 methods>"
    )
    assert repr(MethodOfEngagement.GIVING_INFORMATION.details) == (
        "<MethodDetails 'giving-information': 'Telling people about services, plans an…'>"
    )


def test_the_engagement_cycle_s_elements_and_feeds() -> None:
    assert repr(ENGAGEMENT_CYCLE.elements[9]) == (
        "<KeyElement 10 'public-learning' 'Provide learning and support to patient…'>"
    )
    assert repr(ENGAGEMENT_CYCLE.feeds[0]) == (
        "<FeedLink design-and-improve -> plan-and-transform:"
        " 'Engaging patients in the redesign of pa…'>"
    )


def test_ladders_levels_and_principles() -> None:
    rungs = next(iter(cycles.ladders().values())).rungs
    assert repr(rungs[0]) == "<Rung 1 'Manipulation' in 'Non-participation'>"
    assert repr(rungs[-1]) == "<Rung 8 'Citizen control' in 'Citizen power', level empower>"
    assert repr(ParticipationLevel.CONSULT.details) == (
        "<LevelDetails 'consult': goal 'Ask people for their views on the analy…'>"
    )
    principle = next(iter(cycles.principle_sets().values())).principles[0]
    assert repr(principle) == (
        "<Principle 'clear-accessible-transparent' 'Clear, accessible and transparent'>"
    )


def test_a_rubric_result_is_one_line_like_the_other_results() -> None:
    result = ENGAGEMENT_CYCLE.rubric().score({})
    assert repr(result) == (
        "<RubricResult 'engagement-cycle': insufficient evidence, with 10 reasons>"
    )
