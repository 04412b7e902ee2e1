"""The cited rules a decision is evaluated against (private)."""

from __future__ import annotations

import bisect
import datetime as dt
import functools

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

import attrs

from engagekit import _display, _validate, _value
from engagekit._display import Listing
from engagekit.errors import InvalidValueError, UnknownNameError
from engagekit.sources import LegalForce, Source


T = TypeVar("T")


def _after_start(instance: Rule, attribute: attrs.Attribute[Any], value: object) -> None:
    _validate.optional_date(instance, attribute, value)
    if (
        value is not None
        and instance.applies_from is not None
        and isinstance(value, dt.date)
        and value < instance.applies_from
    ):
        raise InvalidValueError(
            f"Rule({instance.id!r}).applies_to",
            value,
            reason=f"must not be before applies_from ({instance.applies_from.isoformat()})",
        )


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class Rule(_display.Displayable):
    """One rule a decision is judged against, with where it comes from.

    Its ``repr`` is one line: its id, the start of its title, its legal force and
    the dates it applies between; ``str``, a notebook and [`engagekit.render`][] show
    it as a fact sheet headed by its title (what it asks, its force, its source and
    the dates), with a table of its secondary sources.

    Attributes:
        id: a stable id such as ``"test.gp-support"``; the part before the dot names
            the family (``triangle``, ``limb``, ``proportionality``, ``scrutiny``,
            ``equality``, ``test``, ``bed``, ``gunning``).
        title: the rule in a few words, as the source puts it.
        statement: what the rule asks (paraphrased, or quoted where the source's
            wording matters, as for the four tests).
        source: where it comes from, with its legal force (``source.force``): for law,
            the legislation itself on legislation.gov.uk, or the case.
        secondary: secondary sources that restate or apply the rule (a council's
            committee papers quoting a statute, a chambers' note on a case), kept
            beside the primary source, never instead of it.
        applies_from: the first decision date the rule applies to, if it is dated.
        applies_to: the last decision date it applies to, if it has ended.

    Examples:
        >>> from engagekit.decisions import rule
        >>> r = rule("test.bed-closures")
        >>> r
        <Rule 'test.bed-closures' 'Bed-closure test' (national policy, from 2017-04-01)>
        >>> r.applies_from
        datetime.date(2017, 4, 1)
        >>> import datetime as dt
        >>> r.applies_on(dt.date(2017, 3, 31)), r.applies_on(dt.date(2017, 4, 1))
        (False, True)
        >>> r.force.label
        'national policy'
        >>> limb = rule("limb.planning")
        >>> limb.source.url
        'https://www.legislation.gov.uk/ukpga/2006/41/section/14Z2/2013-04-01'
        >>> limb.secondary[0].publisher
        'Hartlepool Borough Council'
        >>> print(r)  # doctest: +ELLIPSIS
        Bed-closure test
        ================
        Id: test.bed-closures
        Asks: ...
        Force: national policy, not law
        Applies: to decisions from 2017-04-01
        Source: Landmark Chambers, New bed closure test: ...
    """

    id: str = attrs.field(validator=_validate.identifier)
    title: str = attrs.field(validator=_validate.text)
    statement: str = attrs.field(validator=_validate.text)
    source: Source = attrs.field(validator=_validate.instance_of(Source))
    secondary: tuple[Source, ...] = attrs.field(
        default=(), converter=_validate.to_tuple, validator=_validate.each(Source)
    )
    applies_from: dt.date | None = attrs.field(default=None, validator=_validate.optional_date)
    applies_to: dt.date | None = attrs.field(default=None, validator=_after_start)

    def __repr__(self) -> str:
        shown = [] if self.force is None else [self.force.label]
        dates = []
        if self.applies_from is not None:
            dates.append(f"from {self.applies_from.isoformat()}")
        if self.applies_to is not None:
            dates.append(f"to {self.applies_to.isoformat()}")
        if dates:
            shown.append(" ".join(dates))
        detail = f" ({', '.join(shown)})" if shown else ""
        return f"<Rule {_display.quoted(self.id)} {_display.quoted(self.title, 40)}{detail}>"

    @property
    def force(self) -> LegalForce | None:
        """The rule's legal force (its source's): only statute, regulations and case
        law make a gap a breach."""
        return self.source.force

    def applies_on(self, on: dt.date | str) -> bool:
        """Whether the rule applies to a decision taken on ``on`` (a date or ``"YYYY-MM-DD"``).

        Raises:
            InvalidTypeError: ``on`` is not a date.
        """
        if type(on) is not dt.date:
            on = _validate.as_date("on", on)
        if self.applies_from is not None and on < self.applies_from:
            return False
        return self.applies_to is None or on <= self.applies_to


@attrs.frozen(kw_only=True)
@_value.shared_methods
class _RulesFile:
    rule: tuple[Rule, ...] = attrs.field(
        converter=_validate.to_tuple,
        validator=[_validate.each(Rule), _validate.unique(lambda r: r.id, "rule id")],
    )


@functools.cache
def _index() -> dict[str, Rule]:
    from engagekit import _data

    loaded = _data.load_builtin("decision_rules.toml", _RulesFile)
    return {r.id: r for r in loaded.rule}


class Rules(Listing[Rule]):
    """Decision rules as a table: id, title, legal force, source and the dates they apply
    between.

    `str()` lists them as a table, or as an entry per rule where a table would be wider
    than 100 columns (a rule's id cannot wrap, nor its source's address); notebooks show
    an HTML table.

    Examples:
        >>> from engagekit.decisions import rules
        >>> rules()
        <Rules with 34 rules>
        >>> rules().to_records()[0]["id"]
        'triangle.acceptable'
    """

    __slots__ = ()

    noun = "rules"
    columns = ("id", "title", "force", "source", "applies from", "applies to")

    def row(self, item: Rule) -> tuple[object, ...]:
        """The rule's id, title, legal force, source and dates."""
        force = None if item.force is None else item.force.label
        return (item.id, item.title, force, str(item.source), item.applies_from, item.applies_to)


def rules() -> Rules:
    """Every built-in decision rule, in file order (loaded on first call).

    Examples:
        >>> from engagekit.decisions import rules
        >>> [r.id for r in rules() if r.id.startswith("triangle.")][:3]
        ['triangle.acceptable', 'triangle.affordable', 'triangle.safe-and-effective']
    """
    return Rules(_index().values())


def rule(rule_id: str) -> Rule:
    """The built-in rule with this id.

    Raises:
        UnknownNameError: naming the closest ids.

    Examples:
        >>> from engagekit.decisions import rule
        >>> rule("gunning.adequate-time").title
        'Allow adequate time'
    """
    try:
        return _index()[rule_id]
    except KeyError:
        raise UnknownNameError("decision rule", rule_id, choices=_index()) from None


def by_date(dated: Iterable[Rule], pick: Callable[[dt.date], T]) -> Callable[[dt.date], T]:
    """``pick`` as a lookup: one bisect over the days the ``dated`` rules start or end.

    ``pick(day)`` must depend on ``day`` only through which of the ``dated`` rules
    apply on it; it is called once per stretch of days between their dates. (A cache
    by day would miss on every new day of a long run of decisions.)
    """
    points = sorted(
        {r.applies_from for r in dated if r.applies_from is not None}
        | {r.applies_to + dt.timedelta(days=1) for r in dated if r.applies_to is not None}
    )
    values = [pick(dt.date.min), *(pick(day) for day in points)]
    right = bisect.bisect_right
    return lambda day: values[right(points, day)]
