"""The plan hooks on engagekit.io's converter: both plan shapes, registered once."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pytest

from engagekit import examples, io
from engagekit.plans import ActionPlan, _io, _load


def test_registering_again_does_not_wrap_the_plan_hook(monkeypatch: pytest.MonkeyPatch) -> None:
    plan = examples.oxfordshire_delivery_plan()
    document = io.to_dict(plan)
    _io.register()
    _io.register()
    calls: list[object] = []
    real = _load._is_rows

    def counting(value: Mapping[str, Any]) -> bool:
        calls.append(value)
        return real(value)

    monkeypatch.setattr(_load, "_is_rows", counting)
    assert io.from_dict(document, ActionPlan) == plan
    # One hook asks once; a hook wrapped by each call would ask three times.
    assert len(calls) == 1
