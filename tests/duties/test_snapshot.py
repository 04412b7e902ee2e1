"""Golden snapshot of duties_for for every body type on a set of dates.

A change to the duty data changes this snapshot, so it shows up in review. To
regenerate after a deliberate data change: ``python -m tests.duties.test_snapshot``
from the repository root, then review the diff.
"""

from __future__ import annotations

import datetime as dt
import json

from pathlib import Path
from typing import Any

from engagekit.duties import BodyType, duties_for


SNAPSHOT = Path(__file__).with_name("duties_for_snapshot.json")

#: Dates either side of each change in the reference's timeline (domain.md §3).
DATES = (
    "2001-06-01",
    "2007-06-01",
    "2008-11-02",
    "2008-11-03",
    "2010-06-21",
    "2011-04-05",
    "2013-03-31",
    "2013-04-01",
    "2015-04-01",
    "2017-04-06",
    "2018-06-01",
    "2020-06-01",
    "2022-06-30",
    "2022-07-01",
    "2023-01-01",
    "2024-01-30",
    "2024-01-31",
    "2025-06-01",
)


def current() -> dict[str, Any]:
    out: dict[str, Any] = {}
    for body in BodyType:
        out[body.value] = {}
        for day in DATES:
            found = duties_for(body, dt.date.fromisoformat(day))
            out[body.value][day] = {
                "duties": [f"{d.id}@{d.in_force_from.isoformat()}" for d in found],
                "reason": found.reason,
            }
    return out


def test_duties_for_matches_snapshot():
    """duties_for for every body type on every snapshot date equals the stored JSON."""
    assert current() == json.loads(SNAPSHOT.read_text(encoding="utf-8"))


if __name__ == "__main__":
    SNAPSHOT.write_text(json.dumps(current(), indent=2) + "\n", encoding="utf-8")
