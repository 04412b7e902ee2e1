"""Closing the loop: feedback, responses, outcomes and their lineage (private)."""

from __future__ import annotations

import datetime as dt
import functools

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

import attrs

from engagekit import _display, _validate, _value
from engagekit.errors import InvalidTypeError, InvalidValueError, UnknownNameError
from engagekit.plans._kinds import ChangeStatus, Channel, FeedbackKind


if TYPE_CHECKING:
    import networkx as nx


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class FeedbackItem:
    """One piece of feedback: "you said".

    Its ``repr`` is one line: its id, date, channel and kind, the theme, question,
    body and tier it has, and the start of what was said.

    Attributes:
        id: the item's id.
        date: when it was given.
        channel: where it came in.
        text: what was said (paraphrased, never naming the person).
        theme: the theme it was filed under, if any.
        kind: concern, suggestion, compliment or question.
        asked: the question or consultation it answered ("we asked"), if any.
        body: the body of an escalation network where it arose (a string id), if known.
        tier: that body's tier (a string id such as "practice", "locality"), if known.

    Examples:
        >>> FeedbackItem(id="f1", date=dt.date(2015, 5, 1), channel="PALS",
        ...              text="Parking at the clinic is full by nine", theme="access")
        ... # doctest: +NORMALIZE_WHITESPACE
        <FeedbackItem 'f1' 2015-05-01 pals concern, theme='access':
         'Parking at the clinic is full by nine'>
    """

    id: str = attrs.field(validator=_validate.text)
    date: dt.date = attrs.field(validator=_validate.a_date)
    channel: Channel = attrs.field(converter=Channel)
    text: str = attrs.field(validator=_validate.text)
    theme: str | None = attrs.field(default=None, validator=_validate.optional_text)
    kind: FeedbackKind = attrs.field(default=FeedbackKind.CONCERN, converter=FeedbackKind)
    asked: str | None = attrs.field(default=None, validator=_validate.optional_text)
    body: str | None = attrs.field(default=None, validator=_validate.optional_text)
    tier: str | None = attrs.field(default=None, validator=_validate.optional_text)

    def __repr__(self) -> str:
        shown = [f"{self.channel.value} {self.kind.value}"]
        shown += [
            f"{name}={value!r}"
            for name in ("theme", "asked", "body", "tier")
            if (value := getattr(self, name)) is not None
        ]
        head = f"FeedbackItem {_display.quoted(self.id)} {self.date.isoformat()}"
        return f"<{head} {', '.join(shown)}: {_display.quoted(self.text, 40)}>"


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class Response:
    """What was done about feedback: "we did".

    Its ``repr`` is one line: its id, date, the items it answers, whether it changed
    anything, the decision and action it fed, and the start of what was done.

    Attributes:
        id: the response's id.
        feedback: ids of the items it answers.
        date: when it was made.
        text: what was done.
        change: whether it led to a change (none, planned, made).
        decision: the id of the decision it fed (a string id), if any.
        action: the id of the plan action it started or fed, if any.

    Examples:
        >>> Response(id="r1", feedback=["f1", "f2"], date=dt.date(2018, 9, 1),
        ...          text="Evening appointments", change="planned")
        <Response 'r1' 2018-09-01 answering ('f1', 'f2'), change planned: 'Evening appointments'>
    """

    id: str = attrs.field(validator=_validate.text)
    feedback: tuple[str, ...] = attrs.field(
        converter=_validate.to_tuple, validator=_validate.each_text
    )
    date: dt.date = attrs.field(validator=_validate.a_date)
    text: str = attrs.field(validator=_validate.text)
    change: ChangeStatus = attrs.field(default=ChangeStatus.NONE, converter=ChangeStatus)
    decision: str | None = attrs.field(default=None, validator=_validate.optional_text)
    action: str | None = attrs.field(default=None, validator=_validate.optional_text)

    def __repr__(self) -> str:
        shown = [f"answering {self.feedback!r}", f"change {self.change.value}"]
        shown += [f"{name}={getattr(self, name)!r}" for name in ("decision", "action")]
        shown = [part for part in shown if not part.endswith("=None")]
        head = f"Response {_display.quoted(self.id)} {self.date.isoformat()}"
        return f"<{head} {', '.join(shown)}: {_display.quoted(self.text, 40)}>"

    @feedback.validator
    def _some(self, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
        if not value:
            raise InvalidValueError(
                f"Response {self.id!r}.feedback", value, reason="must answer at least one item"
            )


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class FeedbackOutcome:
    """What came of a response: "the outcome was".

    Its ``repr`` is one line: its id, the response, the date, the start of the
    outcome and the evidence.

    Attributes:
        id: the outcome's id.
        response: the id of the response it follows.
        date: when it was recorded.
        text: the outcome.
        evidence: where it is shown: the ids of [`Evidence`][engagekit.evidence.Evidence]
            records (a report, minutes, a web page), or a reference in words.

    Examples:
        >>> outcome = FeedbackOutcome(id="o1", response="r1", date=dt.date(2018, 12, 1),
        ...                           text="300 evening appointments",
        ...                           evidence=["gb-minutes-2018-12"])
        >>> outcome.evidence
        ('gb-minutes-2018-12',)
        >>> outcome  # doctest: +NORMALIZE_WHITESPACE
        <FeedbackOutcome 'o1' of 'r1' 2018-12-01: '300 evening appointments',
         evidence=('gb-minutes-2018-12',)>
    """

    id: str = attrs.field(validator=_validate.text)
    response: str = attrs.field(validator=_validate.text)
    date: dt.date = attrs.field(validator=_validate.a_date)
    text: str = attrs.field(validator=_validate.text)
    evidence: tuple[str, ...] = attrs.field(
        default=(), converter=_validate.to_tuple, validator=_validate.each_text
    )

    def __repr__(self) -> str:
        head = (
            f"FeedbackOutcome {_display.quoted(self.id)} of {_display.quoted(self.response)} "
            f"{self.date.isoformat()}: {_display.quoted(self.text, 40)}"
        )
        return f"<{head}, evidence={self.evidence!r}>" if self.evidence else f"<{head}>"


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class LoopMetrics(_display.Tabular):
    """How well the loop was closed for a set of feedback, as of a date.

    Its ``repr`` is one line: the items closed, the concerns answered with a change,
    the median days to respond and the items past the response standard.

    Attributes:
        total: items given on or before the date.
        closed: items with a response on or before the date.
        closure_rate: ``closed / total`` (``None`` when there are no items).
        concerns: items that raise a concern.
        changed: concerns answered with a change planned or made.
        change_rate: ``changed / concerns``, the Care Opinion measure (``None``
            without concerns).
        median_days_to_respond: median days from item to its first response,
            over closed items (``None`` when none is closed).
        past_standard: items still without a response more than the response
            standard's days after they were given (0 when no standard is given).
    """

    total: int
    closed: int
    closure_rate: float | None
    concerns: int
    changed: int
    change_rate: float | None
    median_days_to_respond: float | None
    past_standard: int

    def __repr__(self) -> str:
        parts = [
            f"{self.closed} of {_display.counted(self.total, 'items')} closed",
            f"{self.changed} of {_display.counted(self.concerns, 'concerns')} changed",
        ]
        if self.median_days_to_respond is not None:
            parts.append(f"median {self.median_days_to_respond:g} days to respond")
        parts.append(f"{self.past_standard} past the standard")
        return f"<LoopMetrics {', '.join(parts)}>"

    def _repr_html_(self) -> str:
        return _display.html(self)


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class Lineage:
    """What happened to one piece of feedback, from theme to evidence.

    Its ``repr`` is one line: the item's id, whether it was closed, then its theme
    and the ids of its responses, decisions, actions, outcomes and evidence (those
    it has).

    Examples:
        >>> from engagekit import examples
        >>> loop = examples.oxfordshire_synthetic_loop()
        >>> loop.trace("TH-1002")[0]  # doctest: +NORMALIZE_WHITESPACE
        <Lineage of 'report-back' closed: theme='report-back', responses=('wd-report-back',),
         decisions=('occg-strategy-approval',), actions=('7.15',), outcomes=('o-report-back',),
         evidence=('occg-response-report',)>
    """

    item: FeedbackItem
    theme: str | None
    responses: tuple[Response, ...]
    decisions: tuple[str, ...]
    actions: tuple[str, ...]
    outcomes: tuple[FeedbackOutcome, ...]
    evidence: tuple[str, ...]

    def __repr__(self) -> str:
        shown = [] if self.theme is None else [f"theme={self.theme!r}"]
        ids = {
            "responses": tuple(r.id for r in self.responses),
            "decisions": self.decisions,
            "actions": self.actions,
            "outcomes": tuple(o.id for o in self.outcomes),
            "evidence": self.evidence,
        }
        shown += [f"{name}={value!r}" for name, value in ids.items() if value]
        head = f"Lineage of {_display.quoted(self.item.id)} {'closed' if self.closed else 'open'}"
        return f"<{head}: {', '.join(shown)}>" if shown else f"<{head}>"

    @property
    def closed(self) -> bool:
        """Whether anything was done about it."""
        return bool(self.responses)


_GROUPS: dict[str, Callable[[FeedbackItem], str | None]] = {
    "theme": lambda item: item.theme,
    "channel": lambda item: item.channel.value,
    "tier": lambda item: item.tier,
    "body": lambda item: item.body,
    "kind": lambda item: item.kind.value,
}


class FeedbackItems(_display.Listing[FeedbackItem]):
    """Feedback items a loop query found (`FeedbackLoop.informed`,
    `FeedbackLoop.past_standard`), in the loop's order.

    Examples:
        >>> item = FeedbackItem(id="f1", date=dt.date(2015, 5, 1), channel="PALS",
        ...                     text="Parking at the clinic is full by nine")
        >>> FeedbackLoop(items=[item]).past_standard("2015-07-01", 20)
        <FeedbackItems with 1 item>
    """

    __slots__ = ()
    noun = "items"
    columns = ("id", "date", "channel", "theme", "text")

    def row(self, item: FeedbackItem) -> tuple[object, ...]:
        return (item.id, item.date, item.channel, item.theme, item.text)


class MetricsByGroup(_display.Listing[tuple[str | None, LoopMetrics]]):
    """`FeedbackLoop.metrics_by`: ``(key, LoopMetrics)`` pairs sorted by key.

    Examples:
        >>> item = FeedbackItem(id="f1", date=dt.date(2015, 5, 1), channel="PALS",
        ...                     text="Parking at the clinic is full by nine")
        >>> by_channel = FeedbackLoop(items=[item]).metrics_by("channel", "2015-06-01")
        >>> by_channel.to_records()[0]["total"]
        1
    """

    __slots__ = ()
    noun = "groups"
    columns = ("group", "total", "closed", "closure rate", "concerns", "changed", "change rate")
    percent = frozenset({"closure rate", "change rate"})

    def row(self, item: tuple[str | None, LoopMetrics]) -> tuple[object, ...]:
        key, m = item
        return (key, m.total, m.closed, m.closure_rate, m.concerns, m.changed, m.change_rate)

    def as_dict(self) -> dict[str | None, LoopMetrics]:
        """The metrics by key, as a dict."""
        return dict(self)


class _ItemIndex:
    """Each item by id, and its place in the loop (private)."""

    __slots__ = ("item", "position")

    def __init__(self, loop: FeedbackLoop) -> None:
        self.item: dict[str, FeedbackItem] = {}
        self.position: dict[str, int] = {}
        for number, item in enumerate(loop.items):
            self.item[item.id] = item
            self.position[item.id] = number


class _LineageIndex:
    """Each item's responses and each response's outcomes, in loop order (private)."""

    __slots__ = ("outcome_at", "outcomes_of", "responses_of")

    def __init__(self, loop: FeedbackLoop) -> None:
        self.responses_of: dict[str, list[Response]] = {}
        for response in loop.responses:
            for item_id in response.feedback:
                self.responses_of.setdefault(item_id, []).append(response)
        self.outcomes_of: dict[str, list[FeedbackOutcome]] = {}
        self.outcome_at: dict[str, int] = {}
        for number, outcome in enumerate(loop.outcomes):
            self.outcomes_of.setdefault(outcome.response, []).append(outcome)
            self.outcome_at[outcome.id] = number


def _informed_index(loop: FeedbackLoop) -> dict[str, list[str]]:
    """The ids of the items each decision's responses answer (may repeat) (private)."""
    informed: dict[str, list[str]] = {}
    for response in loop.responses:
        if response.decision:
            found = informed.get(response.decision)
            if found is None:
                informed[response.decision] = list(response.feedback)
            else:
                found.extend(response.feedback)
    return informed


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class FeedbackLoop(_display.Displayable, _display.Tabular):
    """Feedback and what was done about it, kept as a lineage graph.

    The graph (built on first use with networkx) runs feedback → theme → decision
    → action → evidence, with responses and outcomes between: each item points
    to its theme and its responses; a response to the decision and action it fed
    and its outcomes; an outcome to its evidence; a theme to the decisions its
    items fed, and a decision to the actions taken on it. Decisions and actions are
    string ids, so that loops can refer to decisions and plan actions kept
    elsewhere.

    Raises:
        InvalidValueError: a response answers an unknown item or is dated before
            it, an outcome follows an unknown response or is dated before it, or
            ids repeat.

    Example (an illustration, not taken from a source):
        >>> items = [
        ...     FeedbackItem(id="f1", date=dt.date(2015, 5, 1), channel=Channel.PUBLIC_MEETING,
        ...                  text="Evening meetings would let working people come", theme="access"),
        ...     FeedbackItem(id="f2", date=dt.date(2015, 6, 1), channel=Channel.ONLINE_CONSULTATION,
        ...                  text="The website is hard to search", theme="information"),
        ... ]
        >>> loop = FeedbackLoop(items=items, responses=[
        ...     Response(id="r1", feedback=["f1"], date=dt.date(2015, 6, 15), decision="d-7",
        ...              text="Forums alternate day and evening", change=ChangeStatus.MADE),
        ... ])
        >>> m = loop.metrics(dt.date(2015, 12, 31))
        >>> m.closure_rate, m.change_rate, m.median_days_to_respond
        (0.5, 0.5, 45.0)
        >>> [i.id for i in loop.informed("d-7")]
        ['f1']
        >>> loop
        <FeedbackLoop with 2 items, 1 response and 0 outcomes>
    """

    items: tuple[FeedbackItem, ...] = attrs.field(
        converter=_validate.to_tuple,
        validator=[_validate.each(FeedbackItem), _validate.unique(lambda i: i.id, "feedback id")],
    )
    responses: tuple[Response, ...] = attrs.field(
        default=(),
        converter=_validate.to_tuple,
        validator=[_validate.each(Response), _validate.unique(lambda r: r.id, "response id")],
    )
    outcomes: tuple[FeedbackOutcome, ...] = attrs.field(
        default=(),
        converter=_validate.to_tuple,
        validator=[
            _validate.each(FeedbackOutcome),
            _validate.unique(lambda o: o.id, "outcome id"),
        ],
    )
    _graph: Any = attrs.field(init=False, default=None, eq=False, repr=False, hash=False)

    def __repr__(self) -> str:
        return _display.short_repr(
            self,
            "FeedbackLoop",
            [
                (len(self.items), "items"),
                (len(self.responses), "responses"),
                (len(self.outcomes), "outcomes"),
            ],
        )

    def __attrs_post_init__(self) -> None:
        dates = {item.id: item.date for item in self.items}
        for response in self.responses:
            for item_id in response.feedback:
                if item_id not in dates:
                    raise UnknownNameError("feedback item", item_id, choices=dates)
                if response.date < dates[item_id]:
                    raise InvalidValueError(
                        f"Response {response.id!r}.date",
                        response.date,
                        reason=f"is before feedback {item_id!r} dated {dates[item_id].isoformat()}",
                    )
        answered = {r.id: r.date for r in self.responses}
        for outcome in self.outcomes:
            if outcome.response not in answered:
                raise UnknownNameError("response", outcome.response, choices=answered)
            if outcome.date < answered[outcome.response]:
                raise InvalidValueError(
                    f"FeedbackOutcome {outcome.id!r}.date",
                    outcome.date,
                    reason=f"is before response {outcome.response!r}",
                )

    # --- the graph ---------------------------------------------------------------

    def graph(self) -> nx.DiGraph[tuple[str, str]]:
        """A read-only view of the lineage graph; nodes are ``(kind, id)`` pairs.

        Kinds: ``feedback``, ``theme``, ``response``, ``decision``, ``action``,
        ``outcome``, ``evidence``.
        """
        if self._graph is None:
            import networkx as nx

            object.__setattr__(self, "_graph", nx.freeze(self._build()))
        graph: nx.DiGraph[tuple[str, str]] = self._graph
        return graph

    def _build(self) -> Any:
        import networkx as nx

        graph: nx.DiGraph[tuple[str, str]] = nx.DiGraph()
        by_item = {item.id: item for item in self.items}
        for item in self.items:
            graph.add_node(("feedback", item.id))
            if item.theme:
                graph.add_edge(("feedback", item.id), ("theme", item.theme))
        for response in self.responses:
            node = ("response", response.id)
            for item_id in response.feedback:
                graph.add_edge(("feedback", item_id), node)
                theme = by_item[item_id].theme
                if theme and response.decision:
                    graph.add_edge(("theme", theme), ("decision", response.decision))
            if response.decision:
                graph.add_edge(node, ("decision", response.decision))
            if response.action:
                graph.add_edge(node, ("action", response.action))
                if response.decision:
                    graph.add_edge(("decision", response.decision), ("action", response.action))
        for outcome in self.outcomes:
            graph.add_edge(("response", outcome.response), ("outcome", outcome.id))
            for evidence in outcome.evidence:
                graph.add_edge(("outcome", outcome.id), ("evidence", evidence))
        return graph

    # --- queries -----------------------------------------------------------------

    def item(self, item_id: str) -> FeedbackItem:
        """The item with this id.

        Raises:
            UnknownNameError: naming the closest ids.
        """
        try:
            return self._items.item[item_id]
        except (KeyError, TypeError):
            raise UnknownNameError("feedback item", item_id, choices=self._items.item) from None

    # Indexes built once per loop, each on first use (a loop is never changed).

    @functools.cached_property
    def _items(self) -> _ItemIndex:
        return _ItemIndex(self)

    @functools.cached_property
    def _lineage(self) -> _LineageIndex:
        return _LineageIndex(self)

    @functools.cached_property
    def _informed(self) -> dict[str, list[str]]:
        return _informed_index(self)

    def trace(self, item_id: str) -> Lineage:
        """What happened to this feedback: its responses, decisions, actions, outcomes.

        Raises:
            UnknownNameError: no such item.
        """
        item = self.item(item_id)
        index = self._lineage
        responses = tuple(index.responses_of.get(item_id, ()))
        outcomes = tuple(
            sorted(
                (o for r in responses for o in index.outcomes_of.get(r.id, ())),
                key=lambda o: index.outcome_at[o.id],
            )
        )
        return Lineage(
            item=item,
            theme=item.theme,
            responses=responses,
            decisions=tuple(dict.fromkeys(r.decision for r in responses if r.decision)),
            actions=tuple(dict.fromkeys(r.action for r in responses if r.action)),
            outcomes=outcomes,
            evidence=tuple(dict.fromkeys(e for o in outcomes for e in o.evidence)),
        )

    def informed(self, decision_id: str) -> FeedbackItems:
        """The feedback that informed a decision, in the loop's order.

        The items answered by a response that names the decision: the graph's
        paths from feedback through a response to the decision (a shared theme
        alone does not inform). Looked up in an index built once per loop.

        Raises:
            UnknownNameError: no response names this decision.
        """
        informed = self._informed
        try:
            sources = informed[decision_id]
        except (KeyError, TypeError):
            raise UnknownNameError("decision", decision_id, choices=sorted(informed)) from None
        index = self._items
        position = index.position
        ordered = sorted(dict.fromkeys(sources), key=position.__getitem__)
        return FeedbackItems(map(index.item.__getitem__, ordered))

    # --- metrics -----------------------------------------------------------------

    def metrics(
        self,
        as_of: dt.date | str,
        *,
        standard_days: int | None = None,
        since: dt.date | str | None = None,
    ) -> LoopMetrics:
        """The loop's metrics for items given from ``since`` to ``as_of``.

        Responses after ``as_of`` do not count. With ``standard_days`` (a response
        standard such as 20 working days written as calendar days), items still
        unanswered more than that many days after they were given count as past
        the standard.
        """
        day, days, start = _metric_args(as_of, standard_days, since)
        return _metrics(self._indexed(day), self.items, day, days, start)

    def metrics_by(
        self,
        by: str,
        as_of: dt.date | str,
        *,
        standard_days: int | None = None,
        since: dt.date | str | None = None,
    ) -> MetricsByGroup:
        """`metrics` for each theme, channel, tier, body or kind, sorted by key.

        Raises:
            InvalidValueError: ``by`` is not one of those.

        Examples:
            >>> item = FeedbackItem(id="f1", date=dt.date(2015, 5, 1), channel=Channel.PALS,
            ...                     text="Parking at the clinic is full by nine")
            >>> loop = FeedbackLoop(items=[item])
            >>> {k: m.total for k, m in loop.metrics_by("channel", dt.date(2015, 6, 1))}
            {'pals': 1}
        """
        if not isinstance(by, str):
            raise InvalidTypeError("by", by, expected="text: " + ", ".join(_GROUPS))
        if by not in _GROUPS:
            raise InvalidValueError("by", by, allowed=tuple(_GROUPS))
        day, days, start = _metric_args(as_of, standard_days, since)
        key = _GROUPS[by]
        groups: dict[str | None, list[FeedbackItem]] = {}
        for item in self.items:
            groups.setdefault(key(item), []).append(item)
        index = self._indexed(day)
        return MetricsByGroup(
            (name, _metrics(index, groups[name], day, days, start))
            for name in sorted(groups, key=lambda k: (k is None, k or ""))
        )

    def past_standard(self, as_of: dt.date | str, standard_days: int) -> FeedbackItems:
        """Items still unanswered on ``as_of`` more than ``standard_days`` after they were given."""
        day = _validate.as_date("as_of", as_of)
        days = _standard_days(standard_days)
        first = self._indexed(day)
        return FeedbackItems(
            item
            for item in self.items
            if item.date <= day and item.id not in first[0] and (day - item.date).days > days
        )

    def _indexed(self, as_of: dt.date) -> tuple[dict[str, dt.date], dict[str, bool]]:
        first: dict[str, dt.date] = {}
        changed: dict[str, bool] = {}
        for response in self.responses:
            if response.date > as_of:
                continue
            made = response.change is not ChangeStatus.NONE
            for item_id in response.feedback:
                known = first.get(item_id)
                first[item_id] = response.date if known is None else min(known, response.date)
                if made:
                    changed[item_id] = True
        return first, changed

    def between(self, start: dt.date | str, end: dt.date | str) -> FeedbackLoop:
        """The loop restricted to items given from ``start`` to ``end`` and their follow-up."""
        first = _validate.as_date("start", start)
        last = _validate.as_date("end", end)
        items = tuple(i for i in self.items if first <= i.date <= last)
        ids = {i.id for i in items}
        responses = tuple(
            attrs.evolve(r, feedback=tuple(f for f in r.feedback if f in ids))
            for r in self.responses
            if any(f in ids for f in r.feedback)
        )
        kept = {r.id for r in responses}
        outcomes = tuple(o for o in self.outcomes if o.response in kept)
        return FeedbackLoop(items=items, responses=responses, outcomes=outcomes)


def _metric_args(
    as_of: object, standard_days: object, since: object
) -> tuple[dt.date, int | None, dt.date | None]:
    day = _validate.as_date("as_of", as_of)
    days = None if standard_days is None else _standard_days(standard_days)
    start = None if since is None else _validate.as_date("since", since)
    return day, days, start


def _standard_days(value: object) -> int:
    """A response standard in days: a whole number, 0 or more (as a tolerance is)."""
    days = _validate.as_int("standard_days", value)
    if days < 0:
        raise InvalidValueError("standard_days", days, reason="must be 0 or more")
    return days


def _metrics(
    index: tuple[dict[str, dt.date], dict[str, bool]],
    items: Iterable[FeedbackItem],
    as_of: dt.date,
    standard_days: int | None,
    since: dt.date | None,
) -> LoopMetrics:
    first, changed = index
    total = closed = concerns = change = past = 0
    waits: list[int] = []
    for item in items:
        if item.date > as_of or (since is not None and item.date < since):
            continue
        total += 1
        answered = first.get(item.id)
        if answered is not None:
            closed += 1
            waits.append((answered - item.date).days)
        elif standard_days is not None and (as_of - item.date).days > standard_days:
            past += 1
        if item.kind is FeedbackKind.CONCERN:
            concerns += 1
            if changed.get(item.id):
                change += 1
    return LoopMetrics(
        total=total,
        closed=closed,
        closure_rate=closed / total if total else None,
        concerns=concerns,
        changed=change,
        change_rate=change / concerns if concerns else None,
        median_days_to_respond=_median(waits),
        past_standard=past,
    )


def _median(values: list[int]) -> float | None:
    # `statistics.median`'s arithmetic, without importing `statistics` (and `random`)
    # on a first call.
    if not values:
        return None
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return float(ordered[middle])
    return (ordered[middle - 1] + ordered[middle]) / 2
