"""The synthetic England: its ids, names, counts, allocation and refusals, pinned.

Mutation testing found that no test read the ids and names `national()` gives each
tier, the counts at the smallest scale, the allocation of children to parents, the
network's name at full and reduced scale, its default seed, or its refusals whole.
"""

from __future__ import annotations

import itertools

from collections import Counter

import pytest

from engagekit.errors import InvalidTypeError, InvalidValueError
from engagekit.escalation import BodyKind, EscalationNetwork, Tier, national


@pytest.fixture(scope="module")
def tenths() -> EscalationNetwork:
    """Three tenths of England: 2 regions, 13 ICBs, 32 places, 375 PCNs, 1,890 practices."""
    return national(scale=0.3)


def _parents(net: EscalationNetwork, tier: Tier) -> list[str]:
    """The body each body of `tier` links to, in the bodies' order."""
    up = {link.source: link.target for link in net.links}
    return [up[body.id] for body in net.by_tier()[tier]]


class TestIdsAndNames:
    def test_first_and_last_of_each_tier(self, tenths: EscalationNetwork) -> None:
        tiers = tenths.by_tier()
        assert [len(bodies) for bodies in tiers.values()] == [1, 2, 13, 32, 375, 1890]
        ends = {
            tier: [(b.id, b.name, b.kind) for b in (bodies[0], bodies[-1])]
            for tier, bodies in tiers.items()
        }
        assert ends == {
            Tier.NATIONAL: [("england", "NHS England", BodyKind.NATIONAL_BODY)] * 2,
            Tier.REGION: [
                ("R1", "Synthetic region 0001", BodyKind.REGION),
                ("R2", "Synthetic region 0002", BodyKind.REGION),
            ],
            Tier.SYSTEM: [
                ("ICB01", "Synthetic ICB 0001", BodyKind.INTEGRATED_CARE_BOARD),
                ("ICB13", "Synthetic ICB 0013", BodyKind.INTEGRATED_CARE_BOARD),
            ],
            Tier.PLACE: [
                ("PLACE001", "Synthetic place 0001", BodyKind.COMMISSIONER),
                ("PLACE032", "Synthetic place 0032", BodyKind.COMMISSIONER),
            ],
            Tier.NEIGHBOURHOOD: [
                ("PCN0001", "Synthetic PCN 0001", BodyKind.PRIMARY_CARE_NETWORK),
                ("PCN0375", "Synthetic PCN 0375", BodyKind.PRIMARY_CARE_NETWORK),
            ],
            Tier.PRACTICE: [
                ("P0001", "Synthetic practice 0001", BodyKind.PRACTICE),
                ("P1890", "Synthetic practice 1890", BodyKind.PRACTICE),
            ],
        }

    def test_every_body_is_a_placeholder(self, tenths: EscalationNetwork) -> None:
        assert all(body.placeholder for body in tenths.bodies)

    def test_names_of_the_network(self) -> None:
        """The scale is named only when it is not 1; the seed is 0 unless given."""
        assert national(seed=2).name == "Synthetic England (seed 2)"
        assert national(scale=0.5).name == "Synthetic England (seed 0, scale 0.5)"
        assert national(3, scale=0.01).name == "Synthetic England (seed 3, scale 0.01)"

    def test_the_default_seed_is_0(self) -> None:
        assert national(scale=0.01) == national(0, scale=0.01)
        assert national(scale=0.01) != national(1, scale=0.01)


class TestCounts:
    def test_a_thousandth_keeps_one_body_per_tier(self) -> None:
        """6.3 practices round to 6; 1.25 PCNs to 1; every tier above to at least 1."""
        net = national(scale=0.001)
        assert [len(bodies) for bodies in net.by_tier().values()] == [1, 1, 1, 1, 1, 6]
        assert [(link.source, link.target) for link in net.links] == [
            ("R1", "england"),
            ("ICB01", "R1"),
            ("PLACE001", "ICB01"),
            ("PCN0001", "PLACE001"),
            *((f"P000{n}", "PCN0001") for n in range(1, 7)),
        ]


class TestAllocation:
    def test_every_parent_has_a_child_and_children_come_in_order(
        self, tenths: EscalationNetwork
    ) -> None:
        tiers = list(tenths.by_tier())
        for parent_tier, child_tier in itertools.pairwise(tiers):
            parents = _parents(tenths, child_tier)
            assert set(parents) == {b.id for b in tenths.by_tier()[parent_tier]}
            assert parents == sorted(parents)

    def test_children_per_parent(self, tenths: EscalationNetwork) -> None:
        """Drawn from the seed: the regions' ICBs, and the first PCNs' practices."""
        assert Counter(_parents(tenths, Tier.REGION)) == {"england": 2}
        assert Counter(_parents(tenths, Tier.SYSTEM)) == {"R1": 6, "R2": 7}
        practices = Counter(_parents(tenths, Tier.PRACTICE))
        assert [practices[f"PCN{n:04d}"] for n in range(1, 16)] == [
            5, 8, 7, 5, 3, 7, 1, 7, 7, 8, 6, 8, 5, 7, 6,
        ]  # fmt: skip

    def test_another_seed_another_allocation(self) -> None:
        assert Counter(_parents(national(0, scale=0.002), Tier.PRACTICE)) == {
            "PCN0001": 6,
            "PCN0002": 7,
        }
        assert Counter(_parents(national(1, scale=0.002), Tier.PRACTICE)) == {
            "PCN0001": 7,
            "PCN0002": 6,
        }


class TestRefusals:
    @pytest.mark.parametrize(
        ("scale", "message"),
        [
            ("1", "scale: got str '1'; expected a number in (0, 1]"),
            (True, "scale: got bool True; expected a number in (0, 1]"),
        ],
    )
    def test_a_scale_that_is_not_a_number(self, scale: object, message: str) -> None:
        with pytest.raises(InvalidTypeError) as info:
            national(scale=scale)  # type: ignore[arg-type]
        assert str(info.value) == message

    @pytest.mark.parametrize(("scale", "shown"), [(2, "2"), (0, "0"), (0.0, "0.0"), (-0.5, "-0.5")])
    def test_a_scale_outside_0_to_1(self, scale: float, shown: str) -> None:
        with pytest.raises(InvalidValueError) as info:
            national(scale=scale)
        assert str(info.value) == f"scale: {shown} is not allowed: must be a number in (0, 1]"

    def test_a_whole_scale_of_1(self) -> None:
        assert national(4, scale=1) == national(4)
