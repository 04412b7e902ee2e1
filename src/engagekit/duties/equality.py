"""Equality: protected characteristics, the PSED aims, due regard, representation, EDS.

Examples:
    >>> from engagekit.duties.equality import PsedAim, ProtectedCharacteristic
    >>> len(ProtectedCharacteristic), len(PsedAim.B.characteristics)
    (9, 8)
    >>> ProtectedCharacteristic.MARRIAGE_AND_CIVIL_PARTNERSHIP in PsedAim.C.characteristics
    False
"""

from __future__ import annotations

import functools

from collections.abc import Iterator, Mapping
from typing import Any

import attrs

from engagekit import _validate
from engagekit.choices import Choice
from engagekit.cycles import PrincipleSet
from engagekit.errors import InvalidValueError
from engagekit.sources import Source


__all__ = [
    "RELEVANT_CHARACTERISTICS",
    "Coverage",
    "EdsGrading",
    "EdsModel",
    "EdsUnit",
    "GradeLine",
    "ProtectedCharacteristic",
    "PsedAim",
    "RepresentationReport",
    "RepresentationRow",
    "brown_principles",
    "coverage",
    "eds_models",
    "representation",
]


def __dir__() -> list[str]:
    return __all__


class ProtectedCharacteristic(Choice):
    """The nine protected characteristics, in the statutory order of Equality Act 2010 s4.

    Examples:
        >>> [c.label for c in ProtectedCharacteristic][:3]
        ['age', 'disability', 'gender reassignment']
        >>> ProtectedCharacteristic.parse("Religion or belief").relevant
        True

    References:
        Equality Act 2010 s4 (nine characteristics) and s149(7) (the eight "relevant"
        ones, without marriage and civil partnership). NHS Somerset's strategy lists
        all nine for the Equality Delivery System.
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
    def label(self) -> str:
        """The characteristic in words."""
        return self.value.replace("-", " ")

    @property
    def relevant(self) -> bool:
        """Whether it is a "relevant protected characteristic" of s149(7)."""
        return self is not ProtectedCharacteristic.MARRIAGE_AND_CIVIL_PARTNERSHIP


#: The eight relevant protected characteristics of s149(7), in s4 order.
RELEVANT_CHARACTERISTICS = tuple(c for c in ProtectedCharacteristic if c.relevant)


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


@attrs.frozen(kw_only=True)
class Coverage:
    """Which protected characteristics a duty's requirement covers."""

    requirement_id: str = attrs.field(validator=_validate.text)
    characteristics: tuple[ProtectedCharacteristic, ...] = attrs.field(
        converter=_validate.to_sorted_members, validator=_validate.each(ProtectedCharacteristic)
    )
    verified: bool = attrs.field(validator=_validate.instance_of(bool))
    note: str | None = attrs.field(default=None, validator=_validate.optional_text)


def coverage() -> tuple[Coverage, ...]:
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
        Coverage(
            requirement_id=aim.requirement_id,
            characteristics=aim.characteristics,
            verified=aim.note is None,
            note=aim.note,
        )
        for aim in PsedAim
    ]
    lines.append(
        Coverage(
            requirement_id="contract-eds/implement-eds",
            characteristics=tuple(ProtectedCharacteristic),
            verified=True,
            note="The EDS covers all nine protected characteristics.",
        )
    )
    return tuple(lines)


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


# --- Representation ---------------------------------------------------------------


@attrs.frozen(kw_only=True)
class RepresentationRow:
    """One category of one characteristic: participants against the population.

    ``participants``, ``share`` and ``ratio`` are ``None`` when the count is
    suppressed (fewer than the report's ``suppress_below``, but more than none);
    ``under_represented`` is then ``None`` too (unknown).
    """

    characteristic: ProtectedCharacteristic = attrs.field(
        validator=_validate.member_of(ProtectedCharacteristic)
    )
    category: str = attrs.field(validator=_validate.text)
    participants: int | None
    share: float | None
    population_share: float
    ratio: float | None
    under_represented: bool | None
    suppressed: bool


@attrs.frozen(kw_only=True)
class RepresentationReport:
    """Participants' shares against a population baseline, by characteristic.

    Attributes:
        rows: one per characteristic and category, in s4 order then population order.
        suppress_below: counts from 1 to ``suppress_below - 1`` are suppressed.
        threshold: a category is under-represented when its ratio (participants'
            share / population share) is below this.
    """

    rows: tuple[RepresentationRow, ...] = attrs.field(converter=_validate.to_tuple)
    suppress_below: int
    threshold: float

    def __iter__(self) -> Iterator[RepresentationRow]:
        return iter(self.rows)

    @property
    def under_represented(self) -> tuple[RepresentationRow, ...]:
        """Rows whose ratio is below the threshold."""
        return tuple(r for r in self.rows if r.under_represented)

    def __str__(self) -> str:
        from engagekit import render

        return render.text(self)

    def _repr_html_(self) -> str:
        from engagekit import render

        return render.html(self)


def _key(value: object) -> ProtectedCharacteristic:
    if isinstance(value, ProtectedCharacteristic):
        return value
    return ProtectedCharacteristic.parse(str(value))


def representation(
    participants: Mapping[Any, Mapping[str, int]],
    population: Mapping[Any, Mapping[str, float]],
    *,
    suppress_below: int = 5,
    threshold: float = 0.8,
) -> RepresentationReport:
    """Compare who took part with the population (e.g. from a JSNA).

    For each characteristic and category: participants' share of those who answered
    for that characteristic, the population's share (counts or shares, normalised),
    the ratio, and whether the category is under-represented (ratio below
    ``threshold``). Counts of 1 to ``suppress_below - 1`` are suppressed, so small
    groups cannot be identified; their share and ratio are not shown. The default
    threshold (0.8) and small number (5) are engagekit's defaults, not from a source:
    set your own.

    Args:
        participants: counts of participants, by characteristic then category.
        population: the baseline, by characteristic then category.
        suppress_below: the smallest count shown (other than zero).
        threshold: the ratio below which a category is under-represented.

    Raises:
        InvalidValueError: a category has participants but no population figure, a
            count is negative, or the settings are out of range.
        UnknownNameError: a characteristic is not one of the nine.

    Examples:
        >>> report = representation(
        ...     {"age": {"16-24": 12, "25-64": 150, "65+": 45}},
        ...     {"age": {"16-24": 0.14, "25-64": 0.62, "65+": 0.24}},
        ... )
        >>> [(r.category, round(r.ratio, 2)) for r in report.under_represented]
        [('16-24', 0.41)]
        >>> small = representation({"sex": {"female": 3, "male": 40}},
        ...                        {"sex": {"female": 51, "male": 49}})
        >>> small.rows[0].suppressed, small.rows[0].share
        (True, None)
    """
    small: object = suppress_below
    cut: object = threshold
    if isinstance(small, bool) or not isinstance(small, int) or suppress_below < 1:
        raise InvalidValueError(
            "suppress_below", suppress_below, reason="must be a whole number ≥ 1"
        )
    if not isinstance(cut, int | float) or isinstance(cut, bool) or cut <= 0:
        raise InvalidValueError("threshold", threshold, reason="must be a number above 0")
    counts = {_key(k): dict(v) for k, v in participants.items()}
    baseline = {_key(k): dict(v) for k, v in population.items()}
    rows: list[RepresentationRow] = []
    for characteristic in ProtectedCharacteristic:
        if characteristic not in counts:
            continue
        if characteristic not in baseline:
            raise InvalidValueError(
                f"population[{characteristic.value!r}]",
                None,
                reason="no population baseline for a characteristic with participants",
            )
        given = counts[characteristic]
        base = baseline[characteristic]
        for category, count in given.items():
            n: object = count
            if isinstance(n, bool) or not isinstance(n, int) or n < 0:
                raise InvalidValueError(
                    f"participants[{characteristic.value!r}][{category!r}]",
                    n,
                    reason="must be a whole number ≥ 0",
                )
            if category not in base:
                raise InvalidValueError(
                    f"participants[{characteristic.value!r}]",
                    category,
                    allowed=list(base),
                    reason="category has no population figure",
                )
        for category, figure in base.items():
            value: object = figure
            if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
                raise InvalidValueError(
                    f"population[{characteristic.value!r}][{category!r}]",
                    value,
                    reason="must be a number ≥ 0",
                )
        answered = sum(given.values())
        base_total = float(sum(base.values()))
        for category, value in base.items():
            n = given.get(category, 0)
            pop_share = value / base_total if base_total else 0.0
            if 0 < n < suppress_below:
                rows.append(
                    RepresentationRow(
                        characteristic=characteristic,
                        category=category,
                        participants=None,
                        share=None,
                        population_share=pop_share,
                        ratio=None,
                        under_represented=None,
                        suppressed=True,
                    )
                )
                continue
            share = n / answered if answered else 0.0
            ratio = share / pop_share if pop_share else None
            rows.append(
                RepresentationRow(
                    characteristic=characteristic,
                    category=category,
                    participants=n,
                    share=share,
                    population_share=pop_share,
                    ratio=ratio,
                    under_represented=None if ratio is None else ratio < threshold,
                    suppressed=False,
                )
            )
    return RepresentationReport(
        rows=tuple(rows), suppress_below=suppress_below, threshold=float(threshold)
    )


# --- Equality Delivery System -------------------------------------------------------


@attrs.frozen(kw_only=True)
class EdsUnit:
    """A goal (EDS, EDS2) or domain (EDS 2022), with what is known of its outcomes."""

    number: int = attrs.field(validator=_validate.instance_of(int))
    name: str = attrs.field(validator=_validate.text)
    outcome_count: int | None = attrs.field(default=None, validator=_validate.non_negative)
    count_verified: bool = attrs.field(default=False, validator=_validate.instance_of(bool))
    outcomes: tuple[str, ...] = attrs.field(
        default=(), converter=_validate.to_tuple, validator=_validate.each_text
    )
    note: str | None = attrs.field(default=None, validator=_validate.optional_text)


@attrs.frozen(kw_only=True)
class GradeLine:
    """The grade given to one goal or domain."""

    number: int
    name: str
    grade: str | None
    rank: int | None
    colour: str | None = None


@attrs.frozen(kw_only=True)
class EdsGrading:
    """An organisation's grades against an EDS version.

    ``verified`` is false when the version's grading scheme is not verified (EDS
    2022's 0-3 scores); ``notes`` repeats what is not verified about the model.
    """

    model: str
    lines: tuple[GradeLine, ...] = attrs.field(converter=_validate.to_tuple)
    verified: bool
    notes: tuple[str, ...] = attrs.field(converter=_validate.to_tuple)

    @property
    def ungraded(self) -> tuple[GradeLine, ...]:
        """Goals or domains without a grade."""
        return tuple(line for line in self.lines if line.grade is None)

    @property
    def counts(self) -> dict[str, int]:
        """How many goals or domains have each grade."""
        out: dict[str, int] = {}
        for line in self.lines:
            if line.grade is not None:
                out[line.grade] = out.get(line.grade, 0) + 1
        return out


def _unit_name(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value not in ("goal", "domain"):
        raise InvalidValueError("EdsModel.unit", value, allowed=("goal", "domain"))


@attrs.frozen(kw_only=True)
class EdsModel:
    """One version of the NHS Equality Delivery System as a grading model.

    Examples:
        >>> eds2 = eds_models()["eds2"]
        >>> eds2.total_outcomes, [u.outcome_count for u in eds2.units], eds2.counts_verified
        (18, [5, 4, 6, 3], False)
        >>> grading = eds2.grade({1: "achieving", 2: "developing"})
        >>> [(line.number, line.grade, line.colour) for line in grading.lines][:2]
        [(1, 'achieving', 'green'), (2, 'developing', 'amber')]
        >>> eds_models()["eds-2022"].grades_verified
        False
    """

    id: str = attrs.field(validator=_validate.text)
    name: str = attrs.field(validator=_validate.text)
    published: str = attrs.field(validator=_validate.text)
    unit: str = attrs.field(validator=_unit_name)
    total_outcomes: int = attrs.field(validator=_validate.non_negative)
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
    grades_verified: bool = attrs.field(validator=_validate.instance_of(bool))
    source: Source = attrs.field(validator=_validate.instance_of(Source))
    notes: tuple[str, ...] = attrs.field(
        default=(), converter=_validate.to_tuple, validator=_validate.each_text
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
        """
        numbers = {u.number: u for u in self.units}
        for number, given_grade in grades.items():
            if number not in numbers:
                raise InvalidValueError(f"{self.unit} number", number, allowed=list(numbers))
            if str(given_grade) not in self.grades:
                raise InvalidValueError(
                    f"grade for {self.unit} {number}", given_grade, allowed=list(self.grades)
                )
        lines = []
        for unit in self.units:
            given = grades.get(unit.number)
            grade: str | None = None if given is None else str(given)
            rank = None if grade is None else self.grades.index(grade)
            colour = self.grade_colours[rank] if rank is not None and self.grade_colours else None
            lines.append(
                GradeLine(number=unit.number, name=unit.name, grade=grade, rank=rank, colour=colour)
            )
        return EdsGrading(
            model=self.id, lines=tuple(lines), verified=self.grades_verified, notes=self.notes
        )


@attrs.frozen(kw_only=True)
class _EdsFile:
    model: tuple[EdsModel, ...] = attrs.field(converter=_validate.to_tuple)


@functools.cache
def _eds() -> tuple[EdsModel, ...]:
    from engagekit import _data

    return _data.load_builtin("duties/eds.toml", _EdsFile).model


def eds_models() -> dict[str, EdsModel]:
    """The EDS versions, by id: ``"eds-2011"``, ``"eds2"``, ``"eds-2022"``.

    Examples:
        >>> [(m.id, m.published, len(m.units)) for m in eds_models().values()]
        [('eds-2011', '2011-07', 4), ('eds2', '2013-11', 4), ('eds-2022', '2022-08', 3)]
    """
    return {m.id: m for m in _eds()}
