"""Primary and complementary suppression over linked additive tables (private).

A report is a set of *entries* (counts: cells, subtotals, totals), each named by a
key, and *lines*: a parent entry that is the sum of its children (a total and the
cells it adds up). Entries with the same key in two tables are one quantity, so a
count suppressed in one table is suppressed wherever it appears.

The reader is assumed to know every shown entry, that every line adds up, and that
zero is always shown (a suppressed entry is at least 1). An entry is *protected*
when another table of counts, consistent with all of that, gives it a different
value; that table is its *witness*. Suppression adds entries until every suppressed
entry has a witness.
"""

from __future__ import annotations

import math

from collections.abc import Hashable, Iterable, Mapping, Sequence
from fractions import Fraction


Key = Hashable
Line = tuple[Key, tuple[Key, ...]]


def _lines_of(lines: Sequence[Line]) -> list[tuple[Key, ...]]:
    """Each line as the group of entries it links (the parent first)."""
    return [(parent, *children) for parent, children in lines]


def _coefficients(line: Line) -> dict[Key, int]:
    parent, children = line
    coefficients: dict[Key, int] = {}
    for child in children:
        coefficients[child] = coefficients.get(child, 0) + 1
    coefficients[parent] = coefficients.get(parent, 0) - 1
    return {key: c for key, c in coefficients.items() if c}


def _kernel(lines: Sequence[Line], hidden: Sequence[Key]) -> list[dict[Key, Fraction]]:
    """A basis of the changes to hidden entries that keep every line adding up."""
    index = {key: i for i, key in enumerate(hidden)}
    rows: list[list[Fraction]] = []
    for line in lines:
        row = [Fraction(0)] * len(hidden)
        touched = False
        for key, c in _coefficients(line).items():
            if key in index:
                row[index[key]] = Fraction(c)
                touched = True
        if touched:
            rows.append(row)
    pivots: list[int] = []
    rank = 0
    for column in range(len(hidden)):
        pivot = next((r for r in range(rank, len(rows)) if rows[r][column]), None)
        if pivot is None:
            continue
        rows[rank], rows[pivot] = rows[pivot], rows[rank]
        lead = rows[rank][column]
        rows[rank] = [v / lead for v in rows[rank]]
        for r in range(len(rows)):
            if r != rank and rows[r][column]:
                factor = rows[r][column]
                rows[r] = [a - factor * b for a, b in zip(rows[r], rows[rank], strict=True)]
        pivots.append(column)
        rank += 1
    free = [c for c in range(len(hidden)) if c not in set(pivots)]
    basis = []
    for f in free:
        vector = {hidden[f]: Fraction(1)}
        for r, p in enumerate(pivots):
            if rows[r][f]:
                vector[hidden[p]] = -rows[r][f]
        basis.append(vector)
    return basis


def _integral(vector: Mapping[Key, Fraction]) -> dict[Key, int]:
    scale = math.lcm(*(v.denominator for v in vector.values()))
    whole = {k: int(v * scale) for k, v in vector.items() if v}
    divisor = math.gcd(*whole.values())
    return {k: v // divisor for k, v in whole.items()}


def _feasible(values: Mapping[Key, int], change: Mapping[Key, int]) -> bool:
    return all(values[k] + d >= 1 for k, d in change.items()) or all(
        values[k] - d >= 1 for k, d in change.items()
    )


def exposed(values: Mapping[Key, int], lines: Sequence[Line], hidden: Iterable[Key]) -> list[Key]:
    """The hidden entries for which no witness is found, in the order given.

    A feasible change witnesses every entry it moves, so each candidate change is
    tried once: the kernel's basis, then sums and differences of pairs of it.
    """
    order = list(dict.fromkeys(hidden))
    basis = _kernel(lines, order)
    left = set(order)
    for vector in basis:
        change = _integral(vector)
        if left & change.keys() and _feasible(values, change):
            left -= change.keys()
    for i, vector in enumerate(basis):
        if not left:
            break
        for other in basis[i + 1 :]:
            if not left & (vector.keys() | other.keys()):
                continue
            for sign in (1, -1):
                combined = dict(vector)
                for k, v in other.items():
                    combined[k] = combined.get(k, Fraction(0)) + sign * v
                change = _integral({k: v for k, v in combined.items() if v})
                if left & change.keys() and _feasible(values, change):
                    left -= change.keys()
    if left:
        whole = [_integral(v) for v in basis]
        for key in order:
            if key in left:
                mended = _repair(values, whole, key)
                if mended is not None:
                    left -= mended.keys()
    return [key for key in order if key in left]


def _shortfall(values: Mapping[Key, int], change: Mapping[Key, int]) -> int:
    return sum(max(0, 1 - values[k] - d) for k, d in change.items())


def _repair(
    values: Mapping[Key, int], basis: Sequence[Mapping[Key, int]], key: Key, steps: int = 12
) -> dict[Key, int] | None:
    """A feasible change moving ``key``: a basis change, mended greedily by others.

    Starting from each basis change that moves ``key`` (both ways), add or take away
    the basis change that most reduces how far entries fall below 1, while ``key``
    still moves; a change with no shortfall is a witness.
    """
    for start in (v for v in basis if v.get(key)):
        for sign in (1, -1):
            change = {k: sign * d for k, d in start.items()}
            short = _shortfall(values, change)
            for _ in range(steps):
                if short == 0:
                    return change
                best: tuple[int, dict[Key, int]] | None = None
                for other in basis:
                    for way in (1, -1):
                        trial = dict(change)
                        for k, d in other.items():
                            trial[k] = trial.get(k, 0) + way * d
                        trial = {k: d for k, d in trial.items() if d}
                        if not trial.get(key):
                            continue
                        score = _shortfall(values, trial)
                        if score < short and (best is None or score < best[0]):
                            best = (score, trial)
                if best is None:
                    break
                short, change = best
            if short == 0:
                return change
    return None


def suppress(
    values: Mapping[Key, int],
    lines: Sequence[Line],
    order: Sequence[Key],
    suppress_below: int,
    bases: Iterable[Key] = (),
) -> frozenset[Key]:
    """The entries to suppress: the small ones, and enough others to protect them.

    Primary: every entry from 1 to ``suppress_below - 1``. Complementary, first by
    the usual rules (no line with one suppressed entry; the suppressed entries of a
    line with a shown total add up to at least ``suppress_below`` and are not all
    ones), then until every suppressed entry has a witness. Each complementary
    choice is the shown, non-zero entry of a line that needs one that leads to the
    fewest hidden ``bases`` (the denominators of shares, whose loss hides every share
    over them), then the fewest further suppressions, the fewest totals, the smallest
    counts, cells before totals, earlier before later.
    """
    rank = {key: i for i, key in enumerate(order)}
    totals = {parent for parent, _ in lines}
    denominators = set(bases)
    groups = _lines_of(lines)
    hidden = {k for k in order if 0 < values[k] < suppress_below}

    def shown_in(candidates: Iterable[Key], hidden: set[Key]) -> list[Key]:
        found = [k for k in dict.fromkeys(candidates) if k not in hidden and values[k] > 0]
        return sorted(found, key=lambda k: (k in denominators, k in totals, values[k], rank[k]))

    def need(hidden: set[Key]) -> tuple[Key, ...] | None:
        """The first line the rules say needs another suppression."""
        for group in groups:
            mine = [k for k in dict.fromkeys(group) if k in hidden]
            if not mine:
                continue
            needed = len(mine) == 1
            if group[0] not in hidden:
                total = sum(values[k] for k in mine)
                needed = needed or total < suppress_below or total == len(mine)
            if needed and shown_in(group, hidden):
                return group
        return None

    def closure(hidden: set[Key]) -> set[Key]:
        """Apply the rules greedily (smallest cell first) until no line needs more."""
        hidden = set(hidden)
        while (group := need(hidden)) is not None:
            hidden.add(shown_in(group, hidden)[0])
        return hidden

    def cost(choice: Key) -> tuple[int, int, int, int, bool, int, int]:
        after = closure(hidden | {choice})
        added = after - hidden
        return (
            len(added & denominators),
            len(added),
            sum(k in totals for k in added),
            sum(values[k] for k in added),
            choice in totals,
            values[choice],
            rank[choice],
        )

    def by_rules() -> bool:
        group = need(hidden)
        if group is None:
            return False
        hidden.add(min(shown_in(group, hidden), key=cost))
        return True

    def pick(candidates: Iterable[Key]) -> Key | None:
        shown = shown_in(candidates, hidden)
        return min(shown, key=cost) if shown else None

    while True:
        while by_rules():
            pass
        if not hidden:
            return frozenset()
        weak = exposed(values, lines, sorted(hidden, key=rank.__getitem__))
        if not weak:
            return frozenset(hidden)
        near = [k for group in groups if weak[0] in group for k in group]
        choice = pick(near)
        if choice is None:
            choice = pick(order)
        if choice is None:
            return frozenset(hidden)
        hidden.add(choice)
