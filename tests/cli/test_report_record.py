"""`engagekit report` reads a whole engagement record as well as a plan."""

from __future__ import annotations

import io as stdio
import json

from pathlib import Path

import pytest

from engagekit import examples, io
from engagekit.cli import main
from engagekit.cli._output import STANDARD
from engagekit.plans import AnnualEngagementReport, EngagementRecord


#: The small record docs/cli.md shows.
RECORD_TOML = """\
body = "NHS Example CCG"
body_type = "ccg"

[plan]
title = "Engagement plan 2018/19"

[[plan.objective]]
id = "1"
title = "Seek feedback"

[[plan.action]]
id = "1a"
objective = "1"
description = "Survey of access to GP services"
target = "Quarterly"

[[evidence]]
id = "access-survey"
kind = "survey"
what = "Survey of access to GP services"
date = 2018-09-03
limbs = ["planning"]
stage = "identify-needs"
"""


def run(*argv: str) -> tuple[int, str]:
    out = stdio.StringIO()
    status = main(list(argv), out=out)
    return status, out.getvalue()


@pytest.fixture(name="files")
def _files(tmp_path: Path) -> dict[str, Path]:
    record = examples.somerset_engagement_record()
    found = {
        "record.json": tmp_path / "record.json",
        "record.toml": tmp_path / "record.toml",
        "plan.json": tmp_path / "plan.json",
        "rows.toml": tmp_path / "rows.toml",
    }
    io.dump(record, found["record.json"])
    io.dump(record, found["record.toml"])
    assert record.plan is not None
    io.dump(record.plan, found["plan.json"])
    found["rows.toml"].write_text(RECORD_TOML, encoding="utf-8")
    return found


@pytest.mark.parametrize("name", ["record.json", "record.toml"])
def test_a_record_file_reports_as_the_built_in_record(files, name):
    """The record written by io.dump, in JSON or TOML, reports as `somerset-2011` does."""
    status, text = run("report", str(files[name]), "--year", "2011")
    assert status == 0
    assert text == run("report", "somerset-2011", "--year", "2011")[1]
    planning = text.split("### The planning of services\n\n", 1)[1].split("\n\n", 1)[0]
    assert planning.startswith("- 2011-10-31: For the 2011 JSNA for Somerset's 'housing' theme")
    assert "\n- 2011-12-05: The 'Dec 5th event'" in planning
    assert "Consultation process on the PPI Strategy and Action Plan" in text


def test_a_plan_reports_as_before(files):
    """A plan file (here the JSON io.dump writes) is still a plan: the same report as
    the built-in plan's, every limb without evidence."""
    status, text = run("report", str(files["plan.json"]), "--year", "2011")
    assert status == 0
    assert text == run("report", "somerset", "--year", "2011")[1]
    assert text.startswith("# Somerset CCG: annual engagement report 2011/12\n")
    assert text.count("No evidence recorded.") == 3


def test_a_record_with_its_plan_as_rows(files):
    """The docs' TOML record: a plan written as rows, and evidence under its limb."""
    status, text = run("report", str(files["rows.toml"]), "--year", "2018")
    assert status == 0
    assert text.startswith("# NHS Example CCG: annual engagement report 2018/19\n")
    assert "### The planning of services\n\n- 2018-09-03: Survey of access to GP services\n" in text
    assert "| 1a | Survey of access to GP services" not in text  # not a meeting calendar
    assert "(National Health Service Act 2006, s14Z2(2))" in text


def test_the_envelope_names_the_type(tmp_path):
    """A record holding nothing but its body is known by its envelope's type."""
    path = tmp_path / "bare.json"
    path.write_text(io.dumps(EngagementRecord(body="NHS Example CCG")), encoding="utf-8")
    status, text = run("report", str(path), "--year", "2018")
    assert status == 0
    assert text.startswith("# NHS Example CCG: annual engagement report 2018/19\n")


@pytest.mark.parametrize("fmt", sorted(STANDARD))
def test_every_format(files, fmt):
    status, text = run("report", str(files["record.toml"]), "--year", "2011", "--format", fmt)
    assert status == 0
    if fmt == "json":
        report = io.loads(text, AnnualEngagementReport)
        assert report.body == "NHS Somerset and Somerset CCG"
        assert json.loads(text)["engagekit"]["type"] == "AnnualEngagementReport"
    elif fmt == "html":
        assert text.startswith("<!DOCTYPE html>")
        assert "12 Supported Housing Providers" in text
    else:  # text is wrapped at 100 columns: the words may run onto the next line
        assert "12 Supported Housing Providers" in " ".join(text.split())


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "limb.toml",
            (
                'body = "X"\nevidence = [{id = "e", what = "w", date = 2018-01-01, '
                'limbs = ["nowhere"]}]\n'
            ),
            "1 problem | $.evidence[0].limbs[0]: Limb: 'nowhere' is not allowed",
        ),
        (
            "target.toml",
            RECORD_TOML.replace('"Quarterly"', '"Sometime"'),
            "$.plan.action[0].target: cannot read 'Sometime': no date found",
        ),
        (
            "body.json",
            '{"engagekit": {"format": 1, "type": "EngagementRecord"}, "data": {"body": 3}}',
            "1 problem | $.body: got int 3; expected text",
        ),
        (
            "consultation.json",
            (
                '{"body": "X", "consultations": [{"id": "c", "start": "2016-03-01", '
                '"end": "2016-02-01"}]}'
            ),
            "$.consultations[0].end: Consultation.end: '2016-02-01' is not allowed",
        ),
        (
            "twice.toml",
            (
                'body = "X"\n[[participants]]\ncharacteristic = "age"\ngroup = "65+"\ncount = 4\n'
                '[[participants]]\ncharacteristic = "age"\ngroup = "65+"\ncount = 5\n'
            ),
            "$.participants[1]: EngagementRecord.participants[1]: '65+' is not allowed",
        ),
    ],
)
def test_bad_records_exit_2_with_one_line(tmp_path, name, content, message, capsys):
    """Bad input in a record: exit 2, one line naming the file, the path and the value."""
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    status, text = run("report", str(path), "--year", "2018")
    err = capsys.readouterr().err
    assert (status, text) == (2, "")
    assert err.count("\n") == 1
    assert f"{path}: " in err
    assert message in err


def test_help_names_the_built_in_record(capsys):
    assert run("report", "--help")[0] == 0
    text = capsys.readouterr().out
    assert "built-in record (somerset-2011)" in " ".join(text.split())
    assert "engagekit report somerset-2011 --year 2011" in text


def test_a_record_known_only_by_its_year_is_read_as_a_record(tmp_path: Path) -> None:
    """`year` is a key only a record has: a record of a body and its year alone was
    read as a plan and refused for a plan's missing title."""
    path = tmp_path / "record.toml"
    path.write_text('body = "NHS Example CCG"\nyear = 2018\n', encoding="utf-8")
    status, text = run("report", str(path), "--year", "2018")
    assert status == 0
    assert text.splitlines()[0] == "# NHS Example CCG: annual engagement report 2018/19"
