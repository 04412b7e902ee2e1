"""Escalation networks round-trip through node-link JSON too.

The engagekit.io round trip of every public escalation type runs in
tests/properties/test_roundtrip.py, from ``strategies.escalation.STRATEGIES``.
"""

from __future__ import annotations

import json

from hypothesis import given

from engagekit import io
from engagekit.escalation import EscalationNetwork
from engagekit.examples import oxfordshire, somerset, sutton, sutton_feedback_flow
from tests.strategies.escalation import networks


@given(networks())
def test_node_link_round_trip(net: EscalationNetwork) -> None:
    """A network survives node-link JSON, and networkx reads the same graph."""
    import networkx as nx

    data = json.loads(json.dumps(net.to_node_link()))
    assert EscalationNetwork.from_node_link(data) == net
    graph = nx.node_link_graph(data, edges="links")
    assert set(graph.nodes) == {b.id for b in net.bodies}
    assert graph.number_of_edges() == len(net.links)


def test_real_structures_round_trip() -> None:
    """The three real structures and Sutton's flow dump and load back equal."""
    for value in (somerset(), sutton(), oxfordshire(), sutton_feedback_flow()):
        assert io.loads(io.dumps(value), type(value)) == value


def test_every_public_escalation_type_has_a_strategy() -> None:
    """Each attrs class and enum in engagekit.escalation is in the shared round trip."""
    import enum

    import attrs

    from engagekit import escalation
    from tests.strategies.escalation import STRATEGIES

    public = {
        obj
        for obj in (getattr(escalation, name) for name in escalation.__all__)
        if isinstance(obj, type) and (attrs.has(obj) or issubclass(obj, enum.Enum))
    }
    assert sorted(t.__name__ for t in public - set(STRATEGIES)) == []
