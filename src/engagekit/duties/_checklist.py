"""Checklists of requirements in force, evidence, and compliance reports."""

from __future__ import annotations

import datetime as dt

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

import attrs

from engagekit import _validate
from engagekit._display import Displayable
from engagekit.choices import Choice
from engagekit.duties._bodies import BodyType
from engagekit.duties._financial_year import FinancialYear
from engagekit.duties._model import (
    Citation,
    Duty,
    EvidenceWindow,
    Requirement,
    Trigger,
    require_date,
)
from engagekit.duties._registry import DutyRegistry, duties_for
from engagekit.errors import InvalidValueError, UnknownNameError
from engagekit.ratings import Rating


class EvidenceKind(Choice):
    """What kind of thing a piece of evidence is."""

    ANNUAL_REPORT = "annual-report"
    REPORT = "report"
    MINUTES = "minutes"
    PLAN = "plan"
    POLICY = "policy"
    CONSTITUTION = "constitution"
    CONSULTATION = "consultation"
    EVENT = "event"
    SURVEY = "survey"
    IMPACT_ASSESSMENT = "impact-assessment"
    CORRESPONDENCE = "correspondence"
    WEB_PAGE = "web-page"
    OTHER = "other"


def _link(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (not isinstance(value, str) or not value.strip()):
        raise InvalidValueError(
            f"{type(instance).__name__}.{attribute.name}",
            value,
            reason="must be a URL or a document reference",
        )


@attrs.frozen(kw_only=True)
class EvidenceItem:
    """A piece of evidence that one or more requirements are met.

    Attributes:
        what: what it is ("Annual report 2023/24, section 4").
        date: when it was dated, published or held.
        supports: the requirement ids it supports (``"nhs-act-s14z58/explain-duties"``).
        kind: what kind of thing it is.
        link: where to find it, if anywhere.
        partial: it shows the requirement only partly met.
        note: anything an assessor should know.

    Examples:
        >>> item = EvidenceItem(what="Governing body minutes", date=dt.date(2019, 3, 7),
        ...                     supports=["nhs-act-s14z2/a"], kind=EvidenceKind.MINUTES)
        >>> item.supports
        ('nhs-act-s14z2/a',)
    """

    what: str = attrs.field(validator=_validate.text)
    date: dt.date = attrs.field(validator=_validate.a_date)
    supports: tuple[str, ...] = attrs.field(
        converter=_validate.to_tuple, validator=_validate.each_text
    )
    kind: EvidenceKind = attrs.field(
        default=EvidenceKind.OTHER, validator=_validate.member_of(EvidenceKind)
    )
    link: str | None = attrs.field(default=None, validator=_link)
    partial: bool = attrs.field(default=False, validator=_validate.instance_of(bool))
    note: str | None = attrs.field(default=None, validator=_validate.optional_text)

    def __attrs_post_init__(self) -> None:
        if not self.supports:
            raise InvalidValueError(
                "EvidenceItem.supports", [], reason="name at least one requirement id"
            )


class FindingStatus(Choice):
    """The outcome for one requirement: met, partly met, not met, or not applicable."""

    NOT_MET = "not-met"
    PARTLY_MET = "partly-met"
    MET = "met"
    NOT_APPLICABLE = "not-applicable"

    @property
    def label(self) -> str:
        """The status in words, e.g. ``"partly met"``."""
        return self.value.replace("-", " ")

    @property
    def rating(self) -> Rating | None:
        """The matching :class:`~engagekit.Rating` (``None`` when not applicable)."""
        return {
            FindingStatus.MET: Rating.MET,
            FindingStatus.PARTLY_MET: Rating.PARTLY_MET,
            FindingStatus.NOT_MET: Rating.NOT_MET,
        }.get(self)

    @property
    def is_gap(self) -> bool:
        """Whether the finding needs action (not met or partly met)."""
        return self in {FindingStatus.NOT_MET, FindingStatus.PARTLY_MET}


@attrs.frozen(kw_only=True)
class ChecklistItem:
    """One requirement of one duty in force: a line of a :class:`Checklist`."""

    duty: Duty = attrs.field(validator=_validate.instance_of(Duty))
    requirement: Requirement = attrs.field(validator=_validate.instance_of(Requirement))

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


@attrs.frozen(kw_only=True)
class Finding:
    """The judgement on one requirement, with the evidence used and the reasons.

    Attributes:
        requirement_id: ``"<duty id>/<key>"``.
        duty_title: the duty's title.
        text: what the requirement asks.
        status: met, partly met, not met or not applicable.
        evidence: the evidence that counted.
        set_aside: evidence that named the requirement but did not count.
        reasons: why, one line per point.
        citation: where the requirement is.
        verified: whether the requirement's record is verified.
    """

    requirement_id: str = attrs.field(validator=_validate.text)
    duty_title: str = attrs.field(validator=_validate.text)
    text: str = attrs.field(validator=_validate.text)
    status: FindingStatus = attrs.field(validator=_validate.member_of(FindingStatus))
    evidence: tuple[EvidenceItem, ...] = attrs.field(
        default=(), converter=_validate.to_tuple, validator=_validate.each(EvidenceItem)
    )
    set_aside: tuple[EvidenceItem, ...] = attrs.field(
        default=(), converter=_validate.to_tuple, validator=_validate.each(EvidenceItem)
    )
    reasons: tuple[str, ...] = attrs.field(
        converter=_validate.to_tuple, validator=_validate.each_text
    )
    citation: Citation = attrs.field(validator=_validate.instance_of(Citation))
    verified: bool = attrs.field(validator=_validate.instance_of(bool))


_ORDER = {
    FindingStatus.NOT_MET: 0,
    FindingStatus.PARTLY_MET: 1,
    FindingStatus.MET: 2,
    FindingStatus.NOT_APPLICABLE: 3,
}


@attrs.frozen(kw_only=True)
class ComplianceReport(Displayable):
    """A checklist assessed against evidence: one :class:`Finding` per requirement.

    Findings are listed gaps first (not met, then partly met, then met, then not
    applicable), in checklist order within each group.

    Attributes:
        body: the kind of body.
        on: the day whose duties were checked.
        as_of: the assessment date (evidence after it does not count).
        findings: the findings, gaps first.
        conditions: the trigger conditions stated to hold, or ``None`` if not given.

    Examples:
        >>> import datetime as dt
        >>> day = dt.date(2018, 6, 1)
        >>> minutes = EvidenceItem(what="Governing body minutes: engagement plan agreed",
        ...                        date=dt.date(2018, 3, 8), kind=EvidenceKind.MINUTES,
        ...                        supports=["nhs-act-s14z2/a"])
        >>> report = Checklist.for_body(BodyType.CCG, on=day).assess(
        ...     [minutes], as_of=day, conditions=())
        >>> report.finding("nhs-act-s14z2/a").status.label
        'met'
        >>> report.finding("nhs-act-s14z2/b").status.label
        'not applicable'
        >>> report.gaps[0].status.label
        'not met'
    """

    body: BodyType = attrs.field(validator=_validate.member_of(BodyType))
    on: dt.date = attrs.field(validator=_validate.a_date)
    as_of: dt.date = attrs.field(validator=_validate.a_date)
    findings: tuple[Finding, ...] = attrs.field(
        converter=_validate.to_tuple, validator=_validate.each(Finding)
    )
    conditions: tuple[Trigger, ...] | None = attrs.field(default=None)

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.findings)

    def __len__(self) -> int:
        return len(self.findings)

    def finding(self, requirement_id: str) -> Finding:
        """The finding for a requirement id.

        Raises:
            UnknownNameError: naming the closest ids.
        """
        return _validate.find_by(self.findings, "requirement_id", requirement_id, "requirement")

    @property
    def counts(self) -> dict[FindingStatus, int]:
        """How many findings have each status (every status present, in order)."""
        return {s: sum(1 for f in self.findings if f.status is s) for s in FindingStatus}

    @property
    def gaps(self) -> tuple[Finding, ...]:
        """Findings not met or partly met."""
        return tuple(f for f in self.findings if f.status.is_gap)

    @property
    def unverified(self) -> tuple[Finding, ...]:
        """Findings whose requirement records are not verified against a primary source."""
        return tuple(f for f in self.findings if not f.verified)

    @property
    def outcome(self) -> Rating:
        """Not met if any requirement is not met, partly met if any is, else met."""
        statuses = {f.status for f in self.findings}
        if FindingStatus.NOT_MET in statuses:
            return Rating.NOT_MET
        if FindingStatus.PARTLY_MET in statuses:
            return Rating.PARTLY_MET
        if FindingStatus.MET in statuses:
            return Rating.MET
        return Rating.UNKNOWN

    @property
    def summary(self) -> str:
        """One line of counts, e.g. ``"2 not met, 1 partly met, 5 met, 2 not applicable"``."""
        return ", ".join(f"{n} {s.label}" for s, n in self.counts.items())


def _conditions(value: Iterable[Trigger] | None) -> tuple[Trigger, ...] | None:
    if value is None:
        return None
    items = list(value)
    for item in items:
        if not isinstance(item, Trigger):
            raise InvalidValueError("conditions", item, allowed=[t.value for t in Trigger])
    return tuple(t for t in Trigger if t in items)


@attrs.frozen(kw_only=True)
class Checklist:
    """One item per requirement of every duty that bound a kind of body on a day.

    Examples:
        >>> import datetime as dt
        >>> checklist = Checklist.for_body(BodyType.ICB, on=dt.date(2024, 6, 30))
        >>> "nhs-act-s14z58/hwb-consultation" in checklist.ids
        True
        >>> annual = EvidenceItem(
        ...     what="Annual report 2023/24: working with people and communities",
        ...     date=dt.date(2024, 6, 27), kind=EvidenceKind.ANNUAL_REPORT,
        ...     supports=["nhs-act-s14z58/explain-duties"])
        >>> report = checklist.assess([annual], as_of=dt.date(2024, 6, 30))
        >>> report.finding("nhs-act-s14z58/explain-duties").status
        <FindingStatus.MET: 'met'>
        >>> report.findings[0].status
        <FindingStatus.NOT_MET: 'not-met'>
    """

    body: BodyType = attrs.field(validator=_validate.member_of(BodyType))
    on: dt.date = attrs.field(validator=_validate.a_date)
    items: tuple[ChecklistItem, ...] = attrs.field(
        converter=_validate.to_tuple,
        validator=[_validate.each(ChecklistItem), _validate.unique(lambda i: i.id, "item id")],
    )
    reason: str | None = attrs.field(default=None, validator=_validate.optional_text)

    @classmethod
    def for_body(
        cls, body: BodyType, *, on: dt.date, registry: DutyRegistry | None = None
    ) -> Checklist:
        """The checklist for ``body`` on ``on``: one item per requirement in force.

        If no duty bound such a body that day, the checklist is empty and
        ``reason`` says why.
        """
        found = duties_for(body, on, registry=registry)
        items = tuple(
            ChecklistItem(duty=duty, requirement=item)
            for duty in found
            for item in duty.requirements
        )
        return cls(body=body, on=on, items=items, reason=found.reason)

    def __iter__(self) -> Iterator[ChecklistItem]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    @property
    def ids(self) -> tuple[str, ...]:
        """The requirement ids, in order."""
        return tuple(item.id for item in self.items)

    def assess(
        self,
        evidence: Iterable[EvidenceItem],
        *,
        as_of: dt.date,
        conditions: Iterable[Trigger] | None = None,
    ) -> ComplianceReport:
        """Judge each requirement against the evidence.

        Args:
            evidence: the evidence; each item names the requirement ids it supports.
            as_of: the assessment date. Evidence dated after it, before the duty came
                into force, after the duty ended, or (for annual requirements) outside
                the NHS financial year of ``as_of`` does not count, and the finding
                says why.
            conditions: the trigger conditions that hold (e.g. the proposal would
                change how services are delivered: ``Trigger.SERVICE_IMPACT``).
                Requirements whose condition is not among them are not applicable.
                ``None`` (the default) means the conditions were not stated, and
                every requirement is assessed as applying.

        Raises:
            UnknownNameError: evidence names a requirement id not in the checklist
                (the message gives the closest ids).
            InvalidValueError: an item is not an :class:`EvidenceItem`, or ``as_of``
                is not a date.
        """
        require_date("as_of", as_of)
        stated = _conditions(conditions)
        items = list(evidence)
        known = set(self.ids)
        for index, item in enumerate(items):
            if not isinstance(item, EvidenceItem):
                raise InvalidValueError(
                    f"evidence[{index}]", item, reason="must be an EvidenceItem"
                )
            for requirement_id in item.supports:
                if requirement_id not in known:
                    raise UnknownNameError("requirement", requirement_id, choices=self.ids)
        findings = [_judge(entry, items, as_of, stated) for entry in self.items]
        order = {f.requirement_id: i for i, f in enumerate(findings)}
        findings.sort(key=lambda f: (_ORDER[f.status], order[f.requirement_id]))
        return ComplianceReport(
            body=self.body, on=self.on, as_of=as_of, findings=tuple(findings), conditions=stated
        )

    def __str__(self) -> str:
        from engagekit import render

        return render.text(self)

    def _repr_html_(self) -> str:
        from engagekit import render

        return render.html(self)


def _why_not(item: EvidenceItem, entry: ChecklistItem, as_of: dt.date) -> str | None:
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


def _judge(
    entry: ChecklistItem,
    evidence: list[EvidenceItem],
    as_of: dt.date,
    conditions: tuple[Trigger, ...] | None,
) -> Finding:
    requirement = entry.requirement
    reasons: list[str] = []
    trigger = requirement.trigger

    def finding(
        status: FindingStatus,
        reasons: tuple[str, ...],
        used: tuple[EvidenceItem, ...] = (),
        aside: tuple[EvidenceItem, ...] = (),
    ) -> Finding:
        return Finding(
            requirement_id=entry.id,
            duty_title=entry.duty.title,
            text=requirement.text,
            status=status,
            evidence=used,
            set_aside=aside,
            reasons=reasons,
            citation=entry.citation,
            verified=entry.verified,
        )

    unverified = (
        ()
        if entry.verified
        else ("this record is not verified against a primary source: check before relying on it",)
    )
    if trigger is not Trigger.ALWAYS:
        if conditions is not None and trigger not in conditions:
            return finding(
                FindingStatus.NOT_APPLICABLE,
                (
                    (
                        f"not applicable: applies only when {trigger.condition}, "
                        "and that was not stated to hold"
                    ),
                    *unverified,
                ),
            )
        if conditions is None:
            reasons.append(
                f"applies only when {trigger.condition}; conditions were not stated, "
                "so it is assessed as applying"
            )
        else:
            reasons.append(f"applies: {trigger.condition}")
    used: list[EvidenceItem] = []
    set_aside: list[EvidenceItem] = []
    for item in evidence:
        if entry.id not in item.supports:
            continue
        why = _why_not(item, entry, as_of)
        if why is None:
            used.append(item)
        else:
            set_aside.append(item)
            reasons.append(why)
    full = [e for e in used if not e.partial]
    if full:
        status = FindingStatus.MET
        reasons.insert(0, "met: " + "; ".join(f"{e.what!r} ({e.date})" for e in full))
    elif used:
        status = FindingStatus.PARTLY_MET
        reasons.insert(
            0,
            "partly met: the evidence shows it only in part: "
            + "; ".join(f"{e.what!r} ({e.date})" for e in used),
        )
    else:
        status = FindingStatus.NOT_MET
        reasons.insert(
            0, "not met: no evidence that counts" if set_aside else "not met: no evidence"
        )
    reasons.extend(unverified)
    return finding(status, tuple(reasons), tuple(used), tuple(set_aside))


@attrs.frozen(kw_only=True)
class _EvidenceFile:
    evidence: tuple[EvidenceItem, ...] = attrs.field(converter=_validate.to_tuple)


def load_evidence(source: str | Path | IO[bytes]) -> tuple[EvidenceItem, ...]:
    """Read evidence from a TOML file of ``[[evidence]]`` tables.

    Raises:
        ParseError: the file is not TOML.
        DocumentError: naming the file, each bad key path and value.

    Examples:
        >>> import io
        >>> text = b'''
        ... [[evidence]]
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

    return io.load_toml(source, _EvidenceFile).evidence
