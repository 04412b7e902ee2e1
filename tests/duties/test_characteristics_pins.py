"""What the duties cover, by protected characteristic, pinned (mutation testing).

The characteristics are those of the Equality Act 2010: nine in s4, eight "relevant"
ones in s149(7), without marriage and civil partnership; the Equality Delivery System
covers all nine.
"""

from __future__ import annotations

import pytest

from engagekit.duties.equality import (
    RELEVANT_CHARACTERISTICS,
    CharacteristicCoverage,
    ProtectedCharacteristic,
    coverage,
)
from engagekit.errors import InvalidTypeError, UnknownChoiceError


def test_coverage_names_each_requirement_its_characteristics_and_what_is_verified() -> None:
    nine = tuple(ProtectedCharacteristic)
    assert list(coverage()) == [
        CharacteristicCoverage(
            requirement_id="equality-act-s149/a",
            characteristics=nine,
            verified=False,
            note=(
                "Marriage and civil partnership counts for aim (a) in employment only "
                "(EHRC guidance; not verified)."
            ),
        ),
        CharacteristicCoverage(
            requirement_id="equality-act-s149/b",
            characteristics=RELEVANT_CHARACTERISTICS,
            verified=True,
        ),
        CharacteristicCoverage(
            requirement_id="equality-act-s149/c",
            characteristics=RELEVANT_CHARACTERISTICS,
            verified=True,
        ),
        CharacteristicCoverage(
            requirement_id="contract-eds/implement-eds",
            characteristics=nine,
            verified=True,
            note="The EDS covers all nine protected characteristics.",
        ),
    ]


def test_coverage_reads_as_a_table_of_requirements() -> None:
    assert repr(coverage()) == "<CoverageList with 4 requirements>"
    # A note longer than its column (45 characters, to fit 100) continues under it.
    assert str(coverage()).splitlines() == [
        "requirement                 characteristics  verified  note",
        (
            "equality-act-s149/a         9                False     Marriage and civil partnership"
            " counts for aim"
        ),
        (
            "                                                       (a) in employment only (EHRC"
            " guidance; not"
        ),
        "                                                       verified).",
        "equality-act-s149/b         8                True",
        "equality-act-s149/c         8                True",
        "contract-eds/implement-eds  9                True      The EDS covers all nine protected",
        "                                                       characteristics.",
    ]


def test_characteristics_given_as_one_text_are_refused_naming_the_field() -> None:
    with pytest.raises(InvalidTypeError) as exc:
        CharacteristicCoverage(
            requirement_id="equality-act-s149/b", characteristics="age", verified=True
        )
    assert str(exc.value) == (
        "CharacteristicCoverage.characteristics: got str 'age'; expected a list"
    )


def test_an_unknown_characteristic_is_refused_naming_the_field_and_its_index() -> None:
    """It named only the enumeration ("ProtectedCharacteristic: 'colour' ..."), not where."""
    with pytest.raises(UnknownChoiceError) as exc:
        CharacteristicCoverage(
            requirement_id="equality-act-s149/b", characteristics=["age", "colour"], verified=True
        )
    assert str(exc.value) == (
        "CharacteristicCoverage.characteristics[1]: 'colour' is not allowed; allowed: 'age', "
        "'disability', 'gender-reassignment', 'marriage-and-civil-partnership', "
        "'pregnancy-and-maternity', 'race', 'religion-or-belief', 'sex', 'sexual-orientation'"
    )
    with pytest.raises(InvalidTypeError) as wrong_type:
        CharacteristicCoverage(
            requirement_id="equality-act-s149/b", characteristics=[9], verified=True
        )
    assert str(wrong_type.value) == (
        "CharacteristicCoverage.characteristics[0]: got int 9; expected a "
        "ProtectedCharacteristic or its value as text"
    )


def test_characteristics_given_by_name_are_read_in_s4_order() -> None:
    line = CharacteristicCoverage(
        requirement_id="equality-act-s149/c",
        characteristics=["Sexuality", "faith and belief including non belief", "race"],
        verified=True,
    )
    assert line.characteristics == (
        ProtectedCharacteristic.RACE,
        ProtectedCharacteristic.RELIGION_OR_BELIEF,
        ProtectedCharacteristic.SEXUAL_ORIENTATION,
    )
