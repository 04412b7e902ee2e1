"""What a `Policy` refuses, read whole, and where `is_substantial` turns (mutation testing).

The impacts are the kinds the examples use: the relocation of a minor injuries unit
(travel and location), a closure, and a variation that closes beds.
"""

from __future__ import annotations

import pytest

from engagekit.cycles import ParticipationLevel
from engagekit.decisions import DEFAULT_POLICY, Impact, Policy
from engagekit.errors import InvalidTypeError, InvalidValueError


@pytest.mark.parametrize(
    ("field", "text"),
    [
        ("acceptability_audiences", "patients"),
        ("partly_met_blocks", "acceptable"),
        ("substantial_kinds", "closure"),
        ("substantial_access", "travel"),
        ("required_information", "proposal"),
    ],
)
def test_a_lone_choice_is_not_a_list(field: str, text: str) -> None:
    with pytest.raises(InvalidTypeError) as exc:
        Policy(**{field: text})  # type: ignore[arg-type]
    assert str(exc.value) == f"Policy.{field}: got str {text!r}; expected a list"


def test_a_policy_judges_someones_acceptability() -> None:
    """With no audience the triangle's acceptable corner vanished from every verdict,
    and a decision's acceptability assessments were set aside without a word."""
    with pytest.raises(InvalidValueError) as exc:
        Policy(acceptability_audiences=[])
    assert str(exc.value) == (
        "Policy.acceptability_audiences: [] is not allowed: names no audience, so no "
        "decision's acceptability would be judged; name at least one of patients, staff, "
        "public"
    )
    assert Policy(acceptability_audiences=["staff"]).acceptability_audiences[0].value == "staff"


class TestLevelsRise:
    def test_planning_above_a_substantial_change(self) -> None:
        with pytest.raises(InvalidValueError) as exc:
            Policy(level_planning="involve")
        assert str(exc.value) == (
            "Policy.level_substantial: 'involve' is not allowed: the minimum levels must not "
            "fall as a change grows: level_planning (involve) ≤ level_service_change (consult) "
            "≤ level_substantial"
        )

    def test_a_service_change_above_a_substantial_one(self) -> None:
        with pytest.raises(InvalidValueError) as exc:
            Policy(level_service_change="collaborate", level_substantial="consult")
        assert str(exc.value) == (
            "Policy.level_substantial: 'consult' is not allowed: the minimum levels must not "
            "fall as a change grows: level_planning (inform) ≤ level_service_change "
            "(collaborate) ≤ level_substantial"
        )

    def test_equal_levels_are_accepted(self) -> None:
        flat = Policy(
            level_planning="consult", level_service_change="consult", level_substantial="consult"
        )
        levels = (flat.level_planning, flat.level_service_change, flat.level_substantial)
        assert levels == (ParticipationLevel.CONSULT,) * 3


class TestIsSubstantial:
    def test_bed_closures_whatever_the_kind(self) -> None:
        beds = Impact(kind="variation", bed_closures=True)
        assert DEFAULT_POLICY.is_substantial(beds)
        assert not Policy(bed_closures_substantial=False).is_substantial(beds)

    def test_a_kind_that_cannot_be_substantial(self) -> None:
        assert not DEFAULT_POLICY.is_substantial(Impact(kind="variation", access=["travel"]))
        assert not DEFAULT_POLICY.is_substantial(
            Impact(kind="new service", access=["location"], people_affected=50000)
        )

    def test_a_temporary_change(self) -> None:
        temporary = Impact(kind="relocation", permanent=False, access=["travel"])
        permanent = Impact(kind="relocation", access=["travel"])
        no_temporary = Policy(temporary_can_be_substantial=False)
        assert DEFAULT_POLICY.is_substantial(temporary)
        assert not no_temporary.is_substantial(temporary)
        assert no_temporary.is_substantial(permanent)

    def test_only_the_named_effects_on_access(self) -> None:
        travel_only = Policy(substantial_access=["travel"])
        assert travel_only.is_substantial(Impact(kind="relocation", access=["travel"]))
        assert not travel_only.is_substantial(Impact(kind="relocation", access=["opening hours"]))
        assert travel_only.is_substantial(
            Impact(kind="relocation", access=["opening hours", "travel"])
        )

    def test_a_relocation_with_no_effect_on_access(self) -> None:
        assert not DEFAULT_POLICY.is_substantial(Impact(kind="relocation", people_affected=2000))

    def test_a_closure_removes_access_at_its_site(self) -> None:
        closure = Impact(kind="closure")
        assert DEFAULT_POLICY.is_substantial(closure)
        assert not Policy(closure_removes_access=False).is_substantial(closure)
        assert not Policy(substantial_access=["travel"]).is_substantial(closure)

    def test_the_number_of_people_affected_from_the_threshold_up(self) -> None:
        policy = Policy(substantial_people=1000)
        assert policy.is_substantial(Impact(kind="reduction", people_affected=1000))
        assert policy.is_substantial(Impact(kind="reduction", people_affected=5000))
        assert not policy.is_substantial(Impact(kind="reduction", people_affected=999))
        assert not policy.is_substantial(Impact(kind="reduction"))
        assert not DEFAULT_POLICY.is_substantial(Impact(kind="reduction", people_affected=5000))
