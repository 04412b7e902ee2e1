"""Who took part against the population they come from, by protected characteristic."""

from __future__ import annotations

import functools
import math
import numbers

from collections.abc import Iterable, Iterator, Mapping
from typing import Any, ClassVar, cast

import attrs

from engagekit import _validate, _value
from engagekit._display import short_repr
from engagekit.disclosure import NOT_STATED, SUPPRESS_BELOW, CountTable, OneWay, protect
from engagekit.duties.equality._characteristics import ProtectedCharacteristic
from engagekit.errors import InvalidTypeError, InvalidValueError
from engagekit.results import Outcome, Reason, Result
from engagekit.sources import Source


#: The rule representation is judged by. The aim is the PSED's: "encourage persons who
#: share a relevant protected characteristic to participate … where participation by
#: such persons is disproportionately low" (s149(3)(c)); what counts as
#: disproportionately low here (the whole confidence interval below the baseline) is
#: engagekit's convention, so a finding is never a breach of the Act.
SOURCE = Source(
    title="Representation against a population baseline",
    publisher="engagekit",
    force="convention",
    note=(
        "tests the aim in Equality Act 2010 s149(3)(c) "
        "(https://www.legislation.gov.uk/ukpga/2010/15/section/149); a group is "
        "under-represented when the whole confidence interval of its share lies below "
        "the population share; the interval is Wilson's score interval (E. B. Wilson, "
        "'Probable inference, the law of succession, and statistical inference', Journal "
        "of the American Statistical Association 22 (1927) 209-212), the population "
        "share taken as known"
    ),
)

RULE = "representation"


def _optional_real(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (
        isinstance(value, bool) or not isinstance(value, numbers.Real) or math.isnan(value)
    ):
        raise InvalidTypeError(
            f"RepresentationFinding.{attribute.name}", value, expected="a number"
        )


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class RepresentationFinding(Reason):
    """One category of one characteristic: participants against the population.

    A [`Reason`][engagekit.results.Reason] of a
    [`RepresentationReport`][engagekit.duties.equality.RepresentationReport]: ``met``
    when the category is not under-represented, ``not met`` when the whole confidence
    interval of its share lies below the population's share, ``insufficient
    evidence`` when its count is suppressed, and ``not applicable`` when the
    population has no one in it or the answer is not a category ("Prefer not to say").

    Attributes:
        participants: the count (``None`` when suppressed: fewer than the report's
            ``suppress_below``, or hidden so that a small count cannot be derived).
        share: of those who stated a category (of everyone who answered, for a
            not-stated answer); ``None`` when suppressed.
        population_share: the baseline's share (``None`` for a not-stated answer).
        ratio: share / population share.
        difference: share - population share.
        low: the lower end of the difference's confidence interval.
        high: the upper end of the difference's confidence interval.
        under_represented: ``high`` is below 0 (``None`` when unknown).
        suppressed: the count is not shown.
        stated: ``False`` for a not-stated answer.
    """

    characteristic: ProtectedCharacteristic = attrs.field(converter=ProtectedCharacteristic)
    category: str = attrs.field(validator=_validate.text)
    participants: int | None = attrs.field(
        converter=_validate.to_int, validator=_validate.optional(_validate.whole_at_least(0))
    )
    share: float | None = attrs.field(validator=_validate.non_negative)
    population_share: float | None = attrs.field(validator=_validate.non_negative)
    ratio: float | None = attrs.field(validator=_validate.non_negative)
    under_represented: bool | None = attrs.field(validator=_validate.optional(_validate.flag))
    suppressed: bool = attrs.field(validator=_validate.flag)
    difference: float | None = attrs.field(default=None, validator=_optional_real)
    low: float | None = attrs.field(default=None, validator=_optional_real)
    high: float | None = attrs.field(default=None, validator=_optional_real)
    stated: bool = attrs.field(default=True, validator=_validate.flag)

    def __attrs_post_init__(self) -> None:
        if self.suppressed and self.participants is not None:
            raise InvalidValueError(
                "RepresentationFinding.participants",
                self.participants,
                reason="a suppressed count is not shown",
            )
        if self.suppressed and self.share is not None:
            raise InvalidValueError(
                "RepresentationFinding.share",
                self.share,
                reason="the share of a suppressed count is not shown",
            )


def _confidence_level(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    _level(f"{type(instance).__name__}.{attribute.name}", value)


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class RepresentationReport(Result):
    """Participants' shares against a population baseline, by characteristic.

    A [`Result`][engagekit.results.Result]: not met when any category is
    under-represented, insufficient evidence when a count is suppressed.

    Attributes:
        outcome: the worst finding's outcome (not applicable with no findings).
        reasons: one finding per characteristic and category, in s4 order then
            population order, then the not-stated answers.
        suppress_below: counts from 1 to ``suppress_below - 1`` are suppressed, and
            others with them so that none can be derived (see
            [`engagekit.disclosure`][engagekit.disclosure]).
        confidence: the confidence level of each difference's interval.
    """

    subject: ClassVar[str] = "representation"

    outcome: Outcome = attrs.field(converter=Outcome)
    reasons: tuple[RepresentationFinding, ...] = attrs.field(
        converter=_validate.to_tuple, validator=_validate.each(RepresentationFinding)
    )
    suppress_below: int = attrs.field(
        converter=_validate.to_int, validator=_validate.whole_at_least(1)
    )
    confidence: float = attrs.field(default=0.95, validator=_confidence_level)

    def __attrs_post_init__(self) -> None:
        self._check_outcome()

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
        """Findings whose whole confidence interval lies below the population share."""
        return tuple(r for r in self.reasons if r.under_represented)


def wilson_interval(count: int, base: int, confidence: float = 0.95) -> tuple[float, float]:
    """Wilson's score interval for the proportion ``count / base``.

    Wilson (1927) keeps the interval inside 0-1 and close to its nominal coverage for
    small counts and shares near 0 or 1, where the usual "p ± z·se" interval fails
    (Newcombe, Statistics in Medicine 17 (1998) 857-872, compares seven methods).

    Raises:
        InvalidValueError: ``base`` is 0, ``count`` is outside 0 to ``base``, or the
            confidence is not between 0 and 1.

    Examples:
        >>> low, high = wilson_interval(31, 75)
        >>> round(low, 3), round(high, 3)
        (0.309, 0.526)
        >>> [round(x, 3) for x in wilson_interval(0, 20)]
        [0.0, 0.161]
    """
    count = _validate.as_int("count", count)
    base = _validate.as_int("base", base)
    if base < 1:
        raise InvalidValueError("base", base, reason="must be at least 1")
    if not 0 <= count <= base:
        raise InvalidValueError("count", count, reason=f"must lie between 0 and {base}")
    level = _level("confidence", confidence)
    z = _z(level)
    p = count / base
    z2 = z * z
    centre = (p + z2 / (2 * base)) / (1 + z2 / base)
    half = z / (1 + z2 / base) * math.sqrt(p * (1 - p) / base + z2 / (4 * base * base))
    return max(0.0, centre - half), min(1.0, centre + half)


#: The normal quantile of a 95% interval, `statistics.NormalDist().inv_cdf(0.975)`
#: (a test checks it): the default level is computed without importing `statistics`.
_Z_95 = 1.9599639845400536


@functools.cache
def _z(level: float) -> float:
    """The normal quantile leaving ``(1 - level) / 2`` in each tail."""
    if level == 0.95:  # the default level, whose quantile is kept above
        return _Z_95
    import statistics

    return statistics.NormalDist().inv_cdf(1 - (1 - level) / 2)


def _key(value: object) -> ProtectedCharacteristic:
    return ProtectedCharacteristic.parse(value, field="characteristic")


def _count(field: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise InvalidTypeError(field, value, expected="a whole number")
    if value < 0:
        raise InvalidValueError(field, value, reason="must be a whole number ≥ 0")
    return int(value)


def _level(field: str, value: object) -> float:
    """A confidence level: a number strictly between 0 and 1 (0 or 1 gives no interval)."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise InvalidTypeError(field, value, expected="a number")
    level = float(value)
    if not 0 < level < 1:  # also refuses NaN
        raise InvalidValueError(field, value, reason="must lie between 0 and 1")
    return level


def _figure(field: str, value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise InvalidTypeError(field, value, expected="a number")
    number = float(value)
    if not number >= 0:  # also refuses NaN
        raise InvalidValueError(field, value, reason="must be a number ≥ 0")
    return number


def _category(field: str, value: object) -> str:
    if not isinstance(value, str) or not value.strip():
        raise InvalidTypeError(field, value, expected="category text")
    return value


def _table(field: str, value: object) -> Mapping[Any, Any]:
    if not isinstance(value, Mapping):
        raise InvalidTypeError(field, value, expected="a mapping")
    return value


def _finding(
    characteristic: ProtectedCharacteristic,
    category: str,
    shown: tuple[int | None, int | None],
    pop_share: float,
    confidence: float,
) -> RepresentationFinding:
    """One stated category, from its shown count and the shown base."""
    n, answered = shown
    title = f"{characteristic.label}: {category}"
    common: dict[str, Any] = {
        "rule": RULE,
        "title": title,
        "source": SOURCE,
        "characteristic": characteristic,
        "category": category,
        "population_share": pop_share,
    }
    if n is None or answered is None:
        why = (
            "the count is suppressed"
            if n is None
            else "the number who answered is suppressed, so the share is too"
        )
        return RepresentationFinding(
            **common,
            outcome=Outcome.INSUFFICIENT_EVIDENCE,
            message=f"{why} so that no small count can be identified: not judged",
            missing=("a count that can be published",),
            participants=n,
            share=None,
            ratio=None,
            under_represented=None,
            suppressed=n is None,
        )
    if not pop_share or not answered:
        return RepresentationFinding(
            **common,
            outcome=Outcome.NOT_APPLICABLE,
            message=(
                f"{n} participants; no one in the population baseline"
                if not pop_share
                else "no one answered"
            ),
            participants=n,
            share=n / answered if answered else None,
            ratio=None,
            under_represented=None,
            suppressed=False,
        )
    share = n / answered
    low, high = wilson_interval(n, answered, confidence)
    under = high < pop_share
    verdict = (
        f"under-represented: the {confidence:.0%} interval lies below the population"
        if under
        else "not under-represented"
    )
    return RepresentationFinding(
        **common,
        outcome=Outcome.NOT_MET if under else Outcome.MET,
        message=(
            f"{n} of {answered} participants ({share:.1%}) against {pop_share:.1%} of the "
            f"population: difference {share - pop_share:+.1%} "
            f"({low - pop_share:+.1%} to {high - pop_share:+.1%}), {verdict}"
        ),
        participants=n,
        share=share,
        ratio=share / pop_share,
        difference=share - pop_share,
        low=low - pop_share,
        high=high - pop_share,
        under_represented=under,
        suppressed=False,
    )


def _not_stated(
    characteristic: ProtectedCharacteristic, category: str, n: int | None, share: float | None
) -> RepresentationFinding:
    said = "suppressed" if n is None else str(n)
    return RepresentationFinding(
        rule=RULE,
        title=f"{characteristic.label}: {category}",
        source=SOURCE,
        characteristic=characteristic,
        category=category,
        population_share=None,
        outcome=Outcome.NOT_APPLICABLE,
        message=f"{said} answered {category!r}: counted, not compared with the population",
        participants=n,
        share=share,
        ratio=None,
        under_represented=None,
        suppressed=n is None,
        stated=False,
    )


def representation(
    participants: Mapping[Any, Mapping[str, int]],
    population: Mapping[Any, Mapping[str, float]],
    *,
    suppress_below: int = SUPPRESS_BELOW,
    confidence: float = 0.95,
    not_stated: Iterable[str] = (),
) -> RepresentationReport:
    """Compare who took part with the population (e.g. census shares for the area).

    For each characteristic and category: participants' share of those who stated a
    category, the population's share (counts or shares, normalised), the difference
    and its confidence interval (Wilson's, the population share taken as known), and
    whether the category is under-represented: the whole interval below the
    population's share. "Prefer not to say" (and the other [`NOT_STATED`] answers,
    and any in ``not_stated``) is counted and shown, not compared.

    Counts are protected with [`engagekit.disclosure`][engagekit.disclosure]: counts
    from 1 to ``suppress_below - 1`` are suppressed, and enough others that none can
    be worked out from the counts, shares and differences shown; a suppressed
    category is not judged (insufficient evidence). Call with ``suppress_below=1``
    for an unpublished, internal analysis.

    Args:
        participants: counts of participants, by characteristic (a
            ``ProtectedCharacteristic`` or its name, e.g. "Sexuality") then category.
        population: the baseline, by characteristic then category.
        suppress_below: the smallest count shown (other than zero).
        confidence: the confidence level of each interval (0.95 by default).
        not_stated: more answers to count as not stated.

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
        >>> young = report.under_represented[0]
        >>> young.category, round(young.difference, 3), round(young.high, 3)
        ('16-24', -0.082, -0.041)
        >>> report.outcome.label, bool(report)
        ('not met', False)
        >>> small = representation({"sex": {"female": 3, "male": 40}},
        ...                        {"sex": {"female": 51, "male": 49}})
        >>> small.reasons[0].suppressed, small.reasons[1].share
        (True, None)
    """
    suppress_below = _validate.as_int("suppress_below", suppress_below)
    if suppress_below < 1:
        raise InvalidValueError(
            "suppress_below", suppress_below, reason="must be a whole number ≥ 1"
        )
    level = _level("confidence", confidence)
    if isinstance(not_stated, str):
        raise InvalidTypeError("not_stated", not_stated, expected="a list of answers")
    unstated = {a.casefold() for a in NOT_STATED} | {
        _category("not_stated", a).casefold() for a in not_stated
    }
    counts = {
        _key(k): dict(_table(f"participants[{k!r}]", v))
        for k, v in _table("participants", participants).items()
    }
    baseline = {
        _key(k): dict(_table(f"population[{k!r}]", v))
        for k, v in _table("population", population).items()
    }
    plans: list[tuple[ProtectedCharacteristic, dict[str, float], list[str]]] = []
    tables: list[OneWay] = []
    for characteristic in ProtectedCharacteristic:
        if characteristic not in counts:
            continue
        if characteristic not in baseline:
            raise InvalidValueError(
                f"population[{characteristic.value!r}]",
                None,
                reason="the participants have answers for it, so it needs a population baseline",
            )
        where = f"population[{characteristic.value!r}]"
        base = {
            _category(where, category): _figure(f"{where}[{category!r}]", figure)
            for category, figure in baseline[characteristic].items()
        }
        given: dict[str, int] = {}
        others: list[str] = []
        for category, count in counts[characteristic].items():
            field = f"participants[{characteristic.value!r}]"
            given[category] = _count(f"{field}[{category!r}]", count)
            if category in base:
                continue
            if isinstance(category, str) and category.strip().casefold() in unstated:
                others.append(category)
                continue
            raise InvalidValueError(
                field,
                category,
                allowed=[*base, *NOT_STATED],
                reason="category has no population figure and is not a not-stated answer",
            )
        base_total = sum(base.values())
        shares = {c: v / base_total if base_total else 0.0 for c, v in base.items()}
        ordered = {c: given.get(c, 0) for c in base} | {c: given[c] for c in others}
        tables.append(OneWay(name=characteristic.label, counts=ordered, not_stated=others))
        plans.append((characteristic, shares, others))
    protected = protect(tables, suppress_below=suppress_below)
    reasons: list[RepresentationFinding] = []
    for (characteristic, shares, others), protected_table in zip(plans, protected, strict=True):
        table = cast("CountTable", protected_table)
        for category, n in zip(table.categories, table.counts, strict=True):
            if category in others:
                reasons.append(_not_stated(characteristic, category, n, table.share(category)))
            else:
                shown = (n, table.stated)
                reasons.append(_finding(characteristic, category, shown, shares[category], level))
    worst = Outcome.worst((r.outcome for r in reasons), default=Outcome.NOT_APPLICABLE)
    return RepresentationReport(
        outcome=worst, reasons=tuple(reasons), suppress_below=suppress_below, confidence=level
    )
