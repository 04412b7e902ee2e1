"""Renderers for protected counts tables (private).

Registered on the dispatching functions of ``engagekit._display`` when
``engagekit.disclosure`` is imported. A suppressed figure is shown as ``MARK``.
"""

from __future__ import annotations

from engagekit._display import (
    Record,
    _text_table,
    esc,
    html,
    markdown,
    md_table,
    records,
    rows_to_records,
    table,
    text,
)
from engagekit.disclosure._tables import MARK, CountTable, CrossTable, Disclosure


def _n(value: int | None) -> str:
    return MARK if value is None else str(value)


def _pct(value: float | None) -> str:
    return MARK if value is None else f"{value:.1%}"


def note(suppress_below: int) -> str:
    """The footnote every protected table carries."""
    return (
        f"{MARK} suppressed: fewer than {suppress_below}, or a figure that would reveal such a "
        "count"
    )


def _count_figures(value: CountTable) -> list[tuple[str, int | None, float | None]]:
    """Stated categories, then (with not-stated answers) the stated subtotal and those
    answers, then the total: each with its count and its share of the row's base
    (``None`` where hidden; a subtotal or total is all of itself, unless it is 0)."""

    def whole(base: int | None) -> float | None:
        return 1.0 if base else None

    rows = list(zip(value.categories, value.counts, value.shares, strict=True))
    stated = [row for row in rows if row[0] not in value.not_stated]
    if not value.not_stated:
        return [*stated, ("Total", value.total, whole(value.total))]
    others = [row for row in rows if row[0] in value.not_stated]
    return [
        *stated,
        ("Stated", value.stated, whole(value.stated)),
        *others,
        ("Total", value.total, whole(value.total)),
    ]


def _count_rows(value: CountTable) -> list[tuple[str, str, str]]:
    """Stated categories, then (with not-stated answers) the stated subtotal and those
    answers, then the total; each share is of the row's base."""
    rows = zip(value.categories, value.counts, value.shares, strict=True)
    stated = [
        (c, _n(n), _part(n, s, value.stated)) for c, n, s in rows if c not in value.not_stated
    ]
    if not value.not_stated:
        return [*stated, ("Total", _n(value.total), _whole(value.total))]
    rows = zip(value.categories, value.counts, value.shares, strict=True)
    others = [(c, _n(n), _part(n, s, value.total)) for c, n, s in rows if c in value.not_stated]
    return [
        *stated,
        ("Stated", _n(value.stated), _whole(value.stated)),
        *others,
        ("Total", _n(value.total), _whole(value.total)),
    ]


def _part(count: int | None, share: float | None, base: int | None) -> str:
    """A share, ``*`` when hidden, blank when its base is a shown zero."""
    if share is None and count is not None and base == 0:
        return ""
    return _pct(share)


def _whole(base: int | None) -> str:
    return MARK if base is None else ("100.0%" if base else "")


@records.register
def _(value: CountTable) -> list[Record]:
    return rows_to_records((value.name, "count", "share"), _count_figures(value))


def _cross_head(value: CrossTable) -> tuple[str, ...]:
    return (f"{value.rows} \\ {value.columns}", *value.column_categories, "Total")


def _cross_rows(value: CrossTable) -> list[tuple[str, ...]]:
    rows = [
        (r, *(_n(n) for n in cells), _n(t))
        for r, cells, t in zip(value.row_categories, value.cells, value.row_totals, strict=True)
    ]
    rows.append(("Total", *(_n(n) for n in value.column_totals), _n(value.total)))
    return rows


def _cross_figures(value: CrossTable) -> list[tuple[str | int | None, ...]]:
    """The rows as figures: each row's cells and total, then the column totals."""
    rows: list[tuple[str | int | None, ...]] = [
        (r, *cells, t)
        for r, cells, t in zip(value.row_categories, value.cells, value.row_totals, strict=True)
    ]
    rows.append(("Total", *value.column_totals, value.total))
    return rows


@records.register
def _(value: CrossTable) -> list[Record]:
    head = _cross_head(value)
    return rows_to_records((*head[:-1], "total"), _cross_figures(value))


@text.register
def _(value: CountTable) -> str:
    return (
        _text_table((value.name, "Count", "Share"), _count_rows(value))
        + "\n"
        + note(value.suppress_below)
    )


@markdown.register
def _(value: CountTable) -> str:
    return md_table((value.name, "Count", "Share"), _count_rows(value)) + (
        f"\n\n{note(value.suppress_below)}"
    )


@html.register
def _(value: CountTable) -> str:
    return (
        '<div class="engagekit">'
        + table((value.name, "Count", "Share"), _count_rows(value), caption=value.name)
        + f"<p>{esc(note(value.suppress_below))}</p></div>"
    )


@text.register
def _(value: CrossTable) -> str:
    return _text_table(_cross_head(value), _cross_rows(value)) + "\n" + note(value.suppress_below)


@markdown.register
def _(value: CrossTable) -> str:
    return md_table(_cross_head(value), _cross_rows(value)) + f"\n\n{note(value.suppress_below)}"


@html.register
def _(value: CrossTable) -> str:
    caption = f"{value.rows} by {value.columns}"
    return (
        '<div class="engagekit">'
        + table(_cross_head(value), _cross_rows(value), caption=caption)
        + f"<p>{esc(note(value.suppress_below))}</p></div>"
    )


@text.register
def _(value: Disclosure) -> str:
    return "\n\n".join(text(t) for t in value.tables)


@markdown.register
def _(value: Disclosure) -> str:
    return "\n\n".join(markdown(t) for t in value.tables)


@html.register
def _(value: Disclosure) -> str:
    return "".join(html(t) for t in value.tables)
