"""The duties modules' public surface: names resolve, dir() is clean, docs exist."""

from __future__ import annotations

import datetime as dt
import importlib
import inspect
import subprocess
import sys

import pytest

from engagekit import render
from engagekit.duties import BodyType, Checklist


MODULES = ["engagekit.duties", "engagekit.duties.equality"]


@pytest.mark.parametrize("module_name", MODULES)
def test_all_names_resolve_and_are_documented(module_name):
    """Every name in __all__ exists and has a docstring; dir() shows exactly __all__."""
    module = importlib.import_module(module_name)
    for name in module.__all__:
        obj = getattr(module, name)
        if inspect.isclass(obj) or inspect.isfunction(obj):
            assert inspect.getdoc(obj), name
    assert sorted(dir(module)) == sorted(module.__all__)


def test_import_loads_no_duty_data():
    """`import engagekit` reads no duty file: the registry loads on first use."""
    code = (
        "import engagekit\n"
        "from engagekit.duties import _registry\n"
        "from engagekit.duties import equality\n"
        "assert _registry._builtin.cache_info().currsize == 0\n"
        "assert equality._eds._models.cache_info().currsize == 0\n"
        "print('ok')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "ok"


def test_checklist_renders():
    """A checklist renders as text and HTML, and an empty one says why."""
    checklist = Checklist.for_body(BodyType.ICB, on=dt.date(2023, 1, 1))
    assert "[ ] nhs-act-s14z45/a" in render.text(checklist)
    assert checklist._repr_html_().startswith('<div class="engagekit">')
    empty = Checklist.for_body(BodyType.PCT, on=dt.date(2014, 1, 1))
    assert "Nothing to check: no primary care trusts existed" in str(empty)
