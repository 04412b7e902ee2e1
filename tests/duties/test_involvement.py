"""The light path to the involvement duty of a day answers as the whole registry does."""

from __future__ import annotations

import bisect
import datetime as dt

from collections.abc import Iterator

import pytest

from engagekit.decisions import _requirement
from engagekit.duties import INVOLVEMENT_DUTIES, BodyType, involvement_duty, registry
from engagekit.duties._involvement import (
    commissioner_sources,
    involvement_days,
    involvement_versions,
)
from engagekit.sources import LegalForce


@pytest.fixture(autouse=True)
def _read_the_records_again() -> Iterator[None]:
    """Each test reads the involvement records itself rather than from the cache.

    Mutation testing runs each test against a mutant in a process whose cache an
    earlier, unmutated run filled: without this, no mutant of the reading code would
    ever run (docs/mutation.md).
    """
    involvement_versions.cache_clear()
    yield
    involvement_versions.cache_clear()


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
    values = [_registry_sources(day) for day in (dt.date.min, *points)]
    return points, values


def test_the_versions_are_the_registrys_involvement_duties_in_its_order() -> None:
    expected = [d for d in registry() if d.id in INVOLVEMENT_DUTIES]
    found = involvement_versions()
    assert [(v.id, v.start, v.end, v.bodies) for v in found] == [
        (d.id, d.in_force_from, d.in_force_to, frozenset(d.bodies)) for d in expected
    ]
    assert list(dict.fromkeys(v.id for v in found)) == list(INVOLVEMENT_DUTIES)


def _registry_sources(day: dt.date) -> object:
    found = involvement_duty(None, day)
    if found is None:
        return None
    keys = {r.key for r in found.requirements}
    return tuple(
        found.source_of(found.requirement(letter) if letter in keys else None)
        for letter in ("a", "b", "c")
    )


def test_the_sources_of_each_day_are_the_registrys() -> None:
    days = _edges()
    assert len(days) > 40
    assert [commissioner_sources(day) for day in days] == [_registry_sources(day) for day in days]


def test_the_sources_of_known_days() -> None:
    found = [commissioner_sources(dt.date(*day)) for day in ((2001, 5, 10), (2018, 6, 1))]
    assert found[0] is None
    assert found[1] is not None
    assert [s.section for s in found[1]] == ["s14Z2(2)(a)", "s14Z2(2)(b)", "s14Z2(2)(c)"]
    assert {(s.publisher, s.force.value if s.force else None) for s in found[1]} == {
        ("UK Parliament", "statute")
    }


def test_the_days_are_the_registrys() -> None:
    assert involvement_days() == _full_citations_table()[0]


def test_the_citations_table_equals_the_one_built_from_the_whole_registry() -> None:
    points = _requirement._citation_points()
    values = [_requirement._citations_on(day) for day in (dt.date.min, *points)]
    full_points, full_values = _full_citations_table()
    assert points == full_points
    assert values == full_values
    assert sum(v is not None for v in values) >= 4


def test_each_days_citations_are_its_stretchs_in_the_full_table() -> None:
    full_points, full_values = _full_citations_table()
    for day in _edges():
        expected = full_values[bisect.bisect_right(full_points, day)]
        assert _requirement._citations(day) == expected


def test_the_limbs_of_known_versions_read_exactly() -> None:
    """s11 of the 2001 Act has no limb citations of its own; s14Z45 cites each limb."""
    s11, *_, s14z45 = involvement_versions()
    assert (s11.id, s14z45.id) == ("hsca-2001-s11", "nhs-act-s14z45")
    s11_url = "https://www.legislation.gov.uk/ukpga/2001/15/section/11/2006-01-01"
    s14z45_url = "https://www.legislation.gov.uk/ukpga/2006/41/section/14Z45/2022-07-01"
    assert [
        (s.title, s.publisher, s.section, s.url, s.force) for s in (*s11.limbs, *s14z45.limbs)
    ] == [
        *[("Health and Social Care Act 2001", "UK Parliament", "s11", s11_url, LegalForce.STATUTE)]
        * 3,
        *[
            (
                "National Health Service Act 2006",
                "UK Parliament",
                f"s14Z45(2)({letter})",
                s14z45_url,
                LegalForce.STATUTE,
            )
            for letter in "abc"
        ],
    ]


def test_no_involvement_requirement_has_a_force_or_url_of_its_own() -> None:
    """What the light path leaves out (each limb has the duty's force and URL) is absent."""
    requirements = [r for d in registry() if d.id in INVOLVEMENT_DUTIES for r in d.requirements]
    assert len(requirements) >= 20
    assert [r for r in requirements if r.force is not None] == []
    assert [r for r in requirements if r.citation is not None and r.citation.url] == []
