"""Renderers for duties, checklists and compliance reports (private).

Registered on the dispatching functions of ``engagekit._display`` when
``engagekit.duties`` is imported.
"""

from __future__ import annotations

import operator
import textwrap

from engagekit._display import (
    Html,
    Record,
    esc,
    fill,
    html,
    linked,
    markdown,
    md_table,
    md_text,
    records,
    rows_to_records,
    table,
    text,
)
from engagekit.duties import _citing
from engagekit.duties._bodies import BodyType
from engagekit.duties._changes import DutyChanges
from engagekit.duties._checklist import Checklist, ComplianceReport, Finding
from engagekit.duties._model import Duty, Requirement
from engagekit.duties._registry import DutyRegistry
from engagekit.duties._results import DutiesInForce
from engagekit.results import Outcome, _reason_html, _reason_markdown, _reason_text
from engagekit.sources import LegalForce


_UNVERIFIED = "[unverified]"


def _wrap(value: str, indent: str = "    ") -> str:
    return textwrap.fill(value, width=88, initial_indent=indent, subsequent_indent=indent)


def _flag(verified: bool) -> str:
    return "" if verified else f" {_UNVERIFIED}"


# --- Legal force --------------------------------------------------------------------

#: How each group of duties reads: what a gap against it means.
_FORCE_HEADINGS = {
    LegalForce.STATUTE: "Statute: a gap is a breach of the law",
    LegalForce.REGULATIONS: "Regulations: a gap is a breach of the law",
    LegalForce.CASE_LAW: "Case law: a gap is a breach of the common law",
    LegalForce.STATUTORY_GUIDANCE: (
        "Statutory guidance (have regard): departure is lawful with recorded reasons"
    ),
    LegalForce.CONTRACT: "Contract terms: binding on the parties as a contract, not as statute",
    LegalForce.NATIONAL_POLICY: "National policy, not law: the decision maker may depart from it",
    LegalForce.LOCAL_PRACTICE: "Local practice, not law: one organisation's own practice",
    LegalForce.CONVENTION: "engagekit's convention, not law",
}


def _force(duty: Duty) -> str:
    """The duty's legal force in words; local practice says whose."""
    if duty.force is LegalForce.LOCAL_PRACTICE:
        return f"local practice ({duty.source.publisher})"
    return duty.force.label


def _cited(duty: Duty, requirement: Requirement | None = None) -> str:
    """The citation of a duty or of one of its requirements as it reads beside the rule:
    guidance cited to the power it was issued under says so (as `Duty.source_of`
    does); a body's own practice recorded beside a duty says what it serves."""
    citation = duty.citation
    if requirement is not None and requirement.citation is not None:
        citation = requirement.citation
    force = duty.force_of(requirement)
    if force is not duty.force:
        return str(citation) if force.binding else f"{_citing.SERVING}{citation}"
    return _citing.cited(str(citation), force, citation.instrument)


def _gap_status(outcome: Outcome, force: LegalForce | None) -> str:
    """A finding's status: "NOT MET" only against law; a gap against anything else
    says what it is ("NOT FOLLOWED: departure needs recorded reasons")."""
    if outcome is not Outcome.NOT_MET or force is None or force.binding:
        return outcome.label.upper()
    return f"NOT FOLLOWED: {force.gap}"


# --- Duty -------------------------------------------------------------------------


def _named(body: BodyType) -> str:
    """The body type in words with its article: "an integrated care board", "NHS England"."""
    label = body.label
    if body is BodyType.NHS_ENGLAND:
        return label
    return f"{'an' if label[0] in 'aeiou' or label.startswith('NHS') else 'a'} {label}"


def _record_source(duty: Duty) -> str:
    """The record's source; where the rule's own document is recorded (``rule_source``),
    that document first, and the page it was read through (as a finding says it)."""
    own = duty.rule_source
    if own is None:
        return str(duty.source)
    return f"{own.publisher}, {own.title} (read through {duty.source})"


@text.register
def _(value: Duty) -> str:
    lines = [fill(f"{value.title} [{value.id}]{_flag(value.verified)}")]
    lines.append(fill(f"    {_cited(value)} | {_force(value)} | in force {value.period}", " " * 8))
    lines.append(fill("    binds: " + ", ".join(b.label for b in value.bodies), " " * 8))
    lines.append(_wrap(value.summary))
    for item in value.requirements:
        condition = "" if item.trigger.value == "always" else f" (only when {item.trigger.value})"
        lines.append(
            fill(f"    ({item.key}) {item.text}{condition}{_flag(item.verified)}", " " * 8)
        )
    if value.guidance:
        lines.append(fill("    have regard to: " + ", ".join(value.guidance), " " * 8))
    lines.extend(_wrap(f"note: {note}") for note in value.notes)
    source = f"    source: {_record_source(value)}; reviewed {value.reviewed_on.isoformat()}"
    lines.append(fill(source, " " * 8))
    return "\n".join(lines)


@html.register
def _(value: Duty) -> str:
    rows = [
        (item.key, item.text, item.trigger.value, "yes" if item.verified else "no")
        for item in value.requirements
    ]
    head = (
        f"<p><strong>{esc(value.title)}</strong> ({esc(_cited(value))}), "
        f"{esc(_force(value))}, in force {esc(value.period)}"
        f"{'' if value.verified else ' <em>(not verified)</em>'}</p>"
        f"<p>{esc(value.summary)}</p>"
    )
    body = table(
        ("Requirement", "Text", "Applies", "Verified"), rows, caption=f"{value.title}: requirements"
    )
    foot = f"<p><small>Source: {linked(_record_source(value))}</small></p>"
    return f'<div class="engagekit">{head}{body}{foot}</div>'


@markdown.register
def _(value: Duty) -> str:
    rows = [(item.key, item.text, item.trigger.value) for item in value.requirements]
    flag = "" if value.verified else " *(not verified)*"
    return (
        f"### {md_text(value.title)}{flag}\n\n{_cited(value)} ({_force(value)}); "
        f"in force {value.period}.\n\n"
        f"{value.summary}\n\n" + md_table(("Requirement", "Text", "Applies"), rows)
    )


# --- Duties in force --------------------------------------------------------------


_DUTY_HEADERS = ("Id", "Duty", "Force", "Citation", "In force", "Verified")


def _duty_rows(duties: tuple[Duty, ...]) -> list[tuple[str, str, str, str, str, str]]:
    return [
        (d.id, d.title, _force(d), _cited(d), d.period, "yes" if d.verified else "no")
        for d in duties
    ]


#: What a body bound by nothing on a day is said to be bound by, before the reason.
#: ("None: ..." read as Python's None.)
_NONE = "No duties or rules"


def _in_force_head(value: DutiesInForce) -> str:
    return f"Duties and rules for {_named(value.body)} on {value.on.isoformat()}, by legal force"


@text.register
def _(value: DutiesInForce) -> str:
    head = _in_force_head(value)
    lines = [head, "=" * len(head)]
    if not value.duties:
        lines.append(fill(f"{_NONE}: {value.reason}"))
        return "\n".join(lines)
    for force, duties in value.by_force().items():
        lines.append("")
        lines.append(_FORCE_HEADINGS[force])
        for duty in duties:
            line = f"  {duty.id:<42} {_cited(duty)}{_flag(duty.verified)}"
            lines.append(fill(line, " " * 45))  # under the citation
            whose = f"; {duty.source.publisher}" if force is LegalForce.LOCAL_PRACTICE else ""
            lines.append(fill(f"      {duty.title} (in force {duty.period}{whose})", " " * 8))
    lines.append("")
    lines.append(
        f"{len(value.law)} of {len(value.duties)} are law; only a gap against law is a breach."
    )
    if value.unverified:
        lines.append(
            f"{len(value.unverified)} of {len(value.duties)} records are not verified "
            "against a primary source."
        )
    return "\n".join(lines)


@html.register
def _(value: DutiesInForce) -> str:
    caption = _in_force_head(value)
    if not value.duties:
        return (
            f'<div class="engagekit"><p><strong>{esc(caption)}</strong></p>'
            f"<p>{_NONE}: {esc(value.reason)}.</p></div>"
        )
    parts = [f"<p><strong>{esc(caption)}</strong></p>"]
    for force, duties in value.by_force().items():
        parts.append(table(_DUTY_HEADERS, _duty_rows(duties), caption=_FORCE_HEADINGS[force]))
    return f'<div class="engagekit">{"".join(parts)}</div>'


@markdown.register
def _(value: DutiesInForce) -> str:
    head = f"## {md_text(_in_force_head(value))}\n\n"
    if not value.duties:
        return head + f"{_NONE}: {value.reason}."
    parts = [
        f"### {_FORCE_HEADINGS[force]}\n\n" + md_table(_DUTY_HEADERS, _duty_rows(duties))
        for force, duties in value.by_force().items()
    ]
    return head + "\n\n".join(parts)


# --- Registry (a timeline) ----------------------------------------------------------


def _timeline(value: DutyRegistry) -> list[tuple[str, str, str, str, str, str]]:
    ordered = sorted(value.duties, key=lambda d: (d.in_force_from, d.id))
    return [
        (
            d.period,
            _cited(d),
            _force(d),
            d.title,
            ", ".join(b.abbreviation for b in d.bodies),
            "yes" if d.verified else "no",
        )
        for d in ordered
    ]


_TIMELINE_HEADERS = ("In force", "Citation", "Force", "Duty", "Binds", "Verified")


@text.register
def _(value: DutyRegistry) -> str:
    lines = [f"{len(value.ids)} duties, {len(value)} versions"]
    for period, citation, force, title, bodies, verified in _timeline(value):
        flag = "" if verified == "yes" else f" {_UNVERIFIED}"
        hang = " " * 27  # under the citation, after the period
        lines.append(fill(f"{period:<26} {citation} ({bodies}){flag}", hang))
        lines.append(fill(f"{hang}{title} [{force}]", hang))
    return "\n".join(lines)


@markdown.register
def _(value: DutyRegistry) -> str:
    return md_table(_TIMELINE_HEADERS, _timeline(value))


@html.register
def _(value: DutyRegistry) -> str:
    caption = f"{len(value.ids)} duties, {len(value)} versions"
    body = table(_TIMELINE_HEADERS, _timeline(value), caption=caption)
    return f'<div class="engagekit">{body}</div>'


# --- Changes ------------------------------------------------------------------------


def _change_rows(value: DutyChanges) -> list[tuple[str, str, str, str]]:
    rows = [
        (
            b.on.isoformat(),
            "body " + ("established" if b.started else "abolished"),
            b.body.label,
            "",
        )
        for b in value.bodies
    ]
    rows.extend((c.on.isoformat(), c.kind.value, c.duty_id, c.title) for c in value.changes)
    # In date order; on one day, the bodies first, then the duties in their order.
    return sorted(rows, key=_on)


#: A change row's day, its first item: what the rows are sorted by, stably.
_on = operator.itemgetter(0)


@text.register
def _(value: DutyChanges) -> str:
    head = f"Changes after {value.start.isoformat()} up to {value.end.isoformat()}"
    lines = [head, "=" * len(head)]
    if not value.changes and not value.bodies:
        lines.append("No duty started, ended or changed.")
    for on, kind, name, title in _change_rows(value):
        lines.append(f"{on}  {kind:<16} {name}")
        if title:
            lines.append(fill(f"{'':<30}{title}", " " * 30))
    return "\n".join(lines)


@markdown.register
def _(value: DutyChanges) -> str:
    return md_table(("On", "Change", "Duty or body", "Title"), _change_rows(value))


@html.register
def _(value: DutyChanges) -> str:
    body = table(("On", "Change", "Duty or body", "Title"), _change_rows(value), caption="Changes")
    return f'<div class="engagekit">{body}</div>'


# --- Checklist and compliance report -----------------------------------------------


def _nothing_to_check(value: Checklist) -> str:
    """What an empty checklist says, with why when it knows (no such body that day)."""
    return f"Nothing to check: {value.reason}" if value.reason else "Nothing to check"


@text.register
def _(value: Checklist) -> str:
    head = _checklist_head(value)
    lines = [head, "=" * len(head)]
    if not value.items:
        lines.append(fill(_nothing_to_check(value)))
    for item in value.items:
        lines.append(f"[ ] {item.id}{_flag(item.verified)}")
        force = item.duty.force_of(item.requirement).label
        lines.append(
            _wrap(
                f"{item.requirement.text} ({_cited(item.duty, item.requirement)}; {force})",
                "      ",
            )
        )
    return "\n".join(lines)


#: The columns of a checklist's table.
_CHECKLIST = ("Requirement", "Text", "Citation", "Force", "Verified")


def _checklist_head(value: Checklist) -> str:
    article = "an" if value.body.label[:1].lower() in "aeiou" else "a"
    return f"Checklist for {article} {value.body.label} on {value.on.isoformat()}"


def _checklist_rows(value: Checklist) -> list[tuple[str, str, str, str, str]]:
    return [
        (
            item.id,
            item.requirement.text,
            _cited(item.duty, item.requirement),
            item.duty.force_of(item.requirement).label,
            "yes" if item.verified else "no",
        )
        for item in value.items
    ]


@html.register
def _(value: Checklist) -> str:
    if not value.items:
        # As the text says: an empty table alone hid why there is nothing to check.
        return (
            f'<div class="engagekit"><p><strong>{esc(_checklist_head(value))}</strong></p>'
            f"<p>{esc(_nothing_to_check(value))}.</p></div>"
        )
    body = table(_CHECKLIST, _checklist_rows(value), caption=_checklist_head(value))
    return f'<div class="engagekit">{body}</div>'


@markdown.register
def _(value: Checklist) -> str:
    head = f"## {md_text(_checklist_head(value))}\n\n"
    if not value.items:
        return head + _nothing_to_check(value)
    return head + md_table(_CHECKLIST, _checklist_rows(value))


def _status(finding: Finding) -> str:
    return _gap_status(finding.outcome, finding.force)


def _force_line(value: ComplianceReport) -> str:
    breaches, departures = len(value.breaches), len(value.overridable)
    return (
        f"Breaches of law: {breaches}; gaps against guidance, contract, policy or local "
        f"practice (not breaches of law): {departures}"
    )


@text.register
def _(value: ComplianceReport) -> str:
    head = (
        f"Compliance report: {value.body.label}, duties in force on {value.on.isoformat()}, "
        f"assessed as of {value.as_of.isoformat()}"
    )
    lines = [fill(head), fill(f"Summary: {value.summary}"), f"Outcome: {value.outcome.label}"]
    lines.append(fill(_force_line(value)))
    if value.unverified:
        lines.append(
            f"{len(value.unverified)} requirement records are not verified against a "
            f"primary source (marked {_UNVERIFIED})."
        )
    for finding in value.reasons:
        lines.append("")
        status = f"{_status(finding):<14} {finding.rule}{_flag(finding.verified)}"
        lines.append(fill(status, " " * 15))
        lines.append(_wrap(finding.title))
        force = "" if finding.force is None else f" [{finding.force.label}]"
        lines.append(fill(f"    {_citing.described(finding.source)}{force}", " " * 8))
        lines.extend(_wrap(f"- {point}", "    ") for point in finding.points)
    return "\n".join(lines)


def _evidence_cell(finding: Finding) -> str:
    return "; ".join(f"{e.what} [{e.id}]" for e in finding.used) or "none"


def _finding_rows(value: ComplianceReport) -> list[tuple[str, str, str, str, str]]:
    return [
        (
            _status(f).lower(),
            f.rule + ("" if f.verified else " (unverified)"),
            _citing.citation_cell(f.source),
            "—" if f.force is None else f.force.label,
            _evidence_cell(f),
        )
        for f in value.reasons
    ]


_HEADERS = ("Outcome", "Requirement", "Citation", "Force", "Evidence", "Reasons")


@markdown.register
def _(value: ComplianceReport) -> str:
    head = (
        f"## Compliance report: {value.body.label}\n\nDuties in force on "
        f"{value.on.isoformat()}, assessed as of {value.as_of.isoformat()}. "
        f"**{value.summary}**; outcome: {value.outcome.label}. {_force_line(value)}.\n\n"
    )
    rows = [
        (*row, Html("<br>".join(f"• {md_text(point)}" for point in finding.points)))
        for row, finding in zip(_finding_rows(value), value.reasons, strict=True)
    ]
    return head + md_table(_HEADERS, rows)


def _evidence_html(finding: Finding) -> Html:
    """The evidence used, each piece a link to its document where it has one."""
    pieces = [
        f'<a href="{esc(e.link)}">{esc(e.what)}</a> [{esc(e.id)}]'
        if e.link
        else f"{esc(e.what)} [{esc(e.id)}]"
        for e in finding.used
    ]
    return Html("; ".join(pieces) or "none")


@html.register
def _(value: ComplianceReport) -> str:
    caption = f"Compliance report: {value.body.label}, as of {value.as_of.isoformat()}"
    rows = [
        (
            *row[:4],
            _evidence_html(finding),
            Html("<ul>" + "".join(f"<li>{linked(p)}</li>" for p in finding.points) + "</ul>"),
        )
        for row, finding in zip(_finding_rows(value), value.reasons, strict=True)
    ]
    return (
        f'<div class="engagekit"><p><strong>{esc(value.summary)}</strong>; '
        f"outcome: {esc(value.outcome.label)}. {esc(_force_line(value))}</p>"
        f"{table(_HEADERS, rows, caption=caption)}</div>"
    )


# --- A finding on its own ---------------------------------------------------------------
# As any reason reads (engagekit.results), with its source in words: a rule that is not
# law, read through another document, names itself first (_citing.described).


@text.register
def _(value: Finding) -> str:
    return _reason_text(value, _citing.described(value.source))


@markdown.register
def _(value: Finding) -> str:
    return _reason_markdown(value, _citing.described(value.source))


@html.register
def _(value: Finding) -> str:
    return _reason_html(value, _citing.described(value.source))


# --- Records (one per table row, same columns) ------------------------------------------


@records.register
def _(value: Duty) -> list[Record]:
    return rows_to_records(
        ("requirement", "text", "applies", "verified"),
        ((item.key, item.text, item.trigger, item.verified) for item in value.requirements),
    )


@records.register
def _(value: DutyRegistry) -> list[Record]:
    ordered = sorted(value.duties, key=lambda d: (d.in_force_from, d.id))
    return rows_to_records(
        ("id", *(h.lower() for h in _TIMELINE_HEADERS)),
        (
            (
                d.id,
                d.period,
                _cited(d),
                d.force,
                d.title,
                ", ".join(b.abbreviation for b in d.bodies),
                d.verified,
            )
            for d in ordered
        ),
    )


@records.register
def _(value: DutyChanges) -> list[Record]:
    rows: list[tuple[object, ...]] = [
        (b.on, "body " + ("established" if b.started else "abolished"), b.body, None)
        for b in value.bodies
    ]
    rows.extend((c.on, c.kind, c.duty_id, c.title) for c in value.changes)
    return rows_to_records(("on", "change", "duty or body", "title"), sorted(rows, key=_on))


@records.register
def _(value: Checklist) -> list[Record]:
    return rows_to_records(
        ("requirement", "text", "citation", "force", "verified"),
        (
            (
                item.id,
                item.requirement.text,
                _cited(item.duty, item.requirement),
                item.duty.force_of(item.requirement),
                item.verified,
            )
            for item in value.items
        ),
    )


@records.register
def _(value: ComplianceReport) -> list[Record]:
    return rows_to_records(
        ("outcome", "requirement", "verified", "citation", "force", "evidence", "reasons"),
        (
            (
                f.outcome,
                f.rule,
                f.verified,
                _citing.citation_cell(f.source),
                f.force,
                f.evidence,
                f.points,
            )
            for f in value.reasons
        ),
    )
