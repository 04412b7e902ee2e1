"""How a decision's parts look in a list, a notebook, a terminal and Markdown.

A policy, an impact, an assessment, a test's assessment, a rule and a ground printed
every attrs field (a rule its sources in full, a policy twenty settings); each now
has a one-line repr, and an option a fact sheet with its assessments.
"""

from __future__ import annotations

import datetime as dt

import attrs

from engagekit import examples, render
from engagekit.decisions import (
    DEFAULT_POLICY,
    Assessment,
    Impact,
    Option,
    Rule,
    TestAssessment,
    required_engagement,
    rule,
)
from engagekit.sources import Source


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


def test_a_rule_is_a_fact_sheet_with_its_secondary_sources() -> None:
    """A rule shows what it asks, its force, its dates, its source and the sources
    that restate it, in text, Markdown and a notebook alike."""
    scrutiny = rule("scrutiny.substantial-variation-2002")
    assert str(scrutiny) == render.text(scrutiny)
    lines = str(scrutiny).splitlines()
    assert lines[:3] == [
        "Consult the overview and scrutiny committee on a substantial development or variation",
        "=====================================================================================",
        "Id: scrutiny.substantial-variation-2002",
    ]
    assert [line for line in lines if line.startswith(("Force:", "Applies:"))] == [
        "Force: law: regulations",
        "Applies: to decisions from 2003-01-01 to 2013-03-31",
    ]
    assert "Secondary sources (1):" in lines
    assert "Source note: As made; in force 1 January 2003 (reg 1(1))." in lines
    bed = rule("test.bed-closures")
    assert render.markdown(bed).splitlines()[:4] == [
        "## Bed-closure test",
        "",
        "| Aspect | Detail |",
        "|---|---|",
    ]
    assert "| Force | national policy, not law |" in render.markdown(bed)
    assert "| Applies | to decisions from 2017-04-01 |" in render.markdown(bed)
    assert "### Secondary sources" not in render.markdown(bed)
    planning = render.markdown(rule("limb.planning")).split("### Secondary sources")[1]
    assert planning.strip().splitlines()[2].endswith("| Quotes s14Z2(2) and its three limbs. |")
    shown = bed._repr_html_()
    assert shown == render.html(bed)
    assert shown.startswith(
        '<div class="engagekit"><table class="engagekit"><caption>Bed-closure test</caption>'
    )
    assert (
        f'<tr><th scope="row"{CELL}>Force</th><td{CELL}>national policy, not law</td></tr>' in shown
    )
    # The source's address is a link.
    url = "https://www.landmarkchambers.co.uk/resource-post/new-bed-closure-test-a-potentially-powerful-tool/"
    assert f'<a href="{url}">{url}</a>' in shown


def test_an_undated_rule_says_no_dates() -> None:
    limb = rule("limb.planning")
    assert limb.applies_from is None
    assert not [line for line in str(limb).splitlines() if line.startswith("Applies")]
    ended = attrs.evolve(limb, applies_to=dt.date(2022, 6, 30))
    assert "Applies: to decisions up to 2022-06-30" in str(ended).splitlines()


def test_markup_in_a_rule_stays_text() -> None:
    source = Source(title="<b>Act</b>", publisher="A & B", note="<i>as made</i>")
    made = Rule(
        id="local.x",
        title="<script>alert(1)</script>",
        statement="Ask <em>everyone</em>",
        source=source,
        secondary=[Source(title="Note <u>1</u>", publisher="C", note="<s>struck</s>")],
    )
    shown = made._repr_html_()
    assert "<script>" not in shown
    assert "<em>" not in shown
    assert "<i>" not in shown
    assert "<u>" not in shown
    assert "<s>" not in shown
    assert "<caption>&lt;script&gt;alert(1)&lt;/script&gt;</caption>" in shown
    assert f"<td{CELL}>Ask &lt;em&gt;everyone&lt;/em&gt;</td>" in shown
    assert f"<td{CELL}>A &amp; B, &lt;b&gt;Act&lt;/b&gt;</td>" in shown
    assert f"<td{CELL}>&lt;s&gt;struck&lt;/s&gt;</td>" in shown
    assert render.markdown(made).startswith("## &lt;script&gt;alert(1)&lt;/script&gt;")
