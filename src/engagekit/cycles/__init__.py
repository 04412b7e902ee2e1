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

from engagekit.cycles import _render  # noqa: F401  (registers the renderers)
from engagekit.cycles._commissioning import (
    CommissioningCycle,
    CommissioningStage,
    MethodDetails,
    MethodOfEngagement,
    commissioning_cycles,
    load_commissioning_cycles,
)
from engagekit.cycles._engagement import (
    Consideration,
    EngagementCycle,
    EngagementStage,
    FeedLink,
    KeyElement,
    StageDetails,
    engagement_cycle,
)
from engagekit.cycles._involvement import (
    CaseStudy,
    InvolvementDetails,
    InvolvementKind,
    InvolvementLevel,
    involvement_levels,
)
from engagekit.cycles._levels import Ladder, LevelDetails, ParticipationLevel, Rung, ladders
from engagekit.cycles._principles import (
    Judgement,
    Principle,
    PrincipleScore,
    PrincipleSet,
    RubricResult,
    principle_sets,
)


if TYPE_CHECKING:
    #: The Engagement Cycle, loaded on first access.
    ENGAGEMENT_CYCLE: EngagementCycle

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
        return engagement_cycle()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
