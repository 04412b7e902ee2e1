"""Renderers for the engagement frameworks (private).

They register on the dispatching functions of `engagekit._display` when
`engagekit.cycles` is imported.
"""

from __future__ import annotations

import textwrap

from engagekit._display import (
    Record,
    esc,
    fill,
    html,
    markdown,
    md_table,
    md_text,
    mermaid,
    mermaid_label,
    records,
    rows_to_records,
    table,
    text,
)
from engagekit.cycles._commissioning import CommissioningCycle, CommissioningStage
from engagekit.cycles._engagement import EngagementCycle, StageDetails
from engagekit.cycles._levels import Ladder
from engagekit.cycles._rubric import RubricResult


def _wrap(value: str, indent: str = "    ") -> str:
    return textwrap.fill(value, width=88, initial_indent=indent, subsequent_indent=indent)


# --- Engagement Cycle ------------------------------------------------------------


@text.register
def _(value: StageDetails) -> str:
    lines = [f"Stage {value.stage.number}: {value.title}", _wrap(value.purpose)]
    lines.append("    Who: " + ", ".join(value.who))
    if value.benefits:
        lines.append("    If this stage is done well:")
        lines.extend(f"      - {b}" for b in value.benefits)
    lines.append(fill("    Things to think about: " + "; ".join(value.headings), " " * 6))
    return "\n".join(lines)


#: The columns of a stage's table.
_STAGE = ("Aspect", "What the stage asks")


def _stage_rows(value: StageDetails) -> list[tuple[str, object]]:
    """The stage's aspects; lists as tuples (joined when shown or made records)."""
    rows: list[tuple[str, object]] = [("Purpose", value.purpose), ("Who", value.who)]
    if value.benefits:
        rows.append(("If this stage is done well", value.benefits))
    rows += [("Things to think about", value.headings), ("Source", str(value.source))]
    return rows


def _stage_cells(value: StageDetails) -> list[tuple[str, object]]:
    """The stage's aspects as shown: who joined by commas, other lists by semicolons."""
    return [
        (aspect, ("; " if aspect != "Who" else ", ").join(v) if isinstance(v, tuple) else v)
        for aspect, v in _stage_rows(value)
    ]


@html.register
def _(value: StageDetails) -> str:
    caption = f"Stage {value.stage.number}: {value.title}"
    return table(_STAGE, _stage_cells(value), caption=caption, row_headers=True)


@markdown.register
def _(value: StageDetails) -> str:
    head = f"## Stage {value.stage.number}: {md_text(value.title)}\n\n"
    return head + md_table(_STAGE, _stage_cells(value))


@records.register
def _(value: StageDetails) -> list[Record]:
    return rows_to_records(tuple(c.lower() for c in _STAGE), _stage_rows(value))


@text.register
def _(value: EngagementCycle) -> str:
    lines = [value.name, "=" * len(value.name)]
    for details in value.stages:
        lines.append(text(details))
    lines.append(f"At the centre: {value.centre}")
    lines.extend(f"  {e.number:>2}. {e.title}" for e in value.elements)
    if value.feeds:
        lines.append("The flow can also run the other way:")
        lines.extend(
            fill(f"  stage {f.from_stage.number} -> stage {f.to_stage.number}: {f.description}")
            for f in value.feeds
        )
    lines.append(fill(f"Source: {value.source}"))
    return "\n".join(lines)


@html.register
def _(value: EngagementCycle) -> str:
    rows = [
        (d.stage.number, d.title, ", ".join(d.who), "; ".join(d.headings)) for d in value.stages
    ]
    body = table(("#", "Stage", "Who", "Things to think about"), rows, caption=value.name)
    elements = "".join(f"<li>{esc(e.title)}</li>" for e in value.elements)
    feeds = "".join(
        f"<li>Stage {f.from_stage.number} → stage {f.to_stage.number}: {esc(f.description)}</li>"
        for f in value.feeds
    )
    flows = f"<p>The flow can also run the other way:</p><ul>{feeds}</ul>" if feeds else ""
    return (
        f'<div class="engagekit">{body}<p><strong>{esc(value.centre)}</strong></p>'
        f"<ol>{elements}</ol>{flows}<p><small>Source: {esc(value.source)}</small></p></div>"
    )


@markdown.register
def _(value: EngagementCycle) -> str:
    rows = [(d.stage.number, d.title, ", ".join(d.who)) for d in value.stages]
    return f"## {md_text(value.name)}\n\n" + md_table(("#", "Stage", "Who"), rows)


@mermaid.register
def _(value: EngagementCycle) -> str:
    lines = ["flowchart LR"]
    lines.append(f'    centre(("{mermaid_label(value.centre)}"))')
    for d in value.stages:
        lines.append(f'    s{d.stage.number}["{d.stage.number}. {mermaid_label(d.title)}"]')
    for d in value.stages:
        lines.append(f"    s{d.stage.number} --> s{d.stage.next().number}")
    for f in value.feeds:
        lines.append(f"    s{f.from_stage.number} -.-> s{f.to_stage.number}")
    lines.extend(f"    centre --- s{d.stage.number}" for d in value.stages)
    return "\n".join(lines)


# --- Commissioning cycles ----------------------------------------------------------


def engagement_stages_phrase(stage: CommissioningStage) -> str:
    """The engagement stages a commissioning stage holds, as a phrase: one stage is
    "engagement stage 3", more are "engagement stages 1, 2", none "engagement stages
    none". The text view and ``engagekit demo`` both say it this way.

    Examples:
        >>> from engagekit.cycles import commissioning_cycles
        >>> [engagement_stages_phrase(s) for s in commissioning_cycles()["engagement-cycle"]][:2]
        ['engagement stages 1, 2', 'engagement stage 3']
    """
    numbers = ", ".join(str(s.number) for s in stage.engagement_stages) or "none"
    noun = "stage" if len(stage.engagement_stages) == 1 else "stages"
    return f"engagement {noun} {numbers}"


@text.register
def _(value: CommissioningCycle) -> str:
    lines = [value.name, "=" * len(value.name)]
    for number, stage in enumerate(value.stages, start=1):
        methods = ", ".join(m.label.lower() for m in stage.methods)
        phrase = engagement_stages_phrase(stage)
        lines.append(fill(f"{number}. {stage.name} ({phrase}; {methods})"))
    if value.centre:
        lines.append(fill(f"At the centre: {value.centre}"))
    lines.append(fill(f"Source: {value.source}"))
    return "\n".join(lines)


def _commissioning_rows(value: CommissioningCycle) -> list[tuple[object, ...]]:
    return [
        (
            stage.name,
            ", ".join(str(s.number) for s in stage.engagement_stages),
            ", ".join(m.label for m in stage.methods),
        )
        for stage in value.stages
    ]


_COMMISSIONING_HEADERS = ("Stage", "Engagement stages", "Methods of engagement")


@html.register
def _(value: CommissioningCycle) -> str:
    return table(_COMMISSIONING_HEADERS, _commissioning_rows(value), caption=value.name)


@markdown.register
def _(value: CommissioningCycle) -> str:
    parts = [
        f"## {md_text(value.name)}",
        md_table(_COMMISSIONING_HEADERS, _commissioning_rows(value)),
    ]
    if value.centre:
        parts.append(f"At the centre: {value.centre}")
    parts.append(f"Source: {value.source}")
    return "\n\n".join(parts)


@mermaid.register
def _(value: CommissioningCycle) -> str:
    lines = ["flowchart LR"]
    ids = {stage.id: f"c{i}" for i, stage in enumerate(value.stages, start=1)}
    for stage in value.stages:
        lines.append(f'    {ids[stage.id]}["{mermaid_label(stage.name)}"]')
    for stage in value.stages:
        lines.append(f"    {ids[stage.id]} --> {ids[value.next(stage.id).id]}")
    return "\n".join(lines)


# --- Ladders and rubrics -------------------------------------------------------------


@text.register
def _(value: Ladder) -> str:
    lines = [value.name]
    for rung in reversed(value.rungs):
        level = rung.level.label if rung.level else "-"
        lines.append(f"  {rung.number}. {rung.name:<16} {rung.group:<18} -> {level}")
    return "\n".join(lines)


def _ladder_rows(value: Ladder) -> list[tuple[object, ...]]:
    return [
        (r.number, r.name, r.group, r.level.label if r.level else "—", r.summary)
        for r in reversed(value.rungs)
    ]


_LADDER_HEADERS = ("#", "Rung", "Group", "Participation level", "Summary")


@html.register
def _(value: Ladder) -> str:
    return table(_LADDER_HEADERS, _ladder_rows(value), caption=value.name)


@markdown.register
def _(value: Ladder) -> str:
    return f"## {md_text(value.name)}\n\n" + md_table(_LADDER_HEADERS, _ladder_rows(value))


def _rubric_head(value: RubricResult) -> str:
    score = f"{value.points}/{value.max_points} ({value.share:.0%})"
    return f"{value.principles}: {score}, {value.outcome.label}"


@text.register
def _(value: RubricResult) -> str:
    lines = [_rubric_head(value)]
    lines.extend(f"  [{r.rating.label:>10}] {r.principle.name}: {r.message}" for r in value.reasons)
    return "\n".join(lines)


#: The columns of a rubric result's table.
_RUBRIC = ("Principle", "Rating", "Reason")


def _rubric_rows(value: RubricResult) -> list[tuple[str, str, str]]:
    return [(r.principle.name, r.rating.label, r.message) for r in value.reasons]


@html.register
def _(value: RubricResult) -> str:
    return table(_RUBRIC, _rubric_rows(value), caption=_rubric_head(value))


@markdown.register
def _(value: RubricResult) -> str:
    return f"## {md_text(_rubric_head(value))}\n\n" + md_table(_RUBRIC, _rubric_rows(value))


# --- Records (one per table row, same columns) ------------------------------------------


@records.register
def _(value: EngagementCycle) -> list[Record]:
    return rows_to_records(
        ("#", "stage", "who", "things to think about"),
        ((d.stage.number, d.title, d.who, d.headings) for d in value.stages),
    )


@records.register
def _(value: CommissioningCycle) -> list[Record]:
    return rows_to_records(
        ("stage", "engagement stages", "methods of engagement"),
        (
            (stage.name, [s.number for s in stage.engagement_stages], stage.methods)
            for stage in value.stages
        ),
    )


@records.register
def _(value: Ladder) -> list[Record]:
    return rows_to_records(
        ("#", "rung", "group", "participation level", "summary"),
        ((r.number, r.name, r.group, r.level, r.summary) for r in reversed(value.rungs)),
    )


@records.register
def _(value: RubricResult) -> list[Record]:
    return rows_to_records(
        ("principle", "rating", "reason", "rule"),
        ((r.principle.name, r.rating, r.message, r.rule) for r in value.reasons),
    )
