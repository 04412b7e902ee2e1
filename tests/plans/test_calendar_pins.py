"""Bank holidays and iCalendar files as written (mutation testing's survivors in
plans/_calendar.py).

The meetings are Sutton's locality meetings (Carshalton, Wallington, Sutton and Cheam)
over the financial year 2018/19; the bank holidays are those of England and Wales.
"""

from __future__ import annotations

import datetime as dt
import sys

import pytest

from engagekit.errors import InvalidTypeError, InvalidValueError, MissingExtraError
from engagekit.plans import Recurrence, bank_holidays, to_ical


D = dt.date
FY18 = (D(2018, 4, 1), D(2019, 3, 31))
HOLIDAYS_2018 = (
    D(2018, 1, 1),  # New Year's Day
    D(2018, 3, 30),  # Good Friday
    D(2018, 4, 2),  # Easter Monday
    D(2018, 5, 7),  # Early May bank holiday
    D(2018, 5, 28),  # Spring bank holiday
    D(2018, 8, 27),  # Summer bank holiday
    D(2018, 12, 25),
    D(2018, 12, 26),
)
HOLIDAYS_2019 = (
    D(2019, 1, 1),
    D(2019, 4, 19),
    D(2019, 4, 22),
    D(2019, 5, 6),
    D(2019, 5, 27),
    D(2019, 8, 26),
    D(2019, 12, 25),
    D(2019, 12, 26),
)


def _ical(lines: list[str]) -> bytes:
    """An iCalendar file's bytes from its lines (RFC 5545 ends each with CRLF)."""
    return "".join(line + "\r\n" for line in lines).encode()


def _event(day: str, summary: str, uid: str, *, location: str | None = None) -> list[str]:
    start = dt.date.fromisoformat(day)
    return [
        "BEGIN:VEVENT",
        f"SUMMARY:{summary}",
        f"DTSTART;VALUE=DATE:{start:%Y%m%d}",
        f"DTEND;VALUE=DATE:{start + dt.timedelta(days=1):%Y%m%d}",
        "DTSTAMP:20180401T000000Z",
        f"UID:{uid}@engagekit",
        *([f"LOCATION:{location}"] if location else []),
        "END:VEVENT",
    ]


HEAD = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//engagekit//meeting series//EN"]
TAIL = ["END:VCALENDAR"]


class TestBankHolidays:
    def test_one_year(self) -> None:
        """The eight bank holidays of England and Wales in 2018, in date order."""
        pytest.importorskip("holidays")
        assert bank_holidays(2018) == HOLIDAYS_2018

    def test_two_years_inclusive(self) -> None:
        """From the start year to the end year, both included and no other."""
        pytest.importorskip("holidays")
        assert bank_holidays(2018, 2019) == HOLIDAYS_2018 + HOLIDAYS_2019
        assert bank_holidays(2019, 2019) == HOLIDAYS_2019

    @pytest.mark.parametrize(
        ("args", "error", "message"),
        [
            (("2018",), InvalidTypeError, "start_year: got str '2018'; expected a whole number"),
            ((2018, "2019"), InvalidTypeError, "end_year: got str '2019'; expected a whole number"),
            (
                (2019, 2018),
                InvalidValueError,
                "end_year: 2018 is not allowed: is before start_year 2019",
            ),
        ],
    )
    def test_bad_years(
        self, args: tuple[object, ...], error: type[Exception], message: str
    ) -> None:
        with pytest.raises(error) as info:
            bank_holidays(*args)  # type: ignore[arg-type]
        assert str(info.value) == message

    def test_without_the_holidays_package(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Without ``holidays`` the error names the function, the package and the extra."""
        monkeypatch.setitem(sys.modules, "holidays", None)
        with pytest.raises(MissingExtraError) as info:
            bank_holidays(2018)
        assert str(info.value) == (
            "bank_holidays needs the optional package 'holidays': pip install 'engagekit[calendar]'"
        )
        assert (info.value.feature, info.value.name, info.value.extra) == (
            "bank_holidays",
            "holidays",
            "calendar",
        )


class TestToIcal:
    def test_locality_meetings_without_bank_holidays(self) -> None:
        """Twice a year in each of two localities, the meeting on a bank holiday (New Year's
        Day 2019) left out: each event names its locality, in its summary and its id, and
        lasts the one day; the time stamp is the first day, midnight UTC."""
        pytest.importorskip("icalendar")
        pytest.importorskip("holidays")
        rule = Recurrence.parse("bi-annual", bodies=["Carshalton", "Sutton and Cheam"])
        data = to_ical(
            rule,
            *FY18,
            summary="Locality Meetings",
            location="Sutton",
            exclude=bank_holidays(2018, 2019),
        )
        assert data == _ical(
            [
                *HEAD,
                *_event(
                    "2018-04-01",
                    "Locality Meetings (Carshalton)",
                    "2018-04-01-locality-meetings-carshalton",
                    location="Sutton",
                ),
                *_event(
                    "2018-07-01",
                    "Locality Meetings (Sutton and Cheam)",
                    "2018-07-01-locality-meetings-sutton-and-cheam",
                    location="Sutton",
                ),
                *_event(
                    "2018-10-01",
                    "Locality Meetings (Carshalton)",
                    "2018-10-01-locality-meetings-carshalton",
                    location="Sutton",
                ),
                *TAIL,
            ]
        )

    def test_a_series_without_bodies_or_location(self) -> None:
        """Without bodies the summary is the one given and the id has no body part;
        without a location there is no LOCATION line; text given for dates is read."""
        pytest.importorskip("icalendar")
        data = to_ical(Recurrence.parse("annually"), "2018-04-01", "2019-03-31", summary="AGM")
        assert data == _ical([*HEAD, *_event("2018-04-01", "AGM", "2018-04-01-agm"), *TAIL])

    def test_ids_are_lower_case_words_joined_by_single_hyphens(self) -> None:
        """Runs of anything but ASCII letters and digits become one hyphen, and none is
        left at either end, in the summary's part of the id and in the body's."""
        pytest.importorskip("icalendar")
        rule = Recurrence.parse("annually", bodies=["(Sutton and Cheam)"])
        data = to_ical(rule, *FY18, summary="Patient Participation Group (PPG)")
        uid = "2018-04-01-patient-participation-group-ppg-sutton-and-cheam"
        summary = "Patient Participation Group (PPG) ((Sutton and Cheam))"
        assert data == _ical([*HEAD, *_event("2018-04-01", summary, uid), *TAIL])

    def test_a_summary_without_letters_or_digits_gives_meeting_in_the_id(self) -> None:
        pytest.importorskip("icalendar")
        data = to_ical(Recurrence.parse("annually"), *FY18, summary="***")
        assert b"UID:2018-04-01-meeting@engagekit\r\n" in data
        assert b"SUMMARY:***\r\n" in data

    @pytest.mark.parametrize(
        ("kwargs", "error", "message"),
        [
            (
                {"recurrence": "annually"},
                InvalidTypeError,
                "recurrence: got str 'annually'; expected a Recurrence",
            ),
            ({"summary": "  "}, InvalidTypeError, "summary: got str '  '; expected non-empty text"),
            ({"summary": 5}, InvalidTypeError, "summary: got int 5; expected non-empty text"),
            (
                {"start": "1 April 2018"},
                InvalidValueError,
                "start: '1 April 2018' is not allowed: must be a date, YYYY-MM-DD",
            ),
            (
                {"end": "31/03/2019"},
                InvalidValueError,
                "end: '31/03/2019' is not allowed: must be a date, YYYY-MM-DD",
            ),
        ],
    )
    def test_bad_input(
        self, kwargs: dict[str, object], error: type[Exception], message: str
    ) -> None:
        arguments: dict[str, object] = {
            "recurrence": Recurrence.parse("annually"),
            "start": FY18[0],
            "end": FY18[1],
            "summary": "AGM",
        }
        arguments.update(kwargs)
        with pytest.raises(error) as info:
            to_ical(**arguments)  # type: ignore[arg-type]
        assert str(info.value) == message

    def test_without_the_icalendar_package(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Without ``icalendar`` the error names the function, the package and the extra."""
        monkeypatch.setitem(sys.modules, "icalendar", None)
        with pytest.raises(MissingExtraError) as info:
            to_ical(Recurrence.parse("annually"), *FY18, summary="AGM")
        assert str(info.value) == (
            "to_ical needs the optional package 'icalendar': pip install 'engagekit[calendar]'"
        )
        assert (info.value.feature, info.value.name, info.value.extra) == (
            "to_ical",
            "icalendar",
            "calendar",
        )
