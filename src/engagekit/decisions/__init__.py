"""The decision triangle: evaluate a commissioning decision, its proportionality and its tests.

NHS Somerset's strategy (Figure 2) says every commissioning decision weighs three
things: is it **acceptable** to patients, staff and the public, is it
**affordable**, is it **clinically safe and effective**; and, alongside, is it
**proportionate**. This package puts a :class:`Decision` (or each of its
:class:`Option` s) through that triangle, together with the public involvement
duty's limbs, the health scrutiny Regulations, the equality duty, the service-change
tests (the four tests of 2010 and the bed-closure test of 2017) and the Gunning
principles of consultation, and returns a :class:`Verdict` that names the rule,
the evidence and the source behind every judgement.

- :func:`evaluate` → :class:`Verdict` (non-compensatory: a failure is never
  outweighed);
- :func:`compare` → :class:`Comparison` (options appraisal with dominance and gates);
- :func:`required_engagement` → :class:`EngagementRequirement` (proportionality);
- :func:`check_consultation` → :class:`ConsultationCheck` (Gunning);
- :class:`Policy` holds every threshold, named and overridable; the law leaves
  "substantial" undefined.

Examples:
    >>> import datetime as dt
    >>> from engagekit import Rating
    >>> from engagekit.decisions import (Assessment, Audience, ChangeKind, Criterion, Decision,
    ...     Evidence, EvidenceKind, Impact, evaluate)
    >>> d = Decision(
    ...     title="Weekend opening of the minor injuries unit", body="Governing Body",
    ...     date=dt.date(2013, 6, 1),
    ...     impact=Impact(kind=ChangeKind.VARIATION, people_affected=900, delivery_changes=False),
    ...     evidence=[Evidence(id="cost", kind=EvidenceKind.FINANCIAL_APPRAISAL,
    ...                        date=dt.date(2013, 4, 2), summary="Within budget")],
    ...     assessments=[Assessment(criterion=Criterion.AFFORDABLE, rating=Rating.MET,
    ...                             evidence=["cost"]),
    ...                  Assessment(criterion=Criterion.SAFE_AND_EFFECTIVE, rating=Rating.NOT_MET)])
    >>> verdict = evaluate(d)
    >>> verdict.outcome.label
    'not ready'
    >>> [r.title for r in verdict.blocking]
    ['Clinically safe and effective', 'Proportionate engagement']
"""

from __future__ import annotations

from engagekit.decisions._compare import Column, Comparison, OptionRow, compare, dominates
from engagekit.decisions._consultation import Consultation, Information, ProposalStatus
from engagekit.decisions._decision import Decision
from engagekit.decisions._evaluate import evaluate
from engagekit.decisions._gunning import GunningPrinciple, check_consultation
from engagekit.decisions._impact import AccessEffect, ChangeKind, Impact, Limb
from engagekit.decisions._policy import DEFAULT_POLICY, Policy
from engagekit.decisions._requirement import required_engagement
from engagekit.decisions._results import (
    ConsultationCheck,
    EngagementRequirement,
    Ground,
    Outcome,
    Reason,
    Verdict,
)
from engagekit.decisions._rules import Rule, rule, rules
from engagekit.decisions._tests import (
    BedCondition,
    ServiceChangeTest,
    TestAssessment,
    applicable_tests,
    tests_in_force,
)
from engagekit.decisions._triangle import (
    Assessment,
    Audience,
    Criterion,
    Evidence,
    EvidenceKind,
    Option,
)


__all__ = [
    "DEFAULT_POLICY",
    "AccessEffect",
    "Assessment",
    "Audience",
    "BedCondition",
    "ChangeKind",
    "Column",
    "Comparison",
    "Consultation",
    "ConsultationCheck",
    "Criterion",
    "Decision",
    "EngagementRequirement",
    "Evidence",
    "EvidenceKind",
    "Ground",
    "GunningPrinciple",
    "Impact",
    "Information",
    "Limb",
    "Option",
    "OptionRow",
    "Outcome",
    "Policy",
    "ProposalStatus",
    "Reason",
    "Rule",
    "ServiceChangeTest",
    "TestAssessment",
    "Verdict",
    "applicable_tests",
    "check_consultation",
    "compare",
    "dominates",
    "evaluate",
    "required_engagement",
    "rule",
    "rules",
    "tests_in_force",
]


def __dir__() -> list[str]:
    return __all__
