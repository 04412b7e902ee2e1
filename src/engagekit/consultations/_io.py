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
from engagekit.consultations._responses import (
    Answer,
    ConsultationResponse,
    ResponseSet,
    Theme,
    _catalogue,
    _check,
)
from engagekit.errors import EngagekitError, InvalidTypeError, Problem


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
    found = io._Found()  # noqa: SLF001 - engagekit.io's own problem list
    for key in value:
        if key not in _KEYS:
            allowed = ", ".join(map(repr, _KEYS))
            found.add(
                Problem(
                    f"$.{key}" if isinstance(key, str) and key.isidentifier() else f"$[{key!r}]",
                    f"unknown field {key!r} of ResponseSet; allowed: {allowed}",
                    value[key],
                )
            )
    if "consultation" not in value:
        found.add(Problem("$.consultation", "required field missing", None))
    # Each part's problems under its key (`$.responses[3].channel`), all at once.
    parts: dict[str, Any] = {"responses": (), "themes": ()}
    for key, type_ in _PARTS:
        if key in value:
            try:
                parts[key] = io.converter.structure(value[key], type_)
            except Exception as exc:  # noqa: BLE001 - every problem is reported
                found.add_exception(exc, f"$.{key}")
    found.raise_if_any()
    try:
        return ResponseSet(parts["consultation"], parts["responses"], themes=parts["themes"])
    except EngagekitError as exc:
        _locate(exc, parts, found)
        raise found.as_error() from None


_PARTS: tuple[tuple[str, Any], ...] = (
    ("consultation", Consultation),
    ("themes", tuple[Theme, ...]),
    ("responses", tuple[ConsultationResponse, ...]),
)


def _locate(exc: EngagekitError, parts: Mapping[str, Any], found: Any) -> None:
    """The constructor's refusal, at the response (or theme) it concerns; the
    constructor stops at the first, so every bad response is found here, only once
    the set is refused (a good set is checked once)."""
    try:
        catalogue = _catalogue(parts["themes"])
    except EngagekitError as theme_error:
        found.add(Problem("$.themes", str(theme_error), getattr(theme_error, "value", None)))
        return
    seen: dict[str, int] = {}
    for index, response in enumerate(parts["responses"]):
        path = f"$.responses[{index}]"
        if response.id in seen:
            message = (
                f"duplicate response id {response.id!r} (first at $.responses[{seen[response.id]}])"
            )
            found.add(Problem(f"{path}.id", message, response.id))
            continue
        seen[response.id] = index
        try:
            _check(response, parts["consultation"], catalogue)
        except EngagekitError as error:
            found.add(Problem(path, str(error), getattr(error, "value", None)))
    if not found.problems:
        found.add(Problem("$", str(exc), getattr(exc, "value", None)))


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
