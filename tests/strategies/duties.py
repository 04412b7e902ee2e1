"""Hypothesis strategies for engagekit.duties types."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from engagekit.duties import (
    BodyChange,
    BodyType,
    Checklist,
    ChecklistItem,
    Citation,
    ComplianceReport,
    DutiesInForce,
    Duty,
    DutyChange,
    DutyChangeKind,
    DutyChanges,
    DutyList,
    DutyRegistry,
    EvidenceWindow,
    FinancialYear,
    Finding,
    Requirement,
    TimelineRow,
    Trigger,
    duties_for,
    law_timeline,
    registry,
)
from engagekit.duties.equality import (
    CharacteristicCoverage,
    CoverageList,
    EdsGrading,
    EdsModel,
    EdsOutcome,
    EdsOutcomeGrading,
    EdsRating,
    EdsUnit,
    OutcomeGrade,
    ProtectedCharacteristic,
    PsedAim,
    RepresentationFinding,
    RepresentationReport,
    UnitGrade,
    coverage,
    eds_models,
    representation,
)
from engagekit.evidence import Evidence, EvidenceKind
from engagekit.sources import LegalForce, Source


texts = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=30
).filter(lambda s: s.strip() != "")
slugs = st.from_regex(r"[a-z][a-z0-9-]{0,12}", fullmatch=True)
days = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2030, 12, 31))
body_types = st.sampled_from(BodyType)


def citations() -> st.SearchStrategy[Citation]:
    return st.builds(
        Citation,
        instrument=texts,
        section=st.none() | texts,
        subsection=st.none() | texts,
        url=st.none() | st.just("https://www.legislation.gov.uk/ukpga/2006/41"),
    )


def requirements() -> st.SearchStrategy[Requirement]:
    return st.builds(
        Requirement,
        key=slugs,
        text=texts,
        trigger=st.sampled_from(Trigger),
        window=st.sampled_from(EvidenceWindow),
        citation=st.none() | citations(),
        verified=st.booleans(),
        note=st.none() | texts,
        force=st.none() | st.sampled_from(LegalForce),
    )


@st.composite
def duties(draw: st.DrawFn, duty_id: str | None = None) -> Duty:
    start = draw(days)
    end = draw(st.none() | st.integers(1, 4000).map(lambda n: start + dt.timedelta(days=n)))
    reqs = draw(st.lists(requirements(), min_size=1, max_size=4, unique_by=lambda r: r.key))
    return Duty(
        id=duty_id or draw(slugs),
        title=draw(texts),
        summary=draw(texts),
        force=draw(st.sampled_from(LegalForce)),
        citation=draw(citations()),
        bodies=draw(st.lists(body_types, min_size=1, max_size=4)),
        in_force_from=start,
        in_force_to=end,
        requirements=reqs,
        guidance=draw(st.lists(slugs, max_size=2)),
        verified=draw(st.booleans()),
        reviewed_on=draw(days),
        source=Source(title=draw(texts), publisher=draw(texts)),
        notes=draw(st.lists(texts, max_size=2)),
    )


def registries() -> st.SearchStrategy[DutyRegistry]:
    return st.lists(duties(), max_size=5, unique_by=lambda d: d.id).map(
        lambda ds: DutyRegistry(duties=ds)
    )


def financial_years() -> st.SearchStrategy[FinancialYear]:
    return st.integers(1990, 2040).map(FinancialYear)


def builtin_checklists() -> st.SearchStrategy[Checklist]:
    return st.builds(lambda b, d: Checklist.for_body(b, on=d), body_types, days)


def assessment_days(checklist: Checklist) -> st.SearchStrategy[dt.date]:
    """Assessment dates for ``checklist``: its day or later (an earlier one is refused)."""
    return st.dates(min_value=checklist.on, max_value=max(checklist.on, dt.date(2030, 12, 31)))


def assessable_checklists() -> st.SearchStrategy[tuple[Checklist, dt.date]]:
    """A built-in checklist and an assessment date on or after its day."""
    return builtin_checklists().flatmap(lambda c: st.tuples(st.just(c), assessment_days(c)))


@st.composite
def evidence_for(draw: st.DrawFn, checklist: Checklist, prefix: str = "e") -> list[Evidence]:
    """Evidence that supports only requirements in ``checklist``, with distinct ids
    starting with ``prefix``."""
    if not checklist.ids:
        return []
    return draw(
        st.lists(
            st.builds(
                Evidence,
                id=slugs.map(lambda s: f"{prefix}-{s}"),
                what=texts,
                date=days,
                supports=st.lists(st.sampled_from(checklist.ids), min_size=1, max_size=3),
                kind=st.sampled_from(EvidenceKind),
                link=st.none() | st.just("https://example.org/evidence"),
                partial=st.booleans(),
            ),
            max_size=8,
            unique_by=lambda e: e.id,
        )
    )


def builtin_duties() -> st.SearchStrategy[Duty]:
    return st.sampled_from(registry().duties)


@st.composite
def compliance_reports(draw: st.DrawFn) -> ComplianceReport:
    checklist, as_of = draw(assessable_checklists())
    evidence = draw(evidence_for(checklist))
    stated = draw(st.none() | st.lists(st.sampled_from(Trigger), max_size=3))
    return checklist.assess(evidence, as_of=as_of, conditions=stated)


def findings() -> st.SearchStrategy[Finding]:
    return (
        compliance_reports()
        .filter(lambda r: len(r) > 0)
        .flatmap(lambda r: st.sampled_from(r.findings))
    )


def checklist_items() -> st.SearchStrategy[ChecklistItem]:
    return (
        builtin_checklists()
        .filter(lambda c: len(c) > 0)
        .flatmap(lambda c: st.sampled_from(c.items))
    )


def duty_changes() -> st.SearchStrategy[DutyChanges]:
    return st.tuples(days, days).map(lambda ab: registry().changes_between(min(ab), max(ab)))


def representation_reports() -> st.SearchStrategy[RepresentationReport]:
    categories = st.sampled_from(["a", "b", "c"])
    return st.builds(
        lambda counts, k: representation(
            {"age": counts}, {"age": {"a": 2, "b": 3, "c": 5}}, suppress_below=k
        ),
        st.dictionaries(categories, st.integers(0, 40), min_size=1),
        st.integers(1, 6),
    )


def eds_gradings() -> st.SearchStrategy[EdsGrading]:
    return st.sampled_from(list(eds_models().values())).flatmap(
        lambda m: st.dictionaries(
            st.sampled_from([u.number for u in m.units]), st.sampled_from(m.grades)
        ).map(m.grade)
    )


def eds_ratings() -> st.SearchStrategy[EdsRating]:
    return st.integers(0, 20).flatmap(
        lambda low: st.integers(low, 40).map(
            lambda high: EdsRating(name="band", low=low, high=high)
        )
    )


#: Rating bands a caller might pass for EDS 2022 (engagekit's sources hold none).
_CALLER_BANDS = {"Lower": (0, 16), "Upper": (17, 33)}


def eds_outcome_gradings() -> st.SearchStrategy[EdsOutcomeGrading]:
    models = [m for m in eds_models().values() if m.outcomes_complete]
    return st.sampled_from(models).flatmap(
        lambda m: st.tuples(
            st.dictionaries(
                st.sampled_from([o.code for o in m.outcomes]), st.sampled_from(m.grades)
            ),
            st.booleans() if m.scores else st.just(False),
        ).map(lambda gb: m.grade_outcomes(gb[0], bands=_CALLER_BANDS if gb[1] else None))
    )


#: One strategy per public type of engagekit.duties and engagekit.duties.equality.
STRATEGIES: dict[type, st.SearchStrategy[object]] = {
    BodyType: body_types,
    Trigger: st.sampled_from(Trigger),
    EvidenceWindow: st.sampled_from(EvidenceWindow),
    DutyChangeKind: st.sampled_from(DutyChangeKind),
    Citation: citations(),
    Requirement: requirements(),
    Duty: duties() | builtin_duties(),
    DutyRegistry: registries(),
    DutiesInForce: st.builds(duties_for, body_types, days),
    TimelineRow: st.tuples(body_types, days).map(
        lambda bd: law_timeline(through=bd[1], start=bd[1], bodies=[bd[0]])[0]
    ),
    DutyChange: duty_changes()
    .filter(lambda c: len(c) > 0)
    .flatmap(lambda c: st.sampled_from(c.changes)),
    BodyChange: st.builds(BodyChange, body=body_types, on=days, started=st.booleans()),
    DutyChanges: duty_changes(),
    FinancialYear: financial_years(),
    Checklist: builtin_checklists(),
    ChecklistItem: checklist_items(),
    DutyList: st.tuples(registries(), days).map(lambda rd: rd[0].in_force_on(rd[1])),
    Finding: findings(),
    ComplianceReport: compliance_reports(),
    ProtectedCharacteristic: st.sampled_from(ProtectedCharacteristic),
    PsedAim: st.sampled_from(PsedAim),
    CharacteristicCoverage: st.sampled_from(list(coverage())),
    CoverageList: st.just(coverage()),
    RepresentationReport: representation_reports(),
    RepresentationFinding: representation_reports()
    .filter(lambda r: len(r.reasons) > 0)
    .flatmap(lambda r: st.sampled_from(r.reasons)),
    EdsModel: st.sampled_from(list(eds_models().values())),
    EdsUnit: st.sampled_from([u for m in eds_models().values() for u in m.units]),
    EdsGrading: eds_gradings(),
    UnitGrade: eds_gradings()
    .filter(lambda g: len(g.reasons) > 0)
    .flatmap(lambda g: st.sampled_from(g.reasons)),
    EdsOutcome: st.sampled_from([o for m in eds_models().values() for o in m.outcomes]),
    EdsRating: eds_ratings(),
    EdsOutcomeGrading: eds_outcome_gradings(),
    OutcomeGrade: eds_outcome_gradings().flatmap(lambda g: st.sampled_from(g.reasons)),
}
