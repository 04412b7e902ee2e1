"""The structural refusals of an escalation network, each message and path read whole.

Mutation testing found that the tests read only part of these messages: which end of a
link is named unknown, when suggestions are offered, how many parents or top bodies are
listed before "and N more", and the path each refusal names.
"""

from __future__ import annotations

import re

from collections.abc import Sequence

import pytest

from engagekit.errors import GraphStructureError
from engagekit.escalation import Body, BodyKind, EscalationNetwork, Link, LinkKind, Tier


def _body(body_id: str, tier: Tier, kind: BodyKind = BodyKind.HEALTH_FORUM) -> Body:
    return Body(id=body_id, name=body_id.replace("-", " ").title(), kind=kind, tier=tier)


PRACTICE = _body("p1", Tier.PRACTICE, BodyKind.PRACTICE)
FORUM = _body("forum", Tier.LOCALITY)
OTHER = _body("other", Tier.LOCALITY)
BOARD = _body("board", Tier.PLACE, BodyKind.GOVERNING_BODY)
GOOD = (
    Link(source="p1", target="forum"),
    Link(source="forum", target="board"),
    Link(source="other", target="board"),
)


def _refusal(
    links: Sequence[Link], bodies: Sequence[Body] = (PRACTICE, FORUM, OTHER, BOARD)
) -> GraphStructureError:
    with pytest.raises(GraphStructureError) as info:
        EscalationNetwork(name="Rules", bodies=bodies, links=links)
    return info.value


class TestUnknownEnd:
    def test_an_unknown_source_is_named(self) -> None:
        """The source is named when it is the unknown end, with the known id it looks like."""
        error = _refusal([*GOOD, Link(source="othr", target="board")])
        assert (
            str(error) == "link names an unknown body 'othr' (did you mean 'other'?): othr -> board"
        )
        assert error.path == ("othr", "board")

    def test_an_unknown_target_is_named(self) -> None:
        error = _refusal([*GOOD, Link(source="other", target="borad")])
        assert str(error) == (
            "link names an unknown body 'borad' (did you mean 'board'?): other -> borad"
        )

    def test_several_suggestions_are_separated_by_commas(self) -> None:
        bodies = (PRACTICE, FORUM, OTHER, BOARD, _body("forum-2", Tier.LOCALITY))
        links = [*GOOD, Link(source="forum-2", target="board"), Link(source="p1", target="forum-")]
        error = _refusal(links, bodies)
        assert str(error) == (
            "link names an unknown body 'forum-' (did you mean 'forum-2', 'forum'?): p1 -> forum-"
        )

    def test_nothing_alike_gets_no_hint(self) -> None:
        error = _refusal([*GOOD, Link(source="p1", target="xyzzy")])
        assert str(error) == "link names an unknown body 'xyzzy': p1 -> xyzzy"

    def test_suggestions_stop_at_five_thousand_bodies(self) -> None:
        """4,999 bodies still get a suggestion; 5,000 get none, however close the id."""
        forums = [_body(f"forum-{n:04d}", Tier.LOCALITY) for n in range(4996)]
        bodies = [PRACTICE, BOARD, OTHER, *forums]
        typo = Link(source="p1", target="forum-00001")
        assert len(bodies) == 4999
        assert str(_refusal([typo], bodies)) == (
            "link names an unknown body 'forum-00001' "
            "(did you mean 'forum-0001', 'forum-0000', 'forum-4001'?): p1 -> forum-00001"
        )
        at_limit = _refusal([typo], [*bodies, FORUM])
        assert str(at_limit) == "link names an unknown body 'forum-00001': p1 -> forum-00001"


class TestLinkRefusals:
    def test_a_primary_informs_link(self) -> None:
        error = _refusal(
            [*GOOD, Link(source="board", target="p1", kind=LinkKind.INFORMS, primary=True)]
        )
        assert str(error) == (
            "only a vertical link can be primary; 'informs' is lateral: board -> p1"
        )
        assert error.path == ("board", "p1")

    def test_an_informs_link_given_twice(self) -> None:
        informs = Link(source="board", target="p1", kind=LinkKind.INFORMS)
        error = _refusal([*GOOD, informs, informs])
        assert str(error) == "link given twice (informs): board -> p1"
        assert error.reason == "link given twice (informs)"

    def test_a_vertical_link_given_twice(self) -> None:
        error = _refusal([*GOOD, Link(source="p1", target="forum", kind=LinkKind.REPORTS_TO)])
        assert str(error) == (
            "vertical link given twice (two bodies share at most one): p1 -> forum"
        )

    def test_two_primaries_name_both_targets(self) -> None:
        links = [
            Link(source="p1", target="forum", primary=True),
            Link(source="p1", target="other", primary=True),
            *GOOD[1:],
        ]
        error = _refusal(links)
        assert str(error) == "body 'p1' marks two links primary: p1 -> forum -> other"
        assert error.path == ("p1", "forum", "other")


def _forums(count: int) -> tuple[Body, ...]:
    return tuple(_body(f"forum-{n}", Tier.LOCALITY) for n in range(1, count + 1))


class TestNoPrimary:
    def _error(self, parents: int) -> GraphStructureError:
        forums = _forums(parents)
        links = [Link(source="p1", target=f.id) for f in forums]
        links += [Link(source=f.id, target="board") for f in forums]
        return _refusal(links, (PRACTICE, BOARD, *forums))

    def test_five_parents_are_all_listed(self) -> None:
        error = self._error(5)
        assert str(error) == (
            "body 'p1' escalates to 'forum-1', 'forum-2', 'forum-3', 'forum-4', 'forum-5' "
            "and none is marked primary: p1 -> forum-1"
        )

    def test_six_parents_list_five_and_one_more(self) -> None:
        error = self._error(6)
        assert str(error) == (
            "body 'p1' escalates to 'forum-1', 'forum-2', 'forum-3', 'forum-4', 'forum-5' "
            "and 1 more and none is marked primary: p1 -> forum-1"
        )
        assert error.path == ("p1", "forum-1")

    def test_two_parents_name_the_first_in_the_path(self) -> None:
        error = _refusal([*GOOD, Link(source="p1", target="other")])
        assert str(error) == (
            "body 'p1' escalates to 'forum', 'other' and none is marked primary: p1 -> forum"
        )


class TestCycles:
    def test_the_cycle_is_named_from_where_the_search_met_it(self) -> None:
        links = [*GOOD, Link(source="forum", target="other"), Link(source="other", target="forum")]
        error = _refusal(links)
        assert error.path == ("forum", "other", "forum")
        assert str(error) == "vertical links form a cycle: forum -> other -> forum"

    def test_a_cycle_after_a_body_already_searched(self) -> None:
        """A body searched from an earlier start is skipped, and later starts are still searched."""
        x, y, z, w, v = (_body(name, Tier.LOCALITY) for name in ("x", "y", "z", "w", "v"))
        links = [
            Link(source="x", target="y"),
            Link(source="y", target="z"),
            Link(source="w", target="v"),
            Link(source="v", target="w"),
            Link(source="p1", target="x"),
            Link(source="z", target="board"),
        ]
        error = _refusal(links, (PRACTICE, BOARD, x, y, z, w, v))
        assert str(error) == "vertical links form a cycle: w -> v -> w"

    def test_a_lattice_of_same_tier_links_is_searched_once(self) -> None:
        """Each body is searched once: 40 rungs of two forums, each joined to both of the next.

        Searching every route again would take 2**40 steps, so a search that forgot
        where it had been would never return (the result is asserted, not the time).
        """
        rungs = 40
        bodies: list[Body] = [PRACTICE, BOARD]
        links = [Link(source="p1", target="a0")]
        for n in range(rungs):
            bodies += [_body(f"a{n}", Tier.LOCALITY), _body(f"b{n}", Tier.LOCALITY)]
            if n + 1 < rungs:
                for here in (f"a{n}", f"b{n}"):
                    links.append(Link(source=here, target=f"a{n + 1}", primary=True))
                    links.append(Link(source=here, target=f"b{n + 1}"))
            else:
                links += [
                    Link(source=f"a{n}", target="board"),
                    Link(source=f"b{n}", target="board"),
                ]
        net = EscalationNetwork(name="Lattice", bodies=bodies, links=links)
        assert len(net.links) == 4 * (rungs - 1) + 3
        assert [b.id for b in net.route("p1")][-2:] == [f"a{rungs - 1}", "board"]


class TestNoRouteToTheTop:
    def _error(self, tops: int) -> GraphStructureError:
        boards = tuple(
            _body(f"board-{n}", Tier.PLACE, BodyKind.GOVERNING_BODY) for n in range(1, tops + 1)
        )
        forums = _forums(tops)
        links = [Link(source=f.id, target=b.id) for f, b in zip(forums, boards, strict=True)]
        stray = _body("stray", Tier.LOCALITY)
        further = _body("further", Tier.LOCALITY)
        links += [Link(source="p1", target="stray"), Link(source="stray", target="further")]
        return _refusal(links, (PRACTICE, stray, further, *forums, *boards))

    def test_the_whole_route_and_five_tops(self) -> None:
        """The route is walked to its end, and five top bodies are all listed."""
        error = self._error(5)
        assert str(error) == (
            "practice 'p1' has no route to the top (its route ends at 'further', tier locality; "
            "the top is 'board-1', 'board-2', 'board-3', 'board-4', 'board-5')"
            ": p1 -> stray -> further"
        )
        assert error.path == ("p1", "stray", "further")

    def test_six_tops_list_five_and_one_more(self) -> None:
        error = self._error(6)
        assert error.reason == (
            "practice 'p1' has no route to the top (its route ends at 'further', tier locality; "
            "the top is 'board-1', 'board-2', 'board-3', 'board-4', 'board-5' and 1 more)"
        )

    def test_one_top(self) -> None:
        error = self._error(1)
        assert error.reason == (
            "practice 'p1' has no route to the top (its route ends at 'further', tier locality; "
            "the top is 'board-1')"
        )
        assert re.fullmatch(r".*: p1 -> stray -> further", str(error))
