"""The constant-cost fast paths give exactly what the checked, slower paths give.

Each fast path (a trusted result constructor, a cache on a value, a shared reason, a
lazy import) is compared here with the value built the ordinary way.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest

from engagekit import examples
from engagekit.cycles import ParticipationLevel
from engagekit.decisions import Policy, evaluate
from engagekit.duties import BodyType, DutiesInForce, duties_for
from engagekit.escalation import Tier


@pytest.mark.parametrize(
    ("body", "on"),
    [
        (BodyType.CCG, dt.date(2018, 6, 1)),
        (BodyType.ICB, dt.date(2023, 1, 1)),
        (BodyType.PCT, dt.date(2010, 1, 1)),
        (BodyType.CCG, dt.date(2023, 1, 1)),  # no CCG existed: empty, with a reason
        (BodyType.ICB, dt.date(2001, 1, 1)),
    ],
)
def test_duties_for_equals_the_checked_constructor(body, on):
    found = duties_for(body, on)
    built = DutiesInForce(body=body, on=on, duties=found.duties, reason=found.reason)
    assert found == built
    assert repr(found) == repr(built)
    assert tuple(found) == found.duties


def test_duties_for_an_absent_body_says_why():
    found = duties_for("ccg", "2023-01-01")
    assert len(found) == 0
    assert found.reason is not None
    assert "existed from 2013-04-01 to 2022-06-30" in found.reason


def test_choice_members_hash_by_identity_in_sets_and_dicts():
    levels = {level: level.rank for level in ParticipationLevel}
    assert levels[ParticipationLevel("collaborate")] == 4
    assert {ParticipationLevel.INFORM, ParticipationLevel.parse("Inform")} == {
        ParticipationLevel.INFORM
    }


def test_participation_levels_compare_every_way():
    low, high = ParticipationLevel.CONSULT, ParticipationLevel.EMPOWER
    assert (low < high, low <= high, high > low, high >= low) == (True, True, True, True)
    assert (high < low, high <= low, low > high, low >= high) == (False, False, False, False)
    same = ParticipationLevel.CONSULT
    assert low <= same
    assert low >= same
    with pytest.raises(TypeError, match="not supported"):
        _ = low >= 3


def test_repeated_aggregation_to_alternating_tiers_is_unchanged():
    net = examples.sutton()
    items = ["sutton-practice-01", "sutton-practice-02", "sutton-practice-12"]
    first = net.aggregate(items, to="locality")
    by_place = net.aggregate(items, to=Tier.PLACE)
    assert net.aggregate(items, to="locality") == first
    assert first == {
        "sutton-locality-carshalton": 2,
        "sutton-locality-sutton-and-cheam": 0,
        "sutton-locality-wallington": 1,
    }
    assert sum(by_place.values()) == 3
    assert list(first) == sorted(first)


def test_ancestors_mapping_cannot_change_the_cache():
    net = examples.sutton()
    mapping = net.ancestors("locality")
    with pytest.raises(TypeError, match="does not support item assignment"):
        mapping["sutton-practice-01"] = "elsewhere"  # type: ignore[index]
    assert net.aggregate(["sutton-practice-01"], to="locality")["sutton-locality-carshalton"] == 1


def test_shared_reasons_follow_the_policy():
    decision = examples.somerset_rheumatology_decision()
    default = evaluate(decision)
    strict = evaluate(decision, policy=Policy(name="strict", require_evidence=False))
    again = evaluate(decision)
    assert again == default
    assert [r.message for r in again.reasons] == [r.message for r in default.reasons]
    assert strict.policy == "strict"
    assert default.missing[0].message == "rated unknown (the case study does not report costs)"


def test_examples_load_their_area_on_first_use():
    code = (
        "import sys\n"
        "from engagekit import examples\n"
        "examples.unproportionate_service_change()\n"
        "print('engagekit.escalation' in sys.modules, 'engagekit.examples._plans' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    ).stdout
    # A decision's consultation names its channels (engagekit.plans), but a decision
    # example loads no networks and no example plans.
    assert out.split() == ["False", "False"]


def test_examples_names_are_all_reachable():
    assert set(dir(examples)) == set(examples.__all__)
    assert all(getattr(examples, name) is not None for name in examples.__all__)
    with pytest.raises(AttributeError, match="no attribute 'nowhere'"):
        _ = examples.nowhere
