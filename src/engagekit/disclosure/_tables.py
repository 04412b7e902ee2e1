"""Counts tables, before and after disclosure control (private; see the package)."""

from __future__ import annotations

import numbers

from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, cast

import attrs

from engagekit import _validate, _value
from engagekit._display import Displayable, Tabular, quoted, short_repr
from engagekit.disclosure import _engine
from engagekit.errors import InvalidTypeError, InvalidValueError
from engagekit.sources import Source


SUPPRESS_BELOW = 5
"""The smallest count shown other than zero: counts from 1 to 4 are suppressed."""

MARK = "*"
"""How a suppressed figure is shown (as NHS Digital's statistics show one)."""

SOURCE = Source(
    title="Disclosure control in engagekit: primary and complementary suppression",
    publisher="engagekit",
    force="convention",
    note=(
        "engagekit's convention: counts from 1 to 4 are suppressed and enough other counts "
        "are suppressed that none can be derived from what is shown. For comparison, NHS "
        "Digital's earlier rules for Hospital Episode Statistics replaced values between 1 "
        "and 5 with '*' and then suppressed others so the small numbers could not be "
        "recalculated (NHS Digital, 'Disclosure control methodology for HES and ECDS', 2018, "
        "https://digital.nhs.uk/data-and-information/data-tools-and-services/data-services/"
        "hospital-episode-statistics/change-to-disclosure-control-methodology-for-hes-and-"
        "ecds-from-september-2018); set suppress_below to your publisher's rule"
    ),
)
"""Where the suppression rules come from. The threshold and the complementary rules are
engagekit's convention: practice differs between publishers.
"""

NOT_STATED = ("Prefer not to say", "Prefer not to answer", "Not stated")
"""Answers that are counted but are not a category ("Prefer not to say"), as the
representation analysis and the annual report recognise them (ignoring case).
"""

_TOTAL = "total"


def _category(field: str, value: object) -> str:
    if not isinstance(value, str):
        raise InvalidTypeError(field, value, expected="category text")
    if not value.strip():
        raise InvalidValueError(field, value, reason="a category must not be blank")
    return value


def _count(field: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise InvalidTypeError(field, value, expected="a whole number")
    if value < 0:
        raise InvalidValueError(field, value, reason="must be a whole number ≥ 0")
    return int(value)


def _pairs(value: object) -> Any:
    """Converter: a mapping of category → count becomes a tuple of pairs, in order."""
    if isinstance(value, Mapping):
        return tuple(value.items())
    return _validate.to_tuple(value)


def _check_pairs(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    field = f"{type(instance).__name__}.{attribute.name}"
    if not isinstance(value, tuple):
        raise InvalidTypeError(field, value, expected="a mapping of category to count")
    seen: set[str] = set()
    for pair in value:
        if not isinstance(pair, tuple) or len(pair) != 2:
            raise InvalidTypeError(field, pair, expected="a (category, count) pair")
        category = _category(f"{field}[{pair[0]!r}]", pair[0])
        _count(f"{field}[{category!r}]", pair[1])
        if category in seen:
            raise InvalidValueError(field, category, reason="category given twice")
        seen.add(category)


def _rows(value: object) -> Any:
    """Converter: a mapping of row → (column → count) becomes a tuple of pairs."""
    if isinstance(value, Mapping):
        return tuple((row, _pairs(columns)) for row, columns in value.items())
    return _validate.to_tuple(value)


def _check_rows(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    field = f"{type(instance).__name__}.{attribute.name}"
    if not isinstance(value, tuple):
        raise InvalidTypeError(field, value, expected="a mapping of row to (column to count)")
    seen: set[str] = set()
    for pair in value:
        if not isinstance(pair, tuple) or len(pair) != 2:
            raise InvalidTypeError(field, pair, expected="a (row, counts) pair")
        row = _category(f"{field}[{pair[0]!r}]", pair[0])
        if row in seen:
            raise InvalidValueError(field, row, reason="row given twice")
        seen.add(row)
        cells = pair[1]
        if not isinstance(cells, tuple):
            raise InvalidTypeError(
                f"{field}[{row!r}]", cells, expected="a mapping of column to count"
            )
        columns: set[str] = set()
        for cell in cells:
            if not isinstance(cell, tuple) or len(cell) != 2:
                raise InvalidTypeError(f"{field}[{row!r}]", cell, expected="a (column, count) pair")
            column = _category(f"{field}[{row!r}][{cell[0]!r}]", cell[0])
            _count(f"{field}[{row!r}][{column!r}]", cell[1])
            if column in columns:
                raise InvalidValueError(f"{field}[{row!r}]", column, reason="column given twice")
            columns.add(column)


@attrs.frozen(kw_only=True)
@_value.shared_methods
class OneWay:
    """Counts by one characteristic, before disclosure control (not for publication).

    Attributes:
        name: what is counted by (``"Age"``, ``"Q1: Do you agree?"``); tables of one
            report that share a name and a category share that count.
        counts: category → count, in the order to show them.
        not_stated: categories that are not an answer ("Prefer not to say"): they are
            counted and shown, but shares of the other categories are of those who
            stated one.

    Examples:
        >>> OneWay(name="Age", counts={"16-24": 2, "25-64": 31, "65+": 42})
        OneWay(name='Age', counts=(('16-24', 2), ('25-64', 31), ('65+', 42)), not_stated=())
    """

    name: str = attrs.field(validator=_validate.text)
    counts: tuple[tuple[str, int], ...] = attrs.field(converter=_pairs, validator=_check_pairs)
    not_stated: tuple[str, ...] = attrs.field(
        default=(), converter=_validate.to_tuple, validator=_validate.each_text
    )

    def __attrs_post_init__(self) -> None:
        categories = [c for c, _ in self.counts]
        for category in self.not_stated:
            if category not in categories:
                raise InvalidValueError(
                    "OneWay.not_stated", category, allowed=categories, reason="not a category"
                )


@attrs.frozen(kw_only=True)
@_value.shared_methods
class TwoWay:
    """Counts by two characteristics, before disclosure control (not for publication).

    A column missing from a row counts as zero.

    Attributes:
        rows: what the rows count by (``"Age"``).
        columns: what the columns count by (``"Channel"``).
        counts: row → (column → count), in the order to show them.

    Examples:
        >>> t = TwoWay(rows="Age", columns="Channel",
        ...            counts={"16-24": {"online": 9}, "65+": {"online": 12, "paper": 30}})
        >>> t.column_categories
        ('online', 'paper')
    """

    rows: str = attrs.field(validator=_validate.text)
    columns: str = attrs.field(validator=_validate.text)
    counts: tuple[tuple[str, tuple[tuple[str, int], ...]], ...] = attrs.field(
        converter=_rows, validator=_check_rows
    )

    @property
    def row_categories(self) -> tuple[str, ...]:
        """The rows, in order."""
        return tuple(row for row, _ in self.counts)

    @property
    def column_categories(self) -> tuple[str, ...]:
        """The columns, in the order they first appear."""
        return tuple(dict.fromkeys(c for _, cells in self.counts for c, _ in cells))

    def matrix(self) -> tuple[tuple[int, ...], ...]:
        """The counts as rows of numbers, one per column (zero where none given)."""
        columns = self.column_categories
        return tuple(tuple(dict(cells).get(c, 0) for c in columns) for _, cells in self.counts)


Table = OneWay | TwoWay


def _share(count: int | None, base: int | None) -> float | None:
    if count is None or base is None or base == 0:
        return None
    return count / base


def _shown_count(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A published count: ``None`` (suppressed) or a whole number ≥ 0."""
    if value is not None:
        _count(f"{type(instance).__name__}.{attribute.name}", value)


def _shown_counts(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    field = f"{type(instance).__name__}.{attribute.name}"
    if not isinstance(value, tuple):
        raise InvalidTypeError(field, value, expected="a list of counts")
    for index, item in enumerate(value):
        if item is not None:
            _count(f"{field}[{index}]", item)


def _shown_shares(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    field = f"{type(instance).__name__}.{attribute.name}"
    if not isinstance(value, tuple):
        raise InvalidTypeError(field, value, expected="a list of shares")
    for index, item in enumerate(value):
        if item is None:
            continue
        if isinstance(item, bool) or not isinstance(item, numbers.Real):
            raise InvalidTypeError(f"{field}[{index}]", item, expected="a share from 0 to 1")
        if not 0 <= float(item) <= 1:
            raise InvalidValueError(f"{field}[{index}]", item, reason="must lie between 0 and 1")


def _matrix(value: object) -> Any:
    """Converter: rows of counts as a tuple of tuples."""
    value = _validate.to_tuple(value)
    if isinstance(value, tuple):
        return tuple(_validate.to_tuple(row) for row in value)
    return value


def _shown_matrix(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    field = f"{type(instance).__name__}.{attribute.name}"
    if not isinstance(value, tuple):
        raise InvalidTypeError(field, value, expected="rows of counts")
    for i, row in enumerate(value):
        if not isinstance(row, tuple):
            raise InvalidTypeError(f"{field}[{i}]", row, expected="a list of counts")
        for j, item in enumerate(row):
            if item is not None:
                _count(f"{field}[{i}][{j}]", item)


def _no_small(owner: str, figures: Iterable[tuple[str, int | None]], k: int) -> None:
    """A published table never shows a count from 1 to ``k - 1``."""
    for where, n in figures:
        if n is not None and 0 < n < k:
            raise InvalidValueError(
                f"{owner}.{where}", n, reason=f"a count from 1 to {k - 1} must be suppressed"
            )


def _same_length(owner: str, expected: int, **fields: Sequence[object]) -> None:
    for name, value in fields.items():
        if len(value) != expected:
            raise InvalidValueError(
                f"{owner}.{name}",
                value,
                reason=f"has {len(value)} entries; must have {expected}, one per category",
            )


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class CountTable(Displayable, Tabular):
    """A one-way counts table after disclosure control: what may be published.

    ``None`` is a suppressed figure (shown as ``*``). A share is shown only when its
    count and its base are shown. `to_records()` gives the table's rows: each
    category, then (with not-stated answers) ``Stated`` and those answers, then
    ``Total``, keyed by ``name``, ``count`` and ``share`` (``None`` where hidden).

    Attributes:
        name: what is counted by.
        categories: every category, in order.
        counts: the count of each category (``None`` when suppressed).
        shares: each category's share (``None`` when suppressed or the base is 0):
            of ``stated`` for a stated category, of ``total`` for a not-stated one.
        not_stated: the categories that are not an answer.
        stated: those who stated a category (the shares' base; ``None`` when
            suppressed); equal to ``total`` when there is no not-stated category.
        total: everyone counted (``None`` when suppressed).
        suppress_below: counts from 1 to ``suppress_below - 1`` were suppressed.
    """

    name: str = attrs.field(validator=_validate.text)
    categories: tuple[str, ...] = attrs.field(
        converter=_validate.to_tuple, validator=_validate.each_text
    )
    counts: tuple[int | None, ...] = attrs.field(
        converter=_validate.to_tuple, validator=_shown_counts
    )
    shares: tuple[float | None, ...] = attrs.field(
        converter=_validate.to_tuple, validator=_shown_shares
    )
    not_stated: tuple[str, ...] = attrs.field(
        converter=_validate.to_tuple, validator=_validate.each_text
    )
    stated: int | None = attrs.field(validator=_shown_count)
    total: int | None = attrs.field(validator=_shown_count)
    suppress_below: int = attrs.field(validator=_validate.whole_at_least(1))

    def __attrs_post_init__(self) -> None:
        _same_length("CountTable", len(self.categories), counts=self.counts, shares=self.shares)
        for category in self.not_stated:
            if category not in self.categories:
                raise InvalidValueError("CountTable.not_stated", category, allowed=self.categories)
        figures = [*zip(self.categories, self.counts, strict=True)]
        figures += [("stated", self.stated), ("total", self.total)]
        _no_small("CountTable", figures, self.suppress_below)

    def __repr__(self) -> str:
        return short_repr(
            self,
            f"CountTable {quoted(self.name)}",
            [(len(self.categories), "categories"), (len(self.suppressed), "suppressed")],
        )

    def __len__(self) -> int:
        return len(self.categories)

    def __iter__(self) -> Iterator[str]:
        return iter(self.categories)

    def _index(self, category: str) -> int:
        try:
            return self.categories.index(category)
        except ValueError:
            raise InvalidValueError(
                f"{self.name} category", category, allowed=self.categories
            ) from None

    def count(self, category: str) -> int | None:
        """The shown count of ``category`` (``None`` when suppressed).

        Raises:
            InvalidValueError: no such category.
        """
        return self.counts[self._index(category)]

    def share(self, category: str) -> float | None:
        """The shown share of ``category`` (``None`` when suppressed).

        Raises:
            InvalidValueError: no such category.
        """
        return self.shares[self._index(category)]

    @property
    def suppressed(self) -> tuple[str, ...]:
        """The suppressed figures: categories, then ``"Stated"`` and ``"Total"``."""
        names = [c for c, n in zip(self.categories, self.counts, strict=True) if n is None]
        if self.not_stated and self.stated is None:
            names.append("Stated")
        if self.total is None:
            names.append("Total")
        return tuple(names)


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class CrossTable(Displayable, Tabular):
    """A two-way counts table with its totals after disclosure control.

    ``None`` is a suppressed figure. ``share(row, column)`` is the cell's share of its
    row, shown only when the cell and the row total are shown. `to_records()` gives
    the table's rows: one per row category, then ``Total``, keyed by
    ``"{rows} \\ {columns}"``, each column category and ``total``.

    Attributes:
        rows: what the rows count by.
        columns: what the columns count by.
        row_categories: the rows, in order.
        column_categories: the columns, in order.
        cells: the counts, one tuple per row.
        row_totals: each row's total.
        column_totals: each column's total.
        total: the grand total.
        suppress_below: counts from 1 to ``suppress_below - 1`` were suppressed.
    """

    rows: str = attrs.field(validator=_validate.text)
    columns: str = attrs.field(validator=_validate.text)
    row_categories: tuple[str, ...] = attrs.field(
        converter=_validate.to_tuple, validator=_validate.each_text
    )
    column_categories: tuple[str, ...] = attrs.field(
        converter=_validate.to_tuple, validator=_validate.each_text
    )
    cells: tuple[tuple[int | None, ...], ...] = attrs.field(
        converter=_matrix, validator=_shown_matrix
    )
    row_totals: tuple[int | None, ...] = attrs.field(
        converter=_validate.to_tuple, validator=_shown_counts
    )
    column_totals: tuple[int | None, ...] = attrs.field(
        converter=_validate.to_tuple, validator=_shown_counts
    )
    total: int | None = attrs.field(validator=_shown_count)
    suppress_below: int = attrs.field(validator=_validate.whole_at_least(1))

    def __attrs_post_init__(self) -> None:
        n_rows, n_columns = len(self.row_categories), len(self.column_categories)
        _same_length("CrossTable", n_rows, cells=self.cells, row_totals=self.row_totals)
        _same_length("CrossTable", n_columns, column_totals=self.column_totals)
        for i, row in enumerate(self.cells):
            _same_length("CrossTable", n_columns, **{f"cells[{i}]": row})
        figures = [
            (f"cells[{i}][{j}]", n) for i, row in enumerate(self.cells) for j, n in enumerate(row)
        ]
        figures += [(f"row_totals[{i}]", n) for i, n in enumerate(self.row_totals)]
        figures += [(f"column_totals[{j}]", n) for j, n in enumerate(self.column_totals)]
        figures.append(("total", self.total))
        _no_small("CrossTable", figures, self.suppress_below)

    def __repr__(self) -> str:
        return short_repr(
            self,
            f"CrossTable {quoted(self.rows)} by {quoted(self.columns)}",
            [
                (len(self.row_categories), "rows"),
                (len(self.column_categories), "columns"),
                (len(self.suppressed), "suppressed"),
            ],
        )

    @property
    def suppressed(self) -> tuple[tuple[str, str], ...]:
        """The suppressed figures as (row, column) pairs, ``"Total"`` for a total."""
        found = [
            (r, c)
            for r, cells in zip(self.row_categories, self.cells, strict=True)
            for c, n in zip(self.column_categories, cells, strict=True)
            if n is None
        ]
        found += [
            (r, "Total")
            for r, n in zip(self.row_categories, self.row_totals, strict=True)
            if n is None
        ]
        found += [
            ("Total", c)
            for c, n in zip(self.column_categories, self.column_totals, strict=True)
            if n is None
        ]
        if self.total is None:
            found.append(("Total", "Total"))
        return tuple(found)

    def _at(self, row: str, column: str) -> tuple[int, int]:
        if row not in self.row_categories:
            raise InvalidValueError(f"{self.rows} row", row, allowed=self.row_categories)
        if column not in self.column_categories:
            raise InvalidValueError(
                f"{self.columns} column", column, allowed=self.column_categories
            )
        return self.row_categories.index(row), self.column_categories.index(column)

    def cell(self, row: str, column: str) -> int | None:
        """The shown count of one cell (``None`` when suppressed).

        Raises:
            InvalidValueError: no such row or column.
        """
        i, j = self._at(row, column)
        return self.cells[i][j]

    def share(self, row: str, column: str) -> float | None:
        """The cell's share of its row (``None`` when it or the row total is suppressed).

        Raises:
            InvalidValueError: no such row or column.
        """
        i, j = self._at(row, column)
        return _share(self.cells[i][j], self.row_totals[i])


Protected = CountTable | CrossTable


@attrs.frozen(kw_only=True, repr=False)
@_value.shared_methods
class Disclosure(Displayable, Sequence[Protected]):
    """The tables of one report, suppressed together so none gives another away.

    Attributes:
        tables: one protected table per table given, in order.
        suppress_below: counts from 1 to ``suppress_below - 1`` were suppressed.
    """

    tables: tuple[Protected, ...] = attrs.field(
        converter=_validate.to_tuple, validator=_validate.each(CountTable, CrossTable)
    )
    suppress_below: int = attrs.field(validator=_validate.whole_at_least(1))

    def __repr__(self) -> str:
        hidden = sum(len(t.suppressed) for t in self.tables)
        return short_repr(
            self, "Disclosure", [(len(self.tables), "tables"), (hidden, "suppressed figures")]
        )

    def __len__(self) -> int:
        return len(self.tables)

    def __iter__(self) -> Iterator[Protected]:
        return iter(self.tables)

    def __getitem__(self, index: int) -> Protected:  # type: ignore[override]
        return self.tables[index]


# --- Building the entries and lines of a report -------------------------------------------


def _one_way_keys(table: OneWay) -> tuple[list[tuple[Any, int]], list[_engine.Line]]:
    cells = [(("cell", table.name, c, n), n) for c, n in table.counts]
    total = sum(n for _, n in table.counts)
    entries = [*cells, ((_TOTAL, total), total)]
    if not table.not_stated:
        return entries, [((_TOTAL, total), tuple(k for k, _ in cells))]
    stated_cells = [k for (k, _), (c, _) in zip(cells, table.counts, strict=True)
                    if c not in table.not_stated]  # fmt: skip
    other = [k for (k, _), (c, _) in zip(cells, table.counts, strict=True)
             if c in table.not_stated]  # fmt: skip
    stated = sum(n for c, n in table.counts if c not in table.not_stated)
    entries.append(((_TOTAL, stated), stated))
    return entries, [
        ((_TOTAL, stated), tuple(stated_cells)),
        ((_TOTAL, total), ((_TOTAL, stated), *other)),
    ]


def _two_way_keys(table: TwoWay) -> tuple[list[tuple[Any, int]], list[_engine.Line]]:
    rows, columns = table.row_categories, table.column_categories
    matrix = table.matrix()
    inner = [
        [(("cell2", table.rows, r, table.columns, c, matrix[i][j]), matrix[i][j])
         for j, c in enumerate(columns)]
        for i, r in enumerate(rows)
    ]  # fmt: skip
    row_sums = [sum(row) for row in matrix]
    column_sums = [sum(row[j] for row in matrix) for j in range(len(columns))]
    row_keys = [(("cell", table.rows, r, row_sums[i]), row_sums[i]) for i, r in enumerate(rows)]
    column_keys = [
        (("cell", table.columns, c, column_sums[j]), column_sums[j]) for j, c in enumerate(columns)
    ]
    total = sum(row_sums)
    grand = ((_TOTAL, total), total)
    entries = [e for row in inner for e in row] + row_keys + column_keys + [grand]
    lines: list[_engine.Line] = [
        (row_keys[i][0], tuple(k for k, _ in inner[i])) for i in range(len(rows))
    ]
    lines += [
        (column_keys[j][0], tuple(inner[i][j][0] for i in range(len(rows))))
        for j in range(len(columns))
    ]
    lines += [
        (grand[0], tuple(k for k, _ in row_keys)),
        (grand[0], tuple(k for k, _ in column_keys)),
    ]
    return entries, lines


def _bases(table: Table) -> list[Any]:
    """The entries the table's shares are of: the stated total, or each row's total."""
    entries, _ = _one_way_keys(table) if isinstance(table, OneWay) else _two_way_keys(table)
    if isinstance(table, OneWay):
        return [entries[-1][0]]
    cells = len(table.row_categories) * len(table.column_categories)
    return [key for key, _ in entries[cells : cells + len(table.row_categories)]]


def _plan(
    tables: Sequence[Table],
) -> tuple[dict[Any, int], list[_engine.Line], list[Any], set[Any]]:
    values: dict[Any, int] = {}
    lines: list[_engine.Line] = []
    bases: set[Any] = set()
    for table in tables:
        entries, mine = _one_way_keys(table) if isinstance(table, OneWay) else _two_way_keys(table)
        for key, value in entries:
            values.setdefault(key, value)
        lines.extend(mine)
        bases.update(_bases(table))
    return values, list(dict.fromkeys(lines)), list(values), bases


def _shown(key: Any, values: Mapping[Any, int], hidden: frozenset[Any]) -> int | None:
    return None if key in hidden else values[key]


def _protect_one(
    table: OneWay, values: Mapping[Any, int], hidden: frozenset[Any], k: int
) -> CountTable:
    entries, _ = _one_way_keys(table)
    counts = [_shown(key, values, hidden) for key, _ in entries[: len(table.counts)]]
    total = _shown(entries[len(table.counts)][0], values, hidden)
    stated = _shown(entries[-1][0], values, hidden) if table.not_stated else total
    shares = [
        _share(n, total if c in table.not_stated else stated)
        for (c, _), n in zip(table.counts, counts, strict=True)
    ]
    return CountTable(
        name=table.name,
        categories=tuple(c for c, _ in table.counts),
        counts=tuple(counts),
        shares=tuple(shares),
        not_stated=table.not_stated,
        stated=stated,
        total=total,
        suppress_below=k,
    )


def _protect_two(
    table: TwoWay, values: Mapping[Any, int], hidden: frozenset[Any], k: int
) -> CrossTable:
    entries, _ = _two_way_keys(table)
    shown = [_shown(key, values, hidden) for key, _ in entries]
    n_rows, n_columns = len(table.row_categories), len(table.column_categories)
    cells = tuple(tuple(shown[i * n_columns : (i + 1) * n_columns]) for i in range(n_rows))
    at = n_rows * n_columns
    return CrossTable(
        rows=table.rows,
        columns=table.columns,
        row_categories=table.row_categories,
        column_categories=table.column_categories,
        cells=cells,
        row_totals=tuple(shown[at : at + n_rows]),
        column_totals=tuple(shown[at + n_rows : at + n_rows + n_columns]),
        total=shown[-1],
        suppress_below=k,
    )


def protect(tables: Iterable[Table], *, suppress_below: int = SUPPRESS_BELOW) -> Disclosure:
    """Suppress the tables of one report together, so that none can be derived.

    Primary suppression hides every count (cell, subtotal or total) from 1 to
    ``suppress_below - 1``; complementary suppression then hides the fewest further
    counts, smallest first, until no hidden count can be worked out from what is
    shown: the totals, the shares, the other tables' counts. A count that appears in
    several tables (a table's total and a cross-table's row of the same name and
    value) is shown or hidden in all of them. Zero is always shown.

    Args:
        tables: the [`OneWay`][engagekit.disclosure.OneWay] and
            [`TwoWay`][engagekit.disclosure.TwoWay] tables of one report.
        suppress_below: the smallest count shown other than zero (engagekit's
            convention is 5; see `SOURCE`).

    Raises:
        InvalidTypeError: a table that is not a `OneWay` or `TwoWay`, or a setting
            that is not a whole number.
        InvalidValueError: ``suppress_below`` below 1.

    Examples:
        The leak this prevents: with only 16-24 hidden, the share of 25-64 gives the
        total (31 / 0.413 = 75) and so the hidden count (75 - 31 - 42 = 2).

        >>> age = OneWay(name="Age", counts={"16-24": 2, "25-64": 31, "65+": 42})
        >>> table = protect([age])[0]
        >>> table.counts, table.total
        ((None, None, 42), 75)
        >>> table.shares
        (None, None, 0.56)
    """
    k = _validate.as_int("suppress_below", suppress_below)
    if k < 1:
        raise InvalidValueError("suppress_below", k, reason="must be a whole number ≥ 1")
    given = tuple(tables) if not isinstance(tables, OneWay | TwoWay) else (tables,)
    for index, table in enumerate(given):
        if not isinstance(table, OneWay | TwoWay):
            raise InvalidTypeError(f"tables[{index}]", table, expected="a OneWay or a TwoWay")
    values, lines, order, bases = _plan(given)
    hidden = _engine.suppress(values, lines, order, k, bases)
    protected: list[Protected] = [
        _protect_one(t, values, hidden, k) if isinstance(t, OneWay)
        else _protect_two(t, values, hidden, k)
        for t in given
    ]  # fmt: skip
    return Disclosure(tables=tuple(protected), suppress_below=k)


def count_table(
    counts: Mapping[str, int],
    *,
    name: str,
    not_stated: Iterable[str] = (),
    suppress_below: int = SUPPRESS_BELOW,
) -> CountTable:
    """One counts table, suppressed so that no hidden count can be derived.

    The same as ``protect([OneWay(...)])[0]``; use [`protect`][engagekit.disclosure.protect]
    for the tables of one report together.

    Raises:
        InvalidTypeError: a count that is not a whole number.
        InvalidValueError: a negative count, a blank category, or a ``not_stated``
            category that is not counted.

    Examples:
        >>> t = count_table({"Female": 40, "Male": 31, "Prefer not to say": 3}, name="Sex",
        ...                 not_stated=["Prefer not to say"])
        >>> t.counts, t.stated, t.total
        ((40, 31, None), 71, None)
    """
    table = OneWay(name=name, counts=counts, not_stated=tuple(not_stated))
    return cast("CountTable", protect([table], suppress_below=suppress_below)[0])


def cross_table(
    counts: Mapping[str, Mapping[str, int]],
    *,
    rows: str,
    columns: str,
    suppress_below: int = SUPPRESS_BELOW,
) -> CrossTable:
    """One two-way table with totals, suppressed so that no hidden count can be derived.

    Raises:
        InvalidTypeError: a count that is not a whole number.
        InvalidValueError: a negative count or a blank category.

    Examples:
        >>> t = cross_table(
        ...     {"16-24": {"online": 9, "paper": 2}, "65+": {"online": 12, "paper": 30}},
        ...     rows="Age", columns="Channel")
        >>> t.cells
        ((None, None), (None, None))
        >>> t.column_totals, t.total
        ((21, 32), 53)
    """
    table = TwoWay(rows=rows, columns=columns, counts=counts)
    return cast("CrossTable", protect([table], suppress_below=suppress_below)[0])
