"""Reading the ODS primary care network file (ePCN core partner details)."""

from __future__ import annotations

import csv
import datetime as dt
import io as stdio
import sys
import tempfile

from pathlib import Path

import attrs
import pytest

from engagekit import render
from engagekit.errors import (
    DocumentError,
    InvalidTypeError,
    InvalidValueError,
    MissingExtraError,
    ParseError,
)
from engagekit.escalation import (
    BodyKind,
    EscalationNetwork,
    OdsName,
    OdsNames,
    PcnImport,
    PcnMembership,
    Tier,
)
from engagekit.escalation._pcn import COLUMNS, SHEET


DATA = Path(__file__).with_name("data")
PCN = DATA / "epcn-sample.csv"
EPRACCUR = DATA / "epraccur-sample.csv"
HEADER = ",".join(f'"{c}"' for c in COLUMNS) + "\n"


def member(
    practice: str = "A81001",
    pcn: str = "U00001",
    sub_icb: str = "16C",
    start: str = "20190701",
    end: str = "",
    *,
    columns: int = 11,
) -> str:
    cells = [practice, "A SURGERY", sub_icb, "", pcn, "A PCN", sub_icb, "A SUB-ICB", start, end, ""]
    return ",".join((cells + [""] * columns)[:columns]) + "\n"


def read(text: str, **options: object) -> PcnImport:
    return EscalationNetwork.from_pcn(stdio.StringIO(text), **options)  # type: ignore[arg-type]


def ids(network: EscalationNetwork, start: str) -> list[str]:
    return [b.id for b in network.path(start)]


class TestAlone:
    def test_parent_kind_and_name_follow_the_day(self) -> None:
        """A PCN's parent is a CCG before 1 July 2022 and a sub-ICB location from
        then; one the file leaves unnamed is named from the built-in tables."""
        row = "A81001,A SURGERY,11X,,U00001,A PCN,11X,,20190701,,\n"
        before = read(row, as_of="2020-01-01").network.body("11X")
        assert (before.kind, before.name) == (
            BodyKind.CLINICAL_COMMISSIONING_GROUP,
            "NHS Somerset CCG",
        )
        after = read(row, as_of="2022-07-01").network.body("11X")
        assert (after.kind, after.name) == (BodyKind.SUB_ICB_LOCATION, "NHS Somerset ICB - 11X")
        unknown = read(row.replace("11X", "99Z"), as_of="2020-01-01").network.body("99Z")
        assert unknown.name == "Clinical commissioning group (CCG) 99Z"

    def test_current_memberships_make_practice_pcn_sub_icb(self) -> None:
        """Without as_of, the memberships with no end date; ended ones are skipped."""
        result = EscalationNetwork.from_pcn(PCN)
        net = result.network
        assert result.rows == 6
        assert result.pcns == ("U00001", "U00002", "U00003")
        assert [(m.practice, m.pcn) for m in result.memberships] == [
            ("A81001", "U00001"),
            ("A81002", "U00002"),
            ("A81004", "U00002"),
            ("B82005", "U00003"),
        ]
        assert [(s.line, s.code, s.reason) for s in result.skipped] == [
            (2, "A81002", "membership ended (on 2021-04-01)"),
            (6, "C82009", "membership ended (on 2020-04-01)"),
        ]
        assert len(result.memberships) + len(result.skipped) == result.rows
        assert ids(net, "A81002") == ["A81002", "U00002", "16C"]
        pcn = net.body("U00002")
        assert (pcn.name, pcn.kind, pcn.tier) == (
            "TOWN PCN",
            BodyKind.PRIMARY_CARE_NETWORK,
            Tier.NEIGHBOURHOOD,
        )
        # Named by the file, cased as ODS organisation names are; a sub-ICB location
        # of today (no date given).
        sub_icb = net.body("16C")
        assert (sub_icb.name, sub_icb.kind) == (
            "NHS North East and North Cumbria ICB - 16C",
            BodyKind.SUB_ICB_LOCATION,
        )
        assert [b.id for b in net.top] == ["16C", "42D"]
        assert net.source is not None
        assert "ePCN" in net.source.title

    def test_as_of_keeps_the_memberships_in_force(self) -> None:
        """A practice that moved PCN is in its old PCN before the move, its new one after."""
        before = EscalationNetwork.from_pcn(PCN, as_of=dt.date(2020, 6, 1))
        assert [(m.practice, m.pcn) for m in before.memberships] == [
            ("A81001", "U00001"),
            ("A81002", "U00001"),
            ("A81004", "U00002"),
            ("B82005", "U00003"),
        ]
        assert "membership not in force on 2020-06-01 (ended 2020-04-01)" in {
            s.reason for s in before.skipped
        }
        after = EscalationNetwork.from_pcn(PCN, as_of="2021-04-01")
        assert ids(after.network, "A81002") == ["A81002", "U00002", "16C"]
        early = EscalationNetwork.from_pcn(PCN, as_of="2019-08-01")
        assert sorted(m.practice for m in early.memberships) == [
            "A81001",
            "A81002",
            "B82005",
            "C82009",
        ]
        assert early.network.name.endswith("on 2019-08-01")

    def test_end_day_is_not_in_force(self) -> None:
        """As a practice is not open on its close date, a membership ends on its end date."""
        m = PcnMembership(
            line=1, practice="A81002", pcn="U00001", sub_icb="16C", end=dt.date(2021, 4, 1)
        )
        assert m.in_force("2021-03-31")
        assert not m.in_force("2021-04-01")

    def test_header_row_is_read_and_reported(self) -> None:
        """The CSV may carry the ODS header row: it is skipped, with its reason."""
        result = read(HEADER + member())
        assert [(s.line, s.reason) for s in result.skipped] == [(1, "header row")]
        assert [m.line for m in result.memberships] == [2]

    def test_repr_and_text(self) -> None:
        result = EscalationNetwork.from_pcn(PCN)
        assert repr(result) == "<PcnImport with 6 rows, 4 memberships, 3 PCNs and 2 skipped>"
        assert render.text(result).splitlines() == [
            "6 rows read; 4 memberships in 3 primary care networks; 2 rows skipped",
            "  membership ended: 2",
        ]
        assert "<table" in result._repr_html_()
        assert render.markdown(result).splitlines()[2:] == [
            "| Skipped because | Rows |",
            "|---|---|",
            "| membership ended | 2 |",
        ]


class TestMerged:
    def test_member_practices_route_through_their_pcn(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Merged with epraccur: practice -> PCN -> sub-ICB location -> ICB -> region."""
        ods = EscalationNetwork.from_ods(EPRACCUR).network
        result = EscalationNetwork.from_pcn(PCN, network=ods)
        net = result.network
        assert ids(net, "A81001") == ["A81001", "U00001", "16C", "QHM", "Y63", "england"]
        # C82009's membership ended: it stays under its commissioner.
        assert ids(net, "C82009") == ["C82009", "04C", "QK1", "Y60", "england"]
        # The practice keeps its link to its commissioner, no longer primary.
        assert [b.id for b in net.parents("A81001")] == ["U00001", "16C"]
        assert len(net) == len(ods) + 3
        assert net.name == f"{ods.name} with primary care networks"
        assert net.body("16C").name == "NHS North East and North Cumbria ICB - 16C"
        assert net.body("04C").name == "NHS Leicester, Leicestershire and Rutland ICB - 04C"
        # The built-in names of 16C are verified (the ONS lookup), so they stay; were
        # they marked unverified, the name in the user's ePCN file would replace them.
        renamed = EscalationNetwork.from_pcn(stdio.StringIO(member()), network=ods).network
        assert renamed.body("16C").name == "NHS North East and North Cumbria ICB - 16C"
        builtin = OdsNames.builtin()
        entries = {code: builtin.entries(code) for code in builtin}
        entries["16C"] = tuple(attrs.evolve(e, verified=False) for e in entries["16C"])
        unverified = OdsNames(entries, builtin.tables)
        monkeypatch.setattr(OdsNames, "builtin", classmethod(lambda cls: unverified))
        ods_unverified = EscalationNetwork.from_ods(EPRACCUR).network
        assert ods_unverified.body("16C").name == "NHS North East and North Cumbria ICB - 16C"
        replaced = EscalationNetwork.from_pcn(stdio.StringIO(member()), network=ods_unverified)
        assert replaced.network.body("16C").name == "A Sub-ICB"
        monkeypatch.undo()
        # A name from the user's own name files stays.
        given = OdsNames(
            {"16C": (OdsName(code="16C", name="NHS GIVEN NAME - 16C", kind="ods-file"),)}
        )
        own = EscalationNetwork.from_ods(EPRACCUR, names=given).network
        assert own.body("16C").name == "NHS Given Name - 16C"
        kept = EscalationNetwork.from_pcn(stdio.StringIO(member()), network=own).network
        assert kept.body("16C").name == "NHS Given Name - 16C"
        # With no name tables, the ePCN file names the commissioner epraccur gives
        # only by code.
        bare = EscalationNetwork.from_ods(EPRACCUR, names=OdsNames({})).network
        assert bare.body("16C").name == "Sub-ICB location 16C"
        named = EscalationNetwork.from_pcn(PCN, network=bare).network
        assert named.body("16C").name == "NHS North East and North Cumbria ICB - 16C"
        assert named.body("04C").name == "Sub-ICB location 04C"  # its one membership ended
        assert net.aggregate(["A81001", "A81002", "A81004"], to=Tier.NEIGHBOURHOOD) == {
            "U00001": 1,
            "U00002": 2,
            "U00003": 0,
        }

    def test_both_as_of_the_same_day(self) -> None:
        day = dt.date(2020, 6, 1)
        ods = EscalationNetwork.from_ods(EPRACCUR, as_of=day).network
        net = EscalationNetwork.from_pcn(PCN, network=ods, as_of=day).network
        assert ids(net, "A81002") == ["A81002", "U00001", "16C", "QHM", "Y63", "england"]
        assert ids(net, "C82009") == ["C82009", "04C", "QK1", "Y60", "england"]

    def test_unknown_practice_is_a_line_numbered_error(self) -> None:
        ods = EscalationNetwork.from_ods(EPRACCUR).network
        text = member("A81001") + member("Z99999") + member("A81002", sub_icb="99Z")
        with pytest.raises(DocumentError, match="2 problems") as caught:
            read(text, network=ods)
        assert [str(p) for p in caught.value.problems] == [
            "line 2: unknown practice Z99999: not in the network",
            "line 3: unknown sub-ICB location 99Z: not in the network",
        ]
        lenient = read(text, network=ods, strict=False)
        assert [(s.line, s.code) for s in lenient.skipped] == [(2, "Z99999"), (3, "A81002")]
        assert lenient.skipped[0].reason.startswith("malformed: unknown practice Z99999")
        assert ids(lenient.network, "A81001")[:2] == ["A81001", "U00001"]

    def test_sub_icb_must_sit_above_a_pcn(self) -> None:
        ods = EscalationNetwork.from_ods(EPRACCUR).network
        with pytest.raises(DocumentError, match="A81002 is not above a primary care network"):
            read(member("A81001", sub_icb="A81002"), network=ods)

    def test_network_must_be_a_network(self) -> None:
        with pytest.raises(InvalidTypeError, match="network"):
            read(member(), network="national")


class TestBadInput:
    def test_epraccur_given_as_pcn_file_names_the_layout(self) -> None:
        """A file in another layout: one clear error at line 1, even when lenient."""
        for strict in (True, False):
            with pytest.raises(DocumentError, match="looks like epraccur.csv") as caught:
                EscalationNetwork.from_pcn(EPRACCUR, strict=strict)
            assert caught.value.problems[0].path == "line 1"
            assert "expected 11 columns" in caught.value.problems[0].message

    def test_another_header_is_refused(self) -> None:
        text = '"PCN Code","PCN Name","x"\n' + member()
        with pytest.raises(DocumentError, match="starting 'PCN Code'"):
            read(text)

    def test_a_header_with_other_names_says_which(self) -> None:
        """Each column the header names differently, so nothing is read by position."""
        header = HEADER.replace("Practice Parent Sub ICB Location Code", "Practice Parent Code")
        with pytest.raises(
            DocumentError, match="line 1: header column 3 is 'Practice Parent Code', expected"
        ) as caught:
            read(header + member())
        assert [str(p) for p in caught.value.problems] == [
            (
                "line 1: header column 3 is 'Practice Parent Code', "
                "expected 'Practice Parent Sub ICB Location Code'"
            )
        ]

    def test_malformed_rows_are_listed_by_line(self) -> None:
        text = (
            member()
            + member("a81002")
            + member("A81004", start="2019-07-01")
            + member("A81005", start="20200101", end="20190101")
            + member("A81006", columns=10)
            + member("A81007", pcn="")
        )
        with pytest.raises(
            DocumentError, match=r"<epcncorepartnerdetails\.csv>: 5 problems\n  line 2: column 1 "
        ) as caught:
            read(text)
        assert [str(p) for p in caught.value.problems] == [
            (
                "line 2: column 1 (Partner Organisation Code) 'a81002' is not an ODS code: "
                "3 to 8 upper-case letters and digits"
            ),
            (
                "line 3: column 9 (Practice to PCN Relationship Start Date) '2019-07-01' "
                "is not a YYYYMMDD date"
            ),
            "line 4: the membership ends (2019-01-01) before it starts (2020-01-01)",
            "line 5: expected 11 columns, got 10",
            "line 6: column 5 (PCN Code) is empty",
        ]
        lenient = read(text, strict=False)
        assert [s.line for s in lenient.skipped] == [2, 3, 4, 5, 6]
        assert all(s.reason.startswith("malformed: ") for s in lenient.skipped)
        assert len(lenient.memberships) + len(lenient.skipped) == lenient.rows == 6

    def test_practice_in_two_pcns_at_once(self) -> None:
        """Strict: an error; lenient: the membership that started last is kept."""
        text = member("A81001", "U00001", start="20190701") + member(
            "A81001", "U00002", start="20200401"
        )
        with pytest.raises(DocumentError, match="line 2: practice A81001 is in U00002 here"):
            read(text)
        lenient = read(text, strict=False)
        assert [m.pcn for m in lenient.memberships] == ["U00002"]
        assert lenient.skipped[0].line == 1
        assert "in two PCNs at once" in lenient.skipped[0].reason

    def test_pcn_under_two_sub_icbs(self) -> None:
        text = member("A81001", "U00001", "16C") + member("A81002", "U00001", "42D")
        with pytest.raises(DocumentError, match="U00001 is under 42D here but under 16C"):
            read(text)
        lenient = read(text, strict=False)
        assert [str(w) for w in lenient.warnings] == [
            (
                "line 2: U00001 is under 42D here but under 16C on line 1; kept 16C "
                "(the first row of the PCN decides)"
            )
        ]
        assert ids(lenient.network, "A81002") == ["A81002", "U00001", "16C"]
        assert render.markdown(lenient).endswith(
            f"Warnings (a PCN given two parents; the first row's kept):\n\n- {lenient.warnings[0]}"
        )

    def test_not_a_file(self, tmp_path: Path) -> None:
        with pytest.raises(ParseError, match="cannot open"):
            EscalationNetwork.from_pcn(tmp_path / "missing.csv")
        with pytest.raises(InvalidTypeError, match="text file"):
            EscalationNetwork.from_pcn(stdio.BytesIO(b"x"))  # type: ignore[arg-type]
        with pytest.raises(InvalidValueError, match="as_of"):
            read(member(), as_of="1 July 2019")

    def test_a_binary_file_that_is_no_buffered_stream(self) -> None:
        """A spooled temporary file opened in binary mode is refused when it is read."""
        with tempfile.SpooledTemporaryFile(mode="w+b") as handle:
            handle.write(b'"A81001","THE EXAMPLE SURGERY"\n')
            handle.seek(0)
            with pytest.raises(InvalidTypeError, match="expected a text file, not a binary one"):
                EscalationNetwork.from_pcn(handle)  # type: ignore[arg-type]

    def test_xlsx_without_openpyxl_says_which_extra(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """The same missing-extra error as matplotlib's for drawing."""
        path = tmp_path / "ePCN.xlsx"
        path.write_bytes(b"PK")
        monkeypatch.setitem(sys.modules, "openpyxl", None)
        with pytest.raises(MissingExtraError, match=r"pip install 'engagekit\[xlsx\]'"):
            EscalationNetwork.from_pcn(path)


class TestXlsx:
    def workbook(self, path: Path, rows: list[list[object]], sheet: str = SHEET) -> Path:
        import openpyxl

        book = openpyxl.Workbook()
        details = book.active
        assert details is not None
        details.title = "PCN Details"
        details.append(["PCN Code", "PCN Name"])
        members = book.create_sheet(sheet)
        for row in rows:
            members.append(row)
        book.save(path)
        return path

    def test_core_partner_sheet_is_read(self, tmp_path: Path) -> None:
        """ePCN.xlsx: the core partner sheet, its header row, dates as text or as dates."""
        rows: list[list[object]] = [list(COLUMNS)]
        rows.extend(list(row) for row in csv.reader(PCN.read_text().splitlines()))
        rows[1][8] = dt.datetime(2019, 7, 1)  # a date cell, as Excel holds it
        path = self.workbook(tmp_path / "ePCN.xlsx", rows)
        from_xlsx = EscalationNetwork.from_pcn(path)
        from_csv = EscalationNetwork.from_pcn(PCN)
        assert from_xlsx.memberships[0].start == dt.date(2019, 7, 1)
        assert [(m.practice, m.pcn, m.start, m.end) for m in from_xlsx.memberships] == [
            (m.practice, m.pcn, m.start, m.end) for m in from_csv.memberships
        ]
        assert [(s.line, s.reason) for s in from_xlsx.skipped] == [
            (1, "header row"),
            (3, "membership ended (on 2021-04-01)"),
            (7, "membership ended (on 2020-04-01)"),
        ]

    def test_a_workbook_without_the_sheet(self, tmp_path: Path) -> None:
        path = self.workbook(tmp_path / "ePCN.xlsx", [list(COLUMNS)], sheet="Members")
        with pytest.raises(DocumentError, match="no sheet 'PCN Core Partner Details'"):
            EscalationNetwork.from_pcn(path)

    def test_not_a_workbook(self, tmp_path: Path) -> None:
        path = tmp_path / "ePCN.xlsx"
        path.write_text("A81001,THE SURGERY\n")
        with pytest.raises(ParseError, match="not an .xlsx workbook"):
            EscalationNetwork.from_pcn(path)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "no rows: the file is empty"),
        ("\n\n", "no rows: the file is empty"),
        (HEADER, "no rows: the file holds only its header"),
        (HEADER + "\n", "no rows: the file holds only its header"),
    ],
)
def test_a_file_with_no_rows_is_refused_not_read_as_no_networks(text: str, reason: str) -> None:
    """An empty download read as an England with no PCNs would be silently wrong."""
    with pytest.raises(ParseError) as exc:
        EscalationNetwork.from_pcn(stdio.StringIO(text))
    assert str(exc.value) == f"cannot read '<epcncorepartnerdetails.csv>': {reason}"


def test_a_ccg_of_the_date_keeps_its_name_over_the_files_sub_icb_name() -> None:
    """The ePCN file names 16C "NHS NORTH EAST AND NORTH CUMBRIA ICB - 16C", its name
    from 1 July 2022; merged into a network as on 2021-05-01 it replaced the CCG's own
    name, "NHS Tees Valley CCG", and a CCG carried an ICB's name."""
    day = dt.date(2021, 5, 1)
    ods = EscalationNetwork.from_ods(EPRACCUR, as_of=day).network
    merged = EscalationNetwork.from_pcn(PCN, network=ods, as_of=day).network
    assert [(b.id, b.name, b.kind.value) for b in merged.path("A81002")][1:3] == [
        ("U00002", "TOWN PCN", "primary-care-network"),
        ("16C", "NHS Tees Valley CCG", "clinical-commissioning-group"),
    ]
    # From 1 July 2022 (and with no date) the file's name is the body's own.
    today = EscalationNetwork.from_pcn(PCN, network=EscalationNetwork.from_ods(EPRACCUR).network)
    assert today.network.body("16C").name == "NHS North East and North Cumbria ICB - 16C"
