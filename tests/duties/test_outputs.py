"""Text, Markdown and HTML output, and the duties and check commands."""

from __future__ import annotations

import datetime as dt
import io as stdio
import json

from pathlib import Path

import pytest

from engagekit import render
from engagekit.cli import main
from engagekit.duties import BodyType, Checklist, duties_for, registry


def run(*argv: str) -> tuple[int, str]:
    out = stdio.StringIO()
    status = main(list(argv), out)
    return status, out.getvalue()


def test_renderers_for_every_result():
    """Every duties result renders as text, Markdown and HTML."""
    found = duties_for(BodyType.CCG, dt.date(2018, 6, 1))
    report = Checklist.for_body(BodyType.ICB, on=dt.date(2024, 6, 30)).assess(
        [], as_of=dt.date(2024, 6, 30)
    )
    changes = registry().changes_between(dt.date(2022, 6, 30), dt.date(2022, 7, 1))
    for value in (found, report, changes, registry(), registry().get("nhs-act-s14z2")):
        assert render.text(value)
        assert "|---|" in render.markdown(value)  # each carries a Markdown table
        assert render.html(value).startswith('<div class="engagekit">')
        assert value._repr_html_() == render.html(value)
    assert "s14Z2(2)" in str(found)
    assert "No duties or rules: no clinical commissioning groups" in str(
        duties_for(BodyType.CCG, dt.date(2023, 1, 1))
    )


def test_cli_duties_text_and_json():
    """engagekit duties --body ccg --on 2018-06-01 [--json]."""
    status, text = run("duties", "--body", "ccg", "--on", "2018-06-01")
    assert status == 0
    assert "nhs-act-s14z2" in text
    assert "nhs-act-s14z45" not in text
    status, text = run("duties", "--body", "ccg", "--on", "2018-06-01", "--json")
    data = json.loads(text)
    assert data["engagekit"]["type"] == "DutiesInForce"
    assert "nhs-act-s14z2" in [d["id"] for d in data["data"]["duties"]]


def test_cli_changes():
    """engagekit duties --changes 2022-06-30 2022-07-01 shows the CCG -> ICB change."""
    status, text = run("duties", "--changes", "2022-06-30", "2022-07-01")
    assert status == 0
    assert "body abolished   clinical commissioning group" in text
    assert "started          nhs-act-s14z45" in text


def test_cli_changes_backwards_names_the_option(capsys):
    """Dates the wrong way round read "end: '2020-01-01' is not allowed: must not be
    before start", the library's argument names, not the option's."""
    status, _ = run("duties", "--changes", "2024-01-01", "2020-01-01")
    assert status == 2
    assert capsys.readouterr().err == (
        "engagekit duties: error: --changes 2024-01-01 2020-01-01: TO must not be before FROM\n"
    )


def test_cli_unknown_body_exits_2(capsys):
    """An unknown body type is one line on stderr and exit status 2."""
    status, _ = run("duties", "--body", "cgc", "--on", "2018-06-01")
    assert status == 2
    err = capsys.readouterr().err
    assert "--body: 'cgc' is not allowed" in err
    assert "did you mean 'ccg'" in err


def test_cli_check(tmp_path: Path):
    """engagekit check EVIDENCE_FILE --body icb --on DATE: exit 1 with gaps, JSON output."""
    evidence = tmp_path / "evidence.toml"
    evidence.write_text(
        '[[evidence]]\nid = "annual-report"\nwhat = "Annual report 2023/24"\ndate = 2024-06-27\n'
        'kind = "annual-report"\nsupports = ["nhs-act-s14z58/explain-duties"]\n',
        encoding="utf-8",
    )
    status, text = run("check", str(evidence), "--body", "icb", "--on", "2024-06-30")
    assert status == 1
    assert "MET            nhs-act-s14z58/explain-duties" in text
    status, text = run(
        "check",
        str(evidence),
        "--body",
        "icb",
        "--on",
        "2024-06-30",
        "--format",
        "json",
        "--applies",
        "service-impact",
    )
    data = json.loads(text)
    assert data["data"]["conditions"] == ["service-impact"]


def test_cli_check_unknown_requirement(tmp_path: Path, capsys):
    """Evidence for an unknown requirement: exit 2 naming the closest ids."""
    evidence = tmp_path / "evidence.toml"
    evidence.write_text(
        '[[evidence]]\nid = "x"\nwhat = "x"\ndate = 2024-06-27\nsupports = ["nhs-act-s14z58/explain"]\n',
        encoding="utf-8",
    )
    status, _ = run("check", str(evidence), "--body", "icb", "--on", "2024-06-30")
    assert status == 2
    assert "nhs-act-s14z58/explain-duties" in capsys.readouterr().err


def test_cli_check_evidence_outside_the_checklist_names_file_path_body_and_day(capsys):
    """The ICB's evidence checked as a CCG's, or before ICBs existed, read "unknown
    requirement 'nhs-act-s14z58/explain-duties'", as if the requirement did not exist,
    without the file or where in it."""
    status, _ = run("check", "icb-annual-reports", "--body", "ccg", "--on", "2020-01-01")
    assert status == 2
    assert capsys.readouterr().err == (
        "engagekit: error: unknown requirement 'nhs-act-s14z58/explain-duties' of the "
        "clinical commissioning group checklist on 2020-01-01, cited at "
        "evidence[0].supports[0] in icb-annual-reports; did you mean "
        "'nhs-act-s14z15/explain-involvement', 'nhs-act-s14z2/a', 'nhs-act-s14z2/constitution'?\n"
    )
    status, _ = run("check", "icb-annual-reports", "--body", "icb", "--on", "2022-01-01")
    assert status == 2
    assert capsys.readouterr().err == (
        "engagekit: error: unknown requirement 'nhs-act-s14z58/explain-duties' of the "
        "integrated care board checklist on 2022-01-01 (no integrated care boards existed "
        "on 2022-01-01: the first were established on 2022-07-01), cited at "
        "evidence[0].supports[0] in icb-annual-reports\n"
    )


@pytest.mark.parametrize("section", ["STATUTORY DUTIES: CCG -> ICB", "COMPLIANCE REPORT"])
def test_demo_has_duties_section(section):
    """engagekit demo shows the CCG -> ICB change and a short compliance report."""
    status, text = run("demo")
    assert status == 0
    assert section in text


def test_cli_check_substantial_change_engages_limbs_b_and_c(tmp_path: Path):
    """`check --applies substantial-change`: a substantial change changes delivery, so
    limbs (b) and (c) of s14Z2(2) apply alongside reg 23."""
    evidence = tmp_path / "evidence.toml"
    evidence.write_text(
        '[[evidence]]\nid = "plan"\nwhat = "Engagement plan"\ndate = 2018-05-01\n'
        'kind = "report"\nsupports = ["nhs-act-s14z2/a"]\n',
        encoding="utf-8",
    )
    status, text = run(
        "check",
        str(evidence),
        "--body",
        "ccg",
        "--on",
        "2018-06-01",
        "--applies",
        "substantial-change",
        "--format",
        "json",
    )
    assert status == 1
    findings = {f["rule"]: f for f in json.loads(text)["data"]["reasons"]}
    assert findings["nhs-act-s14z2/b"]["outcome"] == "not-met"
    assert findings["nhs-act-s14z2/c"]["outcome"] == "not-met"
    assert findings["scrutiny-reg-23/consult-la"]["outcome"] == "not-met"


def test_body_dates_name_their_sources():
    """The foundation trust start rests on S.I. 2004/759 art 2; the PCT's and SHA's ends on
    the Health and Social Care Act 2012 ss34 and 33, with the day only partly verified."""
    from engagekit.duties import BodyType

    assert "S.I. 2004/759" in BodyType.FOUNDATION_TRUST.dates_note
    assert BodyType.FOUNDATION_TRUST.dates_verified
    assert "s34" in BodyType.PCT.dates_note
    assert not BodyType.PCT.dates_verified
    assert "s33" in BodyType.SHA.dates_note
    assert "S.I. 2022/734" in BodyType.ICB.dates_note
    assert BodyType.ICB.dates_verified


def test_changes_are_listed_in_date_order_bodies_and_duties_together() -> None:
    """2001 to mid-2003: the race equality duty (2 April 2001), the strategic health
    authorities (1 October 2002), then s11 and the scrutiny regulations (1 January
    2003); the bodies were listed first, whatever their date."""
    changes = registry().changes_between(dt.date(2001, 1, 1), dt.date(2003, 6, 1))
    lines = render.text(changes).splitlines()[2:]
    assert [line for line in lines if line[:1].isdigit()] == [
        "2001-04-02  started          rra-1976-s71",
        "2002-10-01  body established strategic health authority",
        "2003-01-01  started          hsca-2001-s11",
        "2003-01-01  started          scrutiny-reg-4-2002",
    ]
    assert [r["on"] for r in changes.to_records()] == [
        dt.date(2001, 4, 2),
        dt.date(2002, 10, 1),
        dt.date(2003, 1, 1),
        dt.date(2003, 1, 1),
    ]
