"""engagekit: the NHS patient and public engagement frameworks as typed Python values.

The top level re-exports the names most users need. Reference data (the stages,
techniques, duties …) is read from TOML the first time it is used, never at import.

Examples:
    >>> import engagekit
    >>> engagekit.EngagementStage.PROCURE.next().title
    'Working with patients and carers to monitor services and share learning'
    >>> engagekit.ParticipationLevel.COLLABORATE > engagekit.ParticipationLevel.CONSULT
    True
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from engagekit import errors, examples, io
from engagekit._techniques import (
    Figure,
    Match,
    Quantity,
    Technique,
    TechniqueCatalogue,
    Unit,
    load_techniques,
    techniques,
)
from engagekit._version import __version__
from engagekit.cycles import (
    CommissioningCycle,
    EngagementCycle,
    EngagementStage,
    InvolvementLevel,
    Ladder,
    MethodOfEngagement,
    ParticipationLevel,
    PrincipleSet,
    commissioning_cycles,
    engagement_cycle,
)
from engagekit.decisions import (
    Assessment,
    Criterion,
    Decision,
    EngagementRequirement,
    Evidence,
    Impact,
    Option,
    Policy,
    Verdict,
    compare,
    evaluate,
    required_engagement,
)
from engagekit.duties import (
    BodyType,
    Checklist,
    ComplianceReport,
    Duty,
    DutyRegistry,
    EvidenceItem,
    duties_for,
)
from engagekit.escalation import EscalationNetwork, Tier
from engagekit.plans import ActionPlan, FeedbackLoop, Recurrence, TargetDate
from engagekit.ratings import Rating
from engagekit.sources import Source


if TYPE_CHECKING:
    #: The Engagement Cycle (loaded on first access).
    ENGAGEMENT_CYCLE: EngagementCycle

__all__ = [
    "ENGAGEMENT_CYCLE",
    "ActionPlan",
    "Assessment",
    "BodyType",
    "Checklist",
    "CommissioningCycle",
    "ComplianceReport",
    "Criterion",
    "Decision",
    "Duty",
    "DutyRegistry",
    "EngagementCycle",
    "EngagementRequirement",
    "EngagementStage",
    "EscalationNetwork",
    "Evidence",
    "EvidenceItem",
    "FeedbackLoop",
    "Figure",
    "Impact",
    "InvolvementLevel",
    "Ladder",
    "Match",
    "MethodOfEngagement",
    "Option",
    "ParticipationLevel",
    "Policy",
    "PrincipleSet",
    "Quantity",
    "Rating",
    "Recurrence",
    "Source",
    "TargetDate",
    "Technique",
    "TechniqueCatalogue",
    "Tier",
    "Unit",
    "Verdict",
    "__version__",
    "commissioning_cycles",
    "compare",
    "duties_for",
    "engagement_cycle",
    "errors",
    "evaluate",
    "examples",
    "io",
    "load_techniques",
    "required_engagement",
    "techniques",
]


def __dir__() -> list[str]:
    return __all__


def __getattr__(name: str) -> Any:
    if name == "ENGAGEMENT_CYCLE":
        return engagement_cycle()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
