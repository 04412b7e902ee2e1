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

from engagekit.decisions import _rules


def test_a_name_not_exported_is_an_attribute_error_naming_it() -> None:
    decisions = importlib.import_module("engagekit.decisions")
    with pytest.raises(AttributeError) as exc:
        _ = decisions.Verdicts
    assert str(exc.value) == "module 'engagekit.decisions' has no attribute 'Verdicts'"


def test_an_exported_name_is_loaded_from_its_module_and_kept(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    decisions = importlib.import_module("engagekit.decisions")
    monkeypatch.delattr(decisions, "rules")
    assert "rules" not in vars(decisions)
    assert decisions.rules is _rules.rules
    assert vars(decisions)["rules"] is _rules.rules
