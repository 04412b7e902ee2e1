"""The catalogue of involvement techniques, and choosing techniques for a purpose.

- [`catalogue`][engagekit.techniques.catalogue] returns the built-in catalogue (a
  read-only [`TechniqueCatalogue`][engagekit.techniques.TechniqueCatalogue]);
- [`load_techniques`][engagekit.techniques.load_techniques] reads one in the same TOML
  format;
- [`select`][engagekit.techniques.select] chooses techniques for a purpose, best first,
  each with its reasons, as [`Matches`][engagekit.techniques.Matches].

Examples:
    >>> from engagekit import techniques
    >>> techniques.catalogue()["nominal-group"].figures[0].text
    'about three hours'
    >>> techniques.select(level="collaborate", participants=1000)[0].technique.name
    '21st century town meeting'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from engagekit import _lazy


if TYPE_CHECKING:
    from engagekit.techniques._catalogue import (
        Match,
        Matches,
        TechniqueCatalogue,
        catalogue,
        load_techniques,
        select,
    )
    from engagekit.techniques._model import Figure, Quantity, Technique, Unit

# Where each name is defined; its module is imported on first use (PEP 562), so a
# first call loads only the modules it needs.
_EXPORTS = {
    "Match": "engagekit.techniques._catalogue",
    "Matches": "engagekit.techniques._catalogue",
    "TechniqueCatalogue": "engagekit.techniques._catalogue",
    "catalogue": "engagekit.techniques._catalogue",
    "load_techniques": "engagekit.techniques._catalogue",
    "select": "engagekit.techniques._catalogue",
    "Figure": "engagekit.techniques._model",
    "Quantity": "engagekit.techniques._model",
    "Technique": "engagekit.techniques._model",
    "Unit": "engagekit.techniques._model",
}


__all__ = [
    "Figure",
    "Match",
    "Matches",
    "Quantity",
    "Technique",
    "TechniqueCatalogue",
    "Unit",
    "catalogue",
    "load_techniques",
    "select",
]


def __dir__() -> list[str]:
    return __all__


def __getattr__(name: str) -> Any:
    return _lazy.load(__name__, _EXPORTS, name)
