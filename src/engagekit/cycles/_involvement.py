"""Somerset's seven levels of involvement, each with its case study."""

from __future__ import annotations

import functools

from collections.abc import Mapping

import attrs

from engagekit import _display, _validate, _value
from engagekit.cycles._catalogue import ReadOnlyCatalogue
from engagekit.cycles._choices import _INVOLVEMENT_ORDER as _ORDER
from engagekit.cycles._choices import InvolvementKind, InvolvementLevel
from engagekit.errors import InvalidValueError
from engagekit.sources import Source


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class CaseStudy:
    """A case study the source gives to illustrate a level of involvement.

    People are named by role, never by name, even where the source names them. Its
    ``repr`` is one line: its title and how many facts it gives.
    """

    title: str = attrs.field(validator=_validate.text)
    summary: str = attrs.field(validator=_validate.text)
    facts: tuple[str, ...] = attrs.field(
        default=(), converter=_validate.to_tuple, validator=_validate.each_text
    )

    def __repr__(self) -> str:
        noun = f"CaseStudy {_display.quoted(self.title)}"
        return _display.short_repr(self, noun, [(len(self.facts), "facts")])


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class InvolvementDetails:
    """The reference record of one level of involvement.

    Its ``repr`` is one line: the level, its name and its kind.
    """

    level: InvolvementLevel = attrs.field(converter=InvolvementLevel)
    name: str = attrs.field(validator=_validate.text)
    description: str = attrs.field(validator=_validate.text)
    kind: InvolvementKind = attrs.field(converter=InvolvementKind)
    case_study: CaseStudy = attrs.field(validator=_validate.instance_of(CaseStudy))
    source: Source = attrs.field(validator=_validate.instance_of(Source))

    def __repr__(self) -> str:
        name = _display.quoted(self.name)
        return f"<InvolvementDetails {self.level.value!r} {name} ({self.kind.value})>"


@attrs.frozen(kw_only=True)
@_value.shared_methods
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
