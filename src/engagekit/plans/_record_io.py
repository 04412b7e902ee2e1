"""How `engagekit.io` reads and writes an engagement record's consultations (private).

A record's consultation entry is a `Consultation`, a `ResponseSet` or a
`ConsultationLoop`, each written in its own shape; reading tells them apart by
shape: a table with a ``consultation`` is a response set, one whose ``responses``
is a table (a response set) is a loop, and any other is a consultation (whose
``responses`` is a count).
"""

from __future__ import annotations

from typing import Any

from engagekit import io
from engagekit.plans._record import ConsultationPart, _shape


def _structure(value: Any, _: Any) -> ConsultationPart:
    found: ConsultationPart = io.converter.structure(value, _shape(value))
    return found


def register() -> None:
    """Register the record hooks on ``io.converter`` (idempotent)."""
    io.converter.register_structure_hook(ConsultationPart, _structure)
    # Each entry is written by cattrs in its own class's shape (a union is written by the
    # value's class).


register()
