"""Evaluating a decision: the triangle, proportionality, consultation and tests (private)."""

from __future__ import annotations

import attrs

from engagekit.decisions._decision import Decision
from engagekit.decisions._policy import DEFAULT_POLICY, Policy
from engagekit.decisions._requirement import required_engagement, scrutiny_rule_id
from engagekit.decisions._results import EngagementRequirement, Reason, Verdict, made_reason
from engagekit.decisions._rules import Rule, rule
from engagekit.decisions._tests import ServiceChangeTest, TestAssessment, applicable_tests
from engagekit.decisions._triangle import Assessment, Criterion
from engagekit.errors import InvalidTypeError
from engagekit.evidence import Audience, EvidenceKind
from engagekit.ratings import Rating
from engagekit.results import Outcome


def evaluate(
    decision: Decision, *, option: str | None = None, policy: Policy = DEFAULT_POLICY
) -> Verdict:
    """Put a decision through the decision triangle, proportionality and the tests.

    The verdict is non-compensatory: its outcome is the worst of its reasons'
    outcomes, so a safety or affordability failure is not outweighed by anything.
    Outcomes read as decisions: *met* is ready to decide, *partly met* ready with
    conditions, *not met* not ready (see `Verdict.readiness`).

    - Triangle: every criterion (acceptability once per audience in
      ``policy.acceptability_audiences``) must be assessed; *not met*, and *partly
      met* for a criterion in ``policy.partly_met_blocks``, give *not met* (not
      ready) with or without evidence; *unknown*, unassessed, or (with
      ``policy.require_evidence``) resting on no evidence gives *insufficient
      evidence*; otherwise *partly met* gives *partly met* (ready with conditions).
    - Proportionality: the engagement evidence must reach the minimum level
      [`required_engagement`][engagekit.decisions.required_engagement] gives; formal
      consultation, when expected, must have happened; a substantial change needs the
      health scrutiny committee's consultation on record; a required equality impact
      assessment must be there. Engaging more than required is fine.
    - Consultation: if there was one, each Gunning principle
      ([`check_consultation`][engagekit.decisions.check_consultation]).
    - Service-change tests in force on the decision's date that apply to the change.

    Args:
        decision: the decision.
        option: evaluate this option's assessments instead of the decision's own.
        policy: the thresholds to apply.

    Raises:
        InvalidTypeError: ``decision`` is not a `Decision` or ``policy`` not a `Policy`.
        UnknownNameError: no option with id ``option``.

    Examples:
        >>> from engagekit import examples
        >>> verdict = evaluate(examples.somerset_rheumatology_decision())
        >>> verdict.outcome.label, verdict.readiness
        ('insufficient evidence', 'insufficient evidence')
        >>> verdict.missing[0].message
        'rated unknown (the case study does not report costs)'
        >>> verdict = evaluate(examples.unproportionate_service_change())
        >>> verdict.outcome.label, verdict.readiness, bool(verdict)
        ('not met', 'not ready', False)
    """
    if not isinstance(decision, Decision):
        raise InvalidTypeError("decision", decision, expected="a Decision")
    if not isinstance(policy, Policy):
        raise InvalidTypeError("policy", policy, expected="a Policy")
    assessments = decision.assessments if option is None else decision.option(option).assessments
    requirement = required_engagement(decision.impact, on=decision.on, policy=policy)
    reasons = triangle_reasons(assessments, policy)
    reasons.extend(_proportionality(decision, requirement))
    if decision.consultation is not None:
        # The Gunning checks load with the first decision that had a consultation.
        from engagekit.decisions._gunning import GunningPrinciple, check_consultation

        check = check_consultation(
            decision.consultation,
            on=decision.on,
            options_considered=max(len(decision.options), 1),
            policy=policy,
        )
        reports = tuple(e.id for e in decision.evidence_of(EvidenceKind.CONSULTATION_REPORT))
        conscientious = GunningPrinciple.CONSCIENTIOUS_CONSIDERATION.rule_id
        for checked in check.reasons:
            if checked.rule == conscientious and reports:
                reasons.append(attrs.evolve(checked, evidence=reports))
            else:
                reasons.append(checked)
    substantial = requirement.substantial
    for test in applicable_tests(
        decision.impact,
        decision.on,
        only_when_substantial=policy.tests_only_when_substantial,
        substantial=substantial,
    ):
        reasons.append(_test_reason(test, decision.test(test), decision, policy))
    return Verdict(
        title=decision.title,
        body=decision.body,
        on=decision.on,
        option=option,
        outcome=Outcome.worst(r.outcome for r in reasons),
        reasons=tuple(reasons),
        requirement=requirement,
        achieved_level=decision.achieved_level,
        policy=policy.name,
    )


def triangle_reasons(assessments: tuple[Assessment, ...], policy: Policy) -> list[Reason]:
    """One reason per criterion (and audience) the policy asks to be judged."""
    # Each assessment by what it judges, the first of any repeats (as `find_exact`).
    found: dict[tuple[Criterion, Audience | None], Assessment] = {}
    for item in reversed(assessments):
        found[item.criterion, item.audience] = item
    require_evidence = policy.require_evidence
    return [
        _judgement_reason(
            r.id,
            found.get((criterion, audience)),
            criterion=criterion,
            audience=audience,
            blocks=blocks,
            require_evidence=require_evidence,
            resolved=(r, what, title),
        )
        for criterion, audience, r, what, title, blocks in _triangle_plan(policy)
    ]


_Judged = tuple[Criterion, Audience | None, Rule, str, str, bool]
#: Per policy (by identity; the policy is kept so its id is not reused): each
#: judgement the triangle asks for, with its rule and wording resolved once.
_PLANS: dict[int, tuple[Policy, tuple[_Judged, ...]]] = {}


def _triangle_plan(policy: Policy) -> tuple[_Judged, ...]:
    entry = _PLANS.get(id(policy))
    if entry is not None and entry[0] is policy:
        return entry[1]
    plan: list[_Judged] = []
    for criterion in Criterion:
        r = rule(f"triangle.{criterion.value}")
        audiences: tuple[Audience | None, ...] = (
            policy.acceptability_audiences if criterion is Criterion.ACCEPTABLE else (None,)
        )
        for audience in audiences:
            what = r.title if audience is None else f"acceptable to {audience.value}"
            title = r.title if audience is None else f"Acceptable to {audience.value}"
            plan.append(
                (criterion, audience, r, what, title, criterion in policy.partly_met_blocks)
            )
    if len(_PLANS) >= 64:
        _PLANS.clear()
    _PLANS[id(policy)] = (policy, tuple(plan))
    return tuple(plan)


def _judgement_reason(
    rule_id: str,
    judged: Assessment | TestAssessment | None,
    *,
    criterion: Criterion | None = None,
    audience: Audience | None = None,
    test: ServiceChangeTest | None = None,
    blocks: bool = False,
    require_evidence: bool = True,
    resolved: tuple[Rule, str, str] | None = None,
) -> Reason:
    if resolved is not None:
        r, what, title = resolved
    else:
        # Only a service-change test comes without `resolved`, and a test has no audience.
        r = rule(rule_id)
        what = title = r.title
    # A reason is a value fixed by the rule and the judgement's rating, evidence, notes
    # and conditions: verdicts share one instance per distinct judgement rather than
    # rebuilding the same message for every decision.
    key: tuple[object, ...] = (r.id, title, criterion, audience, test, blocks, require_evidence)
    if judged is not None:
        conditions = judged.conditions if isinstance(judged, TestAssessment) else ()
        key += (judged.rating, judged.evidence, judged.notes, conditions)
    found = _REASONS.get(key)
    if found is None:
        if len(_REASONS) >= _MAX_REASONS:
            _REASONS.clear()
        found = _REASONS[key] = _judge(
            r,
            what,
            title,
            judged,
            criterion=criterion,
            audience=audience,
            test=test,
            blocks=blocks,
            require_evidence=require_evidence,
        )
    return found


#: Reasons already built, by what fixes them (see `_judgement_reason`); bounded.
_REASONS: dict[tuple[object, ...], Reason] = {}
_MAX_REASONS = 4096


def _judge(
    r: Rule,
    what: str,
    title: str,
    judged: Assessment | TestAssessment | None,
    *,
    criterion: Criterion | None,
    audience: Audience | None,
    test: ServiceChangeTest | None,
    blocks: bool,
    require_evidence: bool,
) -> Reason:
    rating = Rating.UNKNOWN if judged is None else judged.rating
    evidence = () if judged is None else judged.evidence
    notes = "" if judged is None or judged.notes is None else f" ({judged.notes})"
    missing: tuple[str, ...] = ()
    if judged is None:
        outcome = Outcome.INSUFFICIENT_EVIDENCE
        message = f"not assessed: {what}"
        missing = (f"an assessment: {what.lower()}",)
    elif rating is Rating.NOT_MET:
        outcome = Outcome.NOT_MET
        message = f"not met{notes}; nothing else can make up for it"
    elif rating is Rating.PARTLY_MET and blocks:
        # A judgement that the policy does not accept blocks like "not met": evidence
        # could only confirm it, so its absence does not soften it to "insufficient".
        outcome = Outcome.NOT_MET
        message = f"partly met{notes}; the policy does not accept partly met here"
    elif rating is Rating.UNKNOWN:
        outcome = Outcome.INSUFFICIENT_EVIDENCE
        message = f"rated unknown{notes}"
        missing = (f"evidence to judge: {what.lower()}",)
    elif require_evidence and not evidence:
        outcome = Outcome.INSUFFICIENT_EVIDENCE
        message = f"rated {rating.label} but rests on no evidence{notes}"
        missing = (f"evidence behind: {what.lower()}",)
    elif rating is Rating.PARTLY_MET:
        outcome = Outcome.PARTLY_MET
        message = f"partly met{notes}"
    else:
        outcome = Outcome.MET
        message = f"met{notes}"
    if isinstance(judged, TestAssessment) and judged.conditions:
        message += "; conditions met: " + ", ".join(c.title.lower() for c in judged.conditions)
    return made_reason(
        rule=r.id,
        title=title,
        outcome=outcome,
        rating=rating,
        message=message,
        criterion=criterion,
        audience=audience,
        test=test,
        evidence=evidence,
        missing=missing,
        source=r.source,
    )


def _test_reason(
    test: ServiceChangeTest, judged: TestAssessment | None, decision: Decision, policy: Policy
) -> Reason:
    return _judgement_reason(
        test.rule_on(decision.on).id, judged, test=test, require_evidence=policy.require_evidence
    )


def _proportionality(decision: Decision, req: EngagementRequirement) -> list[Reason]:
    reasons = []
    achieved = decision.achieved_level
    level_rule = rule("proportionality.level")
    engaged = tuple(
        e.id for e in decision.evidence if e.level is not None and e.level >= req.minimum_level
    )
    if achieved is None or achieved < req.minimum_level:
        reached = (
            "no engagement on record"
            if achieved is None
            else f"engagement reached {achieved.label}"
        )
        reasons.append(
            made_reason(
                rule=level_rule.id,
                title="Proportionate engagement",
                outcome=Outcome.NOT_MET,
                rating=Rating.NOT_MET,
                message=f"{reached}; the change needs at least {req.minimum_level.label}",
                evidence=tuple(e.id for e in decision.evidence if e.level is not None),
                missing=(f"engagement at the {req.minimum_level.label} level or above",),
                source=level_rule.source,
            )
        )
    else:
        reasons.append(
            made_reason(
                rule=level_rule.id,
                title="Proportionate engagement",
                outcome=Outcome.MET,
                rating=Rating.MET,
                message=f"engagement reached {achieved.label}; the change needs at least "
                f"{req.minimum_level.label}",
                evidence=engaged,
                source=level_rule.source,
            )
        )
    if req.formal_consultation:
        consult_rule = rule("proportionality.consultation")
        held = decision.consultation is not None
        reasons.append(
            made_reason(
                rule=consult_rule.id,
                title=consult_rule.title,
                outcome=Outcome.MET if held else Outcome.NOT_MET,
                rating=Rating.MET if held else Rating.NOT_MET,
                message="a formal public consultation was held"
                if held
                else "a substantial change, and no formal public consultation was held",
                missing=() if held else ("a formal public consultation",),
                source=consult_rule.source,
            )
        )
    scrutiny_id = scrutiny_rule_id(decision.on)
    if req.scrutiny_consultation and scrutiny_id is not None:
        reasons.append(
            _evidence_reason(
                decision,
                scrutiny_id,
                EvidenceKind.SCRUTINY_CONSULTATION,
                found="the health scrutiny committee was consulted",
                lacking="a substantial change, and no record of consulting the health "
                "scrutiny committee",
                missing="a record of consulting the local authority's health scrutiny committee",
                outcome_if_missing=Outcome.NOT_MET,
            )
        )
    # The requirement names equality grounds only when it asks for an assessment.
    for equality_id in (g.rule for g in req.grounds if g.rule.startswith("equality.")):
        duty = _EQUALITY_DUTY[equality_id]
        reasons.append(
            _evidence_reason(
                decision,
                equality_id,
                EvidenceKind.EQUALITY_IMPACT_ASSESSMENT,
                found="an equality impact assessment is on record as the record of due regard "
                f"({duty} requires due regard to equality, not an assessment)",
                lacking=f"no equality impact assessment on record: {duty} requires due regard "
                "to equality, not an equality impact assessment; the policy asks for one as "
                "the record of that regard",
                missing="a record of due regard to equality (an equality impact assessment)",
                outcome_if_missing=Outcome.INSUFFICIENT_EVIDENCE,
            )
        )
    return reasons


#: The provision each equality rule's due-regard duty is in: the public sector
#: equality duty from 5 April 2011, the race, disability and gender duties before.
_EQUALITY_DUTY = {
    "equality.due-regard": "s149(1)",
    "equality.race-2001": "Race Relations Act 1976 s71(1)",
    "equality.disability-2006": "Disability Discrimination Act 1995 s49A(1)",
    "equality.gender-2007": "Sex Discrimination Act 1975 s76A(1)",
}


def _evidence_reason(
    decision: Decision,
    rule_id: str,
    kind: EvidenceKind,
    *,
    found: str,
    lacking: str,
    missing: str,
    outcome_if_missing: Outcome,
) -> Reason:
    r = rule(rule_id)
    ids = tuple(e.id for e in decision.evidence_of(kind))
    if ids:
        return made_reason(
            rule=r.id,
            title=r.title,
            outcome=Outcome.MET,
            rating=Rating.MET,
            message=found,
            evidence=ids,
            source=r.source,
        )
    return made_reason(
        rule=r.id,
        title=r.title,
        outcome=outcome_if_missing,
        rating=Rating.NOT_MET if outcome_if_missing is Outcome.NOT_MET else Rating.UNKNOWN,
        message=lacking,
        missing=(missing,),
        source=r.source,
    )
