"""Renderers for plans, recurrences, feedback loops, engagement records and reports (private).

Registered on the dispatching functions of ``engagekit._display`` when
``engagekit.plans`` is imported.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from engagekit import _evidence_view
from engagekit._display import (
    Record,
    SheetSection,
    counted,
    esc,
    fill,
    html,
    linked,
    markdown,
    md_table,
    md_text,
    records,
    rows_to_records,
    sheet_html,
    sheet_markdown,
    sheet_text,
    table,
    text,
)
from engagekit.consultations._consultation import Consultation
from engagekit.consultations._loop import ConsultationLoop
from engagekit.consultations._responses import ResponseSet
from engagekit.plans._actions import Action, ActionPlan, Objective
from engagekit.plans._dates import TargetDate
from engagekit.plans._feedback import FeedbackLoop, LoopMetrics
from engagekit.plans._meetings import Meeting
from engagekit.plans._record import ConsultationPart, EngagementRecord, consultation_of
from engagekit.plans._recurrence import Adherence, Recurrence
from engagekit.plans._report import AnnualEngagementReport, Section, Table, YouSaidWeDid
from engagekit.plans._responsibilities import ResponsibilityMatrix
from engagekit.plans._stakeholders import StakeholderMap


def _target(action: Action) -> str:
    return " / ".join(t.text for t in action.targets)


# --- dates and recurrences -------------------------------------------------------


@text.register
def _(value: TargetDate) -> str:
    return value.describe()


@html.register
def _(value: TargetDate) -> str:
    return f'<span class="engagekit">{esc(value.describe())}</span>'


@markdown.register
def _(value: TargetDate) -> str:
    return value.describe()


@text.register
def _(value: Recurrence) -> str:
    unit = {"yearly": "year", "monthly": "month", "weekly": "week"}[value.frequency.value]
    every = f"every {unit}" if value.interval == 1 else f"every {value.interval} {unit}s"
    bodies = f" for each of {', '.join(value.bodies)}" if value.bodies else ""
    # The first occurrence, where there is one: the phrase may not give it (an anchor
    # passed apart), or give only its month.
    start = f", starting {value.anchor.isoformat()}" if value.anchor else ""
    return f"{value.text!r}: {every}{bodies}{start} ({value.per_year:g} a year)"


@html.register
def _(value: Recurrence) -> str:
    return f'<span class="engagekit">{esc(text(value))}</span>'


@markdown.register
def _(value: Recurrence) -> str:
    return text(value)


def _adherence_head(value: Adherence) -> str:
    return (
        f"{value.recurrence.text} from {value.start.isoformat()} to "
        f"{value.end.isoformat()}: {len(value.held)} of {len(value.expected)} held "
        f"({value.rate:.0%}), {len(value.missed)} missed, {len(value.late)} late"
    )


def _adherence_points(value: Adherence) -> list[str]:
    """Each occasion missed or held late, and each date given that met none or fell
    outside the range, one line each."""
    points = [
        f"missed {o.date.isoformat()}" + (f" ({o.body})" if o.body else "") for o in value.missed
    ]
    points.extend(
        f"late {o.date.isoformat()} held {day.isoformat()}" + (f" ({o.body})" if o.body else "")
        for o, day in value.late
    )
    points.extend(f"extra {day.isoformat()}: met no occasion" for day in value.extra)
    points.extend(
        f"not counted {day.isoformat()}: outside {value.start.isoformat()} to "
        f"{value.end.isoformat()}"
        for day in value.outside
    )
    return points


@text.register
def _(value: Adherence) -> str:
    points = (fill(f"  {p}") for p in _adherence_points(value))
    return "\n".join([fill(_adherence_head(value)), *points])


@markdown.register
def _(value: Adherence) -> str:
    return "\n".join([_adherence_head(value), "", *(f"- {p}" for p in _adherence_points(value))])


@html.register
def _(value: Adherence) -> str:
    return f'<pre class="engagekit">{esc(text(value))}</pre>'


# --- action plans ----------------------------------------------------------------


def _plan_rows(plan: ActionPlan) -> list[tuple[str, str, str, str]]:
    return [(a.id, a.text, a.lead or "", _target(a)) for a in plan.all_actions()]


@text.register
def _(value: ActionPlan) -> str:
    lines = [value.title, "=" * len(value.title)]
    for objective in value.all_objectives():
        lines.append(fill(f"{objective.id}. {objective.title}", " " * (len(objective.id) + 2)))
        for action in objective.actions:
            target = f" [{_target(action)}]" if action.target is not None else ""
            hang = " " * (len(action.id) + 6)  # under the text, after the id
            lines.append(fill(f"    {action.id}  {action.text}{target}", hang))
    if value.source is not None:
        lines.append(fill(f"Source: {value.source}"))
    return "\n".join(lines)


@html.register
def _(value: ActionPlan) -> str:
    body = table(
        ("Action", "Description", "Lead", "Target"), _plan_rows(value), caption=value.title
    )
    source = f"<p><small>Source: {linked(value.source)}</small></p>" if value.source else ""
    return f'<div class="engagekit">{body}{source}</div>'


@markdown.register
def _(value: ActionPlan) -> str:
    return f"## {md_text(value.title)}\n\n" + md_table(
        ("Action", "Description", "Lead", "Target"), _plan_rows(value)
    )


def _objective_heading(value: Objective) -> str:
    return f"{value.id}. {value.title}"


def _objective_facts(value: Objective) -> list[tuple[str, str]]:
    rows = [("Id", value.id), ("Objectives under it", ", ".join(o.id for o in value.objectives))]
    if value.weight != 1:
        rows.append(("Weight", f"{value.weight:g}"))
    return [(k, v) for k, v in rows if v]


def _objective_rows(value: Objective) -> list[tuple[str, str, str, str]]:
    return [(a.id, a.text, a.lead or "", _target(a)) for a in value.all_actions()]


def _objective_sections(value: Objective) -> list[SheetSection]:
    rows = _objective_rows(value)
    return [("Actions", ("Action", "Description", "Lead", "Target"), rows)] if rows else []


@text.register
def _(value: Objective) -> str:
    actions = value.all_actions()
    lines = [f"Actions ({len(actions)}):"] if actions else []
    for action in actions:
        target = f" [{_target(action)}]" if action.target is not None else ""
        lines.append(f"  {action.id}  {action.text}{target}")
    return sheet_text(_objective_heading(value), _objective_facts(value), lines)


@html.register
def _(value: Objective) -> str:
    heading = _objective_heading(value)
    return sheet_html(heading, _objective_facts(value), _objective_sections(value))


@markdown.register
def _(value: Objective) -> str:
    heading = _objective_heading(value)
    return sheet_markdown(heading, _objective_facts(value), _objective_sections(value))


@text.register
def _(value: Action) -> str:
    lines = [f"{value.id}  {value.text}"]
    if value.lead:
        lines.append(f"    Lead: {value.lead}")
    lines.extend(f"    Target: {text(t)}" for t in value.targets)
    lines.extend(f"    Evidence: {e}" for e in value.evidence)
    lines.extend(f"    Idea: {i}" for i in value.ideas)
    lines.extend(f"    Note: {n}" for n in value.notes)
    hang = " " * (len(value.id) + 2)
    return "\n".join(fill(line, hang if n == 0 else " " * 8) for n, line in enumerate(lines))


@html.register
def _(value: Action) -> str:
    return f'<pre class="engagekit">{esc(text(value))}</pre>'


@markdown.register
def _(value: Action) -> str:
    points = [f"Lead: {value.lead}"] if value.lead else []
    points.extend(f"Target: {text(t)}" for t in value.targets)
    points.extend(f"Evidence: {e}" for e in value.evidence)
    points.extend(f"Idea: {i}" for i in value.ideas)
    points.extend(f"Note: {n}" for n in value.notes)
    return "\n".join([f"**{value.id}** {value.text}", "", *(f"- {p}" for p in points)])


# --- feedback --------------------------------------------------------------------


def _metric_rows(metrics: LoopMetrics) -> list[tuple[str, str]]:
    def share(value: float | None) -> str:
        return "" if value is None else f"{value:.0%}"

    return [
        ("Feedback items", str(metrics.total)),
        ("Answered", str(metrics.closed)),
        ("Loop-closure rate", share(metrics.closure_rate)),
        ("Concerns", str(metrics.concerns)),
        ("Concerns leading to a change planned or made", share(metrics.change_rate)),
        (
            "Median days to respond",
            "" if metrics.median_days_to_respond is None else f"{metrics.median_days_to_respond:g}",
        ),
        ("Past the response standard", str(metrics.past_standard)),
    ]


@text.register
def _(value: LoopMetrics) -> str:
    return "\n".join(f"{k}: {v}" for k, v in _metric_rows(value))


@html.register
def _(value: LoopMetrics) -> str:
    return table(
        ("Measure", "Value"), _metric_rows(value), caption="Closing the loop", row_headers=True
    )


@markdown.register
def _(value: LoopMetrics) -> str:
    return "## Closing the loop\n\n" + md_table(("Measure", "Value"), _metric_rows(value))


def _loop_head(value: FeedbackLoop) -> str:
    return (
        f"Feedback loop: {counted(len(value.items), 'items')}, "
        f"{counted(len(value.responses), 'responses')}, {counted(len(value.outcomes), 'outcomes')}"
    )


@text.register
def _(value: FeedbackLoop) -> str:
    lines = [_loop_head(value)]
    lines.extend(
        fill(
            f"  {i.id} {i.date.isoformat()} ({i.channel.value}"
            + (f"; {i.theme}" if i.theme else "")
            + f"): {i.text}"
        )
        for i in value.items
    )
    return "\n".join(lines)


#: The columns of a feedback loop's table.
_LOOP = ("Item", "Date", "Channel", "Theme", "You said")


def _loop_rows(value: FeedbackLoop) -> list[tuple[str, str, str, str, str]]:
    return [(i.id, i.date.isoformat(), i.channel.value, i.theme or "", i.text) for i in value.items]


@html.register
def _(value: FeedbackLoop) -> str:
    return table(_LOOP, _loop_rows(value), caption=_loop_head(value))


@markdown.register
def _(value: FeedbackLoop) -> str:
    return f"## {md_text(_loop_head(value))}\n\n" + md_table(_LOOP, _loop_rows(value))


def _yswd_rows(value: YouSaidWeDid) -> list[tuple[str, str, str, str, str]]:
    return [
        (
            e.theme or "other",
            "; ".join(e.we_asked),
            "; ".join(e.you_said),
            "; ".join(e.we_did) or "not yet answered",
            "; ".join(e.outcome),
        )
        for e in value.entries
    ]


_YSWD = ("Theme", "We asked", "You said", "We did", "The outcome was")


@markdown.register
def _(value: YouSaidWeDid) -> str:
    period = f"{value.start.isoformat()} to {value.end.isoformat()}"
    return f"# {md_text(value.title)}\n\n{period}\n\n" + md_table(_YSWD, _yswd_rows(value))


@html.register
def _(value: YouSaidWeDid) -> str:
    return f'<div class="engagekit">{table(_YSWD, _yswd_rows(value), caption=value.title)}</div>'


def _labelled_rows(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    """Table rows as plain text, for prose that does not fit in columns: each row an
    entry named by its first cell, every cell labelled by its header (the first header
    tells the completed actions from the overdue ones)."""
    lines = []
    for row in rows:
        lines.append(fill(f"- {headers[0]}: {row[0]}", "  "))
        lines.extend(
            fill(f"    {header}: {cell}", " " * 8)
            for header, cell in zip(headers[1:], row[1:], strict=True)
            if cell
        )
    return lines


@text.register
def _(value: YouSaidWeDid) -> str:
    lines = [value.title, f"{value.start.isoformat()} to {value.end.isoformat()}"]
    lines.extend(_labelled_rows(_YSWD, _yswd_rows(value)))
    return "\n".join(lines)


# --- stakeholders, roles, meetings -------------------------------------------------


#: The columns of a stakeholder map's table.
_STAKEHOLDERS = ("Stakeholder group", "Activity", "Owner / Lead")


def _stakeholder_rows(value: StakeholderMap) -> list[tuple[str, str, str]]:
    return [(g.name, "; ".join(g.activities), ", ".join(g.owners)) for g in value.groups]


@html.register
def _(value: StakeholderMap) -> str:
    return table(_STAKEHOLDERS, _stakeholder_rows(value), caption="Stakeholders")


@markdown.register
def _(value: StakeholderMap) -> str:
    return "## Stakeholders\n\n" + md_table(_STAKEHOLDERS, _stakeholder_rows(value))


@text.register
def _(value: StakeholderMap) -> str:
    return "\n".join(fill(f"{g.name}: {', '.join(g.owners)}") for g in value.groups)


def _chart_rows(value: ResponsibilityMatrix) -> list[tuple[str, str]]:
    return [
        (topic, "; ".join(f"{role} ({', '.join(p.value for p in parts)})" for role, parts in cells))
        for topic, cells in value.chart()
    ]


@html.register
def _(value: ResponsibilityMatrix) -> str:
    return table(("Topic", "Roles"), _chart_rows(value), caption="Roles and responsibilities")


@markdown.register
def _(value: ResponsibilityMatrix) -> str:
    return "## Roles and responsibilities\n\n" + md_table(("Topic", "Roles"), _chart_rows(value))


@text.register
def _(value: ResponsibilityMatrix) -> str:
    return "\n".join(fill(f"{topic}: {roles}") for topic, roles in _chart_rows(value))


@text.register
def _(value: Meeting) -> str:
    attendance = "" if value.attendance is None else f", {value.attendance} attended"
    return f"{value.date.isoformat()} {value.title} ({value.body}){attendance}"


@html.register
def _(value: Meeting) -> str:
    return f'<span class="engagekit">{esc(text(value))}</span>'


@markdown.register
def _(value: Meeting) -> str:
    return text(value)


# --- documents -------------------------------------------------------------------


def _md_section(section: Section, level: int) -> list[str]:
    out = [f"{'#' * level} {section.title}", ""]
    for paragraph in section.paragraphs:
        out.extend([paragraph, ""])
    if section.items:
        out.extend(f"- {item}" for item in section.items)
        out.append("")
    for tab in section.tables:
        if tab.rows:
            out.extend([md_table(tab.headers, tab.rows), ""])
    for child in section.sections:
        out.extend(_md_section(child, level + 1))
    return out


def _html_section(section: Section, level: int) -> str:
    tag = f"h{min(level, 6)}"
    parts = [f"<section><{tag}>{esc(section.title)}</{tag}>"]
    parts.extend(f"<p>{linked(p)}</p>" for p in section.paragraphs)
    if section.items:
        parts.append("<ul>" + "".join(f"<li>{linked(i)}</li>" for i in section.items) + "</ul>")
    parts.extend(table(t.headers, t.rows, caption=section.title) for t in section.tables if t.rows)
    parts.extend(_html_section(child, level + 1) for child in section.sections)
    parts.append("</section>")
    return "".join(parts)


def report_fragment(value: AnnualEngagementReport) -> str:
    """The report as an HTML fragment (for notebooks)."""
    sections = "".join(_html_section(s, 2) for s in value.sections)
    return f'<article class="engagekit"><h1>{esc(value.title)}</h1>{sections}</article>'


_STYLE = (
    "body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;"
    "line-height:1.5}table{border-collapse:collapse;margin:1rem 0}"
    "th,td{border:1px solid #999;padding:.3rem .5rem;text-align:left;vertical-align:top}"
)


@markdown.register
def _(value: AnnualEngagementReport) -> str:
    lines = [f"# {md_text(value.title)}", ""]
    lines.append(f"Period: {value.start.isoformat()} to {value.end.isoformat()}")
    lines.append("")
    for section in value.sections:
        lines.extend(_md_section(section, 2))
    return "\n".join(lines).rstrip() + "\n"


@html.register
def _(value: AnnualEngagementReport) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{esc(value.title)}</title><style>{_STYLE}</style></head>"
        f"<body>{report_fragment(value)}</body></html>\n"
    )


#: The character underlining a heading in plain text, by level (1 is the title).
_UNDERLINE = {1: "=", 2: "-"}


def _text_heading(title: str, level: int) -> list[str]:
    wrapped = fill(title, "")
    underline = max(len(line) for line in wrapped.splitlines())
    return [wrapped, _UNDERLINE.get(level, "~") * underline, ""]


def _text_section(section: Section, level: int) -> list[str]:
    out = _text_heading(section.title, level)
    for paragraph in section.paragraphs:
        out.extend([fill(paragraph, ""), ""])
    if section.items:
        out.extend(fill(f"- {item}", "  ") for item in section.items)
        out.append("")
    for tab in section.tables:
        if tab.rows:
            out.extend([*_labelled_rows(tab.headers, tab.rows), ""])
    for child in section.sections:
        out.extend(_text_section(child, level + 1))
    return out


@text.register
def _(value: AnnualEngagementReport) -> str:
    lines = _text_heading(value.title, 1)
    lines.extend([f"Period: {value.start.isoformat()} to {value.end.isoformat()}", ""])
    for section in value.sections:
        lines.extend(_text_section(section, 2))
    return "\n".join(lines).rstrip() + "\n"


# --- Records (one per table row, same columns) ------------------------------------------


@records.register
def _(value: ActionPlan) -> list[Record]:
    return rows_to_records(
        ("action", "description", "lead", "target"),
        ((a.id, a.text, a.lead, _target(a) or None) for a in value.all_actions()),
    )


@records.register
def _(value: LoopMetrics) -> list[Record]:
    # The table's measures, each with its value as a number (a rate from 0 to 1).
    measures = [label for label, _ in _metric_rows(value)]
    numbers = (
        value.total,
        value.closed,
        value.closure_rate,
        value.concerns,
        value.change_rate,
        value.median_days_to_respond,
        value.past_standard,
    )
    return rows_to_records(("measure", "value"), zip(measures, numbers, strict=True))


@records.register
def _(value: FeedbackLoop) -> list[Record]:
    return rows_to_records(
        ("item", "date", "channel", "theme", "you said"),
        ((i.id, i.date, i.channel, i.theme, i.text) for i in value.items),
    )


@records.register
def _(value: Table) -> list[Record]:
    return rows_to_records(tuple(h.lower() for h in value.headers), value.rows)


@records.register
def _(value: AnnualEngagementReport) -> list[Record]:
    found: list[Record] = []

    def walk(section: Section, path: str) -> None:
        for number, part in enumerate(section.tables, 1):
            found.extend({"section": path, "table": number, **row} for row in records(part))
        for sub in section.sections:
            walk(sub, f"{path} / {sub.title}")

    for section in value.sections:
        walk(section, section.title)
    return found


@records.register
def _(value: YouSaidWeDid) -> list[Record]:
    return rows_to_records(
        tuple(h.lower() for h in _YSWD),
        ((e.theme, e.we_asked, e.you_said, e.we_did, e.outcome) for e in value.entries),
    )


@records.register
def _(value: StakeholderMap) -> list[Record]:
    return rows_to_records(
        ("stakeholder group", "activity", "owner / lead"),
        ((g.name, g.activities, g.owners) for g in value.groups),
    )


@records.register
def _(value: ResponsibilityMatrix) -> list[Record]:
    return rows_to_records(("topic", "roles"), _chart_rows(value))


# --- an engagement record ------------------------------------------------------------

#: The columns of a record's facts, meetings, evidence, consultations and participants.
_MEETINGS = ("Id", "Date", "Body", "Title", "Public", "Attendance")
_CONSULTATIONS = ("Id", "Consultation", "Dates", "Recorded as")
_PARTICIPANTS = ("Characteristic", "Group", "Participants")


def _record_heading(r: EngagementRecord) -> str:
    return f"Engagement record: {r.body}"


def _plan_words(plan: ActionPlan) -> str:
    """A plan summarised by its title and counts, not printed whole."""
    objectives = counted(len(plan.all_objectives()), "objectives")
    return f"{plan.title} ({objectives}, {counted(len(plan.all_actions()), 'actions')})"


def _record_facts(r: EngagementRecord) -> list[tuple[str, str]]:
    """The record's body, plan and loop in a few words, its counts and its source."""
    body_type = r.body_type.label if r.body_type else "not stated (the commissioner of the day)"
    loop = "none" if r.loop is None else _loop_head(r.loop).removeprefix("Feedback loop: ")
    rows = [
        ("Body", r.body),
        ("Body type", body_type),
        *(() if r.year is None else [("Year", f"{r.year}/{(r.year + 1) % 100:02d}")]),
        ("Plan", "none" if r.plan is None else _plan_words(r.plan)),
        ("Feedback loop", loop),
        ("Meetings", str(len(r.meetings))),
        ("Evidence items", str(len(r.evidence))),
        ("Consultations", str(len(r.consultations))),
        ("Participant counts", str(len(r.participants))),
    ]
    if r.source is not None:
        rows.append(("Source", str(r.source)))
    return rows


def _meeting_rows(r: EngagementRecord) -> list[tuple[str, str, str, str, str, str]]:
    return [
        (
            m.id,
            m.date.isoformat(),
            m.body,
            m.title,
            "yes" if m.public else "no",
            "not recorded" if m.attendance is None else f"{m.attendance:,}",
        )
        for m in r.meetings
    ]


def _dates(c: Consultation) -> str:
    if c.start is None and c.end is None:
        return "not recorded"
    return f"{c.start or '?'} to {c.end or '?'}"


def _recorded_as(part: ConsultationPart) -> str:
    """What the record holds of a consultation: it alone, its responses, or its loop."""
    if isinstance(part, ConsultationLoop):
        return f'{counted(len(part.responses), "responses")} and their "You said, we did" loop'
    if isinstance(part, ResponseSet):
        return counted(len(part), "responses")
    return "the consultation"


def _consultation_rows(r: EngagementRecord) -> list[tuple[str, str, str, str]]:
    rows = []
    for part in r.consultations:
        c = consultation_of(part)
        rows.append((c.id or "—", c.title or "untitled", _dates(c), _recorded_as(part)))
    return rows


def _participant_rows(r: EngagementRecord) -> list[tuple[str, str, str]]:
    return [(p.characteristic, p.group, f"{p.count:,}") for p in r.participants]


def _record_sections(
    r: EngagementRecord,
) -> list[SheetSection]:
    """The record's tables after its facts, each with its heading; empty ones left out."""
    sections: list[SheetSection] = [
        ("Meetings", _MEETINGS, list(_meeting_rows(r))),
        ("Evidence", _evidence_view.COLUMNS, _evidence_view.rows(r.evidence)),
        ("Consultations", _CONSULTATIONS, list(_consultation_rows(r))),
        ("Participants", _PARTICIPANTS, list(_participant_rows(r))),
    ]
    return [section for section in sections if section[2]]


def _record_lines(r: EngagementRecord) -> list[str]:
    """The record's sections as lines of text, each row an entry of a list."""
    lines = []
    if r.meetings:
        lines.append(f"Meetings ({len(r.meetings)}):")
    for m in r.meetings:
        public = "" if m.public else ", in private"
        lines.append(f"  - {m.id}: {text(m)}{public}")
    lines.extend(_evidence_view.lines(r.evidence))
    if r.consultations:
        lines.append(f"Consultations ({len(r.consultations)}):")
    for ident, title, dates, recorded in _consultation_rows(r):
        named = title if ident == "—" else f"{ident}: {title}"
        lines.append(f"  - {named}")
        lines.append(f"      dates: {dates}; recorded as {recorded}")
    if r.participants:
        lines.append(f"Participants ({len(r.participants)} counts):")
    lines.extend(
        f"  - {characteristic}, {group}: {count}"
        for characteristic, group, count in _participant_rows(r)
    )
    return lines


@text.register
def _(value: EngagementRecord) -> str:
    return sheet_text(_record_heading(value), _record_facts(value), _record_lines(value))


@html.register
def _(value: EngagementRecord) -> str:
    return sheet_html(_record_heading(value), _record_facts(value), _record_sections(value))


@markdown.register
def _(value: EngagementRecord) -> str:
    return sheet_markdown(_record_heading(value), _record_facts(value), _record_sections(value))
