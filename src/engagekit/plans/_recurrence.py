"""Recurring commitments ("quarterly", "six times a year") as dateutil rules (private)."""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

import attrs

from engagekit import _display, _lazy, _validate, _value
from engagekit.choices import Choice
from engagekit.errors import InvalidTypeError, InvalidValueError, ParseError


if TYPE_CHECKING:
    from dateutil.rrule import rruleset

    from engagekit.escalation import EscalationNetwork


class Frequency(Choice):
    """The unit a recurrence counts in (dateutil's ``YEARLY``, ``MONTHLY``, ``WEEKLY``)."""

    YEARLY = "yearly"
    MONTHLY = "monthly"
    WEEKLY = "weekly"


_WORDS = {
    "one": 1, "once": 1, "two": 2, "twice": 2, "three": 3, "thrice": 3, "four": 4,
    "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
    "twelve": 12,
}  # fmt: skip
_N = r"(?P<n>\d{1,2}|" + "|".join(_WORDS) + r")"

# (pattern, frequency, interval), each matched against the whole phrase.
_FIXED_TEXTS: tuple[tuple[str, Frequency, int], ...] = (
    (r"quarterly|every\s+quarter|each\s+quarter|once\s+a\s+quarter", Frequency.MONTHLY, 3),
    (r"bi-?\s?monthly|every\s+other\s+month", Frequency.MONTHLY, 2),
    (
        r"bi-?\s?annual(?:ly)?|biannual(?:ly)?|half-?\s?yearly|six-?\s?monthly|every\s+six\s+months",
        Frequency.MONTHLY,
        6,
    ),
    (r"annual(?:ly)?|yearly|every\s+year|each\s+year|once\s+a\s+year", Frequency.YEARLY, 1),
    (r"monthly|every\s+month|each\s+month|once\s+a\s+month", Frequency.MONTHLY, 1),
    (r"weekly|every\s+week|each\s+week|once\s+a\s+week", Frequency.WEEKLY, 1),
    (r"fortnightly|every\s+(?:two|2)\s+weeks", Frequency.WEEKLY, 2),
)
_EVERY_TEXT = rf"^every\s+{_N}\s+(?P<unit>weeks|months|years)$"
_TIMES_TEXT = (
    rf"^{_N}(?:\s+times|\s+meetings)?\s+(?:a|per|each)\s+year$|"
    rf"^{_N.replace('n>', 'n2>')}(?:\s+meetings)?\s+in\s+each\s+(?P<each>[a-z ]+?)\s+"
    r"(?:a|per|each)\s+year$"
)

#: "on a quarterly basis" reads as "quarterly".
_BASIS = re.compile(r"^on\s+an?\s+(.+?)\s+basis$", re.IGNORECASE)

_UNITS = ("quarter", "month", "annual", "year", "week", "fortnight")
"""Every recurrence phrase names one of these."""

_DASHES = re.compile(r"[\u2010-\u2015]")

_START_WORDS = r"from|starting(?:\s+from)?|commencing|beginning"
_START_TEXT = rf"^(?P<rule>\S.*?)[\s,;:-]+(?:{_START_WORDS})\s+(?P<start>\S.*)$"
"""A recurrence and the start it runs from: "Monthly from April 2012"."""


class _Compiled(NamedTuple):
    fixed: tuple[tuple[re.Pattern[str], Frequency, int], ...]
    every: re.Pattern[str]
    times: re.Pattern[str]


@functools.cache
def _start_pattern() -> re.Pattern[str]:
    """The pattern that splits off a start, compiled apart from the recurrence patterns
    so that a dated target ("From Jan 1st 2012") is still refused without them."""
    return re.compile(_START_TEXT, re.IGNORECASE)


def _split_start(text: str) -> tuple[str, str] | None:
    """``text`` as the recurrence and the start written after it, if it has a start."""
    spaced = " ".join(_DASHES.sub("-", text).split())
    found = _start_pattern().match(spaced)
    if found is None:
        return None
    return found["rule"], found["start"]


def _clean(text: str) -> str:
    """A recurrence phrase as the patterns read it: dashes, full stops, spaces and
    "on a … basis" made plain."""
    clean = " ".join(_DASHES.sub("-", text).replace(".", " ").split())
    return _BASIS.sub(r"\1", clean)


def _is_phrase(text: str) -> bool:
    """Whether ``text`` is, as a whole, a recurrence phrase ("Monthly", "two in each
    locality per year"), whether or not bodies would be needed to read it."""
    clean = _clean(text)
    if _has_digit_run(clean) or not any(unit in clean.lower() for unit in _UNITS):
        return False  # a label like "First edition" is known not to be one uncompiled
    compiled = _compiled()
    return (
        any(pattern.match(clean) for pattern, _, _ in compiled.fixed)
        or compiled.every.match(clean) is not None
        or compiled.times.match(clean) is not None
    )


def _starts_with_recurrence(text: str) -> bool:
    """Whether ``text`` is a recurrence phrase followed by a start ("Monthly from …"),
    so that what it says is a recurrence, whether or not its start can be read."""
    split = _split_start(text)
    return split is not None and _is_phrase(split[0])


def _anchor_of(text: str, rule: str, start: str) -> dt.date:
    """The first occurrence ``start`` (the words after "from") gives, or a ParseError
    quoting ``text`` that says how to write it.

    A recurrence's anchor is one day, so the start must be a day ("3rd April 2012")
    or a month ("April 2012", anchored at its first day, as a recurrence without
    one starts on the first day of the range asked for). Anything else (a quarter,
    a year, a range with an end, a "?") would be read with a meaning the source did
    not give, so it is refused.
    """
    from engagekit.plans._dates import Precision, TargetDate

    how = (
        "give the month or day of the first occurrence "
        f"(as '{rule} from April 2012' or '{rule} from 3rd April 2012')"
    )
    try:
        when = TargetDate.parse(start)
    except ParseError as exc:
        raise ParseError(text, reason=f"the start {start!r}: {exc.reason}; {how}") from None
    if when.uncertain:
        raise ParseError(
            text,
            reason=f"the start {start!r} is marked uncertain ('?'), which a recurrence "
            f"cannot carry; once it is known {how}, or give the start as a target of "
            f"its own ({start!r})",
        )
    if when.start is None:
        raise ParseError(text, reason=f"the start {start!r} gives no first day; {how}")
    if when.precision in {Precision.MONTHS, Precision.YEARS}:
        raise ParseError(
            text,
            reason=f"the start {start!r} is a period, not a first occurrence, and a "
            f"recurrence has no end date; {how}, and give an end as a target of its own",
        )
    if when.precision not in {Precision.DAY, Precision.MONTH}:
        raise ParseError(
            text,
            reason=f"the start {start!r} is a {when.precision.value.replace('-', ' ')}, "
            f"which does not say when the first occurrence is; {how}",
        )
    extra = [w for w in (when.label, when.note) if w]
    if extra:
        words = " and ".join(repr(w) for w in extra)
        raise ParseError(
            text,
            reason=f"the words {words} around the start have no place in a recurrence; "
            f"{how}, and give the rest as a note of the action",
        )
    return when.start


@functools.cache
def _compiled() -> _Compiled:
    """The patterns, compiled with the first phrase that could be a recurrence."""
    return _Compiled(
        fixed=tuple(
            (re.compile(rf"^(?:{text})$", re.IGNORECASE), freq, interval)
            for text, freq, interval in _FIXED_TEXTS
        ),
        every=re.compile(_EVERY_TEXT, re.IGNORECASE),
        times=re.compile(_TIMES_TEXT, re.IGNORECASE),
    )


_NOT_A_RECURRENCE = "not a recurrence engagekit reads (e.g. 'quarterly')"


def _has_digit_run(text: str) -> bool:
    """Whether ``text`` has three ASCII digits in a row ("2011"): no recurrence pattern
    matches such text (each allows at most two digits, between spaces), so a target
    with a year is known not to be a recurrence without compiling them."""
    run = 0
    for char in text:
        if "0" <= char <= "9":
            run += 1
            if run == 3:
                return True
        else:
            run = 0
    return False


def _number(text: str) -> int:
    return int(text) if text.isdigit() else _WORDS[text.lower()]


@attrs.frozen(kw_only=True)
@_value.shared_methods
class Occurrence:
    """One expected occurrence of a recurrence: a date and, if any, the body that holds it."""

    date: dt.date = attrs.field(validator=_validate.a_date)
    body: str | None = attrs.field(default=None, validator=_validate.optional_text)


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class Recurrence:
    """A recurring commitment as written, read into a ``dateutil.rrule`` rule.

    Its ``repr`` is one line: the phrase, the rule it was read into, and the
    bodies and anchor where it has them.

    Each body in ``bodies`` follows the rule; with several bodies their
    occurrences are staggered evenly across the interval, so "two in each
    locality per year" over six localities gives one meeting a month, each
    locality in turn. Body names are plain string ids (for example the ids of an
    escalation network's bodies); engagekit does not check them.

    Attributes:
        text: the phrase exactly as written.
        frequency: the unit the rule counts in.
        interval: how many units between occurrences for one body.
        bodies: the bodies (localities, boards) that each follow the rule, if any.
        anchor: the date of the first occurrence, if the source gives one
            ("Monthly from April 2012" gives 1 April 2012, the first day of the
            month, as a recurrence without one starts on the first day of the range
            asked for); otherwise occurrences start at the start of the range.

    Examples:
        >>> r = Recurrence.parse("Quarterly")
        >>> r.occurrences(dt.date(2012, 4, 1), dt.date(2013, 3, 31))
        ... # doctest: +NORMALIZE_WHITESPACE
        (datetime.date(2012, 4, 1), datetime.date(2012, 7, 1), datetime.date(2012, 10, 1),
         datetime.date(2013, 1, 1))
        >>> r
        <Recurrence 'Quarterly' monthly every 3>
    """

    text: str = attrs.field(validator=_validate.text)
    frequency: Frequency = attrs.field(converter=Frequency)
    interval: int = attrs.field(converter=_validate.to_int, validator=_validate.whole_at_least(1))
    bodies: tuple[str, ...] = attrs.field(
        default=(), converter=_validate.to_tuple, validator=_validate.each_text
    )
    anchor: dt.date | None = attrs.field(default=None, validator=_validate.optional_date)

    def __repr__(self) -> str:
        head = f"Recurrence {_display.quoted(self.text)} {self.frequency.value}"
        if self.interval != 1:
            head += f" every {self.interval}"
        extra = _display.non_defaults(self, skip=("text", "frequency", "interval"))
        return f"<{', '.join([head, *extra])}>"

    @classmethod
    def parse(
        cls,
        text: str,
        *,
        bodies: Iterable[str] = (),
        anchor: dt.date | None = None,
        network: EscalationNetwork | None = None,
        kind: str | None = None,
    ) -> Recurrence:
        """Read a recurrence phrase.

        Understood: "quarterly", "every three months", "bi-monthly" (every two
        months), "bi-annual"/"bi-annually"/"six monthly" (twice a year, every six
        months), "annually", "monthly", "weekly", "fortnightly", "N times a year"
        (N dividing twelve), "every N weeks/months/years" and "two in each
        locality per year" (which needs the localities: give their ids as
        ``bodies``, or an escalation ``network`` whose bodies of the kind the
        phrase names, or of ``kind``, are used, in id order).

        Any of these may be followed by the start it runs from: "Monthly from
        April 2012" (or "starting", "commencing", "beginning") anchors the rule at
        the first occurrence, the day given or the first day of the month given.
        A start that does not say when the first occurrence is (a quarter, a year,
        a range with an end, "April 2012?") is refused, not guessed.

        Raises:
            ParseError: quoting the text when it is not a recurrence engagekit
                reads, names "each …" with no bodies given, or gives a start that
                is not a day or a month (the message says how to write it).
            InvalidValueError: both ``bodies`` and ``network`` are given, or
                ``anchor`` differs from the start the text gives.
            UnknownNameError: the kind of body is not one engagekit knows.

        Examples:
            >>> Recurrence.parse("six times a year").interval
            2
            >>> r = Recurrence.parse("two in each locality per year", bodies=["north", "south"])
            >>> r.interval, r.bodies
            (6, ('north', 'south'))
            >>> Recurrence.parse("Monthly from April 2012").anchor
            datetime.date(2012, 4, 1)
        """
        raw: object = text
        if not isinstance(raw, str):
            raise InvalidTypeError("text", raw, expected="a phrase (text)")
        if not raw.strip():
            raise ParseError(raw, reason="no recurrence given")
        body_tuple = tuple(bodies)
        clean = _clean(text)
        if (split := _split_start(text)) is not None and _is_phrase(split[0]):
            rule = split[0].rstrip(" ,;:-")
            first = _anchor_of(text, rule, split[1])
            if anchor is not None and anchor != first:
                raise InvalidValueError(
                    "anchor",
                    anchor,
                    reason=f"{text!r} starts on {first.isoformat()}; give the start in "
                    "the text or as anchor, not both",
                )
            anchor = first
            clean = _clean(rule)
        if network is not None:
            if body_tuple:
                raise InvalidValueError(
                    "bodies", body_tuple, reason="give bodies or an escalation network, not both"
                )
            found_each = _compiled().times.match(clean)
            named = kind or (found_each["each"] if found_each and found_each["each"] else None)
            if named is None:
                raise InvalidValueError(
                    "kind",
                    None,
                    reason="say which kind of body in the network each occurrence is for",
                )
            body_tuple = _bodies_of_kind(network, named)
        if _has_digit_run(clean):
            raise ParseError(text, reason=_NOT_A_RECURRENCE)
        compiled = _compiled()
        for pattern, freq, interval in compiled.fixed:
            if pattern.match(clean):
                return cls(
                    text=text, frequency=freq, interval=interval, bodies=body_tuple, anchor=anchor
                )
        if (found := compiled.every.match(clean)) is not None:
            unit = found["unit"].lower()
            freq = {"weeks": Frequency.WEEKLY, "months": Frequency.MONTHLY}.get(
                unit, Frequency.YEARLY
            )
            return cls(
                text=text,
                frequency=freq,
                interval=_number(found["n"]),
                bodies=body_tuple,
                anchor=anchor,
            )
        if (found := compiled.times.match(clean)) is not None:
            count = _number(found["n"] or found["n2"])
            if found["each"] and not body_tuple:
                raise ParseError(
                    text, reason=f"names each {found['each']} but no bodies were given (bodies=)"
                )
            if count < 1 or 12 % count:
                raise ParseError(text, reason="times a year must divide twelve months evenly")
            return cls(
                text=text,
                frequency=Frequency.MONTHLY,
                interval=12 // count,
                bodies=body_tuple,
                anchor=anchor,
            )
        raise ParseError(text, reason=_NOT_A_RECURRENCE)

    @property
    def per_year(self) -> float:
        """How many occurrences a year, for all bodies together.

        Examples:
            >>> Recurrence.parse("two in each locality per year", bodies="abcdef").per_year
            12.0
        """
        units = {Frequency.YEARLY: 1.0, Frequency.MONTHLY: 12.0, Frequency.WEEKLY: 52.0}
        return units[self.frequency] / self.interval * max(1, len(self.bodies))

    def rule(self, start: dt.date | str, *, exclude: Iterable[dt.date] = ()) -> rruleset:
        """The ``dateutil.rrule`` rule set from ``start`` (or the anchor), less ``exclude``.

        Examples:
            >>> r = Recurrence.parse("bi-monthly").rule(dt.date(2018, 1, 1))
            >>> r[1].date()
            datetime.date(2018, 3, 1)
        """
        from dateutil import rrule

        first = self.anchor or _validate.as_date("start", start)
        freq: Any = {
            Frequency.YEARLY: rrule.YEARLY,
            Frequency.MONTHLY: rrule.MONTHLY,
            Frequency.WEEKLY: rrule.WEEKLY,
        }[self.frequency]
        rules = rrule.rruleset()
        for _, offset in self._staggered():
            begin = _shift(first, self.frequency, offset)
            options: dict[str, Any] = {}
            if freq != rrule.WEEKLY:
                # Late days (29th-31st) fall back to the month's last day, not skipped.
                options["bymonthday"] = tuple(range(min(28, begin.day), begin.day + 1))
                options["bysetpos"] = -1
                if freq == rrule.YEARLY:
                    options["bymonth"] = begin.month
            rules.rrule(
                rrule.rrule(
                    freq,
                    interval=self.interval,
                    dtstart=dt.datetime.combine(begin, dt.time()),
                    **options,
                )
            )
        for day in exclude:
            rules.exdate(dt.datetime.combine(day, dt.time()))
        return rules

    def _staggered(self) -> tuple[tuple[str | None, int], ...]:
        """Each body (``None`` for a rule without bodies) with its offset, in units."""
        if not self.bodies:
            return ((None, 0),)
        count = len(self.bodies)
        return tuple((body, k * self.interval // count) for k, body in enumerate(self.bodies))

    def schedule(
        self, start: dt.date | str, end: dt.date | str, *, exclude: Iterable[dt.date] = ()
    ) -> Schedule:
        """The expected occurrences between ``start`` and ``end`` inclusive, with bodies.

        Raises:
            InvalidValueError: the range is empty or holds no occurrence.

        Examples:
            >>> r = Recurrence.parse("two in each locality per year", bodies=["north", "south"])
            >>> for o in r.schedule(dt.date(2015, 4, 1), dt.date(2016, 3, 31)):
            ...     print(o.date, o.body)
            2015-04-01 north
            2015-07-01 south
            2015-10-01 north
            2016-01-01 south
        """
        start, end = _range(start, end)
        excluded = frozenset(exclude)
        found: list[Occurrence] = []
        first = self.anchor or start
        one = attrs.evolve(self, bodies=(), anchor=None)
        for body, offset in self._staggered():
            for moment in one.rule(_shift(first, self.frequency, offset)).between(
                dt.datetime.combine(start, dt.time()), dt.datetime.combine(end, dt.time()), inc=True
            ):
                if moment.date() not in excluded:
                    found.append(Occurrence(date=moment.date(), body=body))
        if not found:
            raise InvalidValueError(
                "Recurrence.occurrences",
                self.text,
                reason=f"no occurrence between {start.isoformat()} and {end.isoformat()}",
            )
        found.sort(key=_occurrence_key)
        return Schedule(found)

    def occurrences(
        self, start: dt.date | str, end: dt.date | str, *, exclude: Iterable[dt.date] = ()
    ) -> tuple[dt.date, ...]:
        """The expected dates between ``start`` and ``end`` inclusive, sorted.

        ``exclude`` dates (bank holidays, see `bank_holidays`) are dropped.

        Raises:
            InvalidValueError: the range is empty or holds no occurrence.

        Examples:
            >>> Recurrence.parse("annually").occurrences(dt.date(2012, 1, 1), dt.date(2013, 6, 1))
            (datetime.date(2012, 1, 1), datetime.date(2013, 1, 1))
        """
        return tuple(o.date for o in self.schedule(start, end, exclude=exclude))

    def adherence(
        self,
        actual: Iterable[dt.date | tuple[dt.date, str]],
        start: dt.date | str,
        end: dt.date | str,
        *,
        tolerance_days: int = 0,
        exclude: Iterable[dt.date] = (),
    ) -> Adherence:
        """Compare the dates something was actually held with what was expected.

        The dates held are taken in date order, and each meets the *nearest*
        expected occurrence (for the same body) that no earlier date has met,
        among those it may meet:

        - the last occurrence on or before it, however long after it was held
          (it is then *late* if more than ``tolerance_days`` after);
        - an occurrence after it by at most ``tolerance_days`` (held early,
          within the tolerance: on time);
        - the first occurrence, by any date held before it in the range.

        The first occurrence that no date in the range met is met by the last date
        held before ``start``, if that date is at most ``tolerance_days`` before it
        (the range's first meeting, held early). Every other date outside the range
        is listed as *outside*, not counted.

        On a tie the earlier occurrence is met. So with a tolerance of a few days
        a meeting held on 8 November for a 10 November occurrence meets November,
        not the occurrence before it. An occurrence nothing met is *missed*; a
        date held that met nothing is *extra*. For recurrences with bodies give
        ``(date, body)`` pairs. The work is n log n in the dates given.

        Raises:
            InvalidValueError: an item is not a date (or a pair for a rule with
                bodies), names a body the rule does not have, or
                ``tolerance_days`` is negative.

        Examples:
            >>> r = Recurrence.parse("quarterly")
            >>> held = [dt.date(2018, 4, 10), dt.date(2018, 10, 2)]
            >>> a = r.adherence(held, dt.date(2018, 4, 1), dt.date(2019, 3, 31), tolerance_days=14)
            >>> len(a.expected), len(a.held), len(a.missed), a.rate
            (4, 2, 2, 0.5)
            >>> bimonthly = Recurrence.parse("bi-monthly")
            >>> a = bimonthly.adherence([dt.date(2018, 11, 8)], dt.date(2018, 9, 10),
            ...                         dt.date(2018, 12, 31), tolerance_days=7)
            >>> [(o.date.isoformat(), day.isoformat()) for o, day in a.held]
            [('2018-11-10', '2018-11-08')]
            >>> [o.date.isoformat() for o in a.missed], a.late
            (['2018-09-10'], ())
        """
        start, end = _range(start, end)
        tolerance = _validate.as_int("tolerance_days", tolerance_days)
        if tolerance < 0:
            raise InvalidValueError("tolerance_days", tolerance, reason="must be 0 or more")
        expected = self.schedule(start, end, exclude=exclude)
        names = frozenset(self.bodies)
        dates_of: dict[str | None, list[dt.date]] = {}
        # Held before the range, within the tolerance of its start: may be early.
        early_of: dict[str | None, list[dt.date]] = {}
        outside: list[dt.date] = []  # listed in the result, not counted
        reach = dt.timedelta(days=tolerance)
        for index, item in enumerate(actual):
            if isinstance(item, tuple):
                day, body = item
            else:
                day, body = item, None
            if not _is_date(day):
                raise InvalidValueError(f"actual[{index}]", item, reason="must be a date")
            if names:
                if body is None:
                    raise InvalidValueError(
                        f"actual[{index}]",
                        item,
                        reason="give (date, body) pairs for a per-body rule",
                    )
                if body not in names:
                    raise InvalidValueError(f"actual[{index}]", item, allowed=self.bodies)
            else:
                body = None
            if start <= day <= end:
                dates_of.setdefault(body, []).append(day)
            elif start - reach <= day < start:
                early_of.setdefault(body, []).append(day)
            else:
                outside.append(day)
        slots_of: dict[str | None, list[Occurrence]] = {}
        for occurrence in expected:  # sorted by date, so each body's slots are too
            slots_of.setdefault(occurrence.body, []).append(occurrence)
        held: list[tuple[Occurrence, dt.date]] = []
        late: list[tuple[Occurrence, dt.date]] = []
        missed: list[Occurrence] = []
        extra: list[dt.date] = []
        for body, slots in slots_of.items():
            days = sorted(dates_of.pop(body, ()))
            taken: set[int] = set()
            for day, index in _match([o.date for o in slots], days, tolerance):
                if index < 0:
                    extra.append(day)
                    continue
                taken.add(index)
                occurrence = slots[index]
                held.append((occurrence, day))
                if (day - occurrence.date).days > tolerance:
                    late.append((occurrence, day))
            early = sorted(early_of.pop(body, ()))
            if early and 0 not in taken and slots[0].date - reach <= early[-1]:
                # The first occurrence, met by nothing in the range, held early.
                taken.add(0)
                held.append((slots[0], early.pop()))
            outside.extend(early)
            missed.extend(o for index, o in enumerate(slots) if index not in taken)
        for days in dates_of.values():  # bodies with no occurrence in the range
            extra.extend(days)
        for days in early_of.values():
            outside.extend(days)
        return Adherence(
            recurrence=self,
            start=start,
            end=end,
            expected=expected,
            held=sorted(held, key=_by_occurrence),
            missed=sorted(missed, key=_occurrence_key),
            late=sorted(late, key=_by_occurrence),
            extra=sorted(extra),
            outside=sorted(outside),
        )

    def __str__(self) -> str:
        """The phrase as written, with the start where the phrase does not give it.

        Examples:
            >>> print(Recurrence.parse("Monthly from April 2012"))
            Monthly from April 2012
            >>> print(Recurrence.parse("Monthly", anchor=dt.date(2012, 4, 3)))
            Monthly (starting 2012-04-03)
            >>> print(Recurrence.parse("Quarterly"))
            Quarterly
        """
        if self.anchor is None or _split_start(self.text) is not None:
            return self.text
        return f"{self.text} (starting {self.anchor.isoformat()})"

    def _repr_html_(self) -> str:
        return _display.html(self)


class Schedule(_display.Listing[Occurrence]):
    """The occurrences a recurrence expects over a range of dates, sorted by date.

    Examples:
        >>> Recurrence.parse("quarterly").schedule("2018-04-01", "2019-03-31")
        <Schedule with 4 occurrences>
    """

    __slots__ = ()
    noun = "occurrences"
    columns = ("date", "body")

    def row(self, item: Occurrence) -> tuple[object, ...]:
        return (item.date, item.body)


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class Adherence(_display.Displayable):
    """How well what was held kept to a recurrence over a range of dates.

    Attributes:
        recurrence: the commitment.
        start: first day of the range.
        end: last day of the range.
        expected: the occurrences expected.
        held: each occurrence met, with the date it was held.
        missed: the occurrences with no date held in their period.
        late: the occurrences met later than the tolerance, with the date held.
        extra: dates held that met no occurrence.
        outside: dates given that fall outside the range, so not counted.
    """

    recurrence: Recurrence = attrs.field(validator=_validate.instance_of(Recurrence))
    start: dt.date = attrs.field(validator=_validate.a_date)
    end: dt.date = attrs.field(validator=_validate.a_date)
    expected: tuple[Occurrence, ...] = attrs.field(converter=_validate.to_tuple)
    held: tuple[tuple[Occurrence, dt.date], ...] = attrs.field(converter=_validate.to_tuple)
    missed: tuple[Occurrence, ...] = attrs.field(converter=_validate.to_tuple)
    late: tuple[tuple[Occurrence, dt.date], ...] = attrs.field(converter=_validate.to_tuple)
    extra: tuple[dt.date, ...] = attrs.field(converter=_validate.to_tuple)
    outside: tuple[dt.date, ...] = attrs.field(default=(), converter=_validate.to_tuple)

    @property
    def rate(self) -> float:
        """Share of expected occurrences that were held, 0 to 1."""
        return len(self.held) / len(self.expected) if self.expected else 0.0

    def __repr__(self) -> str:
        return _display.short_repr(
            self,
            f"Adherence to {self.recurrence.text!r}",
            [
                (len(self.expected), "expected"),
                (len(self.held), "held"),
                (len(self.missed), "missed"),
                (len(self.late), "late"),
            ],
        )


def _occurrence_key(occurrence: Occurrence) -> tuple[dt.date, str]:
    return (occurrence.date, occurrence.body or "")


def _by_occurrence(pair: tuple[Occurrence, dt.date]) -> tuple[dt.date, str]:
    return _occurrence_key(pair[0])


def _match(
    slots: Sequence[dt.date], days: Sequence[dt.date], tolerance: int
) -> list[tuple[dt.date, int]]:
    """Each of ``days`` (sorted) with the index of the slot it meets, or -1.

    The rule of `Recurrence.adherence`: each day in turn meets the nearest slot not
    yet met among the last slot on or before it, slots at most ``tolerance`` days
    after it, and the first slot (for days before it). A bisect finds the slot
    before; the first free slot after is found through ``free``, a union-find
    "next free slot" array (path halving), so the whole match is n log n.
    """
    count = len(slots)
    free = list(range(count + 1))  # free[i] leads to the first slot >= i not yet met
    reach = dt.timedelta(days=tolerance)
    met: list[tuple[dt.date, int]] = []
    for day in days:
        after = bisect.bisect_right(slots, day)
        best = after - 1
        if best >= 0 and free[best] != best:
            best = -1
        early = after
        while free[early] != early:
            free[early] = free[free[early]]
            early = free[early]
        eligible = early < count and (early == 0 or slots[early] - reach <= day)
        if eligible and (best < 0 or slots[early] - day < day - slots[best]):
            best = early
        if best >= 0:
            free[best] = best + 1
        met.append((day, best))
    return met


def _is_date(value: object) -> bool:
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)


def _range(start: object, end: object) -> tuple[dt.date, dt.date]:
    first = _validate.as_date("start", start)
    last = _validate.as_date("end", end)
    if last < first:
        raise InvalidValueError("Recurrence range", (first, last), reason="end is before start")
    return first, last


def _shift(day: dt.date, frequency: Frequency, offset: int) -> dt.date:
    if offset == 0:
        return day
    from dateutil.relativedelta import relativedelta

    if frequency is Frequency.WEEKLY:
        return day + dt.timedelta(weeks=offset)
    if frequency is Frequency.YEARLY:
        return day + relativedelta(years=offset)
    return day + relativedelta(months=offset)


def _bodies_of_kind(network: EscalationNetwork, kind: str) -> tuple[str, ...]:
    from engagekit.escalation import BodyKind

    wanted = BodyKind.parse(kind)
    return tuple(sorted(b.id for b in network.bodies if b.kind is wanted))


# engagekit.io reads these types through hooks of their own (see engagekit._lazy).
_lazy.io_hooks(__name__)
