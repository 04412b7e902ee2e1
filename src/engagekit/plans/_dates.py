"""Target dates as people write them in action plans and timelines (private).

The grammar is small and explicit. A phrase holds exactly one date expression; words
before it are kept as its ``label`` ("First edition"), words after it as its
``note`` ("then at AGM"), unless they are a recurrence ("Monthly"), which is
refused; "From …" (or "On-going from …") opens the end of the window, as
"… onwards" or "… ongoing" after it does; "By …" opens its start; "On-going"
with no date is a window with neither end; a "?" anywhere marks the date as
uncertain.
Nothing is ever filled in from today's date: a day or month without a year is a
`ParseError`.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from typing import Any, NamedTuple

import attrs

from engagekit import _display, _lazy, _validate, _value
from engagekit.choices import Choice
from engagekit.errors import InvalidTypeError, InvalidValueError, ParseError


class Precision(Choice):
    """How precisely a target date was written.

    Examples:
        >>> TargetDate.parse("End of May 2011").precision
        <Precision.PART_OF_MONTH: 'part-of-month'>
    """

    DAY = "day"
    PART_OF_MONTH = "part-of-month"
    MONTH = "month"
    MONTHS = "months"
    QUARTER = "quarter"
    YEAR = "year"
    YEARS = "years"
    FINANCIAL_YEAR = "financial-year"
    ONGOING = "ongoing"


class YearStyle(Choice):
    """How to read two consecutive years such as "2011 - 2012".

    ``FINANCIAL`` (the default) reads them as the NHS financial year 2011/12,
    1 April 2011 to 31 March 2012; ``CALENDAR`` as the two calendar years,
    1 January 2011 to 31 December 2012. Years further apart ("2015 - 2019") are
    always calendar years.

    Examples:
        >>> TargetDate.parse("2011 - 2012").end
        datetime.date(2012, 3, 31)
        >>> TargetDate.parse("2011 - 2012", years=YearStyle.CALENDAR).end
        datetime.date(2012, 12, 31)
    """

    FINANCIAL = "financial"
    CALENDAR = "calendar"


_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3,
    "apr": 4, "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7,
    "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9, "oct": 10,
    "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}  # fmt: skip
_M = r"(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_D = r"\d{1,2}(?:st|nd|rd|th)?"
_Y = r"\d{4}"
_SEP = r"\s*(?:/|-|to|and|&)\s*"
_PART = r"early|beginning\s+of|start\s+of|mid|middle\s+of|end\s+of|end|late"

# Each pattern is tried; the leftmost match wins, then the longest.
_PATTERN_TEXTS: tuple[tuple[str, str], ...] = (
    ("iso", rf"\b(?P<y>{_Y})-(?P<m>\d{{2}})-(?P<d>\d{{2}})\b"),
    ("dmy-numeric", rf"\b(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})/(?P<y>{_Y})\b"),
    ("day-month", rf"\b(?P<d>{_D})\s+(?:of\s+)?(?P<m>{_M})\s*,?\s*(?P<y>{_Y})\b"),
    ("month-day", rf"\b(?P<m>{_M})\s+(?P<d>{_D})\s*,?\s*(?P<y>{_Y})\b"),
    ("part", rf"\b(?P<part>{_PART})\s+(?P<m>{_M})\s*,?\s*(?P<y>{_Y})\b"),
    ("months-years", rf"\b(?P<m1>{_M})\s*(?P<y1>{_Y}){_SEP}(?P<m2>{_M})\s*(?P<y2>{_Y})\b"),
    ("months", rf"\b(?P<m1>{_M}){_SEP}(?P<m2>{_M})\s*,?\s*(?P<y>{_Y})\b"),
    ("month", rf"\b(?P<m>{_M})\s*,?\s*(?P<y>{_Y})\b"),
    ("fy-quarter", rf"\bq(?P<q>[1-4])\s+(?P<y>{_Y})\s*/\s*(?P<y2>\d{{2}}|\d{{4}})\b"),
    ("quarter", rf"\bq(?P<q>[1-4])\s+(?P<y>{_Y})\b"),
    (
        "fy",
        rf"\b(?:(?:financial|fiscal)\s+year\s+)?(?P<y>{_Y})\s*/\s*(?P<y2>\d{{2}}|\d{{4}})\b",
    ),
    ("years", rf"\b(?P<y>{_Y})\s*(?:-|to)\s*(?P<y2>{_Y})\b"),
    ("year", rf"\b(?P<y>{_Y})\b"),
    ("ongoing", r"\b(?:on\s*-?\s*going|continuous(?:ly)?|current)\b"),
)


_PART_OF_YEAR = re.compile(
    r"(?:^|\s)(spring|summer|autumn|fall|winter|early|beginning\s+of|start\s+of|mid|"
    r"middle\s+of|h[12]|(?:first|second|1st|2nd)\s+half(?:\s+of)?)[\s-]*$",
    re.IGNORECASE,
)
"""A part of a year written before it ("Spring 2012", "Mid 2012", "H1 2012")."""
_WHOLE_YEARS = frozenset({Precision.YEAR, Precision.YEARS, Precision.FINANCIAL_YEAR})

_ONWARDS = re.compile(
    r"(?:[-–,:]\s*)?(?:and\s+)?(?:onwards?|on\s*-?\s*going|continuing|continuous(?:ly)?)\b\s*",
    re.IGNORECASE,
)
"""After the date, "onwards" opens the end of the window as "From" before it does;
so does "ongoing" ("Dec 2011 ongoing": begun in December 2011 and continuing, as
"On-going from Dec 2011" reads)."""


class _Compiled(NamedTuple):
    patterns: tuple[tuple[str, re.Pattern[str]], ...]
    open_end: re.Pattern[str]
    open_start: re.Pattern[str]
    date_word: re.Pattern[str]


@functools.cache
def _compiled() -> _Compiled:
    """The patterns, compiled with the first phrase read: compiling them is most of
    what importing this module cost, and a plan whose targets are all recurrences
    ("quarterly") reads no target date."""
    return _Compiled(
        patterns=tuple((name, re.compile(text, re.IGNORECASE)) for name, text in _PATTERN_TEXTS),
        open_end=re.compile(
            r"(?:^|\s)(?:(?:on\s*-?\s*going|continuing|continuous(?:ly)?)\s+)?"
            r"(?:from|starting|starting\s+from|commencing|after)\s*$",
            re.IGNORECASE,
        ),
        open_start=re.compile(
            r"(?:^|\s)(?:by|before|no\s+later\s+than|until|till)\s*$", re.IGNORECASE
        ),
        date_word=re.compile(rf"\b(?:{_M}|\d{{1,4}})\b", re.IGNORECASE),
    )


def _month(name: str) -> int:
    return _MONTHS[name.lower().rstrip(".")]


def _day(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def _last(year: int, month: int) -> int:
    # `calendar.monthrange(year, month)[1]`, without importing calendar (and locale).
    if month == 12:
        return 31
    return (dt.date(year, month + 1, 1) - dt.date(year, month, 1)).days


def _second_year(first: int, text: str) -> int:
    if len(text) == 4:
        return int(text)
    second = first // 100 * 100 + int(text)
    return second + 100 if second < first else second  # "1999/00" ends in 2000


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class TargetDate:
    """A target date as written, read into a window of dates.

    Its ``repr`` is one line: the phrase, the window it was read into and its
    precision, then whether it is uncertain and its label and note, where it has
    them.

    Attributes:
        text: the phrase exactly as written in the source.
        start: the first day the phrase can mean, or ``None`` if it is open at the
            start ("By March 2012", "On-going").
        end: the last day the phrase can mean, or ``None`` if it is open at the end
            ("From Jan 1st 2012", "On-going").
        precision: how precisely the date was written.
        uncertain: ``True`` when the phrase carries a "?" ("From April 2012?").
        label: words written before the date ("First edition"), if any.
        note: words written after the date ("then at AGM"), if any.

    Examples:
        >>> t = TargetDate.parse("Early May 2011")
        >>> t.start, t.end
        (datetime.date(2011, 5, 1), datetime.date(2011, 5, 10))
        >>> TargetDate.parse("From April 2012?").uncertain
        True
        >>> t, TargetDate.parse("From April 2012?")  # doctest: +NORMALIZE_WHITESPACE
        (<TargetDate 'Early May 2011' 2011-05-01 to 2011-05-10 (part-of-month)>,
         <TargetDate 'From April 2012?' from 2012-04-01 (month), uncertain=True>)
    """

    text: str = attrs.field(validator=_validate.text)
    start: dt.date | None = attrs.field(default=None, validator=_validate.optional_date)
    end: dt.date | None = attrs.field(default=None, validator=_validate.optional_date)
    precision: Precision = attrs.field(converter=Precision)
    uncertain: bool = attrs.field(default=False, validator=_validate.flag)
    label: str | None = attrs.field(default=None, validator=_validate.optional_text)
    note: str | None = attrs.field(default=None, validator=_validate.optional_text)

    def __repr__(self) -> str:
        start, end = self.start, self.end
        if start is not None and end is not None:
            window = start.isoformat() if start == end else f"{start} to {end}"
        elif start is not None:
            window = f"from {start}"
        else:
            window = "open" if end is None else f"by {end}"
        extra = _display.non_defaults(self, skip=("text", "start", "end", "precision"))
        head = f"TargetDate {_display.quoted(self.text)} {window} ({self.precision.value})"
        return f"<{', '.join([head, *extra])}>"

    @end.validator
    def _end_after_start(self, attribute: attrs.Attribute[Any], value: dt.date | None) -> None:
        if value is not None and self.start is not None and value < self.start:
            raise InvalidValueError(
                "TargetDate.end", value, reason=f"is before the start {self.start.isoformat()}"
            )

    @classmethod
    def parse(cls, text: str, *, years: YearStyle | str = YearStyle.FINANCIAL) -> TargetDate:
        """Read a target-date phrase.

        Args:
            text: the phrase, e.g. ``"End of May 2011"``, ``"Nov/Dec 2011"``,
                ``"From Jan 1st 2012"``, ``"2011 - 2012"``, ``"On-going"``.
            years: how to read two consecutive years (a `YearStyle` or its text,
                ``"financial"`` or ``"calendar"``).

        Raises:
            ParseError: quoting the text, when it holds no date, a date without a
                year (engagekit never assumes the current year), two dates, or a
                part of a year ("Spring 2012", "Mid 2012", "H1 2012": engagekit does
                not guess which months they mean), or a recurrence around the date
                ("Monthly from April 2012" is a recurrence: see `Recurrence.parse`).

        Examples:
            >>> TargetDate.parse("Nov/Dec 2011").start
            datetime.date(2011, 11, 1)
            >>> TargetDate.parse("Dec 5th event")  # doctest: +ELLIPSIS
            Traceback (most recent call last):
            ...
            engagekit.errors.ParseError: cannot read 'Dec 5th event': no year given ...
        """
        raw: object = text
        if not isinstance(raw, str):
            raise InvalidTypeError("text", raw, expected="a phrase (text)")
        if not raw.strip():
            raise ParseError(raw, reason="no date given")
        style = YearStyle.parse(years, field="years")
        clean = re.sub(r"[\u2010-\u2015\u2212]", "-", text)
        uncertain = "?" in clean
        clean = " ".join(clean.replace("?", " ").split())
        compiled = _compiled()
        best: tuple[str, re.Match[str]] | None = None
        for name, pattern in compiled.patterns:
            found = pattern.search(clean)
            if found is None:
                continue
            if name == "ongoing" and best is not None:
                break  # a date given wins: "On-going from 2012" is "From 2012"
            if (
                best is None
                or found.start() < best[1].start()
                or (found.start() == best[1].start() and found.end() > best[1].end())
            ):
                best = (name, found)
        if best is None:
            reason = "no year given (engagekit never assumes the current year)"
            if not compiled.date_word.search(clean):
                reason = "no date found"
            raise ParseError(text, reason=reason)
        name, found = best
        before = clean[: found.start()].strip()
        after = clean[found.end() :].strip()
        if compiled.date_word.search(after) or compiled.date_word.search(before):
            raise ParseError(text, reason="more than one date; give each its own target")
        quarter = re.search(r"\bq(\d+)\Z", before, re.IGNORECASE)
        if quarter is not None:  # "Q5 2011": a quarter mistyped, not a label for the year
            raise ParseError(text, reason=f"{quarter.group()!r} is not a quarter (Q1 to Q4)")
        start, end, precision = _window(name, found, text, style)
        if precision in _WHOLE_YEARS and (part := _PART_OF_YEAR.search(before)) is not None:
            raise ParseError(
                text,
                reason=f"{part.group(1)!r} is part of a year, which engagekit does not guess: "
                "give the months (as 'Apr/May 2012') or the quarter (as 'Q1 2012/13')",
            )
        if (onwards := _ONWARDS.match(after)) is not None:  # "April 2012 onwards"
            after = after[onwards.end() :].strip()
            end = None
        if (bound := compiled.open_end.search(before)) is not None:
            before = before[: bound.start()].strip()
            end = None
        elif (bound := compiled.open_start.search(before)) is not None:
            before = before[: bound.start()].strip()
            start = None
        label = before.rstrip(" -:–,") or None
        note = after.lstrip(" -:–,") or None
        _refuse_recurrence(text, label, note)
        return cls(
            text=text,
            start=start,
            end=end,
            precision=precision,
            uncertain=uncertain,
            label=label,
            note=note,
        )

    @property
    def open_start(self) -> bool:
        """Whether the window has no first day."""
        return self.start is None

    @property
    def open_end(self) -> bool:
        """Whether the window has no last day."""
        return self.end is None

    def contains(self, date: dt.date | str) -> bool:
        """Whether ``date`` (a date or ``YYYY-MM-DD``) lies in the window (open ends
        contain everything that way).

        Examples:
            >>> TargetDate.parse("May / June 2011").contains(dt.date(2011, 6, 30))
            True
            >>> TargetDate.parse("May / June 2011").contains("2011-07-01")
            False
        """
        day = _validate.as_date("date", date)
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    @property
    def due(self) -> dt.date | None:
        """The date by which the target should be met.

        The end of the window; for a window open at the end ("From Jan 1st 2012")
        its start, by which the action should have begun; ``None`` when on-going.

        Examples:
            >>> TargetDate.parse("From Jan 1st 2012").due
            datetime.date(2012, 1, 1)
        """
        return self.end if self.end is not None else self.start

    def __str__(self) -> str:
        return self.text

    def describe(self) -> str:
        """How the phrase was read, in words.

        Examples:
            >>> TargetDate.parse("End of May 2011").describe()
            "'End of May 2011': 2011-05-21 to 2011-05-31 (part-of-month)"
        """
        start = self.start.isoformat() if self.start else "open start"
        end = self.end.isoformat() if self.end else "open end"
        span = start if self.start is not None and self.start == self.end else f"{start} to {end}"
        extra = [self.precision.value]
        if self.uncertain:
            extra.append("uncertain")
        if self.label:
            extra.append(f"label {self.label!r}")
        if self.note:
            extra.append(f"note {self.note!r}")
        return f"{self.text!r}: {span} ({', '.join(extra)})"

    def _repr_html_(self) -> str:
        return _display.html(self)


def _refuse_recurrence(text: str, label: str | None, note: str | None) -> None:
    """Refuse a recurrence written around a date ("Monthly from April 2012", "Monthly
    until March 2013"): read as a date labelled "Monthly", it would fall due once."""
    from engagekit.plans._recurrence import _is_phrase, _starts_with_recurrence

    for words in (label, note):
        if words is None or not _is_phrase(words):
            continue
        if words == label and _starts_with_recurrence(text):
            how = "read it with Recurrence.parse or parse_target, which anchor it at that start"
        else:
            how = (
                f"write a recurrence with its start as '{words} from April 2012' (the "
                "month or day of its first occurrence); a recurrence has no end, so give "
                "any other date as a target of its own"
            )
        raise ParseError(text, reason=f"{words!r} is a recurrence, not part of a date; {how}")


def _date(text: str, year: int, month: int, day: int) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError as exc:
        raise ParseError(text, reason=f"not a real date ({exc})") from None


def _window(
    name: str, found: re.Match[str], text: str, years: YearStyle
) -> tuple[dt.date | None, dt.date | None, Precision]:
    g = found.groupdict()
    if name in {"iso", "dmy-numeric"}:
        day = _date(text, int(g["y"]), int(g["m"]), int(g["d"]))
        return day, day, Precision.DAY
    if name in {"day-month", "month-day"}:
        day = _date(text, int(g["y"]), _month(g["m"]), _day(g["d"]))
        return day, day, Precision.DAY
    if name == "part":
        year, month = int(g["y"]), _month(g["m"])
        part = " ".join(g["part"].lower().split())
        if part in {"early", "beginning of", "start of"}:
            first, last = 1, 10
        elif part in {"mid", "middle of"}:
            first, last = 11, 20
        else:
            first, last = 21, _last(year, month)
        return dt.date(year, month, first), dt.date(year, month, last), Precision.PART_OF_MONTH
    if name == "months-years":
        y1, m1, y2, m2 = int(g["y1"]), _month(g["m1"]), int(g["y2"]), _month(g["m2"])
        opening, closing = dt.date(y1, m1, 1), dt.date(y2, m2, _last(y2, m2))
        if closing < opening:
            raise ParseError(text, reason="the second month is before the first")
        return opening, closing, Precision.MONTHS
    if name == "months":
        year, m1, m2 = int(g["y"]), _month(g["m1"]), _month(g["m2"])
        y1 = year - 1 if m2 < m1 else year  # "Dec/Jan 2012" runs from December 2011
        return dt.date(y1, m1, 1), dt.date(year, m2, _last(year, m2)), Precision.MONTHS
    if name == "month":
        year, month = int(g["y"]), _month(g["m"])
        return dt.date(year, month, 1), dt.date(year, month, _last(year, month)), Precision.MONTH
    if name == "quarter":
        year, q = int(g["y"]), int(g["q"])
        first_month = 3 * (q - 1) + 1
        last_month = first_month + 2
        return (
            dt.date(year, first_month, 1),
            dt.date(year, last_month, _last(year, last_month)),
            Precision.QUARTER,
        )
    if name == "fy-quarter":
        year, q = int(g["y"]), int(g["q"])
        _check_consecutive(text, year, _second_year(year, g["y2"]))
        months = 3 + 3 * (q - 1)  # the financial year starts in April (month index 3)
        start_month = months % 12 + 1
        start_year = year + months // 12
        end_month = (start_month + 1) % 12 + 1
        end_year = start_year + (1 if end_month < start_month else 0)
        return (
            dt.date(start_year, start_month, 1),
            dt.date(end_year, end_month, _last(end_year, end_month)),
            Precision.QUARTER,
        )
    if name == "fy":
        year = int(g["y"])
        _check_consecutive(text, year, _second_year(year, g["y2"]))
        return dt.date(year, 4, 1), dt.date(year + 1, 3, 31), Precision.FINANCIAL_YEAR
    if name == "years":
        first_year, last_year = int(g["y"]), int(g["y2"])
        if last_year < first_year:
            raise ParseError(text, reason="the second year is before the first")
        if last_year == first_year + 1 and years is YearStyle.FINANCIAL:
            return dt.date(first_year, 4, 1), dt.date(last_year, 3, 31), Precision.FINANCIAL_YEAR
        return dt.date(first_year, 1, 1), dt.date(last_year, 12, 31), Precision.YEARS
    if name == "year":
        year = int(g["y"])
        return dt.date(year, 1, 1), dt.date(year, 12, 31), Precision.YEAR
    return None, None, Precision.ONGOING


def _check_consecutive(text: str, first: int, second: int) -> None:
    if second != first + 1:
        raise ParseError(text, reason="a financial year runs over two consecutive years")


# engagekit.io reads these types through hooks of their own (see engagekit._lazy).
_lazy.io_hooks(__name__)
