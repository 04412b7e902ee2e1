"""Splitting a regular CSV text into its columns (private).

The ODS publishes its CSV files in one plain form: every record on one line, every
cell quoted (or none), no quote or line break inside a cell. A text in that form can
be cut at its separators (``","``, or ``,``) by the built-in string methods, without
reading it record by record: each middle column then comes out as one slice of the
pieces, and the first and last columns from the pieces where two lines meet.
`regular_columns` does that, and gives `None` for any other text, which is then left
to `csv.reader`; for every text it accepts it gives exactly the columns `csv.reader`
reads (see ``tests/escalation/test_columns.py``).
"""

from __future__ import annotations

import csv

from itertools import repeat


def regular_columns(text: str, width: int) -> list[list[str]] | None:
    """The columns of a CSV text of `width` cells on each line, or `None`.

    Accepted: lines ended by ``\\n`` or ``\\r\\n`` (the last one may be unended),
    each of `width` cells, with either every cell of the text in double quotes
    holding no quote (nor a comma alone: '","' reads as a separator), or no quote
    anywhere and no cell holding a comma. Anything else (a
    blank line, a doubled quote, a cell running over two lines, a line of another
    width, a mix of quoted and bare cells, a line longer than the CSV reader's field
    size limit) gives `None`.

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
    lines = text.count("\n") + 1
    limit = csv.field_size_limit()
    if len(text) > limit and max(map(len, text.split("\n"))) > limit:
        return None  # a cell may be longer than `csv.reader` reads
    quoted = '"' in text
    # Cut at the separators within lines: each line break then stays inside the
    # piece holding one line's last cell and the next line's first.
    separator, line_break = ('","', '"\n"') if quoted else (",", "\n")
    if quoted and text.count('"') != 2 * width * lines:
        return None
    pieces = text.split(separator)
    step = width - 1
    if len(pieces) != step * lines + 1:
        return None
    joins = pieces[step : step * lines : step]  # where one line meets the next
    if not all(map(str.__contains__, joins, repeat(line_break))):
        return None
    # The text's line breaks (lines - 1 of them) are one in each join, so every line
    # holds `width` cells; quoted, the separators hold 2 * (width - 1) * lines of its
    # 2 * width * lines quotes and the joins 2 * (lines - 1), so if the last two open
    # the first cell and close the last, no cell holds a quote.
    halves = line_break.join(joins).split(line_break) if joins else []
    first, last = [pieces[0], *halves[1::2]], [*halves[::2], pieces[-1]]
    if quoted:
        if not (first[0].startswith('"') and last[-1].endswith('"')):
            return None
        first[0], last[-1] = first[0][1:], last[-1][:-1]
    return [first, *(pieces[column::step] for column in range(1, step)), last]
