"""Bad input raises an engagekit error naming the field and value; files report every problem."""

from __future__ import annotations

import datetime as dt
import io as stdio
import json

import pytest

from engagekit import io
from engagekit.cli import main
from engagekit.decisions import (
    Assessment,
    Audience,
    BedCondition,
    ChangeKind,
    Consultation,
    Criterion,
    Decision,
    Evidence,
    EvidenceKind,
    Impact,
    ProposalStatus,
    ServiceChangeTest,
    TestAssessment,
    check_consultation,
    evaluate,
    required_engagement,
)
from engagekit.errors import DocumentError, InvalidValueError, UnknownNameError
from engagekit.ratings import Rating


DAY = dt.date(2016, 5, 5)


def test_unknown_criterion() -> None:
    """Criterion.parse names the value and the known criteria."""
    with pytest.raises(UnknownNameError, match="'cheap'"):
        Criterion.parse("cheap")
    with pytest.raises(InvalidValueError, match=r"Assessment.criterion: 'acceptable'"):
        Assessment(criterion="acceptable", rating=Rating.MET)  # type: ignore[arg-type]


def test_unknown_rating() -> None:
    """A rating that is not a Rating names the field and value."""
    with pytest.raises(InvalidValueError, match=r"Assessment.rating: 'great'") as info:
        Assessment(criterion=Criterion.AFFORDABLE, rating="great")  # type: ignore[arg-type]
    assert "partly-met" in str(info.value)


def test_assessment_for_a_criterion_twice() -> None:
    """Two assessments of the same criterion (and audience) are refused."""
    twice = [
        Assessment(criterion=Criterion.AFFORDABLE, rating=Rating.MET),
        Assessment(criterion=Criterion.AFFORDABLE, rating=Rating.NOT_MET),
    ]
    with pytest.raises(InvalidValueError, match=r"Decision.assessments\[1\]: 'affordable'"):
        Decision(
            title="t",
            body="b",
            date=DAY,
            impact=Impact(kind=ChangeKind.VARIATION),
            assessments=twice,
        )


def test_audience_only_for_acceptability() -> None:
    """Acceptability needs an audience; the other criteria take none."""
    with pytest.raises(InvalidValueError, match=r"Assessment\.audience: 'staff'"):
        Assessment(criterion=Criterion.AFFORDABLE, audience=Audience.STAFF, rating=Rating.MET)


def test_evidence_dated_after_the_decision() -> None:
    """Evidence dated after the decision it supports names the field and the date."""
    late = Evidence(id="late", kind=EvidenceKind.SURVEY, date=dt.date(2016, 6, 1), summary="s")
    with pytest.raises(InvalidValueError, match=r"Decision.evidence\[0\].date: '2016-06-01'"):
        Decision(
            title="t", body="b", date=DAY, impact=Impact(kind=ChangeKind.VARIATION), evidence=[late]
        )


def test_unknown_evidence_reference() -> None:
    """An assessment citing evidence that is not there names the id."""
    with pytest.raises(InvalidValueError, match=r"Decision.assessments\[0\].evidence: 'ghost'"):
        Decision(
            title="t",
            body="b",
            date=DAY,
            impact=Impact(kind=ChangeKind.VARIATION),
            assessments=[
                Assessment(criterion=Criterion.AFFORDABLE, rating=Rating.MET, evidence=["ghost"])
            ],
        )


def test_consultation_that_ends_before_it_starts() -> None:
    """A consultation ending before it starts names Consultation.end and the date."""
    with pytest.raises(InvalidValueError, match=r"Consultation.end: '2016-01-01'"):
        Consultation(
            start=dt.date(2016, 2, 1), end=dt.date(2016, 1, 1), proposal_status=ProposalStatus.OPEN
        )


def test_bed_test_met_without_a_condition() -> None:
    """The bed-closure test is met only by naming a condition; other tests take none."""
    with pytest.raises(InvalidValueError, match=r"TestAssessment\.conditions"):
        TestAssessment(test=ServiceChangeTest.BED_CLOSURES, rating=Rating.MET)
    with pytest.raises(InvalidValueError, match=r"TestAssessment\.conditions"):
        TestAssessment(
            test=ServiceChangeTest.GP_SUPPORT,
            rating=Rating.MET,
            conditions=[BedCondition.EFFICIENCY],
        )


def test_bad_arguments_to_the_functions() -> None:
    """The functions check their arguments too."""
    with pytest.raises(InvalidValueError, match="decision"):
        evaluate("decision")  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError, match="impact"):
        required_engagement({"kind": "closure"})  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError, match="decided_on: '2016-05-05'"):
        check_consultation(
            Consultation(start=DAY, end=DAY, proposal_status=ProposalStatus.OPEN),
            decided_on="2016-05-05",
        )  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError, match=r"Impact\.people_affected: -4"):
        Impact(kind=ChangeKind.CLOSURE, people_affected=-4)


BAD_FILE = """
title = "Close the ward"
body = "Board"
date = 2018-01-10

[impact]
kind = "closur"
people_affected = 100

[[assessments]]
criterion = "cheap"
rating = "met"

[[assessments]]
criterion = "affordable"
rating = "great"
"""


def test_file_reports_every_bad_field_at_once() -> None:
    """A decision file with several bad fields reports them all, with key paths."""
    with pytest.raises(DocumentError) as info:
        io.load_toml(stdio.BytesIO(BAD_FILE.encode()), Decision, origin="ward.toml")
    problems = info.value.problems
    assert len(problems) == 3
    assert problems[0].startswith("$.impact.kind: ChangeKind: 'closur'")
    assert any(p.startswith("$.assessments[0].criterion") for p in problems)
    assert any(p.startswith("$.assessments[1].rating") for p in problems)


def test_cli_exit_status(tmp_path, capsys) -> None:
    """engagekit evaluate: 0 ready, 1 not ready or insufficient, 2 invalid input."""
    from engagekit import examples

    bad = tmp_path / "bad.toml"
    bad.write_text(BAD_FILE)
    assert main(["evaluate", str(bad)], out=stdio.StringIO()) == 2
    assert "3 problems" in capsys.readouterr().err

    failing = tmp_path / "failing.json"
    failing.write_text(io.dumps(examples.unproportionate_service_change()))
    out = stdio.StringIO()
    assert main(["evaluate", str(failing), "--json"], out=out) == 1
    verdict = json.loads(out.getvalue())["verdict"]
    assert verdict["outcome"] == "not-ready"

    transport = tmp_path / "transport.json"
    transport.write_text(io.dumps(examples.somerset_patient_transport_decision()))
    out = stdio.StringIO()
    assert main(["evaluate", str(transport), "--compare"], out=out) == 1
    assert "Options appraisal" in out.getvalue()

    assert main(["evaluate", str(tmp_path / "missing.toml")], out=stdio.StringIO()) == 2


READY_FILE = """
title = "Extend opening hours of the walk-in centre"
body = "Governing Body"
date = 2019-09-01

[impact]
kind = "variation"
access = ["opening-hours"]

[[evidence]]
id = "survey"
kind = "survey"
date = 2019-06-01
summary = "Patient survey on opening hours"
level = "consult"
audiences = ["patients", "public"]

[[evidence]]
id = "rota"
kind = "financial-appraisal"
date = 2019-07-01
summary = "Staffing rota costed within budget"

[[evidence]]
id = "eia"
kind = "equality-impact-assessment"
date = 2019-07-15
summary = "Equality impact assessment"

[[assessments]]
criterion = "acceptable"
audience = "patients"
rating = "met"
evidence = ["survey"]

[[assessments]]
criterion = "acceptable"
audience = "staff"
rating = "partly-met"
evidence = ["rota"]
notes = "evening shifts to be agreed"

[[assessments]]
criterion = "acceptable"
audience = "public"
rating = "met"
evidence = ["survey"]

[[assessments]]
criterion = "affordable"
rating = "met"
evidence = ["rota"]

[[assessments]]
criterion = "safe-and-effective"
rating = "met"
evidence = ["rota"]
"""


def test_cli_ready_file(tmp_path) -> None:
    """A ready (with conditions) decision file exits 0 and prints its reasons."""
    path = tmp_path / "ready.toml"
    path.write_text(READY_FILE)
    out = stdio.StringIO()
    assert main(["evaluate", str(path)], out=out) == 0
    assert "READY WITH CONDITIONS" in out.getvalue()
    assert "evening shifts" in out.getvalue()
