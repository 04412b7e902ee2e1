"""Participation levels (IAP2's five) and participation ladders (Arnstein's eight rungs)."""

from __future__ import annotations

import functools

from collections.abc import Mapping
from typing import TYPE_CHECKING

import attrs

from engagekit import _display, _validate, _value
from engagekit._display import Displayable, Tabular, short_repr
from engagekit.cycles._catalogue import ReadOnlyCatalogue
from engagekit.cycles._choices import ParticipationLevel
from engagekit.errors import InvalidTypeError, InvalidValueError, UnknownNameError
from engagekit.sources import Source


if TYPE_CHECKING:
    from collections.abc import Iterator


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class LevelDetails:
    """The reference record behind a [`ParticipationLevel`][engagekit.cycles.ParticipationLevel].

    Its ``repr`` is one line: the level and the start of its goal.

    Examples:
        >>> ParticipationLevel.CONSULT.details.source.publisher
        'International Association for Public Participation (IAP2)'
    """

    level: ParticipationLevel = attrs.field(converter=ParticipationLevel)
    goal: str = attrs.field(validator=_validate.text)
    promise: str = attrs.field(validator=_validate.text)
    source: Source = attrs.field(validator=_validate.instance_of(Source))

    def __repr__(self) -> str:
        return f"<LevelDetails {self.level.value!r}: goal {_display.quoted(self.goal, 40)}>"


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class Rung:
    """One rung of a participation [`Ladder`][engagekit.cycles.Ladder].

    Its ``repr`` is one line: its number, name, group and participation level.

    Attributes:
        number: 1 for the bottom rung.
        name: the rung's name.
        group: the group of rungs it belongs to.
        summary: a one-line paraphrase.
        level: the participation level it corresponds to, or `None` for rungs that
            are not participation at all.
    """

    number: int = attrs.field(converter=_validate.to_int, validator=_validate.whole_at_least(1))
    name: str = attrs.field(validator=_validate.text)
    group: str = attrs.field(validator=_validate.text)
    summary: str = attrs.field(validator=_validate.text)
    level: ParticipationLevel | None = attrs.field(
        default=None, converter=attrs.converters.optional(ParticipationLevel)
    )

    def __repr__(self) -> str:
        head = f"Rung {self.number} {_display.quoted(self.name)} in {_display.quoted(self.group)}"
        return f"<{head}>" if self.level is None else f"<{head}, level {self.level.value}>"


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class Ladder(Displayable, Tabular):
    """A participation ladder: rungs from least to most citizen power.

    Each rung maps (or not) onto a
    [`ParticipationLevel`][engagekit.cycles.ParticipationLevel]. The mapping is
    engagekit's and is documented on the Concepts page; a rung that is not
    participation (Arnstein's manipulation and therapy) maps to `None`.

    Raises:
        InvalidValueError: rungs not numbered 1, 2, 3 … from the bottom, a rung in a
            group not declared, or mapped levels that fall as the rungs rise.

    Examples:
        >>> from engagekit.cycles import ladders
        >>> arnstein = ladders()["arnstein"]
        >>> arnstein
        <Ladder 'arnstein' with 8 rungs>
        >>> len(arnstein), arnstein.groups
        (8, ('Non-participation', 'Tokenism', 'Citizen power'))
        >>> arnstein.rung("Partnership").level
        <ParticipationLevel.COLLABORATE: 'collaborate'>
        >>> [r.name for r in arnstein.at_level("empower")]
        ['Delegated power', 'Citizen control']
    """

    id: str = attrs.field(validator=_validate.identifier)
    name: str = attrs.field(validator=_validate.text)
    groups: tuple[str, ...] = attrs.field(
        converter=_validate.to_tuple, validator=_validate.each_text
    )
    rungs: tuple[Rung, ...] = attrs.field(
        converter=_validate.to_tuple,
        validator=[_validate.each(Rung), _validate.unique(lambda r: r.name, "rung name")],
    )
    source: Source = attrs.field(validator=_validate.instance_of(Source))

    def __attrs_post_init__(self) -> None:
        numbers = [r.number for r in self.rungs]
        if numbers != list(range(1, len(numbers) + 1)):
            raise InvalidValueError(
                "Ladder.rungs", numbers, reason="rungs must be numbered 1, 2, 3 … from the bottom"
            )
        undeclared = sorted({r.group for r in self.rungs} - set(self.groups))
        if undeclared:
            raise InvalidValueError(
                "Ladder.rungs",
                undeclared,
                allowed=self.groups,
                reason="rung group not declared in groups",
            )
        levels = [r.level.rank for r in self.rungs if r.level is not None]
        if levels != sorted(levels):
            raise InvalidValueError(
                "Ladder.rungs",
                levels,
                reason="mapped participation levels must not fall as rungs rise",
            )

    def __repr__(self) -> str:
        return short_repr(self, f"Ladder {self.id!r}", [(len(self.rungs), "rungs")])

    def __len__(self) -> int:
        return len(self.rungs)

    def __iter__(self) -> Iterator[Rung]:
        return iter(self.rungs)

    def rung(self, name: str) -> Rung:
        """Look a rung up by name, ignoring case.

        Raises:
            UnknownNameError: naming the closest rungs.
            InvalidTypeError: `name` is not text.
        """
        if not isinstance(name, str):
            raise InvalidTypeError("rung", name, expected="a rung's name as text")
        key = name.strip().casefold()
        for rung in self.rungs:
            if rung.name.casefold() == key:
                return rung
        raise UnknownNameError(f"rung of {self.name}", name, choices=[r.name for r in self.rungs])

    def at_level(self, level: ParticipationLevel | str) -> tuple[Rung, ...]:
        """The rungs that map onto `level`, bottom first."""
        wanted = ParticipationLevel.parse(level, field="level")
        return tuple(r for r in self.rungs if r.level is wanted)


@attrs.frozen(kw_only=True)
@_value.shared_methods
class _ParticipationCatalogue:
    levels: Mapping[ParticipationLevel, LevelDetails]
    ladders: Mapping[str, Ladder]


@attrs.frozen(kw_only=True)
@_value.shared_methods
class _ParticipationFile:
    level: tuple[LevelDetails, ...] = attrs.field(
        converter=_validate.to_tuple, validator=_validate.a_tuple
    )
    ladder: tuple[Ladder, ...] = attrs.field(
        converter=_validate.to_tuple,
        validator=[_validate.a_tuple, _validate.unique(lambda x: x.id, "ladder id")],
    )


@functools.cache
def _catalogue() -> _ParticipationCatalogue:
    from engagekit import _data

    raw = _data.load_builtin("participation.toml", _ParticipationFile)
    levels = {d.level: d for d in raw.level}
    missing = [level.value for level in ParticipationLevel if level not in levels]
    if missing:
        raise InvalidValueError("level", missing, reason="every participation level needs a record")
    return _ParticipationCatalogue(
        levels=ReadOnlyCatalogue(levels, what="participation levels"),
        ladders=ReadOnlyCatalogue(((x.id, x) for x in raw.ladder), what="ladders"),
    )


def ladders() -> Mapping[str, Ladder]:
    """The participation ladders engagekit ships, by id (a read-only mapping).

    Only ladders whose rungs a public source verifies are included: Arnstein's
    (1969). NHS England's "ladder of engagement and participation" is left out
    because no source seen confirms its rungs.

    Examples:
        >>> sorted(ladders())
        ['arnstein']
    """
    return _catalogue().ladders
