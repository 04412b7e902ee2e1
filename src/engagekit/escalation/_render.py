"""Renderers for escalation networks, their reports and feedback flows (private).

Registered on the dispatching renderers of `engagekit._display` when
`engagekit.escalation` is imported. The query results that are listings (`Route`,
`Cascade`, `NetworkDuties`) use the shared table renderers.
"""

from __future__ import annotations

import itertools

from engagekit._display import (
    counted,
    esc,
    html,
    markdown,
    md_table,
    mermaid,
    mermaid_label,
    table,
    text,
)
from engagekit.escalation._flow import FeedbackFlow, FlowStage
from engagekit.escalation._network import EscalationNetwork
from engagekit.escalation._ods import OdsImport
from engagekit.escalation._odsnames import ICB_ERA
from engagekit.escalation._pcn import PcnImport
from engagekit.escalation._results import BodyDuties, Coverage, Gaps


def _share(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.0%}"


def _tier_rows(value: EscalationNetwork) -> list[tuple[str, int, str]]:
    rows = []
    for tier, bodies in value.by_tier().items():
        kinds: dict[str, int] = {}
        for body in bodies:
            kinds[body.kind.label] = kinds.get(body.kind.label, 0) + 1
        summary = ", ".join(f"{count} {kind.lower()}" for kind, count in kinds.items())
        rows.append((tier.label, len(bodies), summary))
    return rows


# --- networks ------------------------------------------------------------------------


@text.register
def _(value: EscalationNetwork) -> str:
    lines = [value.name, "=" * len(value.name)]
    for label, count, summary in _tier_rows(value):
        lines.append(f"{label}: {count} ({summary})")
    lines.append("Top: " + ", ".join(b.name for b in value.top))
    placeholders = sum(1 for b in value.bodies if b.placeholder)
    if placeholders:
        lines.append(f"{placeholders} bodies are placeholders: the source gives a count, not names")
    if value.source is not None:
        lines.append(f"Source: {value.source}")
    return "\n".join(lines)


@html.register
def _(value: EscalationNetwork) -> str:
    body = table(("Tier", "Bodies", "Kinds"), _tier_rows(value), caption=value.name)
    top = ", ".join(esc(b.name) for b in value.top)
    source = f"<p><small>Source: {esc(value.source)}</small></p>" if value.source else ""
    return f'<div class="engagekit">{body}<p>Top: {top}</p>{source}</div>'


@markdown.register
def _(value: EscalationNetwork) -> str:
    return f"## {value.name}\n\n" + md_table(("Tier", "Bodies", "Kinds"), _tier_rows(value))


@mermaid.register
def _(value: EscalationNetwork) -> str:
    return value.to_mermaid()


# --- reports -------------------------------------------------------------------------------


@text.register
def _(value: Coverage) -> str:
    lines = [
        f"Practices: {value.practices}",
        (
            f"  with a patient group: {value.with_patient_group} "
            f"({_share(value.share_with_patient_group)})"
        ),
        f"  represented on the next tier: {value.represented} ({_share(value.share_represented)})",
    ]
    for seat in value.seats:
        filled = "not known" if seat.filled is None else str(seat.filled)
        lines.append(f"Seats on {seat.body}: {seat.seats}, filled: {filled}")
    return "\n".join(lines)


def _coverage_rows(value: Coverage) -> list[tuple[object, ...]]:
    return [
        ("Practices", value.practices, ""),
        ("With a patient group", value.with_patient_group, _share(value.share_with_patient_group)),
        ("Represented on the next tier", value.represented, _share(value.share_represented)),
        *(
            (f"Seats on {s.body}", s.seats, "filled not known" if s.filled is None else s.filled)
            for s in value.seats
        ),
    ]


@html.register
def _(value: Coverage) -> str:
    return table(
        ("Practices", "Count", "Share / filled"),
        _coverage_rows(value),
        caption="Coverage",
        row_headers=True,
    )


@markdown.register
def _(value: Coverage) -> str:
    return "### Coverage\n\n" + md_table(("", "Count", "Share / filled"), _coverage_rows(value))


@text.register
def _(value: Gaps) -> str:
    if value.is_empty:
        return "No gaps found."
    parts = (
        ("Practices with no patient group", value.no_patient_group),
        ("Practices not represented on the next tier", value.unrepresented),
        ("Bodies with no route to the top", value.no_route),
        ("Forums with no members", value.empty_forums),
    )
    lines = []
    for label, ids in parts:
        if ids:
            shown = ", ".join(ids[:10]) + (f", … ({len(ids) - 10} more)" if len(ids) > 10 else "")
            lines.append(f"{label} ({len(ids)}): {shown}")
    return "\n".join(lines)


@html.register
def _(value: Gaps) -> str:
    rows = [
        ("No patient group", ", ".join(value.no_patient_group) or "none"),
        ("Not represented", ", ".join(value.unrepresented) or "none"),
        ("No route to the top", ", ".join(value.no_route) or "none"),
        ("Forums with no members", ", ".join(value.empty_forums) or "none"),
    ]
    return table(("Gap", "Bodies"), rows, caption="Gaps", row_headers=True)


@markdown.register
def _(value: Gaps) -> str:
    return md_table(("Gap", "Body"), list(value))


@html.register
def _(value: OdsImport) -> str:
    rows = [(reason, count) for reason, count in value.skipped_by_reason().items()]
    caption = _ods_summary(value)
    return table(("Skipped because", "Rows"), rows, caption=caption)


@text.register
def _(value: BodyDuties) -> str:
    head = f"{value.body.name} [{value.body.id}]"
    if not value.duties:
        return f"{head}: no duties ({value.reason or 'none in force'})"
    return "\n".join([f"{head}:", *(f"  - {d.id}: {d.title}" for d in value.duties)])


@html.register
def _(value: BodyDuties) -> str:
    rows = [(d.id, d.title) for d in value.duties]
    return table(("Duty", "Title"), rows, caption=f"{value.body.name}: {len(rows)} duties")


@text.register
def _(value: OdsImport) -> str:
    return _import_text(
        _ods_summary(value), value, "Warnings (a body given two parents; one kept by rule):"
    )


#: At most this many warnings are printed with an import; the rest are counted.
WARNINGS_SHOWN = 20


def _import_text(summary: str, value: OdsImport | PcnImport, heading: str) -> str:
    """An import as text: its summary, the rows skipped by reason, the first warnings."""
    lines = [summary]
    lines.extend(f"  {reason}: {count}" for reason, count in value.skipped_by_reason().items())
    if value.warnings:
        lines.append(heading)
        lines.extend(f"  {warning}" for warning in value.warnings[:WARNINGS_SHOWN])
        rest = len(value.warnings) - WARNINGS_SHOWN
        if rest > 0:
            lines.append(f"  … and {rest} more")
    return "\n".join(lines)


def _ods_summary(value: OdsImport) -> str:
    summary = (
        f"{counted(value.rows, 'rows')} read; "
        f"{counted(len(value.network.practices), 'practices')}; "
        f"{counted(len(value.skipped), 'rows')} skipped"
    )
    if value.warnings:
        summary += f"; {counted(len(value.warnings), 'warnings')}"
    if value.era is not None:
        structure = "CCGs" if value.era < ICB_ERA else "sub-ICB locations and ICBs"
        summary += f"; kinds as on {value.era.isoformat()} ({structure})"
    return summary


def _pcn_summary(value: PcnImport) -> str:
    summary = (
        f"{counted(value.rows, 'rows')} read; {counted(len(value.memberships), 'memberships')} "
        f"in {counted(len(value.pcns), 'primary care networks')}; "
        f"{counted(len(value.skipped), 'rows')} skipped"
    )
    if value.warnings:
        summary += f"; {counted(len(value.warnings), 'warnings')}"
    return summary


@text.register
def _(value: PcnImport) -> str:
    return _import_text(
        _pcn_summary(value), value, "Warnings (a PCN given two parents; the first row's kept):"
    )


@html.register
def _(value: PcnImport) -> str:
    rows = list(value.skipped_by_reason().items())
    return table(("Skipped because", "Rows"), rows, caption=_pcn_summary(value))


@markdown.register
def _(value: PcnImport) -> str:
    rows = list(value.skipped_by_reason().items())
    return f"{_pcn_summary(value)}\n\n" + md_table(("Skipped because", "Rows"), rows)


# --- feedback flows ----------------------------------------------------------------------


@text.register
def _(value: FeedbackFlow) -> str:
    lines = [value.name, "=" * len(value.name)]
    for stage, items in value.stages().items():
        lines.append(f"{stage.label} ({stage.question}):")
        lines.extend(f"  - {item.name}" for item in items)
    if value.source is not None:
        lines.append(f"Source: {value.source}")
    return "\n".join(lines)


@html.register
def _(value: FeedbackFlow) -> str:
    stages = value.stages()
    depth = max((len(items) for items in stages.values()), default=0)
    rows = [
        tuple(items[row].name if row < len(items) else "" for items in stages.values())
        for row in range(depth)
    ]
    return table(tuple(s.label for s in FlowStage), rows, caption=value.name)


@mermaid.register
def _(value: FeedbackFlow) -> str:
    lines = ["flowchart LR"]
    stages = value.stages()
    for stage, items in stages.items():
        lines.append(f'    subgraph {stage.value}["{stage.label}"]')
        lines.extend(f'        {item.id}["{mermaid_label(item.name)}"]' for item in items)
        lines.append("    end")
    # Where every item of a stage reaches every item of the next, draw one arrow
    # between the columns (as Sutton's chart does); otherwise draw the item links.
    stage_of = {item.id: item.stage for item in value.items}
    order = list(FlowStage)
    for a, b in itertools.pairwise(order):
        pairs = [link for link in value.links if stage_of[link.source] is a]
        if pairs and len(pairs) == len(stages[a]) * len(stages[b]):
            lines.append(f"    {a.value} --> {b.value}")
        else:
            lines.extend(f"    {link.source} --> {link.target}" for link in pairs)
    return "\n".join(lines)
