"""Feedback flows: where patient voice is heard, discussed, used and reported back (private)."""

from __future__ import annotations

import collections
import functools
import itertools
import re

from collections.abc import Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import Any

import attrs

from engagekit import _display, _validate, _value
from engagekit.choices import Choice, aliases
from engagekit.errors import (
    GraphStructureError,
    InvalidTypeError,
    InvalidValueError,
    UnknownNameError,
)
from engagekit.sources import Source


@functools.total_ordering
@aliases({"inform and influence": "inform"})
class FlowStage(Choice):
    """The four stages of a feedback flow, in the order the voice travels.

    Sutton CCG's chart heads its columns "Listen", "Discuss", "Inform" (with the
    column title "Inform and Influence") and "Feedback".

    Examples:
        >>> FlowStage.LISTEN < FlowStage.FEEDBACK
        True
        >>> FlowStage.parse("Inform and Influence")
        <FlowStage.INFORM: 'inform'>
    """

    LISTEN = "listen"
    DISCUSS = "discuss"
    INFORM = "inform"
    FEEDBACK = "feedback"

    @property
    def rank(self) -> int:
        """1 for ``LISTEN`` up to 4 for ``FEEDBACK``."""
        return _STAGE_ORDER.index(self) + 1

    @property
    def label(self) -> str:
        """The column heading, e.g. ``"Listen"``."""
        return self.value.capitalize()

    @property
    def question(self) -> str:
        """What the stage answers, in the words of Sutton's introduction to the chart."""
        return _QUESTIONS[self]

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, FlowStage):
            return NotImplemented
        return self.rank < other.rank


_STAGE_ORDER = tuple(FlowStage)

_QUESTIONS = {
    FlowStage.LISTEN: "the sources of voices",
    FlowStage.DISCUSS: "where findings are discussed",
    FlowStage.INFORM: "which areas they influence",
    FlowStage.FEEDBACK: "how we feedback to those involved and beyond",
}


def slug(name: str) -> str:
    """A lower-case id made from a name.

    Examples:
        >>> slug("Patient Advice and Liaison Service")
        'patient-advice-and-liaison-service'
    """
    return "-".join(re.findall(r"[a-z0-9]+", name.lower()))


_item_id = _validate.identifier


@attrs.frozen(kw_only=True)
@_value.shared_methods
class FlowItem:
    """One entry of a feedback flow: a source of voices, a meeting, a plan or a channel.

    Examples:
        >>> FlowItem(id="complaints", name="Complaints", stage=FlowStage.LISTEN).stage.label
        'Listen'
    """

    id: str = attrs.field(validator=_item_id)
    name: str = attrs.field(validator=_validate.text)
    stage: FlowStage = attrs.field(converter=FlowStage)


@attrs.frozen(kw_only=True)
@_value.shared_methods
class FlowLink:
    """The voice passes from one item to an item of the next stage."""

    source: str = attrs.field(validator=_item_id)
    target: str = attrs.field(validator=_item_id)


def _unique(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    seen: set[str] = set()
    for item in value:  # type: ignore[attr-defined]
        if item.id in seen:
            raise InvalidValueError("FeedbackFlow.items", item.id, reason="duplicate item id")
        seen.add(item.id)


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class _FlowIndex:
    """A flow's items by id and its links each way, read-only."""

    items: Mapping[str, FlowItem]
    next: Mapping[str, tuple[str, ...]]
    previous: Mapping[str, tuple[str, ...]]

    def __repr__(self) -> str:
        return f"<_FlowIndex of {len(self.items)} items>"


def _index_flow(items: tuple[FlowItem, ...], links: tuple[FlowLink, ...]) -> _FlowIndex:
    """Check that every link joins known items of consecutive stages, once; index them.

    Raises:
        GraphStructureError: naming the link.
    """
    index = {item.id: item for item in items}
    forward: dict[str, list[str]] = {}
    backward: dict[str, list[str]] = {}
    seen: set[tuple[str, str]] = set()
    for link in links:
        for end in (link.source, link.target):
            if end not in index:
                raise GraphStructureError(
                    f"flow link names an unknown item {end!r}", path=(link.source, link.target)
                )
        if (link.source, link.target) in seen:
            raise GraphStructureError("flow link given twice", path=(link.source, link.target))
        seen.add((link.source, link.target))
        a, b = index[link.source].stage, index[link.target].stage
        if b.rank != a.rank + 1:
            raise GraphStructureError(
                f"a flow link must go to the next stage, not {a.value} -> {b.value}",
                path=(link.source, link.target),
            )
        forward.setdefault(link.source, []).append(link.target)
        backward.setdefault(link.target, []).append(link.source)
    return _FlowIndex(
        items=MappingProxyType(index),
        next=MappingProxyType({k: tuple(v) for k, v in forward.items()}),
        previous=MappingProxyType({k: tuple(v) for k, v in backward.items()}),
    )


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class FeedbackFlow(_display.Tabular):
    """A four-stage flow graph: Listen → Discuss → Inform → Feedback.

    Every link goes from an item of one stage to an item of the next stage, so a
    path from a source of voices to a way of telling people back passes through a
    discussion and something it influenced.

    Attributes:
        name: what the flow describes.
        items: the items, in the order the source lists them within each stage.
        links: the links between items of consecutive stages.
        source: where the flow is described.

    Examples:
        >>> from engagekit.examples import sutton_feedback_flow
        >>> flow = sutton_feedback_flow()
        >>> {stage.label: len(items) for stage, items in flow.stages().items()}
        {'Listen': 15, 'Discuss': 15, 'Inform': 13, 'Feedback': 9}
        >>> "Complaints" in [i.name for i in flow.influencing("Service Specifications")]
        True
    """

    name: str = attrs.field(validator=_validate.text)
    items: tuple[FlowItem, ...] = attrs.field(
        converter=_validate.to_tuple, validator=[_validate.each(FlowItem), _unique]
    )
    links: tuple[FlowLink, ...] = attrs.field(
        default=(), converter=_validate.to_tuple, validator=_validate.each(FlowLink)
    )
    source: Source | None = attrs.field(
        default=None, validator=attrs.validators.optional(_validate.instance_of(Source))
    )

    # What the queries look up, built and checked once; not part of the value.
    _index: _FlowIndex = attrs.field(init=False, eq=False, hash=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_index", _index_flow(self.items, self.links))

    def __repr__(self) -> str:
        name = self.name if len(self.name) <= 60 else self.name[:57] + "..."
        return _display.short_repr(
            self, f"FeedbackFlow {name!r}", [(len(self.items), "items"), (len(self.links), "links")]
        )

    def __str__(self) -> str:
        return _display.text(self)

    @classmethod
    def from_columns(
        cls,
        name: str,
        columns: Mapping[FlowStage, Sequence[str]] | Mapping[str, Sequence[str]],
        *,
        source: Source | None = None,
    ) -> FeedbackFlow:
        """Build a flow from the items of each stage, linking every item to every item
        of the next stage (a chart whose arrows join columns, not single items).

        Each column is keyed by its stage (a `FlowStage` or its name, e.g. "Listen")
        and lists the items' names; an item's id is the slug of its name.

        Raises:
            InvalidTypeError: `columns` is not a mapping, a column is not a list, or
                an item is not text.
            InvalidValueError: an item's name has no letter or digit to make an id of.
            UnknownChoiceError: a key names no stage.

        Examples:
            >>> flow = FeedbackFlow.from_columns("Small", {
            ...     FlowStage.LISTEN: ["Complaints"], FlowStage.DISCUSS: ["Quality Committee"],
            ...     FlowStage.INFORM: ["Service Monitoring"], FlowStage.FEEDBACK: ["Reports"]})
            >>> [i.name for i in flow.fed_back("Complaints")]
            ['Reports']
        """
        given: object = columns
        if not isinstance(given, Mapping):
            raise InvalidTypeError("columns", columns, expected="a mapping of stage to names")
        named: dict[FlowStage, Sequence[str]] = {}
        for key, texts in given.items():
            stage = FlowStage.parse(key, field="columns")
            field = f"columns[{stage.value!r}]"
            if isinstance(texts, str | bytes) or not isinstance(texts, Sequence):
                raise InvalidTypeError(field, texts, expected="a list of names")
            for index, text in enumerate(texts):
                if not isinstance(text, str):
                    raise InvalidTypeError(f"{field}[{index}]", text, expected="text")
                if not slug(text):
                    raise InvalidValueError(
                        f"{field}[{index}]", text, reason="must have a letter or digit"
                    )
            named[stage] = texts
        items = [
            FlowItem(id=slug(text), name=text, stage=stage)
            for stage in FlowStage
            for text in named.get(stage, ())
        ]
        by_stage: dict[FlowStage, list[FlowItem]] = collections.defaultdict(list)
        for item in items:
            by_stage[item.stage].append(item)
        links = [
            FlowLink(source=a.id, target=b.id)
            for stage, later in itertools.pairwise(_STAGE_ORDER)
            for a in by_stage[stage]
            for b in by_stage[later]
        ]
        return cls(name=name, items=items, links=links, source=source)

    def item(self, name: str | FlowItem) -> FlowItem:
        """The item with this id or name (names ignore case).

        Raises:
            UnknownNameError: naming the closest items.
        """
        if isinstance(name, FlowItem):
            name = name.id
        items = self._index.items
        if name in items:
            return items[name]
        wanted = str(name).strip().lower()
        for item in self.items:
            if item.name.lower() == wanted or item.id == slug(wanted):
                return item
        raise UnknownNameError("feedback-flow item", name, choices=[i.name for i in self.items])

    def stages(self) -> dict[FlowStage, tuple[FlowItem, ...]]:
        """The items of each stage, in stage order."""
        return {stage: tuple(i for i in self.items if i.stage is stage) for stage in FlowStage}

    def _reach(self, start: str, edges: Mapping[str, tuple[str, ...]]) -> set[str]:
        seen: set[str] = set()
        queue = [start]
        while queue:
            current = queue.pop()
            for nxt in edges.get(current, ()):
                if nxt not in seen:
                    seen.add(nxt)
                    queue.append(nxt)
        return seen

    def _ordered(self, ids: Iterable[str], stage: FlowStage | None) -> tuple[FlowItem, ...]:
        wanted = set(ids)
        return tuple(
            i for i in self.items if i.id in wanted and (stage is None or i.stage is stage)
        )

    def downstream(
        self, name: str | FlowItem, stage: FlowStage | str | None = None
    ) -> tuple[FlowItem, ...]:
        """Every item the voice from this item can reach (optionally of one stage)."""
        start = self.item(name).id
        wanted = None if stage is None else FlowStage.parse(stage, field="stage")
        return self._ordered(self._reach(start, self._index.next), wanted)

    def upstream(
        self, name: str | FlowItem, stage: FlowStage | str | None = None
    ) -> tuple[FlowItem, ...]:
        """Every item whose voice can reach this item (optionally of one stage)."""
        start = self.item(name).id
        wanted = None if stage is None else FlowStage.parse(stage, field="stage")
        return self._ordered(self._reach(start, self._index.previous), wanted)

    def influencing(self, name: str | FlowItem) -> tuple[FlowItem, ...]:
        """Which sources of voices (Listen items) can influence this item."""
        return self.upstream(name, FlowStage.LISTEN)

    def fed_back(self, name: str | FlowItem) -> tuple[FlowItem, ...]:
        """How people are told about what came of this item (the Feedback items it reaches)."""
        return self.downstream(name, FlowStage.FEEDBACK)

    def discussed_at(self, name: str | FlowItem) -> tuple[FlowItem, ...]:
        """Where the voice from this item is discussed (the Discuss items it reaches)."""
        return self.downstream(name, FlowStage.DISCUSS)

    def _repr_html_(self) -> str:
        return _display.html(self)
