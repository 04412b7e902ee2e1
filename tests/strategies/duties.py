"""Hypothesis strategies for engagekit.duties types."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from engagekit.duties import (
    BodyType,
    Checklist,
    Citation,
    Duty,
    DutyKind,
    DutyRegistry,
    EvidenceItem,
    EvidenceKind,
    EvidenceWindow,
    FinancialYear,
    Requirement,
    Trigger,
    registry,
)
from engagekit.sources import Source


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
        kind=draw(st.sampled_from(DutyKind)),
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


@st.composite
def evidence_for(draw: st.DrawFn, checklist: Checklist) -> list[EvidenceItem]:
    """Evidence that supports only requirements in ``checklist``."""
    if not checklist.ids:
        return []
    return draw(
        st.lists(
            st.builds(
                EvidenceItem,
                what=texts,
                date=days,
                supports=st.lists(st.sampled_from(checklist.ids), min_size=1, max_size=3),
                kind=st.sampled_from(EvidenceKind),
                link=st.none() | st.just("https://example.org/evidence"),
                partial=st.booleans(),
            ),
            max_size=8,
        )
    )


def builtin_duties() -> st.SearchStrategy[Duty]:
    return st.sampled_from(registry().duties)
