"""Sutton CCG's responsibility matrix: reprs, lookups, `who` and the chart."""

from __future__ import annotations

import pytest

from engagekit import examples
from engagekit.errors import UnknownChoiceError, UnknownNameError
from engagekit.plans import Part


def test_reprs_count_what_they_hold() -> None:
    matrix = examples.sutton_responsibilities()
    assert repr(matrix) == "<ResponsibilityMatrix with 8 roles and 19 topics>"
    assert repr(matrix.role("CCG")) == "<Role 'CCG' with 9 responsibilities>"
    assert repr(matrix.role("Lay Member (Patient and Public Engagement)")) == (
        "<Role 'Lay Member (Patient and Public Engagement)' with 5 responsibilities>"
    )


def test_a_role_by_name() -> None:
    role = examples.sutton_responsibilities().role("Chief Operating Officer")
    assert role.name == "Chief Operating Officer"
    assert len(role.responsibilities) == 6
    assert role.responsibilities[3].text == (
        "Ensure that the Annual Engagement Report is prepared for the CCG Annual Report"
        " and Accounts"
    )


def test_an_unknown_role_is_refused_naming_the_closest() -> None:
    with pytest.raises(UnknownNameError) as exc:
        examples.sutton_responsibilities().role("Chief Officer")
    assert str(exc.value) == "unknown role 'Chief Officer'; did you mean 'Chief Operating Officer'?"


def test_an_unknown_topic_is_refused_naming_the_closest() -> None:
    with pytest.raises(UnknownNameError) as exc:
        examples.sutton_responsibilities().who("engagement plan")
    assert str(exc.value) == (
        "unknown topic 'engagement plan'; did you mean 'engagement-plan',"
        " 'engagement-strategy', 'staff-engagement'?"
    )


def test_an_unknown_part_is_refused_as_the_part() -> None:
    with pytest.raises(UnknownChoiceError) as exc:
        examples.sutton_responsibilities().who("engagement-plan", "approve")
    assert str(exc.value) == (
        "part: 'approve' is not allowed; allowed: 'approves', 'accountable', 'responsible',"
        " 'monitors', 'supports' (did you mean 'approves'?)"
    )


def test_who_by_part_given_as_text() -> None:
    matrix = examples.sutton_responsibilities()
    assert matrix.who("engagement-plan", "monitors") == (
        "Governing Body", "Equality & Engagement Steering Group",
    )  # fmt: skip


def test_the_chart_lists_each_roles_parts_on_a_topic() -> None:
    chart = dict(examples.sutton_responsibilities().chart())
    assert chart["engagement-plan"] == (
        ("Governing Body", (Part.APPROVES, Part.MONITORS)),
        ("Chief Operating Officer", (Part.ACCOUNTABLE,)),
        ("Equality & Engagement Steering Group", (Part.MONITORS,)),
        ("NEL Commissioning Support Unit", (Part.SUPPORTS,)),
    )
    assert chart["patient-choice"] == (("CCG", (Part.RESPONSIBLE,)),)
