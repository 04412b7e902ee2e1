"""The rule catalogue's checks, dates and table, pinned at their edges (mutation testing).

The built-in rules are read once and cached, so a rule's own checks are exercised here
on rules built from built-in ones with `attrs.evolve`; `by_date` is called directly,
as the tables that use it are cached too.
"""

from __future__ import annotations

import datetime as dt
import re

import attrs
import pytest

from engagekit.decisions import Rules, rule
from engagekit.decisions._rules import by_date
from engagekit.errors import InvalidTypeError, InvalidValueError, UnknownNameError


class TestDates:
    """``applies_to`` may not come before ``applies_from``; a one-day rule is allowed."""

    def test_end_before_start_is_refused_with_both_dates(self) -> None:
        with pytest.raises(InvalidValueError) as exc:
            attrs.evolve(rule("test.bed-closures"), applies_to=dt.date(2017, 3, 31))
        assert str(exc.value) == (
            "Rule('test.bed-closures').applies_to: datetime.date(2017, 3, 31) is not "
            "allowed: must not be before applies_from (2017-04-01)"
        )

    def test_end_that_is_not_a_date_is_refused(self) -> None:
        with pytest.raises(InvalidTypeError) as exc:
            attrs.evolve(rule("test.bed-closures"), applies_to="2017-05-01")  # type: ignore[arg-type]
        assert str(exc.value) == "Rule.applies_to: got str '2017-05-01'; expected a datetime.date"

    def test_end_on_the_start_day(self) -> None:
        one_day = attrs.evolve(rule("test.bed-closures"), applies_to=dt.date(2017, 4, 1))
        assert (one_day.applies_from, one_day.applies_to) == (
            dt.date(2017, 4, 1),
            dt.date(2017, 4, 1),
        )
        assert [one_day.applies_on(dt.date(2017, 4, d)) for d in (1, 2)] == [True, False]

    def test_end_after_start_is_accepted(self) -> None:
        """s233's rule, 1 January 2003 (s11 of the 2001 Act in force for England) to
        2 November 2008, rebuilt with its own dates."""
        limb = rule("limb.all-matters-before-2008")
        rebuilt = attrs.evolve(limb, applies_to=limb.applies_to)
        assert rebuilt == limb

    def test_end_without_a_start(self) -> None:
        gunning = attrs.evolve(rule("gunning.adequate-time"), applies_to=dt.date(2008, 11, 2))
        assert gunning.applies_from is None
        assert [gunning.applies_on(dt.date(2008, 11, d)) for d in (2, 3)] == [True, False]


class TestAppliesOn:
    def test_both_boundary_days_are_inside(self) -> None:
        limb = rule("limb.all-matters-before-2008")
        days = ["2002-12-31", "2003-01-01", "2008-11-02", "2008-11-03"]
        assert [limb.applies_on(day) for day in days] == [False, True, True, False]
        assert [limb.applies_on(dt.date.fromisoformat(day)) for day in days] == [
            False,
            True,
            True,
            False,
        ]

    def test_bad_dates_are_refused_naming_on(self) -> None:
        bed = rule("test.bed-closures")
        with pytest.raises(InvalidValueError) as exc:
            bed.applies_on("2017-4-1")
        assert str(exc.value) == "on: '2017-4-1' is not allowed: must be a date, YYYY-MM-DD"
        with pytest.raises(
            InvalidTypeError,
            match=re.escape("on: got int 2017; expected a datetime.date or YYYY-MM-DD text"),
        ):
            bed.applies_on(2017)  # type: ignore[arg-type]


def test_unknown_rule_names_the_closest() -> None:
    with pytest.raises(UnknownNameError) as exc:
        rule("gunning.time")
    assert str(exc.value) == (
        "unknown decision rule 'gunning.time'; did you mean 'gunning.adequate-time', "
        "'gunning.formative-stage', 'gunning.consult-properly'?"
    )


class TestRows:
    def test_a_dated_statute(self) -> None:
        limb = rule("limb.all-matters-before-2008")
        (record,) = Rules([limb]).to_records()
        assert record == {
            "id": "limb.all-matters-before-2008",
            "title": "Involvement on all three matters, whatever the impact",
            "force": "statute",
            "source": str(limb.source),
            "applies from": dt.date(2003, 1, 1),
            "applies to": dt.date(2008, 11, 2),
        }
        assert str(record["source"]).startswith(
            "legislation.gov.uk, Local Government and Public Involvement in Health Act 2007"
        )

    def test_a_source_without_a_legal_force(self) -> None:
        plain = rule("gunning.adequate-time")
        unforced = attrs.evolve(plain, source=attrs.evolve(plain.source, force=None))
        (record,) = Rules([unforced]).to_records()
        assert record["force"] is None
        assert record["title"] == "Allow adequate time"


class TestByDate:
    """The health scrutiny Regulations: reg 4 of S.I. 2002/3048 from 1 January 2003 to
    31 March 2013, then reg 23 of S.I. 2013/218; and s233's rule, which ended alone."""

    def test_scrutiny_rules_picked_once_per_stretch(self) -> None:
        dated = [
            rule("scrutiny.substantial-variation"),
            rule("scrutiny.substantial-variation-2002"),
        ]
        asked: list[dt.date] = []

        def pick(day: dt.date) -> tuple[str, ...]:
            asked.append(day)
            return tuple(r.id for r in dated if r.applies_on(day))

        table = by_date(dated, pick)
        assert asked == [dt.date.min, dt.date(2003, 1, 1), dt.date(2013, 4, 1)]
        days = ["2002-12-31", "2003-01-01", "2013-03-31", "2013-04-01", "2026-12-01"]
        assert [table(dt.date.fromisoformat(d)) for d in days] == [
            (),
            ("scrutiny.substantial-variation-2002",),
            ("scrutiny.substantial-variation-2002",),
            ("scrutiny.substantial-variation",),
            ("scrutiny.substantial-variation",),
        ]
        assert asked == [dt.date.min, dt.date(2003, 1, 1), dt.date(2013, 4, 1)]

    def test_an_end_with_no_start_after_it(self) -> None:
        limb = rule("limb.all-matters-before-2008")
        table = by_date([limb], limb.applies_on)
        days = ["2002-12-31", "2003-01-01", "2008-11-01", "2008-11-02", "2008-11-03"]
        assert [table(dt.date.fromisoformat(d)) for d in days] == [
            False,
            True,
            True,
            True,
            False,
        ]

    def test_no_dated_rules(self) -> None:
        table = by_date([], lambda day: day)
        assert table(dt.date(2016, 5, 5)) == dt.date.min
