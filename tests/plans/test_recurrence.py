"""Recurrences: the phrases the strategies use, occurrences, adherence and exports."""

from __future__ import annotations

import datetime as dt

import pytest

from hypothesis import given
from hypothesis import strategies as st

from engagekit.errors import InvalidTypeError, InvalidValueError, ParseError
from engagekit.plans import Frequency, Recurrence, bank_holidays, to_ical
from tests.strategies.plans import days, recurrences


D = dt.date
FY15 = (D(2015, 4, 1), D(2016, 3, 31))
LOCALITIES = tuple(f"locality-{n}" for n in range(1, 7))


class TestParse:
    @pytest.mark.parametrize(
        ("text", "frequency", "interval", "per_year"),
        [
            ("Quarterly", Frequency.MONTHLY, 3, 4),  # Somerset 6.3; Sutton steering group
            ("bi-monthly", Frequency.MONTHLY, 2, 6),  # Sutton Patient Reference Group
            ("on a bi-monthly basis", Frequency.MONTHLY, 2, 6),  # Oxfordshire monitoring
            ("Bi-annual", Frequency.MONTHLY, 6, 2),  # Somerset 1.4
            ("bi-annually", Frequency.MONTHLY, 6, 2),
            ("Bi Annually", Frequency.MONTHLY, 6, 2),  # Somerset 6.4
            ("six monthly", Frequency.MONTHLY, 6, 2),  # Oxfordshire monitoring
            ("Annually", Frequency.YEARLY, 1, 1),  # Somerset 6.5
            ("six times a year", Frequency.MONTHLY, 2, 6),  # Oxfordshire Governing Body
            ("every three months", Frequency.MONTHLY, 3, 4),
            ("every 2 weeks", Frequency.WEEKLY, 2, 26),
            ("every two years", Frequency.YEARLY, 2, 0.5),
            ("every four weeks", Frequency.WEEKLY, 4, 13),
            ("every year", Frequency.YEARLY, 1, 1),  # Oxfordshire annual public meeting
            ("on a six monthly basis", Frequency.MONTHLY, 6, 2),  # Oxfordshire monitoring
            ("On a Bi-Monthly Basis", Frequency.MONTHLY, 2, 6),  # case is ignored
            ("Bi\u2013annual", Frequency.MONTHLY, 6, 2),  # an en dash, as word processors write
            ("Quarterly.", Frequency.MONTHLY, 3, 4),  # a full stop is ignored
            ("1 per year", Frequency.MONTHLY, 12, 1),
            ("twelve meetings a year", Frequency.MONTHLY, 1, 12),
            ("12 times a year", Frequency.MONTHLY, 1, 12),
        ],
    )
    def test_phrases(self, text, frequency, interval, per_year):
        """Each recurrence phrase of the strategies reads to its rule."""
        rule = Recurrence.parse(text)
        assert (rule.frequency, rule.interval, rule.per_year) == (frequency, interval, per_year)

    def test_two_in_each_locality(self) -> None:
        """Oxfordshire: twelve public meetings a year, two in each of six localities."""
        rule = Recurrence.parse("two in each Locality per year", bodies=LOCALITIES)
        schedule = rule.schedule(*FY15)
        assert len(schedule) == 12
        for body in LOCALITIES:
            assert sum(o.body == body for o in schedule) == 2

    def test_not_text(self) -> None:
        """A recurrence that is not text is a type error naming what was given; a phrase
        of spaces is one that gives none."""
        with pytest.raises(InvalidTypeError) as info:
            Recurrence.parse(4)  # type: ignore[arg-type]
        assert str(info.value) == "text: got int 4; expected a phrase (text)"
        with pytest.raises(ParseError) as blank:
            Recurrence.parse("  ")
        assert str(blank.value) == "cannot read '  ': no recurrence given"

    @pytest.mark.parametrize(
        ("text", "message"),
        [
            (
                "sometimes",
                "cannot read 'sometimes': not a recurrence engagekit reads (e.g. 'quarterly')",
            ),
            (
                "Dec 2011",
                "cannot read 'Dec 2011': not a recurrence engagekit reads (e.g. 'quarterly')",
            ),
            (
                "five times a year",
                "cannot read 'five times a year': times a year must divide twelve months evenly",
            ),
            (
                "0 times a year",
                "cannot read '0 times a year': times a year must divide twelve months evenly",
            ),
            ("", "cannot read '': no recurrence given"),
            ("  ", "cannot read '  ': no recurrence given"),
            (
                "two in each locality per year",
                (
                    "cannot read 'two in each locality per year': names each locality "
                    "but no bodies were given (bodies=)"
                ),
            ),
        ],
    )
    def test_unreadable(self, text, message):
        """Phrases that are not recurrences, or do not divide the year, raise ParseError
        quoting the phrase and saying why."""
        with pytest.raises(ParseError) as info:
            Recurrence.parse(text)
        assert str(info.value) == message


class TestOccurrences:
    def test_six_times_a_year(self) -> None:
        """Governing Body in public six times a year: every other month from the anchor."""
        rule = Recurrence.parse("six times a year", anchor=D(2015, 5, 28))
        assert rule.occurrences(*FY15) == (
            D(2015, 5, 28), D(2015, 7, 28), D(2015, 9, 28),
            D(2015, 11, 28), D(2016, 1, 28), D(2016, 3, 28),
        )  # fmt: skip

    @pytest.mark.parametrize("text", ["every two months", "six times a year", "bi-monthly"])
    def test_anchor_and_bodies_kept(self, text):
        """Each way of writing every other month keeps the anchor and the bodies given."""
        rule = Recurrence.parse(text, bodies=["north", "south"], anchor=D(2015, 5, 28))
        assert [(o.date, o.body) for o in rule.schedule(D(2015, 4, 1), D(2015, 9, 30))] == [
            (D(2015, 5, 28), "north"),
            (D(2015, 6, 28), "south"),
            (D(2015, 7, 28), "north"),
            (D(2015, 8, 28), "south"),
            (D(2015, 9, 28), "north"),
        ]

    def test_month_end_anchor_falls_back(self) -> None:
        """An anchor on the 31st falls on each month's last day rather than skipping months."""
        rule = Recurrence.parse("monthly", anchor=D(2018, 1, 31))
        assert rule.occurrences(D(2018, 1, 1), D(2018, 4, 30))[1:3] == (
            D(2018, 2, 28),
            D(2018, 3, 31),
        )

    def test_exclude(self) -> None:
        """Excluded dates (a bank holiday) are dropped."""
        rule = Recurrence.parse("monthly", anchor=D(2018, 1, 1))
        kept = rule.occurrences(D(2018, 1, 1), D(2018, 3, 31), exclude=[D(2018, 1, 1)])
        assert kept == (D(2018, 2, 1), D(2018, 3, 1))

    def test_no_occurrence_in_range(self) -> None:
        """A recurrence with no occurrence in range is an error naming it."""
        rule = Recurrence.parse("annually", anchor=D(2018, 6, 1))
        with pytest.raises(InvalidValueError) as info:
            rule.occurrences(D(2018, 1, 1), D(2018, 3, 1))
        assert str(info.value) == (
            "Recurrence.occurrences: 'annually' is not allowed: "
            "no occurrence between 2018-01-01 and 2018-03-01"
        )

    def test_reversed_range(self) -> None:
        """A range that ends before it starts is refused."""
        with pytest.raises(InvalidValueError) as info:
            Recurrence.parse("monthly").occurrences(D(2018, 3, 1), D(2018, 1, 1))
        assert str(info.value) == (
            "Recurrence range: (datetime.date(2018, 3, 1), datetime.date(2018, 1, 1)) "
            "is not allowed: end is before start"
        )

    @pytest.mark.parametrize(
        ("start", "end", "message"),
        [
            ("April", "2019-03-31", "start: 'April' is not allowed: must be a date, YYYY-MM-DD"),
            ("2018-04-01", "March", "end: 'March' is not allowed: must be a date, YYYY-MM-DD"),
        ],
    )
    def test_range_not_dates(self, start, end, message):
        """A range end that is not a date is refused, naming which end."""
        with pytest.raises(InvalidValueError) as info:
            Recurrence.parse("quarterly").occurrences(start, end)
        assert str(info.value) == message

    def test_range_as_text(self) -> None:
        """The range may be given as YYYY-MM-DD text; a one-day range holds its occurrence."""
        rule = Recurrence.parse("quarterly")
        assert rule.occurrences("2018-04-01", "2018-04-01") == (D(2018, 4, 1),)
        assert rule.rule("2018-04-01")[1] == dt.datetime(2018, 7, 1)

    def test_rule_start_not_a_date(self) -> None:
        """The rule's start must be a date when the recurrence has no anchor."""
        with pytest.raises(InvalidValueError) as info:
            Recurrence.parse("quarterly").rule("April")
        assert str(info.value) == "start: 'April' is not allowed: must be a date, YYYY-MM-DD"

    def test_rule_exclude(self) -> None:
        """The rule set leaves out the excluded dates (Christmas Day 2018 for a monthly
        meeting on the 25th)."""
        rule = Recurrence.parse("monthly", anchor=D(2018, 10, 25))
        found = rule.rule(D(2018, 1, 1), exclude=[D(2018, 12, 25)])
        assert [found[n].date() for n in range(3)] == [
            D(2018, 10, 25),
            D(2018, 11, 25),
            D(2019, 1, 25),
        ]

    def test_yearly_keeps_its_month(self) -> None:
        """An annual meeting keeps its anchor's month and day (a leap-day anchor falls
        back to 28 February)."""
        rule = Recurrence.parse("annually", anchor=D(2016, 2, 29))
        assert rule.occurrences(D(2016, 1, 1), D(2018, 12, 31)) == (
            D(2016, 2, 29),
            D(2017, 2, 28),
            D(2018, 2, 28),
        )

    @pytest.mark.parametrize(
        ("text", "start", "end", "expected"),
        [
            (
                "every three weeks",
                D(2018, 10, 1),
                D(2018, 10, 31),
                [
                    (D(2018, 10, 1), "north"),
                    (D(2018, 10, 8), "south"),
                    (D(2018, 10, 15), "west"),
                    (D(2018, 10, 22), "north"),
                    (D(2018, 10, 29), "south"),
                ],
            ),
            (
                "every three years",
                D(2018, 4, 1),
                D(2022, 3, 31),
                [
                    (D(2018, 4, 1), "north"),
                    (D(2019, 4, 1), "south"),
                    (D(2020, 4, 1), "west"),
                    (D(2021, 4, 1), "north"),
                ],
            ),
        ],
    )
    def test_bodies_take_turns(self, text, start, end, expected):
        """Three bodies sharing a three-weekly or three-yearly rule take turns, a week or
        a year apart, in the schedule and in the rule set."""
        rule = Recurrence.parse(text, bodies=["north", "south", "west"])
        assert [(o.date, o.body) for o in rule.schedule(start, end)] == expected
        rules = rule.rule(start)
        assert [rules[n].date() for n in range(4)] == [day for day, _ in expected[:4]]

    def test_bodies_on_the_same_day_in_name_order(self) -> None:
        """Two bodies each meeting monthly meet on the same days, listed by body id."""
        rule = Recurrence.parse("monthly", bodies=["south", "north"], anchor=D(2018, 4, 3))
        schedule = rule.schedule(D(2018, 4, 1), D(2018, 5, 31))
        assert [(o.date, o.body) for o in schedule] == [
            (D(2018, 4, 3), "north"),
            (D(2018, 4, 3), "south"),
            (D(2018, 5, 3), "north"),
            (D(2018, 5, 3), "south"),
        ]

    @given(recurrences(), days, st.integers(0, 800))
    def test_sorted_and_within_range(self, rule, start, length):
        """Occurrences are sorted and lie within the range asked for."""
        end = start + dt.timedelta(days=length)
        try:
            found = rule.occurrences(start, end)
        except InvalidValueError:
            return  # no occurrence in the range: reported, not silently empty
        assert list(found) == sorted(found)
        assert all(start <= day <= end for day in found)


class TestAdherence:
    def test_every_date_given_is_in_the_result(self) -> None:
        """A quarterly commitment (as Sutton's EESG has, 003 s3.4.9), with dates made up
        for the test: over 2018/19 a date that met no occasion is extra, and one before
        the range is listed as not counted, not dropped; the text shows both."""
        from engagekit import render

        held = [dt.date(2018, 3, 20), dt.date(2018, 4, 2), dt.date(2018, 4, 20)]
        held += [dt.date(2018, 7, 3), dt.date(2018, 10, 1), dt.date(2019, 1, 7)]
        result = Recurrence.parse("quarterly").adherence(
            held, dt.date(2018, 4, 1), dt.date(2019, 3, 31), tolerance_days=14
        )
        assert (len(result.held), result.extra, result.outside) == (
            4,
            (dt.date(2018, 4, 20),),
            (dt.date(2018, 3, 20),),
        )
        assert render.text(result).splitlines()[1:] == [
            "  extra 2018-04-20: met no occasion",
            "  not counted 2018-03-20: outside 2018-04-01 to 2019-03-31",
        ]

    def test_a_first_meeting_held_just_before_the_range_meets_its_occasion(self) -> None:
        """The quarterly commitment over 2018/19 again, its April meeting held on
        29 March: within 14 days, it meets the first occasion, which no date in the
        range met; the date before it stays outside, and one held further back does
        not count."""
        rule = Recurrence.parse("quarterly")
        held = [dt.date(2018, 3, 20), dt.date(2018, 3, 29), dt.date(2018, 7, 3)]
        result = rule.adherence(held, dt.date(2018, 4, 1), dt.date(2019, 3, 31), tolerance_days=14)
        assert [(o.date, day) for o, day in result.held] == [
            (dt.date(2018, 4, 1), dt.date(2018, 3, 29)),
            (dt.date(2018, 7, 1), dt.date(2018, 7, 3)),
        ]
        assert (result.late, result.extra, result.outside) == ((), (), (dt.date(2018, 3, 20),))
        assert result.rate == 0.5

        too_early = rule.adherence(
            [dt.date(2018, 3, 10)], dt.date(2018, 4, 1), dt.date(2019, 3, 31), tolerance_days=14
        )
        assert (too_early.held, too_early.outside) == ((), (dt.date(2018, 3, 10),))
        assert too_early.missed[0].date == dt.date(2018, 4, 1)

    def test_quarterly_steering_group(self) -> None:
        """A quarterly group that met three times in a year: one missed, one late."""
        rule = Recurrence.parse("quarterly")
        held = [D(2018, 4, 5), D(2018, 8, 20), D(2019, 1, 10)]
        result = rule.adherence(held, D(2018, 4, 1), D(2019, 3, 31), tolerance_days=14)
        assert len(result.expected) == 4
        assert [o.date for o, _ in result.held] == [D(2018, 4, 1), D(2018, 7, 1), D(2019, 1, 1)]
        assert [o.date for o in result.missed] == [D(2018, 10, 1)]
        assert [(o.date, day) for o, day in result.late] == [(D(2018, 7, 1), D(2018, 8, 20))]
        assert result.rate == 0.75
        assert repr(result) == (
            "<Adherence to 'quarterly' with 4 expected, 3 held, 1 missed and 1 late>"
        )

    def test_held_on_the_first_and_last_day(self) -> None:
        """Meetings on the first and the last day of the range count; the default
        tolerance is none, so a day after the occurrence is late."""
        rule = Recurrence.parse("quarterly")
        result = rule.adherence([D(2018, 4, 1), D(2018, 10, 1)], "2018-04-01", "2018-10-01")
        assert [(o.date, day) for o, day in result.held] == [
            (D(2018, 4, 1), D(2018, 4, 1)),
            (D(2018, 10, 1), D(2018, 10, 1)),
        ]
        assert result.extra == ()
        assert [o.date for o in result.missed] == [D(2018, 7, 1)]
        result = rule.adherence([D(2018, 4, 2)], "2018-04-01", "2018-06-30")
        assert [(o.date, day) for o, day in result.late] == [(D(2018, 4, 1), D(2018, 4, 2))]

    def test_excluded_dates_are_not_expected(self) -> None:
        """A monthly meeting on the 25th expects none on Christmas Day when it is excluded."""
        rule = Recurrence.parse("monthly", anchor=D(2018, 10, 25))
        result = rule.adherence(
            [D(2018, 10, 25), D(2018, 11, 26)],
            D(2018, 10, 1),
            D(2018, 12, 31),
            exclude=[D(2018, 12, 25)],
        )
        assert [o.date for o in result.expected] == [D(2018, 10, 25), D(2018, 11, 25)]
        assert result.missed == ()

    @pytest.mark.parametrize(
        ("item", "message"),
        [
            ("2018-04-02", "actual[1]: '2018-04-02' is not allowed: must be a date"),
            (
                dt.datetime(2018, 4, 2, 10, 0),
                "actual[1]: datetime.datetime(2018, 4, 2, 10, 0) is not allowed: must be a date",
            ),
        ],
    )
    def test_held_must_be_dates(self, item, message):
        """A date held that is text or a date and time is refused, naming the item."""
        with pytest.raises(InvalidValueError) as info:
            Recurrence.parse("quarterly").adherence(
                [D(2018, 4, 1), item], "2018-04-01", "2019-03-31"
            )
        assert str(info.value) == message

    def test_per_body_needs_pairs(self) -> None:
        """A per-body rule needs (date, body) pairs and names the bad item."""
        rule = Recurrence.parse("two in each locality per year", bodies=["north", "south"])
        with pytest.raises(InvalidValueError) as info:
            rule.adherence([D(2015, 4, 1)], *FY15)
        assert str(info.value) == (
            "actual[0]: datetime.date(2015, 4, 1) is not allowed: "
            "give (date, body) pairs for a per-body rule"
        )
        with pytest.raises(InvalidValueError) as info:
            rule.adherence([(D(2015, 4, 1), "north"), (D(2015, 4, 1), "nowhere")], *FY15)
        assert str(info.value) == (
            "actual[1]: (datetime.date(2015, 4, 1), 'nowhere') is not allowed; "
            "allowed: 'north', 'south'"
        )

    def test_extra_meetings(self) -> None:
        """A second meeting in the same period is extra, not a second occurrence."""
        rule = Recurrence.parse("annually")
        result = rule.adherence([D(2018, 4, 2), D(2018, 6, 1)], D(2018, 4, 1), D(2019, 3, 31))
        assert result.extra == (D(2018, 6, 1),)

    def test_early_meeting_meets_the_next_occurrence(self) -> None:
        """Held 8 November for a 10 November occurrence: November held, September missed.

        Not September "late" and November "missed", as a fixed period per occurrence had it.
        """
        rule = Recurrence.parse("bi-monthly")
        result = rule.adherence([D(2018, 11, 8)], D(2018, 9, 10), D(2018, 12, 31), tolerance_days=7)
        assert [(o.date, day) for o, day in result.held] == [(D(2018, 11, 10), D(2018, 11, 8))]
        assert [o.date for o in result.missed] == [D(2018, 9, 10)]
        assert result.late == ()
        assert result.extra == ()

    def test_too_early_is_late_for_the_one_before(self) -> None:
        """A meeting earlier than the tolerance allows can only meet the occurrence before."""
        rule = Recurrence.parse("bi-monthly")
        result = rule.adherence([D(2018, 11, 1)], D(2018, 9, 10), D(2018, 12, 31), tolerance_days=7)
        assert [(o.date, day) for o, day in result.late] == [(D(2018, 9, 10), D(2018, 11, 1))]
        assert [o.date for o in result.missed] == [D(2018, 11, 10)]

    def test_nearest_free_occurrence_wins(self) -> None:
        """Between a free occurrence 29 days before and one 2 days after, the later is met;
        once it is met, the next meeting can only be late for the earlier one."""
        rule = Recurrence.parse("monthly")
        held = [D(2018, 11, 8), D(2018, 11, 9)]
        result = rule.adherence(held, D(2018, 10, 10), D(2018, 11, 30), tolerance_days=5)
        assert [(o.date, day) for o, day in result.held] == [
            (D(2018, 10, 10), D(2018, 11, 9)),
            (D(2018, 11, 10), D(2018, 11, 8)),
        ]
        assert [(o.date, day) for o, day in result.late] == [(D(2018, 10, 10), D(2018, 11, 9))]
        assert result.missed == ()

    def test_bodies_do_not_meet_each_other(self) -> None:
        """A forum held by one locality does not count for another's occurrence."""
        rule = Recurrence.parse("two in each locality per year", bodies=["north", "south"])
        held = [(D(2015, 4, 1), "north"), (D(2015, 10, 1), "north"), (D(2015, 10, 2), "north")]
        result = rule.adherence(held, *FY15)
        assert [(o.date, o.body) for o, _ in result.held] == [
            (D(2015, 4, 1), "north"),
            (D(2015, 10, 1), "north"),
        ]
        assert [(o.date, o.body) for o in result.missed] == [
            (D(2015, 7, 1), "south"),
            (D(2016, 1, 1), "south"),
        ]
        assert result.late == ()
        assert result.extra == (D(2015, 10, 2),)

    def test_negative_tolerance_is_refused(self) -> None:
        """A tolerance below zero has no meaning."""
        with pytest.raises(InvalidValueError) as info:
            Recurrence.parse("monthly").adherence(
                [], D(2018, 1, 1), D(2018, 12, 31), tolerance_days=-1
            )
        assert str(info.value) == "tolerance_days: -1 is not allowed: must be 0 or more"

    def test_tolerance_must_be_whole(self) -> None:
        """A tolerance that is not a whole number of days is refused, naming it."""
        with pytest.raises(InvalidTypeError) as info:
            Recurrence.parse("monthly").adherence(
                [],
                D(2018, 1, 1),
                D(2018, 12, 31),
                tolerance_days="7",  # type: ignore[arg-type]
            )
        assert str(info.value) == "tolerance_days: got str '7'; expected a whole number"

    def test_a_body_with_no_occurrence_in_range(self) -> None:
        """A body's meeting in a range where only the other body is expected is extra."""
        rule = Recurrence.parse("two in each locality per year", bodies=["north", "south"])
        held = [(D(2015, 4, 1), "north"), (D(2015, 5, 2), "south"), (D(2015, 5, 1), "south")]
        result = rule.adherence(held, D(2015, 4, 1), D(2015, 5, 31))
        assert [(o.date, o.body) for o in result.expected] == [(D(2015, 4, 1), "north")]
        assert [(o.date, day) for o, day in result.held] == [(D(2015, 4, 1), D(2015, 4, 1))]
        assert result.extra == (D(2015, 5, 1), D(2015, 5, 2))

    def test_early_by_exactly_the_tolerance(self) -> None:
        """Held seven days before its occurrence with a tolerance of seven: on time."""
        rule = Recurrence.parse("bi-monthly")
        result = rule.adherence([D(2018, 11, 3)], D(2018, 9, 10), D(2018, 12, 31), tolerance_days=7)
        assert [(o.date, day) for o, day in result.held] == [(D(2018, 11, 10), D(2018, 11, 3))]
        assert result.late == ()

    def test_nearer_the_first_occurrence(self) -> None:
        """Held 14 days after the first occurrence and 17 before the next, with a tolerance
        of 20: the first, nearer, is met, on time."""
        rule = Recurrence.parse("monthly")
        result = rule.adherence(
            [D(2018, 10, 24)], D(2018, 10, 10), D(2018, 11, 30), tolerance_days=20
        )
        assert [(o.date, day) for o, day in result.held] == [(D(2018, 10, 10), D(2018, 10, 24))]
        assert [o.date for o in result.missed] == [D(2018, 11, 10)]
        assert result.late == ()

    def test_a_tie_meets_the_earlier(self) -> None:
        """Held 24 February, 14 days after the February occurrence and 14 before March's:
        February is met."""
        rule = Recurrence.parse("monthly")
        result = rule.adherence([D(2019, 2, 24)], D(2019, 2, 10), D(2019, 3, 31), tolerance_days=14)
        assert [(o.date, day) for o, day in result.held] == [(D(2019, 2, 10), D(2019, 2, 24))]
        assert [o.date for o in result.missed] == [D(2019, 3, 10)]

    def test_early_meetings_meet_the_next_free_occurrences(self) -> None:
        """A weekly group (tolerance ten days) met on 1, 6 and 7 October 2018: each meeting
        meets the next occurrence not yet met, so all three are held on time."""
        rule = Recurrence.parse("weekly")
        held = [D(2018, 10, 1), D(2018, 10, 6), D(2018, 10, 7)]
        result = rule.adherence(held, D(2018, 10, 1), D(2018, 10, 21), tolerance_days=10)
        assert [(o.date, day) for o, day in result.held] == [
            (D(2018, 10, 1), D(2018, 10, 1)),
            (D(2018, 10, 8), D(2018, 10, 6)),
            (D(2018, 10, 15), D(2018, 10, 7)),
        ]
        assert result.missed == ()
        assert result.extra == ()

    def test_a_century_of_weekly_meetings(self) -> None:
        """5,218 weekly occurrences over a century: every seventh skipped, the others held
        up to two days either side, every fiftieth on time twice. (Formerly quadratic.)"""
        rule = Recurrence.parse("weekly")
        start, end = D(1920, 1, 1), D(2019, 12, 31)
        slots = rule.occurrences(start, end)
        assert len(slots) == 5218
        offsets = (-2, -1, 0, 1, 2)
        held = [
            slot + dt.timedelta(days=offsets[n % 5])
            for n, slot in enumerate(slots)
            if n % 7 and start <= slot + dt.timedelta(days=offsets[n % 5]) <= end
        ]
        twice = [slot for n, slot in enumerate(slots) if n % 7 and n % 5 == 2 and n % 50 == 2]
        result = rule.adherence(list(reversed(held)) + twice, start, end, tolerance_days=3)
        assert [o.date for o in result.missed] == [
            slot
            for n, slot in enumerate(slots)
            if not n % 7 or not start <= slot + dt.timedelta(days=offsets[n % 5]) <= end
        ]
        assert [day for _, day in result.held] == held
        assert result.late == ()
        assert result.extra == tuple(twice)
        assert len(result.held) + len(result.missed) == 5218

    @given(
        recurrences(), days, st.integers(0, 800), st.lists(st.integers(0, 800)), st.integers(0, 40)
    )
    def test_every_date_and_occurrence_accounted_for(self, rule, start, length, offsets, tolerance):
        """Held and missed make up the expected; held and extra make up the dates given."""
        end = start + dt.timedelta(days=length)
        try:
            expected = rule.schedule(start, end)
        except InvalidValueError:
            return
        bodies = rule.bodies or (None,)
        given = [
            (start + dt.timedelta(days=o % (length + 1)), bodies[o % len(bodies)]) for o in offsets
        ]
        actual = given if rule.bodies else [day for day, _ in given]
        result = rule.adherence(actual, start, end, tolerance_days=tolerance)
        assert sorted([o for o, _ in result.held] + list(result.missed), key=str) == sorted(
            expected, key=str
        )
        assert sorted([day for _, day in result.held] + list(result.extra)) == sorted(
            day for day, _ in given
        )
        firsts = {o.body: o for o in reversed(expected)}
        assert all(
            (day - o.date).days >= -tolerance or o == firsts[o.body] for o, day in result.held
        )
        assert {o for o, _ in result.late} <= {o for o, _ in result.held}


class TestCalendar:
    def test_bank_holidays_england_and_wales(self) -> None:
        """Christmas Day and the August bank holiday 2018 are bank holidays in England."""
        found = bank_holidays(2018)
        assert D(2018, 12, 25) in found
        assert D(2018, 8, 27) in found

    def test_ical_is_deterministic(self) -> None:
        """Equal input gives identical iCalendar bytes, one event per occurrence."""
        rule = Recurrence.parse("two in each locality per year", bodies=LOCALITIES)
        first = to_ical(rule, *FY15, summary="Public Locality Forum")
        assert first == to_ical(rule, *FY15, summary="Public Locality Forum")
        assert first.count(b"BEGIN:VEVENT") == 12
        import icalendar

        calendar = icalendar.Calendar.from_ical(first)
        starts = sorted(e.decoded("dtstart") for e in calendar.walk("VEVENT"))
        assert starts == list(rule.occurrences(*FY15))


class TestNetworkBodies:
    def test_two_in_each_locality_over_oxfordshire(self) -> None:
        """Oxfordshire: twelve public meetings a year, two in each of its six localities."""
        from engagekit.examples import oxfordshire

        r = Recurrence.parse("two in each locality per year", network=oxfordshire())
        assert len(r.bodies) == 6
        assert r.per_year == 12
        schedule = r.schedule(*FY15)
        months = [(4, 1), (5, 2), (6, 3), (7, 4), (8, 5), (9, 6), (10, 1), (11, 2), (12, 3)]
        assert [(o.date, o.body) for o in schedule] == [
            *((D(2015, month, 1), f"oxfordshire-locality-{n}") for month, n in months),
            *(
                (D(2016, month, 1), f"oxfordshire-locality-{n}")
                for month, n in [(1, 4), (2, 5), (3, 6)]
            ),
        ]

    def test_kind_overrides_the_phrase(self) -> None:
        """Somerset: a Health Forum in each of the nine federations and a county-wide one,
        ten forums meeting twice a year (002: forums in the 9 federations)."""
        from engagekit.examples import somerset

        r = Recurrence.parse("bi-annual", network=somerset(), kind="health-forum")
        assert len(r.bodies) == 10
        assert r.per_year == 20

    def test_bodies_and_network_together_is_an_error(self) -> None:
        """Giving both would lose one of them silently; it is refused."""
        from engagekit.examples import sutton

        with pytest.raises(InvalidValueError) as info:
            Recurrence.parse("quarterly", bodies=["a"], network=sutton())
        assert str(info.value) == (
            "bodies: ('a',) is not allowed: give bodies or an escalation network, not both"
        )

    def test_network_without_a_kind(self) -> None:
        """A phrase that names no kind of body needs kind=."""
        from engagekit.examples import sutton

        with pytest.raises(InvalidValueError) as info:
            Recurrence.parse("quarterly", network=sutton())
        assert str(info.value) == (
            "kind: missing: say which kind of body in the network each occurrence is for"
        )
