"""Reading epraccur.csv: each refusal, skipped row and parent conflict read whole.

Mutation testing found that the ODS tests read messages in part, never padded cells,
and never the parent rule's tie-breaks between rows of different chains (a chain is
one distinct Commissioner, High Level Health Geography and National Grouping).
"""

from __future__ import annotations

import io as stdio
import re
import tempfile

from pathlib import Path

import pytest

from engagekit.errors import DocumentError, InvalidTypeError
from engagekit.escalation import BodyKind, EscalationNetwork, OdsImport, OdsNames


SAMPLE = Path(__file__).with_name("data") / "epraccur-sample.csv"


def row(
    code: str = "A81001",
    *,
    name: str = "THE EXAMPLE SURGERY",
    region: str = "Y63",
    icb: str = "QHM",
    commissioner: str = "16C",
    status: str = "A",
    opened: str = "19740401",
    closed: str = "",
    joined: str = "20130401",
    setting: str = "4",
) -> str:
    """One line in the published 27-column layout (no header), as in the sample file."""
    cells = [""] * 27
    cells[0], cells[1], cells[2], cells[3] = code, name, region, icb
    cells[4], cells[9] = "1 HIGH STREET", "TS18 1HU"
    cells[10], cells[11], cells[12], cells[13] = opened, closed, status, "B"
    cells[14], cells[15], cells[17], cells[21], cells[25] = (
        commissioner,
        joined,
        "01234 567890",
        "0",
        setting,
    )
    return ",".join(cells) + "\n"


def read(text: str, **options: object) -> OdsImport:
    return EscalationNetwork.from_ods(stdio.StringIO(text), **options)  # type: ignore[arg-type]


def problems(text: str, **options: object) -> list[str]:
    with pytest.raises(DocumentError) as info:
        read(text, **options)
    return [str(p) for p in info.value.problems]


def skipped(text: str, **options: object) -> list[str]:
    return [str(s) for s in read(text, **options).skipped]


#: What a refusal says of a cell that is not an ODS code.
NOT_ODS = "an ODS code: 3 to 8 upper-case letters and digits"


class TestArguments:
    def test_strict_must_be_a_flag(self) -> None:
        with pytest.raises(InvalidTypeError) as info:
            EscalationNetwork.from_ods(SAMPLE, strict="yes")  # type: ignore[arg-type]
        assert str(info.value) == "strict: got str 'yes'; expected true or false"
        assert (info.value.field, info.value.value) == ("strict", "yes")

    @pytest.mark.parametrize("name", ["", "   "])
    def test_a_blank_name_is_refused(self, name: str) -> None:
        with pytest.raises(InvalidTypeError) as info:
            EscalationNetwork.from_ods(SAMPLE, name=name)
        assert str(info.value) == f"name: got str {name!r}; expected non-empty text"
        assert (info.value.field, info.value.value) == ("name", name)

    def test_a_name_that_is_not_text_is_refused(self) -> None:
        with pytest.raises(InvalidTypeError) as info:
            EscalationNetwork.from_ods(SAMPLE, name=42)  # type: ignore[arg-type]
        assert str(info.value) == "name: got int 42; expected non-empty text"
        assert info.value.value == 42

    def test_names_of_the_wrong_type(self) -> None:
        with pytest.raises(InvalidTypeError) as info:
            EscalationNetwork.from_ods(SAMPLE, names=42)  # type: ignore[arg-type]
        assert str(info.value) == (
            "names: got int 42; expected OdsNames, or the path (or paths) of ODS organisation files"
        )
        assert (info.value.field, info.value.value) == ("names", 42)

    def test_a_binary_file_that_is_no_buffered_stream(self) -> None:
        """A spooled temporary file opened in binary mode is refused when its rows are read."""
        with tempfile.SpooledTemporaryFile(mode="w+b") as handle:
            handle.write(row().encode())
            handle.seek(0)
            with pytest.raises(InvalidTypeError) as info:
                EscalationNetwork.from_ods(handle)  # type: ignore[arg-type]
        assert re.fullmatch(
            r"source: got SpooledTemporaryFile <tempfile\.SpooledTemporaryFile object at "
            r"0x[0-9a-f]+>; expected a text file, not a binary one",
            str(info.value),
        )
        assert info.value.field == "source"
        assert info.value.value is handle

    def test_the_label_says_the_date(self) -> None:
        """The network is named after the file, and the day it is read as of."""
        assert read(row()).network.name == "GP practices from <epraccur.csv>"
        on = read(row(), as_of="2019-01-01").network.name
        assert on == "GP practices from <epraccur.csv> open on 2019-01-01"


class TestCsvProblems:
    def test_a_field_over_the_limit(self) -> None:
        text = row() + row("A81002", name="X" * 200_000)
        assert problems(text) == [
            "line 2: cannot read the line as CSV (a field is longer than 131,072 characters)"
        ]

    def test_a_stray_quote(self) -> None:
        """The reader is strict: text after a closing quote is not read as part of the cell."""
        text = row() + row("A81002").replace("THE EXAMPLE SURGERY", '"THE EXAMPLE" SURGERY')
        assert problems(text) == ["line 2: cannot read the line as CSV (',' expected after '\"')"]

    def test_a_stray_carriage_return(self) -> None:
        text = row() + row("A81002").replace("THE EXAMPLE", "THE\rEXAMPLE")
        with pytest.raises(DocumentError) as info:
            EscalationNetwork.from_ods(stdio.StringIO(text, newline="\n"))
        assert [str(p) for p in info.value.problems] == [
            (
                "line 2: cannot read the line as CSV (new-line character seen in unquoted field "
                "- do you need to open the file in universal-newline mode?)"
            )
        ]


class TestRowProblems:
    def test_an_empty_code_read_whole(self) -> None:
        assert problems(row("")) == ["line 1: column 1 (Organisation Code) is empty"]

    def test_every_problem_of_a_row_in_one_message(self) -> None:
        assert problems(row(status="X", setting="four")) == [
            (
                "line 1: column 13 (Status Code) 'X' is not one of A, C, D, P; "
                "column 26 (Prescribing Setting) 'four' is not a number"
            )
        ]

    @pytest.mark.parametrize("opened", ["2019 101", "201901011", "2019+101"])
    def test_a_date_is_eight_digits(self, opened: str) -> None:
        assert problems(row(opened=opened)) == [
            f"line 1: column 11 (Open Date) {opened!r} is not a YYYYMMDD date"
        ]

    def test_a_date_late_in_the_year(self) -> None:
        """31 December is read by its month and day digits."""
        result = read(row(opened="20191231"), as_of="2019-12-30")
        assert [str(s) for s in result.skipped] == [
            "line 1 (A81001): not open on 2019-12-30 (opened 2019-12-31)"
        ]
        assert read(row(opened="20191231"), as_of="2019-12-31").rows == 1

    def test_padded_cells_are_read(self) -> None:
        """A code, status or setting with spaces around it is read without them."""
        result = read(row(" A81001 ", status=" A ", setting=" 4 "))
        assert [p.id for p in result.network.practices] == ["A81001"]
        assert result.skipped == ()

    def test_lenient_names_the_code_only_when_it_is_one(self) -> None:
        text = (
            row(status="X")
            + row("a81002", status="X")
            + ",".join(["a81003"] + [""] * 19)
            + "\n"
            + ",".join(["A81004"] + [""] * 19)
            + "\n"
        )
        assert skipped(text, strict=False) == [
            "line 1 (A81001): malformed: column 13 (Status Code) 'X' is not one of A, C, D, P",
            (
                f"line 2: malformed: column 1 (Organisation Code) 'a81002' is not {NOT_ODS}; "
                "column 13 (Status Code) 'X' is not one of A, C, D, P"
            ),
            "line 3: malformed: expected 27 columns, got 20",
            "line 4 (A81004): malformed: expected 27 columns, got 20",
        ]

    def test_lines_of_empty_cells_are_blank(self) -> None:
        """A line of commas, of the layout's width or not, is a blank line; reading goes on."""
        text = row() + "," * 26 + "\n" + ",,,\n" + row("A81002")
        result = read(text)
        assert [str(s) for s in result.skipped] == ["line 2: blank line", "line 3: blank line"]
        assert [p.id for p in result.network.practices] == ["A81001", "A81002"]
        assert result.rows == 4

    def test_duplicate_and_bad_parents_name_the_practice_when_lenient(self) -> None:
        text = row() + row() + row("A81002", commissioner="16 C") + row("A81003")
        result = read(text, strict=False)
        assert [str(s) for s in result.skipped] == [
            "line 2 (A81001): malformed: practice A81001 is also on line 1",
            f"line 3 (A81002): malformed: column 15 (Commissioner) '16 C' is not {NOT_ODS}",
        ]
        assert [p.id for p in result.network.practices] == ["A81001", "A81003"]


class TestSkippedRows:
    def test_a_setting_without_a_name(self) -> None:
        assert skipped(row(setting="7")) == [
            "line 1 (A81001): prescribing setting 7 (not a GP practice)"
        ]

    def test_opened_on_the_day_is_open_and_closed_on_the_day_is_not(self) -> None:
        text = row(opened="20190331") + row("A81002", status="C", closed="20190331")
        result = read(text, as_of="2019-03-31")
        assert [p.id for p in result.network.practices] == ["A81001"]
        assert [str(s) for s in result.skipped] == [
            "line 2 (A81002): not open on 2019-03-31 (closed 2019-03-31)"
        ]

    def test_each_reason_is_made_once_and_shared(self) -> None:
        """Rows skipped for the same reason share one text: a national file skips thousands."""
        text = "".join(
            row(f"A8100{n}", setting="2")
            + row(f"B8100{n}", status="C")
            + row(f"C8100{n}", opened="20200101")
            + row(f"D8100{n}", status="C", closed="20180101")
            for n in range(2)
        )
        for options in ({}, {"as_of": "2019-01-01"}):
            reasons = [s.reason for s in read(text, **options).skipped]
            assert len(reasons) == 6
            assert len({id(reason) for reason in reasons}) == len(set(reasons))
        undated = [s.reason for s in read(text).skipped]
        assert undated == ["prescribing setting 2 (out of hours)", *["status C (closed)"] * 2] * 2
        dated = [s.reason for s in read(text, as_of="2019-01-01").skipped]
        assert (
            dated
            == [
                "prescribing setting 2 (out of hours)",
                "not open on 2019-01-01 (opened 2020-01-01)",
                "not open on 2019-01-01 (closed 2018-01-01)",
            ]
            * 2
        )

    def test_reasons_counted_most_frequent_first(self) -> None:
        """Ties in name order; a reason's kind ends at its first parenthesis or comma."""
        text = (
            row("A81001", status="C")
            + row("A81002", status="C")
            + row("A81003", setting="2")
            + ",".join(["A81004"] + [""] * 19)
            + "\n"
            + row("A81005", status="D")
        )
        counts = read(text, strict=False).skipped_by_reason()
        assert list(counts.items()) == [
            ("status C", 2),
            ("malformed: expected 27 columns", 1),
            ("prescribing setting 2", 1),
            ("status D", 1),
        ]


class TestParentCells:
    def test_every_missing_parent_is_named(self) -> None:
        text = (
            row("A81001", commissioner="", icb="", region="")
            + row("A81002", icb="")
            + row("A81003", region="")
        )
        assert skipped(text) == [
            (
                "line 1 (A81001): no commissioner or ICB (High Level Health Geography) "
                "or region (National Grouping) recorded"
            ),
            "line 2 (A81002): no ICB (High Level Health Geography) recorded",
            "line 3 (A81003): no region (National Grouping) recorded",
        ]

    def test_one_welsh_code_makes_a_welsh_row(self) -> None:
        """W00 or Q99 alone is enough; the other cell may be empty."""
        text = row("W00001", region="W00", icb="", commissioner="7A1") + row(
            "W00002", region="", icb="Q99", commissioner="7A1"
        )
        assert skipped(text) == [
            "line 1 (W00001): in Wales (National Grouping W00); nations='both' keeps it",
            "line 2 (W00002): in Wales (National Grouping -); nations='both' keeps it",
        ]
        both = read(text, nations="both").network
        assert [b.id for b in both.route("W00002")] == ["7A1", "wales"]

    def test_a_welsh_row_without_a_board(self) -> None:
        text = row("W00001", region="W00", icb="Q99", commissioner="")
        assert skipped(text, nations="both") == [
            "line 1 (W00001): no local health board (Commissioner) recorded"
        ]

    def test_bad_welsh_parent_codes(self) -> None:
        """A Welsh row's empty geography or grouping is no problem; a bad one is."""
        text = (
            row("W00001", region="W00", icb="", commissioner="7A 1")
            + row("W00002", region="W00", icb="Q 99", commissioner="7A1")
            + row("W00003", region="W 00", icb="Q99", commissioner="7A1")
        )
        assert problems(text, nations="both") == [
            f"line 1: column 15 (Commissioner) '7A 1' is not {NOT_ODS}",
            f"line 2: column 4 (High Level Health Geography) 'Q 99' is not {NOT_ODS}",
            f"line 3: column 3 (National Grouping) 'W 00' is not {NOT_ODS}",
        ]

    def test_bad_english_parent_codes(self) -> None:
        text = (
            row("A81001", icb="QH M")
            + row("A81002", icb="QHM", region="Y 63")
            + row("A81003", commissioner="16 C", icb="QH M")
        )
        assert problems(text) == [
            f"line 1: column 4 (High Level Health Geography) 'QH M' is not {NOT_ODS}",
            f"line 2: column 3 (National Grouping) 'Y 63' is not {NOT_ODS}",
            (
                f"line 3: column 15 (Commissioner) '16 C' is not {NOT_ODS}; "
                f"column 4 (High Level Health Geography) 'QH M' is not {NOT_ODS}"
            ),
        ]


class TestParentRule:
    """Which parent is kept when rows of different chains give a body two parents."""

    def test_rows_counted_over_chains(self) -> None:
        """16C under QOQ on three rows of two chains (QOQ under two regions)."""
        text = (
            row("A81001")
            + row("A81002", icb="QOQ")
            + row("A81003", icb="QOQ")
            + row("A81004", icb="QOQ", region="Y62")
        )
        result = read(text, strict=False)
        assert [str(w) for w in result.warnings] == [
            (
                "line 2: 16C is under QOQ here (and on 2 more lines) but under QHM on line 1; "
                "kept QHM (the first row of a practice not closed decides)"
            ),
            (
                "line 4: QOQ is under Y62 here but under Y63 on line 2; "
                "kept Y63 (the first row of a practice not closed decides)"
            ),
        ]

    def test_the_best_rank_over_chains_decides(self) -> None:
        """The row closed last, whichever chain it is on."""
        text = (
            row("A81001", status="C", closed="20160101")
            + row("A81002", icb="QOQ", status="C", closed="20170101")
            + row("A81003", icb="QOQ", region="Y62", status="C", closed="20180101")
        )
        result = read(text, as_of="2015-01-01")
        assert [str(w) for w in result.warnings] == [
            (
                "line 1: 16C is under QHM here but under QOQ on line 3; "
                "kept QOQ (the practice closed last, on 2018-01-01, decides)"
            ),
            (
                "line 2: QOQ is under Y63 here but under Y62 on line 3; "
                "kept Y62 (the practice closed last, on 2018-01-01, decides)"
            ),
        ]

    def test_among_open_rows_of_two_chains_the_first_line(self) -> None:
        """The later chain's open row comes first: its line decides."""
        text = (
            row("A81001", status="C", closed="20160101")
            + row("A81002", icb="QOQ", status="C", closed="20160101")
            + row("A81003", icb="QOQ", region="Y62")
            + row("A81004", icb="QOQ")
        )
        result = read(text, as_of="2015-01-01", strict=False)
        assert [str(w) for w in result.warnings] == [
            (
                "line 1: 16C is under QHM here but under QOQ on line 3; "
                "kept QOQ (rows of practices not closed decide)"
            ),
            (
                "line 2: QOQ is under Y63 here (and on 1 more line) but under Y62 on line 3; "
                "kept Y62 (the first row of a practice not closed decides)"
            ),
        ]

    def test_among_open_rows_of_two_chains_the_earlier_stays(self) -> None:
        text = (
            row("A81001", status="C", closed="20160101")
            + row("A81002", icb="QOQ")
            + row("A81003", icb="QOQ", region="Y62")
        )
        result = read(text, as_of="2015-01-01", strict=False)
        assert [str(w) for w in result.warnings] == [
            (
                "line 1: 16C is under QHM here but under QOQ on line 2; "
                "kept QOQ (rows of practices not closed decide)"
            ),
            (
                "line 3: QOQ is under Y62 here but under Y63 on line 2; "
                "kept Y63 (the first row of a practice not closed decides)"
            ),
        ]

    def test_the_best_row_not_the_first_breaks_a_tie(self) -> None:
        """QHM's first row closed, its open row is line 4; QOQ's open row is line 2."""
        text = (
            row("A81001", status="C", closed="20160101")
            + row("A81002", icb="QOQ")
            + row("A81003", icb="QOQ")
            + row("A81004")
        )
        result = read(text, as_of="2015-01-01", strict=False)
        assert [str(w) for w in result.warnings] == [
            (
                "line 1: 16C is under QHM here (and on 1 more line) but under QOQ on line 2; "
                "kept QOQ (the first row of a practice not closed decides)"
            ),
        ]

    def test_a_row_due_to_close_ranks_by_its_date(self) -> None:
        """An active practice with a closing date ranks below one with none."""
        text = row("A81001", closed="20200101") + row("A81002", icb="QOQ")
        result = read(text, as_of="2019-01-01")
        assert [str(w) for w in result.warnings] == [
            (
                "line 1: 16C is under QHM here but under QOQ on line 2; "
                "kept QOQ (rows of practices not closed decide)"
            ),
        ]

    def test_a_closed_row_without_a_date_ranks_lowest(self) -> None:
        text = row("A81001", status="C") + row("A81002", icb="QOQ", status="C", closed="20180101")
        result = read(text, as_of="2017-01-01")
        assert [str(w) for w in result.warnings] == [
            (
                "line 1: 16C is under QHM here but under QOQ on line 2; "
                "kept QOQ (the practice closed last, on 2018-01-01, decides)"
            ),
        ]


class TestEra:
    def test_a_file_without_dates_has_no_era(self) -> None:
        """No open, close or join date: today's kinds."""
        result = read(row(opened="", joined=""))
        assert result.era is None
        assert result.network.body("16C").kind is BodyKind.SUB_ICB_LOCATION

    def test_an_area_team_by_the_names_of_the_era(self) -> None:
        """Q74 became a local office on 1 April 2015: before, the tables do not list it."""
        before = read(row(icb="Q74"), as_of="2014-06-01").network.body("Q74")
        assert (before.kind, before.name) == (
            BodyKind.SUSTAINABILITY_AND_TRANSFORMATION_PARTNERSHIP,
            "Sustainability and transformation partnership (STP) Q74",
        )
        after = read(row(icb="Q74"), as_of="2016-06-01").network.body("Q74")
        assert (after.kind, after.name) == (
            BodyKind.AREA_TEAM,
            "NHS England North (Cumbria and North East)",
        )

    def test_a_board_without_a_name_is_named_by_its_kind(self) -> None:
        text = row("W00001", region="W00", icb="Q99", commissioner="7A1")
        net = read(text, nations="wales", names=OdsNames({}, ())).network
        assert net.body("7A1").name == "Local health board (NHS Wales) 7A1"
