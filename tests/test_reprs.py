"""Values that look like values: every collection-like value has a one-line repr.

A collection-like value is a query result (a `Listing`), a read-only mapping, or a
record that holds other records (a network, a catalogue, a plan, a registry, a
result). Its `repr()` says what it is and how many of what, in one short line, however
large it is; the test checks every such value reachable from the built-in examples and
catalogues, and from a network the size of England's.
"""

from __future__ import annotations

import datetime as dt

from collections.abc import Iterator, Mapping

import attrs
import pytest

import engagekit

from engagekit import cycles, duties, evaluate, examples, plans, techniques
from engagekit._display import Listing
from engagekit.duties import equality
from engagekit.escalation import national


#: The longest repr a collection-like value may have.
LIMIT = 200


def _roots() -> Iterator[object]:
    yield engagekit.ENGAGEMENT_CYCLE
    yield techniques.catalogue()
    yield techniques.select(level="collaborate", participants=1000)
    yield cycles.commissioning_cycles()
    yield cycles.ladders()
    yield cycles.principle_sets()
    yield cycles.involvement_levels()
    yield duties.registry()
    yield duties.registry().in_force_on(dt.date(2018, 6, 1))
    yield duties.duties_for("icb", on=dt.date(2024, 6, 30))
    yield duties.Checklist.for_body("ccg", on=dt.date(2018, 6, 1))
    yield duties.Checklist.for_body("ccg", on=dt.date(2018, 6, 1)).assess(
        [], as_of=dt.date(2019, 6, 30)
    )
    yield equality.coverage()
    for make in (
        examples.somerset_rheumatology_decision,
        examples.somerset_patient_transport_decision,
        examples.unproportionate_service_change,
    ):
        decision = make()
        yield decision
        yield evaluate(decision)
    yield examples.sutton()
    yield examples.somerset()
    yield examples.oxfordshire()
    yield examples.oxfordshire_consultation()
    yield examples.sutton_feedback_flow()
    yield examples.sutton_stakeholders()
    yield examples.sutton_responsibilities()
    plan = examples.somerset_action_plan()
    yield plan
    yield plan.overdue(dt.date(2012, 1, 15))
    yield examples.oxfordshire_delivery_plan()
    yield examples.gpcc_timeline_2011()
    yield examples.somerset_engagement_record()
    yield plans.statuses()


def _is_collection_like(value: object) -> bool:
    if isinstance(value, Listing | Mapping):
        return True
    if not attrs.has(type(value)):
        return False
    for field in attrs.fields(type(value)):  # type: ignore[arg-type]
        items = getattr(value, field.name)
        if isinstance(items, Mapping):
            items = tuple(items.values())
        if isinstance(items, tuple) and any(attrs.has(type(i)) for i in items):
            return True
    return False


def _reachable() -> dict[str, object]:
    """One value of each engagekit type reachable from the roots."""
    found: dict[str, object] = {}
    seen: set[int] = set()
    stack = list(_roots())
    while stack:
        value = stack.pop()
        if id(value) in seen:
            continue
        seen.add(id(value))
        module = type(value).__module__
        if module.startswith("engagekit") and _is_collection_like(value):
            found.setdefault(f"{module}.{type(value).__qualname__}", value)
        children: list[object] = []
        if isinstance(value, Mapping):
            children.extend(value.values())
        elif isinstance(value, Listing | tuple):
            children.extend(value)
        if attrs.has(type(value)):
            fields = attrs.fields(type(value))  # type: ignore[arg-type]
            children.extend(getattr(value, f.name) for f in fields)
        for child in children:
            if isinstance(child, tuple):
                stack.extend(child[:50])
            elif isinstance(child, Mapping):
                stack.extend(list(child.values())[:50])
            elif attrs.has(type(child)) or isinstance(child, Listing):
                stack.append(child)
    return found


REACHABLE = _reachable()


def test_the_walk_finds_the_collections() -> None:
    """The walk reaches the networks, plans, catalogues, registries and results."""
    names = {name.rpartition(".")[2] for name in REACHABLE}
    assert {
        "EscalationNetwork",
        "ActionPlan",
        "TechniqueCatalogue",
        "DutyRegistry",
        "Verdict",
        "ComplianceReport",
        "Matches",
    } <= names


@pytest.mark.parametrize("name", sorted(REACHABLE))
def test_repr_is_one_short_line(name: str) -> None:
    """The repr of every collection-like value is one line of at most 200 characters."""
    text = repr(REACHABLE[name])
    assert "\n" not in text
    assert len(text) <= LIMIT, text[:300]


def test_an_england_sized_network_has_a_short_repr() -> None:
    """A network of 7,706 bodies has a repr that says how many bodies and links it has."""
    network = national(seed=1)
    text = repr(network)
    assert len(text) < LIMIT
    assert "7706" in text
