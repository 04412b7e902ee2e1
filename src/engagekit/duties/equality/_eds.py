"""The NHS Equality Delivery System's versions as grading models, and gradings."""

from __future__ import annotations

import functools
import numbers

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import Any, ClassVar

import attrs

from engagekit import _display, _validate, _value
from engagekit._display import short_repr
from engagekit.errors import InvalidTypeError, InvalidValueError, UnknownChoiceError
from engagekit.results import Outcome, Reason, Result
from engagekit.sources import Source


# What stands in for an outcome's wording where engagekit's sources give none.
_NO_WORDING = "(wording not in engagekit's sources)"

# Said of an EDS 2022 overall score when no rating bands were passed.
_NO_BANDS = "rating bands not in engagekit's sources; pass them to rate"


def _grade_counts(reasons: Iterable[UnitGrade | OutcomeGrade]) -> dict[str, int]:
    """How many of ``reasons`` have each grade, in the order grades first appear."""
    return dict(Counter(r.grade for r in reasons if r.grade is not None))


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class EdsOutcome:
    """One outcome of an EDS version: its code, and its wording where a source gives it.

    Its ``repr`` is one line: its code, the start of its wording (or that there is
    none) and whether the wording was verified.

    Attributes:
        code: its number: "2.1" in EDS and EDS2, "1A" in EDS 2022.
        text: the outcome's wording, or ``None`` where engagekit's sources give none
            (engagekit never fills the gap with a wording of its own).
        verified: whether the wording was checked against NHS England's EDS
            documents (a primary source).
        note: where the wording was seen, or why there is none.

    Examples:
        >>> eds2 = eds_models()["eds2"]
        >>> eds2.outcome("2.4").text
        'People’s complaints about services are handled respectfully and efficiently'
        >>> eds2.outcome("2.4").verified
        False
        >>> eds2.outcome("3.1").text is None
        True
        >>> eds2.outcome("3.1").label
        "(wording not in engagekit's sources)"
    """

    code: str = attrs.field(validator=_validate.text)
    text: str | None = attrs.field(default=None, validator=_validate.optional_text)
    verified: bool = attrs.field(default=False, validator=_validate.flag)
    note: str | None = attrs.field(default=None, validator=_validate.optional_text)

    def __attrs_post_init__(self) -> None:
        if self.verified and self.text is None:
            raise InvalidValueError(
                "EdsOutcome.verified", self.verified, reason=f"outcome {self.code} has no wording"
            )

    def __repr__(self) -> str:
        if self.text is None:
            return f"<EdsOutcome {self.code!r} (no wording)>"
        checked = "verified" if self.verified else "not verified"
        return f"<EdsOutcome {self.code!r} {_display.quoted(self.text, 40)} ({checked})>"

    @property
    def label(self) -> str:
        """The wording, or a plain statement that engagekit's sources give none."""
        return _NO_WORDING if self.text is None else self.text


@attrs.frozen(kw_only=True)
@_value.shared_methods
class EdsRating:
    """A band of an EDS version's overall score and the rating it gives (EDS 2022).

    engagekit's sources hold no rating bands, so engagekit ships none: pass your own
    (from NHS England's EDS 2022 documents) to
    [`EdsModel.grade_outcomes`][engagekit.duties.equality.EdsModel.grade_outcomes].

    Attributes:
        name: the rating.
        low: the lowest overall score with this rating.
        high: the highest overall score with this rating.

    Examples:
        >>> EdsRating(name="Top", low=30, high=33).high
        33
    """

    name: str = attrs.field(validator=_validate.text)
    low: int = attrs.field(converter=_validate.to_int, validator=_validate.whole_at_least(0))
    high: int = attrs.field(converter=_validate.to_int, validator=_validate.whole_at_least(0))

    def __attrs_post_init__(self) -> None:
        if self.high < self.low:
            raise InvalidValueError(
                "EdsRating.high", self.high, reason=f"is below low ({self.low})"
            )


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class EdsUnit:
    """A goal (EDS, EDS2) or domain (EDS 2022), with what is known of its outcomes.

    Its ``repr`` is one line: its number, the start of its name, and how many of
    its outcomes are listed (of how many, where that is known).

    Raises:
        InvalidValueError: more outcomes are listed than `outcome_count`.
    """

    number: int = attrs.field(converter=_validate.to_int, validator=_validate.whole_at_least(1))
    name: str = attrs.field(validator=_validate.text)
    outcome_count: int | None = attrs.field(
        default=None,
        converter=_validate.to_int,
        validator=_validate.optional(_validate.whole_at_least(0)),
    )
    count_verified: bool = attrs.field(default=False, validator=_validate.flag)
    outcomes: tuple[EdsOutcome, ...] = attrs.field(
        default=(),
        converter=_validate.to_tuple,
        validator=[_validate.each(EdsOutcome), _validate.unique(lambda o: o.code, "outcome code")],
    )
    note: str | None = attrs.field(default=None, validator=_validate.optional_text)

    def __attrs_post_init__(self) -> None:
        if self.outcome_count is not None and len(self.outcomes) > self.outcome_count:
            raise InvalidValueError(
                "EdsUnit.outcomes",
                [o.code for o in self.outcomes],
                reason=f"lists more than the unit's {self.outcome_count} outcomes",
            )

    def __repr__(self) -> str:
        listed = len(self.outcomes)
        counted = f"{listed} outcomes" if listed != 1 else "1 outcome"
        if self.outcome_count is not None:
            counted = f"{listed} of {self.outcome_count} outcomes"
        return f"<EdsUnit {self.number} {_display.quoted(self.name, 40)} with {counted}>"


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
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
@_value.shared_methods
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
        self._check_outcome()

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
        return _grade_counts(self.reasons)


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class OutcomeGrade(Reason):
    """The grade given to one outcome: a [`Reason`][engagekit.results.Reason] of an
    [`EdsOutcomeGrading`][engagekit.duties.equality.EdsOutcomeGrading].

    `rule` is `"<version>/<code>"`, `title` the outcome's wording (or its code and
    that engagekit's sources give no wording). The outcome reads
    the grade as [`UnitGrade`][engagekit.duties.equality.UnitGrade] does
    (engagekit's convention): the lowest grade is not met, grades below the middle
    of the scale partly met, the rest met; an ungraded outcome is insufficient
    evidence.

    Attributes:
        code: the outcome's code ("2.1", "1A").
        wording: the outcome's wording, or ``None`` where engagekit's sources give
            none.
        unit: the number of its goal or domain.
        grade: the grade given, or ``None``.
        rank: the grade's place on the scale (0 is the lowest), or ``None``.
        colour: the grade's colour, where the version has colours.
        score: the grade's points, where the version scores outcomes (EDS 2022).
    """

    code: str = attrs.field(validator=_validate.text)
    wording: str | None = attrs.field(default=None, validator=_validate.optional_text)
    unit: int = attrs.field(converter=_validate.to_int, validator=_validate.whole_at_least(1))
    grade: str | None = attrs.field(default=None, validator=_validate.optional_text)
    rank: int | None = attrs.field(
        default=None,
        converter=_validate.to_int,
        validator=_validate.optional(_validate.whole_at_least(0)),
    )
    colour: str | None = attrs.field(default=None, validator=_validate.optional_text)
    score: int | None = attrs.field(
        default=None,
        converter=_validate.to_int,
        validator=_validate.optional(_validate.whole_at_least(0)),
    )

    def __attrs_post_init__(self) -> None:
        if (self.grade is None) != (self.rank is None):
            raise InvalidValueError(
                "OutcomeGrade.rank", self.rank, reason="a grade and its rank go together"
            )
        if self.grade is None and self.score is not None:
            raise InvalidValueError(
                "OutcomeGrade.score", self.score, reason="an ungraded outcome has no score"
            )


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class EdsOutcomeGrading(Result):
    """An organisation's grades against an EDS version outcome by outcome, as the
    version grades: a [`Result`][engagekit.results.Result] with one
    [`OutcomeGrade`][engagekit.duties.equality.OutcomeGrade] per outcome.

    Where the version scores outcomes (EDS 2022), `score` is the sum of every
    outcome's score once all are scored, otherwise ``None``. engagekit's sources
    hold no rating bands, so `rating` is the band of `bands` (the bands passed to
    `grade_outcomes`) the score falls in, and ``None`` when none were passed.
    `verified` is false when the grading scheme is not verified; `notes` says what
    is not, and where the rating came from.

    Raises:
        InvalidValueError: `outcome` is not the worst of the reasons' outcomes, or
            `rating` is not the band of `bands` that `score` falls in.
    """

    subject: ClassVar[str] = "EDS grading by outcome"

    model: str = attrs.field(validator=_validate.text)
    outcome: Outcome = attrs.field(converter=Outcome)
    reasons: tuple[OutcomeGrade, ...] = attrs.field(
        converter=_validate.to_tuple, validator=_validate.each(OutcomeGrade)
    )
    verified: bool = attrs.field(validator=_validate.flag)
    score: int | None = attrs.field(
        default=None,
        converter=_validate.to_int,
        validator=_validate.optional(_validate.whole_at_least(0)),
    )
    rating: str | None = attrs.field(default=None, validator=_validate.optional_text)
    bands: tuple[EdsRating, ...] = attrs.field(
        default=(), converter=_validate.to_tuple, validator=_validate.each(EdsRating)
    )
    notes: tuple[str, ...] = attrs.field(
        default=(), converter=_validate.to_tuple, validator=_validate.each_text
    )

    def __attrs_post_init__(self) -> None:
        self._check_outcome()
        band = None if self.score is None else _band(self.bands, self.score)
        if self.rating != band:
            raise InvalidValueError(
                "EdsOutcomeGrading.rating",
                self.rating,
                reason=(
                    f"must be the band of the bands given that score {self.score} falls in ({band})"
                ),
            )

    def __repr__(self) -> str:
        return short_repr(
            self,
            f"EdsOutcomeGrading {self.model} {self.outcome.label}",
            [(len(self.reasons), "outcomes"), (len(self.ungraded), "ungraded")],
        )

    @property
    def ungraded(self) -> tuple[OutcomeGrade, ...]:
        """Outcomes without a grade."""
        return tuple(r for r in self.reasons if r.grade is None)

    @property
    def counts(self) -> dict[str, int]:
        """How many outcomes have each grade."""
        return _grade_counts(self.reasons)

    @property
    def unit_scores(self) -> dict[int, int]:
        """Each goal's or domain's score so far (the sum of its scored outcomes)."""
        out: dict[int, int] = {}
        for r in self.reasons:
            if r.score is not None:
                out[r.unit] = out.get(r.unit, 0) + r.score
        return out


def _unit_name(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str):
        raise InvalidTypeError("EdsModel.unit", value, expected="'goal' or 'domain'")
    if value not in ("goal", "domain"):
        raise UnknownChoiceError("EdsModel.unit", value, allowed=("goal", "domain"))


def _to_ints(value: object) -> object:
    items = _validate.to_tuple(value)
    if not isinstance(items, tuple):
        return items  # the validator reports it
    return tuple(
        int(v) if isinstance(v, numbers.Integral) and not isinstance(v, bool) else v for v in items
    )


def _score_values(
    instance: object, attribute: attrs.Attribute[Any], value: tuple[int, ...]
) -> None:
    """Every score a whole number from 0 (run after ``each(int)``, which takes a bool)."""
    for index, score in enumerate(value):
        if isinstance(score, bool):
            raise InvalidTypeError(f"EdsModel.scores[{index}]", score, expected="a whole number")
        if score < 0:
            raise InvalidValueError(f"EdsModel.scores[{index}]", score, reason="must be at least 0")


def _outcome(rank: int | None, scale: int) -> Outcome:
    if rank is None:
        return Outcome.INSUFFICIENT_EVIDENCE
    if rank == 0:
        return Outcome.NOT_MET
    if rank < scale // 2:
        return Outcome.PARTLY_MET
    return Outcome.MET


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
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
    scores: tuple[int, ...] = attrs.field(
        default=(), converter=_to_ints, validator=[_validate.each(int), _score_values]
    )

    def __attrs_post_init__(self) -> None:
        if self.grade_colours and len(self.grade_colours) != len(self.grades):
            raise InvalidValueError(
                "EdsModel.grade_colours",
                list(self.grade_colours),
                reason=f"give one colour per grade ({len(self.grades)})",
            )
        if self.scores and len(self.scores) != len(self.grades):
            raise InvalidValueError(
                "EdsModel.scores",
                list(self.scores),
                reason=f"give one score per grade ({len(self.grades)})",
            )
        codes = [o.code for u in self.units for o in u.outcomes]
        if len(set(codes)) != len(codes):
            raise InvalidValueError("EdsModel.units", codes, reason="outcome codes repeat")
        if len(codes) > self.total_outcomes:
            raise InvalidValueError(
                "EdsModel.units",
                codes,
                reason=f"lists more than the version's {self.total_outcomes} outcomes",
            )

    def __repr__(self) -> str:
        return short_repr(
            self,
            f"EdsModel {self.id}",
            [(len(self.units), f"{self.unit}s"), (self.total_outcomes, "outcomes")],
        )

    @property
    def outcomes(self) -> tuple[EdsOutcome, ...]:
        """Every outcome listed, goal by goal (or domain by domain)."""
        return tuple(o for u in self.units for o in u.outcomes)

    @property
    def outcomes_complete(self) -> bool:
        """Whether every one of the version's outcomes is listed, by code.

        An outcome's wording may still be missing: see
        [`EdsOutcome`][engagekit.duties.equality.EdsOutcome].
        """
        return len(self.outcomes) == self.total_outcomes

    def outcome(self, code: str) -> EdsOutcome:
        """The outcome with this code ("2.1", "1A").

        Raises:
            UnknownNameError: naming the closest codes.
        """
        return _validate.find_by(self.outcomes, "code", code, "outcome", within=self.name)

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

    def grade_outcomes(
        self,
        grades: Mapping[str, str | int],
        *,
        bands: Sequence[EdsRating] | Mapping[str, tuple[int, int]] | None = None,
    ) -> EdsOutcomeGrading:
        """Grade each outcome (by code) on this version's scale, as the version grades.

        EDS2 grades each of its 18 outcomes undeveloped, developing, achieving or
        excelling. EDS 2022 scores each of its 11 outcomes 0 to 3 (give the score as
        a number or text) and adds the scores into an overall score once every
        outcome is scored. The bands that turn that score into a rating are not in
        engagekit's sources: pass them as `bands` to get a `rating`; without them
        the grading reports the score and says the bands are missing.

        Args:
            grades: a grade (or EDS 2022 score) per outcome code.
            bands: rating bands for a version that scores its outcomes: a list of
                [`EdsRating`][engagekit.duties.equality.EdsRating], or a mapping of
                rating name to ``(low, high)``. They must run on from 0 to the top
                score (11 outcomes × 3 = 33 for EDS 2022) without gaps or overlaps.

        Raises:
            InvalidValueError: the version does not list all its outcomes (grade it
                by goal with `grade`), an unknown outcome code (the message lists
                the codes), a grade not on the scale, or bad bands (for a version
                that does not score, not covering the scores, repeated names).
            InvalidTypeError: ``grades`` is not a mapping, a code or grade is of
                the wrong type, or ``bands`` is not a list of bands or a mapping.

        Examples:
            >>> eds22 = eds_models()["eds-2022"]
            >>> grading = eds22.grade_outcomes({o.code: 2 for o in eds22.outcomes})
            >>> grading.score, grading.rating, grading.unit_scores
            (22, None, {1: 8, 2: 8, 3: 6})
            >>> grading.notes[-1]
            "Overall score 22: rating bands not in engagekit's sources; pass them to rate."
            >>> mine = {"Low": (0, 16), "High": (17, 33)}  # your own bands, from your copy
            >>> eds22.grade_outcomes({o.code: 2 for o in eds22.outcomes}, bands=mine).rating
            'High'
            >>> grading.verified
            False
            >>> partial = eds_models()["eds2"].grade_outcomes({"2.1": "achieving"})
            >>> len(partial.reasons), len(partial.ungraded), partial.outcome.label
            (18, 17, 'insufficient evidence')
            >>> partial.reasons[0].title
            "outcome 1.1 (wording not in engagekit's sources)"
        """
        if not self.outcomes_complete:
            raise InvalidValueError(
                "grade_outcomes",
                self.id,
                reason=(
                    f"{self.name} lists {len(self.outcomes)} of its {self.total_outcomes} "
                    f"outcomes; grade it by {self.unit} with grade()"
                ),
            )
        if not isinstance(grades, Mapping):
            raise InvalidTypeError("grades", grades, expected="a mapping of outcome code to grade")
        given_bands = () if bands is None else self._bands(bands)
        codes = [o.code for o in self.outcomes]
        given: dict[str, str] = {}
        for code, value in grades.items():
            if not isinstance(code, str):
                raise InvalidTypeError("outcome code", code, expected="text such as '2.1'")
            if code not in codes:
                raise InvalidValueError("outcome code", code, allowed=codes)
            graded: object = value
            if isinstance(value, numbers.Integral) and not isinstance(value, bool):
                graded = str(int(value))
            if not isinstance(graded, str):
                raise InvalidTypeError(f"grade for outcome {code}", graded, expected="text")
            if graded not in self.grades:
                raise InvalidValueError(
                    f"grade for outcome {code}", graded, allowed=list(self.grades)
                )
            given[code] = graded
        reasons = []
        for unit in self.units:
            for item in unit.outcomes:
                grade = given.get(item.code)
                rank = None if grade is None else self.grades.index(grade)
                colour = (
                    self.grade_colours[rank] if rank is not None and self.grade_colours else None
                )
                score = self.scores[rank] if rank is not None and self.scores else None
                if grade is None:
                    message = "not graded"
                else:
                    message = f"graded {grade}" + (f" ({colour})" if colour else "")
                reasons.append(
                    OutcomeGrade(
                        rule=f"{self.id}/{item.code}",
                        title=item.text or f"outcome {item.code} {_NO_WORDING}",
                        outcome=_outcome(rank, len(self.grades)),
                        message=message,
                        missing=() if grade is not None else (f"a grade for outcome {item.code}",),
                        source=self.source.at(f"{self.unit} {unit.number}, outcome {item.code}"),
                        code=item.code,
                        wording=item.text,
                        unit=unit.number,
                        grade=grade,
                        rank=rank,
                        colour=colour,
                        score=score,
                    )
                )
        total = None
        rating = None
        notes = list(self.notes)
        if self.scores and all(r.score is not None for r in reasons):
            total = sum(r.score or 0 for r in reasons)
            rating = _band(given_bands, total)
            if rating is None:
                notes.append(f"Overall score {total}: {_NO_BANDS}.")
            else:
                notes.append(
                    f"Overall score {total}, rated {rating} on the bands passed to "
                    "grade_outcomes(), not on bands from engagekit's sources."
                )
        worst = Outcome.worst((r.outcome for r in reasons), default=Outcome.NOT_APPLICABLE)
        return EdsOutcomeGrading(
            model=self.id,
            outcome=worst,
            reasons=tuple(reasons),
            verified=self.grades_verified,
            score=total,
            rating=rating,
            bands=given_bands,
            notes=tuple(notes),
        )

    def _bands(self, bands: object) -> tuple[EdsRating, ...]:
        """Check the caller's rating bands against this version's scores."""
        expected = "a list of EdsRating or a mapping of rating name to (low, high)"
        if not self.scores:
            raise InvalidValueError(
                "bands", _plain(bands), reason=f"{self.name} does not score its outcomes"
            )
        if isinstance(bands, Mapping):
            out = []
            for name, span in bands.items():
                if (
                    isinstance(span, (str, bytes))
                    or not isinstance(span, Sequence)
                    or len(span) != 2
                ):
                    raise InvalidTypeError(f"bands[{name!r}]", span, expected="(low, high)")
                if not isinstance(name, str):
                    raise InvalidTypeError("bands", name, expected="text naming a rating")
                out.append(EdsRating(name=name, low=span[0], high=span[1]))
            given = tuple(out)
        elif isinstance(bands, Sequence) and not isinstance(bands, (str, bytes)):
            for index, band in enumerate(bands):
                if not isinstance(band, EdsRating):
                    raise InvalidTypeError(f"bands[{index}]", band, expected="an EdsRating")
            given = tuple(bands)
        else:
            raise InvalidTypeError("bands", bands, expected=expected)
        spans = [(b.name, b.low, b.high) for b in given]
        if not given:
            raise InvalidValueError("bands", spans, reason="give at least one band")
        names = [b.name for b in given]
        if len(set(names)) != len(names):
            raise InvalidValueError("bands", spans, reason="rating names repeat")
        top = self.total_outcomes * max(self.scores)
        expected_low = 0
        for band in sorted(given, key=lambda b: b.low):
            if band.low != expected_low:
                raise InvalidValueError(
                    "bands",
                    spans,
                    reason=f"bands must run on from 0 without gaps or overlaps (at {band.low})",
                )
            expected_low = band.high + 1
        if expected_low != top + 1:
            raise InvalidValueError(
                "bands", spans, reason=f"bands must end at the top score ({top})"
            )
        return given


def _plain(value: object) -> object:
    if isinstance(value, Mapping):
        return dict(value)
    if isinstance(value, Sequence) and not isinstance(value, (str, bytes)):
        return list(value)
    return value


def _band(bands: tuple[EdsRating, ...], score: int) -> str | None:
    return next((b.name for b in bands if b.low <= score <= b.high), None)


@attrs.frozen(kw_only=True)
@_value.shared_methods
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
