"""Proportionality: the engagement a change needs (private)."""

from __future__ import annotations

import bisect
import datetime as dt
import functools

from typing import TYPE_CHECKING

from engagekit import _validate
from engagekit.cycles import EngagementStage, ParticipationLevel
from engagekit.decisions._impact import ChangeKind, Impact
from engagekit.decisions._policy import DEFAULT_POLICY, Policy
from engagekit.decisions._results import EngagementRequirement, Ground
from engagekit.decisions._rules import by_date, rule
from engagekit.errors import InvalidTypeError
from engagekit.evidence import Limb
from engagekit.sources import Source


if TYPE_CHECKING:
    from collections.abc import Callable


def required_engagement(
    impact: Impact, *, on: dt.date | str | None = None, policy: Policy = DEFAULT_POLICY
) -> EngagementRequirement:
    """The engagement a change with ``impact`` needs to be proportionate.

    Which limbs of the public involvement duty apply follows the statute of the
    decision's date: planning always; proposals and decisions only when the change
    affects how services are delivered or the range available, except before
    3 November 2008, when s242 as enacted (and s11 of the 2001 Act before it)
    applied to all three whatever the impact. Each limb cites the involvement duty
    that bound the commissioner of the day (s11, s242, s14Z2(2) or s14Z45(2)).
    Everything else (whether the change is "substantial", the minimum participation
    level, whether formal consultation is expected, when an equality impact
    assessment is needed) is a named value of ``policy``, because the law leaves
    "substantial" undefined.

    Args:
        impact: what the change would do.
        on: the date the decision is taken (a date or ``"YYYY-MM-DD"``), to leave
            apply the law of that day: the health scrutiny Regulations (S.I. 2002/3048
            reg 4 from 1 January 2003, S.I. 2013/218 reg 23 from 1 April 2013), the
            equality duties (race, disability and gender before 5 April 2011, the
            public sector equality duty from then) and the limbs of the
            involvement duty; ``None`` applies the rules as they stand.
        policy: the thresholds to apply.

    Raises:
        InvalidTypeError: ``impact`` is not an `Impact`, ``on`` not a date or
            ``policy`` not a `Policy`.

    Examples:
        >>> from engagekit.decisions import Impact, ChangeKind, AccessEffect
        >>> r = required_engagement(Impact(kind="relocation", people_affected=4000,
        ...                                access=["travel"]), on="2016-05-05")
        >>> [limb.letter for limb in r.limbs], r.minimum_level.label
        (['a', 'b', 'c'], 'Involve')
        >>> r.substantial, r.formal_consultation, r.scrutiny_consultation
        (True, True, True)
        >>> required_engagement(Impact(kind=ChangeKind.VARIATION, people_affected=10,
        ...                            delivery_changes=False)).minimum_level.label
        'Inform'
    """
    if not isinstance(impact, Impact):
        raise InvalidTypeError("impact", impact, expected="an Impact")
    if on is not None:
        on = _validate.as_date("on", on)
    if not isinstance(policy, Policy):
        raise InvalidTypeError("policy", policy, expected="a Policy")
    # Only the dated rules bear on the requirement: cache on them.
    scrutiny_id = scrutiny_rule_id(on)
    equality_ids = equality_rule_ids(on)
    every_limb = on is not None and rule(_ALL_LIMBS_RULE).applies_on(on)
    return _required(
        impact,
        scrutiny_id=scrutiny_id,
        equality_ids=equality_ids,
        every_limb=every_limb,
        citations=_citations(on),
        unencoded=_before_the_law(on),
        policy=policy,
    )


def _before_the_law(on: dt.date | None) -> str | None:
    """What to say when ``on`` is before the earliest involvement duty engagekit encodes."""
    first = rule(_ALL_LIMBS_RULE).applies_from
    if on is None or first is None or on >= first:
        return None
    return (
        f"engagekit encodes no involvement duty on {on.isoformat()}: the earliest, s11 of "
        f"the Health and Social Care Act 2001, came into force in England on "
        f"{first.isoformat()}, so the limbs are shown as the law now stands"
    )


#: Before 3 November 2008 the involvement duty applied to all three limbs whatever
#: the impact (HSCA 2001 s11; NHS Act 2006 s242(2) as enacted).
_ALL_LIMBS_RULE = "limb.all-matters-before-2008"

#: The equality duties, newest first: the public sector equality duty from 5 April
#: 2011; before it the race (from 2 April 2001), disability (from 4 December 2006)
#: and gender (from 6 April 2007) equality duties.
_EQUALITY_RULES = (
    "equality.due-regard",
    "equality.race-2001",
    "equality.disability-2006",
    "equality.gender-2007",
)


def equality_rule_ids(on: dt.date | None) -> tuple[str, ...]:
    """The ids of the equality rules in force on ``on`` (the newest if ``None``).

    Empty before 2 April 2001, when engagekit encodes no equality duty.
    """
    if on is None:
        return _EQUALITY_RULES[:1]
    return _equality_table()(on)


@functools.cache
def _equality_table() -> Callable[[dt.date], tuple[str, ...]]:
    return by_date(
        [rule(r) for r in _EQUALITY_RULES],
        lambda day: tuple(r for r in _EQUALITY_RULES if rule(r).applies_on(day)),
    )


def _citations(on: dt.date | None) -> tuple[Source, Source, Source] | None:
    """The sources of limbs (a), (b) and (c) as the law of ``on`` words them.

    The involvement duty that bound the commissioner of the day: s11 of the 2001
    Act, s242, s14Z2(2) or s14Z45(2). ``None`` keeps the rules' own sources.
    """
    if on is None:
        return None
    points = _citation_points()
    index = bisect.bisect_right(points, on)
    return _citations_on(points[index - 1] if index else dt.date.min)


@functools.cache
def _citation_points() -> list[dt.date]:
    """The dates the involvement duties, or the kinds of commissioner, began or ended.

    Read from the involvement duties' own records (`engagekit.duties._involvement`),
    not the whole registry; a decision then cites its own stretch of days alone
    (`_citations_on`, cached by the stretch's first day).
    """
    from engagekit.duties._involvement import involvement_days

    return involvement_days()


@functools.cache
def _citations_on(on: dt.date) -> tuple[Source, Source, Source] | None:
    from engagekit.duties._involvement import commissioner_sources

    return commissioner_sources(on)


#: The health scrutiny rules, newest first: reg 23 of S.I. 2013/218 from 1 April 2013,
#: reg 4 of S.I. 2002/3048 from 1 January 2003 to 31 March 2013.
_SCRUTINY_RULES = ("scrutiny.substantial-variation", "scrutiny.substantial-variation-2002")


def scrutiny_rule_id(on: dt.date | None) -> str | None:
    """The id of the health scrutiny rule in force on ``on`` (the newest if ``None``).

    ``None`` before 1 January 2003, when no health scrutiny Regulations applied.
    """
    if on is None:
        return _SCRUTINY_RULES[0]
    return _scrutiny_on(on)


def _scrutiny_on(on: dt.date) -> str | None:
    return _scrutiny_table()(on)


@functools.cache
def _scrutiny_table() -> Callable[[dt.date], str | None]:
    return by_date(
        [rule(r) for r in _SCRUTINY_RULES],
        lambda on: next((r for r in _SCRUTINY_RULES if rule(r).applies_on(on)), None),
    )


@functools.lru_cache(maxsize=4096)
def _required(
    impact: Impact,
    *,
    scrutiny_id: str | None,
    equality_ids: tuple[str, ...],
    every_limb: bool,
    citations: tuple[Source, Source, Source] | None,
    unencoded: str | None,
    policy: Policy,
) -> EngagementRequirement:
    grounds: list[Ground] = []
    limbs = tuple(Limb) if every_limb else impact.limbs
    for limb in limbs:
        r = limb.rule
        source = r.source if citations is None else citations["abc".index(limb.letter)]
        if limb.always_applies:
            why = "always applies"
        elif every_limb:
            why = (
                "applies whatever the impact: before 3 November 2008 the duty had no "
                "condition of impact on delivery or range"
            )
            r = rule(_ALL_LIMBS_RULE)
        else:
            why = _delivery_why(impact)
        title = limb.rule.title.lower()
        if unencoded is not None:
            why += f"; {unencoded}"
        grounds.append(
            Ground(rule=r.id, message=f"limb ({limb.letter}) {title}: {why}", source=source)
        )

    substantial = impact.affects_delivery and policy.is_substantial(impact)
    if substantial:
        level = policy.level_substantial
        tier = "a substantial change"
    elif impact.affects_delivery:
        level = policy.level_service_change
        tier = "a change to how services are delivered or the range available"
    else:
        level = policy.level_planning
        tier = "a change that leaves delivery and range as they are"
    proportion = rule("proportionality.level")
    grounds.append(
        Ground(
            rule=proportion.id,
            message=f"{tier}: the policy's minimum level is {level.label}",
            source=proportion.source,
        )
    )

    formal = substantial and policy.consult_when_substantial
    if formal:
        consult = rule("proportionality.consultation")
        grounds.append(
            Ground(
                rule=consult.id,
                message="a substantial change is expected to go to formal public consultation",
                source=consult.source,
            )
        )

    scrutiny = substantial and scrutiny_id is not None
    if scrutiny and scrutiny_id is not None:
        scrutiny_rule = rule(scrutiny_id)
        regulation = "reg 23" if scrutiny_id == _SCRUTINY_RULES[0] else "S.I. 2002/3048 reg 4"
        grounds.append(
            Ground(
                rule=scrutiny_rule.id,
                message=(
                    "a substantial development or variation: consult the local authority's "
                    f"health scrutiny committee ({regulation}); 'substantial' is the policy's "
                    "reading, the Regulations do not define it"
                ),
                source=scrutiny_rule.source,
            )
        )

    eia = bool(equality_ids) and (
        bool(impact.protected_groups) or (policy.eia_for_service_change and impact.affects_delivery)
    )
    if eia:
        who = (
            "it affects " + ", ".join(impact.protected_groups)
            if impact.protected_groups
            else "it changes how services are delivered"
        )
        for equality_id in equality_ids:
            equality_rule = rule(equality_id)
            if equality_id == _EQUALITY_RULES[0]:
                message = (
                    f"due regard to equality is needed (s149(1)): {who}; the Act requires due "
                    "regard, not an equality impact assessment, and the policy asks for one as "
                    f"the record of that regard. {equality_rule.source.note or ''}"
                ).strip()
            else:
                # Before 5 April 2011: one duty per strand (race, disability, gender).
                message = f"{equality_rule.title.lower()}: due regard is needed: {who}"
                if impact.protected_groups:
                    message += (
                        " (before 5 April 2011 the equality duties covered race, "
                        "disability and gender only)"
                    )
            grounds.append(
                Ground(rule=equality_rule.id, message=message, source=equality_rule.source)
            )

    return EngagementRequirement(
        impact=impact,
        limbs=limbs,
        minimum_level=level,
        formal_consultation=formal,
        substantial=substantial,
        scrutiny_consultation=scrutiny,
        equality_impact_assessment=eia,
        techniques=_suggest(level, policy.technique_stage, policy.suggested_techniques),
        grounds=tuple(grounds),
        policy=policy.name,
    )


def _delivery_why(impact: Impact) -> str:
    if impact.delivery_changes is not None:
        return "the change affects how services are delivered or the range available"
    parts = []
    if impact.kind.changes_range:
        parts.append(f"a {impact.kind.label} changes the range of services")
    elif impact.kind is ChangeKind.RELOCATION:
        parts.append("a relocation changes where services are delivered")
    if impact.access:
        parts.append("it affects " + ", ".join(e.label for e in impact.access))
    if impact.bed_closures:
        parts.append("it closes beds")
    return "; ".join(parts)


@functools.cache
def _suggest(level: ParticipationLevel, stage: EngagementStage, count: int) -> tuple[str, ...]:
    if count == 0:
        return ()
    # The catalogue's ranking read from the techniques' records alone: building the
    # whole catalogue for a few ids was a large part of evaluate's first call.
    from engagekit.techniques._ranking import best_ids

    return best_ids(level, stage, count)
