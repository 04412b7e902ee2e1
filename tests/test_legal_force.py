"""Law told apart from policy: every rule states its legal force, only law is a breach,
and law cites legislation.gov.uk at its section (issue 10)."""

from __future__ import annotations

import datetime as dt
import io as stdio
import re

from pathlib import Path

import pytest

from engagekit import examples, render
from engagekit.cli import main
from engagekit.cycles import principle_sets
from engagekit.decisions import (
    Impact,
    ServiceChangeTest,
    evaluate,
    required_engagement,
    rule,
    rules,
)
from engagekit.duties import (
    BodyType,
    Checklist,
    DutyRegistry,
    Requirement,
    duties_for,
    load_duties,
    registry,
)
from engagekit.duties.equality import brown_principles
from engagekit.errors import DocumentError
from engagekit.plans import annual_engagement_report
from engagekit.sources import LegalForce


LEGISLATION = re.compile(r"^https://www\.legislation\.gov\.uk/(ukpga|uksi)/\d{4}/\d+/")


def run(*argv: str) -> tuple[int, str]:
    out = stdio.StringIO()
    status = main(list(argv), out=out)
    return status, out.getvalue()


# --- every built-in record states its force -----------------------------------------


def test_every_builtin_record_states_its_force():
    """Every duty, requirement, decision rule, service-change test and principle set
    says what it is in law."""
    for duty in registry():
        assert isinstance(duty.force, LegalForce), duty.id
        for requirement in duty.requirements:
            source = duty.source_of(requirement)
            assert source.force is duty.force_of(requirement), duty.requirement_id(requirement)
    for decision_rule in rules():
        assert isinstance(decision_rule.force, LegalForce), decision_rule.id
    for test in ServiceChangeTest:
        for test_rule in test.rules:
            assert test_rule.force is LegalForce.NATIONAL_POLICY, test_rule.id
    for principles in (*principle_sets().values(), brown_principles()):
        assert isinstance(principles.source.force, LegalForce), principles.id


def test_principle_sets_and_guidance_actions_have_the_right_force():
    """Real Involvement is statutory guidance (s242(1G)); Sutton's principles are one
    CCG's practice; Brown is case law; the ten actions of the 2017 guidance are guidance
    to have regard to, not statute."""
    sets = principle_sets()
    assert sets["real-involvement"].source.force is LegalForce.STATUTORY_GUIDANCE
    assert sets["sutton"].source.force is LegalForce.LOCAL_PRACTICE
    assert sets["sutton"].source.publisher == "NHS Sutton Clinical Commissioning Group"
    assert brown_principles().source.force is LegalForce.CASE_LAW
    actions = registry().get("guidance-participation-2017")
    assert actions.force is LegalForce.STATUTORY_GUIDANCE
    assert not actions.binding
    assert len(actions.requirements) == 10


def test_local_practice_names_whose():
    """Formal consultation for significant change is NHS County Durham CCG's practice, and
    'at least Involve' rests on NHS Derby and Derbyshire CCG's: neither is law."""
    consultation = rule("proportionality.consultation")
    level = rule("proportionality.level")
    assert consultation.force is LegalForce.LOCAL_PRACTICE
    assert consultation.source.publisher == "NHS County Durham CCG"
    assert level.force is LegalForce.LOCAL_PRACTICE
    assert level.source.publisher == "NHS Derby and Derbyshire CCG"
    local = [r for r in rules() if r.force is LegalForce.LOCAL_PRACTICE]
    assert {consultation.id, level.id} <= {r.id for r in local}
    assert [r.id for r in local if r.source.publisher == "legislation.gov.uk"] == []


# --- primary citations -------------------------------------------------------------


#: Regulations inserted by a later instrument into one legislation.gov.uk holds only as
#: made, so with no page of their own: each is cited at the provision inserting it.
_CITED_WHERE_INSERTED = {"scrutiny-reg-4a-2002": "/uksi/2004/696/schedule/1/paragraph/46/"}


def test_every_statute_or_regulation_cites_legislation_gov_uk_at_its_section():
    """Each statute or regulations duty cites legislation.gov.uk at the section (or
    regulation) it names, or where that regulation was inserted when it has no page."""
    for duty in registry():
        if not duty.force.binding:
            continue
        url = duty.citation.url
        assert url is not None, duty.id
        assert LEGISLATION.match(url), (duty.id, url)
        section = duty.citation.section
        assert section is not None, duty.id
        number = section.removeprefix("reg ").strip()
        part = "regulation" if section.startswith("reg ") else "section"
        where = _CITED_WHERE_INSERTED.get(duty.id, f"/{part}/{number}/")
        assert where in url, (duty.id, url)


def test_every_law_rule_cites_legislation_gov_uk():
    """Decision rules of statute or regulations take legislation.gov.uk as their source."""
    law = [r for r in rules() if r.force in (LegalForce.STATUTE, LegalForce.REGULATIONS)]
    assert {r.id for r in law} >= {"limb.planning", "equality.due-regard"}
    for decision_rule in law:
        assert decision_rule.source.publisher == "legislation.gov.uk", decision_rule.id
        assert decision_rule.source.url is not None
        assert LEGISLATION.match(decision_rule.source.url), decision_rule.id


def test_s14z2_cites_the_section_not_the_crosshead_of_14z11_to_14z15():
    """The old address was the cross-heading 'commissioning plans and reports'
    (ss14Z11-14Z15); s14Z2 is cited at its own section as in force on 1 April 2013."""
    duty = registry().get("nhs-act-s14z2")
    assert (
        duty.citation.url == "https://www.legislation.gov.uk/ukpga/2006/41/section/14Z2/2013-04-01"
    )
    assert "crossheading" not in (rule("limb.planning").source.url or "")
    assert any("ss14Z11-14Z15" in note for note in duty.notes)


def test_s14z45_cites_its_own_section_not_s14z59():
    """The old address held s14Z59 (performance assessment of ICBs)."""
    duty = registry().get("nhs-act-s14z45")
    assert (
        duty.citation.url == "https://www.legislation.gov.uk/ukpga/2006/41/section/14Z45/2022-07-01"
    )
    assert registry().get("nhs-act-s14z59").citation.url == (
        "https://www.legislation.gov.uk/ukpga/2006/41/section/14Z59/2022-07-01"
    )


def test_secondary_pages_are_kept_as_secondary_sources():
    """s14Z2 was cited to Hartlepool's committee papers and s149 to a solicitors' page;
    both are now secondary to legislation.gov.uk."""
    for limb in ("limb.planning", "limb.proposals", "limb.decisions"):
        found = rule(limb)
        assert found.source.title.startswith("National Health Service Act 2006, section 14Z2")
        assert [s.publisher for s in found.secondary] == ["Hartlepool Borough Council"]
    equality = rule("equality.due-regard")
    assert (
        equality.source.url == "https://www.legislation.gov.uk/ukpga/2010/15/section/149/2011-04-05"
    )
    assert [s.publisher for s in equality.secondary] == ["Murray Stable"]


def test_point_in_time_citations_follow_the_wording_of_each_period():
    """s242 as enacted (1 March 2007) and as substituted (3 November 2008) cite the text
    of their own day."""
    versions = [d for d in registry() if d.id == "nhs-act-s242"]
    urls = [d.citation.url for d in versions]
    assert urls[:2] == [
        "https://www.legislation.gov.uk/ukpga/2006/41/section/242/2007-03-01",
        "https://www.legislation.gov.uk/ukpga/2006/41/section/242/2008-11-03",
    ]


def test_the_four_tests_are_dated_and_not_cited_to_the_bed_closure_test():
    """'Support from GP commissioners' (Revised Operating Framework 2010/11, as Oxfordshire
    CCG's Appendix 1 quotes it) binds 2010 to 2013 only; no version is cited to 'NHS
    England bed-closure test'; the ICB version does not say 'GP commissioners'."""
    versions = [d for d in registry() if d.id == "service-change-tests"]
    assert [v.in_force_from for v in versions] == [
        dt.date(2010, 6, 21),
        dt.date(2013, 4, 1),
        dt.date(2017, 4, 1),
        dt.date(2022, 7, 1),
    ]
    first = versions[0]
    assert first.requirement("1-commissioner-support").text == "Support from GP commissioners."
    assert first.citation.instrument.startswith(
        "The Revised Operating Framework for the NHS in England 2010/11"
    )
    for version in versions:
        assert "bed-closure" not in version.citation.instrument
        assert version.force is LegalForce.NATIONAL_POLICY
    icb = duties_for(BodyType.ICB, dt.date(2024, 6, 1))
    tests = next(d for d in icb if d.id == "service-change-tests")
    assert "GP commissioners" not in tests.requirement("1-commissioner-support").text
    assert not tests.requirement("1-commissioner-support").verified
    # The bed test is cited on its own, read through Landmark Chambers' page.
    bed = tests.source_of(tests.requirement("5-bed-closures"))
    assert (bed.publisher, bed.note) == (
        "Landmark Chambers",
        "cites NHS England bed-closure test (announced 3 March 2017)",
    )


def test_the_2022_principles_are_not_claimed_as_nhs_england_wording():
    """domain.md §3.6: the ten principles' wording is NHS Somerset ICB's restatement; NHS
    England's own list was not seen, so each is unverified and says so."""
    guidance = registry().get("guidance-working-in-partnership-2022")
    principles = [r for r in guidance.requirements if r.key[0].isdigit()]
    assert len(principles) == 10
    for principle in principles:
        assert not principle.verified
        assert "NHS Somerset ICB's restatement" in (principle.note or "")
    assert any("NHS England's own wording is not verified" in n for n in guidance.notes)


# --- results and renderers -----------------------------------------------------------


def test_guidance_gaps_read_as_departures_not_breaches():
    """The ten actions of the 2017 guidance are 'have regard' guidance: a gap needs
    recorded reasons; a gap against s14Z2 is a breach."""
    report = Checklist.for_body("ccg", on="2018-06-01").assess([], as_of="2018-06-01")
    action = report.finding("guidance-participation-2017/1-governance")
    assert not action.breach
    assert action.message == (
        "not followed (no evidence): departure needs recorded reasons, not a breach of law"
    )
    assert report.finding("nhs-act-s14z2/a").breach
    assert action in report.overridable
    assert action not in report.breaches
    text = render.text(report)
    assert "NOT FOLLOWED: departure needs recorded reasons guidance-participation-2017" in text
    assert "NOT MET        nhs-act-s14z2/a" in text
    assert "statutory guidance (have regard)" in render.markdown(report)
    assert "statutory guidance (have regard)" in report._repr_html_()


def test_cli_check_does_not_call_the_ten_actions_not_met(tmp_path: Path):
    """`engagekit check` on a 2018 CCG with no evidence for the 2017 actions."""
    evidence = tmp_path / "evidence.toml"
    evidence.write_text(
        '[[evidence]]\nid = "minutes"\nwhat = "Governing body minutes"\ndate = 2018-03-08\n'
        'kind = "minutes"\nsupports = ["nhs-act-s14z2/a"]\n'
    )
    status, text = run("check", str(evidence), "--body", "ccg", "--on", "2018-06-01")
    assert status == 1
    lines = [line for line in text.splitlines() if "guidance-participation-2017/" in line]
    assert len(lines) == 10
    assert [line for line in lines if not line.startswith("NOT FOLLOWED: departure needs")] == []
    assert "not met: no evidence" not in text.split("guidance-participation-2017")[1]


def test_cli_duties_groups_by_force():
    """`engagekit duties` no longer heads everything 'Duties binding'."""
    status, text = run("duties", "--body", "ccg", "--on", "2018-06-01")
    assert status == 0
    assert "Duties binding" not in text
    headings = [line for line in text.splitlines() if line and not line.startswith(" ")]
    assert headings[2:6] == [
        "Statute: a gap is a breach of the law",
        "Regulations: a gap is a breach of the law",
        "Statutory guidance (have regard): departure is lawful with recorded reasons",
        "National policy, not law: the decision maker may depart from it",
    ]
    # s14T, s14Z15, s14Z2, s14P, s14U, s149 and Health Act 2009 s2 by statute, reg 23
    assert "8 of 10 are law; only a gap against law is a breach." in text


def test_duty_renderers_show_the_force():
    tests = registry().get("service-change-tests")
    assert "| national policy |" in " ".join(render.text(tests).split())  # wrapped text
    assert "national policy" in render.markdown(tests)
    assert "national policy" in tests._repr_html_()
    found = duties_for("icb", "2024-06-01")
    assert "### National policy, not law" in render.markdown(found)
    assert "Statutory guidance (have regard)" in found._repr_html_()


def test_verdict_says_which_blocking_reasons_are_policy():
    """The unproportionate service change: only the health scrutiny consultation
    (S.I. 2013/218 reg 23) is a breach; local practice and the four tests can be
    overridden."""
    verdict = evaluate(examples.unproportionate_service_change())
    assert [r.rule for r in verdict.breaches] == ["scrutiny.substantial-variation"]
    overridable = {r.rule for r in verdict.overridable}
    assert {"proportionality.level", "proportionality.consultation", "test.engagement"} <= (
        overridable
    )
    assert "scrutiny.substantial-variation" not in overridable
    text = render.text(verdict)
    assert "force: local practice (NHS County Durham CCG), not law" in text
    assert "force: local practice (NHS Derby and Derbyshire CCG), not law" in text
    assert "force: law: regulations; breach of the law" in text
    assert "Breaches of law (statute, regulations, case law): Consult the local authority" in text
    html = verdict._repr_html_()
    assert ">Force</th>" in html
    assert "Breaches of law" in html
    assert "| local practice (NHS County Durham CCG), not law" in render.markdown(verdict)


def test_every_result_has_breaches_and_overridable():
    """A principle-set score (local practice) has overridable gaps and no breaches."""
    result = principle_sets()["sutton"].score({})
    assert result.breaches == ()
    assert len(result.overridable) == len(result.reasons)


def test_equality_message_says_due_regard_not_an_assessment():
    """Equality Act 2010 s149(1) asks for due regard; the rule's note says the
    assessment is engagekit's policy, and the output keeps it."""
    need = required_engagement(Impact(kind="closure", people_affected=900), on="2024-06-01")
    ground = next(g for g in need.grounds if g.rule == "equality.due-regard")
    assert "the Act requires due regard, not an equality impact assessment" in ground.message
    assert "engagekit's policy, not the Act's wording" in ground.message
    assert "[law: statute]" in render.text(need)
    verdict = evaluate(examples.unproportionate_service_change())
    text = " ".join(render.text(verdict).split())  # as one line: the text wraps at 100
    assert "s149(1) requires due regard to equality, not an assessment" in text
    assert (
        "note: That an equality impact assessment records the regard is engagekit's policy, "
        "not the Act's wording." in text
    )


def test_cli_evaluate_labels_local_practice(tmp_path: Path):
    """`engagekit evaluate` shows each reason's force."""
    from engagekit import io

    decision = tmp_path / "decision.json"
    decision.write_text(io.dumps(examples.unproportionate_service_change()))
    status, text = run("evaluate", str(decision))
    assert status == 1
    assert "force: local practice (NHS County Durham CCG), not law" in text


def test_annual_report_states_the_force_of_each_part():
    plan = examples.oxfordshire_delivery_plan()
    report = annual_engagement_report(2015, body="Oxfordshire CCG", plan=plan)
    duty = report.section("The public involvement duty")
    assert duty.paragraphs[1].startswith("Legal force: statute.")
    assert report.section("The Engagement Cycle").paragraphs[0].startswith("Legal force: none.")
    actions = report.section("Actions").paragraphs[0]
    assert actions.startswith("Legal force: local practice (Oxfordshire CCG's own action plan)")
    assert "Legal force: statute." in render.markdown(report)


# --- data files ----------------------------------------------------------------------

LOCAL = """
[[duty]]
id = "local-charter"
title = "Local engagement charter"
summary = "Publish an engagement plan each year."
{force}
citation = {{ instrument = "Example ICB constitution", section = "Part 5" }}
bodies = ["icb"]
in_force_from = 2023-04-01
verified = true
reviewed_on = 2024-01-15
source = {{ title = "Constitution", publisher = "NHS Example ICB" }}
[[duty.requirements]]
key = "plan"
text = "Publish the engagement plan"
"""


def _load(force_line: str) -> DutyRegistry:
    handle = stdio.BytesIO(LOCAL.format(force=force_line).encode())
    handle.name = "local.toml"
    return load_duties(handle)


def test_older_kind_key_and_words_still_load():
    """`kind = "policy"` (the DutyKind word) reads as national policy, `have-regard` as
    statutory guidance."""
    assert _load('kind = "policy"').get("local-charter").force is LegalForce.NATIONAL_POLICY
    guidance = _load('force = "have-regard"').get("local-charter")
    assert guidance.force is LegalForce.STATUTORY_GUIDANCE


def test_kind_and_force_together_is_an_error():
    with pytest.raises(
        DocumentError, match=r"(?s)local\.toml.*give 'force' only \('kind' is its older"
    ):
        _load('kind = "policy"\nforce = "local-practice"')


def test_local_practice_requirement_names_whose():
    """A requirement of its own force is published by the duty's source."""
    duty = registry().get("nhs-act-s14z15")
    promise = Requirement(key="forum", text="Hold a public forum each quarter.", force="local")
    assert duty.force_of(promise) is LegalForce.LOCAL_PRACTICE
    source = duty.source_of(promise)
    assert source.force is LegalForce.LOCAL_PRACTICE
    assert source.publisher == "NHS Sutton Clinical Commissioning Group"
    assert duty.source_of(duty.requirement("explain-involvement")).publisher == "UK Parliament"
