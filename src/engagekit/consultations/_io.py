"""How `engagekit.io` writes and reads response sets (private).

A [`ResponseSet`][engagekit.consultations.ResponseSet] is written as its consultation,
its theme catalogue and its responses, and read back through its checked constructor,
so that a loaded document is checked as a built one is.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from engagekit import io
from engagekit.consultations._consultation import Consultation
from engagekit.consultations._responses import Answer, ConsultationResponse, ResponseSet, Theme
from engagekit.errors import DocumentError, InvalidTypeError, Problem


_KEYS = ("consultation", "themes", "responses")


def _unstructure(value: ResponseSet) -> dict[str, Any]:
    return {
        "consultation": io.converter.unstructure(value.consultation),
        "themes": [io.converter.unstructure(t) for t in value.themes],
        "responses": [io.converter.unstructure(r) for r in value.responses],
    }


def _structure(value: Any, _: Any) -> ResponseSet:
    if isinstance(value, ResponseSet):
        return value
    if not isinstance(value, Mapping):
        raise InvalidTypeError(
            "ResponseSet", value, expected="a table of consultation, themes and responses"
        )
    extra = [k for k in value if k not in _KEYS]
    if extra or "consultation" not in value:
        problems = [
            Problem(f"$.{k}", "unknown key; allowed: " + ", ".join(_KEYS), value[k]) for k in extra
        ]
        if "consultation" not in value:
            problems.append(Problem("$.consultation", "missing", None))
        raise DocumentError("ResponseSet", problems)
    return ResponseSet(
        io.converter.structure(value["consultation"], Consultation),
        io.converter.structure(value.get("responses", []), tuple[ConsultationResponse, ...]),
        themes=io.converter.structure(value.get("themes", []), tuple[Theme, ...]),
    )


def _structure_answer(value: Any, _: Any) -> Any:
    if isinstance(value, list | tuple):
        return tuple(io.converter.structure(v, str) for v in value)
    if isinstance(value, bool):
        raise InvalidTypeError(
            "answer", value, expected="text, a whole number or a list of choices"
        )
    if isinstance(value, int | str):
        return value
    raise InvalidTypeError("answer", value, expected="text, a whole number or a list of choices")


io.converter.register_unstructure_hook(ResponseSet, _unstructure)
io.converter.register_structure_hook(ResponseSet, _structure)
io.converter.register_structure_hook(Answer, _structure_answer)
