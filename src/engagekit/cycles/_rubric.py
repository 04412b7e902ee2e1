"""Scoring a plan against a set of principles: judgements and the rubric's result (private).

Kept apart from the principle sets themselves, which a first call of
`principle_sets` reads without needing any of these (or `engagekit.results`).
"""

from __future__ import annotations

from typing import ClassVar

import attrs

from engagekit import _display, _validate, _value
from engagekit.cycles._principles import Principle
from engagekit.errors import InvalidTypeError, InvalidValueError
from engagekit.ratings import Rating
from engagekit.results import Outcome, Reason, Result


@attrs.frozen(kw_only=True)
@_value.shared_methods
class Judgement:
    """An assessor's judgement of how far a plan meets one principle, and why.

    Examples:
        >>> Judgement(rating="met", reason="Board papers are published").rating.points
        2
    """

    rating: Rating = attrs.field(converter=Rating)
    reason: str = attrs.field(validator=_validate.text)


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class PrincipleScore(Reason):
    """One principle's line of a [`RubricResult`][engagekit.cycles.RubricResult]: a
    [`Reason`][engagekit.results.Reason] with the principle and the rating given.

    `rule` is `"<set id>/<principle id>"`, `title` the principle's name, `message` the
    assessor's reason, `outcome` the rating's outcome and `source` the set's source.

    Raises:
        InvalidValueError: `outcome` is not the rating's outcome.
    """

    principle: Principle = attrs.field(validator=_validate.instance_of(Principle))
    rating: Rating = attrs.field(converter=Rating)

    def __attrs_post_init__(self) -> None:
        if self.outcome is not self.rating.outcome:
            raise InvalidValueError(
                "PrincipleScore.outcome",
                self.outcome.value,
                reason=f"must be the rating's outcome ({self.rating.outcome.value})",
            )

    @property
    def points(self) -> int:
        """2 for met, 1 for partly met, 0 otherwise."""
        return self.rating.points


def _scores(value: object) -> tuple[PrincipleScore, ...]:
    items = _validate.to_tuple(value)
    if not isinstance(items, tuple):
        raise InvalidTypeError("RubricResult.reasons", value, expected="a list")
    return items


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class RubricResult(Result):
    """A plan scored against a set of principles: a [`Result`][engagekit.results.Result].

    Its ``repr`` is one line: the set of principles, the outcome and how many
    reasons it gives.

    `reasons` has one [`PrincipleScore`][engagekit.cycles.PrincipleScore] per principle,
    in the set's order; `outcome` is the worst of theirs, so a principle not judged
    makes the result `INSUFFICIENT_EVIDENCE` and `bool(result)` false. `points` is 2 per
    principle met and 1 per principle partly met; `share` is `points / max_points`.

    Raises:
        InvalidValueError: `outcome` is not the worst of the reasons' outcomes.
    """

    subject: ClassVar[str] = "rubric"

    principles: str = attrs.field(validator=_validate.identifier)
    outcome: Outcome = attrs.field(converter=Outcome)
    reasons: tuple[PrincipleScore, ...] = attrs.field(
        converter=_scores, validator=_validate.each(PrincipleScore)
    )

    def __attrs_post_init__(self) -> None:
        self._check_outcome(empty=Outcome.MET)

    def __repr__(self) -> str:
        noun = f"RubricResult {_display.quoted(self.principles)}: {self.outcome.label},"
        return _display.short_repr(self, noun, [(len(self.reasons), "reasons")])

    @property
    def points(self) -> int:
        """Points scored."""
        return sum(r.points for r in self.reasons)

    @property
    def max_points(self) -> int:
        """Points available: 2 per principle."""
        return 2 * len(self.reasons)

    @property
    def share(self) -> float:
        """`points / max_points`, between 0 and 1."""
        return self.points / self.max_points if self.reasons else 0.0

    @property
    def gaps(self) -> tuple[PrincipleScore, ...]:
        """The principles short of met (partly met, not met or not judged), in order."""
        return tuple(r for r in self.reasons if r.rating is not Rating.MET)

    @property
    def unassessed(self) -> tuple[Principle, ...]:
        """Principles with no judgement."""
        return tuple(r.principle for r in self.reasons if r.rating is Rating.UNKNOWN)
