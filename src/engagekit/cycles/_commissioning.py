"""Commissioning cycles and the four methods of engagement at their centre."""

from __future__ import annotations

import functools

from collections.abc import Mapping
from typing import IO, TYPE_CHECKING

import attrs

from engagekit import _display, _validate, _value
from engagekit._display import Displayable, Tabular, short_repr
from engagekit.cycles._catalogue import ReadOnlyCatalogue
from engagekit.cycles._choices import EngagementStage, MethodOfEngagement
from engagekit.errors import InvalidValueError
from engagekit.sources import Source


if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class MethodDetails:
    """The reference record behind a [`MethodOfEngagement`][engagekit.cycles.MethodOfEngagement].

    Its ``repr`` is one line: the method and the start of its description.
    """

    method: MethodOfEngagement = attrs.field(converter=MethodOfEngagement)
    description: str = attrs.field(validator=_validate.text)
    source: Source = attrs.field(validator=_validate.instance_of(Source))

    def __repr__(self) -> str:
        return f"<MethodDetails {self.method.value!r}: {_display.quoted(self.description, 40)}>"


def _engagement_stages(value: object) -> tuple[EngagementStage, ...]:
    return _validate.members(EngagementStage, value, "CommissioningStage.engagement_stages")


def _methods(value: object) -> tuple[MethodOfEngagement, ...]:
    return _validate.members(MethodOfEngagement, value, "CommissioningStage.methods")


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class CommissioningStage:
    """One stage of a [`CommissioningCycle`][engagekit.cycles.CommissioningCycle].

    Its ``repr`` is one line: its id, its name and how many engagement stages and
    methods serve it.

    Attributes:
        id: a stable id, unique within the cycle.
        name: the stage's name as its source writes it.
        description: what happens at this stage.
        engagement_stages: the Engagement Cycle stages that serve it.
        methods: the methods of engagement used at it.
        source: where this comes from.
    """

    id: str = attrs.field(validator=_validate.identifier)
    name: str = attrs.field(validator=_validate.text)
    description: str = attrs.field(validator=_validate.text)
    engagement_stages: tuple[EngagementStage, ...] = attrs.field(converter=_engagement_stages)
    methods: tuple[MethodOfEngagement, ...] = attrs.field(converter=_methods)
    source: Source = attrs.field(validator=_validate.instance_of(Source))

    def __repr__(self) -> str:
        noun = f"CommissioningStage {_display.quoted(self.id)} {_display.quoted(self.name, 40)}"
        counts = [
            (len(self.engagement_stages), "engagement stages"),
            (len(self.methods), "methods"),
        ]
        return short_repr(self, noun, counts)


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class CommissioningCycle(Displayable, Tabular):
    """A commissioning cycle: ordered stages, each served by engagement stages and methods.

    engagekit ships the variants a public source verifies (see
    [`commissioning_cycles`][engagekit.cycles.commissioning_cycles]); a user can define
    another in the same TOML format and load it with
    [`load_commissioning_cycles`][engagekit.cycles.load_commissioning_cycles].

    Raises:
        InvalidValueError: fewer than two stages, or two stages with one id.

    Examples:
        >>> from engagekit.cycles import commissioning_cycles
        >>> nhse = commissioning_cycles()["nhs-england"]
        >>> nhse
        <CommissioningCycle 'nhs-england' with 4 stages>
        >>> [s.name for s in nhse]
        ['Assess needs', 'Plan services', 'Procure services', 'Monitor quality']
        >>> nhse.next("monitor-quality").name
        'Assess needs'
        >>> segments = commissioning_cycles()["engagement-cycle"]
        >>> [s.name for s in segments.serving("monitor")]
        ['Deliver & improve']
    """

    id: str = attrs.field(validator=_validate.identifier)
    name: str = attrs.field(validator=_validate.text)
    stages: tuple[CommissioningStage, ...] = attrs.field(
        converter=_validate.to_tuple,
        validator=[
            _validate.each(CommissioningStage),
            _validate.unique(lambda s: s.id, "stage id"),
        ],
    )
    centre: str | None = attrs.field(default=None, validator=_validate.optional_text)
    note: str | None = attrs.field(default=None, validator=_validate.optional_text)
    source: Source = attrs.field(validator=_validate.instance_of(Source))

    def __attrs_post_init__(self) -> None:
        if len(self.stages) < 2:
            raise InvalidValueError(
                "CommissioningCycle.stages",
                len(self.stages),
                reason="a cycle needs two stages or more",
            )

    def __repr__(self) -> str:
        return short_repr(self, f"CommissioningCycle {self.id!r}", [(len(self.stages), "stages")])

    def __iter__(self) -> Iterator[CommissioningStage]:
        return iter(self.stages)

    def __len__(self) -> int:
        return len(self.stages)

    def stage(self, stage_id: str) -> CommissioningStage:
        """The stage with this id.

        Raises:
            UnknownNameError: naming the closest stage ids.
        """
        return _validate.find_by(
            self.stages, "id", stage_id, f"stage of commissioning cycle {self.id!r}"
        )

    def next(self, stage_id: str) -> CommissioningStage:
        """The stage after `stage_id`, wrapping round."""
        index = self.stages.index(self.stage(stage_id))
        return self.stages[(index + 1) % len(self.stages)]

    def previous(self, stage_id: str) -> CommissioningStage:
        """The stage before `stage_id`, wrapping round."""
        index = self.stages.index(self.stage(stage_id))
        return self.stages[(index - 1) % len(self.stages)]

    def serving(self, stage: EngagementStage | str | int) -> tuple[CommissioningStage, ...]:
        """The commissioning stages an engagement stage serves, in cycle order."""
        wanted = EngagementStage.parse(stage, field="stage")
        return tuple(s for s in self.stages if wanted in s.engagement_stages)


@attrs.frozen(kw_only=True)
@_value.shared_methods
class _CyclesFile:
    cycle: tuple[CommissioningCycle, ...] = attrs.field(
        converter=_validate.to_tuple,
        validator=[_validate.a_tuple, _validate.unique(lambda c: c.id, "cycle id")],
    )
    method: tuple[MethodDetails, ...] = attrs.field(
        default=(), converter=_validate.to_tuple, validator=_validate.a_tuple
    )


@attrs.frozen(kw_only=True)
@_value.shared_methods
class _Builtin:
    cycles: Mapping[str, CommissioningCycle]
    methods: Mapping[MethodOfEngagement, MethodDetails]


@functools.cache
def _builtin() -> _Builtin:
    from engagekit import _data

    raw = _data.load_builtin("commissioning_cycles.toml", _CyclesFile)
    methods = {m.method: m for m in raw.method}
    missing = [m.value for m in MethodOfEngagement if m not in methods]
    if missing:
        raise InvalidValueError("method", missing, reason="every method needs a record")
    return _Builtin(
        cycles=_by_id(raw.cycle),
        methods=ReadOnlyCatalogue(methods, what="methods of engagement"),
    )


def _by_id(cycles: tuple[CommissioningCycle, ...]) -> Mapping[str, CommissioningCycle]:
    return ReadOnlyCatalogue(((c.id, c) for c in cycles), what="commissioning cycles")


def commissioning_cycles() -> Mapping[str, CommissioningCycle]:
    """The commissioning cycles engagekit ships, by id (a read-only mapping).

    `"nhs-england"`: NHS England's assess needs → plan → procure → monitor (as
    summarised by The King's Fund); `"engagement-cycle"`: the four commissioning
    segments of the NHS Institute's Engagement Cycle diagram. At every stage of each,
    the four methods of engagement apply, as Somerset's Figure 1 shows.

    Examples:
        >>> commissioning_cycles()
        <Catalogue with 2 commissioning cycles>
        >>> sorted(commissioning_cycles())
        ['engagement-cycle', 'nhs-england']
    """
    return _builtin().cycles


def load_commissioning_cycles(source: str | Path | IO[bytes]) -> Mapping[str, CommissioningCycle]:
    """Load commissioning cycles from a TOML file in the built-in format.

    The file holds `[[cycle]]` tables with `[[cycle.stages]]`; each record's
    `source` may cite a built-in document by id or give a full citation. The cycles
    come back as a read-only mapping by id.

    Raises:
        ParseError: the file is not TOML.
        DocumentError: naming the file, each bad key path and value.

    Examples:
        >>> import io
        >>> text = b'''
        ... [[cycle]]
        ... id = "local"
        ... name = "Our cycle"
        ... source = { title = "Local plan", publisher = "NHS Example ICB" }
        ... [[cycle.stages]]
        ... id = "listen"
        ... name = "Listen"
        ... description = "Hear what people need."
        ... engagement_stages = ["identify-needs"]
        ... methods = ["getting-information"]
        ... source = { document = "somerset-2012", section = "Figure 1" }
        ... [[cycle.stages]]
        ... id = "act"
        ... name = "Act"
        ... description = "Change services."
        ... engagement_stages = ["design-and-improve"]
        ... methods = ["participation"]
        ... source = { document = "somerset-2012", section = "Figure 1" }
        ... '''
        >>> load_commissioning_cycles(io.BytesIO(text))["local"].next("act").name
        'Listen'
    """
    from engagekit import _data

    return _by_id(_data.load_file(source, _CyclesFile).cycle)
