"""Evidence of engagement, recorded once and used everywhere.

One [`Evidence`][engagekit.evidence.Evidence] record (a consultation report, a board
paper, a survey, the minutes of a patient group) can support a decision's triangle
criteria, the requirements of a statutory-duty checklist, the limbs of the public
involvement duty in an annual report and a "we did" in a feedback loop. A decision's
assessments cite evidence by ``id``; a checklist matches it by ``supports``; a report
groups it by ``limbs`` and ``stage``.

Examples:
    >>> import datetime as dt
    >>> from engagekit.evidence import Audience, Evidence, EvidenceKind, Limb
    >>> report = Evidence(
    ...     id="consultation-report-2011",
    ...     kind="consultation report",
    ...     what="Report of the public consultation on community hospital beds",
    ...     date=dt.date(2011, 9, 30),
    ...     supports=["nhs-act-s242/b"],
    ...     limbs=["proposals"],
    ...     audiences=["public", "patients"],
    ...     count=350,
    ... )
    >>> report.kind.label, [limb.letter for limb in report.limbs]
    ('consultation report', ['b'])
    >>> report.audiences
    (<Audience.PATIENTS: 'patients'>, <Audience.PUBLIC: 'public'>)
"""

from __future__ import annotations

import datetime as dt

from typing import TYPE_CHECKING, Any, ClassVar

import attrs

from engagekit import _display, _validate, _value
from engagekit.choices import Choice, aliases
from engagekit.cycles import EngagementStage, ParticipationLevel


if TYPE_CHECKING:
    from engagekit.decisions import Rule


__all__ = ["Audience", "Evidence", "EvidenceFile", "EvidenceKind", "Limb"]


def __dir__() -> list[str]:
    return __all__


@aliases({"people": "public", "patients and carers": "patients", "carers": "patients"})
class Audience(Choice):
    """Whose views count: the decision triangle names patients, staff and the public.

    Examples:
        >>> [a.value for a in Audience]
        ['patients', 'staff', 'public']
        >>> Audience("Patients and carers")
        <Audience.PATIENTS: 'patients'>
    """

    PATIENTS = "patients"
    STAFF = "staff"
    PUBLIC = "public"


@aliases({"a": "planning", "b": "proposals", "c": "decisions"})
class Limb(Choice):
    """The three limbs of the public involvement duty.

    The same structure appears in NHS Act 2006 s242(1B), s13Q, s14Z2(2) (CCGs) and
    s14Z45 (ICBs): users must be involved in (a) planning the commissioning
    arrangements, always; (b) developing and considering proposals for change and
    (c) decisions affecting the arrangements' operation, only where implementation
    would have an impact on the manner in which services are delivered or the range
    of services available.

    Examples:
        >>> Limb.PROPOSALS.rule.source.section
        's14Z2(2)(b)'
        >>> Limb.PLANNING.always_applies, Limb.DECISIONS.always_applies
        (True, False)
        >>> Limb("b")
        <Limb.PROPOSALS: 'proposals'>
    """

    PLANNING = "planning"
    PROPOSALS = "proposals"
    DECISIONS = "decisions"

    @property
    def letter(self) -> str:
        """The limb's letter in the statute: ``"a"``, ``"b"`` or ``"c"``."""
        return {Limb.PLANNING: "a", Limb.PROPOSALS: "b", Limb.DECISIONS: "c"}[self]

    @property
    def always_applies(self) -> bool:
        """Only the planning limb applies whatever the change."""
        return self is Limb.PLANNING

    @property
    def rule(self) -> Rule:
        """The cited rule for this limb (from the decision rules)."""
        from engagekit.decisions import rule

        return rule(f"limb.{self.value}")


@aliases(
    {
        "eia": "equality-impact-assessment",
        "board paper": "report",
        "meeting minutes": "minutes",
        "questionnaire": "survey",
        "website": "web-page",
    }
)
class EvidenceKind(Choice):
    """What kind of thing a piece of [`Evidence`][engagekit.evidence.Evidence] is.

    Examples:
        >>> EvidenceKind("equality impact assessment").label
        'equality impact assessment'
        >>> EvidenceKind("EIA")
        <EvidenceKind.EQUALITY_IMPACT_ASSESSMENT: 'equality-impact-assessment'>
    """

    ENGAGEMENT_ACTIVITY = "engagement-activity"
    EVENT = "event"
    SURVEY = "survey"
    PATIENT_EXPERIENCE = "patient-experience"
    CONSULTATION = "consultation"
    CONSULTATION_REPORT = "consultation-report"
    SCRUTINY_CONSULTATION = "scrutiny-consultation"
    CLINICAL_EVIDENCE = "clinical-evidence"
    COMMISSIONER_SUPPORT = "commissioner-support"
    FINANCIAL_APPRAISAL = "financial-appraisal"
    EQUALITY_IMPACT_ASSESSMENT = "equality-impact-assessment"
    IMPACT_ASSESSMENT = "impact-assessment"
    MINUTES = "minutes"
    REPORT = "report"
    ANNUAL_REPORT = "annual-report"
    PLAN = "plan"
    POLICY = "policy"
    CONSTITUTION = "constitution"
    CORRESPONDENCE = "correspondence"
    WEB_PAGE = "web-page"
    OTHER = "other"


def _audiences(value: object) -> Any:
    return _validate.members(Audience, value, "Evidence.audiences")


def _limbs(value: object) -> Any:
    return _validate.members(Limb, value, "Evidence.limbs")


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class Evidence:
    """Something seen that a judgement can rest on, recorded once.

    Its ``repr`` is one line: its id, kind, date and the start of what it is.

    Attributes:
        id: a short id, unique among the evidence of a decision, checklist or report,
            that assessments refer to.
        kind: what it is (an engagement activity, a survey, minutes …).
        what: what it is and what it shows, in a sentence or two.
        date: when it was produced, published or took place.
        link: where it can be read (an http(s) URL), if published.
        supports: the ids of the duty requirements it shows met
            (``"nhs-act-s14z2/a"``), for duty checklists.
        limbs: the limbs of the public involvement duty it shows, for reports.
        stage: the Engagement Cycle stage it belongs to, if any.
        technique: the id of the engagement technique used, from the technique
            catalogue (``"story-telling"``), if any.
        level: the participation level the activity reached, if it was engagement.
        audiences: whose views it gathered, if any.
        count: how many people or items it covers (350 patient stories).
        partial: it shows what it supports only partly met.
        note: anything an assessor should know.

    Examples:
        >>> import datetime as dt
        >>> stories = Evidence(id="stories", kind="patient experience", date=dt.date(2011, 3, 1),
        ...                    what="Patient stories about transport", count=350)
        >>> stories.count
        350
        >>> stories
        <Evidence 'stories' patient-experience 2011-03-01 'Patient stories about transport'>
        >>> Evidence(id="minutes", what="Minutes", date=dt.date(2011, 3, 1), supports="s14z2/a")
        Traceback (most recent call last):
        ...
        engagekit.errors.InvalidTypeError: Evidence.supports: got str 's14z2/a'; expected a list
    """

    id: str = attrs.field(validator=_validate.identifier)
    kind: EvidenceKind = attrs.field(default=EvidenceKind.OTHER, converter=EvidenceKind)
    what: str = attrs.field(validator=_validate.text)
    date: dt.date = attrs.field(validator=_validate.a_date)
    link: str | None = attrs.field(default=None, validator=_validate.optional(_validate.url))
    supports: tuple[str, ...] = attrs.field(
        default=(), converter=_validate.to_tuple, validator=_validate.each_text
    )
    limbs: tuple[Limb, ...] = attrs.field(default=(), converter=_limbs)
    stage: EngagementStage | None = attrs.field(
        default=None, converter=attrs.converters.optional(EngagementStage)
    )
    technique: str | None = attrs.field(
        default=None, validator=_validate.optional(_validate.identifier)
    )
    level: ParticipationLevel | None = attrs.field(
        default=None, converter=attrs.converters.optional(ParticipationLevel)
    )
    audiences: tuple[Audience, ...] = attrs.field(default=(), converter=_audiences)
    count: int | None = attrs.field(
        default=None,
        converter=_validate.to_int,
        validator=_validate.optional(_validate.whole_at_least(0)),
    )
    partial: bool = attrs.field(default=False, validator=_validate.flag)
    note: str | None = attrs.field(default=None, validator=_validate.optional_text)

    def __repr__(self) -> str:
        noun = f"Evidence {_display.quoted(self.id)} {self.kind.value} {self.date.isoformat()}"
        partly = " (partial)" if self.partial else ""
        return f"<{noun} {_display.quoted(self.what, 40)}{partly}>"


def _evidence_id(item: Evidence) -> str:
    return item.id


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class EvidenceFile:
    """An evidence file: the records a body holds, as `engagekit check` and
    [`load_evidence`][engagekit.duties.load_evidence] read them.

    In TOML it is one ``[[evidence]]`` table for each record; in JSON an object whose
    ``evidence`` member lists them, bare or in the [`engagekit.io`][engagekit.io]
    envelope. Its JSON Schema is ``engagekit schema evidence-file``. Its ``repr`` is
    one line: how many records it holds.

    Attributes:
        evidence: the records, each with a distinct ``id``.

    Examples:
        >>> import datetime as dt
        >>> from engagekit import io
        >>> held = EvidenceFile(evidence=[
        ...     Evidence(id="annual-report-2023-24", what="Annual report 2023/24",
        ...              date=dt.date(2024, 6, 27), kind="annual report"),
        ... ])
        >>> held
        <EvidenceFile with 1 record>
        >>> text = io.dumps(held)
        >>> text[:52]
        '{"engagekit": {"format": 1, "type": "EvidenceFile"},'
        >>> io.loads(text, EvidenceFile) == held
        True
        >>> try:
        ...     EvidenceFile(evidence=[held.evidence[0], held.evidence[0]])
        ... except ValueError as error:
        ...     print(error)  # doctest: +NORMALIZE_WHITESPACE
        EvidenceFile.evidence[1]: 'annual-report-2023-24' is not allowed:
        duplicate evidence id (first at [0])
    """

    _document_name: ClassVar[str] = "evidence file"

    evidence: tuple[Evidence, ...] = attrs.field(
        converter=_validate.to_tuple,
        validator=[
            _validate.a_tuple,
            _validate.each(Evidence),
            _validate.unique(_evidence_id, "evidence id"),
        ],
    )

    def __repr__(self) -> str:
        return _display.short_repr(self, "EvidenceFile", [(len(self.evidence), "records")])
