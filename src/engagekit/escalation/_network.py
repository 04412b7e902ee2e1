"""The escalation network: bodies, typed links and the operations over them (private).

networkx is imported only when a graph is needed (a same-tier cycle check, the
read-only view, drawing), so that ``import engagekit`` stays cheap.
"""

from __future__ import annotations

import collections

from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import IO, TYPE_CHECKING, Any, TypeVar

import attrs

from engagekit import _validate
from engagekit.errors import GraphStructureError, UnknownNameError, close_matches
from engagekit.escalation._bodies import Body, Link
from engagekit.escalation._results import Coverage, Gaps, SeatCount
from engagekit.escalation._tiers import _TIER_RANK_BY_NAME as _RANK_BY_NAME
from engagekit.escalation._tiers import BodyKind, LinkKind, Tier
from engagekit.sources import Source


if TYPE_CHECKING:
    import datetime as dt

    import networkx as nx

    from engagekit.escalation._ods import OdsImport


T = TypeVar("T")
K = TypeVar("K", bound=Hashable)


def _each(cls: type) -> Callable[[Any, attrs.Attribute[Any], Any], None]:
    detailed = _validate.each(cls)

    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        # set(map(type, …)) runs in C: the common case costs almost nothing.
        if value and set(map(type, value)) != {cls}:
            detailed(instance, attribute, value)

    return check


def _unique_ids(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if len({body.id for body in value}) == len(value):
        return
    seen: set[str] = set()
    for body in value:
        if body.id in seen:
            raise GraphStructureError("two bodies share the id", path=(body.id,))
        seen.add(body.id)


@attrs.frozen(kw_only=True)
class EscalationNetwork:
    """A structure through which patients' views travel up and decisions travel down.

    Built from :class:`Body` values and typed :class:`Link` values, and checked at
    construction:

    - every link joins two known bodies, and no link is given twice;
    - vertical links (escalates to, reports to) never go down a tier, and form no
      cycle;
    - a body with several vertical links marks exactly one as ``primary``: the
      route its voice follows;
    - every practice's route reaches the top (the highest bodies of the structure).

    A broken rule raises :class:`~engagekit.errors.GraphStructureError` naming the
    bodies involved. The operations return plain tuples and dicts in a
    deterministic order; a networkx view is available as :attr:`graph`.

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

    # Indexes built once at construction; not part of the value.
    _index: dict[str, Body] = attrs.field(init=False, eq=False, repr=False, hash=False)
    _up: dict[str, list[str]] = attrs.field(init=False, eq=False, repr=False, hash=False)
    _down: dict[str, list[str]] = attrs.field(init=False, eq=False, repr=False, hash=False)
    _lateral: dict[str, list[str]] = attrs.field(init=False, eq=False, repr=False, hash=False)
    _primary: dict[str, str] = attrs.field(init=False, eq=False, repr=False, hash=False)
    _root: dict[str, str] = attrs.field(init=False, eq=False, repr=False, hash=False)
    _top: tuple[str, ...] = attrs.field(init=False, eq=False, repr=False, hash=False)
    _cache: dict[object, Any] = attrs.field(init=False, eq=False, repr=False, hash=False)

    def __attrs_post_init__(self) -> None:
        index = {body.id: body for body in self.bodies}
        up: dict[str, list[str]] = {}
        down: dict[str, list[str]] = {}
        lateral: dict[str, list[str]] = {}
        primary: dict[str, str] = {}
        same_tier: list[tuple[str, str]] = []
        # Ranks by body id: comparing ints is much cheaper than comparing enum members.
        rank_of = _RANK_BY_NAME
        rank = {body_id: rank_of[body.tier._name_] for body_id, body in index.items()}
        informs = LinkKind.INFORMS
        for link in self.links:
            source, target = link.source, link.target
            if source not in index or target not in index:
                end = source if source not in index else target
                near = close_matches(end, index) if len(index) < 5000 else ()
                hint = f" (did you mean {', '.join(repr(n) for n in near)}?)" if near else ""
                raise GraphStructureError(
                    f"link names an unknown body {end!r}{hint}", path=(source, target)
                )
            if link.kind is informs:
                if link.primary:
                    raise GraphStructureError(
                        "only a vertical link can be primary; 'informs' is lateral",
                        path=(source, target),
                    )
                targets = lateral.setdefault(source, [])
                if target in targets:
                    raise GraphStructureError("link given twice (informs)", path=(source, target))
                targets.append(target)
                continue
            parents = up.get(source)
            if parents is None:
                up[source] = [target]
            elif target in parents:
                raise GraphStructureError(
                    "vertical link given twice (two bodies share at most one)",
                    path=(source, target),
                )
            else:
                parents.append(target)
            low, high = rank[source], rank[target]
            if high < low:
                raise GraphStructureError(
                    f"vertical link goes down a tier ({index[source].tier.value} -> "
                    f"{index[target].tier.value})",
                    path=(source, target),
                )
            if high == low:
                same_tier.append((source, target))
            children = down.get(target)
            if children is None:
                down[target] = [source]
            else:
                children.append(source)
            if link.primary:
                if source in primary:
                    raise GraphStructureError(
                        f"body {source!r} marks two links primary",
                        path=(source, primary[source], target),
                    )
                primary[source] = target
        if same_tier:
            _check_acyclic(same_tier)
        for body_id, parents in up.items():
            if body_id in primary:
                continue
            if len(parents) > 1:
                raise GraphStructureError(
                    f"body {body_id!r} escalates to {', '.join(map(repr, parents))} "
                    "and none is marked primary",
                    path=(body_id, parents[0]),
                )
            primary[body_id] = parents[0]

        root = _roots(index, primary)
        participants = set(up) | set(down)
        candidates = list(participants) if participants else list(index)
        top: tuple[str, ...] = ()
        if candidates:
            top_rank = max(rank[i] for i in candidates)
            top = tuple(sorted(i for i in candidates if rank[i] == top_rank and i not in primary))
        tops = set(top)
        practice = BodyKind.PRACTICE
        for body in self.bodies:
            if body.kind is practice and root[body.id] not in tops:
                path = _walk(body.id, primary)
                last = index[path[-1]]
                raise GraphStructureError(
                    f"practice {body.id!r} has no route to the top (its route ends at "
                    f"{last.id!r}, tier {last.tier.value}; the top is "
                    f"{', '.join(map(repr, top)) or 'empty'})",
                    path=path,
                )

        setattr_ = object.__setattr__
        setattr_(self, "_index", index)
        setattr_(self, "_up", up)
        setattr_(self, "_down", down)
        setattr_(self, "_lateral", lateral)
        setattr_(self, "_primary", primary)
        setattr_(self, "_root", root)
        setattr_(self, "_top", top)
        setattr_(self, "_cache", {})

    # --- lookup ---------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self.bodies)

    def __iter__(self) -> Iterator[Body]:
        return iter(self.bodies)

    def __contains__(self, body: object) -> bool:
        if isinstance(body, Body):
            return self._index.get(body.id) == body
        return isinstance(body, str) and body in self._index

    def body(self, body: str | Body) -> Body:
        """The body with this id (or this body, checked to belong here).

        Raises:
            UnknownNameError: no body has this id; names the closest ids.
        """
        key = body.id if isinstance(body, Body) else body
        try:
            return self._index[key]
        except (KeyError, TypeError):
            raise UnknownNameError("body", body, choices=self._choices(str(key))) from None

    def _choices(self, key: str) -> tuple[str, ...]:
        ids = self._index
        if len(ids) > 2000:  # keep the error cheap on national networks
            return tuple(i for i in ids if i.lower().startswith(key[:3].lower()))[:50]
        return tuple(ids)

    @property
    def top(self) -> tuple[Body, ...]:
        """The bodies at the top of the structure, in id order."""
        return tuple(self._index[i] for i in self._top)

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
        cached = self._cache.get("by_tier")
        if cached is None:
            groups: dict[Tier, list[Body]] = {}
            for body in self.bodies:
                groups.setdefault(body.tier, []).append(body)
            cached = {
                tier: tuple(sorted(groups[tier], key=lambda b: b.id))
                for tier in sorted(groups, reverse=True)
            }
            self._cache["by_tier"] = cached
        # A new dict each call, so a caller's change cannot reach the cache.
        return dict(cached)

    def parents(self, body: str | Body) -> tuple[Body, ...]:
        """The bodies this body's vertical links go to, primary first."""
        key = self.body(body).id
        ids = self._up.get(key, [])
        first = self._primary.get(key)
        ordered = [first, *(i for i in ids if i != first)] if first else ids
        return tuple(self._index[i] for i in ordered)

    def children(self, body: str | Body) -> tuple[Body, ...]:
        """The bodies whose vertical links come to this body, in id order."""
        key = self.body(body).id
        return tuple(self._index[i] for i in sorted(self._down.get(key, [])))

    def informs(self, body: str | Body) -> tuple[Body, ...]:
        """The bodies this body informs laterally, in id order."""
        key = self.body(body).id
        return tuple(self._index[i] for i in sorted(self._lateral.get(key, [])))

    # --- operations -------------------------------------------------------------------

    def route(self, body: str | Body, to: Tier | str | None = None) -> tuple[Body, ...]:
        """Who hears a body's voice next, and after that, following primary links.

        The route stops at the first body at or above tier ``to``; without ``to``
        (or if no body on the route reaches it) it runs to the end, the top.

        Raises:
            UnknownNameError: for an unknown body or tier.

        Examples:
            >>> from engagekit.examples import somerset
            >>> for body in somerset().route("somerset-practice-01-ppg"):
            ...     print(body.name)
            Health Forum, Somerset federation 1
            Somerset county-wide patient and public forum
            Somerset CCG Board
            >>> [b.name for b in somerset().route("somerset-practice-01-ppg", to="federation")]
            ['Health Forum, Somerset federation 1']
        """
        start = self.body(body).id
        tier = None if to is None else Tier.parse(to)
        steps = []
        current = self._primary.get(start)
        index = self._index
        while current is not None:
            steps.append(index[current])
            if tier is not None and index[current].tier >= tier:
                break
            current = self._primary.get(current)
        return tuple(steps)

    def cascade(self, body: str | Body, *, lateral: bool = True) -> dict[Tier, tuple[Body, ...]]:
        """Everyone a message from this body reaches on the way down, by tier.

        The message goes down every vertical link (not only primary ones) and,
        unless ``lateral`` is false, across every "informs" link of a body it
        reaches. Tiers run from the highest down; bodies within a tier are in id
        order. The body itself is not included.

        Examples:
            >>> from engagekit.examples import oxfordshire
            >>> reached = oxfordshire().cascade("occg-governing-body")
            >>> {tier.value: len(bodies) for tier, bodies in reached.items()}
            {'place': 1, 'locality': 12, 'practice': 24}
        """
        start = self.body(body).id
        seen = {start}
        queue = collections.deque([start])
        down, side = self._down, self._lateral
        while queue:
            current = queue.popleft()
            nexts = down.get(current, [])
            if lateral:
                nexts = nexts + side.get(current, [])
            for nxt in nexts:
                if nxt not in seen:
                    seen.add(nxt)
                    queue.append(nxt)
        seen.discard(start)
        groups: dict[Tier, list[Body]] = {}
        for body_id in sorted(seen):
            found = self._index[body_id]
            groups.setdefault(found.tier, []).append(found)
        return {tier: tuple(groups[tier]) for tier in sorted(groups, reverse=True)}

    def _patient_groups(self, practice: str) -> list[str]:
        groups = self._cache.get("patient-groups")
        if groups is None:
            index = self._index
            groups = {}
            for link in self.links:
                for a, b in ((link.source, link.target), (link.target, link.source)):
                    if index[a].kind is BodyKind.PRACTICE and index[b].kind.is_patient_group:
                        groups.setdefault(a, []).append(b)
            self._cache["patient-groups"] = groups
        found: list[str] = groups.get(practice, [])
        return found

    def _represented(self, group: str) -> bool:
        tier = self._index[group].tier
        for link in self._links_from(group):
            if (
                link.kind.is_vertical
                and self._index[link.target].tier > tier
                and link.representatives != 0
            ):
                return True
        return False

    def _links_from(self, body: str) -> tuple[Link, ...]:
        by_source = self._cache.get("links-from")
        if by_source is None:
            grouped: dict[str, list[Link]] = {}
            for link in self.links:
                grouped.setdefault(link.source, []).append(link)
            by_source = {k: tuple(v) for k, v in grouped.items()}
            self._cache["links-from"] = by_source
        found: tuple[Link, ...] = by_source.get(body, ())
        return found

    def coverage(self) -> Coverage:
        """The share of practices with a patient group and with representation, and seats.

        A practice *has a patient group* when a link of any kind joins it to a
        patient participation group (in either direction); it is *represented*
        when that group has a vertical link to a higher tier whose
        ``representatives`` is not 0.

        Examples:
            >>> from engagekit.examples import sutton
            >>> c = sutton().coverage()
            >>> c.practices, c.with_patient_group, c.represented, c.seats_available
            (25, 25, 24, 75)
        """
        practices = self.practices
        with_group = 0
        represented = 0
        for practice in practices:
            groups = self._patient_groups(practice.id)
            if groups:
                with_group += 1
                if any(self._represented(g) for g in groups):
                    represented += 1
        seats = tuple(
            SeatCount(body=b.id, seats=b.seats, filled=b.members)
            for b in sorted(self.bodies, key=lambda b: b.id)
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
        no_group: list[str] = []
        unrepresented: list[str] = []
        for practice in self.practices:
            groups = self._patient_groups(practice.id)
            if not groups:
                no_group.append(practice.id)
            elif not any(self._represented(g) for g in groups):
                unrepresented.append(practice.id)
        tops = set(self._top)
        vertical = set(self._up) | set(self._down)
        no_route = [
            b.id
            for b in self.bodies
            if (b.id in vertical or b.kind.is_forum)
            and b.id not in tops
            and self._root[b.id] not in tops
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

    def ancestors(self, to: Tier | str) -> Mapping[str, str]:
        """For every body, the id of the first body at or above tier ``to`` on its route.

        A body at or above ``to`` maps to itself; a body whose route ends below
        ``to`` maps to the end of its route. Computed once per tier and cached,
        this is the map :meth:`aggregate` counts with.

        Examples:
            >>> from engagekit.examples import sutton
            >>> sutton().ancestors("place")["sutton-practice-07"]
            'sutton-governing-body'
        """
        tier = Tier.parse(to)
        cached = self._cache.get(tier)
        if cached is not None:
            mapping: Mapping[str, str] = cached
            return mapping
        index, primary = self._index, self._primary
        result: dict[str, str] = {}
        for body_id in index:
            path = []
            current = body_id
            while current not in result:
                if index[current].tier >= tier or current not in primary:
                    result[current] = current
                    break
                path.append(current)
                current = primary[current]
            found = result[current]
            for step in path:
                result[step] = found
        view = MappingProxyType(result)
        self._cache[tier] = view
        return view

    def aggregate(
        self,
        items: Iterable[T],
        to: Tier | str,
        *,
        at: Callable[[T], str] | None = None,
        key: Callable[[T], K] | None = None,
    ) -> dict[str, int] | dict[str, dict[K, int]]:
        """Count (or count by ``key``) feedback items at the bodies of tier ``to``.

        Each item is recorded against a body: ``at(item)`` gives its id (without
        ``at`` the items are ids). Each is counted at the first body at or above
        ``to`` on that body's route (see :meth:`ancestors`), so the counts always
        total the number of items. Every body at tier ``to`` appears, with 0 if
        nothing reached it; keys are in id order.

        With ``key``, each body maps to counts by ``key(item)``, in order of the
        keys' text.

        Raises:
            UnknownNameError: an item names a body that is not in the network.

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
        mapping = self.ancestors(to)
        tier = Tier.parse(to)
        ids: Iterable[Any] = items if at is None else map(at, items)
        lookup = mapping.__getitem__
        if key is None:
            try:
                counts = collections.Counter(map(lookup, ids))
            except (KeyError, TypeError) as exc:
                name = exc.args[0] if exc.args else None
                raise UnknownNameError("body", name, choices=self._choices(str(name))) from None
            for body in self.by_tier().get(tier, ()):
                counts.setdefault(body.id, 0)
            return {body_id: counts[body_id] for body_id in sorted(counts)}
        grouped: dict[str, collections.Counter[K]] = {}
        for item in items:
            body_id = at(item) if at is not None else item
            try:
                target = lookup(body_id)  # type: ignore[arg-type]
            except (KeyError, TypeError):
                raise UnknownNameError(
                    "body", body_id, choices=self._choices(str(body_id))
                ) from None
            grouped.setdefault(target, collections.Counter())[key(item)] += 1
        for body in self.by_tier().get(tier, ()):
            grouped.setdefault(body.id, collections.Counter())
        return {
            body_id: dict(sorted(grouped[body_id].items(), key=lambda kv: str(kv[0])))
            for body_id in sorted(grouped)
        }

    # --- networkx -------------------------------------------------------------------------

    @property
    def graph(self) -> nx.DiGraph[str]:
        """A read-only networkx view: nodes are body ids, with ``name``, ``kind`` and
        ``tier`` (string values); edges have ``kind`` and ``primary``.

        Changing the view raises ``networkx.NetworkXError``; the network itself
        never changes.

        Examples:
            >>> import networkx as nx
            >>> from engagekit.examples import sutton
            >>> g = sutton().graph
            >>> nx.shortest_path(g, "sutton-practice-12", "sutton-governing-body")
            ['sutton-practice-12', 'sutton-locality-wallington', 'sutton-governing-body']
        """
        view = self._cache.get("graph")
        if view is None:
            import networkx as nx

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
                        "primary": self._primary.get(link.source) == link.target
                        and link.kind.is_vertical,
                    },
                )
                for link in self.links
            )
            view = built.copy(as_view=True)  # a frozen view: changing it raises
            self._cache["graph"] = view
        result: nx.DiGraph[str] = view
        return result

    # --- other forms ----------------------------------------------------------------------

    @classmethod
    def from_ods(
        cls,
        source: str | Path | IO[str],
        *,
        as_of: dt.date | None = None,
        strict: bool = True,
        name: str | None = None,
    ) -> OdsImport:
        """Build practice → commissioner → ICB → region → national from ``epraccur.csv``.

        Reads the NHS ODS GP practice file in its published 27-column, headerless
        layout. Only GP practices (prescribing setting 4) are kept; without
        ``as_of`` only active ones (status ``A``), with ``as_of`` those open on
        that date by their open and close dates. Every row not kept is returned
        in :attr:`OdsImport.skipped` with its line number and reason.

        Args:
            source: a path, or a text file object.
            as_of: keep the practices open on this date instead of the active ones.
            strict: raise on a malformed row (the default); if false, malformed
                rows are skipped and reported like the others.
            name: the network's name (default: from the file name).

        Raises:
            DocumentError: naming every malformed row by line (wrong number of
                columns, a bad date, a missing code), when ``strict``.
            ParseError: the file cannot be opened.

        Examples:
            >>> import io
            >>> row = ("L85001,HEALTH CENTRE,Y58,QSL,,,,,,TA1 1AA,19740401,,A,B,11X,"
            ...        "20130401,,01823,,,,,,,,4,\\n")
            >>> result = EscalationNetwork.from_ods(io.StringIO(row))
            >>> [b.id for b in result.network.route("L85001")]
            ['11X', 'QSL', 'Y58', 'england']
        """
        from engagekit.escalation._ods import read_ods

        return read_ods(source, as_of=as_of, strict=strict, name=name)

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
        """Rebuild a network from :meth:`to_node_link` data (strictly).

        Raises:
            DocumentError: naming each bad key path.
        """
        from engagekit.escalation._output import from_node_link

        return from_node_link(data)

    def draw(self, ax: Any = None, **options: Any) -> Any:
        """Draw the network with matplotlib, laid out by tier (needs the ``plot`` extra).

        Returns the matplotlib ``Axes``.
        """
        from engagekit.escalation._draw import draw

        return draw(self, ax=ax, **options)

    def _repr_html_(self) -> str:
        from engagekit import render

        return render.html(self)


def _check_acyclic(edges: list[tuple[str, str]]) -> None:
    import networkx as nx

    graph: nx.DiGraph[str] = nx.DiGraph(edges)
    try:
        cycle = nx.find_cycle(graph)
    except nx.NetworkXNoCycle:
        return
    path = [edge[0] for edge in cycle] + [cycle[0][0]]
    raise GraphStructureError("vertical links form a cycle", path=path)


def _roots(index: Mapping[str, Body], primary: Mapping[str, str]) -> dict[str, str]:
    root: dict[str, str] = {}
    for body_id in index:
        path = []
        current = body_id
        while current not in root:
            parent = primary.get(current)
            if parent is None:
                root[current] = current
                break
            path.append(current)
            current = parent
        found = root[current]
        for step in path:
            root[step] = found
    return root


def _walk(start: str, primary: Mapping[str, str]) -> tuple[str, ...]:
    path = [start]
    current = primary.get(start)
    while current is not None:
        path.append(current)
        current = primary.get(current)
    return tuple(path)
