"""The read-only mapping every built-in catalogue of records is returned as (private)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Generic, TypeVar

from engagekit._display import counted, esc, html, short_repr
from engagekit.errors import InvalidTypeError, UnknownNameError


K = TypeVar("K")
V = TypeVar("V")


class ReadOnlyCatalogue(Mapping[K, V], Generic[K, V]):
    """An immutable mapping of records by key, with a one-line ``repr``.

    Looking up a key that is not there raises ``UnknownNameError`` (a
    ``LookupError``) naming the closest keys; ``parse`` turns text into a key first
    (a level's name into the level). It cannot be changed: every caller of a cached
    catalogue sees the same records.

    Examples:
        >>> shades = ReadOnlyCatalogue({"teal": 1, "navy": 2}, what="shades")
        >>> shades
        <Catalogue with 2 shades>
        >>> shades["navy"], list(shades)
        (2, ['teal', 'navy'])
        >>> shades["nav"]
        Traceback (most recent call last):
        ...
        engagekit.errors.UnknownNameError: unknown shade 'nav'; did you mean 'navy'?
    """

    __slots__ = ("_items", "_parse", "_what")

    def __init__(
        self,
        items: Mapping[K, V] | Iterable[tuple[K, V]],
        *,
        what: str,
        parse: Callable[[object], K] | None = None,
    ) -> None:
        self._items: dict[K, V] = dict(items)
        self._what = what
        self._parse = parse

    def _key(self, key: object) -> K:
        if self._parse is not None:
            return self._parse(key)
        return key  # type: ignore[return-value]

    def __getitem__(self, key: object) -> V:
        found = self._items.get(self._key(key)) if _hashable(key) else None
        if found is None:
            kind = self._what.removesuffix("s")
            raise UnknownNameError(kind, key, choices=[_show(k) for k in self._items])
        return found

    def __contains__(self, key: object) -> bool:
        try:
            return _hashable(key) and self._key(key) in self._items
        except (LookupError, ValueError, TypeError):
            return False

    def get(self, key: object, default: V | None = None) -> V | None:  # type: ignore[override]
        """The record for ``key``, or ``default``."""
        if key not in self:
            return default
        return self._items[self._key(key)]

    def __iter__(self) -> Iterator[K]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __repr__(self) -> str:
        return short_repr(self, "Catalogue", [(len(self._items), self._what)])

    def _repr_html_(self) -> str | None:
        """Each record as HTML (what a notebook shows), or ``None`` where a record has
        no HTML form (levels, methods), so that the notebook shows the ``repr``."""
        try:
            shown = "".join(html(item) for item in self._items.values())
        except InvalidTypeError:
            return None
        head = esc(counted(len(self._items), self._what))
        return f'<div class="engagekit"><p>{head}</p>{shown}</div>'


def _hashable(key: object) -> bool:
    try:
        hash(key)
    except TypeError:
        return False
    return True


def _show(key: object) -> str:
    value = getattr(key, "value", key)
    return str(value)
