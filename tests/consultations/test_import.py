"""Reading a CSV export with a mapping: every unreadable row reported, none dropped."""

from __future__ import annotations

import datetime as dt
import io
import json
import os

from pathlib import Path

import pytest

from engagekit.consultations import (
    Consultation,
    ImportMapping,
    Question,
    Theme,
    load_mapping,
    read_responses,
)
from engagekit.errors import DocumentError, ParseError


CONSULTATION = Consultation(
    title="Clinic hours",
    start=dt.date(2016, 1, 4),
    end=dt.date(2016, 3, 28),
    questions=[
        Question(id="support", text="Agree?", kind="closed", choices=["Yes", "No"]),
        Question(id="when", text="When?", kind="multiple choice", choices=["Eve", "Sat"]),
        Question(id="why", text="Why?", kind="free text"),
    ],
)
THEMES = [Theme(id="parking", title="Parking")]
MAPPING = ImportMapping.from_dict(
    {
        "id": "Ref",
        "date": "Date",
        "channel": "online survey",
        "question": [
            {"id": "support", "column": "Q1", "values": {"Y": "Yes", "N": "No"}},
            {"id": "when", "column": "Q2", "separator": "|"},
            {"id": "why", "column": "Q3", "themes_column": "Codes"},
        ],
        "monitoring": {"sex": "Sex", "ethnicity": "Ethnic group"},
        "monitoring_values": {"sex": {"X": "other"}},
    }
)
HEADER = "Ref,Date,Q1,Q2,Q3,Codes,Sex,Ethnic group\n"


def _read(body: str, mapping: ImportMapping = MAPPING):
    return read_responses(io.StringIO(HEADER + body), mapping, CONSULTATION, themes=THEMES)


def test_a_clean_export_reads_every_row():
    result = _read(
        "1,2016-01-10,Y,Eve|Sat,No parking,parking,Female,Indian\n"
        "2,2016-02-01,N,,,,X,prefer not to say\n"
    )
    assert result.ok
    assert (result.rows, len(result.responses)) == (2, 2)
    first, second = result.responses
    assert first.answers == {"support": "Yes", "when": ("Eve", "Sat"), "why": "No parking"}
    assert first.themes == {"why": ("parking",)}
    assert first.date == dt.date(2016, 1, 10)
    assert [m.value for m in first.monitoring] == ["race", "sex"]
    assert first.monitoring[next(iter(first.monitoring))] == "asian-indian"
    assert {k.value: v for k, v in second.monitoring.items()} == {
        "race": "prefer-not-to-say",
        "sex": "other",
    }
    assert result.raise_for_findings() is result.responses


@pytest.mark.parametrize(
    ("row", "column", "message"),
    [
        ("1,2016-01-10,Maybe,,,,,", "Q1", "'Maybe' is not an answer closed question 'support'"),
        ("1,2016-01-10,Y,Eve|Sun,,,,", "Q2", "'Sun' is not an answer multiple choice question"),
        ("1,2016-05-10,Y,,,,,", "Date", "2016-05-10 is outside the consultation"),
        ("1,10/01/2016,Y,,,,,", "Date", "'10/01/2016' is not a date in the form YYYY-MM-DD"),
        ("1,2016-02-30,Y,,,,,", "Date", "'2016-02-30' is not a real date (day is out of range"),
        ("1,2016-13-01,Y,,,,,", "Date", "'2016-13-01' is not a real date (month must be in 1..12)"),
        ("1,2016-01-10,Y,,x,traffic,,", "Codes", "'traffic' is not a theme of the catalogue"),
        ("1,2016-01-10,Y,,,parking,,", "Codes", "themes tagged on a blank answer"),
        ("1,2016-01-10,Y,,,,Martian,", "Sex", "'Martian' is not a sex category"),
        (",2016-01-10,Y,,,,,", "Ref", "no response id"),
    ],
)
def test_each_bad_cell_is_reported_with_line_and_column(row, column, message):
    """The row is left out and reported at its line and column, with the value."""
    result = _read("0,2016-01-11,N,,,,,\n" + row + "\n")
    assert len(result.responses) == 1
    (finding,) = result.findings
    assert (finding.line, finding.column) == (3, column)
    assert message in finding.message
    assert result.rejected == (3,)


def test_surrounding_spaces_are_read_as_the_choice():
    """A closed answer with spaces around it is the choice (the cell is kept as given
    nowhere else: only its meaning is read)."""
    result = _read("1,2016-01-10, Y ,,,,,\n")
    assert result.ok
    assert result.responses.response("1").answers == {"support": "Yes"}


def test_a_cell_of_spaces_is_blank_and_an_id_with_spaces_is_the_id():
    """A free-text cell of spaces was read as an answer (and themes on it kept), and
    " 7 " as a second response beside "7": both in silence."""
    result = _read(
        "7,2016-01-10,Y,,   ,,,\n 7 ,2016-01-11,N,,,,,\n8,2016-01-12,N,,  ,parking,,\n"
        "9,2016-01-12,N,,  Too far  ,,,\n"
    )
    assert [str(f) for f in result.findings] == [
        "line 3, column 'Ref': duplicate response id '7' (first on line 2)",
        "line 4, column 'Codes': themes tagged on a blank answer",
    ]
    assert [(r.id, r.answers) for r in result.responses] == [
        ("7", {"support": "Yes"}),
        ("9", {"support": "No", "why": "Too far"}),
    ]


def test_a_byte_order_mark_before_the_header_is_not_part_of_the_first_column():
    """A spreadsheet's export opened as "utf-8" (not "utf-8-sig") starts with a BOM:
    the first column was reported missing, suggesting '\\ufeffRef'."""
    result = read_responses(
        io.StringIO("\ufeff" + HEADER + "1,2016-01-10,Y,,,,,\n"),
        MAPPING,
        CONSULTATION,
        themes=THEMES,
    )
    assert result.ok
    assert [r.id for r in result.responses] == ["1"]


def test_a_finding_names_the_line_its_row_starts_on():
    """A quoted cell with line breaks makes a row span lines: the finding named the
    row's last line, inside the cell above, not the line the row starts on."""
    result = _read('1,2016-01-10,Y,,"First line\nsecond line\nthird",,,\n2,2016-01-10,Maybe,,,,,\n')
    assert [str(f) for f in result.findings] == [
        (
            "line 5, column 'Q1': 'Maybe' is not an answer closed question 'support' offers "
            "('Yes', 'No'); map it under the question's values"
        )
    ]
    assert result.responses.response("1").answers["why"] == "First line\nsecond line\nthird"


def test_a_day_that_does_not_exist_is_not_called_the_wrong_form():
    """'31/02/2015' is in the mapping's form %d/%m/%Y; the finding said it was not."""
    mapping = ImportMapping.from_dict(
        {
            "id": "Ref",
            "date": "Date",
            "date_format": "%d/%m/%Y",
            "channel": "online survey",
            "question": [{"id": "support", "column": "Q1", "values": {"Y": "Yes"}}],
        }
    )
    result = read_responses(
        io.StringIO("Ref,Date,Q1\n1,30/02/2016,Y\n2,2016-02-01,Y\n"), mapping, CONSULTATION
    )
    assert [str(f) for f in result.findings] == [
        "line 2, column 'Date': '30/02/2016' is not a real date (day is out of range for month)",
        "line 3, column 'Date': '2016-02-01' is not a date in the form %d/%m/%Y",
    ]


def test_a_duplicate_response_id_is_reported_on_its_second_line():
    result = _read("7,2016-01-10,Y,,,,,\n7,2016-01-11,N,,,,,\n")
    assert [str(f) for f in result.findings] == [
        "line 3, column 'Ref': duplicate response id '7' (first on line 2)"
    ]
    with pytest.raises(DocumentError, match=r"line 3, column 'Ref': duplicate response id"):
        result.raise_for_findings()


def test_a_short_row_and_an_unmapped_column_are_reported():
    result = read_responses(
        io.StringIO("Ref,Date,Q1,Q2,Q3,Codes,Sex,Ethnic group,Browser\n1,2016-01-10\n"),
        MAPPING,
        CONSULTATION,
        themes=THEMES,
    )
    assert [(f.line, f.column, f.rejected) for f in result.findings] == [
        (1, "Browser", False),
        (2, None, True),
    ]
    assert "the row has 2 cells; the header has 9" in result.findings[1].message


def test_a_mapping_that_does_not_fit_the_file_or_consultation_is_refused():
    mapping = ImportMapping.from_dict(
        {
            "id": "Ref",
            "channel": "paper",
            "question": [{"id": "colour", "column": "Q1"}, {"id": "why", "column": "Q33"}],
        }
    )
    with pytest.raises(DocumentError, match=r"the consultation has no question 'colour'") as e:
        _read("", mapping)
    assert "$.question[1].column: no column 'Q33' in the header (did you mean 'Q3'?)" in str(
        e.value
    )


def test_a_mapping_value_that_is_not_a_choice_is_refused():
    mapping = ImportMapping.from_dict(
        {
            "id": "Ref",
            "channel": "paper",
            "question": [{"id": "support", "column": "Q1", "values": {"Y": "Yes please"}}],
            "ignore": ["Date", "Q2", "Q3", "Codes", "Sex", "Ethnic group"],
        }
    )
    with pytest.raises(DocumentError, match=r"values\.Y: 'Yes please' is not an answer"):
        _read("", mapping)


def test_bad_mapping_documents_are_refused_with_their_paths():
    with pytest.raises(DocumentError, match=r"\$\.colour: unknown key"):
        ImportMapping.from_dict({"id": "Ref", "channel": "paper", "colour": "red"})
    with pytest.raises(DocumentError, match=r"\$\.channel: .*'pigeon' is not allowed"):
        ImportMapping.from_dict({"id": "Ref", "channel": "pigeon"})
    with pytest.raises(DocumentError, match=r"\$\.monitoring_values\.sex\.X: 'nb' is not a"):
        ImportMapping.from_dict(
            {"id": "Ref", "channel": "paper", "monitoring_values": {"sex": {"X": "nb"}}}
        )


def test_shipped_mappings_load_and_json_works_too(tmp_path: Path):
    online, paper = load_mapping("online-survey"), load_mapping("paper-form")
    assert (online.channel.value if online.channel else None) == "online-consultation"
    assert paper.channel_column == "Source"
    assert len(online.monitoring) == len(paper.monitoring) == 9
    path = tmp_path / "m.json"
    path.write_text(json.dumps({"id": "Ref", "channel": "letter"}), encoding="utf-8")
    assert load_mapping(path).channel is not None


def test_a_csv_file_is_read_by_path(tmp_path: Path):
    path = tmp_path / "export.csv"
    path.write_text(HEADER + "1,2016-01-10,Y,,,,,\n", encoding="utf-8")
    result = read_responses(path, MAPPING, CONSULTATION, themes=THEMES)
    assert (result.origin, len(result.responses)) == (str(path), 1)


class _FsPath(os.PathLike[str]):
    """A path-like object that is not a ``pathlib.Path``, as other libraries hand out."""

    def __init__(self, path: Path) -> None:
        self._path = path

    def __fspath__(self) -> str:
        return str(self._path)

    def __str__(self) -> str:
        return str(self._path)


def test_any_path_like_object_is_read_as_a_path(tmp_path: Path):
    export = tmp_path / "export.csv"
    export.write_text(HEADER + "1,2016-01-10,Y,,,,,\n", encoding="utf-8")
    result = read_responses(_FsPath(export), MAPPING, CONSULTATION, themes=THEMES)
    assert (result.origin, len(result.responses)) == (str(export), 1)
    mapping = tmp_path / "m.json"
    mapping.write_text(json.dumps({"id": "Ref", "channel": "letter"}), encoding="utf-8")
    loaded = load_mapping(_FsPath(mapping))
    assert loaded.channel is not None
    assert loaded.channel.value == "letter"


def test_a_json_mapping_is_read_as_strictly_as_any_document(tmp_path: Path):
    """A JSON mapping with a key given twice or a NaN is refused, naming the file and
    the key, as `engagekit.io` refuses them; it was read with the last key kept."""
    twice = tmp_path / "twice.json"
    twice.write_text('{"id": "Ref", "channel": "letter", "channel": "paper"}', encoding="utf-8")
    with pytest.raises(
        ParseError, match=r"twice\.json: cannot read .*the key 'channel' is given twice"
    ):
        load_mapping(twice)
    nan = tmp_path / "nan.json"
    nan.write_text('{"id": NaN}', encoding="utf-8")
    with pytest.raises(ParseError, match=r"nan\.json: .*NaN is not a JSON number"):
        load_mapping(nan)
    with pytest.raises(ParseError, match=r"missing\.json': cannot open: "):
        load_mapping(tmp_path / "missing.json")


TICK_MAPPING = {
    "id": "Ref",
    "date": "Date",
    "channel": "online survey",
    "question": [
        {"id": "support", "column": "Q1", "values": {"Y": "Yes", "N": "No"}},
        {"id": "when", "columns": {"Evening": "Eve", "Saturday": "Sat"}},
    ],
}
TICKS = ImportMapping.from_dict(TICK_MAPPING)
TICK_HEADER = "Ref,Date,Q1,Evening,Saturday\n"


def _ticks(body: str, mapping: ImportMapping = TICKS):
    return read_responses(io.StringIO(TICK_HEADER + body), mapping, CONSULTATION)


def test_a_column_per_choice_counts_a_ticked_cell():
    result = _ticks("1,2016-01-10,Y,x,\n2,2016-01-11,N,,\n")
    assert result.ok
    assert [r.answers.get("when") for r in result.responses] == [("Eve",), None]


def test_an_unticked_word_in_a_column_per_choice_is_refused_not_counted():
    """An export writing "No" or "0" for an unticked box read as ticked: every
    respondent chose every option."""
    result = _ticks("1,2016-01-10,Y,Yes,No\n2,2016-01-11,N,1,0\n")
    rule = (
        "reads as not chosen, but a column per choice counts any cell that is not blank as"
        " chosen; list it under blank in the mapping if it means not chosen"
    )
    assert [str(f) for f in result.findings] == [
        f"line 2, column 'Saturday': 'No' {rule}",
        f"line 3, column 'Saturday': '0' {rule}",
    ]
    assert len(result.responses) == 0
    # Listed under blank, the same cells mean "not chosen".
    declared = ImportMapping.from_dict({**TICK_MAPPING, "blank": ["No", "0"]})
    result = _ticks("1,2016-01-10,Y,Yes,No\n2,2016-01-11,N,1,0\n", declared)
    assert result.ok
    assert [r.answers["when"] for r in result.responses] == [("Eve",), ("Eve",)]
