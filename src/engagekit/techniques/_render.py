"""Renderers for techniques and technique catalogues (private).

They register on the dispatching functions of `engagekit._display` when
`engagekit.techniques` is imported.
"""

from __future__ import annotations

import textwrap

from engagekit._display import (
    Record,
    _fitted_text,
    _shown_rows,
    fill,
    html,
    markdown,
    md_table,
    md_text,
    records,
    rows_to_records,
    table,
    text,
)
from engagekit.techniques._catalogue import Matches, TechniqueCatalogue
from engagekit.techniques._model import Technique


def _wrap(value: str, indent: str = "    ") -> str:
    return textwrap.fill(value, width=88, initial_indent=indent, subsequent_indent=indent)


@text.register
def _(value: Technique) -> str:
    levels = ", ".join(level.label for level in value.levels)
    lines = [
        fill(f"{value.name} ({value.method.label.lower()}; {levels})"),
        _wrap(value.description),
    ]
    lines.extend(fill(f"    {f.quantity.label}: {f.text}", " " * 8) for f in value.figures)
    if value.seldom_heard:
        lines.append(fill(f"    Seldom-heard groups: {value.seldom_heard_note}", " " * 8))
    lines.append(fill(f"    Source: {value.source}", " " * 8))
    return "\n".join(lines)


#: The columns of a technique's table.
_TECHNIQUE = ("Aspect", "Detail")


def _technique_rows(value: Technique) -> list[tuple[str, object]]:
    """The technique's aspects: its method and levels as choices."""
    return [
        ("Method", value.method),
        ("Levels", value.levels),
        ("Description", value.description),
        *((f.quantity.label, f.text) for f in value.figures),
        ("Source", str(value.source)),
    ]


@html.register
def _(value: Technique) -> str:
    rows = [(aspect, _label(detail)) for aspect, detail in _technique_rows(value)]
    return table(_TECHNIQUE, rows, caption=value.name, row_headers=True)


@markdown.register
def _(value: Technique) -> str:
    rows = [(aspect, _label(detail)) for aspect, detail in _technique_rows(value)]
    return f"## {md_text(value.name)}\n\n" + md_table(_TECHNIQUE, rows)


def _label(detail: object) -> object:
    """A choice as its label, a tuple of choices as their labels joined by commas."""
    if isinstance(detail, tuple):
        return ", ".join(str(_label(item)) for item in detail)
    return getattr(detail, "label", detail)


@records.register
def _(value: Technique) -> list[Record]:
    return rows_to_records(tuple(c.lower() for c in _TECHNIQUE), _technique_rows(value))


def _rows(value: TechniqueCatalogue) -> list[tuple[str, str, str, str]]:
    return [
        (
            t.name,
            t.method.label,
            ", ".join(level.label for level in t.levels),
            "; ".join(f.text for f in t.figures),
        )
        for t in value
    ]


@text.register
def _(value: TechniqueCatalogue) -> str:
    lines = [f"{len(value)} techniques"]
    lines.extend(
        fill(f"  {name} ({method.lower()}; {levels})", " " * 6)
        for name, method, levels, _ in _rows(value)
    )
    return "\n".join(lines)


#: The columns of a catalogue's table.
_CATALOGUE = ("Technique", "Method", "Levels", "Figures")


@html.register
def _(value: TechniqueCatalogue) -> str:
    return table(_CATALOGUE, _rows(value), caption=f"{len(value)} techniques")


@markdown.register
def _(value: TechniqueCatalogue) -> str:
    return f"## {len(value)} techniques\n\n" + md_table(_CATALOGUE, _rows(value))


@records.register
def _(value: TechniqueCatalogue) -> list[Record]:
    return rows_to_records(
        ("technique", "id", "method", "levels", "figures"),
        ((t.name, t.id, t.method, t.levels, "; ".join(f.text for f in t.figures)) for t in value),
    )


@text.register
def _(value: Matches) -> str:
    # A technique's id cannot wrap: with its reasons the table was 118 columns wide.
    # Where it is too wide, each match is an entry.
    return _fitted_text(value.columns, _shown_rows(value))
