"""The choices of the cycles package, apart from their reference records (private).

`EngagementStage`, `MethodOfEngagement`, `ParticipationLevel`, `InvolvementKind` and
`InvolvementLevel` are named across areas (by a technique, a decision, a plan's
action); each loads its reference record only when asked for it, so naming a stage
does not build the Engagement Cycle's record classes.
"""

from __future__ import annotations

import functools
import numbers

from typing import TYPE_CHECKING

from engagekit.choices import Choice
from engagekit.errors import UnknownChoiceError


if TYPE_CHECKING:
    from engagekit.cycles._commissioning import MethodDetails
    from engagekit.cycles._engagement import StageDetails
    from engagekit.cycles._involvement import InvolvementDetails
    from engagekit.cycles._levels import LevelDetails


class EngagementStage(Choice):
    """The five stages (purposes) of engagement in the Engagement Cycle, in order.

    The wording is the Sutton CCG strategy's Appendix Two. `next()` and `previous()`
    go round the cycle and wrap from stage 5 to stage 1. A stage can be named by its
    number (1 to 5), its value, its name or its title's key word, as text.

    Examples:
        >>> EngagementStage.MONITOR.next()
        <EngagementStage.IDENTIFY_NEEDS: 'identify-needs'>
        >>> EngagementStage.IDENTIFY_NEEDS.previous().number
        5
        >>> EngagementStage.parse(3).title
        'Working with patients and carers to design services and improve quality and safety'
        >>> EngagementStage.parse("procure").who
        ('patients', 'public')
        >>> EngagementStage("no such stage")
        Traceback (most recent call last):
        ...
        engagekit.errors.UnknownChoiceError: EngagementStage: 'no such stage' is not allowed; ...

    References:
        NHS Sutton CCG, Patient and Public Engagement Strategy, Appendix Two
        (InHealth Associates, The Engagement Cycle).
    """

    IDENTIFY_NEEDS = "identify-needs"
    PLAN_AND_TRANSFORM = "plan-and-transform"
    DESIGN_AND_IMPROVE = "design-and-improve"
    PROCURE = "procure"
    MONITOR = "monitor"

    @property
    def number(self) -> int:
        """1 to 5, the stage's place in the cycle."""
        return _STAGE_ORDER.index(self) + 1

    def next(self) -> EngagementStage:
        """The stage after this one, wrapping from 5 to 1."""
        return _STAGE_ORDER[self.number % len(_STAGE_ORDER)]

    def previous(self) -> EngagementStage:
        """The stage before this one, wrapping from 1 to 5."""
        return _STAGE_ORDER[(self.number - 2) % len(_STAGE_ORDER)]

    @property
    def details(self) -> StageDetails:
        """The stage's reference record (loaded on first use)."""
        from engagekit.cycles._engagement import engagement_cycle

        return engagement_cycle()[self]

    @property
    def title(self) -> str:
        """The stage's title in the source's wording."""
        return self.details.title

    @property
    def who(self) -> tuple[str, ...]:
        """Who is engaged at this stage."""
        return self.details.who

    @classmethod
    def parse(cls, value: object, *, field: str | None = None) -> EngagementStage:
        """Look a stage up by number (1 to 5), value, name or alias, ignoring case.

        Raises:
            UnknownChoiceError: text naming no stage, or a number outside 1 to 5
                (also a `ValueError` and a `LookupError`).
            InvalidTypeError: neither a stage, text nor a whole number.

        Examples:
            >>> EngagementStage.parse("Monitor")
            <EngagementStage.MONITOR: 'monitor'>
            >>> EngagementStage.parse(2)
            <EngagementStage.PLAN_AND_TRANSFORM: 'plan-and-transform'>
            >>> EngagementStage.parse(6)
            Traceback (most recent call last):
            ...
            engagekit.errors.UnknownChoiceError: EngagementStage: 6 is not allowed: ...
        """
        if isinstance(value, numbers.Integral) and not isinstance(value, bool):
            number = int(value)
            if 1 <= number <= len(_STAGE_ORDER):
                return _STAGE_ORDER[number - 1]
            raise UnknownChoiceError(
                field or cls.__name__,
                value,
                reason="a stage number is 1 to 5",
                allowed=[m.value for m in cls],
            )
        return super().parse(value, field=field)


_STAGE_ORDER = tuple(EngagementStage)


class MethodOfEngagement(Choice):
    """The four methods of engagement: the inner circle of Somerset's Figure 1.

    They are also the four groups of Real Involvement's menu of techniques.

    Examples:
        >>> [m.label for m in MethodOfEngagement]
        ['Giving information', 'Getting information', 'Forums for debate', 'Participation']
        >>> MethodOfEngagement("forums-for-debate").details.source.section
        'Figure 1 and Appendix 1'

    References:
        NHS Somerset, Strategy for Patient and Public Engagement (2012), Figure 1;
        Department of Health, Real Involvement (2008), Part 1, Section 3.
    """

    GIVING_INFORMATION = "giving-information"
    GETTING_INFORMATION = "getting-information"
    FORUMS_FOR_DEBATE = "forums-for-debate"
    PARTICIPATION = "participation"

    @property
    def label(self) -> str:
        """The method's name as the source writes it."""
        return self.value.replace("-", " ").capitalize()

    @property
    def details(self) -> MethodDetails:
        """The method's reference record (loaded on first use)."""
        from engagekit.cycles._commissioning import _builtin

        return _builtin().methods[self]


@functools.total_ordering
class ParticipationLevel(Choice):
    """How much influence the public has on a decision, from least to most.

    The five levels are the Somerset GP Commissioning Consortia's own list (2011),
    which follows the IAP2 Spectrum of Public Participation. They are totally
    ordered by `rank`; comparing a level with anything else raises `TypeError`. IAP2
    stresses that these are levels, not steps: any one can be the right choice for a
    decision.

    Examples:
        >>> ParticipationLevel.INVOLVE > ParticipationLevel.CONSULT
        True
        >>> ParticipationLevel["EMPOWER"].rank
        5
        >>> ParticipationLevel("inform").promise
        'We will keep you informed.'
        >>> ParticipationLevel.INFORM < 3
        Traceback (most recent call last):
        ...
        TypeError: '<' not supported between instances of 'ParticipationLevel' and 'int'

    References:
        Somerset GP Commissioning Consortia, Public & Patient Engagement Strategy (2011),
        title. IAP2 Spectrum of Public Participation.
    """

    INFORM = "inform"
    CONSULT = "consult"
    INVOLVE = "involve"
    COLLABORATE = "collaborate"
    EMPOWER = "empower"

    @property
    def rank(self) -> int:
        """1 for `INFORM` up to 5 for `EMPOWER`."""
        return _RANKS[self]

    @property
    def label(self) -> str:
        """The level's name as the sources write it, e.g. `"Collaborate"`."""
        return _LEVEL_LABELS[self]

    @property
    def details(self) -> LevelDetails:
        """The level's goal, promise and source (loaded on first use)."""
        from engagekit.cycles._levels import _catalogue

        return _catalogue().levels[self]

    @property
    def goal(self) -> str:
        """What the engagement aims to achieve at this level (paraphrase of IAP2)."""
        return self.details.goal

    @property
    def promise(self) -> str:
        """What the public is promised at this level (paraphrase of IAP2)."""
        return self.details.promise

    # Each comparison written out (not derived by total_ordering): levels are compared
    # on the hot path of `evaluate`.
    def __lt__(self, other: object) -> bool:
        if not isinstance(other, ParticipationLevel):
            return NotImplemented
        return _RANKS[self] < _RANKS[other]

    def __le__(self, other: object) -> bool:
        if not isinstance(other, ParticipationLevel):
            return NotImplemented
        return _RANKS[self] <= _RANKS[other]

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, ParticipationLevel):
            return NotImplemented
        return _RANKS[self] > _RANKS[other]

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, ParticipationLevel):
            return NotImplemented
        return _RANKS[self] >= _RANKS[other]


_LEVEL_ORDER = tuple(ParticipationLevel)
_RANKS = {level: n for n, level in enumerate(_LEVEL_ORDER, start=1)}
_LEVEL_LABELS = {level: level.value.capitalize() for level in _LEVEL_ORDER}


class InvolvementKind(Choice):
    """Whether involvement is about a person's own care or about services for many.

    The Engagement Cycle distinguishes individual engagement ("my say" in my own
    care) from collective engagement ("our say" in planning, design and delivery).
    """

    INDIVIDUAL = "individual"
    COLLECTIVE = "collective"


class InvolvementLevel(Choice):
    """The seven levels at which Somerset's strategy involves patients and the public.

    Examples:
        >>> InvolvementLevel.SERVICE.number
        5
        >>> InvolvementLevel.INDIVIDUAL.kind
        <InvolvementKind.INDIVIDUAL: 'individual'>
        >>> InvolvementLevel.PATIENT_EXPERIENCE.details.case_study.title
        'Somerset LINk Patient Transport Project'

    References:
        NHS Somerset, Strategy for Patient and Public Engagement (2012), "How can we
        ensure that engagement happens at different levels".
    """

    INDIVIDUAL = "individual"
    PATIENT_EXPERIENCE = "patient-experience"
    PRACTICE = "practice"
    THIRD_SECTOR = "third-sector"
    SERVICE = "service"
    COMMUNITY = "community"
    WIDER_COMMISSIONING = "wider-commissioning"

    @property
    def number(self) -> int:
        """1 to 7, the level's number in the source."""
        return _INVOLVEMENT_ORDER.index(self) + 1

    @property
    def details(self) -> InvolvementDetails:
        """The level's reference record (loaded on first use)."""
        from engagekit.cycles._involvement import involvement_levels

        return involvement_levels()[self]

    @property
    def kind(self) -> InvolvementKind:
        """Individual or collective."""
        return self.details.kind


_INVOLVEMENT_ORDER = tuple(InvolvementLevel)
