"""Protected characteristics, the PSED aims, what the duties cover, and due regard."""

from __future__ import annotations

import functools

from typing import Any, ClassVar

import attrs

from engagekit import _display, _validate, _value
from engagekit._display import Listing
from engagekit.choices import Choice, aliases
from engagekit.cycles import PrincipleSet


@aliases(
    {
        # The words NHS Somerset's strategy uses for the nine characteristics.
        "sexuality": "sexual-orientation",
        "race including ethnicity and nationality": "race",
        "faith and belief": "religion-or-belief",
        "faith and belief including non belief": "religion-or-belief",
        # Other everyday words for them.
        "ethnicity": "race",
        "faith": "religion-or-belief",
        "religion": "religion-or-belief",
        "belief": "religion-or-belief",
        "trans": "gender-reassignment",
        "transgender": "gender-reassignment",
        "marriage": "marriage-and-civil-partnership",
        "civil partnership": "marriage-and-civil-partnership",
        "pregnancy": "pregnancy-and-maternity",
        "maternity": "pregnancy-and-maternity",
    }
)
class ProtectedCharacteristic(Choice):
    """The nine protected characteristics, in the statutory order of Equality Act 2010 s4.

    Examples:
        >>> [c.label for c in ProtectedCharacteristic][:3]
        ['age', 'disability', 'gender reassignment']
        >>> ProtectedCharacteristic.parse("Religion or belief").relevant
        True
        >>> ProtectedCharacteristic("Sexuality").value, ProtectedCharacteristic("faith").value
        ('sexual-orientation', 'religion-or-belief')

    References:
        Equality Act 2010 s4 (nine characteristics) and s149(7) (the eight "relevant"
        ones, without marriage and civil partnership). NHS Somerset's strategy lists
        all nine for the Equality Delivery System, in its own words ("Sexuality",
        "Race including ethnicity and nationality", "Faith and belief including non
        belief"), which name them too.
    """

    AGE = "age"
    DISABILITY = "disability"
    GENDER_REASSIGNMENT = "gender-reassignment"
    MARRIAGE_AND_CIVIL_PARTNERSHIP = "marriage-and-civil-partnership"
    PREGNANCY_AND_MATERNITY = "pregnancy-and-maternity"
    RACE = "race"
    RELIGION_OR_BELIEF = "religion-or-belief"
    SEX = "sex"
    SEXUAL_ORIENTATION = "sexual-orientation"

    @property
    def relevant(self) -> bool:
        """Whether it is a "relevant protected characteristic" of s149(7)."""
        return self is not ProtectedCharacteristic.MARRIAGE_AND_CIVIL_PARTNERSHIP


RELEVANT_CHARACTERISTICS = tuple(c for c in ProtectedCharacteristic if c.relevant)
"""The eight relevant protected characteristics of s149(7), in s4 order."""


class PsedAim(Choice):
    """The three aims of the Public Sector Equality Duty, s149(1)(a)-(c).

    Examples:
        >>> PsedAim.A.characteristics == tuple(ProtectedCharacteristic)
        True
        >>> PsedAim.A.note.startswith("Marriage and civil partnership counts for aim (a)")
        True
    """

    A = "a"
    B = "b"
    C = "c"

    @property
    def text(self) -> str:
        """The aim, paraphrased."""
        return {
            PsedAim.A: "eliminate discrimination, harassment, victimisation and other "
            "conduct prohibited by the Act",
            PsedAim.B: "advance equality of opportunity between people who share a relevant "
            "protected characteristic and those who do not",
            PsedAim.C: "foster good relations between people who share a relevant protected "
            "characteristic and those who do not",
        }[self]

    @property
    def requirement_id(self) -> str:
        """The matching requirement in the duty registry."""
        return f"equality-act-s149/{self.value}"

    @property
    def characteristics(self) -> tuple[ProtectedCharacteristic, ...]:
        """The characteristics the aim covers: the eight relevant ones for (b) and (c)."""
        if self is PsedAim.A:
            return tuple(ProtectedCharacteristic)
        return RELEVANT_CHARACTERISTICS

    @property
    def note(self) -> str | None:
        """What is not verified about the aim's coverage."""
        if self is PsedAim.A:
            return (
                "Marriage and civil partnership counts for aim (a) in employment only "
                "(EHRC guidance; not verified)."
            )
        return None


def _characteristics(value: object) -> Any:
    return _validate.members(
        ProtectedCharacteristic, value, "CharacteristicCoverage.characteristics"
    )


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class CharacteristicCoverage:
    """Which protected characteristics a duty's requirement covers.

    Its ``repr`` is one line: the requirement, whether the coverage is verified,
    the characteristics and the start of the note.
    """

    requirement_id: str = attrs.field(validator=_validate.text)
    characteristics: tuple[ProtectedCharacteristic, ...] = attrs.field(converter=_characteristics)
    verified: bool = attrs.field(validator=_validate.flag)
    note: str | None = attrs.field(default=None, validator=_validate.optional_text)

    def __repr__(self) -> str:
        checked = "verified" if self.verified else "not verified"
        head = f"CharacteristicCoverage {_display.quoted(self.requirement_id)} ({checked})"
        shown = f"{head}: {', '.join(c.value for c in self.characteristics)}"
        return f"<{shown}, note={_display.quoted(self.note, 40)}>" if self.note else f"<{shown}>"


class CoverageList(Listing[CharacteristicCoverage]):
    """What [`coverage`][engagekit.duties.equality.coverage] returns: a table of which
    requirement covers which characteristics."""

    __slots__ = ()

    noun: ClassVar[str] = "requirements"
    columns: ClassVar[tuple[str, ...]] = ("requirement", "characteristics", "verified", "note")

    def row(self, item: CharacteristicCoverage) -> tuple[object, ...]:
        """The requirement, how many characteristics it covers, and what is verified."""
        return (item.requirement_id, len(item.characteristics), item.verified, item.note)


def coverage() -> CoverageList:
    """Which duties cover which protected characteristics.

    Examples:
        >>> for line in coverage():
        ...     print(line.requirement_id, len(line.characteristics), line.verified)
        equality-act-s149/a 9 False
        equality-act-s149/b 8 True
        equality-act-s149/c 8 True
        contract-eds/implement-eds 9 True
    """
    lines = [
        CharacteristicCoverage(
            requirement_id=aim.requirement_id,
            characteristics=aim.characteristics,
            verified=aim.note is None,
            note=aim.note,
        )
        for aim in PsedAim
    ]
    lines.append(
        CharacteristicCoverage(
            requirement_id="contract-eds/implement-eds",
            characteristics=tuple(ProtectedCharacteristic),
            verified=True,
            note="The EDS covers all nine protected characteristics.",
        )
    )
    return CoverageList(lines)


@functools.cache
def brown_principles() -> PrincipleSet:
    """The six Brown principles as a due-regard checklist (a scoring rubric).

    Examples:
        >>> from engagekit.cycles import Judgement
        >>> from engagekit import Rating
        >>> brown = brown_principles()
        >>> result = brown.score({"records": Judgement(rating=Rating.NOT_MET,
        ...                                            reason="No equality analysis on file")})
        >>> len(brown), result.points, len(result.unassessed)
        (6, 0, 5)
        >>> [g.principle.name for g in result.gaps if g.rating is Rating.NOT_MET]
        ['Records kept']
    """
    from engagekit import _data

    return _data.load_builtin("duties/brown-principles.toml", PrincipleSet)
