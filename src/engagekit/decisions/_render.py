"""Renderers for decisions, verdicts, options appraisals and engagement requirements (private).

Registered on the dispatching renderers of `engagekit._display` when
`engagekit.decisions` is imported. A verdict's outcome is shown in a decision-maker's
words ("READY TO DECIDE", "NOT READY"); a consultation check's in the words of the
shared outcome family ("partly met").
"""

from __future__ import annotations

from collections.abc import Iterable

from engagekit import _evidence_view
from engagekit._display import (
    Record,
    SheetSection,
    _fitted_text,
    _shown_rows,
    esc,
    fill_lines,
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
from engagekit.decisions._compare import Comparison
from engagekit.decisions._decision import Decision
from engagekit.decisions._results import (
    READINESS,
    ConsultationCheck,
    EngagementRequirement,
    Reason,
    Verdict,
)
from engagekit.decisions._rules import Rule, Rules
from engagekit.decisions._triangle import Assessment, Option
from engagekit.evidence import Limb
from engagekit.results import Outcome, Result
from engagekit.sources import LegalForce, Source


_MARK = {
    Outcome.NOT_APPLICABLE: "-",
    Outcome.MET: "✓",
    Outcome.PARTLY_MET: "~",
    Outcome.INSUFFICIENT_EVIDENCE: "?",
    Outcome.NOT_MET: "✗",
}

_GROUPS = (
    ("Decision triangle", ("triangle.",)),
    ("Proportionality", ("proportionality.", "scrutiny.", "equality.", "limb.")),
    ("Consultation (Gunning principles)", ("gunning.",)),
    ("Service-change tests", ("test.", "bed.")),
)


def _grouped(reasons: Iterable[Reason]) -> list[tuple[str, list[Reason]]]:
    out: list[tuple[str, list[Reason]]] = []
    items = list(reasons)
    for heading, prefixes in _GROUPS:
        found = [r for r in items if r.rule.startswith(prefixes)]
        if found:
            out.append((heading, found))
    rest = [r for r in items if not any(r.rule.startswith(p) for _, ps in _GROUPS for p in ps)]
    if rest:
        out.append(("Other", rest))
    return out


def _numbered_sources(reasons: Iterable[Reason]) -> dict[Source, int]:
    numbers: dict[Source, int] = {}
    for reason in reasons:
        numbers.setdefault(reason.source, len(numbers) + 1)
    return numbers


@text.register
def _(value: Rules) -> str:
    # A rule's id cannot wrap, and a source's address is one word: the table of every
    # rule was 177 columns wide. Where it is too wide, each rule is an entry.
    return _fitted_text(value.columns, _shown_rows(value))


def _force_words(source: Source) -> str:
    """A rule's legal force in words; local practice says whose, law says it is law."""
    force = source.force
    if force is None:
        return "force not stated"
    if force is LegalForce.LOCAL_PRACTICE:
        return f"local practice ({source.publisher}), not law"
    if force.binding:
        return f"law: {force.label}"
    if force is LegalForce.CONTRACT:
        return force.label
    return f"{force.label}, not law"


def _gap_words(reason: Reason) -> str:
    """What a reason short of met means given its force: a breach only against law."""
    force = reason.source.force
    if reason.outcome.ok or force is None:
        return ""
    if force.binding:
        return "breach of the law" if reason.breach else "no evidence yet that the law is met"
    if force is LegalForce.CONTRACT:
        return force.gap if reason.outcome is Outcome.NOT_MET else ""
    if reason.outcome is Outcome.NOT_MET:
        return f"{force.gap}; the decision maker may override it"
    return "the decision maker may override it"


def _force_cell(reason: Reason) -> str:
    gap = _gap_words(reason)
    return _force_words(reason.source) + (f"; {gap}" if gap else "")


def _summary_lines(value: Result) -> list[str]:
    breaches = ", ".join(r.title for r in value.breaches) or "none"
    overridable = ", ".join(r.title for r in value.overridable) or "none"
    return [
        f"Breaches of law (statute, regulations, case law): {breaches}",
        (
            "Blocking reasons that are guidance, policy or local practice (may be overridden, "
            f"guidance only with recorded reasons): {overridable}"
        ),
    ]


def _reason_lines(reason: Reason, number: int) -> list[str]:
    lines = [f"  {_MARK[reason.outcome]} {reason.title}: {reason.message} [{number}]"]
    lines.append(f"      force: {_force_cell(reason)}")
    if reason.source.note and reason.rule.startswith("equality."):
        lines.append(f"      note: {reason.source.note}")
    if reason.evidence:
        lines.append("      evidence: " + ", ".join(reason.evidence))
    if reason.missing:
        lines.append("      missing: " + "; ".join(reason.missing))
    return lines


@text.register
def _(value: Verdict) -> str:
    head = f"{value.title} ({value.body}, {value.on.isoformat()})"
    if value.option is not None:
        head += f", option {value.option!r}"
    lines = [head, f"Outcome: {value.readiness.upper()}"]
    req = value.requirement
    reached = value.achieved_level.label if value.achieved_level else "none on record"
    lines.append(f"Engagement: needs at least {req.minimum_level.label}; evidence shows {reached}")
    sources = _numbered_sources(value.reasons)
    for heading, reasons in _grouped(value.reasons):
        lines.append(heading)
        for reason in reasons:
            lines.extend(_reason_lines(reason, sources[reason.source]))
    lines.extend(_summary_lines(value))
    lines.append(f"Policy: {value.policy}")
    lines.append("Sources:")
    lines.extend(f"  [{n}] {source}" for source, n in sources.items())
    return fill_lines(lines)


@html.register
def _(value: Verdict) -> str:
    sources = _numbered_sources(value.reasons)
    rows = [
        (
            f"{_MARK[r.outcome]} {READINESS[r.outcome]}",
            r.title,
            r.message,
            _force_cell(r),
            ", ".join(r.evidence) or "—",
            "; ".join(r.missing) or "—",
            f"[{sources[r.source]}]",
        )
        for r in value.reasons
    ]
    body = table(
        ("Outcome", "Rule", "Judgement", "Force", "Evidence", "Missing", "Source"),
        rows,
        caption=f"{value.title}: {value.readiness}",
    )
    notes = "".join(f"<li>[{n}] {linked(s)}</li>" for s, n in sources.items())
    summary = "".join(f"<p>{esc(line)}</p>" for line in _summary_lines(value))
    return (
        f'<div class="engagekit"><p><strong>{esc(value.readiness.upper())}</strong> '
        f"({esc(value.body)}, {esc(value.on.isoformat())}; policy: {esc(value.policy)})"
        f"</p>{body}{summary}<ul>{notes}</ul></div>"
    )


@markdown.register
def _(value: Verdict) -> str:
    rows = [
        (READINESS[r.outcome], r.title, r.message, _force_cell(r), ", ".join(r.evidence))
        for r in value.reasons
    ]
    summary = "".join(f"\n\n{line}." for line in _summary_lines(value))
    return (
        f"## {md_text(value.title)}: {value.readiness}\n\n"
        + md_table(("Outcome", "Rule", "Judgement", "Force", "Evidence"), rows)
        + summary
    )


def _row_cells(value: Comparison) -> list[list[str]]:
    cells = []
    for row in value.rows:
        marks = [r.label + (" ✗" if r.value == "not-met" else "") for r in row.ratings]
        if row.failed:
            status = "fails: " + ", ".join(row.failed)
        elif row.dominated:
            status = "dominated by " + ", ".join(row.dominated_by)
        else:
            status = READINESS[row.outcome]
        cells.append([row.option, *marks, status])
    return cells


@text.register
def _(value: Comparison) -> str:
    headers = ["option", *(c.label for c in value.columns), "status"]
    cells = _row_cells(value)
    widths = [max(len(h), *(len(r[i]) for r in cells)) for i, h in enumerate(headers)]
    lines = [f"Options appraisal: {value.title}"]
    lines.append("  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip())
    lines.extend(
        "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in cells
    )
    candidates = ", ".join(value.candidates) or "none"
    lines.append(f"Candidates (pass every gate, not dominated): {candidates}")
    return "\n".join(lines)


@html.register
def _(value: Comparison) -> str:
    headers = ["Option", *(c.label for c in value.columns), "Status"]
    candidates = ", ".join(value.candidates) or "none"
    return (
        f'<div class="engagekit">{table(headers, _row_cells(value), caption=value.title)}'
        f"<p>Candidates: {esc(candidates)}</p></div>"
    )


@markdown.register
def _(value: Comparison) -> str:
    headers = ["Option", *(c.label for c in value.columns), "Status"]
    return f"## Options appraisal: {md_text(value.title)}\n\n" + md_table(
        headers, _row_cells(value)
    )


def _change_words(value: EngagementRequirement) -> str:
    i = value.impact
    people = f" affecting {i.people_affected} people" if i.people_affected is not None else ""
    return f"a {i.kind.label}{people}"


@text.register
def _(value: EngagementRequirement) -> str:
    lines = [
        f"Engagement required for {_change_words(value)}",
        "  limbs of the involvement duty: "
        + ", ".join(f"({limb.letter}) {limb.value}" for limb in value.limbs),
        f"  minimum participation level: {value.minimum_level.label}",
        f"  substantial development or variation: {'yes' if value.substantial else 'no'}",
        f"  formal public consultation expected: {'yes' if value.formal_consultation else 'no'}",
        "  consult the health scrutiny committee: "
        + ("yes" if value.scrutiny_consultation else "no"),
        "  equality impact assessment: " + ("yes" if value.equality_impact_assessment else "no"),
    ]
    if value.techniques:
        lines.append("  suggested techniques: " + ", ".join(value.techniques))
    lines.append("Why:")
    lines.extend(f"  - {g.message} [{_force_words(g.source)}] ({g.source})" for g in value.grounds)
    lines.append(f"Policy: {value.policy}")
    return fill_lines(lines)


#: The columns of an engagement requirement's table.
_REQUIREMENT = ("What", "Needed")


def _requirement_rows(value: EngagementRequirement) -> list[tuple[str, object]]:
    """What is needed, as values: limbs and techniques as tuples, yes/no as booleans."""
    return [
        ("Limbs", value.limbs),
        ("Minimum level", value.minimum_level),
        ("Substantial", value.substantial),
        ("Formal consultation", value.formal_consultation),
        ("Health scrutiny committee", value.scrutiny_consultation),
        ("Equality impact assessment", value.equality_impact_assessment),
        ("Suggested techniques", value.techniques or None),
    ]


def _needed(detail: object) -> object:
    """One cell of the requirement's table as shown."""
    if isinstance(detail, bool):
        return "yes" if detail else "no"
    if detail is None:
        return "—"
    if isinstance(detail, tuple):
        return ", ".join(
            f"({item.letter}) {item.value}" if isinstance(item, Limb) else str(item)
            for item in detail
        )
    return getattr(detail, "label", detail)


@records.register
def _(value: EngagementRequirement) -> list[Record]:
    return rows_to_records(tuple(c.lower() for c in _REQUIREMENT), _requirement_rows(value))


@markdown.register
def _(value: EngagementRequirement) -> str:
    rows = [(what, _needed(needed)) for what, needed in _requirement_rows(value)]
    grounds = "".join(
        f"\n- {g.message} [{_force_words(g.source)}] ({g.source})" for g in value.grounds
    )
    head = f"## Engagement required for {_change_words(value)}\n\n"
    return head + md_table(_REQUIREMENT, rows) + f"\n{grounds}"


@html.register
def _(value: EngagementRequirement) -> str:
    rows = [(what, _needed(needed)) for what, needed in _requirement_rows(value)]
    grounds = "".join(
        f"<li>{esc(g.message)} [{esc(_force_words(g.source))}] "
        f"<small>({linked(g.source)})</small></li>"
        for g in value.grounds
    )
    caption = f"Engagement required for {_change_words(value)}"
    body = table(_REQUIREMENT, rows, caption=caption, row_headers=True)
    return f'<div class="engagekit">{body}<ul>{grounds}</ul></div>'


@text.register
def _(value: ConsultationCheck) -> str:
    lines = [f"Gunning principles (decision {value.on.isoformat()}): {value.outcome.label}"]
    sources = _numbered_sources(value.reasons)
    for reason in value.reasons:
        lines.extend(_reason_lines(reason, sources[reason.source]))
    lines.extend(f"  [{n}] {source}" for source, n in sources.items())
    return fill_lines(lines)


#: The columns of a consultation check's table.
_CHECK = ("Rating", "Principle", "Judgement", "Force")


def _check_rows(value: ConsultationCheck) -> list[tuple[str, str, str, str]]:
    return [
        (f"{_MARK[r.outcome]} {r.rating.label}", r.title, r.message, _force_cell(r))
        for r in value.reasons
    ]


@html.register
def _(value: ConsultationCheck) -> str:
    caption = f"Gunning principles: {value.outcome.label}"
    body = table(_CHECK, _check_rows(value), caption=caption)
    return f'<div class="engagekit">{body}</div>'


@markdown.register
def _(value: ConsultationCheck) -> str:
    head = f"## Gunning principles: {value.outcome.label}\n\n"
    return head + md_table(_CHECK, _check_rows(value))


@records.register
def _(value: Comparison) -> list[Record]:
    columns = ("option", *(c.label for c in value.columns), "status", "outcome")
    statuses = [cells[-1] for cells in _row_cells(value)]
    return rows_to_records(
        columns,
        (
            (row.option, *row.ratings, status, row.outcome)
            for row, status in zip(value.rows, statuses, strict=True)
        ),
    )


# --- a decision ----------------------------------------------------------------------

#: The columns of a decision's facts, assessments, options, tests and evidence.
_ASSESSMENTS = ("Criterion", "Audience", "Rating", "Evidence", "Notes")
_OPTIONS = ("Id", "Option", "Assessments")
_TESTS = ("Test", "Rating", "Conditions", "Evidence", "Notes")


def _decision_heading(d: Decision) -> str:
    return f"{d.title} ({d.on.isoformat()})"


def _yes_no(flag: bool) -> str:
    return "yes" if flag else "no"


def _cost_words(cost: float | None) -> str:
    if cost is None:
        return "not known"
    if cost == 0:
        return "none"
    if cost < 0:
        return f"£{-cost:,.0f} a year saved"
    return f"£{cost:,.0f} a year more"


def _decision_facts(d: Decision) -> list[tuple[str, str]]:
    """What is recorded of the decision and of its impact, each a row; the impact's
    facts are shown even when unknown, the rest only when recorded."""
    i = d.impact
    if i.delivery_changes is None:
        delivery = f"{_yes_no(i.affects_delivery)} (inferred from the change)"
    else:
        delivery = _yes_no(i.delivery_changes)
    people = "not known" if i.people_affected is None else f"{i.people_affected:,}"
    rows = [
        ("Decision maker", d.body),
        ("Summary", d.summary or ""),
        ("Change", i.kind.label),
        ("People affected", people),
        ("Permanent", _yes_no(i.permanent)),
        ("Access affected", ", ".join(a.label for a in i.access) or "none"),
        ("Protected groups affected", ", ".join(i.protected_groups) or "none recorded"),
        ("Significant bed closures", _yes_no(i.bed_closures)),
        ("Change in annual cost", _cost_words(i.cost)),
        ("Changes how services are delivered or their range", delivery),
    ]
    level = d.achieved_level
    rows.append(("Highest participation in the evidence", level.label if level else "none"))
    c = d.consultation
    if c is not None:
        if c.start is None and c.end is None:
            window = "dates not recorded"
        else:
            window = f"{c.start or '?'} to {c.end or '?'}"
        rows.append(("Consultation", f"{c.title}, {window}" if c.title else window))
    return [(aspect, detail) for aspect, detail in rows if detail]


def _assessment_rows(assessments: Iterable[Assessment]) -> list[tuple[str, str, str, str, str]]:
    return [
        (
            a.criterion.label,
            a.audience.label if a.audience is not None else "—",
            a.rating.label,
            ", ".join(a.evidence) or "—",
            a.notes or "",
        )
        for a in assessments
    ]


def _ratings(assessments: Iterable[Assessment]) -> str:
    """An option's assessments in a few words: "acceptable (patients): met; ..."."""
    return "; ".join(
        a.criterion.label
        + (f" ({a.audience.label})" if a.audience is not None else "")
        + f": {a.rating.label}"
        for a in assessments
    )


def _option_rows(d: Decision) -> list[tuple[str, str, str]]:
    """Each option: its id, its title (and summary, if it has one) and its ratings."""
    return [
        (o.id, f"{o.title}: {o.summary}" if o.summary else o.title, _ratings(o.assessments))
        for o in d.options
    ]


def _test_rows(d: Decision) -> list[tuple[str, str, str, str, str]]:
    return [
        (
            t.test.rule_on(d.on).title,
            t.rating.label,
            ", ".join(c.title for c in t.conditions) or "—",
            ", ".join(t.evidence) or "—",
            t.notes or "",
        )
        for t in d.tests
    ]


def _decision_sections(d: Decision) -> list[SheetSection]:
    """The decision's tables after its facts, each with its heading; empty ones left out."""
    sections: list[SheetSection] = [
        ("Assessments", _ASSESSMENTS, list(_assessment_rows(d.assessments))),
        ("Options", _OPTIONS, list(_option_rows(d))),
        ("Service-change tests", _TESTS, list(_test_rows(d))),
        ("Evidence", _evidence_view.COLUMNS, _evidence_view.rows(d.evidence)),
    ]
    return [section for section in sections if section[2]]


def _assessment_lines(assessments: Iterable[Assessment]) -> list[str]:
    lines = []
    for a in assessments:
        audience = f" ({a.audience.label})" if a.audience is not None else ""
        cited = f"; evidence: {', '.join(a.evidence)}" if a.evidence else ""
        lines.append(f"  - {a.criterion.label}{audience}: {a.rating.label}{cited}")
        if a.notes:
            lines.append(f"      {a.notes}")
    return lines


def _decision_lines(d: Decision) -> list[str]:
    """The decision's sections as lines of text, each row an entry of a list."""
    lines = []
    if d.assessments:
        lines.append(f"Assessments ({len(d.assessments)}):")
        lines.extend(_assessment_lines(d.assessments))
    if d.options:
        lines.append(f"Options ({len(d.options)}):")
    for o in d.options:
        lines.append(f"  - {o.id}: {o.title}")
        if o.summary:
            lines.append(f"      {o.summary}")
        lines.extend(f"  {line}" for line in _assessment_lines(o.assessments))
    if d.tests:
        lines.append(f"Service-change tests ({len(d.tests)}):")
    for title, rating, conditions, cited, notes in _test_rows(d):
        evidence = f"; evidence: {cited}" if cited != "—" else ""
        lines.append(f"  - {title}: {rating}{evidence}")
        if conditions != "—":
            lines.append(f"      conditions: {conditions}")
        if notes:
            lines.append(f"      {notes}")
    return lines + _evidence_view.lines(d.evidence)


# --- one option of a decision: a fact sheet with its assessments -----------------------


def _option_facts(o: Option) -> list[tuple[str, str]]:
    return [(k, v) for k, v in (("Id", o.id), ("Summary", o.summary or "")) if v]


def _option_sections(o: Option) -> list[SheetSection]:
    rows = _assessment_rows(o.assessments)
    return [("Assessments", _ASSESSMENTS, rows)] if rows else []


@text.register
def _(value: Option) -> str:
    lines = [f"Assessments ({len(value.assessments)}):"] if value.assessments else []
    lines += _assessment_lines(value.assessments)
    return sheet_text(value.title, _option_facts(value), lines)


@html.register
def _(value: Option) -> str:
    return sheet_html(value.title, _option_facts(value), _option_sections(value))


@markdown.register
def _(value: Option) -> str:
    return sheet_markdown(value.title, _option_facts(value), _option_sections(value))


# --- one rule: a fact sheet with its secondary sources ---------------------------------


def _rule_dates(r: Rule) -> str:
    """The decision dates a rule applies to, in words; empty for an undated rule."""
    if r.applies_from is not None and r.applies_to is not None:
        return f"to decisions from {r.applies_from.isoformat()} to {r.applies_to.isoformat()}"
    if r.applies_from is not None:
        return f"to decisions from {r.applies_from.isoformat()}"
    if r.applies_to is not None:
        return f"to decisions up to {r.applies_to.isoformat()}"
    return ""


def _rule_facts(r: Rule) -> list[tuple[str, str]]:
    rows = [
        ("Id", r.id),
        ("Asks", r.statement),
        ("Force", _force_words(r.source)),
        ("Applies", _rule_dates(r)),
        ("Source", str(r.source)),
        ("Source note", r.source.note or ""),
    ]
    return [(k, v) for k, v in rows if v]


_SECONDARY = ("Source", "Note")


def _rule_sections(r: Rule) -> list[SheetSection]:
    rows = [(str(s), s.note or "") for s in r.secondary]
    return [("Secondary sources", _SECONDARY, rows)] if rows else []


@text.register
def _(value: Rule) -> str:
    lines = [f"Secondary sources ({len(value.secondary)}):"] if value.secondary else []
    for source in value.secondary:
        lines.append(f"  - {source}")
        if source.note:
            lines.append(f"      {source.note}")
    return sheet_text(value.title, _rule_facts(value), lines)


@html.register
def _(value: Rule) -> str:
    return sheet_html(value.title, _rule_facts(value), _rule_sections(value))


@markdown.register
def _(value: Rule) -> str:
    return sheet_markdown(value.title, _rule_facts(value), _rule_sections(value))


@text.register
def _(value: Decision) -> str:
    return sheet_text(_decision_heading(value), _decision_facts(value), _decision_lines(value))


@html.register
def _(value: Decision) -> str:
    heading, facts = _decision_heading(value), _decision_facts(value)
    return sheet_html(heading, facts, _decision_sections(value))


@markdown.register
def _(value: Decision) -> str:
    heading, facts = _decision_heading(value), _decision_facts(value)
    return sheet_markdown(heading, facts, _decision_sections(value))
