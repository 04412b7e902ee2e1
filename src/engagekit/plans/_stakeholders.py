"""Who is engaged, how and by whom: the stakeholder map (private).

Who answers for what (the responsibility matrix) is in `_responsibilities`.
"""

from __future__ import annotations

import attrs

from engagekit import _display, _validate, _value
from engagekit.errors import InvalidTypeError
from engagekit.sources import Source


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class StakeholderGroup:
    """One row of a stakeholder table: a group, how it is engaged and who owns that.

    Its ``repr`` is one line: the group's name and how many members, activities
    and owners it lists.

    Attributes:
        name: the group as the source names it.
        members: the organisations or kinds of people in it, if listed.
        activities: how the organisation engages with it.
        owners: the roles that own or lead the engagement.
    """

    name: str = attrs.field(validator=_validate.text)
    members: tuple[str, ...] = attrs.field(
        default=(), converter=_validate.to_tuple, validator=_validate.each_text
    )
    activities: tuple[str, ...] = attrs.field(
        default=(), converter=_validate.to_tuple, validator=_validate.each_text
    )
    owners: tuple[str, ...] = attrs.field(
        default=(), converter=_validate.to_tuple, validator=_validate.each_text
    )

    def __repr__(self) -> str:
        counts = [
            (len(self.members), "members"),
            (len(self.activities), "activities"),
            (len(self.owners), "owners"),
        ]
        return _display.short_repr(self, f"StakeholderGroup {_display.quoted(self.name)}", counts)


@attrs.frozen(kw_only=True)
@_value.shared_methods
class Influencer:
    """A body whose views carry weight, and whether it has a formal monitoring role."""

    name: str = attrs.field(validator=_validate.text)
    formal_monitoring: bool = attrs.field(default=False, validator=_validate.flag)


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class StakeholderMap(_display.Displayable, _display.Tabular):
    """A stakeholder table with its influencers.

    Examples:
        >>> from engagekit import examples
        >>> m = examples.sutton_stakeholders()
        >>> for group in m.owned_by("Lay Member"):
        ...     print(group.name)
        Voluntary and community sector representatives
        Health and Wellbeing Board and Scrutiny Committee
        >>> ", ".join(i.name for i in m.monitoring_bodies())
        'NHS England, Sutton Council, Scrutiny Committee'
        >>> m
        <StakeholderMap with 6 groups and 3 influencers>
    """

    groups: tuple[StakeholderGroup, ...] = attrs.field(
        converter=_validate.to_tuple,
        validator=[_validate.each(StakeholderGroup), _validate.unique(lambda g: g.name, "group")],
    )
    influencers: tuple[Influencer, ...] = attrs.field(
        default=(), converter=_validate.to_tuple, validator=_validate.each(Influencer)
    )
    source: Source | None = attrs.field(
        default=None, validator=attrs.validators.optional(_validate.instance_of(Source))
    )

    def __repr__(self) -> str:
        return _display.short_repr(
            self,
            "StakeholderMap",
            [(len(self.groups), "groups"), (len(self.influencers), "influencers")],
        )

    def group(self, name: str) -> StakeholderGroup:
        """The group with this name.

        Raises:
            UnknownNameError: naming the closest groups.
        """
        return _validate.find_by(self.groups, "name", name, "stakeholder group")

    def owned_by(self, role: str) -> tuple[StakeholderGroup, ...]:
        """The groups whose engagement this role owns or leads (ignoring case)."""
        if not isinstance(role, str):
            raise InvalidTypeError("role", role, expected="text")
        wanted = role.strip().lower()
        return tuple(g for g in self.groups if any(o.lower() == wanted for o in g.owners))

    def monitoring_bodies(self) -> tuple[Influencer, ...]:
        """The influencers with a formal monitoring function."""
        return tuple(i for i in self.influencers if i.formal_monitoring)
