"""Equality: protected characteristics, the PSED aims, due regard, representation, EDS.

Examples:
    >>> from engagekit.duties.equality import PsedAim, ProtectedCharacteristic
    >>> len(ProtectedCharacteristic), len(PsedAim.B.characteristics)
    (9, 8)
    >>> ProtectedCharacteristic.MARRIAGE_AND_CIVIL_PARTNERSHIP in PsedAim.C.characteristics
    False
    >>> ProtectedCharacteristic("Sexuality")
    <ProtectedCharacteristic.SEXUAL_ORIENTATION: 'sexual-orientation'>
"""

from __future__ import annotations

from engagekit.disclosure import NOT_STATED
from engagekit.duties.equality import _render  # noqa: F401  (registers the renderers)
from engagekit.duties.equality._characteristics import (
    RELEVANT_CHARACTERISTICS,
    CharacteristicCoverage,
    CoverageList,
    ProtectedCharacteristic,
    PsedAim,
    brown_principles,
    coverage,
)
from engagekit.duties.equality._eds import EdsGrading, EdsModel, EdsUnit, UnitGrade, eds_models
from engagekit.duties.equality._representation import (
    RepresentationFinding,
    RepresentationReport,
    representation,
    wilson_interval,
)


__all__ = [
    "NOT_STATED",
    "RELEVANT_CHARACTERISTICS",
    "CharacteristicCoverage",
    "CoverageList",
    "EdsGrading",
    "EdsModel",
    "EdsUnit",
    "ProtectedCharacteristic",
    "PsedAim",
    "RepresentationFinding",
    "RepresentationReport",
    "UnitGrade",
    "brown_principles",
    "coverage",
    "eds_models",
    "representation",
    "wilson_interval",
]


def __dir__() -> list[str]:
    return __all__
