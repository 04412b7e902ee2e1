"""The four-point judgement used wherever engagekit weighs evidence.

Examples:
    >>> from engagekit import Rating
    >>> Rating("partly-met").points
    1
    >>> Rating.MET > Rating.NOT_MET
    True
"""

from __future__ import annotations

import functools

from engagekit.choices import Choice


__all__ = ["Rating"]


def __dir__() -> list[str]:
    return __all__


@functools.total_ordering
class Rating(Choice):
    """How far something is met: ``MET``, ``PARTLY_MET``, ``NOT_MET`` or ``UNKNOWN``.

    ``UNKNOWN`` means no judgement could be made (no evidence); it ranks below
    ``NOT_MET`` only for sorting, and scores no points.

    Examples:
        >>> sorted([Rating.MET, Rating.UNKNOWN, Rating.PARTLY_MET])
        [<Rating.UNKNOWN: 'unknown'>, <Rating.PARTLY_MET: 'partly-met'>, <Rating.MET: 'met'>]
    """

    MET = "met"
    PARTLY_MET = "partly-met"
    NOT_MET = "not-met"
    UNKNOWN = "unknown"

    @property
    def points(self) -> int:
        """2 for met, 1 for partly met, 0 otherwise."""
        return {Rating.MET: 2, Rating.PARTLY_MET: 1}.get(self, 0)

    @property
    def label(self) -> str:
        """The rating in words, e.g. ``"partly met"``."""
        return self.value.replace("-", " ")

    @property
    def rank(self) -> int:
        """Sort order: unknown 0, not met 1, partly met 2, met 3."""
        return _RANK[self]

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Rating):
            return NotImplemented
        return self.rank < other.rank


_RANK = {Rating.UNKNOWN: 0, Rating.NOT_MET: 1, Rating.PARTLY_MET: 2, Rating.MET: 3}
