"""The results of judging a decision: reasons, requirements and verdicts (private)."""

from __future__ import annotations

import datetime as dt

from typing import ClassVar

import attrs

from engagekit import _display, _value, results
from engagekit.cycles import ParticipationLevel
from engagekit.decisions._impact import Impact
from engagekit.decisions._tests import ServiceChangeTest
from engagekit.decisions._triangle import Criterion
from engagekit.evidence import Audience, Limb
from engagekit.ratings import Rating
from engagekit.results import Outcome
from engagekit.sources import Source


#: A decision's outcomes in the words a decision-maker uses.
READINESS = {
    Outcome.NOT_APPLICABLE: "nothing to decide",
    Outcome.MET: "ready to decide",
    Outcome.PARTLY_MET: "ready with conditions",
    Outcome.INSUFFICIENT_EVIDENCE: "insufficient evidence",
    Outcome.NOT_MET: "not ready",
}


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class Reason(results.Reason):
    """One judgement in a [`Verdict`][engagekit.decisions.Verdict], with its rule and source.

    A [`Reason`][engagekit.results.Reason] that also names the assessor's rating and
    what was judged: a triangle criterion (and, for acceptability, whose), or a
    service-change test.

    Attributes:
        rating: met, partly met, not met or unknown.
        criterion: the triangle criterion, if the rule is one.
        audience: for acceptability, whose.
        test: the service-change test, if the rule is one.

    Examples:
        >>> from engagekit.decisions import evaluate
        >>> from engagekit import examples
        >>> reason = evaluate(examples.unproportionate_service_change()).reasons[0]
        >>> reason.criterion, reason.audience, reason.rating.label
        (<Criterion.ACCEPTABLE: 'acceptable'>, <Audience.PATIENTS: 'patients'>, 'unknown')
    """

    rating: Rating = attrs.field(converter=Rating)
    criterion: Criterion | None = attrs.field(
        default=None, converter=attrs.converters.optional(Criterion)
    )
    audience: Audience | None = attrs.field(
        default=None, converter=attrs.converters.optional(Audience)
    )
    test: ServiceChangeTest | None = attrs.field(
        default=None, converter=attrs.converters.optional(ServiceChangeTest)
    )


_new = object.__new__
_set = object.__setattr__


def made_reason(
    *,
    rule: str,
    title: str,
    outcome: Outcome,
    message: str,
    source: Source,
    rating: Rating,
    evidence: tuple[str, ...] = (),
    missing: tuple[str, ...] = (),
    criterion: Criterion | None = None,
    audience: Audience | None = None,
    test: ServiceChangeTest | None = None,
) -> Reason:
    """A `Reason` built by the evaluation itself, from parts that are already checked.

    The rule, title and source come from the validated rule catalogue, the rating and
    evidence ids from a validated assessment, the outcome from the evaluation's own
    table: checking them again would only repeat the checks, on the hot path of
    `evaluate` (a verdict holds a dozen reasons). The result is equal to the `Reason`
    the constructor builds from the same values.
    """
    reason: Reason = _new(Reason)
    _set(reason, "rule", rule)
    _set(reason, "title", title)
    _set(reason, "outcome", outcome)
    _set(reason, "message", message)
    _set(reason, "evidence", evidence)
    _set(reason, "missing", missing)
    _set(reason, "source", source)
    _set(reason, "rating", rating)
    _set(reason, "criterion", criterion)
    _set(reason, "audience", audience)
    _set(reason, "test", test)
    return reason


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class Ground:
    """Why an [`EngagementRequirement`][engagekit.decisions.EngagementRequirement] asks
    for something, and the rule's source.

    Its ``repr`` is one line: the rule's id and the start of the message; ``str`` is
    the message.

    Examples:
        >>> from engagekit.decisions import required_engagement, Impact
        >>> required_engagement(Impact(kind="variation")).grounds[0]
        <Ground 'limb.planning' 'limb (a) involvement in planning the commissioning arrangem…'>
    """

    rule: str
    message: str
    source: Source

    def __repr__(self) -> str:
        return f"<Ground {_display.quoted(self.rule)} {_display.quoted(self.message)}>"

    def __str__(self) -> str:
        return self.message


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class EngagementRequirement(_display.Displayable, _display.Tabular):
    """The engagement a change needs to be proportionate.

    See [`required_engagement`][engagekit.decisions.required_engagement].

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
        >>> from engagekit.decisions import required_engagement, Impact
        >>> req = required_engagement(Impact(kind="closure", bed_closures=True))
        >>> req
        <EngagementRequirement for a closure: Involve, substantial, with 7 grounds>
        >>> req.substantial, req.minimum_level.label
        (True, 'Involve')
        >>> print(req.grounds[-1].message)  # doctest: +NORMALIZE_WHITESPACE
        due regard to equality is needed (s149(1)): it changes how services are delivered;
        the Act requires due regard, not an equality impact assessment, and the policy asks
        for one as the record of that regard. That an equality impact assessment records
        the regard is engagekit's policy, not the Act's wording.
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

    def __repr__(self) -> str:
        size = "substantial" if self.substantial else "not substantial"
        noun = (
            f"EngagementRequirement for a {self.impact.kind.label}: "
            f"{self.minimum_level.label}, {size},"
        )
        return _display.short_repr(self, noun, [(len(self.grounds), "grounds")])


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class ConsultationCheck(results.Result):
    """A consultation checked against the four Gunning principles.

    See [`check_consultation`][engagekit.decisions.check_consultation].
    ``bool(check)`` is ``check.ok``: every principle at least partly met.

    Attributes:
        on: the date of the decision the consultation informs.
        reasons: one `Reason` per principle, in Gunning's order.
        outcome: the worst of the reasons' outcomes.
    """

    subject: ClassVar[str] = "consultation"

    on: dt.date
    reasons: tuple[Reason, ...]
    outcome: Outcome

    def __repr__(self) -> str:
        noun = f"ConsultationCheck for a decision on {self.on.isoformat()}: {self.outcome.label},"
        return _display.short_repr(self, noun, [(len(self.reasons), "reasons")])


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class Verdict(results.Result):
    """Whether a decision is ready to be taken, and every reason why.

    A [`Result`][engagekit.results.Result]: ``outcome`` is ``MET`` (ready to decide),
    ``PARTLY_MET`` (ready with conditions), ``INSUFFICIENT_EVIDENCE`` or ``NOT_MET``
    (not ready); ``readiness`` says it in those words. ``bool(verdict)`` is
    ``verdict.ok``: whether the decision can be taken (with or without conditions).

    Attributes:
        title: the decision's title.
        body: the deciding body.
        on: the date the decision is taken, whose law applies.
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
        >>> verdict  # doctest: +ELLIPSIS
        <Verdict 'Move the community minor injuries unit ...': not ready, with 13 reasons>
        >>> bool(verdict), verdict.readiness, len(verdict.failures), len(verdict.blocking)
        (False, 'not ready', 4, 6)
        >>> verdict.failures[0].missing
        ('engagement at the Involve level or above',)
        >>> print(str(verdict).splitlines()[1])
        Outcome: NOT READY
    """

    subject: ClassVar[str] = "decision"

    title: str
    body: str
    on: dt.date
    option: str | None = None
    outcome: Outcome
    reasons: tuple[Reason, ...]
    requirement: EngagementRequirement
    achieved_level: ParticipationLevel | None = None
    policy: str = "engagekit default"

    def __repr__(self) -> str:
        noun = f"Verdict {_display.quoted(self.title, 80)}: {self.readiness},"
        return _display.short_repr(self, noun, [(len(self.reasons), "reasons")])

    @property
    def readiness(self) -> str:
        """The outcome in a decision-maker's words: ``"ready to decide"``, ``"ready with
        conditions"``, ``"insufficient evidence"`` or ``"not ready"``."""
        return READINESS[self.outcome]

    @property
    def failures(self) -> tuple[Reason, ...]:
        """The reasons not met: each alone makes the decision not ready, whatever the evidence.

        ``blocking`` also holds the reasons that lack evidence.
        """
        return tuple(r for r in self.reasons if r.outcome is Outcome.NOT_MET)

    @property
    def conditions(self) -> tuple[Reason, ...]:
        """The reasons that are only partly met: the conditions of a ready decision."""
        return tuple(r for r in self.reasons if r.outcome is Outcome.PARTLY_MET)

    @property
    def missing(self) -> tuple[Reason, ...]:
        """The reasons that lack evidence (insufficient evidence)."""
        return tuple(r for r in self.reasons if r.outcome is Outcome.INSUFFICIENT_EVIDENCE)

    def reason(self, rule: str) -> Reason | None:
        """The first reason for ``rule`` (an id such as ``"test.gp-support"``), if any."""
        return next((r for r in self.reasons if r.rule == rule), None)
