"""The golden law timeline: every body type on every boundary of the law, 2001 to today.

The snapshot ``law_timeline_snapshot.txt`` was reviewed by eye against the sources
cited in the duty data. A change to the duty data changes it, so the change shows in
review. To regenerate after a deliberate data change: ``python -m
tests.duties.test_law_timeline`` from the repository root, then review the diff.
"""

from __future__ import annotations

import datetime as dt

from pathlib import Path

import pytest

from engagekit.duties import (
    BodyType,
    LawTimeline,
    TimelineRow,
    duties_for,
    law_timeline,
    registry,
)
from engagekit.errors import InvalidValueError


SNAPSHOT = Path(__file__).with_name("law_timeline_snapshot.txt")

#: The day the snapshot was last reviewed: "today" for the timeline.
THROUGH = dt.date(2026, 11, 30)


def current() -> str:
    return "\n".join(law_timeline(through=THROUGH).lines()) + "\n"


def test_law_timeline_matches_snapshot():
    """The timeline from 2001-01-01 to the review day equals the reviewed snapshot."""
    assert current() == SNAPSHOT.read_text(encoding="utf-8")


def test_every_boundary_has_the_day_before_and_the_day_of():
    """Each commencement and repeal (and each body's start and end) shows as a pair."""
    days = {row.on for row in law_timeline(through=THROUGH, bodies=["pct"])}
    duty_days = {
        day
        for duty in registry()
        for day in (duty.in_force_from, duty.in_force_to)
        if day is not None
    }
    body_days = {
        day for body in BodyType for day in (body.existed_from, body.existed_to) if day is not None
    }
    assert dt.date(2013, 4, 1) in duty_days  # the 2012 Act's commissioning duties
    assert dt.date(2022, 7, 1) in body_days  # CCGs abolished, ICBs established
    for boundary in duty_days | body_days:
        assert {boundary, boundary - dt.timedelta(days=1)} <= days, boundary
    assert min(days) == dt.date(2001, 1, 1)
    assert max(days) == THROUGH


def test_rows_agree_with_duties_for():
    """Each row is what duties_for answers for that body and day."""
    timeline = law_timeline(through=THROUGH)
    assert isinstance(timeline, LawTimeline)
    for row in timeline[::17]:
        assert isinstance(row, TimelineRow)
        assert row.ids == duties_for(row.body, row.on).ids


def test_an_empty_row_says_why():
    """Before the earliest law, or for a body that did not exist: a reason, not "no duties"."""
    first = law_timeline(through="2001-01-01", bodies=["pct"])[0]
    assert first.duties == ()
    assert first.reason is not None
    assert "the earliest law engagekit encodes began on 2001-04-02" in first.reason
    sha = law_timeline(through="2002-09-30", start="2002-09-30", bodies=["sha"])[0]
    assert sha.reason == (
        "no strategic health authorities existed on 2002-09-30: "
        "they existed from 2002-10-01 to 2013-03-31"
    )
    for row in law_timeline(through=THROUGH):
        assert row.duties or row.reason, row


def test_the_2008_and_2011_boundaries():
    """s242 as enacted ends 2 November 2008; the pre-2011 equality duties end 4 April 2011."""
    rows = {r.on: r for r in law_timeline(through=THROUGH, bodies=["pct"])}
    assert "nhs-act-s242@2007-03-01" in rows[dt.date(2008, 11, 2)].text
    assert "nhs-act-s242@2008-11-03" in rows[dt.date(2008, 11, 3)].text
    before, on = rows[dt.date(2011, 4, 4)].ids, rows[dt.date(2011, 4, 5)].ids
    assert {"rra-1976-s71", "dda-1995-s49a", "sda-1975-s76a"} <= set(before)
    assert "equality-act-s149" not in before
    assert "equality-act-s149" in on
    assert not {"rra-1976-s71", "dda-1995-s49a", "sda-1975-s76a"} & set(on)


def test_through_before_start_is_refused():
    with pytest.raises(InvalidValueError, match="through: '2000-12-31'"):
        law_timeline(through="2000-12-31")


if __name__ == "__main__":
    SNAPSHOT.write_text(current(), encoding="utf-8")
