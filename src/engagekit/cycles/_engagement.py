"""The Engagement Cycle: five stages, and the strategy, culture and systems at its centre."""

from __future__ import annotations

import functools

from typing import TYPE_CHECKING

import attrs

from engagekit import _display, _validate, _value
from engagekit._display import Displayable, Tabular, short_repr
from engagekit.cycles._choices import _STAGE_ORDER, EngagementStage
from engagekit.errors import InvalidValueError
from engagekit.sources import LegalForce, Source


if TYPE_CHECKING:
    from collections.abc import Iterator

    from engagekit.cycles._principles import PrincipleSet


@attrs.frozen(kw_only=True)
@_value.shared_methods
class Consideration:
    """One "things to think about" heading of a stage, with its points (paraphrased)."""

    heading: str = attrs.field(validator=_validate.text)
    points: tuple[str, ...] = attrs.field(
        default=(), converter=_validate.to_tuple, validator=_validate.each_text
    )


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class StageDetails(Displayable, Tabular):
    """The reference record of one Engagement Cycle stage.

    Attributes:
        stage: the stage.
        title: its title in the source's wording.
        purpose: what the stage is for (paraphrased).
        who: who is engaged.
        benefits: what the source says follows "if this stage is done well".
        considerations: the "things to think about" headings, in the source's order.
        recommended_methods: methods the source names as particularly useful here.
        source: where this comes from.
    """

    stage: EngagementStage = attrs.field(converter=EngagementStage)
    title: str = attrs.field(validator=_validate.text)
    purpose: str = attrs.field(validator=_validate.text)
    who: tuple[str, ...] = attrs.field(converter=_validate.to_tuple, validator=_validate.each_text)
    benefits: tuple[str, ...] = attrs.field(
        converter=_validate.to_tuple, validator=_validate.each_text
    )
    considerations: tuple[Consideration, ...] = attrs.field(
        converter=_validate.to_tuple, validator=_validate.each(Consideration)
    )
    recommended_methods: tuple[str, ...] = attrs.field(
        default=(), converter=_validate.to_tuple, validator=_validate.each_text
    )
    source: Source = attrs.field(validator=_validate.instance_of(Source))

    def __repr__(self) -> str:
        return _display.short_repr(
            self,
            f"StageDetails {self.stage.number} {_display.quoted(self.title, 40)}",
            [(len(self.considerations), "considerations")],
        )

    @property
    def headings(self) -> tuple[str, ...]:
        """The "things to think about" headings."""
        return tuple(c.heading for c in self.considerations)


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class FeedLink:
    """An explicit flow between stages other than the clockwise baton pass.

    The source notes that the cycle can run anti-clockwise: engaging patients on
    pathway redesign (stage 3) reveals changes for planning (stage 2), and
    monitoring data (stage 5) feed improvement and needs assessment.

    Its ``repr`` is one line: the stages it runs between and the start of its
    description.
    """

    from_stage: EngagementStage = attrs.field(converter=EngagementStage)
    to_stage: EngagementStage = attrs.field(converter=EngagementStage)
    description: str = attrs.field(validator=_validate.text)
    source: Source = attrs.field(validator=_validate.instance_of(Source))

    def __repr__(self) -> str:
        stages = f"{self.from_stage.value} -> {self.to_stage.value}"
        return f"<FeedLink {stages}: {_display.quoted(self.description, 40)}>"

    def __attrs_post_init__(self) -> None:
        if self.from_stage is self.to_stage:
            raise InvalidValueError(
                "FeedLink.to_stage", self.to_stage.value, reason="a stage cannot feed itself"
            )


def _element_id(element: KeyElement) -> str:
    return f"element-{element.number}"


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class KeyElement:
    """One of the ten key elements of strategy, culture and systems at the cycle's centre.

    Its ``repr`` is one line: its number, id and the start of its title.

    Attributes:
        number: its number in the source (1 to 10).
        title: the element as the source words it.
        summary: what it asks (paraphrased).
        source: where it comes from.
        id: a stable id, the key a rubric judgement is given under (defaults to
            ``"element-<number>"``).

    Examples:
        >>> from engagekit import ENGAGEMENT_CYCLE
        >>> ENGAGEMENT_CYCLE.elements[0].id, ENGAGEMENT_CYCLE.elements[0].number
        ('shared-vision', 1)
    """

    number: int = attrs.field(converter=_validate.to_int, validator=_validate.whole_at_least(1))
    title: str = attrs.field(validator=_validate.text)
    summary: str = attrs.field(validator=_validate.text)
    source: Source = attrs.field(validator=_validate.instance_of(Source))
    id: str = attrs.field(
        default=attrs.Factory(_element_id, takes_self=True), validator=_validate.identifier
    )

    def __repr__(self) -> str:
        title = _display.quoted(self.title, 40)
        return f"<KeyElement {self.number} {_display.quoted(self.id)} {title}>"


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class EngagementCycle(Displayable, Tabular):
    """The Engagement Cycle: five stages round a centre of strategy, culture and systems.

    Iterating gives the stages' records in order; indexing takes an
    [`EngagementStage`][engagekit.cycles.EngagementStage], a number or a name.

    Raises:
        InvalidValueError: the stages are not the five, in order, or the key
            elements are not numbered 1, 2, 3 …

    Examples:
        >>> from engagekit import ENGAGEMENT_CYCLE
        >>> ENGAGEMENT_CYCLE
        <EngagementCycle 'The Engagement Cycle' with 5 stages and 10 key elements>
        >>> [d.stage.number for d in ENGAGEMENT_CYCLE]
        [1, 2, 3, 4, 5]
        >>> len(ENGAGEMENT_CYCLE.elements)
        10
        >>> ENGAGEMENT_CYCLE.elements[5].title
        'Develop meaningful engagement structures'
        >>> [s.number for s in ENGAGEMENT_CYCLE.feeds_into(EngagementStage.DESIGN_AND_IMPROVE)]
        [4, 2]

    References:
        NHS Sutton CCG, Patient and Public Engagement Strategy, Appendix Two.
        InHealth Associates, The Engagement Cycle.
    """

    name: str = attrs.field(validator=_validate.text)
    centre: str = attrs.field(validator=_validate.text)
    stages: tuple[StageDetails, ...] = attrs.field(
        converter=_validate.to_tuple, validator=_validate.each(StageDetails)
    )
    elements: tuple[KeyElement, ...] = attrs.field(
        converter=_validate.to_tuple, validator=_validate.each(KeyElement)
    )
    feeds: tuple[FeedLink, ...] = attrs.field(
        default=(), converter=_validate.to_tuple, validator=_validate.each(FeedLink)
    )
    source: Source = attrs.field(validator=_validate.instance_of(Source))

    def __attrs_post_init__(self) -> None:
        found = [d.stage for d in self.stages]
        if found != list(_STAGE_ORDER):
            raise InvalidValueError(
                "EngagementCycle.stages",
                [s.value for s in found],
                reason="must list the five stages once each, in order",
                allowed=[s.value for s in _STAGE_ORDER],
            )
        numbers = [e.number for e in self.elements]
        if numbers != list(range(1, len(numbers) + 1)):
            raise InvalidValueError(
                "EngagementCycle.elements", numbers, reason="must be numbered 1, 2, 3 …"
            )
        ids = [e.id for e in self.elements]
        if len(set(ids)) != len(ids):
            raise InvalidValueError(
                "EngagementCycle.elements", ids, reason="element ids must be unique"
            )

    def __repr__(self) -> str:
        counts = [(len(self.stages), "stages"), (len(self.elements), "key elements")]
        return short_repr(self, f"EngagementCycle {self.name!r}", counts)

    def __iter__(self) -> Iterator[StageDetails]:
        return iter(self.stages)

    def __len__(self) -> int:
        return len(self.stages)

    def __getitem__(self, stage: EngagementStage | str | int) -> StageDetails:
        return self.stages[EngagementStage.parse(stage, field="stage").number - 1]

    def feeds_into(self, stage: EngagementStage | str | int) -> tuple[EngagementStage, ...]:
        """Stages this stage's outputs go to: the next stage, then any feed links.

        Examples:
            >>> from engagekit import ENGAGEMENT_CYCLE
            >>> [s.number for s in ENGAGEMENT_CYCLE.feeds_into("monitor")]
            [1, 3, 2]
        """
        stage = EngagementStage.parse(stage, field="stage")
        extra = tuple(f.to_stage for f in self.feeds if f.from_stage is stage)
        return (stage.next(), *(s for s in extra if s is not stage.next()))

    def rubric(self) -> PrincipleSet:
        """The ten key elements as a rubric a strategy can be scored against.

        One [`Principle`][engagekit.cycles.Principle] per key element (its id, its
        title as the name, its summary as the description), in the source's order,
        citing the elements' source. Score it with
        [`PrincipleSet.score`][engagekit.cycles.PrincipleSet.score]: each element
        judged met, partly met or not met earns 2, 1 or 0 points. The source gives
        no scale of its own; the three-point reading is engagekit's, shared with the
        other principle sets. The rubric's source has the force "local practice"
        (Sutton CCG's adopted framework): a gap is not a breach of law.

        Examples:
            >>> from engagekit import ENGAGEMENT_CYCLE
            >>> from engagekit.cycles import Judgement
            >>> rubric = ENGAGEMENT_CYCLE.rubric()
            >>> rubric
            <PrincipleSet 'engagement-cycle' with 10 principles>
            >>> result = rubric.score({
            ...     "shared-vision": Judgement(rating="met", reason="Board-approved vision"),
            ...     "governance": Judgement(rating="partly met", reason="No lay member yet"),
            ... })
            >>> result.points, result.max_points, len(result.unassessed)
            (3, 20, 8)
            >>> result.reasons[0].title
            'Be clear on the vision, and build a shared understanding'
        """
        from engagekit.cycles._principles import Principle, PrincipleSet

        source = self.elements[0].source if self.elements else self.source
        if source.force is None:
            # Sutton CCG's adopted framework, not law.
            source = attrs.evolve(source, force=LegalForce.LOCAL_PRACTICE)
        return PrincipleSet(
            id="engagement-cycle",
            name=f"{self.name}: the key elements of {self.centre.lower()}",
            principles=tuple(
                Principle(
                    id=e.id,
                    name=e.title,
                    description=e.summary,
                    note=f"Key element {e.number} of {len(self.elements)}.",
                )
                for e in self.elements
            ),
            source=source,
        )

    def fed_by(self, stage: EngagementStage | str | int) -> tuple[EngagementStage, ...]:
        """Stages whose outputs come to this stage: the previous stage, then feed links."""
        stage = EngagementStage.parse(stage, field="stage")
        extra = tuple(f.from_stage for f in self.feeds if f.to_stage is stage)
        return (stage.previous(), *(s for s in extra if s is not stage.previous()))


@functools.cache
def engagement_cycle() -> EngagementCycle:
    """The built-in Engagement Cycle (loaded from data on first call, then cached).

    Examples:
        >>> engagement_cycle() is engagement_cycle()
        True
    """
    from engagekit import _data

    return _data.load_builtin("engagement_cycle.toml", EngagementCycle)
