"""The decision-making triangle: criteria and assessments (private)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs

from engagekit import _display, _validate, _value
from engagekit.choices import Choice, aliases
from engagekit.errors import InvalidValueError
from engagekit.evidence import Audience
from engagekit.ratings import Rating


if TYPE_CHECKING:
    from engagekit.decisions._rules import Rule


@aliases(
    {
        "acceptability": "acceptable",
        "affordability": "affordable",
        "safe": "safe-and-effective",
        "clinically safe and effective": "safe-and-effective",
    }
)
class Criterion(Choice):
    """The three factors of NHS Somerset's decision-making triangle (Figure 2).

    Every commissioning decision weighs whether it is acceptable to patients, staff
    and the public, whether it is affordable, and whether it is clinically safe and
    effective; proportionality is weighed alongside (see
    [`required_engagement`][engagekit.decisions.required_engagement]).

    Examples:
        >>> Criterion("safe and effective")
        <Criterion.SAFE_AND_EFFECTIVE: 'safe-and-effective'>
        >>> Criterion.ACCEPTABLE.title
        'Acceptable to patients, staff and the public'
        >>> Criterion.parse("cheap")
        Traceback (most recent call last):
        ...
        engagekit.errors.UnknownChoiceError: Criterion: 'cheap' is not allowed; allowed: ...

    References:
        NHS Somerset and Somerset CCG, Strategy for Patient and Public Engagement
        (2012), Figure 2, "The decision making triangle".
    """

    ACCEPTABLE = "acceptable"
    AFFORDABLE = "affordable"
    SAFE_AND_EFFECTIVE = "safe-and-effective"

    @property
    def rule(self) -> Rule:
        """The cited rule behind the criterion."""
        from engagekit.decisions._rules import rule

        return rule(f"triangle.{self.value}")

    @property
    def title(self) -> str:
        """The criterion as the source words it."""
        return self.rule.title


def _audience_matches(instance: Assessment, attribute: attrs.Attribute[Any], value: object) -> None:
    if instance.criterion is Criterion.ACCEPTABLE and value is None:
        raise InvalidValueError(
            "Assessment.audience",
            None,
            allowed=[a.value for a in Audience],
            reason="acceptability is judged separately for patients, staff and the public",
        )
    if instance.criterion is not Criterion.ACCEPTABLE and isinstance(value, Audience):
        raise InvalidValueError(
            "Assessment.audience",
            value.value,
            reason=f"only acceptability has an audience, not {instance.criterion.value!r}",
        )


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class Assessment:
    """One judgement on one criterion (and, for acceptability, one audience).

    Its ``repr`` is one line: what it judges, the rating, and the evidence and the
    start of the notes where given.

    Attributes:
        criterion: the triangle criterion judged.
        audience: for `Criterion.ACCEPTABLE`, whose acceptability; ``None``
            for the other criteria.
        rating: met, partly met, not met or unknown.
        evidence: the ids of the decision's evidence the judgement rests on.
        notes: anything the reader should know (conditions, caveats).

    Examples:
        >>> a = Assessment(criterion="affordable", rating="met", evidence=["budget"])
        >>> a.key
        (<Criterion.AFFORDABLE: 'affordable'>, None)
        >>> a
        <Assessment affordable: met, evidence=('budget',)>
        >>> Assessment(criterion=Criterion.ACCEPTABLE, rating=Rating.MET)
        Traceback (most recent call last):
        ...
        engagekit.errors.InvalidValueError: Assessment.audience: missing: ...
    """

    criterion: Criterion = attrs.field(converter=Criterion)
    audience: Audience | None = attrs.field(
        default=None,
        converter=attrs.converters.optional(Audience),
        validator=_audience_matches,
    )
    rating: Rating = attrs.field(converter=Rating)
    evidence: tuple[str, ...] = attrs.field(
        default=(), converter=_validate.to_tuple, validator=_validate.identifiers
    )
    notes: str | None = attrs.field(default=None, validator=_validate.optional_text)

    def __repr__(self) -> str:
        return (
            f"<Assessment {self.label}: {judgement_words(self.rating, self.evidence, self.notes)}>"
        )

    @property
    def key(self) -> tuple[Criterion, Audience | None]:
        """What the assessment judges: ``(criterion, audience)``."""
        return (self.criterion, self.audience)

    @property
    def label(self) -> str:
        """E.g. ``"acceptable to staff"`` or ``"affordable"``."""
        if self.audience is None:
            return self.criterion.label
        return f"{self.criterion.label} to {self.audience.value}"


def judgement_words(
    rating: Rating, evidence: tuple[str, ...], notes: str | None, *more: str
) -> str:
    """A judgement's rating, then its evidence, ``more`` and the start of its notes
    where given, for a one-line repr."""
    parts = [rating.label]
    if evidence:
        parts.append(f"evidence={evidence!r}")
    parts.extend(more)
    if notes is not None:
        parts.append(f"notes={_display.quoted(notes, 40)}")
    return ", ".join(parts)


def unique_keys(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Every item is an `Assessment`, and no criterion (and audience) is assessed twice."""
    name = _validate.field_name(attribute, instance)
    _validate.each(Assessment)(instance, attribute, value)
    seen: set[tuple[Criterion, Audience | None]] = set()
    items: tuple[Assessment, ...] = value  # type: ignore[assignment]
    for index, item in enumerate(items):
        if item.key in seen:
            raise InvalidValueError(
                f"{name}[{index}]",
                item.label,
                reason="this criterion (and audience) is already assessed; assess each once",
            )
        seen.add(item.key)


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class Option(_display.Displayable):
    """One alternative a decision considers, assessed on the triangle.

    Its ``repr`` is one line (its id and how many assessments); ``str``, a notebook
    and [`engagekit.render`][] show it as a fact sheet headed by its title, with a
    table of its assessments.

    Examples:
        >>> o = Option(id="do-nothing", title="Keep the current service", assessments=[
        ...     Assessment(criterion="affordable", rating="not met")])
        >>> o.rating("affordable")
        <Rating.NOT_MET: 'not-met'>
        >>> o.rating(Criterion.SAFE_AND_EFFECTIVE)
        <Rating.UNKNOWN: 'unknown'>
    """

    id: str = attrs.field(validator=_validate.identifier)
    title: str = attrs.field(validator=_validate.text)
    summary: str | None = attrs.field(default=None, validator=_validate.optional_text)
    assessments: tuple[Assessment, ...] = attrs.field(
        default=(), converter=_validate.to_tuple, validator=unique_keys
    )

    def __repr__(self) -> str:
        return _display.short_repr(
            self, f"Option {_display.quoted(self.id)}", [(len(self.assessments), "assessments")]
        )

    def assessment(
        self, criterion: Criterion | str, audience: Audience | str | None = None
    ) -> Assessment | None:
        """The assessment of ``criterion`` (for ``audience``), if there is one."""
        return find(self.assessments, criterion, audience)

    def rating(self, criterion: Criterion | str, audience: Audience | str | None = None) -> Rating:
        """The rating of ``criterion`` (for ``audience``); ``UNKNOWN`` if unassessed."""
        found = self.assessment(criterion, audience)
        return Rating.UNKNOWN if found is None else found.rating


def find(
    assessments: tuple[Assessment, ...],
    criterion: Criterion | str,
    audience: Audience | str | None,
) -> Assessment | None:
    """The assessment of ``criterion`` for ``audience`` among ``assessments``, if any."""
    return find_exact(
        assessments,
        Criterion.parse(criterion, field="criterion"),
        None if audience is None else Audience.parse(audience, field="audience"),
    )


def find_exact(
    assessments: tuple[Assessment, ...], criterion: Criterion, audience: Audience | None
) -> Assessment | None:
    """``find`` for members already parsed (the evaluation's hot path)."""
    for item in assessments:
        if item.criterion is criterion and item.audience is audience:
            return item
    return None
