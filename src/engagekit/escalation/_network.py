"""The escalation network: bodies, typed links and the operations over them (private).

Building a network never imports networkx: the structure is checked and indexed by
`_index.build_index` (its rules in `_rules`). networkx is imported only for the
read-only view, `graph`, so that building the examples stays cheap.
"""

from __future__ import annotations

import collections

from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence
from types import MappingProxyType
from typing import IO, TYPE_CHECKING, Any, TypeVar

import attrs

from engagekit import _display, _validate, _value
from engagekit.errors import GraphStructureError, InvalidTypeError, UnknownNameError
from engagekit.escalation._bodies import Body, Link
from engagekit.escalation._index import (
    NetworkIndex,
    ancestors,
    build_index,
    patient_groups,
    represented_groups,
)
from engagekit.escalation._tiers import _TIER_RANK, BodyKind, Tier
from engagekit.sources import Source


if TYPE_CHECKING:
    import datetime as dt

    from pathlib import Path

    import networkx as nx

    from engagekit.duties import BodyType, DutiesInForce
    from engagekit.escalation._ods import Nations, OdsImport
    from engagekit.escalation._odsnames import OdsNames
    from engagekit.escalation._pcn import PcnImport
    from engagekit.escalation._results import (
        Cascade,
        Coverage,
        Gaps,
        NetworkDuties,
        Route,
    )
    from engagekit.escalation._summary import NetworkDiff, NetworkSummary, PathToTop


T = TypeVar("T")
K = TypeVar("K", bound=Hashable)


def _each(cls: type) -> Callable[[Any, attrs.Attribute[Any], Any], None]:
    # Called once, when the class is defined: mutation testing could not switch a
    # mutant of it on (see docs/mutation.md), so the check itself is `_check_each`.
    detailed = _validate.each(cls)  # pragma: no mutate

    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        _check_each(cls, detailed, instance, attribute, value)  # pragma: no mutate

    return check


def _check_each(
    cls: type,
    detailed: Callable[[Any, attrs.Attribute[Any], Any], None],
    instance: Any,
    attribute: attrs.Attribute[Any],
    value: Any,
) -> None:
    # set(map(type, …)) runs in C: the common case costs almost nothing.
    if type(value) is not tuple or (value and set(map(type, value)) != {cls}):
        detailed(instance, attribute, value)


def check_unique_ids(bodies: Sequence[Body]) -> None:
    """Refuse bodies of which two share an id, naming the first id given twice."""
    if len({body.id for body in bodies}) == len(bodies):
        return
    seen: set[str] = set()
    for position, body in enumerate(bodies):
        if body.id in seen:
            raise GraphStructureError(
                "two bodies share the id", path=(body.id,), field=f"bodies[{position}]"
            )
        seen.add(body.id)


def _unique_ids(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    check_unique_ids(value)


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class EscalationNetwork(_display.Tabular):
    """A structure through which patients' views travel up and decisions travel down.

    Built from [`Body`][engagekit.escalation.Body] values and typed
    [`Link`][engagekit.escalation.Link] values, and checked at construction:

    - every link joins two known bodies, and no link is given twice;
    - vertical links (escalates to, reports to) never go down a tier, and form no
      cycle;
    - a body with several vertical links marks exactly one as ``primary``: the
      route its voice follows;
    - every practice's route reaches the top (the highest bodies of the structure).

    A broken rule raises [`GraphStructureError`][engagekit.errors.GraphStructureError]
    naming the bodies involved. The queries return typed results (`Route`, `Cascade`,
    `Coverage`, `Gaps`, `NetworkDuties`) in a deterministic order, which print as
    tables; a networkx view is available as `graph`. The network is immutable: what
    its queries look up is indexed once, when it is built.

    Attributes:
        name: what the network describes, e.g. "Sutton CCG patient voice".
        bodies: the bodies, in the order given.
        links: the links, in the order given.
        source: where the structure is described, if anywhere.

    Examples:
        >>> from engagekit.escalation import Body, BodyKind, EscalationNetwork, Link, Tier
        >>> net = EscalationNetwork(
        ...     name="A small area",
        ...     bodies=[
        ...         Body(id="p1", name="Practice 1", kind=BodyKind.PRACTICE, tier=Tier.PRACTICE),
        ...         Body(id="f1", name="Health forum", kind=BodyKind.HEALTH_FORUM,
        ...              tier=Tier.LOCALITY),
        ...         Body(id="board", name="Board", kind=BodyKind.GOVERNING_BODY, tier=Tier.PLACE),
        ...     ],
        ...     links=[Link(source="p1", target="f1"), Link(source="f1", target="board")],
        ... )
        >>> [b.name for b in net.route("p1")]
        ['Health forum', 'Board']
        >>> [b.id for b in net.top]
        ['board']
        >>> net
        <EscalationNetwork 'A small area' with 3 bodies and 2 links>
        >>> from engagekit.errors import GraphStructureError
        >>> try:
        ...     EscalationNetwork(name="Upside down", bodies=net.bodies,
        ...                       links=[Link(source="board", target="f1")])
        ... except GraphStructureError as exc:
        ...     print(exc.reason, exc.path)
        vertical link goes down a tier (place -> locality) ('board', 'f1')
    """

    name: str = attrs.field(validator=_validate.text)
    bodies: tuple[Body, ...] = attrs.field(
        converter=_validate.to_tuple, validator=[_each(Body), _unique_ids]
    )
    links: tuple[Link, ...] = attrs.field(
        default=(), converter=_validate.to_tuple, validator=_each(Link)
    )
    source: Source | None = attrs.field(
        default=None, validator=attrs.validators.optional(_validate.instance_of(Source))
    )

    # What the queries look up, built and checked once; not part of the value.
    _index: NetworkIndex = attrs.field(init=False, eq=False, hash=False)
    # Per tier rank: each body's first body at or above it, and that tier's ids in
    # order; built on first use, so repeated aggregations walk no route twice.
    _targets: dict[int, tuple[dict[str, str], tuple[str, ...]]] = attrs.field(
        init=False, eq=False, hash=False
    )

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_index", build_index(self.bodies, self.links))
        object.__setattr__(self, "_targets", {})

    def _targets_at(self, tier: Tier) -> tuple[dict[str, str], tuple[str, ...]]:
        found = self._targets.get(tier.rank)
        if found is None:
            ids = tuple(sorted(b.id for b in self.bodies if b.tier is tier))
            found = self._targets[tier.rank] = (ancestors(self._index, tier.rank), ids)
        return found

    def __repr__(self) -> str:
        name = self.name if len(self.name) <= 60 else self.name[:57] + "..."
        return _display.short_repr(
            self,
            f"EscalationNetwork {name!r}",
            [(len(self.bodies), "bodies"), (len(self.links), "links")],
        )

    def __str__(self) -> str:
        return _display.text(self)

    # --- lookup ---------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self.bodies)

    def __iter__(self) -> Iterator[Body]:
        return iter(self.bodies)

    def __contains__(self, body: object) -> bool:
        bodies = self._index.bodies
        if isinstance(body, Body):
            return bodies.get(body.id) == body
        return isinstance(body, str) and body in bodies

    def body(self, body: str | Body) -> Body:
        """The body with this id (or this body, checked to belong here).

        Raises:
            UnknownNameError: no body has this id; names the closest ids.
        """
        key = body.id if isinstance(body, Body) else body
        try:
            return self._index.bodies[key]
        except (KeyError, TypeError):
            raise UnknownNameError("body", key, choices=self._choices(key)) from None

    def _choices(self, key: object) -> tuple[str, ...]:
        ids = self._index.bodies
        if len(ids) > 2000:  # keep the error cheap on national networks
            start = str(key)[:3].lower()
            return tuple(i for i in ids if i.lower().startswith(start))[:50]
        return tuple(ids)

    @property
    def top(self) -> tuple[Body, ...]:
        """The bodies at the top of the structure, in id order."""
        bodies = self._index.bodies
        return tuple(bodies[i] for i in self._index.top)

    @property
    def practices(self) -> tuple[Body, ...]:
        """Every practice, in the order given."""
        return tuple(b for b in self.bodies if b.kind is BodyKind.PRACTICE)

    def by_tier(self) -> dict[Tier, tuple[Body, ...]]:
        """Bodies grouped by tier, from the top tier down, each group in id order.

        Examples:
            >>> from engagekit.examples import sutton
            >>> {t.value: len(b) for t, b in sutton().by_tier().items()}
            {'place': 5, 'locality': 3, 'practice': 50}
        """
        groups: dict[Tier, list[Body]] = {}
        for body in self.bodies:
            groups.setdefault(body.tier, []).append(body)
        return {
            tier: tuple(sorted(groups[tier], key=_body_id))
            for tier in sorted(groups, key=_TIER_RANK.__getitem__, reverse=True)
        }

    def parents(self, body: str | Body) -> tuple[Body, ...]:
        """The bodies this body's vertical links go to, primary first."""
        key = self.body(body).id
        index = self._index
        ids = index.up.get(key, ())
        first = index.primary.get(key)
        ordered = (first, *(i for i in ids if i != first)) if first else ids
        return tuple(index.bodies[i] for i in ordered)

    def children(self, body: str | Body) -> tuple[Body, ...]:
        """The bodies whose vertical links come to this body, in id order."""
        key = self.body(body).id
        index = self._index
        return tuple(index.bodies[i] for i in sorted(index.down.get(key, ())))

    def informs(self, body: str | Body) -> tuple[Body, ...]:
        """The bodies this body informs laterally, in id order."""
        key = self.body(body).id
        index = self._index
        return tuple(index.bodies[i] for i in sorted(index.lateral.get(key, ())))

    # --- operations -------------------------------------------------------------------

    def route(self, body: str | Body, to: Tier | str | None = None) -> Route:
        """Who hears a body's voice next, and after that, following primary links.

        The route stops at the first body at or above tier `to` (a `Tier` or its
        name, e.g. "federation"); without `to` (or if no body on the route reaches
        it) it runs to the end, the top.

        Raises:
            UnknownNameError: for an unknown body or tier.

        Examples:
            >>> from engagekit.examples import somerset
            >>> for body in somerset().route("somerset-practice-01-ppg"):
            ...     print(body.name)
            Health Forum, Somerset federation 1
            Somerset bi-annual congress or Forums
            Somerset CCG Board
            >>> [b.name for b in somerset().route("somerset-practice-01-ppg", to="federation")]
            ['Health Forum, Somerset federation 1']
        """
        from engagekit.escalation._results import Route

        start = self.body(body).id
        rank = None if to is None else Tier.parse(to, field="to").rank
        index = self._index
        primary, bodies, ranks = index.primary, index.bodies, index.rank
        steps = []
        current = primary.get(start)
        while current is not None:
            steps.append(bodies[current])
            if rank is not None and ranks[current] >= rank:
                break
            current = primary.get(current)
        return Route(steps)

    def cascade(self, body: str | Body, *, lateral: bool = True) -> Cascade:
        """Everyone a message from this body reaches on the way down, by tier.

        The message goes down every vertical link (not only primary ones) and,
        unless `lateral` is false, across every "informs" link of a body it
        reaches. Tiers run from the highest down; bodies within a tier are in id
        order. The body itself is not included.

        Raises:
            UnknownNameError: for an unknown body.
            InvalidTypeError: `lateral` is not true or false.

        Examples:
            >>> from engagekit.examples import oxfordshire
            >>> reached = oxfordshire().cascade("occg-governing-body")
            >>> {tier.value: len(bodies) for tier, bodies in reached.by_tier().items()}
            {'place': 1, 'locality': 12, 'practice': 24}
        """
        from engagekit.escalation._results import Cascade

        start = self.body(body).id
        _check_flag("lateral", lateral)
        seen = {start}
        queue = collections.deque([start])
        index = self._index
        down, side = index.down, index.lateral
        while queue:
            current = queue.popleft()
            nexts = down.get(current, ())
            if lateral:
                nexts = nexts + side.get(current, ())
            for nxt in nexts:
                if nxt not in seen:
                    seen.add(nxt)
                    queue.append(nxt)
        seen.discard(start)
        bodies, ranks = index.bodies, index.rank
        return Cascade(bodies[i] for i in sorted(seen, key=lambda i: (-ranks[i], i)))

    def coverage(self) -> Coverage:
        """The share of practices with a patient group and with representation, and seats.

        A practice *has a patient group* when a link of any kind joins it to a
        patient participation group (in either direction); it is *represented*
        when that group has a vertical link to a higher tier whose
        `representatives` is not 0.

        Examples:
            >>> from engagekit.examples import sutton
            >>> c = sutton().coverage()
            >>> c.practices, c.with_patient_group, c.represented, c.seats_available
            (25, 25, 24, 75)
        """
        from engagekit.escalation._results import Coverage, SeatCount

        practices = self.practices
        groups = patient_groups(self._index, self.links)
        heard = represented_groups(self._index, self.links)
        with_group = 0
        represented = 0
        for practice in practices:
            found = groups.get(practice.id)
            if found:
                with_group += 1
                if any(g in heard for g in found):
                    represented += 1
        seats = tuple(
            SeatCount(body=b.id, seats=b.seats, filled=b.members, name=b.name)
            for b in sorted(self.bodies, key=_body_id)
            if b.seats is not None
        )
        return Coverage(
            practices=len(practices),
            with_patient_group=with_group,
            represented=represented,
            seats=seats,
        )

    def gaps(self) -> Gaps:
        """Unrepresented practices, bodies with no route to the top, forums with no members.

        Bodies joined to the structure only by lateral "informs" links (Healthwatch,
        a health and wellbeing board) are not expected to have a route, so they
        are not gaps.

        Examples:
            >>> from engagekit.examples import sutton
            >>> sutton().gaps().unrepresented
            ('sutton-practice-25',)
        """
        from engagekit.escalation._results import Gaps

        index = self._index
        groups = patient_groups(index, self.links)
        heard = represented_groups(index, self.links)
        no_group: list[str] = []
        unrepresented: list[str] = []
        for practice in self.practices:
            found = groups.get(practice.id)
            if not found:
                no_group.append(practice.id)
            elif not any(g in heard for g in found):
                unrepresented.append(practice.id)
        tops = set(index.top)
        up, down, root = index.up, index.down, index.root
        no_route = [
            b.id
            for b in self.bodies
            if (b.id in up or b.id in down or b.kind.is_forum)
            and b.id not in tops
            and root[b.id] not in tops
        ]
        linked_to = {link.target for link in self.links}
        empty = [
            b.id
            for b in self.bodies
            if b.kind.is_forum and (b.members == 0 or (b.members is None and b.id not in linked_to))
        ]
        return Gaps(
            no_patient_group=sorted(no_group),
            unrepresented=sorted(unrepresented),
            no_route=sorted(no_route),
            empty_forums=sorted(empty),
        )

    def duties(self, on: dt.date | str) -> NetworkDuties:
        """Which statutory duties bound each body of the network on a date.

        Each body's kind gives its statutory body type on that date (see
        [`BodyKind.body_type_on`][engagekit.escalation.BodyKind.body_type_on]: a
        commissioner is a CCG until 30 June 2022 and acts under its ICB's duties
        after); [`duties_for`][engagekit.duties.duties_for] gives that type's duties.
        Bodies that are not statutory bodies (patient groups, forums, Healthwatch)
        have none, with the reason. Nor do NHS Wales and every body whose route ends
        there (a Welsh practice, its patient group): the duties engagekit models are
        those of the NHS in England.

        Args:
            on: the date, a `datetime.date` or 'YYYY-MM-DD' text.

        Raises:
            InvalidTypeError: `on` is not a date or text.
            InvalidValueError: `on` is text that is not a YYYY-MM-DD date.

        Examples:
            >>> from engagekit.examples import sutton
            >>> bound = sutton().duties(on="2019-04-01")
            >>> bound.of("sutton-practice-01").body_type
            <BodyType.GP_PRACTICE: 'gp-practice'>
            >>> print(bound.of("sutton-practice-01-ppg").reason)
            a patient participation group is not a statutory body
        """
        from engagekit.duties import duties_for
        from engagekit.escalation._results import BodyDuties, NetworkDuties

        day = _validate.as_date("on", on)
        in_force: dict[BodyType, DutiesInForce] = {}
        rows = []
        index = self._index
        for body in self.bodies:
            welsh = body.kind.is_welsh or index.bodies[index.root[body.id]].kind.is_welsh
            if welsh and not body.kind.is_welsh:
                reason = (
                    f"in Wales (under {index.bodies[index.root[body.id]].name}): "
                    "engagekit models the duties of the NHS in England"
                )
                rows.append(BodyDuties(body=body, reason=reason))
                continue
            body_type = body.kind.body_type_on(day)
            if body_type is None:
                reason = (
                    "NHS Wales: engagekit models the duties of the NHS in England"
                    if body.kind.is_welsh
                    else f"a {body.kind.label.lower()} is not a statutory body"
                )
                rows.append(BodyDuties(body=body, reason=reason))
                continue
            found = in_force.get(body_type)
            if found is None:
                found = in_force[body_type] = duties_for(body_type, on=day)
            rows.append(
                BodyDuties(body=body, body_type=body_type, duties=tuple(found), reason=found.reason)
            )
        return NetworkDuties(rows, on=day)

    def ancestors(self, to: Tier | str) -> Mapping[str, str]:
        """For every body, the id of the first body at or above tier `to` on its route.

        A body at or above `to` maps to itself; a body whose route ends below
        `to` maps to the end of its route. This is the map `aggregate` counts with.

        Examples:
            >>> from engagekit.examples import sutton
            >>> sutton().ancestors("place")["sutton-practice-07"]
            'sutton-governing-body'
        """
        tier = Tier.parse(to, field="to")
        return MappingProxyType(self._targets_at(tier)[0])

    def aggregate(
        self,
        items: Iterable[T],
        to: Tier | str,
        *,
        at: Callable[[T], str] | None = None,
    ) -> dict[str, int]:
        """Count feedback items at the bodies of tier `to`.

        Each item is recorded against a body: `at(item)` gives its id (without
        `at` the items are ids). Each is counted at the first body at or above
        `to` on that body's route (see `ancestors`), so the counts always total
        the number of items. Every body at tier `to` appears, with 0 if nothing
        reached it; keys are in id order. To count by a key as well, use
        `aggregate_by`.

        Raises:
            UnknownNameError: an item names a body that is not in the network.
            InvalidTypeError: `items` is text (one id, not a list of them) or
                cannot be counted.

        Examples:
            >>> from engagekit.examples import sutton
            >>> net = sutton()
            >>> items = ["sutton-practice-01", "sutton-practice-02", "sutton-practice-12"]
            >>> for body, count in net.aggregate(items, to="locality").items():
            ...     print(body, count)
            sutton-locality-carshalton 2
            sutton-locality-sutton-and-cheam 0
            sutton-locality-wallington 1
        """
        tier = Tier.parse(to, field="to")
        _refuse_text(items)
        ids: Iterable[Any] = items if at is None else map(at, items)
        try:
            # Count each body's items first, then add the counts up at their
            # ancestors: one pass over the items, and a few thousand look-ups.
            at_body = collections.Counter(ids)
        except TypeError as exc:
            raise InvalidTypeError("items", exc, expected="body ids (text)") from None
        mapping, at_tier = self._targets_at(tier)
        counts = dict.fromkeys(at_tier, 0)
        for body_id, count in at_body.items():
            try:
                target = mapping[body_id]
            except KeyError:
                raise self._unknown_body(body_id) from None
            counts[target] = counts.get(target, 0) + count
        if len(counts) == len(at_tier):
            return counts
        return {body_id: counts[body_id] for body_id in sorted(counts)}

    def aggregate_by(
        self,
        items: Iterable[T],
        to: Tier | str,
        *,
        key: Callable[[T], K],
        at: Callable[[T], str] | None = None,
    ) -> dict[str, dict[K, int]]:
        """Count feedback items at the bodies of tier `to`, by `key(item)`.

        Like `aggregate`, but each body maps to counts by `key(item)`, in order of
        the keys' text. Every body at tier `to` appears, with no counts if nothing
        reached it.

        Raises:
            UnknownNameError: an item names a body that is not in the network.
            InvalidTypeError: a body id or a key cannot be counted (is not hashable),
                or `items` is text (one id, not a list of them).

        Examples:
            >>> from engagekit.examples import sutton
            >>> items = [("sutton-practice-01", "access"), ("sutton-practice-12", "waiting")]
            >>> sutton().aggregate_by(items, to="locality", at=lambda i: i[0],
            ...                       key=lambda i: i[1])  # doctest: +NORMALIZE_WHITESPACE
            {'sutton-locality-carshalton': {'access': 1}, 'sutton-locality-sutton-and-cheam': {},
             'sutton-locality-wallington': {'waiting': 1}}
        """
        tier = Tier.parse(to, field="to")
        _refuse_text(items)
        lookup = self._targets_at(tier)[0].__getitem__
        # Count (body, key) pairs in one Counter, then look each distinct body up once
        # (no Counter built per item, as setdefault(target, Counter()) did).
        pairs: collections.Counter[tuple[Any, K]]
        try:
            if at is None:
                pairs = collections.Counter((item, key(item)) for item in items)
            else:
                pairs = collections.Counter((at(item), key(item)) for item in items)
        except TypeError as exc:
            raise InvalidTypeError(
                "items", exc, expected="body ids (text) and hashable keys"
            ) from None
        grouped: dict[str, dict[K, int]] = {}
        for (body_id, group), count in pairs.items():
            try:
                target = lookup(body_id)
            except KeyError:
                # Every body id was hashed by the Counter above: only an unknown id fails.
                raise self._unknown_body(body_id) from None
            counts = grouped.get(target)
            if counts is None:
                counts = grouped[target] = {}
            counts[group] = counts.get(group, 0) + count
        for body in self.bodies:
            if body.tier is tier:
                grouped.setdefault(body.id, {})
        return {
            body_id: dict(sorted(grouped[body_id].items(), key=lambda kv: str(kv[0])))
            for body_id in sorted(grouped)
        }

    def _unknown_body(self, name: Any) -> UnknownNameError:
        return UnknownNameError("body", name, choices=self._choices(name))

    # --- networkx -------------------------------------------------------------------------

    @property
    def graph(self) -> nx.DiGraph[str]:
        """A read-only networkx view: nodes are body ids, with `name`, `kind` and
        `tier` (string values); edges have `kind` and `primary`.

        Built on each access (keep it in a variable to use it often). Changing the
        view raises `networkx.NetworkXError`; the network itself never changes.

        Examples:
            >>> import networkx as nx
            >>> from engagekit.examples import sutton
            >>> g = sutton().graph
            >>> nx.shortest_path(g, "sutton-practice-12", "sutton-governing-body")
            ['sutton-practice-12', 'sutton-locality-wallington', 'sutton-governing-body']
        """
        import networkx as nx

        primary = self._index.primary
        built: nx.DiGraph[str] = nx.DiGraph(name=self.name)
        built.add_nodes_from(
            (b.id, {"name": b.name, "kind": b.kind.value, "tier": b.tier.value})
            for b in self.bodies
        )
        built.add_edges_from(
            (
                link.source,
                link.target,
                {
                    "kind": link.kind.value,
                    "primary": primary.get(link.source) == link.target and link.kind.is_vertical,
                },
            )
            for link in self.links
        )
        view: nx.DiGraph[str] = built.copy(as_view=True)  # a frozen view: changing it raises
        return view

    # --- other forms ----------------------------------------------------------------------

    @classmethod
    def from_ods(
        cls,
        source: str | Path | IO[str],
        *,
        as_of: dt.date | str | None = None,
        strict: bool = True,
        nations: Nations | str = "england",
        name: str | None = None,
        names: OdsNames | str | Path | Iterable[str | Path] | None = None,
        names_on: dt.date | str | None = None,
    ) -> OdsImport:
        """Build practice → commissioner → ICB → region → national from `epraccur.csv`.

        Reads the NHS ODS GP practice file in its published 27-column, headerless
        layout, one row at a time. Only GP practices (prescribing setting 4) are
        kept; without `as_of` only active ones (status `A`), with `as_of` those open
        on that date by their open and close dates. Every row not kept is returned
        in `OdsImport.skipped` with its line number and reason. Codes follow the one
        ODS code rule (3 to 8 upper-case letters and digits).

        The Commissioner column (15) gives the body the practice joined on its Join
        Provider/Purchaser Date (column 16); before that date the file does not say
        which body commissioned it. So with `as_of` before a practice's join date
        the practice is not placed under a commissioner it did not yet have: its row
        is skipped, with the reason "commissioner not known on `as_of`" and the
        join date. An empty join date places a practice on any date. Likewise from
        its Left Provider/Purchaser Date (column 17) on, the row no longer says who
        commissioned the practice: with `as_of` on or after it, the row is skipped
        with that date.

        Each row gives its practice's chain of parents: as it stands today, or, for
        a closed practice, as it stood when the practice closed. Where rows give a
        commissioner or ICB two parents, rows of practices not closed decide
        (the first of them), and a closed practice's row never does while one is
        open; with closed practices only, the one closed last decides. Each
        conflict resolved so is in `OdsImport.warnings` (a `ParentConflict`); two
        practices not closed that disagree are an error when `strict`.

        Welsh practices (National Grouping `W00`) belong to NHS Wales local health
        boards, not to NHS England: they are skipped unless `nations` is
        `"wales"` or `"both"`, and then sit under their local health board
        (`BodyKind.LOCAL_HEALTH_BOARD`) and NHS Wales (`BodyKind.NHS_WALES`). The
        file's Welsh grouping codes (`W00`, `Q99`) mark the nation; they are not
        bodies. No duty engagekit models binds a Welsh practice (see `duties`).

        Kinds and names follow the date read (`OdsImport.era`: `as_of`, or the
        file's latest date): before 1 July 2022 the commissioner is a CCG
        (`BodyKind.CLINICAL_COMMISSIONING_GROUP`) under an area team or local
        office (`BodyKind.AREA_TEAM`) or an STP; from then a sub-ICB location
        under an ICB. Bodies are named from [`OdsNames`][engagekit.escalation.OdsNames]
        on that date ("NHS Somerset CCG", "South West Commissioning Region"), or by
        their kind and code where no table names them.

        Args:
            source: a path, or a text file object (opened with `newline=""`).
            as_of: keep the practices open on this date (a `datetime.date` or
                'YYYY-MM-DD' text) instead of the active ones, and under the
                commissioner they had joined by then.
            strict: raise on a malformed row or on practices not closed that give
                a body two parents (the default); if false, malformed rows are
                skipped and reported like the others, and every conflict is a
                warning resolved by the rule above.
            nations: `"england"` (the default), `"wales"` or `"both"` (a
                `Nations` value or its text).
            name: the network's name (default: from the file name).
            names: where bodies' names come from: the built-in tables (the
                default), an `OdsNames`, or the path (or paths) of ODS organisation
                files (``eccg.csv``, ``eauth.csv``, ...) laid over them.
            names_on: name bodies as on this date instead of the era (a body the
                tables do not name then keeps its name on the era). To compare
                two files with `diff`, read the older with the newer's `era`, so
                that a body is named from one date's tables on both sides and only
                real renames are reported. Kinds still follow the era.

        Raises:
            DocumentError: a file in another layout, known by its first row (the
                ePCN file, for `from_pcn`; an ODS organisation file of names, for
                `names`); or, when `strict`, naming every malformed row and every
                conflict between practices not closed by line; at most 50 are kept
                and the rest counted.
            ParseError: the file cannot be opened or is not UTF-8 text.
            InvalidValueError: `as_of` is before 1 April 2013 and English practices
                are read: the file names their commissioners (CCGs) only from then.
            InvalidTypeError: `source` is not a path or a text file (a binary file
                is refused), or an argument has the wrong type.

        Examples:
            >>> import io
            >>> row = ("L85001,HEALTH CENTRE,Y58,QSL,,,,,,TA1 1AA,19740401,,A,B,11X,"
            ...        "20130401,,01823,,,,,,,,4,\\n")
            >>> result = EscalationNetwork.from_ods(io.StringIO(row))
            >>> [b.id for b in result.network.route("L85001")]
            ['11X', 'QSL', 'Y58', 'england']
        """
        from engagekit.escalation._ods import read_ods

        return read_ods(
            source,
            as_of=as_of,
            strict=strict,
            nations=nations,
            name=name,
            names=names,
            names_on=names_on,
        )

    @classmethod
    def from_pcn(
        cls,
        source: str | Path | IO[str],
        *,
        network: EscalationNetwork | None = None,
        as_of: dt.date | str | None = None,
        strict: bool = True,
        name: str | None = None,
    ) -> PcnImport:
        """Fill the neighbourhood tier with primary care networks from the ODS ePCN file.

        Reads the ePCN core partner details: one row for each practice's
        membership of a primary care network (PCN), with its start and end dates
        and the PCN's parent sub-ICB location. Accepts the CSV extract
        (`epcncorepartnerdetails.csv`: 11 columns, `YYYYMMDD` dates, with or
        without a header row) or `ePCN.xlsx` (its "PCN Core Partner Details"
        sheet; needs the `xlsx` extra). Dates work as in `from_ods`: without
        `as_of` the memberships with no end date are kept; with `as_of` those in
        force on that day (started on or before it, not ended on or before it).
        Every row not kept is in `PcnImport.skipped` with its line and reason.

        Alone, the network is practice → PCN → sub-ICB location. Given `network`
        (say, from `from_ods`), each member practice's route runs through its PCN
        to the PCN's sub-ICB location, which must be a body of `network`; the
        practice keeps its other links (to its commissioner), no longer primary.

        Practices and PCNs take the names the file gives them. A sub-ICB location
        takes the file's name, cased as `OdsNames` cases ODS organisation names,
        where it had none but its code or one from a built-in table marked
        unverified; a name from a verified table or from the user's own `names=`
        files stays. Alone, a PCN's parent is a clinical commissioning group before
        1 July 2022 (on `as_of`) and a sub-ICB location from then, as in `from_ods`.
        A clinical commissioning group never takes the file's sub-ICB location name
        ("NHS North East and North Cumbria ICB - 16C", its name from 1 July 2022):
        it keeps its CCG name, or is named from its code.

        Args:
            source: a path (`.csv`, or `.xlsx`), or a text file object (opened
                with `newline=""`).
            network: the network to add the PCNs to, or `None` for PCNs alone.
            as_of: keep the memberships in force on this date (a `datetime.date`
                or 'YYYY-MM-DD' text) instead of those with no end date.
            strict: raise on a malformed row, a practice or sub-ICB location not
                in `network`, a practice in two PCNs at once, or a PCN under two
                sub-ICB locations (the default); if false, such rows are skipped
                and reported, the membership that started last is kept, and the
                first row decides a PCN's parent (a warning).
            name: the network's name (default: from the file or `network`).

        Raises:
            DocumentError: a file in another layout (line 1), or, when `strict`,
                every problem row by line (at most 50 kept, the rest counted).
            ParseError: the file cannot be opened or is not UTF-8 text.
            InvalidTypeError: `source` is not a path or a text file, or an
                argument has the wrong type.
            MissingExtraError: an `.xlsx` file without openpyxl installed.

        Examples:
            >>> import io
            >>> csv = ("A81001,THE SURGERY,16C,,U12345,RIVERSIDE PCN,16C,NHS EXAMPLE,"
            ...        "20190701,,TRUE\\n")
            >>> pcns = EscalationNetwork.from_pcn(io.StringIO(csv)).network
            >>> [b.name for b in pcns.route("A81001")]
            ['RIVERSIDE PCN', 'NHS Example']
        """
        from engagekit.escalation._pcn import read_pcn

        return read_pcn(source, network=network, as_of=as_of, strict=strict, name=name)

    # --- the national view ----------------------------------------------------------------

    def summary(self) -> NetworkSummary:
        """How many bodies of each kind sit at each tier, with names where known.

        Examples:
            >>> from engagekit.examples import sutton
            >>> summary = sutton().summary()
            >>> [(row.tier.value, row.kind.value, row.count) for row in summary][:2]
            [('place', 'committee', 1), ('place', 'governing-body', 1)]
        """
        from engagekit.escalation._summary import summarise

        return summarise(self)

    def path(self, body: str | Body) -> PathToTop:
        """The body itself and every body above it on its route to the top, with names.

        Examples:
            >>> from engagekit.examples import sutton
            >>> [b.id for b in sutton().path("sutton-practice-12")]
            ['sutton-practice-12', 'sutton-locality-wallington', 'sutton-governing-body']
        """
        from engagekit.escalation._summary import PathToTop

        start = self.body(body)
        return PathToTop((start, *self.route(start)))

    def diff(self, other: EscalationNetwork) -> NetworkDiff:
        """What changed from this network to `other` (an older one to a newer one).

        See [`NetworkDiff`][engagekit.escalation.NetworkDiff] for what is reported.
        Bodies are compared by their names in the two networks: to compare two
        `epraccur.csv` files, read the older with `from_ods(..., names_on=` the
        newer's `era`), so that engagekit's name tables name both on one date.
        """
        from engagekit.escalation._summary import diff

        return diff(self, other)

    def to_mermaid(self) -> str:
        """Mermaid flowchart text, bottom to top, one subgraph per tier."""
        from engagekit.escalation._output import to_mermaid

        return to_mermaid(self)

    def to_dot(self) -> str:
        """Graphviz DOT text, with one rank per tier."""
        from engagekit.escalation._output import to_dot

        return to_dot(self)

    def to_node_link(self) -> dict[str, Any]:
        """networkx node-link data (``nodes`` and ``links``), ready for ``json.dumps``."""
        from engagekit.escalation._output import to_node_link

        return to_node_link(self)

    @classmethod
    def from_node_link(cls, data: Mapping[str, Any]) -> EscalationNetwork:
        """Rebuild a network from `to_node_link` data (strictly).

        Raises:
            DocumentError: naming each bad key path.
        """
        from engagekit.escalation._output import from_node_link

        return from_node_link(data)

    def _repr_html_(self) -> str:
        return _display.html(self)


def _body_id(body: Body) -> str:
    return body.id


def _check_flag(field: str, value: object) -> None:
    if not isinstance(value, bool):
        raise InvalidTypeError(field, value, expected="true or false")


def _refuse_text(items: object) -> None:
    """Text is iterable, so one body id given as the items would be counted letter by
    letter (and fail on "unknown body 's'"): say what was meant instead."""
    if isinstance(items, str | bytes):
        raise InvalidTypeError(
            "items",
            items,
            expected=f"a list of feedback items or body ids (for one: [{items!r}])",
        )
