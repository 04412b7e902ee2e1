"""Escalation workloads: aggregating feedback, building a network, and its JSON.

- ``aggregate`` of up to 1,000,000 feedback items (each at a random practice of
  ``national()``) to ICB tier, against ``Counter(map(d.__getitem__, items))`` over a
  plain dict mapping each practice to its ICB, precomputed; numpy ``bincount`` over
  integer indices is reported alongside as the floor (when numpy is installed).
- ``io.dumps`` and ``io.loads`` of networks of 72, 772 and 7,706 bodies
  (``national(scale=...)``), against cattrs' own preconfigured JSON converter
  (``cattrs.preconf.json.make_converter()``) on the same value.
- Building ``national(scale=...)``, against the plain dicts of the
  same bodies and links (report only: the baseline checks nothing).
"""

from __future__ import annotations

import collections
import random

from benchmarks._runner import Growth


#: Network sizes (bodies) and the `national(scale=...)` that gives each.
SCALES = {72: 0.009, 772: 0.1, 7_706: 1.0}


def _network():
    from engagekit.escalation import national

    return national(seed=0)


def _practice_icb(net):
    from engagekit.escalation import BodyKind, Tier

    parent = {link.source: link.target for link in net.links}
    icbs = {b.id for b in net.bodies if b.tier is Tier.SYSTEM}
    practices = [b.id for b in net.bodies if b.kind is BodyKind.PRACTICE]
    practice_icb = {}
    for practice in practices:
        step = practice
        while step not in icbs:
            step = parent[step]
        practice_icb[practice] = step
    return practices, practice_icb


def _aggregate(size: int):
    from engagekit.escalation import Tier

    net = _network()
    practices, practice_icb = _practice_icb(net)
    items = random.Random(size).choices(practices, k=size)

    def ours():
        return net.aggregate(items, to=Tier.SYSTEM)

    def baseline():
        return collections.Counter(map(practice_icb.__getitem__, items))

    counted = ours()
    assert sum(counted.values()) == size
    assert dict(baseline()) == {k: v for k, v in counted.items() if v}
    references = {}
    try:
        import numpy as np
    except ImportError:  # numpy is optional: the floor is reported only when present
        pass
    else:
        icb_names = sorted(set(practice_icb.values()))
        icb_index = {name: n for n, name in enumerate(icb_names)}
        practice_index = {p: n for n, p in enumerate(practices)}
        icb_of = np.array([icb_index[practice_icb[p]] for p in practices])
        indices = np.array([practice_index[p] for p in items])

        def numpy_floor():
            return np.bincount(icb_of[indices], minlength=len(icb_names))

        references["numpy bincount over integer indices"] = numpy_floor
    return ours, baseline, references


def _io(size: int, *, load: bool):
    from cattrs.preconf.json import make_converter

    from engagekit import io
    from engagekit.escalation import EscalationNetwork, national

    net = national(seed=0, scale=SCALES[size])
    converter = make_converter()
    ours_text, plain_text = io.dumps(net), converter.dumps(net)
    assert io.loads(ours_text, EscalationNetwork) == converter.loads(plain_text, EscalationNetwork)
    if load:
        return (
            lambda: io.loads(ours_text, EscalationNetwork),
            lambda: converter.loads(plain_text, EscalationNetwork),
        )
    return lambda: io.dumps(net), lambda: converter.dumps(net)


def _build(size: int):
    from engagekit.escalation import national

    net = national(seed=0, scale=SCALES[size])
    rows = [(b.id, b.name, b.kind, b.tier) for b in net.bodies]
    edges = [(link.source, link.target, link.kind) for link in net.links]

    def baseline():
        bodies = {row[0]: row for row in rows}
        parents: dict[str, list[str]] = {}
        for source, target, _ in edges:
            parents.setdefault(source, []).append(target)
        return bodies, parents

    return lambda: national(seed=0, scale=SCALES[size]), baseline


def workloads() -> list[Growth]:
    networks = tuple(SCALES)
    return [
        Growth(
            name="EscalationNetwork.aggregate to ICB tier",
            build=_aggregate,
            sizes=(10_000, 100_000, 1_000_000),
            target=1.2,
            compared_with="Counter(map(d.__getitem__, items)) over a precomputed "
            "practice -> ICB dict",
            notes="items are ids of random practices of national(); numpy bincount "
            "over integer indices is the floor",
            quick_sizes=(3_000, 30_000, 300_000),
        ),
        Growth(
            name="io.dumps of a network",
            build=lambda size: _io(size, load=False),
            sizes=networks,
            unit="bodies",
            target=1.5,
            compared_with="cattrs.preconf.json.make_converter().dumps on the same value",
            notes="national(scale=0.009, 0.1, 1); ours adds the format envelope",
        ),
        Growth(
            name="io.loads of a network",
            build=lambda size: _io(size, load=True),
            sizes=networks,
            unit="bodies",
            target=1.5,
            compared_with="cattrs.preconf.json.make_converter().loads on the same text",
            notes="ours also reports every problem with its path; both validate through "
            "the constructors",
        ),
        Growth(
            name="build and validate national()",
            build=_build,
            sizes=networks,
            unit="bodies",
            compared_with="plain dicts of the same bodies and links (checks nothing)",
            notes="report only: ours makes its bodies and links, and the index of its tree "
            "(routes, tiers, tops), checking only that ids are unique",
        ),
    ]
