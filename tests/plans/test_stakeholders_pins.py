"""Sutton CCG's stakeholder map: its repr, its lookups and who owns which group."""

from __future__ import annotations

import pytest

from engagekit import examples
from engagekit.errors import InvalidTypeError, UnknownNameError


def test_repr_counts_groups_and_influencers() -> None:
    assert repr(examples.sutton_stakeholders()) == (
        "<StakeholderMap with 6 groups and 3 influencers>"
    )


def test_a_group_by_name() -> None:
    group = examples.sutton_stakeholders().group("Our political partners")
    assert group.members == ("Local councillors", "Local MPs", "Local and National Newspapers")


def test_an_unknown_group_is_refused_naming_the_closest() -> None:
    with pytest.raises(UnknownNameError) as exc:
        examples.sutton_stakeholders().group("Political partners")
    assert str(exc.value) == (
        "unknown stakeholder group 'Political partners'; did you mean"
        " 'Our political partners', 'Providers and Health Partners'?"
    )


def test_the_groups_a_role_owns_ignoring_case_and_spaces() -> None:
    stakeholders = examples.sutton_stakeholders()
    assert [g.name for g in stakeholders.owned_by("  COMMUNICATIONS ")] == [
        "Our political partners"
    ]
    assert [g.name for g in stakeholders.owned_by("lay member")] == [
        "Voluntary and community sector representatives",
        "Health and Wellbeing Board and Scrutiny Committee",
    ]
    assert stakeholders.owned_by("Healthwatch Sutton") == ()


def test_a_role_that_is_not_text_is_refused() -> None:
    with pytest.raises(InvalidTypeError) as exc:
        examples.sutton_stakeholders().owned_by(["Lay Member"])  # type: ignore[arg-type]
    assert str(exc.value) == "role: got list ['Lay Member']; expected text"
