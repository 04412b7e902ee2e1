"""Membership and gaps of an EscalationNetwork, each case pinned both ways.

Mutation testing found that no test asked whether an unknown id is in a network, and
that the sets `gaps()` builds could grow or shrink without a test failing.
"""

from __future__ import annotations

import io
import re

from typing import Any

import attrs
import pytest

from engagekit.errors import InvalidTypeError, UnknownChoiceError, UnknownNameError
from engagekit.escalation import Body, BodyKind, EscalationNetwork, Link, LinkKind, Tier
from engagekit.examples import sutton


def _body(body_id: str, tier: Tier, kind: BodyKind, *, members: int | None = None) -> Body:
    name = body_id.replace("-", " ").title()
    return Body(id=body_id, name=name, kind=kind, tier=tier, members=members)


class TestMembership:
    def test_ids_and_bodies(self) -> None:
        """Sutton's patient reference group is in Sutton; an unknown id or a copy that differs is not."""
        net = sutton()
        prg = net.body("sutton-prg")
        assert "sutton-prg" in net
        assert prg in net
        assert attrs.evolve(prg) in net
        assert "no-such-id" not in net
        assert attrs.evolve(prg, name="Another group") not in net
        assert 42 not in net
        assert None not in net

    def test_unknown_body_names_the_id(self) -> None:
        with pytest.raises(UnknownNameError, match="no-such-id"):
            sutton().body("no-such-id")


def _network(*extra_bodies: Body, extra_links: tuple[Link, ...] = ()) -> EscalationNetwork:
    """A practice with its PPG on a locality forum, reporting to a governing body."""
    bodies = (
        _body("practice-a", Tier.PRACTICE, BodyKind.PRACTICE),
        _body("ppg-a", Tier.PRACTICE, BodyKind.PATIENT_PARTICIPATION_GROUP, members=9),
        _body("forum", Tier.LOCALITY, BodyKind.HEALTH_FORUM),
        _body("board", Tier.PLACE, BodyKind.GOVERNING_BODY),
        *extra_bodies,
    )
    links = (
        Link(source="practice-a", target="forum"),
        Link(source="ppg-a", target="practice-a", kind=LinkKind.INFORMS),
        Link(source="ppg-a", target="forum"),
        Link(source="forum", target="board"),
        *extra_links,
    )
    return EscalationNetwork(name="Gaps", bodies=bodies, links=links)


class TestGaps:
    def test_a_complete_structure_has_no_gaps(self) -> None:
        gaps = _network().gaps()
        assert gaps.is_empty
        assert (gaps.no_patient_group, gaps.unrepresented, gaps.no_route, gaps.empty_forums) == (
            (),
            (),
            (),
            (),
        )

    def test_practice_without_a_group(self) -> None:
        """A second practice on the forum with no PPG is the only gap."""
        extra = _body("practice-b", Tier.PRACTICE, BodyKind.PRACTICE)
        gaps = _network(extra, extra_links=(Link(source="practice-b", target="forum"),)).gaps()
        assert gaps.no_patient_group == ("practice-b",)
        assert gaps.unrepresented == gaps.no_route == gaps.empty_forums == ()

    @pytest.mark.parametrize(
        ("representatives", "unrepresented", "is_empty"),
        [
            (0, ("practice-b",), False),  # its only link up sends nobody: the practice is unheard
            (1, (), True),  # the same PPG sending one representative is heard
        ],
    )
    def test_a_group_is_heard_only_with_a_seat_above(
        self, representatives: int, unrepresented: tuple[str, ...], is_empty: bool
    ) -> None:
        """A PPG's link up to the forum represents its practice only if it sends someone."""
        bodies = (
            _body("practice-b", Tier.PRACTICE, BodyKind.PRACTICE),
            _body("ppg-b", Tier.PRACTICE, BodyKind.PATIENT_PARTICIPATION_GROUP, members=12),
        )
        links = (
            Link(source="practice-b", target="forum"),
            Link(source="ppg-b", target="practice-b", kind=LinkKind.INFORMS),
            Link(source="ppg-b", target="forum", representatives=representatives),
        )
        gaps = _network(*bodies, extra_links=links).gaps()
        assert gaps.unrepresented == unrepresented
        assert gaps.no_patient_group == gaps.no_route == gaps.empty_forums == ()
        assert gaps.is_empty is is_empty

    def test_a_side_structure_has_no_route_to_the_top(self) -> None:
        """A forum reporting to a locality that goes no higher: both have no route."""
        bodies = (
            _body("side-forum", Tier.NEIGHBOURHOOD, BodyKind.HEALTH_FORUM, members=20),
            _body("side-locality", Tier.LOCALITY, BodyKind.LOCALITY),
        )
        links = (Link(source="side-forum", target="side-locality"),)
        gaps = _network(*bodies, extra_links=links).gaps()
        assert gaps.no_route == ("side-forum", "side-locality")
        assert gaps.no_patient_group == gaps.unrepresented == gaps.empty_forums == ()

    def test_a_lone_forum_is_cut_off_and_a_lone_board_is_not(self) -> None:
        """Bodies with no vertical link: a forum is a gap, Healthwatch informing is not."""
        bodies = (
            _body("lone-forum", Tier.LOCALITY, BodyKind.HEALTH_FORUM, members=30),
            _body("healthwatch", Tier.PLACE, BodyKind.HEALTHWATCH),
        )
        links = (Link(source="healthwatch", target="board", kind=LinkKind.INFORMS),)
        gaps = _network(*bodies, extra_links=links).gaps()
        assert gaps.no_route == ("lone-forum",)
        assert gaps.empty_forums == ()

    @pytest.mark.parametrize(
        ("members", "fed", "empty"),
        [
            (0, True, True),  # no members, even with a link coming in
            (None, False, True),  # unknown, and nothing comes to it
            (None, True, False),  # unknown, but something reports to it
            (8, False, False),  # members, though nothing reports to it
        ],
    )
    def test_empty_forums(self, members: int | None, fed: bool, empty: bool) -> None:
        """Empty: 0 members, or unknown members and no link of any kind coming to it."""
        forum = _body("new-forum", Tier.LOCALITY, BodyKind.PUBLIC_LOCALITY_FORUM, members=members)
        links = [Link(source="new-forum", target="board")]
        if fed:
            links.append(Link(source="ppg-a", target="new-forum", kind=LinkKind.INFORMS))
        gaps = _network(forum, extra_links=tuple(links)).gaps()
        assert gaps.empty_forums == (("new-forum",) if empty else ())
        assert gaps.no_route == ()

    def test_gaps_are_sorted_by_id(self) -> None:
        """Two practices without a group come out in id order, whatever order they were given."""
        extra = (
            _body("practice-z", Tier.PRACTICE, BodyKind.PRACTICE),
            _body("practice-b", Tier.PRACTICE, BodyKind.PRACTICE),
        )
        links = (
            Link(source="practice-z", target="forum"),
            Link(source="practice-b", target="forum"),
        )
        gaps = _network(*extra, extra_links=links).gaps()
        assert gaps.no_patient_group == ("practice-b", "practice-z")


_PRACTICE = _body("practice-a", Tier.PRACTICE, BodyKind.PRACTICE)


class TestRefusals:
    """Every refusal names the argument and what was wrong with it, whole."""

    @pytest.mark.parametrize(
        ("fields", "message"),
        [
            (
                {"bodies": (_PRACTICE, "p2")},
                "EscalationNetwork.bodies[1]: got str 'p2'; expected a Body",
            ),
            ({"bodies": "p2"}, "EscalationNetwork.bodies: got str 'p2'; expected a list"),
            ({"bodies": ""}, "EscalationNetwork.bodies: got str ''; expected a list"),
            (
                {"bodies": (_PRACTICE,), "links": (("practice-a", "forum"),)},
                "EscalationNetwork.links[0]: got tuple ('practice-a', 'forum'); expected a Link",
            ),
        ],
    )
    def test_bodies_and_links_of_the_wrong_type(self, fields: dict[str, Any], message: str) -> None:
        with pytest.raises(InvalidTypeError, match=f"^{re.escape(message)}$"):
            EscalationNetwork(name="Wrong types", **fields)

    def test_an_unknown_tier_names_the_parameter(self) -> None:
        net = sutton()
        with pytest.raises(UnknownChoiceError, match=r"^to: 'nowhere' is not allowed"):
            net.ancestors("nowhere")
        with pytest.raises(UnknownChoiceError, match=r"^to: 'nowhere' is not allowed"):
            net.aggregate_by(["sutton-practice-01"], to="nowhere", key=len)

    def test_lateral_must_be_true_or_false(self) -> None:
        with pytest.raises(
            InvalidTypeError, match=r"^lateral: got str 'yes'; expected true or false$"
        ):
            sutton().cascade("sutton-governing-body", lateral="yes")  # type: ignore[arg-type]

    def test_items_that_cannot_be_counted(self) -> None:
        """A list is no body id: the error quotes Python's complaint and what was expected."""
        with pytest.raises(
            InvalidTypeError,
            match=re.escape(
                "items: got TypeError TypeError(\"unhashable type: 'list'\"); "
                "expected body ids (text) and hashable keys"
            ),
        ):
            sutton().aggregate_by([["sutton-practice-01"]], to="locality", key=len)

    def test_an_unknown_item_suggests_the_closest_ids(self) -> None:
        message = (
            "unknown body 'sutton-practice-99'; did you mean "
            "'sutton-practice-19', 'sutton-practice-09', 'sutton-practice-25'?"
        )
        net = sutton()
        with pytest.raises(UnknownNameError, match=f"^{re.escape(message)}$"):
            net.aggregate(["sutton-practice-99"], to="locality")
        with pytest.raises(UnknownNameError, match=f"^{re.escape(message)}$"):
            net.aggregate_by(["sutton-practice-99"], to="locality", key=len)


def _national(count: int) -> EscalationNetwork:
    """``count`` patient groups with ODS-style upper-case codes: A81001, A81002, …"""
    bodies = tuple(
        _body(f"A{81001 + n}", Tier.PRACTICE, BodyKind.PATIENT_PARTICIPATION_GROUP)
        for n in range(count)
    )
    return EscalationNetwork(name="Many", bodies=bodies)


class TestChoicesOnLargeNetworks:
    """Above 2000 bodies an unknown id lists at most 50 ids sharing its first three letters."""

    def test_up_to_2000_bodies_every_id_is_a_choice(self) -> None:
        with pytest.raises(UnknownNameError) as info:
            _national(2000).body("a81x")
        assert len(info.value.choices) == 2000

    def test_above_2000_only_ids_with_the_same_start_in_any_case(self) -> None:
        with pytest.raises(UnknownNameError) as info:
            _national(2001).body("a81x")
        assert info.value.choices == tuple(f"A{81001 + n}" for n in range(50))
        with pytest.raises(UnknownNameError) as info:
            _national(2001).body("B81001")
        assert info.value.choices == ()


class TestSmallQueries:
    def test_repr_keeps_a_name_of_60_characters_and_cuts_a_longer_one(self) -> None:
        body = _body("board", Tier.PLACE, BodyKind.GOVERNING_BODY)
        sixty = "N" * 60
        net = EscalationNetwork(name=sixty, bodies=(body,))
        assert repr(net) == f"<EscalationNetwork {sixty!r} with 1 body and 0 links>"
        longer = EscalationNetwork(name=sixty + "X", bodies=(body,))
        assert repr(longer) == f"<EscalationNetwork {'N' * 57 + '...'!r} with 1 body and 0 links>"

    def test_no_children_and_no_lateral_links_are_empty(self) -> None:
        """Sutton's practice 01 has no body below it; its Carshalton locality informs nobody."""
        net = sutton()
        assert net.children("sutton-practice-01") == ()
        assert net.informs("sutton-locality-carshalton") == ()

    def test_aggregate_by_orders_keys_by_their_text(self) -> None:
        """Keys 9 and 10 come out '10' before '9': not by number, count or first seen."""
        items = [("sutton-practice-02", 9), ("sutton-practice-01", 10), ("sutton-practice-01", 10)]
        grouped = sutton().aggregate_by(items, to="locality", at=lambda i: i[0], key=lambda i: i[1])
        assert list(grouped["sutton-locality-carshalton"].items()) == [(10, 2), (9, 1)]

    def test_a_cascade_runs_from_the_top_tier_down_then_by_id(self) -> None:
        """Sutton's patient reference group sits at place tier, so it comes before the
        localities although its id sorts after theirs."""
        reached = [b.id for b in sutton().cascade("sutton-governing-body")]
        assert len(reached) == 56
        assert reached[:7] == [
            "sutton-eesg",
            "sutton-hwb",
            "sutton-prg",
            "sutton-locality-carshalton",
            "sutton-locality-sutton-and-cheam",
            "sutton-locality-wallington",
            "sutton-practice-01",
        ]

    def test_iterating_gives_the_bodies_in_the_order_given(self) -> None:
        net = sutton()
        assert list(net) == list(net.bodies)
        assert len(net) == 58


class TestPassedThrough:
    def test_an_unknown_item_on_a_large_network_suggests_by_its_start(self) -> None:
        with pytest.raises(UnknownNameError) as info:
            _national(2001).aggregate(["a81x"], to="practice")
        assert info.value.choices == tuple(f"A{81001 + n}" for n in range(50))

    def test_aggregate_refuses_items_that_cannot_be_counted(self) -> None:
        with pytest.raises(
            InvalidTypeError,
            match=re.escape(
                "items: got TypeError TypeError(\"unhashable type: 'list'\"); "
                "expected body ids (text)"
            )
            + "$",
        ):
            sutton().aggregate([["sutton-practice-01"]], to="locality")

    def test_coverage_counts_a_forums_filled_seats(self) -> None:
        forum = attrs.evolve(
            _body("forum", Tier.LOCALITY, BodyKind.HEALTH_FORUM, members=9), seats=12
        )
        bodies = tuple(forum if b.id == "forum" else b for b in _network().bodies)
        net = EscalationNetwork(name="Seats", bodies=bodies, links=_network().links)
        (seat,) = net.coverage().seats
        assert (seat.body, seat.seats, seat.filled) == ("forum", 12, 9)

    def test_a_statutory_body_with_no_duty_yet_says_why(self) -> None:
        """On 1 January 2001 a GP practice is a statutory body that no encoded law binds yet."""
        row = sutton().duties(on="2001-01-01").of("sutton-practice-01")
        assert row.duties == ()
        assert row.reason == (
            "no duty in this registry binds a GP practice on 2001-01-01: "
            "the earliest law engagekit encodes began on 2001-04-02"
        )

    def test_from_ods_and_from_pcn_keep_the_name_given(self) -> None:
        ods_row = (
            "L85001,HEALTH CENTRE,Y58,QSL,,,,,,TA1 1AA,19740401,,A,B,11X,"
            "20130401,,01823,,,,,,,,4,\n"
        )
        ods = EscalationNetwork.from_ods(io.StringIO(ods_row), name="Somerset practices")
        assert ods.network.name == "Somerset practices"
        pcn_row = "A81001,THE SURGERY,16C,,U12345,RIVERSIDE PCN,16C,NHS EXAMPLE,20190701,,TRUE\n"
        pcns = EscalationNetwork.from_pcn(io.StringIO(pcn_row), name="Riverside PCNs")
        assert pcns.network.name == "Riverside PCNs"


def test_with_no_links_the_top_is_the_highest_tier_and_an_empty_network_has_none() -> None:
    """With nothing linked, the top is worked out from every body's tier alone."""
    bodies = [
        Body(id="forum", name="Health Forum", kind="health-forum", tier="place"),
        Body(id="board", name="Governing Body", kind="committee", tier="system"),
        Body(id="panel", name="Patient Panel", kind="committee", tier="system"),
    ]
    unlinked = EscalationNetwork(name="unlinked", bodies=bodies)
    assert [b.id for b in unlinked.top] == ["board", "panel"]
    assert EscalationNetwork(name="empty", bodies=[]).top == ()
