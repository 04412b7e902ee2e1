"""The package's names, imported on first use (mutation testing).

A name, once loaded, is kept in the package's namespace and never looked up again, so
these tests reach the lookup with a name that is not exported, and with an exported
name removed from the namespace for the test. The package is imported inside each test:
pytest looks attributes up on the modules a test module holds while it collects, so a
broken lookup would stop the collection rather than fail these tests.
"""

from __future__ import annotations

import importlib

import pytest


def test_a_name_not_exported_is_an_attribute_error_naming_it() -> None:
    escalation = importlib.import_module("engagekit.escalation")
    with pytest.raises(AttributeError) as exc:
        _ = escalation.PcnMemberships
    assert str(exc.value) == "module 'engagekit.escalation' has no attribute 'PcnMemberships'"


def test_an_exported_name_is_loaded_from_its_module_and_kept(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    escalation = importlib.import_module("engagekit.escalation")
    pcn = importlib.import_module("engagekit.escalation._pcn")
    monkeypatch.delattr(escalation, "PcnMembership")
    assert "PcnMembership" not in vars(escalation)
    assert escalation.PcnMembership is pcn.PcnMembership
    assert vars(escalation)["PcnMembership"] is pcn.PcnMembership


def test_a_private_module_is_reached_as_an_attribute(monkeypatch: pytest.MonkeyPatch) -> None:
    """A submodule's name is not exported but reads as the module, as after an import."""
    escalation = importlib.import_module("engagekit.escalation")
    tiers = importlib.import_module("engagekit.escalation._tiers")
    monkeypatch.delattr(escalation, "_tiers")
    assert escalation._tiers is tiers
