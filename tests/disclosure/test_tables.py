"""Counts tables under disclosure control: what is shown, what is hidden, bad input."""

from __future__ import annotations

import pytest

from engagekit import render
from engagekit.disclosure import (
    SOURCE,
    SUPPRESS_BELOW,
    CountTable,
    CrossTable,
    OneWay,
    TwoWay,
    count_table,
    cross_table,
    protect,
)
from engagekit.errors import InvalidTypeError, InvalidValueError
from engagekit.sources import LegalForce


def test_issue_14_leak_is_closed():
    """16-24 = 2 is hidden with a second count, so 75 - 31 - 42 can no longer be done."""
    table = count_table({"16-24": 2, "25-64": 31, "65+": 42}, name="Age")
    assert table.count("16-24") is None
    assert table.suppressed == ("16-24", "25-64")
    assert table.total == 75
    assert table.share("65+") == pytest.approx(42 / 75)
    assert table.share("25-64") is None


def test_default_threshold_is_engagekits_convention():
    """Counts 1-4 are suppressed by default; the rule says it is a convention."""
    assert SUPPRESS_BELOW == 5
    assert SOURCE.force is LegalForce.CONVENTION
    table = count_table({"a": 5, "b": 6, "c": 0}, name="Group")
    assert table.counts == (5, 6, 0)
    assert table.shares == (5 / 11, 6 / 11, 0.0)


def test_prefer_not_to_say_is_counted_and_hidden_with_the_total():
    """A small "Prefer not to say" hides the total, keeping the stated base and shares."""
    table = count_table(
        {"Female": 40, "Male": 31, "Prefer not to say": 3},
        name="Sex",
        not_stated=["Prefer not to say"],
    )
    assert table.counts == (40, 31, None)
    assert (table.stated, table.total) == (71, None)
    assert table.share("Female") == pytest.approx(40 / 71)


def test_two_way_cells_and_margins():
    """A small cell takes three others with it around a rectangle; the totals stay."""
    table = cross_table(
        {"16-24": {"online": 9, "paper": 2}, "65+": {"online": 12, "paper": 30}},
        rows="Age",
        columns="Channel",
    )
    assert isinstance(table, CrossTable)
    assert table.cells == ((None, None), (None, None))
    assert (table.row_totals, table.column_totals, table.total) == ((11, 42), (21, 32), 53)
    assert table.share("65+", "paper") is None
    assert repr(table) == "<CrossTable 'Age' by 'Channel' with 2 rows, 2 columns and 4 suppressed>"


def test_tables_of_one_report_hide_the_same_count():
    """The 16-24 count hidden in the cross-table is hidden in the age table too."""
    age = OneWay(name="Age", counts={"16-24": 2, "25-64": 31, "65+": 42})
    channel = TwoWay(
        rows="Age",
        columns="Channel",
        counts={"16-24": {"online": 2}, "25-64": {"online": 20, "paper": 11},
                "65+": {"online": 12, "paper": 30}},
    )  # fmt: skip
    report = protect([age, channel])
    one, two = report
    assert isinstance(one, CountTable)
    assert isinstance(two, CrossTable)
    assert one.counts == (None, 31, None)
    assert two.row_totals == (None, 31, None)
    assert two.cell("16-24", "paper") == 0
    assert repr(report) == "<Disclosure with 2 tables and 6 suppressed figures>"


def test_rendering_marks_suppressed_figures():
    """Text, Markdown and HTML show '*' and say what it means; records carry None."""
    table = count_table({"16-24": 2, "25-64": 31, "65+": 42}, name="Age")
    assert "| 16-24 | * | * |" in render.markdown(table)
    assert "fewer than 5" in render.html(table)
    assert "16-24  *" in str(table)
    assert table.to_records()[0] == {"Age": "16-24", "count": None, "share": None}
    assert repr(table) == "<CountTable 'Age' with 3 categories and 2 suppressed>"


def test_bad_input():
    """Negative or fractional counts, unknown not-stated categories, bad thresholds."""
    with pytest.raises(InvalidValueError, match=r"OneWay.counts\['a'\]: -1"):
        count_table({"a": -1}, name="Group")
    with pytest.raises(InvalidTypeError, match="2.5"):
        count_table({"a": 2.5}, name="Group")  # type: ignore[dict-item]
    with pytest.raises(InvalidValueError, match="'Unknown'"):
        count_table({"a": 1}, name="Group", not_stated=["Unknown"])
    with pytest.raises(InvalidValueError, match="suppress_below"):
        count_table({"a": 1}, name="Group", suppress_below=0)
    with pytest.raises(InvalidTypeError, match=r"tables\[0\]"):
        protect([{"a": 1}])  # type: ignore[list-item]
    with pytest.raises(InvalidValueError, match="'paper'"):
        cross_table({"x": {"online": 1}}, rows="A", columns="B").cell("x", "paper")


def test_published_tables_refuse_small_counts():
    """A CountTable or CrossTable built by hand cannot show a count from 1 to 4."""
    with pytest.raises(InvalidValueError, match=r"CountTable.a: 3 is not allowed"):
        CountTable(
            name="Group", categories=["a"], counts=[3], shares=[1.0], not_stated=[],
            stated=3, total=3, suppress_below=5,
        )  # fmt: skip
    with pytest.raises(InvalidValueError, match=r"CrossTable.row_totals\[0\]: 2"):
        CrossTable(
            rows="A", columns="B", row_categories=["x"], column_categories=["y"],
            cells=[[None]], row_totals=[2], column_totals=[None], total=None,
            suppress_below=5,
        )  # fmt: skip
    with pytest.raises(
        InvalidValueError, match=r"CountTable.shares: .* has 1 entries; must have 2"
    ):
        CountTable(
            name="Group", categories=["a", "b"], counts=[None, None], shares=[None],
            not_stated=[], stated=None, total=None, suppress_below=5,
        )  # fmt: skip


def test_the_footnote_is_a_whole_sentence():
    """It ended "or would reveal a count that is", cut off; the annual report's equality
    reach says the same thing whole."""
    table = count_table({"16-24": 2, "25-64": 31, "65+": 42}, name="Age")
    assert str(table).splitlines()[-1] == (
        "* suppressed: fewer than 5, or a figure that would reveal such a count"
    )
    assert render.markdown(table).endswith(
        "\n\n* suppressed: fewer than 5, or a figure that would reveal such a count"
    )
