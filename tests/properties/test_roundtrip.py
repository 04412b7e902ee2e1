"""Every public type survives a trip through engagekit.io unchanged."""

from __future__ import annotations

import enum
import importlib
import pkgutil

from typing import Any

import attrs
import pytest

from hypothesis import given, settings
from hypothesis import strategies as st

import engagekit

from engagekit import cycles, io
from engagekit.choices import Choice
from tests import strategies


# Every area's strategies module contributes its STRATEGIES, so each public type of
# each area is covered by the round-trip properties below.
STRATEGIES: dict[Any, Any] = {}
for _info in pkgutil.iter_modules(strategies.__path__):
    _module = importlib.import_module(f"tests.strategies.{_info.name}")
    STRATEGIES.update(getattr(_module, "STRATEGIES", {}))


@pytest.mark.parametrize("cls", list(STRATEGIES), ids=lambda c: c.__name__)
@settings(max_examples=30)
@given(data=st.data())
def test_json_round_trip(cls, data):
    """loads(dumps(x), T) == x for every foundation type."""
    value = data.draw(STRATEGIES[cls])
    assert io.loads(io.dumps(value), cls) == value


@pytest.mark.parametrize("cls", list(STRATEGIES), ids=lambda c: c.__name__)
@settings(max_examples=30)
@given(data=st.data())
def test_dict_round_trip(cls, data):
    """from_dict(to_dict(x), T) == x, and to_dict gives plain data."""
    value = data.draw(STRATEGIES[cls])
    plain = io.to_dict(value)
    assert io.from_dict(plain, cls) == value


def _public_types(*modules: Any) -> set[type]:
    found: set[type] = set()
    for module in modules:
        for name in module.__all__:
            obj = getattr(module, name)
            if obj is Choice:  # the base of every enumeration has no members of its own
                continue
            if isinstance(obj, type) and (attrs.has(obj) or issubclass(obj, enum.Enum)):
                found.add(obj)
    return found


def test_every_public_foundation_type_has_a_strategy():
    """A new public type must come with a strategy, so the round trip covers it."""
    public = _public_types(cycles, engagekit)
    missing = sorted(t.__name__ for t in public if t not in STRATEGIES)
    assert missing == []


def test_built_in_catalogues_round_trip():
    """The real reference data round-trips too."""
    for value in (
        engagekit.ENGAGEMENT_CYCLE,
        engagekit.techniques.catalogue(),
        *engagekit.commissioning_cycles().values(),
        *cycles.ladders().values(),
        *cycles.principle_sets().values(),
        *cycles.involvement_levels().values(),
    ):
        assert io.loads(io.dumps(value), type(value)) == value
