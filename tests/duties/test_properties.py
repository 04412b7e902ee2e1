"""Hypothesis properties of the duty registry, checklists and reports, and round trips."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from engagekit import io
from engagekit.duties import (
    Checklist,
    ComplianceReport,
    DutiesInForce,
    Duty,
    DutyChanges,
    DutyRegistry,
    FinancialYear,
    duties_for,
    registry,
)
from engagekit.results import Outcome
from tests.strategies.duties import (
    STRATEGIES,
    assessable_checklists,
    body_types,
    builtin_duties,
    days,
    duties,
    evidence_for,
    financial_years,
    registries,
)


@given(days)
def test_in_force_on_matches_periods(day):
    """in_force_on(day) is exactly the versions whose period contains day."""
    expected = [
        d
        for d in registry()
        if d.in_force_from <= day and (d.in_force_to is None or day < d.in_force_to)
    ]
    assert list(registry().in_force_on(day)) == expected


@given(registries(), days, body_types)
def test_duties_for_matches_periods_on_any_registry(reg, day, body):
    """duties_for agrees with filtering the periods, for generated registries too."""
    found = reg.duties_for(body, day)
    if body.exists_on(day):
        assert list(found) == [d for d in reg if body in d.bodies and d.in_force_on(day)]
    else:
        assert list(found) == []
        assert found.reason


@given(st.data(), assessable_checklists())
def test_adding_evidence_never_unmeets(data, assessed):
    """Adding evidence never turns a met finding into not met (or partly met)."""
    checklist, as_of = assessed
    first = data.draw(evidence_for(checklist))
    more = data.draw(evidence_for(checklist, prefix="more"))
    before = {f.rule: f.outcome for f in checklist.assess(first, as_of=as_of)}
    after = {f.rule: f.outcome for f in checklist.assess(first + more, as_of=as_of)}
    met = [key for key, status in before.items() if status is Outcome.MET]
    partly = [key for key, status in before.items() if status is Outcome.PARTLY_MET]
    assert [after[key] for key in met] == [Outcome.MET] * len(met)
    assert {after[key] for key in partly} <= {Outcome.MET, Outcome.PARTLY_MET}


@given(st.data(), assessable_checklists())
def test_reports_are_deterministic(data, assessed):
    """The same checklist and evidence give equal reports and identical JSON."""
    checklist, as_of = assessed
    evidence = data.draw(evidence_for(checklist))
    one = checklist.assess(evidence, as_of=as_of)
    two = checklist.assess(list(evidence), as_of=as_of)
    assert one == two
    assert io.dumps(one) == io.dumps(two)


@given(days, days)
def test_changes_between_agrees_with_in_force(a, b):
    """A duty id in force on one date and not the other appears in changes_between."""
    start, end = min(a, b), max(a, b)
    reg = registry()
    changes = reg.changes_between(start, end)
    before = {d.id for d in reg.in_force_on(start)}
    after = {d.id for d in reg.in_force_on(end)}
    touched = {c.duty_id for c in changes.changes}
    assert (before ^ after) <= touched


@given(duties())
def test_duty_round_trip(duty):
    """Every Duty round-trips through engagekit.io."""
    assert io.loads(io.dumps(duty), Duty) == duty


@given(registries())
def test_registry_round_trip(reg):
    """Every DutyRegistry round-trips through engagekit.io."""
    assert io.loads(io.dumps(reg), DutyRegistry) == reg


@given(body_types, days)
def test_duties_in_force_round_trip(body, day):
    """DutiesInForce round-trips, including its reason."""
    found = duties_for(body, day)
    assert io.loads(io.dumps(found), DutiesInForce) == found


@given(days, days)
def test_changes_round_trip(a, b):
    """DutyChanges round-trips."""
    changes = registry().changes_between(min(a, b), max(a, b))
    assert io.loads(io.dumps(changes), DutyChanges) == changes


@given(st.data(), assessable_checklists(), st.booleans())
def test_checklist_and_report_round_trip(data, assessed, stated):
    """Checklist and ComplianceReport (with its findings and evidence) round-trip."""
    checklist, as_of = assessed
    assert io.loads(io.dumps(checklist), Checklist) == checklist
    report = checklist.assess(
        data.draw(evidence_for(checklist)), as_of=as_of, conditions=() if stated else None
    )
    assert io.loads(io.dumps(report), ComplianceReport) == report
    assert report.to_dict() == io.to_dict(report)


@given(builtin_duties())
def test_builtin_duty_round_trip(duty):
    """Every built-in duty round-trips."""
    assert io.loads(io.dumps(duty), Duty) == duty


@given(financial_years(), days)
def test_financial_year_round_trip_and_containment(fy, day):
    """FinancialYear round-trips; containing(day) contains day."""
    assert io.loads(io.dumps(fy), FinancialYear) == fy
    assert day in FinancialYear.containing(day)
    assert FinancialYear.containing(fy.start) == fy
    assert FinancialYear.containing(fy.end) == fy
    assert fy.end + dt.timedelta(days=1) == fy.next().start


def test_every_public_duties_type_has_a_strategy():
    """Every public attrs class and enum of the duties modules is in STRATEGIES."""
    import enum

    import attrs

    from engagekit import duties
    from engagekit.duties import equality

    public = {
        obj
        for module in (duties, equality)
        for obj in (getattr(module, name) for name in module.__all__)
        if isinstance(obj, type) and (attrs.has(obj) or issubclass(obj, enum.Enum))
    }
    assert sorted(t.__name__ for t in public if t not in STRATEGIES) == []
