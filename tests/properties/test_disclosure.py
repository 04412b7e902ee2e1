"""A reader tries to work out every suppressed count from everything a report shows.

The reader knows every shown count, total and share of every table of the report,
that the tables add up, that counts are whole numbers, that zero is always shown (a
suppressed count is at least 1) and the threshold. The reader attacks three ways:

1. linear algebra: is the suppressed count a combination of shown ones?
2. interval bounds: propagate each cell's bounds through every sum until they settle;
3. search: every other table of counts that shows exactly the same figures; a
   suppressed count is safe only if one of them gives it a different value.

Every suppressed count must survive all three, and the issue 14 leak must not.
"""

from __future__ import annotations

import itertools

from collections.abc import Iterable, Mapping, Sequence
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from engagekit.disclosure import CountTable, CrossTable, OneWay, TwoWay, protect


Cell = tuple[int, int]
#: A figure of a report: the raw cells it adds up, and what is shown (None: suppressed).
Figure = tuple[frozenset[Cell], int | None]


def _figures(report: Iterable[CountTable | CrossTable], shape: tuple[int, int]) -> list[Figure]:
    """Every count shown or suppressed in the report, as the raw cells it adds up."""
    rows, columns = shape
    whole = frozenset(itertools.product(range(rows), range(columns)))
    found: list[Figure] = []
    for table in report:
        if isinstance(table, CrossTable):
            for i, j in whole:
                found.append((frozenset({(i, j)}), table.cells[i][j]))
            for i in range(rows):
                found.append((frozenset((i, j) for j in range(columns)), table.row_totals[i]))
            for j in range(columns):
                found.append((frozenset((i, j) for i in range(rows)), table.column_totals[j]))
            found.append((whole, table.total))
            continue
        by_rows = table.name == "Rows"
        for n, count in enumerate(table.counts):
            cells = (
                frozenset((n, j) for j in range(columns))
                if by_rows
                else frozenset((i, n) for i in range(rows))
            )
            found.append((cells, count))
        if table.not_stated:
            stated = frozenset(
                (n, 0) for n, c in enumerate(table.categories) if c not in table.not_stated
            )
            found.append((stated, table.stated))
        found.append((whole, table.total))
    return found


def _shares_hide_nothing(report: Iterable[CountTable | CrossTable]) -> None:
    """A share is shown only beside its count and its base, and is their ratio."""
    for table in report:
        if isinstance(table, CountTable):
            for category, count, share in zip(
                table.categories, table.counts, table.shares, strict=True
            ):
                base = table.total if category in table.not_stated else table.stated
                if share is not None:
                    assert count is not None
                    assert base is not None
                    assert share == count / base
        else:
            for i, row in enumerate(table.row_categories):
                for j, column in enumerate(table.column_categories):
                    share = table.share(row, column)
                    if share is not None:
                        assert table.cells[i][j] is not None
                        assert table.row_totals[i] is not None


def _in_span(target: frozenset[Cell], known: Sequence[frozenset[Cell]], cells: list[Cell]) -> bool:
    """Whether the sum over ``target`` is a linear combination of the known sums."""
    rows = [[Fraction(int(c in s)) for c in cells] for s in known]
    goal = [Fraction(int(c in target)) for c in cells]

    def rank(matrix: list[list[Fraction]]) -> int:
        m = [row[:] for row in matrix]
        r = 0
        for col in range(len(cells)):
            pivot = next((i for i in range(r, len(m)) if m[i][col]), None)
            if pivot is None:
                continue
            m[r], m[pivot] = m[pivot], m[r]
            for i in range(len(m)):
                if i != r and m[i][col]:
                    f = m[i][col] / m[r][col]
                    m[i] = [a - f * b for a, b in zip(m[i], m[r], strict=True)]
            r += 1
        return r

    return rank([*rows, goal]) == rank(rows)


def _bounds(figures: Sequence[Figure], cells: list[Cell]) -> dict[Cell, tuple[int, int]]:
    """Each cell's bounds after propagating every shown sum and every 'at least 1'."""
    low = dict.fromkeys(cells, 0)
    high = dict.fromkeys(cells, 10**6)
    for _ in range(50):
        changed = False
        for members, value in figures:
            if value is None:
                # at least 1: if all but one member is at most 0, that one is at least 1
                rest = [c for c in members if high[c] > 0]
                if len(rest) == 1 and low[rest[0]] < 1:
                    low[rest[0]] = 1
                    changed = True
                continue
            for c in members:
                others_low = sum(low[o] for o in members if o != c)
                others_high = sum(high[o] for o in members if o != c)
                new_low, new_high = (
                    max(low[c], value - others_high),
                    min(high[c], value - others_low),
                )
                if (new_low, new_high) != (low[c], high[c]):
                    low[c], high[c] = new_low, new_high
                    changed = True
        if not changed:
            break
    return {c: (low[c], high[c]) for c in cells}


def _alternatives(raw: Mapping[Cell, int], figures: Sequence[Figure]) -> Iterable[dict[Cell, int]]:
    """Other raw tables (cells moved by -1, 0 or +1) that show exactly the same figures."""
    fixed = {next(iter(m)) for m, v in figures if v is not None and len(m) == 1}
    free = [c for c in raw if c not in fixed]
    shown = [(m, v) for m, v in figures if v is not None]
    hidden = [m for m, v in figures if v is None]
    for steps in itertools.product((-1, 0, 1), repeat=len(free)):
        if not any(steps):
            continue
        other = dict(raw)
        for c, d in zip(free, steps, strict=True):
            other[c] += d
        if min(other.values()) < 0:
            continue
        if any(sum(other[c] for c in m) != v for m, v in shown):
            continue
        if any(sum(other[c] for c in m) < 1 for m in hidden):
            continue
        yield other


def attack(raw: Mapping[Cell, int], figures: Sequence[Figure], k: int) -> list[str]:
    """What the reader manages to derive: a description of each leak (none is good)."""
    leaks: list[str] = []
    cells = sorted(raw)
    known = [m for m, v in figures if v is not None]
    hidden = [m for m, v in figures if v is None]
    for members, value in [(m, v) for m, v in figures if v is not None]:
        assert value == sum(raw[c] for c in members)  # a shown figure is true
        assert value == 0 or value >= k  # and never a small count
    for members in hidden:
        if _in_span(members, known, cells):
            leaks.append(f"{sorted(members)} is a combination of shown sums")
    bounds = _bounds(figures, cells)
    for members in hidden:
        low = sum(bounds[c][0] for c in members)
        high = sum(bounds[c][1] for c in members)
        if low == high:
            leaks.append(f"{sorted(members)} is pinned to {low} by bounds")
    moved = dict.fromkeys(hidden, False)
    for other in _alternatives(raw, figures):
        for m in hidden:
            if not moved[m] and sum(other[c] for c in m) != sum(raw[c] for c in m):
                moved[m] = True
        if all(moved.values()):
            break
    leaks.extend(
        f"{sorted(m)}: no other table gives another value" for m, ok in moved.items() if not ok
    )
    return leaks


def _report(matrix: Sequence[Sequence[int]], k: int) -> list[CountTable | CrossTable]:
    rows = [f"r{i}" for i in range(len(matrix))]
    columns = [f"c{j}" for j in range(len(matrix[0]))]
    counts = {r: dict(zip(columns, row, strict=True)) for r, row in zip(rows, matrix, strict=True)}
    by_rows = OneWay(name="Rows", counts={r: sum(counts[r].values()) for r in rows})
    by_columns = OneWay(
        name="Columns", counts={c: sum(counts[r][c] for r in rows) for c in columns}
    )
    two = TwoWay(rows="Rows", columns="Columns", counts=counts)
    return list(protect([by_rows, by_columns, two], suppress_below=k))


small_counts = st.one_of(st.integers(0, 6), st.integers(0, 40))


@settings(max_examples=80, deadline=None)
@given(
    st.integers(1, 3).flatmap(
        lambda columns: st.lists(
            st.lists(small_counts, min_size=columns, max_size=columns), min_size=1, max_size=3
        )
    ),
    st.integers(2, 6),
)
def test_no_suppressed_count_can_be_derived(matrix, k):
    """A two-way table and both its one-way margins, published together, leak nothing."""
    report = _report(matrix, k)
    _shares_hide_nothing(report)
    raw = {(i, j): n for i, row in enumerate(matrix) for j, n in enumerate(row)}
    figures = _figures(report, (len(matrix), len(matrix[0])))
    assert attack(raw, figures, k) == []


@settings(max_examples=80, deadline=None)
@given(st.lists(small_counts, min_size=1, max_size=6), st.integers(2, 6))
def test_one_way_tables_leak_nothing(counts, k):
    """A one-way table with its total and shares leaks nothing."""
    report = _report([[n] for n in counts], k)[:1]
    _shares_hide_nothing(report)
    raw = {(i, 0): n for i, n in enumerate(counts)}
    assert attack(raw, _figures(report, (len(counts), 1)), k) == []


@settings(max_examples=80, deadline=None)
@given(st.lists(small_counts, min_size=2, max_size=6), st.integers(1, 2), st.integers(2, 6))
def test_not_stated_answers_leak_nothing(counts, not_stated, k):
    """ "Prefer not to say" counted apart, shares over those who stated: nothing leaks."""
    categories = [f"c{n}" for n in range(len(counts))]
    table = OneWay(
        name="Rows",
        counts=dict(zip(categories, counts, strict=True)),
        not_stated=categories[-not_stated:],
    )
    report = list(protect([table], suppress_below=k))
    _shares_hide_nothing(report)
    raw = {(i, 0): n for i, n in enumerate(counts)}
    assert attack(raw, _figures(report, (len(counts), 1)), k) == []


def test_issue_14_leak_regression():
    """Shown 25-64 = 31 at share 0.413 gave 75 answered, so hidden 16-24 = 2; no longer."""
    raw = {(0, 0): 2, (1, 0): 31, (2, 0): 42}
    # What the old analysis showed: 16-24 hidden, 25-64 and 65+ with their shares. The
    # share gives the base the reader needs: 31 / 0.413 = 75.
    base = round(31 / 0.413)
    old: list[Figure] = [
        (frozenset({(0, 0)}), None),
        (frozenset({(1, 0)}), 31),
        (frozenset({(2, 0)}), 42),
        (frozenset(raw), base),
    ]
    assert base == 75
    assert attack(raw, old, 5) == [
        "[(0, 0)] is a combination of shown sums",
        "[(0, 0)] is pinned to 2 by bounds",
        "[(0, 0)]: no other table gives another value",
    ]
    report = list(protect([OneWay(name="Rows", counts={"16-24": 2, "25-64": 31, "65+": 42})]))
    _shares_hide_nothing(report)
    new = _figures(report, (3, 1))
    assert [v for _, v in new] == [None, None, 42, 75]
    assert attack(raw, new, 5) == []
