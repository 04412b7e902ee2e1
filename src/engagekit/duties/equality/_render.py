"""Renderers for representation reports and EDS gradings (private).

Registered on the dispatching functions of ``engagekit._display`` when
``engagekit.duties.equality`` is imported.
"""

from __future__ import annotations

from engagekit._display import (
    Record,
    _text_table,
    fill,
    html,
    markdown,
    md_table,
    records,
    rows_to_records,
    table,
    text,
)
from engagekit.disclosure import MARK
from engagekit.disclosure._render import note
from engagekit.duties.equality._eds import (
    _NO_BANDS,
    _NO_WORDING,
    EdsGrading,
    EdsOutcomeGrading,
)
from engagekit.duties.equality._representation import RepresentationReport


# --- Representation ------------------------------------------------------------------


def _rep_rows(value: RepresentationReport) -> list[tuple[str, ...]]:
    def pct(x: float | None) -> str:
        return MARK if x is None else f"{x:.1%}"

    def signed(x: float | None) -> str:
        return "" if x is None else f"{x:+.1%}"

    rows: list[tuple[str, ...]] = []
    for r in value.reasons:
        count = MARK if r.participants is None else str(r.participants)
        if not r.stated:
            rows.append((r.characteristic.label, r.category, count, pct(r.share), "", "", "", ""))
            continue
        interval = "" if r.low is None else f"{signed(r.low)} to {signed(r.high)}"
        flag = {True: "under-represented", False: "", None: ""}[r.under_represented]
        rows.append(
            (
                r.characteristic.label,
                r.category,
                count,
                pct(r.share),
                pct(r.population_share),
                signed(r.difference) if r.difference is not None else "",
                interval,
                flag,
            )
        )
    return rows


_REP_HEAD = (
    "Characteristic",
    "Category",
    "Participants",
    "Share",
    "Population",
    "Difference",
    "Interval",
    "",
)


def _rep_head(value: RepresentationReport) -> str:
    return (
        f"Representation: {value.outcome.label} ({note(value.suppress_below)}; "
        f"under-represented when the whole {value.confidence:.0%} interval of the "
        "difference is below 0)"
    )


@text.register
def _(value: RepresentationReport) -> str:
    return fill(_rep_head(value)) + "\n" + _text_table(_REP_HEAD, _rep_rows(value))


@markdown.register
def _(value: RepresentationReport) -> str:
    return f"{_rep_head(value)}\n\n" + md_table(_REP_HEAD, _rep_rows(value))


@html.register
def _(value: RepresentationReport) -> str:
    return (
        '<div class="engagekit">'
        + table(_REP_HEAD, _rep_rows(value), caption=_rep_head(value))
        + "</div>"
    )


# --- EDS grading ----------------------------------------------------------------------


_EDS_HEAD = ("No.", "Goal or domain", "Grade", "Outcome")


def _eds_rows(value: EdsGrading) -> list[tuple[object, ...]]:
    return [(r.number, r.title, r.grade or "not graded", r.outcome.label) for r in value.reasons]


def _eds_head(value: EdsGrading) -> str:
    flag = "" if value.verified else " (grading scheme not verified)"
    return f"{value.model} grading: {value.outcome.label}{flag}"


@text.register
def _(value: EdsGrading) -> str:
    lines = [_eds_head(value)]
    for number, name, grade, outcome in _eds_rows(value):
        lines.append(f"  {number}. {name}: {grade} [{outcome}]")
    lines.extend(f"  note: {note}" for note in value.notes)
    return "\n".join(lines)


@markdown.register
def _(value: EdsGrading) -> str:
    notes = "".join(f"\n\n*Note:* {note}" for note in value.notes)
    return f"{_eds_head(value)}\n\n" + md_table(_EDS_HEAD, _eds_rows(value)) + notes


@html.register
def _(value: EdsGrading) -> str:
    return (
        '<div class="engagekit">'
        + table(_EDS_HEAD, _eds_rows(value), caption=_eds_head(value))
        + "</div>"
    )


_OUTCOME_HEAD = ("Outcome", "Wording", "Grade", "Result")


def _outcome_rows(value: EdsOutcomeGrading) -> list[tuple[object, ...]]:
    return [
        (r.code, r.wording or _NO_WORDING, r.grade or "not graded", r.outcome.label)
        for r in value.reasons
    ]


def _outcome_head(value: EdsOutcomeGrading) -> str:
    flag = "" if value.verified else " (grading scheme not verified)"
    score = "" if value.score is None else f"; score {value.score}"
    if value.score is None:
        rating = ""
    elif value.rating is None:
        rating = f" ({_NO_BANDS})"
    else:
        rating = f", rated {value.rating} (on the bands given)"
    return f"{value.model} grading by outcome: {value.outcome.label}{score}{rating}{flag}"


@text.register
def _(value: EdsOutcomeGrading) -> str:
    lines = [_outcome_head(value)]
    for code, wording, grade, outcome in _outcome_rows(value):
        lines.append(f"  {code} {wording}: {grade} [{outcome}]")
    lines.extend(f"  note: {note}" for note in value.notes)
    return "\n".join(lines)


@markdown.register
def _(value: EdsOutcomeGrading) -> str:
    notes = "".join(f"\n\n*Note:* {note}" for note in value.notes)
    return f"{_outcome_head(value)}\n\n" + md_table(_OUTCOME_HEAD, _outcome_rows(value)) + notes


@html.register
def _(value: EdsOutcomeGrading) -> str:
    return (
        '<div class="engagekit">'
        + table(_OUTCOME_HEAD, _outcome_rows(value), caption=_outcome_head(value))
        + "</div>"
    )


# --- Records (one per table row) --------------------------------------------------------


@records.register
def _(value: RepresentationReport) -> list[Record]:
    # The table's Interval column is two numbers, and its last column a flag.
    return rows_to_records(
        (
            "characteristic",
            "category",
            "participants",
            "share",
            "population",
            "difference",
            "interval low",
            "interval high",
            "under-represented",
        ),
        (
            (
                r.characteristic,
                r.category,
                r.participants,
                r.share,
                r.population_share,
                r.difference,
                r.low,
                r.high,
                r.under_represented,
            )
            for r in value.reasons
        ),
    )


@records.register
def _(value: EdsGrading) -> list[Record]:
    return rows_to_records(
        ("no.", "goal or domain", "grade", "outcome"),
        ((r.number, r.title, r.grade, r.outcome) for r in value.reasons),
    )


@records.register
def _(value: EdsOutcomeGrading) -> list[Record]:
    return rows_to_records(
        ("outcome", "wording", "grade", "result"),
        ((r.code, r.wording, r.grade, r.outcome) for r in value.reasons),
    )
