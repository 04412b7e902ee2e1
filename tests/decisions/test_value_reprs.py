"""How a decision's parts look in a list, a notebook, a terminal and Markdown.

A policy, an impact, an assessment, a test's assessment, a rule and a ground printed
every attrs field (a rule its sources in full, a policy twenty settings); each now
has a one-line repr, and an option a fact sheet with its assessments.
"""

from __future__ import annotations

import attrs

from engagekit import examples, render
from engagekit.decisions import (
    DEFAULT_POLICY,
    Assessment,
    Impact,
    Option,
    TestAssessment,
    required_engagement,
    rule,
)


CELL = ' style="text-align:left;vertical-align:top"'


def test_a_policy_shows_its_name_and_what_differs_from_the_default() -> None:
    assert repr(DEFAULT_POLICY) == "<Policy 'engagekit default'>"
    local = attrs.evolve(DEFAULT_POLICY, consultation_weeks=8, partly_met_blocks=["affordable"])
    assert repr(local) == (
        "<Policy 'engagekit default': partly_met_blocks=('affordable',), consultation_weeks=8>"
    )
    # Same name, different thresholds: the repr tells them apart.
    assert local != DEFAULT_POLICY
    assert repr(attrs.evolve(DEFAULT_POLICY, name="strict", substantial_people=None)) == (
        "<Policy 'strict'>"
    )


def test_an_impact_shows_its_kind_and_every_field_given() -> None:
    impacts = [
        f().impact
        for f in (
            examples.somerset_rheumatology_decision,
            examples.somerset_patient_transport_decision,
            examples.unproportionate_service_change,
        )
    ]
    assert [repr(i) for i in impacts] == [
        "<Impact new-service: access=('location',)>",
        "<Impact variation: access=('travel',)>",
        (
            "<Impact relocation: access=('location', 'travel'),"
            " protected_groups=('older people', 'disabled people')>"
        ),
    ]
    assert repr(Impact(kind="closure")) == "<Impact closure>"
    assert repr(Impact(kind="closure", permanent=False, cost=-1500.0)) == (
        "<Impact closure: permanent=False, cost=-1500.0>"
    )


def test_assessments_show_what_is_judged_and_the_rating() -> None:
    decision = examples.unproportionate_service_change()
    assert [repr(a) for a in decision.assessments[:2]] == [
        (
            "<Assessment acceptable to patients: unknown, evidence=('leaflet',),"
            " notes='patients were told, not asked'>"
        ),
        "<Assessment acceptable to staff: met, evidence=('staff-briefing',)>",
    ]
    assert [repr(t) for t in decision.tests[:2]] == [
        "<TestAssessment gp support: met, evidence=('gp-letter',)>",
        "<TestAssessment engagement: not met, evidence=('leaflet',), notes='information only'>",
    ]
    beds = TestAssessment(
        test="bed closures", rating="partly met", conditions=["alternative provision"]
    )
    assert repr(beds) == (
        "<TestAssessment bed closures: partly met, conditions=('alternative-provision',)>"
    )
    long = Assessment(criterion="affordable", rating="met", notes="x" * 50)
    assert repr(long) == f"<Assessment affordable: met, notes='{'x' * 39}…'>"


def test_rules_and_grounds_are_one_line() -> None:
    assert repr(rule("test.bed-closures")) == (
        "<Rule 'test.bed-closures' 'Bed-closure test' (national policy, from 2017-04-01)>"
    )
    assert repr(rule("scrutiny.substantial-variation-2002")) == (
        "<Rule 'scrutiny.substantial-variation-2002' 'Consult the overview and scrutiny commi…'"
        " (regulations, from 2003-01-01 to 2013-03-31)>"
    )
    assert repr(rule("gunning.adequate-time")) == (
        "<Rule 'gunning.adequate-time' 'Allow adequate time' (case law)>"
    )
    ground = required_engagement(Impact(kind="variation")).grounds[0]
    assert repr(ground) == (
        "<Ground 'limb.planning' 'limb (a) involvement in planning the commissioning arrangem…'>"
    )
    assert str(ground) == ground.message


def _link_option() -> Option:
    return examples.somerset_patient_transport_decision().options[0]


def test_an_option_is_a_fact_sheet_with_its_assessments() -> None:
    option = _link_option()
    assert repr(option) == "<Option 'link-recommendations' with 5 assessments>"
    assert str(option) == render.text(option)
    assert str(option).splitlines()[:7] == [
        "Include the LINk's recommendations as service development proposals",
        "===================================================================",
        "Id: link-recommendations",
        "Assessments (5):",
        "  - acceptable (patients): met; evidence: patient-stories, link-recommendations",
        "      built on over 350 patient stories",
        "  - acceptable (public): met; evidence: link-recommendations",
    ]
    assert render.markdown(option).splitlines()[:11] == [
        "## Include the LINk's recommendations as service development proposals",
        "",
        "| Aspect | Detail |",
        "|---|---|",
        "| Id | link-recommendations |",
        "",
        "### Assessments",
        "",
        "| Criterion | Audience | Rating | Evidence | Notes |",
        "|---|---|---|---|---|",
        (
            "| acceptable | patients | met | patient-stories, link-recommendations"
            " | built on over 350 patient stories |"
        ),
    ]
    shown = option._repr_html_()
    assert shown == render.html(option)
    assert shown.startswith(
        '<div class="engagekit"><table class="engagekit"><caption>Include the LINk&#x27;s'
        " recommendations as service development proposals</caption>"
    )
    assert "<caption>Assessments</caption>" in shown
    assert f"<td{CELL}>recommended by the LINk</td>" in shown


def test_an_unassessed_option_has_no_assessments_table_and_markup_stays_text() -> None:
    option = Option(id="x", title="<b>Close</b> & move", summary="<script>alert(1)</script>")
    shown = option._repr_html_()
    assert "<b>" not in shown
    assert "<script>" not in shown
    assert "<caption>&lt;b&gt;Close&lt;/b&gt; &amp; move</caption>" in shown
    assert f"<td{CELL}>&lt;script&gt;alert(1)&lt;/script&gt;</td>" in shown
    assert "Assessments" not in shown
    assert render.text(option) == (
        "<b>Close</b> & move\n===================\nId: x\nSummary: <script>alert(1)</script>"
    )
