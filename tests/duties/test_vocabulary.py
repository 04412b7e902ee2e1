"""Issue 9 in the duties package: one vocabulary, strict at every door."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from engagekit import io
from engagekit.duties import (
    BodyType,
    Checklist,
    ComplianceReport,
    DutyChange,
    DutyChangeKind,
    DutyChanges,
    Finding,
    HasBodyType,
    duties_for,
    registry,
)
from engagekit.duties.equality import (
    CharacteristicCoverage,
    ProtectedCharacteristic,
    RepresentationReport,
    eds_models,
    representation,
)
from engagekit.errors import (
    DocumentError,
    InvalidTypeError,
    InvalidValueError,
    UnknownChoiceError,
)
from engagekit.results import Outcome, Reason, Result
from engagekit.sources import LegalForce


ON = dt.date(2023, 1, 1)


@attrs.frozen
class StandIn:
    """A tiny stand-in for a network's body: all duties need is its ``body_type``."""

    code: str
    body_type: BodyType | None


@pytest.mark.parametrize("body", ["icb", "ICB", "integrated care board", BodyType.ICB])
def test_duties_for_accepts_the_text_its_errors_list(body):
    """duties_for("icb", …) used to be refused with "did you mean 'icb'?"."""
    assert duties_for(body, ON) == duties_for(BodyType.ICB, ON)


def test_duties_for_accepts_a_body_with_a_body_type():
    """Any object with a BodyType ``body_type`` is asked about by its type."""
    board = StandIn(code="QSL", body_type=BodyType.ICB)
    assert isinstance(board, HasBodyType)
    assert duties_for(board, ON).ids == duties_for(BodyType.ICB, ON).ids
    assert Checklist.for_body(board, on=ON).ids == Checklist.for_body("icb", on=ON).ids
    assert registry().for_body(board, ON).ids == registry().for_body(BodyType.ICB, ON).ids


def test_a_body_without_a_statutory_type_is_refused():
    """A patient group has no statutory body type: say so, do not guess."""
    ppg = StandIn(code="PPG1", body_type=None)
    with pytest.raises(InvalidValueError, match=r"body\.body_type.*not a statutory body type"):
        duties_for(ppg, ON)


def test_unknown_and_wrong_type_bodies():
    """Unknown text is an UnknownChoiceError naming the closest; a number is a type error."""
    with pytest.raises(UnknownChoiceError, match="did you mean 'ccg'"):
        duties_for("cgc", ON)
    with pytest.raises(InvalidTypeError, match="body"):
        duties_for(42, ON)  # type: ignore[arg-type]


def test_dates_accept_iso_text_and_refuse_other_types():
    """on / as_of / start / end take a date or YYYY-MM-DD text; anything else is refused."""
    assert duties_for("ccg", "2018-06-01") == duties_for(BodyType.CCG, dt.date(2018, 6, 1))
    assert registry().in_force_on("2018-06-01") == registry().in_force_on(dt.date(2018, 6, 1))
    changes = registry().changes_between("2022-06-30", "2022-07-01")
    assert changes == registry().changes_between(dt.date(2022, 6, 30), dt.date(2022, 7, 1))
    with pytest.raises(InvalidTypeError, match="on"):
        duties_for("ccg", dt.datetime(2018, 6, 1))
    with pytest.raises(InvalidValueError, match="YYYY-MM-DD"):
        duties_for("ccg", "2018-W22")
    with pytest.raises(InvalidTypeError, match="registry"):
        duties_for("ccg", ON, registry=[])  # type: ignore[arg-type]


def test_duty_change_without_after_is_refused_when_built():
    """A started or changed duty needs ``after``: refused at build time, not at str()."""
    s14z45 = registry().get("nhs-act-s14z45")
    with pytest.raises(InvalidValueError, match=r"DutyChange\.after"):
        DutyChange(kind=DutyChangeKind.STARTED, duty_id="nhs-act-s14z45", on=ON)
    with pytest.raises(InvalidValueError, match=r"DutyChange\.before"):
        DutyChange(kind="ended", duty_id="nhs-act-s14z45", on=ON, after=s14z45)
    with pytest.raises(InvalidValueError, match="must be 'nhs-act-s14z2'"):
        DutyChange(kind="started", duty_id="nhs-act-s14z2", on=ON, after=s14z45)


def test_duty_changes_document_without_after_is_refused_by_the_loader():
    """The fuzzed document: a 'started' change without 'after' loads no more."""
    changes = registry().changes_between(dt.date(2022, 6, 30), dt.date(2022, 7, 1))
    data = io.to_dict(changes)
    started = next(i for i, c in enumerate(data["changes"]) if c["kind"] == "started")
    del data["changes"][started]["after"]
    with pytest.raises(DocumentError, match="after"):
        io.from_dict(data, DutyChanges)


def test_compliance_report_is_a_result_of_findings():
    """ComplianceReport is a Result; its reasons are Findings carrying a Source."""
    report = Checklist.for_body("icb", on=ON).assess([], as_of=ON, conditions=())
    assert isinstance(report, Result)
    assert report.outcome is Outcome.NOT_MET
    assert not report
    assert report.ok is False
    assert all(isinstance(f, Finding) for f in report.reasons)
    assert issubclass(Finding, Reason)
    assert all(f.source.title for f in report.reasons)
    assert report.blocking == tuple(f for f in report.reasons if f.outcome is Outcome.NOT_MET)


def test_report_outcome_must_agree_with_its_findings():
    """A document claiming 'met' over a not-met finding is refused when loaded."""
    report = Checklist.for_body("icb", on=ON).assess([], as_of=ON)
    data = io.to_dict(report)
    data["outcome"] = "met"
    with pytest.raises(DocumentError, match="outcome"):
        io.from_dict(data, ComplianceReport)


def test_findings_show_their_points_separated():
    """HTML lists a finding's points as items and Markdown breaks them: never run together."""
    on = dt.date(2024, 6, 30)
    report = Checklist.for_body("icb", on=on).assess([], as_of=on)
    finding = report.finding("guidance-working-in-partnership-2022/1-voices-at-centre")
    assert len(finding.points) >= 2
    html = report._repr_html_()
    assert all(f"<li>{point}</li>" in html for point in finding.points if "'" not in point)
    from engagekit import render

    assert f"• {finding.points[0]}<br>• {finding.points[1]}" in render.markdown(report)


def test_empty_checklist_report_is_not_applicable():
    """Nothing to check: the outcome is 'not applicable', and the report is ok."""
    report = Checklist.for_body("ccg", on=ON).assess([], as_of=ON)
    assert report.outcome is Outcome.NOT_APPLICABLE
    assert report.ok
    assert report.summary == "nothing to check"


@pytest.mark.parametrize(
    ("words", "member"),
    [
        ("Sexuality", ProtectedCharacteristic.SEXUAL_ORIENTATION),
        ("Race including ethnicity and nationality", ProtectedCharacteristic.RACE),
        ("ethnicity", ProtectedCharacteristic.RACE),
        ("Faith and belief including non belief", ProtectedCharacteristic.RELIGION_OR_BELIEF),
        ("faith", ProtectedCharacteristic.RELIGION_OR_BELIEF),
        ("trans", ProtectedCharacteristic.GENDER_REASSIGNMENT),
        ("Gender reassignment", ProtectedCharacteristic.GENDER_REASSIGNMENT),
        ("Marriage and civil partnership", ProtectedCharacteristic.MARRIAGE_AND_CIVIL_PARTNERSHIP),
        ("Pregnancy and maternity", ProtectedCharacteristic.PREGNANCY_AND_MATERNITY),
    ],
)
def test_characteristics_parse_the_words_the_seeds_use(words, member):
    """Somerset writes 'Sexuality' for sexual orientation; parse used to refuse it."""
    assert ProtectedCharacteristic.parse(words) is member
    assert ProtectedCharacteristic(words) is member


def test_representation_takes_seed_words_and_is_a_result():
    """Counts keyed by the seed's words; the report is a Result with reasons."""
    report = representation(
        {"Sexuality": {"gay": 2, "straight": 98}},
        {"sexual orientation": {"gay": 3, "straight": 97}},
    )
    assert isinstance(report, RepresentationReport)
    assert isinstance(report, Result)
    assert report.outcome is Outcome.INSUFFICIENT_EVIDENCE
    assert report.reasons[0].source.force is LegalForce.CONVENTION
    assert "s149(3)(c)" in (report.reasons[0].source.note or "")
    assert not any(r.breach for r in report.reasons)
    with pytest.raises(InvalidTypeError, match="suppress_below"):
        representation({}, {}, suppress_below=2.5)  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match="participants"):
        representation({"age": {"a": "12"}}, {"age": {"a": 1}})  # type: ignore[dict-item]


def test_eds_grading_is_a_result():
    """An EDS grading is a Result whose reasons are the goals' grades."""
    grading = eds_models()["eds2"].grade(
        {1: "excelling", 2: "achieving", 3: "developing", 4: "undeveloped"}
    )
    assert isinstance(grading, Result)
    assert [g.outcome for g in grading.reasons] == [
        Outcome.MET,
        Outcome.MET,
        Outcome.PARTLY_MET,
        Outcome.NOT_MET,
    ]
    assert grading.outcome is Outcome.NOT_MET
    assert "Inclusive leadership" in str(grading)


def test_renamed_coverage_type():
    """equality's Coverage is CharacteristicCoverage (escalation has its own Coverage)."""
    assert CharacteristicCoverage.__name__ == "CharacteristicCoverage"


def test_collections_have_one_line_reprs():
    """Registries, query results and reports repr in one short line."""
    on = dt.date(2024, 6, 30)
    values = [
        registry(),
        duties_for("icb", on),
        registry().in_force_on(on),
        registry().changes_between("2001-01-01", "2025-01-01"),
        Checklist.for_body("icb", on=on),
        Checklist.for_body("icb", on=on).assess([], as_of=on),
        eds_models()["eds2"],
    ]
    for value in values:
        text = repr(value)
        assert "\n" not in text
        assert len(text) < 200, text
    assert repr(registry()).startswith("<DutyRegistry with ")
