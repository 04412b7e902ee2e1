"""How `engagekit.io` reads and writes an engagement record's consultations (private).

A record's consultation entry is a `Consultation`, a `ResponseSet` or a
`ConsultationLoop`, each written in its own shape; reading tells them apart by
shape: a table with a ``consultation`` is a response set, one whose ``responses``
is a table (a response set) is a loop, and any other is a consultation (whose
``responses`` is a count).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from engagekit import io
from engagekit.consultations._consultation import Consultation
from engagekit.consultations._loop import ConsultationLoop
from engagekit.consultations._responses import ResponseSet
from engagekit.plans._record import ConsultationPart


def _shape(value: Any) -> type:
    if isinstance(value, Consultation | ResponseSet | ConsultationLoop):
        return type(value)
    if isinstance(value, Mapping):
        if "consultation" in value:
            return ResponseSet
        if isinstance(value.get("responses"), Mapping) or {"answers", "outcomes"} & value.keys():
            return ConsultationLoop
    return Consultation


def _structure(value: Any, _: Any) -> ConsultationPart:
    found: ConsultationPart = io.converter.structure(value, _shape(value))
    return found


def register() -> None:
    """Register the record hooks on ``io.converter`` (idempotent)."""
    io.converter.register_structure_hook(ConsultationPart, _structure)
    io.converter.register_unstructure_hook(
        ConsultationPart, lambda value: io.converter.unstructure(value, type(value))
    )


register()
