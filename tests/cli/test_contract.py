"""The one contract every command keeps: its formats, the JSON envelope, the exit
codes, built-in example names, and help with a worked example."""

from __future__ import annotations

import argparse
import io as stdio
import json

from typing import Any

import pytest

from engagekit import io
from engagekit.cli import NEXT_STEPS, _parser, main
from engagekit.cli._output import ALL_FORMATS
from engagekit.decisions import Verdict
from engagekit.duties import ComplianceReport
from engagekit.escalation import EscalationNetwork, Route
from engagekit.plans import Actions, AnnualEngagementReport


STANDARD = {"text", "json", "markdown", "html"}

#: Each command: a call that works on the built-in data, the formats it writes and
#: its exit status (1 where the built-in example is judged short).
COMMANDS: dict[str, tuple[tuple[str, ...], set[str], int]] = {
    "demo": (("demo",), {"text", "markdown"}, 0),
    "evaluate": (("evaluate", "somerset-rheumatology"), STANDARD, 1),
    "network": (("network", "sutton"), STANDARD | {"mermaid", "dot"}, 0),
    "duties": (("duties", "--body", "icb", "--on", "2024-06-30"), STANDARD, 0),
    "check": (("check", "icb-annual-reports", "--body", "icb", "--on", "2024-06-30"), STANDARD, 1),
    "plan": (("plan", "somerset", "--as-of", "2012-01-15", "--overdue"), STANDARD, 1),
    "report": (("report", "oxfordshire", "--year", "2015"), STANDARD, 0),
    "dates": (("dates", "End of May 2011", "Quarterly"), STANDARD, 0),
    "schema": (("schema", "decision"), {"text", "json", "markdown"}, 0),
    "cycle": (("cycle",), STANDARD | {"mermaid"}, 0),
    "commissioning": (("commissioning", "nhs-england"), STANDARD | {"mermaid"}, 0),
    "levels": (("levels",), STANDARD, 0),
    "techniques": (("techniques", "--stage", "5"), STANDARD, 0),
}

#: The engagekit type each JSON output holds, read back with `io.loads`.
TYPES: dict[tuple[str, ...], type[Any]] = {
    ("evaluate", "unproportionate-service-change"): Verdict,
    ("network", "oxfordshire"): EscalationNetwork,
    ("network", "sutton", "--route", "sutton-practice-07-ppg"): Route,
    ("check", "icb-annual-reports", "--body", "icb", "--on", "2024-06-30"): ComplianceReport,
    ("plan", "somerset", "--as-of", "2012-01-15", "--overdue"): Actions,
    ("report", "somerset", "--year", "2011"): AnnualEngagementReport,
    ("report", "somerset-2011", "--year", "2011"): AnnualEngagementReport,
}


def run(*argv: str) -> tuple[int, str]:
    out = stdio.StringIO()
    status = main(list(argv), out=out)
    return status, out.getvalue()


def test_every_command_is_in_the_contract():
    """A new command cannot skip the contract: the parser's commands are these."""
    actions = _parser()._subparsers._group_actions  # type: ignore[union-attr]
    (commands,) = [a for a in actions if isinstance(a, argparse._SubParsersAction)]
    assert set(commands.choices) == set(COMMANDS)


@pytest.mark.parametrize("name", sorted(COMMANDS))
@pytest.mark.parametrize("fmt", ALL_FORMATS)
def test_formats_are_written_or_refused(name, fmt, capsys):
    """Each format a command writes exits with the command's status and prints;
    any other is a usage error: status 2, one line on stderr, nothing on stdout."""
    argv, formats, expected = COMMANDS[name]
    status, text = run(*argv, "--format", fmt)
    err = capsys.readouterr().err
    if fmt in formats:
        assert (status, err) == (expected, "")
        assert text.strip()
    else:
        assert (status, text) == (2, "")
        assert err.count("\n") == 1
        assert f"invalid choice: '{fmt}'" in err


@pytest.mark.parametrize("name", sorted(n for n in COMMANDS if "json" in COMMANDS[n][1]))
def test_json_is_one_engagekit_document(name):
    """Every JSON output is the envelope `io.dumps` writes: format version, type, data."""
    argv, _, _ = COMMANDS[name]
    _, text = run(*argv, "--format", "json")
    document = json.loads(text)
    assert set(document) == {"engagekit", "data"}
    assert set(document["engagekit"]) == {"format", "type"}
    assert document["engagekit"]["format"] == io.FORMAT_VERSION
    assert isinstance(document["engagekit"]["type"], str)


@pytest.mark.parametrize("argv", list(TYPES), ids=" ".join)
def test_json_reads_back_with_io_loads(argv):
    """A command's JSON loads back with `io.loads` as the value it printed."""
    status, text = run(*argv, "--format", "json")
    assert status in (0, 1)
    value = io.loads(text, TYPES[argv])
    assert io.loads(io.dumps(value), TYPES[argv]) == value
    assert json.loads(text)["engagekit"]["type"] == TYPES[argv].__name__


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_help_has_a_worked_example_and_the_exit_codes(name, capsys):
    """`--help` shows an example of the command itself and what 0, 1 and 2 mean."""
    assert run(name, "--help")[0] == 0
    text = capsys.readouterr().out
    example = text.split("example:\n", 1)[1].split("\n\n", 1)[0]
    assert example.strip().startswith(f"engagekit {name}")
    codes = text.split("exit status:\n", 1)[1]
    assert [line.split()[0] for line in codes.strip().splitlines()] == ["0", "1", "2"]
    assert "invalid input or usage" in codes


def test_check_help_says_what_no_applies_means(capsys):
    """Without --applies every conditional requirement applies (so the demo's report,
    which states no condition holds, differs): the help did not say so."""
    assert run("check", "--help")[0] == 0
    text = " ".join(capsys.readouterr().out.split())
    assert "without it, every requirement is assessed as applying, whatever its condition" in text


def test_top_level_help_documents_exit_codes_and_envelope(capsys):
    """`engagekit --help` states the envelope and what each exit status means."""
    assert run("--help")[0] == 0
    text = capsys.readouterr().out
    assert '{"engagekit": {"format": 1, "type": "Verdict"}, "data": {...}}' in text
    assert "1  a negative judgement" in text
    assert "2  invalid input or usage" in text


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ("network", "sutton", "--route", "sutton-practice-07-ppg", "--format", "mermaid"),
            (
                "engagekit network: error: --format mermaid: --route prints as text, json, "
                "markdown or html\n"
            ),
        ),
        (
            ("network", "sutton", "--diff", "a.csv", "b.csv", "--format", "dot"),
            (
                "engagekit network: error: --format dot: --diff prints as text, json, "
                "markdown or html\n"
            ),
        ),
        (("report", "somerset", "--year", "2011", "--format", "md"), "invalid choice: 'md'"),
        (
            ("duties",),
            "engagekit duties: error: give --body BODY (one of pct, sha, ccg, icb, ",
        ),
        (
            ("duties", "--changes", "2022-06-30", "2022-07-01", "--body", "icb"),
            (
                "engagekit duties: error: --body: give --body BODY [--on DATE] or --changes "
                "FROM TO, not both\n"
            ),
        ),
        (("schema", "--data-only"), "engagekit schema: error: --data-only: give the NAME"),
    ],
)
def test_usage_errors_are_one_line_and_exit_2(argv, message, capsys):
    """A form of a command that cannot be honoured is refused, never ignored."""
    status, text = run(*argv)
    err = capsys.readouterr().err
    assert (status, text) == (2, "")
    assert message in err
    assert err.count("\n") == 1


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (("evaluate", "Somerset-Rheumatology"), 1),
        (("evaluate", "somerset-rheumatology", "--policy", "default"), 1),
        (("plan", "oxfordshire", "--as-of", "2015-06-01"), 0),
        (("report", "somerset", "--year", "2011"), 0),
        (("report", "Somerset-2011", "--year", "2011"), 0),
        (("check", "icb-annual-reports", "--body", "icb", "--on", "2024-06-30"), 1),
        (("network", "oxfordshire"), 0),
    ],
)
def test_built_in_examples_stand_in_for_files(argv, expected):
    """Wherever a command reads a file, a built-in example's name works too."""
    status, text = run(*argv)
    assert status == expected
    assert text.strip()


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ("evaluate", "somerset"),
            (
                "engagekit evaluate: error: FILE 'somerset': no such file, and not a built-in "
                "decision (built-in: somerset-rheumatology, somerset-patient-transport, "
                "unproportionate-service-change)\n"
            ),
        ),
        (
            ("plan", "nowhere.toml"),
            (
                "engagekit plan: error: FILE 'nowhere.toml': no such file, and not a built-in "
                "plan (built-in: somerset, oxfordshire)\n"
            ),
        ),
        (
            ("report", "somerset-2012", "--year", "2012"),
            (
                "engagekit report: error: FILE 'somerset-2012': no such file, and not a built-in "
                "record or plan (built-in: somerset-2011, somerset, oxfordshire)\n"
            ),
        ),
        (
            ("check", "mine.toml", "--body", "icb"),
            (
                "engagekit check: error: EVIDENCE_FILE 'mine.toml': no such file, and not a "
                "built-in evidence set (built-in: icb-annual-reports)\n"
            ),
        ),
        (
            ("evaluate", "somerset-rheumatology", "--policy", "strict"),
            (
                "engagekit evaluate: error: --policy 'strict': no such file, and not a built-in "
                "policy (built-in: default)\n"
            ),
        ),
    ],
)
def test_neither_file_nor_example_lists_the_choices(argv, message, capsys):
    """A name that is neither a file nor a built-in example says which names there are."""
    assert run(*argv)[0] == 2
    assert capsys.readouterr().err == message


@pytest.mark.parametrize("line", [line for line, _ in NEXT_STEPS])
def test_what_to_try_next_runs(line, capsys):
    """Each command the demo suggests works as written (1 is a judgement, not an error)."""
    argv = line.split()[1:]
    status, text = run(*argv)
    assert status in (0, 1)
    assert text.strip()
    assert capsys.readouterr().err == ""


def test_demo_ends_with_what_to_try_next():
    """The tour ends with the commands to try next."""
    _, text = run("demo")
    tail = text.rstrip().split("WHAT TO TRY NEXT", 1)[1]
    assert tail.splitlines()[1].startswith("  engagekit evaluate somerset-rheumatology")
    assert len(tail.strip().splitlines()) == len(NEXT_STEPS) + 1


def test_demo_as_markdown_has_a_heading_per_section():
    """`demo --format markdown` is headed sections of text blocks."""
    _, text = run("demo", "--format", "markdown")
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert headings[0] == "## THE ENGAGEMENT CYCLE"
    assert headings[-1].startswith("## WHAT TO TRY NEXT")
    assert text.count("```text\n") == text.count("\n```\n")
    # The triangle's title was cut at its line break, the rest put in the text block.
    assert (
        "## THE DECISION TRIANGLE: acceptable, affordable, clinically safe and effective, "
        "and proportionate (NHS Somerset, Figure 2)"
    ) in headings
    assert not [line for line in headings if line.endswith((",", ":"))]
