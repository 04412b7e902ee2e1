"""Who took part against the population they come from, by protected characteristic."""

from __future__ import annotations

import numbers

from collections.abc import Iterator, Mapping
from typing import Any, ClassVar

import attrs

from engagekit import _validate
from engagekit._display import short_repr
from engagekit.duties.equality._characteristics import ProtectedCharacteristic
from engagekit.errors import InvalidTypeError, InvalidValueError
from engagekit.results import Outcome, Reason, Result
from engagekit.sources import Source


#: The rule representation is judged by: the PSED's "encourage persons who share a
#: relevant protected characteristic to participate … where participation by such
#: persons is disproportionately low". The threshold is engagekit's, not the Act's.
SOURCE = Source(
    title="Equality Act 2010",
    publisher="UK Parliament",
    section="s149(3)(c)",
    url="https://www.legislation.gov.uk/ukpga/2010/15/section/149",
    note="the ratio threshold and the small-number rule are engagekit's defaults",
)

RULE = "representation"


def _optional_number(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        _validate.non_negative(instance, attribute, value)


@attrs.frozen(kw_only=True)
class RepresentationFinding(Reason):
    """One category of one characteristic: participants against the population.

    A [`Reason`][engagekit.results.Reason] of a
    [`RepresentationReport`][engagekit.duties.equality.RepresentationReport]: ``met``
    when the category's ratio is at or above the threshold, ``not met`` when it is
    under-represented, ``insufficient evidence`` when its count is suppressed, and
    ``not applicable`` when the population has no one in it.

    ``participants``, ``share`` and ``ratio`` are ``None`` when the count is
    suppressed (fewer than the report's ``suppress_below``, but more than none);
    ``under_represented`` is then ``None`` too (unknown).
    """

    characteristic: ProtectedCharacteristic = attrs.field(converter=ProtectedCharacteristic)
    category: str = attrs.field(validator=_validate.text)
    participants: int | None = attrs.field(
        converter=_validate.to_int, validator=_validate.optional(_validate.whole_at_least(0))
    )
    share: float | None = attrs.field(validator=_optional_number)
    population_share: float = attrs.field(validator=_validate.non_negative)
    ratio: float | None = attrs.field(validator=_optional_number)
    under_represented: bool | None = attrs.field(validator=_validate.optional(_validate.flag))
    suppressed: bool = attrs.field(validator=_validate.flag)

    def __attrs_post_init__(self) -> None:
        if self.suppressed and (self.participants is not None or self.share is not None):
            raise InvalidValueError(
                "RepresentationFinding.participants",
                self.participants,
                reason="a suppressed count is not shown",
            )


@attrs.frozen(kw_only=True, repr=False)
class RepresentationReport(Result):
    """Participants' shares against a population baseline, by characteristic.

    A [`Result`][engagekit.results.Result]: not met when any category is
    under-represented, insufficient evidence when a count is suppressed.

    Attributes:
        outcome: the worst finding's outcome (not applicable with no findings).
        reasons: one finding per characteristic and category, in s4 order then
            population order.
        suppress_below: counts from 1 to ``suppress_below - 1`` are suppressed.
        threshold: a category is under-represented when its ratio (participants'
            share / population share) is below this.
    """

    subject: ClassVar[str] = "representation"

    outcome: Outcome = attrs.field(converter=Outcome)
    reasons: tuple[RepresentationFinding, ...] = attrs.field(
        converter=_validate.to_tuple, validator=_validate.each(RepresentationFinding)
    )
    suppress_below: int = attrs.field(
        converter=_validate.to_int, validator=_validate.whole_at_least(1)
    )
    threshold: float = attrs.field(validator=_validate.non_negative)

    def __attrs_post_init__(self) -> None:
        worst = Outcome.worst((r.outcome for r in self.reasons), default=Outcome.NOT_APPLICABLE)
        if self.outcome is not worst:
            raise InvalidValueError(
                "RepresentationReport.outcome",
                self.outcome.value,
                reason=f"must be the worst finding's outcome ({worst.value})",
            )

    def __repr__(self) -> str:
        return short_repr(
            self,
            f"RepresentationReport {self.outcome.label}",
            [(len(self.reasons), "categories"), (len(self.under_represented), "under-represented")],
        )

    def __iter__(self) -> Iterator[RepresentationFinding]:
        return iter(self.reasons)

    def __len__(self) -> int:
        return len(self.reasons)

    @property
    def under_represented(self) -> tuple[RepresentationFinding, ...]:
        """Findings whose ratio is below the threshold."""
        return tuple(r for r in self.reasons if r.under_represented)


def _key(value: object) -> ProtectedCharacteristic:
    return ProtectedCharacteristic.parse(value, field="characteristic")


def _count(field: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise InvalidTypeError(field, value, expected="a whole number")
    if value < 0:
        raise InvalidValueError(field, value, reason="must be a whole number ≥ 0")
    return int(value)


def _figure(field: str, value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise InvalidTypeError(field, value, expected="a number")
    number = float(value)
    if not number >= 0:  # also refuses NaN
        raise InvalidValueError(field, value, reason="must be a number ≥ 0")
    return number


def _table(field: str, value: object) -> Mapping[Any, Any]:
    if not isinstance(value, Mapping):
        raise InvalidTypeError(field, value, expected="a mapping")
    return value


@attrs.frozen(kw_only=True)
class _Settings:
    suppress_below: int
    threshold: float


def _finding(
    characteristic: ProtectedCharacteristic,
    category: str,
    counts: tuple[int, int],
    pop_share: float,
    settings: _Settings,
) -> RepresentationFinding:
    n, answered = counts
    suppress_below, threshold = settings.suppress_below, settings.threshold
    title = f"{characteristic.label}: {category}"
    if 0 < n < suppress_below:
        return RepresentationFinding(
            rule=RULE,
            title=title,
            source=SOURCE,
            characteristic=characteristic,
            category=category,
            population_share=pop_share,
            outcome=Outcome.INSUFFICIENT_EVIDENCE,
            message=(
                f"fewer than {suppress_below} participants: the count is suppressed, "
                "so representation cannot be judged"
            ),
            missing=(f"a count of at least {suppress_below}, or none",),
            participants=None,
            share=None,
            ratio=None,
            under_represented=None,
            suppressed=True,
        )
    share = n / answered if answered else 0.0
    ratio = share / pop_share if pop_share else None
    if ratio is None:
        outcome = Outcome.NOT_APPLICABLE
        message = f"{n} participants; no one in the population baseline"
    else:
        under = ratio < threshold
        outcome = Outcome.NOT_MET if under else Outcome.MET
        verdict = f"under-represented (below {threshold:.2f})" if under else "represented"
        message = (
            f"{n} of {answered} participants ({share:.1%}) against {pop_share:.1%} of "
            f"the population: ratio {ratio:.2f}, {verdict}"
        )
    return RepresentationFinding(
        rule=RULE,
        title=title,
        source=SOURCE,
        characteristic=characteristic,
        category=category,
        population_share=pop_share,
        outcome=outcome,
        message=message,
        participants=n,
        share=share,
        ratio=ratio,
        under_represented=None if ratio is None else ratio < threshold,
        suppressed=False,
    )


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
        participants: counts of participants, by characteristic (a
            ``ProtectedCharacteristic`` or its name, e.g. "Sexuality") then category.
        population: the baseline, by characteristic then category.
        suppress_below: the smallest count shown (other than zero).
        threshold: the ratio below which a category is under-represented.

    Raises:
        InvalidValueError: a category has participants but no population figure, a
            count is negative, or the settings are out of range.
        InvalidTypeError: a count or setting of the wrong type.
        UnknownChoiceError: a characteristic is not one of the nine.

    Examples:
        >>> report = representation(
        ...     {"age": {"16-24": 12, "25-64": 150, "65+": 45}},
        ...     {"age": {"16-24": 0.14, "25-64": 0.62, "65+": 0.24}},
        ... )
        >>> [(r.category, round(r.ratio, 2)) for r in report.under_represented]
        [('16-24', 0.41)]
        >>> report.outcome.label, bool(report)
        ('not met', False)
        >>> small = representation({"sex": {"female": 3, "male": 40}},
        ...                        {"sex": {"female": 51, "male": 49}})
        >>> small.reasons[0].suppressed, small.reasons[0].share
        (True, None)
    """
    suppress_below = _validate.as_int("suppress_below", suppress_below)
    if suppress_below < 1:
        raise InvalidValueError(
            "suppress_below", suppress_below, reason="must be a whole number ≥ 1"
        )
    cut = _figure("threshold", threshold)
    if cut <= 0:
        raise InvalidValueError("threshold", threshold, reason="must be a number above 0")
    counts = {
        _key(k): dict(_table(f"participants[{k!r}]", v))
        for k, v in _table("participants", participants).items()
    }
    baseline = {
        _key(k): dict(_table(f"population[{k!r}]", v))
        for k, v in _table("population", population).items()
    }
    settings = _Settings(suppress_below=suppress_below, threshold=cut)
    reasons: list[RepresentationFinding] = []
    for characteristic in ProtectedCharacteristic:
        if characteristic not in counts:
            continue
        if characteristic not in baseline:
            raise InvalidValueError(
                f"population[{characteristic.value!r}]",
                None,
                reason="no population baseline for a characteristic with participants",
            )
        base = {
            category: _figure(f"population[{characteristic.value!r}][{category!r}]", figure)
            for category, figure in baseline[characteristic].items()
        }
        given: dict[str, int] = {}
        for category, count in counts[characteristic].items():
            given[category] = _count(f"participants[{characteristic.value!r}][{category!r}]", count)
            if category not in base:
                raise InvalidValueError(
                    f"participants[{characteristic.value!r}]",
                    category,
                    allowed=list(base),
                    reason="category has no population figure",
                )
        answered = sum(given.values())
        base_total = sum(base.values())
        for category, value in base.items():
            if not isinstance(category, str) or not category.strip():
                raise InvalidTypeError(
                    f"population[{characteristic.value!r}]", category, expected="category text"
                )
            pop_share = value / base_total if base_total else 0.0
            counted = (given.get(category, 0), answered)
            reasons.append(_finding(characteristic, category, counted, pop_share, settings))
    worst = Outcome.worst((r.outcome for r in reasons), default=Outcome.NOT_APPLICABLE)
    return RepresentationReport(
        outcome=worst, reasons=tuple(reasons), suppress_below=suppress_below, threshold=cut
    )
