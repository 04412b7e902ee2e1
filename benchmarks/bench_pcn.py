"""Primary care network workloads: reading an England-sized ePCN file.

- ``EscalationNetwork.from_pcn`` on a national ePCN core partner details CSV (one
  current membership for each of the ~6,300 practices of ``national()``, in ~1,250
  PCNs under 106 sub-ICB locations, and one ended membership for every tenth
  practice): reading and building the network within 3x of reading the same rows
  with ``csv.reader`` into plain dicts (practice -> PCN -> sub-ICB location, ended
  memberships left out), and under 0.5 s (reported as ``from_pcn_seconds_single_run``).
"""

from __future__ import annotations

import csv
import io
import time

from benchmarks._runner import Workload


def national_epcn() -> str:
    """A national-sized ePCN core partner details CSV, in the published layout."""
    from engagekit.escalation import national

    net = national(seed=0)
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


def workloads() -> list[Workload]:
    from engagekit.escalation import EscalationNetwork

    text = national_epcn()

    def ours() -> object:
        return EscalationNetwork.from_pcn(io.StringIO(text, newline=""), name="England")

    def baseline() -> object:
        return baseline_read(text)

    result = EscalationNetwork.from_pcn(io.StringIO(text, newline=""), name="England")
    assert len(result.memberships) == len(result.network.practices)
    assert len(result.memberships) + len(result.skipped) == result.rows
    plain = baseline_read(text)  # the same job: the same links
    assert plain["practice"] == {m.practice: m.pcn for m in result.memberships}
    assert plain["pcn"] == {pcn: result.network.parents(pcn)[0].id for pcn in result.pcns}

    start = time.perf_counter()
    ours()
    seconds = time.perf_counter() - start

    return [
        Workload(
            name="from_pcn national ePCN file vs csv.reader + dicts",
            ours=ours,
            baseline=baseline,
            target=3.0,
            repeat=7,
            notes="practice -> PCN -> sub-ICB location; under 0.5 s asked",
            extra={
                "from_pcn_seconds_single_run": round(seconds, 4),
                "rows": result.rows,
                "memberships": len(result.memberships),
                "pcns": len(result.pcns),
            },
        ),
    ]
