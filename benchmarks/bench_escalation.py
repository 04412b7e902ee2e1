"""Escalation workloads: aggregating a million items, building national(), memory.

- ``aggregate`` of 1,000,000 feedback items (each at a random practice of
  ``national()``) to ICB tier: at most 1.3x the fastest plain-Python way,
  ``Counter(map(d.__getitem__, items))`` over a plain dict mapping each practice to
  its ICB, precomputed, and at least 40x faster than routing each item
  with ``networkx.shortest_path`` (both sides on the same 50,000 of those items:
  routing a million items with networkx would take minutes per run).
- Building and validating ``national()``: at most 5x building the bare
  ``networkx.DiGraph`` of the same edges; peak memory reported.
"""

from __future__ import annotations

import collections
import random
import time
import tracemalloc

from benchmarks._runner import Workload


ITEMS = 1_000_000
ROUTED_SAMPLE = 50_000


def workloads() -> list[Workload]:
    import networkx as nx

    from engagekit.escalation import BodyKind, Tier, national

    net = national(seed=0)
    practices = [b.id for b in net.bodies if b.kind is BodyKind.PRACTICE]
    rng = random.Random(1)
    items = rng.choices(practices, k=ITEMS)

    # The baseline's hand-written map: each practice's ICB, precomputed once.
    parent = {link.source: link.target for link in net.links}
    icbs = {b.id for b in net.bodies if b.tier is Tier.SYSTEM}
    practice_icb = {}
    for practice in practices:
        step = practice
        while step not in icbs:
            step = parent[step]
        practice_icb[practice] = step

    def ours() -> object:
        return net.aggregate(items, to=Tier.SYSTEM)

    def counter_baseline() -> object:
        return collections.Counter(map(practice_icb.__getitem__, items))

    counted = net.aggregate(items, to=Tier.SYSTEM)
    assert sum(counted.values()) == ITEMS
    assert dict(collections.Counter(map(practice_icb.__getitem__, items))) == {
        k: v for k, v in counted.items() if v
    }

    graph = net.graph
    sample = items[:ROUTED_SAMPLE]

    def routed_baseline() -> object:
        counts: collections.Counter[str] = collections.Counter()
        for practice in sample:
            path = nx.shortest_path(graph, practice, "england")
            counts[next(n for n in path if n in icbs)] += 1
        return counts

    def ours_sample() -> object:
        return net.aggregate(sample, to=Tier.SYSTEM)

    edges = [(link.source, link.target) for link in net.links]

    def bare_graph() -> object:
        graph: nx.DiGraph[str] = nx.DiGraph()
        graph.add_edges_from(edges)
        return graph

    tracemalloc.start()
    national(seed=0)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    tracemalloc.start()
    bare_graph()
    _, bare_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    start = time.perf_counter()
    national(seed=0)
    build_seconds = time.perf_counter() - start

    return [
        Workload(
            name="aggregate 1M items to ICB vs Counter(map(dict.__getitem__))",
            ours=ours,
            baseline=counter_baseline,
            target=1.3,
            repeat=5,
            notes="the baseline counts over a precomputed practice -> ICB dict",
        ),
        Workload(
            name="aggregate items to ICB vs networkx.shortest_path",
            ours=ours_sample,
            baseline=routed_baseline,
            target=1 / 40,
            repeat=3,
            notes=f"both on the same {ROUTED_SAMPLE:,} of the 1M items",
        ),
        Workload(
            name="build and validate national() vs bare DiGraph",
            ours=lambda: national(seed=0),
            baseline=bare_graph,
            target=5.0,
            repeat=9,
            notes="national(): ~6,300 practices, 1,250 PCNs, 106 places, 42 ICBs, 7 regions",
            extra={
                "national_seconds_single_run": round(build_seconds, 4),
                "national_peak_memory_mb": round(peak / 1e6, 2),
                "bare_digraph_peak_memory_mb": round(bare_peak / 1e6, 2),
                "bodies": len(net),
                "body_uses_slots": hasattr(type(net.bodies[0]), "__slots__")
                and not hasattr(net.bodies[0], "__dict__"),
            },
        ),
    ]
