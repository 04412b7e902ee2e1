"""The three real structures carry the numbers their sources give."""

from __future__ import annotations

import pytest

from engagekit.errors import InvalidValueError
from engagekit.escalation import Body, BodyKind, EscalationNetwork, LinkKind, Tier
from engagekit.examples import oxfordshire, somerset, sutton, sutton_feedback_flow


def _kind(net: EscalationNetwork, kind: BodyKind) -> list[Body]:
    return [b for b in net.bodies if b.kind is kind]


class TestSomerset:
    def test_nine_federations_each_with_a_health_forum(self) -> None:
        """002 (LINk blog): "Health Forums … emerging in the 9 Somerset Federations"."""
        net = somerset()
        federations = _kind(net, BodyKind.GP_FEDERATION)
        forums = [b for b in _kind(net, BodyKind.HEALTH_FORUM) if b.tier is Tier.LOCALITY]
        assert len(federations) == 9
        assert len(forums) == 9
        assert all(b.placeholder for b in federations + forums)
        assert federations[0].name == "Somerset federation 1"

    def test_messages_escalate_to_the_board_through_the_county_forum(self) -> None:
        """000: responsibility "ultimately rests with the CCG Board"; 002: bottom-up."""
        net = somerset()
        route = [b.id for b in net.route("somerset-practice-05-ppg")]
        assert route == [
            "somerset-federation-3-health-forum",
            "somerset-county-forum",
            "somerset-ccg-board",
        ]
        assert [b.name for b in net.top] == ["Somerset CCG Board"]

    def test_and_cascade_top_down(self) -> None:
        """002: messages escalate "from the top to the bottom and vice-versa"."""
        net = somerset(practices_per_federation=3)
        reached = net.cascade("somerset-ccg-board")
        assert (
            len([b for b in reached.by_tier()[Tier.PRACTICE] if b.kind is BodyKind.PRACTICE]) == 27
        )
        assert net.body("somerset-hwb") in reached.by_tier()[Tier.PLACE]

    def test_link_informs_the_county_forum(self) -> None:
        """000 strand 7: working with the LINk/HealthWatch (a lateral link)."""
        net = somerset()
        assert net.informs("somerset-link") == (net.body("somerset-county-forum"),)

    def test_practices_per_federation_is_checked(self) -> None:
        """The illustrative practice count is validated and named in the error."""
        with pytest.raises(InvalidValueError, match="practices_per_federation: 0"):
            somerset(practices_per_federation=0)


class TestSutton:
    def test_twenty_five_practices_in_three_named_localities(self) -> None:
        """003 s1: "25 GP practices"; s3.4.2: Carshalton, Wallington and Sutton and Cheam."""
        net = sutton()
        assert len(net.practices) == 25
        assert all(p.placeholder for p in net.practices)
        assert net.body("sutton-practice-07").name == "Sutton practice 07"
        localities = sorted(b.name for b in _kind(net, BodyKind.LOCALITY))
        assert localities == [
            "Carshalton locality",
            "Sutton and Cheam locality",
            "Wallington locality",
        ]

    def test_prg_seats_and_representation(self) -> None:
        """003 s3.4.3: up to 3 members per practice; over 92% of practices represented."""
        net = sutton()
        prg = net.body("sutton-prg")
        assert prg.seats == 25 * 3
        assert prg.membership is not None
        assert "up to 3 members per practice" in prg.membership
        coverage = net.coverage()
        assert coverage.with_patient_group == 25  # "All of Sutton's GP practices now have PPGs"
        assert (coverage.share_represented or 0) > 0.92
        assert coverage.represented == 24
        assert coverage.seats_available == 75
        assert coverage.seats_filled is None  # the source does not say how many are filled

    def test_steering_group_and_governing_body_above_the_prg(self) -> None:
        """003 s3.4.9: the EESG meets quarterly and assures the Governing Body."""
        net = sutton()
        steering = net.body("sutton-eesg")
        assert steering.meetings_per_year == 4
        assert [b.id for b in net.route("sutton-prg")] == ["sutton-eesg", "sutton-governing-body"]
        assert [b.id for b in net.top] == ["sutton-governing-body"]

    def test_gaps_name_the_unrepresented_practice(self) -> None:
        """The placeholder unrepresented practice is the one gap."""
        gaps = sutton().gaps()
        assert gaps.unrepresented == ("sutton-practice-25",)
        assert gaps.no_patient_group == gaps.no_route == gaps.empty_forums == ()

    def test_aggregate_to_localities(self) -> None:
        """Feedback at practices counts at their locality (placeholder split 9/8/8)."""
        net = sutton()
        items = [f"sutton-practice-{n:02d}" for n in range(1, 26)]
        assert net.aggregate(items, to=Tier.LOCALITY) == {
            "sutton-locality-carshalton": 9,
            "sutton-locality-sutton-and-cheam": 8,
            "sutton-locality-wallington": 8,
        }
        assert net.aggregate(items, to="place") == {
            "healthwatch-sutton": 0,
            "sutton-eesg": 0,
            "sutton-governing-body": 25,
            "sutton-hwb": 0,
            "sutton-prg": 0,
        }


class TestSuttonFeedbackFlow:
    def test_four_stages_with_the_items_the_chart_lists(self) -> None:
        """003 Feedback Flow: 15 sources, 15 discussions, 13 areas influenced, 9 channels."""
        flow = sutton_feedback_flow()
        stages = flow.stages()
        assert [len(stages[s]) for s in stages] == [15, 15, 13, 9]
        assert stages[next(iter(stages))][0].name == "Sutton Patient Reference Group"
        assert flow.item("Resource Improvement Projects Funding").stage.label == "Inform"

    def test_which_sources_can_influence_service_specifications(self) -> None:
        """Every source of voices reaches "Service Specifications" through a discussion."""
        flow = sutton_feedback_flow()
        sources = flow.influencing("Service Specifications")
        assert len(sources) == 15
        assert "Complaints" in [i.name for i in sources]
        assert "Friends and Family Test" in [i.name for i in sources]

    def test_how_a_complaint_is_fed_back(self) -> None:
        """A complaint is discussed, influences, and is fed back by the nine channels."""
        flow = sutton_feedback_flow()
        channels = [i.name for i in flow.fed_back("complaints")]
        assert len(channels) == 9
        assert channels[-1] == "Quarterly and Annual Reports"
        assert "Quality Committee" in [i.name for i in flow.discussed_at("Complaints")]


class TestOxfordshire:
    def test_six_localities_each_with_a_public_locality_forum(self) -> None:
        """004 glossary: "six Public Locality Forums, one in each of the six OCCG Localities"."""
        net = oxfordshire()
        assert len(_kind(net, BodyKind.LOCALITY)) == 6
        forums = _kind(net, BodyKind.PUBLIC_LOCALITY_FORUM)
        assert len(forums) == 6
        # Action 6, "Hold twelve public meetings (two in each Locality) per year with
        # the Public Locality Forums", is the CCG's meetings, not each forum's.
        assert {f.meetings_per_year for f in forums} == {None}
        assert net.body("occg-governing-body").meetings_per_year == 6  # action 7

    def test_forums_feed_locality_and_county_plans(self) -> None:
        """004: views "fed into plans at both a Locality and County wide level"."""
        net = oxfordshire()
        forum = "oxfordshire-locality-2-plf"
        assert [b.id for b in net.parents(forum)] == [
            "oxfordshire-locality-2",
            "occg-governing-body",
        ]
        assert [b.id for b in net.route(forum)] == ["oxfordshire-locality-2", "occg-governing-body"]
        kinds = {link.kind for link in net.links if link.source == "healthwatch-oxfordshire"}
        assert kinds == {LinkKind.INFORMS}
