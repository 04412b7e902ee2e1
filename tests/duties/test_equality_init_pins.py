"""The equality package's names, imported on first use (mutation testing).

A name, once loaded, is kept in the package's namespace and never looked up again, so
these tests reach the lookup with a name that is not exported, and with an exported
name removed from the namespace for the test. The package is imported inside each test:
pytest looks attributes up on the modules a test module holds while it collects, so a
broken lookup would stop the collection rather than fail these tests.
"""

from __future__ import annotations

import importlib

import pytest

from engagekit.duties.equality import _characteristics, _representation


def test_a_name_not_exported_is_an_attribute_error_naming_it() -> None:
    equality = importlib.import_module("engagekit.duties.equality")
    with pytest.raises(AttributeError) as exc:
        _ = equality.EqualityAnalysis
    assert str(exc.value) == (
        "module 'engagekit.duties.equality' has no attribute 'EqualityAnalysis'"
    )


def test_an_exported_name_is_loaded_from_its_module_and_kept(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    equality = importlib.import_module("engagekit.duties.equality")
    monkeypatch.delattr(equality, "ProtectedCharacteristic", raising=False)
    assert "ProtectedCharacteristic" not in vars(equality)
    assert equality.ProtectedCharacteristic is _characteristics.ProtectedCharacteristic
    assert vars(equality)["ProtectedCharacteristic"] is _characteristics.ProtectedCharacteristic


def test_each_module_s_name_is_loaded_from_that_module(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    equality = importlib.import_module("engagekit.duties.equality")
    monkeypatch.delattr(equality, "wilson_interval", raising=False)
    assert equality.wilson_interval is _representation.wilson_interval
    assert vars(equality)["wilson_interval"] is _representation.wilson_interval
