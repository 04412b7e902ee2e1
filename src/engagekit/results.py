"""The one shape every judgement engagekit makes shares.

A decision's [`Verdict`][engagekit.decisions.Verdict], a duty checklist's
[`ComplianceReport`][engagekit.duties.ComplianceReport], a consultation check, a rubric
result, an EDS grading and a representation report are all a
[`Result`][engagekit.results.Result]:

- ``outcome``: one [`Outcome`][engagekit.results.Outcome], the worst of its reasons';
- ``ok``: whether the outcome lets the thing go ahead (met, or partly met);
- ``reasons``: every judgement made, each a [`Reason`][engagekit.results.Reason] that
  carries the rule applied, the evidence used and the rule's `Source`;
- ``gaps``: the reasons short of met; ``blocking``: the reasons that make it not ok;
- ``breaches``: the reasons not met against law (statute, regulations, case law), the
  only ones that are breaches; ``overridable``: the blocking reasons that are guidance,
  policy, local practice or engagekit's convention, which the decision maker may
  depart from (guidance only with recorded reasons).

``bool(result)`` is ``result.ok``, so ``if evaluate(decision): …`` reads as it should.

Judgements are never exceptions: a decision that is not ready is a normal result.

Examples:
    >>> from engagekit.results import Outcome
    >>> Outcome.worst([Outcome.MET, Outcome.INSUFFICIENT_EVIDENCE, Outcome.PARTLY_MET])
    <Outcome.INSUFFICIENT_EVIDENCE: 'insufficient-evidence'>
    >>> Outcome.parse("not ready") is Outcome.NOT_MET
    True
    >>> Outcome.PARTLY_MET.ok, Outcome.INSUFFICIENT_EVIDENCE.ok
    (True, False)
"""

from __future__ import annotations

import functools

from collections.abc import Iterable
from typing import ClassVar

import attrs

from engagekit import _validate, _value
from engagekit._display import (
    Displayable,
    Record,
    Tabular,
    esc,
    fill_lines,
    html,
    linked,
    markdown,
    md_text,
    quoted,
    records,
    rows_to_records,
    text,
)
from engagekit.choices import Choice, aliases
from engagekit.sources import LegalForce, Source


__all__ = ["Outcome", "Reason", "Result"]


def __dir__() -> list[str]:
    return __all__


@aliases(
    {
        "ready": "met",
        "ready to decide": "met",
        "pass": "met",
        "compliant": "met",
        "ready with conditions": "partly-met",
        "conditional": "partly-met",
        "unknown": "insufficient-evidence",
        "not ready": "not-met",
        "fail": "not-met",
        "n/a": "not-applicable",
    }
)
@functools.total_ordering
class Outcome(Choice):
    """How a judgement came out, from best to worst.

    - ``NOT_APPLICABLE``: the rule does not apply here (it never makes a result worse);
    - ``MET``: fully met (for a decision: ready to decide);
    - ``PARTLY_MET``: met with something outstanding (ready with conditions);
    - ``INSUFFICIENT_EVIDENCE``: no judgement could be made on the evidence given;
    - ``NOT_MET``: not met (for a decision: not ready).

    The words decisions use name the same outcomes: ``Outcome("ready")`` is ``MET``,
    ``Outcome("ready with conditions")`` is ``PARTLY_MET``, ``Outcome("not ready")`` is
    ``NOT_MET``. Outcomes compare by how good they are (``MET > NOT_MET``); ``severity``
    counts the other way.

    Examples:
        >>> Outcome("ready") is Outcome.MET
        True
        >>> sorted([Outcome.MET, Outcome.NOT_MET, Outcome.PARTLY_MET])
        [<Outcome.NOT_MET: 'not-met'>, <Outcome.PARTLY_MET: 'partly-met'>, <Outcome.MET: 'met'>]
        >>> Outcome.NOT_MET.label
        'not met'
    """

    NOT_APPLICABLE = "not-applicable"
    MET = "met"
    PARTLY_MET = "partly-met"
    INSUFFICIENT_EVIDENCE = "insufficient-evidence"
    NOT_MET = "not-met"

    @property
    def severity(self) -> int:
        """0 for not applicable, 1 for met, up to 4 for not met."""
        return _SEVERITY[self]

    @property
    def ok(self) -> bool:
        """Whether this outcome lets the thing go ahead: not applicable, met or partly met."""
        return _SEVERITY[self] <= _SEVERITY[Outcome.PARTLY_MET]

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Outcome):
            return NotImplemented
        return _SEVERITY[self] > _SEVERITY[other]

    @classmethod
    def worst(cls, outcomes: Iterable[Outcome], *, default: Outcome | None = None) -> Outcome:
        """The most severe of ``outcomes``; ``default`` (``MET``) if there are none.

        Examples:
            >>> Outcome.worst([])
            <Outcome.MET: 'met'>
            >>> Outcome.worst([Outcome.NOT_APPLICABLE])
            <Outcome.NOT_APPLICABLE: 'not-applicable'>
        """
        worst: Outcome | None = None
        for outcome in outcomes:
            if worst is None or _SEVERITY[outcome] > _SEVERITY[worst]:
                worst = outcome
        if worst is None:
            return Outcome.MET if default is None else default
        return worst


_SEVERITY = {
    Outcome.NOT_APPLICABLE: 0,
    Outcome.MET: 1,
    Outcome.PARTLY_MET: 2,
    Outcome.INSUFFICIENT_EVIDENCE: 3,
    Outcome.NOT_MET: 4,
}


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class Reason:
    """One judgement inside a result, with the rule, the evidence and the source behind it.

    Result types may add fields of their own in a subclass (a decision's reason names
    the triangle criterion; a duty finding names the requirement).

    Attributes:
        rule: the id of the rule applied.
        title: the rule in a few words.
        outcome: how this judgement alone came out.
        message: the judgement in a sentence.
        evidence: the ids of the evidence used.
        missing: the evidence that would be needed and was not there.
        source: where the rule comes from.

    Examples:
        >>> from engagekit import Source
        >>> gunning = Source(title="R v Brent LBC ex p Gunning", publisher="High Court")
        >>> r = Reason(rule="gunning.time", title="Adequate time", outcome="not met",
        ...            message="open for 3 weeks", source=gunning)
        >>> print(r)
        [not met] Adequate time: open for 3 weeks
        >>> r
        <Reason 'gunning.time' not met: 'open for 3 weeks'>

    ``repr`` is one line (the rule, the outcome and the message); a notebook shows a
    reason as a short block with its source linked, and ``engagekit.render`` renders
    it as text, Markdown or HTML. Subclasses keep these (declare them with
    ``repr=False`` so attrs does not write a long one).
    """

    rule: str = attrs.field(validator=_validate.text)
    title: str = attrs.field(validator=_validate.text)
    outcome: Outcome = attrs.field(converter=Outcome)
    message: str = attrs.field(validator=_validate.text)
    evidence: tuple[str, ...] = attrs.field(
        default=(), converter=_validate.to_tuple, validator=_validate.each_text
    )
    missing: tuple[str, ...] = attrs.field(
        default=(), converter=_validate.to_tuple, validator=_validate.each_text
    )
    source: Source = attrs.field(validator=_validate.instance_of(Source))

    @property
    def force(self) -> LegalForce | None:
        """The legal force of the rule applied (its source's), if stated."""
        return self.source.force

    @property
    def breach(self) -> bool:
        """Whether this reason is a breach of law: not met against statute,
        regulations or case law."""
        force = self.source.force
        return self.outcome is Outcome.NOT_MET and force is not None and force.binding

    def __str__(self) -> str:
        return f"[{self.outcome.label}] {_clause(self.title)}: {self.message}"

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.rule!r} {self.outcome.label}: {quoted(self.message)}>"

    def _repr_html_(self) -> str:
        return html(self)


def _clause(title: str) -> str:
    """A title that is a whole sentence, without its full stop, to go before a colon."""
    return title.removesuffix(".")


def _reason_text(value: Reason, source: str) -> str:
    """A reason shown on its own, over the line that gives its `source` (in words)."""
    # Wrapped as a verdict wraps its reasons: each line continues indented under itself.
    return fill_lines([str(value), f"    {source}"])


def _reason_markdown(value: Reason, source: str) -> str:
    """`_reason_text`, as Markdown."""
    head = f"**{value.outcome.label}** {md_text(_clause(value.title))}: {md_text(value.message)}"
    return f"{head}  \n{md_text(source)}\n"


def _reason_html(value: Reason, source: str) -> str:
    """`_reason_text`, as HTML."""
    return (
        f'<div class="engagekit"><p><strong>{esc(value.outcome.label)}</strong> '
        f"{esc(_clause(value.title))}: {linked(value.message)}</p>"
        f"<p>{linked(source)}</p></div>"
    )


@text.register
def _(value: Reason) -> str:
    return _reason_text(value, str(value.source))


@markdown.register
def _(value: Reason) -> str:
    return _reason_markdown(value, str(value.source))


@html.register
def _(value: Reason) -> str:
    return _reason_html(value, str(value.source))


#: The forces a decision maker may depart from (guidance only with recorded reasons).
_OVERRIDABLE = frozenset(
    {
        LegalForce.STATUTORY_GUIDANCE,
        LegalForce.NATIONAL_POLICY,
        LegalForce.LOCAL_PRACTICE,
        LegalForce.CONVENTION,
    }
)


class Result(Displayable, Tabular):
    """What every judgement result has: an outcome, reasons, ``ok``, ``gaps``, ``blocking``.

    Concrete results are frozen attrs classes with ``outcome`` and ``reasons`` fields
    that derive from this class. ``bool(result)`` is ``result.ok``. ``to_records()``
    gives one record per reason (``outcome``, ``rule``, ``title``, ``judgement``,
    ``force``, ``evidence``, ``missing``, ``source``) unless the result's own table
    has other columns.

    Examples:
        >>> from engagekit import evaluate, examples
        >>> verdict = evaluate(examples.unproportionate_service_change())
        >>> isinstance(verdict, Result), bool(verdict), verdict.outcome.label
        (True, False, 'not met')
        >>> verdict.to_records()[0]["rule"], verdict.to_records()[0]["outcome"]
        ('triangle.acceptable', 'insufficient-evidence')
    """

    __slots__ = ()

    #: What the result judges, in words ("decision", "compliance"), for displays.
    subject: ClassVar[str] = "result"

    outcome: Outcome
    reasons: tuple[Reason, ...]

    @property
    def ok(self) -> bool:
        """Whether the outcome lets the thing go ahead (met or partly met)."""
        return self.outcome.ok

    def __bool__(self) -> bool:
        return self.outcome.ok

    @property
    def gaps(self) -> tuple[Reason, ...]:
        """The reasons short of met: partly met, insufficient evidence or not met."""
        return tuple(r for r in self.reasons if _SEVERITY[r.outcome] > _SEVERITY[Outcome.MET])

    def _check_outcome(self, *, empty: Outcome = Outcome.NOT_APPLICABLE) -> None:
        """Raise unless ``outcome`` is the worst of the reasons' outcomes (``empty`` when
        there are none): call it from ``__attrs_post_init__``, so the rule holds however
        a result is built."""
        worst = Outcome.worst((r.outcome for r in self.reasons), default=empty)
        if self.outcome is not worst:
            from engagekit.errors import InvalidValueError

            raise InvalidValueError(
                f"{type(self).__name__}.outcome",
                self.outcome.value,
                reason=f"must be the worst of its reasons' outcomes ({worst.value})",
            )

    @property
    def blocking(self) -> tuple[Reason, ...]:
        """The reasons that make the result not ok."""
        return tuple(r for r in self.reasons if not r.outcome.ok)

    @property
    def breaches(self) -> tuple[Reason, ...]:
        """The reasons that are breaches of law: not met against statute, regulations
        or case law. Nothing else a result judges is a breach.

        Examples:
            >>> from engagekit import evaluate, examples
            >>> verdict = evaluate(examples.unproportionate_service_change())
            >>> [r.rule for r in verdict.breaches]
            ['scrutiny.substantial-variation']
        """
        return tuple(r for r in self.reasons if r.breach)

    @property
    def overridable(self) -> tuple[Reason, ...]:
        """The blocking reasons the decision maker may lawfully depart from: statutory
        guidance (with recorded reasons), national policy, local practice and
        engagekit's own conventions. A blocking reason against law or a contract, or
        one whose force is not stated, is never overridable.

        Examples:
            >>> from engagekit import evaluate, examples
            >>> verdict = evaluate(examples.unproportionate_service_change())
            >>> [r.rule for r in verdict.overridable if r.rule.startswith("proportionality.")]
            ['proportionality.level', 'proportionality.consultation']
            >>> verdict.reason("proportionality.consultation").force.label
            'local practice'
        """
        return tuple(r for r in self.reasons if not r.outcome.ok and r.source.force in _OVERRIDABLE)


#: The columns of a result's reasons as records.
_REASON_COLUMNS = (
    "outcome",
    "rule",
    "title",
    "judgement",
    "force",
    "evidence",
    "missing",
    "source",
)


@records.register
def _(value: Result) -> list[Record]:
    return rows_to_records(
        _REASON_COLUMNS,
        (
            (r.outcome, r.rule, r.title, r.message, r.force, r.evidence, r.missing, str(r.source))
            for r in value.reasons
        ),
    )
