"""The engagement frameworks everything else refers to.

- the Engagement Cycle: [`EngagementStage`][engagekit.cycles.EngagementStage],
  `ENGAGEMENT_CYCLE`;
- commissioning cycles and the four methods of engagement:
  [`CommissioningCycle`][engagekit.cycles.CommissioningCycle],
  [`MethodOfEngagement`][engagekit.cycles.MethodOfEngagement];
- participation levels and ladders:
  [`ParticipationLevel`][engagekit.cycles.ParticipationLevel],
  [`Ladder`][engagekit.cycles.Ladder];
- Somerset's seven levels of involvement:
  [`InvolvementLevel`][engagekit.cycles.InvolvementLevel];
- principles of good engagement as rubrics:
  [`PrincipleSet`][engagekit.cycles.PrincipleSet].

Reference data is read from TOML on first use, not at import. The catalogues
(`commissioning_cycles()`, `ladders()`, `involvement_levels()`, `principle_sets()`)
are read-only mappings shared by every caller.

Examples:
    >>> from engagekit.cycles import ENGAGEMENT_CYCLE, EngagementStage
    >>> ENGAGEMENT_CYCLE[EngagementStage.PROCURE].headings[0]
    'Involve people in different aspects of procurement'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from engagekit import _lazy


if TYPE_CHECKING:
    from engagekit.cycles._choices import (
        EngagementStage,
        InvolvementKind,
        InvolvementLevel,
        MethodOfEngagement,
        ParticipationLevel,
    )
    from engagekit.cycles._commissioning import (
        CommissioningCycle,
        CommissioningStage,
        MethodDetails,
        commissioning_cycles,
        load_commissioning_cycles,
    )
    from engagekit.cycles._engagement import (
        Consideration,
        EngagementCycle,
        FeedLink,
        KeyElement,
        StageDetails,
        engagement_cycle,
    )
    from engagekit.cycles._involvement import (
        CaseStudy,
        InvolvementDetails,
        involvement_levels,
    )
    from engagekit.cycles._levels import Ladder, LevelDetails, Rung, ladders
    from engagekit.cycles._principles import Principle, PrincipleSet, principle_sets
    from engagekit.cycles._rubric import Judgement, PrincipleScore, RubricResult

    ENGAGEMENT_CYCLE: EngagementCycle
    """The Engagement Cycle, loaded on first access."""

# Where each name is defined; its module is imported on first use (PEP 562), so a
# first call loads only the modules it needs.
_EXPORTS = {
    "CommissioningCycle": "engagekit.cycles._commissioning",
    "CommissioningStage": "engagekit.cycles._commissioning",
    "MethodDetails": "engagekit.cycles._commissioning",
    "MethodOfEngagement": "engagekit.cycles._choices",
    "commissioning_cycles": "engagekit.cycles._commissioning",
    "load_commissioning_cycles": "engagekit.cycles._commissioning",
    "Consideration": "engagekit.cycles._engagement",
    "EngagementCycle": "engagekit.cycles._engagement",
    "EngagementStage": "engagekit.cycles._choices",
    "FeedLink": "engagekit.cycles._engagement",
    "KeyElement": "engagekit.cycles._engagement",
    "StageDetails": "engagekit.cycles._engagement",
    "engagement_cycle": "engagekit.cycles._engagement",
    "CaseStudy": "engagekit.cycles._involvement",
    "InvolvementDetails": "engagekit.cycles._involvement",
    "InvolvementKind": "engagekit.cycles._choices",
    "InvolvementLevel": "engagekit.cycles._choices",
    "involvement_levels": "engagekit.cycles._involvement",
    "Ladder": "engagekit.cycles._levels",
    "LevelDetails": "engagekit.cycles._levels",
    "ParticipationLevel": "engagekit.cycles._choices",
    "Rung": "engagekit.cycles._levels",
    "ladders": "engagekit.cycles._levels",
    "Judgement": "engagekit.cycles._rubric",
    "Principle": "engagekit.cycles._principles",
    "PrincipleScore": "engagekit.cycles._rubric",
    "PrincipleSet": "engagekit.cycles._principles",
    "RubricResult": "engagekit.cycles._rubric",
    "principle_sets": "engagekit.cycles._principles",
}

__all__ = [
    "ENGAGEMENT_CYCLE",
    "CaseStudy",
    "CommissioningCycle",
    "CommissioningStage",
    "Consideration",
    "EngagementCycle",
    "EngagementStage",
    "FeedLink",
    "InvolvementDetails",
    "InvolvementKind",
    "InvolvementLevel",
    "Judgement",
    "KeyElement",
    "Ladder",
    "LevelDetails",
    "MethodDetails",
    "MethodOfEngagement",
    "ParticipationLevel",
    "Principle",
    "PrincipleScore",
    "PrincipleSet",
    "RubricResult",
    "Rung",
    "StageDetails",
    "commissioning_cycles",
    "engagement_cycle",
    "involvement_levels",
    "ladders",
    "load_commissioning_cycles",
    "principle_sets",
]


def __dir__() -> list[str]:
    return __all__


def __getattr__(name: str) -> Any:
    # ENGAGEMENT_CYCLE is loaded on first access so that importing stays cheap.
    if name == "ENGAGEMENT_CYCLE":
        from engagekit.cycles._engagement import engagement_cycle

        return engagement_cycle()
    return _lazy.load(__name__, _EXPORTS, name)
