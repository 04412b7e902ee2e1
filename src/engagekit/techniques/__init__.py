"""The catalogue of involvement techniques, and choosing techniques for a purpose.

Example:
    >>> from engagekit.techniques import techniques
    >>> techniques()["nominal-group"].figures[0].text
    'about three hours'
"""

from __future__ import annotations

from engagekit.techniques._catalogue import (
    Figure,
    Match,
    Quantity,
    Technique,
    TechniqueCatalogue,
    Unit,
    load_techniques,
    techniques,
)


__all__ = [
    "Figure",
    "Match",
    "Quantity",
    "Technique",
    "TechniqueCatalogue",
    "Unit",
    "load_techniques",
    "techniques",
]


def __dir__() -> list[str]:
    return __all__
