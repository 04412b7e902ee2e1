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

from typing import TYPE_CHECKING, Any

from engagekit import _lazy


if TYPE_CHECKING:
    from engagekit.disclosure import NOT_STATED
    from engagekit.duties.equality._characteristics import (
        RELEVANT_CHARACTERISTICS,
        CharacteristicCoverage,
        CoverageList,
        ProtectedCharacteristic,
        PsedAim,
        brown_principles,
        coverage,
    )
    from engagekit.duties.equality._eds import (
        EdsGrading,
        EdsModel,
        EdsOutcome,
        EdsOutcomeGrading,
        EdsRating,
        EdsUnit,
        OutcomeGrade,
        UnitGrade,
        eds_models,
    )
    from engagekit.duties.equality._representation import (
        RepresentationFinding,
        RepresentationReport,
        representation,
        wilson_interval,
    )

# Where each name is defined; its module is imported on first use (PEP 562), so a
# first call loads only the modules it needs.
_EXPORTS = {
    "NOT_STATED": "engagekit.disclosure",
    "RELEVANT_CHARACTERISTICS": "engagekit.duties.equality._characteristics",
    "CharacteristicCoverage": "engagekit.duties.equality._characteristics",
    "CoverageList": "engagekit.duties.equality._characteristics",
    "ProtectedCharacteristic": "engagekit.duties.equality._characteristics",
    "PsedAim": "engagekit.duties.equality._characteristics",
    "brown_principles": "engagekit.duties.equality._characteristics",
    "coverage": "engagekit.duties.equality._characteristics",
    "EdsGrading": "engagekit.duties.equality._eds",
    "EdsModel": "engagekit.duties.equality._eds",
    "EdsOutcome": "engagekit.duties.equality._eds",
    "EdsOutcomeGrading": "engagekit.duties.equality._eds",
    "EdsRating": "engagekit.duties.equality._eds",
    "EdsUnit": "engagekit.duties.equality._eds",
    "OutcomeGrade": "engagekit.duties.equality._eds",
    "UnitGrade": "engagekit.duties.equality._eds",
    "eds_models": "engagekit.duties.equality._eds",
    "RepresentationFinding": "engagekit.duties.equality._representation",
    "RepresentationReport": "engagekit.duties.equality._representation",
    "representation": "engagekit.duties.equality._representation",
    "wilson_interval": "engagekit.duties.equality._representation",
}


__all__ = [
    "NOT_STATED",
    "RELEVANT_CHARACTERISTICS",
    "CharacteristicCoverage",
    "CoverageList",
    "EdsGrading",
    "EdsModel",
    "EdsOutcome",
    "EdsOutcomeGrading",
    "EdsRating",
    "EdsUnit",
    "OutcomeGrade",
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


def __getattr__(name: str) -> Any:
    return _lazy.load(__name__, _EXPORTS, name)
