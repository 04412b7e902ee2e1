"""The shared repr, equality and hash of engagekit's values mean what attrs' own do.

Each check builds the same class twice, once with attrs' generated methods and once
with `engagekit._value.shared_methods`, and compares what users see; then every
engagekit class is checked to use them unless it defines its own.
"""

from __future__ import annotations

import datetime as dt
import importlib
import pkgutil

from typing import Any

import attrs
import pytest

import engagekit

from engagekit import _value
from engagekit.escalation import FlowLink
from engagekit.plans import FeedbackItem


def _pair(shared: bool) -> Any:
    def build(cls: type) -> type:
        return attrs.frozen(kw_only=True)(_value.shared_methods(cls) if shared else cls)

    @build
    class Entry:
        id: str
        date: dt.date | None = None
        notes: dict[str, str] = attrs.field(factory=dict, hash=False)
        cache: object = attrs.field(default=None, eq=False, repr=False)
        code: str = attrs.field(default="", eq=str.casefold, repr=lambda code: f"<{code}>")

    return Entry


ATTRS, SHARED = _pair(shared=False), _pair(shared=True)

VALUES = [
    {"id": "gb-1"},
    {"id": "gb-1", "date": dt.date(2018, 5, 24), "notes": {"minutes": "published"}},
    {"id": "gb-2", "cache": object(), "code": "QSL"},
    {"id": "gb-2", "code": "qsl"},
]


@pytest.mark.parametrize("fields", VALUES)
def test_repr_is_attrs_repr(fields: dict[str, Any]) -> None:
    assert repr(SHARED(**fields)) == repr(ATTRS(**fields))


def test_repr_formats_a_field_with_its_own_repr() -> None:
    assert repr(SHARED(id="gb-2", code="QSL")) == (
        "Entry(id='gb-2', date=None, notes={}, code=<QSL>)"
    )


@pytest.mark.parametrize("left", VALUES)
@pytest.mark.parametrize("right", VALUES)
def test_equality_is_attrs_equality(left: dict[str, Any], right: dict[str, Any]) -> None:
    assert (SHARED(**left) == SHARED(**right)) is (ATTRS(**left) == ATTRS(**right))
    assert (SHARED(**left) != SHARED(**right)) is (ATTRS(**left) != ATTRS(**right))


def test_equal_values_hash_alike_whatever_their_unhashed_fields() -> None:
    first = SHARED(id="gb-2", code="QSL", notes={"a": "1"}, cache=object())
    second = SHARED(id="gb-2", code="QSL", notes={"b": "2"})
    # `notes` is left out of the hash, so a mapping does not make a value unhashable.
    assert hash(first) == hash(second)
    assert first != second  # ... but it is compared
    assert {first, second} == {first, second}
    assert len({SHARED(id="gb-1"), SHARED(id="gb-1")}) == 1


def test_a_value_equals_no_value_of_another_class() -> None:
    assert SHARED(id="gb-1") != ATTRS(id="gb-1")
    assert SHARED(id="gb-1").__eq__("gb-1") is NotImplemented


def test_a_value_shown_inside_itself_is_shown_as_dots() -> None:
    outer = SHARED(id="gb-1", notes={})
    outer.notes["self"] = outer
    assert repr(outer) == "Entry(id='gb-1', date=None, notes={'self': ...}, code=<>)"


def test_a_method_of_the_class_or_a_base_is_kept() -> None:
    class Shown:
        def __repr__(self) -> str:
            return "<shown>"

    @attrs.frozen(repr=False)
    @_value.shared_methods
    class Own(Shown):
        x: int

        def __hash__(self) -> int:
            return 7

    assert repr(Own(1)) == "<shown>"
    assert hash(Own(1)) == 7
    assert Own(1) == Own(1)
    assert Own(1) != Own(2)


def test_engagekit_values_use_the_shared_methods() -> None:
    item = FeedbackItem(id="f1", date=dt.date(2011, 1, 1), channel="survey", text="Parking")
    assert type(item).__eq__ is _value._eq
    assert type(item).__hash__ is _value._hash
    assert repr(item) == "<FeedbackItem 'f1' 2011-01-01 survey concern: 'Parking'>"
    # A value without a one-line repr of its own shows its fields, as attrs would.
    link = FlowLink(source="patient-groups", target="locality-meetings")
    assert type(link).__repr__ is _value._repr
    assert repr(link) == "FlowLink(source='patient-groups', target='locality-meetings')"
    assert item == attrs.evolve(item)
    assert hash(item) == hash(attrs.evolve(item))
    assert item != attrs.evolve(item, text="Parking at the surgery")


def _engagekit_classes() -> list[type]:
    modules = [
        importlib.import_module(info.name)
        for info in pkgutil.walk_packages(engagekit.__path__, "engagekit.")
        # the plot extra may be missing; `__main__` runs the command line
        if not info.name.startswith(("engagekit.plot", "engagekit.__main__"))
    ]
    return [
        value
        for module in modules
        for value in vars(module).values()
        if isinstance(value, type) and attrs.has(value) and value.__module__ == module.__name__
    ]


def test_no_engagekit_class_has_methods_attrs_wrote() -> None:
    classes = _engagekit_classes()
    assert len(classes) > 100
    written = [
        f"{cls.__module__}.{cls.__qualname__}.{name}"
        for cls in classes
        for name in ("__eq__", "__hash__", "__repr__")
        if getattr(getattr(cls, name), "__code__", None) is not None
        and getattr(cls, name).__code__.co_filename.startswith("<attrs generated")
    ]
    assert written == []
