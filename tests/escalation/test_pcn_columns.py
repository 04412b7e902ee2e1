"""The ePCN reader's two paths give one answer.

A file with nothing to report is read a column at a time (`_read_columns`); any
other row by row (`_read_rows`), which names each problem. The column path must give
exactly what the row path gives for the same records, and leave every file it cannot
read that way to the row path; the network it builds must be indexed exactly as
`tree_network` indexes the same bodies and links.
"""

from __future__ import annotations

import datetime as dt
import io as stdio

from pathlib import Path

import pytest

from hypothesis import given, settings
from hypothesis import strategies as st

from engagekit import _validate
from engagekit.errors import DocumentError
from engagekit.escalation import EscalationNetwork, PcnImport, _pcn
from engagekit.escalation._ods import _rows
from engagekit.escalation._pcn import (
    COLUMNS,
    _pcn_parents,
    _Read,
    _read_columns,
    _read_rows,
    _transposed,
)
from engagekit.escalation._tree import tree_network


SAMPLE = Path(__file__).with_name("data") / "epcn-sample.csv"

# Small pools, so that codes repeat: practices in two PCNs, PCNs under two parents,
# a code in two roles, names left empty or padded, dates that end before they start.
_PRACTICES = st.sampled_from(
    ["A81001", "A81002", "A81003", "B82005", " A81004", "a81005", "", "A81\n006"]
)
_PCNS = st.sampled_from(["U00001", "U00002", "U00003", "16C", "U0000 "])
_SUBS = st.sampled_from(["16C", "00K", "99Z", "A81001", ""])
_NAMES = st.sampled_from(["", "THE SURGERY", " RIVERSIDE PCN ", "NHS NORTH EAST ICB - 16C"])
_DATES = st.sampled_from(["", "20190701", "20200401", "20210401", "2020-13-01", "20180101"])


@st.composite
def _record(draw: st.DrawFn) -> list[str] | str:
    kind = draw(st.sampled_from(["row"] * 8 + ["header", "short", "blank", "unreadable"]))
    if kind == "header":
        return list(COLUMNS)
    if kind == "short":
        return ["A81001", "THE SURGERY"]
    if kind == "blank":
        return [""] * len(COLUMNS)
    if kind == "unreadable":
        return "unexpected end of data"
    return [
        draw(_PRACTICES),
        draw(_NAMES),
        draw(_SUBS),
        "",
        draw(_PCNS),
        draw(_NAMES),
        draw(_SUBS),
        draw(_NAMES),
        draw(_DATES),
        draw(_DATES),
        "",
    ]


def _by_columns(rows: list[list[str] | str], as_of: dt.date | None) -> _Read | None:
    """What the column path reads of the records, or `None`."""
    columns = _transposed(rows)
    return None if columns is None else _read_columns(columns, as_of)


def _same_read(by_columns: _Read, by_rows: _Read) -> None:
    """The column path's read is the row path's: the same memberships and skipped rows;
    each practice named as the network names it from the row path's names; the
    PCNs' and sub-ICB locations' names; each PCN's one parent, with no conflict."""
    kept, skipped, names, members = by_columns
    assert (kept, skipped) == (by_rows.kept, by_rows.skipped)
    assert members is not None
    assert list(members.practices) == [m.practice for m in kept]
    assert list(members.pcns) == [m.pcn for m in kept]
    assert list(members.practice_names) == [by_rows.names.get(p, p) for p in members.practices]
    practices = set(members.practices)
    assert names == {code: name for code, name in by_rows.names.items() if code not in practices}
    assert (members.parent_of, []) == _pcn_parents(by_rows.kept, strict=False, origin="f.csv")


_AS_OF = st.none() | st.sampled_from([dt.date(2020, 1, 1), dt.date(2021, 4, 1)])


@settings(max_examples=400, deadline=None)
@given(rows=st.lists(_record(), max_size=12), as_of=_AS_OF)
def test_the_column_path_gives_the_row_paths_answer_or_leaves_the_file_to_it(
    rows: list[list[str] | str], as_of: dt.date | None
) -> None:
    by_columns = _by_columns(rows, as_of)
    try:
        by_rows = _read_rows(rows, origin="f.csv", network=None, as_of=as_of, strict=False)
    except DocumentError:  # another layout: refused even when lenient
        assert by_columns is None
        return
    if by_columns is not None:
        _same_read(by_columns, by_rows)


@settings(max_examples=200, deadline=None)
@given(
    practices=st.lists(
        st.from_regex(r"[A-Y][0-9]{5}", fullmatch=True), min_size=1, max_size=20, unique=True
    ),
    data=st.data(),
    as_of=_AS_OF,
)
def test_a_clean_file_is_read_a_column_at_a_time(
    practices: list[str], data: st.DataObject, as_of: dt.date | None
) -> None:
    """Every file with nothing to report takes the column path, whatever is kept."""
    rows: list[list[str] | str] = [list(COLUMNS)]
    for practice in practices:
        pcn = data.draw(st.sampled_from(["U00001", "U00002", "U00003"]))
        sub = {"U00001": "16C", "U00002": "00K", "U00003": "00K"}[pcn]
        start = data.draw(st.sampled_from(["", "20190701", "20200601"]))
        name = data.draw(_NAMES)
        rows.append([practice, name, sub, "", pcn, name, sub, name, start, "", ""])
    ended = data.draw(st.booleans())
    if ended:  # a membership the practice left before its current one
        rows.append(
            [practices[0], "", "00K", "", "U00009", "", "00K", "", "20190701", "20190801", ""]
        )
    read = _by_columns(rows, as_of)
    kept = _read_rows(rows, origin="f.csv", network=None, as_of=as_of, strict=False)
    if not kept.kept:  # nothing in force on the day: the row path refuses the file
        assert read is None
        return
    assert read is not None
    _same_read(read, kept)


def _pcn_import(text: str, monkeypatch: pytest.MonkeyPatch, *, columns: bool) -> PcnImport:
    with monkeypatch.context() as patch:
        if not columns:
            patch.setattr(_pcn, "_read_columns", lambda columns, as_of: None)
        return EscalationNetwork.from_pcn(stdio.StringIO(text, newline=""))


def test_the_sample_file_takes_the_column_path() -> None:
    with SAMPLE.open(newline="") as handle:
        rows = list(_rows(handle, str(SAMPLE)))
    read = _by_columns(rows, None)
    assert read is not None
    kept, skipped, names, members = read
    assert [(m.line, m.practice, m.pcn) for m in kept] == [
        (1, "A81001", "U00001"),
        (3, "A81002", "U00002"),
        (4, "A81004", "U00002"),
        (5, "B82005", "U00003"),
    ]
    assert [(s.line, s.reason) for s in skipped] == [
        (2, "membership ended (on 2021-04-01)"),
        (6, "membership ended (on 2020-04-01)"),
    ]
    assert names["U00002"] == "TOWN PCN"
    assert names["16C"] == "NHS North East and North Cumbria ICB - 16C"
    assert members is not None
    assert members.practice_names[0] == "THE EXAMPLE SURGERY"
    assert members.parent_of == {"U00001": "16C", "U00002": "16C", "U00003": "42D"}


def test_both_paths_build_one_network_indexed_as_tree_network_indexes_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    by_columns = _pcn_import(SAMPLE.read_text(), monkeypatch, columns=True)
    by_rows = _pcn_import(SAMPLE.read_text(), monkeypatch, columns=False)
    assert by_columns == by_rows
    network = by_columns.network
    expected = tree_network(network.name, list(network.bodies), list(network.links), None)
    for field in ("bodies", "rank", "up", "down", "lateral", "primary"):
        made = getattr(network._index, field)
        wanted = getattr(expected._index, field)
        # Every mapping, in its order: its order is the order of the network's queries.
        assert list(made.items()) == list(wanted.items()), field
    # Where each route ends is only looked up: the same mapping, in another order.
    assert dict(network._index.root) == dict(expected._index.root)
    assert network._index.top == expected._index.top
    up = network._index.up
    assert up["A81002"] is up["A81004"]


@given(
    st.lists(
        st.sampled_from(["QSL", "L85001", "16C", "A8100123", "A81001234", "l85001", "QS", ""])
        | st.text(alphabet="AB1\n ", max_size=9)
    )
)
def test_the_column_code_check_is_the_code_rule_for_each_cell(values: list[str]) -> None:
    each = all(_validate.ODS_PATTERN.match(value) for value in values)
    assert _validate.all_ods_codes(values) is each


def test_the_column_code_check_refuses_a_code_and_a_newline() -> None:
    assert _validate.all_ods_codes(["QSL", "L85001"]) is True
    assert _validate.all_ods_codes(["QSL\n", "L85001"]) is False
    assert _validate.all_ods_codes(["QSL\nL85001"]) is False
