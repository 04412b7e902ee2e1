"""Adapters to optional calendar packages: bank holidays and iCalendar files (private).

``holidays`` and ``icalendar`` are optional (``pip install 'engagekit[calendar]'``);
they are imported only when these functions are called.
"""

from __future__ import annotations

import datetime as dt
import re

from collections.abc import Iterable

from engagekit import _validate
from engagekit.errors import InvalidTypeError, InvalidValueError, MissingExtraError
from engagekit.plans._recurrence import Recurrence


def bank_holidays(start_year: int, end_year: int | None = None) -> tuple[dt.date, ...]:
    """Bank holidays in England and Wales from ``start_year`` to ``end_year`` inclusive
    (``start_year`` alone when ``end_year`` is ``None``), from the optional ``holidays``
    package.

    Install it with ``pip install 'engagekit[calendar]'``. Pass the result as
    ``exclude=`` to `Recurrence.occurrences`.

    Raises:
        InvalidTypeError: a year is not a whole number.
        InvalidValueError: ``end_year`` is before ``start_year``.
        MissingExtraError: ``holidays`` is not installed (the ``calendar`` extra).

    Examples:
        >>> dt.date(2018, 12, 25) in bank_holidays(2018)
        True
    """
    start = _validate.as_int("start_year", start_year)
    end = start if end_year is None else _validate.as_int("end_year", end_year)
    if end < start:
        raise InvalidValueError("end_year", end, reason=f"is before start_year {start}")
    try:
        import holidays
    except ModuleNotFoundError:
        raise MissingExtraError("bank_holidays", package="holidays", extra="calendar") from None
    years = range(start, end + 1)
    calendar = holidays.country_holidays("GB", subdiv="ENG", years=years)
    return tuple(sorted(calendar))


def to_ical(
    recurrence: Recurrence,
    start: dt.date | str,
    end: dt.date | str,
    *,
    summary: str,
    exclude: Iterable[dt.date] = (),
    location: str | None = None,
) -> bytes:
    """An iCalendar (RFC 5545) file of a meeting series, one all-day event per occurrence.

    Uses the optional ``icalendar`` package (``pip install 'engagekit[calendar]'``).
    Event ids and time stamps are derived from the dates, so equal input gives
    byte-identical output.

    Raises:
        InvalidTypeError: ``recurrence`` is not a `Recurrence`, or ``summary`` is not text.
        MissingExtraError: ``icalendar`` is not installed (the ``calendar`` extra).

    Examples:
        >>> data = to_ical(Recurrence.parse("quarterly"), dt.date(2018, 4, 1),
        ...                dt.date(2019, 3, 31), summary="Steering group")
        >>> data.count(b"BEGIN:VEVENT")
        4
    """
    given: object = recurrence
    if not isinstance(given, Recurrence):
        raise InvalidTypeError("recurrence", recurrence, expected="a Recurrence")
    title: object = summary
    if not isinstance(title, str) or not title.strip():
        raise InvalidTypeError("summary", summary, expected="non-empty text")
    first = _validate.as_date("start", start)
    last = _validate.as_date("end", end)
    try:
        import icalendar
    except ModuleNotFoundError:
        raise MissingExtraError("to_ical", package="icalendar", extra="calendar") from None
    cal = icalendar.Calendar()
    cal.add("prodid", "-//engagekit//meeting series//EN")
    cal.add("version", "2.0")
    slug = re.sub(r"[^a-z0-9]+", "-", summary.lower()).strip("-") or "meeting"
    stamp = dt.datetime.combine(first, dt.time(), tzinfo=dt.UTC)
    for occurrence in recurrence.schedule(first, last, exclude=exclude):
        event = icalendar.Event()
        title = f"{summary} ({occurrence.body})" if occurrence.body else summary
        body_slug = re.sub(r"[^a-z0-9]+", "-", (occurrence.body or "").lower()).strip("-")
        event.add(
            "uid",
            f"{occurrence.date.isoformat()}-{slug}{'-' + body_slug if body_slug else ''}@engagekit",
        )
        event.add("dtstamp", stamp)
        event.add("summary", title)
        event.add("dtstart", occurrence.date)
        event.add("dtend", occurrence.date + dt.timedelta(days=1))
        if location:
            event.add("location", location)
        cal.add_component(event)
    return bytes(cal.to_ical())
