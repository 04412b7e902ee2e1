"""A national view of a network: counts by tier and kind, paths, and what changed (private).

Each result is a [`Listing`][engagekit._display.Listing]: iterate it, print it as a
table, `to_records()` for pandas; its `repr` is one short line however large the
network.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from engagekit import _display, _validate, _value
from engagekit.choices import Choice
from engagekit.escalation._bodies import Body
from engagekit.escalation._tiers import _TIER_RANK, BodyKind, Tier


if TYPE_CHECKING:
    from collections.abc import Iterable

    from engagekit.escalation._network import EscalationNetwork


#: How many names a summary row shows.
NAMES_SHOWN = 3


@attrs.frozen
@_value.shared_methods
class TierKindCount:
    """How many bodies of one kind sit at one tier (a row of `NetworkSummary`).

    Attributes:
        tier: the tier.
        kind: the kind of body.
        count: how many there are.
        names: the names of the first few (in id order) whose name is known: not
            their code and not a placeholder.

    Examples:
        >>> from engagekit.examples import sutton
        >>> sutton().summary().of("locality")
        <TierKindCount locality locality: 3>
    """

    tier: Tier
    kind: BodyKind
    count: int
    names: tuple[str, ...] = attrs.field(default=(), converter=_validate.to_tuple)

    def __repr__(self) -> str:
        return f"<TierKindCount {self.tier.value} {self.kind.value}: {self.count}>"


class NetworkSummary(_display.Listing[TierKindCount]):
    """A network by tier (from the top down) and kind (most numerous first).

    Attributes:
        name: the network's name.

    Examples:
        >>> from engagekit.examples import somerset
        >>> summary = somerset().summary()
        >>> summary
        <NetworkSummary with 8 rows and 58 bodies>
        >>> summary.of("health-forum").count
        10
        >>> print(summary)  # doctest: +ELLIPSIS
        tier                    kind                         bodies  for example
        Place, county or CCG    Governing body or board      1       Somerset CCG Board
        ...
        Practice                Practice                     18
    """

    __slots__ = ("name",)

    noun = "rows"
    columns = ("tier", "kind", "bodies", "for example")

    def __init__(self, items: Iterable[TierKindCount] = (), *, name: str = "") -> None:
        super().__init__(items)
        self.name = name

    @property
    def total(self) -> int:
        """The number of bodies."""
        return sum(row.count for row in self)

    def row(self, item: TierKindCount) -> tuple[object, ...]:
        """The tier, the kind, the count and a few names."""
        names = ", ".join(item.names[:NAMES_SHOWN])
        if names and item.count > len(item.names[:NAMES_SHOWN]):
            names += ", …"
        return (item.tier, item.kind, item.count, names)

    def of(self, kind: BodyKind | str) -> TierKindCount:
        """One kind's bodies over every tier (at the highest it sits at); 0 if none.

        Raises:
            UnknownChoiceError: `kind` is not a kind of body.
        """
        wanted = BodyKind.parse(kind, field="kind")
        rows = [row for row in self if row.kind is wanted]
        if not rows:
            return TierKindCount(tier=Tier.PRACTICE, kind=wanted, count=0)
        names = tuple(name for row in rows for name in row.names)[:NAMES_SHOWN]
        return TierKindCount(rows[0].tier, wanted, sum(r.count for r in rows), names)

    def __repr__(self) -> str:
        return _display.short_repr(
            self, "NetworkSummary", [(len(self), "rows"), (self.total, "bodies")]
        )


def _known_name(body: Body) -> bool:
    # A name engagekit made up from the code ("Sub-ICB location 16C") is not known; a
    # published sub-ICB location's name ends with its code after a dash ("NHS Somerset
    # ICB - 11X", as ODS and ONS name them) and is.
    name, code = body.name, body.id
    made_up = name == code or (name.endswith(f" {code}") and not name.endswith(f" - {code}"))
    return not body.placeholder and not made_up


def summarise(network: EscalationNetwork) -> NetworkSummary:
    """The counts behind `EscalationNetwork.summary`."""
    groups: dict[tuple[Tier, BodyKind], list[Body]] = {}
    for body in network.bodies:
        groups.setdefault((body.tier, body.kind), []).append(body)
    rows = []
    for (tier, kind), bodies in groups.items():
        known = sorted((b for b in bodies if _known_name(b)), key=_id)[:NAMES_SHOWN]
        rows.append(TierKindCount(tier, kind, len(bodies), tuple(b.name for b in known)))
    rows.sort(key=lambda r: (-_TIER_RANK[r.tier], -r.count, r.kind.value))
    return NetworkSummary(rows, name=network.name)


def _id(body: Body) -> str:
    return body.id


class PathToTop(_display.Listing[Body]):
    """A body and every body above it on its route, up to the top.

    Examples:
        >>> from engagekit.examples import somerset
        >>> path = somerset().path("somerset-practice-01-ppg")
        >>> path
        <PathToTop with 4 bodies>
        >>> print(path.text())  # doctest: +NORMALIZE_WHITESPACE
        Somerset practice 01 Patient Participation Group -> Health Forum, Somerset federation 1
        -> Somerset bi-annual congress or Forums -> Somerset CCG Board
    """

    noun = "bodies"
    columns = ("tier", "kind", "id", "name")

    def row(self, item: Body) -> tuple[object, ...]:
        """The body's tier, kind, id and name."""
        return (item.tier, item.kind, item.id, item.name)

    def text(self) -> str:
        """The names on one line, joined by arrows."""
        return " -> ".join(body.name for body in self)


class ChangeKind(Choice):
    """What happened to a body between two networks (see `NetworkDiff`).

    Examples:
        >>> ChangeKind.parse("merged"), ChangeKind.MOVED.label
        (<ChangeKind.MERGED: 'merged'>, 'moved')
    """

    OPENED = "opened"
    CLOSED = "closed"
    ADDED = "added"
    REMOVED = "removed"
    MERGED = "merged"
    SPLIT = "split"
    MOVED = "moved"
    RENAMED = "renamed"
    #: The same id is a body of another kind: on 1 July 2022 each CCG's code became a
    #: sub-ICB location and each STP's an integrated care board.
    RECLASSIFIED = "reclassified"


_CHANGE_ORDER = {kind: number for number, kind in enumerate(ChangeKind)}


def _to_change_kind(value: object) -> ChangeKind:
    return ChangeKind.parse(value, field="Change.kind")


def _to_tier(value: object) -> Tier:
    return Tier.parse(value, field="Change.tier")


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class Change:
    """One change to one body between two networks.

    Its ``repr`` is one line: what ``str`` writes and the body's tier.

    Attributes:
        kind: what happened.
        id: the body's id.
        name: its name (in the newer network if it is there, else in the older).
        tier: its tier.
        before: its parent before (for a rename, its old name; for a change of
            kind, its old `BodyKind` value), if any.
        after: its parent after, or the body it merged into (for a split, the
            bodies, comma-separated; for a rename, its new name; for a change of
            kind, its new `BodyKind` value), if any.

    Examples:
        >>> print(Change(kind="moved", id="A81001", name="THE SURGERY", tier="practice",
        ...              before="16C", after="72Q"))
        moved: A81001 THE SURGERY from 16C to 72Q
    """

    kind: ChangeKind = attrs.field(converter=_to_change_kind)
    id: str = attrs.field(validator=_validate.identifier)
    name: str = attrs.field(validator=_validate.text)
    tier: Tier = attrs.field(converter=_to_tier)
    before: str | None = attrs.field(default=None, validator=_validate.optional_text)
    after: str | None = attrs.field(default=None, validator=_validate.optional_text)

    def __repr__(self) -> str:
        return f"<Change {str(self)!r} ({self.tier.value})>"

    def __str__(self) -> str:
        text = f"{self.kind.value}: {self.id} {self.name}"
        if self.kind in (ChangeKind.MERGED, ChangeKind.SPLIT):
            return f"{text} into {self.after}"
        if self.before and self.after:
            return f"{text} from {self.before} to {self.after}"
        if self.after:
            return f"{text} (under {self.after})"
        if self.before:
            return f"{text} (was under {self.before})"
        return text


class NetworkDiff(_display.Listing[Change]):
    """What changed from an older network to a newer one, body by body.

    - a practice only in the newer network `OPENED`, only in the older `CLOSED`;
    - another body only in the newer one was `ADDED`; one only in the older one
      `MERGED` into the one body of its tier its former members are now under,
      `SPLIT` among several, or was `REMOVED` (with no former member left under a
      body of its tier: a PCN whose practices are now under its commissioner was
      removed, not merged into the commissioner);
    - a body in both whose next body up changed `MOVED` (`before` and `after` are
      those bodies); so did one whose other parents changed (a practice in a PCN
      keeps its commissioner as a second parent): then `before` and `after` list
      every parent, the next body up first. One whose name changed was `RENAMED`,
      and one whose kind changed `RECLASSIFIED` (`before` and `after` are the
      `BodyKind` values: a CCG read before 1 July 2022 and the same code read after,
      ``clinical-commissioning-group`` to ``sub-icb-location``).

    Changes are in that order, then from the highest tier down, then by id.

    Examples:
        >>> from engagekit import Body, EscalationNetwork, Link
        >>> def net(*pairs):
        ...     bodies = {p: Body(id=p, name=p, kind="practice", tier="practice")
        ...               for p, _ in pairs}
        ...     bodies |= {c: Body(id=c, name=c, kind="ccg", tier="place") for _, c in pairs}
        ...     return EscalationNetwork(name="n", bodies=list(bodies.values()),
        ...                              links=[Link(source=p, target=c) for p, c in pairs])
        >>> old = net(("A1", "07Q"), ("A2", "08A"), ("A3", "08A"))
        >>> new = net(("A1", "72Q"), ("A2", "72Q"), ("A4", "72Q"))
        >>> for change in old.diff(new):
        ...     print(change)
        opened: A4 A4 (under 72Q)
        closed: A3 A3 (was under 08A)
        added: 72Q 72Q
        merged: 07Q 07Q into 72Q
        merged: 08A 08A into 72Q
        moved: A1 A1 from 07Q to 72Q
        moved: A2 A2 from 08A to 72Q
        >>> old.diff(new).counts()
        {'opened': 1, 'closed': 1, 'added': 1, 'merged': 2, 'moved': 2}
    """

    noun = "changes"
    columns = ("change", "tier", "id", "name", "before", "after")

    def row(self, item: Change) -> tuple[object, ...]:
        """What happened, the body's tier, id and name, and the parents before and after."""
        return (item.kind.value, item.tier, item.id, item.name, item.before, item.after)

    def of(self, kind: ChangeKind | str) -> tuple[Change, ...]:
        """The changes of one kind.

        Raises:
            UnknownChoiceError: `kind` is not a `ChangeKind`.
        """
        wanted = ChangeKind.parse(kind, field="kind")
        return tuple(change for change in self if change.kind is wanted)

    def counts(self) -> dict[str, int]:
        """How many changes of each kind, in the order of `ChangeKind`; absent kinds left out."""
        counts: dict[str, int] = {}
        for change in self:
            counts[change.kind.value] = counts.get(change.kind.value, 0) + 1
        return counts


def diff(old: EscalationNetwork, new: EscalationNetwork) -> NetworkDiff:
    """The changes behind `EscalationNetwork.diff`."""
    from engagekit.errors import InvalidTypeError
    from engagekit.escalation._network import EscalationNetwork

    if not isinstance(new, EscalationNetwork):
        raise InvalidTypeError("other", new, expected="an EscalationNetwork")
    before_bodies = {body.id: body for body in old.bodies}
    after_bodies = {body.id: body for body in new.bodies}
    before_all, after_all = _parents(old), _parents(new)
    before_up = {key: ids[0] for key, ids in before_all.items()}
    after_up = {key: ids[0] for key, ids in after_all.items()}
    changes: list[Change] = []

    def add(kind: ChangeKind, body: Body, before: str | None, after: str | None) -> None:
        changes.append(
            Change(
                kind=kind, id=body.id, name=body.name, tier=body.tier, before=before, after=after
            )
        )

    for body in new.bodies:
        if body.id not in before_bodies:
            kind = ChangeKind.OPENED if body.kind is BodyKind.PRACTICE else ChangeKind.ADDED
            add(kind, body, None, after_up.get(body.id))
    for body in old.bodies:
        if body.id in after_bodies:
            continue
        if body.kind is BodyKind.PRACTICE:
            add(ChangeKind.CLOSED, body, before_up.get(body.id), None)
            continue
        # Merged or split into bodies of its own tier: members that went up to a
        # body of a higher tier (a PCN's practices, its memberships ended, now under
        # their commissioner) make no merger into the body the PCN was under.
        members = [child.id for child in old.children(body) if child.id in after_bodies]
        now = sorted(
            {
                after_up[c]
                for c in members
                if c in after_up and after_bodies[after_up[c]].tier is body.tier
            }
        )
        if len(now) == 1:
            add(ChangeKind.MERGED, body, before_up.get(body.id), now[0])
        elif now:
            add(ChangeKind.SPLIT, body, before_up.get(body.id), ", ".join(now))
        else:
            add(ChangeKind.REMOVED, body, before_up.get(body.id), None)
    for body in new.bodies:
        earlier = before_bodies.get(body.id)
        if earlier is None:
            continue
        was, now_parents = before_all.get(body.id, ()), after_all.get(body.id, ())
        if was[:1] != now_parents[:1]:  # the next body on its route changed
            add(ChangeKind.MOVED, body, before_up.get(body.id), after_up.get(body.id))
        elif was != now_parents:  # only a second parent (a PCN member's commissioner)
            add(ChangeKind.MOVED, body, ", ".join(was), ", ".join(now_parents))
        if earlier.name != body.name:
            add(ChangeKind.RENAMED, body, earlier.name, body.name)
        if earlier.kind is not body.kind:
            add(ChangeKind.RECLASSIFIED, body, earlier.kind.value, body.kind.value)
    changes.sort(key=lambda c: (_CHANGE_ORDER[c.kind], -_TIER_RANK[c.tier], c.id))
    return NetworkDiff(changes)


def _parents(network: EscalationNetwork) -> dict[str, tuple[str, ...]]:
    """Each body's parents by id, the next body up on its route first."""
    found = {}
    for body in network.bodies:
        parents = network.parents(body)
        if parents:
            found[body.id] = tuple(parent.id for parent in parents)
    return found
