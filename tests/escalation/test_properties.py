"""Hypothesis properties of escalation networks (the issue's Acceptance list)."""

from __future__ import annotations

import collections

from hypothesis import given
from hypothesis import strategies as st

from engagekit.escalation import BodyKind, EscalationNetwork, Tier
from tests.strategies.escalation import items_in, networks


@given(networks(), st.sampled_from(Tier))
def test_every_route_ends_at_the_requested_tier_or_the_top(
    net: EscalationNetwork, tier: Tier
) -> None:
    """A route stops at the first body at or above the tier asked for, or runs to the
    end of the whole route (the top, for a practice); a route starts at the body's
    primary parent, and a body with no parent has an empty route."""
    tops = set(net.top)
    for body in net.bodies:
        whole = list(net.route(body))
        stop = next((i for i, step in enumerate(whole) if step.tier >= tier), len(whole) - 1)
        assert list(net.route(body, to=tier)) == whole[: stop + 1]
        assert all(step.tier < tier for step in whole[:stop])
        assert whole[:1] == list(net.parents(body)[:1])
    for practice in net.practices:
        assert net.route(practice)[-1] in tops


@given(networks())
def test_cascade_from_the_top_reaches_every_practice(net: EscalationNetwork) -> None:
    """A decision of the (single) top body reaches every practice on the way down."""
    (top,) = net.top
    reached = net.cascade(top)
    practices = {b.id for b in reached.by_tier().get(Tier.PRACTICE, ())}
    assert {p.id for p in net.practices} <= practices
    tiers = list(reached.by_tier())
    assert tiers == sorted(tiers, reverse=True)
    assert [b.tier for b in reached] == sorted((b.tier for b in reached), reverse=True)


@given(st.data())
def test_aggregate_totals_equal_the_number_of_items(data: st.DataObject) -> None:
    """Every item is counted once, whatever tier it is aggregated to."""
    net = data.draw(networks())
    items = data.draw(items_in(net))
    tier = data.draw(st.sampled_from(Tier))
    counts = net.aggregate(items, to=tier)
    assert sum(counts.values()) == len(items)
    assert list(counts) == sorted(counts)
    grouped = net.aggregate_by(items, to=tier, key=lambda body_id: body_id.startswith("p"))
    assert sum(sum(inner.values()) for inner in grouped.values()) == len(items)
    assert {k: sum(v.values()) for k, v in grouped.items()} == counts


@given(st.data())
def test_counts_at_a_tier_equal_the_sum_of_the_tier_below(data: st.DataObject) -> None:
    """Rolling the counts of a lower tier up gives the counts of the higher tier."""
    net = data.draw(networks())
    items = data.draw(items_in(net))
    low, high = sorted(data.draw(st.lists(st.sampled_from(Tier), min_size=2, max_size=2)))
    lower = net.aggregate(items, to=low)
    upper = net.aggregate(items, to=high)
    rolled: collections.Counter[str] = collections.Counter()
    up = net.ancestors(high)
    for body_id, count in lower.items():
        rolled[up[body_id]] += count
    assert {k: v for k, v in upper.items() if v} == {k: v for k, v in rolled.items() if v}


@given(networks())
def test_coverage_and_gaps_agree(net: EscalationNetwork) -> None:
    """Coverage counts and gap lists describe the same practices."""
    coverage = net.coverage()
    gaps = net.gaps()
    assert coverage.practices == len(net.practices)
    assert coverage.practices - coverage.with_patient_group == len(gaps.no_patient_group)
    assert coverage.with_patient_group - coverage.represented == len(gaps.unrepresented)
    assert not set(gaps.no_route) & {p.id for p in net.practices}
    assert all(net.body(i).kind is BodyKind.PRACTICE for i in gaps.unrepresented)


@given(networks())
def test_every_body_has_its_duties(net: EscalationNetwork) -> None:
    """duties(on=) gives one row per body, in order, typed by the kind's mapping."""
    import datetime as dt

    from engagekit.duties import duties_for

    day = dt.date(2023, 1, 1)
    bound = net.duties(on=day)
    assert [row.body for row in bound] == list(net.bodies)
    for row in bound:
        assert row.body_type is row.body.kind.body_type_on(dt.date(2023, 1, 1))
        expected = () if row.body_type is None else tuple(duties_for(row.body_type, on=day))
        assert row.duties == expected
