"""Checks of a package's lazy ``__getattr__``, shared by each package's tests.

A name, once loaded, is kept in the package's namespace and never looked up again, so
these reach the lookup with a name that is not exported, and with an exported name
removed from the namespace for the test. The package is imported inside each check:
pytest looks attributes up on the modules a test module holds while it collects, so a
broken lookup would stop the collection rather than fail a test.
"""

from __future__ import annotations

import importlib

import pytest


def assert_not_exported(package: str, name: str) -> None:
    """``package.name`` raises AttributeError with Python's own message."""
    module = importlib.import_module(package)
    with pytest.raises(AttributeError) as exc:
        getattr(module, name)
    assert str(exc.value) == f"module {package!r} has no attribute {name!r}"


def assert_loaded_and_kept(
    monkeypatch: pytest.MonkeyPatch, package: str, name: str, source: str
) -> None:
    """``package.name``, removed from the namespace, is the object of that name in the
    module ``source``, loaded again and kept in the namespace."""
    module = importlib.import_module(package)
    expected = getattr(importlib.import_module(source), name)
    monkeypatch.delattr(module, name, raising=False)
    assert name not in vars(module)
    assert getattr(module, name) is expected
    assert vars(module)[name] is expected
