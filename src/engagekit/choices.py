"""The base every engagekit enumeration shares: look-up by value, name or alias, and labels.

Every choice in engagekit (a stage, a participation level, a body type, an outcome …)
is a [`Choice`][engagekit.choices.Choice]: an `enum.Enum` whose values are stable
lowercase slugs. Wherever a public parameter is typed as a choice, its value, its name
or an alias is accepted as a string too, through one
[`Choice.parse`][engagekit.choices.Choice.parse].

Examples:
    >>> from engagekit.choices import Choice, aliases
    >>> @aliases({"teams": "video-call"})
    ... class Meeting(Choice):
    ...     IN_PERSON = "in-person"
    ...     VIDEO_CALL = "video-call"
    >>> [Meeting.parse(text).name for text in ("In person", "VIDEO_CALL", "Teams")]
    ['IN_PERSON', 'VIDEO_CALL', 'VIDEO_CALL']
    >>> Meeting("teams").label
    'video call'
    >>> Meeting.parse("phone")
    Traceback (most recent call last):
    ...
    engagekit.errors.UnknownChoiceError: Meeting: 'phone' is not allowed; allowed: ...
"""

from __future__ import annotations

import enum
import re

from collections.abc import Callable, Mapping
from typing import Any, Self, TypeVar

from engagekit.errors import InvalidTypeError, UnknownChoiceError, _indefinite


__all__ = ["Choice", "aliases", "normalise"]


def __dir__() -> list[str]:
    return __all__


C = TypeVar("C", bound="Choice")

_SEPARATORS = re.compile(r"[\s_\-]+")

#: Longest text that parse tries to match; longer text cannot be a choice.
_MAX_KEY = 200


def normalise(text: str) -> str:
    """The form choices are matched in: lower case, with runs of spaces, ``_`` and ``-``
    turned into one ``-``, and ``&`` read as ``and``.

    Examples:
        >>> normalise("  Ready_with   Conditions ")
        'ready-with-conditions'
        >>> normalise("Marriage & civil partnership")
        'marriage-and-civil-partnership'
    """
    text = text.strip().casefold().replace("&", " and ")
    return _SEPARATORS.sub("-", text).strip("-")


# Per-class look-up tables, built on first parse: normalised key -> member.
_TABLES: dict[type[Choice], dict[str, Choice]] = {}
# Aliases declared with @aliases, kept until the table is built.
_ALIASES: dict[type[Choice], dict[str, str]] = {}


def aliases(table: Mapping[str, str]) -> Callable[[type[C]], type[C]]:
    """Declare extra words that [`Choice.parse`][engagekit.choices.Choice.parse] accepts.

    ``table`` maps each alias to the value of the member it names. Aliases are matched
    like values (ignoring case, spaces, ``_`` and ``-``).

    Raises:
        UnknownChoiceError: an alias names a value the enumeration does not have.

    Examples:
        >>> @aliases({"sexuality": "sexual-orientation"})
        ... class Trait(Choice):
        ...     SEXUAL_ORIENTATION = "sexual-orientation"
        >>> Trait.parse("Sexuality")
        <Trait.SEXUAL_ORIENTATION: 'sexual-orientation'>
    """

    def register(cls: type[C]) -> type[C]:
        values = {str(member.value) for member in cls}
        for value in table.values():
            if value not in values:
                raise UnknownChoiceError(cls.__name__, value, allowed=sorted(values))
        _ALIASES[cls] = {normalise(alias): value for alias, value in table.items()}
        _TABLES.pop(cls, None)
        return cls

    return register


def _table(cls: type[C]) -> dict[str, C]:
    found = _TABLES.get(cls)
    if found is None:
        built: dict[str, Choice] = {}
        for member in cls:
            built.setdefault(normalise(member.name), member)
            built.setdefault(normalise(str(member.value)), member)
        for name, member in cls.__members__.items():  # enum aliases, if any
            built.setdefault(normalise(name), member)
        for alias, value in _ALIASES.get(cls, {}).items():
            built.setdefault(alias, cls(value))
        _TABLES[cls] = found = built
    return found  # type: ignore[return-value]


class Choice(enum.Enum):
    """An enumeration whose members are found by value, name or alias, with a label.

    Subclasses declare members with lowercase slug values. Calling the class with a
    string (``Stage("procure")``) accepts the same spellings as
    [`parse`][engagekit.choices.Choice.parse], so a value from a file or a form is
    read the same way everywhere.

    Examples:
        >>> class Colour(Choice):
        ...     DARK_BLUE = "dark-blue"
        >>> Colour("Dark blue") is Colour.parse("dark_blue") is Colour.DARK_BLUE
        True
        >>> Colour.DARK_BLUE.label
        'dark blue'
    """

    # Members are singletons compared by identity, so hashing by identity gives the
    # same dict and set behaviour as Enum's ``hash(self._name_)``, without a Python
    # call per lookup (the decision rules hash members millions of times).
    __hash__ = object.__hash__

    @classmethod
    def parse(cls, value: object, *, field: str | None = None) -> Self:
        """The member ``value`` names: a member, its value, its name or an alias.

        Matching ignores case, surrounding spaces, and the difference between spaces,
        ``_`` and ``-``.

        Args:
            value: the member or the text naming it.
            field: the name to use in an error message (the class name by default).

        Raises:
            UnknownChoiceError: ``value`` is text that names no member (also a
                ``ValueError`` and a ``LookupError``); the message lists the values.
            InvalidTypeError: ``value`` is neither a member nor text.

        Examples:
            >>> from engagekit import ParticipationLevel
            >>> ParticipationLevel.parse("Collaborate")
            <ParticipationLevel.COLLABORATE: 'collaborate'>
        """
        if isinstance(value, cls):
            return value
        name = field or cls.__name__
        if not isinstance(value, str):
            raise InvalidTypeError(
                name, value, expected=f"{_indefinite(cls.__name__)} or its value as text"
            )
        if len(value) <= _MAX_KEY:
            member = _table(cls).get(normalise(value))
            if member is not None:
                return member
        raise UnknownChoiceError(name, value, allowed=[str(m.value) for m in cls])

    @classmethod
    def _missing_(cls, value: object) -> Any:
        # ``Kind("text")`` accepts what parse accepts; ``Kind(42)`` is a type error.
        return cls.parse(value)

    @property
    def label(self) -> str:
        """The member in words: its value with hyphens as spaces, unless a subclass says so."""
        return str(self.value).replace("-", " ")
