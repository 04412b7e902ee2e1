"""Hypothesis strategies for the disclosure types."""

from __future__ import annotations

from hypothesis import strategies as st

from engagekit.disclosure import (
    CountTable,
    CrossTable,
    Disclosure,
    OneWay,
    TwoWay,
    count_table,
    cross_table,
    protect,
)


categories = st.sampled_from(["16-24", "25-64", "65+", "online", "paper", "Prefer not to say"])
counts = st.dictionaries(categories, st.integers(0, 40), min_size=1, max_size=4)


def one_ways() -> st.SearchStrategy[OneWay]:
    """Raw one-way tables, some with "Prefer not to say" apart."""
    return counts.map(
        lambda c: OneWay(
            name="Age", counts=c, not_stated=[k for k in c if k == "Prefer not to say"]
        )
    )


def two_ways() -> st.SearchStrategy[TwoWay]:
    """Raw two-way tables."""
    return st.dictionaries(categories, counts, min_size=1, max_size=3).map(
        lambda c: TwoWay(rows="Age", columns="Channel", counts=c)
    )


def count_tables() -> st.SearchStrategy[CountTable]:
    """Protected one-way tables."""
    return st.builds(
        lambda t, k: count_table(
            dict(t.counts), name=t.name, not_stated=t.not_stated, suppress_below=k
        ),
        one_ways(),
        st.integers(1, 6),
    )


def cross_tables() -> st.SearchStrategy[CrossTable]:
    """Protected two-way tables."""
    return st.builds(
        lambda t, k: cross_table(
            {r: dict(c) for r, c in t.counts}, rows=t.rows, columns=t.columns, suppress_below=k
        ),
        two_ways(),
        st.integers(1, 6),
    )


def disclosures() -> st.SearchStrategy[Disclosure]:
    """Reports of tables protected together."""
    return st.builds(
        lambda ones, twos: protect([*ones, *twos]),
        st.lists(one_ways(), max_size=2),
        st.lists(two_ways(), max_size=1),
    )


STRATEGIES: dict[type, st.SearchStrategy[object]] = {
    OneWay: one_ways(),
    TwoWay: two_ways(),
    CountTable: count_tables(),
    CrossTable: cross_tables(),
    Disclosure: disclosures(),
}
