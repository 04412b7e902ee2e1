"""The results of judging a decision: outcomes, reasons and verdicts (private)."""

from __future__ import annotations

import datetime as dt

from typing import Any

import attrs

from engagekit._display import Displayable
from engagekit.choices import Choice
from engagekit.cycles import ParticipationLevel
from engagekit.decisions._impact import Impact, Limb
from engagekit.decisions._tests import ServiceChangeTest
from engagekit.decisions._triangle import Audience, Criterion
from engagekit.ratings import Rating
from engagekit.sources import Source


class Outcome(Choice):
    """Where a decision stands, from best to worst.

    - ``READY``: ready to decide;
    - ``READY_WITH_CONDITIONS``: ready, with something only partly met;
    - ``INSUFFICIENT_EVIDENCE``: something unassessed, unknown or resting on no evidence;
    - ``NOT_READY``: a criterion or test not met, or the engagement not proportionate.

    An overall outcome is the worst of its reasons' outcomes: nothing compensates
    for a failure.

    Examples:
        >>> Outcome.worst([Outcome.READY, Outcome.NOT_READY, Outcome.INSUFFICIENT_EVIDENCE])
        <Outcome.NOT_READY: 'not-ready'>
        >>> Outcome.READY_WITH_CONDITIONS.ok, Outcome.INSUFFICIENT_EVIDENCE.ok
        (True, False)
    """

    READY = "ready"
    READY_WITH_CONDITIONS = "ready-with-conditions"
    INSUFFICIENT_EVIDENCE = "insufficient-evidence"
    NOT_READY = "not-ready"

    @property
    def severity(self) -> int:
        """0 for ready up to 3 for not ready."""
        return _SEVERITY[self]

    @property
    def ok(self) -> bool:
        """Whether the decision can be taken (ready, with or without conditions)."""
        return self.severity <= 1

    @property
    def label(self) -> str:
        """The outcome in words, e.g. ``"ready with conditions"``."""
        return _LABELS[self]

    @classmethod
    def worst(cls, outcomes: Any) -> Outcome:
        """The most severe of ``outcomes`` (``READY`` if there are none)."""
        worst = Outcome.READY
        for outcome in outcomes:
            if _SEVERITY[outcome] > _SEVERITY[worst]:
                worst = outcome
        return worst


_SEVERITY = {
    Outcome.READY: 0,
    Outcome.READY_WITH_CONDITIONS: 1,
    Outcome.INSUFFICIENT_EVIDENCE: 2,
    Outcome.NOT_READY: 3,
}
_LABELS = {
    Outcome.READY: "ready to decide",
    Outcome.READY_WITH_CONDITIONS: "ready with conditions",
    Outcome.INSUFFICIENT_EVIDENCE: "insufficient evidence",
    Outcome.NOT_READY: "not ready",
}


@attrs.frozen(kw_only=True)
class Reason:
    """One judgement in a :class:`Verdict`, with the rule, evidence and source behind it.

    Attributes:
        rule: the id of the rule applied (see :func:`~engagekit.decisions.rules`).
        title: the rule in a few words.
        outcome: what this judgement alone means for the decision.
        rating: met, partly met, not met or unknown.
        message: the judgement in a sentence.
        criterion: the triangle criterion, if the rule is one.
        audience: for acceptability, whose.
        test: the service-change test, if the rule is one.
        evidence: the ids of the evidence used.
        missing: the evidence that would be needed and was not there.
        source: where the rule comes from.
    """

    rule: str
    title: str
    outcome: Outcome
    rating: Rating
    message: str
    criterion: Criterion | None = None
    audience: Audience | None = None
    test: ServiceChangeTest | None = None
    evidence: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()
    source: Source

    def __str__(self) -> str:
        return f"[{self.outcome.label}] {self.title}: {self.message}"


@attrs.frozen(kw_only=True)
class Ground:
    """Why an :class:`EngagementRequirement` asks for something, and the rule's source."""

    rule: str
    message: str
    source: Source

    def __str__(self) -> str:
        return self.message


@attrs.frozen(kw_only=True)
class EngagementRequirement(Displayable):
    """The engagement a change needs to be proportionate (see :func:`required_engagement`).

    Attributes:
        impact: the change assessed.
        limbs: the limbs of the public involvement duty that apply.
        minimum_level: the lowest participation level that is proportionate.
        formal_consultation: whether formal public consultation is expected.
        substantial: whether the policy counts the change as a substantial
            development or variation.
        scrutiny_consultation: whether the local authority's health scrutiny
            function must be consulted (2013 Regulations, reg 23).
        equality_impact_assessment: whether an equality impact assessment is needed.
        techniques: ids of suggested techniques from the catalogue, best first.
        grounds: why, each with the rule's source.
        policy: the name of the policy applied.

    Examples:
        >>> from engagekit.decisions import required_engagement, Impact, ChangeKind
        >>> req = required_engagement(Impact(kind=ChangeKind.CLOSURE, bed_closures=True))
        >>> req.substantial, req.minimum_level.label
        (True, 'Involve')
        >>> req.grounds[-1].message
        'an equality impact assessment is needed: it changes how services are delivered'
    """

    impact: Impact
    limbs: tuple[Limb, ...]
    minimum_level: ParticipationLevel
    formal_consultation: bool
    substantial: bool
    scrutiny_consultation: bool
    equality_impact_assessment: bool
    techniques: tuple[str, ...] = ()
    grounds: tuple[Ground, ...] = ()
    policy: str = "engagekit default"


@attrs.frozen(kw_only=True)
class ConsultationCheck(Displayable):
    """A consultation checked against the four Gunning principles (see :func:`check_consultation`).

    Attributes:
        decided_on: the date of the decision the consultation informs.
        reasons: one :class:`Reason` per principle, in Gunning's order.
        outcome: the worst of the reasons' outcomes.
    """

    decided_on: dt.date
    reasons: tuple[Reason, ...]
    outcome: Outcome

    @property
    def ok(self) -> bool:
        """Whether every principle is at least partly met."""
        return self.outcome.ok


@attrs.frozen(kw_only=True)
class Verdict(Displayable):
    """Whether a decision is ready to be taken, and every reason why.

    Attributes:
        title: the decision's title.
        body: the deciding body.
        decided_on: the decision's date.
        option: the option evaluated, or ``None`` for the decision's own assessments.
        outcome: the worst of the reasons' outcomes (non-compensatory).
        reasons: every judgement: the triangle, proportionality, consultation,
            scrutiny, equality and the service-change tests, in that order.
        requirement: the engagement the change needed.
        achieved_level: the highest participation level the evidence shows.
        policy: the name of the policy applied.

    Examples:
        >>> from engagekit import examples
        >>> from engagekit.decisions import evaluate
        >>> verdict = evaluate(examples.unproportionate_service_change())
        >>> verdict.ok, len(verdict.blocking), verdict.blocking[0].missing
        (False, 4, ('engagement at the Involve level or above',))
        >>> print(str(verdict).splitlines()[1])
        Outcome: NOT READY
    """

    title: str
    body: str
    decided_on: dt.date
    option: str | None = None
    outcome: Outcome
    reasons: tuple[Reason, ...]
    requirement: EngagementRequirement
    achieved_level: ParticipationLevel | None = None
    policy: str = "engagekit default"

    @property
    def ok(self) -> bool:
        """Whether the decision can be taken (ready, with or without conditions)."""
        return self.outcome.ok

    @property
    def blocking(self) -> tuple[Reason, ...]:
        """The reasons that make it not ready."""
        return tuple(r for r in self.reasons if r.outcome is Outcome.NOT_READY)

    @property
    def gaps(self) -> tuple[Reason, ...]:
        """The reasons that lack evidence."""
        return tuple(r for r in self.reasons if r.outcome is Outcome.INSUFFICIENT_EVIDENCE)

    @property
    def conditions(self) -> tuple[Reason, ...]:
        """The reasons that are only partly met."""
        return tuple(r for r in self.reasons if r.outcome is Outcome.READY_WITH_CONDITIONS)

    def reason(self, rule: str) -> Reason | None:
        """The first reason for ``rule`` (an id such as ``"test.gp-support"``), if any."""
        return next((r for r in self.reasons if r.rule == rule), None)
