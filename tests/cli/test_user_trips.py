"""What a new user trips over on the command line: each case is one message on
stderr naming what was wrong and where, exit 2, and nothing given is dropped."""

from __future__ import annotations

import errno
import io as stdio
import sys

import pytest

from engagekit import ENGAGEMENT_CYCLE, examples, io, render, techniques
from engagekit.cli import main


def run(*argv: str) -> tuple[int, str]:
    out = stdio.StringIO()
    status = main(list(argv), out=out)
    return status, out.getvalue()


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["report", "somerset-2011", "--year", "2011", "--year", "2012"],
            (
                "engagekit report: error: argument --year: given twice (--year 2011 and --year 2012);"
                " give it once\n"
            ),
        ),
        (
            ["cycle", "--format", "text", "--format", "json"],
            (
                "engagekit cycle: error: argument --format: given twice (--format text and"
                " --format json); give it once\n"
            ),
        ),
        (
            ["duties", "--body", "icb", "--on", "2020-01-01", "--on", "2024-01-01"],
            (
                "engagekit duties: error: argument --on: given twice (--on 2020-01-01 and"
                " --on 2024-01-01); give it once\n"
            ),
        ),
        (
            ["network", "--diff", "a.csv", "b.csv", "--diff", "c.csv", "d.csv"],
            (
                "engagekit network: error: argument --diff: given twice (--diff a.csv b.csv and"
                " --diff c.csv d.csv); give it once\n"
            ),
        ),
    ],
)
def test_an_option_given_twice_is_refused_not_overwritten(argv, message, capsys):
    """argparse keeps the last of a repeated option and drops the first without a
    word: `report --year 2011 --year 2012` reported on 2012/13."""
    assert run(*argv) == (2, "")
    assert capsys.readouterr().err == message


def test_json_and_another_format_conflict(capsys):
    """`--json --format markdown` printed Markdown, dropping the --json asked for."""
    assert run("cycle", "--json", "--format", "markdown") == (2, "")
    assert capsys.readouterr().err == (
        "engagekit cycle: warning: --json is deprecated; use --format json\n"
        "engagekit cycle: error: argument --format: given twice (--json and --format markdown);"
        " give it once\n"
    )


def test_repeatable_options_still_repeat():
    """--applies (and --names) are meant to be repeated."""
    status, text = run(
        "check",
        "icb-annual-reports",
        "--body",
        "icb",
        "--on",
        "2024-06-30",
        "--applies",
        "service-impact",
        "--applies",
        "bed-closures",
        "--format",
        "json",
    )
    assert status == 1
    assert '"service-impact",\n      "bed-closures"' in text


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["network", "sutton", "--as-of", "2020-01-01"],
            "engagekit network: error: --as-of 2020-01-01: only applies with --ods or --pcn\n",
        ),
        (
            [
                "network",
                "--ods",
                "x.csv",
                "--diff",
                "2015-01-01",
                "2020-01-01",
                "--as-of",
                "2016-01-01",
            ],
            "engagekit network: error: --as-of 2016-01-01: --diff gives the two dates\n",
        ),
        (
            ["network", "sutton", "--lenient"],
            "engagekit network: error: --lenient: only applies with --ods or --pcn\n",
        ),
        (
            ["network", "sutton", "--strict"],
            "engagekit network: error: --strict: only applies with --ods or --pcn\n",
        ),
        (
            ["network", "sutton", "--ods", "x.csv"],
            "engagekit network: error: NAME 'sutton' and --ods FILE: give one, not both\n",
        ),
    ],
)
def test_a_misplaced_option_is_a_usage_error(argv, message, capsys):
    """The date was shown as Python's repr, datetime.date(2020, 1, 1), and these
    read as bad values ("--lenient: '--lenient' is not allowed", "network: 'sutton'
    is not allowed") rather than as options that do not go together."""
    assert run(*argv) == (2, "")
    assert capsys.readouterr().err == message


def test_as_of_before_the_first_ccgs_is_refused_as_typed(capsys):
    """A 2010 read put each practice under a CCG, three years before there were any."""
    from pathlib import Path

    epraccur = Path(__file__).parents[1] / "escalation" / "data" / "epraccur-2021.csv"
    assert run("network", "--ods", str(epraccur), "--as-of", "2010-01-01") == (2, "")
    assert capsys.readouterr().err == (
        "engagekit network: error: --as-of 2010-01-01: is before 2013-04-01, when clinical "
        "commissioning groups took over from primary care trusts; epraccur.csv names an "
        "English practice's commissioner only from then, so it cannot say who commissioned "
        "one on 2010-01-01 (give a later date, or read the Welsh practices alone: --nations wales)\n"
    )


def test_the_refusal_before_the_first_ccgs_is_the_librarys_with_the_option(capsys):
    """The command said the library's refusal with "--nations wales" spliced into a
    phrase of it: a rewording of the library's reason would have dropped the option
    without a word. The command's message is the library's reason, the option added."""
    from pathlib import Path

    from engagekit.errors import InvalidValueError
    from engagekit.escalation import EscalationNetwork

    epraccur = Path(__file__).parents[1] / "escalation" / "data" / "epraccur-2021.csv"
    with pytest.raises(InvalidValueError, match="^as_of: ") as exc:
        EscalationNetwork.from_ods(epraccur, as_of="2010-01-01", nations="both")
    reason = exc.value.reason
    assert reason is not None
    assert reason.endswith(", or read the Welsh practices alone)")
    argv = ["network", "--ods", str(epraccur), "--as-of", "2010-01-01", "--nations", "both"]
    assert run(*argv) == (2, "")
    assert capsys.readouterr().err == (
        f"engagekit network: error: --as-of 2010-01-01: {reason.removesuffix(')')}: "
        "--nations wales)\n"
    )
    # Read alone, the Welsh practices are not refused the date: their boards are in
    # the file. Each is placed from the day it joined its board (2013-04-01 in this
    # file), so on 2010-01-01 none is, and the report says why.
    status, text = run(
        "network", "--ods", str(epraccur), "--as-of", "2010-01-01", "--nations", "wales"
    )
    assert status == 0
    assert "0 practices" in text
    assert "  commissioner not known on 2010-01-01: 2\n" in text


EPRACCUR_ROW = (
    '"A81001","THE EXAMPLE SURGERY","Y63","QHM","1 HIGH STREET","","","","","TS18 1HU",'
    '"19740401","","A","B","16C","20130401","","01234 567890","","","","0","","","","4",""\n'
)
EVIDENCE = (
    '[[evidence]]\nid = "annual-report"\nwhat = "Annual report 2023/24"\n'
    'date = 2024-06-27\nkind = "annual-report"\nsupports = ["nhs-act-s14z58/explain-duties"]\n'
)


def test_a_utf8_byte_order_mark_is_read_past(tmp_path):
    """Excel's "CSV UTF-8" and Notepad start a file with a byte order mark: the first
    code read '\\ufeff"A81001"' is not an ODS code, and a TOML or JSON file's first key
    was not TOML ("Invalid statement") or not JSON ("Unexpected UTF-8 BOM")."""
    epraccur = tmp_path / "epraccur.csv"
    epraccur.write_bytes(EPRACCUR_ROW.encode("utf-8-sig"))
    status, text = run("network", "--ods", str(epraccur), "--format", "json")
    assert status == 0
    assert '"id": "A81001"' in text
    evidence = tmp_path / "evidence.toml"
    evidence.write_bytes(EVIDENCE.encode("utf-8-sig"))
    status, text = run("check", str(evidence), "--body", "icb", "--on", "2024-06-30")
    assert status == 1
    assert "MET            nhs-act-s14z58/explain-duties" in text
    decision = tmp_path / "decision.json"
    decision.write_bytes(io.dumps(examples.unproportionate_service_change()).encode("utf-8-sig"))
    status, text = run("evaluate", str(decision))
    assert status == 1
    assert "Move the community minor injuries unit" in text


@pytest.mark.parametrize("command", [["network", "--ods"], ["network", "--pcn"], ["plan"]])
def test_latin1_bytes_are_named_by_line_and_byte(command, tmp_path, capsys):
    """A latin-1 file was "not UTF-8 text; open the file with its encoding and pass
    it" (advice for Python callers, and no place in the file), or "(byte 1507: b'\\xc9')"."""
    path = tmp_path / "latin1.csv"
    path.write_bytes(
        EPRACCUR_ROW.encode() + EPRACCUR_ROW.replace("EXAMPLE", "CAFÉ").encode("latin-1")
    )
    assert run(*command, str(path)) == (2, "")
    assert capsys.readouterr().err == (
        f"engagekit: error: cannot read {str(path)!r}: not UTF-8 text: line 2, byte 18 is 0xC9;"
        " save the file as UTF-8\n"
    )


@pytest.mark.parametrize(
    ("name", "command"),
    [
        ("epraccur.csv", ["network", "--ods"]),
        ("epcn.csv", ["network", "--pcn"]),
        ("evidence.toml", ["check", "--body", "icb", "--on", "2024-06-30"]),
        ("decision.json", ["evaluate"]),
    ],
)
def test_utf16_is_named_as_utf16(name, command, tmp_path, capsys):
    """UTF-16 (Excel's "Unicode text") read as "not UTF-8 text (byte 0: b'\\xff')"."""
    path = tmp_path / name
    path.write_bytes(EPRACCUR_ROW.encode("utf-16"))
    split = 2 if command[0] == "network" else 1
    assert run(*command[:split], str(path), *command[split:]) == (2, "")
    assert capsys.readouterr().err == (
        f"engagekit: error: cannot read {str(path)!r}: not UTF-8 text but UTF-16 (a byte order"
        " mark says so); save the file as UTF-8\n"
    )


EPCN_ROW = (
    '"A81001","THE EXAMPLE SURGERY","16C","NHS NORTH EAST AND NORTH CUMBRIA ICB - 16C",'
    '"U00001","RIVERSIDE PCN","16C","NHS NORTH EAST AND NORTH CUMBRIA ICB - 16C","20190701",'
    '"",""\n'
)


@pytest.mark.parametrize("lenient", [[], ["--lenient"]])
def test_the_epcn_file_given_to_ods_says_which_file_it_is(lenient, tmp_path, capsys):
    """The ePCN file given to --ods was "expected 27 columns, got 11" once per row
    (and with --lenient an empty network, every row skipped), where the ePCN reader
    given epraccur.csv says to read it with --ods."""
    path = tmp_path / "epcn.csv"
    path.write_text("\n" + EPCN_ROW * 3, encoding="utf-8")
    assert run("network", "--ods", str(path), *lenient) == (2, "")
    assert capsys.readouterr().err == (
        f"engagekit: error: {path}: 1 problem | line 2: not the epraccur.csv layout: expected"
        " 27 columns, got 11: this looks like the ePCN core partner details file; read it with"
        " from_pcn (--pcn)\n"
    )


ECCG_ROW = (
    '"QSL","NHS SOMERSET INTEGRATED CARE BOARD"' + ',""' * 8 + ',"20220701"' + ',""' * 16 + "\n"
)


@pytest.mark.parametrize("lenient", [[], ["--lenient"]])
def test_an_organisation_file_given_to_ods_says_to_give_it_to_names(lenient, tmp_path, capsys):
    """eccg.csv given to --ods was refused row by row (with --lenient, an empty
    network): "column 13 (Status Code) '' is not one of A, C, D, P" on every line."""
    path = tmp_path / "eccg.csv"
    path.write_text("\n" + ECCG_ROW * 3, encoding="utf-8")
    assert run("network", "--ods", str(path), *lenient) == (2, "")
    assert capsys.readouterr().err == (
        f"engagekit: error: {path}: 1 problem | line 2: not the epraccur.csv layout: no status"
        " in column 13 and no prescribing setting in column 26: this looks like an ODS"
        " organisation file of names (eccg.csv, eauth.csv, ...); pass it as names= (--names)\n"
    )


def test_an_epcn_shaped_row_after_practices_is_one_malformed_row(tmp_path, capsys):
    """Only a file that starts in the ePCN layout is taken for the ePCN file."""
    path = tmp_path / "epraccur.csv"
    path.write_text(EPRACCUR_ROW + EPCN_ROW, encoding="utf-8")
    assert run("network", "--ods", str(path)) == (2, "")
    assert capsys.readouterr().err == (
        f"engagekit: error: {path}: 1 problem | line 2: expected 27 columns, got 11\n"
    )


@pytest.mark.parametrize(
    ("argv", "value", "lines"),
    [
        (["techniques"], techniques.select, 75),
        (["cycle"], lambda: ENGAGEMENT_CYCLE, 34),
    ],
)
def test_html_has_a_line_per_block(argv, value, lines):
    """`--format html` wrote the notebooks' one line: 22,439 characters for
    `engagekit techniques`. It is the same HTML with a line after each block."""
    status, text = run(*argv, "--format", "html")
    assert status == 0
    assert text.count("\n") == lines
    assert max(len(line) for line in text.splitlines()) < 600
    assert text.replace("\n", "") == render.html(value()).replace("\n", "")


def test_a_json_error_quotes_the_line_it_is_on(tmp_path, capsys):
    """A stray comma on line 21 quoted the file's first 60 characters, and gave no
    column: `cannot read '{\\n  "engagekit": {\\n    "format": 1,...': not JSON`."""
    lines = io.dumps(examples.unproportionate_service_change(), indent=2).splitlines()
    assert lines[20] == "      ],"
    lines[20] = "      ],,"
    path = tmp_path / "decision.json"
    path.write_text("\n".join(lines), encoding="utf-8")
    assert run("evaluate", str(path)) == (2, "")
    assert capsys.readouterr().err == (
        f"engagekit: error: {path}:21: cannot read '      ],,': not JSON (Expecting property"
        " name enclosed in double quotes, column 9)\n"
    )


def test_a_long_json_line_is_quoted_around_the_error(tmp_path, capsys):
    """A one-line document quotes 60 characters around the error, not its start."""
    path = tmp_path / "decision.json"
    path.write_text('{"title": "' + "x" * 5000 + '", oops}', encoding="utf-8")
    assert run("evaluate", str(path)) == (2, "")
    assert capsys.readouterr().err == (
        f"engagekit: error: {path}:1: cannot read '{'x' * 27}\", oops}}': not JSON (Expecting"
        " property name enclosed in double quotes, column 5015)\n"
    )


def test_a_toml_error_names_the_file_once(tmp_path, capsys):
    """`baddate.toml: cannot read 'baddate.toml': not valid TOML (...)` named it twice."""
    path = tmp_path / "evidence.toml"
    path.write_text(EVIDENCE.replace("2024-06-27", "2024-13-27"), encoding="utf-8")
    assert run("check", str(path), "--body", "icb") == (2, "")
    assert capsys.readouterr().err == (
        f"engagekit: error: cannot read {str(path)!r}: not valid TOML (Expected newline or end"
        " of document after a statement (at line 4, column 12))\n"
    )


def test_option_of_a_decision_with_no_options(tmp_path, capsys):
    """`--option` on a decision with no options read "unknown option 'nope'", as
    though the user had mistyped an option that exists."""
    path = tmp_path / "decision.json"
    path.write_text(io.dumps(examples.unproportionate_service_change()), encoding="utf-8")
    assert run("evaluate", str(path), "--option", "nope") == (2, "")
    assert capsys.readouterr().err == (
        f"engagekit evaluate: error: --option 'nope': {path} has no options; without --option"
        " its proposal is evaluated\n"
    )


@pytest.mark.parametrize("content", ["", "\n \n"])
def test_an_empty_names_file_is_refused(content, tmp_path, capsys):
    """An empty --names file was read as naming nothing: the network printed with
    the built-in names, the file given set aside without a word."""
    epraccur = tmp_path / "epraccur.csv"
    epraccur.write_text(EPRACCUR_ROW, encoding="utf-8")
    names = tmp_path / "eccg.csv"
    names.write_text(content, encoding="utf-8")
    assert run("network", "--ods", str(epraccur), "--names", str(names)) == (2, "")
    assert capsys.readouterr().err == (
        f"engagekit: error: cannot read {str(names)!r}: no rows: the file is empty\n"
    )


def test_an_empty_json_file_is_named(tmp_path, capsys):
    """An empty JSON file read "empty.json: cannot read '': not JSON: it is empty",
    the '' looking like a file with no name."""
    path = tmp_path / "empty.json"
    path.write_bytes(b"")
    assert run("plan", str(path)) == (2, "")
    assert capsys.readouterr().err == (
        f"engagekit: error: cannot read {str(path)!r}: not JSON: it is empty\n"
    )


def test_a_network_with_no_bodies_says_so(tmp_path):
    """Every membership read on a date before it: "Top: " and nothing after it."""
    path = tmp_path / "epcn.csv"
    path.write_text(EPCN_ROW, encoding="utf-8")
    status, text = run("network", "--pcn", str(path), "--as-of", "2010-01-01")
    assert status == 0
    assert "\nTop: none: the network has no bodies\n" in text
    status, text = run("network", "--pcn", str(path), "--as-of", "2010-01-01", "--format", "html")
    assert "<p>Top: none: the network has no bodies</p>" in text


def test_no_duties_does_not_read_as_python_none():
    """A body that did not exist on the day printed "None: no clinical commissioning
    groups existed ...", Python's None to the eye; in HTML "...: none. no clinical"."""
    reason = (
        "no clinical commissioning groups existed on 2010-01-01: they existed from 2013-04-01"
        " to 2022-06-30"
    )
    status, text = run("duties", "--body", "ccg", "--on", "2010-01-01")
    # Wrapped at 100 columns, under a hanging indent.
    assert (status, text.splitlines()[2:4]) == (
        0,
        [
            (
                "No duties or rules: no clinical commissioning groups existed on 2010-01-01:"
                " they existed from"
            ),
            "    2013-04-01 to 2022-06-30",
        ],
    )
    status, text = run("duties", "--body", "ccg", "--on", "2010-01-01", "--format", "html")
    assert text.splitlines()[1] == f"<p>No duties or rules: {reason}.</p>"


def test_dates_table_shows_each_phrase_once():
    """The Markdown and HTML tables of `engagekit dates` quoted the phrase again in
    its reading: `| Quarterly | 'Quarterly': every 3 months (4 a year) |`."""
    status, text = run("dates", "End of May 2011", "Quarterly", "--format", "markdown")
    assert status == 0
    assert text.splitlines()[-2:] == [
        "| End of May 2011 | 2011-05-21 to 2011-05-31 (part-of-month) |",
        "| Quarterly | every 3 months (4 a year) |",
    ]


def test_a_workbook_given_for_a_csv_is_named_as_one(tmp_path, capsys):
    """An .xlsx workbook given to --ods read "not UTF-8 text (...byte 11 is 0xF8)"."""
    path = tmp_path / "epraccur.xlsx"
    path.write_bytes(b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00b\xee\x9dh^\x01")
    assert run("network", "--ods", str(path)) == (2, "")
    assert capsys.readouterr().err == (
        f"engagekit: error: cannot read {str(path)!r}: not text but a zip file (an .xlsx"
        " workbook, say); save it as UTF-8 text\n"
    )


def test_an_xlsx_without_openpyxl_names_the_extra(tmp_path, capsys, monkeypatch):
    """`--pcn ePCN.xlsx` without openpyxl read "source: 'ePCN.xlsx' is not allowed:
    reading .xlsx needs openpyxl", naming a Python parameter the command line has not."""
    path = tmp_path / "ePCN.xlsx"
    path.write_bytes(b"PK\x03\x04")
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    assert run("network", "--pcn", str(path)) == (2, "")
    assert capsys.readouterr().err == (
        f"engagekit: error: reading {str(path)!r} (an .xlsx workbook) needs the optional"
        " package 'openpyxl': pip install 'engagekit[xlsx]'\n"
    )


class _FullDisk(stdio.StringIO):
    def write(self, text: str) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")


def test_a_full_disk_is_a_failed_write(capsys):
    """`engagekit network national --format mermaid > /dev/full` said "cannot read"."""
    assert main(["cycle"], out=_FullDisk()) == 2
    assert capsys.readouterr().err == (
        "engagekit: error: cannot write the output: No space left on device\n"
    )


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["plan", "somerset", "--asof", "2012-01-15"],
            (
                "engagekit plan: error: unrecognized arguments: --asof 2012-01-15"
                " (did you mean --as-of?)\n"
            ),
        ),
        (
            ["check", "icb-annual-reports", "--body", "icb", "--apply=service-impact"],
            (
                "engagekit check: error: unrecognized arguments: --apply=service-impact"
                " (did you mean --applies?)\n"
            ),
        ),
        (
            ["plan", "somerset", "--bogus"],
            "engagekit plan: error: unrecognized arguments: --bogus\n",
        ),
        (["--bogus"], "engagekit: error: unrecognized arguments: --bogus\n"),
    ],
)
def test_an_unknown_option_is_named_by_its_command(argv, message, capsys):
    """Every unknown option read "engagekit: error: unrecognized arguments", whichever
    command it was given to, with no hint of the option meant."""
    assert run(*argv) == (2, "")
    assert capsys.readouterr().err == message


@pytest.mark.parametrize(
    "command", [["evaluate"], ["plan"], ["check", "--body", "icb", "--on", "2023-01-01"]]
)
def test_a_csv_read_as_toml_says_why_it_was_read_so(command, tmp_path, capsys):
    """A CSV given where a TOML or JSON document belongs read "not valid TOML" alone,
    which named a format the user never chose."""
    path = tmp_path / "decision.csv"
    path.write_text("id,title\nd1,Clinic hours\n", encoding="utf-8")
    assert run(*command, str(path)) == (2, "")
    assert capsys.readouterr().err == (
        f"engagekit: error: cannot read {str(path)!r}: not valid TOML (Expected '=' after a"
        " key in a key/value pair (at line 1, column 3)); it was read as TOML, as a file not"
        " ending .json is, but it ends .csv\n"
    )


def test_strict_is_the_default_and_lenient_its_opposite(tmp_path, capsys):
    """--strict names the default (issue: the CLI has a strict switch); with --lenient it
    is refused, since the two cannot both hold."""
    from pathlib import Path

    epraccur = Path(__file__).parents[1] / "escalation" / "data" / "epraccur-2021.csv"
    assert run("network", "--ods", str(epraccur), "--strict") == run(
        "network", "--ods", str(epraccur)
    )
    assert run("network", "--ods", str(epraccur), "--strict", "--lenient") == (2, "")
    assert capsys.readouterr().err.endswith(
        "engagekit network: error: argument --lenient: not allowed with argument --strict\n"
    )


def test_check_refuses_an_assessment_date_before_the_day_checked(capsys):
    """`check --on 2024-06-30 --as-of 2010-01-01` was accepted and then set every piece
    of evidence aside as dated after the assessment date: 23 requirements "not met"."""
    argv = ("check", "icb-annual-reports", "--body", "icb", "--on", "2024-06-30")
    assert run(*argv, "--as-of", "2010-01-01") == (2, "")
    assert capsys.readouterr().err == (
        "engagekit check: error: --as-of 2010-01-01: is before --on 2024-06-30: the duties in"
        " force on a day can only be assessed on or after it, as evidence dated after the"
        " assessment date does not count (give --as-of 2024-06-30 or later, or --on 2010-01-01"
        " to check the duties of that day)\n"
    )


def test_check_s_refusal_is_the_library_s_with_the_options(capsys):
    """The command wrote its own refusal while the library accepted the same dates.
    Now the library refuses them, and the command says the same reason, composed by
    the same function with the command's options in place of the parameters."""
    import datetime as dt

    from engagekit.duties import Checklist
    from engagekit.duties._checklist import assessed_before
    from engagekit.errors import InvalidValueError

    on, as_of = dt.date(2024, 6, 30), dt.date(2012, 6, 1)
    with pytest.raises(InvalidValueError, match="^as_of: '2012-06-01' is not allowed") as exc:
        Checklist.for_body("icb", on=on).assess([], as_of="2012-06-01")
    assert exc.value.reason == assessed_before(on, as_of)
    argv = ("check", "icb-annual-reports", "--body", "icb", "--on", "2024-06-30")
    assert run(*argv, "--as-of", "2012-06-01") == (2, "")
    options = assessed_before(on, as_of, on_option="--on ", as_of_option="--as-of ")
    assert capsys.readouterr().err == f"engagekit check: error: --as-of 2012-06-01: {options}\n"
    # The same words but for the names of the two dates.
    assert options == (
        "is before --on 2024-06-30: the duties in force on a day can only be assessed on or "
        "after it, as evidence dated after the assessment date does not count (give "
        "--as-of 2024-06-30 or later, or --on 2012-06-01 to check the duties of that day)"
    )


def test_check_assesses_a_day_s_duties_on_a_later_date():
    """An assessment date after --on is the later look at the same duties."""
    argv = ("check", "icb-annual-reports", "--body", "icb", "--on", "2024-06-30")
    status, text = run(*argv, "--as-of", "2025-03-01")
    assert status == 1
    assert text.startswith(
        "Compliance report: integrated care board, duties in force on 2024-06-30, assessed as"
        " of 2025-03-01\n"
    )


def test_check_with_only_as_of_checks_the_duties_of_that_day():
    """--on defaulted to today while --as-of gave an earlier day: the one date given
    now stands for both, as --as-of already defaulted to --on."""
    status, text = run("check", "icb-annual-reports", "--body", "icb", "--as-of", "2024-06-30")
    assert status == 1
    assert text.startswith(
        "Compliance report: integrated care board, duties in force on 2024-06-30, assessed as"
        " of 2024-06-30\n"
    )


def test_a_read_before_the_files_day_is_reported_with_its_note() -> None:
    """engagekit network --ods FILE --as-of DAY printed a 2014 network under a region
    that opened in 2018, without a word: the report now says whose day the upper
    parents are."""
    from pathlib import Path

    epraccur = Path(__file__).parents[1] / "escalation" / "data" / "epraccur-2021.csv"
    status, text = run(
        "network", "--ods", str(epraccur), "--as-of", "2014-06-01", "--lenient", "--summary"
    )
    assert status == 0
    assert "Note: the bodies above each commissioner are as the file gives them on" in text
    assert "Y58 (South West Commissioning Region) opened on 2018-04-01." in " ".join(text.split())
