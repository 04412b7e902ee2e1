"""Duties as dated, cited records: Citation, Requirement and Duty."""

from __future__ import annotations

import datetime as dt

from typing import Any

import attrs

from engagekit import _display, _validate, _value
from engagekit._display import Displayable, Tabular
from engagekit.choices import Choice
from engagekit.duties import _citing
from engagekit.duties._bodies import BodyType, as_body_type
from engagekit.errors import InvalidValueError
from engagekit.sources import LegalForce, Source


def _date(field: str, value: object) -> dt.date:
    """``value`` as a date, with a fast path for dates (queries run in loops)."""
    if type(value) is dt.date:
        return value
    return _validate.as_date(field, value)


def _bodies(value: object) -> Any:
    return _validate.members(BodyType, value, "Duty.bodies")


class Trigger(Choice):
    """When a requirement applies.

    ``ALWAYS`` requirements always apply. The others apply only when their condition
    holds: limbs (b) and (c) of the involvement duties only if implementation would
    have an impact on the manner in which services are delivered or on the range of
    services available (``SERVICE_IMPACT``); health-scrutiny consultation only for a
    substantial development or variation (``SUBSTANTIAL_CHANGE``); the four tests for
    a service reconfiguration (``SERVICE_CHANGE``); the bed test only where a proposal
    involves significant bed closures (``BED_CLOSURES``).

    Examples:
        >>> Trigger.parse("service impact")
        <Trigger.SERVICE_IMPACT: 'service-impact'>
    """

    ALWAYS = "always"
    SERVICE_IMPACT = "service-impact"
    SUBSTANTIAL_CHANGE = "substantial-change"
    SERVICE_CHANGE = "service-change"
    BED_CLOSURES = "bed-closures"

    @property
    def condition(self) -> str:
        """The condition in words."""
        return {
            Trigger.ALWAYS: "always applies",
            Trigger.SERVICE_IMPACT: "implementation would have an impact on the manner in which "
            "services are delivered to individuals or on the range of health services "
            "available to them",
            Trigger.SUBSTANTIAL_CHANGE: "a substantial development of the health service or a "
            "substantial variation in the provision of services is proposed",
            Trigger.SERVICE_CHANGE: "a service change or reconfiguration is proposed",
            Trigger.BED_CLOSURES: "the proposal involves significant bed closures",
        }[self]


class EvidenceWindow(Choice):
    """Which evidence dates count for a requirement.

    ``WHILE_IN_FORCE``: evidence dated from the day the duty came into force up to the
    assessment date. ``FINANCIAL_YEAR``: an annual requirement for the year itself
    (a plan for the year); only evidence dated in the NHS financial year of the
    assessment date counts, so last year's plan does not meet this year's duty.
    ``FOLLOWING_YEAR``: a report on a financial year, prepared in the following one
    ("in each financial year, prepare a report ... on how it has discharged its
    functions in the previous financial year", NHS Act 2006 s14Z58(1)). On an
    assessment date the report judged is the one on the last complete financial
    year, due by the end of the current one: evidence dated in the current year
    meets it, and until then it is not yet due, unless the report before it (due by
    the end of the last complete year) is not on record, which is a gap.
    """

    WHILE_IN_FORCE = "while-in-force"
    FINANCIAL_YEAR = "financial-year"
    FOLLOWING_YEAR = "following-year"


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class Citation:
    """Where a duty or requirement is in law (or in the guidance or contract).

    Its ``repr`` is one line: the citation as ``str`` writes it, and its address
    where it has one.

    Examples:
        >>> c = Citation(instrument="National Health Service Act 2006", section="14Z2",
        ...              subsection="(2)(a)")
        >>> print(c)
        National Health Service Act 2006, s14Z2(2)(a)
        >>> c
        <Citation 'National Health Service Act 2006, s14Z2(2)(a)'>
    """

    instrument: str = attrs.field(validator=_validate.text)
    section: str | None = attrs.field(default=None, validator=_validate.optional_text)
    subsection: str | None = attrs.field(default=None, validator=_validate.optional_text)
    url: str | None = attrs.field(default=None, validator=_validate.optional(_validate.url))

    @property
    def reference(self) -> str:
        """The section and subsection as usually written, e.g. ``"s14Z2(2)(a)"``.

        Examples:
            >>> Citation(instrument="S.I. 2013/218", section="reg 23").reference
            'reg 23'
        """
        return _citing.reference(self.section, self.subsection)

    def to_source(self, publisher: str, force: LegalForce | str | None = None) -> Source:
        """This citation as a [`Source`][engagekit.sources.Source] published by ``publisher``,
        with the rule's legal ``force`` if given.

        Examples:
            >>> c = Citation(instrument="National Health Service Act 2006", section="14Z45")
            >>> source = c.to_source("UK Parliament", force="statute")
            >>> print(source)
            UK Parliament, National Health Service Act 2006, s14Z45
            >>> source.force.label
            'statute'
        """
        return Source(
            title=self.instrument,
            publisher=publisher,
            section=self.reference or None,
            url=self.url,
            force=force,
        )

    def __repr__(self) -> str:
        url = f" {self.url}" if self.url else ""
        return f"<Citation {str(self)!r}{url}>"

    def __str__(self) -> str:
        reference = self.reference
        return f"{self.instrument}, {reference}" if reference else self.instrument


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class Requirement:
    """One checkable item a duty asks for (a limb, a paragraph, an action).

    Its ``repr`` is one line: its key, the start of its text, its own citation's
    reference, and each of trigger, window, verified and force given otherwise
    than by default.

    Attributes:
        key: a short id, unique within its duty (``"a"``, ``"hwb-consultation"``).
        text: what must be done (paraphrased).
        trigger: when it applies.
        window: which evidence dates count.
        citation: its own citation, where it is a limb or paragraph.
        verified: whether it was checked against a primary source.
        note: anything a reader should know.
        force: its own legal force where it differs from its duty's (a body's local
            practice recorded beside a statutory duty); ``None`` for the duty's.
        read_through: the page its own ``citation`` was read through, where the rule
            (not law) was not seen in its own document nor in the duty's ``source``:
            NHS England's bed-closure test, read through Landmark Chambers' page.

    Examples:
        >>> from engagekit import duties
        >>> duties.registry().get("nhs-act-s14z2").requirements[0]
        <Requirement 'a' 'Involve the public in the planning of t…' (s14Z2(2)(a))>
    """

    key: str = attrs.field(validator=_validate.identifier)
    text: str = attrs.field(validator=_validate.text)
    trigger: Trigger = attrs.field(default=Trigger.ALWAYS, converter=Trigger)
    window: EvidenceWindow = attrs.field(
        default=EvidenceWindow.WHILE_IN_FORCE, converter=EvidenceWindow
    )
    citation: Citation | None = attrs.field(
        default=None, validator=_validate.optional(_validate.instance_of(Citation))
    )
    verified: bool = attrs.field(default=True, validator=_validate.flag)
    note: str | None = attrs.field(default=None, validator=_validate.optional_text)
    force: LegalForce | None = attrs.field(
        default=None, converter=attrs.converters.optional(LegalForce)
    )
    read_through: Source | None = attrs.field(
        default=None, validator=_validate.optional(_validate.instance_of(Source))
    )

    def __repr__(self) -> str:
        shown = [self.citation.reference] if self.citation and self.citation.reference else []
        skip = ["key", "text", "citation", "note", "read_through"]
        settings = _display.non_defaults(self, skip=skip)
        shown += [", ".join(settings)] if settings else []
        detail = f" ({'; '.join(shown)})" if shown else ""
        noun = f"Requirement {_display.quoted(self.key)} {_display.quoted(self.text, 40)}"
        return f"<{noun}{detail}>"


def _after_start(instance: Duty, attribute: attrs.Attribute[Any], value: object) -> None:
    _validate.optional_date(instance, attribute, value)
    start: object = instance.in_force_from
    if isinstance(value, dt.date) and isinstance(start, dt.date) and value <= start:
        raise InvalidValueError(
            f"Duty({instance.id!r}).in_force_to",
            value.isoformat(),
            reason=f"must be after in_force_from ({start.isoformat()})",
        )


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class Duty(Displayable, Tabular):
    """A duty (or one version of it) in force for a period, binding some kinds of body.

    Several records may share an ``id`` when the duty changed (s242 as enacted, as
    substituted from 3 November 2008, and as it continued for trusts after 2013);
    their periods must not overlap.

    Attributes:
        id: a stable slug shared by every version of the duty.
        title: a short title.
        summary: what the duty asks, in plain English.
        force: the legal force of the duty: statute, regulations, statutory guidance
            (have regard), contract, national policy or local practice (whose: the
            publisher of ``source``). Only statute and regulations make a gap a breach.
            Data files may still call it ``kind`` and use the old words (``"statutory"``,
            ``"have-regard"``, ``"regulation"``, ``"policy"``), which are aliases.
        citation: where it is (for law, on legislation.gov.uk).
        bodies: the kinds of body it binds.
        in_force_from: the first day it applied.
        in_force_to: the first day it no longer applied, or ``None`` if still in force.
        year_only: the sources give only the year of ``in_force_from`` (it is then
            1 January of that year and ``verified`` is false).
        requirements: the checkable items.
        guidance: ids of the have-regard duties (guidance) that go with this duty.
        verified: whether the record was checked against a primary source; records
            the reference marks unverified, or only partly verified, are ``False``.
        reviewed_on: when the record was last reviewed against its sources.
        source: the document the record was taken from (a secondary source where
            ``citation`` is the law itself).
        rule_source: the rule's own document, where it is not law and the record was
            read through another (``source``): Real Involvement, the Department of
            Health's guidance issued under s242(1G), read through Lexology's page.
            ``None`` where ``source`` is the rule's own document, or none is recorded.
        notes: anything a reader should know (discrepancies, what is unverified).

    Examples:
        >>> from engagekit.duties import registry
        >>> duty = registry().get("nhs-act-s14z2")
        >>> duty.citation.section, [r.key for r in duty.requirements][:3]
        ('14Z2', ['a', 'b', 'c'])
        >>> duty.in_force_on(dt.date(2018, 6, 1)), duty.in_force_on(dt.date(2022, 7, 1))
        (True, False)
    """

    id: str = attrs.field(validator=_validate.identifier)
    title: str = attrs.field(validator=_validate.text)
    summary: str = attrs.field(validator=_validate.text)
    force: LegalForce = attrs.field(converter=LegalForce)
    citation: Citation = attrs.field(validator=_validate.instance_of(Citation))
    bodies: tuple[BodyType, ...] = attrs.field(converter=_bodies)
    in_force_from: dt.date = attrs.field(validator=_validate.a_date)
    in_force_to: dt.date | None = attrs.field(default=None, validator=_after_start)
    year_only: bool = attrs.field(default=False, validator=_validate.flag)
    requirements: tuple[Requirement, ...] = attrs.field(
        converter=_validate.to_tuple,
        validator=[_validate.each(Requirement), _validate.unique(lambda r: r.key, "requirement")],
    )
    guidance: tuple[str, ...] = attrs.field(
        default=(), converter=_validate.to_tuple, validator=_validate.each_text
    )
    verified: bool = attrs.field(validator=_validate.flag)
    reviewed_on: dt.date = attrs.field(validator=_validate.a_date)
    source: Source = attrs.field(validator=_validate.instance_of(Source))
    rule_source: Source | None = attrs.field(
        default=None, validator=_validate.optional(_validate.instance_of(Source))
    )
    notes: tuple[str, ...] = attrs.field(
        default=(), converter=_validate.to_tuple, validator=_validate.each_text
    )

    def __repr__(self) -> str:
        return _display.short_repr(
            self,
            f"Duty {_display.quoted(self.id)} from {self.in_force_from}",
            [(len(self.requirements), "requirements")],
        )

    def __attrs_post_init__(self) -> None:
        if not self.bodies:
            raise InvalidValueError(
                f"Duty({self.id!r}).bodies",
                [],
                reason="name at least one body type",
                allowed=[b.value for b in BodyType],
            )
        if not self.requirements:
            raise InvalidValueError(
                f"Duty({self.id!r}).requirements", [], reason="give at least one requirement"
            )
        if self.rule_source is not None and self.force.binding:
            raise InvalidValueError(
                f"Duty({self.id!r}).rule_source",
                str(self.rule_source),
                reason=f"law ({self.force.label}) is cited as itself: give no rule_source",
            )
        for item in self.requirements:
            if item.read_through is None:
                continue
            where = f"Duty({self.id!r}).requirements[{item.key!r}].read_through"
            if self.force_of(item).binding:
                reason = f"law ({self.force_of(item).label}) is cited as itself: give none"
                raise InvalidValueError(where, str(item.read_through), reason=reason)
            if item.citation is None:
                reason = "name the rule read through it: give the requirement a citation"
                raise InvalidValueError(where, str(item.read_through), reason=reason)

    def in_force_on(self, on: dt.date | str) -> bool:
        """Whether this version applied on ``on`` (a date or ``YYYY-MM-DD`` text)."""
        on = _date("on", on)
        return self.in_force_from <= on and (self.in_force_to is None or on < self.in_force_to)

    def binds(self, body: BodyType | str) -> bool:
        """Whether this duty binds bodies of kind ``body`` (a body type or its text)."""
        return as_body_type(body) in self.bodies

    @property
    def publisher(self) -> str:
        """Who made the rule: Parliament for statute, the Government for regulations,
        else the publisher of its own document (``rule_source``), where recorded, or
        of the document the record was taken from.

        Examples:
            >>> from engagekit.duties import registry
            >>> registry().get("guidance-real-involvement-2008").publisher
            'Department of Health'
        """
        document = self.rule_source or self.source
        return _citing.publisher(self.force, document.publisher)

    @property
    def binding(self) -> bool:
        """Whether the duty is law (statute or regulations), so that a gap is a breach.

        Examples:
            >>> from engagekit.duties import registry
            >>> reg = registry()
            >>> reg.get("nhs-act-s14z45").binding, reg.get("service-change-tests").binding
            (True, False)
        """
        return self.force.binding

    def source_of(self, requirement: Requirement | None = None) -> Source:
        """The [`Source`][engagekit.sources.Source] of the duty, or of one of its
        requirements (its own citation if it has one), carrying the rule's legal force.

        Law is Parliament's or the Government's, at its citation's address. A rule that
        is not law is its document's publisher's where the record was taken from that
        document (the citation's address is the record source's, and no other
        ``rule_source`` is recorded). Where it was read
        through another page (the duty's ``source``, or a requirement's own
        ``read_through``), the source is that page, and its ``note`` says what the rule
        is: ``"issued under <citation>"`` for guidance cited to the power it was made
        under, ``"cites <rule's document>, issued under <citation>"`` where the
        guidance's own document is recorded (``rule_source``), else ``"cites
        <citation>"`` (with the rule's own address, if it has one): Lexology's page on
        Real Involvement did not publish the NHS Act, nor the Department of Health's
        guidance; nor a trust's page the NHS Standard Contract; nor Landmark Chambers
        NHS England's bed-closure test. A requirement of its own force that is not law
        (a body's local practice recorded beside a statutory duty) is the record's
        document's, its ``note`` ``"serving <citation>"``: the body's promise, not the
        Act.

        Examples:
            >>> from engagekit.duties import registry
            >>> duty = registry().get("nhs-act-s14z58")
            >>> source = duty.source_of(duty.requirement("hwb-consultation"))
            >>> source.section, source.force.label
            ('s14Z58(3)', 'statute')
            >>> guidance = registry().get("guidance-real-involvement-2008").source_of()
            >>> guidance.publisher, guidance.note.split(": ")[0]
            ('Lexology', 'cites Department of Health, Real Involvement')
            >>> guidance.note.split("Services, ")[1]
            'issued under National Health Service Act 2006, s242(1G)'
            >>> bed = registry().get("service-change-tests", on="2023-01-01")
            >>> source = bed.source_of(bed.requirement("5-bed-closures"))
            >>> source.publisher, source.note
            ('Landmark Chambers', 'cites NHS England bed-closure test (announced 3 March 2017)')
        """
        citation = self.citation
        if requirement is not None and requirement.citation is not None:
            citation = requirement.citation
        force = self.force_of(requirement)
        url = citation.url or self.citation.url
        address = f" <{url}>" if url else ""
        if force is not self.force and not force.binding:
            # The record's body's own rule beside the duty, serving its citation.
            note = f"{_citing.SERVING}{citation}{address}"
            return attrs.evolve(self.source, note=note, force=force)
        if requirement is not None and requirement.read_through is not None:
            # Read through a page of its own (the validator keeps this to rules not law
            # with a citation of their own): the rule is cited, at its own address only.
            own = f" <{citation.url}>" if citation.url else ""
            return attrs.evolve(
                requirement.read_through, note=f"{_citing.CITES}{citation}{own}", force=force
            )
        document = self.source
        own_document = self.rule_source is not None or self.citation.url != document.url
        if force is self.force and not force.binding and own_document:
            # A rule that is not law, taken from another document than its own: the
            # record's document is not its publisher, so say what each one is. (Where
            # the duty cites the record's document, its requirements are that
            # document's, each at its own address.)
            if _citing.issued_under(force, citation.instrument):
                note = f"{_citing.ISSUED_UNDER}{citation}"
                if self.rule_source is not None:
                    made = f"{self.rule_source.publisher}, {self.rule_source.title}"
                    note = f"{_citing.CITES}{made}, {note}"
            else:
                note = f"{_citing.CITES}{citation}{address}"
            return attrs.evolve(document, note=note, force=force)
        if force is self.force:
            publisher = self.publisher
        else:  # law recorded beside a rule that is not: Parliament's or the Government's
            publisher = _citing.publisher(force, self.source.publisher)
        source = citation.to_source(publisher, force)
        if source.url is None and url is not None:
            source = attrs.evolve(source, url=url)
        return source

    def force_of(self, requirement: Requirement | None = None) -> LegalForce:
        """The legal force of one of the duty's requirements: its own, else the duty's.

        Examples:
            >>> from engagekit.duties import registry
            >>> duty = registry().get("nhs-act-s14z15")
            >>> duty.force_of(duty.requirement("explain-involvement")).value
            'statute'
            >>> promise = Requirement(key="forum", text="Hold a public forum each quarter.",
            ...                       force="local practice")
            >>> duty.force_of(promise).label
            'local practice'
        """
        if requirement is not None and requirement.force is not None:
            return requirement.force
        return self.force

    def requirement(self, key: str) -> Requirement:
        """The requirement with this key.

        Raises:
            UnknownNameError: naming the closest keys.
        """

        return _validate.find_by(self.requirements, "key", key, "requirement", within=repr(self.id))

    def requirement_id(self, requirement: Requirement) -> str:
        """The requirement's id across the registry: ``"<duty id>/<key>"``."""
        return f"{self.id}/{requirement.key}"

    @property
    def period(self) -> str:
        """The period in force in words, e.g. ``"2013-04-01 to 2022-06-30"``.

        Examples:
            >>> from engagekit.duties import registry
            >>> registry().get("hsca-2001-s11").period
            '2003-01-01 to 2007-02-28'
        """
        start = str(self.in_force_from.year) if self.year_only else self.in_force_from.isoformat()
        if self.in_force_to is None:
            return f"from {start}"
        last = self.in_force_to - dt.timedelta(days=1)
        return f"{start} to {last.isoformat()}"
