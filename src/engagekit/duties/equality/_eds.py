"""The NHS Equality Delivery System's versions as grading models, and gradings."""

from __future__ import annotations

import functools
import numbers

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, ClassVar

import attrs

from engagekit import _validate
from engagekit._display import short_repr
from engagekit.errors import InvalidTypeError, InvalidValueError, UnknownChoiceError
from engagekit.results import Outcome, Reason, Result
from engagekit.sources import Source


@attrs.frozen(kw_only=True)
class EdsUnit:
    """A goal (EDS, EDS2) or domain (EDS 2022), with what is known of its outcomes."""

    number: int = attrs.field(converter=_validate.to_int, validator=_validate.whole_at_least(1))
    name: str = attrs.field(validator=_validate.text)
    outcome_count: int | None = attrs.field(
        default=None,
        converter=_validate.to_int,
        validator=_validate.optional(_validate.whole_at_least(0)),
    )
    count_verified: bool = attrs.field(default=False, validator=_validate.flag)
    outcomes: tuple[str, ...] = attrs.field(
        default=(), converter=_validate.to_tuple, validator=_validate.each_text
    )
    note: str | None = attrs.field(default=None, validator=_validate.optional_text)


@attrs.frozen(kw_only=True)
class UnitGrade(Reason):
    """The grade given to one goal or domain: a [`Reason`][engagekit.results.Reason]
    of an [`EdsGrading`][engagekit.duties.equality.EdsGrading].

    The outcome reads the grade on the version's scale (engagekit's convention, not
    the EDS's): the lowest grade is not met, grades below the middle of the scale
    are partly met, the rest met; an ungraded goal or domain is insufficient
    evidence.

    Attributes:
        number: the goal's or domain's number.
        grade: the grade given, or ``None``.
        rank: the grade's place on the scale (0 is the lowest), or ``None``.
        colour: the grade's colour, where the version has colours.
    """

    number: int = attrs.field(converter=_validate.to_int, validator=_validate.whole_at_least(1))
    grade: str | None = attrs.field(default=None, validator=_validate.optional_text)
    rank: int | None = attrs.field(
        default=None,
        converter=_validate.to_int,
        validator=_validate.optional(_validate.whole_at_least(0)),
    )
    colour: str | None = attrs.field(default=None, validator=_validate.optional_text)

    def __attrs_post_init__(self) -> None:
        if (self.grade is None) != (self.rank is None):
            raise InvalidValueError(
                "UnitGrade.rank", self.rank, reason="a grade and its rank go together"
            )

    @property
    def name(self) -> str:
        """The goal's or domain's name (the reason's ``title``)."""
        return self.title


@attrs.frozen(kw_only=True, repr=False)
class EdsGrading(Result):
    """An organisation's grades against an EDS version, as a
    [`Result`][engagekit.results.Result] with one reason per goal or domain.

    ``verified`` is false when the version's grading scheme is not verified (EDS
    2022's 0-3 scores); ``notes`` repeats what is not verified about the model.
    """

    subject: ClassVar[str] = "EDS grading"

    model: str = attrs.field(validator=_validate.text)
    outcome: Outcome = attrs.field(converter=Outcome)
    reasons: tuple[UnitGrade, ...] = attrs.field(
        converter=_validate.to_tuple, validator=_validate.each(UnitGrade)
    )
    verified: bool = attrs.field(validator=_validate.flag)
    notes: tuple[str, ...] = attrs.field(
        default=(), converter=_validate.to_tuple, validator=_validate.each_text
    )

    def __attrs_post_init__(self) -> None:
        worst = Outcome.worst((r.outcome for r in self.reasons), default=Outcome.NOT_APPLICABLE)
        if self.outcome is not worst:
            raise InvalidValueError(
                "EdsGrading.outcome",
                self.outcome.value,
                reason=f"must be the worst grade's outcome ({worst.value})",
            )

    def __repr__(self) -> str:
        return short_repr(
            self,
            f"EdsGrading {self.model} {self.outcome.label}",
            [(len(self.reasons), "units"), (len(self.ungraded), "ungraded")],
        )

    @property
    def ungraded(self) -> tuple[UnitGrade, ...]:
        """Goals or domains without a grade."""
        return tuple(r for r in self.reasons if r.grade is None)

    @property
    def counts(self) -> dict[str, int]:
        """How many goals or domains have each grade."""
        out: dict[str, int] = {}
        for r in self.reasons:
            if r.grade is not None:
                out[r.grade] = out.get(r.grade, 0) + 1
        return out


def _unit_name(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str):
        raise InvalidTypeError("EdsModel.unit", value, expected="'goal' or 'domain'")
    if value not in ("goal", "domain"):
        raise UnknownChoiceError("EdsModel.unit", value, allowed=("goal", "domain"))


def _outcome(rank: int | None, scale: int) -> Outcome:
    if rank is None:
        return Outcome.INSUFFICIENT_EVIDENCE
    if rank == 0:
        return Outcome.NOT_MET
    if rank < scale // 2:
        return Outcome.PARTLY_MET
    return Outcome.MET


@attrs.frozen(kw_only=True, repr=False)
class EdsModel:
    """One version of the NHS Equality Delivery System as a grading model.

    Examples:
        >>> eds2 = eds_models()["eds2"]
        >>> eds2
        <EdsModel eds2 with 4 goals and 18 outcomes>
        >>> eds2.total_outcomes, [u.outcome_count for u in eds2.units], eds2.counts_verified
        (18, [5, 4, 6, 3], False)
        >>> grading = eds2.grade({1: "achieving", 2: "developing"})
        >>> [(g.number, g.grade, g.colour, g.outcome.label) for g in grading.reasons][:2]
        [(1, 'achieving', 'green', 'met'), (2, 'developing', 'amber', 'partly met')]
        >>> grading.outcome.label
        'insufficient evidence'
        >>> eds_models()["eds-2022"].grades_verified
        False
    """

    id: str = attrs.field(validator=_validate.identifier)
    name: str = attrs.field(validator=_validate.text)
    published: str = attrs.field(validator=_validate.text)
    unit: str = attrs.field(validator=_unit_name)
    total_outcomes: int = attrs.field(
        converter=_validate.to_int, validator=_validate.whole_at_least(0)
    )
    units: tuple[EdsUnit, ...] = attrs.field(
        converter=_validate.to_tuple,
        validator=[_validate.each(EdsUnit), _validate.unique(lambda u: u.number, "unit number")],
    )
    grades: tuple[str, ...] = attrs.field(
        converter=_validate.to_tuple, validator=_validate.each_text
    )
    grade_colours: tuple[str, ...] = attrs.field(
        default=(), converter=_validate.to_tuple, validator=_validate.each_text
    )
    grades_verified: bool = attrs.field(validator=_validate.flag)
    source: Source = attrs.field(validator=_validate.instance_of(Source))
    notes: tuple[str, ...] = attrs.field(
        default=(), converter=_validate.to_tuple, validator=_validate.each_text
    )

    def __attrs_post_init__(self) -> None:
        if self.grade_colours and len(self.grade_colours) != len(self.grades):
            raise InvalidValueError(
                "EdsModel.grade_colours",
                list(self.grade_colours),
                reason=f"give one colour per grade ({len(self.grades)})",
            )

    def __repr__(self) -> str:
        return short_repr(
            self,
            f"EdsModel {self.id}",
            [(len(self.units), f"{self.unit}s"), (self.total_outcomes, "outcomes")],
        )

    @property
    def counts_verified(self) -> bool:
        """Whether every goal's or domain's outcome count is verified."""
        return all(u.count_verified for u in self.units)

    def grade(self, grades: Mapping[int, str]) -> EdsGrading:
        """Grade each goal or domain (by number) on this version's scale.

        Raises:
            InvalidValueError: an unknown goal or domain number, or a grade not on
                the scale (the message lists the allowed grades).
            InvalidTypeError: ``grades`` is not a mapping, or a number or grade is of
                the wrong type.
        """
        if not isinstance(grades, Mapping):
            raise InvalidTypeError("grades", grades, expected="a mapping of number to grade")
        numbers_ = {u.number: u for u in self.units}
        given: dict[int, str] = {}
        for number, graded in grades.items():
            if isinstance(number, bool) or not isinstance(number, numbers.Integral):
                raise InvalidTypeError(f"{self.unit} number", number, expected="a whole number")
            if int(number) not in numbers_:
                raise InvalidValueError(f"{self.unit} number", number, allowed=list(numbers_))
            if not isinstance(graded, str):
                raise InvalidTypeError(f"grade for {self.unit} {number}", graded, expected="text")
            if graded not in self.grades:
                raise InvalidValueError(
                    f"grade for {self.unit} {number}", graded, allowed=list(self.grades)
                )
            given[int(number)] = graded
        reasons = []
        for unit in self.units:
            grade = given.get(unit.number)
            rank = None if grade is None else self.grades.index(grade)
            colour = self.grade_colours[rank] if rank is not None and self.grade_colours else None
            where = f"{self.unit} {unit.number}"
            message = f"graded {grade}" + (f" ({colour})" if colour else "")
            reasons.append(
                UnitGrade(
                    rule=f"{self.id}/{self.unit}-{unit.number}",
                    title=unit.name,
                    outcome=_outcome(rank, len(self.grades)),
                    message=message if grade is not None else "not graded",
                    missing=() if grade is not None else (f"a grade for {where}",),
                    source=self.source.at(where),
                    number=unit.number,
                    grade=grade,
                    rank=rank,
                    colour=colour,
                )
            )
        worst = Outcome.worst((r.outcome for r in reasons), default=Outcome.NOT_APPLICABLE)
        return EdsGrading(
            model=self.id,
            outcome=worst,
            reasons=tuple(reasons),
            verified=self.grades_verified,
            notes=self.notes,
        )


@attrs.frozen(kw_only=True)
class _EdsFile:
    model: tuple[EdsModel, ...] = attrs.field(
        converter=_validate.to_tuple, validator=_validate.a_tuple
    )


@functools.cache
def _models() -> Mapping[str, EdsModel]:
    from engagekit import _data

    loaded = _data.load_builtin("duties/eds.toml", _EdsFile).model
    return MappingProxyType({m.id: m for m in loaded})


def eds_models() -> Mapping[str, EdsModel]:
    """The EDS versions, by id: ``"eds-2011"``, ``"eds2"``, ``"eds-2022"`` (read-only).

    Examples:
        >>> [(m.id, m.published, len(m.units)) for m in eds_models().values()]
        [('eds-2011', '2011-07', 4), ('eds2', '2013-11', 4), ('eds-2022', '2022-08', 3)]
    """
    return _models()
