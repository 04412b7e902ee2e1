"""Somerset's seven levels of involvement, each with its case study."""

from __future__ import annotations

import functools

from collections.abc import Mapping

import attrs

from engagekit import _validate
from engagekit.choices import Choice
from engagekit.cycles._catalogue import ReadOnlyCatalogue
from engagekit.errors import InvalidValueError
from engagekit.sources import Source


class InvolvementKind(Choice):
    """Whether involvement is about a person's own care or about services for many.

    The Engagement Cycle distinguishes individual engagement ("my say" in my own
    care) from collective engagement ("our say" in planning, design and delivery).
    """

    INDIVIDUAL = "individual"
    COLLECTIVE = "collective"


class InvolvementLevel(Choice):
    """The seven levels at which Somerset's strategy involves patients and the public.

    Examples:
        >>> InvolvementLevel.SERVICE.number
        5
        >>> InvolvementLevel.INDIVIDUAL.kind
        <InvolvementKind.INDIVIDUAL: 'individual'>
        >>> InvolvementLevel.PATIENT_EXPERIENCE.details.case_study.title
        'Somerset LINk Patient Transport Project'

    References:
        NHS Somerset, Strategy for Patient and Public Engagement (2012), "How can we
        ensure that engagement happens at different levels".
    """

    INDIVIDUAL = "individual"
    PATIENT_EXPERIENCE = "patient-experience"
    PRACTICE = "practice"
    THIRD_SECTOR = "third-sector"
    SERVICE = "service"
    COMMUNITY = "community"
    WIDER_COMMISSIONING = "wider-commissioning"

    @property
    def number(self) -> int:
        """1 to 7, the level's number in the source."""
        return _ORDER.index(self) + 1

    @property
    def details(self) -> InvolvementDetails:
        """The level's reference record (loaded on first use)."""
        return involvement_levels()[self]

    @property
    def kind(self) -> InvolvementKind:
        """Individual or collective."""
        return self.details.kind


_ORDER = tuple(InvolvementLevel)


@attrs.frozen(kw_only=True)
class CaseStudy:
    """A case study the source gives to illustrate a level of involvement.

    People are named by role, never by name, even where the source names them.
    """

    title: str = attrs.field(validator=_validate.text)
    summary: str = attrs.field(validator=_validate.text)
    facts: tuple[str, ...] = attrs.field(
        default=(), converter=_validate.to_tuple, validator=_validate.each_text
    )


@attrs.frozen(kw_only=True)
class InvolvementDetails:
    """The reference record of one level of involvement."""

    level: InvolvementLevel = attrs.field(converter=InvolvementLevel)
    name: str = attrs.field(validator=_validate.text)
    description: str = attrs.field(validator=_validate.text)
    kind: InvolvementKind = attrs.field(converter=InvolvementKind)
    case_study: CaseStudy = attrs.field(validator=_validate.instance_of(CaseStudy))
    source: Source = attrs.field(validator=_validate.instance_of(Source))


@attrs.frozen(kw_only=True)
class _InvolvementFile:
    level: tuple[InvolvementDetails, ...] = attrs.field(
        converter=_validate.to_tuple, validator=_validate.a_tuple
    )


@functools.cache
def involvement_levels() -> Mapping[InvolvementLevel, InvolvementDetails]:
    """The seven levels of involvement with their case studies, in the source's order.

    The mapping is read-only and shared by every caller; a level can be looked up
    by its member or by its name as text.

    Examples:
        >>> levels = involvement_levels()
        >>> levels
        <Catalogue with 7 involvement levels>
        >>> [d.kind.value for d in levels.values()].count("collective")
        6
        >>> levels["service"].case_study.title == levels[InvolvementLevel.SERVICE].case_study.title
        True
    """
    from engagekit import _data

    raw = _data.load_builtin("involvement_levels.toml", _InvolvementFile)
    found = [d.level for d in raw.level]
    if found != list(_ORDER):
        raise InvalidValueError(
            "level", [f.value for f in found], reason="must list the seven levels in order"
        )
    return ReadOnlyCatalogue(
        ((d.level, d) for d in raw.level), what="involvement levels", parse=_level
    )


def _level(value: object) -> InvolvementLevel:
    return InvolvementLevel.parse(value, field="involvement level")
