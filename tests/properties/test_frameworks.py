"""Properties of cycle navigation and level ordering."""

from __future__ import annotations

import pytest

from hypothesis import given
from hypothesis import strategies as st

from engagekit import EngagementStage, ParticipationLevel, commissioning_cycles


stages = st.sampled_from(list(EngagementStage))
levels = st.sampled_from(list(ParticipationLevel))


@given(stages)
def test_next_and_previous_are_inverse(stage: EngagementStage) -> None:
    """Going forward then back returns to the same stage."""
    assert stage.next().previous() is stage
    assert stage.previous().next() is stage


@given(stages, st.integers(0, 50))
def test_five_steps_go_round(stage: EngagementStage, n: int) -> None:
    """Stepping n times lands on stage number (number + n) mod 5."""
    current = stage
    for _ in range(n):
        current = current.next()
    assert current.number == (stage.number - 1 + n) % 5 + 1


@given(levels, levels)
def test_levels_are_totally_ordered(a: ParticipationLevel, b: ParticipationLevel) -> None:
    """Exactly one of a < b, a == b, a > b holds, consistent with rank."""
    assert [a < b, a == b, a > b].count(True) == 1
    assert (a < b) == (a.rank < b.rank)
    assert (a <= b) == (a.rank <= b.rank)


@given(levels, levels, levels)
def test_ordering_is_transitive(
    a: ParticipationLevel, b: ParticipationLevel, c: ParticipationLevel
) -> None:
    """a <= b and b <= c imply a <= c: three levels put in order by ``<`` are in order
    by ``<=`` end to end, and that order is their rank's."""
    low, middle, high = sorted((a, b, c))
    assert low <= middle <= high
    assert low <= high
    assert [low.rank, middle.rank, high.rank] == sorted(level.rank for level in (a, b, c))


@given(levels, st.one_of(st.integers(), st.text(), st.none(), st.floats(), stages))
def test_comparing_with_a_non_level_is_a_type_error(
    level: ParticipationLevel, other: object
) -> None:
    """Ordering a level against a non-level raises TypeError."""
    them = type(other).__name__
    with pytest.raises(
        TypeError, match=f"'<' not supported between instances of 'ParticipationLevel' and '{them}'"
    ):
        _ = level < other
    assert level != other


@given(st.sampled_from(sorted(commissioning_cycles())), st.data())
def test_commissioning_navigation_round_trip(cycle_id: str, data: st.DataObject) -> None:
    """next() then previous() returns to the same commissioning stage."""
    cycle = commissioning_cycles()[cycle_id]
    stage = data.draw(st.sampled_from(list(cycle)))
    assert cycle.previous(cycle.next(stage.id).id) == stage
