"""``-`` reads standard input wherever a command reads a file: it was looked up as a
built-in example's name ("FILE '-': no such file, and not a built-in decision"), or
opened as a file named "-"."""

from __future__ import annotations

import io as stdio
import json

from collections.abc import Callable
from pathlib import Path

import pytest

from engagekit import examples, io
from engagekit.cli import main
from engagekit.evidence import EvidenceFile


DATA = Path(__file__).parents[1] / "escalation" / "data"

EVIDENCE_TOML = b"""\
[[evidence]]
id = "annual-report-2023-24"
what = "Annual report 2023/24"
date = 2024-06-27
kind = "annual-report"
supports = ["nhs-act-s14z58/explain-duties"]
"""

DUTY_TOML = b"""\
[[duty]]
id = "local-engagement-charter"
title = "Local engagement charter"
summary = "Publish an engagement plan each year."
force = "local-practice"
citation = { instrument = "Example ICB constitution", section = "Part 5" }
bodies = ["icb"]
in_force_from = 2023-04-01
verified = true
reviewed_on = 2024-01-15
source = { title = "Constitution", publisher = "NHS Example ICB" }
[[duty.requirements]]
key = "plan"
text = "Publish the engagement plan"
window = "financial-year"
"""

TECHNIQUE_TOML = b"""\
[[technique]]
id = "walkabout"
name = "Community walkabout"
method = "getting-information"
levels = ["consult"]
description = "Walk the area with residents and hear what matters."
source = { title = "Local engagement toolkit", publisher = "NHS Example ICB" }
"""


@pytest.fixture(name="stdin")
def _stdin(monkeypatch: pytest.MonkeyPatch) -> Callable[[bytes], None]:
    """Give the command these bytes on standard input."""

    def give(data: bytes) -> None:
        monkeypatch.setattr("sys.stdin", stdio.TextIOWrapper(stdio.BytesIO(data)))

    return give


def run(*argv: str) -> tuple[int, str]:
    out = stdio.StringIO()
    status = main(list(argv), out=out)
    return status, out.getvalue()


def same(argv: tuple[str, ...], path: Path, stdin: Callable[[bytes], None]) -> None:
    """The command gives the same output and status with `-` and standard input as
    with the file, but for the name it gives what it read (a network is named after
    its file)."""
    status, text = run(*(str(path) if a == "-" else a for a in argv))
    assert text
    expected = text.replace(str(path), "<stdin>").replace(path.name, "<stdin>")
    stdin(path.read_bytes())
    assert run(*argv) == (status, expected)


@pytest.mark.parametrize("fmt", ["json", "toml"])
def test_evaluate_reads_a_decision_in_either_format(fmt, tmp_path, stdin):
    """JSON is known by its opening brace, as standard input has no suffix."""
    path = tmp_path / f"decision.{fmt}"
    path.write_text(io.dumps(examples.somerset_rheumatology_decision(), format=fmt))
    same(("evaluate", "-", "--format", "json"), path, stdin)


def test_evaluate_reads_its_policy(tmp_path, stdin):
    """--policy - reads the policy; the decision comes from its file."""
    from engagekit.decisions import DEFAULT_POLICY

    path = tmp_path / "policy.json"
    path.write_text(io.dumps(DEFAULT_POLICY))
    same(("evaluate", "somerset-rheumatology", "--policy", "-"), path, stdin)


def test_a_document_with_a_byte_order_mark_is_read(tmp_path, stdin):
    """Excel's and Notepad's byte order mark is dropped, as from a file."""
    path = tmp_path / "decision.json"
    path.write_bytes(b"\xef\xbb\xbf" + io.dumps(examples.somerset_rheumatology_decision()).encode())
    same(("evaluate", "-"), path, stdin)


def test_errors_name_standard_input(stdin, capsys):
    """A bad document on standard input is named <stdin>, as a file is by its path."""
    stdin(b"title = 3\n")
    assert run("evaluate", "-") == (2, "")
    assert capsys.readouterr().err.startswith(
        "engagekit: error: <stdin>: 4 problems | $.title: got int 3; expected text"
    )
    stdin("title = 'x'".encode("utf-16"))
    assert run("plan", "-") == (2, "")
    assert capsys.readouterr().err == (
        "engagekit: error: cannot read '<stdin>': not UTF-8 text but UTF-16 (a byte order"
        " mark says so); save the file as UTF-8\n"
    )


def test_a_usage_error_names_standard_input(tmp_path, stdin, capsys):
    """A decision read from standard input is called <stdin>, not "-"."""
    path = tmp_path / "decision.json"
    path.write_text(io.dumps(examples.unproportionate_service_change()))
    stdin(path.read_bytes())
    assert run("evaluate", "-", "--option", "nope") == (2, "")
    assert capsys.readouterr().err == (
        "engagekit evaluate: error: --option 'nope': <stdin> has no options; without --option"
        " its proposal is evaluated\n"
    )


@pytest.mark.parametrize("fmt", ["json", "toml"])
def test_check_reads_evidence(fmt, tmp_path, stdin):
    """Evidence as TOML, or as JSON of the same shape."""
    from engagekit.duties import load_evidence

    path = tmp_path / f"evidence.{fmt}"
    held = load_evidence(stdio.BytesIO(EVIDENCE_TOML))
    assert [e.id for e in held] == ["annual-report-2023-24"]
    path.write_text(io.dumps(EvidenceFile(evidence=held), format=fmt))
    same(("check", "-", "--body", "icb", "--on", "2024-06-30", "--format", "json"), path, stdin)


def test_check_names_standard_input_for_an_unknown_requirement(stdin, capsys):
    """The command adds where the evidence came from: <stdin>."""
    stdin(EVIDENCE_TOML.replace(b"explain-duties", b"explain-dutie"))
    assert run("check", "-", "--body", "icb", "--on", "2024-06-30") == (2, "")
    assert "cited at evidence[0].supports[0] in <stdin>;" in capsys.readouterr().err


@pytest.mark.parametrize("command", ["duties", "check"])
def test_local_duties(command, tmp_path, stdin):
    path = tmp_path / "local.toml"
    path.write_bytes(DUTY_TOML)
    """--local - adds the duties of standard input, to list or to check."""
    options = ("--body", "icb", "--on", "2024-06-30", "--local", "-", "--format", "json")
    given = ("icb-annual-reports",) if command == "check" else ()
    argv: tuple[str, ...] = (command, *given, *options)
    same(argv, path, stdin)
    assert "local-engagement-charter" in run(*(str(path) if a == "-" else a for a in argv))[1]


def test_techniques_catalogue(tmp_path, stdin):
    """--catalogue - adds the techniques of standard input."""
    path = tmp_path / "techniques.toml"
    path.write_bytes(TECHNIQUE_TOML)
    same(("techniques", "--catalogue", "-", "--level", "consult"), path, stdin)
    assert "Community walkabout" in run("techniques", "--catalogue", str(path))[1]


@pytest.mark.parametrize("fmt", ["json", "toml"])
def test_plan(fmt, tmp_path, stdin):
    path = tmp_path / f"plan.{fmt}"
    path.write_text(io.dumps(examples.somerset_action_plan(), format=fmt))
    same(("plan", "-", "--as-of", "2012-01-15", "--format", "json"), path, stdin)


@pytest.mark.parametrize(
    "value", [examples.somerset_engagement_record, examples.somerset_action_plan]
)
@pytest.mark.parametrize("fmt", ["json", "toml"])
def test_report_reads_a_record_or_a_plan(value, fmt, tmp_path, stdin):
    """A record is told from a plan on standard input as in a file."""
    path = tmp_path / f"input.{fmt}"
    path.write_text(io.dumps(value(), format=fmt))
    same(("report", "-", "--year", "2011"), path, stdin)


def test_network_reads_epraccur(stdin):
    same(("network", "--ods", "-", "--format", "json"), DATA / "epraccur-sample.csv", stdin)


def test_network_reads_epraccur_with_a_byte_order_mark(tmp_path, stdin):
    path = tmp_path / "epraccur.csv"
    path.write_bytes(b"\xef\xbb\xbf" + (DATA / "epraccur-sample.csv").read_bytes())
    same(("network", "--ods", "-", "--summary", "--format", "json"), path, stdin)


def test_network_reads_the_pcn_file(stdin):
    ods = str(DATA / "epraccur-sample.csv")
    same(
        ("network", "--ods", ods, "--pcn", "-", "--format", "json"), DATA / "epcn-sample.csv", stdin
    )


def test_network_reads_names(stdin):
    ods = str(DATA / "epraccur-2024.csv")
    argv = ("network", "--ods", ods, "--names", "-", "--summary", "--format", "json")
    same(argv, DATA / "eccg-icbs.csv", stdin)


def test_network_diff_of_two_dates_reads_standard_input_once(stdin):
    """--diff with two dates reads the --ods file twice: standard input is kept."""
    argv = ("network", "--ods", "-", "--diff", "2020-01-01", "2024-01-01")
    same(argv, DATA / "epraccur-history.csv", stdin)


def test_network_diff_of_two_files_names_standard_input(stdin):
    new = DATA / "epraccur-2024.csv"
    stdin((DATA / "epraccur-2021.csv").read_bytes())
    status, text = run("network", "--diff", "-", str(new))
    assert status == 0
    assert text.startswith(f"From <stdin> to {new}: ")


def test_network_warnings_name_standard_input(stdin, capsys):
    """A malformed row skipped with --lenient is named as from <stdin>, not "-"."""
    stdin(b"A81001,TOO,FEW\n" + (DATA / "epraccur-sample.csv").read_bytes())
    status, _ = run("network", "--ods", "-", "--lenient", "--format", "json")
    assert status == 0
    assert capsys.readouterr().err.startswith(
        "engagekit: warning: <stdin>: 1 malformed row skipped (--lenient)"
    )


@pytest.mark.parametrize(
    ("argv", "where"),
    [
        (("network", "--ods", "-", "--pcn", "-"), "--ods and --pcn"),
        (("network", "--diff", "-", "-"), "--diff twice"),
        (("evaluate", "-", "--policy", "-"), "FILE and --policy"),
    ],
)
def test_standard_input_is_read_once(argv, where, stdin, capsys):
    """The second reader of standard input would find it empty."""
    stdin(b"")
    assert run(*argv) == (2, "")
    assert capsys.readouterr().err == (
        f"engagekit {argv[0]}: error: - (standard input) given to {where}: standard input"
        " can be read only once; give a file for all but one\n"
    )


@pytest.mark.parametrize(
    "argv",
    [
        ("evaluate", "--help"),
        ("check", "--help"),
        ("duties", "--help"),
        ("plan", "--help"),
        ("report", "--help"),
        ("techniques", "--help"),
        ("network", "--help"),
    ],
)
def test_help_says_dash_reads_standard_input(argv, capsys):
    """Every command that reads a file says, at each file it reads, that - is stdin."""
    assert run(*argv) == (0, "")
    assert "- for standard input" in " ".join(capsys.readouterr().out.split())


def test_the_main_help_says_so(capsys):
    assert run("--help") == (0, "")
    assert "- reads standard input" in " ".join(capsys.readouterr().out.split())


def test_json_output_of_standard_input_reads_back(stdin):
    """The output of a document read from standard input is a document as any other."""
    stdin(io.dumps(examples.somerset_rheumatology_decision()).encode())
    status, text = run("evaluate", "-", "--format", "json")
    assert status == 1  # the verdict: not enough evidence to say
    assert json.loads(text)["engagekit"]["type"] == "Verdict"
