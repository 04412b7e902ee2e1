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

from engagekit.techniques import _render  # noqa: F401  (registers the renderers)
from engagekit.techniques._catalogue import (
    Match,
    Matches,
    TechniqueCatalogue,
    catalogue,
    load_techniques,
    select,
)
from engagekit.techniques._model import Figure, Quantity, Technique, Unit


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
