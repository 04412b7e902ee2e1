"""ODS name tables: the built-in ones as read, and ODS files given, each refusal read whole.

Mutation testing found that no test read the built-in tables under a mutant (they are
read once, behind a cache: each test here reads them afresh), that the refusals of an
ODS file were read in part, and that no test laid a file over other tables than the
built-in ones.
"""

from __future__ import annotations

import datetime as dt
import re

from collections.abc import Iterator
from pathlib import Path

import pytest

from engagekit.errors import DocumentError, InvalidTypeError, InvalidValueError, ParseError
from engagekit.escalation import OdsName, OdsNames
from engagekit.escalation._odsnames import _builtin


@pytest.fixture(autouse=True)
def _read_the_tables_afresh() -> Iterator[None]:
    """Empty the built-in tables' cache around each test, so that the code reading them
    runs in the test (under each mutant of it: docs/mutation.md)."""
    _builtin.cache_clear()
    yield
    _builtin.cache_clear()


def ods_row(code: str, name: str, opened: str = "", closed: str = "", width: int = 27) -> str:
    """A row of an ODS organisation file (eccg.csv and the like): headerless, quoted."""
    cells = [code, name] + [""] * (width - 2)
    if width > 10:
        cells[10] = opened
    if width > 11:
        cells[11] = closed
    return ",".join(f'"{cell}"' for cell in cells) + "\n"


def write(tmp_path: Path, text: str, name: str = "eccg.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def refusal(path: Path) -> DocumentError:
    with pytest.raises(DocumentError) as info:
        OdsNames.read(path)
    return info.value


#: What a refusal says of a cell that is not an ODS code.
NOT_ODS = "an ODS code: 3 to 8 upper-case letters and digits"


class TestBuiltin:
    def test_dates_as_the_tables_give_them(self) -> None:
        region = OdsNames.builtin().lookup("Y57")
        assert str(region) == (
            "Y57: South of England Commissioning Region (2012-10-01 to 2018-03-31)"
        )

    def test_a_name_without_dates(self) -> None:
        """The boards of April 2018 have no opening date; one was renamed on 1 April 2019."""
        names = OdsNames.builtin()
        assert [str(e) for e in names.entries("7A3")] == [
            "7A3: Abertawe Bro Morgannwg University Health Board (? to 2019-03-31)",
            "7A3: Swansea Bay University Health Board (2019-04-01 to today) [unverified]",
        ]

    def test_a_verified_name_is_tried_first(self) -> None:
        names = OdsNames.builtin()
        assert [e.verified for e in names.entries("7A3")] == [True, False]
        assert [e.verified for e in names.entries("7A5")] == [True, False]

    def test_membership(self) -> None:
        names = OdsNames.builtin()
        assert "15N" in names
        assert "ZZZ" not in names
        assert 42 not in names


class TestDates:
    def test_in_force_names_the_argument(self) -> None:
        entry = OdsNames.builtin().lookup("Y57")
        assert entry is not None
        with pytest.raises(InvalidValueError) as info:
            entry.in_force("2019-13-01")
        assert info.value.field == "on"
        assert str(info.value).startswith("on: '2019-13-01' is not allowed")

    def test_lookup_names_the_argument(self) -> None:
        with pytest.raises(InvalidValueError) as info:
            OdsNames.builtin().lookup("15N", on="2019-13-01")
        assert info.value.field == "on"
        assert str(info.value).startswith("on: '2019-13-01' is not allowed")

    def test_with_no_date_the_name_closed_last(self, tmp_path: Path) -> None:
        """Erewash CCG closed on 31 March 2019 by the file; the tables end it with CCGs."""
        path = write(tmp_path, ods_row("03X", "NHS EREWASH CCG", "20130401", "20190331"))
        names = OdsNames.read(path)
        assert [e.closed for e in names.entries("03X")] == [
            dt.date(2019, 3, 31),
            dt.date(2022, 6, 30),
        ]
        latest = names.lookup("03X")
        assert latest is not None
        assert (latest.closed, latest.kind) == (
            dt.date(2022, 6, 30),
            "clinical-commissioning-group",
        )


class TestReadingAFile:
    def test_a_file_laid_over_other_tables(self, tmp_path: Path) -> None:
        """Over no tables, the file's names alone."""
        path = write(tmp_path, ods_row("QNQ", "NHS FRIMLEY INTEGRATED CARE BOARD", "20220701"))
        names = OdsNames.read(path, over=OdsNames({}, ()))
        assert list(names) == ["QNQ"]
        assert names.tables == (str(path),)

    def test_a_file_entry_in_full(self, tmp_path: Path) -> None:
        path = write(tmp_path, ods_row("QNQ", "NHS FRIMLEY INTEGRATED CARE BOARD", "20220701"))
        entry = OdsNames.read(path).entries("QNQ")[0]
        assert entry.source is not None
        assert (entry.source.title, entry.source.publisher) == (
            "eccg.csv",
            "NHS England Organisation Data Service (file given)",
        )
        assert entry == OdsName(
            code="QNQ",
            name="NHS FRIMLEY INTEGRATED CARE BOARD",
            kind="ods-file",
            opened=dt.date(2022, 7, 1),
            source=entry.source,
        )
        assert str(entry) == "QNQ: NHS Frimley Integrated Care Board (2022-07-01 to today)"

    def test_a_name_of_a_file_without_dates(self, tmp_path: Path) -> None:
        path = write(tmp_path, ods_row("QNQ", "NHS FRIMLEY INTEGRATED CARE BOARD", width=2))
        entry = OdsNames.read(path).lookup("QNQ")
        assert str(entry) == "QNQ: NHS Frimley Integrated Care Board"

    def test_a_file_name_goes_before_the_tables(self, tmp_path: Path) -> None:
        """A code the tables know keeps their names after the file's; a new code is added."""
        text = ods_row("15N", "NHS DEVON CCG", "20190401", "20220630") + ods_row(
            "QNQ", "NHS FRIMLEY INTEGRATED CARE BOARD", "20220701"
        )
        names = OdsNames.read(write(tmp_path, text))
        builtin = OdsNames.builtin()
        assert names.entries("15N")[1:] == builtin.entries("15N")
        assert names.entries("15N")[0].kind == "ods-file"
        assert len(names.entries("QNQ")) == len(builtin.entries("QNQ")) + 1

    def test_dates_in_columns_11_and_12(self, tmp_path: Path) -> None:
        """A row of 11 or 12 cells has an opening date and no closing date."""
        text = (
            ods_row("03X", "NHS EREWASH CCG", "20130401", width=11)
            + ods_row("03Y", "NHS HARDWICK CCG", "20130401", width=12)
            + ods_row("99P", "NHS NORTHERN, EASTERN AND WESTERN DEVON CCG", width=10)
            + ods_row("99Q", "NHS SOUTH DEVON AND TORBAY CCG", "20130401", "20190331", 13)
        )
        names = OdsNames.read(write(tmp_path, text), over=OdsNames({}, ()))
        spans = {code: (e.opened, e.closed) for code in names for e in names.entries(code)}
        assert spans == {
            "03X": (dt.date(2013, 4, 1), None),
            "03Y": (dt.date(2013, 4, 1), None),
            "99P": (None, None),
            "99Q": (dt.date(2013, 4, 1), dt.date(2019, 3, 31)),
        }

    @pytest.mark.parametrize(
        ("text", "day"),
        [("20191231", dt.date(2019, 12, 31)), ("20190131", dt.date(2019, 1, 31))],
    )
    def test_a_date_by_its_digits(self, tmp_path: Path, text: str, day: dt.date) -> None:
        path = write(tmp_path, ods_row("QNQ", "NHS FRIMLEY INTEGRATED CARE BOARD", text))
        assert OdsNames.read(path).entries("QNQ")[0].opened == day

    def test_a_quoted_name_keeps_its_line_end(self, tmp_path: Path) -> None:
        """The file is read as CSV with its own line ends, not the platform's."""
        path = tmp_path / "eccg.csv"
        path.write_bytes(b'"QNQ","NHS FRIMLEY\r\nINTEGRATED CARE BOARD"\n')
        entry = OdsNames.read(path).entries("QNQ")[0]
        assert entry.name == "NHS FRIMLEY\r\nINTEGRATED CARE BOARD"

    def test_blank_lines_are_passed_over(self, tmp_path: Path) -> None:
        text = ",,,\n\n" + ods_row("QNQ", "NHS FRIMLEY INTEGRATED CARE BOARD", "20220701")
        names = OdsNames.read(write(tmp_path, text), over=OdsNames({}, ()))
        assert list(names) == ["QNQ"]


class TestRefusals:
    def test_a_path_that_is_not_one(self) -> None:
        with pytest.raises(InvalidTypeError) as info:
            OdsNames.read(42)  # type: ignore[arg-type]
        assert str(info.value) == (
            "names: got int 42; expected a path to an ODS file, or a text file"
        )
        assert (info.value.field, info.value.value) == ("names", 42)

    def test_a_missing_file(self, tmp_path: Path) -> None:
        path = tmp_path / "eccg.csv"
        with pytest.raises(ParseError) as info:
            OdsNames.read(path)
        assert (
            str(info.value) == f"cannot read {str(path)!r}: cannot open: No such file or directory"
        )

    def test_not_utf8(self, tmp_path: Path) -> None:
        path = tmp_path / "eccg.csv"
        path.write_bytes(ods_row("7A1", "BETSI CADWALADR UNIVERSITY LHB \xc9").encode("latin-1"))
        with pytest.raises(ParseError) as info:
            OdsNames.read(path)
        assert str(info.value) == (
            f"cannot read {str(path)!r}: not UTF-8 text: line 1, byte 39 is 0xC9; "
            "save the file as UTF-8"
        )

    def test_a_field_over_the_csv_limit(self, tmp_path: Path) -> None:
        path = write(tmp_path, ods_row("QNQ", "X" * 200_000))
        with pytest.raises(ParseError) as info:
            OdsNames.read(path)
        assert str(info.value) == (
            f"cannot read {str(path)!r}: not CSV (field larger than field limit (131072))"
        )

    def test_each_bad_row_whole(self, tmp_path: Path) -> None:
        text = (
            '"QNQ"\n'
            + ods_row("qnq", "NHS FRIMLEY INTEGRATED CARE BOARD", "2022-07-01")
            + ods_row("QSL", "")
            + ods_row("Q S L", "", "20220701")
            + ods_row("QNQ", "NHS FRIMLEY INTEGRATED CARE BOARD", "20220701", "2023")
            + '"QSL"\n'
        )
        path = write(tmp_path, text)
        error = refusal(path)
        assert str(error).startswith(f"{path}: 6 problems\n  line 1: expected a code and a name\n")
        assert [str(p) for p in error.problems] == [
            "line 1: expected a code and a name",
            (f"line 2: column 1 'qnq' is not {NOT_ODS}; '2022-07-01' is not a YYYYMMDD date"),
            "line 3: column 2 (Name) is empty",
            (f"line 4: column 1 'Q S L' is not {NOT_ODS}; column 2 (Name) is empty"),
            "line 5: '2023' is not a YYYYMMDD date",
            "line 6: expected a code and a name",
        ]
        assert [p.value for p in error.problems] == [["QNQ"], "qnq", "QSL", "Q S L", "QNQ", ["QSL"]]

    @pytest.mark.parametrize("opened", ["2022 701", "202207011", "2022+701"])
    def test_a_date_is_eight_digits(self, tmp_path: Path, opened: str) -> None:
        path = write(tmp_path, ods_row("QNQ", "NHS FRIMLEY INTEGRATED CARE BOARD", opened))
        assert [str(p) for p in refusal(path).problems] == [
            f"line 1: {opened!r} is not a YYYYMMDD date"
        ]

    @pytest.mark.parametrize(("rows", "more"), [(50, 0), (51, 1), (52, 2)])
    def test_fifty_problems_are_kept(self, tmp_path: Path, rows: int, more: int) -> None:
        text = "".join(ods_row(f"Q{n:02d}", "") for n in range(rows))
        error = refusal(write(tmp_path, text))
        assert len(error.problems) == 50
        assert error.more == more
        assert str(error.problems[-1]) == "line 50: column 2 (Name) is empty"


class TestReadable:
    def test_a_small_word_first_is_capitalised(self, tmp_path: Path) -> None:
        path = write(
            tmp_path, ods_row("RTD", "THE NEWCASTLE UPON TYNE HOSPITALS NHS FOUNDATION TRUST")
        )
        assert OdsNames.read(path).name("RTD") == (
            "The Newcastle upon Tyne Hospitals NHS Foundation Trust"
        )
        assert re.fullmatch(r"RTD: The Newcastle .*", str(OdsNames.read(path).lookup("RTD")))


@pytest.mark.parametrize(
    ("file", "message"),
    [
        (
            "epcn-sample.csv",
            (
                "line 1: not an ODS organisation file of names: 11 columns, the layout of the "
                "ePCN core partner details; read it with from_pcn (--pcn)"
            ),
        ),
        (
            "epraccur-2024.csv",
            (
                "line 1: not an ODS organisation file of names: a status in column 13 and a "
                "prescribing setting in column 26, the layout of epraccur.csv; read it with "
                "from_ods (--ods)"
            ),
        ),
    ],
)
def test_a_practice_file_given_as_names_is_refused(file: str, message: str) -> None:
    """The ePCN file or epraccur.csv given as names (--names) was read without a word:
    its practices were named and every commissioner kept the name it had."""
    path = Path(__file__).with_name("data") / file
    with pytest.raises(DocumentError) as info:
        OdsNames.read(path)
    assert str(info.value) == f"{path}: 1 problem\n  {message}"
