"""Reading the ePCN core partner details, pinned (mutation testing): each refusal read
whole, each skipped row's line, code and reason, the memberships kept, and what a
merge does to the network's links and names.

The rows are shaped as in the published CSV extract (11 columns, YYYYMMDD dates), with
the practices, PCNs and sub-ICB locations of tests/escalation/data.
"""

from __future__ import annotations

import datetime as dt
import io as stdio
import sys

from pathlib import Path
from typing import ClassVar

import numpy as np
import pytest

from engagekit.errors import (
    DocumentError,
    InvalidTypeError,
    InvalidValueError,
    MissingExtraError,
    ParseError,
)
from engagekit.escalation import (
    Body,
    BodyKind,
    EscalationNetwork,
    Link,
    PcnImport,
    PcnMembership,
    Tier,
)
from engagekit.escalation._pcn import COLUMNS, SHEET, _xlsx_cell
from tests.escalation.test_pcn import EPRACCUR, HEADER, PCN


SUB_ICB_16C = "NHS NORTH EAST AND NORTH CUMBRIA ICB - 16C"
LAYOUT = (
    "not the ePCN core partner details layout: expected 11 columns "
    "(Partner Organisation Code, …, Practice Sub ICB and PCN Sub ICB Match?), got "
)
CSV = "<epcncorepartnerdetails.csv>"


def row(
    practice: str = "A81001",
    pcn: str = "U00001",
    sub_icb: str = "16C",
    start: str = "20190701",
    end: str = "",
    *,
    practice_name: str = "THE EXAMPLE SURGERY",
    pcn_name: str = "RIVERSIDE PCN",
    practice_sub: str | None = None,
) -> str:
    """One row of the CSV extract; the practice's sub-ICB location is the PCN's unless given."""
    own = sub_icb if practice_sub is None else practice_sub
    cells = [
        practice,
        practice_name,
        own,
        SUB_ICB_16C if own == "16C" else "",
        pcn,
        pcn_name,
        sub_icb,
        SUB_ICB_16C if sub_icb == "16C" else "",
        start,
        end,
        "",
    ]
    return ",".join(f'"{cell}"' for cell in cells) + "\n"


def read(text: str, **options: object) -> PcnImport:
    return EscalationNetwork.from_pcn(stdio.StringIO(text, newline=""), **options)  # type: ignore[arg-type]


def refusal(text: str, **options: object) -> str:
    with pytest.raises(DocumentError) as caught:
        read(text, **options)
    return str(caught.value)


def skips(result: PcnImport) -> list[tuple[int, str | None, str]]:
    return [(s.line, s.code, s.reason) for s in result.skipped]


def ods() -> EscalationNetwork:
    return EscalationNetwork.from_ods(EPRACCUR).network


class TestMembership:
    BASE: ClassVar[dict[str, object]] = {
        "line": 2,
        "practice": "A81001",
        "pcn": "U00001",
        "sub_icb": "16C",
    }

    @pytest.mark.parametrize(
        ("change", "error", "message"),
        [
            (
                {"line": 0},
                InvalidValueError,
                "PcnMembership.line: 0 is not allowed: must be at least 1",
            ),
            (
                {"line": "2"},
                InvalidTypeError,
                "PcnMembership.line: got str '2'; expected a whole number",
            ),
            (
                {"practice": "a81001"},
                InvalidValueError,
                (
                    "PcnMembership.practice: 'a81001' is not allowed: must be an ODS code: "
                    "3 to 8 upper-case letters and digits"
                ),
            ),
            (
                {"pcn": 12345},
                InvalidTypeError,
                (
                    "PcnMembership.pcn: got int 12345; expected an ODS code: "
                    "3 to 8 upper-case letters and digits"
                ),
            ),
            (
                {"sub_icb": ""},
                InvalidValueError,
                (
                    "PcnMembership.sub_icb: '' is not allowed: must be an ODS code: "
                    "3 to 8 upper-case letters and digits"
                ),
            ),
            (
                {"start": "2019-07-01"},
                InvalidTypeError,
                "PcnMembership.start: got str '2019-07-01'; expected a datetime.date",
            ),
            (
                {"end": dt.datetime(2021, 4, 1)},
                InvalidTypeError,
                (
                    "PcnMembership.end: got datetime datetime.datetime(2021, 4, 1, 0, 0); "
                    "expected a datetime.date"
                ),
            ),
        ],
    )
    def test_a_bad_field_is_refused_by_name(
        self, change: dict[str, object], error: type[Exception], message: str
    ) -> None:
        with pytest.raises(error) as caught:
            PcnMembership(**{**self.BASE, **change})  # type: ignore[arg-type]
        assert str(caught.value) == message

    def test_a_whole_number_of_another_type_is_an_int_line(self) -> None:
        """A line number from numpy (a pandas column) is kept as a plain int."""
        membership = PcnMembership(line=np.int64(7), practice="A81001", pcn="U00001", sub_icb="16C")
        assert membership.line == 7
        assert type(membership.line) is int

    def test_in_force_from_its_start_day(self) -> None:
        membership = PcnMembership(
            line=2, practice="A81001", pcn="U00001", sub_icb="16C", start=dt.date(2019, 7, 1)
        )
        assert membership.in_force("2019-07-01")
        assert not membership.in_force("2019-06-30")
        with pytest.raises(InvalidValueError) as caught:
            membership.in_force("1 July 2019")
        assert str(caught.value) == "on: '1 July 2019' is not allowed: must be a date, YYYY-MM-DD"

    def test_text_names_only_the_dates_it_has(self) -> None:
        base = {"line": 4, "practice": "A81004", "pcn": "U00002", "sub_icb": "16C"}
        start, end = dt.date(2020, 4, 1), dt.date(2021, 4, 1)
        assert [
            str(PcnMembership(**base)),  # type: ignore[arg-type]
            str(PcnMembership(**base, start=start)),  # type: ignore[arg-type]
            str(PcnMembership(**base, end=end)),  # type: ignore[arg-type]
            str(PcnMembership(**base, start=start, end=end)),  # type: ignore[arg-type]
        ] == [
            "line 4: A81004 in U00002 (under 16C)",
            "line 4: A81004 in U00002 (under 16C) from 2020-04-01",
            "line 4: A81004 in U00002 (under 16C) to 2021-04-01",
            "line 4: A81004 in U00002 (under 16C) from 2020-04-01 to 2021-04-01",
        ]


class TestArguments:
    def test_each_wrong_argument_is_refused_by_name(self) -> None:
        with pytest.raises(InvalidTypeError) as strict:
            read(row(), strict="yes")
        assert str(strict.value) == "strict: got str 'yes'; expected true or false"
        with pytest.raises(InvalidTypeError) as network:
            read(row(), network="national")
        assert str(network.value) == (
            "network: got str 'national'; expected an EscalationNetwork or None"
        )
        with pytest.raises(InvalidTypeError) as blank:
            read(row(), name="  ")
        assert str(blank.value) == "name: got str '  '; expected non-empty text"
        with pytest.raises(InvalidTypeError) as number:
            read(row(), name=2019)
        assert str(number.value) == "name: got int 2019; expected non-empty text"
        with pytest.raises(InvalidValueError) as as_of:
            read(row(), as_of="1 July 2019")
        assert str(as_of.value) == "as_of: '1 July 2019' is not allowed: must be a date, YYYY-MM-DD"

    def test_strict_is_the_default(self) -> None:
        assert refusal(row("a81001")) == (
            f"{CSV}: 1 problem\n  line 1: column 1 (Partner Organisation Code) 'a81001' is "
            "not an ODS code: 3 to 8 upper-case letters and digits"
        )


class TestLayout:
    def test_epraccur_read_as_the_pcn_file(self) -> None:
        with pytest.raises(DocumentError) as caught:
            EscalationNetwork.from_pcn(EPRACCUR)
        assert str(caught.value) == (
            f"{EPRACCUR}: 1 problem\n  line 1: {LAYOUT}27 columns: this looks like "
            "epraccur.csv; read it with from_ods (--ods)"
        )

    def test_another_width_names_its_first_cell(self) -> None:
        text = row().replace('""\n', '"","TRUE"\n')
        assert refusal(text) == f"{CSV}: 1 problem\n  line 1: {LAYOUT}12 columns, starting 'A81001'"

    def test_the_published_header_cut_short_is_only_counted(self) -> None:
        """A header that starts as the published one says only how many columns it has."""
        header = ",".join(f'"{c}"' for c in COLUMNS[:10]) + "\n"
        assert refusal(header + row()) == f"{CSV}: 1 problem\n  line 1: {LAYOUT}10 columns"
        lower = header.replace("Partner Organisation Code", "partner organisation code")
        assert refusal(lower + row()) == f"{CSV}: 1 problem\n  line 1: {LAYOUT}10 columns"

    def test_a_header_with_another_name(self) -> None:
        header = HEADER.replace('"Partner Name"', '"Practice Name"')
        assert refusal(header + row()) == (
            f"{CSV}: 1 problem\n  line 1: header column 2 is 'Practice Name', "
            "expected 'Partner Name'"
        )

    def test_blank_lines_before_the_first_row_are_skipped(self) -> None:
        """A blank line of any width is skipped; the layout is checked on the first row."""
        result = read("\n" + ",,,\n" + row() + ",,,,,,,,,,\n" + ",,\n" + row("A81004"))
        assert skips(result) == [
            (1, None, "blank line"),
            (2, None, "blank line"),
            (4, None, "blank line"),
            (5, None, "blank line"),
        ]
        assert [(m.line, m.practice) for m in result.memberships] == [(3, "A81001"), (6, "A81004")]
        with pytest.raises(DocumentError) as caught:
            EscalationNetwork.from_pcn(stdio.StringIO(",,,\n" + EPRACCUR.read_text()))
        assert str(caught.value) == (
            f"{CSV}: 1 problem\n  line 2: {LAYOUT}27 columns: this looks like "
            "epraccur.csv; read it with from_ods (--ods)"
        )


class TestRows:
    def test_a_line_the_csv_reader_cannot_read(self) -> None:
        text = row() + '"A81002"x,"RIVERSIDE MEDICAL CENTRE"\n' + row("A81004")
        problem = "cannot read the line as CSV (',' expected after '\"')"
        assert refusal(text) == f"{CSV}: 1 problem\n  line 2: {problem}"
        lenient = read(text, strict=False)
        assert skips(lenient) == [(2, None, f"malformed: {problem}")]
        assert [m.line for m in lenient.memberships] == [1, 3]

    def test_fifty_problems_are_listed_and_the_rest_counted(self) -> None:
        text = row() + "".join(row(f"A8{n:04d}", start="2019-07-1") for n in range(2, 54))
        with pytest.raises(DocumentError) as caught:
            read(text)
        error = caught.value
        assert (len(error.problems), error.more) == (50, 2)
        assert [p.path for p in error.problems] == [f"line {n}" for n in range(2, 52)]
        assert str(error).startswith(f"{CSV}: 52 problems\n  line 2: column 9 ")
        assert str(error).endswith("\n  … and 2 more")

    def test_a_padded_practice_code_is_read_stripped(self) -> None:
        result = read(row(" A81001 ") + row("A81004"))
        assert [m.practice for m in result.memberships] == ["A81001", "A81004"]
        assert result.network.body("A81001").name == "THE EXAMPLE SURGERY"

    def test_an_empty_practice_sub_icb_is_allowed_and_a_bad_one_named(self) -> None:
        result = read(row(practice_sub=""))
        assert [m.sub_icb for m in result.memberships] == ["16C"]
        assert refusal(row(practice_sub="16c")) == (
            f"{CSV}: 1 problem\n  line 1: column 3 (Practice Parent Sub ICB Location Code) "
            "'16c' is not an ODS code: 3 to 8 upper-case letters and digits"
        )

    def test_bad_dates_name_their_column(self) -> None:
        text = row(start="2019-07-01") + row("A81002", end="2021-04-01")
        assert refusal(text) == (
            f"{CSV}: 2 problems\n"
            "  line 1: column 9 (Practice to PCN Relationship Start Date) '2019-07-01' "
            "is not a YYYYMMDD date\n"
            "  line 2: column 10 (Practice to PCN Relationship End Date) '2021-04-01' "
            "is not a YYYYMMDD date"
        )

    def test_every_problem_of_a_row_is_named_in_column_order(self) -> None:
        text = row("a81001", "", start="20200401", end="20200401") + row(
            "A81002", "", start="20200401", end="20190701"
        )
        assert refusal(text) == (
            f"{CSV}: 2 problems\n"
            "  line 1: column 1 (Partner Organisation Code) 'a81001' is not an ODS code: "
            "3 to 8 upper-case letters and digits; column 5 (PCN Code) is empty\n"
            "  line 2: column 5 (PCN Code) is empty; the membership ends (2019-07-01) "
            "before it starts (2020-04-01)"
        )
        lenient = read(text, strict=False)
        assert [(s.line, s.code) for s in lenient.skipped] == [(1, None), (2, "A81002")]

    def test_a_membership_ending_the_day_it_starts_is_ended_not_malformed(self) -> None:
        result = read(row(start="20200401", end="20200401") + row("A81004"))
        assert skips(result) == [(1, "A81001", "membership ended (on 2020-04-01)")]

    def test_a_blank_row_of_eleven_cells_after_the_first(self) -> None:
        result = read(row() + ",,,,,,,,,,\n" + row("A81004"))
        assert skips(result) == [(2, None, "blank line")]
        assert [m.line for m in result.memberships] == [1, 3]

    def test_memberships_not_in_force_name_their_practice(self) -> None:
        text = (
            row(start="20190701", end="20200401")
            + row("A81002", start="20210401")
            + row("A81004", start="20190701", end="20210401")
        )
        result = read(text, as_of="2020-06-01")
        assert skips(result) == [
            (1, "A81001", "membership not in force on 2020-06-01 (ended 2020-04-01)"),
            (2, "A81002", "membership not in force on 2020-06-01 (started 2021-04-01)"),
        ]
        assert result.memberships == (
            PcnMembership(
                line=3,
                practice="A81004",
                pcn="U00001",
                sub_icb="16C",
                start=dt.date(2019, 7, 1),
                end=dt.date(2021, 4, 1),
            ),
        )


class TestTwoPcnsAtOnce:
    def test_strict_reads_on_after_the_second_membership(self) -> None:
        text = row() + row(pcn="U00002") + row("a81004")
        assert refusal(text) == (
            f"{CSV}: 2 problems\n"
            "  line 2: practice A81001 is in U00002 here and in U00001 on line 1\n"
            "  line 3: column 1 (Partner Organisation Code) 'a81004' is not an ODS code: "
            "3 to 8 upper-case letters and digits"
        )

    def test_the_membership_that_started_last_replaces_the_first(self) -> None:
        text = row(start="20190701") + row(pcn="U00002", start="20200401", end="20220401")
        result = read(text, as_of="2021-01-01", strict=False)
        assert result.memberships == (
            PcnMembership(
                line=2,
                practice="A81001",
                pcn="U00002",
                sub_icb="16C",
                start=dt.date(2020, 4, 1),
                end=dt.date(2022, 4, 1),
            ),
        )
        assert skips(result) == [
            (
                1,
                "A81001",
                (
                    "in two PCNs at once; the membership that started last is kept: "
                    "practice A81001 is in U00002 here and in U00001 on line 1"
                ),
            )
        ]

    def test_a_replaced_membership_leaves_everything_in_line_order(self) -> None:
        text = (
            row(start="20190701")
            + row("A81002")
            + row(pcn="U00002", start="20200401")
            + row("A81003", end="20210401")
        )
        result = read(text, strict=False)
        assert [(m.line, m.practice, m.pcn) for m in result.memberships] == [
            (2, "A81002", "U00001"),
            (3, "A81001", "U00002"),
        ]
        assert [(s.line, s.code) for s in result.skipped] == [(1, "A81001"), (4, "A81003")]
        assert [b.id for b in result.network.practices] == ["A81002", "A81001"]

    def test_an_earlier_start_or_a_tie_keeps_the_first(self) -> None:
        lost = (
            "in two PCNs at once; the membership that started last is kept: "
            "practice A81001 is in U00002 here and in U00001 on line 1"
        )
        for second_start in ("20190701", "20180401"):
            text = row(start="20190701") + row(pcn="U00002", start=second_start) + row("A81004")
            result = read(text, strict=False)
            assert [(m.line, m.pcn) for m in result.memberships] == [(1, "U00001"), (3, "U00001")]
            assert skips(result) == [(2, "A81001", lost)]


class TestParents:
    def test_a_pcn_under_two_sub_icbs_strict(self) -> None:
        text = row() + row("A81002", sub_icb="42D")
        assert refusal(text) == (
            f"{CSV}: 1 problem\n  line 2: U00001 is under 42D here but under 16C on line 1"
        )

    def test_the_conflicts_count_their_rows_in_line_order(self) -> None:
        text = (
            row()
            + row("B82005", "U00003", "42D", pcn_name="COAST PCN")
            + row("A81002", sub_icb="42D")
            + row("C82009", "U00003", "04C", pcn_name="COAST PCN")
            + row("A81004", sub_icb="42D")
        )
        result = read(text, strict=False)
        assert [
            (w.line, w.code, w.parent, w.kept, w.kept_line, w.rows) for w in result.warnings
        ] == [
            (3, "U00001", "42D", "16C", 1, 2),
            (4, "U00003", "04C", "42D", 2, 1),
        ]
        assert repr(result) == (
            "<PcnImport with 5 rows, 5 memberships, 2 PCNs, 0 skipped and 2 warnings>"
        )


class TestNames:
    def test_unnamed_practices_and_pcns_are_named_by_code(self) -> None:
        net = read(row(practice_name="", pcn_name="")).network
        assert [(b.id, b.name) for b in net.bodies][:2] == [
            ("A81001", "A81001"),
            ("U00001", "Primary care network U00001"),
        ]


class TestMerged:
    def test_a_row_that_cannot_join_the_network_says_why(self) -> None:
        net = ods()
        text = row("QHM") + row("Z99999", sub_icb="99Z")
        assert refusal(text, network=net) == (
            f"{CSV}: 2 problems\n"
            "  line 1: QHM is not a practice in the network\n"
            "  line 2: unknown practice Z99999: not in the network; "
            "unknown sub-ICB location 99Z: not in the network"
        )

    def test_the_parent_must_be_above_the_neighbourhood_tier(self) -> None:
        """A PCN of the network is not a sub-ICB location a PCN can sit under."""
        with_pcns = EscalationNetwork.from_pcn(PCN, network=ods()).network
        text = row("C82009", "U00009", "U00001")
        assert refusal(text, network=with_pcns) == (
            f"{CSV}: 1 problem\n  line 1: U00001 is not above a primary care network in the network"
        )

    def test_a_pcn_already_in_the_network_is_refused(self) -> None:
        with_pcns = EscalationNetwork.from_pcn(PCN, network=ods()).network
        with pytest.raises(InvalidValueError) as caught:
            EscalationNetwork.from_pcn(PCN, network=with_pcns)
        assert str(caught.value) == (
            "network: 'U00001' is not allowed: a PCN code is already a body of the network"
        )

    def test_the_network_keeps_its_source(self) -> None:
        net = ods()
        merged = EscalationNetwork.from_pcn(PCN, network=net).network
        assert merged.source == net.source
        assert merged.source is not None
        assert merged.source.title.endswith("epraccur (GP practices)")

    def test_only_a_member_practice_gives_up_its_primary_link(self) -> None:
        """A member practice's route now starts at its PCN; a practice not in the file
        keeps the primary link it had."""
        net = ods()
        federation = Body(
            id="riverside-federation",
            name="Riverside GP Federation",
            kind=BodyKind.GP_FEDERATION,
            tier=Tier.LOCALITY,
        )
        given = EscalationNetwork(
            name=net.name,
            bodies=[*net.bodies, federation],
            links=[
                *net.links,
                Link(source="A81001", target="riverside-federation", primary=True),
                Link(source="A81004", target="riverside-federation", primary=True),
                Link(source="riverside-federation", target="16C"),
            ],
            source=net.source,
        )
        merged = EscalationNetwork.from_pcn(stdio.StringIO(row()), network=given).network
        assert [
            (link.source, link.target, link.primary)
            for link in merged.links
            if link.source in {"A81001", "A81004"}
        ] == [
            ("A81001", "16C", False),
            ("A81004", "16C", False),
            ("A81001", "riverside-federation", False),
            ("A81004", "riverside-federation", True),
            ("A81001", "U00001", True),
        ]
        assert [b.id for b in merged.route("A81001")][:2] == ["U00001", "16C"]
        assert [b.id for b in merged.route("A81004")][:2] == ["riverside-federation", "16C"]


class TestXlsx:
    @staticmethod
    def workbook(path: Path, rows: list[list[object]]) -> Path:
        import openpyxl

        book = openpyxl.Workbook()
        sheet = book.active
        assert sheet is not None
        sheet.title = SHEET
        for cells in rows:
            sheet.append(cells)
        book.save(path)
        return path

    @staticmethod
    def cells(
        practice: str = "A81001", start: object = "20190701", match: str = ""
    ) -> list[object]:
        return [
            practice,
            "THE EXAMPLE SURGERY",
            "16C",
            SUB_ICB_16C,
            "U00001",
            "RIVERSIDE PCN",
            "16C",
            SUB_ICB_16C,
            start,
            None,
            match,
        ]

    def test_a_wider_sheet_is_read_to_its_eleven_columns(self, tmp_path: Path) -> None:
        """Formatted empty columns after the last make each row wider; only empty cells
        are dropped, so a filled match column stays."""
        from openpyxl.styles import Font

        path = self.workbook(
            tmp_path / "ePCN.xlsx",
            [list(COLUMNS), self.cells(match="TRUE"), self.cells("A81004", match="TRUE")],
        )
        import openpyxl

        book = openpyxl.load_workbook(path)
        book[SHEET].cell(row=1, column=13).font = Font(bold=True)
        book.save(path)
        result = EscalationNetwork.from_pcn(path)
        assert [(m.line, m.practice) for m in result.memberships] == [(2, "A81001"), (3, "A81004")]
        assert skips(result) == [(1, None, "header row")]

    def test_a_formula_is_read_by_its_value_not_its_text(self, tmp_path: Path) -> None:
        """A workbook saved without the formula's value leaves the cell empty."""
        cells = self.cells()
        cells[5] = '=UPPER("riverside pcn")'
        path = self.workbook(tmp_path / "ePCN.xlsx", [cells])
        net = EscalationNetwork.from_pcn(path).network
        assert net.body("U00001").name == "Primary care network U00001"

    def test_a_whole_number_cell_reads_as_its_digits(self) -> None:
        assert [_xlsx_cell(20190701.0), _xlsx_cell(20190701), _xlsx_cell(0.5)] == [
            "20190701",
            "20190701",
            "0.5",
        ]

    def test_refusals_name_the_workbook(self, tmp_path: Path) -> None:
        missing = tmp_path / "ePCN.xlsx"
        with pytest.raises(ParseError) as absent:
            EscalationNetwork.from_pcn(missing)
        assert (
            str(absent.value)
            == f"cannot read {str(missing)!r}: cannot open: No such file or directory"
        )
        text = tmp_path / "epcn.xlsx"
        text.write_text("A81001,THE EXAMPLE SURGERY\n")
        with pytest.raises(ParseError) as not_a_book:
            EscalationNetwork.from_pcn(text)
        assert str(not_a_book.value) == (
            f"cannot read {str(text)!r}: not an .xlsx workbook (File is not a zip file)"
        )
        import openpyxl

        book = openpyxl.Workbook()
        first = book.active
        assert first is not None
        first.title = "PCN Details"
        other = tmp_path / "other.xlsx"
        book.save(other)
        with pytest.raises(DocumentError) as no_sheet:
            EscalationNetwork.from_pcn(other)
        assert str(no_sheet.value) == (
            f"{other}: 1 problem\n  sheet: no sheet 'PCN Core Partner Details'; "
            "the sheets are ['PCN Details']"
        )

    def test_without_openpyxl_the_extra_is_named(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        path = tmp_path / "ePCN.xlsx"
        path.write_bytes(b"PK")
        monkeypatch.setitem(sys.modules, "openpyxl", None)
        with pytest.raises(MissingExtraError) as caught:
            EscalationNetwork.from_pcn(path)
        assert str(caught.value) == (
            f"reading {str(path)!r} (an .xlsx workbook) needs the optional package 'openpyxl': "
            "pip install 'engagekit[xlsx]'"
        )


def test_a_row_whose_two_dates_are_both_wrong_names_each() -> None:
    """Both date columns are reported, in column order, on the row's one line."""
    with pytest.raises(DocumentError) as exc:
        read(row(start="20191399", end="someday"))
    assert str(exc.value) == (
        "<epcncorepartnerdetails.csv>: 1 problem\n"
        "  line 1: column 9 (Practice to PCN Relationship Start Date) '20191399' is not a "
        "YYYYMMDD date; column 10 (Practice to PCN Relationship End Date) 'someday' is not "
        "a YYYYMMDD date"
    )
