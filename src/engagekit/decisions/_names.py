"""Looking enum members up by value or name (private)."""

from __future__ import annotations

import datetime as dt
import enum

from typing import TypeVar

from engagekit.errors import InvalidValueError, UnknownNameError


E = TypeVar("E", bound=enum.Enum)


def parse_member(cls: type[E], name: object, kind: str) -> E:
    """The member of ``cls`` whose value or name is ``name``, ignoring case and ``_``/``-``.

    Raises:
        UnknownNameError: naming the closest values.
    """
    if isinstance(name, cls):
        return name
    key = str(name).strip().lower().replace("_", "-").replace(" ", "-")
    for member in cls:
        if key in {str(member.value), member.name.lower().replace("_", "-")}:
            return member
    raise UnknownNameError(kind, name, choices=[m.value for m in cls])


def check_day(name: str, value: object) -> None:
    """Raise unless ``value`` is a ``datetime.date`` (and not a ``datetime``)."""
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        raise InvalidValueError(name, value, reason="must be a datetime.date")
