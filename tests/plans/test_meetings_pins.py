"""Meetings as held: what a notebook shows and which ones `held` passes on."""

from __future__ import annotations

import datetime as dt

from engagekit import examples
from engagekit.plans import Meeting, Recurrence, held


D = dt.date


def _forums() -> list[Meeting]:
    """Oxfordshire's public locality forums of 2015/16 (action 7.6), each held as planned."""
    target = examples.oxfordshire_delivery_plan().action("7.6").target
    assert isinstance(target, Recurrence)
    return [
        Meeting(id=f"plf-{n}", date=o.date, body=str(o.body), title="Public Locality Forum")
        for n, o in enumerate(target.schedule(D(2015, 4, 1), D(2016, 3, 31)))
    ]


def test_the_meetings_of_the_bodies_asked_for_sorted_by_date() -> None:
    forums = list(reversed(_forums()))
    assert held(forums, bodies=["locality-2", "locality-5"]) == (
        (D(2015, 5, 1), "locality-2"),
        (D(2015, 8, 1), "locality-5"),
        (D(2015, 11, 1), "locality-2"),
        (D(2016, 2, 1), "locality-5"),
    )


def test_every_meeting_when_no_body_is_named() -> None:
    pairs = held(_forums())
    assert len(pairs) == 12
    assert pairs[0] == (D(2015, 4, 1), "locality-1")
    assert pairs[-1] == (D(2016, 3, 1), "locality-6")


def test_a_notebook_shows_the_meeting_as_html() -> None:
    meeting = Meeting(
        id="gb-2015-05", date=D(2015, 5, 28), body="governing-body",
        title="Governing Body in public", attendance=40,
    )  # fmt: skip
    assert meeting._repr_html_() == (
        '<span class="engagekit">2015-05-28 Governing Body in public (governing-body),'
        " 40 attended</span>"
    )
