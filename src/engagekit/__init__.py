"""engagekit: the NHS patient and public engagement frameworks as typed Python values.

The top level re-exports the names most users need, and every subpackage
(`engagekit.duties`, `engagekit.escalation` …) is reachable as an attribute. Each is
imported the first time it is used, and reference data (the stages, techniques,
duties …) is read from TOML the first time it is needed, so ``import engagekit`` stays
cheap.

Examples:
    >>> import engagekit
    >>> engagekit.EngagementStage.PROCURE.next().title
    'Working with patients and carers to monitor services and share learning'
    >>> engagekit.ParticipationLevel.COLLABORATE > engagekit.ParticipationLevel.CONSULT
    True
    >>> engagekit.duties.duties_for("icb", on="2024-06-30")
    <DutiesInForce for an ICB on 2024-06-30 with ... duties>
"""

from __future__ import annotations

import importlib

from typing import TYPE_CHECKING, Any

from engagekit._version import __version__


if TYPE_CHECKING:
    from engagekit import (
        choices,
        consultations,
        cycles,
        decisions,
        disclosure,
        duties,
        errors,
        escalation,
        evidence,
        examples,
        io,
        plans,
        plot,
        ratings,
        render,
        results,
        schema,
        sources,
        techniques,
    )
    from engagekit.choices import (
        Choice,
    )
    from engagekit.consultations import (
        Consultation,
        ConsultationLoop,
        ResponseSet,
        read_responses,
        response_report,
    )
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
        duties_for,
        law_timeline,
    )
    from engagekit.escalation import (
        Body,
        BodyKind,
        EscalationNetwork,
        Link,
        LinkKind,
        Tier,
    )
    from engagekit.evidence import (
        Evidence,
        EvidenceKind,
    )
    from engagekit.plans import (
        ActionPlan,
        EngagementRecord,
        FeedbackLoop,
        Recurrence,
        TargetDate,
    )
    from engagekit.ratings import (
        Rating,
    )
    from engagekit.results import (
        Outcome,
        Reason,
        Result,
    )
    from engagekit.sources import (
        LegalForce,
        Source,
    )
    from engagekit.techniques import (
        Figure,
        Match,
        Matches,
        Quantity,
        Technique,
        TechniqueCatalogue,
        Unit,
        load_techniques,
    )

    ENGAGEMENT_CYCLE: EngagementCycle
    """The Engagement Cycle (loaded on first access)."""

# Where each top-level name lives; it is imported on first access (PEP 562).
# Modules map to themselves; other names to the module that defines them.
_EXPORTS = {
    "ActionPlan": "engagekit.plans",
    "Assessment": "engagekit.decisions",
    "Body": "engagekit.escalation",
    "BodyKind": "engagekit.escalation",
    "BodyType": "engagekit.duties",
    "Checklist": "engagekit.duties",
    "Choice": "engagekit.choices",
    "choices": "engagekit.choices",
    "commissioning_cycles": "engagekit.cycles",
    "CommissioningCycle": "engagekit.cycles",
    "compare": "engagekit.decisions",
    "ComplianceReport": "engagekit.duties",
    "Consultation": "engagekit.consultations",
    "ConsultationLoop": "engagekit.consultations",
    "consultations": "engagekit.consultations",
    "Criterion": "engagekit.decisions",
    "cycles": "engagekit.cycles",
    "Decision": "engagekit.decisions",
    "decisions": "engagekit.decisions",
    "disclosure": "engagekit.disclosure",
    "duties": "engagekit.duties",
    "duties_for": "engagekit.duties",
    "Duty": "engagekit.duties",
    "DutyRegistry": "engagekit.duties",
    "engagement_cycle": "engagekit.cycles",
    "EngagementCycle": "engagekit.cycles",
    "EngagementRequirement": "engagekit.decisions",
    "EngagementRecord": "engagekit.plans",
    "EngagementStage": "engagekit.cycles",
    "errors": "engagekit.errors",
    "escalation": "engagekit.escalation",
    "EscalationNetwork": "engagekit.escalation",
    "evaluate": "engagekit.decisions",
    "evidence": "engagekit.evidence",
    "Evidence": "engagekit.evidence",
    "EvidenceKind": "engagekit.evidence",
    "examples": "engagekit.examples",
    "plot": "engagekit.plot",
    "FeedbackLoop": "engagekit.plans",
    "Figure": "engagekit.techniques",
    "Impact": "engagekit.decisions",
    "InvolvementLevel": "engagekit.cycles",
    "io": "engagekit.io",
    "Ladder": "engagekit.cycles",
    "Link": "engagekit.escalation",
    "LinkKind": "engagekit.escalation",
    "law_timeline": "engagekit.duties",
    "load_techniques": "engagekit.techniques",
    "Match": "engagekit.techniques",
    "Matches": "engagekit.techniques",
    "MethodOfEngagement": "engagekit.cycles",
    "Option": "engagekit.decisions",
    "Outcome": "engagekit.results",
    "ParticipationLevel": "engagekit.cycles",
    "plans": "engagekit.plans",
    "Policy": "engagekit.decisions",
    "PrincipleSet": "engagekit.cycles",
    "Quantity": "engagekit.techniques",
    "Rating": "engagekit.ratings",
    "ratings": "engagekit.ratings",
    "Reason": "engagekit.results",
    "read_responses": "engagekit.consultations",
    "Recurrence": "engagekit.plans",
    "render": "engagekit.render",
    "required_engagement": "engagekit.decisions",
    "response_report": "engagekit.consultations",
    "ResponseSet": "engagekit.consultations",
    "Result": "engagekit.results",
    "results": "engagekit.results",
    "LegalForce": "engagekit.sources",
    "Source": "engagekit.sources",
    "schema": "engagekit.schema",
    "sources": "engagekit.sources",
    "TargetDate": "engagekit.plans",
    "Technique": "engagekit.techniques",
    "TechniqueCatalogue": "engagekit.techniques",
    "techniques": "engagekit.techniques",
    "Tier": "engagekit.escalation",
    "Unit": "engagekit.techniques",
    "Verdict": "engagekit.decisions",
}

__all__ = [
    "ENGAGEMENT_CYCLE",
    "ActionPlan",
    "Assessment",
    "Body",
    "BodyKind",
    "BodyType",
    "Checklist",
    "Choice",
    "CommissioningCycle",
    "ComplianceReport",
    "Consultation",
    "ConsultationLoop",
    "Criterion",
    "Decision",
    "Duty",
    "DutyRegistry",
    "EngagementCycle",
    "EngagementRecord",
    "EngagementRequirement",
    "EngagementStage",
    "EscalationNetwork",
    "Evidence",
    "EvidenceKind",
    "FeedbackLoop",
    "Figure",
    "Impact",
    "InvolvementLevel",
    "Ladder",
    "LegalForce",
    "Link",
    "LinkKind",
    "Match",
    "Matches",
    "MethodOfEngagement",
    "Option",
    "Outcome",
    "ParticipationLevel",
    "Policy",
    "PrincipleSet",
    "Quantity",
    "Rating",
    "Reason",
    "Recurrence",
    "ResponseSet",
    "Result",
    "Source",
    "TargetDate",
    "Technique",
    "TechniqueCatalogue",
    "Tier",
    "Unit",
    "Verdict",
    "__version__",
    "choices",
    "commissioning_cycles",
    "compare",
    "consultations",
    "cycles",
    "decisions",
    "disclosure",
    "duties",
    "duties_for",
    "engagement_cycle",
    "errors",
    "escalation",
    "evaluate",
    "evidence",
    "examples",
    "io",
    "law_timeline",
    "load_techniques",
    "plans",
    "plot",
    "ratings",
    "read_responses",
    "render",
    "required_engagement",
    "response_report",
    "results",
    "schema",
    "sources",
    "techniques",
]


def __dir__() -> list[str]:
    return __all__


def __getattr__(name: str) -> Any:
    if name == "ENGAGEMENT_CYCLE":
        from engagekit.cycles import engagement_cycle

        return engagement_cycle()
    target = _EXPORTS.get(name)
    if target is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module = importlib.import_module(target)
    value = module if target == f"{__name__}.{name}" else getattr(module, name)
    globals()[name] = value
    return value
