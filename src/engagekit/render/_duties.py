"""Renderers for duties, checklists, compliance reports and equality results (private)."""

from __future__ import annotations

import textwrap

from engagekit.duties import (
    Checklist,
    ComplianceReport,
    DutiesInForce,
    Duty,
    DutyChanges,
    DutyRegistry,
    FindingStatus,
)
from engagekit.duties.equality import RepresentationReport
from engagekit.render._core import esc, html, markdown, md_table, table, text


_UNVERIFIED = "[unverified]"


def _wrap(value: str, indent: str = "    ") -> str:
    return textwrap.fill(value, width=88, initial_indent=indent, subsequent_indent=indent)


def _flag(verified: bool) -> str:
    return "" if verified else f" {_UNVERIFIED}"


# --- Duty -------------------------------------------------------------------------


@text.register
def _(value: Duty) -> str:
    lines = [f"{value.title} [{value.id}]{_flag(value.verified)}"]
    lines.append(f"    {value.citation} | {value.kind.label} | in force {value.period}")
    lines.append("    binds: " + ", ".join(b.label for b in value.bodies))
    lines.append(_wrap(value.summary))
    for item in value.requirements:
        condition = "" if item.trigger.value == "always" else f" (only when {item.trigger.value})"
        lines.append(f"    ({item.key}) {item.text}{condition}{_flag(item.verified)}")
    if value.guidance:
        lines.append("    have regard to: " + ", ".join(value.guidance))
    lines.extend(_wrap(f"note: {note}") for note in value.notes)
    lines.append(f"    source: {value.source}; reviewed {value.reviewed_on.isoformat()}")
    return "\n".join(lines)


@html.register
def _(value: Duty) -> str:
    rows = [
        (item.key, item.text, item.trigger.value, "yes" if item.verified else "no")
        for item in value.requirements
    ]
    head = (
        f"<p><strong>{esc(value.title)}</strong> ({esc(value.citation)}), "
        f"{esc(value.kind.label)}, in force {esc(value.period)}"
        f"{'' if value.verified else ' <em>(not verified)</em>'}</p>"
        f"<p>{esc(value.summary)}</p>"
    )
    body = table(("Requirement", "Text", "Applies", "Verified"), rows)
    foot = f"<p><small>Source: {esc(value.source)}</small></p>"
    return f'<div class="engagekit">{head}{body}{foot}</div>'


@markdown.register
def _(value: Duty) -> str:
    rows = [(item.key, item.text, item.trigger.value) for item in value.requirements]
    flag = "" if value.verified else " *(not verified)*"
    return (
        f"### {value.title}{flag}\n\n{value.citation}; in force {value.period}.\n\n"
        f"{value.summary}\n\n" + md_table(("Requirement", "Text", "Applies"), rows)
    )


# --- Duties in force --------------------------------------------------------------


def _duty_rows(duties: tuple[Duty, ...]) -> list[tuple[str, str, str, str, str]]:
    return [
        (d.id, d.title, str(d.citation), d.period, "yes" if d.verified else "no") for d in duties
    ]


@text.register
def _(value: DutiesInForce) -> str:
    head = f"Duties binding a {value.body.label} on {value.on.isoformat()}"
    lines = [head, "=" * len(head)]
    if not value.duties:
        lines.append(f"None: {value.reason}")
        return "\n".join(lines)
    for duty in value.duties:
        lines.append(f"{duty.id:<42} {duty.citation}{_flag(duty.verified)}")
        lines.append(f"    {duty.title} (in force {duty.period})")
    if value.unverified:
        lines.append(
            f"{len(value.unverified)} of {len(value.duties)} records are not verified "
            "against a primary source."
        )
    return "\n".join(lines)


@html.register
def _(value: DutiesInForce) -> str:
    caption = f"Duties binding a {value.body.label} on {value.on.isoformat()}"
    if not value.duties:
        return f'<div class="engagekit"><p>{esc(caption)}: none. {esc(value.reason)}</p></div>'
    body = table(
        ("Id", "Duty", "Citation", "In force", "Verified"),
        _duty_rows(value.duties),
        caption=caption,
    )
    return f'<div class="engagekit">{body}</div>'


@markdown.register
def _(value: DutiesInForce) -> str:
    head = f"## Duties binding a {value.body.label} on {value.on.isoformat()}\n\n"
    if not value.duties:
        return head + f"None: {value.reason}."
    return head + md_table(
        ("Id", "Duty", "Citation", "In force", "Verified"), _duty_rows(value.duties)
    )


# --- Registry (a timeline) ----------------------------------------------------------


def _timeline(value: DutyRegistry) -> list[tuple[str, str, str, str, str]]:
    ordered = sorted(value.duties, key=lambda d: (d.in_force_from, d.id))
    return [
        (
            d.period,
            str(d.citation),
            d.title,
            ", ".join(b.abbreviation for b in d.bodies),
            "yes" if d.verified else "no",
        )
        for d in ordered
    ]


@text.register
def _(value: DutyRegistry) -> str:
    lines = [f"{len(value.ids)} duties, {len(value)} versions"]
    for period, citation, title, bodies, verified in _timeline(value):
        flag = "" if verified == "yes" else f" {_UNVERIFIED}"
        lines.append(f"{period:<26} {citation} ({bodies}){flag}\n{'':<27}{title}")
    return "\n".join(lines)


@markdown.register
def _(value: DutyRegistry) -> str:
    return md_table(("In force", "Citation", "Duty", "Binds", "Verified"), _timeline(value))


@html.register
def _(value: DutyRegistry) -> str:
    body = table(("In force", "Citation", "Duty", "Binds", "Verified"), _timeline(value))
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
    return rows


@text.register
def _(value: DutyChanges) -> str:
    head = f"Changes after {value.start.isoformat()} up to {value.end.isoformat()}"
    lines = [head, "=" * len(head)]
    if not value.changes and not value.bodies:
        lines.append("No duty started, ended or changed.")
    for on, kind, name, title in _change_rows(value):
        lines.append(f"{on}  {kind:<16} {name}" + (f"\n{'':<30}{title}" if title else ""))
    return "\n".join(lines)


@markdown.register
def _(value: DutyChanges) -> str:
    return md_table(("On", "Change", "Duty or body", "Title"), _change_rows(value))


@html.register
def _(value: DutyChanges) -> str:
    body = table(("On", "Change", "Duty or body", "Title"), _change_rows(value))
    return f'<div class="engagekit">{body}</div>'


# --- Checklist and compliance report -----------------------------------------------


@text.register
def _(value: Checklist) -> str:
    head = f"Checklist for a {value.body.label} on {value.on.isoformat()}"
    lines = [head, "=" * len(head)]
    if not value.items:
        lines.append(f"Nothing to check: {value.reason}")
    for item in value.items:
        lines.append(f"[ ] {item.id}{_flag(item.verified)}")
        lines.append(_wrap(f"{item.requirement.text} ({item.citation})", "      "))
    return "\n".join(lines)


@html.register
def _(value: Checklist) -> str:
    rows = [
        (item.id, item.requirement.text, str(item.citation), "yes" if item.verified else "no")
        for item in value.items
    ]
    return (
        '<div class="engagekit">'
        + table(
            ("Requirement", "Text", "Citation", "Verified"),
            rows,
            caption=f"Checklist for a {value.body.label} on {value.on.isoformat()}",
        )
        + "</div>"
    )


def _status(status: FindingStatus) -> str:
    return status.label.upper()


@text.register
def _(value: ComplianceReport) -> str:
    head = (
        f"Compliance report: {value.body.label}, duties in force on {value.on.isoformat()}, "
        f"assessed as of {value.as_of.isoformat()}"
    )
    lines = [head, f"Summary: {value.summary}", f"Outcome: {value.outcome.label}"]
    if value.unverified:
        lines.append(
            f"{len(value.unverified)} requirement records are not verified against a "
            f"primary source (marked {_UNVERIFIED})."
        )
    for finding in value.findings:
        lines.append("")
        lines.append(
            f"{_status(finding.status):<15}{finding.requirement_id}{_flag(finding.verified)}"
        )
        lines.append(_wrap(finding.text))
        lines.append(f"    {finding.citation}")
        lines.extend(_wrap(f"- {reason}", "    ") for reason in finding.reasons)
    return "\n".join(lines)


def _finding_rows(value: ComplianceReport) -> list[tuple[str, str, str, str, str]]:
    return [
        (
            f.status.label,
            f.requirement_id + ("" if f.verified else " (unverified)"),
            str(f.citation),
            "; ".join(e.what for e in f.evidence) or "none",
            " ".join(f.reasons),
        )
        for f in value.findings
    ]


@markdown.register
def _(value: ComplianceReport) -> str:
    head = (
        f"## Compliance report: {value.body.label}\n\nDuties in force on "
        f"{value.on.isoformat()}, assessed as of {value.as_of.isoformat()}. "
        f"**{value.summary}**; outcome: {value.outcome.label}.\n\n"
    )
    return head + md_table(
        ("Status", "Requirement", "Citation", "Evidence", "Reasons"), _finding_rows(value)
    )


@html.register
def _(value: ComplianceReport) -> str:
    body = table(
        ("Status", "Requirement", "Citation", "Evidence", "Reasons"),
        _finding_rows(value),
        caption=f"Compliance report: {value.body.label}, as of {value.as_of.isoformat()}",
    )
    return f'<div class="engagekit"><p><strong>{esc(value.summary)}</strong></p>{body}</div>'


# --- Representation ------------------------------------------------------------------


def _rep_rows(value: RepresentationReport) -> list[tuple[str, str, str, str, str, str]]:
    def pct(x: float | None) -> str:
        return "suppressed" if x is None else f"{x:.1%}"

    rows = []
    for r in value.rows:
        ratio = "suppressed" if r.suppressed else ("n/a" if r.ratio is None else f"{r.ratio:.2f}")
        flag = {True: "under-represented", False: "", None: ""}[r.under_represented]
        rows.append(
            (
                r.characteristic.label,
                r.category,
                pct(r.share),
                f"{r.population_share:.1%}",
                ratio,
                flag,
            )
        )
    return rows


_REP_HEAD = ("Characteristic", "Category", "Participants", "Population", "Ratio", "")


@text.register
def _(value: RepresentationReport) -> str:
    lines = [
        (
            f"Representation (counts under {value.suppress_below} suppressed; "
            f"under-represented below a ratio of {value.threshold:.2f})"
        )
    ]
    for row in _rep_rows(value):
        lines.append("  ".join(f"{cell:<18}" for cell in row).rstrip())
    return "\n".join(lines)


@markdown.register
def _(value: RepresentationReport) -> str:
    return md_table(_REP_HEAD, _rep_rows(value))


@html.register
def _(value: RepresentationReport) -> str:
    return '<div class="engagekit">' + table(_REP_HEAD, _rep_rows(value)) + "</div>"
