"""Decision workloads: ``evaluate`` against the same rules written by hand.

The baseline reads the same `Decision` values and applies the same rules with plain
code: the default policy's thresholds and the dated rules held as plain tuples (set
up untimed, as a hand-written module would hold them at import), building one
``(rule, outcome, message)`` tuple per reason and the worst outcome. Every ``build``
checks once, untimed, that both give the same reasons, outcomes and messages.
"""

from __future__ import annotations

import datetime as dt
import random

from benchmarks._runner import Growth


def _decisions(count: int):
    from engagekit.cycles import ParticipationLevel
    from engagekit.decisions import (
        AccessEffect,
        Assessment,
        Audience,
        ChangeKind,
        Criterion,
        Decision,
        Evidence,
        EvidenceKind,
        Impact,
    )
    from engagekit.ratings import Rating

    rng = random.Random(3)
    impacts = [
        Impact(kind=kind, access=access, people_affected=people)
        for kind in ChangeKind
        for access in ((), (AccessEffect.TRAVEL,))
        for people in (100, 5000)
    ]
    keys = [(Criterion.ACCEPTABLE, a) for a in Audience] + [
        (Criterion.AFFORDABLE, None),
        (Criterion.SAFE_AND_EFFECTIVE, None),
    ]
    levels, ratings = list(ParticipationLevel), list(Rating)
    out = []
    for n in range(count):
        day = dt.date(2001, 1, 1) + dt.timedelta(days=n * 7 % 9000)
        evidence = [
            Evidence(
                id="engagement",
                kind=EvidenceKind.ENGAGEMENT_ACTIVITY,
                date=day,
                what="Engagement event",
                level=rng.choice(levels),
            ),
            Evidence(id="appraisal", kind=EvidenceKind.FINANCIAL_APPRAISAL, date=day, what="£"),
        ]
        if n % 3 == 0:
            evidence.append(
                Evidence(
                    id="eia", kind=EvidenceKind.EQUALITY_IMPACT_ASSESSMENT, date=day, what="EIA"
                )
            )
        assessments = tuple(
            Assessment(
                criterion=c,
                audience=a,
                rating=rng.choice(ratings),
                evidence=("engagement",) if c is Criterion.ACCEPTABLE else ("appraisal",),
            )
            for c, a in keys
            if n % 11 or c is not Criterion.AFFORDABLE
        )
        out.append(
            Decision(
                title=f"Decision {n}",
                body="Governing Body",
                on=day,
                impact=rng.choice(impacts),
                evidence=tuple(evidence),
                assessments=assessments,
            )
        )
    return out


def _hand_written():
    """The plain rules: tables set up once, and a function applying them to a decision."""
    from engagekit.decisions import DEFAULT_POLICY, AccessEffect, ChangeKind, Criterion, rules
    from engagekit.decisions._tests import ServiceChangeTest
    from engagekit.evidence import EvidenceKind
    from engagekit.ratings import Rating
    from engagekit.results import Outcome

    policy = DEFAULT_POLICY
    catalogue = {r.id: r for r in rules()}

    def window(rule_id):
        r = catalogue[rule_id]
        return (r.applies_from or dt.date.min, r.applies_to or dt.date.max)

    title = {rule_id: r.title for rule_id, r in catalogue.items()}
    triangle = []
    for criterion in Criterion:
        rule_id = f"triangle.{criterion.value}"
        audiences = policy.acceptability_audiences if criterion is Criterion.ACCEPTABLE else (None,)
        for audience in audiences:
            what = title[rule_id] if audience is None else f"acceptable to {audience.value}"
            triangle.append(
                (criterion, audience, rule_id, what, criterion in policy.partly_met_blocks)
            )
    scrutiny = [
        (rule_id, *window(rule_id))
        for rule_id in ("scrutiny.substantial-variation", "scrutiny.substantial-variation-2002")
    ]
    equality = [
        (rule_id, duty, *window(rule_id))
        for rule_id, duty in (
            ("equality.due-regard", "s149(1)"),
            ("equality.race-2001", "Race Relations Act 1976 s71(1)"),
            ("equality.disability-2006", "Disability Discrimination Act 1995 s49A(1)"),
            ("equality.gender-2007", "Sex Discrimination Act 1975 s76A(1)"),
        )
    ]
    # Each test's wording is dated: one rule per period (the 2010 wording, then …).
    tests = [(t, r.id, *window(r.id)) for t in ServiceChangeTest for r in t.rules]
    severity = {
        Outcome.NOT_APPLICABLE: 0,
        Outcome.MET: 1,
        Outcome.PARTLY_MET: 2,
        Outcome.INSUFFICIENT_EVIDENCE: 3,
        Outcome.NOT_MET: 4,
    }
    ranges = {ChangeKind.RELOCATION}
    substantial_kinds = set(policy.substantial_kinds)
    substantial_access = set(policy.substantial_access)
    closure_removes_access = (
        policy.closure_removes_access and AccessEffect.LOCATION in substantial_access
    )
    partly, unknown, not_met = Rating.PARTLY_MET, Rating.UNKNOWN, Rating.NOT_MET
    o_met, o_partly = Outcome.MET, Outcome.PARTLY_MET
    o_insufficient, o_not_met = Outcome.INSUFFICIENT_EVIDENCE, Outcome.NOT_MET
    engagement_kind = EvidenceKind.ENGAGEMENT_ACTIVITY
    scrutiny_kind, eia_kind = (
        EvidenceKind.SCRUTINY_CONSULTATION,
        EvidenceKind.EQUALITY_IMPACT_ASSESSMENT,
    )
    del engagement_kind

    def judged_reason(rule_id, what, judged, blocks):
        if judged is None:
            return (rule_id, o_insufficient, f"not assessed: {what}")
        rating = judged.rating
        notes = "" if judged.notes is None else f" ({judged.notes})"
        if rating is not_met:
            return (rule_id, o_not_met, f"not met{notes}; nothing else can make up for it")
        if rating is partly and blocks:
            return (
                rule_id,
                o_not_met,
                f"partly met{notes}; the policy does not accept partly met here",
            )
        if rating is unknown:
            return (rule_id, o_insufficient, f"rated unknown{notes}")
        if not judged.evidence:
            return (
                rule_id,
                o_insufficient,
                f"rated {rating.label} but rests on no evidence{notes}",
            )
        if rating is partly:
            return (rule_id, o_partly, f"partly met{notes}")
        return (rule_id, o_met, f"met{notes}")

    def evaluate(decision):
        on, impact = decision.on, decision.impact
        found = {(a.criterion, a.audience): a for a in decision.assessments}
        reasons = [
            judged_reason(rule_id, what, found.get((c, a)), blocks)
            for c, a, rule_id, what, blocks in triangle
        ]
        kind = impact.kind
        delivery = (
            impact.delivery_changes
            if impact.delivery_changes is not None
            else kind.changes_range or kind in ranges or bool(impact.access) or impact.bed_closures
        )
        substantial = delivery and (
            (impact.bed_closures and policy.bed_closures_substantial)
            or (
                kind in substantial_kinds
                and (impact.permanent or policy.temporary_can_be_substantial)
                and (
                    any(e in substantial_access for e in impact.access)
                    # a closure removes access at that site: an effect on location
                    or (closure_removes_access and kind is ChangeKind.CLOSURE)
                    or (
                        policy.substantial_people is not None
                        and impact.people_affected is not None
                        and impact.people_affected >= policy.substantial_people
                    )
                )
            )
        )
        if substantial:
            level = policy.level_substantial
        elif delivery:
            level = policy.level_service_change
        else:
            level = policy.level_planning
        levels = [e.level for e in decision.evidence if e.level is not None]
        achieved = max(levels) if levels else None
        if achieved is None or achieved < level:
            reached = (
                "no engagement on record"
                if achieved is None
                else f"engagement reached {achieved.label}"
            )
            reasons.append(
                (
                    "proportionality.level",
                    o_not_met,
                    f"{reached}; the change needs at least {level.label}",
                )
            )
        else:
            reasons.append(
                (
                    "proportionality.level",
                    o_met,
                    f"engagement reached {achieved.label}; the change needs at least {level.label}",
                )
            )
        if substantial and policy.consult_when_substantial:
            held = decision.consultation is not None
            reasons.append(
                (
                    "proportionality.consultation",
                    o_met if held else o_not_met,
                    "a formal public consultation was held"
                    if held
                    else "a substantial change, and no formal public consultation was held",
                )
            )
        scrutiny_id = next((r for r, start, end in scrutiny if start <= on <= end), None)
        if substantial and scrutiny_id is not None:
            if any(e.kind is scrutiny_kind for e in decision.evidence):
                reasons.append((scrutiny_id, o_met, "the health scrutiny committee was consulted"))
            else:
                reasons.append(
                    (
                        scrutiny_id,
                        o_not_met,
                        (
                            "a substantial change, and no record of consulting the health "
                            "scrutiny committee"
                        ),
                    )
                )
        if bool(impact.protected_groups) or (policy.eia_for_service_change and delivery):
            assessed = any(e.kind is eia_kind for e in decision.evidence)
            for rule_id, duty, start, end in equality:
                if not start <= on <= end:
                    continue
                if assessed:
                    message = (
                        "an equality impact assessment is on record as the record of due "
                        f"regard ({duty} requires due regard to equality, not an assessment)"
                    )
                    reasons.append((rule_id, o_met, message))
                else:
                    message = (
                        f"no equality impact assessment on record: {duty} requires due regard "
                        "to equality, not an equality impact assessment; the policy asks for "
                        "one as the record of that regard"
                    )
                    reasons.append((rule_id, o_insufficient, message))
        reconfiguration = delivery and (substantial or not policy.tests_only_when_substantial)
        judged_tests = {t.test: t for t in decision.tests}
        for test, rule_id, start, end in tests:
            if not start <= on <= end:
                continue
            if test is ServiceChangeTest.BED_CLOSURES:
                if not impact.bed_closures:
                    continue
            elif not reconfiguration:
                continue
            reasons.append(judged_reason(rule_id, title[rule_id], judged_tests.get(test), False))
        worst = max(reasons, key=lambda r: severity[r[1]])[1]
        return worst, reasons

    return evaluate


def _evaluate(size: int):
    from engagekit.decisions import evaluate

    decisions = _decisions(size)
    plain = _hand_written()

    def ours():
        return [evaluate(d) for d in decisions]

    def baseline():
        return [plain(d) for d in decisions]

    for verdict, (worst, reasons) in zip(ours(), baseline(), strict=True):
        assert verdict.outcome is worst
        assert [(r.rule, r.outcome, r.message) for r in verdict.reasons] == reasons, (
            [(r.rule, r.outcome, r.message) for r in verdict.reasons],
            reasons,
        )
    return ours, baseline


def workloads() -> list[Growth]:
    return [
        Growth(
            name="evaluate decisions",
            build=_evaluate,
            sizes=(100, 1_000, 10_000),
            unit="decisions",
            target=3.0,
            compared_with="the same rules written by hand: one (rule, outcome, message) tuple "
            "per reason and the worst outcome",
            notes="decisions 2001-2025 over every change kind; the verdicts are kept, as a "
            "user collecting them would",
        )
    ]
