"""ODS workload: reading a national ``epraccur.csv`` and building its network.

- ``EscalationNetwork.from_ods`` over synthetic files of 165, 1,650 and 16,500 rows
  (the last the size of the national file) in the published 27-column layout
  (England and Wales, every status and prescribing setting): at most 3x reading the
  same file with ``csv.reader`` into plain dicts (practice -> commissioner -> ICB ->
  region) at the national size, and under 0.5 s there (reported as
  ``from_ods_seconds_single_run`` and ``under_half_second``, CPU seconds as the
  runner's).
- Memory the national network holds (read from a file on disk), against a bare
  ``networkx.DiGraph`` of the same edges: at most 3x (reported as ``memory_ratio``
  and ``memory_within_3x``; the peak while reading is reported too).

The workload is a build function, a baseline function and sizes, so it ports to any
runner: ``build(rows)`` writes the file and returns ``(ours, baseline)``; ``extras``
measures the single run and the memory.
"""

from __future__ import annotations

import csv
import gc
import io
import random
import tempfile
import tracemalloc

from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks._runner import Growth, clock


#: Rows in a national file (England and Wales, every status and setting).
NATIONAL_ROWS = 16_500
#: From a hundredth of the national file to all of it.
SIZES = (165, 1_650, 16_500)


def national_epraccur(rows: int = NATIONAL_ROWS, *, seed: int = 0) -> str:
    """A synthetic ``epraccur.csv`` with the national file's mix of rows.

    About 39% active GP practices, 2.5% Welsh practices, 30% closed practices
    (some under a region code of before 2018), 4% dormant or proposed, and the
    rest other prescribing settings; 106 commissioners under 42 ICBs under 7
    regions, as in England since 2022.
    """
    rng = random.Random(seed)
    regions = ["Y56", "Y58", "Y59", "Y60", "Y61", "Y62", "Y63"]
    icbs = [(f"Q{n:02d}", regions[n % 7]) for n in range(10, 52)]
    commissioners = [(f"{n:02d}{'ABCDEFGHJK'[n % 10]}", icbs[n % 42]) for n in range(106)]
    boards = ["7A1", "7A2", "7A3", "7A4", "7A5", "7A6", "7A7"]
    out = io.StringIO()
    write = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\n").writerow
    for number in range(rows):
        code = f"{'ABCDEFGHJKLMNP'[number % 14]}{number:05d}"
        roll = rng.random()
        commissioner, (icb, region) = commissioners[rng.randrange(106)]
        status, setting, close = "A", "4", ""
        if roll < 0.025:
            commissioner, icb, region = boards[number % 7], "Q99", "W00"
        elif roll < 0.415:
            pass
        elif roll < 0.715:
            status, close = "C", f"{rng.randrange(2000, 2024)}0331"
            if close < "2018":
                region = "Y54"
        elif roll < 0.755:
            status = rng.choice("DP")
        else:
            setting = rng.choice("0123489")
            setting = "2" if setting == "4" else setting
        cells = [""] * 27
        cells[:4] = [code, f"PRACTICE {number}", region, icb]
        cells[4], cells[9] = f"{number} HIGH STREET", "TA1 1AA"
        cells[10], cells[11], cells[12], cells[13] = "19740401", close, status, "B"
        cells[14], cells[15], cells[17], cells[25] = commissioner, "20130401", "01234", setting
        write(cells)
    return out.getvalue()


def baseline_read(text: str) -> dict[str, dict[str, str]]:
    """Read the same file with ``csv.reader`` into dicts: the plain-Python floor."""
    practice: dict[str, str] = {}
    commissioner: dict[str, str] = {}
    icb: dict[str, str] = {}
    for row in csv.reader(io.StringIO(text)):
        if row[25] != "4" or row[12] != "A" or row[2] == "W00":
            continue
        practice[row[0]] = row[14]
        commissioner.setdefault(row[14], row[3])
        icb.setdefault(row[3], row[2])
    return {"practice": practice, "commissioner": commissioner, "icb": icb}


def build(rows: int) -> tuple[Callable[[], Any], Callable[[], object]]:
    """The (ours, baseline) pair of calls on a file of ``rows`` rows."""
    from engagekit import EscalationNetwork

    text = national_epraccur(rows)

    def ours() -> object:
        return EscalationNetwork.from_ods(io.StringIO(text))

    def baseline() -> object:
        return baseline_read(text)

    return ours, baseline


def _memory(func: Callable[[], object]) -> tuple[int, int]:
    """Bytes still held by what ``func`` returns, and the peak while it ran."""
    gc.collect()
    tracemalloc.start()
    kept = func()
    held, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del kept
    return held, peak


def extras(rows: int) -> dict[str, object]:
    """A single run's seconds and the memory of the network, on a file of ``rows`` rows."""
    import networkx as nx

    from engagekit import EscalationNetwork

    ours, _ = build(rows)
    start = clock()
    network = ours().network
    seconds = clock() - start
    edges = [(link.source, link.target) for link in network.links]

    def bare_graph() -> object:
        graph: nx.DiGraph[str] = nx.DiGraph()
        graph.add_edges_from(edges)
        return graph

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "epraccur.csv"
        path.write_text(national_epraccur(rows), encoding="utf-8")
        ours_held, ours_peak = _memory(lambda: EscalationNetwork.from_ods(path).network)
    bare_held, bare_peak = _memory(bare_graph)
    return {
        "from_ods_seconds_single_run": round(seconds, 4),
        "under_half_second": seconds < 0.5,
        "network_memory_mb": round(ours_held / 1e6, 2),
        "bare_digraph_memory_mb": round(bare_held / 1e6, 2),
        "memory_ratio": round(ours_held / bare_held, 2),
        "memory_within_3x": ours_held <= 3 * bare_held,
        "read_peak_memory_mb": round(ours_peak / 1e6, 2),
        "bare_digraph_peak_memory_mb": round(bare_peak / 1e6, 2),
        "practices": len(network.practices),
    }


def workloads() -> list[Growth]:
    return [
        Growth(
            name="EscalationNetwork.from_ods of an epraccur file",
            build=build,
            sizes=SIZES,
            unit="rows",
            target=3.0,
            repeat=7,
            compared_with="csv.reader into plain dicts (practice -> commissioner -> ICB -> region)",
            notes=f"{NATIONAL_ROWS:,} rows is a national file; under 0.5 s and memory within "
            "3x of a bare networkx.DiGraph of the same edges asked (reported at that size)",
            extras=extras,
        ),
    ]
