"""Reading the NHS ODS GP practice file, epraccur.csv (27 columns, no header)."""

from __future__ import annotations

import datetime as dt
import io as stdio
import re

from collections.abc import Iterator
from pathlib import Path

import pytest

from engagekit import render
from engagekit.errors import (
    DocumentError,
    GraphStructureError,
    InvalidTypeError,
    InvalidValueError,
    ParseError,
)
from engagekit.escalation import BodyKind, EscalationNetwork, Nations, Tier


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


def test_a_code_used_in_two_columns_is_refused_naming_it() -> None:
    """A practice coded as another row's commissioner makes two bodies with one id."""
    with pytest.raises(GraphStructureError) as exc:
        EscalationNetwork.from_ods(stdio.StringIO(row("A81001") + row("16C")))
    assert str(exc.value) == "two bodies share the id: 16C"


@pytest.mark.parametrize("text", ["", "\n", "\n,,\n\n"])
def test_a_file_with_no_rows_is_refused_not_read_as_no_practices(text: str) -> None:
    """An empty or blank download read as an area with no practices would be silently wrong."""
    with pytest.raises(ParseError) as exc:
        EscalationNetwork.from_ods(stdio.StringIO(text))
    assert str(exc.value) == "cannot read '<epraccur.csv>': no rows: the file is empty"


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
            BodyKind.SUB_ICB_LOCATION,
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
        with pytest.raises(
            DocumentError,
            match=r"<epraccur\.csv>: 2 problems\n  line 2: expected 27 columns, got 26",
        ) as info:
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
            (
                row(c16="2020-04-01"),
                "column 16 (Join Provider/Purchaser Date) '2020-04-01' is not a YYYYMMDD date",
            ),
            (
                row(c16="20200231"),
                "column 16 (Join Provider/Purchaser Date) '20200231' is not a YYYYMMDD date",
            ),
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
        with pytest.raises(
            DocumentError,
            match=r"<epraccur\.csv>: 2 problems\n  line 2: practice A81001 is also on line 1",
        ) as info:
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
        with pytest.raises(
            DocumentError,
            match=r"<epraccur\.csv>: 1000 problems\n  line 1: column 13 \(Status Code\) 'X'",
        ) as info:
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


HISTORY = Path(__file__).with_name("data") / "epraccur-history.csv"


class TestHistoricReads:
    """Issue 11: rows of closed practices carry the parents in force when they closed."""

    def test_a_closed_practice_under_an_old_region_does_not_fail_the_read(self) -> None:
        """Q74 is under Y54 on a closed practice's row, under Y63 on open ones: Y63 kept."""
        result = EscalationNetwork.from_ods(HISTORY, as_of=dt.date(2018, 6, 1))
        net = result.network
        assert sorted(p.id for p in net.practices) == [
            "A81001",
            "A81002",
            "A81005",
            "B82005",
            "C81004",
        ]
        assert [b.id for b in net.route("A81005")] == ["16C", "Q74", "Y63", "england"]
        assert [str(w) for w in result.warnings] == [
            (
                "line 3: Q74 is under Y54 here but under Y63 on line 1; "
                "kept Y63 (rows of practices not closed decide)"
            )
        ]
        warning = result.warnings[0]
        assert (warning.code, warning.parent, warning.kept, warning.kept_line) == (
            "Q74",
            "Y54",
            "Y63",
            1,
        )
        assert "Y54" not in {b.id for b in net.bodies}

    def test_closed_practices_only_the_one_closed_last_decides(self) -> None:
        """QJ2 is given only by closed practices' rows: the one closed in 2018 decides."""
        result = EscalationNetwork.from_ods(HISTORY, as_of="2017-01-01")
        assert [b.id for b in result.network.route("C81003")] == ["15M", "QJ2", "Y61", "england"]
        assert str(result.warnings[1]) == (
            "line 5: QJ2 is under Y60 here but under Y61 on line 6; "
            "kept Y61 (the practice closed last, on 2018-09-30, decides)"
        )
        assert {b.id for b in result.network.bodies} >= {"Y61", "Y63"}
        assert "Y60" not in {b.id for b in result.network.bodies}

    def test_today_the_file_has_no_conflict(self) -> None:
        """Without as_of only active practices are read, and they agree."""
        result = EscalationNetwork.from_ods(HISTORY)
        assert result.warnings == ()
        assert sorted(p.id for p in result.network.practices) == ["A81001", "A81002", "B82005"]

    def test_open_practices_that_disagree_are_an_error_when_strict(self) -> None:
        """Two practices not closed putting 16C under two ICBs is a structured problem."""
        text = row() + row("A81002") + row("A81009", c4="QOQ") + row("A81010", c4="QOQ")
        with pytest.raises(DocumentError, match="16C is under QOQ") as info:
            EscalationNetwork.from_ods(stdio.StringIO(text))
        [problem] = info.value.problems
        assert problem.path == "line 3"
        assert (
            problem.message == "16C is under QOQ here (and on 1 more line) but under QHM on line 1"
        )
        assert problem.value == "QOQ"

    def test_lenient_keeps_the_first_parent_and_warns(self) -> None:
        """strict=False keeps every practice; the first open row's parent wins."""
        text = row() + row("A81009", c4="QOQ") + row("A81010", c4="QOQ")
        result = EscalationNetwork.from_ods(stdio.StringIO(text), strict=False)
        assert len(result.network.practices) == 3
        assert [b.id for b in result.network.route("A81009")] == ["16C", "QHM", "Y63", "england"]
        assert [str(w) for w in result.warnings] == [
            (
                "line 2: 16C is under QOQ here (and on 1 more line) but under QHM on line 1; "
                "kept QHM (the first row of a practice not closed decides)"
            )
        ]
        assert result.skipped == ()
        assert "1 warning" in render.text(result)

    def test_markdown_shows_the_summary_skipped_rows_and_warnings(self) -> None:
        """`render.markdown` of an import: its summary line, the skipped rows by reason
        as a table (the HTML's columns), then the warnings as a list, capped as in text."""
        result = EscalationNetwork.from_ods(SAMPLE)
        assert render.markdown(result) == (
            "10 rows read; 5 practices; 5 rows skipped; kinds as on 2025-01-01 "
            "(sub-ICB locations and ICBs)\n\n"
            "| Skipped because | Rows |\n|---|---|\n"
            "| no commissioner recorded | 1 |\n| prescribing setting 2 | 1 |\n"
            "| status C | 1 |\n| status D | 1 |\n| status P | 1 |"
        )
        text = "".join(
            row(f"A{n:05d}", c15=f"{n:03d}") + row(f"B{n:05d}", c15=f"{n:03d}", c4="QOQ")
            for n in range(25)
        )
        lenient = EscalationNetwork.from_ods(stdio.StringIO(text), strict=False)
        shown = render.markdown(lenient).split("\n\n")
        assert shown[0].startswith("50 rows read; 50 practices; 0 rows skipped; 25 warnings; ")
        # No row skipped: no empty table (it printed one, headers only).
        warnings = shown[2].splitlines()
        assert shown[1] == "Warnings (a body given two parents; one kept by rule):"
        assert warnings[0] == f"- {lenient.warnings[0]}"
        assert len(warnings) == 21
        assert warnings[-1] == "- … and 5 more"

    def test_notebooks_show_the_summary_skipped_rows_and_warnings(self) -> None:
        """The HTML was the skipped rows' table alone, the summary squeezed into its
        caption: a notebook showed no warning, and an empty table when none was
        skipped. It now shows what text and Markdown show."""
        cell = ' style="text-align:left;vertical-align:top"'
        assert EscalationNetwork.from_ods(SAMPLE)._repr_html_() == (
            '<div class="engagekit"><p>10 rows read; 5 practices; 5 rows skipped; kinds as on'
            " 2025-01-01 (sub-ICB locations and ICBs)</p>"
            '<table class="engagekit"><caption>Rows skipped</caption><thead><tr>'
            f'<th scope="col"{cell}>Skipped because</th><th scope="col"{cell}>Rows</th>'
            "</tr></thead><tbody>"
            f"<tr><td{cell}>no commissioner recorded</td><td{cell}>1</td></tr>"
            f"<tr><td{cell}>prescribing setting 2</td><td{cell}>1</td></tr>"
            f"<tr><td{cell}>status C</td><td{cell}>1</td></tr>"
            f"<tr><td{cell}>status D</td><td{cell}>1</td></tr>"
            f"<tr><td{cell}>status P</td><td{cell}>1</td></tr>"
            "</tbody></table></div>"
        )
        text = row() + row("A81009", c4="QOQ") + row("A81010", c4="QOQ")
        lenient = EscalationNetwork.from_ods(stdio.StringIO(text), strict=False)
        shown = lenient._repr_html_()
        assert "<table" not in shown
        assert shown.endswith(
            "<p>Warnings (a body given two parents; one kept by rule):</p><ul>"
            "<li>line 2: 16C is under QOQ here (and on 1 more line) but under QHM on line 1;"
            " kept QHM (the first row of a practice not closed decides)</li></ul></div>"
        )

    def test_the_strict_error_is_capped_and_readable(self) -> None:
        """Thousands of conflicts: 50 problems kept, each on its own short line."""
        text = "".join(
            row(f"A{n:05d}", c15=f"{n:03d}") + row(f"B{n:05d}", c15=f"{n:03d}", c4="QOQ")
            for n in range(200)
        )
        with pytest.raises(
            DocumentError, match=r"<epraccur\.csv>: 200 problems\n  line 2: 000 is under QOQ here"
        ) as info:
            EscalationNetwork.from_ods(stdio.StringIO(text))
        assert len(info.value.problems) == 50
        assert info.value.more == 150
        assert info.value.problems[0].path == "line 2"
        assert max(len(line) for line in str(info.value).splitlines()) < 100
        lenient = EscalationNetwork.from_ods(stdio.StringIO(text), strict=False)
        assert len(lenient.warnings) == 200
        shown = render.text(lenient).splitlines()
        assert shown[-1] == "  … and 180 more"
        assert max(len(line) for line in shown) < 150

    def test_conflicts_and_malformed_rows_are_reported_in_line_order(self) -> None:
        """One error lists bad rows and conflicts together, by line."""
        text = row() + row("A81009", c4="QOQ") + row("A81010", status="X")
        with pytest.raises(
            DocumentError, match=r"<epraccur\.csv>: 2 problems\n  line 2: 16C is under QOQ here"
        ) as info:
            EscalationNetwork.from_ods(stdio.StringIO(text))
        assert [p.path for p in info.value.problems] == ["line 2", "line 3"]

    def test_repr_counts_warnings(self) -> None:
        """The import's one-line repr counts its warnings."""
        result = EscalationNetwork.from_ods(HISTORY, as_of="2018-06-01")
        assert repr(result) == "<OdsImport with 10 rows, 5 practices, 5 skipped and 1 warning>"


class TestWales:
    """Issue 11: Welsh practices belong to NHS Wales local health boards."""

    def test_welsh_rows_are_skipped_by_default_with_a_reason(self) -> None:
        """No Q99 'ICB' and no W00 'NHS England region' in an English build."""
        result = EscalationNetwork.from_ods(HISTORY)
        ids = {b.id for b in result.network.bodies}
        assert ids.isdisjoint({"W00", "Q99", "7A1", "7A3", "W00001"})
        assert "line 8 (W00001): in Wales (National Grouping W00); nations='both' keeps it" in [
            str(s) for s in result.skipped
        ]
        assert result.skipped_by_reason()["in Wales"] == 2
        kinds = [b.kind for b in result.network.bodies]
        # The file's latest date is 2019-03-31: before ICBs, so Q74 is a local office
        # (NHS England North (Cumbria and North East)) and QOQ an STP.
        assert result.era == dt.date(2019, 3, 31)
        assert kinds.count(BodyKind.INTEGRATED_CARE_BOARD) == 0
        assert kinds.count(BodyKind.AREA_TEAM) == 1
        assert kinds.count(BodyKind.SUSTAINABILITY_AND_TRANSFORMATION_PARTNERSHIP) == 1
        assert kinds.count(BodyKind.REGION) == 1

    def test_both_nations_each_under_its_own_structure(self) -> None:
        """A Welsh practice goes to its local health board and NHS Wales."""
        net = EscalationNetwork.from_ods(HISTORY, nations="both").network
        assert [b.id for b in net.route("W00001")] == ["7A1", "wales"]
        assert [b.kind for b in net.route("W00002")] == [
            BodyKind.LOCAL_HEALTH_BOARD,
            BodyKind.NHS_WALES,
        ]
        assert net.body("7A3").tier is Tier.SYSTEM
        assert [b.id for b in net.top] == ["england", "wales"]
        systems = [b.id for b in net.bodies if b.tier is Tier.SYSTEM and not b.kind.is_welsh]
        assert systems == ["Q74", "QOQ"]
        regions = [b.id for b in net.bodies if b.kind is BodyKind.REGION]
        assert regions == ["Y63"]
        assert "Q99" not in {b.id for b in net.bodies}

    def test_wales_only(self) -> None:
        """nations='wales' keeps the Welsh practices and skips the English ones."""
        result = EscalationNetwork.from_ods(HISTORY, nations=Nations.WALES)
        assert [p.id for p in result.network.practices] == ["W00001", "W00002"]
        assert result.skipped_by_reason()["in England"] == 3
        assert [b.id for b in result.network.top] == ["wales"]

    def test_welsh_bodies_are_not_bound_by_english_duties(self) -> None:
        """A local health board has no duty of an ICB or NHS England."""
        net = EscalationNetwork.from_ods(HISTORY, nations="both").network
        bound = net.duties(on="2023-01-01")
        assert bound.of("7A1").body_type is None
        assert bound.of("7A1").reason == (
            "NHS Wales: engagekit models the duties of the NHS in England"
        )
        assert bound.of("wales").body_type is None

    def test_a_welsh_board_is_the_welsh_practice_aggregate(self) -> None:
        """Feedback at Welsh practices counts at their board, at the system tier."""
        net = EscalationNetwork.from_ods(HISTORY, nations="both").network
        assert net.aggregate(["W00001", "W00002", "A81001"], to=Tier.SYSTEM) == {
            "7A1": 1,
            "7A3": 1,
            "Q74": 1,
            "QOQ": 0,
        }

    def test_nations_is_checked(self) -> None:
        """An unknown nation is refused, naming the choices."""
        with pytest.raises(InvalidValueError, match="nations: 'scotland'"):
            EscalationNetwork.from_ods(HISTORY, nations="scotland")


def test_a_network_read_from_a_path_is_named_by_its_file_not_its_folders(tmp_path: Path) -> None:
    """The network's name says what it is; the errors name the whole path."""
    import engagekit.examples

    shipped = Path(engagekit.examples.__file__).parent / "data" / "epraccur-extract.csv"
    copy = tmp_path / "deep" / "folder" / "epraccur.csv"
    copy.parent.mkdir(parents=True)
    copy.write_text(shipped.read_text(encoding="utf-8"), encoding="utf-8")
    assert EscalationNetwork.from_ods(copy).network.name == "GP practices from epraccur.csv"
    assert EscalationNetwork.from_ods(copy, as_of="2020-01-01").network.name == (
        "GP practices from epraccur.csv open on 2020-01-01"
    )
    text = stdio.StringIO(shipped.read_text(encoding="utf-8"))
    assert EscalationNetwork.from_ods(text).network.name == "GP practices from <epraccur.csv>"
    copy.write_text("not,an,ods,file\n", encoding="utf-8")
    with pytest.raises(DocumentError, match=f"^{re.escape(str(copy))}: "):
        EscalationNetwork.from_ods(copy)


def test_a_lenient_reads_malformed_rows_are_listed_by_line() -> None:
    """With strict=False the report counted malformed rows by reason alone,
    "malformed: column 15: 1", so the row could not be found in the file."""
    text = row("A81001") + row("A81002", c15="1 6C") + row("A81003", columns=4)
    result = EscalationNetwork.from_ods(stdio.StringIO(text), strict=False)
    assert render.text(result).splitlines()[1:] == [
        "  malformed: column 15: 1",
        "  malformed: expected 27 columns: 1",
        "Malformed rows (skipped):",
        (
            "  line 2 (A81002): malformed: column 15 (Commissioner) '1 6C' is not an ODS code: "
            "3 to 8 upper-case"
        ),
        "      letters and digits",
        "  line 3 (A81003): malformed: expected 27 columns, got 4",
    ]
    assert render.markdown(result).endswith(
        "Malformed rows (skipped):\n\n"
        "- line 2 (A81002): malformed: column 15 (Commissioner) '1 6C' is not an ODS code: "
        "3 to 8 upper-case letters and digits\n"
        "- line 3 (A81003): malformed: expected 27 columns, got 4"
    )
    assert (
        "<p>Malformed rows (skipped):</p><ul><li>line 2 (A81002): malformed: column 15"
        in render.html(result)
    )


ECCG = Path(__file__).with_name("data") / "eccg-icbs.csv"


@pytest.mark.parametrize("strict", [True, False])
def test_an_organisation_file_of_names_is_refused_whole(strict: bool) -> None:
    """eccg.csv has epraccur.csv's 27 columns but no status or prescribing setting:
    each row was refused (or, lenient, skipped) as malformed, where the file is one
    to pass as `names`."""
    with pytest.raises(DocumentError) as exc:
        EscalationNetwork.from_ods(ECCG, strict=strict)
    assert [(p.path, p.message) for p in exc.value.problems] == [
        (
            "line 1",
            (
                "not the epraccur.csv layout: no status in column 13 and no prescribing "
                "setting in column 26: this looks like an ODS organisation file of names "
                "(eccg.csv, eauth.csv, ...); pass it as names= (--names)"
            ),
        )
    ]
    assert exc.value.origin == str(ECCG)


def test_an_organisation_row_after_practices_is_one_malformed_row() -> None:
    """Only a file that starts in the organisation file's layout is taken for one."""
    names_row = ECCG.read_text(encoding="utf-8").splitlines()[0]
    with pytest.raises(DocumentError) as exc:
        EscalationNetwork.from_ods(stdio.StringIO(row() + names_row + "\n"))
    assert [(p.path, p.message) for p in exc.value.problems] == [
        (
            "line 2",
            (
                "column 13 (Status Code) '' is not one of A, C, D, P; column 26 "
                "(Prescribing Setting) '' is not a number"
            ),
        )
    ]


JOINED = Path(__file__).with_name("data") / "epraccur-joined.csv"


class TestJoinDate:
    """Column 16, Join Provider/Purchaser Date: the day a practice joined the body in
    its Commissioner column (column 15)."""

    def test_an_unreadable_join_date_makes_the_row_malformed(self) -> None:
        """Line 4's join date is written 2020-04-01: named by line and column, strictly."""
        with pytest.raises(DocumentError) as info:
            EscalationNetwork.from_ods(JOINED)
        assert [str(p) for p in info.value.problems] == [
            ("line 4: column 16 (Join Provider/Purchaser Date) '2020-04-01' is not a YYYYMMDD date")
        ]

    def test_lenient_reading_skips_the_row_with_its_reason(self) -> None:
        result = EscalationNetwork.from_ods(JOINED, strict=False)
        assert sorted(p.id for p in result.network.practices) == ["A81001", "A81004", "A81007"]
        assert [str(r) for r in result.skipped] == [
            (
                "line 4 (A81009): malformed: column 16 (Join Provider/Purchaser Date) "
                "'2020-04-01' is not a YYYYMMDD date"
            )
        ]

    def test_the_join_date_is_one_of_the_files_dates(self) -> None:
        """The file's date (its era) is its latest open, close or join date."""
        assert EscalationNetwork.from_ods(JOINED, strict=False).era == dt.date(2020, 4, 1)

    def test_before_its_join_date_a_practice_is_left_out_with_its_reason(self) -> None:
        """On 2019-06-01 A81004 was open but not yet under 16C (it joined on
        2020-04-01), and the file does not say which body commissioned it then: the
        row is skipped, not read as 16C's. An empty join date places a practice from
        any date, as before."""
        result = EscalationNetwork.from_ods(JOINED, as_of="2019-06-01", strict=False)
        assert sorted(p.id for p in result.network.practices) == ["A81001", "A81007"]
        assert [str(r) for r in result.skipped] == [
            (
                "line 2 (A81004): commissioner not known on 2019-06-01 "
                "(joined its commissioner on 2020-04-01)"
            ),
            (
                "line 4 (A81009): malformed: column 16 (Join Provider/Purchaser Date) "
                "'2020-04-01' is not a YYYYMMDD date"
            ),
        ]
        assert result.skipped_by_reason() == {
            "commissioner not known on 2019-06-01": 1,
            "malformed: column 16": 1,
        }
        assert len(result.network.practices) + len(result.skipped) == result.rows

    def test_from_its_join_date_a_practice_is_under_its_commissioner(self) -> None:
        result = EscalationNetwork.from_ods(JOINED, as_of="2020-04-01", strict=False)
        assert [b.id for b in result.network.route("A81004")] == ["16C", "QHM", "Y63", "england"]
        assert [r.code for r in result.skipped] == ["A81009"]

    def test_a_practice_not_open_is_skipped_as_not_open(self) -> None:
        """A practice not open on the date says so, whatever its join date."""
        text = row(open_="20210101", c16="20210101")
        result = EscalationNetwork.from_ods(stdio.StringIO(text), as_of="2020-01-01")
        assert [str(r) for r in result.skipped] == [
            "line 1 (A81001): not open on 2020-01-01 (opened 2021-01-01)"
        ]

    def test_on_and_after_its_leaving_date_a_practice_is_left_out_with_its_reason(
        self,
    ) -> None:
        """Column 17, Left Provider/Purchaser Date, ends the row's commissioner: from
        that day the file does not say which body commissioned the practice, so on a
        date on or after it the row is skipped, not read as 16C's; the day before, it
        is placed."""
        text = row(c16="20130401", c17="20200401")
        before = EscalationNetwork.from_ods(stdio.StringIO(text), as_of="2020-03-31")
        assert [b.id for b in before.network.route("A81001")] == ["16C", "QHM", "Y63", "england"]
        after = EscalationNetwork.from_ods(stdio.StringIO(text), as_of="2020-04-01")
        assert [str(r) for r in after.skipped] == [
            (
                "line 1 (A81001): commissioner not known on 2020-04-01 "
                "(left its commissioner on 2020-04-01)"
            )
        ]
        assert after.network.practices == ()

    def test_an_unreadable_leaving_date_makes_the_row_malformed(self) -> None:
        with pytest.raises(DocumentError) as info:
            EscalationNetwork.from_ods(stdio.StringIO(row(c17="1/4/2020")))
        assert [str(p) for p in info.value.problems] == [
            "line 1: column 17 (Left Provider/Purchaser Date) '1/4/2020' is not a YYYYMMDD date"
        ]

    def test_the_leaving_date_is_one_of_the_files_dates(self) -> None:
        text = row(c16="20130401", c17="20210401", close="20210401", status="C") + row("A81002")
        assert EscalationNetwork.from_ods(stdio.StringIO(text)).era == dt.date(2021, 4, 1)

    def test_without_as_of_the_join_date_keeps_no_practice_out(self) -> None:
        """Read as the file stands, every practice is under the commissioner it joined."""
        text = row(c16="20240401")
        result = EscalationNetwork.from_ods(stdio.StringIO(text))
        assert [p.id for p in result.network.practices] == ["A81001"]
        assert result.skipped == ()


def _own_icb_rows() -> str:
    """Two sample rows, the second's commissioner (column 15) coded QHM, the ICB code
    both rows give in column 4."""
    rows = SAMPLE.read_text().splitlines(keepends=True)[:2]
    cells = rows[1].rstrip("\n").split(",")
    cells[14] = '"QHM"'
    rows[1] = ",".join(cells) + "\n"
    return "".join(rows)


def test_a_commissioner_coded_as_its_own_icb_is_refused_naming_it() -> None:
    """Read leniently, the conflict over QHM's parent was resolved by rule and the
    reader then looked up the kept parent, region Y63, as an ICB: a KeyError. The code
    in two columns is refused as two bodies with one id are; read strictly, the
    conflict is the error, by line."""
    with pytest.raises(GraphStructureError) as lenient:
        EscalationNetwork.from_ods(stdio.StringIO(_own_icb_rows()), strict=False)
    assert str(lenient.value) == "two bodies share the id: QHM"
    with pytest.raises(DocumentError) as strict:
        EscalationNetwork.from_ods(stdio.StringIO(_own_icb_rows()), strict=True)
    assert "line 2: QHM is under QHM here but under Y63 on line 1" in str(strict.value)
