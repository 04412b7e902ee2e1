"""The package's names, imported on first use (see `tests.lazy_exports`)."""

from __future__ import annotations

import importlib

import pytest

from tests.lazy_exports import assert_loaded_and_kept, assert_not_exported


def test_a_name_not_exported_is_an_attribute_error_naming_it() -> None:
    assert_not_exported("engagekit.escalation", "PcnMemberships")


def test_an_exported_name_is_loaded_from_its_module_and_kept(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert_loaded_and_kept(
        monkeypatch, "engagekit.escalation", "PcnMembership", "engagekit.escalation._pcn"
    )


def test_a_private_module_is_reached_as_an_attribute(monkeypatch: pytest.MonkeyPatch) -> None:
    """A submodule's name is not exported but reads as the module, as after an import."""
    escalation = importlib.import_module("engagekit.escalation")
    tiers = importlib.import_module("engagekit.escalation._tiers")
    monkeypatch.delattr(escalation, "_tiers")
    assert escalation._tiers is tiers
