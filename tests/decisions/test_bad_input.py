"""Bad input raises an engagekit error naming the field and value; files report every problem."""

from __future__ import annotations

import datetime as dt
import io as stdio
import json

from pathlib import Path

import attrs
import pytest

from engagekit import io
from engagekit.cli import main
from engagekit.decisions import (
    DEFAULT_POLICY,
    AccessEffect,
    Assessment,
    Audience,
    BedCondition,
    ChangeKind,
    Comparison,
    Consultation,
    Criterion,
    Decision,
    Evidence,
    EvidenceKind,
    Impact,
    Policy,
    ProposalStatus,
    ServiceChangeTest,
    TestAssessment,
    check_consultation,
    compare,
    evaluate,
    required_engagement,
)
from engagekit.decisions import (
    tests_in_force as in_force,
)
from engagekit.errors import (
    DocumentError,
    InvalidTypeError,
    InvalidValueError,
    UnknownChoiceError,
)
from engagekit.ratings import Rating


DAY = dt.date(2016, 5, 5)


def test_unknown_criterion() -> None:
    """Criterion.parse names the value and the known criteria."""
    with pytest.raises(UnknownChoiceError, match="'cheap'"):
        Criterion.parse("cheap")
    with pytest.raises(UnknownChoiceError, match=r"Criterion: 'cheap'"):
        Assessment(criterion="cheap", rating=Rating.MET)


def test_choices_take_their_text() -> None:
    """Enum fields and parameters accept the value, the name or an alias as text."""
    assert Impact(kind="relocation").kind is ChangeKind.RELOCATION
    assert Impact(kind="Relocation", access=["opening hours"]).access == (
        AccessEffect.OPENING_HOURS,
    )
    met = Assessment(criterion="safe and effective", rating="met")
    assert met.rating is Rating.MET
    assert met.criterion is Criterion.SAFE_AND_EFFECTIVE
    staff = Assessment(criterion="acceptable", audience="Staff", rating="partly met")
    assert staff.audience is Audience.STAFF
    assert TestAssessment(test="gp support", rating="unknown").test is ServiceChangeTest.GP_SUPPORT
    assert Evidence(id="e", kind="survey", date=DAY, what="w").kind is EvidenceKind.SURVEY


def test_unknown_rating() -> None:
    """A rating that is not a Rating names the field and value."""
    with pytest.raises(UnknownChoiceError, match=r"Rating: 'great'") as info:
        Assessment(criterion=Criterion.AFFORDABLE, rating="great")
    assert "partly-met" in str(info.value)


def test_wrong_types_are_type_errors() -> None:
    """A value of the wrong type is an InvalidTypeError (a TypeError), naming the field."""
    with pytest.raises(InvalidTypeError, match=r"Impact\.permanent: got str 'false'"):
        Impact(kind="closure", permanent="false")  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match=r"Impact\.bed_closures: got str 'false'"):
        Impact(kind="closure", bed_closures="false")  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match=r"Impact\.access: got str 'travel'"):
        Impact(kind="closure", access="travel")
    with pytest.raises(InvalidTypeError, match=r"ChangeKind: got int 3"):
        Impact(kind=3)
    with pytest.raises(InvalidTypeError, match=r"Impact\.cost: got bool True"):
        Impact(kind="closure", cost=True)
    with pytest.raises(InvalidTypeError, match=r"Decision\.title: got int 42"):
        Decision(title=42, body="b", on=DAY, impact=Impact(kind="closure"))  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match=r"Assessment\.evidence: got str 'survey'"):
        Assessment(criterion="affordable", rating="met", evidence="survey")
    with pytest.raises(InvalidTypeError, match=r"Policy\.require_evidence: got str 'no'"):
        attrs.evolve(DEFAULT_POLICY, require_evidence="no")  # type: ignore[arg-type]


def test_integers_accept_any_integral() -> None:
    """Whole-number fields take any numbers.Integral, and refuse floats and bools."""
    numpy = pytest.importorskip("numpy")
    assert Impact(kind="closure", people_affected=numpy.int64(1000)).people_affected == 1000
    assert type(Impact(kind="closure", people_affected=numpy.int64(3)).people_affected) is int
    with pytest.raises(InvalidTypeError, match=r"Impact\.people_affected: got float 3\.9"):
        Impact(kind="closure", people_affected=3.9)
    weeks = attrs.evolve(DEFAULT_POLICY, consultation_weeks=numpy.int16(8))
    assert weeks.consultation_weeks == 8
    consultation = Consultation(start=DAY, end=DAY, proposal_status="open")
    check = check_consultation(consultation, on=DAY, options_considered=numpy.int8(2))
    assert len(check.reasons) == 4
    with pytest.raises(InvalidTypeError, match="options_considered: got bool True"):
        check_consultation(consultation, on=DAY, options_considered=True)


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
            on=DAY,
            impact=Impact(kind=ChangeKind.VARIATION),
            assessments=twice,
        )


def test_audience_only_for_acceptability() -> None:
    """Acceptability needs an audience; the other criteria take none."""
    with pytest.raises(InvalidValueError, match=r"Assessment\.audience: 'staff'"):
        Assessment(criterion=Criterion.AFFORDABLE, audience=Audience.STAFF, rating=Rating.MET)


def test_evidence_dated_after_the_decision() -> None:
    """Evidence dated after the decision it supports names the field and the date."""
    late = Evidence(id="late", kind=EvidenceKind.SURVEY, date=dt.date(2016, 6, 1), what="s")
    with pytest.raises(InvalidValueError, match=r"Decision.evidence\[0\].date: '2016-06-01'"):
        Decision(
            title="t", body="b", on=DAY, impact=Impact(kind=ChangeKind.VARIATION), evidence=[late]
        )


def test_unknown_evidence_reference() -> None:
    """An assessment citing evidence that is not there names the id."""
    with pytest.raises(InvalidValueError, match=r"Decision.assessments\[0\].evidence: 'ghost'"):
        Decision(
            title="t",
            body="b",
            on=DAY,
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
    """The functions check their arguments too: wrong types are type errors."""
    with pytest.raises(InvalidTypeError, match="decision: got str 'decision'"):
        evaluate("decision")  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match="impact: got dict"):
        required_engagement({"kind": "closure"})  # type: ignore[arg-type]
    consultation = Consultation(start=DAY, end=DAY, proposal_status=ProposalStatus.OPEN)
    with pytest.raises(InvalidValueError, match="on: '2016-13-05'"):
        check_consultation(consultation, on="2016-13-05")
    with pytest.raises(InvalidTypeError, match="on: got int 20160505"):
        check_consultation(consultation, on=20160505)  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match="on: got datetime"):
        required_engagement(Impact(kind="closure"), on=dt.datetime(2016, 5, 5))
    with pytest.raises(InvalidValueError, match=r"Impact\.people_affected: -4"):
        Impact(kind=ChangeKind.CLOSURE, people_affected=-4)


def test_dates_as_text() -> None:
    """Date parameters take 'YYYY-MM-DD' text as well as dates."""
    consultation = Consultation(start=DAY, end=DAY, proposal_status="open")
    assert check_consultation(consultation, on="2016-06-01").on == dt.date(2016, 6, 1)
    impact = Impact(kind="closure", access=["location"])
    assert not required_engagement(impact, on="2002-12-31").scrutiny_consultation
    assert required_engagement(impact, on="2003-01-01").scrutiny_consultation
    assert ServiceChangeTest.BED_CLOSURES in in_force("2017-04-01")


BAD_FILE = """
title = "Close the ward"
body = "Board"
on = 2018-01-10

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
    with pytest.raises(DocumentError, match=r"ward\.toml: 3 problems") as info:
        io.load_toml(stdio.BytesIO(BAD_FILE.encode()), Decision, origin="ward.toml")
    problems = info.value.problems
    assert len(problems) == 3
    assert problems[0].path == "$.impact.kind"
    assert "ChangeKind: 'closur' is not allowed" in problems[0].message
    assert [p.path for p in problems[1:]] == [
        "$.assessments[0].criterion",
        "$.assessments[1].rating",
    ]


GOOD_DOCUMENT = {
    "title": "Close the ward",
    "body": "Board",
    "on": "2018-01-10",
    "impact": {"kind": "closure", "people_affected": 100, "permanent": False},
    "evidence": [
        {"id": "survey", "kind": "survey", "date": "2017-11-01", "what": "Patient survey"}
    ],
    "assessments": [{"criterion": "affordable", "rating": "met", "evidence": ["survey"]}],
}


def _document(**changes: object) -> dict[str, object]:
    document = json.loads(json.dumps(GOOD_DOCUMENT))
    for path, value in changes.items():
        *parents, leaf = path.split("__")
        node = document
        for key in parents:
            node = node[int(key)] if key.isdigit() else node[key]
        node[leaf] = value
    return document  # type: ignore[no-any-return]


def test_good_document_loads() -> None:
    """The document the bad-input cases below start from loads, as text and as a dict."""
    decision = io.from_dict(_document(), Decision)
    assert decision.impact.permanent is False
    assert io.loads(json.dumps(_document()), Decision) == decision


@pytest.mark.parametrize(
    ("changes", "path"),
    [
        ({"impact__permanent": "false"}, "$.impact.permanent"),
        ({"impact__bed_closures": "false"}, "$.impact.bed_closures"),
        ({"impact__delivery_changes": "no"}, "$.impact.delivery_changes"),
        ({"title": 42}, "$.title"),
        ({"impact__access": "travel"}, "$.impact.access"),
        ({"assessments__0__evidence": "survey"}, "$.assessments[0].evidence"),
        ({"evidence": "survey"}, "$.evidence"),
        ({"impact__people_affected": 3.9}, "$.impact.people_affected"),
    ],
    ids=str,
)
def test_documents_are_as_strict_as_the_constructors(changes: dict[str, object], path: str) -> None:
    """A string for a flag, a number for text, a string for a list: refused with the path.

    Regression (issue 9): ``permanent = "false"`` and ``bed_closures = "false"`` loaded as
    ``True``; ``title = 42`` loaded as ``"42"``; ``access = "travel"`` was split into
    characters.
    """
    document = _document(**changes)
    with pytest.raises(DocumentError, match=r"^decision: ") as info:
        io.from_dict(document, Decision, origin="decision")
    assert [p.path for p in info.value.problems] == [path]
    with pytest.raises(DocumentError, match=r"^decision\.json: ") as info:
        io.loads(json.dumps(document), Decision, origin="decision.json")
    assert [p.path for p in info.value.problems] == [path]


def test_decision_file_with_a_string_flag(tmp_path: Path) -> None:
    """The decision file loader (engagekit evaluate FILE) refuses permanent = "false"."""
    path = tmp_path / "ward.toml"
    path.write_text(
        READY_FILE.replace('kind = "variation"', 'kind = "variation"\npermanent = "false"')
    )
    with pytest.raises(DocumentError, match=r"\$\.impact\.permanent"):
        io.load_toml(path, Decision)
    assert main(["evaluate", str(path)], out=stdio.StringIO()) == 2


def test_policy_file_with_a_string_flag() -> None:
    """require_evidence = "no" in a policy file is refused, not read as True."""
    with pytest.raises(DocumentError, match=r"\$\.require_evidence"):
        io.load_toml(stdio.BytesIO(b'require_evidence = "no"'), Policy, origin="policy.toml")


def test_comparison_rows_must_fit_the_columns() -> None:
    """A Comparison whose rows and columns disagree is refused when built, not when shown.

    Regression (issue 9): it loaded, then rendering raised IndexError.
    """
    from engagekit import examples

    table = compare(examples.somerset_patient_transport_decision())
    data = io.to_dict(table)
    data["rows"][0]["ratings"] = data["rows"][0]["ratings"][:2]
    with pytest.raises(DocumentError, match=r"Comparison\.rows\[0\]\.ratings: 2"):
        io.from_dict(data, Comparison)
    with pytest.raises(InvalidValueError, match="one rating per column"):
        Comparison(title="t", columns=table.columns, rows=[attrs.evolve(table.rows[0], ratings=())])
    with pytest.raises(InvalidValueError, match=r"dominated_by: 'nobody'"):
        Comparison(
            title="t",
            columns=table.columns,
            rows=[attrs.evolve(table.rows[0], dominated_by=["nobody"])],
        )


def test_cli_exit_status(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """engagekit evaluate: 0 ready, 1 not ready or insufficient, 2 invalid input."""
    from engagekit import examples

    bad = tmp_path / "bad.toml"
    bad.write_text(BAD_FILE)
    assert main(["evaluate", str(bad)], out=stdio.StringIO()) == 2
    assert "3 problems" in capsys.readouterr().err

    failing = tmp_path / "failing.json"
    failing.write_text(io.dumps(examples.unproportionate_service_change()))
    out = stdio.StringIO()
    assert main(["evaluate", str(failing), "--format", "json"], out=out) == 1
    document = json.loads(out.getvalue())
    assert document["engagekit"] == {"format": 1, "type": "Verdict"}
    assert document["data"]["outcome"] == "not-met"

    transport = tmp_path / "transport.json"
    transport.write_text(io.dumps(examples.somerset_patient_transport_decision()))
    out = stdio.StringIO()
    assert main(["evaluate", str(transport), "--compare"], out=out) == 1
    assert "Options appraisal" in out.getvalue()

    assert main(["evaluate", str(tmp_path / "missing.toml")], out=stdio.StringIO()) == 2


READY_FILE = """
title = "Extend opening hours of the walk-in centre"
body = "Governing Body"
on = 2019-09-01

[impact]
kind = "variation"
access = ["opening-hours"]

[[evidence]]
id = "survey"
kind = "survey"
date = 2019-06-01
what = "Patient survey on opening hours"
level = "consult"
audiences = ["patients", "public"]

[[evidence]]
id = "rota"
kind = "financial-appraisal"
date = 2019-07-01
what = "Staffing rota costed within budget"

[[evidence]]
id = "eia"
kind = "equality-impact-assessment"
date = 2019-07-15
what = "Equality impact assessment"

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


def test_cli_ready_file(tmp_path: Path) -> None:
    """A ready (with conditions) decision file exits 0 and prints its reasons."""
    path = tmp_path / "ready.toml"
    path.write_text(READY_FILE)
    out = stdio.StringIO()
    assert main(["evaluate", str(path)], out=out) == 0
    assert "READY WITH CONDITIONS" in out.getvalue()
    assert "evening shifts" in out.getvalue()
