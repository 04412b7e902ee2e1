"""The status catalogue: its lookups, membership, order and repr."""

from __future__ import annotations

import pytest

from engagekit.errors import UnknownNameError
from engagekit.plans import ActionStatus, ActionStatusCatalogue, statuses


def test_an_unknown_status_is_refused_naming_the_closest() -> None:
    with pytest.raises(UnknownNameError) as exc:
        statuses()["in progress"]
    assert str(exc.value) == "unknown status 'in progress'; did you mean 'in-progress'?"


def test_membership_is_by_id() -> None:
    catalogue = statuses()
    assert "achieved" in catalogue
    assert "paused" not in catalogue
    assert "Achieved" not in catalogue


def test_the_statuses_in_the_catalogues_order() -> None:
    assert [s.id for s in statuses()] == [
        "not-started", "planned", "in-progress", "ongoing", "achieved", "cancelled",
    ]  # fmt: skip


def test_repr_counts_the_statuses() -> None:
    assert repr(statuses()) == "<ActionStatusCatalogue with 6 statuses>"
    one = ActionStatusCatalogue(status=[ActionStatus(id="planned", name="Planned", progress=10)])
    assert repr(one) == "<ActionStatusCatalogue with 1 status>"
    with pytest.raises(UnknownNameError) as exc:
        one["achieved"]
    assert str(exc.value) == "unknown status 'achieved'; known: 'planned'"
