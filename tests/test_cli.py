"""The command line: the demo, help, version, and one-line errors."""

from __future__ import annotations

import io as stdio
import json
import subprocess
import sys

import pytest

from engagekit import __version__
from engagekit.cli import main


def run(*argv: str) -> tuple[int, str]:
    out = stdio.StringIO()
    status = main(list(argv), out=out)
    return status, out.getvalue()


def test_demo_tours_the_frameworks():
    """`engagekit demo` shows the five stages, the levels and techniques."""
    status, text = run("demo")
    assert status == 0
    assert "1. Working with communities (of geography and of interest)" in text
    assert "5. Empower" in text
    assert "TECHNIQUES:" in text


def test_version():
    """`engagekit --version` prints the package version."""
    assert run("--version") == (0, f"engagekit {__version__}\n")


def test_help_via_subprocess():
    """`python -m engagekit --help` works from a fresh interpreter."""
    result = subprocess.run(
        [sys.executable, "-m", "engagekit", "--help"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0
    assert "demo" in result.stdout


def test_no_command_prints_help():
    """With no command, the help is printed."""
    status, text = run()
    assert status == 0
    assert "usage: engagekit" in text


def test_cycle_formats():
    """The cycle renders as Mermaid and as an engagekit JSON document."""
    status, text = run("cycle", "--format", "mermaid")
    assert (status, text.splitlines()[0]) == (0, "flowchart LR")
    status, text = run("cycle", "--format", "json")
    assert json.loads(text)["engagekit"]["type"] == "EngagementCycle"


def test_techniques_selection_json():
    """Techniques for monitoring, as an engagekit document of matches with reasons."""
    status, text = run("techniques", "--stage", "5", "--format", "json")
    assert status == 0
    document = json.loads(text)
    assert document["engagekit"] == {"format": 1, "type": "Matches"}
    rows = document["data"]
    assert any(r["technique"]["id"] == "mystery-shopping" and r["score"] == 2 for r in rows)


def test_json_is_a_deprecated_alias_of_format_json(capsys):
    """`--json` still prints JSON, and says on stderr that it is deprecated."""
    assert run("techniques", "--stage", "5", "--json") == run(
        "techniques", "--stage", "5", "--format", "json"
    )
    assert "--json is deprecated; use --format json" in capsys.readouterr().err


def test_unknown_level_is_one_line_and_exit_2(capsys):
    """Bad input prints one clear line on stderr and exits 2."""
    status, _ = run("techniques", "--level", "co-produce")
    err = capsys.readouterr().err
    assert status == 2
    assert err.count("\n") == 1
    assert err.startswith("engagekit: error: --level: 'co-produce' is not allowed; allowed: ")


def test_participants_below_one_names_the_option(capsys):
    """It read "participants: 0 is not allowed", the library's argument, not the option."""
    for count in ("0", "-5"):
        status, _ = run("techniques", "--participants", count)
        assert status == 2
        assert capsys.readouterr().err == (
            f"engagekit: error: --participants: {count} is not allowed: must be at least 1\n"
        )


def test_bad_catalogue_file_names_it(tmp_path, capsys):
    """A malformed catalogue file is reported on one line with the file name."""
    bad = tmp_path / "mine.toml"
    bad.write_text('[[technique]]\nid = "x"\n', encoding="utf-8")
    status, _ = run("techniques", "--catalogue", str(bad))
    err = capsys.readouterr().err
    assert status == 2
    assert str(bad) in err
    assert err.count("\n") == 1


@pytest.mark.parametrize("cycle_id", ["nhs-england", "engagement-cycle"])
def test_commissioning(cycle_id):
    """Each built-in commissioning cycle prints."""
    status, text = run("commissioning", cycle_id)
    assert status == 0
    assert "Source:" in text


def test_compare_without_options_says_so(capsys):
    """--compare on a decision with no options printed the verdict alone, without a word
    about the appraisal asked for."""
    status, text = run("evaluate", "unproportionate-service-change", "--compare")
    assert status == 1
    assert "Options appraisal" not in text
    assert capsys.readouterr().err == (
        "engagekit evaluate: warning: --compare: the decision has no options to appraise; "
        "only its verdict is shown\n"
    )
    status, text = run("evaluate", "somerset-patient-transport", "--compare")
    assert "Options appraisal" in text
    assert capsys.readouterr().err == ""


def test_one_engagement_stage_is_singular():
    """A commissioning stage served by one engagement stage read "engagement stages 3"."""
    _, text = run("commissioning", "engagement-cycle")
    assert "2. Design pathways (engagement stage 3; giving information" in text
    assert "1. Analyse & plan (engagement stages 1, 2; giving information" in text
    _, tour = run("demo")
    assert "  Design pathways      engagement stage 3\n" in tour
    assert "engagement stages 3" not in text + tour


def test_unknown_commissioning_cycle(capsys):
    """An unknown cycle id is an error naming it."""
    status, _ = run("commissioning", "world-class")
    assert status == 2
    assert "'world-class'" in capsys.readouterr().err


def test_levels():
    """`engagekit levels` shows the five levels and Arnstein's ladder."""
    status, text = run("levels")
    assert status == 0
    assert "Citizen control" in text


def test_usage_error_is_one_line(capsys):
    """A malformed argument is one line on stderr and status 2, not a traceback."""
    status, _ = run("duties", "--on", "2020-13-01")
    err = capsys.readouterr().err
    assert status == 2
    assert (
        err == "engagekit duties: error: argument --on: '2020-13-01' is not a date (YYYY-MM-DD)\n"
    )


@pytest.mark.parametrize("year", ["10000", "1099511627776"])
def test_report_year_beyond_the_calendar_is_one_line_and_exit_2(year, capsys):
    """A financial year must end on a real date: 9998/99 is the last one."""
    plan = "src/engagekit/data/plan_somerset_v8.toml"
    assert run("report", plan, "--year", year)[0] == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "must be a year from 1948 to 9998" in err


def test_superscript_stage_is_a_usage_error_not_a_crash(capsys):
    """'²' is a digit to str.isdigit() but not to int(): it is an unknown stage."""
    assert run("techniques", "--stage", "²")[0] == 2
    assert "--stage" in capsys.readouterr().err


def test_demo_and_text_view_say_the_engagement_stages_alike():
    """The demo and `engagekit commissioning` name each commissioning stage's
    engagement stages in the same words ("stage 3", "stages 1, 2")."""
    _, tour = run("demo")
    _, view = run("commissioning", "engagement-cycle")
    for phrase in ("engagement stages 1, 2", "engagement stage 3", "engagement stage 5"):
        assert phrase in tour
        assert phrase in view
