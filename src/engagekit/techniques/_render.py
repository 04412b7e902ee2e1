"""Renderers for techniques and technique catalogues (private).

They register on the dispatching functions of `engagekit._display` when
`engagekit.techniques` is imported.
"""

from __future__ import annotations

import textwrap

from engagekit._display import Record, html, records, rows_to_records, table, text
from engagekit.techniques._catalogue import TechniqueCatalogue
from engagekit.techniques._model import Technique


def _wrap(value: str, indent: str = "    ") -> str:
    return textwrap.fill(value, width=88, initial_indent=indent, subsequent_indent=indent)


@text.register
def _(value: Technique) -> str:
    levels = ", ".join(level.label for level in value.levels)
    lines = [f"{value.name} ({value.method.label.lower()}; {levels})", _wrap(value.description)]
    lines.extend(f"    {f.quantity.label}: {f.text}" for f in value.figures)
    if value.seldom_heard:
        lines.append(f"    Seldom-heard groups: {value.seldom_heard_note}")
    lines.append(f"    Source: {value.source}")
    return "\n".join(lines)


@html.register
def _(value: Technique) -> str:
    rows = [
        ("Method", value.method.label),
        ("Levels", ", ".join(level.label for level in value.levels)),
        ("Description", value.description),
        *((f.quantity.label, f.text) for f in value.figures),
        ("Source", str(value.source)),
    ]
    return table(("Aspect", "Detail"), rows, caption=value.name, row_headers=True)


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
        f"  {name} ({method.lower()}; {levels})" for name, method, levels, _ in _rows(value)
    )
    return "\n".join(lines)


@html.register
def _(value: TechniqueCatalogue) -> str:
    return table(
        ("Technique", "Method", "Levels", "Figures"),
        _rows(value),
        caption=f"{len(value)} techniques",
    )


@records.register
def _(value: TechniqueCatalogue) -> list[Record]:
    return rows_to_records(
        ("technique", "id", "method", "levels", "figures"),
        ((t.name, t.id, t.method, t.levels, "; ".join(f.text for f in t.figures)) for t in value),
    )
