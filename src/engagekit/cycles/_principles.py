"""Principles of good engagement, as rubrics a plan can be scored against."""

from __future__ import annotations

import functools

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING

import attrs

from engagekit import _display, _validate, _value
from engagekit._display import short_repr
from engagekit.cycles._catalogue import ReadOnlyCatalogue
from engagekit.errors import InvalidTypeError
from engagekit.sources import Source


if TYPE_CHECKING:
    from engagekit.cycles._rubric import Judgement, RubricResult


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class Principle:
    """One principle of good engagement.

    Its ``repr`` is one line: its id and the start of its name.

    Attributes:
        id: a stable id, unique within its set.
        name: the principle as the source words it.
        description: what it asks of engagement (paraphrased).
        note: anything a reader should know (e.g. which strategies quote it).
    """

    id: str = attrs.field(validator=_validate.identifier)
    name: str = attrs.field(validator=_validate.text)
    description: str = attrs.field(validator=_validate.text)
    note: str | None = attrs.field(default=None, validator=_validate.optional_text)

    def __repr__(self) -> str:
        return f"<Principle {_display.quoted(self.id)} {_display.quoted(self.name, 40)}>"


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class PrincipleSet:
    """A named set of principles of good engagement, usable as a scoring rubric.

    Examples:
        >>> from engagekit.cycles import Judgement, principle_sets
        >>> from engagekit.ratings import Rating
        >>> real = principle_sets()["real-involvement"]
        >>> real
        <PrincipleSet 'real-involvement' with 7 principles>
        >>> len(real), real["inclusive"].note
        (7, "Not among the six principles Somerset's strategy quotes.")
        >>> result = real.score({
        ...     "open": Judgement(rating=Rating.MET, reason="Board meets in public"),
        ...     "responsive": Judgement(rating="partly met", reason="Replies within 20 days"),
        ... })
        >>> result.points, result.max_points, len(result.unassessed)
        (3, 14, 5)
        >>> result.outcome.label, bool(result)
        ('insufficient evidence', False)
    """

    id: str = attrs.field(validator=_validate.identifier)
    name: str = attrs.field(validator=_validate.text)
    principles: tuple[Principle, ...] = attrs.field(
        converter=_validate.to_tuple,
        validator=[_validate.each(Principle), _validate.unique(lambda p: p.id, "principle id")],
    )
    source: Source = attrs.field(validator=_validate.instance_of(Source))

    def __repr__(self) -> str:
        return short_repr(self, f"PrincipleSet {self.id!r}", [(len(self.principles), "principles")])

    def __iter__(self) -> Iterator[Principle]:
        return iter(self.principles)

    def __len__(self) -> int:
        return len(self.principles)

    def __getitem__(self, principle_id: str) -> Principle:
        return _validate.find_by(
            self.principles, "id", principle_id, "principle", within=repr(self.name)
        )

    def score(self, judgements: Mapping[str, Judgement]) -> RubricResult:
        """Score a plan: one [`Judgement`][engagekit.cycles.Judgement] per principle id.

        Principles without a judgement are rated `UNKNOWN`.

        Raises:
            UnknownNameError: a judgement names a principle not in this set.
            InvalidTypeError: `judgements` is not a mapping, or a judgement is not a
                `Judgement`.
        """
        # Scoring's types load with the first score: a first call of principle_sets()
        # needs none of them (nor engagekit.results).
        from engagekit.cycles._rubric import Judgement, PrincipleScore, RubricResult
        from engagekit.ratings import Rating
        from engagekit.results import Outcome

        if not isinstance(judgements, Mapping):
            raise InvalidTypeError(
                "judgements", judgements, expected="a mapping of principle id to Judgement"
            )
        for key, value in judgements.items():
            self[key]
            if not isinstance(value, Judgement):
                raise InvalidTypeError(f"judgements[{key!r}]", value, expected="a Judgement")
        reasons = []
        for principle in self.principles:
            judgement = judgements.get(principle.id)
            rating = Rating.UNKNOWN if judgement is None else judgement.rating
            reasons.append(
                PrincipleScore(
                    rule=f"{self.id}/{principle.id}",
                    title=principle.name,
                    outcome=rating.outcome,
                    message="not assessed: no judgement given"
                    if judgement is None
                    else judgement.reason,
                    source=self.source,
                    principle=principle,
                    rating=rating,
                )
            )
        return RubricResult(
            principles=self.id,
            outcome=Outcome.worst(r.outcome for r in reasons),
            reasons=tuple(reasons),
        )


@attrs.frozen(kw_only=True)
@_value.shared_methods
class _PrinciplesFile:
    set: tuple[PrincipleSet, ...] = attrs.field(
        converter=_validate.to_tuple,
        validator=[_validate.a_tuple, _validate.unique(lambda s: s.id, "set id")],
    )


@functools.cache
def principle_sets() -> Mapping[str, PrincipleSet]:
    """The principle sets engagekit ships, by id (a read-only mapping).

    `"real-involvement"`: the seven principles of Real Involvement (2008), of which
    Somerset's strategy quotes six; `"sutton"`: Sutton CCG's guiding principles;
    `"engagement-cycle"`: the Engagement Cycle's ten key elements of strategy,
    culture and systems (see `EngagementCycle.rubric`).

    Examples:
        >>> principle_sets()
        <Catalogue with 3 principle sets>
        >>> sorted(principle_sets())
        ['engagement-cycle', 'real-involvement', 'sutton']
    """
    from engagekit import _data
    from engagekit.cycles._engagement import engagement_cycle

    found = (
        *_data.load_builtin("principles.toml", _PrinciplesFile).set,
        engagement_cycle().rubric(),
    )
    return ReadOnlyCatalogue(((s.id, s) for s in found), what="principle sets")
