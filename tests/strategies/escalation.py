"""Hypothesis strategies for engagekit.escalation: one per public type."""

from __future__ import annotations

from hypothesis import strategies as st

from engagekit.escalation import (
    Body,
    BodyKind,
    Change,
    ChangeKind,
    Coverage,
    EscalationNetwork,
    FeedbackFlow,
    FlowItem,
    FlowLink,
    FlowStage,
    Gaps,
    Link,
    LinkKind,
    Nations,
    OdsImport,
    OdsName,
    ParentConflict,
    PcnImport,
    PcnMembership,
    SeatCount,
    SkippedRow,
    Tier,
    TierKindCount,
)
from engagekit.sources import Source


ids = st.from_regex(r"[a-z][a-z0-9]{0,6}(-[a-z0-9]{1,4}){0,2}", fullmatch=True)
names = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=30
).filter(lambda s: s.strip())
counts = st.none() | st.integers(min_value=0, max_value=200)

sources = st.builds(
    Source,
    title=names,
    publisher=names,
    date=st.none() | st.sampled_from(["2011", "2012-03", "2018-07-01"]),
    section=st.none() | names,
)

# Kinds a non-practice body of a random network may have.
_OTHER_KINDS = [k for k in BodyKind if k is not BodyKind.PRACTICE]


@st.composite
def bodies(draw: st.DrawFn) -> Body:
    seats = draw(counts)
    members = draw(
        st.none() | st.integers(min_value=0, max_value=seats if seats is not None else 50)
    )
    return Body(
        id=draw(ids),
        name=draw(names),
        kind=draw(st.sampled_from(BodyKind)),
        tier=draw(st.sampled_from(Tier)),
        seats=seats,
        members=members,
        membership=draw(st.none() | names),
        meetings_per_year=draw(st.none() | st.integers(min_value=0, max_value=52)),
        placeholder=draw(st.booleans()),
        source=draw(st.none() | sources),
    )


@st.composite
def links(draw: st.DrawFn) -> Link:
    source, target = draw(st.lists(ids, min_size=2, max_size=2, unique=True))
    kind = draw(st.sampled_from(LinkKind))
    return Link(
        source=source,
        target=target,
        kind=kind,
        primary=kind.is_vertical and draw(st.booleans()),
        representatives=draw(counts),
    )


@st.composite
def networks(draw: st.DrawFn, max_practices: int = 12) -> EscalationNetwork:
    """A random valid network with one top body: every practice reaches it.

    Bodies are made from the top down; each links up to one or two bodies made
    before it (so to a higher tier, or earlier in the same tier), marking one
    primary when there are two. Practices may have a PPG that escalates to a
    higher body with 0 to 3 representatives, and lateral links are sprinkled in.
    """
    top_tier = draw(st.sampled_from([t for t in Tier if t > Tier.PRACTICE]))
    between = [t for t in Tier if Tier.PRACTICE < t < top_tier]
    middle = draw(st.lists(st.sampled_from(between), unique=True)) if between else []
    made: list[Body] = [
        Body(id="top", name="Top board", kind=BodyKind.GOVERNING_BODY, tier=top_tier)
    ]
    out: list[Link] = []

    def attach(body: Body, candidates: list[Body]) -> None:
        parents = draw(
            st.lists(st.sampled_from(candidates), min_size=1, max_size=2, unique_by=lambda b: b.id)
        )
        kinds = [
            draw(st.sampled_from([LinkKind.ESCALATES_TO, LinkKind.REPORTS_TO])) for _ in parents
        ]
        chosen = draw(st.integers(min_value=0, max_value=len(parents) - 1))
        for number, (parent, kind) in enumerate(zip(parents, kinds, strict=True)):
            out.append(
                Link(
                    source=body.id,
                    target=parent.id,
                    kind=kind,
                    primary=len(parents) > 1 and number == chosen,
                )
            )

    for tier_number, tier in enumerate(sorted(middle, reverse=True)):
        for number in range(draw(st.integers(min_value=1, max_value=4))):
            body = Body(
                id=f"b{tier_number}-{number}",
                name=f"Body {tier_number}.{number}",
                kind=draw(st.sampled_from(_OTHER_KINDS)),
                tier=tier,
                seats=draw(st.none() | st.integers(min_value=0, max_value=30)),
            )
            attach(body, list(made))
            made.append(body)
    above_practice = list(made)
    for number in range(draw(st.integers(min_value=1, max_value=max_practices))):
        practice = Body(
            id=f"p{number}", name=f"Practice {number}", kind=BodyKind.PRACTICE, tier=Tier.PRACTICE
        )
        attach(practice, above_practice)
        made.append(practice)
        if draw(st.booleans()):
            ppg = Body(
                id=f"p{number}-ppg",
                name=f"Practice {number} PPG",
                kind=BodyKind.PATIENT_PARTICIPATION_GROUP,
                tier=Tier.PRACTICE,
            )
            made.append(ppg)
            out.append(Link(source=practice.id, target=ppg.id, kind=LinkKind.INFORMS))
            out.append(
                Link(
                    source=ppg.id,
                    target=draw(st.sampled_from(above_practice)).id,
                    representatives=draw(st.none() | st.integers(min_value=0, max_value=3)),
                )
            )
    if draw(st.booleans()):
        watch = Body(id="watch", name="Healthwatch", kind=BodyKind.HEALTHWATCH, tier=top_tier)
        made.append(watch)
        out.append(Link(source=watch.id, target="top", kind=LinkKind.INFORMS))
    return EscalationNetwork(
        name=draw(names), bodies=made, links=out, source=draw(st.none() | sources)
    )


@st.composite
def items_in(draw: st.DrawFn, network: EscalationNetwork) -> list[str]:
    """Feedback items: body ids of ``network``, with repeats."""
    return draw(st.lists(st.sampled_from([b.id for b in network.bodies]), max_size=60))


seat_counts = st.builds(
    SeatCount,
    body=ids,
    seats=st.integers(min_value=0, max_value=100),
    filled=st.none() | st.integers(min_value=0, max_value=100),
)

coverages = st.builds(
    Coverage,
    practices=st.integers(min_value=0, max_value=100),
    with_patient_group=st.integers(min_value=0, max_value=100),
    represented=st.integers(min_value=0, max_value=100),
    seats=st.lists(seat_counts, max_size=3).map(tuple),
)

id_tuples = st.lists(ids, max_size=4).map(tuple)
gaps = st.builds(
    Gaps,
    no_patient_group=id_tuples,
    unrepresented=id_tuples,
    no_route=id_tuples,
    empty_forums=id_tuples,
)

flow_items = st.builds(FlowItem, id=ids, name=names, stage=st.sampled_from(FlowStage))
flow_links = st.builds(FlowLink, source=ids, target=ids)


@st.composite
def feedback_flows(draw: st.DrawFn) -> FeedbackFlow:
    columns = {
        stage: draw(st.lists(names, max_size=4, unique_by=lambda s: s.lower()))
        for stage in FlowStage
    }
    # Item ids are slugs of names: keep names whose slugs are distinct and non-empty.
    from engagekit.escalation._flow import slug

    seen: set[str] = set()
    kept: dict[FlowStage, list[str]] = {}
    for stage, texts in columns.items():
        kept[stage] = []
        for text in texts:
            key = slug(text)
            if key and key not in seen:
                seen.add(key)
                kept[stage].append(text)
    flow = FeedbackFlow.from_columns(draw(names), kept, source=draw(st.none() | sources))
    sparser = draw(st.booleans())
    if flow.links and sparser:  # a sparser flow: drop some links
        subset = draw(st.lists(st.sampled_from(flow.links), unique=True))
        flow = FeedbackFlow(name=flow.name, items=flow.items, links=subset, source=flow.source)
    return flow


skipped_rows = st.builds(
    SkippedRow, line=st.integers(min_value=1, max_value=10_000), code=st.none() | ids, reason=names
)

ods_codes = st.from_regex(r"[A-Z0-9]{3,8}", fullmatch=True)

parent_conflicts = st.builds(
    ParentConflict,
    line=st.integers(min_value=1, max_value=10_000),
    code=ods_codes,
    parent=ods_codes,
    kept=ods_codes,
    kept_line=st.integers(min_value=1, max_value=10_000),
    rows=st.integers(min_value=1, max_value=50),
    rule=names,
)

ods_imports = st.builds(
    OdsImport,
    network=networks(max_practices=4),
    rows=st.integers(min_value=0, max_value=100),
    skipped=st.lists(skipped_rows, max_size=3).map(tuple),
    warnings=st.lists(parent_conflicts, max_size=3).map(tuple),
    era=st.none() | st.dates(),
)

ods_names = st.builds(
    OdsName,
    code=ods_codes,
    name=names,
    kind=st.sampled_from(["region", "clinical-commissioning-group", "ods-file"]),
    opened=st.none() | st.dates(),
    closed=st.none() | st.dates(),
    seen=st.none() | st.dates(),
    verified=st.booleans(),
    source=st.none() | st.builds(Source, title=names, publisher=names),
)

dates = st.none() | st.dates()

pcn_memberships = st.builds(
    PcnMembership,
    line=st.integers(min_value=1, max_value=10_000),
    practice=ods_codes,
    pcn=ods_codes,
    sub_icb=ods_codes,
    start=dates,
    end=dates,
)

pcn_imports = st.builds(
    PcnImport,
    network=networks(max_practices=4),
    rows=st.integers(min_value=0, max_value=100),
    memberships=st.lists(pcn_memberships, max_size=3).map(tuple),
    skipped=st.lists(skipped_rows, max_size=3).map(tuple),
    warnings=st.lists(parent_conflicts, max_size=3).map(tuple),
)

tier_kind_counts = st.builds(
    TierKindCount,
    tier=st.sampled_from(Tier),
    kind=st.sampled_from(BodyKind),
    count=st.integers(min_value=0, max_value=10_000),
    names=st.lists(names, max_size=3).map(tuple),
)

changes = st.builds(
    Change,
    kind=st.sampled_from(ChangeKind),
    id=ids,
    name=names,
    tier=st.sampled_from(Tier),
    before=st.none() | names,
    after=st.none() | names,
)


#: One strategy per public type of engagekit.escalation, for the shared round-trip
#: properties in tests/properties/test_roundtrip.py.
STRATEGIES = {
    Body: bodies(),
    Link: links(),
    EscalationNetwork: networks(),
    SeatCount: seat_counts,
    Coverage: coverages,
    Gaps: gaps,
    FlowItem: flow_items,
    FlowLink: flow_links,
    FeedbackFlow: feedback_flows(),
    SkippedRow: skipped_rows,
    ParentConflict: parent_conflicts,
    Nations: st.sampled_from(Nations),
    OdsImport: ods_imports,
    OdsName: ods_names,
    PcnMembership: pcn_memberships,
    PcnImport: pcn_imports,
    TierKindCount: tier_kind_counts,
    Change: changes,
    ChangeKind: st.sampled_from(ChangeKind),
    Tier: st.sampled_from(Tier),
    BodyKind: st.sampled_from(BodyKind),
    LinkKind: st.sampled_from(LinkKind),
    FlowStage: st.sampled_from(FlowStage),
}
