"""The light path to the involvement duty of a day answers as the whole registry does."""

from __future__ import annotations

import bisect
import datetime as dt

from engagekit.decisions import _requirement
from engagekit.duties import INVOLVEMENT_DUTIES, BodyType, involvement_duty, registry
from engagekit.duties._involvement import commissioner_duty, involvement_versions


def _edges() -> list[dt.date]:
    """Every day the answer can change, the day before it, and the ends of time."""
    days = {dt.date.min, dt.date.max, dt.date(2000, 12, 31), dt.date(2024, 6, 30)}
    for duty in registry():
        for day in (duty.in_force_from, duty.in_force_to):
            if day is not None:
                days.update({day, day - dt.timedelta(days=1)})
    for kind in BodyType:
        for day in (kind.existed_from, kind.existed_to):
            if day is not None:
                days.update({day, day - dt.timedelta(days=1)})
    return sorted(days)


def _full_citations_table() -> tuple[list[dt.date], list[object]]:
    """The limbs' sources as built before the light path: from the whole registry."""
    days: set[dt.date] = set()
    for duty in registry():
        if duty.id in INVOLVEMENT_DUTIES:
            days.add(duty.in_force_from)
            if duty.in_force_to is not None:
                days.add(duty.in_force_to)
    for kind in BodyType:
        days.update(d for d in (kind.existed_from, kind.existed_to) if d is not None)
    points = sorted(days)
    values: list[object] = []
    for day in (dt.date.min, *points):
        found = involvement_duty(None, day)
        if found is None:
            values.append(None)
            continue
        keys = {r.key for r in found.requirements}
        values.append(
            tuple(
                found.source_of(found.requirement(letter) if letter in keys else None)
                for letter in ("a", "b", "c")
            )
        )
    return points, values


def test_the_versions_are_the_registrys_involvement_duties_in_its_order() -> None:
    expected = tuple(d for d in registry() if d.id in INVOLVEMENT_DUTIES)
    assert involvement_versions() == expected
    assert {d.id for d in involvement_versions()} == set(INVOLVEMENT_DUTIES)


def test_the_duty_of_each_day_is_the_registrys() -> None:
    days = _edges()
    assert len(days) > 40
    assert [commissioner_duty(day) for day in days] == [involvement_duty(None, day) for day in days]


def test_the_duty_of_known_days() -> None:
    assert commissioner_duty(dt.date(2001, 5, 10)) is None
    ids = [
        getattr(commissioner_duty(dt.date(*day)), "id", None)
        for day in ((2011, 6, 1), (2018, 6, 1), (2023, 1, 1))
    ]
    assert ids == ["nhs-act-s242", "nhs-act-s14z2", "nhs-act-s14z45"]


def test_the_citations_table_equals_the_one_built_from_the_whole_registry() -> None:
    points, values = _requirement._citations_table()
    full_points, full_values = _full_citations_table()
    assert points == full_points
    assert values == full_values
    assert sum(v is not None for v in values) >= 4


def test_each_days_citations_are_its_stretchs_in_the_full_table() -> None:
    full_points, full_values = _full_citations_table()
    for day in _edges():
        expected = full_values[bisect.bisect_right(full_points, day)]
        assert _requirement._citations(day) == expected
