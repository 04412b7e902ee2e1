"""Primary care network workloads: reading an England-sized ePCN file.

- ``EscalationNetwork.from_pcn`` on ePCN core partner details CSVs of 63, 630 and
  6,300 practices (``national(scale=0.01, 0.1, 1)``; the last the national file: one
  current membership for each of the ~6,300 practices of ``national()``, in ~1,250
  PCNs under 106 sub-ICB locations, and one ended membership for every tenth
  practice): reading and building the network within 3x of reading the same rows
  with ``csv.reader`` into plain dicts (practice -> PCN -> sub-ICB location, ended
  memberships left out) at the national size, and under 0.5 s there (reported as
  ``from_pcn_seconds_single_run``, CPU seconds as the runner's, with the floor
  ``objects_alone_vs_baseline``).

``csv.reader`` is the baseline because it is the plain way to read any CSV text
correctly. engagekit's reader cuts a text in the plain form the ODS publishes (every
cell quoted, one record on each line) with string methods, having checked that it is
in that form, and gives any other text to ``csv.reader``; the file here is in that
form, as the published files are.
"""

from __future__ import annotations

import csv
import io

from collections.abc import Callable
from typing import Any

from benchmarks._runner import Growth, clock


#: Practices in the file and the ``national(scale=...)`` that gives each.
SCALES = {63: 0.01, 630: 0.1, 6_300: 1.0}


def national_epcn(practices: int = 6_300) -> str:
    """An ePCN core partner details CSV of ``national()`` scaled to ``practices``.

    In the published layout; ``practices`` is a key of ``SCALES`` (6,300 is the
    national file).
    """
    from engagekit.escalation import national

    net = national(seed=0, scale=SCALES[practices])
    assert len(net.practices) == practices
    lines = []
    for number, practice in enumerate(net.practices):
        pcn = net.parents(practice)[0]
        place = net.parents(pcn)[0]
        cells = [practice.id, practice.name, place.id, place.name, pcn.id, pcn.name]
        cells += [place.id, place.name]
        if number % 10 == 0:  # an ended membership of an earlier PCN
            lines.append(_line([*cells[:4], "U99999", "EARLIER PCN", *cells[6:]], "20200401"))
        lines.append(_line(cells, "20200401", start="20200401"))
    return "".join(lines)


def _line(cells: list[str], end_or_start: str, start: str | None = None) -> str:
    if start is None:  # an ended membership
        dates = ["20190701", end_or_start]
    else:
        dates = [start, ""]
    return ",".join(f'"{cell}"' for cell in [*cells, *dates, ""]) + "\n"


def baseline_read(text: str) -> dict[str, dict[str, str]]:
    """Read the same file with ``csv.reader`` into dicts: the plain-Python floor.

    The current memberships (no end date) as practice -> PCN, and each PCN's first
    parent sub-ICB location.
    """
    practice: dict[str, str] = {}
    pcn: dict[str, str] = {}
    for row in csv.reader(io.StringIO(text, newline=""), strict=True):
        if row[9]:
            continue
        practice[row[0]] = row[4]
        pcn.setdefault(row[4], row[6])
    return {"practice": practice, "pcn": pcn}


def _objects_floor(result: object, baseline: object) -> float:
    """How long making the result's objects alone takes, as a multiple of the baseline.

    The bodies, links, memberships and skipped rows `from_pcn` returns, each made by
    the unchecked factories the reader uses, with no reading, checking or indexing:
    the least any reader returning these objects could spend. Reported beside the
    target, since its share of the 3x explains most of what is missed.
    """
    from engagekit.escalation._ods import _body, _skipped_row
    from engagekit.escalation._pcn import _membership
    from engagekit.escalation._tree import trusted_link as _link

    network = result.network  # type: ignore[attr-defined]
    bodies = [(b.id, b.name, b.kind, b.tier) for b in network.bodies]
    links = [(link.source, link.target) for link in network.links]
    members = [
        (m.line, m.practice, m.pcn, m.sub_icb, m.start, m.end)
        for m in result.memberships  # type: ignore[attr-defined]
    ]
    skipped = [(s.line, s.code, s.reason) for s in result.skipped]  # type: ignore[attr-defined]

    def objects() -> object:
        made: list[object] = [_body(*b) for b in bodies]
        made += [_link(*link) for link in links]
        made += [_membership(*m) for m in members]
        made += [_skipped_row(*s) for s in skipped]
        return made

    ratios = []
    for _ in range(7):
        start = clock()
        objects()
        made = clock() - start
        start = clock()
        baseline()  # type: ignore[operator]
        ratios.append(made / (clock() - start))
    return round(sorted(ratios)[3], 2)


def build(practices: int) -> tuple[Callable[[], object], Callable[[], object]]:
    """The (ours, baseline) pair of calls on the file of ``practices`` practices.

    Checks once, untimed, that both read the same memberships and links.
    """
    from engagekit.escalation import EscalationNetwork

    text = national_epcn(practices)

    def ours() -> object:
        return EscalationNetwork.from_pcn(io.StringIO(text, newline=""), name="England")

    def baseline() -> object:
        return baseline_read(text)

    result = EscalationNetwork.from_pcn(io.StringIO(text, newline=""), name="England")
    assert len(result.memberships) == len(result.network.practices) == practices
    assert len(result.memberships) + len(result.skipped) == result.rows
    plain = baseline_read(text)  # the same job: the same links
    assert plain["practice"] == {m.practice: m.pcn for m in result.memberships}
    assert plain["pcn"] == {pcn: result.network.parents(pcn)[0].id for pcn in result.pcns}
    return ours, baseline


def extras(practices: int) -> dict[str, object]:
    """A single run's seconds, the file's counts, and the objects' floor."""
    ours, baseline = build(practices)
    start = clock()
    result: Any = ours()
    seconds = clock() - start
    network = result.network
    return {
        "from_pcn_seconds_single_run": round(seconds, 4),
        "rows": result.rows,
        "memberships": len(result.memberships),
        "pcns": len(result.pcns),
        "objects": len(network) + len(network.links) + result.rows,
        "objects_alone_vs_baseline": _objects_floor(result, baseline),
    }


def workloads() -> list[Growth]:
    return [
        Growth(
            name="EscalationNetwork.from_pcn of an ePCN core partner file",
            build=build,
            sizes=tuple(SCALES),
            unit="practices",
            target=3.0,
            repeat=7,
            compared_with="csv.reader into plain dicts (practice -> PCN -> sub-ICB location), "
            "ended memberships left out",
            notes=(
                "6,300 practices is the national file (6,930 rows with the ended memberships); "
                "under 0.5 s asked; objects_alone_vs_baseline is how long making the objects "
                "it returns alone takes, as a multiple of the baseline (reported at that size)"
            ),
            extras=extras,
        ),
    ]
