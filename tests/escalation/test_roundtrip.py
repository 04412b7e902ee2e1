"""Every public escalation type round-trips through engagekit.io."""

from __future__ import annotations

import json

import pytest

from hypothesis import given
from hypothesis import strategies as st
from strategies.escalation import (
    bodies,
    coverages,
    feedback_flows,
    flow_items,
    flow_links,
    gaps,
    links,
    networks,
    ods_imports,
    seat_counts,
    skipped_rows,
)

from engagekit import io
from engagekit.escalation import BodyType, EscalationNetwork, FlowStage, LinkKind, Tier


@pytest.mark.parametrize(
    "strategy",
    [
        bodies(),
        links(),
        networks(),
        seat_counts,
        coverages,
        gaps,
        flow_items,
        flow_links,
        feedback_flows(),
        skipped_rows,
        ods_imports,
        st.sampled_from(Tier),
        st.sampled_from(BodyType),
        st.sampled_from(LinkKind),
        st.sampled_from(FlowStage),
    ],
    ids=lambda s: repr(s)[:40],
)
def test_round_trip(strategy):
    """``io.loads(io.dumps(x), type(x)) == x`` for every public type."""

    @given(strategy)
    def check(value):
        assert io.loads(io.dumps(value), type(value)) == value

    check()


@given(networks())
def test_node_link_round_trip(net):
    """A network survives node-link JSON, and networkx reads the same graph."""
    import networkx as nx

    data = json.loads(json.dumps(net.to_node_link()))
    assert EscalationNetwork.from_node_link(data) == net
    graph = nx.node_link_graph(data, edges="links")
    assert set(graph.nodes) == {b.id for b in net.bodies}
    assert graph.number_of_edges() == len(net.links)
