"""Reading the NHS ODS GP practice file, epraccur.csv (27 columns, no header)."""

from __future__ import annotations

import datetime as dt
import io as stdio

from collections.abc import Iterator
from pathlib import Path

import pytest

from engagekit import render
from engagekit.errors import DocumentError, InvalidTypeError, InvalidValueError, ParseError
from engagekit.escalation import BodyKind, EscalationNetwork, Tier


SAMPLE = Path(__file__).with_name("data") / "epraccur-sample.csv"


def row(
    code: str = "A81001",
    *,
    setting: str = "4",
    status: str = "A",
    open_: str = "19740401",
    close: str = "",
    columns: int = 27,
    **at: str,
) -> str:
    cells = [""] * 27
    cells[0], cells[1], cells[2], cells[3] = code, "A SURGERY", "Y63", "QHM"
    cells[10], cells[11], cells[12], cells[14], cells[25] = open_, close, status, "16C", setting
    for index, value in at.items():
        cells[int(index.removeprefix("c")) - 1] = value
    return ",".join(cells[:columns] + [""] * max(0, columns - 27)) + "\n"


class TestSample:
    def test_active_practices_and_their_chain(self) -> None:
        """Practice -> commissioner -> ICB -> region -> NHS England, from one row each."""
        result = EscalationNetwork.from_ods(SAMPLE)
        net = result.network
        assert result.rows == 10
        assert sorted(p.id for p in net.practices) == [
            "A81001",
            "A81002",
            "A81004",
            "B82005",
            "C82009",
        ]
        assert [b.id for b in net.route("A81001")] == ["16C", "QHM", "Y63", "england"]
        assert [b.kind for b in net.route("B82005")] == [
            BodyKind.COMMISSIONER,
            BodyKind.INTEGRATED_CARE_BOARD,
            BodyKind.REGION,
            BodyKind.NATIONAL_BODY,
        ]
        assert net.body("A81002").name == "RIVERSIDE MEDICAL CENTRE"
        assert [b.id for b in net.top] == ["england"]
        assert net.source is not None
        assert net.source.publisher == "NHS England Organisation Data Service"

    def test_no_row_is_dropped_silently(self) -> None:
        """Every row is a practice or a skipped row with its line and reason."""
        result = EscalationNetwork.from_ods(SAMPLE)
        assert len(result.network.practices) + len(result.skipped) == result.rows
        assert [str(s) for s in result.skipped] == [
            "line 5 (C81003): status C (closed)",
            "line 6 (Y02627): prescribing setting 2 (out of hours)",
            "line 7 (C82001): status P (proposed)",
            "line 8 (D81002): status D (dormant)",
            "line 9 (E81001): no commissioner recorded",
        ]
        assert result.skipped_by_reason()["status C"] == 1
        assert "10 rows read; 5 practices; 5 rows skipped" in render.text(result)

    def test_as_of_uses_open_and_close_dates(self) -> None:
        """On 1 June 2015 the practice closed in 2019 was open; the 2025 one was not."""
        result = EscalationNetwork.from_ods(SAMPLE, as_of=dt.date(2015, 6, 1))
        ids = {p.id for p in result.network.practices}
        assert "C81003" in ids
        assert "C82001" not in ids
        assert "line 7 (C82001): not open on 2015-06-01 (opened 2025-01-01)" in [
            str(s) for s in result.skipped
        ]
        later = EscalationNetwork.from_ods(SAMPLE, as_of=dt.date(2019, 3, 31))
        assert "C81003" not in {p.id for p in later.network.practices}

    def test_aggregate_to_icbs(self) -> None:
        """Feedback at practices counts at their ICB."""
        net = EscalationNetwork.from_ods(SAMPLE).network
        counts = net.aggregate(["A81001", "A81002", "B82005", "C82009"], to=Tier.SYSTEM)
        assert counts == {"QHM": 2, "QK1": 1, "QOQ": 1}


class TestMalformed:
    def test_wrong_column_count_reported_by_line(self) -> None:
        """Every malformed row is reported, with its line, all at once."""
        text = row() + row("A81002", columns=26) + row("A81003", open_="2019-13-01")
        with pytest.raises(DocumentError) as info:
            EscalationNetwork.from_ods(stdio.StringIO(text))
        assert [str(p) for p in info.value.problems] == [
            "line 2: expected 27 columns, got 26",
            "line 3: column 11 (Open Date) '2019-13-01' is not a YYYYMMDD date",
        ]
        assert [p.path for p in info.value.problems] == ["line 2", "line 3"]

    @pytest.mark.parametrize(
        ("line", "problem"),
        [
            (row(close="20191340"), "column 12 (Close Date) '20191340' is not a YYYYMMDD date"),
            (row(status="X"), "column 13 (Status Code) 'X' is not one of A, C, D, P"),
            (row(setting="four"), "column 26 (Prescribing Setting) 'four' is not a number"),
            (row(code=""), "column 1 (Organisation Code) is empty"),
            (row(code="a81001"), "column 1 (Organisation Code) 'a81001' is not an ODS code"),
            (row(c15="16 C"), "column 15 (Commissioner) '16 C' is not an ODS code"),
        ],
    )
    def test_bad_cells_are_never_guessed(self, line: str, problem: str) -> None:
        """Bad dates and codes are reported, not guessed."""
        with pytest.raises(DocumentError, match="line 1: ") as info:
            EscalationNetwork.from_ods(stdio.StringIO(line))
        assert problem in str(info.value.problems[0])

    def test_duplicates_and_conflicts(self) -> None:
        """A practice twice, or a commissioner under two ICBs, is a malformed row."""
        text = row() + row() + row("A81009", c4="QOQ")
        with pytest.raises(DocumentError) as info:
            EscalationNetwork.from_ods(stdio.StringIO(text))
        assert [str(p) for p in info.value.problems] == [
            "line 2: practice A81001 is also on line 1",
            "line 3: 16C is under QOQ here but under QHM on line 1",
        ]

    def test_lenient_mode_skips_malformed_rows_with_reasons(self) -> None:
        """With strict=False, malformed rows are skipped and reported like the others."""
        text = row() + row("A81002", columns=20)
        result = EscalationNetwork.from_ods(stdio.StringIO(text), strict=False)
        assert [p.id for p in result.network.practices] == ["A81001"]
        assert [str(s) for s in result.skipped] == [
            "line 2 (A81002): malformed: expected 27 columns, got 20",
        ]

    def test_blank_lines_are_counted(self) -> None:
        """A blank line in the middle is skipped with a reason, not lost."""
        result = EscalationNetwork.from_ods(stdio.StringIO(row() + "\n" + row("A81002")))
        assert [str(s) for s in result.skipped] == ["line 2: blank line"]
        assert result.rows == 3

    def test_as_of_as_text(self) -> None:
        """as_of is a date, or YYYY-MM-DD text; anything else is refused."""
        given = EscalationNetwork.from_ods(SAMPLE, as_of="2015-06-01")
        assert given == EscalationNetwork.from_ods(SAMPLE, as_of=dt.date(2015, 6, 1))
        with pytest.raises(InvalidValueError, match="as_of: '2019-13-01'"):
            EscalationNetwork.from_ods(SAMPLE, as_of="2019-13-01")
        with pytest.raises(InvalidTypeError, match="as_of: got int 20190101"):
            EscalationNetwork.from_ods(SAMPLE, as_of=20190101)  # type: ignore[arg-type]

    def test_missing_file(self, tmp_path: Path) -> None:
        """A file that cannot be opened is a ParseError naming it."""
        with pytest.raises(ParseError, match="cannot open"):
            EscalationNetwork.from_ods(tmp_path / "epraccur.csv")


class TestNeverABuiltinError:
    """Issue 9: from_ods raised _csv.Error and TypeError; it now names the line."""

    def test_a_field_over_the_csv_limit(self) -> None:
        """A 200,000-character field is a problem on its line, not a _csv.Error."""
        text = row() + row("A81002", c2="X" * 200_000) + row("A81003")
        with pytest.raises(DocumentError, match="line 2: cannot read the line as CSV") as info:
            EscalationNetwork.from_ods(stdio.StringIO(text))
        assert len(str(info.value)) < 1000
        result = EscalationNetwork.from_ods(stdio.StringIO(text), strict=False)
        assert [p.id for p in result.network.practices] == ["A81001", "A81003"]
        assert str(result.skipped[0]).startswith("line 2: malformed: cannot read the line")

    def test_a_stray_carriage_return(self) -> None:
        """A carriage return inside an unquoted cell is reported by line."""
        text = row() + row("A81002").replace("A SURGERY", "A\rSURGERY")
        with pytest.raises(DocumentError, match="line 2: cannot read the line as CSV"):
            EscalationNetwork.from_ods(stdio.StringIO(text, newline="\n"))
        with pytest.raises(DocumentError, match="line 2: expected 27 columns, got 2"):
            EscalationNetwork.from_ods(stdio.StringIO(text, newline=""))

    def test_a_binary_stream(self) -> None:
        """A file opened in binary mode is a type error naming what is wanted."""
        with pytest.raises(InvalidTypeError, match="source: .*text file"):
            EscalationNetwork.from_ods(stdio.BytesIO(row().encode()))  # type: ignore[arg-type]

    @pytest.mark.parametrize("given", [42, None, ["L85001"], b"epraccur.csv"])
    def test_not_a_file(self, given: object) -> None:
        """Something that is neither a path nor a text file is an InvalidTypeError."""
        with pytest.raises(InvalidTypeError, match="source: got"):
            EscalationNetwork.from_ods(given)  # type: ignore[arg-type]

    def test_not_utf8(self, tmp_path: Path) -> None:
        """A file that is not UTF-8 is a ParseError naming the line."""
        path = tmp_path / "epraccur.csv"
        path.write_bytes(row().encode() + row("A81002").replace("A", "\xc9").encode("latin-1"))
        with pytest.raises(ParseError, match="epraccur.csv': not UTF-8 text"):
            EscalationNetwork.from_ods(path)

    def test_problems_are_capped(self) -> None:
        """Thousands of bad rows: 50 problems kept, the rest counted."""
        text = "".join(row(f"A{n:05d}", status="X") for n in range(1000))
        with pytest.raises(DocumentError) as info:
            EscalationNetwork.from_ods(stdio.StringIO(text))
        assert len(info.value.problems) == 50
        assert info.value.more == 950
        assert str(info.value).endswith("… and 950 more")

    def test_rows_are_streamed(self) -> None:
        """The reader takes rows from an iterator one at a time: a generator works."""

        class Lines:
            name = "generated.csv"
            read_calls = 0

            def read(self, size: int = -1) -> str:  # pragma: no cover - never called
                raise AssertionError("the whole file was read")

            def __iter__(self) -> Iterator[str]:
                for n in range(3):
                    yield row(f"A8100{n}")

        result = EscalationNetwork.from_ods(Lines())  # type: ignore[arg-type]
        assert result.rows == 3
        assert len(result.network.practices) == 3

    def test_repr_is_one_line(self) -> None:
        """An import's repr counts rows, practices and skipped rows."""
        result = EscalationNetwork.from_ods(SAMPLE)
        assert repr(result) == "<OdsImport with 10 rows, 5 practices and 5 skipped>"
