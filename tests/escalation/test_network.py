"""EscalationNetwork: construction rules, bad input and the operations."""

from __future__ import annotations

import pickle
import re

from collections.abc import Sequence
from typing import Any

import networkx as nx
import pytest

from engagekit.errors import (
    GraphStructureError,
    InvalidTypeError,
    InvalidValueError,
    UnknownChoiceError,
    UnknownNameError,
)
from engagekit.escalation import Body, BodyKind, EscalationNetwork, Link, LinkKind, Tier


def body(body_id: str, tier: Tier, kind: BodyKind = BodyKind.HEALTH_FORUM, **extra: Any) -> Body:
    return Body(id=body_id, name=body_id.title(), kind=kind, tier=tier, **extra)


PRACTICE = body("p1", Tier.PRACTICE, BodyKind.PRACTICE)
FORUM = body("forum", Tier.LOCALITY)
OTHER = body("other", Tier.LOCALITY)
BOARD = body("board", Tier.PLACE, BodyKind.GOVERNING_BODY)


def network(
    links: Sequence[Link], bodies: Sequence[Body] = (PRACTICE, FORUM, OTHER, BOARD)
) -> EscalationNetwork:
    return EscalationNetwork(name="Test", bodies=bodies, links=links)


def _field_and_value(exc: BaseException) -> tuple[str, object]:
    if isinstance(exc, InvalidTypeError):
        return exc.field, exc.value
    assert isinstance(exc, InvalidValueError)
    return exc.field, exc.value


GOOD = [
    Link(source="p1", target="forum"),
    Link(source="forum", target="board"),
    Link(source="other", target="board"),
]


class TestConstruction:
    def test_a_valid_network(self) -> None:
        """Bodies and links in, indexes out."""
        net = network(GOOD)
        assert len(net) == 4
        assert "forum" in net
        assert FORUM in net
        assert [b.id for b in net.children("board")] == ["forum", "other"]

    def test_cycle_names_its_path(self) -> None:
        """A cycle among same-tier links is reported with the bodies around it."""
        links = [*GOOD, Link(source="forum", target="other"), Link(source="other", target="forum")]
        with pytest.raises(GraphStructureError, match="vertical links form a cycle: ") as info:
            network(links)
        assert "cycle" in str(info.value)
        assert set(info.value.path) == {"forum", "other"}
        assert info.value.path[0] == info.value.path[-1]

    def test_link_down_a_tier(self) -> None:
        """A vertical link may not go down a tier."""
        with pytest.raises(
            GraphStructureError, match=r"down a tier \(place -> locality\): board -> other"
        ):
            network([*GOOD, Link(source="board", target="other", kind=LinkKind.REPORTS_TO)])

    def test_informs_may_go_down(self) -> None:
        """Lateral links are not bound by tiers."""
        net = network([*GOOD, Link(source="board", target="p1", kind=LinkKind.INFORMS)])
        assert net.informs("board") == (PRACTICE,)

    def test_unknown_body(self) -> None:
        """A link to an unknown id names it and suggests the closest."""
        with pytest.raises(GraphStructureError, match="unknown body 'borad'.*'board'") as info:
            network([*GOOD, Link(source="other", target="borad")])
        assert info.value.path == ("other", "borad")

    def test_duplicate_ids(self) -> None:
        """Two bodies with the same id are refused, naming the id."""
        with pytest.raises(GraphStructureError, match="share the id: forum"):
            network(GOOD, bodies=(PRACTICE, FORUM, OTHER, BOARD, body("forum", Tier.PLACE)))

    def test_duplicate_link(self) -> None:
        """The same vertical link twice is refused."""
        with pytest.raises(
            GraphStructureError, match=r"given twice \(two bodies share at most one\): p1 -> forum"
        ):
            network([*GOOD, Link(source="p1", target="forum", kind=LinkKind.REPORTS_TO)])

    def test_practice_with_no_route(self) -> None:
        """A practice must reach the top; the error shows where its route ends."""
        lonely = body("p2", Tier.PRACTICE, BodyKind.PRACTICE)
        with pytest.raises(GraphStructureError, match="'p2' has no route to the top") as info:
            network(GOOD, bodies=(PRACTICE, FORUM, OTHER, BOARD, lonely))
        assert info.value.path == ("p2",)

    def test_practice_whose_route_stops_short(self) -> None:
        """A route that ends below the top is named step by step."""
        stray = body("stray", Tier.LOCALITY)
        links = [Link(source="p1", target="stray"), *GOOD[1:]]
        with pytest.raises(
            GraphStructureError,
            match=r"practice 'p1' has no route to the top \(its route ends at 'stray'",
        ) as info:
            network(links, bodies=(PRACTICE, FORUM, OTHER, BOARD, stray))
        assert info.value.path == ("p1", "stray")

    def test_several_parents_need_a_primary(self) -> None:
        """A body with two vertical links must mark one primary."""
        links = [*GOOD, Link(source="p1", target="other")]
        with pytest.raises(GraphStructureError, match="'p1' escalates to 'forum', 'other'"):
            network(links)
        marked = network([*GOOD, Link(source="p1", target="other", primary=True)])
        assert [b.id for b in marked.route("p1")] == ["other", "board"]
        assert [b.id for b in marked.parents("p1")] == ["other", "forum"]

    def test_two_primaries(self) -> None:
        """Only one link of a body can be primary."""
        links = [
            Link(source="p1", target="forum", primary=True),
            Link(source="p1", target="other", primary=True),
            *GOOD[1:],
        ]
        with pytest.raises(GraphStructureError, match="marks two links primary"):
            network(links)

    def test_primary_lateral_link(self) -> None:
        """'informs' cannot be primary."""
        with pytest.raises(GraphStructureError, match="only a vertical link can be primary"):
            network([*GOOD, Link(source="board", target="p1", kind=LinkKind.INFORMS, primary=True)])

    def test_errors_are_value_errors_and_pickle(self) -> None:
        """GraphStructureError is a ValueError and survives pickling."""
        with pytest.raises(ValueError, match="down a tier") as info:
            network([*GOOD, Link(source="board", target="other")])
        again = pickle.loads(pickle.dumps(info.value))
        assert isinstance(again, GraphStructureError)
        assert str(again) == str(info.value)


class TestBadValues:
    @pytest.mark.parametrize(
        ("fields", "error", "field", "value"),
        [
            ({"id": "two words"}, InvalidValueError, "Body.id", "two words"),
            ({"id": ""}, InvalidValueError, "Body.id", ""),
            ({"id": "a/b"}, InvalidValueError, "Body.id", "a/b"),
            ({"id": "abc\n"}, InvalidValueError, "Body.id", "abc\n"),
            ({"id": 7}, InvalidTypeError, "Body.id", 7),
            ({"name": "  "}, InvalidValueError, "Body.name", "  "),
            ({"kind": "forum"}, UnknownChoiceError, "Body.kind", "forum"),
            ({"tier": 3}, InvalidTypeError, "Body.tier", 3),
            ({"seats": -1}, InvalidValueError, "Body.seats", -1),
            ({"seats": True}, InvalidTypeError, "Body.seats", True),
            ({"seats": "3"}, InvalidTypeError, "Body.seats", "3"),
            ({"meetings_per_year": 2.5}, InvalidTypeError, "Body.meetings_per_year", 2.5),
            ({"placeholder": "yes"}, InvalidTypeError, "Body.placeholder", "yes"),
            ({"seats": 3, "members": 4}, InvalidValueError, "Body.members", 4),
        ],
    )
    def test_body(
        self, fields: dict[str, object], error: type[Exception], field: str, value: object
    ) -> None:
        """A wrong type raises InvalidTypeError, a wrong value InvalidValueError; both
        name the field and the value."""
        given: dict[str, Any] = {
            "id": "x",
            "name": "X",
            "kind": BodyKind.HEALTH_FORUM,
            "tier": Tier.LOCALITY,
        }
        given.update(fields)
        with pytest.raises(error, match=f"^{re.escape(field)}: ") as info:
            Body(**given)
        assert isinstance(info.value, error)
        assert _field_and_value(info.value) == (field, value)
        assert field in str(info.value)
        assert repr(value) in str(info.value)

    @pytest.mark.parametrize(
        ("fields", "field"),
        [
            ({"source": "a b"}, "Link.source"),
            ({"target": None}, "Link.target"),
            ({"target": "a"}, "Link.target"),
            ({"kind": "escalates"}, "Link.kind"),
            ({"representatives": -2}, "Link.representatives"),
        ],
    )
    def test_link(self, fields: dict[str, object], field: str) -> None:
        """Bad links name the field; a link to itself is a cycle of one."""
        given: dict[str, Any] = {"source": "a", "target": "b"}
        given.update(fields)
        with pytest.raises(
            (InvalidValueError, InvalidTypeError), match=f"^{re.escape(field)}: "
        ) as info:
            Link(**given)
        assert _field_and_value(info.value)[0] == field

    def test_choices_and_numbers_as_users_type_them(self) -> None:
        """Kinds and tiers accept their values and aliases as text; counts any Integral."""
        import numpy as np

        built = Body(id="x", name="X", kind="PPG", tier="federation", seats=np.int64(3))
        assert (built.kind, built.tier) == (BodyKind.PATIENT_PARTICIPATION_GROUP, Tier.LOCALITY)
        assert type(built.seats) is int
        assert built == Body(
            id="x", name="X", kind=BodyKind.PATIENT_PARTICIPATION_GROUP, tier=Tier.LOCALITY, seats=3
        )
        link = Link(source="a", target="b", kind="Reports to", representatives=np.int32(2))
        assert (link.kind, link.representatives) == (LinkKind.REPORTS_TO, 2)

    def test_network_items(self) -> None:
        """A network's bodies must be Body values."""
        with pytest.raises(
            InvalidTypeError,
            match=r"EscalationNetwork.bodies\[1\]: got str .forum.; expected a Body",
        ):
            EscalationNetwork(name="x", bodies=[PRACTICE, "forum"])


class TestOperations:
    def test_unknown_body_lookup(self) -> None:
        """Looking up an unknown body suggests the closest ids."""
        with pytest.raises(UnknownNameError, match="unknown body 'forim'; did you mean 'forum'"):
            network(GOOD).route("forim")

    def test_unknown_tier(self) -> None:
        """An unknown tier name is an UnknownNameError."""
        with pytest.raises(UnknownChoiceError, match="to: 'parishes' is not allowed"):
            network(GOOD).route("p1", to="parishes")
        with pytest.raises(InvalidTypeError, match="to: got int 3"):
            network(GOOD).route("p1", to=3)  # type: ignore[arg-type]

    def test_route_to_tier(self) -> None:
        """route(to=) stops at the first body at or above the tier."""
        net = network(GOOD)
        assert [b.id for b in net.route("p1", to=Tier.LOCALITY)] == ["forum"]
        assert [b.id for b in net.route("p1", to=Tier.NATIONAL)] == ["forum", "board"]
        assert net.route("board") == ()

    def test_aggregate_unknown_item(self) -> None:
        """An item naming an unknown body raises, naming it."""
        with pytest.raises(UnknownNameError, match="unknown body 'nowhere'"):
            network(GOOD).aggregate(["p1", "nowhere"], to=Tier.PLACE)

    def test_aggregate_refuses_one_id_given_as_text(self) -> None:
        """One body id is text, which iterates letter by letter: it was counted as
        the bodies 'p' and '1' and failed on "unknown body 'p'"."""
        net = network(GOOD)
        message = re.escape(
            "items: got str 'p1'; expected a list of feedback items or body ids (for one: ['p1'])"
        )
        with pytest.raises(InvalidTypeError, match=message):
            net.aggregate("p1", to=Tier.PLACE)
        with pytest.raises(InvalidTypeError, match=message):
            net.aggregate_by("p1", to=Tier.PLACE, key=len)
        assert net.aggregate(["p1"], to=Tier.PLACE) == {"board": 1}

    def test_aggregate_with_at_and_key(self) -> None:
        """Items may be records: ``at`` finds the body, ``key`` groups them."""
        net = network(GOOD)
        items = [("p1", "access"), ("p1", "access"), ("other", "waiting"), ("p1", "waiting")]
        grouped = net.aggregate_by(items, to="locality", at=lambda i: i[0], key=lambda i: i[1])
        assert grouped == {"forum": {"access": 2, "waiting": 1}, "other": {"waiting": 1}}
        assert net.aggregate(items, to="place", at=lambda i: i[0]) == {"board": 4}

    def test_aggregate_by_unhashable_key(self) -> None:
        """A key that cannot be counted (a list) is a type error naming the items."""

        def unhashable(item: str) -> Any:
            return [item]

        with pytest.raises(InvalidTypeError, match="items"):
            network(GOOD).aggregate_by(["p1"], to="locality", key=unhashable)
        with pytest.raises(UnknownNameError, match="unknown body 'nowhere'"):
            network(GOOD).aggregate_by(["p1", "nowhere"], to="locality", key=len)

    def test_gaps_on_a_bare_structure(self) -> None:
        """A practice with no PPG, a forum nobody feeds: both are gaps."""
        gaps = network(GOOD).gaps()
        assert gaps.no_patient_group == ("p1",)
        assert gaps.empty_forums == ("other",)
        assert not gaps.is_empty

    def test_graph_is_a_read_only_view(self) -> None:
        """Power users get networkx; changing the view raises."""
        net = network(GOOD)
        graph = net.graph
        assert nx.is_directed_acyclic_graph(graph)
        assert graph.nodes["board"]["tier"] == "place"
        assert graph.edges["p1", "forum"]["primary"] is True
        with pytest.raises(nx.NetworkXError, match="Frozen graph can't be modified"):
            graph.add_edge("board", "p1")
        assert nx.utils.graphs_equal(net.graph, graph)
