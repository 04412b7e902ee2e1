"""Checklists of requirements in force, evidence, and compliance reports."""

from __future__ import annotations

import datetime as dt

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any, ClassVar

import attrs

from engagekit import _display, _validate, _value
from engagekit._display import Displayable, Tabular, short_repr
from engagekit.duties._bodies import BodyLike, BodyType
from engagekit.duties._financial_year import FinancialYear
from engagekit.duties._model import Citation, Duty, EvidenceWindow, Requirement, Trigger, _date
from engagekit.duties._registry import DutyRegistry, duties_for
from engagekit.errors import InvalidTypeError, InvalidValueError, UnknownNameError
from engagekit.evidence import Evidence, EvidenceFile
from engagekit.results import Outcome, Reason, Result


def assessed_before(
    on: dt.date,
    as_of: dt.date,
    *,
    on_option: str = "on=",
    as_of_option: str = "as_of=",
) -> str | None:
    """Why the duties in force on ``on`` cannot be assessed as of ``as_of``, or ``None``
    when they can (``as_of`` on or after ``on``).

    Evidence dated after the assessment date does not count, so assessed before the
    day whose duties are checked, every duty that came into force between the two
    could have no evidence by construction. `Checklist.assess` and `ComplianceReport`
    refuse such a date with this reason; the command line refuses it in the same
    words, naming its own options (``on_option="--on "``, ``as_of_option="--as-of "``).

    Examples:
        >>> print(assessed_before(dt.date(2024, 6, 30), dt.date(2024, 6, 30)))
        None
        >>> reason = assessed_before(dt.date(2024, 6, 30), dt.date(2012, 6, 1))
        >>> print(reason[: reason.index(":")])
        is before on=2024-06-30
        >>> print(reason[reason.index("(give") :])
        (give as_of=2024-06-30 or later, or on=2012-06-01 to check the duties of that day)
    """
    if as_of >= on:
        return None
    return (
        f"is before {on_option}{on.isoformat()}: the duties in force on a day can only be "
        "assessed on or after it, as evidence dated after the assessment date does not "
        f"count (give {as_of_option}{on.isoformat()} or later, or {on_option}"
        f"{as_of.isoformat()} to check the duties of that day)"
    )


def _triggers(value: object) -> Any:
    if isinstance(value, str | bytes | dict) or not isinstance(value, Iterable):
        raise InvalidTypeError("conditions", value, expected="a list of conditions")
    items = {Trigger.parse(t, field=f"conditions[{i}]") for i, t in enumerate(value)}
    return tuple(t for t in Trigger if t in items)  # each once, in definition order


def _optional_triggers(value: object) -> Any:
    return None if value is None else _triggers(value)


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class ChecklistItem:
    """One requirement of one duty in force: a line of a
    [`Checklist`][engagekit.duties.Checklist].

    Its ``repr`` is one line: its id (the duty's and the requirement's) and the
    start of the requirement.
    """

    duty: Duty = attrs.field(validator=_validate.instance_of(Duty))
    requirement: Requirement = attrs.field(validator=_validate.instance_of(Requirement))

    def __attrs_post_init__(self) -> None:
        if self.requirement not in self.duty.requirements:
            raise InvalidValueError(
                "ChecklistItem.requirement",
                self.requirement.key,
                reason=f"is not a requirement of {self.duty.id!r}",
                allowed=[r.key for r in self.duty.requirements],
            )

    def __repr__(self) -> str:
        return f"<ChecklistItem {self.id!r} {_display.quoted(self.requirement.text, 40)}>"

    @property
    def id(self) -> str:
        """``"<duty id>/<requirement key>"``."""
        return f"{self.duty.id}/{self.requirement.key}"

    @property
    def citation(self) -> Citation:
        """The requirement's own citation, or its duty's."""
        return self.requirement.citation or self.duty.citation

    @property
    def verified(self) -> bool:
        """Whether both the duty and the requirement are verified."""
        return self.duty.verified and self.requirement.verified


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class Finding(Reason):
    """The judgement on one requirement: a [`Reason`][engagekit.results.Reason] of a
    compliance report, with the evidence used and set aside.

    Attributes:
        rule: the requirement id, ``"<duty id>/<key>"``.
        title: what the requirement asks.
        outcome: met, partly met, not met or not applicable. Not met is a breach
            (``breach``) only where the requirement is law; against statutory
            guidance the message reads "departure needs recorded reasons", against a
            contract, policy or local practice it says so.
        message: the judgement in a sentence (the evidence that met it, or why not).
        notes: the other points, each on its own: when the requirement applies, why
            each piece of evidence set aside does not count, and whether the record
            is verified.
        evidence: the ids of the evidence that counted.
        missing: what evidence would be needed and was not there.
        source: the requirement's citation, as a source, with its legal force.
        duty_title: the duty's title.
        used: the evidence that counted.
        set_aside: evidence that named the requirement but did not count.
        verified: whether the requirement's record is verified.
    """

    notes: tuple[str, ...] = attrs.field(
        default=(), converter=_validate.to_tuple, validator=_validate.each_text
    )
    duty_title: str = attrs.field(validator=_validate.text)
    used: tuple[Evidence, ...] = attrs.field(
        default=(), converter=_validate.to_tuple, validator=_validate.each(Evidence)
    )
    set_aside: tuple[Evidence, ...] = attrs.field(
        default=(), converter=_validate.to_tuple, validator=_validate.each(Evidence)
    )
    verified: bool = attrs.field(validator=_validate.flag)

    def __attrs_post_init__(self) -> None:
        used = tuple(e.id for e in self.used)
        if self.evidence != used:
            raise InvalidValueError(
                "Finding.evidence",
                list(self.evidence),
                reason=f"must be the ids of the evidence used ({list(used)})",
            )

    @property
    def points(self) -> tuple[str, ...]:
        """The message and then every note, one point each."""
        return (self.message, *self.notes)


def _by_severity(finding: Finding) -> int:
    return -finding.outcome.severity


#: The outcomes a finding can have, gaps first.
_ORDER = (
    Outcome.NOT_MET,
    Outcome.INSUFFICIENT_EVIDENCE,
    Outcome.PARTLY_MET,
    Outcome.MET,
    Outcome.NOT_APPLICABLE,
)


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class ComplianceReport(Result):
    """A checklist assessed against evidence: one [`Finding`][engagekit.duties.Finding]
    per requirement, as a [`Result`][engagekit.results.Result].

    Findings are the report's ``reasons``, gaps first (not met, then partly met, then
    met, then not applicable), in checklist order within each group. ``outcome`` is the
    worst finding's (not applicable if nothing was checked); ``bool(report)`` is
    ``report.ok``.

    Attributes:
        body: the kind of body.
        on: the day whose duties were checked.
        as_of: the assessment date, on or after ``on`` (evidence after it does not
            count; an earlier date is refused with `InvalidValueError`).
        outcome: the worst finding's outcome.
        reasons: the findings, gaps first.
        conditions: the trigger conditions stated to hold, or ``None`` if not given.

    Examples:
        >>> import datetime as dt
        >>> from engagekit.evidence import Evidence
        >>> day = dt.date(2018, 6, 1)
        >>> minutes = Evidence(id="gb-minutes-2018-03",
        ...                    what="Governing body minutes: engagement plan agreed",
        ...                    date=dt.date(2018, 3, 8), kind="minutes",
        ...                    supports=["nhs-act-s14z2/a"])
        >>> report = Checklist.for_body("ccg", on=day).assess([minutes], as_of=day, conditions=())
        >>> report.finding("nhs-act-s14z2/a").outcome.label
        'met'
        >>> report.finding("nhs-act-s14z2/b").outcome.label
        'not applicable'
        >>> report.gaps[0].outcome.label, report.ok, bool(report)
        ('not met', False, False)
    """

    subject: ClassVar[str] = "compliance"

    body: BodyType = attrs.field(converter=BodyType)
    on: dt.date = attrs.field(validator=_validate.a_date)
    as_of: dt.date = attrs.field(validator=_validate.a_date)
    outcome: Outcome = attrs.field(converter=Outcome)
    reasons: tuple[Finding, ...] = attrs.field(
        converter=_validate.to_tuple, validator=_validate.each(Finding)
    )
    conditions: tuple[Trigger, ...] | None = attrs.field(default=None, converter=_optional_triggers)

    def __attrs_post_init__(self) -> None:
        refused = assessed_before(self.on, self.as_of)
        if refused is not None:
            raise InvalidValueError("ComplianceReport.as_of", self.as_of, reason=refused)
        self._check_outcome()

    def __repr__(self) -> str:
        noun = (
            f"ComplianceReport {self.outcome.label} for {self.body.with_article} "
            f"as of {self.as_of.isoformat()}"
        )
        return short_repr(self, noun, [(len(self.reasons), "findings")])

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.reasons)

    def __len__(self) -> int:
        return len(self.reasons)

    @property
    def findings(self) -> tuple[Finding, ...]:
        """The findings (the report's ``reasons``), gaps first."""
        return self.reasons

    def finding(self, requirement_id: str) -> Finding:
        """The finding for a requirement id.

        Raises:
            UnknownNameError: naming the closest ids.
        """
        return _validate.find_by(self.reasons, "rule", requirement_id, "requirement")

    @property
    def counts(self) -> dict[Outcome, int]:
        """How many findings have each outcome, gaps first (every outcome present)."""
        return {o: sum(1 for f in self.reasons if f.outcome is o) for o in _ORDER}

    @property
    def unverified(self) -> tuple[Finding, ...]:
        """Findings whose requirement records are not verified against a primary source."""
        return tuple(f for f in self.reasons if not f.verified)

    @property
    def summary(self) -> str:
        """One line of counts, e.g. ``"2 not met, 1 partly met, 5 met, 2 not applicable"``
        (outcomes no finding has are left out)."""
        parts = [f"{n} {o.label}" for o, n in self.counts.items() if n]
        return ", ".join(parts) or "nothing to check"


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class Checklist(Displayable, Tabular):
    """One item per requirement of every duty that bound a kind of body on a day.

    Examples:
        >>> import datetime as dt
        >>> from engagekit.evidence import Evidence
        >>> checklist = Checklist.for_body(BodyType.ICB, on=dt.date(2024, 6, 30))
        >>> checklist  # doctest: +ELLIPSIS
        <Checklist for an ICB on 2024-06-30 with ... items>
        >>> "nhs-act-s14z58/hwb-consultation" in checklist.ids
        True
        >>> annual = Evidence(
        ...     id="annual-report-2023-24",
        ...     what="Annual report 2023/24: working with people and communities",
        ...     date=dt.date(2024, 6, 27), kind="annual report",
        ...     supports=["nhs-act-s14z58/explain-duties"])
        >>> report = checklist.assess([annual], as_of="2024-06-30")
        >>> report.finding("nhs-act-s14z58/explain-duties").outcome
        <Outcome.MET: 'met'>
        >>> report.reasons[0].outcome
        <Outcome.NOT_MET: 'not-met'>
    """

    body: BodyType = attrs.field(converter=BodyType)
    on: dt.date = attrs.field(validator=_validate.a_date)
    items: tuple[ChecklistItem, ...] = attrs.field(
        converter=_validate.to_tuple,
        validator=[_validate.each(ChecklistItem), _validate.unique(lambda i: i.id, "item id")],
    )
    reason: str | None = attrs.field(default=None, validator=_validate.optional_text)

    @classmethod
    def for_body(
        cls, body: BodyLike, *, on: dt.date | str, registry: DutyRegistry | None = None
    ) -> Checklist:
        """The checklist for ``body`` on ``on``: one item per requirement in force.

        ``body`` is a [`BodyType`][engagekit.duties.BodyType], its text, or any object
        with a ``body_type`` (a network's body). If no duty bound such a body that day,
        the checklist is empty and ``reason`` says why.
        """
        found = duties_for(body, on, registry=registry)
        items = tuple(
            ChecklistItem(duty=duty, requirement=item)
            for duty in found
            for item in duty.requirements
        )
        return cls(body=found.body, on=found.on, items=items, reason=found.reason)

    def __repr__(self) -> str:
        noun = f"Checklist for {self.body.with_article} on {self.on.isoformat()}"
        return short_repr(self, noun, [(len(self.items), "items")])

    def __iter__(self) -> Iterator[ChecklistItem]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    @property
    def ids(self) -> tuple[str, ...]:
        """The requirement ids, in order."""
        return tuple(item.id for item in self.items)

    def _not_mine(self, requirement_id: str, index: int, item: Evidence) -> UnknownNameError:
        """Evidence citing a requirement this checklist lacks: said with the checklist's
        body and day (and why it is empty), and where the evidence cites it."""
        why = f" ({self.reason})" if self.reason else ""
        where = f"evidence[{index}].supports[{item.supports.index(requirement_id)}]"
        return UnknownNameError(
            "requirement",
            requirement_id,
            choices=self.ids,
            within=f"the {self.body.label} checklist on {self.on}{why}, cited at {where}",
        )

    def assess(
        self,
        evidence: Iterable[Evidence],
        *,
        as_of: dt.date | str,
        conditions: Iterable[Trigger | str] | None = None,
    ) -> ComplianceReport:
        """Judge each requirement against the evidence.

        Args:
            evidence: [`Evidence`][engagekit.evidence.Evidence] records; each names
                the requirement ids it supports in ``supports``. Records that support
                no requirement of this checklist are ignored only if they support
                nothing at all (they may be kept for a decision or a report).
            as_of: the assessment date (a date or ``YYYY-MM-DD`` text), on or after
                the checklist's day (``on``); a later one looks again at the same
                duties with the evidence recorded since. Evidence dated after it,
                before the duty came into force, after the duty ended, or (for annual
                requirements) outside the NHS financial year of ``as_of`` does not
                count, and the finding says why.
            conditions: the trigger conditions that hold (e.g. the proposal would
                change how services are delivered: ``Trigger.SERVICE_IMPACT`` or
                ``"service-impact"``). Requirements whose condition is not among
                them are not applicable; a substantial change
                (``"substantial-change"``) also engages ``SERVICE_IMPACT``, since a
                substantial development or variation changes how services are
                delivered. ``None`` (the default) means the conditions were not
                stated, and every requirement is assessed as applying.

        Raises:
            UnknownNameError: evidence names a requirement id not in the checklist
                (the message gives the closest ids).
            InvalidTypeError: an item is not an ``Evidence`` record, ``evidence`` is
                not a list, or ``as_of`` is not a date.
            InvalidValueError: two evidence records share an id, or ``as_of`` is
                before the checklist's day (``on``): evidence dated after ``as_of``
                would not count, so every duty that came into force between the two
                would read as not met.
        """
        day = _date("as_of", as_of)
        refused = assessed_before(self.on, day)
        if refused is not None:
            raise InvalidValueError("as_of", as_of, reason=refused)
        stated = None if conditions is None else _triggers(conditions)
        if isinstance(evidence, str | bytes | dict) or not isinstance(evidence, Iterable):
            raise InvalidTypeError("evidence", evidence, expected="a list of Evidence")
        items = list(evidence)
        # One pass groups the evidence by the requirement it supports (in the order
        # given), so judging each requirement reads only its own evidence.
        supporting: dict[str, list[Evidence]] = {key: [] for key in self.ids}
        seen: set[str] = set()
        for index, item in enumerate(items):
            if not isinstance(item, Evidence):
                raise InvalidTypeError(f"evidence[{index}]", item, expected="an Evidence record")
            if item.id in seen:
                raise InvalidValueError(f"evidence[{index}].id", item.id, reason="duplicate id")
            seen.add(item.id)
            for requirement_id in dict.fromkeys(item.supports):
                mine = supporting.get(requirement_id)
                if mine is None:
                    raise self._not_mine(requirement_id, index, item)
                mine.append(item)
        findings = [_judge(entry, supporting[entry.id], day, stated) for entry in self.items]
        # Gaps first; the sort is stable, so each group keeps the checklist's order.
        ordered = sorted(findings, key=_by_severity)
        worst = Outcome.worst((f.outcome for f in ordered), default=Outcome.NOT_APPLICABLE)
        return ComplianceReport(
            body=self.body,
            on=self.on,
            as_of=day,
            outcome=worst,
            reasons=tuple(ordered),
            conditions=stated,
        )


def _why_not(item: Evidence, entry: ChecklistItem, as_of: dt.date) -> str | None:
    duty, requirement = entry.duty, entry.requirement
    when = item.date.isoformat()
    if item.date > as_of:
        return f"{item.what!r} ({when}) does not count: it is dated after the assessment date"
    if item.date < duty.in_force_from:
        return (
            f"{item.what!r} ({when}) does not count: it is dated before this duty came "
            f"into force ({duty.in_force_from.isoformat()})"
        )
    if duty.in_force_to is not None and item.date >= duty.in_force_to:
        return (
            f"{item.what!r} ({when}) does not count: this duty ceased to apply on "
            f"{duty.in_force_to.isoformat()}"
        )
    if requirement.window is EvidenceWindow.FOLLOWING_YEAR:
        current = FinancialYear.containing(as_of)
        dated = FinancialYear.containing(item.date)
        if dated not in (current, current.previous()):
            return (
                f"{item.what!r} ({when}) does not count: it is dated in the "
                f"{dated.label} financial year; on {as_of.isoformat()} the report judged is "
                f"the one on {current.previous().label}, prepared in {current.label} "
                f"(and the one before it, prepared in {current.previous().label})"
            )
    if requirement.window is EvidenceWindow.FINANCIAL_YEAR:
        needed = FinancialYear.containing(as_of)
        dated = FinancialYear.containing(item.date)
        if dated != needed:
            return (
                f"{item.what!r} ({when}) does not count: it is dated in the "
                f"{dated.label} financial year, and this annual requirement needs "
                f"evidence from {needed.label} (the year of the assessment date)"
            )
    return None


def _wanted(entry: ChecklistItem, as_of: dt.date) -> str:
    """The evidence a requirement needs, in words (for ``Finding.missing``)."""
    if entry.requirement.window is EvidenceWindow.FOLLOWING_YEAR:
        current = FinancialYear.containing(as_of)
        span = (
            f"dated in the {current.previous().label} financial year (the report on "
            f"{current.previous().previous().label}, due by {current.previous().end.isoformat()})"
        )
    elif entry.requirement.window is EvidenceWindow.FINANCIAL_YEAR:
        span = f"dated in the {FinancialYear.containing(as_of).label} financial year"
    else:
        start = entry.duty.in_force_from.isoformat()
        span = f"dated from {start} to {as_of.isoformat()}"
    return f"evidence {span} that supports {entry.id}"


def _following_year(
    entry: ChecklistItem, used: list[Evidence], as_of: dt.date, notes: list[str]
) -> tuple[Outcome, str, tuple[str, ...]] | None:
    """Judge a report on the last complete year before its due date (or ``None``
    to judge it on the evidence as any other requirement)."""
    current = FinancialYear.containing(as_of)
    covered = current.previous()
    if any(e.date in current for e in used):
        return None  # this year's report (on the last complete year) is on record
    duty = entry.duty
    if duty.in_force_from > covered.end:
        first = FinancialYear.containing(duty.in_force_from)
        return (
            Outcome.NOT_APPLICABLE,
            (
                f"not yet due: the first report under this duty, on {first.label}, is due by "
                f"{first.next().end.isoformat()}"
            ),
            (),
        )
    earlier = [e for e in used if e.date in covered]
    # The report on the year before last was due by the end of the last complete year,
    # if the duty was in force during that year and the year it reports on.
    before = covered.previous()
    was_due = duty.in_force_from <= before.end and (
        duty.in_force_to is None or duty.in_force_to > covered.start
    )
    due = f"the report on {covered.label} is due by {current.end.isoformat()}"
    if was_due and not earlier:
        missed = f"the report on {before.label}, due by {covered.end.isoformat()}, is not on record"
        force = duty.force_of(entry.requirement)
        # As for any gap (see `_judge`): only law can be breached.
        verdict = (
            f"not met: {missed}"
            if force.binding
            else f"not followed ({missed}): {force.gap}, not a breach of law"
        )
        return (Outcome.NOT_MET, f"{verdict}; {due}", (_wanted(entry, as_of),))
    if earlier:
        notes.append(f"the report on {before.label} is on record: " + _listed(earlier))
    if duty.in_force_to is not None and duty.in_force_to < covered.start:
        return (
            Outcome.NOT_APPLICABLE,
            (
                f"not applicable: this duty ceased to apply on {duty.in_force_to.isoformat()}, "
                f"so no report on {covered.label} is due"
            ),
            (),
        )
    return (Outcome.NOT_APPLICABLE, f"not yet due: {due}", ())


def _listed(items: Iterable[Evidence]) -> str:
    return "; ".join(f"{e.what!r} ({e.date})" for e in items)


def _judge(
    entry: ChecklistItem,
    evidence: list[Evidence],
    as_of: dt.date,
    conditions: tuple[Trigger, ...] | None,
) -> Finding:
    requirement = entry.requirement
    notes: list[str] = []
    trigger = requirement.trigger
    unverified = (
        ()
        if entry.verified
        else ("this record is not verified against a primary source: check before relying on it",)
    )

    def finding(
        outcome: Outcome,
        message: str,
        used: tuple[Evidence, ...] = (),
        aside: tuple[Evidence, ...] = (),
        missing: tuple[str, ...] = (),
    ) -> Finding:
        return Finding(
            rule=entry.id,
            title=requirement.text,
            outcome=outcome,
            message=message,
            notes=(*notes, *unverified),
            evidence=tuple(e.id for e in used),
            missing=missing,
            source=entry.duty.source_of(requirement),
            duty_title=entry.duty.title,
            used=used,
            set_aside=aside,
            verified=entry.verified,
        )

    if trigger is not Trigger.ALWAYS:
        implied = (
            trigger is Trigger.SERVICE_IMPACT
            and conditions is not None
            and (Trigger.SUBSTANTIAL_CHANGE in conditions and trigger not in conditions)
        )
        if implied:
            notes.append(
                f"applies: {trigger.condition}, since a substantial development or "
                "variation changes how services are delivered"
            )
        elif conditions is None:
            notes.append(
                f"applies only when {trigger.condition}; conditions were not stated, "
                "so it is assessed as applying"
            )
        elif trigger not in conditions:
            return finding(
                Outcome.NOT_APPLICABLE,
                f"not applicable: applies only when {trigger.condition}, "
                "and that was not stated to hold",
            )
        else:
            notes.append(f"applies: {trigger.condition}")
    used: list[Evidence] = []
    set_aside: list[Evidence] = []
    for item in evidence:  # only the evidence that supports this requirement
        why = _why_not(item, entry, as_of)
        if why is None:
            used.append(item)
        else:
            set_aside.append(item)
            notes.append(why)
    if requirement.window is EvidenceWindow.FOLLOWING_YEAR:
        early = _following_year(entry, used, as_of, notes)
        if early is not None:
            outcome, message, missing = early
            return finding(outcome, message, tuple(used), tuple(set_aside), missing)
        current = FinancialYear.containing(as_of)
        # This year's report is on record: an earlier year's counts no more, but is
        # shown as set aside, with why, not dropped.
        for item in used:
            if item.date not in current:
                set_aside.append(item)
                notes.append(
                    f"{item.what!r} ({item.date.isoformat()}) does not count: it is dated "
                    f"in the {FinancialYear.containing(item.date).label} financial year, "
                    f"and the report prepared in {current.label} is on record"
                )
        used = [e for e in used if e.date in current]
    full = [e for e in used if not e.partial]
    if full:
        return finding(Outcome.MET, "met: " + _listed(full), tuple(used), tuple(set_aside))
    if used:
        return finding(
            Outcome.PARTLY_MET,
            "partly met: the evidence shows it only in part: " + _listed(used),
            tuple(used),
            tuple(set_aside),
            ("evidence that shows it fully met",),
        )
    force = entry.duty.force_of(requirement)
    if force.binding:
        message = "not met: no evidence that counts" if set_aside else "not met: no evidence"
    else:
        # Only law can be breached: a gap against guidance, a contract or policy says
        # what it is instead ("departure needs recorded reasons").
        counted = "no evidence that counts" if set_aside else "no evidence"
        message = f"not followed ({counted}): {force.gap}, not a breach of law"
    return finding(Outcome.NOT_MET, message, (), tuple(set_aside), (_wanted(entry, as_of),))


def load_evidence(source: str | Path | IO[bytes]) -> tuple[Evidence, ...]:
    """Read [`Evidence`][engagekit.evidence.Evidence] from a TOML file of
    ``[[evidence]]`` tables, or a JSON file of the same shape.

    A path ending ``.json`` is read as JSON: an object whose ``evidence`` member is a
    list of the same records (``{"evidence": [{"id": ...}, ...]}``), bare or in the
    `engagekit.io` envelope. Any other path, or a binary file object, is read as TOML.

    Each table has an ``id``, ``what``, ``date``, the ``supports`` requirement ids and
    optionally ``kind``, ``link`` (an http(s) URL; put a document reference in
    ``what`` or ``note``), ``partial`` and ``note``, and any other field of an
    ``Evidence`` record.

    Raises:
        ParseError: the file is not TOML (or, for a `.json` path, not JSON).
        DocumentError: naming the file, each bad key path and value.

    Examples:
        >>> import io
        >>> text = b'''
        ... [[evidence]]
        ... id = "annual-report-2023-24"
        ... what = "Annual report 2023/24"
        ... date = 2024-06-27
        ... kind = "annual-report"
        ... supports = ["nhs-act-s14z58/explain-duties"]
        ... link = "https://example.org/annual-report-2023-24.pdf"
        ... '''
        >>> [e.kind.value for e in load_evidence(io.BytesIO(text))]
        ['annual-report']
    """
    from engagekit import io

    if isinstance(source, str | Path) and Path(source).suffix.lower() == ".json":
        return io.load(source, EvidenceFile).evidence  # JSON, from the suffix
    return io.load_toml(source, EvidenceFile).evidence
