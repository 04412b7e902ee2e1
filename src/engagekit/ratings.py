"""The four-point scale an assessor rates evidence on.

A [`Rating`][engagekit.ratings.Rating] is the assessor's input (how far a criterion or a
principle is met, in their judgement); the judgement engagekit makes from ratings is a
[`Result`][engagekit.results.Result] whose outcome is an
[`Outcome`][engagekit.results.Outcome]. `Rating.outcome` maps one onto the other.

Examples:
    >>> from engagekit import Rating
    >>> Rating("partly-met").points
    1
    >>> Rating("Partly").outcome
    <Outcome.PARTLY_MET: 'partly-met'>
    >>> Rating.MET > Rating.NOT_MET
    True
"""

from __future__ import annotations

import functools

from typing import TYPE_CHECKING

from engagekit.choices import Choice, aliases


if TYPE_CHECKING:
    from engagekit.results import Outcome


__all__ = ["Rating"]


def __dir__() -> list[str]:
    return __all__


@aliases(
    {
        "partly": "partly-met",
        "partially met": "partly-met",
        "partially": "partly-met",
        "not known": "unknown",
        "no evidence": "unknown",
    }
)
@functools.total_ordering
class Rating(Choice):
    """How far something is met: `MET`, `PARTLY_MET`, `NOT_MET` or `UNKNOWN`.

    `UNKNOWN` means no judgement could be made (no evidence); it ranks below
    `NOT_MET` only for sorting, and scores no points. Text names a rating too,
    including the words assessors write: "partly", "partially met", "not known".

    Examples:
        >>> sorted([Rating.MET, Rating.UNKNOWN, Rating.PARTLY_MET])
        [<Rating.UNKNOWN: 'unknown'>, <Rating.PARTLY_MET: 'partly-met'>, <Rating.MET: 'met'>]
        >>> Rating("not known").outcome.label
        'insufficient evidence'
    """

    MET = "met"
    PARTLY_MET = "partly-met"
    NOT_MET = "not-met"
    UNKNOWN = "unknown"

    @property
    def points(self) -> int:
        """2 for met, 1 for partly met, 0 otherwise."""
        return _POINTS.get(self, 0)

    @property
    def outcome(self) -> Outcome:
        """The judgement this rating amounts to; `UNKNOWN` is insufficient evidence."""
        return _outcomes()[self]

    @property
    def rank(self) -> int:
        """Sort order: unknown 0, not met 1, partly met 2, met 3."""
        return _RANK[self]

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Rating):
            return NotImplemented
        return _RANK[self] < _RANK[other]


_RANK = {Rating.UNKNOWN: 0, Rating.NOT_MET: 1, Rating.PARTLY_MET: 2, Rating.MET: 3}
_POINTS = {Rating.MET: 2, Rating.PARTLY_MET: 1}


@functools.cache
def _outcomes() -> dict[Rating, Outcome]:
    # Built on first use: rating evidence (building a decision) needs no results module.
    from engagekit.results import Outcome

    return {
        Rating.MET: Outcome.MET,
        Rating.PARTLY_MET: Outcome.PARTLY_MET,
        Rating.NOT_MET: Outcome.NOT_MET,
        Rating.UNKNOWN: Outcome.INSUFFICIENT_EVIDENCE,
    }
