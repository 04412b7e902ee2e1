"""A checklist's one-line reprs and cross-field refusals (mutation testing's survivors in
duties/_checklist.py)."""

from __future__ import annotations

import re

import attrs
import pytest

from engagekit.duties import Checklist
from engagekit.duties._checklist import ChecklistItem
from engagekit.errors import InvalidValueError


def _ccg_2019() -> Checklist:
    return Checklist.for_body("ccg", on="2019-04-01")


def test_reprs_name_the_body_the_day_and_the_count() -> None:
    checklist = _ccg_2019()
    assert repr(checklist) == "<Checklist for a CCG on 2019-04-01 with 30 items>"
    report = checklist.assess([], as_of="2019-04-01")
    assert repr(report) == (
        "<ComplianceReport not met for a CCG as of 2019-04-01 with 30 findings>"
    )


def test_an_item_refuses_a_requirement_of_another_duty() -> None:
    """s14T (have regard to reducing inequalities) has one requirement, 'have-regard'."""
    checklist = _ccg_2019()
    s14t = next(i for i in checklist.items if i.duty.id == "nhs-act-s14t")
    s14z15 = next(i for i in checklist.items if i.id == "nhs-act-s14z15/explain-involvement")
    message = (
        "ChecklistItem.requirement: 'explain-involvement' is not allowed: "
        "is not a requirement of 'nhs-act-s14t'; allowed: 'have-regard'"
    )
    with pytest.raises(InvalidValueError, match=f"^{re.escape(message)}$"):
        ChecklistItem(duty=s14t.duty, requirement=s14z15.requirement)


def test_a_finding_cites_exactly_the_evidence_it_used() -> None:
    finding = _ccg_2019().assess([], as_of="2019-04-01").reasons[0]
    assert (finding.rule, finding.evidence, finding.used) == ("nhs-act-s14t/have-regard", (), ())
    message = "Finding.evidence: ['x'] is not allowed: must be the ids of the evidence used ([])"
    with pytest.raises(InvalidValueError, match=f"^{re.escape(message)}$"):
        attrs.evolve(finding, evidence=("x",))
