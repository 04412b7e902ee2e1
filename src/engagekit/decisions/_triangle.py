"""The decision-making triangle: criteria, audiences, evidence and assessments (private)."""

from __future__ import annotations

import datetime as dt
import re

from typing import TYPE_CHECKING, Any

import attrs

from engagekit import _validate
from engagekit.choices import Choice
from engagekit.cycles import ParticipationLevel
from engagekit.errors import InvalidValueError
from engagekit.ratings import Rating


if TYPE_CHECKING:
    from engagekit.decisions._rules import Rule


class Criterion(Choice):
    """The three factors of NHS Somerset's decision-making triangle (Figure 2).

    Every commissioning decision weighs whether it is acceptable to patients, staff
    and the public, whether it is affordable, and whether it is clinically safe and
    effective; proportionality is weighed alongside (see
    :func:`~engagekit.decisions.required_engagement`).

    Examples:
        >>> Criterion.parse("safe and effective")
        <Criterion.SAFE_AND_EFFECTIVE: 'safe-and-effective'>
        >>> Criterion.ACCEPTABLE.title
        'Acceptable to patients, staff and the public'
        >>> Criterion.parse("cheap")
        Traceback (most recent call last):
        ...
        engagekit.errors.UnknownNameError: unknown criterion 'cheap'; known: 'acceptable', ...

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

    @property
    def label(self) -> str:
        """A short label: ``"acceptable"``, ``"affordable"``, ``"safe and effective"``."""
        return self.value.replace("-", " ")


class Audience(Choice):
    """Whose acceptability is judged: the source names patients, staff and the public.

    Examples:
        >>> [a.value for a in Audience]
        ['patients', 'staff', 'public']
    """

    PATIENTS = "patients"
    STAFF = "staff"
    PUBLIC = "public"


class EvidenceKind(Choice):
    """What kind of thing a piece of :class:`Evidence` is.

    Examples:
        >>> EvidenceKind.parse("equality impact assessment").value
        'equality-impact-assessment'
    """

    ENGAGEMENT_ACTIVITY = "engagement-activity"
    SURVEY = "survey"
    PATIENT_EXPERIENCE = "patient-experience"
    CLINICAL_EVIDENCE = "clinical-evidence"
    COMMISSIONER_SUPPORT = "commissioner-support"
    FINANCIAL_APPRAISAL = "financial-appraisal"
    EQUALITY_IMPACT_ASSESSMENT = "equality-impact-assessment"
    IMPACT_ASSESSMENT = "impact-assessment"
    CONSULTATION_REPORT = "consultation-report"
    SCRUTINY_CONSULTATION = "scrutiny-consultation"
    MINUTES = "minutes"
    OTHER = "other"

    @property
    def label(self) -> str:
        """The kind in words, e.g. ``"financial appraisal"``."""
        return self.value.replace("-", " ")


_ID = re.compile(r"^[a-z0-9][a-z0-9._-]*$")


def _id(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not _ID.match(value):
        raise InvalidValueError(
            f"{type(instance).__name__}.{attribute.name}",
            value,
            reason="must be a lower-case id of letters, digits, '.', '_' or '-', e.g. 'eia-2011'",
        )


def _optional_id(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        _id(instance, attribute, value)


def _ids(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    for index, item in enumerate(value if isinstance(value, tuple) else (value,)):
        if not isinstance(item, str) or not _ID.match(item):
            raise InvalidValueError(
                f"{type(instance).__name__}.{attribute.name}[{index}]",
                item,
                reason="must be the id of a piece of evidence",
            )


def _url(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (
        not isinstance(value, str) or not re.match(r"^(https?|file)://\S+$", value)
    ):
        raise InvalidValueError(
            f"{type(instance).__name__}.{attribute.name}", value, reason="must be an http(s) URL"
        )


def _count(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 0):
        raise InvalidValueError(
            f"{type(instance).__name__}.{attribute.name}",
            value,
            reason="must be a whole number ≥ 0",
        )


@attrs.frozen(kw_only=True)
class Evidence:
    """Something seen that a judgement can rest on.

    Attributes:
        id: a short id, unique within the decision, that assessments refer to.
        kind: what it is (an engagement activity, a survey, clinical evidence …).
        date: when it was produced or took place; never after the decision.
        summary: what it shows, in a sentence or two.
        link: where it can be read, if published.
        technique: the id of the engagement technique used, from the technique
            catalogue (``"story-telling"``, ``"focus-groups"``), if any.
        level: the participation level the activity reached, if it was engagement.
            The highest level among a decision's evidence is the engagement the
            decision can show.
        audiences: whose views it gathered, if any.
        count: how many people or items it covers (e.g. 350 patient stories).

    Examples:
        >>> import datetime as dt
        >>> Evidence(id="stories", kind=EvidenceKind.PATIENT_EXPERIENCE, date=dt.date(2011, 3, 1),
        ...          summary="Patient stories about transport", count=350).count
        350
    """

    id: str = attrs.field(validator=_id)
    kind: EvidenceKind = attrs.field(validator=_validate.member_of(EvidenceKind))
    date: dt.date = attrs.field(validator=_validate.a_date)
    summary: str = attrs.field(validator=_validate.text)
    link: str | None = attrs.field(default=None, validator=_url)
    technique: str | None = attrs.field(default=None, validator=_optional_id)
    level: ParticipationLevel | None = attrs.field(
        default=None, validator=attrs.validators.optional(_validate.member_of(ParticipationLevel))
    )
    audiences: tuple[Audience, ...] = attrs.field(
        default=(), converter=_validate.to_sorted_members, validator=_validate.each(Audience)
    )
    count: int | None = attrs.field(default=None, validator=_count)


def _audience_matches(instance: Assessment, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not isinstance(value, Audience):
        raise InvalidValueError("Assessment.audience", value, allowed=[a.value for a in Audience])
    if instance.criterion is Criterion.ACCEPTABLE and value is None:
        raise InvalidValueError(
            "Assessment.audience",
            value,
            allowed=[a.value for a in Audience],
            reason="acceptability is judged separately for patients, staff and the public",
        )
    if instance.criterion is not Criterion.ACCEPTABLE and value is not None:
        raise InvalidValueError(
            "Assessment.audience",
            value.value,
            reason=f"only acceptability has an audience, not {instance.criterion.value!r}",
        )


@attrs.frozen(kw_only=True)
class Assessment:
    """One judgement on one criterion (and, for acceptability, one audience).

    Attributes:
        criterion: the triangle criterion judged.
        audience: for :attr:`Criterion.ACCEPTABLE`, whose acceptability; ``None``
            for the other criteria.
        rating: met, partly met, not met or unknown.
        evidence: the ids of the decision's :class:`Evidence` the judgement rests on.
        notes: anything the reader should know (conditions, caveats).

    Examples:
        >>> a = Assessment(criterion=Criterion.AFFORDABLE, rating=Rating.MET, evidence=["budget"])
        >>> a.key
        (<Criterion.AFFORDABLE: 'affordable'>, None)
        >>> Assessment(criterion=Criterion.ACCEPTABLE, rating=Rating.MET)
        Traceback (most recent call last):
        ...
        engagekit.errors.InvalidValueError: Assessment.audience: None is not allowed: ...
    """

    criterion: Criterion = attrs.field(validator=_validate.member_of(Criterion))
    audience: Audience | None = attrs.field(default=None, validator=_audience_matches)
    rating: Rating = attrs.field(validator=_validate.member_of(Rating))
    evidence: tuple[str, ...] = attrs.field(
        default=(), converter=_validate.to_tuple, validator=_ids
    )
    notes: str | None = attrs.field(default=None, validator=_validate.optional_text)

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


def _unique_keys(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    seen: set[tuple[Criterion, Audience | None]] = set()
    for index, item in enumerate(value if isinstance(value, tuple) else (value,)):
        if not isinstance(item, Assessment):
            raise InvalidValueError(
                f"{type(instance).__name__}.{attribute.name}[{index}]",
                item,
                reason="must be an Assessment",
            )
        if item.key in seen:
            raise InvalidValueError(
                f"{type(instance).__name__}.{attribute.name}[{index}]",
                item.label,
                reason="this criterion (and audience) is already assessed; assess each once",
            )
        seen.add(item.key)


@attrs.frozen(kw_only=True)
class Option:
    """One alternative a decision considers, assessed on the triangle.

    Examples:
        >>> o = Option(id="do-nothing", title="Keep the current service", assessments=[
        ...     Assessment(criterion=Criterion.AFFORDABLE, rating=Rating.NOT_MET)])
        >>> o.rating(Criterion.AFFORDABLE)
        <Rating.NOT_MET: 'not-met'>
        >>> o.rating(Criterion.SAFE_AND_EFFECTIVE)
        <Rating.UNKNOWN: 'unknown'>
    """

    id: str = attrs.field(validator=_id)
    title: str = attrs.field(validator=_validate.text)
    summary: str | None = attrs.field(default=None, validator=_validate.optional_text)
    assessments: tuple[Assessment, ...] = attrs.field(
        default=(), converter=_validate.to_tuple, validator=_unique_keys
    )

    def assessment(
        self, criterion: Criterion, audience: Audience | None = None
    ) -> Assessment | None:
        """The assessment of ``criterion`` (for ``audience``), if there is one."""
        return _find(self.assessments, criterion, audience)

    def rating(self, criterion: Criterion, audience: Audience | None = None) -> Rating:
        """The rating of ``criterion`` (for ``audience``); ``UNKNOWN`` if unassessed."""
        found = self.assessment(criterion, audience)
        return Rating.UNKNOWN if found is None else found.rating


def _find(
    assessments: tuple[Assessment, ...], criterion: Criterion, audience: Audience | None
) -> Assessment | None:
    for item in assessments:
        if item.criterion is criterion and item.audience is audience:
            return item
    return None
