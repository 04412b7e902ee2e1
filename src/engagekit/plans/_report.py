"""Publishable documents: "You said, we did" and the annual engagement report (private)."""

from __future__ import annotations

import datetime as dt

from collections.abc import Iterable, Sequence
from typing import cast

import attrs

from engagekit import _display, _validate, _value
from engagekit.consultations._consultation import Consultation
from engagekit.consultations._loop import ConsultationLoop
from engagekit.consultations._responses import ResponseSet
from engagekit.cycles import EngagementStage
from engagekit.disclosure import MARK, NOT_STATED, SUPPRESS_BELOW, CountTable, OneWay, protect
from engagekit.duties import BodyType, Duty
from engagekit.duties._bodies import BodyLike, as_body_type
from engagekit.duties._involvement import _CCGS_FROM, _ICBS_FROM
from engagekit.errors import InvalidTypeError, InvalidValueError
from engagekit.evidence import Evidence, Limb
from engagekit.plans._actions import ActionPlan, latest_update, progress_on, status_on
from engagekit.plans._dates import TargetDate
from engagekit.plans._feedback import FeedbackItem, FeedbackLoop, Response, _standard_days
from engagekit.plans._kinds import ChangeStatus
from engagekit.plans._meetings import Meeting
from engagekit.plans._record import ConsultationPart, EngagementRecord, ReachCount, consultation_of
from engagekit.plans._recurrence import Recurrence
from engagekit.sources import LegalForce


def _cells(rows: Iterable[Iterable[object]]) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(str(cell) for cell in row) for row in rows)


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class Table(_display.Tabular):
    """A table in a document: headers and rows of text.

    ``to_records()`` gives one dict per row, keyed by the headers in lower case. Its
    ``repr`` is one line: its headers and how many rows it has.

    Example:
        >>> table = Table(headers=["Stage", "Evidence"], rows=[[1, "JSNA engagement"]])
        >>> table.to_records()
        [{'stage': '1', 'evidence': 'JSNA engagement'}]
        >>> table
        <Table ('Stage', 'Evidence') with 1 row>
    """

    headers: tuple[str, ...] = attrs.field(converter=_validate.to_tuple)
    rows: tuple[tuple[str, ...], ...] = attrs.field(default=(), converter=_cells)

    def __repr__(self) -> str:
        return _display.short_repr(self, f"Table {self.headers!r}", [(len(self.rows), "rows")])


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class Section:
    """A titled section: paragraphs, a bulleted list, tables and sub-sections.

    Its ``repr`` is one line: its title and how many of each part it has.

    Example:
        >>> Section(title="Who we heard from", paragraphs=["We heard from 24 people."],
        ...         tables=[Table(headers=["Channel", "Responses"])])
        <Section 'Who we heard from' with 1 paragraph, 0 items, 1 table and 0 sections>
    """

    title: str = attrs.field(validator=_validate.text)
    paragraphs: tuple[str, ...] = attrs.field(default=(), converter=_validate.to_tuple)
    items: tuple[str, ...] = attrs.field(default=(), converter=_validate.to_tuple)
    tables: tuple[Table, ...] = attrs.field(default=(), converter=_validate.to_tuple)
    sections: tuple[Section, ...] = attrs.field(default=(), converter=_validate.to_tuple)

    def __repr__(self) -> str:
        counts = [
            (len(self.paragraphs), "paragraphs"),
            (len(self.items), "items"),
            (len(self.tables), "tables"),
            (len(self.sections), "sections"),
        ]
        return _display.short_repr(self, f"Section {_display.quoted(self.title)}", counts)


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class YouSaidWeDidEntry:
    """One theme of a "You said, we did" document.

    Its ``repr`` is one line: the theme, the change, and how many questions asked,
    comments, responses and outcomes it gathers.

    Attributes:
        theme: the theme (``None`` for feedback filed under none).
        we_asked: the questions or consultations that drew the feedback.
        you_said: what people said.
        we_did: what was done.
        outcome: what came of it.
        change: the strongest change made or planned (made > planned > none).
    """

    theme: str | None
    we_asked: tuple[str, ...] = attrs.field(converter=_validate.to_tuple)
    you_said: tuple[str, ...] = attrs.field(converter=_validate.to_tuple)
    we_did: tuple[str, ...] = attrs.field(converter=_validate.to_tuple)
    outcome: tuple[str, ...] = attrs.field(converter=_validate.to_tuple)
    change: ChangeStatus

    def __repr__(self) -> str:
        theme = "no theme" if self.theme is None else _display.quoted(self.theme)
        counts = [
            (len(self.we_asked), "questions"),
            (len(self.you_said), "comments"),
            (len(self.we_did), "responses"),
            (len(self.outcome), "outcomes"),
        ]
        return _display.short_repr(
            self, f"YouSaidWeDidEntry {theme}, change {self.change.value},", counts
        )


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class YouSaidWeDid(_display.Displayable, _display.Tabular):
    """The publishable "We asked / You said / We did / The outcome was" document.

    Render it with ``engagekit.render.markdown`` or ``engagekit.render.html``;
    ``str()`` gives it as plain text.
    """

    title: str = attrs.field(validator=_validate.text)
    start: dt.date = attrs.field(validator=_validate.a_date)
    end: dt.date = attrs.field(validator=_validate.a_date)
    entries: tuple[YouSaidWeDidEntry, ...] = attrs.field(
        converter=_validate.to_tuple, validator=_validate.each(YouSaidWeDidEntry)
    )

    def __attrs_post_init__(self) -> None:
        if self.end < self.start:
            raise InvalidValueError(
                "YouSaidWeDid.end", self.end, reason=f"is before the start {self.start}"
            )

    def __repr__(self) -> str:
        return _display.short_repr(
            self,
            f"YouSaidWeDid {self.start.isoformat()} to {self.end.isoformat()}",
            [(len(self.entries), "themes")],
        )


Period = TargetDate | tuple[dt.date | str, dt.date | str]


def _period(period: Period) -> tuple[dt.date, dt.date]:
    if isinstance(period, TargetDate):
        if period.start is None or period.end is None:
            raise InvalidValueError("period", period.text, reason="must have a start and an end")
        return period.start, period.end
    pair: object = period
    if not isinstance(pair, tuple) or len(pair) != 2:
        raise InvalidTypeError(
            "period", period, expected="a TargetDate or a (start, end) pair of dates"
        )
    start = _validate.as_date("period start", pair[0])
    end = _validate.as_date("period end", pair[1])
    if end < start:
        raise InvalidValueError("period", (start, end), reason="end is before start")
    return start, end


#: The last year a report can cover: a financial year ends in the next calendar year.
_LAST_YEAR = dt.MAXYEAR - 1

_RANK = {ChangeStatus.NONE: 0, ChangeStatus.PLANNED: 1, ChangeStatus.MADE: 2}


def you_said_we_did(
    loop: FeedbackLoop, period: Period, *, title: str = "You said, we did"
) -> YouSaidWeDid:
    """Build the "You said, we did" document for feedback given in ``period``.

    Feedback is grouped by theme (themes sorted, unfiled last); within a theme
    items keep the loop's order. Responses and outcomes count if they are dated by
    the end of the period.

    Example (an illustration, not taken from a source):
        >>> from engagekit.plans import Channel, FeedbackItem, Response
        >>> item = FeedbackItem(id="f1", date=dt.date(2015, 5, 1), channel=Channel.SURVEY,
        ...                     text="Evening meetings, please", theme="access",
        ...                     asked="When should forums meet?")
        >>> answer = Response(id="r1", feedback=["f1"], date=dt.date(2015, 7, 1),
        ...                   text="Forums now alternate day and evening", change=ChangeStatus.MADE)
        >>> doc = you_said_we_did(FeedbackLoop(items=[item], responses=[answer]),
        ...                       TargetDate.parse("2015/16"))
        >>> entry = doc.entries[0]
        >>> entry.we_asked, entry.you_said
        (('When should forums meet?',), ('Evening meetings, please',))
        >>> entry.we_did, entry.change.value
        (('Forums now alternate day and evening',), 'made')
    """
    start, end = _period(period)
    # One pass over each of items, responses and outcomes, grouping by theme.
    items: dict[str | None, list[FeedbackItem]] = {}
    theme_of: dict[str, str | None] = {}
    for item in loop.items:
        if start <= item.date <= end:
            items.setdefault(item.theme, []).append(item)
            theme_of[item.id] = item.theme
    responses: dict[str | None, list[Response]] = {}
    themes_of: dict[str, tuple[str | None, ...]] = {}
    for response in loop.responses:
        if response.date > end:
            continue
        mine = tuple(dict.fromkeys(theme_of[f] for f in response.feedback if f in theme_of))
        if mine:
            themes_of[response.id] = mine
            for theme in mine:
                responses.setdefault(theme, []).append(response)
    outcomes: dict[str | None, list[str]] = {}
    for outcome in loop.outcomes:
        if outcome.date <= end:
            for theme in themes_of.get(outcome.response, ()):
                outcomes.setdefault(theme, []).append(outcome.text)
    entries = []
    for theme in sorted(items, key=lambda t: (t is None, t or "")):
        said = items[theme]
        answers = responses.get(theme, ())
        change = max((r.change for r in answers), key=_RANK.__getitem__, default=ChangeStatus.NONE)
        entries.append(
            YouSaidWeDidEntry(
                theme=theme,
                we_asked=tuple(dict.fromkeys(i.asked for i in said if i.asked)),
                you_said=tuple(i.text for i in said),
                we_did=tuple(r.text for r in answers),
                outcome=tuple(outcomes.get(theme, ())),
                change=change,
            )
        )
    return YouSaidWeDid(title=title, start=start, end=end, entries=entries)


LIMBS: tuple[tuple[Limb, str], ...] = (
    (Limb.PLANNING, "The planning of services"),
    (
        Limb.PROPOSALS,
        (
            "The development and consideration of proposals for changes which, if implemented, "
            "would have an impact on services"
        ),
    ),
    (Limb.DECISIONS, "Decisions which, when implemented, would have an impact on services"),
)
"""The limbs of the public involvement duty as NHS Sutton CCG's strategy quotes
s14Z2(2) of the NHS Act 2006 ("Duty to involve"), each with its title.
"""


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class AnnualEngagementReport(_display.Displayable, _display.Tabular):
    """The annual engagement report as a document: titled sections in order.

    Render it with ``engagekit.render.markdown`` or ``engagekit.render.html``
    (a standalone HTML page); ``str()`` gives plain text, headings underlined and
    each table row as a list entry with its cells labelled.

    ``to_records()`` gives every row of every table in the report, in order: a
    ``section`` key (the titles from the top section down, joined by " / "), a
    ``table`` key (the table's number within its section, from 1), then the table's
    own columns, as its text. Tables differ in their columns, so select one section
    before making a data frame of it; ``report.section(title).tables[0].to_records()``
    gives one table's rows alone.
    """

    title: str = attrs.field(validator=_validate.text)
    body: str = attrs.field(validator=_validate.text)
    year: int = attrs.field(converter=_validate.to_int, validator=_validate.whole)
    start: dt.date = attrs.field(validator=_validate.a_date)
    end: dt.date = attrs.field(validator=_validate.a_date)
    sections: tuple[Section, ...] = attrs.field(
        converter=_validate.to_tuple, validator=_validate.each(Section)
    )

    def section(self, title: str) -> Section:
        """The top-level section with this title.

        Raises:
            UnknownNameError: naming the sections there are.
        """

        return _validate.find_by(self.sections, "title", title, "section")

    def __attrs_post_init__(self) -> None:
        if self.end < self.start:
            raise InvalidValueError(
                "AnnualEngagementReport.end", self.end, reason=f"is before the start {self.start}"
            )

    def __repr__(self) -> str:
        return _display.short_repr(
            self,
            f"AnnualEngagementReport {self.body!r} {self.start.isoformat()} to "
            f"{self.end.isoformat()}",
            [(len(self.sections), "sections")],
        )

    def _repr_html_(self) -> str:
        from engagekit.plans._render import report_fragment

        return report_fragment(self)


def annual_engagement_report(
    year: int,
    record: EngagementRecord | None = None,
    *,
    body: str | None = None,
    plan: ActionPlan | None = None,
    loop: FeedbackLoop | None = None,
    meetings: Iterable[Meeting] = (),
    evidence: Iterable[Evidence] = (),
    consultations: Iterable[ConsultationPart] = (),
    participants: Iterable[ReachCount] = (),
    financial: bool = True,
    standard_days: int | None = None,
    suppress_below: int = SUPPRESS_BELOW,
    body_type: BodyLike | None = None,
) -> AnnualEngagementReport:
    """Build the annual engagement report for ``year``.

    A CCG's annual report must explain how it met the public involvement duty in
    the previous financial year (NHS Sutton CCG strategy, "Duty to involve"), so
    ``year=2018`` covers 1 April 2018 to 31 March 2019; ``financial=False`` covers
    the calendar year instead.

    The report is on an [`EngagementRecord`][engagekit.plans.EngagementRecord]: what
    the body's year produced (its plan, feedback loop, meetings, evidence,
    consultations and who took part). Give the ``record``, or its parts as keywords
    (``body``, ``plan``, ``loop``, ``meetings``, ``evidence``, ``consultations``,
    ``participants``, ``body_type``: the record's fields), not both: parts given for a
    financial year's report are taken to be that year's (the record's `year`). The
    other keywords say how to report it.

    Sections: summary; the public involvement duty, one sub-section per limb;
    the Engagement Cycle, one sub-section per stage; meetings against the calendar
    (each plan action whose target is a recurrence held by named bodies, compared
    with the meetings held); actions completed and overdue; consultations, when any
    ran in the year; "You said, we did" (the body's loop, and each consultation's
    loop as a sub-section); and equality reach when ``participants`` are given, its
    counts protected with
    [`engagekit.disclosure`][engagekit.disclosure] (counts from 1 to
    ``suppress_below - 1`` hidden, and enough others that none can be worked out;
    "Prefer not to say" counted apart from the shares).

    ``standard_days`` is the body's response standard for feedback, in days (0 or
    more): with a feedback loop, the summary counts the year's feedback still
    unanswered at year end more than that many days after it was given.

    ``evidence`` is the one [`Evidence`][engagekit.evidence.Evidence] record used
    across engagekit: the report lists each piece dated in the year under each of its
    ``limbs`` and under its ``stage``.

    Consultations count where the duty and the cycle place them. A consultation ran
    in the year if it was open on any day of it; one whose dates are not recorded ran
    in the record's `year`, if it has one. A consultation the record cannot place (no
    dates and no year, or a year the report's period only partly holds) is listed in
    "Consultations without recorded dates" and the summary, counted in no figure and
    evidence of nothing. Each one that ran is listed in its own section,
    under limb (b) (a formal consultation is on proposals for change) and under stage
    2 of the Engagement Cycle (which plans and transforms services "through formal
    consultation under the statutory duties"); its response report, when published in
    the year and considered in the decision, is listed under limb (c).

    The public involvement duty section cites the law of the year: the involvement
    duty that bound ``body_type`` (a [`BodyType`][engagekit.duties.BodyType] or its
    text; by default the commissioner of the day: a PCT to March 2013, a CCG to June
    2022, an ICB since) during the year, each version with its dates where the law
    changed within the year (s242(1B) for 2011/12, s14Z2(2) then s14Z45(2) for
    2022/23), and the annual report duty under which the report on the year is
    prepared (s14Z15 for CCGs, s14Z58 for ICBs).

    Raises:
        InvalidTypeError: the year is not a whole number, ``record`` is not an
            `EngagementRecord`, or a part is not what the record holds (an evidence
            item that is not an `Evidence` …).
        InvalidValueError: the year is before 1948 (the NHS's founding), a group is
            given twice for one characteristic, ``suppress_below`` is below 1,
            ``standard_days`` is negative, neither a record nor a body is given, or a
            record is given with parts.
        UnknownChoiceError: ``body_type`` names no body type.
        InvalidTypeError: ``body_type`` is neither a body type nor text.

    Example (the meetings are an illustration: the forums met on schedule but one):
        >>> from engagekit import examples
        >>> from engagekit.plans import Meeting
        >>> plan = examples.oxfordshire_delivery_plan()
        >>> expected = plan.action("7.6").target.schedule(dt.date(2015, 4, 1), dt.date(2016, 3, 31))
        >>> meetings = [Meeting(id=f"m{n}", date=o.date, body=o.body, title="Public Locality Forum")
        ...             for n, o in enumerate(expected[:-1])]
        >>> report = annual_engagement_report(2015, body="Oxfordshire CCG", plan=plan,
        ...                                   meetings=meetings)
        >>> for section in report.sections:
        ...     print(section.title)
        Summary
        The public involvement duty
        The Engagement Cycle
        Meetings against the calendar
        Actions
        >>> forums = report.section("Meetings against the calendar").tables[0].rows[0]
        >>> forums[2:]
        ('12', '11', '1', '0')

    A whole year's record, as Somerset's 2011/12 sources give it:
        >>> report = annual_engagement_report(2011, examples.somerset_engagement_record())
        >>> duty = report.section("The public involvement duty")
        >>> [len(limb.items) for limb in duty.sections]  # limbs (a), (b) and (c)
        [2, 1, 0]
        >>> (proposal,) = duty.sections[1].items
        >>> print(proposal[:64])
        dates not recorded: Consultation: Consultation process on the PP
    """
    year = _validate.as_int("year", year)
    if not 1948 <= year <= _LAST_YEAR:
        raise InvalidValueError("year", year, reason=f"must be a year from 1948 to {_LAST_YEAR}")
    if standard_days is not None:
        standard_days = _standard_days(standard_days)
    if record is None:
        if body is None:
            raise InvalidValueError("body", None, reason="give the body, or a record")
        record = EngagementRecord(
            body=body,
            body_type=None if body_type is None else as_body_type(body_type, field="body_type"),
            # Parts given for a year's report are that year's: a consultation without
            # dates among them ran in it.
            year=year if financial else None,
            plan=plan,
            loop=loop,
            meetings=meetings,
            evidence=evidence,
            consultations=consultations,
            participants=participants,
        )
    elif not isinstance(record, EngagementRecord):
        raise InvalidTypeError("record", record, expected="an EngagementRecord")
    else:
        given = [
            name
            for name, value in (
                ("body", body),
                ("plan", plan),
                ("loop", loop),
                ("body_type", body_type),
            )
            if value is not None
        ] + [
            name
            for name, value in (
                ("meetings", meetings),
                ("evidence", evidence),
                ("consultations", consultations),
                ("participants", participants),
            )
            if value != ()
        ]
        if given:
            raise InvalidValueError(
                given[0],
                "given with a record",
                reason="give the record or its parts, not both: the record holds them",
            )
    if financial:
        start, end = dt.date(year, 4, 1), dt.date(year + 1, 3, 31)
        label = f"{year}/{str(year + 1)[-2:]}"
    else:
        start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
        label = str(year)
    body, plan, loop = record.body, record.plan, record.loop
    meeting_list = [m for m in record.meetings if start <= m.date <= end]
    evidence_list = sorted(
        (e for e in record.evidence if start <= e.date <= end),
        key=lambda e: (e.date, e.what, e.id),
    )
    consulted = record.consultations_between(start, end)
    undated = record.undated_consultations(start, end)

    sections = [
        _summary(
            body,
            label,
            plan=plan,
            loop=loop,
            meetings=meeting_list,
            evidence=evidence_list,
            consultations=consulted,
            undated=undated,
            period=(start, end),
            standard_days=standard_days,
        ),
        _limbs(
            evidence_list,
            _law_of_the_year(start, end, record.body_type, financial=financial),
            _consultation_limbs(consulted, record.consultations, start, end),
        ),
        _stages(evidence_list, plan, end, consulted),
        _calendar(plan, meeting_list, start, end),
        _actions(plan, start, end, body),
    ]
    if consulted:
        sections.append(_consultations(consulted, end))
    if undated:
        sections.append(_undated(undated, label))
    loops = [p for p in consulted if isinstance(p, ConsultationLoop)]
    if loop is not None or loops:
        sections.append(_yswd(loop, loops, (start, end)))
    if record.participants:
        sections.append(_reach(record.participants, suppress_below))
    return AnnualEngagementReport(
        title=f"{body}: annual engagement report {label}",
        body=body,
        year=year,
        start=start,
        end=end,
        sections=sections,
    )


def _summary(
    body: str,
    label: str,
    *,
    plan: ActionPlan | None,
    loop: FeedbackLoop | None,
    meetings: Sequence[Meeting],
    evidence: Sequence[Evidence],
    consultations: Sequence[ConsultationPart],
    undated: Sequence[ConsultationPart],
    period: tuple[dt.date, dt.date],
    standard_days: int | None,
) -> Section:
    start, end = period
    lines = [
        f"How {_in_sentence(body)} involved patients and the public in {label}.",
    ]
    items = [
        f"{_display.counted(len(meetings), 'meetings')} held",
        f"{_display.counted(len(evidence), 'pieces')} of evidence of involvement",
    ]
    if consultations:
        items.append(_display.counted(len(consultations), "formal consultations"))
    if undated:
        items.append(
            f"{_display.counted(len(undated), 'formal consultations')} with no recorded "
            "dates, not counted in the year"
        )
    if plan is not None:
        progress = plan.progress(end)
        if progress is not None:
            items.append(f"action plan progress at year end: {progress:.0f}%")
    if loop is not None:
        metrics = loop.metrics(end, standard_days=standard_days, since=start)
        items.append(
            f"{_display.counted(metrics.total, 'pieces')} of feedback, {metrics.closed:,} answered"
        )
        if metrics.change_rate is not None:
            items.append(
                f"{metrics.changed:,} of {_display.counted(metrics.concerns, 'concerns')} "
                "led to a change planned or made"
            )
        if standard_days is not None:
            items.append(
                f"{_display.counted(metrics.past_standard, 'pieces')} of feedback unanswered "
                f"at year end and more than {_display.counted(standard_days, 'days')} old "
                "(the response standard)"
            )
    return Section(title="Summary", paragraphs=lines, items=items)


def _law_of_the_year(
    start: dt.date, end: dt.date, kind: BodyType | None, *, financial: bool
) -> tuple[str, ...]:
    """The paragraphs citing the involvement and annual report duties of the period.

    ``kind`` is the record's body type, already read (``None``: the commissioner of
    each day).
    """
    from engagekit.duties import INVOLVEMENT_DUTIES, commissioner_on, registry

    # The commissioner changed on 1 April 2013 and 1 July 2022: split the year there.
    cuts = [start] + [d for d in (_CCGS_FROM, _ICBS_FROM) if start < d <= end]
    spans = [
        (first, (cuts[i + 1] - dt.timedelta(days=1)) if i + 1 < len(cuts) else end)
        for i, first in enumerate(cuts)
    ]
    cited: list[tuple[str, dt.date, dt.date]] = []
    for first, last in spans:
        who = kind if kind is not None else commissioner_on(first)
        # A duty binds a kind of body only while that kind existed (CCGs from 1 April
        # 2013, though s14Z2 was in force from 1 February 2013).
        alive = max(first, who.existed_from or first)
        gone = min(last, (who.existed_to or dt.date.max) - dt.timedelta(days=1))
        for duty in registry().for_body(who):
            ends = duty.in_force_to or dt.date.max
            since = max(alive, duty.in_force_from)
            until = min(gone, ends - dt.timedelta(days=1))
            if duty.id not in INVOLVEMENT_DUTIES or since > until:
                continue
            text = _limb_citation(duty)
            if cited and cited[-1][0] == text and cited[-1][2] + dt.timedelta(days=1) == since:
                cited[-1] = (text, cited[-1][1], until)
            else:
                cited.append((text, since, until))
    cited.sort(key=lambda c: c[1])
    if not cited:
        who = kind if kind is not None else commissioner_on(start)
        why = registry().duties_for(who, start).reason or (
            f"no involvement duty binds a {who.label} in this period"
        )
        involvement = f"No public involvement duty is encoded for this period: {why}."
    elif len(cited) == 1:
        text, since, until = cited[0]
        if (since, until) != (start, end):  # the duty bound for part of the period only
            text += f", {since.isoformat()} to {until.isoformat()}"
        involvement = (
            f"Arrangements for the public to be involved in each limb of the duty ({text})."
        )
    else:
        parts = "; ".join(f"{text}, {a.isoformat()} to {b.isoformat()}" for text, a, b in cited)
        involvement = (
            "Arrangements for the public to be involved in each limb of the duty, as the law "
            f"stood in each part of the year ({parts})."
        )
    paragraphs = [involvement]
    if cited:
        paragraphs.append(_FORCE_NOTES["duty"])
    if financial:
        prepared = end + dt.timedelta(days=1)
        who = kind if kind is not None else commissioner_on(end)
        found = registry().duties_for(who, prepared)
        annual = [d for d in found if d.id in _ANNUAL_REPORT_DUTIES]
        if annual:
            paragraphs.append(
                f"The report on the year is prepared under {annual[0].citation} "
                f"({annual[0].title})."
            )
    return tuple(paragraphs)


#: The commissioners' annual report duties: s13U (NHS England), s14Z15 (CCGs) and
#: s14Z58 (ICBs).
_ANNUAL_REPORT_DUTIES = ("nhs-act-s13u", "nhs-act-s14z15", "nhs-act-s14z58")


def _limb_citation(duty: Duty) -> str:
    """The citation of the duty's limbs as a whole: "s14Z45(2)", "s242(1B)", "s11"."""
    keys = {r.key: r for r in duty.requirements}
    first = keys.get("a")
    if first is not None and first.citation is not None and first.citation.subsection:
        whole = first.citation.subsection.removesuffix("(a)")
        return str(attrs.evolve(first.citation, subsection=whole or None))
    return str(duty.citation)


def _evidence_item(piece: Evidence) -> str:
    """One piece of evidence as a report line: its date, what it is, and its link if any."""
    link = f" <{piece.link}>" if piece.link else ""
    return f"{piece.date.isoformat()}: {piece.what}{link}"


def _limbs(
    evidence: Sequence[Evidence],
    law: tuple[str, ...],
    consulted: dict[Limb, list[str]],
) -> Section:
    subsections = []
    for limb, title in LIMBS:
        found = [_evidence_item(e) for e in evidence if limb in e.limbs]
        found.extend(consulted.get(limb, ()))
        subsections.append(
            Section(
                title=title,
                items=found,
                paragraphs=() if found else ("No evidence recorded.",),
            )
        )
    return Section(
        title="The public involvement duty",
        paragraphs=law,
        sections=subsections,
    )


#: What each part of the report is, in law: only the involvement duty is law.
_FORCE_NOTES = {
    "duty": (
        f"Legal force: {LegalForce.STATUTE.label}. A limb that applied and has no evidence "
        "is a gap against the law (limbs (b) and (c) apply only where a change would have an "
        "impact on how services are delivered or the range available: under section 242 from "
        "3 November 2008, and under sections 14Z2 and 14Z45 from their start)."
    ),
    "cycle": (
        "Legal force: none. The Engagement Cycle is a framework of good practice, not law: "
        "a stage with nothing recorded is not a breach."
    ),
    "actions": (
        f"Legal force: {LegalForce.LOCAL_PRACTICE.label} ({{body}}'s own action plan), not "
        "law: an overdue action is a departure from the body's own plan, not a breach."
    ),
}


def _stages(
    evidence: Sequence[Evidence],
    plan: ActionPlan | None,
    end: dt.date,
    consulted: Sequence[ConsultationPart],
) -> Section:
    subsections = []
    by_stage: dict[EngagementStage, list[str]] = {stage: [] for stage in EngagementStage}
    for piece in evidence:
        if piece.stage is not None:
            by_stage[piece.stage].append(_evidence_item(piece))
    # The Engagement Cycle's stage two plans and transforms services "through formal
    # consultation under the statutory duties" (Sutton CCG strategy, Appendix Two).
    by_stage[CONSULTATION_STAGE].extend(_consulted_item(p) for p in consulted)
    if plan is not None:
        catalogue = plan.catalogue
        actions = [(a, progress_on(a, end, catalogue)) for a in plan.all_actions() if a.stages]
        for stage in EngagementStage:
            by_stage[stage].extend(
                f"Action {a.id}: {a.text} ({progress:.0f}%)"
                for a, progress in actions
                if stage in a.stages
            )
    for stage in EngagementStage:
        items = by_stage[stage]
        subsections.append(
            Section(
                title=f"Stage {stage.number}: {stage.title}",
                items=items,
                paragraphs=() if items else ("Nothing recorded.",),
            )
        )
    return Section(
        title="The Engagement Cycle", paragraphs=(_FORCE_NOTES["cycle"],), sections=subsections
    )


def _calendar(
    plan: ActionPlan | None, meetings: Sequence[Meeting], start: dt.date, end: dt.date
) -> Section:
    rows = []
    if plan is not None:
        by_body: dict[str, list[tuple[dt.date, str]]] = {}
        for meeting in meetings:
            by_body.setdefault(meeting.body, []).append((meeting.date, meeting.body))
        for action in plan.all_actions():
            target = action.target
            if not isinstance(target, Recurrence) or not target.bodies:
                continue
            pairs = [pair for body in target.bodies for pair in by_body.get(body, ())]
            result = target.adherence(pairs, start, end)
            rows.append(
                (
                    action.id,
                    f"{action.text} ({target.text})",
                    len(result.expected),
                    len(result.held),
                    len(result.missed),
                    len(result.late),
                )
            )
    listing = [
        (
            m.date.isoformat(),
            m.body,
            m.title,
            "" if m.attendance is None else m.attendance,
            m.minutes or "not published",
        )
        for m in sorted(meetings, key=lambda m: (m.date, m.body))
    ]
    return Section(
        title="Meetings against the calendar",
        paragraphs=() if rows else ("No meeting calendar in the plan.",),
        tables=(
            Table(
                headers=("Action", "Commitment", "Expected", "Held", "Missed", "Late"), rows=rows
            ),
            Table(headers=("Date", "Body", "Meeting", "Attendance", "Minutes"), rows=listing),
        ),
    )


def _actions(plan: ActionPlan | None, start: dt.date, end: dt.date, body: str) -> Section:
    if plan is None:
        return Section(title="Actions", paragraphs=("No action plan given.",))
    completed = []
    for action in plan.all_actions():
        update = latest_update(action, end)
        if (
            update is not None
            and start <= update.date
            and status_on(action, end, plan.catalogue).done
        ):
            completed.append((action.id, action.text, update.date.isoformat()))
    # Only an action with a target date can be overdue: its target is never None here.
    overdue = [(a.id, a.text, str(a.target)) for a in plan.overdue(end)]
    return Section(
        title="Actions",
        paragraphs=(_FORCE_NOTES["actions"].format(body=_in_sentence(body)),),
        tables=(
            Table(headers=("Completed", "Action", "On"), rows=completed),
            Table(headers=("Overdue", "Action", "Target"), rows=overdue),
        ),
    )


def _yswd_table(document: YouSaidWeDid) -> Table:
    rows = [
        (
            e.theme or "other",
            "; ".join(e.we_asked),
            "; ".join(e.you_said),
            "; ".join(e.we_did) or "not yet answered",
            "; ".join(e.outcome),
        )
        for e in document.entries
    ]
    return Table(headers=("Theme", "We asked", "You said", "We did", "The outcome was"), rows=rows)


def _yswd(
    loop: FeedbackLoop | None,
    loops: Sequence[ConsultationLoop],
    period: tuple[dt.date, dt.date],
) -> Section:
    """The body's own loop as a table; each consultation's loop as a sub-section."""
    tables = () if loop is None else (_yswd_table(you_said_we_did(loop, period)),)
    subsections = []
    for closed in loops:
        # What people said is dated the day the consultation closed, which may fall
        # before the year the consultation is reported in: take the whole loop.
        subsections.append(
            Section(
                title=f"Consultation: {_consultation_name(consultation_of(closed))}",
                tables=(
                    _yswd_table(you_said_we_did(closed.feedback_loop, (dt.date.min, period[1]))),
                ),
            )
        )
    return Section(title="You said, we did", tables=tables, sections=subsections)


#: The Engagement Cycle stage a formal consultation belongs to: stage two develops
#: strategies and plans "through formal consultation under the statutory duties".
CONSULTATION_STAGE = EngagementStage.PLAN_AND_TRANSFORM


def _consultation_name(consultation: Consultation) -> str:
    return (
        consultation.title
        or consultation.proposal
        or consultation.summary
        or consultation.id
        or "untitled consultation"
    )


def _responses(part: ConsultationPart) -> str:
    if isinstance(part, ConsultationLoop):
        part = part.responses
    if isinstance(part, ResponseSet):
        return f"{len(part)} responses"
    return f"{part.responses} responses" if part.responses else "responses not recorded"


def _window(consultation: Consultation) -> str:
    start, end = consultation.start, consultation.end
    if start is None and end is None:
        return "dates not recorded"
    if start is None or end is None:
        known = start or end
        assert known is not None
        return f"{'opened' if start else 'closed'} {known.isoformat()}"
    return f"{start.isoformat()} to {end.isoformat()}"


def _consulted_item(part: ConsultationPart) -> str:
    consultation = consultation_of(part)
    return (
        f"{_window(consultation)}: Consultation: {_consultation_name(consultation)} "
        f"({_responses(part)})"
    )


def _consultation_limbs(
    consulted: Sequence[ConsultationPart],
    every: Sequence[ConsultationPart],
    start: dt.date,
    end: dt.date,
) -> dict[Limb, list[str]]:
    """What the year's consultations show of each limb of the duty.

    A formal consultation that ran in the year is on a proposal for change, so it
    shows limb (b); a response report published in the year that the decision
    considered shows limb (c), whenever its consultation ran.
    """
    found: dict[Limb, list[str]] = {
        Limb.PROPOSALS: [_consulted_item(part) for part in consulted],
        Limb.DECISIONS: [],
    }
    reports: list[tuple[dt.date, str]] = []
    for part in every:
        consultation = consultation_of(part)
        published = consultation.report_published
        if (
            consultation.considered_in_decision
            and published is not None
            and start <= published <= end
        ):
            item = (
                f"{published.isoformat()}: Response report on the consultation "
                f"{_consultation_name(consultation)}, considered in the decision"
            )
            reports.append((published, item))
    # In the order they were published, as the evidence under each limb is listed.
    found[Limb.DECISIONS] = [item for _, item in sorted(reports, key=_first)]
    return found


def _first(pair: tuple[dt.date, str]) -> dt.date:
    return pair[0]


def _undated(undated: Sequence[ConsultationPart], label: str) -> Section:
    """The consultations the record holds without dates or a year to place them in:
    named, so that none is lost, and counted in no year's figures."""
    return Section(
        title="Consultations without recorded dates",
        paragraphs=(
            (
                f"The record holds formal consultations whose dates are not recorded and "
                f"that it does not place in a year, so whether they ran in {label} is not "
                "known: they are not counted in its figures, nor as evidence of the duty "
                "or the Engagement Cycle. Record their dates, or the record's year, to "
                "report them in their year."
            ),
        ),
        items=[
            f"Consultation: {_consultation_name(consultation_of(part))} ({_responses(part)})"
            for part in undated
        ],
    )


def _consultations(consulted: Sequence[ConsultationPart], end: dt.date) -> Section:
    rows = []
    for part in consulted:
        consultation = consultation_of(part)
        closure = ""
        if isinstance(part, ConsultationLoop):
            metrics = part.metrics(end)
            closure = f"{metrics.answered} of {metrics.themes} themes answered"
        rows.append(
            (
                _consultation_name(consultation),
                _window(consultation),
                _responses(part),
                (
                    consultation.report_published.isoformat()
                    if consultation.report_published
                    else "not published"
                ),
                "yes" if consultation.considered_in_decision else "not recorded",
                closure,
            )
        )
    return Section(
        title="Consultations",
        paragraphs=(
            (
                "Formal consultations that ran in the year (or whose dates are not recorded, "
                "in a record of the year). Each is evidence of limb (b) of the duty and of "
                "stage 2 of the Engagement Cycle; its response report, when published in the "
                "year and considered in the decision, of limb (c)."
            ),
        ),
        tables=(
            Table(
                headers=(
                    "Consultation",
                    "Ran",
                    "Responses",
                    "Response report",
                    "Considered in decision",
                    "Loop closed at year end",
                ),
                rows=rows,
            ),
        ),
    )


def _in_sentence(body: str) -> str:
    """A body's name as it reads inside a sentence: a leading article in lower case.

    "An integrated care board" reads "an integrated care board" ("A CCG", "a CCG"); a
    name ("NHS Somerset", "The Royal Marsden") keeps its capitals: "The" is lowered
    only before a word in lower case ("The integrated care board").

    Examples:
        >>> _in_sentence("An integrated care board"), _in_sentence("NHS Sutton CCG")
        ('an integrated care board', 'NHS Sutton CCG')
        >>> _in_sentence("The Royal Marsden")
        'The Royal Marsden'
    """
    article, _, rest = body.partition(" ")
    if (article in ("A", "An") and rest) or (article == "The" and rest[:1].islower()):
        return f"{article.lower()} {rest}"
    return body


def _reach(reach: Sequence[ReachCount], suppress_below: int) -> Section:
    # An EngagementRecord has refused a group given twice for one characteristic.
    groups: dict[str, dict[str, int]] = {}
    for count in reach:
        groups.setdefault(count.characteristic, {})[count.group] = count.count
    unstated = {a.casefold() for a in NOT_STATED}
    tables = [
        OneWay(
            name=characteristic,
            counts=counts,
            not_stated=[g for g in counts if g.strip().casefold() in unstated],
        )
        for characteristic, counts in groups.items()
    ]
    subsections = []
    empty = False
    for protected in protect(tables, suppress_below=suppress_below):
        table = cast("CountTable", protected)
        # With no participants there is no share to show, hidden or not.
        none = table.total == 0
        empty = empty or none
        rows: list[tuple[str, str, str]] = [
            (group, _shown(n), _NO_SHARE if none else _pct(share))
            for group, n, share in zip(table.categories, table.counts, table.shares, strict=True)
        ]
        total_share = _NO_SHARE if none else ("100%" if table.total else MARK)
        rows.append(("Total", _shown(table.total), total_share))
        subsections.append(
            Section(
                title=table.name,
                tables=(Table(headers=("Group", "Participants", "Share"), rows=rows),),
            )
        )
    return Section(
        title="Equality reach",
        paragraphs=(
            (
                f"{MARK} suppressed: fewer than {suppress_below} participants, or a figure "
                "that would reveal such a count. Shares are of those who stated a group"
                + (f" ({_NO_SHARE} where no one took part)." if empty else ".")
            ),
        ),
        sections=subsections,
    )


#: The share of a group, and of the total, of a characteristic no one took part in.
_NO_SHARE = "–"


def _shown(value: int | None) -> str:
    return MARK if value is None else str(value)


def _pct(value: float | None) -> str:
    return MARK if value is None else f"{100 * value:.0f}%"
