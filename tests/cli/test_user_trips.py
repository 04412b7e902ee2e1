"""What a new user trips over on the command line: each case is one message on
stderr naming what was wrong and where, exit 2, and nothing given is dropped."""

from __future__ import annotations

import io as stdio

import pytest

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
            "engagekit report: error: argument --year: given twice (--year 2011 and --year 2012);"
            " give it once\n",
        ),
        (
            ["cycle", "--format", "text", "--format", "json"],
            "engagekit cycle: error: argument --format: given twice (--format text and"
            " --format json); give it once\n",
        ),
        (
            ["duties", "--body", "icb", "--on", "2020-01-01", "--on", "2024-01-01"],
            "engagekit duties: error: argument --on: given twice (--on 2020-01-01 and"
            " --on 2024-01-01); give it once\n",
        ),
        (
            ["network", "--diff", "a.csv", "b.csv", "--diff", "c.csv", "d.csv"],
            "engagekit network: error: argument --diff: given twice (--diff a.csv b.csv and"
            " --diff c.csv d.csv); give it once\n",
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
            "engagekit: error: --as-of: '2020-01-01' is not allowed: only applies with --ods"
            " or --pcn\n",
        ),
        (
            ["network", "--ods", "x.csv", "--diff", "2015-01-01", "2020-01-01"]
            + ["--as-of", "2016-01-01"],
            "engagekit: error: --as-of: '2016-01-01' is not allowed: --diff gives the two dates\n",
        ),
    ],
)
def test_a_misplaced_date_is_shown_as_typed(argv, message, capsys):
    """The date was shown as Python's repr, datetime.date(2020, 1, 1)."""
    assert run(*argv) == (2, "")
    assert capsys.readouterr().err == message
