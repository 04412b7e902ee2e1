"""How plan values are read and written by engagekit.io (private).

Targets may be written as the phrase alone (``target = "End of May 2011"``) and
are read with `parse_target`; written out, they keep every field.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from cattrs.gen import make_dict_structure_fn

from engagekit import io
from engagekit.errors import InvalidValueError
from engagekit.plans._actions import ActionPlan, Target, parse_target
from engagekit.plans._dates import TargetDate
from engagekit.plans._recurrence import Recurrence


def _structure_factory(cls: type) -> Any:
    # A function made from io's converter refuses unknown keys as the converter does.
    plain: Callable[[Any], Any] = make_dict_structure_fn(cls, io.converter)

    def structure(value: Any, _: type) -> Any:
        if isinstance(value, cls):
            return value
        if isinstance(value, str):
            return cls.parse(value)  # type: ignore[attr-defined]
        return plain(value)

    return structure


def _structure_target(value: Any, _: object = None) -> Target:
    if isinstance(value, TargetDate | Recurrence):
        return value
    if isinstance(value, str):
        return parse_target(value)
    if isinstance(value, dict):
        if "frequency" in value:
            return io.converter.structure(value, Recurrence)
        return io.converter.structure(value, TargetDate)
    raise InvalidValueError(
        "target", value, reason="must be a phrase or a table of a target date or recurrence"
    )


def _structure_optional_target(value: Any, _: object) -> Target | None:
    return None if value is None else _structure_target(value)


#: io's own structure hook for `ActionPlan`, kept from the first `register` call.
_NESTED: dict[str, Callable[[Any, type], ActionPlan]] = {}


def register() -> None:
    """Register the plan hooks on ``io.converter`` (idempotent)."""
    io.converter.register_structure_hook(TargetDate, _structure_factory(TargetDate))
    io.converter.register_structure_hook(Recurrence, _structure_factory(Recurrence))
    io.converter.register_structure_hook(Target, _structure_target)
    io.converter.register_structure_hook(Target | None, _structure_optional_target)
    # A target is written by cattrs as its own class (a union is written by the value's
    # class), every field kept.

    # A plan may be written as rows (the plan-file shape) as well as in io's own shape.
    # The nested hook is io's own, taken once, so calling this again wraps nothing twice.
    nested = _NESTED.setdefault("plan", io.converter.get_structure_hook(ActionPlan))

    def structure_plan(value: Any, cls: type) -> ActionPlan:
        from engagekit.plans._load import _is_rows, plan_from_dict

        if isinstance(value, Mapping) and _is_rows(value):
            return plan_from_dict(value)
        plan: ActionPlan = nested(value, cls)
        return plan

    io.converter.register_structure_hook(ActionPlan, structure_plan)


register()
