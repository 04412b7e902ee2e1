"""One-line reprs of records met in consultations, duties, equality, escalation and
decisions: a response printed its every answer and monitoring category, a coverage
line every characteristic as an enum repr, a monitoring scheme and an ODS name their
sources in full, a checklist item and a duty change whole duties."""

from __future__ import annotations

import datetime as dt

from engagekit import examples
from engagekit.consultations import (
    ConsultationResponse,
    ImportFinding,
    QuestionColumn,
    load_mapping,
    monitoring_scheme,
)
from engagekit.decisions import compare
from engagekit.duties import Checklist, equality, registry
from engagekit.escalation import Change, OdsNames, ParentConflict, PcnMembership
from tests.samples import csv_import


def test_a_consultation_response_is_one_line() -> None:
    first = examples.oxfordshire_synthetic_responses().responses[0]
    assert repr(first) == (
        "<ConsultationResponse 'TH-1001' online-consultation individual 2015-03-09"
        " with 3 answers, 2 themed answers and 9 monitoring answers>"
    )
    bare = ConsultationResponse(id="17", channel="paper")
    assert repr(bare) == (
        "<ConsultationResponse '17' paper-form not-known with 0 answers, 0 themed answers"
        " and 0 monitoring answers>"
    )


def test_coverage_names_the_characteristics_covered() -> None:
    lines = list(equality.coverage())
    assert repr(lines[1]) == (
        "<CharacteristicCoverage 'equality-act-s149/b' (verified): age, disability,"
        " gender-reassignment, pregnancy-and-maternity, race, religion-or-belief, sex,"
        " sexual-orientation>"
    )
    assert repr(lines[0]).startswith("<CharacteristicCoverage 'equality-act-s149/a' (not verified)")
    assert repr(lines[0]).endswith(
        " sexual-orientation, note='Marriage and civil partnership counts f…'>"
    )


def test_monitoring_schemes_and_eds_records_are_one_line() -> None:
    assert repr(monitoring_scheme("age")) == (
        "<MonitoringScheme 'age' (not verified) with 10 categories and 7 aliases>"
    )
    eds2 = equality.eds_models()["eds2"]
    assert repr(eds2.units[0]) == "<EdsUnit 1 'Better health outcomes' with 5 of 5 outcomes>"
    assert repr(eds2.outcome("3.1")) == "<EdsOutcome '3.1' (no wording)>"
    assert repr(eds2.outcome("2.4")) == (
        "<EdsOutcome '2.4' 'People’s complaints about services are …' (not verified)>"
    )


def test_ods_names_show_their_span_and_parent() -> None:
    names = OdsNames.builtin()
    assert repr(names.lookup("Y57")) == (
        "<OdsName 'Y57' 'SOUTH OF ENGLAND COMMISSIONING REGION' region 2012-10-01 to 2018-03-31>"
    )
    assert repr(names.lookup("02P", on="2023-01-01")) == (
        "<OdsName '02P' 'NHS South Yorkshire ICB - 02P' sub-icb-location 2022-07-01 to today,"
        " parent='QF7'>"
    )


def test_checklist_items_and_duty_changes_are_one_line() -> None:
    item = next(iter(Checklist.for_body("ccg", on="2018-06-01")))
    assert repr(item) == (
        "<ChecklistItem 'nhs-act-s14t/have-regard' 'Have regard to the need to reduce inequ…'>"
    )
    changes = registry().changes_between("2012-01-01", "2023-01-01")
    assert repr(changes.started[0]) == "<DutyChange 'nhs-act-s13c' started on 2012-10-01>"
    assert repr(changes.changed[0]) == "<DutyChange 'health-act-2009-s2' changed on 2013-04-01>"
    assert repr(changes.ended[0]) == "<DutyChange 'scrutiny-reg-4-2002' ended on 2013-04-01>"


def test_option_rows_show_ratings_and_what_dominates_them() -> None:
    rows = compare(examples.somerset_patient_transport_decision()).rows
    assert [repr(r) for r in rows] == [
        (
            "<OptionRow 'link-recommendations' \"Include the LINk's recommendations as s…\""
            " insufficient evidence, ratings=('met', 'unknown', 'met', 'unknown', 'unknown')>"
        ),
        (
            "<OptionRow 'current-plans' 'Develop patient transport on the plans …'"
            " insufficient evidence, ratings=('partly-met', 'unknown', 'partly-met', 'unknown',"
            " 'unknown'), dominated_by=('link-recommendations',)>"
        ),
    ]


def test_csv_import_mappings_and_findings_are_one_line() -> None:
    survey = load_mapping("online-survey")
    assert repr(survey) == (
        "<ImportMapping 'Online survey export (synthetic Oxfordshire tutorial data)'"
        " with 4 questions, 9 monitoring columns and 5 value maps: id='Response ID',"
        " date='Completed', date_format='%d/%m/%Y %H:%M', channel='online-consultation',"
        " respondent_type_column='Are you responding as...', blank=('', 'N/A'),"
        " ignore=('IP Address',)>"
    )
    assert repr(survey.questions[1]) == (
        "<QuestionColumn 'deliver': column='Do you have any other suggestions as to how we can"
        " deliver the strategy in a measurable way?', themes_column='Themes (deliver)'>"
    )
    assert repr(QuestionColumn(id="q1")) == "<QuestionColumn 'q1'>"
    findings = csv_import().findings
    assert repr(findings[1]) == (
        "<ImportFinding \"line 4, column 'Ref': duplicate response id '1' (first on line 2)\","
        " value='1'>"
    )
    kept = ImportFinding(line=1, column=None, value=None, message="unmapped column", rejected=False)
    assert repr(kept) == "<ImportFinding 'line 1: unmapped column', row kept>"


def test_network_read_records_show_what_str_writes() -> None:
    change = Change(
        kind="moved", id="A81001", name="THE SURGERY", tier="practice", before="16C", after="72Q"
    )
    assert repr(change) == "<Change 'moved: A81001 THE SURGERY from 16C to 72Q' (practice)>"
    membership = PcnMembership(
        line=2,
        practice="A81001",
        pcn="U12345",
        sub_icb="16C",
        start=dt.date(2019, 7, 1),
        end=dt.date(2021, 4, 1),
    )
    assert repr(membership) == (
        "<PcnMembership 'line 2: A81001 in U12345 (under 16C) from 2019-07-01 to 2021-04-01'>"
    )
    conflict = ParentConflict(
        line=7, code="Q74", parent="Y54", kept="Y63", kept_line=1, rows=3, rule="first row"
    )
    assert repr(conflict) == (
        "<ParentConflict 'line 7: Q74 is under Y54 here (and on 2 more lines) but under Y63"
        " on line 1; kept Y63 (first row)'>"
    )
