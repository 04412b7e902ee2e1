"""Validators and converters shared by the domain types (private).

This is the one place engagekit's field rules live: every domain type builds its
fields from these factories, so one rule (an id, an ODS code, a URL, a date) reads the
same and says the same everywhere. attrs' own validators raise ``TypeError`` /
``ValueError`` with attrs' wording; these raise engagekit errors whose messages name
the field, the value and what is allowed:

- a value of the wrong type raises ``InvalidTypeError`` (a ``TypeError``);
- a value of the right type that is not allowed raises ``InvalidValueError`` (a
  ``ValueError``), or ``UnknownChoiceError`` for text that names no choice.

Converters only normalise losslessly: text naming a choice becomes the member, any
``numbers.Integral`` becomes an ``int``, a list becomes a tuple. A lone string is never
taken for a list.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import math
import numbers
import re

from collections.abc import Callable, Collection, Iterable
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from engagekit.errors import (
    InvalidTypeError,
    InvalidValueError,
    UnknownChoiceError,
    UnknownNameError,
    _indefinite,
)


if TYPE_CHECKING:
    from engagekit.choices import Choice


E = TypeVar("E", bound=enum.Enum)
C = TypeVar("C", bound="Choice")
T = TypeVar("T")

Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]

#: The one id rule: a letter or digit, then letters, digits, ``.``, ``_`` or ``-``.
ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,199}\Z")
ID_RULE = "an id: a letter or digit, then letters, digits, '.', '_' or '-' (at most 200)"

#: The one ODS code rule: 3 to 8 upper-case letters and digits (``QSL``, ``08T``, ``L85001``).
ODS_PATTERN = re.compile(r"^[A-Z0-9]{3,8}\Z")
ODS_RULE = "an ODS code: 3 to 8 upper-case letters and digits"
# ODS codes joined by newlines (which no code holds): see `all_ods_codes`.
_ODS_CODES_JOINED = re.compile(r"[A-Z0-9]{3,8}(?:\n[A-Z0-9]{3,8})*")

#: The one URL rule: an http or https address with no spaces.
URL_PATTERN = re.compile(r"^https?://[^\s/]+\S*\Z")
URL_RULE = "an http(s) URL"


def all_ods_codes(values: Collection[str]) -> bool:
    """Whether every text in `values` is an ODS code as it stands (`ODS_PATTERN`).

    For readers checking a file's column of thousands of codes: the texts are joined
    by newlines and read by one pass of a regular expression, which is several times
    faster than matching each. A newline inside a text shows as one newline too many.

    Examples:
        >>> all_ods_codes(["QSL", "L85001"]), all_ods_codes(["QSL", "l85001"])
        (True, False)
        >>> all_ods_codes(["QSL\\nL85001"]), all_ods_codes([])
        (False, True)
    """
    if not values:
        return True
    joined = "\n".join(values)
    return joined.count("\n") == len(values) - 1 and _ODS_CODES_JOINED.fullmatch(joined) is not None


def _items(value: object, field: str = "value") -> tuple[Any, ...]:
    if isinstance(value, tuple):
        return value
    if isinstance(value, list | frozenset | set):
        return tuple(value)
    raise InvalidTypeError(field, value, expected="a list")


def _name(attribute: attrs.Attribute[Any], instance: object) -> str:
    owner = type(instance).__name__
    # Private document wrappers are named by their field alone: that is the file's key.
    return attribute.name if owner.startswith("_") else f"{owner}.{attribute.name}"


def field_name(attribute: attrs.Attribute[Any], instance: object) -> str:
    """The name errors give a field: ``Owner.field``."""
    return _name(attribute, instance)


def text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A non-empty string with something other than whitespace."""
    if not isinstance(value, str):
        raise InvalidTypeError(_name(attribute, instance), value, expected="text")
    if not value.strip():
        raise InvalidValueError(
            _name(attribute, instance), value, reason="must be a non-empty string"
        )


def _pattern(pattern: re.Pattern[str], rule: str) -> Validator:
    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, str):
            raise InvalidTypeError(_name(attribute, instance), value, expected=rule)
        if not pattern.match(value):
            raise InvalidValueError(_name(attribute, instance), value, reason=f"must be {rule}")

    return check


#: An id (see ``ID_PATTERN``).
identifier: Validator = _pattern(ID_PATTERN, ID_RULE)
#: An ODS organisation code (see ``ODS_PATTERN``).
ods_code: Validator = _pattern(ODS_PATTERN, ODS_RULE)
#: An http(s) URL (see ``URL_PATTERN``).
url: Validator = _pattern(URL_PATTERN, URL_RULE)


def optional(validator: Validator) -> Validator:
    """``None``, or a value ``validator`` accepts."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None:
            validator(instance, attribute, value)

    return check


def identifiers(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Every item of a tuple is an id."""
    for index, item in enumerate(_items(value, _name(attribute, instance))):
        if not isinstance(item, str) or not ID_PATTERN.match(item):
            raise InvalidValueError(
                f"{_name(attribute, instance)}[{index}]", item, reason=f"must be {ID_RULE}"
            )


def to_int(value: object) -> Any:
    """Converter for whole-number fields: any ``numbers.Integral`` but a bool, as an ``int``.

    Anything else is returned unchanged for the field's validator to report.
    """
    if isinstance(value, numbers.Integral) and not isinstance(value, bool | int):
        return int(value)
    return value


def whole(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """An ``int`` (not a bool, not a float)."""
    if not isinstance(value, int) or isinstance(value, bool):
        raise InvalidTypeError(_name(attribute, instance), value, expected="a whole number")


def whole_at_least(minimum: int) -> Validator:
    """A whole number at least ``minimum``."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        whole(instance, attribute, value)
        if value < minimum:  # type: ignore[operator]
            raise InvalidValueError(
                _name(attribute, instance), value, reason=f"must be at least {minimum}"
            )

    return check


def as_int(field: str, value: object) -> int:
    """``value`` as an ``int`` if it is a whole number (any ``numbers.Integral`` but a bool).

    Raises:
        InvalidTypeError: anything else, including floats and bools.
    """
    if isinstance(value, numbers.Integral) and not isinstance(value, bool):
        return int(value)
    raise InvalidTypeError(field, value, expected="a whole number")


def flag(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """``True`` or ``False`` (not a string, not a number)."""
    if not isinstance(value, bool):
        raise InvalidTypeError(_name(attribute, instance), value, expected="true or false")


def optional_text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """``None`` or a non-empty string."""
    if value is not None:
        text(instance, attribute, value)


def member_of(enum_type: type[E]) -> Validator:
    """The value must be a member of ``enum_type``.

    For a [`Choice`][engagekit.choices.Choice], prefer ``converter=TheChoice``: calling
    the class accepts a member or text naming one and raises for anything else.
    """

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if isinstance(value, enum_type):
            return
        name = _name(attribute, instance)
        if isinstance(value, str):
            raise UnknownChoiceError(name, value, allowed=[str(m.value) for m in enum_type])
        raise InvalidTypeError(
            name, value, expected=f"{_indefinite(enum_type.__name__)} or its value as text"
        )

    return check


def instance_of(*types: type) -> Validator:
    """The value must be an instance of one of ``types``."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, types):
            wanted = " or ".join(t.__name__ for t in types)
            raise InvalidTypeError(_name(attribute, instance), value, expected=_indefinite(wanted))

    return check


def each(*types: type) -> Validator:
    """Every item of a tuple must be an instance of one of ``types``."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        wanted = " or ".join(t.__name__ for t in types)
        for index, item in enumerate(_items(value, _name(attribute, instance))):
            if not isinstance(item, types):
                raise InvalidTypeError(
                    f"{_name(attribute, instance)}[{index}]", item, expected=_indefinite(wanted)
                )

    return check


def each_text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Every item of a tuple must be a non-empty string."""
    for index, item in enumerate(_items(value, _name(attribute, instance))):
        if not isinstance(item, str) or not item.strip():
            raise InvalidValueError(
                f"{_name(attribute, instance)}[{index}]", item, reason="must be a non-empty string"
            )


def non_negative(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """``None`` or a number that is at least zero (not NaN, which compares as no number)."""
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int | float) or not value >= 0:
        raise InvalidValueError(
            _name(attribute, instance), value, reason="must be a number at least 0"
        )


def a_date(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A ``datetime.date`` that is not a ``datetime``."""
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        raise InvalidTypeError(_name(attribute, instance), value, expected="a datetime.date")


def optional_date(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """``None`` or a ``datetime.date``."""
    if value is not None:
        a_date(instance, attribute, value)


def unique(key: Callable[[Any], object], what: str) -> Validator:
    """Items of a tuple must have distinct ``key(item)``; the error names the second
    item's index and the first's."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        seen: dict[object, int] = {}
        name = _name(attribute, instance)
        for index, item in enumerate(_items(value, name)):
            k = key(item)
            first = seen.setdefault(k, index)
            if first != index:
                raise InvalidValueError(
                    f"{name}[{index}]", k, reason=f"duplicate {what} (first at [{first}])"
                )

    return check


def to_tuple(value: object) -> Any:
    """Converter for list fields: a list, set or other iterable as a tuple, losslessly.

    A string, bytes, a mapping or a non-iterable is returned unchanged, for the field's
    validator to report: a lone string is never taken for a list.
    """
    if isinstance(value, tuple | str | bytes | dict):
        return value
    if isinstance(value, Iterable):
        return tuple(value)
    return value


def a_tuple(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A tuple (what ``to_tuple`` makes of a list)."""
    if not isinstance(value, tuple):
        raise InvalidTypeError(_name(attribute, instance), value, expected="a list")


def members(enum_type: type[E], value: object, field: str) -> tuple[E, ...]:
    """A set of choices as a tuple in definition order without duplicates; each item a
    member or text naming one (calling ``enum_type`` on it).

    Raises:
        InvalidTypeError: ``value`` is not a list (a lone string is not a list).
        UnknownChoiceError: an item names no member; the message names the field and
            the item's index.
    """
    if isinstance(value, str | bytes | dict) or not isinstance(value, Iterable):
        raise InvalidTypeError(field, value, expected="a list")
    parse = getattr(enum_type, "parse", None)
    found: set[E] = set()
    for index, item in enumerate(value):
        if isinstance(item, enum_type):
            found.add(item)
        elif parse is not None:  # a Choice: its errors name the field and the item's index
            found.add(parse(item, field=f"{field}[{index}]"))
        else:
            found.add(enum_type(item))
    return tuple(sorted(found, key=_order(enum_type).__getitem__))


@functools.cache
def _order(enum_type: type[enum.Enum]) -> dict[enum.Enum, int]:
    # Definition order of an enumeration's members, built once per enumeration: members()
    # runs as a converter for every record loaded.
    return {m: i for i, m in enumerate(enum_type)}


def to_sorted_members(value: object) -> Any:
    """A set of enum members as a tuple in definition order, without duplicates.

    Used for fields that are sets in meaning, so that equal sets compare equal and
    serialise identically.
    """
    if isinstance(value, str | bytes | dict) or not isinstance(value, Iterable):
        return value
    items: list[Any] = list(value)
    members = [item for item in items if isinstance(item, enum.Enum)]
    if not members or len(members) != len(items):
        return tuple(items)  # the field validator reports any bad item
    order = _order(type(members[0]))
    # A member of another enumeration sorts last; the field validator reports it.
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
        raise InvalidTypeError(field, value, expected="a datetime.date")


def as_date(field: str, value: object) -> dt.date:
    """``value`` as a date: a ``datetime.date`` or ISO 8601 text ``YYYY-MM-DD``.

    Raises:
        InvalidTypeError: neither a date nor text.
        InvalidValueError: text that is not a calendar date in ``YYYY-MM-DD`` form.
    """
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str):
        if _ISO_DATE.match(value):
            try:
                return dt.date.fromisoformat(value)
            except ValueError as exc:  # in the form, but no such day: say which is wrong
                raise InvalidValueError(
                    field, value, reason=f"must be a real date ({exc})"
                ) from None
        raise InvalidValueError(field, value, reason="must be a date, YYYY-MM-DD")
    raise InvalidTypeError(field, value, expected="a datetime.date or YYYY-MM-DD text")


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def find_by(
    items: Iterable[T], attribute: str, value: object, kind: str, *, within: str | None = None
) -> T:
    """The first of ``items`` whose ``attribute`` equals ``value``.

    Raises:
        UnknownNameError: naming ``kind`` (of ``within``) and the closest values that
            exist.
    """
    pool = tuple(items)
    for item in pool:
        if getattr(item, attribute) == value:
            return item
    raise UnknownNameError(
        kind, value, choices=[getattr(item, attribute) for item in pool], within=within
    )


def number_between(minimum: float | None = None, maximum: float | None = None) -> Validator:
    """A real number (an ``int`` or ``float``, not a bool) from ``minimum`` to ``maximum``
    inclusive; either bound may be left open.

    Raises:
        InvalidTypeError: not a number.
        InvalidValueError: outside the bounds.
    """
    if minimum is not None and maximum is not None:
        rule = f"must lie between {minimum:g} and {maximum:g}"
    elif minimum is not None:
        rule = f"must be at least {minimum:g}"
    else:
        rule = f"must be at most {maximum:g}"

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if isinstance(value, bool) or not isinstance(value, numbers.Real):
            raise InvalidTypeError(_name(attribute, instance), value, expected="a number")
        number = float(value)
        if (
            math.isnan(number)
            or (minimum is not None and number < minimum)
            or (maximum is not None and number > maximum)
        ):
            raise InvalidValueError(_name(attribute, instance), value, reason=rule)

    return check
