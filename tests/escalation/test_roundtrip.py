"""Escalation networks round-trip through node-link JSON too.

The engagekit.io round trip of every public escalation type runs in
tests/properties/test_roundtrip.py, from ``strategies.escalation.STRATEGIES``.
"""

from __future__ import annotations

import json
import re

import pytest

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


def test_the_duties_of_a_network_dump_and_load_back_with_their_date() -> None:
    """`NetworkDuties` (a body's duties are a named tuple) could not be written at
    all ("Object of type Body is not JSON serializable"); each body is now a table of
    its fields, and the date the duties were in force is kept beside them."""
    bound = oxfordshire().duties(on="2018-06-01")
    practice = io.to_dict(bound.of("oxfordshire-practice-01"))
    assert practice["body"]["id"] == "oxfordshire-practice-01"
    assert practice["body_type"] == "gp-practice"
    assert practice["duties"] == []
    assert practice["reason"] == "no duty in this registry binds a GP practice on 2018-06-01"
    assert io.to_dict(bound)["on"] == "2018-06-01"
    for fmt in io.FORMATS:
        back = io.loads(io.dumps(bound, format=fmt), type(bound), format=fmt)
        assert back == bound
        assert back.on.isoformat() == "2018-06-01"
        assert back.of("healthwatch-oxfordshire").reason == (
            "a healthwatch / link is not a statutory body"
        )


def test_a_network_summary_keeps_its_network_name() -> None:
    """A summary was written as its rows alone, so it read back nameless."""
    summary = sutton().summary()
    data = io.to_dict(summary)
    assert data["name"] == "Sutton CCG patient voice"
    assert data["items"][0]["tier"] == "place"
    for fmt in io.FORMATS:
        back = io.loads(io.dumps(summary, format=fmt), type(summary), format=fmt)
        assert back == summary
        assert back.name == "Sutton CCG patient voice"


def test_a_listing_table_is_read_strictly() -> None:
    """Its date, its items and no other key, each problem at its path."""
    from engagekit.errors import DocumentError
    from engagekit.escalation import NetworkDuties

    with pytest.raises(DocumentError, match=r"\$\.items: required field missing"):
        io.from_dict({"on": "2018-06-01"}, NetworkDuties)
    with pytest.raises(
        DocumentError,
        match=re.escape(
            "$.colour: unknown field 'colour' of NetworkDuties; allowed: 'on', 'items'\n"
            "  $.on: '2018-6-1' is not a date; expected YYYY-MM-DD"
        ),
    ):
        io.from_dict({"on": "2018-6-1", "items": [], "colour": "red"}, NetworkDuties)
    with pytest.raises(
        DocumentError, match=r"\$: got a list \[\]; expected a table of NetworkDuties fields"
    ):
        io.from_dict([], NetworkDuties)
    with pytest.raises(
        DocumentError,
        match=re.escape(
            "$.items[0].extra: unknown field 'extra' of BodyDuties; "
            "allowed: 'body', 'body_type', 'duties', 'reason'\n"
            "  $.items[0].body: got int 1; expected a table of Body fields"
        ),
    ):
        io.from_dict({"on": "2018-06-01", "items": [{"body": 1, "extra": 2}]}, NetworkDuties)


def test_the_schema_of_network_duties_describes_what_dumps_writes() -> None:
    """The date and items table validates against `engagekit.schema`."""
    import jsonschema

    from engagekit import schema

    bound = sutton().duties(on="2023-01-01")
    described = schema.schema(type(bound))
    assert described["properties"]["data"]["required"] == ["on", "items"]
    assert described["$defs"]["BodyDuties"]["required"] == ["body"]
    jsonschema.validate(json.loads(io.dumps(bound)), described)


def test_a_structural_rule_broken_in_a_document_is_reported_at_the_link_or_body() -> None:
    """A network file of thousands of links said only "$: link names an unknown body";
    each problem is now at the link (or the body given twice) that breaks the rule."""
    from engagekit.errors import DocumentError, GraphStructureError

    data = io.to_dict(sutton())
    assert len(data["links"]) == 82
    unknown = {**data, "links": [*data["links"], {**data["links"][0], "target": "nope"}]}
    with pytest.raises(
        DocumentError,
        match=re.escape("$.links[82]: link names an unknown body 'nope': sutton-prg -> nope"),
    ):
        io.from_dict(unknown, EscalationNetwork)
    down = {
        "source": "sutton-governing-body",
        "target": "sutton-practice-01",
        "kind": "escalates-to",
        "primary": False,
        "representatives": None,
    }
    with pytest.raises(
        DocumentError,
        match=re.escape(
            "$.links[82]: vertical link goes down a tier (place -> practice): "
            "sutton-governing-body -> sutton-practice-01"
        ),
    ):
        io.from_dict({**data, "links": [*data["links"], down]}, EscalationNetwork)
    twice = {**data, "bodies": [*data["bodies"], data["bodies"][0]]}
    with pytest.raises(
        DocumentError,
        match=re.escape("$.bodies[58]: two bodies share the id: sutton-governing-body"),
    ):
        io.from_dict(twice, EscalationNetwork)
    with pytest.raises(GraphStructureError) as built:
        EscalationNetwork(
            name="Sutton",
            bodies=sutton().bodies,
            links=[*sutton().links, sutton().links[0]],
        )
    assert built.value.field == "links[82]"
    assert str(built.value) == (
        "vertical link given twice (two bodies share at most one): sutton-prg -> sutton-eesg"
    )
