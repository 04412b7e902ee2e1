"""A regular CSV text is split into exactly the columns `csv.reader` reads.

`regular_columns` is the ePCN reader's fast way into a published file; every text it
accepts must read as `csv.reader` reads it, and every other text must be left to
`csv.reader` (`None`).
"""

from __future__ import annotations

import csv
import io as stdio

from collections.abc import Iterator
from pathlib import Path

import pytest

from hypothesis import given, settings
from hypothesis import strategies as st

from engagekit.escalation._columns import regular_columns


SAMPLE = Path(__file__).with_name("data") / "epcn-sample.csv"


def _csv_columns(text: str, width: int) -> list[list[str]] | None:
    """The columns `csv.reader` reads, if every record it reads is `width` cells."""
    try:
        rows = list(csv.reader(stdio.StringIO(text, newline=""), strict=True))
    except csv.Error:
        return None
    if not rows or any(len(row) != width for row in rows):
        return None
    return [list(column) for column in zip(*rows, strict=True)]


# Characters, and the pieces of a quoted CSV text, so that many texts are nearly
# regular and the checks that refuse them are each tried.
_TEXTS = st.text(alphabet='ab,"\n\r \x00', max_size=40) | st.lists(
    st.sampled_from(['"', ",", "a", '","', '"\n"', "\n", "\r\n", '""']), max_size=16
).map("".join)


@settings(max_examples=1500, deadline=None)
@given(text=_TEXTS, width=st.integers(2, 4))
def test_any_text_reads_as_csv_reader_reads_it_or_is_left_to_it(text: str, width: int) -> None:
    columns = regular_columns(text, width)
    assert columns is None or columns == _csv_columns(text, width)


_CELL = st.text(alphabet="ab ,\x00é", max_size=4)


@st.composite
def _regular(draw: st.DrawFn) -> tuple[str, int, list[list[str]]]:
    """A text in the plain form, its width and its rows.

    A quoted cell may hold a comma, but not a comma alone: '","' would then be
    read as a separator, so such a text is left to the CSV reader (see below).
    """
    width = draw(st.integers(2, 5))
    quoted = draw(st.booleans())
    if quoted:
        cell = _CELL.filter(lambda text: text != ",")
    else:
        cell = _CELL.map(lambda text: text.replace(",", ""))
    rows = draw(st.lists(st.lists(cell, min_size=width, max_size=width), min_size=1))
    end = draw(st.sampled_from(["\n", "\r\n"]))
    lines = [",".join(f'"{c}"' if quoted else c for c in row) for row in rows]
    return end.join(lines) + draw(st.sampled_from(["", end])), width, rows


@settings(max_examples=500, deadline=None)
@given(_regular())
def test_a_text_in_the_plain_form_is_read_by_columns(
    made: tuple[str, int, list[list[str]]],
) -> None:
    text, width, rows = made
    expected = [list(column) for column in zip(*rows, strict=True)]
    assert _csv_columns(text, width) == expected
    assert regular_columns(text, width) == expected


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ('",","x"\n', "a quoted comma then a bare cell: the separator takes the opening quote"),
        ('",",""\n', "a quoted comma alone, then an empty cell"),
        ('","x"y"\n', "a quote inside a cell"),
        ('"a"\n\n"b"\n', "a blank line"),
        ('"a\nb","c"\n', "a cell over two lines"),
        ('"a","b"\r"c","d"', "a carriage return alone"),
        ('a,"b"\n', "a bare cell and a quoted one"),
        ('"a","b"\n"c","d","e"\n"f"\n', "lines of three widths, two cells on average"),
    ],
)
def test_other_texts_are_left_to_the_csv_reader(text: str, why: str) -> None:
    assert regular_columns(text, 2) is None, why


def test_the_sample_file_reads_as_its_cells() -> None:
    """The ePCN sample, in the published layout (every cell quoted, CRLF or not)."""
    text = SAMPLE.read_text()
    for published in (text, text.replace("\n", "\r\n")):
        columns = regular_columns(published, 11)
        assert columns is not None
        assert columns == _csv_columns(published, 11)
        assert columns[0][:3] == ["A81001", "A81002", "A81002"]
        assert columns[1][0] == "THE EXAMPLE SURGERY"
        assert columns[9][:2] == ["", "20210401"]


@pytest.fixture
def small_field_limit() -> Iterator[int]:
    limit = csv.field_size_limit(8)
    yield 8
    csv.field_size_limit(limit)


def test_a_line_longer_than_the_field_limit_is_left_to_the_csv_reader(
    small_field_limit: int,
) -> None:
    assert regular_columns("a,bbbbbbbbbb\n", 2) is None
    assert regular_columns("a,bbbbb\n", 2) == [["a"], ["bbbbb"]]


def test_a_width_below_two_is_refused() -> None:
    with pytest.raises(ValueError, match="a width of at least 2 is read, not 1"):
        regular_columns("a\n", 1)


@settings(max_examples=1500, deadline=None)
@given(_regular(), st.data())
def test_a_text_one_character_from_the_plain_form_reads_as_csv_reader_reads_it(
    made: tuple[str, int, list[list[str]]], data: st.DataObject
) -> None:
    text, width, _ = made
    at = data.draw(st.integers(0, len(text)))
    put = data.draw(st.sampled_from(['"', ",", "\n", "\r", "a", '""', '","']))
    cut = data.draw(st.integers(0, 2))
    changed = text[:at] + put + text[at + cut :]
    columns = regular_columns(changed, width)
    assert columns is None or columns == _csv_columns(changed, width)
