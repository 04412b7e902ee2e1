"""Splitting a regular CSV text into its columns (private).

The ODS publishes its CSV files in one plain form: every record on one line, every
cell quoted (or none), no quote, comma or line break inside a cell. A text in that
form can be cut into its cells by a few passes of the built-in string methods,
without reading it record by record: each column then comes out as one slice of
the cells. `regular_columns` does that, and gives `None` for any other text, which
is then left to `csv.reader`; for every text it accepts it gives exactly the
columns `csv.reader` reads (see ``tests/escalation/test_columns.py``).
"""

from __future__ import annotations

import csv

from itertools import repeat


def regular_columns(text: str, width: int) -> list[list[str]] | None:
    """The columns of a CSV text of `width` cells on each line, or `None`.

    Accepted: lines ended by ``\\n`` or ``\\r\\n`` (the last one may be unended),
    each of `width` cells, with either every cell of the text in double quotes
    holding no quote, or no quote anywhere and no cell holding a comma. Anything
    else (a blank line, a doubled quote, a cell running over two lines, a line of
    another width, a mix of quoted and bare cells, a line longer than the CSV
    reader's field size limit) gives `None`.

    Raises:
        ValueError: `width` is less than 2 (a line of one cell may be empty, which
            `csv.reader` reads as no cell).

    Examples:
        >>> regular_columns('"A81001","16C"\\r\\n"A81002","16C"\\r\\n', 2)
        [['A81001', 'A81002'], ['16C', '16C']]
        >>> regular_columns("A81001,16C\\nA81002", 2) is None
        True
    """
    if width < 2:
        raise ValueError(f"a width of at least 2 is read, not {width}")
    if "\r" in text:
        if text.count("\r") != text.count("\r\n"):
            return None  # a carriage return alone
        text = text.replace("\r\n", "\n")
    text = text.removesuffix("\n")
    if not text:
        return None
    lines = text.split("\n")
    if max(map(len, lines)) > csv.field_size_limit():
        return None  # a cell may be longer than `csv.reader` reads
    if '"' in text:
        if (
            set(map(str.count, lines, repeat('"'))) != {2 * width}
            or text.count('"\n"') != len(lines) - 1
        ):
            return None
        separator = '","'
    else:
        if set(map(str.count, lines, repeat(","))) != {width - 1}:
            return None
        separator = ","
    count = len(lines)
    del lines  # freed before the cells are made, which reuse its memory
    # Each line break is between two quotes (counted above), so is a separator once
    # made a comma.
    cells = text.replace("\n", ",").split(separator)
    if len(cells) != width * count:
        return None
    if separator == ",":
        return [cells[column::width] for column in range(width)]
    # The separators hold 2 * (width * count - 1) of the text's 2 * width * count
    # quotes; if the other two open the first cell and close the last, no cell holds
    # a quote, so every separator is between two cells, and each line (2 * width
    # quotes) holds `width` quoted cells.
    if not (cells[0].startswith('"') and cells[-1].endswith('"')):
        return None
    cells[0], cells[-1] = cells[0][1:], cells[-1][:-1]
    return [cells[column::width] for column in range(width)]
