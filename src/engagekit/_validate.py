"""Validators and converters shared by the domain types (private).

attrs' own validators raise ``TypeError`` / ``ValueError`` with attrs' wording; these
raise engagekit errors whose messages name the field, the value and what is allowed.
"""

from __future__ import annotations

import datetime as dt
import enum

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

import attrs

from engagekit.errors import InvalidValueError, UnknownNameError


E = TypeVar("E", bound=enum.Enum)
T = TypeVar("T")

Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]


def _items(value: object) -> tuple[Any, ...]:
    return tuple(value) if isinstance(value, tuple | list | frozenset | set) else (value,)


def _name(attribute: attrs.Attribute[Any], instance: object) -> str:
    owner = type(instance).__name__
    # Private document wrappers are named by their field alone: that is the file's key.
    return attribute.name if owner.startswith("_") else f"{owner}.{attribute.name}"


def text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A non-empty string with something other than whitespace."""
    if not isinstance(value, str) or not value.strip():
        raise InvalidValueError(
            _name(attribute, instance), value, reason="must be a non-empty string"
        )


def optional_text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """``None`` or a non-empty string."""
    if value is not None:
        text(instance, attribute, value)


def member_of(enum_type: type[E]) -> Validator:
    """The value must be a member of ``enum_type``."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, enum_type):
            raise InvalidValueError(
                _name(attribute, instance), value, allowed=[m.value for m in enum_type]
            )

    return check


def instance_of(*types: type) -> Validator:
    """The value must be an instance of one of ``types``."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, types):
            wanted = " or ".join(t.__name__ for t in types)
            raise InvalidValueError(_name(attribute, instance), value, reason=f"must be a {wanted}")

    return check


def each(*types: type) -> Validator:
    """Every item of a tuple must be an instance of one of ``types``."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        wanted = " or ".join(t.__name__ for t in types)
        for index, item in enumerate(_items(value)):
            if not isinstance(item, types):
                raise InvalidValueError(
                    f"{_name(attribute, instance)}[{index}]", item, reason=f"must be a {wanted}"
                )

    return check


def each_text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Every item of a tuple must be a non-empty string."""
    for index, item in enumerate(_items(value)):
        if not isinstance(item, str) or not item.strip():
            raise InvalidValueError(
                f"{_name(attribute, instance)}[{index}]", item, reason="must be a non-empty string"
            )


def non_negative(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """``None`` or a number that is at least zero."""
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
        raise InvalidValueError(
            _name(attribute, instance), value, reason="must be a number at least 0"
        )


def a_date(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A ``datetime.date`` that is not a ``datetime``."""
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        raise InvalidValueError(_name(attribute, instance), value, reason="must be a datetime.date")


def optional_date(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """``None`` or a ``datetime.date``."""
    if value is not None:
        a_date(instance, attribute, value)


def unique(key: Callable[[Any], object], what: str) -> Validator:
    """Items of a tuple must have distinct ``key(item)``."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        seen: set[object] = set()
        for item in _items(value):
            k = key(item)
            if k in seen:
                raise InvalidValueError(_name(attribute, instance), k, reason=f"duplicate {what}")
            seen.add(k)

    return check


def to_tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    """Convert any iterable (but not a lone string) to a tuple, losslessly."""
    if isinstance(value, str | bytes):
        return (value,)
    return tuple(value)


def to_sorted_members(value: Iterable[Any]) -> tuple[Any, ...]:
    """A set of enum members as a tuple in definition order, without duplicates.

    Used for fields that are sets in meaning, so that equal sets compare equal and
    serialise identically.
    """
    items: list[Any] = list(value) if not isinstance(value, str) else [value]
    members = [item for item in items if isinstance(item, enum.Enum)]
    if not members or len(members) != len(items):
        return tuple(items)  # the field validator reports any bad item
    order = {m: i for i, m in enumerate(type(members[0]))}
    return tuple(sorted(set(items), key=lambda m: order.get(m, len(order))))


def parse_member(
    cls: type[E], name: object, kind: str, *, aliases: dict[str, E] | None = None
) -> E:
    """The member of ``cls`` whose value or name is ``name``, ignoring case, ``_``, ``-``
    and spaces, or the member an alias names.

    Raises:
        UnknownNameError: naming ``kind`` and the closest values.
    """
    if isinstance(name, cls):
        return name
    key = str(name).strip().lower().replace("_", "-").replace(" ", "-")
    for member in cls:
        if key in {str(member.value), member.name.lower().replace("_", "-")}:
            return member
    if aliases and key in aliases:
        return aliases[key]
    raise UnknownNameError(kind, name, choices=[m.value for m in cls])


def check_date(field: str, value: object) -> None:
    """Raise unless ``value`` is a ``datetime.date`` (and not a ``datetime``)."""
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        raise InvalidValueError(field, value, reason="must be a datetime.date")


def find_by(items: Iterable[T], attribute: str, value: object, kind: str) -> T:
    """The first of ``items`` whose ``attribute`` equals ``value``.

    Raises:
        UnknownNameError: naming ``kind`` and the closest values that exist.
    """
    pool = tuple(items)
    for item in pool:
        if getattr(item, attribute) == value:
            return item
    raise UnknownNameError(kind, value, choices=[getattr(item, attribute) for item in pool])
