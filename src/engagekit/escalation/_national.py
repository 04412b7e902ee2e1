"""A synthetic, England-sized network for benchmarks and demos (private)."""

from __future__ import annotations

import numbers
import random

from collections.abc import Callable
from typing import SupportsIndex

from engagekit import _validate
from engagekit.errors import InvalidTypeError, InvalidValueError
from engagekit.escalation._bodies import Body, Link, trusted_factory
from engagekit.escalation._network import EscalationNetwork
from engagekit.escalation._tiers import BodyKind, Tier
from engagekit.escalation._tree import tree_network, trusted_link


ENGLAND_SCALE = {
    Tier.PRACTICE: 6300,
    Tier.NEIGHBOURHOOD: 1250,
    Tier.PLACE: 106,
    Tier.SYSTEM: 42,
    Tier.REGION: 7,
}
"""England's scale, as the ODS reference gives it: about 6,300 GP practices, about
1,250 primary care networks, 106 sub-ICB locations, 42 ICBs, 7 NHS England regions.
"""


# Every id and name below is made here from a fixed prefix and a number, and each
# body has one parent a tier higher: the values are built unchecked and the network
# indexed as the tree it is (`tree_network`). tests/escalation checks that this
# gives what the checked constructors give.
_body: Callable[[str, str, BodyKind, Tier, bool], Body] = trusted_factory(
    Body, "id", "name", "kind", "tier", "placeholder"
)


def _allocate(rng: random.Random, children: int, parents: int) -> list[int]:
    """A parent index for each child, every parent getting at least one, in order."""
    owners = list(range(parents)) + rng.choices(range(parents), k=children - parents)
    owners.sort()
    return owners


def national(seed: SupportsIndex = 0, *, scale: float = 1.0) -> EscalationNetwork:
    """A deterministic synthetic network the size of England's NHS.

    About 6,300 practices in 1,250 primary care networks, 106 sub-ICB places, 42
    integrated care boards and 7 regions under NHS England (the counts in the ODS
    reference), each practice with a placeholder name ("Synthetic practice
    0001"). The numbers of children per parent are drawn at random from ``seed``;
    the same seed gives the same network. ``scale`` shrinks every tier (at least
    one body each) for quick tests. No body is real: every one is a placeholder.

    Raises:
        InvalidTypeError: `seed` is not a whole number or `scale` not a number.
        InvalidValueError: `scale` is not in (0, 1].

    Examples:
        >>> net = national(seed=1)
        >>> [len(bodies) for bodies in net.by_tier().values()]  # national down to practice
        [1, 7, 42, 106, 1250, 6300]
        >>> net == national(seed=1)
        True
    """
    seed = _validate.as_int("seed", seed)
    given_scale: object = scale
    if isinstance(given_scale, bool) or not isinstance(given_scale, numbers.Real):
        raise InvalidTypeError("scale", scale, expected="a number in (0, 1]")
    scale = float(given_scale)
    if not 0 < scale <= 1:
        raise InvalidValueError("scale", given_scale, reason="must be a number in (0, 1]")
    rng = random.Random(seed)  # noqa: S311 - synthetic data, not security
    counts = [max(1, round(ENGLAND_SCALE[t] * scale)) for t in ENGLAND_SCALE]
    n_practices, n_pcns, n_places, n_icbs, n_regions = counts
    n_pcns = min(n_pcns, n_practices)
    n_places = min(n_places, n_pcns)
    n_icbs = min(n_icbs, n_places)
    n_regions = min(n_regions, n_icbs)

    national_body = _body("england", "NHS England", BodyKind.NATIONAL_BODY, Tier.NATIONAL, True)
    regions = [f"R{i + 1}" for i in range(n_regions)]
    icbs = [f"ICB{i + 1:02d}" for i in range(n_icbs)]
    places = [f"PLACE{i + 1:03d}" for i in range(n_places)]
    pcns = [f"PCN{i + 1:04d}" for i in range(n_pcns)]
    practices = [f"P{i + 1:04d}" for i in range(n_practices)]

    bodies = [national_body]
    links: list[Link] = []
    layers = (
        (regions, "Synthetic region", BodyKind.REGION, Tier.REGION, None),
        (icbs, "Synthetic ICB", BodyKind.INTEGRATED_CARE_BOARD, Tier.SYSTEM, regions),
        (places, "Synthetic place", BodyKind.COMMISSIONER, Tier.PLACE, icbs),
        (pcns, "Synthetic PCN", BodyKind.PRIMARY_CARE_NETWORK, Tier.NEIGHBOURHOOD, places),
        (practices, "Synthetic practice", BodyKind.PRACTICE, Tier.PRACTICE, pcns),
    )
    for ids, label, kind, tier, parents in layers:
        if parents is None:
            targets = ["england"] * len(ids)
        else:
            targets = [parents[o] for o in _allocate(rng, len(ids), len(parents))]
        bodies.extend(
            _body(body_id, f"{label} {number:04d}", kind, tier, True)
            for number, body_id in enumerate(ids, start=1)
        )
        links.extend(map(trusted_link, ids, targets))
    name = (
        f"Synthetic England (seed {seed})"
        if scale == 1
        else f"Synthetic England (seed {seed}, scale {scale})"
    )
    return tree_network(name, bodies, links, None)
