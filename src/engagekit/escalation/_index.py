"""The immutable index of an escalation network, built once by checking its links (private).

[`build_index`][engagekit.escalation._index.build_index] reads the bodies and links
once: it checks each link as it files it (the rules of `_rules`), then the rules of
the whole structure, and returns a `NetworkIndex` whose mappings are read-only. The
network holds that index in one private field and never changes it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType

import attrs

from engagekit import _value
from engagekit.escalation import _rules
from engagekit.escalation._bodies import Body, Link
from engagekit.escalation._tiers import _TIER_RANK_BY_NAME, BodyKind, LinkKind


_EMPTY: Mapping[str, tuple[str, ...]] = MappingProxyType({})


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class NetworkIndex:
    """What a network's operations look up, by body id; every mapping is read-only.

    Attributes:
        bodies: each body by id.
        rank: each body's tier rank (comparing ints is much cheaper than comparing
            tiers).
        up: a body's vertical links' targets, in the order given.
        down: the bodies whose vertical links come to a body, in the order given.
        lateral: the bodies a body informs, in the order given.
        primary: the body each body's route goes to next.
        root: where each body's route ends.
        top: the ids of the bodies at the top, in id order.
    """

    bodies: Mapping[str, Body]
    rank: Mapping[str, int]
    up: Mapping[str, tuple[str, ...]]
    down: Mapping[str, tuple[str, ...]]
    lateral: Mapping[str, tuple[str, ...]]
    primary: Mapping[str, str]
    root: Mapping[str, str]
    top: tuple[str, ...]

    def __repr__(self) -> str:
        return f"<NetworkIndex of {len(self.bodies)} bodies>"


def build_index(bodies: tuple[Body, ...], links: tuple[Link, ...]) -> NetworkIndex:
    """Check ``links`` against ``bodies`` and index them.

    Raises:
        GraphStructureError: a link or the structure breaks a rule, naming the bodies.
    """
    index = {body.id: body for body in bodies}
    rank_of = _TIER_RANK_BY_NAME
    rank = {body_id: rank_of[body.tier._name_] for body_id, body in index.items()}
    up: dict[str, tuple[str, ...]] = {}
    down: dict[str, list[str]] = {}
    lateral: dict[str, list[str]] = {}
    primary: dict[str, str] = {}
    same_tier: list[tuple[str, str]] = []
    informs = LinkKind.INFORMS
    for link in links:
        source, target = link.source, link.target
        if source not in index or target not in index:
            _rules.unknown_end(source, target, index, _rules.at(links, link, "links"))
        if link.kind is informs:
            if link.primary:
                _rules.primary_lateral(source, target, _rules.at(links, link, "links"))
            targets = lateral.setdefault(source, [])
            if target in targets:
                _rules.given_twice(source, target, lateral=True, at=_rules.at(links, link, "links"))
            targets.append(target)
            continue
        parents = up.get(source)
        if parents is None:
            up[source] = (target,)
        elif target in parents:
            _rules.given_twice(source, target, lateral=False, at=_rules.at(links, link, "links"))
        else:  # a body has few parents: building the tuple again costs little
            up[source] = (*parents, target)
        low, high = rank[source], rank[target]
        if high < low:
            _rules.down_a_tier(index[source], index[target], _rules.at(links, link, "links"))
        if high == low:
            same_tier.append((source, target))
        children = down.get(target)
        if children is None:
            down[target] = [source]
        else:
            children.append(source)
        if link.primary:
            if source in primary:
                _rules.two_primaries(
                    source, primary[source], target, _rules.at(links, link, "links")
                )
            primary[source] = target
    if same_tier:
        _rules.check_acyclic(same_tier)
    for body_id, parents in up.items():
        if body_id in primary:
            continue
        if len(parents) > 1:
            _rules.no_primary(body_id, parents)
        primary[body_id] = parents[0]

    root = _roots(index, primary)
    participants = set(up) | set(down)
    candidates = list(participants) if participants else list(index)
    top: tuple[str, ...] = ()
    if candidates:
        top_rank = max(rank[i] for i in candidates)
        top = tuple(sorted(i for i in candidates if rank[i] == top_rank and i not in primary))
    _rules.check_practices_reach_top(
        (b.id for b in bodies if b.kind is BodyKind.PRACTICE), index, primary, root, top
    )
    return NetworkIndex(
        bodies=MappingProxyType(index),
        rank=MappingProxyType(rank),
        up=MappingProxyType(up),
        down=_frozen(down),
        lateral=_frozen(lateral) if lateral else _EMPTY,
        primary=MappingProxyType(primary),
        root=MappingProxyType(root),
        top=top,
    )


def _frozen(lists: dict[str, list[str]]) -> Mapping[str, tuple[str, ...]]:
    return MappingProxyType({key: tuple(value) for key, value in lists.items()})


def _roots(index: Iterable[str], primary: Mapping[str, str]) -> dict[str, str]:
    root: dict[str, str] = {}
    for body_id in index:
        if body_id in root:
            continue
        parent = primary.get(body_id)
        if parent is not None and (found := root.get(parent)) is not None:
            root[body_id] = found  # most bodies: the parent's route was walked before
            continue
        path = []
        current = body_id
        while current not in root:
            parent = primary.get(current)
            if parent is None:
                root[current] = current
                break
            path.append(current)
            current = parent
        found = root[current]
        for step in path:
            root[step] = found
    return root


def ancestors(index: NetworkIndex, rank: int) -> dict[str, str]:
    """For every body, the first body of rank at least ``rank`` on its route (or its end)."""
    ranks, primary = index.rank, index.primary
    result: dict[str, str] = {}
    for body_id in ranks:
        path = []
        current = body_id
        while current not in result:
            if ranks[current] >= rank or current not in primary:
                result[current] = current
                break
            path.append(current)
            current = primary[current]
        found = result[current]
        for step in path:
            result[step] = found
    return result


def patient_groups(index: NetworkIndex, links: Iterable[Link]) -> dict[str, list[str]]:
    """For each practice, the patient groups joined to it by a link of any kind."""
    bodies = index.bodies
    practice = BodyKind.PRACTICE
    groups: dict[str, list[str]] = {}
    for link in links:
        for a, b in ((link.source, link.target), (link.target, link.source)):
            if bodies[a].kind is practice and bodies[b].kind.is_patient_group:
                groups.setdefault(a, []).append(b)
    return groups


def represented_groups(index: NetworkIndex, links: Iterable[Link]) -> set[str]:
    """The bodies with a vertical link to a higher tier whose representatives is not 0."""
    rank = index.rank
    return {
        link.source
        for link in links
        if link.kind.is_vertical
        and rank[link.target] > rank[link.source]
        and link.representatives != 0
    }
