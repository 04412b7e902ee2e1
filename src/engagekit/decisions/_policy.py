"""The overridable thresholds behind an evaluation (private)."""

from __future__ import annotations

from typing import Any

import attrs

from engagekit import _display, _validate, _value
from engagekit.cycles import EngagementStage, ParticipationLevel
from engagekit.decisions._consultation import Information
from engagekit.decisions._impact import AccessEffect, ChangeKind, Impact
from engagekit.decisions._triangle import Criterion
from engagekit.errors import InvalidValueError
from engagekit.evidence import Audience


def _audiences(value: object) -> Any:
    audiences = _validate.members(Audience, value, "Policy.acceptability_audiences")
    if not audiences:
        # With none, the triangle's acceptable corner would vanish and every
        # acceptability assessment of a decision be set aside unsaid.
        raise InvalidValueError(
            "Policy.acceptability_audiences",
            list(audiences),
            reason=(
                "names no audience, so no decision's acceptability would be judged; "
                f"name at least one of {', '.join(a.value for a in Audience)}"
            ),
        )
    return audiences


def _criteria(value: object) -> Any:
    return _validate.members(Criterion, value, "Policy.partly_met_blocks")


def _kinds(value: object) -> Any:
    return _validate.members(ChangeKind, value, "Policy.substantial_kinds")


def _access(value: object) -> Any:
    return _validate.members(AccessEffect, value, "Policy.substantial_access")


def _information(value: object) -> Any:
    return _validate.members(Information, value, "Policy.required_information")


def _levels_rise(policy: Policy) -> None:
    if not policy.level_planning <= policy.level_service_change <= policy.level_substantial:
        raise InvalidValueError(
            "Policy.level_substantial",
            policy.level_substantial.value,
            reason=(
                "the minimum levels must not fall as a change grows: level_planning "
                f"({policy.level_planning.value}) ≤ level_service_change "
                f"({policy.level_service_change.value}) ≤ level_substantial"
            ),
        )


_ALL_AUDIENCES = tuple(Audience)
_MOSELEY = (
    Information.PROPOSAL,
    Information.REASONS,
    Information.OPTIONS_CONSIDERED,
    Information.REASONS_FOR_REJECTION,
)


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class Policy:
    """The named, documented thresholds `evaluate` and `required_engagement` use.

    Its ``repr`` is one line: its name and each setting that differs from the
    default, as ``attrs.evolve`` would take it.

    The law leaves most of these to judgement: the 2013 health scrutiny Regulations
    do not define a "substantial" development or variation, and no source engagekit
    cites sets a minimum length for a consultation. The defaults below are
    engagekit's reading of the sources; each is marked as source or policy. A
    commissioner with a local policy builds its own, e.g.
    ``attrs.evolve(DEFAULT_POLICY, consultation_weeks=8)``.

    Attributes:
        name: what to call the policy in reports.
        acceptability_audiences: whose acceptability must be judged (at least
            one). Source: Somerset's Figure 2 names patients, staff and the public.
        require_evidence: a judgement that names no evidence counts as
            insufficient evidence. Policy.
        partly_met_blocks: criteria for which "partly met" counts as not met
            (a stricter local policy might list ``SAFE_AND_EFFECTIVE``). Policy;
            by default "partly met" makes a decision ready with conditions.
        substantial_kinds: kinds of change that can be substantial. Policy.
        substantial_access: effects on access that make such a change substantial.
            Source (partly verified): County Durham CCG names impact on access
            (location, opening hours) and the wider community (transport).
        substantial_people: if set, a change of a ``substantial_kinds`` kind
            affecting at least this many people is substantial whatever its effect
            on access. Policy; no source gives a number, so the default is ``None``.
        temporary_can_be_substantial: whether a temporary change can be
            substantial. Policy.
        bed_closures_substantial: whether significant bed closures are always
            substantial. Policy.
        closure_removes_access: whether a closure counts as an effect on access
            (location) even when none is stated, so that it is substantial whenever
            location is among ``substantial_access``: a closure removes access at
            that site. Policy.
        level_planning: the minimum participation level when only the planning
            limb applies. Policy (the duty can be met by providing information).
        level_service_change: the minimum level when the change affects delivery or
            range (limbs (b) and (c)). Policy.
        level_substantial: the minimum level for a substantial change. Policy.
        consult_when_substantial: whether a substantial change is expected to go to
            formal public consultation. Source (partly verified): County Durham CCG.
        eia_for_service_change: whether every change that affects delivery needs an
            equality impact assessment (one is always needed when ``protected_groups``
            are named). Policy, following the public sector equality duty.
        consultation_weeks: the consultation length below which "adequate time" is
            only partly met. A commonly used planning default of 12 weeks; a policy
            default, not law: the Gunning principles ask for adequate time, not a
            number of weeks.
        required_information: what a consultation must publish for "sufficient
            reasons". Source: Gunning principle 2, and *Moseley* on options
            considered and rejected.
        theme_respondents: with the consultation's themes and their "you said, we
            did" records, a theme raised by at least this many responses and never
            answered means the responses were not conscientiously considered. Policy
            (engagekit's default of 5), applying Gunning principle 4.
        tests_only_when_substantial: apply the four tests only to substantial
            changes, rather than to every change that affects delivery. Source:
            NHS England's service-change guidance is for those considering
            substantial service change.
        technique_stage: the Engagement Cycle stage used to rank suggested
            techniques. Policy.
        suggested_techniques: how many techniques to suggest. Policy.

    Examples:
        >>> DEFAULT_POLICY.consultation_weeks
        12
        >>> import attrs
        >>> strict = attrs.evolve(DEFAULT_POLICY, name="strict",
        ...                       partly_met_blocks=["safe and effective"])
        >>> strict.partly_met_blocks
        (<Criterion.SAFE_AND_EFFECTIVE: 'safe-and-effective'>,)
        >>> strict
        <Policy 'strict': partly_met_blocks=('safe-and-effective',)>
        >>> DEFAULT_POLICY
        <Policy 'engagekit default'>
        >>> attrs.evolve(DEFAULT_POLICY, consultation_weeks=0)
        Traceback (most recent call last):
        ...
        engagekit.errors.InvalidValueError: Policy.consultation_weeks: 0 is not allowed: ...
    """

    name: str = attrs.field(default="engagekit default", validator=_validate.text)
    acceptability_audiences: tuple[Audience, ...] = attrs.field(
        default=_ALL_AUDIENCES, converter=_audiences
    )
    require_evidence: bool = attrs.field(default=True, validator=_validate.flag)
    partly_met_blocks: tuple[Criterion, ...] = attrs.field(default=(), converter=_criteria)
    substantial_kinds: tuple[ChangeKind, ...] = attrs.field(
        default=(
            ChangeKind.REDUCTION,
            ChangeKind.RELOCATION,
            ChangeKind.CLOSURE,
            ChangeKind.DECOMMISSIONING,
        ),
        converter=_kinds,
    )
    substantial_access: tuple[AccessEffect, ...] = attrs.field(
        default=tuple(AccessEffect), converter=_access
    )
    substantial_people: int | None = attrs.field(
        default=None,
        converter=_validate.to_int,
        validator=_validate.optional(_validate.whole_at_least(1)),
    )
    temporary_can_be_substantial: bool = attrs.field(default=True, validator=_validate.flag)
    bed_closures_substantial: bool = attrs.field(default=True, validator=_validate.flag)
    closure_removes_access: bool = attrs.field(default=True, validator=_validate.flag)
    level_planning: ParticipationLevel = attrs.field(
        default=ParticipationLevel.INFORM, converter=ParticipationLevel
    )
    level_service_change: ParticipationLevel = attrs.field(
        default=ParticipationLevel.CONSULT, converter=ParticipationLevel
    )
    level_substantial: ParticipationLevel = attrs.field(
        default=ParticipationLevel.INVOLVE, converter=ParticipationLevel
    )
    consult_when_substantial: bool = attrs.field(default=True, validator=_validate.flag)
    eia_for_service_change: bool = attrs.field(default=True, validator=_validate.flag)
    consultation_weeks: int = attrs.field(
        default=12, converter=_validate.to_int, validator=_validate.whole_at_least(1)
    )
    required_information: tuple[Information, ...] = attrs.field(
        default=_MOSELEY, converter=_information
    )
    theme_respondents: int = attrs.field(
        default=5, converter=_validate.to_int, validator=_validate.whole_at_least(1)
    )
    tests_only_when_substantial: bool = attrs.field(default=True, validator=_validate.flag)
    technique_stage: EngagementStage = attrs.field(
        default=EngagementStage.PLAN_AND_TRANSFORM, converter=EngagementStage
    )
    suggested_techniques: int = attrs.field(
        default=5, converter=_validate.to_int, validator=_validate.whole_at_least(0)
    )

    def __attrs_post_init__(self) -> None:
        _levels_rise(self)

    def __repr__(self) -> str:
        noun = f"Policy {_display.quoted(self.name)}"
        changed = _display.non_defaults(self, skip=["name"])
        return f"<{noun}: {', '.join(changed)}>" if changed else f"<{noun}>"

    def is_substantial(self, impact: Impact) -> bool:
        """Whether this policy counts ``impact`` as a substantial development or variation.

        Examples:
            >>> from engagekit.decisions import Impact
            >>> DEFAULT_POLICY.is_substantial(Impact(kind="relocation",
            ...     people_affected=2000, access=["travel"]))
            True
            >>> DEFAULT_POLICY.is_substantial(Impact(kind="relocation", people_affected=2000))
            False
            >>> DEFAULT_POLICY.is_substantial(Impact(kind="closure", people_affected=50000))
            True
        """
        if impact.bed_closures and self.bed_closures_substantial:
            return True
        if impact.kind not in self.substantial_kinds:
            return False
        if not impact.permanent and not self.temporary_can_be_substantial:
            return False
        if any(effect in self.substantial_access for effect in impact.access):
            return True
        if (
            impact.kind is ChangeKind.CLOSURE
            and self.closure_removes_access
            and AccessEffect.LOCATION in self.substantial_access
        ):
            # A closure removes access at that site: an effect on location, stated or not.
            return True
        return (
            self.substantial_people is not None
            and impact.people_affected is not None
            and impact.people_affected >= self.substantial_people
        )


DEFAULT_POLICY = Policy()
"""The policy engagekit uses unless given another: see `Policy` for each value."""
