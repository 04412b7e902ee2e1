"""Statutory duties as dated law, checklists, and compliance reports with evidence.

Each :class:`Duty` is in force for a period, binds some kinds of body
(:class:`BodyType`), cites where it is (:class:`Citation`) and lists what it asks as
:class:`Requirement` items. :func:`duties_for` answers "which duties applied to this
body on this date"; :class:`Checklist` turns them into items to evidence, and
:meth:`Checklist.assess` returns a :class:`ComplianceReport`.

Examples:
    >>> import datetime as dt
    >>> from engagekit.duties import BodyType, duties_for
    >>> [d.id for d in duties_for(BodyType.ICB, dt.date(2023, 1, 1))][:3]
    ['nhs-act-s14z35', 'nhs-act-s14z45', 'nhs-act-s14z58']
"""

from __future__ import annotations

from engagekit.duties._bodies import BodyType
from engagekit.duties._checklist import (
    Checklist,
    ChecklistItem,
    ComplianceReport,
    EvidenceItem,
    EvidenceKind,
    Finding,
    FindingStatus,
    load_evidence,
)
from engagekit.duties._financial_year import FinancialYear
from engagekit.duties._model import (
    Citation,
    Duty,
    DutyKind,
    EvidenceWindow,
    Requirement,
    Trigger,
)
from engagekit.duties._registry import (
    BodyChange,
    ChangeKind,
    DutiesInForce,
    DutyChange,
    DutyChanges,
    DutyRegistry,
    duties_for,
    load_duties,
    registry,
)


__all__ = [
    "BodyChange",
    "BodyType",
    "ChangeKind",
    "Checklist",
    "ChecklistItem",
    "Citation",
    "ComplianceReport",
    "DutiesInForce",
    "Duty",
    "DutyChange",
    "DutyChanges",
    "DutyKind",
    "DutyRegistry",
    "EvidenceItem",
    "EvidenceKind",
    "EvidenceWindow",
    "FinancialYear",
    "Finding",
    "FindingStatus",
    "Requirement",
    "Trigger",
    "duties_for",
    "load_duties",
    "load_evidence",
    "registry",
]


def __dir__() -> list[str]:
    return __all__
