"""The repr, equality and hash every engagekit value shares (private).

attrs writes a ``__repr__``, ``__eq__`` and ``__hash__`` for each class as Python
source and compiles it when the class is defined, in every new process. Over
engagekit's classes that is about half of what attrs compiles, and the largest part
of a first call after importing attrs itself. `shared_methods` gives a frozen attrs
class one shared implementation of each instead, read from the class's fields the
first time it is used, with the meaning attrs gives them:

- ``repr(value)`` is ``ClassName(field=repr(value), ...)`` over the fields whose
  ``repr`` is true (a callable ``repr`` formats its field), as attrs writes it;
- two values are equal when they are of the same class and their fields whose ``eq``
  is true are equal, in field order (an ``eq_key`` applied first), compared as tuples
  are (an object is equal to itself; engagekit's checks refuse a float NaN, the one
  value that is not);
- the hash is over the fields whose ``hash`` is true, or whose ``hash`` is unset and
  ``eq`` is true, so equal values hash alike.

A class that defines any of the three itself keeps its own.
"""

from __future__ import annotations

import operator
import reprlib

from collections.abc import Callable
from typing import Any, TypeVar

import attrs


T = TypeVar("T")

_Key = Callable[[Any], Any]

#: Per class: the fields repr shows (name, formatter), the equality key, the hash key.
_REPRS: dict[type, tuple[tuple[str, Callable[[Any], str]], ...]] = {}
_EQ_KEYS: dict[type, _Key] = {}
_HASH_KEYS: dict[type, _Key] = {}


def _key(fields: list[attrs.Attribute[Any]]) -> _Key:
    """One value's fields as one comparable value (the fields' ``eq_key`` applied)."""
    if not fields:
        return lambda _: ()
    # attrs' type stubs do not name `eq_key` (what a callable `eq=` makes of a field).
    converters = [getattr(a, "eq_key", None) for a in fields]
    if any(converters):
        getters = [
            (operator.attrgetter(a.name), convert or (lambda field: field))
            for a, convert in zip(fields, converters, strict=True)
        ]
        return lambda value: tuple(convert(get(value)) for get, convert in getters)
    return operator.attrgetter(*(a.name for a in fields))


def _eq_key(cls: type) -> _Key:
    key = _key([a for a in attrs.fields(cls) if a.eq])
    _EQ_KEYS[cls] = key
    return key


def _hash_key(cls: type) -> _Key:
    fields = attrs.fields(cls)
    key = _key([a for a in fields if a.hash is True or (a.hash is None and a.eq)])
    _HASH_KEYS[cls] = key
    return key


def _repr_fields(cls: type) -> tuple[tuple[str, Callable[[Any], str]], ...]:
    shown = tuple(
        (a.name, a.repr if callable(a.repr) else repr) for a in attrs.fields(cls) if a.repr
    )
    _REPRS[cls] = shown
    return shown


@reprlib.recursive_repr()
def _repr(self: Any) -> str:
    cls = self.__class__
    shown = _REPRS.get(cls)
    if shown is None:
        shown = _repr_fields(cls)
    body = ", ".join(f"{name}={show(getattr(self, name))}" for name, show in shown)
    return f"{cls.__qualname__.rsplit('>.', 1)[-1]}({body})"


def _eq(self: Any, other: Any) -> Any:
    cls = self.__class__
    if other.__class__ is not cls:
        return NotImplemented
    key = _EQ_KEYS.get(cls) or _eq_key(cls)
    return key(self) == key(other)


def _hash(self: Any) -> int:
    cls = self.__class__
    key = _HASH_KEYS.get(cls) or _hash_key(cls)
    return hash((cls, key(self)))


_METHODS: dict[str, Callable[..., Any]] = {"__repr__": _repr, "__eq__": _eq, "__hash__": _hash}


def shared_methods(cls: type[T]) -> type[T]:
    """Give a frozen attrs class the shared ``__repr__``, ``__eq__`` and ``__hash__``.

    Placed below ``@attrs.frozen``, so attrs finds the methods as the class's own and
    writes none of its own. A method the class defines itself is kept, and so is a
    ``__repr__`` it inherits from a base other than `object` (a class that attrs is
    told not to write a repr for shows itself as its base does).

    Examples:
        >>> @attrs.frozen
        ... @shared_methods
        ... class Point:
        ...     x: int
        ...     y: int = attrs.field(eq=False)
        >>> Point(1, 2)
        Point(x=1, y=2)
        >>> Point(1, 2) == Point(1, 3), hash(Point(1, 2)) == hash(Point(1, 3))
        (True, True)
    """
    own = vars(cls)
    for name, method in _METHODS.items():
        inherited = getattr(cls, name)
        if name in own or (name == "__repr__" and inherited not in (method, object.__repr__)):
            continue
        setattr(cls, name, method)
    return cls
