"""Network summaries and diffs pinned exactly on the built-in networks, refusals whole.

A diff's merges and splits need a body whose members went elsewhere, which no pair of
built-in networks has: two small networks under one region show them.
"""

from __future__ import annotations

import pytest

from engagekit import Body, EscalationNetwork, Link
from engagekit.errors import InvalidTypeError, UnknownChoiceError
from engagekit.escalation import (
    BodyKind,
    Change,
    NetworkDiff,
    NetworkSummary,
    Tier,
    TierKindCount,
)
from engagekit.examples import oxfordshire, somerset, sutton


class TestSummary:
    def test_sutton(self) -> None:
        """Each row's tier, kind, count and first names; the summary keeps the network's name."""
        summary = sutton().summary()
        assert summary.name == "Sutton CCG patient voice"
        assert repr(summary) == "<NetworkSummary with 8 rows and 58 bodies>"
        assert summary.to_records() == [
            {
                "tier": "place",
                "kind": "committee",
                "bodies": 1,
                "for example": "Equality and Engagement Steering Group",
            },
            {
                "tier": "place",
                "kind": "governing-body",
                "bodies": 1,
                "for example": "Sutton CCG Governing Body",
            },
            {
                "tier": "place",
                "kind": "health-and-wellbeing-board",
                "bodies": 1,
                "for example": "Sutton Health and Wellbeing Board",
            },
            {
                "tier": "place",
                "kind": "healthwatch",
                "bodies": 1,
                "for example": "Healthwatch Sutton",
            },
            {
                "tier": "place",
                "kind": "patient-reference-group",
                "bodies": 1,
                "for example": "Sutton CCG Patient Reference Group",
            },
            {
                "tier": "locality",
                "kind": "locality",
                "bodies": 3,
                "for example": "Carshalton locality, Sutton and Cheam locality, Wallington locality",
            },
            {
                "tier": "practice",
                "kind": "patient-participation-group",
                "bodies": 25,
                "for example": "",
            },
            {"tier": "practice", "kind": "practice", "bodies": 25, "for example": ""},
        ]

    def test_somerset_and_oxfordshire_as_text(self) -> None:
        """Their printed tables, line for line."""
        assert str(somerset().summary()).splitlines() == [
            "tier                    kind                         bodies  for example",
            "Place, county or CCG    Governing body or board      1       Somerset CCG Board",
            (
                "Place, county or CCG    Health and wellbeing board   1       "
                "Somerset Health and Wellbeing Board"
            ),
            (
                "Place, county or CCG    Health forum                 1       "
                "Somerset bi-annual congress or Forums"
            ),
            (
                "Place, county or CCG    Healthwatch / LINk           1       "
                "Somerset LINk (HealthWatch from 2013)"
            ),
            "Federation or locality  GP federation                9",
            "Federation or locality  Health forum                 9",
            "Practice                Patient participation group  18",
            "Practice                Practice                     18",
        ]
        summary = oxfordshire().summary()
        assert summary.name == "Oxfordshire CCG patient and public voice"
        assert repr(summary) == "<NetworkSummary with 7 rows and 39 bodies>"
        assert [(row.tier.value, row.kind.value, row.count) for row in summary] == [
            ("place", "governing-body", 1),
            ("place", "health-and-wellbeing-board", 1),
            ("place", "healthwatch", 1),
            ("locality", "locality", 6),
            ("locality", "public-locality-forum", 6),
            ("practice", "patient-participation-group", 12),
            ("practice", "practice", 12),
        ]

    def test_the_most_numerous_kind_of_a_tier_comes_first(self) -> None:
        """Sutton with a second patient reference group: within the tier it leads,
        ahead of the kinds that come before it alphabetically."""
        base = sutton()
        forum = Body(id="carers-forum", name="Sutton Carers Forum", kind="prg", tier="place")
        network = EscalationNetwork(
            name="Sutton with a carers forum",
            bodies=[*base.bodies, forum],
            links=[*base.links, Link(source="carers-forum", target="sutton-governing-body")],
        )
        summary = network.summary()
        assert [(row.kind.value, row.count) for row in summary][:3] == [
            ("patient-reference-group", 2),
            ("committee", 1),
            ("governing-body", 1),
        ]
        assert summary.of("prg").names == (
            "Sutton Carers Forum",
            "Sutton CCG Patient Reference Group",
        )
        assert summary.name == "Sutton with a carers forum"

    def test_of_one_kind(self) -> None:
        """A kind over every tier, at the highest; a kind the network lacks counts 0."""
        summary = somerset().summary()
        assert summary.of("health-forum") == TierKindCount(
            Tier.PLACE, BodyKind.HEALTH_FORUM, 10, ("Somerset bi-annual congress or Forums",)
        )
        assert summary.of(BodyKind.PRACTICE) == TierKindCount(Tier.PRACTICE, BodyKind.PRACTICE, 18)
        assert summary.of("pcn") == TierKindCount(Tier.PRACTICE, BodyKind.PRIMARY_CARE_NETWORK, 0)
        with pytest.raises(UnknownChoiceError) as caught:
            summary.of("parish")
        assert str(caught.value) == (
            "kind: 'parish' is not allowed; allowed: 'practice', 'patient-participation-group', "
            "'patient-reference-group', 'primary-care-network', 'gp-federation', 'locality', "
            "'health-forum', 'public-locality-forum', 'patient-advisory-group', 'committee', "
            "'commissioner', 'clinical-commissioning-group', … (13 more)"
        )

    def test_an_empty_summary(self) -> None:
        """No rows, no bodies, no name."""
        summary = NetworkSummary()
        assert summary.name == ""
        assert summary.total == 0
        assert repr(summary) == "<NetworkSummary with 0 rows and 0 bodies>"


def _network(*pairs: tuple[str, str]) -> EscalationNetwork:
    """Practices under commissioners under one region, from (practice, commissioner) pairs."""
    bodies = {"Y63": Body(id="Y63", name="North Region", kind="region", tier="region")}
    commissioners = dict.fromkeys(c for _, c in pairs)
    bodies |= {c: Body(id=c, name=f"CCG {c}", kind="ccg", tier="place") for c in commissioners}
    bodies |= {
        p: Body(id=p, name=f"Practice {p}", kind="practice", tier="practice") for p, _ in pairs
    }
    links = [Link(source=c, target="Y63") for c in commissioners]
    links += [Link(source=p, target=c) for p, c in pairs]
    return EscalationNetwork(name="n", bodies=list(bodies.values()), links=links)


class TestDiff:
    def test_merged_and_split(self) -> None:
        """07Q's practices went to two new commissioners (split), 08A's to one (merged);
        both were under the region, which is their "before"."""
        old = _network(("A1", "07Q"), ("A2", "07Q"), ("A3", "08A"))
        new = _network(("A1", "72Q"), ("A2", "73R"), ("A3", "72Q"))
        changes = old.diff(new)
        assert [str(change) for change in changes] == [
            "added: 72Q CCG 72Q (under Y63)",
            "added: 73R CCG 73R (under Y63)",
            "merged: 08A CCG 08A into 72Q",
            "split: 07Q CCG 07Q into 72Q, 73R",
            "moved: A1 Practice A1 from 07Q to 72Q",
            "moved: A2 Practice A2 from 07Q to 73R",
            "moved: A3 Practice A3 from 08A to 72Q",
        ]
        assert changes.of("merged") == (
            Change(
                kind="merged", id="08A", name="CCG 08A", tier="place", before="Y63", after="72Q"
            ),
        )
        assert changes.of("split") == (
            Change(
                kind="split",
                id="07Q",
                name="CCG 07Q",
                tier="place",
                before="Y63",
                after="72Q, 73R",
            ),
        )
        assert changes.counts() == {"added": 2, "merged": 1, "split": 1, "moved": 3}

    def test_somerset_with_fewer_practices(self) -> None:
        """One practice a federation instead of two: nine practices closed, their
        groups removed, and the practices renumbered under other federations moved."""
        changes = somerset(2).diff(somerset(1))
        assert changes.counts() == {"closed": 9, "removed": 9, "moved": 16}
        assert str(changes.of("closed")[0]) == (
            "closed: somerset-practice-10 Somerset practice 10 (was under somerset-federation-5)"
        )
        assert changes.of("removed")[0] == Change(
            kind="removed",
            id="somerset-practice-10-ppg",
            name="Somerset practice 10 Patient Participation Group",
            tier="practice",
            before="somerset-federation-5-health-forum",
        )
        assert repr(changes) == "<NetworkDiff with 34 changes>"

    def test_oxfordshire_with_more_practices(self) -> None:
        """Two practices a locality instead of one: six practices opened, their groups
        added, and the practices renumbered moved."""
        changes = oxfordshire(1).diff(oxfordshire(2))
        assert changes.counts() == {"opened": 6, "added": 6, "moved": 10}
        assert [str(change) for change in changes.of("moved")][:2] == [
            (
                "moved: oxfordshire-practice-02 Oxfordshire practice 02 from oxfordshire-locality-2 "
                "to oxfordshire-locality-1"
            ),
            (
                "moved: oxfordshire-practice-02-ppg Oxfordshire practice 02 Patient Participation "
                "Group from oxfordshire-locality-2-plf to oxfordshire-locality-1-plf"
            ),
        ]
        assert changes.of("added")[0].after == "oxfordshire-locality-4-plf"

    def test_refusals(self) -> None:
        """A diff against something else, a change of an unknown kind or tier, a kind
        asked of a diff that is not one: each read whole."""
        with pytest.raises(InvalidTypeError) as other:
            sutton().diff("national")  # type: ignore[arg-type]
        assert str(other.value) == "other: got str 'national'; expected an EscalationNetwork"
        assert other.value.value == "national"
        kinds = (
            "'opened', 'closed', 'added', 'removed', 'merged', 'split', 'moved', 'renamed', "
            "'reclassified'"
        )
        with pytest.raises(UnknownChoiceError) as kind:
            Change(kind="vanished", id="A1", name="A", tier="practice")
        assert str(kind.value) == f"Change.kind: 'vanished' is not allowed; allowed: {kinds}"
        with pytest.raises(UnknownChoiceError) as tier:
            Change(kind="moved", id="A1", name="A", tier="parish")
        assert str(tier.value) == (
            "Change.tier: 'parish' is not allowed; allowed: 'individual', 'practice', "
            "'neighbourhood', 'locality', 'place', 'system', 'region', 'national'"
        )
        with pytest.raises(UnknownChoiceError) as asked:
            NetworkDiff().of("vanished")
        assert str(asked.value) == f"kind: 'vanished' is not allowed; allowed: {kinds}"
