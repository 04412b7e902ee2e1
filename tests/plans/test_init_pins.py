"""The plans package's names, imported on first use (see `tests.lazy_exports`)."""

from __future__ import annotations

import pytest

from tests.lazy_exports import assert_loaded_and_kept, assert_not_exported


def test_a_name_not_exported_is_an_attribute_error_naming_it() -> None:
    assert_not_exported("engagekit.plans", "ActionStatuses")


@pytest.mark.parametrize(
    ("name", "source"),
    [
        ("ActionPlan", "engagekit.plans._actions"),
        ("ResponsibilityMatrix", "engagekit.plans._responsibilities"),
    ],
)
def test_each_exported_name_is_loaded_from_its_module_and_kept(
    monkeypatch: pytest.MonkeyPatch, name: str, source: str
) -> None:
    assert_loaded_and_kept(monkeypatch, "engagekit.plans", name, source)
