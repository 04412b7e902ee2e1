"""Indexing a network whose shape its maker ensures (private).

`from_ods`, `PcnImport` and `national()` make networks of thousands of bodies in
which every body has at most one parent, one tier higher: such a network is indexed
here in one pass over its links, without the checked constructor's whole-network
checks, which could find nothing.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Mapping, Sequence
from types import MappingProxyType

from engagekit.escalation._bodies import Body, Link, trusted_factory
from engagekit.escalation._index import NetworkIndex, _roots
from engagekit.escalation._network import EscalationNetwork, check_unique_ids
from engagekit.escalation._tiers import _TIER_RANK_BY_NAME
from engagekit.sources import Source


_new_network: Callable[
    [str, tuple[Body, ...], tuple[Link, ...], Source | None], EscalationNetwork
] = trusted_factory(EscalationNetwork, "name", "bodies", "links", "source")


#: A vertical link of the default kind, not primary, made unchecked (see
#: `trusted_factory`): the one link the readers and `national()` make by thousands.
#: Made here, with the trees they build, so that a network built by hand pays
#: nothing for it.
trusted_link: Callable[[str, str], Link] = trusted_factory(Link, "source", "target")


def tree_network(
    name: str, bodies: list[Body], links: list[Link], source: Source | None
) -> EscalationNetwork:
    """A tree-shaped network, indexed without re-checking what its shape ensures.

    Every body its callers make has at most one parent, one tier higher or more
    (practice, place, system, region, national), so no link goes down a tier, none
    is given twice, there is no cycle and every practice reaches the top. Only the
    ids are left to check: two bodies with one code (a code used in two columns)
    are refused as the checked constructor refuses them, naming the code.
    """
    index = {body.id: body for body in bodies}
    if len(index) != len(bodies):
        check_unique_ids(bodies)
    rank_of = _TIER_RANK_BY_NAME
    rank = {body_id: rank_of[body.tier._name_] for body_id, body in index.items()}
    primary: dict[str, str] = {}
    down: dict[str, list[str]] = {}
    # A body's one parent as a tuple (``up``): one tuple for each parent, shared by
    # its children, rather than one for each child.
    single: dict[str, tuple[str]] = {}
    up: dict[str, tuple[str, ...]] = {}
    for link in links:
        child, parent = link.source, link.target
        primary[child] = parent
        children = down.get(parent)
        if children is None:
            down[parent] = [child]
            up[child] = single[parent] = (parent,)
        else:
            children.append(child)
            up[child] = single[parent]
    tops = [body_id for body_id in down if body_id not in primary]
    index_of = _tree_index(
        index, rank=rank, up=up, down=down, primary=primary, root=_roots(index, primary), tops=tops
    )
    return _indexed(name, bodies, links, source, index_of)


def _tree_index(
    bodies: Mapping[str, Body],
    *,
    rank: Mapping[str, int],
    up: Mapping[str, tuple[str, ...]],
    down: Mapping[str, list[str]],
    primary: Mapping[str, str],
    root: Mapping[str, str],
    tops: Iterable[str],
) -> NetworkIndex:
    """The read-only index of a tree: no lateral links, each parent's children as a
    tuple, the tops in id order."""
    return NetworkIndex(
        bodies=MappingProxyType(bodies),
        rank=MappingProxyType(rank),
        up=MappingProxyType(up),
        down=MappingProxyType({key: tuple(value) for key, value in down.items()}),
        lateral=MappingProxyType({}),
        primary=MappingProxyType(primary),
        root=MappingProxyType(root),
        top=tuple(sorted(tops)),
    )


def _indexed(
    name: str, bodies: list[Body], links: list[Link], source: Source | None, index: NetworkIndex
) -> EscalationNetwork:
    """The network of `bodies` and `links`, given the index its maker built."""
    network = _new_network(name, tuple(bodies), tuple(links), source)
    object.__setattr__(network, "_index", index)
    object.__setattr__(network, "_targets", {})
    return network


# Runs an iterator to its end, keeping nothing.
_consume: Callable[[Iterable[object]], None] = deque[object](maxlen=0).extend


def three_tier_network(
    name: str,
    bodies: list[Body],
    source: Source | None,
    *,
    practices: Sequence[str],
    member_of: Sequence[str],
    groups: list[str],
    parent_of: dict[str, str],
    tops: list[str],
) -> EscalationNetwork:
    """The network `tree_network` makes of practices, each in one group, each group
    under one top body, made a column at a time.

    `bodies` are the practices', then the groups', then the tops' (each one tier
    higher than the last), in the order of `practices`, `groups` and `tops`; practice
    ``practices[i]`` is in group ``member_of[i]``, and group ``g`` under
    ``parent_of[g]``. The links are the practices' to their groups, then the
    groups' to their tops, in those orders; the index is the one `tree_network`
    builds from those links, mapping for mapping, in the same order.
    """
    ids = [*practices, *groups, *tops]
    index = dict(zip(ids, bodies, strict=True))
    if len(index) != len(bodies):
        check_unique_ids(bodies)
    rank_of = _TIER_RANK_BY_NAME
    rank: dict[str, int] = {}
    first = 0  # the position of each tier's first body
    for tier_ids in (practices, groups, tops):
        if tier_ids:
            rank.update(dict.fromkeys(tier_ids, rank_of[bodies[first].tier._name_]))
            first += len(tier_ids)
    above = list(map(parent_of.__getitem__, groups))
    links = list(map(trusted_link, practices, member_of))
    links += map(trusted_link, groups, above)
    primary = dict(zip(practices, member_of, strict=True))
    primary.update(zip(groups, above, strict=True))
    # One tuple for each parent, shared by its children, as `tree_network` shares.
    single = {group: (group,) for group in groups}
    single.update((top, (top,)) for top in tops)
    up = dict(zip(practices, map(single.__getitem__, member_of), strict=True))
    up.update(zip(groups, map(single.__getitem__, above), strict=True))
    # Each parent's children in link order, appended a column at a time.
    parents = [*member_of, *above]
    down: dict[str, list[str]] = {parent: [] for parent in dict.fromkeys(parents)}
    _consume(map(list.append, map(down.__getitem__, parents), [*practices, *groups]))
    root = dict(zip(practices, map(parent_of.__getitem__, member_of), strict=True))
    root.update(zip(groups, above, strict=True))
    root.update(zip(tops, tops, strict=True))
    index_of = _tree_index(
        index, rank=rank, up=up, down=down, primary=primary, root=root, tops=tops
    )
    return _indexed(name, bodies, links, source, index_of)
