"""Statutory duties as dated law, checklists, and compliance reports with evidence.

Each [`Duty`][engagekit.duties.Duty] is in force for a period, binds some kinds of
body ([`BodyType`][engagekit.duties.BodyType]), cites where it is
([`Citation`][engagekit.duties.Citation]) and lists what it asks as
[`Requirement`][engagekit.duties.Requirement] items.
[`duties_for`][engagekit.duties.duties_for] answers "which duties applied to this body
on this date"; [`Checklist`][engagekit.duties.Checklist] turns them into items to
evidence with [`Evidence`][engagekit.evidence.Evidence] records, and
``Checklist.assess`` returns a [`ComplianceReport`][engagekit.duties.ComplianceReport],
a [`Result`][engagekit.results.Result] whose reasons are
[`Finding`][engagekit.duties.Finding]s.

Examples:
    >>> import datetime as dt
    >>> from engagekit.duties import BodyType, duties_for
    >>> duties_for(BodyType.ICB, dt.date(2023, 1, 1)).ids[:3]
    ('nhs-act-s14z35', 'nhs-act-s14z45', 'nhs-act-s14z58')
    >>> duties_for("integrated care board", "2023-01-01").ids[:1]
    ('nhs-act-s14z35',)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from engagekit import _lazy


if TYPE_CHECKING:
    from engagekit.duties._bodies import BodyType, HasBodyType
    from engagekit.duties._changes import BodyChange, DutyChange, DutyChangeKind, DutyChanges
    from engagekit.duties._checklist import (
        Checklist,
        ChecklistItem,
        ComplianceReport,
        Finding,
        load_evidence,
    )
    from engagekit.duties._financial_year import FinancialYear
    from engagekit.duties._involvement import INVOLVEMENT_DUTIES, commissioner_on
    from engagekit.duties._model import (
        Citation,
        Duty,
        EvidenceWindow,
        Requirement,
        Trigger,
    )
    from engagekit.duties._periods import (
        TIMELINE_START,
        LawTimeline,
        TimelineRow,
        involvement_duty,
        law_timeline,
    )
    from engagekit.duties._registry import DutyRegistry, duties_for, load_duties, registry
    from engagekit.duties._results import DutiesInForce, DutyList

# Where each name is defined; its module is imported on first use (PEP 562), so a
# first call loads only the modules it needs.
_EXPORTS = {
    "BodyType": "engagekit.duties._bodies",
    "HasBodyType": "engagekit.duties._bodies",
    "Checklist": "engagekit.duties._checklist",
    "ChecklistItem": "engagekit.duties._checklist",
    "ComplianceReport": "engagekit.duties._checklist",
    "Finding": "engagekit.duties._checklist",
    "load_evidence": "engagekit.duties._checklist",
    "FinancialYear": "engagekit.duties._financial_year",
    "Citation": "engagekit.duties._model",
    "Duty": "engagekit.duties._model",
    "EvidenceWindow": "engagekit.duties._model",
    "Requirement": "engagekit.duties._model",
    "Trigger": "engagekit.duties._model",
    "INVOLVEMENT_DUTIES": "engagekit.duties._involvement",
    "TIMELINE_START": "engagekit.duties._periods",
    "LawTimeline": "engagekit.duties._periods",
    "TimelineRow": "engagekit.duties._periods",
    "commissioner_on": "engagekit.duties._involvement",
    "involvement_duty": "engagekit.duties._periods",
    "law_timeline": "engagekit.duties._periods",
    "DutyRegistry": "engagekit.duties._registry",
    "duties_for": "engagekit.duties._registry",
    "load_duties": "engagekit.duties._registry",
    "registry": "engagekit.duties._registry",
    "BodyChange": "engagekit.duties._changes",
    "DutiesInForce": "engagekit.duties._results",
    "DutyChange": "engagekit.duties._changes",
    "DutyChangeKind": "engagekit.duties._changes",
    "DutyChanges": "engagekit.duties._changes",
    "DutyList": "engagekit.duties._results",
}


__all__ = [
    "INVOLVEMENT_DUTIES",
    "TIMELINE_START",
    "BodyChange",
    "BodyType",
    "Checklist",
    "ChecklistItem",
    "Citation",
    "ComplianceReport",
    "DutiesInForce",
    "Duty",
    "DutyChange",
    "DutyChangeKind",
    "DutyChanges",
    "DutyList",
    "DutyRegistry",
    "EvidenceWindow",
    "FinancialYear",
    "Finding",
    "HasBodyType",
    "LawTimeline",
    "Requirement",
    "TimelineRow",
    "Trigger",
    "commissioner_on",
    "duties_for",
    "involvement_duty",
    "law_timeline",
    "load_duties",
    "load_evidence",
    "registry",
]


def __dir__() -> list[str]:
    return __all__


def __getattr__(name: str) -> Any:
    return _lazy.load(__name__, _EXPORTS, name)
