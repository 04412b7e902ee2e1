"""Target-date windows at their edges (mutation testing's survivors in plans/_dates.py)."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from engagekit.errors import InvalidTypeError, InvalidValueError, ParseError, UnknownChoiceError
from engagekit.plans import Precision, TargetDate


D = dt.date


class TestMonthRanges:
    @pytest.mark.parametrize(
        ("text", "start", "end"),
        [
            ("Nov 2011 - Feb 2012", D(2011, 11, 1), D(2012, 2, 29)),  # 2012 is a leap year
            ("November 2011 to February 2012", D(2011, 11, 1), D(2012, 2, 29)),
            ("Jan 2011 - Feb 2011", D(2011, 1, 1), D(2011, 2, 28)),
            ("Dec 2011 - Dec 2011", D(2011, 12, 1), D(2011, 12, 31)),
        ],
    )
    def test_months_across_years(self, text: str, start: dt.date, end: dt.date) -> None:
        """Two month-years read from the first day of the first to the last day of the second."""
        target = TargetDate.parse(text)
        assert (target.start, target.end, target.precision) == (start, end, Precision.MONTHS)
        assert (target.label, target.note) == (None, None)

    def test_months_in_one_year_that_wrap(self) -> None:
        """'Dec/Jan 2012' runs from December 2011; 'Nov/Dec 2011' stays in 2011."""
        wrapped = TargetDate.parse("Dec/Jan 2012")
        assert (wrapped.start, wrapped.end) == (D(2011, 12, 1), D(2012, 1, 31))
        plain = TargetDate.parse("Nov/Dec 2011")
        assert (plain.start, plain.end) == (D(2011, 11, 1), D(2011, 12, 31))


class TestWindow:
    def test_dates_either_side_of_a_window(self) -> None:
        """'May / June 2011' holds 1 May and 30 June 2011, not 30 April or 1 July."""
        target = TargetDate.parse("May / June 2011")
        assert target.contains(D(2011, 5, 1))
        assert target.contains("2011-06-30")
        assert not target.contains(D(2011, 4, 30))
        assert not target.contains(D(2011, 7, 1))

    def test_open_windows(self) -> None:
        """'From Jan 1st 2012' is open at the end; 'By March 2012' at the start."""
        opened = TargetDate.parse("From Jan 1st 2012")
        assert (opened.open_start, opened.open_end) == (False, True)
        assert opened.contains(D(2030, 1, 1))
        assert not opened.contains(D(2011, 12, 31))
        assert opened.due == D(2012, 1, 1)
        by = TargetDate.parse("By March 2012")
        assert (by.open_start, by.open_end) == (True, False)
        assert by.contains(D(2001, 1, 1))
        assert not by.contains(D(2012, 4, 1))
        assert by.due == D(2012, 3, 31)

    def test_ongoing_is_open_both_ways(self) -> None:
        target = TargetDate.parse("On–going meetings")
        assert (target.open_start, target.open_end, target.due) == (True, True, None)
        assert target.contains(D(1990, 1, 1))
        assert target.note == "meetings"

    def test_end_before_start_is_refused(self) -> None:
        with pytest.raises(InvalidValueError, match="is before the start 2012-03-01"):
            TargetDate(
                text="March 2012",
                start=D(2012, 3, 1),
                end=D(2012, 2, 1),
                precision=Precision.MONTH,
            )

    def test_a_one_day_window_is_allowed(self) -> None:
        day = TargetDate(
            text="27th April 2011", start=D(2011, 4, 27), end=D(2011, 4, 27), precision="day"
        )
        assert day.describe() == "'27th April 2011': 2011-04-27 (day)"


class TestPhrases:
    @pytest.mark.parametrize(
        ("text", "start", "end", "precision"),
        [
            ("Mid June 2011", D(2011, 6, 11), D(2011, 6, 20), Precision.PART_OF_MONTH),
            ("Late February 2012", D(2012, 2, 21), D(2012, 2, 29), Precision.PART_OF_MONTH),
            ("Q1 2012", D(2012, 1, 1), D(2012, 3, 31), Precision.QUARTER),
            ("Q4 2011", D(2011, 10, 1), D(2011, 12, 31), Precision.QUARTER),
            ("Q1 2011/12", D(2011, 4, 1), D(2011, 6, 30), Precision.QUARTER),
            ("Q3 2011/12", D(2011, 10, 1), D(2011, 12, 31), Precision.QUARTER),
            ("Q4 2011/2012", D(2012, 1, 1), D(2012, 3, 31), Precision.QUARTER),
            ("2011/12", D(2011, 4, 1), D(2012, 3, 31), Precision.FINANCIAL_YEAR),
            ("1999/00", D(1999, 4, 1), D(2000, 3, 31), Precision.FINANCIAL_YEAR),
            ("2015 - 2019", D(2015, 1, 1), D(2019, 12, 31), Precision.YEARS),
            ("2012", D(2012, 1, 1), D(2012, 12, 31), Precision.YEAR),
            ("2012-01-31", D(2012, 1, 31), D(2012, 1, 31), Precision.DAY),
            ("31/01/2012", D(2012, 1, 31), D(2012, 1, 31), Precision.DAY),
            ("January 31, 2012", D(2012, 1, 31), D(2012, 1, 31), Precision.DAY),
        ],
    )
    def test_windows(self, text: str, start: dt.date, end: dt.date, precision: Precision) -> None:
        target = TargetDate.parse(text)
        assert (target.start, target.end, target.precision) == (start, end, precision)

    @pytest.mark.parametrize(
        ("text", "start", "precision", "uncertain"),
        [
            ("On-going from 2012", D(2012, 1, 1), Precision.YEAR, False),
            ("Ongoing from April 2012?", D(2012, 4, 1), Precision.MONTH, True),
            ("Continuing from Jan 1st 2013", D(2013, 1, 1), Precision.DAY, False),
        ],
    )
    def test_ongoing_from_a_date_opens_the_end(
        self, text: str, start: dt.date, precision: Precision, uncertain: bool
    ) -> None:
        """A date given after "on-going" wins over it: the window runs from the date."""
        target = TargetDate.parse(text)
        assert (target.start, target.end, target.precision) == (start, None, precision)
        assert (target.uncertain, target.label, target.note) == (uncertain, None, None)

    @pytest.mark.parametrize(
        ("text", "reason"),
        [
            ("2011/13", "a financial year runs over two consecutive years"),
            ("Q2 2011/13", "a financial year runs over two consecutive years"),
            ("2019 - 2015", "the second year is before the first"),
            ("Feb 2012 - Nov 2011", "the second month is before the first"),
            ("30th February 2012", "not a real date (day is out of range for month)"),
            ("2011-02-30", "not a real date (day is out of range for month)"),
            ("27th April 2011 then 3rd May 2011", "more than one date; give each its own target"),
            ("ongoing 2012 and 2013", "more than one date; give each its own target"),
            # Overlapping matches: the leftmost wins, so what is left is a second date,
            # whether the longer match starts later ("2012 - 2013" after "Q3 2012") or
            # comes from a pattern tried first ("2012-03-31" inside "Q1 2012-03-31").
            ("Q3 2012 - 2013", "more than one date; give each its own target"),
            ("Q1 2012-03-31", "more than one date; give each its own target"),
            ("Dec 5th event", "no year given (engagekit never assumes the current year)"),
            ("Soon", "no date found"),
            ("   ", "no date given"),
        ],
    )
    def test_refused(self, text: str, reason: str) -> None:
        """The whole message: the phrase quoted as given, then what was wrong with it."""
        with pytest.raises(ParseError, match=f"^{re.escape(f'cannot read {text!r}: {reason}')}$"):
            TargetDate.parse(text)

    @pytest.mark.parametrize(
        ("text", "start", "end"),
        [
            ("Early May 2011", D(2011, 5, 1), D(2011, 5, 10)),
            ("Beginning of May 2011", D(2011, 5, 1), D(2011, 5, 10)),
            ("Start of  May 2011", D(2011, 5, 1), D(2011, 5, 10)),
            ("Mid May 2011", D(2011, 5, 11), D(2011, 5, 20)),
            ("Middle of May 2011", D(2011, 5, 11), D(2011, 5, 20)),
            ("End of May 2011", D(2011, 5, 21), D(2011, 5, 31)),
        ],
    )
    def test_parts_of_a_month(self, text: str, start: dt.date, end: dt.date) -> None:
        """Each way of writing the first, middle and last third of a month."""
        target = TargetDate.parse(text)
        assert (target.start, target.end, target.precision) == (
            start,
            end,
            Precision.PART_OF_MONTH,
        )

    @pytest.mark.parametrize(
        ("text", "start", "end", "precision"),
        [
            ("Sept. 2011", D(2011, 9, 1), D(2011, 9, 30), Precision.MONTH),
            ("Nov./Dec. 2011", D(2011, 11, 1), D(2011, 12, 31), Precision.MONTHS),
            # The same month twice stays in its year; only a later-to-earlier pair wraps.
            ("May to May 2011", D(2011, 5, 1), D(2011, 5, 31), Precision.MONTHS),
            ("2011 - 2011", D(2011, 1, 1), D(2011, 12, 31), Precision.YEARS),
        ],
    )
    def test_abbreviations_and_repeats(
        self, text: str, start: dt.date, end: dt.date, precision: Precision
    ) -> None:
        target = TargetDate.parse(text)
        assert (target.start, target.end, target.precision) == (start, end, precision)

    def test_an_ongoing_word_after_a_date_opens_its_end(self) -> None:
        """The leftmost date expression wins, and 'on-going' after it says the work
        continues from that month: the end is open, as 'On-going from Sept 2011' reads.
        It was a note, the month due on its last day, so work begun on time and still
        going read as overdue from October."""
        target = TargetDate.parse("Sept 2011 and on-going")
        assert (target.start, target.end, target.precision) == (
            D(2011, 9, 1),
            None,
            Precision.MONTH,
        )
        assert (target.label, target.note) == (None, None)
        assert target.due == TargetDate.parse("On-going from Sept 2011").due == D(2011, 9, 1)

    def test_only_separators_are_trimmed_from_label_and_note(self) -> None:
        """A label ending, or a note starting, with a capital letter keeps it."""
        target = TargetDate.parse("Phase IX - May 2011 - Xmas edition")
        assert (target.label, target.note) == ("Phase IX", "Xmas edition")

    @pytest.mark.parametrize(
        ("given", "message"),
        [
            (2011, "text: got int 2011; expected a phrase (text)"),
            (None, "text: got NoneType None; expected a phrase (text)"),
        ],
    )
    def test_a_phrase_that_is_not_text(self, given: object, message: str) -> None:
        """A year given as a number is a type error naming the parameter, not a parse error."""
        with pytest.raises(InvalidTypeError, match=f"^{re.escape(message)}$"):
            TargetDate.parse(given)  # type: ignore[arg-type]

    def test_an_unknown_year_style_names_the_parameter(self) -> None:
        with pytest.raises(UnknownChoiceError, match=r"^years: 'fiscal' is not allowed"):
            TargetDate.parse("2011 - 2012", years="fiscal")

    def test_contains_names_its_parameter(self) -> None:
        with pytest.raises(InvalidValueError, match=r"^date: 'soon' is not allowed"):
            TargetDate.parse("May 2011").contains("soon")

    def test_label_and_note_are_trimmed(self) -> None:
        """Words around the date lose their separators: 'Website – June – July 2011'."""
        target = TargetDate.parse("Website – June – July 2011")
        assert (target.label, target.note) == ("Website", None)
        target = TargetDate.parse("Initial report April 2012 - then at AGM")
        assert (target.label, target.note) == ("Initial report", "then at AGM")
        assert str(target) == "Initial report April 2012 - then at AGM"

    def test_describe_mentions_every_part(self) -> None:
        target = TargetDate.parse("From April 2012?")
        assert target.describe() == "'From April 2012?': 2012-04-01 to open end (month, uncertain)"
        target = TargetDate.parse("First edition June 2011")
        assert target.describe() == (
            "'First edition June 2011': 2011-06-01 to 2011-06-30 (month, label 'First edition')"
        )
        target = TargetDate.parse("By March 2012")
        assert target.describe() == "'By March 2012': open start to 2012-03-31 (month)"
        target = TargetDate.parse("Initial report April 2012 - then at AGM")
        assert target.describe() == (
            "'Initial report April 2012 - then at AGM': 2012-04-01 to 2012-04-30"
            " (month, label 'Initial report', note 'then at AGM')"
        )
