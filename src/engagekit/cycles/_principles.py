"""Principles of good engagement, as rubrics a plan can be scored against."""

from __future__ import annotations

import functools

from collections.abc import Iterator, Mapping

import attrs

from engagekit import _validate
from engagekit.errors import InvalidValueError
from engagekit.ratings import Rating
from engagekit.sources import Source


@attrs.frozen(kw_only=True)
class Principle:
    """One principle of good engagement.

    Attributes:
        id: a stable slug, unique within its set.
        name: the principle as the source words it.
        description: what it asks of engagement (paraphrased).
        note: anything a reader should know (e.g. which strategies quote it).
    """

    id: str = attrs.field(validator=_validate.text)
    name: str = attrs.field(validator=_validate.text)
    description: str = attrs.field(validator=_validate.text)
    note: str | None = attrs.field(default=None, validator=_validate.optional_text)


@attrs.frozen(kw_only=True)
class Judgement:
    """A judgement of how far a plan meets one principle, and why.

    Examples:
        >>> Judgement(rating=Rating.MET, reason="Board papers are published").rating.points
        2
    """

    rating: Rating = attrs.field(validator=_validate.member_of(Rating))
    reason: str = attrs.field(validator=_validate.text)


@attrs.frozen(kw_only=True)
class PrincipleScore:
    """One line of a :class:`RubricResult`."""

    principle: Principle
    rating: Rating
    points: int
    reason: str


@attrs.frozen(kw_only=True)
class RubricResult:
    """A plan scored against a set of principles.

    ``points`` is the sum of 2 per principle met and 1 per principle partly met;
    ``share`` is ``points / max_points``. Principles not judged score nothing and
    are listed in :attr:`unassessed`.
    """

    principles: str
    lines: tuple[PrincipleScore, ...]

    @property
    def points(self) -> int:
        """Points scored."""
        return sum(line.points for line in self.lines)

    @property
    def max_points(self) -> int:
        """Points available: 2 per principle."""
        return 2 * len(self.lines)

    @property
    def share(self) -> float:
        """``points / max_points``, between 0 and 1."""
        return self.points / self.max_points if self.lines else 0.0

    @property
    def gaps(self) -> tuple[PrincipleScore, ...]:
        """Lines not met or partly met, worst first."""
        return tuple(
            sorted(
                (x for x in self.lines if x.rating is not Rating.MET), key=lambda x: x.rating.rank
            )
        )

    @property
    def unassessed(self) -> tuple[Principle, ...]:
        """Principles with no judgement."""
        return tuple(x.principle for x in self.lines if x.rating is Rating.UNKNOWN)

    def __str__(self) -> str:
        from engagekit import render

        return render.text(self)

    def _repr_html_(self) -> str:
        from engagekit import render

        return render.html(self)


@attrs.frozen(kw_only=True)
class PrincipleSet:
    """A named set of principles of good engagement, usable as a scoring rubric.

    Examples:
        >>> from engagekit.cycles import principle_sets
        >>> real = principle_sets()["real-involvement"]
        >>> len(real), real["inclusive"].note
        (7, "Not among the six principles Somerset's strategy quotes.")
        >>> result = real.score({
        ...     "open": Judgement(rating=Rating.MET, reason="Board meets in public"),
        ...     "responsive": Judgement(rating=Rating.PARTLY_MET, reason="Replies within 20 days"),
        ... })
        >>> result.points, result.max_points, len(result.unassessed)
        (3, 14, 5)
    """

    id: str = attrs.field(validator=_validate.text)
    name: str = attrs.field(validator=_validate.text)
    principles: tuple[Principle, ...] = attrs.field(
        converter=_validate.to_tuple,
        validator=[_validate.each(Principle), _validate.unique(lambda p: p.id, "principle id")],
    )
    source: Source = attrs.field(validator=_validate.instance_of(Source))

    def __iter__(self) -> Iterator[Principle]:
        return iter(self.principles)

    def __len__(self) -> int:
        return len(self.principles)

    def __getitem__(self, principle_id: str) -> Principle:
        return _validate.find_by(self.principles, "id", principle_id, f"principle of {self.name!r}")

    def score(self, judgements: Mapping[str, Judgement]) -> RubricResult:
        """Score a plan: one :class:`Judgement` per principle id.

        Raises:
            UnknownNameError: a judgement names a principle not in this set.
            InvalidValueError: a judgement is not a :class:`Judgement`.
        """
        for key, value in judgements.items():
            self[key]
            if not isinstance(value, Judgement):
                raise InvalidValueError(f"judgements[{key!r}]", value, reason="must be a Judgement")
        lines = []
        for principle in self.principles:
            judgement = judgements.get(principle.id)
            if judgement is None:
                lines.append(
                    PrincipleScore(
                        principle=principle,
                        rating=Rating.UNKNOWN,
                        points=0,
                        reason="not assessed: no judgement given",
                    )
                )
            else:
                lines.append(
                    PrincipleScore(
                        principle=principle,
                        rating=judgement.rating,
                        points=judgement.rating.points,
                        reason=judgement.reason,
                    )
                )
        return RubricResult(principles=self.id, lines=tuple(lines))


@attrs.frozen(kw_only=True)
class _PrinciplesFile:
    set: tuple[PrincipleSet, ...] = attrs.field(
        converter=_validate.to_tuple, validator=_validate.unique(lambda s: s.id, "set id")
    )


@functools.cache
def _builtin() -> tuple[PrincipleSet, ...]:
    from engagekit import _data

    return _data.load_builtin("principles.toml", _PrinciplesFile).set


def principle_sets() -> dict[str, PrincipleSet]:
    """The principle sets engagekit ships, by id.

    ``"real-involvement"``: the seven principles of Real Involvement (2008), of
    which Somerset's strategy quotes six; ``"sutton"``: Sutton CCG's guiding
    principles.

    Examples:
        >>> sorted(principle_sets())
        ['real-involvement', 'sutton']
    """
    return {s.id: s for s in _builtin()}
