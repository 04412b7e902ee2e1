"""A recurrence with the start it runs from ("Monthly from April 2012"), and a date
that goes on ("Dec 2011 ongoing"): read as what they say, or refused with how to
write them, never read as a one-off date with the recurrence left as a label."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from engagekit import io
from engagekit.errors import DocumentError, InvalidValueError, ParseError
from engagekit.plans import (
    Action,
    Frequency,
    Recurrence,
    TargetDate,
    parse_target,
    plan_from_dict,
)


D = dt.date


class TestAStartReadsAsAnAnchor:
    @pytest.mark.parametrize(
        ("text", "frequency", "interval", "anchor"),
        [
            ("Monthly from April 2012", Frequency.MONTHLY, 1, D(2012, 4, 1)),
            ("Quarterly from Jan 2012", Frequency.MONTHLY, 3, D(2012, 1, 1)),
            ("Monthly from 3rd April 2012", Frequency.MONTHLY, 1, D(2012, 4, 3)),
            ("Bi-annual starting Sept 2012", Frequency.MONTHLY, 6, D(2012, 9, 1)),
            ("six times a year commencing May 2015", Frequency.MONTHLY, 2, D(2015, 5, 1)),
            ("Annually, from 1 June 2013", Frequency.YEARLY, 1, D(2013, 6, 1)),
            ("Monthly from April 2012 onwards", Frequency.MONTHLY, 1, D(2012, 4, 1)),
            ("on a quarterly basis from July 2012", Frequency.MONTHLY, 3, D(2012, 7, 1)),
        ],
    )
    def test_the_start_is_the_first_occurrence(
        self, text: str, frequency: Frequency, interval: int, anchor: dt.date
    ) -> None:
        """The rule is the one the phrase before "from" gives, anchored at the day
        given, or the first day of the month given, and the text is kept whole."""
        rule = Recurrence.parse(text)
        assert (rule.frequency, rule.interval, rule.anchor) == (frequency, interval, anchor)
        assert rule.text == text
        assert parse_target(text) == rule

    def test_consistent_with_plain_monthly(self) -> None:
        """'Monthly from April 2012' is 'Monthly' anchored at 1 April 2012: the same
        occurrences a plain 'Monthly' gives over a range starting then, and none before."""
        started = Recurrence.parse("Monthly from April 2012")
        plain = Recurrence.parse("Monthly")
        assert (started.frequency, started.interval) == (plain.frequency, plain.interval)
        assert started.occurrences(D(2012, 1, 1), D(2012, 6, 30)) == (
            D(2012, 4, 1),
            D(2012, 5, 1),
            D(2012, 6, 1),
        )
        assert started.occurrences(D(2012, 1, 1), D(2012, 6, 30)) == plain.occurrences(
            D(2012, 4, 1), D(2012, 6, 30)
        )

    def test_it_was_a_one_off_date_labelled_monthly(self) -> None:
        """The bug: a target date from April 2012 with the label 'Monthly', due once."""
        target = parse_target("Monthly from April 2012")
        assert isinstance(target, Recurrence)
        action = Action(id="1a", target=target)
        assert action.due is None
        assert not action.is_overdue("2013-01-01")

    def test_bodies_are_kept_with_a_start(self) -> None:
        """Oxfordshire's two public meetings in each locality a year, from April 2015."""
        rule = Recurrence.parse(
            "two in each locality per year from April 2015", bodies=["north", "south"]
        )
        assert (rule.interval, rule.bodies, rule.anchor) == (6, ("north", "south"), D(2015, 4, 1))
        assert [(o.date, o.body) for o in rule.schedule(D(2015, 4, 1), D(2015, 12, 31))] == [
            (D(2015, 4, 1), "north"),
            (D(2015, 7, 1), "south"),
            (D(2015, 10, 1), "north"),
        ]

    def test_an_anchor_given_as_well_must_agree(self) -> None:
        same = Recurrence.parse("Monthly from April 2012", anchor=D(2012, 4, 1))
        assert same.anchor == D(2012, 4, 1)
        with pytest.raises(InvalidValueError) as info:
            Recurrence.parse("Monthly from April 2012", anchor=D(2012, 5, 1))
        assert str(info.value) == (
            "anchor: datetime.date(2012, 5, 1) is not allowed: 'Monthly from April 2012' "
            "starts on 2012-04-01; give the start in the text or as anchor, not both"
        )


class TestAStartThatCannotBeAnAnchorIsRefused:
    @pytest.mark.parametrize(
        ("text", "reason"),
        [
            (
                "Monthly from 2012",
                (
                    "the start '2012' is a year, which does not say when the first "
                    "occurrence is; give the month or day of the first occurrence (as "
                    "'Monthly from April 2012' or 'Monthly from 3rd April 2012')"
                ),
            ),
            (
                "Quarterly from Q1 2012/13",
                (
                    "the start 'Q1 2012/13' is a quarter, which does not say when the first "
                    "occurrence is; give the month or day of the first occurrence (as "
                    "'Quarterly from April 2012' or 'Quarterly from 3rd April 2012')"
                ),
            ),
            (
                "Monthly from April 2012 to March 2013",
                (
                    "the start 'April 2012 to March 2013' is a period, not a first "
                    "occurrence, and a recurrence has no end date; give the month or day "
                    "of the first occurrence (as 'Monthly from April 2012' or 'Monthly from "
                    "3rd April 2012'), and give an end as a target of its own"
                ),
            ),
            (
                "Monthly from April 2012?",
                (
                    "the start 'April 2012?' is marked uncertain ('?'), which a recurrence "
                    "cannot carry; once it is known give the month or day of the first "
                    "occurrence (as 'Monthly from April 2012' or 'Monthly from 3rd April "
                    "2012'), or give the start as a target of its own ('April 2012?')"
                ),
            ),
            (
                "Monthly from April 2012 then at AGM",
                (
                    "the words 'then at AGM' around the start have no place in a "
                    "recurrence; give the month or day of the first occurrence (as "
                    "'Monthly from April 2012' or 'Monthly from 3rd April 2012'), and give "
                    "the rest as a note of the action"
                ),
            ),
            (
                "Monthly from Mid April 2012",
                (
                    "the start 'Mid April 2012' is a part of month, which does not say when "
                    "the first occurrence is; give the month or day of the first occurrence "
                    "(as 'Monthly from April 2012' or 'Monthly from 3rd April 2012')"
                ),
            ),
            (
                "Monthly from April",
                (
                    "the start 'April': no year given (engagekit never assumes the current "
                    "year); give the month or day of the first occurrence (as 'Monthly from "
                    "April 2012' or 'Monthly from 3rd April 2012')"
                ),
            ),
        ],
    )
    def test_refused_saying_how_to_write_it(self, text: str, reason: str) -> None:
        """Recurrence.parse and parse_target refuse it with the recurrence's reason;
        neither falls back to a date labelled with the recurrence."""
        message = f"cannot read {text!r}: {reason}"
        with pytest.raises(ParseError, match=f"^{re.escape(message)}$"):
            Recurrence.parse(text)
        with pytest.raises(ParseError, match=f"^{re.escape(message)}$"):
            parse_target(text)

    @pytest.mark.parametrize(
        ("text", "words"),
        [
            ("Monthly until March 2013", "Monthly"),
            ("Quarterly by March 2013", "Quarterly"),
            ("From April 2012 monthly", "monthly"),
            ("Monthly after April 2012", "Monthly"),
            ("Bi-annual Dec 2011", "Bi-annual"),
        ],
    )
    def test_a_recurrence_around_a_date_is_not_a_label(self, text: str, words: str) -> None:
        """A date with a recurrence for its label or note would fall due once."""
        message = (
            f"cannot read {text!r}: {words!r} is a recurrence, not part of a date; write a "
            f"recurrence with its start as '{words} from April 2012' (the month or day of "
            "its first occurrence); a recurrence has no end, so give any other date as a "
            "target of its own"
        )
        with pytest.raises(ParseError, match=f"^{re.escape(message)}$"):
            parse_target(text)
        with pytest.raises(ParseError, match=f"^{re.escape(message)}$"):
            TargetDate.parse(text)

    def test_target_date_points_to_the_recurrence_reader(self) -> None:
        """TargetDate.parse, which reads dates only, refuses a recurrence from a start."""
        with pytest.raises(ParseError) as info:
            TargetDate.parse("Monthly from April 2012")
        assert str(info.value) == (
            "cannot read 'Monthly from April 2012': 'Monthly' is a recurrence, not part of "
            "a date; read it with Recurrence.parse or parse_target, which anchor it at "
            "that start"
        )

    def test_labels_that_are_not_recurrences_are_kept(self) -> None:
        """Only a label that is a recurrence as a whole is refused."""
        assert TargetDate.parse("Annual report March 2012").label == "Annual report"
        assert TargetDate.parse("On-going from 2012").start == D(2012, 1, 1)
        assert TargetDate.parse("From Jan 1st 2012").end is None


class TestReaders:
    def test_plan_rows(self) -> None:
        """A plan file's target cell is read as the recurrence from its start."""
        plan = plan_from_dict(
            {
                "title": "Plan",
                "objective": [{"id": "6", "title": "Accountability"}],
                "action": [{"id": "6.3a", "objective": "6", "target": "Quarterly from April 2012"}],
            }
        )
        target = plan.action("6.3a").target
        assert isinstance(target, Recurrence)
        assert (target.interval, target.anchor) == (3, D(2012, 4, 1))

    def test_plan_rows_report_a_start_that_cannot_be_read(self) -> None:
        with pytest.raises(DocumentError) as info:
            plan_from_dict(
                {
                    "title": "Plan",
                    "objective": [{"id": "6", "title": "Accountability"}],
                    "action": [{"id": "6.3a", "objective": "6", "target": "Monthly from 2012"}],
                }
            )
        [problem] = info.value.problems
        assert (problem.path, problem.value) == ("$.action[0].target", "Monthly from 2012")
        assert "the start '2012' is a year" in problem.message

    def test_io_round_trip_keeps_the_anchor(self) -> None:
        action = Action(id="1a", target=parse_target("Monthly from April 2012"))
        again = io.loads(io.dumps(action), Action)
        assert again == action
        assert io.from_dict({"id": "1a", "target": "Monthly from April 2012"}, Action) == action


class TestOngoingAfterADate:
    @pytest.mark.parametrize(
        "text",
        ["Dec 2011 ongoing", "Dec 2011 on-going", "Dec 2011 - ongoing", "Dec 2011 continuing"],
    )
    def test_begun_then_and_continuing(self, text: str) -> None:
        """Somerset writes "On-going" for work with no end; after a month it says the
        work began then and goes on: the end is open, as in 'On-going from Dec 2011'."""
        target = TargetDate.parse(text)
        assert (target.start, target.end, target.note) == (D(2011, 12, 1), None, None)
        assert target.due == TargetDate.parse("On-going from Dec 2011").due
        assert target.text == text

    def test_it_was_a_december_deadline(self) -> None:
        """The bug: 'ongoing' was a note and the target fell due on 31 December 2011,
        so work under way read as overdue from January."""
        action = Action(id="2.1a", target=TargetDate.parse("Dec 2011 ongoing"))
        assert action.due == D(2011, 12, 1)
        assert action.is_overdue("2012-01-15")  # not started: an open end asks for a start
        assert TargetDate.parse("Dec 2011 ongoing").contains("2013-06-01")

    def test_other_words_after_it_stay_a_note(self) -> None:
        target = TargetDate.parse("Dec 2011 ongoing, reviewed at AGM")
        assert (target.end, target.note) == (None, "reviewed at AGM")


class TestTheStartIsShown:
    """The text view read "'Monthly from April 2012': every month (12 a year)", and a
    start passed apart showed nowhere: only the phrase gave it."""

    def test_the_text_view_gives_the_first_day(self) -> None:
        from engagekit import render

        monthly = Recurrence.parse("Monthly from April 2012")
        assert render.text(monthly) == (
            "'Monthly from April 2012': every month, starting 2012-04-01 (12 a year)"
        )
        assert render.markdown(monthly) == render.text(monthly)
        assert render.html(monthly) == (
            '<span class="engagekit">&#x27;Monthly from April 2012&#x27;: every month, '
            "starting 2012-04-01 (12 a year)</span>"
        )
        staggered = Recurrence.parse(
            "two in each locality per year", bodies=["north", "south"], anchor=D(2015, 4, 1)
        )
        assert render.text(staggered) == (
            "'two in each locality per year': every 6 months for each of north, south, "
            "starting 2015-04-01 (4 a year)"
        )

    def test_str_gives_a_start_the_phrase_does_not(self) -> None:
        assert str(Recurrence.parse("Monthly from April 2012")) == "Monthly from April 2012"
        assert str(Recurrence.parse("Quarterly", anchor=D(2012, 4, 3))) == (
            "Quarterly (starting 2012-04-03)"
        )

    def test_a_recurrence_without_a_start_reads_as_before(self) -> None:
        from engagekit import render

        quarterly = Recurrence.parse("Quarterly")
        assert str(quarterly) == "Quarterly"
        assert render.text(quarterly) == "'Quarterly': every 3 months (4 a year)"
