"""Renderers for escalation networks, their reports and feedback flows (private).

Registered on the dispatching renderers of `engagekit._display` when
`engagekit.escalation` is imported. The query results that are listings (`Route`,
`Cascade`, `NetworkDuties`) use the shared table renderers.
"""

from __future__ import annotations

import itertools

from engagekit._display import (
    Record,
    _shown_rows,
    counted,
    esc,
    fill_lines,
    html,
    markdown,
    md_table,
    md_text,
    mermaid,
    mermaid_label,
    records,
    rows_to_records,
    sheet_html,
    sheet_markdown,
    sheet_text,
    table,
    text,
)
from engagekit.escalation._bodies import Body
from engagekit.escalation._flow import FeedbackFlow, FlowStage
from engagekit.escalation._network import EscalationNetwork
from engagekit.escalation._ods import OdsImport
from engagekit.escalation._odsnames import ICB_ERA
from engagekit.escalation._pcn import PcnImport
from engagekit.escalation._results import _GAP_KINDS, BodyDuties, Coverage, Gaps
from engagekit.escalation._summary import NetworkSummary
from engagekit.escalation._tiers import BodyKind, Tier


def _share(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.0%}"


#: The columns of a network's table of tiers.
_TIERS = ("Tier", "Bodies", "Kinds")


def _tiers(value: EscalationNetwork) -> list[tuple[Tier, int, str]]:
    """Each tier, top first: its bodies and how many of each kind."""
    rows = []
    for tier, bodies in value.by_tier().items():
        kinds: dict[str, int] = {}
        for body in bodies:
            kinds[body.kind.label] = kinds.get(body.kind.label, 0) + 1
        summary = ", ".join(
            f"{count} {_in_a_sentence(kind if count == 1 else _plural(kind))}"
            for kind, count in kinds.items()
        )
        rows.append((tier, len(bodies), summary))
    return rows


def _in_a_sentence(label: str) -> str:
    """A kind's label inside a sentence: its first letter lower-cased, and nothing else,
    so "NHS England region", "sub-ICB location" and "Healthwatch / LINk" keep their
    capitals (lower-casing the whole label gave "nhs england region")."""
    first = label.split(" ", 1)[0]
    if first[1:2].isupper() or first in _PROPER_NOUNS:
        return label
    return label[:1].lower() + label[1:]


def _plural(label: str) -> str:
    """A kind's label for more than one body: "GP federations", "governing bodies or
    boards", "clinical commissioning groups (CCGs)"; a name stays as it is."""
    if label in _PLURALS:
        return _PLURALS[label]
    noun, bracket, rest = label.partition(" (")
    return f"{noun}s{bracket}{rest}"


#: The kinds' labels whose plural is not the label with an "s" before any bracket.
_PLURALS = {
    "Governing body or board": "Governing bodies or boards",
    "National body": "National bodies",
    "Locality": "Localities",
    "NHS England area team or local office": "NHS England area teams or local offices",
    "Clinical commissioning group (CCG)": "Clinical commissioning groups (CCGs)",
    "Sustainability and transformation partnership (STP)": (
        "Sustainability and transformation partnerships (STPs)"
    ),
    "NHS Wales": "NHS Wales",
    "Healthwatch / LINk": "Healthwatch / LINk",
}


#: Labels' first words that are names, capitalised wherever they stand.
_PROPER_NOUNS = frozenset({"Healthwatch"})


def _tier_rows(value: EscalationNetwork) -> list[tuple[str, int, str]]:
    return [(tier.label, count, kinds) for tier, count, kinds in _tiers(value)]


# --- network summaries ---------------------------------------------------------------


def _summary_caption(value: NetworkSummary) -> str:
    """A summary's heading names its network, as `engagekit network --summary` heads
    its text: the default, "Network summary with 5 rows and 19 bodies", named none."""
    return f"{value.name or 'Network summary'}: {value.total} bodies by tier and kind"


@html.register
def _(value: NetworkSummary) -> str:
    return table(value.columns, _shown_rows(value), caption=_summary_caption(value))


@markdown.register
def _(value: NetworkSummary) -> str:
    caption = md_text(_summary_caption(value))
    return f"## {caption}\n\n{md_table(value.columns, _shown_rows(value))}"


# --- networks ------------------------------------------------------------------------

#: What "Top:" says of a network with no bodies (every row read on a date before it).
_NO_TOP = "none: the network has no bodies"


@text.register
def _(value: EscalationNetwork) -> str:
    lines = [value.name, "=" * len(value.name)]
    for label, count, summary in _tier_rows(value):
        lines.append(f"{label}: {count} ({summary})")
    lines.append("Top: " + (", ".join(b.name for b in value.top) or _NO_TOP))
    placeholders = sum(1 for b in value.bodies if b.placeholder)
    if placeholders:
        lines.append(f"{placeholders} bodies are placeholders: the source gives a count, not names")
    if value.source is not None:
        lines.append(f"Source: {value.source}")
    return fill_lines(lines)


@html.register
def _(value: EscalationNetwork) -> str:
    body = table(_TIERS, _tier_rows(value), caption=value.name)
    top = ", ".join(esc(b.name) for b in value.top) or _NO_TOP
    source = f"<p><small>Source: {esc(value.source)}</small></p>" if value.source else ""
    return f'<div class="engagekit">{body}<p>Top: {top}</p>{source}</div>'


@markdown.register
def _(value: EscalationNetwork) -> str:
    return f"## {md_text(value.name)}\n\n" + md_table(_TIERS, _tier_rows(value))


@records.register
def _(value: EscalationNetwork) -> list[Record]:
    return rows_to_records(tuple(c.lower() for c in _TIERS), _tiers(value))


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
        lines.append(f"Seats on {seat.label}: {seat.seats}, filled: {filled}")
    return "\n".join(lines)


#: The columns of a coverage table: a share is of the practices, filled is of the seats.
_COVERAGE = ("Measure", "Count", "Share", "Filled")


def _coverage(value: Coverage) -> list[tuple[str, int, float | None, int | None]]:
    """The table's rows as figures: a measure, its count, its share, seats filled."""
    return [
        ("Practices", value.practices, None, None),
        ("With a patient group", value.with_patient_group, value.share_with_patient_group, None),
        ("Represented on the next tier", value.represented, value.share_represented, None),
        *((f"Seats on {s.label}", s.seats, None, s.filled) for s in value.seats),
    ]


def _coverage_rows(value: Coverage) -> list[tuple[object, ...]]:
    rows: list[tuple[object, ...]] = []
    for measure, count, share, filled in _coverage(value):
        seats = measure.startswith("Seats on ")
        rows.append(
            (
                measure,
                count,
                "" if seats or measure == "Practices" else _share(share),
                ("not known" if filled is None else filled) if seats else "",
            )
        )
    return rows


@html.register
def _(value: Coverage) -> str:
    return table(_COVERAGE, _coverage_rows(value), caption="Coverage", row_headers=True)


@markdown.register
def _(value: Coverage) -> str:
    return "### Coverage\n\n" + md_table(_COVERAGE, _coverage_rows(value))


@records.register
def _(value: Coverage) -> list[Record]:
    return rows_to_records(tuple(c.lower() for c in _COVERAGE), _coverage(value))


#: Body ids shown for each kind of gap; the rest are counted.
_GAPS_SHOWN = 10


def _gap_rows(value: Gaps) -> list[tuple[str, int, str]]:
    """One row for each kind of gap found: its label, count and first ids."""
    rows = []
    for field, _label, heading in _GAP_KINDS:
        ids: tuple[str, ...] = getattr(value, field)
        if ids:
            more = len(ids) - _GAPS_SHOWN
            shown = ", ".join(ids[:_GAPS_SHOWN]) + (f", … ({more} more)" if more > 0 else "")
            rows.append((heading, len(ids), shown))
    return rows


@text.register
def _(value: Gaps) -> str:
    if value.is_empty:
        return "No gaps found."
    return fill_lines(f"{label} ({count}): {shown}" for label, count, shown in _gap_rows(value))


@html.register
def _(value: Gaps) -> str:
    if value.is_empty:
        return "<p>No gaps found.</p>"
    return table(("Gap", "Bodies", "Body ids"), _gap_rows(value), caption="Gaps", row_headers=True)


@markdown.register
def _(value: Gaps) -> str:
    if value.is_empty:
        return "No gaps found."
    return "## Gaps\n\n" + md_table(("Gap", "Bodies", "Body ids"), _gap_rows(value))


@records.register
def _(value: Gaps) -> list[Record]:
    return rows_to_records(("gap", "body"), value)


#: The columns of an import's table of skipped rows.
_SKIPPED = ("Skipped because", "Rows")


@html.register
def _(value: OdsImport) -> str:
    return _import_html(_ods_summary(value), value, _ODS_WARNINGS, note=_ods_note(value))


@markdown.register
def _(value: OdsImport) -> str:
    return _import_markdown(_ods_summary(value), value, _ODS_WARNINGS, note=_ods_note(value))


def _ods_note(value: OdsImport) -> str | None:
    note = value.parents_note
    return None if note is None else f"Note: {note}."


@records.register
def _(value: OdsImport | PcnImport) -> list[Record]:
    return rows_to_records(tuple(c.lower() for c in _SKIPPED), value.skipped_by_reason().items())


@text.register
def _(value: BodyDuties) -> str:
    head = f"{value.body.name} [{value.body.id}]"
    if not value.duties:
        return f"{head}: no duties ({value.reason or 'none in force'})"
    return fill_lines([f"{head}:", *(f"  - {d.id}: {d.title}" for d in value.duties)])


@html.register
def _(value: BodyDuties) -> str:
    rows = [(d.id, d.title) for d in value.duties]
    return table(
        ("Duty", "Title"), rows, caption=f"{value.body.name}: {counted(len(rows), 'duties')}"
    )


@markdown.register
def _(value: BodyDuties) -> str:
    rows = [(d.id, d.title) for d in value.duties]
    head = f"## {md_text(value.body.name)}: {counted(len(rows), 'duties')}\n\n"
    return head + md_table(("Duty", "Title"), rows)


@records.register
def _(value: BodyDuties) -> list[Record]:
    return rows_to_records(("duty", "title"), ((d.id, d.title) for d in value.duties))


_ODS_WARNINGS = "Warnings (a body given two parents; one kept by rule):"
_PCN_WARNINGS = "Warnings (a PCN given two parents; the first row's kept):"


@text.register
def _(value: OdsImport) -> str:
    return _import_text(_ods_summary(value), value, _ODS_WARNINGS, note=_ods_note(value))


#: At most this many warnings are printed with an import; the rest are counted.
WARNINGS_SHOWN = 20


#: The heading of the malformed rows a lenient read skipped, listed by line: counted by
#: reason alone ("malformed: column 15: 1"), they could not be found in the file.
_MALFORMED = "Malformed rows (skipped):"


def _malformed(value: OdsImport | PcnImport) -> tuple[list[str], int]:
    """The first malformed rows skipped, as "line 3 (L81001): malformed: ...", and how
    many more there are."""
    rows = [str(row) for row in value.skipped if row.reason.startswith("malformed:")]
    return rows[:WARNINGS_SHOWN], max(0, len(rows) - WARNINGS_SHOWN)


def _import_text(
    summary: str, value: OdsImport | PcnImport, heading: str, *, note: str | None = None
) -> str:
    """An import as text: its summary (and `note`), the rows skipped by reason, the
    first malformed rows by line, the first warnings."""
    lines = [summary, *([note] if note else [])]
    lines.extend(f"  {reason}: {count}" for reason, count in value.skipped_by_reason().items())
    malformed, more = _malformed(value)
    if malformed:
        lines.append(_MALFORMED)
        lines.extend(f"  {row}" for row in malformed)
        if more:
            lines.append(f"  … and {more} more")
    if value.warnings:
        lines.append(heading)
        lines.extend(f"  {warning}" for warning in value.warnings[:WARNINGS_SHOWN])
        rest = len(value.warnings) - WARNINGS_SHOWN
        if rest > 0:
            lines.append(f"  … and {rest} more")
    return fill_lines(lines)


def _import_html(
    summary: str, value: OdsImport | PcnImport, heading: str, *, note: str | None = None
) -> str:
    """An import as HTML, as in text and Markdown: its summary (and `note`), the table
    of rows skipped by reason (when a row was), and the first warnings as a list."""
    parts = [f"<p>{esc(summary)}</p>", *([f"<p>{esc(note)}</p>"] if note else [])]
    skipped = list(value.skipped_by_reason().items())
    if skipped:
        parts.append(table(_SKIPPED, skipped, caption="Rows skipped"))
    malformed, more = _malformed(value)
    if malformed:
        items = [f"<li>{esc(row)}</li>" for row in malformed]
        if more:
            items.append(f"<li>… and {more} more</li>")
        parts.append(f"<p>{esc(_MALFORMED)}</p><ul>{''.join(items)}</ul>")
    if value.warnings:
        items = [f"<li>{esc(w)}</li>" for w in value.warnings[:WARNINGS_SHOWN]]
        rest = len(value.warnings) - WARNINGS_SHOWN
        if rest > 0:
            items.append(f"<li>… and {rest} more</li>")
        parts.append(f"<p>{esc(heading)}</p><ul>{''.join(items)}</ul>")
    return f'<div class="engagekit">{"".join(parts)}</div>'


def _import_markdown(
    summary: str, value: OdsImport | PcnImport, heading: str, *, note: str | None = None
) -> str:
    """An import as Markdown: its summary (and `note`), the table of rows skipped by
    reason (when a row was), and the first warnings as a list."""
    skipped = list(value.skipped_by_reason().items())
    parts = [summary, *([md_text(note)] if note else [])]
    parts += [md_table(_SKIPPED, skipped)] if skipped else []
    malformed, more = _malformed(value)
    if malformed:
        items = [f"- {md_text(row)}" for row in malformed]
        if more:
            items.append(f"- … and {more} more")
        parts.append(_MALFORMED + "\n\n" + "\n".join(items))
    if value.warnings:
        items = [f"- {warning}" for warning in value.warnings[:WARNINGS_SHOWN]]
        rest = len(value.warnings) - WARNINGS_SHOWN
        if rest > 0:
            items.append(f"- … and {rest} more")
        parts.append(heading + "\n\n" + "\n".join(items))
    return "\n\n".join(parts)


def _ods_summary(value: OdsImport) -> str:
    summary = (
        f"{counted(value.rows, 'rows')} read; "
        f"{counted(len(value.network.practices), 'practices')}; "
        f"{counted(len(value.skipped), 'rows')} skipped"
    )
    if value.warnings:
        summary += f"; {counted(len(value.warnings), 'warnings')}"
    if value.era is not None:
        english = "CCGs" if value.era < ICB_ERA else "sub-ICB locations and ICBs"
        kinds = {body.kind for body in value.network.bodies}
        if BodyKind.LOCAL_HEALTH_BOARD not in kinds:
            structure = english
        elif kinds & _ENGLISH_COMMISSIONERS:
            structure = f"{english}; Welsh local health boards"
        else:  # the Welsh practices alone
            structure = "Welsh local health boards"
        summary += f"; kinds as on {value.era.isoformat()} ({structure})"
    return summary


_ENGLISH_COMMISSIONERS = frozenset(
    {BodyKind.CLINICAL_COMMISSIONING_GROUP, BodyKind.SUB_ICB_LOCATION}
)


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
    return _import_text(_pcn_summary(value), value, _PCN_WARNINGS)


@html.register
def _(value: PcnImport) -> str:
    return _import_html(_pcn_summary(value), value, _PCN_WARNINGS)


@markdown.register
def _(value: PcnImport) -> str:
    return _import_markdown(_pcn_summary(value), value, _PCN_WARNINGS)


# --- feedback flows ----------------------------------------------------------------------


@text.register
def _(value: FeedbackFlow) -> str:
    lines = [value.name, "=" * len(value.name)]
    for stage, items in value.stages().items():
        lines.append(f"{stage.label} ({stage.question}):")
        lines.extend(f"  - {item.name}" for item in items)
    if value.source is not None:
        lines.append(f"Source: {value.source}")
    return fill_lines(lines)


def _flow_rows(value: FeedbackFlow) -> list[tuple[str | None, ...]]:
    """The flow's columns side by side: row n holds each stage's nth item, or None."""
    stages = value.stages()
    depth = max((len(items) for items in stages.values()), default=0)
    return [
        tuple(items[row].name if row < len(items) else None for items in stages.values())
        for row in range(depth)
    ]


@html.register
def _(value: FeedbackFlow) -> str:
    rows = [tuple(cell or "" for cell in row) for row in _flow_rows(value)]
    return table(tuple(s.label for s in FlowStage), rows, caption=value.name)


@markdown.register
def _(value: FeedbackFlow) -> str:
    rows = [tuple(cell or "" for cell in row) for row in _flow_rows(value)]
    return f"## {md_text(value.name)}\n\n" + md_table(tuple(s.label for s in FlowStage), rows)


@records.register
def _(value: FeedbackFlow) -> list[Record]:
    return rows_to_records(tuple(s.value for s in FlowStage), _flow_rows(value))


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


# --- one body: a fact sheet headed by its name ------------------------------------------


def _body_facts(value: Body) -> list[tuple[str, object]]:
    """The body's id, kind and tier, then what the source says of its size and
    meetings, whether its name is a placeholder, and the source."""
    rows: list[tuple[str, object]] = [
        ("Id", value.id),
        ("Kind", value.kind.label),
        ("Tier", value.tier.label),
    ]
    if value.seats is not None:
        rows.append(("Seats", value.seats))
    if value.members is not None:
        rows.append(("Members", value.members))
    if value.membership is not None:
        rows.append(("Membership", value.membership))
    if value.meetings_per_year is not None:
        rows.append(("Meetings a year", value.meetings_per_year))
    if value.placeholder:
        rows.append(("Name", "a placeholder: the source counts this body but does not name it"))
    if value.source is not None:
        rows.append(("Source", value.source))
    return rows


@text.register
def _(value: Body) -> str:
    return sheet_text(value.name, _body_facts(value), [])


@html.register
def _(value: Body) -> str:
    return sheet_html(value.name, _body_facts(value), [])


@markdown.register
def _(value: Body) -> str:
    return sheet_markdown(value.name, _body_facts(value), [])
