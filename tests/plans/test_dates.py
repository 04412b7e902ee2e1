"""Target dates: every phrase of the seeds' action plans and timelines, and properties."""

from __future__ import annotations

import ast
import datetime as dt
import pathlib

from unittest import mock

import pytest

from hypothesis import given

from engagekit.errors import ParseError
from engagekit.plans import Precision, TargetDate, YearStyle, _dates
from tests.strategies.plans import day_phrases, phrases_with_dates


D = dt.date

# Every target-date phrase in the seeds' action plans and timelines, with its window.
# Somerset Action Plan v8 (000_…, Appendix 2) and the GP consortia's Time Line (001_…).
SEED_PHRASES = [
    # GP Commissioning Consortia, Time Line
    ("27th April 2011", D(2011, 4, 27), D(2011, 4, 27), Precision.DAY),
    ("Early May 2011", D(2011, 5, 1), D(2011, 5, 10), Precision.PART_OF_MONTH),
    ("May 2011", D(2011, 5, 1), D(2011, 5, 31), Precision.MONTH),
    ("May / June 2011", D(2011, 5, 1), D(2011, 6, 30), Precision.MONTHS),
    ("End of May 2011", D(2011, 5, 21), D(2011, 5, 31), Precision.PART_OF_MONTH),
    ("June 2011", D(2011, 6, 1), D(2011, 6, 30), Precision.MONTH),
    ("End July 2011", D(2011, 7, 21), D(2011, 7, 31), Precision.PART_OF_MONTH),
    ("2011 - 2012", D(2011, 4, 1), D(2012, 3, 31), Precision.FINANCIAL_YEAR),
    ("September 2011", D(2011, 9, 1), D(2011, 9, 30), Precision.MONTH),
    ("E mail – end of May 2011", D(2011, 5, 21), D(2011, 5, 31), Precision.PART_OF_MONTH),
    ("Website – June – July 2011", D(2011, 6, 1), D(2011, 7, 31), Precision.MONTHS),
    ("First edition June 2011", D(2011, 6, 1), D(2011, 6, 30), Precision.MONTH),
    # Somerset Action Plan v8
    ("Dec 2011", D(2011, 12, 1), D(2011, 12, 31), Precision.MONTH),
    ("Sept 2012", D(2012, 9, 1), D(2012, 9, 30), Precision.MONTH),
    ("On–going meetings", None, None, Precision.ONGOING),
    ("Current", None, None, Precision.ONGOING),
    ("From Jan 1st 2012", D(2012, 1, 1), None, Precision.DAY),
    ("Jan 1st 2012", D(2012, 1, 1), D(2012, 1, 1), Precision.DAY),
    ("Nov/Dec 2011", D(2011, 11, 1), D(2011, 12, 31), Precision.MONTHS),
    ("Initial report April 2012 then at AGM", D(2012, 4, 1), D(2012, 4, 30), Precision.MONTH),
    ("From April 2012?", D(2012, 4, 1), None, Precision.MONTH),
    # Dates the plan's evidence and ideas columns give for follow-up events
    ("March 2012", D(2012, 3, 1), D(2012, 3, 31), Precision.MONTH),
    ("July 2012", D(2012, 7, 1), D(2012, 7, 31), Precision.MONTH),
]


class TestSeedPhrases:
    @pytest.mark.parametrize(("text", "start", "end", "precision"), SEED_PHRASES)
    def test_window(self, text, start, end, precision):
        """Each phrase the Somerset plan and GP consortia timeline write reads to its window."""
        target = TargetDate.parse(text)
        assert (target.start, target.end, target.precision) == (start, end, precision)
        assert target.text == text

    def test_question_mark_is_uncertain(self) -> None:
        """'From April 2012?' (Somerset 6.2) is flagged uncertain; 'Dec 2011' is not."""
        assert TargetDate.parse("From April 2012?").uncertain
        assert not TargetDate.parse("Dec 2011").uncertain

    def test_words_around_the_date_are_kept(self) -> None:
        """Nothing is dropped: 'Initial report April 2012 then at AGM' keeps both ends."""
        target = TargetDate.parse("Initial report April 2012 then at AGM")
        assert (target.label, target.note) == ("Initial report", "then at AGM")
        assert TargetDate.parse("E mail – end of May 2011").label == "E mail"

    def test_onwards_after_the_date_opens_the_end_as_from_before_it_does(self) -> None:
        """'April 2012 onwards' was the month of April with the note 'onwards': due on
        30 April 2012, so an action started on time read as overdue from May."""
        onwards = TargetDate.parse("April 2012 onwards")
        assert (onwards.start, onwards.end, onwards.note) == (D(2012, 4, 1), None, None)
        assert onwards.describe() == "'April 2012 onwards': 2012-04-01 to open end (month)"
        assert onwards.due == TargetDate.parse("From April 2012").due == D(2012, 4, 1)
        later = TargetDate.parse("Dec 2011 and onwards, then review")
        assert (later.start, later.end, later.note) == (D(2011, 12, 1), None, "then review")
        assert TargetDate.parse("April 2012 onwardsx").end == D(2012, 4, 30)

    @pytest.mark.parametrize(
        ("text", "part"),
        [
            ("Spring 2012", "Spring"),
            ("Mid-2012", "Mid"),
            ("Early 2012", "Early"),
            ("By mid 2012", "mid"),
            ("H1 2012", "H1"),
            ("1st half of 2012", "1st half of"),
            ("Winter 2011/12", "Winter"),
        ],
    )
    def test_a_part_of_a_year_is_refused_not_read_as_the_whole_year(
        self, text: str, part: str
    ) -> None:
        """'Early 2012' read as the whole of 2012 with the label 'Early': due on
        31 December 2012, so an action late by most of a year was not overdue."""
        with pytest.raises(ParseError) as exc:
            TargetDate.parse(text)
        assert str(exc.value) == (
            f"cannot read {text!r}: {part!r} is part of a year, which engagekit does not "
            "guess: give the months (as 'Apr/May 2012') or the quarter (as 'Q1 2012/13')"
        )

    def test_a_label_or_the_end_of_a_year_still_reads_as_the_year(self) -> None:
        """Only a part that moves the due date is refused: 'End of 2011' is due when
        2011 ends, and 'First edition 2012' is labelled."""
        assert TargetDate.parse("End of 2011").due == D(2011, 12, 31)
        assert TargetDate.parse("Late 2011").due == D(2011, 12, 31)
        assert TargetDate.parse("First edition 2012").label == "First edition"
        assert TargetDate.parse("Early May 2011").end == D(2011, 5, 10)

    def test_two_consecutive_years_can_be_calendar_years(self) -> None:
        """'2011 - 2012' (GP consortia timeline) reads as the financial year by default."""
        calendar = TargetDate.parse("2011 - 2012", years=YearStyle.CALENDAR)
        assert (calendar.start, calendar.end) == (D(2011, 1, 1), D(2012, 12, 31))
        assert calendar.precision is Precision.YEARS
        wide = TargetDate.parse("2015 - 2019")  # Oxfordshire's strategy period
        assert (wide.start, wide.end) == (D(2015, 1, 1), D(2019, 12, 31))

    @pytest.mark.parametrize(
        ("text", "start", "end"),
        [
            ("2018/19", D(2018, 4, 1), D(2019, 3, 31)),
            ("1999/00", D(1999, 4, 1), D(2000, 3, 31)),
            ("Q1 2018/19", D(2018, 4, 1), D(2018, 6, 30)),
            ("Q4 2018/19", D(2019, 1, 1), D(2019, 3, 31)),
            ("Q2 2012", D(2012, 4, 1), D(2012, 6, 30)),
            ("By March 2012", None, D(2012, 3, 31)),
            ("Mid June 2011", D(2011, 6, 11), D(2011, 6, 20)),
            ("Dec/Jan 2012", D(2011, 12, 1), D(2012, 1, 31)),
            ("2011-05-27", D(2011, 5, 27), D(2011, 5, 27)),
            ("27/05/2011", D(2011, 5, 27), D(2011, 5, 27)),
        ],
    )
    def test_other_forms(self, text, start, end):
        """Financial years and quarters, open starts and day-first numeric dates."""
        target = TargetDate.parse(text)
        assert (target.start, target.end) == (start, end)


class TestUnreadable:
    @pytest.mark.parametrize(
        ("text", "reason"),
        [
            ("Dec 5th event", "no year given"),  # Somerset 2.1's evidence: no year written
            ("Follow up meet on 7th March", "no year given"),
            ("achieved", "no date found"),
            ("June 2011 End July 2011", "more than one date"),
            ("31st February 2012", "not a real date"),
            ("Q1 2018/20", "consecutive"),
            ("", "no date given"),
        ],
    )
    def test_parse_error_quotes_the_text(self, text, reason):
        """Unreadable phrases raise ParseError quoting the text and saying why."""
        with pytest.raises(ParseError, match="cannot read") as info:
            TargetDate.parse(text)
        assert repr(text) in str(info.value)
        assert reason in str(info.value)
        assert info.value.text == text

    @pytest.mark.parametrize("text", ["Q5 2011", "q0 2012", "Q5 2011/12", "By Q12 2013"])
    def test_a_quarter_that_does_not_exist_is_refused(self, text: str) -> None:
        """ "Q5 2011" read as the whole of 2011 with the label "Q5": a typo for a
        quarter became a year's window, never flagged."""
        token = text.split()[-2]
        with pytest.raises(ParseError) as info:
            TargetDate.parse(text)
        assert str(info.value) == f"cannot read {text!r}: {token!r} is not a quarter (Q1 to Q4)"

    def test_a_word_ending_in_q_is_still_a_label(self) -> None:
        assert TargetDate.parse("HQ 2012").label == "HQ"

    def test_end_before_start(self) -> None:
        """A window that ends before it starts is refused, naming the field and value."""
        with pytest.raises(ValueError, match=r"TargetDate.end: .*2011, 1, 1.*before the start"):
            TargetDate(text="x", start=D(2011, 2, 1), end=D(2011, 1, 1), precision=Precision.DAY)


class _Today(dt.date):
    """A date class whose today() is fixed, to show parsing never consults it."""

    fixed = dt.date(2000, 1, 1)

    @classmethod
    def today(cls):
        return cls.fixed


class TestNoClock:
    @pytest.mark.parametrize("today", [D(2011, 1, 1), D(2012, 6, 30), D(2030, 12, 31)])
    @pytest.mark.parametrize("text", ["Dec 5th event", "May", "End of May", "Early June"])
    def test_missing_year_is_never_filled_from_today(self, today, text):
        """At several 'todays', a phrase without a year is an error, not this year's date.

        dateutil.parser fills a missing year or month from today's date; engagekit must not.
        """
        fake = mock.Mock(wraps=dt)
        fake.date = type("date", (_Today,), {"fixed": today})
        with (
            mock.patch.object(_dates, "dt", fake),
            pytest.raises(ParseError, match="no year given"),
        ):
            TargetDate.parse(text)

    @pytest.mark.parametrize("today", [D(2011, 1, 1), D(2012, 6, 30), D(2030, 12, 31)])
    def test_same_reading_whatever_today_is(self, today):
        """The same phrase reads the same at every 'today'."""
        fake = mock.Mock(wraps=dt)
        fake.date = type("date", (_Today,), {"fixed": today})
        with mock.patch.object(_dates, "dt", fake):
            got = [(t.start, t.end) for t in map(TargetDate.parse, [p[0] for p in SEED_PHRASES])]
        assert got == [(p[1], p[2]) for p in SEED_PHRASES]

    def test_the_plans_package_never_reads_the_clock(self) -> None:
        """No module of engagekit.plans calls today(), now() or utcnow(), or time.time()."""
        package = pathlib.Path(_dates.__file__).parent
        for path in package.glob("*.py"):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                    assert node.func.attr not in {"today", "now", "utcnow"}, path.name
                    owner = node.func.value
                    assert not (isinstance(owner, ast.Name) and owner.id == "time"), path.name


class TestProperties:
    @given(phrases_with_dates())
    def test_window_contains_every_meant_date(self, case):
        """A parsed window contains every date the phrase can mean, and start <= end."""
        phrase, meant = case
        target = TargetDate.parse(phrase)
        assert target.start is not None
        assert target.end is not None
        assert target.start <= target.end
        for day in meant:
            assert target.contains(day), (phrase, day, target)

    @given(day_phrases())
    def test_day_phrases_are_exact(self, case):
        """A phrase naming a day reads to exactly that day."""
        phrase, day = case
        target = TargetDate.parse(phrase)
        assert (target.start, target.end, target.precision) == (day, day, Precision.DAY)

    @given(phrases_with_dates())
    def test_question_mark_changes_only_uncertainty(self, case):
        """Adding '?' keeps the window and marks it uncertain."""
        phrase, _ = case
        plain, doubtful = TargetDate.parse(phrase), TargetDate.parse(phrase + "?")
        assert (plain.start, plain.end) == (doubtful.start, doubtful.end)
        assert doubtful.uncertain
        assert not plain.uncertain
