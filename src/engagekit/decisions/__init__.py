"""The decision triangle: evaluate a commissioning decision, its proportionality and its tests.

NHS Somerset's strategy (Figure 2) says every commissioning decision weighs three
things: is it **acceptable** to patients, staff and the public, is it
**affordable**, is it **clinically safe and effective**; and, alongside, is it
**proportionate**. This package puts a [`Decision`][engagekit.decisions.Decision] (or
each of its [`Option`][engagekit.decisions.Option]s) through that triangle, together
with the public involvement duty's limbs, the health scrutiny Regulations, the equality
duty, the service-change tests (the four tests of 2010 and the bed-closure test of
2017) and the Gunning principles of consultation, and returns a
[`Verdict`][engagekit.decisions.Verdict] that names the rule, the evidence and the
source behind every judgement.

- `evaluate` → `Verdict` (non-compensatory: a failure is never outweighed); a
  [`Result`][engagekit.results.Result] whose ``bool`` is its ``ok``;
- `compare` → `Comparison` (options appraisal with dominance and gates);
- `required_engagement` → `EngagementRequirement` (proportionality);
- `check_consultation` → `ConsultationCheck` (Gunning);
- `Policy` holds every threshold, named and overridable; the law leaves
  "substantial" undefined.

Evidence is the one [`engagekit.evidence.Evidence`][engagekit.evidence.Evidence]
record (re-exported here with `EvidenceKind`, `Audience` and `Limb`), and outcomes are
the one [`engagekit.results.Outcome`][engagekit.results.Outcome] family: for a
decision, *met* reads "ready to decide" and *not met* "not ready".

Examples:
    >>> import datetime as dt
    >>> from engagekit.decisions import Assessment, Decision, Evidence, Impact, evaluate
    >>> d = Decision(
    ...     title="Weekend opening of the minor injuries unit", body="Governing Body",
    ...     on=dt.date(2013, 6, 1),
    ...     impact=Impact(kind="variation", people_affected=900, delivery_changes=False),
    ...     evidence=[Evidence(id="cost", kind="financial appraisal",
    ...                        date=dt.date(2013, 4, 2), what="Within budget")],
    ...     assessments=[Assessment(criterion="affordable", rating="met", evidence=["cost"]),
    ...                  Assessment(criterion="safe and effective", rating="not met")])
    >>> verdict = evaluate(d)
    >>> verdict.outcome.label, verdict.readiness, bool(verdict)
    ('not met', 'not ready', False)
    >>> [r.title for r in verdict.failures]
    ['Clinically safe and effective', 'Proportionate engagement']
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from engagekit import _lazy


if TYPE_CHECKING:
    from engagekit.decisions._compare import Column, Comparison, OptionRow, compare, dominates
    from engagekit.decisions._consultation import Consultation, Information, ProposalStatus
    from engagekit.decisions._decision import Decision
    from engagekit.decisions._evaluate import evaluate
    from engagekit.decisions._gunning import GunningPrinciple, check_consultation
    from engagekit.decisions._impact import AccessEffect, ChangeKind, Impact
    from engagekit.decisions._policy import DEFAULT_POLICY, Policy
    from engagekit.decisions._requirement import required_engagement
    from engagekit.decisions._results import (
        ConsultationCheck,
        EngagementRequirement,
        Ground,
        Reason,
        Verdict,
    )
    from engagekit.decisions._rules import Rule, Rules, rule, rules
    from engagekit.decisions._tests import (
        BedCondition,
        ServiceChangeTest,
        TestAssessment,
        applicable_tests,
        tests_in_force,
    )
    from engagekit.decisions._triangle import Assessment, Criterion, Option
    from engagekit.evidence import Audience, Evidence, EvidenceKind, Limb
    from engagekit.results import Outcome

# Where each name is defined; its module is imported on first use (PEP 562), so a
# first call loads only the modules it needs.
_EXPORTS = {
    "Column": "engagekit.decisions._compare",
    "Comparison": "engagekit.decisions._compare",
    "OptionRow": "engagekit.decisions._compare",
    "compare": "engagekit.decisions._compare",
    "dominates": "engagekit.decisions._compare",
    "Consultation": "engagekit.decisions._consultation",
    "Information": "engagekit.decisions._consultation",
    "ProposalStatus": "engagekit.decisions._consultation",
    "Decision": "engagekit.decisions._decision",
    "evaluate": "engagekit.decisions._evaluate",
    "GunningPrinciple": "engagekit.decisions._gunning",
    "check_consultation": "engagekit.decisions._gunning",
    "AccessEffect": "engagekit.decisions._impact",
    "ChangeKind": "engagekit.decisions._impact",
    "Impact": "engagekit.decisions._impact",
    "DEFAULT_POLICY": "engagekit.decisions._policy",
    "Policy": "engagekit.decisions._policy",
    "required_engagement": "engagekit.decisions._requirement",
    "ConsultationCheck": "engagekit.decisions._results",
    "EngagementRequirement": "engagekit.decisions._results",
    "Ground": "engagekit.decisions._results",
    "Reason": "engagekit.decisions._results",
    "Verdict": "engagekit.decisions._results",
    "Rule": "engagekit.decisions._rules",
    "Rules": "engagekit.decisions._rules",
    "rule": "engagekit.decisions._rules",
    "rules": "engagekit.decisions._rules",
    "BedCondition": "engagekit.decisions._tests",
    "ServiceChangeTest": "engagekit.decisions._tests",
    "TestAssessment": "engagekit.decisions._tests",
    "applicable_tests": "engagekit.decisions._tests",
    "tests_in_force": "engagekit.decisions._tests",
    "Assessment": "engagekit.decisions._triangle",
    "Criterion": "engagekit.decisions._triangle",
    "Option": "engagekit.decisions._triangle",
    "Audience": "engagekit.evidence",
    "Evidence": "engagekit.evidence",
    "EvidenceKind": "engagekit.evidence",
    "Limb": "engagekit.evidence",
    "Outcome": "engagekit.results",
}


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
    "Rules",
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


def __getattr__(name: str) -> Any:
    return _lazy.load(__name__, _EXPORTS, name)
