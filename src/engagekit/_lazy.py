"""Packages whose names are imported on first use (PEP 562) (private).

A package lists where each public name is defined (``_EXPORTS``) and defines
``__getattr__`` with `load`; ``from engagekit.plans import load_plan`` then imports
the modules reading a plan needs and no others. Each name is looked up once: it is
stored in the package's namespace, so later lookups are plain attribute reads.
"""

from __future__ import annotations

import importlib
import sys

from collections.abc import Mapping
from typing import Any


def load(package: str, exports: Mapping[str, str], name: str) -> Any:
    """The value of ``package.name``, importing the module that defines it.

    Raises:
        AttributeError: ``name`` is not one of the package's names.
    """
    module = exports.get(name)
    if module is None:
        # A submodule, as `package._module` was an attribute once something imported it.
        try:
            return importlib.import_module(f"{package}.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"{package}.{name}":
                raise
        raise AttributeError(f"module {package!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    setattr(sys.modules[package], name, value)
    return value


#: Modules registering `engagekit.io` hooks for an area's types, by the modules defining
#: those types. Whichever of io and the defining modules is imported last imports the
#: hooks, so io reads and writes the types however they were reached.
IO_HOOKS = {
    "engagekit.plans._dates": "engagekit.plans._io",
    "engagekit.plans._recurrence": "engagekit.plans._io",
    "engagekit.plans._actions": "engagekit.plans._io",
    "engagekit.consultations._responses": "engagekit.consultations._io",
    "engagekit.plans._record": "engagekit.plans._record_io",
}

#: The defining modules that have finished importing.
_DEFINED: set[str] = set()


def io_hooks(module: str) -> None:
    """Called by each defining module as its last line: register its io hooks if io is in use."""
    _DEFINED.add(module)
    if "engagekit.io" in sys.modules:
        _register(IO_HOOKS[module])


def register_io_hooks() -> None:
    """Register the io hooks of every area whose types are already imported (io calls it)."""
    for hooks in sorted({IO_HOOKS[module] for module in _DEFINED}):
        _register(hooks)


def _register(hooks: str) -> None:
    # A defining module still importing (say `_actions` importing `_dates`) registers
    # the hooks itself when it finishes: the hooks module imports it.
    pending = [
        module
        for module, target in IO_HOOKS.items()
        if target == hooks and module in sys.modules and module not in _DEFINED
    ]
    if not pending:
        importlib.import_module(hooks)
